// The warm-up's search for files to assess: package.json's workspaceContains globs as one glob.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { expandBraces, workspaceContainsGlob } from '../../src/core/activation';
import { globMatch } from '../../src/core/glob';
import { REPO_ROOT } from './scanHelpers';

describe('The search for files to assess (activation without VS Code\'s workspaceContains search)', () => {
  it('writes out brace alternatives, several groups per glob', () => {
    assert.deepEqual(expandBraces('.circleci/config.{yml,yaml}'), ['.circleci/config.yml', '.circleci/config.yaml']);
    assert.deepEqual(expandBraces('**/{a,b}*.{yml,yaml}'), ['**/a*.yml', '**/a*.yaml', '**/b*.yml', '**/b*.yaml']);
    assert.deepEqual(expandBraces('Jenkinsfile'), ['Jenkinsfile']);
  });

  it('joins only the workspaceContains events, without nested braces', () => {
    assert.equal(workspaceContainsGlob(['onView:x', 'workspaceContains:a.{yml,yaml}', 'workspaceContains:**/b', 'onLanguage:y']), '{a.yml,a.yaml,**/b}');
    assert.equal(workspaceContainsGlob(['workspaceContains:Jenkinsfile']), 'Jenkinsfile');
    assert.equal(workspaceContainsGlob(['onView:x']), undefined);
  });

  it('package.json\'s events make a glob that finds the usual pipeline and container files, and not others', () => {
    const pkg = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { activationEvents: string[] };
    const glob = workspaceContainsGlob(pkg.activationEvents)!;
    const inner = glob.slice(1, -1);
    assert.ok(glob.startsWith('{') && glob.endsWith('}') && !/[{}]/.test(inner), 'one brace group, nothing nested');
    const alternatives = inner.split(',');
    const found = (p: string) => alternatives.some((g) => globMatch(g, p));
    for (const p of ['.github/workflows/ci.yml', '.gitlab-ci.yml', '.circleci/config.yml', 'bitbucket-pipelines.yml', 'ci/Jenkinsfile', 'Dockerfile', '.dsomm/team-progress.yaml']) {
      assert.ok(found(p), `${p} is not searched for`);
    }
    for (const p of ['README.md', 'src/index.ts', 'docs/ci.yml']) assert.ok(!found(p), `${p} would start a scan`);
  });
});
