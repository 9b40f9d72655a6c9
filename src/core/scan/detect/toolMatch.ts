// Matching what the engine meets against the tool catalogue: every shell invocation, action,
// task, orb, pipe, image, template, component, pre-commit hook and config file.
//
// Deliberately no regular expressions from the files: words are compared exactly, as a
// prefix (`--format=`, `--sbom`, `dir:`) or with `*` wildcards matched by a linear-time
// routine (glob.ts), so a hostile catalogue cannot freeze the editor.
import { trimEndOf, trimOf } from '../../text';
import { globMatch, wildcardMatch } from '../../glob';
import { Invocation } from '../parse/shell';
import { ciDialect } from '../ci/registry';
import { CiKind } from '../types';
import { Catalogue, isGap, normProgram, RunMatcher, ToolDef, ToolMatch, UsesMatcher } from './catalogue';

// ───────────────────────────────────────────── word matching

interface Alt {
  /** 0 = exact, 1 = prefix, 2 = wildcard. */
  kind: 0 | 1 | 2;
  s: string;
}

// Patterns are split and classified once; the cache is bounded (patterns come from catalogues).
const wordCache = new Map<string, Alt[]>();
const argCache = new Map<string, Alt[]>();

function compilePattern(pattern: string, asArg: boolean): Alt[] {
  const cache = asArg ? argCache : wordCache;
  let alts = cache.get(pattern);
  if (alts) return alts;
  alts = pattern
    .toLowerCase()
    .split('|')
    .map((a): Alt => {
      if (a.includes('*')) return { kind: 2, s: a };
      if (asArg && (a.endsWith('=') || a.endsWith(':') || a.startsWith('--'))) return { kind: 1, s: a };
      return { kind: 0, s: a };
    });
  if (cache.size > 20_000) cache.clear();
  cache.set(pattern, alts);
  return alts;
}

function altsMatch(alts: Alt[], value: string): boolean {
  for (const a of alts) {
    if (a.kind === 0 ? a.s === value : a.kind === 1 ? value.startsWith(a.s) : wildcardMatch(a.s, value)) return true;
  }
  return false;
}

/** A positional word (program, subcommand, input value): exact or wildcard, with `|` alternatives. */
function wordMatches(pattern: string, value: string): boolean {
  return altsMatch(compilePattern(pattern, false), value);
}

/** The argument strings to test: each argument, plus `opt=value` for `opt value` pairs. */
function argCandidates(args: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i].toLowerCase();
    out.push(a);
    const next = args[i + 1];
    if (a.length > 1 && a.startsWith('-') && !a.includes('=') && next !== undefined && !next.startsWith('-')) out.push(`${a}=${next.toLowerCase()}`);
  }
  return out;
}

/** An argument pattern: `*` wildcards; `x=`, `x:` and `--x` match as prefixes; else exact. */
function anyArgMatches(pattern: string, cands: string[]): boolean {
  const alts = compilePattern(pattern, true);
  for (const c of cands) if (altsMatch(alts, c)) return true;
  return false;
}

interface SeqWord {
  gap: boolean;
  pattern: string;
}

interface CompiledRun {
  rm: RunMatcher;
  sequences: SeqWord[][];
  args: string[];
  anyArgs: string[];
  notArgs: string[];
}

function compileRun(rm: RunMatcher): CompiledRun {
  const sequences = rm.subcommands.map((s) => {
    const out: SeqWord[] = [];
    let gap = false;
    for (const w of s.split(/\s+/).filter(Boolean)) {
      if (isGap(w)) gap = true;
      else {
        out.push({ gap, pattern: w.toLowerCase() });
        gap = false;
      }
    }
    return out;
  });
  const low = (l: string[]) => l.map((x) => x.toLowerCase());
  return { rm, sequences, args: low(rm.args), anyArgs: low(rm.anyArgs), notArgs: low(rm.notArgs) };
}

interface Positional {
  word: string;
  /** The word follows an option without `=`, so it may be that option's value. */
  maybeValue: boolean;
}

function positionals(args: string[]): Positional[] {
  const out: Positional[] = [];
  let rest = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (!rest && a === '--') {
      rest = true;
      continue;
    }
    if (!rest && a.length > 1 && a.startsWith('-')) continue;
    const prev = i > 0 ? args[i - 1] : '';
    out.push({ word: a.toLowerCase(), maybeValue: !rest && prev.length > 1 && prev.startsWith('-') && !prev.includes('=') && prev !== '--' });
  }
  return out;
}

/**
 * Does the subcommand sequence appear in the positional words (option values may be skipped)?
 * A search with backtracking is exponential in the number of arguments when a sequence has
 * several `...` gaps (a hostile catalogue or pipeline could freeze the editor), so this walks
 * the positions once, keeping the set of sequence words that may come next: O(words × positions).
 */
function sequenceMatches(seq: SeqWord[], pos: Positional[]): boolean {
  // next[wi]: "word wi is the next one to find" is possible at the current position.
  let next = new Uint8Array(seq.length + 1);
  next[0] = 1;
  for (let k = 0; k < pos.length; k++) {
    if (next[seq.length]) return true;
    const after = new Uint8Array(seq.length + 1);
    let any = false;
    for (let wi = 0; wi < seq.length; wi++) {
      if (!next[wi]) continue;
      const w = seq[wi];
      if (wordMatches(w.pattern, pos[k].word)) after[wi + 1] = 1;
      // The word may still come later: anything may precede it after a gap, option values always.
      if (w.gap || pos[k].maybeValue) after[wi] = 1;
      any = true;
    }
    if (!any) return false;
    next = after;
  }
  return next[seq.length] === 1;
}

function runArgsMatch(c: CompiledRun, args: string[], cands: string[], pos: Positional[]): boolean {
  if (c.sequences.length && !c.sequences.some((s) => sequenceMatches(s, pos))) return false;
  if (!c.args.every((a) => anyArgMatches(a, cands))) return false;
  if (c.anyArgs.length && !c.anyArgs.some((a) => anyArgMatches(a, cands))) return false;
  if (c.notArgs.some((a) => anyArgMatches(a, cands))) return false;
  void args;
  return true;
}

function hasNoRequirements(c: CompiledRun): boolean {
  return c.sequences.length === 0 && c.args.length === 0 && c.anyArgs.length === 0;
}

// ───────────────────────────────────────────── normalisation of references

/** `docker.io/library/alpine:3@sha256:…` → `alpine`; lower case, no tag or digest. */
export function normImage(image: string): string {
  let s = image.trim().toLowerCase();
  if (s.startsWith('docker://')) s = s.slice('docker://'.length);
  const at = s.indexOf('@');
  if (at >= 0) s = s.slice(0, at);
  const slash = s.lastIndexOf('/');
  const colon = s.lastIndexOf(':');
  if (colon > slash) s = s.slice(0, colon);
  for (const prefix of ['docker.io/', 'index.docker.io/', 'registry-1.docker.io/', 'registry.hub.docker.com/']) {
    if (s.startsWith(prefix)) {
      s = s.slice(prefix.length);
      break;
    }
  }
  if (s.startsWith('library/')) s = s.slice('library/'.length);
  return s;
}

function normTemplate(name: string): string {
  let s = name.trim().toLowerCase().replace(/^\/+/, '');
  if (s.endsWith('.latest.gitlab-ci.yml')) s = s.slice(0, -'.latest.gitlab-ci.yml'.length) + '.gitlab-ci.yml';
  return s;
}

/** Component path without host and version: `gitlab.com/components/sast/sast@2` → `components/sast/sast`. */
function normComponent(ref: string): string {
  let s = ref.trim().toLowerCase().replace(/^https?:\/\//, '');
  const at = s.indexOf('@');
  if (at >= 0) s = s.slice(0, at);
  const slash = s.indexOf('/');
  return slash >= 0 ? s.slice(slash + 1) : s;
}

function normPath(path: string): string {
  let s = path.trim().replace(/\\/g, '/');
  while (s.startsWith('./')) s = s.slice(2);
  return s.replace(/^\/+/, '').toLowerCase();
}

// ───────────────────────────────────────────── index

interface ToolRef {
  probe: string;
  tool: ToolDef;
}

interface RunRef extends ToolRef {
  run: CompiledRun;
}

interface UsesRef extends ToolRef {
  m: UsesMatcher;
  /** Orbs: the command the entry is limited to (`circleci/aws-ecr/build-and-push-image`). */
  command?: string;
}

interface Index {
  byProgram: Map<string, RunRef[]>;
  wildPrograms: { pattern: string; ref: RunRef }[];
  /** Compiled run matchers per tool (for image + arguments). */
  runsOf: Map<ToolDef, CompiledRun[]>;
  byImage: Map<string, ToolRef[]>;
  byAction: Map<string, UsesRef[]>;
  byTask: Map<string, UsesRef[]>;
  byOrb: Map<string, UsesRef[]>;
  byOrbShort: Map<string, UsesRef[]>;
  byPipe: Map<string, UsesRef[]>;
  byJenkins: Map<string, UsesRef[]>;
  byTemplate: Map<string, ToolRef[]>;
  byAzureTemplate: Map<string, ToolRef[]>;
  byComponent: Map<string, ToolRef[]>;
  /** GitLab hidden-job patterns (few; matched one by one). */
  gitlabJobs: { pattern: string; ref: ToolRef }[];
  byHook: Map<string, ToolRef[]>;
  byConfigExact: Map<string, ToolRef[]>;
  configGlobs: { pattern: string; ref: ToolRef }[];
  byPackage: Map<string, ToolRef[]>;
  byRepo: Map<string, ToolRef[]>;
  byReport: Map<string, ToolRef[]>;
  variables: { probe: string; name: string; values: string[] }[];
  /** Variables that make the CI system add a tool (ciVariables), by lower-case name. */
  byVariable: Map<string, (ToolRef & { values: string[] })[]>;
}

const indexes = new WeakMap<Catalogue, Index>();

/** Programs too general to say which tool an install put on the machine. */
const GENERIC_PROGRAMS = new Set([
  'go', 'npm', 'npx', 'yarn', 'pnpm', 'bun', 'node', 'deno', 'python', 'python3', 'pip', 'pip3', 'java', 'mvn', 'mvnw',
  'gradle', 'gradlew', 'dotnet', 'cargo', 'docker', 'podman', 'git', 'make', 'bundle', 'gem', 'composer', 'php', 'ruby',
  'kubectl', 'helm', 'aws', 'az', 'gcloud', 'sbt', 'swift', 'mix', 'rake', 'rails', 'oc', 'terraform', 'tofu', 'curl', 'wget',
  'bash', 'sh', 'jf', 'jfrog', 'executor', 'scout', 'cx', 'dep', 'cap', 'chaos', 'blade', 'st', 'ab', 'hey', 'mal', 'bom',
  'gh', 'glab', 'http', 'op', 'ko', 'pack', 'fly', 'flyctl', 'func', 'eb', 'sam', 'cdk', 'cf', 'vercel', 'netlify', 'firebase',
  'wrangler', 'kamal', 'railway', 'skaffold', 'nomad', 'heroku', 'stack', 'cabal', 'flutter', 'dart', 'xcodebuild', 'fastlane',
  'bazel', 'bazelisk', 'meson', 'ctest', 'codesign', 'signtool', 'gpg', 'gpg2', 'jarsigner', 'rpm', 'rpmsign', 'vault', 'sops',
  'doppler', 'infisical', 'oras', 'yr', 'scan', 'security-scan', 'hydra', 'medusa', 'tox', 'nox', 'poetry', 'pipenv', 'uv',
  'hatch', 'pdm', 'unittest', 'manage.py', 'jest', 'mocha', 'vitest', 'jasmine', 'karma', 'ava', 'pytest', 'py.test',
]);

function push<K, V>(map: Map<K, V[]>, key: K, v: V): void {
  const l = map.get(key);
  if (l) l.push(v);
  else map.set(key, [v]);
}

function githubRepo(url: string | undefined): string | undefined {
  if (!url) return undefined;
  const s = url.toLowerCase().replace(/^https?:\/\//, '');
  if (!s.startsWith('github.com/')) return undefined;
  const segs = s.slice('github.com/'.length).split('/').filter(Boolean);
  return segs.length >= 2 ? `${segs[0]}/${segs[1].replace(/\.git$/, '')}` : undefined;
}

function indexOf(cat: Catalogue): Index {
  const cached = indexes.get(cat);
  if (cached) return cached;
  const ix: Index = {
    byProgram: new Map(), wildPrograms: [], runsOf: new Map(), byImage: new Map(), byAction: new Map(), byTask: new Map(),
    byOrb: new Map(), byOrbShort: new Map(), byPipe: new Map(), byJenkins: new Map(), byTemplate: new Map(), byAzureTemplate: new Map(),
    byComponent: new Map(), gitlabJobs: [], byHook: new Map(), byConfigExact: new Map(), configGlobs: [], byPackage: new Map(),
    byRepo: new Map(), byReport: new Map(), variables: [], byVariable: new Map(),
  };
  for (const p of cat.probes) {
    for (const [name, values] of Object.entries(p.disabledBy?.variables ?? {})) ix.variables.push({ probe: p.id, name, values: values.map((v) => v.trim().toLowerCase()) });
    for (const tool of p.tools) {
      if (tool.remove) continue;
      const ref: ToolRef = { probe: p.id, tool };
      const runs = tool.run.map(compileRun);
      ix.runsOf.set(tool, runs);
      for (const run of runs) {
        for (const prog of run.rm.programs) {
          const rr: RunRef = { ...ref, run };
          if (prog.includes('*')) ix.wildPrograms.push({ pattern: prog, ref: rr });
          else push(ix.byProgram, prog, rr);
        }
      }
      for (const img of tool.images) push(ix.byImage, normImage(img), ref);
      for (const a of tool.actions) push(ix.byAction, stripRef(a.name.toLowerCase()), { ...ref, m: a });
      for (const a of tool.azureTasks) push(ix.byTask, a.name.toLowerCase().split('@')[0].trim(), { ...ref, m: a });
      for (const a of tool.orbs) {
        const segs = a.name.toLowerCase().split('@')[0].split('/').filter(Boolean);
        const orb = segs.slice(0, 2).join('/');
        const command = segs.length > 2 ? normCommand(segs.slice(2).join('/')) : undefined;
        const u: UsesRef = { ...ref, m: a, command };
        push(ix.byOrb, orb, u);
        push(ix.byOrbShort, segs.length > 1 ? segs[1] : segs[0], u);
      }
      for (const a of tool.pipes) push(ix.byPipe, stripPipeVersion(a.name.toLowerCase()), { ...ref, m: a });
      for (const a of tool.jenkinsSteps) push(ix.byJenkins, a.name.toLowerCase(), { ...ref, m: a });
      for (const t of tool.gitlabTemplates) push(ix.byTemplate, normTemplate(t), ref);
      for (const t of tool.azureTemplates) push(ix.byAzureTemplate, normBlockPath(t), ref);
      for (const c of tool.gitlabComponents) push(ix.byComponent, normComponent(c), ref);
      for (const j of tool.gitlabJobs) ix.gitlabJobs.push({ pattern: j.trim().toLowerCase(), ref });
      for (const h of tool.preCommitHooks) push(ix.byHook, h.trim().toLowerCase(), ref);
      for (const t of tool.gitlabReports) push(ix.byReport, t.trim().toLowerCase(), ref);
      for (const v of tool.ciVariables) push(ix.byVariable, v.name.trim().toLowerCase(), { ...ref, values: v.values.map((x) => x.trim().toLowerCase()) });
      for (const g of tool.configFiles) {
        const n = normPath(g);
        if (n.includes('*')) ix.configGlobs.push({ pattern: n, ref });
        else push(ix.byConfigExact, n, ref);
      }
      for (const pk of tool.packages) push(ix.byPackage, installName(pk), ref);
      push(ix.byPackage, tool.name.toLowerCase(), ref);
      const repo = githubRepo(tool.url);
      if (repo) push(ix.byRepo, repo, ref);
    }
  }
  // Installing a program makes every tool that runs it available (generic programs excepted).
  for (const p of cat.probes) {
    for (const tool of p.tools) {
      if (tool.remove) continue;
      for (const rm of tool.run) {
        for (const prog of rm.programs) {
          if (prog.includes('*') || GENERIC_PROGRAMS.has(prog)) continue;
          const list = ix.byPackage.get(prog);
          if (!list?.some((r) => r.tool === tool && r.probe === p.id)) push(ix.byPackage, prog, { probe: p.id, tool });
        }
      }
    }
  }
  indexes.set(cat, ix);
  return ix;
}

function stripRef(uses: string): string {
  const at = uses.indexOf('@');
  return trimEndOf((at >= 0 ? uses.slice(0, at) : uses).trim(), '/');
}

function stripPipeVersion(pipe: string): string {
  const s = pipe.trim();
  const slash = s.lastIndexOf('/');
  const colon = s.lastIndexOf(':');
  return colon > slash ? s.slice(0, colon) : s;
}

const normCommand = (c: string) => c.replace(/_/g, '-');

/** `@cyclonedx/cyclonedx-npm@1.2` → `cyclonedx-npm`, `semgrep==1.2` → `semgrep`, `…/cmd/gosec@latest` → `gosec`. */
function installName(arg: string): string {
  let s = arg.trim().toLowerCase();
  s = s.replace(/\[.*$/, '');
  for (const sep of ['==', '>=', '<=', '~=', '!=', '>', '<', '=']) {
    const i = s.indexOf(sep);
    if (i > 0) s = s.slice(0, i);
  }
  const at = s.lastIndexOf('@');
  if (at > 0) s = s.slice(0, at);
  const segs = s.split('/').filter(Boolean);
  if (segs.length > 1 && /^v\d+$/.test(segs[segs.length - 1])) segs.pop();
  return segs.length ? segs[segs.length - 1] : s;
}

// ───────────────────────────────────────────── matching

function dedupe(list: ToolMatch[]): ToolMatch[] {
  const seen = new Map<string, ToolMatch>();
  for (const m of list) {
    const key = `${m.probe}\u0000${m.tool}`;
    const prev = seen.get(key);
    // A counted match wins over a disabled one for the same tool.
    if (!prev || (prev.disabled && !m.disabled)) seen.set(key, m);
  }
  return [...seen.values()];
}

const VERSION_HELP = new Set(['--version', '-version', '-V', '--help', '-help', '-h', 'version', 'help', '--show-version']);

/** `tool --version`, `tool help`, `tool x --help`: the tool is not really run. */
function onlyVersionOrHelp(args: string[]): boolean {
  if (args.some((a) => a === '--help')) return true;
  if (!args.length) return false;
  // Case matters: `-v` alone is "verbose" for test runners (`pytest -v`), `-V` is a version query.
  return args.every((a) => VERSION_HELP.has(a));
}

function toolDisabledByArgs(tool: ToolDef, cands: string[]): string | undefined {
  for (const a of tool.disabledBy?.args ?? []) if (anyArgMatches(a, cands)) return `switched off by ${a}`;
  return undefined;
}

function toolDisabledByInputs(tool: ToolDef, inputs: Map<string, string>): string | undefined {
  for (const [k, vals] of Object.entries(tool.disabledBy?.inputs ?? {})) {
    const v = inputs.get(k.toLowerCase());
    if (v !== undefined && inputValueMatches(vals, v)) return `switched off by ${k}: ${v}`;
  }
  return undefined;
}

/** Does any tool of the catalogue run as this program (`trivy`, `golangci-lint`)? */
export function isCatalogueProgram(cat: Catalogue, program: string): boolean {
  const ix = indexOf(cat);
  const p = normProgram(program);
  return programRefs(ix, p).length > 0;
}

/**
 * The name without a version suffix that distributions add to side-by-side installs
 * (`clang-format-15`, `clang-tidy-14`, `run-clang-tidy-18.1`); undefined when there is none.
 */
function unversionedProgram(program: string): string | undefined {
  const dash = program.lastIndexOf('-');
  if (dash < 2 || !/^\d+(?:\.\d+)*$/.test(program.slice(dash + 1))) return undefined;
  const base = program.slice(0, dash);
  return /^[a-z]/.test(base) && /[a-z]$/.test(base) ? base : undefined;
}

/** Run matchers for a program, by its exact name or, when none has it, by its unversioned name. */
function programRefs(ix: Index, program: string): RunRef[] {
  const refs = [...(ix.byProgram.get(program) ?? [])];
  for (const w of ix.wildPrograms) if (wildcardMatch(w.pattern, program)) refs.push(w.ref);
  if (refs.length) return refs;
  const base = unversionedProgram(program);
  return base ? (ix.byProgram.get(base) ?? []) : [];
}

/**
 * Catalogue tools a shell invocation runs. Installs, `echo`/`printf` and pure `--version` /
 * `--help` calls never match. A `docker run IMAGE args` call also matches by image.
 */
export function matchInvocation(cat: Catalogue, inv: Invocation): ToolMatch[] {
  if (inv.kind !== 'run') return [];
  const program = normProgram(inv.program);
  if (program === 'echo' || program === 'printf') return [];
  const ix = indexOf(cat);
  const out: ToolMatch[] = [];
  if (!onlyVersionOrHelp(inv.args)) {
    const cands = argCandidates(inv.args);
    const pos = positionals(inv.args);
    for (const r of programRefs(ix, program)) {
      if (runArgsMatch(r.run, inv.args, cands, pos)) out.push({ probe: r.probe, tool: r.tool.name, ...disabledField(toolDisabledByArgs(r.tool, cands)), ...enableFields(r.tool, inv.args) });
    }
  }
  if (inv.image) {
    // The args may or may not include the image and what came before it.
    const i = inv.args.indexOf(inv.image);
    out.push(...matchImageArgs(ix, inv.image, i >= 0 ? inv.args.slice(i + 1) : inv.args));
  }
  return dedupe(out);
}

function disabledField(reason: string | undefined): { disabled?: string } {
  return reason ? { disabled: reason } : {};
}

/** What a match of a tool with `enabledBy` carries: the conditions, and the configuration file the run names. */
function enableFields(tool: ToolDef, args: string[]): { enabledBy?: ToolDef['enabledBy']; configPath?: string } {
  const e = tool.enabledBy;
  if (!e) return {};
  const pathArgs = (e.config?.pathArgs ?? []).map((a) => a.toLowerCase());
  for (let i = 0; i < args.length && pathArgs.length; i++) {
    const a = args[i];
    const eq = a.indexOf('=');
    const opt = (eq > 0 ? a.slice(0, eq) : a).toLowerCase();
    if (!pathArgs.includes(opt)) continue;
    const value = eq > 0 ? a.slice(eq + 1) : args[i + 1];
    if (value && !value.startsWith('-') && !value.includes('$')) return { enabledBy: e, configPath: value };
  }
  return { enabledBy: e };
}

/** Tools of an image run with arguments (`docker run IMAGE args`, docker:// actions with `args`). */
function matchImageArgs(ix: Index, image: string, rawArgs: string[]): ToolMatch[] {
  const out: ToolMatch[] = [];
  for (const ref of ix.byImage.get(normImage(image)) ?? []) {
    const runs = ix.runsOf.get(ref.tool) ?? [];
    let args = rawArgs;
    // `docker run img trivy image x`: the first word repeats the program.
    if (args.length && runs.some((r) => r.rm.programs.some((p) => wordMatches(p, normProgram(args[0]))))) args = args.slice(1);
    if (onlyVersionOrHelp(args)) continue;
    const cands = argCandidates(args);
    const pos = positionals(args);
    const ok = runs.length === 0 || runs.some((r) => runArgsMatch(r, args, cands, pos) || (args.length === 0 && hasNoRequirements(r)));
    if (ok) out.push({ probe: ref.probe, tool: ref.tool.name, ...disabledField(toolDisabledByArgs(ref.tool, cands)), ...enableFields(ref.tool, args) });
  }
  return out;
}

/** Tools an install invocation puts on the machine (the engine notes "installed but never run"). */
export function matchInstall(cat: Catalogue, inv: Invocation): ToolMatch[] {
  if (inv.kind !== 'install') return [];
  const ix = indexOf(cat);
  const out: ToolMatch[] = [];
  for (const raw of inv.args) {
    const a = raw.trim();
    if (!a || a.startsWith('-')) continue;
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(a)) {
      // A URL: look for a known GitHub owner/repo among its path segments.
      const segs = a.toLowerCase().replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/, '').split('/').filter(Boolean);
      for (let i = 0; i + 1 < segs.length; i++) {
        for (const ref of ix.byRepo.get(`${segs[i]}/${segs[i + 1]}`) ?? []) out.push({ probe: ref.probe, tool: ref.tool.name });
      }
      continue;
    }
    for (const ref of ix.byPackage.get(installName(a)) ?? []) out.push({ probe: ref.probe, tool: ref.tool.name });
  }
  return dedupe(out);
}

/**
 * Tools a job or step image stands for on its own (job `image:`, `docker://` without args):
 * only tools whose image runs them without further arguments.
 */
export function matchImage(cat: Catalogue, image: string): ToolMatch[] {
  const ix = indexOf(cat);
  const out: ToolMatch[] = [];
  for (const ref of ix.byImage.get(normImage(image)) ?? []) {
    const runs = ix.runsOf.get(ref.tool) ?? [];
    if (runs.length === 0 || runs.some(hasNoRequirements)) out.push({ probe: ref.probe, tool: ref.tool.name, ...enableFields(ref.tool, []) });
  }
  return dedupe(out);
}

function inputValueMatches(values: string[], value: string): boolean {
  const v = value.trim().toLowerCase();
  for (const want of values) {
    const w = want.trim().toLowerCase();
    if (w === '' ? v === '' : w === '*' ? v !== '' : wordMatches(w, v)) return true;
  }
  return false;
}

function inputWordsOf(value: string): string[] {
  return value
    .split(/[\s,;]+/)
    .map((w) => trimOf(w, ' \t\r\n"\'[](){}'))
    .filter(Boolean);
}

function usesConditionsMatch(m: UsesMatcher, inputs: Map<string, string>): boolean {
  for (const [k, vals] of Object.entries(m.inputs)) {
    if (!inputValueMatches(vals, inputs.get(k.toLowerCase()) ?? '')) return false;
  }
  for (const [k, words] of Object.entries(m.inputWords)) {
    const v = inputs.get(k.toLowerCase()) ?? '';
    const cands = argCandidates(inputWordsOf(v));
    if (!words.some((w) => (w === '' ? v.trim() === '' : anyArgMatches(w, cands)))) return false;
  }
  for (const [k, vals] of Object.entries(m.notInputs)) {
    const v = inputs.get(k.toLowerCase());
    if (v !== undefined && inputValueMatches(vals, v)) return false;
  }
  return true;
}

function usesMatches(refs: UsesRef[] | undefined, inputs: Map<string, string>, command?: string): ToolMatch[] {
  const out: ToolMatch[] = [];
  for (const r of refs ?? []) {
    if (r.command !== undefined && r.command !== command) continue;
    if (!usesConditionsMatch(r.m, inputs)) continue;
    out.push({ probe: r.probe, tool: r.tool.name, ...disabledField(toolDisabledByInputs(r.tool, inputs)), ...enableFields(r.tool, inputWordsOf(inputs.get('args') ?? '')) });
  }
  return out;
}

/**
 * Tools a step's `uses` calls: GitHub actions (`owner/repo[/path]@ref`, `docker://image`),
 * Azure tasks (`Name@N`), CircleCI orb commands (`orb@ver/cmd`, `ns/orb/cmd`, `alias/cmd`),
 * Bitbucket pipes (`owner/pipe:ver`, `docker://image`), Jenkins steps, GitLab components and
 * container images run as steps; the dialect's `uses.vocabulary` (ci/registry.ts) says which.
 */
export function matchUses(cat: Catalogue, kind: CiKind, uses: string, inputs: Record<string, string>): ToolMatch[] {
  const ix = indexOf(cat);
  const u = uses.trim();
  if (!u) return [];
  const inp = new Map<string, string>();
  for (const [k, v] of Object.entries(inputs)) inp.set(k.toLowerCase(), String(v ?? ''));
  if (u.toLowerCase().startsWith('docker://')) return matchImageUses(cat, u.slice('docker://'.length), inp);
  switch (ciDialect(kind).uses.vocabulary) {
    case 'image':
      return matchImageUses(cat, u, inp);
    case 'action': {
      if (u.startsWith('.')) return []; // local action or workflow: its own file is scanned
      const segs = stripRef(u.toLowerCase()).split('/').filter(Boolean);
      const out: ToolMatch[] = [];
      // `anchore/sbom-action/download-syft`, `…/setup-x`: a sub-action that only installs the tool
      // is not the action that runs it; only an entry naming it exactly matches.
      const shortest = segs.length > 2 && INSTALLER_SUBACTION.test(segs[segs.length - 1]) ? segs.length : 2;
      for (let n = segs.length; n >= shortest; n--) out.push(...usesMatches(ix.byAction.get(segs.slice(0, n).join('/')), inp));
      return dedupe(out);
    }
    case 'task': {
      const name = u.toLowerCase().split('@')[0].trim();
      const short = name.includes('.') ? name.slice(name.lastIndexOf('.') + 1) : name;
      return dedupe([...usesMatches(ix.byTask.get(name), inp), ...(short !== name ? usesMatches(ix.byTask.get(short), inp) : [])]);
    }
    case 'orb': {
      const s = u.toLowerCase();
      const at = s.indexOf('@');
      if (at >= 0) {
        const orb = s.slice(0, at);
        const afterVersion = s.slice(at + 1);
        const slash = afterVersion.indexOf('/');
        const command = slash >= 0 ? normCommand(afterVersion.slice(slash + 1)) : undefined;
        return dedupe(usesMatches(ix.byOrb.get(orb), inp, command));
      }
      const segs = s.split('/').filter(Boolean);
      if (segs.length >= 3) return dedupe(usesMatches(ix.byOrb.get(segs.slice(0, -1).join('/')), inp, normCommand(segs[segs.length - 1])));
      if (segs.length === 2) return dedupe(usesMatches(ix.byOrbShort.get(segs[0]), inp, normCommand(segs[1])));
      return [];
    }
    case 'pipe':
      return dedupe(usesMatches(ix.byPipe.get(stripPipeVersion(u.toLowerCase())), inp));
    case 'jenkins-step':
      return dedupe(usesMatches(ix.byJenkins.get(u.toLowerCase()), inp));
    case 'component':
      return u.includes('/') ? matchGitlabComponent(cat, u) : [];
    case 'none':
      return [];
  }
}

const INSTALLER_SUBACTION = /^(download|setup|install)(-|$)/;

/**
 * The orb of a CircleCI orb call (`ns/orb@1/cmd`, `ns/orb/cmd`, `alias/cmd`) when the catalogue
 * lists other commands or jobs of that orb: a family the catalogue knows, whose entries say what
 * its members may run. Undefined for other calls and for orbs the catalogue does not list.
 */
export function cataloguedOrbOf(cat: Catalogue, kind: CiKind, uses: string): string | undefined {
  if (ciDialect(kind).uses.vocabulary !== 'orb') return undefined;
  const ix = indexOf(cat);
  const s = uses.trim().toLowerCase();
  const at = s.indexOf('@');
  if (at >= 0) {
    const orb = s.slice(0, at);
    return ix.byOrb.has(orb) ? orb : undefined;
  }
  const segs = s.split('/').filter(Boolean);
  if (segs.length >= 3) {
    const orb = segs.slice(0, -1).join('/');
    return ix.byOrb.has(orb) ? orb : undefined;
  }
  return segs.length === 2 && ix.byOrbShort.has(segs[0]) ? segs[0] : undefined;
}

/** A container image run as a step: with an `args` input by its arguments, else as it stands. */
function matchImageUses(cat: Catalogue, image: string, inputs: Map<string, string>): ToolMatch[] {
  const ix = indexOf(cat);
  const args = inputs.get('args');
  const fromImage = args !== undefined ? matchImageArgs(ix, image, inputWordsOf(args)) : matchImage(cat, image);
  return dedupe([...fromImage, ...usesMatches(ix.byAction.get(normImage(image)), inputs)]);
}

/** Tools a GitLab `include: template:` adds (`Jobs/SAST.gitlab-ci.yml`, `.latest` variants too). */
export function matchGitlabTemplate(cat: Catalogue, name: string): ToolMatch[] {
  return (indexOf(cat).byTemplate.get(normTemplate(name)) ?? []).map((r) => ({ probe: r.probe, tool: r.tool.name }));
}

/** A block path as matched: lower case, `/` separated, no empty segments. */
function normBlockPath(p: string): string {
  return p.trim().toLowerCase().replace(/\\/g, '/').split('/').filter(Boolean).join('/');
}

/**
 * Tools an Azure template of another repository runs (`<repository name>/<path>`, CiReference
 * `block`); a catalogue entry naming a folder (or a repository) matches every template under it.
 */
export function matchAzureTemplate(cat: Catalogue, block: string): ToolMatch[] {
  const ix = indexOf(cat);
  const segs = normBlockPath(block).split('/');
  const out: ToolMatch[] = [];
  for (let n = segs.length; n >= 1; n--) for (const r of ix.byAzureTemplate.get(segs.slice(0, n).join('/')) ?? []) out.push({ probe: r.probe, tool: r.tool.name });
  return dedupe(out);
}

/** Catalogue tools marked `mayRun` (probe → tool names): their blocks may run them, the files cannot show it. */
const mayRunTools = new WeakMap<Catalogue, Map<string, Set<string>>>();

export function isMayRunTool(cat: Catalogue, probe: string, tool: string): boolean {
  let byProbe = mayRunTools.get(cat);
  if (!byProbe) {
    byProbe = new Map();
    for (const p of cat.probes) for (const t of p.tools) if (t.mayRun && !t.remove) (byProbe.get(p.id) ?? byProbe.set(p.id, new Set()).get(p.id)!).add(t.name);
    mayRunTools.set(cat, byProbe);
  }
  return byProbe.get(probe)?.has(tool) ?? false;
}

/** A tool the catalogue lists under the probe (not a block judged by its name). */
export function isCatalogueTool(cat: Catalogue, probe: string, tool: string): boolean {
  return cat.probes.some((p) => p.id === probe && p.tools.some((t) => t.name === tool && !t.remove));
}

/** Tools a GitLab CI/CD component adds (host and `@version` ignored). */
export function matchGitlabComponent(cat: Catalogue, ref: string): ToolMatch[] {
  return dedupe((indexOf(cat).byComponent.get(normComponent(ref)) ?? []).map((r) => ({ probe: r.probe, tool: r.tool.name })));
}

/** Tools a hidden job of a remote GitLab template runs, for a job that `extends` it (`.fdo.container-build@fedora`). */
export function matchGitlabJob(cat: Catalogue, name: string): ToolMatch[] {
  const n = name.trim().toLowerCase();
  return dedupe(indexOf(cat).gitlabJobs.filter((j) => wordMatches(j.pattern, n)).map((j) => ({ probe: j.ref.probe, tool: j.ref.tool.name })));
}

/** Tools whose results a GitLab `artifacts: reports:` type stands for (`sast`, `container_scanning`). */
export function matchGitlabReport(cat: Catalogue, type: string): ToolMatch[] {
  return dedupe((indexOf(cat).byReport.get(type.trim().toLowerCase()) ?? []).map((r) => ({ probe: r.probe, tool: r.tool.name })));
}

/** Tools the CI system adds because of the variables set (`Codeql.Enabled: true`), each with the variable's name. */
export function matchCiVariables(cat: Catalogue, env: Record<string, string>): (ToolMatch & { variable: string })[] {
  const ix = indexOf(cat);
  if (!ix.byVariable.size) return [];
  const out: (ToolMatch & { variable: string })[] = [];
  for (const [name, raw] of Object.entries(env)) {
    const refs = ix.byVariable.get(name.trim().toLowerCase());
    if (!refs) continue;
    const value = String(raw ?? '').trim().toLowerCase();
    for (const r of refs) if (r.values.includes('*') ? value !== '' : r.values.includes(value)) out.push({ probe: r.probe, tool: r.tool.name, variable: name });
  }
  return out;
}

/** Tools a pre-commit hook id runs. */
export function matchPreCommitHook(cat: Catalogue, id: string): ToolMatch[] {
  return dedupe((indexOf(cat).byHook.get(id.trim().toLowerCase()) ?? []).map((r) => ({ probe: r.probe, tool: r.tool.name })));
}

/** Tools whose configuration file this root-relative path is (a weak hint: partial). */
export function matchConfigFile(cat: Catalogue, path: string): ToolMatch[] {
  const ix = indexOf(cat);
  const p = normPath(path);
  const out = (ix.byConfigExact.get(p) ?? []).map((r) => ({ probe: r.probe, tool: r.tool.name }));
  for (const g of ix.configGlobs) if (globMatch(g.pattern, p)) out.push({ probe: g.ref.probe, tool: g.ref.tool.name });
  return dedupe(out);
}

/** Probes switched off by CI variables (GitLab `SAST_DISABLED: "true"`, …): probe id → variable. */
export function disabledProbesByVariables(cat: Catalogue, env: Record<string, string>): Map<string, string> {
  const out = new Map<string, string>();
  for (const v of indexOf(cat).variables) {
    if (out.has(v.probe)) continue;
    const raw = env[v.name];
    if (raw === undefined || raw === null) continue;
    const val = String(raw).trim().toLowerCase();
    if (v.values.includes('*') ? val !== '' : v.values.includes(val)) out.set(v.probe, v.name);
  }
  return out;
}
