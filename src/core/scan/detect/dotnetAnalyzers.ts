// Analyzers that run inside a .NET build: a CI line that builds (dotnet build/test/pack/publish/
// msbuild, msbuild, the Azure MSBuild/VSBuild/DotNetCoreCLI tasks) runs every analyzer package the
// built projects reference and the analysis the project properties turn on (StyleCop, Roslynator,
// EnforceCodeStyleInBuild, AnalysisMode). Which packages and properties count for which probe is
// data: the `dotnet` section of model/build-lifecycles.json.
//
// The projects read are those the command names (a project file, or the projects a solution
// lists) with the files MSBuild imports into them: Directory.Build.props/.targets and
// Directory.Packages.props from the project's folder up to the root, and relative <Import>s. A
// command that names a glob or nothing reads the Directory.* files from its folder up only.
import * as lifecycleData from '../../../../model/build-lifecycles.json';
import { wildcardMatch } from '../../glob';
import { dirname, joinPath, resolvePath } from '../../fs';
import { Loc } from '../types';
import { MsbuildProject, parseMsbuildProject, solutionProjects } from '../parse/dotnetProject';
import type { Evidence } from './probeTypes';
import type { FactsContext, FileFacts } from './facts';
import type { LifecycleOutcome } from './lifecycleHits';

interface ProbeTool {
  probe: string;
  tool: string;
}

interface DotnetData {
  analyzers: (ProbeTool & { package: string })[];
  properties: (ProbeTool & { name: string; values: string[] })[];
  switchesOff: string[];
}

export const DOTNET_ANALYSIS = (lifecycleData as unknown as { dotnet: DotnetData }).dotnet;
const ANALYZER_PACKAGES = new Map(DOTNET_ANALYSIS.analyzers.map((a) => [a.package.toLowerCase(), a]));

/** Files larger than this are not read (real project files are a few KB). */
const MAX_CONFIG_CHARS = 1024 * 1024;
/** Projects read for one build at most (a large solution lists hundreds). */
const MAX_PROJECTS = 200;
/** How deep relative <Import>s are followed. */
const MAX_IMPORT_DEPTH = 3;

const PROJECT_FILE = /\.(cs|vb|fs)proj$|\.proj$|\.props$|\.targets$/i;
const SOLUTION_FILE = /\.slnx?$/i;
const DIRECTORY_FILES = ['Directory.Build.props', 'Directory.Build.targets', 'Directory.Packages.props'];

/** dotnet options that take a value as the next word. */
const DOTNET_VALUE_OPTIONS = new Set([
  '-c', '--configuration', '-f', '--framework', '-r', '--runtime', '-o', '--output', '-v', '--verbosity', '-a', '--arch', '--os',
  '-s', '--source', '--settings', '--filter', '-l', '--logger', '--results-directory', '--collect', '--version-suffix',
  '--property', '-p', '--diag', '-d', '--blame-hang-timeout', '-t', '--test-adapter-path', '--packages', '--configfile',
]);

/**
 * The project, solution or folder a build command builds ('' = its working folder), or undefined
 * when the command does not build (`dotnet test --no-build`, `dotnet restore`, `dotnet format`).
 */
export function dotnetBuildTarget(program: string, args: string[]): string | undefined {
  let rest = args;
  if (program === 'dotnet') {
    const verb = args[0]?.toLowerCase();
    if (!verb || !['build', 'test', 'pack', 'publish', 'msbuild'].includes(verb)) return undefined;
    if (verb !== 'build' && verb !== 'msbuild' && args.some((a) => a.toLowerCase() === '--no-build')) return undefined;
    rest = args.slice(1);
  } else if (program !== 'msbuild') return undefined;
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    // `-p:X=1`, `--no-restore`, and MSBuild's `/p:X=1`, `/m` (an absolute path has a second slash)
    if (a.startsWith('-') || /^\/[A-Za-z]+(?::|$)/.test(a)) {
      if (DOTNET_VALUE_OPTIONS.has(a.toLowerCase())) i++;
      continue;
    }
    return a;
  }
  return '';
}

function ev(loc: Loc, text: string, tool: string): Evidence {
  const t = text.trim();
  return { loc, text: t.length > 200 ? t.slice(0, 197) + '…' : t, tool };
}

const at = (loc: Loc) => `${loc.path}:${loc.line}`;

const parsed = new WeakMap<object, MsbuildProject>();

async function readProject(ctx: FactsContext, facts: FileFacts, path: string): Promise<MsbuildProject | undefined> {
  facts.reads.add(path);
  const s = await ctx.support(path, 'text');
  if (s?.kind !== 'text' || s.text.length > MAX_CONFIG_CHARS) return undefined;
  let p = parsed.get(s);
  if (!p) parsed.set(s, (p = parseMsbuildProject(path, s.text)));
  return p;
}

async function readSolution(ctx: FactsContext, facts: FileFacts, path: string): Promise<string[]> {
  facts.reads.add(path);
  const s = await ctx.support(path, 'text');
  if (s?.kind !== 'text' || s.text.length > MAX_CONFIG_CHARS) return [];
  const dir = dirname(path);
  return solutionProjects(path, s.text)
    .map((p) => resolvePath(dir, p))
    .filter((p): p is string => p !== undefined);
}

/** Project files a build without a named file picks up in its folder (`.props`/`.targets` are imported, never built). */
const BUILDABLE_FILE = /\.(cs|vb|fs)proj$|\.proj$|\.slnx?$/i;

/**
 * The project or solution file `dotnet build` (or `msbuild`) builds when told none: the only one
 * in its folder. With none, or several (the build stops and asks which), undefined.
 */
async function onlyBuildFile(folder: string, ctx: FactsContext, facts: FileFacts): Promise<string | undefined> {
  const listing = await ctx.support(folder, 'listing');
  if (listing?.kind !== 'listing') return undefined;
  const found = listing.files.filter((n) => BUILDABLE_FILE.test(n));
  if (found.length !== 1) return undefined;
  const path = joinPath(folder, found[0]);
  facts.reads.add(path);
  return path;
}

/** The MSBuild files that make up the build of these projects (and of the folder, for the Directory.* files). */
async function buildFiles(folder: string, projects: string[], ctx: FactsContext, facts: FileFacts): Promise<MsbuildProject[]> {
  const out: MsbuildProject[] = [];
  const seen = new Set<string>();
  const read = async (path: string, depth: number): Promise<void> => {
    if (seen.has(path) || seen.size > MAX_PROJECTS * 4) return;
    seen.add(path);
    const p = await readProject(ctx, facts, path);
    if (!p) return;
    out.push(p);
    if (depth >= MAX_IMPORT_DEPTH) return;
    for (const imp of p.imports) {
      if (imp.includes('$') || !PROJECT_FILE.test(imp)) continue;
      const target = resolvePath(dirname(path), imp);
      if (target !== undefined) await read(target, depth + 1);
    }
  };
  const upFrom = async (dir: string) => {
    for (let d: string | undefined = dir; d !== undefined; d = d === '' ? undefined : dirname(d)) {
      for (const name of DIRECTORY_FILES) await read(joinPath(d, name), 0);
    }
  };
  await upFrom(folder);
  for (const project of projects.slice(0, MAX_PROJECTS)) {
    await read(project, 0);
    await upFrom(dirname(project));
  }
  return out;
}

/**
 * What a .NET build runs of the analyzers its projects reference. `target` is what the command
 * names ('' for nothing), relative to `cwd`; `ci` the line (or task) that builds.
 */
export async function dotnetAnalyzerOutcomes(target: string, cwd: string, ci: { loc: Loc; text: string }, ctx: FactsContext, facts: FileFacts): Promise<LifecycleOutcome[]> {
  const named = target && !target.includes('$') && !target.includes('*') ? resolvePath(cwd, target.replace(/\\/g, '/')) : undefined;
  let folder = cwd;
  let projects: string[] = [];
  if (named !== undefined && SOLUTION_FILE.test(named)) {
    folder = dirname(named);
    projects = await readSolution(ctx, facts, named);
  } else if (named !== undefined && PROJECT_FILE.test(named)) {
    folder = dirname(named);
    projects = [named];
  } else {
    if (named !== undefined) folder = named;
    // Named no file: dotnet and MSBuild build the one project or solution file in the folder.
    const only = target.includes('*') || target.includes('$') ? undefined : await onlyBuildFile(folder, ctx, facts);
    if (only !== undefined && SOLUTION_FILE.test(only)) projects = await readSolution(ctx, facts, only);
    else if (only !== undefined) projects = [only];
  }
  const files = await buildFiles(folder, projects, ctx, facts);

  const off = files.flatMap((f) => f.properties).find((p) => DOTNET_ANALYSIS.switchesOff.includes(p.name) && p.value.trim().toLowerCase() === 'false');
  const out: LifecycleOutcome[] = [];
  const seen = new Set<string>();
  const found = (kind: ProbeTool, loc: Loc, what: string, skipped?: string) => {
    const key = `${kind.probe}\u0000${kind.tool}`;
    if (seen.has(key)) return;
    seen.add(key);
    if (skipped) {
      out.push({ kind: 'not-counted', probe: kind.probe, tool: kind.tool, evidence: ev(loc, what, kind.tool), reason: skipped });
      return;
    }
    out.push({
      kind: 'hit',
      match: { probe: kind.probe, tool: kind.tool },
      evidence: [
        ev(ci.loc, `${ci.text}  (the .NET build runs ${kind.tool}: ${what} at ${at(loc)})`, kind.tool),
        ev(loc, `${what} (built by ${at(ci.loc)})`, kind.tool),
      ],
    });
  };
  const switchedOff = off ? `${off.name} is false at ${at(off.loc)}: ${ci.text.trim()} (${at(ci.loc)}) builds without running analyzers` : undefined;
  for (const f of files) {
    for (const r of f.references) {
      const name = r.item === 'Analyzer' ? r.name.replace(/\.dll$/i, '') : r.name;
      const data = ANALYZER_PACKAGES.get(name.toLowerCase());
      if (!data) continue;
      const what = `${r.item} ${r.name}`;
      found(data, r.loc, what, switchedOff ?? (r.analyzersOff ? `${what} (${at(r.loc)}) keeps the package's analyzers out of the build` : undefined));
    }
    for (const p of f.properties) {
      const data = DOTNET_ANALYSIS.properties.find((d) => d.name === p.name);
      const value = p.value.trim().toLowerCase();
      if (!data || !data.values.some((v) => wildcardMatch(v.toLowerCase(), value))) continue;
      found(data, p.loc, `${p.name} ${p.value.trim()}`, switchedOff);
    }
  }
  return out;
}

/**
 * The build an Azure task runs: the project or solution its inputs name ('' when a glob or a
 * default). Input names are compared in lower case, as Azure Pipelines does; `$(name)` macros are
 * replaced by the pipeline's variables where they are known.
 */
export function azureBuildTaskTarget(task: string, given: Record<string, string>, variables: Record<string, string>): string | undefined {
  const name = task.replace(/@.*$/, '').toLowerCase();
  const vars = new Map(Object.entries(variables).map(([k, v]) => [k.toLowerCase(), v]));
  const inputs: Record<string, string> = {};
  for (const [k, v] of Object.entries(given)) inputs[k.toLowerCase()] = v.replace(/\$\(([\w.]+)\)/g, (m, n: string) => vars.get(n.toLowerCase()) ?? m);
  if (name === 'msbuild' || name === 'vsbuild') return inputs.solution ?? '';
  if (name !== 'dotnetcorecli') return undefined;
  const command = (inputs.command ?? 'build').trim().toLowerCase();
  if (!['build', 'test', 'pack', 'publish'].includes(command)) return undefined;
  if (command !== 'build' && /--no-build/i.test(inputs.arguments ?? '')) return undefined;
  return (command === 'pack' ? inputs.packagestopack : inputs.projects) ?? '';
}
