// Reuse between evaluations of the same index: the extension re-evaluates after every file
// change, and most of a result does not depend on the file that changed.
//
//   - Container probes are pure functions of the parsed container files: when the list is the
//     same objects as last time (no container file was re-parsed), their outcomes are reused.
//   - An activity's status depends only on its rule and on the result and evidence of the probes
//     the rule uses (ActivityEvaluation.probes). Only activities using a probe whose result or
//     evidence changed are evaluated again; the others keep their previous evaluation.
//
// Both are exact: the same inputs give the same outputs, so results equal a full evaluation.
import { Model } from '../../model/types';
import { ActivityEvaluation, evaluateRules, PipelineCalls, RuleSet } from './rules';
import { runContainerProbes } from './containerProbes';
import { ParsedContainerFile } from '../parse/containers/types';
import { Evidence, ProbeOutcome } from './probeTypes';
import { ImageUsage } from './imageUse';
import { RuntimeElsewhere, runtimeElsewhereKey } from './runtimeTarget';

interface Cache {
  containerFiles?: readonly ParsedContainerFile[];
  containerProbes?: ProbeOutcome[];
  /** The image usage and hand-offs the container probes were run with (imageUsageKey, runtimeElsewhereKey). */
  imageUsage?: string;
  rules?: RuleSet;
  probes?: Map<string, ProbeOutcome>;
  statuses?: Map<string, ActivityEvaluation>;
  /** Which jobs call which CI files, as a comparable string (joins on the same pipeline read it). */
  calls?: string;
}

const caches = new WeakMap<object, Cache>();

function cacheOf(owner: object): Cache {
  let c = caches.get(owner);
  if (!c) caches.set(owner, (c = {}));
  return c;
}

function sameList<T>(a: readonly T[] | undefined, b: readonly T[]): boolean {
  if (!a || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** runContainerProbes, reused while `owner` (the index) has the same parsed container files. */
export function containerProbesFor(owner: object, files: ParsedContainerFile[], usage?: ImageUsage, elsewhere: readonly RuntimeElsewhere[] = []): ProbeOutcome[] {
  const c = cacheOf(owner);
  const usageKey = `${imageUsageKey(usage)}|${runtimeElsewhereKey(elsewhere)}`;
  if (!c.containerProbes || !sameList(c.containerFiles, files) || c.imageUsage !== usageKey) {
    c.containerProbes = runContainerProbes(files, usage, elsewhere);
    c.containerFiles = files;
    c.imageUsage = usageKey;
  }
  return c.containerProbes;
}

/** The image usage as one comparable string (a new object is made per evaluation). */
function imageUsageKey(usage: ImageUsage | undefined): string {
  if (!usage) return '';
  return `${usage.noBuilds ? 'none|' : ''}${[...usage.shipped].sort().join('\n')}|${[...usage.builtForJobs.keys()].sort().join('\n')}|${usage.cloned.map((c) => `${c.url} ${c.evidence.loc.path}:${c.evidence.loc.line}`).join('\n')}|${[...(usage.ciEnvironments ?? [])].map(([d, j]) => `${d} ${j.value} ${j.loc.path}:${j.loc.line}`).join('\n')}`;
}

function sameEvidence(a: Evidence, b: Evidence): boolean {
  if (a === b) return true;
  const x = a.loc;
  const y = b.loc;
  return (
    a.text === b.text && a.tool === b.tool && a.unit?.pipeline === b.unit?.pipeline && a.unit?.job === b.unit?.job &&
    x.path === y.path && x.line === y.line && x.column === y.column && x.endLine === y.endLine && x.endColumn === y.endColumn
  );
}

/** What a rule can see of a probe: its result and its evidence. */
function sameForRules(a: ProbeOutcome | undefined, b: ProbeOutcome | undefined): boolean {
  if (a === b) return true;
  if (!a || !b || a.result !== b.result || a.evidence.length !== b.evidence.length) return false;
  for (let i = 0; i < a.evidence.length; i++) if (!sameEvidence(a.evidence[i], b.evidence[i])) return false;
  return true;
}

/**
 * evaluateRules over the model's activities, re-evaluating only the activities whose probes
 * changed since the last call for `owner` (all of them when the rules changed).
 */
export function activityStatusesFor(owner: object, rules: RuleSet, probes: Map<string, ProbeOutcome>, model: Model, calls: PipelineCalls = new Map()): Map<string, ActivityEvaluation> {
  const c = cacheOf(owner);
  const uuids = [...model.activities.keys()];
  const callKey = JSON.stringify([...calls].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  const previous = c.rules === rules && c.calls === callKey ? c.statuses : undefined;
  let statuses: Map<string, ActivityEvaluation>;
  if (!previous || !c.probes) {
    statuses = evaluateRules(rules, probes, uuids, calls);
  } else {
    const changed = new Set<string>();
    for (const id of new Set([...probes.keys(), ...c.probes.keys()])) if (!sameForRules(probes.get(id), c.probes.get(id))) changed.add(id);
    const stale = uuids.filter((u) => {
      const s = previous.get(u);
      return !s || s.probes.some((p) => changed.has(p));
    });
    const fresh = stale.length ? evaluateRules(rules, probes, stale, calls) : new Map<string, ActivityEvaluation>();
    statuses = new Map(uuids.map((u) => [u, fresh.get(u) ?? previous.get(u)!]));
  }
  c.rules = rules;
  c.calls = callKey;
  c.probes = probes;
  c.statuses = statuses;
  return statuses;
}
