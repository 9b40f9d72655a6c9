"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.TEAM_TOOLS_FILE = void 0;
exports.parseTeamTools = parseTeamTools;
exports.readTeamTools = readTeamTools;
exports.withTeamTools = withTeamTools;
exports.teamToolsProblem = teamToolsProblem;
// `.dsomm/tools.yaml`: the remote blocks and in-house commands a team declares, because the scan
// cannot read what they run ("our security workflow runs SCA and secret scanning"). The file is
// read through the workspace's one guarded read, checked like the catalogue (every mistake names
// the file and line), and merged over the bundled catalogue: a declared block or command counts
// for the probes it names, with the line that calls it as evidence. The editor ignores the file
// in Restricted Mode (an untrusted repository must not decide what counts as detected).
const fs_1 = require("../fs");
const catalogue_1 = require("./detect/catalogue");
const dataFileReader_1 = require("./detect/dataFileReader");
const store_1 = require("../progress/store");
exports.TEAM_TOOLS_FILE = '.dsomm/tools.yaml';
/** Far above any real declaration list; a larger file is refused with a note. */
const MAX_TEAM_TOOLS_BYTES = 1024 * 1024;
const BLOCK_KEYS = ['uses', 'runs', 'name'];
const COMMAND_KEYS = ['run', 'runs', 'name'];
/**
 * Parses a tools file into a catalogue to merge over `bundled`. Throws CatalogueError
 * (`.dsomm/tools.yaml:LINE: message`) for anything it cannot use.
 */
function parseTeamTools(text, source, bundled) {
    const { r, root } = (0, dataFileReader_1.openDataFile)(text, source);
    const top = r.map(root, 'the tools file', ['schemaVersion', 'blocks', 'commands']);
    (0, dataFileReader_1.checkSchemaVersion)(r, top, root);
    if (!top.has('blocks') && !top.has('commands'))
        r.fail(root, 'declares nothing: add "blocks" (remote blocks your pipelines call) or "commands" (in-house commands), each with the probes it "runs"');
    const probes = new Map(bundled.probes.map((p) => [p.id, p]));
    const byProbe = new Map();
    const addTool = (probe, tool) => (byProbe.get(probe) ?? byProbe.set(probe, []).get(probe)).push(tool);
    let declared = 0;
    const runsOf = (m, node, what) => {
        if (!m.has('runs'))
            r.fail(node, `${what} has no "runs" (the probes it runs, e.g. [sca, secret-scan])`);
        const ids = r.strList(m.get('runs').value, `runs of ${what}`);
        if (!ids.length)
            r.fail(m.get('runs').value, `runs of ${what} is empty`);
        for (const id of ids) {
            if (!probes.has(id))
                r.fail(m.get('runs').value, `${what} runs unknown probe "${id}" (a probe of the catalogue, e.g. ${['sast', 'sca', 'secret-scan', 'image-scan', 'sbom', 'signing', 'deploy'].join(', ')})`);
        }
        return ids;
    };
    const empty = (name, line) => ({
        name, run: [], packages: [], images: [], actions: [], gitlabTemplates: [], gitlabComponents: [], azureTemplates: [], azureTasks: [],
        orbs: [], pipes: [], jenkinsSteps: [], preCommitHooks: [], configFiles: [], gitlabReports: [], line,
    });
    if (top.has('blocks')) {
        for (const n of r.seq(top.get('blocks').value, 'blocks')) {
            const m = r.map(n, 'a block', BLOCK_KEYS);
            if (!m.has('uses'))
                r.fail(n, 'a block has no "uses" (the block as your pipeline calls it, without its version: org/repo/.github/workflows/x.yml, ns/orb/job, ns/pipe, a Jenkins step, a GitLab component or group/project:/file.yml)');
            const uses = stripVersion(r.str(m.get('uses').value, 'uses of a block'));
            const what = `block "${uses}"`;
            const ids = runsOf(m, n, what);
            const name = m.has('name') ? r.str(m.get('name').value, `name of ${what}`) : uses;
            const line = r.line(n);
            const matcher = { name: uses, inputs: {}, inputWords: {}, notInputs: {}, line };
            for (const id of ids) {
                // One string for every kind of block: each CI system only looks at its own kind.
                addTool(id, { ...empty(`${name} (declared in ${exports.TEAM_TOOLS_FILE})`, line), actions: [matcher], orbs: [matcher], pipes: [matcher], jenkinsSteps: [matcher], gitlabComponents: [uses], azureTemplates: [uses] });
            }
            declared++;
        }
    }
    if (top.has('commands')) {
        for (const n of r.seq(top.get('commands').value, 'commands')) {
            const m = r.map(n, 'a command', COMMAND_KEYS);
            if (!m.has('run'))
                r.fail(n, 'a command has no "run" (the program and subcommand as your scripts call it, e.g. "acme-audit" or "make audit")');
            const text = r.str(m.get('run').value, 'run of a command');
            const what = `command "${text}"`;
            const ids = runsOf(m, n, what);
            const name = m.has('name') ? r.str(m.get('name').value, `name of ${what}`) : text;
            const run = (0, catalogue_1.readRun)(r, m.get('run').value, name);
            for (const id of ids)
                addTool(id, { ...empty(`${name} (declared in ${exports.TEAM_TOOLS_FILE})`, r.line(n)), run: [run] });
            declared++;
        }
    }
    const extra = [...byProbe].map(([id, tools]) => ({ ...probes.get(id), tools: dedupeNames(tools), source, line: tools[0].line }));
    return { catalogue: { schemaVersion: 1, probes: extra }, declared };
}
/** Tools of one probe keep distinct names (the catalogue counts distinct tools). */
function dedupeNames(tools) {
    const seen = new Map();
    return tools.map((t) => {
        const n = (seen.get(t.name) ?? 0) + 1;
        seen.set(t.name, n);
        return n === 1 ? t : { ...t, name: `${t.name} #${n}` };
    });
}
/** `org/repo/.github/workflows/x.yml@v1` → without `@v1`; `ns/pipe:1.2.3` → `ns/pipe`. */
function stripVersion(uses) {
    const at = uses.lastIndexOf('@');
    let s = at > 0 && !uses.slice(at).includes('/') ? uses.slice(0, at) : uses;
    const colon = s.lastIndexOf(':');
    if (colon > 0 && /^[\w.-]+$/.test(s.slice(colon + 1)) && !s.includes(':/'))
        s = s.slice(0, colon);
    return s;
}
/** Reads `.dsomm/tools.yaml` of the folder `fs` serves, through its guarded read. Never throws. */
async function readTeamTools(fs, bundled) {
    let bytes;
    try {
        bytes = await fs.readFile(exports.TEAM_TOOLS_FILE, { maxBytes: MAX_TEAM_TOOLS_BYTES });
    }
    catch (e) {
        if ((0, store_1.isNotFound)(e) || e?.code === 'ENOTDIR')
            return { state: 'absent' };
        return { state: 'invalid', file: exports.TEAM_TOOLS_FILE, message: (0, fs_1.isRefused)(e) ? `not read: ${e.message}` : `cannot be read: ${e?.message ?? String(e)}` };
    }
    const decoded = (0, fs_1.decodeText)(bytes);
    if ('error' in decoded)
        return { state: 'invalid', file: exports.TEAM_TOOLS_FILE, message: decoded.error };
    try {
        return { state: 'loaded', ...parseTeamTools(decoded.text, exports.TEAM_TOOLS_FILE, bundled) };
    }
    catch (e) {
        if (e instanceof catalogue_1.CatalogueError)
            return { state: 'invalid', file: e.file, ...(e.line ? { line: e.line } : {}), message: e.message.slice(e.message.indexOf(': ') + 2) };
        throw e;
    }
}
/** The detection data with the team's declarations merged over the catalogue. */
function withTeamTools(data, read) {
    return read.state === 'loaded' ? { ...data, catalogue: (0, catalogue_1.mergeCatalogues)(data.catalogue, read.catalogue) } : data;
}
/** One line for a problem with the file: `.dsomm/tools.yaml:7: message`. */
function teamToolsProblem(read) {
    return `${read.file}${read.line ? `:${read.line}` : ''}: ${read.message}; the declared blocks and commands are not used until it is fixed`;
}
//# sourceMappingURL=teamTools.js.map