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
// Golden fixtures for the detection classes found on real repositories (issue 14): each folder
// under test/fixtures/detect/ is a small synthetic repository plus `expect.yaml`, which says, per
// probe, the exact result, the exact evidence (path:line) and notes that must (or must not) be there,
// and places no probe may cite. The files are written for these tests; no real project's code.
const assert = __importStar(require("node:assert/strict"));
const node_fs_1 = require("node:fs");
const path = __importStar(require("node:path"));
const yaml_1 = require("yaml");
const scanHelpers_1 = require("./scanHelpers");
const FIXTURES = path.join(scanHelpers_1.REPO_ROOT, 'test/fixtures/detect');
const EXPECT = 'expect.yaml';
function cases() {
    if (!(0, node_fs_1.existsSync)(FIXTURES))
        return [];
    return (0, node_fs_1.readdirSync)(FIXTURES, { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .map((d) => ({ name: d.name, dir: path.join(FIXTURES, d.name), expect: (0, yaml_1.parse)((0, node_fs_1.readFileSync)(path.join(FIXTURES, d.name, EXPECT), 'utf8')) }));
}
describe('detection golden fixtures (test/fixtures/detect)', function () {
    this.timeout(60_000);
    it('there are fixtures, and each says what it shows', () => {
        const all = cases();
        assert.ok(all.length >= 5, `${all.length} fixtures`);
        for (const c of all)
            assert.ok(c.expect.what && Object.keys(c.expect.probes ?? {}).length > 0, c.name);
    });
    for (const c of cases()) {
        it(`${c.name}: ${c.expect.what}`, async () => {
            const { result } = await (0, scanHelpers_1.scanDir)(c.dir);
            const probes = new Map(result.probes.map((p) => [p.id, p]));
            for (const [id, exp] of Object.entries(c.expect.probes)) {
                const p = probes.get(id);
                assert.ok(p, `probe ${id} is reported`);
                const seen = `evidence ${p.evidence.map((e) => `${(0, scanHelpers_1.at)(e)} ${e.text}`).join(' | ')}; notes ${JSON.stringify(p.notes)}`;
                assert.equal(p.result, exp.result, `${id}: ${seen}`);
                if (exp.evidence)
                    assert.deepEqual(p.evidence.map(scanHelpers_1.at).sort(), [...exp.evidence].sort(), `${id} evidence: ${seen}`);
                for (const re of exp.notes ?? [])
                    assert.ok(p.notes.some((n) => new RegExp(re).test(n)), `${id} has a note matching /${re}/: ${JSON.stringify(p.notes)}`);
                for (const re of exp.notNotes ?? [])
                    assert.ok(!p.notes.some((n) => new RegExp(re).test(n)), `${id} has no note matching /${re}/: ${JSON.stringify(p.notes)}`);
            }
            for (const place of c.expect.never ?? []) {
                for (const p of result.probes)
                    assert.ok(!p.evidence.some((e) => (0, scanHelpers_1.at)(e) === place), `${p.id} must not cite ${place}`);
            }
            const kinds = new Map(result.files.map((f) => [f.path, f.kind]));
            for (const [file, kind] of Object.entries(c.expect.kinds ?? {}))
                assert.equal(kinds.get(file), kind, `${file} is read as ${kind}`);
            for (const file of c.expect.notFiles ?? [])
                assert.ok(!kinds.has(file), `${file} is not one of our files (read as ${kinds.get(file)})`);
        });
    }
    it('every place quoted in expect.yaml exists in its fixture', () => {
        for (const c of cases()) {
            const places = [...Object.values(c.expect.probes).flatMap((p) => p.evidence ?? []), ...(c.expect.never ?? [])];
            for (const place of places) {
                const [file, line] = [place.slice(0, place.lastIndexOf(':')), Number(place.slice(place.lastIndexOf(':') + 1))];
                const lines = (0, node_fs_1.readFileSync)(path.join(c.dir, file), 'utf8').split('\n');
                assert.ok(line >= 1 && line <= lines.length && lines[line - 1].trim() !== '', `${c.name}: ${place} is a non-empty line`);
            }
        }
    });
});
//# sourceMappingURL=detection-golden.test.js.map