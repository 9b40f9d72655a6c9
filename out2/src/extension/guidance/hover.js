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
exports.GuidanceHoverProvider = void 0;
// Hovers on pipeline and container files: what a step/instruction counts for, and a maturity
// summary on the file's anchor (`jobs:`, `stages:`, `pipeline {`, the first FROM). Answered from
// the cached assessment; the content and its escaping come from the core.
const vscode = __importStar(require("vscode"));
const guidance_1 = require("../../core/guidance");
const log_1 = require("../log");
const settings_1 = require("../settings");
const shared_1 = require("./shared");
class GuidanceHoverProvider {
    assessment;
    diagnostics;
    fixes;
    constructor(assessment, diagnostics, fixes) {
        this.assessment = assessment;
        this.diagnostics = diagnostics;
        this.fixes = fixes;
    }
    async provideHover(doc, position, token) {
        try {
            return await this.hover(doc, position, token);
        }
        catch (e) {
            (0, log_1.log)(`DSOMM hover failed on ${doc.uri.toString(true)}:${position.line + 1}: ${e.stack ?? e}`);
            return undefined;
        }
    }
    async hover(doc, position, token) {
        const da = await this.assessment.resultFor(doc.uri);
        if (!da || token.isCancellationRequested)
            return undefined;
        const entry = da.index.get(da.path);
        if (!entry)
            return undefined;
        // The assessment knows the saved file: ask about the saved line the cursor's line came from.
        const lines = this.diagnostics.linesOf(doc, entry);
        const savedLine = lines ? lines.toSaved(position.line) : position.line;
        if (savedLine < 0)
            return undefined;
        const fixes = await this.fixes.get();
        const checkTitle = (0, shared_1.checkTitles)((await this.assessment.detection()).catalogue);
        const h = (0, guidance_1.hoverAt)(da.result, entry, savedLine + 1, position.character + 1, { targetLevel: (0, settings_1.targetLevel)(), fixes, uri: doc.uri.toString(), checkTitle });
        if (!h)
            return undefined;
        const md = new vscode.MarkdownString((0, guidance_1.renderHoverMarkdown)(h));
        md.isTrusted = { enabledCommands: [...shared_1.TRUSTED_COMMANDS] };
        md.supportHtml = false;
        const r = (0, shared_1.toRange)(h.range);
        const start = lines ? lines.toBuffer(r.start.line) : r.start.line;
        const end = lines ? lines.toBuffer(r.end.line) : r.end.line;
        let range = start < 0 || end < start ? undefined : doc.validateRange(new vscode.Range(start, r.start.character, end, r.end.character));
        // Inside a step the evidence may sit on another of its lines: highlight the hovered line then.
        if (!range || !range.contains(position))
            range = doc.lineAt(position.line).range;
        return new vscode.Hover(md, range);
    }
}
exports.GuidanceHoverProvider = GuidanceHoverProvider;
//# sourceMappingURL=hover.js.map