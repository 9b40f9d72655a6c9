// AWS CodeBuild (buildspec.yml): one build whose `phases` (install, pre_build, build,
// post_build) run shell `commands` and `finally` blocks in one container. A phase with
// `on-failure: CONTINUE` can fail without failing the build. Batch builds name further buildspec
// files of the repository (`batch.build-list[].buildspec`), read here as part of this build.
import { isMap } from '../../yaml';
import { CiFile, CiJob, CiStep } from '../types';
import {
  addReference,
  emptyCiFile,
  entries,
  entry,
  envMap,
  get,
  guard,
  items,
  keyLoc,
  locatedScalar,
  normalizePath,
  openYaml,
  scriptLines,
  str,
} from './common';
import { defineDialect } from './dialect';

const PHASES = ['install', 'pre_build', 'build', 'post_build'];

export function parseCodeBuildSpec(path: string, text: string): CiFile {
  const file = emptyCiFile('codebuild', path);
  guard(file.problems, 'the buildspec', () => {
    const ctx = openYaml(file, text).find((d) => isMap(d.doc.contents));
    if (!ctx) return;
    const root = ctx.doc.contents;
    const env = get(ctx, root, 'env');
    Object.assign(file.env, envMap(ctx, get(ctx, env, 'variables')));
    const phases = entry(ctx, root, 'phases');
    const batch = entry(ctx, root, 'batch');
    for (const group of ['build-list', 'build-graph']) {
      for (const b of items(ctx, get(ctx, batch?.value, group))) {
        const spec = locatedScalar(ctx, get(ctx, b, 'buildspec'));
        if (spec && /\.ya?ml$/i.test(spec.value) && !/^[a-z]+:/i.test(spec.value)) {
          addReference(file, { kind: 'local-include', ref: spec.value, loc: spec.loc, localPath: normalizePath(spec.value) });
        }
      }
    }
    if (!phases) {
      if (batch) {
        file.anchor = keyLoc(ctx, batch);
        return;
      }
      const first = entries(ctx, root)[0];
      if (first) file.anchor = keyLoc(ctx, first);
      file.problems.push({ message: 'The buildspec has no `phases`', line: file.anchor.line, column: file.anchor.column, severity: 'error' });
      return;
    }
    file.anchor = keyLoc(ctx, phases);
    const job: CiJob = { id: 'build', loc: file.anchor, steps: [], services: [], env: {} };
    for (const p of entries(ctx, phases.value)) {
      if (!PHASES.includes(p.key)) {
        const at = keyLoc(ctx, p);
        file.problems.push({ message: `Unknown phase '${p.key}'`, line: at.line, column: at.column, severity: 'warning' });
        continue;
      }
      const onFailure = entry(ctx, p.value, 'on-failure');
      const cannotFail = onFailure && /^CONTINUE/i.test(str(ctx, onFailure.value) ?? '') ? keyLoc(ctx, onFailure) : undefined;
      for (const key of ['commands', 'finally']) {
        const c = entry(ctx, p.value, key);
        if (!c) continue;
        const step: CiStep = { name: key === 'commands' ? p.key : `${p.key} finally`, loc: keyLoc(ctx, p), script: scriptLines(ctx, c.value), inputs: {}, env: {} };
        if (cannotFail) step.cannotFail = cannotFail;
        job.steps.push(step);
      }
    }
    file.jobs.push(job);
  });
  return file;
}

export const codeBuildDialect = defineDialect({
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
