// Editor helpers for journeys: open a file, go to a line, hover a word, run a quick fix, save,
// read the Problems panel. Selectors that depend on VS Code's DOM live here (see workbench.mjs).
import assert from 'node:assert/strict';

const escapeRegExp = s => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export class Editor {
  /** @param {import('playwright-core').Page} page */
  constructor(page) {
    this.page = page;
  }

  /** The active editor's text area (Monaco). */
  get active() {
    return this.page.locator('.editor-group-container.active .monaco-editor').first();
  }

  /** Opens a workspace file with Quick Open (Ctrl+P) and waits until its tab is the active one. */
  async openFile(relPath) {
    await this.page.keyboard.press('Control+P');
    const input = this.page.locator('.quick-input-widget input');
    await input.waitFor();
    await input.fill(relPath);
    const name = relPath.split('/').pop();
    // Quick Open lists the file with its folder as the description; wait for that row.
    const row = this.page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first();
    await row.waitFor();
    await this.page.keyboard.press('Enter');
    await this.page.locator('.editor-group-container.active .tab.active', { hasText: name }).first().waitFor();
    await this.active.locator('.view-lines').waitFor();
  }

  /** Moves the cursor to a 1-based line (Ctrl+G) and waits until the line is rendered. */
  async goToLine(line) {
    await this.page.keyboard.press('Control+G');
    const input = this.page.locator('.quick-input-widget input');
    await input.waitFor();
    await input.fill(`:${line}`);
    await this.page.keyboard.press('Enter');
    await this.page.waitForFunction(
      n => [...document.querySelectorAll('.editor-group-container.active .monaco-editor .line-numbers')].some(e => e.textContent.trim() === String(n)),
      line,
    );
  }

  /** The rendered line whose text contains `text` (spaces render as no-break spaces). */
  line(text) {
    return this.active.locator('.view-line', { hasText: new RegExp(escapeRegExp(text).replace(/ /g, '[\\s\\u00a0]')) }).first();
  }

  /** Screen point in the middle of the first occurrence of `word` on the line containing `lineText`. */
  async pointAt(lineText, word) {
    const line = this.line(lineText);
    await line.waitFor();
    const p = await line.evaluate((el, needle) => {
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const i = n.textContent.indexOf(needle);
        if (i < 0) continue;
        const r = document.createRange();
        r.setStart(n, i);
        r.setEnd(n, i + needle.length);
        const b = r.getBoundingClientRect();
        return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
      }
      return undefined;
    }, word);
    assert.ok(p, `"${word}" not found (as one token) on the line "${lineText}"`);
    return p;
  }

  /** Hovers `word` on the line containing `lineText`; returns the hover's text once it holds `expect`. */
  async hover(lineText, word, expect) {
    const { x, y } = await this.pointAt(lineText, word);
    await this.page.mouse.move(x - 3, y);
    await this.page.mouse.move(x, y, { steps: 3 });
    const hover = this.page.locator('.monaco-hover:visible', { hasText: expect }).first();
    await hover.waitFor({ timeout: 15_000 });
    return hover.innerText();
  }

  /**
   * Clicks into the line containing `lineText` and opens the quick-fix menu from the lightbulb
   * (Ctrl+. when no lightbulb shows); returns the menu's entries.
   */
  async quickFixes(lineText, word) {
    const { x, y } = await this.pointAt(lineText, word);
    await this.page.mouse.click(x, y);
    const menu = this.page.locator('.action-widget').first();
    const bulb = this.page.locator('.editor-group-container.active .lightBulbWidget').first();
    try {
      await bulb.waitFor({ timeout: 10_000 });
      await bulb.click();
      await menu.waitFor({ timeout: 5_000 });
    } catch {
      await this.page.keyboard.press('Control+.');
      await menu.waitFor();
    }
    const rows = menu.locator('.monaco-list-row.action');
    await rows.first().waitFor();
    return (await rows.allInnerTexts()).map(s => s.trim());
  }

  /** Picks an entry of the open quick-fix menu by its title. */
  async chooseQuickFix(title) {
    const row = this.page.locator('.action-widget .monaco-list-row.action', { hasText: title }).first();
    await row.waitFor();
    await row.click();
    await this.page.locator('.action-widget').first().waitFor({ state: 'hidden' });
  }

  /** Saves the focused editor (Ctrl+S; Escape first closes a hover or menu); the caller checks the file on disk. */
  async save() {
    await this.page.keyboard.press('Escape');
    await this.page.keyboard.press('Control+S');
  }

  /** Opens the Problems panel and returns the rendered problem rows' text. */
  async problems() {
    const panel = this.page.locator('.markers-panel');
    if (!(await panel.isVisible())) {
      await this.page.keyboard.press('Control+Shift+M');
      await panel.waitFor();
    }
    await this.page.waitForTimeout(300);
    return (await panel.locator('.monaco-list-row').allInnerTexts()).map(s => s.replace(/\s+/g, ' ').trim());
  }

  /** Waits until some Problems row matches (or, with `gone`, none does) `pattern`. */
  async waitForProblem(pattern, { gone = false, timeoutMs = 20_000 } = {}) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const rows = await this.problems();
      const found = rows.some(r => pattern.test(r));
      if (found !== gone) { return rows; }
      if (Date.now() > deadline) {
        throw new Error(`${gone ? 'still' : 'no'} problem matching ${pattern} after ${timeoutMs} ms: ${JSON.stringify(rows)}`);
      }
      await this.page.waitForTimeout(300);
    }
  }
}
