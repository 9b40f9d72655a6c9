"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.DEFAULT_PROGRESS_HEADER = void 0;
exports.emptyProgressDocument = emptyProgressDocument;
exports.parseProgressDocument = parseProgressDocument;
exports.notThisFile = notThisFile;
exports.compareText = compareText;
exports.orderUuids = orderUuids;
exports.orderStates = orderStates;
exports.emitProgressDocument = emitProgressDocument;
exports.progressSnapshot = progressSnapshot;
exports.applyState = applyState;
// `team-progress.yaml` of the DSOMM web app (v4): reading, the one edit we make, and writing.
//
//   progress:
//     <activity uuid>: # <activity name>
//       <team>:
//         <state>: YYYY-MM-DD        # unquoted: YAML 1.1 reads it as a date, as the app needs
//
// Reading is strict about the shape (a file we do not understand is never rewritten) and lenient
// about content: quoted dates are read, and activities, teams and states that are not ours or
// not configured are kept. Writing is canonical so git diffs stay small: activities in model
// order (uuid order without a model), teams sorted, states by score (unknown ones after, by
// date); the file's top comment and top-level keys other than `progress` are kept, other
// comments are not (the `# name` comments are regenerated).
const yaml_1 = require("yaml");
const yaml_2 = require("../yaml");
const settings_1 = require("./settings");
const yamlSupport_1 = require("./yamlSupport");
exports.DEFAULT_PROGRESS_HEADER = ' Team progress in the format of the OWASP DSOMM web app (v4): activity uuid → team → state → date.';
/** A new file (it gets the default header comment when written). */
function emptyProgressDocument(source) {
    return { source, header: exports.DEFAULT_PROGRESS_HEADER, activities: new Map(), extra: [] };
}
/** Parses a team-progress.yaml text. Throws ProgressFileError (with the line) when it is not one. */
function parseProgressDocument(text, source) {
    const file = (0, yamlSupport_1.parseSingleDocument)(text, source);
    const out = { source, header: file.header, activities: new Map(), extra: [] };
    if (!file.doc)
        return out;
    const root = file.doc.contents;
    if (!(0, yamlSupport_1.isMap)(root))
        throw (0, yamlSupport_1.formatError)(file, root, "expected a map with the key 'progress'");
    const seen = new Set();
    for (const pair of root.items) {
        const key = (0, yamlSupport_1.keyName)(file, pair.key, 'a top-level key');
        if (seen.has(key))
            throw (0, yamlSupport_1.formatError)(file, pair.key, `the key '${key}' appears twice`);
        seen.add(key);
        if (key === 'progress')
            readActivities(file, pair.value, out);
        else
            out.extra.push((0, yamlSupport_1.extraEntry)(file, key, pair));
    }
    // Some other YAML file named as the progress file: rewriting it would add a 'progress' key to it.
    if (!seen.has('progress') && root.items.length)
        throw (0, yamlSupport_1.formatError)(file, root, notThisFile('progress', seen));
    return out;
}
/** "not a DSOMM … file" with the keys it has, for a map without the file's own top-level key. */
function notThisFile(key, keys) {
    const list = [...keys];
    const shown = list.slice(0, 5).map((k) => `'${(0, yamlSupport_1.oneLine)(k).slice(0, 60)}'`).join(', ') + (list.length > 5 ? ', …' : '');
    const what = key === 'progress' ? 'team progress file' : 'team evidence file';
    return `not a DSOMM ${what}: it has no '${key}' key (its top-level keys: ${shown})`;
}
function readActivities(file, node, out) {
    const map = (0, yamlSupport_1.deref)(file.doc, node);
    if ((0, yamlSupport_1.isNull)(map))
        return;
    if (!(0, yamlSupport_1.isMap)(map))
        throw (0, yamlSupport_1.formatError)(file, node, "'progress' must map activity uuids to teams");
    for (const pair of map.items) {
        const uuid = (0, yamlSupport_1.keyName)(file, pair.key, 'an activity uuid');
        if (out.activities.has(uuid))
            throw (0, yamlSupport_1.formatError)(file, pair.key, `the activity ${uuid} appears twice`);
        const activity = { uuid, teams: new Map(), line: file.lc.linePos(pair.key.range?.[0] ?? 0).line };
        const comment = commentOf(pair);
        if (comment)
            activity.comment = comment;
        out.activities.set(uuid, activity);
        const teams = (0, yamlSupport_1.deref)(file.doc, pair.value);
        if ((0, yamlSupport_1.isNull)(teams))
            continue;
        if (!(0, yamlSupport_1.isMap)(teams))
            throw (0, yamlSupport_1.formatError)(file, pair.value ?? pair.key, `activity ${uuid}: expected team names with their states`);
        for (const tp of teams.items) {
            const team = (0, yamlSupport_1.keyName)(file, tp.key, 'a team name');
            if (activity.teams.has(team))
                throw (0, yamlSupport_1.formatError)(file, tp.key, `activity ${uuid}: team '${team}' appears twice`);
            const states = new Map();
            activity.teams.set(team, states);
            const sm = (0, yamlSupport_1.deref)(file.doc, tp.value);
            if ((0, yamlSupport_1.isNull)(sm))
                continue;
            if (!(0, yamlSupport_1.isMap)(sm))
                throw (0, yamlSupport_1.formatError)(file, tp.value ?? tp.key, `activity ${uuid}, team '${team}': expected progress states with dates (Started: 2025-10-01)`);
            for (const sp of sm.items) {
                const state = (0, yamlSupport_1.keyName)(file, sp.key, 'a progress state');
                if (states.has(state))
                    throw (0, yamlSupport_1.formatError)(file, sp.key, `activity ${uuid}, team '${team}': state '${state}' appears twice`);
                const date = (0, yamlSupport_1.dateValue)(file, sp.value);
                if (!date) {
                    const shown = (0, yaml_1.isScalar)(sp.value) && sp.value.value !== null ? `"${sp.value.source ?? (0, yaml_2.primitiveText)(sp.value.value)}"` : 'the value';
                    throw (0, yamlSupport_1.formatError)(file, (0, yamlSupport_1.isNull)(sp.value) ? sp.key : sp.value, `activity ${uuid}, team '${team}', state '${state}': ${shown} is not a date (YYYY-MM-DD)`);
                }
                states.set(state, date);
            }
        }
    }
}
/** `uuid:  # name` puts the comment before the value's first entry (or after a flow value). */
function commentOf(pair) {
    const v = pair.value;
    const k = pair.key;
    const raw = ((0, yaml_1.isCollection)(v) ? v.commentBefore : undefined) ?? ((0, yaml_1.isScalar)(k) ? k.comment : undefined) ?? (v && ((0, yaml_1.isCollection)(v) || (0, yaml_1.isScalar)(v)) ? v.comment : undefined);
    if (!raw)
        return undefined;
    const first = raw.split('\n').find((l) => l.trim() !== '');
    return first ? first.trim() : undefined;
}
function compareText(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}
/** Model order for the uuids the name map knows, then the others by uuid; without a map, by uuid. */
function orderUuids(uuids, names) {
    const rank = new Map();
    if (names) {
        let i = 0;
        for (const k of names.keys())
            rank.set(k, i++);
    }
    return [...uuids].sort((a, b) => {
        const ra = rank.get(a);
        const rb = rank.get(b);
        if (ra !== undefined && rb !== undefined)
            return ra - rb;
        if (ra !== undefined)
            return -1;
        if (rb !== undefined)
            return 1;
        return compareText(a, b);
    });
}
/** Configured states by score, then states we do not know by date and name. */
function orderStates(states, known) {
    const score = new Map(known.map((s) => [s.name, s.score]));
    return [...states].sort(([na, da], [nb, db]) => {
        const sa = score.get(na);
        const sb = score.get(nb);
        if (sa !== undefined && sb !== undefined)
            return sa - sb;
        if (sa !== undefined)
            return -1;
        if (sb !== undefined)
            return 1;
        return compareText(da, db) || compareText(na, nb);
    });
}
function emitProgressDocument(doc, options) {
    const states = (0, settings_1.sortStates)(options.states);
    const lines = (0, yamlSupport_1.headerLines)(doc.header);
    lines.push('progress:');
    for (const uuid of orderUuids(doc.activities.keys(), options.names)) {
        const activity = doc.activities.get(uuid);
        const name = (0, yamlSupport_1.oneLine)(options.names?.get(uuid) ?? activity.comment ?? '');
        const comment = name ? ` # ${name}` : '';
        if (activity.teams.size === 0) {
            lines.push(...(0, yamlSupport_1.pairLines)('  ', uuid, ` {}${comment}`));
            continue;
        }
        lines.push(...(0, yamlSupport_1.pairLines)('  ', uuid, comment));
        for (const team of [...activity.teams.keys()].sort(compareText)) {
            const teamStates = activity.teams.get(team);
            if (teamStates.size === 0) {
                lines.push(...(0, yamlSupport_1.pairLines)('    ', team, ' {}'));
                continue;
            }
            lines.push(...(0, yamlSupport_1.pairLines)('    ', team, ''));
            for (const [state, date] of orderStates(teamStates, states))
                lines.push(...(0, yamlSupport_1.pairLines)('      ', state, ` ${date}`));
        }
    }
    let text = lines.join('\n') + '\n';
    if (doc.extra.length) {
        const d = new yaml_1.Document(null, { schema: 'yaml-1.1' });
        const map = new yaml_1.YAMLMap();
        for (const e of doc.extra)
            map.items.push(new yaml_1.Pair(e.keyNode, e.value));
        d.contents = map;
        text += d.toString({ lineWidth: 0 });
    }
    return text;
}
/** Everything a progress file means, as one comparable text (order-independent where YAML is). */
function progressSnapshot(doc) {
    const activities = [...doc.activities.keys()].sort(compareText).map((uuid) => {
        const a = doc.activities.get(uuid);
        const teams = [...a.teams.keys()].sort(compareText).map((t) => [t, [...a.teams.get(t)].sort(([x], [y]) => compareText(x, y))]);
        return [uuid, teams];
    });
    const scratch = new yaml_1.Document(null, { schema: 'yaml-1.1' });
    const extra = doc.extra.map((e) => [e.key, toJs(e.value, scratch)]);
    return (0, yamlSupport_1.canonicalJson)({ activities, extra });
}
function toJs(node, scratch) {
    if ((0, yaml_1.isScalar)(node) || (0, yaml_1.isCollection)(node))
        return node.toJS(scratch);
    return node;
}
// ---------------------------------------------------------------------------------------------
// The one edit: a team's state for one activity.
/**
 * Sets `team`'s state of activity `uuid` to `state` (undefined or the 0 % state: no progress).
 * Like the web app: every configured state from the first non-zero one up to `state` gets a
 * date (existing dates kept, missing ones `day`), dates never decrease upwards (a later date
 * below is moved down to the one above it), higher configured states and the 0 % state are
 * removed. States we do not know and other teams are not touched. Returns whether anything changed.
 */
function applyState(doc, settings, uuid, state, activityName, day) {
    const states = (0, settings_1.sortStates)(settings.states);
    const target = state === undefined ? undefined : states.find((s) => s.name === state);
    if (state !== undefined && !target)
        throw new RangeError(`unknown progress state "${state}" (known: ${states.map((s) => s.name).join(', ')})`);
    const team = settings.team;
    const activity = doc.activities.get(uuid);
    const before = activity?.teams.get(team);
    const next = new Map(before ?? []);
    const known = new Set(states.map((s) => s.name));
    if (!target || target.score === 0) {
        for (const s of known)
            next.delete(s);
    }
    else {
        const upTo = states.filter((s) => s.score > 0 && s.score <= target.score);
        for (const s of states)
            if (s.score === 0 || s.score > target.score)
                next.delete(s.name); // the 0 % state is never written
        const dates = upTo.map((s) => next.get(s.name) ?? day);
        for (let i = dates.length - 2; i >= 0; i--)
            if (dates[i] > dates[i + 1])
                dates[i] = dates[i + 1];
        upTo.forEach((s, i) => next.set(s.name, dates[i]));
    }
    const changed = (0, yamlSupport_1.canonicalJson)([...(before ?? [])].sort()) !== (0, yamlSupport_1.canonicalJson)([...next].sort());
    if (!changed)
        return false; // the `# name` comment alone is not worth a write
    if (next.size === 0) {
        activity.teams.delete(team);
        if (activity.teams.size === 0)
            doc.activities.delete(uuid);
        return true;
    }
    const entry = activity ?? { uuid, teams: new Map(), line: 0 };
    if (!activity)
        doc.activities.set(uuid, entry);
    if (activityName)
        entry.comment = activityName;
    entry.teams.set(team, next);
    return true;
}
//# sourceMappingURL=progressFile.js.map