"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.tektonDialect = void 0;
exports.parseTekton = parseTekton;
// Tekton (Task, Pipeline, PipelineRun, TaskRun resources; Pipelines-as-Code keeps them in
// .tekton/): every Task body (a Task, or a `taskSpec` written inline in a Pipeline or a run) is a
// job, its `steps` containers that run a `script` or a `command` with `args`. Tasks and
// StepActions referenced by name are resources of their own (read where they are defined);
// those fetched through a resolver (hub, git, bundles, http, cluster) or by Pipelines-as-Code
// annotations are references the scan cannot read.
const yaml_1 = require("../../yaml");
const common_1 = require("./common");
const dialect_1 = require("./dialect");
/** The Tekton resources that define or run pipeline work. */
const TEKTON_KINDS = new Set(['Task', 'ClusterTask', 'Pipeline', 'PipelineRun', 'TaskRun', 'StepAction']);
const TEKTON_CONTENT_API = /^["']?apiVersion["']?:[ \t]*["']?tekton\.dev\/v[0-9a-z]+["']?[ \t]*(#.*)?$/m;
const TEKTON_CONTENT_KIND = /^["']?kind["']?:[ \t]*["']?(Task|ClusterTask|Pipeline|PipelineRun|TaskRun|StepAction)["']?[ \t]*(#.*)?$/m;
/** `{name, value}` list items (Tekton env, params) as located variables. */
function namedValues(ctx, node) {
    const out = {};
    for (const item of (0, common_1.items)(ctx, node)) {
        const name = (0, common_1.str)(ctx, (0, common_1.get)(ctx, item, 'name'));
        const value = (0, common_1.locatedScalar)(ctx, (0, common_1.get)(ctx, item, 'value'));
        if (name && value)
            out[name] = value;
    }
    return out;
}
/** A `resolver:` reference (hub, git, bundles, http, cluster): fetched at run time. */
function resolverRef(ctx, ref) {
    const resolver = (0, common_1.str)(ctx, (0, common_1.get)(ctx, ref, 'resolver'));
    const bundle = (0, common_1.str)(ctx, (0, common_1.get)(ctx, ref, 'bundle'));
    if (bundle)
        return `bundle ${bundle}`;
    if (!resolver)
        return undefined;
    const params = namedValues(ctx, (0, common_1.get)(ctx, ref, 'params'));
    const what = params.url?.value ?? params.name?.value ?? params.pathInRepo?.value ?? '';
    return `${resolver}${what ? ` ${what}` : ''}`;
}
class TektonParser {
    ctx;
    file;
    constructor(ctx, file) {
        this.ctx = ctx;
        this.file = file;
    }
    ref(node, at) {
        const ref = resolverRef(this.ctx, node);
        if (ref)
            (0, common_1.addReference)(this.file, { kind: 'remote', ref, loc: at });
    }
    step(node, index) {
        const { ctx } = this;
        if (!(0, yaml_1.isMap)((0, yaml_1.deref)(ctx.doc, node)))
            return undefined;
        const loc = (0, common_1.itemLoc)(ctx, node);
        const image = (0, common_1.locatedScalar)(ctx, (0, common_1.get)(ctx, node, 'image'));
        const name = (0, common_1.str)(ctx, (0, common_1.get)(ctx, node, 'name'));
        const s = { name: name ?? image?.value ?? `steps[${index}]`, loc, script: [], inputs: {}, env: namedValues(ctx, (0, common_1.get)(ctx, node, 'env')) };
        const onError = (0, common_1.entry)(ctx, node, 'onError');
        if (onError && (0, common_1.str)(ctx, onError.value) === 'continue')
            s.cannotFail = (0, common_1.keyLoc)(ctx, onError);
        const stepRef = (0, common_1.entry)(ctx, node, 'ref');
        if (stepRef)
            this.ref(stepRef.value, (0, common_1.keyLoc)(ctx, stepRef));
        const script = (0, common_1.get)(ctx, node, 'script');
        const command = (0, common_1.entry)(ctx, node, 'command');
        const argsEntry = (0, common_1.entry)(ctx, node, 'args');
        const args = argsEntry ? (0, common_1.stringItems)(ctx, argsEntry.value) : [];
        if (script !== undefined && (0, yaml_1.isScalar)((0, yaml_1.deref)(ctx.doc, script)))
            s.script.push(...(0, common_1.scriptLines)(ctx, script));
        else if (command) {
            const words = [...(0, common_1.stringItems)(ctx, command.value), ...args];
            if (words.length && /^(\/bin\/|\/usr\/bin\/)?(ba)?sh$/.test(words[0]) && words.findIndex((w) => /^-[a-z]*c[a-z]*$/.test(w)) >= 0) {
                // `sh -c <script>`: the script is the word after -c, wherever it was written.
                const c = words.findIndex((w) => /^-[a-z]*c[a-z]*$/.test(w));
                const scriptNode = [...(0, common_1.items)(ctx, command.value), ...(0, common_1.items)(ctx, argsEntry?.value)][c + 1];
                if (scriptNode !== undefined)
                    s.script.push(...(0, common_1.scriptLines)(ctx, scriptNode));
            }
            else if (words.length)
                s.script.push((0, common_1.commandLine)(words[0], words.slice(1), (0, common_1.keyLoc)(ctx, command)));
        }
        else if (image) {
            s.uses = image;
            if (argsEntry)
                s.inputs.args = { value: args.map(common_1.shellQuote).join(' '), loc: (0, common_1.keyLoc)(ctx, argsEntry) };
        }
        return s;
    }
    /** A Task body: its steps as one job. */
    taskSpec(spec, id, loc, stage) {
        const { ctx } = this;
        const job = { id, loc, steps: [], services: [], env: {} };
        if (stage)
            job.stage = stage;
        for (const sidecar of (0, common_1.items)(ctx, (0, common_1.get)(ctx, spec, 'sidecars'))) {
            const image = (0, common_1.locatedScalar)(ctx, (0, common_1.get)(ctx, sidecar, 'image'));
            if (image)
                job.services.push(image);
        }
        (0, common_1.items)(ctx, (0, common_1.get)(ctx, spec, 'steps')).forEach((node, i) => {
            if (!(0, common_1.spend)(ctx))
                return;
            const s = this.step(node, i);
            if (s)
                job.steps.push(s);
        });
        this.file.jobs.push(job);
    }
    /** A Pipeline body: each task is a job when written inline, a reference when fetched. */
    pipelineSpec(spec, pipeline) {
        const { ctx } = this;
        for (const key of ['tasks', 'finally']) {
            for (const task of (0, common_1.items)(ctx, (0, common_1.get)(ctx, spec, key))) {
                const name = (0, common_1.str)(ctx, (0, common_1.get)(ctx, task, 'name')) ?? key;
                const loc = (0, common_1.itemLoc)(ctx, task);
                const inline = (0, common_1.get)(ctx, task, 'taskSpec');
                const taskRef = (0, common_1.entry)(ctx, task, 'taskRef');
                if (inline !== undefined)
                    this.taskSpec(inline, name, loc, pipeline);
                else if (taskRef) {
                    const job = { id: name, loc, stage: pipeline, steps: [], services: [], env: {} };
                    const refName = (0, common_1.locatedScalar)(ctx, (0, common_1.get)(ctx, taskRef.value, 'name'));
                    job.uses = refName ?? { value: resolverRef(ctx, taskRef.value) ?? 'taskRef', loc: (0, common_1.keyLoc)(ctx, taskRef) };
                    this.ref(taskRef.value, (0, common_1.keyLoc)(ctx, taskRef));
                    this.file.jobs.push(job);
                }
            }
        }
    }
    resource(root, kind) {
        const { ctx, file } = this;
        const metadata = (0, common_1.get)(ctx, root, 'metadata');
        const name = (0, common_1.str)(ctx, (0, common_1.get)(ctx, metadata, 'name')) ?? (0, common_1.str)(ctx, (0, common_1.get)(ctx, metadata, 'generateName')) ?? kind;
        const kindEntry = (0, common_1.entry)(ctx, root, 'kind');
        const at = (0, common_1.keyLoc)(ctx, kindEntry);
        const spec = (0, common_1.get)(ctx, root, 'spec');
        // Pipelines-as-Code: the events that start the run, and the tasks it fetches for it.
        for (const a of (0, common_1.entries)(ctx, (0, common_1.get)(ctx, metadata, 'annotations'))) {
            const value = (0, common_1.str)(ctx, a.value) ?? '';
            const list = value.replace(/^\[|\]$/g, '').split(',').map((x) => x.trim()).filter(Boolean);
            if (a.key === 'pipelinesascode.tekton.dev/on-event')
                for (const ev of list)
                    if (!file.events.includes(ev))
                        file.events.push(ev);
            if (/^pipelinesascode\.tekton\.dev\/(task|pipeline)(-\d+)?$/.test(a.key)) {
                for (const ref of list)
                    if (!ref.startsWith('.') && !/^[\w./-]+\.ya?ml$/.test(ref))
                        (0, common_1.addReference)(file, { kind: 'remote', ref, loc: (0, common_1.nodeLoc)(ctx, a.value) });
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
                const inline = (0, common_1.get)(ctx, spec, 'taskSpec');
                if (inline !== undefined)
                    this.taskSpec(inline, name, at);
                const taskRef = (0, common_1.entry)(ctx, spec, 'taskRef');
                if (taskRef)
                    this.ref(taskRef.value, (0, common_1.keyLoc)(ctx, taskRef));
                break;
            }
            case 'Pipeline':
                this.pipelineSpec(spec, name);
                break;
            case 'PipelineRun': {
                const inline = (0, common_1.get)(ctx, spec, 'pipelineSpec');
                if (inline !== undefined)
                    this.pipelineSpec(inline, name);
                const pipelineRef = (0, common_1.entry)(ctx, spec, 'pipelineRef');
                if (pipelineRef)
                    this.ref(pipelineRef.value, (0, common_1.keyLoc)(ctx, pipelineRef));
                break;
            }
        }
    }
}
function parseTekton(path, text) {
    const file = (0, common_1.emptyCiFile)('tekton', path);
    (0, common_1.guard)(file.problems, 'the Tekton resources', () => {
        let anchored = false;
        for (const ctx of (0, common_1.openYaml)(file, text)) {
            const root = ctx.doc.contents;
            if (!(0, yaml_1.isMap)(root))
                continue;
            const kindEntry = (0, common_1.entry)(ctx, root, 'kind');
            const kind = kindEntry ? (0, common_1.str)(ctx, kindEntry.value) : undefined;
            const api = (0, common_1.str)(ctx, (0, common_1.get)(ctx, root, 'apiVersion')) ?? '';
            if (!kindEntry || !kind || !TEKTON_KINDS.has(kind) || !api.startsWith('tekton.dev/'))
                continue;
            if (!anchored)
                file.anchor = (0, common_1.keyLoc)(ctx, kindEntry);
            anchored = true;
            new TektonParser(ctx, file).resource(root, kind);
        }
    });
    return file;
}
exports.tektonDialect = (0, dialect_1.defineDialect)({
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
        noPlacement: 'a Tekton step only runs inside a Task that a Pipeline references by name and the cluster has installed; a snippet in one file cannot wire that up, so the hover names the gap and the tool instead',
    },
});
//# sourceMappingURL=tekton.js.map