"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", { value: true });
exports.DEMO = exports.REPO_ROOT = void 0;
exports.bundled = bundled;
exports.scanDir = scanDir;
exports.at = at;
// Shared by the engine and CLI tests: the bundled model and detection data, and a scan of a folder.
const teamTools_1 = require("../../src/core/scan/teamTools");
const node_fs_1 = require("node:fs");
const path = __importStar(require("node:path"));
const loader_1 = require("../../src/core/model/loader");
const nodeFileSystem_1 = require("../../src/core/nodeFileSystem");
const scan_1 = require("../../src/core/scan/scan");
const folderScan_1 = require("../../src/core/scan/folderScan");
exports.REPO_ROOT = path.resolve(__dirname, '../../..');
exports.DEMO = path.join(exports.REPO_ROOT, 'test/fixtures/demo-workspace');
let cached;
function bundled() {
    if (!cached) {
        const read = (f) => (0, node_fs_1.readFileSync)(path.join(exports.REPO_ROOT, 'model', f), 'utf8');
        cached = {
            model: (0, loader_1.parseModel)(read('dsomm-model.yaml'), 'bundled'),
            data: (0, scan_1.loadDetectionData)(read('probes.yaml'), 'model/probes.yaml', read('rules.yaml'), 'model/rules.yaml'),
        };
    }
    return cached;
}
async function scanDir(dir) {
    const { model, data } = bundled();
    const fs = new nodeFileSystem_1.NodeFileSystem(dir);
    // The team's declared blocks and commands, as both hosts read them.
    const { scan, result } = await (0, folderScan_1.scanFolder)(fs, dir, model, (0, teamTools_1.withTeamTools)(data, await (0, teamTools_1.readTeamTools)(fs, data.catalogue)));
    return { index: scan.index, configFiles: scan.configFiles, result };
}
/** `path:line` of anything with a loc (or a loc itself). */
function at(x) {
    const l = 'loc' in x ? x.loc : x;
    return `${l.path}:${l.line}`;
}
//# sourceMappingURL=scanHelpers.js.map