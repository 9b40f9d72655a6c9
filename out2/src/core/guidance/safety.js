"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.fixHarm = fixHarm;
const shell_1 = require("../scan/parse/shell");
function actionName(uses) {
    const ref = uses.trim().toLowerCase();
    const at = ref.lastIndexOf('@');
    return at > 0 ? ref.slice(0, at) : ref;
}
/** `pattern` is a program and words of its arguments, in order (`git push`, `mike --push`). */
function runsPattern(step, pattern) {
    const [program, ...words] = pattern.split(/\s+/);
    for (const line of step.script) {
        for (const inv of (0, shell_1.invocations)(line)) {
            if (inv.kind !== 'run' || inv.program !== program)
                continue;
            let i = 0;
            for (const arg of inv.args)
                if (i < words.length && arg.toLowerCase() === words[i])
                    i++;
            if (i === words.length)
                return true;
        }
    }
    return false;
}
const WORKFLOW_TOKEN_RE = /\b(?:secrets\.GITHUB_TOKEN|github\.token)\b/i;
/** A `uses` entry that counts only when the step hands the action the workflow's token. */
const TOKEN_SUFFIX = ' (token)';
/** What in `step` the template's `unless` names, in words; undefined when nothing. */
function harmfulStep(step, unless) {
    const action = step.uses ? actionName(step.uses.value) : undefined;
    if (action) {
        const withToken = Object.values(step.inputs).some((v) => WORKFLOW_TOKEN_RE.test(v.value));
        const hit = (unless.uses ?? []).find((entry) => {
            const byToken = entry.endsWith(TOKEN_SUFFIX);
            const u = byToken ? entry.slice(0, -TOKEN_SUFFIX.length) : entry;
            return (action === u || action.startsWith(`${u}/`)) && (!byToken || withToken);
        });
        if (hit)
            return `uses ${hit.replace(TOKEN_SUFFIX, ' with the workflow token')}`;
    }
    const run = (unless.runs ?? []).find((p) => runsPattern(step, p));
    return run ? `runs \`${run}\`` : undefined;
}
/** The job whose text holds line `line` (jobs in file order; a job runs to the next one). */
function jobAt(file, line) {
    const jobs = file.jobs.filter((j) => j.loc.path === file.path).sort((a, b) => a.loc.line - b.loc.line);
    let found;
    for (const j of jobs)
        if (j.loc.line <= line)
            found = j;
    return found;
}
function isCheckout(step) {
    return !!step.uses && actionName(step.uses.value) === 'actions/checkout';
}
function checkoutHarm(file, at, unless) {
    const jobs = at ? [jobAt(file, at.line)].filter((j) => !!j) : file.jobs;
    for (const job of jobs) {
        const checkouts = job.steps.map((s, i) => (isCheckout(s) && (!at || s.uses.loc.line === at.line || s.loc.line === at.line) ? i : -1)).filter((i) => i >= 0);
        for (const i of checkouts) {
            for (const later of job.steps.slice(i + 1)) {
                const what = harmfulStep(later, unless);
                if (what)
                    return `a later step of job "${job.id}" ${what} with the checkout's credentials`;
            }
        }
    }
    return undefined;
}
/** True when a `permissions:` value asks for any write scope (`write-all`, `contents: write`, …). */
function asksWrite(value) {
    if (typeof value === 'string')
        return /write/i.test(value);
    if (value && typeof value === 'object')
        return Object.values(value).some((v) => typeof v === 'string' && /write/i.test(v));
    return false;
}
/** What in the jobs that inherit a workflow's permissions needs more than read access. */
function jobsNeedWrite(file, unless, parsedOf, depth) {
    for (const job of file.jobs) {
        if (job.permissions)
            continue; // its own permissions: the workflow's do not reach it
        if (job.uses) {
            // A reusable workflow gets at most the caller's permissions: read a local one, assume the worst of others.
            const ref = job.uses.value.trim();
            const called = ref.startsWith('./') && depth < 2 ? parsedOf?.(ref.slice(2).replace(/@.*$/, '')) : undefined;
            if (!called || !('jobs' in called))
                return `job "${job.id}" calls ${ref}, which may need more than read access`;
            if (called.permissions) {
                if (asksWrite(called.permissions.value))
                    return `job "${job.id}" calls ${ref}, which asks for write permissions`;
                continue;
            }
            const jobWrites = called.jobs.find((j) => j.permissions && asksWrite(j.permissions.value));
            if (jobWrites)
                return `job "${job.id}" calls ${ref}, whose job "${jobWrites.id}" asks for write permissions`;
            const inner = jobsNeedWrite(called, unless, parsedOf, depth + 1);
            if (inner)
                return `job "${job.id}" calls ${ref}, where ${inner}`;
            continue;
        }
        for (const step of job.steps) {
            const what = harmfulStep(step, unless);
            if (what)
                return `job "${job.id}" ${what}`;
        }
    }
    return undefined;
}
function permissionsHarm(file, unless, parsedOf) {
    const what = jobsNeedWrite(file, unless, parsedOf, 0);
    return what ? `${what}, which needs more than read access of the workflow's token` : undefined;
}
function finalImageHarm(file, unless) {
    let stage = file.stages[file.stages.length - 1];
    const seen = new Set();
    while (stage && stage.parent !== undefined && !seen.has(stage.index)) {
        seen.add(stage.index);
        stage = file.stages[stage.parent];
    }
    if (!stage || stage.image.unresolved)
        return undefined;
    const name = stage.image.name.toLowerCase().replace(/^(?:docker\.io\/)?(?:library\/)?/, '');
    const hit = (unless.images ?? []).find((i) => name === i);
    return hit ? `the final stage is built on ${hit}, whose image starts as root (it switches users itself or needs root files)` : undefined;
}
/**
 * Why `t` must not be offered on `parsed` at `at` (the diagnostic's place), or undefined when the
 * file shows no harm. Only templates with `unless:` data and an edit operation are checked.
 */
function fixHarm(t, dt, parsed, at, parsedOf) {
    if (!t.unless || !dt?.edit || !parsed)
        return undefined;
    switch (dt.edit) {
        case 'checkout-persist-credentials':
            return 'jobs' in parsed ? checkoutHarm(parsed, at, t.unless) : undefined;
        case 'workflow-permissions':
            return 'jobs' in parsed ? permissionsHarm(parsed, t.unless, parsedOf) : undefined;
        case 'final-stage-user':
            return parsed.kind === 'dockerfile' ? finalImageHarm(parsed, t.unless) : undefined;
        default:
            return undefined;
    }
}
//# sourceMappingURL=safety.js.map