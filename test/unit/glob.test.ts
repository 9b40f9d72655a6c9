// The one glob engine (src/core/glob.ts), used by the catalogue's config-file matching and the
// config-file recorder's pre-filter: both must say the same about every path.
import * as assert from 'node:assert/strict';
import { globMatch, globSegmentsMatch, wildcardMatch } from '../../src/core/glob';

describe('glob engine', () => {
  it('`*` stays within a segment, `**` spans any number of segments (none included)', () => {
    assert.ok(globMatch('.github/*.yml', '.github/x.yml'));
    assert.ok(!globMatch('.github/*.yml', '.github/a/x.yml'));
    assert.ok(globMatch('**/.gitleaks.toml', '.gitleaks.toml'));
    assert.ok(globMatch('**/.gitleaks.toml', 'a/b/.gitleaks.toml'));
    assert.ok(globMatch('.threatdragon/**', '.threatdragon/models/a.json'));
    assert.ok(!globMatch('.threatdragon/**', 'other/models/a.json'));
    assert.ok(globMatch('a/**/b/*.json', 'a/x/y/b/c.json'));
    assert.ok(!globMatch('a/**/b/*.json', 'a/x/y/c.json'));
    assert.ok(wildcardMatch('*x*', 'axb') && !wildcardMatch('a*c', 'abd'));
  });

  it('split and unsplit forms agree', () => {
    const cases: [string, string][] = [['**/*.toml', 'a/b.toml'], ['a/*/c', 'a/b/c'], ['a/*/c', 'a/c'], ['**', ''], ['x/**/y/**', 'x/y'], ['*', 'a/b']];
    for (const [p, s] of cases) assert.equal(globSegmentsMatch(p.split('/'), s.split('/')), globMatch(p, s), `${p} ~ ${s}`);
  });

  it('hostile patterns are answered (memoised `**`, linear `*`; exponential backtracking would not finish)', () => {
    const deep = Array(60).fill('d').join('/') + '/file';
    const pattern = Array(40).fill('**').join('/') + '/nomatch';
    assert.ok(!globMatch(pattern, deep));
    assert.ok(!wildcardMatch('*a'.repeat(200) + 'b', 'a'.repeat(5000)));
  });
});
