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
exports.GuidanceCodeActions = exports.RUN_MENU_ITEM_COMMAND = exports.MORE_ACTIONS_COMMAND = exports.FIX_APPLIED_COMMAND = void 0;
exports.pickMoreAction = pickMoreAction;
exports.runMenuItem = runMenuItem;
// Quick fixes on DSOMM diagnostics, as the core's lightbulbMenu orders them: the fixes first (each
// once, computed lazily when VS Code resolves the action), then ONE "DSOMM: more actions…" entry
// whose pick list holds the fixes that did not fit, the `dsomm-ignore` comment, "Mark not
// applicable…" and "Open activity details" of each diagnostic (of each activity of a summary).
const vscode = __importStar(require("vscode"));
const guidance_1 = require("../../core/guidance");
/** Runs after a fix action's edit: reports what was inserted (or applies it, when VS Code did not resolve the action). */
exports.FIX_APPLIED_COMMAND = 'dsomm.guidance.fixApplied';
/** Opens the pick list of the "more actions" entry. Args: [MoreActions]. */
exports.MORE_ACTIONS_COMMAND = 'dsomm.guidance.moreActions';
/** Runs one entry of that pick list. Args: [MoreActions, index of the entry]. */
exports.RUN_MENU_ITEM_COMMAND = 'dsomm.guidance.runMenuItem';
class FixAction extends vscode.CodeAction {
    request;
    constructor(request) {
        super(request.option.title, vscode.CodeActionKind.QuickFix);
        this.request = request;
        this.isPreferred = !!request.option.preferred;
        this.command = { command: exports.FIX_APPLIED_COMMAND, title: request.option.title, arguments: [request] };
    }
}
const SLASH_COMMENT_LANGUAGES = new Set(['groovy', 'jenkinsfile']);
class GuidanceCodeActions {
    assessment;
    fixes;
    diagnostics;
    applier;
    static metadata = { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] };
    constructor(assessment, fixes, diagnostics, applier) {
        this.assessment = assessment;
        this.fixes = fixes;
        this.diagnostics = diagnostics;
        this.applier = applier;
    }
    async provideCodeActions(doc, _range, context, token) {
        if (context.only && !vscode.CodeActionKind.QuickFix.intersects(context.only))
            return [];
        const ours = context.diagnostics.filter((d) => d.source === 'DSOMM');
        if (!ours.length)
            return [];
        const da = await this.assessment.resultFor(doc.uri);
        if (!da || token.isCancellationRequested)
            return [];
        const catalogue = await this.fixes.get();
        const offers = [];
        const shownOf = new Map();
        for (const d of ours) {
            const shown = this.diagnostics.find(doc.uri, d);
            if (!shown)
                continue;
            const g = shown.guidance;
            shownOf.set(g, { diagnostic: d, folder: shown.folder });
            offers.push({ diagnostic: g, fixes: (0, guidance_1.fixesFor)(catalogue, da.result, da.index.get(g.path), g, da.index.all()) });
        }
        if (!offers.length)
            return [];
        const menu = (0, guidance_1.lightbulbMenu)(offers);
        const actions = menu.fixes.map((f) => {
            const { diagnostic, folder } = shownOf.get(f.diagnostic);
            const action = new FixAction({ folder, option: f.option, at: f.diagnostic.loc });
            action.diagnostics = [diagnostic];
            return action;
        });
        if (menu.more.length) {
            const first = shownOf.get(offers[0].diagnostic);
            const lines = {};
            menu.more.forEach((item, i) => {
                if (item.kind === 'ignore')
                    lines[i] = shownOf.get(item.diagnostic).diagnostic.range.start.line;
            });
            const more = new vscode.CodeAction(guidance_1.MORE_ACTIONS_TITLE, vscode.CodeActionKind.QuickFix);
            more.diagnostics = ours;
            const args = { folder: first.folder, uri: doc.uri, items: menu.more, lines };
            more.command = { command: exports.MORE_ACTIONS_COMMAND, title: guidance_1.MORE_ACTIONS_TITLE, arguments: [args] };
            actions.push(more);
        }
        return actions;
    }
    async resolveCodeAction(action) {
        if (!(action instanceof FixAction))
            return action;
        const result = await this.applier.compute(action.request);
        action.request.result = result;
        // No edit when the fix cannot be placed: the command then says why and offers the snippet.
        action.edit = this.applier.toWorkspaceEdit(action.request.folder, result);
        return action;
    }
}
exports.GuidanceCodeActions = GuidanceCodeActions;
/** The pick list behind "DSOMM: more actions…", grouped by diagnostic or activity. */
async function pickMoreAction(more, applier) {
    const picks = [];
    let group;
    more.items.forEach((item, index) => {
        if (item.group !== group) {
            group = item.group;
            picks.push({ label: group, kind: vscode.QuickPickItemKind.Separator });
        }
        picks.push({ label: item.label, index });
    });
    const chosen = await vscode.window.showQuickPick(picks, { title: 'DSOMM', placeHolder: 'More actions on this line', matchOnDescription: true });
    if (chosen?.index !== undefined)
        await runMenuItem(more, chosen.index, applier);
}
/** Runs entry `index` of a "more actions" list. */
async function runMenuItem(more, index, applier) {
    const item = more.items[index];
    if (!item)
        return false;
    switch (item.kind) {
        case 'fix':
            return applier.apply({ folder: more.folder, option: item.option, at: item.diagnostic.loc });
        case 'not-applicable':
            await vscode.commands.executeCommand(guidance_1.GUIDANCE_COMMANDS.markNotApplicable, { uuid: item.uuid });
            return true;
        case 'details':
            await vscode.commands.executeCommand(guidance_1.GUIDANCE_COMMANDS.openActivity, { uuid: item.uuid });
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
//# sourceMappingURL=codeActions.js.map