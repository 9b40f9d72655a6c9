"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.MAX_MODEL_FILE_SIZE = exports.MAX_ALIASES = exports.ModelError = void 0;
exports.parseModel = parseModel;
// Reads a DSOMM model file: our bundled model, the official 4.x `generated/model.yaml`
// (meta document + data document, dependsOn by uuid) and the legacy 1.x `generated.yaml`
// (one document, dependsOn by name, teamsImplemented per activity). Follows the parser
// rules in DSOMM's format notes: key everything by uuid, keep unknown fields, keep
// references as written, report unresolved dependencies as warnings.
const yaml_1 = require("yaml");
const yaml_2 = require("../yaml");
class ModelError extends Error {
    file;
    line;
    column;
    constructor(message, file, line, column) {
        super(line ? `${file}:${line}${column ? `:${column}` : ''}: ${message}` : `${file}: ${message}`);
        this.file = file;
        this.line = line;
        this.column = column;
        this.name = 'ModelError';
    }
}
exports.ModelError = ModelError;
// Not followed by more id characters: 4.3.1 has uuids such as `f0e0…d20b-medium` next to `f0e0…d20b`.
const UUID_RE = /(?:uuid:)?\s*([0-9a-f]{6,}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{6,})(?![\w-])/i;
/**
 * Generated model files use no YAML aliases. Each alias the walk follows costs a pass over the
 * whole document, so an alias-heavy file would take minutes: refuse it instead.
 */
exports.MAX_ALIASES = 100;
/** A model file over this is refused unread (the official model is about 350 KB). */
exports.MAX_MODEL_FILE_SIZE = 16 * 1024 * 1024;
const KNOWN_FIELDS = new Set([
    'uuid', 'level', 'description', 'risk', 'measure', 'assessment', 'meta', 'difficultyOfImplementation',
    'usefulness', 'implementation', 'dependsOn', 'references', 'tags', 'teamsImplemented',
]);
/** Parses model text. Throws ModelError for files that are not a usable model. */
function parseModel(text, source) {
    const parsed = (0, yaml_2.parseYaml)(text);
    if (parsed.errors.length) {
        const e = parsed.errors[0];
        throw new ModelError(`not valid YAML: ${e.message}`, source, e.line, e.column);
    }
    // An empty document (a stray `---`) parses to a null scalar: drop it like a missing one.
    const docs = parsed.documents.filter((d) => d.contents !== null && d.contents !== undefined && !((0, yaml_2.isScalar)(d.contents) && d.contents.value === null));
    let meta = {};
    const data = [];
    for (const doc of docs) {
        const tooMany = nthAlias(doc, exports.MAX_ALIASES + 1);
        if (tooMany) {
            throw new ModelError(`more than ${exports.MAX_ALIASES} YAML aliases; DSOMM model files use none`, source, (0, yaml_2.positionOf)(tooMany, parsed.lineCounter).line);
        }
        const keys = (0, yaml_2.mapEntries)(doc, doc.contents).map((e) => e.keyText);
        if (keys.length === 1 && keys[0] === 'meta')
            meta = readMeta(doc);
        else
            data.push(doc);
    }
    if (data.length !== 1) {
        throw new ModelError(data.length === 0 ? 'no activities: the file has no dimensions document' : `expected one data document, found ${data.length}`, source);
    }
    const doc = data[0];
    if (!(0, yaml_2.isMap)(doc.contents))
        throw new ModelError('the model must be a map of dimensions', source, (0, yaml_2.positionOf)(doc.contents, parsed.lineCounter).line);
    const warnings = [];
    const activities = new Map();
    const byName = new Map();
    const rawDepends = new Map();
    const dimensions = [];
    let legacy = false;
    for (const dimEntry of (0, yaml_2.mapEntries)(doc, doc.contents)) {
        if (skipKey(dimEntry.keyText) || !(0, yaml_2.isMap)((0, yaml_2.deref)(doc, dimEntry.value)))
            continue;
        const dimension = { name: dimEntry.keyText, subdimensions: [] };
        for (const subEntry of (0, yaml_2.mapEntries)(doc, dimEntry.value)) {
            if (skipKey(subEntry.keyText) || !(0, yaml_2.isMap)((0, yaml_2.deref)(doc, subEntry.value)))
                continue;
            const sub = { name: subEntry.keyText, dimension: dimension.name, activities: [] };
            for (const actEntry of (0, yaml_2.mapEntries)(doc, subEntry.value)) {
                if (skipKey(actEntry.keyText))
                    continue;
                const node = (0, yaml_2.deref)(doc, actEntry.value);
                const line = (0, yaml_2.positionOf)(actEntry.keyNode, parsed.lineCounter).line;
                if (!(0, yaml_2.isMap)(node))
                    continue;
                const fields = new Map((0, yaml_2.mapEntries)(doc, node).map((e) => [e.keyText, e.value]));
                const ignore = (0, yaml_2.deref)(doc, fields.get('ignore'));
                if ((0, yaml_2.isScalar)(ignore) && ignore.value === true)
                    continue;
                const uuid = (0, yaml_2.scalarText)((0, yaml_2.deref)(doc, fields.get('uuid')))?.trim();
                const levelText = (0, yaml_2.scalarText)((0, yaml_2.deref)(doc, fields.get('level')));
                const level = Number(levelText);
                if (!uuid) {
                    warnings.push({ message: `activity "${actEntry.keyText}" has no uuid and was skipped`, line, activity: actEntry.keyText });
                    continue;
                }
                if (!Number.isInteger(level) || level < 1 || level > 5) {
                    warnings.push({ message: `activity "${actEntry.keyText}" has no level 1-5 (${levelText ?? 'missing'}) and was skipped`, line, activity: actEntry.keyText });
                    continue;
                }
                if (activities.has(uuid)) {
                    warnings.push({ message: `duplicate uuid ${uuid} ("${actEntry.keyText}" and "${activities.get(uuid).name}"); the later one was skipped`, line, activity: actEntry.keyText });
                    continue;
                }
                if (fields.has('teamsImplemented'))
                    legacy = true;
                const activity = {
                    uuid,
                    name: actEntry.keyText,
                    dimension: dimension.name,
                    subdimension: sub.name,
                    level,
                    description: textOf(doc, fields.get('description')),
                    risk: textOf(doc, fields.get('risk')),
                    measure: textOf(doc, fields.get('measure')),
                    assessment: textOf(doc, fields.get('assessment')),
                    implementationGuide: textOf(doc, mapGetPlain(doc, fields.get('meta'), 'implementationGuide')),
                    difficulty: readDifficulty(doc, fields.get('difficultyOfImplementation')),
                    usefulness: numberOrUndefined((0, yaml_2.scalarText)((0, yaml_2.deref)(doc, fields.get('usefulness')))),
                    tools: readTools(doc, fields.get('implementation')),
                    dependsOn: [],
                    references: readReferences(doc, fields.get('references')),
                    tags: (0, yaml_2.seqItems)(doc, fields.get('tags')).map((t) => (0, yaml_2.scalarText)(t) ?? '').filter((t) => t && t !== 'none'),
                    teamsImplemented: readTeams(doc, fields.get('teamsImplemented')),
                    extra: {},
                    line,
                };
                for (const [k, v] of fields) {
                    if (KNOWN_FIELDS.has(k))
                        continue;
                    try {
                        activity.extra[k] = toPlain(doc, v);
                    }
                    catch (e) {
                        warnings.push({ message: `"${activity.name}": field "${k}" was dropped: ${e.message}`, line, activity: activity.name });
                    }
                }
                rawDepends.set(uuid, { values: (0, yaml_2.seqItems)(doc, fields.get('dependsOn')).map((d) => (0, yaml_2.scalarText)(d) ?? '').filter(Boolean), line });
                activities.set(uuid, activity);
                if (!byName.has(activity.name))
                    byName.set(activity.name, activity);
                sub.activities.push(activity);
            }
            if (sub.activities.length)
                dimension.subdimensions.push(sub);
        }
        if (dimension.subdimensions.length)
            dimensions.push(dimension);
    }
    if (activities.size === 0) {
        // Say why when activities were there but all were skipped (e.g. none has a uuid).
        const first = warnings[0];
        throw first
            ? new ModelError(`no usable activities: ${first.message}${warnings.length > 1 ? ` (and ${warnings.length - 1} more)` : ''}`, source, first.line)
            : new ModelError('no activities found (expected dimension → sub-dimension → activity with uuid and level)', source);
    }
    for (const [uuid, { values, line }] of rawDepends) {
        const activity = activities.get(uuid);
        for (const raw of values) {
            const value = raw.trim();
            const m = UUID_RE.exec(value);
            // The exact id first (with or without a `uuid:` prefix), then a uuid inside the value, then the name.
            const target = activities.get(value.replace(/^uuid:\s*/i, '')) ||
                (m && (activities.get(m[1]) || activities.get(m[1].toLowerCase()))) ||
                byName.get(value);
            if (target) {
                if (target.uuid !== uuid && !activity.dependsOn.includes(target.uuid))
                    activity.dependsOn.push(target.uuid);
            }
            else {
                warnings.push({ message: `"${activity.name}" depends on unknown activity "${raw}"`, line, activity: activity.name });
            }
        }
    }
    for (const cycle of findCycles(activities)) {
        warnings.push({ message: `dependency cycle: ${cycle.map((u) => activities.get(u).name).join(' → ')}` });
    }
    const hasMetaDoc = docs.length > data.length;
    return { meta, source, format: hasMetaDoc || !legacy ? 'v4' : 'legacy', dimensions, activities, warnings };
}
function skipKey(key) {
    return key.startsWith('_') || key === 'ignore';
}
function readMeta(doc) {
    const meta = (0, yaml_2.mapEntries)(doc, doc.contents)[0]?.value;
    const out = {};
    for (const e of (0, yaml_2.mapEntries)(doc, meta)) {
        const v = (0, yaml_2.scalarText)((0, yaml_2.deref)(doc, e.value));
        if (v === undefined)
            continue;
        if (e.keyText === 'version' || e.keyText === 'released' || e.keyText === 'publisher')
            out[e.keyText] = v;
    }
    return out;
}
function textOf(doc, node) {
    const v = (0, yaml_2.scalarText)((0, yaml_2.deref)(doc, node));
    return v === undefined ? '' : v.trim();
}
function numberOrUndefined(v) {
    const n = Number(v);
    return v !== undefined && v !== '' && Number.isFinite(n) ? n : undefined;
}
function mapGetPlain(doc, node, key) {
    return (0, yaml_2.mapEntries)(doc, node).find((e) => e.keyText === key)?.value;
}
/** Plain JS for a field's value. Throws when the value needs too many alias expansions (billion laughs). */
function toPlain(doc, node) {
    const n = (0, yaml_2.deref)(doc, node);
    if (!(0, yaml_1.isNode)(n))
        return n ?? null;
    // Resolved within the whole document (an alias may point outside this field), with an alias budget.
    return n.toJS(doc, { maxAliasCount: 100 });
}
/** The n-th alias node of the document in file order, if there are that many. */
function nthAlias(doc, n) {
    let count = 0;
    let found;
    (0, yaml_1.visit)(doc, (_key, node) => {
        if ((0, yaml_1.isAlias)(node) && ++count >= n) {
            found = node;
            return yaml_1.visit.BREAK;
        }
        return undefined;
    });
    return found;
}
function readDifficulty(doc, node) {
    const out = {};
    for (const e of (0, yaml_2.mapEntries)(doc, node)) {
        const n = numberOrUndefined((0, yaml_2.scalarText)((0, yaml_2.deref)(doc, e.value)));
        if (n !== undefined && (e.keyText === 'knowledge' || e.keyText === 'time' || e.keyText === 'resources'))
            out[e.keyText] = n;
    }
    return out;
}
function readTools(doc, node) {
    const tools = [];
    for (const item of (0, yaml_2.seqItems)(doc, node)) {
        if (!(0, yaml_2.isMap)(item))
            continue; // the odd bogus item in old builds
        const f = new Map((0, yaml_2.mapEntries)(doc, item).map((e) => [e.keyText, (0, yaml_2.deref)(doc, e.value)]));
        const name = (0, yaml_2.scalarText)(f.get('name'));
        // A 1.5.0 build has one item that is a map of every implementation: it has no name.
        if (!name)
            continue;
        const tool = { name: name.trim(), tags: (0, yaml_2.seqItems)(doc, f.get('tags')).map((t) => (0, yaml_2.scalarText)(t) ?? '').filter(Boolean) };
        const uuid = (0, yaml_2.scalarText)(f.get('uuid'));
        const url = (0, yaml_2.scalarText)(f.get('url'));
        const description = (0, yaml_2.scalarText)(f.get('description'));
        if (uuid)
            tool.uuid = uuid;
        if (url)
            tool.url = url.trim();
        if (description)
            tool.description = description.trim();
        tools.push(tool);
    }
    return tools;
}
function readReferences(doc, node) {
    const out = {};
    for (const e of (0, yaml_2.mapEntries)(doc, node)) {
        const v = (0, yaml_2.deref)(doc, e.value);
        out[e.keyText] = (0, yaml_2.isSeq)(v) ? (0, yaml_2.seqItems)(doc, v).map((i) => ((0, yaml_2.scalarText)(i) ?? '').trim()).filter(Boolean) : [(0, yaml_2.scalarText)(v) ?? ''].filter(Boolean);
    }
    return out;
}
function readTeams(doc, node) {
    if (!(0, yaml_2.isMap)((0, yaml_2.deref)(doc, node)))
        return undefined;
    const out = {};
    for (const e of (0, yaml_2.mapEntries)(doc, node))
        out[e.keyText] = (0, yaml_2.scalarText)((0, yaml_2.deref)(doc, e.value)) === 'true';
    return out;
}
/** Each elementary cycle once (by its smallest member), so a bad model is reported, not looped on. */
function findCycles(activities) {
    const cycles = [];
    const state = new Map();
    const stack = [];
    const seen = new Set();
    const visit = (u) => {
        state.set(u, 1);
        stack.push(u);
        for (const d of activities.get(u)?.dependsOn ?? []) {
            if (state.get(d) === 1) {
                const cycle = stack.slice(stack.indexOf(d));
                const key = [...cycle].sort().join(',');
                if (!seen.has(key)) {
                    seen.add(key);
                    cycles.push([...cycle, d]);
                }
            }
            else if (!state.has(d))
                visit(d);
        }
        stack.pop();
        state.set(u, 2);
    };
    for (const u of activities.keys())
        if (!state.has(u))
            visit(u);
    return cycles;
}
//# sourceMappingURL=loader.js.map