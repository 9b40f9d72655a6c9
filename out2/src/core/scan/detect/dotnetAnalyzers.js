"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", { value: true });
exports.DOTNET_ANALYSIS = void 0;
exports.dotnetBuildTarget = dotnetBuildTarget;
exports.dotnetAnalyzerOutcomes = dotnetAnalyzerOutcomes;
exports.azureBuildTaskTarget = azureBuildTaskTarget;
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
const lifecycleData = __importStar(require("../../../../model/build-lifecycles.json"));
const glob_1 = require("../../glob");
const fs_1 = require("../../fs");
const dotnetProject_1 = require("../parse/dotnetProject");
exports.DOTNET_ANALYSIS = lifecycleData.dotnet;
const ANALYZER_PACKAGES = new Map(exports.DOTNET_ANALYSIS.analyzers.map((a) => [a.package.toLowerCase(), a]));
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
function dotnetBuildTarget(program, args) {
    let rest = args;
    if (program === 'dotnet') {
        const verb = args[0]?.toLowerCase();
        if (!verb || !['build', 'test', 'pack', 'publish', 'msbuild'].includes(verb))
            return undefined;
        if (verb !== 'build' && verb !== 'msbuild' && args.some((a) => a.toLowerCase() === '--no-build'))
            return undefined;
        rest = args.slice(1);
    }
    else if (program !== 'msbuild')
        return undefined;
    for (let i = 0; i < rest.length; i++) {
        const a = rest[i];
        // `-p:X=1`, `--no-restore`, and MSBuild's `/p:X=1`, `/m` (an absolute path has a second slash)
        if (a.startsWith('-') || /^\/[A-Za-z]+(?::|$)/.test(a)) {
            if (DOTNET_VALUE_OPTIONS.has(a.toLowerCase()))
                i++;
            continue;
        }
        return a;
    }
    return '';
}
function ev(loc, text, tool) {
    const t = text.trim();
    return { loc, text: t.length > 200 ? t.slice(0, 197) + '…' : t, tool };
}
const at = (loc) => `${loc.path}:${loc.line}`;
const parsed = new WeakMap();
async function readProject(ctx, facts, path) {
    facts.reads.add(path);
    const s = await ctx.support(path, 'text');
    if (s?.kind !== 'text' || s.text.length > MAX_CONFIG_CHARS)
        return undefined;
    let p = parsed.get(s);
    if (!p)
        parsed.set(s, (p = (0, dotnetProject_1.parseMsbuildProject)(path, s.text)));
    return p;
}
async function readSolution(ctx, facts, path) {
    facts.reads.add(path);
    const s = await ctx.support(path, 'text');
    if (s?.kind !== 'text' || s.text.length > MAX_CONFIG_CHARS)
        return [];
    const dir = (0, fs_1.dirname)(path);
    return (0, dotnetProject_1.solutionProjects)(path, s.text)
        .map((p) => (0, fs_1.resolvePath)(dir, p))
        .filter((p) => p !== undefined);
}
/** The MSBuild files that make up the build of these projects (and of the folder, for the Directory.* files). */
async function buildFiles(folder, projects, ctx, facts) {
    const out = [];
    const seen = new Set();
    const read = async (path, depth) => {
        if (seen.has(path) || seen.size > MAX_PROJECTS * 4)
            return;
        seen.add(path);
        const p = await readProject(ctx, facts, path);
        if (!p)
            return;
        out.push(p);
        if (depth >= MAX_IMPORT_DEPTH)
            return;
        for (const imp of p.imports) {
            if (imp.includes('$') || !PROJECT_FILE.test(imp))
                continue;
            const target = (0, fs_1.resolvePath)((0, fs_1.dirname)(path), imp);
            if (target !== undefined)
                await read(target, depth + 1);
        }
    };
    const upFrom = async (dir) => {
        for (let d = dir; d !== undefined; d = d === '' ? undefined : (0, fs_1.dirname)(d)) {
            for (const name of DIRECTORY_FILES)
                await read((0, fs_1.joinPath)(d, name), 0);
        }
    };
    await upFrom(folder);
    for (const project of projects.slice(0, MAX_PROJECTS)) {
        await read(project, 0);
        await upFrom((0, fs_1.dirname)(project));
    }
    return out;
}
/**
 * What a .NET build runs of the analyzers its projects reference. `target` is what the command
 * names ('' for nothing), relative to `cwd`; `ci` the line (or task) that builds.
 */
async function dotnetAnalyzerOutcomes(target, cwd, ci, ctx, facts) {
    const named = target && !target.includes('$') && !target.includes('*') ? (0, fs_1.resolvePath)(cwd, target.replace(/\\/g, '/')) : undefined;
    let folder = cwd;
    let projects = [];
    if (named !== undefined && SOLUTION_FILE.test(named)) {
        folder = (0, fs_1.dirname)(named);
        projects = await readSolution(ctx, facts, named);
    }
    else if (named !== undefined && PROJECT_FILE.test(named)) {
        folder = (0, fs_1.dirname)(named);
        projects = [named];
    }
    else if (named !== undefined)
        folder = named;
    const files = await buildFiles(folder, projects, ctx, facts);
    const off = files.flatMap((f) => f.properties).find((p) => exports.DOTNET_ANALYSIS.switchesOff.includes(p.name) && p.value.trim().toLowerCase() === 'false');
    const out = [];
    const seen = new Set();
    const found = (kind, loc, what, skipped) => {
        const key = `${kind.probe}\u0000${kind.tool}`;
        if (seen.has(key))
            return;
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
            if (!data)
                continue;
            const what = `${r.item} ${r.name}`;
            found(data, r.loc, what, switchedOff ?? (r.analyzersOff ? `${what} (${at(r.loc)}) keeps the package's analyzers out of the build` : undefined));
        }
        for (const p of f.properties) {
            const data = exports.DOTNET_ANALYSIS.properties.find((d) => d.name === p.name);
            const value = p.value.trim().toLowerCase();
            if (!data || !data.values.some((v) => (0, glob_1.wildcardMatch)(v.toLowerCase(), value)))
                continue;
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
function azureBuildTaskTarget(task, given, variables) {
    const name = task.replace(/@.*$/, '').toLowerCase();
    const vars = new Map(Object.entries(variables).map(([k, v]) => [k.toLowerCase(), v]));
    const inputs = {};
    for (const [k, v] of Object.entries(given))
        inputs[k.toLowerCase()] = v.replace(/\$\(([\w.]+)\)/g, (m, n) => vars.get(n.toLowerCase()) ?? m);
    if (name === 'msbuild' || name === 'vsbuild')
        return inputs.solution ?? '';
    if (name !== 'dotnetcorecli')
        return undefined;
    const command = (inputs.command ?? 'build').trim().toLowerCase();
    if (!['build', 'test', 'pack', 'publish'].includes(command))
        return undefined;
    if (command !== 'build' && /--no-build/i.test(inputs.arguments ?? ''))
        return undefined;
    return (command === 'pack' ? inputs.packagestopack : inputs.projects) ?? '';
}
//# sourceMappingURL=dotnetAnalyzers.js.map