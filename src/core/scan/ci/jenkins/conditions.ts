// Jenkins conditions read with the build parameters' defaults: a stage gated by
// `when { expression { params.X } }` (or a scripted `if (params.X)`) whose parameter defaults off
// does not run in the builds Jenkins starts on its own (pushes, schedules); what it would run is
// noted, not counted. Only what the file shows is judged: a parameter the file does not declare,
// a branch, an environment value or any expression this reader does not follow is "may be true".
import { Loc } from '../../types';

/** A build parameter the file declares, with the value Jenkins gives it when nobody sets it. */
export interface ParamDefault {
  name: string;
  value: boolean | string;
  /** The declaration (`booleanParam(name: 'X', defaultValue: false)`). */
  loc: Loc;
  /** A `parameterizedCron` spec sets it on some scheduled builds: its value is then not fixed. */
  setBySchedule?: boolean;
}

/** true / false, or undefined where the file does not decide it. */
type Truth = boolean | undefined;

/** The outcome of a condition with the parameters' defaults, and the parameters it read. */
export interface ConditionValue {
  value: Truth;
  params: ParamDefault[];
}

type Operand = { known: true; value: boolean | string; params: ParamDefault[] } | { known: false; params: ParamDefault[] };

interface Token {
  t: 'op' | 'str' | 'ref' | 'word' | 'other';
  v: string;
}

const OPS = ['==~', '&&', '||', '==', '!=', '=~', '!', '(', ')'];

function tokens(text: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (/\s|;/.test(c)) { i++; continue; }
    if (c === "'" || c === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== c) j += text[j] === '\\' ? 2 : 1;
      const body = text.slice(i + 1, j);
      // an interpolated GString is not a constant
      out.push(c === '"' && body.includes('$') ? { t: 'other', v: body } : { t: 'str', v: body });
      i = j + 1;
      continue;
    }
    if (c === '/' && (out[out.length - 1]?.v === '==~' || out[out.length - 1]?.v === '=~')) {
      let j = i + 1;
      while (j < text.length && text[j] !== '/') j += text[j] === '\\' ? 2 : 1;
      out.push({ t: 'other', v: text.slice(i, j + 1) });
      i = j + 1;
      continue;
    }
    const indexed = /^params\s*\[\s*(['"])(\w+)\1\s*\]/.exec(text.slice(i));
    const ref = indexed ?? /^[A-Za-z_$][\w$]*(?:\s*\??\.\s*[A-Za-z_$][\w$]*(?:\s*\(\s*\))?)*/.exec(text.slice(i));
    if (ref) {
      const v = indexed ? `params.${indexed[2]}` : ref[0].replace(/\s+/g, '').replace(/\?\./g, '.');
      out.push({ t: ref[0].includes('.') || indexed ? 'ref' : 'word', v });
      i += ref[0].length;
      continue;
    }
    const op = OPS.find((o) => text.startsWith(o, i));
    if (op) {
      out.push({ t: 'op', v: op });
      i += op.length;
      continue;
    }
    out.push({ t: 'other', v: c });
    i++;
  }
  return out;
}

function truthy(v: boolean | string): boolean {
  return typeof v === 'boolean' ? v : v !== '';
}

/** Three-valued logic over a Groovy boolean expression, with `params.X` read as its default. */
class Evaluator {
  private i = 0;
  constructor(private readonly toks: Token[], private readonly params: ReadonlyMap<string, ParamDefault>) {}

  run(): ConditionValue {
    const v = this.or();
    // something left over (a `?:`, an assignment, ...) is not understood
    return this.i < this.toks.length ? { value: undefined, params: v.params } : v;
  }

  private peek(): Token | undefined {
    return this.toks[this.i];
  }
  private isOp(v: string): boolean {
    const t = this.peek();
    return t?.t === 'op' && t.v === v;
  }

  private or(): ConditionValue {
    let left = this.and();
    while (this.isOp('||')) {
      this.i++;
      const right = this.and();
      const value = left.value === true || right.value === true ? true : left.value === false && right.value === false ? false : undefined;
      left = { value, params: [...left.params, ...right.params] };
    }
    return left;
  }

  private and(): ConditionValue {
    let left = this.unary();
    while (this.isOp('&&')) {
      this.i++;
      const right = this.unary();
      const value = left.value === false || right.value === false ? false : left.value === true && right.value === true ? true : undefined;
      left = { value, params: [...left.params, ...right.params] };
    }
    return left;
  }

  private unary(): ConditionValue {
    if (this.isOp('!')) {
      this.i++;
      const v = this.unary();
      return { value: v.value === undefined ? undefined : !v.value, params: v.params };
    }
    return this.comparison();
  }

  /** `a`, `a == b`, `a != b`, or a run of tokens this reader does not follow (up to the next `&&`, `||`, `)`). */
  private comparison(): ConditionValue {
    if (this.isOp('(')) {
      this.i++;
      const inner = this.or();
      if (this.isOp(')')) this.i++;
      else return { value: undefined, params: inner.params };
      return this.rest(inner);
    }
    const left = this.operand();
    if (this.isOp('==') || this.isOp('!=')) {
      const negate = this.peek()!.v === '!=';
      this.i++;
      const right = this.operand();
      const params = [...left.params, ...right.params];
      // Groovy's == between a Boolean and a String is false; a reader should not lean on that
      if (!left.known || !right.known || typeof left.value !== typeof right.value) return this.rest({ value: undefined, params });
      return this.rest({ value: (left.value === right.value) !== negate, params });
    }
    return this.rest(left.known ? { value: truthy(left.value), params: left.params } : { value: undefined, params: left.params });
  }

  /** Anything before the next `&&`/`||`/`)` that is not understood makes the term unknown. */
  private rest(v: ConditionValue): ConditionValue {
    let depth = 0;
    let extra = false;
    for (let t = this.peek(); t; t = this.peek()) {
      if (t.t === 'op' && depth === 0 && (t.v === '&&' || t.v === '||' || t.v === ')')) break;
      if (t.t === 'op' && t.v === '(') depth++;
      if (t.t === 'op' && t.v === ')') depth--;
      extra = true;
      this.i++;
    }
    return extra ? { value: undefined, params: v.params } : v;
  }

  private operand(): Operand {
    const t = this.peek();
    if (!t) return { known: false, params: [] };
    if (t.t === 'str') {
      this.i++;
      return { known: true, value: t.v, params: [] };
    }
    if (t.t === 'word' && (t.v === 'true' || t.v === 'false')) {
      this.i++;
      return { known: true, value: t.v === 'true', params: [] };
    }
    if (t.t === 'ref') {
      const m = /^params\.(\w+)((?:\.\w+\(\))*)$/.exec(t.v);
      if (!m) return { known: false, params: [] };
      this.i++;
      const p = this.params.get(m[1]);
      if (!p || p.setBySchedule) return { known: false, params: p ? [p] : [] };
      let value: boolean | string = p.value;
      for (const call of m[2].split('.').filter(Boolean)) {
        if (call === 'toBoolean()') value = typeof value === 'boolean' ? value : value.trim().toLowerCase() === 'true';
        else if (call === 'toString()' || call === 'trim()') value = typeof value === 'boolean' ? String(value) : value.trim();
        else return { known: false, params: [p] };
      }
      return { known: true, value, params: [p] };
    }
    return { known: false, params: [] };
  }
}

/** The value of a Groovy condition (`params.X && env.BRANCH_NAME == 'main'`) with the parameters' defaults. */
export function evaluateCondition(text: string, params: ReadonlyMap<string, ParamDefault>): ConditionValue {
  const body = text.trim().replace(/^return\b/, '').trim();
  if (!body) return { value: undefined, params: [] };
  return new Evaluator(tokens(body), params).run();
}

/** Parameters a `parameterizedCron('H 2 * * * %X=true; Y=a')` spec sets on its scheduled builds. */
export function paramsSetBySchedule(spec: string): string[] {
  const out: string[] = [];
  for (const line of spec.split(/\n/)) {
    const pct = line.indexOf('%');
    if (pct < 0) continue;
    for (const pair of line.slice(pct + 1).split(';')) {
      const name = pair.split('=')[0]?.trim();
      if (name && /^\w+$/.test(name)) out.push(name);
    }
  }
  return out;
}
