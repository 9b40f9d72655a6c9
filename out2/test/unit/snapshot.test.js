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
const assert = __importStar(require("node:assert/strict"));
const fs = __importStar(require("node:fs"));
const path = __importStar(require("node:path"));
const bundledData_1 = require("../../src/core/bundledData");
const snapshot_1 = require("../../src/core/snapshot");
const concurrency_1 = require("../../src/core/concurrency");
const MODEL_DIR = path.join(__dirname, '..', '..', '..', 'model');
const texts = () => ({
    model: fs.readFileSync(path.join(MODEL_DIR, bundledData_1.BUNDLED_FILES.model), 'utf8'),
    probes: fs.readFileSync(path.join(MODEL_DIR, bundledData_1.BUNDLED_FILES.probes), 'utf8'),
    rules: fs.readFileSync(path.join(MODEL_DIR, bundledData_1.BUNDLED_FILES.rules), 'utf8'),
});
describe('snapshot JSON', () => {
    it('keeps Map, Set, Date, undefined properties and nested structure', () => {
        const value = {
            m: new Map([['a', 1], ['b', { deep: [1, 'x', null] }]]),
            s: new Set(['x', 'y']),
            d: new Date('2026-01-02T03:04:05.000Z'),
            u: undefined,
            list: [undefined, 0, '', false],
            text: 'a "quoted" \u0000 string',
        };
        const back = (0, snapshot_1.fromSnapshotJson)((0, snapshot_1.toSnapshotJson)(value));
        assert.deepStrictEqual(back, value);
        assert.ok('u' in back, 'a property set to undefined keeps its key');
    });
    it('keeps shared objects shared (one object reachable twice stays one object)', () => {
        const activity = { uuid: 'u1', name: 'A' };
        const value = { byId: new Map([['u1', activity]]), groups: [{ activities: [activity] }], other: { same: activity } };
        const back = (0, snapshot_1.fromSnapshotJson)((0, snapshot_1.toSnapshotJson)(value));
        assert.deepStrictEqual(back, value);
        assert.equal(back.byId.get('u1'), back.groups[0].activities[0]);
        assert.equal(back.other.same, back.groups[0].activities[0]);
        // Objects that are equal but distinct stay distinct.
        const twins = { a: { x: 1 }, b: { x: 1 } };
        const t2 = (0, snapshot_1.fromSnapshotJson)((0, snapshot_1.toSnapshotJson)(twins));
        assert.notEqual(t2.a, t2.b);
    });
    it('refuses class instances it could not revive', () => {
        class Thing {
            x = 1;
        }
        assert.throws(() => (0, snapshot_1.toSnapshotJson)({ t: new Thing() }), /cannot keep a Thing instance/);
    });
});
describe('bundled data snapshot', () => {
    it('revives the bundled model and detection data exactly, with the same sharing as the parsed data', () => {
        const t = texts();
        const parsed = (0, bundledData_1.parseBundledData)(t);
        const revived = (0, bundledData_1.readBundledSnapshot)((0, bundledData_1.bundledSnapshot)(parsed), t);
        assert.ok(revived);
        assert.deepStrictEqual(revived, parsed);
        assert.equal(revived.model.activities.size, parsed.model.activities.size);
        const sub = parsed.model.dimensions[0].subdimensions[0];
        const revivedSub = revived.model.dimensions[0].subdimensions[0];
        const sharedInParsed = parsed.model.activities.get(sub.activities[0].uuid) === sub.activities[0];
        assert.equal(revived.model.activities.get(revivedSub.activities[0].uuid) === revivedSub.activities[0], sharedInParsed);
    });
    it('is not used when a YAML file changed after the build (stale) or when it is not JSON', () => {
        const t = texts();
        const json = (0, bundledData_1.bundledSnapshot)((0, bundledData_1.parseBundledData)(t));
        assert.equal((0, bundledData_1.readBundledSnapshot)(json, { ...t, rules: t.rules + '\n# edited\n' }), undefined);
        assert.equal((0, bundledData_1.readBundledSnapshot)(json, { ...t, model: t.model.replace('level: 1', 'level: 2') }), undefined);
        assert.equal((0, bundledData_1.readBundledSnapshot)('{"truncated', t), undefined);
    });
});
describe('bounded concurrency', () => {
    it('Limiter never runs more than its limit at once and runs every task', async () => {
        const limiter = new concurrency_1.Limiter(3);
        let active = 0;
        let peak = 0;
        const results = await Promise.all(Array.from({ length: 20 }, (_, i) => limiter.run(async () => {
            peak = Math.max(peak, ++active);
            await new Promise((r) => setTimeout(r, 1 + (i % 3)));
            active--;
            return i;
        })));
        assert.deepEqual(results, Array.from({ length: 20 }, (_, i) => i));
        assert.equal(peak, 3);
    });
    it('Limiter frees the slot of a failed task', async () => {
        const limiter = new concurrency_1.Limiter(1);
        await assert.rejects(limiter.run(async () => { throw new Error('boom'); }), /boom/);
        assert.equal(await limiter.run(async () => 'next'), 'next');
    });
    it('forEachLimit visits every item with at most `limit` in flight and rejects with the first error', async () => {
        let active = 0;
        let peak = 0;
        const seen = [];
        await (0, concurrency_1.forEachLimit)([...Array(25).keys()], 4, async (i) => {
            peak = Math.max(peak, ++active);
            await new Promise((r) => setTimeout(r, 1));
            seen.push(i);
            active--;
        });
        assert.deepEqual([...seen].sort((a, b) => a - b), [...Array(25).keys()]);
        assert.equal(peak, 4);
        await assert.rejects((0, concurrency_1.forEachLimit)([1, 2, 3], 2, async (i) => { if (i === 2)
            throw new Error('two'); }), /two/);
        await (0, concurrency_1.forEachLimit)([], 4, async () => assert.fail('no items'));
    });
});
//# sourceMappingURL=snapshot.test.js.map