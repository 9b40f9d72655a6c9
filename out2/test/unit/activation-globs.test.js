"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", { value: true });
// The extension starts on the files it reads: every `workspaceContains:` glob of a CI dialect names
// files the classifier gives to that dialect, and the usual file names of each dialect (root and
// nested) are matched by one of its globs. VS Code's globs add `{a,b}` alternatives to ours.
const assert = __importStar(require("node:assert/strict"));
const node_fs_1 = require("node:fs");
const path = __importStar(require("node:path"));
const classify_1 = require("../../src/core/scan/discover/classify");
const registry_1 = require("../../src/core/scan/ci/registry");
const glob_1 = require("../../src/core/glob");
const scanHelpers_1 = require("./scanHelpers");
/** `{a,b}` alternatives written out (several groups, not nested), as VS Code reads them. */
function expandBraces(glob) {
    const open = glob.indexOf('{');
    if (open < 0)
        return [glob];
    const close = glob.indexOf('}', open);
    assert.ok(close > open, `unbalanced braces in ${glob}`);
    return glob.slice(open + 1, close).split(',').flatMap((alt) => expandBraces(glob.slice(0, open) + alt + glob.slice(close + 1)));
}
/** Concrete paths a glob matches: `**` as no folder and as two folders, `*` as a word. */
function instances(glob) {
    return expandBraces(glob).flatMap((g) => ['', 'src/app/'].map((folders) => g.split('/').map((s) => (s === '**' ? folders.slice(0, -1) : s.replace(/\*/g, 'x'))).filter((s) => s !== '').join('/')));
}
/** Usual names per dialect: what the README's "Files read" column lists, at the root and nested. */
const SAMPLES = {
    'github-workflow': ['.github/workflows/ci.yml', '.github/workflows/release.yaml'],
    'gitlab-ci': ['.gitlab-ci.yml', '.gitlab-ci.yaml', 'ci/build.gitlab-ci.yml', 'templates/deploy.gitlab-ci.yaml'],
    'azure-pipelines': [
        'azure-pipelines.yml', 'azure-pipelines.yaml', 'azure-pipelines-ci.yml', 'ci/azure-pipelines.yml', '.azure-pipelines.yml',
        'build.azure-pipelines.yml', 'eng/release.azure-pipelines.yaml', '.azure-pipelines/build.yml', '.azure-pipelines/templates/steps.yaml',
    ],
    jenkinsfile: ['Jenkinsfile', 'Jenkinsfile.release', 'ci/Jenkinsfile', 'deploy.jenkinsfile'],
    circleci: ['.circleci/config.yml', '.circleci/config.yaml'],
    'bitbucket-pipelines': ['bitbucket-pipelines.yml', 'bitbucket-pipelines.yaml'],
    cloudbuild: ['cloudbuild.yaml', 'cloudbuild.yml', 'deploy/cloudbuild.yaml', 'cloudbuild-prod.yaml', 'cloudbuild.prod.yaml'],
    codebuild: ['buildspec.yml', 'buildspec-test.yml', 'infra/buildspec.yaml', 'buildspec_release.yml'],
    buildkite: ['.buildkite/pipeline.yml', '.buildkite/pipeline.release.yml', '.buildkite/pipeline-deploy.yaml', 'buildkite.yml', '.buildkite.yaml'],
    tekton: ['.tekton/pipeline.yaml', '.tekton/tasks/build.yaml'],
    drone: ['.drone.yml', '.drone.yaml'],
    woodpecker: ['.woodpecker.yml', '.woodpecker.yaml', '.woodpecker/build.yaml'],
};
describe('Activation events and file classification agree', () => {
    const pkg = JSON.parse((0, node_fs_1.readFileSync)(path.join(scanHelpers_1.REPO_ROOT, 'package.json'), 'utf8'));
    const contains = pkg.activationEvents.filter((e) => e.startsWith('workspaceContains:')).map((e) => e.slice('workspaceContains:'.length));
    it('package.json lists exactly the dialects\' globs, plus the progress file and container files', () => {
        const ciGlobs = registry_1.CI_DIALECTS.flatMap((d) => d.activationGlobs);
        assert.deepEqual(contains.filter((g) => !ciGlobs.includes(g)), ['.dsomm/team-progress.yaml', '{Dockerfile,Containerfile,docker-compose.yml,docker-compose.yaml,compose.yml,compose.yaml}']);
        for (const g of ciGlobs)
            assert.ok(contains.includes(g), g);
    });
    it('every path an activation glob matches is classified as that glob\'s dialect', () => {
        for (const d of registry_1.CI_DIALECTS) {
            for (const glob of d.activationGlobs) {
                for (const p of instances(glob))
                    assert.equal((0, classify_1.classify)(p), d.kind, `${glob} matches ${p}, which is not classified as ${d.kind}`);
            }
        }
    });
    it('the usual file names of every dialect are classified as it and start the extension', () => {
        for (const d of registry_1.CI_DIALECTS) {
            if (!d.activationGlobs.length)
                continue; // the GitHub action.yml is read with the workflows that use it
            const samples = SAMPLES[d.kind];
            assert.ok(samples?.length, `no sample names for ${d.kind}`);
            const globs = d.activationGlobs.flatMap(expandBraces);
            for (const p of samples) {
                assert.equal((0, classify_1.classify)(p), d.kind, `${p} is not classified as ${d.kind}`);
                assert.ok(globs.some((g) => (0, glob_1.globMatch)(g, p)), `${p} (${d.kind}) starts no activation event: ${d.activationGlobs.join(', ')}`);
            }
        }
    });
    it('the helpers can fail: an unrelated glob does not match, a foreign name is not classified', () => {
        assert.deepEqual(instances('**/{a,b}*.yml'), ['ax.yml', 'src/app/ax.yml', 'bx.yml', 'src/app/bx.yml']);
        assert.equal((0, glob_1.globMatch)('.gitlab-ci.yml', 'ci/.gitlab-ci.yml'), false);
        assert.notEqual((0, classify_1.classify)('docs/azure-pipelines-guide.md'), 'azure-pipelines');
        assert.ok((0, registry_1.ciDialect)('azure-pipelines').activationGlobs.flatMap(expandBraces).every((g) => !(0, glob_1.globMatch)(g, 'azure.yml')));
    });
});
//# sourceMappingURL=activation-globs.test.js.map