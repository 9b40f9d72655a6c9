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
// The progress file under stress: a writer killed mid-write, two processes writing at once,
// many edits from one process at once, locks left behind. The file is always either the old
// or the new version, complete, and no edit is lost.
const assert = __importStar(require("node:assert/strict"));
const node_child_process_1 = require("node:child_process");
const fs = __importStar(require("node:fs"));
const os = __importStar(require("node:os"));
const path = __importStar(require("node:path"));
const nodeFileSystem_1 = require("../../src/core/nodeFileSystem");
const progress_1 = require("../../src/core/progress");
const settings_1 = require("../../src/core/progress/settings");
const memoryFs_1 = require("./memoryFs");
const WRITER = path.join(__dirname, 'progressWriterProcess.js');
const FILE = '.dsomm/team-progress.yaml';
function start(args) {
    const child = (0, node_child_process_1.spawn)(process.execPath, [WRITER, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    const done = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal, out, err })));
    return { child, done, oks: () => (out.match(/^ok /gm) ?? []).length };
}
const teamActivities = (text, team) => [...(0, progress_1.parseProgressText)(text, FILE).activities.entries()].filter(([, a]) => a.teams.has(team)).map(([uuid]) => uuid).sort();
describe('progress file safety', function () {
    this.timeout(60_000);
    let root;
    beforeEach(() => (root = fs.mkdtempSync(path.join(os.tmpdir(), 'dsomm-safety-'))));
    afterEach(() => fs.rmSync(root, { recursive: true, force: true }));
    it('two processes writing the same file at once lose nothing', async () => {
        const n = 15;
        const a = start([root, 'Team A', 'a', String(n)]);
        const b = start([root, 'Team B', 'b', String(n)]);
        const [ra, rb] = await Promise.all([a.done, b.done]);
        assert.equal(ra.code, 0, ra.err);
        assert.equal(rb.code, 0, rb.err);
        const text = fs.readFileSync(path.join(root, FILE), 'utf8');
        assert.deepEqual(teamActivities(text, 'Team A'), Array.from({ length: n }, (_, i) => `a-${i}`).sort());
        assert.deepEqual(teamActivities(text, 'Team B'), Array.from({ length: n }, (_, i) => `b-${i}`).sort());
        assert.ok(!fs.existsSync(path.join(root, (0, progress_1.lockPath)(FILE))), 'the lock is released');
    });
    it('a writer killed at any moment leaves the old or the new file, complete, and the next writer goes on', async () => {
        const n = 6;
        const all = Array.from({ length: n }, (_, i) => `k-${i}`).sort();
        let killedMidWrite = 0;
        for (let round = 0; round < 8; round++) {
            const w = start([root, 'Team K', 'k', String(n), 'loop', '300']);
            // Let it finish at least one full pass (so every activity is in the file), then kill it.
            while (w.oks() < n + 1 + round)
                await new Promise((r) => setTimeout(r, 5));
            await new Promise((r) => setTimeout(r, Math.floor(Math.random() * 20)));
            w.child.kill('SIGKILL');
            const r = await w.done;
            assert.equal(r.signal, 'SIGKILL');
            const text = fs.readFileSync(path.join(root, FILE), 'utf8');
            assert.deepEqual(teamActivities(text, 'Team K'), all, `round ${round}: the file is complete`);
            const backup = path.join(root, '.dsomm/.team-progress.yaml.bak');
            if (fs.existsSync(backup))
                (0, progress_1.parseProgressText)(fs.readFileSync(backup, 'utf8'), 'backup');
            if (fs.existsSync(path.join(root, (0, progress_1.lockPath)(FILE))) || fs.readdirSync(path.join(root, '.dsomm')).some((f) => f.endsWith('.tmp')))
                killedMidWrite++;
        }
        // A later writer breaks the dead writer's lock and saves.
        const store = new nodeFileSystem_1.NodeFileSystem(root);
        const settings = (0, progress_1.resolveProgressSettings)({ team: 'Team K' });
        await (0, progress_1.setState)(store, settings, 'k-after', 'Started', undefined, '2026-03-02', { lockStaleMs: 300 });
        assert.ok(teamActivities(fs.readFileSync(path.join(root, FILE), 'utf8'), 'Team K').includes('k-after'));
        // Not an assertion on luck, a note when reading the output: how often the kill landed inside a save.
        console.log(`      (${killedMidWrite} of 8 kills landed inside a save)`);
    });
    it('many edits from one process at once are queued, none lost', async () => {
        const mem = new memoryFs_1.MemoryFileSystem();
        const settings = (0, progress_1.resolveProgressSettings)({ team: 'T' });
        await Promise.all(Array.from({ length: 30 }, (_, i) => (0, progress_1.setState)(mem, settings, `q-${i}`, 'Started', undefined, '2026-03-01')));
        assert.equal(teamActivities(mem.text(FILE), 'T').length, 30);
        assert.ok(!mem.files.has((0, progress_1.lockPath)(FILE)));
    });
    it('waits for a lock held by another writer, then saves', async () => {
        const mem = new memoryFs_1.MemoryFileSystem();
        mem.put((0, progress_1.lockPath)(FILE), '{"owner":"another window"}\n');
        const settings = (0, progress_1.resolveProgressSettings)({ team: 'T' });
        // Condition, not time: once the writer has been refused the lock three times, it is waiting.
        let refusals = 0;
        let retried;
        const retrying = new Promise((resolve) => (retried = resolve));
        mem.fail = (op, p) => {
            if (op === 'create' && p === (0, progress_1.lockPath)(FILE) && mem.files.has(p) && ++refusals === 3)
                retried();
            return undefined;
        };
        let settled = false;
        const saving = (0, progress_1.setState)(mem, settings, 'w-1', 'Started', undefined, '2026-03-01').finally(() => (settled = true));
        await retrying;
        assert.equal(settled, false, 'it waits while the lock is held');
        assert.equal(mem.files.has(FILE), false);
        await mem.delete((0, progress_1.lockPath)(FILE));
        await saving;
        assert.deepEqual(teamActivities(mem.text(FILE), 'T'), ['w-1']);
    });
    it('breaks a lock older than 10 s (left by a crash)', async () => {
        const mem = new memoryFs_1.MemoryFileSystem();
        mem.put((0, progress_1.lockPath)(FILE), '{"owner":"a crashed window"}\n');
        mem.files.get((0, progress_1.lockPath)(FILE)).mtime = Date.now() - 11_000;
        // Broken at once, without waiting: the lock is tried twice (refused, then taken after breaking it).
        let attempts = 0;
        mem.fail = (op, p) => {
            if (op === 'create' && p === (0, progress_1.lockPath)(FILE))
                attempts++;
            return undefined;
        };
        await (0, progress_1.setState)(mem, (0, progress_1.resolveProgressSettings)({ team: 'T' }), 's-1', 'Started', undefined, '2026-03-01');
        assert.equal(attempts, 2);
        assert.ok(!mem.files.has((0, progress_1.lockPath)(FILE)));
    });
    it('releases the lock when the file cannot be saved, and never touches a corrupt file', async () => {
        const corrupt = 'progress:\n  u: [unclosed\n';
        const mem = new memoryFs_1.MemoryFileSystem({ [FILE]: corrupt });
        await assert.rejects((0, progress_1.setState)(mem, (0, progress_1.resolveProgressSettings)({ team: 'T' }), 'u', 'Started', undefined, '2026-03-01'), settings_1.ProgressFileError);
        assert.equal(mem.text(FILE), corrupt);
        assert.deepEqual([...mem.files.keys()], [FILE], 'no lock, no backup, no temp file left');
        await assert.rejects((0, progress_1.readProgress)(mem, (0, progress_1.resolveProgressSettings)({ team: 'T' })), settings_1.ProgressFileError);
    });
});
//# sourceMappingURL=progress-safety.test.js.map