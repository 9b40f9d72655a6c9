// Jenkinsfile walker: turns the syntax tree's stages into jobs and step calls into steps with
// exact positions (declarative `pipeline { … }` and scripted `node { … }`).
import { CiJob, CiReference, CiStep, Loc, Located, ShellLine } from '../../types';
import { joinContinuations, PhysicalLine } from '../../parse/shell';
import { normalizePath } from '../common';
import { Source, strContent, Tok, unescapeLine } from './lexer';
import { Arg, Block, Seg, Stmt, Value } from './parser';
import { ConditionValue, evaluateCondition, ParamDefault, paramsSetBySchedule } from './conditions';

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
  /** Why stages started here do not run in the builds Jenkins starts on its own (a condition false by default). */
  notRun?: string;
}

const SHELL_STEPS = new Set(['sh', 'bat', 'powershell', 'pwsh']);
/** Steps that only wrap others: their bodies are walked, they are not recorded themselves. */
const PLAIN_WRAPPERS = new Set(['script', 'dir', 'withCredentials', 'timeout', 'retry', 'timestamps', 'ansiColor', 'lock', 'container',
  'sshagent', 'wrap', 'waitUntil', 'withFolderProperties', 'configFileProvider', 'ws', 'withContext', 'stash', 'gitlabCommitStatus',
  'withAnt', 'tool', 'milestone', 'withChecks', 'withGroovy', 'throttle', 'skipDefaultCheckout']);
const NOT_STEPS = new Set(['println', 'print', 'printf', 'sprintf', 'String', 'Integer', 'Boolean', 'Math', 'evaluate', 'sleep_', 'it']);
const POST_CONDITIONS = new Set(['always', 'changed', 'fixed', 'regression', 'aborted', 'failure', 'success', 'unstable', 'unsuccessful', 'cleanup', 'notBuilt']);

export class Walker {
  readonly jobs: CiJob[] = [];
  readonly references: CiReference[] = [];
  /** Methods the file defines (`def deploy() { … }`): calls of them are no library steps. */
  readonly methods = new Set<string>();
  readonly env: Record<string, Located> = {};
  readonly schedules: Located[] = [];
  readonly events: string[] = [];
  pipelineAnchor?: Loc;
  nodeAnchor?: Loc;
  firstStage?: Loc;
  /** Build parameters the file declares, by name, with their defaults. */
  readonly params = new Map<string, ParamDefault>();
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
      if (ctx.notRun) j.notRun = ctx.notRun;
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

  /** `load 'ci/build.groovy'`: a Groovy file of the repository, read as pipeline code of this one (a local include). */
  loadReference(v: Value): void {
    const t = this.strTok(v);
    if (!t) return;
    const written = strContent(this.src.text, t).trim();
    const rel = written.replace(/^(?:\$\{?(?:env\.)?WORKSPACE\}?|\$\{pwd\(\)\})\//, '');
    if (!rel || rel.includes('$') || rel.startsWith('/')) return;
    this.references.push({ kind: 'local-include', ref: written, loc: this.loc(t), localPath: normalizePath(rel) });
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
      if (a && name === 'parameterizedCron') this.scheduledParams(this.located(a.value).value);
      if (!this.events.includes(name)) this.events.push(name);
      return;
    }
    if (name === 'parameters') {
      for (const a of seg.args ?? []) this.collectParams(a.value);
      for (const s of seg.closure?.stmts ?? []) if (s.k === 'expr') this.collectParams(s.value);
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
    block.stmts.forEach((s, i) => {
      c = this.walkStmt(s, c);
      // `def x = load 'ci/build.groovy'` reads as an assignment of `load` and a string statement after it
      const next = block.stmts[i + 1];
      if (s.k === 'assign' && s.value.k === 'call' && !s.value.receiver && s.value.segs.length === 1 && s.value.segs[0].name === 'load' && !s.value.segs[0].called && next?.k === 'expr' && next.value.k === 'str') {
        this.loadReference(next.value);
      }
    });
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
      case 'control': {
        if (s.cond) this.walkExpr(s.cond, ctx);
        // `if (params.X) { stage(…) }`: the branch the parameters' defaults do not take starts no stage on its own
        const cond = s.kw === 'if' && s.cond ? evaluateCondition(this.src.text.slice(s.cond.start.start, s.cond.end.end), this.params) : undefined;
        s.blocks.forEach((b, i) => {
          const off = cond?.value !== undefined && cond.value === (i > 0);
          const why = off && cond ? this.offReason(`runs only when \`${this.src.text.slice(s.cond!.start.start, s.cond!.end.end)}\` is ${i > 0 ? 'false' : 'true'} (${this.path}:${s.cond!.start.line})`, cond) : undefined;
          this.walkBlock(b, why && !ctx.notRun ? { ...ctx, notRun: why } : ctx);
        });
        return ctx;
      }
      case 'try': {
        const swallow = s.catches.length > 0 && !s.catches.some((b) => this.rethrows(b)) && !(s.fin && this.rethrows(s.fin));
        const inner = swallow && !ctx.cannotFail ? { ...ctx, cannotFail: this.loc(s.tok) } : ctx;
        this.walkBlock(s.body, inner);
        for (const b of s.catches) this.walkBlock(b, ctx);
        this.walkBlock(s.fin, ctx);
        return ctx;
      }
      case 'method':
        this.methods.add(s.name);
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
      case 'load': {
        const first = this.positional(args)[0];
        if (first) this.loadReference(first.value);
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
        case 'parameters':
          this.trigger(seg);
          break;
        default:
          break;
      }
    }
    // Stages are read once every parameter and schedule is known (their `when` conditions read them).
    for (const s of block.stmts) {
      const seg = this.segOf(s);
      if (!seg) continue;
      switch (seg.name) {
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
    if (ctx.notRun) job.notRun = ctx.notRun;
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
    const when = segs.find((s) => s?.name === 'when');
    if (when && !job.notRun) {
      const cond = this.whenValue(when.closure);
      if (cond.value === false) job.notRun = this.offReason(`the stage '${name}' runs only when its \`when\` condition holds (${this.path}:${when.tok.line})`, cond);
    }
    const at = this.jobs.length;
    this.jobs.push(job);
    const inner: Ctx = { ...ctx, declarative: true, job, path, agent, notRun: job.notRun };
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

  /** The conditions of a `when { … }` block (all must hold) with the parameters' defaults. */
  whenValue(block: Block | undefined, combine: 'all' | 'any' = 'all'): ConditionValue {
    const parts = (block?.stmts ?? []).map((s) => this.whenCondition(s));
    const params = parts.flatMap((p) => p.params);
    const decisive = combine === 'all' ? false : true;
    if (parts.some((p) => p.value === decisive)) return { value: decisive, params };
    return { value: parts.every((p) => p.value === !decisive) ? !decisive : undefined, params };
  }

  whenCondition(s: Stmt): ConditionValue {
    const seg = this.segOf(s);
    if (!seg) return { value: undefined, params: [] };
    const raw = (v: Value): string => this.src.text.slice(v.start.start, v.end.end);
    switch (seg.name) {
      case 'expression': {
        const b = seg.closure;
        if (!b?.open || !b.close || b.stmts.length !== 1) return { value: undefined, params: [] };
        return evaluateCondition(this.src.text.slice(b.open.end, b.close.start), this.params);
      }
      case 'not': {
        const inner = this.whenValue(seg.closure);
        return { value: inner.value === undefined ? undefined : !inner.value, params: inner.params };
      }
      case 'allOf':
        return this.whenValue(seg.closure, 'all');
      case 'anyOf':
        return this.whenValue(seg.closure, 'any');
      case 'equals': {
        const expected = this.named(seg.args, 'expected');
        const actual = this.named(seg.args, 'actual');
        if (!expected || !actual) return { value: undefined, params: [] };
        return evaluateCondition(`${raw(actual.value)} == ${raw(expected.value)}`, this.params);
      }
      // when the condition is evaluated, not whether it holds
      case 'beforeAgent':
      case 'beforeInput':
      case 'beforeOptions':
        return { value: true, params: [] };
      default:
        // branch, tag, changeRequest, environment, triggeredBy, changeset: the files do not decide them
        return { value: undefined, params: [] };
    }
  }

  /** Why a stage does not run by default: the condition, and the defaults of the parameters it reads. */
  offReason(what: string, cond: ConditionValue): string {
    const seen = new Set<string>();
    const defaults = cond.params.filter((p) => !seen.has(p.name) && seen.add(p.name)).map((p) => {
      const v = typeof p.value === 'boolean' ? String(p.value) : p.value === '' ? 'an empty string' : `'${p.value}'`;
      return `${p.name} defaults to ${v} (${p.loc.path}:${p.loc.line})`;
    });
    return `${what}, which the builds Jenkins starts on its own do not meet${defaults.length ? `: ${defaults.join(', ')}` : ''}`;
  }

  /** `booleanParam(name: 'X', defaultValue: false)`, `string(…)`, `choice(name:, choices: […])` in `parameters`. */
  collectParams(v: Value): void {
    if (v.k === 'list') {
      for (const it of v.items) this.collectParams(it.value);
      return;
    }
    if (v.k !== 'call' || v.receiver || v.segs.length !== 1) return;
    const seg = v.segs[0];
    const nameArg = this.named(seg.args, 'name');
    const t = nameArg ? this.strTok(nameArg.value) : undefined;
    if (!t || nameArg?.value.k !== 'str') return;
    const name = strContent(this.src.text, t).trim();
    const loc = this.loc(seg.tok, v.end);
    const dv = this.named(seg.args, 'defaultValue');
    let value: boolean | string | undefined;
    switch (seg.name) {
      case 'booleanParam': {
        const text = dv ? this.text(dv.value).trim() : 'false';
        value = text === 'true' ? true : text === 'false' ? false : undefined;
        break;
      }
      case 'string':
      case 'text':
        value = !dv ? '' : dv.value.k === 'str' && !/\$/.test(this.text(dv.value)) ? this.text(dv.value) : undefined;
        break;
      case 'choice': {
        const choices = this.named(seg.args, 'choices')?.value;
        const first = choices?.k === 'list' ? choices.items[0]?.value : choices;
        value = first?.k === 'str' ? this.text(first).split('\n')[0] : undefined;
        break;
      }
      default:
        break;
    }
    if (value === undefined) this.params.delete(name);
    else this.params.set(name, { name, value, loc, setBySchedule: this.scheduled.has(name) || undefined });
  }

  private readonly scheduled = new Set<string>();

  /** Parameters a `parameterizedCron` spec sets: their value is not fixed on scheduled builds. */
  scheduledParams(spec: string): void {
    for (const name of paramsSetBySchedule(spec)) {
      this.scheduled.add(name);
      const p = this.params.get(name);
      if (p) p.setBySchedule = true;
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

