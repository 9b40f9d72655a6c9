// chooseFolder: the one rule for "which workspace folder" (export, dashboard, progress commands, status bar).
import * as assert from 'node:assert/strict';
import { chooseFolder, FolderHints } from '../../src/core/folderChoice';

const A = 'file:///work/app';
const B = 'file:///work/payments';
const GONE = 'file:///work/closed';

describe('chooseFolder (multi-root: which folder am I acting on)', () => {
  it('no folder: none, whatever the hints say (except a named folder, which is reported gone)', () => {
    assert.deepEqual(chooseFolder([], {}, 'ask'), { kind: 'none' });
    assert.deepEqual(chooseFolder([], { active: A, shown: A }, 'first'), { kind: 'none' });
    assert.deepEqual(chooseFolder([], { named: A }, 'first'), { kind: 'gone', key: A });
  });

  it('one folder: that folder, never a question', () => {
    for (const whenUnclear of ['ask', 'first'] as const) {
      assert.deepEqual(chooseFolder([A], {}, whenUnclear), { kind: 'folder', key: A });
      assert.deepEqual(chooseFolder([A], { active: GONE, shown: GONE }, whenUnclear), { kind: 'folder', key: A });
    }
  });

  it('the named folder wins over the active editor and the folder shown', () => {
    assert.deepEqual(chooseFolder([A, B], { named: B, active: A, shown: A }, 'ask'), { kind: 'folder', key: B });
    assert.deepEqual(chooseFolder([A, B], { named: A, active: B }, 'first'), { kind: 'folder', key: A });
  });

  it('a named folder that was closed is reported, not replaced by another folder', () => {
    assert.deepEqual(chooseFolder([A, B], { named: GONE, active: B }, 'first'), { kind: 'gone', key: GONE });
    assert.deepEqual(chooseFolder([A], { named: GONE }, 'ask'), { kind: 'gone', key: GONE });
  });

  it('several folders: the active editor\'s folder, else the one shown', () => {
    assert.deepEqual(chooseFolder([A, B], { active: B, shown: A }, 'ask'), { kind: 'folder', key: B });
    assert.deepEqual(chooseFolder([A, B], { shown: B }, 'first'), { kind: 'folder', key: B });
    // An editor on a file outside the workspace gives no folder; a closed shown folder is skipped.
    assert.deepEqual(chooseFolder([A, B], { active: GONE, shown: B }, 'ask'), { kind: 'folder', key: B });
  });

  it('several folders and nothing points at one: the first for displays, a question for actions', () => {
    const hints: FolderHints[] = [{}, { active: GONE }, { shown: GONE }];
    for (const h of hints) {
      assert.deepEqual(chooseFolder([A, B], h, 'first'), { kind: 'folder', key: A });
      assert.deepEqual(chooseFolder([A, B], h, 'ask'), { kind: 'ask' });
    }
  });
});
