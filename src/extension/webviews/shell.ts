// The HTML shell every DSOMM webview starts from: a strict Content Security Policy (scripts only
// with this page's nonce, styles and fonts only from media/, nothing from the network) and the
// scripts from media/webview/. Content arrives later by postMessage and is built as DOM nodes.
import { randomBytes } from 'crypto';
import * as vscode from 'vscode';
import { escapeHtml } from '../../core/view/html';

export function mediaRoot(extensionUri: vscode.Uri): vscode.Uri {
  return vscode.Uri.joinPath(extensionUri, 'media');
}

/** Options for panels and for panels restored by a serializer (same on both paths). */
export function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewPanelOptions & vscode.WebviewOptions {
  return { enableScripts: true, enableCommandUris: false, enableFindWidget: true, localResourceRoots: [mediaRoot(extensionUri)] };
}

export function contentSecurityPolicy(webview: vscode.Webview, nonce: string): string {
  return [
    `default-src 'none'`,
    `img-src ${webview.cspSource}`,
    `style-src ${webview.cspSource}`,
    `font-src ${webview.cspSource}`,
    `script-src 'nonce-${nonce}'`,
  ].join('; ');
}

/** The page for `script` (a file in media/webview/, loaded after the shared webview.js). */
export function shellHtml(webview: vscode.Webview, extensionUri: vscode.Uri, options: { title: string; script: string }): string {
  const nonce = randomBytes(18).toString('base64');
  const media = (...p: string[]) => webview.asWebviewUri(vscode.Uri.joinPath(mediaRoot(extensionUri), 'webview', ...p)).toString();
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(contentSecurityPolicy(webview, nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="${escapeHtml(media('webview.css'))}">
<title>${escapeHtml(options.title)}</title>
</head>
<body>
<main id="app" tabindex="-1"><p class="loading">Loading…</p></main>
<div id="announcer" class="visually-hidden" role="status" aria-live="polite"></div>
<script nonce="${nonce}" src="${escapeHtml(media('webview.js'))}"></script>
<script nonce="${nonce}" src="${escapeHtml(media(options.script))}"></script>
</body>
</html>`;
}
