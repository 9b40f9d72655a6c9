// Inline suppressions and the fixes catalogue's own checks.
import * as assert from 'node:assert/strict';
import { fill } from '../../src/core/guidance/computeFix';
import { FixCatalogueError, loadFixes } from '../../src/core/guidance/fixCatalogue';
import { isSuppressed, suppressionList, suppressions } from '../../src/core/guidance/suppress';
import { detectUnit, reindentYaml } from '../../src/core/guidance/yamlEdit';
import { bundled } from './guidanceHarness';

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
    assert.deepEqual(suppressionList(text), [
      { line: 1, ids: ['sbom', 'dast'], reason: 'no images, no web UI' },
      { line: 2, ids: ['gha.actions-pinned'] },
      { line: 4, ids: ['secret-scan'], reason: 'handled elsewhere' },
      { line: 5, ids: ['sast'] },
      { line: 7, ids: ['all'] },
    ]);
    const map = suppressions(text);
    assert.deepEqual([...map.keys()], [1, 2, 4, 5, 7]);
    assert.ok(map.get(1)!.has('dast'));
  });

  it('a comment applies to its own line and the next one', () => {
    const map = suppressions('a\n# dsomm-ignore root-user\nFROM x\nRUN y\n');
    assert.equal(isSuppressed(map, 2, ['root-user']), true);
    assert.equal(isSuppressed(map, 3, ['container.non-root', 'root-user']), true);
    assert.equal(isSuppressed(map, 4, ['root-user']), false);
    assert.equal(isSuppressed(map, 1, ['root-user']), false);
    assert.equal(isSuppressed(map, 3, ['sbom']), false);
    assert.equal(isSuppressed(suppressions('# dsomm-ignore all\nx'), 2, ['anything']), true);
    assert.equal(suppressions('no comments here').size, 0);
  });
});

describe('guidance: the fixes catalogue', () => {
  it('the bundled model/fixes.yaml loads, with unique ids and known probes', () => {
    const { fixes, data } = bundled();
    assert.ok(fixes.templates.length >= 18);
    const probes = new Set([...data.catalogue.probes.map((p) => p.id), 'gha.token-permissions', 'dependency-update-bot', 'repo.security-policy', 'container.non-root']);
    for (const t of fixes.templates) for (const p of t.satisfies) assert.ok(probes.has(p), `${t.id}: unknown probe ${p}`);
    assert.ok(Object.keys(fixes.links).length > 0);
  });

  it('rejects broken files with their line', () => {
    const head = 'schemaVersion: 1\ntemplates:\n';
    const tpl = (extra: string) => `${head}  - id: a.b\n    title: T\n    satisfies: [sast]\n    name: ab\n    label: AB\n${extra}`;
    const cases: [string, RegExp][] = [
      ['schemaVersion: 2\ntemplates: []\n', /schemaVersion must be 1/],
      [tpl('    dialects:\n      cobol: { job: x }\n'), /fixes.yaml:9: unknown dialect `cobol`/],
      [tpl('    dialects:\n      dockerfile: { edit: explode }\n'), /unknown edit operation "explode"/],
      [tpl('    dialects:\n      azure-pipelines: { job: "x:" }\n'), /`job` is not a placement for azure-pipelines/],
      [tpl('    dialects:\n      gitlab-ci: { include: Jobs/SAST.gitlab-ci.yml }\n'), /needs the one `stage`/],
      [tpl('    dialects:\n      repository: { createFile: X.md }\n'), /needs `generator` or `content`/],
      [`${tpl('    dialects:\n      dockerfile: { instructions: USER 1 }\n')}${tpl('    dialects:\n      dockerfile: { instructions: USER 1 }\n').slice(head.length)}`, /duplicate template id "a.b"/],
      [`${head}  - id: x\n    title: T\n    name: x\n    label: X\n    dialects:\n      dockerfile: { instructions: USER 1 }\n`, /must list what it `satisfies` or `resolves`/],
    ];
    for (const [text, re] of cases) assert.throws(() => loadFixes(text, 'fixes.yaml'), (e: unknown) => e instanceof FixCatalogueError && re.test(e.message), re.source);
  });
});

describe('guidance: snippet helpers', () => {
  it('fill drops lines whose variables are empty, and parents left empty', () => {
    const snippet = 'steps:\n  - uses: a\n    with:\n      languages: {{langs}}\n  - uses: b\n    name: {{label}}';
    assert.equal(fill(snippet, { langs: '', label: 'L' }), 'steps:\n  - uses: a\n  - uses: b\n    name: L');
    assert.equal(fill(snippet, { langs: 'go', label: 'L' }), 'steps:\n  - uses: a\n    with:\n      languages: go\n  - uses: b\n    name: L');
  });

  it('reindentYaml keeps sequence items and block scalars aligned at any indentation', () => {
    const snippet = 'job:\n  steps:\n    - uses: a\n      with:\n        x: 1\n    - run: |\n        echo 1\n          echo 2\n  env:\n    A: b';
    assert.deepEqual(reindentYaml(snippet, 4, 4), [
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
    assert.equal(reindentYaml(snippet, 0, 2).join('\n'), snippet);
    assert.equal(detectUnit(['a:', '    b:', '        c: 1', 'd:', '    - e', '    - f']), 4);
    assert.equal(detectUnit(['a: 1']), 2);
  });
});
