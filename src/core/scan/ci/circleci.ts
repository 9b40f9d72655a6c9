// CircleCI (.circleci/config.yml): orbs, executors, reusable commands (expanded in place, so
// their lines keep their real positions), jobs and workflows (orb jobs become jobs).
import { defineDialect } from './dialect';
import { isMap, isScalar, isSeq } from '../../yaml';
import { CiFile, CiJob, CiStep, Loc, Located } from '../types';
import {
  emptyCiFile,
  entries,
  envMap,
  get,
  guard,
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

const BUILTIN_STEPS = new Set([
  'checkout', 'setup_remote_docker', 'save_cache', 'restore_cache', 'store_artifacts', 'store_test_results',
  'persist_to_workspace', 'attach_workspace', 'add_ssh_keys', 'deploy', 'run', 'when', 'unless',
]);

/**
 * Orb jobs that run a package script named by a parameter: the job runs it as `<runner> <name>`
 * would (circleci/node's `run` job with `yarn-run: lint` runs `yarn run lint`), so the script is
 * followed like one written in a `run` step, from the parameter's line.
 */
const ORB_SCRIPT_PARAMETERS: Record<string, readonly { parameter: string; runner: string }[]> = {
  'circleci/node/run': [
    { parameter: 'yarn-run', runner: 'yarn run' },
    { parameter: 'npm-run', runner: 'npm run' },
  ],
};

interface Orb {
  /** 'ns/name@version' for registry orbs; undefined for inline orbs. */
  ref?: string;
  inline?: unknown;
}

class CircleParser {
  private readonly orbs = new Map<string, Orb>();
  private readonly commands = new Map<string, unknown>();
  private readonly executors = new Map<string, unknown>();
  private readonly localJobs = new Map<string, CiJob>();

  constructor(private readonly ctx: YamlCtx, private readonly file: CiFile) {}

  problem(message: string, at: Loc, severity: 'error' | 'warning' = 'warning'): void {
    this.file.problems.push({ message, line: at.line, column: at.column, severity });
  }

  run(): void {
    const { ctx, file } = this;
    const root = entries(ctx, ctx.doc.contents);
    const byKey = new Map(root.map((e) => [e.key, e] as const));

    for (const o of entries(ctx, byKey.get('orbs')?.value)) {
      if (isMap(o.value)) {
        this.orbs.set(o.key, { inline: o.value });
        file.references.push({ kind: 'orb', ref: o.key, loc: keyLoc(ctx, o) });
      } else {
        const l = locatedScalar(ctx, o.value);
        if (!l) continue;
        this.orbs.set(o.key, { ref: l.value });
        file.references.push({ kind: 'orb', ref: l.value, loc: l.loc });
      }
    }
    for (const c of entries(ctx, byKey.get('commands')?.value)) this.commands.set(c.key, c.value);
    for (const x of entries(ctx, byKey.get('executors')?.value)) this.executors.set(x.key, x.value);

    const jobs = byKey.get('jobs');
    if (jobs) {
      if (!isMap(jobs.value)) this.problem('`jobs` should be a mapping of job names to jobs', keyLoc(ctx, jobs), 'error');
      for (const j of entries(ctx, jobs.value)) {
        guard(file.problems, `job '${j.key}'`, () => {
          const job = this.job(j.key, keyLoc(ctx, j), j.value);
          if (job) {
            file.jobs.push(job);
            this.localJobs.set(j.key, job);
          }
        }, keyLoc(ctx, j));
      }
    }

    const workflows = byKey.get('workflows');
    if (workflows) guard(file.problems, '`workflows`', () => this.workflows(workflows.value), keyLoc(ctx, workflows));
    else if (file.jobs.length) file.events.push('push');

    const anchor = workflows ?? jobs ?? root[0];
    if (anchor) file.anchor = keyLoc(ctx, anchor);
  }

  /** `alias/name` → `ns/orb@version/name` when the alias is a registry orb; as written otherwise. */
  private orbUses(written: string): string {
    const slash = written.indexOf('/');
    const orb = this.orbs.get(written.slice(0, slash));
    return orb?.ref ? `${orb.ref}/${written.slice(slash + 1)}` : written;
  }

  private inlineOrbPart(written: string, section: 'commands' | 'jobs' | 'executors'): unknown {
    const slash = written.indexOf('/');
    if (slash < 0) return undefined;
    const orb = this.orbs.get(written.slice(0, slash));
    return orb?.inline === undefined ? undefined : get(this.ctx, get(this.ctx, orb.inline, section), written.slice(slash + 1));
  }

  // ----- jobs -----------------------------------------------------------------------------

  private job(id: string, loc: Loc, node: unknown): CiJob | undefined {
    const { ctx } = this;
    if (!isMap(node)) {
      this.problem(`Job '${id}' should be a mapping`, loc, 'error');
      return undefined;
    }
    const job: CiJob = { id, loc, steps: [], services: [], env: {} };
    // Executor first, the job's own settings override it.
    const exec = get(ctx, node, 'executor');
    const execName = isMap(exec) ? str(ctx, get(ctx, exec, 'name')) : str(ctx, exec);
    if (execName) {
      const def = this.executors.get(execName) ?? this.inlineOrbPart(execName, 'executors');
      if (def !== undefined) this.environment(job, def);
    }
    this.environment(job, node);
    job.env = { ...job.env, ...envMap(ctx, get(ctx, node, 'environment')) };
    const steps = get(ctx, node, 'steps');
    if (steps !== undefined && !isSeq(steps)) this.problem(`\`steps\` of job '${id}' should be a list`, nodeLoc(ctx, steps, loc), 'error');
    job.steps = this.steps(steps, []);
    // The job's working_directory is where `checkout` puts the code; a step's own is relative to
    // it (or written in full under it): that part says where the step's relative paths start.
    const jobDir = (str(ctx, get(ctx, node, 'working_directory')) ?? (execName ? str(ctx, get(ctx, this.executors.get(execName), 'working_directory')) : undefined))?.replace(/\/+$/, '');
    for (const step of job.steps) {
      const wd = step.workingDirectory?.trim().replace(/\/+$/, '');
      if (wd === undefined || !jobDir) continue;
      if (wd === jobDir) step.workingDirectory = '.';
      else if (wd.startsWith(jobDir + '/')) step.workingDirectory = wd.slice(jobDir.length + 1);
    }
    return job;
  }

  /** docker / machine / macos / resource_class of a job or an executor. */
  private environment(job: CiJob, node: unknown): void {
    const { ctx } = this;
    const docker = get(ctx, node, 'docker');
    if (docker !== undefined) {
      const images = items(ctx, docker).map((d) => locatedScalar(ctx, get(ctx, d, 'image')));
      if (images[0]) job.image = images[0];
      job.services = images.slice(1).filter((i): i is Located => !!i);
    }
    const machine = entries(ctx, node).find((e) => e.key === 'machine');
    const macos = entries(ctx, node).find((e) => e.key === 'macos');
    const rc = locatedScalar(ctx, get(ctx, node, 'resource_class'));
    if (machine) {
      const img = locatedScalar(ctx, get(ctx, machine.value, 'image'));
      job.runner = img ?? (isScalar(machine.value) ? { value: 'machine', loc: nodeLoc(ctx, machine.value) } : { value: 'machine', loc: keyLoc(ctx, machine) });
    } else if (macos) {
      const xcode = locatedScalar(ctx, get(ctx, macos.value, 'xcode'));
      job.runner = xcode ? { value: `macos xcode ${xcode.value}`, loc: xcode.loc } : { value: 'macos', loc: keyLoc(ctx, macos) };
    } else if (rc) job.runner = rc;
  }

  // ----- steps ----------------------------------------------------------------------------

  private steps(node: unknown, stack: unknown[]): CiStep[] {
    const { ctx, file } = this;
    const out: CiStep[] = [];
    if (stack.length > 10) return out;
    for (const item of items(ctx, node)) {
      if (!spend(ctx)) break;
      const loc = itemLoc(ctx, item);
      guard(file.problems, 'a step', () => out.push(...this.step(item, loc, stack)), loc);
    }
    return out;
  }

  private step(item: unknown, loc: Loc, stack: unknown[]): CiStep[] {
    const { ctx } = this;
    let name: string | undefined;
    let params: unknown;
    if (isScalar(item)) name = str(ctx, item);
    else if (isMap(item)) {
      const es = entries(ctx, item);
      if (es.length !== 1) {
        this.problem('A step should have exactly one key (its type)', loc, 'error');
        if (!es.length) return [];
      }
      name = es[0].key;
      params = es[0].value;
    } else {
      this.problem('A step should be a name or a mapping', loc, 'error');
      return [];
    }
    if (!name) return [];
    const base: CiStep = { loc, script: [], inputs: {}, env: {} };

    if (name === 'run' || name === 'deploy') {
      if (isMap(params)) {
        base.name = str(ctx, get(ctx, params, 'name'));
        base.script = scriptLines(ctx, get(ctx, params, 'command'));
        base.env = envMap(ctx, get(ctx, params, 'environment'));
        const wd = str(ctx, get(ctx, params, 'working_directory'));
        if (wd !== undefined && base.script.length) base.workingDirectory = wd;
      } else base.script = scriptLines(ctx, params);
      return [base];
    }
    if (name === 'when' || name === 'unless') return this.steps(get(ctx, params, 'steps'), stack);
    if (BUILTIN_STEPS.has(name)) {
      base.name = str(ctx, get(ctx, params, 'name')) ?? name;
      return [base];
    }
    // A reusable command: local, or of an inline orb — its steps, at their own lines.
    const command = this.commands.get(name) ?? this.inlineOrbPart(name, 'commands');
    if (command !== undefined && !stack.includes(command)) {
      const expanded = this.steps(get(ctx, command, 'steps'), [...stack, command]);
      if (expanded.length) return expanded;
    }
    base.name = name;
    if (name.includes('/')) {
      base.uses = { value: this.orbUses(name), loc };
      for (const p of entries(ctx, params)) base.inputs[p.key] = located(ctx, p.value, keyLoc(ctx, p));
    }
    return [base];
  }

  /** The package script an orb job runs by parameter (ORB_SCRIPT_PARAMETERS), as a step at the parameter. */
  private scriptParameterSteps(uses: string, params: unknown): CiStep[] {
    const at = uses.indexOf('@');
    const slash = at >= 0 ? uses.indexOf('/', at) : -1;
    const key = at >= 0 && slash >= 0 ? `${uses.slice(0, at)}${uses.slice(slash)}` : uses;
    const out: CiStep[] = [];
    for (const { parameter, runner } of ORB_SCRIPT_PARAMETERS[key.toLowerCase()] ?? []) {
      const name = locatedScalar(this.ctx, get(this.ctx, params, parameter));
      if (!name?.value.trim() || name.value.includes('<<')) continue;
      out.push({ loc: name.loc, name: `${parameter}: ${name.value}`, script: [{ text: `${runner} ${name.value.trim()}`, loc: name.loc }], inputs: {}, env: {} });
    }
    return out;
  }

  // ----- workflows ------------------------------------------------------------------------

  private workflows(node: unknown): void {
    const { ctx, file } = this;
    let untriggered = false;
    /** Per local job (by key) or orb job (by id): whether every listing waits for an approval job. */
    const approvalOnly = new Map<CiJob, boolean>();
    const orbJobs = new Map<string, CiJob>();
    const listedJobs = new Set<string>();
    for (const wf of entries(ctx, node)) {
      if (wf.key === 'version' || !isMap(wf.value)) continue;
      let scheduled = false;
      for (const t of items(ctx, get(ctx, wf.value, 'triggers'))) {
        const cron = locatedScalar(ctx, get(ctx, get(ctx, t, 'schedule'), 'cron'));
        if (cron) {
          file.schedules.push(cron);
          scheduled = true;
        }
      }
      if (!scheduled) untriggered = true;

      const listed: { written: string; id: string; loc: Loc; params: unknown; requires: string[] }[] = [];
      for (const j of items(ctx, get(ctx, wf.value, 'jobs'))) {
        if (!spend(ctx)) break;
        let written: string | undefined;
        let params: unknown;
        let loc: Loc;
        if (isMap(j)) {
          const e = entries(ctx, j)[0];
          if (!e) continue;
          written = e.key;
          params = e.value;
          loc = keyLoc(ctx, e);
        } else {
          written = str(ctx, j);
          loc = nodeLoc(ctx, j);
        }
        if (!written) continue;
        const id = str(ctx, get(ctx, params, 'name')) ?? written;
        const requires = items(ctx, get(ctx, params, 'requires')).map((r) => str(ctx, r)).filter((r): r is string => !!r);
        listed.push({ written, id, loc, params, requires });
      }
      const approvals = new Set(listed.filter((l) => str(ctx, get(ctx, l.params, 'type')) === 'approval').map((l) => l.id));
      for (const l of listed) {
        listedJobs.add(l.written);
        if (approvals.has(l.id)) continue;
        let job = this.localJobs.get(l.written) ?? orbJobs.get(l.id);
        if (!job && l.written.includes('/')) {
          const uses = { value: this.orbUses(l.written), loc: l.loc };
          job = { id: l.id, loc: l.loc, steps: [], services: [], env: {}, uses };
          const inline = this.inlineOrbPart(l.written, 'jobs');
          if (inline !== undefined) {
            const built = this.job(l.id, l.loc, inline);
            if (built) job = { ...built, uses };
          }
          job.steps.push(...this.scriptParameterSteps(uses.value, l.params));
          orbJobs.set(l.id, job);
          file.jobs.push(job);
        }
        if (!job) continue;
        // Contexts hold the organisation's secret environment variables.
        const context = get(ctx, l.params, 'context');
        for (const c of isSeq(context) ? items(ctx, context) : context !== undefined ? [context] : []) {
          const name = locatedScalar(ctx, c);
          if (name) (job.secretSources ??= []).push({ value: `context: ${name.value}`, loc: name.loc });
        }
        const manual = l.requires.some((r) => approvals.has(r));
        approvalOnly.set(job, (approvalOnly.get(job) ?? true) && manual);
      }
    }
    for (const [job, manual] of approvalOnly) if (manual) job.manual = true;
    // With workflows, CircleCI runs only the jobs they list.
    for (const [key, job] of this.localJobs) if (!listedJobs.has(key)) job.notRun = `no workflow runs job '${key}'`;
    if (untriggered) file.events.push('push');
    if (file.schedules.length) file.events.push('schedule');
  }
}

export function parseCircleCi(path: string, text: string): CiFile {
  const file = emptyCiFile('circleci', path);
  guard(file.problems, 'the configuration', () => {
    const docs = openYaml(file, text);
    const ctx = docs.find((d) => isMap(d.doc.contents));
    if (!ctx) {
      if (docs.length) {
        const l = nodeLoc(docs[0], docs[0].doc.contents);
        file.problems.push({ message: 'Expected a mapping at the top level', line: l.line, column: l.column, severity: 'error' });
      }
      return;
    }
    new CircleParser(ctx, file).run();
  });
  return file;
}

export const circleciDialect = defineDialect({
  kind: 'circleci',
  system: 'CircleCI',
  fileLabel: 'CircleCI config',
  matchesPath: (p) => p.path === '.circleci/config.yml' || p.path === '.circleci/config.yaml',
  matchesContent: false,
  testFolders: 'count',
  activationGlobs: ['.circleci/config.{yml,yaml}'],
  parse: parseCircleCi,
  uses: { vocabulary: 'orb', evidenceLabel: 'uses' },
  localIncludes: 'fragment',
  refusesInvalidFile: true,
  ephemeralJob: (job) => !!job.image || /machine|macos|large|medium|small/.test(job.runner?.value.toLowerCase() ?? '') || undefined,
  pipelineRank: 3,
  fixes: { placements: ['job'] },
});
