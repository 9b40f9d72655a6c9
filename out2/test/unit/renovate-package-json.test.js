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
// A "renovate" key in the repository's root package.json is a Renovate configuration (Renovate
// reads it there): it counts for dependency-update-bot, with the key's line as evidence.
const assert = __importStar(require("node:assert/strict"));
const folderScan_1 = require("../../src/core/scan/folderScan");
const memoryFs_1 = require("./memoryFs");
const scanHelpers_1 = require("./scanHelpers");
async function botProbe(files) {
    const { model, data } = (0, scanHelpers_1.bundled)();
    const { result } = await (0, folderScan_1.scanFolder)(new memoryFs_1.MemoryFileSystem(files), '/ws', model, data);
    return result.probes.find((p) => p.id === 'dependency-update-bot');
}
describe('Renovate configured in package.json', function () {
    this.timeout(30_000);
    const pkg = (renovate) => `{\n  "name": "app",\n  "version": "1.0.0",\n${renovate}  "scripts": { "test": "node t.js" }\n}\n`;
    it('the root package.json "renovate" key counts, cited at the key', async () => {
        const p = await botProbe({ 'package.json': pkg('  "renovate": {\n    "extends": ["config:recommended"],\n    "automerge": true\n  },\n') });
        assert.equal(p.result, 'pass');
        assert.deepEqual(p.evidence.map((e) => [e.loc.path, e.loc.line, e.loc.column, e.loc.endColumn, e.tool]), [['package.json', 4, 3, 13, 'Renovate']]);
    });
    it('a package.json without the key, or one in a sub-folder, does not', async () => {
        assert.equal((await botProbe({ 'package.json': pkg('') })).result, 'fail');
        assert.equal((await botProbe({ 'package.json': pkg(''), 'packages/a/package.json': pkg('  "renovate": { "extends": ["config:base"] },\n') })).result, 'fail');
    });
});
//# sourceMappingURL=renovate-package-json.test.js.map