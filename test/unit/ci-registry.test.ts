// The CI dialect registry: every dialect is complete, reachable and announced where the editor
// and the README need it.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { CiDialect, defineDialect } from '../../src/core/scan/ci/dialect';
import { CI_DIALECTS, CI_KINDS, ciDialect, FIXABLE_CI_KINDS, isCiKind, isPipelineKind, PIPELINE_ORDER } from '../../src/core/scan/ci/registry';
import { FIX_DIALECTS } from '../../src/core/guidance/types';

const ROOT = path.resolve(__dirname, '../../..');

// A dialect that leaves out a required part does not compile: if `parse` ever became optional,
// the expect-error below would be unused and the test build would fail.
export const incomplete: CiDialect = defineDialect(
  // @ts-expect-error -- `parse` is missing
  {
    kind: 'incomplete',
    system: 'Incomplete CI',
    fileLabel: 'incomplete file',
    matchesPath: () => false,
    matchesContent: false,
    activationGlobs: [],
    uses: { vocabulary: 'none', evidenceLabel: 'uses' },
    localIncludes: 'fragment',
    refusesInvalidFile: true,
    ephemeralJob: () => undefined,
    pipelineRank: undefined,
    fixes: { noPlacement: 'none' },
  },
);

describe('CI dialect registry', () => {
  it('one entry per kind, found by kind', () => {
    assert.equal(new Set(CI_KINDS).size, CI_DIALECTS.length);
    for (const d of CI_DIALECTS) {
      assert.ok(isCiKind(d.kind));
      assert.equal(ciDialect(d.kind), d);
    }
    assert.equal(isCiKind('dockerfile'), false);
  });

  it('pipeline ranks are distinct and only the GitHub action is not a pipeline of its own', () => {
    const ranks = CI_DIALECTS.filter((d) => d.pipelineRank !== undefined).map((d) => d.pipelineRank);
    assert.equal(new Set(ranks).size, ranks.length);
    assert.deepEqual(CI_KINDS.filter((k) => !isPipelineKind(k)), ['github-action']);
    assert.equal(PIPELINE_ORDER[0], 'github-workflow');
  });

  it('every dialect with fix placements is a fix dialect; the others say why not', () => {
    for (const d of CI_DIALECTS) {
      if ('placements' in d.fixes) {
        assert.ok(d.fixes.placements.length > 0, d.kind);
        assert.ok(FIX_DIALECTS.includes(d.kind as never), d.kind);
      } else {
        assert.ok(d.fixes.noPlacement.length > 20, `${d.kind}: a reason a reader understands`);
        assert.ok(!FIX_DIALECTS.includes(d.kind as never), d.kind);
      }
    }
    assert.deepEqual([...FIXABLE_CI_KINDS], CI_KINDS.filter((k) => 'placements' in ciDialect(k).fixes));
  });

  it('package.json starts the extension on every dialect activation glob', () => {
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { activationEvents: string[] };
    for (const d of CI_DIALECTS) {
      for (const glob of d.activationGlobs) assert.ok(pkg.activationEvents.includes(`workspaceContains:${glob}`), `${d.kind}: workspaceContains:${glob}`);
    }
    assert.ok(CI_DIALECTS.filter((d) => d.pipelineRank !== undefined).every((d) => d.activationGlobs.length > 0), 'every pipeline dialect has a glob');
  });
});
