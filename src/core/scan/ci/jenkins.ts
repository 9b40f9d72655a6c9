// Jenkinsfile reader: a small, tolerant tokenizer and parser for the Groovy subset pipelines use
// (declarative `pipeline { … }` and scripted `node { … }`), then a walk that turns stages into
// jobs and step calls into steps with exact positions. Never throws; unbalanced input becomes a
// FileProblem and what was parsed is kept.
import { CiFile, CiJob, CiReference, CiStep, FileProblem, Loc, Located, ShellLine } from '../types';
import { joinContinuations, PhysicalLine } from '../parse/shell';

// ───────────────────────────── tokens ─────────────────────────────

type TokType = 'id' | 'str' | 'num' | 'op' | 'eof';

interface Tok {
  t: TokType;
  v: string;
  start: number;
  end: number;
  line: number;
  col: number;
  endLine: number;
  endCol: number;
  /** A line break separates this token from the previous one. */
  nl: boolean;
  /** Strings: the quote (`'`, `"`, `'''`, `"""`, `/`, `$/`) and the content's offsets. */
  q?: string;
  cs?: number;
  ce?: number;
}

class Source {
  private readonly starts: number[] = [0];
  constructor(readonly text: string) {
    for (let i = 0; i < text.length; i++) if (text[i] === '\n') this.starts.push(i + 1);
  }
  pos(offset: number): { line: number; col: number } {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, col: offset - this.starts[lo] + 1 };
  }
}

const MULTI_OPS = ['>>>=', '..<', '==~', '<=>', '>>>', '<<=', '>>=', '?.', '*.', '.&', '..', '->', '=~', '==', '!=', '<=', '>=', '&&', '||',
  '?:', '++', '--', '+=', '-=', '*=', '/=', '%=', '<<', '>>', '**', '::', '|=', '&=', '^='];
/** After these a `/` starts a slashy string rather than a division. */
const SLASHY_AFTER = new Set(['(', ',', ':', '=', '[', '{', '!', '&&', '||', '?', '==~', '=~', ';', '->', 'return']);

function tokenize(src: Source, problems: FileProblem[]): Tok[] {
  const s = src.text;
  const n = s.length;
  const toks: Tok[] = [];
  let i = 0;
  let nl = true;
  const push = (t: TokType, start: number, end: number, extra?: Partial<Tok>) => {
    const a = src.pos(start);
    const b = src.pos(end);
    toks.push({ t, v: s.slice(start, end), start, end, line: a.line, col: a.col, endLine: b.line, endCol: b.col, nl, ...extra });
    nl = false;
  };
  if (s.startsWith('#!')) {
    const e = s.indexOf('\n');
    i = e < 0 ? n : e;
  }
  while (i < n) {
    const c = s[i];
    if (c === '\n') { nl = true; i++; continue; }
    if (c === ' ' || c === '\t' || c === '\r' || c === '\f' || c === '\ufeff') { i++; continue; }
    if (c === '\\' && (s[i + 1] === '\n' || (s[i + 1] === '\r' && s[i + 2] === '\n'))) { i += s[i + 1] === '\r' ? 3 : 2; continue; }
    if (c === '/' && s[i + 1] === '/') {
      const e = s.indexOf('\n', i);
      i = e < 0 ? n : e;
      continue;
    }
    if (c === '/' && s[i + 1] === '*') {
      const e = s.indexOf('*/', i + 2);
      if (e < 0) {
        problems.push({ message: 'Unterminated /* comment', line: src.pos(i).line, column: src.pos(i).col, severity: 'warning' });
        i = n;
        break;
      }
      if (s.slice(i, e).includes('\n')) nl = true;
      i = e + 2;
      continue;
    }
    // strings
    if (c === "'" || c === '"') {
      const triple = s.startsWith(c.repeat(3), i);
      const q = triple ? c.repeat(3) : c;
      const cs = i + q.length;
      const r = c === '"' ? scanDouble(s, cs, triple) : scanSingle(s, cs, triple);
      if (!r.closed) {
        const p = src.pos(i);
        problems.push({ message: `Unterminated string starting with ${q}`, line: p.line, column: p.col, severity: 'error' });
      }
      push('str', i, r.end, { q, cs, ce: r.contentEnd });
      i = r.end;
      continue;
    }
    if (c === '$' && s[i + 1] === '/') {
      const e = s.indexOf('/$', i + 2);
      const ce = e < 0 ? n : e;
      push('str', i, e < 0 ? n : e + 2, { q: '$/', cs: i + 2, ce });
      i = e < 0 ? n : e + 2;
      continue;
    }
    if (c === '/' && s[i + 1] !== '=') {
      const prev = toks[toks.length - 1];
      if (!prev || (prev.t === 'op' && SLASHY_AFTER.has(prev.v)) || (prev.t === 'id' && prev.v === 'return')) {
        let j = i + 1;
        while (j < n && s[j] !== '/' && s[j] !== '\n') j += s[j] === '\\' ? 2 : 1;
        if (j < n && s[j] === '/' && j > i + 1) {
          push('str', i, j + 1, { q: '/', cs: i + 1, ce: j });
          i = j + 1;
          continue;
        }
      }
    }
    if (/[A-Za-z_$]/.test(c)) {
      let j = i + 1;
      while (j < n && /[\w$]/.test(s[j])) j++;
      push('id', i, j);
      i = j;
      continue;
    }
    if (/[0-9]/.test(c)) {
      const m = /0[xX][0-9a-fA-F_]+[lLgG]?|\d[\d_]*(\.\d[\d_]*)?([eE][+-]?\d+)?[a-zA-Z]?/y;
      m.lastIndex = i;
      const r = m.exec(s);
      const e = r ? i + r[0].length : i + 1;
      push('num', i, e);
      i = e;
      continue;
    }
    const op = MULTI_OPS.find((o) => s.startsWith(o, i)) ?? c;
    push('op', i, i + op.length);
    i += op.length;
  }
  const e = src.pos(n);
  toks.push({ t: 'eof', v: '', start: n, end: n, line: e.line, col: e.col, endLine: e.line, endCol: e.col, nl: true });
  return toks;
}

function scanSingle(s: string, i: number, triple: boolean): { end: number; contentEnd: number; closed: boolean } {
  const n = s.length;
  while (i < n) {
    const c = s[i];
    if (c === '\\') { i += 2; continue; }
    if (triple) {
      if (s.startsWith("'''", i)) return { end: i + 3, contentEnd: i, closed: true };
    } else {
      if (c === "'") return { end: i + 1, contentEnd: i, closed: true };
      if (c === '\n') return { end: i, contentEnd: i, closed: false };
    }
    i++;
  }
  return { end: n, contentEnd: n, closed: false };
}

function scanDouble(s: string, i: number, triple: boolean): { end: number; contentEnd: number; closed: boolean } {
  const n = s.length;
  while (i < n) {
    const c = s[i];
    if (c === '\\') { i += 2; continue; }
    if (c === '$' && s[i + 1] === '{') { i = skipInterpolation(s, i + 2); continue; }
    if (triple) {
      if (s.startsWith('"""', i)) return { end: i + 3, contentEnd: i, closed: true };
    } else {
      if (c === '"') return { end: i + 1, contentEnd: i, closed: true };
      if (c === '\n') return { end: i, contentEnd: i, closed: false };
    }
    i++;
  }
  return { end: n, contentEnd: n, closed: false };
}

/** After `${` in a GString: to the matching `}` (nested braces and strings skipped), stopping at a line end. */
function skipInterpolation(s: string, i: number): number {
  let depth = 1;
  while (i < s.length) {
    const c = s[i];
    if (c === '\n') return i;
    if (c === '\\') { i += 2; continue; }
    if (c === "'" || c === '"') {
      const j = s.indexOf(c, i + 1);
      const nlAt = s.indexOf('\n', i + 1);
      if (j < 0 || (nlAt >= 0 && nlAt < j)) return i + 1;
      i = j + 1;
      continue;
    }
    if (c === '{') depth++;
    if (c === '}' && --depth === 0) return i + 1;
    i++;
  }
  return i;
}

/** Groovy escapes in one physical line of string content; a trailing lone backslash is kept (line continuation). */
function unescapeLine(s: string, q: string): string {
  if (q === '/') return s.replace(/\\\//g, '/');
  if (q === '$/') return s.replace(/\$\//g, '/').replace(/\$\$/g, '$');
  return s.replace(/\\(u[0-9a-fA-F]{4}|[\s\S]|$)/g, (m, e: string) => {
    if (e === '') return '\\';
    if (e.length === 5) return String.fromCharCode(parseInt(e.slice(1), 16));
    switch (e) {
      case 'n': return '\n';
      case 't': return '\t';
      case 'r': case 'b': case 'f': return '';
      case '\\': case "'": case '"': case '$': return e;
      default: return m;
    }
  });
}

// ───────────────────────────── syntax tree ─────────────────────────────

interface Seg {
  name: string;
  tok: Tok;
  args?: Arg[];
  closure?: Block;
  called: boolean;
}

interface Arg {
  key?: string;
  keyTok?: Tok;
  value: Value;
}

type Value =
  | { k: 'str'; tok: Tok; start: Tok; end: Tok }
  | { k: 'call'; segs: Seg[]; receiver?: Value; start: Tok; end: Tok }
  | { k: 'list'; items: Arg[]; start: Tok; end: Tok }
  | { k: 'closure'; block: Block; start: Tok; end: Tok }
  | { k: 'other'; parts: Value[]; start: Tok; end: Tok; empty?: boolean };

interface Block {
  stmts: Stmt[];
  open?: Tok;
  close?: Tok;
}

type Stmt =
  | { k: 'expr'; value: Value }
  | { k: 'assign'; target: string; targetTok: Tok; value: Value }
  | { k: 'control'; cond?: Value; blocks: Block[] }
  | { k: 'try'; tok: Tok; body: Block; catches: Block[]; fin?: Block }
  | { k: 'method'; name: string; tok: Tok; body: Block }
  | { k: 'annotation'; name: string; tok: Tok; args: Arg[] };

const BINARY = new Set(['+', '-', '*', '/', '%', '**', '==', '!=', '<', '>', '<=', '>=', '<=>', '&&', '||', '?:', '=', '+=', '-=', '*=', '/=',
  '%=', '=~', '==~', '<<', '>>', '>>>', '&', '|', '^', '..', '..<', '|=', '&=', '^=', '<<=', '>>=', '>>>=']);
const WORD_OPS = new Set(['in', 'instanceof', 'as']);
const MODIFIERS = new Set(['def', 'final', 'static', 'private', 'public', 'protected', 'var']);
const PRIMITIVES = new Set(['int', 'long', 'boolean', 'double', 'float', 'char', 'byte', 'short', 'void', 'String', 'Integer', 'Boolean',
  'List', 'Map', 'Object', 'GString', 'Long', 'Double']);
/** Deeper nesting than this is skipped (real Jenkinsfiles stay far below it). */
const MAX_NESTING = 150;
const STMT_KEYWORDS = new Set(['if', 'else', 'while', 'for', 'switch', 'try', 'catch', 'finally', 'return', 'throw', 'break', 'continue',
  'case', 'default', 'import', 'package', 'assert', 'synchronized', 'do']);

class Parser {
  private i = 0;
  constructor(private readonly toks: Tok[], private readonly src: Source, private readonly problems: FileProblem[]) {}

  private peek(k = 0): Tok {
    return this.toks[Math.min(this.i + k, this.toks.length - 1)];
  }
  private next(): Tok {
    const t = this.toks[this.i];
    if (this.i < this.toks.length - 1) this.i++;
    return t;
  }
  private prev(): Tok {
    return this.toks[Math.max(0, this.i - 1)];
  }
  private isOp(v: string, k = 0): boolean {
    const t = this.peek(k);
    return t.t === 'op' && t.v === v;
  }
  private isId(v: string, k = 0): boolean {
    const t = this.peek(k);
    return t.t === 'id' && t.v === v;
  }
  private eof(): boolean {
    return this.peek().t === 'eof';
  }
  private readonly reported = new Set<string>();
  private problem(message: string, t: Tok, severity: 'error' | 'warning' = 'error'): void {
    const key = `${t.line}:${message}`;
    if (this.reported.has(key)) return;
    this.reported.add(key);
    this.problems.push({ message, line: t.line, column: t.col, severity });
  }

  program(): Block {
    return { stmts: this.statements(false) };
  }

  private statements(inBlock: boolean): Stmt[] {
    const out: Stmt[] = [];
    while (!this.eof()) {
      if (this.isOp('}')) {
        if (inBlock) break;
        this.problem("Unexpected '}'", this.peek());
        this.next();
        continue;
      }
      if (this.isOp(';')) { this.next(); continue; }
      const before = this.i;
      const s = this.statement();
      if (s) out.push(s);
      if (this.i === before) this.next();
    }
    return out;
  }

  private depth = 0;

  /** Runs a nested construct; beyond MAX_NESTING the construct is skipped (reported once). */
  private nested<T>(fallback: () => T, fn: () => T): T {
    if (this.depth >= MAX_NESTING) {
      const t = this.peek();
      this.problem('Nesting too deep; the rest of this block was skipped', t, 'warning');
      this.skipBalanced();
      return fallback();
    }
    this.depth++;
    try {
      return fn();
    } finally {
      this.depth--;
    }
  }

  private block(): Block {
    return this.nested<Block>(() => ({ stmts: [] }), () => this.blockInner());
  }

  private blockInner(): Block {
    const open = this.next(); // '{'
    const stmts = this.statements(true);
    if (this.isOp('}')) return { stmts, open, close: this.next() };
    this.problem(`Unclosed '{' opened at line ${open.line}`, open);
    return { stmts, open };
  }

  /** `{ … }` or a single statement (after `if (…)`, `else`, `for (…)`). */
  private body(): Block {
    if (this.isOp('{')) return this.block();
    const s = this.statement();
    return { stmts: s ? [s] : [] };
  }

  private statement(): Stmt | undefined {
    const t = this.peek();
    if (t.t === 'op' && t.v === '@') return this.annotation();
    if (t.t === 'id') {
      switch (t.v) {
        case 'import':
        case 'package':
          this.next();
          while (!this.eof() && !this.peek().nl) this.next();
          return undefined;
        case 'if':
          return this.ifStatement();
        case 'while':
        case 'for':
        case 'switch':
        case 'synchronized': {
          this.next();
          const cond = this.isOp('(') ? this.parenExpr() : undefined;
          return { k: 'control', cond, blocks: [this.body()] };
        }
        case 'do': {
          this.next();
          const b = this.body();
          if (this.isId('while')) { this.next(); if (this.isOp('(')) this.parenExpr(); }
          return { k: 'control', blocks: [b] };
        }
        case 'try':
          return this.tryStatement();
        case 'else':
        case 'finally':
          this.next();
          return { k: 'control', blocks: [this.body()] };
        case 'catch':
          this.next();
          if (this.isOp('(')) this.skipBalanced();
          return { k: 'control', blocks: [this.body()] };
        case 'return':
        case 'throw':
        case 'assert': {
          this.next();
          const n = this.peek();
          if (n.nl || n.t === 'eof' || (n.t === 'op' && (n.v === '}' || n.v === ';'))) return undefined;
          return { k: 'expr', value: this.expr(true) };
        }
        case 'break':
        case 'continue':
          this.next();
          return undefined;
        case 'case': {
          this.next();
          this.expr(false);
          if (this.isOp(':')) this.next();
          return undefined;
        }
        case 'default':
          if (this.isOp(':', 1)) { this.next(); this.next(); return undefined; }
          break;
        default:
          break;
      }
      if (this.declarationAhead()) return this.declaration();
      const assignAt = this.assignmentAhead();
      if (assignAt >= 0) return this.assignment(assignAt);
      if (this.commandAhead()) return this.commandCall();
    }
    const value = this.expr(true);
    // `stage('x')` / `pipeline` with the closure's brace on the next line
    if (value.k === 'call' && !value.receiver && this.isOp('{') && this.peek().nl) {
      const last = value.segs[value.segs.length - 1];
      if (!last.closure) {
        last.closure = this.block();
        last.called = true;
        value.end = this.prev();
      }
    }
    return { k: 'expr', value };
  }

  private annotation(): Stmt {
    const at = this.next();
    let name = '';
    while (this.peek().t === 'id' || this.isOp('.')) name += this.next().v;
    const args = this.isOp('(') && !this.peek().nl ? this.parenArgs() : [];
    return { k: 'annotation', name, tok: at, args };
  }

  private ifStatement(): Stmt {
    this.next();
    const cond = this.isOp('(') ? this.parenExpr() : undefined;
    const blocks = [this.body()];
    let k = 0;
    while (this.isOp(';', k)) k++;
    if (this.isId('else', k)) {
      for (let j = 0; j <= k; j++) this.next();
      if (this.isId('if')) {
        const nested = this.ifStatement();
        blocks.push({ stmts: [nested] });
      } else blocks.push(this.body());
    }
    return { k: 'control', cond, blocks };
  }

  private tryStatement(): Stmt {
    const tok = this.next();
    const body = this.body();
    const catches: Block[] = [];
    let fin: Block | undefined;
    while (this.isId('catch')) {
      this.next();
      if (this.isOp('(')) this.skipBalanced();
      catches.push(this.body());
    }
    if (this.isId('finally')) {
      this.next();
      fin = this.body();
    }
    return { k: 'try', tok, body, catches, fin };
  }

  /** `def x = …`, `String x = …`, `def f(a) { … }`, `final List<String> xs = […]`. */
  private declarationAhead(): boolean {
    const t = this.peek();
    if (t.t !== 'id') return false;
    if (MODIFIERS.has(t.v)) return true;
    if (PRIMITIVES.has(t.v) || /^[A-Z]/.test(t.v)) {
      let k = 1;
      if (this.isOp('<', k)) {
        let depth = 0;
        for (; k < 40; k++) {
          const x = this.peek(k);
          if (x.t === 'eof') return false;
          if (x.t === 'op' && x.v === '<') depth++;
          if (x.t === 'op' && (x.v === '>' || x.v === '>>')) { depth -= x.v.length; if (depth <= 0) { k++; break; } }
        }
      }
      while (this.isOp('[', k) && this.isOp(']', k + 1)) k += 2;
      const name = this.peek(k);
      const after = this.peek(k + 1);
      return name.t === 'id' && !name.nl && !WORD_OPS.has(name.v) && after.t === 'op' && (after.v === '=' || after.v === '(' || after.v === ';');
    }
    return false;
  }

  private declaration(): Stmt | undefined {
    while (this.peek().t === 'id' && MODIFIERS.has(this.peek().v)) this.next();
    // a type before the name: `String x`, `List<String> x`, `def (a, b) = …`
    if (this.isOp('(')) {
      this.skipBalanced();
    } else if (this.peek().t === 'id' && (this.peek(1).t === 'id' || this.isOp('<', 1) || (this.isOp('[', 1) && this.isOp(']', 2))) && !this.peek(1).nl) {
      this.next();
      if (this.isOp('<')) {
        let depth = 0;
        while (!this.eof()) {
          const x = this.next();
          if (x.t === 'op' && x.v === '<') depth++;
          if (x.t === 'op' && (x.v === '>' || x.v === '>>')) { depth -= x.v.length; if (depth <= 0) break; }
        }
      }
      while (this.isOp('[') && this.isOp(']', 1)) { this.next(); this.next(); }
    }
    const nameTok = this.peek();
    if (nameTok.t === 'id') this.next();
    if (this.isOp('(')) {
      this.skipBalanced();
      if (this.isOp('{')) return { k: 'method', name: nameTok.v, tok: nameTok, body: this.block() };
      return undefined;
    }
    if (this.isOp('=')) {
      this.next();
      return { k: 'assign', target: nameTok.v, targetTok: nameTok, value: this.expr(true) };
    }
    return undefined;
  }

  /** `name = …`, `env.X = …`, `a[b] += …`: the index of the operator, or -1. */
  private assignmentAhead(): number {
    let k = 1;
    for (;;) {
      const t = this.peek(k);
      if (t.nl && k > 0) return -1;
      if (t.t === 'op' && (t.v === '.' || t.v === '?.') && this.peek(k + 1).t === 'id') { k += 2; continue; }
      if (t.t === 'op' && t.v === '[') {
        let depth = 0;
        for (; ; k++) {
          const x = this.peek(k);
          if (x.t === 'eof') return -1;
          if (x.t === 'op' && x.v === '[') depth++;
          if (x.t === 'op' && x.v === ']' && --depth === 0) { k++; break; }
        }
        continue;
      }
      break;
    }
    const t = this.peek(k);
    if (t.t === 'op' && ['=', '+=', '-=', '*=', '/=', '%=', '<<=', '|=', '&=', '?='].includes(t.v) && !t.nl) return this.i + k;
    return -1;
  }

  private assignment(at: number): Stmt {
    const first = this.peek();
    const target = this.src.text.slice(first.start, this.toks[at - 1].end);
    while (this.i < at) this.next();
    this.next();
    return { k: 'assign', target, targetTok: first, value: this.expr(true) };
  }

  /** `name arg…` without parentheses (`sh 'x'`, `agent any`, `dependencyCheck key: 'v'`). */
  private commandAhead(): boolean {
    const t = this.peek();
    if (t.t !== 'id' || STMT_KEYWORDS.has(t.v) || t.v === 'new') return false;
    let k = 1;
    while (this.isOp('.', k) && this.peek(k + 1).t === 'id' && !this.peek(k).nl) k += 2;
    const n = this.peek(k);
    if (n.nl) return false;
    if (n.t === 'str' || n.t === 'num') return true;
    if (n.t === 'id') return !WORD_OPS.has(n.v);
    return false;
  }

  private commandCall(): Stmt {
    const start = this.peek();
    const segs: Seg[] = [{ name: this.next().v, tok: start, called: false }];
    while (this.isOp('.') && this.peek(1).t === 'id') {
      this.next();
      const t = this.next();
      segs.push({ name: t.v, tok: t, called: false });
    }
    const last = segs[segs.length - 1];
    const args: Arg[] = [];
    for (;;) {
      args.push(this.arg(true));
      if (this.isOp(',')) { this.next(); continue; }
      break;
    }
    last.args = args;
    last.called = true;
    if (this.isOp('{') && !this.peek().nl) last.closure = this.block();
    return { k: 'expr', value: { k: 'call', segs, start, end: this.prev() } };
  }

  private arg(stopAtNl: boolean): Arg {
    const t = this.peek();
    if ((t.t === 'id' || t.t === 'str' || t.t === 'num') && this.isOp(':', 1)) {
      this.next();
      this.next();
      const key = t.t === 'str' ? strContent(this.src.text, t) : t.v;
      return { key, keyTok: t, value: this.expr(stopAtNl) };
    }
    return { value: this.expr(stopAtNl) };
  }

  private parenArgs(): Arg[] {
    return this.nested<Arg[]>(() => [], () => this.parenArgsInner());
  }

  private parenArgsInner(): Arg[] {
    const open = this.next(); // '('
    const args: Arg[] = [];
    while (!this.eof() && !this.isOp(')')) {
      if (this.isOp('}') || this.isOp(']')) {
        this.problem(`Unclosed '(' opened at line ${open.line}`, open);
        return args;
      }
      if (this.isOp(',')) { this.next(); continue; }
      const before = this.i;
      args.push(this.arg(false));
      if (this.i === before) this.next();
    }
    if (this.isOp(')')) this.next();
    else this.problem(`Unclosed '(' opened at line ${open.line}`, open);
    return args;
  }

  private parenExpr(): Value {
    const t = this.peek();
    return this.nested<Value>(() => ({ k: 'other', parts: [], start: t, end: this.prev() }), () => this.parenExprInner());
  }

  private parenExprInner(): Value {
    const open = this.next();
    const parts: Value[] = [];
    while (!this.eof() && !this.isOp(')')) {
      if (this.isOp('}')) {
        this.problem(`Unclosed '(' opened at line ${open.line}`, open);
        break;
      }
      const before = this.i;
      if (this.isOp(';') || this.isOp(',') || this.isOp(':')) { this.next(); continue; }
      parts.push(this.expr(false));
      if (this.i === before) this.next();
    }
    if (this.isOp(')')) this.next();
    return { k: 'other', parts, start: open, end: this.prev() };
  }

  private skipBalanced(): void {
    const open = this.next();
    const close = open.v === '(' ? ')' : open.v === '[' ? ']' : '}';
    let depth = 1;
    while (!this.eof()) {
      const t = this.next();
      if (t.t !== 'op') continue;
      if (t.v === open.v) depth++;
      else if (t.v === close && --depth === 0) return;
    }
  }

  private expr(stopAtNl: boolean): Value {
    const start = this.peek();
    const first = this.unary(stopAtNl);
    const parts: Value[] = [first];
    for (;;) {
      const t = this.peek();
      if (t.t === 'eof' || (stopAtNl && t.nl)) break;
      if (t.t === 'op' && t.v === '?') {
        this.next();
        parts.push(this.expr(false));
        if (this.isOp(':')) this.next();
        parts.push(this.expr(stopAtNl));
        continue;
      }
      if ((t.t === 'op' && BINARY.has(t.v)) || (t.t === 'id' && WORD_OPS.has(t.v))) {
        this.next();
        parts.push(this.unary(false));
        continue;
      }
      break;
    }
    if (parts.length === 1) return first;
    return { k: 'other', parts, start, end: this.prev() };
  }

  private unary(_stopAtNl: boolean): Value {
    const start = this.peek();
    let prefixed = false;
    while (this.peek().t === 'op' && ['!', '-', '+', '~', '++', '--', '*'].includes(this.peek().v)) {
      this.next();
      prefixed = true;
    }
    const v = this.postfix(this.primary());
    if (!prefixed) return v;
    return { k: 'other', parts: [v], start, end: this.prev() };
  }

  private primary(): Value {
    const t = this.peek();
    if (t.t === 'str') {
      this.next();
      return { k: 'str', tok: t, start: t, end: t };
    }
    if (t.t === 'num') {
      this.next();
      return { k: 'other', parts: [], start: t, end: t };
    }
    if (t.t === 'id') {
      if (t.v === 'new') {
        this.next();
        const parts: Value[] = [];
        while (this.peek().t === 'id' || this.isOp('.')) this.next();
        if (this.isOp('<')) this.skipBalancedAngle();
        if (this.isOp('(')) for (const a of this.parenArgs()) parts.push(a.value);
        if (this.isOp('[')) parts.push(this.list());
        if (this.isOp('{') && !this.peek().nl) parts.push(this.closure());
        return { k: 'other', parts, start: t, end: this.prev() };
      }
      this.next();
      return { k: 'call', segs: [{ name: t.v, tok: t, called: false }], start: t, end: t };
    }
    if (t.t === 'op') {
      switch (t.v) {
        case '(': {
          const v = this.parenExpr();
          return v;
        }
        case '[':
          return this.list();
        case '{':
          return this.closure();
        case ')': case ']': case '}': case ',': case ':': case ';':
          return { k: 'other', parts: [], start: t, end: t, empty: true };
        default:
          break;
      }
    }
    if (t.t === 'eof') return { k: 'other', parts: [], start: t, end: t, empty: true };
    this.next();
    return { k: 'other', parts: [], start: t, end: t };
  }

  private skipBalancedAngle(): void {
    let depth = 0;
    while (!this.eof()) {
      const x = this.next();
      if (x.t === 'op' && x.v === '<') depth++;
      if (x.t === 'op' && (x.v === '>' || x.v === '>>')) { depth -= x.v.length; if (depth <= 0) return; }
    }
  }

  private postfix(v: Value): Value {
    let cur = v;
    for (;;) {
      const t = this.peek();
      if (t.t !== 'op') break;
      if (t.v === '(' && !t.nl && cur.k === 'call') {
        const last = cur.segs[cur.segs.length - 1];
        if (last.called && last.args) break;
        last.args = this.parenArgs();
        last.called = true;
        if (this.isOp('{') && !this.peek().nl) last.closure = this.block();
        cur.end = this.prev();
        continue;
      }
      if (t.v === '{' && !t.nl && cur.k === 'call') {
        const last = cur.segs[cur.segs.length - 1];
        if (last.closure) break;
        last.closure = this.block();
        last.called = true;
        cur.end = this.prev();
        continue;
      }
      if ((t.v === '.' || t.v === '?.' || t.v === '*.' || t.v === '.&')) {
        const nt = this.peek(1);
        if (nt.t !== 'id' && nt.t !== 'str') break;
        this.next();
        this.next();
        const name = nt.t === 'str' ? strContent(this.src.text, nt) : nt.v;
        if (cur.k === 'call') {
          cur.segs.push({ name, tok: nt, called: false });
          cur.end = nt;
        } else {
          cur = { k: 'call', segs: [{ name, tok: nt, called: false }], receiver: cur, start: cur.start, end: nt };
        }
        continue;
      }
      if (t.v === '[' && !t.nl) {
        const idx = this.list();
        cur = { k: 'other', parts: [cur, idx], start: cur.start, end: this.prev() };
        continue;
      }
      if ((t.v === '++' || t.v === '--') && !t.nl) {
        this.next();
        continue;
      }
      break;
    }
    return cur;
  }

  private list(): Value {
    const t = this.peek();
    return this.nested<Value>(() => ({ k: 'list', items: [], start: t, end: this.prev() }), () => this.listInner());
  }

  private listInner(): Value {
    const open = this.next(); // '['
    const items: Arg[] = [];
    if (this.isOp(':') && this.isOp(']', 1)) {
      this.next();
      return { k: 'list', items, start: open, end: this.next() };
    }
    while (!this.eof() && !this.isOp(']')) {
      if (this.isOp('}') || this.isOp(')')) {
        this.problem(`Unclosed '[' opened at line ${open.line}`, open);
        return { k: 'list', items, start: open, end: this.prev() };
      }
      if (this.isOp(',')) { this.next(); continue; }
      const before = this.i;
      items.push(this.arg(false));
      if (this.i === before) this.next();
    }
    if (this.isOp(']')) this.next();
    else this.problem(`Unclosed '[' opened at line ${open.line}`, open);
    return { k: 'list', items, start: open, end: this.prev() };
  }

  private closure(): Value {
    const t = this.peek();
    return this.nested<Value>(() => ({ k: 'closure', block: { stmts: [] }, start: t, end: this.prev() }), () => this.closureInner());
  }

  private closureInner(): Value {
    const open = this.peek();
    // parameters: `{ a, b -> …}`, `{ String x -> …}`, `{ -> …}`
    let k = 1;
    while (this.peek(k).t === 'id' || this.isOp(',', k)) k++;
    const hasParams = this.isOp('->', k);
    if (hasParams) {
      this.next();
      for (let j = 1; j <= k; j++) this.next();
      const stmts = this.statements(true);
      let close: Tok | undefined;
      if (this.isOp('}')) close = this.next();
      else this.problem(`Unclosed '{' opened at line ${open.line}`, open);
      return { k: 'closure', block: { stmts, open, close }, start: open, end: this.prev() };
    }
    const block = this.block();
    return { k: 'closure', block, start: open, end: this.prev() };
  }
}

function strContent(text: string, t: Tok): string {
  const raw = text.slice(t.cs ?? t.start, t.ce ?? t.end);
  return raw.split('\n').map((l) => unescapeLine(l.replace(/\r$/, ''), t.q ?? "'")).join('\n').replace(/\\\n/g, '');
}

// ───────────────────────────── meaning ─────────────────────────────

interface Agent {
  image?: Located;
  runner?: Located;
}

interface Ctx {
  /** Inside `pipeline { }` directive sections (stage bodies), not inside `steps`. */
  declarative: boolean;
  job?: CiJob;
  path: string[];
  agent?: Agent;
  cannotFail?: Loc;
  env?: Record<string, Located>;
  /** Name of the enclosing `def` method, for steps outside any stage. */
  method?: string;
}

const SHELL_STEPS = new Set(['sh', 'bat', 'powershell', 'pwsh']);
/** Steps that only wrap others: their bodies are walked, they are not recorded themselves. */
const PLAIN_WRAPPERS = new Set(['script', 'dir', 'withCredentials', 'timeout', 'retry', 'timestamps', 'ansiColor', 'lock', 'container',
  'sshagent', 'wrap', 'waitUntil', 'withFolderProperties', 'configFileProvider', 'ws', 'withContext', 'stash', 'gitlabCommitStatus',
  'withAnt', 'tool', 'milestone', 'withChecks', 'withGroovy', 'throttle', 'skipDefaultCheckout']);
const NOT_STEPS = new Set(['println', 'print', 'printf', 'sprintf', 'String', 'Integer', 'Boolean', 'Math', 'evaluate', 'sleep_', 'it']);
const POST_CONDITIONS = new Set(['always', 'changed', 'fixed', 'regression', 'aborted', 'failure', 'success', 'unstable', 'unsuccessful', 'cleanup', 'notBuilt']);

class Walker {
  readonly jobs: CiJob[] = [];
  readonly references: CiReference[] = [];
  readonly env: Record<string, Located> = {};
  readonly schedules: Located[] = [];
  readonly events: string[] = [];
  pipelineAnchor?: Loc;
  nodeAnchor?: Loc;
  firstStage?: Loc;
  /** Simple `def name = '…'` string variables seen so far (for `sh name`). */
  private readonly vars = new Map<string, Value>();

  constructor(private readonly path: string, private readonly src: Source) {}

  // ── helpers

  loc(a: Tok, b: Tok = a): Loc {
    return { path: this.path, line: a.line, column: a.col, endLine: b.endLine, endColumn: b.endCol };
  }

  text(v: Value): string {
    if (v.k === 'str') return strContent(this.src.text, v.tok);
    if (v.k === 'other' && v.empty) return '';
    return this.src.text.slice(v.start.start, v.end.end);
  }

  located(v: Value): Located {
    return { value: this.text(v), loc: this.loc(v.start, v.end) };
  }

  /** The string literal a value is or starts with (`'x'`, `"""…""".stripIndent()`, `'a ' + b`). */
  strTok(v: Value): Tok | undefined {
    if (v.k === 'str') return v.tok;
    if (v.k === 'call' && v.receiver) return this.strTok(v.receiver);
    if (v.k === 'other' && v.parts.length) return this.strTok(v.parts[0]);
    return undefined;
  }

  named(args: Arg[] | undefined, key: string): Arg | undefined {
    return args?.find((a) => a.key === key);
  }

  positional(args: Arg[] | undefined): Arg[] {
    return (args ?? []).filter((a) => a.key === undefined && !(a.value.k === 'other' && a.value.empty));
  }

  /** Shell lines of a script string, one per logical line, at exact positions. */
  shellLines(v: Value): ShellLine[] {
    // `sh cmd` where `def cmd = '…'`: the lines are where the string is written
    if (v.k === 'call' && !v.receiver && v.segs.length === 1 && !v.segs[0].called) {
      const def = this.vars.get(v.segs[0].name);
      if (def) return this.shellLines(def);
    }
    const t = this.strTok(v);
    if (!t || t.cs === undefined || t.ce === undefined) return [];
    const content = this.src.text.slice(t.cs, t.ce);
    const phys: PhysicalLine[] = [];
    let offset = t.cs;
    for (const piece of content.split('\n')) {
      const p = this.src.pos(offset);
      phys.push({ text: unescapeLine(piece.replace(/\r$/, ''), t.q ?? "'"), line: p.line, column: p.col });
      offset += piece.length + 1;
    }
    // A `\n` escape inside one physical line stays in that line's text (the shell reader splits it).
    return joinContinuations(this.path, phys);
  }

  job(ctx: Ctx, id: string, loc: Loc): CiJob {
    let j = this.jobs.find((x) => x.id === id);
    if (!j) {
      j = { id, loc, steps: [], services: [], env: {} };
      if (ctx.agent?.image) j.image = ctx.agent.image;
      if (ctx.agent?.runner) j.runner = ctx.agent.runner;
      if (ctx.cannotFail) j.cannotFail = ctx.cannotFail;
      this.jobs.push(j);
    }
    return j;
  }

  jobFor(ctx: Ctx, at: Loc): CiJob {
    if (ctx.job) return ctx.job;
    return this.job(ctx, ctx.method ? `(def ${ctx.method})` : '(no stage)', at);
  }

  addStep(ctx: Ctx, step: CiStep): void {
    if (ctx.env && Object.keys(ctx.env).length) step.env = { ...ctx.env, ...step.env };
    if (ctx.cannotFail && !step.cannotFail) step.cannotFail = ctx.cannotFail;
    this.jobFor(ctx, step.loc).steps.push(step);
  }

  addReference(v: Value): void {
    if (v.k === 'list') {
      for (const it of v.items) this.addReference(it.value);
      return;
    }
    const t = this.strTok(v);
    if (!t) return;
    const ref = strContent(this.src.text, t).trim();
    if (ref) this.references.push({ kind: 'shared-library', ref, loc: this.loc(t) });
  }

  /** Cron specs anywhere in a value (`properties([pipelineTriggers([cron('…')])])`). */
  collectTriggers(v: Value): void {
    if (v.k === 'list') for (const it of v.items) this.collectTriggers(it.value);
    else if (v.k === 'other') for (const p of v.parts) this.collectTriggers(p);
    else if (v.k === 'call' && !v.receiver && v.segs.length === 1) this.trigger(v.segs[0]);
    else if (v.k === 'call') for (const s of v.segs) for (const a of s.args ?? []) this.collectTriggers(a.value);
  }

  trigger(seg: Seg): void {
    const name = seg.name;
    if (name === 'cron' || name === 'parameterizedCron') {
      const a = this.named(seg.args, 'spec') ?? this.positional(seg.args)[0];
      if (a) this.schedules.push(this.located(a.value));
      if (!this.events.includes(name)) this.events.push(name);
      return;
    }
    if (['pollSCM', 'upstream', 'githubPush', 'GenericTrigger', 'gitlab', 'bitbucketPush', 'issueCommentTrigger', 'pipelineTriggers'].includes(name)) {
      if (name !== 'pipelineTriggers' && !this.events.includes(name)) this.events.push(name);
    }
    for (const a of seg.args ?? []) this.collectTriggers(a.value);
  }

  // ── statements

  walkBlock(block: Block | undefined, ctx: Ctx): void {
    if (!block) return;
    let c = ctx;
    for (const s of block.stmts) c = this.walkStmt(s, c);
  }

  walkStmt(s: Stmt, ctx: Ctx): Ctx {
    switch (s.k) {
      case 'annotation':
        if (s.name === 'Library' || s.name === 'Libraries') for (const a of s.args) this.addReference(a.value);
        return ctx;
      case 'expr': {
        const v = s.value;
        // scripted legacy form: `stage 'Build'` followed by its steps
        if (v.k === 'call' && !v.receiver && v.segs.length === 1 && v.segs[0].name === 'stage' && !v.segs[0].closure && !ctx.declarative) {
          const seg = v.segs[0];
          const name = this.stageName(seg);
          const path = [...ctx.path, name];
          const job = this.job(ctx, path.join('/'), this.loc(v.start, v.end));
          job.name = name;
          this.firstStage ??= job.loc;
          return { ...ctx, job, path: ctx.path };
        }
        this.walkExpr(v, ctx);
        return ctx;
      }
      case 'assign':
        if (/^[A-Za-z_]\w*$/.test(s.target) && this.strTok(s.value) && (s.value.k === 'str' || s.value.k === 'call')) this.vars.set(s.target, s.value);
        else if (/^[A-Za-z_]\w*$/.test(s.target)) this.vars.delete(s.target);
        this.walkExpr(s.value, ctx);
        return ctx;
      case 'control':
        if (s.cond) this.walkExpr(s.cond, ctx);
        for (const b of s.blocks) this.walkBlock(b, ctx);
        return ctx;
      case 'try': {
        const swallow = s.catches.length > 0 && !s.catches.some((b) => this.rethrows(b)) && !(s.fin && this.rethrows(s.fin));
        const inner = swallow && !ctx.cannotFail ? { ...ctx, cannotFail: this.loc(s.tok) } : ctx;
        this.walkBlock(s.body, inner);
        for (const b of s.catches) this.walkBlock(b, ctx);
        this.walkBlock(s.fin, ctx);
        return ctx;
      }
      case 'method':
        this.walkBlock(s.body, { declarative: false, path: [], method: s.name, agent: undefined });
        return ctx;
    }
  }

  rethrows(b: Block): boolean {
    if (!b.open) return true;
    const text = this.src.text.slice(b.open.start, (b.close ?? b.open).end);
    return /\bthrow\b|\berror\s*[('"]|FAILURE|\bexit\s+[1-9]/.test(text);
  }

  /** Calls that run where an expression is evaluated (`def out = sh(…)`, `if (sh(…) != 0)`). */
  walkExpr(v: Value, ctx: Ctx): void {
    switch (v.k) {
      case 'call':
        this.call(v, ctx);
        return;
      case 'other':
        for (const p of v.parts) this.walkExpr(p, ctx);
        return;
      case 'closure':
        this.walkBlock(v.block, ctx);
        return;
      case 'list':
        for (const it of v.items) this.walkClosures(it.value, ctx);
        return;
      default:
        return;
    }
  }

  /** Closures passed as values (`parallel a: { … }`, `[x: { … }]`) run as steps; calls there are data. */
  walkClosures(v: Value, ctx: Ctx): void {
    switch (v.k) {
      case 'closure':
        this.walkBlock(v.block, ctx);
        return;
      case 'list':
        for (const it of v.items) this.walkClosures(it.value, ctx);
        return;
      case 'other':
        for (const p of v.parts) this.walkClosures(p, ctx);
        return;
      case 'call':
        for (const s of v.segs) {
          for (const a of s.args ?? []) this.walkClosures(a.value, ctx);
          this.walkBlock(s.closure, ctx);
        }
        return;
      default:
        return;
    }
  }

  call(v: Extract<Value, { k: 'call' }>, ctx: Ctx): void {
    const segs = v.segs;
    if (v.receiver) {
      this.walkExpr(v.receiver, ctx);
      for (const s of segs) this.walkBlock(s.closure, ctx);
      return;
    }
    const k = segs.findIndex((s) => s.called);
    if (k < 0) return;
    if (k === 0) {
      this.step(segs[0], v, ctx);
      for (const s of segs.slice(1)) {
        for (const a of s.args ?? []) this.walkClosures(a.value, ctx);
        this.walkBlock(s.closure, ctx);
      }
      return;
    }
    const receiver = segs.slice(0, k).map((s) => s.name).join('.');
    if (segs[0].name === 'docker') {
      this.docker(v, ctx);
      return;
    }
    if (receiver === 'steps' || receiver === 'this') {
      this.step(segs[k], v, ctx);
      return;
    }
    for (const s of segs) {
      for (const a of s.args ?? []) this.walkClosures(a.value, ctx);
      this.walkBlock(s.closure, ctx);
    }
  }

  stageName(seg: Seg): string {
    const a = this.named(seg.args, 'name') ?? this.positional(seg.args)[0];
    return a ? this.text(a.value) : '';
  }

  /** One step call (`sh …`, `dependencyCheck …`, `withSonarQubeEnv(…) { … }`) or a scripted structure. */
  step(seg: Seg, v: Extract<Value, { k: 'call' }>, ctx: Ctx): void {
    const name = seg.name;
    const args = seg.args;
    const callLoc = this.loc(seg.tok, v.end);
    switch (name) {
      case 'pipeline':
        this.pipelineAnchor ??= this.loc(seg.tok);
        if (seg.closure) this.pipeline(seg.closure, { ...ctx, declarative: true });
        return;
      case 'node': {
        this.nodeAnchor ??= this.loc(seg.tok);
        const a = this.named(args, 'label') ?? this.positional(args)[0];
        const runner: Located = a ? this.located(a.value) : { value: 'any', loc: this.loc(seg.tok) };
        if (ctx.job && !ctx.job.runner) ctx.job.runner = runner;
        this.walkBlock(seg.closure, { ...ctx, agent: { ...ctx.agent, runner } });
        return;
      }
      case 'podTemplate': {
        const runner: Located = { value: 'kubernetes', loc: this.loc(seg.tok) };
        this.walkBlock(seg.closure, { ...ctx, agent: { ...ctx.agent, runner } });
        return;
      }
      case 'stage':
        this.stage(seg, v, ctx);
        return;
      case 'parallel':
        if (seg.closure && ctx.declarative) {
          this.stages(seg.closure, ctx);
          return;
        }
        for (const a of args ?? []) this.walkClosures(a.value, { ...ctx, declarative: false });
        this.walkBlock(seg.closure, { ...ctx, declarative: false });
        return;
      case 'catchError':
      case 'warnError': {
        const br = this.named(args, 'buildResult');
        const lenient = name === 'warnError' || (br !== undefined && /^(SUCCESS|UNSTABLE|null)$/i.test(this.text(br.value).trim()));
        const cf = lenient ? (br ? this.loc(br.keyTok ?? br.value.start, br.value.end) : this.loc(seg.tok, v.end)) : undefined;
        this.walkBlock(seg.closure, cf && !ctx.cannotFail ? { ...ctx, cannotFail: cf } : ctx);
        return;
      }
      case 'withEnv': {
        const env: Record<string, Located> = { ...ctx.env };
        const list = this.positional(args)[0]?.value;
        if (list?.k === 'list') {
          for (const it of list.items) {
            const t = this.strTok(it.value);
            if (!t) continue;
            const s = strContent(this.src.text, t);
            const eq = s.indexOf('=');
            if (eq > 0) env[s.slice(0, eq).trim()] = { value: s.slice(eq + 1), loc: this.loc(t) };
          }
        }
        this.walkBlock(seg.closure, { ...ctx, env });
        return;
      }
      case 'properties':
        for (const a of args ?? []) this.collectTriggers(a.value);
        return;
      case 'library': {
        const a = this.named(args, 'identifier') ?? this.positional(args)[0];
        if (a) this.addReference(a.value);
        return;
      }
      default:
        break;
    }
    if (SHELL_STEPS.has(name)) {
      this.shellStep(seg, callLoc, ctx);
      return;
    }
    if (PLAIN_WRAPPERS.has(name) || NOT_STEPS.has(name)) {
      for (const a of args ?? []) this.walkClosures(a.value, ctx);
      this.walkBlock(seg.closure, ctx);
      return;
    }
    const step: CiStep = { loc: callLoc, script: [], uses: { value: name, loc: this.loc(seg.tok) }, inputs: {}, env: {} };
    let idx = 0;
    for (const a of args ?? []) {
      if (a.value.k === 'other' && a.value.empty) continue;
      if (a.value.k === 'closure') continue;
      step.inputs[a.key ?? String(idx++)] = this.located(a.value);
    }
    const propagate = this.named(args, 'propagate');
    if (propagate && this.text(propagate.value).trim() === 'false') step.cannotFail = this.loc(propagate.keyTok ?? propagate.value.start, propagate.value.end);
    this.addStep(ctx, step);
    for (const a of args ?? []) this.walkClosures(a.value, ctx);
    this.walkBlock(seg.closure, ctx);
  }

  shellStep(seg: Seg, loc: Loc, ctx: Ctx): void {
    const args = seg.args;
    const script = this.named(args, 'script') ?? this.positional(args)[0];
    const step: CiStep = { loc, script: script ? this.shellLines(script.value) : [], inputs: {}, env: {} };
    const label = this.named(args, 'label');
    if (label) step.name = this.text(label.value);
    for (const a of args ?? []) {
      if (!a.key || a.key === 'script') continue;
      step.inputs[a.key] = this.located(a.value);
    }
    const rs = this.named(args, 'returnStatus');
    if (rs && this.text(rs.value).trim() === 'true') step.cannotFail = this.loc(rs.keyTok ?? rs.value.start, rs.value.end);
    this.addStep(ctx, step);
  }

  docker(v: Extract<Value, { k: 'call' }>, ctx: Ctx): void {
    const segs = v.segs;
    const imgSeg = segs.find((s) => (s.name === 'image' || s.name === 'build') && s.args && s.args.length);
    const imgArg = imgSeg ? this.positional(imgSeg.args)[0] : undefined;
    const image = imgArg ? this.located(imgArg.value) : undefined;
    const last = [...segs].reverse().find((s) => s.called);
    const lastName = last?.name ?? '';
    if (lastName === 'inside' && image) {
      if (ctx.job && !ctx.job.image) ctx.job.image = image;
      const inner: Ctx = { ...ctx, agent: { ...ctx.agent, image } };
      if (!ctx.job && last?.closure) {
        const j = this.jobFor(inner, this.loc(v.start, v.end));
        if (!j.image) j.image = image;
      }
      this.walkBlock(last?.closure, inner);
      return;
    }
    if (lastName === 'withRun' && image) {
      this.jobFor(ctx, this.loc(v.start, v.end)).services.push(image);
      this.walkBlock(last?.closure, ctx);
      return;
    }
    if (['withRegistry', 'withServer', 'withTool', 'withDockerRegistry'].includes(lastName)) {
      this.walkBlock(last?.closure, ctx);
      return;
    }
    const step: CiStep = {
      loc: this.loc(v.start, v.end),
      script: [],
      uses: { value: segs.map((s) => s.name).join('.'), loc: this.loc(segs[0].tok, segs[segs.length - 1].tok) },
      inputs: {},
      env: {},
    };
    let idx = 0;
    for (const s of segs) for (const a of s.args ?? []) {
      if ((a.value.k === 'other' && a.value.empty) || a.value.k === 'closure') continue;
      step.inputs[a.key ?? String(idx++)] = this.located(a.value);
    }
    this.addStep(ctx, step);
    for (const s of segs) this.walkBlock(s.closure, ctx);
  }

  // ── declarative

  /** The call in an expression statement, when it is a plain `name …` / `name(…) { … }`. */
  segOf(s: Stmt): Seg | undefined {
    if (s.k !== 'expr' || s.value.k !== 'call' || s.value.receiver) return undefined;
    return s.value.segs.length === 1 ? s.value.segs[0] : undefined;
  }

  endOf(s: Stmt): Tok | undefined {
    return s.k === 'expr' ? s.value.end : undefined;
  }

  pipeline(block: Block, ctx: Ctx): void {
    let c: Ctx = { ...ctx, declarative: true };
    const agentStmt = block.stmts.map((s) => this.segOf(s)).find((s) => s?.name === 'agent');
    if (agentStmt) c = { ...c, agent: this.agent(agentStmt) };
    for (const s of block.stmts) {
      const seg = this.segOf(s);
      if (!seg) continue;
      switch (seg.name) {
        case 'environment':
          this.environment(seg.closure, this.env);
          break;
        case 'triggers':
          for (const t of seg.closure?.stmts ?? []) {
            const ts = this.segOf(t);
            if (ts) this.trigger(ts);
          }
          break;
        case 'libraries':
          for (const t of seg.closure?.stmts ?? []) {
            const ts = this.segOf(t);
            if (ts?.name === 'lib') for (const a of this.positional(ts.args)) this.addReference(a.value);
          }
          break;
        case 'stages':
          this.stages(seg.closure, c);
          break;
        case 'stage':
          this.step(seg, (s as { value: Extract<Value, { k: 'call' }> }).value, c);
          break;
        case 'post':
          this.post(seg.closure, c, undefined);
          break;
        default:
          break;
      }
    }
  }

  stages(block: Block | undefined, ctx: Ctx): void {
    for (const s of block?.stmts ?? []) {
      const seg = this.segOf(s);
      if (seg?.name === 'stage') this.stage(seg, (s as { value: Extract<Value, { k: 'call' }> }).value, { ...ctx, declarative: true });
    }
  }

  stage(seg: Seg, v: Extract<Value, { k: 'call' }>, ctx: Ctx): void {
    const name = this.stageName(seg);
    const path = [...ctx.path, name];
    const loc = this.loc(seg.tok, v.end);
    this.firstStage ??= loc;
    const job: CiJob = { id: path.join('/'), name, loc, steps: [], services: [], env: {} };
    if (ctx.cannotFail) job.cannotFail = ctx.cannotFail;
    const body = seg.closure;
    if (!ctx.declarative || !body) {
      if (ctx.agent?.image) job.image = ctx.agent.image;
      if (ctx.agent?.runner) job.runner = ctx.agent.runner;
      this.jobs.push(job);
      this.walkBlock(body, { ...ctx, declarative: false, job, path });
      return;
    }
    const segs = body.stmts.map((s) => this.segOf(s));
    const own = segs.find((s) => s?.name === 'agent');
    const agent = own ? this.agent(own) : ctx.agent;
    if (agent?.image) job.image = agent.image;
    if (agent?.runner) job.runner = agent.runner;
    const at = this.jobs.length;
    this.jobs.push(job);
    const inner: Ctx = { ...ctx, declarative: true, job, path, agent };
    let nested = false;
    for (let i = 0; i < body.stmts.length; i++) {
      const s = segs[i];
      if (!s) continue;
      switch (s.name) {
        case 'steps':
          this.walkBlock(s.closure, { ...inner, declarative: false });
          break;
        case 'environment':
          this.environment(s.closure, job.env);
          break;
        case 'post':
          this.post(s.closure, inner, job);
          break;
        case 'parallel':
        case 'stages':
          nested = true;
          this.stages(s.closure, inner);
          break;
        case 'matrix': {
          nested = true;
          const ms = (s.closure?.stmts ?? []).map((x) => this.segOf(x));
          const mAgent = ms.find((x) => x?.name === 'agent');
          const mctx: Ctx = mAgent ? { ...inner, agent: this.agent(mAgent) } : inner;
          for (const x of ms) {
            if (x?.name === 'stages') this.stages(x.closure, mctx);
            if (x?.name === 'post') this.post(x.closure, mctx, job);
          }
          break;
        }
        default:
          break;
      }
    }
    if (nested && job.steps.length === 0) {
      const k = this.jobs.indexOf(job);
      if (k >= at) this.jobs.splice(k, 1);
    }
  }

  post(block: Block | undefined, ctx: Ctx, job: CiJob | undefined): void {
    for (const s of block?.stmts ?? []) {
      const seg = this.segOf(s);
      if (!seg || !POST_CONDITIONS.has(seg.name) || !seg.closure) continue;
      const j = job ?? this.job({ ...ctx, cannotFail: undefined }, '(post)', this.loc(seg.tok, this.endOf(s) ?? seg.tok));
      this.walkBlock(seg.closure, { ...ctx, declarative: false, job: j });
    }
  }

  environment(block: Block | undefined, into: Record<string, Located>): void {
    for (const s of block?.stmts ?? []) {
      if (s.k === 'assign') into[s.target] = this.located(s.value);
    }
  }

  agent(seg: Seg): Agent {
    const out: Agent = {};
    const pos = this.positional(seg.args)[0];
    if (pos) {
      const t = this.text(pos.value).trim();
      if (t === 'none') return out;
      if (t === 'any') out.runner = { value: 'any', loc: this.loc(pos.value.start, pos.value.end) };
      else if (pos.value.k === 'str') out.runner = this.located(pos.value);
    }
    const label = this.named(seg.args, 'label');
    if (label) out.runner = this.located(label.value);
    const dk = this.named(seg.args, 'docker');
    if (dk) out.image = this.located(dk.value);
    for (const s of seg.closure?.stmts ?? []) {
      const x = this.segOf(s);
      if (!x) continue;
      switch (x.name) {
        case 'label': {
          const a = this.positional(x.args)[0];
          if (a) out.runner = this.located(a.value);
          break;
        }
        case 'node': {
          const inner = this.agent(x);
          if (inner.runner) out.runner = inner.runner;
          break;
        }
        case 'docker': {
          const a = this.positional(x.args)[0];
          if (a && a.value.k !== 'closure') out.image = this.located(a.value);
          for (const d of x.closure?.stmts ?? []) {
            const y = this.segOf(d);
            const ya = y ? this.positional(y.args)[0] : undefined;
            if (!y || !ya) continue;
            if (y.name === 'image') out.image = this.located(ya.value);
            if (y.name === 'label') out.runner = this.located(ya.value);
          }
          break;
        }
        case 'dockerfile': {
          for (const d of x.closure?.stmts ?? []) {
            const y = this.segOf(d);
            const ya = y ? this.positional(y.args)[0] : undefined;
            if (y?.name === 'label' && ya) out.runner = this.located(ya.value);
          }
          break;
        }
        case 'kubernetes':
          out.runner = { value: 'kubernetes', loc: this.loc(x.tok) };
          break;
        case 'any':
          out.runner = { value: 'any', loc: this.loc(x.tok) };
          break;
        default:
          break;
      }
    }
    return out;
  }
}

/** Reads a Jenkinsfile (declarative or scripted). Never throws. */
export function parseJenkinsfile(path: string, text: string): CiFile {
  const problems: FileProblem[] = [];
  const src = new Source(text);
  const w = new Walker(path, src);
  try {
    const toks = tokenize(src, problems);
    const program = new Parser(toks, src, problems).program();
    w.walkBlock(program, { declarative: false, path: [] });
  } catch (e) {
    problems.push({ message: `Could not read the whole Jenkinsfile: ${(e as Error)?.message ?? String(e)}`, severity: 'error' });
  }
  const anchor = w.pipelineAnchor ?? w.nodeAnchor ?? w.firstStage ?? { path, line: 1, column: 1, endLine: 1, endColumn: 1 };
  return {
    kind: 'jenkinsfile',
    path,
    anchor,
    jobs: w.jobs,
    references: w.references,
    env: w.env,
    schedules: w.schedules,
    events: w.events,
    problems,
  };
}
