// "Needs your decision" has two causes the user must tell apart: no file can show the activity
// (the team judges it), or it may run where the scan cannot read (a remote block, a Dockerfile
// cloned from another repository: the user checks there). The tree row, tooltips, status bar,
// details and reports say which, from ActivityResult.remote; counts and filters stay the same.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { ActivityResult, ScanResult } from '../../src/core/scan/result';
import { toJsonReport } from '../../src/core/reports/json';
import { toMarkdownReport, toTextReport } from '../../src/core/reports/text';
import { activityDetails } from '../../src/core/view/activityDetails';
import {
  activityAccessibilityLabel,
  activityDescription,
  activityRowDescription,
  activityTooltipMarkdown,
  ActivityNodeData,
  buildActivityTree,
  GroupNodeData,
  groupTooltip,
  isRemoteUnknown,
  TreeNodeData,
} from '../../src/core/view/activityTree';
import { statusBarTooltipMarkdown, targetSummary } from '../../src/core/view/levelSummary';
import { bundled, REPO_ROOT, scanDir } from './scanHelpers';

const FIXTURE = path.join(REPO_ROOT, 'test/fixtures/detect/remote-blocks-azure');

function activityNodes(nodes: TreeNodeData[]): ActivityNodeData[] {
  return nodes.flatMap((n) => (n.type === 'activity' ? [n] : n.type === 'evidence' ? [] : activityNodes(n.children)));
}

function groups(nodes: TreeNodeData[]): GroupNodeData[] {
  return nodes.flatMap((n) => (n.type === 'activity' || n.type === 'evidence' ? [] : [n, ...groups(n.children)]));
}

describe('unknown because a remote block may do it, apart from "no file can show it"', function () {
  this.timeout(30_000);
  let result: ScanResult;
  let remote: ActivityResult[];
  let judged: ActivityResult[];
  before(async () => {
    result = (await scanDir(FIXTURE)).result;
    remote = result.activities.filter((a) => a.status === 'unknown' && a.remote);
    judged = result.activities.filter((a) => a.status === 'unknown' && !a.remote);
  });

  it('the scan marks only the activities resting on the unread template, each with a reason naming it', () => {
    assert.ok(remote.length > 0, 'the governed template leaves some activities unknown');
    for (const a of remote) assert.ok(a.reasons?.some((r) => r.includes('@governed')), `${a.activity.name}: ${JSON.stringify(a.reasons)}`);
    // Culture and process activities (no rule) and those with nothing to look at are the team's call.
    assert.ok(judged.some((a) => a.probes.length === 0), 'an activity without a rule');
    assert.ok(judged.every((a) => !a.reasons?.some((r) => r.includes('@governed'))));
    assert.ok(result.activities.filter((a) => a.status !== 'unknown').every((a) => !a.remote), 'only unknowns are marked');
  });

  it('tree: its own word and the same counts; the group tooltip says how many of each kind', () => {
    const tree = buildActivityTree(bundled().model, result);
    const rows = activityNodes(tree);
    const r = rows.find((n) => n.result === remote[0])!;
    const j = rows.find((n) => n.result === judged[0])!;
    assert.equal(activityRowDescription(r), 'remote?');
    assert.equal(activityRowDescription(j), 'undecided');
    assert.ok(isRemoteUnknown(r.result) && !isRemoteUnknown(j.result));
    assert.match(activityDescription(r), /^L\d · unknown: may run in a remote block or repository the scan cannot read$/);
    assert.match(activityAccessibilityLabel(r), /unknown: may run in a remote block/);
    const tip = activityTooltipMarkdown(r.activity, r.result);
    assert.match(tip, /\*\*Status:\*\* unknown: may run in a remote block or repository the scan cannot read/);
    assert.match(tip, /@governed/, 'the tooltip names the block');
    assert.doesNotMatch(tip, /\*\*Why:\*\* unknown:/, 'the Why line does not repeat the status');
    assert.match(tip, /\*\*Why:\*\* a remote block/);
    assert.ok(!tip.includes('To decide several'), 'nothing to decide before the block is checked');
    assert.match(activityTooltipMarkdown(j.activity, j.result), /\*\*Status:\*\* needs your decision/);
    const all = groups(tree);
    assert.equal(all.filter((g) => g.type === 'dimension').reduce((n, g) => n + g.remote, 0), remote.length);
    const mixed = all.find((g) => g.remote > 0 && g.undecided > g.remote);
    assert.ok(mixed, 'a group with both kinds');
    const lines = groupTooltip(mixed, 5).split('\n');
    assert.equal(lines[1], `${mixed.undecided - mixed.remote} of them ${mixed.undecided - mixed.remote === 1 ? 'needs' : 'need'} your decision: no file can show ${mixed.undecided - mixed.remote === 1 ? 'it' : 'them'}.`);
    assert.match(lines[2], new RegExp(`^${mixed.remote} of them may run in a remote block or repository the scan cannot read: check (it|them) there\\.$`));
    // Hiding the undecided rows hides both kinds; the counts do not change.
    const hidden = buildActivityTree(bundled().model, result, { hideUndecided: true });
    assert.ok(!activityNodes(hidden).some((n) => n.result?.status === 'unknown'));
    assert.deepEqual(groups(hidden).map((g) => [g.id, g.undecided, g.remote]), all.filter((g) => groups(hidden).some((h) => h.id === g.id)).map((g) => [g.id, g.undecided, g.remote]));
  });

  it('status bar tooltip, details panel and reports say it too', () => {
    const s = targetSummary(result, 5);
    assert.equal(s.remote, remote.length);
    const tip = statusBarTooltipMarkdown(s, result.achievedLevel);
    assert.ok(tip.includes(`${s.undecided - s.remote} activities need your decision (they cannot be seen in files).`), tip);
    assert.ok(tip.includes(`${remote.length} ${remote.length === 1 ? 'activity' : 'activities'} may run in a remote block or repository the scan cannot read (check there).`), tip);
    const details = activityDetails(bundled().model, result, remote[0].activity.uuid)!;
    assert.equal(details.statusText, 'unknown: may run in a remote block or repository the scan cannot read');
    assert.match(toTextReport(result), new RegExp(`\\? L${remote[0].activity.level} ${remote[0].activity.name.replace(/[()]/g, '\\$&')} — unknown \\(remote\\)`));
    assert.match(toMarkdownReport(result), /\? unknown \(remote\)/);
    const json = toJsonReport(result) as { activities: { uuid: string; remote?: boolean }[] };
    assert.deepEqual(json.activities.filter((a) => a.remote).map((a) => a.uuid).sort(), remote.map((a) => a.activity.uuid).sort());
  });
});
