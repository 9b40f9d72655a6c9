// The walkthrough's first step, "Open the maturity view", completes once the view was open.
//
// Its `onView` completion event is not enough: VS Code creates the walkthrough service lazily
// (when the Welcome page is first used) and counts view events only from then on, so a view that
// was restored at start-up or opened before the user looked at the walkthrough never ticks the
// step. The workbench command `welcome.markStepComplete` records the step as done in the
// walkthrough's own storage (creating the service if needed), whenever the view becomes visible.
import * as vscode from 'vscode';
import { log } from './log';

/** The walkthrough and its first step, as package.json contributes them. */
export const WALKTHROUGH_ID = 'dsomm.getStarted';
export const OPEN_VIEW_STEP_ID = 'openView';

/** VS Code's id of a walkthrough step of an extension: `publisher.name#walkthrough#step`. */
export function walkthroughStepId(extensionId: string, step: string): string {
  return `${extensionId}#${WALKTHROUGH_ID}#${step}`;
}

export function completeOpenViewStep(view: vscode.TreeView<unknown>, extensionId: string): vscode.Disposable {
  let recorded = false;
  const record = () => {
    if (recorded) return;
    recorded = true;
    vscode.commands.executeCommand('welcome.markStepComplete', walkthroughStepId(extensionId, OPEN_VIEW_STEP_ID)).then(undefined, (e: unknown) => {
      // The service stores the step before it looks it up; a failure here is worth a retry on the next opening.
      recorded = false;
      log(`Walkthrough step "${OPEN_VIEW_STEP_ID}" not recorded: ${(e as Error)?.message ?? e}`);
    });
  };
  if (view.visible) record();
  return view.onDidChangeVisibility((e) => {
    if (e.visible) record();
  });
}
