"use strict";
// The one way the core touches files. The CLI passes a node `fs` implementation
// (nodeFileSystem.ts); the extension passes one over `vscode.workspace.fs`, which also
// serves remote and virtual workspaces. Paths are always '/'-separated and relative to
// the root the implementation was created for ('' is the root itself).
Object.defineProperty(exports, "__esModule", { value: true });
exports.FileRefusedError = exports.DEFAULT_READ_LIMIT = void 0;
exports.isRefused = isRefused;
exports.tooLarge = tooLarge;
exports.formatSize = formatSize;
exports.joinPath = joinPath;
exports.dirname = dirname;
exports.basename = basename;
exports.resolvePath = resolvePath;
exports.decodeText = decodeText;
/**
 * The ceiling for any single read that names no smaller one (a progress file, a model): far above
 * anything legitimate, far below what would exhaust memory.
 */
exports.DEFAULT_READ_LIMIT = 32 * 1024 * 1024;
/**
 * A read refused on purpose, not an I/O failure: the file is a FIFO, device, socket or folder, a
 * symbolic link (or a path through one) that leaves the workspace folder, or it is over the size
 * cap. The message is the one-line note to show; it never names where a link points.
 */
class FileRefusedError extends Error {
    path;
    reason;
    size;
    code = 'EREFUSED';
    constructor(path, reason, message, 
    /** For 'too-large': the size seen (at least maxBytes + 1). */
    size) {
        super(message);
        this.path = path;
        this.reason = reason;
        this.size = size;
        this.name = 'FileRefusedError';
    }
}
exports.FileRefusedError = FileRefusedError;
function isRefused(e) {
    return e instanceof FileRefusedError || (!!e && e.code === 'EREFUSED');
}
/** `size` undefined: the file grew past the cap while being read. */
function tooLarge(path, maxBytes, size) {
    const seen = size === undefined ? 'it grew while being read' : formatSize(size);
    return new FileRefusedError(path, 'too-large', `larger than ${formatSize(maxBytes)} (${seen})`, size ?? maxBytes + 1);
}
function formatSize(n) {
    if (n >= 1024 * 1024 && n % (1024 * 1024) === 0)
        return `${n / (1024 * 1024)} MiB`;
    if (n >= 1024 * 1024)
        return `${(n / (1024 * 1024)).toFixed(1)} MiB`;
    if (n >= 1024)
        return `${(n / 1024).toFixed(n % 1024 === 0 ? 0 : 1)} KiB`;
    return `${n} bytes`;
}
function joinPath(...parts) {
    return parts.filter((p) => p !== '' && p !== '.').join('/').replace(/\/+/g, '/');
}
function dirname(path) {
    const i = path.lastIndexOf('/');
    return i < 0 ? '' : path.slice(0, i);
}
function basename(path) {
    return path.slice(path.lastIndexOf('/') + 1);
}
/** Resolves `rel` against the folder `dir` (both root-relative); returns undefined when it leaves the root. */
function resolvePath(dir, rel) {
    const out = rel.startsWith('/') ? [] : dir.split('/').filter(Boolean);
    for (const seg of rel.split('/')) {
        if (seg === '' || seg === '.')
            continue;
        if (seg === '..') {
            if (out.length === 0)
                return undefined;
            out.pop();
        }
        else
            out.push(seg);
    }
    return out.join('/');
}
const decoder = new TextDecoder('utf-8', { fatal: true });
const utf16le = new TextDecoder('utf-16le', { fatal: true });
const utf16be = new TextDecoder('utf-16be', { fatal: true });
/**
 * Decodes UTF-8 (with or without BOM), and UTF-16 with its BOM (as Windows tools write it).
 * Line endings of a lone CR (classic Mac) become LF, so line numbers match what an editor shows;
 * CRLF is kept (offsets into the text stay those of the file). Binary or undecodable content gives
 * an error, not garbage.
 */
function decodeText(bytes) {
    let text;
    const bom16 = bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff));
    if (bom16) {
        try {
            text = (bytes[0] === 0xff ? utf16le : utf16be).decode(bytes);
        }
        catch {
            return { error: 'not valid UTF-16 text' };
        }
        if (text.includes('\0'))
            return { error: 'binary file (contains NUL characters)' };
    }
    else {
        const probe = bytes.subarray(0, Math.min(bytes.length, 8000));
        if (probe.includes(0))
            return { error: 'binary file (contains NUL bytes)' };
        try {
            text = decoder.decode(bytes);
        }
        catch {
            return { error: 'not valid UTF-8 text' };
        }
    }
    if (text.charCodeAt(0) === 0xfeff)
        text = text.slice(1);
    return { text: text.includes('\r') ? text.replace(/\r(?!\n)/g, '\n') : text };
}
//# sourceMappingURL=fs.js.map