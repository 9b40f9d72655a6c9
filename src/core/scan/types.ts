// The shared vocabulary of the detection engine: what parsers produce and probes consume.
// Every position is exact and 1-based, because hovers, diagnostics and quick fixes use it.

import type { CiKind } from './ci/registry';

export interface Loc {
  /** Root-relative, '/'-separated path. */
  path: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** A value with the place it was written. */
export interface Located<T = string> {
  value: T;
  loc: Loc;
}

/** The CI file kinds: one per dialect of ci/registry.ts. */
export type { CiKind };

export type ContainerKind = 'dockerfile' | 'compose' | 'kubernetes' | 'helm-chart' | 'helm-values' | 'kustomization' | 'ko-config';

export type HygieneKind = 'dependabot' | 'renovate' | 'pre-commit' | 'security-policy' | 'codeowners' | 'gitignore';

/** Files read only when a CI step points at them (one level of indirection) or for facts (lockfiles). */
export type SupportKind = 'makefile' | 'shell-script' | 'package-json' | 'lockfile' | 'manifest';

/** Infrastructure as code: Terraform, CloudFormation/SAM, Pulumi, Ansible playbooks, Bicep, Terragrunt. */
export type IacKind = 'iac';

export type FileKind = CiKind | ContainerKind | HygieneKind | SupportKind | IacKind;

export const CONTAINER_KINDS: readonly ContainerKind[] = ['dockerfile', 'compose', 'kubernetes', 'helm-chart', 'helm-values', 'kustomization', 'ko-config'];

/** A problem with one file (parse error, too large, binary): shown to the user, never thrown. */
export interface FileProblem {
  message: string;
  line?: number;
  column?: number;
  severity: 'error' | 'warning';
}

/** One logical shell line as written (continuation lines joined; the loc is its first character). */
export interface ShellLine {
  text: string;
  loc: Loc;
  /** The line as written in its file, when `text` is the command it stands for (a task runner's `session.run("pytest")`, a cargo alias, `bash -c "$CMD"`): shown as evidence. */
  written?: string;
}

export interface CiStep {
  /** Step name or id when the dialect has one. */
  name?: string;
  /** The step as a whole (its first line). */
  loc: Loc;
  /** Shell lines the step runs: GHA `run`, GitLab `script`/`before_script`/`after_script`, Azure `script`/`bash`/`pwsh`/`powershell`, Jenkins `sh`/`bat`/`powershell`, CircleCI `run`, Bitbucket `script`. */
  script: ShellLine[];
  /** What the step calls: GHA action (`actions/checkout@v4`, `./path`, `docker://img`), Azure `task` (`Docker@2`), CircleCI orb command/job (`snyk/scan`), Bitbucket `pipe` (`atlassian/git-secrets-scan:0.5.1`), Jenkins DSL step (`dependencyCheck`). */
  uses?: Located;
  /** Inputs to `uses` (GHA `with`, Azure `inputs`, pipe `variables`, orb parameters, Jenkins named args), values as strings. */
  inputs: Record<string, Located>;
  env: Record<string, Located>;
  /** Set where a failure of this step cannot fail the build (continue-on-error / continueOnError / allow_failure: true). Points at that setting. */
  cannotFail?: Loc;
  /** The folder its script runs in, as written (GHA `working-directory` or `defaults.run.working-directory`, Azure `workingDirectory`): relative paths in the script are read from there. */
  workingDirectory?: string;
}

export interface CiJob {
  /** The job's key (GHA job id, GitLab job name, Azure job/stage name, Jenkins stage name, CircleCI job, Bitbucket step name or index). */
  id: string;
  name?: string;
  loc: Loc;
  stage?: string;
  steps: CiStep[];
  /** The container image the job runs in (GitLab/Bitbucket `image`, GHA `container`, CircleCI first `docker` image, Azure `container`, Jenkins `agent { docker }`). */
  image?: Located;
  /** Where it runs: GHA `runs-on`, Azure `pool` (vmImage or name), Jenkins agent label, CircleCI `machine`/`resource_class`. */
  runner?: Located;
  services: Located[];
  env: Record<string, Located>;
  /** Set where the whole job cannot fail the pipeline. */
  cannotFail?: Loc;
  /** Job-level call of another pipeline: GHA reusable workflow `uses`, GitLab `trigger`, Azure `template`. */
  uses?: Located;
  /** Inputs to the job-level `uses` (GHA reusable workflow `with`), values as strings. */
  inputs?: Record<string, Located>;
  /** GitHub Actions: where the job sets `permissions` (absent = inherits the workflow's). */
  permissions?: Located<unknown>;
  /** Trigger rules that make the job manual-only (GitLab `when: manual`, ...); such jobs still count but are noted. */
  manual?: boolean;
  /** Why the job never runs though it is defined (a CircleCI job no workflow lists): what it runs does not count. */
  notRun?: string;
  /**
   * Where the job's configuration takes values from the CI system's secret store: GitLab `secrets:`
   * entries (Vault and other providers), Azure variable groups, CircleCI contexts.
   */
  secretSources?: Located[];
  /**
   * Result reports the job hands to the CI system, by type (GitLab `artifacts: reports:`
   * `sast`, `container_scanning`, `junit`, ...), located at the type's key, with the files named.
   */
  reports?: { type: Located; files: string[] }[];
  /** Where the job asks for OIDC identity tokens (GitLab `id_tokens:`); GitHub's `id-token: write` is read from `permissions`. */
  idTokens?: Loc;
  /**
   * GitLab: hidden jobs it `extends` (directly or through a parent) that the file does not define,
   * so an include brings them (`.fdo.container-build@fedora` of a remote template), each at the
   * `extends` entry naming it.
   */
  extendsIncluded?: Located[];
}

export type ReferenceKind =
  | 'local-include'      // GitLab `include: local`, Azure template in the repo, GHA local reusable workflow / action
  | 'template'           // GitLab `include: template` (shipped by GitLab; understood by name)
  | 'remote'             // a URL include
  | 'project'            // GitLab `include: project`
  | 'component'          // GitLab CI/CD component
  | 'reusable-workflow'  // GHA `uses: owner/repo/.github/workflows/x.yml@ref`
  | 'orb'                // CircleCI orb
  | 'shared-library'     // Jenkins `@Library`
  | 'pipe'               // Bitbucket pipe (also a step `uses`)
  | 'plugin';            // Buildkite plugin

export interface CiReference {
  kind: ReferenceKind;
  ref: string;
  loc: Loc;
  /** Root-relative path when the reference names a file in this workspace. */
  localPath?: string;
  /** Where the file is read from when `localPath` does not exist (Azure `path@self` written from the repository root). */
  rootPath?: string;
  /**
   * A file in another repository, named by that repository and the path in it, as the catalogue's
   * `azureTemplates` match it: Azure `template: v1/x.yml@alias` with the alias's
   * `resources.repositories` name (`org/templates/v1/x.yml`).
   */
  block?: string;
  /** A Jenkins library step called by name (`buildPlugin`): the step, as the catalogue's `jenkinsSteps` name it. */
  step?: string;
  /** The catalogue's housekeeping entry this block is (a stale-issue closer, ...): it runs nothing a probe looks for. */
  housekeeping?: string;
  /** Values the including file hands a local template (Azure `template:` with `parameters:`), scalars only, as written. */
  parameters?: Record<string, string>;
}

export interface CiFile {
  kind: CiKind;
  path: string;
  /** The top-level key where file-level hovers and diagnostics attach (`jobs:`, `stages:`, `pipeline {`, `steps:`, ...). */
  anchor: Loc;
  jobs: CiJob[];
  references: CiReference[];
  /** Pipeline-wide variables (GitLab `variables`, GHA `env`, Azure `variables`, Jenkins `environment`). */
  env: Record<string, Located>;
  /** Cron schedules (GHA `on.schedule`, Azure `schedules`, Jenkins `cron` triggers, CircleCI scheduled workflows). */
  schedules: Located[];
  /** Events that start the pipeline, as the dialect names them (push, pull_request, merge_request_event, ...). */
  events: string[];
  /** GitHub Actions: top-level `permissions`. */
  permissions?: Located<unknown>;
  /** Pipeline-wide values from the CI system's secret store (Azure variable groups); see CiJob.secretSources. */
  secretSources?: Located[];
  /** The parameters a template (or a pipeline's runtime parameters) declares, with their scalar defaults (Azure `parameters:`). */
  parameterDefaults?: Record<string, string>;
  problems: FileProblem[];
}
