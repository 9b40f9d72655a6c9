// Waits in journeys are conditions, never sleeps. Their time limits only bound a failing run, so
// they are generous: on a machine busy with other work the workbench and the extension host get a
// small share of two cores, and the first index build alone took 50 s there.

/** The longest wait for the extension's first result after the window opened (tree, status bar). */
export const FIRST_RESULT_MS = 180_000;

// Polls until `fn` gives a truthy value: for what the workbench shows or writes a moment later.
export async function waitUntil(what, fn, timeoutMs = 60_000) {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise(r => setTimeout(r, 200));
  }
}
