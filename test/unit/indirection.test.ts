import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { checkoutFolder, findIndirection, makeDefaultGoal, makeDependencies, parseMakefile, parsePackageScripts, powershellLinesOfScript } from '../../src/core/scan/parse/indirection';
import { invocations, shellLinesOfScript } from '../../src/core/scan/parse/shell';
import { ShellLine } from '../../src/core/scan/types';

const FIXTURES = path.resolve(__dirname, '../../../test/fixtures/indirection');
const read = (f: string) => fs.readFileSync(path.join(FIXTURES, f), 'utf8');

function at(l: ShellLine): [string, number, number, number, number] {
  return [l.text, l.loc.line, l.loc.column, l.loc.endLine, l.loc.endColumn];
}

/** findIndirection for the first invocation of a line that has one. */
function ind(text: string) {
  const line: ShellLine = { text, loc: { path: 'ci.yml', line: 1, column: 1, endLine: 1, endColumn: 1 + text.length } };
  for (const i of invocations(line)) {
    const r = findIndirection(i);
    if (r) return r;
  }
  return undefined;
}

describe('indirection: Makefile', () => {
  const text = read('Makefile');
  const targets = parseMakefile('Makefile', text);

  it('maps every rule target (not .PHONY) with the default goal first', () => {
    assert.deepStrictEqual([...targets.keys()], ['all', 'ci', 'build', 'test', 'scan', 'lint', 'sbom', '%.o', 'clean']);
    assert.strictEqual(makeDefaultGoal('Makefile', text), 'all');
  });

  it('strips @ - + prefixes and gives the command text its exact position', () => {
    assert.deepStrictEqual(targets.get('ci')!.map(at), [['echo "running ci"', 11, 3, 11, 20]]);
    assert.deepStrictEqual(targets.get('build')!.map(at), [['docker build -t $(IMAGE) .', 14, 2, 14, 28]]);
    assert.deepStrictEqual(targets.get('test')!.map(at), [['go test ./...', 17, 3, 17, 16]]);
    assert.strictEqual(targets.get('all')!.length, 0);
  });

  it('joins continuation lines, drops shell comments, shares recipes of multi-target rules', () => {
    const scan = [
      ['trivy image --exit-code 1 --severity HIGH,CRITICAL $(IMAGE)', 20, 3, 22, 14],
      ['semgrep ci', 24, 4, 24, 14],
    ];
    assert.deepStrictEqual(targets.get('scan')!.map(at), scan);
    assert.deepStrictEqual(targets.get('lint')!.map(at), scan);
    assert.strictEqual(targets.get('scan')![0].loc.path, 'Makefile');
  });

  it('reads double-colon rules and inline `; recipe`', () => {
    assert.deepStrictEqual(targets.get('sbom')!.map(at), [
      ['syft dir:. -o cyclonedx-json', 26, 10, 26, 38],
      ['grype sbom:./sbom.json', 28, 2, 28, 24],
    ]);
  });

  it('ignores define blocks and target-specific variables', () => {
    assert.ok(!targets.has('fake'));
    assert.ok(!targets.has('VERSION'));
    assert.deepStrictEqual(targets.get('build')!.map((l) => l.text), ['docker build -t $(IMAGE) .']);
  });

  it('lists direct prerequisites without merging their recipes', () => {
    const deps = makeDependencies('Makefile', text);
    assert.deepStrictEqual(deps.get('all'), ['build', 'test']);
    assert.deepStrictEqual(deps.get('ci'), ['lint', 'scan']);
    assert.deepStrictEqual(deps.get('scan'), ['build']);
    assert.deepStrictEqual(deps.get('build'), []);
    assert.strictEqual(targets.get('ci')!.length, 1);
  });

  it('honours .RECIPEPREFIX and .DEFAULT_GOAL', () => {
    const t = read('prefix.mk');
    const m = parseMakefile('prefix.mk', t);
    assert.deepStrictEqual([...m.keys()], ['check', 'deploy']);
    assert.deepStrictEqual(m.get('deploy')!.map(at), [['./scripts/deploy.sh', 3, 3, 3, 22]]);
    assert.deepStrictEqual(m.get('check')!.map(at), [['gitleaks detect', 5, 3, 5, 18]]);
    assert.strictEqual(makeDefaultGoal('prefix.mk', t), 'check');
  });

  it('never throws on junk', () => {
    for (const t of ['', '\t\t\t', ':', '::=', 'a: b\n\tc \\', '$(', 'define x\n', 'x:\n\t\\']) {
      assert.doesNotThrow(() => parseMakefile('M', t));
      assert.doesNotThrow(() => makeDependencies('M', t));
    }
  });
});

describe('indirection: package.json scripts', () => {
  const scripts = parsePackageScripts('web/package.json', read('package.json'));

  it('reads each script with the position of its first character inside the quotes', () => {
    assert.deepStrictEqual([...scripts.keys()], ['build', 'pretest', 'test', 'lint', 'audit']);
    assert.deepStrictEqual(at(scripts.get('build')!), ['tsc -p .', 5, 15, 5, 23]);
    assert.deepStrictEqual(at(scripts.get('pretest')!), ['npm run lint', 6, 17, 6, 29]);
    assert.deepStrictEqual(at(scripts.get('test')!), ['mocha "test/**/*.js"', 7, 14, 7, 36]);
    assert.deepStrictEqual(at(scripts.get('lint')!), ['eslint . && semgrep --config auto', 8, 11, 8, 44]);
    assert.strictEqual(scripts.get('audit')!.loc.path, 'web/package.json');
  });

  it('gives an empty map for invalid JSON or no scripts', () => {
    assert.strictEqual(parsePackageScripts('p.json', '{ "scripts": ').size, 0);
    assert.strictEqual(parsePackageScripts('p.json', '{ "name": "x" }').size, 0);
    assert.strictEqual(parsePackageScripts('p.json', '').size, 0);
    assert.strictEqual(parsePackageScripts('p.json', '[1, 2]').size, 0);
  });
});

describe('indirection: shell scripts', () => {
  it('reads scripts/scan.sh into runnable lines (heredoc bodies skipped)', () => {
    const lines = shellLinesOfScript('scripts/scan.sh', read('scripts/scan.sh'));
    const progs = lines.flatMap((l) => invocations(l).map((i) => i.program));
    assert.ok(progs.includes('trivy'));
    assert.ok(progs.includes('gitleaks'));
    assert.ok(!progs.includes('semgrep'), 'heredoc body is data');
    assert.strictEqual(lines.filter((l) => l.text.includes('trivy fs')).length, 0);
  });
});

describe('indirection: findIndirection', () => {
  const cases: [string, unknown][] = [
    ['make', { kind: 'make', targets: [] }],
    ['make scan', { kind: 'make', targets: ['scan'] }],
    ['make -C services/api -j4 IMAGE=x lint test', { kind: 'make', targets: ['lint', 'test'], dir: 'services/api' }],
    ['make docker-init-buildx docker-build OUTPUT_TYPE=type=docker', { kind: 'make', targets: ['docker-init-buildx', 'docker-build'] }],
    ['make -- lint V=1 lint', { kind: 'make', targets: ['lint'] }],
    ['make -f build/ci.mk --no-print-directory -j 8 security', { kind: 'make', targets: ['security'], file: 'build/ci.mk' }],
    ['make --directory=./web', { kind: 'make', targets: [], dir: 'web' }],
    ['sudo make install', { kind: 'make', targets: ['install'] }],
    ['./scripts/scan.sh --fast', { kind: 'script', path: 'scripts/scan.sh' }],
    ['scripts/scan.sh', { kind: 'script', path: 'scripts/scan.sh' }],
    ['bash scripts/scan.sh arg', { kind: 'script', path: 'scripts/scan.sh' }],
    ['sh -e ./ci/run-checks', { kind: 'script', path: 'ci/run-checks' }],
    ['zsh tools/check.sh', { kind: 'script', path: 'tools/check.sh' }],
    ['$GITHUB_WORKSPACE/scripts/scan.sh', { kind: 'script', path: 'scripts/scan.sh' }],
    ['. ./env/setup.sh', { kind: 'script', path: 'env/setup.sh' }],
    ['chmod +x ./build.sh && ./build.sh', { kind: 'script', path: 'build.sh' }],
    ['npm run lint', { kind: 'npm-script', name: 'lint' }],
    ['npm run-script build -- --prod', { kind: 'npm-script', name: 'build' }],
    ['npm test', { kind: 'npm-script', name: 'test' }],
    ['npm t', { kind: 'npm-script', name: 'test' }],
    ['npm start', { kind: 'npm-script', name: 'start' }],
    ['npm --prefix web run audit', { kind: 'npm-script', name: 'audit', dir: 'web' }],
    ['npm run --silent lint --prefix=./web', { kind: 'npm-script', name: 'lint', dir: 'web' }],
    ['yarn lint', { kind: 'npm-script', name: 'lint' }],
    ['yarn run test', { kind: 'npm-script', name: 'test' }],
    ['yarn --cwd frontend build', { kind: 'npm-script', name: 'build', dir: 'frontend' }],
    ['pnpm run audit', { kind: 'npm-script', name: 'audit' }],
    ['pnpm -C web lint', { kind: 'npm-script', name: 'lint', dir: 'web' }],
    ['pnpm test', { kind: 'npm-script', name: 'test' }],
    ['bun run scan', { kind: 'npm-script', name: 'scan' }],
    ['"$(dirname "$0")/test.sh" -v', { kind: 'script', path: 'test.sh', fromScriptDir: true }],
    ['source "${BASH_SOURCE%/*}/lib/env.sh"', { kind: 'script', path: 'lib/env.sh', fromScriptDir: true }],
    ['& "$PSScriptRoot/../build.ps1" -Inline', { kind: 'script', path: '../build.ps1', fromScriptDir: true }],
    ['& ./test.ps1 -CI', { kind: 'script', path: 'test.ps1' }],
    ['pwsh -NoProfile -File ./build.ps1 -Test', { kind: 'script', path: 'build.ps1' }],
    ['.\\publish\\release.ps1 -SkipTests:$false', { kind: 'script', path: 'publish/release.ps1' }],
    ['docker build -f docker/Dockerfile.ci -t app:ci .', { kind: 'image-build', context: '', file: 'docker/Dockerfile.ci' }],
    ['docker buildx build --platform linux/amd64 --push ./web/', { kind: 'image-build', context: 'web' }],
    ['buildah bud -t app services/api', { kind: 'image-build', context: 'services/api' }],
    ['docker buildx build ${CI:+--quiet} --tag app --push --file .circleci/Dockerfile .', { kind: 'image-build', context: '', file: '.circleci/Dockerfile' }],
    ['Import-Module $PSScriptRoot/build.psm1 -Force', { kind: 'script', path: 'build.psm1', fromScriptDir: true }],
  ];
  for (const [text, expected] of cases) {
    it(`follows ${JSON.stringify(text)}`, () => assert.deepStrictEqual(ind(text), expected));
  }

  const none = ['yarn install', 'yarn add snyk', 'yarn', 'npm install', 'npm ci', 'npm audit', 'pnpm install', 'pnpm --filter web build',
    'npm -w packages/a run lint', 'bun run index.ts', 'bun test', 'bash -c "make scan"x', 'trivy fs .', 'echo ./scripts/scan.sh',
    '/usr/local/bin/scan.sh', 'go run ./cmd/scanner', 'npx @scope/tool', 'python3 tools/zap.py', 'node_modules/.bin/eslint .', 'pip install -r x/y.txt',
    'bash', 'sh -s -- -b /usr/local/bin', '"$SCRIPT"', 'docker build -t x -', 'docker build https://github.com/a/b.git', 'docker run --rm app'];
  for (const text of none) {
    it(`does not follow ${JSON.stringify(text)}`, () => {
      const line: ShellLine = { text, loc: { path: 'ci.yml', line: 1, column: 1, endLine: 1, endColumn: 1 } };
      const found = invocations(line).map((i) => findIndirection(i)).filter((x) => x !== undefined);
      // `bash -c "make scan"` is parsed by the shell reader: its inner `make` is followed, not the shell
      if (text.startsWith('bash -c')) assert.deepStrictEqual(found, [{ kind: 'make', targets: ['scanx'] }]);
      else assert.deepStrictEqual(found, []);
    });
  }

  it('expands a leading variable known to hold the script folder or a path', () => {
    const vars = new Map([['HERE', '$PSScriptRoot'], ['TOOLS', 'tools/ci']]);
    const first = (text: string) => invocations({ text, loc: { path: 'x', line: 1, column: 1, endLine: 1, endColumn: 1 } }).map((i) => findIndirection(i, vars)).find((x) => x);
    assert.deepStrictEqual(first('"${HERE}/lint.sh" src'), { kind: 'script', path: 'lint.sh', fromScriptDir: true });
    assert.deepStrictEqual(first('$TOOLS/check.sh'), { kind: 'script', path: 'tools/ci/check.sh' });
    assert.strictEqual(first('$UNKNOWN/check.sh'), undefined);
  });

  it('does not follow installs', () => {
    const [i] = invocations({ text: 'npm i -g snyk', loc: { path: 'x', line: 1, column: 1, endLine: 1, endColumn: 1 } });
    assert.strictEqual(i.kind, 'install');
    assert.strictEqual(findIndirection(i), undefined);
  });
});

describe('indirection: PowerShell scripts and working directories', () => {
  it('reads .ps1 lines as commands, leaves help blocks out, and reads script blocks built from strings', () => {
    const text = '<#\n.EXAMPLE\n ./release.ps1 -Publish\n#>\nparam([switch] $Test)\nImport-Module (Join-Path $PSScriptRoot build.psm1)\n$b = [scriptblock]::Create("Invoke-Pester -Path tests")\n';
    const lines = powershellLinesOfScript('build.ps1', text);
    assert.ok(!lines.some((l) => l.text.includes('release.ps1')), JSON.stringify(lines));
    assert.ok(lines.some((l) => l.text === 'Import-Module $PSScriptRoot/build.psm1' && l.loc.line === 6), JSON.stringify(lines));
    assert.ok(lines.some((l) => l.text === 'Invoke-Pester -Path tests' && l.loc.line === 7), JSON.stringify(lines));
  });

  it('maps a step working directory to a folder of the checkout', () => {
    assert.strictEqual(checkoutFolder('backend'), 'backend');
    assert.strictEqual(checkoutFolder('./web/'), 'web');
    assert.strictEqual(checkoutFolder('$(Build.SourcesDirectory)'), '');
    assert.strictEqual(checkoutFolder('${{ github.workspace }}/api'), 'api');
    assert.strictEqual(checkoutFolder('.'), '');
    assert.strictEqual(checkoutFolder('/opt/build'), undefined);
  });
});
