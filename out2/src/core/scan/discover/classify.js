"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.CONTENT_SNIFF_BYTES = exports.isCiKind = void 0;
exports.isContainerKind = isContainerKind;
exports.classify = classify;
exports.needsContent = needsContent;
exports.classifyYamlContent = classifyYamlContent;
// What kind of file a path is, from its name (and, for generic YAML, its first bytes).
//
// `path` is relative to the repository root ('/'-separated, no leading '/'). Locations that a
// platform reads only at the repository root (`.github/workflows/`, `.gitlab-ci.yml`,
// `.circleci/config.yml`, `bitbucket-pipelines.yml`, Dependabot, Renovate, pre-commit, lefthook)
// are matched only there, so copies in test fixtures are not taken for live pipelines. The walker
// passes paths relative to the enclosing repository (the nearest folder holding `.git`), so a
// folder of several clones still works.
//
// Notes:
//   - `package.json` with a "renovate" key is a Renovate config too, but it stays 'package-json':
//     the index parses the root one (parseFile → renovateFromPackageJson) for the key.
//   - GitLab files included locally are found by the engine through `include:`, not by name;
//     only the root `.gitlab-ci.yml` and `*.gitlab-ci.yml` (any folder) are classified here.
//   - Helm: without a context, `values*.yaml` is 'helm-values' and YAML under `templates/` is
//     not recognised by name; with `ctx.isChartDir` (the walker's knowledge of which folders hold
//     a Chart.yaml) `values*.yaml` counts only next to a Chart.yaml (otherwise it is generic YAML)
//     and any YAML under a chart's `templates/` is 'kubernetes' (the engine skips templated ones).
//   - Generic YAML is 'kubernetes' only when its first bytes have top-level `apiVersion:` and
//     `kind:` lines, 'iac' for CloudFormation/SAM or an Ansible playbook; without `firstBytes`
//     it is undefined (see needsContent).
const registry_1 = require("../ci/registry");
Object.defineProperty(exports, "isCiKind", { enumerable: true, get: function () { return registry_1.isCiKind; } });
const fileNames_1 = require("./fileNames");
const types_1 = require("../types");
/** How much of a file content classification looks at. */
exports.CONTENT_SNIFF_BYTES = 4096;
function isContainerKind(k) {
    return types_1.CONTAINER_KINDS.includes(k);
}
const YAML_RE = /\.ya?ml$/i;
const LOCKFILES = new Set([
    'package-lock.json', 'npm-shrinkwrap.json', 'yarn.lock', 'pnpm-lock.yaml', 'poetry.lock', 'uv.lock', 'Pipfile.lock',
    'go.sum', 'Cargo.lock', 'Gemfile.lock', 'composer.lock', 'packages.lock.json', 'gradle.lockfile', 'mix.lock',
    'pubspec.lock', 'Podfile.lock', 'bun.lock',
]);
/** Binary lockfiles: recognised, deliberately not classified (nothing to read). */
const BINARY_LOCKFILES = new Set(['bun.lockb']);
const MANIFESTS = new Set([
    'pom.xml', 'build.gradle', 'build.gradle.kts', 'pyproject.toml', 'go.mod', 'Cargo.toml', 'Gemfile', 'composer.json',
    'Pipfile', 'setup.py',
]);
const RENOVATE_ROOT = new Set(['renovate.json', 'renovate.json5', '.renovaterc', '.renovaterc.json', '.renovaterc.json5']);
const RENOVATE_IN_DIR = new Set(['renovate.json', 'renovate.json5']);
const GIT_HOOKS = new Set([
    'applypatch-msg', 'pre-applypatch', 'post-applypatch', 'pre-commit', 'pre-merge-commit', 'prepare-commit-msg',
    'commit-msg', 'post-commit', 'pre-rebase', 'post-checkout', 'post-merge', 'pre-push', 'pre-receive', 'update',
    'proc-receive', 'post-receive', 'post-update', 'reference-transaction', 'push-to-checkout', 'pre-auto-gc',
    'post-rewrite', 'sendemail-validate', 'fsmonitor-watchman', 'post-index-change',
]);
const SECURITY_NAMES = new Set(['security.md', 'security.markdown', 'security.rst', 'security.txt', 'security.adoc']);
/**
 * The kind of the file at `path` (repository-relative). `firstBytes`: the start of the file
 * (about 4 KB; more is ignored), needed only for generic YAML (see needsContent).
 */
function classify(path, firstBytes, ctx = {}) {
    path = path.replace(/^\/+/, '');
    const slash = path.lastIndexOf('/');
    const name = path.slice(slash + 1);
    const dir = slash < 0 ? '' : path.slice(0, slash);
    const lname = name.toLowerCase();
    const yaml = YAML_RE.test(name);
    // Lockfiles first (pnpm-lock.yaml is YAML).
    if (LOCKFILES.has(name))
        return 'lockfile';
    if (BINARY_LOCKFILES.has(name))
        return undefined;
    // --- CI (each dialect of ci/registry.ts, in its order), then the update bots
    const parts = { path, dir, name, lname, yaml };
    const sample = (0, fileNames_1.isTestOrExamplePath)(path);
    for (const dialect of registry_1.CI_DIALECTS)
        if (dialect.matchesPath(parts) && !(sample && dialect.testFolders === 'skip'))
            return dialect.kind;
    if (path === '.github/dependabot.yml' || path === '.github/dependabot.yaml')
        return 'dependabot';
    // The retired Dependabot Preview's file: read so that the scan can say it no longer counts.
    if (path === '.dependabot/config.yml' || path === '.dependabot/config.yaml')
        return 'dependabot';
    if ((dir === '' && RENOVATE_ROOT.has(name)) || ((dir === '.github' || dir === '.gitlab') && RENOVATE_IN_DIR.has(name))) {
        return 'renovate';
    }
    // --- Hygiene
    if (path === '.pre-commit-config.yaml' || path === '.pre-commit-config.yml')
        return 'pre-commit';
    if (dir === '' && /^\.?lefthook(-local)?\.ya?ml$/.test(name))
        return 'pre-commit';
    if ((dir === '.husky' || dir.endsWith('/.husky')) && GIT_HOOKS.has(name))
        return 'pre-commit';
    if ((dir === '' || dir === '.github' || dir === 'docs') && SECURITY_NAMES.has(lname))
        return 'security-policy';
    if (name === 'CODEOWNERS' && (dir === '' || dir === '.github' || dir === 'docs' || dir === '.gitlab'))
        return 'codeowners';
    if (name === '.gitignore')
        return 'gitignore';
    // --- Containers
    if (lname === 'dockerfile' || lname === 'containerfile' ||
        (0, fileNames_1.isVariant)(lname, 'dockerfile', '.-_') || (0, fileNames_1.isVariant)(lname, 'containerfile', '.-_') ||
        (lname.endsWith('.dockerfile') && lname.length > 11) || (lname.endsWith('.containerfile') && lname.length > 14)) {
        return 'dockerfile';
    }
    if (yaml && (lname.startsWith('docker-compose') || (lname.startsWith('compose') && !lname.startsWith('composer')) || /\.compose\.ya?ml$/.test(lname))) {
        return 'compose';
    }
    if (name === 'Chart.yaml')
        return 'helm-chart';
    // ko (Go images without a Dockerfile) reads .ko.yaml from the folder it builds in.
    if (name === '.ko.yaml' || name === '.ko.yml')
        return 'ko-config';
    if (lname === 'kustomization.yaml' || lname === 'kustomization.yml' || name === 'Kustomization')
        return 'kustomization';
    if (yaml && lname.startsWith('values')) {
        if (!ctx.isChartDir || ctx.isChartDir(dir))
            return 'helm-values';
    }
    if (yaml && ctx.isChartDir) {
        const segs = dir.split('/');
        for (let k = segs.length - 1; k >= 0; k--) {
            if (segs[k] === 'templates' && ctx.isChartDir(segs.slice(0, k).join('/')))
                return 'kubernetes';
        }
    }
    // --- Infrastructure as code (by name)
    if (lname.endsWith('.tf') || lname.endsWith('.tf.json') || lname.endsWith('.bicep') || name === 'terragrunt.hcl')
        return 'iac';
    if (name === 'Pulumi.yaml' || name === 'Pulumi.yml')
        return 'iac';
    // --- Support files
    if (name === 'Makefile' || name === 'makefile' || name === 'GNUmakefile' || lname.endsWith('.mk'))
        return 'makefile';
    if (lname.endsWith('.sh') || lname.endsWith('.bash'))
        return 'shell-script';
    if (name === 'package.json')
        return 'package-json';
    if (MANIFESTS.has(name) ||
        (lname.startsWith('requirements') && lname.endsWith('.txt')) ||
        ((dir === 'requirements' || dir.endsWith('/requirements')) && lname.endsWith('.txt')) ||
        /\.(cs|fs|vb)proj$/i.test(name)) {
        return 'manifest';
    }
    // --- Generic YAML: needs content
    if (yaml && firstBytes !== undefined)
        return classifyYamlContent(firstBytes, { samplePath: sample });
    return undefined;
}
/** Names of YAML files known not to be Kubernetes/CloudFormation/Ansible (no need to read them). */
const KNOWN_OTHER_YAML = /^(mkdocs|codecov|_config|pubspec|environment|\.?readthedocs|netlify|crowdin|\.?mergify|\.?gitpod|appveyor|\.?travis|\.?goreleaser|\.?golangci|\.?yamllint|\.?markdownlint|\.?prettierrc|\.?eslintrc|\.?stylelintrc|\.?swiftlint|\.?rubocop|\.?clang-format|\.?clang-tidy|\.?codeclimate|\.?snyk|openapi|swagger|catalog-info|skaffold|Pulumi\..+)\.ya?ml$/i;
/**
 * True for a YAML file whose kind depends on its content (Kubernetes manifest, CloudFormation/SAM
 * template, Ansible playbook): the walker reads its first bytes and calls classify again.
 * `values*.yaml` counts too (it is generic YAML when no Chart.yaml is next to it).
 */
function needsContent(path) {
    if (!YAML_RE.test(path))
        return false;
    const kind = classify(path);
    if (kind !== undefined && kind !== 'helm-values')
        return false;
    const name = path.slice(path.lastIndexOf('/') + 1);
    if (KNOWN_OTHER_YAML.test(name))
        return false;
    // .github/ holds issue templates, labeler and funding files, never deployable YAML.
    if (path.startsWith('.github/') || path.includes('/.github/'))
        return false;
    return true;
}
/** API groups that use Kubernetes-style `apiVersion`/`kind` but are not cluster manifests. */
const NOT_K8S_API = /^(backstage\.io|skaffold|kind\.x-k8s\.io|k3d\.io|ctlptl\.dev|kustomize\.config\.k8s\.io|config\.kubernetes\.io|kubeadm\.k8s\.io|kubelet\.config\.k8s\.io|clientcmd\.k8s\.io)\b/;
/** Classifies generic YAML by its first bytes: a CI dialect known by content, 'iac' (CloudFormation/SAM, Ansible playbook), 'kubernetes', or undefined. */
function classifyYamlContent(firstBytes, options = {}) {
    const text = firstBytes.length > exports.CONTENT_SNIFF_BYTES ? firstBytes.slice(0, exports.CONTENT_SNIFF_BYTES) : firstBytes;
    // CI definitions known by content (Tekton resources look like Kubernetes manifests).
    for (const dialect of registry_1.CI_DIALECTS) {
        if (dialect.matchesContent && !(options.samplePath && dialect.testFolders === 'skip') && dialect.matchesContent(text))
            return dialect.kind;
    }
    // CloudFormation / SAM
    if (/^["']?AWSTemplateFormatVersion["']?[ \t]*:/m.test(text) || text.includes('AWS::Serverless-2016-10-31'))
        return 'iac';
    if (/^Resources:[ \t]*(#.*)?$/m.test(text) && /^[ \t]+Type:[ \t]*["']?AWS::[A-Za-z0-9]+::/m.test(text))
        return 'iac';
    // Kubernetes: top-level apiVersion and kind.
    const api = /^["']?apiVersion["']?:[ \t]*["']?([^\s"'#]+)/m.exec(text);
    if (api && /^["']?kind["']?:[ \t]*["']?[A-Za-z]/m.test(text)) {
        if (NOT_K8S_API.test(api[1]))
            return undefined;
        // A kubeconfig (kind: Config with clusters/contexts) is not a manifest.
        if (/^kind:[ \t]*["']?Config["']?[ \t]*$/m.test(text) && /^(clusters|contexts):/m.test(text))
            return undefined;
        return 'kubernetes';
    }
    // Ansible playbook: a top-level list of plays (hosts + tasks/roles) or of import_playbook.
    const firstLine = text.split('\n').find((l) => l.trim() !== '' && !l.trimStart().startsWith('#') && !l.startsWith('---'));
    if (firstLine !== undefined && firstLine.startsWith('-')) {
        if (/^-[ \t]+(ansible\.builtin\.)?import_playbook:/m.test(text))
            return 'iac';
        const hosts = /^(-[ \t]+|[ \t]{2,4})hosts:[ \t]*\S/m.test(text);
        const plays = /^(-[ \t]+|[ \t]{2,4})(tasks|roles|pre_tasks|post_tasks|handlers):/m.test(text);
        if (hosts && plays)
            return 'iac';
    }
    return undefined;
}
//# sourceMappingURL=classify.js.map