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
// What a newcomer meets on `npm ci`: the Node version the README and package.json state fits every
// installed package (no EBADENGINE warning), and every install script is decided on in `allowScripts`
// (no "install scripts not yet covered" warning).
const assert = __importStar(require("node:assert/strict"));
const node_fs_1 = require("node:fs");
const path = __importStar(require("node:path"));
const scanHelpers_1 = require("./scanHelpers");
const pkg = JSON.parse((0, node_fs_1.readFileSync)(path.join(scanHelpers_1.REPO_ROOT, 'package.json'), 'utf8'));
const lock = JSON.parse((0, node_fs_1.readFileSync)(path.join(scanHelpers_1.REPO_ROOT, 'package-lock.json'), 'utf8'));
function parseVersion(text) {
    const nums = text.replace(/^v/, '').split('.').filter((p) => p !== '' && p !== '*' && p.toLowerCase() !== 'x').map(Number);
    return { v: [nums[0] ?? 0, nums[1] ?? 0, nums[2] ?? 0], parts: nums.length };
}
function compare(a, b) {
    return a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
}
/** Whether `version` satisfies an npm `engines` range (the forms npm packages use: ||, spaces, >=, <, ^, ~, x, *). */
function satisfies(version, range) {
    const v = parseVersion(version).v;
    return range.split('||').some((alt) => {
        const comparators = alt.trim().replace(/(>=|<=|>|<|=|\^|~)\s+/g, '$1').split(/\s+/).filter(Boolean);
        return comparators.every((c) => {
            const m = /^(>=|<=|>|<|=|\^|~)?(.*)$/.exec(c);
            const op = m[1] ?? '';
            if (m[2] === '*' || m[2] === '')
                return true;
            const { v: w, parts } = parseVersion(m[2]);
            const cmp = compare(v, w);
            if (op === '>=')
                return cmp >= 0;
            if (op === '>')
                return cmp > 0;
            if (op === '<=')
                return cmp <= 0;
            if (op === '<')
                return cmp < 0;
            if (op === '^')
                return cmp >= 0 && (w[0] > 0 ? v[0] === w[0] : v[1] === w[1]);
            if (op === '~')
                return cmp >= 0 && v[0] === w[0] && (parts < 2 || v[1] === w[1]);
            // A bare or "=" version: missing parts match anything ("20" is 20.x.x).
            return v.slice(0, Math.max(1, parts)).every((n, i) => n === w[i]);
        });
    });
}
describe('project setup (npm ci without warnings to interpret)', () => {
    const minimum = /^>=\s*(\d+\.\d+\.\d+)$/.exec(pkg.engines.node)?.[1];
    it('the range checker understands the forms in the lock file', () => {
        assert.ok(satisfies('20.18.1', '>=20.18.1') && !satisfies('20.18.0', '>=20.18.1'));
        assert.ok(satisfies('20.18.1', '^18.18.0 || ^20.9.0 || >=21.1.0') && !satisfies('20.1.0', '^18.18.0 || ^20.9.0 || >=21.1.0'));
        assert.ok(satisfies('20.18.1', '18 || 20 || >=22') && !satisfies('21.0.0', '18 || 20 || >=22'));
        assert.ok(satisfies('20.18.1', '>=16 || 14 >=14.17') && satisfies('20.18.1', '6.* || 8.* || >= 10.*') && satisfies('20.18.1', '*'));
        assert.ok(!satisfies('20.18.1', '>=22') && !satisfies('20.18.1', '>=0.6.11 <=0.7.0 || >=0.7.3 <1'));
    });
    it('package.json states one minimum Node version, and the README says the same', () => {
        assert.ok(minimum, `engines.node should be ">=X.Y.Z", not ${pkg.engines.node}`);
        const readme = (0, node_fs_1.readFileSync)(path.join(scanHelpers_1.REPO_ROOT, 'README.md'), 'utf8');
        assert.ok(readme.includes(`Node.js ${minimum} or later`), `the README does not state Node.js ${minimum} or later`);
    });
    it('every package in the lock file runs on that Node version (no EBADENGINE warning)', () => {
        const misfits = Object.entries(lock.packages).flatMap(([name, e]) => {
            const range = !Array.isArray(e.engines) ? e.engines?.node : undefined;
            return name && range && !satisfies(minimum, range) ? [`${name.replace(/^.*node_modules\//, '')} needs node ${range}`] : [];
        });
        assert.deepEqual(misfits, []);
    });
    it('every package with an install script is allowed or refused in allowScripts', () => {
        const undecided = Object.entries(lock.packages)
            .filter(([name, e]) => name && e.hasInstallScript)
            .map(([name]) => name.replace(/^.*node_modules\//, ''))
            .filter((name) => typeof pkg.allowScripts?.[name] !== 'boolean');
        assert.deepEqual(undecided, []);
    });
});
//# sourceMappingURL=project-setup.test.js.map