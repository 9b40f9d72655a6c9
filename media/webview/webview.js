// Shared by the DSOMM webviews (loaded before details.js / dashboard.js). Everything on screen is
// built with DOM APIs from plain text (textContent, setAttribute), never from markup, so names
// and paths from the model or the workspace cannot inject HTML. No network, no eval.
// @ts-check
/** @typedef {import('./protocol').DsommWebview} DsommWebview */
/** @typedef {import('./protocol').Child} Child */
/** @typedef {import('./protocol').WebviewMessage} WebviewMessage */
(function () {
  'use strict';
  const vscode = acquireVsCodeApi();

  /** Nested child lists as one list (el and replaceApp take arrays of arrays). @param {Child[]} children @returns {Exclude<Child, Child[]>[]} */
  function flatten(children) {
    /** @type {Exclude<Child, Child[]>[]} */
    const out = [];
    for (const c of children) {
      if (Array.isArray(c)) out.push(...flatten(c));
      else out.push(c);
    }
    return out;
  }

  /** el('button', { class, text, onclick, 'aria-label': … }, ...children) @type {DsommWebview['el']} */
  function el(tag, props, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(props || {})) {
      if (value === undefined || value === null || value === false) continue;
      if (key === 'class') node.className = String(value);
      else if (key === 'text') node.textContent = String(value);
      else if (key.startsWith('on') && typeof value === 'function') node.addEventListener(key.slice(2), /** @type {EventListener} */ (value));
      else if (key === 'dataset') Object.assign(node.dataset, value);
      else node.setAttribute(key, value === true ? '' : String(value));
    }
    for (const child of flatten(children)) {
      if (child === undefined || child === null || child === false) continue;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }

  /** @type {Record<string, string>} */
  const STATUS_ICON = {
    detected: '✔', done: '✔', 'not-applicable': '⊘', partial: '◐', 'in-progress': '◔', missing: '✘', unknown: '?',
  };

  /** A status badge: an icon and the words (colour is never the only signal). @type {DsommWebview['statusBadge']} */
  function statusBadge(status, text) {
    if (!status) return el('span', { class: 'status status-unassessed', text: 'not assessed' });
    return el('span', { class: `status status-${status}` }, el('span', { class: 'status-icon', 'aria-hidden': 'true', text: STATUS_ICON[status] || '•' }), ' ', text || status);
  }

  /** Text blocks from the view-model (paragraphs, bullet lists, inline code). @type {DsommWebview['blocks']} */
  function blocks(list) {
    /** @param {import('../../src/core/view/html').TextSpan[]} s */
    const spans = (s) => s.map((x) => (x.code ? el('code', { text: x.text }) : document.createTextNode(x.text)));
    return (list || []).map((b) => (b.type === 'list' ? el('ul', null, b.items.map((i) => el('li', null, spans(i)))) : el('p', null, spans(b.spans))));
  }

  /** A link to an https page; the extension opens it after checking the URL again. @type {DsommWebview['externalLink']} */
  function externalLink(text, url) {
    if (!url || !/^https:\/\//.test(url)) return el('span', { text });
    return el('a', {
      href: url,
      text,
      title: url,
      onclick: (/** @type {MouseEvent} */ e) => {
        e.preventDefault();
        send({ type: 'openExternal', url });
      },
    });
  }

  /** @param {WebviewMessage} message */
  function send(message) {
    vscode.postMessage(message);
  }

  /** Reads something out to screen readers (live region). @param {string} text */
  function announce(text) {
    const a = document.getElementById('announcer');
    if (a) {
      a.textContent = '';
      setTimeout(() => (a.textContent = text), 50);
    }
  }

  /** Calls `render(message)` for every update from the extension, then asks for the first one. @type {DsommWebview['onUpdate']} */
  function onUpdate(render) {
    window.addEventListener('message', (event) => {
      const m = event.data;
      if (m && typeof m === 'object' && m.type === 'update') render(m);
    });
    send({ type: 'ready' });
  }

  /** @type {DsommWebview['replaceApp']} */
  function replaceApp(...children) {
    const app = document.getElementById('app');
    if (!app) throw new Error('the page has no #app element');
    // Keep the scroll position across live updates.
    const scroll = document.scrollingElement ? document.scrollingElement.scrollTop : 0;
    app.replaceChildren(...flatten(children).filter((c) => c !== null && c !== undefined && c !== false).map((c) => (c instanceof Node ? c : String(c))));
    if (document.scrollingElement) document.scrollingElement.scrollTop = scroll;
    return app;
  }

  window.dsomm = { el, statusBadge, blocks, externalLink, send, announce, onUpdate, replaceApp, getState: () => vscode.getState() || {}, setState: (s) => vscode.setState(s) };
})();
