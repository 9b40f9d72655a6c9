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
// Packaging and release tools (issue 14): the catalogue's `enabledBy`, `notInputs` and
// `gitlabReports` matchers, release configuration keys, and sub-actions that only install a tool.
// The end-to-end cases are golden fixtures (test/fixtures/detect/release-*).
const assert = __importStar(require("node:assert/strict"));
const fs = __importStar(require("node:fs"));
const path = __importStar(require("node:path"));
const catalogue_1 = require("../../src/core/scan/detect/catalogue");
const toolMatch_1 = require("../../src/core/scan/detect/toolMatch");
const releaseConfigs_1 = require("../../src/core/scan/parse/releaseConfigs");
const parseFile_1 = require("../../src/core/scan/parse/parseFile");
const ROOT = path.resolve(__dirname, '../../..');
const cat = (0, catalogue_1.loadCatalogue)(fs.readFileSync(path.join(ROOT, 'model/probes.yaml'), 'utf8'), 'probes.yaml');
const LOC = { path: 'ci.yml', line: 1, column: 1, endLine: 1, endColumn: 1 };
const run = (program, ...args) => ({ program, args, kind: 'run', line: { text: [program, ...args].join(' '), loc: LOC } });
const named = (ms) => ms.map((m) => `${m.probe}/${m.tool}`).sort();
function catalogueError(tool) {
    try {
        (0, catalogue_1.loadCatalogue)(`schemaVersion: 1\nprobes:\n  - id: x\n    traits: { failsBuild: no, qualifies: false }\n    tools:\n${tool}`, 'user.yaml');
    }
    catch (e) {
        assert.ok(e instanceof catalogue_1.CatalogueError);
        return e.message;
    }
    return 'no error';
}
describe('release tools: catalogue matchers', () => {
    it('a GoReleaser release run carries the configuration it needs, with the file -f names', () => {
        const ms = (0, toolMatch_1.matchInvocation)(cat, run('goreleaser', 'release', '--clean', '-f', 'build/gr.yml'));
        assert.deepEqual(named(ms), ['container-build/GoReleaser images', 'sbom/GoReleaser SBOM', 'signing/GoReleaser signing']);
        for (const m of ms) {
            assert.deepEqual(m.enabledBy?.config?.files.slice(0, 2), ['.goreleaser.yml', '.goreleaser.yaml']);
            assert.equal(m.configPath, 'build/gr.yml');
        }
        assert.equal((0, toolMatch_1.matchInvocation)(cat, run('goreleaser', '--clean', '--config=.gr.yaml'))[0]?.configPath, '.gr.yaml', 'a bare goreleaser releases');
        assert.deepEqual((0, toolMatch_1.matchInvocation)(cat, run('goreleaser', 'build', '--snapshot')), [], 'goreleaser build releases nothing');
        assert.deepEqual((0, toolMatch_1.matchInvocation)(cat, run('goreleaser', 'check')), []);
        const skipped = (0, toolMatch_1.matchInvocation)(cat, run('goreleaser', 'release', '--skip=sign,sbom'));
        assert.deepEqual(skipped.filter((m) => m.disabled).map((m) => m.probe).sort(), ['sbom', 'signing']);
    });
    it('the GoReleaser action runs a release unless it only installs or runs another subcommand', () => {
        const uses = (inputs) => named((0, toolMatch_1.matchUses)(cat, 'github-workflow', 'goreleaser/goreleaser-action@v6', inputs));
        assert.deepEqual(uses({ args: 'release --clean' }), ['container-build/GoReleaser images', 'sbom/GoReleaser SBOM', 'signing/GoReleaser signing']);
        assert.deepEqual(uses({}), ['container-build/GoReleaser images', 'sbom/GoReleaser SBOM', 'signing/GoReleaser signing']);
        assert.deepEqual(uses({ args: 'build --snapshot' }), []);
        assert.deepEqual(uses({ 'install-only': 'true' }), []);
    });
    it('npm publish and the PyPI action count for signing only through an OIDC token (enabledBy oidc)', () => {
        const npm = (0, toolMatch_1.matchInvocation)(cat, run('npm', 'publish', '--access', 'public')).filter((m) => m.probe === 'signing');
        assert.deepEqual(npm.map((m) => [m.tool, m.enabledBy?.oidc]), [['npm trusted publishing', true]]);
        assert.deepEqual((0, toolMatch_1.matchInvocation)(cat, run('npm', 'publish', '--dry-run')).filter((m) => m.probe === 'signing'), []);
        const pypi = (inputs) => (0, toolMatch_1.matchUses)(cat, 'github-workflow', 'pypa/gh-action-pypi-publish@release/v1', inputs).filter((m) => m.probe === 'signing');
        assert.equal(pypi({})[0]?.enabledBy?.oidc, true);
        assert.deepEqual(pypi({ password: '${{ secrets.PYPI_TOKEN }}' }), [], 'an API token publishes without attestations');
        assert.deepEqual(pypi({ attestations: 'false' }), []);
    });
    it('notInputs: a changesets publish command that only echoes publishes nothing', () => {
        const cs = (publish) => named((0, toolMatch_1.matchUses)(cat, 'github-workflow', 'changesets/action@v1', { publish }));
        assert.deepEqual(cs('npm run release'), ['signing/npm trusted publishing']);
        assert.deepEqual(cs('echo "never publishes"'), []);
    });
    it('a sub-action that only downloads or sets up a tool does not run it; the action itself does', () => {
        assert.deepEqual(named((0, toolMatch_1.matchUses)(cat, 'github-workflow', 'anchore/sbom-action/download-syft@v0', {})), []);
        assert.ok(named((0, toolMatch_1.matchUses)(cat, 'github-workflow', 'anchore/sbom-action@v0', {})).includes('sbom/Syft'));
    });
    it('GitLab report types name the probe of the tool that writes them', () => {
        assert.deepEqual(named((0, toolMatch_1.matchGitlabReport)(cat, 'container_scanning')), ['image-scan/Scanner with a GitLab container scanning report']);
        assert.deepEqual(named((0, toolMatch_1.matchGitlabReport)(cat, 'CycloneDX')), ['sbom/Generator with a GitLab CycloneDX report']);
        assert.deepEqual(named((0, toolMatch_1.matchGitlabReport)(cat, 'coverage_report')), []);
    });
    it('enabledBy is checked when a user catalogue is read', () => {
        assert.match(catalogueError('      - name: t\n        run: [t]\n        enabledBy: {}\n'), /names no condition/);
        assert.match(catalogueError('      - name: t\n        run: [t]\n        enabledBy: { config: { files: [../x.yml], keys: [a] } }\n'), /must stay inside the workspace/);
        assert.match(catalogueError('      - name: t\n        run: [t]\n        enabledBy: { config: { files: [x.yml] } }\n'), /config needs files and keys/);
        assert.match(catalogueError('      - name: t\n        run: [t]\n        enabledBy: { sometimes: true }\n'), /sometimes/);
        assert.equal(catalogueError('      - name: t\n        gitlabReports: [sast]\n        actions:\n          - name: o/a\n            notInputs: { mode: [dry] }\n'), 'no error');
    });
});
describe('release tools: configuration keys', () => {
    const key = (text, k, sub) => (0, releaseConfigs_1.configKeyEnabled)((0, releaseConfigs_1.parseReleaseConfig)('cfg.yml', text, sub), k);
    it('a key is on when set to something, with its line', () => {
        const on = key('version: 2\n\nsigns:\n  - cmd: cosign\n    artifacts: checksum\n', 'signs');
        assert.deepEqual([on?.loc.line, on?.text], [3, 'signs: cosign (1 entry)']);
        assert.equal(key('mac:\n  notarize: true\n', 'mac.notarize')?.loc.line, 2);
    });
    it('absent, empty, null, false and switched-off entries leave it off', () => {
        assert.equal(key('builds: []\n', 'signs'), undefined);
        assert.equal(key('signs: []\n', 'signs'), undefined);
        assert.equal(key('sboms:\n  - disable: true\n', 'sboms'), undefined);
        assert.equal(key('signs:\n  - artifacts: none\n', 'signs'), undefined);
        assert.equal(key('mac:\n  identity: null\n', 'mac.identity'), undefined);
        assert.equal(key('mac:\n  notarize: false\n', 'mac.notarize'), undefined);
        assert.equal(key('mac: {}\n', 'mac.notarize'), undefined);
        assert.ok(key('sboms:\n  - disable: true\n  - artifacts: archive\n', 'sboms'), 'one entry still on');
        assert.equal(key(': : not yaml [', 'signs'), undefined);
    });
    it('reads one key of a file as the configuration (package.json#build), JSON included', () => {
        const pkg = '{\n  "name": "app",\n  "build": {\n    "win": { "certificateFile": "cert.pfx" }\n  }\n}\n';
        assert.equal(key(pkg, 'win.certificateFile', 'build')?.loc.line, 4);
        assert.equal(key(pkg, 'win.certificateFile'), undefined, 'not at the top level');
    });
});
describe('release tools: GitLab artifacts reports', () => {
    it('the job lists its report types with their lines and files, extends included', () => {
        const text = '.reports:\n  artifacts:\n    reports:\n      sast: gl-sast.json\n\nscan:\n  extends: .reports\n  script:\n    - analyzer\n  artifacts:\n    reports:\n      junit: [a.xml, b.xml]\n      coverage_report:\n        coverage_format: cobertura\n        path: cov.xml\n';
        const file = (0, parseFile_1.parseFile)('gitlab-ci', '.gitlab-ci.yml', text);
        const job = file.jobs.find((j) => j.id === 'scan');
        assert.deepEqual(job.reports?.map((r) => [r.type.value, r.type.loc.line, r.files]), [['junit', 12, ['a.xml', 'b.xml']], ['coverage_report', 13, ['cov.xml']]], 'the job\'s own artifacts replace the inherited ones, as in GitLab');
    });
    it('a job with id_tokens can request OIDC identity tokens; one without cannot', () => {
        const text = 'publish:\n  id_tokens:\n    NPM_ID_TOKEN:\n      aud: npm:registry.npmjs.org\n  script: [npm publish]\nother:\n  id_tokens: {}\n  script: [npm publish]\n';
        const file = (0, parseFile_1.parseFile)('gitlab-ci', '.gitlab-ci.yml', text);
        assert.deepEqual(file.jobs.map((j) => [j.id, j.idTokens?.line]), [['publish', 2], ['other', undefined]]);
    });
});
//# sourceMappingURL=release-tools.test.js.map