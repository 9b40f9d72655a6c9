// File-name patterns shared by the CI dialects, classification and the walker.

/** Extensions after `Dockerfile.` / `Jenkinsfile.` that mean "not the file itself" (docs, backups, ignore files). */
const NOT_A_VARIANT = new Set([
  'md', 'markdown', 'txt', 'rst', 'adoc', 'html', 'htm', 'pdf', 'png', 'jpg', 'jpeg', 'gif', 'svg', 'bak', 'orig',
  'rej', 'swp', 'tmp', 'dockerignore', 'json', 'yml', 'yaml', 'toml', 'xml', 'lock',
]);

function lastExt(name: string): string {
  const i = name.lastIndexOf('.');
  return i < 0 ? '' : name.slice(i + 1).toLowerCase();
}

/** `<stem>.<something>` / `<stem>-x` / `<stem>_x` variants of Dockerfile/Containerfile/Jenkinsfile. */
export function isVariant(lname: string, stem: string, separators: string): boolean {
  if (!lname.startsWith(stem) || lname.length <= stem.length + 1) return false;
  if (!separators.includes(lname[stem.length])) return false;
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
export function isTestOrExamplePath(path: string): boolean {
  return path.split('/').some((seg) => TEST_OR_EXAMPLE_SEGMENTS.has(seg.toLowerCase()));
}

/** Folders of images the project builds for its own CI jobs and integration-test environments. */
const CI_ENVIRONMENT_SEGMENTS = new Set(['.gitlab-ci', '.gitlab', '.circleci', '.github', '.buildkite', 'its']);
/** Folders of development and CI environments, not of what ships: dev containers, CI images, integration-test environments. */
const DEV_ONLY_SEGMENTS = new Set(['.devcontainer', ...CI_ENVIRONMENT_SEGMENTS]);

/**
 * True for container files in a folder of CI images or integration-test environments
 * (.gitlab-ci/, .circleci/, .github/, .buildkite/, Maven's its/): they do not ship, but the project
 * still writes and builds them, so linting, scanning and building them are its concern (unlike a
 * dev container, which each developer builds for themselves).
 */
export function isCiEnvironmentContainerPath(path: string): boolean {
  return path.split('/').slice(0, -1).some((seg) => CI_ENVIRONMENT_SEGMENTS.has(seg.toLowerCase()));
}

/**
 * True for container files that describe a development or CI environment rather than what ships:
 * files under .devcontainer/, CI image folders (.gitlab-ci/, .circleci/, .github/, .buildkite/),
 * Maven's its/, and dev variants by name (Dockerfile.dev, dev.Dockerfile, Dockerfile.tilt,
 * docker-compose.dev.yml, compose.override.yaml). Left out of container checks like test folders.
 */
export function isDevOnlyContainerPath(path: string): boolean {
  const segs = path.split('/');
  if (segs.slice(0, -1).some((seg) => DEV_ONLY_SEGMENTS.has(seg.toLowerCase()))) return true;
  const name = segs[segs.length - 1].toLowerCase();
  return /^(dockerfile|containerfile)[.-](dev|devel|develop|development|local|tilt)$/.test(name) || /^(dev|devel|development|local|tilt)\.(dockerfile|containerfile)$/.test(name) || /^(docker-)?compose[.-](dev|devel|development|local|override)\.ya?ml$/.test(name);
}
