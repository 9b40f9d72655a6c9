// Journey (optional, for looking at the product on a real repository): E2E_REAL_REPO=/path/to/a/checkout
// opens that repository (files hard-linked into the run's temp folder, without .git) at target
// level 2 and saves screenshots of what a user sees first: the side bar with a dimension expanded,
// a hover on a pipeline step that counts for an activity, the Problems panel, and the dashboard.
// It checks what must hold on any repository: the tree and the CLI agree on the achieved count of
// the status bar, no DSOMM problem row is cut to nothing, and no pipeline line shows the same
// finding twice. Skipped when E2E_REAL_REPO is not set (CI has no real repositories).
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

  await t.step('`dsomm scan --format json` on the repository', async () => {
    cli = JSON.parse(execFileSync(process.execPath, [CLI, 'scan', t.workspace, '--format', 'json', '--level', '5'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }));
    const counts = {};
    for (const a of cli.activities) counts[a.status] = (counts[a.status] ?? 0) + 1;
    t.log('CLI statuses:', JSON.stringify(counts), `findings ${cli.findings.length}`, `problems ${cli.problems.length}`);
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

  await t.step('a hover on a pipeline step that counts for an activity', async () => {
    const ev = cli.activities
      .filter((a) => a.status === 'detected')
      .flatMap((a) => a.evidence)
      .find((e) => PIPELINE.test(e.path) && e.tool);
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

  await t.step('the Problems panel', async () => {
    await page.mouse.move(1000, 850);
    const rows = await editor.problems();
    const dsomm = rows.filter((r) => /DSOMM/.test(r));
    t.log(`${rows.length} rows, ${dsomm.length} from DSOMM`);
    for (const r of dsomm.slice(0, 30)) t.log('  ', r.slice(0, 300));
    await t.screenshot(`12-${name}-problems`);
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
