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
// Golden repositories under test/fixtures/engine/<case>/: per case, the exact evidence
// (path:line) of the probes that matter, the CI findings, the external references and the
// places that must never count. Then incremental updates of the index on a temporary copy.
const assert = __importStar(require("node:assert/strict"));
const node_fs_1 = require("node:fs");
const node_os_1 = require("node:os");
const path = __importStar(require("node:path"));
const toolMatch_1 = require("../../src/core/scan/detect/toolMatch");
const configFiles_1 = require("../../src/core/scan/discover/configFiles");
const evaluate_1 = require("../../src/core/scan/detect/evaluate");
const walker_1 = require("../../src/core/scan/discover/walker");
const scanHelpers_1 = require("./scanHelpers");
const FIXTURES = path.join(scanHelpers_1.REPO_ROOT, 'test/fixtures/engine');
const CASES = [
    {
        name: 'gitlab',
        what: 'anchors and merge keys, extends, !reference, include: local, SAST_DISABLED, commented, echo, URL and install-only lines',
        probes: {
            // semgrep runs in a job that extends a hidden job carrying the merged anchor; the SAST
            // template is switched off by SAST_DISABLED, which does not touch a job of our own.
            // `pip install semgrep` in the anchored before_script: semgrep also runs, so no install note.
            sast: { result: 'pass', evidence: ['.gitlab-ci.yml:27'], notes: [/^GitLab SAST at \.gitlab-ci\.yml:6 not counted: switched off by SAST_DISABLED$/], notNotes: [/installed but never run/] },
            // gitleaks comes through `!reference [.secret_commands, script]`.
            'secret-scan': { result: 'pass', evidence: ['.gitlab-ci.yml:21'] },
            sca: { result: 'pass', evidence: ['.gitlab-ci.yml:7'] },
            // The trivy job lives in the locally included fragment.
            'image-scan': { result: 'pass', evidence: ['ci/containers.yml:13'] },
            'vuln-gate.high': { result: 'pass', evidence: ['ci/containers.yml:13'] },
            // The switched-off SAST template uploads no report either; Dependency Scanning still does.
            'findings-upload': { result: 'pass', evidence: ['.gitlab-ci.yml:7'] },
            // `docker build` in the fragment: images are built although there is no Dockerfile.
            'container-build': { result: 'pass', evidence: ['ci/containers.yml:7'] },
            // checkov is only installed; the commented `checkov -d infra` does not count.
            'iac-scan': { result: 'fail', evidence: [], notes: [/^Checkov at \.gitlab-ci\.yml:43 not counted: installed but never run$/] },
            'iac-scan.cloud': { result: 'fail', evidence: [] },
            'iac-scan.k8s': { result: 'not-applicable' },
            'dockerfile-lint': { result: 'not-applicable' },
            'sca.client': { result: 'not-applicable' },
        },
        ciFindings: ['.gitlab-ci.yml:11 control-disabled sast'],
        external: [],
        never: ['.gitlab-ci.yml:6', '.gitlab-ci.yml:17', '.gitlab-ci.yml:42', '.gitlab-ci.yml:43', '.gitlab-ci.yml:44', '.gitlab-ci.yml:45'],
    },
    {
        name: 'github',
        what: 'local reusable workflow, composite action, make / npm / script indirection, --sbom=false and sbom: false, remote reusable workflow',
        probes: {
            sast: { result: 'pass', evidence: ['.github/workflows/reusable-sast.yml:11'] },
            'dockerfile-lint': { result: 'pass', evidence: ['.github/actions/lint-dockerfile/action.yml:6'] },
            // `make scan` → Makefile target scan → trivy fs; the evidence is the recipe line.
            sca: { result: 'pass', evidence: ['Makefile:4'] },
            // `npm run sbom` → cyclonedx-npm; both Docker SBOM switches are noted, not counted.
            sbom: {
                result: 'pass',
                evidence: ['package.json:6'],
                notes: [
                    /^Docker BuildKit SBOM at \.github\/workflows\/ci\.yml:26 not counted: switched off by --sbom=false$/,
                    /^Docker BuildKit SBOM at \.github\/workflows\/ci\.yml:27 not counted: switched off by sbom: false$/,
                ],
            },
            'sbom-attest': { result: 'fail', evidence: [] },
            'secret-scan': { result: 'pass', evidence: ['scripts/secrets.sh:3'] },
            'container-build': { result: 'pass', evidence: ['.github/workflows/ci.yml:26', '.github/workflows/ci.yml:27'] },
            // The remote reusable workflow (a ZAP scan, by its name) cannot be read: unknown, naming it; never a pass.
            dast: { result: 'unknown', evidence: [], notes: [/^unknown: a remote block the scan cannot read may do this: uncatalogued block "zap" .*\(\.github\/workflows\/ci\.yml:14\)/] },
            'iac-scan': { result: 'fail', evidence: [], notes: [/^Checkov at \.github\/workflows\/ci\.yml:25 not counted: installed but never run$/] },
            'sca.client': { result: 'fail', evidence: [] },
            'container.non-root': { result: 'fail', evidence: [] },
        },
        ciFindings: [
            '.github/workflows/ci.yml:14 unpinned-action gha.actions-pinned',
            '.github/workflows/ci.yml:18 checkout-persists-credentials gha.token-permissions',
            '.github/workflows/reusable-sast.yml:10 checkout-persists-credentials gha.token-permissions',
            '.github/workflows/ci.yml:26 control-disabled sbom',
            '.github/workflows/ci.yml:27 control-disabled sbom',
        ],
        // Only the builder stage sets USER: the final stage (FROM on line 9) runs as root.
        alsoFindings: ['Dockerfile:9 root-user container.non-root'],
        external: ['.github/workflows/ci.yml:14 reusable-workflow acme/security-workflows/.github/workflows/zap.yml@v2'],
        never: ['.github/workflows/ci.yml:23', '.github/workflows/ci.yml:24', '.github/workflows/ci.yml:25', 'Dockerfile:4'],
    },
    {
        name: 'jenkins',
        what: 'declarative pipeline with dependencyCheck, a commented-out sh and a shared library',
        probes: {
            sca: { result: 'pass', evidence: ['Jenkinsfile:13'] },
            'ci.tests': { result: 'pass', evidence: ['Jenkinsfile:8'] },
            'container-build': { result: 'pass', evidence: ['Jenkinsfile:18'] },
            // `// sh 'trivy image …'` is a comment; the library step may scan, but cannot be read.
            'image-scan': { result: 'fail', evidence: [], notes: [/^2 external references cannot be read offline and may run more tools: acme-security@v3, acmeSecurityScan \(library step\)/] },
            'container.non-root': { result: 'pass', evidence: ['Dockerfile:2'] },
        },
        ciFindings: [],
        external: ['Jenkinsfile:1 shared-library acme-security@v3', 'Jenkinsfile:20 shared-library acmeSecurityScan (library step)'],
        never: ['Jenkinsfile:19', 'Jenkinsfile:20'],
    },
    {
        name: 'azure',
        what: 'tasks and a step template in the repository',
        probes: {
            'container-build': { result: 'pass', evidence: ['azure-pipelines.yml:7'] },
            // The template's script is read in place; the evidence is in the template file.
            'image-scan': { result: 'pass', evidence: ['templates/scan.yml:2'] },
            sast: { result: 'pass', evidence: ['azure-pipelines.yml:13'] },
            'dockerfile-lint': { result: 'not-applicable' },
        },
        ciFindings: [],
        external: [],
        never: ['azure-pipelines.yml:12'],
    },
    {
        name: 'circleci',
        what: 'a known orb step and an unknown orb',
        probes: {
            sca: { result: 'pass', evidence: ['.circleci/config.yml:13'] },
            // acme/secret-scan comes from an orb nobody can read offline: never a pass, unknown by its name.
            'secret-scan': { result: 'unknown', evidence: [], notes: [/^unknown: .*uncatalogued block "security secret-scan" .*\(\.circleci\/config\.yml:15\)/] },
            'image-scan': { result: 'not-applicable' },
        },
        ciFindings: [],
        external: ['.circleci/config.yml:4 orb snyk/snyk@2.1.0', '.circleci/config.yml:5 orb acme/security@1.4.0'],
        never: ['.circleci/config.yml:15'],
    },
    {
        name: 'bitbucket',
        what: 'a known pipe and an unknown one',
        probes: {
            'secret-scan': { result: 'pass', evidence: ['bitbucket-pipelines.yml:8'] },
            // The unknown pipe is someone else's image: never a pass, but its name says container scan: unknown.
            'image-scan': { result: 'unknown', evidence: [], notes: [/^unknown: .*uncatalogued block "container-scan" .*\(bitbucket-pipelines\.yml:12\)/] },
            // semgrep is only installed (and named in an echo).
            sast: { result: 'fail', evidence: [], notes: [/^Semgrep at bitbucket-pipelines\.yml:19 not counted: installed but never run$/] },
        },
        ciFindings: [],
        external: ['bitbucket-pipelines.yml:12 pipe acme/container-scan:2.0.0'],
        never: ['bitbucket-pipelines.yml:12', 'bitbucket-pipelines.yml:19', 'bitbucket-pipelines.yml:20'],
    },
    {
        name: 'config',
        what: 'tool configuration files without any pipeline, and probes that do not apply',
        probes: {
            'secret-scan': { result: 'partial', evidence: ['.gitleaks.toml:1'], notes: [/^only configuration found: \.gitleaks\.toml \(Gitleaks\)/] },
            sast: { result: 'partial', evidence: ['sonar-project.properties:1'] },
            'fp-suppression': { result: 'partial', evidence: ['.trivyignore:1'] },
            'threat-model': { result: 'partial', evidence: ['docs/threat-model.md:1'] },
            'service-catalog': { result: 'partial', evidence: ['catalog-info.yaml:1'] },
            'dev-environment': { result: 'partial', evidence: ['.devcontainer/devcontainer.json:1'] },
            // No JavaScript manifests, containers, Kubernetes or cloud IaC here.
            'sca.client': { result: 'not-applicable' },
            'sast.client': { result: 'not-applicable' },
            'image-scan': { result: 'not-applicable' },
            'artifact-secret-scan': { result: 'not-applicable' },
            'container-test': { result: 'not-applicable' },
            'iac-scan.k8s': { result: 'not-applicable' },
            'iac-scan.cloud': { result: 'not-applicable' },
            'cloud-config-scan': { result: 'not-applicable' },
            sca: { result: 'fail', evidence: [] },
        },
        ciFindings: [],
        external: [],
        // examples/ holds a .semgrep.yml of an example, not of this repository.
        never: ['examples/app/.semgrep.yml:1'],
    },
    {
        name: 'cloudbuild',
        what: 'Cloud Build: builder images read as their command, tool images with args, a bash -c script into a script file, allowFailure',
        probes: {
            // gcr.io/cloud-builders/npm runs npm: `npm run test` leads to the package script.
            'ci.tests': { result: 'pass', evidence: ['cloudbuild.yaml:6', 'package.json:5'] },
            'secret-scan': { result: 'pass', evidence: ['cloudbuild.yaml:8'] },
            'container-build': { result: 'pass', evidence: ['cloudbuild.yaml:12'] },
            // The bash -c script calls scripts/sast.sh; the echo that names semgrep is not a run.
            sast: { result: 'pass', evidence: ['scripts/sast.sh:3'] },
            // Trivy fails on HIGH findings, but allowFailure lets the build pass anyway: no gate.
            'image-scan': { result: 'pass', evidence: ['cloudbuild.yaml:14'] },
            'vuln-gate.high': { result: 'fail' },
        },
        ciFindings: ['cloudbuild.yaml:16 scanner-cannot-fail image-scan'],
        external: [],
        never: ['cloudbuild.yaml:23'],
    },
    {
        name: 'codebuild',
        what: 'CodeBuild: phases, finally, on-failure: CONTINUE, make, and a batch buildspec',
        probes: {
            'ci.tests': { result: 'pass', evidence: ['buildspec.yml:15', 'Makefile:2'] },
            'container-build': { result: 'pass', evidence: ['buildspec.yml:16'] },
            'image-scan': { result: 'pass', evidence: ['buildspec.yml:21'] },
            // The batch build's buildspec runs gitleaks; Checkov without --framework runs its secrets checks too.
            'secret-scan': { result: 'pass', evidence: ['buildspecs/secrets.yml:5', 'buildspec.yml:12'] },
            'iac-scan': { result: 'pass', evidence: ['buildspec.yml:12'] },
        },
        ciFindings: ['buildspec.yml:10 scanner-cannot-fail secret-scan'],
        external: [],
        never: ['buildspec.yml:18', 'buildspec.yml:8'],
    },
    {
        name: 'buildkite',
        what: 'Buildkite: groups, command and commands, a step script, soft_fail, the docker plugin image and an unknown plugin',
        probes: {
            'ci.tests': { result: 'pass', evidence: ['.buildkite/pipeline.yml:8', 'package.json:5'] },
            'secret-scan': { result: 'pass', evidence: ['.buildkite/steps/secrets.sh:2'] },
            sast: { result: 'pass', evidence: ['.buildkite/pipeline.yml:20'] },
            'image-scan': { result: 'pass', evidence: ['.buildkite/pipeline.yml:23'] },
            'ci.virtual-env': { result: 'pass', evidence: ['.buildkite/pipeline.yml:16'] },
        },
        ciFindings: ['.buildkite/pipeline.yml:21 scanner-cannot-fail sast', '.buildkite/pipeline.yml:21 scanner-cannot-fail high-intensity'],
        external: ['.buildkite/pipeline.yml:25 plugin acme/image-policy#v1.2.0'],
        never: ['.buildkite/pipeline.yml:19'],
    },
    {
        name: 'tekton',
        what: 'Tekton: an inline taskSpec in a Pipelines-as-Code run, a Task found by content, a hub task, onError',
        probes: {
            'ci.tests': { result: 'pass', evidence: ['.tekton/pull-request.yaml:24'] },
            'secret-scan': { result: 'pass', evidence: ['.tekton/pull-request.yaml:26'] },
            sast: { result: 'pass', evidence: ['.tekton/pull-request.yaml:30'] },
            'image-scan': { result: 'pass', evidence: ['ci/image-scan.yaml:13'] },
            'vuln-gate.high': { result: 'pass', evidence: ['ci/image-scan.yaml:13'] },
        },
        ciFindings: ['.tekton/pull-request.yaml:32 scanner-cannot-fail sast', '.tekton/pull-request.yaml:32 scanner-cannot-fail high-intensity'],
        external: ['.tekton/pull-request.yaml:7 remote git-clone', '.tekton/pull-request.yaml:12 remote hub git-clone'],
        never: ['ci/image-scan.yaml:12'],
    },
    {
        name: 'drone',
        what: 'Drone: two pipelines, make, a plugin image, failure: ignore, an exec runner',
        probes: {
            'ci.tests': { result: 'pass', evidence: ['.drone.yml:12', 'Makefile:2'] },
            'secret-scan': { result: 'pass', evidence: ['.drone.yml:16'] },
            'container-build': { result: 'pass', evidence: ['.drone.yml:19'] },
            sca: { result: 'pass', evidence: ['.drone.yml:34'] },
            // The nightly pipeline runs on a static exec runner.
            'ci.virtual-env': { result: 'partial', evidence: ['.drone.yml:2'] },
        },
        ciFindings: ['.drone.yml:17 scanner-cannot-fail secret-scan'],
        external: [],
        never: ['.drone.yml:33'],
    },
    {
        name: 'woodpecker',
        what: 'Woodpecker: steps as a list and as a mapping, npm, a plugin image',
        probes: {
            'ci.tests': { result: 'pass', evidence: ['.woodpecker.yml:6', 'package.json:5'] },
            'secret-scan': { result: 'pass', evidence: ['.woodpecker/checks.yaml:12'] },
            'dockerfile-lint': { result: 'pass', evidence: ['.woodpecker/checks.yaml:8'] },
            'container-build': { result: 'pass', evidence: ['.woodpecker.yml:8'] },
        },
        ciFindings: [],
        external: [],
        never: [],
    },
];
const CONTAINER_PROBE = /^(container\.|k8s\.|deploy\.)/;
function check(result, c) {
    const probes = new Map(result.probes.map((p) => [p.id, p]));
    for (const [id, exp] of Object.entries(c.probes)) {
        const p = probes.get(id);
        assert.ok(p, `${c.name}: probe ${id} is reported`);
        assert.equal(p.result, exp.result, `${c.name}: ${id} (evidence ${p.evidence.map(scanHelpers_1.at).join(', ')}; notes ${JSON.stringify(p.notes)})`);
        if (exp.evidence)
            assert.deepEqual(p.evidence.map(scanHelpers_1.at).sort(), [...exp.evidence].sort(), `${c.name}: ${id} evidence`);
        for (const re of exp.notes ?? [])
            assert.ok(p.notes.some((n) => re.test(n)), `${c.name}: ${id} has a note matching ${re}: ${JSON.stringify(p.notes)}`);
        for (const re of exp.notNotes ?? [])
            assert.ok(!p.notes.some((n) => re.test(n)), `${c.name}: ${id} has no note matching ${re}: ${JSON.stringify(p.notes)}`);
    }
    const ci = result.findings.filter((f) => !CONTAINER_PROBE.test(f.probe)).map((f) => `${(0, scanHelpers_1.at)(f)} ${f.code} ${f.probe}`);
    assert.deepEqual(ci.sort(), [...c.ciFindings].sort(), `${c.name}: CI findings`);
    for (const want of c.alsoFindings ?? [])
        assert.ok(result.findings.some((f) => `${(0, scanHelpers_1.at)(f)} ${f.code} ${f.probe}` === want), `${c.name}: ${want}`);
    assert.deepEqual(result.external.map((x) => `${x.from}:${x.loc.line} ${x.kind} ${x.ref}`).sort(), [...c.external].sort(), `${c.name}: external`);
    for (const place of c.never) {
        for (const p of result.probes)
            assert.ok(!p.evidence.some((e) => (0, scanHelpers_1.at)(e) === place), `${c.name}: ${p.id} must not cite ${place}`);
    }
    // Whatever the case: a tool probe never passes or is partial without evidence.
    const toolProbes = new Set((0, scanHelpers_1.bundled)().data.catalogue.probes.map((p) => p.id));
    for (const p of result.probes) {
        if (toolProbes.has(p.id) && (p.result === 'pass' || p.result === 'partial'))
            assert.ok(p.evidence.length > 0, `${c.name}: ${p.id} is ${p.result} without evidence`);
    }
}
describe('engine golden repositories (test/fixtures/engine)', function () {
    this.timeout(60_000);
    for (const c of CASES) {
        it(`${c.name}: ${c.what}`, async () => {
            const { result } = await (0, scanHelpers_1.scanDir)(path.join(FIXTURES, c.name));
            assert.deepEqual(result.files.filter((f) => f.problems.length).map((f) => `${f.path}: ${JSON.stringify(f.problems)}`), [], `${c.name}: no parse problems`);
            check(result, c);
        });
    }
    it('every place quoted in the cases exists in its fixture', () => {
        for (const c of CASES) {
            const places = [
                ...Object.values(c.probes).flatMap((p) => p.evidence ?? []),
                ...c.ciFindings.map((f) => f.split(' ')[0]),
                ...(c.alsoFindings ?? []).map((f) => f.split(' ')[0]),
                ...c.never,
            ];
            for (const place of places) {
                const [file, line] = place.split(':');
                const lines = (0, node_fs_1.readFileSync)(path.join(FIXTURES, c.name, file), 'utf8').split('\n');
                assert.ok(Number(line) >= 1 && Number(line) <= lines.length && lines[Number(line) - 1].trim() !== '', `${c.name}: ${place} is a non-empty line`);
            }
        }
    });
});
describe('engine: configuration files seen during the walk', () => {
    it('the recorder keeps exactly the paths matchConfigFile accepts (outside test and example folders)', async () => {
        const { data } = (0, scanHelpers_1.bundled)();
        // A path for every catalogue pattern (`*` → a word, `**` → zero, one or two folders), near misses, and ordinary files.
        const paths = new Set(['README.md', 'src/index.ts', 'src/app.json', 'deep/a/b/c.yml', '.github/codeql/x.yml', '.github/codeql/sub/x.yml', 'examples/.gitleaks.toml', 'test/fixtures/catalog-info.yaml']);
        for (const probe of data.catalogue.probes) {
            for (const tool of probe.tools) {
                for (const pattern of tool.configFiles) {
                    for (const deep of ['', 'a/', 'a/b/']) {
                        const p = pattern.replace(/\*\*\//g, deep).replace(/\/\*\*$/, deep ? '/' + deep + 'f.json' : '/f.json').replace(/\*/g, 'x');
                        paths.add(p);
                        paths.add('nested/' + p);
                        paths.add(p.replace(/\.[a-z]+$/, '.bak'));
                    }
                }
            }
        }
        const tree = new Map();
        for (const p of paths) {
            const segs = p.split('/');
            for (let i = 0; i < segs.length; i++) {
                const dir = segs.slice(0, i).join('/');
                if (!tree.has(dir))
                    tree.set(dir, new Map());
                tree.get(dir).set(segs[i], i === segs.length - 1 ? 'file' : 'directory');
            }
        }
        const fs = {
            readDirectory: async (dir) => [...(tree.get(dir) ?? new Map()).entries()].map(([name, type]) => ({ name, type, symlink: false })),
            readFile: async () => new Uint8Array(),
            stat: async () => ({ type: 'file', size: 0, mtime: 0 }),
        };
        const recorder = new configFiles_1.ConfigFileRecorder(fs, data.catalogue);
        for (const dir of tree.keys())
            await recorder.readDirectory(dir);
        const files = [...paths].filter((p) => tree.get(p.split('/').slice(0, -1).join('/'))?.get(p.split('/').pop()) === 'file');
        const want = files.filter((p) => (0, toolMatch_1.matchConfigFile)(data.catalogue, p).length > 0 && !(0, walker_1.isTestOrExamplePath)(p)).sort();
        assert.ok(want.length > 80, `${want.length} matching paths`);
        assert.deepEqual(recorder.paths(), want);
    });
});
describe('engine: pipelines the CI system would refuse', function () {
    this.timeout(60_000);
    let dir;
    beforeEach(() => (dir = (0, node_fs_1.mkdtempSync)(path.join((0, node_os_1.tmpdir)(), 'dsomm-refused-'))));
    afterEach(() => (0, node_fs_1.rmSync)(dir, { recursive: true, force: true }));
    it('a YAML error in a locally included fragment: nothing of the GitLab pipeline counts, the notes say why', async () => {
        (0, node_fs_1.writeFileSync)(path.join(dir, '.gitlab-ci.yml'), 'include:\n  - local: ci/scan.yml\nsecrets:\n  script:\n    - gitleaks detect --source .\n');
        (0, node_fs_1.mkdirSync)(path.join(dir, 'ci'));
        (0, node_fs_1.writeFileSync)(path.join(dir, 'ci/scan.yml'), 'sast:\n  script:\n    - semgrep scan --config auto\n  bad: [unclosed\n');
        const { result } = await (0, scanHelpers_1.scanDir)(dir);
        for (const id of ['secret-scan', 'sast']) {
            const p = result.probes.find((x) => x.id === id);
            assert.equal(p.result, 'fail', id);
            assert.ok(p.notes.some((n) => /not counted: the pipeline would not run, its definition has an error \(ci\/scan\.yml:\d+: /.test(n)), `${id}: ${JSON.stringify(p.notes)}`);
        }
    });
    it('the same pipeline without the error counts both tools', async () => {
        (0, node_fs_1.writeFileSync)(path.join(dir, '.gitlab-ci.yml'), 'include:\n  - local: ci/scan.yml\nsecrets:\n  script:\n    - gitleaks detect --source .\n');
        (0, node_fs_1.mkdirSync)(path.join(dir, 'ci'));
        (0, node_fs_1.writeFileSync)(path.join(dir, 'ci/scan.yml'), 'sast:\n  script:\n    - semgrep scan --config auto\n');
        const { result } = await (0, scanHelpers_1.scanDir)(dir);
        assert.deepEqual(result.probes.filter((x) => x.id === 'secret-scan' || x.id === 'sast').map((p) => `${p.id} ${p.result} ${p.evidence.map(scanHelpers_1.at).join(',')}`), ['sast pass ci/scan.yml:3', 'secret-scan pass .gitlab-ci.yml:5']);
    });
});
describe('engine: incremental updates of the index', function () {
    this.timeout(60_000);
    let dir;
    const WF = '.github/workflows/ci.yml';
    beforeEach(() => {
        dir = (0, node_fs_1.mkdtempSync)(path.join((0, node_os_1.tmpdir)(), 'dsomm-incremental-'));
        (0, node_fs_1.cpSync)(path.join(FIXTURES, 'incremental'), dir, { recursive: true });
    });
    afterEach(() => (0, node_fs_1.rmSync)(dir, { recursive: true, force: true }));
    const probeOf = (r, id) => r.probes.find((p) => p.id === id);
    it('adding a gitleaks step makes secret-scan pass; deleting the workflow makes it fail again', async () => {
        const { model, data } = (0, scanHelpers_1.bundled)();
        const { index, result } = await (0, scanHelpers_1.scanDir)(dir);
        const again = () => (0, evaluate_1.evaluate)({ root: dir, index, model, catalogue: data.catalogue, rules: data.rules, configFiles: [] });
        assert.equal(probeOf(result, 'secret-scan').result, 'fail');
        const original = (0, node_fs_1.readFileSync)(path.join(dir, WF), 'utf8');
        (0, node_fs_1.writeFileSync)(path.join(dir, WF), original + '      - run: gitleaks detect --source . --no-banner\n');
        assert.equal(await index.update([{ path: WF }]), true);
        const added = probeOf(again(), 'secret-scan');
        assert.equal(added.result, 'pass');
        assert.deepEqual(added.evidence.map(scanHelpers_1.at), [`${WF}:11`]);
        (0, node_fs_1.unlinkSync)(path.join(dir, WF));
        assert.equal(await index.update([{ path: WF, deleted: true }]), true);
        const gone = again();
        assert.equal(probeOf(gone, 'secret-scan').result, 'fail');
        assert.equal(probeOf(gone, 'ci.pipeline').result, 'fail');
        assert.ok(!gone.files.some((f) => f.path === WF));
    });
    it('changing a Makefile target a workflow runs recomputes that workflow’s facts', async () => {
        const { model, data } = (0, scanHelpers_1.bundled)();
        const { index, result } = await (0, scanHelpers_1.scanDir)(dir);
        const again = () => (0, evaluate_1.evaluate)({ root: dir, index, model, catalogue: data.catalogue, rules: data.rules, configFiles: [] });
        assert.equal(probeOf(result, 'sca').result, 'fail');
        const before = index.get(WF).facts;
        assert.ok(before.reads.has('Makefile'), 'the workflow’s facts record that they read the Makefile');
        (0, node_fs_1.writeFileSync)(path.join(dir, 'Makefile'), 'scan:\n\ttrivy fs --exit-code 1 --severity HIGH,CRITICAL .\n');
        assert.equal(await index.update([{ path: 'Makefile' }]), true);
        const after = index.get(WF).facts;
        assert.notEqual(after, before, 'facts were recomputed');
        assert.deepEqual(after.hits.filter((h) => h.probe === 'sca').map((h) => `${(0, scanHelpers_1.at)(h.evidence)} ${h.evidence.text}`), ['Makefile:2 trivy fs --exit-code 1 --severity HIGH,CRITICAL .  (via .github/workflows/ci.yml:10)']);
        const sca = probeOf(again(), 'sca');
        assert.equal(sca.result, 'pass');
        assert.deepEqual(sca.evidence.map(scanHelpers_1.at), ['Makefile:2']);
        (0, node_fs_1.writeFileSync)(path.join(dir, 'Makefile'), 'scan:\n\t@echo "scanner removed"\n');
        await index.update([{ path: 'Makefile' }]);
        assert.equal(probeOf(again(), 'sca').result, 'fail');
    });
    it('configuration files: recorded during the walk (not in ignored folders) and kept up to date from watcher events', async () => {
        (0, node_fs_1.mkdirSync)(path.join(dir, 'generated'));
        (0, node_fs_1.writeFileSync)(path.join(dir, '.gitignore'), 'generated/\n');
        (0, node_fs_1.writeFileSync)(path.join(dir, 'generated/.gitleaks.toml'), 'title = "ignored"\n');
        const { model, data } = (0, scanHelpers_1.bundled)();
        const { index, result, configFiles } = await (0, scanHelpers_1.scanDir)(dir);
        assert.deepEqual(configFiles.paths(), []);
        assert.equal(probeOf(result, 'secret-scan').result, 'fail');
        (0, node_fs_1.writeFileSync)(path.join(dir, '.gitleaks.toml'), 'title = "root"\n');
        assert.equal(await configFiles.update([{ path: '.gitleaks.toml' }]), true);
        assert.equal(await configFiles.update([{ path: 'node_modules/x/.gitleaks.toml' }]), false, 'excluded folders stay out');
        const withConfig = (0, evaluate_1.evaluate)({ root: dir, index, model, catalogue: data.catalogue, rules: data.rules, configFiles: configFiles.paths() });
        assert.equal(probeOf(withConfig, 'secret-scan').result, 'partial');
        assert.deepEqual(probeOf(withConfig, 'secret-scan').evidence.map(scanHelpers_1.at), ['.gitleaks.toml:1']);
        (0, node_fs_1.unlinkSync)(path.join(dir, '.gitleaks.toml'));
        assert.equal(await configFiles.update([{ path: '.gitleaks.toml', deleted: true }]), true);
        assert.deepEqual(configFiles.paths(), []);
    });
});
//# sourceMappingURL=engine-golden.test.js.map