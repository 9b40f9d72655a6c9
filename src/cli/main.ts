// `dsomm`: the headless entry. The same core as the extension, over node's fs.
import { readFileSync } from 'fs';
import * as path from 'path';
import { parseArgs as parseNodeArgs, ParseArgsConfig } from 'util';
import { parseModel, ModelError, MAX_MODEL_FILE_SIZE } from '../core/model/loader';
import { formatModelSummary, summarizeModel } from '../core/model/summary';
import { Model } from '../core/model/types';
import { decodeText, isRefused } from '../core/fs';
import { NodeFileSystem, readRegularFile } from '../core/nodeFileSystem';
import { loadDetectionData, DetectionData } from '../core/scan/scan';
import { scanFolder } from '../core/scan/folderScan';
import { readTeamTools, withTeamTools } from '../core/scan/teamTools';
import { toJsonReport } from '../core/reports/json';
import { toMarkdownReport, toTextReport } from '../core/reports/text';
import { toSarif } from '../core/reports/sarif';
import { mainPipeline } from '../core/guidance/lookup';
import { renderHtmlReport } from '../core/reports/html';
import { applyProgress, DEFAULT_PROGRESS_FILE, loadWorkspaceProgress, ProgressData, ProgressFileError, ProgressSettingsError } from '../core/progress';
import { lstatSync, readdirSync, statSync, writeFileSync } from 'fs';
import { escapeControls, escapeControlsKeepingLines } from '../core/reports/controls';
import { InputProblem, inputProblemText, modelInputProblems, teamToolsInputProblem } from '../core/reports/inputProblems';

/** Exit codes, documented in the README. */
export const EXIT = { ok: 0, belowThreshold: 1, usage: 2, badInput: 3, badModel: 4 } as const;

export class CliError extends Error {
  /** `message` is one line (what it quotes from files and the model is shown escaped); `details`, printed after it, keeps its lines. */
  constructor(message: string, readonly code: number, readonly details?: string) {
    super(message);
  }
}

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
} satisfies NonNullable<ParseArgsConfig['options']>;

export interface ParsedArgs {
  command: string | undefined;
  positional: string[];
  /** Options in command-line order (the last of a repeated option wins); a flag without a value is `true`. */
  options: Map<string, string | true>;
}

/**
 * Splits the command line with node's parseArgs in its lenient mode, then applies our own rules:
 * an option that takes a value always takes the next argument (even one starting with "-"), a
 * missing value or an unknown short option is an error at once, and an unknown long option is
 * reported by the command (after --help and --version had their say).
 */
export function parseCommandLine(argv: string[]): ParsedArgs {
  const { tokens } = parseNodeArgs({ args: argv, options: CLI_OPTIONS, strict: false, allowPositionals: true, tokens: true });
  const positional: string[] = [];
  const options = new Map<string, string | true>();
  for (const token of tokens) {
    if (token.kind === 'positional') positional.push(token.value);
    else if (token.kind === 'option') {
      const isShort = !token.rawName.startsWith('--');
      // A group such as "-hx" is named as typed, not by the letter parseArgs split off.
      if (isShort && token.name !== 'help') throw new CliError(`unknown option ${argv[token.index]}`, EXIT.usage);
      const known = Object.hasOwn(CLI_OPTIONS, token.name) ? CLI_OPTIONS[token.name as keyof typeof CLI_OPTIONS] : undefined;
      if (known?.type === 'string' && token.value === undefined) throw new CliError(`--${token.name} needs a value`, EXIT.usage);
      options.set(token.name, token.value ?? true);
    }
  }
  return { command: positional.shift(), positional, options };
}

export function bundledModelPath(file = 'dsomm-model.yaml'): string {
  // dist/cli.js → ../model; out/src/cli/main.js (tests) → ../../../model
  for (const rel of ['../model/', '../../../model/']) {
    const p = path.resolve(__dirname, rel + file);
    try {
      readFileSync(p, { flag: 'r' });
      return p;
    } catch {
      /* try the next layout */
    }
  }
  throw new CliError(`the bundled data (model/${file}) is missing from this installation`, EXIT.badModel);
}

function loadBundledDetection(): DetectionData {
  const probes = bundledModelPath('probes.yaml');
  const rules = bundledModelPath('rules.yaml');
  try {
    return loadDetectionData(readFileSync(probes, 'utf8'), probes, readFileSync(rules, 'utf8'), rules);
  } catch (e) {
    throw new CliError(`invalid detection data: ${(e as Error).message}`, EXIT.badModel);
  }
}

function intOption(args: ParsedArgs, name: string, min: number, max: number): number | undefined {
  const v = optionString(args, name);
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < min || n > max) throw new CliError(`--${name} must be a whole number from ${min} to ${max}`, EXIT.usage);
  return n;
}

async function scanCommand(args: ParsedArgs, io: Io): Promise<number> {
  checkOptions(args, ['format', 'level', 'fail-under', 'model', 'output', 'progress', 'team', 'include-test-folders']);
  const includeTestFolders = args.options.get('include-test-folders');
  if (includeTestFolders !== undefined && includeTestFolders !== true) throw new CliError('--include-test-folders takes no value', EXIT.usage);
  if (args.positional.length > 1) throw new CliError('scan takes one folder', EXIT.usage);
  const dir = path.resolve(args.positional[0] ?? '.');
  let isDir: boolean;
  try {
    isDir = statSync(dir).isDirectory();
  } catch {
    throw new CliError(`no such folder: ${dir}`, EXIT.badInput);
  }
  if (!isDir) throw new CliError(`not a folder: ${dir}`, EXIT.badInput);
  try {
    // A folder the scan cannot list would give an empty, falsely reassuring report.
    readdirSync(dir);
  } catch (e) {
    throw new CliError(`cannot read folder ${dir}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, EXIT.badInput);
  }
  const format = optionString(args, 'format') ?? 'text';
  if (!['text', 'json', 'markdown', 'html', 'sarif'].includes(format)) throw new CliError(`--format must be text, json, markdown, html or sarif`, EXIT.usage);
  const level = intOption(args, 'level', 1, 5);
  const failUnder = intOption(args, 'fail-under', 1, 5);
  const modelFile = optionString(args, 'model');
  const model = await loadModelFile(modelFile);
  const data = loadBundledDetection();
  const progress = await loadProgressOption(args, dir, io);
  const files = new NodeFileSystem(dir);
  // What the scan could not use in full goes to stderr and into the report, beside the files' problems.
  const inputProblems: InputProblem[] = modelInputProblems(model, modelFile ? path.resolve(modelFile) : bundledModelPath());
  // The team's declared blocks and commands (.dsomm/tools.yaml), as the editor reads them.
  const teamTools = await readTeamTools(files, data.catalogue);
  if (teamTools.state === 'invalid') inputProblems.push(teamToolsInputProblem(teamTools));
  for (const p of inputProblems) io.err(`dsomm: ${p.severity === 'warning' ? 'warning: ' : ''}${escapeControls(inputProblemText(p))}`);
  const { scan, result: scanned } = await scanFolder(files, dir, model, withTeamTools(data, teamTools), { includeTestFolders: includeTestFolders === true });
  const result = progress ? applyProgress(scanned, progress) : scanned;
  const output =
    format === 'json' ? JSON.stringify(toJsonReport(result, { targetLevel: level, inputProblems }), null, 2)
    : format === 'sarif' ? JSON.stringify(toSarif(result, { level, toolVersion: versionString(), inputProblems, pipeline: mainPipeline(scan.index.all())?.entry.path }), null, 2)
    : format === 'markdown' ? toMarkdownReport(result, { level, inputProblems })
    : format === 'html' ? renderHtmlReport(result, model, { targetLevel: level ?? 1, inputProblems })
    : toTextReport(result, { level, inputProblems });
  const outFile = optionString(args, 'output');
  if (outFile) {
    try {
      writeFileSync(outFile, output.endsWith('\n') ? output : output + '\n');
    } catch (e) {
      throw new CliError(`cannot write ${outFile}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, EXIT.badInput);
    }
  } else io.out(output);
  // Files outside the checks (test-data and example folders) count for nothing: their parse errors
  // would only be noise here; the JSON report still lists them with the error.
  for (const f of result.files) {
    if (f.outOfScope) continue;
    for (const p of f.problems) if (p.severity === 'error') io.err(`dsomm: ${escapeControls(`${f.path}${p.line ? `:${p.line}` : ''}: ${p.message}`)}`);
  }
  if (failUnder !== undefined && result.achievedLevel < failUnder) {
    io.err(`dsomm: achieved level ${result.achievedLevel} is under the required level ${failUnder}`);
    return EXIT.belowThreshold;
  }
  return EXIT.ok;
}

/**
 * The team's progress, read only (the scan never writes it). --progress FILE names the file;
 * otherwise DIR/.dsomm/ is read when it holds the team's files or a DSOMM config (meta.yaml,
 * teams.yaml), as the editor reads it. The team: --team, else the config's, else the only team
 * in the files (the order the editor uses, core/progress/team.ts).
 */
async function loadProgressOption(args: ParsedArgs, dir: string, io: Io): Promise<ProgressData | undefined> {
  const file = optionString(args, 'progress');
  const team = optionString(args, 'team');
  if (team !== undefined && !team.trim()) throw new CliError('--team needs a team name', EXIT.usage);
  const explicit = file !== undefined || team !== undefined;
  const abs = file !== undefined ? path.resolve(file) : path.join(dir, ...DEFAULT_PROGRESS_FILE.split('/'));
  const folder = file !== undefined ? path.dirname(abs) : dir;
  const rel = file !== undefined ? path.basename(abs) : DEFAULT_PROGRESS_FILE;
  if (file !== undefined) {
    let st;
    try {
      st = statSync(abs);
    } catch (e) {
      throw new CliError(`cannot read progress file ${abs}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, EXIT.badInput);
    }
    if (st.isDirectory()) throw new CliError(`progress file ${abs} is a folder, not a file (Docker creates one when a file that does not exist yet is mounted; delete it and mount the .dsomm folder instead)`, EXIT.badInput);
    if (!st.isFile()) throw new CliError(`progress file ${abs} is not a file`, EXIT.badInput);
  } else if (!hasTeamFiles(path.dirname(abs))) {
    if (!explicit) return undefined;
    throw new CliError(`cannot read progress file ${abs}: ENOENT (give one with --progress FILE)`, EXIT.badInput);
  }
  try {
    const loaded = await loadWorkspaceProgress(new NodeFileSystem(folder), { progressFile: rel, team, fixedFile: file !== undefined });
    const where = (p: string) => path.join(folder, ...p.split('/'));
    // One line each: the file names, team names and reasons they quote come from the workspace.
    const warn = (message: string) => io.err(`dsomm: ${escapeControls(message)}`);
    if (loaded.configError) warn(`${where(loaded.configError.file)}${loaded.configError.line ? `:${loaded.configError.line}` : ''}: ${loaded.configError.reason.split('\n')[0]} (the DSOMM config is ignored)`);
    const resolution = loaded.team;
    const teams = loaded.data.teams();
    if (resolution.team === undefined) {
      if (resolution.choices.length > 1) {
        const message = `${where(loaded.settings.file)}: ${resolution.reason}; choose one with --team NAME (${resolution.choices.join(', ')})`;
        if (explicit) throw new CliError(message, EXIT.usage);
        warn(`${message}; no team's progress is applied`);
      }
      return loaded.data;
    }
    if (resolution.unknownTo) {
      warn(`team "${resolution.team}" is not one of the teams in ${where(resolution.unknownTo)}; the DSOMM web app will not show its progress`);
    }
    if (team !== undefined && !teams.includes(resolution.team)) warn(`${where(loaded.settings.file)} has nothing for team "${resolution.team}"${teams.length ? ` (teams: ${teams.join(', ')})` : ''}`);
    return loaded.data;
  } catch (e) {
    if (e instanceof ProgressFileError) {
      throw new CliError(`progress file ${path.join(folder, ...e.file.split('/'))}${e.line ? `:${e.line}` : ''}: ${e.reason.split('\n')[0]}`, EXIT.badInput);
    }
    if (e instanceof ProgressSettingsError) throw new CliError(e.message, EXIT.usage);
    throw e;
  }
}

/** Whether the folder holds the team's files or a DSOMM config (anything worth reading). */
function hasTeamFiles(folder: string): boolean {
  return ['team-progress.yaml', 'team-evidence.yaml', 'meta.yaml', 'teams.yaml'].some((name) => {
    try {
      lstatSync(path.join(folder, name));
      return true;
    } catch {
      return false;
    }
  });
}

export async function loadModelFile(file: string | undefined): Promise<Model> {
  const p = file ? path.resolve(file) : bundledModelPath();
  let bytes: Uint8Array;
  try {
    // The guarded read: a FIFO, /dev/zero or a huge file named by --model is refused, not read.
    bytes = await readRegularFile(p, p, { maxBytes: MAX_MODEL_FILE_SIZE });
  } catch (e) {
    const reason = isRefused(e) ? e.message : (e as NodeJS.ErrnoException).code ?? (e as Error).message;
    throw new CliError(`cannot read model file ${p}: ${reason}`, EXIT.badModel);
  }
  const decoded = decodeText(bytes);
  if ('error' in decoded) throw new CliError(`model file ${p}: ${decoded.error}`, EXIT.badModel);
  try {
    return parseModel(decoded.text, file ? p : 'bundled');
  } catch (e) {
    if (e instanceof ModelError) throw new CliError(`invalid model: ${e.message}`, EXIT.badModel);
    throw e;
  }
}

function checkOptions(args: ParsedArgs, allowed: string[]): void {
  for (const k of args.options.keys()) {
    if (!allowed.includes(k)) throw new CliError(`unknown option --${k} for "${args.command}"`, EXIT.usage);
  }
}

export interface Io {
  out(text: string): void;
  err(text: string): void;
}

export async function main(argv: string[], rawIo: Io): Promise<number> {
  // Whatever reaches the terminal or a CI log: no ESC sequence or other control character from a
  // file name or the model gets through (each line of a report also escapes its own newlines).
  const io: Io = { out: (t) => rawIo.out(escapeControlsKeepingLines(t)), err: (t) => rawIo.err(escapeControlsKeepingLines(t)) };
  try {
    const args = parseCommandLine(argv);
    if (args.options.has('version')) {
      io.out(versionString());
      return EXIT.ok;
    }
    if (args.options.has('help') || !args.command || args.command === 'help') {
      io.out(USAGE);
      return args.command || args.options.has('help') ? EXIT.ok : EXIT.usage;
    }
    switch (args.command) {
      case 'scan':
        return await scanCommand(args, io);
      case 'model': {
        checkOptions(args, ['model', 'json']);
        if (args.positional.length) throw new CliError(`unexpected argument "${args.positional[0]}" for "model" (a model file is given with --model FILE)`, EXIT.usage);
        const model = await loadModelFile(optionString(args, 'model'));
        const summary = summarizeModel(model);
        io.out(args.options.has('json') ? JSON.stringify(summary, null, 2) : formatModelSummary(summary));
        return EXIT.ok;
      }
      default:
        throw new CliError(`unknown command "${args.command}"`, EXIT.usage, USAGE);
    }
  } catch (e) {
    if (e instanceof CliError) {
      io.err(`dsomm: ${escapeControls(e.message)}`);
      if (e.details) io.err(e.details);
      return e.code;
    }
    io.err(`dsomm: internal error: ${(e as Error).stack ?? e}`);
    return EXIT.badInput;
  }
}

export function optionString(args: ParsedArgs, name: string): string | undefined {
  const v = args.options.get(name);
  if (v === true) throw new CliError(`--${name} needs a value`, EXIT.usage);
  return v;
}

function versionString(): string {
  for (const rel of ['../package.json', '../../../package.json']) {
    try {
      return String((JSON.parse(readFileSync(path.resolve(__dirname, rel), 'utf8')) as { version?: unknown }).version);
    } catch {
      /* next */
    }
  }
  return 'unknown';
}

/**
 * A reader that stops early (`dsomm scan | head -c1`) closes the pipe: the rest of the output has
 * nowhere to go, which is no error. Writes stop quietly and the exit code stays the scan's own.
 */
function quietOnClosedPipe(stream: NodeJS.WriteStream): (text: string) => void {
  let closed = false;
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') closed = true;
    else throw e;
  });
  return (text) => {
    if (!closed) stream.write(text + '\n');
  };
}

if (require.main === module) {
  void main(process.argv.slice(2), { out: quietOnClosedPipe(process.stdout), err: quietOnClosedPipe(process.stderr) }).then((code) => {
    process.exitCode = code;
  });
}
