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
// Hovers on the demo workspace: evidence lines (steps, includes, indirection) list the activities
// they count for; a file's anchor (CI anchor, a Dockerfile's first FROM) summarises the file at the
// target level. The Markdown renderer escapes everything that comes from files or the model.
const assert = __importStar(require("node:assert/strict"));
const hover_1 = require("../../src/core/guidance/hover");
const markdown_1 = require("../../src/core/guidance/markdown");
const markdown_2 = require("../../src/core/markdown");
const types_1 = require("../../src/core/guidance/types");
const text_1 = require("../../src/core/guidance/text");
const catalogue_1 = require("../../src/core/scan/detect/catalogue");
const guidanceHarness_1 = require("./guidanceHarness");
const SBOM = '2858ac12-0179-40d9-9acf-1b839c030473';
const DEFINED_BUILD = 'f6f7737f-25a9-4317-8de2-09bf59f29b5b';
const IMAGE_SCA = '26e1c6d5-5632-4ec7-80d2-e564b98732ad';
const SAST_SERVER = '6c05c837-8c99-46e2-828b-7c903e27dba4';
const DOCKERFILE_DEF = '8fc3de67-7b8d-420b-8d24-f35928cfed6e';
const SECRETS_IN_CODE = 'c6e3c812-56e2-41b0-ae01-b7afc41a004c';
const SCA_SERVER = 'd918cd44-a972-43e9-a974-eff3f4a5dcfe';
const VIRTUAL_ENV = 'a340f46b-6360-4cb8-847b-a0d3483d09d3';
describe('guidance: hovers on the demo workspace', function () {
    this.timeout(30_000);
    let index;
    let result;
    before(async () => {
        ({ index, result } = await (0, guidanceHarness_1.scanDir)(guidanceHarness_1.DEMO));
    });
    const hover = (path, line, column, targetLevel = 2) => (0, hover_1.hoverAt)(result, index.get(path), line, column, { targetLevel });
    const uuids = (h) => (h?.activities ?? []).map((a) => a.uuid);
    it('on the workflow anchor (`jobs:`): a summary of the file at the target level', () => {
        const h = hover('.github/workflows/ci.yml', 16, 1);
        assert.equal(h?.kind, 'file-summary');
        const s = h.summary;
        assert.equal(s.path, '.github/workflows/ci.yml');
        assert.ok(s.covered.some((a) => a.uuid === DEFINED_BUILD), 'the pipeline itself counts');
        assert.ok(s.missing.length > 0);
        for (const a of s.missing) {
            assert.ok(a.level <= 2, `${a.name} is within the target level`);
            assert.ok(a.status === 'missing' || a.status === 'partial');
            assert.ok(!s.covered.some((c) => c.uuid === a.uuid), 'missing and covered do not overlap');
        }
        assert.ok(s.missing.length + s.moreMissing >= 1);
        assert.equal(h.range.start.line, 15, '0-based range of the anchor');
        const lower = hover('.github/workflows/ci.yml', 16, 3, 1).summary;
        assert.ok(lower.missing.every((a) => a.level === 1));
        const all = [...s.missing.map((a) => a.uuid)];
        if (s.moreMissing === 0)
            assert.ok(all.includes(SBOM), 'SBOM of components (level 2) is missing');
    });
    it('on a step with evidence, and anywhere else in that step', () => {
        const onUses = hover('.github/workflows/ci.yml', 78, 15);
        assert.equal(onUses?.kind, 'evidence');
        assert.ok(uuids(onUses).includes(IMAGE_SCA), 'the Trivy step counts for Software Composition Analysis (images)');
        assert.match(onUses.evidence[0].text, /aquasecurity\/trivy-action/);
        const onName = hover('.github/workflows/ci.yml', 77, 9);
        assert.deepEqual(uuids(onName), uuids(onUses));
        const a = onUses.activities.find((x) => x.uuid === IMAGE_SCA);
        assert.equal(a.dimension, 'Test and Verification');
        assert.equal(a.level, 4);
        assert.ok(a.risk.length > 0 && a.measure.length > 0);
        assert.ok(!/\n/.test(a.risk) && /[.!?…]$/.test(a.risk), 'one sentence');
        assert.equal(a.url, `https://dsomm.owasp.org/activity-description?uuid=${IMAGE_SCA}`);
        assert.deepEqual(a.actions.map((x) => x.command), [types_1.GUIDANCE_COMMANDS.openActivity, types_1.GUIDANCE_COMMANDS.markActivityDone]);
        assert.deepEqual(a.actions[0].args, [{ uuid: IMAGE_SCA }]);
    });
    it('on a CI line that reaches a tool through a script (indirection)', () => {
        const h = hover('.github/workflows/ci.yml', 36, 14);
        assert.ok(uuids(h).includes(SAST_SERVER), 'Semgrep in scripts/ci/security-scan.sh counts from the step that runs it');
        assert.match(h.evidence[0].text, /semgrep scan/);
        const inScript = hover('scripts/ci/security-scan.sh', 14, 1);
        assert.ok(uuids(inScript).includes(SAST_SERVER), 'and in the script itself');
    });
    it('on GitLab includes understood by name', () => {
        assert.ok(uuids(hover('.gitlab-ci.yml', 9, 8)).includes(SAST_SERVER));
        assert.ok(uuids(hover('.gitlab-ci.yml', 10, 8)).includes(SECRETS_IN_CODE));
    });
    it("on a Dockerfile's first FROM: container activities of the file", () => {
        const h = hover('services/worker/Dockerfile', 2, 1);
        assert.equal(h?.kind, 'file-summary');
        const missing = h.summary.missing.map((a) => a.uuid);
        assert.ok(missing.includes(DOCKERFILE_DEF), 'Dockerfile linting is missing');
        assert.ok(!missing.includes(SBOM), 'pipeline-only activities are not listed on a Dockerfile');
        assert.ok(h.summary.covered.length > 0, 'USER, HEALTHCHECK and the digest count');
    });
    it('on a Dockerfile instruction that is evidence (USER, HEALTHCHECK)', () => {
        const user = hover('services/worker/Dockerfile', 23, 3);
        assert.ok(uuids(user).includes('a86c1fbc-28fd-4610-89a3-a7f73acfe45f'), 'USER 10001 counts for non-root containers');
        assert.match(user.evidence[0].text, /USER 10001/);
    });
    it('nothing to say on lines without evidence', () => {
        assert.equal(hover('.github/workflows/ci.yml', 2, 1), undefined);
        assert.equal(hover('.github/workflows/ci.yml', 13, 3), undefined);
        assert.equal(hover('Jenkinsfile', 36, 17), undefined, 'a commented-out trivy line is no evidence');
    });
    it('renders Markdown: one line per activity whose name opens its details; the DSOMM page without command links', () => {
        const md = (0, markdown_1.renderHoverMarkdown)(hover('.github/workflows/ci.yml', 78, 15));
        assert.match(md, /Counts for 4 activities:/);
        assert.ok(md.includes(`[Software Composition Analysis](command:${types_1.GUIDANCE_COMMANDS.openActivity}?${encodeURIComponent(JSON.stringify([{ uuid: IMAGE_SCA }]))} "Open details") — level 4, detected`), md);
        assert.doesNotMatch(md, /Risk:|Measure:/, 'risk and measure belong to the details panel when the evidence counts for several activities');
        const plain = (0, markdown_1.renderHoverMarkdown)(hover('.github/workflows/ci.yml', 78, 15), { commandLinks: false });
        assert.ok(!plain.includes('command:'));
        assert.ok(plain.includes(`[Software Composition Analysis](https://dsomm.owasp.org/activity-description?uuid=${IMAGE_SCA}) — level 4, detected`), plain);
        const summary = (0, markdown_1.renderHoverMarkdown)(hover('.github/workflows/ci.yml', 16, 1));
        assert.match(summary, /Missing at levels 1–2:/);
    });
    it('one activity: in full, with its place in the model, risk, measure and actions', () => {
        const single = hover('services/worker/Dockerfile', 23, 3);
        const md = (0, markdown_1.renderHoverMarkdown)({ ...single, activities: single.activities.slice(0, 1) });
        assert.match(md, /Counts for this activity:/);
        assert.match(md, /— [^\n]+ › [^\n]+, level \d, /);
        assert.match(md, /\*Risk:\* /);
        assert.match(md, /\*Measure:\* /);
        assert.match(md, /\[Open details\]\(command:dsomm\.openActivity\?/);
    });
    it('links "Insert fix" on missing activities that a template can fix (with the catalogue and the document URI)', () => {
        const uri = 'file:///ws/.github/workflows/ci.yml';
        const h = (0, hover_1.hoverAt)(result, index.get('.github/workflows/ci.yml'), 16, 1, { targetLevel: 2, maxMissing: 50, fixes: (0, guidanceHarness_1.bundled)().fixes, uri });
        const sbom = h.summary.missing.find((a) => a.uuid === SBOM);
        assert.deepEqual(sbom.actions[0], { title: 'Insert fix', command: types_1.GUIDANCE_COMMANDS.insertFix, args: [{ uuid: SBOM, uri }] });
        const withoutFix = h.summary.missing.filter((a) => !a.actions.some((x) => x.command === types_1.GUIDANCE_COMMANDS.insertFix));
        assert.ok(withoutFix.length > 0, 'activities no template fixes get no link');
        const md = (0, markdown_1.renderHoverMarkdown)(h);
        assert.ok(md.includes(`[Insert fix](command:dsomm.insertFix?${encodeURIComponent(JSON.stringify([{ uuid: SBOM, uri }]))})`));
        // Without the URI (e.g. the CLI), no link.
        const plain = (0, hover_1.hoverAt)(result, index.get('.github/workflows/ci.yml'), 16, 1, { targetLevel: 2, maxMissing: 50, fixes: (0, guidanceHarness_1.bundled)().fixes });
        assert.ok(plain.summary.missing.every((a) => !a.actions.some((x) => x.command === types_1.GUIDANCE_COMMANDS.insertFix)));
    });
    it('an include that counts for many activities gives a short hover: one line per activity', () => {
        // The SAST template counts for 7 activities here: the hover was 33 lines of risk and measure.
        const h = hover('.gitlab-ci.yml', 9, 8);
        assert.ok(h.activities.length >= 5, `${h.activities.length} activities`);
        const md = (0, markdown_1.renderHoverMarkdown)(h);
        const lines = md.split('\n').filter((l) => l.trim());
        assert.equal(lines.length, h.activities.length + 2, md);
        for (const a of h.activities)
            assert.equal(lines.filter((l) => l.includes(`[${(0, markdown_2.escapeMarkdown)(a.name)}](`)).length, 1, `${a.name}: one line`);
        assert.doesNotMatch(md, /Risk:|Measure:/);
    });
    it('names checks in words, never by their internal id, on every line of every demo file', () => {
        const { data } = (0, guidanceHarness_1.bundled)();
        const titles = new Map(data.catalogue.probes.filter((p) => p.title).map((p) => [p.id, p.title]));
        const ids = [...data.catalogue.probes.map((p) => p.id), ...catalogue_1.CODE_PROBE_IDS].filter((id) => /[.-]/.test(id));
        let hovers = 0;
        for (const entry of index.all()) {
            for (let line = 1; line <= 130; line++) {
                const h = (0, hover_1.hoverAt)(result, entry, line, 5, { targetLevel: 3, checkTitle: (p) => titles.get(p) });
                if (!h)
                    continue;
                hovers++;
                // Command arguments and URLs carry uuids only; the visible text must not show an id.
                const visible = (0, markdown_1.renderHoverMarkdown)(h).replace(/\]\([^)]*\)/g, ']');
                for (const id of ids)
                    assert.ok(!new RegExp(`(^|[^\\w.-])${id.replace(/[.]/g, '\\.')}($|[^\\w-])`).test(visible), `${entry.path}:${line} shows the check id ${id}:\n${visible}`);
            }
        }
        assert.ok(hovers > 50, `${hovers} hovers looked at`);
        const tests = (0, markdown_1.renderHoverMarkdown)((0, hover_1.hoverAt)(result, index.get('.github/workflows/ci.yml'), 32, 12, { targetLevel: 2, checkTitle: (p) => titles.get(p) }));
        assert.match(tests, /Also found: Automated tests in CI \(no DSOMM activity counts it on its own\)/);
    });
    it('the target-level summary lists only activities up to the target level, and counts the others', () => {
        for (const target of [1, 2, 3]) {
            const s = hover('.gitlab-ci.yml', 2, 1, target).summary;
            assert.ok(s.covered.every((a) => a.level <= target) && s.missing.every((a) => a.level <= target), `target ${target}`);
            const all = hover('.gitlab-ci.yml', 2, 1, 5).summary;
            assert.equal(s.covered.length + s.coveredAbove, all.covered.length, 'covered at any level = listed + counted above');
        }
        const md = (0, markdown_1.renderHoverMarkdown)(hover('.gitlab-ci.yml', 2, 1, 2));
        assert.match(md, /Covers \d+ activities of levels 1–2 \(and \d+ activities above level 2\):/);
        assert.doesNotMatch(md, /level [345],/, 'no activity line above the target level');
    });
    it('job names get a hover: what that job implements, in every dialect', () => {
        const job = (path, line, column = 4) => {
            const h = hover(path, line, column);
            assert.equal(h?.kind, 'job', `${path}:${line} is a job hover`);
            return h;
        };
        const image = job('.github/workflows/ci.yml', 65);
        assert.equal(image.job.id, 'image');
        assert.equal(image.job.name, 'Build and scan the API image');
        assert.ok(uuids(image).includes(IMAGE_SCA), 'the Trivy step of the image job');
        assert.ok(!uuids(job('.github/workflows/ci.yml', 38)).includes(IMAGE_SCA), 'the codeql job does not run Trivy');
        assert.ok(uuids(job('.github/workflows/ci.yml', 38)).includes(SAST_SERVER));
        assert.ok(uuids(job('.gitlab-ci.yml', 60)).includes(IMAGE_SCA), 'GitLab job container_scanning');
        assert.ok(uuids(job('Jenkinsfile', 27, 12)).includes(SCA_SERVER), "Jenkins stage('Dependency Check')");
        assert.ok(uuids(job('.circleci/config.yml', 8)).includes(SCA_SERVER), 'CircleCI job');
        assert.ok(uuids(job('bitbucket-pipelines.yml', 23, 8)).includes(SECRETS_IN_CODE), 'Bitbucket step "Secret scan"');
        assert.ok(uuids(job('azure-pipelines.yml', 19, 12)).includes(VIRTUAL_ENV), 'Azure job api');
        const md = (0, markdown_1.renderHoverMarkdown)(image);
        assert.match(md, /^\*\*DSOMM\*\* · job `image` \(Build and scan the API image\)/);
        assert.match(md, /Implements \d+ activities:/);
        assert.doesNotMatch(md, /Risk:/);
        // A job with no evidence says so.
        assert.match((0, markdown_1.renderHoverMarkdown)(job('Jenkinsfile', 21, 12)), /No DSOMM activity has evidence in this job\./);
    });
    it('a scanner whose step cannot fail: found, counted for what it does, and not counted as a gate (with the reason)', () => {
        const titles = new Map((0, guidanceHarness_1.bundled)().data.catalogue.probes.filter((p) => p.title).map((p) => [p.id, p.title]));
        const h = (0, hover_1.hoverAt)(result, index.get('.github/workflows/ci.yml'), 78, 15, { targetLevel: 2, checkTitle: (p) => titles.get(p) });
        assert.equal(h.notCounted?.length, 1);
        assert.match(h.notCounted[0].reason, /cannot fail the build/);
        assert.ok(h.notCounted[0].checks.length >= 1);
        assert.match((0, markdown_1.renderHoverMarkdown)(h), /\(Trivy\) is not counted as [^:]+: the step cannot fail the build/);
    });
});
describe('guidance: Markdown escaping', () => {
    const evil = 'Evil](command:workbench.action.terminal.new) <img src=x onerror=alert(1)> *bold* `code` [x]: http://e.vil';
    const content = {
        kind: 'evidence',
        loc: { path: 'a.yml', line: 1, column: 1, endLine: 1, endColumn: 2 },
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } },
        evidence: [{ text: 'run: echo "`[click](command:evil)`" <script>', tool: '<b>Tool</b>', loc: { path: 'a.yml', line: 1, column: 1, endLine: 1, endColumn: 2 } }],
        activities: [
            {
                uuid: 'u-1',
                name: evil,
                dimension: 'Dim <i>',
                subdimension: 'Sub [x](y)',
                level: 1,
                status: 'missing',
                risk: evil,
                measure: 'Use `trivy` & <friends>.',
                url: 'https://dsomm.owasp.org/activity-description?uuid=u-1',
                actions: [{ title: 'Open [details]', command: types_1.GUIDANCE_COMMANDS.openActivity, args: [{ uuid: 'u-1' }] }],
            },
        ],
        otherChecks: ['Tests `in` CI'],
    };
    it('escapes file and model text: no links, HTML or formatting get through', () => {
        const md = (0, markdown_1.renderHoverMarkdown)(content);
        // Inside code spans Markdown renders no links or HTML: check the rest.
        const outsideCode = md.replace(/(`+)[\s\S]*?[^`]\1(?!`)/g, '');
        assert.ok(md.includes('``run: echo "`[click](command:evil)`" <script>``'), 'file text in a code span');
        const commandLinks = [...outsideCode.matchAll(/\]\(command:([^?)]+)/g)].map((m) => m[1]);
        assert.deepEqual(commandLinks, [types_1.GUIDANCE_COMMANDS.openActivity], 'only our own command link');
        assert.ok(!/<(img|script|b|i)\b/i.test(outsideCode), 'no raw HTML');
        assert.ok(!/(^|[^\\])\*bold/.test(md), 'emphasis markers escaped');
        assert.ok(md.includes('&lt;img'), 'angle brackets as entities');
        assert.ok(!/\]\(http:\/\/e\.vil/.test(md));
        assert.ok(md.includes('[Open \\[details\\]](command:dsomm.openActivity?'), 'action titles are escaped too');
    });
    it('escapes job names, switch variables and not-counted reasons too', () => {
        const base = { ...content, activities: [content.activities[0], { ...content.activities[0], uuid: 'u-2' }], otherChecks: [evil] };
        const hovers = [
            { ...base, kind: 'job', job: { id: evil, name: evil } },
            { ...base, kind: 'switch', switch: { variable: evil, switchesOff: [evil] } },
            { ...base, kind: 'not-counted', notCounted: [{ tools: [evil], text: evil, reason: evil, checks: [evil] }] },
        ];
        for (const h of hovers) {
            const md = (0, markdown_1.renderHoverMarkdown)(h);
            const outsideCode = md.replace(/(`+)[\s\S]*?[^`]\1(?!`)/g, '');
            const commandLinks = [...outsideCode.matchAll(/\]\(command:([^?)]+)/g)].map((m) => m[1]);
            assert.deepEqual([...new Set(commandLinks)], [types_1.GUIDANCE_COMMANDS.openActivity], `${h.kind}: only our own command link`);
            assert.ok(!/<(img|script|b|i)\b/i.test(outsideCode), `${h.kind}: no raw HTML`);
            assert.ok(!/\]\(http:\/\/e\.vil/.test(md), h.kind);
        }
    });
    it('escapeMarkdown and inlineCode', () => {
        assert.equal((0, markdown_2.escapeMarkdown)('a*b_c[d](e)<f>&'), 'a\\*b\\_c\\[d\\]\\(e\\)&lt;f&gt;&amp;');
        assert.equal((0, markdown_2.escapeMarkdown)('line1\nline2'), 'line1 line2');
        assert.equal((0, markdown_1.inlineCode)('a`b'), '``a`b``');
        assert.equal((0, markdown_1.inlineCode)('`x`'), '`` `x` ``');
        assert.equal((0, markdown_1.commandUri)({ title: 't', command: 'dsomm.x', args: [{ a: 'b c' }] }), 'command:dsomm.x?%5B%7B%22a%22%3A%22b%20c%22%7D%5D');
    });
    it('first sentence of model texts, abbreviations included', () => {
        assert.equal((0, text_1.firstSentence)('Scan images, e.g. Trivy or Grype. Then more.'), 'Scan images, e.g. Trivy or Grype.');
        assert.equal((0, text_1.firstSentence)('One\nline. Two.'), 'One line.');
        assert.equal((0, text_1.firstSentence)('No end'), 'No end');
        assert.equal((0, text_1.firstSentence)(''), '');
    });
    it('a long first sentence is cut where a reader can stop: after a clause or a word, never inside a code span', () => {
        const long = `Keep secrets in a vault, a cloud secret manager or the CI secret store (the \`secrets\` context) and reference them from pipelines and manifests, e.g. via \`secretKeyRef\` or ${'an operator '.repeat(20)}only.`;
        const cut = (0, text_1.firstSentence)(long);
        assert.ok(cut.length <= 240, `${cut.length}`);
        assert.match(cut, / …$/);
        assert.equal((cut.match(/`/g) ?? []).length % 2, 0, `no open code span: ${cut}`);
        assert.ok(long.startsWith(cut.slice(0, -2)), 'a prefix of the sentence, cut between words');
        assert.doesNotMatch(cut, /[,;(] …$/);
        const inCode = (0, text_1.firstSentence)(`Run ${'x'.repeat(200)} \`${'y'.repeat(60)}\` then.`);
        assert.equal((inCode.match(/`/g) ?? []).length % 2, 0, inCode);
    });
    it("model texts show their `code spans` as code; everything else stays escaped", () => {
        assert.equal((0, markdown_1.withCodeSpans)('Use `trivy image` in CI.'), 'Use `trivy image` in CI\\.');
        assert.equal((0, markdown_1.withCodeSpans)('a `b'), 'a \\`b');
        assert.equal((0, markdown_1.withCodeSpans)('x `` y'), 'x \\`\\` y');
        // A link inside a code span is code, outside it is escaped: neither can become a link.
        assert.equal((0, markdown_1.withCodeSpans)('[l](command:x) `[l](command:x)`'), '\\[l\\]\\(command\\:x\\) `[l](command:x)`');
    });
});
describe('guidance: a GitLab include switched off by its variable (DAST_DISABLED)', function () {
    this.timeout(30_000);
    const SIMPLE_SCAN = '07796811-37f9-467c-9ff2-48f346e77ff3';
    const titles = new Map((0, guidanceHarness_1.bundled)().data.catalogue.probes.filter((p) => p.title).map((p) => [p.id, p.title]));
    const options = { targetLevel: 2, checkTitle: (p) => titles.get(p) };
    let index;
    let result;
    before(async () => {
        const dir = (0, guidanceHarness_1.tempWorkspace)({
            '.gitlab-ci.yml': [
                'stages: [build, dast]',
                'include:',
                '  - template: Security/DAST.gitlab-ci.yml',
                'variables:',
                '  DAST_DISABLED: "true"',
                '  DAST_WEBSITE: https://staging.example.com',
                'build:',
                '  image: node:20',
                '  script:',
                '    - npm ci',
                '',
            ].join('\n'),
        });
        ({ index, result } = await (0, guidanceHarness_1.scanDir)(dir));
    });
    after(guidanceHarness_1.cleanTempWorkspaces);
    it('the DAST probe does not pass, and says which variable switched it off', () => {
        const dast = result.probes.find((p) => p.id === 'dast');
        assert.notEqual(dast.result, 'pass');
        assert.ok(dast.notes.some((n) => /DAST_DISABLED/.test(n)), JSON.stringify(dast.notes));
        assert.equal(result.activities.find((a) => a.activity.uuid === SIMPLE_SCAN)?.status, 'missing');
    });
    it('hovering the include says it is switched off, by which variable and where it is set', () => {
        const h = (0, hover_1.hoverAt)(result, index.get('.gitlab-ci.yml'), 3, 8, options);
        assert.equal(h.kind, 'not-counted');
        assert.ok(h.activities.some((a) => a.uuid === SIMPLE_SCAN), 'names what it would count for');
        const md = (0, markdown_1.renderHoverMarkdown)(h);
        assert.match(md, /`include template: Security\/DAST\.gitlab-ci\.yml` \(GitLab DAST[^)]*\) is not counted as [^:]*Dynamic[^:]*: switched off by DAST\\_DISABLED \\\(set at \\\.gitlab\\-ci\\\.yml\\:5\\\)/, md);
        assert.doesNotMatch(md, /Risk:/);
    });
    it('hovering the variable says what it switches off and which activities lose it', () => {
        const h = (0, hover_1.hoverAt)(result, index.get('.gitlab-ci.yml'), 5, 4, options);
        assert.equal(h.kind, 'switch');
        assert.equal(h.switch.variable, 'DAST_DISABLED');
        assert.ok(h.activities.some((a) => a.uuid === SIMPLE_SCAN));
        assert.match((0, markdown_1.renderHoverMarkdown)(h), /`DAST_DISABLED` switches off the jobs that CI templates and components add for [^:]*Dynamic/);
    });
});
//# sourceMappingURL=guidance-hover.test.js.map