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
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.run = run;
// Mocha entry point that VS Code's extension host loads (--extensionTestsPath). The same file serves
// desktop VS Code (@vscode/test-electron, F5 "Extension Tests") and code-server (scripts/run-integration.mjs).
//
// Loads every *.test.js below this folder. If DSOMM_TEST_RESULTS names a file, writes the results
// there as JSON ({ passed, failed, pending, tests: [{ title, state, durationMs, error }] }).
const fs = __importStar(require("fs"));
const path = __importStar(require("path"));
const mocha_1 = __importDefault(require("mocha"));
function findTestFiles(dir) {
    return fs
        .readdirSync(dir, { recursive: true, encoding: 'utf8' })
        .filter((f) => f.endsWith('.test.js'))
        .sort()
        .map((f) => path.join(dir, f));
}
function writeResults(tests) {
    const file = process.env.DSOMM_TEST_RESULTS;
    if (!file) {
        return;
    }
    const count = (state) => tests.filter((t) => t.state === state).length;
    const results = { passed: count('passed'), failed: count('failed'), pending: count('skipped'), tests };
    fs.writeFileSync(file, JSON.stringify(results, null, 2));
}
function run() {
    // A generous limit: it only bounds a failing test, and a busy machine makes the passing ones slow.
    // DSOMM_TEST_GREP runs only the tests whose full title matches (a development loop on one file).
    const grep = process.env.DSOMM_TEST_GREP;
    const mocha = new mocha_1.default({ ui: 'bdd', color: false, timeout: 180_000, reporter: 'spec', ...(grep ? { grep } : {}) });
    const files = findTestFiles(__dirname);
    files.forEach((f) => mocha.addFile(f));
    const tests = [];
    return new Promise((resolve, reject) => {
        try {
            if (files.length === 0) {
                throw new Error(`no *.test.js files found under ${__dirname}`);
            }
            const runner = mocha.run((failures) => {
                writeResults(tests);
                if (failures > 0) {
                    reject(new Error(`${failures} integration test(s) failed.`));
                }
                else {
                    resolve();
                }
            });
            runner.on('pass', (t) => tests.push({ title: t.fullTitle(), state: 'passed', durationMs: t.duration }));
            runner.on('pending', (t) => tests.push({ title: t.fullTitle(), state: 'skipped' }));
            // 'fail' also fires for hooks (before/after), so setup failures are counted too.
            runner.on('fail', (t, err) => tests.push({ title: t.fullTitle(), state: 'failed', durationMs: t.duration, error: String(err?.stack || err) }));
        }
        catch (e) {
            // A test file that throws while loading (syntax error, bad import) lands here.
            tests.push({ title: 'loading the integration tests', state: 'failed', error: String(e?.stack || e) });
            writeResults(tests);
            reject(e instanceof Error ? e : new Error(String(e)));
        }
    });
}
//# sourceMappingURL=index.js.map