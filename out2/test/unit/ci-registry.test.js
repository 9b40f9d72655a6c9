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
exports.incomplete = void 0;
// The CI dialect registry: every dialect is complete, reachable and announced where the editor
// and the README need it.
const assert = __importStar(require("node:assert/strict"));
const node_fs_1 = require("node:fs");
const path = __importStar(require("node:path"));
const dialect_1 = require("../../src/core/scan/ci/dialect");
const registry_1 = require("../../src/core/scan/ci/registry");
const types_1 = require("../../src/core/guidance/types");
const ROOT = path.resolve(__dirname, '../../..');
// A dialect that leaves out a required part does not compile: if `parse` ever became optional,
// the expect-error below would be unused and the test build would fail.
exports.incomplete = (0, dialect_1.defineDialect)(
// @ts-expect-error -- `parse` is missing
{
    kind: 'incomplete',
    system: 'Incomplete CI',
    fileLabel: 'incomplete file',
    matchesPath: () => false,
    matchesContent: false,
    activationGlobs: [],
    uses: { vocabulary: 'none', evidenceLabel: 'uses' },
    localIncludes: 'fragment',
    refusesInvalidFile: true,
    ephemeralJob: () => undefined,
    pipelineRank: undefined,
    fixes: { noPlacement: 'none' },
});
describe('CI dialect registry', () => {
    it('one entry per kind, found by kind', () => {
        assert.equal(new Set(registry_1.CI_KINDS).size, registry_1.CI_DIALECTS.length);
        for (const d of registry_1.CI_DIALECTS) {
            assert.ok((0, registry_1.isCiKind)(d.kind));
            assert.equal((0, registry_1.ciDialect)(d.kind), d);
        }
        assert.equal((0, registry_1.isCiKind)('dockerfile'), false);
    });
    it('pipeline ranks are distinct and only the GitHub action is not a pipeline of its own', () => {
        const ranks = registry_1.CI_DIALECTS.filter((d) => d.pipelineRank !== undefined).map((d) => d.pipelineRank);
        assert.equal(new Set(ranks).size, ranks.length);
        assert.deepEqual(registry_1.CI_KINDS.filter((k) => !(0, registry_1.isPipelineKind)(k)), ['github-action']);
        assert.equal(registry_1.PIPELINE_ORDER[0], 'github-workflow');
    });
    it('every dialect with fix placements is a fix dialect; the others say why not', () => {
        for (const d of registry_1.CI_DIALECTS) {
            if ('placements' in d.fixes) {
                assert.ok(d.fixes.placements.length > 0, d.kind);
                assert.ok(types_1.FIX_DIALECTS.includes(d.kind), d.kind);
            }
            else {
                assert.ok(d.fixes.noPlacement.length > 20, `${d.kind}: a reason a reader understands`);
                assert.ok(!types_1.FIX_DIALECTS.includes(d.kind), d.kind);
            }
        }
        assert.deepEqual([...registry_1.FIXABLE_CI_KINDS], registry_1.CI_KINDS.filter((k) => 'placements' in (0, registry_1.ciDialect)(k).fixes));
    });
    it('package.json starts the extension on every dialect activation glob', () => {
        const pkg = JSON.parse((0, node_fs_1.readFileSync)(path.join(ROOT, 'package.json'), 'utf8'));
        for (const d of registry_1.CI_DIALECTS) {
            for (const glob of d.activationGlobs)
                assert.ok(pkg.activationEvents.includes(`workspaceContains:${glob}`), `${d.kind}: workspaceContains:${glob}`);
        }
        assert.ok(registry_1.CI_DIALECTS.filter((d) => d.pipelineRank !== undefined).every((d) => d.activationGlobs.length > 0), 'every pipeline dialect has a glob');
    });
});
//# sourceMappingURL=ci-registry.test.js.map