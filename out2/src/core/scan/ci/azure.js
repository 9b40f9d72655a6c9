"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.azureDialect = void 0;
exports.parseAzurePipelines = parseAzurePipelines;
// Azure Pipelines: single-job files (`steps:` at the top), `jobs:`, `stages: → jobs:`,
// deployment jobs with their strategies, templates at every level, and `${{ }}` template
// expressions used as list items (their nested items are read as if written in place).
const dialect_1 = require("./dialect");
const yaml_1 = require("../../yaml");
const common_1 = require("./common");
const SCRIPT_KEYS = ['script', 'bash', 'pwsh', 'powershell'];
/**
 * Tasks whose inputs hold the script they run (`Bash@3` `script`, `AzureCLI@2` `inlineScript`,
 * `AzurePowerShell@5` `Inline`) or the path of a script file (`filePath`, `scriptPath`): read
 * like a `script:` step, so the tools they call count.
 */
const SCRIPT_TASK_INPUTS = {
    bash: { inline: ['script'], file: ['filePath'] },
    powershell: { inline: ['script'], file: ['filePath'] },
    cmdline: { inline: ['script'], file: [] },
    shellscript: { inline: [], file: ['scriptPath'] },
    azurecli: { inline: ['inlineScript'], file: ['scriptPath'] },
    azurepowershell: { inline: ['Inline'], file: ['ScriptPath'] },
};
const DEPLOY_HOOKS = ['preDeploy', 'deploy', 'routeTraffic', 'postRouteTraffic'];
class AzureParser {
    ctx;
    file;
    /** resources.containers: alias → image node. */
    containers = new Map();
    /** resources.repositories: alias → repository name (`org/project/repo` or `owner/repo`). */
    repositories = new Map();
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
        for (const c of (0, common_1.items)(ctx, (0, common_1.get)(ctx, byKey.get('resources')?.value, 'containers'))) {
            const alias = (0, common_1.str)(ctx, (0, common_1.get)(ctx, c, 'container'));
            const image = (0, common_1.get)(ctx, c, 'image');
            if (alias && image !== undefined)
                this.containers.set(alias, image);
        }
        for (const r of (0, common_1.items)(ctx, (0, common_1.get)(ctx, byKey.get('resources')?.value, 'repositories'))) {
            const alias = (0, common_1.str)(ctx, (0, common_1.get)(ctx, r, 'repository'));
            const name = (0, common_1.str)(ctx, (0, common_1.get)(ctx, r, 'name'));
            if (alias && name)
                this.repositories.set(alias, name);
        }
        // Events: CI trigger and PR trigger unless set to `none`; scheduled runs.
        const trigger = byKey.get('trigger');
        if (trigger && (0, common_1.str)(ctx, trigger.value) !== 'none')
            file.events.push('push');
        const pr = byKey.get('pr');
        if (pr && (0, common_1.str)(ctx, pr.value) !== 'none')
            file.events.push('pull_request');
        for (const s of (0, common_1.items)(ctx, byKey.get('schedules')?.value)) {
            const cron = (0, common_1.locatedScalar)(ctx, (0, common_1.get)(ctx, s, 'cron'));
            if (cron)
                file.schedules.push(cron);
        }
        if (file.schedules.length)
            file.events.push('schedule');
        const vars = byKey.get('variables');
        if (vars)
            file.env = this.variables(vars.value, file);
        const ext = byKey.get('extends');
        if (ext)
            this.template((0, common_1.get)(ctx, ext.value, 'template'), (0, common_1.keyLoc)(ctx, ext));
        const scope = { pool: byKey.get('pool'), container: byKey.get('container') };
        const stages = byKey.get('stages');
        const jobs = byKey.get('jobs');
        const steps = byKey.get('steps');
        if (stages)
            (0, common_1.guard)(file.problems, '`stages`', () => this.stages(stages, scope), (0, common_1.keyLoc)(ctx, stages));
        else if (jobs)
            (0, common_1.guard)(file.problems, '`jobs`', () => this.jobs(jobs.value, scope, (0, common_1.keyLoc)(ctx, jobs)), (0, common_1.keyLoc)(ctx, jobs));
        else if (steps) {
            (0, common_1.guard)(file.problems, '`steps`', () => {
                // A single implicit job: job-level keys sit at the top.
                const job = this.newJob('Job', (0, common_1.keyLoc)(ctx, steps), scope, ctx.doc.contents);
                job.steps = this.steps(steps.value, (0, common_1.keyLoc)(ctx, steps));
                file.jobs.push(job);
            }, (0, common_1.keyLoc)(ctx, steps));
        }
        if (ext) {
            // Pipelines that extend a template often pass their stages, jobs or steps as parameters.
            const params = (0, common_1.entries)(ctx, ext.value).find((e) => e.key === 'parameters');
            if (params)
                (0, common_1.guard)(file.problems, '`extends.parameters`', () => this.parameterLists(params, scope, 0), (0, common_1.keyLoc)(ctx, params));
        }
        const anchor = stages ?? jobs ?? steps ?? ext ?? root[0];
        if (anchor)
            file.anchor = (0, common_1.keyLoc)(ctx, anchor);
    }
    /** Stage, job and step lists found in template parameters, read as if written in place. */
    parameterLists(e, scope, depth) {
        const { ctx, file } = this;
        if (depth > 6 || !(0, common_1.spend)(ctx))
            return;
        const v = e.value;
        if ((0, yaml_1.isMap)(v)) {
            for (const sub of (0, common_1.entries)(ctx, v))
                this.parameterLists(sub, scope, depth + 1);
            return;
        }
        if (!(0, yaml_1.isSeq)(v))
            return;
        const list = this.listItems(v);
        const has = (keys) => list.some((i) => (0, common_1.entries)(ctx, i).some((x) => keys.includes(x.key)));
        if (has(['stage']))
            this.stages(e, scope);
        else if (has(['job', 'deployment']))
            this.jobs(v, scope, (0, common_1.keyLoc)(ctx, e));
        else if (has([...SCRIPT_KEYS, 'task', 'checkout'])) {
            const job = this.newJob(e.key, (0, common_1.keyLoc)(ctx, e), scope, undefined);
            job.steps = this.steps(v, (0, common_1.keyLoc)(ctx, e));
            file.jobs.push(job);
        }
    }
    // ----- templates --------------------------------------------------------------------------
    /** Records a `template:` reference; returns it as a Located. */
    template(node, fallback) {
        const l = (0, common_1.locatedScalar)(this.ctx, node);
        if (!l)
            return undefined;
        const at = l.value.lastIndexOf('@');
        const repo = at > 0 ? l.value.slice(at + 1) : undefined;
        if (repo !== undefined && repo !== 'self') {
            const name = this.repositories.get(repo);
            const path = l.value.slice(0, at).replace(/^\/+/, '');
            const block = name && !/\$\(|\$\{\{|\$\[/.test(path) ? `${name.replace(/\/+$/, '')}/${path}` : undefined;
            this.file.references.push({ kind: 'remote', ref: l.value, loc: l.loc, ...(block ? { block } : {}) });
            return l;
        }
        const p = repo === 'self' ? l.value.slice(0, at) : l.value;
        if (/\$\(|\$\{\{|\$\[/.test(p)) {
            // Built from parameters or variables: the file cannot be known here.
            this.file.references.push({ kind: 'local-include', ref: l.value, loc: l.loc });
            return l;
        }
        const localPath = p.startsWith('/') ? (0, common_1.normalizePath)(p) : (0, common_1.normalizePath)(`${(0, common_1.dirname)(this.file.path)}/${p}`);
        // `path@self` written from the repository root (as templates of another repository are) is
        // read from there when no file is next to the including one.
        const fromRoot = repo === 'self' && !p.startsWith('/') ? (0, common_1.normalizePath)(p) : undefined;
        this.file.references.push({ kind: 'local-include', ref: l.value, loc: l.loc ?? fallback, localPath, ...(fromRoot && fromRoot !== localPath ? { rootPath: fromRoot } : {}) });
        return l;
    }
    // ----- lists with template expressions ------------------------------------------------------
    /** Items of a list; `- ${{ if … }}:` / `- ${{ each … }}:` items contribute their nested items. */
    listItems(node, depth = 0) {
        const { ctx } = this;
        const out = [];
        if (depth > 10)
            return out;
        for (const item of (0, common_1.items)(ctx, node)) {
            if (!(0, common_1.spend)(ctx))
                break;
            if ((0, yaml_1.isMap)(item)) {
                const es = (0, common_1.entries)(ctx, item);
                if (es.length && es.every((e) => e.key.startsWith('${{'))) {
                    for (const e of es)
                        out.push(...this.listItems(e.value, depth + 1));
                    continue;
                }
            }
            // `- ${{ job }}` inserts an item from a parameter: what it is cannot be known here.
            if ((0, yaml_1.isScalar)(item) && typeof item.value === 'string' && /^\$\{\{[\s\S]*\}\}$/.test(item.value.trim()))
                continue;
            out.push(item);
        }
        return out;
    }
    // ----- stages and jobs ----------------------------------------------------------------------
    stages(stages, scope) {
        const { ctx } = this;
        if (!(0, yaml_1.isSeq)(stages.value)) {
            this.problem('`stages` should be a list', (0, common_1.keyLoc)(ctx, stages), 'error');
            return;
        }
        for (const st of this.listItems(stages.value)) {
            const loc = (0, common_1.itemLoc)(ctx, st);
            if (!(0, yaml_1.isMap)(st)) {
                this.problem('A stage should be a mapping', loc, 'error');
                continue;
            }
            const tpl = (0, common_1.entries)(ctx, st).find((e) => e.key === 'template');
            if (tpl) {
                this.template(tpl.value, (0, common_1.keyLoc)(ctx, tpl));
                // A stage template handed its stages, jobs or steps as parameters runs them.
                const params = (0, common_1.entries)(ctx, st).find((e) => e.key === 'parameters');
                if (params)
                    (0, common_1.guard)(this.file.problems, 'stage template parameters', () => this.parameterLists(params, scope, 0), (0, common_1.keyLoc)(ctx, params));
                continue;
            }
            const name = (0, common_1.str)(ctx, (0, common_1.get)(ctx, st, 'stage'));
            const sub = {
                stage: name,
                pool: (0, common_1.entries)(ctx, st).find((e) => e.key === 'pool') ?? scope.pool,
                container: scope.container,
            };
            const jobs = (0, common_1.get)(ctx, st, 'jobs');
            (0, common_1.guard)(this.file.problems, `stage '${name ?? '?'}'`, () => this.jobs(jobs, sub, loc), loc);
        }
    }
    jobs(node, scope, at) {
        const { ctx, file } = this;
        if (!(0, yaml_1.isSeq)(node)) {
            this.problem('`jobs` should be a list', at, 'error');
            return;
        }
        for (const j of this.listItems(node)) {
            const loc = (0, common_1.itemLoc)(ctx, j);
            (0, common_1.guard)(file.problems, 'a job', () => {
                if (!(0, yaml_1.isMap)(j)) {
                    this.problem('A job should be a mapping', loc, 'error');
                    return;
                }
                const es = (0, common_1.entries)(ctx, j);
                const idEntry = es.find((e) => e.key === 'job' || e.key === 'deployment');
                const tpl = es.find((e) => e.key === 'template');
                if (!idEntry && tpl) {
                    const uses = this.template(tpl.value, (0, common_1.keyLoc)(ctx, tpl));
                    if (uses) {
                        const job = this.newJob(uses.value, (0, common_1.joinLoc)((0, common_1.keyLoc)(ctx, tpl), uses.loc), scope, undefined);
                        job.uses = uses;
                        file.jobs.push(job);
                    }
                    // Job templates (the .NET Arcade jobs.yml among them) are often handed the jobs they run as parameters.
                    const params = es.find((e) => e.key === 'parameters');
                    if (params)
                        this.parameterLists(params, scope, 0);
                    return;
                }
                if (!idEntry) {
                    this.problem('A job needs `job:`, `deployment:` or `template:`', loc, 'error');
                    return;
                }
                const id = (0, common_1.str)(ctx, idEntry.value) || (idEntry.key === 'job' ? 'Job' : 'Deployment');
                const idLoc = (0, yaml_1.isScalar)(idEntry.value) ? (0, common_1.joinLoc)((0, common_1.keyLoc)(ctx, idEntry), (0, common_1.nodeLoc)(ctx, idEntry.value)) : (0, common_1.keyLoc)(ctx, idEntry);
                const job = this.newJob(id, idLoc, scope, j);
                if (idEntry.key === 'deployment')
                    job.steps = this.deploymentSteps(j, loc);
                else
                    job.steps = this.steps((0, common_1.get)(ctx, j, 'steps'), loc);
                file.jobs.push(job);
            }, loc);
        }
    }
    /** A job with the settings of `node` (a job mapping, or the root of a single-job file). */
    newJob(id, loc, scope, node) {
        const { ctx } = this;
        const job = { id, loc, steps: [], services: [], env: {} };
        if (scope.stage)
            job.stage = scope.stage;
        const es = node === undefined ? [] : (0, common_1.entries)(ctx, node);
        const own = (k) => es.find((e) => e.key === k);
        const pool = own('pool') ?? scope.pool;
        if (pool)
            job.runner = this.pool(pool);
        const container = own('container') ?? scope.container;
        if (container)
            job.image = this.container(container.value);
        const name = own('displayName');
        if (name)
            job.name = (0, common_1.str)(ctx, name.value);
        for (const s of (0, common_1.entries)(ctx, own('services')?.value)) {
            const img = this.container(s.value);
            if (img)
                job.services.push(img);
        }
        const vars = own('variables');
        if (vars && node !== ctx.doc.contents)
            job.env = this.variables(vars.value, job);
        const coe = own('continueOnError');
        if (coe && (0, common_1.isTrue)(ctx, coe.value))
            job.cannotFail = (0, common_1.keyLoc)(ctx, coe);
        return job;
    }
    pool(e) {
        const { ctx } = this;
        const v = e.value;
        if ((0, yaml_1.isScalar)(v))
            return (0, common_1.locatedScalar)(ctx, v);
        if ((0, yaml_1.isMap)(v))
            return (0, common_1.locatedScalar)(ctx, (0, common_1.get)(ctx, v, 'vmImage')) ?? (0, common_1.locatedScalar)(ctx, (0, common_1.get)(ctx, v, 'name'));
        return undefined;
    }
    /** `container: alias|image` or `{ image }`; aliases of resources.containers give their image. */
    container(node) {
        const { ctx } = this;
        const v = (0, yaml_1.deref)(ctx.doc, node);
        if ((0, yaml_1.isMap)(v))
            return (0, common_1.locatedScalar)(ctx, (0, common_1.get)(ctx, v, 'image'));
        const l = (0, common_1.locatedScalar)(ctx, v);
        if (!l)
            return undefined;
        const resource = this.containers.get(l.value);
        return resource !== undefined ? (0, common_1.locatedScalar)(ctx, resource) ?? l : l;
    }
    /**
     * `variables:` as a map or a list of `{name, value}` / `{group}` / `{template}`. Variable groups
     * (the library, where secret values and Key Vault links live) are noted on `owner`.
     */
    variables(node, owner) {
        const { ctx } = this;
        const v = (0, yaml_1.deref)(ctx.doc, node);
        if ((0, yaml_1.isMap)(v))
            return (0, common_1.envMap)(ctx, v);
        const out = {};
        for (const item of this.listItems(v)) {
            const es = (0, common_1.entries)(ctx, item);
            const name = es.find((e) => e.key === 'name');
            const tpl = es.find((e) => e.key === 'template');
            const group = es.find((e) => e.key === 'group');
            const groupName = group && (0, common_1.str)(ctx, group.value);
            if (owner && group && groupName)
                (owner.secretSources ??= []).push({ value: `variable group: ${groupName}`, loc: (0, common_1.keyLoc)(ctx, group) });
            if (name) {
                const n = (0, common_1.str)(ctx, name.value);
                const value = es.find((e) => e.key === 'value');
                if (n)
                    out[n] = value ? (0, common_1.located)(ctx, value.value, (0, common_1.keyLoc)(ctx, value)) : { value: '', loc: (0, common_1.keyLoc)(ctx, name) };
            }
            else if (tpl)
                this.template(tpl.value, (0, common_1.keyLoc)(ctx, tpl));
        }
        return out;
    }
    deploymentSteps(job, at) {
        const { ctx } = this;
        const out = [];
        const direct = (0, common_1.get)(ctx, job, 'steps');
        if (direct !== undefined)
            out.push(...this.steps(direct, at));
        const strategy = (0, common_1.get)(ctx, job, 'strategy');
        for (const s of (0, common_1.entries)(ctx, strategy)) {
            if (!['runOnce', 'rolling', 'canary'].includes(s.key))
                continue;
            for (const hook of DEPLOY_HOOKS) {
                const h = (0, common_1.get)(ctx, s.value, hook);
                if (h !== undefined)
                    out.push(...this.steps((0, common_1.get)(ctx, h, 'steps'), at));
            }
            const on = (0, common_1.get)(ctx, s.value, 'on');
            for (const when of ['failure', 'success']) {
                const h = (0, common_1.get)(ctx, on, when);
                if (h !== undefined)
                    out.push(...this.steps((0, common_1.get)(ctx, h, 'steps'), at));
            }
        }
        return out;
    }
    // ----- steps --------------------------------------------------------------------------------
    steps(node, at) {
        const { ctx, file } = this;
        const out = [];
        if (node === undefined)
            return out;
        if (!(0, yaml_1.isSeq)((0, yaml_1.deref)(ctx.doc, node))) {
            this.problem('`steps` should be a list', (0, common_1.nodeLoc)(ctx, node, at), 'error');
            return out;
        }
        for (const item of this.listItems(node)) {
            const loc = (0, common_1.itemLoc)(ctx, item, at);
            (0, common_1.guard)(file.problems, 'a step', () => {
                if (!(0, yaml_1.isMap)(item)) {
                    this.problem('A step should be a mapping', loc, 'error');
                    return;
                }
                const es = (0, common_1.entries)(ctx, item);
                const own = (k) => es.find((e) => e.key === k);
                const tpl = own('template');
                if (tpl) {
                    this.template(tpl.value, (0, common_1.keyLoc)(ctx, tpl));
                    return;
                }
                const enabled = own('enabled');
                if (enabled && (0, yaml_1.isScalar)(enabled.value) && enabled.value.value === false)
                    return; // never runs
                const step = { loc, script: [], inputs: {}, env: {} };
                const label = own('displayName') ?? own('name');
                if (label)
                    step.name = (0, common_1.str)(ctx, label.value);
                for (const k of SCRIPT_KEYS) {
                    const s = own(k);
                    if (s)
                        step.script = (0, common_1.scriptLines)(ctx, s.value);
                }
                const task = own('task');
                if (task)
                    step.uses = (0, common_1.locatedScalar)(ctx, task.value);
                const inputs = (0, common_1.entries)(ctx, own('inputs')?.value);
                for (const i of inputs)
                    step.inputs[i.key] = (0, common_1.located)(ctx, i.value, (0, common_1.keyLoc)(ctx, i));
                const scriptTask = task && (0, yaml_1.isScalar)(task.value) ? SCRIPT_TASK_INPUTS[String(task.value.value).split('@')[0].trim().toLowerCase()] : undefined;
                if (scriptTask) {
                    const input = (names) => inputs.find((i) => names.some((n) => n.toLowerCase() === i.key.toLowerCase()));
                    const lines = input(scriptTask.inline) ?? input(scriptTask.file);
                    if (lines)
                        step.script = (0, common_1.scriptLines)(ctx, lines.value);
                }
                const env = own('env');
                if (env)
                    step.env = (0, common_1.envMap)(ctx, env.value);
                const coe = own('continueOnError');
                if (coe && (0, common_1.isTrue)(ctx, coe.value))
                    step.cannotFail = (0, common_1.keyLoc)(ctx, coe);
                // A script step's folder, or a script task's `workingDirectory` input.
                const wd = own('workingDirectory')?.value ?? inputs.find((i) => i.key.toLowerCase() === 'workingdirectory')?.value;
                if (wd !== undefined && step.script.length)
                    step.workingDirectory = (0, common_1.str)(ctx, wd);
                out.push(step);
            }, loc);
        }
        return out;
    }
}
function parseAzurePipelines(path, text) {
    const file = (0, common_1.emptyCiFile)('azure-pipelines', path);
    (0, common_1.guard)(file.problems, 'the pipeline', () => {
        const docs = (0, common_1.openYaml)(file, text);
        const ctx = docs.find((d) => (0, yaml_1.isMap)(d.doc.contents));
        if (!ctx) {
            if (docs.length) {
                const l = (0, common_1.nodeLoc)(docs[0], docs[0].doc.contents);
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
function isAzurePipelineContent(text) {
    if (!AZURE_PIPELINE_KEY.test(text) || !AZURE_WORK_KEY.test(text))
        return false;
    return /^extends[ \t]*:/m.test(text) || AZURE_ITEM.test(text);
}
exports.azureDialect = (0, dialect_1.defineDialect)({
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
    refusesInvalidFile: true,
    ephemeralJob: (job) => !!job.image || /ubuntu|windows|macos|vmimage/.test(job.runner?.value.toLowerCase() ?? ''),
    pipelineRank: 2,
    fixes: { placements: ['steps'] },
});
//# sourceMappingURL=azure.js.map