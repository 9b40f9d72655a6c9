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
exports.FixCatalogueSource = exports.TRUSTED_COMMANDS = exports.GUIDANCE_SELECTOR = void 0;
exports.toRange = toRange;
exports.uriOf = uriOf;
exports.openDocument = openDocument;
exports.currentText = currentText;
exports.checkTitles = checkTitles;
// What the guidance providers share: which documents they serve, the fix catalogue, position and
// path conversions, and reading a workspace file as the editor sees it.
const vscode = __importStar(require("vscode"));
const fs_1 = require("../../core/fs");
const guidance_1 = require("../../core/guidance");
/** Pipeline and container files of every dialect the engine reads (the index decides in the end). */
exports.GUIDANCE_SELECTOR = [
    { language: 'yaml' },
    { language: 'dockerfile' },
    { language: 'groovy' },
    { language: 'jenkinsfile' },
    { pattern: '**/*.{yml,yaml}' },
    { pattern: '**/{Dockerfile,Containerfile,Dockerfile.*,Containerfile.*,*.Dockerfile,*.dockerfile,*.Containerfile}' },
    { pattern: '**/{Jenkinsfile,Jenkinsfile.*,*.Jenkinsfile,*.jenkinsfile}' },
];
/** The only commands hover links may run (VS Code runs no other `command:` link from our Markdown). */
exports.TRUSTED_COMMANDS = Object.values(guidance_1.GUIDANCE_COMMANDS);
function toRange(r) {
    return new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);
}
/** A root-relative '/'-separated path inside `folder`. */
function uriOf(folder, path) {
    return vscode.Uri.joinPath(folder.uri, ...path.split('/'));
}
function openDocument(uri) {
    const key = uri.toString();
    return vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
}
/**
 * A file of the folder's index as the editor has it (an open buffer), else as saved, read under the
 * index's guards (size cap, regular files inside the folder); undefined when unreadable.
 */
async function currentText(folder, path, index) {
    const doc = openDocument(uriOf(folder, path));
    if (doc)
        return doc.getText();
    try {
        const d = (0, fs_1.decodeText)(await index.fs.readFile(path, { maxBytes: index.maxFileSize }));
        return 'error' in d ? undefined : d.text;
    }
    catch {
        return undefined;
    }
}
/** model/fixes.yaml, read once from the extension. */
class FixCatalogueSource {
    extensionUri;
    catalogue;
    constructor(extensionUri) {
        this.extensionUri = extensionUri;
    }
    get() {
        this.catalogue ??= (async () => {
            const uri = vscode.Uri.joinPath(this.extensionUri, 'model', 'fixes.yaml');
            const d = (0, fs_1.decodeText)(await vscode.workspace.fs.readFile(uri));
            if ('error' in d)
                throw new Error(`fixes.yaml: ${d.error}`);
            return (0, guidance_1.loadFixes)(d.text, 'fixes.yaml');
        })();
        return this.catalogue;
    }
}
exports.FixCatalogueSource = FixCatalogueSource;
const titlesByCatalogue = new WeakMap();
/** The catalogue's check titles (hovers and diagnostics name checks in words, never by id). */
function checkTitles(catalogue) {
    let titleOf = titlesByCatalogue.get(catalogue);
    if (!titleOf) {
        const titles = new Map(catalogue.probes.filter((p) => p.title).map((p) => [p.id, p.title]));
        titlesByCatalogue.set(catalogue, (titleOf = (probe) => titles.get(probe)));
    }
    return titleOf;
}
//# sourceMappingURL=shared.js.map