// GitLab CI: .gitlab-ci.yml and its local-include fragments. Resolves `extends` (multi-level,
// cycle-safe), `default:` and global inheritance, and `!reference` tags inside scripts, so that
// every script line points at the line where it is really written.
import { defineDialect } from './dialect';
import { deref, isMap, isScalar, isSeq } from '../../yaml';
import { CiFile, CiJob, CiReference, CiStep, Loc, Located, ShellLine } from '../types';
import {
  emptyCiFile,
  entries,
  Entry,
  get,
  guard,
  isTrue,
  items,
  keyLoc,
  located,
  locatedScalar,
  nodeLoc,
  normalizePath,
  openYaml,
  scriptLines,
  spend,
  str,
  stringItems,
  YamlCtx,
} from './common';

const RESERVED = new Set([
  'image', 'services', 'stages', 'types', 'before_script', 'after_script', 'variables', 'cache',
  'include', 'workflow', 'default', 'spec',
]);

/** Keys a job inherits from `default:` (or the deprecated globals) when it does not set them. */
const DEFAULT_KEYS = [
  'image', 'services', 'before_script', 'after_script', 'cache', 'artifacts', 'tags', 'retry',
  'timeout', 'interruptible', 'hooks', 'id_tokens',
];
const GLOBAL_KEYS = new Set(['image', 'services', 'before_script', 'after_script', 'cache']);

interface EffEntry {
  key: string;
  keyNode: unknown;
  value: unknown;
}

interface Effective {
  entries: Map<string, EffEntry>;
  /** `variables`, merged per variable across `extends`. */
  vars: Map<string, EffEntry>;
  /** Jobs named in `extends` (here or by a parent) that this file does not define: they come from an include. */
  external: Located[];
}

class GitlabParser {
  readonly defs = new Map<string, Entry>();
  private readonly memo = new Map<string, Effective>();
  private readonly resolving = new Set<string>();
  private readonly defaults = new Map<string, EffEntry>();

  constructor(private readonly ctx: YamlCtx, private readonly file: CiFile) {}

  problem(message: string, at: Loc, severity: 'error' | 'warning' = 'warning'): void {
    this.file.problems.push({ message, line: at.line, column: at.column, severity });
  }

  run(): void {
    const { ctx, file } = this;
    const root = entries(ctx, ctx.doc.contents);
    const byKey = new Map(root.map((e) => [e.key, e] as const));
    for (const e of root) if (isMap(e.value)) this.defs.set(e.key, e);

    const include = byKey.get('include');
    if (include) guard(file.problems, '`include`', () => this.includes(include.value, keyLoc(ctx, include)), keyLoc(ctx, include));

    const vars = byKey.get('variables');
    if (vars) file.env = this.variables(vars.value);

    const wf = byKey.get('workflow');
    if (wf) guard(file.problems, '`workflow`', () => this.events(wf.value));

    // Globals first, then `default:` (which wins).
    for (const e of root) if (GLOBAL_KEYS.has(e.key)) this.defaults.set(e.key, { key: e.key, keyNode: e.keyNode, value: e.value });
    const def = byKey.get('default');
    if (def) for (const e of entries(ctx, def.value)) if (DEFAULT_KEYS.includes(e.key)) this.defaults.set(e.key, { key: e.key, keyNode: e.keyNode, value: e.value });

    let firstJob: Entry | undefined;
    for (const e of root) {
      if (RESERVED.has(e.key) || e.key.startsWith('.')) continue;
      const at = keyLoc(ctx, e);
      if (!isMap(e.value)) {
        this.problem(`'${e.key}' is not a job: a job must be a mapping`, at);
        continue;
      }
      firstJob ??= e;
      guard(file.problems, `job '${e.key}'`, () => file.jobs.push(this.job(e)), at);
    }

    const anchor = byKey.get('stages') ?? include ?? firstJob ?? root[0];
    if (anchor) file.anchor = keyLoc(ctx, anchor);
  }

  // ----- includes -------------------------------------------------------------------------

  includes(node: unknown, at: Loc, depth = 0): void {
    const { ctx } = this;
    const n = deref(ctx.doc, node);
    if (depth > 5 || !spend(ctx)) return;
    if (isSeq(n)) {
      for (const i of n.items) this.includes(i, at, depth + 1);
      return;
    }
    if (isScalar(n)) {
      const l = locatedScalar(ctx, n);
      if (l) this.file.references.push(this.fileInclude(l));
      return;
    }
    if (!isMap(n)) {
      this.problem('An `include` entry should be a path, a URL or a mapping', nodeLoc(ctx, n, at));
      return;
    }
    let known = false;
    for (const e of entries(ctx, n)) {
      const push = (kind: CiReference['kind'], l: Located | undefined, localPath?: string) => {
        if (!l) return;
        known = true;
        this.file.references.push(localPath === undefined ? { kind, ref: l.value, loc: l.loc } : { kind, ref: l.value, loc: l.loc, localPath });
      };
      if (e.key === 'local') {
        const l = locatedScalar(ctx, e.value);
        push('local-include', l, l && normalizePath(l.value));
      } else if (e.key === 'template') push('template', locatedScalar(ctx, e.value));
      else if (e.key === 'remote') push('remote', locatedScalar(ctx, e.value));
      else if (e.key === 'component') push('component', locatedScalar(ctx, e.value));
      else if (e.key === 'project') {
        const project = locatedScalar(ctx, e.value);
        const ref = str(ctx, get(ctx, n, 'ref'));
        const fileNode = get(ctx, n, 'file');
        const files = isSeq(fileNode) ? items(ctx, fileNode) : [fileNode];
        for (const f of files) {
          const fl = locatedScalar(ctx, f);
          if (!project) continue;
          const text = `${project.value}:${fl ? fl.value : ''}${ref ? `@${ref}` : ''}`;
          push('project', { value: text, loc: fl ? fl.loc : project.loc });
        }
      }
    }
    if (!known && !entries(ctx, n).some((e) => e.key === 'artifact')) {
      this.problem('Unrecognised `include` entry (expected local, template, remote, project or component)', nodeLoc(ctx, n, at));
    }
  }

  private fileInclude(l: Located): CiReference {
    if (/^https?:\/\//i.test(l.value)) return { kind: 'remote', ref: l.value, loc: l.loc };
    return { kind: 'local-include', ref: l.value, loc: l.loc, localPath: normalizePath(l.value) };
  }

  // ----- variables and events -------------------------------------------------------------

  variables(node: unknown): Record<string, Located> {
    const out: Record<string, Located> = {};
    for (const e of entries(this.ctx, this.val(node, this.file.anchor))) out[e.key] = this.variable(e);
    return out;
  }

  private variable(e: EffEntry): Located {
    const { ctx } = this;
    const at = nodeLoc(ctx, e.keyNode);
    if (isMap(e.value)) {
      const v = get(ctx, e.value, 'value');
      return v === undefined ? { value: '', loc: at } : located(ctx, v, at);
    }
    return located(ctx, e.value, at);
  }

  private events(wf: unknown): void {
    const { ctx, file } = this;
    for (const rule of items(ctx, get(ctx, wf, 'rules'))) {
      if (str(ctx, get(ctx, rule, 'when')) === 'never') continue;
      const cond = str(ctx, get(ctx, rule, 'if'));
      if (!cond) continue;
      const found = [...cond.matchAll(/\$\{?CI_PIPELINE_SOURCE\}?\s*==\s*["']([^"']+)["']/g)].map((m) => m[1]);
      if (/(^|[^!])\$\{?CI_MERGE_REQUEST_IID\b/.test(cond)) found.push('merge_request_event');
      for (const ev of found) if (!file.events.includes(ev)) file.events.push(ev);
    }
  }

  // ----- extends and inheritance ----------------------------------------------------------

  /** A job's configuration after `extends` (not yet `default:`). Cycle-safe. */
  effective(name: string, stack: string[] = []): Effective {
    const cached = this.memo.get(name);
    if (cached) return cached;
    const { ctx } = this;
    const def = this.defs.get(name);
    const eff: Effective = { entries: new Map(), vars: new Map(), external: [] };
    if (!def || this.resolving.has(name)) return eff;
    this.resolving.add(name);
    const own = entries(ctx, def.value);
    const ext = own.find((e) => e.key === 'extends');
    if (ext) {
      const parents = isSeq(ext.value) ? items(ctx, ext.value) : [ext.value];
      for (const p of parents) {
        const pname = str(ctx, p);
        if (!pname) continue;
        if (stack.includes(pname) || pname === name) {
          this.problem(`\`extends\` cycle: ${[...stack, name, pname].join(' → ')}`, nodeLoc(ctx, p, keyLoc(ctx, ext)));
          continue;
        }
        if (!this.defs.has(pname)) {
          // defined by an include (a remote template's hidden job): named, so the catalogue can say what it runs
          const l = locatedScalar(ctx, p);
          if (l) eff.external.push(l);
          continue;
        }
        if (stack.length > 20) continue;
        const parent = this.effective(pname, [...stack, name]);
        for (const [k, v] of parent.entries) eff.entries.set(k, v);
        for (const [k, v] of parent.vars) eff.vars.set(k, v);
        for (const l of parent.external) if (!eff.external.some((x) => x.value === l.value)) eff.external.push(l);
      }
    }
    for (const e of own) {
      if (e.key === 'extends') continue;
      eff.entries.set(e.key, { key: e.key, keyNode: e.keyNode, value: e.value });
      if (e.key === 'variables') for (const v of entries(ctx, this.val(e.value, nodeLoc(ctx, e.keyNode)))) eff.vars.set(v.key, { key: v.key, keyNode: v.keyNode, value: v.value });
    }
    this.resolving.delete(name);
    this.memo.set(name, eff);
    return eff;
  }

  /** A value with `!reference` tags followed (the target node), up to 10 levels. */
  val(node: unknown, at: Loc): unknown {
    let n = deref(this.ctx.doc, node);
    for (let i = 0; i < 10 && isSeq(n) && n.tag === '!reference'; i++) n = deref(this.ctx.doc, this.reference(n, at));
    return n;
  }

  /** Effective entries plus what `default:`/globals supply (respecting `inherit: default`). */
  private withDefaults(eff: Effective): Map<string, EffEntry> {
    const { ctx } = this;
    const out = new Map(eff.entries);
    const inherit = get(ctx, out.get('inherit')?.value, 'default');
    let allowed: (k: string) => boolean = () => true;
    if (inherit !== undefined) {
      const n = deref(ctx.doc, inherit);
      if (isScalar(n) && n.value === false) allowed = () => false;
      else if (isSeq(n)) {
        const list = items(ctx, n).map((i) => str(ctx, i));
        allowed = (k) => list.includes(k);
      }
    }
    for (const [k, v] of this.defaults) if (!out.has(k) && allowed(k)) out.set(k, v);
    return out;
  }

  // ----- jobs -----------------------------------------------------------------------------

  job(e: Entry): CiJob {
    const { ctx } = this;
    const loc = keyLoc(ctx, e);
    const job: CiJob = { id: e.key, loc, steps: [], services: [], env: {} };
    const eff = this.effective(e.key);
    const cfg = this.withDefaults(eff);
    const at = (k: string) => {
      const x = cfg.get(k);
      return x ? nodeLoc(ctx, x.keyNode, loc) : loc;
    };
    // Values may be `!reference` tags themselves (image, services, rules, ...).
    for (const [k, v] of cfg) if (!/script$/.test(k)) cfg.set(k, { ...v, value: this.val(v.value, at(k)) });

    const stage = cfg.get('stage');
    if (stage) job.stage = str(ctx, stage.value);
    const image = cfg.get('image');
    if (image) job.image = locatedScalar(ctx, isMap(image.value) ? get(ctx, image.value, 'name') : image.value);
    for (const s of items(ctx, cfg.get('services')?.value)) {
      const l = locatedScalar(ctx, isMap(s) ? get(ctx, s, 'name') : s);
      if (l) job.services.push(l);
    }
    for (const [k, v] of eff.vars) job.env[k] = this.variable(v);
    // `secrets:` names CI variables that GitLab fetches from Vault or another secret provider.
    for (const sec of entries(ctx, cfg.get('secrets')?.value)) (job.secretSources ??= []).push({ value: `secrets: ${sec.key}`, loc: keyLoc(ctx, sec) });

    // `artifacts: reports:` types say what kind of result the job's scripts produce (a SAST report, …).
    for (const r of entries(ctx, get(ctx, cfg.get('artifacts')?.value, 'reports'))) {
      const v = deref(ctx.doc, r.value);
      const files = isMap(v) ? stringItems(ctx, get(ctx, v, 'path')) : stringItems(ctx, v);
      (job.reports ??= []).push({ type: { value: r.key, loc: keyLoc(ctx, r) }, files });
    }

    // `id_tokens:` gives the job OIDC identity tokens (trusted publishing, keyless signing).
    if (entries(ctx, cfg.get('id_tokens')?.value).length) job.idTokens = at('id_tokens');

    const allow = cfg.get('allow_failure');
    if (allow && isTrue(ctx, allow.value)) job.cannotFail = at('allow_failure');
    if (str(ctx, cfg.get('when')?.value) === 'manual') job.manual = true;
    else {
      const rules = items(ctx, cfg.get('rules')?.value);
      const whens = rules.map((r) => str(ctx, get(ctx, r, 'when')) ?? 'on_success');
      if (whens.length && whens.includes('manual') && whens.every((w) => w === 'manual' || w === 'never')) job.manual = true;
    }

    const trigger = cfg.get('trigger');
    if (trigger) job.uses = this.trigger(trigger, loc);
    if (eff.external.length) job.extendsIncluded = eff.external;

    const before = cfg.get('before_script');
    const script = cfg.get('script');
    const after = cfg.get('after_script');
    // before_script/after_script (also inherited ones) only run around a `script`.
    if (script) {
      const lines: ShellLine[] = [];
      if (before) lines.push(...this.script(before.value, at('before_script')));
      lines.push(...this.script(script.value, at('script')));
      const step: CiStep = { name: e.key, loc, script: lines, inputs: {}, env: {} };
      if (job.cannotFail) step.cannotFail = job.cannotFail;
      job.steps.push(step);
    }
    if (script && after) {
      // A failing after_script never fails the job.
      const afterLoc = at('after_script');
      job.steps.push({ name: 'after_script', loc: afterLoc, script: this.script(after.value, afterLoc), inputs: {}, env: {}, cannotFail: afterLoc });
    }
    if (!script && !trigger && !cfg.has('run') && !this.unresolvedExtends(e.key)) {
      // GitLab requires `script` (or `trigger`); keep the job but say so.
      this.problem(`Job '${e.key}' has no \`script\` or \`trigger\``, loc);
    }
    return job;
  }

  /** True when the job extends something not defined in this file (e.g. from an include). */
  private unresolvedExtends(name: string, seen = new Set<string>()): boolean {
    const { ctx } = this;
    const def = this.defs.get(name);
    if (!def || seen.has(name)) return !def;
    seen.add(name);
    const ext = get(ctx, def.value, 'extends');
    if (ext === undefined) return false;
    const parents = isSeq(ext) ? items(ctx, ext) : [ext];
    return parents.some((p) => {
      const pname = str(ctx, p);
      return pname !== undefined && this.unresolvedExtends(pname, seen);
    });
  }

  private trigger(t: EffEntry, fallback: Loc): Located | undefined {
    const { ctx } = this;
    const v = t.value;
    if (isScalar(v)) return locatedScalar(ctx, v);
    if (!isMap(v)) return undefined;
    const project = locatedScalar(ctx, get(ctx, v, 'project'));
    if (project) return project;
    const inc = get(ctx, v, 'include');
    if (inc === undefined) return undefined;
    const before = this.file.references.length;
    this.includes(inc, nodeLoc(ctx, t.keyNode, fallback));
    const first = this.file.references[before];
    return first ? { value: first.ref, loc: first.loc } : located(ctx, inc, fallback);
  }

  /** Script lines of a `script`-like value: strings, nested lists and `!reference` tags. */
  script(node: unknown, at: Loc, depth = 0, refStack: unknown[] = []): ShellLine[] {
    const { ctx } = this;
    const n = deref(ctx.doc, node);
    if (depth > 20 || !spend(ctx)) return [];
    if (isSeq(n) && n.tag === '!reference') {
      if (refStack.includes(n) || refStack.length >= 10) {
        this.problem('`!reference` nesting is too deep or cyclic', nodeLoc(ctx, n, at));
        return [];
      }
      const target = this.reference(n, at);
      return target === undefined ? [] : this.script(target, at, depth + 1, [...refStack, n]);
    }
    if (isSeq(n)) {
      const out: ShellLine[] = [];
      for (const i of n.items) {
        if (!spend(ctx)) break;
        out.push(...this.script(i, at, depth + 1, refStack));
      }
      return out;
    }
    if (isScalar(n)) return scriptLines(ctx, n);
    if (isMap(n)) this.problem('A script entry should be a string', nodeLoc(ctx, n, at));
    return [];
  }

  /** The node a `!reference [job, key, ...]` points at, or undefined (with a problem). */
  private reference(seq: unknown, at: Loc): unknown {
    const { ctx } = this;
    const path = items(ctx, seq).map((i) => str(ctx, i));
    const where = nodeLoc(ctx, seq, at);
    if (path.length < 2 || path.some((p) => p === undefined)) {
      this.problem('`!reference` needs a job name and a key', where);
      return undefined;
    }
    const [jobName, key, ...rest] = path as string[];
    const def = this.defs.get(jobName);
    if (!def) {
      this.problem(`\`!reference [${path.join(', ')}]\`: '${jobName}' is not defined in this file`, where);
      return undefined;
    }
    let node: unknown = get(ctx, def.value, key);
    if (node === undefined) node = this.effective(jobName).entries.get(key)?.value;
    for (const k of rest) node = node === undefined ? undefined : get(ctx, node, k);
    if (node === undefined) this.problem(`\`!reference [${path.join(', ')}]\` points at nothing`, where);
    return node;
  }
}

/** What the YAML reader says of a key written twice in one mapping. */
const DUPLICATE_KEY_MESSAGE = 'Map keys must be unique';

export function parseGitlabCi(path: string, text: string): CiFile {
  const file = emptyCiFile('gitlab-ci', path);
  guard(file.problems, 'the pipeline', () => {
    const docs = openYaml(file, text);
    // GitLab's YAML reader takes the last of two equal keys in a mapping; the pipeline still runs.
    for (const p of file.problems) {
      if (p.severity === 'error' && p.message.startsWith(DUPLICATE_KEY_MESSAGE)) {
        p.severity = 'warning';
        p.message = `${DUPLICATE_KEY_MESSAGE}: the key is written twice, and GitLab keeps the last one`;
      }
    }
    // A `spec:` header document (CI/CD inputs) precedes the configuration.
    let ctx = docs.find((d) => isMap(d.doc.contents) && !(docs.length > 1 && isSpecOnly(d)));
    ctx ??= docs.find((d) => isMap(d.doc.contents));
    if (!ctx) {
      if (docs.length) {
        const l = nodeLoc(docs[0], docs[0].doc.contents);
        file.problems.push({ message: 'Expected a mapping at the top level', line: l.line, column: l.column, severity: 'error' });
      }
      return;
    }
    new GitlabParser(ctx, file).run();
  });
  return file;
}

function isSpecOnly(ctx: YamlCtx): boolean {
  const es = entries(ctx, ctx.doc.contents);
  return es.length > 0 && es.every((e) => e.key === 'spec');
}

export const gitlabDialect = defineDialect({
  kind: 'gitlab-ci',
  system: 'GitLab CI',
  fileLabel: 'GitLab CI file',
  // Only the root file and `*.gitlab-ci.yml` are found by name; other local includes are read
  // through `include:` of the file that names them.
  matchesPath: (p) =>
    p.path === '.gitlab-ci.yml' || p.path === '.gitlab-ci.yaml' ||
    ((p.lname.endsWith('.gitlab-ci.yml') || p.lname.endsWith('.gitlab-ci.yaml')) && !p.lname.startsWith('.gitlab-ci.')),
  matchesContent: false,
  testFolders: 'count',
  activationGlobs: ['.gitlab-ci.{yml,yaml}', '**/*.gitlab-ci.{yml,yaml}'],
  parse: parseGitlabCi,
  uses: { vocabulary: 'component', evidenceLabel: 'uses' },
  localIncludes: 'fragment',
  refusesInvalidFile: true,
  // Docker/Kubernetes executors start a fresh container per job.
  ephemeralJob: () => true,
  pipelineRank: 1,
  fixes: { placements: ['job', 'include'] },
});
