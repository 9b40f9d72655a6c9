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
// Cloud Build, CodeBuild, Buildkite, Tekton, Drone and Woodpecker: which files they are, and
// what their readers make of them, with exact positions.
const assert = __importStar(require("node:assert/strict"));
const node_fs_1 = require("node:fs");
const path = __importStar(require("node:path"));
const buildkite_1 = require("../../src/core/scan/ci/buildkite");
const cloudbuild_1 = require("../../src/core/scan/ci/cloudbuild");
const codebuild_1 = require("../../src/core/scan/ci/codebuild");
const drone_1 = require("../../src/core/scan/ci/drone");
const tekton_1 = require("../../src/core/scan/ci/tekton");
const classify_1 = require("../../src/core/scan/discover/classify");
const ENGINE = path.resolve(__dirname, '../../../test/fixtures/engine');
const read = (p) => (0, node_fs_1.readFileSync)(path.join(ENGINE, p), 'utf8');
const pos = (l) => (l ? `${l.line}:${l.column}` : undefined);
const lines = (f) => f.jobs.flatMap((j) => j.steps.flatMap((s) => s.script.map((x) => `${x.loc.line}:${x.loc.column} ${x.text}`)));
describe('classification of the added CI systems', () => {
    const cases = [
        ['cloudbuild.yaml', 'cloudbuild'],
        ['services/api/cloudbuild.yml', 'cloudbuild'],
        ['deploy/cloudbuild-release.yaml', 'cloudbuild'],
        // A sample build in an examples folder is not this repository's pipeline.
        ['examples/cloudbuild.yaml', undefined],
        ['buildspec.yml', 'codebuild'],
        ['infra/buildspec-test.yaml', 'codebuild'],
        ['test/buildspec.yml', undefined],
        ['.buildkite/pipeline.yml', 'buildkite'],
        ['.buildkite/pipeline.release.yaml', 'buildkite'],
        ['buildkite.yml', 'buildkite'],
        // Compose files kept beside the pipelines are compose files.
        ['.buildkite/docker-compose.yml', 'compose'],
        ['sub/.buildkite/pipeline.yml', undefined],
        ['.tekton/pull-request.yaml', 'tekton'],
        ['.tekton/tasks/lint.yaml', 'tekton'],
        ['.drone.yml', 'drone'],
        ['.drone.yaml', 'drone'],
        ['sub/.drone.yml', undefined],
        ['.woodpecker.yml', 'woodpecker'],
        ['.woodpecker/checks.yaml', 'woodpecker'],
    ];
    for (const [p, kind] of cases)
        it(`${p} → ${kind}`, () => assert.equal((0, classify_1.classify)(p), kind));
    it('Tekton resources and buildspecs under other names are known by content', () => {
        const task = 'apiVersion: tekton.dev/v1\nkind: Task\nmetadata:\n  name: x\n';
        assert.equal((0, classify_1.classify)('ci/tasks/x.yaml', task), 'tekton');
        assert.equal((0, classify_1.classify)('pkg/testdata/x.yaml', task), 'kubernetes', 'test data is not a pipeline (and looks like a manifest)');
        // Other tekton.dev kinds (triggers) stay Kubernetes manifests.
        assert.equal((0, classify_1.classify)('ci/trigger.yaml', 'apiVersion: triggers.tekton.dev/v1beta1\nkind: EventListener\n'), 'kubernetes');
        assert.equal((0, classify_1.classify)('buildspecs/test.yml', 'version: 0.2\nphases:\n  build:\n    commands: [make]\n'), 'codebuild');
        assert.equal((0, classify_1.classify)('config/app.yml', 'version: 0.2\nname: x\n'), undefined);
    });
    it('Cloud Build builder images name the program they run', () => {
        assert.equal((0, cloudbuild_1.cloudBuilderProgram)('gcr.io/cloud-builders/docker'), 'docker');
        assert.equal((0, cloudbuild_1.cloudBuilderProgram)("gcr.io/cloud-builders/npm:node-20"), 'npm');
        assert.equal((0, cloudbuild_1.cloudBuilderProgram)('us-docker.pkg.dev/cloud-builders/ga/gcloud'), undefined);
        assert.equal((0, cloudbuild_1.cloudBuilderProgram)('aquasec/trivy'), undefined);
    });
});
describe('Cloud Build reader', () => {
    const f = (0, cloudbuild_1.parseCloudBuild)('cloudbuild.yaml', read('cloudbuild/cloudbuild.yaml'));
    it('one build job anchored at steps:, substitutions as variables', () => {
        assert.deepEqual(f.problems, []);
        assert.equal(pos(f.anchor), '3:1');
        assert.deepEqual(f.jobs.map((j) => j.id), ['build']);
        assert.equal(f.env._IMAGE.value, 'gcr.io/acme/api');
    });
    it('steps: builder commands at their args, tool images as uses, the bash -c script line by line', () => {
        const steps = f.jobs[0].steps;
        assert.deepEqual(steps.map((s) => s.name), ['unit-tests', 'secrets', 'build', 'scan', 'sast']);
        assert.deepEqual(lines(f), ['6:12 npm run test', '12:12 docker build -t ${_IMAGE} .', '23:9 echo "semgrep runs in the script below"', '24:9 ./scripts/sast.sh']);
        assert.equal(steps[1].uses?.value, 'zricethezav/gitleaks');
        assert.equal(pos(steps[1].uses?.loc), '8:11');
        assert.equal(steps[1].inputs.args.value, 'detect --source . --redact');
        assert.equal(pos(steps[3].cannotFail), '16:5');
    });
    it('a file without steps is refused with a message', () => {
        const g = (0, cloudbuild_1.parseCloudBuild)('cloudbuild.yaml', 'images: [x]\n');
        assert.deepEqual(g.problems.map((p) => `${p.line} ${p.message} ${p.severity}`), ['1 The build has no `steps` error']);
    });
});
describe('CodeBuild reader', () => {
    const f = (0, codebuild_1.parseCodeBuildSpec)('buildspec.yml', read('codebuild/buildspec.yml'));
    it('phases as steps, finally blocks, on-failure: CONTINUE, batch buildspecs as local includes', () => {
        assert.deepEqual(f.problems, []);
        assert.equal(pos(f.anchor), '5:1');
        assert.deepEqual(f.jobs[0].steps.map((s) => `${s.name}@${pos(s.loc)}${s.cannotFail ? ` cannot fail at ${pos(s.cannotFail)}` : ''}`), [
            'install@6:3', 'pre_build@9:3 cannot fail at 10:5', 'build@13:3', 'build finally@13:3', 'post_build@19:3',
        ]);
        assert.deepEqual(lines(f).slice(0, 3), ['8:9 pip install checkov', '12:9 checkov -d infra --quiet', '15:9 make test']);
        assert.deepEqual(f.references.map((r) => `${r.kind} ${r.localPath} ${pos(r.loc)}`), ['local-include buildspecs/secrets.yml 25:18']);
        assert.equal(f.env.IMAGE.value, 'acme/api');
    });
});
describe('Buildkite reader', () => {
    const f = (0, buildkite_1.parseBuildkitePipeline)('.buildkite/pipeline.yml', read('buildkite/.buildkite/pipeline.yml'));
    it('command steps are jobs (groups as stages), wait/block run nothing, a trigger calls another pipeline', () => {
        assert.deepEqual(f.problems, []);
        assert.equal(pos(f.anchor), '5:1');
        assert.deepEqual(f.jobs.map((j) => `${j.id}|${j.stage ?? ''}|${j.runner?.value ?? ''}|${j.image?.value ?? ''}`), [
            'tests||linux|', 'Secrets|Security|linux|zricethezav/gitleaks', 'SAST|Security|linux|', 'Image scan|Security|linux|', 'deploy-api|||',
        ]);
        assert.equal(f.jobs[4].uses?.value, 'deploy-api');
        assert.equal(pos(f.jobs[2].cannotFail), '21:9');
        assert.deepEqual(lines(f), ['8:14 npm test', '13:18 .buildkite/steps/secrets.sh', '19:13 echo "running semgrep"', '20:13 semgrep scan --config auto --error .', '23:18 trivy image --exit-code 1 acme/api']);
    });
    it('plugins other than the docker ones are references, once per file', () => {
        assert.deepEqual(f.references.map((r) => `${r.kind} ${r.ref} ${pos(r.loc)}`), ['plugin acme/image-policy#v1.2.0 25:13']);
    });
    it('a pipeline may be just a list of steps', () => {
        const g = (0, buildkite_1.parseBuildkitePipeline)('.buildkite/pipeline.yml', '- command: make test\n  label: Test\n- wait\n');
        assert.deepEqual(g.jobs.map((j) => `${j.id} ${j.steps[0].script[0].text}`), ['Test make test']);
    });
});
describe('Tekton reader', () => {
    const run = (0, tekton_1.parseTekton)('.tekton/pull-request.yaml', read('tekton/.tekton/pull-request.yaml'));
    it('a PipelineRun: events from the Pipelines-as-Code annotation, an inline task as a job, a hub task as a reference', () => {
        assert.deepEqual(run.problems, []);
        assert.equal(pos(run.anchor), '2:1');
        assert.deepEqual(run.events, ['pull_request', 'push']);
        assert.deepEqual(run.jobs.map((j) => `${j.id} ${j.uses?.value ?? ''} ${j.steps.length}`), ['fetch hub git-clone 0', 'checks  3']);
        assert.deepEqual(lines(run), ['24:17 go test ./...', '30:15 semgrep scan --config auto --error']);
        const secrets = run.jobs[1].steps[1];
        assert.equal(secrets.uses?.value, 'zricethezav/gitleaks');
        assert.equal(pos(run.jobs[1].steps[2].cannotFail), '32:15');
        assert.deepEqual(run.references.map((r) => `${r.kind} ${r.ref} ${pos(r.loc)}`), ['remote git-clone 7:38', 'remote hub git-clone 12:9']);
    });
    it('a Task: its steps', () => {
        const task = (0, tekton_1.parseTekton)('ci/image-scan.yaml', read('tekton/ci/image-scan.yaml'));
        assert.deepEqual(task.jobs.map((j) => j.id), ['image-scan']);
        assert.deepEqual(lines(task), ['12:9 echo "trivy image is the scanner"', '13:9 trivy image --exit-code 1 --severity HIGH,CRITICAL "$(params.image)"']);
    });
    it('other resources in the same file are left alone', () => {
        const g = (0, tekton_1.parseTekton)('x.yaml', 'apiVersion: v1\nkind: ConfigMap\n---\napiVersion: tekton.dev/v1\nkind: Task\nmetadata: {name: t}\nspec:\n  steps:\n    - image: alpine\n      script: make lint\n');
        assert.deepEqual(g.jobs.map((j) => `${j.id} ${pos(j.loc)}`), ['t 5:1']);
        assert.deepEqual(lines(g), ['10:15 make lint']);
    });
});
describe('Drone and Woodpecker readers', () => {
    it('Drone: one job per pipeline document, trigger events, plugins with settings, failure: ignore', () => {
        const f = (0, drone_1.parseDronePipeline)('.drone.yml', read('drone/.drone.yml'));
        assert.deepEqual(f.problems, []);
        assert.equal(pos(f.anchor), '8:1');
        assert.deepEqual(f.jobs.map((j) => `${j.id} ${j.runner?.value} ${j.steps.length}`), ['default docker 3', 'nightly exec 1']);
        assert.deepEqual(f.events, ['push', 'pull_request', 'cron']);
        const publish = f.jobs[0].steps[2];
        assert.equal(publish.uses?.value, 'plugins/docker');
        assert.equal(publish.inputs.repo.value, 'acme/api');
        assert.equal(pos(f.jobs[0].steps[1].cannotFail), '17:5');
        assert.deepEqual(lines(f), ['12:9 make test', '16:9 gitleaks detect --source . --redact', '33:9 echo "osv-scanner"', '34:9 osv-scanner --lockfile go.sum']);
    });
    it('Woodpecker: steps as a mapping and as a list, workflow events', () => {
        const map = (0, drone_1.parseWoodpeckerWorkflow)('.woodpecker/checks.yaml', read('woodpecker/.woodpecker/checks.yaml'));
        assert.deepEqual(map.problems, []);
        assert.deepEqual(map.jobs.map((j) => j.id), ['checks']);
        assert.deepEqual(map.jobs[0].steps.map((s) => `${s.name} ${pos(s.loc)}`), ['lint-dockerfile 5:3', 'secrets 9:3']);
        assert.deepEqual(map.events, ['push', 'pull_request']);
        const list = (0, drone_1.parseWoodpeckerWorkflow)('.woodpecker.yml', read('woodpecker/.woodpecker.yml'));
        assert.deepEqual(list.jobs[0].steps.map((s) => `${s.name} ${pos(s.loc)} ${s.uses?.value ?? ''}`), ['test 2:5 ', 'publish 7:5 woodpeckerci/plugin-docker-buildx']);
        assert.deepEqual(lines(list), ['5:9 npm ci', '6:9 npm test']);
    });
    it('Woodpecker: a workflow without steps is refused with a message', () => {
        const g = (0, drone_1.parseWoodpeckerWorkflow)('.woodpecker.yml', 'when:\n  event: push\n');
        assert.deepEqual(g.problems.map((p) => `${p.line} ${p.severity}`), ['1 error']);
    });
});
//# sourceMappingURL=ci-more-dialects.test.js.map