"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.bitbucketDialect = void 0;
exports.parseBitbucketPipelines = parseBitbucketPipelines;
// Bitbucket Pipelines (bitbucket-pipelines.yml): every step of every pipeline is a job. Steps
// are often shared through anchors in `definitions:`; aliases are followed, so evidence points
// at the anchored definition's real lines, and a step reused by alias is reported once.
const dialect_1 = require("./dialect");
const yaml_1 = require("../../yaml");
const common_1 = require("./common");
const PIPELINE_KINDS = ['default', 'branches', 'pull-requests', 'tags', 'custom'];
class BitbucketParser {
    ctx;
    file;
    globalImage;
    /** definitions.services: name → image node. */
    services = new Map();
    /** One job per step mapping (a step reused by alias is one job). */
    seen = new Map();
    ids = new Set();
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
        const image = byKey.get('image');
        if (image)
            this.globalImage = this.image(image.value);
        for (const s of (0, common_1.entries)(ctx, (0, common_1.get)(ctx, byKey.get('definitions')?.value, 'services'))) {
            const img = (0, common_1.get)(ctx, s.value, 'image');
            if (img !== undefined)
                this.services.set(s.key, img);
        }
        const pipelines = byKey.get('pipelines');
        if (!pipelines) {
            if (root[0])
                file.anchor = (0, common_1.keyLoc)(ctx, root[0]);
            this.problem('The file has no `pipelines`', file.anchor);
            return;
        }
        file.anchor = (0, common_1.keyLoc)(ctx, pipelines);
        if (!(0, yaml_1.isMap)(pipelines.value)) {
            this.problem('`pipelines` should be a mapping', file.anchor, 'error');
            return;
        }
        for (const p of (0, common_1.entries)(ctx, pipelines.value)) {
            if (!PIPELINE_KINDS.includes(p.key)) {
                this.problem(`Unknown pipeline kind '${p.key}'`, (0, common_1.keyLoc)(ctx, p));
                continue;
            }
            if (!file.events.includes(p.key))
                file.events.push(p.key);
            (0, common_1.guard)(file.problems, `pipelines.${p.key}`, () => {
                if (p.key === 'default')
                    this.list(p.value, { path: 'default' }, (0, common_1.keyLoc)(ctx, p));
                else
                    for (const b of (0, common_1.entries)(ctx, p.value))
                        this.list(b.value, { path: `${p.key}.${b.key}` }, (0, common_1.keyLoc)(ctx, b));
            }, (0, common_1.keyLoc)(ctx, p));
        }
    }
    image(node) {
        const n = (0, yaml_1.deref)(this.ctx.doc, node);
        return (0, common_1.locatedScalar)(this.ctx, (0, yaml_1.isMap)(n) ? (0, common_1.get)(this.ctx, n, 'name') : n);
    }
    /** A pipeline: a list of `step`, `parallel` and `stage` items (custom: also `variables`). */
    list(node, c, at) {
        const { ctx } = this;
        if (!(0, yaml_1.isSeq)((0, yaml_1.deref)(ctx.doc, node))) {
            this.problem(`Pipeline '${c.path}' should be a list of steps`, (0, common_1.nodeLoc)(ctx, node, at), 'error');
            return;
        }
        (0, common_1.items)(ctx, node).forEach((item, i) => {
            if (!(0, common_1.spend)(ctx))
                return;
            const path = `${c.path}[${i}]`;
            for (const e of (0, common_1.entries)(ctx, item)) {
                if (e.key === 'step')
                    this.step(e, { ...c, path });
                else if (e.key === 'parallel') {
                    const steps = (0, yaml_1.isMap)(e.value) ? (0, common_1.get)(ctx, e.value, 'steps') : e.value;
                    (0, common_1.items)(ctx, steps).forEach((s, j) => {
                        const se = (0, common_1.entries)(ctx, s).find((x) => x.key === 'step');
                        if (se)
                            this.step(se, { ...c, path: `${path}[${j}]` });
                    });
                }
                else if (e.key === 'stage') {
                    const stage = e.value;
                    const name = (0, common_1.str)(ctx, (0, common_1.get)(ctx, stage, 'name'));
                    const manual = (0, common_1.str)(ctx, (0, common_1.get)(ctx, stage, 'trigger')) === 'manual';
                    (0, common_1.items)(ctx, (0, common_1.get)(ctx, stage, 'steps')).forEach((s, j) => {
                        const se = (0, common_1.entries)(ctx, s).find((x) => x.key === 'step');
                        if (se)
                            this.step(se, { path: `${path}[${j}]`, stage: name ?? c.stage, manual: manual || c.manual });
                    });
                }
            }
        });
    }
    step(e, c) {
        const { ctx, file } = this;
        const loc = (0, common_1.keyLoc)(ctx, e);
        (0, common_1.guard)(file.problems, `step ${c.path}`, () => {
            const node = e.value;
            if (!(0, yaml_1.isMap)(node)) {
                this.problem('A step should be a mapping', loc, 'error');
                return;
            }
            const prior = this.seen.get(node);
            if (prior) {
                if (!c.manual)
                    delete prior.manual;
                return;
            }
            const name = (0, common_1.str)(ctx, (0, common_1.get)(ctx, node, 'name'));
            let id = name ?? c.path;
            if (this.ids.has(id))
                id = `${id} (${c.path})`;
            this.ids.add(id);
            const job = { id, loc, steps: [], services: [], env: {} };
            if (name)
                job.name = name;
            if (c.stage)
                job.stage = c.stage;
            job.image = this.image((0, common_1.get)(ctx, node, 'image')) ?? this.globalImage;
            for (const s of (0, common_1.items)(ctx, (0, common_1.get)(ctx, node, 'services'))) {
                const l = (0, common_1.locatedScalar)(ctx, s);
                if (!l)
                    continue;
                const img = this.services.get(l.value);
                job.services.push((img !== undefined ? (0, common_1.locatedScalar)(ctx, img) : undefined) ?? l);
            }
            const runsOn = (0, common_1.entries)(ctx, node).find((x) => x.key === 'runs-on');
            if (runsOn)
                job.runner = (0, common_1.located)(ctx, runsOn.value, (0, common_1.keyLoc)(ctx, runsOn), ', ');
            if ((0, common_1.str)(ctx, (0, common_1.get)(ctx, node, 'trigger')) === 'manual' || c.manual)
                job.manual = true;
            for (const key of ['script', 'after-script']) {
                const se = (0, common_1.entries)(ctx, node).find((x) => x.key === key);
                if (se)
                    job.steps.push(...this.script(se, id, key === 'after-script'));
            }
            this.seen.set(node, job);
            file.jobs.push(job);
        }, loc);
    }
    /**
     * `script` / `after-script`: consecutive command entries form one CiStep; each pipe is its
     * own CiStep (with a 'pipe' reference). A failing after-script does not fail the step.
     */
    script(se, jobId, after) {
        const { ctx, file } = this;
        const out = [];
        const keyAt = (0, common_1.keyLoc)(ctx, se);
        const cannotFail = after ? keyAt : undefined;
        let current;
        const entriesOf = (n, depth) => {
            const d = (0, yaml_1.deref)(ctx.doc, n);
            if (!(0, yaml_1.isSeq)(d) || depth > 5)
                return [d];
            return d.items.flatMap((i) => ((0, common_1.spend)(ctx) ? entriesOf(i, depth + 1) : []));
        };
        if (!(0, yaml_1.isSeq)(se.value)) {
            this.problem(`\`${se.key}\` should be a list`, keyAt, 'error');
            return out;
        }
        for (const item of entriesOf(se.value, 0)) {
            if ((0, yaml_1.isScalar)(item)) {
                const lines = (0, common_1.scriptLines)(ctx, item);
                if (!current) {
                    current = { name: after ? 'after-script' : jobId, loc: (0, common_1.nodeLoc)(ctx, item, keyAt), script: [], inputs: {}, env: {} };
                    if (cannotFail)
                        current.cannotFail = cannotFail;
                    out.push(current);
                }
                current.script.push(...lines);
                continue;
            }
            current = undefined;
            const pipe = (0, common_1.entries)(ctx, item).find((x) => x.key === 'pipe');
            if (!pipe) {
                this.problem('A script entry should be a command or a `pipe:`', (0, common_1.nodeLoc)(ctx, item, keyAt), 'error');
                continue;
            }
            const uses = (0, common_1.locatedScalar)(ctx, pipe.value);
            if (!uses)
                continue;
            const step = { name: uses.value, loc: (0, common_1.keyLoc)(ctx, pipe), script: [], uses, inputs: {}, env: {} };
            if (cannotFail)
                step.cannotFail = cannotFail;
            for (const v of (0, common_1.entries)(ctx, (0, common_1.get)(ctx, item, 'variables')))
                step.inputs[v.key] = { value: (0, common_1.valueString)(ctx, v.value), loc: (0, common_1.located)(ctx, v.value, (0, common_1.keyLoc)(ctx, v)).loc };
            (0, common_1.addReference)(file, { kind: 'pipe', ref: uses.value, loc: uses.loc });
            out.push(step);
        }
        return out;
    }
}
function parseBitbucketPipelines(path, text) {
    const file = (0, common_1.emptyCiFile)('bitbucket-pipelines', path);
    (0, common_1.guard)(file.problems, 'the pipelines', () => {
        const docs = (0, common_1.openYaml)(file, text);
        const ctx = docs.find((d) => (0, yaml_1.isMap)(d.doc.contents));
        if (!ctx) {
            if (docs.length) {
                const l = (0, common_1.nodeLoc)(docs[0], docs[0].doc.contents);
                file.problems.push({ message: 'Expected a mapping at the top level', line: l.line, column: l.column, severity: 'error' });
            }
            return;
        }
        new BitbucketParser(ctx, file).run();
    });
    return file;
}
exports.bitbucketDialect = (0, dialect_1.defineDialect)({
    kind: 'bitbucket-pipelines',
    system: 'Bitbucket Pipelines',
    fileLabel: 'Bitbucket Pipelines file',
    matchesPath: (p) => p.path === 'bitbucket-pipelines.yml' || p.path === 'bitbucket-pipelines.yaml',
    matchesContent: false,
    testFolders: 'count',
    activationGlobs: ['bitbucket-pipelines.{yml,yaml}'],
    parse: parseBitbucketPipelines,
    uses: { vocabulary: 'pipe', evidenceLabel: 'pipe' },
    localIncludes: 'fragment',
    refusesInvalidFile: true,
    // Every step runs in a fresh container.
    ephemeralJob: () => true,
    pipelineRank: 4,
    fixes: { placements: ['step'] },
});
//# sourceMappingURL=bitbucket.js.map