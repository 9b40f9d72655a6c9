// Hovers on the demo workspace: evidence lines (steps, includes, indirection) list the activities
// they count for; a file's anchor (CI anchor, a Dockerfile's first FROM) summarises the file at the
// target level. The Markdown renderer escapes everything that comes from files or the model.
import * as assert from 'node:assert/strict';
import { hoverAt } from '../../src/core/guidance/hover';
import { commandUri, inlineCode, renderHoverMarkdown } from '../../src/core/guidance/markdown';
import { escapeMarkdown } from '../../src/core/markdown';
import { GUIDANCE_COMMANDS, HoverContent } from '../../src/core/guidance/types';
import { firstSentence } from '../../src/core/guidance/text';
import { ScanResult } from '../../src/core/scan/result';
import { WorkspaceIndex } from '../../src/core/scan/workspaceIndex';
import { bundled, DEMO, scanDir } from './guidanceHarness';

const SBOM = '2858ac12-0179-40d9-9acf-1b839c030473';
const DEFINED_BUILD = 'f6f7737f-25a9-4317-8de2-09bf59f29b5b';
const IMAGE_SCA = '26e1c6d5-5632-4ec7-80d2-e564b98732ad';
const SAST_SERVER = '6c05c837-8c99-46e2-828b-7c903e27dba4';
const DOCKERFILE_DEF = '8fc3de67-7b8d-420b-8d24-f35928cfed6e';
const SECRETS_IN_CODE = 'c6e3c812-56e2-41b0-ae01-b7afc41a004c';

describe('guidance: hovers on the demo workspace', function () {
  this.timeout(30_000);
  let index: WorkspaceIndex;
  let result: ScanResult;
  before(async () => {
    ({ index, result } = await scanDir(DEMO));
  });
  const hover = (path: string, line: number, column: number, targetLevel = 2) => hoverAt(result, index.get(path)!, line, column, { targetLevel });
  const uuids = (h: HoverContent | undefined) => (h?.activities ?? []).map((a) => a.uuid);

  it('on the workflow anchor (`jobs:`): a summary of the file at the target level', () => {
    const h = hover('.github/workflows/ci.yml', 16, 1);
    assert.equal(h?.kind, 'file-summary');
    const s = h!.summary!;
    assert.equal(s.path, '.github/workflows/ci.yml');
    assert.ok(s.covered.some((a) => a.uuid === DEFINED_BUILD), 'the pipeline itself counts');
    assert.ok(s.missing.length > 0);
    for (const a of s.missing) {
      assert.ok(a.level <= 2, `${a.name} is within the target level`);
      assert.ok(a.status === 'missing' || a.status === 'partial');
      assert.ok(!s.covered.some((c) => c.uuid === a.uuid), 'missing and covered do not overlap');
    }
    assert.ok(s.missing.length + s.moreMissing >= 1);
    assert.equal(h!.range.start.line, 15, '0-based range of the anchor');
    const lower = hover('.github/workflows/ci.yml', 16, 3, 1)!.summary!;
    assert.ok(lower.missing.every((a) => a.level === 1));
    const all = [...s.missing.map((a) => a.uuid)];
    if (s.moreMissing === 0) assert.ok(all.includes(SBOM), 'SBOM of components (level 2) is missing');
  });

  it('on a step with evidence, and anywhere else in that step', () => {
    const onUses = hover('.github/workflows/ci.yml', 78, 15);
    assert.equal(onUses?.kind, 'evidence');
    assert.ok(uuids(onUses).includes(IMAGE_SCA), 'the Trivy step counts for Software Composition Analysis (images)');
    assert.match(onUses!.evidence[0].text, /aquasecurity\/trivy-action/);
    const onName = hover('.github/workflows/ci.yml', 77, 9);
    assert.deepEqual(uuids(onName), uuids(onUses));
    const a = onUses!.activities.find((x) => x.uuid === IMAGE_SCA)!;
    assert.equal(a.dimension, 'Test and Verification');
    assert.equal(a.level, 4);
    assert.ok(a.risk.length > 0 && a.measure.length > 0);
    assert.ok(!/\n/.test(a.risk) && /[.!?…]$/.test(a.risk), 'one sentence');
    assert.equal(a.url, `https://dsomm.owasp.org/activity-description?uuid=${IMAGE_SCA}`);
    assert.deepEqual(a.actions.map((x) => x.command), [GUIDANCE_COMMANDS.openActivity, GUIDANCE_COMMANDS.markActivityDone]);
    assert.deepEqual(a.actions[0].args, [{ uuid: IMAGE_SCA }]);
  });

  it('on a CI line that reaches a tool through a script (indirection)', () => {
    const h = hover('.github/workflows/ci.yml', 36, 14);
    assert.ok(uuids(h).includes(SAST_SERVER), 'Semgrep in scripts/ci/security-scan.sh counts from the step that runs it');
    assert.match(h!.evidence[0].text, /semgrep scan/);
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
    const missing = h!.summary!.missing.map((a) => a.uuid);
    assert.ok(missing.includes(DOCKERFILE_DEF), 'Dockerfile linting is missing');
    assert.ok(!missing.includes(SBOM), 'pipeline-only activities are not listed on a Dockerfile');
    assert.ok(h!.summary!.covered.length > 0, 'USER, HEALTHCHECK and the digest count');
  });

  it('on a Dockerfile instruction that is evidence (USER, HEALTHCHECK)', () => {
    const user = hover('services/worker/Dockerfile', 23, 3);
    assert.ok(uuids(user).includes('a86c1fbc-28fd-4610-89a3-a7f73acfe45f'), 'USER 10001 counts for non-root containers');
    assert.match(user!.evidence[0].text, /USER 10001/);
  });

  it('nothing to say on lines without evidence', () => {
    assert.equal(hover('.github/workflows/ci.yml', 2, 1), undefined);
    assert.equal(hover('.github/workflows/ci.yml', 13, 3), undefined);
    assert.equal(hover('Jenkinsfile', 36, 17), undefined, 'a commented-out trivy line is no evidence');
  });

  it('renders Markdown with command links for the actions', () => {
    const md = renderHoverMarkdown(hover('.github/workflows/ci.yml', 78, 15)!);
    assert.match(md, /Counts for these activities:/);
    assert.ok(md.includes(`(command:${GUIDANCE_COMMANDS.openActivity}?${encodeURIComponent(JSON.stringify([{ uuid: IMAGE_SCA }]))})`));
    assert.ok(md.includes(`](https://dsomm.owasp.org/activity-description?uuid=${IMAGE_SCA})`));
    const plain = renderHoverMarkdown(hover('.github/workflows/ci.yml', 78, 15)!, { commandLinks: false });
    assert.ok(!plain.includes('command:'));
    const summary = renderHoverMarkdown(hover('.github/workflows/ci.yml', 16, 1)!);
    assert.match(summary, /Missing up to level 2:/);
  });

  it('links "Insert fix" on missing activities that a template can fix (with the catalogue and the document URI)', () => {
    const uri = 'file:///ws/.github/workflows/ci.yml';
    const h = hoverAt(result, index.get('.github/workflows/ci.yml')!, 16, 1, { targetLevel: 2, maxMissing: 50, fixes: bundled().fixes, uri })!;
    const sbom = h.summary!.missing.find((a) => a.uuid === SBOM)!;
    assert.deepEqual(sbom.actions[0], { title: 'Insert fix', command: GUIDANCE_COMMANDS.insertFix, args: [{ uuid: SBOM, uri }] });
    const withoutFix = h.summary!.missing.filter((a) => !a.actions.some((x) => x.command === GUIDANCE_COMMANDS.insertFix));
    assert.ok(withoutFix.length > 0, 'activities no template fixes get no link');
    const md = renderHoverMarkdown(h);
    assert.ok(md.includes(`[Insert fix](command:dsomm.insertFix?${encodeURIComponent(JSON.stringify([{ uuid: SBOM, uri }]))})`));
    // Without the URI (e.g. the CLI), no link.
    const plain = hoverAt(result, index.get('.github/workflows/ci.yml')!, 16, 1, { targetLevel: 2, maxMissing: 50, fixes: bundled().fixes })!;
    assert.ok(plain.summary!.missing.every((a) => !a.actions.some((x) => x.command === GUIDANCE_COMMANDS.insertFix)));
  });

  it('is cheap: hovering every line of a file takes little time', () => {
    const entry = index.get('.github/workflows/ci.yml')!;
    const started = Date.now();
    for (let i = 0; i < 20; i++) for (let line = 1; line <= 120; line++) hoverAt(result, entry, line, 5, { targetLevel: 3 });
    assert.ok(Date.now() - started < 2000, `${Date.now() - started} ms for 2400 hovers`);
  });
});

describe('guidance: Markdown escaping', () => {
  const evil = 'Evil](command:workbench.action.terminal.new) <img src=x onerror=alert(1)> *bold* `code` [x]: http://e.vil';
  const content: HoverContent = {
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
        actions: [{ title: 'Open [details]', command: GUIDANCE_COMMANDS.openActivity, args: [{ uuid: 'u-1' }] }],
      },
    ],
    otherProbes: ['ci.tests`'],
  };

  it('escapes file and model text: no links, HTML or formatting get through', () => {
    const md = renderHoverMarkdown(content);
    // Inside code spans Markdown renders no links or HTML: check the rest.
    const outsideCode = md.replace(/(`+)[\s\S]*?[^`]\1(?!`)/g, '');
    assert.ok(md.includes('``run: echo "`[click](command:evil)`" <script>``'), 'file text in a code span');
    const commandLinks = [...outsideCode.matchAll(/\]\(command:([^?)]+)/g)].map((m) => m[1]);
    assert.deepEqual(commandLinks, [GUIDANCE_COMMANDS.openActivity], 'only our own command link');
    assert.ok(!/<(img|script|b|i)\b/i.test(outsideCode), 'no raw HTML');
    assert.ok(!/(^|[^\\])\*bold/.test(md), 'emphasis markers escaped');
    assert.ok(md.includes('&lt;img'), 'angle brackets as entities');
    assert.ok(!/\]\(http:\/\/e\.vil/.test(md));
    assert.ok(md.includes('[Open \\[details\\]](command:dsomm.openActivity?'), 'action titles are escaped too');
  });

  it('escapeMarkdown and inlineCode', () => {
    assert.equal(escapeMarkdown('a*b_c[d](e)<f>&'), 'a\\*b\\_c\\[d\\]\\(e\\)&lt;f&gt;&amp;');
    assert.equal(escapeMarkdown('line1\nline2'), 'line1 line2');
    assert.equal(inlineCode('a`b'), '``a`b``');
    assert.equal(inlineCode('`x`'), '`` `x` ``');
    assert.equal(commandUri({ title: 't', command: 'dsomm.x', args: [{ a: 'b c' }] }), 'command:dsomm.x?%5B%7B%22a%22%3A%22b%20c%22%7D%5D');
  });

  it('first sentence of model texts, abbreviations included', () => {
    assert.equal(firstSentence('Scan images, e.g. Trivy or Grype. Then more.'), 'Scan images, e.g. Trivy or Grype.');
    assert.equal(firstSentence('One\nline. Two.'), 'One line.');
    assert.equal(firstSentence('No end'), 'No end');
    assert.equal(firstSentence(''), '');
  });
});
