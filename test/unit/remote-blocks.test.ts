// Remote building blocks (issue 14): catalogue tools marked `mayRun` make a probe `unknown` (never a
// pass, never "missing"), the activity rules carry that through every condition form, and the
// catalogue refuses `mayRun` on anything that is not a remote block.
import * as assert from 'node:assert/strict';
import { CatalogueError, loadCatalogue } from '../../src/core/scan/detect/catalogue';
import { evaluateRules, loadRules } from '../../src/core/scan/detect/rules';
import { isMayRunTool, matchAzureTemplate } from '../../src/core/scan/detect/toolMatch';
import { Evidence, ProbeOutcome, ProbeResult } from '../../src/core/scan/detect/probeTypes';
import { bundled, scanDir, REPO_ROOT } from './scanHelpers';
import * as path from 'node:path';

const ev = (line: number, pipeline = 'ci.yml', job = 'build'): Evidence => ({
  loc: { path: pipeline, line, column: 1, endLine: line, endColumn: 1 },
  text: `line ${line}`,
  tool: `T${line}`,
  unit: { pipeline, job },
});
const out = (id: string, result: ProbeResult, evidence: Evidence[] = []): ProbeOutcome => ({ id, result, evidence, notes: [], findings: [] });
const map = (...o: ProbeOutcome[]) => new Map(o.map((x) => [x.id, x]));

describe('remote blocks: unknown through the activity rules', () => {
  const rules = loadRules(
    `schemaVersion: 1
rules:
  - activity: single
    when: { probe: a }
  - activity: both
    when: { all: [{ probe: a }, { probe: b }] }
  - activity: either
    when: { any: [{ probe: a }, { probe: b }] }
  - activity: joined
    when: { all: [{ probe: a }, { probe: b }], in: pipeline }
  - activity: counted
    when: { tools: { probes: [a, b], atLeast: 2 } }
  - activity: hinted
    when: { probe: a }
    partialWhen: { probe: b }
`,
    'rules.yaml',
  );
  const ids = ['single', 'both', 'either', 'joined', 'counted', 'hinted'];

  it('a probe only a remote block may run makes its activity unknown (flagged remote), not missing', () => {
    const r = evaluateRules(rules, map(out('a', 'unknown'), out('b', 'fail')), ids);
    assert.equal(r.get('single')!.status, 'unknown');
    assert.equal(r.get('single')!.remote, true);
    assert.deepEqual(r.get('single')!.evidence, []);
    assert.equal(r.get('both')!.status, 'missing', 'a member that is surely absent decides an `all`');
    assert.equal(r.get('either')!.status, 'unknown');
    assert.equal(r.get('joined')!.status, 'missing');
    assert.equal(r.get('counted')!.status, 'unknown');
    assert.equal(r.get('hinted')!.status, 'unknown');
  });

  it('what the files show wins over what a block may do', () => {
    const r = evaluateRules(rules, map(out('a', 'unknown'), out('b', 'pass', [ev(7)])), ids);
    assert.equal(r.get('both')!.status, 'unknown', 'all: the unknown member keeps it unknown');
    assert.equal(r.get('either')!.status, 'detected');
    assert.deepEqual(r.get('either')!.evidence.map((e) => e.loc.line), [7]);
    assert.equal(r.get('joined')!.status, 'unknown', 'a remote run cannot be placed in a pipeline');
    assert.equal(r.get('counted')!.status, 'partial');
    assert.equal(r.get('hinted')!.status, 'partial', 'the partial hint the files show');
    assert.equal(r.get('hinted')!.remote, undefined);
  });

  it('a plain failure is still missing and not flagged remote', () => {
    const r = evaluateRules(rules, map(out('a', 'fail'), out('b', 'fail')), ids);
    for (const id of ids) {
      assert.equal(r.get(id)!.status, 'missing', id);
      assert.equal(r.get(id)!.remote, undefined, id);
    }
  });
});

describe('remote blocks: the catalogue', () => {
  const bad = (text: string, re: RegExp) => assert.throws(() => loadCatalogue(text, 'probes.yaml'), (e: unknown) => e instanceof CatalogueError && re.test(e.message));
  const head = 'schemaVersion: 1\nprobes:\n  - id: sast\n    traits: { failsBuild: control, qualifies: false }\n    tools:\n';

  it('refuses mayRun on a command or a file, which either runs the tool or not', () => {
    bad(`${head}      - { name: X, mayRun: true, run: [semgrep] }\n`, /probes\.yaml:6: tool "X" has mayRun: true, which only applies to remote blocks .* not to run/);
    bad(`${head}      - { name: X, mayRun: true, configFiles: [.semgrep.yml] }\n`, /not to configFiles/);
    bad(`${head}      - { name: X, mayRun: yes please, actions: [o/r] }\n`, /mayRun/);
  });

  it('accepts mayRun on remote blocks and matches Azure templates by repository and folder', () => {
    const cat = loadCatalogue(`${head}      - { name: Governed, mayRun: true, azureTemplates: [Org.Pipelines/Templates/v2] }\n      - { name: Exact, azureTemplates: [owner/repo/ci/scan.yml] }\n`, 'probes.yaml');
    assert.equal(isMayRunTool(cat, 'sast', 'Governed'), true);
    assert.equal(isMayRunTool(cat, 'sast', 'Exact'), false);
    assert.deepEqual(matchAzureTemplate(cat, 'org.pipelines/templates/v2/Official.CrossPlat.yml'), [{ probe: 'sast', tool: 'Governed' }]);
    assert.deepEqual(matchAzureTemplate(cat, 'owner/repo/ci/scan.yml'), [{ probe: 'sast', tool: 'Exact' }]);
    assert.deepEqual(matchAzureTemplate(cat, 'Org.Pipelines/Templates/v20/x.yml'), [], 'folders match whole segments');
    assert.deepEqual(matchAzureTemplate(cat, 'owner/repo/ci/scan.yml.bak'), []);
  });

  it('every bundled mayRun tool names its source', () => {
    const { data } = bundled();
    const mayRun = data.catalogue.probes.flatMap((p) => p.tools.filter((t) => t.mayRun).map((t) => ({ probe: p.id, t })));
    assert.ok(mayRun.length >= 5, `${mayRun.length} mayRun tools`);
    for (const { probe, t } of mayRun) assert.match(t.url ?? '', /^https:\/\//, `${probe} / ${t.name}`);
  });
});

describe('remote blocks: statuses a user sees', () => {
  it('the activity resting on a governed Azure template is unknown, its reason naming the template and line', async () => {
    const { result } = await scanDir(path.join(REPO_ROOT, 'test/fixtures/detect/remote-blocks-azure'));
    const sast = result.activities.filter((a) => a.probes.includes('sast') && a.probes.length === 1);
    assert.ok(sast.length > 0, 'an activity rests on sast alone');
    for (const a of sast) {
      assert.equal(a.status, 'unknown', a.activity.name);
      assert.ok(a.reasons?.some((r) => r.includes('v1/1ES.Official.PipelineTemplate.yml@governed') && r.includes('azure-pipelines.yml:13')), JSON.stringify(a.reasons));
      assert.deepEqual(a.evidence, []);
    }
  });
});
