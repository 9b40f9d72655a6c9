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
// Golden pairs for diagnostics and quick fixes, one folder per case under test/golden/<file kind>/<case>/:
//
//   input.<ext>             the file under test; it is placed at the kind's usual path (CANONICAL_PATH)
//                           in a temporary workspace next to SUPPORT_FILES (npm, pip and a Dockerfile)
//   diagnostics.txt         every diagnostic on that file at target level 2, with the fixes offered
//                           (a missing-activities summary: each activity's sentence too)
//   after.<line>.<fix id>.<ext>  the file after the leading fix of the diagnostic on that line (its first
//                           fix; for a summary, the first fix of each activity), one per such fix that
//                           edits this file, as choosing that lightbulb entry leaves it
//   after.<line>.<fix id>.txt    the same when the fix cannot be placed: the reason and the snippet offered
//
// DSOMM_UPDATE_GOLDEN=1 npm run test:unit rewrites the expected files from what the engine does now
// (and removes expected files no fix produces any more); review the diff like any other change.
const assert = __importStar(require("node:assert/strict"));
const fs = __importStar(require("node:fs"));
const path = __importStar(require("node:path"));
// The harness first: it loads the scan modules before the guidance ones (their import order matters today).
const guidanceHarness_1 = require("./guidanceHarness");
const computeFix_1 = require("../../src/core/guidance/computeFix");
const diagnostics_1 = require("../../src/core/guidance/diagnostics");
const fixes_1 = require("../../src/core/guidance/fixes");
const text_1 = require("../../src/core/guidance/text");
const GOLDEN = path.join(guidanceHarness_1.ROOT, 'test/golden');
const UPDATE = process.env.DSOMM_UPDATE_GOLDEN === '1';
const TARGET_LEVEL = 2;
function goldenCases() {
    const cases = [];
    for (const kind of fs.readdirSync(GOLDEN).sort()) {
        if (!fs.statSync(path.join(GOLDEN, kind)).isDirectory())
            continue;
        for (const name of fs.readdirSync(path.join(GOLDEN, kind)).sort()) {
            const dir = path.join(GOLDEN, kind, name);
            const inputs = fs.readdirSync(dir).filter((f) => f.startsWith('input.'));
            assert.equal(inputs.length, 1, `${kind}/${name} has exactly one input.* file`);
            cases.push({ kind, name, dir, input: inputs[0] });
        }
    }
    return cases;
}
/** One line per diagnostic: place, severity, code, message, and the fixes offered (* = preferred). */
function diagnosticLine(d, fixIds) {
    const at = `${d.loc.line}:${d.loc.column}`;
    const fixes = fixIds.length ? `\n    fixes: ${fixIds.map((f) => `${f.templateId}${f.places ? `[${f.places.map((l) => l.line).join(',')}]` : ''}${f.preferred ? '*' : ''}`).join(', ')}` : '';
    const activities = d.data.kind === 'missing-summary' && (d.data.activities?.length ?? 0) > 1 ? d.data.activities.map((m) => `\n    - ${m.message}`).join('') : '';
    return `${at} ${d.severity} ${d.code.value}\n    ${d.message}${activities}${fixes}`;
}
/** The fixes whose result is recorded: the first one, and for a summary the first of each activity. */
function leadingFixes(options) {
    const seen = new Set();
    return options.filter((o, i) => {
        if (i === 0)
            return seen.add(o.activity), true;
        if (o.activity === undefined || seen.has(o.activity))
            return false;
        seen.add(o.activity);
        return true;
    });
}
/** Expected output file name → content, as the engine produces it now. */
async function produce(c) {
    const { fixes } = (0, guidanceHarness_1.bundled)();
    const rel = guidanceHarness_1.CANONICAL_PATH[c.kind];
    const text = fs.readFileSync(path.join(c.dir, c.input), 'utf8');
    const dir = (0, guidanceHarness_1.tempWorkspace)({ ...guidanceHarness_1.SUPPORT_FILES, [rel]: text });
    const { index, result } = await (0, guidanceHarness_1.scanDir)(dir);
    const entry = index.get(rel);
    assert.ok(entry, `${rel} is indexed`);
    assert.equal(entry.kind, c.kind, `${rel} is classified as ${c.kind}`);
    const diagnostics = (0, diagnostics_1.diagnosticsFor)(result, index.all(), { targetLevel: TARGET_LEVEL, fixes, textOf: (p) => (p === rel ? text : undefined) }).get(rel) ?? [];
    const out = new Map();
    const lines = [`# Diagnostics on ${rel} at target level ${TARGET_LEVEL} (line:column severity code, message, fixes; * = preferred)`];
    const ext = path.extname(c.input) || '.txt';
    for (const d of diagnostics) {
        const options = (0, fixes_1.fixesFor)(fixes, result, entry, d, index.all());
        lines.push(diagnosticLine(d, options));
        for (const lead of leadingFixes(options)) {
            if (lead.path !== rel || lead.kind !== 'edit')
                continue;
            const res = (0, computeFix_1.computeFix)(fixes, lead.templateId, entry, text, { files: index.all(), at: d.loc, ...(lead.places ? { places: lead.places } : {}) });
            const base = `after.${d.loc.line}.${lead.templateId}`;
            const [name, content] = res.kind === 'edits' ? [base + ext, (0, text_1.applyEdits)(text, res.edits)]
                : res.kind === 'cannot-place' ? [`${base}.txt`, `cannot place: ${res.reason}\n--- snippet offered ---\n${res.snippet ?? '(none)'}\n`]
                    : assert.fail(`${lead.templateId} on ${rel}: an edit option produced ${res.kind}`);
            // Two diagnostics on one line may lead with the same fix: it must then do the same thing.
            if (out.has(name))
                assert.equal(content, out.get(name), `${name} differs between two diagnostics of line ${d.loc.line}`);
            out.set(name, content);
        }
    }
    if (!diagnostics.length)
        lines.push('(none)');
    out.set('diagnostics.txt', lines.join('\n') + '\n');
    return out;
}
describe('golden diagnostics and quick fixes (test/golden)', function () {
    this.timeout(60_000);
    after(guidanceHarness_1.cleanTempWorkspaces);
    const cases = goldenCases();
    it('runs against the expected files (DSOMM_UPDATE_GOLDEN is for a developer, never for CI)', () => {
        assert.ok(!(UPDATE && process.env.CI && process.env.CI !== 'false'), 'DSOMM_UPDATE_GOLDEN=1 under CI would pass whatever the engine does');
    });
    it('covers every CI dialect with a fix template, and Dockerfile, compose and Kubernetes', () => {
        const kinds = new Set(cases.map((c) => c.kind));
        for (const kind of Object.keys(guidanceHarness_1.CANONICAL_PATH))
            assert.ok(kinds.has(kind), `a golden case for ${kind}`);
        for (const kind of kinds)
            assert.ok(guidanceHarness_1.CANONICAL_PATH[kind], `test/golden/${kind}: not a file kind with a usual path`);
    });
    for (const c of cases) {
        it(`${c.kind}/${c.name}`, async () => {
            const produced = await produce(c);
            const expectedNames = fs.readdirSync(c.dir).filter((f) => f !== c.input).sort();
            if (UPDATE) {
                for (const f of expectedNames)
                    if (!produced.has(f))
                        fs.rmSync(path.join(c.dir, f));
                for (const [f, content] of produced)
                    fs.writeFileSync(path.join(c.dir, f), content);
                return;
            }
            const hint = ' (if the change is intended: DSOMM_UPDATE_GOLDEN=1 npm run test:unit, then review the diff)';
            assert.deepEqual(expectedNames, [...produced.keys()].sort(), `expected files of ${c.kind}/${c.name}${hint}`);
            for (const [f, content] of produced) {
                assert.equal(content, fs.readFileSync(path.join(c.dir, f), 'utf8'), `${c.kind}/${c.name}/${f}${hint}`);
            }
        });
    }
});
//# sourceMappingURL=golden.test.js.map