// Bundles the extension (loaded by VS Code) and the `dsomm` CLI (run by node) into dist/.
//   node esbuild.js               development build with source maps
//   node esbuild.js --production  minified, no source maps (what the .vsix ships)
//   node esbuild.js --watch       rebuild on change
//   node esbuild.js --bench       only the engine bundle for the benchmark (bench/out/engine.cjs)
const esbuild = require('esbuild');

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

async function main() {
  if (bench) {
    await esbuild.build(benchTarget);
    return;
  }
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
