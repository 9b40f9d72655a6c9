// One dispatch from a file kind to its parser. Parsers never throw: problems travel with the result.
import { ciDialect, isCiKind } from '../ci/registry';
import { parseCompose } from './containers/compose';
import { parseDockerfile } from './containers/dockerfile';
import { parseHelmChart, parseHelmValues } from './containers/helm';
import { isHelmTemplate, parseKubernetes } from './containers/kubernetes';
import { parseKustomization } from './containers/kustomize';
import { ParsedContainerFile } from './containers/types';
import { DependabotFile, parseDependabot, parsePreCommit, parseRenovate, PreCommitFile, renovateFromPackageJson, RenovateFile } from './hygiene';
import { CiFile, CiKind, FileKind } from '../types';

export type ParsedFile = CiFile | ParsedContainerFile | DependabotFile | RenovateFile | PreCommitFile;

export function parseCiFragment(kind: CiKind, path: string, text: string): CiFile {
  return ciDialect(kind).parse(path, text);
}

export function parseFile(kind: FileKind, path: string, text: string): ParsedFile | undefined {
  if (isCiKind(kind)) return ciDialect(kind).parse(path, text);
  switch (kind) {
    case 'dockerfile':
      return parseDockerfile(path, text);
    case 'compose':
      return parseCompose(path, text);
    case 'kubernetes':
      // Helm templates are Go templates, not YAML: they are listed but not parsed.
      return isHelmTemplate(path, text) ? undefined : parseKubernetes(path, text);
    case 'helm-chart':
      return parseHelmChart(path, text);
    case 'helm-values':
      return parseHelmValues(path, text);
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
