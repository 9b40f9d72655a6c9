// Bundles the extension (loaded by VS Code) and the `dsomm` CLI (run by node) into dist/.
//   node esbuild.js               development build with source maps
//   node esbuild.js --production  minified, no source maps (what the .vsix ships)
//   node esbuild.js --watch       rebuild on change
//   node esbuild.js --bench       only the engine bundle for the benchmark (bench/out/engine.cjs)
// Every build also writes dist/bundled-data.json: the bundled model and detection data, parsed
// (src/core/bundledData.ts), so the extension does not parse their YAML at first use.
const esbuild = require('esbuild');
const fs = require('fs');
const path = require('path');
const assert = require('assert');

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const bench = process.argv.includes('--bench');

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  minify: production,
  sourcemap: !production,
  sourcesContent: false,
  logLevel: 'info',
};

const targets = [
  { ...common, entryPoints: ['src/extension/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  { ...common, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
];

// bench/scan-bench.mjs loads the engine from here (not minified, so CPU profiles read well).
const benchTarget = { ...common, minify: false, sourcemap: false, logLevel: 'warning', entryPoints: ['bench/engine.ts'], outfile: 'bench/out/engine.cjs' };

/** Parses model/*.yaml with the real loaders and writes the snapshot; checks that it revives identically. */
async function writeBundledData() {
  const out = await esbuild.build({ ...common, minify: false, sourcemap: false, logLevel: 'warning', entryPoints: ['src/core/bundledData.ts'], write: false });
  const mod = { exports: {} };
  new Function('module', 'exports', 'require', out.outputFiles[0].text)(mod, mod.exports, require);
  const { BUNDLED_FILES, BUNDLED_SNAPSHOT, parseBundledData, bundledSnapshot, readBundledSnapshot } = mod.exports;
  const read = (name) => fs.readFileSync(path.join(__dirname, 'model', name), 'utf8');
  const texts = { model: read(BUNDLED_FILES.model), probes: read(BUNDLED_FILES.probes), rules: read(BUNDLED_FILES.rules) };
  const data = parseBundledData(texts);
  const json = bundledSnapshot(data);
  assert.deepStrictEqual(readBundledSnapshot(json, texts), data, 'the bundled-data snapshot does not revive to the parsed data');
  fs.mkdirSync(path.dirname(path.join(__dirname, BUNDLED_SNAPSHOT)), { recursive: true });
  fs.writeFileSync(path.join(__dirname, BUNDLED_SNAPSHOT), json);
}

async function main() {
  if (bench) {
    await esbuild.build(benchTarget);
    return;
  }
  await writeBundledData();
  if (watch) {
    const contexts = await Promise.all(targets.map((t) => esbuild.context(t)));
    await Promise.all(contexts.map((c) => c.watch()));
    return;
  }
  await Promise.all(targets.map((t) => esbuild.build(t)));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
