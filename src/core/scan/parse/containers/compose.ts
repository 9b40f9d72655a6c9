// Docker Compose parser: services with the settings the container probes look at.
// Pure; never throws (problems are recorded on the file).
import { isScalar, MapEntry } from '../../../yaml';
import {
  deref,
  entries,
  entry,
  entryLoc,
  envEntries,
  isMapNode,
  keyLoc,
  loadYaml,
  located,
  locatedBool,
  locatedList,
  nodeLoc,
  shapeProblem,
  YamlCtx,
} from './common';
import { ComposeFile, ServiceSpec } from './types';

const SERVICE_KEYS = ['image', 'build'];

export function parseCompose(path: string, text: string): ComposeFile {
  const file: ComposeFile = { kind: 'compose', path, services: [], problems: [] };
  try {
    const docs = loadYaml(path, text, file.problems);
    const ctx = docs[0];
    if (!ctx) return file;
    if (docs.length > 1) file.problems.push({ message: 'Only the first YAML document of a compose file is read', severity: 'warning' });
    const root = ctx.doc.contents;
    if (!isMapNode(root)) {
      shapeProblem(ctx, root, 'A compose file must be a mapping');
      return file;
    }
    const services = entry(ctx, root, 'services');
    if (services) {
      file.anchor = keyLoc(ctx, services);
      if (!isMapNode(services.value)) {
        if (services.value !== null && !(isScalar(services.value) && services.value.value === null)) shapeProblem(ctx, services.value, '`services` must be a mapping of service names');
        return file;
      }
      for (const [name, e] of lastByKey(entries(ctx, services.value))) {
        const value = deref(ctx, e.value);
        if (!isMapNode(value)) {
          shapeProblem(ctx, value ?? e.keyNode, `Service \`${name}\` must be a mapping`);
          continue;
        }
        file.services.push(service(ctx, name, keyLoc(ctx, e), value));
      }
      return file;
    }
    // Version-1 files: services at the top level.
    for (const [name, e] of lastByKey(entries(ctx, root))) {
      const v = deref(ctx, e.value);
      if (!isMapNode(v) || !SERVICE_KEYS.some((k) => entry(ctx, v, k))) continue;
      file.services.push(service(ctx, name, keyLoc(ctx, e), v));
    }
    if (file.services.length > 0) file.anchor = file.services[0].loc;
  } catch (e) {
    file.problems.push({ message: `Compose file could not be read: ${e instanceof Error ? e.message : String(e)}`, severity: 'error' });
  }
  return file;
}

/**
 * The last entry of each key (the one entry() picks, as YAML merges resolve), in one pass: an
 * entry() look-up per service made a file of 40k services quadratic.
 */
function lastByKey(list: MapEntry[]): Map<string, MapEntry> {
  const byKey = new Map<string, MapEntry>();
  for (const e of list) byKey.set(e.keyText, e);
  return byKey;
}

function service(ctx: YamlCtx, name: string, loc: ServiceSpec['loc'], node: unknown): ServiceSpec {
  const s: ServiceSpec = { name, loc, capDrop: [], capAdd: [], securityOpt: [], environment: [] };
  const get = (k: string) => entry(ctx, node, k);
  const image = located(ctx, get('image')?.value);
  if (image) s.image = image;

  const build = get('build');
  if (build) {
    if (isMapNode(build.value)) {
      const context = located(ctx, entry(ctx, build.value, 'context')?.value);
      s.build = context ?? { value: '.', loc: keyLoc(ctx, build) };
      const dockerfile = located(ctx, entry(ctx, build.value, 'dockerfile')?.value);
      if (dockerfile) s.dockerfile = dockerfile;
      const target = located(ctx, entry(ctx, build.value, 'target')?.value);
      if (target) s.target = target;
    } else {
      s.build = located(ctx, build.value) ?? { value: '.', loc: keyLoc(ctx, build) };
    }
  }

  const user = located(ctx, get('user')?.value);
  if (user) s.user = user;

  const hc = get('healthcheck');
  if (hc) {
    s.healthcheck = { loc: keyLoc(ctx, hc), disabled: false };
    if (isMapNode(hc.value)) {
      const test = entry(ctx, hc.value, 'test');
      const testList = test ? locatedList(ctx, test.value) : [];
      if (testList.length > 0) {
        s.healthcheck.test = isScalar(test?.value) ? testList[0] : { value: testList.map((t) => t.value).join(' '), loc: nodeLoc(ctx, test?.value) };
        if (testList[0].value.toUpperCase() === 'NONE') {
          s.healthcheck.disabled = true;
          s.healthcheck.disabledLoc = testList[0].loc;
        }
      }
      const disable = entry(ctx, hc.value, 'disable');
      const d = locatedBool(ctx, disable?.value);
      if (disable && d?.value) {
        s.healthcheck.disabled = true;
        s.healthcheck.disabledLoc = entryLoc(ctx, disable);
      }
    } else {
      shapeProblem(ctx, hc.value ?? hc.keyNode, '`healthcheck` must be a mapping');
    }
  }

  const privileged = locatedBool(ctx, get('privileged')?.value);
  if (privileged) s.privileged = privileged;
  const readOnly = locatedBool(ctx, get('read_only')?.value);
  if (readOnly) s.readOnly = readOnly;
  s.capDrop = locatedList(ctx, get('cap_drop')?.value);
  s.capAdd = locatedList(ctx, get('cap_add')?.value);
  s.securityOpt = locatedList(ctx, get('security_opt')?.value);

  const deploy = get('deploy')?.value;
  const resources = isMapNode(deploy) ? entry(ctx, deploy, 'resources')?.value : undefined;
  const limits = isMapNode(resources) ? entry(ctx, resources, 'limits') : undefined;
  if (limits && isMapNode(limits.value) && entries(ctx, limits.value).length > 0) {
    s.limits = keyLoc(ctx, limits);
    const cpus = located(ctx, entry(ctx, limits.value, 'cpus')?.value);
    if (cpus) s.limitCpus = cpus;
    const memory = located(ctx, entry(ctx, limits.value, 'memory')?.value);
    if (memory) s.limitMemory = memory;
  }
  const memLimit = located(ctx, get('mem_limit')?.value);
  if (memLimit) s.memLimit = memLimit;
  const cpus = located(ctx, get('cpus')?.value);
  if (cpus) s.cpus = cpus;
  const networkMode = located(ctx, get('network_mode')?.value);
  if (networkMode) s.networkMode = networkMode;
  const pid = located(ctx, get('pid')?.value);
  if (pid) s.pid = pid;
  const env = get('environment');
  if (env) s.environment = envEntries(ctx, env.value);
  return s;
}
