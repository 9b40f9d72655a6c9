// Typed access to the extension's settings (one place for names and defaults).
import * as vscode from 'vscode';
import { DEFAULT_PROGRESS_FILE, ProgressSettings, ProgressSettingsError, settingsFromConfig, WorkspaceProgressInput } from '../core/progress';

export function targetLevel(): number {
  const v = vscode.workspace.getConfiguration('dsomm').get<number>('targetLevel', 1);
  return Number.isInteger(v) && v >= 1 && v <= 5 ? v : 1;
}

/**
 * What the settings say about the team's files of a workspace folder: `dsomm.progressFile`, the
 * explicit `dsomm.team` and `dsomm.progressStates` when the user set them (otherwise the DSOMM
 * config in the workspace decides, see core/progress/workspace.ts). Throws ProgressSettingsError.
 */
export function progressInputFor(folder: vscode.WorkspaceFolder): WorkspaceProgressInput {
  const config = vscode.workspace.getConfiguration('dsomm', folder.uri);
  const file = config.get<string>('progressFile', DEFAULT_PROGRESS_FILE).trim().replace(/\\/g, '/');
  if (file.startsWith('/') || /^[A-Za-z]:/.test(file) || file.split('/').includes('..')) {
    throw new ProgressSettingsError(`dsomm.progressFile must be a path inside the workspace folder (got "${file}")`);
  }
  const team = config.get<string>('team', '').trim();
  // The default value of dsomm.progressStates is the web app's default: only a value the user set overrides the config.
  const inspected = config.inspect<{ name: string; score: number | string }[]>('progressStates');
  const set = inspected?.workspaceFolderValue ?? inspected?.workspaceValue ?? inspected?.globalValue;
  return { progressFile: file, ...(team ? { team } : {}), ...(Array.isArray(set) && set.length ? { states: set } : {}) };
}

/** The progress settings before the files are read (team from the setting only). Throws ProgressSettingsError. */
export function progressSettingsFor(folder: vscode.WorkspaceFolder): ProgressSettings {
  const input = progressInputFor(folder);
  return settingsFromConfig(input, undefined, input.team ?? '');
}

/** `dsomm.notApplicableScoring`: 'zero' scores "not applicable" 0 % like the DSOMM web app. */
export function notApplicableScoring(folder?: vscode.WorkspaceFolder): 'achieved' | 'zero' {
  return vscode.workspace.getConfiguration('dsomm', folder?.uri).get<string>('notApplicableScoring', 'achieved') === 'webApp' ? 'zero' : 'achieved';
}

/** `dsomm.recordDetectedEvidence`: after marking a detected activity done, 'ask', 'always' or 'never'. */
export function recordDetectedEvidence(folder?: vscode.WorkspaceFolder): 'ask' | 'always' | 'never' {
  const v = vscode.workspace.getConfiguration('dsomm', folder?.uri).get<string>('recordDetectedEvidence', 'ask');
  return v === 'always' || v === 'never' ? v : 'ask';
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
