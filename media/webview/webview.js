// Shared by the DSOMM webviews (loaded before details.js / dashboard.js). Everything on screen is
// built with DOM APIs from plain text (textContent, setAttribute), never from markup, so names
// and paths from the model or the workspace cannot inject HTML. No network, no eval.
(function () {
  'use strict';
  const vscode = acquireVsCodeApi();

  /** el('button', { class, text, onclick, 'aria-label': … }, ...children) */
  function el(tag, props, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(props || {})) {
      if (value === undefined || value === null || value === false) continue;
      if (key === 'class') node.className = value;
      else if (key === 'text') node.textContent = String(value);
      else if (key.startsWith('on') && typeof value === 'function') node.addEventListener(key.slice(2), value);
      else if (key === 'dataset') Object.assign(node.dataset, value);
      else node.setAttribute(key, value === true ? '' : String(value));
    }
    for (const child of children.flat(Infinity)) {
      if (child === undefined || child === null || child === false) continue;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }

  const STATUS_ICON = {
    detected: '✔', done: '✔', 'not-applicable': '⊘', partial: '◐', 'in-progress': '◔', missing: '✘', unknown: '?',
  };

  /** A status badge: an icon and the words (colour is never the only signal). */
  function statusBadge(status, text) {
    if (!status) return el('span', { class: 'status status-unassessed', text: 'not assessed' });
    return el('span', { class: `status status-${status}` }, el('span', { class: 'status-icon', 'aria-hidden': 'true', text: STATUS_ICON[status] || '•' }), ' ', text || status);
  }

  /** Text blocks from the view-model (paragraphs, bullet lists, inline code). */
  function blocks(list) {
    const spans = (s) => s.map((x) => (x.code ? el('code', { text: x.text }) : document.createTextNode(x.text)));
    return (list || []).map((b) => (b.type === 'list' ? el('ul', null, b.items.map((i) => el('li', null, spans(i)))) : el('p', null, spans(b.spans))));
  }

  /** A link to an https page; the extension opens it after checking the URL again. */
  function externalLink(text, url) {
    if (!url || !/^https:\/\//.test(url)) return el('span', { text });
    return el('a', {
      href: url,
      text,
      title: url,
      onclick: (e) => {
        e.preventDefault();
        send({ type: 'openExternal', url });
      },
    });
  }

  function send(message) {
    vscode.postMessage(message);
  }

  /** Reads something out to screen readers (live region). */
  function announce(text) {
    const a = document.getElementById('announcer');
    if (a) {
      a.textContent = '';
      setTimeout(() => (a.textContent = text), 50);
    }
  }

  /** Calls `render(message)` for every update from the extension, then asks for the first one. */
  function onUpdate(render) {
    window.addEventListener('message', (event) => {
      const m = event.data;
      if (m && typeof m === 'object' && m.type === 'update') render(m);
    });
    send({ type: 'ready' });
  }

  function replaceApp(...children) {
    const app = document.getElementById('app');
    // Keep the scroll position across live updates.
    const scroll = document.scrollingElement ? document.scrollingElement.scrollTop : 0;
    app.replaceChildren(...children.flat(Infinity).filter((c) => c !== null && c !== undefined && c !== false));
    if (document.scrollingElement) document.scrollingElement.scrollTop = scroll;
    return app;
  }

  window.dsomm = { el, statusBadge, blocks, externalLink, send, announce, onUpdate, replaceApp, getState: () => vscode.getState() || {}, setState: (s) => vscode.setState(s) };
})();
