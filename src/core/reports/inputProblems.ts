// Files the scan was told to use and could not use in full: the team's `.dsomm/tools.yaml` that
// does not load, a model file whose activities were skipped or whose dependencies do not resolve.
// The scan goes on without them, so every report names them beside the files with problems:
// otherwise the result would look complete when it is not.
import { Model } from '../model/types';
import { TeamToolsRead } from '../scan/teamTools';

export interface InputProblem {
  /** The file as the user knows it: root-relative for the workspace's own files, else absolute. */
  path: string;
  line?: number;
  /** 'error': the file is not used at all; 'warning': it is used, without what the message names. */
  severity: 'error' | 'warning';
  message: string;
}

/** What a tools file that cannot be used costs: its declarations count for nothing until it is fixed. */
export function teamToolsInputProblem(read: Extract<TeamToolsRead, { state: 'invalid' }>): InputProblem {
  return { path: read.file, ...(read.line ? { line: read.line } : {}), severity: 'error', message: `${read.message}; the declared blocks and commands are not used until it is fixed` };
}

/** The model's load warnings (skipped activities, unknown dependencies, cycles), one problem each. */
export function modelInputProblems(model: Pick<Model, 'warnings'>, path: string): InputProblem[] {
  return model.warnings.map((w) => ({ path, ...(w.line ? { line: w.line } : {}), severity: 'warning' as const, message: w.message }));
}

/** `path:line: message`, as the files' own problems are written. */
export function inputProblemText(p: InputProblem): string {
  return `${p.path}${p.line ? `:${p.line}` : ''}: ${p.message}`;
}
