// Azure Pipelines: single-job files (`steps:` at the top), `jobs:`, `stages: → jobs:`,
// deployment jobs with their strategies, templates at every level, and `${{ }}` template
// expressions used as list items (their nested items are read as if written in place).
import { defineDialect } from './dialect';
import { deref, isMap, isScalar, isSeq } from '../../yaml';
import { CiFile, CiJob, CiReference, CiStep, Loc, Located, ShellLine } from '../types';
import {
  dirname,
  emptyCiFile,
  entries,
  Entry,
  envMap,
  get,
  guard,
  isTrue,
  itemLoc,
  items,
  joinLoc,
  keyLoc,
  located,
  locatedScalar,
  nodeLoc,
  normalizePath,
  openYaml,
  scriptLines,
  spend,
  str,
  YamlCtx,
} from './common';

const SCRIPT_KEYS = ['script', 'bash', 'pwsh', 'powershell'];

/**
 * Tasks whose inputs hold the script they run (`Bash@3` `script`, `AzureCLI@2` `inlineScript`,
 * `AzurePowerShell@5` `Inline`) or the path of a script file (`filePath`, `scriptPath`): read
 * like a `script:` step, so the tools they call count.
 */
const SCRIPT_TASK_INPUTS: Record<string, { inline: readonly string[]; file: readonly string[] }> = {
  bash: { inline: ['script'], file: ['filePath'] },
  powershell: { inline: ['script'], file: ['filePath'] },
  cmdline: { inline: ['script'], file: [] },
  shellscript: { inline: [], file: ['scriptPath'] },
  azurecli: { inline: ['inlineScript'], file: ['scriptPath'] },
  azurepowershell: { inline: ['Inline'], file: ['ScriptPath'] },
};
const DEPLOY_HOOKS = ['preDeploy', 'deploy', 'routeTraffic', 'postRouteTraffic'];

interface Scope {
  stage?: string;
  pool?: Entry;
  container?: Entry;
}

class AzureParser {
  /** resources.containers: alias → image node. */
  private readonly containers = new Map<string, unknown>();
  /** resources.repositories: alias → repository name (`org/project/repo` or `owner/repo`). */
  private readonly repositories = new Map<string, string>();

  constructor(private readonly ctx: YamlCtx, private readonly file: CiFile) {}

  problem(message: string, at: Loc, severity: 'error' | 'warning' = 'warning'): void {
    this.file.problems.push({ message, line: at.line, column: at.column, severity });
  }

  run(): void {
    const { ctx, file } = this;
    const root = entries(ctx, ctx.doc.contents);
    const byKey = new Map(root.map((e) => [e.key, e] as const));

    for (const c of items(ctx, get(ctx, byKey.get('resources')?.value, 'containers'))) {
      const alias = str(ctx, get(ctx, c, 'container'));
      const image = get(ctx, c, 'image');
      if (alias && image !== undefined) this.containers.set(alias, image);
    }
    for (const r of items(ctx, get(ctx, byKey.get('resources')?.value, 'repositories'))) {
      const alias = str(ctx, get(ctx, r, 'repository'));
      const name = str(ctx, get(ctx, r, 'name'));
      if (alias && name) this.repositories.set(alias, name);
    }

    // Events: CI trigger and PR trigger unless set to `none`; scheduled runs.
    const trigger = byKey.get('trigger');
    if (trigger && str(ctx, trigger.value) !== 'none') file.events.push('push');
    const pr = byKey.get('pr');
    if (pr && str(ctx, pr.value) !== 'none') file.events.push('pull_request');
    for (const s of items(ctx, byKey.get('schedules')?.value)) {
      const cron = locatedScalar(ctx, get(ctx, s, 'cron'));
      if (cron) file.schedules.push(cron);
    }
    if (file.schedules.length) file.events.push('schedule');

    const vars = byKey.get('variables');
    if (vars) file.env = this.variables(vars.value, file);
    const declared = byKey.get('parameters');
    if (declared) file.parameterDefaults = this.parameterDefaults(declared.value);

    const ext = byKey.get('extends');
    if (ext) this.template(get(ctx, ext.value, 'template'), keyLoc(ctx, ext), get(ctx, ext.value, 'parameters'));

    const scope: Scope = { pool: byKey.get('pool'), container: byKey.get('container') };
    const stages = byKey.get('stages');
    const jobs = byKey.get('jobs');
    const steps = byKey.get('steps');
    if (stages) guard(file.problems, '`stages`', () => this.stages(stages, scope), keyLoc(ctx, stages));
    else if (jobs) guard(file.problems, '`jobs`', () => this.jobs(jobs.value, scope, keyLoc(ctx, jobs)), keyLoc(ctx, jobs));
    else if (steps) {
      guard(file.problems, '`steps`', () => {
        // A single implicit job: job-level keys sit at the top.
        const job = this.newJob('Job', keyLoc(ctx, steps), scope, ctx.doc.contents);
        job.steps = this.steps(steps.value, keyLoc(ctx, steps));
        file.jobs.push(job);
      }, keyLoc(ctx, steps));
    }
    if (ext) {
      // Pipelines that extend a template often pass their stages, jobs or steps as parameters.
      const params = entries(ctx, ext.value).find((e) => e.key === 'parameters');
      if (params) guard(file.problems, '`extends.parameters`', () => this.parameterLists(params, scope, 0), keyLoc(ctx, params));
    }
    const anchor = stages ?? jobs ?? steps ?? ext ?? root[0];
    if (anchor) file.anchor = keyLoc(ctx, anchor);
  }

  /**
   * Stage, job and step lists found in template parameters, read as if written in place; lists of
   * templates only (`stages: [- template: x.yml]`), and templates named as a value
   * (`baseTemplate: v1/x.yml@templates`, `jobTemplate: /eng/job.yml@self`), which the receiving
   * template includes: a parameter naming a template file of this or a declared repository is
   * there to be included.
   */
  private parameterLists(e: Entry, scope: Scope, depth: number): void {
    const { ctx, file } = this;
    if (depth > 6 || !spend(ctx)) return;
    const v = e.value;
    if (isMap(v)) {
      for (const sub of entries(ctx, v)) this.parameterLists(sub, scope, depth + 1);
      return;
    }
    if (isScalar(v)) {
      if (this.namesTemplate(v.value)) this.template(v, keyLoc(ctx, e));
      return;
    }
    if (!isSeq(v)) return;
    const list = this.listItems(v);
    const has = (keys: string[]) => list.some((i) => entries(ctx, i).some((x) => keys.includes(x.key)));
    if (has(['stage'])) this.stages(e, scope);
    else if (has(['job', 'deployment'])) this.jobs(v, scope, keyLoc(ctx, e));
    else if (has([...SCRIPT_KEYS, 'task', 'checkout'])) {
      const job = this.newJob(e.key, keyLoc(ctx, e), scope, undefined);
      job.steps = this.steps(v, keyLoc(ctx, e));
      file.jobs.push(job);
    } else {
      for (const item of list) {
        const tpl = entries(ctx, item).find((x) => x.key === 'template');
        if (!tpl) continue;
        const params = entries(ctx, item).find((x) => x.key === 'parameters');
        this.template(tpl.value, keyLoc(ctx, tpl), params?.value);
        if (params) this.parameterLists(params, scope, depth + 1);
      }
    }
  }

  /** `path.yml@self` or `path.yml@alias` of a declared repository: a template file, written as a parameter value. */
  private namesTemplate(value: unknown): boolean {
    if (typeof value !== 'string') return false;
    const m = /^\s*\S.*\.ya?ml@([\w.-]+)\s*$/.exec(value);
    return !!m && (m[1] === 'self' || this.repositories.has(m[1]));
  }

  // ----- templates --------------------------------------------------------------------------

  /**
   * The parameters a file declares with a scalar default: `parameters: [{ name, default }]`, or the
   * older `parameters: { name: default }`. Parameters without a default must be given.
   */
  private parameterDefaults(node: unknown): Record<string, string> | undefined {
    const { ctx } = this;
    const v = deref(ctx.doc, node);
    if (isMap(v)) return this.scalarParameters(v);
    const out: Record<string, string> = {};
    for (const item of this.listItems(v)) {
      const name = str(ctx, get(ctx, item, 'name'));
      const value = entries(ctx, item).find((e) => e.key === 'default');
      if (name && value && (isScalar(value.value) || value.value === null)) out[name] = str(ctx, value.value) ?? '';
    }
    return Object.keys(out).length ? out : undefined;
  }

  /** The scalar values of a `parameters:` mapping (those under `${{ if }}` keys as written, the first of a name winning). */
  private scalarParameters(node: unknown): Record<string, string> | undefined {
    const out: Record<string, string> = {};
    for (const [name, e] of this.settings(node)) {
      const v = deref(this.ctx.doc, e.value);
      if (v === null || v === undefined || isScalar(v)) out[name] = str(this.ctx, v) ?? '';
    }
    return Object.keys(out).length ? out : undefined;
  }

  /** Records a `template:` reference (with the parameters handed to a local one); returns it as a Located. */
  template(node: unknown, fallback: Loc, params?: unknown): Located | undefined {
    const l = locatedScalar(this.ctx, node);
    if (!l) return undefined;
    const at = l.value.lastIndexOf('@');
    const repo = at > 0 ? l.value.slice(at + 1) : undefined;
    if (repo !== undefined && repo !== 'self') {
      const name = this.repositories.get(repo);
      const path = l.value.slice(0, at).replace(/^\/+/, '');
      // A file name built from an expression (`v1/1ES.${{ iif(…) }}.PipelineTemplate.yml`) still
      // names its folder, which is what a catalogue entry for a family of templates matches.
      const folder = path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '';
      const block = name && !/\$\(|\$\{\{|\$\[/.test(folder) && (folder || !/\$\(|\$\{\{|\$\[/.test(path)) ? `${name.replace(/\/+$/, '')}/${path}` : undefined;
      this.file.references.push({ kind: 'remote', ref: l.value, loc: l.loc, ...(block ? { block } : {}) });
      return l;
    }
    const given = params !== undefined ? this.scalarParameters(params) : undefined;
    this.file.references.push({ ...localTemplate(this.file.path, l.value, l.loc ?? fallback), ...(given ? { parameters: given } : {}) });
    return l;
  }

  // ----- lists with template expressions ------------------------------------------------------

  /** Items of a list; `- ${{ if … }}:` / `- ${{ each … }}:` items contribute their nested items. */
  private listItems(node: unknown, depth = 0): unknown[] {
    const { ctx } = this;
    const out: unknown[] = [];
    if (depth > 10) return out;
    for (const item of items(ctx, node)) {
      if (!spend(ctx)) break;
      if (isMap(item)) {
        const es = entries(ctx, item);
        if (es.length && es.every((e) => e.key.startsWith('${{'))) {
          for (const e of es) out.push(...this.listItems(e.value, depth + 1));
          continue;
        }
      }
      // `- ${{ job }}` inserts an item from a parameter: what it is cannot be known here.
      if (isScalar(item) && typeof item.value === 'string' && /^\$\{\{[\s\S]*\}\}$/.test(item.value.trim())) continue;
      out.push(item);
    }
    return out;
  }

  // ----- stages and jobs ----------------------------------------------------------------------

  private stages(stages: Entry, scope: Scope): void {
    const { ctx } = this;
    if (!isSeq(stages.value)) {
      this.problem('`stages` should be a list', keyLoc(ctx, stages), 'error');
      return;
    }
    for (const st of this.listItems(stages.value)) {
      const loc = itemLoc(ctx, st);
      if (!isMap(st)) {
        this.problem('A stage should be a mapping', loc, 'error');
        continue;
      }
      const tpl = entries(ctx, st).find((e) => e.key === 'template');
      if (tpl) {
        const params = entries(ctx, st).find((e) => e.key === 'parameters');
        this.template(tpl.value, keyLoc(ctx, tpl), params?.value);
        // A stage template handed its stages, jobs or steps as parameters runs them.
        if (params) guard(this.file.problems, 'stage template parameters', () => this.parameterLists(params, scope, 0), keyLoc(ctx, params));
        continue;
      }
      const name = str(ctx, get(ctx, st, 'stage'));
      const sub: Scope = {
        stage: name,
        pool: entries(ctx, st).find((e) => e.key === 'pool') ?? scope.pool,
        container: scope.container,
      };
      const jobs = get(ctx, st, 'jobs');
      guard(this.file.problems, `stage '${name ?? '?'}'`, () => this.jobs(jobs, sub, loc), loc);
    }
  }

  private jobs(node: unknown, scope: Scope, at: Loc): void {
    const { ctx, file } = this;
    if (!isSeq(node)) {
      this.problem('`jobs` should be a list', at, 'error');
      return;
    }
    for (const j of this.listItems(node)) {
      const loc = itemLoc(ctx, j);
      guard(file.problems, 'a job', () => {
        if (!isMap(j)) {
          this.problem('A job should be a mapping', loc, 'error');
          return;
        }
        const es = entries(ctx, j);
        const idEntry = es.find((e) => e.key === 'job' || e.key === 'deployment');
        const tpl = es.find((e) => e.key === 'template');
        if (!idEntry && tpl) {
          const params = es.find((e) => e.key === 'parameters');
          const uses = this.template(tpl.value, keyLoc(ctx, tpl), params?.value);
          if (uses) {
            const job = this.newJob(uses.value, joinLoc(keyLoc(ctx, tpl), uses.loc), scope, undefined);
            job.uses = uses;
            file.jobs.push(job);
          }
          // Job templates (the .NET Arcade jobs.yml among them) are often handed the jobs they run as parameters.
          if (params) this.parameterLists(params, scope, 0);
          return;
        }
        if (!idEntry) {
          this.problem('A job needs `job:`, `deployment:` or `template:`', loc, 'error');
          return;
        }
        const id = str(ctx, idEntry.value) || (idEntry.key === 'job' ? 'Job' : 'Deployment');
        const idLoc = isScalar(idEntry.value) ? joinLoc(keyLoc(ctx, idEntry), nodeLoc(ctx, idEntry.value)) : keyLoc(ctx, idEntry);
        const job = this.newJob(id, idLoc, scope, j);
        if (idEntry.key === 'deployment') job.steps = this.deploymentSteps(j, loc);
        else job.steps = this.steps(get(ctx, j, 'steps'), loc);
        job.steps.unshift(...this.templateContext(j));
        file.jobs.push(job);
      }, loc);
    }
  }

  /**
   * A job's `templateContext`: settings it hands to the template the pipeline extends, which acts
   * on them (MicroBuild's `mb: signing: { signType: real }`, 1ES `outputs:` it publishes). Each
   * setting group is read as a step the template adds, named `templateContext/<key>/<group>`
   * (`templateContext/mb/signing`; an output as `templateContext/outputs/<type>`; slashes, so that
   * no dotted task name's last part matches it), its values as inputs, at the group's line: the
   * catalogue says what such a group runs. Settings under `${{ if }}` count as written, the first
   * one of a name winning.
   */
  private templateContext(job: unknown): CiStep[] {
    const { ctx } = this;
    const tc = this.settings(job).get('templateContext');
    if (!tc || !isMap(deref(ctx.doc, tc.value))) return [];
    const out: CiStep[] = [];
    const add = (name: string, at: Entry, node: unknown) => {
      const inputs: Record<string, Located> = {};
      for (const [k, v] of this.settings(node)) if (!isMap(deref(ctx.doc, v.value)) && !isSeq(deref(ctx.doc, v.value))) inputs[k] = located(ctx, v.value, keyLoc(ctx, v));
      const loc = keyLoc(ctx, at);
      out.push({ loc, name, uses: { value: name, loc }, script: [], inputs, env: {} });
    };
    for (const [group, g] of this.settings(tc.value)) {
      const v = deref(ctx.doc, g.value);
      if (isSeq(v)) {
        for (const item of this.listItems(v)) {
          const first = entries(ctx, item)[0];
          const type = first && str(ctx, first.value);
          if (first && type && /^[\w.-]+$/.test(type)) add(`templateContext/${group}/${type}`, first, item);
        }
      } else if (isMap(v)) {
        for (const [name, sub] of this.settings(v)) if (isMap(deref(ctx.doc, sub.value))) add(`templateContext/${group}/${name}`, sub, sub.value);
      }
    }
    return out;
  }

  /** The entries of a mapping by key, those under `${{ if … }}` / `${{ else }}` keys as if written in place (the first of a name wins). */
  private settings(node: unknown, depth = 0): Map<string, Entry> {
    const out = new Map<string, Entry>();
    if (depth > 6) return out;
    for (const e of entries(this.ctx, node)) {
      if (e.key.startsWith('${{')) {
        if (isMap(deref(this.ctx.doc, e.value))) for (const [k, v] of this.settings(e.value, depth + 1)) if (!out.has(k)) out.set(k, v);
      } else if (!out.has(e.key)) out.set(e.key, e);
    }
    return out;
  }

  /** A job with the settings of `node` (a job mapping, or the root of a single-job file). */
  private newJob(id: string, loc: Loc, scope: Scope, node: unknown): CiJob {
    const { ctx } = this;
    const job: CiJob = { id, loc, steps: [], services: [], env: {} };
    if (scope.stage) job.stage = scope.stage;
    const es = node === undefined ? [] : entries(ctx, node);
    const own = (k: string) => es.find((e) => e.key === k);
    const pool = own('pool') ?? scope.pool;
    if (pool) job.runner = this.pool(pool);
    const container = own('container') ?? scope.container;
    if (container) job.image = this.container(container.value);
    const name = own('displayName');
    if (name) job.name = str(ctx, name.value);
    for (const s of entries(ctx, own('services')?.value)) {
      const img = this.container(s.value);
      if (img) job.services.push(img);
    }
    const vars = own('variables');
    if (vars && node !== ctx.doc.contents) job.env = this.variables(vars.value, job);
    const coe = own('continueOnError');
    if (coe && isTrue(ctx, coe.value)) job.cannotFail = keyLoc(ctx, coe);
    return job;
  }

  private pool(e: Entry): Located | undefined {
    const { ctx } = this;
    const v = e.value;
    if (isScalar(v)) return locatedScalar(ctx, v);
    if (isMap(v)) return locatedScalar(ctx, get(ctx, v, 'vmImage')) ?? locatedScalar(ctx, get(ctx, v, 'name'));
    return undefined;
  }

  /** `container: alias|image` or `{ image }`; aliases of resources.containers give their image. */
  private container(node: unknown): Located | undefined {
    const { ctx } = this;
    const v = deref(ctx.doc, node);
    if (isMap(v)) return locatedScalar(ctx, get(ctx, v, 'image'));
    const l = locatedScalar(ctx, v);
    if (!l) return undefined;
    const resource = this.containers.get(l.value);
    return resource !== undefined ? locatedScalar(ctx, resource) ?? l : l;
  }

  /**
   * `variables:` as a map or a list of `{name, value}` / `{group}` / `{template}`. Variable groups
   * (the library, where secret values and Key Vault links live) are noted on `owner`.
   */
  variables(node: unknown, owner?: { secretSources?: Located[] }): Record<string, Located> {
    const { ctx } = this;
    const v = deref(ctx.doc, node);
    if (isMap(v)) return envMap(ctx, v);
    const out: Record<string, Located> = {};
    for (const item of this.listItems(v)) {
      const es = entries(ctx, item);
      const name = es.find((e) => e.key === 'name');
      const tpl = es.find((e) => e.key === 'template');
      const group = es.find((e) => e.key === 'group');
      const groupName = group && str(ctx, group.value);
      if (owner && group && groupName) (owner.secretSources ??= []).push({ value: `variable group: ${groupName}`, loc: keyLoc(ctx, group) });
      if (name) {
        const n = str(ctx, name.value);
        const value = es.find((e) => e.key === 'value');
        if (n) out[n] = value ? located(ctx, value.value, keyLoc(ctx, value)) : { value: '', loc: keyLoc(ctx, name) };
      } else if (tpl) this.template(tpl.value, keyLoc(ctx, tpl), es.find((e) => e.key === 'parameters')?.value);
    }
    return out;
  }

  private deploymentSteps(job: unknown, at: Loc): CiStep[] {
    const { ctx } = this;
    const out: CiStep[] = [];
    const direct = get(ctx, job, 'steps');
    if (direct !== undefined) out.push(...this.steps(direct, at));
    const strategy = get(ctx, job, 'strategy');
    for (const s of entries(ctx, strategy)) {
      if (!['runOnce', 'rolling', 'canary'].includes(s.key)) continue;
      for (const hook of DEPLOY_HOOKS) {
        const h = get(ctx, s.value, hook);
        if (h !== undefined) out.push(...this.steps(get(ctx, h, 'steps'), at));
      }
      const on = get(ctx, s.value, 'on');
      for (const when of ['failure', 'success']) {
        const h = get(ctx, on, when);
        if (h !== undefined) out.push(...this.steps(get(ctx, h, 'steps'), at));
      }
    }
    return out;
  }

  // ----- steps --------------------------------------------------------------------------------

  steps(node: unknown, at: Loc): CiStep[] {
    const { ctx, file } = this;
    const out: CiStep[] = [];
    if (node === undefined) return out;
    if (!isSeq(deref(ctx.doc, node))) {
      this.problem('`steps` should be a list', nodeLoc(ctx, node, at), 'error');
      return out;
    }
    for (const item of this.listItems(node)) {
      const loc = itemLoc(ctx, item, at);
      guard(file.problems, 'a step', () => {
        if (!isMap(item)) {
          this.problem('A step should be a mapping', loc, 'error');
          return;
        }
        const es = entries(ctx, item);
        const own = (k: string) => es.find((e) => e.key === k);
        const tpl = own('template');
        if (tpl) {
          this.template(tpl.value, keyLoc(ctx, tpl), own('parameters')?.value);
          return;
        }
        const enabled = own('enabled');
        if (enabled && isScalar(enabled.value) && enabled.value.value === false) return; // never runs
        const step: CiStep = { loc, script: [], inputs: {}, env: {} };
        const label = own('displayName') ?? own('name');
        if (label) step.name = str(ctx, label.value);
        for (const k of SCRIPT_KEYS) {
          const s = own(k);
          if (s) step.script = scriptLines(ctx, s.value);
        }
        const task = own('task');
        if (task) step.uses = locatedScalar(ctx, task.value);
        // Inputs set under `${{ if }}` keys count as written.
        const inputs = [...this.settings(own('inputs')?.value).values()];
        for (const i of inputs) step.inputs[i.key] = located(ctx, i.value, keyLoc(ctx, i));
        const scriptTask = task && isScalar(task.value) ? SCRIPT_TASK_INPUTS[String(task.value.value).split('@')[0].trim().toLowerCase()] : undefined;
        if (scriptTask) {
          const input = (names: readonly string[]) => inputs.find((i) => names.some((n) => n.toLowerCase() === i.key.toLowerCase()));
          const lines = input(scriptTask.inline) ?? input(scriptTask.file);
          if (lines) step.script = scriptLines(ctx, lines.value);
        }
        const env = own('env');
        if (env) step.env = envMap(ctx, env.value);
        const coe = own('continueOnError');
        if (coe && isTrue(ctx, coe.value)) step.cannotFail = keyLoc(ctx, coe);
        // A script step's folder, or a script task's `workingDirectory` input.
        const wd = own('workingDirectory')?.value ?? inputs.find((i) => i.key.toLowerCase() === 'workingdirectory')?.value;
        if (wd !== undefined && step.script.length) step.workingDirectory = str(ctx, wd);
        out.push(step);
      }, loc);
    }
    return out;
  }
}

/**
 * A template of this repository named by `ref` (`/eng/x.yml`, `x.yml` next to the including file,
 * `x.yml@self`); without a path when the name is built from parameters or variables, which the
 * file alone cannot know.
 */
function localTemplate(filePath: string, ref: string, loc: Loc): CiReference {
  const at = ref.lastIndexOf('@');
  const p = at > 0 ? ref.slice(0, at) : ref;
  if (/\$\(|\$\{\{|\$\[/.test(p)) return { kind: 'local-include', ref, loc };
  const localPath = p.startsWith('/') ? normalizePath(p) : normalizePath(`${dirname(filePath)}/${p}`);
  // `path@self` written from the repository root (as templates of another repository are) is
  // read from there when no file is next to the including one.
  const fromRoot = at > 0 && !p.startsWith('/') ? normalizePath(p) : undefined;
  return { kind: 'local-include', ref, loc, localPath, ...(fromRoot && fromRoot !== localPath ? { rootPath: fromRoot } : {}) };
}

/** `${{ parameters.name }}` or `${{ parameters['name'] }}`: a parameter's value used whole. */
const PARAMETER_USE = /\$\{\{\s*parameters(?:\.([A-Za-z_][\w-]*)|\[\s*'([^'\]]+)'\s*\])\s*\}\}/g;

/**
 * A template as one includer uses it: `${{ parameters.x }}` replaced by the value the includer
 * gives or the template's default (names compare case-insensitively, as Azure's expressions do),
 * in scripts, task inputs, variables, images and the templates it includes in turn (whose names
 * may now resolve to files). Conditions (`${{ if }}`) are still read as if every branch were
 * written. A replaced script line is shown with where its parameters came from. The cached parse
 * is never changed: changed parts are copies.
 */
export function instantiateAzureTemplate(file: CiFile, given: Readonly<Record<string, string>>, origin: string): { file: CiFile; key: string } | undefined {
  const values = new Map<string, string>();
  for (const [k, v] of Object.entries(file.parameterDefaults ?? {})) values.set(k.toLowerCase(), v);
  for (const [k, v] of Object.entries(given)) values.set(k.toLowerCase(), v);
  if (!values.size) return undefined;
  const used = new Map<string, string>();
  const sub = (text: string): string =>
    !text.includes('parameters')
      ? text
      : text.replace(PARAMETER_USE, (whole, dotted: string | undefined, quoted: string | undefined) => {
          const name = (dotted ?? quoted ?? '').toLowerCase();
          const value = values.get(name);
          if (value === undefined) return whole;
          used.set(name, value);
          return value;
        });
  const one = (l: Located): Located => {
    const value = sub(l.value);
    return value === l.value ? l : { value, loc: l.loc };
  };
  const many = (r: Record<string, Located>): Record<string, Located> => {
    const out: Record<string, Located> = {};
    for (const [k, v] of Object.entries(r)) out[k] = one(v);
    return out;
  };
  const line = (l: ShellLine): ShellLine => {
    const text = sub(l.text);
    return text === l.text ? l : { text, loc: l.loc, written: `${text}  (${origin})` };
  };
  const step = (st: CiStep): CiStep => ({
    ...st,
    ...(st.name !== undefined ? { name: sub(st.name) } : {}),
    script: st.script.map(line),
    ...(st.uses ? { uses: one(st.uses) } : {}),
    inputs: many(st.inputs),
    env: many(st.env),
    ...(st.workingDirectory !== undefined ? { workingDirectory: sub(st.workingDirectory) } : {}),
  });
  const job = (j: CiJob): CiJob => ({
    ...j,
    steps: j.steps.map(step),
    env: many(j.env),
    ...(j.image ? { image: one(j.image) } : {}),
    ...(j.uses ? { uses: one(j.uses) } : {}),
    ...(j.inputs ? { inputs: many(j.inputs) } : {}),
  });
  const reference = (r: CiReference): CiReference => {
    const parameters = r.parameters && Object.fromEntries(Object.entries(r.parameters).map(([k, v]) => [k, sub(v)]));
    const withParameters = parameters ? { ...r, parameters } : r;
    if (r.kind !== 'local-include' || r.localPath) return withParameters;
    // A name built from parameters may now name a file of this repository (another repository's
    // alias is declared by the includer, which recorded that template already).
    const ref = sub(r.ref);
    const at = ref.lastIndexOf('@');
    if (ref === r.ref || (at > 0 && ref.slice(at + 1) !== 'self')) return withParameters;
    return { ...localTemplate(file.path, ref, r.loc), ...(parameters ? { parameters } : {}) };
  };
  const out: CiFile = { ...file, env: many(file.env), jobs: file.jobs.map(job), references: file.references.map(reference) };
  if (!used.size) return undefined;
  return { file: out, key: JSON.stringify([...used].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) };
}

export function parseAzurePipelines(path: string, text: string): CiFile {
  const file = emptyCiFile('azure-pipelines', path);
  guard(file.problems, 'the pipeline', () => {
    const docs = openYaml(file, text);
    const ctx = docs.find((d) => isMap(d.doc.contents));
    if (!ctx) {
      if (docs.length) {
        const l = nodeLoc(docs[0], docs[0].doc.contents);
        file.problems.push({ message: 'Expected a mapping at the top level', line: l.line, column: l.column, severity: 'error' });
      }
      return;
    }
    new AzureParser(ctx, file).run();
  });
  return file;
}

/** Top-level keys only an Azure pipeline (not a step template) has. */
const AZURE_PIPELINE_KEY = /^(trigger|pr|schedules|resources|extends|pool)[ \t]*:/m;
/** Top-level keys that hold the work. */
const AZURE_WORK_KEY = /^(stages|jobs|steps|extends)[ \t]*:/m;
/** List items in Azure's own vocabulary (`- task: Name@2`, `- job:`, `- script:`...). */
const AZURE_ITEM = /^[ \t]*-[ \t]+(task:[ \t]*[\w.-]+@\d+|stage:|job:|deployment:|script:|bash:|pwsh:|powershell:|template:|checkout:)/m;

/**
 * An Azure pipeline kept under any name (`.azure-pipelines.yml`, `.vsts-ci.yml`, `.pipelines/`,
 * `eng/pipelines/`, `build/*.yml`): a top-level trigger/pr/schedules/resources/extends/pool key,
 * and the work as stages/jobs/steps written in Azure's vocabulary, or an `extends` template.
 * Step templates (only `parameters` and `steps`) are read through the pipeline that includes them.
 */
function isAzurePipelineContent(text: string): boolean {
  if (!AZURE_PIPELINE_KEY.test(text) || !AZURE_WORK_KEY.test(text)) return false;
  return /^extends[ \t]*:/m.test(text) || AZURE_ITEM.test(text);
}

export const azureDialect = defineDialect({
  kind: 'azure-pipelines',
  system: 'Azure Pipelines',
  fileLabel: 'Azure Pipelines file',
  // azure-pipelines*.yml, .azure-pipelines.yml and build.azure-pipelines.yml anywhere, and YAML under .azure-pipelines/.
  matchesPath: (p) => p.yaml && (p.lname.startsWith('azure-pipelines') || /^(.+\.|\.)azure-pipelines\.ya?ml$/.test(p.lname) || `/${p.dir}/`.includes('/.azure-pipelines/')),
  matchesContent: isAzurePipelineContent,
  testFolders: 'count',
  activationGlobs: ['**/{azure-pipelines*,.azure-pipelines,*.azure-pipelines}.{yml,yaml}', '**/.azure-pipelines/**/*.{yml,yaml}'],
  parse: parseAzurePipelines,
  uses: { vocabulary: 'task', evidenceLabel: 'task' },
  localIncludes: 'fragment',
  instantiate: instantiateAzureTemplate,
  refusesInvalidFile: true,
  ephemeralJob: (job) => !!job.image || /ubuntu|windows|macos|vmimage/.test(job.runner?.value.toLowerCase() ?? ''),
  pipelineRank: 2,
  fixes: { placements: ['steps'] },
});
