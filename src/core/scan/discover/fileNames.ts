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
