"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.cloudBuildDialect = void 0;
exports.cloudBuilderProgram = cloudBuilderProgram;
exports.parseCloudBuild = parseCloudBuild;
// Google Cloud Build (cloudbuild.yaml): one build, a list of steps, each a container. A step runs
// a `script`, a shell given as `entrypoint` with `-c`, another entrypoint with its `args`, or the
// image's own entrypoint with `args`. Cloud Build's own builder images
// (gcr.io/cloud-builders/<tool>) run <tool>, so their steps read as that command line; any other
// image is matched by image and arguments. Triggers live in the Google Cloud project, not here.
const yaml_1 = require("../../yaml");
const common_1 = require("./common");
const dialect_1 = require("./dialect");
/** `gcr.io/cloud-builders/docker[:tag]` (also regional Artifact Registry copies) → `docker`. */
function cloudBuilderProgram(image) {
    const m = /^(?:[a-z0-9.-]+\.)?(?:gcr\.io|pkg\.dev)\/(?:[^/]+\/)?cloud-builders\/([a-z0-9._-]+)(?:[:@].*)?$/i.exec(image.trim());
    return m ? m[1].toLowerCase() : undefined;
}
/** `KEY=value` list items (step and `options.env`) as located variables. */
function envList(ctx, node) {
    const out = {};
    for (const item of (0, common_1.items)(ctx, node)) {
        const v = (0, common_1.str)(ctx, item);
        if (!v)
            continue;
        const eq = v.indexOf('=');
        if (eq > 0)
            out[v.slice(0, eq)] = { value: v.slice(eq + 1), loc: (0, common_1.nodeLoc)(ctx, item) };
    }
    return out;
}
function step(ctx, node, index) {
    if (!(0, yaml_1.isMap)((0, yaml_1.deref)(ctx.doc, node)))
        return undefined;
    const loc = (0, common_1.itemLoc)(ctx, node);
    const image = (0, common_1.locatedScalar)(ctx, (0, common_1.get)(ctx, node, 'name'));
    const id = (0, common_1.str)(ctx, (0, common_1.get)(ctx, node, 'id'));
    const s = { name: id ?? image?.value ?? `steps[${index}]`, loc, script: [], inputs: {}, env: envList(ctx, (0, common_1.get)(ctx, node, 'env')) };
    const allowFailure = (0, common_1.entry)(ctx, node, 'allowFailure') ?? (0, common_1.entry)(ctx, node, 'allow_failure');
    const exitCodes = (0, common_1.entry)(ctx, node, 'allowExitCodes') ?? (0, common_1.entry)(ctx, node, 'allow_exit_codes');
    if (allowFailure && (0, common_1.isTrue)(ctx, allowFailure.value))
        s.cannotFail = (0, common_1.keyLoc)(ctx, allowFailure);
    else if (exitCodes && (0, common_1.stringItems)(ctx, exitCodes.value).some((c) => c.trim() !== '0'))
        s.cannotFail = (0, common_1.keyLoc)(ctx, exitCodes);
    const script = (0, common_1.get)(ctx, node, 'script');
    const argsEntry = (0, common_1.entry)(ctx, node, 'args');
    const args = argsEntry ? (0, common_1.stringItems)(ctx, argsEntry.value) : [];
    const argsAt = argsEntry ? ((0, yaml_1.isSeq)(argsEntry.value) && argsEntry.value.items.length ? (0, common_1.nodeLoc)(ctx, argsEntry.value.items[0]) : (0, common_1.keyLoc)(ctx, argsEntry)) : loc;
    const entrypoint = (0, common_1.str)(ctx, (0, common_1.get)(ctx, node, 'entrypoint'));
    if (script !== undefined && (0, yaml_1.isScalar)((0, yaml_1.deref)(ctx.doc, script))) {
        s.script.push(...(0, common_1.scriptLines)(ctx, script));
    }
    else if (entrypoint && (0, common_1.isShellProgram)(entrypoint) && argsEntry && (0, common_1.shellScriptArg)(ctx, argsEntry.value) !== undefined) {
        s.script.push(...(0, common_1.scriptLines)(ctx, (0, common_1.shellScriptArg)(ctx, argsEntry.value)));
    }
    else if (entrypoint) {
        s.script.push((0, common_1.commandLine)(entrypoint, args, argsAt));
    }
    else if (image && cloudBuilderProgram(image.value)) {
        s.script.push((0, common_1.commandLine)(cloudBuilderProgram(image.value), args, argsAt));
    }
    else if (image) {
        // Another image with its own entrypoint: the catalogue knows tools by image and arguments.
        s.uses = image;
        if (argsEntry)
            s.inputs.args = { value: args.map(common_1.shellQuote).join(' '), loc: (0, common_1.keyLoc)(ctx, argsEntry) };
    }
    return s;
}
function parseCloudBuild(path, text) {
    const file = (0, common_1.emptyCiFile)('cloudbuild', path);
    (0, common_1.guard)(file.problems, 'the build', () => {
        const ctx = (0, common_1.openYaml)(file, text).find((d) => (0, yaml_1.isMap)(d.doc.contents));
        if (!ctx)
            return;
        const root = ctx.doc.contents;
        for (const e of (0, common_1.entries)(ctx, (0, common_1.get)(ctx, root, 'substitutions'))) {
            const v = (0, common_1.locatedScalar)(ctx, e.value);
            if (v)
                file.env[e.key] = v;
        }
        Object.assign(file.env, envList(ctx, (0, common_1.get)(ctx, (0, common_1.get)(ctx, root, 'options'), 'env')));
        const steps = (0, common_1.entry)(ctx, root, 'steps');
        if (!steps) {
            const first = (0, common_1.entries)(ctx, root)[0];
            if (first)
                file.anchor = (0, common_1.keyLoc)(ctx, first);
            file.problems.push({ message: 'The build has no `steps`', line: file.anchor.line, column: file.anchor.column, severity: 'error' });
            return;
        }
        file.anchor = (0, common_1.keyLoc)(ctx, steps);
        if (!(0, yaml_1.isSeq)(steps.value)) {
            file.problems.push({ message: '`steps` should be a list', line: file.anchor.line, column: file.anchor.column, severity: 'error' });
            return;
        }
        // One build: its steps run one after another (or as `waitFor` says) on one machine.
        const job = { id: 'build', loc: file.anchor, steps: [], services: [], env: {} };
        (0, common_1.items)(ctx, steps.value).forEach((node, i) => {
            if (!(0, common_1.spend)(ctx))
                return;
            const s = step(ctx, node, i);
            if (s)
                job.steps.push(s);
            else
                file.problems.push({ message: 'A step should be a mapping with `name`', line: (0, common_1.nodeLoc)(ctx, node).line, column: (0, common_1.nodeLoc)(ctx, node).column, severity: 'error' });
        });
        file.jobs.push(job);
    });
    return file;
}
exports.cloudBuildDialect = (0, dialect_1.defineDialect)({
    kind: 'cloudbuild',
    system: 'Google Cloud Build',
    fileLabel: 'Cloud Build config',
    // Any folder: monorepos keep one build config per service and name it on the trigger.
    matchesPath: (p) => p.lname === 'cloudbuild.yaml' || p.lname === 'cloudbuild.yml' || /^cloudbuild[._-].+\.ya?ml$/.test(p.lname),
    matchesContent: false,
    testFolders: 'skip',
    activationGlobs: ['**/{cloudbuild,cloudbuild.*,cloudbuild-*,cloudbuild_*}.{yml,yaml}'],
    parse: parseCloudBuild,
    uses: { vocabulary: 'image', evidenceLabel: 'name' },
    localIncludes: 'fragment',
    refusesInvalidFile: true,
    // Each build runs on a fresh worker (default or private pool).
    ephemeralJob: () => true,
    pipelineRank: 6,
    fixes: { placements: ['item'] },
});
//# sourceMappingURL=cloudbuild.js.map