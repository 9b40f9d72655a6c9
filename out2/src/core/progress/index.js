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
var __exportStar = (this && this.__exportStar) || function(m, exports) {
    for (var p in m) if (p !== "default" && !Object.prototype.hasOwnProperty.call(exports, p)) __createBinding(exports, m, p);
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.detectedEvidenceInput = exports.lineUrl = exports.webUrlOf = exports.parseRemotes = exports.readRepositoryInfo = exports.settingsFromConfig = exports.loadWorkspaceProgress = exports.TEAMS_FILE_NAME = exports.META_FILE_NAME = exports.addTeamToConfig = exports.createDsommConfig = exports.emitDsommConfig = exports.parseDsommConfig = exports.readDsommConfig = exports.checkTeamName = exports.resolveTeam = exports.applyProgress = exports.lockPath = exports.parseEvidenceText = exports.parseProgressText = exports.removeEvidence = exports.saveEvidence = exports.clearNotApplicable = exports.setNotApplicable = exports.setState = exports.readProgress = exports.ProgressData = void 0;
// The team progress store: DSOMM web app files in the workspace (see store.ts for the guarantees,
// progressFile.ts and evidenceFile.ts for the formats).
__exportStar(require("./settings"), exports);
var data_1 = require("./data");
Object.defineProperty(exports, "ProgressData", { enumerable: true, get: function () { return data_1.ProgressData; } });
var store_1 = require("./store");
Object.defineProperty(exports, "readProgress", { enumerable: true, get: function () { return store_1.readProgress; } });
Object.defineProperty(exports, "setState", { enumerable: true, get: function () { return store_1.setState; } });
Object.defineProperty(exports, "setNotApplicable", { enumerable: true, get: function () { return store_1.setNotApplicable; } });
Object.defineProperty(exports, "clearNotApplicable", { enumerable: true, get: function () { return store_1.clearNotApplicable; } });
Object.defineProperty(exports, "saveEvidence", { enumerable: true, get: function () { return store_1.saveEvidence; } });
Object.defineProperty(exports, "removeEvidence", { enumerable: true, get: function () { return store_1.removeEvidence; } });
Object.defineProperty(exports, "parseProgressText", { enumerable: true, get: function () { return store_1.parseProgressText; } });
Object.defineProperty(exports, "parseEvidenceText", { enumerable: true, get: function () { return store_1.parseEvidenceText; } });
Object.defineProperty(exports, "lockPath", { enumerable: true, get: function () { return store_1.lockPath; } });
var apply_1 = require("./apply");
Object.defineProperty(exports, "applyProgress", { enumerable: true, get: function () { return apply_1.applyProgress; } });
var team_1 = require("./team");
Object.defineProperty(exports, "resolveTeam", { enumerable: true, get: function () { return team_1.resolveTeam; } });
Object.defineProperty(exports, "checkTeamName", { enumerable: true, get: function () { return team_1.checkTeamName; } });
var metaFile_1 = require("./metaFile");
Object.defineProperty(exports, "readDsommConfig", { enumerable: true, get: function () { return metaFile_1.readDsommConfig; } });
Object.defineProperty(exports, "parseDsommConfig", { enumerable: true, get: function () { return metaFile_1.parseDsommConfig; } });
Object.defineProperty(exports, "emitDsommConfig", { enumerable: true, get: function () { return metaFile_1.emitDsommConfig; } });
Object.defineProperty(exports, "createDsommConfig", { enumerable: true, get: function () { return metaFile_1.createDsommConfig; } });
Object.defineProperty(exports, "addTeamToConfig", { enumerable: true, get: function () { return metaFile_1.addTeamToConfig; } });
Object.defineProperty(exports, "META_FILE_NAME", { enumerable: true, get: function () { return metaFile_1.META_FILE_NAME; } });
Object.defineProperty(exports, "TEAMS_FILE_NAME", { enumerable: true, get: function () { return metaFile_1.TEAMS_FILE_NAME; } });
var workspace_1 = require("./workspace");
Object.defineProperty(exports, "loadWorkspaceProgress", { enumerable: true, get: function () { return workspace_1.loadWorkspaceProgress; } });
Object.defineProperty(exports, "settingsFromConfig", { enumerable: true, get: function () { return workspace_1.settingsFromConfig; } });
var repositoryLinks_1 = require("./repositoryLinks");
Object.defineProperty(exports, "readRepositoryInfo", { enumerable: true, get: function () { return repositoryLinks_1.readRepositoryInfo; } });
Object.defineProperty(exports, "parseRemotes", { enumerable: true, get: function () { return repositoryLinks_1.parseRemotes; } });
Object.defineProperty(exports, "webUrlOf", { enumerable: true, get: function () { return repositoryLinks_1.webUrlOf; } });
Object.defineProperty(exports, "lineUrl", { enumerable: true, get: function () { return repositoryLinks_1.lineUrl; } });
Object.defineProperty(exports, "detectedEvidenceInput", { enumerable: true, get: function () { return repositoryLinks_1.detectedEvidenceInput; } });
//# sourceMappingURL=index.js.map