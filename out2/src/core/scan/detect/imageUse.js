"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.publishesImages = publishesImages;
exports.buildPushes = buildPushes;
exports.publishingBlock = publishingBlock;
exports.imageUsage = imageUsage;
const IMAGE_CLIS = new Set(['docker', 'podman', 'buildah', 'nerdctl']);
/** Registry login commands: a job logs in to push (or to pull private images; either way its builds are not throwaway). */
function isRegistryLogin(inv) {
    const a = inv.args;
    if (IMAGE_CLIS.has(inv.program) && a[0] === 'login')
        return true;
    if (inv.program === 'aws' && a[0] === 'ecr' && (a[1] === 'get-login-password' || a[1] === 'get-login'))
        return true;
    if (inv.program === 'az' && a[0] === 'acr' && a[1] === 'login')
        return true;
    if (inv.program === 'gcloud' && a.includes('configure-docker'))
        return true;
    return false;
}
/** A command that publishes images: `docker push`, `docker manifest push`, `buildx imagetools create`, `crane push`, `skopeo copy`, … */
function publishesImages(inv) {
    if (inv.kind !== 'run')
        return false;
    const a = inv.args;
    if (IMAGE_CLIS.has(inv.program)) {
        if (a[0] === 'push' || ((a[0] === 'image' || a[0] === 'manifest' || a[0] === 'compose') && a[1] === 'push'))
            return true;
        if (a[0] === 'buildx' && a[1] === 'imagetools' && a[2] === 'create')
            return true;
        if ((a[0] === 'buildx' && (a[1] === 'build' || a[1] === 'bake')) || a[0] === 'build')
            return buildPushes(a);
    }
    if (inv.program === 'docker-compose' && a[0] === 'push')
        return true;
    if (inv.program === 'crane' && ['push', 'copy', 'cp', 'append', 'mutate', 'tag'].includes(a[0] ?? ''))
        return true;
    if (inv.program === 'skopeo' && a[0] === 'copy')
        return true;
    if (inv.program === 'regctl' && a[0] === 'image' && (a[1] === 'copy' || a[1] === 'import'))
        return true;
    if (inv.program === 'oras' && a[0] === 'push')
        return true;
    return isRegistryLogin(inv);
}
/** `--push`, `--output type=registry`, `-o type=image,push=true` on a build: it pushes what it builds. */
function buildPushes(args) {
    for (let i = 0; i < args.length; i++) {
        const a = args[i];
        if (a === '--push' || a === '--push=true')
            return true;
        const output = a === '--output' || a === '-o' ? args[i + 1] : a.startsWith('--output=') ? a.slice('--output='.length) : undefined;
        if (output && (/(^|,)type=registry\b/.test(output) || /(^|,)push=true\b/.test(output)))
            return true;
    }
    return false;
}
/** Actions and blocks whose name says they publish images or log in to a registry (`docker/login-action`, `aws-ecr-push-image`). */
const PUBLISHING_BLOCK = /(^|[/_-])(login|push|publish|release|deploy|registry|ecr|gcr|acr|ghcr)([/_@:-]|$)/i;
/** Image build actions (`docker/build-push-action` and its forks): they publish only when told to (their `push` input), not by their name. */
const BUILD_PUSH_ACTION = /(?:^|\/)build-push-action$/i;
function publishingBlock(uses) {
    const name = uses.split('@')[0];
    return PUBLISHING_BLOCK.test(name) && !BUILD_PUSH_ACTION.test(name);
}
function unitKey(u, path) {
    return u ? `${u.pipeline}#${u.job ?? ''}` : path;
}
function locKey(loc) {
    return `${loc.path}:${loc.line}:${loc.column}`;
}
/**
 * The pipelines' image usage, or undefined when it cannot decide what ships: no build is known to
 * publish, or an image build cannot be tied to a Dockerfile of the workspace (a `-f` path held in a
 * variable, bake or compose builds, a release tool's own builds, a remote block that may build).
 * With no image build at all, it says so (`noBuilds`) and ships nothing.
 *
 * `buildHits`: the evidence of every counted `container-build` run; `mayBuild`: container-build
 * runs a remote block may do.
 */
function imageUsage(uses, buildHits, mayBuild) {
    if (mayBuild)
        return undefined;
    const builds = uses.filter((u) => u.kind === 'build');
    if (builds.length === 0 && buildHits.length === 0)
        return { shipped: new Set(), builtForJobs: new Map(), cloned: [], noBuilds: true };
    const builtAt = new Set(builds.map((b) => locKey(b.evidence.loc)));
    if (buildHits.some((h) => !builtAt.has(locKey(h.loc))))
        return undefined;
    const publishing = new Set(uses.filter((u) => u.kind === 'publish').map((u) => unitKey(u.evidence.unit, u.evidence.loc.path)));
    const shipped = new Set();
    for (const b of builds)
        if (b.pushes || publishing.has(unitKey(b.evidence.unit, b.evidence.loc.path)))
            shipped.add(b.dockerfile);
    if (shipped.size === 0)
        return undefined;
    const builtForJobs = new Map();
    for (const b of builds)
        if (!shipped.has(b.dockerfile) && !builtForJobs.has(b.dockerfile))
            builtForJobs.set(b.dockerfile, b.evidence);
    const cloned = builds.filter((b) => b.clonedFrom !== undefined && shipped.has(b.dockerfile)).map((b) => ({ url: b.clonedFrom, evidence: b.evidence }));
    return { shipped, builtForJobs, cloned };
}
//# sourceMappingURL=imageUse.js.map