// Kubernetes manifest parser: multi-document YAML, `List` kinds unwrapped, pod specs of
// the workload kinds, rollout strategies, Flagger canaries and weighted traffic routing.
// Helm templates are not YAML until rendered: `isHelmTemplate` lets the engine skip them.
// Pure; never throws (problems are recorded on the file).
import { Loc, Located } from '../../types';
import {
  entries,
  entry,
  entryLoc,
  isMapNode,
  isSeqNode,
  items,
  keyLoc,
  loadYaml,
  located,
  locatedBool,
  locatedList,
  locatedNumber,
  nodeLoc,
  shapeProblem,
  YamlCtx,
} from './common';
import { scanHelmTemplate } from './helmTemplate';
import {
  ContainerSpec,
  FlaggerSpec,
  K8sResource,
  KeyValue,
  KubernetesFile,
  PodSpec,
  ResourcesSpec,
  SecurityContextSpec,
  StrategySpec,
  WeightedRouting,
} from './types';

/** True for files of a Helm chart's `templates/` folder that use template actions (`{{ … }}`), and for `.tpl` files there. */
export function isHelmTemplate(path: string, text: string): boolean {
  const p = path.replace(/\\/g, '/');
  if (!/(^|\/)templates\//.test(p)) return false;
  return /\.tpl$/i.test(p) || text.includes('{{');
}

/** Where the pod spec sits, by kind (generic `spec.template.spec` is tried for other kinds). */
const POD_PATHS: Record<string, string[]> = {
  Pod: ['spec'],
  PodTemplate: ['template', 'spec'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template', 'spec'],
};
const TEMPLATE_PATH = ['spec', 'template', 'spec'];

const MAX_LIST_DEPTH = 4;

export function parseKubernetes(path: string, text: string): KubernetesFile {
  const file: KubernetesFile = { kind: 'kubernetes', path, resources: [], problems: [] };
  if (isHelmTemplate(path, text)) {
    file.helmTemplate = true;
    if (!/\.tpl$/i.test(path)) file.helm = scanHelmTemplate(path, text);
    return file;
  }
  try {
    for (const ctx of loadYaml(path, text, file.problems)) {
      try {
        visitObject(ctx, file, ctx.doc.contents, 0);
      } catch (e) {
        file.problems.push({ message: `Document ${ctx.index + 1} could not be read: ${e instanceof Error ? e.message : String(e)}`, severity: 'error' });
      }
    }
  } catch (e) {
    file.problems.push({ message: `Kubernetes file could not be read: ${e instanceof Error ? e.message : String(e)}`, severity: 'error' });
  }
  return file;
}

function visitObject(ctx: YamlCtx, file: KubernetesFile, node: unknown, depth: number): void {
  if (!isMapNode(node)) return;
  const apiVersion = located(ctx, entry(ctx, node, 'apiVersion')?.value);
  const kindEntry = entry(ctx, node, 'kind');
  const kind = located(ctx, kindEntry?.value);
  if (!apiVersion || !kind || !kindEntry) return; // not a Kubernetes object
  const itemsEntry = entry(ctx, node, 'items');
  if (kind.value === 'List' || (kind.value.endsWith('List') && itemsEntry)) {
    if (depth >= MAX_LIST_DEPTH) {
      shapeProblem(ctx, kindEntry.keyNode, `Lists nested deeper than ${MAX_LIST_DEPTH} levels are not read`);
      return;
    }
    if (itemsEntry && !isSeqNode(itemsEntry.value) && itemsEntry.value !== null) {
      shapeProblem(ctx, itemsEntry.value, '`items` of a List must be a sequence');
      return;
    }
    for (const item of items(ctx, itemsEntry?.value)) visitObject(ctx, file, item, depth + 1);
    return;
  }
  file.resources.push(resource(ctx, node, apiVersion.value, kind.value, entryLoc(ctx, kindEntry)));
}

function resource(ctx: YamlCtx, node: unknown, apiVersion: string, kind: string, loc: Loc): K8sResource {
  const r: K8sResource = { apiVersion, kind, loc, document: ctx.index };
  const metadata = entry(ctx, node, 'metadata')?.value;
  if (isMapNode(metadata)) {
    const name = located(ctx, entry(ctx, metadata, 'name')?.value);
    if (name) {
      r.name = name.value;
      r.nameLoc = name.loc;
    }
    const ns = located(ctx, entry(ctx, metadata, 'namespace')?.value);
    if (ns) r.namespace = ns.value;
  }

  const pod = podAt(ctx, node, POD_PATHS[kind] ?? TEMPLATE_PATH);
  if (pod) r.pod = pod;

  const spec = entry(ctx, node, 'spec')?.value;
  if (isMapNode(spec)) {
    const replicas = locatedNumber(ctx, entry(ctx, spec, 'replicas')?.value);
    if (replicas) r.replicas = replicas;
    const strategyKey = kind === 'StatefulSet' || kind === 'DaemonSet' ? 'updateStrategy' : 'strategy';
    const st = entry(ctx, spec, strategyKey);
    if (st && isMapNode(st.value)) r.strategy = strategy(ctx, st, strategyKey);
    if (kind === 'Canary' && apiVersion.startsWith('flagger.app/')) r.flagger = flagger(ctx, spec, loc);
    const routing = weightedRouting(ctx, kind, apiVersion, spec);
    if (routing) r.routing = routing;
  }
  return r;
}

function podAt(ctx: YamlCtx, node: unknown, path: string[]): PodSpec | undefined {
  let cur: unknown = node;
  let last: ReturnType<typeof entry>;
  for (const key of path) {
    if (!isMapNode(cur)) return undefined;
    last = entry(ctx, cur, key);
    if (!last) return undefined;
    cur = last.value;
  }
  if (!last || !isMapNode(cur)) return undefined;
  // Only a map with containers is a pod spec (other kinds may have an unrelated spec.template.spec).
  if (!entry(ctx, cur, 'containers') && !entry(ctx, cur, 'initContainers')) return undefined;
  return podSpec(ctx, cur, keyLoc(ctx, last));
}

function podSpec(ctx: YamlCtx, node: unknown, loc: Loc): PodSpec {
  const p: PodSpec = { loc, containers: [], initContainers: [] };
  const sc = entry(ctx, node, 'securityContext');
  if (sc && isMapNode(sc.value)) p.securityContext = securityContext(ctx, sc.value, keyLoc(ctx, sc));
  for (const k of ['hostNetwork', 'hostPID', 'hostIPC', 'automountServiceAccountToken'] as const) {
    const b = locatedBool(ctx, entry(ctx, node, k)?.value);
    if (b) p[k] = b;
  }
  const sa = located(ctx, entry(ctx, node, 'serviceAccountName')?.value);
  if (sa) p.serviceAccountName = sa;
  p.containers = containers(ctx, node, 'containers', false);
  p.initContainers = containers(ctx, node, 'initContainers', true);
  return p;
}

function containers(ctx: YamlCtx, pod: unknown, key: string, init: boolean): ContainerSpec[] {
  const e = entry(ctx, pod, key);
  if (!e || e.value === null || e.value === undefined) return [];
  if (!isSeqNode(e.value)) {
    shapeProblem(ctx, e.value, `\`${key}\` must be a sequence of containers`);
    return [];
  }
  const out: ContainerSpec[] = [];
  for (const item of items(ctx, e.value)) {
    if (!isMapNode(item)) {
      shapeProblem(ctx, item, `Each entry of \`${key}\` must be a container mapping`);
      continue;
    }
    out.push(container(ctx, item, init));
  }
  return out;
}

function container(ctx: YamlCtx, node: unknown, init: boolean): ContainerSpec {
  const nameEntry = entry(ctx, node, 'name');
  const first = entries(ctx, node)[0];
  const name = located(ctx, nameEntry?.value);
  const c: ContainerSpec = {
    name: name?.value ?? '',
    loc: nameEntry ? entryLoc(ctx, nameEntry) : first ? entryLoc(ctx, first) : nodeLoc(ctx, node),
    init,
    env: [],
  };
  const image = located(ctx, entry(ctx, node, 'image')?.value);
  if (image) c.image = image;
  const sc = entry(ctx, node, 'securityContext');
  if (sc && isMapNode(sc.value)) c.securityContext = securityContext(ctx, sc.value, keyLoc(ctx, sc));
  const res = entry(ctx, node, 'resources');
  if (res && isMapNode(res.value)) c.resources = resources(ctx, res.value, keyLoc(ctx, res));
  for (const k of ['livenessProbe', 'readinessProbe', 'startupProbe'] as const) {
    const pe = entry(ctx, node, k);
    if (pe && isMapNode(pe.value)) c[k] = keyLoc(ctx, pe);
  }
  const ports = entry(ctx, node, 'ports');
  if (ports && items(ctx, ports.value).length > 0) c.ports = keyLoc(ctx, ports);
  for (const item of items(ctx, entry(ctx, node, 'env')?.value)) {
    const n = entry(ctx, item, 'name');
    const v = entry(ctx, item, 'value');
    const nl = located(ctx, n?.value);
    if (!nl || !v) continue;
    const kv: KeyValue = { name: nl.value, loc: entryLoc(ctx, v), nameLoc: nl.loc };
    const vl = located(ctx, v.value);
    if (vl) {
      kv.value = vl.value;
      kv.valueLoc = vl.loc;
    }
    c.env.push(kv);
  }
  return c;
}

export function securityContext(ctx: YamlCtx, node: unknown, loc: Loc): SecurityContextSpec {
  const s: SecurityContextSpec = { loc, capabilitiesDrop: [], capabilitiesAdd: [] };
  for (const k of ['runAsNonRoot', 'readOnlyRootFilesystem', 'allowPrivilegeEscalation', 'privileged'] as const) {
    const b = locatedBool(ctx, entry(ctx, node, k)?.value);
    if (b) s[k] = b;
  }
  for (const k of ['runAsUser', 'runAsGroup'] as const) {
    const n = locatedNumber(ctx, entry(ctx, node, k)?.value);
    if (n) s[k] = n;
  }
  const caps = entry(ctx, node, 'capabilities')?.value;
  if (isMapNode(caps)) {
    s.capabilitiesDrop = locatedList(ctx, entry(ctx, caps, 'drop')?.value);
    s.capabilitiesAdd = locatedList(ctx, entry(ctx, caps, 'add')?.value);
  }
  const seccomp = entry(ctx, node, 'seccompProfile')?.value;
  const seccompType = isMapNode(seccomp) ? located(ctx, entry(ctx, seccomp, 'type')?.value) : undefined;
  if (seccompType) s.seccompProfile = seccompType;
  return s;
}

export function resources(ctx: YamlCtx, node: unknown, loc: Loc): ResourcesSpec {
  const r: ResourcesSpec = { loc };
  for (const k of ['limits', 'requests'] as const) {
    const e = entry(ctx, node, k);
    if (!e || !isMapNode(e.value)) continue;
    const values: Record<string, string> = {};
    for (const x of entries(ctx, e.value)) {
      const v = located(ctx, entry(ctx, e.value, x.keyText)?.value);
      if (v && v.value.trim() !== '') values[x.keyText] = v.value;
    }
    if (Object.keys(values).length > 0) r[k] = { value: values, loc: keyLoc(ctx, e) };
  }
  return r;
}

function strategy(ctx: YamlCtx, st: NonNullable<ReturnType<typeof entry>>, field: StrategySpec['field']): StrategySpec {
  const s: StrategySpec = { field, loc: keyLoc(ctx, st) };
  const type = located(ctx, entry(ctx, st.value, 'type')?.value);
  if (type) s.type = type;
  const ru = entry(ctx, st.value, 'rollingUpdate');
  if (ru && isMapNode(ru.value)) {
    s.rollingUpdate = { loc: keyLoc(ctx, ru) };
    for (const k of ['maxSurge', 'maxUnavailable', 'partition'] as const) {
      const v = located(ctx, entry(ctx, ru.value, k)?.value);
      if (v) s.rollingUpdate[k] = v;
    }
  }
  const canary = entry(ctx, st.value, 'canary');
  if (canary) s.canary = keyLoc(ctx, canary);
  const blueGreen = entry(ctx, st.value, 'blueGreen');
  if (blueGreen) s.blueGreen = keyLoc(ctx, blueGreen);
  return s;
}

function flagger(ctx: YamlCtx, spec: unknown, kindLoc: Loc): FlaggerSpec {
  const a = entry(ctx, spec, 'analysis') ?? entry(ctx, spec, 'canaryAnalysis');
  const f: FlaggerSpec = { loc: a ? keyLoc(ctx, a) : kindLoc };
  const target = entry(ctx, spec, 'targetRef')?.value;
  const targetName = isMapNode(target) ? located(ctx, entry(ctx, target, 'name')?.value) : undefined;
  if (targetName) f.targetRef = targetName;
  if (a && isMapNode(a.value)) {
    for (const k of ['stepWeight', 'maxWeight', 'iterations'] as const) {
      const v = located(ctx, entry(ctx, a.value, k)?.value);
      if (v) f[k] = v;
    }
    const sw = entry(ctx, a.value, 'stepWeights');
    if (sw) f.stepWeights = keyLoc(ctx, sw);
  }
  return f;
}

/** Weighted routing over two or more destinations in one route. */
function weightedRouting(ctx: YamlCtx, kind: string, apiVersion: string, spec: unknown): WeightedRouting | undefined {
  const group = apiVersion.split('/')[0];
  const check = (listKey: ReturnType<typeof entry>): WeightedRouting | undefined => {
    if (!listKey) return undefined;
    const weights: Located<number>[] = [];
    let destinations = 0;
    for (const item of items(ctx, listKey.value)) {
      if (!isMapNode(item)) continue;
      destinations++;
      const w = locatedNumber(ctx, entry(ctx, item, 'weight')?.value);
      if (w) weights.push(w);
    }
    if (destinations >= 2 && weights.length >= 2) return { loc: keyLoc(ctx, listKey), weights };
    return undefined;
  };
  if (kind === 'VirtualService' && group.endsWith('istio.io')) {
    for (const http of items(ctx, entry(ctx, spec, 'http')?.value)) {
      const found = check(entry(ctx, http, 'route'));
      if (found) return found;
    }
  } else if (kind === 'TrafficSplit' && group.startsWith('split.smi-spec.io')) {
    return check(entry(ctx, spec, 'backends'));
  } else if ((kind === 'HTTPRoute' || kind === 'GRPCRoute') && group === 'gateway.networking.k8s.io') {
    for (const rule of items(ctx, entry(ctx, spec, 'rules')?.value)) {
      const found = check(entry(ctx, rule, 'backendRefs'));
      if (found) return found;
    }
  }
  return undefined;
}

/** Kinds that restrict pod network traffic. */
export const NETWORK_POLICY_KINDS: ReadonlySet<string> = new Set([
  'NetworkPolicy', // networking.k8s.io, and Calico's projectcalico.org NetworkPolicy
  'GlobalNetworkPolicy', // Calico
  'CiliumNetworkPolicy',
  'CiliumClusterwideNetworkPolicy',
  'AdminNetworkPolicy',
  'BaselineAdminNetworkPolicy',
]);
