// Google Cloud Build (cloudbuild.yaml): one build, a list of steps, each a container. A step runs
// a `script`, a shell given as `entrypoint` with `-c`, another entrypoint with its `args`, or the
// image's own entrypoint with `args`. Cloud Build's own builder images
// (gcr.io/cloud-builders/<tool>) run <tool>, so their steps read as that command line; any other
// image is matched by image and arguments. Triggers live in the Google Cloud project, not here.
import { deref, isMap, isScalar, isSeq } from '../../yaml';
import { CiFile, CiJob, CiStep, Located } from '../types';
import {
  commandLine,
  emptyCiFile,
  entries,
  entry,
  get,
  guard,
  isShellProgram,
  isTrue,
  itemLoc,
  items,
  keyLoc,
  locatedScalar,
  nodeLoc,
  openYaml,
  scriptLines,
  shellQuote,
  shellScriptArg,
  spend,
  str,
  stringItems,
  YamlCtx,
} from './common';
import { defineDialect } from './dialect';

/** `gcr.io/cloud-builders/docker[:tag]` (also regional Artifact Registry copies) → `docker`. */
export function cloudBuilderProgram(image: string): string | undefined {
  const m = /^(?:[a-z0-9.-]+\.)?(?:gcr\.io|pkg\.dev)\/(?:[^/]+\/)?cloud-builders\/([a-z0-9._-]+)(?:[:@].*)?$/i.exec(image.trim());
  return m ? m[1].toLowerCase() : undefined;
}

/** `KEY=value` list items (step and `options.env`) as located variables. */
function envList(ctx: YamlCtx, node: unknown): Record<string, Located> {
  const out: Record<string, Located> = {};
  for (const item of items(ctx, node)) {
    const v = str(ctx, item);
    if (!v) continue;
    const eq = v.indexOf('=');
    if (eq > 0) out[v.slice(0, eq)] = { value: v.slice(eq + 1), loc: nodeLoc(ctx, item) };
  }
  return out;
}

function step(ctx: YamlCtx, node: unknown, index: number): CiStep | undefined {
  if (!isMap(deref(ctx.doc, node))) return undefined;
  const loc = itemLoc(ctx, node);
  const image = locatedScalar(ctx, get(ctx, node, 'name'));
  const id = str(ctx, get(ctx, node, 'id'));
  const s: CiStep = { name: id ?? image?.value ?? `steps[${index}]`, loc, script: [], inputs: {}, env: envList(ctx, get(ctx, node, 'env')) };

  const allowFailure = entry(ctx, node, 'allowFailure') ?? entry(ctx, node, 'allow_failure');
  const exitCodes = entry(ctx, node, 'allowExitCodes') ?? entry(ctx, node, 'allow_exit_codes');
  if (allowFailure && isTrue(ctx, allowFailure.value)) s.cannotFail = keyLoc(ctx, allowFailure);
  else if (exitCodes && stringItems(ctx, exitCodes.value).some((c) => c.trim() !== '0')) s.cannotFail = keyLoc(ctx, exitCodes);

  const script = get(ctx, node, 'script');
  const argsEntry = entry(ctx, node, 'args');
  const args = argsEntry ? stringItems(ctx, argsEntry.value) : [];
  const argsAt = argsEntry ? (isSeq(argsEntry.value) && argsEntry.value.items.length ? nodeLoc(ctx, argsEntry.value.items[0]) : keyLoc(ctx, argsEntry)) : loc;
  const entrypoint = str(ctx, get(ctx, node, 'entrypoint'));
  if (script !== undefined && isScalar(deref(ctx.doc, script))) {
    s.script.push(...scriptLines(ctx, script));
  } else if (entrypoint && isShellProgram(entrypoint) && argsEntry && shellScriptArg(ctx, argsEntry.value) !== undefined) {
    s.script.push(...scriptLines(ctx, shellScriptArg(ctx, argsEntry.value)));
  } else if (entrypoint) {
    s.script.push(commandLine(entrypoint, args, argsAt));
  } else if (image && cloudBuilderProgram(image.value)) {
    s.script.push(commandLine(cloudBuilderProgram(image.value)!, args, argsAt));
  } else if (image) {
    // Another image with its own entrypoint: the catalogue knows tools by image and arguments.
    s.uses = image;
    if (argsEntry) s.inputs.args = { value: args.map(shellQuote).join(' '), loc: keyLoc(ctx, argsEntry) };
  }
  return s;
}

export function parseCloudBuild(path: string, text: string): CiFile {
  const file = emptyCiFile('cloudbuild', path);
  guard(file.problems, 'the build', () => {
    const ctx = openYaml(file, text).find((d) => isMap(d.doc.contents));
    if (!ctx) return;
    const root = ctx.doc.contents;
    for (const e of entries(ctx, get(ctx, root, 'substitutions'))) {
      const v = locatedScalar(ctx, e.value);
      if (v) file.env[e.key] = v;
    }
    Object.assign(file.env, envList(ctx, get(ctx, get(ctx, root, 'options'), 'env')));
    const steps = entry(ctx, root, 'steps');
    if (!steps) {
      const first = entries(ctx, root)[0];
      if (first) file.anchor = keyLoc(ctx, first);
      file.problems.push({ message: 'The build has no `steps`', line: file.anchor.line, column: file.anchor.column, severity: 'error' });
      return;
    }
    file.anchor = keyLoc(ctx, steps);
    if (!isSeq(steps.value)) {
      file.problems.push({ message: '`steps` should be a list', line: file.anchor.line, column: file.anchor.column, severity: 'error' });
      return;
    }
    // One build: its steps run one after another (or as `waitFor` says) on one machine.
    const job: CiJob = { id: 'build', loc: file.anchor, steps: [], services: [], env: {} };
    items(ctx, steps.value).forEach((node, i) => {
      if (!spend(ctx)) return;
      const s = step(ctx, node, i);
      if (s) job.steps.push(s);
      else file.problems.push({ message: 'A step should be a mapping with `name`', line: nodeLoc(ctx, node).line, column: nodeLoc(ctx, node).column, severity: 'error' });
    });
    file.jobs.push(job);
  });
  return file;
}

export const cloudBuildDialect = defineDialect({
  kind: 'cloudbuild',
  system: 'Google Cloud Build',
  fileLabel: 'Cloud Build config',
  // Any folder: monorepos keep one build config per service and name it on the trigger.
  matchesPath: (p) => p.lname === 'cloudbuild.yaml' || p.lname === 'cloudbuild.yml' || /^cloudbuild[._-].+\.ya?ml$/.test(p.lname),
  matchesContent: false,
  testFolders: 'skip',
  activationGlobs: ['**/{cloudbuild,cloudbuild.*,cloudbuild-*,cloudbuild_*}.{yml,yaml}'],
  parse: parseCloudBuild,
  uses: { vocabulary: 'image', evidenceLabel: 'name' },
  localIncludes: 'fragment',
  refusesInvalidFile: true,
  // Each build runs on a fresh worker (default or private pool).
  ephemeralJob: () => true,
  pipelineRank: 6,
  fixes: { placements: ['item'] },
});
