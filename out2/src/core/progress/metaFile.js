"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.TEAMS_FILE_NAME = exports.META_FILE_NAME = void 0;
exports.metaPathFor = metaPathFor;
exports.readDsommConfig = readDsommConfig;
exports.parseDsommConfig = parseDsommConfig;
exports.emitDsommConfig = emitDsommConfig;
exports.createDsommConfig = createDsommConfig;
exports.addTeamToConfig = addTeamToConfig;
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
const yaml_1 = require("yaml");
const fs_1 = require("../fs");
const settings_1 = require("./settings");
const store_1 = require("./store");
const yamlSupport_1 = require("./yamlSupport");
const yaml_2 = require("../yaml");
exports.META_FILE_NAME = 'meta.yaml';
/** meta.yaml and teams.yaml are a few KiB; anything this large is not one. */
const MAX_CONFIG_FILE = 1024 * 1024;
exports.TEAMS_FILE_NAME = 'teams.yaml';
/** meta.yaml next to the progress file setting's folder: `.dsomm/meta.yaml` by default. */
function metaPathFor(progressFile) {
    return (0, fs_1.joinPath)((0, fs_1.dirname)(progressFile), exports.META_FILE_NAME);
}
/**
 * Reads `metaPath` (or `teams.yaml` beside it when there is no meta.yaml). Undefined when neither
 * exists. Throws ProgressFileError for a file that cannot be used (with the line).
 */
async function readDsommConfig(fs, metaPath) {
    const meta = await readOptional(fs, metaPath);
    if (meta !== undefined)
        return parseDsommConfig(meta, metaPath, (ref) => readOptional(fs, ref));
    const teamsPath = (0, fs_1.joinPath)((0, fs_1.dirname)(metaPath), exports.TEAMS_FILE_NAME);
    const teams = await readOptional(fs, teamsPath);
    if (teams === undefined)
        return undefined;
    const file = (0, yamlSupport_1.parseSingleDocument)(teams, teamsPath);
    const root = file.doc?.contents;
    if (!(0, yaml_1.isMap)(root))
        throw (0, yamlSupport_1.formatError)(file, root, "expected a map with the key 'teams'");
    return { source: teamsPath, ...teamsOf(file, root.get('teams', true), root.get('teamGroups', true)) };
}
async function readOptional(fs, path) {
    await (0, store_1.checkTeamFilePath)(fs, path);
    let bytes;
    try {
        bytes = await fs.readFile(path, { maxBytes: MAX_CONFIG_FILE });
    }
    catch (e) {
        if ((0, store_1.isNotFound)(e))
            return undefined;
        throw new settings_1.ProgressFileError(path, `cannot read: ${e.message}`, (0, fs_1.isRefused)(e) ? 'refused' : 'io');
    }
    const d = (0, fs_1.decodeText)(bytes);
    if ('error' in d)
        throw new settings_1.ProgressFileError(path, d.error, 'encoding', 1, 1);
    return d.text;
}
/**
 * Parses a meta.yaml text. `$ref`s (`file#/path`) are read with `readRef` (a path next to the
 * meta file; references that leave its folder are refused, as the app refuses them).
 */
async function parseDsommConfig(text, source, readRef) {
    const file = (0, yamlSupport_1.parseSingleDocument)(text, source);
    const out = { source };
    const root = file.doc?.contents;
    if (root === undefined)
        return out;
    if (!(0, yaml_1.isMap)(root))
        throw (0, yamlSupport_1.formatError)(file, root, 'expected the map of a DSOMM meta.yaml (teams, progressDefinition, teamProgressFile, …)');
    const dir = (0, fs_1.dirname)(source);
    const inside = (node, key) => {
        if (node === undefined || node === null)
            return undefined;
        const rel = (0, yaml_1.isScalar)(node) && typeof node.value === 'string' ? node.value.trim() : undefined;
        if (!rel)
            throw (0, yamlSupport_1.formatError)(file, node, `'${key}' must be a file name`);
        const resolved = (0, fs_1.resolvePath)(dir, rel);
        if (resolved === undefined || rel.startsWith('/') || (dir && !resolved.startsWith(`${dir}/`)) || /[\r\n]/.test(rel)) {
            throw (0, yamlSupport_1.formatError)(file, node, `'${key}' must name a file inside the folder of ${source} (got "${(0, yamlSupport_1.oneLine)(rel)}")`);
        }
        return resolved;
    };
    const progressFile = inside(root.get('teamProgressFile', true), 'teamProgressFile');
    const evidenceFile = inside(root.get('teamEvidenceFile', true), 'teamEvidenceFile');
    if (progressFile)
        out.progressFile = progressFile;
    if (evidenceFile)
        out.evidenceFile = evidenceFile;
    if (progressFile && progressFile === evidenceFile)
        throw (0, yamlSupport_1.formatError)(file, root.get('teamEvidenceFile', true), 'teamEvidenceFile must differ from teamProgressFile');
    const definition = root.get('progressDefinition', true);
    if (definition !== undefined && definition !== null && !((0, yaml_1.isScalar)(definition) && definition.value === null))
        out.states = statesOf(file, definition);
    const teams = await resolveRef(file, root.get('teams', true), dir, readRef);
    const groups = await resolveRef(file, root.get('teamGroups', true), dir, readRef);
    Object.assign(out, teamsOf(teams.file, teams.node, groups.node, groups.file));
    return out;
}
/** Follows `{ $ref: 'file#/a/b' }` one step; other nodes are returned as they are. */
async function resolveRef(file, node, dir, readRef) {
    if (!(0, yaml_1.isMap)(node) || !node.has('$ref'))
        return { file, node };
    const refNode = node.get('$ref', true);
    const ref = (0, yaml_1.isScalar)(refNode) && typeof refNode.value === 'string' ? refNode.value : undefined;
    const m = ref ? /^([^#]+)(?:#(.*))?$/.exec(ref.trim()) : null;
    const target = m ? (0, fs_1.resolvePath)(dir, m[1]) : undefined;
    if (!m || target === undefined || m[1].startsWith('/') || (dir && !target.startsWith(`${dir}/`))) {
        throw (0, yamlSupport_1.formatError)(file, refNode ?? node, `$ref must name a file next to ${file.source} (file.yaml#/path)`);
    }
    const text = await readRef(target);
    if (text === undefined)
        throw (0, yamlSupport_1.formatError)(file, refNode, `$ref: ${target} does not exist`);
    const refFile = (0, yamlSupport_1.parseSingleDocument)(text, target);
    let at = refFile.doc?.contents;
    for (const seg of (m[2] ?? '').split('/').filter(Boolean).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))) {
        at = (0, yaml_1.isMap)(at) ? at.get(seg, true) : undefined;
        if (at === undefined)
            throw (0, yamlSupport_1.formatError)(file, refNode, `$ref: ${target} has nothing at #${m[2]}`);
    }
    return { file: refFile, node: at };
}
function teamsOf(file, teams, groups, groupsFile = file) {
    const out = {};
    if (teams !== undefined && teams !== null && !((0, yaml_1.isScalar)(teams) && teams.value === null))
        out.teams = nameList(file, teams, 'teams');
    if (groups !== undefined && groups !== null && !((0, yaml_1.isScalar)(groups) && groups.value === null)) {
        if (!(0, yaml_1.isMap)(groups))
            throw (0, yamlSupport_1.formatError)(groupsFile, groups, "'teamGroups' must map group names to lists of teams");
        const result = {};
        for (const pair of groups.items) {
            const name = (0, yaml_1.isScalar)(pair.key) ? (0, yaml_2.primitiveText)(pair.key.value).trim() : '';
            if (!name)
                throw (0, yamlSupport_1.formatError)(groupsFile, pair.key, 'a team group needs a name');
            result[name] = (0, yaml_1.isScalar)(pair.value) && pair.value.value === null ? [] : nameList(groupsFile, pair.value, `team group '${name}'`);
        }
        out.teamGroups = result;
    }
    return out;
}
function nameList(file, node, what) {
    if (!(0, yaml_1.isSeq)(node))
        throw (0, yamlSupport_1.formatError)(file, node, `'${what}' must be a list of team names`);
    const names = [];
    for (const item of node.items) {
        const name = (0, yaml_1.isScalar)(item) && item.value !== null && typeof item.value !== 'object' ? (0, yaml_2.primitiveText)(item.value).trim() : '';
        if (!name || /[\r\n]/.test(name))
            throw (0, yamlSupport_1.formatError)(file, item, `${what}: every team name must be one line of text`);
        if (!names.includes(name))
            names.push(name);
    }
    return names;
}
function statesOf(file, node) {
    if (!(0, yaml_1.isMap)(node))
        throw (0, yamlSupport_1.formatError)(file, node, "'progressDefinition' must map state names to { score, definition }");
    const states = [];
    for (const pair of node.items) {
        const name = (0, yaml_1.isScalar)(pair.key) ? (0, yaml_2.primitiveText)(pair.key.value).trim() : '';
        if (!name)
            throw (0, yamlSupport_1.formatError)(file, pair.key, 'a progress state needs a name');
        if (!(0, yaml_1.isMap)(pair.value))
            throw (0, yamlSupport_1.formatError)(file, pair.value ?? pair.key, `progress state '${name}': expected { score, definition }`);
        const scoreNode = pair.value.get('score', true);
        const score = scoreOf(scoreNode);
        if (score === undefined)
            throw (0, yamlSupport_1.formatError)(file, scoreNode ?? pair.key, `progress state '${name}': the score must be a percentage ("20%") or a fraction from 0 to 1`);
        const def = pair.value.get('definition', true);
        states.push({ name, score, ...((0, yaml_1.isScalar)(def) && typeof def.value === 'string' ? { definition: def.value } : {}) });
    }
    try {
        (0, settings_1.validateStates)(states);
    }
    catch (e) {
        if (e instanceof settings_1.ProgressSettingsError)
            throw (0, yamlSupport_1.formatError)(file, node, `progressDefinition: ${e.message}`);
        throw e;
    }
    return (0, settings_1.sortStates)(states);
}
/** "20%" → 20; a number is a fraction as the app reads it (0.2 → 20). Undefined when neither. */
function scoreOf(node) {
    if (!(0, yaml_1.isScalar)(node))
        return undefined;
    const v = node.value;
    if (typeof v === 'number')
        return Number.isFinite(v) && v >= 0 && v <= 1 ? Math.round(v * 10000) / 100 : undefined;
    if (typeof v !== 'string')
        return undefined;
    const m = /^\s*(\d+(?:\.\d+)?)\s*%\s*$/.exec(v);
    const n = m ? Number(m[1]) : NaN;
    return n >= 0 && n <= 100 ? n : undefined;
}
/** What each default state means, in our words (the app shows it beside the slider). */
const DEFAULT_DEFINITIONS = {
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
function emitDsommConfig(input) {
    const doc = new yaml_1.Document(null, { schema: 'yaml-1.1' });
    doc.commentBefore =
        ' DSOMM web app configuration (meta.yaml, app v4 format), kept with the team\'s files. The editor\n' +
            ' and the CLI read the teams and progress states from it. Serve this folder to the web app as\n' +
            ' described in the README ("Sharing progress with the DSOMM web app").';
    const root = new yaml_1.YAMLMap();
    const add = (key, value) => root.items.push(new yaml_1.Pair(new yaml_1.Scalar(key), value));
    add('teamProgressFile', new yaml_1.Scalar(input.progressFile));
    add('teamEvidenceFile', new yaml_1.Scalar(input.evidenceFile));
    const definition = new yaml_1.YAMLMap();
    for (const s of (0, settings_1.sortStates)(input.states)) {
        const entry = new yaml_1.YAMLMap();
        entry.items.push(new yaml_1.Pair(new yaml_1.Scalar('score'), new yaml_1.Scalar(`${s.score}%`)));
        const text = s.definition ?? DEFAULT_DEFINITIONS[s.name];
        if (text)
            entry.items.push(new yaml_1.Pair(new yaml_1.Scalar('definition'), new yaml_1.Scalar(text)));
        definition.items.push(new yaml_1.Pair(new yaml_1.Scalar(s.name), entry));
    }
    add('progressDefinition', definition);
    const teams = new yaml_1.YAMLSeq();
    teams.items = input.teams.map((t) => new yaml_1.Scalar(t));
    add('teams', teams);
    const groups = new yaml_1.YAMLMap();
    for (const [g, members] of Object.entries(input.teamGroups ?? {})) {
        const list = new yaml_1.YAMLSeq();
        list.flow = true;
        list.items = members.map((t) => new yaml_1.Scalar(t));
        groups.items.push(new yaml_1.Pair(new yaml_1.Scalar(g), list));
    }
    groups.flow = groups.items.length === 0;
    add('teamGroups', groups);
    if (input.modelFile) {
        const files = new yaml_1.YAMLSeq();
        files.items = [new yaml_1.Scalar(input.modelFile)];
        add('activityFiles', files);
        add('lang', new yaml_1.Scalar('en'));
        add('strings', doc.createNode(APP_LABELS));
    }
    doc.contents = root;
    return doc.toString({ lineWidth: 0 });
}
/**
 * Creates meta.yaml at `path` (never over an existing file). Returns false when one exists.
 * Throws ProgressFileError when it cannot be written.
 */
async function createDsommConfig(fs, path, input) {
    await (0, store_1.checkTeamFilePath)(fs, path);
    const text = emitDsommConfig(input);
    const dir = (0, fs_1.dirname)(path);
    try {
        if (dir)
            await fs.createDirectory(dir);
        return await fs.createExclusive(path, new TextEncoder().encode(text));
    }
    catch (e) {
        throw new settings_1.ProgressFileError(path, `cannot create: ${e.message}`, 'io');
    }
}
/**
 * Adds `team` to the `teams` list of a meta.yaml or teams.yaml (comments and other keys kept).
 * 'referenced': the list lives in another file ($ref) and is not touched. The file is rewritten
 * in place (not renamed), so a web app container that mounts it sees the change.
 */
async function addTeamToConfig(fs, path, team) {
    if (!team.trim() || /[\r\n]/.test(team))
        throw new settings_1.ProgressSettingsError('the team name must be one line of text');
    const text = await readOptional(fs, path);
    if (text === undefined)
        throw new settings_1.ProgressFileError(path, 'does not exist (any more)', 'io');
    const file = (0, yamlSupport_1.parseSingleDocument)(text, path);
    const doc = file.doc;
    const root = doc?.contents;
    if (!doc || !(0, yaml_1.isMap)(root))
        throw (0, yamlSupport_1.formatError)(file, root, "expected a map with the key 'teams'");
    const teams = root.get('teams', true);
    if ((0, yaml_1.isMap)(teams) && teams.has('$ref'))
        return 'referenced';
    if (teams === undefined || teams === null || ((0, yaml_1.isScalar)(teams) && teams.value === null)) {
        const list = new yaml_1.YAMLSeq();
        list.items = [new yaml_1.Scalar(team)];
        root.set(new yaml_1.Scalar('teams'), list);
    }
    else {
        const names = nameList(file, teams, 'teams');
        if (names.includes(team))
            return 'present';
        teams.items.push(new yaml_1.Scalar(team));
    }
    const out = doc.toString({ lineWidth: 0 });
    // What we write must read back as a config with the team in it.
    const back = await parseDsommConfig(out, path, async () => undefined).catch(() => undefined);
    if (path.endsWith(exports.META_FILE_NAME) && !back?.teams?.includes(team))
        throw new settings_1.ProgressFileError(path, 'internal error: the edited file would not read back with the team, so it was left as it was', 'internal');
    try {
        await fs.writeFile(path, new TextEncoder().encode(text.includes('\r\n') ? out.replace(/\n/g, '\r\n') : out));
    }
    catch (e) {
        throw new settings_1.ProgressFileError(path, `cannot write: ${e.message}; the file was left as it was`, 'io');
    }
    return 'added';
}
//# sourceMappingURL=metaFile.js.map