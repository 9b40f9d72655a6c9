// GitHub Actions: workflows (.github/workflows/*.yml) and action metadata (action.yml).
import { defineDialect } from './dialect';
import { isMap, isScalar, isSeq } from '../../yaml';
import { CiFile, CiJob, CiReference, CiStep, Located } from '../types';
import {
  emptyCiFile,
  entries,
  Entry,
  envMap,
  get,
  guard,
  isTrue,
  itemLoc,
  items,
  keyLoc,
  located,
  locatedScalar,
  nodeLoc,
  normalizePath,
  openYaml,
  plain,
  scriptLines,
  str,
  valueString,
  YamlCtx,
} from './common';

/** The main document: the first non-empty one that is a mapping (a problem otherwise). */
function mainDocument(file: CiFile, text: string): YamlCtx | undefined {
  const docs = openYaml(file, text);
  const ctx = docs.find((d) => isMap(d.doc.contents));
  if (!ctx) {
    if (docs.length) {
      const l = nodeLoc(docs[0], docs[0].doc.contents);
      file.problems.push({ message: 'Expected a mapping at the top level', line: l.line, column: l.column, severity: 'error' });
    }
    return undefined;
  }
  if (docs.length > 1) {
    const other = docs.find((d) => d !== ctx);
    const l = other ? nodeLoc(other, other.doc.contents) : undefined;
    file.problems.push({ message: 'Only the first YAML document is used', line: l?.line ?? 1, column: l?.column ?? 1, severity: 'warning' });
  }
  return ctx;
}

export function parseGithubWorkflow(path: string, text: string): CiFile {
  const file = emptyCiFile('github-workflow', path);
  guard(file.problems, 'the workflow', () => {
    const ctx = mainDocument(file, text);
    if (!ctx) return;
    const root = entries(ctx, ctx.doc.contents);
    const byKey = new Map(root.map((e) => [e.key, e] as const));
    const anchorEntry = byKey.get('jobs') ?? byKey.get('on') ?? root[0];
    if (anchorEntry) file.anchor = keyLoc(ctx, anchorEntry);

    const on = byKey.get('on');
    if (on) guard(file.problems, '`on`', () => readEvents(ctx, file, on), keyLoc(ctx, on));
    const env = byKey.get('env');
    if (env) file.env = envMap(ctx, env.value);
    const perms = byKey.get('permissions');
    if (perms) file.permissions = { value: plain(ctx, perms.value), loc: keyLoc(ctx, perms) };

    const jobs = byKey.get('jobs');
    if (!jobs) {
      file.problems.push({ message: 'The workflow has no `jobs`', line: file.anchor.line, column: file.anchor.column, severity: 'warning' });
      return;
    }
    if (!isMap(jobs.value)) {
      const l = keyLoc(ctx, jobs);
      file.problems.push({ message: '`jobs` should be a mapping of job ids to jobs', line: l.line, column: l.column, severity: 'error' });
      return;
    }
    const workflowDir = defaultWorkingDirectory(ctx, byKey.get('defaults')?.value);
    for (const j of entries(ctx, jobs.value)) {
      const at = keyLoc(ctx, j);
      guard(file.problems, `job '${j.key}'`, () => {
        const job = readJob(ctx, file, j, workflowDir);
        if (job) file.jobs.push(job);
      }, at);
    }
  });
  return file;
}

function readEvents(ctx: YamlCtx, file: CiFile, on: Entry): void {
  const v = on.value;
  if (isScalar(v)) {
    const s = str(ctx, v);
    if (s) file.events.push(s);
  } else if (isSeq(v)) {
    for (const i of items(ctx, v)) {
      const s = str(ctx, i);
      if (s) file.events.push(s);
    }
  } else if (isMap(v)) {
    for (const e of entries(ctx, v)) {
      file.events.push(e.key);
      if (e.key === 'schedule') {
        for (const s of items(ctx, e.value)) {
          const cron = locatedScalar(ctx, get(ctx, s, 'cron'));
          if (cron) file.schedules.push(cron);
        }
      }
    }
  }
}

/** `runs-on`: a label, a list of labels, or `{ group, labels }`, as one text. */
function runner(ctx: YamlCtx, e: Entry): Located | undefined {
  const v = e.value;
  if (isScalar(v)) return located(ctx, v, keyLoc(ctx, e));
  if (isSeq(v)) return { value: valueString(ctx, v, ', '), loc: nodeLoc(ctx, v, keyLoc(ctx, e)) };
  if (isMap(v)) {
    const parts = [get(ctx, v, 'group'), get(ctx, v, 'labels')].filter((x) => x !== undefined).map((x) => valueString(ctx, x, ', '));
    return { value: parts.filter((p) => p).join(', '), loc: nodeLoc(ctx, v, keyLoc(ctx, e)) };
  }
  return undefined;
}

/** `defaults: run: working-directory:` of a workflow or job. */
function defaultWorkingDirectory(ctx: YamlCtx, defaults: unknown): string | undefined {
  if (!isMap(defaults)) return undefined;
  const run = get(ctx, defaults, 'run');
  return isMap(run) ? str(ctx, get(ctx, run, 'working-directory')) : undefined;
}

function readJob(ctx: YamlCtx, file: CiFile, j: Entry, workflowDir?: string): CiJob | undefined {
  const at = keyLoc(ctx, j);
  if (!isMap(j.value)) {
    file.problems.push({ message: `Job '${j.key}' should be a mapping`, line: at.line, column: at.column, severity: 'error' });
    return undefined;
  }
  const job: CiJob = { id: j.key, loc: at, steps: [], services: [], env: {} };
  for (const e of entries(ctx, j.value)) {
    switch (e.key) {
      case 'name':
        job.name = str(ctx, e.value);
        break;
      case 'runs-on':
        job.runner = runner(ctx, e);
        break;
      case 'container': {
        const img = isMap(e.value) ? get(ctx, e.value, 'image') : e.value;
        job.image = locatedScalar(ctx, img);
        break;
      }
      case 'services':
        for (const s of entries(ctx, e.value)) {
          const img = locatedScalar(ctx, isMap(s.value) ? get(ctx, s.value, 'image') : s.value);
          if (img) job.services.push(img);
        }
        break;
      case 'env':
        job.env = envMap(ctx, e.value);
        break;
      case 'permissions':
        job.permissions = { value: plain(ctx, e.value), loc: keyLoc(ctx, e) };
        break;
      case 'continue-on-error':
        if (isTrue(ctx, e.value)) job.cannotFail = keyLoc(ctx, e);
        break;
      case 'uses': {
        const u = locatedScalar(ctx, e.value);
        if (u) {
          job.uses = u;
          file.references.push(workflowReference(u));
        }
        break;
      }
      case 'with': {
        const inputs: Record<string, Located> = {};
        for (const w of entries(ctx, e.value)) inputs[w.key] = located(ctx, w.value, keyLoc(ctx, w));
        job.inputs = inputs;
        break;
      }
      case 'steps':
        if (!isSeq(e.value)) {
          const l = keyLoc(ctx, e);
          file.problems.push({ message: `\`steps\` of job '${j.key}' should be a list`, line: l.line, column: l.column, severity: 'error' });
          break;
        }
        job.steps = readSteps(ctx, file, e.value);
        break;
    }
  }
  // `run` steps without their own working-directory run in the job's, else the workflow's default.
  const jobDir = defaultWorkingDirectory(ctx, get(ctx, j.value, 'defaults')) ?? workflowDir;
  if (jobDir !== undefined) for (const s of job.steps) if (s.script.length) s.workingDirectory ??= jobDir;
  return job;
}

function workflowReference(u: Located): CiReference {
  if (u.value.startsWith('./')) return { kind: 'local-include', ref: u.value, loc: u.loc, localPath: normalizePath(u.value.replace(/@.*$/, '')) };
  return { kind: 'reusable-workflow', ref: u.value, loc: u.loc };
}

function readSteps(ctx: YamlCtx, file: CiFile, seq: unknown): CiStep[] {
  const steps: CiStep[] = [];
  for (const item of items(ctx, seq)) {
    const loc = itemLoc(ctx, item);
    guard(file.problems, 'a step', () => {
      if (!isMap(item)) {
        file.problems.push({ message: 'A step should be a mapping (`- run: …` or `- uses: …`)', line: loc.line, column: loc.column, severity: 'error' });
        return;
      }
      const step: CiStep = { loc, script: [], inputs: {}, env: {} };
      let id: string | undefined;
      for (const e of entries(ctx, item)) {
        switch (e.key) {
          case 'name':
            step.name = str(ctx, e.value);
            break;
          case 'id':
            id = str(ctx, e.value);
            break;
          case 'run':
            step.script = scriptLines(ctx, e.value);
            break;
          case 'uses': {
            const u = locatedScalar(ctx, e.value);
            if (u) {
              step.uses = u;
              if (u.value.startsWith('./')) {
                const dir = normalizePath(u.value);
                file.references.push({ kind: 'local-include', ref: u.value, loc: u.loc, localPath: dir ? `${dir}/action.yml` : 'action.yml' });
              }
            }
            break;
          }
          case 'with':
            for (const w of entries(ctx, e.value)) step.inputs[w.key] = located(ctx, w.value, keyLoc(ctx, w));
            break;
          case 'env':
            step.env = envMap(ctx, e.value);
            break;
          case 'continue-on-error':
            if (isTrue(ctx, e.value)) step.cannotFail = keyLoc(ctx, e);
            break;
          case 'working-directory':
            step.workingDirectory = str(ctx, e.value);
            break;
        }
      }
      step.name ??= id;
      steps.push(step);
    }, loc);
  }
  return steps;
}

/** action.yml / action.yaml: one job 'action' (composite steps, or the docker image). */
export function parseGithubAction(path: string, text: string): CiFile {
  const file = emptyCiFile('github-action', path);
  guard(file.problems, 'the action', () => {
    const ctx = mainDocument(file, text);
    if (!ctx) return;
    const root = entries(ctx, ctx.doc.contents);
    const runs = root.find((e) => e.key === 'runs');
    const name = root.find((e) => e.key === 'name');
    if (!runs) {
      if (root[0]) file.anchor = keyLoc(ctx, root[0]);
      file.problems.push({ message: 'The action has no `runs`', line: file.anchor.line, column: file.anchor.column, severity: 'warning' });
      return;
    }
    file.anchor = keyLoc(ctx, runs);
    const job: CiJob = { id: 'action', loc: keyLoc(ctx, runs), steps: [], services: [], env: {} };
    if (name) job.name = str(ctx, name.value);
    if (!isMap(runs.value)) {
      file.problems.push({ message: '`runs` should be a mapping', line: job.loc.line, column: job.loc.column, severity: 'error' });
    } else {
      const using = str(ctx, get(ctx, runs.value, 'using'));
      for (const e of entries(ctx, runs.value)) {
        if (e.key === 'image' && (using === undefined || using === 'docker')) job.image = locatedScalar(ctx, e.value);
        else if (e.key === 'env') job.env = envMap(ctx, e.value);
        else if (e.key === 'steps') {
          if (isSeq(e.value)) job.steps = readSteps(ctx, file, e.value);
          else {
            const l = keyLoc(ctx, e);
            file.problems.push({ message: '`runs.steps` should be a list', line: l.line, column: l.column, severity: 'error' });
          }
        }
      }
    }
    file.jobs.push(job);
  });
  return file;
}

export const githubWorkflowDialect = defineDialect({
  kind: 'github-workflow',
  system: 'GitHub Actions',
  fileLabel: 'GitHub Actions workflow',
  matchesPath: (p) => p.dir === '.github/workflows' && p.yaml,
  matchesContent: false,
  testFolders: 'count',
  activationGlobs: ['.github/workflows/*.{yml,yaml}'],
  parse: parseGithubWorkflow,
  uses: { vocabulary: 'action', evidenceLabel: 'uses' },
  // Local reusable workflows and actions are indexed files of their own.
  localIncludes: 'indexed',
  refusesInvalidFile: true,
  ephemeralJob: (job) => {
    if (job.image) return true;
    const runner = job.runner?.value.toLowerCase() ?? '';
    if (!runner) return job.uses ? undefined : false;
    return !runner.includes('self-hosted');
  },
  // GITHUB_TOKEN is the automatic per-run token, not a secret the team keeps in the store.
  secretReference: /\$\{\{[^}]*\bsecrets\.(?!GITHUB_TOKEN\b)([A-Za-z_][A-Za-z0-9_]*)/,
  pipelineRank: 0,
  fixes: { placements: ['job'] },
});

export const githubActionDialect = defineDialect({
  kind: 'github-action',
  system: 'GitHub Actions',
  fileLabel: 'GitHub action (action.yml)',
  matchesPath: (p) => p.name === 'action.yml' || p.name === 'action.yaml',
  matchesContent: false,
  // An action alone does not make a repository's pipeline: workflows start the extension.
  testFolders: 'count',
  activationGlobs: [],
  parse: parseGithubAction,
  uses: { vocabulary: 'action', evidenceLabel: 'uses' },
  localIncludes: 'indexed',
  refusesInvalidFile: true,
  // An action runs on whatever runner the calling workflow chose.
  ephemeralJob: () => undefined,
  pipelineRank: undefined,
  fixes: { noPlacement: 'an action runs inside the workflows that call it: fixes go into a workflow' },
});
