// Parsed container and deployment files: what the container parsers produce and the
// container probes consume. Pure data, no behaviour.
//
// Positions: every Loc is exact and 1-based; `endLine`/`endColumn` point just AFTER the
// last character (an exclusive end, as VS Code ranges and yaml.ts's endPositionOf do).
// Quoted YAML scalars are located without their quotes when they fit on one line.
import { FileProblem, Loc, Located } from '../../types';

// ---------------------------------------------------------------------------------------
// Images

/** An image reference split into its parts (`registry/name:tag@sha256:…`). */
export interface ImageRef {
  /** Everything before the tag and digest, registry included (`ghcr.io/acme/app`, `node`). */
  name: string;
  tag?: string;
  /** The digest with its algorithm (`sha256:…`). */
  digest?: string;
  /** Dockerfile `--platform=` value as written (`$BUILDPLATFORM`, `linux/amd64`). */
  platform?: string;
  /** The reference after variable substitution, when the written text had variables that could be resolved. */
  resolved?: string;
  /** True when the written text has variables that could not be resolved (the parts are then unreliable). */
  unresolved?: boolean;
}

/** A `KEY=value` pair (Dockerfile ENV/ARG, compose environment). */
export interface KeyValue {
  name: string;
  /** undefined when no value is given (`ARG NAME`). */
  value?: string;
  /** The whole `KEY=value` (or `KEY value`) as written. */
  loc: Loc;
  nameLoc: Loc;
  valueLoc?: Loc;
}

// ---------------------------------------------------------------------------------------
// Dockerfile

export interface DockerInstruction {
  /** Upper-case keyword (`RUN`, `FROM`, ...). */
  keyword: string;
  /** Arguments with line continuations joined (heredoc bodies included, as the parser gives them). */
  args: string;
  /** The whole instruction, from the keyword to its last character (heredoc bodies included). */
  loc: Loc;
  /** The arguments only, when there are any. */
  argsLoc?: Loc;
  /** The instruction exactly as written (from its keyword; lines joined with '\n'). Starts at `loc.line`/`loc.column`. */
  raw: string;
  /** Flag names given to the instruction (`platform`, `checksum`, `from`, `chown`, ...), lower case. */
  flags: string[];
  /** The arguments one by one with their positions (JSON form: the strings without quotes). */
  words: Located[];
  /** True when written in JSON (exec) form: `CMD ["node", "a.js"]`. */
  jsonForm?: boolean;
}

export interface DockerStage {
  /** 0-based position in the file. */
  index: number;
  /** The `AS name`, when given. */
  name?: Located;
  /** The image as written, variables and tag/digest included (`${BASE}`, `node:20@sha256:…`). */
  from: Located;
  image: ImageRef;
  /** The FROM instruction's first line (keyword to end of that line). */
  fromLoc: Loc;
  /** Index of the earlier stage this one builds on (`FROM builder`). */
  parent?: number;
  /** `FROM scratch`. */
  scratch?: boolean;
  instructions: DockerInstruction[];
  /** The last USER in this stage (the value as written, e.g. `${APP_USER}`, `10001:10001`). */
  user?: Located;
  /** `user` with variables substituted (stage ARG/ENV, then global ARG defaults); undefined when unresolved. */
  userResolved?: string;
  /** The last HEALTHCHECK in this stage: value `NONE` or the command as written; loc = the whole instruction's first line. */
  healthcheck?: Located;
  /** True when that HEALTHCHECK is `NONE` (disabled). */
  healthcheckDisabled?: boolean;
  args: KeyValue[];
  env: KeyValue[];
}

export interface DockerfileFile {
  kind: 'dockerfile';
  path: string;
  /** The escape character (`\` unless the `# escape=` directive says otherwise). */
  escape: string;
  /** ARGs before the first FROM (usable in FROM lines; defaults for re-declared stage ARGs). */
  globalArgs: KeyValue[];
  stages: DockerStage[];
  /** The comment lines before the first FROM, without `#` (parser directives left out): what the authors say the image is. */
  header?: Located[];
  problems: FileProblem[];
}

// ---------------------------------------------------------------------------------------
// Docker Compose

export interface ComposeHealthcheck {
  /** The `healthcheck:` key. */
  loc: Loc;
  test?: Located;
  /** `disable: true` or `test: ["NONE"]`. */
  disabled: boolean;
  /** Where it is disabled. */
  disabledLoc?: Loc;
}

export interface ServiceSpec {
  name: string;
  /** The service's key. */
  loc: Loc;
  image?: Located;
  /** `build:` context (string form, or `context:` of the map form; `.` when the map has no context). */
  build?: Located;
  dockerfile?: Located;
  /** `build.target`: the stage of a multi-stage Dockerfile the service's image is built from. */
  target?: Located;
  user?: Located;
  healthcheck?: ComposeHealthcheck;
  privileged?: Located<boolean>;
  readOnly?: Located<boolean>;
  capDrop: Located[];
  capAdd: Located[];
  securityOpt: Located[];
  /** `deploy.resources.limits` (the `limits:` key), when non-empty. */
  limits?: Loc;
  limitCpus?: Located;
  limitMemory?: Located;
  /** Legacy v2 `mem_limit` / `cpus`. */
  memLimit?: Located;
  cpus?: Located;
  networkMode?: Located;
  pid?: Located;
  environment: KeyValue[];
}

export interface ComposeFile {
  kind: 'compose';
  path: string;
  /** The `services:` key (or the first service for version-1 files). */
  anchor?: Loc;
  services: ServiceSpec[];
  problems: FileProblem[];
}

// ---------------------------------------------------------------------------------------
// Kubernetes

export interface SecurityContextSpec {
  /** The `securityContext:` key. */
  loc: Loc;
  runAsNonRoot?: Located<boolean>;
  runAsUser?: Located<number>;
  runAsGroup?: Located<number>;
  readOnlyRootFilesystem?: Located<boolean>;
  allowPrivilegeEscalation?: Located<boolean>;
  privileged?: Located<boolean>;
  capabilitiesDrop: Located[];
  capabilitiesAdd: Located[];
  seccompProfile?: Located;
}

export interface ResourcesSpec {
  /** The `resources:` key. */
  loc: Loc;
  /** The `limits:` key with the names set under it (`cpu`, `memory`), when non-empty. */
  limits?: Located<Record<string, string>>;
  requests?: Located<Record<string, string>>;
}

export interface ContainerSpec {
  name: string;
  /** The `name:` entry of the container (or its first entry when it has no name). */
  loc: Loc;
  init: boolean;
  image?: Located;
  securityContext?: SecurityContextSpec;
  resources?: ResourcesSpec;
  livenessProbe?: Loc;
  readinessProbe?: Loc;
  startupProbe?: Loc;
  /** The `ports:` key, when it lists at least one port (a container without one serves nothing to probe). */
  ports?: Loc;
  /** `env` entries with a literal `value` (valueFrom entries are not listed). */
  env: KeyValue[];
}

export interface PodSpec {
  /** The pod spec's `spec:` key. */
  loc: Loc;
  securityContext?: SecurityContextSpec;
  hostNetwork?: Located<boolean>;
  hostPID?: Located<boolean>;
  hostIPC?: Located<boolean>;
  automountServiceAccountToken?: Located<boolean>;
  serviceAccountName?: Located;
  containers: ContainerSpec[];
  initContainers: ContainerSpec[];
}

export interface RollingUpdateParams {
  /** The `rollingUpdate:` key. */
  loc: Loc;
  maxSurge?: Located;
  maxUnavailable?: Located;
  partition?: Located;
}

/** Deployment `strategy` / StatefulSet and DaemonSet `updateStrategy` / Argo Rollout `strategy`. */
export interface StrategySpec {
  field: 'strategy' | 'updateStrategy';
  /** The `strategy:` key. */
  loc: Loc;
  type?: Located;
  rollingUpdate?: RollingUpdateParams;
  /** Argo Rollouts `strategy.canary` key. */
  canary?: Loc;
  /** Argo Rollouts `strategy.blueGreen` key. */
  blueGreen?: Loc;
}

/** Flagger `Canary` analysis settings (decides canary vs. blue/green). */
export interface FlaggerSpec {
  /** The `analysis:` (or legacy `canaryAnalysis:`) key, or the resource's kind line when absent. */
  loc: Loc;
  stepWeight?: Located;
  stepWeights?: Loc;
  maxWeight?: Located;
  iterations?: Located;
  targetRef?: Located;
}

/** Weighted traffic routing (Istio VirtualService, SMI TrafficSplit, Gateway API HTTPRoute). */
export interface WeightedRouting {
  /** The first route/backend list that splits traffic by weight over two or more destinations. */
  loc: Loc;
  weights: Located<number>[];
}

export interface K8sResource {
  apiVersion: string;
  kind: string;
  name?: string;
  namespace?: string;
  /** The `kind:` entry. */
  loc: Loc;
  nameLoc?: Loc;
  /** 0-based index of the YAML document it came from. */
  document: number;
  /** `spec.replicas` as written (a workload scaled to 0 is a placeholder). */
  replicas?: Located<number>;
  /** The pod spec of a workload (Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job, CronJob, PodTemplate, Argo Rollout). */
  pod?: PodSpec;
  strategy?: StrategySpec;
  flagger?: FlaggerSpec;
  routing?: WeightedRouting;
}

export interface KubernetesFile {
  kind: 'kubernetes';
  path: string;
  resources: K8sResource[];
  /** Set when the file is a Helm template (not YAML until rendered): it is not parsed as YAML. */
  helmTemplate?: boolean;
  /** What a line scan of a Helm template found (see scanHelmTemplate in helm.ts). */
  helm?: HelmTemplateScan;
  problems: FileProblem[];
}

// ---------------------------------------------------------------------------------------
// Helm

export interface HelmDependency {
  name: Located;
  version?: Located;
  repository?: Located;
  loc: Loc;
}

export interface HelmChartFile {
  kind: 'helm-chart';
  path: string;
  apiVersion?: Located;
  name?: Located;
  version?: Located;
  appVersion?: Located;
  type?: Located;
  dependencies: HelmDependency[];
  problems: FileProblem[];
}

/** An `image:` block in values (`repository`/`tag`/`digest`, or a string). */
export interface HelmImageValue {
  /** Dotted key path of the block (`image`, `backend.image`). */
  keyPath: string;
  /** The `image:` key. */
  loc: Loc;
  registry?: Located;
  repository?: Located;
  tag?: Located;
  digest?: Located;
  /** The string form (`image: nginx:1.27`). */
  ref?: Located;
}

/** A `securityContext` / `podSecurityContext` / `containerSecurityContext` block in values. */
export interface HelmSecurityContextValue extends SecurityContextSpec {
  keyPath: string;
  /** The key's name as written. */
  key: string;
  /** True for pod-level blocks (`podSecurityContext`). */
  podLevel: boolean;
}

export interface HelmResourcesValue extends ResourcesSpec {
  keyPath: string;
}

/** A mapping-valued (or empty) key of a values file, e.g. `livenessProbe`, `metrics.readinessProbe`. */
export interface HelmValueBlock {
  keyPath: string;
  /** The key. */
  loc: Loc;
  /** True for `key: {}`, `key:` (null) or a map without entries. */
  empty: boolean;
  /** `enabled:` inside the block, when given. */
  enabled?: Located<boolean>;
}

export interface HelmValuesFile {
  kind: 'helm-values';
  path: string;
  images: HelmImageValue[];
  /** Probe blocks (`livenessProbe`, `readinessProbe`, `startupProbe`) at any depth. */
  probes: HelmValueBlock[];
  securityContexts: HelmSecurityContextValue[];
  resources: HelmResourcesValue[];
  /** `networkPolicy.enabled` (or `networkPolicy.create`) values. */
  networkPolicy: Located<boolean>[];
  problems: FileProblem[];
}

/** A setting written in a Helm template, literally or filled from values (`{{ toYaml .Values.x | nindent 12 }}`). */
export interface HelmTemplateSetting {
  /** `livenessProbe`, `readinessProbe`, `startupProbe`, `securityContext`. */
  key: string;
  /** The key in the template. */
  loc: Loc;
  /** The `.Values` path the block is filled from (`{{- toYaml .Values.livenessProbe | nindent 12 }}`). */
  valuesPath?: string;
  /** The `.Values` path of the `{{- with … }}` / `{{- if … }}` right above the key (`probes.liveness.enabled`). */
  guard?: string;
  /** Literal children written under the key (not template actions). */
  literal: boolean;
  /** True for a pod-level securityContext (above `containers:`). */
  podLevel?: boolean;
  /** Literal securityContext fields written in the template. */
  fields?: SecurityContextSpec;
}

/** One workload document of a Helm template, read line by line (templates are not YAML). */
export interface HelmTemplateWorkload {
  kind: string;
  /** The `kind:` line. */
  loc: Loc;
  settings: HelmTemplateSetting[];
  /** A `containerPort:` or `ports:` list is written. */
  ports: boolean;
}

export interface HelmTemplateScan {
  workloads: HelmTemplateWorkload[];
}

// ---------------------------------------------------------------------------------------
// Kustomize

export interface KustomizeImage {
  /** The `name:` entry. */
  loc: Loc;
  name: Located;
  newName?: Located;
  newTag?: Located;
  digest?: Located;
}

export interface KustomizationFile {
  kind: 'kustomization';
  path: string;
  /** The `resources:` (or `bases:`) key, the file-level anchor when present. */
  anchor?: Loc;
  resources: Located[];
  components: Located[];
  /** Files applied as patches (`patches[].path`, `patchesStrategicMerge`, `patchesJson6902[].path`). */
  patches: Located[];
  /** `kind: Component`: an opt-in component, applied only where an overlay lists it. */
  component?: boolean;
  images: KustomizeImage[];
  namespace?: Located;
  problems: FileProblem[];
}

// ---------------------------------------------------------------------------------------
// ko

/** `.ko.yaml`: the base images ko builds Go programs on (no Dockerfile, no USER). */
export interface KoConfigFile {
  kind: 'ko-config';
  path: string;
  /** `defaultBaseImage` (ko's own default, a Chainguard static image, when absent). */
  defaultBaseImage?: Located;
  /** `baseImageOverrides` values, one per import path. */
  baseImageOverrides: Located[];
  problems: FileProblem[];
}

export type ParsedContainerFile =
  | KoConfigFile
  | DockerfileFile
  | ComposeFile
  | KubernetesFile
  | HelmChartFile
  | HelmValuesFile
  | KustomizationFile;
