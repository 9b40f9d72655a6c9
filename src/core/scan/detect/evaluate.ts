// From an index to a ScanResult: tool probes from the per-file facts, the code and
// container probes, then the rules in model/rules.yaml turn probes into activity statuses.
import { trimEndOf } from '../../text';
import { Model } from '../../model/types';
import { AppliesWhen, Catalogue, probeAnchor } from './catalogue';
import { PipelineCalls, RuleSet } from './rules';
import { isCatalogueTool, matchConfigFile } from './toolMatch';
import { PINNING_PART_IDS, pinningProbe, runCodeProbes } from './codeProbes';
import { ParsedContainerFile } from '../parse/containers/types';
import { activityStatusesFor, containerProbesFor } from './evaluationCache';
import { NO_CONTAINER_FILES } from './containerProbes';
import { ImageUsage, imageUsage } from './imageUse';
import { countedHandoffs, RuntimeElsewhere } from './runtimeTarget';
import { MayRun, NotCounted, ToolHit } from './facts';
import { dedupeEvidence, Evidence, EvidenceUnit, Finding, outcome, ProbeAnchor, ProbeOutcome } from './probeTypes';
import { ActivityResult, ExternalReference, IndexedFileInfo, ScanResult, summarizeLevels } from '../result';
import { CiFile, CONTAINER_KINDS, FileKind } from '../types';
import { IndexEntry, WorkspaceIndex } from '../workspaceIndex';
import { environmentContainerKind, isTestOrExamplePath } from '../discover/fileNames';

export interface EvaluateInput {
  root: string;
  index: WorkspaceIndex;
  model: Model;
  catalogue: Catalogue;
  rules: RuleSet;
  /**
   * Root-relative paths of tool configuration files in the workspace (ConfigFileRecorder).
   * Required: hosts call this through FolderScan, which records them during the walk.
   */
  configFiles: readonly string[];
}

/** What applicability checks can look at. */
interface Workspace {
  /** Kinds of the indexed files in scope. */
  kinds: Set<FileKind>;
  /** Root-relative paths of the indexed files in scope. */
  paths: string[];
  /**
   * Dockerfiles of the images the project's CI jobs run in (out of scope for the container checks,
   * which judge what ships, but still written, built and published by the project).
   */
  ciImages: boolean;
  /** Dockerfiles of integration-test environments: files to lint, not images anyone publishes. */
  testEnvironments: boolean;
  /**
   * What container.present says about the container files in scope: whether any of them ships,
   * and, when none does, why they were left out (its note). Undefined when not judged.
   */
  shipped?: ShippedContainers;
  /** Does this tool probe have a counted run? */
  counted(probe: string): boolean;
  /** May a remote block the scan cannot read run this tool probe? */
  mayRun(probe: string): boolean;
}

const has = (w: Workspace, ...kinds: FileKind[]) => kinds.some((k) => w.kinds.has(k));
const name = (p: string) => p.slice(p.lastIndexOf('/') + 1);
const JS_LOCKFILES = new Set(['package-lock.json', 'npm-shrinkwrap.json', 'yarn.lock', 'pnpm-lock.yaml', 'bun.lock']);
const MOBILE_FILES = new Set(['Podfile.lock', 'pubspec.lock', 'build.gradle', 'build.gradle.kts']);
/** Whether any container definition in scope ships (container.present), and the note on what was left out. */
export interface ShippedContainers {
  ships: boolean;
  leftOut?: string;
}

const CONTAINER_FILE_KINDS: readonly FileKind[] = ['dockerfile', 'compose', 'kubernetes', 'helm-chart', 'helm-values', 'kustomization'];

/**
 * The repository ships container definitions or produces images: its pipeline builds some, or it
 * keeps the images its CI jobs run in. Container files that are all left out of the container
 * verdicts (a local build environment no pipeline builds, a stack of backing services only,
 * documentation) give no image of the project's to scan, unless a pipeline or a remote block it
 * calls may build one; a test environment's Dockerfile that no pipeline builds is none either.
 */
const containers = (w: Workspace) => (has(w, ...CONTAINER_FILE_KINDS) && w.shipped?.ships !== false) || w.ciImages || w.counted('container-build') || w.mayRun('container-build');
/** Why `containers` does not apply: nothing at all, or only files that do not ship (named). */
const containersAbsent = (w: Workspace) =>
  has(w, ...CONTAINER_FILE_KINDS) && w.shipped?.leftOut ? `no container image of the project's ships and no image build in the files: ${w.shipped.leftOut}` : 'no container files and no image build in the files';
/** Dockerfiles to lint, build and check: what ships, and the CI and test-environment images. */
const dockerfiles = (w: Workspace) => has(w, 'dockerfile') || w.ciImages || w.testEnvironments;
/** The repository builds its own images. */
const builtImages = (w: Workspace) => has(w, 'dockerfile') || w.counted('container-build');
const k8s = (w: Workspace) => has(w, 'kubernetes', 'helm-chart', 'kustomization');
/** Something runs somewhere: infrastructure definitions, cluster resources or a deploy step. */
const infrastructure = (w: Workspace) => has(w, 'iac') || k8s(w) || w.counted('deploy');
/** npm/Yarn/pnpm/Bun manifests: there is client-side JavaScript to judge (or a Node service). */
const jsPackages = (w: Workspace) => w.paths.some((p) => name(p) === 'package.json' || JS_LOCKFILES.has(name(p)));

/**
 * The conditions of the `appliesWhen` trait (model/probes.yaml): tool probes that only make sense
 * when the workspace has something for them to look at (the others always apply), with the note
 * shown when it is absent. Unsure cases stay applicable: a false "missing" can be overruled by the
 * team, a false "not applicable" hides a gap. A probe with nothing to look at never makes an
 * activity "not applicable" either: the rules leave it to the team, naming what is absent.
 */
const APPLICABILITY: Record<AppliesWhen, { applies: (w: Workspace) => boolean; absent: string | ((w: Workspace) => string) }> = {
  containers: { applies: containers, absent: containersAbsent },
  'built-images': { applies: builtImages, absent: 'no Dockerfile and no image build in the files' },
  dockerfiles: { applies: dockerfiles, absent: 'no Dockerfile' },
  'iac-or-containers': { applies: (w) => has(w, 'iac') || dockerfiles(w) || k8s(w), absent: 'no infrastructure code, Dockerfile or Kubernetes files' },
  kubernetes: { applies: k8s, absent: 'no Kubernetes manifests, Helm charts or Kustomizations' },
  iac: { applies: (w) => has(w, 'iac'), absent: 'no infrastructure code (Terraform, CloudFormation, ...)' },
  infrastructure: { applies: infrastructure, absent: 'no infrastructure code, cluster files or deploy step' },
  'js-packages': { applies: jsPackages, absent: 'no npm, Yarn, pnpm or Bun manifests' },
  'client-code': { applies: (w) => jsPackages(w) || w.paths.some((p) => MOBILE_FILES.has(name(p))), absent: 'no client-side JavaScript or mobile app manifests' },
};

// Evidence, hits and notes belong to per-file facts, which the index keeps while a file's content
// is unchanged: what is derived from one of them is computed once and remembered with it, so a
// re-evaluation after one edit only does the work for what that edit changed.
const noteTexts = new WeakMap<NotCounted, string>();

function noteText(n: NotCounted): string {
  let text = noteTexts.get(n);
  if (text === undefined) noteTexts.set(n, (text = `${n.tool} at ${n.evidence.loc.path}:${n.evidence.loc.line} not counted: ${n.reason}`));
  return text;
}

/**
 * The same program in different probes: by its URL when the catalogue gives one, else by name
 * (probe → tool name → identity), once per catalogue.
 */
const identities = new WeakMap<Catalogue, Map<string, Map<string, string>>>();

function toolIdentities(catalogue: Catalogue): Map<string, Map<string, string>> {
  let out = identities.get(catalogue);
  if (out) return out;
  out = new Map();
  for (const p of catalogue.probes) {
    const byTool = out.get(p.id) ?? out.set(p.id, new Map()).get(p.id)!;
    for (const t of p.tools) byTool.set(t.name, t.url ? trimEndOf(t.url.toLowerCase(), '/') : t.name.toLowerCase());
  }
  identities.set(catalogue, out);
  return out;
}

/** matchConfigFile per catalogue and path: the configuration files rarely change between evaluations. */
const configMatches = new WeakMap<Catalogue, Map<string, ReturnType<typeof matchConfigFile>>>();

function configMatchesOf(catalogue: Catalogue, path: string): ReturnType<typeof matchConfigFile> {
  let byPath = configMatches.get(catalogue);
  if (!byPath) configMatches.set(catalogue, (byPath = new Map<string, ReturnType<typeof matchConfigFile>>()));
  let m = byPath.get(path);
  if (!m) {
    if (byPath.size > 10_000) byPath.clear(); // bounded: paths come and go over a long session
    byPath.set(path, (m = matchConfigFile(catalogue, path)));
  }
  return m;
}

/**
 * An uncatalogued remote block that may run a probe's tools (judged by its name; its files cannot
 * be read) may also do the work of the probes the `blocksMayAlso` trait lists: an image pushed by
 * another repository's workflow may be scanned, described or signed there. Each becomes a block
 * that may run them, named with its call, so they are unknown rather than missing unless something
 * else runs them. A catalogued block is left alone: its entries already say what it may run; so is
 * an uncatalogued command of an orb whose other commands are catalogued (the orb's entries say
 * which probes its members may do).
 */
function addBlocksMayAlso(catalogue: Catalogue, mayRun: Map<string, MayRun[]>): void {
  for (const p of catalogue.probes) {
    const blocks = p.traits.blocksMayAlso?.length ? mayRun.get(p.id)?.filter((m) => !isCatalogueTool(catalogue, p.id, m.tool) && !m.cataloguedFamily) : undefined;
    if (!blocks?.length) continue;
    const does = p.title ? p.title.toLowerCase() : p.id;
    for (const other of p.traits.blocksMayAlso!) {
      const list = mayRun.get(other) ?? mayRun.set(other, []).get(other)!;
      for (const b of blocks) list.push({ probe: other, tool: `${b.tool}, which does the ${does}`, evidence: b.evidence });
    }
  }
}

/** `shipped`: what container.present found (see ShippedContainers); without it any container file counts. */
export function toolProbes(entries: IndexEntry[], catalogue: Catalogue, configFiles: readonly string[] = [], shipped?: ShippedContainers): ProbeOutcome[] {
  const hits = new Map<string, ToolHit[]>();
  const notCounted = new Map<string, NotCounted[]>();
  const mayRun = new Map<string, MayRun[]>();
  for (const e of entries) {
    for (const h of e.facts?.hits ?? []) (hits.get(h.probe) ?? hits.set(h.probe, []).get(h.probe)!).push(h);
    for (const m of e.facts?.mayRun ?? []) (mayRun.get(m.probe) ?? mayRun.set(m.probe, []).get(m.probe)!).push(m);
    for (const n of e.facts?.notCounted ?? []) (notCounted.get(n.probe) ?? notCounted.set(n.probe, []).get(n.probe)!).push(n);
  }
  addBlocksMayAlso(catalogue, mayRun);
  const inScope = entries.filter((e) => !e.outOfScope);
  const environments = new Set(entries.filter((e) => e.outOfScope && e.kind === 'dockerfile' && !isTestOrExamplePath(e.path)).map((e) => environmentContainerKind(e.path)));
  const workspace: Workspace = {
    kinds: new Set(inScope.map((e) => e.kind)),
    paths: inScope.map((e) => e.path),
    ciImages: environments.has('ci-image'),
    testEnvironments: environments.has('test-environment'),
    counted: (p) => (hits.get(p)?.length ?? 0) > 0,
    mayRun: (p) => (mayRun.get(p)?.length ?? 0) > 0,
    ...(shipped ? { shipped } : {}),
  };
  // Housekeeping blocks (stale-issue closers, release-note drafters) run nothing a probe looks for.
  const external = entries.flatMap((e) => e.facts?.external ?? []).filter((r) => !r.housekeeping);
  // Named, so the user knows which blocks may hold the control the scan cannot see.
  const named = [...new Set(external.map((r) => r.ref))];
  const externalNote = `${external.length} external reference${external.length === 1 ? '' : 's'} cannot be read offline and may run more tools: ${named.slice(0, 3).join(', ')}${named.length > 3 ? `, … ${named.length - 3} more` : ''}`;

  // "Installed but never run" is only true of a tool that runs nowhere: not for this probe,
  // and not for another one (Semgrep installed, run for sast: no note under secret-scan).
  const identity = toolIdentities(catalogue);
  const idOf = (probe: string, tool: string) => identity.get(probe)?.get(tool) ?? tool.toLowerCase();
  const ran = new Set<string>();
  for (const list of hits.values()) for (const h of list) ran.add(idOf(h.probe, h.tool));

  const configs = new Map<string, Evidence[]>();
  for (const path of configFiles) {
    for (const m of configMatchesOf(catalogue, path)) {
      (configs.get(m.probe) ?? configs.set(m.probe, []).get(m.probe)!).push({ loc: { path, line: 1, column: 1, endLine: 1, endColumn: 1 }, text: `${path} (configuration)`, tool: m.tool });
    }
  }

  return catalogue.probes.map((p) => {
    const h = hits.get(p.id) ?? [];
    const evidence = dedupeEvidence(h.map((x) => x.evidence));
    // A line that counts through one tool is not also "not counted" through another (`docker compose up`
    // run on a deploy host over ssh is no compose stack on a self-hosted runner).
    const counted = new Set(h.map((x) => `${x.evidence.loc.path}:${x.evidence.loc.line}`));
    const notes = [
      ...new Set(
        (notCounted.get(p.id) ?? [])
          .filter((n) => !counted.has(`${n.evidence.loc.path}:${n.evidence.loc.line}`))
          .filter((n) => !n.installOnly || !ran.has(idOf(n.probe, n.tool)))
          .map(noteText),
      ),
    ];
    if (h.length) return outcome(p.id, 'pass', evidence, notes);
    const applicable = p.traits.appliesWhen && APPLICABILITY[p.traits.appliesWhen];
    if (applicable && !applicable.applies(workspace)) return outcome(p.id, 'not-applicable', [], [typeof applicable.absent === 'string' ? applicable.absent : applicable.absent(workspace), ...notes]);
    const config = configs.get(p.id);
    const maybe = mayRun.get(p.id);
    if (maybe?.length) {
      // The block is named once, with where it is called; the files show no run, so no evidence is claimed.
      const calls = new Map<string, string[]>();
      for (const m of maybe) {
        const block = `${m.tool}: "${m.evidence.text}"`;
        const at = `${m.evidence.loc.path}:${m.evidence.loc.line}`;
        const list = calls.get(block) ?? [];
        if (!list.includes(at)) calls.set(block, [...list, at]);
      }
      const blocks = [...calls].map(([block, at]) => `${block} (${at.slice(0, 3).join(', ')}${at.length > 3 ? ` and ${at.length - 3} more` : ''})`);
      const shown = blocks.slice(0, 3).join('; ') + (blocks.length > 3 ? `; … ${blocks.length - 3} more` : '');
      notes.unshift(`unknown: a remote block the scan cannot read may do this: ${shown}. Check the block, and mark the activity done if it does.`);
      if (config?.length) notes.push(`configuration found: ${config.map((c) => `${c.loc.path} (${c.tool})`).join(', ')}`);
      return outcome(p.id, 'unknown', [], notes);
    }
    if (external.length) notes.push(externalNote);
    if (config?.length) {
      const found = config.map((c) => `${c.loc.path} (${c.tool})`).join(', ');
      notes.unshift(`only configuration found: ${found}; a file alone is a weak hint, no pipeline run was found`);
      return outcome(p.id, 'partial', dedupeEvidence(config), notes);
    }
    return outcome(p.id, 'fail', [], notes);
  });
}

/** At most this many probe notes explain one activity (the details panel and tooltips stay readable). */
const MAX_REASONS = 4;

/**
 * What the rule's probes found that did not count (switched off, install only, a legacy file, only
 * configuration) or could not read: the reasons behind a missing or partial status.
 */
function probeNotes(probes: string[], byId: Map<string, ProbeOutcome>): string[] {
  const notes = new Set<string>();
  for (const id of probes) {
    const o = byId.get(id);
    if (o && (o.result === 'fail' || o.result === 'partial' || o.result === 'unknown')) for (const n of o.notes) notes.add(n);
  }
  // Facts about files found come before the general remark about what cannot be read offline.
  const list = [...notes].sort((a, b) => Number(a.includes('external reference')) - Number(b.includes('external reference')));
  return list.length > MAX_REASONS ? [...list.slice(0, MAX_REASONS), `… and ${list.length - MAX_REASONS} more`] : list;
}

/**
 * Where guidance about the activity belongs: the pipeline when any of its probes is about
 * pipelines (or it has none), else the cluster manifests when only those are named, else the
 * container build files.
 */
function activityAnchor(probes: string[], catalogue: Catalogue): ProbeAnchor {
  const anchors = new Set(probes.map((p) => probeAnchor(catalogue, p)));
  if (anchors.size === 0 || anchors.has('pipeline')) return 'pipeline';
  return anchors.has('kubernetes') && !anchors.has('dockerfile') ? 'kubernetes' : 'dockerfile';
}

/**
 * Jobs that run another CI file of the workspace as part of their pipeline (a GitHub local
 * reusable workflow, a GitLab child pipeline): called file → the jobs calling it.
 */
export function pipelineCalls(entries: IndexEntry[]): PipelineCalls {
  // Parsed CI files are the ones with jobs (importing the dialect registry here would make a cycle).
  const ciFiles = entries.filter((e) => !!e.parsed && 'jobs' in e.parsed && Array.isArray(e.parsed.jobs));
  const ciPaths = new Set(ciFiles.map((e) => e.path));
  const calls = new Map<string, EvidenceUnit[]>();
  for (const e of ciFiles) {
    for (const job of (e.parsed as CiFile).jobs) {
      const called = job.uses?.value.trim().replace(/^\.?\//, '').replace(/@.*$/, '');
      if (!called || !ciPaths.has(called) || called === e.path) continue;
      (calls.get(called) ?? calls.set(called, []).get(called)!).push({ pipeline: e.path, job: job.id });
    }
  }
  return calls;
}

/** What the pipelines' image builds say about which Dockerfiles ship (undefined: they cannot tell). */
function pipelineImageUsage(entries: IndexEntry[]): ImageUsage | undefined {
  const uses = entries.flatMap((e) => e.facts?.images ?? []);
  const buildHits = entries.flatMap((e) => (e.facts?.hits ?? []).filter((h) => h.probe === 'container-build').map((h) => h.evidence));
  const mayBuild = entries.some((e) => (e.facts?.mayRun ?? []).some((m) => m.probe === 'container-build'));
  return imageUsage(uses, buildHits, mayBuild);
}

/** GitOps hand-offs whose push counts as a deployment: the workloads run from that repository. */
function deployedElsewhere(entries: IndexEntry[]): RuntimeElsewhere[] {
  const handoffs = entries.flatMap((e) => e.facts?.handoffs ?? []);
  if (!handoffs.length) return [];
  return countedHandoffs(handoffs, entries.flatMap((e) => (e.facts?.hits ?? []).filter((h) => h.probe === 'deploy').map((h) => h.evidence)));
}

export function evaluate(input: EvaluateInput): ScanResult {
  const { index, model, catalogue, rules } = input;
  const entries = index.all();
  const files: IndexedFileInfo[] = entries.map((e) => ({ path: e.path, kind: e.kind, problems: e.problems, ...(e.outOfScope ? { outOfScope: true } : {}) }));
  for (const p of index.walkProblems) if (!index.get(p.path)) files.push({ path: p.path, kind: 'manifest', problems: [{ message: p.message, severity: 'warning' }] });
  if (index.refusedReads().size) {
    // A script or include a pipeline points at that was refused (a FIFO, a device, a link out of the folder).
    const byPath = new Map(files.map((f) => [f.path, f]));
    for (const [path, message] of index.refusedReads()) {
      const file = byPath.get(path);
      if (!file) files.push({ path, kind: 'manifest', problems: [{ message, severity: 'warning' }] });
      else if (!file.problems.some((p) => p.message === message)) file.problems = [...file.problems, { message, severity: 'warning' }];
    }
  }

  const containerFiles = entries
    .filter((e) => !e.outOfScope && (CONTAINER_KINDS as readonly string[]).includes(e.kind) && e.parsed)
    .map((e) => e.parsed as ParsedContainerFile);
  const containerProbes = containerProbesFor(index, containerFiles, pipelineImageUsage(entries), deployedElsewhere(entries));
  const present = containerProbes.find((p) => p.id === 'container.present');
  // Container files that are all left out (their note says which and why) ship nothing.
  const leftOut = present?.result === 'fail' ? present.notes.find((n) => n !== NO_CONTAINER_FILES) : undefined;
  const shipped: ShippedContainers | undefined = present ? (leftOut ? { ships: false, leftOut } : { ships: true }) : undefined;
  const probes: ProbeOutcome[] = [...toolProbes(entries, catalogue, input.configFiles, shipped), ...runCodeProbes(entries, catalogue, index.isGitRepository), ...containerProbes];
  const byId = new Map(probes.map((p) => [p.id, p]));
  const pinning = pinningProbe(PINNING_PART_IDS.map((id) => byId.get(id)).filter((p): p is ProbeOutcome => !!p));
  probes.push(pinning);
  byId.set(pinning.id, pinning);

  // Only activities whose probes changed since the last evaluation of this index are re-evaluated.
  const statuses = activityStatusesFor(index, rules, byId, model, pipelineCalls(entries));
  const activities: ActivityResult[] = [];
  for (const a of model.activities.values()) {
    const s = statuses.get(a.uuid);
    const detected = s?.status ?? 'unknown';
    const reasons = [...(s?.reasons ?? []), ...(detected === 'missing' || detected === 'partial' || (detected === 'unknown' && s?.remote) ? probeNotes(s?.probes ?? [], byId) : [])];
    const anchor = activityAnchor(s?.probes ?? [], catalogue);
    activities.push({ activity: a, detected, status: detected, evidence: s?.evidence ?? [], probes: s?.probes ?? [], ...(anchor !== 'pipeline' ? { anchor } : {}), ...(s?.note ? { note: s.note } : {}), ...(reasons.length ? { reasons } : {}), ...(detected === 'unknown' && s?.remote ? { remote: true as const } : {}) });
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
