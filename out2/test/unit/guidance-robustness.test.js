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
// Every template applied to every pipeline and container file the repository has as a fixture
// (the parsers' own fixtures, the demo workspace, broken files, CRLF): computeFix never throws,
// and it either returns edits that keep every original line and add no parse problem, or says
// that it cannot place the fix. Nothing is corrupted.
const assert = __importStar(require("node:assert/strict"));
const fs = __importStar(require("node:fs"));
const path = __importStar(require("node:path"));
const computeFix_1 = require("../../src/core/guidance/computeFix");
const text_1 = require("../../src/core/guidance/text");
const classify_1 = require("../../src/core/scan/discover/classify");
const parseFile_1 = require("../../src/core/scan/parse/parseFile");
const guidanceHarness_1 = require("./guidanceHarness");
function walk(dir) {
    const out = [];
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        if (e.isDirectory())
            out.push(...walk(p));
        else
            out.push(p);
    }
    return out;
}
/** The kind a fixture file would have at its canonical place. */
function kindOf(rel) {
    if (/(^|\/)ci\/jenkins\//.test(rel) || /\.Jenkinsfile$|(^|\/)Jenkinsfile$/.test(rel))
        return 'jenkinsfile';
    if (/ci\/github\//.test(rel) && !/action-/.test(rel))
        return 'github-workflow';
    if (/ci\/gitlab\//.test(rel))
        return 'gitlab-ci';
    if (/ci\/azure\//.test(rel))
        return 'azure-pipelines';
    if (/ci\/circleci\//.test(rel))
        return 'circleci';
    if (/ci\/bitbucket\//.test(rel))
        return 'bitbucket-pipelines';
    if (/ci\/problems\//.test(rel))
        return 'github-workflow';
    const k = (0, classify_1.classify)(rel.replace(/^test\/fixtures\/demo-workspace\//, ''), fs.readFileSync(path.join(guidanceHarness_1.ROOT, rel), 'utf8').slice(0, 4096));
    return k;
}
function errorCount(kind, text) {
    return ((0, parseFile_1.parseFile)(kind, 'f', text)?.problems ?? []).filter((p) => p.severity === 'error').length;
}
describe('guidance: every template on every fixture file (robustness)', function () {
    this.timeout(120_000);
    const dirs = ['test/fixtures/ci', 'test/fixtures/jenkins', 'test/fixtures/containers', 'test/fixtures/demo-workspace', 'test/fixtures/guidance'];
    const files = dirs.flatMap((d) => walk(path.join(guidanceHarness_1.ROOT, d))).map((f) => path.relative(guidanceHarness_1.ROOT, f).split(path.sep).join('/'));
    const targets = files
        .map((rel) => ({ rel, kind: kindOf(rel) }))
        .filter((x) => !!x.kind && !!(0, computeFix_1.dialectOf)(x.kind));
    it('finds files of every dialect to try', () => {
        const kinds = new Set(targets.map((t) => t.kind));
        for (const k of ['github-workflow', 'gitlab-ci', 'azure-pipelines', 'jenkinsfile', 'circleci', 'bitbucket-pipelines', 'dockerfile', 'compose', 'kubernetes'])
            assert.ok(kinds.has(k), k);
    });
    it('never throws, never corrupts: edits parse at least as well, or the fix is not placed', () => {
        const { fixes } = (0, guidanceHarness_1.bundled)();
        let edited = 0;
        let refused = 0;
        for (const { rel, kind } of targets) {
            const raw = fs.readFileSync(path.join(guidanceHarness_1.ROOT, rel), 'utf8');
            for (const text of [raw, raw.replace(/\r?\n/g, '\r\n')]) {
                const errorsBefore = errorCount(kind, text);
                for (const t of fixes.templates) {
                    if (!t.dialects[(0, computeFix_1.dialectOf)(kind)])
                        continue;
                    const res = (0, computeFix_1.computeFix)(fixes, t.id, { path: rel, kind }, text, {});
                    if (res.kind === 'cannot-place') {
                        refused++;
                        assert.ok(res.reason.length > 0);
                        continue;
                    }
                    assert.equal(res.kind, 'edits', `${t.id} on ${rel}`);
                    if (res.kind !== 'edits')
                        continue;
                    edited++;
                    const after = (0, text_1.applyEdits)(text, res.edits);
                    assert.ok(errorCount(kind, after) <= errorsBefore, `${t.id} on ${rel} adds a parse error`);
                    if (text.includes('\r\n'))
                        assert.ok(!/(^|[^\r])\n/.test(after), `${t.id} on ${rel}: bare LF in a CRLF file`);
                    // Nothing removed: as many lines or more, and replacements only where a value changes.
                    assert.ok(after.split('\n').length >= text.split('\n').length, `${t.id} on ${rel} lost lines`);
                    for (const e of res.edits) {
                        if (e.range.start.line === e.range.end.line && e.range.start.character === e.range.end.character)
                            continue;
                        assert.equal(e.range.start.line, e.range.end.line, `${t.id} on ${rel}: a replacement spans lines`);
                    }
                }
            }
        }
        assert.ok(edited > 100, `${edited} edits`);
        assert.ok(refused > 0, 'some structures are refused (flow style, broken files)');
    });
});
//# sourceMappingURL=guidance-robustness.test.js.map