"use strict";
// File-name patterns shared by the CI dialects, classification and the walker.
Object.defineProperty(exports, "__esModule", { value: true });
exports.isVariant = isVariant;
exports.isTestOrExamplePath = isTestOrExamplePath;
exports.environmentContainerKind = environmentContainerKind;
exports.isDevOnlyContainerPath = isDevOnlyContainerPath;
/** Extensions after `Dockerfile.` / `Jenkinsfile.` that mean "not the file itself" (docs, backups, ignore files). */
const NOT_A_VARIANT = new Set([
    'md', 'markdown', 'txt', 'rst', 'adoc', 'html', 'htm', 'pdf', 'png', 'jpg', 'jpeg', 'gif', 'svg', 'bak', 'orig',
    'rej', 'swp', 'tmp', 'dockerignore', 'json', 'yml', 'yaml', 'toml', 'xml', 'lock',
]);
function lastExt(name) {
    const i = name.lastIndexOf('.');
    return i < 0 ? '' : name.slice(i + 1).toLowerCase();
}
/** `<stem>.<something>` / `<stem>-x` / `<stem>_x` variants of Dockerfile/Containerfile/Jenkinsfile. */
function isVariant(lname, stem, separators) {
    if (!lname.startsWith(stem) || lname.length <= stem.length + 1)
        return false;
    if (!separators.includes(lname[stem.length]))
        return false;
    return !NOT_A_VARIANT.has(lastExt(lname));
}
const TEST_OR_EXAMPLE_SEGMENTS = new Set([
    'test', 'tests', '__tests__', 'spec', 'fixtures', 'fixture', '__fixtures__', 'testdata', 'test-data', 'examples',
    'example', 'samples', 'sample', 'demo', 'demos',
]);
/**
 * True when a segment of `path` is a test/fixture/example folder name (test, tests, __tests__,
 * spec, fixtures, fixture, __fixtures__, testdata, test-data, examples, example, samples, sample,
 * demo, demos; case-insensitive). `docs` is deliberately not one. The engine uses it to leave such
 * container files out of container checks by default.
 */
function isTestOrExamplePath(path) {
    return path.split('/').some((seg) => TEST_OR_EXAMPLE_SEGMENTS.has(seg.toLowerCase()));
}
/** Folders of the images the project's own CI jobs run in. */
const CI_IMAGE_SEGMENTS = new Set(['.gitlab-ci', '.gitlab', '.circleci', '.github', '.buildkite']);
/** Folders of integration-test environments (Maven's its/). */
const TEST_ENVIRONMENT_SEGMENTS = new Set(['its']);
/** Folders of development and CI environments, not of what ships: dev containers, CI images, integration-test environments. */
const DEV_ONLY_SEGMENTS = new Set(['.devcontainer', ...CI_IMAGE_SEGMENTS, ...TEST_ENVIRONMENT_SEGMENTS]);
/**
 * What a container file in a folder of environments is: `ci-image` under .gitlab-ci/, .circleci/,
 * .github/, .buildkite/ (the images the project's jobs run in, which it builds and publishes
 * itself), `test-environment` under Maven's its/ (files the project writes to lint, but no image it
 * publishes). Neither ships; undefined for other paths.
 */
function environmentContainerKind(path) {
    const folders = path.split('/').slice(0, -1).map((seg) => seg.toLowerCase());
    if (folders.some((seg) => CI_IMAGE_SEGMENTS.has(seg)))
        return 'ci-image';
    if (folders.some((seg) => TEST_ENVIRONMENT_SEGMENTS.has(seg)))
        return 'test-environment';
    return undefined;
}
/**
 * True for container files that describe a development or CI environment rather than what ships:
 * files under .devcontainer/, CI image folders (.gitlab-ci/, .circleci/, .github/, .buildkite/),
 * Maven's its/, and dev variants by name (Dockerfile.dev, dev.Dockerfile, Dockerfile.tilt,
 * docker-compose.dev.yml, compose.override.yaml). Left out of container checks like test folders.
 */
function isDevOnlyContainerPath(path) {
    const segs = path.split('/');
    if (segs.slice(0, -1).some((seg) => DEV_ONLY_SEGMENTS.has(seg.toLowerCase())))
        return true;
    const name = segs[segs.length - 1].toLowerCase();
    return /^(dockerfile|containerfile)[.-](dev|devel|develop|development|local|tilt)$/.test(name) || /^(dev|devel|development|local|tilt)\.(dockerfile|containerfile)$/.test(name) || /^(docker-)?compose[.-](dev|devel|development|local|override)\.ya?ml$/.test(name);
}
//# sourceMappingURL=fileNames.js.map