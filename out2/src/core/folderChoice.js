"use strict";
// Which workspace folder a command, panel or status item acts on in a multi-root workspace: one
// rule for all of them, so the export, the dashboard, the progress commands and the status bar
// never disagree about "this folder".
Object.defineProperty(exports, "__esModule", { value: true });
exports.chooseFolder = chooseFolder;
/**
 * The named folder, else the only folder, else the active editor's folder, else the folder already
 * shown, else the first folder or a question. Hints that name a folder not in `folders` are ignored,
 * except `named`, which the user chose: acting on another folder instead would be a surprise.
 */
function chooseFolder(folders, hints, whenUnclear) {
    if (hints.named !== undefined)
        return folders.includes(hints.named) ? { kind: 'folder', key: hints.named } : { kind: 'gone', key: hints.named };
    if (folders.length === 0)
        return { kind: 'none' };
    if (folders.length === 1)
        return { kind: 'folder', key: folders[0] };
    for (const hint of [hints.active, hints.shown])
        if (hint !== undefined && folders.includes(hint))
            return { kind: 'folder', key: hint };
    return whenUnclear === 'first' ? { kind: 'folder', key: folders[0] } : { kind: 'ask' };
}
//# sourceMappingURL=folderChoice.js.map