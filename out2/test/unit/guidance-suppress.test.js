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
// Inline suppressions and the fixes catalogue's own checks.
const assert = __importStar(require("node:assert/strict"));
const computeFix_1 = require("../../src/core/guidance/computeFix");
const fixCatalogue_1 = require("../../src/core/guidance/fixCatalogue");
const suppress_1 = require("../../src/core/guidance/suppress");
const yamlEdit_1 = require("../../src/core/guidance/yamlEdit");
const guidanceHarness_1 = require("./guidanceHarness");
describe('guidance: dsomm-ignore comments', () => {
    it('reads ids and reasons from YAML, Dockerfile and Jenkinsfile comments', () => {
        const text = [
            'jobs: # dsomm-ignore sbom, dast: no images, no web UI',
            '  # dsomm-ignore gha.actions-pinned',
            '  build:',
            "    sh 'make' // dsomm-ignore secret-scan:handled elsewhere",
            '    /* dsomm-ignore sast */',
            'run: echo "not a comment dsomm-ignore x"',
            '#dsomm-ignore all',
            '# dsomm-ignore',
        ].join('\r\n');
        assert.deepEqual((0, suppress_1.suppressionList)(text), [
            { line: 1, ids: ['sbom', 'dast'], reason: 'no images, no web UI' },
            { line: 2, ids: ['gha.actions-pinned'] },
            { line: 4, ids: ['secret-scan'], reason: 'handled elsewhere' },
            { line: 5, ids: ['sast'] },
            { line: 7, ids: ['all'] },
        ]);
        const map = (0, suppress_1.suppressions)(text);
        assert.deepEqual([...map.keys()], [1, 2, 4, 5, 7]);
        assert.ok(map.get(1).has('dast'));
    });
    it('a comment applies to its own line and the next one', () => {
        const map = (0, suppress_1.suppressions)('a\n# dsomm-ignore root-user\nFROM x\nRUN y\n');
        assert.equal((0, suppress_1.isSuppressed)(map, 2, ['root-user']), true);
        assert.equal((0, suppress_1.isSuppressed)(map, 3, ['container.non-root', 'root-user']), true);
        assert.equal((0, suppress_1.isSuppressed)(map, 4, ['root-user']), false);
        assert.equal((0, suppress_1.isSuppressed)(map, 1, ['root-user']), false);
        assert.equal((0, suppress_1.isSuppressed)(map, 3, ['sbom']), false);
        assert.equal((0, suppress_1.isSuppressed)((0, suppress_1.suppressions)('# dsomm-ignore all\nx'), 2, ['anything']), true);
        assert.equal((0, suppress_1.suppressions)('no comments here').size, 0);
    });
});
describe('guidance: the fixes catalogue', () => {
    it('the bundled model/fixes.yaml loads, with unique ids and known probes', () => {
        const { fixes, data } = (0, guidanceHarness_1.bundled)();
        assert.ok(fixes.templates.length >= 18);
        const probes = new Set([...data.catalogue.probes.map((p) => p.id), 'gha.token-permissions', 'dependency-update-bot', 'repo.security-policy', 'container.non-root']);
        for (const t of fixes.templates)
            for (const p of t.satisfies)
                assert.ok(probes.has(p), `${t.id}: unknown probe ${p}`);
        assert.ok(Object.keys(fixes.links).length > 0);
    });
    it('rejects broken files with their line', () => {
        const head = 'schemaVersion: 1\ntemplates:\n';
        const tpl = (extra) => `${head}  - id: a.b\n    title: T\n    satisfies: [sast]\n    name: ab\n    label: AB\n${extra}`;
        const cases = [
            ['schemaVersion: 2\ntemplates: []\n', /schemaVersion must be 1/],
            [tpl('    dialects:\n      cobol: { job: x }\n'), /fixes.yaml:9: unknown dialect `cobol`/],
            [tpl('    dialects:\n      dockerfile: { edit: explode }\n'), /unknown edit operation "explode"/],
            [tpl('    dialects:\n      azure-pipelines: { job: "x:" }\n'), /`job` is not a placement for azure-pipelines/],
            [tpl('    dialects:\n      gitlab-ci: { include: Jobs/SAST.gitlab-ci.yml }\n'), /needs the one `stage`/],
            [tpl('    dialects:\n      repository: { createFile: X.md }\n'), /needs `generator` or `content`/],
            [`${tpl('    dialects:\n      dockerfile: { instructions: USER 1 }\n')}${tpl('    dialects:\n      dockerfile: { instructions: USER 1 }\n').slice(head.length)}`, /duplicate template id "a.b"/],
            [`${head}  - id: x\n    title: T\n    name: x\n    label: X\n    dialects:\n      dockerfile: { instructions: USER 1 }\n`, /must list what it `satisfies` or `resolves`/],
        ];
        for (const [text, re] of cases)
            assert.throws(() => (0, fixCatalogue_1.loadFixes)(text, 'fixes.yaml'), (e) => e instanceof fixCatalogue_1.FixCatalogueError && re.test(e.message), re.source);
    });
});
describe('guidance: snippet helpers', () => {
    it('fill drops lines whose variables are empty, and parents left empty', () => {
        const snippet = 'steps:\n  - uses: a\n    with:\n      languages: {{langs}}\n  - uses: b\n    name: {{label}}';
        assert.equal((0, computeFix_1.fill)(snippet, { langs: '', label: 'L' }), 'steps:\n  - uses: a\n  - uses: b\n    name: L');
        assert.equal((0, computeFix_1.fill)(snippet, { langs: 'go', label: 'L' }), 'steps:\n  - uses: a\n    with:\n      languages: go\n  - uses: b\n    name: L');
    });
    it('reindentYaml keeps sequence items and block scalars aligned at any indentation', () => {
        const snippet = 'job:\n  steps:\n    - uses: a\n      with:\n        x: 1\n    - run: |\n        echo 1\n          echo 2\n  env:\n    A: b';
        assert.deepEqual((0, yamlEdit_1.reindentYaml)(snippet, 4, 4), [
            '    job:',
            '        steps:',
            '            - uses: a',
            '              with:',
            '                  x: 1',
            '            - run: |',
            '                  echo 1',
            '                    echo 2',
            '        env:',
            '            A: b',
        ]);
        assert.equal((0, yamlEdit_1.reindentYaml)(snippet, 0, 2).join('\n'), snippet);
        assert.equal((0, yamlEdit_1.detectUnit)(['a:', '    b:', '        c: 1', 'd:', '    - e', '    - f']), 4);
        assert.equal((0, yamlEdit_1.detectUnit)(['a: 1']), 2);
    });
});
//# sourceMappingURL=guidance-suppress.test.js.map