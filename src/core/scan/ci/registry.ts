// The CI systems the engine reads: the one list to extend when adding one (see the README,
// "Adding a CI system"). The order is the order classification asks them in.
import { azureDialect } from './azure';
import { bitbucketDialect } from './bitbucket';
import { buildkiteDialect } from './buildkite';
import { circleciDialect } from './circleci';
import { cloudBuildDialect } from './cloudbuild';
import { codeBuildDialect } from './codebuild';
import { CiDialect } from './dialect';
import { droneDialect, woodpeckerDialect } from './drone';
import { githubActionDialect, githubWorkflowDialect } from './github';
import { gitlabDialect } from './gitlab';
import { jenkinsDialect } from './jenkins';
import { tektonDialect } from './tekton';

export const CI_DIALECTS = [
  githubWorkflowDialect,
  githubActionDialect,
  gitlabDialect,
  azureDialect,
  jenkinsDialect,
  circleciDialect,
  bitbucketDialect,
  cloudBuildDialect,
  codeBuildDialect,
  buildkiteDialect,
  tektonDialect,
  droneDialect,
  woodpeckerDialect,
] as const;

/** The file kinds of CI definitions, one per dialect. */
export type CiKind = (typeof CI_DIALECTS)[number]['kind'];

/** Dialects whose files take quick-fix snippets. */
export type FixableCiKind = Extract<(typeof CI_DIALECTS)[number], { fixes: { placements: readonly unknown[] } }>['kind'];

export const CI_KINDS: readonly CiKind[] = CI_DIALECTS.map((d) => d.kind);

const BY_KIND = new Map<string, CiDialect<CiKind>>(CI_DIALECTS.map((d) => [d.kind, d]));

export function isCiKind(kind: string): kind is CiKind {
  return BY_KIND.has(kind);
}

export function ciDialect(kind: CiKind): CiDialect<CiKind> {
  return BY_KIND.get(kind)!;
}

/** Is a file of this kind a pipeline of its own (not a GitHub action called from one)? */
export function isPipelineKind(kind: string): kind is CiKind {
  return BY_KIND.get(kind)?.pipelineRank !== undefined;
}

/** Pipeline dialects, preferred first (where missing activities and new CI jobs attach). */
export const PIPELINE_ORDER: readonly CiKind[] = CI_DIALECTS.filter((d) => d.pipelineRank !== undefined)
  .sort((a, b) => a.pipelineRank! - b.pipelineRank!)
  .map((d) => d.kind);

/** Dialects that take quick-fix snippets, in registry order. */
export const FIXABLE_CI_KINDS: readonly FixableCiKind[] = CI_DIALECTS.filter((d) => 'placements' in d.fixes).map((d) => d.kind as FixableCiKind);
