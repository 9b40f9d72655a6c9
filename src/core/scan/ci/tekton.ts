// Tekton (Task, Pipeline, PipelineRun, TaskRun resources; Pipelines-as-Code keeps them in
// .tekton/): every Task body (a Task, or a `taskSpec` written inline in a Pipeline or a run) is a
// job, its `steps` containers that run a `script` or a `command` with `args`. Tasks and
// StepActions referenced by name are resources of their own (read where they are defined);
// those fetched through a resolver (hub, git, bundles, http, cluster) or by Pipelines-as-Code
// annotations are references the scan cannot read.
import { deref, isMap, isScalar } from '../../yaml';
import { CiFile, CiJob, CiStep, Loc } from '../types';
import {
  addReference,
  commandLine,
  emptyCiFile,
  entries,
  entry,
  get,
  guard,
  itemLoc,
  items,
  keyLoc,
  locatedScalar,
  nodeLoc,
  openYaml,
  scriptLines,
  shellQuote,
  spend,
  str,
  stringItems,
  YamlCtx,
} from './common';
import { defineDialect } from './dialect';

/** The Tekton resources that define or run pipeline work. */
const TEKTON_KINDS = new Set(['Task', 'ClusterTask', 'Pipeline', 'PipelineRun', 'TaskRun', 'StepAction']);

const TEKTON_CONTENT_API = /^["']?apiVersion["']?:[ \t]*["']?tekton\.dev\/v[0-9a-z]+["']?[ \t]*(#.*)?$/m;
const TEKTON_CONTENT_KIND = /^["']?kind["']?:[ \t]*["']?(Task|ClusterTask|Pipeline|PipelineRun|TaskRun|StepAction)["']?[ \t]*(#.*)?$/m;

/** `{name, value}` list items (Tekton env, params) as located variables. */
function namedValues(ctx: YamlCtx, node: unknown): CiStep['env'] {
  const out: CiStep['env'] = {};
  for (const item of items(ctx, node)) {
    const name = str(ctx, get(ctx, item, 'name'));
    const value = locatedScalar(ctx, get(ctx, item, 'value'));
    if (name && value) out[name] = value;
  }
  return out;
}

/** A `resolver:` reference (hub, git, bundles, http, cluster): fetched at run time. */
function resolverRef(ctx: YamlCtx, ref: unknown): string | undefined {
  const resolver = str(ctx, get(ctx, ref, 'resolver'));
  const bundle = str(ctx, get(ctx, ref, 'bundle'));
  if (bundle) return `bundle ${bundle}`;
  if (!resolver) return undefined;
  const params = namedValues(ctx, get(ctx, ref, 'params'));
  const what = params.url?.value ?? params.name?.value ?? params.pathInRepo?.value ?? '';
  return `${resolver}${what ? ` ${what}` : ''}`;
}

class TektonParser {
  constructor(private readonly ctx: YamlCtx, private readonly file: CiFile) {}

  private ref(node: unknown, at: Loc): void {
    const ref = resolverRef(this.ctx, node);
    if (ref) addReference(this.file, { kind: 'remote', ref, loc: at });
  }

  step(node: unknown, index: number): CiStep | undefined {
    const { ctx } = this;
    if (!isMap(deref(ctx.doc, node))) return undefined;
    const loc = itemLoc(ctx, node);
    const image = locatedScalar(ctx, get(ctx, node, 'image'));
    const name = str(ctx, get(ctx, node, 'name'));
    const s: CiStep = { name: name ?? image?.value ?? `steps[${index}]`, loc, script: [], inputs: {}, env: namedValues(ctx, get(ctx, node, 'env')) };
    const onError = entry(ctx, node, 'onError');
    if (onError && str(ctx, onError.value) === 'continue') s.cannotFail = keyLoc(ctx, onError);
    const stepRef = entry(ctx, node, 'ref');
    if (stepRef) this.ref(stepRef.value, keyLoc(ctx, stepRef));
    const script = get(ctx, node, 'script');
    const command = entry(ctx, node, 'command');
    const argsEntry = entry(ctx, node, 'args');
    const args = argsEntry ? stringItems(ctx, argsEntry.value) : [];
    if (script !== undefined && isScalar(deref(ctx.doc, script))) s.script.push(...scriptLines(ctx, script));
    else if (command) {
      const words = [...stringItems(ctx, command.value), ...args];
      if (words.length && /^(\/bin\/|\/usr\/bin\/)?(ba)?sh$/.test(words[0]) && words.findIndex((w) => /^-[a-z]*c[a-z]*$/.test(w)) >= 0) {
        // `sh -c <script>`: the script is the word after -c, wherever it was written.
        const c = words.findIndex((w) => /^-[a-z]*c[a-z]*$/.test(w));
        const scriptNode = [...items(ctx, command.value), ...items(ctx, argsEntry?.value)][c + 1];
        if (scriptNode !== undefined) s.script.push(...scriptLines(ctx, scriptNode));
      } else if (words.length) s.script.push(commandLine(words[0], words.slice(1), keyLoc(ctx, command)));
    } else if (image) {
      s.uses = image;
      if (argsEntry) s.inputs.args = { value: args.map(shellQuote).join(' '), loc: keyLoc(ctx, argsEntry) };
    }
    return s;
  }

  /** A Task body: its steps as one job. */
  taskSpec(spec: unknown, id: string, loc: Loc, stage?: string): void {
    const { ctx } = this;
    const job: CiJob = { id, loc, steps: [], services: [], env: {} };
    if (stage) job.stage = stage;
    for (const sidecar of items(ctx, get(ctx, spec, 'sidecars'))) {
      const image = locatedScalar(ctx, get(ctx, sidecar, 'image'));
      if (image) job.services.push(image);
    }
    items(ctx, get(ctx, spec, 'steps')).forEach((node, i) => {
      if (!spend(ctx)) return;
      const s = this.step(node, i);
      if (s) job.steps.push(s);
    });
    this.file.jobs.push(job);
  }

  /** A Pipeline body: each task is a job when written inline, a reference when fetched. */
  pipelineSpec(spec: unknown, pipeline: string): void {
    const { ctx } = this;
    for (const key of ['tasks', 'finally']) {
      for (const task of items(ctx, get(ctx, spec, key))) {
        const name = str(ctx, get(ctx, task, 'name')) ?? key;
        const loc = itemLoc(ctx, task);
        const inline = get(ctx, task, 'taskSpec');
        const taskRef = entry(ctx, task, 'taskRef');
        if (inline !== undefined) this.taskSpec(inline, name, loc, pipeline);
        else if (taskRef) {
          const job: CiJob = { id: name, loc, stage: pipeline, steps: [], services: [], env: {} };
          const refName = locatedScalar(ctx, get(ctx, taskRef.value, 'name'));
          job.uses = refName ?? { value: resolverRef(ctx, taskRef.value) ?? 'taskRef', loc: keyLoc(ctx, taskRef) };
          this.ref(taskRef.value, keyLoc(ctx, taskRef));
          this.file.jobs.push(job);
        }
      }
    }
  }

  resource(root: unknown, kind: string): void {
    const { ctx, file } = this;
    const metadata = get(ctx, root, 'metadata');
    const name = str(ctx, get(ctx, metadata, 'name')) ?? str(ctx, get(ctx, metadata, 'generateName')) ?? kind;
    const kindEntry = entry(ctx, root, 'kind')!;
    const at = keyLoc(ctx, kindEntry);
    const spec = get(ctx, root, 'spec');
    // Pipelines-as-Code: the events that start the run, and the tasks it fetches for it.
    for (const a of entries(ctx, get(ctx, metadata, 'annotations'))) {
      const value = str(ctx, a.value) ?? '';
      const list = value.replace(/^\[|\]$/g, '').split(',').map((x) => x.trim()).filter(Boolean);
      if (a.key === 'pipelinesascode.tekton.dev/on-event') for (const ev of list) if (!file.events.includes(ev)) file.events.push(ev);
      if (/^pipelinesascode\.tekton\.dev\/(task|pipeline)(-\d+)?$/.test(a.key)) {
        for (const ref of list) if (!ref.startsWith('.') && !/^[\w./-]+\.ya?ml$/.test(ref)) addReference(file, { kind: 'remote', ref, loc: nodeLoc(ctx, a.value) });
      }
    }
    switch (kind) {
      case 'Task':
      case 'ClusterTask':
        this.taskSpec(spec, name, at);
        break;
      case 'StepAction': {
        // A StepAction's spec is one step, used by `ref:` from Task steps.
        const s = this.step(spec, 0);
        file.jobs.push({ id: name, loc: at, steps: s ? [s] : [], services: [], env: {} });
        break;
      }
      case 'TaskRun': {
        const inline = get(ctx, spec, 'taskSpec');
        if (inline !== undefined) this.taskSpec(inline, name, at);
        const taskRef = entry(ctx, spec, 'taskRef');
        if (taskRef) this.ref(taskRef.value, keyLoc(ctx, taskRef));
        break;
      }
      case 'Pipeline':
        this.pipelineSpec(spec, name);
        break;
      case 'PipelineRun': {
        const inline = get(ctx, spec, 'pipelineSpec');
        if (inline !== undefined) this.pipelineSpec(inline, name);
        const pipelineRef = entry(ctx, spec, 'pipelineRef');
        if (pipelineRef) this.ref(pipelineRef.value, keyLoc(ctx, pipelineRef));
        break;
      }
    }
  }
}

export function parseTekton(path: string, text: string): CiFile {
  const file = emptyCiFile('tekton', path);
  guard(file.problems, 'the Tekton resources', () => {
    let anchored = false;
    for (const ctx of openYaml(file, text)) {
      const root = ctx.doc.contents;
      if (!isMap(root)) continue;
      const kindEntry = entry(ctx, root, 'kind');
      const kind = kindEntry ? str(ctx, kindEntry.value) : undefined;
      const api = str(ctx, get(ctx, root, 'apiVersion')) ?? '';
      if (!kindEntry || !kind || !TEKTON_KINDS.has(kind) || !api.startsWith('tekton.dev/')) continue;
      if (!anchored) file.anchor = keyLoc(ctx, kindEntry);
      anchored = true;
      new TektonParser(ctx, file).resource(root, kind);
    }
  });
  return file;
}

export const tektonDialect = defineDialect({
  kind: 'tekton',
  system: 'Tekton',
  fileLabel: 'Tekton resource',
  // Pipelines-as-Code reads .tekton/ at the repository root; elsewhere Tekton YAML is known by content.
  matchesPath: (p) => p.yaml && (p.dir === '.tekton' || p.dir.startsWith('.tekton/')),
  matchesContent: (text) => TEKTON_CONTENT_API.test(text) && TEKTON_CONTENT_KIND.test(text),
  testFolders: 'skip',
  activationGlobs: ['.tekton/**/*.{yml,yaml}'],
  parse: parseTekton,
  uses: { vocabulary: 'image', evidenceLabel: 'image' },
  // Tasks and StepActions referenced by name are resources the index reads where they are defined.
  localIncludes: 'indexed',
  refusesInvalidFile: true,
  // Every TaskRun is a fresh pod.
  ephemeralJob: () => true,
  pipelineRank: 11,
  fixes: {
    noPlacement:
      'a Tekton step only runs inside a Task that a Pipeline references by name and the cluster has installed; a snippet in one file cannot wire that up, so the hover names the gap and the tool instead',
  },
});
