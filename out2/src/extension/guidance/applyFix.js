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
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", { value: true });
exports.FixApplier = void 0;
// Turns a fix option (fixesFor) into an edit of the workspace: computed by the core from the
// file's current text (computeFix), applied as text edits or a new file, then shown to the user.
const vscode = __importStar(require("vscode"));
const guidance_1 = require("../../core/guidance");
const shared_1 = require("./shared");
function countLines(text) {
    return text.split('\n').length - 1;
}
class FixApplier {
    assessment;
    fixes;
    diagnostics;
    constructor(assessment, fixes, diagnostics) {
        this.assessment = assessment;
        this.fixes = fixes;
        this.diagnostics = diagnostics;
    }
    /** The fix as edits of the file's current text (an open buffer counts, saved or not). */
    async compute(req) {
        const { folder, option } = req;
        const da = await this.assessment.resultFor(folder.uri);
        if (!da)
            return { kind: 'cannot-place', path: option.path, title: option.title, reason: 'the workspace has not been assessed yet' };
        const catalogue = await this.fixes.get();
        const files = da.index.all();
        if (option.kind === 'create')
            return (0, guidance_1.computeFix)(catalogue, option.templateId, undefined, '', { files });
        const uri = (0, shared_1.uriOf)(folder, option.path);
        const text = await (0, shared_1.currentText)(folder, option.path, da.index);
        if (text === undefined)
            return { kind: 'cannot-place', path: option.path, title: option.title, reason: `${option.path} could not be read` };
        const entry = da.index.get(option.path);
        const doc = (0, shared_1.openDocument)(uri);
        const lines = doc && entry ? this.diagnostics.linesOf(doc, entry) : undefined;
        // Edited since the scan: the diagnostic's lines are elsewhere in the buffer now.
        const moved = (loc) => {
            if (!lines)
                return loc;
            const line = lines.toBuffer(loc.line - 1);
            return line < 0 ? undefined : { ...loc, line: line + 1, endLine: loc.endLine - loc.line + line + 1 };
        };
        const at = req.at && moved(req.at);
        const places = option.places?.map(moved).filter((l) => !!l);
        if (places && !places.length)
            return { kind: 'cannot-place', path: option.path, title: option.title, reason: 'the lines it was for were deleted; save the file to see what is left' };
        return (0, guidance_1.computeFix)(catalogue, option.templateId, entry ?? { path: option.path, kind: option.dialect }, text, { files, at, ...(places ? { places } : {}) });
    }
    toWorkspaceEdit(folder, r) {
        const edit = new vscode.WorkspaceEdit();
        const uri = (0, shared_1.uriOf)(folder, r.path);
        if (r.kind === 'edits')
            for (const e of r.edits)
                edit.replace(uri, (0, shared_1.toRange)(e.range), e.newText);
        else if (r.kind === 'create-file')
            edit.createFile(uri, { ignoreIfExists: true, contents: new TextEncoder().encode(r.content) });
        else
            return undefined;
        return edit;
    }
    /** Computes, applies and shows a fix (the Command Palette path, and code actions that were not resolved). */
    async apply(req) {
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
    async show(folder, r) {
        const uri = (0, shared_1.uriOf)(folder, r.path);
        if (r.kind === 'cannot-place') {
            const copy = 'Copy Snippet';
            const choice = await vscode.window.showWarningMessage(`DSOMM: "${r.title}" was not inserted in ${r.path}: ${r.reason}`, ...(r.snippet ? [copy] : []));
            if (choice === copy && r.snippet)
                await vscode.env.clipboard.writeText(r.snippet);
            return;
        }
        let selection;
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
        if (r.notes.length)
            void vscode.window.showInformationMessage(`DSOMM: ${r.notes.join(' ')}`);
    }
}
exports.FixApplier = FixApplier;
//# sourceMappingURL=applyFix.js.map