// `.dsomm/tools.yaml` (issue 14): the remote blocks and in-house commands a team declares. Checked
// like the catalogue (file and line in every message), read through the guarded read, merged over
// the bundled catalogue by the CLI exactly as by the editor, and described by the JSON schema the
// package contributes for it.
import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { EXIT, Io, main } from '../../src/cli/main';
import { NodeFileSystem } from '../../src/core/nodeFileSystem';
import { CatalogueError } from '../../src/core/scan/detect/catalogue';
import { matchUses } from '../../src/core/scan/detect/toolMatch';
import { parseTeamTools, readTeamTools, TEAM_TOOLS_FILE, teamToolsProblem, withTeamTools } from '../../src/core/scan/teamTools';
import { bundled, REPO_ROOT } from './scanHelpers';

const { data } = bundled();

function bad(text: string, re: RegExp): void {
  assert.throws(() => parseTeamTools(text, TEAM_TOOLS_FILE, data.catalogue), (e: unknown) => e instanceof CatalogueError && re.test(e.message), text);
}

describe('team tools: .dsomm/tools.yaml', () => {
  it('names the file and line of every mistake', () => {
    bad('schemaVersion: 2\nblocks: []\n', /^\.dsomm\/tools\.yaml:1: unsupported schemaVersion 2/);
    bad('schemaVersion: 1\n', /declares nothing/);
    bad('schemaVersion: 1\nblocks:\n  - runs: [sca]\n', /^\.dsomm\/tools\.yaml:3: a block has no "uses"/);
    bad('schemaVersion: 1\nblocks:\n  - uses: acme/ci/.github/workflows/x.yml\n', /:3: block "acme\/ci\/\.github\/workflows\/x\.yml" has no "runs"/);
    bad('schemaVersion: 1\nblocks:\n  - uses: acme/scan\n    runs: [sca, sacn]\n', /:4: block "acme\/scan" runs unknown probe "sacn"/);
    bad('schemaVersion: 1\ncommands:\n  - run: acme-audit\n    runs: []\n', /:4: runs of command "acme-audit" is empty/);
    bad('schemaVersion: 1\ncommands:\n  - run: acme-audit\n    runs: [sca]\n    scope: all\n', /:5: unknown key "scope" in a command/);
    bad('schemaVersion: 1\ntools: []\n', /:2: unknown key "tools" in the tools file/);
    bad('schemaVersion: 1\nblocks: [\n', /^\.dsomm\/tools\.yaml:\d+: not valid YAML/);
  });

  it('a declared block matches as every CI system writes it, without its version', () => {
    const { catalogue } = parseTeamTools('schemaVersion: 1\nblocks:\n  - { uses: "acme/security@2/scan", runs: [sca] }\n  - { uses: "acme/audit-pipe:1.0.0", runs: [sca] }\n  - { uses: acmeAudit, runs: [sca] }\n', TEAM_TOOLS_FILE, data.catalogue);
    const merged = withTeamTools(data, { state: 'loaded', catalogue, declared: 3 }).catalogue;
    assert.deepEqual(matchUses(merged, 'circleci', 'acme/security@2.1.0/scan', {}).map((m) => m.probe), ['sca']);
    assert.deepEqual(matchUses(merged, 'bitbucket-pipelines', 'acme/audit-pipe:1.4.2', {}).map((m) => m.probe), ['sca']);
    assert.deepEqual(matchUses(merged, 'jenkinsfile', 'acmeAudit', {}).map((m) => m.probe), ['sca']);
    assert.deepEqual(matchUses(data.catalogue, 'jenkinsfile', 'acmeAudit', {}), [], 'the bundled catalogue is left as it was');
  });

  it('reads through the guarded read: absent, refused and undecodable files are said, never thrown', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'dsomm-tools-'));
    try {
      const fs = new NodeFileSystem(dir);
      assert.deepEqual(await readTeamTools(fs, data.catalogue), { state: 'absent' });
      mkdirSync(path.join(dir, '.dsomm'));
      writeFileSync(path.join(dir, 'outside.yaml'), 'schemaVersion: 1\n');
      const outside = mkdtempSync(path.join(tmpdir(), 'dsomm-outside-'));
      writeFileSync(path.join(outside, 'tools.yaml'), 'schemaVersion: 1\ncommands: [{ run: x, runs: [sca] }]\n');
      symlinkSync(path.join(outside, 'tools.yaml'), path.join(dir, TEAM_TOOLS_FILE));
      const refused = await readTeamTools(fs, data.catalogue);
      assert.equal(refused.state, 'invalid');
      assert.match(teamToolsProblem(refused), /^\.dsomm\/tools\.yaml: not read: .*; the declared blocks and commands are not used until it is fixed$/);
      rmSync(path.join(dir, TEAM_TOOLS_FILE));
      rmSync(outside, { recursive: true, force: true });
      writeFileSync(path.join(dir, TEAM_TOOLS_FILE), Buffer.from([0x73, 0x00, 0x01, 0x02]));
      assert.equal((await readTeamTools(fs, data.catalogue)).state, 'invalid');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the CLI uses the file, and names a broken one on stderr while the scan goes on', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'dsomm-tools-cli-'));
    const run = async () => {
      const out: string[] = [];
      const err: string[] = [];
      const io: Io = { out: (t) => out.push(t), err: (t) => err.push(t) };
      const code = await main(['scan', dir, '--format', 'json'], io);
      return { code, json: JSON.parse(out.join('\n')) as { probes: { id: string; result: string; evidence: { path: string; line: number; tool?: string }[] }[] }, err: err.join('\n') };
    };
    try {
      mkdirSync(path.join(dir, '.github/workflows'), { recursive: true });
      mkdirSync(path.join(dir, '.dsomm'));
      writeFileSync(path.join(dir, '.github/workflows/ci.yml'), 'on: push\njobs:\n  checks:\n    uses: acme/pipelines/.github/workflows/org-checks.yml@v2\n');
      writeFileSync(path.join(dir, TEAM_TOOLS_FILE), 'schemaVersion: 1\nblocks:\n  - uses: acme/pipelines/.github/workflows/org-checks.yml\n    runs: [sca]\n');
      const used = await run();
      assert.equal(used.code, EXIT.ok);
      const sca = used.json.probes.find((p) => p.id === 'sca')!;
      assert.equal(sca.result, 'pass');
      assert.deepEqual(sca.evidence.map((e) => `${e.path}:${e.line} ${e.tool}`), ['.github/workflows/ci.yml:4 acme/pipelines/.github/workflows/org-checks.yml (declared in .dsomm/tools.yaml)']);
      writeFileSync(path.join(dir, TEAM_TOOLS_FILE), 'schemaVersion: 1\nblocks:\n  - uses: acme/pipelines/.github/workflows/org-checks.yml\n    runs: [sac]\n');
      const broken = await run();
      assert.equal(broken.code, EXIT.ok);
      assert.match(broken.err, /^dsomm: \.dsomm\/tools\.yaml:4: block .* runs unknown probe "sac"/m);
      assert.equal(broken.json.probes.find((p) => p.id === 'sca')!.result, 'fail');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the JSON schema the package contributes names exactly the probes the catalogue has', () => {
    const schema = JSON.parse(readFileSync(path.join(REPO_ROOT, 'schemas/tools.schema.json'), 'utf8')) as { definitions: { probe: { enum: string[] } } };
    assert.deepEqual([...schema.definitions.probe.enum].sort(), data.catalogue.probes.map((p) => p.id).sort());
    const pkg = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { contributes: { yamlValidation: { fileMatch: string[]; url: string }[] } };
    assert.ok(pkg.contributes.yamlValidation.some((v) => v.url === './schemas/tools.schema.json' && v.fileMatch.includes('.dsomm/tools.yaml')));
  });
});
