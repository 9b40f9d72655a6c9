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
// A few seeded fuzz cases on every `npm test`; `npm run fuzz` runs many more (FUZZ_RUNS, FUZZ_SEED).
const assert = __importStar(require("node:assert/strict"));
const fuzzCases_1 = require("./fuzzCases");
describe('fuzz (seeded, small)', function () {
    this.timeout(120_000);
    it('mutations do what they say', () => {
        assert.equal((0, fuzzCases_1.applyEdits)('abc', [{ op: 'insert', at: 1, text: 'X' }]), 'aXbc');
        assert.equal((0, fuzzCases_1.applyEdits)('abcdef', [{ op: 'delete', at: 2, length: 2 }]), 'abef');
        assert.equal((0, fuzzCases_1.applyEdits)('abcd', [{ op: 'duplicate', at: 1, length: 2 }]), 'abcbcd');
        assert.equal((0, fuzzCases_1.applyEdits)('1\n2\n3', [{ op: 'swapLines', a: 0, b: 2 }]), '3\n2\n1');
    });
    it('parsers, scan and progress store survive random and mutated files', async () => {
        const reports = await (0, fuzzCases_1.runFuzz)(Number(process.env.FUZZ_TEST_RUNS ?? 25), 20261206);
        for (const r of reports)
            assert.equal(r.cases, Number(process.env.FUZZ_TEST_RUNS ?? 25), r.property);
    });
});
//# sourceMappingURL=fuzz.test.js.map