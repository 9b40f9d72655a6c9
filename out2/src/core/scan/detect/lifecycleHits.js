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
exports.LIFECYCLES = void 0;
exports.lifecycleOfInvocation = lifecycleOfInvocation;
exports.lifecycleOfUses = lifecycleOfUses;
exports.preCommitCiOutcomes = preCommitCiOutcomes;
// Tools that run because a CI line starts something that runs them: a Maven phase (plugins whose
// goals are bound to it or to an earlier phase), a Gradle task (plugins whose tasks it depends
// on), golangci-lint (the linters its configuration enables), `pre-commit run` (the hooks of
// .pre-commit-config.yaml), Super-Linter and MegaLinter (the linters they are set to run). Which
// plugin, task or linter counts for which probe is data: model/build-lifecycles.json.
//
// Each tool found gives two pieces of evidence: the CI line (saying what it runs through) and
// the configuration line that enables the tool (saying which CI line runs it). What the
// configuration enables but the CI line does not reach is noted, not counted.
const lifecycleData = __importStar(require("../../../../model/build-lifecycles.json"));
const toolMatch_1 = require("./toolMatch");
const buildLifecycle_1 = require("../parse/buildLifecycle");
const aggregators_1 = require("../parse/aggregators");
const shell_1 = require("../parse/shell");
const fs_1 = require("../../fs");
const dotnetAnalyzers_1 = require("./dotnetAnalyzers");
/** model/build-lifecycles.json (checked against the catalogue by a unit test). */
exports.LIFECYCLES = lifecycleData;
const MAVEN_PLUGINS = new Map(exports.LIFECYCLES.maven.plugins.map((p) => [p.plugin, p]));
function ev(loc, text, tool) {
    const t = text.trim();
    return { loc, text: t.length > 200 ? t.slice(0, 197) + '…' : t, tool };
}
const at = (loc) => `${loc.path}:${loc.line}`;
/**
 * Build and aggregator files larger than this are not read: real ones are far smaller (a large
 * reactor POM is ~100 KB), and a hostile one must not cost seconds of parsing per CI line.
 */
const MAX_CONFIG_CHARS = 1024 * 1024;
/** A support file's text, read once per index (parsed models are kept per text object). */
async function readText(ctx, facts, path) {
    facts.reads.add(path);
    const s = await ctx.support(path, 'text');
    return s?.kind === 'text' && s.text.length <= MAX_CONFIG_CHARS ? s : undefined;
}
function cached(cache, key, make) {
    let v = cache.get(key);
    if (v === undefined)
        cache.set(key, (v = make()));
    return v;
}
const poms = new WeakMap();
const gradleBuilds = new WeakMap();
const golangciConfigs = new WeakMap();
const preCommitConfigs = new WeakMap();
const megaLinterConfigs = new WeakMap();
/**
 * The tools a shell invocation runs through a build lifecycle or an aggregator. `line` is the CI
 * line (or the Makefile/script line reached from it), `lineText` the text its evidence shows.
 */
async function lifecycleOfInvocation(inv, line, lineText, cwd, ctx, facts) {
    if (inv.kind !== 'run')
        return [];
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
            const target = (0, dotnetAnalyzers_1.dotnetBuildTarget)(inv.program, inv.args);
            return target === undefined ? [] : (0, dotnetAnalyzers_1.dotnetAnalyzerOutcomes)(target, cwd, ci, ctx, facts);
        }
        default:
            return arcade(inv, ci, ctx, facts);
    }
}
/**
 * The tools a step's `uses` (an action or an Azure task) runs through a lifecycle or an aggregator.
 * `variables`: the pipeline's, job's and step's variables (for `$(name)` macros in Azure inputs).
 */
async function lifecycleOfUses(uses, inputs, env, ctx, facts, variables = {}) {
    const name = uses.value.replace(/@.*$/, '').toLowerCase();
    const ci = { loc: uses.loc, text: `uses: ${uses.value}` };
    const words = (k) => (inputs[k]?.value ?? '').split(/\s+/).filter(Boolean);
    const dirOf = (k) => (inputs[k]?.value && !inputs[k].value.includes('$') ? ((0, fs_1.resolvePath)('', inputs[k].value) ?? '') : '');
    if (name === 'golangci/golangci-lint-action')
        return golangci(['run', ...words('args')], dirOf('working-directory'), ci, ctx, facts);
    if (name === 'pre-commit/action' || name === 'j178/prek-action')
        return preCommit(['run', ...(inputs.extra_args ? words('extra_args') : ['--all-files'])], '', ci, ctx, facts);
    if (/^(super-linter|github)\/super-linter(\/slim)?$/.test(name))
        return superLinter(env, ci);
    if (/^(oxsecurity|megalinter)\/megalinter(\/flavors\/[\w-]+)?$/.test(name))
        return megaLinter(env, '', ci, ctx, facts, env.DISABLE_ERRORS);
    // Azure Pipelines tasks: the task name with its major version (`Maven@4`); input names are case-insensitive.
    const task = uses.value.trim().toLowerCase();
    const input = (k) => Object.entries(inputs).find(([key]) => key.toLowerCase() === k.toLowerCase())?.[1].value;
    const inputWords = (k) => (input(k) ?? '').split(/\s+/).filter(Boolean);
    if (/^maven@\d+$/.test(task)) {
        const pom = input('mavenPomFile') ?? 'pom.xml';
        if (pom.includes('$'))
            return [];
        return maven(['-f', pom, ...(input('goals') === undefined ? ['package'] : inputWords('goals')), ...inputWords('options')], '', ci, ctx, facts);
    }
    if (/^gradle@\d+$/.test(task)) {
        const dir = input('workingDirectory');
        return gradle([...(input('tasks') === undefined ? ['build'] : inputWords('tasks')), ...inputWords('options')], dir && !dir.includes('$') ? ((0, fs_1.resolvePath)('', dir) ?? '') : '', ci, ctx, facts);
    }
    // Azure build tasks: their project and solution inputs are relative to the checkout.
    const built = /^[a-z]+@\d+$/.test(task) ? (0, dotnetAnalyzers_1.azureBuildTaskTarget)(task, Object.fromEntries(Object.entries(inputs).map(([k, v]) => [k, v.value])), variables) : undefined;
    if (built !== undefined)
        return (0, dotnetAnalyzers_1.dotnetAnalyzerOutcomes)(built, '', ci, ctx, facts);
    return [];
}
/** Both pieces of evidence of a tool found through configuration. */
function hit(match, ci, config, configText, ciNote, cannotFail) {
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
async function readPom(ctx, facts, path) {
    const t = await readText(ctx, facts, path);
    return t && cached(poms, t, () => (0, buildLifecycle_1.parsePom)(path, t.text));
}
async function maven(args, cwd, ci, ctx, facts) {
    const cmd = (0, buildLifecycle_1.readMavenCommand)(args);
    const order = exports.LIFECYCLES.maven.phases;
    const last = Math.max(-1, ...cmd.phases.map((p) => order.indexOf(p)));
    if (last < 0)
        return [];
    const upTo = order[last];
    let rootPath = cmd.file ? (0, fs_1.resolvePath)(cwd, cmd.file) : (0, fs_1.joinPath)(cwd, 'pom.xml');
    if (rootPath === undefined)
        return [];
    if (cmd.file && !rootPath.endsWith('.xml'))
        rootPath = (0, fs_1.joinPath)(rootPath, 'pom.xml');
    const out = [];
    const seen = new Set();
    const emit = (key, o) => {
        if (seen.has(key))
            return;
        seen.add(key);
        out.push(o);
    };
    const visited = new Set();
    const queue = [rootPath];
    while (queue.length && visited.size < MAX_POMS) {
        const path = queue.shift();
        if (visited.has(path))
            continue;
        visited.add(path);
        const pom = await readPom(ctx, facts, path);
        if (!pom)
            continue;
        const chain = await pomChain(pom, ctx, facts);
        const active = (p) => p.profiles.filter((pr) => (pr.activeByDefault && !cmd.profilesOff.includes(pr.id)) || cmd.profilesOn.includes(pr.id));
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
            if (!data)
                continue;
            const same = managed.filter((m) => m.key === plugin.key);
            const kind = toolOf(data, [plugin, ...same]);
            const skipBy = [...data.skipProperties].find((p) => truthy(cmd.properties.get(p)) || truthy(properties.get(p)));
            const executions = [];
            for (const p of [plugin, ...same]) {
                for (const e of p.executions)
                    for (const g of e.goals)
                        executions.push({ goal: g.name, phase: e.phase, loc: g.loc, skip: e.skip || p.skip, from: e.id ?? '' });
            }
            for (const m of remote?.data.manages ?? []) {
                if (m.plugin === plugin.key && !executions.length)
                    executions.push({ goal: m.goal, phase: m.phase, loc: remote.loc, skip: plugin.skip, from: `parent ${remote.data.parent}` });
            }
            const name = plugin.key.slice(plugin.key.indexOf(':') + 1);
            if (!executions.length) {
                emit(`nc:${at(plugin.loc)}`, { kind: 'not-counted', probe: kind.probe, tool: kind.tool, evidence: ev(plugin.loc, `${name} declared in ${plugin.loc.path}`, kind.tool), reason: `${name} is declared without an execution: no goal of it is bound to a phase, so ${ci.text.trim()} (${at(ci.loc)}) does not run it` });
                continue;
            }
            for (const e of executions) {
                if (e.from === 'default-cli')
                    continue;
                const phase = e.phase ?? data.goals[e.goal];
                if (!phase || !(e.goal in data.goals))
                    continue; // unbound, or a goal that is not the check (purge, apply, …)
                const where = at(e.loc);
                const index = order.indexOf(phase);
                if (index < 0)
                    continue; // a phase of another lifecycle (site, clean)
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
        const dir = (0, fs_1.dirname)(path);
        const modules = [...pom.modules, ...active(pom).flatMap((pr) => pr.modules)];
        for (const m of modules) {
            const p = (0, fs_1.resolvePath)(dir, m);
            if (p !== undefined)
                queue.push(p.endsWith('.xml') ? p : (0, fs_1.joinPath)(p, 'pom.xml'));
        }
    }
    return out;
}
const truthy = (v) => v !== undefined && (v === '' || v.trim().toLowerCase() === 'true');
function toolOf(data, declarations) {
    for (const [dep, upgraded] of Object.entries(data.withPlugin ?? {}))
        if (declarations.some((d) => d.dependencies.includes(dep)))
            return upgraded;
    return data;
}
/** The POM and its parents found in the workspace (Maven's relativePath, `../pom.xml` by default). */
async function pomChain(pom, ctx, facts) {
    const chain = [pom];
    for (let cur = pom; cur.parent && chain.length < 8;) {
        const rel = cur.parent.relativePath ?? '../pom.xml';
        if (rel === '')
            break;
        let p = (0, fs_1.resolvePath)((0, fs_1.dirname)(cur.path), rel);
        if (p === undefined)
            break;
        if (!p.endsWith('.xml'))
            p = (0, fs_1.joinPath)(p, 'pom.xml');
        const parent = await readPom(ctx, facts, p);
        if (!parent || parent.key !== cur.parent.key || chain.includes(parent))
            break;
        chain.push(parent);
        cur = parent;
    }
    return chain;
}
/** The parent of the chain's top that is not in the workspace, when the data knows it. */
function remoteParent(chain) {
    const top = chain[chain.length - 1];
    const parent = top.parent;
    if (!parent)
        return undefined;
    const data = exports.LIFECYCLES.maven.parents.find((d) => d.parent === parent.key);
    if (!data)
        return undefined;
    if (data.since && (parent.version === undefined || ((0, buildLifecycle_1.compareVersions)(parent.version, data.since) ?? -1) < 0))
        return undefined;
    return { data, loc: parent.loc };
}
// ───────────────────────────── Gradle ─────────────────────────────
const MAX_GRADLE_PROJECTS = 100;
async function readGradle(ctx, facts, dir, base) {
    for (const name of [`${base}.gradle`, `${base}.gradle.kts`]) {
        const path = (0, fs_1.joinPath)(dir, name);
        const t = await readText(ctx, facts, path);
        if (t)
            return cached(gradleBuilds, t, () => (0, buildLifecycle_1.parseGradleBuild)(path, t.text));
    }
    return undefined;
}
async function gradle(args, cwd, ci, ctx, facts) {
    const cmd = (0, buildLifecycle_1.readGradleCommand)(args);
    if (!cmd.tasks.length)
        return [];
    const dir = cmd.projectDir ? (0, fs_1.resolvePath)(cwd, cmd.projectDir) : cwd;
    if (dir === undefined)
        return [];
    const builds = [];
    const root = await readGradle(ctx, facts, dir, 'build');
    if (root)
        builds.push(root);
    const settings = await readGradle(ctx, facts, dir, 'settings');
    for (const inc of (settings?.includes ?? []).slice(0, MAX_GRADLE_PROJECTS)) {
        const sub = (0, fs_1.resolvePath)(dir, inc);
        const b = sub === undefined ? undefined : await readGradle(ctx, facts, sub, 'build');
        if (b)
            builds.push(b);
    }
    if (!builds.length)
        return [];
    const applied = (d) => builds.flatMap((b) => b.plugins.filter((p) => d.ids.includes(p.id)));
    const dependsOn = (task) => builds.flatMap((b) => b.dependsOn.get(task) ?? []);
    // The tasks the command runs: those named, what lifecycle tasks and dependsOn lines add.
    const excluded = new Set(cmd.excluded);
    const reached = new Map(); // task → how it is reached
    const queue = cmd.tasks.filter((t) => !excluded.has(t)).map((t) => ({ task: t, how: t }));
    while (queue.length && reached.size < 500) {
        const { task, how } = queue.shift();
        if (reached.has(task))
            continue;
        reached.set(task, how);
        const next = [...(exports.LIFECYCLES.gradle.lifecycleTasks[task] ?? []), ...dependsOn(task).map((d) => d.task)];
        if (task === 'check')
            for (const d of exports.LIFECYCLES.gradle.plugins)
                if (d.check && applied(d).length)
                    next.push(...d.tasks);
        for (const t of next)
            if (!excluded.has(t) && !reached.has(t))
                queue.push({ task: t, how: `${how} → ${t}` });
    }
    const out = [];
    for (const d of exports.LIFECYCLES.gradle.plugins) {
        const uses = applied(d);
        if (!uses.length)
            continue;
        let kind = d;
        for (const [dep, upgraded] of Object.entries(d.withDependency ?? {}))
            if (builds.some((b) => b.mentions(dep.slice(dep.indexOf(':') + 1))))
                kind = upgraded;
        const use = uses[0];
        // A task named on the command line is matched by the catalogue itself.
        const task = d.tasks.find((t) => reached.has(t) && !cmd.tasks.includes(t));
        if (task)
            out.push(hit(kind, ci, use.loc, `plugin ${use.id} applied`, `Gradle runs ${reached.get(task)} of plugin ${use.id}, applied at ${at(use.loc)}`));
        else if (!d.tasks.some((t) => cmd.tasks.includes(t))) {
            out.push({ kind: 'not-counted', probe: kind.probe, tool: kind.tool, evidence: ev(use.loc, `plugin ${use.id} applied`, kind.tool), reason: `plugin ${use.id} is applied (${at(use.loc)}), but ${ci.text.trim()} (${at(ci.loc)}) runs none of its tasks (${d.tasks.join(', ')})` });
        }
    }
    return out;
}
// ───────────────────────────── .NET Arcade SDK ─────────────────────────────
const ARCADE_SCRIPTS = exports.LIFECYCLES.arcade.scripts.map((s) => s.toLowerCase());
/**
 * The Arcade script an invocation runs and the words it is given: `eng/common/build.sh --test`,
 * `. "$scriptroot/build.sh" --test` (sourced), `eng\CIBuild.cmd -test` (a Windows path, which the
 * shell reader joins into one word without its backslashes).
 */
function arcadeScriptOf(inv) {
    let word = inv.command ?? inv.program;
    let args = inv.args;
    if (inv.program === '.' || inv.program === 'source') {
        word = args[0] ?? '';
        args = args.slice(1);
    }
    const lower = word.toLowerCase();
    const base = lower.slice(Math.max(lower.lastIndexOf('/'), lower.lastIndexOf('\\')) + 1);
    if (ARCADE_SCRIPTS.includes(base))
        return { script: base, args };
    // `eng/cibuild$(scriptExt)`: the extension kept in a variable (`.sh` or `.cmd` by platform)
    const stem = /^([\w-]+)(?:\$\([\w.]+\)|\$\{\w+\}|\$\w+)$/.exec(base)?.[1];
    const byStem = stem !== undefined ? ARCADE_SCRIPTS.find((s) => s.slice(0, s.lastIndexOf('.')) === stem) : undefined;
    if (byStem)
        return { script: word.slice(Math.max(word.lastIndexOf('/'), word.lastIndexOf('\\')) + 1), args };
    // Only a word ending in a script's name is looked up in the line (a long line has many words).
    const joined = ARCADE_SCRIPTS.find((s) => base.endsWith(s) && inv.line.text.toLowerCase().includes('\\' + s));
    return joined ? { script: joined, args } : undefined;
}
/** `/p:Test=true`, `-p:Test=true`, `/property:Test=true` (MSBuild property syntax), the property's name when set to true. */
function msbuildTrueProperty(arg) {
    const m = /^[-/](?:p|property):([A-Za-z_][\w.-]*)=(.*)$/i.exec(arg);
    return m && m[2].trim().toLowerCase() === 'true' ? m[1].toLowerCase() : undefined;
}
/** Where global.json names the Arcade SDK: a repository that builds with it, and the line that says so. */
async function arcadeSdkPin(ctx, facts) {
    const t = await readText(ctx, facts, 'global.json');
    if (!t)
        return undefined;
    const lines = t.text.split('\n');
    const needle = `"${exports.LIFECYCLES.arcade.sdk.toLowerCase()}"`;
    const i = lines.findIndex((l) => l.toLowerCase().includes(needle));
    if (i < 0)
        return undefined;
    const column = lines[i].length - lines[i].trimStart().length + 1;
    return { path: 'global.json', line: i + 1, column, endLine: i + 1, endColumn: lines[i].trimEnd().length + 1 };
}
/**
 * An Arcade build script given a switch that adds a step to the build (`--test` runs the test
 * projects), in a repository that builds with the Arcade SDK: the CI line and the SDK's pin in
 * global.json are the evidence.
 */
async function arcade(inv, ci, ctx, facts) {
    const run = arcadeScriptOf(inv);
    if (!run)
        return [];
    const words = run.args.map((a) => a.toLowerCase());
    const given = exports.LIFECYCLES.arcade.switches
        .map((s) => ({ s, word: run.args.find((a, i) => s.args.some((x) => x.toLowerCase() === words[i]) || s.properties.some((p) => p.toLowerCase() === msbuildTrueProperty(a))) }))
        .filter((g) => g.word !== undefined);
    if (!given.length)
        return [];
    const pin = await arcadeSdkPin(ctx, facts);
    if (!pin)
        return [];
    return given.map(({ s, word }) => hit(s, ci, pin, `${exports.LIFECYCLES.arcade.sdk} in global.json`, `the Arcade SDK build script ${run.script} runs ${s.tool} with ${word}; the SDK is pinned at ${at(pin)}`));
}
// ───────────────────────────── golangci-lint ─────────────────────────────
const GOLANGCI_NAMES = ['.golangci.yml', '.golangci.yaml', '.golangci.toml', '.golangci.json'];
async function findGolangciConfig(cwd, explicit, ctx, facts) {
    const paths = [];
    if (explicit !== undefined) {
        const p = explicit.includes('$') ? undefined : (0, fs_1.resolvePath)(cwd, explicit);
        if (p !== undefined)
            paths.push(p);
    }
    else {
        // golangci-lint looks in the working folder, then in each folder above it.
        for (let d = cwd; d !== undefined; d = d === '' ? undefined : (0, fs_1.dirname)(d))
            for (const n of GOLANGCI_NAMES)
                paths.push((0, fs_1.joinPath)(d, n));
    }
    for (const path of paths) {
        const t = await readText(ctx, facts, path);
        if (t)
            return cached(golangciConfigs, t, () => (0, aggregators_1.parseGolangciConfig)(path, t.text));
    }
    return undefined;
}
async function golangci(args, cwd, ci, ctx, facts) {
    const cmd = (0, aggregators_1.readGolangciCommand)(args);
    if (!cmd.isRun)
        return [];
    const config = cmd.noConfig ? undefined : await findGolangciConfig(cwd, cmd.config, ctx, facts);
    const out = [];
    for (const linter of exports.LIFECYCLES.golangci.linters) {
        const name = linter.name;
        const viaCi = (how) => ({ kind: 'hit', match: { probe: linter.probe, tool: linter.tool }, evidence: [ev(ci.loc, `${ci.text}  (golangci-lint runs ${name}: ${how})`, linter.tool)] });
        const viaConfig = (loc, how) => loc ? hit(linter, ci, loc, `${name} ${how} in ${config.path}`, `golangci-lint runs ${name}, ${how} at ${at(loc)}`) : viaCi(`${how} in ${config.path}`);
        const notRun = (why) => ({ kind: 'not-counted', probe: linter.probe, tool: linter.tool, evidence: ev(ci.loc, ci.text, linter.tool), reason: `golangci-lint runs (${at(ci.loc)}), but ${why}` });
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
async function preCommitConfigAt(ctx, facts, path) {
    const t = await readText(ctx, facts, path);
    return t && cached(preCommitConfigs, t, () => (0, aggregators_1.parsePreCommitConfig)(path, t.text));
}
async function preCommit(args, cwd, ci, ctx, facts) {
    const run = args.indexOf('run');
    if (run < 0 || args.slice(0, run).some((a) => !a.startsWith('-')))
        return [];
    let stage = 'pre-commit';
    let configPath;
    const ids = [];
    for (let i = run + 1; i < args.length; i++) {
        const a = args[i];
        if (a === '--files') {
            while (i + 1 < args.length && !args[i + 1].startsWith('-'))
                i++;
        }
        else if (PRE_COMMIT_VALUE_OPTIONS.has(a)) {
            const v = args[++i] ?? '';
            if (a === '--hook-stage')
                stage = v;
            else if (a === '-c' || a === '--config')
                configPath = v;
        }
        else if (a.startsWith('--hook-stage='))
            stage = a.slice(13);
        else if (a.startsWith('--config='))
            configPath = a.slice(9);
        else if (!a.startsWith('-'))
            ids.push(a);
    }
    const paths = configPath !== undefined ? [(0, fs_1.resolvePath)(cwd, configPath)] : [(0, fs_1.joinPath)(cwd, '.pre-commit-config.yaml'), (0, fs_1.joinPath)(cwd, '.pre-commit-config.yml')];
    for (const path of paths) {
        if (path === undefined || path.includes('$'))
            continue;
        const config = await preCommitConfigAt(ctx, facts, path);
        if (!config)
            continue;
        const hooks = config.hooks.filter((h) => (!ids.length || ids.includes(h.id)) && (0, aggregators_1.hookRunsAt)(h, stage));
        return hookOutcomes(ctx.catalogue, hooks, ci, 'pre-commit runs hook');
    }
    return [];
}
function hookTools(cat, hook) {
    const found = (0, toolMatch_1.matchPreCommitHook)(cat, hook.id);
    if (hook.entry) {
        let invs;
        try {
            invs = (0, shell_1.invocations)({ text: hook.entry.text, loc: hook.entry.loc });
        }
        catch {
            invs = []; // best effort, as every shell line
        }
        for (const inv of invs)
            for (const m of (0, toolMatch_1.matchInvocation)(cat, inv))
                if (!found.some((f) => f.probe === m.probe && f.tool === m.tool))
                    found.push(m);
    }
    return found;
}
function hookOutcomes(cat, hooks, ci, what) {
    const out = [];
    for (const h of hooks) {
        for (const m of hookTools(cat, h)) {
            if (m.disabled)
                continue;
            out.push(hit(m, ci, h.loc, `hook ${h.id}`, `${what} ${h.id} from ${h.loc.path}:${h.loc.line}`));
        }
    }
    return out;
}
/**
 * pre-commit.ci runs the hooks of a configuration that has a `ci:` section, on every pull request
 * (except the hooks it lists under `skip`): the `ci:` line is the evidence of the run.
 */
async function preCommitCiOutcomes(path, ctx, facts) {
    const config = await preCommitConfigAt(ctx, facts, path);
    if (!config?.ci)
        return [];
    const ci = { loc: config.ci.loc, text: 'ci: (pre-commit.ci)' };
    return hookOutcomes(ctx.catalogue, config.hooks.filter((h) => !config.ci.skip.includes(h.id) && (0, aggregators_1.hookRunsAt)(h, 'pre-commit')), ci, 'pre-commit.ci runs hook');
}
// ───────────────────────────── Super-Linter and MegaLinter ─────────────────────────────
function superLinter(env, ci) {
    const flag = (name) => env[`VALIDATE_${name}`];
    const anyTrue = Object.entries(env).some(([k, v]) => k.startsWith('VALIDATE_') && k !== 'VALIDATE_ALL_CODEBASE' && v.value.trim().toLowerCase() === 'true');
    const cannotFail = env.DISABLE_ERRORS?.value.trim().toLowerCase() === 'true' ? env.DISABLE_ERRORS.loc : undefined;
    const out = [];
    for (const l of exports.LIFECYCLES.superLinter.linters) {
        const v = flag(l.name)?.value.trim().toLowerCase();
        const set = flag(l.name);
        const on = anyTrue || l.explicitOnly ? v === 'true' : v !== 'false';
        if (!on)
            continue;
        out.push(set
            ? hit(l, ci, set.loc, `VALIDATE_${l.name}: ${set.value}`, `Super-Linter runs ${l.tool}, VALIDATE_${l.name} at ${at(set.loc)}`, cannotFail)
            : { kind: 'hit', match: { probe: l.probe, tool: l.tool }, evidence: [ev(ci.loc, `${ci.text}  (Super-Linter runs ${l.tool}: no VALIDATE_* switch narrows its linters)`, l.tool)], cannotFail });
    }
    return out;
}
async function megaLinter(env, cwd, ci, ctx, facts, disableErrors) {
    const configName = env.MEGALINTER_CONFIG?.value;
    const paths = configName && !configName.includes('$') && !configName.includes('://') ? [(0, fs_1.joinPath)(cwd, configName)] : ['.mega-linter.yml', '.mega-linter.yaml'].map((n) => (0, fs_1.joinPath)(cwd, n));
    let config;
    for (const path of paths) {
        const t = await readText(ctx, facts, path);
        if (t) {
            config = cached(megaLinterConfigs, t, () => (0, aggregators_1.parseMegaLinterConfig)(path, t.text));
            break;
        }
    }
    // Environment variables override the file, as MegaLinter reads them.
    const value = (k) => (env[k] ? { value: env[k].value, loc: env[k].loc } : config?.values.get(k));
    const itemLoc = (k, word) => (env[k] ? env[k].loc : (config?.itemLoc(k, word) ?? value(k).loc));
    const list = (k) => (value(k)?.value ?? '').split(',').map((s) => s.trim().toUpperCase()).filter(Boolean);
    const enableLinters = list('ENABLE_LINTERS');
    const enable = list('ENABLE');
    const errorsOff = (disableErrors?.value ?? value('DISABLE_ERRORS')?.value ?? '').trim().toLowerCase() === 'true' ? (disableErrors?.loc ?? value('DISABLE_ERRORS')?.loc) : undefined;
    const out = [];
    for (const l of exports.LIFECYCLES.megaLinter.linters) {
        const descriptor = l.name.slice(0, l.name.indexOf('_'));
        let on;
        if (enableLinters.length)
            on = enableLinters.includes(l.name) ? { loc: itemLoc('ENABLE_LINTERS', l.name), text: `ENABLE_LINTERS includes ${l.name}` } : undefined;
        else if (enable.length)
            on = enable.includes(descriptor) ? { loc: itemLoc('ENABLE', descriptor), text: `ENABLE includes ${descriptor}` } : undefined;
        else
            on = l.explicitOnly ? undefined : { loc: ci.loc, text: '' };
        if (!on || list('DISABLE').includes(descriptor) || list('DISABLE_LINTERS').includes(l.name))
            continue;
        const cannotFail = errorsOff ?? (list('DISABLE_ERRORS_LINTERS').includes(l.name) ? itemLoc('DISABLE_ERRORS_LINTERS', l.name) : undefined);
        out.push(on.text
            ? hit(l, ci, on.loc, on.text, `MegaLinter runs ${l.name}, ${on.text} at ${at(on.loc)}`, cannotFail)
            : { kind: 'hit', match: { probe: l.probe, tool: l.tool }, evidence: [ev(ci.loc, `${ci.text}  (MegaLinter runs ${l.name}: its configuration does not narrow the linters)`, l.tool)], cannotFail });
    }
    return out;
}
//# sourceMappingURL=lifecycleHits.js.map