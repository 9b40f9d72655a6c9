"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.FIXABLE_CI_KINDS = exports.PIPELINE_ORDER = exports.CI_KINDS = exports.CI_DIALECTS = void 0;
exports.isCiKind = isCiKind;
exports.ciDialect = ciDialect;
exports.isPipelineKind = isPipelineKind;
// The CI systems the engine reads: the one list to extend when adding one (see the README,
// "Adding a CI system"). The order is the order classification asks them in.
const azure_1 = require("./azure");
const bitbucket_1 = require("./bitbucket");
const buildkite_1 = require("./buildkite");
const circleci_1 = require("./circleci");
const cloudbuild_1 = require("./cloudbuild");
const codebuild_1 = require("./codebuild");
const drone_1 = require("./drone");
const github_1 = require("./github");
const gitlab_1 = require("./gitlab");
const jenkins_1 = require("./jenkins");
const tekton_1 = require("./tekton");
exports.CI_DIALECTS = [
    github_1.githubWorkflowDialect,
    github_1.githubActionDialect,
    gitlab_1.gitlabDialect,
    azure_1.azureDialect,
    jenkins_1.jenkinsDialect,
    circleci_1.circleciDialect,
    bitbucket_1.bitbucketDialect,
    cloudbuild_1.cloudBuildDialect,
    codebuild_1.codeBuildDialect,
    buildkite_1.buildkiteDialect,
    tekton_1.tektonDialect,
    drone_1.droneDialect,
    drone_1.woodpeckerDialect,
];
exports.CI_KINDS = exports.CI_DIALECTS.map((d) => d.kind);
const BY_KIND = new Map(exports.CI_DIALECTS.map((d) => [d.kind, d]));
function isCiKind(kind) {
    return BY_KIND.has(kind);
}
function ciDialect(kind) {
    return BY_KIND.get(kind);
}
/** Is a file of this kind a pipeline of its own (not a GitHub action called from one)? */
function isPipelineKind(kind) {
    return BY_KIND.get(kind)?.pipelineRank !== undefined;
}
/** Pipeline dialects, preferred first (where missing activities and new CI jobs attach). */
exports.PIPELINE_ORDER = exports.CI_DIALECTS.filter((d) => d.pipelineRank !== undefined)
    .sort((a, b) => a.pipelineRank - b.pipelineRank)
    .map((d) => d.kind);
/** Dialects that take quick-fix snippets, in registry order. */
exports.FIXABLE_CI_KINDS = exports.CI_DIALECTS.filter((d) => 'placements' in d.fixes).map((d) => d.kind);
//# sourceMappingURL=registry.js.map