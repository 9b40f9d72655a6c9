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
exports.PROPERTIES = exports.MAX_CASE_MS = void 0;
exports.newCounter = newCounter;
exports.targets = targets;
exports.applyEdits = applyEdits;
exports.scanProperty = scanProperty;
exports.progressProperty = progressProperty;
exports.hostileShapeProperty = hostileShapeProperty;
exports.dockerfileBoundProperty = dockerfileBoundProperty;
exports.runFuzz = runFuzz;
// Property-based fuzzing of everything that reads workspace content: random and mutated
// pipeline, Jenkinsfile, Dockerfile, compose, Kubernetes and progress files go through the
// parsers, the whole scan (walk, index, facts, probes, rules) and the progress store.
// Properties: no exception escapes (the progress store may only throw ProgressFileError, and
// then leaves the file as it was). Each case's time is recorded, not asserted (a time limit fails
// on a busy machine): `npm run fuzz` prints the slowest case of each property and
// `npm run bench -- --only bounds` holds it against MAX_CASE_MS; a real hang stops at mocha's timeout.
// Shared by fuzz.test.ts (a few seeded cases in `npm test`), scripts/fuzz.mjs (`npm run fuzz`) and the bench.
const fc = __importStar(require("fast-check"));
const node_fs_1 = require("node:fs");
const path = __importStar(require("node:path"));
const progress_1 = require("../../src/core/progress");
const parseFile_1 = require("../../src/core/scan/parse/parseFile");
const dockerfile_1 = require("../../src/core/scan/parse/containers/dockerfile");
const folderScan_1 = require("../../src/core/scan/folderScan");
const fs_1 = require("../../src/core/fs");
const memoryFs_1 = require("./memoryFs");
const scanHelpers_1 = require("./scanHelpers");
/** The bench's target for the slowest case of a property. */
exports.MAX_CASE_MS = 5_000;
function newCounter() {
    return { cases: 0, slowestMs: 0, slowest: '' };
}
function filesUnder(rel, accept) {
    const out = [];
    const walk = (dir) => {
        for (const name of (0, node_fs_1.readdirSync)(dir)) {
            const p = path.join(dir, name);
            if ((0, node_fs_1.statSync)(p).isDirectory())
                walk(p);
            else if (accept(name))
                out.push((0, node_fs_1.readFileSync)(p, 'utf8'));
        }
    };
    walk(path.join(scanHelpers_1.REPO_ROOT, rel));
    return out;
}
let targetsCache;
function targets() {
    if (targetsCache)
        return targetsCache;
    const yaml = (n) => /\.ya?ml$/.test(n);
    const workflows = filesUnder('test/fixtures/ci/github', yaml);
    targetsCache = [
        { path: '.github/workflows/ci.yml', kind: 'github-workflow', corpus: [...workflows, ...filesUnder('test/fixtures/ci/problems', yaml)] },
        { path: '.gitlab-ci.yml', kind: 'gitlab-ci', corpus: filesUnder('test/fixtures/ci/gitlab', yaml) },
        { path: 'azure-pipelines.yml', kind: 'azure-pipelines', corpus: filesUnder('test/fixtures/ci/azure', yaml) },
        { path: '.circleci/config.yml', kind: 'circleci', corpus: filesUnder('test/fixtures/ci/circleci', yaml) },
        { path: 'bitbucket-pipelines.yml', kind: 'bitbucket-pipelines', corpus: filesUnder('test/fixtures/ci/bitbucket', yaml) },
        { path: 'Jenkinsfile', kind: 'jenkinsfile', corpus: filesUnder('test/fixtures/jenkins', () => true) },
        { path: 'Dockerfile', kind: 'dockerfile', corpus: filesUnder('test/fixtures/containers', (n) => n === 'Dockerfile') },
        { path: 'compose.yaml', kind: 'compose', corpus: filesUnder('test/fixtures/containers/compose', yaml) },
        { path: 'deploy/app.yaml', kind: 'kubernetes', corpus: filesUnder('test/fixtures/containers/k8s', yaml) },
    ];
    return targetsCache;
}
/** Pieces that YAML, Groovy and Dockerfile parsers find interesting. */
const TOKENS = [
    '&a ', '*a', '<<: *a\n', '!!js/function ', '!reference [a, b]', '[', ']', '{', '}', '\t', '\0', '\r\n', '\n- ', ': ', '"', "'",
    '|\n', '>-\n', '#', '---\n', '...\n', '__proto__: {x: 1}\n', 'constructor:\n', '${{ x }}', '$(', '`', '\\', '\ufeff', '\ud800',
    'RUN ', 'FROM ', 'USER root\n', ' && ', ' | sh\n', 'stage(', 'steps {', "sh '", '"""', 'uses: x/y@v1\n', 'run: |\n  trivy fs .\n',
    'image: ', 'jobs:\n', 'script:\n  - ', 'extends: ', 'include: ', '@', '0o777', '~', 'null', '1e309',
];
const edit = fc.oneof(fc.record({ op: fc.constant('insert'), at: fc.nat(), text: fc.oneof(fc.constantFrom(...TOKENS), fc.string({ maxLength: 12 }), fc.string({ unit: 'binary', maxLength: 6 })) }), fc.record({ op: fc.constant('delete'), at: fc.nat(), length: fc.nat({ max: 40 }) }), fc.record({ op: fc.constant('duplicate'), at: fc.nat(), length: fc.nat({ max: 200 }) }), fc.record({ op: fc.constant('swapLines'), a: fc.nat(), b: fc.nat() }));
function applyEdits(text, edits) {
    let t = text;
    for (const e of edits) {
        const at = t.length === 0 ? 0 : ('at' in e ? e.at % (t.length + 1) : 0);
        if (e.op === 'insert')
            t = t.slice(0, at) + e.text + t.slice(at);
        else if (e.op === 'delete')
            t = t.slice(0, at) + t.slice(at + e.length);
        else if (e.op === 'duplicate')
            t = t.slice(0, at + e.length) + t.slice(at, at + e.length) + t.slice(at + e.length);
        else {
            const lines = t.split('\n');
            const a = e.a % lines.length;
            const b = e.b % lines.length;
            [lines[a], lines[b]] = [lines[b], lines[a]];
            t = lines.join('\n');
        }
    }
    return t;
}
/** Mutated corpus files, and now and then pure noise. */
function contentOf(corpus) {
    return fc.oneof({ weight: 8, arbitrary: fc.tuple(fc.constantFrom(...corpus), fc.array(edit, { maxLength: 10 })).map(([base, edits]) => applyEdits(base, edits)) }, { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 400 }) }, { weight: 1, arbitrary: fc.array(fc.constantFrom(...TOKENS), { maxLength: 60 }).map((ts) => ts.join('')) });
}
/** CPU time (user + system) since `started`: steadier than wall time on a busy machine. */
function recordTime(counter, what, started) {
    const used = process.cpuUsage(started);
    const ms = (used.user + used.system) / 1000;
    if (ms > counter.slowestMs)
        Object.assign(counter, { slowestMs: ms, slowest: what });
}
/** One mutated file of one kind: its parser, then a whole scan of a workspace holding it. */
function scanProperty(counter = newCounter()) {
    const ts = targets();
    const arb = fc.nat({ max: ts.length - 1 }).chain((i) => fc.tuple(fc.constant(i), contentOf(ts[i].corpus)));
    return fc.asyncProperty(arb, async ([i, text]) => {
        counter.cases++;
        const t = ts[i];
        const started = process.cpuUsage();
        (0, parseFile_1.parseFile)(t.kind, t.path, text);
        const { model, data } = (0, scanHelpers_1.bundled)();
        const fs = new memoryFs_1.MemoryFileSystem({ [t.path]: text, Makefile: 'scan:\n\ttrivy fs .\n' });
        const { result } = await (0, folderScan_1.scanFolder)(fs, '/fuzz', model, data);
        // Kubernetes manifests are recognised by content; the other kinds by name, so they must be listed.
        if (t.kind !== 'kubernetes' && !result.files.some((f) => f.path === t.path))
            throw new Error(`${t.path} was not listed`);
        recordTime(counter, `scan of ${t.path}`, started);
    });
}
const PROGRESS_CORPUS = [
    `progress:\n  f6f7737f-25a9-4317-8de2-09bf59f29b5b:  # Defined build process\n    'Team A':\n      'Started': 2025-10-01\n      'Fully implemented': 2025-11-15\n    Team B: {Started: 2026-01-12}\n`,
    `# header\nprogress:\n  u1:\n    T:\n      Started: "2026-01-01T10:00:00Z"\nextra: [1, 2]\n`,
    `evidence:\n  u1:\n    - id: 7d3a4c1e-1111-4222-8333-444455556666\n      teams: [T, Team B]\n      title: Pentest\n      description: |\n        text\n      evidenceRecorded: 2026-01-31\n`,
];
/** Progress and evidence files: parse, then edit through the store; never corrupt, never an unexpected exception. */
function progressProperty(counter = newCounter()) {
    return fc.asyncProperty(contentOf(PROGRESS_CORPUS), fc.boolean(), async (text, asEvidence) => {
        counter.cases++;
        const started = process.cpuUsage();
        const settings = (0, progress_1.resolveProgressSettings)({ team: 'T' });
        const file = asEvidence ? settings.evidenceFile : settings.file;
        let parses = true;
        try {
            // As the store reads the file: UTF-8 bytes, a leading BOM dropped.
            const decoded = (0, fs_1.decodeText)(new TextEncoder().encode(text));
            if ('error' in decoded)
                throw new progress_1.ProgressFileError(file, decoded.error, 'encoding');
            if (asEvidence)
                (0, progress_1.parseEvidenceText)(decoded.text, file);
            else
                (0, progress_1.parseProgressText)(decoded.text, file);
        }
        catch (e) {
            if (!(e instanceof progress_1.ProgressFileError))
                throw e;
            parses = false;
        }
        const fs = new memoryFs_1.MemoryFileSystem({ [file]: text });
        const before = fs.files.get(file).data;
        try {
            if (asEvidence)
                await (0, progress_1.setNotApplicable)(fs, settings, 'u1', { reason: 'fuzz' }, undefined, '2026-03-01');
            else
                await (0, progress_1.setState)(fs, settings, 'u1', 'Started', undefined, '2026-03-01');
        }
        catch (e) {
            if (!(e instanceof progress_1.ProgressFileError))
                throw e;
            if (fs.files.get(file).data !== before)
                throw new Error('the file was replaced although saving failed', { cause: e });
            return recordTime(counter, 'progress edit', started);
        }
        if (!parses && fs.files.get(file).data !== before)
            throw new Error('a file that does not parse was overwritten');
        // What was written reads back.
        const after = fs.text(file);
        if (asEvidence)
            (0, progress_1.parseEvidenceText)(after, file);
        else if (!(0, progress_1.parseProgressText)(after, file).activities.get('u1')?.teams.has('T'))
            throw new Error('the edit is not in the file');
        recordTime(counter, 'progress edit', started);
    });
}
/**
 * The shapes of issue 17, sized at random: wide maps (compose services, workflow jobs), long
 * `**\/`-chained and many ignore patterns, deep nesting in a Jenkins GString and a shell `$(`,
 * huge Dockerfile RUN instructions (one line, continued lines, a heredoc).
 * Each whole scan must finish without an exception.
 */
function hostileShapeProperty(counter = newCounter()) {
    const shapes = [
        (n) => ({ 'compose.yaml': 'services:\n' + Array.from({ length: n }, (_, i) => `  s${i}:\n    image: a\n`).join('') }),
        (n) => ({ '.github/workflows/w.yml': 'on: push\njobs:\n' + Array.from({ length: n * 2 }, (_, i) => ` j${i}: {}\n`).join('') }),
        (n) => ({ '.gitignore': '**/'.repeat(n) + 'q\n' + Array.from({ length: n }, (_, i) => `a${i}/**/b*c?[de]\n`).join(''), Dockerfile: 'FROM alpine\n' }),
        (n) => ({ Jenkinsfile: `pipeline { agent any\n stages { stage('a') { steps { sh "${'${"'.repeat(n)}x${'"}'.repeat(n)}" } } } }\n` }),
        (n) => ({ '.github/workflows/d.yml': `on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      - run: echo "${'$("'.repeat(n)}x${'")'.repeat(n)}"\n` }),
        (n) => ({ Dockerfile: `FROM alpine\nRUN echo "${'$("'.repeat(n)}x${'")'.repeat(n)}"\nRUN trivy fs .\n` }),
        (n) => ({ Dockerfile: `FROM alpine\nRUN ${'echo a && '.repeat(n * 30)}true\nUSER app\n` }),
        (n) => ({ Dockerfile: `FROM alpine\nRUN ${'echo a && \\\n  '.repeat(n * 20)}true\nUSER app\n` }),
        (n) => ({ Dockerfile: `FROM alpine\nRUN <<EOF\n${'echo a && echo b\n'.repeat(n * 15)}EOF\nUSER app\n` }),
    ];
    return fc.asyncProperty(fc.nat({ max: shapes.length - 1 }), fc.integer({ min: 1, max: 1500 }), async (shape, n) => {
        counter.cases++;
        const { model, data } = (0, scanHelpers_1.bundled)(); // loaded once, outside the timed part
        const files = shapes[shape](n);
        const started = process.cpuUsage();
        await (0, folderScan_1.scanFolder)(new memoryFs_1.MemoryFileSystem(files), '/fuzz', model, data);
        recordTime(counter, `hostile shape ${shape} of size ${n}`, started);
    });
}
/** Pieces of Dockerfiles: continuations, blank lines, heredocs, flags, JSON form, CRLF (no escapes inside words). */
const DOCKERFILE_PIECES = [
    'FROM alpine:3.19 AS build\n', 'FROM build\n', 'RUN apk add curl git\n', 'RUN --mount=type=cache,target=/c make \\\n  all \\\n\n  test\n',
    'RUN <<EOF\necho one\n  two three\nEOF\n', 'RUN <<-A cat <<B\n\tx y\n\tA\nz\nB\n', 'COPY <<EOF /etc/x\nk = v\nEOF\n', 'CMD ["node", "a.js"]\n',
    'ENTRYPOINT exec node a.js\n', 'ADD https://example.com/a.tgz /opt/\n', 'USER 10001\n', '# a comment\n', '\n', 'ENV A=1 B=2\n',
    'RUN a \\   \n  b c \\\n  d\n', 'ONBUILD RUN <<EOF\nRUN x\nEOF\n', 'RUN <<EOF\nunterminated\n', 'HEALTHCHECK CMD curl -f http://x/\n', 'RUN a\r\n',
];
/**
 * Huge Dockerfile instructions are shown to dockerfile-ast with their words past a limit blanked
 * (see parseDockerfile): with the limit at 1 every instruction is bounded, and the facts read must
 * be the ones the full reading gives (argument text compared with runs of blanks as one).
 */
function dockerfileBoundProperty(counter = newCounter()) {
    const facts = (text, limit) => {
        const f = (0, dockerfile_1.parseDockerfile)('Dockerfile', text, limit);
        return JSON.stringify({ ...f, stages: f.stages.map((st) => ({ ...st, instructions: st.instructions.map((i) => ({ ...i, args: i.args.replace(/\s+/g, ' ').trim() })) })) });
    };
    return fc.property(fc.array(fc.constantFrom(...DOCKERFILE_PIECES), { maxLength: 12 }), fc.nat({ max: 40 }), (pieces, limit) => {
        counter.cases++;
        const text = pieces.join('');
        const full = facts(text);
        const bounded = facts(text, limit);
        if (bounded !== full)
            throw new Error(`bounded reading (limit ${limit}) differs for ${JSON.stringify(text)}:\n${bounded}\n${full}`);
    });
}
exports.PROPERTIES = [
    ['scan of mutated pipeline and container files', scanProperty],
    ['progress and evidence files through the store', progressProperty],
    ['hostile shapes: wide maps, long ignore patterns, deep nesting, huge Dockerfile instructions', hostileShapeProperty],
    ['huge Dockerfile instructions: the bounded reading gives the full reading', dockerfileBoundProperty],
];
/** Runs each property `runs` times from `seed`; throws (with fast-check's counterexample and seed) on a failure. */
async function runFuzz(runs, seed, log = () => undefined) {
    const out = [];
    for (const [property, make] of exports.PROPERTIES) {
        const counter = newCounter();
        await fc.assert(make(counter), { numRuns: runs, seed });
        const r = { property, seed, ...counter };
        log(r);
        out.push(r);
    }
    return out;
}
//# sourceMappingURL=fuzzCases.js.map