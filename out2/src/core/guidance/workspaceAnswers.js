"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.actionPins = actionPins;
exports.reusePins = reusePins;
exports.pipelineImageBuild = pipelineImageBuild;
const shell_1 = require("../scan/parse/shell");
const SHA_RE = /^[0-9a-f]{40}$/;
function ciFiles(files) {
    const out = [];
    for (const f of files) {
        const parsed = f.parsed;
        if (!f.outOfScope && parsed && 'jobs' in parsed)
            out.push(parsed);
    }
    return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
/** Action (`owner/repo[/path]`, lower case) → the commit SHA the workspace pins it to most often, and where. */
function actionPins(files) {
    const counts = new Map();
    for (const file of ciFiles(files)) {
        for (const step of file.jobs.flatMap((j) => j.steps)) {
            const ref = step.uses?.value.trim() ?? '';
            const at = ref.lastIndexOf('@');
            if (at <= 0 || ref.startsWith('./') || ref.startsWith('docker://'))
                continue;
            const sha = ref.slice(at + 1);
            if (!SHA_RE.test(sha))
                continue;
            const name = ref.slice(0, at).toLowerCase();
            const bySha = counts.get(name) ?? counts.set(name, new Map()).get(name);
            const c = bySha.get(sha) ?? bySha.set(sha, { n: 0, path: file.path }).get(sha);
            c.n++;
        }
    }
    const out = new Map();
    for (const [name, bySha] of counts) {
        const [sha, c] = [...bySha].sort((x, y) => y[1].n - x[1].n || (x[0] < y[0] ? -1 : 1))[0];
        out.set(name, { sha, path: c.path });
    }
    return out;
}
const USES_LINE_RE = /^(\s*(?:-\s+)?uses:\s*)([A-Za-z0-9_.-]+\/[A-Za-z0-9_./-]+)@([A-Za-z0-9_.-]+)(\s*#.*)?$/;
/**
 * A snippet whose `uses: owner/action@tag # pin: …` lines take the SHA the workspace already pins
 * that action to (the comment then says where it comes from). Other lines stay as written.
 */
function reusePins(snippet, pins) {
    if (!pins.size)
        return snippet;
    return snippet
        .split('\n')
        .map((line) => {
        const m = USES_LINE_RE.exec(line);
        const pin = m && pins.get(m[2].toLowerCase());
        if (!m || !pin || SHA_RE.test(m[3]))
            return line;
        return `${m[1]}${m[2]}@${pin.sha} # ${m[3]}: the pin ${pin.path} uses`;
    })
        .join('\n');
}
/** A path or context as written in a pipeline, when it holds no variable we cannot resolve. */
function literal(v) {
    const s = v?.trim().replace(/^\.\/(?=.)/, '').replace(/\/$/, '');
    return s && !/[$%{}]/.test(s) ? s : undefined;
}
function buildOf(step) {
    const action = step.uses?.value.trim().toLowerCase().replace(/@.*$/, '');
    if (action === 'docker/build-push-action') {
        const context = step.inputs.context ? literal(step.inputs.context.value) : '.';
        if (!context)
            return undefined;
        const file = step.inputs.file ? literal(step.inputs.file.value) : undefined;
        if (step.inputs.file && !file)
            return undefined;
        return { context, ...(file ? { dockerfile: file } : {}) };
    }
    for (const line of step.script) {
        for (const inv of (0, shell_1.invocations)(line)) {
            if (inv.kind !== 'run' || !['docker', 'podman', 'buildah'].includes(inv.program))
                continue;
            const args = inv.args;
            const sub = args[0] === 'buildx' || args[0] === 'image' ? args[1] : args[0];
            if (sub !== 'build' && sub !== 'bud')
                continue;
            let file;
            const positional = [];
            const rest = args.slice(args[0] === 'buildx' || args[0] === 'image' ? 2 : 1);
            for (let i = 0; i < rest.length; i++) {
                const a = rest[i];
                if (a === '-f' || a === '--file')
                    file = rest[++i];
                else if (a.startsWith('--file='))
                    file = a.slice(7);
                else if (/^-(t|-tag|-build-arg|-target|-platform|-label|-secret|-cache-from|-cache-to|-output|o|-progress|-network|-ssh)$/.test(a))
                    i++;
                else if (!a.startsWith('-'))
                    positional.push(a);
            }
            const context = literal(positional[positional.length - 1]);
            if (!context || (file !== undefined && !literal(file)))
                continue;
            return { context, ...(file ? { dockerfile: literal(file) } : {}) };
        }
    }
    return undefined;
}
/**
 * The Dockerfile and context the pipelines already build an image from (the first build found,
 * files in path order), when it names an in-scope Dockerfile of the workspace.
 */
function pipelineImageBuild(files) {
    const dockerfiles = new Set(files.filter((f) => f.kind === 'dockerfile' && !f.outOfScope).map((f) => f.path));
    for (const file of ciFiles(files)) {
        for (const step of file.jobs.flatMap((j) => j.steps)) {
            const b = buildOf(step);
            if (!b)
                continue;
            const context = b.context === '.' ? '' : b.context;
            const dockerfile = b.dockerfile ?? (context ? `${context}/Dockerfile` : 'Dockerfile');
            if (dockerfiles.has(dockerfile))
                return { dockerfile, context: context || '.' };
        }
    }
    return undefined;
}
//# sourceMappingURL=workspaceAnswers.js.map