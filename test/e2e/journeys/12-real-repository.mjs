// Journey (optional, for looking at the product on a real repository): E2E_REAL_REPO=/path/to/a/checkout
// opens that repository (files hard-linked into the run's temp folder, without .git) at target
// level 2 and saves screenshots of what a user sees first: the side bar with a dimension expanded,
// the tooltip of a row that may run in a remote block (when there is one), a hover on a step of the
// main pipeline that counts for an activity, the Problems panel, the lightbulb on the main
// pipeline's summary of missing activities, and the dashboard. It checks what must hold on any
// repository: the tree and the CLI agree on the achieved count of the status bar, the editor's
// summary sits on the file the CLI's SARIF attaches missing activities to, and the lightbulb leads
// with fixes and ends with "more actions". Skipped when E2E_REAL_REPO is not set (CI has no real
// repositories).
//   E2E_REAL_REPO=~/.cache/dsomm-eval/dani-garcia+vaultwarden E2E_OUT=/tmp/shots node test/e2e/ui.mjs real-repository
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, linkSync, lstatSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from '../../../scripts/harness.mjs';
import { Editor } from '../lib/editor.mjs';

export const title = 'a real repository (E2E_REAL_REPO): tree, hover on a pipeline step, Problems and dashboard, as screenshots';

const SOURCE = process.env.E2E_REAL_REPO ? path.resolve(process.env.E2E_REAL_REPO) : undefined;
const CLI = path.join(ROOT, 'dist', 'cli.js');
const LEVEL = 2;
/** Pipeline files a hover is looked for in, most common first. */
const PIPELINE = /^(\.github\/workflows\/[^/]+\.ya?ml|\.gitlab-ci\.yml|azure-pipelines\.yml|Jenkinsfile|\.circleci\/config\.yml|bitbucket-pipelines\.yml)$/;

/** Hard links, not copies: a large repository costs no time or space; only new files are written. */
function linkTree(from, to) {
  for (const name of readdirSync(from)) {
    if (name === '.git') continue;
    const src = path.join(from, name);
    const dst = path.join(to, name);
    const st = lstatSync(src);
    if (st.isDirectory()) {
      mkdirSync(dst, { recursive: true });
      linkTree(src, dst);
    } else if (st.isFile()) linkSync(src, dst);
  }
}

export function prepareWorkspace(dir) {
  if (!SOURCE || !existsSync(SOURCE)) return;
  for (const f of readdirSync(dir)) rmSync(path.join(dir, f), { recursive: true, force: true });
  linkTree(SOURCE, dir);
  // A linked settings file must not be written through: remove the link, then write our own.
  mkdirSync(path.join(dir, '.vscode'), { recursive: true });
  rmSync(path.join(dir, '.vscode', 'settings.json'), { force: true });
  writeFileSync(path.join(dir, '.vscode', 'settings.json'), JSON.stringify({ 'dsomm.targetLevel': LEVEL }, null, 2) + '\n');
}

export default async function (t) {
  const { wb, page } = t;
  if (!SOURCE) t.skip('set E2E_REAL_REPO to a repository checkout to run this journey');
  if (!existsSync(SOURCE)) t.skip(`E2E_REAL_REPO=${SOURCE} does not exist`);
  const editor = new Editor(page);
  const name = path.basename(SOURCE).replace(/[^a-zA-Z0-9]+/g, '-');
  let cli;
  /** The pipeline file missing activities attach to (SARIF), where the editor's summary must sit too. */
  let mainFile;

  await t.step('`dsomm scan --format json` and `--format sarif` on the repository', async () => {
    const scan = (...args) => execFileSync(process.execPath, [CLI, 'scan', t.workspace, ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    cli = JSON.parse(scan('--format', 'json', '--level', '5'));
    const counts = {};
    for (const a of cli.activities) counts[a.status] = (counts[a.status] ?? 0) + 1;
    t.log('CLI statuses:', JSON.stringify(counts), `remote ${cli.activities.filter((a) => a.remote).length}`, `findings ${cli.findings.length}`, `problems ${cli.problems.length}`);
    const sarif = JSON.parse(scan('--format', 'sarif', '--level', String(LEVEL)));
    const anchors = new Set(sarif.runs[0].results.filter((r) => r.partialFingerprints?.dsommActivity).map((r) => decodeURIComponent(r.locations[0]?.physicalLocation.artifactLocation.uri ?? '')));
    assert.ok(anchors.size <= 1, `missing activities on one file: ${[...anchors]}`);
    mainFile = [...anchors][0];
    t.log('main pipeline (SARIF):', mainFile ?? '(no missing activity up to the target level)');
  });

  await t.step('the side bar with Build and Deployment expanded', async () => {
    await wb.waitUntilReady();
    await wb.openViewContainer('DSOMM');
    await wb.treeItem('Build and Deployment').waitFor({ timeout: 120_000 });
    await wb.resizeSidebar(420).catch(() => {});
    const subs = await wb.expand('Build and Deployment');
    t.log('sub-dimensions:', subs.map((s) => `${s.label} ${s.summary ?? ''}`).join(' | '));
    const first = subs.find((s) => /Build/.test(s.label)) ?? subs[0];
    const rows = await wb.expand(first.label);
    for (const r of rows) t.log(`  ${r.label} · ${r.summary ?? ''}`);
    await t.screenshot(`12-${name}-tree`);
    // The status bar counts what the CLI counts at the same level (every activity up to it).
    const upTo = cli.activities.filter((a) => a.level <= LEVEL);
    const achieved = upTo.filter((a) => ['detected', 'done', 'not-applicable'].includes(a.status)).length;
    const bar = await page.locator('.statusbar-item', { hasText: /DSOMM L1/ }).first().innerText();
    t.log('status bar:', bar);
    assert.match(bar, new RegExp(`${achieved}/${upTo.length}`));
  });

  await t.step('the tooltip of a row that may run in a remote block', async () => {
    const remote = cli.activities.find((a) => a.remote);
    if (!remote) {
      t.log('no activity rests on a remote block here');
      return;
    }
    if (remote.dimension !== 'Build and Deployment') await wb.expand(remote.dimension);
    const rows = await wb.expand(remote.subdimension);
    const row = rows.find((r) => r.label === remote.name);
    t.log(`${remote.name} · ${row?.summary}`);
    assert.match(row?.summary ?? '', /remote\?$/);
    const label = wb.treeItem(remote.name).locator('.label-name');
    const text = await wb.hoverText(label);
    t.log('tooltip:', text.replace(/\s+/g, ' ').slice(0, 400));
    assert.match(text, /may run in a remote block or repository the scan cannot read/);
    // Hover again and keep the mouse there for the screenshot.
    const box = await label.boundingBox();
    await page.mouse.move(box.x + 5, box.y + box.height / 2);
    await page.mouse.move(box.x + Math.min(40, box.width / 2), box.y + box.height / 2, { steps: 4 });
    const tip = page.locator('.workbench-hover, .monaco-hover:not(.hidden)').filter({ hasText: /remote block/ }).last();
    await tip.waitFor();
    // The hover fades in: wait until it is fully opaque, so the screenshot shows it as the user reads it.
    await tip.evaluate((el) => new Promise((done) => {
      const opaque = () => { let e = el; for (; e; e = e.parentElement) if (Number(getComputedStyle(e).opacity) < 1) return false; return true; };
      const check = () => (opaque() ? done() : requestAnimationFrame(check));
      check();
    }));
    await t.screenshot(`12-${name}-remote-row`, { keepMouse: true });
    await page.mouse.move(1000, 850);
  });

  await t.step('a hover on a pipeline step that counts for an activity', async () => {
    // A step of the main pipeline first: the file the user works in.
    const candidates = cli.activities.filter((a) => a.status === 'detected').flatMap((a) => a.evidence).filter((e) => e.tool);
    const ev = candidates.find((e) => e.path === mainFile) ?? candidates.find((e) => PIPELINE.test(e.path));
    if (!ev) {
      t.log('no detected activity has evidence in a pipeline file: no hover');
      return;
    }
    const lineText = readFileSync(path.join(t.workspace, ev.path), 'utf8').split('\n')[ev.line - 1];
    // Monaco renders a token of 50 characters or more in pieces, and a commit SHA says nothing:
    // hover the last plain word (`actions/deploy-pages` of `uses: actions/deploy-pages@<sha> # v4`).
    const words = lineText.trim().split(/[\s:@]+/).filter((w) => w.length > 2 && w.length < 50 && !/^[-#]/.test(w) && !/^[0-9a-f]{7,}$/.test(w));
    const word = words.pop() ?? lineText.trim().slice(0, 40);
    t.log(`hovering "${word}" on ${ev.path}:${ev.line}: ${lineText.trim()}`);
    await editor.openFile(ev.path);
    await editor.goToLine(ev.line);
    const text = await editor.hover(lineText.trim(), word, /DSOMM|level|Level/);
    t.log('hover:', text.replace(/\s+/g, ' ').slice(0, 600));
    await t.screenshot(`12-${name}-hover`, { keepMouse: true });
  });

  let summaryLine;
  await t.step('the Problems panel: the summary of missing activities on the main pipeline', async () => {
    await page.mouse.move(1000, 850);
    const rows = await editor.problems();
    const dsomm = rows.filter((r) => /DSOMM/.test(r));
    t.log(`${rows.length} rows, ${dsomm.length} from DSOMM`);
    for (const r of dsomm.slice(0, 12)) t.log('  ', r.slice(0, 300));
    if (mainFile) {
      const markers = await editor.problemsOf(mainFile);
      const summaries = markers.filter((m) => /missing-activities/.test(m));
      t.log(`${mainFile}: ${markers.length} markers;`, summaries.map((m) => m.slice(0, 300)).join(' | '));
      assert.equal(summaries.length, 1, `one summary on ${mainFile}: ${JSON.stringify(markers)}`);
      summaryLine = Number(/\[Ln (\d+),/.exec(summaries[0])[1]);
    }
    await t.screenshot(`12-${name}-problems`);
  });

  await t.step('the lightbulb on the summary: fixes first, at most 8 entries, "more actions" last', async () => {
    if (!mainFile) return;
    await editor.openFile(mainFile);
    await editor.goToLine(summaryLine);
    const lineText = readFileSync(path.join(t.workspace, mainFile), 'utf8').split('\n')[summaryLine - 1];
    const word = lineText.trim().split(/[\s:{]+/)[0];
    const entries = await editor.quickFixes(lineText.trim(), word);
    t.log(`quick fixes on ${mainFile}:${summaryLine} (${lineText.trim()}):`, entries.join(' | '));
    assert.ok(entries.length <= 8, JSON.stringify(entries));
    assert.ok(entries[entries.length - 1].startsWith('DSOMM: more actions'), JSON.stringify(entries));
    await t.screenshot(`12-${name}-quickfix`, { keepMouse: true });
    await page.keyboard.press('Escape');
  });

  await t.step('the dashboard', async () => {
    await wb.runCommand('DSOMM: Open Maturity Dashboard');
    const frame = page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
    await frame.locator('body').getByText(/Next best activities/i).first().waitFor({ timeout: 60_000 });
    const next = await frame.locator('body').innerText();
    t.log('dashboard:', next.replace(/\s+/g, ' ').slice(0, 800));
    await t.screenshot(`12-${name}-dashboard`);
  });
}
