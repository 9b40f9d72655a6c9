// The hand-labelled regression sets (eval/repos.yaml, eval/repos-<set>.yaml and the held-out eval/holdout/) are data the eval script trusts: it must stay
// well-formed, cover every CI system, name only probes the engine has, and never use a reserved
// repository. The copies themselves are not in CI; `npm run eval:repos` scans them.
import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { REPO_ROOT, scanDir } from './scanHelpers';

interface Labels {
  probes: string[];
  repositories: { repo: string; commit: string; ci: string[]; set?: string; heldOut?: boolean; labels: Record<string, [string, string]> }[];
}
interface EvalModule {
  loadLabels(file?: string): Labels;
  loadAllLabels(dir?: string): Labels;
  reservedRepositories(file?: string): Set<string> | undefined;
  LABELS_FILE: string;
}

// A real ES-module import from CommonJS test output (tsc would turn `import()` into `require`).
// eslint-disable-next-line @typescript-eslint/no-implied-eval -- the Function body is this fixed text, not data
const importModule = new Function('specifier', 'return import(specifier)') as (s: string) => Promise<EvalModule>;

describe('eval/repos.yaml (the real-repository regression set)', () => {
  let evalRepos: EvalModule;
  before(async () => {
    evalRepos = await importModule(path.join(REPO_ROOT, 'scripts', 'eval-repos.mjs'));
  });

  it('labels at least 30 repositories, each for every probe, with a reason', () => {
    const labels = evalRepos.loadAllLabels();
    assert.equal(labels.probes.length, 20);
    assert.ok(labels.repositories.length >= 30, `${labels.repositories.length} repositories`);
  });

  it('covers all six CI systems', () => {
    const labels = evalRepos.loadAllLabels();
    const systems = new Set(labels.repositories.flatMap((r) => r.ci));
    for (const ci of ['github', 'gitlab', 'azure', 'jenkins', 'circleci', 'bitbucket']) assert.ok(systems.has(ci), `no repository with ${ci}`);
  });

  it('names only probes the engine reports', async () => {
    const empty = mkdtempSync(path.join(tmpdir(), 'dsomm-eval-'));
    try {
      const { result } = await scanDir(empty);
      const known = new Set(result.probes.map((p) => p.id));
      for (const probe of evalRepos.loadAllLabels().probes) assert.ok(known.has(probe), `unknown probe ${probe}`);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });

  it('uses no repository reserved for independent evaluation', function () {
    const reserved = evalRepos.reservedRepositories();
    if (!reserved) this.skip(); // ../shared is beside the checkout on the team's machines, not in CI
    const used = evalRepos.loadAllLabels().repositories.map((r) => r.repo.toLowerCase()).filter((r) => reserved.has(r));
    assert.deepEqual(used, []);
  });

  it('rejects a labels file with a missing reason, an unknown verdict or a short commit', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'dsomm-eval-'));
    try {
      const file = path.join(dir, 'repos.yaml');
      writeFileSync(
        file,
        [
          'probes: [sast, sca]',
          'repositories:',
          '  - repo: acme/app',
          '    commit: abc123',
          '    labels:',
          '      sast: [pass, ""]',
          '      sca: [maybe, "a reason here"]',
        ].join('\n'),
      );
      assert.throws(() => evalRepos.loadLabels(file), (e: Error) => /commit must be a full 40-hex/.test(e.message) && /sast: the reason is missing/.test(e.message) && /unknown verdict 'maybe'/.test(e.message));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reads every labels set, tags each repository with its set and refuses one repository in two sets', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'dsomm-eval-'));
    const entry = (repo: string) => ['  - repo: ' + repo, '    commit: ' + 'a'.repeat(40), '    labels:', '      sast: [pass, "semgrep job"]', '      sca: [fail, "no scanner"]'];
    try {
      writeFileSync(path.join(dir, 'repos.yaml'), ['probes: [sast, sca]', 'repositories:', ...entry('acme/one')].join('\n'));
      writeFileSync(path.join(dir, 'repos-later.yaml'), ['probes: [sast, sca]', 'repositories:', ...entry('acme/two')].join('\n'));
      writeFileSync(path.join(dir, 'notes.yaml'), 'not: a labels file');
      const all = evalRepos.loadAllLabels(dir);
      assert.deepEqual(all.repositories.map((r) => `${r.set}:${r.repo}`), ['repos:acme/one', 'later:acme/two']);
      writeFileSync(path.join(dir, 'repos-again.yaml'), ['probes: [sast, sca]', 'repositories:', ...entry('acme/one')].join('\n'));
      assert.throws(() => evalRepos.loadAllLabels(dir), /acme\/one is in both/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reads the held-out sets from eval/holdout/, marked held out, and refuses a repository both there and in a working set', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'dsomm-eval-'));
    const entry = (repo: string) => ['  - repo: ' + repo, '    commit: ' + 'b'.repeat(40), '    labels:', '      sast: [fail, "no scanner at all"]'];
    try {
      writeFileSync(path.join(dir, 'repos.yaml'), ['probes: [sast]', 'repositories:', ...entry('acme/one')].join('\n'));
      mkdirSync(path.join(dir, 'holdout'));
      writeFileSync(path.join(dir, 'holdout', 'repos-a.yaml'), ['probes: [sast]', 'repositories:', ...entry('acme/kept')].join('\n'));
      const all = evalRepos.loadAllLabels(dir);
      assert.deepEqual(all.repositories.map((r) => `${r.set}:${r.repo}:${String(r.heldOut)}`), ['repos:acme/one:false', 'holdout-a:acme/kept:true']);
      writeFileSync(path.join(dir, 'holdout', 'repos-b.yaml'), ['probes: [sast]', 'repositories:', ...entry('acme/one')].join('\n'));
      assert.throws(() => evalRepos.loadAllLabels(dir), /acme\/one is in both repos.yaml and holdout/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
