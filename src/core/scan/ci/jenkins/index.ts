// Jenkinsfile reader: a small, tolerant tokenizer and parser for the Groovy subset pipelines use
// (declarative `pipeline { … }` and scripted `node { … }`), then a walk that turns stages into
// jobs and step calls into steps with exact positions. Never throws; unbalanced input becomes a
// FileProblem and what was parsed is kept.
import { defineDialect } from '../dialect';
import { isVariant } from '../../discover/fileNames';
import { CiFile, FileProblem } from '../../types';
import { Source, tokenize } from './lexer';
import { Parser } from './parser';
import { Walker } from './walker';
import { KNOWN_JENKINS_STEPS } from './knownSteps';

/** Reads a Jenkinsfile (declarative or scripted). Never throws. */
export function parseJenkinsfile(path: string, text: string): CiFile {
  const problems: FileProblem[] = [];
  const src = new Source(text);
  const w = new Walker(path, src);
  try {
    const toks = tokenize(src, problems);
    const program = new Parser(toks, src, problems).program();
    w.walkBlock(program, { declarative: false, path: [] });
  } catch (e) {
    problems.push({ message: `Could not read the whole Jenkinsfile: ${(e as Error)?.message ?? String(e)}`, severity: 'error' });
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
function libraryStepReferences(w: Walker): void {
  const seen = new Set<string>();
  for (const job of w.jobs) {
    for (const step of job.steps) {
      const name = step.uses?.value;
      if (!name || name.includes('.') || KNOWN_JENKINS_STEPS.has(name) || w.methods.has(name)) continue;
      const key = `${name}:${step.uses!.loc.line}:${step.uses!.loc.column}`;
      if (seen.has(key)) continue;
      seen.add(key);
      w.references.push({ kind: 'shared-library', ref: `${name} (library step)`, loc: step.uses!.loc, step: name });
    }
  }
}

export const jenkinsDialect = defineDialect({
  kind: 'jenkinsfile',
  system: 'Jenkins',
  fileLabel: 'Jenkinsfile',
  matchesPath: (p) => p.lname === 'jenkinsfile' || isVariant(p.lname, 'jenkinsfile', '.') || (p.lname.endsWith('.jenkinsfile') && p.lname.length > 12),
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
