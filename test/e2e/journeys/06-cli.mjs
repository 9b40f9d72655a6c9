// Journey: a user runs the `dsomm` CLI in the workbench's integrated terminal: on the demo workspace
// as text and as Markdown, then on a copy with a broken workflow file, where the CLI must name the
// file and line of the problem and still print the whole report for everything else.
//
// The CLI is this source tree's dist/cli.js (what `npx dsomm` runs once installed).
import assert from 'node:assert/strict';
import { cpSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from '../../../scripts/harness.mjs';

export const title = 'run the dsomm CLI in the integrated terminal: text, Markdown, and a workspace with a broken YAML file';

const CLI = path.join(ROOT, 'dist', 'cli.js');
const DIMENSIONS = ['Build and Deployment', 'Culture and Organization', 'Implementation', 'Information Gathering', 'Test and Verification'];
const BROKEN_FILE = '.github/workflows/broken.yml';
// Line 9 opens a flow sequence that never closes; the parser notices at the end of the file (line 10).
const BROKEN_TEXT = 'name: broken\non: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo "unclosed\n      - uses: actions/checkout@v4\n      - uses: [actions/setup-node@v4\n';

const quote = s => `'${s.replace(/'/g, `'\\''`)}'`;

/** Runs a command line in the terminal (after clearing it) and returns the terminal text once it ended. */
async function run(t, commandLine, marker) {
  await t.wb.runCommand('Terminal: Clear');
  await t.wb.runInTerminal(`${commandLine}; echo "${marker} exit=$?"`);
  const text = await t.wb.waitForTerminalText(new RegExp(`${marker} exit=\\d+`), { timeoutMs: 90_000 });
  const exit = Number(new RegExp(`${marker} exit=(\\d+)`).exec(text)[1]);
  // Only the output: from after the echoed command line to the marker.
  const start = text.indexOf('\n', text.indexOf(commandLine.slice(-30))) + 1;
  return { output: text.slice(start, text.search(new RegExp(`${marker} exit=\\d`))), exit };
}

export default async function (t) {
  const { wb } = t;
  const broken = path.join(path.dirname(t.workspace), 'broken-workspace');

  await t.step('the integrated terminal opens in the workspace', async () => {
    await wb.waitUntilReady();
    await wb.grantClipboard();
    await wb.openTerminal();
    const { output } = await run(t, 'pwd', '@@pwd');
    assert.equal(output.trim().split('\n').pop().trim(), t.workspace);
  });

  await t.step('`dsomm scan` prints the text report: level, every dimension, detections with file and line', async () => {
    const { output, exit } = await run(t, `node ${quote(CLI)} scan .`, '@@text');
    assert.equal(exit, 0, `exit code ${exit}:\n${output.slice(-1500)}`);
    assert.match(output, /DSOMM scan of .*demo-workspace \(model 4\.3\.1, 194 activities\)/);
    assert.match(output, /Achieved DSOMM level: \d/);
    for (const d of DIMENSIONS) assert.match(output, new RegExp(`^${d}  \\(\\d+/\\d+\\)`, 'm'), `dimension ${d} missing`);
    assert.match(output, /✔ L1 Defined build process — detected\n\s+\.buildkite\/pipeline\.yml:\d+/);
    assert.match(output, /✘ L2 SBOM of components — missing/);
    assert.doesNotMatch(output, /^dsomm: /m, 'the demo workspace should scan without problems');
    t.log(output.split('\n').slice(0, 3).join(' | '));
  });

  await t.step('`dsomm scan --format markdown` prints a Markdown report with a table per dimension', async () => {
    const { output, exit } = await run(t, `node ${quote(CLI)} scan . --format markdown`, '@@md');
    assert.equal(exit, 0);
    assert.match(output, /^# DSOMM assessment/m);
    for (const d of DIMENSIONS) assert.match(output, new RegExp(`^## ${d}`, 'm'), `section ${d} missing`);
    assert.match(output, /^\| 1 \| Defined build process \| ✔ detected \| `\.buildkite\/pipeline\.yml:\d+`/m);
    assert.match(output, /^\|[-| ]+\|$/m, 'no Markdown table separator row');
  });

  await t.step('on a workspace with a broken workflow: a clear message with file and line, the rest of the report intact', async () => {
    cpSync(t.workspace, broken, { recursive: true });
    writeFileSync(path.join(broken, BROKEN_FILE), BROKEN_TEXT);
    await wb.runCommand('View: Toggle Maximized Panel');
    const { output, exit } = await run(t, `cd ${quote(broken)} && node ${quote(CLI)} scan .`, '@@broken');
    // The message: on stderr, prefixed with the tool's name, naming file, line and the YAML error.
    assert.match(output, new RegExp(`^dsomm: ${BROKEN_FILE.replace(/\./g, '\\.')}:10: .*(sequence|\\])`, 'm'), `no clear message:\n${output.slice(-2000)}`);
    assert.match(output, /^Files with problems:\n\s+\.github\/workflows\/broken\.yml:10: /m);
    // A broken file is a finding, not a failed run.
    assert.equal(exit, 0);
    // Everything else is still there: all dimensions, the other workflows' evidence, the same verdicts.
    assert.match(output, /indexed, 1 with problems/);
    for (const d of DIMENSIONS) assert.match(output, new RegExp(`^${d}  \\(\\d+/\\d+\\)`, 'm'), `dimension ${d} missing`);
    assert.match(output, /✔ L1 Defined build process — detected/);
    assert.match(output, /\.github\/workflows\/ci\.yml:16 {2}\.github\/workflows\/ci\.yml: 4 jobs/);
    assert.match(output, /✔ L1 Automated deployment process — detected/);
    assert.match(output, /✘ L2 SBOM of components — missing/);
    await t.screenshot('cli');
  });
}
