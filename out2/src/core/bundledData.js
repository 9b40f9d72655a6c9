"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.BUNDLED_SNAPSHOT = exports.BUNDLED_FILES = void 0;
exports.bundledKey = bundledKey;
exports.parseBundledData = parseBundledData;
exports.bundledSnapshot = bundledSnapshot;
exports.readBundledSnapshot = readBundledSnapshot;
const loader_1 = require("./model/loader");
const scan_1 = require("./scan/scan");
const workspaceIndex_1 = require("./scan/workspaceIndex");
const snapshot_1 = require("./snapshot");
/** File names under model/. */
exports.BUNDLED_FILES = { model: 'dsomm-model.yaml', probes: 'probes.yaml', rules: 'rules.yaml' };
/** The snapshot's path in the extension, next to the bundle. */
exports.BUNDLED_SNAPSHOT = 'dist/bundled-data.json';
function bundledKey(texts) {
    return [(0, workspaceIndex_1.contentHash)(texts.model), (0, workspaceIndex_1.contentHash)(texts.probes), (0, workspaceIndex_1.contentHash)(texts.rules)].join('/');
}
/** Parses the YAML files (what the snapshot saves the extension from doing). Throws naming file and line. */
function parseBundledData(texts) {
    return {
        key: bundledKey(texts),
        model: (0, loader_1.parseModel)(texts.model, 'bundled'),
        detection: (0, scan_1.loadDetectionData)(texts.probes, exports.BUNDLED_FILES.probes, texts.rules, exports.BUNDLED_FILES.rules),
    };
}
function bundledSnapshot(data) {
    return (0, snapshot_1.toSnapshotJson)(data);
}
/** The snapshot's data when it was made from exactly these texts; undefined when stale or unreadable. */
function readBundledSnapshot(json, texts) {
    let data;
    try {
        data = (0, snapshot_1.fromSnapshotJson)(json);
    }
    catch {
        return undefined;
    }
    return data && data.key === bundledKey(texts) && data.model && data.detection ? data : undefined;
}
//# sourceMappingURL=bundledData.js.map