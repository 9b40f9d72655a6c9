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
// The warm-up's search for files to assess: package.json's workspaceContains globs as one glob.
const assert = __importStar(require("node:assert/strict"));
const node_fs_1 = require("node:fs");
const path = __importStar(require("node:path"));
const activation_1 = require("../../src/core/activation");
const glob_1 = require("../../src/core/glob");
const scanHelpers_1 = require("./scanHelpers");
describe('The search for files to assess (activation without VS Code\'s workspaceContains search)', () => {
    it('writes out brace alternatives, several groups per glob', () => {
        assert.deepEqual((0, activation_1.expandBraces)('.circleci/config.{yml,yaml}'), ['.circleci/config.yml', '.circleci/config.yaml']);
        assert.deepEqual((0, activation_1.expandBraces)('**/{a,b}*.{yml,yaml}'), ['**/a*.yml', '**/a*.yaml', '**/b*.yml', '**/b*.yaml']);
        assert.deepEqual((0, activation_1.expandBraces)('Jenkinsfile'), ['Jenkinsfile']);
    });
    it('joins only the workspaceContains events, without nested braces', () => {
        assert.equal((0, activation_1.workspaceContainsGlob)(['onView:x', 'workspaceContains:a.{yml,yaml}', 'workspaceContains:**/b', 'onLanguage:y']), '{a.yml,a.yaml,**/b}');
        assert.equal((0, activation_1.workspaceContainsGlob)(['workspaceContains:Jenkinsfile']), 'Jenkinsfile');
        assert.equal((0, activation_1.workspaceContainsGlob)(['onView:x']), undefined);
    });
    it('package.json\'s events make a glob that finds the usual pipeline and container files, and not others', () => {
        const pkg = JSON.parse((0, node_fs_1.readFileSync)(path.join(scanHelpers_1.REPO_ROOT, 'package.json'), 'utf8'));
        const glob = (0, activation_1.workspaceContainsGlob)(pkg.activationEvents);
        const inner = glob.slice(1, -1);
        assert.ok(glob.startsWith('{') && glob.endsWith('}') && !/[{}]/.test(inner), 'one brace group, nothing nested');
        const alternatives = inner.split(',');
        const found = (p) => alternatives.some((g) => (0, glob_1.globMatch)(g, p));
        for (const p of ['.github/workflows/ci.yml', '.gitlab-ci.yml', '.circleci/config.yml', 'bitbucket-pipelines.yml', 'ci/Jenkinsfile', 'Dockerfile', '.dsomm/team-progress.yaml']) {
            assert.ok(found(p), `${p} is not searched for`);
        }
        for (const p of ['README.md', 'src/index.ts', 'docs/ci.yml'])
            assert.ok(!found(p), `${p} would start a scan`);
    });
});
//# sourceMappingURL=activation-search.test.js.map