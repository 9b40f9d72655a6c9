// Deterministic synthetic monorepo for bench/scan-bench.mjs.
//
//   generateMonorepo(dir, { files, seed }) writes about `files` files under `dir`:
//     - ~2% pipeline and container files of every kind the engine reads (GitHub workflows and
//       composite actions, GitLab CI with local include fragments, Azure Pipelines with templates,
//       Jenkinsfiles, CircleCI, Bitbucket, Dockerfiles, compose, multi-document Kubernetes
//       manifests, Helm charts, kustomizations, dependabot, pre-commit) plus the Makefiles,
//       scripts and package.json files the CI steps call;
//     - generic YAML the walker has to sniff (application config, OpenAPI, Kustomize patches);
//     - ordinary source files (.ts/.py/.go/.md) in folders 10+ levels deep;
//     - an ignored node_modules (~16%, with workflow/Dockerfile look-alikes inside), folders
//       ignored by .gitignore files (root and nested) and by the default excludes (dist/, build/,
//       target/, .venv/), with look-alikes inside too;
//     - three nested repositories (git submodules: a `.git` file) with their own root-only files.
//   Same seed and file count → byte-identical tree. Bump GENERATOR_VERSION whenever the output
//   changes, so cached trees are regenerated.
//
// Paths of ignored content all contain one of IGNORED_MARKERS, so the bench can check that
// nothing ignored leaked into the index.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const GENERATOR_VERSION = 4;
export const IGNORED_MARKERS = ['node_modules/', 'generated/', '.cache/', 'tmp-artifacts/', 'gen/', 'dist/', 'build/', 'target/', '.venv/'];

/** The workflow the incremental bench edits (always written by the generator). */
export const EDIT_WORKFLOW = '.github/workflows/ci-edit-target.yml';
/** A Makefile called by that workflow (the bench also edits it: the "file read by CI" path). */
export const EDIT_MAKEFILE = 'tools/ci/Makefile';

// ---------------------------------------------------------------------------------------------
// Seeded randomness

function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Rng {
  constructor(seed) {
    this.next = mulberry32(seed);
  }
  int(lo, hi) {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  pick(list) {
    return list[Math.floor(this.next() * list.length)];
  }
  chance(p) {
    return this.next() < p;
  }
  sha() {
    let s = '';
    for (let i = 0; i < 40; i++) s += '0123456789abcdef'[Math.floor(this.next() * 16)];
    return s;
  }
}

// ---------------------------------------------------------------------------------------------
// Vocabulary

const DOMAINS = ['payments', 'identity', 'catalog', 'search', 'orders', 'shipping', 'billing', 'notify', 'analytics', 'platform', 'media', 'pricing'];
const SERVICE_WORDS = ['api', 'worker', 'gateway', 'indexer', 'scheduler', 'ingest', 'export', 'ledger', 'sync', 'auth', 'web', 'admin', 'events', 'reports', 'cache', 'router'];
const LANGS = ['node', 'python', 'go'];
const WORDS = ['alpha', 'beta', 'core', 'util', 'model', 'store', 'handler', 'client', 'server', 'adapter', 'mapper', 'codec', 'policy', 'config', 'schema', 'query', 'cursor', 'token', 'session', 'queue', 'batch', 'stream', 'metric', 'trace', 'render', 'widget', 'form', 'table', 'chart', 'filter'];
const NODE_IMAGES = ['node:20.11-bookworm', 'node:22-alpine', 'node:20-bookworm-slim', 'node:18.20-alpine3.19'];
const PY_IMAGES = ['python:3.12-slim', 'python:3.11-bookworm', 'python:3.12-alpine'];
const GO_IMAGES = ['golang:1.22-bookworm', 'golang:1.23-alpine'];
const RUNTIME_IMAGES = ['gcr.io/distroless/nodejs20-debian12', 'gcr.io/distroless/static-debian12:nonroot', 'alpine:3.20', 'debian:12-slim', 'cgr.dev/chainguard/python:latest'];

// ---------------------------------------------------------------------------------------------
// Writer

class Tree {
  constructor(root) {
    this.root = root;
    this.dirs = new Set();
    this.count = 0;
    this.bytes = 0;
    this.byKind = new Map();
  }
  write(rel, text, kind = 'other') {
    const abs = path.join(this.root, rel);
    const dir = path.dirname(abs);
    if (!this.dirs.has(dir)) {
      mkdirSync(dir, { recursive: true });
      this.dirs.add(dir);
    }
    writeFileSync(abs, text);
    this.count++;
    this.bytes += Buffer.byteLength(text);
    this.byKind.set(kind, (this.byKind.get(kind) ?? 0) + 1);
  }
}

// ---------------------------------------------------------------------------------------------
// Services (the skeleton everything else hangs on)

function makeServices(rng, n) {
  const out = [];
  for (let i = 0; i < n; i++) {
    const domain = DOMAINS[i % DOMAINS.length];
    const name = `${SERVICE_WORDS[(i * 7) % SERVICE_WORDS.length]}-${i}`;
    const lang = LANGS[i % 3];
    out.push({ i, domain, name, lang, dir: `services/${domain}/${name}` });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// GitHub Actions

function ghCheckout(rng) {
  return rng.chance(0.6) ? `actions/checkout@${rng.sha()} # v4` : 'actions/checkout@v4';
}

function ghSetup(rng, svc) {
  if (svc.lang === 'node') return `      - uses: actions/setup-node@${rng.chance(0.5) ? rng.sha() + ' # v4' : 'v4'}\n        with:\n          node-version: "20.11"\n          cache: npm\n          cache-dependency-path: ${svc.dir}/package-lock.json\n`;
  if (svc.lang === 'python') return `      - uses: actions/setup-python@v5\n        with:\n          python-version: "3.12"\n          cache: pip\n`;
  return `      - uses: actions/setup-go@v5\n        with:\n          go-version-file: ${svc.dir}/go.mod\n`;
}

function ghTestSteps(rng, svc) {
  if (svc.lang === 'node') {
    return `      - run: npm ci --prefix ${svc.dir}\n      - run: npm test --prefix ${svc.dir}\n      - name: Lint\n        run: npm run lint --prefix ${svc.dir}\n`;
  }
  if (svc.lang === 'python') {
    return `      - name: Install\n        run: |\n          python -m pip install --upgrade pip\n          pip install -r ${svc.dir}/requirements.txt pytest==8.3.3\n      - name: Test\n        working-directory: ${svc.dir}\n        run: python -m pytest -q --junitxml=report.xml\n`;
  }
  return `      - name: Test\n        working-directory: ${svc.dir}\n        run: |\n          go vet ./...\n          go test -race -count=1 ./...\n`;
}

const GH_SCAN_JOBS = [
  (rng, svc) => `  trivy-image:\n    name: Build and scan image\n    runs-on: ubuntu-latest\n    needs: test\n    steps:\n      - uses: ${ghCheckout(rng)}\n      - uses: docker/setup-buildx-action@v3\n      - uses: docker/build-push-action@${rng.sha()} # v6\n        with:\n          context: ${svc.dir}\n          load: true\n          tags: ${svc.name}:\${{ github.sha }}\n      - name: Trivy\n        uses: aquasecurity/trivy-action@0.28.0\n${rng.chance(0.3) ? '        continue-on-error: true\n' : ''}        with:\n          image-ref: ${svc.name}:\${{ github.sha }}\n          severity: CRITICAL,HIGH\n          exit-code: "1"\n`,
  (rng) => `  codeql:\n    name: CodeQL (\${{ matrix.language }})\n    runs-on: ubuntu-latest\n    permissions:\n      contents: read\n      security-events: write\n    strategy:\n      fail-fast: false\n      matrix:\n        language: [javascript-typescript, python, go]\n    steps:\n      - uses: ${ghCheckout(rng)}\n      - uses: github/codeql-action/init@v3\n        with:\n          languages: \${{ matrix.language }}\n      - uses: github/codeql-action/autobuild@v3\n      - uses: github/codeql-action/analyze@v3\n`,
  (rng, svc) => `  semgrep:\n    name: Semgrep\n    runs-on: ubuntu-latest\n    container:\n      image: semgrep/semgrep:1.90.0\n    steps:\n      - uses: ${ghCheckout(rng)}\n      - run: semgrep ci --config auto ${svc.dir}\n        env:\n          SEMGREP_APP_TOKEN: \${{ secrets.SEMGREP_APP_TOKEN }}\n`,
  (rng) => `  secrets:\n    name: Secret scan\n    runs-on: ubuntu-latest\n    steps:\n      - uses: ${ghCheckout(rng)}\n        with:\n          fetch-depth: 0\n      - uses: gitleaks/gitleaks-action@v2\n        env:\n          GITHUB_TOKEN: \${{ secrets.GITHUB_TOKEN }}\n`,
  (rng, svc) => `  hadolint:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: ${ghCheckout(rng)}\n      - uses: hadolint/hadolint-action@v3.1.0\n        with:\n          dockerfile: ${svc.dir}/Dockerfile\n          failure-threshold: warning\n`,
  (rng) => `  checkov:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: ${ghCheckout(rng)}\n      - name: Checkov\n        uses: bridgecrewio/checkov-action@v12\n        with:\n          directory: deploy/\n          framework: kubernetes,helm,dockerfile\n          soft_fail: ${rng.chance(0.3) ? 'true' : 'false'}\n`,
  (rng, svc) => `  snyk:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: ${ghCheckout(rng)}\n      - uses: snyk/actions/${svc.lang === 'go' ? 'golang' : svc.lang}@master\n        env:\n          SNYK_TOKEN: \${{ secrets.SNYK_TOKEN }}\n        with:\n          args: --severity-threshold=high --file=${svc.dir}/${svc.lang === 'node' ? 'package.json' : svc.lang === 'python' ? 'requirements.txt' : 'go.mod'}\n`,
  (rng, svc) => `  make-scan:\n    name: Scan through make\n    runs-on: ubuntu-latest\n    steps:\n      - uses: ${ghCheckout(rng)}\n      - run: make -C ${svc.dir} scan\n      - run: ./${svc.dir}/scripts/ci-scan.sh\n`,
  (rng) => `  dependency-review:\n    if: github.event_name == 'pull_request'\n    runs-on: ubuntu-latest\n    steps:\n      - uses: ${ghCheckout(rng)}\n      - uses: actions/dependency-review-action@v4\n        with:\n          fail-on-severity: high\n`,
  (rng, svc) => `  zap:\n    runs-on: ubuntu-latest\n    needs: deploy-preview\n    steps:\n      - uses: zaproxy/action-baseline@v0.12.0\n        with:\n          target: https://preview-${svc.name}.example.test\n          fail_action: true\n`,
  (rng, svc) => `  sbom:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: ${ghCheckout(rng)}\n      - uses: anchore/sbom-action@v0\n        with:\n          path: ${svc.dir}\n          format: cyclonedx-json\n      - run: grype dir:${svc.dir} --fail-on high\n`,
];

function githubWorkflow(rng, svc, services, idx, actions) {
  const anchors = rng.chance(0.25);
  let s = `# ${svc.name}: build, test and scan (${svc.domain})\nname: ${svc.name}\n\non:\n  push:\n    branches: [main]\n    paths:\n      - '${svc.dir}/**'\n      - '.github/workflows/${svc.name}.yml'\n  pull_request:\n    paths: ['${svc.dir}/**']\n`;
  if (rng.chance(0.3)) s += `  schedule:\n    - cron: '${rng.int(0, 59)} ${rng.int(0, 23)} * * ${rng.int(0, 6)}'\n`;
  s += `  workflow_dispatch: {}\n\npermissions:\n  contents: read\n\nconcurrency:\n  group: ${svc.name}-\${{ github.ref }}\n  cancel-in-progress: true\n\n`;
  s += `env:${anchors ? ' &shared_env' : ''}\n  SERVICE: ${svc.name}\n  REGISTRY: ghcr.io/acme\n  FORCE_COLOR: "1"\n\njobs:\n`;
  s += `  test:\n    name: Test ${svc.name}\n    runs-on: ${rng.pick(['ubuntu-latest', 'ubuntu-22.04', '[self-hosted, linux, x64]'])}\n    timeout-minutes: ${rng.int(10, 40)}\n`;
  if (anchors) s += `    env: *shared_env\n`;
  s += `    steps:\n      - uses: ${ghCheckout(rng)}\n`;
  if (actions.length && rng.chance(0.6)) s += `      - uses: ./${rng.pick(actions)}\n        with:\n          service: ${svc.name}\n`;
  else s += ghSetup(rng, svc);
  s += ghTestSteps(rng, svc);
  if (rng.chance(0.5)) s += `      - run: make -C ${svc.dir} lint test\n`;
  if (rng.chance(0.3)) s += `      - run: bash ${svc.dir}/scripts/ci-scan.sh --fast\n`;
  s += '\n';
  const nScans = rng.int(1, 4);
  const used = new Set();
  for (let k = 0; k < nScans; k++) {
    const j = rng.int(0, GH_SCAN_JOBS.length - 1);
    if (used.has(j)) continue;
    used.add(j);
    s += GH_SCAN_JOBS[j](rng, svc) + (anchors && rng.chance(0.5) ? '    env: *shared_env\n' : '') + '\n';
  }
  if (rng.chance(0.25)) s += `  reusable-scan:\n    uses: ./.github/workflows/reusable-scan-${idx % 10}.yml\n    with:\n      path: ${svc.dir}\n    secrets: inherit\n\n`;
  if (rng.chance(0.15)) s += `  org-policy:\n    uses: acme/.github/.github/workflows/policy.yml@main\n\n`;
  if (rng.chance(0.4)) {
    s += `  deploy:\n    if: github.ref == 'refs/heads/main'\n    needs: [test]\n    runs-on: ubuntu-latest\n    environment: production\n    permissions:\n      id-token: write\n      contents: read\n    steps:\n      - uses: ${ghCheckout(rng)}\n      - uses: azure/setup-kubectl@v4\n      - run: kubectl apply -k deploy/kustomize/${svc.name}/overlays/prod\n      - run: helm upgrade --install ${svc.name} deploy/charts/chart-${svc.i % 20} --atomic --set image.tag=\${{ github.sha }}\n`;
  }
  return s;
}

function reusableWorkflow(rng, k) {
  return `name: reusable-scan-${k}\non:\n  workflow_call:\n    inputs:\n      path:\n        type: string\n        required: true\njobs:\n  scan:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: ${ghCheckout(rng)}\n      - name: Trivy filesystem\n        run: trivy fs --scanners vuln,secret,misconfig --exit-code 1 \${{ inputs.path }}\n      - name: OSV\n        uses: google/osv-scanner-action/osv-scanner-action@v1.9.0\n        with:\n          scan-args: -r \${{ inputs.path }}\n`;
}

function compositeAction(rng, name) {
  return `name: ${name}\ndescription: Shared setup for ${name}\ninputs:\n  service:\n    description: service folder name\n    required: true\n  node-version:\n    default: "20"\nruns:\n  using: composite\n  steps:\n    - uses: actions/setup-node@v4\n      with:\n        node-version: \${{ inputs.node-version }}\n    - uses: actions/cache@v4\n      with:\n        path: ~/.npm\n        key: npm-\${{ hashFiles('**/package-lock.json') }}\n    - shell: bash\n      run: |\n        npm ci --ignore-scripts\n        npx eslint . --max-warnings 0\n${rng.chance(0.5) ? '    - shell: bash\n      run: gitleaks detect --no-banner --redact\n' : ''}${rng.chance(0.4) ? '    - shell: bash\n      run: npx --yes audit-ci --high\n' : ''}`;
}

/** The workflow the incremental bench edits; `variant` ≥ 0 adds a real change. */
export function editWorkflowText(variant = -1) {
  const tools = [
    'trivy fs --exit-code 1 .',
    'gitleaks detect --source . --redact',
    'semgrep ci --config auto',
    'bandit -r tools/',
    'gosec ./...',
    'osv-scanner -r .',
    'checkov -d deploy/',
    'hadolint Dockerfile',
    'npm audit --audit-level=high',
    'pip-audit -r requirements.txt',
  ];
  let s = `# The workflow bench/scan-bench.mjs edits to time incremental re-evaluation.\nname: ci-edit-target\non:\n  push:\n    branches: [main]\n  pull_request: {}\npermissions:\n  contents: read\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - uses: actions/setup-node@v4\n        with:\n          node-version: "20"\n      - run: npm ci\n      - run: npm test\n      - run: make -C tools/ci scan\n  scan:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - uses: github/codeql-action/init@v3\n      - uses: github/codeql-action/analyze@v3\n`;
  if (variant >= 0) {
    s += `      - name: extra check ${variant}\n        run: ${tools[variant % tools.length]}\n`;
    if (variant % 3 === 0) s += `        continue-on-error: true\n`;
    s += `  extra-${variant}:\n    runs-on: ubuntu-${variant % 2 ? 'latest' : '22.04'}\n    steps:\n      - uses: actions/checkout@v4\n      - run: echo edit ${variant}\n`;
  }
  return s;
}

export function editMakefileText(variant = -1) {
  return `# Called by ${EDIT_WORKFLOW}.\n.PHONY: scan lint\nscan:\n\ttrivy fs --exit-code 1 --severity HIGH,CRITICAL .\n${variant >= 0 ? `\tgitleaks detect --source . # edit ${variant}\n` : ''}\nlint:\n\tnpx eslint .\n`;
}

// ---------------------------------------------------------------------------------------------
// GitLab, Azure, Jenkins, CircleCI, Bitbucket

function gitlabRoot(rng, fragments, services) {
  let s = `# Monorepo pipeline: child fragments per area, security templates, shared defaults.\nstages: [build, test, security, deploy]\n\ninclude:\n  - template: Security/SAST.gitlab-ci.yml\n  - template: Jobs/Secret-Detection.gitlab-ci.yml\n  - template: Jobs/Dependency-Scanning.gitlab-ci.yml\n  - component: gitlab.com/components/container-scanning/container-scanning@5.0\n  - project: acme/ci-templates\n    ref: v3.2.0\n    file: [/templates/deploy.yml, /templates/notify.yml]\n`;
  for (const f of fragments) s += `  - local: ${f}\n`;
  s += `\nvariables:\n  DOCKER_DRIVER: overlay2\n  SAST_EXCLUDED_PATHS: "node_modules, dist, generated"\n  IMAGE_BASE: $CI_REGISTRY_IMAGE\n\n.defaults: &defaults\n  image: node:20.11-bookworm\n  tags: [docker, linux]\n  retry: 1\n  interruptible: true\n\n.mr_and_main: &mr_and_main\n  rules:\n    - if: $CI_PIPELINE_SOURCE == "merge_request_event"\n    - if: $CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH\n\n`;
  for (const svc of services.slice(0, Math.min(services.length, 30))) {
    s += `test:${svc.name}:\n  <<: [*defaults, *mr_and_main]\n  stage: test\n  script:\n    - make -C ${svc.dir} test\n    - ./${svc.dir}/scripts/ci-scan.sh\n\n`;
  }
  s += `container_scanning:\n  <<: *defaults\n  stage: security\n  image:\n    name: aquasec/trivy:0.56.2\n    entrypoint: [""]\n  script:\n    - trivy image --exit-code 1 "$IMAGE_BASE/api:$CI_COMMIT_SHORT_SHA"\n  allow_failure: ${rng.chance(0.5)}\n`;
  return s;
}

function gitlabFragment(rng, svc, k) {
  return `# Fragment ${k}: jobs for ${svc.dir}\n.${svc.name}-base: &${svc.name.replace(/-/g, '_')}_base\n  image: ${svc.lang === 'python' ? rng.pick(PY_IMAGES) : svc.lang === 'go' ? rng.pick(GO_IMAGES) : rng.pick(NODE_IMAGES)}\n  before_script:\n    - cd ${svc.dir}\n  variables:\n    SERVICE: ${svc.name}\n\nbuild:${svc.name}:\n  <<: *${svc.name.replace(/-/g, '_')}_base\n  stage: build\n  script:\n    - make build\n  artifacts:\n    paths: [${svc.dir}/dist/]\n\nlint:${svc.name}:\n  extends: .${svc.name}-base\n  stage: test\n  script:\n    - make lint\n${rng.chance(0.4) ? `\nsemgrep:${svc.name}:\n  stage: security\n  image: semgrep/semgrep\n  script:\n    - semgrep ci --config p/default\n  allow_failure: ${rng.chance(0.3)}\n` : ''}${rng.chance(0.3) ? `\ngosec:${svc.name}:\n  stage: security\n  image: securego/gosec:2.21.4\n  script:\n    - gosec -fmt sarif -out gosec.sarif ./...\n` : ''}`;
}

function gitlabService(rng, svc, fragment) {
  return `# ${svc.name} child pipeline\ninclude:\n  - local: ${fragment}\n  - template: Jobs/Container-Scanning.gitlab-ci.yml\n\nvariables:\n  CS_IMAGE: $CI_REGISTRY_IMAGE/${svc.name}:$CI_COMMIT_SHORT_SHA\n\n${svc.name}:image:\n  stage: build\n  image: docker:27.3\n  services: [docker:27.3-dind]\n  script:\n    - docker build -t "$CS_IMAGE" ${svc.dir}\n    - docker push "$CS_IMAGE"\n\n${svc.name}:test:\n  stage: test\n  script:\n    - make -C ${svc.dir} test\n  rules:\n    - changes: [${svc.dir}/**/*]\n`;
}

function azurePipeline(rng, svc, templates) {
  return `trigger:\n  branches:\n    include: [main]\n  paths:\n    include: [${svc.dir}]\n\npool:\n  vmImage: ubuntu-latest\n\nvariables:\n  service: ${svc.name}\n\nstages:\n  - stage: Build\n    jobs:\n      - job: build\n        steps:\n          - checkout: self\n          - task: NodeTool@0\n            inputs:\n              versionSpec: '20.x'\n          - script: |\n              make -C ${svc.dir} build\n              make -C ${svc.dir} test\n            displayName: Build and test\n          - template: /${rng.pick(templates)}\n            parameters:\n              path: ${svc.dir}\n  - stage: Scan\n    dependsOn: Build\n    jobs:\n      - job: scan\n        steps:\n          - task: CredScan@3\n          - script: trivy fs --exit-code 1 ${svc.dir}\n            displayName: Trivy\n${rng.chance(0.3) ? '            continueOnError: true\n' : ''}          - task: PublishTestResults@2\n            inputs:\n              testResultsFiles: '**/junit.xml'\n`;
}

function azureTemplate(rng, k) {
  return `parameters:\n  - name: path\n    type: string\n    default: .\nsteps:\n  - script: npm ci && npm run lint\n    workingDirectory: \${{ parameters.path }}\n  - script: ${rng.pick(['osv-scanner -r .', 'gitleaks detect --source .', 'checkov -d .', 'semgrep scan --config auto'])}\n    displayName: Template scan ${k}\n  - task: Docker@2\n    inputs:\n      command: build\n      Dockerfile: \${{ parameters.path }}/Dockerfile\n`;
}

function jenkinsfile(rng, svc) {
  return `// ${svc.name}: built on the on-premises controller\npipeline {\n    agent {\n        ${rng.chance(0.5) ? `docker {\n            image '${svc.lang === 'go' ? rng.pick(GO_IMAGES) : svc.lang === 'python' ? rng.pick(PY_IMAGES) : rng.pick(NODE_IMAGES)}'\n        }` : `kubernetes {\n            yamlFile 'jenkins/pod.yaml'\n        }`}\n    }\n    options {\n        timestamps()\n        timeout(time: ${rng.int(15, 60)}, unit: 'MINUTES')\n    }\n    triggers {\n        cron('H ${rng.int(0, 6)} * * *')\n    }\n    environment {\n        SERVICE = '${svc.name}'\n    }\n    stages {\n        stage('Build') {\n            steps {\n                dir('${svc.dir}') {\n                    sh 'make build'\n                }\n            }\n        }\n        stage('Test') {\n            steps {\n                sh "make -C ${svc.dir} test"\n            }\n        }\n        stage('Security') {\n            parallel {\n                stage('Dependencies') {\n                    steps {\n                        dependencyCheck additionalArguments: '--scan ${svc.dir} --format XML', odcInstallation: 'odc-10'\n                    }\n                }\n                stage('Image') {\n                    steps {\n                        sh 'trivy image --exit-code ${rng.int(0, 1)} --severity HIGH,CRITICAL acme/${svc.name}:latest'\n                    }\n                }\n            }\n        }\n    }\n    post {\n        always {\n            junit allowEmptyResults: true, testResults: '**/junit.xml'\n        }\n    }\n}\n`;
}

function circleci(rng, services) {
  let s = `version: 2.1\n\norbs:\n  node: circleci/node@5.2.0\n  snyk: snyk/snyk@2.1.0\n  aws-ecr: circleci/aws-ecr@9.3.4\n\nexecutors:\n  default:\n    docker:\n      - image: cimg/node:20.11\n    resource_class: medium\n\njobs:\n`;
  for (const svc of services.slice(0, 12)) {
    s += `  test-${svc.name}:\n    executor: default\n    steps:\n      - checkout\n      - run:\n          name: Test\n          command: make -C ${svc.dir} test\n      - snyk/scan:\n          fail-on-issues: ${rng.chance(0.7)}\n          severity-threshold: high\n          target-file: ${svc.dir}/package.json\n`;
  }
  s += `\nworkflows:\n  main:\n    jobs:\n`;
  for (const svc of services.slice(0, 12)) s += `      - test-${svc.name}\n`;
  return s;
}

function bitbucket(rng, services) {
  let s = `image: atlassian/default-image:4\n\ndefinitions:\n  steps:\n    - step: &build\n        name: Build and test\n        caches: [node]\n        script:\n          - npm ci\n          - npm test\n    - step: &scan\n        name: Security scan\n        image: aquasec/trivy:0.56.2\n        script:\n          - trivy fs --exit-code 1 .\n          - pipe: atlassian/git-secrets-scan:0.6.1\n\npipelines:\n  default:\n    - step: *build\n    - parallel:\n        - step: *scan\n`;
  for (const svc of services.slice(0, 8)) s += `        - step:\n            name: ${svc.name}\n            script:\n              - make -C ${svc.dir} test\n`;
  s += `  branches:\n    main:\n      - step: *build\n      - step:\n          <<: *scan\n          name: Scan main\n`;
  return s;
}

// ---------------------------------------------------------------------------------------------
// Containers

function dockerfile(rng, svc, variant) {
  const base = svc.lang === 'node' ? rng.pick(NODE_IMAGES) : svc.lang === 'python' ? rng.pick(PY_IMAGES) : rng.pick(GO_IMAGES);
  const pinned = rng.chance(0.3) ? `@sha256:${rng.sha()}${rng.sha().slice(0, 24)}` : '';
  let s = `# syntax=docker/dockerfile:1.7\n# ${svc.name}${variant ? ` (${variant})` : ''}\n\nFROM ${base}${pinned} AS build\nWORKDIR /src\n`;
  if (svc.lang === 'node') s += `COPY package.json package-lock.json ./\nRUN npm ci\nCOPY . .\nRUN npm run build && npm prune --omit=dev\n`;
  else if (svc.lang === 'python') s += `COPY requirements.txt ./\nRUN pip install --no-cache-dir -r requirements.txt --target /deps\nCOPY . .\n`;
  else s += `COPY go.mod go.sum ./\nRUN go mod download\nCOPY . .\nRUN CGO_ENABLED=0 go build -trimpath -o /out/app ./cmd/${svc.name}\n`;
  if (rng.chance(0.5)) s += `\nFROM build AS test\nRUN ${svc.lang === 'node' ? 'npm test' : svc.lang === 'python' ? 'python -m pytest -q' : 'go test ./...'}\n`;
  s += `\nFROM ${rng.pick(RUNTIME_IMAGES)}\n`;
  if (rng.chance(0.4)) s += `RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates curl && rm -rf /var/lib/apt/lists/*\n`;
  s += `WORKDIR /app\nCOPY --from=build ${svc.lang === 'go' ? '/out/app' : '/src'} /app\nENV PORT=8080 \\\n    SERVICE=${svc.name}\nEXPOSE 8080\n`;
  if (rng.chance(0.6)) s += `USER ${rng.pick(['65532:65532', 'node', 'app', 'nonroot'])}\n`;
  if (rng.chance(0.4)) s += `HEALTHCHECK --interval=30s CMD ["/app/healthcheck"]\n`;
  s += `ENTRYPOINT ["${svc.lang === 'go' ? '/app/app' : svc.lang === 'python' ? 'python' : 'node'}"${svc.lang === 'go' ? '' : `, "${svc.lang === 'python' ? '-m' : 'dist/server.js'}"`}${svc.lang === 'python' ? `, "${svc.name.replace(/-/g, '_')}"` : ''}]\n`;
  return s;
}

function compose(rng, svc, services) {
  let s = `name: ${svc.name}\nservices:\n  app:\n    build:\n      context: .\n      dockerfile: Dockerfile\n    ports: ["${rng.int(3000, 9000)}:8080"]\n    environment:\n      DATABASE_URL: postgres://app@db:5432/app\n${rng.chance(0.3) ? '    privileged: true\n' : ''}${rng.chance(0.5) ? '    read_only: true\n    user: "1000:1000"\n' : ''}    depends_on: [db, cache]\n  db:\n    image: postgres:16${rng.chance(0.3) ? `@sha256:${rng.sha()}${rng.sha().slice(0, 24)}` : ''}\n    volumes: [db-data:/var/lib/postgresql/data]\n  cache:\n    image: redis:7-alpine\n`;
  if (rng.chance(0.3)) s += `  docker-proxy:\n    image: tecnativa/docker-socket-proxy\n    volumes: [/var/run/docker.sock:/var/run/docker.sock:ro]\n`;
  s += `volumes:\n  db-data: {}\n`;
  return s;
}

function k8sManifest(rng, svc, k) {
  const image = `ghcr.io/acme/${svc.name}:${rng.chance(0.2) ? 'latest' : `1.${rng.int(0, 40)}.${rng.int(0, 9)}`}`;
  let s = `# ${svc.name} (${k})\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${svc.name}\n  namespace: ${svc.domain}\n  labels: &labels\n    app.kubernetes.io/name: ${svc.name}\n    app.kubernetes.io/part-of: ${svc.domain}\nspec:\n  replicas: ${rng.int(1, 6)}\n  selector:\n    matchLabels: *labels\n  template:\n    metadata:\n      labels: *labels\n    spec:\n      serviceAccountName: ${svc.name}\n      automountServiceAccountToken: false\n`;
  if (rng.chance(0.6)) s += `      securityContext:\n        runAsNonRoot: true\n        seccompProfile:\n          type: RuntimeDefault\n`;
  s += `      containers:\n        - name: app\n          image: ${image}\n          ports:\n            - containerPort: 8080\n          resources:\n            requests: { cpu: 100m, memory: 128Mi }\n${rng.chance(0.6) ? '            limits: { cpu: 500m, memory: 256Mi }\n' : ''}`;
  if (rng.chance(0.6)) s += `          securityContext:\n            allowPrivilegeEscalation: false\n            readOnlyRootFilesystem: true\n            capabilities:\n              drop: [ALL]\n`;
  if (rng.chance(0.15)) s += `          securityContext:\n            privileged: true\n`;
  s += `          livenessProbe:\n            httpGet: { path: /healthz, port: 8080 }\n---\napiVersion: v1\nkind: Service\nmetadata:\n  name: ${svc.name}\n  namespace: ${svc.domain}\nspec:\n  selector:\n    app.kubernetes.io/name: ${svc.name}\n  ports:\n    - port: 80\n      targetPort: 8080\n`;
  if (rng.chance(0.5)) s += `---\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: ${svc.name}-default-deny\n  namespace: ${svc.domain}\nspec:\n  podSelector: {}\n  policyTypes: [Ingress, Egress]\n`;
  if (rng.chance(0.4)) s += `---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${svc.name}-config\ndata:\n  LOG_LEVEL: info\n  FEATURE_${k}: "true"\n`;
  return s;
}

function helmChart(tree, rng, dir, svc, k) {
  tree.write(`${dir}/Chart.yaml`, `apiVersion: v2\nname: chart-${k}\ndescription: ${svc.name} chart\ntype: application\nversion: 0.${k}.0\nappVersion: "1.${k}.0"\n${k % 3 === 0 ? 'dependencies:\n  - name: redis\n    version: 19.x.x\n    repository: oci://registry-1.docker.io/bitnamicharts\n' : ''}`, 'helm-chart');
  const values = `replicaCount: ${rng.int(1, 4)}\nimage:\n  repository: ghcr.io/acme/${svc.name}\n  tag: ""\n  pullPolicy: IfNotPresent\npodSecurityContext:\n  runAsNonRoot: ${rng.chance(0.7)}\nsecurityContext:\n  readOnlyRootFilesystem: true\n  allowPrivilegeEscalation: false\nresources:\n  limits:\n    cpu: 500m\n    memory: 256Mi\nservice:\n  port: 80\n`;
  tree.write(`${dir}/values.yaml`, values, 'helm-values');
  tree.write(`${dir}/values-prod.yaml`, `replicaCount: ${rng.int(3, 8)}\nimage:\n  tag: "1.${k}.0"\n`, 'helm-values');
  tree.write(`${dir}/templates/deployment.yaml`, `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ include "chart.fullname" . }}\nspec:\n  replicas: {{ .Values.replicaCount }}\n  template:\n    spec:\n      securityContext:\n        {{- toYaml .Values.podSecurityContext | nindent 8 }}\n      containers:\n        - name: {{ .Chart.Name }}\n          image: "{{ .Values.image.repository }}:{{ .Values.image.tag | default .Chart.AppVersion }}"\n`, 'kubernetes');
  tree.write(`${dir}/templates/service.yaml`, `apiVersion: v1\nkind: Service\nmetadata:\n  name: {{ include "chart.fullname" . }}\nspec:\n  ports:\n    - port: {{ .Values.service.port }}\n`, 'kubernetes');
  tree.write(`${dir}/templates/networkpolicy.yaml`, `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: deny-all\nspec:\n  podSelector: {}\n  policyTypes: [Ingress]\n`, 'kubernetes');
  tree.write(`${dir}/templates/_helpers.tpl`, `{{- define "chart.fullname" -}}{{ .Release.Name }}-{{ .Chart.Name }}{{- end }}\n`, 'other');
  return 6;
}

function kustomizeTree(tree, rng, dir, svc) {
  tree.write(`${dir}/base/kustomization.yaml`, `apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nnamespace: ${svc.domain}\nresources:\n  - deployment.yaml\n  - service.yaml\ncommonLabels:\n  app.kubernetes.io/name: ${svc.name}\n`, 'kustomization');
  tree.write(`${dir}/base/deployment.yaml`, k8sManifest(rng, svc, 'base').split('\n---\n')[0] + '\n', 'kubernetes');
  tree.write(`${dir}/base/service.yaml`, `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${svc.name}\nspec:\n  ports:\n    - port: 80\n`, 'kubernetes');
  for (const env of ['staging', 'prod']) {
    tree.write(`${dir}/overlays/${env}/kustomization.yaml`, `apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n  - ../../base\nimages:\n  - name: ghcr.io/acme/${svc.name}\n    newTag: "1.${rng.int(0, 30)}.0"\npatches:\n  - path: replicas.yaml\n`, 'kustomization');
    tree.write(`${dir}/overlays/${env}/replicas.yaml`, `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${svc.name}\nspec:\n  replicas: ${env === 'prod' ? 4 : 1}\n`, 'kubernetes');
  }
  return 7;
}

// ---------------------------------------------------------------------------------------------
// Support files (called by CI steps)

function makefile(rng, svc) {
  const test = svc.lang === 'node' ? 'npm test' : svc.lang === 'python' ? 'python -m pytest -q' : 'go test ./...';
  const lint = svc.lang === 'node' ? 'npx eslint .' : svc.lang === 'python' ? 'ruff check .' : 'golangci-lint run';
  return `# ${svc.name}\n.PHONY: build test lint scan ci\nIMAGE ?= ghcr.io/acme/${svc.name}\n\nci: lint test scan\n\nbuild:\n\tdocker build -t $(IMAGE):dev .\n\ntest:\n\t${test}\n\nlint:\n\t${lint}\n\nscan:\n\t${rng.pick(['trivy fs --exit-code 1 .', 'osv-scanner -r .', 'semgrep scan --config auto --error', 'gitleaks detect --source .', svc.lang === 'python' ? 'bandit -r .' : svc.lang === 'go' ? 'gosec ./...' : 'npm audit --audit-level=high'])}\n`;
}

function ciScript(rng, svc) {
  return `#!/usr/bin/env bash\n# CI security checks for ${svc.name}\nset -euo pipefail\ncd "$(dirname "$0")/.."\n\nif [[ "\${1:-}" == "--fast" ]]; then\n  echo "fast mode"\nfi\n\n${rng.pick(['trivy fs --scanners vuln --exit-code 1 .', 'grype dir:. --fail-on high', 'osv-scanner --recursive .'])}\n${rng.chance(0.5) ? 'gitleaks detect --no-banner --source .\n' : ''}${rng.chance(0.4) ? 'hadolint Dockerfile\n' : ''}${rng.chance(0.4) ? 'checkov -d ../../../deploy --quiet\n' : ''}echo "done"\n`;
}

function packageJson(svc) {
  return JSON.stringify({
    name: `@acme/${svc.name}`,
    version: '1.0.0',
    private: true,
    scripts: { build: 'tsc -p .', test: 'vitest run', lint: 'eslint . && npm run audit', audit: 'npm audit --audit-level=high', start: 'node dist/server.js' },
    dependencies: { express: '^4.21.0', zod: '^3.23.8' },
    devDependencies: { typescript: '^5.6.0', vitest: '^2.1.0', eslint: '^9.12.0' },
  }, null, 2) + '\n';
}

function packageLock(rng, svc) {
  const pkgs = {};
  for (let k = 0; k < 30; k++) pkgs[`node_modules/${rng.pick(WORDS)}-${k}`] = { version: `1.${k}.${rng.int(0, 9)}`, resolved: `https://registry.npmjs.org/x/-/x-1.${k}.0.tgz`, integrity: `sha512-${rng.sha()}` };
  return JSON.stringify({ name: `@acme/${svc.name}`, lockfileVersion: 3, requires: true, packages: pkgs }, null, 2) + '\n';
}

// ---------------------------------------------------------------------------------------------
// Ordinary source files

function sourceText(rng, ext, name) {
  const lines = rng.int(15, 90);
  let s = '';
  if (ext === 'ts') {
    s += `import { ${rng.pick(WORDS)}Client } from '../${rng.pick(WORDS)}';\n\nexport interface ${name}Options {\n  id: string;\n  limit?: number;\n}\n\n`;
    for (let i = 0; i < lines; i++) s += `export function ${rng.pick(WORDS)}${i}(opts: ${name}Options): number {\n  return opts.limit ?? ${rng.int(0, 999)};\n}\n`;
  } else if (ext === 'py') {
    s += `"""${name} module."""\nfrom __future__ import annotations\n\nimport logging\n\nlog = logging.getLogger(__name__)\n\n`;
    for (let i = 0; i < lines; i++) s += `def ${rng.pick(WORDS)}_${i}(value: int) -> int:\n    return value * ${rng.int(1, 99)}\n\n`;
  } else if (ext === 'go') {
    s += `package ${rng.pick(WORDS)}\n\nimport "fmt"\n\n`;
    for (let i = 0; i < lines; i++) s += `func ${name}${i}(v int) string {\n\treturn fmt.Sprintf("%d-${rng.pick(WORDS)}", v*${rng.int(1, 99)})\n}\n\n`;
  } else {
    s += `# ${name}\n\n`;
    for (let i = 0; i < lines; i++) s += `The ${rng.pick(WORDS)} ${rng.pick(WORDS)} handles ${rng.pick(WORDS)} for the ${rng.pick(WORDS)} ${i}.\n`;
  }
  return s;
}

function configYaml(rng, k) {
  let s = `# application settings ${k}\nserver:\n  port: ${rng.int(3000, 9000)}\n  host: 0.0.0.0\nlogging:\n  level: ${rng.pick(['info', 'debug', 'warn'])}\nfeatures:\n`;
  for (let i = 0; i < rng.int(3, 15); i++) s += `  ${rng.pick(WORDS)}_${i}: ${rng.chance(0.5)}\n`;
  return s;
}

/**
 * Fills `count` source files under `base`: a random tree (about 8 files per folder) under a fixed
 * 4-level prefix, so most files sit 10+ levels below the root.
 */
function sourceTree(tree, rng, base, count, exts) {
  const top = `${base}/main/${rng.pick(WORDS)}/${rng.pick(WORDS)}`;
  const dirs = [{ path: top, depth: 0 }];
  let written = 0;
  while (written < count) {
    if (rng.chance(0.12)) {
      // A new folder under a random existing one (deeper ones a little more likely).
      const parent = dirs[Math.floor(dirs.length * Math.sqrt(rng.next()))];
      if (parent.depth < 12) dirs.push({ path: `${parent.path}/${rng.pick(WORDS)}-${dirs.length}`, depth: parent.depth + 1 });
      continue;
    }
    const dir = dirs[Math.floor(dirs.length * Math.sqrt(rng.next()))].path;
    const ext = rng.pick(exts);
    const name = `${rng.pick(WORDS)}${rng.pick(WORDS).replace(/^./, (c) => c.toUpperCase())}${written}`;
    tree.write(`${dir}/${name}.${ext}`, sourceText(rng, ext, name.replace(/^./, (c) => c.toUpperCase())), 'source');
    written++;
  }
  return written;
}

// ---------------------------------------------------------------------------------------------
// Ignored content

function nodeModules(tree, rng, base, count) {
  let written = 0;
  let p = 0;
  while (written < count) {
    const pkg = `${rng.pick(WORDS)}-${rng.pick(WORDS)}-${p++}`;
    const dir = `${base}/${p % 7 === 0 ? `@scope-${p % 5}/` : ''}${pkg}`;
    tree.write(`${dir}/package.json`, JSON.stringify({ name: pkg, version: '1.0.0', main: 'index.js', scripts: { test: 'mocha' } }) + '\n', 'ignored');
    tree.write(`${dir}/index.js`, sourceText(rng, 'ts', 'Index'), 'ignored');
    tree.write(`${dir}/README.md`, sourceText(rng, 'md', pkg), 'ignored');
    written += 3;
    const libs = rng.int(2, 12);
    for (let k = 0; k < libs && written < count; k++, written++) tree.write(`${dir}/lib/${rng.pick(WORDS)}/${rng.pick(WORDS)}${k}.js`, sourceText(rng, 'ts', 'Lib'), 'ignored');
    if (p % 9 === 0) {
      // Look-alikes that must never be indexed.
      tree.write(`${dir}/.github/workflows/ci.yml`, githubWorkflow(rng, { i: p, name: pkg, domain: 'npm', lang: 'node', dir: '.' }, [], p, []), 'ignored');
      tree.write(`${dir}/Dockerfile`, `FROM node:20\nCOPY . .\nRUN npm test\n`, 'ignored');
      tree.write(`${dir}/action.yml`, compositeAction(rng, pkg), 'ignored');
      tree.write(`${dir}/.gitlab-ci.yml`, `test:\n  script: [npm test]\n`, 'ignored');
      tree.write(`${dir}/deploy.yaml`, `apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\nspec:\n  containers: [{ name: x, image: x }]\n`, 'ignored');
      written += 5;
    }
    if (p % 13 === 0) {
      for (let k = 0; k < 4; k++) tree.write(`${dir}/node_modules/dep-${k}/index.js`, 'module.exports = 1;\n', 'ignored');
      written += 4;
    }
  }
  return written;
}

function ignoredFolder(tree, rng, dir, count) {
  let written = 0;
  for (let k = 0; k < count; k++) {
    const sub = `${dir}/${rng.pick(WORDS)}/${rng.pick(WORDS)}`;
    if (k % 25 === 0) tree.write(`${sub}/Dockerfile`, `FROM scratch\n`, 'ignored');
    else if (k % 25 === 1) tree.write(`${sub}/azure-pipelines.yml`, `steps:\n  - script: echo generated\n`, 'ignored');
    else if (k % 25 === 2) tree.write(`${sub}/manifest-${k}.yaml`, `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: gen-${k}\n`, 'ignored');
    else if (k % 25 === 3) tree.write(`${sub}/Jenkinsfile`, `pipeline { agent any; stages { stage('x') { steps { sh 'trivy fs .' } } } }\n`, 'ignored');
    else tree.write(`${sub}/gen_${k}.${rng.pick(['ts', 'go', 'py'])}`, sourceText(rng, rng.pick(['ts', 'go', 'py']), `Gen${k}`), 'ignored');
    written++;
  }
  return written;
}

// ---------------------------------------------------------------------------------------------
// The monorepo

export function generateMonorepo(root, { files = 50_000, seed = 20240601 } = {}) {
  const rng = new Rng(seed);
  const tree = new Tree(root);
  const scale = files / 50_000;
  const q = (n, min = 1) => Math.max(min, Math.round(n * scale));

  const services = makeServices(rng, q(60, 3));
  const svc = (i) => services[i % services.length];

  // --- repository root
  tree.write('.git/HEAD', 'ref: refs/heads/main\n', 'git');
  tree.write('.git/config', '[core]\n\trepositoryformatversion = 0\n', 'git');
  tree.write('.gitignore', `# generated code and local artefacts\ngenerated/\n.cache/\n*.log\n/tmp-artifacts/\ncoverage/\n!docs/generated.md\n`, 'gitignore');
  tree.write('README.md', sourceText(rng, 'md', 'Acme monorepo'), 'source');
  tree.write('SECURITY.md', '# Security policy\n\nReport issues to security@acme.test.\n', 'security-policy');
  tree.write('.github/CODEOWNERS', '* @acme/platform\n/services/payments/ @acme/payments\n', 'codeowners');
  tree.write('package.json', JSON.stringify({ name: 'acme-monorepo', private: true, workspaces: ['services/*/*'], scripts: { lint: 'eslint .', test: 'vitest run', audit: 'npm audit --audit-level=high' } }, null, 2) + '\n', 'package-json');
  tree.write('package-lock.json', packageLock(rng, { name: 'monorepo' }), 'lockfile');
  tree.write('Makefile', `.PHONY: ci scan\nci: scan\n\t$(MAKE) -C tools/ci scan\nscan:\n\ttrivy fs --exit-code 1 .\n\tgitleaks detect --source .\n`, 'makefile');
  tree.write(EDIT_MAKEFILE, editMakefileText(), 'makefile');
  tree.write(EDIT_WORKFLOW, editWorkflowText(), 'github-workflow');
  tree.write('.pre-commit-config.yaml', `repos:\n  - repo: https://github.com/pre-commit/pre-commit-hooks\n    rev: v4.6.0\n    hooks:\n      - id: trailing-whitespace\n      - id: check-yaml\n        args: [--allow-multiple-documents]\n  - repo: https://github.com/gitleaks/gitleaks\n    rev: v8.21.2\n    hooks:\n      - id: gitleaks\n  - repo: https://github.com/astral-sh/ruff-pre-commit\n    rev: v0.7.4\n    hooks:\n      - id: ruff\n`, 'pre-commit');
  let dep = `version: 2\nupdates:\n  - package-ecosystem: github-actions\n    directory: /\n    schedule:\n      interval: weekly\n`;
  for (const s of services.slice(0, 40)) dep += `  - package-ecosystem: ${s.lang === 'node' ? 'npm' : s.lang === 'python' ? 'pip' : 'gomod'}\n    directory: /${s.dir}\n    schedule:\n      interval: weekly\n`;
  tree.write('.github/dependabot.yml', dep, 'dependabot');
  for (const t of ['bug_report', 'feature_request', 'config']) tree.write(`.github/ISSUE_TEMPLATE/${t}.yml`, `name: ${t}\ndescription: x\nbody:\n  - type: textarea\n    id: what\n    attributes:\n      label: What\n`, 'other-yaml');

  // --- GitHub Actions
  const actions = [];
  for (let k = 0; k < q(25); k++) {
    const name = `setup-${WORDS[k % WORDS.length]}-${k}`;
    tree.write(`.github/actions/${name}/action.yml`, compositeAction(rng, name), 'github-action');
    actions.push(`.github/actions/${name}`);
  }
  for (let k = 0; k < q(15); k++) tree.write(`${svc(k * 3).dir}/.ci/action.yml`, compositeAction(rng, `svc-action-${k}`), 'github-action');
  const nWorkflows = q(110);
  for (let k = 0; k < nWorkflows; k++) {
    const s = svc(k);
    tree.write(`.github/workflows/${s.name}${k >= services.length ? '-' + k : ''}.yml`, githubWorkflow(rng, s, services, k, actions), 'github-workflow');
  }
  for (let k = 0; k < 10; k++) tree.write(`.github/workflows/reusable-scan-${k}.yml`, reusableWorkflow(rng, k), 'github-workflow');

  // --- GitLab
  const fragments = [];
  for (let k = 0; k < q(40); k++) {
    const f = `ci/gitlab/${svc(k).domain}/${svc(k).name}-${k}.yml`;
    tree.write(f, gitlabFragment(rng, svc(k), k), 'gitlab-fragment');
    fragments.push(f);
  }
  tree.write('.gitlab-ci.yml', gitlabRoot(rng, fragments.slice(0, Math.max(1, Math.floor(fragments.length / 2))), services), 'gitlab-ci');
  for (let k = 0; k < q(40); k++) {
    const s = svc(k + 5);
    tree.write(`${s.dir}/ci/${s.name}.gitlab-ci.yml`, gitlabService(rng, s, fragments[k % fragments.length]), 'gitlab-ci');
  }

  // --- Azure Pipelines
  const templates = [];
  for (let k = 0; k < q(10); k++) {
    const t = `.azure-pipelines/templates/steps-${k}.yml`;
    tree.write(t, azureTemplate(rng, k), 'azure-pipelines');
    templates.push(t);
  }
  tree.write('azure-pipelines.yml', azurePipeline(rng, services[0], templates), 'azure-pipelines');
  for (let k = 0; k < q(25); k++) tree.write(`${svc(k + 2).dir}/azure-pipelines.yml`, azurePipeline(rng, svc(k + 2), templates), 'azure-pipelines');

  // --- Jenkins, CircleCI, Bitbucket
  tree.write('Jenkinsfile', jenkinsfile(rng, services[0]), 'jenkinsfile');
  for (let k = 0; k < q(40); k++) {
    const s = svc(k + 1);
    tree.write(k % 4 === 3 ? `${s.dir}/Jenkinsfile.release` : `${s.dir}/Jenkinsfile`, jenkinsfile(rng, s), 'jenkinsfile');
  }
  tree.write('.circleci/config.yml', circleci(rng, services), 'circleci');
  tree.write('bitbucket-pipelines.yml', bitbucket(rng, services), 'bitbucket-pipelines');

  // --- Containers
  for (let k = 0; k < q(170); k++) {
    const s = svc(k);
    const name = k < services.length ? 'Dockerfile' : rng.pick(['Dockerfile.dev', 'Dockerfile.ci', 'Containerfile', `${rng.pick(WORDS)}.Dockerfile`]);
    const dir = k < services.length ? s.dir : `${s.dir}/docker/${k}`;
    tree.write(`${dir}/${name}`, dockerfile(rng, s, name), 'dockerfile');
  }
  for (let k = 0; k < q(50); k++) {
    const s = svc(k);
    tree.write(`${s.dir}/${rng.pick(['docker-compose.yml', 'compose.yaml', 'docker-compose.override.yml', 'compose.dev.yaml'])}`, compose(rng, s, services), 'compose');
  }
  for (let k = 0; k < q(220); k++) {
    const s = svc(k);
    tree.write(`deploy/k8s/${s.domain}/${s.name}/${rng.pick(['app', 'workload', 'stack'])}-${k}.yaml`, k8sManifest(rng, s, k), 'kubernetes');
  }
  for (let k = 0; k < q(20); k++) helmChart(tree, rng, `deploy/charts/chart-${k}`, svc(k), k);
  for (let k = 0; k < q(9); k++) kustomizeTree(tree, rng, `deploy/kustomize/${svc(k).name}`, svc(k));

  // --- Support files used by CI, and per-service manifests
  for (const s of services) {
    tree.write(`${s.dir}/Makefile`, makefile(rng, s), 'makefile');
    tree.write(`${s.dir}/scripts/ci-scan.sh`, ciScript(rng, s), 'shell-script');
    if (s.lang === 'node') {
      tree.write(`${s.dir}/package.json`, packageJson(s), 'package-json');
      tree.write(`${s.dir}/package-lock.json`, packageLock(rng, s), 'lockfile');
    } else if (s.lang === 'python') {
      tree.write(`${s.dir}/requirements.txt`, 'fastapi==0.115.0\nuvicorn==0.30.6\npydantic==2.9.2\n', 'manifest');
      tree.write(`${s.dir}/pyproject.toml`, `[project]\nname = "${s.name}"\nversion = "1.0.0"\n`, 'manifest');
    } else {
      tree.write(`${s.dir}/go.mod`, `module github.com/acme/${s.name}\n\ngo 1.22\n`, 'manifest');
      tree.write(`${s.dir}/go.sum`, `github.com/google/uuid v1.6.0 h1:${rng.sha()}=\n`, 'lockfile');
    }
  }
  for (let k = 0; k < q(20); k++) tree.write(`tools/scripts/${rng.pick(WORDS)}-${k}.sh`, ciScript(rng, svc(k)), 'shell-script');

  // --- Generic YAML the walker must sniff
  for (let k = 0; k < q(350); k++) {
    const s = svc(k);
    tree.write(`${s.dir}/config/${rng.pick(['app', 'settings', 'feature-flags', 'routes'])}-${k}.yaml`, configYaml(rng, k), 'other-yaml');
  }
  for (let k = 0; k < q(30); k++) tree.write(`api/specs/${svc(k).name}/openapi-${k}.yaml`, `openapi: 3.1.0\ninfo:\n  title: ${svc(k).name}\n  version: 1.0.0\npaths: {}\n`, 'other-yaml');

  // --- Nested repositories (submodules): a `.git` file makes each one a repository root.
  const nestedCount = Math.max(1, Math.min(3, Math.round(3 * scale)));
  for (let r = 0; r < nestedCount; r++) {
    const base = `external/lib-${r}`;
    const s = { i: 1000 + r, name: `lib-${r}`, domain: 'external', lang: LANGS[r % 3], dir: '.' };
    tree.write(`${base}/.git`, `gitdir: ../../.git/modules/external/lib-${r}\n`, 'git');
    tree.write(`${base}/.github/workflows/ci.yml`, githubWorkflow(rng, s, [s], r, []), 'github-workflow');
    tree.write(`${base}/.github/workflows/release.yml`, reusableWorkflow(rng, r), 'github-workflow');
    tree.write(`${base}/.circleci/config.yml`, circleci(rng, [s]), 'circleci');
    tree.write(`${base}/bitbucket-pipelines.yml`, bitbucket(rng, [s]), 'bitbucket-pipelines');
    tree.write(`${base}/.github/dependabot.yml`, `version: 2\nupdates:\n  - package-ecosystem: npm\n    directory: /\n    schedule:\n      interval: daily\n`, 'dependabot');
    tree.write(`${base}/.pre-commit-config.yaml`, `repos:\n  - repo: https://github.com/gitleaks/gitleaks\n    rev: v8.21.2\n    hooks:\n      - id: gitleaks\n`, 'pre-commit');
    tree.write(`${base}/Dockerfile`, dockerfile(rng, s, ''), 'dockerfile');
    tree.write(`${base}/Makefile`, makefile(rng, s), 'makefile');
    tree.write(`${base}/scripts/ci-scan.sh`, ciScript(rng, s), 'shell-script');
    tree.write(`${base}/.gitignore`, 'tmp-artifacts/\n', 'gitignore');
    ignoredFolder(tree, rng, `${base}/tmp-artifacts`, 10);
  }

  // --- Ignored content: node_modules (root and nested), gitignored and default-excluded folders.
  const nm = q(8000);
  nodeModules(tree, rng, 'node_modules', Math.round(nm * 0.85));
  nodeModules(tree, rng, `${services[0].dir}/node_modules`, Math.round(nm * 0.15));
  const gi = q(3000);
  const giDirs = Math.max(1, Math.min(services.length, 20));
  for (let k = 0; k < giDirs; k++) ignoredFolder(tree, rng, `${svc(k).dir}/generated`, Math.round(gi * 0.6 / giDirs));
  ignoredFolder(tree, rng, '.cache', Math.round(gi * 0.2));
  ignoredFolder(tree, rng, 'tmp-artifacts', Math.round(gi * 0.1));
  // A nested .gitignore: `gen/` under one service.
  tree.write(`${services[1 % services.length].dir}/.gitignore`, 'gen/\n*.tmp\n', 'gitignore');
  ignoredFolder(tree, rng, `${services[1 % services.length].dir}/gen`, Math.round(gi * 0.1));
  const de = q(1000);
  const deDirs = ['dist', 'build', 'target', '.venv'];
  for (let k = 0; k < deDirs.length * 3; k++) ignoredFolder(tree, rng, `${svc(k).dir}/${deDirs[k % 4]}`, Math.round(de / (deDirs.length * 3)));

  // --- Ordinary source files fill the rest (deep trees under services, libs and docs).
  const remaining = Math.max(0, files - tree.count);
  const perService = Math.floor((remaining * 0.8) / services.length);
  for (const s of services) {
    const exts = s.lang === 'node' ? ['ts', 'ts', 'ts', 'md'] : s.lang === 'python' ? ['py', 'py', 'py', 'md'] : ['go', 'go', 'go', 'md'];
    sourceTree(tree, rng, `${s.dir}/src`, Math.floor(perService * 0.8), exts);
    sourceTree(tree, rng, `${s.dir}/tests`, perService - Math.floor(perService * 0.8), exts);
  }
  const rest = Math.max(0, files - tree.count);
  sourceTree(tree, rng, 'libs', Math.floor(rest * 0.7), ['ts', 'go', 'py']);
  sourceTree(tree, rng, 'docs', Math.max(0, files - tree.count), ['md']);

  return { files: tree.count, bytes: tree.bytes, byKind: Object.fromEntries([...tree.byKind].sort()), services: services.length };
}
