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
exports.bundledData = bundledData;
// The bundled model and detection data for the model and assessment services: from the build's
// snapshot (dist/bundled-data.json) when it matches the shipped YAML files, else parsed from them.
const vscode = __importStar(require("vscode"));
const bundledData_1 = require("../core/bundledData");
const fs_1 = require("../core/fs");
const log_1 = require("./log");
async function readText(uri) {
    const decoded = (0, fs_1.decodeText)(await vscode.workspace.fs.readFile(uri));
    if ('error' in decoded)
        throw new Error(`${uri.path.split('/').pop()}: ${decoded.error}`);
    return decoded.text;
}
/**
 * Each call revives its own objects, as parsing did: the model service gets a fresh model on every
 * reload, and no caller sees another caller's changes to them. (Sharing one revived model between
 * reloads broke two guidance integration tests: something relies on a fresh model per load.)
 */
async function bundledData(extensionUri) {
    const started = Date.now();
    const file = (name) => vscode.Uri.joinPath(extensionUri, 'model', name);
    const [model, probes, rules, snapshot] = await Promise.all([
        readText(file(bundledData_1.BUNDLED_FILES.model)),
        readText(file(bundledData_1.BUNDLED_FILES.probes)),
        readText(file(bundledData_1.BUNDLED_FILES.rules)),
        readText(vscode.Uri.joinPath(extensionUri, ...bundledData_1.BUNDLED_SNAPSHOT.split('/'))).catch(() => undefined),
    ]);
    const texts = { model, probes, rules };
    const data = snapshot === undefined ? undefined : (0, bundledData_1.readBundledSnapshot)(snapshot, texts);
    if (data) {
        (0, log_1.log)(`Loaded the bundled model and detection rules from ${bundledData_1.BUNDLED_SNAPSHOT} in ${Date.now() - started} ms`);
        return data;
    }
    (0, log_1.log)(`${bundledData_1.BUNDLED_SNAPSHOT} is missing or older than model/*.yaml (run npm run build): parsing the YAML files`);
    return (0, bundledData_1.parseBundledData)(texts);
}
//# sourceMappingURL=bundledData.js.map