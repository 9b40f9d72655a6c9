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
import { Document, isCollection, isScalar, isSeq, Node, Pair, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import { toDate } from './settings';
import { compareText, EmitOptions, ExtraEntry, notThisFile, orderUuids } from './progressFile';
import { canonicalJson, dateValue, deref, extraEntry, formatError, isMap, isNull, keyName, oneLine, ParsedFile, parseSingleDocument, portable, scalarString } from './yamlSupport';

/** The title that marks a "not applicable" decision. */
export const NOT_APPLICABLE_TITLE = 'Not applicable';

export interface EvidenceEntry {
  id?: string;
  teams: string[];
  title?: string;
  description?: string;
  /** Normalised `evidenceRecorded`. */
  date?: string;
  reviewer?: string;
  /** `attachment` items that carry a link (the app's `externalLink`). */
  attachments: { type?: string; url: string }[];
  /** The entry as written, for rewriting (fields we do not know survive). */
  node: YAMLMap;
  line: number;
}

export interface EvidenceActivity {
  uuid: string;
  comment?: string;
  /** In file order. */
  entries: EvidenceEntry[];
  line: number;
}

export interface EvidenceDocument {
  source: string;
  header?: string;
  activities: Map<string, EvidenceActivity>;
  extra: ExtraEntry[];
}

export const DEFAULT_EVIDENCE_HEADER =
  ' Team evidence in the format of the OWASP DSOMM web app (team-evidence.yaml). Entries titled "Not applicable" record that an activity does not apply to a team: description = reason, reviewer = who decided.';

/** A new file (it gets the default header comment when written). */
export function emptyEvidenceDocument(source: string): EvidenceDocument {
  return { source, header: DEFAULT_EVIDENCE_HEADER, activities: new Map(), extra: [] };
}

export function isNotApplicable(entry: Pick<EvidenceEntry, 'title'>): boolean {
  return (entry.title ?? '').trim().toLowerCase() === NOT_APPLICABLE_TITLE.toLowerCase();
}

export function parseEvidenceDocument(text: string, source: string): EvidenceDocument {
  const file = parseSingleDocument(text, source);
  const out: EvidenceDocument = { source, header: file.header, activities: new Map(), extra: [] };
  if (!file.doc) return out;
  const root = file.doc.contents;
  if (!isMap(root)) throw formatError(file, root, "expected a map with the key 'evidence'");
  const seen = new Set<string>();
  for (const pair of root.items) {
    const key = keyName(file, pair.key, 'a top-level key');
    if (seen.has(key)) throw formatError(file, pair.key, `the key '${key}' appears twice`);
    seen.add(key);
    if (key === 'evidence') readActivities(file, pair.value, out);
    else out.extra.push(extraEntry(file, key, pair));
  }
  if (!seen.has('evidence') && root.items.length) throw formatError(file, root, notThisFile('evidence', seen));
  return out;
}

function readActivities(file: ParsedFile, node: unknown, out: EvidenceDocument): void {
  const map = deref(file.doc!, node);
  if (isNull(map)) return;
  if (!isMap(map)) throw formatError(file, node, "'evidence' must map activity uuids to lists of entries");
  for (const pair of map.items) {
    const uuid = keyName(file, pair.key, 'an activity uuid');
    if (out.activities.has(uuid)) throw formatError(file, pair.key, `the activity ${uuid} appears twice`);
    const activity: EvidenceActivity = { uuid, entries: [], line: lineOf(file, pair.key) };
    const v = pair.value as Node | null;
    const k = pair.key as Node | null;
    const rawComment = (isCollection(v) ? v.commentBefore : undefined) ?? (isScalar(k) ? k.comment : undefined) ?? (isCollection(v) || isScalar(v) ? v.comment : undefined);
    const comment = rawComment?.split('\n').find((l) => l.trim())?.trim();
    if (comment) activity.comment = comment;
    out.activities.set(uuid, activity);
    const list = deref(file.doc!, pair.value);
    if (isNull(list)) continue;
    if (!isSeq(list)) throw formatError(file, pair.value ?? pair.key, `activity ${uuid}: expected a list of evidence entries`);
    for (const item of list.items) {
      const entry = deref(file.doc!, item);
      if (!isMap(entry)) throw formatError(file, item, `activity ${uuid}: an evidence entry must be a map (id, teams, title, description, evidenceRecorded)`);
      const kept = portable(file, entry) as YAMLMap;
      activity.entries.push({ ...viewOf(kept, file), node: kept, line: lineOf(file, item) });
    }
  }
}

function lineOf(file: ParsedFile, node: unknown): number {
  const r = (node as Node | null)?.range;
  return r ? file.lc.linePos(r[0]).line : 0;
}

type EntryView = Omit<EvidenceEntry, 'node' | 'line'>;

/** Reads the fields we know from an entry (lenient: a field of the wrong type is just not known). */
function viewOf(node: YAMLMap, file?: ParsedFile): EntryView {
  const get = (k: string) => node.items.find((p) => isScalar(p.key) && p.key.value === k)?.value;
  const str = (k: string) => scalarText(get(k));
  const teamsNode = get('teams');
  const teams = isSeq(teamsNode)
    ? teamsNode.items.map(scalarText).filter((t): t is string => t !== undefined)
    : scalarText(teamsNode) !== undefined ? [scalarText(teamsNode)!] : [];
  const view: EntryView = { teams, attachments: attachmentsOf(get('attachment')) };
  const id = str('id');
  if (id !== undefined) view.id = id;
  const title = str('title');
  if (title !== undefined) view.title = title;
  const description = str('description');
  if (description !== undefined) view.description = description;
  const reviewer = str('reviewer');
  if (reviewer !== undefined) view.reviewer = reviewer;
  const dateNode = get('evidenceRecorded');
  const date = dateNode === undefined ? undefined : dateValue(file ?? scratchFile, dateNode);
  if (date) view.date = date;
  return view;
}

/** The app writes `attachment: [{ type, externalLink }]`; a lone map or a plain URL string is read too. */
function attachmentsOf(node: unknown): { type?: string; url: string }[] {
  const items = isSeq(node) ? node.items : node === undefined ? [] : [node];
  const out: { type?: string; url: string }[] = [];
  for (const item of items) {
    if (isScalar(item)) {
      const url = scalarText(item);
      if (url?.trim()) out.push({ url: url.trim() });
      continue;
    }
    if (!isMap(item)) continue;
    const field = (k: string) => scalarText(item.items.find((p) => isScalar(p.key) && p.key.value === k)?.value);
    const url = field('externalLink') ?? field('url') ?? field('link');
    if (!url?.trim()) continue;
    const type = field('type');
    out.push({ url: url.trim(), ...(type ? { type } : {}) });
  }
  return out;
}

const scratchFile = { doc: new Document(null, { schema: 'yaml-1.1' }) } as unknown as ParsedFile;

function scalarText(node: unknown): string | undefined {
  return scalarString(scratchFile, node);
}

// ---------------------------------------------------------------------------------------------
// Edits

export interface NotApplicableInput {
  reason: string;
  by?: string;
}

export interface EvidenceInput {
  /** Given: the entry with this id is updated (created when missing). */
  id?: string;
  title: string;
  description: string;
  by?: string;
  /** A link recorded as the app's attachment (`type: link`); replaces the entry's attachments. */
  link?: string;
}

function scalar(value: unknown): Scalar {
  return new Scalar(value);
}

function teamsNode(teams: string[]): YAMLSeq {
  const s = new YAMLSeq();
  s.flow = true;
  s.items = teams.map(scalar);
  return s;
}

function setField(node: YAMLMap, key: string, value: unknown): void {
  const i = node.items.findIndex((p) => isScalar(p.key) && p.key.value === key);
  if (value === undefined) {
    if (i >= 0) node.items.splice(i, 1);
    return;
  }
  const v = isCollection(value) ? value : scalar(value);
  if (i >= 0) node.items[i].value = v;
  else node.items.push(new Pair(scalar(key), v));
}

function newEntry(id: string, teams: string[], title: string, description: string, day: string, by: string | undefined): YAMLMap {
  const node = new YAMLMap();
  setField(node, 'id', id);
  setField(node, 'teams', teamsNode(teams));
  setField(node, 'title', title);
  setField(node, 'description', description);
  setField(node, 'evidenceRecorded', toDate(day));
  if (by) setField(node, 'reviewer', by);
  return node;
}

function setLink(node: YAMLMap, link: string | undefined): void {
  if (link === undefined) return;
  if (!link.trim()) {
    setField(node, 'attachment', undefined);
    return;
  }
  const item = new YAMLMap();
  setField(item, 'type', 'link');
  setField(item, 'externalLink', link.trim());
  const list = new YAMLSeq();
  list.items = [item];
  setField(node, 'attachment', list);
}

function refresh(entry: EvidenceEntry): void {
  const view = viewOf(entry.node);
  for (const k of ['id', 'title', 'description', 'date', 'reviewer'] as const) delete entry[k];
  Object.assign(entry, view);
}

function activityFor(doc: EvidenceDocument, uuid: string, activityName: string | undefined): EvidenceActivity {
  let a = doc.activities.get(uuid);
  if (!a) {
    a = { uuid, entries: [], line: 0 };
    doc.activities.set(uuid, a);
  }
  if (activityName) a.comment = activityName;
  return a;
}

/** Takes `team` out of an entry; the entry goes when no team is left. */
function dropTeam(activity: EvidenceActivity, entry: EvidenceEntry, team: string): void {
  const rest = entry.teams.filter((t) => t !== team);
  if (rest.length === 0) activity.entries.splice(activity.entries.indexOf(entry), 1);
  else {
    setField(entry.node, 'teams', teamsNode(rest));
    refresh(entry);
  }
}

function pruneActivity(doc: EvidenceDocument, activity: EvidenceActivity, hadEntries: boolean): void {
  if (hadEntries && activity.entries.length === 0) doc.activities.delete(activity.uuid);
}

/** Records that activity `uuid` does not apply to `team`. Returns whether anything changed. */
export function applyNotApplicable(
  doc: EvidenceDocument,
  team: string,
  uuid: string,
  input: NotApplicableInput,
  activityName: string | undefined,
  day: string,
  newId: () => string,
): boolean {
  const reason = input.reason.trim();
  if (!reason) throw new RangeError('a "not applicable" decision needs a reason');
  const by = input.by?.trim() || undefined;
  const existing = doc.activities.get(uuid);
  const mine = (existing?.entries ?? []).filter((e) => isNotApplicable(e) && e.teams.includes(team));
  const own = mine.find((e) => e.teams.length === 1);
  if (own && mine.length === 1 && own.description === reason && own.reviewer === by && own.id !== undefined) return false; // the same decision: keep its date
  const activity = activityFor(doc, uuid, activityName);
  for (const e of mine) if (e !== own) dropTeam(activity, e, team);
  if (own) {
    if (own.id === undefined) setField(own.node, 'id', newId());
    setField(own.node, 'title', NOT_APPLICABLE_TITLE);
    setField(own.node, 'description', reason);
    setField(own.node, 'evidenceRecorded', toDate(day));
    setField(own.node, 'reviewer', by);
    refresh(own);
  } else {
    const node = newEntry(newId(), [team], NOT_APPLICABLE_TITLE, reason, day, by);
    activity.entries.push({ ...viewOf(node), node, line: 0 });
  }
  return true;
}

/** Withdraws `team`'s "not applicable" decision for `uuid`. Returns whether anything changed. */
export function applyClearNotApplicable(doc: EvidenceDocument, team: string, uuid: string): boolean {
  const activity = doc.activities.get(uuid);
  if (!activity) return false;
  const mine = activity.entries.filter((e) => isNotApplicable(e) && e.teams.includes(team));
  if (!mine.length) return false;
  for (const e of mine) dropTeam(activity, e, team);
  pruneActivity(doc, activity, true);
  return true;
}

/** Adds free-text evidence for `team`, or updates the entry with `input.id`. Returns its id. */
export function applyEvidence(
  doc: EvidenceDocument,
  team: string,
  uuid: string,
  input: EvidenceInput,
  activityName: string | undefined,
  day: string,
  newId: () => string,
): { changed: boolean; id: string } {
  const title = input.title.trim();
  if (!title) throw new RangeError('evidence needs a title');
  if (isNotApplicable({ title })) throw new RangeError(`the title "${NOT_APPLICABLE_TITLE}" is reserved for "not applicable" decisions`);
  const by = input.by?.trim() || undefined;
  const found = input.id === undefined ? undefined : doc.activities.get(uuid)?.entries.find((e) => e.id === input.id);
  if (found) {
    const sameLink = input.link === undefined || (input.link.trim() ? found.attachments.length === 1 && found.attachments[0].url === input.link.trim() : found.attachments.length === 0);
    if (found.title === title && found.description === input.description && found.reviewer === by && sameLink) return { changed: false, id: found.id! };
    setField(found.node, 'title', title);
    setField(found.node, 'description', input.description);
    setField(found.node, 'evidenceRecorded', toDate(day));
    setField(found.node, 'reviewer', by);
    setLink(found.node, input.link);
    refresh(found);
    if (activityName) doc.activities.get(uuid)!.comment = activityName;
    return { changed: true, id: found.id! };
  }
  const id = input.id ?? newId();
  const activity = activityFor(doc, uuid, activityName);
  const node = newEntry(id, [team], title, input.description, day, by);
  setLink(node, input.link);
  activity.entries.push({ ...viewOf(node), node, line: 0 });
  return { changed: true, id };
}

/** Removes `team` from the evidence entry `id` (the entry goes when no other team shares it). */
export function applyRemoveEvidence(doc: EvidenceDocument, team: string, uuid: string, id: string): boolean {
  const activity = doc.activities.get(uuid);
  const entry = activity?.entries.find((e) => e.id === id);
  if (!activity || !entry) return false;
  if (entry.teams.includes(team) && entry.teams.length > 1) dropTeam(activity, entry, team);
  else activity.entries.splice(activity.entries.indexOf(entry), 1);
  pruneActivity(doc, activity, true);
  return true;
}

// ---------------------------------------------------------------------------------------------
// Writing

export function emitEvidenceDocument(doc: EvidenceDocument, options: Pick<EmitOptions, 'names'>): string {
  const d = new Document(null, { schema: 'yaml-1.1' });
  if (doc.header !== undefined) d.commentBefore = doc.header;
  const root = new YAMLMap();
  const evidence = new YAMLMap();
  for (const uuid of orderUuids(doc.activities.keys(), options.names)) {
    const a = doc.activities.get(uuid)!;
    const key = scalar(uuid);
    const name = oneLine(options.names?.get(uuid) ?? a.comment ?? '');
    if (name) key.comment = ` ${name}`;
    const list = new YAMLSeq();
    if (!a.entries.length) list.flow = true;
    list.items = a.entries.map((e) => e.node);
    evidence.items.push(new Pair(key, list));
  }
  if (!evidence.items.length) evidence.flow = true;
  root.items.push(new Pair(scalar('evidence'), evidence));
  for (const e of doc.extra) root.items.push(new Pair(e.keyNode, e.value));
  d.contents = root;
  return d.toString({ lineWidth: 0, flowCollectionPadding: false });
}

/** Everything an evidence file means, as one comparable text. */
export function evidenceSnapshot(doc: EvidenceDocument): string {
  const scratch = new Document(null, { schema: 'yaml-1.1' });
  const activities = [...doc.activities.keys()].sort(compareText).map((uuid) => [uuid, doc.activities.get(uuid)!.entries.map((e) => e.node.toJS(scratch) as unknown)]);
  const extra = doc.extra.map((e) => [e.key, isScalar(e.value) || isCollection(e.value) ? ((e.value as Node).toJS(scratch) as unknown) : e.value]);
  return canonicalJson({ activities, extra });
}
