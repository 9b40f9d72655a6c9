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
// The lightbulb menu (lightbulbMenu) and fixes that never hurt (fixHarm, through fixesFor): fixes
// first and once, at most MAX_LIGHTBULB_ENTRIES entries on any line, the secondary actions behind
// one entry; hardening edits withheld where the file shows they would break the job.
const assert = __importStar(require("node:assert/strict"));
const fs = __importStar(require("node:fs"));
const path = __importStar(require("node:path"));
const guidanceHarness_1 = require("./guidanceHarness");
const diagnostics_1 = require("../../src/core/guidance/diagnostics");
const computeFix_1 = require("../../src/core/guidance/computeFix");
const fixCatalogue_1 = require("../../src/core/guidance/fixCatalogue");
const text_1 = require("../../src/core/guidance/text");
const fixes_1 = require("../../src/core/guidance/fixes");
const lightbulb_1 = require("../../src/core/guidance/lightbulb");
async function diagnose(dir, targetLevel) {
    const { index, result } = await (0, guidanceHarness_1.scanDir)(dir);
    const textOf = (p) => fs.readFileSync(path.join(dir, p), 'utf8');
    return { index, result, byFile: (0, diagnostics_1.diagnosticsFor)(result, index.all(), { targetLevel, fixes: (0, guidanceHarness_1.bundled)().fixes, textOf }) };
}
/** Each line's menu, as the editor builds it for the diagnostics of that line. */
function menus(s) {
    const out = [];
    for (const [p, list] of s.byFile) {
        const lines = new Map();
        for (const d of list)
            (lines.get(d.loc.line) ?? lines.set(d.loc.line, []).get(d.loc.line)).push(d);
        for (const [line, ds] of lines) {
            const offers = ds.map((d) => ({ diagnostic: d, fixes: (0, fixes_1.fixesFor)((0, guidanceHarness_1.bundled)().fixes, s.result, s.index.get(p), d, s.index.all()) }));
            out.push({ where: `${p}:${line}`, menu: (0, lightbulb_1.lightbulbMenu)(offers), offers });
        }
    }
    return out;
}
const size = (m) => m.fixes.length + (m.more.length ? 1 : 0);
describe('guidance: the lightbulb menu', function () {
    this.timeout(60_000);
    after(guidanceHarness_1.cleanTempWorkspaces);
    for (const level of [1, 2, 5]) {
        it(`on the demo at target level ${level}: fixes first and once, at most ${lightbulb_1.MAX_LIGHTBULB_ENTRIES} entries, nothing lost`, async () => {
            const all = menus(await diagnose(guidanceHarness_1.DEMO, level));
            assert.ok(all.length > 10);
            for (const { where, menu, offers } of all) {
                assert.ok(size(menu) <= lightbulb_1.MAX_LIGHTBULB_ENTRIES, `${where}: ${size(menu)} entries`);
                const keys = menu.fixes.map((f) => `${f.option.templateId}:${f.option.path}:${f.option.places?.length ?? 0}`);
                assert.equal(new Set(keys).size, keys.length, `${where}: a fix twice`);
                assert.ok(menu.fixes.filter((f) => f.option.preferred).length <= 1, where);
                if (menu.fixes.some((f) => f.option.preferred))
                    assert.ok(menu.fixes[0].option.preferred, `${where}: the preferred fix leads`);
                // Every fix offered is either in the lightbulb or behind "more actions"; secondary actions only there.
                const offered = new Set(offers.flatMap((o) => o.fixes.map((f) => `${f.templateId}:${f.path}:${f.places?.length ?? 0}`)));
                const reachable = new Set([...keys, ...menu.more.filter((i) => i.kind === 'fix').map((i) => (i.kind === 'fix' ? `${i.option.templateId}:${i.option.path}:${i.option.places?.length ?? 0}` : ''))]);
                assert.deepEqual([...reachable].sort(), [...offered].sort(), where);
                // Each diagnostic can be ignored, and each activity it names marked N/A and opened.
                for (const { diagnostic: d } of offers) {
                    assert.ok(menu.more.some((i) => i.kind === 'ignore' && i.diagnostic === d), `${where}: ignore ${d.code.value}`);
                    for (const uuid of d.data.activities?.map((m) => m.uuid) ?? (d.data.activity ? [d.data.activity] : [])) {
                        assert.ok(menu.more.some((i) => i.kind === 'not-applicable' && i.uuid === uuid), `${where}: N/A ${uuid}`);
                        assert.ok(menu.more.some((i) => i.kind === 'details' && i.uuid === uuid), `${where}: details ${uuid}`);
                    }
                }
            }
            for (const { where, menu } of all) {
                const first = menu.more.findIndex((i) => i.kind === 'ignore');
                assert.ok(first >= 0 && menu.more.slice(first).every((i) => i.kind === 'ignore'), `${where}: the ignore comments come last`);
            }
            const anchor = all.find((m) => m.where === '.github/workflows/ci.yml:16');
            assert.equal(anchor.offers.length, 1, 'one summary diagnostic on `jobs:`');
            // Level 1 misses one pipeline activity the files cannot fix (false-positive treatment).
            if (level > 1)
                assert.ok(anchor.menu.fixes.length >= 1, 'the pipeline anchor leads with a fix');
        });
    }
    it('overflows into "more actions" and keeps the best fix of each diagnostic in the lightbulb', async () => {
        // A workspace that misses nearly everything: many fixes for one line.
        const dir = (0, guidanceHarness_1.tempWorkspace)({
            '.github/workflows/ci.yml': 'on: push\npermissions:\n  contents: read\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - run: make\n',
            'package.json': '{ "name": "web" }\n',
            'package-lock.json': '{ "lockfileVersion": 3 }\n',
            'requirements.txt': 'requests\n',
            Dockerfile: 'FROM node:20.11-bookworm-slim\nUSER node\nHEALTHCHECK CMD true\nCMD ["node", "a.js"]\n',
        });
        const all = menus(await diagnose(dir, 3));
        const busiest = all.sort((a, b) => b.offers.flatMap((o) => o.fixes).length - a.offers.flatMap((o) => o.fixes).length)[0];
        const offered = busiest.offers.flatMap((o) => o.fixes).length;
        assert.ok(offered > lightbulb_1.MAX_LIGHTBULB_ENTRIES, `${busiest.where}: ${offered} fixes offered`);
        assert.equal(size(busiest.menu), lightbulb_1.MAX_LIGHTBULB_ENTRIES);
        assert.equal(busiest.menu.fixes.length, lightbulb_1.MAX_LIGHTBULB_ENTRIES - 1);
        assert.equal(busiest.menu.more[0].kind, 'fix', 'the fixes that did not fit lead the pick list');
        assert.equal(busiest.menu.more[0].group, 'More fixes');
    });
    it('lists a fix offered by two diagnostics of one line once, for the first diagnostic that offers it', () => {
        const loc = { path: 'a.yml', line: 3, column: 1, endLine: 3, endColumn: 5 };
        const d = (code, severity) => ({
            path: 'a.yml', loc, range: { start: { line: 2, character: 0 }, end: { line: 2, character: 4 } }, message: code, severity, code: { value: code }, source: 'DSOMM',
            data: { kind: 'finding', probes: ['p'], findingCode: code },
        });
        const fix = (id, preferred = false) => ({ templateId: id, title: id, path: 'a.yml', dialect: 'github-workflow', kind: 'edit', preferred });
        const info = d('unpinned-first-party-action', 'information');
        const warning = d('unpinned-action', 'warning');
        const menu = (0, lightbulb_1.lightbulbMenu)([
            { diagnostic: info, fixes: [fix('shared', true), fix('other')] },
            { diagnostic: warning, fixes: [fix('warn-fix', true), fix('shared')] },
        ]);
        assert.deepEqual(menu.fixes.map((f) => [f.option.templateId, f.option.preferred, f.diagnostic.code.value]), [
            ['warn-fix', true, 'unpinned-action'],
            ['shared', false, 'unpinned-first-party-action'],
            ['other', false, 'unpinned-first-party-action'],
        ]);
        assert.deepEqual(menu.more.map((i) => i.label), ['Ignore "unpinned-action" here', 'Ignore "unpinned-first-party-action" here']);
        assert.ok(menu.more.every((i) => i.group === 'Silence on this line (dsomm-ignore comment)'));
        // No fix at all: the lightbulb holds only "more actions", never an "Ignore" first.
        const bare = (0, lightbulb_1.lightbulbMenu)([{ diagnostic: info, fixes: [] }]);
        assert.deepEqual(bare.fixes, []);
        assert.equal(bare.more[0].kind, 'ignore');
    });
});
describe('guidance: fixes that never hurt', function () {
    this.timeout(60_000);
    after(guidanceHarness_1.cleanTempWorkspaces);
    const wf = (jobs, top = '') => `name: CI\non: push\n${top}jobs:\n${jobs}`;
    const offered = async (files, rel, code) => {
        const dir = (0, guidanceHarness_1.tempWorkspace)(files);
        const { index, result, byFile } = await diagnose(dir, 1);
        const d = (byFile.get(rel) ?? []).find((x) => x.code.value === code);
        assert.ok(d, `${code} on ${rel}: ${JSON.stringify((byFile.get(rel) ?? []).map((x) => x.code.value))}`);
        return { d, options: (0, fixes_1.fixesFor)((0, guidanceHarness_1.bundled)().fixes, result, index.get(rel), d, index.all()) };
    };
    const REL = '.github/workflows/ci.yml';
    const pushJob = (uses) => `  release:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: npm version patch\n      ${uses}\n`;
    for (const [what, step] of [
        ['runs git push', '- run: git push --follow-tags origin HEAD'],
        ['runs git with options before push', '- run: |\n          git tag v1\n          git -C . push origin v1'],
        ['uses stefanzweifel/git-auto-commit-action', '- uses: stefanzweifel/git-auto-commit-action@v5'],
        ['uses peter-evans/create-pull-request', '- uses: peter-evans/create-pull-request@v7'],
        ['runs npx semantic-release', '- run: npx semantic-release'],
    ]) {
        it(`persist-credentials: false is not offered where a later step ${what}`, async () => {
            const { options } = await offered({ [REL]: wf(pushJob(step), 'permissions:\n  contents: write\n') }, REL, 'checkout-persists-credentials');
            assert.deepEqual(options, []);
        });
    }
    it('a withheld fix says why in the diagnostic, and only where it is withheld', async () => {
        const jobs = '  build:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: make\n' + pushJob('- run: git push');
        const dir = (0, guidanceHarness_1.tempWorkspace)({ [REL]: wf(jobs, 'permissions:\n  contents: write\n') });
        const { byFile } = await diagnose(dir, 1);
        const checkouts = (byFile.get(REL) ?? []).filter((x) => x.code.value === 'checkout-persists-credentials');
        assert.equal(checkouts.length, 1, 'one grouped diagnostic');
        const d = checkouts[0];
        // The group's diagnostic sits on the first checkout (build), where the fix is offered.
        assert.equal(d.loc.line, 9);
        assert.doesNotMatch(d.message, /not offered/);
        const release = (0, guidanceHarness_1.tempWorkspace)({ [REL]: wf(pushJob('- run: git push'), 'permissions:\n  contents: write\n') });
        const only = ((await diagnose(release, 1)).byFile.get(REL) ?? []).find((x) => x.code.value === 'checkout-persists-credentials');
        assert.match(only.message, /"Do not keep the token in the checkout \(persist-credentials: false\)" is not offered here: .*job "release".*runs `git push`/);
        assert.deepEqual(only.data.fixes, []);
    });
    it('persist-credentials: false is offered where the push comes before the checkout, or in another job; "all places" skips the pushing job', async () => {
        const jobs = '  build:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: make\n' +
            pushJob('- run: git push') +
            '  lint:\n    runs-on: ubuntu-latest\n    steps:\n      - run: git push || true\n      - uses: actions/checkout@v4\n      - run: make lint\n';
        const { d, options } = await offered({ [REL]: wf(jobs, 'permissions:\n  contents: write\n') }, REL, 'checkout-persists-credentials');
        assert.deepEqual(d.data.places.map((l) => l.line), [9, 14, 21]);
        const all = options.find((o) => o.places);
        assert.deepEqual(all.places.map((l) => l.line), [9, 21], 'the release job keeps its credentials');
        assert.equal(all.title, 'Do not keep the token in the checkout (persist-credentials: false): all 2 places');
        assert.ok(options.some((o) => !o.places), 'and for this place (build)');
    });
    it('permissions: contents: read is not offered where a job that inherits them writes with the token', async () => {
        const build = '  build:\n    runs-on: ubuntu-latest\n    steps:\n      - run: make\n';
        const cases = [
            ['a read-only workflow', build, true],
            ['a release action', build + '  release:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: softprops/action-gh-release@v2\n', false],
            ['a release action in a job with its own permissions', build + '  release:\n    runs-on: ubuntu-latest\n    permissions:\n      contents: write\n    steps:\n      - uses: softprops/action-gh-release@v2\n', true],
            ['gh release create', build + '  release:\n    runs-on: ubuntu-latest\n    steps:\n      - run: gh release create v1\n', false],
            ['a registry login with the workflow token', build + '  image:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: docker/login-action@v3\n        with:\n          registry: ghcr.io\n          password: ${{ secrets.GITHUB_TOKEN }}\n', false],
            ['a registry login with another secret', build + '  image:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: docker/login-action@v3\n        with:\n          password: ${{ secrets.DOCKERHUB_TOKEN }}\n', true],
            ['a remote reusable workflow', build + '  call:\n    uses: acme/workflows/.github/workflows/release.yml@v1\n', false],
        ];
        for (const [what, jobs, expected] of cases) {
            const { options } = await offered({ [REL]: wf(jobs) }, REL, 'missing-permissions');
            assert.equal(options.some((o) => o.templateId === 'gha.workflow-permissions'), expected, what);
        }
        // A local reusable workflow is read: restricted itself, it is fine; writing, it is not.
        const caller = wf(build + '  call:\n    uses: ./.github/workflows/called.yml\n');
        const called = (body) => `on: workflow_call\n${body}jobs:\n  go:\n    runs-on: ubuntu-latest\n    steps:\n      - run: make\n`;
        for (const [body, expected] of [['permissions:\n  contents: read\n', true], ['permissions:\n  contents: write\n', false], ['', true]]) {
            const { options } = await offered({ [REL]: caller, '.github/workflows/called.yml': called(body) }, REL, 'missing-permissions');
            assert.equal(options.some((o) => o.templateId === 'gha.workflow-permissions'), expected, `called workflow with ${JSON.stringify(body)}`);
        }
    });
    it('a non-root USER is not offered on server images that start as root', async () => {
        for (const [from, expected] of [['nginx:1.27', false], ['docker.io/library/httpd:2.4', false], ['node:20.11-bookworm-slim', true], ['nginxinc/nginx-unprivileged:1.27', true]]) {
            const { options } = await offered({ Dockerfile: `FROM ${from}\nCOPY . /srv\nCMD ["run"]\n` }, 'Dockerfile', 'root-user');
            assert.equal(options.some((o) => o.templateId === 'dockerfile.non-root-user'), expected, from);
        }
    });
});
describe('guidance: `unless` in fixes.yaml', () => {
    const template = (unless) => `schemaVersion: 1\ntemplates:\n  - id: a\n    title: A\n    resolves: [root-user]\n    name: a\n    label: A\n${unless}    dialects:\n      dockerfile:\n        edit: final-stage-user\n`;
    it('is read lower-cased, and a bad entry names its line', () => {
        const ok = (0, fixCatalogue_1.loadFixes)(template('    unless:\n      images: [Nginx]\n      uses: [Acme/Push (token)]\n'), 'fixes.yaml');
        assert.deepEqual(ok.templates[0].unless, { images: ['nginx'], uses: ['acme/push (token)'] });
        assert.throws(() => (0, fixCatalogue_1.loadFixes)(template('    unless:\n      branches: [main]\n'), 'fixes.yaml'), /fixes\.yaml:9: unknown condition `branches` in unless/);
        assert.throws(() => (0, fixCatalogue_1.loadFixes)(template('    unless:\n      runs: git push\n'), 'fixes.yaml'), /fixes\.yaml:9: `unless\.runs` must be a list/);
    });
});
describe('guidance: a fix does not create the finding it cures', function () {
    this.timeout(60_000);
    after(guidanceHarness_1.cleanTempWorkspaces);
    const CI = '.github/workflows/ci.yml';
    const ci = 'name: CI\non: push\npermissions:\n  contents: read\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - run: make\n';
    const SHA = '11bd71901bbe5b1630ceea73d27597364c9af683';
    const apply = async (files, templateId) => {
        const dir = (0, guidanceHarness_1.tempWorkspace)(files);
        const { index } = await (0, guidanceHarness_1.scanDir)(dir);
        const res = (0, computeFix_1.computeFix)((0, guidanceHarness_1.bundled)().fixes, templateId, index.get(CI), files[CI], { files: index.all() });
        assert.equal(res.kind, 'edits', JSON.stringify(res));
        if (res.kind !== 'edits')
            throw new Error('no edits');
        const after = (0, text_1.applyEdits)(files[CI], res.edits);
        fs.writeFileSync(path.join(dir, CI), after);
        return { after, rescanned: await (0, guidanceHarness_1.scanDir)(dir) };
    };
    const unpinnedIn = (r) => r.result.findings.filter((f) => f.loc.path === CI && /unpinned/.test(f.code)).map((f) => f.code);
    it('reuses the SHA an action is already pinned to elsewhere in the workspace', async () => {
        const release = `name: Release\non: push\npermissions:\n  contents: read\njobs:\n  publish:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@${SHA} # v4.2.2\n        with:\n          persist-credentials: false\n`;
        const { after, rescanned } = await apply({ [CI]: ci, '.github/workflows/release.yml': release }, 'secret-scan.gitleaks');
        assert.match(after, new RegExp(`- uses: actions/checkout@${SHA} # v4: the pin \\.github/workflows/release\\.yml uses\\n`));
        assert.deepEqual(unpinnedIn(rescanned), [], 'the inserted job adds no unpinned-action finding');
    });
    it('keeps the honest "pin:" comment, and its finding, where no pin is known offline', async () => {
        const { after, rescanned } = await apply({ [CI]: ci }, 'secret-scan.gitleaks');
        assert.match(after, /- uses: actions\/checkout@v4 # pin: replace the tag with the release's commit SHA\n/);
        assert.deepEqual(unpinnedIn(rescanned), ['unpinned-first-party-action']);
    });
    it('scans the image the pipeline builds: its Dockerfile and context, not the first Dockerfile found', async () => {
        const base = { 'web/Containerfile': 'FROM nginx:1.27\n', 'services/api/Dockerfile': 'FROM node:20\nUSER node\n', 'docker/prod.Dockerfile': 'FROM node:20\nUSER node\n' };
        const cases = [
            ['      - uses: docker/build-push-action@v6\n        with:\n          context: services/api\n          push: false\n', '-f services/api/Dockerfile services/api'],
            ['      - run: docker build -t acme/api:${{ github.sha }} -f docker/prod.Dockerfile .\n', '-f docker/prod.Dockerfile .'],
            ['      - run: docker buildx build --platform linux/amd64 --tag acme/api ./services/api\n', '-f services/api/Dockerfile services/api'],
            ['      - run: make\n', '-f docker/prod.Dockerfile docker'], // no build in the pipelines: the most relevant Dockerfile, as before
        ];
        for (const [step, expected] of cases) {
            const build = `name: Build\non: push\npermissions:\n  contents: read\njobs:\n  image:\n    runs-on: ubuntu-latest\n    steps:\n${step}`;
            const { after } = await apply({ [CI]: ci, '.github/workflows/build.yml': build, ...base }, 'image-scan.trivy');
            assert.ok(after.includes(`docker build -t dsomm-scan:ci ${expected}\n`), `${step.trim()}: ${after}`);
        }
    });
});
//# sourceMappingURL=guidance-lightbulb.test.js.map