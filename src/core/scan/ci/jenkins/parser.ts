// Jenkinsfile parser: a tolerant recursive-descent parser over the lexer's tokens, for the Groovy
// subset pipelines use. Unbalanced input becomes a FileProblem and what was parsed is kept.
import { FileProblem } from '../../types';
import { Source, strContent, Tok } from './lexer';

// ───────────────────────────── syntax tree ─────────────────────────────

export interface Seg {
  name: string;
  tok: Tok;
  args?: Arg[];
  closure?: Block;
  called: boolean;
}

export interface Arg {
  key?: string;
  keyTok?: Tok;
  value: Value;
}

export type Value =
  | { k: 'str'; tok: Tok; start: Tok; end: Tok }
  | { k: 'call'; segs: Seg[]; receiver?: Value; start: Tok; end: Tok }
  | { k: 'list'; items: Arg[]; start: Tok; end: Tok }
  | { k: 'closure'; block: Block; start: Tok; end: Tok }
  | { k: 'other'; parts: Value[]; start: Tok; end: Tok; empty?: boolean };

export interface Block {
  stmts: Stmt[];
  open?: Tok;
  close?: Tok;
}

export type Stmt =
  | { k: 'expr'; value: Value }
  | { k: 'assign'; target: string; targetTok: Tok; value: Value }
  | { k: 'control'; cond?: Value; blocks: Block[]; /** `if`: blocks are the then and else branches. */ kw?: 'if' }
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

export class Parser {
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
    return { k: 'control', kw: 'if', cond, blocks };
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
