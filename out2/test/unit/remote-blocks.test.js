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
// Remote building blocks (issue 14): catalogue tools marked `mayRun` make a probe `unknown` (never a
// pass, never "missing"), the activity rules carry that through every condition form, and the
// catalogue refuses `mayRun` on anything that is not a remote block.
const assert = __importStar(require("node:assert/strict"));
const catalogue_1 = require("../../src/core/scan/detect/catalogue");
const rules_1 = require("../../src/core/scan/detect/rules");
const toolMatch_1 = require("../../src/core/scan/detect/toolMatch");
const scanHelpers_1 = require("./scanHelpers");
const path = __importStar(require("node:path"));
const node_fs_1 = require("node:fs");
const remoteBlocks_1 = require("../../src/core/scan/detect/remoteBlocks");
const jenkins_1 = require("../../src/core/scan/ci/jenkins");
const circleci_1 = require("../../src/core/scan/ci/circleci");
const ev = (line, pipeline = 'ci.yml', job = 'build') => ({
    loc: { path: pipeline, line, column: 1, endLine: line, endColumn: 1 },
    text: `line ${line}`,
    tool: `T${line}`,
    unit: { pipeline, job },
});
const out = (id, result, evidence = []) => ({ id, result, evidence, notes: [], findings: [] });
const map = (...o) => new Map(o.map((x) => [x.id, x]));
describe('remote blocks: unknown through the activity rules', () => {
    const rules = (0, rules_1.loadRules)(`schemaVersion: 1
rules:
  - activity: single
    when: { probe: a }
  - activity: both
    when: { all: [{ probe: a }, { probe: b }] }
  - activity: either
    when: { any: [{ probe: a }, { probe: b }] }
  - activity: joined
    when: { all: [{ probe: a }, { probe: b }], in: pipeline }
  - activity: counted
    when: { tools: { probes: [a, b], atLeast: 2 } }
  - activity: hinted
    when: { probe: a }
    partialWhen: { probe: b }
`, 'rules.yaml');
    const ids = ['single', 'both', 'either', 'joined', 'counted', 'hinted'];
    it('a probe only a remote block may run makes its activity unknown (flagged remote), not missing', () => {
        const r = (0, rules_1.evaluateRules)(rules, map(out('a', 'unknown'), out('b', 'fail')), ids);
        assert.equal(r.get('single').status, 'unknown');
        assert.equal(r.get('single').remote, true);
        assert.deepEqual(r.get('single').evidence, []);
        assert.equal(r.get('both').status, 'missing', 'a member that is surely absent decides an `all`');
        assert.equal(r.get('either').status, 'unknown');
        assert.equal(r.get('joined').status, 'missing');
        assert.equal(r.get('counted').status, 'unknown');
        assert.equal(r.get('hinted').status, 'unknown');
    });
    it('what the files show wins over what a block may do', () => {
        const r = (0, rules_1.evaluateRules)(rules, map(out('a', 'unknown'), out('b', 'pass', [ev(7)])), ids);
        assert.equal(r.get('both').status, 'unknown', 'all: the unknown member keeps it unknown');
        assert.equal(r.get('either').status, 'detected');
        assert.deepEqual(r.get('either').evidence.map((e) => e.loc.line), [7]);
        assert.equal(r.get('joined').status, 'unknown', 'a remote run cannot be placed in a pipeline');
        assert.equal(r.get('counted').status, 'partial');
        assert.equal(r.get('hinted').status, 'partial', 'the partial hint the files show');
        assert.equal(r.get('hinted').remote, undefined);
    });
    it('a plain failure is still missing and not flagged remote', () => {
        const r = (0, rules_1.evaluateRules)(rules, map(out('a', 'fail'), out('b', 'fail')), ids);
        for (const id of ids) {
            assert.equal(r.get(id).status, 'missing', id);
            assert.equal(r.get(id).remote, undefined, id);
        }
    });
});
describe('remote blocks: the catalogue', () => {
    const bad = (text, re) => assert.throws(() => (0, catalogue_1.loadCatalogue)(text, 'probes.yaml'), (e) => e instanceof catalogue_1.CatalogueError && re.test(e.message));
    const head = 'schemaVersion: 1\nprobes:\n  - id: sast\n    traits: { failsBuild: control, qualifies: false }\n    tools:\n';
    it('refuses mayRun on a command or a file, which either runs the tool or not', () => {
        bad(`${head}      - { name: X, mayRun: true, run: [semgrep] }\n`, /probes\.yaml:6: tool "X" has mayRun: true, which only applies to remote blocks .* not to run/);
        bad(`${head}      - { name: X, mayRun: true, configFiles: [.semgrep.yml] }\n`, /not to configFiles/);
        bad(`${head}      - { name: X, mayRun: yes please, actions: [o/r] }\n`, /mayRun/);
    });
    it('accepts mayRun on remote blocks and matches Azure templates by repository and folder', () => {
        const cat = (0, catalogue_1.loadCatalogue)(`${head}      - { name: Governed, mayRun: true, azureTemplates: [Org.Pipelines/Templates/v2] }\n      - { name: Exact, azureTemplates: [owner/repo/ci/scan.yml] }\n`, 'probes.yaml');
        assert.equal((0, toolMatch_1.isMayRunTool)(cat, 'sast', 'Governed'), true);
        assert.equal((0, toolMatch_1.isMayRunTool)(cat, 'sast', 'Exact'), false);
        assert.deepEqual((0, toolMatch_1.matchAzureTemplate)(cat, 'org.pipelines/templates/v2/Official.CrossPlat.yml'), [{ probe: 'sast', tool: 'Governed' }]);
        assert.deepEqual((0, toolMatch_1.matchAzureTemplate)(cat, 'owner/repo/ci/scan.yml'), [{ probe: 'sast', tool: 'Exact' }]);
        assert.deepEqual((0, toolMatch_1.matchAzureTemplate)(cat, 'Org.Pipelines/Templates/v20/x.yml'), [], 'folders match whole segments');
        assert.deepEqual((0, toolMatch_1.matchAzureTemplate)(cat, 'owner/repo/ci/scan.yml.bak'), []);
    });
    it('every bundled mayRun tool names its source', () => {
        const { data } = (0, scanHelpers_1.bundled)();
        const mayRun = data.catalogue.probes.flatMap((p) => p.tools.filter((t) => t.mayRun).map((t) => ({ probe: p.id, t })));
        assert.ok(mayRun.length >= 5, `${mayRun.length} mayRun tools`);
        for (const { probe, t } of mayRun)
            assert.match(t.url ?? '', /^https:\/\//, `${probe} / ${t.name}`);
    });
});
describe('remote blocks: statuses a user sees', () => {
    it('the activity resting on a governed Azure template is unknown, its reason naming the template and line', async () => {
        const { result } = await (0, scanHelpers_1.scanDir)(path.join(scanHelpers_1.REPO_ROOT, 'test/fixtures/detect/remote-blocks-azure'));
        const sast = result.activities.filter((a) => a.probes.includes('sast') && a.probes.length === 1);
        assert.ok(sast.length > 0, 'an activity rests on sast alone');
        for (const a of sast) {
            assert.equal(a.status, 'unknown', a.activity.name);
            assert.ok(a.reasons?.some((r) => r.includes('v1/1ES.Official.PipelineTemplate.yml@governed') && r.includes('azure-pipelines.yml:13')), JSON.stringify(a.reasons));
            assert.deepEqual(a.evidence, []);
        }
    });
});
describe('remote blocks: judged by name when the catalogue does not know them', () => {
    const { data } = (0, scanHelpers_1.bundled)();
    const cat = data.catalogue;
    it('takes the words that say what a block does, without owner, version or extension', () => {
        assert.equal((0, remoteBlocks_1.blockNameOf)('github-workflow', 'canonical/observability/.github/workflows/charm-pull-request.yaml@v1'), 'charm-pull-request');
        assert.equal((0, remoteBlocks_1.blockNameOf)('circleci', 'artsy/hokusai@volatile/deploy-staging'), 'hokusai deploy-staging');
        assert.equal((0, remoteBlocks_1.blockNameOf)('circleci', 'hokusai/deploy-staging'), 'hokusai deploy-staging');
        assert.equal((0, remoteBlocks_1.blockNameOf)('bitbucket-pipelines', 'example-org/k8s-deployment:1.2.0'), 'k8s-deployment');
        assert.equal((0, remoteBlocks_1.blockNameOf)('gitlab-ci', 'example-org/ci-library:/templates/secret-detection.yml@v3'), 'secret-detection');
        assert.equal((0, remoteBlocks_1.blockNameOf)('gitlab-ci', 'gitlab.example.com/org/components/container-scan@1.0'), 'container-scan');
        assert.equal((0, remoteBlocks_1.blockNameOf)('gitlab-ci', 'https://example.com/ci/deploy.gitlab-ci.yml'), 'deploy');
    });
    it('names that plausibly run a control hint at its probe; names that say nothing hint at nothing', () => {
        const probes = (name) => (0, remoteBlocks_1.hintedProbes)(cat, name).map((h) => h.probe).sort();
        assert.deepEqual(probes('hokusai deploy-staging'), ['deploy']);
        assert.deepEqual(probes('charm-pull-request'), ['ci.tests', 'lint']);
        assert.deepEqual(probes('prodsec-orb secrets-scan'), ['secret-scan']);
        assert.deepEqual(probes('publishToStagingCluster'), []);
        assert.deepEqual(probes('flatpak_ci_initiative'), ['ci.tests'], 'a CI block may run tests, not lint');
        assert.deepEqual(probes('build'), []);
        assert.deepEqual(probes('link-pr-to-notion'), []);
        assert.deepEqual(probes('contest-deployer'), [], 'words match whole, not inside other words');
    });
    it('housekeeping blocks are known as such, by action, reusable workflow, orb and pipe', () => {
        assert.equal((0, remoteBlocks_1.housekeepingBlock)(cat, 'github-workflow', 'actions/stale@v9'), 'Stale issue and pull request closer');
        assert.equal((0, remoteBlocks_1.housekeepingBlock)(cat, 'github-workflow', 'apache/maven-gh-actions-shared/.github/workflows/release-drafter.yml@v4'), 'Release Drafter');
        assert.equal((0, remoteBlocks_1.housekeepingBlock)(cat, 'circleci', 'circleci/slack@4.12.5/notify'), 'Chat and mail notifications');
        assert.equal((0, remoteBlocks_1.housekeepingBlock)(cat, 'bitbucket-pipelines', 'atlassian/slack-notify:2.3.0'), 'Chat and mail notifications');
        assert.equal((0, remoteBlocks_1.housekeepingBlock)(cat, 'github-workflow', 'actions/checkout@v4'), undefined);
    });
    it('the catalogue checks hints and housekeeping entries at their lines', () => {
        const head = 'schemaVersion: 1\nprobes:\n  - id: deploy\n    traits: { failsBuild: no, qualifies: false }\n    tools:\n      - { name: kubectl, run: [kubectl apply] }\n';
        const bad = (text, re) => assert.throws(() => (0, catalogue_1.loadCatalogue)(head + text, 'probes.yaml'), (e) => e instanceof catalogue_1.CatalogueError && re.test(e.message), text);
        bad('blockHints:\n  - { probe: sbom, words: [sbom] }\n', /probes\.yaml:8: block hint for unknown probe "sbom"/);
        bad('blockHints:\n  - { probe: deploy, words: [Deploy-Prod] }\n', /probes\.yaml:8: block hint word "Deploy-Prod" must be lower-case/);
        bad('blockHints:\n  - { probe: deploy }\n', /has no words/);
        bad('housekeeping:\n  - { name: Stale, run: [stale] }\n', /probes\.yaml:8: housekeeping block "Stale" may only name remote blocks .* not run/);
        bad('housekeeping:\n  - { name: Stale, mayRun: true, actions: [actions/stale] }\n', /runs nothing/);
        const ok = (0, catalogue_1.loadCatalogue)(head + 'blockHints:\n  - { probe: deploy, words: [deploy, roll out] }\nhousekeeping:\n  - { name: Stale, actions: [actions/stale] }\n', 'probes.yaml');
        assert.deepEqual(ok.blockHints?.[0].words, [['deploy'], ['roll', 'out']]);
        assert.equal(ok.housekeeping?.[0].name, 'Stale');
    });
});
describe('remote blocks: what the CI readers report', () => {
    it('a Jenkins library step called without @Library is an external reference; methods and Jenkins steps are not', () => {
        const file = (0, jenkins_1.parseJenkinsfile)('Jenkinsfile', (0, node_fs_1.readFileSync)(path.join(scanHelpers_1.REPO_ROOT, 'test/fixtures/detect/remote-blocks-jenkins/Jenkinsfile'), 'utf8'));
        assert.deepEqual(file.references.map((r) => `${r.kind} ${r.ref} :${r.loc.line}`), ['shared-library buildPlugin (library step) :5', 'shared-library publishToStagingCluster (library step) :9', 'shared-library prepareWorkspace (library step) :10']);
    });
    it('a CircleCI job no workflow lists is marked as never run; listed jobs are not', () => {
        const file = (0, circleci_1.parseCircleCi)('.circleci/config.yml', 'version: 2.1\njobs:\n  build:\n    docker: [{ image: cimg/base:2024.01 }]\n    steps: [checkout, { run: make }]\n  deploy:\n    docker: [{ image: cimg/base:2024.01 }]\n    steps: [{ run: kubectl apply -f k8s }]\nworkflows:\n  main:\n    jobs: [build]\n');
        assert.equal(file.jobs.find((j) => j.id === 'build')?.notRun, undefined);
        assert.equal(file.jobs.find((j) => j.id === 'deploy')?.notRun, "no workflow runs job 'deploy'");
        const noWorkflows = (0, circleci_1.parseCircleCi)('.circleci/config.yml', 'version: 2.1\njobs:\n  build:\n    docker: [{ image: cimg/base:2024.01 }]\n    steps: [{ run: make }]\n');
        assert.equal(noWorkflows.jobs[0].notRun, undefined);
    });
    it("circleci/node's run job runs the script its yarn-run or npm-run names, at that line", () => {
        const file = (0, circleci_1.parseCircleCi)('.circleci/config.yml', 'version: 2.1\norbs:\n  node: circleci/node@5.3.0\nworkflows:\n  main:\n    jobs:\n      - node/run:\n          name: types\n          npm-run: type-check\n      - node/run:\n          yarn-run: << pipeline.parameters.script >>\n');
        const steps = file.jobs.flatMap((j) => j.steps.flatMap((s) => s.script.map((l) => `${l.text} :${l.loc.line}`)));
        assert.deepEqual(steps, ['npm run type-check :9']);
    });
    it('an external reference that is housekeeping is listed as such and left out of the "may run more tools" remark', async () => {
        const { result } = await (0, scanHelpers_1.scanDir)(path.join(scanHelpers_1.REPO_ROOT, 'test/fixtures/detect/housekeeping-workflows'));
        const ref = result.external.find((r) => r.ref.includes('release-drafter.yml'));
        assert.equal(ref?.housekeeping, 'Release Drafter');
        for (const p of result.probes)
            assert.ok(!p.notes.some((n) => n.includes('may run more tools')), `${p.id}: ${JSON.stringify(p.notes)}`);
    });
});
//# sourceMappingURL=remote-blocks.test.js.map