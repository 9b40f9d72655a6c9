// Lookups over one ScanResult and the index entries, computed once per result (WeakMap) so
// hovers stay cheap: evidence by file, activities by probe, the pipeline file that missing
// activities attach to, the Dockerfile container activities attach to.
import { DockerfileFile } from '../scan/parse/containers/types';
import { Evidence, ProbeAnchor } from '../scan/detect/probeTypes';
import { PINNING_PART_IDS } from '../scan/detect/codeProbes';
import { ActivityResult, ScanResult } from '../scan/result';
import { isCiKind, PIPELINE_ORDER } from '../scan/ci/registry';
import { CiFile, Loc } from '../scan/types';
import { IndexEntry } from '../scan/workspaceIndex';

export const DSOMM_ACTIVITY_URL = 'https://dsomm.owasp.org/activity-description?uuid=';

export function activityUrl(uuid: string): string {
  return DSOMM_ACTIVITY_URL + encodeURIComponent(uuid);
}

/** Probes combined by the engine into another probe (evaluate.ts: `pinning`). */
const COMPOSITE_PROBES: Record<string, readonly string[]> = { pinning: PINNING_PART_IDS };

/** Kubernetes: anchored on a workload, else a Dockerfile. */
export type AnchorFamily = ProbeAnchor;

/** Where an activity's file-level diagnostic belongs (the `anchor` traits of its probes). */
export function activityFamily(a: ActivityResult): AnchorFamily {
  return a.anchor ?? 'pipeline';
}

export interface ResultLookup {
  /** Activities that count a probe (directly in their rule, or through a composite probe). */
  activitiesByProbe: Map<string, ActivityResult[]>;
  byUuid: Map<string, ActivityResult>;
  /** Evidence per file path, each with the activities and probes it counts for. */
  evidenceByPath: Map<string, LocatedEvidence[]>;
  /** Evidence per CI job it was found in (jobKey), wherever it is written (a script the job runs, an included fragment). */
  evidenceByJob: Map<string, LocatedEvidence[]>;
  probeResult: Map<string, string>;
}

export interface LocatedEvidence {
  evidence: Evidence;
  /** Where the evidence is reached from, when it came through indirection (`(via ci.yml:36)`). */
  via?: { path: string; line: number };
  activities: Set<ActivityResult>;
  probes: Set<string>;
}

const cache = new WeakMap<ScanResult, ResultLookup>();

const VIA_RE = /\(via ([^()]+):(\d+)\)\s*$/;

export function lookup(result: ScanResult): ResultLookup {
  const hit = cache.get(result);
  if (hit) return hit;
  const activitiesByProbe = new Map<string, ActivityResult[]>();
  const byUuid = new Map<string, ActivityResult>();
  const add = (probe: string, a: ActivityResult) => {
    const list = activitiesByProbe.get(probe) ?? activitiesByProbe.set(probe, []).get(probe)!;
    if (!list.includes(a)) list.push(a);
  };
  for (const a of result.activities) {
    byUuid.set(a.activity.uuid, a);
    for (const p of a.probes) {
      add(p, a);
      for (const part of COMPOSITE_PROBES[p] ?? []) add(part, a);
    }
  }
  for (const list of activitiesByProbe.values()) list.sort(byLevelThenName);

  const evidenceByPath = new Map<string, LocatedEvidence[]>();
  const keyed = new Map<string, LocatedEvidence>();
  const note = (e: Evidence, probe: string | undefined, activity?: ActivityResult) => {
    const key = `${e.loc.path}:${e.loc.line}:${e.loc.column}:${e.loc.endLine}:${e.loc.endColumn}:${e.text}`;
    let le = keyed.get(key);
    if (!le) {
      const m = VIA_RE.exec(e.text);
      le = { evidence: e, activities: new Set(), probes: new Set(), ...(m ? { via: { path: m[1], line: Number(m[2]) } } : {}) };
      keyed.set(key, le);
      const list = evidenceByPath.get(e.loc.path) ?? evidenceByPath.set(e.loc.path, []).get(e.loc.path)!;
      list.push(le);
      if (le.via && le.via.path !== e.loc.path) {
        const vlist = evidenceByPath.get(le.via.path) ?? evidenceByPath.set(le.via.path, []).get(le.via.path)!;
        vlist.push(le);
      }
    }
    if (probe) le.probes.add(probe);
    if (activity) le.activities.add(activity);
  };
  // Probes cite evidence; activities cite the evidence their rule counted.
  for (const p of result.probes) for (const e of p.evidence) note(e, p.id);
  for (const a of result.activities) for (const e of a.evidence) note(e, undefined, a);

  const evidenceByJob = new Map<string, LocatedEvidence[]>();
  for (const le of keyed.values()) {
    const unit = le.evidence.unit;
    if (!unit?.job) continue;
    const key = jobKey(unit.pipeline, unit.job);
    (evidenceByJob.get(key) ?? evidenceByJob.set(key, []).get(key)!).push(le);
  }

  const probeResult = new Map(result.probes.map((p) => [p.id, p.result] as const));
  const out: ResultLookup = { activitiesByProbe, byUuid, evidenceByPath, evidenceByJob, probeResult };
  cache.set(result, out);
  return out;
}

/** The key of `evidenceByJob`: the pipeline file and the job's key in it. */
export function jobKey(pipeline: string, job: string): string {
  return `${pipeline}\n${job}`;
}

export function byLevelThenName(a: ActivityResult, b: ActivityResult): number {
  return a.activity.level - b.activity.level || a.activity.dimension.localeCompare(b.activity.dimension) || a.activity.name.localeCompare(b.activity.name);
}

/** The activity a probe's diagnostics link to: the lowest-level activity counting it. */
export function primaryActivity(result: ScanResult, probe: string, links: Record<string, string> = {}): ActivityResult | undefined {
  const l = lookup(result);
  const direct = l.activitiesByProbe.get(probe)?.[0];
  if (direct) return direct;
  const linked = links[probe];
  return linked ? l.byUuid.get(linked) : undefined;
}

// ---------------------------------------------------------------------------------------------
// Anchors

/** Preference between pipeline dialects when picking the one file missing activities attach to (ci/registry.ts). */
export { PIPELINE_ORDER };

const CHANGE_EVENTS = new Set(['push', 'pull_request', 'pull_request_target', 'merge_request_event', 'merge_requests', 'default', 'branches', 'pull-requests']);

export function ciFileOf(entry: IndexEntry | undefined): CiFile | undefined {
  const p = entry?.parsed;
  return p && isCiKind(p.kind) && 'jobs' in p ? (p) : undefined;
}

function hasErrors(e: IndexEntry): boolean {
  return e.problems.some((p) => p.severity === 'error');
}

/** How much of the repository's CI a pipeline file does: its jobs and the tool runs found in them. */
function workDone(c: { entry: IndexEntry; file: CiFile }): number {
  return c.file.jobs.length + (c.entry.facts?.hits.length ?? 0);
}

/**
 * The pipeline file that file-level diagnostics and new CI jobs go to. First the CI system that
 * does most of the work (jobs and tool runs over all its files): a repository built and tested on
 * GitLab, Azure or CircleCI often also has a GitHub workflow that only labels pull requests or runs
 * CodeQL, and the summary of what is missing must not sit on that one. Equal work: GitHub
 * workflows first, then GitLab, Azure, CircleCI, Bitbucket, Jenkins. Within the system: the root
 * `.gitlab-ci.yml`, files that say they run on pushes or pull requests, then the file with the
 * most jobs (a workflow that only lints may run many tools in one job). Files with parse errors
 * come last.
 */
export function mainPipeline(entries: IndexEntry[]): { entry: IndexEntry; file: CiFile } | undefined {
  const candidates: { entry: IndexEntry; file: CiFile }[] = [];
  const work = new Map<string, number>();
  for (const entry of entries) {
    const file = ciFileOf(entry);
    if (!file || file.kind === 'github-action') continue;
    const c = { entry, file };
    candidates.push(c);
    if (!hasErrors(entry)) work.set(file.kind, (work.get(file.kind) ?? 0) + workDone(c));
  }
  const rank = (c: { entry: IndexEntry; file: CiFile }) => [
    hasErrors(c.entry) ? 1 : 0,
    -(work.get(c.file.kind) ?? 0),
    PIPELINE_ORDER.indexOf(c.file.kind),
    c.file.kind === 'gitlab-ci' && c.entry.path !== '.gitlab-ci.yml' && c.entry.path !== '.gitlab-ci.yaml' ? 1 : 0,
    c.file.events.some((e) => CHANGE_EVENTS.has(e)) ? 0 : 1,
    -c.file.jobs.length,
  ];
  candidates.sort((a, b) => {
    const ra = rank(a);
    const rb = rank(b);
    for (let i = 0; i < ra.length; i++) if (ra[i] !== rb[i]) return ra[i] - rb[i];
    return a.entry.path < b.entry.path ? -1 : a.entry.path > b.entry.path ? 1 : 0;
  });
  return candidates[0];
}

function depth(path: string): number {
  return path.split('/').length;
}

/** In-scope Dockerfiles with at least one stage, the most relevant first (root, shallow, named `Dockerfile`). */
export function dockerfiles(entries: IndexEntry[]): { entry: IndexEntry; file: DockerfileFile }[] {
  const out: { entry: IndexEntry; file: DockerfileFile }[] = [];
  for (const entry of entries) {
    if (entry.kind !== 'dockerfile' || entry.outOfScope || entry.parsed?.kind !== 'dockerfile') continue;
    const file = entry.parsed;
    if (file.stages.length) out.push({ entry, file });
  }
  const named = (p: string) => (/(^|\/)Dockerfile$/.test(p) ? 0 : 1);
  out.sort((a, b) => depth(a.entry.path) - depth(b.entry.path) || named(a.entry.path) - named(b.entry.path) || (a.entry.path < b.entry.path ? -1 : 1));
  return out;
}

export function kubernetesWorkloads(entries: IndexEntry[]): { entry: IndexEntry; loc: Loc }[] {
  const out: { entry: IndexEntry; loc: Loc }[] = [];
  for (const entry of entries) {
    if (entry.kind !== 'kubernetes' || entry.outOfScope || entry.parsed?.kind !== 'kubernetes') continue;
    const file = entry.parsed;
    const r = file.resources.find((x) => x.pod) ?? file.resources[0];
    if (r) out.push({ entry, loc: r.loc });
  }
  return out.sort((a, b) => (a.entry.path < b.entry.path ? -1 : 1));
}

/** The first line of a Loc, as a Loc that spans that line's token only. */
export function firstLineLoc(loc: Loc): Loc {
  return loc.endLine === loc.line ? loc : { ...loc, endLine: loc.line, endColumn: loc.column + 1 };
}

/** The anchor a file-level hover or diagnostic attaches to: a CI file's anchor, a Dockerfile's first FROM. */
export function fileAnchor(entry: IndexEntry): Loc | undefined {
  const ci = ciFileOf(entry);
  if (ci) return ci.anchor;
  if (entry.parsed?.kind === 'dockerfile') {
    const first = entry.parsed.stages[0];
    return first?.fromLoc;
  }
  return undefined;
}
