// A "renovate" key in the repository's root package.json is a Renovate configuration (Renovate
// reads it there): it counts for dependency-update-bot, with the key's line as evidence.
import * as assert from 'node:assert/strict';
import { scanFolder } from '../../src/core/scan/folderScan';
import { MemoryFileSystem } from './memoryFs';
import { bundled } from './scanHelpers';

async function botProbe(files: Record<string, string>) {
  const { model, data } = bundled();
  const { result } = await scanFolder(new MemoryFileSystem(files), '/ws', model, data);
  return result.probes.find((p) => p.id === 'dependency-update-bot')!;
}

describe('Renovate configured in package.json', function () {
  this.timeout(30_000);
  const pkg = (renovate: string) => `{\n  "name": "app",\n  "version": "1.0.0",\n${renovate}  "scripts": { "test": "node t.js" }\n}\n`;

  it('the root package.json "renovate" key counts, cited at the key', async () => {
    const p = await botProbe({ 'package.json': pkg('  "renovate": {\n    "extends": ["config:recommended"],\n    "automerge": true\n  },\n') });
    assert.equal(p.result, 'pass');
    assert.deepEqual(p.evidence.map((e) => [e.loc.path, e.loc.line, e.loc.column, e.loc.endColumn, e.tool]), [['package.json', 4, 3, 13, 'Renovate']]);
  });

  it('a package.json without the key, or one in a sub-folder, does not', async () => {
    assert.equal((await botProbe({ 'package.json': pkg('') })).result, 'fail');
    assert.equal((await botProbe({ 'package.json': pkg(''), 'packages/a/package.json': pkg('  "renovate": { "extends": ["config:base"] },\n') })).result, 'fail');
  });
});
