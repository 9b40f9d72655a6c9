"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.gitlabDialect = void 0;
exports.parseGitlabCi = parseGitlabCi;
// GitLab CI: .gitlab-ci.yml and its local-include fragments. Resolves `extends` (multi-level,
// cycle-safe), `default:` and global inheritance, and `!reference` tags inside scripts, so that
// every script line points at the line where it is really written.
const dialect_1 = require("./dialect");
const yaml_1 = require("../../yaml");
const common_1 = require("./common");
const RESERVED = new Set([
    'image', 'services', 'stages', 'types', 'before_script', 'after_script', 'variables', 'cache',
    'include', 'workflow', 'default', 'spec',
]);
/** Keys a job inherits from `default:` (or the deprecated globals) when it does not set them. */
const DEFAULT_KEYS = [
    'image', 'services', 'before_script', 'after_script', 'cache', 'artifacts', 'tags', 'retry',
    'timeout', 'interruptible', 'hooks', 'id_tokens',
];
const GLOBAL_KEYS = new Set(['image', 'services', 'before_script', 'after_script', 'cache']);
class GitlabParser {
    ctx;
    file;
    defs = new Map();
    memo = new Map();
    resolving = new Set();
    defaults = new Map();
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
        for (const e of root)
            if ((0, yaml_1.isMap)(e.value))
                this.defs.set(e.key, e);
        const include = byKey.get('include');
        if (include)
            (0, common_1.guard)(file.problems, '`include`', () => this.includes(include.value, (0, common_1.keyLoc)(ctx, include)), (0, common_1.keyLoc)(ctx, include));
        const vars = byKey.get('variables');
        if (vars)
            file.env = this.variables(vars.value);
        const wf = byKey.get('workflow');
        if (wf)
            (0, common_1.guard)(file.problems, '`workflow`', () => this.events(wf.value));
        // Globals first, then `default:` (which wins).
        for (const e of root)
            if (GLOBAL_KEYS.has(e.key))
                this.defaults.set(e.key, { key: e.key, keyNode: e.keyNode, value: e.value });
        const def = byKey.get('default');
        if (def)
            for (const e of (0, common_1.entries)(ctx, def.value))
                if (DEFAULT_KEYS.includes(e.key))
                    this.defaults.set(e.key, { key: e.key, keyNode: e.keyNode, value: e.value });
        let firstJob;
        for (const e of root) {
            if (RESERVED.has(e.key) || e.key.startsWith('.'))
                continue;
            const at = (0, common_1.keyLoc)(ctx, e);
            if (!(0, yaml_1.isMap)(e.value)) {
                this.problem(`'${e.key}' is not a job: a job must be a mapping`, at);
                continue;
            }
            firstJob ??= e;
            (0, common_1.guard)(file.problems, `job '${e.key}'`, () => file.jobs.push(this.job(e)), at);
        }
        const anchor = byKey.get('stages') ?? include ?? firstJob ?? root[0];
        if (anchor)
            file.anchor = (0, common_1.keyLoc)(ctx, anchor);
    }
    // ----- includes -------------------------------------------------------------------------
    includes(node, at, depth = 0) {
        const { ctx } = this;
        const n = (0, yaml_1.deref)(ctx.doc, node);
        if (depth > 5 || !(0, common_1.spend)(ctx))
            return;
        if ((0, yaml_1.isSeq)(n)) {
            for (const i of n.items)
                this.includes(i, at, depth + 1);
            return;
        }
        if ((0, yaml_1.isScalar)(n)) {
            const l = (0, common_1.locatedScalar)(ctx, n);
            if (l)
                this.file.references.push(this.fileInclude(l));
            return;
        }
        if (!(0, yaml_1.isMap)(n)) {
            this.problem('An `include` entry should be a path, a URL or a mapping', (0, common_1.nodeLoc)(ctx, n, at));
            return;
        }
        let known = false;
        for (const e of (0, common_1.entries)(ctx, n)) {
            const push = (kind, l, localPath) => {
                if (!l)
                    return;
                known = true;
                this.file.references.push(localPath === undefined ? { kind, ref: l.value, loc: l.loc } : { kind, ref: l.value, loc: l.loc, localPath });
            };
            if (e.key === 'local') {
                const l = (0, common_1.locatedScalar)(ctx, e.value);
                push('local-include', l, l && (0, common_1.normalizePath)(l.value));
            }
            else if (e.key === 'template')
                push('template', (0, common_1.locatedScalar)(ctx, e.value));
            else if (e.key === 'remote')
                push('remote', (0, common_1.locatedScalar)(ctx, e.value));
            else if (e.key === 'component')
                push('component', (0, common_1.locatedScalar)(ctx, e.value));
            else if (e.key === 'project') {
                const project = (0, common_1.locatedScalar)(ctx, e.value);
                const ref = (0, common_1.str)(ctx, (0, common_1.get)(ctx, n, 'ref'));
                const fileNode = (0, common_1.get)(ctx, n, 'file');
                const files = (0, yaml_1.isSeq)(fileNode) ? (0, common_1.items)(ctx, fileNode) : [fileNode];
                for (const f of files) {
                    const fl = (0, common_1.locatedScalar)(ctx, f);
                    if (!project)
                        continue;
                    const text = `${project.value}:${fl ? fl.value : ''}${ref ? `@${ref}` : ''}`;
                    push('project', { value: text, loc: fl ? fl.loc : project.loc });
                }
            }
        }
        if (!known && !(0, common_1.entries)(ctx, n).some((e) => e.key === 'artifact')) {
            this.problem('Unrecognised `include` entry (expected local, template, remote, project or component)', (0, common_1.nodeLoc)(ctx, n, at));
        }
    }
    fileInclude(l) {
        if (/^https?:\/\//i.test(l.value))
            return { kind: 'remote', ref: l.value, loc: l.loc };
        return { kind: 'local-include', ref: l.value, loc: l.loc, localPath: (0, common_1.normalizePath)(l.value) };
    }
    // ----- variables and events -------------------------------------------------------------
    variables(node) {
        const out = {};
        for (const e of (0, common_1.entries)(this.ctx, this.val(node, this.file.anchor)))
            out[e.key] = this.variable(e);
        return out;
    }
    variable(e) {
        const { ctx } = this;
        const at = (0, common_1.nodeLoc)(ctx, e.keyNode);
        if ((0, yaml_1.isMap)(e.value)) {
            const v = (0, common_1.get)(ctx, e.value, 'value');
            return v === undefined ? { value: '', loc: at } : (0, common_1.located)(ctx, v, at);
        }
        return (0, common_1.located)(ctx, e.value, at);
    }
    events(wf) {
        const { ctx, file } = this;
        for (const rule of (0, common_1.items)(ctx, (0, common_1.get)(ctx, wf, 'rules'))) {
            if ((0, common_1.str)(ctx, (0, common_1.get)(ctx, rule, 'when')) === 'never')
                continue;
            const cond = (0, common_1.str)(ctx, (0, common_1.get)(ctx, rule, 'if'));
            if (!cond)
                continue;
            const found = [...cond.matchAll(/\$\{?CI_PIPELINE_SOURCE\}?\s*==\s*["']([^"']+)["']/g)].map((m) => m[1]);
            if (/(^|[^!])\$\{?CI_MERGE_REQUEST_IID\b/.test(cond))
                found.push('merge_request_event');
            for (const ev of found)
                if (!file.events.includes(ev))
                    file.events.push(ev);
        }
    }
    // ----- extends and inheritance ----------------------------------------------------------
    /** A job's configuration after `extends` (not yet `default:`). Cycle-safe. */
    effective(name, stack = []) {
        const cached = this.memo.get(name);
        if (cached)
            return cached;
        const { ctx } = this;
        const def = this.defs.get(name);
        const eff = { entries: new Map(), vars: new Map() };
        if (!def || this.resolving.has(name))
            return eff;
        this.resolving.add(name);
        const own = (0, common_1.entries)(ctx, def.value);
        const ext = own.find((e) => e.key === 'extends');
        if (ext) {
            const parents = (0, yaml_1.isSeq)(ext.value) ? (0, common_1.items)(ctx, ext.value) : [ext.value];
            for (const p of parents) {
                const pname = (0, common_1.str)(ctx, p);
                if (!pname)
                    continue;
                if (stack.includes(pname) || pname === name) {
                    this.problem(`\`extends\` cycle: ${[...stack, name, pname].join(' → ')}`, (0, common_1.nodeLoc)(ctx, p, (0, common_1.keyLoc)(ctx, ext)));
                    continue;
                }
                if (!this.defs.has(pname))
                    continue; // may come from an include
                if (stack.length > 20)
                    continue;
                const parent = this.effective(pname, [...stack, name]);
                for (const [k, v] of parent.entries)
                    eff.entries.set(k, v);
                for (const [k, v] of parent.vars)
                    eff.vars.set(k, v);
            }
        }
        for (const e of own) {
            if (e.key === 'extends')
                continue;
            eff.entries.set(e.key, { key: e.key, keyNode: e.keyNode, value: e.value });
            if (e.key === 'variables')
                for (const v of (0, common_1.entries)(ctx, this.val(e.value, (0, common_1.nodeLoc)(ctx, e.keyNode))))
                    eff.vars.set(v.key, { key: v.key, keyNode: v.keyNode, value: v.value });
        }
        this.resolving.delete(name);
        this.memo.set(name, eff);
        return eff;
    }
    /** A value with `!reference` tags followed (the target node), up to 10 levels. */
    val(node, at) {
        let n = (0, yaml_1.deref)(this.ctx.doc, node);
        for (let i = 0; i < 10 && (0, yaml_1.isSeq)(n) && n.tag === '!reference'; i++)
            n = (0, yaml_1.deref)(this.ctx.doc, this.reference(n, at));
        return n;
    }
    /** Effective entries plus what `default:`/globals supply (respecting `inherit: default`). */
    withDefaults(eff) {
        const { ctx } = this;
        const out = new Map(eff.entries);
        const inherit = (0, common_1.get)(ctx, out.get('inherit')?.value, 'default');
        let allowed = () => true;
        if (inherit !== undefined) {
            const n = (0, yaml_1.deref)(ctx.doc, inherit);
            if ((0, yaml_1.isScalar)(n) && n.value === false)
                allowed = () => false;
            else if ((0, yaml_1.isSeq)(n)) {
                const list = (0, common_1.items)(ctx, n).map((i) => (0, common_1.str)(ctx, i));
                allowed = (k) => list.includes(k);
            }
        }
        for (const [k, v] of this.defaults)
            if (!out.has(k) && allowed(k))
                out.set(k, v);
        return out;
    }
    // ----- jobs -----------------------------------------------------------------------------
    job(e) {
        const { ctx } = this;
        const loc = (0, common_1.keyLoc)(ctx, e);
        const job = { id: e.key, loc, steps: [], services: [], env: {} };
        const eff = this.effective(e.key);
        const cfg = this.withDefaults(eff);
        const at = (k) => {
            const x = cfg.get(k);
            return x ? (0, common_1.nodeLoc)(ctx, x.keyNode, loc) : loc;
        };
        // Values may be `!reference` tags themselves (image, services, rules, ...).
        for (const [k, v] of cfg)
            if (!/script$/.test(k))
                cfg.set(k, { ...v, value: this.val(v.value, at(k)) });
        const stage = cfg.get('stage');
        if (stage)
            job.stage = (0, common_1.str)(ctx, stage.value);
        const image = cfg.get('image');
        if (image)
            job.image = (0, common_1.locatedScalar)(ctx, (0, yaml_1.isMap)(image.value) ? (0, common_1.get)(ctx, image.value, 'name') : image.value);
        for (const s of (0, common_1.items)(ctx, cfg.get('services')?.value)) {
            const l = (0, common_1.locatedScalar)(ctx, (0, yaml_1.isMap)(s) ? (0, common_1.get)(ctx, s, 'name') : s);
            if (l)
                job.services.push(l);
        }
        for (const [k, v] of eff.vars)
            job.env[k] = this.variable(v);
        // `secrets:` names CI variables that GitLab fetches from Vault or another secret provider.
        for (const sec of (0, common_1.entries)(ctx, cfg.get('secrets')?.value))
            (job.secretSources ??= []).push({ value: `secrets: ${sec.key}`, loc: (0, common_1.keyLoc)(ctx, sec) });
        // `artifacts: reports:` types say what kind of result the job's scripts produce (a SAST report, …).
        for (const r of (0, common_1.entries)(ctx, (0, common_1.get)(ctx, cfg.get('artifacts')?.value, 'reports'))) {
            const v = (0, yaml_1.deref)(ctx.doc, r.value);
            const files = (0, yaml_1.isMap)(v) ? (0, common_1.stringItems)(ctx, (0, common_1.get)(ctx, v, 'path')) : (0, common_1.stringItems)(ctx, v);
            (job.reports ??= []).push({ type: { value: r.key, loc: (0, common_1.keyLoc)(ctx, r) }, files });
        }
        // `id_tokens:` gives the job OIDC identity tokens (trusted publishing, keyless signing).
        if ((0, common_1.entries)(ctx, cfg.get('id_tokens')?.value).length)
            job.idTokens = at('id_tokens');
        const allow = cfg.get('allow_failure');
        if (allow && (0, common_1.isTrue)(ctx, allow.value))
            job.cannotFail = at('allow_failure');
        if ((0, common_1.str)(ctx, cfg.get('when')?.value) === 'manual')
            job.manual = true;
        else {
            const rules = (0, common_1.items)(ctx, cfg.get('rules')?.value);
            const whens = rules.map((r) => (0, common_1.str)(ctx, (0, common_1.get)(ctx, r, 'when')) ?? 'on_success');
            if (whens.length && whens.includes('manual') && whens.every((w) => w === 'manual' || w === 'never'))
                job.manual = true;
        }
        const trigger = cfg.get('trigger');
        if (trigger)
            job.uses = this.trigger(trigger, loc);
        const before = cfg.get('before_script');
        const script = cfg.get('script');
        const after = cfg.get('after_script');
        // before_script/after_script (also inherited ones) only run around a `script`.
        if (script) {
            const lines = [];
            if (before)
                lines.push(...this.script(before.value, at('before_script')));
            lines.push(...this.script(script.value, at('script')));
            const step = { name: e.key, loc, script: lines, inputs: {}, env: {} };
            if (job.cannotFail)
                step.cannotFail = job.cannotFail;
            job.steps.push(step);
        }
        if (script && after) {
            // A failing after_script never fails the job.
            const afterLoc = at('after_script');
            job.steps.push({ name: 'after_script', loc: afterLoc, script: this.script(after.value, afterLoc), inputs: {}, env: {}, cannotFail: afterLoc });
        }
        if (!script && !trigger && !cfg.has('run') && !this.unresolvedExtends(e.key)) {
            // GitLab requires `script` (or `trigger`); keep the job but say so.
            this.problem(`Job '${e.key}' has no \`script\` or \`trigger\``, loc);
        }
        return job;
    }
    /** True when the job extends something not defined in this file (e.g. from an include). */
    unresolvedExtends(name, seen = new Set()) {
        const { ctx } = this;
        const def = this.defs.get(name);
        if (!def || seen.has(name))
            return !def;
        seen.add(name);
        const ext = (0, common_1.get)(ctx, def.value, 'extends');
        if (ext === undefined)
            return false;
        const parents = (0, yaml_1.isSeq)(ext) ? (0, common_1.items)(ctx, ext) : [ext];
        return parents.some((p) => {
            const pname = (0, common_1.str)(ctx, p);
            return pname !== undefined && this.unresolvedExtends(pname, seen);
        });
    }
    trigger(t, fallback) {
        const { ctx } = this;
        const v = t.value;
        if ((0, yaml_1.isScalar)(v))
            return (0, common_1.locatedScalar)(ctx, v);
        if (!(0, yaml_1.isMap)(v))
            return undefined;
        const project = (0, common_1.locatedScalar)(ctx, (0, common_1.get)(ctx, v, 'project'));
        if (project)
            return project;
        const inc = (0, common_1.get)(ctx, v, 'include');
        if (inc === undefined)
            return undefined;
        const before = this.file.references.length;
        this.includes(inc, (0, common_1.nodeLoc)(ctx, t.keyNode, fallback));
        const first = this.file.references[before];
        return first ? { value: first.ref, loc: first.loc } : (0, common_1.located)(ctx, inc, fallback);
    }
    /** Script lines of a `script`-like value: strings, nested lists and `!reference` tags. */
    script(node, at, depth = 0, refStack = []) {
        const { ctx } = this;
        const n = (0, yaml_1.deref)(ctx.doc, node);
        if (depth > 20 || !(0, common_1.spend)(ctx))
            return [];
        if ((0, yaml_1.isSeq)(n) && n.tag === '!reference') {
            if (refStack.includes(n) || refStack.length >= 10) {
                this.problem('`!reference` nesting is too deep or cyclic', (0, common_1.nodeLoc)(ctx, n, at));
                return [];
            }
            const target = this.reference(n, at);
            return target === undefined ? [] : this.script(target, at, depth + 1, [...refStack, n]);
        }
        if ((0, yaml_1.isSeq)(n)) {
            const out = [];
            for (const i of n.items) {
                if (!(0, common_1.spend)(ctx))
                    break;
                out.push(...this.script(i, at, depth + 1, refStack));
            }
            return out;
        }
        if ((0, yaml_1.isScalar)(n))
            return (0, common_1.scriptLines)(ctx, n);
        if ((0, yaml_1.isMap)(n))
            this.problem('A script entry should be a string', (0, common_1.nodeLoc)(ctx, n, at));
        return [];
    }
    /** The node a `!reference [job, key, ...]` points at, or undefined (with a problem). */
    reference(seq, at) {
        const { ctx } = this;
        const path = (0, common_1.items)(ctx, seq).map((i) => (0, common_1.str)(ctx, i));
        const where = (0, common_1.nodeLoc)(ctx, seq, at);
        if (path.length < 2 || path.some((p) => p === undefined)) {
            this.problem('`!reference` needs a job name and a key', where);
            return undefined;
        }
        const [jobName, key, ...rest] = path;
        const def = this.defs.get(jobName);
        if (!def) {
            this.problem(`\`!reference [${path.join(', ')}]\`: '${jobName}' is not defined in this file`, where);
            return undefined;
        }
        let node = (0, common_1.get)(ctx, def.value, key);
        if (node === undefined)
            node = this.effective(jobName).entries.get(key)?.value;
        for (const k of rest)
            node = node === undefined ? undefined : (0, common_1.get)(ctx, node, k);
        if (node === undefined)
            this.problem(`\`!reference [${path.join(', ')}]\` points at nothing`, where);
        return node;
    }
}
/** What the YAML reader says of a key written twice in one mapping. */
const DUPLICATE_KEY_MESSAGE = 'Map keys must be unique';
function parseGitlabCi(path, text) {
    const file = (0, common_1.emptyCiFile)('gitlab-ci', path);
    (0, common_1.guard)(file.problems, 'the pipeline', () => {
        const docs = (0, common_1.openYaml)(file, text);
        // GitLab's YAML reader takes the last of two equal keys in a mapping; the pipeline still runs.
        for (const p of file.problems) {
            if (p.severity === 'error' && p.message.startsWith(DUPLICATE_KEY_MESSAGE)) {
                p.severity = 'warning';
                p.message = `${DUPLICATE_KEY_MESSAGE}: the key is written twice, and GitLab keeps the last one`;
            }
        }
        // A `spec:` header document (CI/CD inputs) precedes the configuration.
        let ctx = docs.find((d) => (0, yaml_1.isMap)(d.doc.contents) && !(docs.length > 1 && isSpecOnly(d)));
        ctx ??= docs.find((d) => (0, yaml_1.isMap)(d.doc.contents));
        if (!ctx) {
            if (docs.length) {
                const l = (0, common_1.nodeLoc)(docs[0], docs[0].doc.contents);
                file.problems.push({ message: 'Expected a mapping at the top level', line: l.line, column: l.column, severity: 'error' });
            }
            return;
        }
        new GitlabParser(ctx, file).run();
    });
    return file;
}
function isSpecOnly(ctx) {
    const es = (0, common_1.entries)(ctx, ctx.doc.contents);
    return es.length > 0 && es.every((e) => e.key === 'spec');
}
exports.gitlabDialect = (0, dialect_1.defineDialect)({
    kind: 'gitlab-ci',
    system: 'GitLab CI',
    fileLabel: 'GitLab CI file',
    // Only the root file and `*.gitlab-ci.yml` are found by name; other local includes are read
    // through `include:` of the file that names them.
    matchesPath: (p) => p.path === '.gitlab-ci.yml' || p.path === '.gitlab-ci.yaml' ||
        ((p.lname.endsWith('.gitlab-ci.yml') || p.lname.endsWith('.gitlab-ci.yaml')) && !p.lname.startsWith('.gitlab-ci.')),
    matchesContent: false,
    testFolders: 'count',
    activationGlobs: ['.gitlab-ci.{yml,yaml}', '**/*.gitlab-ci.{yml,yaml}'],
    parse: parseGitlabCi,
    uses: { vocabulary: 'component', evidenceLabel: 'uses' },
    localIncludes: 'fragment',
    refusesInvalidFile: true,
    // Docker/Kubernetes executors start a fresh container per job.
    ephemeralJob: () => true,
    pipelineRank: 1,
    fixes: { placements: ['job', 'include'] },
});
//# sourceMappingURL=gitlab.js.map