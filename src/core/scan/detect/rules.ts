// The activity rules (model/rules.yaml): their types, loading with validation at exact line
// numbers, merging a user file over the bundled one, and evaluation: from probe outcomes to an
// activity's status, evidence and note.
import { Evidence, ProbeOutcome } from './probeTypes';
import { deref, isScalar } from '../../yaml';
import { Catalogue, CatalogueError, CODE_PROBE_IDS } from './catalogue';
import { DataFileReader, checkSchemaVersion, openDataFile } from './dataFileReader';

export type Condition =
  | { probe: string; line: number }
  | { all: Condition[]; line: number }
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

export type ActivityStatus = 'detected' | 'partial' | 'missing' | 'not-applicable' | 'unknown';

export interface ActivityEvaluation {
  status: ActivityStatus;
  /** Probe ids the rule uses. */
  probes: string[];
  /** Evidence from the probes that made it detected or partial. */
  evidence: Evidence[];
  note?: string;
}

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
  const m = r.map(node, 'a condition', ['probe', 'all', 'any', 'tools']);
  if (m.size !== 1) r.fail(node, 'a condition needs exactly one of probe, all, any, tools');
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
    return key === 'all' ? { all: items, line } : { any: items, line };
  }
  const t = r.map(m.get('tools')!.value, 'tools', ['probes', 'atLeast']);
  if (!t.has('probes')) r.fail(node, 'tools needs "probes"');
  const probes = r.strList(t.get('probes')!.value, 'tools.probes');
  for (const p of probes) checkProbe(p, t.get('probes')!.value);
  let atLeast = 1;
  if (t.has('atLeast')) {
    const v = deref(r.doc, t.get('atLeast')!.value);
    if (!isScalar(v) || typeof v.value !== 'number' || !Number.isInteger(v.value) || v.value < 1) r.fail(t.get('atLeast')!.value, 'atLeast must be a whole number ≥ 1');
    atLeast = v.value as number;
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

type Strength = 'detected' | 'partial' | 'missing' | 'not-applicable';
const RANK: Record<Exclude<Strength, 'not-applicable'>, number> = { missing: 0, partial: 1, detected: 2 };

interface Eval {
  status: Strength;
  evidence: Evidence[];
}

function fromResult(o: ProbeOutcome | undefined): Strength {
  switch (o?.result ?? 'fail') {
    case 'pass':
      return 'detected';
    case 'partial':
      return 'partial';
    case 'not-applicable':
      return 'not-applicable';
    default:
      return 'missing';
  }
}

function evalCondition(c: Condition, probes: Map<string, ProbeOutcome>): Eval {
  if ('probe' in c) {
    const o = probes.get(c.probe);
    const status = fromResult(o);
    return { status, evidence: status === 'detected' || status === 'partial' ? [...(o?.evidence ?? [])] : [] };
  }
  if ('all' in c || 'any' in c) {
    const members = ('all' in c ? c.all : c.any).map((x) => evalCondition(x, probes));
    const live = members.filter((m) => m.status !== 'not-applicable') as (Eval & { status: Exclude<Strength, 'not-applicable'> })[];
    if (!live.length) return { status: 'not-applicable', evidence: [] };
    const ranks = live.map((m) => RANK[m.status]);
    const target = 'all' in c ? Math.min(...ranks) : Math.max(...ranks);
    const status = (Object.keys(RANK) as (keyof typeof RANK)[]).find((k) => RANK[k] === target)!;
    if (status === 'missing') return { status, evidence: [] };
    const contributing = 'all' in c ? live : live.filter((m) => m.status === status);
    return { status, evidence: contributing.flatMap((m) => m.evidence) };
  }
  const outcomes = c.tools.probes.map((id) => probes.get(id));
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
  const status: Strength = tools.size >= c.tools.atLeast ? 'detected' : tools.size >= 1 ? 'partial' : 'missing';
  return { status, evidence: status === 'missing' ? [] : evidence };
}

/** Evidence objects live as long as the facts of their file: each one's key is built once. */
const evidenceKeys = new WeakMap<Evidence, string>();

function evidenceKey(e: Evidence): string {
  let key = evidenceKeys.get(e);
  if (key === undefined) evidenceKeys.set(e, (key = `${e.loc.path}:${e.loc.line}:${e.loc.column}:${e.tool ?? ''}:${e.text}`));
  return key;
}

function dedupeEvidence(list: Evidence[]): Evidence[] {
  if (list.length < 2) return list;
  const seen = new Set<string>();
  return list.filter((e) => {
    const key = evidenceKey(e);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Activity statuses from probe outcomes. Probes missing from the map count as failed;
 * activities without a rule are `unknown` (a human decides).
 */
export function evaluateRules(rules: RuleSet, probes: Map<string, ProbeOutcome>, activityUuids: Iterable<string>): Map<string, ActivityEvaluation> {
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
    const w = rule.when ? evalCondition(rule.when, probes) : undefined;
    let res: { status: ActivityStatus; evidence: Evidence[] };
    if (w && (w.status === 'detected' || w.status === 'partial' || w.status === 'not-applicable')) res = w;
    else {
      const p = rule.partialWhen ? evalCondition(rule.partialWhen, probes) : undefined;
      if (p && (p.status === 'detected' || p.status === 'partial')) res = { status: 'partial', evidence: p.evidence };
      else res = { status: w ? 'missing' : 'unknown', evidence: [] };
    }
    out.set(uuid, { status: res.status, probes: used, evidence: dedupeEvidence(res.evidence), ...note });
  }
  return out;
}
