// Which files a probe's gaps are about is data (the `anchor` trait in model/probes.yaml; the
// container probes declare theirs next to their code), not id lists in the guidance code.
import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { CatalogueError, CODE_PROBE_IDS, loadCatalogue, probeAnchor } from '../../src/core/scan/detect/catalogue';
import { CONTAINER_PROBE_IDS } from '../../src/core/scan/detect/containerProbes';
import { PINNING_PART_IDS } from '../../src/core/scan/detect/codeProbes';
import { activityFamily, lookup } from '../../src/core/guidance/lookup';
import { bundled, DEMO, REPO_ROOT, scanDir } from './scanHelpers';

const head = 'schemaVersion: 1\nprobes:\n';
const tools = '    tools: [{ name: a, run: [a] }]\n';

describe('Probe traits: anchor', () => {
  it('an unknown anchor fails at load with file and line; dockerfile and kubernetes load', () => {
    assert.throws(
      () => loadCatalogue(head + '  - id: p\n    traits: { failsBuild: no, qualifies: false, anchor: helm }\n' + tools, 'probes.yaml'),
      (e: unknown) => e instanceof CatalogueError && /^probes\.yaml:4: anchor of probe "p" must be one of dockerfile, kubernetes, not "helm"/.test(e.message),
    );
    const cat = loadCatalogue(head + '  - id: p\n    traits: { failsBuild: no, qualifies: false, anchor: kubernetes }\n' + tools + '  - id: q\n    traits: { failsBuild: no, qualifies: false }\n' + tools, 'probes.yaml');
    assert.equal(probeAnchor(cat, 'p'), 'kubernetes');
    assert.equal(probeAnchor(cat, 'q'), 'pipeline');
  });

  it('the bundled catalogue and the container probes give each probe its files', () => {
    const cat = loadCatalogue(readFileSync(path.join(REPO_ROOT, 'model/probes.yaml'), 'utf8'), 'probes.yaml');
    for (const id of ['dockerfile-lint', 'image-scan', 'container-build', 'container-test', 'container.non-root', 'container.present']) assert.equal(probeAnchor(cat, id), 'dockerfile', id);
    for (const id of ['iac-scan.k8s', 'k8s.security-context', 'deploy.canary', 'deploy.blue-green']) assert.equal(probeAnchor(cat, id), 'kubernetes', id);
    for (const id of ['sast', 'secret-scan', 'ci.pipeline', 'pinning', 'deploy']) assert.equal(probeAnchor(cat, id), 'pipeline', id);
  });

  it('code probe ids are listed once: the container probes and pinning parts are code probes', () => {
    assert.equal(new Set(CODE_PROBE_IDS).size, CODE_PROBE_IDS.length);
    for (const id of [...CONTAINER_PROBE_IDS, ...PINNING_PART_IDS.filter((p) => p !== 'container.base-image-digest')]) assert.ok(CODE_PROBE_IDS.includes(id), id);
  });

  it('activities carry the anchor of their probes: any pipeline probe keeps them on the pipeline', async () => {
    const { result } = await scanDir(DEMO);
    const byName = (name: string) => result.activities.find((a) => a.activity.name === name)!;
    assert.equal(activityFamily(byName('Test of virtualized environments')), 'dockerfile'); // container-test
    assert.equal(activityFamily(byName('Test cluster deployment resources')), 'kubernetes'); // iac-scan.k8s
    assert.equal(activityFamily(byName('Test the definition of virtualized environments')), 'dockerfile'); // dockerfile-lint + iac-scan.k8s
    assert.equal(activityFamily(byName('Filter outgoing traffic')), 'pipeline'); // k8s.network-policy + egress-filter
    assert.equal(activityFamily(byName('Regular automated tests')), 'pipeline');
    // pinning counts its parts: a Dockerfile digest is evidence for the activity that uses `pinning`.
    const pinning = result.activities.find((a) => a.probes.includes('pinning'));
    assert.ok(pinning, 'an activity counts pinning');
    for (const part of PINNING_PART_IDS) assert.ok(lookup(result).activitiesByProbe.get(part)?.includes(pinning), part);
    assert.ok(bundled().data.catalogue.probes.some((p) => p.traits.anchor));
  });
});

describe('Probe traits: appliesWhen', function () {
  this.timeout(60_000);

  it('an unknown condition fails at load with file and line', () => {
    assert.throws(
      () => loadCatalogue(head + '  - id: p\n    traits: { failsBuild: no, qualifies: false, appliesWhen: mainframes }\n' + tools, 'probes.yaml'),
      (e: unknown) => e instanceof CatalogueError && /^probes\.yaml:4: appliesWhen of probe "p" must be one of containers, .*not "mainframes"/.test(e.message),
    );
  });

  it('the bundled catalogue declares which probes need something to look at', () => {
    const cat = loadCatalogue(readFileSync(path.join(REPO_ROOT, 'model/probes.yaml'), 'utf8'), 'probes.yaml');
    const when = (id: string) => cat.probes.find((p) => p.id === id)!.traits.appliesWhen;
    assert.equal(when('dockerfile-lint'), 'dockerfiles');
    assert.equal(when('iac-scan.k8s'), 'kubernetes');
    assert.equal(when('sca.client'), 'js-packages');
    assert.equal(when('sast'), undefined);
  });

  it('a probe with nothing to look at is not applicable with the absent note; with it, it is a gap', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'dsomm-applies-'));
    try {
      mkdirSync(path.join(dir, '.github/workflows'), { recursive: true });
      writeFileSync(path.join(dir, '.github/workflows/ci.yml'), 'on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: make test\n');
      const probe = (r: Awaited<ReturnType<typeof scanDir>>['result'], id: string) => r.probes.find((p) => p.id === id)!;
      const before = (await scanDir(dir)).result;
      assert.equal(probe(before, 'dockerfile-lint').result, 'not-applicable');
      assert.equal(probe(before, 'dockerfile-lint').notes[0], 'no Dockerfile');
      assert.equal(probe(before, 'sast').result, 'fail');
      writeFileSync(path.join(dir, 'Dockerfile'), 'FROM alpine:3.20\nUSER nobody\n');
      const after = (await scanDir(dir)).result;
      assert.equal(probe(after, 'dockerfile-lint').result, 'fail');
      assert.equal(probe(after, 'iac-scan.k8s').result, 'not-applicable');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
