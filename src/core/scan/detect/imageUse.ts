// How the pipelines use the images of the workspace: which Dockerfiles they build, and whether the
// job that builds one publishes images. The container checks judge what ships; when the pipelines
// publish images and every image build can be tied to its Dockerfile, what ships is what they push:
// a Dockerfile they build only for their own jobs (an end-to-end test image, a scratch test) or
// never build at all (a local `make docker` variant, a hand-run test environment) is left out of
// the verdicts, and named in a note. An image the pipelines build and then run their own jobs in
// (the job's `image:` names what the build tags) is a CI build environment: it ships nothing.
import { Evidence, EvidenceUnit } from './probeTypes';
import { Invocation } from '../parse/shell';
import { Loc, Located } from '../types';
import { splitImage } from '../parse/containers/common';

/** One image build or publish step a CI file runs (directly or through what it calls). */
export type ImageUse =
  /**
   * An image built from a Dockerfile (`dockerfile`: root-relative; `pushes`: the command itself
   * pushes; `clonedFrom`: the repository the job cloned that Dockerfile from, not in the workspace).
   */
  | {
      kind: 'build';
      dockerfile: string;
      pushes: boolean;
      clonedFrom?: string;
      /** The names it is tagged with (`-t`/`--tag`), variables the step set replaced; absent when none is known. */
      tags?: string[];
      evidence: Evidence;
    }
  /**
   * An image a remote template builds from its own recipe, not from a Dockerfile of the workspace
   * (a GitLab job extending `.fdo.container-build@fedora` builds the CI image its variables describe).
   */
  | { kind: 'template-build'; evidence: Evidence }
  /** A step that publishes images or logs in to a registry to do so (its job's builds ship). */
  | { kind: 'publish'; evidence: Evidence };

const IMAGE_CLIS = new Set(['docker', 'podman', 'buildah', 'nerdctl']);

/** Registry login commands: a job logs in to push (or to pull private images; either way its builds are not throwaway). */
function isRegistryLogin(inv: Invocation): boolean {
  const a = inv.args;
  if (IMAGE_CLIS.has(inv.program) && a[0] === 'login') return true;
  if (inv.program === 'aws' && a[0] === 'ecr' && (a[1] === 'get-login-password' || a[1] === 'get-login')) return true;
  if (inv.program === 'az' && a[0] === 'acr' && a[1] === 'login') return true;
  if (inv.program === 'gcloud' && a.includes('configure-docker')) return true;
  return false;
}

/** A command that publishes images: `docker push`, `docker manifest push`, `buildx imagetools create`, `crane push`, `skopeo copy`, … */
export function publishesImages(inv: Invocation): boolean {
  if (inv.kind !== 'run') return false;
  const a = inv.args;
  if (IMAGE_CLIS.has(inv.program)) {
    if (a[0] === 'push' || ((a[0] === 'image' || a[0] === 'manifest' || a[0] === 'compose') && a[1] === 'push')) return true;
    if (a[0] === 'buildx' && a[1] === 'imagetools' && a[2] === 'create') return true;
    if ((a[0] === 'buildx' && (a[1] === 'build' || a[1] === 'bake')) || a[0] === 'build') return buildPushes(a);
  }
  if (inv.program === 'docker-compose' && a[0] === 'push') return true;
  if (inv.program === 'crane' && ['push', 'copy', 'cp', 'append', 'mutate', 'tag'].includes(a[0] ?? '')) return true;
  if (inv.program === 'skopeo' && a[0] === 'copy') return true;
  if (inv.program === 'regctl' && a[0] === 'image' && (a[1] === 'copy' || a[1] === 'import')) return true;
  if (inv.program === 'oras' && a[0] === 'push') return true;
  return isRegistryLogin(inv);
}

/** `--push`, `--output type=registry`, `-o type=image,push=true` on a build: it pushes what it builds. */
export function buildPushes(args: readonly string[]): boolean {
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--push' || a === '--push=true') return true;
    const output = a === '--output' || a === '-o' ? args[i + 1] : a.startsWith('--output=') ? a.slice('--output='.length) : undefined;
    if (output && (/(^|,)type=registry\b/.test(output) || /(^|,)push=true\b/.test(output))) return true;
  }
  return false;
}

/**
 * The names an image build tags (`-t X`, `--tag X`, `--tag=X`), with `$VAR`/`${VAR}` replaced from
 * `vars`; a name with a variable nobody set is left out (it cannot be matched).
 */
export function builtTags(args: readonly string[], vars: ReadonlyMap<string, string>): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const value = a === '-t' || a === '--tag' ? args[++i] : a.startsWith('--tag=') ? a.slice('--tag='.length) : a.startsWith('-t') && a.length > 2 && !a.startsWith('--') ? a.slice(2) : undefined;
    if (value === undefined) continue;
    let unknown = false;
    const expanded = value.replace(/^["']|["']$/g, '').replace(/\$(?:\{([A-Za-z_]\w*)\}|([A-Za-z_]\w*))/g, (_m, braced: string | undefined, bare: string | undefined) => {
      const v = vars.get((braced ?? bare) as string);
      if (v === undefined) unknown = true;
      return v ?? '';
    });
    if (!unknown && expanded.trim()) out.push(expanded.trim());
  }
  return out;
}

/**
 * An image name without its registry host, tag and digest, lower case: `docker-proxy.acme.com/team/ci:4`
 * and `registry.acme.com/team/ci` are both `team/ci` (a job may pull through a proxy of the registry
 * the build pushed to).
 */
function imagePath(ref: string): string {
  const parts = splitImage(ref).name.toLowerCase().split('/');
  if (parts.length > 1 && (/[.:]/.test(parts[0]) || parts[0] === 'localhost')) parts.shift();
  return parts.join('/');
}

/** Actions and blocks whose name says they publish images or log in to a registry (`docker/login-action`, `aws-ecr-push-image`). */
const PUBLISHING_BLOCK = /(^|[/_-])(login|push|publish|release|deploy|registry|ecr|gcr|acr|ghcr)([/_@:-]|$)/i;

/** Image build actions (`docker/build-push-action` and its forks): they publish only when told to (their `push` input), not by their name. */
const BUILD_PUSH_ACTION = /(?:^|\/)build-push-action$/i;

export function publishingBlock(uses: string): boolean {
  const name = uses.split('@')[0];
  return PUBLISHING_BLOCK.test(name) && !BUILD_PUSH_ACTION.test(name);
}

function unitKey(u: EvidenceUnit | undefined, path: string): string {
  return u ? `${u.pipeline}#${u.job ?? ''}` : path;
}

function locKey(loc: Loc): string {
  return `${loc.path}:${loc.line}:${loc.column}`;
}

/** What the pipelines' image builds say about which Dockerfiles ship. */
export interface ImageUsage {
  /** Dockerfiles built in a job that publishes images (or by a command that pushes). */
  shipped: ReadonlySet<string>;
  /** Dockerfiles the pipelines build only in jobs that publish nothing: where one such build is. */
  builtForJobs: ReadonlyMap<string, Evidence>;
  /** Shipped images built from a Dockerfile the job clones from another repository: their content cannot be read here. */
  cloned: readonly { url: string; evidence: Evidence }[];
  /**
   * Dockerfiles whose image the pipelines' own jobs run in (a job's `image:` names a tag of its
   * build): CI build environments, not what ships. Dockerfile → the job image that uses it.
   */
  ciEnvironments?: ReadonlyMap<string, Located>;
  /**
   * True when no pipeline builds any image and no remote block may: nothing in the files builds
   * the Dockerfiles (they may still ship through a registry's own builds, so only those that start
   * nothing of their own are left out; containerScope.ts).
   */
  noBuilds?: boolean;
}

/**
 * The pipelines' image usage, or undefined when it cannot decide what ships: no build is known to
 * publish, or an image build cannot be tied to a Dockerfile of the workspace (a `-f` path held in a
 * variable, bake or compose builds, a release tool's own builds, a remote block that may build).
 * With no image build at all, it says so (`noBuilds`) and ships nothing.
 *
 * `buildHits`: the evidence of every counted `container-build` run; `mayBuild`: container-build
 * runs a remote block may do; `jobImages`: the images the CI jobs run in (`image:`, `container:`).
 */
export function imageUsage(uses: readonly ImageUse[], buildHits: readonly Evidence[], mayBuild: boolean, jobImages: readonly Located[] = []): ImageUsage | undefined {
  if (mayBuild) return undefined;
  const builds = uses.filter((u): u is Extract<ImageUse, { kind: 'build' }> => u.kind === 'build');
  // Builds from a template's own recipe build none of the workspace's Dockerfiles.
  const elsewhere = new Set(uses.filter((u) => u.kind === 'template-build').map((u) => locKey(u.evidence.loc)));
  const ofWorkspace = buildHits.filter((h) => !elsewhere.has(locKey(h.loc)));
  if (builds.length === 0 && ofWorkspace.length === 0) return { shipped: new Set(), builtForJobs: new Map(), cloned: [], noBuilds: true };
  const builtAt = new Set(builds.map((b) => locKey(b.evidence.loc)));
  if (ofWorkspace.some((h) => !builtAt.has(locKey(h.loc)))) return undefined;
  const publishing = new Set(uses.filter((u) => u.kind === 'publish').map((u) => unitKey(u.evidence.unit, u.evidence.loc.path)));
  const jobImageAt = new Map<string, Located>();
  for (const j of jobImages) if (!jobImageAt.has(imagePath(j.value))) jobImageAt.set(imagePath(j.value), j);
  const ciEnvironments = new Map<string, Located>();
  for (const b of builds) {
    const usedBy = b.clonedFrom === undefined ? (b.tags ?? []).map((t) => jobImageAt.get(imagePath(t))).find((j) => j !== undefined) : undefined;
    if (usedBy && !ciEnvironments.has(b.dockerfile)) ciEnvironments.set(b.dockerfile, usedBy);
  }
  const shipped = new Set<string>();
  for (const b of builds) if (!ciEnvironments.has(b.dockerfile) && (b.pushes || publishing.has(unitKey(b.evidence.unit, b.evidence.loc.path)))) shipped.add(b.dockerfile);
  if (shipped.size === 0 && ciEnvironments.size === 0) return undefined;
  const builtForJobs = new Map<string, Evidence>();
  for (const b of builds) if (!shipped.has(b.dockerfile) && !ciEnvironments.has(b.dockerfile) && !builtForJobs.has(b.dockerfile)) builtForJobs.set(b.dockerfile, b.evidence);
  const cloned = builds.filter((b) => b.clonedFrom !== undefined && shipped.has(b.dockerfile)).map((b) => ({ url: b.clonedFrom!, evidence: b.evidence }));
  return { shipped, builtForJobs, cloned, ...(ciEnvironments.size ? { ciEnvironments } : {}) };
}
