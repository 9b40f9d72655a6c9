"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.FixCatalogueError = exports.EDIT_OPERATIONS = void 0;
exports.loadFixes = loadFixes;
// model/fixes.yaml: quick-fix templates as data (schema documented in the file's header).
// Parsed and checked here; a broken file throws naming the file and line, like the probe
// catalogue does, so a bad edit is caught by the unit tests and at load time.
const yaml_1 = require("../yaml");
const registry_1 = require("../scan/ci/registry");
const types_1 = require("./types");
const findingCodes_1 = require("../scan/detect/findingCodes");
exports.EDIT_OPERATIONS = [
    'workflow-permissions', 'checkout-persist-credentials', 'final-stage-user', 'image-tag-placeholder', 'scanner-must-fail',
];
class FixCatalogueError extends Error {
    file;
    line;
    constructor(message, file, line) {
        super(line ? `${file}:${line}: ${message}` : `${file}: ${message}`);
        this.file = file;
        this.line = line;
        this.name = 'FixCatalogueError';
    }
}
exports.FixCatalogueError = FixCatalogueError;
const ID_RE = /^[a-z0-9][a-z0-9.-]*$/;
const NAME_RE = /^[a-z][a-z0-9-]*$/;
const LABEL_RE = /^[A-Za-z0-9][A-Za-z0-9 ().,/-]*$/;
const PLACEMENT_KEYS = ['job', 'include', 'steps', 'step', 'item', 'commands', 'instructions', 'edit', 'createFile'];
const DIALECT_KEYS = new Set([...PLACEMENT_KEYS, 'stage', 'params', 'generator', 'content', 'variables']);
/** Which placements each dialect understands (CI dialects: their registry entry, plus built-in edits). */
const ALLOWED = {
    ...Object.fromEntries(registry_1.FIXABLE_CI_KINDS.map((kind) => [kind, [...placementsOf(kind), 'edit']])),
    dockerfile: ['instructions', 'edit'],
    compose: ['edit'],
    kubernetes: ['edit'],
    repository: ['createFile'],
};
function placementsOf(kind) {
    const fixes = (0, registry_1.ciDialect)(kind).fixes;
    return 'placements' in fixes ? fixes.placements : [];
}
function loadFixes(text, source) {
    const y = (0, yaml_1.parseYaml)(text);
    if (y.errors.length)
        throw new FixCatalogueError(`not valid YAML: ${y.errors[0].message}`, source, y.errors[0].line);
    const doc = y.documents[0];
    if (!doc || !(0, yaml_1.isMap)(doc.contents))
        throw new FixCatalogueError('expected a mapping with schemaVersion and templates', source, 1);
    const lineOf = (node) => (0, yaml_1.positionOf)(node, y.lineCounter).line;
    const fail = (message, node) => {
        throw new FixCatalogueError(message, source, node ? lineOf(node) : undefined);
    };
    const top = new Map((0, yaml_1.mapEntries)(doc, doc.contents).map((e) => [e.keyText, e]));
    if ((0, yaml_1.scalarText)(top.get('schemaVersion')?.value) !== '1')
        fail('schemaVersion must be 1', top.get('schemaVersion')?.keyNode);
    const links = {};
    for (const e of (0, yaml_1.mapEntries)(doc, top.get('links')?.value)) {
        const v = (0, yaml_1.scalarText)(e.value);
        if (!v)
            fail(`links.${e.keyText} must be an activity uuid`, e.keyNode);
        links[e.keyText] = v;
    }
    const tnode = top.get('templates');
    if (!tnode || !(0, yaml_1.isSeq)(tnode.value))
        fail('templates must be a list', tnode?.keyNode ?? doc.contents);
    const templates = [];
    const byId = new Map();
    for (const item of (0, yaml_1.seqItems)(doc, tnode.value)) {
        if (!(0, yaml_1.isMap)(item))
            fail('a template must be a mapping', item);
        const f = new Map((0, yaml_1.mapEntries)(doc, item).map((e) => [e.keyText, e]));
        const str = (k, required = true) => {
            const e = f.get(k);
            const v = e ? (0, yaml_1.scalarText)(e.value) : undefined;
            if (required && !v)
                fail(`template needs \`${k}\``, e?.keyNode ?? item);
            return v;
        };
        const list = (k) => {
            const e = f.get(k);
            if (!e)
                return [];
            if (!(0, yaml_1.isSeq)(e.value))
                fail(`\`${k}\` must be a list`, e.keyNode);
            return (0, yaml_1.seqItems)(doc, e.value).map((x) => (0, yaml_1.scalarText)(x) ?? '').filter((x) => x);
        };
        // A misspelt code would silently take the quick fix off its diagnostics: name it with its line.
        const resolves = list('resolves');
        for (const x of (0, yaml_1.seqItems)(doc, f.get('resolves')?.value)) {
            const code = (0, yaml_1.scalarText)(x);
            if (code && !(0, findingCodes_1.isFindingCode)(code))
                fail(`unknown finding code "${code}" in \`resolves\` (known: ${findingCodes_1.FINDING_CODES.join(', ')})`, x);
        }
        const id = str('id');
        if (!ID_RE.test(id))
            fail(`template id "${id}" must be lower-case letters, digits, '.' and '-'`, f.get('id')?.value);
        if (byId.has(id))
            fail(`duplicate template id "${id}"`, f.get('id')?.value);
        const name = str('name');
        if (!NAME_RE.test(name))
            fail(`name "${name}" must be lower-case letters, digits and '-'`, f.get('name')?.value);
        const label = str('label');
        if (!LABEL_RE.test(label))
            fail(`label "${label}" may use letters, digits, spaces and ( ) . , / -`, f.get('label')?.value);
        let when;
        const w = f.get('when');
        if (w) {
            when = {};
            for (const e of (0, yaml_1.mapEntries)(doc, w.value)) {
                if (e.keyText !== 'ecosystems' && e.keyText !== 'files')
                    fail(`unknown condition \`${e.keyText}\``, e.keyNode);
                when[e.keyText] = (0, yaml_1.seqItems)(doc, e.value).map((x) => (0, yaml_1.scalarText)(x) ?? '');
            }
        }
        let unless;
        const u = f.get('unless');
        if (u) {
            if (!(0, yaml_1.isMap)(u.value))
                fail('`unless` must be a mapping of runs, uses, images', u.keyNode);
            unless = {};
            for (const e of (0, yaml_1.mapEntries)(doc, u.value)) {
                if (e.keyText !== 'runs' && e.keyText !== 'uses' && e.keyText !== 'images')
                    fail(`unknown condition \`${e.keyText}\` in unless`, e.keyNode);
                if (!(0, yaml_1.isSeq)(e.value))
                    fail(`\`unless.${e.keyText}\` must be a list`, e.keyNode);
                const items = (0, yaml_1.seqItems)(doc, e.value).map((x) => ((0, yaml_1.scalarText)(x) ?? '').trim());
                if (items.some((x) => !x))
                    fail(`\`unless.${e.keyText}\` has an empty entry`, e.keyNode);
                unless[e.keyText] = items.map((x) => x.toLowerCase());
            }
        }
        const dialects = {};
        const dnode = f.get('dialects');
        if (!dnode || !(0, yaml_1.isMap)(dnode.value))
            fail('template needs `dialects`', dnode?.keyNode ?? item);
        for (const d of (0, yaml_1.mapEntries)(doc, dnode.value)) {
            const dialect = d.keyText;
            if (!types_1.FIX_DIALECTS.includes(dialect))
                fail(`unknown dialect \`${d.keyText}\``, d.keyNode);
            if (!(0, yaml_1.isMap)(d.value))
                fail(`dialect \`${d.keyText}\` must be a mapping`, d.keyNode);
            const dt = {};
            const placements = [];
            for (const e of (0, yaml_1.mapEntries)(doc, d.value)) {
                if (!DIALECT_KEYS.has(e.keyText))
                    fail(`unknown key \`${e.keyText}\` in dialect ${dialect}`, e.keyNode);
                if (PLACEMENT_KEYS.includes(e.keyText))
                    placements.push(e.keyText);
                if (e.keyText === 'stage') {
                    dt.stage = (0, yaml_1.isSeq)(e.value) ? (0, yaml_1.seqItems)(doc, e.value).map((x) => (0, yaml_1.scalarText)(x) ?? '') : [(0, yaml_1.scalarText)(e.value) ?? ''];
                }
                else if (e.keyText === 'params') {
                    if (!(0, yaml_1.isMap)(e.value))
                        fail('`params` must be a mapping', e.keyNode);
                    dt.params = {};
                    for (const p of (0, yaml_1.mapEntries)(doc, e.value))
                        dt.params[p.keyText] = (0, yaml_1.scalarText)(p.value) ?? '';
                }
                else {
                    if (!(0, yaml_1.isScalar)(e.value))
                        fail(`\`${e.keyText}\` must be text`, e.keyNode);
                    dt[e.keyText] = (0, yaml_1.scalarText)(e.value);
                }
            }
            if (!placements.length)
                fail(`dialect ${dialect} needs one of ${ALLOWED[dialect].join(', ')}`, d.keyNode);
            const bad = placements.filter((p) => !ALLOWED[dialect].includes(p) || (p === 'job' && placements.includes('edit')));
            if (bad.length)
                fail(`\`${bad[0]}\` is not a placement for ${dialect}`, d.keyNode);
            if (placements.includes('edit') && placements.length > 1)
                fail('`edit` cannot be combined with other placements', d.keyNode);
            if (dt.edit && !exports.EDIT_OPERATIONS.includes(dt.edit))
                fail(`unknown edit operation "${dt.edit}"`, d.keyNode);
            if (dt.createFile && !dt.generator && dt.content === undefined)
                fail('`createFile` needs `generator` or `content`', d.keyNode);
            if (dt.generator && dt.generator !== 'dependabot' && dt.generator !== 'renovate')
                fail(`unknown generator "${dt.generator}"`, d.keyNode);
            if (dialect === 'gitlab-ci' && dt.include && (!dt.stage || dt.stage.length !== 1))
                fail('a GitLab include needs the one `stage` its jobs use', d.keyNode);
            if (dt.variables !== undefined && dialect !== 'gitlab-ci')
                fail('`variables` is a GitLab placement', d.keyNode);
            dialects[dialect] = dt;
        }
        const t = {
            id,
            title: str('title'),
            tool: str('tool', false),
            satisfies: list('satisfies'),
            resolves: resolves.filter(findingCodes_1.isFindingCode),
            preferred: (0, yaml_1.scalarText)(f.get('preferred')?.value) === 'true',
            ...(when ? { when } : {}),
            ...(unless ? { unless } : {}),
            name,
            label,
            dialects,
            line: lineOf(item),
        };
        if (!t.satisfies.length && !t.resolves.length)
            fail('a template must list what it `satisfies` or `resolves`', item);
        templates.push(t);
        byId.set(id, t);
    }
    return { source, links, templates, byId };
}
//# sourceMappingURL=fixCatalogue.js.map