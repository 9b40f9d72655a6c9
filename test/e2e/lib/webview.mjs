// Webviews live in nested iframes: a webview's frame is found by what it shows.

/** The (nested) frame of a webview that shows `selector` with `text`. */
export async function webviewFrame(page, selector, text, timeoutMs = 30_000) {
  const end = Date.now() + timeoutMs;
  for (;;) {
    for (const frame of page.frames()) {
      if (frame === page.mainFrame()) continue;
      const count = await frame.locator(selector, { hasText: text }).count().catch(() => 0);
      if (count > 0) return frame;
    }
    if (Date.now() > end) throw new Error(`no webview shows ${selector} "${text}"`);
    await page.waitForTimeout(200);
  }
}
