// One dispatch from a file kind to its parser. Parsers never throw: problems travel with the result.
import { ciDialect, isCiKind } from '../ci/registry';
import { parseCompose } from './containers/compose';
import { parseDockerfile } from './containers/dockerfile';
import { parseHelmChart, parseHelmValues } from './containers/helm';
import { parseKoConfig } from './containers/ko';
import { parseKubernetes } from './containers/kubernetes';
import { parseKustomization } from './containers/kustomize';
import { ParsedContainerFile } from './containers/types';
import { DependabotFile, parseDependabot, parsePreCommit, parseRenovate, PreCommitFile, renovateFromPackageJson, RenovateFile } from './hygiene';
import { CiFile, CiKind, FileKind, FileProblem, Loc } from '../types';
import { MAX_SUBSTITUTION_DEPTH, substitutionDepth } from './shell';

export type ParsedFile = CiFile | ParsedContainerFile | DependabotFile | RenovateFile | PreCommitFile;

export function parseCiFragment(kind: CiKind, path: string, text: string): CiFile {
  return noteDeepShell(ciDialect(kind).parse(path, text));
}

export function parseFile(kind: FileKind, path: string, text: string): ParsedFile | undefined {
  if (isCiKind(kind)) return noteDeepShell(ciDialect(kind).parse(path, text));
  switch (kind) {
    case 'dockerfile':
      return noteDeepShell(parseDockerfile(path, text));
    case 'compose':
      return parseCompose(path, text);
    case 'kubernetes':
      // Helm templates are Go templates, not YAML: parseKubernetes only line-scans them for probes and securityContext.
      return parseKubernetes(path, text);
    case 'helm-chart':
      return parseHelmChart(path, text);
    case 'helm-values':
      return parseHelmValues(path, text);
    case 'ko-config':
      return parseKoConfig(path, text);
    case 'kustomization':
      return parseKustomization(path, text);
    case 'dependabot':
      return parseDependabot(path, text);
    case 'renovate':
      return parseRenovate(path, text);
    case 'package-json':
      // Renovate reads a "renovate" key of the repository's root package.json only.
      return isRootPath(path) ? renovateFromPackageJson(path, text) : undefined;
    case 'pre-commit':
      return parsePreCommit(path, text);
    default:
      return undefined;
  }
}

/** A file at the repository root (no folder). */
export function isRootPath(path: string): boolean {
  return !path.includes('/');
}

/** Lines named one by one in the notes of a file; more are summed up in one note. */
const MAX_DEEP_SHELL_NOTES = 5;

/**
 * Notes on the file where command substitutions nest deeper than the shell analysis reads
 * (`"$("$(…)")"` thousands deep): that line's deeper commands are not analysed, the rest of the
 * line and of the file are.
 */
function noteDeepShell<T extends CiFile | ParsedContainerFile>(file: T): T {
  const lines: { text: string; loc: Loc }[] = [];
  if (file.kind === 'dockerfile') {
    for (const stage of file.stages) {
      for (const instr of stage.instructions) if (instr.keyword === 'RUN' && !instr.jsonForm) lines.push({ text: instr.args, loc: instr.argsLoc ?? instr.loc });
    }
  } else if ('jobs' in file) {
    for (const job of file.jobs) for (const step of job.steps) lines.push(...step.script);
  }
  const deep: { loc: Loc; depth: number }[] = [];
  for (const l of lines) {
    if (!l.text.includes('$(')) continue;
    const depth = substitutionDepth(l.text);
    if (depth > MAX_SUBSTITUTION_DEPTH) deep.push({ loc: l.loc, depth });
  }
  const notes: FileProblem[] = deep.slice(0, MAX_DEEP_SHELL_NOTES).map((d) => ({
    message: `Command substitutions nested ${d.depth} levels deep: the commands nested deeper than ${MAX_SUBSTITUTION_DEPTH} levels are not analysed`,
    line: d.loc.line,
    column: d.loc.column,
    severity: 'warning',
  }));
  if (deep.length > MAX_DEEP_SHELL_NOTES) {
    const rest = deep.length - MAX_DEEP_SHELL_NOTES;
    notes.push({ message: `${rest} more ${rest === 1 ? 'line nests' : 'lines nest'} command substitutions deeper than ${MAX_SUBSTITUTION_DEPTH} levels (not analysed beyond that)`, line: deep[MAX_DEEP_SHELL_NOTES].loc.line, column: deep[MAX_DEEP_SHELL_NOTES].loc.column, severity: 'warning' });
  }
  file.problems.push(...notes);
  return file;
}
