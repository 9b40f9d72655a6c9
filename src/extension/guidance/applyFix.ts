// Turns a fix option (fixesFor) into an edit of the workspace: computed by the core from the
// file's current text (computeFix), applied as text edits or a new file, then shown to the user.
import * as vscode from 'vscode';
import { computeFix, FixOption, FixResult } from '../../core/guidance';
import { FileKind, Loc } from '../../core/scan/types';
import { AssessmentService } from '../assessmentService';
import { GuidanceDiagnostics } from './diagnostics';
import { currentText, FixCatalogueSource, openDocument, toRange, uriOf } from './shared';

export interface FixRequest {
  folder: vscode.WorkspaceFolder;
  option: FixOption;
  /** The diagnostic's place in the saved file (1-based Loc): spot fixes edit only there. */
  at?: Loc;
  /** Set once computed (a code action's resolve), so that its command can report on it. */
  result?: FixResult;
}

function countLines(text: string): number {
  return text.split('\n').length - 1;
}

export class FixApplier {
  constructor(
    private readonly assessment: AssessmentService,
    private readonly fixes: FixCatalogueSource,
    private readonly diagnostics: GuidanceDiagnostics,
  ) {}

  /** The fix as edits of the file's current text (an open buffer counts, saved or not). */
  async compute(req: FixRequest): Promise<FixResult> {
    const { folder, option } = req;
    const da = await this.assessment.resultFor(folder.uri);
    if (!da) return { kind: 'cannot-place', path: option.path, title: option.title, reason: 'the workspace has not been assessed yet' };
    const catalogue = await this.fixes.get();
    const files = da.index.all();
    if (option.kind === 'create') return computeFix(catalogue, option.templateId, undefined, '', { files });
    const uri = uriOf(folder, option.path);
    const text = await currentText(folder, option.path, da.index);
    if (text === undefined) return { kind: 'cannot-place', path: option.path, title: option.title, reason: `${option.path} could not be read` };
    const entry = da.index.get(option.path);
    const doc = openDocument(uri);
    const lines = doc && entry ? this.diagnostics.linesOf(doc, entry) : undefined;
    // Edited since the scan: the diagnostic's lines are elsewhere in the buffer now.
    const moved = (loc: Loc): Loc | undefined => {
      if (!lines) return loc;
      const line = lines.toBuffer(loc.line - 1);
      return line < 0 ? undefined : { ...loc, line: line + 1, endLine: loc.endLine - loc.line + line + 1 };
    };
    const at = req.at && moved(req.at);
    const places = option.places?.map(moved).filter((l): l is Loc => !!l);
    if (places && !places.length) return { kind: 'cannot-place', path: option.path, title: option.title, reason: 'the lines it was for were deleted; save the file to see what is left' };
    return computeFix(catalogue, option.templateId, entry ?? { path: option.path, kind: option.dialect as FileKind }, text, { files, at, ...(places ? { places } : {}) });
  }

  toWorkspaceEdit(folder: vscode.WorkspaceFolder, r: FixResult): vscode.WorkspaceEdit | undefined {
    const edit = new vscode.WorkspaceEdit();
    const uri = uriOf(folder, r.path);
    if (r.kind === 'edits') for (const e of r.edits) edit.replace(uri, toRange(e.range), e.newText);
    else if (r.kind === 'create-file') edit.createFile(uri, { ignoreIfExists: true, contents: new TextEncoder().encode(r.content) });
    else return undefined;
    return edit;
  }

  /** Computes, applies and shows a fix (the Command Palette path, and code actions that were not resolved). */
  async apply(req: FixRequest): Promise<boolean> {
    const r = await this.compute(req);
    const edit = this.toWorkspaceEdit(req.folder, r);
    if (edit && !(await vscode.workspace.applyEdit(edit))) {
      void vscode.window.showErrorMessage(`DSOMM: "${r.title}" could not be applied to ${r.path}.`);
      return false;
    }
    await this.show(req.folder, r);
    return r.kind !== 'cannot-place';
  }

  /** After a fix: the inserted text in an editor, the notes the user must act on, or why nothing was inserted. */
  async show(folder: vscode.WorkspaceFolder, r: FixResult): Promise<void> {
    const uri = uriOf(folder, r.path);
    if (r.kind === 'cannot-place') {
      const copy = 'Copy Snippet';
      const choice = await vscode.window.showWarningMessage(
        `DSOMM: "${r.title}" was not inserted in ${r.path}: ${r.reason}`,
        ...(r.snippet ? [copy] : []),
      );
      if (choice === copy && r.snippet) await vscode.env.clipboard.writeText(r.snippet);
      return;
    }
    let selection: vscode.Range | undefined;
    if (r.kind === 'edits' && r.edits.length) {
      // Edits are in document order; the inserted block starts at the first one.
      const first = [...r.edits].sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character)[0];
      const lead = first.newText.match(/^(\r?\n)*/)?.[0].split('\n').length ?? 1;
      const start = first.range.start.line + lead - 1;
      selection = new vscode.Range(start, 0, start + Math.max(0, countLines(first.newText.trim())), 0);
    }
    const editor = await vscode.window.showTextDocument(uri, { preview: false, preserveFocus: false });
    if (selection) {
      const range = editor.document.validateRange(selection);
      editor.selection = new vscode.Selection(range.start, range.start);
      editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    }
    if (r.notes.length) void vscode.window.showInformationMessage(`DSOMM: ${r.notes.join(' ')}`);
  }
}
