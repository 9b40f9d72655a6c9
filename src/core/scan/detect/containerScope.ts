// Which container definitions the container verdicts judge: the main workloads, as they ship.
// Left out of the verdicts (their gaps are still listed as findings): kustomize patches (not
// workloads) and opt-in components, subcharts vendored inside a chart's charts/ folder and
// vendored upstream manifests, test environments (e2e, Playwright, Cypress), documentation
// snippets, and workloads scaled to `replicas: 0`. Test/fixture/example folders and dev-only files
// never reach the probes (the index leaves them out). When the pipelines publish images, a
// Dockerfile they build only for their own jobs, or never build, is left out too (imageUse.ts).
import { dirname, resolvePath } from '../../fs';
import { K8sResource, KustomizationFile, ParsedContainerFile } from '../parse/containers/types';
import { ImageUsage } from './imageUse';

/** Folder names whose container files are test environments, documentation or vendored copies, not what ships. */
const LEFT_OUT_SEGMENTS: ReadonlyMap<string, string> = new Map([
  ['e2e', 'a test environment'],
  ['e2e-test', 'a test environment'],
  ['e2e-tests', 'a test environment'],
  ['integration-test', 'a test environment'],
  ['integration-tests', 'a test environment'],
  ['test_environment', 'a test environment'],
  ['test-environment', 'a test environment'],
  ['test_environments', 'a test environment'],
  ['test-environments', 'a test environment'],
  ['playwright', 'a test environment'],
  ['cypress', 'a test environment'],
  ['docs', 'documentation'],
  ['doc', 'documentation'],
  ['documentation', 'documentation'],
  ['third_party', 'vendored upstream files'],
  ['third-party', 'vendored upstream files'],
  ['vendored', 'vendored upstream files'],
]);

/** Folders of local development stacks: a compose file under `dev/` starts what a developer works against. */
const DEV_STACK_SEGMENTS = new Set(['dev', '.dev', 'local-dev']);

/** Dockerfile variants named for a test run (`Dockerfile.e2e`, `Dockerfile.e2e-tests`, `Dockerfile.playwright`, `test.Dockerfile`). */
const TEST_IMAGE_NAME = /^(?:(?:docker|container)file[.-](?:tests?|e2e|it|ci|playwright|cypress|integration)(?:[.-]tests?)?|(?:tests?|e2e|playwright|cypress|integration)\.(?:docker|container)file)$/i;

export interface ContainerScope {
  /** Why the file at `path` is left out of the verdicts, or undefined when it is judged. */
  fileReason(path: string): string | undefined;
  /** Why a workload is left out (its file's reason, or `replicas: 0`). */
  workloadReason(path: string, resource: K8sResource): string | undefined;
  /** One note naming what was left out (at most a few paths), or undefined. */
  note(probeSubject: string): string | undefined;
}

function under(path: string, dir: string): boolean {
  return dir === '' || path === dir || path.startsWith(`${dir}/`);
}

/** The chart folder of a chart file: the folder of Chart.yaml/values, or the one above `templates/`. */
export function chartDirOf(path: string): string {
  const t = path.lastIndexOf('/templates/');
  if (t >= 0) return path.slice(0, t);
  if (path.startsWith('templates/')) return '';
  return dirname(path);
}

/** Why the pipelines' image usage leaves a Dockerfile out, or undefined when it ships (or usage cannot tell). */
function usageReason(usage: ImageUsage | undefined, path: string): string | undefined {
  if (!usage || usage.shipped.has(path)) return undefined;
  if (usage.builtForJobs.has(path)) return 'an image the pipelines build only for their own jobs and never push';
  const pushed = [...usage.shipped].sort();
  return `not built by any pipeline (the pipelines push ${pushed.slice(0, 2).join(', ')}${pushed.length > 2 ? ` and ${pushed.length - 2} more` : ''})`;
}

export function containerScope(files: readonly ParsedContainerFile[], usage?: ImageUsage): ContainerScope {
  const dockerfilePaths = new Set(files.filter((f) => f.kind === 'dockerfile').map((f) => f.path));
  const composePaths = new Set(files.filter((f) => f.kind === 'compose').map((f) => f.path));
  const exact = new Map<string, string>();
  const dirs: { dir: string; reason: string }[] = [];
  const kustomizations = files.filter((f): f is KustomizationFile => f.kind === 'kustomization');
  for (const k of kustomizations) {
    const base = dirname(k.path);
    for (const p of k.patches) {
      const target = resolvePath(base, p.value);
      if (target !== undefined) exact.set(target, 'a kustomize patch');
    }
    if (k.component) dirs.push({ dir: base, reason: 'an opt-in kustomize component' });
  }
  const chartDirs = new Set(files.filter((f) => f.kind === 'helm-chart').map((f) => dirname(f.path)));
  for (const d of chartDirs) {
    const parent = dirname(d);
    if (parent.split('/').pop() === 'charts' && chartDirs.has(dirname(parent))) dirs.push({ dir: d, reason: 'a subchart vendored in its parent chart' });
  }

  const leftOut = new Map<string, string>();
  const fileReason = (path: string): string | undefined => {
    const known = exact.get(path);
    if (known) return known;
    for (const d of dirs) if (under(path, d.dir)) return d.reason;
    const segs = path.split('/');
    for (const seg of segs.slice(0, -1)) {
      const r = LEFT_OUT_SEGMENTS.get(seg.toLowerCase());
      if (r) return r;
    }
    if (TEST_IMAGE_NAME.test(segs[segs.length - 1])) return 'a test image';
    if (composePaths.has(path) && segs.slice(0, -1).some((seg) => DEV_STACK_SEGMENTS.has(seg.toLowerCase()))) return 'a local development stack';
    return dockerfilePaths.has(path) ? usageReason(usage, path) : undefined;
  };
  const remember = (path: string, reason: string | undefined): string | undefined => {
    if (reason) leftOut.set(path, reason);
    return reason;
  };
  return {
    fileReason: (path) => remember(path, fileReason(path)),
    workloadReason: (path, r) => remember(path, fileReason(path) ?? (r.replicas?.value === 0 ? 'a placeholder workload (replicas: 0)' : undefined)),
    note: (subject) => {
      if (leftOut.size === 0) return undefined;
      const byReason = new Map<string, string[]>();
      for (const [p, r] of leftOut) (byReason.get(r) ?? byReason.set(r, []).get(r)!).push(p);
      const parts = [...byReason].map(([r, paths]) => `${r}: ${paths.slice(0, 2).join(', ')}${paths.length > 2 ? ` and ${paths.length - 2} more` : ''}`);
      return `${leftOut.size} ${subject} left out of this verdict, their gaps still listed (${parts.join('; ')})`;
    },
  };
}
