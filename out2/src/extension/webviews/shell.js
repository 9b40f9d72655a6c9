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
exports.mediaRoot = mediaRoot;
exports.webviewOptions = webviewOptions;
exports.contentSecurityPolicy = contentSecurityPolicy;
exports.shellHtml = shellHtml;
// The HTML shell every DSOMM webview starts from: a strict Content Security Policy (scripts only
// with this page's nonce, styles and fonts only from media/, nothing from the network) and the
// scripts from media/webview/. Content arrives later by postMessage and is built as DOM nodes.
const crypto_1 = require("crypto");
const vscode = __importStar(require("vscode"));
const html_1 = require("../../core/view/html");
function mediaRoot(extensionUri) {
    return vscode.Uri.joinPath(extensionUri, 'media');
}
/** Options for panels and for panels restored by a serializer (same on both paths). */
function webviewOptions(extensionUri) {
    return { enableScripts: true, enableCommandUris: false, enableFindWidget: true, localResourceRoots: [mediaRoot(extensionUri)] };
}
function contentSecurityPolicy(webview, nonce) {
    return [
        `default-src 'none'`,
        `img-src ${webview.cspSource}`,
        `style-src ${webview.cspSource}`,
        `font-src ${webview.cspSource}`,
        `script-src 'nonce-${nonce}'`,
    ].join('; ');
}
/** The page for `script` (a file in media/webview/, loaded after the shared webview.js). */
function shellHtml(webview, extensionUri, options) {
    const nonce = (0, crypto_1.randomBytes)(18).toString('base64');
    const media = (...p) => webview.asWebviewUri(vscode.Uri.joinPath(mediaRoot(extensionUri), 'webview', ...p)).toString();
    return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${(0, html_1.escapeHtml)(contentSecurityPolicy(webview, nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="${(0, html_1.escapeHtml)(media('webview.css'))}">
<title>${(0, html_1.escapeHtml)(options.title)}</title>
</head>
<body>
<main id="app" tabindex="-1"><p class="loading">Loading…</p></main>
<div id="announcer" class="visually-hidden" role="status" aria-live="polite"></div>
<script nonce="${nonce}" src="${(0, html_1.escapeHtml)(media('webview.js'))}"></script>
<script nonce="${nonce}" src="${(0, html_1.escapeHtml)(media(options.script))}"></script>
</body>
</html>`;
}
//# sourceMappingURL=shell.js.map