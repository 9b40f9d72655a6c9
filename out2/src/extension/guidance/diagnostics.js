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
exports.GuidanceDiagnostics = void 0;
// The "DSOMM" diagnostic collection: missing activities and weak controls from the core
// (diagnosticsFor), refreshed whenever the assessment changes.
//
// The assessment describes files as saved. While a file is being edited its diagnostics follow
// their lines (LineTracker), and they are recomputed while typing only when the file's
// `dsomm-ignore` comments change, so that adding a suppression comment silences a diagnostic at
// once; everything else waits for the save, which re-indexes the file.
const vscode = __importStar(require("vscode"));
const fs_1 = require("../../core/fs");
const guidance_1 = require("../../core/guidance");
const workspaceIndex_1 = require("../../core/scan/workspaceIndex");
const log_1 = require("../log");
const settings_1 = require("../settings");
const shared_1 = require("./shared");
const SEVERITY = {
    error: vscode.DiagnosticSeverity.Error,
    warning: vscode.DiagnosticSeverity.Warning,
    information: vscode.DiagnosticSeverity.Information,
    hint: vscode.DiagnosticSeverity.Hint,
};
function codeValue(d) {
    const c = d.code;
    return c === undefined ? undefined : typeof c === 'object' ? String(c.value) : String(c);
}
function sameDiagnostics(a, b) {
    if (a.length !== b.length)
        return false;
    for (let i = 0; i < a.length; i++) {
        const x = a[i].diagnostic;
        const y = b[i].diagnostic;
        if (!x.range.isEqual(y.range) || x.message !== y.message || x.severity !== y.severity || codeValue(x) !== codeValue(y))
            return false;
        if (a[i].folder !== b[i].folder || JSON.stringify(a[i].guidance.data) !== JSON.stringify(b[i].guidance.data))
            return false;
    }
    return true;
}
class GuidanceDiagnostics {
    assessment;
    fixes;
    collection = vscode.languages.createDiagnosticCollection('DSOMM');
    /** uri → diagnostics shown. */
    shown = new Map();
    /** uri → content hash of the files the assessment indexed. */
    indexed = new Map();
    /** uri → where the saved lines of an edited document are now. */
    trackers = new Map();
    /** uri → the document's `dsomm-ignore` comments when diagnostics were last computed. */
    ignoreKeys = new Map();
    /** path in folder → saved text, by the index's content hash (for `dsomm-ignore` in closed files). */
    savedTexts = new Map();
    subscriptions = [];
    timer;
    running;
    rerun = false;
    hasRun = false;
    constructor(assessment, fixes) {
        this.assessment = assessment;
        this.fixes = fixes;
        this.subscriptions.push(this.collection, assessment.onDidChange(() => this.schedule(0)), vscode.workspace.onDidChangeConfiguration((e) => {
            if (e.affectsConfiguration('dsomm.diagnostics') || e.affectsConfiguration('dsomm.targetLevel'))
                this.schedule(0);
        }), 
        // The first pipeline file opened gets its diagnostics without waiting for anything else.
        vscode.workspace.onDidOpenTextDocument((doc) => {
            if (!this.hasRun && vscode.languages.match(shared_1.GUIDANCE_SELECTOR, doc) > 0)
                this.schedule(200);
        }), vscode.workspace.onDidChangeTextDocument((e) => this.onEdit(e)), 
        // The saved text is the new baseline (the re-index after the save catches up with it).
        vscode.workspace.onDidSaveTextDocument((doc) => this.trackers.delete(doc.uri.toString())), vscode.workspace.onDidCloseTextDocument((doc) => {
            const key = doc.uri.toString();
            this.ignoreKeys.delete(key);
            // Closing an edited document without saving brings the saved text (and its comments) back.
            if (this.trackers.delete(key))
                this.schedule(0);
        }));
    }
    /** The shown diagnostic that a diagnostic handed back by VS Code (code actions) stands for. */
    find(uri, d) {
        const candidates = (this.shown.get(uri.toString()) ?? []).filter((s) => s.diagnostic.message === d.message && codeValue(s.diagnostic) === codeValue(d));
        return candidates.sort((a, b) => Math.abs(a.diagnostic.range.start.line - d.range.start.line) - Math.abs(b.diagnostic.range.start.line - d.range.start.line))[0];
    }
    all() {
        return [...this.shown.values()].flat();
    }
    /**
     * Where the saved lines of an open document are in its buffer: undefined when the buffer holds
     * what was indexed (lines are where the assessment says).
     */
    linesOf(doc, entry) {
        if (entry.hash !== undefined && (0, workspaceIndex_1.contentHash)(doc.getText()) === entry.hash)
            return undefined;
        // Edited since it was indexed; without a tracker (edited before we watched) lines are taken as they are.
        return this.trackers.get(doc.uri.toString());
    }
    onEdit(e) {
        if (!e.contentChanges.length)
            return;
        const doc = e.document;
        const key = doc.uri.toString();
        if (!this.indexed.has(key) && vscode.languages.match(shared_1.GUIDANCE_SELECTOR, doc) === 0)
            return;
        // (`doc.isDirty` may not be updated yet when this event arrives: compare the text instead.)
        const indexedHash = this.indexed.get(key);
        if (indexedHash !== undefined && (0, workspaceIndex_1.contentHash)(doc.getText()) === indexedHash) {
            // Back to the indexed text (undo, revert): lines are where the assessment has them.
            this.trackers.delete(key);
            if ((this.ignoreKeys.get(key) ?? '') !== this.ignoreKey(doc, undefined))
                this.schedule(300);
            return;
        }
        let tracker = this.trackers.get(key);
        if (!tracker) {
            const grown = e.contentChanges.reduce((n, c) => n + (c.text.split('\n').length - 1) - (c.range.end.line - c.range.start.line), 0);
            tracker = new guidance_1.LineTracker(doc.lineCount - grown);
            this.trackers.set(key, tracker);
        }
        tracker.apply(e.contentChanges.map((c) => ({ range: c.range, text: c.text })));
        const before = this.ignoreKeys.get(key) ?? '';
        const now = this.ignoreKey(doc, tracker);
        if (now !== before)
            this.schedule(300);
    }
    /** The document's `dsomm-ignore` comments, keyed on saved lines so that unrelated typing keeps the key. */
    ignoreKey(doc, tracker) {
        const text = doc.getText();
        if (!text.includes('dsomm-ignore'))
            return '';
        return JSON.stringify((0, guidance_1.suppressionList)(text).map((s) => [tracker ? tracker.toSaved(s.line - 1) : s.line - 1, s.ids]));
    }
    schedule(delayMs) {
        clearTimeout(this.timer);
        this.timer = setTimeout(() => void this.refresh(), delayMs);
    }
    /** Recomputes the collection (one run at a time; a request during a run runs once more after it). */
    refresh() {
        if (this.running) {
            this.rerun = true;
            return this.running;
        }
        this.running = (async () => {
            do {
                this.rerun = false;
                try {
                    await this.compute();
                }
                catch (e) {
                    (0, log_1.log)(`DSOMM diagnostics failed: ${e.stack ?? e}`);
                }
            } while (this.rerun);
        })().finally(() => {
            this.running = undefined;
        });
        return this.running;
    }
    async compute() {
        this.hasRun = true;
        if (!(0, settings_1.diagnosticsEnabled)()) {
            this.collection.clear();
            this.shown = new Map();
            return;
        }
        const fixes = await this.fixes.get();
        const shown = new Map();
        const indexed = new Map();
        for (const folder of vscode.workspace.workspaceFolders ?? []) {
            const da = await this.assessment.resultFor(folder.uri);
            if (!da)
                continue;
            const entries = da.index.all();
            const byPath = new Map(entries.map((e) => [e.path, e]));
            for (const e of entries)
                indexed.set((0, shared_1.uriOf)(folder, e.path).toString(), e.hash);
            // Open documents: their buffer text, and where their saved lines are now.
            const views = new Map();
            const viewOf = (path) => {
                if (views.has(path))
                    return views.get(path);
                const doc = (0, shared_1.openDocument)((0, shared_1.uriOf)(folder, path));
                const entry = byPath.get(path);
                const edited = !!doc && !!entry && (entry.hash === undefined || (0, workspaceIndex_1.contentHash)(doc.getText()) !== entry.hash);
                const v = doc ? { doc, lines: doc && entry ? this.linesOf(doc, entry) : undefined, edited } : undefined;
                views.set(path, v);
                return v;
            };
            const wanted = new Set();
            // An edited buffer's comments are matched on the lines they are on now.
            const bufferComments = new Map();
            const ignoredAt = (path, line, ids) => {
                const v = viewOf(path);
                if (!v?.edited)
                    return undefined;
                let comments = bufferComments.get(path);
                if (!comments)
                    bufferComments.set(path, (comments = (0, guidance_1.suppressions)(v.doc.getText())));
                const at = v.lines ? v.lines.toBuffer(line - 1) : line - 1;
                return at >= 0 && (0, guidance_1.isSuppressed)(comments, at + 1, ids);
            };
            const textOf = (path) => {
                const v = viewOf(path);
                // An edited buffer's comments are matched below, on the lines they are on now.
                if (v)
                    return v.edited ? undefined : v.doc.getText();
                const saved = this.savedTexts.get(`${folder.uri}\u0000${path}`);
                if (saved && saved.hash === byPath.get(path)?.hash)
                    return saved.text;
                wanted.add(path);
                return undefined;
            };
            // Code actions ask fixesFor themselves: listing the fixes of every diagnostic here is not needed.
            const checkTitle = (0, shared_1.checkTitles)((await this.assessment.detection()).catalogue);
            const options = { targetLevel: (0, settings_1.targetLevel)(), severity: (0, settings_1.diagnosticsSeverity)(), fixes, listFixes: false, textOf, ignoredAt, checkTitle };
            let byFile = (0, guidance_1.diagnosticsFor)(da.result, entries, options);
            if (wanted.size) {
                // Closed files with diagnostics: read them once (cached by content) for their comments.
                await Promise.all([...wanted].map(async (path) => {
                    let text;
                    try {
                        const d = (0, fs_1.decodeText)(await da.index.fs.readFile(path, { maxBytes: da.index.maxFileSize }));
                        text = 'error' in d ? undefined : d.text;
                    }
                    catch {
                        text = undefined;
                    }
                    this.savedTexts.set(`${folder.uri}\u0000${path}`, { hash: byPath.get(path)?.hash, text });
                }));
                byFile = (0, guidance_1.diagnosticsFor)(da.result, entries, options);
            }
            for (const [path, list] of byFile) {
                const uri = (0, shared_1.uriOf)(folder, path);
                const v = viewOf(path);
                // Where a saved range is in the editor now (undefined: its line was deleted, the save will tell).
                const place = (r, doc, lines) => {
                    if (!doc)
                        return r;
                    const start = lines ? lines.toBuffer(r.start.line) : r.start.line;
                    if (start < 0)
                        return undefined;
                    const end = lines ? lines.toBuffer(r.end.line) : r.end.line;
                    return doc.validateRange(new vscode.Range(start, r.start.character, end < start ? start : end, r.end.character));
                };
                const out = [];
                for (const g of list) {
                    const range = place((0, shared_1.toRange)(g.range), v?.edited ? v.doc : undefined, v?.lines);
                    if (!range)
                        continue;
                    const diagnostic = new vscode.Diagnostic(range, g.message, SEVERITY[g.severity]);
                    diagnostic.source = g.source;
                    diagnostic.code = g.code.target ? { value: g.code.value, target: vscode.Uri.parse(g.code.target) } : g.code.value;
                    if (g.related?.length) {
                        diagnostic.relatedInformation = g.related.flatMap((r) => {
                            const rv = viewOf(r.loc.path);
                            const at = place((0, shared_1.toRange)(r.range), rv?.edited ? rv.doc : undefined, rv?.lines);
                            return at ? [new vscode.DiagnosticRelatedInformation(new vscode.Location((0, shared_1.uriOf)(folder, r.loc.path), at), r.message)] : [];
                        });
                    }
                    out.push({ diagnostic, guidance: g, folder });
                }
                if (out.length)
                    shown.set(uri.toString(), out);
            }
        }
        // The comments these diagnostics were computed with (typing only recomputes when they change).
        this.ignoreKeys.clear();
        for (const doc of vscode.workspace.textDocuments) {
            const key = doc.uri.toString();
            const hash = indexed.get(key);
            if (!indexed.has(key))
                continue;
            const edited = hash === undefined || (0, workspaceIndex_1.contentHash)(doc.getText()) !== hash;
            this.ignoreKeys.set(key, this.ignoreKey(doc, edited ? this.trackers.get(key) : undefined));
        }
        this.indexed = indexed;
        const before = this.shown;
        this.shown = shown;
        // Only files whose diagnostics changed go to the collection: a save usually changes one file,
        // and re-sending thousands of unchanged diagnostics to the workbench costs more than computing them.
        for (const uri of before.keys())
            if (!shown.has(uri))
                this.collection.delete(vscode.Uri.parse(uri));
        for (const [uri, list] of shown) {
            const old = before.get(uri);
            if (old && sameDiagnostics(old, list)) {
                shown.set(uri, old); // keep the objects VS Code has (code actions hand them back)
                continue;
            }
            this.collection.set(vscode.Uri.parse(uri), list.map((s) => s.diagnostic));
        }
    }
    dispose() {
        clearTimeout(this.timer);
        for (const s of this.subscriptions)
            s.dispose();
    }
}
exports.GuidanceDiagnostics = GuidanceDiagnostics;
//# sourceMappingURL=diagnostics.js.map