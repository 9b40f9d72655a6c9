// Without the view open, the status bar needs a result: shortly after start-up the first folder is
// assessed in the background, in a workspace that holds files the extension reads.
import * as vscode from 'vscode';
import { workspaceContainsGlob } from '../core/activation';
import { log } from './log';

/**
 * Does the workspace hold a file of the `workspaceContains:` activation events? VS Code's own search
 * for them gives up after 7 s (a big repository, a busy machine) and then does not start the
 * extension at all; `onStartupFinished` starts it anyway, and this search runs to its end.
 */
async function holdsFilesToAssess(activationEvents: readonly string[]): Promise<boolean> {
  const glob = workspaceContainsGlob(activationEvents);
  if (!glob) return false;
  return (await vscode.workspace.findFiles(glob, undefined, 1)).length > 0;
}

/**
 * Starts the first folder's assessment after `delayMs` (the view, when open, asks for it at once)
 * if the workspace holds files to assess. The search starts now; it runs outside the extension host.
 */
export function scheduleWarmUp(start: () => unknown, activationEvents: readonly string[], delayMs: number): vscode.Disposable {
  let disposed = false;
  const relevant = holdsFilesToAssess(activationEvents).catch((e: unknown) => {
    log(`The search for pipeline and container files failed (${(e as Error).message}); assessing anyway`);
    return true;
  });
  const timer = setTimeout(() => {
    void relevant.then((yes) => {
      if (yes && !disposed) start();
    });
  }, delayMs);
  return {
    dispose: () => {
      disposed = true;
      clearTimeout(timer);
    },
  };
}
