// Shared helpers for the YAML CI parsers: opening a file safely, locations from nodes,
// merge-aware map access, and turning YAML scalars into logical shell lines with the exact
// position of every line's first character. Pure TypeScript: no 'vscode' here.
import { trimEndOf } from '../../text';
import {
  deref,
  Document,
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  readYamlDocuments,
  scalarText,
} from '../../yaml';
import { joinContinuations, PhysicalLine } from '../parse/shell';
import { CiFile, CiKind, CiReference, FileProblem, Loc, Located, ShellLine } from '../types';

/** Everything a parser needs to turn nodes of one document into located facts. */
export interface YamlCtx {
  path: string;
  text: string;
  lc: LineCounter;
  doc: Document.Parsed;
  problems: FileProblem[];
  /** Node visits left for recursive walks that may follow aliases (billion-laughs guard). */
  budget: { left: number; reported: boolean };
}

type Range = [number, number, number];

const BUDGET = 200_000;

export function emptyCiFile(kind: CiKind, path: string): CiFile {
  return {
    kind,
    path,
    anchor: { path, line: 1, column: 1, endLine: 1, endColumn: 1 },
    jobs: [],
    references: [],
    env: {},
    schedules: [],
    events: [],
    problems: [],
  };
}

export function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/**
 * Reads `text` (yaml.ts's readYamlDocuments: its problems go on the file) and returns a context
 * for every document it lets through.
 */
export function openYaml(file: CiFile, text: string): YamlCtx[] {
  return readYamlDocuments(text, file.problems).map(({ doc, lc }) => ({
    path: file.path,
    text,
    lc,
    doc,
    problems: file.problems,
    // The budget bounds walks that follow aliases; a document without aliases has fewer nodes than
    // characters, so a long but honest file (a 100k-line script) is walked completely.
    budget: { left: Math.max(BUDGET, text.length), reported: false },
  }));
}

/** Spends one unit of the walk budget; false (and one problem) once it is exhausted. */
export function spend(ctx: YamlCtx, n = 1): boolean {
  ctx.budget.left -= n;
  if (ctx.budget.left >= 0) return true;
  if (!ctx.budget.reported) {
    ctx.budget.reported = true;
    ctx.problems.push({ message: 'The document is too large once its aliases are expanded; the rest was not analysed', line: 1, column: 1, severity: 'error' });
  }
  return false;
}

/** Runs one part of a parse; an unexpected failure becomes a problem instead of an exception. */
export function guard(problems: FileProblem[], what: string, fn: () => void, at?: Loc): void {
  try {
    fn();
  } catch (e) {
    problems.push({ message: `Could not analyse ${what}: ${errorMessage(e)}`, line: at?.line ?? 1, column: at?.column ?? 1, severity: 'error' });
  }
}

// ---------------------------------------------------------------------------------------------
// Locations

export function rangeOf(node: unknown): Range | undefined {
  const r = (node as { range?: Range | null } | null | undefined)?.range;
  return Array.isArray(r) ? r : undefined;
}

export function posOf(ctx: YamlCtx, offset: number): { line: number; column: number } {
  const { line, col } = ctx.lc.linePos(Math.max(0, Math.min(offset, ctx.text.length)));
  return { line, column: col };
}

export function spanLoc(ctx: YamlCtx, start: number, end: number): Loc {
  const s = posOf(ctx, start);
  const e = posOf(ctx, Math.max(start, end));
  return { path: ctx.path, line: s.line, column: s.column, endLine: e.line, endColumn: e.column };
}

/** The written extent of a node (value end; the trailing line break of block scalars excluded). */
export function nodeLoc(ctx: YamlCtx, node: unknown, fallback?: Loc): Loc {
  const r = rangeOf(node);
  if (!r) return fallback ?? docStartLoc(ctx);
  let end = r[1];
  while (end > r[0] && (ctx.text[end - 1] === '\n' || ctx.text[end - 1] === '\r')) end--;
  return spanLoc(ctx, r[0], end);
}

export function docStartLoc(ctx: YamlCtx): Loc {
  const r = rangeOf(ctx.doc.contents);
  return r ? spanLoc(ctx, r[0], r[0]) : { path: ctx.path, line: 1, column: 1, endLine: 1, endColumn: 1 };
}

/** From the start of `a` to the end of `b` (e.g. `job: build`). */
export function joinLoc(a: Loc, b: Loc): Loc {
  return { path: a.path, line: a.line, column: a.column, endLine: b.endLine, endColumn: b.endColumn };
}

/**
 * The first line of a mapping item (a step): from its first key to the end of that key's value
 * when the value sits on the same line, else to the end of the key.
 */
export function itemLoc(ctx: YamlCtx, node: unknown, fallback?: Loc): Loc {
  const n = deref(ctx.doc, node);
  if (isMap(n)) {
    const first = n.items.find((p) => isPair(p));
    if (first && isPair(first)) {
      const kl = nodeLoc(ctx, first.key, fallback);
      const v = first.value;
      if (v !== null && v !== undefined && !isAlias(v) && rangeOf(v)) {
        const vl = nodeLoc(ctx, v);
        if (vl.line === kl.line && vl.endLine === kl.line) return joinLoc(kl, vl);
      }
      return kl;
    }
  }
  return nodeLoc(ctx, node, fallback);
}

// ---------------------------------------------------------------------------------------------
// Values

export interface Entry {
  key: string;
  keyNode: unknown;
  /** The value with one alias hop followed. */
  value: unknown;
  /** The value node as written (possibly an alias). */
  raw: unknown;
}

/**
 * The entries of a mapping with YAML merge-key semantics: keys written in the map win over
 * merged ones, and among merge sources the earlier source wins. Every map is visited once,
 * so cyclic or repeated merges cannot loop or blow up.
 */
export function entries(ctx: YamlCtx, node: unknown): Entry[] {
  const out: Entry[] = [];
  collectEntries(ctx, deref(ctx.doc, node), out, new Set<string>(), new Set<unknown>());
  return out;
}

function collectEntries(ctx: YamlCtx, map: unknown, out: Entry[], emitted: Set<string>, seen: Set<unknown>): void {
  if (!isMap(map) || seen.has(map)) return;
  seen.add(map);
  const pairs = map.items.filter((p) => isPair(p));
  // A key written twice (an error to YAML 1.2, accepted by the CI systems' lenient readers): the
  // last one wins, as in those readers.
  const explicit = new Map<string, number>();
  pairs.forEach((p, i) => {
    const k = scalarText(deref(ctx.doc, p.key));
    if (k !== undefined && k !== '<<') explicit.set(k, i);
  });
  for (const [index, p] of pairs.entries()) {
    const keyNode = deref(ctx.doc, p.key);
    const k = scalarText(keyNode);
    if (k === undefined) continue;
    // A quoted '<<' is an ordinary key; a plain one is a merge.
    const quoted = isScalar(keyNode) && (keyNode.type === 'QUOTE_SINGLE' || keyNode.type === 'QUOTE_DOUBLE');
    if (k === '<<' && !quoted) {
      const src = deref(ctx.doc, p.value);
      const sources = isSeq(src) ? src.items.map((i) => deref(ctx.doc, i)) : [src];
      for (const s of sources) {
        const sub: Entry[] = [];
        collectEntries(ctx, s, sub, new Set<string>(), seen);
        for (const e of sub) {
          if (explicit.has(e.key) || emitted.has(e.key)) continue;
          emitted.add(e.key);
          out.push(e);
        }
      }
      continue;
    }
    if (emitted.has(k) || (k !== '<<' && explicit.get(k) !== index)) continue;
    emitted.add(k);
    out.push({ key: k, keyNode: p.key, value: deref(ctx.doc, p.value), raw: p.value });
  }
}

export function entry(ctx: YamlCtx, node: unknown, key: string): Entry | undefined {
  return entries(ctx, node).find((e) => e.key === key);
}

export function get(ctx: YamlCtx, node: unknown, key: string): unknown {
  return entry(ctx, node, key)?.value;
}

export function items(ctx: YamlCtx, node: unknown): unknown[] {
  const n = deref(ctx.doc, node);
  if (!isSeq(n)) return [];
  return n.items.map((i) => deref(ctx.doc, i));
}

export function str(ctx: YamlCtx, node: unknown): string | undefined {
  return scalarText(deref(ctx.doc, node));
}

/** True only for a literal boolean `true` (not `"true"`, not an expression). */
export function isTrue(ctx: YamlCtx, node: unknown): boolean {
  const n = deref(ctx.doc, node);
  return isScalar(n) && n.value === true;
}

export function isNullish(ctx: YamlCtx, node: unknown): boolean {
  const n = deref(ctx.doc, node);
  return n === null || n === undefined || (isScalar(n) && (n.value === null || n.value === undefined));
}

/** A value as a string: scalars as written, sequences joined with `sep`, maps as their source. */
export function valueString(ctx: YamlCtx, node: unknown, sep = ' '): string {
  const n = deref(ctx.doc, node);
  if (n === null || n === undefined) return '';
  if (isScalar(n)) return scalarText(n) ?? '';
  if (isSeq(n)) {
    const parts: string[] = [];
    for (const i of n.items) {
      if (!spend(ctx)) break;
      parts.push(valueString(ctx, i, sep));
    }
    return parts.join(sep);
  }
  const r = rangeOf(n);
  return r ? ctx.text.slice(r[0], r[1]).trim() : '';
}

export function located(ctx: YamlCtx, node: unknown, fallback: Loc, sep = ' '): Located {
  const n = deref(ctx.doc, node);
  return { value: valueString(ctx, n, sep), loc: isNullish(ctx, n) ? fallback : nodeLoc(ctx, n, fallback) };
}

/** Located scalar, or undefined when the node is not a non-empty scalar. */
export function locatedScalar(ctx: YamlCtx, node: unknown): Located | undefined {
  const n = deref(ctx.doc, node);
  if (!isScalar(n)) return undefined;
  const v = scalarText(n);
  if (v === undefined || v === '' || n.value === null) return undefined;
  return { value: v, loc: nodeLoc(ctx, n) };
}

export function keyLoc(ctx: YamlCtx, e: Entry): Loc {
  return nodeLoc(ctx, e.keyNode);
}

/** `{ KEY: value }` → Located strings (value loc, or the key when the value is empty). */
export function envMap(ctx: YamlCtx, node: unknown): Record<string, Located> {
  const out: Record<string, Located> = {};
  for (const e of entries(ctx, node)) out[e.key] = located(ctx, e.value, keyLoc(ctx, e));
  return out;
}

/** Plain JS value of a node, bounded by the walk budget (aliases followed, never expanded twice over budget). */
export function plain(ctx: YamlCtx, node: unknown, depth = 0): unknown {
  const n = deref(ctx.doc, node);
  if (n === null || n === undefined || depth > 50 || !spend(ctx)) return null;
  if (isScalar(n)) {
    const v = n.value;
    return v instanceof Date ? scalarText(n) : v ?? null;
  }
  if (isSeq(n)) return n.items.map((i) => plain(ctx, i, depth + 1));
  if (isMap(n)) {
    const o: Record<string, unknown> = {};
    for (const e of entries(ctx, n)) o[e.key] = plain(ctx, e.value, depth + 1);
    return o;
  }
  return null;
}

/** Adds a reference unless the same one (kind, ref, position) is already there. */
export function addReference(file: CiFile, ref: CiReference): void {
  const dup = file.references.some((r) => r.kind === ref.kind && r.ref === ref.ref && r.loc.line === ref.loc.line && r.loc.column === ref.loc.column);
  if (!dup) file.references.push(ref);
}

// ---------------------------------------------------------------------------------------------
// Paths

/** '/'-separated, no leading './' or '/', '.' and '..' resolved where possible. */
export function normalizePath(p: string): string {
  const parts = p.replace(/\\/g, '/').split('/');
  const out: string[] = [];
  for (const part of parts) {
    if (part === '' || part === '.') continue;
    if (part === '..' && out.length && out[out.length - 1] !== '..') out.pop();
    else out.push(part);
  }
  return out.join('/');
}

export function dirname(p: string): string {
  const i = p.lastIndexOf('/');
  return i < 0 ? '' : p.slice(0, i);
}

// ---------------------------------------------------------------------------------------------
// Scalars → shell lines

/** One line of a scalar's value with the source offsets of its characters. */
interface ValueLine {
  chars: string[];
  offs: number[];
}

/** A value built character by character, each character remembering where it was written. */
class Builder {
  chars: string[] = [];
  offs: number[] = [];
  private pendChars: string[] = [];
  private pendOffs: number[] = [];
  push(c: string, off: number): void {
    this.flush();
    // One element per UTF-16 unit, so indexes in the joined text match indexes here.
    for (const unit of c.split('')) {
      this.chars.push(unit);
      this.offs.push(off);
    }
  }
  /** Literal whitespace: kept only if something other than a line break follows. */
  ws(c: string, off: number): void {
    this.pendChars.push(c);
    this.pendOffs.push(off);
  }
  dropWs(): void {
    this.pendChars = [];
    this.pendOffs = [];
  }
  flush(): void {
    for (let i = 0; i < this.pendChars.length; i++) {
      this.chars.push(this.pendChars[i]);
      this.offs.push(this.pendOffs[i]);
    }
    this.dropWs();
  }
  value(): string {
    return this.chars.join('');
  }
  lines(): ValueLine[] {
    const out: ValueLine[] = [{ chars: [], offs: [] }];
    for (let i = 0; i < this.chars.length; i++) {
      if (this.chars[i] === '\n') out.push({ chars: [], offs: [] });
      else {
        out[out.length - 1].chars.push(this.chars[i]);
        out[out.length - 1].offs.push(this.offs[i]);
      }
    }
    return out;
  }
}

const DOUBLE_ESCAPES: Record<string, string> = {
  '0': '\0', a: '\x07', b: '\b', t: '\t', '\t': '\t', n: '\n', v: '\v', f: '\f', r: '\r', e: '\x1b',
  ' ': ' ', '"': '"', '/': '/', '\\': '\\', N: '\x85', _: '\xa0', L: '\u2028', P: '\u2029',
};

function isBreakAt(text: string, i: number): number {
  if (text[i] === '\n') return 1;
  if (text[i] === '\r' && text[i + 1] === '\n') return 2;
  if (text[i] === '\r') return 1;
  return 0;
}

/**
 * After a line break at `i` (of length `len`): skips the indentation of following lines and
 * counts empty lines. Returns the offset of the next content character and the count.
 */
function skipFold(text: string, i: number, end: number): { next: number; empty: number } {
  let j = i;
  let empty = 0;
  for (;;) {
    while (j < end && (text[j] === ' ' || text[j] === '\t')) j++;
    const b = isBreakAt(text, j);
    if (b && j < end) {
      empty++;
      j += b;
      continue;
    }
    return { next: j, empty };
  }
}

/** Plain and quoted (flow) scalars: line folding, quote and escape handling. */
function flowScalar(text: string, start: number, end: number, style: 'plain' | 'single' | 'double'): Builder {
  const b = new Builder();
  let i = start;
  while (i < end) {
    const c = text[i];
    const br = isBreakAt(text, i);
    if (br) {
      b.dropWs();
      const f = skipFold(text, i + br, end);
      if (f.empty === 0) b.push(' ', i);
      else for (let k = 0; k < f.empty; k++) b.push('\n', i);
      i = f.next;
      continue;
    }
    if (c === ' ' || c === '\t') {
      b.ws(c, i);
      i++;
      continue;
    }
    if (style === 'single' && c === "'" && text[i + 1] === "'") {
      b.push("'", i);
      i += 2;
      continue;
    }
    if (style === 'double' && c === '\\' && i + 1 < end) {
      const n = text[i + 1];
      const nbr = isBreakAt(text, i + 1);
      if (nbr) {
        // Escaped line break: joins without a space; whitespace before it is content.
        b.flush();
        const f = skipFold(text, i + 1 + nbr, end);
        for (let k = 0; k < f.empty; k++) b.push('\n', i);
        i = f.next;
        continue;
      }
      const hexLen = n === 'x' ? 2 : n === 'u' ? 4 : n === 'U' ? 8 : 0;
      if (hexLen) {
        const hex = text.slice(i + 2, i + 2 + hexLen);
        const cp = /^[0-9a-fA-F]+$/.test(hex) && hex.length === hexLen ? parseInt(hex, 16) : NaN;
        b.push(Number.isNaN(cp) || cp > 0x10ffff ? text.slice(i, i + 2 + hexLen) : String.fromCodePoint(cp), i);
        i += 2 + hexLen;
        continue;
      }
      b.push(DOUBLE_ESCAPES[n] ?? text.slice(i, i + 2), i);
      i += 2;
      continue;
    }
    b.push(c, i);
    i++;
  }
  if (style !== 'plain') b.flush();
  return b;
}

/** Block scalars (`|`, `>`, with chomping and indentation indicators). */
function blockScalar(text: string, start: number, end: number, folded: boolean, value: string): Builder | undefined {
  let i = start;
  while (i < end && !isBreakAt(text, i)) i++;
  if (i >= end) return new Builder(); // header only: empty value
  i += isBreakAt(text, i);
  // Physical lines of the body, without their line breaks.
  const lines: { start: number; raw: string }[] = [];
  while (i < end) {
    let j = i;
    while (j < end && !isBreakAt(text, j)) j++;
    lines.push({ start: i, raw: text.slice(i, j) });
    i = j + (j < end ? isBreakAt(text, j) : 0);
  }
  const firstValue = value.split('\n').find((l) => /[^ ]/.test(l));
  const firstRaw = lines.find((l) => /[^ ]/.test(l.raw));
  if (firstValue === undefined || !firstRaw) return new Builder();
  const lead = (s: string) => s.length - s.replace(/^ +/, '').length;
  const indent = lead(firstRaw.raw) - lead(firstValue);
  if (indent < 0) return undefined;
  const b = new Builder();
  type Content = { start: number; text: string };
  const body: (Content | null)[] = [];
  for (const l of lines) {
    if (l.raw.length <= indent && !/[^ ]/.test(l.raw)) {
      body.push(null);
      continue;
    }
    if (lead(l.raw) < indent && /[^ ]/.test(l.raw)) break; // less indented: not part of the scalar
    body.push({ start: l.start + indent, text: l.raw.slice(indent) });
  }
  const emit = (c: Content) => {
    for (let k = 0; k < c.text.length; k++) b.push(c.text[k], c.start + k);
  };
  if (!folded) {
    body.forEach((c, idx) => {
      if (idx > 0) b.push('\n', c ? c.start : b.offs[b.offs.length - 1] ?? start);
      if (c) emit(c);
    });
    return b;
  }
  let prev: Content | undefined;
  let empties = 0;
  for (const c of body) {
    if (!c || c.text === '') {
      empties++;
      continue;
    }
    const more = c.text[0] === ' ' || c.text[0] === '\t';
    if (!prev) for (let k = 0; k < empties; k++) b.push('\n', c.start);
    else {
      const prevMore = prev.text[0] === ' ' || prev.text[0] === '\t';
      if (!more && !prevMore) {
        if (empties === 0) b.push(' ', c.start - 1);
        else for (let k = 0; k < empties; k++) b.push('\n', c.start);
      } else for (let k = 0; k < empties + 1; k++) b.push('\n', c.start);
    }
    emit(c);
    prev = c;
    empties = 0;
  }
  return b;
}

function sameValue(a: string, b: string): boolean {
  return trimEndOf(a, '\n') === trimEndOf(b, '\n');
}

/** The value lines of a scalar node, with source offsets for every character. */
function scalarLines(ctx: YamlCtx, node: unknown): ValueLine[] {
  const n = deref(ctx.doc, node);
  if (!isScalar(n)) return [];
  const r = rangeOf(n);
  const value = scalarText(n) ?? '';
  const type = (n as { type?: string }).type;
  let b: Builder | undefined;
  if (r) {
    const [s, e] = r;
    if (type === 'BLOCK_LITERAL' || type === 'BLOCK_FOLDED') b = blockScalar(ctx.text, s, e, type === 'BLOCK_FOLDED', value);
    else if (type === 'QUOTE_SINGLE') b = flowScalar(ctx.text, s + 1, e - 1, 'single');
    else if (type === 'QUOTE_DOUBLE') b = flowScalar(ctx.text, s + 1, e - 1, 'double');
    else if (type === 'PLAIN') b = typeof n.value === 'string' ? flowScalar(ctx.text, s, e, 'plain') : undefined;
    if (b && !sameValue(b.value(), value)) b = undefined;
  }
  if (b) return b.lines();
  // Fallback (should not happen): lines of the parsed value, placed at the node's first line.
  const start = r?.[0] ?? 0;
  return value.split('\n').map((l, li) => ({ chars: l.split(''), offs: l.split('').map((_, k) => (li === 0 ? start + k : start)) }));
}

/**
 * Logical shell lines of a YAML scalar: one entry per command line, at the exact position of
 * its first character. The value's lines go through the shell module's joiner (the same rules
 * as for shell scripts and Jenkinsfiles): backslash continuations, trailing operators and open
 * quotes join lines; blank lines and full-line comments are dropped; heredoc bodies are skipped
 * (the line that opens the heredoc is kept). Positions are mapped back character by character,
 * so folded, quoted and escaped scalars are exact too. A sequence gives every item's lines.
 */
export function scriptLines(ctx: YamlCtx, node: unknown, depth = 0): ShellLine[] {
  const n = deref(ctx.doc, node);
  if (isSeq(n)) {
    const out: ShellLine[] = [];
    if (depth > 20) return out;
    for (const i of n.items) {
      if (!spend(ctx)) break;
      out.push(...scriptLines(ctx, i, depth + 1));
    }
    return out;
  }
  if (!isScalar(n) || n.value === null || n.value === undefined) return [];
  return logicalLines(ctx, scalarLines(ctx, n));
}

const HERESTRING = '\u0000\u0000\u0000';

/** Joins the value lines into logical lines and maps their positions back to the source. */
function logicalLines(ctx: YamlCtx, vlines: ValueLine[]): ShellLine[] {
  // Synthetic coordinates: line = index of the value line + 1, column = index in it + 1.
  // Here-strings (`<<<`) are masked with same-length placeholders so that they can never be
  // taken for the start of a heredoc (which would swallow the rest of the script).
  const phys: PhysicalLine[] = vlines.map((l, i) => ({ text: l.chars.join('').replace(/<<</g, HERESTRING), line: i + 1, column: 1 }));
  const out: ShellLine[] = [];
  for (const joined of joinContinuations(ctx.path, phys)) {
    const sl = { ...joined, text: joined.text.split(HERESTRING).join('<<<') };
    const startLine = vlines[sl.loc.line - 1];
    const endLine = vlines[sl.loc.endLine - 1];
    const start = startLine?.offs[sl.loc.column - 1];
    if (start === undefined) continue;
    const lastIdx = Math.min(Math.max(sl.loc.endColumn - 2, 0), (endLine?.offs.length ?? 1) - 1);
    const last = endLine?.offs[lastIdx];
    const end = last === undefined ? start + sl.text.length : last + 1;
    out.push({ text: sl.text, loc: spanLoc(ctx, start, Math.max(end, start + 1)) });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Commands given as a program and an argument list (Cloud Build `args`, Tekton `command`/`args`)

/** A word as a POSIX shell would need it written to stay one word. */
export function shellQuote(word: string): string {
  return word !== '' && /^[A-Za-z0-9_@%+=:,./${}-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/** The scalar items of a list (a lone scalar is a list of one), as written. */
export function stringItems(ctx: YamlCtx, node: unknown): string[] {
  const n = deref(ctx.doc, node);
  if (isScalar(n)) return n.value === null || n.value === undefined ? [] : [scalarText(n) ?? ''];
  return items(ctx, n).filter((i) => isScalar(i)).map((i) => scalarText(i) ?? '');
}

/**
 * `program arg…` as one shell line, located at `at` (the node that holds the arguments): what a
 * container runs when a dialect gives its command as a list instead of a script.
 */
export function commandLine(program: string, args: string[], at: Loc): ShellLine {
  return { text: [program, ...args].map(shellQuote).join(' '), loc: at };
}

const SHELLS = new Set(['bash', 'sh', '/bin/bash', '/bin/sh', '/usr/bin/bash', '/usr/bin/env bash', 'ash', '/bin/ash', 'zsh']);

/** Is this program a POSIX shell (so `-c <script>` is a script)? */
export function isShellProgram(program: string): boolean {
  return SHELLS.has(program.trim());
}

/**
 * The script a shell runs when called as `<shell> [-flags] -c <script> …`: the node of the
 * script argument, or undefined when the arguments are not of that form.
 */
export function shellScriptArg(ctx: YamlCtx, argsNode: unknown): unknown {
  const args = items(ctx, argsNode);
  for (let i = 0; i < args.length - 1; i++) {
    const a = str(ctx, args[i]) ?? '';
    if (!/^-[A-Za-z]*c[A-Za-z]*$/.test(a)) {
      if (a.startsWith('-')) continue;
      return undefined;
    }
    return args[i + 1];
  }
  return undefined;
}
