// Configuration the extension could not use in full: the model file (`dsomm.modelFile`) that does not
// load or loads with skipped activities, the team's `.dsomm/tools.yaml` that does not load, the
// bundled detection rules. A notification says it once per change; this keeps it in view until it
// is fixed: a diagnostic at the file's line in the Problems panel, and a warning in the status bar.
import * as vscode from 'vscode';
import { InputProblem } from '../core/reports/inputProblems';

export interface ConfigProblem {
  /** The file the problem is in (undefined: the extension's own data, no file to point at). */
  uri?: vscode.Uri;
  line?: number;
  severity: 'error' | 'warning';
  /** One sentence that says what is not used, e.g. "the declared blocks and commands are not used until it is fixed". */
  message: string;
}

/** The source each problem comes from ('model', `tools:<folder uri>`, 'detection'): set replaces, never merges. */
class ConfigProblems implements vscode.Disposable {
  private readonly bySource = new Map<string, ConfigProblem[]>();
  private diagnostics: vscode.DiagnosticCollection | undefined;
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;

  set(source: string, problems: ConfigProblem[]): void {
    const before = JSON.stringify(this.bySource.get(source) ?? []);
    if (problems.length) this.bySource.set(source, problems);
    else this.bySource.delete(source);
    if (JSON.stringify(problems) === before) return;
    this.publish();
    this.changed.fire();
  }

  all(): ConfigProblem[] {
    return [...this.bySource.values()].flat();
  }

  /**
   * The problems that bear on one folder's assessment (the model and detection rules, and that
   * folder's tools file), as the reports list them: paths relative to the folder where they can be.
   */
  forReport(folder: vscode.WorkspaceFolder): InputProblem[] {
    const own = [...this.bySource].filter(([source]) => !source.startsWith('tools:') || source === `tools:${folder.uri.toString()}`);
    return own.flatMap(([, list]) =>
      list.map((p) => ({
        path: p.uri ? reportPath(folder, p.uri) : 'model/probes.yaml, model/rules.yaml (bundled)',
        ...(p.line ? { line: p.line } : {}),
        severity: p.severity,
        message: p.message,
      })),
    );
  }

  private publish(): void {
    this.diagnostics ??= vscode.languages.createDiagnosticCollection('dsomm-config');
    const byUri = new Map<string, { uri: vscode.Uri; list: vscode.Diagnostic[] }>();
    for (const p of this.all()) {
      if (!p.uri) continue;
      const line = Math.max(0, (p.line ?? 1) - 1);
      const d = new vscode.Diagnostic(new vscode.Range(line, 0, line, Number.MAX_SAFE_INTEGER), p.message, p.severity === 'error' ? vscode.DiagnosticSeverity.Error : vscode.DiagnosticSeverity.Warning);
      d.source = 'DSOMM';
      const key = p.uri.toString();
      (byUri.get(key) ?? byUri.set(key, { uri: p.uri, list: [] }).get(key)!).list.push(d);
    }
    this.diagnostics.clear();
    for (const { uri, list } of byUri.values()) this.diagnostics.set(uri, list);
  }

  dispose(): void {
    this.diagnostics?.dispose();
    this.diagnostics = undefined;
    this.bySource.clear();
    this.changed.dispose();
  }
}

function reportPath(folder: vscode.WorkspaceFolder, uri: vscode.Uri): string {
  const base = folder.uri.path.endsWith('/') ? folder.uri.path : `${folder.uri.path}/`;
  if (uri.scheme === folder.uri.scheme && uri.authority === folder.uri.authority && uri.path.startsWith(base)) return uri.path.slice(base.length);
  return uri.scheme === 'file' ? uri.fsPath : uri.toString(true);
}

/** One registry for the extension's lifetime (activate() disposes it with the other subscriptions). */
export const configProblems = new ConfigProblems();
