// Container and deployment probes: pure functions over parsed container files (the engine
// passes only files in scope; test/fixture/example folders are excluded upstream).
import { Evidence, Finding, outcome, ProbeAnchor, ProbeOutcome, ProbeResult } from './probeTypes';
import { Loc, Located } from '../types';
import { dirname, resolvePath } from '../../fs';
import { pipeToShellMessage } from './weakControls';
import { unverifiedScriptRuns } from '../parse/shell';
import { hasDigest, hasVariables, isPlainOsImage, isRootUser, splitImage, substitute } from '../parse/containers/common';
import { commandLines, mappedLoc, stageChain } from '../parse/containers/dockerfile';
import { NETWORK_POLICY_KINDS } from '../parse/containers/kubernetes';
import { chartDirOf, containerScope } from './containerScope';
import { ImageUsage } from './imageUse';
import { RuntimeElsewhere, withRuntimeElsewhere } from './runtimeTarget';
import {
  ComposeFile,
  ContainerSpec,
  DockerfileFile,
  DockerStage,
  HelmTemplateSetting,
  HelmTemplateWorkload,
  HelmValueBlock,
  HelmValuesFile,
  ImageRef,
  K8sResource,
  KeyValue,
  KoConfigFile,
  KubernetesFile,
  ParsedContainerFile,
  PodSpec,
  SecurityContextSpec,
  ServiceSpec,
} from '../parse/containers/types';

/**
 * The container probes, in the order runContainerProbes returns them, with the files their gaps
 * are about (the `anchor` trait that catalogue probes declare in model/probes.yaml).
 */
export const CONTAINER_PROBES: Readonly<Record<string, Exclude<ProbeAnchor, 'pipeline'>>> = {
  'container.present': 'dockerfile',
  'container.non-root': 'dockerfile',
  'container.base-image-digest': 'dockerfile',
  'container.healthcheck': 'dockerfile',
  'container.weak-instructions': 'dockerfile',
  'k8s.security-context': 'kubernetes',
  'k8s.network-policy': 'kubernetes',
  'deploy.rolling-update': 'kubernetes',
  'deploy.canary': 'kubernetes',
  'deploy.blue-green': 'kubernetes',
};

export const CONTAINER_PROBE_IDS: readonly string[] = Object.keys(CONTAINER_PROBES);

/**
 * `usage`: what the pipelines build and push, when it tells which Dockerfiles ship (imageUse.ts);
 * `elsewhere`: repositories the workloads are deployed from (runtimeTarget.ts).
 */
export function runContainerProbes(files: ParsedContainerFile[], usage?: ImageUsage, elsewhere: readonly RuntimeElsewhere[] = []): ProbeOutcome[] {
  return [
    probePresent(files, usage),
    probeNonRoot(files, usage),
    probeBaseImageDigest(files, usage),
    probeHealthcheck(files, usage, elsewhere),
    probeWeakInstructions(files, usage),
    probeSecurityContext(files, usage, elsewhere),
    probeNetworkPolicy(files),
    probeRollingUpdate(files),
    probeCanary(files),
    probeBlueGreen(files),
  ];
}

// ---------------------------------------------------------------------------------------
// Shared helpers

function dockerfiles(files: ParsedContainerFile[]): DockerfileFile[] {
  return files.filter((f): f is DockerfileFile => f.kind === 'dockerfile' && f.stages.length > 0);
}
function composeFiles(files: ParsedContainerFile[]): ComposeFile[] {
  return files.filter((f): f is ComposeFile => f.kind === 'compose');
}
function k8sFiles(files: ParsedContainerFile[]): KubernetesFile[] {
  return files.filter((f): f is KubernetesFile => f.kind === 'kubernetes');
}
function valuesFiles(files: ParsedContainerFile[]): HelmValuesFile[] {
  return files.filter((f): f is HelmValuesFile => f.kind === 'helm-values');
}

interface Workload {
  file: KubernetesFile;
  resource: K8sResource;
  pod: PodSpec;
}

function workloads(files: ParsedContainerFile[]): Workload[] {
  const out: Workload[] = [];
  for (const file of k8sFiles(files)) for (const resource of file.resources) if (resource.pod) out.push({ file, resource, pod: resource.pod });
  return out;
}

function resourceName(r: K8sResource): string {
  return `${r.kind}/${r.name ?? '(unnamed)'}`;
}

function containerName(c: ContainerSpec): string {
  return c.name || '(unnamed)';
}

/** all → pass, some → partial, none → fail, nothing to check → not-applicable. */
function resultOf(ok: number, total: number): ProbeResult {
  if (total === 0) return 'not-applicable';
  if (ok >= total) return 'pass';
  return ok === 0 ? 'fail' : 'partial';
}

/**
 * Shipped images the pipelines build from a Dockerfile they clone from another repository: that
 * file is not in the scan, so with nothing else to judge the verdict is unknown, naming the
 * repository; beside judged files they are named in a note.
 */
function withClonedImages(result: ProbeResult, usage: ImageUsage | undefined, notes: string[]): ProbeResult {
  const cloned = usage?.cloned ?? [];
  if (!cloned.length) return result;
  const repos = [...new Set(cloned.map((c) => c.url))];
  const at = cloned.map((c) => `${c.evidence.loc.path}:${c.evidence.loc.line}`);
  notes.unshift(`${cloned.length} shipped image(s) built from a Dockerfile cloned at build time from ${repos.join(', ')} (${at.slice(0, 2).join(', ')}${at.length > 2 ? ', …' : ''}): not in the scan, check it there`);
  return result === 'not-applicable' ? 'unknown' : result;
}

class EvidenceList {
  readonly items: Evidence[] = [];
  private readonly seen = new Set<string>();
  add(loc: Loc, text: string): void {
    const key = `${loc.path}:${loc.line}:${loc.column}:${loc.endLine}:${loc.endColumn}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.items.push({ loc, text: text.trim() });
  }
}

function stageLabel(s: DockerStage): string {
  return s.name?.value ?? String(s.index);
}

function firstRawLine(text: string): string {
  const nl = text.indexOf('\n');
  return (nl < 0 ? text : text.slice(0, nl)).trim();
}

function fromText(s: DockerStage): string {
  return `FROM ${s.image.platform ? `--platform=${s.image.platform} ` : ''}${s.from.value}${s.name ? ` AS ${s.name.value}` : ''}`;
}

/** Compose values may use `${VAR:-default}`: the default is taken; unknown variables leave it unresolved. */
function composeValue(v: string): string | undefined {
  return hasVariables(v) ? substitute(v, () => undefined) : v;
}

// ---------------------------------------------------------------------------------------
// container.present

/** container.present's note when there is nothing at all (otherwise a failing verdict's note says what was left out). */
export const NO_CONTAINER_FILES = 'No Dockerfile, compose, Kubernetes, Helm or Kustomize definitions found';

export function probePresent(files: ParsedContainerFile[], usage?: ImageUsage): ProbeOutcome {
  const ev = new EvidenceList();
  const scope = containerScope(files, usage);
  for (const f of files) {
    if (scope.fileReason(f.path)) continue;
    switch (f.kind) {
      case 'dockerfile':
        if (f.stages[0]) ev.add(f.stages[0].fromLoc, fromText(f.stages[0]));
        break;
      case 'compose':
        if (f.anchor && f.services.length > 0) ev.add(f.anchor, `services: ${f.services.map((s) => s.name).join(', ')}`);
        break;
      case 'kubernetes': {
        const r = f.resources.find((x) => x.pod) ?? f.resources[0];
        if (r) ev.add(r.loc, `kind: ${r.kind}${r.name ? ` (${r.name})` : ''}`);
        break;
      }
      case 'helm-chart':
        if (f.name) ev.add(f.name.loc, `Helm chart ${f.name.value}`);
        break;
      case 'helm-values':
        if (f.images[0]) ev.add(f.images[0].loc, `image: ${imageOfValues(f.images[0]) ?? ''}`);
        break;
      case 'kustomization':
        if (f.anchor) ev.add(f.anchor, `kustomization: ${f.resources.map((r) => r.value).join(', ')}`);
        break;
      case 'ko-config':
        for (const b of koBaseImages(f)) ev.add(b.loc, `ko base image ${b.value}`);
        break;
    }
  }
  const leftOut = scope.note('container file(s)');
  // Images the pipelines build from another repository's Dockerfile and push ship from here too.
  for (const c of usage?.cloned ?? []) ev.add(c.evidence.loc, `${c.evidence.text} (Dockerfile cloned from ${c.url})`);
  if (ev.items.length === 0) return outcome('container.present', 'fail', [], leftOut ? [leftOut] : [NO_CONTAINER_FILES]);
  return outcome('container.present', 'pass', ev.items, leftOut ? [leftOut] : []);
}

function imageOfValues(img: HelmValuesFile['images'][number]): string | undefined {
  if (img.ref) return img.ref.value;
  const repo = [img.registry?.value, img.repository?.value].filter((x) => x).join('/');
  return `${repo}${img.tag?.value ? `:${img.tag.value}` : ''}${img.digest?.value ? `@${img.digest.value}` : ''}`;
}

// ---------------------------------------------------------------------------------------
// container.non-root

const ID_NON_ROOT = 'container.non-root';

export function probeNonRoot(files: ParsedContainerFile[], usage?: ImageUsage): ProbeOutcome {
  const ev = new EvidenceList();
  const notes: string[] = [];
  const findings: Finding[] = [];
  const scope = containerScope(files, usage);
  let ok = 0;
  let total = 0;
  /** Counts a verdict unless its file or workload is left out (its finding is listed either way). */
  const tally = (judged: boolean, good: boolean) => {
    if (!judged) return;
    total++;
    if (good) ok++;
  };

  for (const f of dockerfiles(files)) {
    const judged = !scope.fileReason(f.path);
    const final = f.stages[f.stages.length - 1];
    const chain = stageChain(f, final);
    const withUser = chain.find((s) => s.user);
    const base = chain[chain.length - 1];
    const data = { stage: stageLabel(final), index: String(final.index), image: final.from.value, path: f.path };
    if (!withUser || !withUser.user) {
      if (runsAsNonRoot(base.image)) {
        tally(judged, true);
        if (judged) ev.add(base.from.loc, fromText(base));
        notes.push(`${f.path}: the base image \`${base.from.value}\` runs as a non-root user`);
        continue;
      }
      tally(judged, false);
      const elsewhere = f.stages.filter((s) => s.user && !chain.includes(s));
      if (elsewhere.length > 0) notes.push(`${f.path}: USER in stage ${elsewhere.map((s) => `\`${stageLabel(s)}\``).join(', ')} does not apply to the final stage`);
      findings.push({
        probe: ID_NON_ROOT,
        code: 'root-user',
        message: `The final stage (${final.name ? `\`${final.name.value}\`, ` : ''}FROM ${final.from.value}) sets no USER, so the container runs as root`,
        loc: final.fromLoc,
        severity: 'warning',
        data,
      });
      continue;
    }
    const user = withUser.user;
    const resolved = withUser.userResolved;
    if (resolved === undefined) {
      tally(judged, true);
      if (judged) ev.add(user.loc, `USER ${user.value}`);
      notes.push(`${f.path}: USER ${user.value} could not be resolved; counted as non-root`);
    } else if (isRootUser(resolved)) {
      tally(judged, false);
      findings.push({
        probe: ID_NON_ROOT,
        code: 'root-user',
        message: `The final stage runs as root (USER ${user.value}${resolved !== user.value ? ` = ${resolved}` : ''})`,
        loc: user.loc,
        severity: 'warning',
        data: { ...data, user: resolved },
      });
    } else {
      tally(judged, true);
      if (judged) ev.add(user.loc, `USER ${user.value}`);
    }
  }

  // ko sets no user: its images run as their base image's user.
  for (const f of files) {
    if (f.kind !== 'ko-config') continue;
    const judged = !scope.fileReason(f.path);
    for (const b of koBaseImages(f)) {
      const nonRoot = runsAsNonRoot(splitImage(b.value));
      tally(judged, nonRoot);
      if (nonRoot) {
        if (judged) ev.add(b.loc, `ko base image ${b.value}`);
        continue;
      }
      findings.push({
        probe: ID_NON_ROOT,
        code: 'root-user',
        message: `ko builds on \`${b.value}\`, which runs as root, and ko sets no user: a non-root base (a \`:nonroot\` tag, Chainguard static) runs it as non-root`,
        loc: b.loc,
        severity: 'warning',
        data: { image: b.value, path: f.path },
      });
    }
  }

  let composeUnset = 0;
  for (const f of composeFiles(files)) {
    const judged = !scope.fileReason(f.path);
    for (const s of f.services) {
      if (!s.user) {
        if (judged) composeUnset++;
        continue;
      }
      const resolved = composeValue(s.user.value);
      if (resolved !== undefined && isRootUser(resolved)) {
        tally(judged, false);
        findings.push({
          probe: ID_NON_ROOT,
          code: 'root-user',
          message: `Service \`${s.name}\` runs as root (user: ${s.user.value})`,
          loc: s.user.loc,
          severity: 'warning',
          data: { service: s.name, user: s.user.value, path: f.path },
        });
      } else {
        tally(judged, true);
        if (judged) ev.add(s.user.loc, `user: ${s.user.value}`);
      }
    }
  }
  if (composeUnset > 0) notes.push(`${composeUnset} compose service(s) set no \`user\`: their image decides`);

  let k8sUnset = 0;
  for (const w of workloads(files)) {
    const judged = !scope.workloadReason(w.file.path, w.resource);
    for (const c of [...w.pod.initContainers, ...w.pod.containers]) {
      const verdict = k8sUser(w.pod, c);
      if (verdict.kind === 'unset') {
        if (judged) k8sUnset++;
        continue;
      }
      tally(judged, verdict.kind === 'ok');
      if (verdict.kind === 'ok') {
        if (judged) ev.add(verdict.at.loc, verdict.text);
      } else {
        findings.push({
          probe: ID_NON_ROOT,
          code: 'root-user',
          message: `Container \`${containerName(c)}\` of ${resourceName(w.resource)} runs as root (${verdict.text})`,
          loc: verdict.at.loc,
          severity: 'warning',
          data: { resource: resourceName(w.resource), container: containerName(c), path: w.file.path },
        });
      }
    }
  }
  if (k8sUnset > 0) notes.push(`${k8sUnset} Kubernetes container(s) set neither runAsNonRoot nor runAsUser: their image decides`);

  for (const chart of charts(files)) {
    const judged = !scope.fileReason(chart.dir === '' ? 'Chart.yaml' : `${chart.dir}/Chart.yaml`);
    for (const sc of chartSecurityContexts(chart)) {
      const verdict = userVerdictOf(sc.runAsUser, sc.runAsNonRoot);
      if (verdict.kind === 'unset') continue;
      tally(judged, verdict.kind === 'ok');
      if (verdict.kind === 'ok') {
        if (judged) ev.add(verdict.at.loc, verdict.text);
      } else {
        const message = verdict.text === 'runAsUser: 0' ? `\`${sc.where}.runAsUser: 0\` runs the container as root` : `\`${sc.where}.runAsNonRoot: false\` allows running as root`;
        findings.push({ probe: ID_NON_ROOT, code: 'root-user', message, loc: verdict.at.loc, severity: 'warning', data: { keyPath: sc.where, path: verdict.at.loc.path } });
      }
    }
  }

  const leftOut = scope.note('container definition(s)');
  if (leftOut) notes.push(leftOut);
  return outcome(ID_NON_ROOT, withClonedImages(resultOf(ok, total), usage, notes), ev.items, notes, findings);
}

/** Base images whose default user is not root: `:nonroot` tags (distroless and others), Chainguard images (not their `-dev` variants). */
function runsAsNonRoot(image: ImageRef): boolean {
  if (image.tag && /(^|[-_.])nonroot($|[-_.])/i.test(image.tag)) return true;
  return /^cgr\.dev\/chainguard\//i.test(image.name) && !/(^|-)dev$/i.test(image.tag ?? '');
}

/** The base images a .ko.yaml names (ko's own default, when none is named, is not in the file). */
function koBaseImages(f: KoConfigFile): Located[] {
  return [...(f.defaultBaseImage ? [f.defaultBaseImage] : []), ...f.baseImageOverrides];
}

type UserVerdict = { kind: 'unset' } | { kind: 'ok' | 'root'; at: Located<unknown>; text: string };

/**
 * runAsUser 0 is root; otherwise runAsNonRoot: true, or a non-zero runAsUser (whatever runAsNonRoot
 * says), is non-root; runAsNonRoot: false alone allows root.
 */
function userVerdictOf(runAsUser: Located<number> | undefined, runAsNonRoot: Located<boolean> | undefined): UserVerdict {
  if (runAsUser?.value === 0) return { kind: 'root', at: runAsUser, text: 'runAsUser: 0' };
  if (runAsNonRoot?.value) return { kind: 'ok', at: runAsNonRoot, text: 'runAsNonRoot: true' };
  if (runAsUser) return { kind: 'ok', at: runAsUser, text: `runAsUser: ${runAsUser.value}` };
  if (runAsNonRoot) return { kind: 'root', at: runAsNonRoot, text: 'runAsNonRoot: false' };
  return { kind: 'unset' };
}

/** A container's effective user settings (container-level overrides pod-level). */
function k8sUser(pod: PodSpec, c: ContainerSpec): UserVerdict {
  return userVerdictOf(c.securityContext?.runAsUser ?? pod.securityContext?.runAsUser, c.securityContext?.runAsNonRoot ?? pod.securityContext?.runAsNonRoot);
}

// ---------------------------------------------------------------------------------------
// Helm charts: values files and templates grouped by chart folder

interface Chart {
  dir: string;
  values: HelmValuesFile[];
  templates: { file: KubernetesFile; workload: HelmTemplateWorkload }[];
}

/** Charts by folder: a values file or a workload template makes one (a Chart.yaml alone does not). */
function charts(files: ParsedContainerFile[]): Chart[] {
  const byDir = new Map<string, Chart>();
  const chartOf = (dir: string) => byDir.get(dir) ?? byDir.set(dir, { dir, values: [], templates: [] }).get(dir)!;
  for (const f of files) {
    if (f.kind === 'helm-values') chartOf(chartDirOf(f.path)).values.push(f);
    else if (f.kind === 'kubernetes' && f.helm) for (const workload of f.helm.workloads) chartOf(chartDirOf(f.path)).templates.push({ file: f, workload });
  }
  return [...byDir.values()];
}

interface ChartSecurityContext extends SecurityContextSpec {
  /** `values.yaml: securityContext` or `templates/deployment.yaml: securityContext`, for messages. */
  where: string;
}

/** The securityContext blocks a chart sets: in its values files, and written literally in its templates. */
function chartSecurityContexts(chart: Chart): ChartSecurityContext[] {
  const out: ChartSecurityContext[] = [];
  for (const v of chart.values) for (const sc of v.securityContexts) out.push({ ...sc, where: sc.keyPath });
  for (const t of chart.templates) {
    for (const s of t.workload.settings) if (s.key === 'securityContext' && s.fields) out.push({ ...s.fields, where: `${t.file.path}: securityContext` });
  }
  return out;
}

/** The chart's values block at a dotted path, in the first values file that has it. */
function valuesBlock(chart: Chart, keyPath: string): HelmValueBlock | undefined {
  for (const v of chart.values) {
    const b = v.probes.find((p) => p.keyPath === keyPath);
    if (b) return b;
  }
  return undefined;
}

/**
 * Does a template's probe setting render? Literal children do; `toYaml .Values.x` does when the
 * values give `x` content; a `with`/`if` guard above it must hold (an `enabled: false` switches it off).
 */
function templateSettingRenders(chart: Chart, s: HelmTemplateSetting): { renders: boolean; at?: Loc } {
  let at: Loc | undefined = s.literal ? s.loc : undefined;
  if (s.guard) {
    const guardPath = s.guard.endsWith('.enabled') ? s.guard.slice(0, -'.enabled'.length) : s.guard;
    const block = valuesBlock(chart, guardPath);
    if (block?.enabled && !block.enabled.value) return { renders: false };
    if (block && !s.guard.endsWith('.enabled') && block.empty) return { renders: false };
    if (block && !s.literal && !s.valuesPath && !block.empty) at = block.loc;
  }
  if (s.valuesPath) {
    const block = valuesBlock(chart, s.valuesPath);
    if (block && !block.empty && block.enabled?.value !== false) at ??= block.loc;
  }
  return at ? { renders: true, at } : { renders: false };
}

// ---------------------------------------------------------------------------------------
// container.base-image-digest

const ID_DIGEST = 'container.base-image-digest';

type ImageVerdict = { pinned: true } | { pinned: false; code: 'latest-tag' | 'untagged-image' | 'unpinned-image'; message: string };

function imageVerdict(written: string, ref: ImageRef): ImageVerdict {
  if (hasDigest(ref)) return { pinned: true };
  if (ref.tag === undefined) return { pinned: false, code: 'untagged-image', message: `\`${written}\` has no tag or digest, so it means \`:latest\`; pin it with @sha256:…` };
  if (ref.tag.toLowerCase() === 'latest') return { pinned: false, code: 'latest-tag', message: `\`${written}\` uses the moving \`:latest\` tag; pin it with @sha256:…` };
  return { pinned: false, code: 'unpinned-image', message: `\`${written}\` is pinned by tag only; a digest (@sha256:…) makes it immutable` };
}

export function probeBaseImageDigest(files: ParsedContainerFile[], usage?: ImageUsage): ProbeOutcome {
  const ev = new EvidenceList();
  const notes: string[] = [];
  const findings: Finding[] = [];
  let ok = 0;
  let total = 0;
  const scope = containerScope(files, usage);
  let deployRefs = 0;
  /** `base`: a FROM line, which the verdict judges; image references in deploy files are only listed. */
  const check = (written: string, ref: ImageRef, loc: Loc, evidenceText: string, data: Record<string, string>, base = false) => {
    const judged = base && !scope.fileReason(loc.path);
    if (!base) deployRefs++;
    if (judged) total++;
    const v = imageVerdict(written, ref);
    if (v.pinned) {
      if (judged) {
        ok++;
        ev.add(loc, evidenceText);
      }
      return;
    }
    const d: Record<string, string> = { ...data, image: written, name: ref.name };
    if (ref.tag !== undefined) d.tag = ref.tag;
    findings.push({ probe: ID_DIGEST, code: v.code, message: v.message, loc, severity: v.code === 'unpinned-image' ? 'information' : 'warning', data: d });
  };

  for (const f of dockerfiles(files)) {
    for (const s of f.stages) {
      if (s.parent !== undefined || s.scratch || !s.from.value) continue;
      if (s.image.unresolved) {
        notes.push(`${f.path}: FROM ${s.from.value} could not be resolved`);
        continue;
      }
      check(s.image.resolved ?? s.from.value, s.image, s.from.loc, fromText(s), { stage: stageLabel(s), index: String(s.index), path: f.path }, true);
    }
  }
  for (const f of files) {
    if (f.kind !== 'ko-config') continue;
    for (const b of koBaseImages(f)) {
      if (/\{\{|\$\{?\w/.test(b.value)) {
        notes.push(`${f.path}: ko base image ${b.value} is templated`);
        continue;
      }
      check(b.value, splitImage(b.value), b.loc, `ko base image ${b.value}`, { path: f.path }, true);
    }
    if (!f.defaultBaseImage) notes.push(`${f.path} names no defaultBaseImage: ko's default base image is used, unpinned`);
  }
  for (const f of composeFiles(files)) {
    for (const s of f.services) {
      if (!s.image || s.build) continue; // with `build`, `image` names the built image
      const value = composeValue(s.image.value);
      if (value === undefined || value.trim() === '') {
        notes.push(`${f.path}: image ${s.image.value} of service \`${s.name}\` could not be resolved`);
        continue;
      }
      check(value, splitImage(value), s.image.loc, `image: ${s.image.value}`, { service: s.name, path: f.path });
    }
  }
  for (const w of workloads(files)) {
    for (const c of [...w.pod.initContainers, ...w.pod.containers]) {
      // ko:// references are built and pinned by `ko resolve`/`ko apply`.
      if (!c.image || c.image.value.startsWith('ko://')) continue;
      if (/\$|\{\{/.test(c.image.value)) {
        notes.push(`${w.file.path}: image ${c.image.value} of container \`${containerName(c)}\` is templated`);
        continue;
      }
      check(c.image.value, splitImage(c.image.value), c.image.loc, `image: ${c.image.value}`, { resource: resourceName(w.resource), container: containerName(c), path: w.file.path });
    }
  }
  for (const f of valuesFiles(files)) {
    for (const img of f.images) {
      const data = { keyPath: img.keyPath, path: f.path };
      if (img.ref) {
        check(img.ref.value, splitImage(img.ref.value), img.ref.loc, `image: ${img.ref.value}`, data);
        continue;
      }
      const repo = img.repository ?? img.registry;
      if (!repo) continue;
      if (img.digest && img.digest.value.trim() !== '') {
        check(imageOfValues(img) ?? repo.value, { name: repo.value, digest: img.digest.value }, img.digest.loc, `digest: ${img.digest.value}`, data);
      } else if (img.tag && img.tag.value !== '') {
        const ref = splitImage(`${repo.value}:${img.tag.value}`);
        check(`${repo.value}:${img.tag.value}`, ref, img.tag.loc, `tag: ${img.tag.value}`, data);
      } else {
        deployRefs++;
        findings.push({
          probe: ID_DIGEST,
          code: 'unpinned-image',
          message: `\`${img.keyPath}\` (${repo.value}) sets no tag or digest: the chart's appVersion tag is used; a digest makes it immutable`,
          loc: img.tag?.loc ?? img.loc,
          severity: 'information',
          data: { ...data, image: repo.value, name: repo.value },
        });
      }
    }
  }
  for (const f of files) {
    if (f.kind !== 'kustomization') continue;
    for (const img of f.images) {
      const name = img.newName?.value ?? img.name.value;
      if (img.digest) {
        check(`${name}@${img.digest.value}`, { name, digest: img.digest.value }, img.digest.loc, `digest: ${img.digest.value}`, { path: f.path });
      } else if (img.newTag) {
        check(`${name}:${img.newTag.value}`, { name, tag: img.newTag.value }, img.newTag.loc, `newTag: ${img.newTag.value}`, { path: f.path });
      } else if (img.newName && /@sha256:/i.test(img.newName.value)) {
        check(img.newName.value, splitImage(img.newName.value), img.newName.loc, `newName: ${img.newName.value}`, { path: f.path });
      }
    }
  }
  if (deployRefs > 0) notes.push(`${deployRefs} image reference(s) in compose, Kubernetes, Helm or kustomize files listed, not judged: a digest there pins what is deployed, this check is about the base images an image is built FROM`);
  const leftOut = scope.note('Dockerfile(s)');
  if (leftOut) notes.push(leftOut);
  return outcome(ID_DIGEST, withClonedImages(resultOf(ok, total), usage, notes), ev.items, notes, findings);
}

// ---------------------------------------------------------------------------------------
// container.healthcheck

const ID_HEALTH = 'container.healthcheck';
/** Batch workloads finish by design: liveness/readiness probes do not apply. */
const BATCH_KINDS = new Set(['Job', 'CronJob']);

/**
 * Judged by what ships: under Kubernetes the pod probes are the health check (Kubernetes ignores a
 * Dockerfile HEALTHCHECK), so Dockerfiles count only where no workload manifest or chart is there;
 * a compose service built from a Dockerfile is covered by its own healthcheck or by that
 * Dockerfile's HEALTHCHECK; services that run someone else's image without a healthcheck are not
 * ours to judge; containers that open no port (clients, workers) have nothing to probe for
 * readiness; the image of a command-line tool runs no long-lived process. Every gap is still a finding.
 */
export function probeHealthcheck(files: ParsedContainerFile[], usage?: ImageUsage, elsewhere: readonly RuntimeElsewhere[] = []): ProbeOutcome {
  const ev = new EvidenceList();
  const notes: string[] = [];
  const findings: Finding[] = [];
  const scope = containerScope(files, usage);
  let ok = 0;
  let total = 0;

  const services = workloads(files).filter((w) => !BATCH_KINDS.has(w.resource.kind) && !scope.workloadReason(w.file.path, w.resource));
  const chartList = charts(files);
  const chartWorkloads = chartList.flatMap((c) => c.templates.filter((t) => !BATCH_KINDS.has(t.workload.kind)).map((t) => ({ chart: c, judged: !scope.fileReason(t.file.path), ...t })));
  const composeJudged = composeFiles(files).filter((f) => f.services.length > 0 && !scope.fileReason(f.path));
  // Images also run by compose run without an orchestrator: their HEALTHCHECK matters.
  const orchestrated = services.length + chartWorkloads.filter((w) => w.judged).length > 0 && composeJudged.length === 0;

  const dockerfileAt = new Map(dockerfiles(files).map((f) => [f.path, f]));
  // Dockerfiles a compose service with its own healthcheck builds.
  const coveredBy = new Map<string, Located>();
  for (const f of composeFiles(files)) {
    const judged = !scope.fileReason(f.path);
    for (const s of f.services) {
      const hc = s.healthcheck;
      const built = s.build ? composeDockerfilePath(f.path, s.build.value, s.dockerfile?.value) : undefined;
      if (hc?.disabled) {
        findings.push({ probe: ID_HEALTH, code: 'no-healthcheck', message: `The health check of service \`${s.name}\` is disabled`, loc: hc.disabledLoc ?? hc.loc, severity: 'information', data: { service: s.name, disabled: 'true', path: f.path } });
      } else if (hc) {
        const check = { value: hc.test ? `healthcheck: ${hc.test.value}` : 'healthcheck:', loc: hc.test?.loc ?? hc.loc };
        if (judged) {
          total++;
          ok++;
          ev.add(check.loc, check.value);
        }
        if (built !== undefined) coveredBy.set(built, check);
      } else if (s.build) {
        // Judged through the Dockerfile it builds (below), when that file is in the scan.
        if (judged && (built === undefined || !dockerfileAt.has(built))) notes.push(`Service \`${s.name}\` (${f.path}) builds ${built ?? s.build.value}, which is not among the scanned files: its health check is not judged`);
      } else {
        findings.push({ probe: ID_HEALTH, code: 'no-healthcheck', message: `Service \`${s.name}\` has no healthcheck`, loc: s.loc, severity: 'information', data: { service: s.name, path: f.path } });
      }
    }
  }

  let underK8s = 0;
  for (const f of dockerfiles(files)) {
    const final = f.stages[f.stages.length - 1];
    const chain = stageChain(f, final);
    const withHc = chain.find((s) => s.healthcheck);
    const data = { stage: stageLabel(final), index: String(final.index), image: final.from.value, path: f.path };
    const covered = coveredBy.get(f.path);
    const judged = !orchestrated && !scope.fileReason(f.path);
    if (withHc?.healthcheck && !withHc.healthcheckDisabled) {
      if (judged) {
        total++;
        ok++;
        const instr = withHc.instructions.find((i) => i.keyword === 'HEALTHCHECK' && i.loc.line === withHc.healthcheck?.loc.line);
        ev.add(withHc.healthcheck.loc, instr ? firstRawLine(instr.raw) : `HEALTHCHECK ${withHc.healthcheck.value}`);
      }
      continue;
    }
    if (covered) {
      if (judged) {
        total++;
        ok++;
        ev.add(covered.loc, covered.value);
      }
      continue;
    }
    const tool = withHc?.healthcheck ? undefined : commandLineTool(chain);
    if (withHc?.healthcheck) {
      findings.push({ probe: ID_HEALTH, code: 'no-healthcheck', message: 'HEALTHCHECK NONE disables the health check of the final image', loc: withHc.healthcheck.loc, severity: 'information', data: { ...data, disabled: 'true' } });
    } else if (!tool) {
      findings.push({ probe: ID_HEALTH, code: 'no-healthcheck', message: `The final stage (FROM ${final.from.value}) defines no HEALTHCHECK`, loc: final.fromLoc, severity: 'information', data });
    }
    if (tool) {
      if (judged) notes.push(`${f.path}: a command-line tool image (${tool}): no long-running process to health-check`);
    } else if (judged) total++;
    else if (orchestrated && !scope.fileReason(f.path)) underK8s++;
  }
  if (underK8s > 0) notes.push(`${underK8s} Dockerfile(s) without HEALTHCHECK not counted: the images run under Kubernetes, whose pod probes decide`);

  let portless = 0;
  for (const w of workloads(files)) {
    if (BATCH_KINDS.has(w.resource.kind)) continue;
    const judged = !scope.workloadReason(w.file.path, w.resource);
    for (const c of w.pod.containers) {
      const probe = c.livenessProbe ?? c.readinessProbe;
      if (probe) {
        if (judged) {
          total++;
          ok++;
          ev.add(probe, c.livenessProbe ? 'livenessProbe:' : 'readinessProbe:');
        }
        continue;
      }
      findings.push({
        probe: ID_HEALTH,
        code: 'no-healthcheck',
        message: `Container \`${containerName(c)}\` of ${resourceName(w.resource)} has no liveness or readiness probe`,
        loc: c.loc,
        severity: 'information',
        data: { resource: resourceName(w.resource), container: containerName(c), path: w.file.path },
      });
      if (!judged) continue;
      if (c.ports) total++;
      else portless++;
    }
  }

  for (const { chart, file, workload, judged } of chartWorkloads) {
    const rendered = workload.settings
      .filter((s) => s.key === 'livenessProbe' || s.key === 'readinessProbe')
      .map((s) => ({ s, ...templateSettingRenders(chart, s) }))
      .find((r) => r.renders);
    if (rendered?.at) {
      if (judged) {
        total++;
        ok++;
        ev.add(rendered.at, `${rendered.s.key}:${rendered.s.valuesPath ? ` (${file.path} fills it from .Values.${rendered.s.valuesPath})` : ''}`);
      }
      continue;
    }
    const written = workload.settings.some((s) => s.key === 'livenessProbe' || s.key === 'readinessProbe');
    findings.push({
      probe: ID_HEALTH,
      code: 'no-healthcheck',
      message: written ? `The ${workload.kind} of ${file.path} renders no liveness or readiness probe with the chart's values` : `The ${workload.kind} of ${file.path} has no liveness or readiness probe`,
      loc: workload.loc,
      severity: 'information',
      data: { resource: workload.kind, path: file.path },
    });
    if (!judged) continue;
    if (workload.ports || written) total++;
    else portless++;
  }
  if (portless > 0) notes.push(`${portless} container(s) without a probe open no port (clients and workers): nothing to probe for readiness, not counted`);

  const leftOut = scope.note('container definition(s)');
  if (leftOut) notes.push(leftOut);
  const k8sHere = services.length + chartWorkloads.filter((w) => w.judged).length > 0;
  const result = withRuntimeElsewhere(withClonedImages(resultOf(ok, total), usage, notes), elsewhere, k8sHere, 'their liveness and readiness probes', notes);
  return outcome(ID_HEALTH, result, result === 'unknown' ? [] : ev.items, notes, findings);
}

/** The Dockerfile a compose service builds: `dockerfile` (default `Dockerfile`) inside the build context. */
function composeDockerfilePath(composePath: string, context: string, dockerfile: string | undefined): string | undefined {
  if (/^[a-z][\w+.-]*:\/\//i.test(context) || /\$\{?\w/.test(context)) return undefined;
  const dir = resolvePath(dirname(composePath), context);
  if (dir === undefined) return undefined;
  return resolvePath(dir, dockerfile ?? 'Dockerfile');
}

/** Programs that usually start a service (interpreters and entry scripts decide at run time). */
const NOT_A_TOOL_PROGRAM = /^(sh|bash|ash|dash|zsh|node|deno|bun|python\d*(\.\d+)?|java|dotnet|ruby|php|php-fpm\d*|perl|npm|yarn|pnpm|nginx|httpd|apache2|caddy|supervisord|tini|dumb-init|s6-svscan|gunicorn|uvicorn|hypercorn|daphne|celery|uwsgi|puma|rails|flask|catalina\.sh|java-.*)$|entrypoint|\.sh$|\.py$|\.js$|\.rb$|\.jar$/i;
/** A default command that only prints usage or version. */
const HELP_ARGUMENT = /^(--help|-h|help|--version|version)$/;
/** Arguments that start something long-running. */
const SERVICE_WORD = /^-{0,2}(serve|server|start|run|daemon|watch|listen|agent|worker|controller|operator|web|api|http|grpc|up|dev|proxy|gateway|manager)\b/i;

/**
 * A command-line tool image: its default CMD only prints usage (`--help`), or it is built on a
 * plain OS base (or scratch) with no EXPOSE and its ENTRYPOINT/CMD runs a program of its own with
 * no service-like argument. Returns the command, or undefined when the image may run a service.
 */
function commandLineTool(chain: DockerStage[]): string | undefined {
  const instructions = [...chain].reverse().flatMap((s) => s.instructions);
  const last = (kw: string) => [...instructions].reverse().find((i) => i.keyword === kw);
  const entrypoint = last('ENTRYPOINT');
  const cmd = last('CMD');
  const words = [...(entrypoint?.words ?? []), ...(cmd?.words ?? [])].map((w) => w.value);
  if (words.length === 0) return undefined;
  const describe = `${entrypoint ? 'ENTRYPOINT' : 'CMD'} ${words.join(' ')}`;
  // An image whose default command prints its usage is a tool, whatever else it can be asked to run.
  if (cmd && cmd.words.length === 1 && HELP_ARGUMENT.test(cmd.words[0].value) && !words.some((w) => SERVICE_WORD.test(w))) return describe;
  const base = chain[chain.length - 1];
  if (!base.scratch && !isPlainOsImage(base.image.name)) return undefined;
  if (instructions.some((i) => i.keyword === 'EXPOSE')) return undefined;
  const program = words[0].split('/').pop() ?? words[0];
  if (NOT_A_TOOL_PROGRAM.test(program) || words.some((w) => SERVICE_WORD.test(w))) return undefined;
  return describe;
}

// ---------------------------------------------------------------------------------------
// container.weak-instructions

const ID_WEAK = 'container.weak-instructions';
const SECRET_NAME = /(PASSWORD|PASSWD|SECRET|TOKEN|API_KEY|APIKEY|PRIVATE_KEY|ACCESS_KEY)/i;
/** Names that point at a secret or describe one rather than hold it (`DB_PASSWORD_FILE`, `TOKEN_URL`, `PASSWORD_MIN_LENGTH`). */
const NOT_A_SECRET_NAME = /_(FILE|PATH|DIR|LOCATION|URL|URI|ENDPOINT|HOST|NAME|LENGTH)$/i;
/** Flags and small numbers are settings, not secrets (`TOKENIZERS_PARALLELISM=false`, `SECRET_KEY_BASE_DUMMY=1`). */
const NOT_A_SECRET_VALUE = /^(true|false|yes|no|on|off|none|null|\d{1,5})$/i;
const REMOTE = /^(https?|ftp):\/\/|^git@|\.git(#.*)?$/i;

export function probeWeakInstructions(files: ParsedContainerFile[], usage?: ImageUsage): ProbeOutcome {
  const ev = new EvidenceList();
  const findings: Finding[] = [];
  const scope = containerScope(files, usage);
  const dfs = dockerfiles(files);
  for (const f of dfs) {
    if (!scope.fileReason(f.path)) ev.add(f.stages[0].fromLoc, fromText(f.stages[0]));
    for (const kv of f.globalArgs) secretFinding(f, kv, 'ARG', findings);
    for (const s of f.stages) {
      for (const kv of s.args) secretFinding(f, kv, 'ARG', findings);
      for (const kv of s.env) secretFinding(f, kv, 'ENV', findings);
      for (const instr of s.instructions) {
        if (instr.keyword === 'RUN' && !instr.jsonForm) {
          for (const m of commandLines(instr, f.escape)) {
            for (const run of unverifiedScriptRuns({ text: m.text, loc: mappedLoc(f.path, m, 0, m.text.length) })) {
              findings.push({
                probe: ID_WEAK,
                code: 'pipe-to-shell',
                message: pipeToShellMessage(run),
                loc: mappedLoc(f.path, m, run.start ?? 0, run.end ?? m.text.length),
                severity: 'warning',
                data: { tool: run.fetcher, runner: run.runner, stage: stageLabel(s), path: f.path },
              });
            }
          }
        } else if (instr.keyword === 'ADD' && !instr.flags.includes('checksum')) {
          for (const w of instr.words.slice(0, -1)) {
            if (!REMOTE.test(w.value)) continue;
            findings.push({
              probe: ID_WEAK,
              code: 'add-remote-url',
              message: `ADD fetches ${w.value} without --checksum; its content is not verified`,
              loc: w.loc,
              severity: 'warning',
              data: { url: w.value, stage: stageLabel(s), path: f.path },
            });
          }
        }
      }
    }
  }
  // The verdict is about the Dockerfiles that ship; weak instructions elsewhere are still listed.
  const judged = dfs.filter((f) => !scope.fileReason(f.path));
  const judgedFindings = findings.filter((f) => !scope.fileReason(f.loc.path));
  const notes = judged.length > 0 ? [`${judged.length} Dockerfile(s) checked`] : [];
  const leftOut = scope.note('Dockerfile(s)');
  if (leftOut) notes.push(leftOut);
  if (judged.length === 0) return outcome(ID_WEAK, 'not-applicable', [], notes, findings);
  return outcome(ID_WEAK, judgedFindings.length > 0 ? 'fail' : 'pass', judgedFindings.length > 0 ? [] : ev.items, notes, findings);
}

function secretFinding(f: DockerfileFile, kv: KeyValue, instruction: 'ENV' | 'ARG', findings: Finding[]): void {
  if (!SECRET_NAME.test(kv.name) || NOT_A_SECRET_NAME.test(kv.name)) return;
  const value = (kv.value ?? '').trim().replace(/^(["'])(.*)\1$/, '$2');
  if (value === '' || value.includes('$') || NOT_A_SECRET_VALUE.test(value)) return;
  findings.push({
    probe: ID_WEAK,
    code: 'secret-in-env',
    message: `${instruction} ${kv.name} holds a literal secret; it stays in the image metadata and layers. Use a build secret (RUN --mount=type=secret) or inject it at run time`,
    loc: kv.loc,
    severity: 'warning',
    data: { name: kv.name, instruction, path: f.path },
  });
}

// ---------------------------------------------------------------------------------------
// k8s.security-context

const ID_SC = 'k8s.security-context';
const HARDENED = 'runAsNonRoot or a non-zero runAsUser, readOnlyRootFilesystem, allowPrivilegeEscalation: false';

/**
 * A container is hardened when it cannot run as root (runAsNonRoot, or a non-zero runAsUser; the
 * container's settings override the pod's), its root filesystem is read-only, privilege escalation
 * is off, and it is not privileged. Resource limits are a separate finding, not part of the verdict.
 */
export function probeSecurityContext(files: ParsedContainerFile[], usage?: ImageUsage, elsewhere: readonly RuntimeElsewhere[] = []): ProbeOutcome {
  const ev = new EvidenceList();
  const notes: string[] = [];
  const findings: Finding[] = [];
  const scope = containerScope(files, usage);
  let units = 0;
  let fullyOk = 0;
  let checksMet = 0;
  let withoutLimits = 0;
  const limitsText = (l: Located<Record<string, string>>) => `limits: ${Object.entries(l.value).map(([k, v]) => `${k}=${v}`).join(', ')}`;

  for (const w of workloads(files)) {
    const judged = !scope.workloadReason(w.file.path, w.resource);
    const podData = { resource: resourceName(w.resource), path: w.file.path };
    for (const k of ['hostNetwork', 'hostPID', 'hostIPC'] as const) {
      const b = w.pod[k];
      if (b?.value) findings.push({ probe: ID_SC, code: 'host-namespace', message: `${resourceName(w.resource)} shares the node's ${k.slice(4)} namespace (${k}: true)`, loc: b.loc, severity: 'warning', data: { ...podData, field: k } });
    }
    for (const c of [...w.pod.initContainers, ...w.pod.containers]) {
      const data = { ...podData, container: containerName(c) };
      const sc = c.securityContext;
      const missing: string[] = [];
      const found: Evidence[] = [];
      const user = k8sUser(w.pod, c);
      if (user.kind === 'ok') found.push({ loc: user.at.loc, text: user.text });
      else missing.push('runAsNonRoot: true');
      if (sc?.readOnlyRootFilesystem?.value === true) found.push({ loc: sc.readOnlyRootFilesystem.loc, text: 'readOnlyRootFilesystem: true' });
      else missing.push('readOnlyRootFilesystem: true');
      if (sc?.allowPrivilegeEscalation?.value === false) found.push({ loc: sc.allowPrivilegeEscalation.loc, text: 'allowPrivilegeEscalation: false' });
      else missing.push('allowPrivilegeEscalation: false');
      const privileged = sc?.privileged?.value === true;
      if (privileged && sc?.privileged) {
        findings.push({ probe: ID_SC, code: 'privileged', message: `Container \`${containerName(c)}\` of ${resourceName(w.resource)} runs privileged`, loc: sc.privileged.loc, severity: 'warning', data });
      }
      if (missing.length > 0) {
        findings.push({
          probe: ID_SC,
          code: 'missing-security-context',
          message: `Container \`${containerName(c)}\` of ${resourceName(w.resource)} does not set ${missing.join(', ')}`,
          loc: sc?.loc ?? c.loc,
          severity: 'warning',
          data: { ...data, missing: missing.map((m) => m.split(':')[0]).join(','), hasSecurityContext: sc ? 'true' : 'false' },
        });
      }
      const limits = c.resources?.limits;
      if (!limits) {
        findings.push({
          probe: ID_SC,
          code: 'no-resource-limits',
          message: `Container \`${containerName(c)}\` of ${resourceName(w.resource)} sets no resource limits`,
          loc: c.resources?.loc ?? c.loc,
          severity: 'warning',
          data: { ...data, hasResources: c.resources ? 'true' : 'false' },
        });
      }
      if (!judged) continue;
      units++;
      if (!limits) withoutLimits++;
      for (const e of found) ev.add(e.loc, e.text);
      if (limits) ev.add(limits.loc, limitsText(limits));
      checksMet += found.length;
      if (found.length === 3 && !privileged) fullyOk++;
    }
  }

  // A chart is one unit: its values (securityContext / podSecurityContext blocks) and what its
  // templates write literally; one values file without templates is judged on its own.
  for (const chart of charts(files)) {
    const scs = chartSecurityContexts(chart);
    const resourcesBlocks = chart.values.flatMap((v) => v.resources.map((r) => ({ ...r, path: v.path })));
    const serving = chart.templates.filter((t) => !BATCH_KINDS.has(t.workload.kind) || t.workload.settings.length > 0);
    if (scs.length === 0 && resourcesBlocks.length === 0 && serving.length === 0) continue;
    const anchorPath = chart.values[0]?.path ?? chart.templates[0].file.path;
    const judged = !scope.fileReason(anchorPath);
    const data = { path: anchorPath };
    const missing: string[] = [];
    const found: Evidence[] = [];
    const nonRoot = scs.map((sc) => userVerdictOf(sc.runAsUser, sc.runAsNonRoot)).find((v) => v.kind === 'ok');
    if (nonRoot && nonRoot.kind === 'ok') found.push({ loc: nonRoot.at.loc, text: nonRoot.text });
    else missing.push('runAsNonRoot: true');
    const roFs = scs.find((sc) => sc.readOnlyRootFilesystem?.value === true)?.readOnlyRootFilesystem;
    if (roFs) found.push({ loc: roFs.loc, text: 'readOnlyRootFilesystem: true' });
    else missing.push('readOnlyRootFilesystem: true');
    const noEsc = scs.find((sc) => sc.allowPrivilegeEscalation?.value === false)?.allowPrivilegeEscalation;
    if (noEsc) found.push({ loc: noEsc.loc, text: 'allowPrivilegeEscalation: false' });
    else missing.push('allowPrivilegeEscalation: false');
    for (const sc of scs) {
      if (sc.privileged?.value) findings.push({ probe: ID_SC, code: 'privileged', message: `\`${sc.where}.privileged: true\` runs the container privileged`, loc: sc.privileged.loc, severity: 'warning', data: { path: sc.privileged.loc.path, keyPath: sc.where } });
    }
    const privileged = scs.some((sc) => sc.privileged?.value);
    if (missing.length > 0) {
      const at = scs.find((sc) => !('podLevel' in sc) || !sc.podLevel) ?? scs[0];
      findings.push({
        probe: ID_SC,
        code: 'missing-security-context',
        message: chart.values.length > 0 ? `The values do not set ${missing.join(', ')}` : `The chart's templates do not set ${missing.join(', ')}`,
        loc: at?.loc ?? resourcesBlocks[0]?.loc ?? chart.templates[0].workload.loc,
        severity: 'warning',
        data: { ...data, keyPath: at?.where ?? resourcesBlocks[0]?.keyPath ?? '', missing: missing.map((m) => m.split(':')[0]).join(','), hasSecurityContext: at ? 'true' : 'false' },
      });
    }
    // `resources: {}` is the usual chart default: every resources block should set limits.
    const limited = resourcesBlocks.filter((r) => r.limits);
    for (const r of resourcesBlocks) if (!r.limits) findings.push({ probe: ID_SC, code: 'no-resource-limits', message: `\`${r.keyPath}\` sets no limits`, loc: r.loc, severity: 'warning', data: { path: r.path, keyPath: r.keyPath, hasResources: 'true' } });
    if (!judged) continue;
    units++;
    if (limited.length < resourcesBlocks.length || resourcesBlocks.length === 0) withoutLimits++;
    for (const e of found) ev.add(e.loc, e.text);
    for (const r of limited) if (r.limits) ev.add(r.limits.loc, limitsText(r.limits));
    checksMet += found.length;
    if (found.length === 3 && !privileged) fullyOk++;
  }

  let composeServices = 0;
  for (const f of composeFiles(files)) {
    for (const s of f.services) {
      composeServices++;
      const data = { service: s.name, path: f.path };
      if (s.privileged?.value) findings.push({ probe: ID_SC, code: 'privileged', message: `Service \`${s.name}\` runs privileged`, loc: s.privileged.loc, severity: 'warning', data });
      if (!composeHasLimits(s)) findings.push({ probe: ID_SC, code: 'no-resource-limits', message: `Service \`${s.name}\` sets no resource limits (deploy.resources.limits, mem_limit or cpus)`, loc: s.loc, severity: 'information', data });
    }
  }
  if (composeServices > 0) notes.push('Compose services are checked for privileged mode and resource limits only');

  let result: ProbeResult;
  if (units === 0) result = 'not-applicable';
  else if (fullyOk === units) result = 'pass';
  else result = checksMet === 0 ? 'fail' : 'partial';
  if (units > 0) {
    notes.unshift(`${fullyOk} of ${units} container definition(s) fully hardened (${HARDENED})`);
    if (withoutLimits > 0) notes.push(`${withoutLimits} of ${units} set no resource limits: listed as findings, not part of this verdict`);
  }
  const leftOut = scope.note('Kubernetes file(s)');
  if (leftOut) notes.push(leftOut);
  result = withRuntimeElsewhere(result, elsewhere, units > 0, 'their security contexts', notes);
  return outcome(ID_SC, result, result === 'unknown' ? [] : ev.items, notes, findings);
}

function composeHasLimits(s: ServiceSpec): boolean {
  return !!(s.limits || s.memLimit || s.cpus);
}

// ---------------------------------------------------------------------------------------
// k8s.network-policy

const ID_NP = 'k8s.network-policy';

export function probeNetworkPolicy(files: ParsedContainerFile[]): ProbeOutcome {
  const ev = new EvidenceList();
  const notes: string[] = [];
  const findings: Finding[] = [];
  const policies: K8sResource[] = [];
  for (const f of k8sFiles(files)) {
    for (const r of f.resources) {
      if (!NETWORK_POLICY_KINDS.has(r.kind)) continue;
      policies.push(r);
      ev.add(r.loc, `kind: ${r.kind}${r.name ? ` (${r.name})` : ''}`);
    }
  }
  let valuesOff = 0;
  for (const f of valuesFiles(files)) {
    for (const np of f.networkPolicy) {
      if (np.value) ev.add(np.loc, 'networkPolicy enabled: true');
      else {
        valuesOff++;
        findings.push({ probe: ID_NP, code: 'no-network-policy', message: 'The chart\'s network policy is switched off in these values', loc: np.loc, severity: 'information', data: { path: f.path } });
      }
    }
  }
  const ws = workloads(files);
  if (ev.items.length === 0) {
    if (ws.length === 0) return outcome(ID_NP, valuesOff > 0 ? 'fail' : 'not-applicable', [], notes, findings);
    const seenFiles = new Set<string>();
    for (const w of ws) {
      if (seenFiles.has(w.file.path)) continue;
      seenFiles.add(w.file.path);
      findings.push({
        probe: ID_NP,
        code: 'no-network-policy',
        message: `No NetworkPolicy restricts the traffic of ${resourceName(w.resource)} (no policy in the scanned manifests)`,
        loc: w.resource.loc,
        severity: 'information',
        data: { resource: resourceName(w.resource), namespace: w.resource.namespace ?? '', path: w.file.path },
      });
    }
    return outcome(ID_NP, 'fail', [], notes, findings);
  }
  // Policies found: every explicit workload namespace should have one, when policies name theirs.
  const policyNamespaces = new Set(policies.map((p) => p.namespace));
  if (policies.length > 0 && !policyNamespaces.has(undefined)) {
    const uncovered = [...new Set(ws.map((w) => w.resource.namespace).filter((n): n is string => !!n && !policyNamespaces.has(n)))];
    if (uncovered.length > 0) {
      notes.push(`No network policy in namespace(s) ${uncovered.join(', ')}`);
      return outcome(ID_NP, 'partial', ev.items, notes, findings);
    }
  }
  return outcome(ID_NP, 'pass', ev.items, notes, findings);
}

// ---------------------------------------------------------------------------------------
// deploy.rolling-update / deploy.canary / deploy.blue-green

export type DeliveryStrategy = 'rolling-update' | 'canary' | 'blue-green';

export interface StrategyFact {
  strategy: DeliveryStrategy;
  /** How it was found: `Deployment.strategy`, `Rollout.canary`, `Flagger Canary`, `VirtualService weights`, ... */
  via: string;
  /** False for a Deployment relying on the default strategy (RollingUpdate). */
  explicit: boolean;
  evidence: Evidence;
}

const ROLLING_KINDS = new Set(['Deployment', 'StatefulSet', 'DaemonSet']);

export function deploymentStrategyFacts(files: ParsedContainerFile[]): StrategyFact[] {
  const out: StrategyFact[] = [];
  for (const f of k8sFiles(files)) {
    for (const r of f.resources) {
      const isRollout = r.kind === 'Rollout' && r.apiVersion.startsWith('argoproj.io/');
      const st = r.strategy;
      if (isRollout && st) {
        if (st.canary) out.push({ strategy: 'canary', via: 'Argo Rollouts canary', explicit: true, evidence: { loc: st.canary, text: `canary: (${resourceName(r)})` } });
        if (st.blueGreen) out.push({ strategy: 'blue-green', via: 'Argo Rollouts blueGreen', explicit: true, evidence: { loc: st.blueGreen, text: `blueGreen: (${resourceName(r)})` } });
        continue;
      }
      if (ROLLING_KINDS.has(r.kind)) {
        if (st?.type?.value === 'RollingUpdate') {
          out.push({ strategy: 'rolling-update', via: `${r.kind}.${st.field}`, explicit: true, evidence: { loc: st.type.loc, text: `type: RollingUpdate (${resourceName(r)})` } });
        } else if (st && !st.type && st.rollingUpdate) {
          out.push({ strategy: 'rolling-update', via: `${r.kind}.${st.field}`, explicit: true, evidence: { loc: st.rollingUpdate.loc, text: `rollingUpdate: (${resourceName(r)})` } });
        } else if (!st && r.kind === 'Deployment') {
          out.push({ strategy: 'rolling-update', via: 'Deployment default', explicit: false, evidence: { loc: r.loc, text: `kind: Deployment (${r.name ?? 'unnamed'}) without strategy: RollingUpdate by default` } });
        }
      }
      if (r.flagger) {
        const fl = r.flagger;
        const blueGreen = !!fl.iterations && !fl.stepWeight && !fl.stepWeights && !fl.maxWeight;
        out.push({
          strategy: blueGreen ? 'blue-green' : 'canary',
          via: blueGreen ? 'Flagger blue/green (iterations)' : 'Flagger Canary',
          explicit: true,
          evidence: { loc: fl.loc, text: `Flagger ${resourceName(r)}${fl.targetRef ? ` → ${fl.targetRef.value}` : ''}${blueGreen ? ' (iterations: blue/green)' : ''}` },
        });
      }
      if (r.routing) {
        out.push({
          strategy: 'canary',
          via: `${r.kind} weights`,
          explicit: true,
          evidence: { loc: r.routing.loc, text: `${resourceName(r)} weights ${r.routing.weights.map((w) => w.value).join('/')}` },
        });
      }
    }
  }
  return out;
}

function strategyProbe(id: string, strategy: DeliveryStrategy, files: ParsedContainerFile[]): ProbeOutcome {
  const facts = deploymentStrategyFacts(files).filter((f) => f.strategy === strategy);
  const anyK8s = k8sFiles(files).some((f) => f.resources.length > 0);
  const explicit = facts.filter((f) => f.explicit);
  if (explicit.length > 0) {
    const notes = facts.length > explicit.length ? [`${facts.length - explicit.length} Deployment(s) rely on the default strategy`] : [];
    return outcome(id, 'pass', explicit.map((f) => f.evidence), notes);
  }
  if (facts.length > 0) return outcome(id, 'partial', facts.map((f) => f.evidence), ['Deployments roll out with RollingUpdate by default, but no strategy is configured explicitly']);
  if (!anyK8s) return outcome(id, 'not-applicable', [], ['No Kubernetes manifests']);
  return outcome(id, 'fail', [], [`No ${strategy.replace('-', ' ')} deployment found in the Kubernetes manifests`]);
}

export function probeRollingUpdate(files: ParsedContainerFile[]): ProbeOutcome {
  return strategyProbe('deploy.rolling-update', 'rolling-update', files);
}

export function probeCanary(files: ParsedContainerFile[]): ProbeOutcome {
  return strategyProbe('deploy.canary', 'canary', files);
}

export function probeBlueGreen(files: ParsedContainerFile[]): ProbeOutcome {
  return strategyProbe('deploy.blue-green', 'blue-green', files);
}
