// Buildkite (.buildkite/pipeline.yml and its siblings): a list of steps, or a mapping with `env`,
// `agents` and `steps`. Every command step is a job (groups hold more of them); `wait`, `block`
// and `input` steps run nothing. Plugins are code of someone else's, fetched when the step runs:
// they are references the scan cannot read, except that the docker plugin names the image.
import { deref, isMap, isScalar, isSeq } from '../../yaml';
import { CiFile, CiJob, Located } from '../types';
import {
  addReference,
  emptyCiFile,
  entries,
  entry,
  envMap,
  get,
  guard,
  isNullish,
  itemLoc,
  items,
  keyLoc,
  located,
  locatedScalar,
  nodeLoc,
  openYaml,
  scriptLines,
  spend,
  str,
  YamlCtx,
} from './common';
import { defineDialect } from './dialect';

/** Plugins that run the step's `command` in a container and add nothing of their own. */
const CONTAINER_PLUGINS = new Set(['docker', 'docker-compose']);

const NON_COMMAND_STEPS = ['wait', 'waiter', 'block', 'input', 'trigger', 'group'];

class BuildkiteParser {
  private readonly ids = new Set<string>();

  constructor(private readonly ctx: YamlCtx, private readonly file: CiFile, private readonly agents?: Located) {}

  steps(node: unknown, path: string, group?: string): void {
    items(this.ctx, node).forEach((item, i) => {
      if (!spend(this.ctx)) return;
      guard(this.file.problems, `step ${path}[${i}]`, () => this.step(item, `${path}[${i}]`, group), nodeLoc(this.ctx, item));
    });
  }

  private uniqueId(id: string, path: string): string {
    const unique = this.ids.has(id) ? `${id} (${path})` : id;
    this.ids.add(unique);
    return unique;
  }

  private step(node: unknown, path: string, group?: string): void {
    const { ctx, file } = this;
    if (isScalar(node)) return; // "wait", "block" shorthands
    if (!isMap(node)) return;
    const label = str(ctx, get(ctx, node, 'label')) ?? str(ctx, get(ctx, node, 'name'));
    const groupEntry = entry(ctx, node, 'group');
    if (groupEntry) {
      this.steps(get(ctx, node, 'steps'), `${path}.steps`, str(ctx, groupEntry.value) ?? label);
      return;
    }
    const trigger = entry(ctx, node, 'trigger');
    if (trigger) {
      // Starts another Buildkite pipeline, whose definition lives with that pipeline.
      const job: CiJob = { id: this.uniqueId(str(ctx, get(ctx, node, 'key')) ?? label ?? str(ctx, trigger.value) ?? path, path), loc: itemLoc(ctx, node), steps: [], services: [], env: {} };
      job.uses = located(ctx, trigger.value, keyLoc(ctx, trigger));
      if (group) job.stage = group;
      file.jobs.push(job);
      return;
    }
    const command = entry(ctx, node, 'command') ?? entry(ctx, node, 'commands');
    const plugins = get(ctx, node, 'plugins');
    if (!command && isNullish(ctx, plugins)) {
      if (!entries(ctx, node).some((e) => NON_COMMAND_STEPS.includes(e.key))) {
        const at = nodeLoc(ctx, node);
        file.problems.push({ message: 'A step should have a `command`, `plugins`, or be a wait, block, input, trigger or group step', line: at.line, column: at.column, severity: 'warning' });
      }
      return;
    }
    const loc = itemLoc(ctx, node);
    const id = this.uniqueId(str(ctx, get(ctx, node, 'key')) ?? label ?? path, path);
    const job: CiJob = { id, loc, steps: [], services: [], env: envMap(ctx, get(ctx, node, 'env')) };
    if (label) job.name = label;
    if (group) job.stage = group;
    const queue = locatedScalar(ctx, get(ctx, get(ctx, node, 'agents'), 'queue')) ?? this.agents;
    if (queue) job.runner = queue;
    const softFail = entry(ctx, node, 'soft_fail');
    // `soft_fail: true`, or a list of exit statuses that do not fail the build.
    if (softFail && !(isScalar(softFail.value) && softFail.value.value === false)) job.cannotFail = keyLoc(ctx, softFail);
    this.plugins(plugins, job);
    if (command) {
      job.steps.push({ name: label ?? id, loc: keyLoc(ctx, command), script: scriptLines(ctx, command.value), inputs: {}, env: {}, ...(job.cannotFail ? { cannotFail: job.cannotFail } : {}) });
    }
    file.jobs.push(job);
  }

  /** `- docker#v5.9.0: {image: node}` or `- some-org/some-plugin#v1`: references; docker's image. */
  private plugins(node: unknown, job: CiJob): void {
    const { ctx, file } = this;
    const list = isMap(deref(ctx.doc, node)) ? entries(ctx, node).map((e) => ({ key: e.key, keyNode: e.keyNode, value: e.value })) : items(ctx, node).flatMap((item) => {
      if (isScalar(item)) return [{ key: str(ctx, item) ?? '', keyNode: item, value: undefined }];
      return entries(ctx, item).map((e) => ({ key: e.key, keyNode: e.keyNode, value: e.value }));
    });
    for (const p of list) {
      if (!p.key) continue;
      const name = p.key.split('#')[0].replace(/^https?:\/\/github\.com\//, '').replace(/^buildkite-plugins\//, '').replace(/-buildkite-plugin$/, '');
      if (name === 'docker' && !job.image) {
        const image = locatedScalar(ctx, get(ctx, p.value, 'image'));
        if (image) job.image = image;
      }
      // The docker plugins only run the step's own command in a container; the others are
      // someone else's code, named once per file where first used.
      if (CONTAINER_PLUGINS.has(name) || file.references.some((r) => r.kind === 'plugin' && r.ref === p.key)) continue;
      addReference(file, { kind: 'plugin', ref: p.key, loc: nodeLoc(ctx, p.keyNode) });
    }
  }
}

export function parseBuildkitePipeline(path: string, text: string): CiFile {
  const file = emptyCiFile('buildkite', path);
  guard(file.problems, 'the pipeline', () => {
    const ctx = openYaml(file, text).find((d) => isMap(d.doc.contents) || isSeq(d.doc.contents));
    if (!ctx) return;
    const root = ctx.doc.contents;
    if (isSeq(root)) {
      // A pipeline may be just the list of steps.
      file.anchor = itemLoc(ctx, root.items[0] ?? root);
      new BuildkiteParser(ctx, file).steps(root, 'steps');
      return;
    }
    Object.assign(file.env, envMap(ctx, get(ctx, root, 'env')));
    const steps = entry(ctx, root, 'steps');
    if (!steps) {
      const first = entries(ctx, root)[0];
      if (first) file.anchor = keyLoc(ctx, first);
      file.problems.push({ message: 'The pipeline has no `steps`', line: file.anchor.line, column: file.anchor.column, severity: 'error' });
      return;
    }
    file.anchor = keyLoc(ctx, steps);
    if (!isSeq(steps.value)) {
      file.problems.push({ message: '`steps` should be a list', line: file.anchor.line, column: file.anchor.column, severity: 'error' });
      return;
    }
    const agents = locatedScalar(ctx, get(ctx, get(ctx, root, 'agents'), 'queue'));
    new BuildkiteParser(ctx, file, agents).steps(steps.value, 'steps');
  });
  return file;
}

export const buildkiteDialect = defineDialect({
  kind: 'buildkite',
  system: 'Buildkite',
  fileLabel: 'Buildkite pipeline',
  // What `buildkite-agent pipeline upload` finds by default, and the other pipelines kept beside
  // it (`.buildkite/pipeline.release.yml`), at the repository root.
  matchesPath: (p) =>
    (p.dir === '.buildkite' && p.yaml && /^pipeline([._-].*)?\.ya?ml$/.test(p.lname)) ||
    (p.dir === '' && /^\.?buildkite\.ya?ml$/.test(p.lname)),
  matchesContent: false,
  testFolders: 'count',
  activationGlobs: ['.buildkite/{pipeline,pipeline.*,pipeline-*,pipeline_*}.{yml,yaml}', '{buildkite,.buildkite}.{yml,yaml}'],
  parse: parseBuildkitePipeline,
  uses: { vocabulary: 'none', evidenceLabel: 'trigger' },
  // `buildkite-agent pipeline upload` reads the pipeline files, which the index reads by name.
  localIncludes: 'indexed',
  refusesInvalidFile: true,
  // Agents are the team's own machines; a step in the docker plugin's container starts fresh.
  ephemeralJob: (job) => (job.image ? true : undefined),
  pipelineRank: 7,
  fixes: { placements: ['item'] },
});
