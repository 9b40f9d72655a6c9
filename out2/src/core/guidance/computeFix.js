"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.dialectOf = dialectOf;
exports.fill = fill;
exports.computeFix = computeFix;
// computeFix: a template of model/fixes.yaml applied to one file, as minimal text edits from
// exact positions (or a file to create). The file's formatting, comments and line breaks stay;
// structures that are not block style are not edited: the result says why and carries the
// snippet for the user to paste. Every edit is re-parsed with the engine's parser before it is
// returned: an edit that would add a parse error is refused the same way.
const yaml_1 = require("yaml");
const yaml_2 = require("../yaml");
const fs_1 = require("../fs");
const parseFile_1 = require("../scan/parse/parseFile");
const dockerfileEdit_1 = require("./dockerfileEdit");
const ecosystems_1 = require("./ecosystems");
const jenkinsEdit_1 = require("./jenkinsEdit");
const workspaceAnswers_1 = require("./workspaceAnswers");
const text_1 = require("./text");
const types_1 = require("./types");
const yamlEdit_1 = require("./yamlEdit");
/** The dialect a file kind is edited as (undefined: no fix applies to such files). */
function dialectOf(kind) {
    return kind && types_1.FIX_DIALECTS.includes(kind) ? kind : undefined;
}
class CannotPlace extends Error {
    reason;
    snippet;
    constructor(reason, snippet) {
        super(reason);
        this.reason = reason;
        this.snippet = snippet;
    }
}
function cannot(reason, snippet) {
    throw new CannotPlace(reason, snippet);
}
function relevantDockerfiles(files) {
    const depth = (p) => p.split('/').length;
    const named = (p) => (/(^|\/)Dockerfile$/.test(p) ? 0 : 1);
    return files
        .filter((f) => f.kind === 'dockerfile' && !f.outOfScope)
        .map((f) => f.path)
        .sort((a, b) => depth(a) - depth(b) || named(a) - named(b) || (a < b ? -1 : 1));
}
function templateVars(t, files, ecos) {
    const dockerfilesList = relevantDockerfiles(files);
    // The image the pipelines already build is the one to scan (its Dockerfile and context), else the most relevant Dockerfile.
    const built = (0, workspaceAnswers_1.pipelineImageBuild)(files);
    const first = built?.dockerfile ?? dockerfilesList[0] ?? 'Dockerfile';
    const npm = ecos.find((e) => e.ecosystem === 'npm');
    const npmLockDirs = files.filter((f) => !f.outOfScope && /(^|\/)(package-lock\.json|npm-shrinkwrap\.json)$/.test(f.path)).map((f) => (0, fs_1.dirname)(f.path));
    const npmDir = npmLockDirs.sort((a, b) => a.split('/').length - b.split('/').length || (a < b ? -1 : 1))[0] ?? npm?.dirs[0] ?? '';
    const pipFiles = files.filter((f) => !f.outOfScope && /^requirements.*\.txt$/i.test((0, fs_1.basename)(f.path))).map((f) => f.path).sort();
    const pip = ecos.find((e) => e.ecosystem === 'pip');
    const pipTarget = pipFiles.length ? `-r ${(0, ecosystems_1.shellWord)(pipFiles[0])}` : pip ? (0, ecosystems_1.shellWord)(pip.dirs[0] || '.') : '';
    return {
        label: t.label,
        dockerfile: (0, ecosystems_1.shellWord)(first),
        context: (0, ecosystems_1.shellWord)(built?.context ?? ((0, fs_1.dirname)(first) || '.')),
        dockerfiles: (dockerfilesList.length ? dockerfilesList : ['Dockerfile']).map(ecosystems_1.shellWord).join(' '),
        npmDir: (0, ecosystems_1.shellWord)(npmDir || '.'),
        pipTarget: pipTarget || '.',
        codeqlLanguages: (0, ecosystems_1.codeqlLanguages)(ecos),
    };
}
const VAR_RE = /\{\{\s*([A-Za-z]+)\s*\}\}/g;
/**
 * Fills `{{name}}` variables. A line whose variables are all empty is left out, and so is a
 * `key:` line just above it that is left without children.
 */
function fill(snippet, vars, escape = (v) => v) {
    const lines = snippet.trimEnd().split(/\r?\n/);
    const out = [];
    for (const line of lines) {
        const names = [...line.matchAll(VAR_RE)].map((m) => m[1]);
        if (names.length && names.every((n) => (vars[n] ?? '') === '')) {
            out.push(undefined);
            continue;
        }
        out.push(line.replace(VAR_RE, (_, n) => escape(vars[n] ?? '')));
    }
    // Drop parents left empty by dropped children.
    for (let i = 0; i < out.length; i++) {
        const l = out[i];
        if (l === undefined || !/:\s*$/.test(l))
            continue;
        if (out[i + 1] !== undefined || i + 1 >= out.length)
            continue;
        let j = i + 1;
        while (j < out.length && out[j] === undefined)
            j++;
        const next = out[j];
        if (next === undefined || (0, text_1.indentOf)(next) <= (0, text_1.indentOf)(l))
            out[i] = undefined;
    }
    return out.filter((l) => l !== undefined).join('\n');
}
function unique(base, taken, sep = '-') {
    if (!taken.has(base))
        return base;
    for (let i = 2;; i++)
        if (!taken.has(`${base}${sep}${i}`))
            return `${base}${sep}${i}`;
}
// ---------------------------------------------------------------------------------------------
// Edits
function insertAfterLine(yt, line, block, blankBefore) {
    const eol = yt.eol;
    return (0, text_1.insertAt)(line, yt.lines[line].length, eol + (blankBefore ? eol : '') + block.join(eol));
}
function insertBeforeLine(yt, line, block, blankAfter) {
    return (0, text_1.insertAt)(line, 0, block.join(yt.eol) + yt.eol + (blankAfter ? yt.eol : ''));
}
/** Edits at the same position merged in order (one insertion per place). */
function mergeEdits(edits) {
    const out = [];
    for (const e of edits) {
        const same = out.find((o) => o.range.start.line === e.range.start.line && o.range.start.character === e.range.start.character && o.range.end.line === o.range.start.line && o.range.end.character === o.range.start.character && e.range.end.line === e.range.start.line && e.range.end.character === e.range.start.character);
        if (same)
            same.newText += e.newText;
        else
            out.push({ ...e });
    }
    return out;
}
function openBlockYaml(text) {
    const yt = (0, yamlEdit_1.openYamlText)(text);
    if (yt.errors.length)
        cannot(`the file has YAML errors (${yt.errors[0]})`);
    const root = (0, yamlEdit_1.rootMap)(yt);
    if (!root)
        cannot('the file has no top-level mapping');
    if ((0, yamlEdit_1.isFlow)(root))
        cannot('the file is written in flow style ({ … })');
    return { yt, root: root };
}
function mapKeys(map) {
    const out = new Set();
    if ((0, yaml_1.isMap)(map))
        for (const i of map.items) {
            const k = (0, yamlEdit_1.keyText)(i);
            if (k !== undefined)
                out.add(k);
        }
    return out;
}
/** Appends a `key:`-first snippet to the block mapping under `key` (GitHub/CircleCI `jobs:`). Returns the edit and the id used. */
function appendToMap(yt, root, key, snippet, idBase, vars, snippetForError) {
    const pair = (0, yamlEdit_1.pairOf)(root, key);
    if (!pair)
        cannot(`the file has no \`${key}:\``, snippetForError());
    const k = (0, yamlEdit_1.keyStart)(yt, pair);
    const v = pair.value;
    let childCol;
    let unit;
    let blank;
    let taken = new Set();
    if ((0, yaml_1.isMap)(v) && !(0, yamlEdit_1.isFlow)(v) && v.items.length) {
        const map = v;
        taken = mapKeys(map);
        childCol = (0, yamlEdit_1.keyStart)(yt, map.items[0]).col;
        unit = (0, yamlEdit_1.childUnit)(yt, map);
        const lastKey = (0, yamlEdit_1.keyStart)(yt, map.items[map.items.length - 1]).line;
        blank = map.items.length > 1 ? (0, text_1.isBlank)(yt.lines[lastKey - 1] ?? '') : true;
    }
    else if ((0, yamlEdit_1.isNullValue)(v)) {
        unit = (0, yamlEdit_1.detectUnit)(yt.lines);
        childCol = k.col + unit;
        blank = false;
    }
    else
        cannot(`\`${key}:\` is not a block mapping (flow style or a scalar)`, snippetForError());
    const id = unique(idBase, taken);
    const lines = (0, yamlEdit_1.reindentYaml)(fill(snippet, { ...vars, id }), childCol, unit);
    return { edit: insertAfterLine(yt, (0, yamlEdit_1.blockEnd)(yt.lines, k.line, k.col), lines, blank), id };
}
/** Appends an item to a block sequence (`- …`). */
function appendToSeq(yt, pair, item, what, snippet) {
    const k = (0, yamlEdit_1.keyStart)(yt, pair);
    const v = pair.value;
    const unit = (0, yamlEdit_1.detectUnit)(yt.lines);
    if ((0, yaml_1.isSeq)(v) && !(0, yamlEdit_1.isFlow)(v) && v.items.length) {
        const col = (0, yamlEdit_1.dashColumn)(yt, v);
        if (col === undefined)
            cannot(`the items of \`${what}\` could not be located`, snippet);
        return insertAfterLine(yt, (0, yamlEdit_1.blockEnd)(yt.lines, k.line, k.col), (0, yamlEdit_1.reindentYaml)(item, col, unit), false);
    }
    if ((0, yamlEdit_1.isNullValue)(v))
        return insertAfterLine(yt, (0, yamlEdit_1.blockEnd)(yt.lines, k.line, k.col), (0, yamlEdit_1.reindentYaml)(item, k.col + unit, unit), false);
    return cannot(`\`${what}\` is not a block list (flow style or a scalar)`, snippet);
}
// ---------------------------------------------------------------------------------------------
// Dialects
function githubJob(text, t, dt, vars, files) {
    const { yt, root } = openBlockYaml(text);
    // An action the workspace already pins by SHA gets that pin, so the new job adds no unpinned-action finding.
    const job = (0, workspaceAnswers_1.reusePins)(dt.job, (0, workspaceAnswers_1.actionPins)(files));
    const { edit } = appendToMap(yt, root, 'jobs', job, t.name, vars, () => fill(job, { ...vars, id: t.name }));
    return [edit];
}
function circleJob(text, t, dt, vars, notes) {
    const { yt, root } = openBlockYaml(text);
    const { edit, id } = appendToMap(yt, root, 'jobs', dt.job, t.name, vars, () => fill(dt.job, { ...vars, id: t.name }));
    const edits = [edit];
    const wfs = (0, yamlEdit_1.pairOf)(root, 'workflows');
    if (!wfs) {
        notes.push(`The config has no \`workflows:\`; add \`${id}\` to a workflow so that it runs.`);
        return edits;
    }
    if (!(0, yaml_1.isMap)(wfs.value) || (0, yamlEdit_1.isFlow)(wfs.value))
        cannot('`workflows:` is not a block mapping');
    const wf = wfs.value.items.find((i) => (0, yamlEdit_1.keyText)(i) !== 'version' && (0, yaml_1.isMap)(i.value));
    if (!wf)
        cannot('no workflow to add the job to');
    const jobs = (0, yamlEdit_1.pairOf)(wf.value, 'jobs');
    if (!jobs)
        cannot(`workflow \`${(0, yamlEdit_1.keyText)(wf)}\` has no \`jobs:\``);
    edits.push(appendToSeq(yt, jobs, `- ${id}`, `workflows.${(0, yamlEdit_1.keyText)(wf)}.jobs`));
    return edits;
}
const GITLAB_DEFAULT_STAGES = ['build', 'test', 'deploy'];
const DEPLOY_LIKE = /deploy|release|publish|prod|staging|review/i;
function seqStrings(seq) {
    if (!(0, yaml_1.isSeq)(seq))
        return [];
    return seq.items.map((i) => (i && typeof i === 'object' && 'value' in i ? String(i.value) : ''));
}
/** Edits that make `name` a stage of the pipeline (none when it already is one). */
function ensureGitlabStage(yt, root, name) {
    const pair = (0, yamlEdit_1.pairOf)(root, 'stages');
    const unit = (0, yamlEdit_1.detectUnit)(yt.lines);
    if (!pair) {
        if (GITLAB_DEFAULT_STAGES.includes(name))
            return [];
        // Without `stages:` GitLab uses build, test, deploy: write them down with the new one.
        const first = root.items[0];
        const at = (0, yamlEdit_1.keyStart)(yt, first);
        const block = (0, yamlEdit_1.reindentYaml)(['stages:', ...[...GITLAB_DEFAULT_STAGES, name].map((s) => `  - ${s}`)].join('\n'), at.col, unit);
        return [insertBeforeLine(yt, at.line, block, true)];
    }
    const v = pair.value;
    const stages = seqStrings(v);
    if (stages.includes(name))
        return [];
    const beforeIdx = name === 'build' ? 0 : name === 'dast' ? -1 : stages.findIndex((s) => DEPLOY_LIKE.test(s));
    if ((0, yaml_1.isSeq)(v) && (0, yamlEdit_1.isFlow)(v)) {
        const seq = v;
        const start = (0, yamlEdit_1.nodeStart)(yt, seq);
        const endOff = seq.range[1];
        const end = yt.lc.linePos(endOff);
        if (end.line - 1 !== start.line)
            cannot('`stages:` is a flow list over several lines');
        if (beforeIdx >= 0 && seq.items[beforeIdx]) {
            const at = (0, yamlEdit_1.nodeStart)(yt, seq.items[beforeIdx]);
            return [(0, text_1.insertAt)(at.line, at.col, `${name}, `)];
        }
        // Before the closing bracket.
        const line = yt.lines[start.line];
        const close = line.lastIndexOf(']', end.col - 1);
        if (close < 0)
            cannot('`stages:` could not be read');
        return [(0, text_1.insertAt)(start.line, close, seq.items.length ? `, ${name}` : name)];
    }
    if (!(0, yaml_1.isSeq)(v))
        cannot('`stages:` is not a list');
    const seq = v;
    if (beforeIdx >= 0 && seq.items[beforeIdx]) {
        const col = (0, yamlEdit_1.dashColumn)(yt, seq);
        const at = (0, yamlEdit_1.nodeStart)(yt, seq.items[beforeIdx]);
        if (col === undefined)
            cannot('the stages could not be located');
        return [(0, text_1.insertAt)(at.line, 0, `${' '.repeat(col)}- ${name}${yt.eol}`)];
    }
    return [appendToSeq(yt, pair, `- ${name}`, 'stages')];
}
function gitlabStageFor(root, prefs) {
    const stages = (0, yamlEdit_1.pairOf)(root, 'stages') ? seqStrings((0, yamlEdit_1.pairOf)(root, 'stages').value) : GITLAB_DEFAULT_STAGES;
    return prefs.find((p) => stages.includes(p)) ?? prefs[0] ?? 'test';
}
function gitlab(text, t, dt, vars, notes) {
    const { yt, root } = openBlockYaml(text);
    const edits = [];
    const unit = (0, yamlEdit_1.detectUnit)(yt.lines);
    const rootCol = (0, yamlEdit_1.keyStart)(yt, root.items[0])?.col ?? 0;
    const stage = dt.include ? dt.stage[0] : gitlabStageFor(root, dt.stage ?? ['test']);
    edits.push(...ensureGitlabStage(yt, root, stage));
    if (dt.include) {
        const inc = (0, yamlEdit_1.pairOf)(root, 'include');
        const item = `- template: ${dt.include}`;
        if (!inc) {
            const block = (0, yamlEdit_1.reindentYaml)(`include:\n  ${item}`, rootCol, unit);
            const stages = (0, yamlEdit_1.pairOf)(root, 'stages');
            if (stages) {
                const k = (0, yamlEdit_1.keyStart)(yt, stages);
                edits.push(insertAfterLine(yt, (0, yamlEdit_1.blockEnd)(yt.lines, k.line, k.col), ['', ...block], false));
            }
            else {
                const at = (0, yamlEdit_1.keyStart)(yt, root.items[0]);
                edits.push(insertBeforeLine(yt, at.line, block, true));
            }
        }
        else {
            const v = inc.value;
            const already = (0, yaml_1.isSeq)(v) && v.items.some((i) => (0, yaml_1.isMap)(i) && ((0, yaml_2.scalarText)((0, yamlEdit_1.pairOf)(i, 'template')?.value) ?? '') === dt.include);
            if (already)
                notes.push(`${dt.include} is already included.`);
            else if ((0, yaml_1.isSeq)(v) && !(0, yamlEdit_1.isFlow)(v))
                edits.push(appendToSeq(yt, inc, item, 'include'));
            else if (v && typeof v === 'object' && 'range' in v && !(0, yaml_1.isMap)(v) && !(0, yaml_1.isSeq)(v)) {
                // `include: path.yml` on one line: becomes a list of the old entry and the template.
                const r = v.range;
                const s = yt.lc.linePos(r[0]);
                const e = yt.lc.linePos(r[1]);
                if (s.line !== e.line)
                    cannot('`include:` is a multi-line scalar');
                const k = (0, yamlEdit_1.keyStart)(yt, inc);
                const indent = ' '.repeat(k.col + unit);
                const old = yt.text.slice(r[0], r[1]);
                edits.push({ range: (0, text_1.range0)(s.line - 1, s.col - 1, e.line - 1, e.col - 1), newText: `${yt.eol}${indent}- ${old}${yt.eol}${indent}${item}` });
                // The space between `include:` and the old value stays as trailing space: remove it.
                const keyLine = yt.lines[s.line - 1];
                const colon = keyLine.lastIndexOf(':', s.col - 2);
                if (colon >= 0 && colon + 1 < s.col - 1)
                    edits.push({ range: (0, text_1.range0)(s.line - 1, colon + 1, s.line - 1, s.col - 1), newText: '' });
            }
            else
                cannot('`include:` is written in flow style or as a single mapping', `include:\n  ${item}`);
        }
    }
    if (dt.variables) {
        const varsPair = (0, yamlEdit_1.pairOf)(root, 'variables');
        const lines = dt.variables.trimEnd().split(/\r?\n/);
        const keys = lines.map((l) => /^([A-Za-z_][A-Za-z0-9_]*)\s*:/.exec(l)?.[1]).filter((k) => !!k);
        const taken = varsPair ? mapKeys(varsPair.value) : new Set();
        const fresh = lines.filter((l) => {
            const k = /^([A-Za-z_][A-Za-z0-9_]*)\s*:/.exec(l)?.[1];
            return !k || !taken.has(k);
        });
        if (keys.every((k) => taken.has(k)))
            notes.push(`The pipeline already sets ${keys.join(', ')}.`);
        else if (varsPair && (0, yaml_1.isMap)(varsPair.value) && !(0, yamlEdit_1.isFlow)(varsPair.value) && varsPair.value.items.length) {
            const k = (0, yamlEdit_1.keyStart)(yt, varsPair);
            const col = (0, yamlEdit_1.keyStart)(yt, varsPair.value.items[0]).col;
            edits.push(insertAfterLine(yt, (0, yamlEdit_1.blockEnd)(yt.lines, k.line, k.col), fresh.map((l) => ' '.repeat(col) + l), false));
        }
        else if (varsPair && (0, yamlEdit_1.isNullValue)(varsPair.value)) {
            const k = (0, yamlEdit_1.keyStart)(yt, varsPair);
            edits.push(insertAfterLine(yt, k.line, fresh.map((l) => ' '.repeat(k.col + unit) + l), false));
        }
        else if (varsPair)
            cannot('`variables:` is written in flow style', `variables:\n${indentBlock(dt.variables, 2)}`);
        else {
            const block = (0, yamlEdit_1.reindentYaml)(`variables:\n${indentBlock(fresh.join('\n'), 2)}`, rootCol, unit);
            const at = (0, yamlEdit_1.pairOf)(root, 'include') ?? (0, yamlEdit_1.pairOf)(root, 'stages');
            if (at) {
                const k = (0, yamlEdit_1.keyStart)(yt, at);
                edits.push(insertAfterLine(yt, (0, yamlEdit_1.blockEnd)(yt.lines, k.line, k.col), ['', ...block], false));
            }
            else
                edits.push(insertBeforeLine(yt, (0, yamlEdit_1.keyStart)(yt, root.items[0]).line, block, true));
        }
    }
    if (dt.job) {
        const keyLine = dt.job.split('\n')[0];
        const fixedKey = /\{\{\s*id\s*\}\}/.test(keyLine) ? undefined : keyLine.replace(/:\s*$/, '').trim();
        const taken = mapKeys(root);
        if (fixedKey && taken.has(fixedKey))
            notes.push(`The pipeline already has a \`${fixedKey}\` job: set its variables there.`);
        else {
            const id = unique(t.name, taken);
            const lines = (0, yamlEdit_1.reindentYaml)(fill(dt.job, { ...vars, id, stage }), rootCol, unit);
            let last = yt.lines.length - 1;
            while (last > 0 && ((0, text_1.isBlank)(yt.lines[last]) || /^(---|\.\.\.)\s*$/.test(yt.lines[last])))
                last--;
            edits.push(insertAfterLine(yt, last, lines, true));
        }
    }
    return edits;
}
const AZURE_NAME = (s) => s.replace(/[^A-Za-z0-9_]/g, '_');
function azurePool(lines) {
    for (let i = 0; i < lines.length; i++) {
        const m = /^(\s*)pool:\s*(.*?)\s*(#.*)?$/.exec(lines[i]);
        if (!m)
            continue;
        if (m[2] && !m[2].startsWith('{') && !m[2].startsWith('$'))
            return `pool: ${m[2]}`;
        const col = m[1].length;
        for (let j = i + 1; j < lines.length && ((0, text_1.isBlank)(lines[j]) || (0, text_1.indentOf)(lines[j]) > col); j++) {
            const v = /^\s*vmImage:\s*(['"]?)([^'"#\s]+)\1/.exec(lines[j]);
            if (v)
                return /windows|macos/i.test(v[2]) ? 'pool:\n  vmImage: ubuntu-latest' : `pool:\n  vmImage: ${v[2]}`;
            const n = /^\s*name:\s*(['"]?)([^'"#]+?)\1\s*(#.*)?$/.exec(lines[j]);
            if (n)
                return `pool:\n  name: ${n[2].includes(':') ? JSON.stringify(n[2]) : n[2]}`;
        }
    }
    return 'pool:\n  vmImage: ubuntu-latest';
}
function indentBlock(text, by) {
    return text.split('\n').map((l) => (l.trim() ? ' '.repeat(by) + l : l)).join('\n');
}
function azure(text, t, dt, vars) {
    const { yt, root } = openBlockYaml(text);
    const steps = fill(dt.steps, vars);
    const names = (re) => new Set([...text.matchAll(re)].map((m) => m[1]));
    const jobName = unique(AZURE_NAME(t.name), names(/^\s*-?\s*(?:job|deployment):\s*['"]?([A-Za-z0-9_]+)/gm), '_');
    const job = [`- job: ${jobName}`, `  displayName: ${t.label}`, indentBlock(azurePool(yt.lines), 2), '  steps:', indentBlock(steps, 4)].join('\n');
    const stagesPair = (0, yamlEdit_1.pairOf)(root, 'stages');
    const jobsPair = (0, yamlEdit_1.pairOf)(root, 'jobs');
    const stepsPair = (0, yamlEdit_1.pairOf)(root, 'steps');
    if (stagesPair) {
        const stageName = unique(AZURE_NAME(t.name), names(/^\s*-?\s*stage:\s*['"]?([A-Za-z0-9_]+)/gm), '_');
        const stage = [`- stage: ${stageName}`, `  displayName: ${t.label}`, '  dependsOn: []', '  jobs:', indentBlock(job, 4)].join('\n');
        return [appendToSeq(yt, stagesPair, stage, 'stages', stage)];
    }
    if (jobsPair)
        return [appendToSeq(yt, jobsPair, job, 'jobs', job)];
    if (stepsPair)
        return [appendToSeq(yt, stepsPair, steps, 'steps', steps)];
    return cannot('the pipeline has no `stages:`, `jobs:` or `steps:` of its own (it may extend a template)', job);
}
function bitbucket(text, _t, dt, vars) {
    const { yt, root } = openBlockYaml(text);
    const step = `- step:\n${indentBlock(fill(dt.step, vars), 4)}`;
    const pipelines = (0, yamlEdit_1.pairOf)(root, 'pipelines');
    if (!pipelines)
        cannot('the file has no `pipelines:`', step);
    const v = pipelines.value;
    if (!(0, yaml_1.isMap)(v) || (0, yamlEdit_1.isFlow)(v))
        cannot('`pipelines:` is not a block mapping', step);
    const def = (0, yamlEdit_1.pairOf)(v, 'default');
    if (def)
        return [appendToSeq(yt, def, step, 'pipelines.default', step)];
    const unit = (0, yamlEdit_1.childUnit)(yt, v);
    const first = v.items[0];
    const k = (0, yamlEdit_1.keyStart)(yt, pipelines);
    const col = first ? (0, yamlEdit_1.keyStart)(yt, first).col : k.col + unit;
    const block = (0, yamlEdit_1.reindentYaml)(`default:\n  ${step.replace(/\n/g, '\n  ')}`, col, unit);
    return [insertAfterLine(yt, k.line, block, false)];
}
/** Cloud Build, Buildkite, Drone, Woodpecker: a step appended to the top-level `steps:` list (a Drone file's first pipeline). */
function stepListItem(text, t, dt, vars) {
    const body = fill(dt.item, { ...vars, id: t.name });
    const item = body.split('\n').map((l, i) => (i === 0 ? `- ${l}` : `  ${l}`)).join('\n');
    const { yt, root } = openBlockYaml(text);
    const steps = (0, yamlEdit_1.pairOf)(root, 'steps');
    if (!steps)
        cannot('the file has no `steps:`', item);
    if ((0, yaml_1.isMap)(steps.value))
        cannot('`steps:` is a mapping of named steps: add the step under a name of its own', `${t.name}:\n${indentBlock(body, 2)}`);
    return [appendToSeq(yt, steps, item, 'steps', item)];
}
/** A shell line as a YAML list item: quoted when plain style would read it differently. */
function commandItem(line) {
    return /^[\s"'&*!|>%@`{[\]#?:,-]|: | #|:$/.test(line) ? `- '${line.replace(/'/g, "''")}'` : `- ${line}`;
}
/** CodeBuild: shell lines appended to `phases.build.commands`. */
function buildCommands(text, dt, vars) {
    const lines = fill(dt.commands, vars).split('\n').filter((l) => l.trim() !== '');
    const block = lines.map((l) => (l.trimStart().startsWith('#') ? l.trimStart() : commandItem(l))).join('\n');
    const { yt, root } = openBlockYaml(text);
    const build = (0, yamlEdit_1.pairOf)((0, yamlEdit_1.pairOf)(root, 'phases')?.value, 'build');
    const commands = build ? (0, yamlEdit_1.pairOf)(build.value, 'commands') : undefined;
    if (!commands)
        cannot('the buildspec has no `phases.build.commands`', block);
    return [appendToSeq(yt, commands, block, 'phases.build.commands', block)];
}
function jenkins(text, t, dt, vars) {
    const lines = (0, text_1.splitLines)(text);
    const eol = (0, text_1.eolOf)(text);
    const p = (0, jenkinsEdit_1.jenkinsPlacement)(text, lines);
    const body = fill(dt.steps, vars, (v) => v.replace(/\\/g, '\\\\').replace(/'/g, "\\'"));
    if ('reason' in p)
        cannot(p.reason, `stage(${(0, jenkinsEdit_1.groovyString)(t.label)}) {\n    agent any\n    steps {\n${indentBlock(body, 8)}\n    }\n}`);
    const pl = p;
    const name = pl.names.has(t.label) ? unique(t.label, pl.names, ' ') : t.label;
    const u = pl.unit;
    const out = [];
    if (pl.style === 'declarative') {
        out.push(`${pl.indent}stage(${(0, jenkinsEdit_1.groovyString)(name)}) {`, `${pl.indent}${u}agent any`, `${pl.indent}${u}steps {`, ...(0, jenkinsEdit_1.reindentGroovy)(body, pl.indent + u + u, u), `${pl.indent}${u}}`, `${pl.indent}}`);
    }
    else {
        out.push(`${pl.indent}stage(${(0, jenkinsEdit_1.groovyString)(name)}) {`, ...(0, jenkinsEdit_1.reindentGroovy)(body, pl.indent + u, u), `${pl.indent}}`);
    }
    return [(0, text_1.insertAt)(pl.insertLine, 0, (pl.needsBlank ? eol : '') + out.join(eol) + eol)];
}
function dockerInstructions(path, text, block) {
    const lines = (0, text_1.splitLines)(text);
    const eol = (0, text_1.eolOf)(text);
    const p = (0, dockerfileEdit_1.dockerPlacement)(path, text, lines);
    if ('reason' in p)
        cannot(p.reason, block.join('\n'));
    const pl = p;
    if (pl.beforeLine !== undefined)
        return [(0, text_1.insertAt)(pl.beforeLine, 0, block.join(eol) + eol)];
    return [(0, text_1.insertAt)(pl.afterLine, lines[pl.afterLine].length, eol + block.join(eol))];
}
// ---------------------------------------------------------------------------------------------
// Edit operations (weak controls)
function workflowPermissions(text, dt) {
    const { yt, root } = openBlockYaml(text);
    if ((0, yamlEdit_1.pairOf)(root, 'permissions'))
        cannot('the workflow already sets `permissions:` at the top');
    const jobs = (0, yamlEdit_1.pairOf)(root, 'jobs');
    const anchor = jobs ?? (root.items[root.items.length - 1]);
    const k = (0, yamlEdit_1.keyStart)(yt, anchor);
    let line = k.line;
    while (line > 0 && /^\s*#/.test(yt.lines[line - 1]))
        line--;
    const unit = jobs && (0, yaml_1.isMap)(jobs.value) ? (0, yamlEdit_1.childUnit)(yt, jobs.value) : (0, yamlEdit_1.detectUnit)(yt.lines);
    const block = (0, yamlEdit_1.reindentYaml)(dt.params?.block ?? 'permissions:\n  contents: read', k.col, unit);
    return [insertBeforeLine(yt, line, block, true)];
}
function checkoutPersistCredentials(text, at) {
    const { yt, root } = openBlockYaml(text);
    const jobs = (0, yamlEdit_1.pairOf)(root, 'jobs');
    if (!jobs || !(0, yaml_1.isMap)(jobs.value))
        cannot('the workflow has no `jobs:` mapping');
    const edits = [];
    let flowSteps = 0;
    for (const j of jobs.value.items) {
        const steps = (0, yamlEdit_1.pairOf)(j.value, 'steps');
        if (!steps || !(0, yaml_1.isSeq)(steps.value))
            continue;
        const items = steps.value.items;
        items.forEach((item, idx) => {
            const uses = (0, yamlEdit_1.pairOf)(item, 'uses');
            const u = uses && ((0, yaml_2.scalarText)(uses.value) ?? '');
            if (!u || !/^actions\/checkout(@|$)/.test(u))
                return;
            const start = (0, yamlEdit_1.nodeStart)(yt, item);
            const nextStart = items[idx + 1] ? (0, yamlEdit_1.nodeStart)(yt, items[idx + 1]).line : Infinity;
            if (at && !at.some((l) => l.line - 1 >= start.line && l.line - 1 < nextStart))
                return;
            if ((0, yamlEdit_1.isFlow)(item)) {
                flowSteps++;
                return;
            }
            const firstKey = (0, yamlEdit_1.keyStart)(yt, item.items[0]);
            const unit = (0, yamlEdit_1.detectUnit)(yt.lines);
            const w = (0, yamlEdit_1.pairOf)(item, 'with');
            if (!w) {
                const dash = (yt.lines[start.line] ?? '').lastIndexOf('-', start.col - 1);
                const end = (0, yamlEdit_1.blockEnd)(yt.lines, start.line, dash >= 0 ? dash : start.col - 2, false);
                edits.push(insertAfterLine(yt, end, (0, yamlEdit_1.reindentYaml)('with:\n  persist-credentials: false', firstKey.col, unit), false));
                return;
            }
            const wk = (0, yamlEdit_1.keyStart)(yt, w);
            const pc = (0, yamlEdit_1.pairOf)(w.value, 'persist-credentials');
            if (pc) {
                const val = pc.value;
                if (String(val?.value) === 'false' || !val?.range)
                    return;
                const s = yt.lc.linePos(val.range[0]);
                const e = yt.lc.linePos(val.range[1]);
                edits.push({ range: (0, text_1.range0)(s.line - 1, s.col - 1, e.line - 1, e.col - 1), newText: 'false' });
                return;
            }
            if ((0, yaml_1.isMap)(w.value) && !(0, yamlEdit_1.isFlow)(w.value) && w.value.items.length) {
                const col = (0, yamlEdit_1.keyStart)(yt, w.value.items[0]).col;
                edits.push(insertAfterLine(yt, (0, yamlEdit_1.blockEnd)(yt.lines, wk.line, wk.col), [' '.repeat(col) + 'persist-credentials: false'], false));
            }
            else if ((0, yamlEdit_1.isNullValue)(w.value)) {
                edits.push(insertAfterLine(yt, wk.line, [' '.repeat(wk.col + unit) + 'persist-credentials: false'], false));
            }
            else
                flowSteps++;
        });
    }
    if (!edits.length)
        cannot(flowSteps ? 'the checkout step is written in flow style' : 'no actions/checkout step without `persist-credentials: false` was found');
    return edits;
}
function finalStageUser(path, text, dt) {
    const lines = (0, text_1.splitLines)(text);
    const p = (0, dockerfileEdit_1.dockerPlacement)(path, text, lines);
    if ('reason' in p)
        cannot(p.reason);
    const pl = p;
    const family = (0, dockerfileEdit_1.imageFamily)(pl.stage, pl.file);
    const snippet = dt.params?.[family] ?? dt.params?.other ?? 'USER 10001:10001';
    return dockerInstructions(path, text, snippet.trimEnd().split(/\r?\n/));
}
/** Image references with a moving or missing tag, with their exact place. */
function movingImages(kind, path, text) {
    const parsed = (0, parseFile_1.parseFile)(kind, path, text);
    const out = [];
    const moving = (img) => {
        if (img.includes('@') || img.includes('$') || img.includes('{{'))
            return false;
        const slash = img.lastIndexOf('/');
        const colon = img.lastIndexOf(':');
        return colon <= slash || img.slice(colon + 1).toLowerCase() === 'latest';
    };
    if (parsed?.kind === 'dockerfile') {
        for (const s of parsed.stages)
            if (s.parent === undefined && !s.scratch && !s.image.unresolved && moving(s.from.value))
                out.push({ loc: s.from.loc, image: s.from.value });
    }
    else if (parsed?.kind === 'compose') {
        for (const s of parsed.services)
            if (s.image && !s.build && moving(s.image.value))
                out.push({ loc: s.image.loc, image: s.image.value });
    }
    else if (parsed?.kind === 'kubernetes') {
        for (const r of parsed.resources)
            for (const c of [...(r.pod?.initContainers ?? []), ...(r.pod?.containers ?? [])])
                if (c.image && moving(c.image.value))
                    out.push({ loc: c.image.loc, image: c.image.value });
    }
    return out;
}
function imageTagPlaceholder(kind, path, text, dt, at) {
    const placeholder = dt.params?.tag ?? '<pin-a-version>';
    const lines = (0, text_1.splitLines)(text);
    const targets = movingImages(kind, path, text).filter((m) => !at || at.some((l) => m.loc.line === l.line));
    const edits = [];
    for (const m of targets) {
        if (m.loc.line !== m.loc.endLine)
            continue;
        const written = lines[m.loc.line - 1].slice(m.loc.column - 1, m.loc.endColumn - 1);
        if (written !== m.image)
            continue;
        const next = (0, dockerfileEdit_1.pinPlaceholder)(written, placeholder);
        if (next)
            edits.push({ range: (0, text_1.range0)(m.loc.line - 1, m.loc.column - 1, m.loc.line - 1, m.loc.endColumn - 1), newText: next });
    }
    if (!edits.length)
        cannot('no image with a `latest` or missing tag was found here');
    return edits;
}
const CANNOT_FAIL_RE = /\b(continue-on-error|allow_failure|continueOnError)(\s*:\s*)(['"]?)(true|True|TRUE|yes|Yes|on|On)\3(?=\s*(#|$))/;
function scannerMustFail(kind, path, text, at) {
    const lines = (0, text_1.splitLines)(text);
    let targets;
    if (at)
        targets = [...new Set(at.map((l) => l.line - 1))];
    else {
        const parsed = (0, parseFile_1.parseFile)(kind, path, text);
        const locs = (parsed?.jobs ?? []).flatMap((j) => [j.cannotFail, ...j.steps.map((s) => s.cannotFail)]).filter((l) => !!l && l.path === path);
        targets = [...new Set(locs.map((l) => l.line - 1))];
    }
    const edits = [];
    for (const line of targets) {
        const m = CANNOT_FAIL_RE.exec(lines[line] ?? '');
        if (!m)
            continue;
        const start = m.index + m[1].length + m[2].length;
        edits.push({ range: (0, text_1.range0)(line, start, line, start + m[3].length * 2 + m[4].length), newText: 'false' });
    }
    if (!edits.length)
        cannot('no `continue-on-error: true` / `allow_failure: true` / `continueOnError: true` was found here');
    return edits;
}
// ---------------------------------------------------------------------------------------------
function snippetOf(dt, vars, t) {
    const s = dt.job ?? dt.steps ?? dt.step ?? dt.item ?? dt.commands ?? dt.instructions;
    return s ? fill(s, { ...vars, id: t.name, stage: dt.stage?.[0] ?? 'test' }) : dt.include ? `include:\n  - template: ${dt.include}` : undefined;
}
function errorCount(kind, path, text) {
    try {
        const p = (0, parseFile_1.parseFile)(kind, path, text);
        return p ? p.problems.filter((x) => x.severity === 'error').length : 0;
    }
    catch {
        return Number.MAX_SAFE_INTEGER;
    }
}
/** Edits to what the file already holds (`edit:` in model/fixes.yaml), one per operation. */
const HARDENING_EDITS = {
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
/** Where each dialect takes a new control: a CI system missing here fails to compile. */
const PLACEMENTS = {
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
    dockerfile: (i) => dockerInstructions(i.path, i.text, fill(i.dt.instructions, i.vars).split('\n')),
};
/**
 * Applies template `templateId` to `entry`'s file (`text` is its current content). File-creation
 * templates ignore `entry` and `text`. `context.files` (the index entries) feeds ecosystems and
 * Dockerfile paths; `context.at` limits spot fixes to the diagnostic's place.
 */
function computeFix(fixes, templateId, entry, text, context = {}) {
    const t = fixes.byId.get(templateId);
    const path = entry?.path ?? '';
    if (!t)
        return { kind: 'cannot-place', path, title: templateId, reason: `unknown fix "${templateId}"` };
    const files = context.files ?? [];
    const ecos = (0, ecosystems_1.detectEcosystems)(files);
    const vars = templateVars(t, files, ecos);
    const repo = t.dialects.repository;
    if (repo?.createFile) {
        const eol = text && entry ? (0, text_1.eolOf)(text) : '\n';
        const content = repo.generator === 'dependabot' ? (0, ecosystems_1.dependabotConfig)(ecos, eol) : repo.generator === 'renovate' ? (0, ecosystems_1.renovateConfig)(ecos, files, eol) : (repo.content ?? '').replace(/\r?\n/g, eol);
        if (files.some((f) => f.path === repo.createFile)) {
            return { kind: 'cannot-place', path: repo.createFile, title: t.title, reason: `${repo.createFile} already exists; it is never overwritten.`, snippet: content };
        }
        return { kind: 'create-file', path: repo.createFile, content, title: t.title, notes: [] };
    }
    const dialect = dialectOf(entry?.kind);
    const dt = dialect ? t.dialects[dialect] : undefined;
    if (!entry || !dialect || !dt)
        return { kind: 'cannot-place', path, title: t.title, reason: `"${t.title}" has no template for ${entry?.kind ?? 'this file'}` };
    const notes = [];
    const spots = context.places?.length ? context.places : context.at ? [context.at] : undefined;
    try {
        const input = { text, path: entry.path, kind: entry.kind, template: t, dt, vars, files, notes, spots };
        let edits;
        if (dt.edit)
            edits = HARDENING_EDITS[dt.edit](input);
        else if (dialect in PLACEMENTS)
            edits = PLACEMENTS[dialect](input);
        else
            return { kind: 'cannot-place', path, title: t.title, reason: `no placement for ${dialect}` };
        edits = mergeEdits(edits);
        if (!edits.length)
            return { kind: 'cannot-place', path, title: t.title, reason: notes[0] ?? 'nothing to change', snippet: snippetOf(dt, vars, t) };
        const after = (0, text_1.applyEdits)(text, edits);
        const errorsAfter = errorCount(entry.kind, entry.path, after);
        if (errorsAfter > 0 && errorsAfter > errorCount(entry.kind, entry.path, text)) {
            return { kind: 'cannot-place', path, title: t.title, reason: 'the edit would not parse cleanly, so it was not applied', snippet: snippetOf(dt, vars, t) };
        }
        return { kind: 'edits', path, edits, title: t.title, notes };
    }
    catch (e) {
        if (e instanceof CannotPlace)
            return { kind: 'cannot-place', path, title: t.title, reason: `Cannot place automatically: ${e.reason}.`, snippet: e.snippet ?? snippetOf(dt, vars, t) };
        throw e;
    }
}
//# sourceMappingURL=computeFix.js.map