// Quick fixes on DSOMM diagnostics, as the core's lightbulbMenu orders them: the fixes first (each
// once, computed lazily when VS Code resolves the action), then ONE "DSOMM: more actions…" entry
// whose pick list holds the fixes that did not fit, the `dsomm-ignore` comment, "Mark not
// applicable…" and "Open activity details" of each diagnostic (of each activity of a summary).
import * as vscode from 'vscode';
import { fixesFor, GUIDANCE_COMMANDS, lightbulbMenu, MenuItem, MORE_ACTIONS_TITLE } from '../../core/guidance';
import { AssessmentService } from '../assessmentService';
import { FixApplier, FixRequest } from './applyFix';
import { GuidanceDiagnostics } from './diagnostics';
import { FixCatalogueSource } from './shared';

/** Runs after a fix action's edit: reports what was inserted (or applies it, when VS Code did not resolve the action). */
export const FIX_APPLIED_COMMAND = 'dsomm.guidance.fixApplied';
/** Opens the pick list of the "more actions" entry. Args: [MoreActions]. */
export const MORE_ACTIONS_COMMAND = 'dsomm.guidance.moreActions';
/** Runs one entry of that pick list. Args: [MoreActions, index of the entry]. */
export const RUN_MENU_ITEM_COMMAND = 'dsomm.guidance.runMenuItem';

/** What the "more actions" entry carries: the items, and where their ignore comments go. */
export interface MoreActions {
  folder: vscode.WorkspaceFolder;
  uri: vscode.Uri;
  items: MenuItem[];
  /** Per ignore item (by index): the document line (0-based, as the editor shows it now) its diagnostic is on. */
  lines: Record<number, number>;
}

class FixAction extends vscode.CodeAction {
  constructor(readonly request: FixRequest) {
    super(request.option.title, vscode.CodeActionKind.QuickFix);
    this.isPreferred = !!request.option.preferred;
    this.command = { command: FIX_APPLIED_COMMAND, title: request.option.title, arguments: [request] };
  }
}

const SLASH_COMMENT_LANGUAGES = new Set(['groovy', 'jenkinsfile']);

export class GuidanceCodeActions implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] };

  constructor(
    private readonly assessment: AssessmentService,
    private readonly fixes: FixCatalogueSource,
    private readonly diagnostics: GuidanceDiagnostics,
    private readonly applier: FixApplier,
  ) {}

  async provideCodeActions(doc: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext, token: vscode.CancellationToken): Promise<vscode.CodeAction[]> {
    if (context.only && !vscode.CodeActionKind.QuickFix.intersects(context.only)) return [];
    const ours = context.diagnostics.filter((d) => d.source === 'DSOMM');
    if (!ours.length) return [];
    const da = await this.assessment.resultFor(doc.uri);
    if (!da || token.isCancellationRequested) return [];
    const catalogue = await this.fixes.get();
    const offers = [];
    const shownOf = new Map<object, { diagnostic: vscode.Diagnostic; folder: vscode.WorkspaceFolder }>();
    for (const d of ours) {
      const shown = this.diagnostics.find(doc.uri, d);
      if (!shown) continue;
      const g = shown.guidance;
      shownOf.set(g, { diagnostic: d, folder: shown.folder });
      offers.push({ diagnostic: g, fixes: fixesFor(catalogue, da.result, da.index.get(g.path), g, da.index.all()) });
    }
    if (!offers.length) return [];
    const menu = lightbulbMenu(offers);
    const actions: vscode.CodeAction[] = menu.fixes.map((f) => {
      const { diagnostic, folder } = shownOf.get(f.diagnostic)!;
      const action = new FixAction({ folder, option: f.option, at: f.diagnostic.loc });
      action.diagnostics = [diagnostic];
      return action;
    });
    if (menu.more.length) {
      const first = shownOf.get(offers[0].diagnostic)!;
      const lines: Record<number, number> = {};
      menu.more.forEach((item, i) => {
        if (item.kind === 'ignore') lines[i] = shownOf.get(item.diagnostic)!.diagnostic.range.start.line;
      });
      const more = new vscode.CodeAction(MORE_ACTIONS_TITLE, vscode.CodeActionKind.QuickFix);
      more.diagnostics = ours;
      const args: MoreActions = { folder: first.folder, uri: doc.uri, items: menu.more, lines };
      more.command = { command: MORE_ACTIONS_COMMAND, title: MORE_ACTIONS_TITLE, arguments: [args] };
      actions.push(more);
    }
    return actions;
  }

  async resolveCodeAction(action: vscode.CodeAction): Promise<vscode.CodeAction> {
    if (!(action instanceof FixAction)) return action;
    const result = await this.applier.compute(action.request);
    action.request.result = result;
    // No edit when the fix cannot be placed: the command then says why and offers the snippet.
    action.edit = this.applier.toWorkspaceEdit(action.request.folder, result);
    return action;
  }
}

/** The pick list behind "DSOMM: more actions…", grouped by diagnostic or activity. */
export async function pickMoreAction(more: MoreActions, applier: FixApplier): Promise<void> {
  type Pick = vscode.QuickPickItem & { index?: number };
  const picks: Pick[] = [];
  let group: string | undefined;
  more.items.forEach((item, index) => {
    if (item.group !== group) {
      group = item.group;
      picks.push({ label: group, kind: vscode.QuickPickItemKind.Separator });
    }
    picks.push({ label: item.label, index });
  });
  const chosen = await vscode.window.showQuickPick(picks, { title: 'DSOMM', placeHolder: 'More actions on this line', matchOnDescription: true });
  if (chosen?.index !== undefined) await runMenuItem(more, chosen.index, applier);
}

/** Runs entry `index` of a "more actions" list. */
export async function runMenuItem(more: MoreActions, index: number, applier: FixApplier): Promise<boolean> {
  const item = more.items[index];
  if (!item) return false;
  switch (item.kind) {
    case 'fix':
      return applier.apply({ folder: more.folder, option: item.option, at: item.diagnostic.loc });
    case 'not-applicable':
      await vscode.commands.executeCommand(GUIDANCE_COMMANDS.markNotApplicable, { uuid: item.uuid });
      return true;
    case 'details':
      await vscode.commands.executeCommand(GUIDANCE_COMMANDS.openActivity, { uuid: item.uuid });
      return true;
    case 'ignore': {
      const doc = await vscode.workspace.openTextDocument(more.uri);
      const line = doc.lineAt(Math.min(more.lines[index] ?? item.diagnostic.range.start.line, doc.lineCount - 1));
      const indent = line.text.slice(0, line.firstNonWhitespaceCharacterIndex);
      const marker = SLASH_COMMENT_LANGUAGES.has(doc.languageId) || /(^|\/)Jenkinsfile[^/]*$|\.jenkinsfile$/i.test(doc.uri.path) ? '//' : '#';
      const eol = doc.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n';
      const edit = new vscode.WorkspaceEdit();
      edit.insert(doc.uri, new vscode.Position(line.lineNumber, 0), `${indent}${marker} dsomm-ignore ${item.ids.join(', ')}: ${item.note ? `${item.note}: ` : ''}reason${eol}`);
      return vscode.workspace.applyEdit(edit);
    }
  }
}
