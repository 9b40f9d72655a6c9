"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.jenkinsDialect = void 0;
exports.parseJenkinsfile = parseJenkinsfile;
// Jenkinsfile reader: a small, tolerant tokenizer and parser for the Groovy subset pipelines use
// (declarative `pipeline { … }` and scripted `node { … }`), then a walk that turns stages into
// jobs and step calls into steps with exact positions. Never throws; unbalanced input becomes a
// FileProblem and what was parsed is kept.
const dialect_1 = require("../dialect");
const fileNames_1 = require("../../discover/fileNames");
const lexer_1 = require("./lexer");
const parser_1 = require("./parser");
const walker_1 = require("./walker");
const knownSteps_1 = require("./knownSteps");
/** Reads a Jenkinsfile (declarative or scripted). Never throws. */
function parseJenkinsfile(path, text) {
    const problems = [];
    const src = new lexer_1.Source(text);
    const w = new walker_1.Walker(path, src);
    try {
        const toks = (0, lexer_1.tokenize)(src, problems);
        const program = new parser_1.Parser(toks, src, problems).program();
        w.walkBlock(program, { declarative: false, path: [] });
    }
    catch (e) {
        problems.push({ message: `Could not read the whole Jenkinsfile: ${e?.message ?? String(e)}`, severity: 'error' });
    }
    libraryStepReferences(w);
    const anchor = w.pipelineAnchor ?? w.nodeAnchor ?? w.firstStage ?? { path, line: 1, column: 1, endLine: 1, endColumn: 1 };
    return {
        kind: 'jenkinsfile',
        path,
        anchor,
        jobs: w.jobs,
        references: w.references,
        env: w.env,
        schedules: w.schedules,
        events: w.events,
        problems,
    };
}
/**
 * Steps that are neither Jenkins' own nor of a common plugin nor a method of the file come from a
 * shared library, also when no `@Library` loads one (the controller loads it implicitly): each
 * such step is an external reference, once per step name and line.
 */
function libraryStepReferences(w) {
    const seen = new Set();
    for (const job of w.jobs) {
        for (const step of job.steps) {
            const name = step.uses?.value;
            if (!name || name.includes('.') || knownSteps_1.KNOWN_JENKINS_STEPS.has(name) || w.methods.has(name))
                continue;
            const key = `${name}:${step.uses.loc.line}:${step.uses.loc.column}`;
            if (seen.has(key))
                continue;
            seen.add(key);
            w.references.push({ kind: 'shared-library', ref: `${name} (library step)`, loc: step.uses.loc, step: name });
        }
    }
}
exports.jenkinsDialect = (0, dialect_1.defineDialect)({
    kind: 'jenkinsfile',
    system: 'Jenkins',
    fileLabel: 'Jenkinsfile',
    matchesPath: (p) => p.lname === 'jenkinsfile' || (0, fileNames_1.isVariant)(p.lname, 'jenkinsfile', '.') || (p.lname.endsWith('.jenkinsfile') && p.lname.length > 12),
    matchesContent: false,
    testFolders: 'count',
    activationGlobs: ['**/{Jenkinsfile,Jenkinsfile.*,*.jenkinsfile}'],
    parse: parseJenkinsfile,
    uses: { vocabulary: 'jenkins-step', evidenceLabel: 'uses' },
    localIncludes: 'fragment',
    // The Groovy reader is best effort: its errors do not mean Jenkins would refuse the file.
    refusesInvalidFile: false,
    ephemeralJob: (job) => {
        const runner = job.runner?.value.toLowerCase() ?? '';
        return !!job.image || runner.includes('kubernetes') || runner.includes('docker');
    },
    secretReference: /\bcredentials\s*\(\s*['"]([^'"]+)['"]\s*\)/,
    pipelineRank: 5,
    fixes: { placements: ['steps'] },
});
//# sourceMappingURL=index.js.map