// `npm start`: a demo of the extension in a real VS Code in your browser.
//
// Builds the extension, installs code-server if needed, and serves VS Code on 127.0.0.1 with the
// extension loaded from this source tree, on a temp copy of test/fixtures/demo-workspace (the fixture
// itself stays clean). Runs until Ctrl-C, then removes the copy and stops code-server.
//
//   PORT=8080 (default) | PORT=0 for a random free port
//   node scripts/start.mjs --watch     also rebuild on change (then run "Developer: Reload Window")
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { isCodeServerInstalled, startCodeServer, workbenchUrl } from './code-server.mjs';
import { copyDemoWorkspace, makeTempDir, onSignal, ROOT } from './harness.mjs';

const port = Number(process.env.PORT ?? 8080);
const watch = process.argv.includes('--watch');
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`PORT=${process.env.PORT} is not a port number`);
  process.exit(2);
}

const build = spawnSync(process.execPath, ['esbuild.js'], { cwd: ROOT, stdio: 'inherit' });
if (build.status !== 0) { process.exit(build.status ?? 1); }

if (!isCodeServerInstalled()) {
  console.log('code-server is not installed yet; installing (a few minutes, once)');
  const install = spawnSync('bash', [path.join(ROOT, 'scripts', 'install-code-server.sh')], { cwd: ROOT, stdio: 'inherit' });
  if (install.status !== 0 || !isCodeServerInstalled()) {
    console.error('installing code-server failed');
    process.exit(1);
  }
}

const tmp = makeTempDir('start');
const workspace = copyDemoWorkspace(tmp.dir);
let server;
let watcher;
let stopping = false;
const shutdown = async () => {
  stopping = true;
  console.log('\nstopping…');
  watcher?.kill('SIGTERM');
  await server?.stop();
  tmp.cleanup();
};
onSignal(shutdown);

try {
  server = await startCodeServer({ dataDir: tmp.dir, port, onLog: s => { if (process.env.VERBOSE) { process.stdout.write(s); } } });
} catch (e) {
  tmp.cleanup();
  const inUse = /EADDRINUSE/.test(String(e.message));
  console.error(inUse ? `port ${port} is already in use; try PORT=0 npm start (random port) or PORT=<n>` : e.message);
  process.exit(1);
}
server.proc.once('exit', code => {
  if (stopping) { return; }
  console.error(`code-server exited (code ${code})`);
  tmp.cleanup();
  process.exit(1);
});

if (watch) {
  watcher = spawn(process.execPath, ['esbuild.js', '--watch'], { cwd: ROOT, stdio: 'inherit' });
}

const url = workbenchUrl({ ...server, folder: workspace, extensionDevelopmentPath: ROOT });
console.log(`
DSOMM demo is running: VS Code (code-server) with the extension from ${ROOT}
workspace (a temp copy): ${workspace}

Open this URL in a browser (use it as is: the extension path in it names 127.0.0.1):

  ${url}

Then click the "DSOMM" icon in the activity bar.
${watch ? 'esbuild is watching; after a change run "Developer: Reload Window" (F1).\n' : ''}Press Ctrl-C to stop.`);
