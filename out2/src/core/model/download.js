"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.MAX_MODEL_BYTES = void 0;
exports.downloadOfficialModel = downloadOfficialModel;
// Fetches the newest official DSOMM model release and validates it before anyone uses it.
// The HTTP client is injected (the extension passes the global fetch), so tests run
// against a local server and nothing here depends on a particular runtime.
const loader_1 = require("./loader");
exports.MAX_MODEL_BYTES = 20 * 1024 * 1024;
/** A release tag that is safe to put into a URL path: no "..", no slashes, no query. */
const TAG_RE = /^[A-Za-z0-9][\w.-]{0,99}$/;
async function downloadOfficialModel(fetchFn, releaseApiUrl, downloadUrlTemplate, signal) {
    const release = await getText(fetchFn, releaseApiUrl, signal, { Accept: 'application/vnd.github+json' });
    let tag;
    try {
        tag = JSON.parse(release)?.tag_name; // `null` is JSON too
    }
    catch {
        throw new Error(`the release information from ${releaseApiUrl} is not JSON`);
    }
    if (typeof tag !== 'string' || !TAG_RE.test(tag)) {
        throw new Error(`the release information from ${releaseApiUrl} has no usable tag_name`);
    }
    const url = downloadUrlTemplate.replace(/\{tag\}/g, encodeURIComponent(tag));
    const text = await getText(fetchFn, url, signal);
    if (signal?.aborted)
        throw cancelled(url);
    // Throws a ModelError naming the URL and line when the file is not a usable model.
    const model = (0, loader_1.parseModel)(text, url);
    return { tag, url, text, model };
}
async function getText(fetchFn, url, signal, headers = {}) {
    let res;
    try {
        res = await fetchFn(url, { headers: { 'User-Agent': 'dsomm-vscode', ...headers }, signal });
    }
    catch (e) {
        throw failure(`could not reach ${url}`, url, e, signal);
    }
    if (!res.ok)
        throw new Error(`${url} answered ${res.status} ${res.statusText}`.trim());
    let text;
    try {
        text = await res.text();
    }
    catch (e) {
        throw failure(`could not read the answer of ${url}`, url, e, signal);
    }
    if (text.length > exports.MAX_MODEL_BYTES)
        throw new Error(`${url} sent more than ${exports.MAX_MODEL_BYTES / 1024 / 1024} MiB`);
    return text;
}
/** A cancelled download keeps the name 'AbortError', so callers can tell it from a failure. */
function cancelled(url) {
    const e = new Error(`the download of ${url} was cancelled`);
    e.name = 'AbortError';
    return e;
}
function failure(what, url, e, signal) {
    if (signal?.aborted || e?.name === 'AbortError')
        return cancelled(url);
    // Node's fetch says only "fetch failed"; the reason (ECONNREFUSED, ENOTFOUND, ...) is in `cause`.
    const cause = e?.cause?.code;
    return new Error(`${what}: ${e?.message ?? String(e)}${typeof cause === 'string' ? ` (${cause})` : ''}`);
}
//# sourceMappingURL=download.js.map