// From an index to a ScanResult: tool probes from the per-file facts, the code and
// container probes, then the rules in model/rules.yaml turn probes into activity statuses.
import { Model } from '../model/types';
import { Catalogue, evaluateRules, RuleSet } from './catalogue';
import { pinningProbe, runCodeProbes } from './codeProbes';
import { runContainerProbes } from './containers/probes';
import { ParsedContainerFile } from './containers/types';
import { NotCounted, ToolHit } from './facts';
import { Evidence, Finding, outcome, ProbeOutcome } from './probes/types';
import { ActivityResult, ExternalReference, IndexedFileInfo, ScanResult, summarizeLevels } from './result';
import { CONTAINER_KINDS, FileKind } from './types';
import { IndexEntry, WorkspaceIndex } from './workspaceIndex';

export interface EvaluateInput {
  root: string;
  index: WorkspaceIndex;
  model: Model;
  catalogue: Catalogue;
  rules: RuleSet;
}

/** Tool probes that only make sense when the workspace has something for them to look at. */
const APPLICABILITY: Record<string, (kinds: Set<FileKind>) => boolean> = {
  'image-scan': (k) => k.has('dockerfile') || k.has('compose') || k.has('kubernetes') || k.has('helm-chart'),
  'dockerfile-lint': (k) => k.has('dockerfile'),
  'container-build': (k) => k.has('dockerfile'),
  'iac-scan': (k) => k.has('iac' as FileKind) || k.has('kubernetes') || k.has('helm-chart') || k.has('kustomization') || k.has('dockerfile'),
};

function dedupeEvidence(list: Evidence[]): Evidence[] {
  const seen = new Set<string>();
  return list.filter((e) => {
    const key = `${e.loc.path}:${e.loc.line}:${e.loc.column}:${e.tool ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export function toolProbes(entries: IndexEntry[], catalogue: Catalogue): ProbeOutcome[] {
  const hits = new Map<string, ToolHit[]>();
  const notCounted = new Map<string, NotCounted[]>();
  for (const e of entries) {
    for (const h of e.facts?.hits ?? []) (hits.get(h.probe) ?? hits.set(h.probe, []).get(h.probe)!).push(h);
    for (const n of e.facts?.notCounted ?? []) (notCounted.get(n.probe) ?? notCounted.set(n.probe, []).get(n.probe)!).push(n);
  }
  const kinds = new Set(entries.filter((e) => !e.outOfScope).map((e) => e.kind));
  const external = entries.flatMap((e) => e.facts?.external ?? []);
  return catalogue.probes.map((p) => {
    const h = hits.get(p.id) ?? [];
    const evidence = dedupeEvidence(h.map((x) => x.evidence));
    const notes = [...new Set((notCounted.get(p.id) ?? []).map((n) => `${n.tool} at ${n.evidence.loc.path}:${n.evidence.loc.line} not counted: ${n.reason}`))];
    if (h.length) return outcome(p.id, 'pass', evidence, notes);
    const applicable = APPLICABILITY[p.id];
    if (applicable && !applicable(kinds)) return outcome(p.id, 'not-applicable', [], notes);
    if (external.length) notes.push(`${external.length} external reference(s) (remote workflows, templates, orbs, libraries) cannot be read offline and may run more tools`);
    return outcome(p.id, 'fail', [], notes);
  });
}

export function evaluate(input: EvaluateInput): ScanResult {
  const { index, model, catalogue, rules } = input;
  const entries = index.all();
  const files: IndexedFileInfo[] = entries.map((e) => ({ path: e.path, kind: e.kind, problems: e.problems, ...(e.outOfScope ? { outOfScope: true } : {}) }));
  for (const p of index.walkProblems) if (!index.get(p.path)) files.push({ path: p.path, kind: 'manifest', problems: [{ message: p.message, severity: 'warning' }] });

  const containerFiles = entries
    .filter((e) => !e.outOfScope && (CONTAINER_KINDS as readonly string[]).includes(e.kind) && e.parsed)
    .map((e) => e.parsed as ParsedContainerFile);
  const probes: ProbeOutcome[] = [...toolProbes(entries, catalogue), ...runCodeProbes(entries, catalogue, index.isGitRepository), ...runContainerProbes(containerFiles)];
  const byId = new Map(probes.map((p) => [p.id, p]));
  const pinning = pinningProbe(['container.base-image-digest', 'gha.actions-pinned', 'repo.lockfiles'].map((id) => byId.get(id)).filter((p): p is ProbeOutcome => !!p));
  probes.push(pinning);
  byId.set(pinning.id, pinning);

  const statuses = evaluateRules(rules, byId, model.activities.keys());
  const activities: ActivityResult[] = [];
  for (const a of model.activities.values()) {
    const s = statuses.get(a.uuid);
    const detected = s?.status ?? 'unknown';
    activities.push({ activity: a, detected, status: detected, evidence: s?.evidence ?? [], probes: s?.probes ?? [], ...(s?.note ? { note: s.note } : {}) });
  }

  const external: ExternalReference[] = entries.flatMap((e) => (e.facts?.external ?? []).map((r) => ({ ...r, from: e.path })));
  const findings: Finding[] = [...entries.flatMap((e) => e.facts?.findings ?? []), ...probes.flatMap((p) => p.findings)];
  const { achievedLevel, levels } = summarizeLevels(activities);
  return {
    root: input.root,
    model: { version: model.meta.version, source: model.source, activityCount: model.activities.size },
    files,
    probes,
    activities,
    external,
    findings,
    achievedLevel,
    levels,
  };
}
