// One output channel ("DSOMM") for everything the extension wants the user to be able to read later.
import * as vscode from 'vscode';

let channel: vscode.OutputChannel | undefined;

export function outputChannel(): vscode.OutputChannel {
  channel ??= vscode.window.createOutputChannel('DSOMM');
  return channel;
}

/** Appends a line with a millisecond UTC time stamp (npm run bench:editor reads them). */
export function log(message: string): void {
  outputChannel().appendLine(`[${new Date().toISOString().slice(11, 23)}] ${message}`);
}
