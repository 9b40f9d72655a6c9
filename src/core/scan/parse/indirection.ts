// One level of indirection from CI steps: `make target`, `./scripts/x.sh`, `npm run x`.
// The readers here turn Makefiles and package.json into shell lines with exact positions;
// findIndirection says where an invocation points. Pure TypeScript, never throws.
import { trailingCount } from '../../text';
import { readYamlDocuments, isMap, isPair, isScalar } from '../../yaml';
import type { LineCounter, YAMLMap } from '../../yaml';
import { Invocation, shellLinesOfScript } from './shell';
import type { RunnerKind } from './runners';
import { Loc, ShellLine } from '../types';

export type Indirection =
  /** `make a b`: every goal in order (none: the default goal). */
  | { kind: 'make'; targets: string[]; dir?: string; file?: string }
  /** `fromScriptDir`: the path starts at the calling script's own folder (`$(dirname "$0")/x.sh`, `$PSScriptRoot/x.ps1`). */
  | { kind: 'script'; path: string; fromScriptDir?: boolean }
  | { kind: 'npm-script'; name: string; dir?: string }
  /** A task runner's tasks (none: what it runs by default); `args` are passed on (cargo aliases). */
  | { kind: 'runner'; runner: RunnerKind; tasks: string[]; dir?: string; file?: string; args?: string[] }
  /** An image built from a Dockerfile: its RUN lines run in the build (`file` as given, else the context's Dockerfile). */
  | { kind: 'image-build'; context: string; file?: string };

// ───────────────────────────── Makefile ─────────────────────────────

interface MakeModel {
  recipes: Map<string, ShellLine[]>;
  deps: Map<string, string[]>;
  defaultGoal?: string;
  /** Files named by `include`/`-include`/`sinclude` (paths with variables left out), in order. */
  includes: string[];
  /** Variables as assigned in the file (`=`, `:=`, `::=`, `?=` when unset, `+=` appends); conditionals are not evaluated. */
  variables: Map<string, string>;
}

/** GNU make's special targets (`.PHONY`, `.DEFAULT_GOAL`, ...): never real targets. */
function isSpecialTarget(t: string): boolean {
  return /^\.[A-Z_]+$/.test(t);
}

/** Index of the first `#` that starts a make comment (not escaped, not inside `$(…)`), or -1. */
function makeCommentStart(s: string): number {
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '\\') { i++; continue; }
    if (s[i] === '#') return i;
  }
  return -1;
}

/**
 * Classifies a make line: an assignment (`A = b`, `A := b`, `A ?= b`, `A += b`, `A != b`) or a
 * rule (`targets : prerequisites`), by the first top-level `=` or `:` (references like
 * `$(SRC:.c=.o)` skipped).
 */
function classify(s: string): { kind: 'assign' | 'rule' | 'other'; at: number } {
  let depth = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '\\') { i++; continue; }
    if (c === '$' && (s[i + 1] === '(' || s[i + 1] === '{')) { depth++; i++; continue; }
    if (depth > 0) {
      if (c === '(' || c === '{') depth++;
      else if (c === ')' || c === '}') depth--;
      continue;
    }
    if (c === '=') return { kind: 'assign', at: i };
    if (c === ':') {
      if (s[i + 1] === '=' || (s[i + 1] === ':' && s[i + 2] === '=') || (s[i + 1] === ':' && s[i + 2] === ':' && s[i + 3] === '=')) return { kind: 'assign', at: i };
      return { kind: 'rule', at: i };
    }
  }
  return { kind: 'other', at: -1 };
}

/** Records `NAME op value` (the assignment operator starts at or just before `at`). */
function assign(variables: Map<string, string>, body: string, at: number): void {
  let nameEnd = at;
  while (nameEnd > 0 && '?+!:'.includes(body[nameEnd - 1])) nameEnd--;
  const name = body.slice(0, nameEnd).trim();
  if (!name || /\s|\$/.test(name)) return;
  const op = body.slice(nameEnd, body.indexOf('=', at) + 1);
  const value = body.slice(body.indexOf('=', at) + 1).trim();
  if (op === '?=') {
    if (!variables.has(name)) variables.set(name, value);
  } else if (op === '+=') variables.set(name, [variables.get(name), value].filter(Boolean).join(' '));
  else if (op !== '!=') variables.set(name, value);
}

/** Index of the first top-level `;` in a rule's prerequisite part (starts an inline recipe), or -1. */
function inlineRecipeStart(s: string): number {
  let depth = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '\\') { i++; continue; }
    if (c === '$' && (s[i + 1] === '(' || s[i + 1] === '{')) { depth++; i++; continue; }
    if (depth > 0) {
      if (c === '(' || c === '{') depth++;
      else if (c === ')' || c === '}') depth--;
      continue;
    }
    if (c === ';') return i;
  }
  return -1;
}

function endsWithContinuation(s: string): boolean {
  return trailingCount(s, '\\') % 2 === 1;
}

function parseMake(path: string, text: string): MakeModel {
  const lines = text.split('\n').map((l) => l.replace(/\r$/, ''));
  const recipes = new Map<string, ShellLine[]>();
  const deps = new Map<string, string[]>();
  let defaultGoal: string | undefined;
  let explicitGoal: string | undefined;
  const includes: string[] = [];
  const variables = new Map<string, string>();
  let prefix = '\t';
  // The rule being read: its targets, whether it is a `::` rule, and the recipe collected so far.
  let rule: { targets: string[]; double: boolean; lines: ShellLine[] } | undefined;

  const commit = () => {
    if (!rule) return;
    for (const t of rule.targets) {
      const prev = recipes.get(t) ?? [];
      // `::` rules each add a recipe; a later `:` recipe replaces an earlier one (as make does).
      if (rule.double) recipes.set(t, [...prev, ...rule.lines]);
      else recipes.set(t, rule.lines.length ? [...rule.lines] : prev);
    }
    rule = undefined;
  };

  const addRecipe = (cmdText: string, line: number, column: number, endLine: number, endColumn: number) => {
    if (!rule) return;
    const m = /^[\s@+-]*/.exec(cmdText)![0].length;
    const body = cmdText.slice(m).trimEnd();
    if (!body || body.startsWith('#')) return;
    const loc: Loc = { path, line, column: column + m, endLine, endColumn };
    rule.lines.push({ text: body, loc });
  };

  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i];
    const lineNo = i + 1;
    if (rule && raw.startsWith(prefix) && raw.length > 0) {
      // A recipe line; backslash-newline continues it (the next line's recipe prefix is dropped).
      let body = raw.slice(prefix.length);
      const startCol = prefix.length + 1;
      let endLine = lineNo;
      let endText = raw;
      while (endsWithContinuation(body) && i + 1 < lines.length) {
        i++;
        let next = lines[i];
        if (next.startsWith(prefix)) next = next.slice(prefix.length);
        body = body.slice(0, -1).trimEnd() + ' ' + next.trim();
        endLine = i + 1;
        endText = lines[i];
      }
      if (endsWithContinuation(body)) body = body.slice(0, -1);
      addRecipe(body, lineNo, startCol, endLine, endText.trimEnd().length + 1);
      continue;
    }
    // A make line: continuation lines join with a space.
    let logical = raw;
    while (endsWithContinuation(logical) && i + 1 < lines.length) {
      i++;
      logical = logical.slice(0, -1).trimEnd() + ' ' + lines[i].trim();
    }
    const hash = makeCommentStart(logical);
    const code = (hash >= 0 ? logical.slice(0, hash) : logical).trim();
    if (!code) continue; // blank and comment lines keep the rule open
    if (/^(override\s+|export\s+)?define\b/.test(code)) {
      commit();
      while (i + 1 < lines.length && !/^\s*endef\b/.test(lines[i + 1])) i++;
      i++;
      continue;
    }
    if (/^(ifeq|ifneq|ifdef|ifndef|else|endif)\b/.test(code)) continue;
    const rp = /^\.RECIPEPREFIX\s*(?::{0,3}|\+|\?)=\s*(.?)/.exec(code);
    if (rp) {
      commit();
      prefix = rp[1] || '\t';
      continue;
    }
    const inc = /^(-include|sinclude|include)\s+(.*)$/.exec(code);
    if (inc) {
      commit();
      for (const f of inc[2].split(/\s+/)) if (f && !f.includes('$')) includes.push(f);
      continue;
    }
    if (/^(vpath|unexport|undefine)\b/.test(code)) { commit(); continue; }
    const body = code.replace(/^(export|override|private)\s+/, '');
    const c = classify(body);
    if (c.kind === 'assign') {
      commit();
      assign(variables, body, c.at);
      const dg = /^\.DEFAULT_GOAL\s*(?::{0,3}|\?|\+)=\s*(\S*)/.exec(body);
      if (dg) explicitGoal = dg[1] || undefined;
      continue;
    }
    if (c.kind !== 'rule') { commit(); continue; }
    commit();
    const targetsPart = body.slice(0, c.at).trim();
    let after = body.slice(c.at + 1);
    const double = after.startsWith(':');
    if (double) after = after.slice(1);
    // `target: VAR = value` is a target-specific variable, not a rule with a recipe
    if (classify(after).kind === 'assign' && inlineRecipeStart(after) < 0) continue;
    const semi = inlineRecipeStart(after);
    let prereqPart = semi >= 0 ? after.slice(0, semi) : after;
    const lastColon = classify(prereqPart);
    if (lastColon.kind === 'rule') prereqPart = prereqPart.slice(prereqPart.lastIndexOf(':') + 1); // static pattern rule
    const targets = targetsPart.split(/\s+/).filter((t) => t && !isSpecialTarget(t));
    const prereqs = prereqPart.split(/\s+/).filter((p) => p && p !== '|');
    if (!targets.length) continue;
    for (const t of targets) {
      const d = deps.get(t) ?? [];
      for (const p of prereqs) if (!d.includes(p)) d.push(p);
      deps.set(t, d);
      if (!recipes.has(t)) recipes.set(t, []);
    }
    if (defaultGoal === undefined) {
      const first = targets.find((t) => !t.includes('%') && (!t.startsWith('.') || t.includes('/')));
      if (first) defaultGoal = first;
    }
    rule = { targets, double, lines: [] };
    if (semi >= 0) {
      // `target: prereqs ; command`: the command's column in the physical line
      const inline = after.slice(semi + 1);
      const trimmed = inline.trim();
      if (trimmed) {
        const col = raw.indexOf(trimmed);
        const column = col >= 0 ? col + 1 : 1;
        addRecipe(trimmed, lineNo, column, lineNo, column + trimmed.length);
      }
    }
  }
  commit();
  const goal = explicitGoal ?? defaultGoal;
  return { recipes, deps, defaultGoal: goal, includes, variables };
}

/** Puts `first` at the front of a map (the engine takes the first key as the default goal). */
function withFirst<V>(m: Map<string, V>, first: string | undefined): Map<string, V> {
  if (first === undefined || !m.has(first)) return m;
  const out = new Map<string, V>([[first, m.get(first)!]]);
  for (const [k, v] of m) if (k !== first) out.set(k, v);
  return out;
}

/**
 * Rule targets → recipe lines (prefixes `@`, `-`, `+` stripped; continuation lines joined; loc is
 * the command text's first character). Recipes of prerequisites are not merged (see
 * makeDependencies). The first key is the default goal (`.DEFAULT_GOAL` or the first ordinary
 * target); targets without a recipe map to [].
 */
export function parseMakefile(path: string, text: string): Map<string, ShellLine[]> {
  try {
    const m = parseMake(path, text);
    return withFirst(m.recipes, m.defaultGoal);
  } catch {
    return new Map();
  }
}

/** Rule targets → their prerequisites (normal and order-only), in order, without duplicates. */
/** What a Makefile brings in from elsewhere and defines for its recipes: `include`d files and variables. */
export function makeContext(path: string, text: string): { includes: string[]; variables: Map<string, string> } {
  try {
    const m = parseMake(path, text);
    return { includes: m.includes, variables: m.variables };
  } catch {
    return { includes: [], variables: new Map() };
  }
}

/** The largest number of nested variable references expanded in one recipe word (`$(A)` → `$(B)` → …). */
const MAX_EXPANSION_DEPTH = 8;

/**
 * `$(NAME)` and `${NAME}` in a recipe line replaced by the variables' values (nested references
 * expanded too; `$(MAKE)` is make itself). References to unknown variables, functions and
 * automatic variables stay as written.
 */
export function expandMakeVariables(text: string, variables: ReadonlyMap<string, string>, depth = 0): string {
  if (depth > MAX_EXPANSION_DEPTH || !text.includes('$')) return text;
  return text.replace(/\$[({]([A-Za-z_][A-Za-z0-9_.-]*)[)}]/g, (whole, name: string) => {
    const value = name === 'MAKE' ? variables.get(name) ?? 'make' : variables.get(name);
    return value === undefined ? whole : expandMakeVariables(value, variables, depth + 1);
  });
}

export function makeDependencies(path: string, text: string): Map<string, string[]> {
  try {
    const m = parseMake(path, text);
    return withFirst(m.deps, m.defaultGoal);
  } catch {
    return new Map();
  }
}

/** The goal `make` builds without a target: `.DEFAULT_GOAL` or the first ordinary target. */
export function makeDefaultGoal(path: string, text: string): string | undefined {
  try {
    return parseMake(path, text).defaultGoal;
  } catch {
    return undefined;
  }
}

// ───────────────────────────── package.json ─────────────────────────────

/**
 * package.json `scripts` → ShellLine per script, positioned at the first character inside the
 * value's quotes. Invalid JSON gives an empty map.
 */
export function parsePackageScripts(path: string, text: string): Map<string, ShellLine> {
  const out = new Map<string, ShellLine>();
  try {
    const first = readYamlDocuments(text, []).find((d) => d.index === 0);
    if (!first) return out;
    const root = first.doc.contents;
    if (!isMap(root)) return out;
    const lc = first.lc;
    for (const pair of (root as YAMLMap).items) {
      if (!isPair(pair) || !isScalar(pair.key) || String(pair.key.value) !== 'scripts') continue;
      if (!isMap(pair.value)) continue;
      for (const sp of pair.value.items) {
        if (!isPair(sp) || !isScalar(sp.key) || !isScalar(sp.value)) continue;
        const v = sp.value;
        if (typeof v.value !== 'string' || !v.range) continue;
        const quoted = v.type === 'QUOTE_DOUBLE' || v.type === 'QUOTE_SINGLE';
        const start = v.range[0] + (quoted ? 1 : 0);
        const end = Math.max(start, v.range[1] - (quoted ? 1 : 0));
        out.set(String(sp.key.value), { text: v.value, loc: locOf(path, lc, start, end) });
      }
    }
  } catch {
    return out;
  }
  return out;
}

function locOf(path: string, lc: LineCounter, start: number, end: number): Loc {
  const a = lc.linePos(start);
  const b = lc.linePos(end);
  return { path, line: a.line, column: a.col, endLine: b.line, endColumn: b.col };
}

// ───────────────────────────── PowerShell scripts ─────────────────────────────

/**
 * A PowerShell script or module read as command lines, as shell scripts are: `<# … #>` help
 * blocks left out, and the text of a script block built from a string
 * (`[scriptblock]::Create("Invoke-Pester …")`, `Invoke-Expression "…"`) read as a line of its own
 * at the same place.
 */
const JOIN_PATH = /\(\s*Join-Path\s+(?:-Path\s+)?(\$[A-Za-z_][\w.]*|\.)\s+(?:-ChildPath\s+)?(['"]?)([\w./\\-]+)\2\s*\)/gi;

export function powershellLinesOfScript(path: string, text: string): ShellLine[] {
  let inHelp = false;
  const kept = text.split('\n').map((raw) => {
    const l = raw.replace(/\r$/, '');
    if (inHelp) {
      if (l.includes('#>')) inHelp = false;
      return '';
    }
    const open = l.indexOf('<#');
    if (open >= 0 && !l.includes('#>', open)) {
      inHelp = true;
      return l.slice(0, open);
    }
    const code = open >= 0 ? l.slice(0, open) + l.slice(l.indexOf('#>', open) + 2) : l;
    // `(Join-Path $PSScriptRoot build.psm1)` names a path the way `$PSScriptRoot/build.psm1` does
    return code.replace(JOIN_PATH, (_all, dir: string, _q: string, child: string) => `${dir}/${child}`);
  });
  const lines = shellLinesOfScript(path, kept.join('\n'));
  const out: ShellLine[] = [];
  for (const line of lines) {
    out.push(line);
    const m = /(?:\[scriptblock\]::Create|Invoke-Expression|\biex)\s*\(?\s*(["'])(.*?)\1/i.exec(line.text);
    if (m && m[2].trim()) out.push({ text: m[2], loc: line.loc });
  }
  return out;
}

// ───────────────────────────── where an invocation points ─────────────────────────────

const SHELLS = new Set(['sh', 'bash', 'zsh', 'dash', 'ash', 'ksh']);

/** CI variables that name the checkout: `$GITHUB_WORKSPACE/scripts/x.sh` is `scripts/x.sh`. */
const WORKSPACE_PREFIX = /^(?:\$\{?(?:GITHUB_WORKSPACE|CI_PROJECT_DIR|WORKSPACE|PWD|BITBUCKET_CLONE_DIR|CIRCLE_WORKING_DIRECTORY|BUILD_SOURCESDIRECTORY|SYSTEM_DEFAULTWORKINGDIRECTORY)\}?|\$\{\{\s*github\.workspace\s*\}\}|\$\((?:pwd|Build\.SourcesDirectory|System\.DefaultWorkingDirectory)\)|~\/project)\/+/;

function normalizePath(p: string): string | undefined {
  let s = p.replace(WORKSPACE_PREFIX, '');
  if (s.startsWith('/') || s.startsWith('~') || s.includes('$') || s.includes('`') || !s) return undefined;
  s = s.replace(/\/{2,}/g, '/');
  const parts: string[] = [];
  for (const seg of s.split('/')) {
    if (seg === '.' || seg === '') continue;
    parts.push(seg);
  }
  return parts.length ? parts.join('/') : undefined;
}

/**
 * The folder a CI step's `working-directory` names, relative to the checkout ('' for the checkout
 * itself, `$GITHUB_WORKSPACE` and kin included); undefined when it cannot be known offline.
 */
export function checkoutFolder(dir: string): string | undefined {
  const s = dir.trim().replace(/\/+$/, '');
  if (!s || s === '.' || (s + '/').replace(WORKSPACE_PREFIX, '') === '') return '';
  return normalizePath(s);
}

function isScriptPath(p: string): boolean {
  return SCRIPT_FILE.test(p) || p.includes('/');
}

/** Files read as scripts when run by path: shell and PowerShell scripts and modules. */
const SCRIPT_FILE = /\.(sh|bash|ps1|psm1)$/i;

/** A leading reference to the running script's own folder, as written in shell and PowerShell. */
const SCRIPT_DIR_PREFIX = /^(?:\$\(\s*dirname\s+"?\$(?:0|\{0\}|\{?BASH_SOURCE(?:\[0\])?\}?)"?\s*\)|\$\{(?:0|BASH_SOURCE(?:\[0\])?)%\/\*\}|\$PSScriptRoot|\$\{PSScriptRoot\}|\$\(\s*Split-Path\s+(?:-Parent\s+)?\$MyInvocation\.MyCommand\.Path\s*\))[\\/]+/i;

/**
 * A script path as written, with a leading variable known to this step or script expanded
 * (`$SCRIPT_DIR/test.sh` where `SCRIPT_DIR=$(dirname "$0")`): the path, and whether it starts at the
 * script's own folder. Undefined when it cannot be known offline.
 */
function scriptPath(written: string, vars?: ReadonlyMap<string, string>): { path: string; fromScriptDir?: boolean } | undefined {
  let p = written.replace(/\\/g, '/');
  const v = /^\$(?:\{([A-Za-z_][A-Za-z0-9_]*)\}|([A-Za-z_][A-Za-z0-9_]*))(?=\/)/.exec(p);
  if (v && vars) {
    const value = vars.get(v[1] ?? v[2]);
    if (value !== undefined && !value.includes('$(') && !value.includes('`')) p = value + p.slice(v[0].length);
    else if (value !== undefined && SCRIPT_DIR_PREFIX.test(value + '/')) p = value + p.slice(v[0].length);
  }
  const fromScriptDir = SCRIPT_DIR_PREFIX.exec(p);
  if (fromScriptDir) {
    const path = normalizeRelative(p.slice(fromScriptDir[0].length));
    return path ? { path, fromScriptDir: true } : undefined;
  }
  const path = normalizePath(p);
  return path ? { path } : undefined;
}

/** A path relative to a folder: `..` segments kept for the resolver. */
function normalizeRelative(p: string): string | undefined {
  if (p.startsWith('/') || p.includes('$') || p.includes('`') || !p) return undefined;
  const parts = p.split('/').filter((seg) => seg !== '' && seg !== '.');
  return parts.length ? parts.join('/') : undefined;
}

function scriptIndirection(written: string, vars?: ReadonlyMap<string, string>): Indirection | undefined {
  const sp = scriptPath(written, vars);
  if (!sp) return undefined;
  return sp.fromScriptDir ? { kind: 'script', path: sp.path, fromScriptDir: true } : { kind: 'script', path: sp.path };
}

/** Wrappers whose command word is a package, module or jar, never a shell script path. */
const NOT_A_PATH = new Set(['npx', 'npm exec', 'pnpm dlx', 'yarn dlx', 'bun x', 'bunx', 'pnpx', 'pipx run', 'uvx', 'uv tool run', 'go run', 'java -jar', 'python']);

const MAKE_VALUE_OPTS = new Set(['-o', '-W', '-I', '--old-file', '--what-if', '--new-file', '--assume-new', '--assume-old', '--include-dir']);

/** Goals read from one make command at most (a hostile line may name thousands). */
const MAX_MAKE_GOALS = 20;

function makeIndirection(args: string[]): Indirection {
  let dir: string | undefined;
  let file: string | undefined;
  // make builds every goal named, in order (`make docker-init-buildx docker-build`, `make lint test`)
  const targets: string[] = [];
  const goal = (a: string) => {
    if (!targets.includes(a) && targets.length < MAX_MAKE_GOALS) targets.push(a);
  };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--') { args.slice(i + 1).filter((x) => !x.includes('=')).forEach(goal); break; }
    if (a === '-C' || a === '--directory') { dir = args[++i]; continue; }
    if (a.startsWith('--directory=')) { dir = a.slice(12); continue; }
    if (a.startsWith('-C') && !a.startsWith('--')) { dir = a.slice(2); continue; }
    if (a === '-f' || a === '--file' || a === '--makefile') { file = args[++i]; continue; }
    if (/^--(file|makefile)=/.test(a)) { file = a.slice(a.indexOf('=') + 1); continue; }
    if (a.startsWith('-f') && !a.startsWith('--')) { file = a.slice(2); continue; }
    if (a === '-j' || a === '-l' || a === '--jobs' || a === '--load-average') {
      if (/^\d+(\.\d+)?$/.test(args[i + 1] ?? '')) i++;
      continue;
    }
    if (MAKE_VALUE_OPTS.has(a)) { i++; continue; }
    if (a.startsWith('-')) continue;
    if (/^[A-Za-z_][A-Za-z0-9_.]*\s*[:+?]?=/.test(a)) continue; // VAR=value
    goal(a);
  }
  const out: Indirection = { kind: 'make', targets };
  const d = dir !== undefined ? normalizePath(dir) : undefined;
  if (d) out.dir = d;
  const f = file !== undefined ? normalizePath(file) : undefined;
  if (f) out.file = f;
  return out;
}

const YARN_BUILTINS = new Set(['add', 'audit', 'autoclean', 'bin', 'cache', 'check', 'config', 'create', 'dedupe', 'dlx', 'exec', 'explain',
  'generate-lock-entry', 'global', 'help', 'import', 'info', 'init', 'install', 'licenses', 'link', 'list', 'login', 'logout', 'node', 'npm',
  'outdated', 'owner', 'pack', 'patch', 'patch-commit', 'plugin', 'policies', 'publish', 'rebuild', 'remove', 'search', 'set', 'stage',
  'tag', 'team', 'unlink', 'unplug', 'up', 'upgrade', 'upgrade-interactive', 'version', 'versions', 'why', 'workspace', 'workspaces',
  'constraints', 'sdks', 'dedupe', 'self-update']);
const PNPM_BUILTINS = new Set(['add', 'install', 'i', 'update', 'up', 'upgrade', 'remove', 'rm', 'uninstall', 'un', 'link', 'ln', 'unlink',
  'import', 'rebuild', 'rb', 'prune', 'fetch', 'patch', 'patch-commit', 'patch-remove', 'audit', 'list', 'ls', 'll', 'la', 'outdated',
  'why', 'licenses', 'dlx', 'exec', 'create', 'init', 'publish', 'pack', 'store', 'server', 'env', 'setup', 'root', 'bin', 'config', 'c',
  'deploy', 'doctor', 'recursive', 'm', 'multi', 'self-update', 'cat-file', 'cat-index', 'find-hash', 'approve-builds',
  'ignored-builds', 'dedupe', 'ci', 'install-test', 'it', 'add', 'help', 'version', 'get', 'set']);

interface PmArgs {
  dir?: string;
  /** Index of the subcommand (first non-option word). */
  sub: number;
  /** A workspace filter was given: the package is not the one in `dir`. */
  elsewhere: boolean;
}

function pmArgs(args: string[], start = 0): PmArgs {
  let dir: string | undefined;
  let elsewhere = false;
  let i = start;
  for (; i < args.length; i++) {
    const a = args[i];
    const eq = a.indexOf('=');
    const name = a.startsWith('--') && eq > 0 ? a.slice(0, eq) : a;
    const inline = a.startsWith('--') && eq > 0 ? a.slice(eq + 1) : undefined;
    const val = () => (inline !== undefined ? inline : args[++i]);
    if (name === '--prefix' || name === '-C' || name === '--dir' || name === '--cwd') { dir = val(); continue; }
    if (name === '--filter' || name === '-F' || name === '-w' || name === '--workspace') { val(); elsewhere = true; continue; }
    if (name === '-r' || name === '--recursive' || name === '-ws' || name === '--workspaces') { elsewhere = true; continue; }
    if (name === '--loglevel' || name === '--registry' || name === '--userconfig' || name === '--reporter') { val(); continue; }
    if (a.startsWith('-')) continue;
    break;
  }
  return { dir, sub: i, elsewhere };
}

function scriptName(args: string[], from: number): { name?: string; dir?: string; elsewhere: boolean } {
  const p = pmArgs(args, from);
  let dir = p.dir;
  let elsewhere = p.elsewhere;
  // options after the script name still belong to the package manager, up to `--`
  for (let i = p.sub + 1; i < args.length && args[i] !== '--'; i++) {
    if (!args[i].startsWith('-')) continue;
    const q = pmArgs(args, i);
    if (q.dir !== undefined) dir = q.dir;
    if (q.elsewhere) elsewhere = true;
    i = q.sub - 1;
  }
  return { name: args[p.sub], dir, elsewhere };
}

function npmScript(name: string | undefined, ...dirs: (string | undefined)[]): Indirection | undefined {
  if (!name || name.startsWith('-')) return undefined;
  const out: Indirection = { kind: 'npm-script', name };
  const raw = dirs.find((d) => d !== undefined);
  const d = raw !== undefined ? normalizePath(raw) : undefined;
  if (d) out.dir = d;
  return out;
}

/**
 * Where an invocation points, for the engine to follow one level: a make target, a script file
 * in the workspace, or a package.json script. Undefined for everything else.
 */
export function findIndirection(inv: Invocation, vars?: ReadonlyMap<string, string>): Indirection | undefined {
  try {
    return indirectionOf(inv, vars);
  } catch {
    return undefined;
  }
}

/**
 * A command word the shell reader took backslashes out of (`.\\publish\\release.ps1` in a PowerShell or
 * cmd step reads as `.publishrelease.ps1`): the path as written in the line, with `/` separators.
 */
function windowsPath(command: string | undefined, text: string): string | undefined {
  if (command === undefined || !text.includes('\\') || command.includes('/')) return command;
  for (const m of text.matchAll(/[\w.$:{}()-]*\\[\w.\\$:{}()-]+/g)) {
    if (m[0].replace(/\\/g, '') === command) return m[0].replace(/\\/g, '/');
  }
  return command;
}

const POWERSHELLS = new Set(['pwsh', 'powershell', 'pwsh.exe', 'powershell.exe']);

function indirectionOf(inv: Invocation, vars?: ReadonlyMap<string, string>): Indirection | undefined {
  if (inv.kind !== 'run') return undefined;
  const args = inv.args;
  switch (inv.program) {
    case 'make':
    case 'gmake':
      return makeIndirection(args);
    case 'npm': {
      const p = pmArgs(args);
      if (p.elsewhere) return undefined;
      const sub = args[p.sub];
      if (sub === 'run' || sub === 'run-script' || sub === 'rum' || sub === 'urn') {
        const s = scriptName(args, p.sub + 1);
        return s.elsewhere ? undefined : npmScript(s.name, s.dir, p.dir);
      }
      if (sub === 'test' || sub === 't' || sub === 'tst') return npmScript('test', pmArgs(args, p.sub + 1).dir, p.dir);
      if (sub === 'start' || sub === 'stop' || sub === 'restart') return npmScript(sub, pmArgs(args, p.sub + 1).dir, p.dir);
      return undefined;
    }
    case 'yarn': {
      const p = pmArgs(args);
      if (p.elsewhere) return undefined;
      const sub = args[p.sub];
      if (sub === undefined) return undefined;
      if (sub === 'run') {
        const s = scriptName(args, p.sub + 1);
        return npmScript(s.name, s.dir, p.dir);
      }
      if (YARN_BUILTINS.has(sub)) return undefined;
      return npmScript(sub, p.dir);
    }
    case 'pnpm': {
      const p = pmArgs(args);
      if (p.elsewhere) return undefined;
      const sub = args[p.sub];
      if (sub === undefined) return undefined;
      if (sub === 'run' || sub === 'run-script') {
        const s = scriptName(args, p.sub + 1);
        return s.elsewhere ? undefined : npmScript(s.name, s.dir, p.dir);
      }
      if (sub === 'test' || sub === 't' || sub === 'tst') return npmScript('test', p.dir);
      if (sub === 'start') return npmScript('start', p.dir);
      if (PNPM_BUILTINS.has(sub)) return undefined;
      return npmScript(sub, p.dir);
    }
    case 'bun': {
      const p = pmArgs(args);
      if (args[p.sub] !== 'run') return undefined;
      const s = scriptName(args, p.sub + 1);
      if (!s.name || /\.(m?[jt]sx?|cjs|cts)$/.test(s.name) || s.name.includes('/')) return undefined;
      return npmScript(s.name, s.dir, p.dir);
    }
    case 'task':
    case 'go-task':
      return taskIndirection(args);
    case 'just':
      return justIndirection(args);
    case 'tox':
      return toxIndirection(args);
    case 'nox':
      return noxIndirection(args);
    case 'rake':
      return rakeIndirection(args);
    case 'bundle':
      return args[0] === 'exec' && args[1] === 'rake' ? rakeIndirection(args.slice(2)) : undefined;
    case 'mage':
      return mageIndirection(args);
    case 'cargo':
      return cargoIndirection(args);
    case 'ninja':
    case 'samu':
      return ninjaIndirection(args);
    case 'meson':
      return mesonIndirection(args);
    case 'poe':
      return poeIndirection(args);
    case 'docker':
    case 'podman':
    case 'nerdctl':
    case 'buildah':
      return imageBuildIndirection(inv.program, args);
    case 'source':
    case '.':
      return args[0] !== undefined && isScriptPath(args[0]) ? scriptIndirection(args[0], vars) : undefined;
    case 'import-module': {
      // A PowerShell module imported by path (`Import-Module ./build.psm1`): its functions are read as the script's own.
      const mod = args.find((a) => /\.psm1$/i.test(a));
      return mod ? scriptIndirection(mod, vars) : undefined;
    }
    default:
      break;
  }
  if (POWERSHELLS.has(inv.program)) {
    // `pwsh -File ./build.ps1 -Test`, `pwsh ./build.ps1` (`-Command` text is analysed by the shell reader)
    for (let i = 0; i < args.length; i++) {
      const a = args[i].toLowerCase();
      if (a === '-file' || a === '-f') return args[i + 1] !== undefined ? scriptIndirection(args[i + 1], vars) : undefined;
      if (['-executionpolicy', '-ep', '-inputformat', '-outputformat', '-workingdirectory', '-wd', '-configurationname', '-windowstyle'].includes(a)) { i++; continue; }
      if (a.startsWith('-')) continue;
      return /\.ps1$/i.test(args[i]) ? scriptIndirection(args[i], vars) : undefined;
    }
    return undefined;
  }
  if (SHELLS.has(inv.program)) {
    let i = 0;
    for (; i < args.length; i++) {
      const a = args[i];
      if (a === '--') { i++; break; }
      if (a === '--rcfile' || a === '--init-file') { i++; continue; }
      if (/^[-+][A-Za-z]+$/.test(a) || a.startsWith('--')) {
        if (a[0] === '-' && a.includes('c') && !a.startsWith('--')) return undefined; // `sh -c` is parsed, not a file
        if (/^[-+][A-Za-z]*[oO]$/.test(a)) i++;
        continue;
      }
      break;
    }
    const script = args[i];
    if (script === undefined || !isScriptPath(script)) return undefined;
    return scriptIndirection(script, vars);
  }
  // A script run by path: `./scripts/scan.sh`, `scripts/scan.sh`, `ci/build`.
  const cmd = windowsPath(inv.command, inv.line.text);
  if (cmd === undefined || inv.program.startsWith('$')) return undefined;
  if (inv.wrapper && NOT_A_PATH.has(inv.wrapper)) return undefined;
  if (!SCRIPT_FILE.test(cmd)) {
    if (!cmd.includes('/')) return undefined;
    const base = cmd.slice(cmd.lastIndexOf('/') + 1);
    if (base.includes('.') || /(^|\/)(node_modules|\.?venv|vendor|\.tox)\//.test(cmd)) return undefined;
  }
  return scriptIndirection(cmd, vars);
}

// ───────────────────────────── task runners ─────────────────────────────

function runner(runner: RunnerKind, tasks: string[], dir?: string, file?: string, args?: string[]): Indirection {
  const out: Indirection = { kind: 'runner', runner, tasks };
  const d = dir !== undefined ? normalizePath(dir) : undefined;
  if (d) out.dir = d;
  const f = file !== undefined ? normalizePath(file) : undefined;
  if (f) out.file = f;
  if (args?.length) out.args = args;
  return out;
}

/** Reads `-x value` / `--long value` / `--long=value` options; the rest are positional words (up to `--`). */
function runnerArgs(args: string[], valued: ReadonlySet<string>): { opts: Map<string, string[]>; words: string[]; rest: string[] } {
  const opts = new Map<string, string[]>();
  const words: string[] = [];
  let i = 0;
  for (; i < args.length; i++) {
    const a = args[i];
    if (a === '--') { i++; break; }
    if (a.startsWith('-') && a.length > 1) {
      const eq = a.startsWith('--') ? a.indexOf('=') : -1;
      const name = eq > 0 ? a.slice(0, eq) : a;
      const value = eq > 0 ? a.slice(eq + 1) : valued.has(name) ? args[++i] : undefined;
      if (value !== undefined) opts.set(name, [...(opts.get(name) ?? []), value]);
      else opts.set(name, opts.get(name) ?? []);
      continue;
    }
    words.push(a);
  }
  return { opts, words, rest: args.slice(i) };
}

const opt = (o: Map<string, string[]>, ...names: string[]): string | undefined => names.map((n) => o.get(n)?.[0]).find((v) => v !== undefined);

const TASK_VALUED = new Set(['-d', '--dir', '-t', '--taskfile', '-o', '--output', '-c', '--color', '-C', '--concurrency', '--interval', '--sort', '--output-group-begin', '--output-group-end']);

/** go-task: `task [-d dir] [-t file] [tasks…] [VAR=value] [-- args]`. */
function taskIndirection(args: string[]): Indirection | undefined {
  const a = runnerArgs(args, TASK_VALUED);
  if (a.opts.has('--list') || a.opts.has('-l') || a.opts.has('--list-all') || a.opts.has('-a') || a.opts.has('--init') || a.opts.has('--version') || a.opts.has('--help') || a.opts.has('-h')) return undefined;
  const tasks = a.words.filter((w) => !w.includes('=') && !w.includes('$'));
  return runner('task', tasks, opt(a.opts, '-d', '--dir'), opt(a.opts, '-t', '--taskfile'));
}

const JUST_VALUED = new Set(['-f', '--justfile', '-d', '--working-directory', '--set', '--shell', '--shell-arg', '--color', '--dotenv-filename', '--dotenv-path', '--chooser', '--command-color', '--list-heading', '--list-prefix']);

/** just: `just [-f file] [-d dir] [recipe [args…]]` (later words may be arguments or more recipes: the resolver keeps recipe names). */
function justIndirection(args: string[]): Indirection | undefined {
  const a = runnerArgs(args, JUST_VALUED);
  if (['--list', '-l', '--summary', '--show', '-s', '--evaluate', '--init', '--fmt', '--dump', '--edit', '-e', '--choose', '--variables', '--version', '--help', '-h'].some((o) => a.opts.has(o))) return undefined;
  // `--set NAME VALUE` takes two words
  const words = a.opts.has('--set') ? a.words.slice(a.opts.get('--set')!.length) : a.words;
  const tasks = words.filter((w) => !w.includes('=') && !w.includes('$'));
  return runner('just', tasks, opt(a.opts, '-d', '--working-directory'), opt(a.opts, '-f', '--justfile'));
}

const TOX_VALUED = new Set(['-e', '-c', '--conf', '--root', '--workdir', '-m', '-f', '-p', '--parallel', '-x', '--override', '--installpkg', '--discover', '--hashseed', '-i', '--index-url']);

/** tox: `tox [run|r|run-parallel|p] [-e envs] [-c conf]` (no env: its env_list). */
function toxIndirection(args: string[]): Indirection | undefined {
  const a = runnerArgs(args, TOX_VALUED);
  if (['--version', '-h', '--help', '--showconfig', '--listenvs', '-l', '-a', '--listenvs-all'].some((o) => a.opts.has(o))) return undefined;
  const sub = a.words[0];
  if (sub !== undefined && !['run', 'r', 'run-parallel', 'p', 'legacy', 'le'].includes(sub)) return undefined; // list, config, devenv, quickstart, …
  const envs = (a.opts.get('-e') ?? []).flatMap((e) => e.split(',')).map((e) => e.trim()).filter((e) => e && e !== 'ALL' && !e.includes('$'));
  const conf = opt(a.opts, '-c', '--conf');
  const dir = conf !== undefined && !/\.(ini|toml|cfg)$/.test(conf) ? conf : undefined;
  return runner('tox', envs, dir ?? opt(a.opts, '--root'), conf !== undefined && dir === undefined ? conf : undefined);
}

const NOX_VALUED = new Set(['-s', '-e', '--session', '--sessions', '-f', '--noxfile', '-k', '-t', '--tags', '-p', '--python', '--pythons', '--envdir', '--extra-python', '--force-python', '-P']);

/** nox: `nox [-s sessions…] [-f noxfile]` (no session: the default sessions). */
function noxIndirection(args: string[]): Indirection | undefined {
  const sessions: string[] = [];
  let file: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--') break;
    if (a === '-l' || a === '--list' || a === '--list-sessions' || a === '--version' || a === '-h' || a === '--help') return undefined;
    if (a === '-f' || a === '--noxfile') { file = args[++i]; continue; }
    if (a === '-s' || a === '-e' || a === '--session' || a === '--sessions') {
      while (i + 1 < args.length && !args[i + 1].startsWith('-')) sessions.push(args[++i]);
      continue;
    }
    if (a.startsWith('--session=') || a.startsWith('--sessions=')) { sessions.push(a.slice(a.indexOf('=') + 1)); continue; }
    if (NOX_VALUED.has(a)) i++;
  }
  // parametrised runs name the session with its Python: `tests-3.12` is session `tests`
  const names = sessions.flatMap((s) => s.split(',')).map((s) => s.trim().replace(/-\d+(\.\d+)*$/, '').replace(/\(.*\)$/, '')).filter((s) => s && !s.includes('$'));
  return runner('nox', names, undefined, file);
}

const RAKE_VALUED = new Set(['-f', '--rakefile', '-C', '--directory', '-I', '--libdir', '-r', '--require', '-R', '--rakelibdir', '-e', '--execute', '-E', '--execute-continue', '-p', '--execute-print', '-j', '--jobs']);

/** Rake: `rake [-f file] [-C dir] [tasks[args]…] [VAR=value]` (no task: `default`). */
function rakeIndirection(args: string[]): Indirection | undefined {
  const a = runnerArgs(args, RAKE_VALUED);
  if (['-T', '--tasks', '-D', '--describe', '-W', '--where', '-P', '--prereqs', '-V', '--version', '-h', '--help'].some((o) => a.opts.has(o))) return undefined;
  const tasks = a.words.filter((w) => !w.includes('=') && !w.includes('$')).map((w) => w.replace(/\[.*\]$/, ''));
  return runner('rake', tasks, opt(a.opts, '-C', '--directory'), opt(a.opts, '-f', '--rakefile'));
}

const MAGE_VALUED = new Set(['-d', '-w', '-gocmd', '-goos', '-goarch', '-ldflags', '-t', '-timeout', '-compile', '-f']);

/** mage: `mage [-v] [-d dir] targets…` (target names are case-insensitive; none: `var Default`). */
function mageIndirection(args: string[]): Indirection | undefined {
  const a = runnerArgs(args, MAGE_VALUED);
  if (['-l', '-h', '-init', '-clean', '-version'].some((o) => a.opts.has(o))) return undefined;
  const tasks = a.words.filter((w) => !w.includes('$') && !w.includes(':')).map((w) => w.toLowerCase());
  return runner('mage', tasks, opt(a.opts, '-d'));
}

/** cargo's own commands (an alias may not shadow them); anything else may be an alias from .cargo/config.toml. */
const CARGO_COMMANDS = new Set(['build', 'b', 'check', 'c', 'clean', 'doc', 'd', 'new', 'init', 'add', 'remove', 'rm', 'run', 'r', 'test', 't',
  'bench', 'update', 'search', 'publish', 'install', 'uninstall', 'fmt', 'clippy', 'fix', 'tree', 'vendor', 'metadata', 'package', 'login',
  'logout', 'owner', 'yank', 'help', 'version', 'verify-project', 'locate-project', 'generate-lockfile', 'fetch', 'pkgid', 'report', 'rustc',
  'rustdoc', 'config', 'info', 'read-manifest', 'git-checkout']);

const CARGO_VALUED = new Set(['-Z', '--config', '-C', '--color', '--manifest-path']);

/** `cargo integration-test`, `cargo xtask ci`: an alias defined in .cargo/config.toml; the words after it are passed on. */
function cargoIndirection(args: string[]): Indirection | undefined {
  let i = 0;
  let dir: string | undefined;
  for (; i < args.length; i++) {
    const a = args[i];
    if (a.startsWith('+')) continue; // toolchain
    if (a === '-C') { dir = args[++i]; continue; }
    if (CARGO_VALUED.has(a)) { i++; continue; }
    if (a.startsWith('-')) continue;
    break;
  }
  const sub = args[i];
  if (sub === undefined || CARGO_COMMANDS.has(sub) || sub.includes('$') || sub.includes('/')) return undefined;
  return runner('cargo', [sub], dir, undefined, args.slice(i + 1));
}

/** The source folder of a build folder given as `-C build` (its parent), when it can be read; else the runner looks upward. */
function sourceOfBuildDir(dir: string | undefined): string | undefined {
  if (dir === undefined || dir.includes('$') || dir.startsWith('/') || dir.startsWith('..')) return undefined;
  const d = normalizePath(dir);
  if (!d) return undefined;
  const cut = d.lastIndexOf('/');
  return cut > 0 ? d.slice(0, cut) : undefined;
}

const NINJA_VALUED = new Set(['-C', '-f', '-j', '-k', '-l', '-d', '-w']);

/** `ninja [-C build] targets…`: a Meson run target (`ninja -C build tidy`) runs the command meson.build gives it. */
function ninjaIndirection(args: string[]): Indirection | undefined {
  const a = runnerArgs(args, NINJA_VALUED);
  if (a.opts.has('-t') || a.opts.has('--version') || a.opts.has('-h') || a.opts.has('-n')) return undefined;
  const tasks = a.words.filter((w) => !w.includes('=') && !w.includes('$') && !w.includes('/'));
  if (!tasks.length) return undefined;
  return runner('meson', tasks, sourceOfBuildDir(opt(a.opts, '-C')));
}

const MESON_COMPILE_VALUED = new Set(['-C', '-j', '--jobs', '-l', '--load-average', '--ninja-args', '--vs-args', '--xcode-args']);

/** `meson compile [-C build] targets…` (also the older `meson --internal`-free form): as ninja. */
function mesonIndirection(args: string[]): Indirection | undefined {
  if (args[0] !== 'compile') return undefined;
  const a = runnerArgs(args.slice(1), MESON_COMPILE_VALUED);
  if (a.opts.has('--clean') || a.opts.has('-h') || a.opts.has('--help')) return undefined;
  // `meson compile target:type` names a target with its type
  const tasks = a.words.filter((w) => !w.includes('$') && !w.includes('/')).map((w) => w.replace(/:[\w-]+$/, ''));
  if (!tasks.length) return undefined;
  return runner('meson', tasks, sourceOfBuildDir(opt(a.opts, '-C')));
}

const POE_VALUED = new Set(['-C', '--directory', '--root', '-e', '--executor']);

/** Poe the Poet: `poe [-C dir] task [args…]` (no task: it lists them). */
function poeIndirection(args: string[]): Indirection | undefined {
  let i = 0;
  let dir: string | undefined;
  for (; i < args.length; i++) {
    const a = args[i];
    if (a === '-C' || a === '--directory' || a === '--root') { dir = args[++i]; continue; }
    if (POE_VALUED.has(a)) { i++; continue; }
    if (a.startsWith('-')) {
      if (a === '-h' || a === '--help' || a === '--version') return undefined;
      continue;
    }
    break;
  }
  const task = args[i];
  if (task === undefined || task.includes('$')) return undefined;
  return runner('poe', [task], dir && !dir.includes('$') ? dir : undefined);
}

// ───────────────────────────── image builds ─────────────────────────────

const BUILD_VALUED = new Set(['-t', '--tag', '--build-arg', '--target', '--platform', '--label', '--cache-from', '--cache-to', '--secret', '--ssh',
  '--network', '--progress', '--output', '-o', '--iidfile', '--metadata-file', '--builder', '--add-host', '--shm-size', '--ulimit', '--memory', '-m',
  '--cpu-shares', '--cgroup-parent', '--isolation', '--build-context', '--attest', '--annotation', '--provenance', '--sbom', '--allow', '--format',
  '--layers', '--jobs', '--creds', '--authfile', '--cert-dir', '--sign-by', '--runtime', '--manifest', '--arch', '--os', '--variant', '--volume', '-v']);

/** `docker build [-f file] context`, `docker buildx build`, `docker image build`, `podman build`, `buildah bud`: the Dockerfile the build reads. */
function imageBuildIndirection(program: string, args: string[]): Indirection | undefined {
  let i = 0;
  const sub = () => args[i];
  if (program === 'buildah') {
    if (sub() !== 'bud' && sub() !== 'build' && sub() !== 'build-using-dockerfile') return undefined;
    i++;
  } else {
    if (sub() === 'buildx' || sub() === 'image' || sub() === 'builder') i++;
    if (sub() !== 'build') return undefined;
    i++;
  }
  let file: string | undefined;
  let context: string | undefined;
  for (; i < args.length; i++) {
    const a = args[i];
    if (a === '-f' || a === '--file') { file = args[++i]; continue; }
    if (a.startsWith('--file=')) { file = a.slice(7); continue; }
    if (a.startsWith('-f') && a.length > 2 && !a.startsWith('--')) { file = a.slice(2); continue; }
    if (a.startsWith('-')) {
      if (!a.includes('=') && BUILD_VALUED.has(a)) i++;
      continue;
    }
    // `${CI:+--quiet}`: an option when the variable is set, nothing otherwise; never the context
    if (/^\$\{\w+:?\+-/.test(a)) continue;
    context ??= a;
  }
  if (context === undefined || context === '-' || /^[a-z]+:\/\/|^git@/.test(context) || (file !== undefined && file === '-')) return undefined;
  const ctx = /^[./]+$/.test(context) ? '' : normalizePath(context);
  if (ctx === undefined) return undefined;
  const out: Indirection = { kind: 'image-build', context: ctx };
  if (file !== undefined) {
    const f = normalizePath(file);
    if (!f) return undefined;
    out.file = f;
  }
  return out;
}
