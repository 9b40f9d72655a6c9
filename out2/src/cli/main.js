"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", { value: true });
exports.CliError = exports.EXIT = void 0;
exports.parseCommandLine = parseCommandLine;
exports.bundledModelPath = bundledModelPath;
exports.loadModelFile = loadModelFile;
exports.main = main;
exports.optionString = optionString;
// `dsomm`: the headless entry. The same core as the extension, over node's fs.
const fs_1 = require("fs");
const path = __importStar(require("path"));
const util_1 = require("util");
const loader_1 = require("../core/model/loader");
const summary_1 = require("../core/model/summary");
const fs_2 = require("../core/fs");
const nodeFileSystem_1 = require("../core/nodeFileSystem");
const scan_1 = require("../core/scan/scan");
const folderScan_1 = require("../core/scan/folderScan");
const teamTools_1 = require("../core/scan/teamTools");
const json_1 = require("../core/reports/json");
const text_1 = require("../core/reports/text");
const sarif_1 = require("../core/reports/sarif");
const html_1 = require("../core/reports/html");
const progress_1 = require("../core/progress");
const fs_3 = require("fs");
const controls_1 = require("../core/reports/controls");
const inputProblems_1 = require("../core/reports/inputProblems");
/** Exit codes, documented in the README. */
exports.EXIT = { ok: 0, belowThreshold: 1, usage: 2, badInput: 3, badModel: 4 };
class CliError extends Error {
    code;
    details;
    /** `message` is one line (what it quotes from files and the model is shown escaped); `details`, printed after it, keeps its lines. */
    constructor(message, code, details) {
        super(message);
        this.code = code;
        this.details = details;
    }
}
exports.CliError = CliError;
const USAGE = `Usage:
  dsomm scan [DIR] [--format text|json|markdown|html|sarif] [--level N] [--fail-under N]
             [--model FILE] [--output FILE] [--progress FILE] [--team NAME]
             [--include-test-folders]
      Index DIR (default: the current folder) for pipeline and container files, detect
      which DSOMM activities they implement and report. Exit 1 when the achieved level
      is under --fail-under. --progress reads a DSOMM team-progress.yaml (and the
      team-evidence.yaml next to it) and layers --team's states and "not applicable"
      decisions on the result; --team alone reads DIR/.dsomm/team-progress.yaml. The
      files are only read. Container files in test, fixture and example folders are
      left out of the container checks unless --include-test-folders is given.
  dsomm model [--model FILE] [--json]     summary of the DSOMM model (bundled by default)
  dsomm --help | --version`;
/**
 * Every option the CLI knows, for node's parseArgs. Which command accepts which is checked per
 * command (checkOptions), so that an option of the other command gets a message naming the command.
 */
const CLI_OPTIONS = {
    format: { type: 'string' },
    level: { type: 'string' },
    'fail-under': { type: 'string' },
    model: { type: 'string' },
    output: { type: 'string' },
    progress: { type: 'string' },
    team: { type: 'string' },
    'include-test-folders': { type: 'boolean' },
    json: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
    version: { type: 'boolean' },
};
/**
 * Splits the command line with node's parseArgs in its lenient mode, then applies our own rules:
 * an option that takes a value always takes the next argument (even one starting with "-"), a
 * missing value or an unknown short option is an error at once, and an unknown long option is
 * reported by the command (after --help and --version had their say).
 */
function parseCommandLine(argv) {
    const { tokens } = (0, util_1.parseArgs)({ args: argv, options: CLI_OPTIONS, strict: false, allowPositionals: true, tokens: true });
    const positional = [];
    const options = new Map();
    for (const token of tokens) {
        if (token.kind === 'positional')
            positional.push(token.value);
        else if (token.kind === 'option') {
            const isShort = !token.rawName.startsWith('--');
            // A group such as "-hx" is named as typed, not by the letter parseArgs split off.
            if (isShort && token.name !== 'help')
                throw new CliError(`unknown option ${argv[token.index]}`, exports.EXIT.usage);
            const known = Object.hasOwn(CLI_OPTIONS, token.name) ? CLI_OPTIONS[token.name] : undefined;
            if (known?.type === 'string' && token.value === undefined)
                throw new CliError(`--${token.name} needs a value`, exports.EXIT.usage);
            options.set(token.name, token.value ?? true);
        }
    }
    return { command: positional.shift(), positional, options };
}
function bundledModelPath(file = 'dsomm-model.yaml') {
    // dist/cli.js → ../model; out/src/cli/main.js (tests) → ../../../model
    for (const rel of ['../model/', '../../../model/']) {
        const p = path.resolve(__dirname, rel + file);
        try {
            (0, fs_1.readFileSync)(p, { flag: 'r' });
            return p;
        }
        catch {
            /* try the next layout */
        }
    }
    throw new CliError(`the bundled data (model/${file}) is missing from this installation`, exports.EXIT.badModel);
}
function loadBundledDetection() {
    const probes = bundledModelPath('probes.yaml');
    const rules = bundledModelPath('rules.yaml');
    try {
        return (0, scan_1.loadDetectionData)((0, fs_1.readFileSync)(probes, 'utf8'), probes, (0, fs_1.readFileSync)(rules, 'utf8'), rules);
    }
    catch (e) {
        throw new CliError(`invalid detection data: ${e.message}`, exports.EXIT.badModel);
    }
}
function intOption(args, name, min, max) {
    const v = optionString(args, name);
    if (v === undefined)
        return undefined;
    const n = Number(v);
    if (!Number.isInteger(n) || n < min || n > max)
        throw new CliError(`--${name} must be a whole number from ${min} to ${max}`, exports.EXIT.usage);
    return n;
}
async function scanCommand(args, io) {
    checkOptions(args, ['format', 'level', 'fail-under', 'model', 'output', 'progress', 'team', 'include-test-folders']);
    const includeTestFolders = args.options.get('include-test-folders');
    if (includeTestFolders !== undefined && includeTestFolders !== true)
        throw new CliError('--include-test-folders takes no value', exports.EXIT.usage);
    if (args.positional.length > 1)
        throw new CliError('scan takes one folder', exports.EXIT.usage);
    const dir = path.resolve(args.positional[0] ?? '.');
    let isDir;
    try {
        isDir = (0, fs_3.statSync)(dir).isDirectory();
    }
    catch {
        throw new CliError(`no such folder: ${dir}`, exports.EXIT.badInput);
    }
    if (!isDir)
        throw new CliError(`not a folder: ${dir}`, exports.EXIT.badInput);
    try {
        // A folder the scan cannot list would give an empty, falsely reassuring report.
        (0, fs_3.readdirSync)(dir);
    }
    catch (e) {
        throw new CliError(`cannot read folder ${dir}: ${e.code ?? e.message}`, exports.EXIT.badInput);
    }
    const format = optionString(args, 'format') ?? 'text';
    if (!['text', 'json', 'markdown', 'html', 'sarif'].includes(format))
        throw new CliError(`--format must be text, json, markdown, html or sarif`, exports.EXIT.usage);
    const level = intOption(args, 'level', 1, 5);
    const failUnder = intOption(args, 'fail-under', 1, 5);
    const modelFile = optionString(args, 'model');
    const model = await loadModelFile(modelFile);
    const data = loadBundledDetection();
    const progress = await loadProgressOption(args, dir, io);
    const files = new nodeFileSystem_1.NodeFileSystem(dir);
    // What the scan could not use in full goes to stderr and into the report, beside the files' problems.
    const inputProblems = (0, inputProblems_1.modelInputProblems)(model, modelFile ? path.resolve(modelFile) : bundledModelPath());
    // The team's declared blocks and commands (.dsomm/tools.yaml), as the editor reads them.
    const teamTools = await (0, teamTools_1.readTeamTools)(files, data.catalogue);
    if (teamTools.state === 'invalid')
        inputProblems.push((0, inputProblems_1.teamToolsInputProblem)(teamTools));
    for (const p of inputProblems)
        io.err(`dsomm: ${p.severity === 'warning' ? 'warning: ' : ''}${(0, controls_1.escapeControls)((0, inputProblems_1.inputProblemText)(p))}`);
    const { result: scanned } = await (0, folderScan_1.scanFolder)(files, dir, model, (0, teamTools_1.withTeamTools)(data, teamTools), { includeTestFolders: includeTestFolders === true });
    const result = progress ? (0, progress_1.applyProgress)(scanned, progress) : scanned;
    const output = format === 'json' ? JSON.stringify((0, json_1.toJsonReport)(result, { targetLevel: level, inputProblems }), null, 2)
        : format === 'sarif' ? JSON.stringify((0, sarif_1.toSarif)(result, { level, toolVersion: versionString(), inputProblems }), null, 2)
            : format === 'markdown' ? (0, text_1.toMarkdownReport)(result, { level, inputProblems })
                : format === 'html' ? (0, html_1.renderHtmlReport)(result, model, { targetLevel: level ?? 1, inputProblems })
                    : (0, text_1.toTextReport)(result, { level, inputProblems });
    const outFile = optionString(args, 'output');
    if (outFile) {
        try {
            (0, fs_3.writeFileSync)(outFile, output.endsWith('\n') ? output : output + '\n');
        }
        catch (e) {
            throw new CliError(`cannot write ${outFile}: ${e.code ?? e.message}`, exports.EXIT.badInput);
        }
    }
    else
        io.out(output);
    // Files outside the checks (test-data and example folders) count for nothing: their parse errors
    // would only be noise here; the JSON report still lists them with the error.
    for (const f of result.files) {
        if (f.outOfScope)
            continue;
        for (const p of f.problems)
            if (p.severity === 'error')
                io.err(`dsomm: ${(0, controls_1.escapeControls)(`${f.path}${p.line ? `:${p.line}` : ''}: ${p.message}`)}`);
    }
    if (failUnder !== undefined && result.achievedLevel < failUnder) {
        io.err(`dsomm: achieved level ${result.achievedLevel} is under the required level ${failUnder}`);
        return exports.EXIT.belowThreshold;
    }
    return exports.EXIT.ok;
}
/**
 * The team's progress, read only (the scan never writes it). --progress FILE names the file;
 * otherwise DIR/.dsomm/ is read when it holds the team's files or a DSOMM config (meta.yaml,
 * teams.yaml), as the editor reads it. The team: --team, else the config's, else the only team
 * in the files (the order the editor uses, core/progress/team.ts).
 */
async function loadProgressOption(args, dir, io) {
    const file = optionString(args, 'progress');
    const team = optionString(args, 'team');
    if (team !== undefined && !team.trim())
        throw new CliError('--team needs a team name', exports.EXIT.usage);
    const explicit = file !== undefined || team !== undefined;
    const abs = file !== undefined ? path.resolve(file) : path.join(dir, ...progress_1.DEFAULT_PROGRESS_FILE.split('/'));
    const folder = file !== undefined ? path.dirname(abs) : dir;
    const rel = file !== undefined ? path.basename(abs) : progress_1.DEFAULT_PROGRESS_FILE;
    if (file !== undefined) {
        let st;
        try {
            st = (0, fs_3.statSync)(abs);
        }
        catch (e) {
            throw new CliError(`cannot read progress file ${abs}: ${e.code ?? e.message}`, exports.EXIT.badInput);
        }
        if (st.isDirectory())
            throw new CliError(`progress file ${abs} is a folder, not a file (Docker creates one when a file that does not exist yet is mounted; delete it and mount the .dsomm folder instead)`, exports.EXIT.badInput);
        if (!st.isFile())
            throw new CliError(`progress file ${abs} is not a file`, exports.EXIT.badInput);
    }
    else if (!hasTeamFiles(path.dirname(abs))) {
        if (!explicit)
            return undefined;
        throw new CliError(`cannot read progress file ${abs}: ENOENT (give one with --progress FILE)`, exports.EXIT.badInput);
    }
    try {
        const loaded = await (0, progress_1.loadWorkspaceProgress)(new nodeFileSystem_1.NodeFileSystem(folder), { progressFile: rel, team, fixedFile: file !== undefined });
        const where = (p) => path.join(folder, ...p.split('/'));
        // One line each: the file names, team names and reasons they quote come from the workspace.
        const warn = (message) => io.err(`dsomm: ${(0, controls_1.escapeControls)(message)}`);
        if (loaded.configError)
            warn(`${where(loaded.configError.file)}${loaded.configError.line ? `:${loaded.configError.line}` : ''}: ${loaded.configError.reason.split('\n')[0]} (the DSOMM config is ignored)`);
        const resolution = loaded.team;
        const teams = loaded.data.teams();
        if (resolution.team === undefined) {
            if (resolution.choices.length > 1) {
                const message = `${where(loaded.settings.file)}: ${resolution.reason}; choose one with --team NAME (${resolution.choices.join(', ')})`;
                if (explicit)
                    throw new CliError(message, exports.EXIT.usage);
                warn(`${message}; no team's progress is applied`);
            }
            return loaded.data;
        }
        if (resolution.unknownTo) {
            warn(`team "${resolution.team}" is not one of the teams in ${where(resolution.unknownTo)}; the DSOMM web app will not show its progress`);
        }
        if (team !== undefined && !teams.includes(resolution.team))
            warn(`${where(loaded.settings.file)} has nothing for team "${resolution.team}"${teams.length ? ` (teams: ${teams.join(', ')})` : ''}`);
        return loaded.data;
    }
    catch (e) {
        if (e instanceof progress_1.ProgressFileError) {
            throw new CliError(`progress file ${path.join(folder, ...e.file.split('/'))}${e.line ? `:${e.line}` : ''}: ${e.reason.split('\n')[0]}`, exports.EXIT.badInput);
        }
        if (e instanceof progress_1.ProgressSettingsError)
            throw new CliError(e.message, exports.EXIT.usage);
        throw e;
    }
}
/** Whether the folder holds the team's files or a DSOMM config (anything worth reading). */
function hasTeamFiles(folder) {
    return ['team-progress.yaml', 'team-evidence.yaml', 'meta.yaml', 'teams.yaml'].some((name) => {
        try {
            (0, fs_3.lstatSync)(path.join(folder, name));
            return true;
        }
        catch {
            return false;
        }
    });
}
async function loadModelFile(file) {
    const p = file ? path.resolve(file) : bundledModelPath();
    let bytes;
    try {
        // The guarded read: a FIFO, /dev/zero or a huge file named by --model is refused, not read.
        bytes = await (0, nodeFileSystem_1.readRegularFile)(p, p, { maxBytes: loader_1.MAX_MODEL_FILE_SIZE });
    }
    catch (e) {
        const reason = (0, fs_2.isRefused)(e) ? e.message : e.code ?? e.message;
        throw new CliError(`cannot read model file ${p}: ${reason}`, exports.EXIT.badModel);
    }
    const decoded = (0, fs_2.decodeText)(bytes);
    if ('error' in decoded)
        throw new CliError(`model file ${p}: ${decoded.error}`, exports.EXIT.badModel);
    try {
        return (0, loader_1.parseModel)(decoded.text, file ? p : 'bundled');
    }
    catch (e) {
        if (e instanceof loader_1.ModelError)
            throw new CliError(`invalid model: ${e.message}`, exports.EXIT.badModel);
        throw e;
    }
}
function checkOptions(args, allowed) {
    for (const k of args.options.keys()) {
        if (!allowed.includes(k))
            throw new CliError(`unknown option --${k} for "${args.command}"`, exports.EXIT.usage);
    }
}
async function main(argv, rawIo) {
    // Whatever reaches the terminal or a CI log: no ESC sequence or other control character from a
    // file name or the model gets through (each line of a report also escapes its own newlines).
    const io = { out: (t) => rawIo.out((0, controls_1.escapeControlsKeepingLines)(t)), err: (t) => rawIo.err((0, controls_1.escapeControlsKeepingLines)(t)) };
    try {
        const args = parseCommandLine(argv);
        if (args.options.has('version')) {
            io.out(versionString());
            return exports.EXIT.ok;
        }
        if (args.options.has('help') || !args.command || args.command === 'help') {
            io.out(USAGE);
            return args.command || args.options.has('help') ? exports.EXIT.ok : exports.EXIT.usage;
        }
        switch (args.command) {
            case 'scan':
                return await scanCommand(args, io);
            case 'model': {
                checkOptions(args, ['model', 'json']);
                if (args.positional.length)
                    throw new CliError(`unexpected argument "${args.positional[0]}" for "model" (a model file is given with --model FILE)`, exports.EXIT.usage);
                const model = await loadModelFile(optionString(args, 'model'));
                const summary = (0, summary_1.summarizeModel)(model);
                io.out(args.options.has('json') ? JSON.stringify(summary, null, 2) : (0, summary_1.formatModelSummary)(summary));
                return exports.EXIT.ok;
            }
            default:
                throw new CliError(`unknown command "${args.command}"`, exports.EXIT.usage, USAGE);
        }
    }
    catch (e) {
        if (e instanceof CliError) {
            io.err(`dsomm: ${(0, controls_1.escapeControls)(e.message)}`);
            if (e.details)
                io.err(e.details);
            return e.code;
        }
        io.err(`dsomm: internal error: ${e.stack ?? e}`);
        return exports.EXIT.badInput;
    }
}
function optionString(args, name) {
    const v = args.options.get(name);
    if (v === true)
        throw new CliError(`--${name} needs a value`, exports.EXIT.usage);
    return v;
}
function versionString() {
    for (const rel of ['../package.json', '../../../package.json']) {
        try {
            return String(JSON.parse((0, fs_1.readFileSync)(path.resolve(__dirname, rel), 'utf8')).version);
        }
        catch {
            /* next */
        }
    }
    return 'unknown';
}
/**
 * A reader that stops early (`dsomm scan | head -c1`) closes the pipe: the rest of the output has
 * nowhere to go, which is no error. Writes stop quietly and the exit code stays the scan's own.
 */
function quietOnClosedPipe(stream) {
    let closed = false;
    stream.on('error', (e) => {
        if (e.code === 'EPIPE')
            closed = true;
        else
            throw e;
    });
    return (text) => {
        if (!closed)
            stream.write(text + '\n');
    };
}
if (require.main === module) {
    void main(process.argv.slice(2), { out: quietOnClosedPipe(process.stdout), err: quietOnClosedPipe(process.stderr) }).then((code) => {
        process.exitCode = code;
    });
}
//# sourceMappingURL=main.js.map