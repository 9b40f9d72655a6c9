// The activity rules (model/rules.yaml): their types, loading with validation at exact line
// numbers, merging a user file over the bundled one, and evaluation: from probe outcomes to an
// activity's status, evidence and note.
import { dedupeEvidence, Evidence, EvidenceUnit, ProbeOutcome } from './probeTypes';
import { deref, isScalar } from '../../yaml';
import { Catalogue, CODE_PROBE_IDS } from './catalogue';
import { DataFileReader, checkSchemaVersion, openDataFile } from './dataFileReader';

export type Condition =
  | { probe: string; line: number }
  /**
   * `in`: every member must hold in the same pipeline run (`pipeline`: the same top-level CI file,
   * or a local reusable workflow one of its jobs calls) or the same job of it (`job`).
   */
  | { all: Condition[]; in?: JoinUnit; line: number }
  | { any: Condition[]; line: number }
  | { tools: { probes: string[]; atLeast: number }; line: number };

export interface Rule {
  activity: string;
  /** Absent for hint-only rules (partialWhen alone: partial or unknown, never missing). */
  when?: Condition;
  partialWhen?: Condition;
  note?: string;
  /** In a user file: drop the bundled rule for this activity. */
  remove?: boolean;
  source: string;
  line: number;
}

export interface RuleSet {
  schemaVersion: 1;
  rules: Rule[];
}

export type JoinUnit = 'pipeline' | 'job';

/**
 * What the files alone say about an activity. Never "not applicable": only the team decides that;
 * a rule with nothing to apply to in the files gives `unknown` with the reason.
 */
export type ActivityStatus = 'detected' | 'partial' | 'missing' | 'unknown';

export interface ActivityEvaluation {
  status: ActivityStatus;
  /** Probe ids the rule uses. */
  probes: string[];
  /** Evidence from the probes that made it detected or partial. */
  evidence: Evidence[];
  note?: string;
  /** What was found and why it did not count, or why a person has to decide (plain sentences). */
  reasons?: string[];
  /** Unknown because a remote block the files call may do it (the probes' notes name the block). */
  remote?: boolean;
}

/** Local reusable workflows and the jobs that call them: the called file runs in the caller's pipeline. */
export type PipelineCalls = ReadonlyMap<string, readonly EvidenceUnit[]>;

// ───────────────────────────────────────────── rules loading

const RULE_KEYS = ['activity', 'when', 'partialWhen', 'note', 'remove'] as const;

/**
 * Parses and validates a rules file. With `knownProbes`, a rule naming any other probe is an
 * error (pass the catalogue's probe ids plus CODE_PROBE_IDS).
 */
export function loadRules(text: string, source: string, knownProbes?: Iterable<string>): RuleSet {
  const { r, root }: { r: DataFileReader; root: unknown } = openDataFile(text, source);
  const top = r.map(root, 'the rules file', ['schemaVersion', 'rules']);
  checkSchemaVersion(r, top, root);
  const rulesNode = top.get('rules');
  if (!rulesNode) return r.fail(root, 'missing "rules" list');
  const known = knownProbes ? new Set(knownProbes) : undefined;
  const rules: Rule[] = [];
  const seen = new Set<string>();
  for (const rn of r.seq(rulesNode.value, 'rules')) {
    const m = r.map(rn, 'a rule', RULE_KEYS);
    if (!m.has('activity')) r.fail(rn, 'rule has no activity');
    const activity = r.str(m.get('activity')!.value, 'activity');
    if (seen.has(activity)) r.fail(rn, `activity ${activity} has more than one rule`);
    seen.add(activity);
    const rule: Rule = { activity, source: r.source, line: r.line(rn) };
    if (m.has('remove')) rule.remove = r.bool(m.get('remove')!.value, 'remove');
    if (m.has('note')) rule.note = r.str(m.get('note')!.value, 'note');
    if (m.has('when')) rule.when = readCondition(r, m.get('when')!.value, known, 0);
    if (m.has('partialWhen')) rule.partialWhen = readCondition(r, m.get('partialWhen')!.value, known, 0);
    if (!rule.remove && !rule.when && !rule.partialWhen) r.fail(rn, `rule for ${activity} needs "when" or "partialWhen"`);
    rules.push(rule);
  }
  return { schemaVersion: 1, rules };
}

function readCondition(r: DataFileReader, node: unknown, known: Set<string> | undefined, depth: number): Condition {
  if (depth > 16) r.fail(node, 'conditions are nested too deeply');
  const m = r.map(node, 'a condition', ['probe', 'all', 'any', 'tools', 'in']);
  const join = m.get('in');
  if (join && !m.has('all')) r.fail(node, '"in" joins the members of an "all" condition; it needs "all"');
  if (m.size - (join ? 1 : 0) !== 1) r.fail(node, 'a condition needs exactly one of probe, all, any, tools');
  const line = r.line(node);
  const checkProbe = (id: string, at: unknown) => {
    if (known && !known.has(id)) r.fail(at, `unknown probe "${id}"`);
  };
  if (m.has('probe')) {
    const v = m.get('probe')!.value;
    const id = r.str(v, 'probe');
    checkProbe(id, v);
    return { probe: id, line };
  }
  if (m.has('all') || m.has('any')) {
    const key = m.has('all') ? 'all' : 'any';
    const items = r.seq(m.get(key)!.value, key).map((c) => readCondition(r, c, known, depth + 1));
    if (!items.length) r.fail(node, `"${key}" needs at least one condition`);
    if (key === 'any') return { any: items, line };
    if (!join) return { all: items, line };
    const unit = r.str(join.value, 'in');
    if (unit !== 'pipeline' && unit !== 'job') r.fail(join.value, '"in" must be pipeline or job');
    return { all: items, in: unit, line };
  }
  const t = r.map(m.get('tools')!.value, 'tools', ['probes', 'atLeast']);
  if (!t.has('probes')) r.fail(node, 'tools needs "probes"');
  const probes = r.strList(t.get('probes')!.value, 'tools.probes');
  for (const p of probes) checkProbe(p, t.get('probes')!.value);
  let atLeast = 1;
  if (t.has('atLeast')) {
    const v = deref(r.doc, t.get('atLeast')!.value);
    if (!isScalar(v) || typeof v.value !== 'number' || !Number.isInteger(v.value) || v.value < 1) r.fail(t.get('atLeast')!.value, 'atLeast must be a whole number ≥ 1');
    atLeast = v.value;
  }
  return { tools: { probes, atLeast }, line };
}

/** Probe ids a condition uses, in order of appearance. */
export function conditionProbes(c: Condition | undefined, out: string[] = []): string[] {
  if (!c) return out;
  const add = (id: string) => {
    if (!out.includes(id)) out.push(id);
  };
  if ('probe' in c) add(c.probe);
  else if ('all' in c) c.all.forEach((x) => conditionProbes(x, out));
  else if ('any' in c) c.any.forEach((x) => conditionProbes(x, out));
  else c.tools.probes.forEach(add);
  return out;
}

/** Rules that use a probe that is neither in the catalogue nor a code probe. */
export function unknownRuleProbes(rules: RuleSet, cat: Catalogue): { activity: string; probe: string; source: string; line: number }[] {
  const known = new Set([...CODE_PROBE_IDS, ...cat.probes.map((p) => p.id)]);
  const out: { activity: string; probe: string; source: string; line: number }[] = [];
  for (const rule of rules.rules) {
    for (const p of [...conditionProbes(rule.when), ...conditionProbes(rule.partialWhen)]) {
      if (!known.has(p)) out.push({ activity: rule.activity, probe: p, source: rule.source, line: rule.line });
    }
  }
  return out;
}

// ───────────────────────────────────────────── merging

/** User rules over the bundled ones: same activity replaces, `remove: true` drops, new ones are added. */
export function mergeRules(base: RuleSet, extra: RuleSet): RuleSet {
  const rules = [...base.rules];
  for (const e of extra.rules) {
    const at = rules.findIndex((x) => x.activity === e.activity);
    if (e.remove) {
      if (at >= 0) rules.splice(at, 1);
    } else if (at >= 0) rules[at] = e;
    else rules.push(e);
  }
  return { schemaVersion: 1, rules };
}

// ───────────────────────────────────────────── rule evaluation

/** `unknown`: not in the files, but a remote block they call may do it. */
type Strength = 'detected' | 'partial' | 'unknown' | 'missing' | 'not-applicable';
const RANK: Record<Exclude<Strength, 'not-applicable'>, number> = { missing: 0, unknown: 1, partial: 2, detected: 3 };

interface Eval {
  status: Strength;
  evidence: Evidence[];
  /** Why a join found its members but not together (for the user). */
  why?: string[];
}

interface EvalContext {
  probes: Map<string, ProbeOutcome>;
  calls: PipelineCalls;
}

function fromResult(o: ProbeOutcome | undefined): Strength {
  switch (o?.result ?? 'fail') {
    case 'pass':
      return 'detected';
    case 'partial':
      return 'partial';
    case 'unknown':
      return 'unknown';
    case 'not-applicable':
      return 'not-applicable';
    default:
      return 'missing';
  }
}

function weakest(members: Eval[]): Exclude<Strength, 'not-applicable'> {
  const target = Math.min(...members.map((m) => RANK[m.status as keyof typeof RANK]));
  return (Object.keys(RANK) as (keyof typeof RANK)[]).find((k) => RANK[k] === target)!;
}

function evalCondition(c: Condition, ctx: EvalContext): Eval {
  if ('probe' in c) {
    const o = ctx.probes.get(c.probe);
    const status = fromResult(o);
    return { status, evidence: status === 'detected' || status === 'partial' ? [...(o?.evidence ?? [])] : [] };
  }
  if ('all' in c && c.in) return evalJoin(c.all.map((x) => evalCondition(x, ctx)), c.in, ctx.calls);
  if ('all' in c || 'any' in c) {
    const members = ('all' in c ? c.all : c.any).map((x) => evalCondition(x, ctx));
    const live = members.filter((m) => m.status !== 'not-applicable') as (Eval & { status: Exclude<Strength, 'not-applicable'> })[];
    if (!live.length) return { status: 'not-applicable', evidence: [] };
    const ranks = live.map((m) => RANK[m.status]);
    const target = 'all' in c ? Math.min(...ranks) : Math.max(...ranks);
    const status = (Object.keys(RANK) as (keyof typeof RANK)[]).find((k) => RANK[k] === target)!;
    if (status === 'missing') return { status, evidence: [], why: live.flatMap((m) => m.why ?? []) };
    if (status === 'unknown') return { status, evidence: [] };
    const contributing = 'all' in c ? live : live.filter((m) => m.status === status);
    return { status, evidence: contributing.flatMap((m) => m.evidence) };
  }
  const outcomes = c.tools.probes.map((id) => ctx.probes.get(id));
  if (outcomes.every((o) => o?.result === 'not-applicable')) return { status: 'not-applicable', evidence: [] };
  const tools = new Set<string>();
  const evidence: Evidence[] = [];
  c.tools.probes.forEach((id, i) => {
    const o = outcomes[i];
    if (!o || (o.result !== 'pass' && o.result !== 'partial')) return;
    const withTool = o.evidence.filter((e) => e.tool);
    if (withTool.length) withTool.forEach((e) => tools.add(e.tool!.toLowerCase()));
    else tools.add(`probe:${id}`);
    evidence.push(...o.evidence);
  });
  const remote = outcomes.some((o) => o?.result === 'unknown');
  const status: Strength = tools.size >= c.tools.atLeast ? 'detected' : tools.size >= 1 ? 'partial' : remote ? 'unknown' : 'missing';
  return { status, evidence: status === 'missing' || status === 'unknown' ? [] : evidence };
}

/** The units a piece of evidence runs in: its own, and the pipelines whose jobs call its file. */
function unitsOf(e: Evidence, calls: PipelineCalls): EvidenceUnit[] {
  if (!e.unit) return [];
  const out: EvidenceUnit[] = [e.unit];
  const seen = new Set([e.unit.pipeline]);
  for (let i = 0; i < out.length; i++) {
    for (const caller of calls.get(out[i].pipeline) ?? []) {
      if (seen.has(caller.pipeline)) continue;
      seen.add(caller.pipeline);
      out.push(caller);
    }
  }
  return out;
}

/**
 * `all` whose members must hold in the same pipeline (or job): a scheduled housekeeping workflow
 * and an image build on push are two facts, not a nightly image build. A member with nothing to
 * apply to makes the join not applicable (there is nothing to join with); evidence without a
 * unit (a configuration file, a bot's settings) cannot take part.
 */
function evalJoin(members: Eval[], unit: JoinUnit, calls: PipelineCalls): Eval {
  if (members.some((m) => m.status === 'not-applicable')) return { status: 'not-applicable', evidence: [] };
  if (members.some((m) => m.status === 'missing')) return { status: 'missing', evidence: [], why: members.flatMap((m) => m.why ?? []) };
  // Where a remote block runs cannot be placed: the join is as unknown as its member.
  if (members.some((m) => m.status === 'unknown')) return { status: 'unknown', evidence: [] };
  const placed = members.map((m) => m.evidence.map((e) => ({ e, units: unitsOf(e, calls) })));
  // Candidate places: every pipeline (and job) any member runs in.
  const candidates = new Map<string, EvidenceUnit>();
  for (const list of placed) {
    for (const { units } of list) {
      for (const u of units) {
        const c = unit === 'pipeline' ? { pipeline: u.pipeline } : u;
        candidates.set(`${c.pipeline}\n${c.job ?? ''}`, c);
      }
    }
  }
  const fits = (u: EvidenceUnit, c: EvidenceUnit) => u.pipeline === c.pipeline && (unit === 'pipeline' || u.job === undefined || u.job === c.job);
  const together = [...candidates.values()].filter((c) => placed.every((list) => list.some(({ units }) => units.some((u) => fits(u, c)))));
  if (together.length) {
    const evidence = placed.flatMap((list) => list.filter(({ units }) => units.some((u) => together.some((c) => fits(u, c)))).map(({ e }) => e));
    return { status: weakest(members), evidence };
  }
  // Name the place that comes closest (most members there) and where the others were found instead.
  const quote = (e: Evidence) => `"${e.text.length > 80 ? e.text.slice(0, 79) + '…' : e.text}"`;
  let best: { c: EvidenceUnit; inside: Evidence[]; outside: Evidence[] } | undefined;
  for (const c of candidates.values()) {
    const inside: Evidence[] = [];
    const outside: Evidence[] = [];
    for (const list of placed) {
      const here = list.find(({ units }) => units.some((u) => fits(u, c)));
      if (here) inside.push(here.e);
      else if (list[0]) outside.push(list[0].e);
    }
    if (!best || inside.length > best.inside.length) best = { c, inside, outside };
  }
  const where = unit === 'pipeline' ? 'pipeline' : 'job';
  const why = best && best.inside.length
    ? `${best.c.pipeline}${best.c.job ? ` (job ${best.c.job})` : ''} has ${best.inside.map((e) => `${quote(e)} (line ${e.loc.line})`).join(' and ')}, but ${best.outside.map((e) => `${quote(e)} is in ${e.loc.path}:${e.loc.line}`).join(' and ')}: they count only when one ${where} does all of it.`
    : `The facts this needs were found, but none of them in a pipeline: they count only when one ${where} does all of it.`;
  return { status: 'missing', evidence: [], why: [why] };
}

/**
 * Activity statuses from probe outcomes. Probes missing from the map count as failed;
 * activities without a rule are `unknown` (a human decides).
 */
export function evaluateRules(rules: RuleSet, probes: Map<string, ProbeOutcome>, activityUuids: Iterable<string>, calls: PipelineCalls = new Map()): Map<string, ActivityEvaluation> {
  const ctx: EvalContext = { probes, calls };
  const byActivity = new Map<string, Rule>();
  for (const r of rules.rules) if (!r.remove) byActivity.set(r.activity, r);
  const out = new Map<string, ActivityEvaluation>();
  for (const uuid of activityUuids) {
    const rule = byActivity.get(uuid);
    if (!rule) {
      out.set(uuid, { status: 'unknown', probes: [], evidence: [] });
      continue;
    }
    const used = conditionProbes(rule.partialWhen, conditionProbes(rule.when));
    const note = rule.note !== undefined ? { note: rule.note } : {};
    const w = rule.when ? evalCondition(rule.when, ctx) : undefined;
    let res: { status: ActivityStatus; evidence: Evidence[]; reasons?: string[]; remote?: boolean };
    if (w && (w.status === 'detected' || w.status === 'partial')) res = { status: w.status, evidence: w.evidence };
    else if (w?.status === 'not-applicable') res = { status: 'unknown', evidence: [], reasons: [undecidedReason(used, probes)] };
    else {
      const p = rule.partialWhen ? evalCondition(rule.partialWhen, ctx) : undefined;
      if (p && (p.status === 'detected' || p.status === 'partial')) res = { status: 'partial', evidence: p.evidence, ...(w?.why?.length ? { reasons: w.why } : {}) };
      else if (w?.status === 'unknown' || (!w && p?.status === 'unknown')) res = { status: 'unknown', evidence: [], remote: true };
      else res = { status: w ? 'missing' : 'unknown', evidence: [], ...(w?.why?.length ? { reasons: w.why } : {}) };
    }
    out.set(uuid, { status: res.status, probes: used, evidence: dedupeEvidence(res.evidence), ...note, ...(res.reasons ? { reasons: res.reasons } : {}), ...(res.remote ? { remote: true } : {}) });
  }
  return out;
}

/**
 * Why an activity whose probes find nothing to look at is left to the team: the absence of files
 * is no proof that it does not apply (an application deployed to a PaaS still deploys).
 */
function undecidedReason(used: string[], probes: Map<string, ProbeOutcome>): string {
  const absent = [...new Set(used.flatMap((id) => (probes.get(id)?.result === 'not-applicable' ? probes.get(id)!.notes : [])))];
  const what = absent.length ? ` (${absent.join('; ')})` : '';
  return `Needs your decision: the files show nothing this applies to${what}. It may still apply where the files cannot show it; mark it done, or not applicable with a reason.`;
}
