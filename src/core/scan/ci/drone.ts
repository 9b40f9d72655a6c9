// Drone (.drone.yml) and Woodpecker (.woodpecker.yml, .woodpecker/*.yml), which grew out of
// Drone and keep its step shape: every step is a container that runs `commands`, or, without
// commands, a plugin image configured by `settings`. A Drone file holds one pipeline per YAML
// document (`kind: pipeline`); a Woodpecker file is one workflow with `steps` as a list or a
// mapping (older files: `pipeline:`). `failure: ignore` lets a step fail without failing the run.
import { deref, isMap, isSeq } from '../../yaml';
import { CiFile, CiJob, CiStep } from '../types';
import {
  emptyCiFile,
  entries,
  entry,
  Entry,
  envMap,
  get,
  guard,
  itemLoc,
  items,
  keyLoc,
  locatedScalar,
  nodeLoc,
  openYaml,
  scriptLines,
  spend,
  str,
  stringItems,
  valueString,
  YamlCtx,
} from './common';
import { defineDialect } from './dialect';

/** Events a `when`/`trigger` condition names (`event: push`, `event: [push, tag]`, `event: {include: [...]}`). */
function eventsOf(ctx: YamlCtx, node: unknown, out: string[]): void {
  const conditions = isSeq(deref(ctx.doc, node)) ? items(ctx, node) : [node];
  for (const c of conditions) {
    const ev = get(ctx, c, 'event');
    const names = isMap(deref(ctx.doc, ev)) ? stringItems(ctx, get(ctx, ev, 'include')) : stringItems(ctx, ev);
    for (const n of names) if (n && !out.includes(n)) out.push(n);
  }
}

function step(ctx: YamlCtx, node: unknown, name: string | undefined, at: ReturnType<typeof itemLoc>): CiStep | undefined {
  if (!isMap(deref(ctx.doc, node))) return undefined;
  const image = locatedScalar(ctx, get(ctx, node, 'image'));
  const s: CiStep = { name: name ?? image?.value, loc: at, script: [], inputs: {}, env: envMap(ctx, get(ctx, node, 'environment')) };
  const failure = entry(ctx, node, 'failure');
  if (failure && str(ctx, failure.value) === 'ignore') s.cannotFail = keyLoc(ctx, failure);
  const commands = entry(ctx, node, 'commands');
  if (commands) s.script.push(...scriptLines(ctx, commands.value));
  else if (image) {
    // A plugin: the image's entrypoint does the work, configured by `settings`.
    s.uses = image;
    for (const e of entries(ctx, get(ctx, node, 'settings'))) s.inputs[e.key] = { value: valueString(ctx, e.value), loc: keyLoc(ctx, e) };
  }
  return s;
}

/** `steps:` as a list of mappings (`- name: x`) or a mapping of name → step. */
function stepsOf(ctx: YamlCtx, file: CiFile, stepsEntry: Entry, job: CiJob): void {
  const value = stepsEntry.value;
  const add = (node: unknown, name: string | undefined, at: ReturnType<typeof itemLoc>) => {
    if (!spend(ctx)) return;
    const s = step(ctx, node, name, at);
    if (s) job.steps.push(s);
    else file.problems.push({ message: 'A step should be a mapping with an `image`', line: at.line, column: at.column, severity: 'error' });
  };
  if (isSeq(value)) for (const node of items(ctx, value)) add(node, str(ctx, get(ctx, node, 'name')), itemLoc(ctx, node));
  else if (isMap(value)) for (const e of entries(ctx, value)) add(e.value, e.key, keyLoc(ctx, e));
  else {
    const at = keyLoc(ctx, stepsEntry);
    file.problems.push({ message: '`steps` should be a list or a mapping', line: at.line, column: at.column, severity: 'error' });
  }
}

function services(ctx: YamlCtx, node: unknown, job: CiJob): void {
  const list = isSeq(deref(ctx.doc, node)) ? items(ctx, node) : entries(ctx, node).map((e) => e.value);
  for (const s of list) {
    const image = locatedScalar(ctx, get(ctx, s, 'image'));
    if (image) job.services.push(image);
  }
}

export function parseDronePipeline(path: string, text: string): CiFile {
  const file = emptyCiFile('drone', path);
  guard(file.problems, 'the pipelines', () => {
    let anchored = false;
    for (const ctx of openYaml(file, text)) {
      const root = ctx.doc.contents;
      if (!isMap(root)) continue;
      const kind = str(ctx, get(ctx, root, 'kind')) ?? 'pipeline';
      if (kind !== 'pipeline') continue; // secrets, signatures, templates
      const stepsEntry = entry(ctx, root, 'steps');
      const name = str(ctx, get(ctx, root, 'name')) ?? 'default';
      const job: CiJob = { id: name, loc: keyLoc(ctx, entry(ctx, root, 'name') ?? entries(ctx, root)[0]), steps: [], services: [], env: envMap(ctx, get(ctx, root, 'environment')) };
      const type = locatedScalar(ctx, get(ctx, root, 'type'));
      if (type) job.runner = type;
      eventsOf(ctx, get(ctx, root, 'trigger'), file.events);
      services(ctx, get(ctx, root, 'services'), job);
      if (stepsEntry) {
        if (!anchored) file.anchor = keyLoc(ctx, stepsEntry);
        anchored = true;
        stepsOf(ctx, file, stepsEntry, job);
      } else {
        file.problems.push({ message: `Pipeline '${name}' has no \`steps\``, line: job.loc.line, column: job.loc.column, severity: 'error' });
      }
      file.jobs.push(job);
    }
  });
  return file;
}

export function parseWoodpeckerWorkflow(path: string, text: string): CiFile {
  const file = emptyCiFile('woodpecker', path);
  guard(file.problems, 'the workflow', () => {
    const ctx = openYaml(file, text).find((d) => isMap(d.doc.contents));
    if (!ctx) return;
    const root = ctx.doc.contents;
    const stepsEntry = entry(ctx, root, 'steps') ?? entry(ctx, root, 'pipeline');
    const base = path.slice(path.lastIndexOf('/') + 1).replace(/\.ya?ml$/i, '').replace(/^\./, '');
    const job: CiJob = { id: base, loc: file.anchor, steps: [], services: [], env: {} };
    eventsOf(ctx, get(ctx, root, 'when'), file.events);
    services(ctx, get(ctx, root, 'services'), job);
    if (!stepsEntry) {
      const first = entries(ctx, root)[0];
      if (first) file.anchor = keyLoc(ctx, first);
      file.problems.push({ message: 'The workflow has no `steps`', line: file.anchor.line, column: file.anchor.column, severity: 'error' });
      return;
    }
    file.anchor = keyLoc(ctx, stepsEntry);
    job.loc = file.anchor;
    stepsOf(ctx, file, stepsEntry, job);
    file.jobs.push(job);
  });
  return file;
}

/** Drone runners that start each pipeline in fresh containers or machines; `exec`/`ssh` reuse a host. */
const FRESH_DRONE_RUNNERS = new Set(['docker', 'kubernetes', 'digitalocean', 'aws', 'vm']);

export const droneDialect = defineDialect({
  kind: 'drone',
  system: 'Drone',
  fileLabel: 'Drone pipeline',
  matchesPath: (p) => p.path === '.drone.yml' || p.path === '.drone.yaml',
  matchesContent: false,
  testFolders: 'count',
  activationGlobs: ['.drone.{yml,yaml}'],
  parse: parseDronePipeline,
  uses: { vocabulary: 'image', evidenceLabel: 'image' },
  localIncludes: 'indexed',
  refusesInvalidFile: true,
  ephemeralJob: (job) => FRESH_DRONE_RUNNERS.has((job.runner?.value ?? 'docker').toLowerCase()),
  pipelineRank: 8,
  fixes: { placements: ['item'] },
});

export const woodpeckerDialect = defineDialect({
  kind: 'woodpecker',
  system: 'Woodpecker CI',
  fileLabel: 'Woodpecker workflow',
  matchesPath: (p) =>
    p.path === '.woodpecker.yml' || p.path === '.woodpecker.yaml' || (p.dir === '.woodpecker' && p.yaml),
  matchesContent: false,
  testFolders: 'count',
  activationGlobs: ['.woodpecker.{yml,yaml}', '.woodpecker/*.{yml,yaml}'],
  parse: parseWoodpeckerWorkflow,
  uses: { vocabulary: 'image', evidenceLabel: 'image' },
  localIncludes: 'indexed',
  refusesInvalidFile: true,
  // Every step names its container image; the agent starts it fresh.
  ephemeralJob: () => true,
  pipelineRank: 9,
  fixes: { placements: ['item'] },
});
