// Hovers on pipeline and container files: what a step/instruction counts for, and a maturity
// summary on the file's anchor (`jobs:`, `stages:`, `pipeline {`, the first FROM). Answered from
// the cached assessment; the content and its escaping come from the core.
import * as vscode from 'vscode';
import { hoverAt, renderHoverMarkdown } from '../../core/guidance';
import { AssessmentService } from '../assessmentService';
import { log } from '../log';
import { targetLevel } from '../settings';
import { GuidanceDiagnostics } from './diagnostics';
import { checkTitles, FixCatalogueSource, toRange, TRUSTED_COMMANDS } from './shared';

export class GuidanceHoverProvider implements vscode.HoverProvider {
  constructor(
    private readonly assessment: AssessmentService,
    private readonly diagnostics: GuidanceDiagnostics,
    private readonly fixes: FixCatalogueSource,
  ) {}

  async provideHover(doc: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken): Promise<vscode.Hover | undefined> {
    try {
      return await this.hover(doc, position, token);
    } catch (e) {
      log(`DSOMM hover failed on ${doc.uri.toString(true)}:${position.line + 1}: ${(e as Error).stack ?? e}`);
      return undefined;
    }
  }

  private async hover(doc: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken): Promise<vscode.Hover | undefined> {
    const da = await this.assessment.resultFor(doc.uri);
    if (!da || token.isCancellationRequested) return undefined;
    const entry = da.index.get(da.path);
    if (!entry) return undefined;
    // The assessment knows the saved file: ask about the saved line the cursor's line came from.
    const lines = this.diagnostics.linesOf(doc, entry);
    const savedLine = lines ? lines.toSaved(position.line) : position.line;
    if (savedLine < 0) return undefined;
    const fixes = await this.fixes.get();
    const checkTitle = checkTitles((await this.assessment.detection()).catalogue);
    const h = hoverAt(da.result, entry, savedLine + 1, position.character + 1, { targetLevel: targetLevel(), fixes, uri: doc.uri.toString(), checkTitle });
    if (!h) return undefined;
    const md = new vscode.MarkdownString(renderHoverMarkdown(h));
    md.isTrusted = { enabledCommands: [...TRUSTED_COMMANDS] };
    md.supportHtml = false;
    const r = toRange(h.range);
    const start = lines ? lines.toBuffer(r.start.line) : r.start.line;
    const end = lines ? lines.toBuffer(r.end.line) : r.end.line;
    let range = start < 0 || end < start ? undefined : doc.validateRange(new vscode.Range(start, r.start.character, end, r.end.character));
    // Inside a step the evidence may sit on another of its lines: highlight the hovered line then.
    if (!range || !range.contains(position)) range = doc.lineAt(position.line).range;
    return new vscode.Hover(md, range);
  }
}
