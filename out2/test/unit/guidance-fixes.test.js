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
// Golden tests of the quick fixes: every tool template × every dialect it has × fixture files with
// odd indentation, comments, CRLF and flow style. An applied fix must parse with the engine's own
// parser without any problem, keep every original line, keep the line breaks, and make the target
// probe pass when the workspace is indexed and evaluated again. Structures that are not block style
// give a "cannot place" result with the snippet instead of an edit.
const assert = __importStar(require("node:assert/strict"));
const fs = __importStar(require("node:fs"));
const path = __importStar(require("node:path"));
const computeFix_1 = require("../../src/core/guidance/computeFix");
const text_1 = require("../../src/core/guidance/text");
const parseFile_1 = require("../../src/core/scan/parse/parseFile");
const guidanceHarness_1 = require("./guidanceHarness");
const FIXTURES = {
    'github-workflow': ['github/basic.yml', 'github/indent4.yml', 'github/weak.yml'],
    'gitlab-ci': ['gitlab/basic.yml', 'gitlab/no-include.yml', 'gitlab/flow.yml', 'gitlab/scalar-include.yml'],
    'azure-pipelines': ['azure/stages.yml', 'azure/jobs.yml', 'azure/steps.yml'],
    jenkinsfile: ['jenkins/declarative.Jenkinsfile', 'jenkins/tabs.Jenkinsfile', 'jenkins/scripted.Jenkinsfile'],
    circleci: ['circleci/config.yml', 'circleci/no-workflows.yml', 'circleci/indent4.yml'],
    'bitbucket-pipelines': ['bitbucket/basic.yml', 'bitbucket/no-default.yml', 'bitbucket/parallel.yml'],
    cloudbuild: ['cloudbuild/basic.yaml'],
    codebuild: ['codebuild/buildspec.yml'],
    buildkite: ['buildkite/basic.yml'],
    drone: ['drone/basic.yml'],
    woodpecker: ['woodpecker/list.yml'],
};
/** The dialects every tool template covers; the later ones have the core scanners (see the README). */
const FIRST_DIALECTS = ['github-workflow', 'gitlab-ci', 'azure-pipelines', 'jenkinsfile', 'circleci', 'bitbucket-pipelines'];
const LATER_DIALECTS = ['cloudbuild', 'codebuild', 'buildkite', 'drone', 'woodpecker'];
const CORE_SCANNERS = ['secret-scan.gitleaks', 'sca.osv-scanner', 'sast.semgrep', 'image-scan.trivy', 'dockerfile-lint.hadolint'];
/** Fixtures that already run a tool of this probe (they are there for other checks). */
const ALREADY_PASSING = { 'github/weak.yml': ['image-scan'] };
const EOLS = [
    { name: 'LF', conv: (t) => t },
    { name: 'CRLF', conv: guidanceHarness_1.toCrlf },
];
function isToolTemplate(t) {
    return Object.values(t.dialects).some((d) => d && (d.job || d.include || d.steps || d.step || d.item || d.commands));
}
/** Lines of `before` appear in `after` in the same order (nothing removed or rewritten). */
function keepsLines(before, after) {
    const a = after.split(/\r?\n/);
    let i = 0;
    for (const line of before.split(/\r?\n/)) {
        while (i < a.length && a[i] !== line)
            i++;
        if (i >= a.length)
            return false;
        i++;
    }
    return true;
}
function assertEols(text, crlf, label) {
    if (crlf)
        assert.ok(!/(^|[^\r])\n/.test(text), `${label}: a bare LF in a CRLF file`);
    else
        assert.ok(!text.includes('\r'), `${label}: a CR in an LF file`);
}
function problems(kind, p, text) {
    const parsed = (0, parseFile_1.parseFile)(kind, p, text);
    return (parsed?.problems ?? []).map((x) => `${x.severity} ${x.line}:${x.column} ${x.message}`);
}
function probeResult(result, id) {
    return result.probes.find((p) => p.id === id)?.result;
}
/** Fixture + dialect combinations where the fix must not be placed automatically. */
function expectCannotPlace(t, dialect, file) {
    return dialect === 'gitlab-ci' && file === 'gitlab/flow.yml' && !!t.dialects['gitlab-ci']?.include;
}
describe('guidance: tool templates on every dialect (golden)', function () {
    this.timeout(120_000);
    after(guidanceHarness_1.cleanTempWorkspaces);
    const { fixes } = (0, guidanceHarness_1.bundled)();
    const tools = fixes.templates.filter(isToolTemplate);
    it('covers the tools the brief asks for, per dialect', () => {
        const ids = tools.map((t) => t.id);
        for (const id of ['secret-scan.gitleaks', 'sca.osv-scanner', 'sca.npm-audit', 'sca.pip-audit', 'sast.semgrep', 'sast.codeql', 'image-scan.trivy', 'dockerfile-lint.hadolint', 'sbom.syft', 'signing.cosign', 'dast.zap-baseline']) {
            assert.ok(ids.includes(id), id);
        }
        for (const t of tools) {
            if (t.id === 'sast.codeql')
                continue;
            assert.deepEqual(Object.keys(t.dialects).filter((d) => FIRST_DIALECTS.includes(d)).sort(), [...FIRST_DIALECTS].sort(), `${t.id} has every CI dialect`);
        }
        for (const id of CORE_SCANNERS) {
            for (const d of ['cloudbuild', 'codebuild', 'buildkite'])
                assert.ok(fixes.byId.get(id).dialects[d], `${id} has ${d}`);
        }
        // The later dialects have every tool the first ones have, except Trivy on Drone and Woodpecker
        // (an image scan needs the Docker socket there) and CodeQL (GitHub only; Semgrep everywhere).
        for (const t of tools) {
            if (t.id === 'sast.codeql')
                continue;
            const expected = LATER_DIALECTS.filter((d) => t.id !== 'image-scan.trivy' || (d !== 'drone' && d !== 'woodpecker'));
            assert.deepEqual(Object.keys(t.dialects).filter((d) => LATER_DIALECTS.includes(d)).sort(), [...expected].sort(), `${t.id} on the later dialects`);
        }
        // GitLab uses the templates GitLab ships where there is one.
        const inc = (id) => fixes.byId.get(id).dialects['gitlab-ci'].include;
        assert.equal(inc('sast.semgrep'), 'Jobs/SAST.gitlab-ci.yml');
        assert.equal(inc('secret-scan.gitleaks'), 'Jobs/Secret-Detection.gitlab-ci.yml');
        assert.equal(inc('sca.osv-scanner'), 'Jobs/Dependency-Scanning.gitlab-ci.yml');
        assert.equal(inc('image-scan.trivy'), 'Jobs/Container-Scanning.gitlab-ci.yml');
        assert.equal(inc('dast.zap-baseline'), 'DAST.gitlab-ci.yml');
    });
    it('snippets carry no digests or commit hashes', () => {
        const text = fs.readFileSync(path.join(__dirname, '../../../model/fixes.yaml'), 'utf8');
        assert.ok(!/@sha256:[0-9a-f]{8,}/i.test(text), 'no image digest');
        assert.ok(!/@[0-9a-f]{40}\b/i.test(text), 'no action commit SHA');
    });
    for (const t of (0, guidanceHarness_1.bundled)().fixes.templates.filter(isToolTemplate)) {
        for (const dialect of Object.keys(t.dialects)) {
            for (const file of FIXTURES[dialect] ?? []) {
                for (const eol of EOLS) {
                    it(`${t.id} → ${file} (${eol.name})`, async () => {
                        const rel = guidanceHarness_1.CANONICAL_PATH[dialect];
                        const before = eol.conv((0, guidanceHarness_1.fixture)(file));
                        assert.deepEqual(problems(dialect, rel, before), [], 'the fixture itself parses cleanly');
                        const dir = (0, guidanceHarness_1.tempWorkspace)({ ...guidanceHarness_1.SUPPORT_FILES, [rel]: before });
                        const scanned = await (0, guidanceHarness_1.scanDir)(dir);
                        for (const p of t.satisfies) {
                            if (ALREADY_PASSING[file]?.includes(p))
                                continue;
                            assert.notEqual(probeResult(scanned.result, p), 'pass', `${p} does not pass before the fix`);
                        }
                        const entry = scanned.index.get(rel);
                        const res = (0, computeFix_1.computeFix)(fixes, t.id, entry, before, { files: scanned.index.all() });
                        if (expectCannotPlace(t, dialect, file)) {
                            assert.equal(res.kind, 'cannot-place', JSON.stringify(res));
                            if (res.kind === 'cannot-place') {
                                assert.match(res.reason, /flow style|Cannot place/);
                                assert.ok(res.snippet && res.snippet.length > 0, 'the snippet is offered for pasting');
                            }
                            return;
                        }
                        assert.equal(res.kind, 'edits', JSON.stringify(res));
                        if (res.kind !== 'edits')
                            return;
                        const text = (0, text_1.applyEdits)(before, res.edits);
                        assertEols(text, eol.name === 'CRLF', `${t.id} ${file}`);
                        if (file !== 'gitlab/scalar-include.yml' || !t.dialects['gitlab-ci']?.include) {
                            assert.ok(res.edits.every((e) => e.range.start.line === e.range.end.line && e.range.start.character === e.range.end.character), 'insertions only');
                            // Insertions inside a line (a flow `stages: [a, b]` list) change that line by design.
                            const beforeLines = before.split(/\r?\n/);
                            const midLine = res.edits.some((e) => e.range.start.character > 0 && e.range.start.character < beforeLines[e.range.start.line].length);
                            if (!midLine)
                                assert.ok(keepsLines(before, text), 'every original line (comments included) is kept, in order');
                        }
                        assert.deepEqual(problems(dialect, rel, text), [], `parses without problems:\n${text}`);
                        (0, guidanceHarness_1.writeFiles)(dir, { [rel]: text });
                        const again = await (0, guidanceHarness_1.scanDir)(dir);
                        for (const p of t.satisfies)
                            assert.equal(probeResult(again.result, p), 'pass', `${p} passes after the fix:\n${text}`);
                    });
                }
            }
        }
    }
});
describe('guidance: placement details', function () {
    this.timeout(30_000);
    after(guidanceHarness_1.cleanTempWorkspaces);
    const { fixes } = (0, guidanceHarness_1.bundled)();
    const run = async (dialect, file, id, extra = guidanceHarness_1.SUPPORT_FILES) => {
        const rel = guidanceHarness_1.CANONICAL_PATH[dialect];
        const text = (0, guidanceHarness_1.fixture)(file);
        const dir = (0, guidanceHarness_1.tempWorkspace)({ ...extra, [rel]: text });
        const { index } = await (0, guidanceHarness_1.scanDir)(dir);
        const res = (0, computeFix_1.computeFix)(fixes, id, index.get(rel), text, { files: index.all() });
        return { res, text, after: res.kind === 'edits' ? (0, text_1.applyEdits)(text, res.edits) : text };
    };
    it('GitHub: the job goes after the last job, with the file indentation and a unique id', async () => {
        const { res, after } = await run('github-workflow', 'github/indent4.yml', 'secret-scan.gitleaks');
        assert.equal(res.kind, 'edits');
        assert.match(after, /\n {8}# trailing comment inside the job\n\n {4}secret-scan:\n {8}name: Secret scan \(Gitleaks\)\n {8}runs-on: ubuntu-latest\n/);
        assert.ok(!after.endsWith('\n'), 'a file without a final line break keeps it that way');
        const { after: twice } = await (async () => {
            const rel = guidanceHarness_1.CANONICAL_PATH['github-workflow'];
            const dir = (0, guidanceHarness_1.tempWorkspace)({ [rel]: after });
            const { index } = await (0, guidanceHarness_1.scanDir)(dir);
            const r = (0, computeFix_1.computeFix)(fixes, 'secret-scan.gitleaks', index.get(rel), after, { files: index.all() });
            return { after: r.kind === 'edits' ? (0, text_1.applyEdits)(after, r.edits) : '' };
        })();
        assert.match(twice, /\n {4}secret-scan-2:\n/);
    });
    it('GitHub: comments inside the last job stay with it', async () => {
        const { after } = await run('github-workflow', 'github/basic.yml', 'sbom.syft');
        assert.match(after, /# - run: npm run e2e {3}\(disabled until the staging database is back\)\n\n {2}sbom:\n {4}name: SBOM \(Syft\)\n/);
        assert.match(after, /docker run --rm -v "\$PWD:\/src" anchore\/syft:latest scan dir:\/src/);
    });
    it('GitHub: flow style is not edited', async () => {
        const { res } = await run('github-workflow', 'github/flow.yml', 'sast.semgrep');
        assert.equal(res.kind, 'cannot-place');
        if (res.kind === 'cannot-place') {
            assert.match(res.reason, /not a block mapping/);
            assert.match(res.snippet ?? '', /^sast:\n {2}name: Static analysis \(Semgrep\)/);
        }
    });
    it('GitHub: CodeQL gets the languages of the ecosystems found, or none', async () => {
        const withLangs = await run('github-workflow', 'github/basic.yml', 'sast.codeql');
        assert.match(withLangs.after, /languages: javascript-typescript, python\n/);
        const none = await run('github-workflow', 'github/basic.yml', 'sast.codeql', {});
        assert.ok(!/languages:|with:\n\s+- uses: github\/codeql-action\/autobuild/.test(none.after.split('codeql-action/init')[1] ?? ''), 'no empty `with:` left behind');
        assert.match(none.after, /- uses: github\/codeql-action\/init@v3 # pin: replace the tag with the release's commit SHA\n {6}- uses: github\/codeql-action\/autobuild@v3/);
    });
    it('GitLab: a missing `include:` is created after `stages:`, an existing list is extended', async () => {
        const basic = await run('gitlab-ci', 'gitlab/basic.yml', 'sast.semgrep');
        assert.match(basic.after, /include:\n {2}- local: ci\/templates.yml # shared snippets\n {2}- template: Jobs\/SAST.gitlab-ci.yml\n/);
        const none = await run('gitlab-ci', 'gitlab/no-include.yml', 'secret-scan.gitleaks');
        assert.match(none.after, /^# No stages and no include: GitLab's default stages apply.\ninclude:\n {4}- template: Jobs\/Secret-Detection.gitlab-ci.yml\n\ndefault:/);
    });
    it('GitLab: DAST adds its `dast` stage (to a block list, to a flow list, or by writing the defaults down)', async () => {
        const basic = await run('gitlab-ci', 'gitlab/basic.yml', 'dast.zap-baseline');
        assert.match(basic.after, /stages:\n {2}- build\n {2}- test\n {2}- deploy\n {2}- dast\n\ninclude:/);
        assert.match(basic.after, /variables:\n {2}NODE_IMAGE: node:20\n {2}# DAST: a running test or staging instance of the application.\n {2}DAST_TARGET_URL: "<https:\/\/staging.example.com>"\n/);
        const none = await run('gitlab-ci', 'gitlab/no-include.yml', 'dast.zap-baseline');
        assert.match(none.after, /stages:\n {4}- build\n {4}- test\n {4}- deploy\n {4}- dast\n\ninclude:\n {4}- template: DAST.gitlab-ci.yml\n\nvariables:\n {4}# DAST: a running test or staging instance of the application.\n {4}DAST_TARGET_URL: "<https:\/\/staging.example.com>"\n\ndefault:/);
    });
    it('GitLab: a job takes a stage of the pipeline, adding it before deploy-like stages when missing', async () => {
        const flow = await run('gitlab-ci', 'gitlab/flow.yml', 'dockerfile-lint.hadolint');
        assert.match(flow.after, /^stages: \[build, security, deploy\]\n/);
        assert.match(flow.after, /\ndockerfile-lint:\n {2}stage: security\n/);
        const basic = await run('gitlab-ci', 'gitlab/basic.yml', 'sbom.syft');
        assert.match(basic.after, /\nsbom:\n {2}stage: build\n/);
        const scalar = await run('gitlab-ci', 'gitlab/scalar-include.yml', 'dockerfile-lint.hadolint');
        assert.match(scalar.after, /stages:\n {2}- build\n {2}- security\n {2}- release\n/);
    });
    it('GitLab: a one-line `include: path` becomes a list', async () => {
        const { res, after } = await run('gitlab-ci', 'gitlab/scalar-include.yml', 'sast.semgrep');
        assert.equal(res.kind, 'edits');
        assert.match(after, /^include:\n {2}- 'ci\/common.yml'\n {2}- template: Jobs\/SAST.gitlab-ci.yml {3}# shared jobs\n/);
    });
    it('Azure: a stage, a job or steps, depending on the file', async () => {
        const stages = await run('azure-pipelines', 'azure/stages.yml', 'sast.semgrep');
        assert.match(stages.after, /\n {2}- stage: sast\n {4}displayName: Static analysis \(Semgrep\)\n {4}dependsOn: \[\]\n {4}jobs:\n {6}- job: sast\n/);
        assert.match(stages.after, /pool:\n {10}vmImage: ubuntu-22.04\n/);
        const jobs = await run('azure-pipelines', 'azure/jobs.yml', 'sast.semgrep');
        assert.match(jobs.after, /\n {4}- job: sast\n {6}displayName: Static analysis \(Semgrep\)\n {6}pool: Default\n {6}steps:\n/);
        const steps = await run('azure-pipelines', 'azure/steps.yml', 'sast.semgrep');
        assert.match(steps.after, /command: ci\n# pin: use a reviewed semgrep version instead of latest\n- script: \|\n/);
        const ext = await run('azure-pipelines', 'azure/extends.yml', 'sast.semgrep');
        assert.equal(ext.res.kind, 'cannot-place');
    });
    it('Jenkins: a stage at the end of `stages { }` with the file indentation (spaces or tabs); scripted pipelines too', async () => {
        const decl = await run('jenkinsfile', 'jenkins/declarative.Jenkinsfile', 'secret-scan.gitleaks');
        assert.match(decl.after, /\n {8}}\n\n {8}stage\('Secret scan \(Gitleaks\)'\) \{\n {12}agent any\n {12}steps \{\n {16}\/\/ pin: use a reviewed gitleaks version instead of latest\n {16}sh 'docker run/);
        assert.match(decl.after, /\n {12}}\n {8}}\n {4}}\n\n {4}post \{/);
        const tabs = await run('jenkinsfile', 'jenkins/tabs.Jenkinsfile', 'sbom.syft');
        assert.match(tabs.after, /\t\t\/\* a block comment with \{ braces \} \*\/\n\n\t\tstage\('SBOM \(Syft\)'\) \{\n\t\t\tagent any\n\t\t\tsteps \{\n\t\t\t\t\/\/ pin/);
        const scripted = await run('jenkinsfile', 'jenkins/scripted.Jenkinsfile', 'sast.semgrep');
        assert.match(scripted.after, /\n {2}stage\('Static analysis \(Semgrep\)'\) \{\n {4}\/\/ pin: use a reviewed semgrep version instead of latest\n {4}sh 'docker run/);
        const one = await run('jenkinsfile', 'jenkins/oneline.Jenkinsfile', 'sast.semgrep');
        assert.equal(one.res.kind, 'cannot-place');
        if (one.res.kind === 'cannot-place')
            assert.match(one.res.snippet ?? '', /^stage\('Static analysis \(Semgrep\)'\) \{\n {4}agent any\n/);
    });
    it('CircleCI: the job and its workflow entry; a config without workflows gets a note', async () => {
        const cfg = await run('circleci', 'circleci/indent4.yml', 'sast.semgrep');
        assert.match(cfg.after, /\n {4}sast:\n {8}machine:\n/);
        assert.match(cfg.after, /only: main\n {12}- sast\n?$/);
        const none = await run('circleci', 'circleci/no-workflows.yml', 'sast.semgrep');
        assert.equal(none.res.kind, 'edits');
        if (none.res.kind === 'edits')
            assert.match(none.res.notes.join(' '), /no `workflows:`/);
    });
    it('Bitbucket: a step at the end of `pipelines.default`, which is created when missing', async () => {
        const basic = await run('bitbucket-pipelines', 'bitbucket/basic.yml', 'sast.semgrep');
        assert.match(basic.after, /default:\n {4}- step: \*test\n {4}- step:\n {8}name: Static analysis \(Semgrep\)\n/);
        const none = await run('bitbucket-pipelines', 'bitbucket/no-default.yml', 'sast.semgrep');
        assert.match(none.after, /^# Only branch pipelines.\npipelines:\n {4}default:\n {8}- step:\n/);
        const par = await run('bitbucket-pipelines', 'bitbucket/parallel.yml', 'sast.semgrep');
        assert.match(par.after, /- make test\n {2}- step:\n/);
    });
});
//# sourceMappingURL=guidance-fixes.test.js.map