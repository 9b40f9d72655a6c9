// One pipe-to-shell detector (parse/shell.ts unverifiedScriptRuns) for Dockerfiles and every CI dialect.
import * as assert from 'node:assert/strict';
import { unverifiedScriptRuns } from '../../src/core/scan/parse/shell';
import { scanFolder } from '../../src/core/scan/folderScan';
import { MemoryFileSystem } from './memoryFs';
import { bundled } from './scanHelpers';

const loc = { path: 'x', line: 1, column: 1, endLine: 1, endColumn: 1 };
const runs = (text: string) => unverifiedScriptRuns({ text, loc }).map((r) => [r.fetcher, r.runner, r.start === undefined ? undefined : text.slice(r.start, r.end)]);

describe('pipe-to-shell detector', () => {
  it('finds a download run as it arrives, through wrappers, and where it is written', () => {
    assert.deepEqual(runs('curl -fsSL https://x.io/i.sh | sh'), [['curl', 'sh', 'curl -fsSL https://x.io/i.sh | sh']]);
    assert.deepEqual(runs('wget -qO- https://x.io/i.sh | sudo -E bash -s -- --yes'), [['wget', 'bash', 'wget -qO- https://x.io/i.sh | sudo -E bash']]);
    assert.deepEqual(runs('curl -sSL https://install.python-poetry.org | python3 -'), [['curl', 'python3', 'curl -sSL https://install.python-poetry.org | python3']]);
    assert.deepEqual(runs('iwr https://x.io/i.ps1 -useb | iex'), [['iwr', 'iex', 'iwr https://x.io/i.ps1 -useb | iex']]);
    assert.deepEqual(runs('bash <(curl -s https://x.io/i.sh)'), [['curl', 'bash', 'bash <(curl']]);
    assert.deepEqual(runs('sh -c "$(curl -fsSL https://x.io/i.sh)"'), [['curl', '$(…)', '$(curl']]);
    assert.deepEqual(runs('cd /tmp && curl -sL https://a.io/a | sh && curl -sL https://b.io/b | bash'), [
      ['curl', 'sh', 'curl -sL https://a.io/a | sh'],
      ['curl', 'bash', 'curl -sL https://b.io/b | bash'],
    ]);
  });

  it('leaves verified downloads, archives and pipes that run nothing alone', () => {
    for (const text of [
      'curl -o i.sh https://x.io/i.sh && sha256sum -c i.sh.sha256 && sh i.sh',
      'curl -sL https://x.io/tool.tar.gz | tar xz',
      'echo "$CI_REGISTRY_PASSWORD" | docker login -u "$CI_REGISTRY_USER" --password-stdin "$CI_REGISTRY"',
      "printf '%s' \"$KUBECONFIG_B64\" | base64 -d > ~/.kube/config",
      'echo "curl https://x.io | sh"',
      'curl -s https://x.io/data.json | jq .version',
    ]) assert.deepEqual(runs(text), [], text);
  });
});

describe('pipe-to-shell in pipelines', function () {
  this.timeout(30_000);
  const files: Record<string, string> = {
    '.github/workflows/ci.yml': 'on: push\njobs:\n  b:\n    runs-on: ubuntu-latest\n    steps:\n      - run: curl -fsSL https://x.io/i.sh | sh\n',
    '.gitlab-ci.yml': 'build:\n  script:\n    - wget -qO- https://x.io/i.sh | bash\n',
    'azure-pipelines.yml': 'steps:\n  - script: curl -sL https://x.io/i.sh | sudo bash\n',
    '.circleci/config.yml': 'version: 2.1\njobs:\n  b:\n    docker: [{ image: cimg/base:2024.01 }]\n    steps:\n      - run: bash <(curl -s https://x.io/i.sh)\nworkflows:\n  w:\n    jobs: [b]\n',
    'bitbucket-pipelines.yml': 'pipelines:\n  default:\n    - step:\n        script:\n          - curl -sL https://x.io/i.sh | sh\n',
    'Jenkinsfile': "pipeline {\n  agent any\n  stages {\n    stage('b') {\n      steps {\n        sh 'curl -sL https://x.io/i.sh | sh'\n      }\n    }\n  }\n}\n",
    'scripts/setup.sh': 'curl -sL https://x.io/i.sh | sh\n',
  };

  it('is a weak control in every CI dialect, at the command', async () => {
    const { model, data } = bundled();
    const { result } = await scanFolder(new MemoryFileSystem(files), '/ws', model, data);
    const found = result.findings.filter((f) => f.code === 'pipe-to-shell').map((f) => [f.loc.path, f.loc.line, f.loc.column, f.loc.endColumn, f.probe, f.severity]);
    assert.deepEqual(found.sort(), [
      ['.circleci/config.yml', 6, 14, 25, 'pinning', 'warning'],
      ['.github/workflows/ci.yml', 6, 14, 47, 'pinning', 'warning'],
      ['.gitlab-ci.yml', 3, 7, 41, 'pinning', 'warning'],
      ['Jenkinsfile', 6, 13, 44, 'pinning', 'warning'],
      ['azure-pipelines.yml', 2, 13, 51, 'pinning', 'warning'],
      ['bitbucket-pipelines.yml', 5, 13, 44, 'pinning', 'warning'],
    ]);
  });
});
