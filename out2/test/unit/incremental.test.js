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
// The incremental path (WorkspaceIndex.update + evaluate, with the evaluation cache) must give
// exactly what a fresh scan gives; and yaml.ts's alias lookup must match the yaml package's.
const assert = __importStar(require("node:assert/strict"));
const node_fs_1 = require("node:fs");
const node_os_1 = require("node:os");
const path = __importStar(require("node:path"));
const nodeFileSystem_1 = require("../../src/core/nodeFileSystem");
const evaluate_1 = require("../../src/core/scan/detect/evaluate");
const folderScan_1 = require("../../src/core/scan/folderScan");
const workspaceIndex_1 = require("../../src/core/scan/workspaceIndex");
const yaml_1 = require("../../src/core/yaml");
const scanHelpers_1 = require("./scanHelpers");
const WORKFLOW = `name: ci
on: [push]
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - run: make scan
`;
const DOCKERFILE = `FROM node:20-alpine AS build
RUN npm ci
FROM gcr.io/distroless/nodejs20-debian12
USER 65532
`;
const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
  labels: &labels
    app: api
spec:
  selector:
    matchLabels: *labels
  template:
    metadata:
      labels: *labels
    spec:
      containers:
        - name: api
          image: ghcr.io/acme/api:1.2.3
`;
function comparable(r) {
    return JSON.stringify({ ...r, root: undefined }, (_k, v) => (v instanceof Map ? [...v] : v instanceof Set ? [...v] : v));
}
describe('incremental re-evaluation', function () {
    let dir;
    let fs;
    const write = (rel, text) => {
        (0, node_fs_1.mkdirSync)(path.dirname(path.join(dir, rel)), { recursive: true });
        (0, node_fs_1.writeFileSync)(path.join(dir, rel), text);
    };
    beforeEach(() => {
        dir = (0, node_fs_1.mkdtempSync)(path.join((0, node_os_1.tmpdir)(), 'dsomm-incremental-'));
        fs = new nodeFileSystem_1.NodeFileSystem(dir);
        write('.github/workflows/ci.yml', WORKFLOW);
        write('Dockerfile', DOCKERFILE);
        write('deploy/api.yaml', DEPLOYMENT);
    });
    afterEach(() => (0, node_fs_1.rmSync)(dir, { recursive: true, force: true }));
    async function fresh() {
        const { model, data } = (0, scanHelpers_1.bundled)();
        return (await (0, folderScan_1.scanFolder)(new nodeFileSystem_1.NodeFileSystem(dir), dir, model, data)).result;
    }
    it('picks up a Makefile created after the workflow that calls it', async () => {
        const { model, data } = (0, scanHelpers_1.bundled)();
        const index = new workspaceIndex_1.WorkspaceIndex(fs, data.catalogue);
        await index.build();
        const before = (0, evaluate_1.evaluate)({ root: dir, index, model, catalogue: data.catalogue, rules: data.rules, configFiles: [] });
        assert.ok(!before.probes.find((p) => p.id === 'secret-scan').evidence.some((e) => e.tool === 'Gitleaks'));
        write('Makefile', 'scan:\n\tgitleaks detect --source .\n');
        assert.equal(await index.update([{ path: 'Makefile' }]), true);
        const after = (0, evaluate_1.evaluate)({ root: dir, index, model, catalogue: data.catalogue, rules: data.rules, configFiles: [] });
        assert.ok(after.probes.find((p) => p.id === 'secret-scan').evidence.some((e) => e.tool === 'Gitleaks'));
    });
    it('gives what a fresh scan gives after each change', async () => {
        const { model, data } = (0, scanHelpers_1.bundled)();
        const { scan } = await (0, folderScan_1.scanFolder)(fs, dir, model, data);
        const again = async (changes) => {
            await scan.update(changes);
            return scan.evaluate(model);
        };
        const steps = [
            ['add a scanner step', () => write('.github/workflows/ci.yml', WORKFLOW + '      - run: trivy fs --exit-code 1 .\n'), [{ path: '.github/workflows/ci.yml' }]],
            ['same content again', () => write('.github/workflows/ci.yml', WORKFLOW + '      - run: trivy fs --exit-code 1 .\n'), [{ path: '.github/workflows/ci.yml' }]],
            ['root final stage', () => write('Dockerfile', DOCKERFILE.replace('USER 65532\n', '')), [{ path: 'Dockerfile' }]],
            ['new manifest', () => write('deploy/worker.yaml', DEPLOYMENT.replace(/api/g, 'worker')), [{ path: 'deploy/worker.yaml' }]],
            ['Makefile', () => write('Makefile', 'scan:\n\tsemgrep ci\n'), [{ path: 'Makefile' }]],
            ['manifest deleted', () => (0, node_fs_1.unlinkSync)(path.join(dir, 'deploy/api.yaml')), [{ path: 'deploy/api.yaml', deleted: true }]],
            ['workflow deleted', () => (0, node_fs_1.unlinkSync)(path.join(dir, '.github/workflows/ci.yml')), [{ path: '.github/workflows/ci.yml', deleted: true }]],
        ];
        for (const [what, change, changes] of steps) {
            change();
            const incremental = await again(changes);
            // (assert.ok: a diff of two whole results would be unreadable)
            assert.ok(comparable(incremental) === comparable(await fresh()), `after "${what}" the incremental result differs from a fresh scan`);
        }
    });
    it("follows make's file order (GNUmakefile, makefile, Makefile), also for one created later", async () => {
        const { model, data } = (0, scanHelpers_1.bundled)();
        write('Makefile', 'scan:\n\tsemgrep ci\n');
        const index = new workspaceIndex_1.WorkspaceIndex(fs, data.catalogue);
        await index.build();
        // Evidence points at the line in the make file that runs the tool.
        const tools = () => (0, evaluate_1.evaluate)({ root: dir, index, model, catalogue: data.catalogue, rules: data.rules, configFiles: [] }).probes.flatMap((p) => p.evidence.filter((e) => e.tool).map((e) => `${e.tool} ${e.loc.path}:${e.loc.line}`));
        assert.ok(tools().includes('Semgrep Makefile:2'), tools().join('\n'));
        write('GNUmakefile', 'scan:\n\tgitleaks detect\n');
        assert.equal(await index.update([{ path: 'GNUmakefile' }]), true);
        assert.ok(tools().includes('Gitleaks GNUmakefile:2'), 'GNUmakefile comes first for make');
        assert.ok(!tools().some((t) => t.startsWith('Semgrep')), 'the Makefile is no longer the one make reads');
        (0, node_fs_1.unlinkSync)(path.join(dir, 'GNUmakefile'));
        await index.update([{ path: 'GNUmakefile', deleted: true }]);
        assert.ok(tools().includes('Semgrep Makefile:2'));
    });
    it('forgets everything below a deleted folder: index entries and the scripts CI files call', async () => {
        const { model, data } = (0, scanHelpers_1.bundled)();
        write('.github/workflows/ci.yml', WORKFLOW + '      - run: ./tools/scan.sh\n');
        write('tools/scan.sh', '#!/bin/sh\ngitleaks detect --source .\n');
        write('deploy/nested/worker.yaml', DEPLOYMENT.replace(/\bapi\b/g, 'worker'));
        const { scan } = await (0, folderScan_1.scanFolder)(fs, dir, model, data);
        const again = async (changes) => {
            await scan.update(changes);
            return scan.evaluate(model);
        };
        const gitleaks = (r) => r.probes.find((p) => p.id === 'secret-scan').evidence.some((e) => e.tool === 'Gitleaks');
        assert.ok(gitleaks(await again([])), 'the script the workflow calls is followed');
        assert.deepEqual(scan.index.all().filter((e) => e.path.startsWith('deploy/')).map((e) => e.path), ['deploy/api.yaml', 'deploy/nested/worker.yaml']);
        // A folder deleted at once gives one event for the folder, none for the files in it.
        (0, node_fs_1.rmSync)(path.join(dir, 'deploy'), { recursive: true });
        assert.equal(await scan.index.update([{ path: 'deploy', deleted: true }]), true);
        assert.deepEqual(scan.index.all().filter((e) => e.path.startsWith('deploy/')), []);
        assert.ok(comparable(await again([])) === comparable(await fresh()), 'after deleting deploy/ the incremental result differs from a fresh scan');
        (0, node_fs_1.rmSync)(path.join(dir, 'tools'), { recursive: true });
        const afterTools = await again([{ path: 'tools', deleted: true }]);
        assert.ok(!gitleaks(afterTools), 'a tool in a script of a deleted folder still counts');
        assert.ok(comparable(afterTools) === comparable(await fresh()), 'after deleting tools/ the incremental result differs from a fresh scan');
        // The script comes back with other content: read again, not served from a stale cache.
        write('tools/scan.sh', '#!/bin/sh\ntrufflehog filesystem .\n');
        const restored = await again([{ path: 'tools/scan.sh' }]);
        assert.ok(restored.probes.find((p) => p.id === 'secret-scan').evidence.some((e) => /trufflehog/i.test(e.tool ?? '')));
        assert.ok(comparable(restored) === comparable(await fresh()), 'after restoring tools/ the incremental result differs from a fresh scan');
    });
});
describe('yaml deref', () => {
    it('resolves each alias to the last anchor of that name before it, as the yaml package does', () => {
        const text = `a: &x one
b: *x
c: &x two
d: *x
e: &m
  k: v
f: *m
g: *nowhere
`;
        const parsed = (0, yaml_1.parseYaml)(text);
        const doc = parsed.documents[0];
        const contents = doc.contents;
        for (const [key, want] of [['b', 'one'], ['d', 'two']]) {
            assert.equal((0, yaml_1.scalarText)((0, yaml_1.mapGet)(doc, contents, key)), want);
        }
        assert.equal((0, yaml_1.scalarText)((0, yaml_1.mapGet)(doc, (0, yaml_1.mapGet)(doc, contents, 'f'), 'k')), 'v');
        const items = contents.items;
        for (const pair of items) {
            if ((0, yaml_1.isAlias)(pair.value))
                assert.equal((0, yaml_1.deref)(doc, pair.value), pair.value.resolve(doc));
        }
    });
});
//# sourceMappingURL=incremental.test.js.map