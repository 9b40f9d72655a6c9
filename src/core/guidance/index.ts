// In-editor guidance (hovers, diagnostics, quick fixes) over a ScanResult: pure TypeScript, no
// 'vscode', no IO. The VS Code providers wrap these functions:
//
//   const fixes = loadFixes(text of model/fixes.yaml, 'fixes.yaml');       // once, like probes.yaml
//
//   Hover provider (position is 0-based in VS Code; hoverAt takes the 1-based Loc convention):
//     const h = hoverAt(result, index.get(relPath), pos.line + 1, pos.character + 1, { targetLevel });
//     if (h) new vscode.Hover(markdownString(renderHoverMarkdown(h), trusted for GUIDANCE_COMMANDS), toRange(h.range));
//
//   Diagnostics (one collection for the workspace):
//     for (const [path, list] of diagnosticsFor(result, index.all(), { targetLevel, severity, fixes, textOf }))
//       collection.set(uri(path), list.map(d => Diagnostic(toRange(d.range), d.message, sev(d.severity)) with
//         code = { value: d.code.value, target: Uri.parse(d.code.target) }, source = d.source, and d.data kept
//         (e.g. in a Map keyed by the diagnostic) for code actions));
//     `textOf(path)` returns the open document's text (or the file's) so `dsomm-ignore` comments count.
//
//   Code actions:
//     for (const o of fixesFor(fixes, result, index.get(path), diagnostic))
//       → a CodeAction titled o.title, isPreferred = o.preferred, whose edit is computed lazily:
//     const r = computeFix(fixes, o.templateId, index.get(o.path), textOf(o.path), { files: index.all(), at: diagnostic.loc });
//       r.kind === 'edits'       → WorkspaceEdit.replace(uri(r.path), toRange(e.range), e.newText) for each edit
//       r.kind === 'create-file' → WorkspaceEdit.createFile(uri(r.path), { ignoreIfExists: true, contents })
//       r.kind === 'cannot-place'→ show r.reason and offer r.snippet (copy to clipboard)
//
// Position conventions: see types.ts (Loc 1-based; Range0 0-based like vscode.Range).
export * from './types';
export { hoverAt } from './hover';
export { renderHoverMarkdown } from './markdown';
export { diagnosticsFor } from './diagnostics';
export { suppressions, suppressionList, isSuppressed } from './suppress';
export { loadFixes, FixCatalogue } from './fixCatalogue';
export { fixesFor } from './fixes';
export { computeFix } from './computeFix';
export { mainPipeline } from './lookup';
export { LineTracker } from './lineTracker';
export { lightbulbMenu, MenuItem, MORE_ACTIONS_TITLE } from './lightbulb';
