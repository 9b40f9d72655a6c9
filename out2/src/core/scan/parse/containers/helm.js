"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.parseHelmChart = parseHelmChart;
exports.parseHelmValues = parseHelmValues;
// Helm chart parsers: Chart.yaml (identity and dependencies) and values files (image,
// securityContext, resources and networkPolicy settings found at any depth).
// Templates are not parsed (see isHelmTemplate in kubernetes.ts). Pure; never throws.
const yaml_1 = require("../../../yaml");
const common_1 = require("./common");
const kubernetes_1 = require("./kubernetes");
function parseHelmChart(path, text) {
    const file = { kind: 'helm-chart', path, dependencies: [], problems: [] };
    try {
        const ctx = (0, common_1.loadYaml)(path, text, file.problems)[0];
        if (!ctx)
            return file;
        const root = ctx.doc.contents;
        if (!(0, common_1.isMapNode)(root)) {
            (0, common_1.shapeProblem)(ctx, root, 'Chart.yaml must be a mapping');
            return file;
        }
        for (const k of ['apiVersion', 'name', 'version', 'appVersion', 'type']) {
            const v = (0, common_1.located)(ctx, (0, common_1.entry)(ctx, root, k)?.value);
            if (v)
                file[k] = v;
        }
        if (!file.name)
            file.problems.push({ message: 'Chart.yaml has no `name`', line: 1, column: 1, severity: 'warning' });
        for (const d of (0, common_1.items)(ctx, (0, common_1.entry)(ctx, root, 'dependencies')?.value)) {
            if (!(0, common_1.isMapNode)(d))
                continue;
            const nameEntry = (0, common_1.entry)(ctx, d, 'name');
            const name = (0, common_1.located)(ctx, nameEntry?.value);
            if (!name || !nameEntry)
                continue;
            const dep = { name, loc: (0, common_1.entryLoc)(ctx, nameEntry) };
            const version = (0, common_1.located)(ctx, (0, common_1.entry)(ctx, d, 'version')?.value);
            if (version)
                dep.version = version;
            const repository = (0, common_1.located)(ctx, (0, common_1.entry)(ctx, d, 'repository')?.value);
            if (repository)
                dep.repository = repository;
            file.dependencies.push(dep);
        }
    }
    catch (e) {
        file.problems.push({ message: `Chart.yaml could not be read: ${e instanceof Error ? e.message : String(e)}`, severity: 'error' });
    }
    return file;
}
const MAX_DEPTH = 12;
const SECURITY_CONTEXT_KEY = /^(pod|container)?securitycontext$/i;
/** Keys of probe settings (`livenessProbe`, `probes.readiness`, `startupProbe`). */
const PROBE_KEY = /probes?$|^(liveness|readiness|startup)$/i;
function parseHelmValues(path, text) {
    const file = { kind: 'helm-values', path, images: [], probes: [], securityContexts: [], resources: [], networkPolicy: [], problems: [] };
    try {
        const ctx = (0, common_1.loadYaml)(path, text, file.problems)[0];
        if (!ctx)
            return file;
        const root = ctx.doc.contents;
        if (!(0, common_1.isMapNode)(root)) {
            (0, common_1.shapeProblem)(ctx, root, 'A values file must be a mapping');
            return file;
        }
        walk(ctx, file, root, [], 0, new Set());
    }
    catch (e) {
        file.problems.push({ message: `Values file could not be read: ${e instanceof Error ? e.message : String(e)}`, severity: 'error' });
    }
    return file;
}
function walk(ctx, file, node, path, depth, seen) {
    if (depth > MAX_DEPTH || seen.has(node))
        return; // an anchored block is read once
    seen.add(node);
    for (const raw of (0, common_1.entries)(ctx, node)) {
        const e = (0, common_1.entry)(ctx, node, raw.keyText);
        if (!e || e.keyNode !== raw.keyNode)
            continue; // a duplicate or merged-over key
        const keyPath = [...path, e.keyText];
        const dotted = keyPath.join('.');
        const value = e.value;
        if (e.keyText === 'image') {
            const img = imageValue(ctx, e, dotted);
            if (img)
                file.images.push(img);
            continue;
        }
        if (SECURITY_CONTEXT_KEY.test(e.keyText) && (0, common_1.isMapNode)(value)) {
            const sc = (0, kubernetes_1.securityContext)(ctx, value, (0, common_1.keyLoc)(ctx, e));
            file.securityContexts.push({ ...sc, keyPath: dotted, key: e.keyText, podLevel: /^pod/i.test(e.keyText) });
            continue;
        }
        if (PROBE_KEY.test(e.keyText) && ((0, common_1.isMapNode)(value) || value === null || ((0, yaml_1.isScalar)(value) && value.value === null))) {
            const empty = !(0, common_1.isMapNode)(value) || (0, common_1.entries)(ctx, value).length === 0;
            const enabled = (0, common_1.isMapNode)(value) ? (0, common_1.locatedBool)(ctx, (0, common_1.entry)(ctx, value, 'enabled')?.value) : undefined;
            file.probes.push({ keyPath: dotted, loc: (0, common_1.keyLoc)(ctx, e), empty, ...(enabled ? { enabled } : {}) });
        }
        if (e.keyText === 'resources' && (0, common_1.isMapNode)(value)) {
            file.resources.push({ ...(0, kubernetes_1.resources)(ctx, value, (0, common_1.keyLoc)(ctx, e)), keyPath: dotted });
            continue;
        }
        if (e.keyText === 'networkPolicy' && (0, common_1.isMapNode)(value)) {
            for (const k of ['enabled', 'create']) {
                const b = (0, common_1.locatedBool)(ctx, (0, common_1.entry)(ctx, value, k)?.value);
                if (b)
                    file.networkPolicy.push(b);
            }
        }
        if ((0, common_1.isMapNode)(value))
            walk(ctx, file, value, keyPath, depth + 1, seen);
    }
}
function imageValue(ctx, e, keyPath) {
    const img = { keyPath, loc: (0, common_1.keyLoc)(ctx, e) };
    if ((0, common_1.isMapNode)(e.value)) {
        for (const k of ['registry', 'repository', 'tag', 'digest']) {
            const v = (0, common_1.located)(ctx, (0, common_1.entry)(ctx, e.value, k)?.value);
            if (v)
                img[k] = v;
            else if (k === 'tag' && (0, common_1.entry)(ctx, e.value, 'tag')) {
                // `tag: ""` (or an empty tag): the chart's appVersion is used. Keep it, located.
                const te = (0, common_1.entry)(ctx, e.value, 'tag');
                if (te)
                    img.tag = { value: '', loc: (0, common_1.entryLoc)(ctx, te) };
            }
        }
        return img.repository || img.registry ? img : undefined;
    }
    const ref = (0, common_1.located)(ctx, e.value);
    if (!ref || ref.value.trim() === '')
        return undefined;
    img.ref = ref;
    return img;
}
//# sourceMappingURL=helm.js.map