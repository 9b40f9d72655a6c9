// Dockerfile parser on top of `dockerfile-ast` (multi-stage builds, --platform, heredocs,
// the escape directive, JSON form and line continuations are its job). This module turns
// its AST into the located facts the container probes need. Never throws.
import {
  Arg,
  DockerfileParser,
  Env,
  From,
  Healthcheck,
  Instruction,
  JSONInstruction,
  ModifiableInstruction,
  Property,
} from 'dockerfile-ast';
import { Loc } from '../../types';
import { hasVariables, splitImage, substitute } from './common';
import { DockerInstruction, DockerStage, DockerfileFile, ImageRef, KeyValue } from './types';

interface Range0 {
  start: { line: number; character: number };
  end: { line: number; character: number };
}

export function parseDockerfile(path: string, text: string): DockerfileFile {
  const file: DockerfileFile = { kind: 'dockerfile', path, escape: '\\', globalArgs: [], stages: [], problems: [] };
  try {
    build(file, text);
  } catch (e) {
    file.problems.push({ message: `Dockerfile could not be read: ${e instanceof Error ? e.message : String(e)}`, severity: 'error' });
  }
  return file;
}

function build(file: DockerfileFile, text: string): void {
  const lines = text.split(/\r\n|\r|\n/);
  const df = DockerfileParser.parse(text);
  file.escape = df.getEscapeCharacter() || '\\';
  const loc = (r: Range0): Loc => toLoc(file.path, r);
  let stage: DockerStage | undefined;
  const stageNames = new Map<string, number>();

  for (const ins of df.getInstructions()) {
    pinArguments(ins);
    const keyword = ins.getKeyword();
    const instr = toInstruction(file.path, ins, lines);
    if (keyword === 'FROM') {
      stage = startStage(file, ins as From, instr, stageNames, loc);
      continue;
    }
    if (!stage) {
      if (keyword === 'ARG') file.globalArgs.push(...properties(file.path, (ins as Arg).getProperties()));
      else file.problems.push({ message: `${keyword} before the first FROM`, line: instr.loc.line, column: instr.loc.column, severity: 'warning' });
      continue;
    }
    stage.instructions.push(instr);
    switch (keyword) {
      case 'USER': {
        const args = ins.getArgumentsRange();
        const value = (ins.getArgumentsContent() ?? '').trim();
        if (args && value) stage.user = { value, loc: loc(args) };
        else file.problems.push({ message: 'USER without a user', line: instr.loc.line, column: instr.loc.column, severity: 'warning' });
        break;
      }
      case 'HEALTHCHECK': {
        const sub = (ins as Healthcheck).getSubcommand();
        const disabled = sub?.getValue().toUpperCase() === 'NONE';
        stage.healthcheck = { value: disabled ? 'NONE' : (ins.getArgumentsContent() ?? '').trim(), loc: firstLine(instr.loc, lines) };
        stage.healthcheckDisabled = disabled;
        break;
      }
      case 'ARG':
        stage.args.push(...properties(file.path, (ins as Arg).getProperties()));
        break;
      case 'ENV':
        stage.env.push(...properties(file.path, (ins as Env).getProperties()));
        break;
      default:
        break;
    }
  }

  if (file.stages.length === 0) file.problems.push({ message: 'No FROM instruction: not a buildable Dockerfile', line: 1, column: 1, severity: 'error' });
  for (const s of file.stages) s.userResolved = resolveUser(file, s);
}

/**
 * dockerfile-ast lexes an instruction's arguments again on every getArguments(), and its own
 * getArgumentsRange(), getArgumentsContent(), getImage(), getFlags()... each call it: lex them
 * once per instruction. Copies are handed out because some of its callers shift the array.
 * (Only toString() and getVariables(), which this module does not use, lex on their own.)
 */
function pinArguments(ins: Instruction): void {
  const args = ins.getArguments(); // also settles the flags of instructions that have them
  ins.getArguments = () => args.slice();
}

function startStage(file: DockerfileFile, from: From, instr: DockerInstruction, stageNames: Map<string, number>, loc: (r: Range0) => Loc): DockerStage | undefined {
  const index = file.stages.length;
  const imageText = from.getImage();
  const imageRange = from.getImageRange();
  const fromLoc = firstLineOfInstr(instr);
  if (!imageText || !imageRange) {
    file.problems.push({ message: 'FROM without an image', line: instr.loc.line, column: instr.loc.column, severity: 'error' });
    // Keep a stage so following instructions are not attributed to the previous one.
    const s: DockerStage = { index, from: { value: '', loc: fromLoc }, image: { name: '' }, fromLoc, instructions: [], args: [], env: [] };
    file.stages.push(s);
    return s;
  }
  const image = imageRef(file, imageText);
  const platform = from.getPlatformFlag()?.getValue();
  if (platform) image.platform = platform;
  const stage: DockerStage = {
    index,
    from: { value: imageText, loc: loc(imageRange) },
    image,
    fromLoc,
    instructions: [],
    args: [],
    env: [],
  };
  const ref = (image.resolved ?? imageText).toLowerCase();
  const parent = stageNames.get(ref);
  if (parent !== undefined) stage.parent = parent;
  else if (ref === 'scratch') stage.scratch = true;
  const name = from.getBuildStage();
  const nameRange = from.getBuildStageRange();
  if (name && nameRange) {
    stage.name = { value: name, loc: loc(nameRange) };
    stageNames.set(name.toLowerCase(), index);
  }
  file.stages.push(stage);
  return stage;
}

function imageRef(file: DockerfileFile, written: string): ImageRef {
  if (!hasVariables(written)) return splitImage(written);
  const resolved = substitute(written, (n) => globalArg(file, n));
  if (resolved === undefined || resolved.trim() === '') return { ...splitImage(written), unresolved: true };
  return { ...splitImage(resolved), resolved };
}

function globalArg(file: DockerfileFile, name: string): string | undefined {
  let v: string | undefined;
  for (const a of file.globalArgs) if (a.name === name && a.value !== undefined) v = a.value;
  return v;
}

/** The stage's USER with variables substituted (ENV, then ARG with global defaults), or undefined. */
function resolveUser(file: DockerfileFile, stage: DockerStage): string | undefined {
  if (!stage.user) return undefined;
  const written = stage.user.value;
  if (!hasVariables(written)) return written;
  const vars = new Map<string, string>();
  const envNames = new Set<string>();
  // ENV is inherited from the stage this one builds on; ARGs are not.
  const chain: DockerStage[] = [];
  for (let s: DockerStage | undefined = stage; s; s = s.parent !== undefined ? file.stages[s.parent] : undefined) {
    chain.unshift(s);
    if (chain.length > file.stages.length) break;
  }
  const userLine = stage.user.loc.line;
  for (const s of chain) {
    const own = s === stage;
    const defs: { kind: 'ARG' | 'ENV'; kv: KeyValue }[] = [];
    if (own) for (const a of s.args) defs.push({ kind: 'ARG', kv: a });
    for (const e of s.env) defs.push({ kind: 'ENV', kv: e });
    defs.sort((a, b) => a.kv.loc.line - b.kv.loc.line || a.kv.loc.column - b.kv.loc.column);
    for (const d of defs) {
      if (own && d.kv.loc.line >= userLine) continue;
      const value = d.kv.value ?? (d.kind === 'ARG' ? globalArg(file, d.kv.name) : undefined);
      if (value === undefined) continue;
      if (d.kind === 'ARG' && envNames.has(d.kv.name)) continue; // ENV wins over ARG
      vars.set(d.kv.name, value);
      if (d.kind === 'ENV') envNames.add(d.kv.name);
    }
  }
  const out = substitute(written, (n) => vars.get(n));
  return out === undefined || out.trim() === '' ? undefined : out.trim();
}

function properties(path: string, props: Property[]): KeyValue[] {
  const out: KeyValue[] = [];
  for (const p of props) {
    const name = p.getName();
    if (!name) continue;
    const kv: KeyValue = { name, loc: toLoc(path, p.getRange()), nameLoc: toLoc(path, p.getNameRange()) };
    const value = p.getValue();
    if (value !== null) kv.value = value;
    const vr = p.getValueRange();
    if (vr) kv.valueLoc = toLoc(path, vr);
    out.push(kv);
  }
  return out;
}

function toInstruction(path: string, ins: Instruction, lines: string[]): DockerInstruction {
  const range = ins.getRange();
  const argsRange = ins.getArgumentsRange();
  const instr: DockerInstruction = {
    keyword: ins.getKeyword(),
    args: ins.getArgumentsContent() ?? '',
    loc: toLoc(path, range),
    raw: sliceText(lines, range),
    flags: [],
    words: [],
  };
  if (argsRange) instr.argsLoc = toLoc(path, argsRange);
  if (ins instanceof ModifiableInstruction) instr.flags = ins.getFlags().map((f) => f.getName().toLowerCase());
  const json = ins instanceof JSONInstruction ? ins.getJSONStrings() : [];
  if (json.length > 0) {
    instr.jsonForm = true;
    for (const j of json) {
      // getRange() includes the quotes, getJSONRange() is the string's content.
      const r = j.getJSONRange();
      let value = j.getJSONValue();
      try {
        const parsed: unknown = JSON.parse(sliceText(lines, j.getRange()));
        if (typeof parsed === 'string') value = parsed;
      } catch {
        // keep the parser's value
      }
      instr.words.push({ value, loc: toLoc(path, r) });
    }
  } else {
    for (const a of ins.getArguments()) instr.words.push({ value: a.getValue(), loc: toLoc(path, a.getRange()) });
  }
  return instr;
}

function sliceText(lines: string[], r: Range0): string {
  const out: string[] = [];
  for (let l = r.start.line; l <= r.end.line && l < lines.length; l++) {
    const line = lines[l];
    const from = l === r.start.line ? r.start.character : 0;
    const to = l === r.end.line ? r.end.character : line.length;
    out.push(line.slice(from, to));
  }
  return out.join('\n');
}

function toLoc(path: string, r: Range0): Loc {
  return { path, line: r.start.line + 1, column: r.start.character + 1, endLine: r.end.line + 1, endColumn: r.end.character + 1 };
}

function firstLineOfInstr(instr: DockerInstruction): Loc {
  const nl = instr.raw.indexOf('\n');
  if (nl < 0) return { ...instr.loc };
  return { ...instr.loc, endLine: instr.loc.line, endColumn: instr.loc.column + nl };
}

function firstLine(loc: Loc, lines: string[]): Loc {
  if (loc.line === loc.endLine) return { ...loc };
  const text = lines[loc.line - 1] ?? '';
  return { ...loc, endLine: loc.line, endColumn: text.length + 1 };
}

// ---------------------------------------------------------------------------------------
// Command text of RUN instructions with positions

/** A logical command line (continuations joined) with the position of every character. */
export interface MappedText {
  text: string;
  /** 1-based line of each character of `text`. */
  lines: number[];
  /** 1-based column of each character of `text`. */
  columns: number[];
}

/**
 * The commands an instruction runs, one per logical line: the shell form's arguments
 * (continuations joined) and each heredoc body line. Positions map back to the file.
 */
export function commandLines(instr: DockerInstruction, escape: string): MappedText[] {
  const out: MappedText[] = [];
  const raw = instr.raw;
  let line = instr.loc.line;
  let column = instr.loc.column;
  // Skip the keyword and flags: commands start at the arguments.
  let i = 0;
  const startLine = instr.argsLoc?.line ?? line;
  const startCol = instr.argsLoc?.column ?? column;
  let cur: MappedText = { text: '', lines: [], columns: [] };
  // The characters of the current logical line, joined once it ends (one pass over `raw`).
  let chars: string[] = [];
  const endLine = () => {
    cur.text = chars.join('');
    out.push(cur);
    cur = { text: '', lines: [], columns: [] };
    chars = [];
  };
  let inHeredoc = false;
  while (i < raw.length) {
    const ch = raw[i];
    const before = line < startLine || (line === startLine && column < startCol);
    if (ch === '\n') {
      if (!before) {
        endLine();
        inHeredoc = true;
      }
      i++;
      line++;
      column = 1;
      continue;
    }
    const nl = (ch === escape || (inHeredoc && ch === '\\')) ? continuationEnd(raw, i + 1) : -1;
    if (nl >= 0) {
      // A line continuation: drop it and the newline; keep going on the next line.
      i = nl + 1;
      line++;
      column = 1;
      // Comment lines inside a Dockerfile-level continuation are dropped by Docker.
      while (!inHeredoc && i < raw.length) {
        const end = raw.indexOf('\n', i);
        const next = raw.slice(i, end < 0 ? raw.length : end);
        if (!/^\s*#/.test(next) && next.trim() !== '') break;
        if (end < 0) {
          i = raw.length;
          break;
        }
        i = end + 1;
        line++;
      }
      continue;
    }
    if (!before) {
      chars.push(ch);
      cur.lines.push(line);
      cur.columns.push(column);
    }
    i++;
    column++;
  }
  endLine();
  return out.filter((m) => m.text.trim() !== '');
}

/**
 * The index of the newline that ends a line continuation whose escape character is just before
 * `i` (only blanks between them), or -1. Looks no further than those blanks, so a long line with
 * many escape characters is still read in one pass.
 */
function continuationEnd(raw: string, i: number): number {
  while (raw[i] === ' ' || raw[i] === '\t') i++;
  return raw[i] === '\n' ? i : -1;
}

/** The Loc of `text[start, end)` of a mapped command. */
export function mappedLoc(path: string, m: MappedText, start: number, end: number): Loc {
  const last = Math.max(start, end - 1);
  return {
    path,
    line: m.lines[start],
    column: m.columns[start],
    endLine: m.lines[last],
    endColumn: m.columns[last] + (end > start ? 1 : 0),
  };
}

/** The stage a stage ultimately builds on when it uses `FROM <stage>` (itself otherwise), with the chain. */
export function stageChain(file: DockerfileFile, stage: DockerStage): DockerStage[] {
  const chain: DockerStage[] = [stage];
  let s = stage;
  while (s.parent !== undefined && chain.length <= file.stages.length) {
    s = file.stages[s.parent];
    chain.push(s);
  }
  return chain;
}

