// Bitbucket Pipelines (bitbucket-pipelines.yml): every step of every pipeline is a job. Steps
// are often shared through anchors in `definitions:`; aliases are followed, so evidence points
// at the anchored definition's real lines, and a step reused by alias is reported once.
import { defineDialect } from './dialect';
import { deref, isMap, isScalar, isSeq } from '../../yaml';
import { CiFile, CiJob, CiStep, Loc, Located, ShellLine } from '../types';
import {
  addReference,
  emptyCiFile,
  entries,
  Entry,
  get,
  guard,
  items,
  keyLoc,
  located,
  locatedScalar,
  nodeLoc,
  openYaml,
  scriptLines,
  spend,
  str,
  valueString,
  YamlCtx,
} from './common';

const PIPELINE_KINDS = ['default', 'branches', 'pull-requests', 'tags', 'custom'];

interface Context {
  /** Job id prefix for unnamed steps, e.g. `default[0]` or `branches.main[1][0]`. */
  path: string;
  stage?: string;
  manual?: boolean;
}

class BitbucketParser {
  private globalImage?: Located;
  /** definitions.services: name → image node. */
  private readonly services = new Map<string, unknown>();
  /** One job per step mapping (a step reused by alias is one job). */
  private readonly seen = new Map<unknown, CiJob>();
  private readonly ids = new Set<string>();

  constructor(private readonly ctx: YamlCtx, private readonly file: CiFile) {}

  problem(message: string, at: Loc, severity: 'error' | 'warning' = 'warning'): void {
    this.file.problems.push({ message, line: at.line, column: at.column, severity });
  }

  run(): void {
    const { ctx, file } = this;
    const root = entries(ctx, ctx.doc.contents);
    const byKey = new Map(root.map((e) => [e.key, e] as const));

    const image = byKey.get('image');
    if (image) this.globalImage = this.image(image.value);
    for (const s of entries(ctx, get(ctx, byKey.get('definitions')?.value, 'services'))) {
      const img = get(ctx, s.value, 'image');
      if (img !== undefined) this.services.set(s.key, img);
    }

    const pipelines = byKey.get('pipelines');
    if (!pipelines) {
      if (root[0]) file.anchor = keyLoc(ctx, root[0]);
      this.problem('The file has no `pipelines`', file.anchor);
      return;
    }
    file.anchor = keyLoc(ctx, pipelines);
    if (!isMap(pipelines.value)) {
      this.problem('`pipelines` should be a mapping', file.anchor, 'error');
      return;
    }
    for (const p of entries(ctx, pipelines.value)) {
      if (!PIPELINE_KINDS.includes(p.key)) {
        this.problem(`Unknown pipeline kind '${p.key}'`, keyLoc(ctx, p));
        continue;
      }
      if (!file.events.includes(p.key)) file.events.push(p.key);
      guard(file.problems, `pipelines.${p.key}`, () => {
        if (p.key === 'default') this.list(p.value, { path: 'default' }, keyLoc(ctx, p));
        else for (const b of entries(ctx, p.value)) this.list(b.value, { path: `${p.key}.${b.key}` }, keyLoc(ctx, b));
      }, keyLoc(ctx, p));
    }
  }

  private image(node: unknown): Located | undefined {
    const n = deref(this.ctx.doc, node);
    return locatedScalar(this.ctx, isMap(n) ? get(this.ctx, n, 'name') : n);
  }

  /** A pipeline: a list of `step`, `parallel` and `stage` items (custom: also `variables`). */
  private list(node: unknown, c: Context, at: Loc): void {
    const { ctx } = this;
    if (!isSeq(deref(ctx.doc, node))) {
      this.problem(`Pipeline '${c.path}' should be a list of steps`, nodeLoc(ctx, node, at), 'error');
      return;
    }
    items(ctx, node).forEach((item, i) => {
      if (!spend(ctx)) return;
      const path = `${c.path}[${i}]`;
      for (const e of entries(ctx, item)) {
        if (e.key === 'step') this.step(e, { ...c, path });
        else if (e.key === 'parallel') {
          const steps = isMap(e.value) ? get(ctx, e.value, 'steps') : e.value;
          items(ctx, steps).forEach((s, j) => {
            const se = entries(ctx, s).find((x) => x.key === 'step');
            if (se) this.step(se, { ...c, path: `${path}[${j}]` });
          });
        } else if (e.key === 'stage') {
          const stage = e.value;
          const name = str(ctx, get(ctx, stage, 'name'));
          const manual = str(ctx, get(ctx, stage, 'trigger')) === 'manual';
          items(ctx, get(ctx, stage, 'steps')).forEach((s, j) => {
            const se = entries(ctx, s).find((x) => x.key === 'step');
            if (se) this.step(se, { path: `${path}[${j}]`, stage: name ?? c.stage, manual: manual || c.manual });
          });
        }
      }
    });
  }

  private step(e: Entry, c: Context): void {
    const { ctx, file } = this;
    const loc = keyLoc(ctx, e);
    guard(file.problems, `step ${c.path}`, () => {
      const node = e.value;
      if (!isMap(node)) {
        this.problem('A step should be a mapping', loc, 'error');
        return;
      }
      const prior = this.seen.get(node);
      if (prior) {
        if (!c.manual) delete prior.manual;
        return;
      }
      const name = str(ctx, get(ctx, node, 'name'));
      let id = name ?? c.path;
      if (this.ids.has(id)) id = `${id} (${c.path})`;
      this.ids.add(id);
      const job: CiJob = { id, loc, steps: [], services: [], env: {} };
      if (name) job.name = name;
      if (c.stage) job.stage = c.stage;
      job.image = this.image(get(ctx, node, 'image')) ?? this.globalImage;
      for (const s of items(ctx, get(ctx, node, 'services'))) {
        const l = locatedScalar(ctx, s);
        if (!l) continue;
        const img = this.services.get(l.value);
        job.services.push((img !== undefined ? locatedScalar(ctx, img) : undefined) ?? l);
      }
      const runsOn = entries(ctx, node).find((x) => x.key === 'runs-on');
      if (runsOn) job.runner = located(ctx, runsOn.value, keyLoc(ctx, runsOn), ', ');
      if (str(ctx, get(ctx, node, 'trigger')) === 'manual' || c.manual) job.manual = true;

      for (const key of ['script', 'after-script']) {
        const se = entries(ctx, node).find((x) => x.key === key);
        if (se) job.steps.push(...this.script(se, id, key === 'after-script'));
      }
      this.seen.set(node, job);
      file.jobs.push(job);
    }, loc);
  }

  /**
   * `script` / `after-script`: consecutive command entries form one CiStep; each pipe is its
   * own CiStep (with a 'pipe' reference). A failing after-script does not fail the step.
   */
  private script(se: Entry, jobId: string, after: boolean): CiStep[] {
    const { ctx, file } = this;
    const out: CiStep[] = [];
    const keyAt = keyLoc(ctx, se);
    const cannotFail = after ? keyAt : undefined;
    let current: CiStep | undefined;
    const entriesOf = (n: unknown, depth: number): unknown[] => {
      const d = deref(ctx.doc, n);
      if (!isSeq(d) || depth > 5) return [d];
      return d.items.flatMap((i) => (spend(ctx) ? entriesOf(i, depth + 1) : []));
    };
    if (!isSeq(se.value)) {
      this.problem(`\`${se.key}\` should be a list`, keyAt, 'error');
      return out;
    }
    for (const item of entriesOf(se.value, 0)) {
      if (isScalar(item)) {
        const lines: ShellLine[] = scriptLines(ctx, item);
        if (!current) {
          current = { name: after ? 'after-script' : jobId, loc: nodeLoc(ctx, item, keyAt), script: [], inputs: {}, env: {} };
          if (cannotFail) current.cannotFail = cannotFail;
          out.push(current);
        }
        current.script.push(...lines);
        continue;
      }
      current = undefined;
      const pipe = entries(ctx, item).find((x) => x.key === 'pipe');
      if (!pipe) {
        this.problem('A script entry should be a command or a `pipe:`', nodeLoc(ctx, item, keyAt), 'error');
        continue;
      }
      const uses = locatedScalar(ctx, pipe.value);
      if (!uses) continue;
      const step: CiStep = { name: uses.value, loc: keyLoc(ctx, pipe), script: [], uses, inputs: {}, env: {} };
      if (cannotFail) step.cannotFail = cannotFail;
      for (const v of entries(ctx, get(ctx, item, 'variables'))) step.inputs[v.key] = { value: valueString(ctx, v.value), loc: located(ctx, v.value, keyLoc(ctx, v)).loc };
      addReference(file, { kind: 'pipe', ref: uses.value, loc: uses.loc });
      out.push(step);
    }
    return out;
  }
}

export function parseBitbucketPipelines(path: string, text: string): CiFile {
  const file = emptyCiFile('bitbucket-pipelines', path);
  guard(file.problems, 'the pipelines', () => {
    const docs = openYaml(file, text);
    const ctx = docs.find((d) => isMap(d.doc.contents));
    if (!ctx) {
      if (docs.length) {
        const l = nodeLoc(docs[0], docs[0].doc.contents);
        file.problems.push({ message: 'Expected a mapping at the top level', line: l.line, column: l.column, severity: 'error' });
      }
      return;
    }
    new BitbucketParser(ctx, file).run();
  });
  return file;
}

export const bitbucketDialect = defineDialect({
  kind: 'bitbucket-pipelines',
  system: 'Bitbucket Pipelines',
  fileLabel: 'Bitbucket Pipelines file',
  matchesPath: (p) => p.path === 'bitbucket-pipelines.yml' || p.path === 'bitbucket-pipelines.yaml',
  matchesContent: false,
  testFolders: 'count',
  activationGlobs: ['bitbucket-pipelines.{yml,yaml}'],
  parse: parseBitbucketPipelines,
  uses: { vocabulary: 'pipe', evidenceLabel: 'pipe' },
  localIncludes: 'fragment',
  refusesInvalidFile: true,
  // Every step runs in a fresh container.
  ephemeralJob: () => true,
  pipelineRank: 4,
  fixes: { placements: ['step'] },
});
