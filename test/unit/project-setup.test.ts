// What a newcomer meets on `npm ci`: the Node version the README and package.json state fits every
// installed package (no EBADENGINE warning), and every install script is decided on in `allowScripts`
// (no "install scripts not yet covered" warning).
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT } from './scanHelpers';

interface LockEntry {
  engines?: { node?: string } | string[];
  hasInstallScript?: boolean;
}

const pkg = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { engines: { node: string }; allowScripts?: Record<string, boolean> };
const lock = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, LockEntry> };

type Version = [number, number, number];

function parseVersion(text: string): { v: Version; parts: number } {
  const nums = text.replace(/^v/, '').split('.').filter((p) => p !== '' && p !== '*' && p.toLowerCase() !== 'x').map(Number);
  return { v: [nums[0] ?? 0, nums[1] ?? 0, nums[2] ?? 0], parts: nums.length };
}

function compare(a: Version, b: Version): number {
  return a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
}

/** Whether `version` satisfies an npm `engines` range (the forms npm packages use: ||, spaces, >=, <, ^, ~, x, *). */
function satisfies(version: string, range: string): boolean {
  const v = parseVersion(version).v;
  return range.split('||').some((alt) => {
    const comparators = alt.trim().replace(/(>=|<=|>|<|=|\^|~)\s+/g, '$1').split(/\s+/).filter(Boolean);
    return comparators.every((c) => {
      const m = /^(>=|<=|>|<|=|\^|~)?(.*)$/.exec(c)!;
      const op = m[1] ?? '';
      if (m[2] === '*' || m[2] === '') return true;
      const { v: w, parts } = parseVersion(m[2]);
      const cmp = compare(v, w);
      if (op === '>=') return cmp >= 0;
      if (op === '>') return cmp > 0;
      if (op === '<=') return cmp <= 0;
      if (op === '<') return cmp < 0;
      if (op === '^') return cmp >= 0 && (w[0] > 0 ? v[0] === w[0] : v[1] === w[1]);
      if (op === '~') return cmp >= 0 && v[0] === w[0] && (parts < 2 || v[1] === w[1]);
      // A bare or "=" version: missing parts match anything ("20" is 20.x.x).
      return v.slice(0, Math.max(1, parts)).every((n, i) => n === w[i]);
    });
  });
}

describe('project setup (npm ci without warnings to interpret)', () => {
  const minimum = /^>=\s*(\d+\.\d+\.\d+)$/.exec(pkg.engines.node)?.[1];

  it('the range checker understands the forms in the lock file', () => {
    assert.ok(satisfies('20.18.1', '>=20.18.1') && !satisfies('20.18.0', '>=20.18.1'));
    assert.ok(satisfies('20.18.1', '^18.18.0 || ^20.9.0 || >=21.1.0') && !satisfies('20.1.0', '^18.18.0 || ^20.9.0 || >=21.1.0'));
    assert.ok(satisfies('20.18.1', '18 || 20 || >=22') && !satisfies('21.0.0', '18 || 20 || >=22'));
    assert.ok(satisfies('20.18.1', '>=16 || 14 >=14.17') && satisfies('20.18.1', '6.* || 8.* || >= 10.*') && satisfies('20.18.1', '*'));
    assert.ok(!satisfies('20.18.1', '>=22') && !satisfies('20.18.1', '>=0.6.11 <=0.7.0 || >=0.7.3 <1'));
  });

  it('package.json states one minimum Node version, and the README says the same', () => {
    assert.ok(minimum, `engines.node should be ">=X.Y.Z", not ${pkg.engines.node}`);
    const readme = readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
    assert.ok(readme.includes(`Node.js ${minimum} or later`), `the README does not state Node.js ${minimum} or later`);
  });

  it('every package in the lock file runs on that Node version (no EBADENGINE warning)', () => {
    const misfits = Object.entries(lock.packages).flatMap(([name, e]) => {
      const range = !Array.isArray(e.engines) ? e.engines?.node : undefined;
      return name && range && !satisfies(minimum!, range) ? [`${name.replace(/^.*node_modules\//, '')} needs node ${range}`] : [];
    });
    assert.deepEqual(misfits, []);
  });

  it('every package with an install script is allowed or refused in allowScripts', () => {
    const undecided = Object.entries(lock.packages)
      .filter(([name, e]) => name && e.hasInstallScript)
      .map(([name]) => name.replace(/^.*node_modules\//, ''))
      .filter((name) => typeof pkg.allowScripts?.[name] !== 'boolean');
    assert.deepEqual(undecided, []);
  });
});
