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
exports.registerInsertFix = registerInsertFix;
// dsomm.insertFix: inserts the quick-fix template for an activity or a probe without a diagnostic
// at hand (Command Palette, hover and webview links). Arguments:
// `{ uuid?, probe?, uri? }`; a uuid string or an activity tree node work too; none → quick pick.
const vscode = __importStar(require("vscode"));
const guidance_1 = require("../../core/guidance");
const registry_1 = require("../../core/scan/ci/registry");
const folderChoice_1 = require("../folderChoice");
function parseArgs(arg) {
    if (typeof arg === 'string')
        return { uuid: arg };
    if (!arg || typeof arg !== 'object')
        return {};
    const o = arg;
    const activity = o.activity; // a node of the activity tree
    const uuid = typeof o.uuid === 'string' ? o.uuid : typeof activity?.uuid === 'string' ? activity.uuid : undefined;
    const uri = typeof o.uri === 'string' || o.uri instanceof vscode.Uri ? o.uri : undefined;
    return { uuid, probe: typeof o.probe === 'string' ? o.probe : undefined, uri, folder: typeof o.folder === 'string' ? o.folder : undefined };
}
/** The probes an activity still needs (all of its probes when every one passes). */
function neededProbes(result, a) {
    const outcome = new Map(result.probes.map((p) => [p.id, p.result]));
    const failing = a.probes.filter((p) => outcome.get(p) !== 'pass' && outcome.get(p) !== 'not-applicable');
    return failing.length ? failing : a.probes;
}
function hasTemplate(catalogue, probes) {
    return catalogue.templates.some((t) => t.satisfies.some((p) => probes.includes(p)));
}
/** Files a fix may go into, the most relevant first: the given one, else the main pipeline, other pipelines, container files. */
function candidateFiles(entries, path) {
    const given = path ? entries.find((e) => e.path === path) : undefined;
    if (given)
        return [given];
    const main = (0, guidance_1.mainPipeline)(entries)?.entry;
    const pipelines = entries.filter((e) => (0, registry_1.isPipelineKind)(e.kind) && e !== main && !e.problems.some((p) => p.severity === 'error'));
    const containers = entries.filter((e) => (e.kind === 'dockerfile' || e.kind === 'compose' || e.kind === 'kubernetes') && !e.outOfScope);
    const byPath = (a, b) => (a.path < b.path ? -1 : 1);
    return [...(main ? [main] : []), ...pipelines.sort(byPath), ...containers.sort(byPath)];
}
/** A diagnostic as if the activity's gap had been reported on `entry` (what fixesFor works from). */
function gapOn(entry, probes, activity) {
    const loc = { path: entry.path, line: 1, column: 1, endLine: 1, endColumn: 1 };
    const pipeline = (0, registry_1.isPipelineKind)(entry.kind) ? { path: entry.path, kind: entry.kind } : undefined;
    return {
        path: entry.path,
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        loc,
        message: '',
        severity: 'information',
        code: { value: probes[0] ?? 'dsomm' },
        source: 'DSOMM',
        data: {
            kind: 'missing-activity',
            probes,
            ...(activity ? { activity: activity.activity.uuid, activityName: activity.activity.name, level: activity.activity.level } : {}),
            ...(pipeline ? { pipeline } : {}),
        },
    };
}
const NO_FOLDER_MESSAGE = 'DSOMM: open a folder with pipeline or container files to insert a fix.';
function registerInsertFix(assessment, fixes, applier) {
    return vscode.commands.registerCommand('dsomm.insertFix', async (arg) => {
        const args = parseArgs(arg);
        const uri = typeof args.uri === 'string' ? vscode.Uri.parse(args.uri) : args.uri;
        const folder = uri
            ? vscode.workspace.getWorkspaceFolder(uri)
            : (await (0, folderChoice_1.actingFolder)(assessment, { named: args.folder, placeHolder: 'Insert the fix in which folder?', noFolderMessage: NO_FOLDER_MESSAGE }))?.folder;
        if (!uri && !folder)
            return false; // no folder (said), the named one closed (said), or the pick cancelled
        const da = folder ? await assessment.resultFor(uri ?? folder.uri) : undefined;
        if (!folder || !da) {
            void vscode.window.showInformationMessage(NO_FOLDER_MESSAGE);
            return false;
        }
        const catalogue = await fixes.get();
        const result = da.result;
        let activity = args.uuid ? result.activities.find((a) => a.activity.uuid === args.uuid) : undefined;
        if (args.uuid && !activity) {
            void vscode.window.showErrorMessage(`DSOMM: no activity with the id ${args.uuid} in the model.`);
            return false;
        }
        if (!args.uuid && !args.probe) {
            const gaps = result.activities
                .filter((a) => (a.status === 'missing' || a.status === 'partial') && hasTemplate(catalogue, neededProbes(result, a)))
                .sort((a, b) => a.activity.level - b.activity.level || a.activity.name.localeCompare(b.activity.name));
            if (!gaps.length) {
                void vscode.window.showInformationMessage('DSOMM: no missing activity has a fix to insert.');
                return false;
            }
            const pick = await vscode.window.showQuickPick(gaps.map((a) => ({ label: a.activity.name, description: `L${a.activity.level} · ${a.status}`, detail: `${a.activity.dimension} › ${a.activity.subdimension}`, a })), { title: 'DSOMM: insert a fix', placeHolder: 'Which missing activity should a pipeline step or file be added for?', matchOnDescription: true, matchOnDetail: true });
            if (!pick)
                return false;
            activity = pick.a;
        }
        const probes = args.probe ? [args.probe] : neededProbes(result, activity);
        const entries = da.index.all();
        const relPath = uri ? da.path : undefined;
        const optionsIn = (files) => {
            const out = [];
            for (const entry of files) {
                for (const o of (0, guidance_1.fixesFor)(catalogue, result, entry, gapOn(entry, probes, activity), entries)) {
                    if (!out.some((x) => x.templateId === o.templateId && x.path === o.path))
                        out.push(o);
                }
            }
            return out;
        };
        // The given file first; when nothing fits there (a Dockerfile for a CI scanner), the workspace's files.
        let options = optionsIn(candidateFiles(entries, relPath));
        if (!options.length && relPath)
            options = optionsIn(candidateFiles(entries, undefined));
        const what = activity ? `"${activity.activity.name}"` : `the check ${args.probe}`;
        if (!options.length) {
            void vscode.window.showInformationMessage(`DSOMM: there is no fix to insert for ${what}.`);
            return false;
        }
        let option = options[0];
        if (options.length > 1) {
            const pick = await vscode.window.showQuickPick(options.map((o, i) => ({ label: o.title, description: o.kind === 'create' ? `new file ${o.path}` : o.path, detail: i === 0 ? 'most relevant' : undefined, o })), { title: `DSOMM: insert a fix for ${what}`, placeHolder: 'Which fix, in which file?', matchOnDescription: true });
            if (!pick)
                return false;
            option = pick.o;
        }
        return applier.apply({ folder, option });
    });
}
//# sourceMappingURL=insertFix.js.map