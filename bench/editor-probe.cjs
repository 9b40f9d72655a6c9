// Bench probe for scripts/bench-editor.mjs. The bench loads it into the extension host as the
// "extension tests" module (the web workbench loads one development extension, DSOMM; a tests
// module runs next to it and the workbench stays fully usable). run() never resolves: the bench
// closes the window. It appends one JSON object per line to $DSOMM_BENCH_EVENTS, each with an
// epoch time stamp `t` (ms, sub-ms precision) that the bench compares with its own clock:
//   { ev: 'dsomm-active', activationMs }      DSOMM's own activate() time (DsommApi.activationMs)
//   { ev: 'save', path }                      onDidSaveTextDocument
//   { ev: 'assessment' }                      DSOMM's AssessmentService.onDidChange
//   { ev: 'diagnostics', path, dsomm, all }   onDidChangeDiagnostics for a file (DSOMM-sourced count)
//   { ev: 'memory', rss, heapUsed }           the extension host's process.memoryUsage(), every second
// It never activates DSOMM itself: it waits until VS Code does, as for a user.
const fs = require('fs');
const vscode = require('vscode');

const DSOMM_ID = 'dsomm-vscode.dsomm-vscode';
const now = () => performance.timeOrigin + performance.now();
const isDsomm = (d) => /dsomm/i.test(String(d.source ?? ''));

function run() {
  const file = process.env.DSOMM_BENCH_EVENTS;
  if (!file) return Promise.reject(new Error('DSOMM_BENCH_EVENTS is not set'));
  const emit = (ev, data = {}) => fs.appendFileSync(file, JSON.stringify({ ev, t: now(), ...data }) + '\n');
  const rel = (uri) => vscode.workspace.asRelativePath(uri, false);
  emit('probe-ready');

  setInterval(() => {
    const m = process.memoryUsage();
    emit('memory', { rss: m.rss, heapUsed: m.heapUsed });
  }, 1000);
  vscode.workspace.onDidSaveTextDocument((doc) => emit('save', { path: rel(doc.uri) }));
  vscode.languages.onDidChangeDiagnostics((e) => {
    for (const uri of e.uris) {
      if (uri.scheme !== 'file') continue;
      const all = vscode.languages.getDiagnostics(uri);
      emit('diagnostics', { path: rel(uri), dsomm: all.filter(isDsomm).length, all: all.length });
    }
  });

  const hook = () => {
    const ext = vscode.extensions.getExtension(DSOMM_ID);
    if (!ext?.isActive) return false;
    const api = ext.exports;
    emit('dsomm-active', { activationMs: api?.activationMs });
    api?.assessment?.onDidChange?.(() => emit('assessment'));
    return true;
  };
  if (!hook()) {
    const poll = setInterval(() => hook() && clearInterval(poll), 20);
  }
  return new Promise(() => {});
}

module.exports = { run };
