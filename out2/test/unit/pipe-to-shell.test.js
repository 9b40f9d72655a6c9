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
// One pipe-to-shell detector (parse/shell.ts unverifiedScriptRuns) for Dockerfiles and every CI dialect.
const assert = __importStar(require("node:assert/strict"));
const shell_1 = require("../../src/core/scan/parse/shell");
const folderScan_1 = require("../../src/core/scan/folderScan");
const memoryFs_1 = require("./memoryFs");
const scanHelpers_1 = require("./scanHelpers");
const loc = { path: 'x', line: 1, column: 1, endLine: 1, endColumn: 1 };
const runs = (text) => (0, shell_1.unverifiedScriptRuns)({ text, loc }).map((r) => [r.fetcher, r.runner, r.start === undefined ? undefined : text.slice(r.start, r.end)]);
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
        ])
            assert.deepEqual(runs(text), [], text);
    });
});
describe('pipe-to-shell in pipelines', function () {
    this.timeout(30_000);
    const files = {
        '.github/workflows/ci.yml': 'on: push\njobs:\n  b:\n    runs-on: ubuntu-latest\n    steps:\n      - run: curl -fsSL https://x.io/i.sh | sh\n',
        '.gitlab-ci.yml': 'build:\n  script:\n    - wget -qO- https://x.io/i.sh | bash\n',
        'azure-pipelines.yml': 'steps:\n  - script: curl -sL https://x.io/i.sh | sudo bash\n',
        '.circleci/config.yml': 'version: 2.1\njobs:\n  b:\n    docker: [{ image: cimg/base:2024.01 }]\n    steps:\n      - run: bash <(curl -s https://x.io/i.sh)\nworkflows:\n  w:\n    jobs: [b]\n',
        'bitbucket-pipelines.yml': 'pipelines:\n  default:\n    - step:\n        script:\n          - curl -sL https://x.io/i.sh | sh\n',
        'Jenkinsfile': "pipeline {\n  agent any\n  stages {\n    stage('b') {\n      steps {\n        sh 'curl -sL https://x.io/i.sh | sh'\n      }\n    }\n  }\n}\n",
        'scripts/setup.sh': 'curl -sL https://x.io/i.sh | sh\n',
    };
    it('is a weak control in every CI dialect, at the command', async () => {
        const { model, data } = (0, scanHelpers_1.bundled)();
        const { result } = await (0, folderScan_1.scanFolder)(new memoryFs_1.MemoryFileSystem(files), '/ws', model, data);
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
//# sourceMappingURL=pipe-to-shell.test.js.map