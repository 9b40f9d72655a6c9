// Per-file facts: which catalogue tools a CI file runs (directly or one level down through
// make, scripts and npm scripts), what it mentions but does not count (installed only,
// switched off), what it calls that cannot be read offline, and weak controls found on
// the way. Facts are cached per file by the index, so a change re-computes one file.
import { Catalogue, ImageBuildAction, probeTraits, ToolDef, ToolEnable, ToolMatch } from './catalogue';
import { cataloguedOrbOf, isCatalogueProgram, isMayRunTool, matchAzureTemplate, matchCiVariables, matchGitlabComponent, matchGitlabJob, matchGitlabReport, matchGitlabTemplate, matchInstall, matchInvocation, matchUses, disabledProbesByVariables } from './toolMatch';
import { ciDialect } from '../ci/registry';
import { Evidence, EvidenceUnit, Finding } from './probeTypes';
import { Indirection, checkoutFolder, expandMakeVariables, findIndirection } from '../parse/indirection';
import { cloneCommand, invocations, Invocation, unverifiedScriptRuns, variablesForLaterSteps } from '../parse/shell';
import { RUNNER_FILES, RunnerFile, RunnerKind, RunnerTask, SEARCHES_UPWARD } from '../parse/runners';
import { pipeToShellMessage } from './weakControls';
import { blockNameOf, hintedProbes, housekeepingBlock, housekeepingReference } from './remoteBlocks';
import { CiFile, CiJob, CiReference, CiStep, Loc, Located, ShellLine } from '../types';
import { dirname, resolvePath, joinPath } from '../../fs';
import { LifecycleOutcome, lifecycleOfInvocation, lifecycleOfUses, preCommitCiOutcomes } from './lifecycleHits';
import { ReleaseConfig, configKeyEnabled } from '../parse/releaseConfigs';
import { buildPushes, builtTags, ImageUse, publishesImages, publishingBlock } from './imageUse';
import { GITOPS_HANDOFF_TOOL, HandoffTracker, onRemoteHost, RuntimeElsewhere } from './runtimeTarget';

export interface ToolHit {
  probe: string;
  tool: string;
  evidence: Evidence;
  /** Where the step or job is set so that it cannot fail the build. */
  cannotFail?: Loc;
}

export interface NotCounted {
  probe: string;
  tool: string;
  evidence: Evidence;
  reason: string;
  /**
   * Not a run: an install of the tool, or its configuration that this line's lifecycle or
   * aggregator does not reach (the note is dropped when the tool runs elsewhere).
   */
  installOnly?: boolean;
}

/** A remote block that may run a tool (a catalogue tool marked `mayRun`): the files cannot tell. */
export interface MayRun {
  probe: string;
  tool: string;
  /** The line calling the block. */
  evidence: Evidence;
  /**
   * An uncatalogued command of an orb whose other commands the catalogue lists: the catalogue
   * says what that orb may run, so its name hint counts for its own probe only (no blocksMayAlso).
   */
  cataloguedFamily?: string;
}

export interface FileFacts {
  hits: ToolHit[];
  mayRun: MayRun[];
  notCounted: NotCounted[];
  external: CiReference[];
  findings: Finding[];
  /** The image builds and publish steps it runs: which Dockerfiles ship (see imageUse.ts). */
  images: ImageUse[];
  /** GitOps hand-offs it runs: the workloads are deployed from another repository (runtimeTarget.ts). */
  handoffs: RuntimeElsewhere[];
  /** Other files these facts were computed from (invalidate this file's facts when they change). */
  reads: Set<string>;
}

/** Files a CI step can reach through one level of indirection, parsed by the index. */
export type SupportFile =
  | { kind: 'makefile'; targets: Map<string, ShellLine[]>; dependencies: Map<string, string[]>; first?: string; includes: string[]; variables: Map<string, string> }
  | { kind: 'package-json'; scripts: Map<string, ShellLine> }
  | { kind: 'shell-script'; lines: ShellLine[] }
  | { kind: 'ci-fragment'; file: CiFile }
  | { kind: 'release-config'; config: ReleaseConfig }
  /** A build or aggregator configuration (pom.xml, build.gradle, .golangci.yml, ...), parsed where it is used. */
  | { kind: 'text'; text: string }
  | { kind: 'runner'; runner: RunnerKind; file: RunnerFile }
  /** The names of the files in a folder (a build that finds its project or solution by looking there). */
  | { kind: 'listing'; files: string[] };

/** How to read a support file: its kind, a CI dialect (fragments), or a task runner's file (`runner:task`). */
export type SupportRequest = Exclude<SupportFile['kind'], 'runner'> | CiFile['kind'] | `runner:${RunnerKind}` | 'dockerfile-run';

export interface FactsContext {
  catalogue: Catalogue;
  /** Reads and parses a file by root-relative path; `as` says how (CI fragments need the dialect). */
  support(path: string, as: SupportRequest): Promise<SupportFile | undefined>;
}

/** A build gate (traits.failsBuild: gate): a run that cannot fail the build gates nothing, so it is not counted at all. */
function isGate(cat: Catalogue, probe: string): boolean {
  return probeTraits(cat, probe)?.failsBuild === 'gate';
}

/** Qualifies how another probe's tool runs or narrows a broader probe (traits.qualifies). */
function qualifies(cat: Catalogue, probe: string): boolean {
  return probeTraits(cat, probe)?.qualifies === true;
}

/**
 * The probe a finding about several matches at one place is filed under: the broadest probe that
 * does not qualify another (Trivy image scan: image-scan, not artifact-secret-scan or vuln-gate.high).
 */
export function primaryProbe(cat: Catalogue, probes: string[]): string {
  return probes.find((p) => !p.includes('.') && !qualifies(cat, p)) ?? probes.find((p) => !qualifies(cat, p)) ?? probes[0];
}

export function emptyFacts(): FileFacts {
  return { hits: [], mayRun: [], notCounted: [], external: [], findings: [], images: [], handoffs: [], reads: new Set() };
}

function envValues(env: Record<string, Located>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(env)) out[k] = v.value;
  return out;
}

function inputValues(inputs: Record<string, Located>): Record<string, string> {
  return envValues(inputs);
}

function evidenceAt(loc: Loc, text: string, tool?: string): Evidence {
  const trimmed = text.trim();
  return { loc, text: trimmed.length > 200 ? trimmed.slice(0, 197) + '…' : trimmed, tool };
}

/**
 * The first error that makes the CI system refuse the file. YAML dialects reject a file with a
 * syntax or structure error as a whole; the Jenkinsfile reader is best effort, so its errors
 * (and the analyser's own failures) do not discount anything.
 */
function refusal(file: CiFile): string | undefined {
  if (!ciDialect(file.kind).refusesInvalidFile) return undefined;
  const e = file.problems.find((p) => p.severity === 'error' && !p.message.startsWith('Could not analyse'));
  return e ? `${file.path}${e.line ? `:${e.line}` : ''}: ${e.message}` : undefined;
}

export async function ciFacts(file: CiFile, ctx: FactsContext): Promise<FileFacts> {
  const facts = emptyFacts();
  const refused: string[] = [];
  const gated: Gated[] = [];
  // A pipeline's own runtime parameters take their defaults on a triggered run.
  const run = ciDialect(file.kind).instantiate?.(file, {}, `parameter defaults of ${file.path}`)?.file ?? file;
  await collectCiFile(run, ctx, facts, envValues(run.env), { depth: 0, read: new Set([file.path]) }, refused, file.path, gated);
  await resolveConfigGated(gated, ctx, facts);
  if (refused.length) {
    // The CI system would not run any of it: nothing here counts (the notes say why).
    for (const h of facts.hits) facts.notCounted.push({ probe: h.probe, tool: h.tool, evidence: h.evidence, reason: `the pipeline would not run, its definition has an error (${refused[0]})` });
    facts.hits = [];
    facts.mayRun = [];
  }
  // One finding per place and tool: a Trivy image scan under `continue-on-error` matches
  // image-scan and artifact-secret-scan, but it is one weak control to fix.
  const weak = new Map<string, { hit: ToolHit; probes: string[] }>();
  for (const hit of facts.hits) {
    // Only security controls should stop a build; a gate that cannot fail was never counted.
    if (!hit.cannotFail || probeTraits(ctx.catalogue, hit.probe)?.failsBuild !== 'control') continue;
    const key = `${locKey(hit.cannotFail)}|${hit.tool}`;
    const w = weak.get(key);
    if (!w) weak.set(key, { hit, probes: [hit.probe] });
    else if (!w.probes.includes(hit.probe)) w.probes.push(hit.probe);
  }
  for (const { hit, probes } of weak.values()) {
    facts.findings.push({
      probe: primaryProbe(ctx.catalogue, probes),
      code: 'scanner-cannot-fail',
      message: `${hit.tool} runs, but this step is set so that it cannot fail the build: its findings never stop a bad change.`,
      loc: hit.cannotFail!,
      severity: 'warning',
      data: { tool: hit.tool, probes: probes.join(',') },
    });
  }
  return facts;
}

function locKey(loc: Loc): string {
  return `${loc.path}:${loc.line}:${loc.column}`;
}

/**
 * `control-disabled` findings for CI variables that switch a probe's jobs off
 * (GitLab `SAST_DISABLED: "true"`, ...), one per variable, wherever it is set.
 */
function variableSwitches(cat: Catalogue, env: Record<string, Located>, facts: FileFacts): void {
  for (const [name, v] of Object.entries(env)) {
    // A variable can switch several probes off (SAST_DISABLED: sast and iac-scan).
    const probes = [...disabledProbesByVariables(cat, { [name]: v.value }).keys()];
    if (!probes.length) continue;
    if (facts.findings.some((f) => f.code === 'control-disabled' && locKey(f.loc) === locKey(v.loc))) continue;
    facts.findings.push({
      probe: primaryProbe(cat, probes),
      code: 'control-disabled',
      message: `${name}: ${v.value} switches off the ${probes.join(' and ')} jobs that CI templates and components add: that control does not run there.`,
      loc: v.loc,
      severity: 'warning',
      data: { variable: name, probes: probes.join(',') },
    });
  }
}

/**
 * Local templates nest (an Azure stage template names job templates, which name step templates;
 * GitLab local includes include more): followed this deep.
 */
const MAX_TEMPLATE_DEPTH = 8;

/**
 * How deep this file sits under the pipeline, and the templates already read for it (by path,
 * and by path with the parameter values each use reads): a template included again with the same
 * values, or in a cycle, adds nothing, so it is read once per pipeline and set of values.
 */
interface TemplateWalk {
  depth: number;
  read: Set<string>;
}

/** Template uses read per pipeline, past which a template already read is not read again with other values. */
const MAX_TEMPLATE_USES = 200;

type FactCounts = Record<'hits' | 'mayRun' | 'notCounted' | 'findings' | 'external', number>;

function factCounts(facts: FileFacts): FactCounts {
  return { hits: facts.hits.length, mayRun: facts.mayRun.length, notCounted: facts.notCounted.length, findings: facts.findings.length, external: facts.external.length };
}

/**
 * A template read again with other parameter values finds again what its first reading found at
 * the same places: only what is new (another tool, another place) is kept.
 */
function dropRepeats(facts: FileFacts, before: FactCounts): void {
  const place = (l: Loc) => `${l.path}:${l.line}:${l.column}`;
  const prune = <T>(list: T[], from: number, key: (x: T) => string): void => {
    const seen = new Set(list.slice(0, from).map(key));
    const fresh = list.slice(from).filter((x) => {
      const k = key(x);
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    });
    list.splice(from, list.length - from, ...fresh);
  };
  prune(facts.hits, before.hits, (h) => `${h.probe}|${h.tool}|${place(h.evidence.loc)}`);
  prune(facts.mayRun, before.mayRun, (h) => `${h.probe}|${h.tool}|${place(h.evidence.loc)}`);
  prune(facts.notCounted, before.notCounted, (h) => `${h.probe}|${h.tool}|${place(h.evidence.loc)}|${h.reason}`);
  prune(facts.findings, before.findings, (f) => `${f.code}|${f.probe}|${place(f.loc)}`);
  prune(facts.external, before.external, (r) => `${r.kind}|${r.ref}|${place(r.loc)}`);
}

async function collectCiFile(file: CiFile, ctx: FactsContext, facts: FileFacts, globalEnv: Record<string, string>, walk: TemplateWalk, refused: string[], pipeline: string, gated: Gated[]): Promise<void> {
  const cat = ctx.catalogue;
  const refusedBy = refusal(file);
  if (refusedBy) refused.push(refusedBy);
  // Switch variables (SAST_DISABLED, ...) are read by the jobs GitLab's templates and components
  // add; a job of your own that runs semgrep runs whatever they say.
  const fileDisabled = disabledProbesByVariables(cat, globalEnv);
  variableSwitches(cat, file.env, facts);
  // The job being walked (none for what the file adds as a whole, like an included template).
  let unit: EvidenceUnit = { pipeline };
  // The job being walked: whether it can request an OIDC token, and its variables (for `enabledBy`).
  let jobOidc = false;
  let jobStatic = false;
  let jobEnv: Record<string, string> = {};
  const add = (m: ToolMatch, evidence: Evidence, disabledBy: ReadonlyMap<string, string>, cannotFail?: Loc, stepEnv?: Record<string, Located>) => {
    evidence.unit ??= unit;
    const off = m.disabled ?? (disabledBy.has(m.probe) ? `switched off by ${disabledBy.get(m.probe)}` : undefined);
    if (!off && m.enabledBy) {
      const env = { ...globalEnv, ...jobEnv, ...(stepEnv ? envValues(stepEnv) : {}) };
      if (!enabledHere(m.enabledBy, jobOidc, jobStatic, env, evidence.text)) {
        if (m.enabledBy.config) gated.push({ m, evidence, cannotFail, count: (ev) => add({ ...m, enabledBy: undefined }, ev, disabledBy, cannotFail) });
        else facts.notCounted.push({ probe: m.probe, tool: m.tool, evidence, reason: notEnabledReason(m.enabledBy) });
        return;
      }
    }
    if (off) {
      facts.notCounted.push({ probe: m.probe, tool: m.tool, evidence, reason: off });
      if (m.disabled && !facts.findings.some((f) => f.code === 'control-disabled' && locKey(f.loc) === locKey(evidence.loc) && f.data?.tool === m.tool)) {
        facts.findings.push({
          probe: m.probe,
          code: 'control-disabled',
          message: `${m.tool} is ${m.disabled} here, so this step does not count for it.`,
          loc: evidence.loc,
          severity: 'information',
          data: { tool: m.tool, probes: m.probe },
        });
      }
    } else if (isMayRunTool(cat, m.probe, m.tool)) {
      facts.mayRun.push({ probe: m.probe, tool: m.tool, evidence });
    } else if (cannotFail && isGate(cat, m.probe)) {
      facts.notCounted.push({ probe: m.probe, tool: m.tool, evidence, reason: `the step cannot fail the build (${cannotFail.path}:${cannotFail.line}), so it gates nothing` });
    } else facts.hits.push({ probe: m.probe, tool: m.tool, evidence, cannotFail });
  };

  // Variables that make the CI system add a tool of its own to the run (Azure DevOps' CodeQL injection).
  const injected = (env: Record<string, Located>) => {
    for (const m of matchCiVariables(cat, envValues(env))) add(m, evidenceAt(env[m.variable].loc, `${m.variable}: ${env[m.variable].value}`, m.tool), fileDisabled);
  };
  injected(file.env);

  // Variables this file's steps set (`##vso[task.setvariable]`): the templates it includes run after them and may read them.
  let setByIncluder: Record<string, string> | undefined;
  for (const ref of file.references) {
    if (ref.kind === 'template' || ref.kind === 'component') {
      const matches = ref.kind === 'template' ? matchGitlabTemplate(cat, ref.ref) : matchGitlabComponent(cat, ref.ref);
      // When every job family the template adds is switched off, so is what they would
      // report (SAST_DISABLED: the SAST template uploads no report either).
      const primary = matches.filter((m) => !qualifies(cat, m.probe));
      const allOff = primary.length > 0 && primary.every((m) => fileDisabled.has(m.probe));
      const disabledBy = allOff ? new Map([...fileDisabled, ...matches.map((m): [string, string] => [m.probe, fileDisabled.get(primary[0].probe)!])]) : fileDisabled;
      for (const m of matches) add(m, evidenceAt(ref.loc, `include ${ref.kind}: ${ref.ref}`, m.tool), disabledBy);
      if (ref.kind === 'component' && matches.length === 0) {
        facts.external.push(ref);
        hintRemoteBlock(cat, file.kind, ref.ref, evidenceAt(ref.loc, `include component: ${ref.ref}`), { pipeline }, facts, fileDisabled);
      }
    } else if (ref.kind === 'local-include' && ref.localPath) {
      // GitHub local workflows and actions are indexed files of their own; GitLab and Azure
      // fragments are not, so they are read here, as deep as they nest.
      if (walk.depth >= MAX_TEMPLATE_DEPTH || ciDialect(file.kind).localIncludes === 'indexed') continue;
      facts.reads.add(ref.localPath);
      let fragment = await ctx.support(ref.localPath, file.kind);
      if (!fragment && ref.rootPath) {
        facts.reads.add(ref.rootPath);
        fragment = await ctx.support(ref.rootPath, file.kind);
      }
      if (fragment?.kind !== 'ci-fragment') continue;
      // The template as this includer uses it (its parameters replaced): read again only for values it reads differently.
      const used = ciDialect(file.kind).instantiate?.(fragment.file, ref.parameters ?? {}, `parameters given at ${ref.loc.path}:${ref.loc.line}`);
      const key = used ? `${fragment.file.path}\u0000${used.key}` : fragment.file.path;
      const readBefore = walk.read.has(fragment.file.path);
      if (walk.read.has(key) || (readBefore && walk.read.size >= MAX_TEMPLATE_USES)) continue;
      walk.read.add(key).add(fragment.file.path);
      const template = used?.file ?? fragment.file;
      setByIncluder ??= Object.assign({}, ...file.jobs.flatMap((j) => j.steps.map((st) => variablesForLaterSteps(st.script)))) as Record<string, string>;
      const before = factCounts(facts);
      await collectCiFile(template, ctx, facts, { ...envValues(template.env), ...globalEnv, ...setByIncluder }, { depth: walk.depth + 1, read: walk.read }, refused, pipeline, gated);
      if (readBefore) dropRepeats(facts, before);
    } else if (ref.kind !== 'pipe' && ref.kind !== 'local-include') {
      const azure = ref.block ? matchAzureTemplate(cat, ref.block) : [];
      for (const m of azure) add(m, evidenceAt(ref.loc, `template: ${ref.ref}`, m.tool), fileDisabled);
      // A GitLab project or remote include a team declared (.dsomm/tools.yaml) is matched like a component.
      const declared = ref.kind === 'project' || ref.kind === 'remote' ? matchGitlabComponent(cat, ref.ref) : [];
      for (const m of declared) add(m, evidenceAt(ref.loc, `include ${ref.kind}: ${ref.ref}`, m.tool), fileDisabled);
      const housekeeping = housekeepingReference(cat, file.kind, ref);
      facts.external.push(housekeeping ? { ...ref, housekeeping } : ref);
      // Reusable workflows and orbs are judged where a job or step calls them; a library step
      // the catalogue knows (buildPlugin) is matched as a step.
      const named = ref.kind === 'shared-library' ? ref.step : ref.kind === 'reusable-workflow' || ref.kind === 'orb' ? undefined : (ref.block ?? ref.ref);
      const known = ref.step !== undefined && matchUses(cat, file.kind, ref.step, {}).length > 0;
      if (named && !housekeeping && !azure.length && !declared.length && !known) {
        hintRemoteBlock(cat, file.kind, named, evidenceAt(ref.loc, ref.step !== undefined ? `${ref.step} (library step)` : `include ${ref.kind}: ${ref.ref}`), { pipeline }, facts, fileDisabled);
      }
    }
  }

  const understood = new Set<string>();
  for (const job of file.jobs) {
    unit = { pipeline, job: job.id };
    jobOidc = job.idTokens !== undefined || grantsOidcToken(job.permissions ?? file.permissions);
    jobStatic = ciDialect(file.kind).ephemeralJob(job) === false;
    jobEnv = envValues(job.env);
    const before = { hits: facts.hits.length, mayRun: facts.mayRun.length, images: facts.images.length };
    await collectJob(job);
    for (const u of facts.images.slice(before.images)) u.evidence.unit ??= unit;
    if (job.notRun) {
      // Defined but never run: what it would run is noted, not counted.
      for (const h of facts.hits.splice(before.hits)) facts.notCounted.push({ probe: h.probe, tool: h.tool, evidence: h.evidence, reason: job.notRun });
      facts.mayRun.splice(before.mayRun);
      facts.images.splice(before.images);
    }
  }
  async function collectJob(job: CiFile['jobs'][number]): Promise<void> {
    variableSwitches(cat, job.env, facts);
    injected(job.env);
    if (job.uses) {
      const matches = matchUses(cat, file.kind, job.uses.value, inputValues(job.inputs ?? {}));
      for (const m of matches) add(m, evidenceAt(job.uses.loc, `uses: ${job.uses.value}`, m.tool), NO_SWITCHES, job.cannotFail);
      if (!matches.length && isRemoteCall(file.kind, job.uses.value) && !housekeepingBlock(cat, file.kind, job.uses.value)) {
        hintRemoteBlock(cat, file.kind, job.uses.value, evidenceAt(job.uses.loc, `uses: ${job.uses.value}`), unit, facts, NO_SWITCHES);
      }
    }
    // A hidden job of a remote template it extends runs its script in this job (`.fdo.container-build@fedora`).
    for (const parent of job.extendsIncluded ?? []) {
      const matches = matchGitlabJob(cat, parent.value);
      for (const m of matches) add(m, evidenceAt(parent.loc, `extends: ${parent.value}`, m.tool), NO_SWITCHES, job.cannotFail);
      // Its image is built from the template's recipe, not from a Dockerfile of the workspace.
      if (matches.some((m) => m.probe === IMAGE_BUILD_PROBE)) facts.images.push({ kind: 'template-build', evidence: evidenceAt(parent.loc, `extends: ${parent.value}`) });
    }
    const before = facts.hits.length;
    // Repositories the job's steps clone (folder → URL): an image built from one is not ours to read.
    const clones = new Map<string, string>();
    const handoff = new HandoffTracker();
    // Variables a step sets for the later steps (`##vso[task.setvariable]`, `>> $GITHUB_ENV`): a command kept in one runs there.
    const setByEarlierSteps: Record<string, string> = {};
    for (const step of job.steps) {
      const stepAdd: Add = (m, evidence, disabledBy, cannotFail) => add(m, evidence, disabledBy, cannotFail, step.env);
      await collectStep(file, step, ctx, facts, step.cannotFail ?? job.cannotFail, stepAdd, understood, { ...globalEnv, ...envValues(file.env), ...envValues(job.env), ...setByEarlierSteps }, clones, handoff);
      Object.assign(setByEarlierSteps, variablesForLaterSteps(step.script));
    }
    reportedResults(job, cat, facts.hits.slice(before), add);
  }
  jobOidc = false;
  jobStatic = false;
  jobEnv = {};
  // A pipe no catalogue tool knows is a container image of someone else's: it may run anything.
  for (const ref of file.references) {
    if (ref.kind !== 'pipe' || understood.has(ref.ref)) continue;
    const housekeeping = housekeepingReference(cat, file.kind, ref);
    facts.external.push(housekeeping ? { ...ref, housekeeping } : ref);
  }
  discountThrowawayTargets(cat, facts, pipeline);
  discountDocumentationSites(cat, facts, pipeline, file);
}

/**
 * A job that hands in a report of a scanner's type (GitLab `artifacts: reports: sast`) runs such a
 * scanner, known to the catalogue or not: counted with the report line and the script line that
 * writes the report (else the job's last script line), unless a tool of that probe already ran there.
 */
function reportedResults(job: CiJob, cat: Catalogue, jobHits: ToolHit[], add: Add): void {
  const lines = job.steps.flatMap((s) => (s.name === 'after_script' ? [] : s.script));
  if (!job.reports?.length || !lines.length) return;
  const cannotFail = job.steps.find((s) => s.name !== 'after_script')?.cannotFail ?? job.cannotFail;
  for (const report of job.reports) {
    for (const m of matchGitlabReport(cat, report.type.value)) {
      if (jobHits.some((h) => h.probe === m.probe)) continue;
      const names = report.files.map((f) => f.slice(f.lastIndexOf('/') + 1)).filter((n) => n && !n.includes('*') && !n.includes('$'));
      const writer = lines.find((l) => names.some((n) => l.text.includes(n))) ?? lines[lines.length - 1];
      const files = report.files.length ? ` ${report.files.join(', ')}` : '';
      add(m, evidenceAt(report.type.loc, `artifacts: reports: ${report.type.value}:${files}`, m.tool), NO_SWITCHES, cannotFail);
      add(m, evidenceAt(writer.loc, `${writer.text}  (writes the ${report.type.value} report, ${report.type.loc.path}:${report.type.loc.line})`, m.tool), NO_SWITCHES, cannotFail);
    }
  }
}

/** A match whose tool counts only when its configuration file turns the probe's keys on (checked after the walk). */
interface Gated {
  m: ToolMatch;
  evidence: Evidence;
  cannotFail?: Loc;
  /** Counts the match as a run, with this evidence. */
  count: (evidence: Evidence) => void;
}

/** GitHub `permissions` that let the job request an OIDC identity token (`id-token: write`, `write-all`). */
function grantsOidcToken(perms: Located<unknown> | undefined): boolean {
  const v = perms?.value;
  if (typeof v === 'string') return v.trim().toLowerCase() === 'write-all';
  if (!v || typeof v !== 'object') return false;
  const idToken = (v as Record<string, unknown>)['id-token'];
  return typeof idToken === 'string' && idToken.trim().toLowerCase() === 'write';
}

const OFF_VALUES = new Set(['', 'false', '0', 'no', 'off']);

/** Whether an OIDC token or a variable already enables the match (configuration files are read later). */
function enabledHere(e: ToolEnable, oidc: boolean, staticRunner: boolean, env: Record<string, string>, lineText: string): boolean {
  if (e.oidc && oidc) return true;
  if (e.staticRunner && staticRunner) return true;
  for (const name of e.env) {
    const v = env[name];
    if (v !== undefined && !OFF_VALUES.has(String(v).trim().toLowerCase())) return true;
    // Set on the line itself: `NPM_CONFIG_PROVENANCE=true npm publish`.
    const at = lineText.indexOf(`${name}=`);
    if (at >= 0 && (at === 0 || /\s/.test(lineText[at - 1]))) {
      const value = lineText.slice(at + name.length + 1).split(/\s/)[0].replace(/^["']|["']$/g, '');
      if (!OFF_VALUES.has(value.toLowerCase())) return true;
    }
  }
  return false;
}

function notEnabledReason(e: ToolEnable): string {
  const needs: string[] = [];
  if (e.oidc) needs.push('an OIDC identity token (GitHub permissions: id-token: write, GitLab id_tokens)');
  if (e.staticRunner) needs.push('a runner that outlives the job (a self-hosted machine; on a fresh CI runner it is a test environment)');
  if (e.env.length) needs.push(`one of the variables ${e.env.join(', ')}`);
  if (e.config) needs.push(`${e.config.keys.join(' or ')} in ${e.config.files.join(' or ')}`);
  return `it does this only with ${needs.join(', or ')}, which the files do not show here`;
}

/**
 * Matches that count only when a configuration file turns them on (GoReleaser `signs:`): each is
 * counted with the pipeline line as evidence plus the configuration line, or noted with the reason.
 */
async function resolveConfigGated(gated: Gated[], ctx: FactsContext, facts: FileFacts): Promise<void> {
  for (const g of gated) {
    const cfg = g.m.enabledBy!.config!;
    const paths = g.m.configPath ? [g.m.configPath] : cfg.files;
    let found: { path: string; config: ReleaseConfig } | undefined;
    for (const spec of paths) {
      const hash = spec.indexOf('#');
      const file = resolvePath('', hash >= 0 ? spec.slice(0, hash) : spec);
      if (!file) continue;
      facts.reads.add(file);
      const support = await ctx.support(hash >= 0 ? file + spec.slice(hash) : file, 'release-config');
      if (support?.kind === 'release-config') {
        found = { path: file, config: support.config };
        break;
      }
    }
    const on = found ? cfg.keys.map((k) => configKeyEnabled(found.config, k)).find((x) => x !== undefined) : undefined;
    if (!found || !on) {
      const where = found ? found.path : paths.join(' or ');
      facts.notCounted.push({ probe: g.m.probe, tool: g.m.tool, evidence: g.evidence, reason: found ? `${where} turns on none of ${cfg.keys.join(', ')}` : `no ${where} to turn on ${cfg.keys.join(', ')}` });
      continue;
    }
    g.count({ ...g.evidence, text: `${g.evidence.text}  (${found.path}:${on.loc.line} ${on.text})` });
    g.count({ loc: on.loc, text: `${on.text}  (run by ${g.evidence.loc.path}:${g.evidence.loc.line})`, tool: g.evidence.tool, unit: g.evidence.unit });
  }
}

/** The job of a hit in this pipeline file (undefined for hits of other files or outside a job). */
function jobInPipeline(pipeline: string): (h: ToolHit) => string | undefined {
  return (h) => (h.evidence.unit?.pipeline === pipeline ? h.evidence.unit.job : undefined);
}

/** Per job, the first hit whose probe has `trait` (probes it voids in that job) and those probes. */
function voidingHitsByJob(
  cat: Catalogue,
  facts: FileFacts,
  jobOf: (h: ToolHit) => string | undefined,
  trait: 'throwawayTargetFor' | 'documentationFor',
): Map<string, { voids: Set<string>; hit: ToolHit }> {
  const byJob = new Map<string, { voids: Set<string>; hit: ToolHit }>();
  for (const h of facts.hits) {
    const voids = probeTraits(cat, h.probe)?.[trait];
    const job = jobOf(h);
    if (!voids?.length || job === undefined || byJob.has(job)) continue;
    byJob.set(job, { voids: new Set(voids), hit: h });
  }
  return byJob;
}

/**
 * A job that makes its own throwaway target (`kind create cluster`, helm/kind-action) and then
 * deploys to it runs an end-to-end test, not a deployment: those runs are noted, not counted.
 */
function discountThrowawayTargets(cat: Catalogue, facts: FileFacts, pipeline: string): void {
  const jobOf = jobInPipeline(pipeline);
  const targets = voidingHitsByJob(cat, facts, jobOf, 'throwawayTargetFor');
  if (!targets.size) return;
  facts.hits = facts.hits.filter((h) => {
    const job = jobOf(h);
    const t = job === undefined ? undefined : targets.get(job);
    if (!t || !t.voids.has(h.probe)) return true;
    const m = t.hit.evidence;
    facts.notCounted.push({ probe: h.probe, tool: h.tool, evidence: h.evidence, reason: `the job targets a throwaway test cluster it creates (${t.hit.tool} at ${m.loc.path}:${m.loc.line}), so this is a test, not a deployment` });
    return false;
  });
}

/**
 * A job that builds documentation (mdbook, Sphinx, DocFX, ...) and publishes a static site puts
 * the documentation online, not the software: those site publishes are noted, not counted. A job
 * that only publishes (GitHub's deploy-pages job after a build job) takes the documentation built
 * in its pipeline file.
 */
function discountDocumentationSites(cat: Catalogue, facts: FileFacts, pipeline: string, file: CiFile): void {
  const jobOf = jobInPipeline(pipeline);
  const docs = voidingHitsByJob(cat, facts, jobOf, 'documentationFor');
  if (!docs.size) return;
  const publishOnly = new Set(file.jobs.filter((j) => j.steps.every((s) => s.script.every(onlyPrints))).map((j) => j.id));
  const inFile = [...docs.values()][0];
  facts.hits = facts.hits.filter((h) => {
    const job = jobOf(h);
    if (job === undefined || !toolDefOf(cat, h.probe, h.tool)?.publishesSite) return true;
    const d = docs.get(job) ?? (publishOnly.has(job) ? inFile : undefined);
    if (!d || !d.voids.has(h.probe)) return true;
    const b = d.hit.evidence;
    facts.notCounted.push({ probe: h.probe, tool: h.tool, evidence: h.evidence, reason: `it publishes a documentation site (built by ${d.hit.tool} at ${b.loc.path}:${b.loc.line}), not the software` });
    return false;
  });
}

/** Programs that only print: a publish job that also prints the site's address still only publishes. */
const PRINTERS = new Set(['echo', 'printf', 'true', ':']);

function onlyPrints(line: ShellLine): boolean {
  return invocations(line).every((inv) => inv.kind === 'run' && PRINTERS.has(inv.program));
}

const toolDefs = new WeakMap<Catalogue, Map<string, ToolDef>>();

/** A catalogue tool by probe and name. */
function toolDefOf(cat: Catalogue, probe: string, tool: string): ToolDef | undefined {
  let byKey = toolDefs.get(cat);
  if (!byKey) {
    byKey = new Map(cat.probes.flatMap((p) => p.tools.map((t): [string, ToolDef] => [`${p.id}\u0000${t.name}`, t])));
    toolDefs.set(cat, byKey);
  }
  return byKey.get(`${probe}\u0000${tool}`);
}

const NO_SWITCHES: ReadonlyMap<string, string> = new Map();

/** A call of a block in another repository or registry (not a local workflow, action or built-in step). */
function isRemoteCall(kind: CiFile['kind'], uses: string): boolean {
  const u = uses.trim();
  if (!u || u.startsWith('.') || u.startsWith('/')) return false;
  const vocabulary = ciDialect(kind).uses.vocabulary;
  // GitHub: only reusable workflows of other repositories; actions are judged by the catalogue alone.
  if (vocabulary === 'action') return u.toLowerCase().includes('/.github/workflows/');
  return vocabulary === 'orb' || vocabulary === 'pipe' || vocabulary === 'component';
}

/**
 * A remote block no catalogue tool knows, whose name says it may run a probe's control
 * (`deploy-staging`): the probe is unknown, naming the block, unless something else runs it.
 */
function hintRemoteBlock(cat: Catalogue, kind: CiFile['kind'], uses: string, evidence: Evidence, unit: EvidenceUnit | undefined, facts: FileFacts, disabledBy: ReadonlyMap<string, string>): void {
  const name = blockNameOf(kind, uses);
  const family = cataloguedOrbOf(cat, kind, uses);
  for (const h of hintedProbes(cat, name)) {
    if (disabledBy.has(h.probe)) continue;
    const e = { ...evidence, ...(unit ? { unit } : {}) };
    facts.mayRun.push({ probe: h.probe, tool: `uncatalogued block "${name}" (its name says "${h.words}")`, evidence: e, ...(family ? { cataloguedFamily: family } : {}) });
  }
}

type Add = (m: ToolMatch, evidence: Evidence, disabledBy: ReadonlyMap<string, string>, cannotFail?: Loc) => void;

async function collectStep(file: CiFile, step: CiStep, ctx: FactsContext, facts: FileFacts, cannotFail: Loc | undefined, add: Add, understood: Set<string>, env: Record<string, string>, clones: Map<string, string>, handoff: HandoffTracker): Promise<void> {
  variableSwitches(ctx.catalogue, step.env, facts);
  if (step.uses) {
    // A checkout of another repository (`actions/checkout` with `repository:`) starts a possible hand-off.
    const repository = step.inputs.repository?.value.trim();
    if (repository && /^actions\/checkout@/i.test(step.uses.value.trim())) handoff.cloned(repository, step.uses.loc);
    const matches = matchUses(ctx.catalogue, file.kind, step.uses.value, inputValues(step.inputs));
    if (matches.length) understood.add(step.uses.value);
    const evidence = () => evidenceAt(step.uses!.loc, `${ciDialect(file.kind).uses.evidenceLabel}: ${step.uses!.value}`);
    for (const m of matches) {
      add(m, { ...evidence(), tool: m.tool }, NO_SWITCHES, cannotFail);
    }
    // Orb commands and pipes are judged here; Jenkins library steps where they are listed (references).
    const vocabulary = ciDialect(file.kind).uses.vocabulary;
    if (!matches.length && (vocabulary === 'orb' || vocabulary === 'pipe') && isRemoteCall(file.kind, step.uses.value)) {
      if (!housekeepingBlock(ctx.catalogue, file.kind, step.uses.value)) hintRemoteBlock(ctx.catalogue, file.kind, step.uses.value, evidence(), undefined, facts, NO_SWITCHES);
    }
    applyLifecycle(await lifecycleOfUses(step.uses, step.inputs, step.env, ctx, facts, { ...env, ...envValues(step.env) }), facts, add, NO_SWITCHES, cannotFail);
    if (publishingBlock(step.uses.value)) facts.images.push({ kind: 'publish', evidence: evidence() });
  }
  const built = step.uses ? actionImageBuild(ctx.catalogue, step.uses.value, step.inputs) : undefined;
  if (built) {
    // The RUN lines of the image an action builds run in this step (evidence: the RUN line, via the step)
    const target = await resolveIndirection(built.build, '', ctx, facts);
    const label = `${step.uses!.loc.path}:${step.uses!.loc.line}`;
    if (target) {
      const evidence = evidenceAt(step.uses!.loc, `${ciDialect(file.kind).uses.evidenceLabel}: ${step.uses!.value}`);
      facts.images.push({ kind: 'build', dockerfile: imagePathOf(target.key), pushes: built.pushes, evidence });
      const within: LineState = { cwd: target.cwd, vars: new Map(Object.entries(env)), clones };
      for (const l of target.lines) await collectLine(l, within, ctx, facts, NO_SWITCHES, cannotFail, add, { label, depth: 1, seen: new Set([target.key]) });
    }
  }
  // Relative scripts, package.json and Makefiles are found from the step's working directory.
  const state: LineState = {
    cwd: (step.workingDirectory !== undefined ? checkoutFolder(step.workingDirectory) : undefined) ?? '',
    vars: new Map(Object.entries({ ...env, ...envValues(step.env) })),
    clones,
    handoff,
  };
  for (const line of step.script) {
    await collectLine(line, state, ctx, facts, NO_SWITCHES, cannotFail, add, undefined);
  }
}

/** Where a line runs: its folder, the folder of the script it is written in, and the variables set so far. */
interface LineState {
  cwd: string;
  /** The folder the caller ran in: relative paths in a script are tried from there too. */
  callerDir?: string;
  /** The folder of the script being read (`$(dirname "$0")`, `$PSScriptRoot`). */
  scriptDir?: string;
  /** Variables of the step or script (env and plain assignments), for commands kept in a variable. */
  vars: Map<string, string>;
  /** Folders the job has cloned another repository into (`git clone URL dir`) → the URL. */
  clones?: Map<string, string>;
  /** The job's GitOps hand-off so far (clone, image tag edit, push) and the folders it copied to hosts. */
  handoff?: HandoffTracker;
  /** The host the line runs on, over ssh (none: the job's own runner). */
  remoteHost?: string;
}

async function collectLine(
  line: ShellLine,
  state: LineState,
  ctx: FactsContext,
  facts: FileFacts,
  disabled: ReadonlyMap<string, string>,
  cannotFail: Loc | undefined,
  add: Add,
  chain: IndirectionChain | undefined,
): Promise<void> {
  const via = chain?.label;
  // A script a step calls is reported where it is written, by its own scan: only the step's own lines here.
  if (via === undefined) pipeToShell(line, facts);
  const assigned = assignmentOf(line.text, state.vars);
  // A value the reader cannot know (`$dotnet = $dotnet32` with no value for it) does not replace one it knows.
  const unknownRef = assigned ? wholeReference(assigned.value) : undefined;
  if (assigned && !(unknownRef && !state.vars.has(unknownRef.name) && state.vars.has(assigned.name))) state.vars.set(assigned.name, assigned.value);
  for (const found of safeInvocations(line)) {
    const inv = state.remoteHost ? onRemoteHost(found, state.remoteHost) : found;
    // A command kept in a variable (`bash -c "$TEST_CMD"`, `eval "$CMD"`, `$RUN_LINT`): its value, set in this step or script.
    const held = inv.kind === 'run' ? heldCommand(inv, state.vars) : undefined;
    if (held !== undefined) {
      if (chain && chain.depth >= MAX_INDIRECTION_DEPTH) continue;
      const key = `var:${line.loc.path}:${line.loc.line}:${held}`;
      if (chain?.seen.has(key)) continue;
      const next: IndirectionChain = chain
        ? { label: chain.label, depth: chain.depth + 1, seen: new Set([...chain.seen, key]) }
        : { label: `${line.loc.path}:${line.loc.line}`, depth: 1, seen: new Set([key]) };
      await collectLine(heldLine(line, held), state, ctx, facts, disabled, cannotFail, add, next);
      continue;
    }
    const clone = state.clones ? clonedInto(inv, state.cwd) : undefined;
    if (clone && state.clones) state.clones.set(clone.dir, clone.url);
    const handoff = state.handoff?.observe(inv, line.loc);
    if (handoff) {
      const evidence = evidenceAt(line.loc, `${via ? `${line.written ?? line.text}  (via ${via})` : (line.written ?? line.text)}  (${handoff.describe})`, GITOPS_HANDOFF_TOOL);
      add({ probe: 'deploy', tool: GITOPS_HANDOFF_TOOL }, evidence, disabled, cannotFail);
      facts.handoffs.push({ where: handoff.where, evidence });
    }
    // A command run on another host over ssh: read as run there (paths into folders the job copied there are local ones).
    const remote = state.handoff?.remoteLine(inv);
    if (remote) {
      if (chain && chain.depth >= MAX_INDIRECTION_DEPTH) continue;
      const key = `ssh:${line.loc.path}:${line.loc.line}:${remote.command}`;
      if (chain?.seen.has(key)) continue;
      const next: IndirectionChain = chain
        ? { label: chain.label, depth: chain.depth + 1, seen: new Set([...chain.seen, key]) }
        : { label: `${line.loc.path}:${line.loc.line}, on ${remote.host}`, depth: 1, seen: new Set([key]) };
      const there: LineState = { cwd: '', vars: new Map(state.vars), clones: state.clones, handoff: state.handoff, remoteHost: remote.host };
      await collectLine(heldLine(line, remote.command), there, ctx, facts, disabled, cannotFail, add, next);
      continue;
    }
    if (inv.program === 'cd' && inv.kind === 'run') {
      const target = inv.args.find((a) => !a.startsWith('-'));
      if (target && !target.includes('$')) state.cwd = resolvePath(state.cwd, target) ?? state.cwd;
      continue;
    }
    const shown = line.written ?? line.text;
    const text = via ? `${shown}  (via ${via})` : shown;
    if (inv.kind === 'install') {
      for (const m of matchInstall(ctx.catalogue, inv)) {
        // Installing Semgrep says nothing about how it will run (its rule exclusions, a gate).
        if (qualifies(ctx.catalogue, m.probe)) continue;
        facts.notCounted.push({ probe: m.probe, tool: m.tool, evidence: evidenceAt(line.loc, text, m.tool), reason: 'installed but never run', installOnly: true });
      }
      continue;
    }
    const matches = matchInvocation(ctx.catalogue, inv);
    for (const m of matches) add(m, evidenceAt(line.loc, text, m.tool), disabled, cannotFail);
    if (publishesImages(inv)) facts.images.push({ kind: 'publish', evidence: evidenceAt(line.loc, text) });
    const inner = matches.length ? undefined : wrappedCommand(inv, ctx.catalogue);
    if (inner) for (const m of matchInvocation(ctx.catalogue, inner)) add(m, evidenceAt(line.loc, text, m.tool), disabled, cannotFail);
    // What the command runs through a build lifecycle or an aggregator (mvn verify, golangci-lint run, ...).
    applyLifecycle(await lifecycleOfInvocation(inner ?? inv, line, text, state.cwd, ctx, facts), facts, add, disabled, cannotFail);
    if (chain && chain.depth >= MAX_INDIRECTION_DEPTH) continue;
    const ind = findIndirection(inv, state.vars) ?? (inner && findIndirection(inner, state.vars));
    if (!ind) continue;
    const target = ind.kind === 'script' && ind.fromScriptDir
      ? await resolveIndirection(ind, state.scriptDir ?? state.cwd, ctx, facts)
      : (await resolveIndirection(ind, state.cwd, ctx, facts)) ?? (state.callerDir !== undefined ? await resolveIndirection(ind, state.callerDir, ctx, facts) : undefined);
    if (ind.kind === 'image-build') {
      const clonedFrom = target ? undefined : clonedSource(ind, state);
      if (target) facts.images.push({ kind: 'build', dockerfile: imagePathOf(target.key), pushes: buildPushes(inv.args), tags: builtTags(inv.args, state.vars), evidence: evidenceAt(line.loc, text) });
      else if (clonedFrom) facts.images.push({ kind: 'build', dockerfile: clonedFrom.dockerfile, clonedFrom: clonedFrom.url, pushes: buildPushes(inv.args), evidence: evidenceAt(line.loc, text) });
    }
    const testRunner = ind.kind === 'script' && namedTestRunner(ind.path);
    if (!target) {
      // A program the build made (`./build/tests/unit_tests`), named as the test suite: it runs the tests.
      if (testRunner) add({ probe: TESTS_PROBE, tool: TEST_RUNNER_TOOL }, evidenceAt(line.loc, `${text}  (a test program, by its name)`, TEST_RUNNER_TOOL), disabled, cannotFail);
      continue;
    }
    if (chain?.seen.has(target.key)) continue; // a script that calls itself is read once
    const next: IndirectionChain = chain
      ? { label: chain.label, depth: chain.depth + 1, seen: new Set([...chain.seen, target.key]) }
      : { label: `${line.loc.path}:${line.loc.line}`, depth: 1, seen: new Set([target.key]) };
    // Paths in a script are read from its own folder first, then from the folder it was called from.
    const within: LineState = { cwd: target.cwd, callerDir: target.callerDir, scriptDir: target.scriptDir, vars: new Map(state.vars), clones: state.clones, handoff: state.handoff, remoteHost: state.remoteHost };
    const testsBefore = testRunner ? testFindings(facts) : 0;
    for (const l of target.lines) await collectLine(l, within, ctx, facts, disabled, cannotFail, add, next);
    // A script named as the test suite whose tests no known tool shows (test binaries found and run in a loop): the name says it.
    if (testRunner && testFindings(facts) === testsBefore) {
      add({ probe: TESTS_PROBE, tool: TEST_RUNNER_TOOL }, evidenceAt(line.loc, `${text}  (${ind.path}: a test script, by its name; no known test tool seen in it)`, TEST_RUNNER_TOOL), disabled, cannotFail);
    }
  }
}

const TESTS_PROBE = 'ci.tests';
const IMAGE_BUILD_PROBE = 'container-build';
const TEST_RUNNER_TOOL = 'Test runner (by its name)';

/** What the scan holds about the tests probe so far (counted, noted or possibly run). */
function testFindings(facts: FileFacts): number {
  const n = (list: { probe: string }[]) => list.reduce((k, x) => k + (x.probe === TESTS_PROBE ? 1 : 0), 0);
  return n(facts.hits) + n(facts.notCounted) + n(facts.mayRun);
}

/**
 * A script or program run by path whose name says it is the test suite: `run_tests.sh`,
 * `run_cpp_auto_tests.sh`, `unit-tests`, `bin/test`, `test_17`, `test-units` (the last word of its
 * name, or the first followed by more, is "test" or "tests").
 */
function namedTestRunner(path: string): boolean {
  const base = path.slice(path.lastIndexOf('/') + 1).replace(/\.(sh|bash|ps1|py|exe|bat|cmd)$/i, '');
  return /(^|[_.-])tests?$/i.test(base) || /^tests?[_-]\w/i.test(base);
}

/**
 * A pre-commit configuration with a `ci:` section is run by pre-commit.ci on pull requests: its
 * hooks count as that pipeline's runs (the file is the pipeline).
 */
export async function preCommitCiFacts(path: string, ctx: FactsContext): Promise<FileFacts> {
  const facts = emptyFacts();
  for (const o of await preCommitCiOutcomes(path, ctx, facts)) {
    if (o.kind === 'hit') for (const e of o.evidence) facts.hits.push({ probe: o.match.probe, tool: o.match.tool, evidence: { ...e, unit: { pipeline: path } } });
  }
  return facts;
}

/** Counts the tools a lifecycle or aggregator runs, notes those it does not reach, keeps those a remote parent may run. */
function applyLifecycle(outcomes: LifecycleOutcome[], facts: FileFacts, add: Add, disabled: ReadonlyMap<string, string>, cannotFail: Loc | undefined): void {
  for (const o of outcomes) {
    if (o.kind === 'hit') for (const e of o.evidence) add(o.match, e, disabled, o.cannotFail ?? cannotFail);
    else if (o.kind === 'not-counted') facts.notCounted.push({ probe: o.probe, tool: o.tool, evidence: o.evidence, reason: o.reason, installOnly: true });
    else facts.mayRun.push({ probe: o.probe, tool: o.tool, evidence: o.evidence });
  }
}

/** Programs whose arguments are never a command they run (so `echo trivy` stays an echo). */
const NOT_WRAPPERS = new Set([
  'echo', 'printf', 'cat', 'grep', 'egrep', 'sed', 'awk', 'test', '[', 'ls', 'mkdir', 'cp', 'mv', 'rm', 'touch', 'chmod', 'chown',
  'tee', 'head', 'tail', 'find', 'cd', 'pushd', 'export', 'set', 'unset', 'git', 'curl', 'wget', 'tar', 'unzip', 'zip', 'ln', 'which',
  'command', 'type', 'source', '.', 'read', 'sort', 'jq', 'yq', 'base64', 'sha256sum', 'openssl', 'ssh', 'scp', 'rsync', 'sleep', 'wait',
]);

/**
 * The command an invocation runs on behalf of another program: `go tool golangci-lint run`,
 * `coverage run -m pytest`, and a program we do not know given a known tool or a script as its
 * command (`dbus-run-session -- meson test`, `linter2cc hadolint Dockerfile`). Undefined when
 * there is none.
 */
function wrappedCommand(inv: Invocation, catalogue: Catalogue): Invocation | undefined {
  if (inv.kind !== 'run' || inv.args.length === 0) return undefined;
  const at = (i: number, wrapper: string): Invocation | undefined => {
    const word = inv.args[i];
    if (word === undefined) return undefined;
    const program = word.slice(word.lastIndexOf('/') + 1).toLowerCase();
    return { ...inv, program, args: inv.args.slice(i + 1), command: word, wrapper };
  };
  if (inv.program === 'go' && inv.args[0] === 'tool') return at(1, 'go tool');
  if (inv.program === 'coverage' && inv.args[0] === 'run') {
    const m = inv.args.indexOf('-m');
    return m > 0 ? at(m + 1, 'coverage run -m') : undefined;
  }
  if (NOT_WRAPPERS.has(inv.program) || inv.program.includes('$') || isCatalogueProgram(catalogue, inv.program)) return undefined;
  const dashes = inv.args.indexOf('--');
  const first = dashes >= 0 ? dashes + 1 : inv.args.findIndex((a) => !a.startsWith('-'));
  const word = inv.args[first];
  if (first < 0 || word === undefined || word.includes('=') || word.includes('$')) return undefined;
  // A bare tool name (`hadolint`), or a shell script to follow; `strip ./hadolint` names a file.
  if (/\.(sh|bash)$/.test(word)) return at(first, inv.program);
  return !word.includes('/') && isCatalogueProgram(catalogue, word.toLowerCase()) ? at(first, inv.program) : undefined;
}

/**
 * How deep CI lines are followed into what they call (`npm run ci` → `npm run test` → `jest`;
 * `make ci` → `./scripts/check.sh` → `make lint` → `golangci-lint`): real projects go three or
 * four levels down; the limit keeps a pathological chain cheap.
 */
const MAX_INDIRECTION_DEPTH = 6;

/** Where a followed line came from: the CI line (evidence says `via` it), how deep, and what was entered. */
interface IndirectionChain {
  label: string;
  depth: number;
  /** Keys of the Makefile targets, scripts and package scripts already entered on this path. */
  seen: ReadonlySet<string>;
}

/** The goals' recipes with their prerequisites' recipes, prerequisites of prerequisites included, each target once. */
function makeRecipes(targets: ReadonlyMap<string, ShellLine[]>, deps: ReadonlyMap<string, string[]>, goals: string[]): ShellLine[] {
  const lines: ShellLine[] = [];
  const visited = new Set<string>();
  const queue = [...goals];
  while (queue.length && visited.size < MAX_MAKE_TARGETS) {
    const t = queue.shift()!;
    if (visited.has(t)) continue;
    visited.add(t);
    const rule = targets.has(t) || deps.has(t) ? { lines: targets.get(t) ?? [], prerequisites: deps.get(t) ?? [] } : patternRule(targets, deps, t);
    if (!rule) continue;
    lines.push(...rule.lines);
    for (const d of rule.prerequisites) if (!visited.has(d)) queue.push(d);
  }
  return lines;
}

/**
 * A goal no rule names is made by the first pattern rule whose target matches it, with the stem put
 * into its prerequisites: `make docker` through Prometheus' `%: common-% ;` runs `common-docker`.
 */
function patternRule(targets: ReadonlyMap<string, ShellLine[]>, deps: ReadonlyMap<string, string[]>, goal: string): { lines: ShellLine[]; prerequisites: string[] } | undefined {
  for (const [pattern, prerequisites] of deps) {
    const pct = pattern.indexOf('%');
    if (pct < 0 || pattern.indexOf('%', pct + 1) >= 0 || pattern.includes('$')) continue;
    const prefix = pattern.slice(0, pct);
    const suffix = pattern.slice(pct + 1);
    if (goal.length < prefix.length + suffix.length + 1 || !goal.startsWith(prefix) || !goal.endsWith(suffix)) continue;
    const stem = goal.slice(prefix.length, goal.length - suffix.length);
    return { lines: targets.get(pattern) ?? [], prerequisites: prerequisites.map((p) => p.replace('%', stem)) };
  }
  return undefined;
}

/** Targets read for one make goal at most (`all` of a large Makefile reaches many). */
const MAX_MAKE_TARGETS = 200;

type MakefileSupport = Extract<SupportFile, { kind: 'makefile' }>;

/** A Makefile merged with the files it includes (its own definitions win), per main file and includes read. */
const mergedMakefiles = new WeakMap<MakefileSupport, { parts: MakefileSupport[]; merged: { targets: Map<string, ShellLine[]>; deps: Map<string, string[]>; variables: Map<string, string> } }>();

function mergeMakefiles(main: MakefileSupport, included: MakefileSupport[]): { targets: Map<string, ShellLine[]>; deps: Map<string, string[]>; variables: Map<string, string> } {
  const cached = mergedMakefiles.get(main);
  if (cached && cached.parts.length === included.length && cached.parts.every((p, i) => p === included[i])) return cached.merged;
  const targets = new Map<string, ShellLine[]>();
  const deps = new Map<string, string[]>();
  const variables = new Map<string, string>();
  for (const part of [...included, main]) {
    for (const [t, lines] of part.targets) if (lines.length || !targets.has(t)) targets.set(t, lines);
    for (const [t, d] of part.dependencies) deps.set(t, [...new Set([...(deps.get(t) ?? []), ...d])]);
    for (const [k, v] of part.variables) variables.set(k, v);
  }
  const merged = { targets, deps, variables };
  mergedMakefiles.set(main, { parts: included, merged });
  return merged;
}

/** Recipe lines with their make variables expanded; unchanged lines stay the same objects (their analysis is cached). */
const expandedLines = new WeakMap<ShellLine, { variables: ReadonlyMap<string, string>; line: ShellLine }>();

function withVariables(lines: ShellLine[], variables: ReadonlyMap<string, string>): ShellLine[] {
  return lines.map((line) => {
    if (!line.text.includes('$')) return line;
    const hit = expandedLines.get(line);
    if (hit && hit.variables === variables) return hit.line;
    const text = expandMakeVariables(line.text, variables);
    const out = text === line.text ? line : { text, loc: line.loc };
    expandedLines.set(line, { variables, line: out });
    return out;
  });
}

/** `curl … | sh` in a pipeline's own script line: a weak control (as in a Dockerfile RUN line). */
function pipeToShell(line: ShellLine, facts: FileFacts): void {
  for (const run of unverifiedScriptRuns(line, safeInvocations(line))) {
    const l = line.loc;
    // Narrowed to the command when the line is written as one physical line exactly as read.
    const exact = l.line === l.endLine && l.endColumn - l.column === line.text.length && run.start !== undefined && run.end !== undefined;
    facts.findings.push({
      probe: 'pinning',
      code: 'pipe-to-shell',
      message: pipeToShellMessage(run),
      loc: exact ? { ...l, column: l.column + run.start!, endColumn: l.column + run.end! } : l,
      severity: 'warning',
      data: { tool: run.fetcher, runner: run.runner, path: l.path },
    });
  }
}

/**
 * A line's invocations, analysed once per line object: the lines of a Makefile target or a script
 * are shared by every CI file that calls it, and an unchanged file keeps its lines across updates.
 */
const invocationsOf = new WeakMap<ShellLine, Invocation[]>();

function safeInvocations(line: ShellLine): Invocation[] {
  let out = invocationsOf.get(line);
  if (out) return out;
  try {
    out = invocations(line);
  } catch {
    out = []; // the shell analyser is best effort; one odd line never stops a scan
  }
  invocationsOf.set(line, out);
  return out;
}

/** `NAME=value` (also `export`/`local`/`readonly`/`declare`) alone on a line: the name and its value, quotes removed. */
export function assignmentOf(text: string, vars?: ReadonlyMap<string, string>): { name: string; value: string } | undefined {
  // shell `NAME=value`, PowerShell `$name = 'value'`
  const m = /^\s*(?:(?:export|local|readonly|declare(?:\s+-[A-Za-z]+)*)\s+)?([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(text) ?? /^\s*\$([A-Za-z_][A-Za-z0-9_]*)\s*=(?!=)\s*(.*)$/.exec(text);
  if (!m) return undefined;
  let value = m[2].trim();
  const q = value[0];
  // one quoted word (inner quotes of `"$(dirname "$0")"` included)
  if ((q === '"' || q === "'") && value.length >= 2 && value.endsWith(q) && (q === '"' ? !/^"[^"]*"\s+\S/.test(value) : !value.slice(1, -1).includes(q))) value = value.slice(1, -1);
  else if (/\s/.test(value.replace(/\$\([^)]*\)/g, ''))) return undefined; // `A=1 cmd`: a variable for one command
  // `CLANG_FORMAT="${CLANG_FORMAT:-clang-format}"`: the value set before (the CI job's), else the default
  const ref = wholeReference(value);
  if (ref) {
    const known = vars?.get(ref.name);
    if (known !== undefined && known !== '') value = known;
    else if (ref.fallback !== undefined) value = ref.fallback;
  }
  // `source="${BASH_SOURCE[0]}"` then `root="$(cd -P "$(dirname "$source")" && pwd)"`: the script's file, then its folder
  const named = vars ? value.replace(/\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?/g, (ref, name: string) => (SCRIPT_FILE_VALUE.test(vars.get(name) ?? '') ? '$0' : ref)) : value;
  if (SCRIPT_DIR_VALUE.test(named)) value = SCRIPT_DIR_TOKEN;
  return { name: m[1], value };
}

const SCRIPT_FILE_VALUE = /^\$(?:0|\{0\}|\{?BASH_SOURCE(?:\[0\])?\}?)$/;

/** Values that name the script's own folder: `$(cd "$(dirname "$0")" && pwd)`, `$(dirname "${BASH_SOURCE[0]}")`, `${0%/*}`, `$PSScriptRoot`. */
const SCRIPT_DIR_VALUE = /^(?:\$\(\s*cd\s+(?:-P\s+)?"?\$\(\s*dirname\s+"?\$(?:0|\{0\}|\{?BASH_SOURCE(?:\[0\])?\}?)"?\s*\)"?[^)]*&&\s*pwd(?:\s+-P)?\s*\)|\$\(\s*dirname\s+"?\$(?:0|\{0\}|\{?BASH_SOURCE(?:\[0\])?\}?)"?\s*\)|\$\(\s*dirname\s+"?\$\((?:readlink\s+-f|realpath)\s+"?\$(?:0|\{?BASH_SOURCE(?:\[0\])?\}?)"?\s*\)"?\s*\)|\$\{(?:0|BASH_SOURCE(?:\[0\])?)%\/\*\}|\$PSScriptRoot|\$\{PSScriptRoot\})$/;

/** How a variable holding the script's folder is kept: the form findIndirection reads as "the script's own folder". */
const SCRIPT_DIR_TOKEN = '$PSScriptRoot';

/** The command a run word kept in a variable stands for (`$CMD args`, `bash -c "$CMD"`, `eval "$CMD"`), when the variable is known. */
function heldCommand(inv: Invocation, vars: ReadonlyMap<string, string>): string | undefined {
  const ref = wholeReference(inv.command ?? '');
  if (!ref) return undefined;
  const value = vars.get(ref.name);
  if (value === undefined || value === SCRIPT_DIR_TOKEN || !value.trim()) return undefined;
  return [value, ...inv.args].join(' ');
}

/**
 * A word that is one variable reference: `$X`, `${X}`, `${X:?message}`, `${X:-default}` (the
 * default, when there is one, is what the shell uses while X is unset or empty).
 */
function wholeReference(word: string): { name: string; fallback?: string } | undefined {
  const m = /^\$(?:\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-=?])([^{}$`]*))?\}|([A-Za-z_][A-Za-z0-9_]*))$/.exec(word);
  if (!m) return undefined;
  const name = m[1] ?? m[4];
  const op = m[2];
  return op !== undefined && !op.endsWith('?') ? { name, fallback: m[3] } : { name };
}

/** A line standing for a command kept in a variable: analysed as that command, found at the line that runs it. */
const heldLines = new WeakMap<ShellLine, Map<string, ShellLine>>();

function heldLine(line: ShellLine, text: string): ShellLine {
  let byText = heldLines.get(line);
  if (!byText) heldLines.set(line, (byText = new Map<string, ShellLine>()));
  let out = byText.get(text);
  if (!out) byText.set(text, (out = { text, loc: line.loc, written: line.written ?? line.text }));
  return out;
}

async function resolveIndirection(ind: Indirection, cwd: string, ctx: FactsContext, facts: FileFacts): Promise<{ lines: ShellLine[]; cwd: string; key: string; callerDir?: string; scriptDir?: string } | undefined> {
  switch (ind.kind) {
    case 'make': {
      const dir = ind.dir ? resolvePath(cwd, ind.dir) : cwd;
      if (dir === undefined) return undefined;
      const candidates = ind.file ? [resolvePath(dir, ind.file)] : ['GNUmakefile', 'makefile', 'Makefile'].map((n) => joinPath(dir, n));
      for (const path of candidates) {
        if (!path) continue;
        facts.reads.add(path);
        const mk = await ctx.support(path, 'makefile');
        if (mk?.kind !== 'makefile') continue;
        const goals = ind.targets.length ? ind.targets : mk.first ? [mk.first] : [];
        if (!goals.length) return undefined;
        const included: MakefileSupport[] = [];
        for (const inc of mk.includes) {
          const incPath = resolvePath(dir, inc);
          if (!incPath) continue;
          facts.reads.add(incPath);
          const part = await ctx.support(incPath, 'makefile');
          if (part?.kind === 'makefile') included.push(part);
        }
        // The target's recipe plus its prerequisites' recipes (`ci: lint test scan`), through
        // included makefiles, with make variables expanded (`$(GOTEST)` set by `GOTEST ?= go test`).
        const merged = mergeMakefiles(mk, included);
        return { lines: withVariables(makeRecipes(merged.targets, merged.deps, goals), merged.variables), cwd: dir, key: `make:${path}:${goals.join(' ')}` };
      }
      return undefined;
    }
    case 'script': {
      const path = resolvePath(cwd, ind.path);
      if (!path) return undefined;
      facts.reads.add(path);
      const sh = await ctx.support(path, 'shell-script');
      return sh?.kind === 'shell-script' ? { lines: sh.lines, cwd: dirname(path), key: `script:${path}`, callerDir: cwd, scriptDir: dirname(path) } : undefined;
    }
    case 'runner':
      return resolveRunner(ind, cwd, ctx, facts);
    case 'image-build': {
      // `-f` is read from where the command runs; without it, the context's Dockerfile (Containerfile for podman and buildah)
      const context = resolvePath(cwd, ind.context);
      if (context === undefined) return undefined;
      const candidates = ind.file !== undefined ? [resolvePath(cwd, ind.file)] : [joinPath(context, 'Dockerfile'), joinPath(context, 'Containerfile')];
      for (const path of candidates) {
        if (!path) continue;
        facts.reads.add(path);
        const run = await ctx.support(path, 'dockerfile-run');
        if (run?.kind === 'shell-script') return { lines: run.lines, cwd: context, key: `${IMAGE_KEY}${path}` };
      }
      return undefined;
    }
    case 'npm-script': {
      const dir = ind.dir ? resolvePath(cwd, ind.dir) : cwd;
      if (dir === undefined) return undefined;
      const path = joinPath(dir, 'package.json');
      facts.reads.add(path);
      const pkg = await ctx.support(path, 'package-json');
      if (pkg?.kind !== 'package-json') return undefined;
      const lines = ['pre' + ind.name, ind.name, 'post' + ind.name].map((n) => pkg.scripts.get(n)).filter((l): l is ShellLine => !!l);
      return { lines, cwd: dir, key: `npm:${path}:${ind.name}` };
    }
  }
}

/** Folders a runner looks in for its file: the given one, then (go-task, just, cargo) each parent up to the checkout. */
function runnerFolders(kind: RunnerKind, dir: string): string[] {
  const out = [dir];
  if (!SEARCHES_UPWARD.has(kind)) return out;
  for (let d = dir; d !== ''; ) {
    d = dirname(d);
    out.push(d);
  }
  return out;
}

/** Tasks read for one runner call at most (a `default` that depends on everything in a large file). */
const MAX_RUNNER_TASKS = 200;

type RunnerSupport = Extract<SupportFile, { kind: 'runner' }>;

/**
 * A task runner call's lines: the named tasks (or the runner's default) with the tasks they run
 * first or call, through go-task `includes`; a cargo alias as the cargo command it stands for.
 */
async function resolveRunner(ind: Extract<Indirection, { kind: 'runner' }>, cwd: string, ctx: FactsContext, facts: FileFacts): Promise<{ lines: ShellLine[]; cwd: string; key: string } | undefined> {
  const dir = ind.dir ? resolvePath(cwd, ind.dir) : cwd;
  if (dir === undefined) return undefined;
  const candidates = ind.file ? [resolvePath(dir, ind.file)] : runnerFolders(ind.runner, dir).flatMap((d) => RUNNER_FILES[ind.runner].map((n) => joinPath(d, n)));
  for (const path of candidates) {
    if (!path) continue;
    const file = await readRunner(ind.runner, path, ctx, facts);
    if (!file) continue;
    const home = dirname(path);
    // cargo reads .cargo/config.toml from the folder above `.cargo`
    const runsIn = ind.runner === 'cargo' ? dirname(home) : home;
    if (ind.runner === 'cargo') {
      const alias = file.file.tasks.get(ind.tasks[0]);
      if (!alias) continue; // not an alias here: cargo looks further up
      const lines = alias.lines.map((l) => ({ text: ['cargo', l.text, ...(ind.args ?? [])].join(' '), loc: l.loc, written: l.written }));
      return { lines, cwd: runsIn, key: `runner:cargo:${path}:${ind.tasks[0]}` };
    }
    const lines = await runnerTaskLines(ind.runner, file, path, ind.tasks, ctx, facts);
    return { lines, cwd: runsIn, key: `runner:${ind.runner}:${path}:${ind.tasks.join(',')}` };
  }
  return undefined;
}

async function readRunner(kind: RunnerKind, path: string, ctx: FactsContext, facts: FileFacts): Promise<RunnerSupport | undefined> {
  facts.reads.add(path);
  const f = await ctx.support(path, `runner:${kind}`);
  return f?.kind === 'runner' && (f.file.tasks.size > 0 || f.file.includes.length > 0) ? f : undefined;
}

/** The lines of the named tasks and of every task they run first or call, breadth first, each task once. */
async function runnerTaskLines(kind: RunnerKind, main: RunnerSupport, mainPath: string, named: string[], ctx: FactsContext, facts: FileFacts): Promise<ShellLine[]> {
  const lines: ShellLine[] = [];
  const read = new Set<RunnerTask>();
  // tox without env_list runs its base environment
  const wanted = named.length ? named : main.file.defaults.length ? main.file.defaults : kind === 'tox' ? [''] : [];
  const queue: { name: string; file: RunnerFile; ns: string }[] = wanted.map((name) => ({ name, file: main.file, ns: '' }));
  const included = new Map<string, Promise<RunnerSupport | undefined>>();
  for (let steps = 0; queue.length && steps < MAX_RUNNER_TASKS; steps++) {
    const { name, file, ns } = queue.shift()!;
    let found: { task: RunnerTask; file: RunnerFile; ns: string } | undefined;
    const local = file.tasks.get(name.startsWith(':') ? name.slice(1) : name);
    // tox environments without a section of their own (`py312`) run the base `[testenv]`
    if (local) found = { task: local, file, ns };
    else if (kind === 'tox' && file.tasks.has('')) found = { task: file.tasks.get('')!, file, ns };
    else if (kind === 'task') {
      // `ns:task` of an included Taskfile (a folder means the Taskfile in it)
      const full = name.startsWith(':') ? name.slice(1) : ns + name;
      const cut = full.lastIndexOf(':');
      const inc = cut > 0 ? main.file.includes.find((x) => x.namespace === full.slice(0, cut)) : undefined;
      if (inc) {
        let pending = included.get(inc.namespace);
        if (!pending) included.set(inc.namespace, (pending = readIncludedTaskfile(resolvePath(dirname(mainPath), inc.path), ctx, facts)));
        const sub = await pending;
        const task = sub?.file.tasks.get(full.slice(cut + 1));
        if (sub && task) found = { task, file: sub.file, ns: inc.namespace + ':' };
      }
    }
    if (!found || read.has(found.task)) continue;
    read.add(found.task);
    lines.push(...found.task.lines);
    for (const c of found.task.calls) queue.push({ name: c, file: found.file, ns: found.ns });
  }
  return lines;
}

async function readIncludedTaskfile(target: string | undefined, ctx: FactsContext, facts: FileFacts): Promise<RunnerSupport | undefined> {
  if (target === undefined) return undefined;
  if (/\.ya?ml$/i.test(target)) return readRunner('task', target, ctx, facts);
  for (const n of RUNNER_FILES.task) {
    const f = await readRunner('task', joinPath(target, n), ctx, facts);
    if (f) return f;
  }
  return undefined;
}

/** `git clone URL [dir]` (and `gh repo clone owner/name [dir]`): the folder it creates, from `cwd`, and the repository. */
function clonedInto(inv: Invocation, cwd: string): { dir: string; url: string } | undefined {
  // `git -C dir clone` creates its folder under dir, not under the step's folder: not followed.
  if (inv.kind === 'run' && inv.program === 'git' && inv.args[0] !== 'clone') return undefined;
  const clone = cloneCommand(inv);
  if (!clone) return undefined;
  const dirName = clone.dir ?? clone.url.replace(/\/+$/, '').replace(/\.git$/, '').split(/[/:]/).pop();
  if (!dirName || dirName.includes('$')) return undefined;
  const dir = resolvePath(cwd, dirName);
  return dir ? { dir, url: clone.url } : undefined;
}

/** An image build whose Dockerfile lies in a folder the job cloned: that Dockerfile's path and the repository. */
function clonedSource(ind: Extract<Indirection, { kind: 'image-build' }>, state: LineState): { dockerfile: string; url: string } | undefined {
  if (!state.clones?.size) return undefined;
  const context = resolvePath(state.cwd, ind.context);
  const dockerfile = ind.file !== undefined ? resolvePath(state.cwd, ind.file) : context !== undefined ? joinPath(context, 'Dockerfile') : undefined;
  if (dockerfile === undefined) return undefined;
  for (const [dir, url] of state.clones) if (dockerfile === dir || dockerfile.startsWith(`${dir}/`)) return { dockerfile, url };
  return undefined;
}

/** Keys of resolved image builds: `image:` and the Dockerfile's path. */
const IMAGE_KEY = 'image:';

function imagePathOf(key: string): string {
  return key.slice(IMAGE_KEY.length);
}

/** The catalogue's image build actions by lower-case name (`imageBuildActions:` in model/probes.yaml). */
const imageBuildActionsOf = new WeakMap<Catalogue, Map<string, ImageBuildAction>>();

function imageBuildAction(cat: Catalogue, uses: string): ImageBuildAction | undefined {
  let byName = imageBuildActionsOf.get(cat);
  if (!byName) imageBuildActionsOf.set(cat, (byName = new Map((cat.imageBuildActions ?? []).map((a) => [a.action.toLowerCase(), a]))));
  return byName.get(uses.split('@')[0].trim().toLowerCase());
}

/** An action step that builds an image from a Dockerfile of the checkout: which one, and whether it pushes. */
function actionImageBuild(cat: Catalogue, uses: string, inputs: Record<string, Located>): { build: Indirection; pushes: boolean } | undefined {
  const action = imageBuildAction(cat, uses);
  if (!action) return undefined;
  const raw = (k: string) => inputs[k]?.value.trim();
  const first = (keys: string[]) => keys.map((k) => raw(k)?.split('\n')[0].trim()).find((v) => v !== undefined && v !== '');
  const contextIn = first(action.context);
  // build-push-action without `context` builds from the checkout (Git context): its Dockerfile at the root
  const context = contextIn === undefined || contextIn === '.' || contextIn === '{{defaultContext}}' ? '' : checkoutFolder(contextIn);
  if (context === undefined) return undefined;
  const fileIn = first(action.file);
  if (fileIn && (fileIn.includes('${{') || fileIn.includes('$'))) return undefined;
  const file = fileIn ? checkoutFolder(fileIn) : undefined;
  if (fileIn && !file) return undefined;
  // `push: false` (the default) builds to test; `true` or an expression (`push on main`) publishes,
  // and so does a buildx output spec with `push=true`.
  const pushes =
    action.push.some((k) => {
      const v = raw(k)?.toLowerCase();
      return !!v && v !== 'false';
    }) || action.outputs.some((k) => /(^|[,\s])push=true\b/i.test(raw(k) ?? ''));
  return { build: file ? { kind: 'image-build', context, file } : { kind: 'image-build', context }, pushes };
}
