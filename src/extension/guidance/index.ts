// In-editor guidance, wired into VS Code: hovers, the "DSOMM" diagnostics, quick fixes and the
// dsomm.insertFix command. The logic (what to say, what to insert) lives in src/core/guidance.
import * as vscode from 'vscode';
import { AssessmentService } from '../assessmentService';
import { FixApplier, FixRequest } from './applyFix';
import { FIX_APPLIED_COMMAND, GuidanceCodeActions, MORE_ACTIONS_COMMAND, MoreActions, pickMoreAction, RUN_MENU_ITEM_COMMAND, runMenuItem } from './codeActions';
import { GuidanceDiagnostics } from './diagnostics';
import { GuidanceHoverProvider } from './hover';
import { registerInsertFix } from './insertFix';
import { FixCatalogueSource, GUIDANCE_SELECTOR } from './shared';

export interface Guidance {
  diagnostics: GuidanceDiagnostics;
}

export function registerGuidance(context: vscode.ExtensionContext, assessment: AssessmentService): Guidance {
  const fixes = new FixCatalogueSource(context.extensionUri);
  const diagnostics = new GuidanceDiagnostics(assessment, fixes);
  const applier = new FixApplier(assessment, fixes, diagnostics);
  context.subscriptions.push(
    diagnostics,
    vscode.languages.registerHoverProvider(GUIDANCE_SELECTOR, new GuidanceHoverProvider(assessment, diagnostics, fixes)),
    vscode.languages.registerCodeActionsProvider(GUIDANCE_SELECTOR, new GuidanceCodeActions(assessment, fixes, diagnostics, applier), GuidanceCodeActions.metadata),
    vscode.commands.registerCommand(FIX_APPLIED_COMMAND, async (req: FixRequest) => {
      // VS Code applied the resolved edit already; without a resolve, apply it now.
      if (req.result) await applier.show(req.folder, req.result);
      else await applier.apply(req);
    }),
    vscode.commands.registerCommand(MORE_ACTIONS_COMMAND, (more: MoreActions) => pickMoreAction(more, applier)),
    vscode.commands.registerCommand(RUN_MENU_ITEM_COMMAND, (more: MoreActions, index: number) => runMenuItem(more, index, applier)),
    registerInsertFix(assessment, fixes, applier),
  );
  return { diagnostics };
}
