"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.woodpeckerDialect = exports.droneDialect = void 0;
exports.parseDronePipeline = parseDronePipeline;
exports.parseWoodpeckerWorkflow = parseWoodpeckerWorkflow;
// Drone (.drone.yml) and Woodpecker (.woodpecker.yml, .woodpecker/*.yml), which grew out of
// Drone and keep its step shape: every step is a container that runs `commands`, or, without
// commands, a plugin image configured by `settings`. A Drone file holds one pipeline per YAML
// document (`kind: pipeline`); a Woodpecker file is one workflow with `steps` as a list or a
// mapping (older files: `pipeline:`). `failure: ignore` lets a step fail without failing the run.
const yaml_1 = require("../../yaml");
const common_1 = require("./common");
const dialect_1 = require("./dialect");
/** Events a `when`/`trigger` condition names (`event: push`, `event: [push, tag]`, `event: {include: [...]}`). */
function eventsOf(ctx, node, out) {
    const conditions = (0, yaml_1.isSeq)((0, yaml_1.deref)(ctx.doc, node)) ? (0, common_1.items)(ctx, node) : [node];
    for (const c of conditions) {
        const ev = (0, common_1.get)(ctx, c, 'event');
        const names = (0, yaml_1.isMap)((0, yaml_1.deref)(ctx.doc, ev)) ? (0, common_1.stringItems)(ctx, (0, common_1.get)(ctx, ev, 'include')) : (0, common_1.stringItems)(ctx, ev);
        for (const n of names)
            if (n && !out.includes(n))
                out.push(n);
    }
}
function step(ctx, node, name, at) {
    if (!(0, yaml_1.isMap)((0, yaml_1.deref)(ctx.doc, node)))
        return undefined;
    const image = (0, common_1.locatedScalar)(ctx, (0, common_1.get)(ctx, node, 'image'));
    const s = { name: name ?? image?.value, loc: at, script: [], inputs: {}, env: (0, common_1.envMap)(ctx, (0, common_1.get)(ctx, node, 'environment')) };
    const failure = (0, common_1.entry)(ctx, node, 'failure');
    if (failure && (0, common_1.str)(ctx, failure.value) === 'ignore')
        s.cannotFail = (0, common_1.keyLoc)(ctx, failure);
    const commands = (0, common_1.entry)(ctx, node, 'commands');
    if (commands)
        s.script.push(...(0, common_1.scriptLines)(ctx, commands.value));
    else if (image) {
        // A plugin: the image's entrypoint does the work, configured by `settings`.
        s.uses = image;
        for (const e of (0, common_1.entries)(ctx, (0, common_1.get)(ctx, node, 'settings')))
            s.inputs[e.key] = { value: (0, common_1.valueString)(ctx, e.value), loc: (0, common_1.keyLoc)(ctx, e) };
    }
    return s;
}
/** `steps:` as a list of mappings (`- name: x`) or a mapping of name → step. */
function stepsOf(ctx, file, stepsEntry, job) {
    const value = stepsEntry.value;
    const add = (node, name, at) => {
        if (!(0, common_1.spend)(ctx))
            return;
        const s = step(ctx, node, name, at);
        if (s)
            job.steps.push(s);
        else
            file.problems.push({ message: 'A step should be a mapping with an `image`', line: at.line, column: at.column, severity: 'error' });
    };
    if ((0, yaml_1.isSeq)(value))
        for (const node of (0, common_1.items)(ctx, value))
            add(node, (0, common_1.str)(ctx, (0, common_1.get)(ctx, node, 'name')), (0, common_1.itemLoc)(ctx, node));
    else if ((0, yaml_1.isMap)(value))
        for (const e of (0, common_1.entries)(ctx, value))
            add(e.value, e.key, (0, common_1.keyLoc)(ctx, e));
    else {
        const at = (0, common_1.keyLoc)(ctx, stepsEntry);
        file.problems.push({ message: '`steps` should be a list or a mapping', line: at.line, column: at.column, severity: 'error' });
    }
}
function services(ctx, node, job) {
    const list = (0, yaml_1.isSeq)((0, yaml_1.deref)(ctx.doc, node)) ? (0, common_1.items)(ctx, node) : (0, common_1.entries)(ctx, node).map((e) => e.value);
    for (const s of list) {
        const image = (0, common_1.locatedScalar)(ctx, (0, common_1.get)(ctx, s, 'image'));
        if (image)
            job.services.push(image);
    }
}
function parseDronePipeline(path, text) {
    const file = (0, common_1.emptyCiFile)('drone', path);
    (0, common_1.guard)(file.problems, 'the pipelines', () => {
        let anchored = false;
        for (const ctx of (0, common_1.openYaml)(file, text)) {
            const root = ctx.doc.contents;
            if (!(0, yaml_1.isMap)(root))
                continue;
            const kind = (0, common_1.str)(ctx, (0, common_1.get)(ctx, root, 'kind')) ?? 'pipeline';
            if (kind !== 'pipeline')
                continue; // secrets, signatures, templates
            const stepsEntry = (0, common_1.entry)(ctx, root, 'steps');
            const name = (0, common_1.str)(ctx, (0, common_1.get)(ctx, root, 'name')) ?? 'default';
            const job = { id: name, loc: (0, common_1.keyLoc)(ctx, (0, common_1.entry)(ctx, root, 'name') ?? (0, common_1.entries)(ctx, root)[0]), steps: [], services: [], env: (0, common_1.envMap)(ctx, (0, common_1.get)(ctx, root, 'environment')) };
            const type = (0, common_1.locatedScalar)(ctx, (0, common_1.get)(ctx, root, 'type'));
            if (type)
                job.runner = type;
            eventsOf(ctx, (0, common_1.get)(ctx, root, 'trigger'), file.events);
            services(ctx, (0, common_1.get)(ctx, root, 'services'), job);
            if (stepsEntry) {
                if (!anchored)
                    file.anchor = (0, common_1.keyLoc)(ctx, stepsEntry);
                anchored = true;
                stepsOf(ctx, file, stepsEntry, job);
            }
            else {
                file.problems.push({ message: `Pipeline '${name}' has no \`steps\``, line: job.loc.line, column: job.loc.column, severity: 'error' });
            }
            file.jobs.push(job);
        }
    });
    return file;
}
function parseWoodpeckerWorkflow(path, text) {
    const file = (0, common_1.emptyCiFile)('woodpecker', path);
    (0, common_1.guard)(file.problems, 'the workflow', () => {
        const ctx = (0, common_1.openYaml)(file, text).find((d) => (0, yaml_1.isMap)(d.doc.contents));
        if (!ctx)
            return;
        const root = ctx.doc.contents;
        const stepsEntry = (0, common_1.entry)(ctx, root, 'steps') ?? (0, common_1.entry)(ctx, root, 'pipeline');
        const base = path.slice(path.lastIndexOf('/') + 1).replace(/\.ya?ml$/i, '').replace(/^\./, '');
        const job = { id: base, loc: file.anchor, steps: [], services: [], env: {} };
        eventsOf(ctx, (0, common_1.get)(ctx, root, 'when'), file.events);
        services(ctx, (0, common_1.get)(ctx, root, 'services'), job);
        if (!stepsEntry) {
            const first = (0, common_1.entries)(ctx, root)[0];
            if (first)
                file.anchor = (0, common_1.keyLoc)(ctx, first);
            file.problems.push({ message: 'The workflow has no `steps`', line: file.anchor.line, column: file.anchor.column, severity: 'error' });
            return;
        }
        file.anchor = (0, common_1.keyLoc)(ctx, stepsEntry);
        job.loc = file.anchor;
        stepsOf(ctx, file, stepsEntry, job);
        file.jobs.push(job);
    });
    return file;
}
/** Drone runners that start each pipeline in fresh containers or machines; `exec`/`ssh` reuse a host. */
const FRESH_DRONE_RUNNERS = new Set(['docker', 'kubernetes', 'digitalocean', 'aws', 'vm']);
exports.droneDialect = (0, dialect_1.defineDialect)({
    kind: 'drone',
    system: 'Drone',
    fileLabel: 'Drone pipeline',
    matchesPath: (p) => p.path === '.drone.yml' || p.path === '.drone.yaml',
    matchesContent: false,
    testFolders: 'count',
    activationGlobs: ['.drone.{yml,yaml}'],
    parse: parseDronePipeline,
    uses: { vocabulary: 'image', evidenceLabel: 'image' },
    localIncludes: 'indexed',
    refusesInvalidFile: true,
    ephemeralJob: (job) => FRESH_DRONE_RUNNERS.has((job.runner?.value ?? 'docker').toLowerCase()),
    pipelineRank: 8,
    fixes: { placements: ['item'] },
});
exports.woodpeckerDialect = (0, dialect_1.defineDialect)({
    kind: 'woodpecker',
    system: 'Woodpecker CI',
    fileLabel: 'Woodpecker workflow',
    matchesPath: (p) => p.path === '.woodpecker.yml' || p.path === '.woodpecker.yaml' || (p.dir === '.woodpecker' && p.yaml),
    matchesContent: false,
    testFolders: 'count',
    activationGlobs: ['.woodpecker.{yml,yaml}', '.woodpecker/*.{yml,yaml}'],
    parse: parseWoodpeckerWorkflow,
    uses: { vocabulary: 'image', evidenceLabel: 'image' },
    localIncludes: 'indexed',
    refusesInvalidFile: true,
    // Every step names its container image; the agent starts it fresh.
    ephemeralJob: () => true,
    pipelineRank: 9,
    fixes: { placements: ['item'] },
});
//# sourceMappingURL=drone.js.map