"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.buildkiteDialect = void 0;
exports.parseBuildkitePipeline = parseBuildkitePipeline;
// Buildkite (.buildkite/pipeline.yml and its siblings): a list of steps, or a mapping with `env`,
// `agents` and `steps`. Every command step is a job (groups hold more of them); `wait`, `block`
// and `input` steps run nothing. Plugins are code of someone else's, fetched when the step runs:
// they are references the scan cannot read, except that the docker plugin names the image.
const yaml_1 = require("../../yaml");
const common_1 = require("./common");
const dialect_1 = require("./dialect");
/** Plugins that run the step's `command` in a container and add nothing of their own. */
const CONTAINER_PLUGINS = new Set(['docker', 'docker-compose']);
const NON_COMMAND_STEPS = ['wait', 'waiter', 'block', 'input', 'trigger', 'group'];
class BuildkiteParser {
    ctx;
    file;
    agents;
    ids = new Set();
    constructor(ctx, file, agents) {
        this.ctx = ctx;
        this.file = file;
        this.agents = agents;
    }
    steps(node, path, group) {
        (0, common_1.items)(this.ctx, node).forEach((item, i) => {
            if (!(0, common_1.spend)(this.ctx))
                return;
            (0, common_1.guard)(this.file.problems, `step ${path}[${i}]`, () => this.step(item, `${path}[${i}]`, group), (0, common_1.nodeLoc)(this.ctx, item));
        });
    }
    uniqueId(id, path) {
        const unique = this.ids.has(id) ? `${id} (${path})` : id;
        this.ids.add(unique);
        return unique;
    }
    step(node, path, group) {
        const { ctx, file } = this;
        if ((0, yaml_1.isScalar)(node))
            return; // "wait", "block" shorthands
        if (!(0, yaml_1.isMap)(node))
            return;
        const label = (0, common_1.str)(ctx, (0, common_1.get)(ctx, node, 'label')) ?? (0, common_1.str)(ctx, (0, common_1.get)(ctx, node, 'name'));
        const groupEntry = (0, common_1.entry)(ctx, node, 'group');
        if (groupEntry) {
            this.steps((0, common_1.get)(ctx, node, 'steps'), `${path}.steps`, (0, common_1.str)(ctx, groupEntry.value) ?? label);
            return;
        }
        const trigger = (0, common_1.entry)(ctx, node, 'trigger');
        if (trigger) {
            // Starts another Buildkite pipeline, whose definition lives with that pipeline.
            const job = { id: this.uniqueId((0, common_1.str)(ctx, (0, common_1.get)(ctx, node, 'key')) ?? label ?? (0, common_1.str)(ctx, trigger.value) ?? path, path), loc: (0, common_1.itemLoc)(ctx, node), steps: [], services: [], env: {} };
            job.uses = (0, common_1.located)(ctx, trigger.value, (0, common_1.keyLoc)(ctx, trigger));
            if (group)
                job.stage = group;
            file.jobs.push(job);
            return;
        }
        const command = (0, common_1.entry)(ctx, node, 'command') ?? (0, common_1.entry)(ctx, node, 'commands');
        const plugins = (0, common_1.get)(ctx, node, 'plugins');
        if (!command && (0, common_1.isNullish)(ctx, plugins)) {
            if (!(0, common_1.entries)(ctx, node).some((e) => NON_COMMAND_STEPS.includes(e.key))) {
                const at = (0, common_1.nodeLoc)(ctx, node);
                file.problems.push({ message: 'A step should have a `command`, `plugins`, or be a wait, block, input, trigger or group step', line: at.line, column: at.column, severity: 'warning' });
            }
            return;
        }
        const loc = (0, common_1.itemLoc)(ctx, node);
        const id = this.uniqueId((0, common_1.str)(ctx, (0, common_1.get)(ctx, node, 'key')) ?? label ?? path, path);
        const job = { id, loc, steps: [], services: [], env: (0, common_1.envMap)(ctx, (0, common_1.get)(ctx, node, 'env')) };
        if (label)
            job.name = label;
        if (group)
            job.stage = group;
        const queue = (0, common_1.locatedScalar)(ctx, (0, common_1.get)(ctx, (0, common_1.get)(ctx, node, 'agents'), 'queue')) ?? this.agents;
        if (queue)
            job.runner = queue;
        const softFail = (0, common_1.entry)(ctx, node, 'soft_fail');
        // `soft_fail: true`, or a list of exit statuses that do not fail the build.
        if (softFail && !((0, yaml_1.isScalar)(softFail.value) && softFail.value.value === false))
            job.cannotFail = (0, common_1.keyLoc)(ctx, softFail);
        this.plugins(plugins, job);
        if (command) {
            job.steps.push({ name: label ?? id, loc: (0, common_1.keyLoc)(ctx, command), script: (0, common_1.scriptLines)(ctx, command.value), inputs: {}, env: {}, ...(job.cannotFail ? { cannotFail: job.cannotFail } : {}) });
        }
        file.jobs.push(job);
    }
    /** `- docker#v5.9.0: {image: node}` or `- some-org/some-plugin#v1`: references; docker's image. */
    plugins(node, job) {
        const { ctx, file } = this;
        const list = (0, yaml_1.isMap)((0, yaml_1.deref)(ctx.doc, node)) ? (0, common_1.entries)(ctx, node).map((e) => ({ key: e.key, keyNode: e.keyNode, value: e.value })) : (0, common_1.items)(ctx, node).flatMap((item) => {
            if ((0, yaml_1.isScalar)(item))
                return [{ key: (0, common_1.str)(ctx, item) ?? '', keyNode: item, value: undefined }];
            return (0, common_1.entries)(ctx, item).map((e) => ({ key: e.key, keyNode: e.keyNode, value: e.value }));
        });
        for (const p of list) {
            if (!p.key)
                continue;
            const name = p.key.split('#')[0].replace(/^https?:\/\/github\.com\//, '').replace(/^buildkite-plugins\//, '').replace(/-buildkite-plugin$/, '');
            if (name === 'docker' && !job.image) {
                const image = (0, common_1.locatedScalar)(ctx, (0, common_1.get)(ctx, p.value, 'image'));
                if (image)
                    job.image = image;
            }
            // The docker plugins only run the step's own command in a container; the others are
            // someone else's code, named once per file where first used.
            if (CONTAINER_PLUGINS.has(name) || file.references.some((r) => r.kind === 'plugin' && r.ref === p.key))
                continue;
            (0, common_1.addReference)(file, { kind: 'plugin', ref: p.key, loc: (0, common_1.nodeLoc)(ctx, p.keyNode) });
        }
    }
}
function parseBuildkitePipeline(path, text) {
    const file = (0, common_1.emptyCiFile)('buildkite', path);
    (0, common_1.guard)(file.problems, 'the pipeline', () => {
        const ctx = (0, common_1.openYaml)(file, text).find((d) => (0, yaml_1.isMap)(d.doc.contents) || (0, yaml_1.isSeq)(d.doc.contents));
        if (!ctx)
            return;
        const root = ctx.doc.contents;
        if ((0, yaml_1.isSeq)(root)) {
            // A pipeline may be just the list of steps.
            file.anchor = (0, common_1.itemLoc)(ctx, root.items[0] ?? root);
            new BuildkiteParser(ctx, file).steps(root, 'steps');
            return;
        }
        Object.assign(file.env, (0, common_1.envMap)(ctx, (0, common_1.get)(ctx, root, 'env')));
        const steps = (0, common_1.entry)(ctx, root, 'steps');
        if (!steps) {
            const first = (0, common_1.entries)(ctx, root)[0];
            if (first)
                file.anchor = (0, common_1.keyLoc)(ctx, first);
            file.problems.push({ message: 'The pipeline has no `steps`', line: file.anchor.line, column: file.anchor.column, severity: 'error' });
            return;
        }
        file.anchor = (0, common_1.keyLoc)(ctx, steps);
        if (!(0, yaml_1.isSeq)(steps.value)) {
            file.problems.push({ message: '`steps` should be a list', line: file.anchor.line, column: file.anchor.column, severity: 'error' });
            return;
        }
        const agents = (0, common_1.locatedScalar)(ctx, (0, common_1.get)(ctx, (0, common_1.get)(ctx, root, 'agents'), 'queue'));
        new BuildkiteParser(ctx, file, agents).steps(steps.value, 'steps');
    });
    return file;
}
exports.buildkiteDialect = (0, dialect_1.defineDialect)({
    kind: 'buildkite',
    system: 'Buildkite',
    fileLabel: 'Buildkite pipeline',
    // What `buildkite-agent pipeline upload` finds by default, and the other pipelines kept beside
    // it (`.buildkite/pipeline.release.yml`), at the repository root.
    matchesPath: (p) => (p.dir === '.buildkite' && p.yaml && /^pipeline([._-].*)?\.ya?ml$/.test(p.lname)) ||
        (p.dir === '' && /^\.?buildkite\.ya?ml$/.test(p.lname)),
    matchesContent: false,
    testFolders: 'count',
    activationGlobs: ['.buildkite/{pipeline,pipeline.*,pipeline-*,pipeline_*}.{yml,yaml}', '{buildkite,.buildkite}.{yml,yaml}'],
    parse: parseBuildkitePipeline,
    uses: { vocabulary: 'none', evidenceLabel: 'trigger' },
    // `buildkite-agent pipeline upload` reads the pipeline files, which the index reads by name.
    localIncludes: 'indexed',
    refusesInvalidFile: true,
    // Agents are the team's own machines; a step in the docker plugin's container starts fresh.
    ephemeralJob: (job) => (job.image ? true : undefined),
    pipelineRank: 7,
    fixes: { placements: ['item'] },
});
//# sourceMappingURL=buildkite.js.map