// computeFix: a template of model/fixes.yaml applied to one file, as minimal text edits from
// exact positions (or a file to create). The file's formatting, comments and line breaks stay;
// structures that are not block style are not edited: the result says why and carries the
// snippet for the user to paste. Every edit is re-parsed with the engine's parser before it is
// returned: an edit that would add a parse error is refused the same way.
import { isMap, isSeq, Pair, YAMLMap } from 'yaml';
import { scalarText } from '../yaml';
import { basename, dirname } from '../fs';
import { parseFile } from '../scan/parse/parseFile';
import { CiFile, FileKind, Loc } from '../scan/types';
import { dockerPlacement, imageFamily, pinPlaceholder } from './dockerfileEdit';
import { codeqlLanguages, dependabotConfig, detectEcosystems, EcosystemDirs, FileInfo, renovateConfig, shellWord } from './ecosystems';
import { DialectTemplate, EditOperation, FixCatalogue, FixTemplate } from './fixCatalogue';
import { groovyString, jenkinsPlacement, reindentGroovy } from './jenkinsEdit';
import { actionPins, pipelineImageBuild, reusePins } from './workspaceAnswers';
import { applyEdits, eolOf, indentOf, insertAt, isBlank, range0, splitLines } from './text';
import { FIX_DIALECTS, FixDialect, FixResult, TextEdit } from './types';
import {
  blockEnd,
  childUnit,
  dashColumn,
  detectUnit,
  isFlow,
  isNullValue,
  keyStart,
  keyText,
  nodeStart,
  openYamlText,
  pairOf,
  reindentYaml,
  rootMap,
  YamlText,
} from './yamlEdit';

export interface FixContext {
  /** The workspace's files (index entries do): ecosystems, Dockerfiles, existing files. */
  files?: FileInfo[];
  /** The diagnostic's place: fixes of one spot (a step, an image, a setting) edit only there. */
  at?: Loc;
  /** Several places (a grouped finding's "all N places" fix): spot fixes edit each of them; wins over `at`. */
  places?: Loc[];
}

/** The dialect a file kind is edited as (undefined: no fix applies to such files). */
export function dialectOf(kind: FileKind | undefined): FixDialect | undefined {
  return kind && (FIX_DIALECTS as readonly string[]).includes(kind) ? (kind as FixDialect) : undefined;
}

class CannotPlace extends Error {
  constructor(readonly reason: string, readonly snippet?: string) {
    super(reason);
  }
}

function cannot(reason: string, snippet?: string): never {
  throw new CannotPlace(reason, snippet);
}

// ---------------------------------------------------------------------------------------------
// Variables

interface Vars {
  [name: string]: string;
}

function relevantDockerfiles(files: FileInfo[]): string[] {
  const depth = (p: string) => p.split('/').length;
  const named = (p: string) => (/(^|\/)Dockerfile$/.test(p) ? 0 : 1);
  return files
    .filter((f) => f.kind === 'dockerfile' && !f.outOfScope)
    .map((f) => f.path)
    .sort((a, b) => depth(a) - depth(b) || named(a) - named(b) || (a < b ? -1 : 1));
}

function templateVars(t: FixTemplate, files: FileInfo[], ecos: EcosystemDirs[]): Vars {
  const dockerfilesList = relevantDockerfiles(files);
  // The image the pipelines already build is the one to scan (its Dockerfile and context), else the most relevant Dockerfile.
  const built = pipelineImageBuild(files);
  const first = built?.dockerfile ?? dockerfilesList[0] ?? 'Dockerfile';
  const npm = ecos.find((e) => e.ecosystem === 'npm');
  const npmLockDirs = files.filter((f) => !f.outOfScope && /(^|\/)(package-lock\.json|npm-shrinkwrap\.json)$/.test(f.path)).map((f) => dirname(f.path));
  const npmDir = npmLockDirs.sort((a, b) => a.split('/').length - b.split('/').length || (a < b ? -1 : 1))[0] ?? npm?.dirs[0] ?? '';
  const pipFiles = files.filter((f) => !f.outOfScope && /^requirements.*\.txt$/i.test(basename(f.path))).map((f) => f.path).sort();
  const pip = ecos.find((e) => e.ecosystem === 'pip');
  const pipTarget = pipFiles.length ? `-r ${shellWord(pipFiles[0])}` : pip ? shellWord(pip.dirs[0] || '.') : '';
  return {
    label: t.label,
    dockerfile: shellWord(first),
    context: shellWord(built?.context ?? (dirname(first) || '.')),
    dockerfiles: (dockerfilesList.length ? dockerfilesList : ['Dockerfile']).map(shellWord).join(' '),
    npmDir: shellWord(npmDir || '.'),
    pipTarget: pipTarget || '.',
    codeqlLanguages: codeqlLanguages(ecos),
  };
}

const VAR_RE = /\{\{\s*([A-Za-z]+)\s*\}\}/g;

/**
 * Fills `{{name}}` variables. A line whose variables are all empty is left out, and so is a
 * `key:` line just above it that is left without children.
 */
export function fill(snippet: string, vars: Vars, escape: (v: string) => string = (v) => v): string {
  const lines = snippet.trimEnd().split(/\r?\n/);
  const out: (string | undefined)[] = [];
  for (const line of lines) {
    const names = [...line.matchAll(VAR_RE)].map((m) => m[1]);
    if (names.length && names.every((n) => (vars[n] ?? '') === '')) {
      out.push(undefined);
      continue;
    }
    out.push(line.replace(VAR_RE, (_, n: string) => escape(vars[n] ?? '')));
  }
  // Drop parents left empty by dropped children.
  for (let i = 0; i < out.length; i++) {
    const l = out[i];
    if (l === undefined || !/:\s*$/.test(l)) continue;
    if (out[i + 1] !== undefined || i + 1 >= out.length) continue;
    let j = i + 1;
    while (j < out.length && out[j] === undefined) j++;
    const next = out[j];
    if (next === undefined || indentOf(next) <= indentOf(l)) out[i] = undefined;
  }
  return out.filter((l): l is string => l !== undefined).join('\n');
}

function unique(base: string, taken: Set<string>, sep = '-'): string {
  if (!taken.has(base)) return base;
  for (let i = 2; ; i++) if (!taken.has(`${base}${sep}${i}`)) return `${base}${sep}${i}`;
}

// ---------------------------------------------------------------------------------------------
// Edits

function insertAfterLine(yt: { lines: string[]; eol: string }, line: number, block: string[], blankBefore: boolean): TextEdit {
  const eol = yt.eol;
  return insertAt(line, yt.lines[line].length, eol + (blankBefore ? eol : '') + block.join(eol));
}

function insertBeforeLine(yt: { eol: string }, line: number, block: string[], blankAfter: boolean): TextEdit {
  return insertAt(line, 0, block.join(yt.eol) + yt.eol + (blankAfter ? yt.eol : ''));
}

/** Edits at the same position merged in order (one insertion per place). */
function mergeEdits(edits: TextEdit[]): TextEdit[] {
  const out: TextEdit[] = [];
  for (const e of edits) {
    const same = out.find((o) => o.range.start.line === e.range.start.line && o.range.start.character === e.range.start.character && o.range.end.line === o.range.start.line && o.range.end.character === o.range.start.character && e.range.end.line === e.range.start.line && e.range.end.character === e.range.start.character);
    if (same) same.newText += e.newText;
    else out.push({ ...e });
  }
  return out;
}

function openBlockYaml(text: string): { yt: YamlText; root: YAMLMap } {
  const yt = openYamlText(text);
  if (yt.errors.length) cannot(`the file has YAML errors (${yt.errors[0]})`);
  const root = rootMap(yt);
  if (!root) cannot('the file has no top-level mapping');
  if (isFlow(root)) cannot('the file is written in flow style ({ … })');
  return { yt, root: root };
}

function mapKeys(map: unknown): Set<string> {
  const out = new Set<string>();
  if (isMap(map)) for (const i of map.items) {
    const k = keyText(i);
    if (k !== undefined) out.add(k);
  }
  return out;
}

/** Appends a `key:`-first snippet to the block mapping under `key` (GitHub/CircleCI `jobs:`). Returns the edit and the id used. */
function appendToMap(yt: YamlText, root: YAMLMap, key: string, snippet: string, idBase: string, vars: Vars, snippetForError: () => string): { edit: TextEdit; id: string } {
  const pair = pairOf(root, key);
  if (!pair) cannot(`the file has no \`${key}:\``, snippetForError());
  const k = keyStart(yt, pair)!;
  const v = pair.value;
  let childCol: number;
  let unit: number;
  let blank: boolean;
  let taken = new Set<string>();
  if (isMap(v) && !isFlow(v) && v.items.length) {
    const map = v;
    taken = mapKeys(map);
    childCol = keyStart(yt, map.items[0])!.col;
    unit = childUnit(yt, map);
    const lastKey = keyStart(yt, map.items[map.items.length - 1])!.line;
    blank = map.items.length > 1 ? isBlank(yt.lines[lastKey - 1] ?? '') : true;
  } else if (isNullValue(v)) {
    unit = detectUnit(yt.lines);
    childCol = k.col + unit;
    blank = false;
  } else cannot(`\`${key}:\` is not a block mapping (flow style or a scalar)`, snippetForError());
  const id = unique(idBase, taken);
  const lines = reindentYaml(fill(snippet, { ...vars, id }), childCol!, unit!);
  return { edit: insertAfterLine(yt, blockEnd(yt.lines, k.line, k.col), lines, blank!), id };
}

/** Appends an item to a block sequence (`- …`). */
function appendToSeq(yt: YamlText, pair: Pair, item: string, what: string, snippet?: string): TextEdit {
  const k = keyStart(yt, pair)!;
  const v = pair.value;
  const unit = detectUnit(yt.lines);
  if (isSeq(v) && !isFlow(v) && v.items.length) {
    const col = dashColumn(yt, v);
    if (col === undefined) cannot(`the items of \`${what}\` could not be located`, snippet);
    return insertAfterLine(yt, blockEnd(yt.lines, k.line, k.col), reindentYaml(item, col, unit), false);
  }
  if (isNullValue(v)) return insertAfterLine(yt, blockEnd(yt.lines, k.line, k.col), reindentYaml(item, k.col + unit, unit), false);
  return cannot(`\`${what}\` is not a block list (flow style or a scalar)`, snippet);
}

// ---------------------------------------------------------------------------------------------
// Dialects

function githubJob(text: string, t: FixTemplate, dt: DialectTemplate, vars: Vars, files: FileInfo[]): TextEdit[] {
  const { yt, root } = openBlockYaml(text);
  // An action the workspace already pins by SHA gets that pin, so the new job adds no unpinned-action finding.
  const job = reusePins(dt.job!, actionPins(files));
  const { edit } = appendToMap(yt, root, 'jobs', job, t.name, vars, () => fill(job, { ...vars, id: t.name }));
  return [edit];
}

function circleJob(text: string, t: FixTemplate, dt: DialectTemplate, vars: Vars, notes: string[]): TextEdit[] {
  const { yt, root } = openBlockYaml(text);
  const { edit, id } = appendToMap(yt, root, 'jobs', dt.job!, t.name, vars, () => fill(dt.job!, { ...vars, id: t.name }));
  const edits = [edit];
  const wfs = pairOf(root, 'workflows');
  if (!wfs) {
    notes.push(`The config has no \`workflows:\`; add \`${id}\` to a workflow so that it runs.`);
    return edits;
  }
  if (!isMap(wfs.value) || isFlow(wfs.value)) cannot('`workflows:` is not a block mapping');
  const wf: Pair | undefined = wfs.value.items.find((i) => keyText(i) !== 'version' && isMap(i.value));
  if (!wf) cannot('no workflow to add the job to');
  const jobs = pairOf(wf.value, 'jobs');
  if (!jobs) cannot(`workflow \`${keyText(wf)}\` has no \`jobs:\``);
  edits.push(appendToSeq(yt, jobs, `- ${id}`, `workflows.${keyText(wf)}.jobs`));
  return edits;
}

const GITLAB_DEFAULT_STAGES = ['build', 'test', 'deploy'];
const DEPLOY_LIKE = /deploy|release|publish|prod|staging|review/i;

function seqStrings(seq: unknown): string[] {
  if (!isSeq(seq)) return [];
  return seq.items.map((i) => (i && typeof i === 'object' && 'value' in i ? String(i.value) : ''));
}

/** Edits that make `name` a stage of the pipeline (none when it already is one). */
function ensureGitlabStage(yt: YamlText, root: YAMLMap, name: string): TextEdit[] {
  const pair = pairOf(root, 'stages');
  const unit = detectUnit(yt.lines);
  if (!pair) {
    if (GITLAB_DEFAULT_STAGES.includes(name)) return [];
    // Without `stages:` GitLab uses build, test, deploy: write them down with the new one.
    const first = root.items[0];
    const at = keyStart(yt, first)!;
    const block = reindentYaml(['stages:', ...[...GITLAB_DEFAULT_STAGES, name].map((s) => `  - ${s}`)].join('\n'), at.col, unit);
    return [insertBeforeLine(yt, at.line, block, true)];
  }
  const v = pair.value;
  const stages = seqStrings(v);
  if (stages.includes(name)) return [];
  const beforeIdx = name === 'build' ? 0 : name === 'dast' ? -1 : stages.findIndex((s) => DEPLOY_LIKE.test(s));
  if (isSeq(v) && isFlow(v)) {
    const seq = v;
    const start = nodeStart(yt, seq)!;
    const endOff = seq.range![1];
    const end = yt.lc.linePos(endOff);
    if (end.line - 1 !== start.line) cannot('`stages:` is a flow list over several lines');
    if (beforeIdx >= 0 && seq.items[beforeIdx]) {
      const at = nodeStart(yt, seq.items[beforeIdx])!;
      return [insertAt(at.line, at.col, `${name}, `)];
    }
    // Before the closing bracket.
    const line = yt.lines[start.line];
    const close = line.lastIndexOf(']', end.col - 1);
    if (close < 0) cannot('`stages:` could not be read');
    return [insertAt(start.line, close, seq.items.length ? `, ${name}` : name)];
  }
  if (!isSeq(v)) cannot('`stages:` is not a list');
  const seq = v;
  if (beforeIdx >= 0 && seq.items[beforeIdx]) {
    const col = dashColumn(yt, seq);
    const at = nodeStart(yt, seq.items[beforeIdx])!;
    if (col === undefined) cannot('the stages could not be located');
    return [insertAt(at.line, 0, `${' '.repeat(col)}- ${name}${yt.eol}`)];
  }
  return [appendToSeq(yt, pair, `- ${name}`, 'stages')];
}

function gitlabStageFor(root: YAMLMap, prefs: string[]): string {
  const stages = pairOf(root, 'stages') ? seqStrings(pairOf(root, 'stages')!.value) : GITLAB_DEFAULT_STAGES;
  return prefs.find((p) => stages.includes(p)) ?? prefs[0] ?? 'test';
}

function gitlab(text: string, t: FixTemplate, dt: DialectTemplate, vars: Vars, notes: string[]): TextEdit[] {
  const { yt, root } = openBlockYaml(text);
  const edits: TextEdit[] = [];
  const unit = detectUnit(yt.lines);
  const rootCol = keyStart(yt, root.items[0])?.col ?? 0;
  const stage = dt.include ? dt.stage![0] : gitlabStageFor(root, dt.stage ?? ['test']);
  edits.push(...ensureGitlabStage(yt, root, stage));

  if (dt.include) {
    const inc = pairOf(root, 'include');
    const item = `- template: ${dt.include}`;
    if (!inc) {
      const block = reindentYaml(`include:\n  ${item}`, rootCol, unit);
      const stages = pairOf(root, 'stages');
      if (stages) {
        const k = keyStart(yt, stages)!;
        edits.push(insertAfterLine(yt, blockEnd(yt.lines, k.line, k.col), ['', ...block], false));
      } else {
        const at = keyStart(yt, root.items[0])!;
        edits.push(insertBeforeLine(yt, at.line, block, true));
      }
    } else {
      const v = inc.value;
      const already = isSeq(v) && v.items.some((i) => isMap(i) && (scalarText(pairOf(i, 'template')?.value) ?? '') === dt.include);
      if (already) notes.push(`${dt.include} is already included.`);
      else if (isSeq(v) && !isFlow(v)) edits.push(appendToSeq(yt, inc, item, 'include'));
      else if (v && typeof v === 'object' && 'range' in v && !isMap(v) && !isSeq(v)) {
        // `include: path.yml` on one line: becomes a list of the old entry and the template.
        const r = (v as { range: [number, number, number] }).range;
        const s = yt.lc.linePos(r[0]);
        const e = yt.lc.linePos(r[1]);
        if (s.line !== e.line) cannot('`include:` is a multi-line scalar');
        const k = keyStart(yt, inc)!;
        const indent = ' '.repeat(k.col + unit);
        const old = yt.text.slice(r[0], r[1]);
        edits.push({ range: range0(s.line - 1, s.col - 1, e.line - 1, e.col - 1), newText: `${yt.eol}${indent}- ${old}${yt.eol}${indent}${item}` });
        // The space between `include:` and the old value stays as trailing space: remove it.
        const keyLine = yt.lines[s.line - 1];
        const colon = keyLine.lastIndexOf(':', s.col - 2);
        if (colon >= 0 && colon + 1 < s.col - 1) edits.push({ range: range0(s.line - 1, colon + 1, s.line - 1, s.col - 1), newText: '' });
      } else cannot('`include:` is written in flow style or as a single mapping', `include:\n  ${item}`);
    }
  }

  if (dt.variables) {
    const varsPair = pairOf(root, 'variables');
    const lines = dt.variables.trimEnd().split(/\r?\n/);
    const keys = lines.map((l) => /^([A-Za-z_][A-Za-z0-9_]*)\s*:/.exec(l)?.[1]).filter((k): k is string => !!k);
    const taken = varsPair ? mapKeys(varsPair.value) : new Set<string>();
    const fresh = lines.filter((l) => {
      const k = /^([A-Za-z_][A-Za-z0-9_]*)\s*:/.exec(l)?.[1];
      return !k || !taken.has(k);
    });
    if (keys.every((k) => taken.has(k))) notes.push(`The pipeline already sets ${keys.join(', ')}.`);
    else if (varsPair && isMap(varsPair.value) && !isFlow(varsPair.value) && varsPair.value.items.length) {
      const k = keyStart(yt, varsPair)!;
      const col = keyStart(yt, varsPair.value.items[0])!.col;
      edits.push(insertAfterLine(yt, blockEnd(yt.lines, k.line, k.col), fresh.map((l) => ' '.repeat(col) + l), false));
    } else if (varsPair && isNullValue(varsPair.value)) {
      const k = keyStart(yt, varsPair)!;
      edits.push(insertAfterLine(yt, k.line, fresh.map((l) => ' '.repeat(k.col + unit) + l), false));
    } else if (varsPair) cannot('`variables:` is written in flow style', `variables:\n${indentBlock(dt.variables, 2)}`);
    else {
      const block = reindentYaml(`variables:\n${indentBlock(fresh.join('\n'), 2)}`, rootCol, unit);
      const at = pairOf(root, 'include') ?? pairOf(root, 'stages');
      if (at) {
        const k = keyStart(yt, at)!;
        edits.push(insertAfterLine(yt, blockEnd(yt.lines, k.line, k.col), ['', ...block], false));
      } else edits.push(insertBeforeLine(yt, keyStart(yt, root.items[0])!.line, block, true));
    }
  }

  if (dt.job) {
    const keyLine = dt.job.split('\n')[0];
    const fixedKey = /\{\{\s*id\s*\}\}/.test(keyLine) ? undefined : keyLine.replace(/:\s*$/, '').trim();
    const taken = mapKeys(root);
    if (fixedKey && taken.has(fixedKey)) notes.push(`The pipeline already has a \`${fixedKey}\` job: set its variables there.`);
    else {
      const id = unique(t.name, taken);
      const lines = reindentYaml(fill(dt.job, { ...vars, id, stage }), rootCol, unit);
      let last = yt.lines.length - 1;
      while (last > 0 && (isBlank(yt.lines[last]) || /^(---|\.\.\.)\s*$/.test(yt.lines[last]))) last--;
      edits.push(insertAfterLine(yt, last, lines, true));
    }
  }
  return edits;
}

const AZURE_NAME = (s: string) => s.replace(/[^A-Za-z0-9_]/g, '_');

function azurePool(lines: string[]): string {
  for (let i = 0; i < lines.length; i++) {
    const m = /^(\s*)pool:\s*(.*?)\s*(#.*)?$/.exec(lines[i]);
    if (!m) continue;
    if (m[2] && !m[2].startsWith('{') && !m[2].startsWith('$')) return `pool: ${m[2]}`;
    const col = m[1].length;
    for (let j = i + 1; j < lines.length && (isBlank(lines[j]) || indentOf(lines[j]) > col); j++) {
      const v = /^\s*vmImage:\s*(['"]?)([^'"#\s]+)\1/.exec(lines[j]);
      if (v) return /windows|macos/i.test(v[2]) ? 'pool:\n  vmImage: ubuntu-latest' : `pool:\n  vmImage: ${v[2]}`;
      const n = /^\s*name:\s*(['"]?)([^'"#]+?)\1\s*(#.*)?$/.exec(lines[j]);
      if (n) return `pool:\n  name: ${n[2].includes(':') ? JSON.stringify(n[2]) : n[2]}`;
    }
  }
  return 'pool:\n  vmImage: ubuntu-latest';
}

function indentBlock(text: string, by: number): string {
  return text.split('\n').map((l) => (l.trim() ? ' '.repeat(by) + l : l)).join('\n');
}

function azure(text: string, t: FixTemplate, dt: DialectTemplate, vars: Vars): TextEdit[] {
  const { yt, root } = openBlockYaml(text);
  const steps = fill(dt.steps!, vars);
  const names = (re: RegExp) => new Set([...text.matchAll(re)].map((m) => m[1]));
  const jobName = unique(AZURE_NAME(t.name), names(/^\s*-?\s*(?:job|deployment):\s*['"]?([A-Za-z0-9_]+)/gm), '_');
  const job = [`- job: ${jobName}`, `  displayName: ${t.label}`, indentBlock(azurePool(yt.lines), 2), '  steps:', indentBlock(steps, 4)].join('\n');
  const stagesPair = pairOf(root, 'stages');
  const jobsPair = pairOf(root, 'jobs');
  const stepsPair = pairOf(root, 'steps');
  if (stagesPair) {
    const stageName = unique(AZURE_NAME(t.name), names(/^\s*-?\s*stage:\s*['"]?([A-Za-z0-9_]+)/gm), '_');
    const stage = [`- stage: ${stageName}`, `  displayName: ${t.label}`, '  dependsOn: []', '  jobs:', indentBlock(job, 4)].join('\n');
    return [appendToSeq(yt, stagesPair, stage, 'stages', stage)];
  }
  if (jobsPair) return [appendToSeq(yt, jobsPair, job, 'jobs', job)];
  if (stepsPair) return [appendToSeq(yt, stepsPair, steps, 'steps', steps)];
  return cannot('the pipeline has no `stages:`, `jobs:` or `steps:` of its own (it may extend a template)', job);
}

function bitbucket(text: string, _t: FixTemplate, dt: DialectTemplate, vars: Vars): TextEdit[] {
  const { yt, root } = openBlockYaml(text);
  const step = `- step:\n${indentBlock(fill(dt.step!, vars), 4)}`;
  const pipelines = pairOf(root, 'pipelines');
  if (!pipelines) cannot('the file has no `pipelines:`', step);
  const v = pipelines.value;
  if (!isMap(v) || isFlow(v)) cannot('`pipelines:` is not a block mapping', step);
  const def = pairOf(v, 'default');
  if (def) return [appendToSeq(yt, def, step, 'pipelines.default', step)];
  const unit = childUnit(yt, v);
  const first = v.items[0] as Pair | undefined;
  const k = keyStart(yt, pipelines)!;
  const col = first ? keyStart(yt, first)!.col : k.col + unit;
  const block = reindentYaml(`default:\n  ${step.replace(/\n/g, '\n  ')}`, col, unit);
  return [insertAfterLine(yt, k.line, block, false)];
}

/** Cloud Build, Buildkite, Drone, Woodpecker: a step appended to the top-level `steps:` list (a Drone file's first pipeline). */
function stepListItem(text: string, t: FixTemplate, dt: DialectTemplate, vars: Vars): TextEdit[] {
  const body = fill(dt.item!, { ...vars, id: t.name });
  const item = body.split('\n').map((l, i) => (i === 0 ? `- ${l}` : `  ${l}`)).join('\n');
  const { yt, root } = openBlockYaml(text);
  const steps = pairOf(root, 'steps');
  if (!steps) cannot('the file has no `steps:`', item);
  if (isMap(steps.value)) cannot('`steps:` is a mapping of named steps: add the step under a name of its own', `${t.name}:\n${indentBlock(body, 2)}`);
  return [appendToSeq(yt, steps, item, 'steps', item)];
}

/** A shell line as a YAML list item: quoted when plain style would read it differently. */
function commandItem(line: string): string {
  return /^[\s"'&*!|>%@`{[\]#?:,-]|: | #|:$/.test(line) ? `- '${line.replace(/'/g, "''")}'` : `- ${line}`;
}

/** CodeBuild: shell lines appended to `phases.build.commands`. */
function buildCommands(text: string, dt: DialectTemplate, vars: Vars): TextEdit[] {
  const lines = fill(dt.commands!, vars).split('\n').filter((l) => l.trim() !== '');
  const block = lines.map((l) => (l.trimStart().startsWith('#') ? l.trimStart() : commandItem(l))).join('\n');
  const { yt, root } = openBlockYaml(text);
  const build = pairOf(pairOf(root, 'phases')?.value, 'build');
  const commands = build ? pairOf(build.value, 'commands') : undefined;
  if (!commands) cannot('the buildspec has no `phases.build.commands`', block);
  return [appendToSeq(yt, commands, block, 'phases.build.commands', block)];
}

function jenkins(text: string, t: FixTemplate, dt: DialectTemplate, vars: Vars): TextEdit[] {
  const lines = splitLines(text);
  const eol = eolOf(text);
  const p = jenkinsPlacement(text, lines);
  const body = fill(dt.steps!, vars, (v) => v.replace(/\\/g, '\\\\').replace(/'/g, "\\'"));
  if ('reason' in p) cannot(p.reason, `stage(${groovyString(t.label)}) {\n    agent any\n    steps {\n${indentBlock(body, 8)}\n    }\n}`);
  const pl = p;
  const name = pl.names.has(t.label) ? unique(t.label, pl.names, ' ') : t.label;
  const u = pl.unit;
  const out: string[] = [];
  if (pl.style === 'declarative') {
    out.push(`${pl.indent}stage(${groovyString(name)}) {`, `${pl.indent}${u}agent any`, `${pl.indent}${u}steps {`, ...reindentGroovy(body, pl.indent + u + u, u), `${pl.indent}${u}}`, `${pl.indent}}`);
  } else {
    out.push(`${pl.indent}stage(${groovyString(name)}) {`, ...reindentGroovy(body, pl.indent + u, u), `${pl.indent}}`);
  }
  return [insertAt(pl.insertLine, 0, (pl.needsBlank ? eol : '') + out.join(eol) + eol)];
}

function dockerInstructions(path: string, text: string, block: string[]): TextEdit[] {
  const lines = splitLines(text);
  const eol = eolOf(text);
  const p = dockerPlacement(path, text, lines);
  if ('reason' in p) cannot(p.reason, block.join('\n'));
  const pl = p;
  if (pl.beforeLine !== undefined) return [insertAt(pl.beforeLine, 0, block.join(eol) + eol)];
  return [insertAt(pl.afterLine!, lines[pl.afterLine!].length, eol + block.join(eol))];
}

// ---------------------------------------------------------------------------------------------
// Edit operations (weak controls)

function workflowPermissions(text: string, dt: DialectTemplate): TextEdit[] {
  const { yt, root } = openBlockYaml(text);
  if (pairOf(root, 'permissions')) cannot('the workflow already sets `permissions:` at the top');
  const jobs = pairOf(root, 'jobs');
  const anchor = jobs ?? (root.items[root.items.length - 1]);
  const k = keyStart(yt, anchor)!;
  let line = k.line;
  while (line > 0 && /^\s*#/.test(yt.lines[line - 1])) line--;
  const unit = jobs && isMap(jobs.value) ? childUnit(yt, jobs.value) : detectUnit(yt.lines);
  const block = reindentYaml(dt.params?.block ?? 'permissions:\n  contents: read', k.col, unit);
  return [insertBeforeLine(yt, line, block, true)];
}

function checkoutPersistCredentials(text: string, at: Loc[] | undefined): TextEdit[] {
  const { yt, root } = openBlockYaml(text);
  const jobs = pairOf(root, 'jobs');
  if (!jobs || !isMap(jobs.value)) cannot('the workflow has no `jobs:` mapping');
  const edits: TextEdit[] = [];
  let flowSteps = 0;
  for (const j of jobs.value.items) {
    const steps = pairOf(j.value, 'steps');
    if (!steps || !isSeq(steps.value)) continue;
    const items = steps.value.items;
    items.forEach((item, idx) => {
      const uses = pairOf(item, 'uses');
      const u = uses && (scalarText(uses.value) ?? '');
      if (!u || !/^actions\/checkout(@|$)/.test(u)) return;
      const start = nodeStart(yt, item)!;
      const nextStart = items[idx + 1] ? nodeStart(yt, items[idx + 1])!.line : Infinity;
      if (at && !at.some((l) => l.line - 1 >= start.line && l.line - 1 < nextStart)) return;
      if (isFlow(item)) {
        flowSteps++;
        return;
      }
      const firstKey = keyStart(yt, (item as YAMLMap).items[0])!;
      const unit = detectUnit(yt.lines);
      const w = pairOf(item, 'with');
      if (!w) {
        const dash = (yt.lines[start.line] ?? '').lastIndexOf('-', start.col - 1);
        const end = blockEnd(yt.lines, start.line, dash >= 0 ? dash : start.col - 2, false);
        edits.push(insertAfterLine(yt, end, reindentYaml('with:\n  persist-credentials: false', firstKey.col, unit), false));
        return;
      }
      const wk = keyStart(yt, w)!;
      const pc = pairOf(w.value, 'persist-credentials');
      if (pc) {
        const val = pc.value as { range?: [number, number, number]; value?: unknown };
        if (String(val?.value) === 'false' || !val?.range) return;
        const s = yt.lc.linePos(val.range[0]);
        const e = yt.lc.linePos(val.range[1]);
        edits.push({ range: range0(s.line - 1, s.col - 1, e.line - 1, e.col - 1), newText: 'false' });
        return;
      }
      if (isMap(w.value) && !isFlow(w.value) && w.value.items.length) {
        const col = keyStart(yt, w.value.items[0])!.col;
        edits.push(insertAfterLine(yt, blockEnd(yt.lines, wk.line, wk.col), [' '.repeat(col) + 'persist-credentials: false'], false));
      } else if (isNullValue(w.value)) {
        edits.push(insertAfterLine(yt, wk.line, [' '.repeat(wk.col + unit) + 'persist-credentials: false'], false));
      } else flowSteps++;
    });
  }
  if (!edits.length) cannot(flowSteps ? 'the checkout step is written in flow style' : 'no actions/checkout step without `persist-credentials: false` was found');
  return edits;
}

function finalStageUser(path: string, text: string, dt: DialectTemplate): TextEdit[] {
  const lines = splitLines(text);
  const p = dockerPlacement(path, text, lines);
  if ('reason' in p) cannot(p.reason);
  const pl = p;
  const family = imageFamily(pl.stage, pl.file);
  const snippet = dt.params?.[family] ?? dt.params?.other ?? 'USER 10001:10001';
  return dockerInstructions(path, text, snippet.trimEnd().split(/\r?\n/));
}

/** Image references with a moving or missing tag, with their exact place. */
function movingImages(kind: FileKind, path: string, text: string): { loc: Loc; image: string }[] {
  const parsed = parseFile(kind, path, text);
  const out: { loc: Loc; image: string }[] = [];
  const moving = (img: string) => {
    if (img.includes('@') || img.includes('$') || img.includes('{{')) return false;
    const slash = img.lastIndexOf('/');
    const colon = img.lastIndexOf(':');
    return colon <= slash || img.slice(colon + 1).toLowerCase() === 'latest';
  };
  if (parsed?.kind === 'dockerfile') {
    for (const s of parsed.stages) if (s.parent === undefined && !s.scratch && !s.image.unresolved && moving(s.from.value)) out.push({ loc: s.from.loc, image: s.from.value });
  } else if (parsed?.kind === 'compose') {
    for (const s of parsed.services) if (s.image && !s.build && moving(s.image.value)) out.push({ loc: s.image.loc, image: s.image.value });
  } else if (parsed?.kind === 'kubernetes') {
    for (const r of parsed.resources) for (const c of [...(r.pod?.initContainers ?? []), ...(r.pod?.containers ?? [])]) if (c.image && moving(c.image.value)) out.push({ loc: c.image.loc, image: c.image.value });
  }
  return out;
}

function imageTagPlaceholder(kind: FileKind, path: string, text: string, dt: DialectTemplate, at: Loc[] | undefined): TextEdit[] {
  const placeholder = dt.params?.tag ?? '<pin-a-version>';
  const lines = splitLines(text);
  const targets = movingImages(kind, path, text).filter((m) => !at || at.some((l) => m.loc.line === l.line));
  const edits: TextEdit[] = [];
  for (const m of targets) {
    if (m.loc.line !== m.loc.endLine) continue;
    const written = lines[m.loc.line - 1].slice(m.loc.column - 1, m.loc.endColumn - 1);
    if (written !== m.image) continue;
    const next = pinPlaceholder(written, placeholder);
    if (next) edits.push({ range: range0(m.loc.line - 1, m.loc.column - 1, m.loc.line - 1, m.loc.endColumn - 1), newText: next });
  }
  if (!edits.length) cannot('no image with a `latest` or missing tag was found here');
  return edits;
}

const CANNOT_FAIL_RE = /\b(continue-on-error|allow_failure|continueOnError)(\s*:\s*)(['"]?)(true|True|TRUE|yes|Yes|on|On)\3(?=\s*(#|$))/;

function scannerMustFail(kind: FileKind, path: string, text: string, at: Loc[] | undefined): TextEdit[] {
  const lines = splitLines(text);
  let targets: number[];
  if (at) targets = [...new Set(at.map((l) => l.line - 1))];
  else {
    const parsed = parseFile(kind, path, text) as CiFile | undefined;
    const locs = (parsed?.jobs ?? []).flatMap((j) => [j.cannotFail, ...j.steps.map((s) => s.cannotFail)]).filter((l): l is Loc => !!l && l.path === path);
    targets = [...new Set(locs.map((l) => l.line - 1))];
  }
  const edits: TextEdit[] = [];
  for (const line of targets) {
    const m = CANNOT_FAIL_RE.exec(lines[line] ?? '');
    if (!m) continue;
    const start = m.index + m[1].length + m[2].length;
    edits.push({ range: range0(line, start, line, start + m[3].length * 2 + m[4].length), newText: 'false' });
  }
  if (!edits.length) cannot('no `continue-on-error: true` / `allow_failure: true` / `continueOnError: true` was found here');
  return edits;
}

// ---------------------------------------------------------------------------------------------

function snippetOf(dt: DialectTemplate, vars: Vars, t: FixTemplate): string | undefined {
  const s = dt.job ?? dt.steps ?? dt.step ?? dt.item ?? dt.commands ?? dt.instructions;
  return s ? fill(s, { ...vars, id: t.name, stage: dt.stage?.[0] ?? 'test' }) : dt.include ? `include:\n  - template: ${dt.include}` : undefined;
}

function errorCount(kind: FileKind, path: string, text: string): number {
  try {
    const p = parseFile(kind, path, text);
    return p ? p.problems.filter((x) => x.severity === 'error').length : 0;
  } catch {
    return Number.MAX_SAFE_INTEGER;
  }
}

/** What a placement or a hardening edit works with. */
interface EditInput {
  text: string;
  path: string;
  kind: FileKind;
  template: FixTemplate;
  dt: DialectTemplate;
  vars: Vars;
  files: FileInfo[];
  /** Notes for the user, filled by the edit. */
  notes: string[];
  /** The places the diagnostic points at (a grouped finding has several). */
  spots: Loc[] | undefined;
}

/** Edits to what the file already holds (`edit:` in model/fixes.yaml), one per operation. */
const HARDENING_EDITS: Record<EditOperation, (i: EditInput) => TextEdit[]> = {
  'workflow-permissions': (i) => workflowPermissions(i.text, i.dt),
  'checkout-persist-credentials': (i) => checkoutPersistCredentials(i.text, i.spots),
  'final-stage-user': (i) => finalStageUser(i.path, i.text, i.dt),
  'image-tag-placeholder': (i) => {
    const edits = imageTagPlaceholder(i.kind, i.path, i.text, i.dt, i.spots);
    i.notes.push(`Replace ${i.dt.params?.tag ?? '<pin-a-version>'} with a released version (and ideally its @sha256 digest): the build fails until you do.`);
    return edits;
  },
  'scanner-must-fail': (i) => scannerMustFail(i.kind, i.path, i.text, i.spots),
};

/** Dialects where a new control is inserted; compose, Kubernetes and repository fixes only edit or create files. */
type PlacedDialect = Exclude<FixDialect, 'compose' | 'kubernetes' | 'repository'>;

/** Where each dialect takes a new control: a CI system missing here fails to compile. */
const PLACEMENTS: Record<PlacedDialect, (i: EditInput) => TextEdit[]> = {
  'github-workflow': (i) => githubJob(i.text, i.template, i.dt, i.vars, i.files),
  circleci: (i) => circleJob(i.text, i.template, i.dt, i.vars, i.notes),
  'gitlab-ci': (i) => gitlab(i.text, i.template, i.dt, i.vars, i.notes),
  'azure-pipelines': (i) => azure(i.text, i.template, i.dt, i.vars),
  'bitbucket-pipelines': (i) => bitbucket(i.text, i.template, i.dt, i.vars),
  jenkinsfile: (i) => jenkins(i.text, i.template, i.dt, i.vars),
  cloudbuild: (i) => stepListItem(i.text, i.template, i.dt, i.vars),
  buildkite: (i) => stepListItem(i.text, i.template, i.dt, i.vars),
  drone: (i) => stepListItem(i.text, i.template, i.dt, i.vars),
  woodpecker: (i) => stepListItem(i.text, i.template, i.dt, i.vars),
  codebuild: (i) => buildCommands(i.text, i.dt, i.vars),
  dockerfile: (i) => dockerInstructions(i.path, i.text, fill(i.dt.instructions!, i.vars).split('\n')),
};

/**
 * Applies template `templateId` to `entry`'s file (`text` is its current content). File-creation
 * templates ignore `entry` and `text`. `context.files` (the index entries) feeds ecosystems and
 * Dockerfile paths; `context.at` limits spot fixes to the diagnostic's place.
 */
export function computeFix(
  fixes: FixCatalogue,
  templateId: string,
  entry: { path: string; kind: FileKind } | undefined,
  text: string,
  context: FixContext = {},
): FixResult {
  const t = fixes.byId.get(templateId);
  const path = entry?.path ?? '';
  if (!t) return { kind: 'cannot-place', path, title: templateId, reason: `unknown fix "${templateId}"` };
  const files = context.files ?? [];
  const ecos = detectEcosystems(files);
  const vars = templateVars(t, files, ecos);
  const repo = t.dialects.repository;
  if (repo?.createFile) {
    const eol = text && entry ? eolOf(text) : '\n';
    const content = repo.generator === 'dependabot' ? dependabotConfig(ecos, eol) : repo.generator === 'renovate' ? renovateConfig(ecos, files, eol) : (repo.content ?? '').replace(/\r?\n/g, eol);
    if (files.some((f) => f.path === repo.createFile)) {
      return { kind: 'cannot-place', path: repo.createFile, title: t.title, reason: `${repo.createFile} already exists; it is never overwritten.`, snippet: content };
    }
    return { kind: 'create-file', path: repo.createFile, content, title: t.title, notes: [] };
  }
  const dialect = dialectOf(entry?.kind);
  const dt = dialect ? t.dialects[dialect] : undefined;
  if (!entry || !dialect || !dt) return { kind: 'cannot-place', path, title: t.title, reason: `"${t.title}" has no template for ${entry?.kind ?? 'this file'}` };
  const notes: string[] = [];
  const spots = context.places?.length ? context.places : context.at ? [context.at] : undefined;
  try {
    const input: EditInput = { text, path: entry.path, kind: entry.kind, template: t, dt, vars, files, notes, spots };
    let edits: TextEdit[];
    if (dt.edit) edits = HARDENING_EDITS[dt.edit](input);
    else if (dialect in PLACEMENTS) edits = PLACEMENTS[dialect as PlacedDialect](input);
    else return { kind: 'cannot-place', path, title: t.title, reason: `no placement for ${dialect}` };
    edits = mergeEdits(edits);
    if (!edits.length) return { kind: 'cannot-place', path, title: t.title, reason: notes[0] ?? 'nothing to change', snippet: snippetOf(dt, vars, t) };
    const after = applyEdits(text, edits);
    const errorsAfter = errorCount(entry.kind, entry.path, after);
    if (errorsAfter > 0 && errorsAfter > errorCount(entry.kind, entry.path, text)) {
      return { kind: 'cannot-place', path, title: t.title, reason: 'the edit would not parse cleanly, so it was not applied', snippet: snippetOf(dt, vars, t) };
    }
    return { kind: 'edits', path, edits, title: t.title, notes };
  } catch (e) {
    if (e instanceof CannotPlace) return { kind: 'cannot-place', path, title: t.title, reason: `Cannot place automatically: ${e.reason}.`, snippet: e.snippet ?? snippetOf(dt, vars, t) };
    throw e;
  }
}
