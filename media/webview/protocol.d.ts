// Types for the webview scripts (checked by media/webview/tsconfig.json, part of `npm run typecheck`).
// The messages both ways come from the extension's own protocol (src/core/view/webviewMessages.ts),
// so a script that sends or reads a field the extension does not know fails the type check.
import type { DashboardUpdate, DetailsUpdate, WebviewMessage } from '../../src/core/view/webviewMessages';

export type { DashboardUpdate, DetailsUpdate, WebviewMessage };

/** What a webview keeps across reloads (vscode.setState): the details panel's activity, the dashboard's cell. */
export interface WebviewState {
  uuid?: string;
  folder?: string;
  selected?: { dimension: string; subdimension?: string; level: number };
}

export type Child = Node | string | number | null | undefined | false | Child[];

/** The helpers webview.js shares with details.js and dashboard.js. */
export interface DsommWebview {
  el<K extends keyof HTMLElementTagNameMap>(tag: K, props?: Record<string, unknown> | null, ...children: Child[]): HTMLElementTagNameMap[K];
  statusBadge(status: string | undefined, text?: string): HTMLElement;
  blocks(list: import('../../src/core/view/html').TextBlock[] | undefined): HTMLElement[];
  externalLink(text: string, url: string | undefined): HTMLElement;
  send(message: WebviewMessage): void;
  announce(text: string): void;
  onUpdate<T extends DetailsUpdate | DashboardUpdate>(render: (message: T) => void): void;
  replaceApp(...children: Child[]): HTMLElement;
  getState(): WebviewState;
  setState(state: WebviewState): void;
}

declare global {
  interface Window {
    dsomm: DsommWebview;
  }
  /** Given to webview pages by VS Code; callable once per page. */
  function acquireVsCodeApi(): { postMessage(message: WebviewMessage): void; getState(): WebviewState | undefined; setState(state: WebviewState): void };
}
