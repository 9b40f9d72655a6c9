// Page helpers for the VS Code web workbench (code-server 4.139 = VS Code 1.139). Selectors that
// depend on VS Code's DOM live here, so journeys read like user steps and a VS Code upgrade means
// fixing one file.

const escapeRegExp = s => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A twistie click that changed nothing for this long was lost (the row was re-rendered under it). */
const RECLICK_AFTER_MS = 8_000;
/** The inputs of the pickers a DSOMM command opens when it was given no tree row (placeholders in src/extension). */
const ROW_PICKER_INPUTS = ['which activity', 'which folder', 'Type to search the activities']
  .map(p => `.quick-input-widget input[placeholder*="${p}" i]`).join(', ');

export class Workbench {
  /** @param {import('playwright-core').Page} page */
  constructor(page) {
    this.page = page;
  }

  /** The primary side bar (Explorer, our DSOMM view container, ...). */
  get sidebar() {
    return this.page.locator('#workbench\\.parts\\.sidebar');
  }

  /** Resolves once the workbench shell with its activity bar is rendered. */
  async waitUntilReady({ timeoutMs = 180_000 } = {}) {
    // The first paint of the workbench takes long on a busy machine; after it, actions are quick.
    await this.page.locator('.monaco-workbench').waitFor({ timeout: timeoutMs });
    await this.page.locator('.activitybar').waitFor({ timeout: timeoutMs });
  }

  /** The activity-bar icon of a view container, by its title (e.g. "DSOMM"). */
  activityBarItem(title) {
    // The aria-label is the title, followed by " (keybinding)" for some built-ins like the Explorer.
    return this.page.locator(`.activitybar a.action-label[aria-label="${title}"], .activitybar a.action-label[aria-label^="${title} ("]`).first();
  }

  /** Opens a view container from the activity bar (clicking an already open one would close it). */
  async openViewContainer(title) {
    const item = this.activityBarItem(title);
    await item.waitFor();
    const open = await item.evaluate(a => a.closest('.action-item')?.classList.contains('checked') ?? false);
    if (!open || !(await this.sidebar.isVisible())) {
      await item.click();
    }
    await this.sidebar.waitFor();
  }

  /** Title shown in the side bar's header (upper-cased by CSS; innerText returns it as displayed). */
  async sidebarTitle() {
    return (await this.sidebar.locator('.composite.title .title-label').first().innerText()).trim();
  }

  /** True when the side bar's title is cut off (shown with an ellipsis) at the current width. */
  async sidebarTitleCut() {
    return this.sidebar.locator('.composite.title .title-label').first().evaluate(el => {
      const text = el.querySelector('h2') ?? el;
      return text.scrollWidth > text.clientWidth + 1;
    });
  }

  /** A button of the side bar's title bar (view actions), by its label. */
  titleAction(label) {
    return this.sidebar.locator(`.title-actions .action-label[aria-label^="${label}"], .actions-container .action-label[aria-label^="${label}"]`).first();
  }

  /**
   * The row `label`'s parts as the user sees them: which parts are cut off by the row's width
   * ({ labelCut, descriptionCut }), and the codicon of its icon ("pass", "verified-filled", ...).
   */
  async rowLayout(label) {
    return this.treeItem(label).evaluate(r => {
      const cut = el => !!el && el.scrollWidth > el.clientWidth + 1;
      const container = r.querySelector('.monaco-icon-label-container');
      const name = r.querySelector('.label-name');
      const desc = r.querySelector('.label-description');
      const icon = [...(r.querySelector('.custom-view-tree-node-item-icon')?.classList ?? [])].find(c => c.startsWith('codicon-'));
      const rowBox = r.getBoundingClientRect();
      const descBox = desc?.getBoundingClientRect();
      return {
        labelCut: cut(container) || cut(name),
        descriptionCut: !!descBox && descBox.right > rowBox.right + 1,
        containerCut: cut(container),
        icon: icon?.replace(/^codicon-/, ''),
      };
    });
  }

  /** Tree rows in the side bar. */
  treeRows() {
    return this.sidebar.locator('.monaco-list-row[role="treeitem"]');
  }

  /** The tree row whose label is exactly `label` (descriptions and tooltips do not matter). */
  treeItem(label) {
    return this.treeRows().filter({
      has: this.page.locator('.label-name', { hasText: new RegExp(`^\\s*${escapeRegExp(label)}\\s*$`) }),
    }).first();
  }

  /**
   * All rendered tree rows: { label, description, badge, summary, level, expanded }. `badge` is the
   * row's decoration badge (DSOMM activity rows: the level, "L1"); `summary` joins badge and
   * description ("L1 · detected"); expanded is true/false, or undefined for leaves. Only rows in the
   * viewport are rendered, like in any virtualised list.
   */
  async treeItems() {
    // Rows are absolutely positioned; DOM order need not be visual order, data-index is.
    const rows = await this.treeRows().evaluateAll(els => els.map(r => {
      // A resource decoration's badge is CSS generated content on the label's decoration class.
      const label = r.querySelector('.monaco-icon-label');
      const after = label ? getComputedStyle(label, '::after').content : 'none';
      const badge = after && after !== 'none' && after !== 'normal' ? after.replace(/^"|"$/g, '').trim() || undefined : undefined;
      const description = r.querySelector('.label-description')?.textContent?.trim() || undefined;
      return {
        index: Number(r.getAttribute('data-index')),
        label: r.querySelector('.label-name')?.textContent?.trim() ?? '',
        description,
        badge,
        summary: [badge, description].filter(Boolean).join(' · ') || undefined,
        level: Number(r.getAttribute('aria-level')),
        expanded: r.hasAttribute('aria-expanded') ? r.getAttribute('aria-expanded') === 'true' : undefined,
      };
    }));
    return rows.sort((a, b) => a.index - b.index).map(({ index, ...item }) => item);
  }

  /**
   * Waits until the rendered row `label` reads `re` (tested against its summary, "L1 · detected"):
   * the tree renders a row first and its decoration badge a moment later, and an assessment may
   * still be on its way. Returns the row; the error names what the row said last.
   */
  async waitForRow(label, re, { timeoutMs = 30_000 } = {}) {
    const deadline = Date.now() + timeoutMs;
    let row;
    for (;;) {
      row = (await this.treeItems()).find(i => i.label === label);
      if (row && re.test(row.summary ?? '')) { return row; }
      if (Date.now() > deadline) {
        throw new Error(`the row "${label}" did not read ${re} within ${timeoutMs} ms; it read ${row ? JSON.stringify(row.summary ?? '') : '(not rendered)'}`);
      }
      await this.page.waitForTimeout(150);
    }
  }

  /**
   * Sets the row `label` expanded or collapsed and waits until it reports so. The tree may re-render
   * (a new assessment, a refresh) between finding the row and the click, which replaces the row's
   * element or swallows the click: every round finds the row again, reads its state afresh, and
   * clicks the twistie again only when an earlier click had time to take effect and did not.
   */
  async setExpanded(label, expanded, { timeoutMs = 60_000 } = {}) {
    const want = String(expanded);
    const deadline = Date.now() + timeoutMs;
    let clickedAt = 0;
    for (;;) {
      const row = this.treeItem(label);
      const state = await row.getAttribute('aria-expanded', { timeout: 5_000 }).catch(() => undefined);
      if (state === want) { return; }
      if (state === null) { throw new Error(`tree item "${label}" has no children to expand`); }
      if (Date.now() > deadline) {
        throw new Error(`tree item "${label}" did not become ${expanded ? 'expanded' : 'collapsed'} within ${timeoutMs} ms (state: ${state ?? 'row not rendered'})`);
      }
      // state undefined: the row is not rendered right now (re-render, or scrolled away): look again.
      // A twistie that spins is loading the children the click asked for: the click took.
      const loading = await row.locator('.monaco-tl-twistie.codicon-tree-item-loading, .monaco-tl-twistie.loading').count().catch(() => 0);
      if (loading) { clickedAt = Date.now(); }
      if (state !== undefined && !loading && Date.now() - clickedAt > RECLICK_AFTER_MS) {
        await row.locator('.monaco-tl-twistie').click({ timeout: 5_000 }).then(() => { clickedAt = Date.now(); }, () => {});
      }
      await this.page.waitForTimeout(100);
    }
  }

  /** Expands the tree row `label` (if collapsed) and returns its direct children. */
  async expand(label) {
    await this.treeItem(label).waitFor();
    await this.setExpanded(label, true);
    return this.childrenOf(label);
  }

  /** Collapses the tree row `label` (if expanded) and waits until it reports collapsed. */
  async collapse(label) {
    await this.treeItem(label).waitFor();
    await this.setExpanded(label, false);
  }

  /**
   * The rendered direct children of the row `label`, waiting (up to `timeoutMs`) until there is at
   * least one; returns [] if none appear, e.g. for a collapsed row.
   */
  async childrenOf(label, { timeoutMs = 10_000 } = {}) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const items = await this.treeItems();
      const parent = items.findIndex(i => i.label === label);
      const children = [];
      if (parent >= 0) {
        const level = items[parent].level;
        for (const item of items.slice(parent + 1)) {
          if (item.level <= level) { break; }
          if (item.level === level + 1) { children.push(item); }
        }
      }
      if (children.length > 0 || Date.now() > deadline) { return children; }
      await this.page.waitForTimeout(100);
    }
  }

  /**
   * Right-clicks the tree row `label` and runs `entry` from its context menu with the keyboard: the
   * menu takes a mouse click only once a timer that starts when it opens has run (it ignores the
   * right-click's own mouse-up that way), while arrow keys and Enter work as soon as it shows.
   * Opens the menu again when the entry did not run.
   *
   * `expect` is what the entry shows when it ran on the row (a prompt, a tab). While the extension
   * host re-fetches the tree's rows after a change, VS Code hands a context-menu command no row
   * (the command then asks "which activity?" or "which folder?"): a user would pick again from the
   * menu, and so does this, once the rows are back. Without `expect` the entry is only run.
   */
  async contextMenu(label, entry, { expect } = {}) {
    const menu = this.page.locator('.context-view .monaco-menu');
    const wanted = menu.locator('.action-item', { has: this.page.locator('.action-label', { hasText: entry }) }).first();
    const hasFocus = () => wanted.evaluate(el => el.classList.contains('focused') || el.contains(document.activeElement)).catch(() => false);
    const askedForRow = this.page.locator(ROW_PICKER_INPUTS).first();
    const tooltip = this.page.locator('.workbench-hover, .monaco-hover:not(.hidden)').first();
    for (let attempt = 1; ; attempt++) {
      // The tooltip of the row the mouse last rested on can cover this row and take the click:
      // move away until it has closed.
      await this.page.mouse.move(1000, 700);
      await tooltip.waitFor({ state: 'hidden' });
      await this.treeItem(label).click({ button: 'right' });
      await wanted.waitFor();
      const entries = await menu.locator('.action-item').count();
      for (let i = 0; i <= entries && !(await hasFocus()); i++) await this.page.keyboard.press('ArrowDown');
      let error;
      if (await hasFocus()) {
        await this.page.keyboard.press('Enter');
        try {
          await menu.waitFor({ state: 'hidden', timeout: 5000 });
          if (!expect) return;
          await expect.or(askedForRow).first().waitFor();
          if (!(await askedForRow.isVisible())) return;
          error = new Error(`the command got no row and asked: "${await askedForRow.getAttribute('placeholder')}"`);
          console.log(`       "${entry}" on "${label}" ran without its row (the tree was being fetched again); once more`);
          await this.page.keyboard.press('Escape');
          await askedForRow.waitFor({ state: 'hidden' });
        } catch (e) {
          error = e;
          await this.page.keyboard.press('Escape');
        }
      } else {
        error = new Error('the arrow keys never reached it');
        await this.page.keyboard.press('Escape');
      }
      if (attempt === 3) throw new Error(`the context menu entry "${entry}" on "${label}" did not run on the row: ${error.message}`);
    }
  }

  /** Runs a command by its title from the command palette (F1). */
  async runCommand(title, { timeout = 30_000 } = {}) {
    const input = this.page.locator('.quick-input-widget input');
    // F1 can be lost while the previous palette is still closing (its input stays inert): press it again.
    for (let attempt = 1; ; attempt++) {
      await this.page.keyboard.press('F1');
      try {
        await input.fill(`>${title}`, { timeout: 10_000 });
        break;
      } catch (e) {
        if (attempt === 4) throw e;
        await this.page.keyboard.press('Escape');
      }
    }
    await this.page.locator('.quick-input-list .monaco-list-row').filter({ hasText: title }).first().waitFor({ timeout });
    await this.page.keyboard.press('Enter');
  }

  /**
   * Text of all notifications. Headless pages have no focus, so toasts do not show: this opens the
   * notification centre, reads it and closes it again.
   */
  async notifications() {
    await this.page.locator('[id="status.notifications"]').click();
    const center = this.page.locator('.notifications-center');
    await center.waitFor();
    const text = await center.innerText();
    await this.page.keyboard.press('Escape');
    return text;
  }

  /**
   * Hovers `locator` and returns the text of the hover that appears (tree item tooltips, editor
   * hovers). Moves the mouse away afterwards so the hover closes.
   */
  async hoverText(locator, { attempts = 3 } = {}) {
    const hover = this.page.locator('.workbench-hover, .monaco-hover:not(.hidden)').filter({ hasText: /\S/ }).last();
    for (let i = 1; ; i++) {
      // Leave and re-enter: a hover shows again only after the mouse has left its element.
      await this.page.mouse.move(1000, 700);
      await hover.waitFor({ state: 'hidden', timeout: 3000 }).catch(() => {});
      const box = await locator.boundingBox();
      await this.page.mouse.move(box.x + 5, box.y + box.height / 2);
      await this.page.mouse.move(box.x + Math.min(40, box.width / 2), box.y + box.height / 2, { steps: 4 });
      try {
        await hover.waitFor({ timeout: 5000 });
        const text = await hover.innerText();
        await this.page.mouse.move(1000, 700);
        return text;
      } catch (e) {
        if (i >= attempts) throw e;
      }
    }
  }

  /**
   * Sets a text setting the way a user does: Settings editor (workspace scope), search by id, type the
   * value, leave the field. Resolves once the Settings editor shows the new value.
   */
  async setTextSetting(id, value, { scope = 'Workspace' } = {}) {
    await this.runCommand(`Preferences: Open ${scope} Settings`);
    const editor = this.page.locator('.settings-editor');
    await editor.waitFor();
    // The search box has the focus when the Settings editor opens.
    await editor.locator('.search-container .monaco-editor.focused, .search-container .focused').first().waitFor();
    await this.page.keyboard.press('Control+A');
    await this.page.keyboard.type(id);
    // A setting's input is labelled with the setting's id.
    const input = editor.locator(`input[aria-label="${id}"]`);
    await input.waitFor();
    await input.fill(value);
    await this.page.keyboard.press('Tab');
    await this.page.waitForFunction(([sel, v]) => document.querySelector(sel)?.value === v, [`.settings-editor input[aria-label="${id}"]`, value]);
    // The Settings editor writes the file a moment later: callers wait for the file or its effect.
  }

  /** Drags the side bar's edge so that it is `width` pixels wide (long tree labels stay readable). */
  async resizeSidebar(width) {
    const box = await this.sidebar.boundingBox();
    const y = box.y + box.height / 2;
    await this.page.mouse.move(box.x + box.width + 1, y);
    await this.page.mouse.down();
    await this.page.mouse.move(box.x + width, y, { steps: 5 });
    await this.page.mouse.up();
  }

  /** Opens a new integrated terminal and waits until it takes input. */
  async openTerminal() {
    // The terminal's commands appear only once its backend is up, which takes a while on a busy
    // machine: ask again until the palette offers the command.
    for (let attempt = 1; ; attempt++) {
      try {
        await this.runCommand('Terminal: Create New Terminal', { timeout: 10_000 });
        break;
      } catch (e) {
        await this.page.keyboard.press('Escape');
        if (attempt === 6) throw e;
      }
    }
    await this.page.locator('.terminal-wrapper.active .xterm, .terminal .xterm').first().waitFor();
    await this.page.locator('.xterm-helper-textarea').first().focus();
    await this.page.waitForTimeout(1500); // the shell prints its prompt
  }

  /** Types a command line into the focused terminal and presses Enter. */
  async runInTerminal(commandLine) {
    await this.page.locator('.xterm-helper-textarea').first().focus();
    await this.page.keyboard.insertText(commandLine);
    await this.page.keyboard.press('Enter');
  }

  /**
   * The whole text of the active terminal, scrollback included: Select All and Copy, then the
   * clipboard (the journey's browser context needs clipboard permissions: see grantClipboard()).
   */
  async terminalText() {
    await this.runCommand('Terminal: Select All');
    await this.runCommand('Terminal: Copy Selection');
    await this.page.bringToFront();
    const text = await this.page.evaluate(() => navigator.clipboard.readText());
    await this.runCommand('Terminal: Clear Selection').catch(() => {});
    return text;
  }

  /** Lets the page read and write the clipboard (for terminalText()). */
  async grantClipboard() {
    await this.page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(this.page.url()).origin });
  }

  /** Waits until the active terminal's text matches `re` (polling terminalText()); returns the text. */
  async waitForTerminalText(re, { timeoutMs = 60_000 } = {}) {
    const deadline = Date.now() + timeoutMs;
    let text = '';
    for (;;) {
      text = await this.terminalText();
      if (re.test(text)) return text;
      if (Date.now() > deadline) throw new Error(`terminal text did not match ${re} within ${timeoutMs} ms; it ends with:\n${text.slice(-1500)}`);
      await this.page.waitForTimeout(1000);
    }
  }
}
