import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { invocations, Invocation, joinContinuations, MAX_SUBSTITUTION_DEPTH, shellLinesOfScript, substitutionDepth, variablesForLaterSteps } from '../../src/core/scan/parse/shell';
import { ShellLine } from '../../src/core/scan/types';

const FIXTURES = path.resolve(__dirname, '../../../test/fixtures/indirection');

function line(text: string): ShellLine {
  return { text, loc: { path: 'ci.yml', line: 7, column: 9, endLine: 7, endColumn: 9 + text.length } };
}

/** The invocations without the `line` (checked separately), for compact deepEqual. */
function inv(text: string): Omit<Invocation, 'line'>[] {
  return invocations(line(text)).map((i) => {
    const { line: _l, ...rest } = i;
    void _l;
    return rest;
  });
}

function programs(text: string): string[] {
  return invocations(line(text)).map((i) => i.program);
}

type Expect = Partial<Omit<Invocation, 'line'>>;

/** Each case: the line, and the expected invocations (only the listed fields are compared). */
const CASES: [string, Expect[]][] = [
  // echo-like: the words printed are never the program
  ['echo "run trivy"', [{ program: 'echo', args: ['run trivy'], kind: 'run' }]],
  ["echo trivy gitleaks", [{ program: 'echo', args: ['trivy', 'gitleaks'] }]],
  ['printf "%s\\n" trivy', [{ program: 'printf', args: ['%s\\n', 'trivy'] }]],
  [': trivy', [{ program: ':', args: ['trivy'] }]],
  ['true', [{ program: 'true', args: [] }]],
  ['cat trivy.json', [{ program: 'cat', args: ['trivy.json'] }]],
  // installs
  ['pip install semgrep', [{ program: 'pip', kind: 'install', args: ['semgrep'] }]],
  ['pip3 install --user -U "checkov[all]>=2.0" bandit==1.7.5', [{ program: 'pip3', kind: 'install', args: ['checkov', 'bandit'] }]],
  ['python -m pip install --no-cache-dir pip-audit', [{ program: 'pip', kind: 'install', args: ['pip-audit'], wrapper: 'python -m' }]],
  ['pip install -r requirements.txt', [{ program: 'pip', kind: 'run', args: ['install', '-r', 'requirements.txt'] }]],
  ['pipx install semgrep', [{ program: 'pipx', kind: 'install', args: ['semgrep'] }]],
  ['uv tool install bandit', [{ program: 'uv', kind: 'install', args: ['bandit'] }]],
  ['npm i -g snyk@1.1290.0 @cyclonedx/cyclonedx-npm@latest', [{ program: 'npm', kind: 'install', args: ['snyk', '@cyclonedx/cyclonedx-npm'] }]],
  ['npm install', [{ program: 'npm', kind: 'run', args: ['install'] }]],
  ['npm ci --ignore-scripts', [{ program: 'npm', kind: 'run', args: ['ci', '--ignore-scripts'] }]],
  ['yarn global add retire', [{ program: 'yarn', kind: 'install', args: ['retire'] }]],
  ['pnpm add -D @cyclonedx/cdxgen', [{ program: 'pnpm', kind: 'install', args: ['@cyclonedx/cdxgen'] }]],
  ['apt-get install -y --no-install-recommends trivy=0.50.0 curl', [{ program: 'apt-get', kind: 'install', args: ['trivy', 'curl'] }]],
  ['apk add --no-cache --virtual .deps git trivy', [{ program: 'apk', kind: 'install', args: ['git', 'trivy'] }]],
  ['dnf -y install clamav', [{ program: 'dnf', kind: 'install', args: ['clamav'] }]],
  ['brew install aquasecurity/trivy/trivy', [{ program: 'brew', kind: 'install', args: ['trivy'] }]],
  ['go install github.com/securego/gosec/v2/cmd/gosec@latest', [{ program: 'go', kind: 'install', args: ['gosec'] }]],
  ['go install golang.org/x/vuln/cmd/govulncheck@v1.1.0', [{ program: 'go', kind: 'install', args: ['govulncheck'] }]],
  ['cargo install --locked cargo-audit', [{ program: 'cargo', kind: 'install', args: ['cargo-audit'] }]],
  ['gem install brakeman -v 6.1.2', [{ program: 'gem', kind: 'install', args: ['brakeman'] }]],
  ['choco install trivy -y', [{ program: 'choco', kind: 'install', args: ['trivy'] }]],
  ['sudo apt-get install -y trivy', [{ program: 'apt-get', kind: 'install', args: ['trivy'], wrapper: 'sudo' }]],
  ['curl -sSfL https://x/install.sh | sh -s -- -b /usr/local/bin', [{ program: 'curl', kind: 'install', args: ['https://x/install.sh'] }]],
  ['wget -qO- https://raw.githubusercontent.com/a/b/main/install.sh | sudo bash', [{ program: 'wget', kind: 'install', args: ['https://raw.githubusercontent.com/a/b/main/install.sh'] }]],
  ['sh -c "$(curl -fsSL https://get.example.com/i.sh)"', [{ program: 'curl', kind: 'install', args: ['https://get.example.com/i.sh'], wrapper: 'sh -c' }]],
  ['bash <(curl -s https://x/i.sh)', [{ program: 'curl', kind: 'install', args: ['https://x/i.sh'] }]],
  ['irm https://get.scoop.sh | iex', [{ program: 'irm', kind: 'install', args: ['https://get.scoop.sh'] }]],
  ['curl -o trivy.tgz https://x/trivy.tgz', [{ program: 'curl', kind: 'run', args: ['-o', 'trivy.tgz', 'https://x/trivy.tgz'] }]],
  // wrappers
  ['FOO=1 sudo -E trivy image x', [{ program: 'trivy', args: ['image', 'x'], kind: 'run', wrapper: 'sudo' }]],
  ['sudo -u ci -E BAR=2 gitleaks detect', [{ program: 'gitleaks', args: ['detect'], wrapper: 'sudo' }]],
  ['time -p trivy fs .', [{ program: 'trivy', args: ['fs', '.'], wrapper: 'time' }]],
  ['exec trivy server', [{ program: 'trivy', wrapper: 'exec' }]],
  ['nohup trivy server --listen 0.0.0.0:8080 &', [{ program: 'trivy', args: ['server', '--listen', '0.0.0.0:8080'], wrapper: 'nohup' }]],
  ['env -i PATH=/usr/bin HOME=/tmp semgrep ci', [{ program: 'semgrep', args: ['ci'], wrapper: 'env' }]],
  ['timeout 10m trivy fs .', [{ program: 'trivy', args: ['fs', '.'], wrapper: 'timeout' }]],
  ['timeout -s KILL 300 zap-full-scan.py -t http://app', [{ program: 'zap-full-scan.py', args: ['-t', 'http://app'], wrapper: 'timeout' }]],
  ['git ls-files "*.sh" | xargs -r -n 1 shellcheck -x', [{ program: 'git', args: ['ls-files', '*.sh'] }, { program: 'shellcheck', args: ['-x'], wrapper: 'xargs' }]],
  ['command trivy --version', [{ program: 'trivy', args: ['--version'], wrapper: 'command' }]],
  ['command -v trivy', [{ program: 'command', args: ['-v', 'trivy'], kind: 'run' }]],
  ['which trivy', [{ program: 'which', args: ['trivy'] }]],
  ['trivy --version', [{ program: 'trivy', args: ['--version'], kind: 'run' }]],
  // runners
  ['npx -y @cyclonedx/cyclonedx-npm --output-file x', [{ program: '@cyclonedx/cyclonedx-npm', args: ['--output-file', 'x'], wrapper: 'npx', command: '@cyclonedx/cyclonedx-npm' }]],
  ['npx --yes snyk@1.1290.0 test --severity-threshold=high', [{ program: 'snyk', args: ['test', '--severity-threshold=high'], wrapper: 'npx' }]],
  ['npx -p @stoplight/spectral-cli spectral lint api.yaml', [{ program: 'spectral', args: ['lint', 'api.yaml'], wrapper: 'npx' }]],
  ['npm exec -- retire --path .', [{ program: 'retire', args: ['--path', '.'], wrapper: 'npm exec' }]],
  ['pnpm dlx @Redocly/CLI@1.0.0 lint', [{ program: '@redocly/cli', args: ['lint'], wrapper: 'pnpm dlx' }]],
  ['pnpm exec eslint .', [{ program: 'eslint', args: ['.'], wrapper: 'pnpm exec' }]],
  ['yarn dlx audit-ci --high', [{ program: 'audit-ci', args: ['--high'], wrapper: 'yarn dlx' }]],
  ['bunx better-npm-audit audit', [{ program: 'better-npm-audit', args: ['audit'], wrapper: 'bunx' }]],
  ['pipx run pip-audit -r requirements.txt', [{ program: 'pip-audit', args: ['-r', 'requirements.txt'], wrapper: 'pipx run' }]],
  ['uvx semgrep@1.60.0 scan --config auto', [{ program: 'semgrep', args: ['scan', '--config', 'auto'], wrapper: 'uvx' }]],
  ['uvx --from checkov==3.2 checkov -d .', [{ program: 'checkov', args: ['-d', '.'], wrapper: 'uvx' }]],
  ['uv run bandit -r src', [{ program: 'bandit', args: ['-r', 'src'], wrapper: 'uv run' }]],
  ['poetry run safety check', [{ program: 'safety', args: ['check'], wrapper: 'poetry run' }]],
  ['pipenv run python -m pytest', [{ program: 'pytest', args: [], wrapper: 'python -m' }]],
  ['python -m bandit -r .', [{ program: 'bandit', args: ['-r', '.'], wrapper: 'python -m' }]],
  ['python3 -u -m pip_audit --strict', [{ program: 'pip_audit', args: ['--strict'], wrapper: 'python -m' }]],
  ['python3 tools/zap-baseline.py -t https://app', [{ program: 'zap-baseline.py', args: ['-t', 'https://app'], wrapper: 'python', command: 'tools/zap-baseline.py' }]],
  ['go run github.com/google/osv-scanner/cmd/osv-scanner@v1.7.0 -r .', [{ program: 'osv-scanner', args: ['-r', '.'], wrapper: 'go run' }]],
  ['java -Xmx2g -jar /opt/dependency-check/dependency-check.jar --scan . --format HTML', [{ program: 'dependency-check', args: ['--scan', '.', '--format', 'HTML'], wrapper: 'java -jar' }]],
  // containers
  ['docker run --rm -v $PWD:/src aquasec/trivy:0.50.0 fs .', [{ program: 'trivy', args: ['fs', '.'], wrapper: 'docker run', image: 'aquasec/trivy:0.50.0' }]],
  ['docker run --rm -it -e GITLEAKS_CONFIG=/c --name gl -w /src zricethezav/gitleaks:latest detect --source .', [{ program: 'gitleaks', args: ['detect', '--source', '.'], image: 'zricethezav/gitleaks:latest' }]],
  ['podman run --network host -u 1000 ghcr.io/zaproxy/zaproxy:stable zap-baseline.py -t http://localhost', [{ program: 'zap-baseline.py', args: ['-t', 'http://localhost'], wrapper: 'podman run', image: 'ghcr.io/zaproxy/zaproxy:stable' }]],
  ['docker run returntocorp/semgrep@sha256:abc123 semgrep ci', [{ program: 'semgrep', args: ['ci'], image: 'returntocorp/semgrep@sha256:abc123' }]],
  ['docker run --rm -i hadolint/hadolint < Dockerfile', [{ program: 'hadolint', args: [], image: 'hadolint/hadolint' }]],
  ['docker run --rm node:20 npx snyk test', [{ program: 'snyk', args: ['test'], wrapper: 'npx', image: 'node:20' }]],
  ['nerdctl run --entrypoint /usr/local/bin/grype anchore/grype:latest alpine:3.19', [{ program: 'grype', args: ['alpine:3.19'], image: 'anchore/grype:latest' }]],
  ['docker run --rm alpine:3 sh -c "apk add trivy && trivy fs /"', [{ program: 'apk', kind: 'install', args: ['trivy'], image: 'alpine:3' }, { program: 'trivy', args: ['fs', '/'], wrapper: 'sh -c', image: 'alpine:3' }]],
  ['docker exec -it -u root app-ctr gitleaks detect', [{ program: 'gitleaks', args: ['detect'], wrapper: 'docker exec' }]],
  ['docker build -t app .', [{ program: 'docker', args: ['build', '-t', 'app', '.'] }]],
  // shells
  ['bash -c "gitleaks detect"', [{ program: 'gitleaks', args: ['detect'], wrapper: 'bash -c' }]],
  ["sh -ec 'trivy fs . && grype dir:.'", [{ program: 'trivy', wrapper: 'sh -c' }, { program: 'grype', args: ['dir:.'], wrapper: 'sh -c' }]],
  ['bash -o pipefail -c "semgrep ci | tee out"', [{ program: 'semgrep', wrapper: 'bash -c' }, { program: 'tee', wrapper: 'bash -c' }]],
  ['bash ./scripts/scan.sh --fast', [{ program: 'bash', args: ['./scripts/scan.sh', '--fast'] }]],
  ['eval "$(ssh-agent -s)"', [{ program: 'ssh-agent', args: ['-s'], wrapper: 'eval' }]],
  // command substitution and odd program words
  ['$(which trivy) image x', [{ program: 'which', args: ['trivy'] }, { program: 'trivy', args: ['image', 'x'] }]],
  ['`command -v gitleaks` detect', [{ program: 'command', args: ['-v', 'gitleaks'] }, { program: 'gitleaks', args: ['detect'] }]],
  ['VERSION=$(trivy --version | head -1)', [{ program: 'trivy', args: ['--version'] }, { program: 'head', args: ['-1'] }]],
  ['echo "result: $(semgrep --version)"', [{ program: 'semgrep', args: ['--version'] }, { program: 'echo', args: ['result: $(semgrep --version)'] }]],
  ["echo '$(trivy fs .)'", [{ program: 'echo', args: ['$(trivy fs .)'] }]],
  ['./bin/Trivy fs .', [{ program: 'trivy', args: ['fs', '.'], command: './bin/Trivy' }]],
  ['"$TRIVY_BIN" image x', [{ program: '$trivy_bin', args: ['image', 'x'] }]],
  ['${SCANNER:-trivy} fs .', [{ program: 'trivy', args: ['fs', '.'] }]],
  // quotes, escapes, separators, comments
  ["echo 'a;b' && trivy fs . # scan it", [{ program: 'echo', args: ['a;b'] }, { program: 'trivy', args: ['fs', '.'] }]],
  ['echo "it\'s \\"quoted\\"" ; gitleaks detect', [{ program: 'echo', args: ['it\'s "quoted"'] }, { program: 'gitleaks', args: ['detect'] }]],
  ['trivy fs --skip-dirs "node modules" a\\ b', [{ program: 'trivy', args: ['fs', '--skip-dirs', 'node modules', 'a b'] }]],
  ['make lint || true', [{ program: 'make', args: ['lint'] }, { program: 'true' }]],
  ['trivy fs . 2>&1 > out.txt | tee -a log &', [{ program: 'trivy', args: ['fs', '.'] }, { program: 'tee', args: ['-a', 'log'] }]],
  ['if ! gitleaks detect; then exit 1; fi', [{ program: 'gitleaks', args: ['detect'] }, { program: 'exit', args: ['1'] }]],
  ['for f in $(git ls-files "*.sh"); do shellcheck "$f"; done', [{ program: 'git', args: ['ls-files', '*.sh'] }, { program: 'shellcheck', args: ['$f'] }]],
  ['case "$X" in scan) trivy fs . ;; *) echo skip ;; esac', [{ program: 'trivy', args: ['fs', '.'] }, { program: 'echo', args: ['skip'] }]],
  ['find . -name "*.tf" -exec tfsec {} \\;', [{ program: 'find' }, { program: 'tfsec', args: ['{}'], wrapper: 'find -exec' }]],
  ['(cd app && npm audit)', [{ program: 'cd', args: ['app'] }, { program: 'npm', args: ['audit'] }]],
  ["A=1 B='two words'", []],
  ['# just a comment', []],
  ['', []],
  ['echo "unterminated && trivy', [{ program: 'echo', args: ['unterminated && trivy'] }]],
  ["semgrep --config 'p/ci", [{ program: 'semgrep', args: ['--config', 'p/ci'] }]],
  ['cat <<EOF > x.txt\ntrivy fs .\nEOF\ngitleaks detect', [{ program: 'cat', args: [] }, { program: 'gitleaks', args: ['detect'] }]],
  ['trivy image \\\n  --exit-code 1 app', [{ program: 'trivy', args: ['image', '--exit-code', '1', 'app'] }]],
];

function check(text: string, expected: Expect[]): void {
  const got = inv(text);
  assert.strictEqual(got.length, expected.length, `${JSON.stringify(text)} → ${JSON.stringify(got)}`);
  expected.forEach((e, i) => {
    for (const [k, v] of Object.entries(e)) {
      assert.deepStrictEqual((got[i] as Record<string, unknown>)[k], v, `${JSON.stringify(text)} #${i}.${k} → ${JSON.stringify(got[i])}`);
    }
  });
}

describe('shell: invocations', () => {
  for (const [text, expected] of CASES) {
    it(`reads ${JSON.stringify(text).slice(0, 90)}`, () => check(text, expected));
  }

  it('a tool named in an echo string is never the program', () => {
    for (const t of ['echo "run trivy"', "echo 'gitleaks detect'", 'printf "semgrep ci"', 'echo trivy fs .']) {
      assert.ok(!programs(t).some((p) => ['trivy', 'gitleaks', 'semgrep'].includes(p)), t);
    }
  });

  it('keeps the exact ShellLine for every invocation, including nested ones', () => {
    const l = line('bash -c "trivy fs . && $(which grype) dir:."');
    const got = invocations(l);
    assert.deepStrictEqual(got.map((i) => i.program), ['trivy', 'which', 'grype']);
    for (const i of got) assert.strictEqual(i.line, l);
  });

  it('does not report install-only commands as runs', () => {
    const got = invocations(line('pip install semgrep && semgrep ci'));
    assert.deepStrictEqual(got.map((i) => [i.program, i.kind, i.args]), [['pip', 'install', ['semgrep']], ['semgrep', 'run', ['ci']]]);
  });

  it('records the image only for the container command', () => {
    const got = invocations(line('docker run --rm -v "$PWD:/src" aquasec/trivy:0.50.0 fs /src && trivy --version'));
    assert.strictEqual(got[0].image, 'aquasec/trivy:0.50.0');
    assert.strictEqual(got[1].image, undefined);
    assert.strictEqual(got[1].wrapper, undefined);
  });

  it('never throws on odd input', () => {
    const odd = ['"', "'", '$(', '`', '${', '$((', '\\', '|||', '&& &&', ')(', '<<', '>', '2>&', 'a=(b c', "$'\\", 'docker run', 'npx', 'sh -c', 'sudo', 'python -m', 'java -jar', 'go run', 'x'.repeat(5000), '$('.repeat(200), '"$(' .repeat(100)];
    for (const t of odd) assert.doesNotThrow(() => invocations(line(t)), t);
  });

  it('stops at a reasonable depth for deeply nested substitutions', () => {
    const deep = 'echo ' + '$(echo '.repeat(40) + 'trivy' + ')'.repeat(40);
    const got = invocations(line(deep));
    assert.ok(got.length > 0 && got.length <= 20);
  });
});

describe('shell: deep nesting', () => {
  /** `echo "$("$(…$(inner)…")")"`: command substitutions `n` deep. */
  const nested = (n: number, inner: string) => `echo "${'$("'.repeat(n - 1)}$(${inner})${'")'.repeat(n - 1)}"`;

  it('measures how deep command substitutions nest (quotes, ${…} and $((…)) do not count)', () => {
    const cases: [string, number][] = [
      ['echo a', 0],
      ['echo $(date)', 1],
      ['x="$(a "$(b)")"', 2],
      ['echo ${X:-$(id -u)}', 1],
      ["echo '$(not a command)'", 0],
      ['echo $((1 + (2 * 3)))', 0],
      ['echo a # $(in a comment)', 0],
      ['echo "$(a)" $(b $(c $(d)))', 3],
      [nested(4000, 'x'), 4000],
    ];
    for (const [text, depth] of cases) assert.strictEqual(substitutionDepth(text), depth, text.slice(0, 60));
  });

  it('`"$(` nested 4000 deep: no stack overflow; the commands around the deep word are read', () => {
    const text = `gitleaks detect && ${nested(4000, 'trivy image app')} && semgrep ci`;
    const got = invocations(line(text)).map((i) => i.program);
    // The innermost trivy is deeper than the analysis reads; the commands around the deep word are read.
    assert.deepStrictEqual(got, ['gitleaks', 'echo', 'semgrep']);
    assert.ok(substitutionDepth(text) > MAX_SUBSTITUTION_DEPTH);
  });

  it('reads the innermost command while the nesting stays within the limit', () => {
    const got = invocations(line(nested(MAX_SUBSTITUTION_DEPTH, 'trivy image app'))).map((i) => i.program);
    assert.ok(got.includes('trivy'), JSON.stringify(got));
  });
});

describe('shell: logical lines', () => {
  it('reads a whole script: continuations, comments, heredocs, shebang, open quotes', () => {
    const text = fs.readFileSync(path.join(FIXTURES, 'scripts/scan.sh'), 'utf8');
    const got = shellLinesOfScript('scripts/scan.sh', text).map((l) => [l.text, l.loc.line, l.loc.column, l.loc.endLine, l.loc.endColumn]);
    assert.deepStrictEqual(got, [
      ['set -euo pipefail', 3, 1, 3, 18],
      ['IMAGE="${1:-app:latest}"', 5, 1, 5, 25],
      ['trivy image --exit-code 1 "$IMAGE"   # fail on findings', 7, 1, 9, 32],
      ['if command -v gitleaks >/dev/null; then', 11, 1, 11, 40],
      ['gitleaks detect --source . --redact', 12, 3, 12, 38],
      ['fi', 13, 1, 13, 3],
      ['cat > report.md <<EOF', 15, 1, 15, 22],
      ["cat <<-'END'", 19, 3, 19, 15],
      ['echo "done: $(date)" | tee -a scan.log', 22, 1, 23, 18],
    ]);
    for (const l of shellLinesOfScript('scripts/scan.sh', text)) assert.strictEqual(l.loc.path, 'scripts/scan.sh');
  });

  it('joins a quoted string that spans lines', () => {
    const text = fs.readFileSync(path.join(FIXTURES, 'scripts/deploy.sh'), 'utf8');
    const got = shellLinesOfScript('scripts/deploy.sh', text);
    assert.deepStrictEqual(got.map((l) => [l.text, l.loc.line, l.loc.column]), [
      ["echo 'deploying\nto production'", 2, 1],
      ['kubectl apply -f k8s/', 4, 1],
    ]);
  });

  it('keeps a stray quote from swallowing the rest of the script', () => {
    const got = shellLinesOfScript('x.sh', "echo don't\ntrivy fs .\ngitleaks detect\n");
    assert.deepStrictEqual(got.map((l) => [l.text, l.loc.line]), [["echo don't", 1], ['trivy fs .', 2], ['gitleaks detect', 3]]);
  });

  it('reads a here-string (<<<) as input, not as the start of a here-document that swallows the script', () => {
    const got = shellLinesOfScript('x.sh', 'grep -q main <<< "$BRANCHES"\nread -r a b <<<"$PAIR"\ncat <<<EOF\ntrivy fs .\ncat <<END\nbody\nEND\ngitleaks detect\n');
    assert.deepStrictEqual(got.map((l) => [l.text, l.loc.line]), [
      ['grep -q main <<< "$BRANCHES"', 1],
      ['read -r a b <<<"$PAIR"', 2],
      ['cat <<<EOF', 3],
      ['trivy fs .', 4],
      ['cat <<END', 5],
      ['gitleaks detect', 8],
    ]);
  });

  it('handles CRLF line ends', () => {
    const got = shellLinesOfScript('x.sh', 'trivy fs \\\r\n  --quiet .\r\n\r\ngitleaks detect\r\n');
    assert.deepStrictEqual(got.map((l) => [l.text, l.loc.line, l.loc.column, l.loc.endLine, l.loc.endColumn]), [
      ['trivy fs --quiet .', 1, 1, 2, 12],
      ['gitleaks detect', 4, 1, 4, 16],
    ]);
  });

  it('joins physical lines that start at an offset column', () => {
    const got = joinContinuations('Jenkinsfile', [
      { text: '', line: 3, column: 20 },
      { text: '    docker run --rm \\', line: 4, column: 1 },
      { text: '      img', line: 5, column: 1 },
      { text: '    # note', line: 6, column: 1 },
      { text: '    trivy fs .', line: 7, column: 1 },
    ]);
    assert.deepStrictEqual(got.map((l) => [l.text, l.loc.line, l.loc.column, l.loc.endLine, l.loc.endColumn]), [
      ['docker run --rm img', 4, 5, 5, 10],
      ['trivy fs .', 7, 5, 7, 15],
    ]);
  });
});

describe('shell: variables a step sets for the later steps', () => {
  const lines = (...texts: string[]): ShellLine[] => texts.map((text, i) => ({ text, loc: { path: 'ci.yml', line: i + 1, column: 1, endLine: i + 1, endColumn: text.length + 1 } }));

  it('reads Azure task.setvariable (name and NAME_IN_CAPS) and GitHub $GITHUB_ENV lines; output variables and other echoes are not read', () => {
    assert.deepStrictEqual(variablesForLaterSteps(lines(
      'echo "##vso[task.setvariable variable=scan_build;]cov-build --dir $(pwd)/cov-int"',
      "Write-Host '##vso[task.setvariable variable=tools.lint]npx eslint'",
      'echo "##vso[task.setvariable variable=next;isOutput=true]1.2.3"',
      'echo "RUNNER=pytest -q" >> "$GITHUB_ENV"',
      'echo LINT=ruff >> $GITHUB_ENV',
      'echo "name=value" >> "$GITHUB_OUTPUT"',
      'echo "##vso[task.complete result=Succeeded;]done"',
    )), {
      scan_build: 'cov-build --dir $(pwd)/cov-int',
      SCAN_BUILD: 'cov-build --dir $(pwd)/cov-int',
      'tools.lint': 'npx eslint',
      TOOLS_LINT: 'npx eslint',
      RUNNER: 'pytest -q',
      LINT: 'ruff',
    });
  });
});
