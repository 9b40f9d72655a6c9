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

  /**
   * Hovers `word` on the line containing `lineText`; returns the hover's text once it holds `expect`.
   * A hover that did not come (its delay ran out while the page was busy, or the mouse was already
   * there) comes again only after the mouse has left the word: leave and re-enter, a few times.
   */
  async hover(lineText, word, expect, { attempts = 4 } = {}) {
    const hover = this.page.locator('.monaco-hover:visible', { hasText: expect }).first();
    for (let attempt = 1; ; attempt++) {
      const { x, y } = await this.pointAt(lineText, word);
      await this.page.mouse.move(x - 3, y);
      await this.page.mouse.move(x, y, { steps: 3 });
      try {
        await hover.waitFor({ timeout: 15_000 });
        return hover.innerText();
      } catch (e) {
        if (attempt >= attempts) throw e;
        await this.page.mouse.move(1000, 850);
        await this.page.locator('.monaco-hover:visible').first().waitFor({ state: 'hidden', timeout: 5_000 }).catch(() => {});
      }
    }
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
    // The panel has rendered its list once it shows rows or says that there are none.
    await panel.locator('.monaco-list-row').or(panel.getByText(/No results found|No problems have been detected/)).first().waitFor();
    return (await panel.locator('.monaco-list-row').allInnerTexts()).map(s => s.replace(/\s+/g, ' ').trim());
  }

  /**
   * The Problems panel's markers for one file, read with the panel's filter set to the file's path
   * (so that no other file's rows push them out of the rendered part of the list). Returns the
   * markers' texts ("message  source(code)  [Ln 3, Col 1]"). The filter is cleared afterwards.
   */
  async problemsOf(relPath) {
    const panel = this.page.locator('.markers-panel');
    if (!(await panel.isVisible())) {
      await this.page.keyboard.press('Control+Shift+M');
      await panel.waitFor();
    }
    const filter = this.page.locator('.markers-panel-action-filter .monaco-inputbox textarea, .markers-panel-action-filter input, .viewpane-filter textarea, .viewpane-filter input').first();
    // fill() targets the filter box itself: typing after a click could land in the editor when the
    // click did not take focus (Ctrl+A there replaced the whole file on a busy machine).
    const text = `**/${relPath}`;
    await filter.fill(text);
    const name = relPath.split('/').pop();
    // The filter applies a moment after typing: wait until only this file's resource row is left,
    // or the panel says that nothing matches; fill again if the workbench dropped the text.
    const deadline = Date.now() + 15_000;
    for (;;) {
      if ((await filter.inputValue()) !== text) await filter.fill(text);
      const files = await panel.locator('.monaco-list-row[aria-level="1"]').allInnerTexts();
      if (files.length > 0 && files.every(f => f.includes(name))) break;
      if (files.length === 0 && (await panel.getByText(/No results found|No problems have been detected/).count()) > 0) break;
      if (Date.now() > deadline) throw new Error(`the Problems filter for ${relPath} did not apply: ${JSON.stringify(files)}`);
      await this.page.waitForTimeout(150);
    }
    const markers = (await panel.locator('.monaco-list-row[aria-level="2"]').allInnerTexts()).map(s => s.replace(/\s+/g, ' ').trim());
    await filter.fill('');
    return markers;
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
