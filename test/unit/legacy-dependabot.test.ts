// Negative verdicts name what was found: a legacy `.dependabot/config.yml` (Dependabot Preview,
// which GitHub no longer runs) does not count as a dependency-update bot, and the reason names the
// file in the probe notes, the activity's reasons and the JSON report.
import * as assert from 'node:assert/strict';
import { toJsonReport } from '../../src/core/reports/json';
import { cleanTempWorkspaces, scanDir, tempWorkspace } from './guidanceHarness';

const AUTOMATED_PRS = '8ae0b92c-10e0-4602-ba22-7524d6aed488';
const LEGACY = [
  'version: 1',
  'update_configs:',
  '  - package_manager: "javascript"',
  '    directory: "/"',
  '    update_schedule: "weekly"',
  '',
].join('\n');
const CURRENT = ['version: 2', 'updates:', '  - package-ecosystem: npm', '    directory: /', '    schedule: { interval: weekly }', ''].join('\n');
const WORKFLOW = ['on: push', 'jobs:', '  test:', '    runs-on: ubuntu-latest', '    steps:', '      - run: npm test', ''].join('\n');

describe('negative verdicts: a legacy .dependabot/config.yml', function () {
  this.timeout(30_000);
  after(cleanTempWorkspaces);

  it('does not count, and the reason names the file', async () => {
    const { result } = await scanDir(tempWorkspace({ '.dependabot/config.yml': LEGACY, '.github/workflows/ci.yml': WORKFLOW, 'package.json': '{"name":"x"}' }));
    const bot = result.probes.find((p) => p.id === 'dependency-update-bot')!;
    assert.equal(bot.result, 'fail');
    assert.deepEqual(bot.evidence, []);
    assert.ok(bot.notes.some((n) => n.includes('.dependabot/config.yml') && /no longer runs/.test(n)), JSON.stringify(bot.notes));
    const activity = result.activities.find((a) => a.activity.uuid === AUTOMATED_PRS)!;
    assert.equal(activity.status, 'missing');
    assert.ok(activity.reasons?.some((r) => r.includes('.dependabot/config.yml')), JSON.stringify(activity.reasons));
    const json = JSON.stringify(toJsonReport(result));
    assert.ok(json.includes('.dependabot/config.yml is the configuration of the retired Dependabot Preview'), 'the JSON report carries the reason');
  });

  it('next to a current .github/dependabot.yml, the current one counts', async () => {
    const { result } = await scanDir(tempWorkspace({ '.dependabot/config.yml': LEGACY, '.github/dependabot.yml': CURRENT, '.github/workflows/ci.yml': WORKFLOW }));
    const bot = result.probes.find((p) => p.id === 'dependency-update-bot')!;
    assert.equal(bot.result, 'pass');
    assert.ok(bot.evidence.every((e) => e.loc.path === '.github/dependabot.yml'), JSON.stringify(bot.evidence));
    assert.equal(result.activities.find((a) => a.activity.uuid === AUTOMATED_PRS)!.status, 'detected');
  });

  it('a .github/dependabot.yml whose updates are all commented out does not count, and says so', async () => {
    const commented = ['version: 2', 'updates:', '#  - package-ecosystem: npm', '#    directory: /', '#    schedule: { interval: weekly }', ''].join('\n');
    for (const text of [commented, 'version: 2\n', 'version: 2\nupdates: []\n']) {
      const { result } = await scanDir(tempWorkspace({ '.github/dependabot.yml': text, '.github/workflows/ci.yml': WORKFLOW }));
      const bot = result.probes.find((p) => p.id === 'dependency-update-bot')!;
      assert.equal(bot.result, 'fail', text);
      assert.deepEqual(bot.evidence, []);
      assert.ok(bot.notes.some((n) => n.includes('.github/dependabot.yml lists no `updates` entry') && /Dependabot updates nothing/.test(n)), JSON.stringify(bot.notes));
    }
  });
});
