"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __exportStar = (this && this.__exportStar) || function(m, exports) {
    for (var p in m) if (p !== "default" && !Object.prototype.hasOwnProperty.call(exports, p)) __createBinding(exports, m, p);
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.MORE_ACTIONS_TITLE = exports.lightbulbMenu = exports.LineTracker = exports.mainPipeline = exports.computeFix = exports.fixesFor = exports.loadFixes = exports.isSuppressed = exports.suppressionList = exports.suppressions = exports.diagnosticsFor = exports.renderHoverMarkdown = exports.hoverAt = void 0;
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
__exportStar(require("./types"), exports);
var hover_1 = require("./hover");
Object.defineProperty(exports, "hoverAt", { enumerable: true, get: function () { return hover_1.hoverAt; } });
var markdown_1 = require("./markdown");
Object.defineProperty(exports, "renderHoverMarkdown", { enumerable: true, get: function () { return markdown_1.renderHoverMarkdown; } });
var diagnostics_1 = require("./diagnostics");
Object.defineProperty(exports, "diagnosticsFor", { enumerable: true, get: function () { return diagnostics_1.diagnosticsFor; } });
var suppress_1 = require("./suppress");
Object.defineProperty(exports, "suppressions", { enumerable: true, get: function () { return suppress_1.suppressions; } });
Object.defineProperty(exports, "suppressionList", { enumerable: true, get: function () { return suppress_1.suppressionList; } });
Object.defineProperty(exports, "isSuppressed", { enumerable: true, get: function () { return suppress_1.isSuppressed; } });
var fixCatalogue_1 = require("./fixCatalogue");
Object.defineProperty(exports, "loadFixes", { enumerable: true, get: function () { return fixCatalogue_1.loadFixes; } });
var fixes_1 = require("./fixes");
Object.defineProperty(exports, "fixesFor", { enumerable: true, get: function () { return fixes_1.fixesFor; } });
var computeFix_1 = require("./computeFix");
Object.defineProperty(exports, "computeFix", { enumerable: true, get: function () { return computeFix_1.computeFix; } });
var lookup_1 = require("./lookup");
Object.defineProperty(exports, "mainPipeline", { enumerable: true, get: function () { return lookup_1.mainPipeline; } });
var lineTracker_1 = require("./lineTracker");
Object.defineProperty(exports, "LineTracker", { enumerable: true, get: function () { return lineTracker_1.LineTracker; } });
var lightbulb_1 = require("./lightbulb");
Object.defineProperty(exports, "lightbulbMenu", { enumerable: true, get: function () { return lightbulb_1.lightbulbMenu; } });
Object.defineProperty(exports, "MORE_ACTIONS_TITLE", { enumerable: true, get: function () { return lightbulb_1.MORE_ACTIONS_TITLE; } });
//# sourceMappingURL=index.js.map