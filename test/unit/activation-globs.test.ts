// The extension starts on the files it reads: every `workspaceContains:` glob of a CI dialect names
// files the classifier gives to that dialect, and the usual file names of each dialect (root and
// nested) are matched by one of its globs. VS Code's globs add `{a,b}` alternatives to ours.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { classify } from '../../src/core/scan/discover/classify';
import { CI_DIALECTS, ciDialect, CiKind } from '../../src/core/scan/ci/registry';
import { globMatch } from '../../src/core/glob';
import { REPO_ROOT } from './scanHelpers';

/** `{a,b}` alternatives written out (several groups, not nested), as VS Code reads them. */
function expandBraces(glob: string): string[] {
  const open = glob.indexOf('{');
  if (open < 0) return [glob];
  const close = glob.indexOf('}', open);
  assert.ok(close > open, `unbalanced braces in ${glob}`);
  return glob.slice(open + 1, close).split(',').flatMap((alt) => expandBraces(glob.slice(0, open) + alt + glob.slice(close + 1)));
}

/** Concrete paths a glob matches: `**` as no folder and as two folders, `*` as a word. */
function instances(glob: string): string[] {
  return expandBraces(glob).flatMap((g) =>
    ['', 'src/app/'].map((folders) => g.split('/').map((s) => (s === '**' ? folders.slice(0, -1) : s.replace(/\*/g, 'x'))).filter((s) => s !== '').join('/')),
  );
}

/** Usual names per dialect: what the README's "Files read" column lists, at the root and nested. */
const SAMPLES: Partial<Record<CiKind, string[]>> = {
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
  const pkg = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { activationEvents: string[] };
  const contains = pkg.activationEvents.filter((e) => e.startsWith('workspaceContains:')).map((e) => e.slice('workspaceContains:'.length));

  it('package.json lists exactly the dialects\' globs, plus the progress file and container files', () => {
    const ciGlobs = CI_DIALECTS.flatMap((d) => d.activationGlobs);
    assert.deepEqual(contains.filter((g) => !ciGlobs.includes(g)), ['.dsomm/team-progress.yaml', '{Dockerfile,Containerfile,docker-compose.yml,docker-compose.yaml,compose.yml,compose.yaml}']);
    for (const g of ciGlobs) assert.ok(contains.includes(g), g);
  });

  it('every path an activation glob matches is classified as that glob\'s dialect', () => {
    for (const d of CI_DIALECTS) {
      for (const glob of d.activationGlobs) {
        for (const p of instances(glob)) assert.equal(classify(p), d.kind, `${glob} matches ${p}, which is not classified as ${d.kind}`);
      }
    }
  });

  it('the usual file names of every dialect are classified as it and start the extension', () => {
    for (const d of CI_DIALECTS) {
      if (!d.activationGlobs.length) continue; // the GitHub action.yml is read with the workflows that use it
      const samples = SAMPLES[d.kind];
      assert.ok(samples?.length, `no sample names for ${d.kind}`);
      const globs = d.activationGlobs.flatMap(expandBraces);
      for (const p of samples) {
        assert.equal(classify(p), d.kind, `${p} is not classified as ${d.kind}`);
        assert.ok(globs.some((g) => globMatch(g, p)), `${p} (${d.kind}) starts no activation event: ${d.activationGlobs.join(', ')}`);
      }
    }
  });

  it('the helpers can fail: an unrelated glob does not match, a foreign name is not classified', () => {
    assert.deepEqual(instances('**/{a,b}*.yml'), ['ax.yml', 'src/app/ax.yml', 'bx.yml', 'src/app/bx.yml']);
    assert.equal(globMatch('.gitlab-ci.yml', 'ci/.gitlab-ci.yml'), false);
    assert.notEqual(classify('docs/azure-pipelines-guide.md'), 'azure-pipelines');
    assert.ok(ciDialect('azure-pipelines').activationGlobs.flatMap(expandBraces).every((g) => !globMatch(g, 'azure.yml')));
  });
});
