"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.codeBuildDialect = void 0;
exports.parseCodeBuildSpec = parseCodeBuildSpec;
// AWS CodeBuild (buildspec.yml): one build whose `phases` (install, pre_build, build,
// post_build) run shell `commands` and `finally` blocks in one container. A phase with
// `on-failure: CONTINUE` can fail without failing the build. Batch builds name further buildspec
// files of the repository (`batch.build-list[].buildspec`), read here as part of this build.
const yaml_1 = require("../../yaml");
const common_1 = require("./common");
const dialect_1 = require("./dialect");
const PHASES = ['install', 'pre_build', 'build', 'post_build'];
function parseCodeBuildSpec(path, text) {
    const file = (0, common_1.emptyCiFile)('codebuild', path);
    (0, common_1.guard)(file.problems, 'the buildspec', () => {
        const ctx = (0, common_1.openYaml)(file, text).find((d) => (0, yaml_1.isMap)(d.doc.contents));
        if (!ctx)
            return;
        const root = ctx.doc.contents;
        const env = (0, common_1.get)(ctx, root, 'env');
        Object.assign(file.env, (0, common_1.envMap)(ctx, (0, common_1.get)(ctx, env, 'variables')));
        const phases = (0, common_1.entry)(ctx, root, 'phases');
        const batch = (0, common_1.entry)(ctx, root, 'batch');
        for (const group of ['build-list', 'build-graph']) {
            for (const b of (0, common_1.items)(ctx, (0, common_1.get)(ctx, batch?.value, group))) {
                const spec = (0, common_1.locatedScalar)(ctx, (0, common_1.get)(ctx, b, 'buildspec'));
                if (spec && /\.ya?ml$/i.test(spec.value) && !/^[a-z]+:/i.test(spec.value)) {
                    (0, common_1.addReference)(file, { kind: 'local-include', ref: spec.value, loc: spec.loc, localPath: (0, common_1.normalizePath)(spec.value) });
                }
            }
        }
        if (!phases) {
            if (batch) {
                file.anchor = (0, common_1.keyLoc)(ctx, batch);
                return;
            }
            const first = (0, common_1.entries)(ctx, root)[0];
            if (first)
                file.anchor = (0, common_1.keyLoc)(ctx, first);
            file.problems.push({ message: 'The buildspec has no `phases`', line: file.anchor.line, column: file.anchor.column, severity: 'error' });
            return;
        }
        file.anchor = (0, common_1.keyLoc)(ctx, phases);
        const job = { id: 'build', loc: file.anchor, steps: [], services: [], env: {} };
        for (const p of (0, common_1.entries)(ctx, phases.value)) {
            if (!PHASES.includes(p.key)) {
                const at = (0, common_1.keyLoc)(ctx, p);
                file.problems.push({ message: `Unknown phase '${p.key}'`, line: at.line, column: at.column, severity: 'warning' });
                continue;
            }
            const onFailure = (0, common_1.entry)(ctx, p.value, 'on-failure');
            const cannotFail = onFailure && /^CONTINUE/i.test((0, common_1.str)(ctx, onFailure.value) ?? '') ? (0, common_1.keyLoc)(ctx, onFailure) : undefined;
            for (const key of ['commands', 'finally']) {
                const c = (0, common_1.entry)(ctx, p.value, key);
                if (!c)
                    continue;
                const step = { name: key === 'commands' ? p.key : `${p.key} finally`, loc: (0, common_1.keyLoc)(ctx, p), script: (0, common_1.scriptLines)(ctx, c.value), inputs: {}, env: {} };
                if (cannotFail)
                    step.cannotFail = cannotFail;
                job.steps.push(step);
            }
        }
        file.jobs.push(job);
    });
    return file;
}
exports.codeBuildDialect = (0, dialect_1.defineDialect)({
    kind: 'codebuild',
    system: 'AWS CodeBuild',
    fileLabel: 'CodeBuild buildspec',
    // Any folder: projects name their buildspec path; `buildspec-test.yml` and the like are common.
    matchesPath: (p) => p.yaml && /^buildspec([._-].+)?\.ya?ml$/.test(p.lname),
    // Buildspecs kept under other names (`buildspecs/test.yml`): a version 0.1/0.2 file with phases.
    matchesContent: (text) => /^version:[ \t]*["']?0\.[12]["']?[ \t]*(#.*)?$/m.test(text) && /^phases:[ \t]*(#.*)?$/m.test(text),
    testFolders: 'skip',
    activationGlobs: ['**/{buildspec,buildspec.*,buildspec-*,buildspec_*}.{yml,yaml}'],
    parse: parseCodeBuildSpec,
    uses: { vocabulary: 'none', evidenceLabel: 'uses' },
    localIncludes: 'fragment',
    refusesInvalidFile: true,
    // Each build runs in a fresh container.
    ephemeralJob: () => true,
    pipelineRank: 10,
    fixes: { placements: ['commands'] },
});
//# sourceMappingURL=codebuild.js.map