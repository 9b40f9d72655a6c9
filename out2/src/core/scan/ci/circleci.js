"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.circleciDialect = void 0;
exports.parseCircleCi = parseCircleCi;
// CircleCI (.circleci/config.yml): orbs, executors, reusable commands (expanded in place, so
// their lines keep their real positions), jobs and workflows (orb jobs become jobs).
const dialect_1 = require("./dialect");
const yaml_1 = require("../../yaml");
const common_1 = require("./common");
const BUILTIN_STEPS = new Set([
    'checkout', 'setup_remote_docker', 'save_cache', 'restore_cache', 'store_artifacts', 'store_test_results',
    'persist_to_workspace', 'attach_workspace', 'add_ssh_keys', 'deploy', 'run', 'when', 'unless',
]);
/**
 * Orb jobs that run a package script named by a parameter: the job runs it as `<runner> <name>`
 * would (circleci/node's `run` job with `yarn-run: lint` runs `yarn run lint`), so the script is
 * followed like one written in a `run` step, from the parameter's line.
 */
const ORB_SCRIPT_PARAMETERS = {
    'circleci/node/run': [
        { parameter: 'yarn-run', runner: 'yarn run' },
        { parameter: 'npm-run', runner: 'npm run' },
    ],
};
class CircleParser {
    ctx;
    file;
    orbs = new Map();
    commands = new Map();
    executors = new Map();
    localJobs = new Map();
    constructor(ctx, file) {
        this.ctx = ctx;
        this.file = file;
    }
    problem(message, at, severity = 'warning') {
        this.file.problems.push({ message, line: at.line, column: at.column, severity });
    }
    run() {
        const { ctx, file } = this;
        const root = (0, common_1.entries)(ctx, ctx.doc.contents);
        const byKey = new Map(root.map((e) => [e.key, e]));
        for (const o of (0, common_1.entries)(ctx, byKey.get('orbs')?.value)) {
            if ((0, yaml_1.isMap)(o.value)) {
                this.orbs.set(o.key, { inline: o.value });
                file.references.push({ kind: 'orb', ref: o.key, loc: (0, common_1.keyLoc)(ctx, o) });
            }
            else {
                const l = (0, common_1.locatedScalar)(ctx, o.value);
                if (!l)
                    continue;
                this.orbs.set(o.key, { ref: l.value });
                file.references.push({ kind: 'orb', ref: l.value, loc: l.loc });
            }
        }
        for (const c of (0, common_1.entries)(ctx, byKey.get('commands')?.value))
            this.commands.set(c.key, c.value);
        for (const x of (0, common_1.entries)(ctx, byKey.get('executors')?.value))
            this.executors.set(x.key, x.value);
        const jobs = byKey.get('jobs');
        if (jobs) {
            if (!(0, yaml_1.isMap)(jobs.value))
                this.problem('`jobs` should be a mapping of job names to jobs', (0, common_1.keyLoc)(ctx, jobs), 'error');
            for (const j of (0, common_1.entries)(ctx, jobs.value)) {
                (0, common_1.guard)(file.problems, `job '${j.key}'`, () => {
                    const job = this.job(j.key, (0, common_1.keyLoc)(ctx, j), j.value);
                    if (job) {
                        file.jobs.push(job);
                        this.localJobs.set(j.key, job);
                    }
                }, (0, common_1.keyLoc)(ctx, j));
            }
        }
        const workflows = byKey.get('workflows');
        if (workflows)
            (0, common_1.guard)(file.problems, '`workflows`', () => this.workflows(workflows.value), (0, common_1.keyLoc)(ctx, workflows));
        else if (file.jobs.length)
            file.events.push('push');
        const anchor = workflows ?? jobs ?? root[0];
        if (anchor)
            file.anchor = (0, common_1.keyLoc)(ctx, anchor);
    }
    /** `alias/name` → `ns/orb@version/name` when the alias is a registry orb; as written otherwise. */
    orbUses(written) {
        const slash = written.indexOf('/');
        const orb = this.orbs.get(written.slice(0, slash));
        return orb?.ref ? `${orb.ref}/${written.slice(slash + 1)}` : written;
    }
    inlineOrbPart(written, section) {
        const slash = written.indexOf('/');
        if (slash < 0)
            return undefined;
        const orb = this.orbs.get(written.slice(0, slash));
        return orb?.inline === undefined ? undefined : (0, common_1.get)(this.ctx, (0, common_1.get)(this.ctx, orb.inline, section), written.slice(slash + 1));
    }
    // ----- jobs -----------------------------------------------------------------------------
    job(id, loc, node) {
        const { ctx } = this;
        if (!(0, yaml_1.isMap)(node)) {
            this.problem(`Job '${id}' should be a mapping`, loc, 'error');
            return undefined;
        }
        const job = { id, loc, steps: [], services: [], env: {} };
        // Executor first, the job's own settings override it.
        const exec = (0, common_1.get)(ctx, node, 'executor');
        const execName = (0, yaml_1.isMap)(exec) ? (0, common_1.str)(ctx, (0, common_1.get)(ctx, exec, 'name')) : (0, common_1.str)(ctx, exec);
        if (execName) {
            const def = this.executors.get(execName) ?? this.inlineOrbPart(execName, 'executors');
            if (def !== undefined)
                this.environment(job, def);
        }
        this.environment(job, node);
        job.env = { ...job.env, ...(0, common_1.envMap)(ctx, (0, common_1.get)(ctx, node, 'environment')) };
        const steps = (0, common_1.get)(ctx, node, 'steps');
        if (steps !== undefined && !(0, yaml_1.isSeq)(steps))
            this.problem(`\`steps\` of job '${id}' should be a list`, (0, common_1.nodeLoc)(ctx, steps, loc), 'error');
        job.steps = this.steps(steps, []);
        // The job's working_directory is where `checkout` puts the code; a step's own is relative to
        // it (or written in full under it): that part says where the step's relative paths start.
        const jobDir = ((0, common_1.str)(ctx, (0, common_1.get)(ctx, node, 'working_directory')) ?? (execName ? (0, common_1.str)(ctx, (0, common_1.get)(ctx, this.executors.get(execName), 'working_directory')) : undefined))?.replace(/\/+$/, '');
        for (const step of job.steps) {
            const wd = step.workingDirectory?.trim().replace(/\/+$/, '');
            if (wd === undefined || !jobDir)
                continue;
            if (wd === jobDir)
                step.workingDirectory = '.';
            else if (wd.startsWith(jobDir + '/'))
                step.workingDirectory = wd.slice(jobDir.length + 1);
        }
        return job;
    }
    /** docker / machine / macos / resource_class of a job or an executor. */
    environment(job, node) {
        const { ctx } = this;
        const docker = (0, common_1.get)(ctx, node, 'docker');
        if (docker !== undefined) {
            const images = (0, common_1.items)(ctx, docker).map((d) => (0, common_1.locatedScalar)(ctx, (0, common_1.get)(ctx, d, 'image')));
            if (images[0])
                job.image = images[0];
            job.services = images.slice(1).filter((i) => !!i);
        }
        const machine = (0, common_1.entries)(ctx, node).find((e) => e.key === 'machine');
        const macos = (0, common_1.entries)(ctx, node).find((e) => e.key === 'macos');
        const rc = (0, common_1.locatedScalar)(ctx, (0, common_1.get)(ctx, node, 'resource_class'));
        if (machine) {
            const img = (0, common_1.locatedScalar)(ctx, (0, common_1.get)(ctx, machine.value, 'image'));
            job.runner = img ?? ((0, yaml_1.isScalar)(machine.value) ? { value: 'machine', loc: (0, common_1.nodeLoc)(ctx, machine.value) } : { value: 'machine', loc: (0, common_1.keyLoc)(ctx, machine) });
        }
        else if (macos) {
            const xcode = (0, common_1.locatedScalar)(ctx, (0, common_1.get)(ctx, macos.value, 'xcode'));
            job.runner = xcode ? { value: `macos xcode ${xcode.value}`, loc: xcode.loc } : { value: 'macos', loc: (0, common_1.keyLoc)(ctx, macos) };
        }
        else if (rc)
            job.runner = rc;
    }
    // ----- steps ----------------------------------------------------------------------------
    steps(node, stack) {
        const { ctx, file } = this;
        const out = [];
        if (stack.length > 10)
            return out;
        for (const item of (0, common_1.items)(ctx, node)) {
            if (!(0, common_1.spend)(ctx))
                break;
            const loc = (0, common_1.itemLoc)(ctx, item);
            (0, common_1.guard)(file.problems, 'a step', () => out.push(...this.step(item, loc, stack)), loc);
        }
        return out;
    }
    step(item, loc, stack) {
        const { ctx } = this;
        let name;
        let params;
        if ((0, yaml_1.isScalar)(item))
            name = (0, common_1.str)(ctx, item);
        else if ((0, yaml_1.isMap)(item)) {
            const es = (0, common_1.entries)(ctx, item);
            if (es.length !== 1) {
                this.problem('A step should have exactly one key (its type)', loc, 'error');
                if (!es.length)
                    return [];
            }
            name = es[0].key;
            params = es[0].value;
        }
        else {
            this.problem('A step should be a name or a mapping', loc, 'error');
            return [];
        }
        if (!name)
            return [];
        const base = { loc, script: [], inputs: {}, env: {} };
        if (name === 'run' || name === 'deploy') {
            if ((0, yaml_1.isMap)(params)) {
                base.name = (0, common_1.str)(ctx, (0, common_1.get)(ctx, params, 'name'));
                base.script = (0, common_1.scriptLines)(ctx, (0, common_1.get)(ctx, params, 'command'));
                base.env = (0, common_1.envMap)(ctx, (0, common_1.get)(ctx, params, 'environment'));
                const wd = (0, common_1.str)(ctx, (0, common_1.get)(ctx, params, 'working_directory'));
                if (wd !== undefined && base.script.length)
                    base.workingDirectory = wd;
            }
            else
                base.script = (0, common_1.scriptLines)(ctx, params);
            return [base];
        }
        if (name === 'when' || name === 'unless')
            return this.steps((0, common_1.get)(ctx, params, 'steps'), stack);
        if (BUILTIN_STEPS.has(name)) {
            base.name = (0, common_1.str)(ctx, (0, common_1.get)(ctx, params, 'name')) ?? name;
            return [base];
        }
        // A reusable command: local, or of an inline orb — its steps, at their own lines.
        const command = this.commands.get(name) ?? this.inlineOrbPart(name, 'commands');
        if (command !== undefined && !stack.includes(command)) {
            const expanded = this.steps((0, common_1.get)(ctx, command, 'steps'), [...stack, command]);
            if (expanded.length)
                return expanded;
        }
        base.name = name;
        if (name.includes('/')) {
            base.uses = { value: this.orbUses(name), loc };
            for (const p of (0, common_1.entries)(ctx, params))
                base.inputs[p.key] = (0, common_1.located)(ctx, p.value, (0, common_1.keyLoc)(ctx, p));
        }
        return [base];
    }
    /** The package script an orb job runs by parameter (ORB_SCRIPT_PARAMETERS), as a step at the parameter. */
    scriptParameterSteps(uses, params) {
        const at = uses.indexOf('@');
        const slash = at >= 0 ? uses.indexOf('/', at) : -1;
        const key = at >= 0 && slash >= 0 ? `${uses.slice(0, at)}${uses.slice(slash)}` : uses;
        const out = [];
        for (const { parameter, runner } of ORB_SCRIPT_PARAMETERS[key.toLowerCase()] ?? []) {
            const name = (0, common_1.locatedScalar)(this.ctx, (0, common_1.get)(this.ctx, params, parameter));
            if (!name?.value.trim() || name.value.includes('<<'))
                continue;
            out.push({ loc: name.loc, name: `${parameter}: ${name.value}`, script: [{ text: `${runner} ${name.value.trim()}`, loc: name.loc }], inputs: {}, env: {} });
        }
        return out;
    }
    // ----- workflows ------------------------------------------------------------------------
    workflows(node) {
        const { ctx, file } = this;
        let untriggered = false;
        /** Per local job (by key) or orb job (by id): whether every listing waits for an approval job. */
        const approvalOnly = new Map();
        const orbJobs = new Map();
        const listedJobs = new Set();
        for (const wf of (0, common_1.entries)(ctx, node)) {
            if (wf.key === 'version' || !(0, yaml_1.isMap)(wf.value))
                continue;
            let scheduled = false;
            for (const t of (0, common_1.items)(ctx, (0, common_1.get)(ctx, wf.value, 'triggers'))) {
                const cron = (0, common_1.locatedScalar)(ctx, (0, common_1.get)(ctx, (0, common_1.get)(ctx, t, 'schedule'), 'cron'));
                if (cron) {
                    file.schedules.push(cron);
                    scheduled = true;
                }
            }
            if (!scheduled)
                untriggered = true;
            const listed = [];
            for (const j of (0, common_1.items)(ctx, (0, common_1.get)(ctx, wf.value, 'jobs'))) {
                if (!(0, common_1.spend)(ctx))
                    break;
                let written;
                let params;
                let loc;
                if ((0, yaml_1.isMap)(j)) {
                    const e = (0, common_1.entries)(ctx, j)[0];
                    if (!e)
                        continue;
                    written = e.key;
                    params = e.value;
                    loc = (0, common_1.keyLoc)(ctx, e);
                }
                else {
                    written = (0, common_1.str)(ctx, j);
                    loc = (0, common_1.nodeLoc)(ctx, j);
                }
                if (!written)
                    continue;
                const id = (0, common_1.str)(ctx, (0, common_1.get)(ctx, params, 'name')) ?? written;
                const requires = (0, common_1.items)(ctx, (0, common_1.get)(ctx, params, 'requires')).map((r) => (0, common_1.str)(ctx, r)).filter((r) => !!r);
                listed.push({ written, id, loc, params, requires });
            }
            const approvals = new Set(listed.filter((l) => (0, common_1.str)(ctx, (0, common_1.get)(ctx, l.params, 'type')) === 'approval').map((l) => l.id));
            for (const l of listed) {
                listedJobs.add(l.written);
                if (approvals.has(l.id))
                    continue;
                let job = this.localJobs.get(l.written) ?? orbJobs.get(l.id);
                if (!job && l.written.includes('/')) {
                    const uses = { value: this.orbUses(l.written), loc: l.loc };
                    job = { id: l.id, loc: l.loc, steps: [], services: [], env: {}, uses };
                    const inline = this.inlineOrbPart(l.written, 'jobs');
                    if (inline !== undefined) {
                        const built = this.job(l.id, l.loc, inline);
                        if (built)
                            job = { ...built, uses };
                    }
                    job.steps.push(...this.scriptParameterSteps(uses.value, l.params));
                    orbJobs.set(l.id, job);
                    file.jobs.push(job);
                }
                if (!job)
                    continue;
                // Contexts hold the organisation's secret environment variables.
                const context = (0, common_1.get)(ctx, l.params, 'context');
                for (const c of (0, yaml_1.isSeq)(context) ? (0, common_1.items)(ctx, context) : context !== undefined ? [context] : []) {
                    const name = (0, common_1.locatedScalar)(ctx, c);
                    if (name)
                        (job.secretSources ??= []).push({ value: `context: ${name.value}`, loc: name.loc });
                }
                const manual = l.requires.some((r) => approvals.has(r));
                approvalOnly.set(job, (approvalOnly.get(job) ?? true) && manual);
            }
        }
        for (const [job, manual] of approvalOnly)
            if (manual)
                job.manual = true;
        // With workflows, CircleCI runs only the jobs they list.
        for (const [key, job] of this.localJobs)
            if (!listedJobs.has(key))
                job.notRun = `no workflow runs job '${key}'`;
        if (untriggered)
            file.events.push('push');
        if (file.schedules.length)
            file.events.push('schedule');
    }
}
function parseCircleCi(path, text) {
    const file = (0, common_1.emptyCiFile)('circleci', path);
    (0, common_1.guard)(file.problems, 'the configuration', () => {
        const docs = (0, common_1.openYaml)(file, text);
        const ctx = docs.find((d) => (0, yaml_1.isMap)(d.doc.contents));
        if (!ctx) {
            if (docs.length) {
                const l = (0, common_1.nodeLoc)(docs[0], docs[0].doc.contents);
                file.problems.push({ message: 'Expected a mapping at the top level', line: l.line, column: l.column, severity: 'error' });
            }
            return;
        }
        new CircleParser(ctx, file).run();
    });
    return file;
}
exports.circleciDialect = (0, dialect_1.defineDialect)({
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
//# sourceMappingURL=circleci.js.map