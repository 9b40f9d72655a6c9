// What the engine needs to know about one CI system. Every dialect is one value of this type, in
// its own module under ci/, listed once in ci/registry.ts; classification, parsing, tool matching,
// code probes, the pipeline that guidance attaches to and the quick-fix placements all read it.
// Every member is required (a member that does not apply says so with its value), so a dialect
// that forgets one does not compile.
import type { CiFile, CiJob } from '../types';

/** A repository-relative path in the parts classification looks at. */
export interface PathParts {
  /** '/'-separated, no leading '/'. */
  path: string;
  /** The folder ('' at the root). */
  dir: string;
  name: string;
  /** `name` in lower case. */
  lname: string;
  /** Ends in .yml or .yaml. */
  yaml: boolean;
}

/**
 * How the probe catalogue (model/probes.yaml) names what a step's `uses` calls:
 * `action` (GitHub `owner/repo[/path]@ref`), `task` (Azure `Name@N`), `orb` (CircleCI
 * `orb@ver/cmd`, `ns/orb/cmd`, `alias/cmd`), `pipe` (Bitbucket `owner/pipe:ver`), `jenkins-step`
 * (a Jenkins DSL step), `component` (GitLab CI/CD component), `image` (a container image run with
 * its own entrypoint, the step's `args` input as its arguments).
 */
export type UsesVocabulary = 'action' | 'task' | 'orb' | 'pipe' | 'jenkins-step' | 'component' | 'image';

/**
 * Placement keys of model/fixes.yaml (see its header) that insert a snippet; `item` is a step
 * mapping appended to the file's top-level `steps:` list (or its first pipeline's), `commands`
 * shell lines appended to the main build phase's commands.
 */
export type FixPlacementKey = 'job' | 'include' | 'steps' | 'step' | 'item' | 'commands';

export type DialectFixes =
  | {
      /** The snippet placements this dialect understands (the built-in `edit` operations always apply). */
      placements: readonly FixPlacementKey[];
    }
  | {
      /** Why no snippet can be inserted into such a file (said in the README's table too). */
      noPlacement: string;
    };

export interface CiDialect<K extends string = string> {
  /** The file kind: JSON/SARIF output, model/fixes.yaml dialect keys, probe `uses` lookups. */
  readonly kind: K;
  /** The CI system as users name it ("GitHub Actions"). */
  readonly system: string;
  /** What one such file is ("GitHub Actions workflow"). */
  readonly fileLabel: string;
  /**
   * Is this a file of the dialect, by its path alone? Dialects are asked in registry order and
   * the first that says yes wins.
   */
  matchesPath(p: PathParts): boolean;
  /**
   * Generic YAML (no dialect claimed it by name) that is this dialect by its first bytes; `false`
   * for dialects recognised by name only. Asked before the Kubernetes/IaC content checks.
   */
  readonly matchesContent: ((firstBytes: string) => boolean) | false;
  /**
   * Files this dialect finds in any folder or by content can be samples: in test, fixture and
   * example folders they are pipelines (`count`, also for dialects found only at fixed root
   * locations) or left unclassified (`skip`).
   */
  readonly testFolders: 'count' | 'skip';
  /** VS Code `workspaceContains:` globs that start the extension (package.json must list them). */
  readonly activationGlobs: readonly string[];
  /** Reads one file; never throws (problems travel with the result). */
  parse(path: string, text: string): CiFile;
  /** How steps name what they call, and the word evidence uses for it (`uses: x`, `task: x`). */
  readonly uses: { vocabulary: UsesVocabulary | 'none'; evidenceLabel: string };
  /**
   * Files the dialect includes locally: read as fragments of the including file, one level deep
   * (`fragment`), or files the index reads on their own (`indexed`).
   */
  readonly localIncludes: 'fragment' | 'indexed';
  /**
   * The CI system rejects a file with a syntax or structure error as a whole (YAML dialects), so
   * nothing in it counts; `false` where the reader is best effort (Jenkins).
   */
  readonly refusesInvalidFile: boolean;
  /** Does the job run on a fresh, throw-away machine or container? undefined: cannot tell. */
  ephemeralJob(job: CiJob): boolean | undefined;
  /**
   * A value or script line that reads the CI system's secret store (GitHub `${{ secrets.X }}`,
   * Jenkins `credentials('id')`); absent where the files do not show it. The secret's name is group 1.
   */
  readonly secretReference?: RegExp;
  /**
   * A local template as one including file uses it: its parameter references replaced by the values
   * given (`given`, as written by the includer) or the template's defaults; `origin` says where
   * they come from, shown with each changed script line.
   * `key` tells such uses apart (the values the template actually reads); undefined when the file
   * reads no parameter. Absent for dialects without template parameters.
   */
  readonly instantiate?: (file: CiFile, given: Readonly<Record<string, string>>, origin: string) => { file: CiFile; key: string } | undefined;
  /**
   * Preference when picking the one pipeline file that missing activities and new CI jobs attach
   * to (lower first); undefined for files that are not pipelines of their own (a GitHub action).
   */
  readonly pipelineRank: number | undefined;
  /** Where quick-fix snippets go, or why none can. */
  readonly fixes: DialectFixes;
}

/**
 * Keeps the literal `kind` and the shape of `fixes` of a dialect, so that the registry can derive
 * the CiKind union and the fixable kinds from the list itself.
 */
export function defineDialect<const K extends string, const F extends DialectFixes>(dialect: CiDialect<K> & { readonly fixes: F }): CiDialect<K> & { readonly fixes: F } {
  return dialect;
}
