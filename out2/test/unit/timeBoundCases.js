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
exports.TIME_BOUNDS = exports.LONG_PATH = exports.LONG_NAME = exports.HOSTILE_IGNORE_FILE = exports.HOSTILE_GLOB = void 0;
exports.hostileUserCatalogueText = hostileUserCatalogueText;
exports.megabyteLineFiles = megabyteLineFiles;
exports.manyAliasesModel = manyAliasesModel;
exports.naiveRegexVersusGlob = naiveRegexVersusGlob;
// The speed bounds that used to be wall-clock asserts in unit tests. A time limit fails on a busy
// machine however correct the code is, so the unit tests keep only what is deterministic (results,
// size caps, operation counts; mocha's timeout stops a hang) and `npm run bench -- --only bounds`
// times these same workloads against their targets.
// Each workload checks its own result, so the bench never times a path that went wrong early.
const node_fs_1 = require("node:fs");
const path = __importStar(require("node:path"));
const glob_1 = require("../../src/core/glob");
const hover_1 = require("../../src/core/guidance/hover");
const loader_1 = require("../../src/core/model/loader");
const catalogue_1 = require("../../src/core/scan/detect/catalogue");
const toolMatch_1 = require("../../src/core/scan/detect/toolMatch");
const configFiles_1 = require("../../src/core/scan/discover/configFiles");
const ignore_1 = require("../../src/core/scan/discover/ignore");
const azure_1 = require("../../src/core/scan/ci/azure");
const bitbucket_1 = require("../../src/core/scan/ci/bitbucket");
const circleci_1 = require("../../src/core/scan/ci/circleci");
const github_1 = require("../../src/core/scan/ci/github");
const gitlab_1 = require("../../src/core/scan/ci/gitlab");
const folderScan_1 = require("../../src/core/scan/folderScan");
const memoryFs_1 = require("./memoryFs");
const scanHelpers_1 = require("./scanHelpers");
function check(ok, what) {
    if (!ok)
        throw new Error(`time-bound workload gave a wrong result: ${what}`);
}
/** The hostile ignore patterns of ignore.test.ts: 8 stars and a trailing class against 20,000-character names. */
exports.HOSTILE_GLOB = '*a*a*a*a*a*a*a*a*[b]';
exports.HOSTILE_IGNORE_FILE = `${exports.HOSTILE_GLOB}\n**/${exports.HOSTILE_GLOB}\n**/*a*a*a*a*a**/**a*a*a*a*[c]\na/**/**/**/**/**/**/**/[z]\n`;
exports.LONG_NAME = 'a'.repeat(20000);
exports.LONG_PATH = Array.from({ length: 100 }, () => 'a'.repeat(100)).join('/');
/** A user catalogue of patterns that backtrack badly (hostile-input.test.ts). */
function hostileUserCatalogueText() {
    return `schemaVersion: 1\nprobes:\n  - id: evil\n    title: Evil\n    traits: { failsBuild: control, qualifies: false }\n    tools:\n      - name: E\n        run:\n          - program: tool\n            subcommands: ["${'... a '.repeat(12)}... b"]\n            anyArgs: ["*a*a*a*a*a*a*a*a*a*a*b"]\n        configFiles: ["${'**/'.repeat(12)}zz.toml", "${'*a'.repeat(20)}*b"]\n`;
}
/** Makefile, workflow and Jenkinsfile lines of 400 KB of spaces or backslashes (hostile-input.test.ts). */
function megabyteLineFiles() {
    const run = (unit) => unit.repeat(Math.floor(400_000 / unit.length)) + 'x';
    return {
        '.github/workflows/good.yml': 'on: [push]\njobs:\n  scan:\n    runs-on: ubuntu-latest\n    steps:\n      - run: gitleaks detect --source .\n',
        Makefile: `scan:\n\t${run(' ')}\n\t${run('\\')}\n`,
        '.github/workflows/make.yml': `on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      - run: make scan\n      - run: ${JSON.stringify(run(' \t'))}\n`,
        Jenkinsfile: `pipeline { stages { stage('x') { steps { sh "${run(' ')}" } } } }\n`,
    };
}
/** More than MAX_ALIASES aliases in a model file (model-loader.test.ts). */
function manyAliasesModel() {
    let text = 'Build and Deployment:\n  Build:\n    A:\n      uuid: 00000000-0000-4000-8000-00000000000a\n      level: 1\n      risk: &r text\n      tags:\n';
    for (let i = 0; i < 20_000; i++)
        text += '        - *r\n';
    return text;
}
const CI_PARSERS = [github_1.parseGithubWorkflow, github_1.parseGithubAction, gitlab_1.parseGitlabCi, azure_1.parseAzurePipelines, circleci_1.parseCircleCi, bitbucket_1.parseBitbucketPipelines];
exports.TIME_BOUNDS = [
    {
        name: 'hover: 2400 hovers on a workflow',
        formerTest: 'guidance-hover › is cheap: hovering every line of a file takes little time',
        targetMs: 2000,
        async prepare() {
            const { index, result } = await (0, scanHelpers_1.scanDir)(scanHelpers_1.DEMO);
            const entry = index.get('.github/workflows/ci.yml');
            check(!!entry, 'the demo workflow is indexed');
            return () => {
                let shown = 0;
                for (let i = 0; i < 20; i++)
                    for (let line = 1; line <= 120; line++)
                        if ((0, hover_1.hoverAt)(result, entry, line, 5, { targetLevel: 3 }))
                            shown++;
                check(shown > 0, 'some lines have a hover');
            };
        },
    },
    {
        name: 'model: parse the bundled model',
        formerTest: 'model-loader › parses in well under a few seconds',
        targetMs: 5000,
        prepare() {
            const text = (0, node_fs_1.readFileSync)(path.join(scanHelpers_1.REPO_ROOT, 'model/dsomm-model.yaml'), 'utf8');
            return () => check((0, loader_1.parseModel)(text, 'bundled').activities.size > 100, 'the bundled model has its activities');
        },
    },
    {
        name: 'model: a billion-laughs file',
        formerTest: 'model-loader › does not expand a billion-laughs file',
        targetMs: 2000,
        prepare() {
            const file = path.join(scanHelpers_1.REPO_ROOT, 'test/fixtures/models/broken/billion-laughs.yaml');
            const text = (0, node_fs_1.readFileSync)(file, 'utf8');
            return () => {
                try {
                    const model = (0, loader_1.parseModel)(text, file);
                    check(model.warnings.some((w) => /alias/i.test(w.message)), 'a warning names the aliases');
                }
                catch (e) {
                    check(e instanceof loader_1.ModelError, String(e));
                }
            };
        },
    },
    {
        name: `model: more than ${loader_1.MAX_ALIASES} aliases`,
        formerTest: 'model-loader › refuses a file with more than N aliases quickly',
        targetMs: 3000,
        prepare() {
            const text = manyAliasesModel();
            return () => {
                try {
                    (0, loader_1.parseModel)(text, 'aliases.yaml');
                }
                catch (e) {
                    check(e instanceof loader_1.ModelError && e.line === 8 + loader_1.MAX_ALIASES, String(e));
                    return;
                }
                check(false, 'the file is refused');
            };
        },
    },
    {
        name: 'CI parsers: billion laughs, each of 6 parsers',
        formerTest: 'ci-yaml-parsers › <parser>: billion laughs is refused quickly with a located problem',
        targetMs: 3000,
        prepare() {
            const text = (0, node_fs_1.readFileSync)(path.join(scanHelpers_1.REPO_ROOT, 'test/fixtures/ci/problems/bomb.yml'), 'utf8');
            return () => {
                for (const parse of CI_PARSERS)
                    check(parse('bomb.yml', text).problems.some((p) => /alias/i.test(p.message)), `${parse.name} reports the aliases`);
            };
        },
    },
    {
        name: 'ignore: hostile patterns against 20,000-character names',
        formerTest: 'ignore › a hostile pattern against long names and paths stays fast',
        targetMs: 5000,
        prepare() {
            return () => {
                const g = new ignore_1.Glob(exports.HOSTILE_GLOB);
                check(!g.match(exports.LONG_NAME) && g.match(exports.LONG_NAME + 'b'), 'the glob answers');
                check(!new ignore_1.Glob('*a*a*a*a*a*a*a*a*b').match(exports.LONG_NAME), 'the plain-suffix glob answers');
                const m = new ignore_1.IgnoreMatcher();
                m.addIgnoreFile('', exports.HOSTILE_IGNORE_FILE);
                check(!m.isIgnored(exports.LONG_PATH, false) && m.isIgnored(exports.LONG_PATH + 'b', false), 'the ignore file answers');
                check(m.isIgnored(`a/${exports.LONG_PATH}/z`, false) && !m.isIgnored(`a/${exports.LONG_PATH}/y`, false), 'the ** pattern answers');
            };
        },
    },
    {
        name: 'ignore: a 41-token pattern against 20,000 characters',
        formerTest: 'ignore › long patterns (the state-list simulation) are linear too',
        targetMs: 2000,
        prepare() {
            const g = new ignore_1.Glob('*a'.repeat(20) + '[b]');
            return () => check(!g.match('a'.repeat(20000)), 'no match');
        },
    },
    {
        name: 'catalogue: wildcard with 10 stars against 5,000 characters',
        formerTest: 'catalogue › wildcards run in linear time on hostile input',
        targetMs: 500,
        prepare() {
            return () => check(!(0, glob_1.wildcardMatch)('*a*a*a*a*a*a*a*a*a*a*b', 'a'.repeat(5000)), 'no match');
        },
    },
    {
        name: 'hostile input: a user catalogue of backtracking patterns',
        formerTest: 'hostile-input › a hostile user catalogue pattern cannot freeze matching',
        targetMs: 5000,
        prepare() {
            const cat = (0, catalogue_1.mergeCatalogues)((0, scanHelpers_1.bundled)().data.catalogue, (0, catalogue_1.loadCatalogue)(hostileUserCatalogueText(), 'evil.yaml'));
            const deep = Array(60).fill('d').join('/');
            return async () => {
                check((0, toolMatch_1.matchInvocation)(cat, { kind: 'run', program: 'tool', args: Array(5000).fill('a'), line: 1 }).length === 0, 'no tool matched');
                check((0, toolMatch_1.matchConfigFile)(cat, `${deep}/x.toml`).length === 0 && (0, toolMatch_1.matchConfigFile)(cat, 'a'.repeat(3000)).length === 0, 'no config file matched');
                const recorder = new configFiles_1.ConfigFileRecorder(new memoryFs_1.MemoryFileSystem({ [`${deep}/x.toml`]: '', [`${deep}/${'a'.repeat(200)}`]: '' }), cat);
                await recorder.readDirectory(deep);
                check(recorder.paths().length === 0, 'no config file recorded');
            };
        },
    },
    {
        name: 'hostile input: scan of 400 KB lines of spaces and backslashes',
        formerTest: 'hostile-input › megabyte-long lines of spaces or backslashes are read in linear time',
        targetMs: 20000,
        prepare() {
            const files = megabyteLineFiles();
            const { model, data } = (0, scanHelpers_1.bundled)();
            return async () => {
                const { result } = await (0, folderScan_1.scanFolder)(new memoryFs_1.MemoryFileSystem(files), '/ws', model, data);
                check(!!result.probes.find((p) => p.id === 'secret-scan')?.evidence.length, 'the good workflow is still read');
            };
        },
    },
];
/**
 * Why the ignore workloads are hostile: V8's backtracking regex for the same 8-star pattern on 24
 * characters against ten runs of our matcher (ignore.test.ts held this as a timed sanity check).
 */
function naiveRegexVersusGlob() {
    const naive = /^[^/]*a[^/]*a[^/]*a[^/]*a[^/]*a[^/]*a[^/]*a[^/]*a[^/]*[b]$/;
    const text = 'a'.repeat(24);
    const t0 = performance.now();
    check(!naive.test(text), 'the regex does not match');
    const naiveMs = performance.now() - t0;
    const t1 = performance.now();
    for (let i = 0; i < 10; i++)
        check(!new ignore_1.Glob(exports.HOSTILE_GLOB).match(text), 'the glob does not match');
    return { naiveMs, globMs: performance.now() - t1 };
}
//# sourceMappingURL=timeBoundCases.js.map