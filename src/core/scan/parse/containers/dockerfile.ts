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
import { Loc, Located } from '../../types';
import { hasVariables, splitImage, substitute } from './common';
import { DockerInstruction, DockerStage, DockerfileFile, ImageRef, KeyValue } from './types';

interface Range0 {
  start: { line: number; character: number };
  end: { line: number; character: number };
}

/**
 * Characters of an instruction's words dockerfile-ast is shown in full (see boundHugeInstructions).
 * Honest instructions stay far below it; a long apt-get list is a few KiB.
 */
const ARGUMENT_DETAIL_LIMIT = 8192;

/** `detailLimit` is for tests, which lower it to compare the bounded reading with the full one. */
export function parseDockerfile(path: string, text: string, detailLimit = ARGUMENT_DETAIL_LIMIT): DockerfileFile {
  const file: DockerfileFile = { kind: 'dockerfile', path, escape: '\\', globalArgs: [], stages: [], problems: [] };
  try {
    build(file, text, detailLimit);
  } catch (e) {
    file.problems.push({ message: `Dockerfile could not be read: ${e instanceof Error ? e.message : String(e)}`, severity: 'error' });
  }
  return file;
}

function build(file: DockerfileFile, text: string, detailLimit: number): void {
  const lines = text.split(/\r\n|\r|\n/);
  const escape = escapeDirective(text);
  const bounded = boundHugeInstructions(text, escape, detailLimit);
  const df = DockerfileParser.parse(bounded.text);
  file.escape = df.getEscapeCharacter() || '\\';
  const loc = (r: Range0): Loc => toLoc(file.path, r);
  let stage: DockerStage | undefined;
  const stageNames = new Map<string, number>();

  for (const ins of df.getInstructions()) {
    pinArguments(ins);
    const keyword = ins.getKeyword();
    const instr = toInstruction(file.path, ins, lines, bounded.startLines.has(ins.getRange().start.line) ? file.escape : undefined);
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
  else {
    const header = headerComments(file.path, lines, file.stages[0].fromLoc.line);
    if (header.length > 0) file.header = header;
  }
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

/**
 * `boundedEscape` is given (the file's escape character) when dockerfile-ast saw this instruction
 * with its words past the detail limit blanked: its words and argument text are then read here,
 * from the file's own text, in one pass.
 */
function toInstruction(path: string, ins: Instruction, lines: string[], boundedEscape?: string): DockerInstruction {
  const range = ins.getRange();
  const argsRange = ins.getArgumentsRange();
  const instr: DockerInstruction = {
    keyword: ins.getKeyword(),
    args: boundedEscape === undefined ? ins.getArgumentsContent() ?? '' : '',
    loc: toLoc(path, range),
    raw: sliceText(lines, range),
    flags: [],
    words: [],
  };
  if (argsRange) instr.argsLoc = toLoc(path, argsRange);
  if (ins instanceof ModifiableInstruction) instr.flags = ins.getFlags().map((f) => f.getName().toLowerCase());
  if (boundedEscape !== undefined) {
    readBoundedArguments(instr, boundedEscape);
    return instr;
  }
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

/**
 * Words and argument text of an instruction dockerfile-ast saw bounded, from its raw text
 * (continuations joined). The words of such an instruction are many and few readers want them
 * (ADD's URLs), so they are made on first use.
 */
function readBoundedArguments(instr: DockerInstruction, escape: string): void {
  const lines = commandLines(instr, escape);
  instr.args = lines.map((m) => m.text.trim()).join('\n');
  let words: Located[] | undefined;
  const located = (): Located[] =>
    lines.flatMap((m) => [...m.text.matchAll(/\S+/g)].map((w) => ({ value: w[0], loc: mappedLoc(instr.loc.path, m, w.index, w.index + w[0].length) })));
  Object.defineProperty(instr, 'words', {
    enumerable: true,
    configurable: true,
    get: () => (words ??= located()),
    set: (value: Located[]) => (words = value),
  });
}

/** At most this many header comment lines are kept: a licence text is long, what the image is for comes first. */
const HEADER_LINES = 40;
/** Parser directives (`# syntax=…`, `# escape=…`, `# check=…`) are not comments about the image. */
const PARSER_DIRECTIVE = /^\s*#\s*(syntax|escape|check)\s*=/i;

/** The comment lines before the first FROM (1-based `fromLine`), text after `#`, each with its place. */
function headerComments(path: string, lines: readonly string[], fromLine: number): Located[] {
  const out: Located[] = [];
  for (let i = 0; i < fromLine - 1 && i < lines.length && out.length < HEADER_LINES; i++) {
    const line = lines[i];
    const hash = line.indexOf('#');
    if (hash < 0 || line.slice(0, hash).trim() !== '' || PARSER_DIRECTIVE.test(line)) continue;
    const text = line.slice(hash + 1).trim();
    if (text) out.push({ value: text, loc: { path, line: i + 1, column: hash + 1, endLine: i + 1, endColumn: line.length + 1 } });
  }
  return out;
}

/** The escape character the file's parser directives set (`# escape=\``), read from the leading comment lines only. */
function escapeDirective(text: string): string {
  const header = /^\uFEFF?(?:[ \t]*#[^\r\n]*(?:\r\n|\r|\n))*/.exec(text)?.[0] ?? '';
  return header.length > 0 ? DockerfileParser.parse(header).getEscapeCharacter() || '\\' : '\\';
}

/** Flag text (`--mount=…`) kept in full before the first argument whatever the limit; honest flags are far shorter. */
const FLAG_TEXT_LIMIT = 4096;
/** Instructions whose words may be blanked past the limit: their words and text are read again by readBoundedArguments. */
const BOUNDABLE = new Set(['RUN', 'ADD', 'COPY', 'CMD', 'ENTRYPOINT']);
/** Instructions whose `<<NAME` words start heredocs (dockerfile-ast's rule; ONBUILD looks at its trigger). */
const HEREDOC_KEYWORDS = new Set(['RUN', 'ADD', 'COPY']);

/**
 * dockerfile-ast lexes an instruction's arguments about nine times while it parses it, each time
 * making an object and two positions per word, and its cost per word grows with the word count: a
 * 1 MB RUN line took 5 s. So it is shown a copy of the file where, in RUN/ADD/COPY/CMD/ENTRYPOINT
 * instructions (shell form) longer than `limit`, the words past the limit are blanked with spaces.
 * Everything that shapes the file stays in place, so every range it reports is the same: line
 * breaks, line-continuation escapes, comment marks, `<<NAME` heredoc words, heredoc terminator
 * lines and the last word of the instruction. The bounded instructions' words and text are read
 * again from the real text (readBoundedArguments). Returns the copy and the 0-based first lines
 * of the bounded instructions.
 */
function boundHugeInstructions(text: string, escape: string, limit: number): { text: string; startLines: Set<number> } {
  const startLines = new Set<number>();
  if (text.length <= limit) return { text, startLines };
  const out: string[] = [];
  const lastContent = text.trimEnd().length;
  const lineBreak = /\r\n|\r|\n/g;
  let lineNo = -1;
  let from = 0;
  // The instruction being read: its budget, whether it may be bounded, its heredocs.
  let current: { startLine: number; used: number; boundable: boolean; heredocKeyword: boolean; seenArgument: boolean; heredocs: string[]; tabbed: boolean } | undefined;
  let continued = false;
  let bodies: string[] = [];
  let tabbed = false;
  while (from <= text.length) {
    lineNo++;
    const m = lineBreak.exec(text);
    const end = m ? m.index : text.length;
    const content = text.slice(from, end);
    const newline = m ? m[0] : '';
    from = end + newline.length;
    const emit = (line: string) => out.push(line, newline);
    if (bodies.length > 0) {
      // A heredoc body: the terminator line is kept, other lines count against the budget.
      if ((tabbed ? content.replace(/^\t+/, '') : content) === bodies[0]) {
        bodies.shift();
        if (bodies.length === 0) current = undefined;
        emit(content);
      } else if (current?.boundable && current.used + content.length > limit) {
        startLines.add(current.startLine);
        // An unterminated heredoc ends with the file: its last word stays, as the instruction's last word.
        const keep = end < lastContent ? content.length : Math.max(0, content.search(/\S+\s*$/));
        emit(content.slice(0, keep).replace(/\S/g, ' ') + content.slice(keep));
      } else {
        if (current) current.used += content.length;
        emit(content);
      }
      if (!m) break;
      continue;
    }
    const trimmed = content.trimStart();
    if (trimmed === '' || trimmed.startsWith('#')) {
      // Blank lines and comments: outside an instruction, or skipped inside a continued one.
      emit(content);
      if (!m) break;
      continue;
    }
    const continues = continuationAt(content, escape);
    if (!continued) {
      const keyword = /^\S+/.exec(trimmed)![0].toUpperCase();
      const trigger = keyword === 'ONBUILD' ? (/^\S+\s+(\S+)/.exec(trimmed)?.[1] ?? '').toUpperCase() : keyword;
      current = { startLine: lineNo, used: 0, boundable: BOUNDABLE.has(keyword), heredocKeyword: HEREDOC_KEYWORDS.has(trigger), seenArgument: false, heredocs: [], tabbed: false };
    }
    const ins = current!;
    const chunks: string[] = [];
    let at = 0;
    const wordAt = /\S+/g;
    const words = content.slice(0, continues < 0 ? content.length : continues);
    // The last word of the instruction stays, so that dockerfile-ast ends the instruction where the file does.
    let keepFrom = words.length;
    if (continues < 0) while (keepFrom > 0 && /\s/.test(words[keepFrom - 1])) keepFrom--;
    while (continues < 0 && keepFrom > 0 && !/\s/.test(words[keepFrom - 1])) keepFrom--;
    /** Blanks `[from, keepFrom)` but for the `<<NAME` words in it, which are recorded. */
    const blankRest = (from: number) => {
      startLines.add(ins.startLine);
      let pos = from;
      while (pos < keepFrom) {
        let h = words.indexOf('<<', pos);
        while (h > 0 && h < keepFrom && !/\s/.test(words[h - 1])) h = words.indexOf('<<', h + 2);
        const stop = h >= 0 && h < keepFrom ? h : keepFrom;
        chunks.push(content.slice(at, pos), ' '.repeat(stop - pos));
        at = stop;
        if (stop === keepFrom) break;
        let end = h;
        while (end < words.length && !/\s/.test(words[end])) end++;
        const name = ins.heredocKeyword ? heredocName(words.slice(h, end)) : undefined;
        if (name !== undefined) {
          ins.heredocs.push(name);
          if (words.startsWith('<<-', h)) ins.tabbed = true;
        } else {
          chunks.push(' '.repeat(end - h));
          at = end;
        }
        pos = end;
      }
    };
    let isKeyword = !continued;
    for (let w = wordAt.exec(words); w; w = wordAt.exec(words)) {
      const word = w[0];
      // The keyword, the flags and the first argument stay: dockerfile-ast reads flags and the form from them.
      if (ins.boundable && ins.seenArgument && ins.used + word.length > limit) {
        blankRest(w.index);
        break;
      }
      const heredoc = ins.heredocKeyword && word.startsWith('<<') ? heredocName(word) : undefined;
      if (heredoc !== undefined) {
        ins.heredocs.push(heredoc);
        if (word.startsWith('<<-')) ins.tabbed = true;
      }
      if (!isKeyword && !ins.seenArgument) {
        if (!word.startsWith('--')) {
          ins.seenArgument = true;
          if (word.startsWith('[')) ins.boundable = false; // JSON form: its strings are read by dockerfile-ast
        } else if (ins.used > FLAG_TEXT_LIMIT) ins.seenArgument = true; // a wall of flags is bounded like arguments
      }
      ins.used += word.length + 1;
      isKeyword = false;
    }
    chunks.push(content.slice(at));
    emit(chunks.join(''));
    continued = continues >= 0;
    if (!continued) {
      if (ins.heredocs.length > 0) {
        bodies = ins.heredocs;
        tabbed = ins.tabbed;
      } else current = undefined;
    }
    if (!m) break;
  }
  return { text: out.join(''), startLines };
}

/** The index of a line-continuation escape (the escape character, then only blanks to the end of the line), or -1. */
function continuationAt(content: string, escape: string): number {
  let i = content.length - 1;
  while (i >= 0 && (content[i] === ' ' || content[i] === '\t')) i--;
  return i >= 0 && content[i] === escape ? i : -1;
}

/** The terminator a `<<NAME`, `<<-NAME`, `<<"NAME"` or `<<'NAME'` word waits for (dockerfile-ast's reading), or undefined. */
function heredocName(word: string): string | undefined {
  if (word.length <= 2) return undefined;
  let v = word.slice(2);
  if (v.startsWith('-')) v = v.slice(1);
  for (const q of ['"', "'"]) {
    if (v.startsWith(q)) {
      if (!v.endsWith(q)) return undefined;
      v = v.slice(1, v.length - 1);
    }
  }
  return v.startsWith('<') ? undefined : v;
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
  /**
   * Where the pieces of `text` come from, in order: a piece starts at offset `at` of `text`, at the
   * 1-based `line` and `column` of the file, and runs on that line up to the next piece.
   */
  pieces: { at: number; line: number; column: number }[];
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
  let cur: MappedText = { text: '', pieces: [] };
  // The text of the current logical line, joined once it ends (one pass over `raw`).
  let texts: string[] = [];
  let length = 0;
  const endLine = () => {
    cur.text = texts.join('');
    out.push(cur);
    cur = { text: '', pieces: [] };
    texts = [];
    length = 0;
  };
  const take = (from: number, to: number) => {
    texts.push(raw.slice(from, to));
    cur.pieces.push({ at: length, line, column });
    length += to - from;
  };
  // Characters that need a decision: newlines and escapes (in heredoc bodies also `\`).
  const special = (inHeredoc: boolean) => new RegExp(`[\\n${escapeRegExp(escape)}${inHeredoc ? '\\\\' : ''}]`, 'g');
  const specials = { shell: special(false), heredoc: special(true) };
  let inHeredoc = false;
  while (i < raw.length) {
    const finder = inHeredoc ? specials.heredoc : specials.shell;
    finder.lastIndex = i;
    const j = finder.exec(raw)?.index ?? raw.length;
    if (j > i) {
      // A run of plain characters: the part before the arguments is skipped.
      const skip = line < startLine ? j - i : line === startLine ? Math.min(j - i, Math.max(0, startCol - column)) : 0;
      column += skip;
      if (i + skip < j) take(i + skip, j);
      column += j - i - skip;
      i = j;
      continue;
    }
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
    const nl = continuationEnd(raw, i + 1);
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
    // An escape character that does not continue the line is a plain character.
    if (!before) take(i, i + 1);
    i++;
    column++;
  }
  endLine();
  return out.filter((m) => m.text.trim() !== '');
}

function escapeRegExp(ch: string): string {
  return ch.replace(/[\\^\]\-[]/g, '\\$&');
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
  const first = positionIn(m, start);
  const final = positionIn(m, last);
  return { path, line: first.line, column: first.column, endLine: final.line, endColumn: final.column + (end > start ? 1 : 0) };
}

/** The file position of character `offset` of a mapped command (the piece holding it, by binary search). */
function positionIn(m: MappedText, offset: number): { line: number; column: number } {
  let lo = 0;
  let hi = m.pieces.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (m.pieces[mid].at <= offset) lo = mid;
    else hi = mid - 1;
  }
  const p = m.pieces[lo];
  return { line: p.line, column: p.column + (offset - p.at) };
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

