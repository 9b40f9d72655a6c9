"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.DEFAULT_EVIDENCE_HEADER = exports.NOT_APPLICABLE_TITLE = void 0;
exports.emptyEvidenceDocument = emptyEvidenceDocument;
exports.isNotApplicable = isNotApplicable;
exports.parseEvidenceDocument = parseEvidenceDocument;
exports.applyNotApplicable = applyNotApplicable;
exports.applyClearNotApplicable = applyClearNotApplicable;
exports.applyEvidence = applyEvidence;
exports.applyRemoveEvidence = applyRemoveEvidence;
exports.emitEvidenceDocument = emitEvidenceDocument;
exports.evidenceSnapshot = evidenceSnapshot;
// The companion file: `team-evidence.yaml` of the DSOMM web app (≥ v4.4.1), which also carries
// our "not applicable" decisions (DSOMM has no such state, so they cannot go in the progress file
// without breaking the web app's import). Exact shape written:
//
//   evidence:
//     <activity uuid>: # <activity name>
//       - id: <uuid>                       # stable id; entries are found and replaced by id
//         teams: [<team>]                  # flow list of team names
//         title: Not applicable            # exactly this title marks a "not applicable" decision
//         description: <reason>            # free text (Markdown in the web app); block scalar if multi-line
//         evidenceRecorded: YYYY-MM-DD     # unquoted date: when it was decided / recorded
//         reviewer: <who>                  # optional: who decided
//       - id: <uuid>                       # free-text evidence: the same fields with any other title
//         teams: [<team>]
//         title: <title>
//         description: <text>
//         evidenceRecorded: YYYY-MM-DD
//         reviewer: <who>                  # optional
//         attachment: [...]                # web app field, kept as it is (as are fields we do not know)
//
// A decision belongs to the teams listed in `teams`. Setting ours replaces our own decision
// (an entry listing only our team is updated in place); an entry shared with other teams loses
// just our team. Entries, teams and fields that are not ours are kept, in file order.
const yaml_1 = require("yaml");
const settings_1 = require("./settings");
const progressFile_1 = require("./progressFile");
const yamlSupport_1 = require("./yamlSupport");
/** The title that marks a "not applicable" decision. */
exports.NOT_APPLICABLE_TITLE = 'Not applicable';
exports.DEFAULT_EVIDENCE_HEADER = ' Team evidence in the format of the OWASP DSOMM web app (team-evidence.yaml). Entries titled "Not applicable" record that an activity does not apply to a team: description = reason, reviewer = who decided.';
/** A new file (it gets the default header comment when written). */
function emptyEvidenceDocument(source) {
    return { source, header: exports.DEFAULT_EVIDENCE_HEADER, activities: new Map(), extra: [] };
}
function isNotApplicable(entry) {
    return (entry.title ?? '').trim().toLowerCase() === exports.NOT_APPLICABLE_TITLE.toLowerCase();
}
function parseEvidenceDocument(text, source) {
    const file = (0, yamlSupport_1.parseSingleDocument)(text, source);
    const out = { source, header: file.header, activities: new Map(), extra: [] };
    if (!file.doc)
        return out;
    const root = file.doc.contents;
    if (!(0, yamlSupport_1.isMap)(root))
        throw (0, yamlSupport_1.formatError)(file, root, "expected a map with the key 'evidence'");
    const seen = new Set();
    for (const pair of root.items) {
        const key = (0, yamlSupport_1.keyName)(file, pair.key, 'a top-level key');
        if (seen.has(key))
            throw (0, yamlSupport_1.formatError)(file, pair.key, `the key '${key}' appears twice`);
        seen.add(key);
        if (key === 'evidence')
            readActivities(file, pair.value, out);
        else
            out.extra.push((0, yamlSupport_1.extraEntry)(file, key, pair));
    }
    if (!seen.has('evidence') && root.items.length)
        throw (0, yamlSupport_1.formatError)(file, root, (0, progressFile_1.notThisFile)('evidence', seen));
    return out;
}
function readActivities(file, node, out) {
    const map = (0, yamlSupport_1.deref)(file.doc, node);
    if ((0, yamlSupport_1.isNull)(map))
        return;
    if (!(0, yamlSupport_1.isMap)(map))
        throw (0, yamlSupport_1.formatError)(file, node, "'evidence' must map activity uuids to lists of entries");
    for (const pair of map.items) {
        const uuid = (0, yamlSupport_1.keyName)(file, pair.key, 'an activity uuid');
        if (out.activities.has(uuid))
            throw (0, yamlSupport_1.formatError)(file, pair.key, `the activity ${uuid} appears twice`);
        const activity = { uuid, entries: [], line: lineOf(file, pair.key) };
        const v = pair.value;
        const k = pair.key;
        const rawComment = ((0, yaml_1.isCollection)(v) ? v.commentBefore : undefined) ?? ((0, yaml_1.isScalar)(k) ? k.comment : undefined) ?? ((0, yaml_1.isCollection)(v) || (0, yaml_1.isScalar)(v) ? v.comment : undefined);
        const comment = rawComment?.split('\n').find((l) => l.trim())?.trim();
        if (comment)
            activity.comment = comment;
        out.activities.set(uuid, activity);
        const list = (0, yamlSupport_1.deref)(file.doc, pair.value);
        if ((0, yamlSupport_1.isNull)(list))
            continue;
        if (!(0, yaml_1.isSeq)(list))
            throw (0, yamlSupport_1.formatError)(file, pair.value ?? pair.key, `activity ${uuid}: expected a list of evidence entries`);
        for (const item of list.items) {
            const entry = (0, yamlSupport_1.deref)(file.doc, item);
            if (!(0, yamlSupport_1.isMap)(entry))
                throw (0, yamlSupport_1.formatError)(file, item, `activity ${uuid}: an evidence entry must be a map (id, teams, title, description, evidenceRecorded)`);
            const kept = (0, yamlSupport_1.portable)(file, entry);
            activity.entries.push({ ...viewOf(kept, file), node: kept, line: lineOf(file, item) });
        }
    }
}
function lineOf(file, node) {
    const r = node?.range;
    return r ? file.lc.linePos(r[0]).line : 0;
}
/** Reads the fields we know from an entry (lenient: a field of the wrong type is just not known). */
function viewOf(node, file) {
    const get = (k) => node.items.find((p) => (0, yaml_1.isScalar)(p.key) && p.key.value === k)?.value;
    const str = (k) => scalarText(get(k));
    const teamsNode = get('teams');
    const teams = (0, yaml_1.isSeq)(teamsNode)
        ? teamsNode.items.map(scalarText).filter((t) => t !== undefined)
        : scalarText(teamsNode) !== undefined ? [scalarText(teamsNode)] : [];
    const view = { teams, attachments: attachmentsOf(get('attachment')) };
    const id = str('id');
    if (id !== undefined)
        view.id = id;
    const title = str('title');
    if (title !== undefined)
        view.title = title;
    const description = str('description');
    if (description !== undefined)
        view.description = description;
    const reviewer = str('reviewer');
    if (reviewer !== undefined)
        view.reviewer = reviewer;
    const dateNode = get('evidenceRecorded');
    const date = dateNode === undefined ? undefined : (0, yamlSupport_1.dateValue)(file ?? scratchFile, dateNode);
    if (date)
        view.date = date;
    return view;
}
/** The app writes `attachment: [{ type, externalLink }]`; a lone map or a plain URL string is read too. */
function attachmentsOf(node) {
    const items = (0, yaml_1.isSeq)(node) ? node.items : node === undefined ? [] : [node];
    const out = [];
    for (const item of items) {
        if ((0, yaml_1.isScalar)(item)) {
            const url = scalarText(item);
            if (url?.trim())
                out.push({ url: url.trim() });
            continue;
        }
        if (!(0, yamlSupport_1.isMap)(item))
            continue;
        const field = (k) => scalarText(item.items.find((p) => (0, yaml_1.isScalar)(p.key) && p.key.value === k)?.value);
        const url = field('externalLink') ?? field('url') ?? field('link');
        if (!url?.trim())
            continue;
        const type = field('type');
        out.push({ url: url.trim(), ...(type ? { type } : {}) });
    }
    return out;
}
const scratchFile = { doc: new yaml_1.Document(null, { schema: 'yaml-1.1' }) };
function scalarText(node) {
    return (0, yamlSupport_1.scalarString)(scratchFile, node);
}
function scalar(value) {
    return new yaml_1.Scalar(value);
}
function teamsNode(teams) {
    const s = new yaml_1.YAMLSeq();
    s.flow = true;
    s.items = teams.map(scalar);
    return s;
}
function setField(node, key, value) {
    const i = node.items.findIndex((p) => (0, yaml_1.isScalar)(p.key) && p.key.value === key);
    if (value === undefined) {
        if (i >= 0)
            node.items.splice(i, 1);
        return;
    }
    const v = (0, yaml_1.isCollection)(value) ? value : scalar(value);
    if (i >= 0)
        node.items[i].value = v;
    else
        node.items.push(new yaml_1.Pair(scalar(key), v));
}
function newEntry(id, teams, title, description, day, by) {
    const node = new yaml_1.YAMLMap();
    setField(node, 'id', id);
    setField(node, 'teams', teamsNode(teams));
    setField(node, 'title', title);
    setField(node, 'description', description);
    setField(node, 'evidenceRecorded', (0, settings_1.toDate)(day));
    if (by)
        setField(node, 'reviewer', by);
    return node;
}
function setLink(node, link) {
    if (link === undefined)
        return;
    if (!link.trim()) {
        setField(node, 'attachment', undefined);
        return;
    }
    const item = new yaml_1.YAMLMap();
    setField(item, 'type', 'link');
    setField(item, 'externalLink', link.trim());
    const list = new yaml_1.YAMLSeq();
    list.items = [item];
    setField(node, 'attachment', list);
}
function refresh(entry) {
    const view = viewOf(entry.node);
    for (const k of ['id', 'title', 'description', 'date', 'reviewer'])
        delete entry[k];
    Object.assign(entry, view);
}
function activityFor(doc, uuid, activityName) {
    let a = doc.activities.get(uuid);
    if (!a) {
        a = { uuid, entries: [], line: 0 };
        doc.activities.set(uuid, a);
    }
    if (activityName)
        a.comment = activityName;
    return a;
}
/** Takes `team` out of an entry; the entry goes when no team is left. */
function dropTeam(activity, entry, team) {
    const rest = entry.teams.filter((t) => t !== team);
    if (rest.length === 0)
        activity.entries.splice(activity.entries.indexOf(entry), 1);
    else {
        setField(entry.node, 'teams', teamsNode(rest));
        refresh(entry);
    }
}
function pruneActivity(doc, activity, hadEntries) {
    if (hadEntries && activity.entries.length === 0)
        doc.activities.delete(activity.uuid);
}
/** Records that activity `uuid` does not apply to `team`. Returns whether anything changed. */
function applyNotApplicable(doc, team, uuid, input, activityName, day, newId) {
    const reason = input.reason.trim();
    if (!reason)
        throw new RangeError('a "not applicable" decision needs a reason');
    const by = input.by?.trim() || undefined;
    const existing = doc.activities.get(uuid);
    const mine = (existing?.entries ?? []).filter((e) => isNotApplicable(e) && e.teams.includes(team));
    const own = mine.find((e) => e.teams.length === 1);
    if (own && mine.length === 1 && own.description === reason && own.reviewer === by && own.id !== undefined)
        return false; // the same decision: keep its date
    const activity = activityFor(doc, uuid, activityName);
    for (const e of mine)
        if (e !== own)
            dropTeam(activity, e, team);
    if (own) {
        if (own.id === undefined)
            setField(own.node, 'id', newId());
        setField(own.node, 'title', exports.NOT_APPLICABLE_TITLE);
        setField(own.node, 'description', reason);
        setField(own.node, 'evidenceRecorded', (0, settings_1.toDate)(day));
        setField(own.node, 'reviewer', by);
        refresh(own);
    }
    else {
        const node = newEntry(newId(), [team], exports.NOT_APPLICABLE_TITLE, reason, day, by);
        activity.entries.push({ ...viewOf(node), node, line: 0 });
    }
    return true;
}
/** Withdraws `team`'s "not applicable" decision for `uuid`. Returns whether anything changed. */
function applyClearNotApplicable(doc, team, uuid) {
    const activity = doc.activities.get(uuid);
    if (!activity)
        return false;
    const mine = activity.entries.filter((e) => isNotApplicable(e) && e.teams.includes(team));
    if (!mine.length)
        return false;
    for (const e of mine)
        dropTeam(activity, e, team);
    pruneActivity(doc, activity, true);
    return true;
}
/** Adds free-text evidence for `team`, or updates the entry with `input.id`. Returns its id. */
function applyEvidence(doc, team, uuid, input, activityName, day, newId) {
    const title = input.title.trim();
    if (!title)
        throw new RangeError('evidence needs a title');
    if (isNotApplicable({ title }))
        throw new RangeError(`the title "${exports.NOT_APPLICABLE_TITLE}" is reserved for "not applicable" decisions`);
    const by = input.by?.trim() || undefined;
    const found = input.id === undefined ? undefined : doc.activities.get(uuid)?.entries.find((e) => e.id === input.id);
    if (found) {
        const sameLink = input.link === undefined || (input.link.trim() ? found.attachments.length === 1 && found.attachments[0].url === input.link.trim() : found.attachments.length === 0);
        if (found.title === title && found.description === input.description && found.reviewer === by && sameLink)
            return { changed: false, id: found.id };
        setField(found.node, 'title', title);
        setField(found.node, 'description', input.description);
        setField(found.node, 'evidenceRecorded', (0, settings_1.toDate)(day));
        setField(found.node, 'reviewer', by);
        setLink(found.node, input.link);
        refresh(found);
        if (activityName)
            doc.activities.get(uuid).comment = activityName;
        return { changed: true, id: found.id };
    }
    const id = input.id ?? newId();
    const activity = activityFor(doc, uuid, activityName);
    const node = newEntry(id, [team], title, input.description, day, by);
    setLink(node, input.link);
    activity.entries.push({ ...viewOf(node), node, line: 0 });
    return { changed: true, id };
}
/** Removes `team` from the evidence entry `id` (the entry goes when no other team shares it). */
function applyRemoveEvidence(doc, team, uuid, id) {
    const activity = doc.activities.get(uuid);
    const entry = activity?.entries.find((e) => e.id === id);
    if (!activity || !entry)
        return false;
    if (entry.teams.includes(team) && entry.teams.length > 1)
        dropTeam(activity, entry, team);
    else
        activity.entries.splice(activity.entries.indexOf(entry), 1);
    pruneActivity(doc, activity, true);
    return true;
}
// ---------------------------------------------------------------------------------------------
// Writing
function emitEvidenceDocument(doc, options) {
    const d = new yaml_1.Document(null, { schema: 'yaml-1.1' });
    if (doc.header !== undefined)
        d.commentBefore = doc.header;
    const root = new yaml_1.YAMLMap();
    const evidence = new yaml_1.YAMLMap();
    for (const uuid of (0, progressFile_1.orderUuids)(doc.activities.keys(), options.names)) {
        const a = doc.activities.get(uuid);
        const key = scalar(uuid);
        const name = (0, yamlSupport_1.oneLine)(options.names?.get(uuid) ?? a.comment ?? '');
        if (name)
            key.comment = ` ${name}`;
        const list = new yaml_1.YAMLSeq();
        if (!a.entries.length)
            list.flow = true;
        list.items = a.entries.map((e) => e.node);
        evidence.items.push(new yaml_1.Pair(key, list));
    }
    if (!evidence.items.length)
        evidence.flow = true;
    root.items.push(new yaml_1.Pair(scalar('evidence'), evidence));
    for (const e of doc.extra)
        root.items.push(new yaml_1.Pair(e.keyNode, e.value));
    d.contents = root;
    return d.toString({ lineWidth: 0, flowCollectionPadding: false });
}
/** Everything an evidence file means, as one comparable text. */
function evidenceSnapshot(doc) {
    const scratch = new yaml_1.Document(null, { schema: 'yaml-1.1' });
    const activities = [...doc.activities.keys()].sort(progressFile_1.compareText).map((uuid) => [uuid, doc.activities.get(uuid).entries.map((e) => e.node.toJS(scratch))]);
    const extra = doc.extra.map((e) => [e.key, (0, yaml_1.isScalar)(e.value) || (0, yaml_1.isCollection)(e.value) ? e.value.toJS(scratch) : e.value]);
    return (0, yamlSupport_1.canonicalJson)({ activities, extra });
}
//# sourceMappingURL=evidenceFile.js.map