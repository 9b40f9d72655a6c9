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
// CI secret stores are evidence for "Environment depending configuration parameters (secrets)": a
// pipeline that reads values from its CI system's secret store, with the exact line, in every
// dialect whose files show it. The note says what this does not show.
const assert = __importStar(require("node:assert/strict"));
const guidanceHarness_1 = require("./guidanceHarness");
const SECRETS_ACTIVITY = 'df428c9d-efa0-4226-9f47-a15bb53f822b';
async function secretStore(files) {
    const { result } = await (0, guidanceHarness_1.scanDir)((0, guidanceHarness_1.tempWorkspace)(files));
    const probe = result.probes.find((p) => p.id === 'ci.secret-store');
    const activity = result.activities.find((a) => a.activity.uuid === SECRETS_ACTIVITY);
    return { probe, activity, evidence: probe.evidence.map((e) => `${e.loc.path}:${e.loc.line} ${e.text}`) };
}
describe('CI secret stores as evidence for environment-dependent secrets', function () {
    this.timeout(30_000);
    after(guidanceHarness_1.cleanTempWorkspaces);
    it('GitHub Actions: ${{ secrets.X }} in env, with and run; the automatic GITHUB_TOKEN does not count', async () => {
        const { probe, activity, evidence } = await secretStore({
            '.github/workflows/deploy.yml': [
                'on: push',
                'jobs:',
                '  deploy:',
                '    runs-on: ubuntu-latest',
                '    steps:',
                '      - uses: actions/setup-node@v4',
                '        with:',
                '          registry-url: https://registry.npmjs.org',
                '      - run: npm publish',
                '        env:',
                '          NODE_AUTH_TOKEN: ${{ secrets.NPM_TOKEN }}',
                '      - run: ./deploy.sh --key "${{ secrets.DEPLOY_KEY }}"',
                '      - run: gh release create v1',
                '        env:',
                '          GH_TOKEN: ${{ secrets.GITHUB_TOKEN }}',
                '',
            ].join('\n'),
        });
        assert.equal(probe.result, 'pass');
        assert.deepEqual(evidence, [
            '.github/workflows/deploy.yml:11 NODE_AUTH_TOKEN: ${{ secrets.NPM_TOKEN }}',
            '.github/workflows/deploy.yml:12 ./deploy.sh --key "${{ secrets.DEPLOY_KEY }}"',
        ]);
        assert.equal(activity.status, 'detected');
        assert.match(activity.note ?? '', /not that every environment-specific setting is kept out of the code/);
    });
    it('GitHub Actions: only GITHUB_TOKEN is no evidence', async () => {
        const { probe, activity } = await secretStore({
            '.github/workflows/ci.yml': ['on: push', 'jobs:', '  t:', '    runs-on: ubuntu-latest', '    steps:', '      - run: gh api /user', '        env:', '          GH_TOKEN: ${{ secrets.GITHUB_TOKEN }}', ''].join('\n'),
        });
        assert.equal(probe.result, 'fail');
        assert.equal(activity.status, 'missing');
    });
    it('GitLab: `secrets:` (Vault and other providers) of a job', async () => {
        const { evidence } = await secretStore({
            '.gitlab-ci.yml': [
                'deploy:',
                '  image: alpine:3.20',
                '  secrets:',
                '    DATABASE_PASSWORD:',
                '      vault: production/db/password@ops',
                '  script:',
                '    - ./deploy.sh',
                '',
            ].join('\n'),
        });
        assert.deepEqual(evidence, ['.gitlab-ci.yml:4 secrets: DATABASE_PASSWORD']);
    });
    it('Azure Pipelines: variable groups of the pipeline and of a job', async () => {
        const { evidence } = await secretStore({
            'azure-pipelines.yml': [
                'trigger: [main]',
                'variables:',
                '  - group: release-secrets',
                '  - name: configuration',
                '    value: Release',
                'jobs:',
                '  - job: deploy',
                '    pool: { vmImage: ubuntu-latest }',
                '    variables:',
                '      - group: prod-keyvault',
                '    steps:',
                '      - script: ./deploy.sh',
                '',
            ].join('\n'),
        });
        assert.deepEqual(evidence.sort(), ['azure-pipelines.yml:10 variable group: prod-keyvault', 'azure-pipelines.yml:3 variable group: release-secrets']);
    });
    it("Jenkins: credentials('id') in an environment block", async () => {
        const { evidence } = await secretStore({
            Jenkinsfile: [
                'pipeline {',
                '  agent any',
                '  environment {',
                "    REGISTRY_TOKEN = credentials('registry-token')",
                "    STAGE = 'prod'",
                '  }',
                '  stages {',
                "    stage('Deploy') { steps { sh './deploy.sh' } }",
                '  }',
                '}',
                '',
            ].join('\n'),
        });
        assert.deepEqual(evidence, ["Jenkinsfile:4 REGISTRY_TOKEN: credentials('registry-token')"]);
    });
    it('CircleCI: contexts a workflow gives a job', async () => {
        const { evidence } = await secretStore({
            '.circleci/config.yml': [
                'version: 2.1',
                'jobs:',
                '  deploy:',
                '    docker: [{ image: cimg/base:2024.01 }]',
                '    steps: [checkout, { run: ./deploy.sh }]',
                'workflows:',
                '  main:',
                '    jobs:',
                '      - deploy:',
                '          context: [aws-prod, slack]',
                '',
            ].join('\n'),
        });
        assert.deepEqual(evidence, ['.circleci/config.yml:10 context: aws-prod', '.circleci/config.yml:10 context: slack']);
    });
    it('Bitbucket: secured variables live in the settings, so the files show nothing, and the reason says so', async () => {
        const { probe, activity } = await secretStore({
            'bitbucket-pipelines.yml': ['pipelines:', '  default:', '    - step:', '        script:', '          - ./deploy.sh $DEPLOY_KEY', ''].join('\n'),
        });
        assert.equal(probe.result, 'fail');
        assert.equal(activity.status, 'missing');
        assert.ok(activity.reasons?.some((r) => /masked or secured in the CI settings/.test(r)), JSON.stringify(activity.reasons));
    });
});
//# sourceMappingURL=ci-secret-store.test.js.map