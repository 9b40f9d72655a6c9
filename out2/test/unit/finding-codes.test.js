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
// Finding codes are a closed set (src/core/scan/detect/findingCodes.ts): the engine emits only
// these, every one of them is emitted somewhere in the fixtures, and model/fixes.yaml cannot name
// a code outside it (a typo used to drop the quick fix silently).
const assert = __importStar(require("node:assert/strict"));
const fs = __importStar(require("node:fs"));
const path = __importStar(require("node:path"));
const findingCodes_1 = require("../../src/core/scan/detect/findingCodes");
const fixCatalogue_1 = require("../../src/core/guidance/fixCatalogue");
const guidanceHarness_1 = require("./guidanceHarness");
const template = (resolves) => ['schemaVersion: 1', 'templates:', '  - id: user.fix', '    title: Run as a user', '    name: user-fix', '    label: User', resolves, '    dialects:', '      dockerfile: { instructions: USER 1000 }', ''].join('\n');
function rejection(text) {
    try {
        (0, fixCatalogue_1.loadFixes)(text, 'model/fixes.yaml');
    }
    catch (e) {
        if (e instanceof fixCatalogue_1.FixCatalogueError)
            return e;
        throw e;
    }
    assert.fail('loadFixes accepted the file');
}
describe('Finding codes: one closed set', () => {
    it('fixes.yaml: an unknown code in `resolves` fails the load with the file and the line of the entry', () => {
        const flow = rejection(template('    resolves: [root-user, root-usr]'));
        assert.equal(flow.file, 'model/fixes.yaml');
        assert.equal(flow.line, 7);
        assert.match(flow.message, /^model\/fixes\.yaml:7: unknown finding code "root-usr" in `resolves`/);
        const block = rejection(template('    resolves:\n      - latest-tag\n      - no-healthchek'));
        assert.equal(block.line, 9);
        assert.match(block.message, /unknown finding code "no-healthchek"/);
    });
    it('fixes.yaml: known codes load, and `resolves` must still be a list', () => {
        const ok = (0, fixCatalogue_1.loadFixes)(template('    resolves:\n      - root-user\n      - latest-tag'), 'fixes.yaml');
        assert.deepEqual(ok.templates[0].resolves, ['root-user', 'latest-tag']);
        assert.match(rejection(template('    resolves: root-user')).message, /`resolves` must be a list/);
    });
    it('the bundled fixes.yaml names only codes of the set, and offers a fix for some finding', () => {
        const resolved = (0, guidanceHarness_1.bundled)().fixes.templates.flatMap((t) => t.resolves);
        assert.ok(resolved.length > 0);
        for (const code of resolved)
            assert.ok((0, findingCodes_1.isFindingCode)(code), code);
    });
    it('the set has no duplicates and every code is one the engine really emits in the fixtures', async () => {
        assert.equal(new Set(findingCodes_1.FINDING_CODES).size, findingCodes_1.FINDING_CODES.length);
        const emitted = new Set();
        for (const dir of [guidanceHarness_1.DEMO, guidanceHarness_1.GUIDANCE_FIXTURES, path.join(guidanceHarness_1.ROOT, 'test/fixtures/containers')]) {
            assert.ok(fs.statSync(dir).isDirectory(), dir);
            const { result } = await (0, guidanceHarness_1.scanDir)(dir);
            for (const f of result.findings) {
                assert.ok((0, findingCodes_1.isFindingCode)(f.code), `${f.loc.path}:${f.loc.line}: ${f.code} is not in FINDING_CODES`);
                emitted.add(f.code);
            }
        }
        assert.deepEqual([...findingCodes_1.FINDING_CODES].filter((c) => !emitted.has(c)), [], 'codes in FINDING_CODES that no fixture produces');
    });
});
//# sourceMappingURL=finding-codes.test.js.map