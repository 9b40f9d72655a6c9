"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.LOCK_STALE_MS = void 0;
exports.parseProgressText = parseProgressText;
exports.parseEvidenceText = parseEvidenceText;
exports.readProgress = readProgress;
exports.setState = setState;
exports.setNotApplicable = setNotApplicable;
exports.clearNotApplicable = clearNotApplicable;
exports.saveEvidence = saveEvidence;
exports.removeEvidence = removeEvidence;
exports.lockPath = lockPath;
exports.checkTeamFilePath = checkTeamFilePath;
exports.isNotFound = isNotFound;
exports.randomId = randomId;
// The team progress store: reads `team-progress.yaml` and its companion `team-evidence.yaml`,
// and makes one edit at a time without ever losing data:
// - every edit is applied to the file as it is on disk right now (read, edit, write), never to a
//   copy read earlier, so an external change made in the meantime survives;
// - just before replacing, the file is read again; if it changed since our read, the edit is
//   re-applied to the new content (a few times, then ProgressFileError 'conflict');
// - a file that does not parse is never replaced (ProgressFileError with file and line);
// - the new text is written to a temporary file in the same folder and renamed over the old one
//   (atomic on local disks), after the old version was saved as `.<name>.bak` next to it;
// - the new text must read back to exactly what we meant before anything is written;
// - edits of one file are queued in this process, and across processes (two windows on one
//   workspace, the CLI) a lock file `.<name>.lock` next to it is held while reading, editing
//   and replacing. A lock older than LOCK_STALE_MS is taken to be left by a crash and broken;
//   so is one this process left behind when its clean-up failed.
// Only one small window remains: a writer that ignores the lock (an editor saving the file by
// hand) landing between the last re-read and the rename.
const fs_1 = require("../fs");
const data_1 = require("./data");
const evidenceFile_1 = require("./evidenceFile");
const progressFile_1 = require("./progressFile");
const settings_1 = require("./settings");
/** Saving takes milliseconds; a lock this old was left by a writer that died. */
exports.LOCK_STALE_MS = 10_000;
/** Parses a team-progress.yaml text (pure; for the CLI and tests). Throws ProgressFileError. */
function parseProgressText(text, source) {
    return (0, progressFile_1.parseProgressDocument)(text, source);
}
/** Parses a team-evidence.yaml text pure. Throws ProgressFileError. */
function parseEvidenceText(text, source) {
    return (0, evidenceFile_1.parseEvidenceDocument)(text, source);
}
/** Both files; a missing file reads as empty. Throws ProgressFileError for unreadable or invalid files. */
async function readProgress(fs, settings) {
    const progressBytes = await readTeamFile(fs, settings.file);
    const evidenceBytes = await readTeamFile(fs, settings.evidenceFile);
    const progress = progressBytes === undefined ? (0, progressFile_1.emptyProgressDocument)(settings.file) : (0, progressFile_1.parseProgressDocument)(decode(progressBytes, settings.file), settings.file);
    const evidence = evidenceBytes === undefined ? (0, evidenceFile_1.emptyEvidenceDocument)(settings.evidenceFile) : (0, evidenceFile_1.parseEvidenceDocument)(decode(evidenceBytes, settings.evidenceFile), settings.evidenceFile);
    return new data_1.ProgressData(settings, progress, evidence);
}
/**
 * Sets the team's state of one activity (`state` undefined or the 0 % state: no progress).
 * Lower states are filled up to it (existing dates kept, missing ones `today`), higher ones
 * removed; other teams, unknown states and other activities are not touched.
 */
async function setState(fs, settings, uuid, state, activityName, today = new Date(), options = {}) {
    checkEdit(settings, uuid);
    if (state !== undefined && !settings.states.some((s) => s.name === state)) {
        throw new RangeError(`unknown progress state "${state}" (known: ${settings.states.map((s) => s.name).join(', ')})`);
    }
    const day = (0, settings_1.dayOf)(today);
    const changed = await update(fs, settings, settings.file, progressKind(settings, options), (doc) => (0, progressFile_1.applyState)(doc, settings, uuid, state, activityName, day), options);
    return { changed, file: settings.file };
}
/** Records in the companion file that the activity does not apply to the team (reason required). */
async function setNotApplicable(fs, settings, uuid, decision, activityName, today = new Date(), options = {}) {
    checkEdit(settings, uuid);
    if (!decision.reason?.trim())
        throw new RangeError('a "not applicable" decision needs a reason');
    const day = (0, settings_1.dayOf)(today);
    const newId = options.newId ?? randomId;
    const changed = await update(fs, settings, settings.evidenceFile, evidenceKind(options), (doc) => (0, evidenceFile_1.applyNotApplicable)(doc, settings.team, uuid, decision, activityName, day, newId), options);
    return { changed, file: settings.evidenceFile };
}
/** Withdraws the team's "not applicable" decision for the activity. */
async function clearNotApplicable(fs, settings, uuid, options = {}) {
    checkEdit(settings, uuid);
    const changed = await update(fs, settings, settings.evidenceFile, evidenceKind(options), (doc) => (0, evidenceFile_1.applyClearNotApplicable)(doc, settings.team, uuid), options);
    return { changed, file: settings.evidenceFile };
}
/** Adds free-text evidence for the team (or updates the entry `input.id`). The result has its id. */
async function saveEvidence(fs, settings, uuid, input, activityName, today = new Date(), options = {}) {
    checkEdit(settings, uuid);
    if (!input.title?.trim())
        throw new RangeError('evidence needs a title');
    const day = (0, settings_1.dayOf)(today);
    // One id for every attempt, so a retried save does not create a second entry.
    const id = input.id ?? (options.newId ?? randomId)();
    const changed = await update(fs, settings, settings.evidenceFile, evidenceKind(options), (doc) => (0, evidenceFile_1.applyEvidence)(doc, settings.team, uuid, { ...input, id }, activityName, day, () => id).changed, options);
    return { changed, file: settings.evidenceFile, id };
}
/** Removes the team from evidence entry `id` (the entry goes when no other team shares it). */
async function removeEvidence(fs, settings, uuid, id, options = {}) {
    checkEdit(settings, uuid);
    const changed = await update(fs, settings, settings.evidenceFile, evidenceKind(options), (doc) => (0, evidenceFile_1.applyRemoveEvidence)(doc, settings.team, uuid, id), options);
    return { changed, file: settings.evidenceFile };
}
function checkEdit(settings, uuid) {
    if (!settings.team.trim())
        throw new settings_1.ProgressSettingsError('no team name is set');
    if (!uuid.trim() || /[\r\n]/.test(uuid))
        throw new RangeError(`not an activity uuid: "${uuid}"`);
}
function progressKind(settings, options) {
    return {
        empty: progressFile_1.emptyProgressDocument,
        parse: progressFile_1.parseProgressDocument,
        emit: (doc) => (0, progressFile_1.emitProgressDocument)(doc, { states: settings.states, names: options.names }),
        snapshot: progressFile_1.progressSnapshot,
    };
}
function evidenceKind(options) {
    return {
        empty: evidenceFile_1.emptyEvidenceDocument,
        parse: evidenceFile_1.parseEvidenceDocument,
        emit: (doc) => (0, evidenceFile_1.emitEvidenceDocument)(doc, { names: options.names }),
        snapshot: evidenceFile_1.evidenceSnapshot,
    };
}
async function update(fs, settings, path, kind, edit, options) {
    const changed = await queued(fs, path, async () => {
        // Before the lock file or the folder is created: a linked `.dsomm/` must not get them either.
        await checkTeamFilePath(fs, path);
        return withLock(fs, path, options.lockStaleMs ?? exports.LOCK_STALE_MS, () => edit1(fs, path, kind, edit, options));
    });
    if (changed)
        await createCompanions(fs, settings, path);
    return changed;
}
/**
 * Once the team has recorded anything, both files exist: the DSOMM web app reports a missing one
 * as a loading error, and Docker mounts a folder in place of a file that does not exist yet.
 * Created only where nothing is (an existing file, even a broken one, is never touched).
 */
async function createCompanions(fs, settings, written) {
    const empty = [
        [settings.file, (0, progressFile_1.emitProgressDocument)((0, progressFile_1.emptyProgressDocument)(settings.file), { states: settings.states })],
        [settings.evidenceFile, (0, evidenceFile_1.emitEvidenceDocument)((0, evidenceFile_1.emptyEvidenceDocument)(settings.evidenceFile), {})],
    ];
    for (const [path, text] of empty) {
        if (path === written)
            continue;
        await checkTeamFilePath(fs, path);
        const dir = (0, fs_1.dirname)(path);
        if (dir)
            await io(path, 'cannot create the folder', () => fs.createDirectory(dir));
        try {
            await fs.createExclusive(path, new TextEncoder().encode(text));
        }
        catch (e) {
            throw new settings_1.ProgressFileError(path, `cannot create the empty file next to ${(0, fs_1.basename)(written)}: ${describe(e)} (${(0, fs_1.basename)(written)} was saved)`, 'io');
        }
    }
}
// ---------------------------------------------------------------------------------------------
// One writer at a time
const queues = new WeakMap();
/** Runs `job` after every earlier job for the same file of the same file system (in this process). */
function queued(fs, path, job) {
    let perFile = queues.get(fs);
    if (!perFile)
        queues.set(fs, (perFile = new Map()));
    const run = (perFile.get(path) ?? Promise.resolve()).then(job);
    const tail = run.then(() => undefined, () => undefined);
    perFile.set(path, tail);
    void tail.then(() => {
        if (perFile.get(path) === tail)
            perFile.delete(path);
    });
    return run;
}
/** Identifies this process in lock files it writes. */
const PROCESS_TOKEN = randomId();
/** Lock files held right now by this process (any file system), by path. */
const heldLocks = new Map();
function lockPath(file) {
    return (0, fs_1.joinPath)((0, fs_1.dirname)(file), `.${(0, fs_1.basename)(file)}.lock`);
}
async function withLock(fs, file, staleMs, job) {
    const lock = lockPath(file);
    const dir = (0, fs_1.dirname)(file);
    if (dir)
        await io(file, 'cannot create the folder', () => fs.createDirectory(dir));
    const body = new TextEncoder().encode(JSON.stringify({ owner: PROCESS_TOKEN, since: new Date().toISOString() }) + '\n');
    const deadline = Date.now() + staleMs * 3;
    for (let wait = 10;; wait = Math.min(wait * 2, 200)) {
        let created;
        try {
            created = await fs.createExclusive(lock, body);
        }
        catch (e) {
            throw new settings_1.ProgressFileError(file, `cannot create the lock file ${lock}: ${describe(e)}; the file was left as it was`, 'io');
        }
        if (created)
            break;
        if (await isAbandoned(fs, lock, staleMs)) {
            await fs.delete(lock).catch(() => undefined);
            continue;
        }
        if (Date.now() > deadline) {
            throw new settings_1.ProgressFileError(file, `another window or process keeps the file locked (${lock}); nothing was written`, 'conflict');
        }
        await new Promise((resolve) => setTimeout(resolve, wait));
    }
    heldLocks.set(lock, (heldLocks.get(lock) ?? 0) + 1);
    try {
        return await job();
    }
    finally {
        const n = heldLocks.get(lock) - 1;
        if (n === 0)
            heldLocks.delete(lock);
        else
            heldLocks.set(lock, n);
        await fs.delete(lock).catch(() => undefined);
    }
}
/** A lock left by a crashed writer: older than staleMs, or ours while this process holds none. */
async function isAbandoned(fs, lock, staleMs) {
    let stat;
    try {
        stat = await fs.stat(lock);
    }
    catch {
        return false; // gone in the meantime: just try again
    }
    if (stat.mtime > 0 && Date.now() - stat.mtime > staleMs)
        return true;
    if (heldLocks.has(lock))
        return false;
    const text = await fs.readFile(lock, { maxBytes: 4096 }).then((b) => new TextDecoder().decode(b), () => '');
    return text.includes(PROCESS_TOKEN);
}
async function edit1(fs, path, kind, edit, options) {
    const retries = options.retries ?? 5;
    for (let attempt = 0; attempt <= retries; attempt++) {
        const before = await readTeamFile(fs, path);
        const oldText = before === undefined ? undefined : decode(before, path);
        const doc = oldText === undefined ? kind.empty(path) : kind.parse(oldText, path);
        if (!edit(doc))
            return false;
        let text = kind.emit(doc);
        let back;
        try {
            back = kind.parse(text, path);
        }
        catch {
            back = undefined;
        }
        if (back === undefined || kind.snapshot(back) !== kind.snapshot(doc)) {
            throw new settings_1.ProgressFileError(path, 'internal error: the new content would not read back the same, so the file was left as it was', 'internal');
        }
        if (oldText !== undefined && oldText.includes('\r\n'))
            text = text.replace(/\n/g, '\r\n');
        if (await replace(fs, path, before, new TextEncoder().encode(text)))
            return true;
    }
    throw new settings_1.ProgressFileError(path, `the file kept changing on disk while saving (${retries + 1} attempts); nothing was written`, 'conflict');
}
/**
 * Writes `data` to `path` through a temporary file in the same folder, unless the file no longer
 * holds `expected` (undefined: did not exist). Returns false in that case (nothing written).
 */
async function replace(fs, path, expected, data) {
    const dir = (0, fs_1.dirname)(path);
    const tmp = (0, fs_1.joinPath)(dir, `.${(0, fs_1.basename)(path)}.${randomSuffix()}.tmp`);
    if (dir)
        await io(path, 'cannot create the folder', () => fs.createDirectory(dir));
    await io(path, 'cannot write a temporary file', () => fs.writeFile(tmp, data));
    let renamed = false;
    try {
        const now = await readTeamFile(fs, path);
        if (!sameBytes(now, expected))
            return false;
        if (expected !== undefined)
            await writeBackup(fs, path, expected);
        await io(path, 'cannot replace the file', () => fs.rename(tmp, path, { overwrite: true }));
        renamed = true;
        await removeStaleTemporaries(fs, path);
        return true;
    }
    finally {
        if (!renamed)
            await fs.delete(tmp).catch(() => undefined);
    }
}
/**
 * Temporary files of this file and its backup that a writer killed mid-write left behind. Only
 * called while holding the file's lock: every writer writes its temporary file under the lock, so
 * any other one is an orphan. Clean-up failures are not worth failing a saved edit for.
 */
async function removeStaleTemporaries(fs, path) {
    const name = (0, fs_1.basename)(path);
    const dir = (0, fs_1.dirname)(path);
    const ours = new RegExp(`^\\.${escapeRegExp(name)}(?:\\.bak)?\\.[0-9a-z]{1,8}\\.tmp$`);
    let entries;
    try {
        entries = await fs.readDirectory(dir);
    }
    catch {
        return;
    }
    for (const e of entries) {
        if (e.type === 'file' && !e.symlink && ours.test(e.name))
            await fs.delete((0, fs_1.joinPath)(dir, e.name)).catch(() => undefined);
    }
}
function escapeRegExp(text) {
    return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
/** The last good version, replaced atomically too: a crash leaves the previous backup, never half a one. */
async function writeBackup(fs, path, data) {
    const backup = (0, settings_1.backupPath)(path);
    const tmp = `${backup}.${randomSuffix()}.tmp`;
    let renamed = false;
    try {
        await io(path, 'cannot write the backup', () => fs.writeFile(tmp, data));
        await io(path, 'cannot write the backup', () => fs.rename(tmp, backup, { overwrite: true }));
        renamed = true;
    }
    finally {
        if (!renamed)
            await fs.delete(tmp).catch(() => undefined);
    }
}
async function io(path, what, action) {
    try {
        await action();
    }
    catch (e) {
        throw new settings_1.ProgressFileError(path, `${what}: ${describe(e)}; the file was left as it was`, 'io');
    }
}
/** The file's bytes, undefined when it does not exist. Checks the path first (checkTeamFilePath). */
async function readTeamFile(fs, path) {
    await checkTeamFilePath(fs, path);
    try {
        return await fs.readFile(path);
    }
    catch (e) {
        if (isNotFound(e))
            return undefined;
        if (isDirectoryError(e))
            throw folderInPlace(path);
        // The guarded read refused it (a FIFO or device, a link out of the workspace, over the size cap).
        if ((0, fs_1.isRefused)(e))
            throw new settings_1.ProgressFileError(path, `${e.message}; the team's files are never read from there`, 'refused');
        throw new settings_1.ProgressFileError(path, `cannot read: ${describe(e)}`, 'io');
    }
}
/**
 * The team's files are never read or written through a symbolic link (the file itself or a folder
 * on its way, such as a linked `.dsomm/`): a link can lead out of the workspace, and a file from
 * there would be copied into the progress file and its backup, ready to be committed. A folder in
 * place of the file gets its own message. Throws ProgressFileError 'refused'.
 */
async function checkTeamFilePath(fs, path) {
    const segments = path.split('/');
    let dir = '';
    for (let i = 0; i < segments.length; i++) {
        let entries;
        try {
            entries = await fs.readDirectory(dir);
        }
        catch {
            return; // the folder does not exist (yet): nothing on the way can be a link
        }
        const entry = entries.find((e) => e.name === segments[i]);
        if (!entry)
            return;
        const last = i === segments.length - 1;
        const here = (0, fs_1.joinPath)(dir, segments[i]);
        if (entry.symlink) {
            const what = last ? 'is a symbolic link' : `lies in a linked folder (${here} is a symbolic link)`;
            throw new settings_1.ProgressFileError(path, `${what}; the team's files are never read or written through a link, as it could lead outside the workspace and copy a file from there into the repository. Replace the link with the real ${last ? 'file' : 'folder'}`, 'refused');
        }
        if (last && entry.type === 'directory')
            throw folderInPlace(path);
        dir = here;
    }
}
function folderInPlace(path) {
    return new settings_1.ProgressFileError(path, "is a folder, not a file. Docker creates an empty folder when a file that does not exist yet is mounted with '-v FILE:FILE'; delete that folder (the team's file is created on the next record) and mount the whole .dsomm folder instead (see the README, \"Sharing progress\")", 'refused');
}
/** Node's EISDIR, or vscode.FileSystemError.FileIsADirectory. */
function isDirectoryError(e) {
    const err = e;
    return !!err && (err.code === 'EISDIR' || err.code === 'FileIsADirectory' || (typeof err.name === 'string' && /FileIsADirectory/.test(err.name)));
}
function decode(bytes, path) {
    const d = (0, fs_1.decodeText)(bytes);
    if ('error' in d)
        throw new settings_1.ProgressFileError(path, d.error, 'encoding', 1, 1);
    return d.text;
}
/** Node's ENOENT, or vscode.FileSystemError.FileNotFound. */
function isNotFound(e) {
    const err = e;
    return !!err && (err.code === 'ENOENT' || err.code === 'FileNotFound' || (typeof err.name === 'string' && /EntryNotFound|FileNotFound/.test(err.name)));
}
function describe(e) {
    const err = e;
    if (err && typeof err.code === 'string' && err.code !== 'Unknown')
        return err.code;
    return err && typeof err.message === 'string' ? err.message : String(e);
}
function sameBytes(a, b) {
    if (a === undefined || b === undefined)
        return a === b;
    if (a.length !== b.length)
        return false;
    for (let i = 0; i < a.length; i++)
        if (a[i] !== b[i])
            return false;
    return true;
}
function randomSuffix() {
    return Math.random().toString(36).slice(2, 10);
}
/** A random (version 4) UUID, as the web app uses for evidence ids. */
function randomId() {
    const c = globalThis.crypto;
    if (c?.randomUUID)
        return c.randomUUID();
    const hex = Array.from({ length: 32 }, () => Math.floor(Math.random() * 16).toString(16));
    hex[12] = '4';
    hex[16] = ((parseInt(hex[16], 16) & 3) | 8).toString(16);
    const h = hex.join('');
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
//# sourceMappingURL=store.js.map