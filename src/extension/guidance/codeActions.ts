// Quick fixes on DSOMM diagnostics: the core's fix options (inserted controls, hardening edits,
// files to create), computed lazily when VS Code resolves the action; plus, on every diagnostic,
// a `dsomm-ignore` comment, "Mark not applicable…" and "Open activity details".
import * as vscode from 'vscode';
import { fixesFor, GUIDANCE_COMMANDS } from '../../core/guidance';
import { AssessmentService } from '../assessmentService';
import { FixApplier, FixRequest } from './applyFix';
import { GuidanceDiagnostics, ShownDiagnostic } from './diagnostics';
import { FixCatalogueSource } from './shared';

/** Runs after a fix action's edit: reports what was inserted (or applies it, when VS Code did not resolve the action). */
export const FIX_APPLIED_COMMAND = 'dsomm.guidance.fixApplied';

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
    const fixActions: vscode.CodeAction[] = [];
    const otherActions: vscode.CodeAction[] = [];
    for (const d of ours) {
      const shown = this.diagnostics.find(doc.uri, d);
      if (!shown) continue;
      const g = shown.guidance;
      for (const option of fixesFor(catalogue, da.result, da.index.get(g.path), g, da.index.all())) {
        const action = new FixAction({ folder: shown.folder, option, at: g.loc });
        action.diagnostics = [d];
        fixActions.push(action);
      }
      otherActions.push(...this.secondaryActions(doc, d, shown));
    }
    // Fixes first (the preferred one leads), then the per-diagnostic actions.
    fixActions.sort((a, b) => Number(!!b.isPreferred) - Number(!!a.isPreferred));
    return [...fixActions, ...otherActions];
  }

  async resolveCodeAction(action: vscode.CodeAction): Promise<vscode.CodeAction> {
    if (!(action instanceof FixAction)) return action;
    const result = await this.applier.compute(action.request);
    action.request.result = result;
    // No edit when the fix cannot be placed: the command then says why and offers the snippet.
    action.edit = this.applier.toWorkspaceEdit(action.request.folder, result);
    return action;
  }

  private secondaryActions(doc: vscode.TextDocument, d: vscode.Diagnostic, shown: ShownDiagnostic): vscode.CodeAction[] {
    const g = shown.guidance;
    const out: vscode.CodeAction[] = [];
    const id = g.code.value;
    const ignore = new vscode.CodeAction(`Ignore "${id}" here (dsomm-ignore comment)`, vscode.CodeActionKind.QuickFix);
    ignore.diagnostics = [d];
    const line = doc.lineAt(Math.min(d.range.start.line, doc.lineCount - 1));
    const indent = line.text.slice(0, line.firstNonWhitespaceCharacterIndex);
    const marker = SLASH_COMMENT_LANGUAGES.has(doc.languageId) || /(^|\/)Jenkinsfile[^/]*$|\.jenkinsfile$/i.test(doc.uri.path) ? '//' : '#';
    const eol = doc.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n';
    ignore.edit = new vscode.WorkspaceEdit();
    ignore.edit.insert(doc.uri, new vscode.Position(line.lineNumber, 0), `${indent}${marker} dsomm-ignore ${id}: reason${eol}`);
    out.push(ignore);
    const uuid = g.data.activity;
    if (uuid) {
      const name = g.data.activityName ?? 'the activity';
      const na = new vscode.CodeAction(`Mark "${name}" not applicable…`, vscode.CodeActionKind.QuickFix);
      na.diagnostics = [d];
      na.command = { command: GUIDANCE_COMMANDS.markNotApplicable, title: na.title, arguments: [{ uuid }] };
      const open = new vscode.CodeAction(`Open activity details: ${name}`, vscode.CodeActionKind.QuickFix);
      open.diagnostics = [d];
      open.command = { command: GUIDANCE_COMMANDS.openActivity, title: open.title, arguments: [{ uuid }] };
      out.push(na, open);
    }
    return out;
  }
}
