// The tool catalogue (model/probes.yaml) and the activity rules (model/rules.yaml): loading,
// validation with exact line numbers, merging a user file over the bundled one, and the pure
// matching functions the engine calls for every shell invocation, action, task, orb, pipe,
// image, template, component, pre-commit hook and config file it meets.
//
// Deliberately no regular expressions from the files: words are compared exactly, as a
// prefix (`--format=`, `--sbom`, `dir:`) or with `*` wildcards matched by a linear-time
// routine, so a hostile catalogue cannot freeze the editor.
import { trimEndOf, trimOf } from '../../text';
import { deref, Document, isMap, isScalar, isSeq, mapEntries, parseYaml, positionOf, scalarText, seqItems, LineCounter } from '../../yaml';
import { Invocation } from '../parse/shell';
import { Evidence, ProbeOutcome } from './probeTypes';
import { ciDialect } from '../ci/registry';
import { CiKind } from '../types';

// ───────────────────────────────────────────── types

/** Probes implemented in code (not in probes.yaml); rules may reference them. */
export const CODE_PROBE_IDS: readonly string[] = [
  'ci.pipeline',
  'ci.virtual-env',
  'ci.schedule',
  'dependency-update-bot',
  'dependency-update-automerge',
  'gha.actions-pinned',
  'gha.token-permissions',
  'repo.security-policy',
  'repo.gitignore',
  'repo.codeowners',
  'repo.version-control',
  'repo.lockfiles',
  'local.security-hooks',
  'local.lint-hooks',
  'iac.present',
  'container.present',
  'container.non-root',
  'container.base-image-digest',
  'container.healthcheck',
  'container.weak-instructions',
  'k8s.security-context',
  'k8s.network-policy',
  'deploy.rolling-update',
  'deploy.canary',
  'deploy.blue-green',
  'pinning',
];

/** One way of recognising a run of the tool in a shell invocation. */
export interface RunMatcher {
  /** Program names (basename, lower case); `*` wildcards allowed (`simian-*` for `java -jar simian-4.0.jar`). */
  programs: string[];
  /**
   * Alternative subcommand sequences; empty = no subcommand needed. Each is a space-separated
   * list of words; a word may list alternatives with `|`, use `*` wildcards, and `...` before
   * a word lets any other words come first (`... test|verify` for `mvn clean verify`).
   */
  subcommands: string[];
  /** Every one must appear among the arguments. */
  args: string[];
  /** At least one must appear (when given). */
  anyArgs: string[];
  /** None may appear. */
  notArgs: string[];
  line: number;
}

/** An action, task, orb, pipe or Jenkins step, optionally with conditions on its inputs. */
export interface UsesMatcher {
  name: string;
  /** Each listed input must equal one of the values ("" = absent or empty, "*" = any non-empty value). */
  inputs: Record<string, string[]>;
  /** Each listed input, split into words, must contain one of the words (argument rules). */
  inputWords: Record<string, string[]>;
  line: number;
}

export interface ToolDisable {
  args: string[];
  inputs: Record<string, string[]>;
}

export interface ToolDef {
  name: string;
  url?: string;
  run: RunMatcher[];
  /** Package names that install the tool (for "installed but never run" notes). */
  packages: string[];
  images: string[];
  actions: UsesMatcher[];
  gitlabTemplates: string[];
  gitlabComponents: string[];
  azureTasks: UsesMatcher[];
  orbs: UsesMatcher[];
  pipes: UsesMatcher[];
  jenkinsSteps: UsesMatcher[];
  preCommitHooks: string[];
  configFiles: string[];
  disabledBy?: ToolDisable;
  /** In a user file: drop the bundled tool with this name. */
  remove?: boolean;
  line: number;
}

export interface ProbeDef {
  id: string;
  title?: string;
  summary?: string;
  tools: ToolDef[];
  disabledBy?: { variables: Record<string, string[]> };
  /** In a user file: replace the bundled probe instead of merging tools into it. */
  replace?: boolean;
  source: string;
  line: number;
}

export interface Catalogue {
  schemaVersion: 1;
  probes: ProbeDef[];
}

export interface ToolMatch {
  probe: string;
  tool: string;
  /** Why this match is not counted (a disable switch it carries). */
  disabled?: string;
}

export type Condition =
  | { probe: string; line: number }
  | { all: Condition[]; line: number }
  | { any: Condition[]; line: number }
  | { tools: { probes: string[]; atLeast: number }; line: number };

export interface Rule {
  activity: string;
  /** Absent for hint-only rules (partialWhen alone: partial or unknown, never missing). */
  when?: Condition;
  partialWhen?: Condition;
  note?: string;
  /** In a user file: drop the bundled rule for this activity. */
  remove?: boolean;
  source: string;
  line: number;
}

export interface RuleSet {
  schemaVersion: 1;
  rules: Rule[];
}

export type ActivityStatus = 'detected' | 'partial' | 'missing' | 'not-applicable' | 'unknown';

export interface ActivityEvaluation {
  status: ActivityStatus;
  /** Probe ids the rule uses. */
  probes: string[];
  /** Evidence from the probes that made it detected or partial. */
  evidence: Evidence[];
  note?: string;
}

export class CatalogueError extends Error {
  constructor(
    message: string,
    readonly file: string,
    readonly line?: number,
  ) {
    super(line ? `${file}:${line}: ${message}` : `${file}: ${message}`);
    this.name = 'CatalogueError';
  }
}

export function probeTitle(p: ProbeDef): string {
  return p.title ?? p.id;
}

// ───────────────────────────────────────────── YAML reading helpers

const MAX_NODES = 200_000;

class Reader {
  private visited = 0;
  constructor(
    readonly doc: Document.Parsed,
    readonly lc: LineCounter,
    readonly source: string,
  ) {}

  line(node: unknown): number {
    return positionOf(node as never, this.lc).line;
  }

  fail(node: unknown, message: string): never {
    throw new CatalogueError(message, this.source, this.line(node));
  }

  tick(node: unknown): void {
    if (++this.visited > MAX_NODES) this.fail(node, 'the file is too large or expands too many aliases');
  }

  /** Map entries with their key lines; throws on keys not in `allowed`. */
  map(node: unknown, what: string, allowed?: readonly string[]): Map<string, { value: unknown; keyNode: unknown }> {
    const n = deref(this.doc, node);
    this.tick(n);
    if (!isMap(n)) this.fail(node, `${what} must be a map`);
    const out = new Map<string, { value: unknown; keyNode: unknown }>();
    for (const e of mapEntries(this.doc, n)) {
      if (allowed && !allowed.includes(e.keyText)) this.fail(e.keyNode, `unknown key "${e.keyText}" in ${what} (allowed: ${allowed.join(', ')})`);
      out.set(e.keyText, { value: deref(this.doc, e.value), keyNode: e.keyNode });
    }
    return out;
  }

  seq(node: unknown, what: string): unknown[] {
    const n = deref(this.doc, node);
    this.tick(n);
    if (!isSeq(n)) this.fail(node, `${what} must be a list`);
    return seqItems(this.doc, n);
  }

  str(node: unknown, what: string, allowEmpty = false): string {
    const n = deref(this.doc, node);
    this.tick(n);
    if (!isScalar(n) || n.value === null || typeof n.value === 'object') this.fail(node, `${what} must be a text value`);
    const s = (scalarText(n) ?? '').trim();
    if (!s && !allowEmpty) this.fail(node, `${what} must not be empty`);
    return s;
  }

  bool(node: unknown, what: string): boolean {
    const n = deref(this.doc, node);
    if (!isScalar(n) || typeof n.value !== 'boolean') this.fail(node, `${what} must be true or false`);
    return n.value as boolean;
  }

  strList(node: unknown, what: string, allowEmpty = false): string[] {
    const n = deref(this.doc, node);
    if (isScalar(n) && typeof n.value === 'string') return [this.str(n, what, allowEmpty)];
    return this.seq(n, what).map((i) => this.str(i, `an entry of ${what}`, allowEmpty));
  }

  strListMap(node: unknown, what: string): Record<string, string[]> {
    const out: Record<string, string[]> = {};
    for (const [k, v] of this.map(node, what)) out[k] = this.strList(v.value, `${what}.${k}`, true);
    return out;
  }
}

function openYaml(text: string, source: string): { r: Reader; root: unknown } {
  const parsed = parseYaml(text);
  if (parsed.errors.length) {
    const e = parsed.errors[0];
    throw new CatalogueError(`not valid YAML: ${e.message}`, source, e.line);
  }
  const docs = parsed.documents.filter((d) => d.contents !== null && d.contents !== undefined);
  if (docs.length !== 1) throw new CatalogueError(docs.length ? 'expected one YAML document' : 'the file is empty', source);
  const r = new Reader(docs[0], parsed.lineCounter, source);
  return { r, root: docs[0].contents };
}

function checkSchemaVersion(r: Reader, top: Map<string, { value: unknown; keyNode: unknown }>, root: unknown): void {
  const sv = top.get('schemaVersion');
  if (!sv) r.fail(root, 'missing schemaVersion (expected 1)');
  const v = deref(r.doc, sv.value);
  if (!isScalar(v) || v.value !== 1) r.fail(sv.value, `unsupported schemaVersion ${scalarText(v) ?? ''} (expected 1)`);
}

// ───────────────────────────────────────────── catalogue loading

const PROBE_KEYS = ['id', 'title', 'summary', 'tools', 'disabledBy', 'replace'] as const;
const TOOL_KEYS = [
  'name', 'url', 'run', 'packages', 'images', 'actions', 'gitlabTemplates', 'gitlabComponents', 'azureTasks', 'orbs',
  'pipes', 'jenkinsSteps', 'preCommitHooks', 'configFiles', 'disabledBy', 'remove',
] as const;
const MATCHER_KEYS = ['run', 'images', 'actions', 'gitlabTemplates', 'gitlabComponents', 'azureTasks', 'orbs', 'pipes', 'jenkinsSteps', 'preCommitHooks', 'configFiles'] as const;
const RUN_KEYS = ['program', 'subcommands', 'args', 'anyArgs', 'notArgs'] as const;
const USES_KEYS = ['name', 'inputs', 'inputWords'] as const;
const PROBE_ID_OK = (id: string) => /^[a-z0-9][a-z0-9._-]*$/.test(id);

/** Parses and validates a catalogue file. Throws CatalogueError (`file:line: message`). */
export function loadCatalogue(text: string, source: string): Catalogue {
  const { r, root }: { r: Reader; root: unknown } = openYaml(text, source);
  const top = r.map(root, 'the catalogue', ['schemaVersion', 'probes']);
  checkSchemaVersion(r, top, root);
  const probesNode = top.get('probes');
  if (!probesNode) return r.fail(root, 'missing "probes" list');
  const probes: ProbeDef[] = [];
  const seen = new Set<string>();
  for (const pn of r.seq(probesNode.value, 'probes')) {
    const p = readProbe(r, pn);
    if (seen.has(p.id)) r.fail(pn, `probe "${p.id}" is defined twice`);
    seen.add(p.id);
    probes.push(p);
  }
  return { schemaVersion: 1, probes };
}

function readProbe(r: Reader, node: unknown): ProbeDef {
  const m = r.map(node, 'a probe', PROBE_KEYS);
  const idNode = m.get('id');
  if (!idNode) r.fail(node, 'probe has no id');
  const id = r.str(idNode.value, 'probe id');
  if (!PROBE_ID_OK(id)) r.fail(idNode.value, `probe id "${id}" may only use lower-case letters, digits, '.', '-' and '_'`);
  if (CODE_PROBE_IDS.includes(id)) r.fail(idNode.value, `probe id "${id}" is reserved for a built-in probe`);
  const p: ProbeDef = { id, tools: [], source: r.source, line: r.line(node) };
  if (m.has('title')) p.title = r.str(m.get('title')!.value, `title of probe "${id}"`);
  if (m.has('summary')) p.summary = r.str(m.get('summary')!.value, `summary of probe "${id}"`);
  if (m.has('replace')) p.replace = r.bool(m.get('replace')!.value, 'replace');
  if (m.has('disabledBy')) {
    const d = r.map(m.get('disabledBy')!.value, `disabledBy of probe "${id}"`, ['variables']);
    p.disabledBy = { variables: d.has('variables') ? r.strListMap(d.get('variables')!.value, 'disabledBy.variables') : {} };
  }
  const toolsNode = m.get('tools');
  if (!toolsNode) r.fail(node, `probe "${id}" has no tools`);
  const names = new Set<string>();
  for (const tn of r.seq(toolsNode.value, `tools of probe "${id}"`)) {
    const t = readTool(r, tn);
    const key = t.name.toLowerCase();
    if (names.has(key)) r.fail(tn, `tool "${t.name}" appears twice in probe "${id}"`);
    names.add(key);
    p.tools.push(t);
  }
  if (!p.tools.length) r.fail(toolsNode.value, `probe "${id}" has no tools`);
  return p;
}

function readTool(r: Reader, node: unknown): ToolDef {
  const m = r.map(node, 'a tool', TOOL_KEYS);
  const nameNode = m.get('name');
  if (!nameNode) r.fail(node, 'tool has no name');
  const name = r.str(nameNode.value, 'tool name');
  const t: ToolDef = {
    name, run: [], packages: [], images: [], actions: [], gitlabTemplates: [], gitlabComponents: [], azureTasks: [],
    orbs: [], pipes: [], jenkinsSteps: [], preCommitHooks: [], configFiles: [], line: r.line(node),
  };
  const list = (k: string) => (m.has(k) ? r.strList(m.get(k)!.value, `${k} of tool "${name}"`) : []);
  if (m.has('url')) t.url = r.str(m.get('url')!.value, `url of tool "${name}"`);
  if (m.has('remove')) t.remove = r.bool(m.get('remove')!.value, 'remove');
  if (m.has('run')) t.run = r.seq(m.get('run')!.value, `run of tool "${name}"`).map((n) => readRun(r, n, name));
  t.packages = list('packages');
  t.images = list('images');
  t.gitlabTemplates = list('gitlabTemplates');
  t.gitlabComponents = list('gitlabComponents');
  t.preCommitHooks = list('preCommitHooks');
  t.configFiles = list('configFiles');
  for (const g of t.configFiles) if (g.split('/').includes('..')) r.fail(m.get('configFiles')!.value, `config file pattern "${g}" must stay inside the workspace`);
  for (const k of ['actions', 'azureTasks', 'orbs', 'pipes', 'jenkinsSteps'] as const) {
    if (m.has(k)) t[k] = r.seq(m.get(k)!.value, `${k} of tool "${name}"`).map((n) => readUses(r, n, `${k} of tool "${name}"`));
  }
  if (m.has('disabledBy')) {
    const d = r.map(m.get('disabledBy')!.value, `disabledBy of tool "${name}"`, ['args', 'inputs']);
    t.disabledBy = {
      args: d.has('args') ? r.strList(d.get('args')!.value, 'disabledBy.args') : [],
      inputs: d.has('inputs') ? r.strListMap(d.get('inputs')!.value, 'disabledBy.inputs') : {},
    };
  }
  if (!t.remove && !MATCHER_KEYS.some((k) => (t[k] as unknown[]).length > 0)) r.fail(node, `tool "${name}" has no matchers`);
  return t;
}

function checkWords(r: Reader, node: unknown, words: string[], what: string): void {
  for (const w of words) {
    if (!w.trim()) r.fail(node, `${what}: empty word`);
    if (w.split('|').some((a) => a === '')) r.fail(node, `${what}: "${w}" has an empty alternative`);
  }
}

function readRun(r: Reader, node: unknown, tool: string): RunMatcher {
  const n = deref(r.doc, node);
  const line = r.line(node);
  if (isScalar(n)) {
    const text = r.str(n, `a run entry of tool "${tool}"`);
    const words = text.split(/\s+/);
    const programs = words[0].split('|').map(normProgram);
    checkWords(r, node, words, `run "${text}"`);
    const rest = words.slice(1).join(' ');
    if (rest) checkSequence(r, node, rest);
    return { programs, subcommands: rest ? [rest] : [], args: [], anyArgs: [], notArgs: [], line };
  }
  const m = r.map(n, `a run entry of tool "${tool}"`, RUN_KEYS);
  if (!m.has('program')) r.fail(node, `a run entry of tool "${tool}" has no program`);
  const prog = r.str(m.get('program')!.value, 'program');
  if (/\s/.test(prog)) r.fail(m.get('program')!.value, `program "${prog}" must be one word (put subcommands in "subcommands")`);
  const list = (k: string) => (m.has(k) ? r.strList(m.get(k)!.value, k) : []);
  const rm: RunMatcher = { programs: prog.split('|').map(normProgram), subcommands: list('subcommands'), args: list('args'), anyArgs: list('anyArgs'), notArgs: list('notArgs'), line };
  checkWords(r, node, [prog, ...rm.args, ...rm.anyArgs, ...rm.notArgs], `run entry of tool "${tool}"`);
  for (const s of rm.subcommands) checkSequence(r, node, s);
  return rm;
}

function checkSequence(r: Reader, node: unknown, seq: string): void {
  const words = seq.split(/\s+/).filter(Boolean);
  if (!words.length) r.fail(node, 'empty subcommand');
  if (isGap(words[words.length - 1])) r.fail(node, `"${seq}": '...' must be followed by a word`);
  checkWords(r, node, words, `subcommand "${seq}"`);
}

function readUses(r: Reader, node: unknown, what: string): UsesMatcher {
  const n = deref(r.doc, node);
  const line = r.line(node);
  if (isScalar(n)) return { name: r.str(n, `an entry of ${what}`), inputs: {}, inputWords: {}, line };
  const m = r.map(n, `an entry of ${what}`, USES_KEYS);
  if (!m.has('name')) r.fail(node, `an entry of ${what} has no name`);
  return {
    name: r.str(m.get('name')!.value, 'name'),
    inputs: m.has('inputs') ? r.strListMap(m.get('inputs')!.value, 'inputs') : {},
    inputWords: m.has('inputWords') ? r.strListMap(m.get('inputWords')!.value, 'inputWords') : {},
    line,
  };
}

// ───────────────────────────────────────────── rules loading

const RULE_KEYS = ['activity', 'when', 'partialWhen', 'note', 'remove'] as const;

/**
 * Parses and validates a rules file. With `knownProbes`, a rule naming any other probe is an
 * error (pass the catalogue's probe ids plus CODE_PROBE_IDS).
 */
export function loadRules(text: string, source: string, knownProbes?: Iterable<string>): RuleSet {
  const { r, root }: { r: Reader; root: unknown } = openYaml(text, source);
  const top = r.map(root, 'the rules file', ['schemaVersion', 'rules']);
  checkSchemaVersion(r, top, root);
  const rulesNode = top.get('rules');
  if (!rulesNode) return r.fail(root, 'missing "rules" list');
  const known = knownProbes ? new Set(knownProbes) : undefined;
  const rules: Rule[] = [];
  const seen = new Set<string>();
  for (const rn of r.seq(rulesNode.value, 'rules')) {
    const m = r.map(rn, 'a rule', RULE_KEYS);
    if (!m.has('activity')) r.fail(rn, 'rule has no activity');
    const activity = r.str(m.get('activity')!.value, 'activity');
    if (seen.has(activity)) r.fail(rn, `activity ${activity} has more than one rule`);
    seen.add(activity);
    const rule: Rule = { activity, source: r.source, line: r.line(rn) };
    if (m.has('remove')) rule.remove = r.bool(m.get('remove')!.value, 'remove');
    if (m.has('note')) rule.note = r.str(m.get('note')!.value, 'note');
    if (m.has('when')) rule.when = readCondition(r, m.get('when')!.value, known, 0);
    if (m.has('partialWhen')) rule.partialWhen = readCondition(r, m.get('partialWhen')!.value, known, 0);
    if (!rule.remove && !rule.when && !rule.partialWhen) r.fail(rn, `rule for ${activity} needs "when" or "partialWhen"`);
    rules.push(rule);
  }
  return { schemaVersion: 1, rules };
}

function readCondition(r: Reader, node: unknown, known: Set<string> | undefined, depth: number): Condition {
  if (depth > 16) r.fail(node, 'conditions are nested too deeply');
  const m = r.map(node, 'a condition', ['probe', 'all', 'any', 'tools']);
  if (m.size !== 1) r.fail(node, 'a condition needs exactly one of probe, all, any, tools');
  const line = r.line(node);
  const checkProbe = (id: string, at: unknown) => {
    if (known && !known.has(id)) r.fail(at, `unknown probe "${id}"`);
  };
  if (m.has('probe')) {
    const v = m.get('probe')!.value;
    const id = r.str(v, 'probe');
    checkProbe(id, v);
    return { probe: id, line };
  }
  if (m.has('all') || m.has('any')) {
    const key = m.has('all') ? 'all' : 'any';
    const items = r.seq(m.get(key)!.value, key).map((c) => readCondition(r, c, known, depth + 1));
    if (!items.length) r.fail(node, `"${key}" needs at least one condition`);
    return key === 'all' ? { all: items, line } : { any: items, line };
  }
  const t = r.map(m.get('tools')!.value, 'tools', ['probes', 'atLeast']);
  if (!t.has('probes')) r.fail(node, 'tools needs "probes"');
  const probes = r.strList(t.get('probes')!.value, 'tools.probes');
  for (const p of probes) checkProbe(p, t.get('probes')!.value);
  let atLeast = 1;
  if (t.has('atLeast')) {
    const v = deref(r.doc, t.get('atLeast')!.value);
    if (!isScalar(v) || typeof v.value !== 'number' || !Number.isInteger(v.value) || v.value < 1) r.fail(t.get('atLeast')!.value, 'atLeast must be a whole number ≥ 1');
    atLeast = v.value as number;
  }
  return { tools: { probes, atLeast }, line };
}

/** Probe ids a condition uses, in order of appearance. */
export function conditionProbes(c: Condition | undefined, out: string[] = []): string[] {
  if (!c) return out;
  const add = (id: string) => {
    if (!out.includes(id)) out.push(id);
  };
  if ('probe' in c) add(c.probe);
  else if ('all' in c) c.all.forEach((x) => conditionProbes(x, out));
  else if ('any' in c) c.any.forEach((x) => conditionProbes(x, out));
  else c.tools.probes.forEach(add);
  return out;
}

/** Rules that use a probe that is neither in the catalogue nor a code probe. */
export function unknownRuleProbes(rules: RuleSet, cat: Catalogue): { activity: string; probe: string; source: string; line: number }[] {
  const known = new Set([...CODE_PROBE_IDS, ...cat.probes.map((p) => p.id)]);
  const out: { activity: string; probe: string; source: string; line: number }[] = [];
  for (const rule of rules.rules) {
    for (const p of [...conditionProbes(rule.when), ...conditionProbes(rule.partialWhen)]) {
      if (!known.has(p)) out.push({ activity: rule.activity, probe: p, source: rule.source, line: rule.line });
    }
  }
  return out;
}

// ───────────────────────────────────────────── merging

/**
 * A user catalogue over the bundled one: a probe with a known id merges its tools into the
 * bundled probe (same name replaces, new names are added, `remove: true` drops one) and
 * overrides title, summary and disabledBy when it sets them; `replace: true` replaces the
 * whole probe. New probes are added.
 */
export function mergeCatalogues(base: Catalogue, extra: Catalogue): Catalogue {
  const probes = base.probes.map((p) => ({ ...p, tools: [...p.tools] }));
  const byId = new Map(probes.map((p, i) => [p.id, i]));
  for (const e of extra.probes) {
    const own = { ...e, tools: e.tools.filter((t) => !t.remove) };
    delete own.replace;
    const i = byId.get(e.id);
    if (i === undefined) {
      byId.set(e.id, probes.length);
      probes.push(own);
      continue;
    }
    if (e.replace) {
      probes[i] = own;
      continue;
    }
    const merged = probes[i];
    if (e.title !== undefined) merged.title = e.title;
    if (e.summary !== undefined) merged.summary = e.summary;
    if (e.disabledBy) merged.disabledBy = { variables: { ...(merged.disabledBy?.variables ?? {}), ...e.disabledBy.variables } };
    for (const t of e.tools) {
      const at = merged.tools.findIndex((x) => x.name.toLowerCase() === t.name.toLowerCase());
      if (t.remove) {
        if (at >= 0) merged.tools.splice(at, 1);
      } else if (at >= 0) merged.tools[at] = t;
      else merged.tools.push(t);
    }
  }
  return { schemaVersion: 1, probes: probes.filter((p) => p.tools.length > 0) };
}

/** User rules over the bundled ones: same activity replaces, `remove: true` drops, new ones are added. */
export function mergeRules(base: RuleSet, extra: RuleSet): RuleSet {
  const rules = [...base.rules];
  for (const e of extra.rules) {
    const at = rules.findIndex((x) => x.activity === e.activity);
    if (e.remove) {
      if (at >= 0) rules.splice(at, 1);
    } else if (at >= 0) rules[at] = e;
    else rules.push(e);
  }
  return { schemaVersion: 1, rules };
}

// ───────────────────────────────────────────── word matching

/** Linear-time wildcard match (`*` = any run of characters); both sides already lower case. */
export function wildcardMatch(pattern: string, text: string): boolean {
  let p = 0;
  let t = 0;
  let star = -1;
  let mark = 0;
  while (t < text.length) {
    if (p < pattern.length && pattern[p] !== '*' && pattern[p] === text[t]) {
      p++;
      t++;
    } else if (p < pattern.length && pattern[p] === '*') {
      star = p++;
      mark = t;
    } else if (star >= 0) {
      p = star + 1;
      t = ++mark;
    } else return false;
  }
  while (p < pattern.length && pattern[p] === '*') p++;
  return p === pattern.length;
}

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

function normProgram(p: string): string {
  let s = p.trim().toLowerCase().replace(/\\/g, '/');
  const slash = s.lastIndexOf('/');
  if (slash >= 0) s = s.slice(slash + 1);
  for (const ext of ['.exe', '.cmd', '.bat', '.ps1']) if (s.endsWith(ext) && s.length > ext.length) s = s.slice(0, -ext.length);
  return s;
}

const isGap = (w: string) => w === '...' || w === '…';

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

/** Glob over '/'-separated paths: `*` within a segment, `**` for any number of segments. */
function globMatch(pattern: string, path: string): boolean {
  const ps = pattern.split('/');
  const ss = path.split('/');
  if (!ps.includes('**')) {
    if (ps.length !== ss.length) return false;
    for (let i = 0; i < ps.length; i++) if (!wildcardMatch(ps[i], ss[i])) return false;
    return true;
  }
  // Cheap rejection: the last segments must match.
  const lastP = ps[ps.length - 1];
  if (lastP !== '**' && !wildcardMatch(lastP, ss[ss.length - 1])) return false;
  // memo[i][j]: pattern segments from i match path segments from j
  const memo = new Map<number, boolean>();
  const go = (i: number, j: number): boolean => {
    const key = i * (ss.length + 1) + j;
    const cached = memo.get(key);
    if (cached !== undefined) return cached;
    let res: boolean;
    if (i === ps.length) res = j === ss.length;
    else if (ps[i] === '**') res = go(i + 1, j) || (j < ss.length && go(i, j + 1));
    else res = j < ss.length && wildcardMatch(ps[i], ss[j]) && go(i + 1, j + 1);
    memo.set(key, res);
    return res;
  };
  return go(0, 0);
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
  byComponent: Map<string, ToolRef[]>;
  byHook: Map<string, ToolRef[]>;
  byConfigExact: Map<string, ToolRef[]>;
  configGlobs: { pattern: string; ref: ToolRef }[];
  byPackage: Map<string, ToolRef[]>;
  byRepo: Map<string, ToolRef[]>;
  variables: { probe: string; name: string; values: string[] }[];
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
    byOrb: new Map(), byOrbShort: new Map(), byPipe: new Map(), byJenkins: new Map(), byTemplate: new Map(),
    byComponent: new Map(), byHook: new Map(), byConfigExact: new Map(), configGlobs: [], byPackage: new Map(),
    byRepo: new Map(), variables: [],
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
      for (const c of tool.gitlabComponents) push(ix.byComponent, normComponent(c), ref);
      for (const h of tool.preCommitHooks) push(ix.byHook, h.trim().toLowerCase(), ref);
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
    const refs = [...(ix.byProgram.get(program) ?? [])];
    for (const w of ix.wildPrograms) if (wildcardMatch(w.pattern, program)) refs.push(w.ref);
    for (const r of refs) {
      if (runArgsMatch(r.run, inv.args, cands, pos)) out.push({ probe: r.probe, tool: r.tool.name, ...disabledField(toolDisabledByArgs(r.tool, cands)) });
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
    if (ok) out.push({ probe: ref.probe, tool: ref.tool.name, ...disabledField(toolDisabledByArgs(ref.tool, cands)) });
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
    if (runs.length === 0 || runs.some(hasNoRequirements)) out.push({ probe: ref.probe, tool: ref.tool.name });
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
  return true;
}

function usesMatches(refs: UsesRef[] | undefined, inputs: Map<string, string>, command?: string): ToolMatch[] {
  const out: ToolMatch[] = [];
  for (const r of refs ?? []) {
    if (r.command !== undefined && r.command !== command) continue;
    if (!usesConditionsMatch(r.m, inputs)) continue;
    out.push({ probe: r.probe, tool: r.tool.name, ...disabledField(toolDisabledByInputs(r.tool, inputs)) });
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
      for (let n = segs.length; n >= 2; n--) out.push(...usesMatches(ix.byAction.get(segs.slice(0, n).join('/')), inp));
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

/** Tools a GitLab CI/CD component adds (host and `@version` ignored). */
export function matchGitlabComponent(cat: Catalogue, ref: string): ToolMatch[] {
  return dedupe((indexOf(cat).byComponent.get(normComponent(ref)) ?? []).map((r) => ({ probe: r.probe, tool: r.tool.name })));
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

// ───────────────────────────────────────────── rule evaluation

type Strength = 'detected' | 'partial' | 'missing' | 'not-applicable';
const RANK: Record<Exclude<Strength, 'not-applicable'>, number> = { missing: 0, partial: 1, detected: 2 };

interface Eval {
  status: Strength;
  evidence: Evidence[];
}

function fromResult(o: ProbeOutcome | undefined): Strength {
  switch (o?.result ?? 'fail') {
    case 'pass':
      return 'detected';
    case 'partial':
      return 'partial';
    case 'not-applicable':
      return 'not-applicable';
    default:
      return 'missing';
  }
}

function evalCondition(c: Condition, probes: Map<string, ProbeOutcome>): Eval {
  if ('probe' in c) {
    const o = probes.get(c.probe);
    const status = fromResult(o);
    return { status, evidence: status === 'detected' || status === 'partial' ? [...(o?.evidence ?? [])] : [] };
  }
  if ('all' in c || 'any' in c) {
    const members = ('all' in c ? c.all : c.any).map((x) => evalCondition(x, probes));
    const live = members.filter((m) => m.status !== 'not-applicable') as (Eval & { status: Exclude<Strength, 'not-applicable'> })[];
    if (!live.length) return { status: 'not-applicable', evidence: [] };
    const ranks = live.map((m) => RANK[m.status]);
    const target = 'all' in c ? Math.min(...ranks) : Math.max(...ranks);
    const status = (Object.keys(RANK) as (keyof typeof RANK)[]).find((k) => RANK[k] === target)!;
    if (status === 'missing') return { status, evidence: [] };
    const contributing = 'all' in c ? live : live.filter((m) => m.status === status);
    return { status, evidence: contributing.flatMap((m) => m.evidence) };
  }
  const outcomes = c.tools.probes.map((id) => probes.get(id));
  if (outcomes.every((o) => o?.result === 'not-applicable')) return { status: 'not-applicable', evidence: [] };
  const tools = new Set<string>();
  const evidence: Evidence[] = [];
  c.tools.probes.forEach((id, i) => {
    const o = outcomes[i];
    if (!o || (o.result !== 'pass' && o.result !== 'partial')) return;
    const withTool = o.evidence.filter((e) => e.tool);
    if (withTool.length) withTool.forEach((e) => tools.add(e.tool!.toLowerCase()));
    else tools.add(`probe:${id}`);
    evidence.push(...o.evidence);
  });
  const status: Strength = tools.size >= c.tools.atLeast ? 'detected' : tools.size >= 1 ? 'partial' : 'missing';
  return { status, evidence: status === 'missing' ? [] : evidence };
}

/** Evidence objects live as long as the facts of their file: each one's key is built once. */
const evidenceKeys = new WeakMap<Evidence, string>();

function evidenceKey(e: Evidence): string {
  let key = evidenceKeys.get(e);
  if (key === undefined) evidenceKeys.set(e, (key = `${e.loc.path}:${e.loc.line}:${e.loc.column}:${e.tool ?? ''}:${e.text}`));
  return key;
}

function dedupeEvidence(list: Evidence[]): Evidence[] {
  if (list.length < 2) return list;
  const seen = new Set<string>();
  return list.filter((e) => {
    const key = evidenceKey(e);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Activity statuses from probe outcomes. Probes missing from the map count as failed;
 * activities without a rule are `unknown` (a human decides).
 */
export function evaluateRules(rules: RuleSet, probes: Map<string, ProbeOutcome>, activityUuids: Iterable<string>): Map<string, ActivityEvaluation> {
  const byActivity = new Map<string, Rule>();
  for (const r of rules.rules) if (!r.remove) byActivity.set(r.activity, r);
  const out = new Map<string, ActivityEvaluation>();
  for (const uuid of activityUuids) {
    const rule = byActivity.get(uuid);
    if (!rule) {
      out.set(uuid, { status: 'unknown', probes: [], evidence: [] });
      continue;
    }
    const used = conditionProbes(rule.partialWhen, conditionProbes(rule.when));
    const note = rule.note !== undefined ? { note: rule.note } : {};
    const w = rule.when ? evalCondition(rule.when, probes) : undefined;
    let res: { status: ActivityStatus; evidence: Evidence[] };
    if (w && (w.status === 'detected' || w.status === 'partial' || w.status === 'not-applicable')) res = w;
    else {
      const p = rule.partialWhen ? evalCondition(rule.partialWhen, probes) : undefined;
      if (p && (p.status === 'detected' || p.status === 'partial')) res = { status: 'partial', evidence: p.evidence };
      else res = { status: w ? 'missing' : 'unknown', evidence: [] };
    }
    out.set(uuid, { status: res.status, probes: used, evidence: dedupeEvidence(res.evidence), ...note });
  }
  return out;
}
