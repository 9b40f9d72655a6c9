"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.parseCompose = parseCompose;
// Docker Compose parser: services with the settings the container probes look at.
// Pure; never throws (problems are recorded on the file).
const yaml_1 = require("../../../yaml");
const common_1 = require("./common");
const SERVICE_KEYS = ['image', 'build'];
function parseCompose(path, text) {
    const file = { kind: 'compose', path, services: [], problems: [] };
    try {
        const docs = (0, common_1.loadYaml)(path, text, file.problems);
        const ctx = docs[0];
        if (!ctx)
            return file;
        if (docs.length > 1)
            file.problems.push({ message: 'Only the first YAML document of a compose file is read', severity: 'warning' });
        const root = ctx.doc.contents;
        if (!(0, common_1.isMapNode)(root)) {
            (0, common_1.shapeProblem)(ctx, root, 'A compose file must be a mapping');
            return file;
        }
        const services = (0, common_1.entry)(ctx, root, 'services');
        if (services) {
            file.anchor = (0, common_1.keyLoc)(ctx, services);
            if (!(0, common_1.isMapNode)(services.value)) {
                if (services.value !== null && !((0, yaml_1.isScalar)(services.value) && services.value.value === null))
                    (0, common_1.shapeProblem)(ctx, services.value, '`services` must be a mapping of service names');
                return file;
            }
            for (const [name, e] of lastByKey((0, common_1.entries)(ctx, services.value))) {
                const value = (0, common_1.deref)(ctx, e.value);
                if (!(0, common_1.isMapNode)(value)) {
                    (0, common_1.shapeProblem)(ctx, value ?? e.keyNode, `Service \`${name}\` must be a mapping`);
                    continue;
                }
                file.services.push(service(ctx, name, (0, common_1.keyLoc)(ctx, e), value));
            }
            return file;
        }
        // Version-1 files: services at the top level.
        for (const [name, e] of lastByKey((0, common_1.entries)(ctx, root))) {
            const v = (0, common_1.deref)(ctx, e.value);
            if (!(0, common_1.isMapNode)(v) || !SERVICE_KEYS.some((k) => (0, common_1.entry)(ctx, v, k)))
                continue;
            file.services.push(service(ctx, name, (0, common_1.keyLoc)(ctx, e), v));
        }
        if (file.services.length > 0)
            file.anchor = file.services[0].loc;
    }
    catch (e) {
        file.problems.push({ message: `Compose file could not be read: ${e instanceof Error ? e.message : String(e)}`, severity: 'error' });
    }
    return file;
}
/**
 * The last entry of each key (the one entry() picks, as YAML merges resolve), in one pass: an
 * entry() look-up per service made a file of 40k services quadratic.
 */
function lastByKey(list) {
    const byKey = new Map();
    for (const e of list)
        byKey.set(e.keyText, e);
    return byKey;
}
function service(ctx, name, loc, node) {
    const s = { name, loc, capDrop: [], capAdd: [], securityOpt: [], environment: [] };
    const get = (k) => (0, common_1.entry)(ctx, node, k);
    const image = (0, common_1.located)(ctx, get('image')?.value);
    if (image)
        s.image = image;
    const build = get('build');
    if (build) {
        if ((0, common_1.isMapNode)(build.value)) {
            const context = (0, common_1.located)(ctx, (0, common_1.entry)(ctx, build.value, 'context')?.value);
            s.build = context ?? { value: '.', loc: (0, common_1.keyLoc)(ctx, build) };
            const dockerfile = (0, common_1.located)(ctx, (0, common_1.entry)(ctx, build.value, 'dockerfile')?.value);
            if (dockerfile)
                s.dockerfile = dockerfile;
        }
        else {
            s.build = (0, common_1.located)(ctx, build.value) ?? { value: '.', loc: (0, common_1.keyLoc)(ctx, build) };
        }
    }
    const user = (0, common_1.located)(ctx, get('user')?.value);
    if (user)
        s.user = user;
    const hc = get('healthcheck');
    if (hc) {
        s.healthcheck = { loc: (0, common_1.keyLoc)(ctx, hc), disabled: false };
        if ((0, common_1.isMapNode)(hc.value)) {
            const test = (0, common_1.entry)(ctx, hc.value, 'test');
            const testList = test ? (0, common_1.locatedList)(ctx, test.value) : [];
            if (testList.length > 0) {
                s.healthcheck.test = (0, yaml_1.isScalar)(test?.value) ? testList[0] : { value: testList.map((t) => t.value).join(' '), loc: (0, common_1.nodeLoc)(ctx, test?.value) };
                if (testList[0].value.toUpperCase() === 'NONE') {
                    s.healthcheck.disabled = true;
                    s.healthcheck.disabledLoc = testList[0].loc;
                }
            }
            const disable = (0, common_1.entry)(ctx, hc.value, 'disable');
            const d = (0, common_1.locatedBool)(ctx, disable?.value);
            if (disable && d?.value) {
                s.healthcheck.disabled = true;
                s.healthcheck.disabledLoc = (0, common_1.entryLoc)(ctx, disable);
            }
        }
        else {
            (0, common_1.shapeProblem)(ctx, hc.value ?? hc.keyNode, '`healthcheck` must be a mapping');
        }
    }
    const privileged = (0, common_1.locatedBool)(ctx, get('privileged')?.value);
    if (privileged)
        s.privileged = privileged;
    const readOnly = (0, common_1.locatedBool)(ctx, get('read_only')?.value);
    if (readOnly)
        s.readOnly = readOnly;
    s.capDrop = (0, common_1.locatedList)(ctx, get('cap_drop')?.value);
    s.capAdd = (0, common_1.locatedList)(ctx, get('cap_add')?.value);
    s.securityOpt = (0, common_1.locatedList)(ctx, get('security_opt')?.value);
    const deploy = get('deploy')?.value;
    const resources = (0, common_1.isMapNode)(deploy) ? (0, common_1.entry)(ctx, deploy, 'resources')?.value : undefined;
    const limits = (0, common_1.isMapNode)(resources) ? (0, common_1.entry)(ctx, resources, 'limits') : undefined;
    if (limits && (0, common_1.isMapNode)(limits.value) && (0, common_1.entries)(ctx, limits.value).length > 0) {
        s.limits = (0, common_1.keyLoc)(ctx, limits);
        const cpus = (0, common_1.located)(ctx, (0, common_1.entry)(ctx, limits.value, 'cpus')?.value);
        if (cpus)
            s.limitCpus = cpus;
        const memory = (0, common_1.located)(ctx, (0, common_1.entry)(ctx, limits.value, 'memory')?.value);
        if (memory)
            s.limitMemory = memory;
    }
    const memLimit = (0, common_1.located)(ctx, get('mem_limit')?.value);
    if (memLimit)
        s.memLimit = memLimit;
    const cpus = (0, common_1.located)(ctx, get('cpus')?.value);
    if (cpus)
        s.cpus = cpus;
    const networkMode = (0, common_1.located)(ctx, get('network_mode')?.value);
    if (networkMode)
        s.networkMode = networkMode;
    const pid = (0, common_1.located)(ctx, get('pid')?.value);
    if (pid)
        s.pid = pid;
    const env = get('environment');
    if (env)
        s.environment = (0, common_1.envEntries)(ctx, env.value);
    return s;
}
//# sourceMappingURL=compose.js.map