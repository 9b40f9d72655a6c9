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
// readYamlDocuments is the one reader of workspace YAML: its rules hold for every parser that uses it.
const assert = __importStar(require("node:assert/strict"));
const node_fs_1 = require("node:fs");
const path = __importStar(require("node:path"));
const yaml_1 = require("../../src/core/yaml");
const hygiene_1 = require("../../src/core/scan/parse/hygiene");
const compose_1 = require("../../src/core/scan/parse/containers/compose");
const gitlab_1 = require("../../src/core/scan/ci/gitlab");
const BOMB = (0, node_fs_1.readFileSync)(path.resolve(__dirname, '../../../test/fixtures/ci/problems/bomb.yml'), 'utf8');
describe('readYamlDocuments', () => {
    it('reports an unknown alias at the alias and keeps the document', () => {
        const problems = [];
        const docs = (0, yaml_1.readYamlDocuments)('a: 1\nb: *nope\n', problems);
        assert.equal(docs.length, 1);
        assert.equal((0, yaml_1.scalarText)((0, yaml_1.mapGet)(docs[0].doc, docs[0].doc.contents, 'a')), '1');
        assert.deepEqual(problems, [{ message: 'Unknown alias *nope', line: 2, column: 4, severity: 'error' }]);
    });
    it('refuses a billion-laughs document at the alias that multiplies, and reads the next one', () => {
        const problems = [];
        const docs = (0, yaml_1.readYamlDocuments)(`${BOMB}---\nok: true\n`, problems);
        assert.deepEqual(docs.map((d) => d.index), [1], 'documents keep their place in the file');
        assert.equal((0, yaml_1.scalarText)((0, yaml_1.mapGet)(docs[0].doc, docs[0].doc.contents, 'ok')), 'true');
        assert.equal(problems.length, 1);
        assert.match(problems[0].message, /^Too many nested aliases .*document 1 was not read$/);
        assert.equal(problems[0].line, 3);
    });
    it('reports syntax errors and warnings, and never throws', () => {
        const problems = [];
        const docs = (0, yaml_1.readYamlDocuments)('a: !!js/function "x"\nb: [1, 2\n', problems);
        assert.equal(docs.length, 1, 'a broken document is returned for the reader to judge');
        assert.ok(problems.some((p) => p.severity === 'error'));
        assert.ok(problems.some((p) => p.severity === 'warning' && /!!js\/function/.test(p.message)));
        for (const text of ['', '\u0000\u0001', '[[[[', '*', undefined])
            assert.doesNotThrow(() => (0, yaml_1.readYamlDocuments)(text, []));
    });
    it('gives the same alias rule to pipeline, container and hygiene files', () => {
        for (const problems of [(0, gitlab_1.parseGitlabCi)('.gitlab-ci.yml', BOMB).problems, (0, compose_1.parseCompose)('compose.yaml', BOMB).problems, (0, hygiene_1.parseDependabot)('.github/dependabot.yml', BOMB).problems]) {
            assert.deepEqual(problems.map((p) => [p.severity, p.line, /Too many nested aliases/.test(p.message)]), [['error', 3, true]]);
        }
    });
});
//# sourceMappingURL=yaml-read.test.js.map