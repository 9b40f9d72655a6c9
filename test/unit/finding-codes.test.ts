// Finding codes are a closed set (src/core/scan/detect/findingCodes.ts): the engine emits only
// these, every one of them is emitted somewhere in the fixtures, and model/fixes.yaml cannot name
// a code outside it (a typo used to drop the quick fix silently).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FINDING_CODES, isFindingCode } from '../../src/core/scan/detect/findingCodes';
import { FixCatalogueError, loadFixes } from '../../src/core/guidance/fixCatalogue';
import { bundled, DEMO, GUIDANCE_FIXTURES, ROOT, scanDir } from './guidanceHarness';

const template = (resolves: string) =>
  ['schemaVersion: 1', 'templates:', '  - id: user.fix', '    title: Run as a user', '    name: user-fix', '    label: User', resolves, '    dialects:', '      dockerfile: { instructions: USER 1000 }', ''].join('\n');

function rejection(text: string): FixCatalogueError {
  try {
    loadFixes(text, 'model/fixes.yaml');
  } catch (e) {
    if (e instanceof FixCatalogueError) return e;
    throw e;
  }
  assert.fail('loadFixes accepted the file');
}

describe('Finding codes: one closed set', () => {
  it('fixes.yaml: an unknown code in `resolves` fails the load with the file and the line of the entry', () => {
    const flow = rejection(template('    resolves: [root-user, root-usr]'));
    assert.equal(flow.file, 'model/fixes.yaml');
    assert.equal(flow.line, 7);
    assert.match(flow.message, /^model\/fixes\.yaml:7: unknown finding code "root-usr" in `resolves`/);

    const block = rejection(template('    resolves:\n      - latest-tag\n      - no-healthchek'));
    assert.equal(block.line, 9);
    assert.match(block.message, /unknown finding code "no-healthchek"/);
  });

  it('fixes.yaml: known codes load, and `resolves` must still be a list', () => {
    const ok = loadFixes(template('    resolves:\n      - root-user\n      - latest-tag'), 'fixes.yaml');
    assert.deepEqual(ok.templates[0].resolves, ['root-user', 'latest-tag']);
    assert.match(rejection(template('    resolves: root-user')).message, /`resolves` must be a list/);
  });

  it('the bundled fixes.yaml names only codes of the set, and offers a fix for some finding', () => {
    const resolved = bundled().fixes.templates.flatMap((t) => t.resolves);
    assert.ok(resolved.length > 0);
    for (const code of resolved) assert.ok(isFindingCode(code), code);
  });

  it('the set has no duplicates and every code is one the engine really emits in the fixtures', async () => {
    assert.equal(new Set(FINDING_CODES).size, FINDING_CODES.length);
    const emitted = new Set<string>();
    for (const dir of [DEMO, GUIDANCE_FIXTURES, path.join(ROOT, 'test/fixtures/containers')]) {
      assert.ok(fs.statSync(dir).isDirectory(), dir);
      const { result } = await scanDir(dir);
      for (const f of result.findings) {
        assert.ok(isFindingCode(f.code), `${f.loc.path}:${f.loc.line}: ${f.code} is not in FINDING_CODES`);
        emitted.add(f.code);
      }
    }
    assert.deepEqual([...FINDING_CODES].filter((c) => !emitted.has(c)), [], 'codes in FINDING_CODES that no fixture produces');
  });
});
