"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.FolderScan = void 0;
exports.scanFolder = scanFolder;
const configFiles_1 = require("./discover/configFiles");
const evaluate_1 = require("./detect/evaluate");
const workspaceIndex_1 = require("./workspaceIndex");
class FolderScan {
    root;
    data;
    index;
    /** Sees the walker's directory listings and keeps the tool configuration files. */
    configFiles;
    constructor(fs, 
    /** How the result names the folder (a path for the CLI, a URI in the editor). */
    root, data, settings = {}, 
    /** How the host runs the walk (yielding, concurrency, cancellation); never what it finds. */
    host = {}) {
        this.root = root;
        this.data = data;
        const options = { ...host, includeTestFolders: settings.includeTestFolders ?? false, ...(settings.maxFileSize !== undefined ? { maxFileSize: settings.maxFileSize } : {}) };
        this.configFiles = new configFiles_1.ConfigFileRecorder(fs, data.catalogue, options.includeTestFolders);
        this.index = new workspaceIndex_1.WorkspaceIndex(this.configFiles, data.catalogue, options);
    }
    /** Walks, reads and parses the folder (again). */
    build() {
        return this.index.build();
    }
    /**
     * Applies file changes (watcher events) to the index and to the recorded configuration files.
     * Returns false when nothing that matters changed.
     */
    async update(changes) {
        const configChanged = await this.configFiles.update(changes);
        const indexChanged = await this.index.update(changes);
        return configChanged || indexChanged;
    }
    /**
     * Could a watcher event for `path` change the assessment? No file-system call: the editor drops
     * the events of files nothing reads (a saved README, a touched lockfile) before they cost work.
     */
    mayMatter(path, deleted) {
        return this.configFiles.mayMatter(path, deleted) || this.index.mayMatter(path, deleted);
    }
    /** The folder's result from the files alone (the team's progress is layered on by the caller). */
    evaluate(model) {
        return (0, evaluate_1.evaluate)({ root: this.root, index: this.index, model, catalogue: this.data.catalogue, rules: this.data.rules, configFiles: this.configFiles.paths() });
    }
}
exports.FolderScan = FolderScan;
/** Builds and evaluates a folder once (the CLI; tests). */
async function scanFolder(fs, root, model, data, settings = {}) {
    const scan = new FolderScan(fs, root, data, settings);
    await scan.build();
    return { scan, result: scan.evaluate(model) };
}
//# sourceMappingURL=folderScan.js.map