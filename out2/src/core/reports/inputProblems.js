"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.teamToolsInputProblem = teamToolsInputProblem;
exports.modelInputProblems = modelInputProblems;
exports.inputProblemText = inputProblemText;
/** What a tools file that cannot be used costs: its declarations count for nothing until it is fixed. */
function teamToolsInputProblem(read) {
    return { path: read.file, ...(read.line ? { line: read.line } : {}), severity: 'error', message: `${read.message}; the declared blocks and commands are not used until it is fixed` };
}
/** The model's load warnings (skipped activities, unknown dependencies, cycles), one problem each. */
function modelInputProblems(model, path) {
    return model.warnings.map((w) => ({ path, ...(w.line ? { line: w.line } : {}), severity: 'warning', message: w.message }));
}
/** `path:line: message`, as the files' own problems are written. */
function inputProblemText(p) {
    return `${p.path}${p.line ? `:${p.line}` : ''}: ${p.message}`;
}
//# sourceMappingURL=inputProblems.js.map