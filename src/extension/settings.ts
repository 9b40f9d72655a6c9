// Typed access to the extension's settings (one place for names and defaults).
import * as vscode from 'vscode';

export function targetLevel(): number {
  const v = vscode.workspace.getConfiguration('dsomm').get<number>('targetLevel', 1);
  return Number.isInteger(v) && v >= 1 && v <= 5 ? v : 1;
}
