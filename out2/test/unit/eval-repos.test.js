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
// The hand-labelled regression sets (eval/repos.yaml, eval/repos-<set>.yaml and the held-out eval/holdout/) are data the eval script trusts: it must stay
// well-formed, cover every CI system, name only probes the engine has, and never use a reserved
// repository. The copies themselves are not in CI; `npm run eval:repos` scans them.
const assert = __importStar(require("node:assert/strict"));
const node_fs_1 = require("node:fs");
const node_os_1 = require("node:os");
const path = __importStar(require("node:path"));
const scanHelpers_1 = require("./scanHelpers");
// A real ES-module import from CommonJS test output (tsc would turn `import()` into `require`).
// eslint-disable-next-line @typescript-eslint/no-implied-eval -- the Function body is this fixed text, not data
const importModule = new Function('specifier', 'return import(specifier)');
describe('eval/repos.yaml (the real-repository regression set)', () => {
    let evalRepos;
    before(async () => {
        evalRepos = await importModule(path.join(scanHelpers_1.REPO_ROOT, 'scripts', 'eval-repos.mjs'));
    });
    it('labels at least 30 repositories, each for every probe, with a reason', () => {
        const labels = evalRepos.loadAllLabels();
        assert.equal(labels.probes.length, 20);
        assert.ok(labels.repositories.length >= 30, `${labels.repositories.length} repositories`);
    });
    it('covers all six CI systems', () => {
        const labels = evalRepos.loadAllLabels();
        const systems = new Set(labels.repositories.flatMap((r) => r.ci));
        for (const ci of ['github', 'gitlab', 'azure', 'jenkins', 'circleci', 'bitbucket'])
            assert.ok(systems.has(ci), `no repository with ${ci}`);
    });
    it('names only probes the engine reports', async () => {
        const empty = (0, node_fs_1.mkdtempSync)(path.join((0, node_os_1.tmpdir)(), 'dsomm-eval-'));
        try {
            const { result } = await (0, scanHelpers_1.scanDir)(empty);
            const known = new Set(result.probes.map((p) => p.id));
            for (const probe of evalRepos.loadAllLabels().probes)
                assert.ok(known.has(probe), `unknown probe ${probe}`);
        }
        finally {
            (0, node_fs_1.rmSync)(empty, { recursive: true, force: true });
        }
    });
    it('uses no repository reserved for independent evaluation', function () {
        const reserved = evalRepos.reservedRepositories();
        if (!reserved)
            this.skip(); // ../shared is beside the checkout on the team's machines, not in CI
        const used = evalRepos.loadAllLabels().repositories.map((r) => r.repo.toLowerCase()).filter((r) => reserved.has(r));
        assert.deepEqual(used, []);
    });
    it('rejects a labels file with a missing reason, an unknown verdict or a short commit', () => {
        const dir = (0, node_fs_1.mkdtempSync)(path.join((0, node_os_1.tmpdir)(), 'dsomm-eval-'));
        try {
            const file = path.join(dir, 'repos.yaml');
            (0, node_fs_1.writeFileSync)(file, [
                'probes: [sast, sca]',
                'repositories:',
                '  - repo: acme/app',
                '    commit: abc123',
                '    labels:',
                '      sast: [pass, ""]',
                '      sca: [maybe, "a reason here"]',
            ].join('\n'));
            assert.throws(() => evalRepos.loadLabels(file), (e) => /commit must be a full 40-hex/.test(e.message) && /sast: the reason is missing/.test(e.message) && /unknown verdict 'maybe'/.test(e.message));
        }
        finally {
            (0, node_fs_1.rmSync)(dir, { recursive: true, force: true });
        }
    });
    it('reads every labels set, tags each repository with its set and refuses one repository in two sets', () => {
        const dir = (0, node_fs_1.mkdtempSync)(path.join((0, node_os_1.tmpdir)(), 'dsomm-eval-'));
        const entry = (repo) => ['  - repo: ' + repo, '    commit: ' + 'a'.repeat(40), '    labels:', '      sast: [pass, "semgrep job"]', '      sca: [fail, "no scanner"]'];
        try {
            (0, node_fs_1.writeFileSync)(path.join(dir, 'repos.yaml'), ['probes: [sast, sca]', 'repositories:', ...entry('acme/one')].join('\n'));
            (0, node_fs_1.writeFileSync)(path.join(dir, 'repos-later.yaml'), ['probes: [sast, sca]', 'repositories:', ...entry('acme/two')].join('\n'));
            (0, node_fs_1.writeFileSync)(path.join(dir, 'notes.yaml'), 'not: a labels file');
            const all = evalRepos.loadAllLabels(dir);
            assert.deepEqual(all.repositories.map((r) => `${r.set}:${r.repo}`), ['repos:acme/one', 'later:acme/two']);
            (0, node_fs_1.writeFileSync)(path.join(dir, 'repos-again.yaml'), ['probes: [sast, sca]', 'repositories:', ...entry('acme/one')].join('\n'));
            assert.throws(() => evalRepos.loadAllLabels(dir), /acme\/one is in both/);
        }
        finally {
            (0, node_fs_1.rmSync)(dir, { recursive: true, force: true });
        }
    });
    it('reads the held-out sets from eval/holdout/, marked held out, and refuses a repository both there and in a working set', () => {
        const dir = (0, node_fs_1.mkdtempSync)(path.join((0, node_os_1.tmpdir)(), 'dsomm-eval-'));
        const entry = (repo) => ['  - repo: ' + repo, '    commit: ' + 'b'.repeat(40), '    labels:', '      sast: [fail, "no scanner at all"]'];
        try {
            (0, node_fs_1.writeFileSync)(path.join(dir, 'repos.yaml'), ['probes: [sast]', 'repositories:', ...entry('acme/one')].join('\n'));
            (0, node_fs_1.mkdirSync)(path.join(dir, 'holdout'));
            (0, node_fs_1.writeFileSync)(path.join(dir, 'holdout', 'repos-a.yaml'), ['probes: [sast]', 'repositories:', ...entry('acme/kept')].join('\n'));
            const all = evalRepos.loadAllLabels(dir);
            assert.deepEqual(all.repositories.map((r) => `${r.set}:${r.repo}:${String(r.heldOut)}`), ['repos:acme/one:false', 'holdout-a:acme/kept:true']);
            (0, node_fs_1.writeFileSync)(path.join(dir, 'holdout', 'repos-b.yaml'), ['probes: [sast]', 'repositories:', ...entry('acme/one')].join('\n'));
            assert.throws(() => evalRepos.loadAllLabels(dir), /acme\/one is in both repos.yaml and holdout/);
        }
        finally {
            (0, node_fs_1.rmSync)(dir, { recursive: true, force: true });
        }
    });
});
//# sourceMappingURL=eval-repos.test.js.map