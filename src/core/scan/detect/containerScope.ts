// Which container definitions the container verdicts judge: the main workloads, as they ship.
// Left out of the verdicts (their gaps are still listed as findings): kustomize patches (not
// workloads) and opt-in components, subcharts vendored inside a chart's charts/ folder and
// vendored upstream manifests, test environments (e2e, Playwright, Cypress), documentation
// snippets, and workloads scaled to `replicas: 0`. Test/fixture/example folders and dev-only files
// never reach the probes (the index leaves them out). When the pipelines publish images, a
// Dockerfile they build only for their own jobs, or never build, is left out too (imageUse.ts).
// Build and development environments are left out: a Dockerfile whose header says it is one, and,
// when nothing in the files builds any image, one that starts no program of its own; so are compose
// files named for a test run, compose stacks of backing services only (databases, brokers: what the
// code runs against) where no Dockerfile could build one of them, test doubles (`*-mock` folders) and load tests, a folder's plain Dockerfile beside
// its `Dockerfile.prod` (unless the pipelines push it), and base images other images build on
// (`Dockerfile.base` that starts nothing of its own).
import { dirname, resolvePath } from '../../fs';
import { hasVariables, isBackingServiceImage, isPlainOsImage, splitImage, substitute } from '../parse/containers/common';
import { stageChain } from '../parse/containers/dockerfile';
import { ComposeFile, DockerfileFile, K8sResource, KustomizationFile, ParsedContainerFile } from '../parse/containers/types';
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
/** Compose files named for a test run (`docker-compose.e2e.mysql.yaml`, `docker-compose-ci.yml`, `compose.test.yml`). */
const TEST_STACK_NAME = /^(?:docker-)?compose[.-](?:tests?|e2e|it|ci|playwright|cypress|integration)(?:[.-][\w.-]+)?\.ya?ml$/i;
/** Folders of test doubles (`cryptor-mock`, `mocks`, `fake-idp`): stand-ins for other services, run only in tests. */
const TEST_DOUBLE_SEGMENT = /^(?:mocks?|stubs?|fakes?)$|[-_](?:mocks?|stubs?|fakes?)$|^(?:mock|stub|fake)[-_]/i;
/** Folders of load and performance tests (`syncstorage-loadtest`, `load-tests`, `benchmarks`): tools that drive a test run. */
const LOAD_TEST_SEGMENT = /(?:^|[-_])(?:load[-_]?tests?|perf[-_]?tests?|stress[-_]?tests?|benchmarks?)$/i;
/** Dockerfile variants named as the base other images build on (`Dockerfile.base`, `Dockerfile.deps`, `deps.Dockerfile`). */
const BASE_IMAGE_NAME = /^(?:(?:docker|container)file[.-](?:base|deps|dependencies|builder)|(?:base|deps|dependencies|builder)\.(?:docker|container)file)$/i;
/** Dockerfile variants named for production (`Dockerfile.prod`, `prod.Dockerfile`): beside one, the folder's plain Dockerfile is for development. */
const PRODUCTION_IMAGE_NAME = /^(?:(?:docker|container)file[.-](?:prod|production)|(?:prod|production)\.(?:docker|container)file)$/i;

/**
 * The backing services a compose stack runs, when it runs nothing else: every service pulls the
 * image of a database, broker, cache or emulator (a `${VAR:-default}` taken at its default) and none
 * is built here. Such a stack is what the project's code runs against in tests or development.
 */
function backingServicesOnly(f: ComposeFile): string[] | undefined {
  if (f.services.length === 0) return undefined;
  const names: string[] = [];
  for (const s of f.services) {
    if (s.build || !s.image) return undefined;
    const image = hasVariables(s.image.value) ? substitute(s.image.value, () => undefined) : s.image.value;
    if (image === undefined || !isBackingServiceImage(splitImage(image).name)) return undefined;
    names.push(splitImage(image).name.split('/').pop()!);
  }
  return [...new Set(names)];
}

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

/** What a header comment says when the image is an environment to build or develop in, not a product. */
const ENVIRONMENT_HEADER = /\b(?:(?:build|building|development|dev|developer|devel)[ -]environment|(?:development|dev|developer|devel)[ -](?:env|container))\b/i;
/** Programs that start an interactive shell (no script argument): the image is a place to work in. */
const SHELL_PROGRAM = /^(?:sh|bash|ash|dash|zsh)$/;
/** Programs and scripts that build the project: an image that runs one is a build environment. */
const BUILD_PROGRAM = /^(?:make|cmake|meson|ninja|build(?:[-_.][\w.-]*)?\.sh)$/i;
/** A toolchain in a RUN line: compilers, build systems and development packages installed, or a build script run. */
const TOOLCHAIN = /(?:^|[\s/'"])(?:build-essential|base-devel|gcc|g\+\+|clang|cmake|meson|ninja(?:-build)?|autoconf|automake|rustc|cargo|mingw-w64|[\w.+-]+-dev(?:el)?|build\.sh)(?=[\s'";&|\\]|$)/m;
/** Plain OS images without a shell to work in: an image on one that starts nothing is incomplete, not an environment. */
const NO_SHELL_IMAGE = /(?:^|\/)(?:scratch|busybox|distroless\/[\w-]+|chainguard\/static)$/i;

/** The header comment line saying the image is a build or development environment, if any. */
function environmentHeader(f: DockerfileFile): string | undefined {
  return f.header?.find((c) => ENVIRONMENT_HEADER.test(c.value))?.value;
}

/** The final image sets no ENTRYPOINT or CMD and exposes no port: it runs only what its base image runs. */
function startsNothing(f: DockerfileFile): boolean {
  const final = f.stages[f.stages.length - 1];
  if (!final) return false;
  return !stageChain(f, final).some((s) => s.instructions.some((i) => i.keyword === 'ENTRYPOINT' || i.keyword === 'CMD' || i.keyword === 'EXPOSE'));
}

/**
 * Why a Dockerfile no pipeline builds looks like an environment to build or work in rather than an
 * image that ships: its final image starts nothing of its own on a plain OS image (the OS's shell
 * runs) and has a toolchain installed, or starts a shell or a build script; it exposes no port. Undefined when it may be a product
 * (it starts a program, exposes a port, or builds on an image that runs one, like a server's).
 */
function environmentContent(f: DockerfileFile): string | undefined {
  const final = f.stages[f.stages.length - 1];
  if (!final) return undefined;
  const chain = stageChain(f, final);
  const instructions = [...chain].reverse().flatMap((s) => s.instructions);
  if (instructions.some((i) => i.keyword === 'EXPOSE')) return undefined;
  const last = (kw: string) => [...instructions].reverse().find((i) => i.keyword === kw);
  const words = [...(last('ENTRYPOINT')?.words ?? []), ...(last('CMD')?.words ?? [])].map((w) => w.value).filter((w) => w !== '');
  const base = chain[chain.length - 1];
  if (words.length === 0) {
    // The OS's shell is what runs: with a toolchain in it, it is a place to build in.
    if (base.scratch || !isPlainOsImage(base.image.name) || NO_SHELL_IMAGE.test(base.image.name)) return undefined;
    const toolchain = instructions.some((i) => i.keyword === 'RUN' && TOOLCHAIN.test(i.args));
    return toolchain ? `it starts nothing of its own on ${base.from.value}, with a toolchain installed` : undefined;
  }
  const program = words[0].split('/').pop() ?? words[0];
  if (SHELL_PROGRAM.test(program) && words.slice(1).every((w) => w.startsWith('-'))) return `it starts a shell (${words.join(' ')})`;
  if (BUILD_PROGRAM.test(program)) return `it runs a build (${words.join(' ')})`;
  return undefined;
}

/**
 * Why a Dockerfile is an environment to build or develop in, not a product: its header says so
 * (unless the pipelines push it), or no pipeline builds any image and its content says so.
 */
function environmentReason(f: DockerfileFile, usage: ImageUsage | undefined): string | undefined {
  if (usage?.shipped.has(f.path)) return undefined;
  const header = environmentHeader(f);
  if (header) return `a build or development environment (its header: "${header.length > 60 ? `${header.slice(0, 57)}…` : header}")`;
  if (!usage?.noBuilds) return undefined;
  const content = environmentContent(f);
  return content ? `a build or development environment no pipeline builds (${content})` : undefined;
}

/** Why the pipelines' image usage leaves a Dockerfile out, or undefined when it ships (or usage cannot tell). */
function usageReason(usage: ImageUsage | undefined, path: string): string | undefined {
  if (!usage || usage.noBuilds || usage.shipped.has(path)) return undefined;
  if (usage.builtForJobs.has(path)) return 'an image the pipelines build only for their own jobs and never push';
  const pushed = [...usage.shipped].sort();
  return `not built by any pipeline (the pipelines push ${pushed.slice(0, 2).join(', ')}${pushed.length > 2 ? ` and ${pushed.length - 2} more` : ''})`;
}

export function containerScope(files: readonly ParsedContainerFile[], usage?: ImageUsage): ContainerScope {
  const dockerfileAt = new Map(files.filter((f): f is DockerfileFile => f.kind === 'dockerfile').map((f) => [f.path, f]));
  const composeAt = new Map(files.filter((f): f is ComposeFile => f.kind === 'compose').map((f) => [f.path, f]));
  const composePaths = new Set(composeAt.keys());
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

  // Folders with a Dockerfile named for production: the folder's plain `Dockerfile` is the development one.
  const productionIn = new Map<string, string>();
  for (const p of dockerfileAt.keys()) if (PRODUCTION_IMAGE_NAME.test(p.slice(p.lastIndexOf('/') + 1))) productionIn.set(dirname(p), p);
  const productionSibling = (path: string): string | undefined => {
    const name = path.slice(path.lastIndexOf('/') + 1);
    return /^(?:docker|container)file$/i.test(name) ? productionIn.get(dirname(path)) : undefined;
  };

  const leftOut = new Map<string, string>();
  const fileReason = (path: string): string | undefined => {
    const known = exact.get(path);
    if (known) return known;
    for (const d of dirs) if (under(path, d.dir)) return d.reason;
    const segs = path.split('/');
    for (const seg of segs.slice(0, -1)) {
      const r = LEFT_OUT_SEGMENTS.get(seg.toLowerCase());
      if (r) return r;
      if (TEST_DOUBLE_SEGMENT.test(seg)) return 'a test double';
      if (LOAD_TEST_SEGMENT.test(seg)) return 'a load test';
    }
    const name = segs[segs.length - 1];
    if (TEST_IMAGE_NAME.test(name)) return 'a test image';
    if (composePaths.has(path) && TEST_STACK_NAME.test(name)) return 'a test stack';
    if (composePaths.has(path) && segs.slice(0, -1).some((seg) => DEV_STACK_SEGMENTS.has(seg.toLowerCase()))) return 'a local development stack';
    const compose = composeAt.get(path);
    // With a Dockerfile here, one of those images may be the project's own (an `activemq` stack in ActiveMQ).
    const backing = compose && dockerfileAt.size === 0 && backingServicesOnly(compose);
    if (backing) return `a stack of backing services only (${backing.slice(0, 3).join(', ')}${backing.length > 3 ? ', …' : ''}), what the project's code runs against`;
    if (dockerfileAt.has(path) && !usage?.shipped.has(path) && productionSibling(path)) return `a development image (${productionSibling(path)} beside it is the production one)`;
    const dockerfile = dockerfileAt.get(path);
    if (!dockerfile) return undefined;
    if (BASE_IMAGE_NAME.test(name) && startsNothing(dockerfile)) return 'a base image that other images build on (named so, it starts nothing of its own)';
    return environmentReason(dockerfile, usage) ?? usageReason(usage, path);
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
