// Tools that run because a CI line starts something that runs them: a Maven phase (plugins whose
// goals are bound to it or to an earlier phase), a Gradle task (plugins whose tasks it depends
// on), golangci-lint (the linters its configuration enables), `pre-commit run` (the hooks of
// .pre-commit-config.yaml), Super-Linter and MegaLinter (the linters they are set to run). Which
// plugin, task or linter counts for which probe is data: model/build-lifecycles.json.
//
// Each tool found gives two pieces of evidence: the CI line (saying what it runs through) and
// the configuration line that enables the tool (saying which CI line runs it). What the
// configuration enables but the CI line does not reach is noted, not counted.
import * as lifecycleData from '../../../../model/build-lifecycles.json';
import { Catalogue, ToolMatch } from './catalogue';
import { matchInvocation, matchPreCommitHook } from './toolMatch';
import { Evidence } from './probeTypes';
import type { FactsContext, FileFacts } from './facts';
import { compareVersions, GradleBuild, parseGradleBuild, parsePom, Pom, PomPlugin, readGradleCommand, readMavenCommand } from '../parse/buildLifecycle';
import { GolangciConfig, hookRunsAt, parseGolangciConfig, parseMegaLinterConfig, parsePreCommitConfig, PreCommitConfig, readGolangciCommand } from '../parse/aggregators';
import { invocations, Invocation } from '../parse/shell';
import { Loc, Located, ShellLine } from '../types';
import { dirname, joinPath, resolvePath } from '../../fs';
import { azureBuildTaskTarget, dotnetAnalyzerOutcomes, dotnetBuildTarget } from './dotnetAnalyzers';

interface ProbeTool {
  probe: string;
  tool: string;
}

interface MavenPluginData extends ProbeTool {
  plugin: string;
  goals: Record<string, string>;
  skipProperties: string[];
  withPlugin?: Record<string, ProbeTool>;
}

interface MavenParentData {
  parent: string;
  since?: string;
  manages?: { plugin: string; goal: string; phase: string }[];
  mayRun?: ProbeTool[];
}

interface GradlePluginData extends ProbeTool {
  ids: string[];
  tasks: string[];
  check: boolean;
  withDependency?: Record<string, ProbeTool>;
}

interface LinterData extends ProbeTool {
  name: string;
  presets?: string[];
  /** Counted only when the configuration names it (it checks files of one kind, which may not exist). */
  explicitOnly?: boolean;
}

interface ArcadeSwitchData extends ProbeTool {
  /** Script switches, compared without regard to case. */
  args: string[];
  /** The MSBuild properties the switches set (`/p:Test=true` given to a script does the same). */
  properties: string[];
}

interface LifecycleData {
  maven: { phases: string[]; plugins: MavenPluginData[]; parents: MavenParentData[] };
  gradle: { lifecycleTasks: Record<string, string[]>; plugins: GradlePluginData[] };
  arcade: { sdk: string; scripts: string[]; switches: ArcadeSwitchData[] };
  golangci: { linters: LinterData[] };
  superLinter: { linters: LinterData[] };
  megaLinter: { linters: LinterData[] };
}

/** model/build-lifecycles.json (checked against the catalogue by a unit test). */
export const LIFECYCLES = lifecycleData as unknown as LifecycleData;
const MAVEN_PLUGINS = new Map(LIFECYCLES.maven.plugins.map((p) => [p.plugin, p]));

/** One tool a lifecycle or aggregator runs: counted (with its evidence), noted, or possibly run by a remote parent. */
export type LifecycleOutcome =
  | { kind: 'hit'; match: ToolMatch; evidence: Evidence[]; cannotFail?: Loc }
  | { kind: 'not-counted'; probe: string; tool: string; evidence: Evidence; reason: string }
  | { kind: 'may-run'; probe: string; tool: string; evidence: Evidence };

function ev(loc: Loc, text: string, tool: string): Evidence {
  const t = text.trim();
  return { loc, text: t.length > 200 ? t.slice(0, 197) + '…' : t, tool };
}

const at = (loc: Loc) => `${loc.path}:${loc.line}`;

/**
 * Build and aggregator files larger than this are not read: real ones are far smaller (a large
 * reactor POM is ~100 KB), and a hostile one must not cost seconds of parsing per CI line.
 */
const MAX_CONFIG_CHARS = 1024 * 1024;

/** A support file's text, read once per index (parsed models are kept per text object). */
async function readText(ctx: FactsContext, facts: FileFacts, path: string): Promise<{ text: string } | undefined> {
  facts.reads.add(path);
  const s = await ctx.support(path, 'text');
  return s?.kind === 'text' && s.text.length <= MAX_CONFIG_CHARS ? s : undefined;
}

function cached<T>(cache: WeakMap<object, T>, key: object, make: () => T): T {
  let v = cache.get(key);
  if (v === undefined) cache.set(key, (v = make()));
  return v;
}

const poms = new WeakMap<object, Pom>();
const gradleBuilds = new WeakMap<object, GradleBuild>();
const golangciConfigs = new WeakMap<object, GolangciConfig>();
const preCommitConfigs = new WeakMap<object, PreCommitConfig>();
const megaLinterConfigs = new WeakMap<object, ReturnType<typeof parseMegaLinterConfig>>();

/**
 * The tools a shell invocation runs through a build lifecycle or an aggregator. `line` is the CI
 * line (or the Makefile/script line reached from it), `lineText` the text its evidence shows.
 */
export async function lifecycleOfInvocation(inv: Invocation, line: ShellLine, lineText: string, cwd: string, ctx: FactsContext, facts: FileFacts): Promise<LifecycleOutcome[]> {
  if (inv.kind !== 'run') return [];
  const ci = { loc: line.loc, text: lineText };
  switch (inv.program) {
    case 'mvn':
    case 'mvnw':
    case 'mvnd':
      return maven(inv.args, cwd, ci, ctx, facts);
    case 'gradle':
    case 'gradlew':
      return gradle(inv.args, cwd, ci, ctx, facts);
    case 'golangci-lint':
      return golangci(inv.args, cwd, ci, ctx, facts);
    case 'pre-commit':
    case 'prek':
      return preCommit(inv.args, cwd, ci, ctx, facts);
    case 'mega-linter-runner':
      return megaLinter({}, cwd, ci, ctx, facts, undefined);
    case 'dotnet':
    case 'msbuild': {
      const target = dotnetBuildTarget(inv.program, inv.args);
      return target === undefined ? [] : dotnetAnalyzerOutcomes(target, cwd, ci, ctx, facts);
    }
    default:
      return arcade(inv, ci, ctx, facts);
  }
}

/**
 * The tools a step's `uses` (an action or an Azure task) runs through a lifecycle or an aggregator.
 * `variables`: the pipeline's, job's and step's variables (for `$(name)` macros in Azure inputs).
 */
export async function lifecycleOfUses(uses: Located, inputs: Record<string, Located>, env: Record<string, Located>, ctx: FactsContext, facts: FileFacts, variables: Record<string, string> = {}): Promise<LifecycleOutcome[]> {
  const name = uses.value.replace(/@.*$/, '').toLowerCase();
  const ci = { loc: uses.loc, text: `uses: ${uses.value}` };
  const words = (k: string) => (inputs[k]?.value ?? '').split(/\s+/).filter(Boolean);
  const dirOf = (k: string) => (inputs[k]?.value && !inputs[k].value.includes('$') ? (resolvePath('', inputs[k].value) ?? '') : '');
  if (name === 'golangci/golangci-lint-action') return golangci(['run', ...words('args')], dirOf('working-directory'), ci, ctx, facts);
  if (name === 'pre-commit/action' || name === 'j178/prek-action') return preCommit(['run', ...(inputs.extra_args ? words('extra_args') : ['--all-files'])], '', ci, ctx, facts);
  if (/^(super-linter|github)\/super-linter(\/slim)?$/.test(name)) return superLinter(env, ci);
  if (/^(oxsecurity|megalinter)\/megalinter(\/flavors\/[\w-]+)?$/.test(name)) return megaLinter(env, '', ci, ctx, facts, env.DISABLE_ERRORS);
  // Azure Pipelines tasks: the task name with its major version (`Maven@4`); input names are case-insensitive.
  const task = uses.value.trim().toLowerCase();
  const input = (k: string): string | undefined => Object.entries(inputs).find(([key]) => key.toLowerCase() === k.toLowerCase())?.[1].value;
  const inputWords = (k: string) => (input(k) ?? '').split(/\s+/).filter(Boolean);
  if (/^maven@\d+$/.test(task)) {
    const pom = input('mavenPomFile') ?? 'pom.xml';
    if (pom.includes('$')) return [];
    return maven(['-f', pom, ...(input('goals') === undefined ? ['package'] : inputWords('goals')), ...inputWords('options')], '', ci, ctx, facts);
  }
  if (/^gradle@\d+$/.test(task)) {
    const dir = input('workingDirectory');
    return gradle([...(input('tasks') === undefined ? ['build'] : inputWords('tasks')), ...inputWords('options')], dir && !dir.includes('$') ? (resolvePath('', dir) ?? '') : '', ci, ctx, facts);
  }
  // Azure build tasks: their project and solution inputs are relative to the checkout.
  const built = /^[a-z]+@\d+$/.test(task) ? azureBuildTaskTarget(task, Object.fromEntries(Object.entries(inputs).map(([k, v]) => [k, v.value])), variables) : undefined;
  if (built !== undefined) return dotnetAnalyzerOutcomes(built, '', ci, ctx, facts);
  return [];
}

/** Both pieces of evidence of a tool found through configuration. */
function hit(match: ProbeTool, ci: { loc: Loc; text: string }, config: Loc, configText: string, ciNote: string, cannotFail?: Loc): LifecycleOutcome {
  return {
    kind: 'hit',
    match: { probe: match.probe, tool: match.tool },
    evidence: [ev(ci.loc, `${ci.text}  (${ciNote})`, match.tool), ev(config, `${configText} (run by ${at(ci.loc)})`, match.tool)],
    cannotFail,
  };
}

// ───────────────────────────── Maven ─────────────────────────────

/** Local POMs read for one command at most (a large reactor lists hundreds of modules). */
const MAX_POMS = 200;

async function readPom(ctx: FactsContext, facts: FileFacts, path: string): Promise<Pom | undefined> {
  const t = await readText(ctx, facts, path);
  return t && cached(poms, t, () => parsePom(path, t.text));
}

async function maven(args: string[], cwd: string, ci: { loc: Loc; text: string }, ctx: FactsContext, facts: FileFacts): Promise<LifecycleOutcome[]> {
  const cmd = readMavenCommand(args);
  const order = LIFECYCLES.maven.phases;
  const last = Math.max(-1, ...cmd.phases.map((p) => order.indexOf(p)));
  if (last < 0) return [];
  const upTo = order[last];
  let rootPath = cmd.file ? resolvePath(cwd, cmd.file) : joinPath(cwd, 'pom.xml');
  if (rootPath === undefined) return [];
  if (cmd.file && !rootPath.endsWith('.xml')) rootPath = joinPath(rootPath, 'pom.xml');

  const out: LifecycleOutcome[] = [];
  const seen = new Set<string>();
  const emit = (key: string, o: LifecycleOutcome) => {
    if (seen.has(key)) return;
    seen.add(key);
    out.push(o);
  };
  const visited = new Set<string>();
  const queue: string[] = [rootPath];
  while (queue.length && visited.size < MAX_POMS) {
    const path = queue.shift()!;
    if (visited.has(path)) continue;
    visited.add(path);
    const pom = await readPom(ctx, facts, path);
    if (!pom) continue;
    const chain = await pomChain(pom, ctx, facts);
    const active = (p: Pom) => p.profiles.filter((pr) => (pr.activeByDefault && !cmd.profilesOff.includes(pr.id)) || cmd.profilesOn.includes(pr.id));
    const declared = chain.flatMap((p) => [...p.plugins, ...active(p).flatMap((pr) => pr.plugins)]);
    const managed = chain.flatMap((p) => [...p.pluginManagement, ...active(p).flatMap((pr) => pr.pluginManagement)]);
    const remote = remoteParent(chain);
    if (remote) {
      for (const m of remote.data.mayRun ?? []) {
        emit(`may:${m.probe}:${m.tool}`, { kind: 'may-run', probe: m.probe, tool: m.tool, evidence: ev(remote.loc, `parent POM ${remote.data.parent} (remote), built by ${ci.text.trim()} at ${at(ci.loc)}`, m.tool) });
      }
    }
    const properties = new Map([...chain].reverse().flatMap((p) => [...p.properties]));
    for (const plugin of declared) {
      const data = MAVEN_PLUGINS.get(plugin.key);
      if (!data) continue;
      const same = managed.filter((m) => m.key === plugin.key);
      const kind = toolOf(data, [plugin, ...same]);
      const skipBy = [...data.skipProperties].find((p) => truthy(cmd.properties.get(p)) || truthy(properties.get(p)));
      const executions: { goal: string; phase?: string; loc: Loc; skip: boolean; from: string }[] = [];
      for (const p of [plugin, ...same]) {
        for (const e of p.executions) for (const g of e.goals) executions.push({ goal: g.name, phase: e.phase, loc: g.loc, skip: e.skip || p.skip, from: e.id ?? '' });
      }
      for (const m of remote?.data.manages ?? []) {
        if (m.plugin === plugin.key && !executions.length) executions.push({ goal: m.goal, phase: m.phase, loc: remote!.loc, skip: plugin.skip, from: `parent ${remote!.data.parent}` });
      }
      const name = plugin.key.slice(plugin.key.indexOf(':') + 1);
      if (!executions.length) {
        emit(`nc:${at(plugin.loc)}`, { kind: 'not-counted', probe: kind.probe, tool: kind.tool, evidence: ev(plugin.loc, `${name} declared in ${plugin.loc.path}`, kind.tool), reason: `${name} is declared without an execution: no goal of it is bound to a phase, so ${ci.text.trim()} (${at(ci.loc)}) does not run it` });
        continue;
      }
      for (const e of executions) {
        if (e.from === 'default-cli') continue;
        const phase = e.phase ?? data.goals[e.goal];
        if (!phase || !(e.goal in data.goals)) continue; // unbound, or a goal that is not the check (purge, apply, …)
        const where = at(e.loc);
        const index = order.indexOf(phase);
        if (index < 0) continue; // a phase of another lifecycle (site, clean)
        if (index > last) {
          emit(`nc:${where}:${e.goal}`, { kind: 'not-counted', probe: kind.probe, tool: kind.tool, evidence: ev(e.loc, `${name}:${e.goal} bound to ${phase}`, kind.tool), reason: `${name}:${e.goal} is bound to the ${phase} phase, but ${ci.text.trim()} (${at(ci.loc)}) stops at ${upTo}` });
          continue;
        }
        if (e.skip || skipBy) {
          emit(`nc:${where}:${e.goal}:skip`, { kind: 'not-counted', probe: kind.probe, tool: kind.tool, evidence: ev(e.loc, `${name}:${e.goal}`, kind.tool), reason: `${name}:${e.goal} is skipped (${skipBy ? `${skipBy}=true` : '<skip>true</skip>'}) in ${ci.text.trim()} (${at(ci.loc)})` });
          continue;
        }
        emit(`hit:${where}:${kind.tool}`, hit(kind, ci, e.loc, `${name}:${e.goal} bound to ${phase}${e.from.startsWith('parent ') ? ` by the ${e.from}` : ''}`, `the Maven ${upTo} phase runs ${name}:${e.goal}, bound to ${phase} at ${where}`));
      }
    }
    const dir = dirname(path);
    const modules = [...pom.modules, ...active(pom).flatMap((pr) => pr.modules)];
    for (const m of modules) {
      const p = resolvePath(dir, m);
      if (p !== undefined) queue.push(p.endsWith('.xml') ? p : joinPath(p, 'pom.xml'));
    }
  }
  return out;
}

const truthy = (v: string | undefined) => v !== undefined && (v === '' || v.trim().toLowerCase() === 'true');

function toolOf(data: MavenPluginData, declarations: PomPlugin[]): ProbeTool {
  for (const [dep, upgraded] of Object.entries(data.withPlugin ?? {})) if (declarations.some((d) => d.dependencies.includes(dep))) return upgraded;
  return data;
}

/** The POM and its parents found in the workspace (Maven's relativePath, `../pom.xml` by default). */
async function pomChain(pom: Pom, ctx: FactsContext, facts: FileFacts): Promise<Pom[]> {
  const chain = [pom];
  for (let cur = pom; cur.parent && chain.length < 8; ) {
    const rel = cur.parent.relativePath ?? '../pom.xml';
    if (rel === '') break;
    let p = resolvePath(dirname(cur.path), rel);
    if (p === undefined) break;
    if (!p.endsWith('.xml')) p = joinPath(p, 'pom.xml');
    const parent = await readPom(ctx, facts, p);
    if (!parent || parent.key !== cur.parent.key || chain.includes(parent)) break;
    chain.push(parent);
    cur = parent;
  }
  return chain;
}

/** The parent of the chain's top that is not in the workspace, when the data knows it. */
function remoteParent(chain: Pom[]): { data: MavenParentData; loc: Loc } | undefined {
  const top = chain[chain.length - 1];
  const parent = top.parent;
  if (!parent) return undefined;
  const data = LIFECYCLES.maven.parents.find((d) => d.parent === parent.key);
  if (!data) return undefined;
  if (data.since && (parent.version === undefined || (compareVersions(parent.version, data.since) ?? -1) < 0)) return undefined;
  return { data, loc: parent.loc };
}

// ───────────────────────────── Gradle ─────────────────────────────

const MAX_GRADLE_PROJECTS = 100;

async function readGradle(ctx: FactsContext, facts: FileFacts, dir: string, base: string): Promise<GradleBuild | undefined> {
  for (const name of [`${base}.gradle`, `${base}.gradle.kts`]) {
    const path = joinPath(dir, name);
    const t = await readText(ctx, facts, path);
    if (t) return cached(gradleBuilds, t, () => parseGradleBuild(path, t.text));
  }
  return undefined;
}

async function gradle(args: string[], cwd: string, ci: { loc: Loc; text: string }, ctx: FactsContext, facts: FileFacts): Promise<LifecycleOutcome[]> {
  const cmd = readGradleCommand(args);
  if (!cmd.tasks.length) return [];
  const dir = cmd.projectDir ? resolvePath(cwd, cmd.projectDir) : cwd;
  if (dir === undefined) return [];
  const builds: GradleBuild[] = [];
  const root = await readGradle(ctx, facts, dir, 'build');
  if (root) builds.push(root);
  const settings = await readGradle(ctx, facts, dir, 'settings');
  for (const inc of (settings?.includes ?? []).slice(0, MAX_GRADLE_PROJECTS)) {
    const sub = resolvePath(dir, inc);
    const b = sub === undefined ? undefined : await readGradle(ctx, facts, sub, 'build');
    if (b) builds.push(b);
  }
  if (!builds.length) return [];
  const applied = (d: GradlePluginData) => builds.flatMap((b) => b.plugins.filter((p) => d.ids.includes(p.id)));
  const dependsOn = (task: string) => builds.flatMap((b) => b.dependsOn.get(task) ?? []);

  // The tasks the command runs: those named, what lifecycle tasks and dependsOn lines add.
  const excluded = new Set(cmd.excluded);
  const reached = new Map<string, string>(); // task → how it is reached
  const queue = cmd.tasks.filter((t) => !excluded.has(t)).map((t) => ({ task: t, how: t }));
  while (queue.length && reached.size < 500) {
    const { task, how } = queue.shift()!;
    if (reached.has(task)) continue;
    reached.set(task, how);
    const next = [...(LIFECYCLES.gradle.lifecycleTasks[task] ?? []), ...dependsOn(task).map((d) => d.task)];
    if (task === 'check') for (const d of LIFECYCLES.gradle.plugins) if (d.check && applied(d).length) next.push(...d.tasks);
    for (const t of next) if (!excluded.has(t) && !reached.has(t)) queue.push({ task: t, how: `${how} → ${t}` });
  }

  const out: LifecycleOutcome[] = [];
  for (const d of LIFECYCLES.gradle.plugins) {
    const uses = applied(d);
    if (!uses.length) continue;
    let kind: ProbeTool = d;
    for (const [dep, upgraded] of Object.entries(d.withDependency ?? {})) if (builds.some((b) => b.mentions(dep.slice(dep.indexOf(':') + 1)))) kind = upgraded;
    const use = uses[0];
    // A task named on the command line is matched by the catalogue itself.
    const task = d.tasks.find((t) => reached.has(t) && !cmd.tasks.includes(t));
    if (task) out.push(hit(kind, ci, use.loc, `plugin ${use.id} applied`, `Gradle runs ${reached.get(task)} of plugin ${use.id}, applied at ${at(use.loc)}`));
    else if (!d.tasks.some((t) => cmd.tasks.includes(t))) {
      out.push({ kind: 'not-counted', probe: kind.probe, tool: kind.tool, evidence: ev(use.loc, `plugin ${use.id} applied`, kind.tool), reason: `plugin ${use.id} is applied (${at(use.loc)}), but ${ci.text.trim()} (${at(ci.loc)}) runs none of its tasks (${d.tasks.join(', ')})` });
    }
  }
  return out;
}

// ───────────────────────────── .NET Arcade SDK ─────────────────────────────

const ARCADE_SCRIPTS = LIFECYCLES.arcade.scripts.map((s) => s.toLowerCase());

/**
 * The Arcade script an invocation runs and the words it is given: `eng/common/build.sh --test`,
 * `. "$scriptroot/build.sh" --test` (sourced), `eng\CIBuild.cmd -test` (a Windows path, which the
 * shell reader joins into one word without its backslashes).
 */
function arcadeScriptOf(inv: Invocation): { script: string; args: string[] } | undefined {
  let word = inv.command ?? inv.program;
  let args = inv.args;
  if (inv.program === '.' || inv.program === 'source') {
    word = args[0] ?? '';
    args = args.slice(1);
  }
  const lower = word.toLowerCase();
  const base = lower.slice(Math.max(lower.lastIndexOf('/'), lower.lastIndexOf('\\')) + 1);
  if (ARCADE_SCRIPTS.includes(base)) return { script: base, args };
  // `eng/cibuild$(scriptExt)`: the extension kept in a variable (`.sh` or `.cmd` by platform)
  const stem = /^([\w-]+)(?:\$\([\w.]+\)|\$\{\w+\}|\$\w+)$/.exec(base)?.[1];
  const byStem = stem !== undefined ? ARCADE_SCRIPTS.find((s) => s.slice(0, s.lastIndexOf('.')) === stem) : undefined;
  if (byStem) return { script: word.slice(Math.max(word.lastIndexOf('/'), word.lastIndexOf('\\')) + 1), args };
  // Only a word ending in a script's name is looked up in the line (a long line has many words).
  const joined = ARCADE_SCRIPTS.find((s) => base.endsWith(s) && inv.line.text.toLowerCase().includes('\\' + s));
  return joined ? { script: joined, args } : undefined;
}

/** `/p:Test=true`, `-p:Test=true`, `/property:Test=true` (MSBuild property syntax), the property's name when set to true. */
function msbuildTrueProperty(arg: string): string | undefined {
  const m = /^[-/](?:p|property):([A-Za-z_][\w.-]*)=(.*)$/i.exec(arg);
  return m && m[2].trim().toLowerCase() === 'true' ? m[1].toLowerCase() : undefined;
}

/** Where global.json names the Arcade SDK: a repository that builds with it, and the line that says so. */
async function arcadeSdkPin(ctx: FactsContext, facts: FileFacts): Promise<Loc | undefined> {
  const t = await readText(ctx, facts, 'global.json');
  if (!t) return undefined;
  const lines = t.text.split('\n');
  const needle = `"${LIFECYCLES.arcade.sdk.toLowerCase()}"`;
  const i = lines.findIndex((l) => l.toLowerCase().includes(needle));
  if (i < 0) return undefined;
  const column = lines[i].length - lines[i].trimStart().length + 1;
  return { path: 'global.json', line: i + 1, column, endLine: i + 1, endColumn: lines[i].trimEnd().length + 1 };
}

/**
 * An Arcade build script given a switch that adds a step to the build (`--test` runs the test
 * projects), in a repository that builds with the Arcade SDK: the CI line and the SDK's pin in
 * global.json are the evidence.
 */
async function arcade(inv: Invocation, ci: { loc: Loc; text: string }, ctx: FactsContext, facts: FileFacts): Promise<LifecycleOutcome[]> {
  const run = arcadeScriptOf(inv);
  if (!run) return [];
  const words = run.args.map((a) => a.toLowerCase());
  const given = LIFECYCLES.arcade.switches
    .map((s) => ({ s, word: run.args.find((a, i) => s.args.some((x) => x.toLowerCase() === words[i]) || s.properties.some((p) => p.toLowerCase() === msbuildTrueProperty(a))) }))
    .filter((g): g is { s: ArcadeSwitchData; word: string } => g.word !== undefined);
  if (!given.length) return [];
  const pin = await arcadeSdkPin(ctx, facts);
  if (!pin) return [];
  return given.map(({ s, word }) => hit(s, ci, pin, `${LIFECYCLES.arcade.sdk} in global.json`, `the Arcade SDK build script ${run.script} runs ${s.tool} with ${word}; the SDK is pinned at ${at(pin)}`));
}

// ───────────────────────────── golangci-lint ─────────────────────────────

const GOLANGCI_NAMES = ['.golangci.yml', '.golangci.yaml', '.golangci.toml', '.golangci.json'];

async function findGolangciConfig(cwd: string, explicit: string | undefined, ctx: FactsContext, facts: FileFacts): Promise<GolangciConfig | undefined> {
  const paths: string[] = [];
  if (explicit !== undefined) {
    const p = explicit.includes('$') ? undefined : resolvePath(cwd, explicit);
    if (p !== undefined) paths.push(p);
  } else {
    // golangci-lint looks in the working folder, then in each folder above it.
    for (let d: string | undefined = cwd; d !== undefined; d = d === '' ? undefined : dirname(d)) for (const n of GOLANGCI_NAMES) paths.push(joinPath(d, n));
  }
  for (const path of paths) {
    const t = await readText(ctx, facts, path);
    if (t) return cached(golangciConfigs, t, () => parseGolangciConfig(path, t.text));
  }
  return undefined;
}

async function golangci(args: string[], cwd: string, ci: { loc: Loc; text: string }, ctx: FactsContext, facts: FileFacts): Promise<LifecycleOutcome[]> {
  const cmd = readGolangciCommand(args);
  if (!cmd.isRun) return [];
  const config = cmd.noConfig ? undefined : await findGolangciConfig(cwd, cmd.config, ctx, facts);
  const out: LifecycleOutcome[] = [];
  for (const linter of LIFECYCLES.golangci.linters) {
    const name = linter.name;
    const viaCi = (how: string): LifecycleOutcome => ({ kind: 'hit', match: { probe: linter.probe, tool: linter.tool }, evidence: [ev(ci.loc, `${ci.text}  (golangci-lint runs ${name}: ${how})`, linter.tool)] });
    const viaConfig = (loc: Loc | undefined, how: string): LifecycleOutcome =>
      loc ? hit(linter, ci, loc, `${name} ${how} in ${config!.path}`, `golangci-lint runs ${name}, ${how} at ${at(loc)}`) : viaCi(`${how} in ${config!.path}`);
    const notRun = (why: string): LifecycleOutcome => ({ kind: 'not-counted', probe: linter.probe, tool: linter.tool, evidence: ev(ci.loc, ci.text, linter.tool), reason: `golangci-lint runs (${at(ci.loc)}), but ${why}` });
    if (cmd.enableOnly.length) {
      out.push(cmd.enableOnly.includes(name) ? viaCi('--enable-only') : notRun(`--enable-only leaves ${name} out`));
      continue;
    }
    if (cmd.enable.includes(name)) {
      out.push(viaCi('enabled on the command line'));
      continue;
    }
    if (cmd.disable.includes(name)) {
      out.push(notRun(`${name} is disabled on the command line`));
      continue;
    }
    if (config?.disable.includes(name)) {
      out.push(notRun(`${config.path} disables ${name} (${at(config.where(name, 'disable') ?? { path: config.path, line: 1, column: 1, endLine: 1, endColumn: 1 })})`));
      continue;
    }
    if (config?.enable.includes(name)) {
      out.push(viaConfig(config.where(name, 'enable'), 'enabled'));
      continue;
    }
    const base = cmd.base ?? config?.base ?? 'standard';
    if (base === 'all') {
      out.push(cmd.base ? viaCi('all linters enabled on the command line') : viaConfig(config?.baseLoc, 'enabled with all linters'));
      continue;
    }
    const preset = (linter.presets ?? []).find((p) => cmd.presets.includes(p) || config?.presets.includes(p));
    if (preset && (config?.version ?? 1) === 1) {
      out.push(cmd.presets.includes(preset) ? viaCi(`preset ${preset}`) : viaConfig(config?.where(preset, 'presets'), `enabled by preset ${preset}`));
      continue;
    }
    out.push(notRun(config ? `${config.path} does not enable ${name}` : `no configuration enables ${name} (it is not among the default linters)`));
  }
  return out;
}

// ───────────────────────────── pre-commit ─────────────────────────────

/** Options of `pre-commit run` that take a value (`--files` takes every word up to the next option). */
const PRE_COMMIT_VALUE_OPTIONS = new Set(['--hook-stage', '-c', '--config', '--from-ref', '-s', '--source', '--to-ref', '-o', '--origin', '--remote-branch', '--local-branch', '--remote-name', '--remote-url', '--commit-msg-filename', '--checkout-type', '--prepare-commit-message-source', '--commit-object-name', '--rewrite-command', '--pre-rebase-upstream', '--pre-rebase-branch']);

async function preCommitConfigAt(ctx: FactsContext, facts: FileFacts, path: string): Promise<PreCommitConfig | undefined> {
  const t = await readText(ctx, facts, path);
  return t && cached(preCommitConfigs, t, () => parsePreCommitConfig(path, t.text));
}

async function preCommit(args: string[], cwd: string, ci: { loc: Loc; text: string }, ctx: FactsContext, facts: FileFacts): Promise<LifecycleOutcome[]> {
  const run = args.indexOf('run');
  if (run < 0 || args.slice(0, run).some((a) => !a.startsWith('-'))) return [];
  let stage = 'pre-commit';
  let configPath: string | undefined;
  const ids: string[] = [];
  for (let i = run + 1; i < args.length; i++) {
    const a = args[i];
    if (a === '--files') {
      while (i + 1 < args.length && !args[i + 1].startsWith('-')) i++;
    } else if (PRE_COMMIT_VALUE_OPTIONS.has(a)) {
      const v = args[++i] ?? '';
      if (a === '--hook-stage') stage = v;
      else if (a === '-c' || a === '--config') configPath = v;
    } else if (a.startsWith('--hook-stage=')) stage = a.slice(13);
    else if (a.startsWith('--config=')) configPath = a.slice(9);
    else if (!a.startsWith('-')) ids.push(a);
  }
  const paths = configPath !== undefined ? [resolvePath(cwd, configPath)] : [joinPath(cwd, '.pre-commit-config.yaml'), joinPath(cwd, '.pre-commit-config.yml')];
  for (const path of paths) {
    if (path === undefined || path.includes('$')) continue;
    const config = await preCommitConfigAt(ctx, facts, path);
    if (!config) continue;
    const hooks = config.hooks.filter((h) => (!ids.length || ids.includes(h.id)) && hookRunsAt(h, stage));
    return hookOutcomes(ctx.catalogue, hooks, ci, 'pre-commit runs hook');
  }
  return [];
}

function hookTools(cat: Catalogue, hook: PreCommitConfig['hooks'][number]): ToolMatch[] {
  const found = matchPreCommitHook(cat, hook.id);
  if (hook.entry) {
    let invs: Invocation[];
    try {
      invs = invocations({ text: hook.entry.text, loc: hook.entry.loc });
    } catch {
      invs = []; // best effort, as every shell line
    }
    for (const inv of invs) for (const m of matchInvocation(cat, inv)) if (!found.some((f) => f.probe === m.probe && f.tool === m.tool)) found.push(m);
  }
  return found;
}

function hookOutcomes(cat: Catalogue, hooks: PreCommitConfig['hooks'], ci: { loc: Loc; text: string }, what: string): LifecycleOutcome[] {
  const out: LifecycleOutcome[] = [];
  for (const h of hooks) {
    for (const m of hookTools(cat, h)) {
      if (m.disabled) continue;
      out.push(hit(m, ci, h.loc, `hook ${h.id}`, `${what} ${h.id} from ${h.loc.path}:${h.loc.line}`));
    }
  }
  return out;
}

/**
 * pre-commit.ci runs the hooks of a configuration that has a `ci:` section, on every pull request
 * (except the hooks it lists under `skip`): the `ci:` line is the evidence of the run.
 */
export async function preCommitCiOutcomes(path: string, ctx: FactsContext, facts: FileFacts): Promise<LifecycleOutcome[]> {
  const config = await preCommitConfigAt(ctx, facts, path);
  if (!config?.ci) return [];
  const ci = { loc: config.ci.loc, text: 'ci: (pre-commit.ci)' };
  return hookOutcomes(ctx.catalogue, config.hooks.filter((h) => !config.ci!.skip.includes(h.id) && hookRunsAt(h, 'pre-commit')), ci, 'pre-commit.ci runs hook');
}

// ───────────────────────────── Super-Linter and MegaLinter ─────────────────────────────

function superLinter(env: Record<string, Located>, ci: { loc: Loc; text: string }): LifecycleOutcome[] {
  const flag = (name: string) => env[`VALIDATE_${name}`];
  const anyTrue = Object.entries(env).some(([k, v]) => k.startsWith('VALIDATE_') && k !== 'VALIDATE_ALL_CODEBASE' && v.value.trim().toLowerCase() === 'true');
  const cannotFail = env.DISABLE_ERRORS?.value.trim().toLowerCase() === 'true' ? env.DISABLE_ERRORS.loc : undefined;
  const out: LifecycleOutcome[] = [];
  for (const l of LIFECYCLES.superLinter.linters) {
    const v = flag(l.name)?.value.trim().toLowerCase();
    const set = flag(l.name);
    const on = anyTrue || l.explicitOnly ? v === 'true' : v !== 'false';
    if (!on) continue;
    out.push(
      set
        ? hit(l, ci, set.loc, `VALIDATE_${l.name}: ${set.value}`, `Super-Linter runs ${l.tool}, VALIDATE_${l.name} at ${at(set.loc)}`, cannotFail)
        : { kind: 'hit', match: { probe: l.probe, tool: l.tool }, evidence: [ev(ci.loc, `${ci.text}  (Super-Linter runs ${l.tool}: no VALIDATE_* switch narrows its linters)`, l.tool)], cannotFail },
    );
  }
  return out;
}

async function megaLinter(env: Record<string, Located>, cwd: string, ci: { loc: Loc; text: string }, ctx: FactsContext, facts: FileFacts, disableErrors: Located | undefined): Promise<LifecycleOutcome[]> {
  const configName = env.MEGALINTER_CONFIG?.value;
  const paths = configName && !configName.includes('$') && !configName.includes('://') ? [joinPath(cwd, configName)] : ['.mega-linter.yml', '.mega-linter.yaml'].map((n) => joinPath(cwd, n));
  let config: ReturnType<typeof parseMegaLinterConfig> | undefined;
  for (const path of paths) {
    const t = await readText(ctx, facts, path);
    if (t) {
      config = cached(megaLinterConfigs, t, () => parseMegaLinterConfig(path, t.text));
      break;
    }
  }
  // Environment variables override the file, as MegaLinter reads them.
  const value = (k: string): { value: string; loc: Loc } | undefined => (env[k] ? { value: env[k].value, loc: env[k].loc } : config?.values.get(k));
  const itemLoc = (k: string, word: string): Loc => (env[k] ? env[k].loc : (config?.itemLoc(k, word) ?? value(k)!.loc));
  const list = (k: string) => (value(k)?.value ?? '').split(',').map((s) => s.trim().toUpperCase()).filter(Boolean);
  const enableLinters = list('ENABLE_LINTERS');
  const enable = list('ENABLE');
  const errorsOff = (disableErrors?.value ?? value('DISABLE_ERRORS')?.value ?? '').trim().toLowerCase() === 'true' ? (disableErrors?.loc ?? value('DISABLE_ERRORS')?.loc) : undefined;
  const out: LifecycleOutcome[] = [];
  for (const l of LIFECYCLES.megaLinter.linters) {
    const descriptor = l.name.slice(0, l.name.indexOf('_'));
    let on: { loc: Loc; text: string } | undefined;
    if (enableLinters.length) on = enableLinters.includes(l.name) ? { loc: itemLoc('ENABLE_LINTERS', l.name), text: `ENABLE_LINTERS includes ${l.name}` } : undefined;
    else if (enable.length) on = enable.includes(descriptor) ? { loc: itemLoc('ENABLE', descriptor), text: `ENABLE includes ${descriptor}` } : undefined;
    else on = l.explicitOnly ? undefined : { loc: ci.loc, text: '' };
    if (!on || list('DISABLE').includes(descriptor) || list('DISABLE_LINTERS').includes(l.name)) continue;
    const cannotFail = errorsOff ?? (list('DISABLE_ERRORS_LINTERS').includes(l.name) ? itemLoc('DISABLE_ERRORS_LINTERS', l.name) : undefined);
    out.push(
      on.text
        ? hit(l, ci, on.loc, on.text, `MegaLinter runs ${l.name}, ${on.text} at ${at(on.loc)}`, cannotFail)
        : { kind: 'hit', match: { probe: l.probe, tool: l.tool }, evidence: [ev(ci.loc, `${ci.text}  (MegaLinter runs ${l.name}: its configuration does not narrow the linters)`, l.tool)], cannotFail },
    );
  }
  return out;
}
