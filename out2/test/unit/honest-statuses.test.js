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
// Statuses that never claim more than the files show, on small real workspaces: no automatic
// "not applicable", joins on the same pipeline, and reasons that name what was found.
const assert = __importStar(require("node:assert/strict"));
const node_fs_1 = require("node:fs");
const node_os_1 = require("node:os");
const path = __importStar(require("node:path"));
const scanHelpers_1 = require("./scanHelpers");
const ROLLING = '85d52588-f542-4225-a338-20dc22a5508d'; // Rolling update on deployment
const CANARY = 'c4204a32-2545-4424-b524-d1cc52b46abd'; // Canary deployment
const NIGHTLY = '34869eaf-f2e1-4926-b0bd-28c43402f057'; // Nightly build of images
const MAX_LIFETIME = '485a3383-7f2e-4dba-bb84-479377070904'; // Usage of a maximum lifetime for images
const STALE = `name: stale
on:
  schedule:
    - cron: "0 1 * * *"
jobs:
  stale:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/stale@v9
`;
const BUILD_ON_PUSH = `name: ci
on: push
jobs:
  image:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - run: docker build -t app .
      - run: kubectl apply -f k8s/
`;
const NIGHTLY_BUILD = `name: nightly
on:
  schedule:
    - cron: "30 2 * * *"
jobs:
  images:
    uses: ./.github/workflows/build.yml
`;
const REUSABLE_BUILD = `name: build
on: workflow_call
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - run: docker build -t app .
`;
describe('honest statuses on real files', function () {
    this.timeout(60_000);
    let dir;
    const write = (rel, text) => {
        (0, node_fs_1.mkdirSync)(path.dirname(path.join(dir, rel)), { recursive: true });
        (0, node_fs_1.writeFileSync)(path.join(dir, rel), text);
    };
    const activity = (r, uuid) => r.activities.find((a) => a.activity.uuid === uuid);
    beforeEach(() => (dir = (0, node_fs_1.mkdtempSync)(path.join((0, node_os_1.tmpdir)(), 'dsomm-honest-'))));
    afterEach(() => (0, node_fs_1.rmSync)(dir, { recursive: true, force: true }));
    it('no Kubernetes files: deployment strategies need a decision, never an automatic N/A', async () => {
        write('.github/workflows/ci.yml', BUILD_ON_PUSH);
        write('Dockerfile', 'FROM node:22\nUSER node\n');
        const { result } = await (0, scanHelpers_1.scanDir)(dir);
        assert.ok(!result.activities.some((a) => a.status === 'not-applicable' || a.detected === 'not-applicable'), 'nothing is not applicable without a decision');
        for (const uuid of [ROLLING, CANARY]) {
            const a = activity(result, uuid);
            assert.equal(a.status, 'unknown', a.activity.name);
            assert.match(a.reasons?.[0] ?? '', /^Needs your decision: the files show nothing this applies to \(No Kubernetes manifests\)/);
        }
        // Unknown is "needs your decision": it does not count as achieved at any level.
        const level4 = result.levels[3];
        assert.ok(level4.undecided >= 1);
    });
    it('a housekeeping schedule and an image build on push are no nightly image build; the reason names both', async () => {
        write('.github/workflows/stale.yml', STALE);
        write('.github/workflows/ci.yml', BUILD_ON_PUSH);
        write('Dockerfile', 'FROM node:22\nUSER node\n');
        const { result } = await (0, scanHelpers_1.scanDir)(dir);
        const nightly = activity(result, NIGHTLY);
        assert.equal(nightly.status, 'missing');
        assert.deepEqual(nightly.reasons, [
            '.github/workflows/ci.yml has "docker build -t app ." (line 8), but "schedule: 0 1 * * *" is in .github/workflows/stale.yml:4: they count only when one pipeline does all of it.',
        ]);
        assert.equal(activity(result, MAX_LIFETIME).status, 'missing');
    });
    it('a scheduled workflow that builds through a local reusable workflow is a nightly image build', async () => {
        write('.github/workflows/nightly.yml', NIGHTLY_BUILD);
        write('.github/workflows/build.yml', REUSABLE_BUILD);
        write('Dockerfile', 'FROM node:22\nUSER node\n');
        const { result } = await (0, scanHelpers_1.scanDir)(dir);
        const nightly = activity(result, NIGHTLY);
        assert.equal(nightly.status, 'detected');
        assert.deepEqual(nightly.evidence.map((e) => `${e.loc.path}:${e.loc.line}`).sort(), ['.github/workflows/build.yml:7', '.github/workflows/nightly.yml:4']);
        // It rebuilds on a schedule but deploys nowhere: only part of a maximum image lifetime.
        assert.equal(activity(result, MAX_LIFETIME).status, 'partial');
    });
});
//# sourceMappingURL=honest-statuses.test.js.map