// One output channel ("DSOMM") for everything the extension wants the user to be able to read later.
import * as vscode from 'vscode';

let channel: vscode.OutputChannel | undefined;

export function outputChannel(): vscode.OutputChannel {
  channel ??= vscode.window.createOutputChannel('DSOMM');
  return channel;
}

export function log(message: string): void {
  outputChannel().appendLine(`[${new Date().toISOString().slice(11, 19)}] ${message}`);
}
