// Helm chart parsers: Chart.yaml (identity and dependencies) and values files (image,
// securityContext, resources and networkPolicy settings found at any depth).
// Templates are not parsed (see isHelmTemplate in kubernetes.ts). Pure; never throws.
import { isScalar } from '../../../yaml';
import { entries, entry, entryLoc, isMapNode, items, keyLoc, loadYaml, located, locatedBool, shapeProblem, YamlCtx } from './common';
import { resources, securityContext } from './kubernetes';
import { HelmChartFile, HelmDependency, HelmImageValue, HelmValuesFile } from './types';

export function parseHelmChart(path: string, text: string): HelmChartFile {
  const file: HelmChartFile = { kind: 'helm-chart', path, dependencies: [], problems: [] };
  try {
    const ctx = loadYaml(path, text, file.problems)[0];
    if (!ctx) return file;
    const root = ctx.doc.contents;
    if (!isMapNode(root)) {
      shapeProblem(ctx, root, 'Chart.yaml must be a mapping');
      return file;
    }
    for (const k of ['apiVersion', 'name', 'version', 'appVersion', 'type'] as const) {
      const v = located(ctx, entry(ctx, root, k)?.value);
      if (v) file[k] = v;
    }
    if (!file.name) file.problems.push({ message: 'Chart.yaml has no `name`', line: 1, column: 1, severity: 'warning' });
    for (const d of items(ctx, entry(ctx, root, 'dependencies')?.value)) {
      if (!isMapNode(d)) continue;
      const nameEntry = entry(ctx, d, 'name');
      const name = located(ctx, nameEntry?.value);
      if (!name || !nameEntry) continue;
      const dep: HelmDependency = { name, loc: entryLoc(ctx, nameEntry) };
      const version = located(ctx, entry(ctx, d, 'version')?.value);
      if (version) dep.version = version;
      const repository = located(ctx, entry(ctx, d, 'repository')?.value);
      if (repository) dep.repository = repository;
      file.dependencies.push(dep);
    }
  } catch (e) {
    file.problems.push({ message: `Chart.yaml could not be read: ${e instanceof Error ? e.message : String(e)}`, severity: 'error' });
  }
  return file;
}

const MAX_DEPTH = 12;
const SECURITY_CONTEXT_KEY = /^(pod|container)?securitycontext$/i;
/** Keys of probe settings (`livenessProbe`, `probes.readiness`, `startupProbe`). */
const PROBE_KEY = /probes?$|^(liveness|readiness|startup)$/i;

export function parseHelmValues(path: string, text: string): HelmValuesFile {
  const file: HelmValuesFile = { kind: 'helm-values', path, images: [], probes: [], securityContexts: [], resources: [], networkPolicy: [], problems: [] };
  try {
    const ctx = loadYaml(path, text, file.problems)[0];
    if (!ctx) return file;
    const root = ctx.doc.contents;
    if (!isMapNode(root)) {
      shapeProblem(ctx, root, 'A values file must be a mapping');
      return file;
    }
    walk(ctx, file, root, [], 0, new Set());
  } catch (e) {
    file.problems.push({ message: `Values file could not be read: ${e instanceof Error ? e.message : String(e)}`, severity: 'error' });
  }
  return file;
}

function walk(ctx: YamlCtx, file: HelmValuesFile, node: unknown, path: string[], depth: number, seen: Set<unknown>): void {
  if (depth > MAX_DEPTH || seen.has(node)) return; // an anchored block is read once
  seen.add(node);
  for (const raw of entries(ctx, node)) {
    const e = entry(ctx, node, raw.keyText);
    if (!e || e.keyNode !== raw.keyNode) continue; // a duplicate or merged-over key
    const keyPath = [...path, e.keyText];
    const dotted = keyPath.join('.');
    const value = e.value;
    if (e.keyText === 'image') {
      const img = imageValue(ctx, e, dotted);
      if (img) file.images.push(img);
      continue;
    }
    if (SECURITY_CONTEXT_KEY.test(e.keyText) && isMapNode(value)) {
      const sc = securityContext(ctx, value, keyLoc(ctx, e));
      file.securityContexts.push({ ...sc, keyPath: dotted, key: e.keyText, podLevel: /^pod/i.test(e.keyText) });
      continue;
    }
    if (PROBE_KEY.test(e.keyText) && (isMapNode(value) || value === null || (isScalar(value) && value.value === null))) {
      const empty = !isMapNode(value) || entries(ctx, value).length === 0;
      const enabled = isMapNode(value) ? locatedBool(ctx, entry(ctx, value, 'enabled')?.value) : undefined;
      file.probes.push({ keyPath: dotted, loc: keyLoc(ctx, e), empty, ...(enabled ? { enabled } : {}) });
    }
    if (e.keyText === 'resources' && isMapNode(value)) {
      file.resources.push({ ...resources(ctx, value, keyLoc(ctx, e)), keyPath: dotted });
      continue;
    }
    if (e.keyText === 'networkPolicy' && isMapNode(value)) {
      for (const k of ['enabled', 'create']) {
        const b = locatedBool(ctx, entry(ctx, value, k)?.value);
        if (b) file.networkPolicy.push(b);
      }
    }
    if (isMapNode(value)) walk(ctx, file, value, keyPath, depth + 1, seen);
  }
}

function imageValue(ctx: YamlCtx, e: NonNullable<ReturnType<typeof entry>>, keyPath: string): HelmImageValue | undefined {
  const img: HelmImageValue = { keyPath, loc: keyLoc(ctx, e) };
  if (isMapNode(e.value)) {
    for (const k of ['registry', 'repository', 'tag', 'digest'] as const) {
      const v = located(ctx, entry(ctx, e.value, k)?.value);
      if (v) img[k] = v;
      else if (k === 'tag' && entry(ctx, e.value, 'tag')) {
        // `tag: ""` (or an empty tag): the chart's appVersion is used. Keep it, located.
        const te = entry(ctx, e.value, 'tag');
        if (te) img.tag = { value: '', loc: entryLoc(ctx, te) };
      }
    }
    return img.repository || img.registry ? img : undefined;
  }
  const ref = located(ctx, e.value);
  if (!ref || ref.value.trim() === '') return undefined;
  img.ref = ref;
  return img;
}

