// Shell command analysis: turns a ShellLine into the programs it actually runs.
// Interface fixed here; the implementation (invocations) follows below.
import { trimEndOf } from '../../text';
import { ShellLine } from '../types';

export interface Invocation {
  /** Program actually run, as a basename in lower case: `trivy`, `gitleaks`, `zap-baseline.py`, `npm`. */
  program: string;
  /** Words after the program, quotes removed, variables left as written (`$IMAGE`). */
  args: string[];
  /**
   * 'run': the program runs. 'install': a package manager or installer puts it on the machine
   * (`pip install semgrep`, `npm i -g snyk`, `apt-get install trivy`, `curl … | sh`): the
   * installed names are in `args`, and it does NOT count as running the tool.
   */
  kind: 'run' | 'install';
  /** The wrapper it was reached through: `npx`, `docker run`, `python -m`, `bash -c`, `sudo`, ... */
  wrapper?: string;
  /** The image for `docker|podman|nerdctl run IMAGE …` (as written, with tag or digest). */
  image?: string;
  /** The line it came from: the evidence location. */
  line: ShellLine;
  /**
   * (Added, optional) The command word as written, quotes removed: `./scripts/scan.sh`,
   * `@cyclonedx/cyclonedx-npm@1`, `tools/zap-baseline.py`. Lets callers follow script paths.
   */
  command?: string;
  /**
   * For a download (`curl`, `wget`, ...) whose content is run as it arrives, unverified: the
   * program that runs it (`sh` in `curl … | sh`, `bash` in `bash <(curl …)`, `$(…)` when the
   * download's output is itself the command). Such a download is also an 'install'.
   */
  runBy?: string;
}

// ───────────────────────────── implementation ─────────────────────────────
//
// A small, tolerant reader for POSIX-ish shell (plus the bits of bash people write in CI).
// It never throws: unbalanced quotes or substitutions run to the end of the text.

/** One physical line of a script with the place it starts (used to build logical lines). */
export interface PhysicalLine {
  text: string;
  /** 1-based line of this physical line. */
  line: number;
  /** 1-based column of the first character of `text`. */
  column: number;
}

interface Word {
  /** Quotes removed, escapes resolved, substitutions kept as written. */
  text: string;
  /** Set when the word's text is parsed as a script of its own (`sh -c WORD`): its substitutions are parsed there. */
  script?: boolean;
  /** As written. */
  raw: string;
  /** Inner texts of `$(…)`, backticks and `<(…)`/`>(…)` found in the word. */
  subs: string[];
}

type Tok = { k: 'w'; w: Word } | { k: 'r'; w: Word } | { k: 'op'; v: string };

interface Ctx {
  line: ShellLine;
  depth: number;
  wrapper?: string;
  image?: string;
}

/** Command substitutions and wrappers (`sh -c`, `eval`) nested deeper than this are not analysed. */
export const MAX_SUBSTITUTION_DEPTH = 10;
/** A quote left open for this many physical lines is taken as a stray quote, not a multi-line string. */
const MAX_OPEN_JOIN = 40;

// ── scanning primitives: each returns the index after the closing delimiter, or n + 1 when unterminated

function endSingle(s: string, i: number): number {
  const j = s.indexOf("'", i);
  return j < 0 ? s.length + 1 : j + 1;
}

function endAnsi(s: string, i: number): number {
  for (; i < s.length; i++) {
    if (s[i] === '\\') { i++; continue; }
    if (s[i] === "'") return i + 1;
  }
  return s.length + 1;
}

function endBacktick(s: string, i: number): number {
  for (; i < s.length; i++) {
    if (s[i] === '\\') { i++; continue; }
    if (s[i] === '`') return i + 1;
  }
  return s.length + 1;
}

/** After `"`: the index after the closing quote. */
function endDouble(s: string, i: number): number {
  return endNested(s, i, 'double');
}

/** After `${`: the index after the matching `}`. */
function endBrace(s: string, i: number): number {
  return endNested(s, i, 'brace');
}

/** After `$((`. */
function endArith(s: string, i: number): number {
  let depth = 2;
  for (; i < s.length; i++) {
    const c = s[i];
    if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i + 1;
  }
  return s.length + 1;
}

/** After `$(` (or `<(`, `(`): finds the matching `)`. */
function endCmd(s: string, i: number): number {
  return endNested(s, i, 'cmd');
}

/**
 * What a nested construct is: a double-quoted string, `${…}`, `$(…)`, or the unquoted text of a
 * whole line (`top`, which no `)` closes).
 */
type NestKind = 'double' | 'brace' | 'cmd' | 'top';

interface NestFrame {
  kind: NestKind;
  /** Open `{` or `(` of this construct's own kind, itself included. */
  depth: number;
  /** At the start of a word (where `#` starts a comment). */
  wordStart: boolean;
}

/**
 * One pass over `s` from `i`, inside a construct of kind `kind`, with an explicit stack instead of
 * recursion: `"$("$(…)")"` nested thousands deep costs linear time and no call stack. Returns the
 * index after the construct's closer (s.length + 1 when it is unterminated) and the deepest
 * nesting of command substitutions met on the way (`$(…)` counts, the construct itself does not).
 */
function scanNested(s: string, i: number, kind: NestKind): { end: number; substitutions: number } {
  const stack: NestFrame[] = [{ kind, depth: 1, wordStart: true }];
  let top = stack[0];
  let commands = 0;
  let deepest = 0;
  const open = (k: NestKind, next: number) => {
    top = { kind: k, depth: 1, wordStart: true };
    stack.push(top);
    if (k === 'cmd') deepest = Math.max(deepest, ++commands);
    i = next;
  };
  /** Closes the innermost construct; true when that was the outermost one. */
  const close = (next: number): boolean => {
    if (top.kind === 'cmd') commands--;
    stack.pop();
    i = next;
    if (stack.length === 0) return true;
    top = stack[stack.length - 1];
    top.wordStart = false;
    return false;
  };
  while (i < s.length) {
    const c = s[i];
    if (c === '\\') { i += 2; top.wordStart = false; continue; }
    if (c === '$' && s[i + 1] === '(') {
      if (s[i + 2] === '(') { i = endArith(s, i + 3); top.wordStart = false; continue; }
      open('cmd', i + 2);
      continue;
    }
    if (c === '$' && s[i + 1] === '{') { open('brace', i + 2); continue; }
    if (c === '`') { i = endBacktick(s, i + 1); top.wordStart = false; continue; }
    if (top.kind === 'double') {
      if (c === '"' && close(i + 1)) return { end: i, substitutions: deepest };
      else if (c !== '"') i++;
      continue;
    }
    if (c === '"') { open('double', i + 1); continue; }
    if (top.kind === 'brace') {
      if (c === "'") { i = endSingle(s, i + 1); continue; }
      if (c === '{') top.depth++;
      if (c === '}' && --top.depth === 0) {
        if (close(i + 1)) return { end: i, substitutions: deepest };
        continue;
      }
      i++;
      continue;
    }
    // `cmd` and `top`: unquoted shell text
    if (c === "'") { i = s[i - 1] === '$' ? endAnsi(s, i + 1) : endSingle(s, i + 1); top.wordStart = false; continue; }
    if (c === '#' && top.wordStart) {
      const nl = s.indexOf('\n', i);
      i = nl < 0 ? s.length : nl;
      continue;
    }
    if (c === '(') top.depth++;
    else if (c === ')' && top.kind === 'cmd' && --top.depth === 0) {
      if (close(i + 1)) return { end: i, substitutions: deepest };
      continue;
    }
    top.wordStart = /[\s;&|()<>]/.test(c);
    i++;
  }
  return { end: s.length + 1, substitutions: deepest };
}

function endNested(s: string, i: number, kind: NestKind): number {
  return scanNested(s, i, kind).end;
}

/**
 * How deep command substitutions (`$(…)`) nest in a line of shell: the analysis reads
 * MAX_SUBSTITUTION_DEPTH levels and leaves what is nested deeper unread.
 */
export function substitutionDepth(text: string): number {
  return scanNested(text, 0, 'top').substitutions;
}

/** Content end and next index for a construct that opened at `open` with a closer of length `closeLen`. */
function span(s: string, e: number, closeLen = 1): { contentEnd: number; next: number } {
  return e > s.length ? { contentEnd: s.length, next: s.length } : { contentEnd: e - closeLen, next: e };
}

function ansiUnescape(s: string): string {
  return s.replace(/\\(.)/g, (_m, c: string) => {
    switch (c) {
      case 'n': return '\n';
      case 't': return '\t';
      case 'r': return '\r';
      case 'e': case 'E': return '\x1b';
      case 'a': return '\x07';
      case 'b': return '\b';
      default: return c;
    }
  });
}

/** Resolves escapes inside double quotes; substitutions stay as written and are collected. */
function doubleContent(s: string, subs: string[]): string {
  let out = '';
  let i = 0;
  while (i < s.length) {
    const c = s[i];
    if (c === '\\' && i + 1 < s.length) {
      const d = s[i + 1];
      if (d === '\n') { i += 2; continue; }
      if (d === '$' || d === '`' || d === '"' || d === '\\') { out += d; i += 2; continue; }
      out += c + d;
      i += 2;
      continue;
    }
    if (c === '$' && s[i + 1] === '(') {
      if (s[i + 2] === '(') {
        const e = span(s, endArith(s, i + 3));
        out += s.slice(i, e.next);
        i = e.next;
        continue;
      }
      const e = span(s, endCmd(s, i + 2));
      subs.push(s.slice(i + 2, e.contentEnd));
      out += s.slice(i, e.next);
      i = e.next;
      continue;
    }
    if (c === '$' && s[i + 1] === '{') {
      const e = span(s, endBrace(s, i + 2));
      out += s.slice(i, e.next);
      i = e.next;
      continue;
    }
    if (c === '`') {
      const e = span(s, endBacktick(s, i + 1));
      subs.push(s.slice(i + 1, e.contentEnd).replace(/\\([`\\$])/g, '$1'));
      out += s.slice(i, e.next);
      i = e.next;
      continue;
    }
    out += c;
    i++;
  }
  return out;
}

const WORD_BREAK = new Set([' ', '\t', '\r', '\n', ';', '&', '|', '(', ')', '<', '>']);
const REDIRECT = /(\d*)(&>>|&>|>>|>&|>\||<<<|<<-|<<|<&|<>|>|<)(?!\()/y;

function readWord(s: string, start: number): { w: Word; next: number } {
  let i = start;
  let text = '';
  const subs: string[] = [];
  while (i < s.length) {
    const c = s[i];
    if (WORD_BREAK.has(c)) {
      if ((c === '<' || c === '>') && s[i + 1] === '(') {
        const e = span(s, endCmd(s, i + 2));
        subs.push(s.slice(i + 2, e.contentEnd));
        text += s.slice(i, e.next);
        i = e.next;
        continue;
      }
      if (c === '(' && /^[A-Za-z_][A-Za-z0-9_]*\+?=$/.test(s.slice(start, i))) {
        // array assignment: NAME=(a b c)
        const e = span(s, endCmd(s, i + 1));
        text += s.slice(i, e.next);
        i = e.next;
        continue;
      }
      break;
    }
    if (c === '\\') {
      if (s[i + 1] === '\n') { i += 2; continue; }
      if (i + 1 < s.length) text += s[i + 1];
      i += 2;
      continue;
    }
    if (c === "'") {
      const e = span(s, endSingle(s, i + 1));
      text += s.slice(i + 1, e.contentEnd);
      i = e.next;
      continue;
    }
    if (c === '$' && s[i + 1] === "'") {
      const e = span(s, endAnsi(s, i + 2));
      text += ansiUnescape(s.slice(i + 2, e.contentEnd));
      i = e.next;
      continue;
    }
    if (c === '"') {
      const e = span(s, endDouble(s, i + 1));
      text += doubleContent(s.slice(i + 1, e.contentEnd), subs);
      i = e.next;
      continue;
    }
    if (c === '$' && s[i + 1] === '(') {
      if (s[i + 2] === '(') {
        const e = span(s, endArith(s, i + 3));
        text += s.slice(i, e.next);
        i = e.next;
        continue;
      }
      const e = span(s, endCmd(s, i + 2));
      subs.push(s.slice(i + 2, e.contentEnd));
      text += s.slice(i, e.next);
      i = e.next;
      continue;
    }
    if (c === '$' && s[i + 1] === '{') {
      const e = span(s, endBrace(s, i + 2));
      text += s.slice(i, e.next);
      i = e.next;
      continue;
    }
    if (c === '`') {
      const e = span(s, endBacktick(s, i + 1));
      subs.push(s.slice(i + 1, e.contentEnd).replace(/\\([`\\$])/g, '$1'));
      text += s.slice(i, e.next);
      i = e.next;
      continue;
    }
    text += c;
    i++;
  }
  return { w: { text, raw: s.slice(start, i), subs }, next: Math.max(i, start + (i === start ? 1 : 0)) };
}

function skipBlank(s: string, i: number, newlines: boolean): number {
  for (;;) {
    const c = s[i];
    if (c === ' ' || c === '\t' || c === '\r' || (newlines && c === '\n')) { i++; continue; }
    if (c === '\\' && s[i + 1] === '\n') { i += 2; continue; }
    if (newlines && c === '#') {
      const nl = s.indexOf('\n', i);
      i = nl < 0 ? s.length : nl;
      continue;
    }
    return i;
  }
}

function tokenize(s: string): Tok[] {
  const toks: Tok[] = [];
  const heredocs: { delim: string; strip: boolean }[] = [];
  let i = 0;
  const n = s.length;
  while (i < n) {
    const c = s[i];
    if (c === ' ' || c === '\t' || c === '\r') { i++; continue; }
    if (c === '\\' && s[i + 1] === '\n') { i += 2; continue; }
    if (c === '\n') {
      toks.push({ k: 'op', v: '\n' });
      i++;
      // here-document bodies follow the line that opened them
      for (const hd of heredocs) {
        while (i < n) {
          const nl = s.indexOf('\n', i);
          const ln = s.slice(i, nl < 0 ? n : nl);
          i = nl < 0 ? n : nl + 1;
          if ((hd.strip ? ln.replace(/^\t+/, '') : ln).trim() === hd.delim) break;
        }
      }
      heredocs.length = 0;
      continue;
    }
    if (c === '#') {
      const nl = s.indexOf('\n', i);
      i = nl < 0 ? n : nl;
      continue;
    }
    const two = s.slice(i, i + 2);
    if (two === '&&' || two === '||') {
      toks.push({ k: 'op', v: two });
      i = skipBlank(s, i + 2, true);
      continue;
    }
    if (two === ';;' || two === ';&') {
      const v = s.slice(i, i + 3) === ';;&' ? ';;&' : two;
      toks.push({ k: 'op', v });
      i += v.length;
      continue;
    }
    if (two === '|&') {
      toks.push({ k: 'op', v: '|&' });
      i = skipBlank(s, i + 2, true);
      continue;
    }
    REDIRECT.lastIndex = i;
    const m = REDIRECT.exec(s);
    if (m && !(c === '&' && s[i + 1] !== '>')) {
      const op = m[2];
      i += m[0].length;
      i = skipBlank(s, i, false);
      if (op.endsWith('&')) {
        const fd = /\d+-?|-/y;
        fd.lastIndex = i;
        const f = fd.exec(s);
        if (f) { i += f[0].length; continue; }
      }
      if (i >= n || WORD_BREAK.has(s[i])) continue;
      const r = readWord(s, i);
      i = r.next;
      if (op === '<<' || op === '<<-') heredocs.push({ delim: r.w.text, strip: op === '<<-' });
      else toks.push({ k: 'r', w: r.w });
      continue;
    }
    if (c === '|') {
      toks.push({ k: 'op', v: '|' });
      i = skipBlank(s, i + 1, true);
      continue;
    }
    if (c === ';' || c === '&' || c === '(' || c === ')') {
      toks.push({ k: 'op', v: c });
      i++;
      continue;
    }
    const r = readWord(s, i);
    toks.push({ k: 'w', w: r.w });
    i = r.next;
  }
  return toks;
}

/** Splits text into plain words (no operators), for `env -S "…"` and the like. */
function splitWords(s: string): Word[] {
  return tokenize(s).filter((t): t is { k: 'w'; w: Word } => t.k === 'w').map((t) => t.w);
}

interface Segment {
  words: Word[];
  rsubs: string[];
  before: string;
  after: string;
}

function segmentsOf(toks: Tok[]): Segment[] {
  const segs: Segment[] = [];
  let cur: Segment = { words: [], rsubs: [], before: '', after: '' };
  for (const t of toks) {
    if (t.k === 'w') cur.words.push(t.w);
    else if (t.k === 'r') cur.rsubs.push(...t.w.subs);
    else {
      cur.after = t.v;
      segs.push(cur);
      cur = { words: [], rsubs: [], before: t.v, after: '' };
    }
  }
  segs.push(cur);
  return segs;
}

// ── words and names

const SHELLS = new Set(['sh', 'bash', 'zsh', 'dash', 'ash', 'ksh', 'mksh', 'fish']);
const INTERPRETERS = new Set(['python', 'python3', 'python2', 'perl', 'ruby', 'node']);
const KEYWORDS = new Set(['if', 'then', 'else', 'elif', 'fi', 'do', 'done', 'while', 'until', '!', '{', '}', 'esac', 'in']);

function isAssignment(w: Word): boolean {
  return /^[A-Za-z_][A-Za-z0-9_]*(\[[^\]]*\])?\+?=/.test(w.raw);
}

function basename(t: string): string {
  const segs = t.split('/').filter((x) => x !== '');
  let b = (segs.length ? segs[segs.length - 1] : t).toLowerCase();
  if (b.endsWith('.exe')) b = b.slice(0, -4);
  return b;
}

function wholeSubstitution(t: string): boolean {
  if (t.startsWith('$(') && !t.startsWith('$((')) return endCmd(t, 2) === t.length;
  if (t.startsWith('`')) return endBacktick(t, 1) === t.length;
  return false;
}

/** The program a word names: basename, lower case; `$(which x)` → x; undefined when it cannot be known. */
function programName(w: Word): string | undefined {
  const t = w.text.trim();
  if (!t) return undefined;
  const m = /^(?:\$\(|`)\s*(?:which|command\s+-v|type\s+-p|whereis\s+-b)\s+([^\s)`]+)\s*(?:\)|`)$/.exec(t);
  if (m) return basename(m[1]);
  if (wholeSubstitution(t)) return undefined;
  const d = /^\$\{[A-Za-z_][A-Za-z0-9_]*:?[-=]([^{}$]+)\}$/.exec(t);
  if (d) return basename(d[1]);
  return basename(t);
}

function npmName(spec: string): string {
  let t = spec.trim().toLowerCase();
  if (t.startsWith('npm:')) t = t.slice(4);
  if (/^(\.{1,2}\/|\/|file:|git\+|git:|https?:|github:)/.test(t)) return t;
  const at = t.indexOf('@', t.startsWith('@') ? 1 : 0);
  return at > 0 ? t.slice(0, at) : t;
}

function pyName(spec: string): string {
  const t = spec.trim().toLowerCase();
  if (/^(\.{1,2}\/|\/|git\+|https?:|file:)/.test(t) || t.includes('/')) return t;
  const m = /^[a-z0-9][a-z0-9._-]*/.exec(t);
  return m ? m[0] : t;
}

function goName(spec: string): string {
  const t = spec.toLowerCase().replace(/@.*$/, '');
  const segs = t.split('/').filter((x) => x !== '' && x !== '.');
  if (!segs.length) return t;
  let b = segs[segs.length - 1];
  if (/^v\d+$/.test(b) && segs.length > 1) b = segs[segs.length - 2];
  return b;
}

function lastSegName(spec: string): string {
  const t = spec.toLowerCase();
  const segs = t.split('/').filter((x) => x !== '');
  const b = segs.length ? segs[segs.length - 1] : t;
  const at = b.indexOf('@', 1);
  return at > 0 ? b.slice(0, at) : b;
}

function simpleName(spec: string, cut: RegExp): string {
  const t = spec.trim().toLowerCase();
  const m = cut.exec(t);
  return m ? t.slice(0, m.index) : t;
}

/** The program part of an image reference: `ghcr.io/aquasecurity/trivy:0.50.0` → `trivy`. */
export function imageProgram(image: string): string {
  let s = image.toLowerCase();
  const at = s.indexOf('@');
  if (at >= 0) s = s.slice(0, at);
  const segs = s.split('/').filter((x) => x !== '');
  let b = segs.length ? segs[segs.length - 1] : s;
  const colon = b.indexOf(':');
  if (colon >= 0) b = b.slice(0, colon);
  return b;
}

// ── options

interface OptSpec {
  /** Short option letters that take a value. */
  short?: string;
  /** Long option names (without dashes) that take a value. */
  long?: string[];
  /** Go-style single-dash long options that take a value. */
  single?: string[];
}

interface Opts {
  /** Index of the first word that is not an option (after `--` when present). */
  end: number;
  values: [string, string][];
  flags: string[];
}

/** Reads options starting at `start` until the first non-option word. */
function readOpts(ws: string[], start: number, spec: OptSpec): Opts {
  const values: [string, string][] = [];
  const flags: string[] = [];
  let i = start;
  while (i < ws.length) {
    const t = ws[i];
    if (t === '--') return { end: i + 1, values, flags };
    if (t.startsWith('--')) {
      const eq = t.indexOf('=');
      const name = t.slice(2, eq < 0 ? undefined : eq);
      i++;
      if (eq >= 0) values.push([`--${name}`, t.slice(eq + 1)]);
      else if (spec.long?.includes(name) && i < ws.length) values.push([`--${name}`, ws[i++]]);
      else flags.push(`--${name}`);
      continue;
    }
    if (t.startsWith('-') && t.length > 1) {
      i++;
      if (spec.single) {
        const eq = t.indexOf('=');
        const name = t.slice(1, eq < 0 ? undefined : eq);
        if (spec.single.includes(name)) {
          if (eq >= 0) values.push([`-${name}`, t.slice(eq + 1)]);
          else if (i < ws.length) values.push([`-${name}`, ws[i++]]);
          continue;
        }
        if (name.length > 1) { flags.push(t); continue; }
      }
      for (let k = 1; k < t.length; k++) {
        if (spec.short?.includes(t[k])) {
          if (k < t.length - 1) values.push([`-${t[k]}`, t.slice(k + 1).replace(/^=/, '')]);
          else if (i < ws.length) values.push([`-${t[k]}`, ws[i++]]);
          break;
        }
        flags.push(`-${t[k]}`);
      }
      continue;
    }
    break;
  }
  return { end: i, values, flags };
}

/** Positional words anywhere in ws[start..] (options and their values skipped; after `--` all count). */
function positionals(ws: string[], start: number, spec: OptSpec): string[] {
  const out: string[] = [];
  let i = start;
  while (i < ws.length) {
    const o = readOpts(ws, i, spec);
    if (o.end > i && ws[o.end - 1] === '--') {
      out.push(...ws.slice(o.end));
      break;
    }
    i = o.end;
    if (i < ws.length) out.push(ws[i++]);
  }
  return out;
}

function optValue(o: Opts, ...names: string[]): string | undefined {
  let v: string | undefined;
  for (const [k, val] of o.values) if (names.includes(k)) v = val;
  return v;
}

// ── package installers

const PIP_INSTALL: OptSpec = {
  short: 'rcitfeC',
  long: ['requirement', 'constraint', 'index-url', 'extra-index-url', 'target', 'find-links', 'editable', 'prefix', 'root',
    'trusted-host', 'platform', 'python-version', 'implementation', 'abi', 'progress-bar', 'cache-dir', 'src', 'upgrade-strategy',
    'log', 'proxy', 'retries', 'timeout', 'exists-action', 'cert', 'client-cert', 'only-binary', 'no-binary', 'config-settings',
    'global-option', 'report', 'python', 'group'],
};
const NPM_INSTALL: OptSpec = { short: 'wC', long: ['prefix', 'registry', 'cache', 'userconfig', 'omit', 'include', 'workspace', 'loglevel', 'install-strategy', 'tag', 'dir', 'filter', 'store-dir', 'cwd', 'modules-folder', 'cache-folder', 'reporter', 'config', 'network-timeout', 'mutex', 'global-folder'] };
const APT: OptSpec = { short: 'otc', long: ['option', 'target-release', 'config-file', 'default-release'] };
const APK: OptSpec = { short: 'tXp', long: ['virtual', 'repository', 'repositories-file', 'root', 'arch', 'cache-dir', 'keys-dir', 'progress-fd', 'wait'] };
const YUM: OptSpec = { short: 'cR', long: ['config', 'installroot', 'releasever', 'enablerepo', 'disablerepo', 'repo', 'repoid', 'exclude', 'forcearch', 'setopt', 'downloaddir', 'destdir'] };
const GO_BUILD: OptSpec = {
  single: ['p', 'C', 'asmflags', 'buildmode', 'compiler', 'gccgoflags', 'gcflags', 'installsuffix', 'ldflags', 'mod', 'modfile', 'overlay',
    'pgo', 'pkgdir', 'tags', 'toolexec', 'exec', 'coverpkg', 'covermode', 'o'],
};
const CARGO_INSTALL: OptSpec = { short: 'Fj', long: ['version', 'vers', 'git', 'branch', 'tag', 'rev', 'path', 'root', 'index', 'registry', 'features', 'target', 'profile', 'jobs', 'bin', 'example', 'target-dir', 'config', 'strategies', 'install-path', 'pkg-url', 'pkg-fmt'] };

const NPM_INSTALL_CMDS = new Set(['install', 'i', 'in', 'ins', 'inst', 'insta', 'instal', 'isnt', 'isnta', 'isntal', 'isntall', 'add']);

function pipInstall(ws: string[]): string[] | undefined {
  const o = readOpts(ws, 0, PIP_INSTALL);
  if (ws[o.end] !== 'install') return undefined;
  return positionals(ws, o.end + 1, PIP_INSTALL).map(pyName);
}

/**
 * Names installed by a package-manager command, [] for an install command without names, or
 * undefined when the command does not install.
 */
function installedNames(prog: string, ws: string[]): string[] | undefined {
  if (/^pip\d*(\.\d+)*$/.test(prog)) return pipInstall(ws);
  switch (prog) {
    case 'uv': {
      const o = readOpts(ws, 0, { long: ['directory', 'project', 'cache-dir', 'config-file', 'python'] });
      const sub = ws[o.end];
      if (sub === 'pip') return pipInstall(ws.slice(o.end + 1));
      const spec: OptSpec = { short: 'p', long: ['with', 'python', 'from', 'index', 'index-url', 'extra-index-url', 'with-requirements', 'with-editable', 'constraints', 'overrides', 'group', 'optional', 'extra', 'package', 'tag', 'branch', 'rev', 'bounds', 'script'] };
      if (sub === 'tool' && ws[o.end + 1] === 'install') return positionals(ws, o.end + 2, spec).map(pyName);
      if (sub === 'add') return positionals(ws, o.end + 1, spec).map(pyName);
      return undefined;
    }
    case 'pipx': {
      const spec: OptSpec = { long: ['python', 'pip-args', 'index-url', 'suffix', 'spec', 'preinstall'] };
      const o = readOpts(ws, 0, spec);
      if (ws[o.end] !== 'install') return undefined;
      return positionals(ws, o.end + 1, spec).map(pyName);
    }
    case 'poetry':
    case 'pdm': {
      const spec: OptSpec = { short: 'GEC', long: ['group', 'source', 'extras', 'python', 'platform', 'directory', 'project'] };
      const o = readOpts(ws, 0, spec);
      if (ws[o.end] !== 'add') return undefined;
      return positionals(ws, o.end + 1, spec).map(pyName);
    }
    case 'conda':
    case 'mamba':
    case 'micromamba': {
      const spec: OptSpec = { short: 'cnpf', long: ['channel', 'name', 'prefix', 'file'] };
      const o = readOpts(ws, 0, spec);
      if (ws[o.end] !== 'install') return undefined;
      return positionals(ws, o.end + 1, spec).map((x) => simpleName(x.replace(/^.*::/, ''), /[=<>! ]/));
    }
    case 'npm':
    case 'pnpm':
    case 'bun': {
      const o = readOpts(ws, 0, NPM_INSTALL);
      const sub = ws[o.end];
      if (sub === undefined) return undefined;
      const ok = NPM_INSTALL_CMDS.has(sub) || (prog === 'bun' && sub === 'a');
      if (!ok) return undefined;
      return positionals(ws, o.end + 1, NPM_INSTALL).map(npmName);
    }
    case 'yarn': {
      const o = readOpts(ws, 0, NPM_INSTALL);
      let k = o.end;
      if (ws[k] === 'global') k++;
      if (ws[k] !== 'add') return undefined;
      return positionals(ws, k + 1, NPM_INSTALL).map(npmName);
    }
    case 'apt-get':
    case 'apt':
    case 'aptitude':
    case 'apt-fast': {
      const pos = positionals(ws, 0, APT);
      if (pos[0] !== 'install') return undefined;
      return pos.slice(1).map((x) => simpleName(x, /[=:/]/));
    }
    case 'apk': {
      const pos = positionals(ws, 0, APK);
      if (pos[0] !== 'add') return undefined;
      return pos.slice(1).map((x) => simpleName(x, /[=<>~]/));
    }
    case 'yum':
    case 'dnf':
    case 'microdnf':
    case 'tdnf': {
      const pos = positionals(ws, 0, YUM);
      if (pos[0] !== 'install' && pos[0] !== 'in') return undefined;
      return pos.slice(1).map((x) => x.toLowerCase());
    }
    case 'zypper': {
      const spec: OptSpec = { short: 'tRr', long: ['type', 'repo', 'from', 'root'] };
      const pos = positionals(ws, 0, spec);
      if (pos[0] !== 'install' && pos[0] !== 'in') return undefined;
      return pos.slice(1).map((x) => simpleName(x, /[=<>]/));
    }
    case 'brew': {
      const pos = positionals(ws, 0, {});
      if (pos[0] !== 'install' && pos[0] !== 'reinstall') return undefined;
      return pos.slice(1).map(lastSegName);
    }
    case 'pacman': {
      const o = readOpts(ws, 0, { long: ['config', 'root', 'dbpath', 'cachedir'] });
      const sync = o.flags.some((f) => f === '--sync') || ws.slice(0, o.end).some((w) => /^-S[yuwd]*$/.test(w));
      if (!sync) return undefined;
      return positionals(ws, 0, { long: ['config', 'root', 'dbpath', 'cachedir'] }).map((x) => x.toLowerCase());
    }
    case 'snap': {
      const pos = positionals(ws, 0, { long: ['channel', 'revision'] });
      if (pos[0] !== 'install') return undefined;
      return pos.slice(1).map((x) => x.toLowerCase());
    }
    case 'choco':
    case 'cinst':
    case 'scoop': {
      const pos = positionals(ws, 0, { long: ['version', 'source', 'params', 'package-parameters', 'install-arguments', 'ia', 'cache-location', 'execution-timeout'] });
      if (prog === 'cinst') return pos.map(lastSegName);
      if (pos[0] !== 'install') return undefined;
      return pos.slice(1).map(lastSegName);
    }
    case 'winget': {
      const spec: OptSpec = { short: 'vslqo', long: ['id', 'name', 'version', 'source', 'scope', 'override', 'location', 'log', 'locale', 'architecture', 'custom', 'moniker', 'query'] };
      const pos = positionals(ws, 0, spec);
      if (pos[0] !== 'install' && pos[0] !== 'add') return undefined;
      const o = readOpts(ws, 1, spec);
      const id = optValue(o, '--id', '--name', '-q', '--query');
      return id ? [id.toLowerCase()] : pos.slice(1).map((x) => x.toLowerCase());
    }
    case 'go': {
      if (ws[0] !== 'install' && ws[0] !== 'get') return undefined;
      return positionals(ws, 1, GO_BUILD).filter((x) => x !== '.' && !x.includes('...')).map(goName);
    }
    case 'cargo': {
      if (ws[0] !== 'install' && ws[0] !== 'binstall') return undefined;
      const names = positionals(ws, 1, CARGO_INSTALL).map((x) => lastSegName(x));
      if (!names.length) {
        const git = optValue(readOpts(ws, 1, CARGO_INSTALL), '--git');
        if (git) return [lastSegName(git).replace(/\.git$/, '')];
      }
      return names;
    }
    case 'gem': {
      const spec: OptSpec = { short: 'vins', long: ['version', 'install-dir', 'bindir', 'source', 'platform', 'build-root'] };
      if (ws[0] !== 'install') return undefined;
      return positionals(ws, 1, spec).map((x) => simpleName(x, /:/));
    }
    case 'dotnet': {
      if (ws[0] !== 'tool' || (ws[1] !== 'install' && ws[1] !== 'update')) return undefined;
      return positionals(ws, 2, { short: 'v', long: ['version', 'tool-path', 'configfile', 'add-source', 'framework', 'verbosity', 'arch', 'a'] }).map((x) => x.toLowerCase());
    }
    case 'composer': {
      const spec: OptSpec = { short: 'd', long: ['working-dir'] };
      const pos = positionals(ws, 0, spec);
      let k = 0;
      if (pos[k] === 'global') k++;
      if (pos[k] !== 'require') return undefined;
      return pos.slice(k + 1).map((x) => simpleName(x, /[:@]/));
    }
    default:
      return undefined;
  }
}

// ── container runners

const DOCKER_GLOBAL: OptSpec = { short: 'Hcl', long: ['host', 'context', 'config', 'log-level', 'url', 'connection', 'root', 'runroot', 'storage-driver', 'cgroup-manager', 'tlscacert', 'tlscert', 'tlskey', 'namespace', 'address', 'n', 'a'] };
const DOCKER_RUN: OptSpec = {
  short: 'acehlmpuvw',
  long: ['attach', 'volume', 'env', 'env-file', 'name', 'workdir', 'entrypoint', 'network', 'net', 'user', 'publish', 'mount', 'platform',
    'hostname', 'add-host', 'label', 'label-file', 'cpus', 'memory', 'cap-add', 'cap-drop', 'security-opt', 'device', 'dns', 'tmpfs',
    'ulimit', 'pull', 'restart', 'log-driver', 'log-opt', 'shm-size', 'pid', 'ipc', 'uts', 'userns', 'cidfile', 'gpus', 'volumes-from',
    'link', 'group-add', 'expose', 'health-cmd', 'health-interval', 'health-retries', 'health-timeout', 'health-start-period',
    'stop-signal', 'stop-timeout', 'cgroupns', 'cgroup-parent', 'runtime', 'isolation', 'mac-address', 'ip', 'ip6', 'annotation',
    'cpu-shares', 'cpuset-cpus', 'cpuset-mems', 'cpu-period', 'cpu-quota', 'memory-swap', 'memory-reservation', 'sysctl',
    'storage-opt', 'network-alias', 'dns-search', 'dns-option', 'blkio-weight', 'oom-score-adj', 'detach-keys', 'kernel-memory',
    'pids-limit', 'device-cgroup-rule', 'domainname', 'arch', 'os', 'variant', 'secret', 'pod', 'uidmap', 'gidmap', 'subuidname',
    'subgidname', 'requires', 'preserve-fds', 'init-path', 'hooks-dir', 'conmon-pidfile', 'sdnotify', 'timezone', 'umask', 'passwd-entry',
    'chrootdirs', 'decryption-key', 'image-volume', 'label-file', 'log-level', 'personality', 'seccomp-policy', 'systemd', 'tz'],
};
const DOCKER_EXEC: OptSpec = { short: 'euw', long: ['env', 'env-file', 'user', 'workdir', 'detach-keys'] };

const GENERIC_IMAGES = new Set(['alpine', 'ubuntu', 'debian', 'busybox', 'centos', 'fedora', 'rockylinux', 'almalinux', 'amazonlinux',
  'archlinux', 'opensuse', 'leap', 'tumbleweed', 'node', 'python', 'golang', 'go', 'ruby', 'openjdk', 'eclipse-temurin', 'amazoncorretto',
  'maven', 'gradle', 'php', 'rust', 'perl', 'bash', 'buildpack-deps', 'sdk', 'dotnet', 'docker', 'ubi', 'ubi8', 'ubi9', 'ubi-minimal',
  'ubi8-minimal', 'ubi9-minimal', 'cloud-sdk', 'base', 'deno', 'bun', 'composer', 'swift', 'elixir', 'erlang', 'haskell', 'clojure',
  'mcr.microsoft.com', 'powershell', 'azure-cli', 'aws-cli', 'ci', 'builder', 'runner']);
const GENERIC_PROGRAMS = new Set([...SHELLS, ...INTERPRETERS, 'env', 'echo', 'cat', 'ls', 'make', 'npm', 'npx', 'yarn', 'pnpm',
  'pip', 'pip3', 'go', 'java', 'mvn', 'gradle', 'apt-get', 'apt', 'apk', 'yum', 'dnf', 'git', 'curl', 'wget', 'tar', 'gem', 'bundle',
  'php', 'composer', 'dotnet', 'cargo', 'rustc', 'uv', 'uvx', 'pipx', 'poetry', 'pipenv', 'bun', 'bunx', 'deno', 'true', 'test',
  'timeout', 'xargs', 'find', 'sleep', 'chmod', 'mkdir', 'cp', 'mv', 'rm', 'sed', 'awk', 'grep', 'jq', 'tee', 'sudo', 'nohup',
  'time', 'pytest', 'tox', 'sh', 'exec', 'printf', 'tini', 'dumb-init']);

function looksLikeCommand(cmd: string, image: string): boolean {
  if (!cmd || cmd.startsWith('-')) return false;
  if (cmd.includes('/')) return true;
  const b = basename(cmd);
  if (/\.(py|sh|bash|rb|pl|js|mjs|cjs|ts|jar|php|ps1)$/.test(b)) return true;
  const ip = imageProgram(image);
  if (b === ip || GENERIC_IMAGES.has(ip) || GENERIC_PROGRAMS.has(b)) return true;
  return false;
}

function urlArgs(args: string[]): string[] {
  const urls = args.filter((a) => a.includes('://'));
  if (urls.length) return urls;
  const hosts = args.filter((a) => !a.startsWith('-') && /^[\w.-]+\.[a-z]{2,}(\/|$)/i.test(a));
  return hosts.length ? hosts : args.filter((a) => !a.startsWith('-'));
}

function mk(program: string, args: string[], ctx: Ctx, wrapper: string | undefined, image: string | undefined, command?: string, kind: 'run' | 'install' = 'run'): Invocation {
  const inv: Invocation = { program, args, kind, line: ctx.line };
  if (wrapper) inv.wrapper = wrapper;
  if (image) inv.image = image;
  if (command !== undefined) inv.command = command;
  return inv;
}

/** What a wrapper rule made of one simple command. */
type Unwrapped =
  /** The invocations it runs: done. */
  | { run: Invocation[] }
  /** It runs these words (reached through `wrapper`, in `image` when given): unwrap them next. */
  | { words: Word[]; wrapper: string; image?: string }
  /** Not used as a wrapper here: an ordinary command (or an installer). */
  | undefined;

/** One simple command as a wrapper rule sees it. */
interface WrapperCall {
  /** The program, as programName gives it. */
  prog: string;
  /** The words after the program, and their texts. */
  rest: Word[];
  ws: string[];
  ctx: Ctx;
  image: string | undefined;
  /** The command itself as the invocation (by default: this program with all its arguments). */
  here(program?: string, args?: string[], command?: string): Invocation[];
  /** Unwrap the words from index k of `rest` next, reached through `wrapper`; undefined when there are none. */
  descend(k: number, wrapper: string): Unwrapped;
}

type WrapperRule = (c: WrapperCall) => Unwrapped;

/** Runs what follows its options (`sudo -u x cmd`, `nice -n 5 cmd`). */
function prefixRule(spec: OptSpec): WrapperRule {
  return (c) => c.descend(readOpts(c.ws, 0, spec).end, c.prog) ?? { run: c.here(c.prog) };
}

function packageRunnerRule(c: WrapperCall): Unwrapped {
  return { run: packageRunner(c.rest, 0, c.prog, c.ctx, c.image) ?? c.here(c.prog) };
}

function nodePackageManagerRule(c: WrapperCall): Unwrapped {
  const { prog, ws } = c;
  const o = readOpts(ws, 0, NPM_INSTALL);
  const sub = ws[o.end];
  if (prog === 'npm') {
    const r = sub === 'exec' || sub === 'x' ? packageRunner(c.rest, o.end + 1, 'npm exec', c.ctx, c.image) : undefined;
    return r ? { run: r } : undefined;
  }
  if (sub === 'dlx' || (prog === 'bun' && sub === 'x')) return { run: packageRunner(c.rest, o.end + 1, `${prog} ${sub}`, c.ctx, c.image) ?? c.here(prog) };
  if (sub === 'exec') return c.descend(readOpts(ws, o.end + 1, { short: 'cC', long: ['dir', 'filter', 'shell-mode'] }).end, `${prog} exec`);
  return undefined;
}

function uvRule(c: WrapperCall): Unwrapped {
  const { prog, ws, ctx, image } = c;
  let k = 0;
  let name = 'uvx';
  if (prog === 'uv') {
    const g = readOpts(ws, 0, { long: ['directory', 'project', 'cache-dir', 'config-file'] });
    k = g.end;
    if (ws[k] === 'tool' && ws[k + 1] === 'run') { k += 2; name = 'uv tool run'; }
    else if (ws[k] === 'x') { k += 1; }
    else if (ws[k] === 'run') {
      const o = readOpts(ws, k + 1, { short: 'pw', long: ['with', 'python', 'project', 'directory', 'package', 'extra', 'group', 'env-file', 'index', 'index-url', 'extra-index-url', 'with-requirements', 'with-editable', 'only-group', 'no-group', 'no-extra', 'all-groups'] });
      if ((o.flags.includes('-m') || o.flags.includes('--module')) && o.end < ws.length) return { run: [mk(ws[o.end].toLowerCase(), ws.slice(o.end + 1), ctx, 'uv run', image, ws[o.end])] };
      return c.descend(o.end, 'uv run') ?? { run: c.here(prog) };
    } else return undefined;
  }
  const o = readOpts(ws, k, { short: 'pw', long: ['from', 'with', 'python', 'index', 'index-url', 'extra-index-url', 'with-requirements', 'with-editable', 'constraints', 'overrides'] });
  const cmd = ws[o.end];
  if (cmd === undefined) return { run: c.here(prog) };
  const from = optValue(o, '--from') !== undefined;
  return { run: [mk(from ? basename(cmd) : pyName(cmd.replace(/@.*$/, '')), ws.slice(o.end + 1), ctx, name, image, cmd)] };
}

function pythonProjectRule(c: WrapperCall): Unwrapped {
  const o = readOpts(c.ws, 0, { short: 'C', long: ['directory', 'project', 'env', 'python'] });
  if (c.ws[o.end] !== 'run') return undefined;
  return c.descend(readOpts(c.ws, o.end + 1, {}).end, `${c.prog} run`);
}

function containerRule(c: WrapperCall): Unwrapped {
  const { prog, ws, rest, ctx } = c;
  const g = readOpts(ws, 0, DOCKER_GLOBAL);
  let k = g.end;
  if (ws[k] === 'container') k++;
  if (ws[k] === 'run') {
    const o = readOpts(ws, k + 1, DOCKER_RUN);
    const img = ws[o.end];
    if (img === undefined) return { run: c.here(prog) };
    const after = rest.slice(o.end + 1);
    const entry = optValue(o, '--entrypoint');
    const cmdWords: Word[] = entry ? [...splitWords(entry), ...after] : after;
    if (cmdWords.length && (entry || looksLikeCommand(cmdWords[0].text, img))) return { words: cmdWords, wrapper: `${prog} run`, image: img };
    return { run: [mk(imageProgram(img), after.map((x) => x.text), ctx, `${prog} run`, img)] };
  }
  if (ws[k] === 'exec') return c.descend(readOpts(ws, k + 1, DOCKER_EXEC).end + 1, `${prog} exec`) ?? { run: c.here(prog) };
  if (ws[k] === 'compose' && ws[k + 1] === 'exec') return c.descend(readOpts(ws, k + 2, { short: 'euw', long: ['env', 'user', 'workdir', 'index'] }).end + 1, `${prog} compose exec`);
  return undefined;
}

function pythonRule(c: WrapperCall): Unwrapped {
  const { prog, ws, ctx, image } = c;
  let i = 0;
  let module: number | undefined;
  let stop = false;
  while (i < ws.length && !stop) {
    const a = ws[i];
    if (a === '-m') { module = i + 1; break; }
    if (a === '-c' || a === '-' || a === '--') { stop = true; break; }
    if (/^-[WX]$/.test(a)) { i += 2; continue; }
    if (a.startsWith('-') && a.length > 1) {
      if (/^-[A-Za-z]*m$/.test(a) && !a.startsWith('--')) { module = i + 1; break; }
      i++;
      continue;
    }
    break;
  }
  // the module name is a plain name (`pip`, `bandit`, `pip_audit`)
  if (module !== undefined) return c.descend(module, 'python -m') ?? { run: c.here(prog) };
  if (!stop && i < ws.length && /\.py[wz]?$/i.test(ws[i])) return { run: [mk(basename(ws[i]), ws.slice(i + 1), ctx, 'python', image, ws[i])] };
  return { run: c.here(prog) };
}

function shellRule(c: WrapperCall): Unwrapped {
  const { prog, ws, rest, ctx, image } = c;
  const shell = prog === 'busybox' ? 'sh' : prog;
  let cFlag = false;
  let i = prog === 'busybox' ? 1 : 0;
  while (i < ws.length) {
    const a = ws[i];
    if (a === '--' || a === '-') { i++; break; }
    if (a === '--rcfile' || a === '--init-file') { i += 2; continue; }
    if (a.startsWith('--')) { i++; continue; }
    if (/^[-+][A-Za-z]+$/.test(a)) {
      if (a[0] === '-' && a.includes('c')) cFlag = true;
      i += /[oO]/.test(a) ? 2 : 1;
      continue;
    }
    break;
  }
  if (cFlag && i < ws.length) {
    rest[i].script = true;
    return { run: parseText(ws[i], { line: ctx.line, depth: ctx.depth + 1, wrapper: `${shell} -c`, image }) };
  }
  return { run: c.here(prog) };
}

/**
 * Programs that run other programs, and how to find what they run. A program not listed is an
 * ordinary command (or an installer: installedNames); python and shells are matched by name in
 * wrapperRule.
 */
const WRAPPERS: Record<string, WrapperRule> = {
  sudo: prefixRule({ short: 'ugCDhprtTUc', long: ['user', 'group', 'close-from', 'chdir', 'host', 'prompt', 'role', 'type', 'other-user', 'command-timeout', 'login-class'] }),
  time: prefixRule({ short: 'fo', long: ['format', 'output'] }),
  exec: prefixRule({ short: 'a' }),
  nohup: prefixRule({}),
  nice: prefixRule({ short: 'n', long: ['adjustment'] }),
  ionice: prefixRule({ short: 'cnp', long: ['class', 'classdata', 'pid'] }),
  stdbuf: prefixRule({ short: 'ioe', long: ['input', 'output', 'error'] }),
  unbuffer: prefixRule({}),
  chronic: prefixRule({}),
  builtin: prefixRule({}),
  xargs: prefixRule({ short: 'IELnPsda', long: ['max-args', 'max-procs', 'max-lines', 'delimiter', 'eof', 'max-chars', 'arg-file', 'process-slot-var'] }),
  env(c) {
    const o = readOpts(c.ws, 0, { short: 'uCS', long: ['unset', 'chdir', 'split-string'] });
    const split = optValue(o, '-S', '--split-string');
    if (split === undefined) return c.descend(o.end, 'env') ?? { run: c.here('env') };
    for (const x of c.rest) x.script = true;
    return { words: [...splitWords(split), ...c.rest.slice(o.end)], wrapper: 'env' };
  },
  timeout: (c) => c.descend(readOpts(c.ws, 0, { short: 'sk', long: ['signal', 'kill-after'] }).end + 1, 'timeout') ?? { run: c.here('timeout') },
  command(c) {
    if (c.ws[0] === '-v' || c.ws[0] === '-V') return { run: c.here('command') };
    return c.descend(readOpts(c.ws, 0, {}).end, 'command') ?? { run: c.here('command') };
  },
  eval(c) {
    if (!c.ws.length) return { run: c.here('eval') };
    for (const x of c.rest) x.script = true;
    return { run: parseText(c.ws.join(' '), { line: c.ctx.line, depth: c.ctx.depth + 1, wrapper: 'eval', image: c.image }) };
  },
  find(c) {
    const out = c.here('find');
    const ws = c.ws;
    for (let i = 0; i < ws.length; i++) {
      if (!/^-(exec|execdir|ok|okdir)$/.test(ws[i])) continue;
      let j = i + 1;
      while (j < ws.length && ws[j] !== ';' && ws[j] !== '+') j++;
      if (j > i + 1) out.push(...fromWords(c.rest.slice(i + 1, j), { ...c.ctx, wrapper: 'find -exec', image: c.image }));
      i = j;
    }
    return { run: out };
  },
  npx: packageRunnerRule,
  bunx: packageRunnerRule,
  pnpx: packageRunnerRule,
  npm: nodePackageManagerRule,
  pnpm: nodePackageManagerRule,
  yarn: nodePackageManagerRule,
  bun: nodePackageManagerRule,
  pipx(c) {
    if (c.ws[0] !== 'run') return undefined;
    const o = readOpts(c.ws, 1, { long: ['spec', 'python', 'pip-args', 'index-url', 'path'] });
    const cmd = c.ws[o.end];
    if (cmd === undefined) return { run: c.here(c.prog) };
    const fromSpec = optValue(o, '--spec') !== undefined;
    return { run: [mk(fromSpec ? basename(cmd) : pyName(cmd), c.ws.slice(o.end + 1), c.ctx, 'pipx run', c.image, cmd)] };
  },
  uv: uvRule,
  uvx: uvRule,
  poetry: pythonProjectRule,
  pipenv: pythonProjectRule,
  pdm: pythonProjectRule,
  hatch: pythonProjectRule,
  rye: pythonProjectRule,
  go(c) {
    if (c.ws[0] !== 'run') return undefined;
    const o = readOpts(c.ws, 1, GO_BUILD);
    const pkg = c.ws[o.end];
    if (pkg === undefined) return { run: c.here(c.prog) };
    return { run: [mk(goName(pkg), c.ws.slice(o.end + 1), c.ctx, 'go run', c.image, pkg)] };
  },
  java(c) {
    const ws = c.ws;
    for (let i = 0; i < ws.length; i++) {
      const a = ws[i];
      if (a === '-jar') {
        const jar = ws[i + 1];
        if (jar === undefined) break;
        return { run: [mk(basename(jar).replace(/\.jar$/, ''), ws.slice(i + 2), c.ctx, 'java -jar', c.image, jar)] };
      }
      if (['-cp', '-classpath', '--class-path', '-p', '--module-path', '--add-opens', '--add-exports', '--add-modules'].includes(a)) { i++; continue; }
      if (!a.startsWith('-')) break;
    }
    return undefined;
  },
  docker: containerRule,
  podman: containerRule,
  nerdctl: containerRule,
  finch: containerRule,
  kubectl: kubectlExecRule,
  oc: kubectlExecRule,
  cmd(c) {
    const i = c.ws.findIndex((x) => /^\/[ck]$/i.test(x));
    if (i < 0 || i + 1 >= c.ws.length) return undefined;
    for (const x of c.rest.slice(i + 1)) x.script = true;
    return { run: parseText(c.ws.slice(i + 1).join(' '), { line: c.ctx.line, depth: c.ctx.depth + 1, wrapper: 'cmd /c', image: c.image }) };
  },
  pwsh: powershellRule,
  powershell: powershellRule,
};
WRAPPERS.doas = WRAPPERS.sudo;

function kubectlExecRule(c: WrapperCall): Unwrapped {
  const dd = c.ws.indexOf('--');
  return c.ws.includes('exec') && dd >= 0 ? c.descend(dd + 1, `${c.prog} exec`) : undefined;
}

function powershellRule(c: WrapperCall): Unwrapped {
  const ws = c.ws;
  for (let i = 0; i < ws.length; i++) {
    const a = ws[i].toLowerCase();
    if (a === '-command' || a === '-c') {
      for (const x of c.rest.slice(i + 1)) x.script = true;
      if (i + 1 < ws.length) return { run: parseText(ws.slice(i + 1).join(' '), { line: c.ctx.line, depth: c.ctx.depth + 1, wrapper: `${c.prog} -c`, image: c.image }) };
      break;
    }
    if (['-executionpolicy', '-ep', '-inputformat', '-outputformat', '-workingdirectory', '-wd', '-configurationname', '-windowstyle'].includes(a)) { i++; continue; }
    if (!a.startsWith('-')) break;
    if (a === '-file' || a === '-f' || a === '-encodedcommand') break;
  }
  return undefined;
}

function wrapperRule(prog: string, ws: string[]): WrapperRule | undefined {
  if (Object.prototype.hasOwnProperty.call(WRAPPERS, prog)) return WRAPPERS[prog];
  if (/^python(\d+(\.\d+)?)?$/.test(prog) || prog === 'py' || prog === 'pypy3' || prog === 'pypy') return pythonRule;
  if (SHELLS.has(prog) || (prog === 'busybox' && ws[0] === 'sh')) return shellRule;
  return undefined;
}

/**
 * Unwraps one simple command (wrappers, runners, containers, `sh -c`) into the invocations it runs.
 */
function fromWords(words: Word[], ctx: Ctx): Invocation[] {
  let w = words.slice();
  let wrapper = ctx.wrapper;
  let image = ctx.image;
  for (let guard = 0; guard < 24; guard++) {
    let s = 0;
    while (s < w.length && (isAssignment(w[s]) || KEYWORDS.has(w[s].raw))) s++;
    w = w.slice(s);
    if (!w.length) return [];
    const head = w[0].raw;
    if (head === 'for' || head === 'select' || head === 'case' || head === 'function') return [];
    const prog = programName(w[0]);
    if (prog === undefined) return [];
    const first = w[0];
    const rest = w.slice(1);
    const ws = rest.map((x) => x.text);
    const via = wrapper;
    const inImage = image;
    const next = wrapperRule(prog, ws)?.({
      prog,
      rest,
      ws,
      ctx,
      image,
      here: (program = prog, args = ws, command = first.text) => [mk(program, args, ctx, via, inImage, command)],
      descend: (k, wr) => (k < rest.length ? { words: rest.slice(k), wrapper: wr } : undefined),
    });
    if (next && 'run' in next) return next.run;
    if (next) {
      w = next.words;
      wrapper = next.wrapper;
      if (next.image !== undefined) image = next.image;
      continue;
    }
    const names = installedNames(prog, ws);
    if (names && names.length) return [mk(prog, names, ctx, wrapper, image, first.text, 'install')];
    return [mk(prog, ws, ctx, wrapper, image, first.text)];
  }
  return [];
}

/** `npx [-y] [-p pkg] pkg args` and friends: the package (or the command when `-p` names the package). */
function packageRunner(rest: Word[], start: number, name: string, ctx: Ctx, image: string | undefined): Invocation[] | undefined {
  const ws = rest.map((x) => x.text);
  const o = readOpts(ws, start, { short: 'pc', long: ['package', 'call', 'node-options', 'cache', 'registry', 'userconfig', 'prefix'] });
  const call = optValue(o, '-c', '--call');
  if (call !== undefined) for (const x of rest) x.script = true;
  if (call !== undefined) return parseText(call, { line: ctx.line, depth: ctx.depth + 1, wrapper: name, image });
  const cmd = ws[o.end];
  if (cmd === undefined) return undefined;
  const pkg = optValue(o, '-p', '--package');
  const program = pkg !== undefined ? npmName(basename(cmd)) : npmName(cmd);
  return [mk(/^(\.{1,2}\/|\/)/.test(program) ? basename(program) : program, ws.slice(o.end + 1), ctx, name, image, cmd)];
}

const FETCHERS = new Set(['curl', 'wget', 'iwr', 'irm', 'invoke-webrequest', 'invoke-restmethod']);
const PIPE_INSTALLERS = new Set([...SHELLS, 'python', 'python3', 'perl', 'ruby', 'node', 'tar', 'iex', 'invoke-expression']);

function parseText(text: string, ctx: Ctx): Invocation[] {
  if (ctx.depth > MAX_SUBSTITUTION_DEPTH || !text.trim()) return [];
  const segs = segmentsOf(tokenize(text));
  const out: Invocation[] = [];
  const subCtx: Ctx = { line: ctx.line, depth: ctx.depth + 1, wrapper: ctx.wrapper, image: ctx.image };
  let inCase = 0;
  let skipMain = false;
  for (let idx = 0; idx < segs.length; idx++) {
    const seg = segs[idx];
    const consumed = skipMain;
    skipMain = false;
    let words = seg.words;
    const head = words[0]?.raw;
    if (head === 'case') inCase++;
    if (head === 'esac' && inCase > 0) inCase--;
    // `pattern)` inside a case statement, and `name() {` function definitions
    if (inCase > 0 && seg.after === ')' && head !== 'case') words = [];
    if (words.length === 1 && seg.after === '(' && segs[idx + 1]?.words.length === 0 && segs[idx + 1]?.after === ')') words = [];
    let main = consumed ? [] : fromWords(words, ctx);
    const subs: Invocation[] = [];
    for (const wd of seg.words) if (!wd.script) for (const s of wd.subs) subs.push(...parseText(s, subCtx));
    for (const s of seg.rsubs) subs.push(...parseText(s, subCtx));
    // `$(curl …)` as the command, `bash <(curl …)`: runs a downloaded script
    const first = words.find((x) => !isAssignment(x) && !KEYWORDS.has(x.raw));
    const runsDownload = (first && first.subs.length && wholeSubstitution(first.text.trim()) && programName(first) === undefined)
      || (main.length === 1 && (SHELLS.has(main[0].program) || main[0].program === 'source' || main[0].program === '.') && /^[<]\(/.test(main[0].args.find((a) => !a.startsWith('-')) ?? ''));
    if (runsDownload && subs.some((x) => FETCHERS.has(x.program))) {
      const runner = main.length === 1 ? main[0].program : '$(…)';
      for (const x of subs) if (FETCHERS.has(x.program) && x.kind === 'run') { x.kind = 'install'; x.args = urlArgs(x.args); x.runBy = runner; }
      main = [];
    }
    // curl … | sh
    if (main.length === 1 && FETCHERS.has(main[0].program) && main[0].kind === 'run' && (seg.after === '|' || seg.after === '|&')) {
      const next = segs[idx + 1];
      const nextMain = next ? fromWords(next.words, ctx) : [];
      const p = nextMain[0]?.program;
      if (p && PIPE_INSTALLERS.has(p) && !(SHELLS.has(p) && nextMain[0].wrapper?.endsWith('-c'))) {
        main[0].kind = 'install';
        main[0].args = urlArgs(main[0].args);
        // tar unpacks what it reads; everything else in PIPE_INSTALLERS runs it
        if (p !== 'tar') {
          skipMain = true;
          main[0].runBy = p;
        }
      }
    }
    out.push(...subs, ...main);
  }
  return out;
}

/**
 * The programs a logical shell line runs, in order (command substitutions before the command
 * that uses them). Never throws.
 */
export function invocations(line: ShellLine): Invocation[] {
  try {
    return parseText(line.text, { line, depth: 0 });
  } catch {
    return [];
  }
}

// ── downloaded scripts run unverified

/** `curl … | sh` and its kin in one logical line: the one detector for every file kind. */
export interface UnverifiedScriptRun {
  /** The downloading program (`curl`, `wget`, `iwr`, ...). */
  fetcher: string;
  /** What runs the download (`sh`, `python3`, `iex`, `bash` of `bash <(curl …)`, `$(…)`). */
  runner: string;
  /** Offsets in the line's text from the first of the two to the end of the second, when found there. */
  start?: number;
  end?: number;
}

/**
 * Downloads a line runs as they arrive, without a checksum or signature check in between:
 * `curl … | sh`, `wget -O- … | sudo bash -s`, `iwr … | iex`, `bash <(curl …)`, `sh -c "$(curl …)"`,
 * at any depth of wrappers (`sudo`, `env`, `sh -c`, `docker run`, ...). Never throws.
 */
export function unverifiedScriptRuns(line: ShellLine, analysed: Invocation[] = invocations(line)): UnverifiedScriptRun[] {
  const out: UnverifiedScriptRun[] = [];
  let cursor = 0;
  for (const inv of analysed) {
    if (!inv.runBy) continue;
    const run: UnverifiedScriptRun = { fetcher: inv.program, runner: inv.runBy };
    const at = placeOf(line.text, run, cursor);
    if (at) {
      run.start = at[0];
      run.end = at[1];
      cursor = at[1];
    }
    out.push(run);
  }
  return out;
}

/** Where a run is written: fetcher … | runner, or runner <(fetcher / $(fetcher. */
function placeOf(text: string, run: UnverifiedScriptRun, from: number): [number, number] | undefined {
  const f = wordIndex(text, run.fetcher, from);
  if (f < 0) return undefined;
  const bar = text.indexOf('|', f + run.fetcher.length);
  if (bar >= 0) {
    const r = wordIndex(text, run.runner, bar + 1);
    if (r >= 0) return [f, r + run.runner.length];
  }
  // The runner comes first: `bash <(curl`, `sh -c "$(curl`, `$(curl`.
  const before = text.slice(from, f);
  const r = run.runner === '$(…)' ? Math.max(before.lastIndexOf('$('), before.lastIndexOf('`')) : lastWordIndex(before, run.runner);
  return [r >= 0 ? from + r : f, f + run.fetcher.length];
}

const NAME_CHAR = /[\w.-]/;

function isWordAt(lower: string, name: string, i: number): boolean {
  return !NAME_CHAR.test(lower[i - 1] ?? ' ') && !NAME_CHAR.test(lower[i + name.length] ?? ' ');
}

function wordIndex(text: string, name: string, from: number): number {
  const lower = text.toLowerCase();
  for (let i = lower.indexOf(name, from); i >= 0; i = lower.indexOf(name, i + 1)) if (isWordAt(lower, name, i)) return i;
  return -1;
}

function lastWordIndex(text: string, name: string): number {
  const lower = text.toLowerCase();
  for (let i = lower.lastIndexOf(name); i >= 0; i = i > 0 ? lower.lastIndexOf(name, i - 1) : -1) if (isWordAt(lower, name, i)) return i;
  return -1;
}

// ── logical lines

interface LineState {
  /** Inside an unterminated quote or substitution. */
  open: boolean;
  /** Ends with an unquoted backslash (line continuation). */
  backslash: boolean;
  /** Ends with `|`, `&&` or `||`. */
  op: boolean;
  /** The last physical line has a `#` comment. */
  comment: boolean;
  heredocs: { delim: string; strip: boolean }[];
}

function analyze(s: string): LineState {
  const st: LineState = { open: false, backslash: false, op: false, comment: false, heredocs: [] };
  let i = 0;
  const n = s.length;
  let tail = '';
  let wordStart = true;
  const jump = (e: number) => {
    if (e > n) { st.open = true; i = n; } else i = e;
    tail = 'x';
    wordStart = false;
  };
  while (i < n) {
    const c = s[i];
    if (c === '\\') {
      if (i === n - 1) { st.backslash = true; break; }
      i += 2;
      tail = 'x';
      wordStart = false;
      continue;
    }
    if (c === "'") { jump(endSingle(s, i + 1)); continue; }
    if (c === '"') { jump(endDouble(s, i + 1)); continue; }
    if (c === '`') { jump(endBacktick(s, i + 1)); continue; }
    if (c === '$' && s[i + 1] === "'") { jump(endAnsi(s, i + 2)); continue; }
    if (c === '$' && s[i + 1] === '(') { jump(s[i + 2] === '(' ? endArith(s, i + 3) : endCmd(s, i + 2)); continue; }
    if (c === '$' && s[i + 1] === '{') { jump(endBrace(s, i + 2)); continue; }
    if (c === '#' && wordStart) {
      const nl = s.indexOf('\n', i);
      if (nl < 0) { st.comment = true; break; }
      i = nl;
      continue;
    }
    // `<<<` is a here-string (its word is the input), not a here-document: step over it whole.
    if (c === '<' && s[i + 1] === '<' && s[i + 2] === '<') {
      i += 3;
      tail = 'x';
      wordStart = true;
      continue;
    }
    if (c === '<' && s[i + 1] === '<') {
      let j = i + 2;
      const strip = s[j] === '-';
      if (strip) j++;
      while (s[j] === ' ' || s[j] === '\t') j++;
      const r = /^(['"]?)([^\s'";&|<>()]+)\1/.exec(s.slice(j));
      if (r) {
        st.heredocs.push({ delim: r[2], strip });
        i = j + r[0].length;
        tail = 'x';
        continue;
      }
    }
    if (c === '\n') { st.comment = false; wordStart = true; i++; continue; }
    if (c !== ' ' && c !== '\t' && c !== '\r') tail = (tail + c).slice(-2);
    wordStart = /[\s;&|()<>]/.test(c);
    i++;
  }
  st.op = !st.backslash && (/(\|\||&&)$/.test(tail) || (tail.endsWith('|') && tail !== '||' && !tail.endsWith(';|')));
  return st;
}

/**
 * Builds logical shell lines from physical lines: backslash continuations, trailing `|`/`&&`/`||`
 * and open quotes join lines; blank and comment-only lines are dropped; here-document bodies are
 * skipped. Each line's loc is its first non-blank character; the end is exclusive.
 */
export function joinContinuations(path: string, lines: PhysicalLine[]): ShellLine[] {
  const out: ShellLine[] = [];
  let i = 0;
  while (i < lines.length) {
    const first = lines[i];
    const lead = /^\s*/.exec(first.text)![0].length;
    const start = first.text.slice(lead);
    if (!start.trim() || start.startsWith('#')) { i++; continue; }
    let buf = start.trimEnd();
    let last = first;
    let lastText = first.text;
    let j = i;
    let st = analyze(buf);
    let broken = false;
    while ((st.open || st.backslash || st.op) && j + 1 < lines.length && j - i < MAX_OPEN_JOIN) {
      j++;
      const next = lines[j];
      if (st.open) buf += '\n' + next.text;
      else if (st.backslash) buf = buf.slice(0, -1).trimEnd() + ' ' + next.text.trim();
      else buf += (st.comment ? '\n' : ' ') + next.text.trim();
      buf = trimEndOf(buf, ' \t\r');
      last = next;
      lastText = next.text;
      st = analyze(buf);
    }
    if (st.open && j > i && (j + 1 >= lines.length || j - i >= MAX_OPEN_JOIN)) {
      // an unbalanced quote would swallow the rest of the script: keep the first line alone
      broken = true;
    }
    if (broken) {
      buf = start.trimEnd();
      last = first;
      lastText = first.text;
      j = i;
      st = analyze(buf);
    }
    if (st.backslash) buf = buf.slice(0, -1).trimEnd();
    out.push({
      text: buf,
      loc: {
        path,
        line: first.line,
        column: first.column + lead,
        endLine: last.line,
        endColumn: last.column + lastText.trimEnd().length,
      },
    });
    i = j + 1;
    for (const hd of broken ? [] : st.heredocs) {
      while (i < lines.length) {
        const t = lines[i].text;
        i++;
        if ((hd.strip ? t.replace(/^\t+/, '') : t).trim() === hd.delim) break;
      }
    }
  }
  return out;
}

/** Logical lines of a whole shell script (`*.sh`), with exact positions; the shebang is ignored. */
export function shellLinesOfScript(path: string, text: string): ShellLine[] {
  const lines = text.split('\n').map((t, k) => ({ text: t.replace(/\r$/, ''), line: k + 1, column: 1 }));
  return joinContinuations(path, lines);
}

/**
 * Variables a step's lines set for the steps after it in the same job: Azure Pipelines'
 * `##vso[task.setvariable variable=name]value` logging command (under its name and as the
 * environment variable later scripts read, NAME in capitals with `_` for `.`) and GitHub Actions'
 * `echo "NAME=value" >> "$GITHUB_ENV"`. Output variables (`isOutput=true`) are read under another
 * name (`step.name`) and are left out.
 */
export function variablesForLaterSteps(lines: readonly ShellLine[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const l of lines) {
    const azure = /##vso\[task\.setvariable\s+([^\]]*)\](.*)$/i.exec(l.text);
    if (azure) {
      if (/\bisoutput\s*=\s*true\b/i.test(azure[1])) continue;
      const name = /\bvariable\s*=\s*([\w.-]+)/i.exec(azure[1])?.[1];
      if (!name) continue;
      // an echoed logging command: the echo's closing quote is not part of the value
      const echoed = /^\s*(?:echo|write-host|printf)\s+(["'])/i.exec(l.text);
      const value = (echoed && azure[2].trimEnd().endsWith(echoed[1]) ? azure[2].trimEnd().slice(0, -1) : azure[2]).trim();
      out[name] = value;
      out[name.toUpperCase().replace(/\./g, '_')] = value;
      continue;
    }
    const github = /^\s*echo\s+(["']?)([A-Za-z_]\w*)=(.*?)\1\s*>>\s*"?\$\{?GITHUB_ENV\}?"?\s*$/.exec(l.text);
    if (github) out[github[2]] = github[3];
  }
  return out;
}

/** `git [-C dir] [-c k=v] <sub> …`: the subcommand and its arguments. */
export function gitSubcommand(inv: Invocation): { sub: string; args: string[] } | undefined {
  if (inv.kind !== 'run' || inv.program !== 'git') return undefined;
  let i = 0;
  while (i < inv.args.length && inv.args[i].startsWith('-')) i += inv.args[i] === '-C' || inv.args[i] === '-c' ? 2 : 1;
  const sub = inv.args[i];
  return sub === undefined ? undefined : { sub, args: inv.args.slice(i + 1) };
}

/** Options of `git clone` that take a value. */
const CLONE_VALUED = new Set(['-b', '--branch', '-o', '--origin', '-c', '--config', '--depth', '--reference', '--reference-if-able', '--filter', '-j', '--jobs', '--separate-git-dir', '--template', '-u', '--upload-pack', '--shallow-since', '--shallow-exclude', '--server-option', '--bundle-uri']);

/** `git clone URL [dir]` / `gh repo clone owner/name [dir]`: the repository and the folder named, if any. */
export function cloneCommand(inv: Invocation): { url: string; dir?: string } | undefined {
  const git = gitSubcommand(inv);
  const args = git?.sub === 'clone' ? git.args : inv.kind === 'run' && inv.program === 'gh' && inv.args[0] === 'repo' && inv.args[1] === 'clone' ? inv.args.slice(2) : undefined;
  if (!args) return undefined;
  const words: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--') continue;
    if (a.startsWith('-')) {
      if (!a.includes('=') && CLONE_VALUED.has(a)) i++;
      continue;
    }
    words.push(a);
  }
  return words[0] ? { url: words[0], dir: words[1] } : undefined;
}
