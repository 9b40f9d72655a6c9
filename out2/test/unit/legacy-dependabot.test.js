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
// Negative verdicts name what was found: a legacy `.dependabot/config.yml` (Dependabot Preview,
// which GitHub no longer runs) does not count as a dependency-update bot, and the reason names the
// file in the probe notes, the activity's reasons and the JSON report.
const assert = __importStar(require("node:assert/strict"));
const json_1 = require("../../src/core/reports/json");
const guidanceHarness_1 = require("./guidanceHarness");
const AUTOMATED_PRS = '8ae0b92c-10e0-4602-ba22-7524d6aed488';
const LEGACY = [
    'version: 1',
    'update_configs:',
    '  - package_manager: "javascript"',
    '    directory: "/"',
    '    update_schedule: "weekly"',
    '',
].join('\n');
const CURRENT = ['version: 2', 'updates:', '  - package-ecosystem: npm', '    directory: /', '    schedule: { interval: weekly }', ''].join('\n');
const WORKFLOW = ['on: push', 'jobs:', '  test:', '    runs-on: ubuntu-latest', '    steps:', '      - run: npm test', ''].join('\n');
describe('negative verdicts: a legacy .dependabot/config.yml', function () {
    this.timeout(30_000);
    after(guidanceHarness_1.cleanTempWorkspaces);
    it('does not count, and the reason names the file', async () => {
        const { result } = await (0, guidanceHarness_1.scanDir)((0, guidanceHarness_1.tempWorkspace)({ '.dependabot/config.yml': LEGACY, '.github/workflows/ci.yml': WORKFLOW, 'package.json': '{"name":"x"}' }));
        const bot = result.probes.find((p) => p.id === 'dependency-update-bot');
        assert.equal(bot.result, 'fail');
        assert.deepEqual(bot.evidence, []);
        assert.ok(bot.notes.some((n) => n.includes('.dependabot/config.yml') && /no longer runs/.test(n)), JSON.stringify(bot.notes));
        const activity = result.activities.find((a) => a.activity.uuid === AUTOMATED_PRS);
        assert.equal(activity.status, 'missing');
        assert.ok(activity.reasons?.some((r) => r.includes('.dependabot/config.yml')), JSON.stringify(activity.reasons));
        const json = JSON.stringify((0, json_1.toJsonReport)(result));
        assert.ok(json.includes('.dependabot/config.yml is the configuration of the retired Dependabot Preview'), 'the JSON report carries the reason');
    });
    it('next to a current .github/dependabot.yml, the current one counts', async () => {
        const { result } = await (0, guidanceHarness_1.scanDir)((0, guidanceHarness_1.tempWorkspace)({ '.dependabot/config.yml': LEGACY, '.github/dependabot.yml': CURRENT, '.github/workflows/ci.yml': WORKFLOW }));
        const bot = result.probes.find((p) => p.id === 'dependency-update-bot');
        assert.equal(bot.result, 'pass');
        assert.ok(bot.evidence.every((e) => e.loc.path === '.github/dependabot.yml'), JSON.stringify(bot.evidence));
        assert.equal(result.activities.find((a) => a.activity.uuid === AUTOMATED_PRS).status, 'detected');
    });
    it('a .github/dependabot.yml whose updates are all commented out does not count, and says so', async () => {
        const commented = ['version: 2', 'updates:', '#  - package-ecosystem: npm', '#    directory: /', '#    schedule: { interval: weekly }', ''].join('\n');
        for (const text of [commented, 'version: 2\n', 'version: 2\nupdates: []\n']) {
            const { result } = await (0, guidanceHarness_1.scanDir)((0, guidanceHarness_1.tempWorkspace)({ '.github/dependabot.yml': text, '.github/workflows/ci.yml': WORKFLOW }));
            const bot = result.probes.find((p) => p.id === 'dependency-update-bot');
            assert.equal(bot.result, 'fail', text);
            assert.deepEqual(bot.evidence, []);
            assert.ok(bot.notes.some((n) => n.includes('.github/dependabot.yml lists no `updates` entry') && /Dependabot updates nothing/.test(n)), JSON.stringify(bot.notes));
        }
    });
});
//# sourceMappingURL=legacy-dependabot.test.js.map