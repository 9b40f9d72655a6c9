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
const assert = __importStar(require("node:assert/strict"));
const classify_1 = require("../../src/core/scan/discover/classify");
const BY_NAME = [
    // GitHub Actions
    ['.github/workflows/ci.yml', 'github-workflow'],
    ['.github/workflows/release.yaml', 'github-workflow'],
    ['.github/workflows/sub/ci.yml', undefined],
    ['.github/workflows/README.md', undefined],
    ['pkg/.github/workflows/ci.yml', undefined],
    ['action.yml', 'github-action'],
    ['.github/actions/setup/action.yaml', 'github-action'],
    // GitLab
    ['.gitlab-ci.yml', 'gitlab-ci'],
    ['ci/build.gitlab-ci.yml', 'gitlab-ci'],
    ['deploy.gitlab-ci.yaml', 'gitlab-ci'],
    ['sub/.gitlab-ci.yml', undefined],
    // Azure Pipelines
    ['azure-pipelines.yml', 'azure-pipelines'],
    ['build/azure-pipelines-release.yaml', 'azure-pipelines'],
    ['.azure-pipelines/templates/steps.yml', 'azure-pipelines'],
    ['.azure-pipelines/ci.yaml', 'azure-pipelines'],
    // Jenkins
    ['Jenkinsfile', 'jenkinsfile'],
    ['ci/Jenkinsfile.release', 'jenkinsfile'],
    ['deploy.Jenkinsfile', 'jenkinsfile'],
    ['nightly.jenkinsfile', 'jenkinsfile'],
    ['Jenkinsfile.md', undefined],
    // CircleCI / Bitbucket
    ['.circleci/config.yml', 'circleci'],
    ['.circleci/config.yaml', 'circleci'],
    ['.circleci/other.yml', undefined],
    ['bitbucket-pipelines.yml', 'bitbucket-pipelines'],
    // Containers
    ['Dockerfile', 'dockerfile'],
    ['docker/Containerfile', 'dockerfile'],
    ['api.Dockerfile', 'dockerfile'],
    ['web.dockerfile', 'dockerfile'],
    ['Dockerfile.prod', 'dockerfile'],
    ['Containerfile.dev', 'dockerfile'],
    ['dockerfile', 'dockerfile'],
    ['Dockerfile.dockerignore', undefined],
    ['Dockerfile.md', undefined],
    ['.dockerignore', undefined],
    ['docker-compose.yml', 'compose'],
    ['docker-compose.override.yaml', 'compose'],
    ['compose.yaml', 'compose'],
    ['compose.prod.yml', 'compose'],
    ['stack.compose.yml', 'compose'],
    ['composer.json', 'manifest'],
    ['charts/app/Chart.yaml', 'helm-chart'],
    ['charts/app/values.yaml', 'helm-values'],
    ['charts/app/values-prod.yaml', 'helm-values'],
    ['k8s/kustomization.yaml', 'kustomization'],
    ['k8s/overlays/prod/kustomization.yml', 'kustomization'],
    ['k8s/Kustomization', 'kustomization'],
    ['.ko.yaml', 'ko-config'],
    ['cmd/tool/.ko.yaml', 'ko-config'],
    // Hygiene
    ['.github/dependabot.yml', 'dependabot'],
    ['.github/dependabot.yaml', 'dependabot'],
    ['renovate.json', 'renovate'],
    ['renovate.json5', 'renovate'],
    ['.github/renovate.json', 'renovate'],
    ['.github/renovate.json5', 'renovate'],
    ['.gitlab/renovate.json', 'renovate'],
    ['.renovaterc', 'renovate'],
    ['.renovaterc.json', 'renovate'],
    ['.renovaterc.json5', 'renovate'],
    ['sub/renovate.json', undefined],
    ['.pre-commit-config.yaml', 'pre-commit'],
    ['.pre-commit-config.yml', 'pre-commit'],
    ['.husky/pre-commit', 'pre-commit'],
    ['web/.husky/pre-push', 'pre-commit'],
    ['.husky/_/husky.sh', 'shell-script'],
    ['lefthook.yml', 'pre-commit'],
    ['SECURITY.md', 'security-policy'],
    ['.github/SECURITY.md', 'security-policy'],
    ['docs/security.md', 'security-policy'],
    ['src/SECURITY.md', undefined],
    ['CODEOWNERS', 'codeowners'],
    ['.github/CODEOWNERS', 'codeowners'],
    ['docs/CODEOWNERS', 'codeowners'],
    ['.gitlab/CODEOWNERS', 'codeowners'],
    ['src/CODEOWNERS', undefined],
    ['.gitignore', 'gitignore'],
    ['sub/.gitignore', 'gitignore'],
    // Support files
    ['Makefile', 'makefile'],
    ['makefile', 'makefile'],
    ['GNUmakefile', 'makefile'],
    ['build/rules.mk', 'makefile'],
    ['scripts/test.sh', 'shell-script'],
    ['package.json', 'package-json'],
    ['packages/a/package.json', 'package-json'],
    ['package-lock.json', 'lockfile'],
    ['npm-shrinkwrap.json', 'lockfile'],
    ['yarn.lock', 'lockfile'],
    ['pnpm-lock.yaml', 'lockfile'],
    ['poetry.lock', 'lockfile'],
    ['uv.lock', 'lockfile'],
    ['Pipfile.lock', 'lockfile'],
    ['go.sum', 'lockfile'],
    ['Cargo.lock', 'lockfile'],
    ['Gemfile.lock', 'lockfile'],
    ['composer.lock', 'lockfile'],
    ['packages.lock.json', 'lockfile'],
    ['gradle.lockfile', 'lockfile'],
    ['mix.lock', 'lockfile'],
    ['pubspec.lock', 'lockfile'],
    ['ios/Podfile.lock', 'lockfile'],
    ['bun.lock', 'lockfile'],
    ['bun.lockb', undefined],
    ['pom.xml', 'manifest'],
    ['build.gradle', 'manifest'],
    ['app/build.gradle.kts', 'manifest'],
    ['requirements.txt', 'manifest'],
    ['requirements-dev.txt', 'manifest'],
    ['requirements/prod.txt', 'manifest'],
    ['pyproject.toml', 'manifest'],
    ['go.mod', 'manifest'],
    ['Cargo.toml', 'manifest'],
    ['Gemfile', 'manifest'],
    ['src/App/App.csproj', 'manifest'],
    ['Pipfile', 'manifest'],
    ['setup.py', 'manifest'],
    // IaC by name
    ['infra/main.tf', 'iac'],
    ['infra/main.tf.json', 'iac'],
    ['Pulumi.yaml', 'iac'],
    ['infra/main.bicep', 'iac'],
    // Nothing
    ['README.md', undefined],
    ['src/index.ts', undefined],
    ['config/settings.yaml', undefined],
];
describe('classify: by name', () => {
    for (const [path, kind] of BY_NAME) {
        it(`${path} → ${kind ?? 'nothing'}`, () => {
            assert.equal((0, classify_1.classify)(path), kind);
        });
    }
});
const K8S = `# a deployment
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
`;
const CFN = `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Bucket:
    Type: AWS::S3::Bucket
`;
const SAM = `Transform: AWS::Serverless-2016-10-31
Resources:
  Fn:
    Type: AWS::Serverless::Function
`;
const CFN_NO_VERSION = `Resources:
  Bucket:
    Type: 'AWS::S3::Bucket'
`;
const PLAYBOOK = `---
- name: web servers
  hosts: web
  become: true
  tasks:
    - name: install nginx
      apt: name=nginx
`;
const IMPORTS = `- import_playbook: web.yml
- ansible.builtin.import_playbook: db.yml
`;
const NESTED_KIND = `spec:
  apiVersion: v1
  kind: Pod
`;
describe('classify: by content', () => {
    it('a YAML with top-level apiVersion and kind is kubernetes', () => {
        assert.equal((0, classify_1.classify)('deploy/web.yaml', K8S), 'kubernetes');
        assert.equal((0, classify_1.classify)('deploy/web.yaml', `---\n${K8S}---\napiVersion: v1\nkind: Service\n`), 'kubernetes');
    });
    it('needs both lines at the top level', () => {
        assert.equal((0, classify_1.classify)('x.yaml', NESTED_KIND), undefined);
        assert.equal((0, classify_1.classify)('x.yaml', 'apiVersion: v1\nmetadata: {}\n'), undefined);
        assert.equal((0, classify_1.classify)('x.yaml', 'kind: Pod\n'), undefined);
    });
    it('without content, generic YAML is unknown', () => {
        assert.equal((0, classify_1.classify)('deploy/web.yaml'), undefined);
    });
    it('Kubernetes-style config that is not a manifest is left out', () => {
        assert.equal((0, classify_1.classify)('catalog.yaml', 'apiVersion: backstage.io/v1alpha1\nkind: Component\n'), undefined);
        assert.equal((0, classify_1.classify)('skaffold.yml', 'apiVersion: skaffold/v4beta6\nkind: Config\n'), undefined);
        assert.equal((0, classify_1.classify)('kubeconfig.yaml', 'apiVersion: v1\nkind: Config\nclusters:\n- name: x\n'), undefined);
    });
    it('CloudFormation and SAM templates are iac', () => {
        assert.equal((0, classify_1.classify)('template.yaml', CFN), 'iac');
        assert.equal((0, classify_1.classify)('template.yml', SAM), 'iac');
        assert.equal((0, classify_1.classify)('stack.yaml', CFN_NO_VERSION), 'iac');
    });
    it('Ansible playbooks are iac', () => {
        assert.equal((0, classify_1.classify)('site.yml', PLAYBOOK), 'iac');
        assert.equal((0, classify_1.classify)('all.yml', IMPORTS), 'iac');
        assert.equal((0, classify_1.classify)('vars.yml', 'db_host: x\nhosts: y\n'), undefined);
    });
    it('looks at the first 4 KB only', () => {
        assert.equal((0, classify_1.classifyYamlContent)('#'.repeat(5000) + '\n' + K8S), undefined);
    });
    it('a name-based kind wins over content', () => {
        assert.equal((0, classify_1.classify)('.github/workflows/k8s.yml', K8S), 'github-workflow');
        assert.equal((0, classify_1.classify)('docker-compose.yml', K8S), 'compose');
    });
});
describe('classify: Helm context', () => {
    const charts = new Set(['charts/app', '']);
    const ctx = { isChartDir: (d) => charts.has(d) };
    it('values*.yaml is helm-values only next to a Chart.yaml', () => {
        assert.equal((0, classify_1.classify)('charts/app/values.yaml', undefined, ctx), 'helm-values');
        assert.equal((0, classify_1.classify)('env/prod/values.yaml', undefined, ctx), undefined);
        assert.equal((0, classify_1.classify)('env/prod/values.yaml', K8S, ctx), 'kubernetes');
    });
    it("YAML under a chart's templates/ is kubernetes, even templated", () => {
        assert.equal((0, classify_1.classify)('charts/app/templates/deployment.yaml', undefined, ctx), 'kubernetes');
        assert.equal((0, classify_1.classify)('charts/app/templates/tests/test-conn.yaml', '{{ if .Values.x }}', ctx), 'kubernetes');
        assert.equal((0, classify_1.classify)('templates/service.yml', undefined, ctx), 'kubernetes');
        assert.equal((0, classify_1.classify)('other/templates/build.yml', undefined, ctx), undefined);
        assert.equal((0, classify_1.classify)('charts/app/templates/_helpers.tpl', undefined, ctx), undefined);
    });
});
describe('classify: needsContent and helpers', () => {
    it('is true for generic YAML only', () => {
        assert.equal((0, classify_1.needsContent)('k8s/deploy.yaml'), true);
        assert.equal((0, classify_1.needsContent)('template.yml'), true);
        assert.equal((0, classify_1.needsContent)('charts/x/values.yaml'), true);
        assert.equal((0, classify_1.needsContent)('.github/workflows/ci.yml'), false);
        assert.equal((0, classify_1.needsContent)('docker-compose.yml'), false);
        assert.equal((0, classify_1.needsContent)('pnpm-lock.yaml'), false);
        assert.equal((0, classify_1.needsContent)('Dockerfile'), false);
        assert.equal((0, classify_1.needsContent)('mkdocs.yml'), false);
        assert.equal((0, classify_1.needsContent)('.github/ISSUE_TEMPLATE/bug.yml'), false);
        assert.equal((0, classify_1.needsContent)('.golangci.yml'), false);
        assert.equal((0, classify_1.needsContent)('README.md'), false);
    });
    it('isContainerKind and isCiKind', () => {
        assert.equal((0, classify_1.isContainerKind)('dockerfile'), true);
        assert.equal((0, classify_1.isContainerKind)('helm-values'), true);
        assert.equal((0, classify_1.isContainerKind)('iac'), false);
        assert.equal((0, classify_1.isContainerKind)('github-workflow'), false);
        assert.equal((0, classify_1.isCiKind)('jenkinsfile'), true);
        assert.equal((0, classify_1.isCiKind)('compose'), false);
    });
});
//# sourceMappingURL=classify.test.js.map