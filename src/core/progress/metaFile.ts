// The DSOMM web app's own configuration, kept in the repository next to the team's files:
// `.dsomm/meta.yaml` in the app's format (v4). What we read from it:
//
//   teamProgressFile: team-progress.yaml      # relative to meta.yaml, inside its folder
//   teamEvidenceFile: team-evidence.yaml
//   progressDefinition:                       # state name → score ("20%" or a fraction 0–1)
//     Not implemented: { score: 0%, definition: … }
//     Started: { score: 20%, definition: … }
//   teams: [Team A, Team B]                   # or { $ref: 'teams.yaml#/teams' }
//   teamGroups: { Backend: [Team A] }         # or { $ref: 'teams.yaml#/teamGroups' }
//
// Without a meta.yaml, a `teams.yaml` in the same folder (the app's "Download team setup") gives
// the teams. Every other key of the file is the app's business and is never rewritten here.
import { Document, isMap, isScalar, isSeq, Pair, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import { decodeText, dirname, FileSystem, isRefused, joinPath, resolvePath, WritableFileSystem } from '../fs';
import { ProgressFileError, ProgressState, ProgressSettingsError, sortStates, validateStates } from './settings';
import { checkTeamFilePath, isNotFound } from './store';
import { formatError, oneLine, ParsedFile, parseSingleDocument } from './yamlSupport';
import { primitiveText } from '../yaml';

export const META_FILE_NAME = 'meta.yaml';
/** meta.yaml and teams.yaml are a few KiB; anything this large is not one. */
const MAX_CONFIG_FILE = 1024 * 1024;
export const TEAMS_FILE_NAME = 'teams.yaml';

/** A progress state as meta.yaml defines it. */
export interface DefinedState extends ProgressState {
  definition?: string;
}

export interface DsommConfig {
  /** Workspace-relative path of the file the teams came from (meta.yaml or teams.yaml). */
  source: string;
  /** Undefined when the file names no teams. */
  teams?: string[];
  teamGroups?: Record<string, string[]>;
  /** Undefined when the file has no progressDefinition. */
  states?: DefinedState[];
  /** Workspace-relative paths of the team's files, when meta.yaml names them. */
  progressFile?: string;
  evidenceFile?: string;
}

/** meta.yaml next to the progress file setting's folder: `.dsomm/meta.yaml` by default. */
export function metaPathFor(progressFile: string): string {
  return joinPath(dirname(progressFile), META_FILE_NAME);
}

/**
 * Reads `metaPath` (or `teams.yaml` beside it when there is no meta.yaml). Undefined when neither
 * exists. Throws ProgressFileError for a file that cannot be used (with the line).
 */
export async function readDsommConfig(fs: FileSystem, metaPath: string): Promise<DsommConfig | undefined> {
  const meta = await readOptional(fs, metaPath);
  if (meta !== undefined) return parseDsommConfig(meta, metaPath, (ref) => readOptional(fs, ref));
  const teamsPath = joinPath(dirname(metaPath), TEAMS_FILE_NAME);
  const teams = await readOptional(fs, teamsPath);
  if (teams === undefined) return undefined;
  const file = parseSingleDocument(teams, teamsPath);
  const root = file.doc?.contents;
  if (!isMap(root)) throw formatError(file, root, "expected a map with the key 'teams'");
  return { source: teamsPath, ...teamsOf(file, root.get('teams', true), root.get('teamGroups', true)) };
}

async function readOptional(fs: FileSystem, path: string): Promise<string | undefined> {
  await checkTeamFilePath(fs, path);
  let bytes: Uint8Array;
  try {
    bytes = await fs.readFile(path, { maxBytes: MAX_CONFIG_FILE });
  } catch (e) {
    if (isNotFound(e)) return undefined;
    throw new ProgressFileError(path, `cannot read: ${(e as Error).message}`, isRefused(e) ? 'refused' : 'io');
  }
  const d = decodeText(bytes);
  if ('error' in d) throw new ProgressFileError(path, d.error, 'encoding', 1, 1);
  return d.text;
}

/**
 * Parses a meta.yaml text. `$ref`s (`file#/path`) are read with `readRef` (a path next to the
 * meta file; references that leave its folder are refused, as the app refuses them).
 */
export async function parseDsommConfig(text: string, source: string, readRef: (path: string) => Promise<string | undefined>): Promise<DsommConfig> {
  const file = parseSingleDocument(text, source);
  const out: DsommConfig = { source };
  const root = file.doc?.contents;
  if (root === undefined) return out;
  if (!isMap(root)) throw formatError(file, root, 'expected the map of a DSOMM meta.yaml (teams, progressDefinition, teamProgressFile, …)');
  const dir = dirname(source);
  const inside = (node: unknown, key: string): string | undefined => {
    if (node === undefined || node === null) return undefined;
    const rel = isScalar(node) && typeof node.value === 'string' ? node.value.trim() : undefined;
    if (!rel) throw formatError(file, node, `'${key}' must be a file name`);
    const resolved = resolvePath(dir, rel);
    if (resolved === undefined || rel.startsWith('/') || (dir && !resolved.startsWith(`${dir}/`)) || /[\r\n]/.test(rel)) {
      throw formatError(file, node, `'${key}' must name a file inside the folder of ${source} (got "${oneLine(rel)}")`);
    }
    return resolved;
  };
  const progressFile = inside(root.get('teamProgressFile', true), 'teamProgressFile');
  const evidenceFile = inside(root.get('teamEvidenceFile', true), 'teamEvidenceFile');
  if (progressFile) out.progressFile = progressFile;
  if (evidenceFile) out.evidenceFile = evidenceFile;
  if (progressFile && progressFile === evidenceFile) throw formatError(file, root.get('teamEvidenceFile', true), 'teamEvidenceFile must differ from teamProgressFile');
  const definition = root.get('progressDefinition', true);
  if (definition !== undefined && definition !== null && !(isScalar(definition) && definition.value === null)) out.states = statesOf(file, definition);
  const teams = await resolveRef(file, root.get('teams', true), dir, readRef);
  const groups = await resolveRef(file, root.get('teamGroups', true), dir, readRef);
  Object.assign(out, teamsOf(teams.file, teams.node, groups.node, groups.file));
  return out;
}

/** Follows `{ $ref: 'file#/a/b' }` one step; other nodes are returned as they are. */
async function resolveRef(file: ParsedFile, node: unknown, dir: string, readRef: (path: string) => Promise<string | undefined>): Promise<{ file: ParsedFile; node: unknown }> {
  if (!isMap(node) || !node.has('$ref')) return { file, node };
  const refNode = node.get('$ref', true);
  const ref = isScalar(refNode) && typeof refNode.value === 'string' ? refNode.value : undefined;
  const m = ref ? /^([^#]+)(?:#(.*))?$/.exec(ref.trim()) : null;
  const target = m ? resolvePath(dir, m[1]) : undefined;
  if (!m || target === undefined || m[1].startsWith('/') || (dir && !target.startsWith(`${dir}/`))) {
    throw formatError(file, refNode ?? node, `$ref must name a file next to ${file.source} (file.yaml#/path)`);
  }
  const text = await readRef(target);
  if (text === undefined) throw formatError(file, refNode, `$ref: ${target} does not exist`);
  const refFile = parseSingleDocument(text, target);
  let at: unknown = refFile.doc?.contents;
  for (const seg of (m[2] ?? '').split('/').filter(Boolean).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))) {
    at = isMap(at) ? at.get(seg, true) : undefined;
    if (at === undefined) throw formatError(file, refNode, `$ref: ${target} has nothing at #${m[2]}`);
  }
  return { file: refFile, node: at };
}

function teamsOf(file: ParsedFile, teams: unknown, groups: unknown, groupsFile: ParsedFile = file): Pick<DsommConfig, 'teams' | 'teamGroups'> {
  const out: Pick<DsommConfig, 'teams' | 'teamGroups'> = {};
  if (teams !== undefined && teams !== null && !(isScalar(teams) && teams.value === null)) out.teams = nameList(file, teams, 'teams');
  if (groups !== undefined && groups !== null && !(isScalar(groups) && groups.value === null)) {
    if (!isMap(groups)) throw formatError(groupsFile, groups, "'teamGroups' must map group names to lists of teams");
    const result: Record<string, string[]> = {};
    for (const pair of groups.items) {
      const name = isScalar(pair.key) ? primitiveText(pair.key.value).trim() : '';
      if (!name) throw formatError(groupsFile, pair.key, 'a team group needs a name');
      result[name] = isScalar(pair.value) && pair.value.value === null ? [] : nameList(groupsFile, pair.value, `team group '${name}'`);
    }
    out.teamGroups = result;
  }
  return out;
}

function nameList(file: ParsedFile, node: unknown, what: string): string[] {
  if (!isSeq(node)) throw formatError(file, node, `'${what}' must be a list of team names`);
  const names: string[] = [];
  for (const item of node.items) {
    const name = isScalar(item) && item.value !== null && typeof item.value !== 'object' ? primitiveText(item.value).trim() : '';
    if (!name || /[\r\n]/.test(name)) throw formatError(file, item, `${what}: every team name must be one line of text`);
    if (!names.includes(name)) names.push(name);
  }
  return names;
}

function statesOf(file: ParsedFile, node: unknown): DefinedState[] {
  if (!isMap(node)) throw formatError(file, node, "'progressDefinition' must map state names to { score, definition }");
  const states: DefinedState[] = [];
  for (const pair of node.items) {
    const name = isScalar(pair.key) ? primitiveText(pair.key.value).trim() : '';
    if (!name) throw formatError(file, pair.key, 'a progress state needs a name');
    if (!isMap(pair.value)) throw formatError(file, pair.value ?? pair.key, `progress state '${name}': expected { score, definition }`);
    const scoreNode = pair.value.get('score', true);
    const score = scoreOf(scoreNode);
    if (score === undefined) throw formatError(file, scoreNode ?? pair.key, `progress state '${name}': the score must be a percentage ("20%") or a fraction from 0 to 1`);
    const def = pair.value.get('definition', true);
    states.push({ name, score, ...(isScalar(def) && typeof def.value === 'string' ? { definition: def.value } : {}) });
  }
  try {
    validateStates(states);
  } catch (e) {
    if (e instanceof ProgressSettingsError) throw formatError(file, node, `progressDefinition: ${e.message}`);
    throw e;
  }
  return sortStates(states);
}

/** "20%" → 20; a number is a fraction as the app reads it (0.2 → 20). Undefined when neither. */
function scoreOf(node: unknown): number | undefined {
  if (!isScalar(node)) return undefined;
  const v = node.value;
  if (typeof v === 'number') return Number.isFinite(v) && v >= 0 && v <= 1 ? Math.round(v * 10000) / 100 : undefined;
  if (typeof v !== 'string') return undefined;
  const m = /^\s*(\d+(?:\.\d+)?)\s*%\s*$/.exec(v);
  const n = m ? Number(m[1]) : NaN;
  return n >= 0 && n <= 100 ? n : undefined;
}

// ---------------------------------------------------------------------------------------------
// Writing a new meta.yaml from the current settings

export interface NewConfigInput {
  teams: string[];
  teamGroups?: Record<string, string[]>;
  states: readonly DefinedState[];
  /** File names next to meta.yaml. */
  progressFile: string;
  evidenceFile: string;
  /**
   * The model file next to meta.yaml the web app loads (`activityFiles`). The app reads only the
   * meta.yaml of the folder it serves, so a served meta.yaml must also name the model and the
   * app's labels (`lang`, `strings`).
   */
  modelFile?: string;
}

/** What each default state means, in our words (the app shows it beside the slider). */
const DEFAULT_DEFINITIONS: Record<string, string> = {
  'Not implemented': 'Not started and not planned yet.',
  Started: 'Work has begun, or it is in place for a few applications.',
  'Partly implemented': 'In place for about half of the applications or more.',
  'Fully implemented': 'In place for all, or nearly all, applications.',
};

/** The labels the web app shows for levels and ratings (`strings` of its meta.yaml), in our words. */
const APP_LABELS = {
  en: {
    allTeamsGroupName: 'All',
    maturityLevels: ['Level 1: basic', 'Level 2: adopted', 'Level 3: established', 'Level 4: advanced', 'Level 5: leading'],
    labels: ['Very low', 'Low', 'Medium', 'High', 'Very high'],
    knowledgeLabels: ['Very low (one field)', 'Low (one field)', 'Medium (two fields)', 'High (two fields)', 'Very high (three or more fields)'],
  },
};

/** The text of a meta.yaml in the app's format, with the keys the extension and the CLI read. */
export function emitDsommConfig(input: NewConfigInput): string {
  const doc = new Document(null, { schema: 'yaml-1.1' });
  doc.commentBefore =
    ' DSOMM web app configuration (meta.yaml, app v4 format), kept with the team\'s files. The editor\n' +
    ' and the CLI read the teams and progress states from it. Serve this folder to the web app as\n' +
    ' described in the README ("Sharing progress with the DSOMM web app").';
  const root = new YAMLMap();
  const add = (key: string, value: unknown) => root.items.push(new Pair(new Scalar(key), value));
  add('teamProgressFile', new Scalar(input.progressFile));
  add('teamEvidenceFile', new Scalar(input.evidenceFile));
  const definition = new YAMLMap();
  for (const s of sortStates(input.states) as DefinedState[]) {
    const entry = new YAMLMap();
    entry.items.push(new Pair(new Scalar('score'), new Scalar(`${s.score}%`)));
    const text = s.definition ?? DEFAULT_DEFINITIONS[s.name];
    if (text) entry.items.push(new Pair(new Scalar('definition'), new Scalar(text)));
    definition.items.push(new Pair(new Scalar(s.name), entry));
  }
  add('progressDefinition', definition);
  const teams = new YAMLSeq();
  teams.items = input.teams.map((t) => new Scalar(t));
  add('teams', teams);
  const groups = new YAMLMap();
  for (const [g, members] of Object.entries(input.teamGroups ?? {})) {
    const list = new YAMLSeq();
    list.flow = true;
    list.items = members.map((t) => new Scalar(t));
    groups.items.push(new Pair(new Scalar(g), list));
  }
  groups.flow = groups.items.length === 0;
  add('teamGroups', groups);
  if (input.modelFile) {
    const files = new YAMLSeq();
    files.items = [new Scalar(input.modelFile)];
    add('activityFiles', files);
    add('lang', new Scalar('en'));
    add('strings', doc.createNode(APP_LABELS));
  }
  doc.contents = root;
  return doc.toString({ lineWidth: 0 });
}

/**
 * Creates meta.yaml at `path` (never over an existing file). Returns false when one exists.
 * Throws ProgressFileError when it cannot be written.
 */
export async function createDsommConfig(fs: WritableFileSystem, path: string, input: NewConfigInput): Promise<boolean> {
  await checkTeamFilePath(fs, path);
  const text = emitDsommConfig(input);
  const dir = dirname(path);
  try {
    if (dir) await fs.createDirectory(dir);
    return await fs.createExclusive(path, new TextEncoder().encode(text));
  } catch (e) {
    throw new ProgressFileError(path, `cannot create: ${(e as Error).message}`, 'io');
  }
}

/**
 * Adds `team` to the `teams` list of a meta.yaml or teams.yaml (comments and other keys kept).
 * 'referenced': the list lives in another file ($ref) and is not touched. The file is rewritten
 * in place (not renamed), so a web app container that mounts it sees the change.
 */
export async function addTeamToConfig(fs: WritableFileSystem, path: string, team: string): Promise<'added' | 'present' | 'referenced'> {
  if (!team.trim() || /[\r\n]/.test(team)) throw new ProgressSettingsError('the team name must be one line of text');
  const text = await readOptional(fs, path);
  if (text === undefined) throw new ProgressFileError(path, 'does not exist (any more)', 'io');
  const file = parseSingleDocument(text, path);
  const doc = file.doc;
  const root = doc?.contents;
  if (!doc || !isMap(root)) throw formatError(file, root, "expected a map with the key 'teams'");
  const teams = root.get('teams', true);
  if (isMap(teams) && teams.has('$ref')) return 'referenced';
  if (teams === undefined || teams === null || (isScalar(teams) && teams.value === null)) {
    const list = new YAMLSeq();
    list.items = [new Scalar(team)];
    (root as unknown as YAMLMap).set(new Scalar('teams'), list);
  } else {
    const names = nameList(file, teams, 'teams');
    if (names.includes(team)) return 'present';
    (teams as unknown as YAMLSeq).items.push(new Scalar(team));
  }
  const out = doc.toString({ lineWidth: 0 });
  // What we write must read back as a config with the team in it.
  const back = await parseDsommConfig(out, path, async () => undefined).catch(() => undefined);
  if (path.endsWith(META_FILE_NAME) && !back?.teams?.includes(team)) throw new ProgressFileError(path, 'internal error: the edited file would not read back with the team, so it was left as it was', 'internal');
  try {
    await fs.writeFile(path, new TextEncoder().encode(text.includes('\r\n') ? out.replace(/\n/g, '\r\n') : out));
  } catch (e) {
    throw new ProgressFileError(path, `cannot write: ${(e as Error).message}; the file was left as it was`, 'io');
  }
  return 'added';
}
