"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.scanHelmTemplate = scanHelmTemplate;
const WORKLOAD_KINDS = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'ReplicationController', 'Job', 'CronJob', 'Pod', 'Rollout']);
const KIND_LINE = /^kind:\s*["']?([A-Za-z]+)["']?\s*$/;
const SETTING_LINE = /^(\s*)(?:-\s+)?(livenessProbe|readinessProbe|startupProbe|securityContext):(.*)$/;
const CONTAINERS_LINE = /^(\s*)(?:containers|initContainers):/;
const ACTION_ONLY = /^\s*\{\{.*\}\}\s*$/;
const VALUES_PATH = /\.Values((?:\.[A-Za-z_][\w-]*)+)/;
const BOOL_FIELD = /^\s*(runAsNonRoot|readOnlyRootFilesystem|allowPrivilegeEscalation|privileged):\s*(true|false)\s*(#.*)?$/;
const NUMBER_FIELD = /^\s*(runAsUser|runAsGroup):\s*(\d+)\s*(#.*)?$/;
/** A template longer than this is not scanned (real charts stay far below). */
const MAX_TEMPLATE_CHARS = 2_000_000;
function indentOf(line) {
    return line.length - line.trimStart().length;
}
function valuesPathIn(text) {
    const m = VALUES_PATH.exec(text);
    return m ? m[1].slice(1) : undefined;
}
function scanHelmTemplate(path, text) {
    const scan = { workloads: [] };
    if (text.length > MAX_TEMPLATE_CHARS)
        return scan;
    const lines = text.split(/\r?\n/);
    let start = 0;
    for (let i = 0; i <= lines.length; i++) {
        if (i === lines.length || /^---/.test(lines[i])) {
            const w = scanDocument(path, lines, start, i);
            if (w)
                scan.workloads.push(w);
            start = i + 1;
        }
    }
    return scan;
}
function lineLoc(path, lines, i, from = 0, to) {
    const line = lines[i];
    const column = from + 1;
    return { path, line: i + 1, column, endLine: i + 1, endColumn: (to ?? line.trimEnd().length) + 1 };
}
function scanDocument(path, lines, from, to) {
    let kindAt = -1;
    let kind = '';
    let containersIndent;
    for (let i = from; i < to; i++) {
        const m = KIND_LINE.exec(lines[i]);
        if (m && kindAt < 0) {
            kindAt = i;
            kind = m[1];
        }
        const c = CONTAINERS_LINE.exec(lines[i]);
        if (c && containersIndent === undefined)
            containersIndent = c[1].length;
    }
    if (kindAt < 0 || !WORKLOAD_KINDS.has(kind))
        return undefined;
    const workload = { kind, loc: lineLoc(path, lines, kindAt), settings: [], ports: false };
    for (let i = from; i < to; i++) {
        const line = lines[i];
        if (/^\s*(?:-\s+)?(containerPort|ports):/.test(line))
            workload.ports = true;
        const m = SETTING_LINE.exec(line);
        if (!m)
            continue;
        const indent = m[1].length;
        const key = m[2];
        const keyColumn = line.indexOf(key);
        const setting = { key, loc: lineLoc(path, lines, i, keyColumn, keyColumn + key.length + 1), literal: false };
        const inline = m[3].trim();
        let valuesPath = valuesPathIn(inline);
        const fields = { loc: setting.loc, capabilitiesDrop: [], capabilitiesAdd: [] };
        if (inline !== '' && !inline.startsWith('{{') && !inline.startsWith('#') && inline !== '{}')
            setting.literal = true;
        for (let j = i + 1; j < to; j++) {
            const child = lines[j];
            if (child.trim() === '' || child.trim().startsWith('#'))
                continue;
            const action = ACTION_ONLY.test(child);
            if (indentOf(child) <= indent)
                break;
            if (action) {
                valuesPath ??= valuesPathIn(child);
                continue;
            }
            setting.literal = true;
            const b = BOOL_FIELD.exec(child);
            if (b)
                fields[b[1]] = { value: b[2] === 'true', loc: lineLoc(path, lines, j, indentOf(child)) };
            const n = NUMBER_FIELD.exec(child);
            if (n)
                fields[n[1]] = { value: Number(n[2]), loc: lineLoc(path, lines, j, indentOf(child)) };
        }
        if (valuesPath)
            setting.valuesPath = valuesPath;
        for (let k = i - 1; k >= from; k--) {
            const above = lines[k];
            if (above.trim() === '')
                continue;
            const guard = /^\s*\{\{-?\s*(?:with|if)\s+(.*)\}\}\s*$/.exec(above);
            const path = guard ? valuesPathIn(guard[1]) : undefined;
            if (path)
                setting.guard = path;
            break;
        }
        if (key === 'securityContext') {
            setting.podLevel = containersIndent !== undefined && indent <= containersIndent;
            setting.fields = fields;
        }
        workload.settings.push(setting);
    }
    return workload;
}
//# sourceMappingURL=helmTemplate.js.map