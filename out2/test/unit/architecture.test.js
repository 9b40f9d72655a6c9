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
exports.findForbiddenImports = findForbiddenImports;
// src/core is the part shared by the extension and the CLI: it must never load 'vscode', and it
// must not reach into src/extension or src/cli. Checked on the source text of every file.
const assert = __importStar(require("node:assert/strict"));
const node_fs_1 = require("node:fs");
const path = __importStar(require("node:path"));
const ROOT = path.resolve(__dirname, '../../..');
const SRC = path.join(ROOT, 'src');
const CORE = path.join(SRC, 'core');
const FORBIDDEN_DIRS = ['extension', 'cli'].map((d) => path.join(SRC, d));
const SOURCE_EXT = /\.(ts|tsx|mts|cts|js|mjs|cjs)$/;
// Module specifiers in `import … from 'x'`, `export … from 'x'`, `import 'x'`, `import('x')`,
// `require('x')` and `import x = require('x')`, with any quotes and whitespace (also across lines).
const SPECIFIER_RES = [
    /\bfrom\s*(['"`])([^'"`\n]+)\1/g,
    /\bimport\s*(['"`])([^'"`\n]+)\1/g,
    /\bimport\s*\(\s*(['"`])([^'"`\n]+)\1\s*\)/g,
    /\brequire\s*\(\s*(['"`])([^'"`\n]+)\1\s*\)/g,
];
/** Offending imports in one core source file (`file` is its absolute path, for relative specifiers). */
function findForbiddenImports(source, file) {
    const offences = [];
    const seen = new Set();
    for (const re of SPECIFIER_RES) {
        for (const m of source.matchAll(re)) {
            const at = m.index + m[0].lastIndexOf(m[2]);
            if (seen.has(at))
                continue;
            seen.add(at);
            const specifier = m[2];
            const line = source.slice(0, at).split('\n').length;
            if (specifier === 'vscode' || specifier.startsWith('vscode/')) {
                offences.push({ line, specifier, reason: "imports 'vscode'" });
                continue;
            }
            const target = specifier.startsWith('.') ? path.resolve(path.dirname(file), specifier) : undefined;
            const bySrcPath = /(^|\/)src\/(extension|cli)(\/|$)/.test(specifier);
            const dir = FORBIDDEN_DIRS.find((d) => target !== undefined && (target === d || target.startsWith(d + path.sep)));
            if (dir || bySrcPath) {
                offences.push({ line, specifier, reason: `imports from src/${dir ? path.basename(dir) : specifier.match(/src\/(extension|cli)/)[1]}` });
            }
        }
    }
    return offences.sort((a, b) => a.line - b.line);
}
function walk(dir) {
    const files = [];
    for (const e of (0, node_fs_1.readdirSync)(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        if (e.isDirectory())
            files.push(...walk(p));
        else if (e.isFile() && SOURCE_EXT.test(e.name))
            files.push(p);
    }
    return files;
}
describe('architecture: src/core stays free of vscode, extension and cli', () => {
    describe('the import detector', () => {
        const file = path.join(CORE, 'model', 'sample.ts');
        const flagged = (source) => findForbiddenImports(source, file).map((o) => o.specifier);
        it('finds every way of loading vscode', () => {
            const samples = [
                "import * as vscode from 'vscode';",
                'import { window } from "vscode";',
                "import type { Uri } from 'vscode';",
                "import 'vscode';",
                "export { Uri } from 'vscode';",
                "const vscode = require('vscode');",
                'const vscode = require ( "vscode" );',
                "import vscode = require('vscode');",
                "const vscode = await import('vscode');",
                'const vscode = await import ( "vscode" );',
                'import {\n  window,\n  workspace,\n} from \'vscode\';',
                "import { x } from 'vscode/lib/something';",
            ];
            for (const s of samples)
                assert.deepEqual(flagged(s), [s.includes('vscode/lib') ? 'vscode/lib/something' : 'vscode'], s);
        });
        it('finds imports from src/extension and src/cli, relative or by path', () => {
            assert.deepEqual(flagged("import { log } from '../../extension/log';"), ['../../extension/log']);
            assert.deepEqual(flagged("import { main } from '../../cli/main';"), ['../../cli/main']);
            assert.deepEqual(flagged("const m = require('../../extension');"), ['../../extension']);
            assert.deepEqual(flagged("const m = await import('../../cli/main.js');"), ['../../cli/main.js']);
            assert.deepEqual(flagged("import { x } from 'src/extension/modelService';"), ['src/extension/modelService']);
        });
        it('reports the line of each offence', () => {
            const source = "// header\nimport { parse } from 'yaml';\n\nimport * as vscode from 'vscode';\nconst e = require('../../extension/log');\n";
            assert.deepEqual(findForbiddenImports(source, file), [
                { line: 4, specifier: 'vscode', reason: "imports 'vscode'" },
                { line: 5, specifier: '../../extension/log', reason: 'imports from src/extension' },
            ]);
        });
        it('lets ordinary imports and mentions of vscode through', () => {
            const clean = [
                "import { parse } from 'yaml';",
                "import { readText } from '../fs';",
                "import { VscodeLike } from './vscodeFileSystem';",
                "import { x } from '../../core/extension-points';",
                "import { URI } from 'vscode-uri';",
                "import * as cli from './cli';",
                "// the extension passes one over vscode.workspace.fs",
                "const name = 'vscode';",
                "log('loaded from vscode');",
            ];
            for (const s of clean)
                assert.deepEqual(flagged(s), [], s);
        });
    });
    describe('src/core', () => {
        let files;
        before(() => {
            files = walk(CORE);
        });
        it('is found and walked recursively', () => {
            const rel = files.map((f) => path.relative(ROOT, f).split(path.sep).join('/'));
            assert.ok(rel.includes('src/core/model/loader.ts'), 'src/core/model/loader.ts');
            assert.ok(rel.includes('src/core/yaml.ts'), 'src/core/yaml.ts');
            assert.ok(rel.length >= 8, `only ${rel.length} files under src/core`);
        });
        it('the same check does flag real files that load vscode (src/extension)', () => {
            const extensionFiles = walk(path.join(SRC, 'extension'));
            const flaggedFiles = extensionFiles.filter((f) => findForbiddenImports((0, node_fs_1.readFileSync)(f, 'utf8'), f).some((o) => o.specifier === 'vscode'));
            assert.ok(flaggedFiles.length > 0, 'no file under src/extension imports vscode?');
        });
        it("never imports 'vscode', src/extension or src/cli", () => {
            const offences = [];
            for (const f of files) {
                for (const o of findForbiddenImports((0, node_fs_1.readFileSync)(f, 'utf8'), f)) {
                    offences.push(`${path.relative(ROOT, f)}:${o.line}: ${o.reason} ('${o.specifier}')`);
                }
            }
            assert.deepEqual(offences, [], `src/core must run without VS Code:\n${offences.join('\n')}`);
        });
    });
});
//# sourceMappingURL=architecture.test.js.map