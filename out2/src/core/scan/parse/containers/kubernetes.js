"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.NETWORK_POLICY_KINDS = void 0;
exports.isHelmTemplate = isHelmTemplate;
exports.parseKubernetes = parseKubernetes;
exports.securityContext = securityContext;
exports.resources = resources;
const common_1 = require("./common");
const helmTemplate_1 = require("./helmTemplate");
/** True for files of a Helm chart's `templates/` folder that use template actions (`{{ … }}`), and for `.tpl` files there. */
function isHelmTemplate(path, text) {
    const p = path.replace(/\\/g, '/');
    if (!/(^|\/)templates\//.test(p))
        return false;
    return /\.tpl$/i.test(p) || text.includes('{{');
}
/** Where the pod spec sits, by kind (generic `spec.template.spec` is tried for other kinds). */
const POD_PATHS = {
    Pod: ['spec'],
    PodTemplate: ['template', 'spec'],
    CronJob: ['spec', 'jobTemplate', 'spec', 'template', 'spec'],
};
const TEMPLATE_PATH = ['spec', 'template', 'spec'];
const MAX_LIST_DEPTH = 4;
function parseKubernetes(path, text) {
    const file = { kind: 'kubernetes', path, resources: [], problems: [] };
    if (isHelmTemplate(path, text)) {
        file.helmTemplate = true;
        if (!/\.tpl$/i.test(path))
            file.helm = (0, helmTemplate_1.scanHelmTemplate)(path, text);
        return file;
    }
    try {
        for (const ctx of (0, common_1.loadYaml)(path, text, file.problems)) {
            try {
                visitObject(ctx, file, ctx.doc.contents, 0);
            }
            catch (e) {
                file.problems.push({ message: `Document ${ctx.index + 1} could not be read: ${e instanceof Error ? e.message : String(e)}`, severity: 'error' });
            }
        }
    }
    catch (e) {
        file.problems.push({ message: `Kubernetes file could not be read: ${e instanceof Error ? e.message : String(e)}`, severity: 'error' });
    }
    return file;
}
function visitObject(ctx, file, node, depth) {
    if (!(0, common_1.isMapNode)(node))
        return;
    const apiVersion = (0, common_1.located)(ctx, (0, common_1.entry)(ctx, node, 'apiVersion')?.value);
    const kindEntry = (0, common_1.entry)(ctx, node, 'kind');
    const kind = (0, common_1.located)(ctx, kindEntry?.value);
    if (!apiVersion || !kind || !kindEntry)
        return; // not a Kubernetes object
    const itemsEntry = (0, common_1.entry)(ctx, node, 'items');
    if (kind.value === 'List' || (kind.value.endsWith('List') && itemsEntry)) {
        if (depth >= MAX_LIST_DEPTH) {
            (0, common_1.shapeProblem)(ctx, kindEntry.keyNode, `Lists nested deeper than ${MAX_LIST_DEPTH} levels are not read`);
            return;
        }
        if (itemsEntry && !(0, common_1.isSeqNode)(itemsEntry.value) && itemsEntry.value !== null) {
            (0, common_1.shapeProblem)(ctx, itemsEntry.value, '`items` of a List must be a sequence');
            return;
        }
        for (const item of (0, common_1.items)(ctx, itemsEntry?.value))
            visitObject(ctx, file, item, depth + 1);
        return;
    }
    file.resources.push(resource(ctx, node, apiVersion.value, kind.value, (0, common_1.entryLoc)(ctx, kindEntry)));
}
function resource(ctx, node, apiVersion, kind, loc) {
    const r = { apiVersion, kind, loc, document: ctx.index };
    const metadata = (0, common_1.entry)(ctx, node, 'metadata')?.value;
    if ((0, common_1.isMapNode)(metadata)) {
        const name = (0, common_1.located)(ctx, (0, common_1.entry)(ctx, metadata, 'name')?.value);
        if (name) {
            r.name = name.value;
            r.nameLoc = name.loc;
        }
        const ns = (0, common_1.located)(ctx, (0, common_1.entry)(ctx, metadata, 'namespace')?.value);
        if (ns)
            r.namespace = ns.value;
    }
    const pod = podAt(ctx, node, POD_PATHS[kind] ?? TEMPLATE_PATH);
    if (pod)
        r.pod = pod;
    const spec = (0, common_1.entry)(ctx, node, 'spec')?.value;
    if ((0, common_1.isMapNode)(spec)) {
        const replicas = (0, common_1.locatedNumber)(ctx, (0, common_1.entry)(ctx, spec, 'replicas')?.value);
        if (replicas)
            r.replicas = replicas;
        const strategyKey = kind === 'StatefulSet' || kind === 'DaemonSet' ? 'updateStrategy' : 'strategy';
        const st = (0, common_1.entry)(ctx, spec, strategyKey);
        if (st && (0, common_1.isMapNode)(st.value))
            r.strategy = strategy(ctx, st, strategyKey);
        if (kind === 'Canary' && apiVersion.startsWith('flagger.app/'))
            r.flagger = flagger(ctx, spec, loc);
        const routing = weightedRouting(ctx, kind, apiVersion, spec);
        if (routing)
            r.routing = routing;
    }
    return r;
}
function podAt(ctx, node, path) {
    let cur = node;
    let last;
    for (const key of path) {
        if (!(0, common_1.isMapNode)(cur))
            return undefined;
        last = (0, common_1.entry)(ctx, cur, key);
        if (!last)
            return undefined;
        cur = last.value;
    }
    if (!last || !(0, common_1.isMapNode)(cur))
        return undefined;
    // Only a map with containers is a pod spec (other kinds may have an unrelated spec.template.spec).
    if (!(0, common_1.entry)(ctx, cur, 'containers') && !(0, common_1.entry)(ctx, cur, 'initContainers'))
        return undefined;
    return podSpec(ctx, cur, (0, common_1.keyLoc)(ctx, last));
}
function podSpec(ctx, node, loc) {
    const p = { loc, containers: [], initContainers: [] };
    const sc = (0, common_1.entry)(ctx, node, 'securityContext');
    if (sc && (0, common_1.isMapNode)(sc.value))
        p.securityContext = securityContext(ctx, sc.value, (0, common_1.keyLoc)(ctx, sc));
    for (const k of ['hostNetwork', 'hostPID', 'hostIPC', 'automountServiceAccountToken']) {
        const b = (0, common_1.locatedBool)(ctx, (0, common_1.entry)(ctx, node, k)?.value);
        if (b)
            p[k] = b;
    }
    const sa = (0, common_1.located)(ctx, (0, common_1.entry)(ctx, node, 'serviceAccountName')?.value);
    if (sa)
        p.serviceAccountName = sa;
    p.containers = containers(ctx, node, 'containers', false);
    p.initContainers = containers(ctx, node, 'initContainers', true);
    return p;
}
function containers(ctx, pod, key, init) {
    const e = (0, common_1.entry)(ctx, pod, key);
    if (!e || e.value === null || e.value === undefined)
        return [];
    if (!(0, common_1.isSeqNode)(e.value)) {
        (0, common_1.shapeProblem)(ctx, e.value, `\`${key}\` must be a sequence of containers`);
        return [];
    }
    const out = [];
    for (const item of (0, common_1.items)(ctx, e.value)) {
        if (!(0, common_1.isMapNode)(item)) {
            (0, common_1.shapeProblem)(ctx, item, `Each entry of \`${key}\` must be a container mapping`);
            continue;
        }
        out.push(container(ctx, item, init));
    }
    return out;
}
function container(ctx, node, init) {
    const nameEntry = (0, common_1.entry)(ctx, node, 'name');
    const first = (0, common_1.entries)(ctx, node)[0];
    const name = (0, common_1.located)(ctx, nameEntry?.value);
    const c = {
        name: name?.value ?? '',
        loc: nameEntry ? (0, common_1.entryLoc)(ctx, nameEntry) : first ? (0, common_1.entryLoc)(ctx, first) : (0, common_1.nodeLoc)(ctx, node),
        init,
        env: [],
    };
    const image = (0, common_1.located)(ctx, (0, common_1.entry)(ctx, node, 'image')?.value);
    if (image)
        c.image = image;
    const sc = (0, common_1.entry)(ctx, node, 'securityContext');
    if (sc && (0, common_1.isMapNode)(sc.value))
        c.securityContext = securityContext(ctx, sc.value, (0, common_1.keyLoc)(ctx, sc));
    const res = (0, common_1.entry)(ctx, node, 'resources');
    if (res && (0, common_1.isMapNode)(res.value))
        c.resources = resources(ctx, res.value, (0, common_1.keyLoc)(ctx, res));
    for (const k of ['livenessProbe', 'readinessProbe', 'startupProbe']) {
        const pe = (0, common_1.entry)(ctx, node, k);
        if (pe && (0, common_1.isMapNode)(pe.value))
            c[k] = (0, common_1.keyLoc)(ctx, pe);
    }
    const ports = (0, common_1.entry)(ctx, node, 'ports');
    if (ports && (0, common_1.items)(ctx, ports.value).length > 0)
        c.ports = (0, common_1.keyLoc)(ctx, ports);
    for (const item of (0, common_1.items)(ctx, (0, common_1.entry)(ctx, node, 'env')?.value)) {
        const n = (0, common_1.entry)(ctx, item, 'name');
        const v = (0, common_1.entry)(ctx, item, 'value');
        const nl = (0, common_1.located)(ctx, n?.value);
        if (!nl || !v)
            continue;
        const kv = { name: nl.value, loc: (0, common_1.entryLoc)(ctx, v), nameLoc: nl.loc };
        const vl = (0, common_1.located)(ctx, v.value);
        if (vl) {
            kv.value = vl.value;
            kv.valueLoc = vl.loc;
        }
        c.env.push(kv);
    }
    return c;
}
function securityContext(ctx, node, loc) {
    const s = { loc, capabilitiesDrop: [], capabilitiesAdd: [] };
    for (const k of ['runAsNonRoot', 'readOnlyRootFilesystem', 'allowPrivilegeEscalation', 'privileged']) {
        const b = (0, common_1.locatedBool)(ctx, (0, common_1.entry)(ctx, node, k)?.value);
        if (b)
            s[k] = b;
    }
    for (const k of ['runAsUser', 'runAsGroup']) {
        const n = (0, common_1.locatedNumber)(ctx, (0, common_1.entry)(ctx, node, k)?.value);
        if (n)
            s[k] = n;
    }
    const caps = (0, common_1.entry)(ctx, node, 'capabilities')?.value;
    if ((0, common_1.isMapNode)(caps)) {
        s.capabilitiesDrop = (0, common_1.locatedList)(ctx, (0, common_1.entry)(ctx, caps, 'drop')?.value);
        s.capabilitiesAdd = (0, common_1.locatedList)(ctx, (0, common_1.entry)(ctx, caps, 'add')?.value);
    }
    const seccomp = (0, common_1.entry)(ctx, node, 'seccompProfile')?.value;
    const seccompType = (0, common_1.isMapNode)(seccomp) ? (0, common_1.located)(ctx, (0, common_1.entry)(ctx, seccomp, 'type')?.value) : undefined;
    if (seccompType)
        s.seccompProfile = seccompType;
    return s;
}
function resources(ctx, node, loc) {
    const r = { loc };
    for (const k of ['limits', 'requests']) {
        const e = (0, common_1.entry)(ctx, node, k);
        if (!e || !(0, common_1.isMapNode)(e.value))
            continue;
        const values = {};
        for (const x of (0, common_1.entries)(ctx, e.value)) {
            const v = (0, common_1.located)(ctx, (0, common_1.entry)(ctx, e.value, x.keyText)?.value);
            if (v && v.value.trim() !== '')
                values[x.keyText] = v.value;
        }
        if (Object.keys(values).length > 0)
            r[k] = { value: values, loc: (0, common_1.keyLoc)(ctx, e) };
    }
    return r;
}
function strategy(ctx, st, field) {
    const s = { field, loc: (0, common_1.keyLoc)(ctx, st) };
    const type = (0, common_1.located)(ctx, (0, common_1.entry)(ctx, st.value, 'type')?.value);
    if (type)
        s.type = type;
    const ru = (0, common_1.entry)(ctx, st.value, 'rollingUpdate');
    if (ru && (0, common_1.isMapNode)(ru.value)) {
        s.rollingUpdate = { loc: (0, common_1.keyLoc)(ctx, ru) };
        for (const k of ['maxSurge', 'maxUnavailable', 'partition']) {
            const v = (0, common_1.located)(ctx, (0, common_1.entry)(ctx, ru.value, k)?.value);
            if (v)
                s.rollingUpdate[k] = v;
        }
    }
    const canary = (0, common_1.entry)(ctx, st.value, 'canary');
    if (canary)
        s.canary = (0, common_1.keyLoc)(ctx, canary);
    const blueGreen = (0, common_1.entry)(ctx, st.value, 'blueGreen');
    if (blueGreen)
        s.blueGreen = (0, common_1.keyLoc)(ctx, blueGreen);
    return s;
}
function flagger(ctx, spec, kindLoc) {
    const a = (0, common_1.entry)(ctx, spec, 'analysis') ?? (0, common_1.entry)(ctx, spec, 'canaryAnalysis');
    const f = { loc: a ? (0, common_1.keyLoc)(ctx, a) : kindLoc };
    const target = (0, common_1.entry)(ctx, spec, 'targetRef')?.value;
    const targetName = (0, common_1.isMapNode)(target) ? (0, common_1.located)(ctx, (0, common_1.entry)(ctx, target, 'name')?.value) : undefined;
    if (targetName)
        f.targetRef = targetName;
    if (a && (0, common_1.isMapNode)(a.value)) {
        for (const k of ['stepWeight', 'maxWeight', 'iterations']) {
            const v = (0, common_1.located)(ctx, (0, common_1.entry)(ctx, a.value, k)?.value);
            if (v)
                f[k] = v;
        }
        const sw = (0, common_1.entry)(ctx, a.value, 'stepWeights');
        if (sw)
            f.stepWeights = (0, common_1.keyLoc)(ctx, sw);
    }
    return f;
}
/** Weighted routing over two or more destinations in one route. */
function weightedRouting(ctx, kind, apiVersion, spec) {
    const group = apiVersion.split('/')[0];
    const check = (listKey) => {
        if (!listKey)
            return undefined;
        const weights = [];
        let destinations = 0;
        for (const item of (0, common_1.items)(ctx, listKey.value)) {
            if (!(0, common_1.isMapNode)(item))
                continue;
            destinations++;
            const w = (0, common_1.locatedNumber)(ctx, (0, common_1.entry)(ctx, item, 'weight')?.value);
            if (w)
                weights.push(w);
        }
        if (destinations >= 2 && weights.length >= 2)
            return { loc: (0, common_1.keyLoc)(ctx, listKey), weights };
        return undefined;
    };
    if (kind === 'VirtualService' && group.endsWith('istio.io')) {
        for (const http of (0, common_1.items)(ctx, (0, common_1.entry)(ctx, spec, 'http')?.value)) {
            const found = check((0, common_1.entry)(ctx, http, 'route'));
            if (found)
                return found;
        }
    }
    else if (kind === 'TrafficSplit' && group.startsWith('split.smi-spec.io')) {
        return check((0, common_1.entry)(ctx, spec, 'backends'));
    }
    else if ((kind === 'HTTPRoute' || kind === 'GRPCRoute') && group === 'gateway.networking.k8s.io') {
        for (const rule of (0, common_1.items)(ctx, (0, common_1.entry)(ctx, spec, 'rules')?.value)) {
            const found = check((0, common_1.entry)(ctx, rule, 'backendRefs'));
            if (found)
                return found;
        }
    }
    return undefined;
}
/** Kinds that restrict pod network traffic. */
exports.NETWORK_POLICY_KINDS = new Set([
    'NetworkPolicy', // networking.k8s.io, and Calico's projectcalico.org NetworkPolicy
    'GlobalNetworkPolicy', // Calico
    'CiliumNetworkPolicy',
    'CiliumClusterwideNetworkPolicy',
    'AdminNetworkPolicy',
    'BaselineAdminNetworkPolicy',
]);
//# sourceMappingURL=kubernetes.js.map