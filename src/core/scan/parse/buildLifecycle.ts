// Build files that decide what a build command runs: Maven POMs (plugins, their executions and
// the phases they bind to, parents, modules, profiles) and Gradle build scripts (plugins applied,
// tasks made dependencies of others, included projects), and the command lines that start them
// (`mvn -B clean verify -Psec`, `./gradlew check -x test`). Pure and never throwing; what a line
// of CI triggers is decided in detect/lifecycleHits.ts from these and model/build-lifecycles.json.
import { Loc } from '../types';
import { child, children, readXml, textAt, XmlElement } from './xmlElements';

// ───────────────────────────── Maven ─────────────────────────────

export interface PomGoal {
  name: string;
  loc: Loc;
}

export interface PomExecution {
  id?: string;
  phase?: string;
  goals: PomGoal[];
  /** `<skip>true</skip>` in the execution's configuration. */
  skip: boolean;
  loc: Loc;
}

export interface PomPlugin {
  /** groupId:artifactId (groupId defaults to org.apache.maven.plugins, as in Maven). */
  key: string;
  /** The plugin's artifactId line. */
  loc: Loc;
  executions: PomExecution[];
  /** `<skip>true</skip>` in the plugin's configuration. */
  skip: boolean;
  /** groupId:artifactId of the plugin's own dependencies (find-sec-bugs for SpotBugs). */
  dependencies: string[];
}

export interface PomProfile {
  id: string;
  activeByDefault: boolean;
  plugins: PomPlugin[];
  pluginManagement: PomPlugin[];
  modules: string[];
}

export interface Pom {
  path: string;
  /** groupId:artifactId (groupId inherited from the parent when absent). */
  key: string;
  parent?: { key: string; version?: string; relativePath?: string; loc: Loc };
  properties: Map<string, string>;
  modules: string[];
  plugins: PomPlugin[];
  pluginManagement: PomPlugin[];
  profiles: PomProfile[];
}

function loc(path: string, el: XmlElement): Loc {
  return { path, line: el.line, column: el.column, endLine: el.line, endColumn: el.column + el.name.length + 2 };
}

const truthy = (s: string | undefined) => s?.trim().toLowerCase() === 'true';

function readPlugins(path: string, parent: XmlElement | undefined): PomPlugin[] {
  return children(child(parent, 'plugins'), 'plugin').map((p) => {
    const artifact = child(p, 'artifactId');
    const key = `${textAt(p, 'groupId') ?? 'org.apache.maven.plugins'}:${artifact?.text ?? ''}`;
    const executions = children(child(p, 'executions'), 'execution').map((e) => ({
      id: textAt(e, 'id'),
      phase: textAt(e, 'phase'),
      goals: children(child(e, 'goals'), 'goal').filter((g) => g.text).map((g) => ({ name: g.text, loc: loc(path, g) })),
      skip: truthy(textAt(e, 'configuration/skip')),
      loc: loc(path, e),
    }));
    const dependencies = children(child(p, 'dependencies'), 'dependency').map((d) => `${textAt(d, 'groupId') ?? ''}:${textAt(d, 'artifactId') ?? ''}`);
    return { key, loc: loc(path, artifact ?? p), executions, skip: truthy(textAt(p, 'configuration/skip')), dependencies };
  });
}

function readModules(el: XmlElement | undefined): string[] {
  return children(child(el, 'modules'), 'module').map((m) => m.text).filter((m) => m && !m.includes('$'));
}

export function parsePom(path: string, text: string): Pom {
  const project = readXml(text);
  const parentEl = child(project, 'parent');
  const parent = parentEl
    ? {
        key: `${textAt(parentEl, 'groupId') ?? ''}:${textAt(parentEl, 'artifactId') ?? ''}`,
        version: textAt(parentEl, 'version'),
        // `<relativePath/>` (empty) means "do not look locally"; absent means ../pom.xml.
        relativePath: child(parentEl, 'relativePath') ? (textAt(parentEl, 'relativePath') ?? '') : undefined,
        loc: loc(path, parentEl),
      }
    : undefined;
  const groupId = textAt(project, 'groupId') ?? (parentEl ? textAt(parentEl, 'groupId') : undefined) ?? '';
  const properties = new Map<string, string>();
  for (const p of child(project, 'properties')?.children ?? []) properties.set(p.name, p.text);
  const build = child(project, 'build');
  const profiles = children(child(project, 'profiles'), 'profile').map((pr) => {
    const b = child(pr, 'build');
    return {
      id: textAt(pr, 'id') ?? '',
      activeByDefault: truthy(textAt(pr, 'activation/activeByDefault')),
      plugins: readPlugins(path, b),
      pluginManagement: readPlugins(path, child(b, 'pluginManagement')),
      modules: readModules(pr),
    };
  });
  return {
    path,
    key: `${groupId}:${textAt(project, 'artifactId') ?? ''}`,
    parent,
    properties,
    modules: readModules(project),
    plugins: readPlugins(path, build),
    pluginManagement: readPlugins(path, child(build, 'pluginManagement')),
    profiles,
  };
}

/** What a `mvn` command line asks for. */
export interface MavenCommand {
  /** Lifecycle phases named (`clean` and `site` phases included as written). */
  phases: string[];
  /** `-f`/`--file`: a POM or a folder. */
  file?: string;
  /** `-P a,!b`: profiles switched on and off. */
  profilesOn: string[];
  profilesOff: string[];
  /** `-Dname` / `-Dname=value`. */
  properties: Map<string, string>;
}

/** Options of mvn that take the next word as their value. */
const MAVEN_VALUE_OPTIONS = new Set(['-f', '--file', '-P', '--activate-profiles', '-pl', '--projects', '-s', '--settings', '-gs', '--global-settings', '-t', '--toolchains', '-T', '--threads', '-rf', '--resume-from', '-b', '--builder', '-l', '--log-file', '-D', '--define', '-gt', '--global-toolchains']);

export function readMavenCommand(args: string[]): MavenCommand {
  const out: MavenCommand = { phases: [], profilesOn: [], profilesOff: [], properties: new Map() };
  const profiles = (v: string) => {
    for (const p of v.split(',')) {
      const t = p.trim();
      if (!t) continue;
      if (t.startsWith('!') || t.startsWith('-')) out.profilesOff.push(t.slice(1));
      else out.profilesOn.push(t.replace(/^\+/, ''));
    }
  };
  const define = (v: string) => {
    const eq = v.indexOf('=');
    if (eq < 0) out.properties.set(v, 'true');
    else out.properties.set(v.slice(0, eq), v.slice(eq + 1));
  };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (MAVEN_VALUE_OPTIONS.has(a)) {
      const v = args[++i] ?? '';
      if (a === '-f' || a === '--file') out.file = v;
      else if (a === '-P' || a === '--activate-profiles') profiles(v);
      else if (a === '-D' || a === '--define') define(v);
      continue;
    }
    if (a.startsWith('--file=')) out.file = a.slice(7);
    else if (a.startsWith('-P') && a.length > 2) profiles(a.slice(2));
    else if (a.startsWith('--activate-profiles=')) profiles(a.slice(20));
    else if (a.startsWith('-D') && a.length > 2) define(a.slice(2));
    else if (!a.startsWith('-') && !a.includes(':') && !a.includes('$')) out.phases.push(a);
  }
  return out;
}

/** Numeric comparison of dotted versions (`3.10.1` > `3.3.0`); undefined when either is not plain. */
export function compareVersions(a: string, b: string): number | undefined {
  const pa = /^\d+(\.\d+)*/.exec(a.trim())?.[0].split('.').map(Number);
  const pb = /^\d+(\.\d+)*/.exec(b.trim())?.[0].split('.').map(Number);
  if (!pa || !pb) return undefined;
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d) return d;
  }
  return 0;
}

// ───────────────────────────── Gradle ─────────────────────────────

export interface GradlePluginUse {
  id: string;
  loc: Loc;
}

export interface GradleBuild {
  path: string;
  /** Plugins applied (an `id(...) apply false` declares without applying and is left out). */
  plugins: GradlePluginUse[];
  /** Task → tasks made its dependencies (`check.dependsOn dependencyCheckAnalyze`), with where. */
  dependsOn: Map<string, { task: string; loc: Loc }[]>;
  /** Text of the script without comments, for artefact names (`findsecbugs-plugin`). */
  mentions: (word: string) => Loc | undefined;
  /** settings.gradle: included project paths as folders (`:a:b` → `a/b`). */
  includes: string[];
}

function lineLoc(path: string, line: number, column: number, length: number): Loc {
  return { path, line, column, endLine: line, endColumn: column + length };
}

/** Lines with `//` and `/* … *\/` comments blanked (strings are not tracked: `"http://x"` keeps its text). */
function codeLines(text: string): string[] {
  const out: string[] = [];
  let inBlock = false;
  for (const raw of text.split(/\r?\n/)) {
    let line = raw;
    if (inBlock) {
      const end = line.indexOf('*/');
      if (end < 0) {
        out.push('');
        continue;
      }
      line = ' '.repeat(end + 2) + line.slice(end + 2);
      inBlock = false;
    }
    const start = line.search(/(^|[\s;{}(),])\/\*/);
    if (start >= 0) {
      const open = line.indexOf('/*', start);
      const end = line.indexOf('*/', open + 2);
      if (end < 0) {
        inBlock = true;
        line = line.slice(0, open);
      } else line = line.slice(0, open) + ' '.repeat(end + 2 - open) + line.slice(end + 2);
    }
    const comment = line.search(/(^|\s)\/\//);
    out.push(comment < 0 ? line : line.slice(0, comment));
  }
  return out;
}

const PLUGIN_ID = /\bid\s*\(?\s*["']([\w.-]+)["']\s*\)?/g;
const APPLY_PLUGIN = /\bapply\s*\(?\s*plugin\s*[:=]\s*["']([\w.-]+)["']/g;
/** Kotlin DSL core plugins written bare or in backticks inside `plugins { }`: `checkstyle`, `` `java-library` ``. */
const BARE_PLUGIN = /^\s*`?([a-z][\w-]*)`?\s*$/;
const TASK_WORD = /[A-Za-z_][\w]*/g;

export function parseGradleBuild(path: string, text: string): GradleBuild {
  const lines = codeLines(text);
  const plugins: GradlePluginUse[] = [];
  const dependsOn = new Map<string, { task: string; loc: Loc }[]>();
  const includes: string[] = [];
  let pluginsDepth = -1;
  let depth = 0;
  lines.forEach((line, i) => {
    const n = i + 1;
    if (/^\s*plugins\s*\{/.test(line) && pluginsDepth < 0) pluginsDepth = depth;
    for (const re of [PLUGIN_ID, APPLY_PLUGIN]) {
      re.lastIndex = 0;
      for (let m = re.exec(line); m; m = re.exec(line)) {
        if (re === PLUGIN_ID && /\bapply\s*\(?\s*false\b/.test(line.slice(m.index))) continue;
        plugins.push({ id: m[1], loc: lineLoc(path, n, m.index + 1, m[0].length) });
      }
    }
    if (pluginsDepth >= 0 && depth > pluginsDepth) {
      const bare = BARE_PLUGIN.exec(line);
      if (bare && !['id', 'kotlin', 'java', 'application'].includes(bare[1])) plugins.push({ id: bare[1], loc: lineLoc(path, n, line.indexOf(bare[1]) + 1, bare[1].length) });
    }
    const dep = line.indexOf('dependsOn');
    if (dep >= 0) {
      // The task that gets the dependency: `check.dependsOn`, `tasks.named("check") {`, `check {`, `tasks.check {` (this line or a few above).
      let owner = /(\w+)\s*\.\s*(?:configure\s*\{\s*)?dependsOn/.exec(line)?.[1];
      if (!owner || owner === 'it' || owner === 'this') {
        owner = undefined;
        for (let k = i; k >= Math.max(0, i - 3) && !owner; k--) {
          const l = lines[k];
          owner = /tasks\s*\.\s*(?:named|getByName)\s*(?:<[^>]*>)?\s*\(\s*["'](\w+)["']/.exec(l)?.[1] ?? /(?:^|\s|tasks\s*\.\s*)(\w+)\s*\{/.exec(l)?.[1];
        }
      }
      if (owner && owner !== 'tasks') {
        const list = dependsOn.get(owner) ?? dependsOn.set(owner, []).get(owner)!;
        const rest = line.slice(dep + 'dependsOn'.length);
        TASK_WORD.lastIndex = 0;
        for (let m = TASK_WORD.exec(rest); m; m = TASK_WORD.exec(rest)) {
          if (m[0] !== 'tasks' && m[0] !== 'named') list.push({ task: m[0], loc: lineLoc(path, n, dep + 1, line.trimEnd().length - dep) });
        }
      }
    }
    const inc = /^\s*include\s*\(?\s*(.+)$/.exec(line);
    if (inc) {
      for (const m of inc[1].matchAll(/["']:?([\w.\-:/]+)["']/g)) includes.push(m[1].replace(/:/g, '/'));
    }
    for (const ch of line) {
      if (ch === '{') depth++;
      else if (ch === '}') {
        depth--;
        if (depth <= pluginsDepth) pluginsDepth = -1;
      }
    }
  });
  const mentions = (word: string): Loc | undefined => {
    const i = lines.findIndex((l) => l.includes(word));
    return i < 0 ? undefined : lineLoc(path, i + 1, lines[i].indexOf(word) + 1, word.length);
  };
  return { path, plugins, dependsOn, mentions, includes };
}

/** What a `gradle`/`gradlew` command line asks for. */
export interface GradleCommand {
  /** Task names as written, without a project path (`:clients:check` → check). */
  tasks: string[];
  /** `-x`/`--exclude-task`. */
  excluded: string[];
  /** `-p`/`--project-dir`. */
  projectDir?: string;
}

const GRADLE_VALUE_OPTIONS = new Set(['-x', '--exclude-task', '-p', '--project-dir', '-b', '--build-file', '-c', '--settings-file', '-I', '--init-script', '-g', '--gradle-user-home', '--console', '--max-workers', '--warning-mode', '--priority', '-D', '-P', '--project-cache-dir', '--include-build', '-M', '--write-verification-metadata']);

export function readGradleCommand(args: string[]): GradleCommand {
  const out: GradleCommand = { tasks: [], excluded: [] };
  const task = (t: string) => t.slice(t.lastIndexOf(':') + 1);
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (GRADLE_VALUE_OPTIONS.has(a)) {
      const v = args[++i] ?? '';
      if (a === '-x' || a === '--exclude-task') out.excluded.push(task(v));
      else if (a === '-p' || a === '--project-dir') out.projectDir = v;
      continue;
    }
    if (a.startsWith('--exclude-task=')) out.excluded.push(task(a.slice(15)));
    else if (a.startsWith('--project-dir=')) out.projectDir = a.slice(14);
    else if (!a.startsWith('-') && !a.includes('$') && !a.includes('=')) out.tasks.push(task(a));
  }
  return out;
}
