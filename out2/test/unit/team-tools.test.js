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
// `.dsomm/tools.yaml` (issue 14): the remote blocks and in-house commands a team declares. Checked
// like the catalogue (file and line in every message), read through the guarded read, merged over
// the bundled catalogue by the CLI exactly as by the editor, and described by the JSON schema the
// package contributes for it.
const assert = __importStar(require("node:assert/strict"));
const node_fs_1 = require("node:fs");
const node_os_1 = require("node:os");
const path = __importStar(require("node:path"));
const main_1 = require("../../src/cli/main");
const nodeFileSystem_1 = require("../../src/core/nodeFileSystem");
const catalogue_1 = require("../../src/core/scan/detect/catalogue");
const toolMatch_1 = require("../../src/core/scan/detect/toolMatch");
const teamTools_1 = require("../../src/core/scan/teamTools");
const scanHelpers_1 = require("./scanHelpers");
const { data } = (0, scanHelpers_1.bundled)();
function bad(text, re) {
    assert.throws(() => (0, teamTools_1.parseTeamTools)(text, teamTools_1.TEAM_TOOLS_FILE, data.catalogue), (e) => e instanceof catalogue_1.CatalogueError && re.test(e.message), text);
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
        const { catalogue } = (0, teamTools_1.parseTeamTools)('schemaVersion: 1\nblocks:\n  - { uses: "acme/security@2/scan", runs: [sca] }\n  - { uses: "acme/audit-pipe:1.0.0", runs: [sca] }\n  - { uses: acmeAudit, runs: [sca] }\n', teamTools_1.TEAM_TOOLS_FILE, data.catalogue);
        const merged = (0, teamTools_1.withTeamTools)(data, { state: 'loaded', catalogue, declared: 3 }).catalogue;
        assert.deepEqual((0, toolMatch_1.matchUses)(merged, 'circleci', 'acme/security@2.1.0/scan', {}).map((m) => m.probe), ['sca']);
        assert.deepEqual((0, toolMatch_1.matchUses)(merged, 'bitbucket-pipelines', 'acme/audit-pipe:1.4.2', {}).map((m) => m.probe), ['sca']);
        assert.deepEqual((0, toolMatch_1.matchUses)(merged, 'jenkinsfile', 'acmeAudit', {}).map((m) => m.probe), ['sca']);
        assert.deepEqual((0, toolMatch_1.matchUses)(data.catalogue, 'jenkinsfile', 'acmeAudit', {}), [], 'the bundled catalogue is left as it was');
    });
    it('reads through the guarded read: absent, refused and undecodable files are said, never thrown', async () => {
        const dir = (0, node_fs_1.mkdtempSync)(path.join((0, node_os_1.tmpdir)(), 'dsomm-tools-'));
        try {
            const fs = new nodeFileSystem_1.NodeFileSystem(dir);
            assert.deepEqual(await (0, teamTools_1.readTeamTools)(fs, data.catalogue), { state: 'absent' });
            (0, node_fs_1.mkdirSync)(path.join(dir, '.dsomm'));
            (0, node_fs_1.writeFileSync)(path.join(dir, 'outside.yaml'), 'schemaVersion: 1\n');
            const outside = (0, node_fs_1.mkdtempSync)(path.join((0, node_os_1.tmpdir)(), 'dsomm-outside-'));
            (0, node_fs_1.writeFileSync)(path.join(outside, 'tools.yaml'), 'schemaVersion: 1\ncommands: [{ run: x, runs: [sca] }]\n');
            (0, node_fs_1.symlinkSync)(path.join(outside, 'tools.yaml'), path.join(dir, teamTools_1.TEAM_TOOLS_FILE));
            const refused = await (0, teamTools_1.readTeamTools)(fs, data.catalogue);
            assert.equal(refused.state, 'invalid');
            assert.match((0, teamTools_1.teamToolsProblem)(refused), /^\.dsomm\/tools\.yaml: not read: .*; the declared blocks and commands are not used until it is fixed$/);
            (0, node_fs_1.rmSync)(path.join(dir, teamTools_1.TEAM_TOOLS_FILE));
            (0, node_fs_1.rmSync)(outside, { recursive: true, force: true });
            (0, node_fs_1.writeFileSync)(path.join(dir, teamTools_1.TEAM_TOOLS_FILE), Buffer.from([0x73, 0x00, 0x01, 0x02]));
            assert.equal((await (0, teamTools_1.readTeamTools)(fs, data.catalogue)).state, 'invalid');
        }
        finally {
            (0, node_fs_1.rmSync)(dir, { recursive: true, force: true });
        }
    });
    it('the CLI uses the file, and names a broken one on stderr while the scan goes on', async () => {
        const dir = (0, node_fs_1.mkdtempSync)(path.join((0, node_os_1.tmpdir)(), 'dsomm-tools-cli-'));
        const run = async () => {
            const out = [];
            const err = [];
            const io = { out: (t) => out.push(t), err: (t) => err.push(t) };
            const code = await (0, main_1.main)(['scan', dir, '--format', 'json'], io);
            return { code, json: JSON.parse(out.join('\n')), err: err.join('\n') };
        };
        try {
            (0, node_fs_1.mkdirSync)(path.join(dir, '.github/workflows'), { recursive: true });
            (0, node_fs_1.mkdirSync)(path.join(dir, '.dsomm'));
            (0, node_fs_1.writeFileSync)(path.join(dir, '.github/workflows/ci.yml'), 'on: push\njobs:\n  checks:\n    uses: acme/pipelines/.github/workflows/org-checks.yml@v2\n');
            (0, node_fs_1.writeFileSync)(path.join(dir, teamTools_1.TEAM_TOOLS_FILE), 'schemaVersion: 1\nblocks:\n  - uses: acme/pipelines/.github/workflows/org-checks.yml\n    runs: [sca]\n');
            const used = await run();
            assert.equal(used.code, main_1.EXIT.ok);
            const sca = used.json.probes.find((p) => p.id === 'sca');
            assert.equal(sca.result, 'pass');
            assert.deepEqual(sca.evidence.map((e) => `${e.path}:${e.line} ${e.tool}`), ['.github/workflows/ci.yml:4 acme/pipelines/.github/workflows/org-checks.yml (declared in .dsomm/tools.yaml)']);
            (0, node_fs_1.writeFileSync)(path.join(dir, teamTools_1.TEAM_TOOLS_FILE), 'schemaVersion: 1\nblocks:\n  - uses: acme/pipelines/.github/workflows/org-checks.yml\n    runs: [sac]\n');
            const broken = await run();
            assert.equal(broken.code, main_1.EXIT.ok);
            assert.match(broken.err, /^dsomm: \.dsomm\/tools\.yaml:4: block .* runs unknown probe "sac"/m);
            assert.equal(broken.json.probes.find((p) => p.id === 'sca').result, 'fail');
        }
        finally {
            (0, node_fs_1.rmSync)(dir, { recursive: true, force: true });
        }
    });
    it('the JSON schema the package contributes names exactly the probes the catalogue has', () => {
        const schema = JSON.parse((0, node_fs_1.readFileSync)(path.join(scanHelpers_1.REPO_ROOT, 'schemas/tools.schema.json'), 'utf8'));
        assert.deepEqual([...schema.definitions.probe.enum].sort(), data.catalogue.probes.map((p) => p.id).sort());
        const pkg = JSON.parse((0, node_fs_1.readFileSync)(path.join(scanHelpers_1.REPO_ROOT, 'package.json'), 'utf8'));
        assert.ok(pkg.contributes.yamlValidation.some((v) => v.url === './schemas/tools.schema.json' && v.fileMatch.includes('.dsomm/tools.yaml')));
    });
});
//# sourceMappingURL=team-tools.test.js.map