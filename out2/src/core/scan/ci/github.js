"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.githubActionDialect = exports.githubWorkflowDialect = void 0;
exports.parseGithubWorkflow = parseGithubWorkflow;
exports.parseGithubAction = parseGithubAction;
// GitHub Actions: workflows (.github/workflows/*.yml) and action metadata (action.yml).
const dialect_1 = require("./dialect");
const yaml_1 = require("../../yaml");
const common_1 = require("./common");
/** The main document: the first non-empty one that is a mapping (a problem otherwise). */
function mainDocument(file, text) {
    const docs = (0, common_1.openYaml)(file, text);
    const ctx = docs.find((d) => (0, yaml_1.isMap)(d.doc.contents));
    if (!ctx) {
        if (docs.length) {
            const l = (0, common_1.nodeLoc)(docs[0], docs[0].doc.contents);
            file.problems.push({ message: 'Expected a mapping at the top level', line: l.line, column: l.column, severity: 'error' });
        }
        return undefined;
    }
    if (docs.length > 1) {
        const other = docs.find((d) => d !== ctx);
        const l = other ? (0, common_1.nodeLoc)(other, other.doc.contents) : undefined;
        file.problems.push({ message: 'Only the first YAML document is used', line: l?.line ?? 1, column: l?.column ?? 1, severity: 'warning' });
    }
    return ctx;
}
function parseGithubWorkflow(path, text) {
    const file = (0, common_1.emptyCiFile)('github-workflow', path);
    (0, common_1.guard)(file.problems, 'the workflow', () => {
        const ctx = mainDocument(file, text);
        if (!ctx)
            return;
        const root = (0, common_1.entries)(ctx, ctx.doc.contents);
        const byKey = new Map(root.map((e) => [e.key, e]));
        const anchorEntry = byKey.get('jobs') ?? byKey.get('on') ?? root[0];
        if (anchorEntry)
            file.anchor = (0, common_1.keyLoc)(ctx, anchorEntry);
        const on = byKey.get('on');
        if (on)
            (0, common_1.guard)(file.problems, '`on`', () => readEvents(ctx, file, on), (0, common_1.keyLoc)(ctx, on));
        const env = byKey.get('env');
        if (env)
            file.env = (0, common_1.envMap)(ctx, env.value);
        const perms = byKey.get('permissions');
        if (perms)
            file.permissions = { value: (0, common_1.plain)(ctx, perms.value), loc: (0, common_1.keyLoc)(ctx, perms) };
        const jobs = byKey.get('jobs');
        if (!jobs) {
            file.problems.push({ message: 'The workflow has no `jobs`', line: file.anchor.line, column: file.anchor.column, severity: 'warning' });
            return;
        }
        if (!(0, yaml_1.isMap)(jobs.value)) {
            const l = (0, common_1.keyLoc)(ctx, jobs);
            file.problems.push({ message: '`jobs` should be a mapping of job ids to jobs', line: l.line, column: l.column, severity: 'error' });
            return;
        }
        const workflowDir = defaultWorkingDirectory(ctx, byKey.get('defaults')?.value);
        for (const j of (0, common_1.entries)(ctx, jobs.value)) {
            const at = (0, common_1.keyLoc)(ctx, j);
            (0, common_1.guard)(file.problems, `job '${j.key}'`, () => {
                const job = readJob(ctx, file, j, workflowDir);
                if (job)
                    file.jobs.push(job);
            }, at);
        }
    });
    return file;
}
function readEvents(ctx, file, on) {
    const v = on.value;
    if ((0, yaml_1.isScalar)(v)) {
        const s = (0, common_1.str)(ctx, v);
        if (s)
            file.events.push(s);
    }
    else if ((0, yaml_1.isSeq)(v)) {
        for (const i of (0, common_1.items)(ctx, v)) {
            const s = (0, common_1.str)(ctx, i);
            if (s)
                file.events.push(s);
        }
    }
    else if ((0, yaml_1.isMap)(v)) {
        for (const e of (0, common_1.entries)(ctx, v)) {
            file.events.push(e.key);
            if (e.key === 'schedule') {
                for (const s of (0, common_1.items)(ctx, e.value)) {
                    const cron = (0, common_1.locatedScalar)(ctx, (0, common_1.get)(ctx, s, 'cron'));
                    if (cron)
                        file.schedules.push(cron);
                }
            }
        }
    }
}
/** `runs-on`: a label, a list of labels, or `{ group, labels }`, as one text. */
function runner(ctx, e) {
    const v = e.value;
    if ((0, yaml_1.isScalar)(v))
        return (0, common_1.located)(ctx, v, (0, common_1.keyLoc)(ctx, e));
    if ((0, yaml_1.isSeq)(v))
        return { value: (0, common_1.valueString)(ctx, v, ', '), loc: (0, common_1.nodeLoc)(ctx, v, (0, common_1.keyLoc)(ctx, e)) };
    if ((0, yaml_1.isMap)(v)) {
        const parts = [(0, common_1.get)(ctx, v, 'group'), (0, common_1.get)(ctx, v, 'labels')].filter((x) => x !== undefined).map((x) => (0, common_1.valueString)(ctx, x, ', '));
        return { value: parts.filter((p) => p).join(', '), loc: (0, common_1.nodeLoc)(ctx, v, (0, common_1.keyLoc)(ctx, e)) };
    }
    return undefined;
}
/** `defaults: run: working-directory:` of a workflow or job. */
function defaultWorkingDirectory(ctx, defaults) {
    if (!(0, yaml_1.isMap)(defaults))
        return undefined;
    const run = (0, common_1.get)(ctx, defaults, 'run');
    return (0, yaml_1.isMap)(run) ? (0, common_1.str)(ctx, (0, common_1.get)(ctx, run, 'working-directory')) : undefined;
}
function readJob(ctx, file, j, workflowDir) {
    const at = (0, common_1.keyLoc)(ctx, j);
    if (!(0, yaml_1.isMap)(j.value)) {
        file.problems.push({ message: `Job '${j.key}' should be a mapping`, line: at.line, column: at.column, severity: 'error' });
        return undefined;
    }
    const job = { id: j.key, loc: at, steps: [], services: [], env: {} };
    for (const e of (0, common_1.entries)(ctx, j.value)) {
        switch (e.key) {
            case 'name':
                job.name = (0, common_1.str)(ctx, e.value);
                break;
            case 'runs-on':
                job.runner = runner(ctx, e);
                break;
            case 'container': {
                const img = (0, yaml_1.isMap)(e.value) ? (0, common_1.get)(ctx, e.value, 'image') : e.value;
                job.image = (0, common_1.locatedScalar)(ctx, img);
                break;
            }
            case 'services':
                for (const s of (0, common_1.entries)(ctx, e.value)) {
                    const img = (0, common_1.locatedScalar)(ctx, (0, yaml_1.isMap)(s.value) ? (0, common_1.get)(ctx, s.value, 'image') : s.value);
                    if (img)
                        job.services.push(img);
                }
                break;
            case 'env':
                job.env = (0, common_1.envMap)(ctx, e.value);
                break;
            case 'permissions':
                job.permissions = { value: (0, common_1.plain)(ctx, e.value), loc: (0, common_1.keyLoc)(ctx, e) };
                break;
            case 'continue-on-error':
                if ((0, common_1.isTrue)(ctx, e.value))
                    job.cannotFail = (0, common_1.keyLoc)(ctx, e);
                break;
            case 'uses': {
                const u = (0, common_1.locatedScalar)(ctx, e.value);
                if (u) {
                    job.uses = u;
                    file.references.push(workflowReference(u));
                }
                break;
            }
            case 'with': {
                const inputs = {};
                for (const w of (0, common_1.entries)(ctx, e.value))
                    inputs[w.key] = (0, common_1.located)(ctx, w.value, (0, common_1.keyLoc)(ctx, w));
                job.inputs = inputs;
                break;
            }
            case 'steps':
                if (!(0, yaml_1.isSeq)(e.value)) {
                    const l = (0, common_1.keyLoc)(ctx, e);
                    file.problems.push({ message: `\`steps\` of job '${j.key}' should be a list`, line: l.line, column: l.column, severity: 'error' });
                    break;
                }
                job.steps = readSteps(ctx, file, e.value);
                break;
        }
    }
    // `run` steps without their own working-directory run in the job's, else the workflow's default.
    const jobDir = defaultWorkingDirectory(ctx, (0, common_1.get)(ctx, j.value, 'defaults')) ?? workflowDir;
    if (jobDir !== undefined)
        for (const s of job.steps)
            if (s.script.length)
                s.workingDirectory ??= jobDir;
    return job;
}
function workflowReference(u) {
    if (u.value.startsWith('./'))
        return { kind: 'local-include', ref: u.value, loc: u.loc, localPath: (0, common_1.normalizePath)(u.value.replace(/@.*$/, '')) };
    return { kind: 'reusable-workflow', ref: u.value, loc: u.loc };
}
function readSteps(ctx, file, seq) {
    const steps = [];
    for (const item of (0, common_1.items)(ctx, seq)) {
        const loc = (0, common_1.itemLoc)(ctx, item);
        (0, common_1.guard)(file.problems, 'a step', () => {
            if (!(0, yaml_1.isMap)(item)) {
                file.problems.push({ message: 'A step should be a mapping (`- run: …` or `- uses: …`)', line: loc.line, column: loc.column, severity: 'error' });
                return;
            }
            const step = { loc, script: [], inputs: {}, env: {} };
            let id;
            for (const e of (0, common_1.entries)(ctx, item)) {
                switch (e.key) {
                    case 'name':
                        step.name = (0, common_1.str)(ctx, e.value);
                        break;
                    case 'id':
                        id = (0, common_1.str)(ctx, e.value);
                        break;
                    case 'run':
                        step.script = (0, common_1.scriptLines)(ctx, e.value);
                        break;
                    case 'uses': {
                        const u = (0, common_1.locatedScalar)(ctx, e.value);
                        if (u) {
                            step.uses = u;
                            if (u.value.startsWith('./')) {
                                const dir = (0, common_1.normalizePath)(u.value);
                                file.references.push({ kind: 'local-include', ref: u.value, loc: u.loc, localPath: dir ? `${dir}/action.yml` : 'action.yml' });
                            }
                        }
                        break;
                    }
                    case 'with':
                        for (const w of (0, common_1.entries)(ctx, e.value))
                            step.inputs[w.key] = (0, common_1.located)(ctx, w.value, (0, common_1.keyLoc)(ctx, w));
                        break;
                    case 'env':
                        step.env = (0, common_1.envMap)(ctx, e.value);
                        break;
                    case 'continue-on-error':
                        if ((0, common_1.isTrue)(ctx, e.value))
                            step.cannotFail = (0, common_1.keyLoc)(ctx, e);
                        break;
                    case 'working-directory':
                        step.workingDirectory = (0, common_1.str)(ctx, e.value);
                        break;
                }
            }
            step.name ??= id;
            steps.push(step);
        }, loc);
    }
    return steps;
}
/** action.yml / action.yaml: one job 'action' (composite steps, or the docker image). */
function parseGithubAction(path, text) {
    const file = (0, common_1.emptyCiFile)('github-action', path);
    (0, common_1.guard)(file.problems, 'the action', () => {
        const ctx = mainDocument(file, text);
        if (!ctx)
            return;
        const root = (0, common_1.entries)(ctx, ctx.doc.contents);
        const runs = root.find((e) => e.key === 'runs');
        const name = root.find((e) => e.key === 'name');
        if (!runs) {
            if (root[0])
                file.anchor = (0, common_1.keyLoc)(ctx, root[0]);
            file.problems.push({ message: 'The action has no `runs`', line: file.anchor.line, column: file.anchor.column, severity: 'warning' });
            return;
        }
        file.anchor = (0, common_1.keyLoc)(ctx, runs);
        const job = { id: 'action', loc: (0, common_1.keyLoc)(ctx, runs), steps: [], services: [], env: {} };
        if (name)
            job.name = (0, common_1.str)(ctx, name.value);
        if (!(0, yaml_1.isMap)(runs.value)) {
            file.problems.push({ message: '`runs` should be a mapping', line: job.loc.line, column: job.loc.column, severity: 'error' });
        }
        else {
            const using = (0, common_1.str)(ctx, (0, common_1.get)(ctx, runs.value, 'using'));
            for (const e of (0, common_1.entries)(ctx, runs.value)) {
                if (e.key === 'image' && (using === undefined || using === 'docker'))
                    job.image = (0, common_1.locatedScalar)(ctx, e.value);
                else if (e.key === 'env')
                    job.env = (0, common_1.envMap)(ctx, e.value);
                else if (e.key === 'steps') {
                    if ((0, yaml_1.isSeq)(e.value))
                        job.steps = readSteps(ctx, file, e.value);
                    else {
                        const l = (0, common_1.keyLoc)(ctx, e);
                        file.problems.push({ message: '`runs.steps` should be a list', line: l.line, column: l.column, severity: 'error' });
                    }
                }
            }
        }
        file.jobs.push(job);
    });
    return file;
}
exports.githubWorkflowDialect = (0, dialect_1.defineDialect)({
    kind: 'github-workflow',
    system: 'GitHub Actions',
    fileLabel: 'GitHub Actions workflow',
    matchesPath: (p) => p.dir === '.github/workflows' && p.yaml,
    matchesContent: false,
    testFolders: 'count',
    activationGlobs: ['.github/workflows/*.{yml,yaml}'],
    parse: parseGithubWorkflow,
    uses: { vocabulary: 'action', evidenceLabel: 'uses' },
    // Local reusable workflows and actions are indexed files of their own.
    localIncludes: 'indexed',
    refusesInvalidFile: true,
    ephemeralJob: (job) => {
        if (job.image)
            return true;
        const runner = job.runner?.value.toLowerCase() ?? '';
        if (!runner)
            return job.uses ? undefined : false;
        return !runner.includes('self-hosted');
    },
    // GITHUB_TOKEN is the automatic per-run token, not a secret the team keeps in the store.
    secretReference: /\$\{\{[^}]*\bsecrets\.(?!GITHUB_TOKEN\b)([A-Za-z_][A-Za-z0-9_]*)/,
    pipelineRank: 0,
    fixes: { placements: ['job'] },
});
exports.githubActionDialect = (0, dialect_1.defineDialect)({
    kind: 'github-action',
    system: 'GitHub Actions',
    fileLabel: 'GitHub action (action.yml)',
    matchesPath: (p) => p.name === 'action.yml' || p.name === 'action.yaml',
    matchesContent: false,
    // An action alone does not make a repository's pipeline: workflows start the extension.
    testFolders: 'count',
    activationGlobs: [],
    parse: parseGithubAction,
    uses: { vocabulary: 'action', evidenceLabel: 'uses' },
    localIncludes: 'indexed',
    refusesInvalidFile: true,
    // An action runs on whatever runner the calling workflow chose.
    ephemeralJob: () => undefined,
    pipelineRank: undefined,
    fixes: { noPlacement: 'an action runs inside the workflows that call it: fixes go into a workflow' },
});
//# sourceMappingURL=github.js.map