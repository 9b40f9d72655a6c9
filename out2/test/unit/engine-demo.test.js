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
// The demo workspace against its contract, test/fixtures/demo-workspace/EXPECTED.md: the JSON
// block of section 7 (probe results, evidence, findings, places that must not count, file
// kinds) and every `path:line` `text` pair quoted in the tables (they must match the files).
const assert = __importStar(require("node:assert/strict"));
const node_fs_1 = require("node:fs");
const path = __importStar(require("node:path"));
const registry_1 = require("../../src/core/scan/ci/registry");
const scanHelpers_1 = require("./scanHelpers");
const EXPECTED_MD = (0, node_fs_1.readFileSync)(path.join(scanHelpers_1.DEMO, 'EXPECTED.md'), 'utf8');
function expectedJson() {
    const blocks = [...EXPECTED_MD.matchAll(/```json\n([\s\S]*?)\n```/g)];
    assert.equal(blocks.length, 1, 'EXPECTED.md has exactly one json block');
    return JSON.parse(blocks[0][1]);
}
function globToRegExp(glob) {
    return new RegExp('^' + glob.split('*').map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('[^/]*') + '$');
}
describe('engine on the demo workspace (EXPECTED.md)', function () {
    this.timeout(60_000);
    const expected = expectedJson();
    let result;
    let index;
    let probes;
    before(async () => {
        ({ index, result } = await (0, scanHelpers_1.scanDir)(scanHelpers_1.DEMO));
        probes = new Map(result.probes.map((p) => [p.id, p]));
    });
    const probe = (id) => {
        const p = probes.get(id);
        assert.ok(p, `probe ${id} is reported`);
        return p;
    };
    describe('section 1: probe results and evidence', () => {
        for (const [id, exp] of Object.entries(expected.probes)) {
            it(`${id}: ${exp.result}, citing ${exp.mustCite.length ? exp.mustCite.map((c) => (Array.isArray(c) ? c.join('|') : c)).join(', ') : 'nothing'}`, () => {
                const p = probe(id);
                assert.equal(p.result, exp.result, `${id}: notes ${JSON.stringify(p.notes)}`);
                const cited = p.evidence.map((e) => (exp.pathOnly ? e.loc.path : (0, scanHelpers_1.at)(e.loc)));
                const norm = (c) => (exp.pathOnly ? c.replace(/:\d+$/, '') : c);
                for (const c of exp.mustCite) {
                    const group = (Array.isArray(c) ? c : [c]).map(norm);
                    assert.ok(group.some((g) => cited.includes(g)), `${id} must cite ${group.join(' or ')}; cites ${cited.join(', ') || 'nothing'}`);
                }
                if (exp.result === 'fail' || exp.result === 'not-applicable')
                    assert.deepEqual(p.evidence, [], `${id} has no evidence when it ${exp.result}s`);
            });
        }
        it('gha.actions-pinned counts: 23 of 25 external references pinned, 13 third-party (12 pinned), one local reusable workflow', () => {
            const counts = expected.probes['gha.actions-pinned'].counts;
            const uses = index
                .all()
                .map((e) => e.parsed)
                .filter((p) => !!p && (0, registry_1.isCiKind)(p.kind) && 'jobs' in p && (p.kind === 'github-workflow' || p.kind === 'github-action'))
                .flatMap((f) => f.jobs.flatMap((j) => [j.uses, ...j.steps.map((s) => s.uses)]))
                .filter((u) => !!u);
            const local = uses.filter((u) => u.value.startsWith('./'));
            const external = uses.filter((u) => !u.value.startsWith('./') && !u.value.startsWith('docker://'));
            const pinned = external.filter((u) => /@[0-9a-f]{40}$/.test(u.value));
            assert.equal(local.length, counts.local);
            assert.equal(pinned.length, counts.pinned);
            assert.equal(external.length - pinned.length, counts.unpinned);
            const p = probe('gha.actions-pinned');
            assert.ok(p.notes.includes(`${counts.thirdPartyPinned} of ${counts.thirdParty} third-party action references pinned to a commit SHA`), p.notes.join('\n'));
            assert.equal(p.findings.filter((f) => f.code === 'unpinned-first-party-action').length, counts.firstPartyUnpinned);
            assert.equal(p.findings.filter((f) => f.code === 'unpinned-action').length, counts.thirdParty - counts.thirdPartyPinned);
            for (const l of local) {
                assert.ok(!p.evidence.some((e) => (0, scanHelpers_1.at)(e.loc) === (0, scanHelpers_1.at)(l.loc)), 'local reusable workflow is not evidence');
                assert.ok(!result.findings.some((f) => (0, scanHelpers_1.at)(f.loc) === (0, scanHelpers_1.at)(l.loc)), 'local reusable workflow has no finding');
            }
        });
    });
    describe('section 2: findings that must be reported', () => {
        for (const f of expected.findings) {
            it(`${f.path}:${f.line} ${f.code} (${f.probe}, ${f.severity})`, () => {
                const here = result.findings.filter((x) => (0, scanHelpers_1.at)(x.loc) === (0, scanHelpers_1.at)(f) && x.code === f.code);
                assert.equal(here.length, 1, `exactly one ${f.code} at ${(0, scanHelpers_1.at)(f)}; findings there: ${result.findings.filter((x) => (0, scanHelpers_1.at)(x.loc) === (0, scanHelpers_1.at)(f)).map((x) => `${x.code}/${x.probe}`).join(', ') || 'none'}`);
                assert.equal(here[0].probe, f.probe);
                assert.equal(here[0].severity, f.severity);
            });
        }
    });
    describe('section 4: places that must not count', () => {
        for (const m of expected.mustNotCount) {
            const where = m.glob ?? (m.line ? `${m.path}:${m.line}` : m.path);
            it(`${where} (${m.scope === 'all' ? 'all' : m.scope.join(', ')})`, () => {
                const matches = (loc) => m.glob ? globToRegExp(m.glob).test(loc.path) : loc.path === m.path && (m.line === undefined || loc.line === m.line);
                if (m.glob)
                    assert.ok(result.files.some((f) => matches({ path: f.path, line: 1 })), `${m.glob} matches indexed files (the check is not vacuous)`);
                const scope = m.scope === 'all' ? undefined : m.scope;
                for (const p of result.probes) {
                    if (scope && !scope.includes(p.id))
                        continue;
                    const bad = p.evidence.filter((e) => matches(e.loc));
                    assert.deepEqual(bad.map((e) => (0, scanHelpers_1.at)(e.loc)), [], `${p.id} must not cite ${where}`);
                }
                for (const f of result.findings) {
                    if (scope && !scope.includes(`finding:${f.code}`))
                        continue;
                    assert.ok(!matches(f.loc), `no ${f.code} finding at ${where} (${f.message})`);
                }
            });
        }
    });
    describe('section 5: files and their kinds', () => {
        it('lists exactly the expected files, each with its kind', () => {
            const actual = {};
            for (const f of result.files)
                (actual[f.kind] ??= []).push(f.path);
            for (const k of Object.keys(actual))
                actual[k].sort();
            const want = {};
            for (const [k, v] of Object.entries(expected.files))
                if (v.length)
                    want[k] = [...v].sort();
            assert.deepEqual(actual, want);
        });
        it('no file has problems (Helm templates are listed, not parsed)', () => {
            assert.deepEqual(result.files.filter((f) => f.problems.length).map((f) => `${f.path}: ${f.problems.map((p) => p.message).join('; ')}`), []);
        });
        it('test fixtures are out of scope and never evidence', () => {
            for (const p of expected.excluded) {
                const f = result.files.find((x) => x.path === p);
                assert.ok(f?.outOfScope, `${p} is listed out of scope`);
                for (const pr of result.probes)
                    assert.ok(!pr.evidence.some((e) => e.loc.path === p), `${pr.id} cites ${p}`);
            }
        });
    });
    describe('engine behaviour the contract implies', () => {
        it('one scanner-cannot-fail finding per setting, even when the step matches several probes', () => {
            const weak = result.findings.filter((f) => f.code === 'scanner-cannot-fail');
            assert.deepEqual(weak.map((f) => `${(0, scanHelpers_1.at)(f.loc)} ${f.probe} ${f.data?.tool}`).sort(), ['.github/workflows/ci.yml:79 image-scan Trivy', '.gitlab-ci.yml:72 image-scan Grype']);
            assert.match(weak.find((f) => f.loc.path === '.github/workflows/ci.yml').data.probes, /artifact-secret-scan/);
        });
        it('a scanner that cannot fail the build is no build gate (noted, not counted)', () => {
            const p = probe('vuln-gate.high');
            assert.ok(p.notes.some((n) => n.startsWith('Trivy at .github/workflows/ci.yml:78 not counted: the step cannot fail the build')), p.notes.join('\n'));
            assert.ok(p.notes.some((n) => n.startsWith('Grype at .gitlab-ci.yml:71 not counted')), p.notes.join('\n'));
        });
        it('"installed but never run" is not said of tools that run (semgrep, pytest)', () => {
            const all = result.probes.flatMap((p) => p.notes.map((n) => `${p.id}: ${n}`));
            assert.deepEqual(all.filter((n) => n.includes('installed but never run')), []);
        });
        it('control-disabled names the variable and the probes it switches off', () => {
            const f = result.findings.find((x) => x.code === 'control-disabled');
            assert.equal(f.data?.variable, 'DEPENDENCY_SCANNING_DISABLED');
            assert.equal(f.data?.probes, 'sca');
            assert.equal(result.findings.filter((x) => x.code === 'control-disabled').length, 1);
        });
        it('the external orbs are listed and noted, never evidence', () => {
            assert.deepEqual(result.external.map((x) => `${x.from}:${x.loc.line} ${x.kind}`), ['.circleci/config.yml:4 orb', '.circleci/config.yml:5 orb']);
            assert.ok(probe('dast').notes.some((n) => n.startsWith('2 external references cannot be read offline')));
        });
    });
    describe('EXPECTED.md quotes the files exactly', () => {
        it('every `path:line` `text` pair in the tables matches the line in the file', () => {
            const pairs = [...EXPECTED_MD.matchAll(/`([^`\s]+):(\d+)` `([^`]+)`/g)];
            assert.ok(pairs.length > 40, `found ${pairs.length} pairs`);
            const bad = [];
            for (const [, file, line, quoted] of pairs) {
                const text = quoted.replace(/\\\|/g, '|'); // `\|` escapes a pipe inside a table cell
                const lines = (0, node_fs_1.readFileSync)(path.join(scanHelpers_1.DEMO, file), 'utf8').split(/\r?\n/);
                const actual = (lines[Number(line) - 1] ?? '').trim();
                if (actual !== text)
                    bad.push(`${file}:${line}: EXPECTED.md quotes ${JSON.stringify(text)}, the file has ${JSON.stringify(actual)}`);
            }
            assert.deepEqual(bad, []);
        });
    });
});
//# sourceMappingURL=engine-demo.test.js.map