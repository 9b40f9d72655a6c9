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
// Which files a probe's gaps are about is data (the `anchor` trait in model/probes.yaml; the
// container probes declare theirs next to their code), not id lists in the guidance code.
const assert = __importStar(require("node:assert/strict"));
const node_fs_1 = require("node:fs");
const node_os_1 = require("node:os");
const path = __importStar(require("node:path"));
const catalogue_1 = require("../../src/core/scan/detect/catalogue");
const containerProbes_1 = require("../../src/core/scan/detect/containerProbes");
const codeProbes_1 = require("../../src/core/scan/detect/codeProbes");
const lookup_1 = require("../../src/core/guidance/lookup");
const scanHelpers_1 = require("./scanHelpers");
const head = 'schemaVersion: 1\nprobes:\n';
const tools = '    tools: [{ name: a, run: [a] }]\n';
describe('Probe traits: anchor', () => {
    it('an unknown anchor fails at load with file and line; dockerfile and kubernetes load', () => {
        assert.throws(() => (0, catalogue_1.loadCatalogue)(head + '  - id: p\n    traits: { failsBuild: no, qualifies: false, anchor: helm }\n' + tools, 'probes.yaml'), (e) => e instanceof catalogue_1.CatalogueError && /^probes\.yaml:4: anchor of probe "p" must be one of dockerfile, kubernetes, not "helm"/.test(e.message));
        const cat = (0, catalogue_1.loadCatalogue)(head + '  - id: p\n    traits: { failsBuild: no, qualifies: false, anchor: kubernetes }\n' + tools + '  - id: q\n    traits: { failsBuild: no, qualifies: false }\n' + tools, 'probes.yaml');
        assert.equal((0, catalogue_1.probeAnchor)(cat, 'p'), 'kubernetes');
        assert.equal((0, catalogue_1.probeAnchor)(cat, 'q'), 'pipeline');
    });
    it('the bundled catalogue and the container probes give each probe its files', () => {
        const cat = (0, catalogue_1.loadCatalogue)((0, node_fs_1.readFileSync)(path.join(scanHelpers_1.REPO_ROOT, 'model/probes.yaml'), 'utf8'), 'probes.yaml');
        for (const id of ['dockerfile-lint', 'image-scan', 'container-build', 'container-test', 'container.non-root', 'container.present'])
            assert.equal((0, catalogue_1.probeAnchor)(cat, id), 'dockerfile', id);
        for (const id of ['iac-scan.k8s', 'k8s.security-context', 'deploy.canary', 'deploy.blue-green'])
            assert.equal((0, catalogue_1.probeAnchor)(cat, id), 'kubernetes', id);
        for (const id of ['sast', 'secret-scan', 'ci.pipeline', 'pinning', 'deploy'])
            assert.equal((0, catalogue_1.probeAnchor)(cat, id), 'pipeline', id);
    });
    it('code probe ids are listed once: the container probes and pinning parts are code probes', () => {
        assert.equal(new Set(catalogue_1.CODE_PROBE_IDS).size, catalogue_1.CODE_PROBE_IDS.length);
        for (const id of [...containerProbes_1.CONTAINER_PROBE_IDS, ...codeProbes_1.PINNING_PART_IDS.filter((p) => p !== 'container.base-image-digest')])
            assert.ok(catalogue_1.CODE_PROBE_IDS.includes(id), id);
    });
    it('activities carry the anchor of their probes: any pipeline probe keeps them on the pipeline', async () => {
        const { result } = await (0, scanHelpers_1.scanDir)(scanHelpers_1.DEMO);
        const byName = (name) => result.activities.find((a) => a.activity.name === name);
        assert.equal((0, lookup_1.activityFamily)(byName('Test of virtualized environments')), 'dockerfile'); // container-test
        assert.equal((0, lookup_1.activityFamily)(byName('Test cluster deployment resources')), 'kubernetes'); // iac-scan.k8s
        assert.equal((0, lookup_1.activityFamily)(byName('Test the definition of virtualized environments')), 'dockerfile'); // dockerfile-lint + iac-scan.k8s
        assert.equal((0, lookup_1.activityFamily)(byName('Filter outgoing traffic')), 'pipeline'); // k8s.network-policy + egress-filter
        assert.equal((0, lookup_1.activityFamily)(byName('Regular automated tests')), 'pipeline');
        // pinning counts its parts: a Dockerfile digest is evidence for the activity that uses `pinning`.
        const pinning = result.activities.find((a) => a.probes.includes('pinning'));
        assert.ok(pinning, 'an activity counts pinning');
        for (const part of codeProbes_1.PINNING_PART_IDS)
            assert.ok((0, lookup_1.lookup)(result).activitiesByProbe.get(part)?.includes(pinning), part);
        assert.ok((0, scanHelpers_1.bundled)().data.catalogue.probes.some((p) => p.traits.anchor));
    });
});
describe('Probe traits: appliesWhen', function () {
    this.timeout(60_000);
    it('an unknown condition fails at load with file and line', () => {
        assert.throws(() => (0, catalogue_1.loadCatalogue)(head + '  - id: p\n    traits: { failsBuild: no, qualifies: false, appliesWhen: mainframes }\n' + tools, 'probes.yaml'), (e) => e instanceof catalogue_1.CatalogueError && /^probes\.yaml:4: appliesWhen of probe "p" must be one of containers, .*not "mainframes"/.test(e.message));
    });
    it('the bundled catalogue declares which probes need something to look at', () => {
        const cat = (0, catalogue_1.loadCatalogue)((0, node_fs_1.readFileSync)(path.join(scanHelpers_1.REPO_ROOT, 'model/probes.yaml'), 'utf8'), 'probes.yaml');
        const when = (id) => cat.probes.find((p) => p.id === id).traits.appliesWhen;
        assert.equal(when('dockerfile-lint'), 'dockerfiles');
        assert.equal(when('iac-scan.k8s'), 'kubernetes');
        assert.equal(when('sca.client'), 'js-packages');
        assert.equal(when('sast'), undefined);
    });
    it('a probe with nothing to look at is not applicable with the absent note; with it, it is a gap', async () => {
        const dir = (0, node_fs_1.mkdtempSync)(path.join((0, node_os_1.tmpdir)(), 'dsomm-applies-'));
        try {
            (0, node_fs_1.mkdirSync)(path.join(dir, '.github/workflows'), { recursive: true });
            (0, node_fs_1.writeFileSync)(path.join(dir, '.github/workflows/ci.yml'), 'on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: make test\n');
            const probe = (r, id) => r.probes.find((p) => p.id === id);
            const before = (await (0, scanHelpers_1.scanDir)(dir)).result;
            assert.equal(probe(before, 'dockerfile-lint').result, 'not-applicable');
            assert.equal(probe(before, 'dockerfile-lint').notes[0], 'no Dockerfile');
            assert.equal(probe(before, 'sast').result, 'fail');
            (0, node_fs_1.writeFileSync)(path.join(dir, 'Dockerfile'), 'FROM alpine:3.20\nUSER nobody\n');
            const after = (await (0, scanHelpers_1.scanDir)(dir)).result;
            assert.equal(probe(after, 'dockerfile-lint').result, 'fail');
            assert.equal(probe(after, 'iac-scan.k8s').result, 'not-applicable');
        }
        finally {
            (0, node_fs_1.rmSync)(dir, { recursive: true, force: true });
        }
    });
});
//# sourceMappingURL=probe-traits.test.js.map