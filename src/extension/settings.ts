// Typed access to the extension's settings (one place for names and defaults).
import * as vscode from 'vscode';

export function targetLevel(): number {
  const v = vscode.workspace.getConfiguration('dsomm').get<number>('targetLevel', 1);
  return Number.isInteger(v) && v >= 1 && v <= 5 ? v : 1;
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
