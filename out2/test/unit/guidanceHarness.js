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
exports.SUPPORT_FILES = exports.CANONICAL_PATH = exports.DEMO = exports.GUIDANCE_FIXTURES = exports.ROOT = void 0;
exports.bundled = bundled;
exports.scanDir = scanDir;
exports.tempWorkspace = tempWorkspace;
exports.writeFiles = writeFiles;
exports.cleanTempWorkspaces = cleanTempWorkspaces;
exports.fixture = fixture;
exports.toCrlf = toCrlf;
// Shared setup for the guidance tests: the bundled model, catalogue, rules and fixes (parsed
// once), temporary workspaces, and one call that indexes and evaluates a folder.
const fs = __importStar(require("node:fs"));
const os = __importStar(require("node:os"));
const path = __importStar(require("node:path"));
const loader_1 = require("../../src/core/model/loader");
const nodeFileSystem_1 = require("../../src/core/nodeFileSystem");
const folderScan_1 = require("../../src/core/scan/folderScan");
const scan_1 = require("../../src/core/scan/scan");
const fixCatalogue_1 = require("../../src/core/guidance/fixCatalogue");
exports.ROOT = path.resolve(__dirname, '../../..');
exports.GUIDANCE_FIXTURES = path.join(exports.ROOT, 'test/fixtures/guidance');
exports.DEMO = path.join(exports.ROOT, 'test/fixtures/demo-workspace');
let bundledData;
function bundled() {
    if (!bundledData) {
        const read = (f) => fs.readFileSync(path.join(exports.ROOT, 'model', f), 'utf8');
        bundledData = {
            model: (0, loader_1.parseModel)(read('dsomm-model.yaml'), 'bundled'),
            data: (0, scan_1.loadDetectionData)(read('probes.yaml'), 'probes.yaml', read('rules.yaml'), 'rules.yaml'),
            fixes: (0, fixCatalogue_1.loadFixes)(read('fixes.yaml'), 'fixes.yaml'),
        };
    }
    return bundledData;
}
async function scanDir(dir) {
    const { model, data } = bundled();
    const { scan, result } = await (0, folderScan_1.scanFolder)(new nodeFileSystem_1.NodeFileSystem(dir), dir, model, data);
    return { index: scan.index, result };
}
const made = [];
/** A fresh folder with these files (root-relative path → content). */
function tempWorkspace(files) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dsomm-guidance-'));
    made.push(dir);
    writeFiles(dir, files);
    return dir;
}
function writeFiles(dir, files) {
    for (const [rel, content] of Object.entries(files)) {
        const abs = path.join(dir, rel);
        fs.mkdirSync(path.dirname(abs), { recursive: true });
        fs.writeFileSync(abs, content);
    }
}
function cleanTempWorkspaces() {
    for (const d of made.splice(0))
        fs.rmSync(d, { recursive: true, force: true });
}
function fixture(rel) {
    return fs.readFileSync(path.join(exports.GUIDANCE_FIXTURES, rel), 'utf8');
}
function toCrlf(text) {
    return text.replace(/\r?\n/g, '\r\n');
}
/** Where each dialect's file lives in a workspace. */
exports.CANONICAL_PATH = {
    'github-workflow': '.github/workflows/ci.yml',
    'gitlab-ci': '.gitlab-ci.yml',
    'azure-pipelines': 'azure-pipelines.yml',
    jenkinsfile: 'Jenkinsfile',
    circleci: '.circleci/config.yml',
    'bitbucket-pipelines': 'bitbucket-pipelines.yml',
    cloudbuild: 'cloudbuild.yaml',
    codebuild: 'buildspec.yml',
    buildkite: '.buildkite/pipeline.yml',
    drone: '.drone.yml',
    woodpecker: '.woodpecker.yml',
    dockerfile: 'Dockerfile',
    compose: 'docker-compose.yml',
    kubernetes: 'k8s/app.yaml',
};
/** Files every fix workspace has, so that Dockerfile, npm and pip templates apply. */
exports.SUPPORT_FILES = {
    'app/Dockerfile': 'FROM node:20.11-bookworm-slim\nWORKDIR /app\nCOPY . .\nUSER 10001\nCMD ["node", "server.js"]\n',
    'app/package.json': '{\n  "name": "app",\n  "version": "1.0.0",\n  "scripts": { "test": "node --test" }\n}\n',
    'app/package-lock.json': '{\n  "name": "app",\n  "version": "1.0.0",\n  "lockfileVersion": 3,\n  "packages": {}\n}\n',
    'worker/requirements.txt': 'requests==2.32.3\n',
};
//# sourceMappingURL=guidanceHarness.js.map