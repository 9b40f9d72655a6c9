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
// `dsomm model` through main() with a capturing io, and once through the built dist/cli.js.
const assert = __importStar(require("node:assert/strict"));
const node_child_process_1 = require("node:child_process");
const node_fs_1 = require("node:fs");
const path = __importStar(require("node:path"));
const main_1 = require("../../src/cli/main");
const ROOT = path.resolve(__dirname, '../../..');
const LEGACY = path.join(ROOT, 'test/fixtures/models/legacy-generated.yaml');
const WRAPPED = path.join(ROOT, 'test/fixtures/models/broken/wrapped-comment.yaml');
const DIST_CLI = path.join(ROOT, 'dist/cli.js');
const VERSION = JSON.parse((0, node_fs_1.readFileSync)(path.join(ROOT, 'package.json'), 'utf8')).version;
const DIMENSIONS = ['Build and Deployment', 'Culture and Organization', 'Implementation', 'Information Gathering', 'Test and Verification'];
async function run(...argv) {
    const out = [];
    const err = [];
    const io = { out: (t) => out.push(t), err: (t) => err.push(t) };
    const code = await (0, main_1.main)(argv, io);
    return { code, out: out.join('\n'), err: err.join('\n') };
}
describe('dsomm model (CLI)', () => {
    it('summarises the bundled model: 194 activities in the five dimensions', async () => {
        const r = await run('model');
        assert.equal(r.code, main_1.EXIT.ok, r.err);
        assert.equal(r.err, '');
        assert.match(r.out, /^DSOMM model 4\.3\.1 \(2026-05-19\) from bundled \[model\.yaml format\]$/m);
        assert.match(r.out, /^194 activities in 5 dimensions$/m);
        for (const d of DIMENSIONS)
            assert.match(r.out, new RegExp(`^${d}\\s+\\d+\\s+\\d+`, 'm'), d);
        assert.match(r.out, /^All\s+19\s+194\s+26\s+57\s+61\s+31\s+19$/m);
        assert.doesNotMatch(r.out, /warning/);
    });
    it('--json prints a parseable summary', async () => {
        const r = await run('model', '--json');
        assert.equal(r.code, main_1.EXIT.ok, r.err);
        const s = JSON.parse(r.out);
        assert.equal(s.activityCount, 194);
        assert.equal(s.format, 'v4');
        assert.equal(s.source, 'bundled');
        assert.equal(s.version, '4.3.1');
        assert.deepEqual(s.levels, [26, 57, 61, 31, 19]);
        assert.deepEqual(s.dimensions.map((d) => d.name), DIMENSIONS);
        assert.equal(s.dimensions.reduce((n, d) => n + d.subdimensions, 0), 19);
        assert.deepEqual(s.warnings, []);
    });
    it('--model reads a legacy generated.yaml and lists its warnings', async () => {
        const r = await run('model', '--model', LEGACY);
        assert.equal(r.code, main_1.EXIT.ok, r.err);
        assert.match(r.out, new RegExp(`from ${LEGACY.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\[legacy generated\\.yaml format\\]`));
        assert.match(r.out, /^6 activities in 2 dimensions$/m);
        assert.match(r.out, /^6 warnings:$/m);
        assert.match(r.out, /^ {2}- line \d+: "Pinning of artifacts" depends on unknown activity "Continuous Integration"$/m);
        assert.match(r.out, /dependency cycle: Cycle start → Cycle end → Cycle start/);
    });
    it('--model=FILE with --json, relative to the working directory', async () => {
        const cwd = process.cwd();
        process.chdir(ROOT);
        try {
            const r = await run('model', '--model=test/fixtures/models/legacy-generated.yaml', '--json');
            assert.equal(r.code, main_1.EXIT.ok, r.err);
            const s = JSON.parse(r.out);
            assert.equal(s.source, LEGACY);
            assert.equal(s.format, 'legacy');
            assert.equal(s.activityCount, 6);
            assert.equal(s.warnings.length, 6);
        }
        finally {
            process.chdir(cwd);
        }
    });
    it('--model with a missing file: exit 4 and one clear line on stderr', async () => {
        const r = await run('model', '--model', '/does/not/exist');
        assert.equal(r.code, main_1.EXIT.badModel);
        assert.equal(r.code, 4);
        assert.equal(r.out, '');
        assert.equal(r.err.split('\n').length, 1, r.err);
        assert.equal(r.err, 'dsomm: cannot read model file /does/not/exist: ENOENT');
    });
    it('--model with invalid YAML: exit 4 naming file and line', async () => {
        const line = (0, node_fs_1.readFileSync)(WRAPPED, 'utf8').split('\n').findIndex((l) => l.includes('generator wrapped')) + 1;
        const r = await run('model', '--model', WRAPPED);
        assert.equal(r.code, main_1.EXIT.badModel);
        assert.equal(r.out, '');
        assert.equal(r.err.split('\n').length, 1, r.err);
        assert.ok(r.err.startsWith(`dsomm: invalid model: ${WRAPPED}:${line}:`), r.err);
    });
    it('--model with a directory: exit 4', async () => {
        const r = await run('model', '--model', ROOT);
        assert.equal(r.code, main_1.EXIT.badModel);
        assert.match(r.err, /^dsomm: cannot read model file .*: not read: a folder, not a regular file$/);
    });
    describe('usage errors (exit 2)', () => {
        for (const argv of [['frobnicate'], ['model', '--bogus'], ['model', '-x'], ['model', '--model'], ['model', 'extra-argument'], ['model', '--json', '--model']]) {
            it(`dsomm ${argv.join(' ')}`, async () => {
                const r = await run(...argv);
                assert.equal(r.code, main_1.EXIT.usage, `${r.out}\n${r.err}`);
                assert.equal(r.code, 2);
                assert.equal(r.out, '');
                assert.match(r.err, /^dsomm: /);
            });
        }
        it('names the unknown command and option', async () => {
            assert.match((await run('frobnicate')).err, /unknown command "frobnicate"/);
            assert.match((await run('model', '--bogus')).err, /unknown option --bogus/);
            assert.match((await run('model', 'extra-argument')).err, /unexpected argument "extra-argument"/);
            assert.match((await run('model', '--model')).err, /--model needs a value/);
        });
        it('no command prints the usage and exits 2', async () => {
            const r = await run();
            assert.equal(r.code, main_1.EXIT.usage);
            assert.match(r.out + r.err, /Usage:/);
        });
    });
    describe('command-line forms (node parseArgs under our rules)', () => {
        const usageErrors = [
            [['model', '-hx'], 'dsomm: unknown option -hx'],
            [['-x', '--help'], 'dsomm: unknown option -x'],
            [['scan', '--json'], 'dsomm: unknown option --json for "scan"'],
            [['model', '--format', 'json'], 'dsomm: unknown option --format for "model"'],
            [['scan', '--level'], 'dsomm: --level needs a value'],
            [['model', '--', '--json'], 'dsomm: unexpected argument "--json" for "model" (a model file is given with --model FILE)'],
            [['scan', '--include-test-folders=yes'], 'dsomm: --include-test-folders takes no value'],
        ];
        for (const [argv, message] of usageErrors) {
            it(`dsomm ${argv.join(' ')}: exit 2, "${message}"`, async () => {
                const r = await run(...argv);
                assert.equal(r.code, main_1.EXIT.usage);
                assert.equal(r.out, '');
                assert.equal(r.err, message);
            });
        }
        it('an unknown long option does not hide --help or --version', async () => {
            const help = await run('model', '--bogus', '--help');
            assert.equal(help.code, main_1.EXIT.ok);
            assert.match(help.out, /^Usage:/);
            const version = await run('--version', '--bogus');
            assert.equal(version.code, main_1.EXIT.ok);
            assert.equal(version.out, VERSION);
        });
        it('options go before or after the command, as --name value or --name=value; the last repeat wins', async () => {
            for (const argv of [['--model', LEGACY, 'model'], ['model', `--model=${LEGACY}`], ['model', '--model', '/does/not/exist', '--model', LEGACY]]) {
                const r = await run(...argv, '--json');
                assert.equal(r.code, main_1.EXIT.ok, `${argv.join(' ')}: ${r.err}`);
                assert.equal(JSON.parse(r.out).format, 'legacy', argv.join(' '));
            }
        });
        it('an option that takes a value takes the next argument even when it starts with "-"', async () => {
            const r = await run('model', '--model', '--json');
            assert.equal(r.code, main_1.EXIT.badModel);
            assert.equal(r.err, `dsomm: cannot read model file ${path.resolve('--json')}: ENOENT`);
        });
    });
    it('--version prints the package.json version', async () => {
        const r = await run('--version');
        assert.equal(r.code, main_1.EXIT.ok);
        assert.equal(r.out, VERSION);
        assert.equal(r.err, '');
    });
    for (const argv of [['--help'], ['-h'], ['help'], ['model', '--help']]) {
        it(`dsomm ${argv.join(' ')} prints the usage with exit 0`, async () => {
            const r = await run(...argv);
            assert.equal(r.code, main_1.EXIT.ok);
            assert.match(r.out, /^Usage:/);
            assert.match(r.out, /dsomm model \[--model FILE\] \[--json\]/);
            assert.equal(r.err, '');
        });
    }
    describe('built CLI (dist/cli.js)', function () {
        this.timeout(120_000);
        before(() => {
            if (!(0, node_fs_1.existsSync)(DIST_CLI))
                (0, node_child_process_1.execFileSync)(process.execPath, ['esbuild.js'], { cwd: ROOT, stdio: 'pipe', timeout: 110_000 });
            assert.ok((0, node_fs_1.existsSync)(DIST_CLI), 'node esbuild.js did not produce dist/cli.js');
        });
        it('node dist/cli.js model exits 0 with the summary on stdout', () => {
            const r = (0, node_child_process_1.spawnSync)(process.execPath, [DIST_CLI, 'model'], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
            assert.equal(r.error, undefined);
            assert.equal(r.status, 0, r.stderr);
            assert.match(r.stdout, /^194 activities in 5 dimensions$/m);
            for (const d of DIMENSIONS)
                assert.ok(r.stdout.includes(d), d);
            assert.equal(r.stderr, '');
        });
        it('node dist/cli.js model --model /does/not/exist exits 4 with one stderr line', () => {
            const r = (0, node_child_process_1.spawnSync)(process.execPath, [DIST_CLI, 'model', '--model', '/does/not/exist'], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
            assert.equal(r.status, 4);
            assert.equal(r.stdout, '');
            assert.equal(r.stderr, 'dsomm: cannot read model file /does/not/exist: ENOENT\n');
        });
    });
});
//# sourceMappingURL=cli-model.test.js.map