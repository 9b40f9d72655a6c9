"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.parseCiFragment = parseCiFragment;
exports.parseFile = parseFile;
exports.isRootPath = isRootPath;
// One dispatch from a file kind to its parser. Parsers never throw: problems travel with the result.
const registry_1 = require("../ci/registry");
const compose_1 = require("./containers/compose");
const dockerfile_1 = require("./containers/dockerfile");
const helm_1 = require("./containers/helm");
const ko_1 = require("./containers/ko");
const kubernetes_1 = require("./containers/kubernetes");
const kustomize_1 = require("./containers/kustomize");
const hygiene_1 = require("./hygiene");
const shell_1 = require("./shell");
function parseCiFragment(kind, path, text) {
    return noteDeepShell((0, registry_1.ciDialect)(kind).parse(path, text));
}
function parseFile(kind, path, text) {
    if ((0, registry_1.isCiKind)(kind))
        return noteDeepShell((0, registry_1.ciDialect)(kind).parse(path, text));
    switch (kind) {
        case 'dockerfile':
            return noteDeepShell((0, dockerfile_1.parseDockerfile)(path, text));
        case 'compose':
            return (0, compose_1.parseCompose)(path, text);
        case 'kubernetes':
            // Helm templates are Go templates, not YAML: parseKubernetes only line-scans them for probes and securityContext.
            return (0, kubernetes_1.parseKubernetes)(path, text);
        case 'helm-chart':
            return (0, helm_1.parseHelmChart)(path, text);
        case 'helm-values':
            return (0, helm_1.parseHelmValues)(path, text);
        case 'ko-config':
            return (0, ko_1.parseKoConfig)(path, text);
        case 'kustomization':
            return (0, kustomize_1.parseKustomization)(path, text);
        case 'dependabot':
            return (0, hygiene_1.parseDependabot)(path, text);
        case 'renovate':
            return (0, hygiene_1.parseRenovate)(path, text);
        case 'package-json':
            // Renovate reads a "renovate" key of the repository's root package.json only.
            return isRootPath(path) ? (0, hygiene_1.renovateFromPackageJson)(path, text) : undefined;
        case 'pre-commit':
            return (0, hygiene_1.parsePreCommit)(path, text);
        default:
            return undefined;
    }
}
/** A file at the repository root (no folder). */
function isRootPath(path) {
    return !path.includes('/');
}
/** Lines named one by one in the notes of a file; more are summed up in one note. */
const MAX_DEEP_SHELL_NOTES = 5;
/**
 * Notes on the file where command substitutions nest deeper than the shell analysis reads
 * (`"$("$(…)")"` thousands deep): that line's deeper commands are not analysed, the rest of the
 * line and of the file are.
 */
function noteDeepShell(file) {
    const lines = [];
    if (file.kind === 'dockerfile') {
        for (const stage of file.stages) {
            for (const instr of stage.instructions)
                if (instr.keyword === 'RUN' && !instr.jsonForm)
                    lines.push({ text: instr.args, loc: instr.argsLoc ?? instr.loc });
        }
    }
    else if ('jobs' in file) {
        for (const job of file.jobs)
            for (const step of job.steps)
                lines.push(...step.script);
    }
    const deep = [];
    for (const l of lines) {
        if (!l.text.includes('$('))
            continue;
        const depth = (0, shell_1.substitutionDepth)(l.text);
        if (depth > shell_1.MAX_SUBSTITUTION_DEPTH)
            deep.push({ loc: l.loc, depth });
    }
    const notes = deep.slice(0, MAX_DEEP_SHELL_NOTES).map((d) => ({
        message: `Command substitutions nested ${d.depth} levels deep: the commands nested deeper than ${shell_1.MAX_SUBSTITUTION_DEPTH} levels are not analysed`,
        line: d.loc.line,
        column: d.loc.column,
        severity: 'warning',
    }));
    if (deep.length > MAX_DEEP_SHELL_NOTES) {
        const rest = deep.length - MAX_DEEP_SHELL_NOTES;
        notes.push({ message: `${rest} more ${rest === 1 ? 'line nests' : 'lines nest'} command substitutions deeper than ${shell_1.MAX_SUBSTITUTION_DEPTH} levels (not analysed beyond that)`, line: deep[MAX_DEEP_SHELL_NOTES].loc.line, column: deep[MAX_DEEP_SHELL_NOTES].loc.column, severity: 'warning' });
    }
    file.problems.push(...notes);
    return file;
}
//# sourceMappingURL=parseFile.js.map