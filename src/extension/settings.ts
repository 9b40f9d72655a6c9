// Typed access to the extension's settings (one place for names and defaults).
import * as vscode from 'vscode';
import { DEFAULT_PROGRESS_FILE, ProgressSettings, ProgressSettingsError, resolveProgressSettings } from '../core/progress';

export function targetLevel(): number {
  const v = vscode.workspace.getConfiguration('dsomm').get<number>('targetLevel', 1);
  return Number.isInteger(v) && v >= 1 && v <= 5 ? v : 1;
}

/**
 * The progress store's settings for a workspace folder: `dsomm.progressFile`, `dsomm.team`
 * (default: the folder's name) and `dsomm.progressStates`. Throws ProgressSettingsError.
 */
export function progressSettingsFor(folder: vscode.WorkspaceFolder): ProgressSettings {
  const config = vscode.workspace.getConfiguration('dsomm', folder.uri);
  const file = config.get<string>('progressFile', DEFAULT_PROGRESS_FILE).trim().replace(/\\/g, '/');
  if (file.startsWith('/') || /^[A-Za-z]:/.test(file) || file.split('/').includes('..')) {
    throw new ProgressSettingsError(`dsomm.progressFile must be a path inside the workspace folder (got "${file}")`);
  }
  const team = config.get<string>('team', '').trim() || folder.name;
  const states = config.get<{ name: string; score: number | string }[]>('progressStates');
  return resolveProgressSettings({ file, team, states: Array.isArray(states) && states.length ? states : undefined });
}

/** Whether DSOMM diagnostics are shown (`dsomm.diagnostics.enabled`). */
export function diagnosticsEnabled(): boolean {
  return vscode.workspace.getConfiguration('dsomm').get<boolean>('diagnostics.enabled', true) !== false;
}

const SEVERITIES = ['error', 'warning', 'information', 'hint'] as const;

/** Severity of missing-activity diagnostics (`dsomm.diagnostics.severity`); weak controls keep their own. */
export function diagnosticsSeverity(): (typeof SEVERITIES)[number] {
  const v = vscode.workspace.getConfiguration('dsomm').get<string>('diagnostics.severity', 'information');
  return (SEVERITIES as readonly string[]).includes(v) ? (v as (typeof SEVERITIES)[number]) : 'information';
}
