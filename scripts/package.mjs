#!/usr/bin/env node
// `npm run package`: builds the production bundle and packs the .vsix with @vscode/vsce, offline
// (the bundle already contains every runtime dependency, so vsce does not look at node_modules).
// Then checks what a user would get: only dist/, media/, model/, schemas/, README, LICENSE, CHANGELOG and
// package.json; minified JavaScript without source maps; at most MAX_VSIX_BYTES.
//
//   node scripts/package.mjs [--out file.vsix]     prints the path and size; exit 1 when a check fails
import { spawnSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { ROOT } from './harness.mjs';

const require = createRequire(import.meta.url);
export const MAX_VSIX_BYTES = 1024 * 1024;

/** Paths allowed inside the package (below `extension/`), besides vsce's own manifest files. */
// (vsce stores README and CHANGELOG as readme.md and changelog.md, LICENSE as LICENSE.txt.)
const ALLOWED = [/^dist\/((extension|cli)\.js|bundled-data\.json)$/, /^media\/(?!screenshots\/)/, /^model\/[^/]+\.yaml$/, /^schemas\/[^/]+\.schema\.json$/, /^(readme\.md|LICENSE(\.txt)?|changelog\.md|package\.json)$/i];
const REQUIRED = ['dist/extension.js', 'dist/cli.js', 'media/icon.png', 'model/dsomm-model.yaml', 'model/probes.yaml', 'model/rules.yaml', 'schemas/team-progress.schema.json', 'schemas/team-evidence.schema.json', 'schemas/meta.schema.json', 'schemas/tools.schema.json', 'readme.md', 'changelog.md', 'LICENSE.txt', 'package.json'];

function entriesOf(vsix) {
  const yauzl = require('yauzl'); // vsce's own zip reader
  return new Promise((resolve, reject) => {
    yauzl.open(vsix, { lazyEntries: true }, (err, zip) => {
      if (err) return reject(err);
      const names = [];
      zip.on('entry', (e) => { names.push(e.fileName); zip.readEntry(); });
      zip.on('end', () => resolve(names));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

export async function buildPackage(out) {
  const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  const vsix = path.resolve(out ?? path.join(ROOT, `${manifest.name}-${manifest.version}.vsix`));
  const build = spawnSync(process.execPath, ['esbuild.js', '--production'], { cwd: ROOT, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('the production build failed');
  const { createVSIX } = require('@vscode/vsce');
  await createVSIX({ cwd: ROOT, packagePath: vsix, dependencies: false, allowMissingRepository: false });

  const problems = [];
  const names = await entriesOf(vsix);
  const files = names.filter((n) => n.startsWith('extension/') && !n.endsWith('/')).map((n) => n.slice('extension/'.length));
  for (const f of files) if (!ALLOWED.some((re) => re.test(f))) problems.push(`does not belong in the package: ${f}`);
  for (const f of REQUIRED) if (!files.includes(f)) problems.push(`missing from the package: ${f}`);
  if (files.some((f) => f.endsWith('.map'))) problems.push('source maps are in the package');
  for (const f of ['dist/extension.js', 'dist/cli.js']) {
    const text = readFileSync(path.join(ROOT, f), 'utf8');
    if (/sourceMappingURL/.test(text)) problems.push(`${f} refers to a source map`);
    // A minified bundle has long lines (the few line breaks left are inside template strings).
    const lines = text.split('\n').length;
    if (text.length / lines < 1000) problems.push(`${f} is not minified (${lines} lines, ${Math.round(text.length / lines)} characters a line)`);
  }
  const size = statSync(vsix).size;
  if (size > MAX_VSIX_BYTES) problems.push(`the package is ${size} bytes, over the ${MAX_VSIX_BYTES}-byte limit`);
  for (const key of ['publisher', 'icon', 'categories', 'keywords', 'repository', 'license', 'displayName', 'description']) {
    if (!manifest[key] || (Array.isArray(manifest[key]) && manifest[key].length === 0)) problems.push(`package.json has no ${key}`);
  }
  const typesVscode = JSON.parse(readFileSync(path.join(ROOT, 'node_modules/@types/vscode/package.json'), 'utf8')).version;
  if (manifest.engines?.vscode !== `^${typesVscode}`) problems.push(`engines.vscode (${manifest.engines?.vscode}) does not match @types/vscode ${typesVscode}`);
  return { vsix, size, files, problems };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const i = process.argv.indexOf('--out');
  try {
    const r = await buildPackage(i > 0 ? process.argv[i + 1] : undefined);
    console.log(`${path.relative(process.cwd(), r.vsix)}: ${r.size} bytes (${(r.size / 1024).toFixed(0)} KiB), ${r.files.length} files`);
    for (const f of r.files) console.log(`  ${f}`);
    for (const p of r.problems) console.error(`✘ ${p}`);
    process.exit(r.problems.length ? 1 : 0);
  } catch (e) {
    console.error(`packaging failed: ${e?.message ?? e}`);
    process.exit(1);
  }
}
