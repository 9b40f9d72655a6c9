// The incremental path (WorkspaceIndex.update + evaluate, with the evaluation cache) must give
// exactly what a fresh scan gives; and yaml.ts's alias lookup must match the yaml package's.
import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { NodeFileSystem } from '../../src/core/nodeFileSystem';
import { evaluate } from '../../src/core/scan/detect/evaluate';
import { ScanResult } from '../../src/core/scan/result';
import { scanFolder } from '../../src/core/scan/folderScan';
import { WorkspaceIndex } from '../../src/core/scan/workspaceIndex';
import { deref, isAlias, mapGet, parseYaml, scalarText } from '../../src/core/yaml';
import { bundled } from './scanHelpers';

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

function comparable(r: ScanResult): string {
  return JSON.stringify({ ...r, root: undefined }, (_k, v) => (v instanceof Map ? [...v] : v instanceof Set ? [...v] : v));
}

describe('incremental re-evaluation', function () {
  let dir: string;
  let fs: NodeFileSystem;
  const write = (rel: string, text: string) => {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), text);
  };

  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'dsomm-incremental-'));
    fs = new NodeFileSystem(dir);
    write('.github/workflows/ci.yml', WORKFLOW);
    write('Dockerfile', DOCKERFILE);
    write('deploy/api.yaml', DEPLOYMENT);
  });

  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  async function fresh(): Promise<ScanResult> {
    const { model, data } = bundled();
    return (await scanFolder(new NodeFileSystem(dir), dir, model, data)).result;
  }

  it('picks up a Makefile created after the workflow that calls it', async () => {
    const { model, data } = bundled();
    const index = new WorkspaceIndex(fs, data.catalogue);
    await index.build();
    const before = evaluate({ root: dir, index, model, catalogue: data.catalogue, rules: data.rules, configFiles: [] });
    assert.ok(!before.probes.find((p) => p.id === 'secret-scan')!.evidence.some((e) => e.tool === 'Gitleaks'));

    write('Makefile', 'scan:\n\tgitleaks detect --source .\n');
    assert.equal(await index.update([{ path: 'Makefile' }]), true);
    const after = evaluate({ root: dir, index, model, catalogue: data.catalogue, rules: data.rules, configFiles: [] });
    assert.ok(after.probes.find((p) => p.id === 'secret-scan')!.evidence.some((e) => e.tool === 'Gitleaks'));
  });

  it('gives what a fresh scan gives after each change', async () => {
    const { model, data } = bundled();
    const { scan } = await scanFolder(fs, dir, model, data);
    const again = async (changes: { path: string; deleted?: boolean }[]) => {
      await scan.update(changes);
      return scan.evaluate(model);
    };
    const steps: [string, () => void, { path: string; deleted?: boolean }[]][] = [
      ['add a scanner step', () => write('.github/workflows/ci.yml', WORKFLOW + '      - run: trivy fs --exit-code 1 .\n'), [{ path: '.github/workflows/ci.yml' }]],
      ['same content again', () => write('.github/workflows/ci.yml', WORKFLOW + '      - run: trivy fs --exit-code 1 .\n'), [{ path: '.github/workflows/ci.yml' }]],
      ['root final stage', () => write('Dockerfile', DOCKERFILE.replace('USER 65532\n', '')), [{ path: 'Dockerfile' }]],
      ['new manifest', () => write('deploy/worker.yaml', DEPLOYMENT.replace(/api/g, 'worker')), [{ path: 'deploy/worker.yaml' }]],
      ['Makefile', () => write('Makefile', 'scan:\n\tsemgrep ci\n'), [{ path: 'Makefile' }]],
      ['manifest deleted', () => unlinkSync(path.join(dir, 'deploy/api.yaml')), [{ path: 'deploy/api.yaml', deleted: true }]],
      ['workflow deleted', () => unlinkSync(path.join(dir, '.github/workflows/ci.yml')), [{ path: '.github/workflows/ci.yml', deleted: true }]],
    ];
    for (const [what, change, changes] of steps) {
      change();
      const incremental = await again(changes);
      // (assert.ok: a diff of two whole results would be unreadable)
      assert.ok(comparable(incremental) === comparable(await fresh()), `after "${what}" the incremental result differs from a fresh scan`);
    }
  });
  it("follows make's file order (GNUmakefile, makefile, Makefile), also for one created later", async () => {
    const { model, data } = bundled();
    write('Makefile', 'scan:\n\tsemgrep ci\n');
    const index = new WorkspaceIndex(fs, data.catalogue);
    await index.build();
    // Evidence points at the line in the make file that runs the tool.
    const tools = () => evaluate({ root: dir, index, model, catalogue: data.catalogue, rules: data.rules, configFiles: [] }).probes.flatMap((p) => p.evidence.filter((e) => e.tool).map((e) => `${e.tool} ${e.loc.path}:${e.loc.line}`));
    assert.ok(tools().includes('Semgrep Makefile:2'), tools().join('\n'));
    write('GNUmakefile', 'scan:\n\tgitleaks detect\n');
    assert.equal(await index.update([{ path: 'GNUmakefile' }]), true);
    assert.ok(tools().includes('Gitleaks GNUmakefile:2'), 'GNUmakefile comes first for make');
    assert.ok(!tools().some((t) => t.startsWith('Semgrep')), 'the Makefile is no longer the one make reads');
    unlinkSync(path.join(dir, 'GNUmakefile'));
    await index.update([{ path: 'GNUmakefile', deleted: true }]);
    assert.ok(tools().includes('Semgrep Makefile:2'));
  });

  it('forgets everything below a deleted folder: index entries and the scripts CI files call', async () => {
    const { model, data } = bundled();
    write('.github/workflows/ci.yml', WORKFLOW + '      - run: ./tools/scan.sh\n');
    write('tools/scan.sh', '#!/bin/sh\ngitleaks detect --source .\n');
    write('deploy/nested/worker.yaml', DEPLOYMENT.replace(/\bapi\b/g, 'worker'));
    const { scan } = await scanFolder(fs, dir, model, data);
    const again = async (changes: { path: string; deleted?: boolean }[]) => {
      await scan.update(changes);
      return scan.evaluate(model);
    };
    const gitleaks = (r: ScanResult) => r.probes.find((p) => p.id === 'secret-scan')!.evidence.some((e) => e.tool === 'Gitleaks');
    assert.ok(gitleaks(await again([])), 'the script the workflow calls is followed');
    assert.deepEqual(scan.index.all().filter((e) => e.path.startsWith('deploy/')).map((e) => e.path), ['deploy/api.yaml', 'deploy/nested/worker.yaml']);

    // A folder deleted at once gives one event for the folder, none for the files in it.
    rmSync(path.join(dir, 'deploy'), { recursive: true });
    assert.equal(await scan.index.update([{ path: 'deploy', deleted: true }]), true);
    assert.deepEqual(scan.index.all().filter((e) => e.path.startsWith('deploy/')), []);
    assert.ok(comparable(await again([])) === comparable(await fresh()), 'after deleting deploy/ the incremental result differs from a fresh scan');

    rmSync(path.join(dir, 'tools'), { recursive: true });
    const afterTools = await again([{ path: 'tools', deleted: true }]);
    assert.ok(!gitleaks(afterTools), 'a tool in a script of a deleted folder still counts');
    assert.ok(comparable(afterTools) === comparable(await fresh()), 'after deleting tools/ the incremental result differs from a fresh scan');

    // The script comes back with other content: read again, not served from a stale cache.
    write('tools/scan.sh', '#!/bin/sh\ntrufflehog filesystem .\n');
    const restored = await again([{ path: 'tools/scan.sh' }]);
    assert.ok(restored.probes.find((p) => p.id === 'secret-scan')!.evidence.some((e) => /trufflehog/i.test(e.tool ?? '')));
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
    const parsed = parseYaml(text);
    const doc = parsed.documents[0];
    const contents = doc.contents;
    for (const [key, want] of [['b', 'one'], ['d', 'two']] as const) {
      assert.equal(scalarText(mapGet(doc, contents, key)), want);
    }
    assert.equal(scalarText(mapGet(doc, mapGet(doc, contents, 'f'), 'k')), 'v');
    const items = (contents as { items: { value: unknown }[] }).items;
    for (const pair of items) {
      if (isAlias(pair.value)) assert.equal(deref(doc, pair.value), pair.value.resolve(doc));
    }
  });
});
