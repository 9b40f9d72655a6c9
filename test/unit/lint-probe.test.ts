// The lint probe's classes from real repositories (issue 14): versioned tool names, formatters in
// check mode only, spell and style checkers, type-check package scripts, and programs kept in a
// variable with a default. What is not lint (whitespace checks with git, compiler switches, a
// formatter that rewrites files) must stay unmatched.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadCatalogue, ToolMatch } from '../../src/core/scan/detect/catalogue';
import { isCatalogueProgram, matchInvocation } from '../../src/core/scan/detect/toolMatch';
import { assignmentOf } from '../../src/core/scan/detect/facts';
import { invocations, Invocation } from '../../src/core/scan/parse/shell';
import { Loc } from '../../src/core/scan/types';

const ROOT = path.resolve(__dirname, '../../..');
const LOC: Loc = { path: 'ci.yml', line: 1, column: 1, endLine: 1, endColumn: 2 };
const cat = loadCatalogue(fs.readFileSync(path.join(ROOT, 'model/probes.yaml'), 'utf8'), 'probes.yaml');

/** The lint tools a shell line runs, by name. */
function lintTools(text: string): string[] {
  const found = invocations({ text, loc: LOC }).flatMap((i: Invocation) => matchInvocation(cat, i));
  return [...new Set(found.filter((m: ToolMatch) => m.probe === 'lint').map((m) => m.tool))].sort();
}

describe('lint probe: versioned tool names', () => {
  it('a distribution suffix on the program name (clang-format-15, clang-tidy-14) finds the tool', () => {
    assert.deepEqual(lintTools('clang-format-15 --dry-run --Werror src/a.cpp'), ['clang-format / clang-tidy']);
    assert.deepEqual(lintTools('clang-tidy-14 -p build src/a.cpp'), ['clang-format / clang-tidy']);
    assert.deepEqual(lintTools('run-clang-tidy-18.1 -p build'), ['clang-format / clang-tidy']);
    assert.deepEqual(lintTools('/usr/bin/clang-format-12 -style=file -output-replacements-xml a.cc'), ['clang-format / clang-tidy']);
    assert.ok(isCatalogueProgram(cat, 'clang-tidy-19'));
  });

  it('the arguments still decide: a versioned formatter that rewrites files is not a check', () => {
    assert.deepEqual(lintTools('clang-format-15 -i src/a.cpp'), []);
  });

  it('only a trailing numeric version is dropped', () => {
    assert.deepEqual(lintTools('gcc-12 -Wall -Werror -c a.c'), []);
    assert.ok(!isCatalogueProgram(cat, 'clang-format-diff'));
    assert.ok(!isCatalogueProgram(cat, 'shellcheck-latest'));
    assert.ok(!isCatalogueProgram(cat, '12-34'));
  });

  it('python -m with a versioned interpreter reaches the module', () => {
    assert.deepEqual(lintTools('python3.12 -m ruff check .'), ['Ruff']);
    assert.deepEqual(lintTools('python -m flake8 src'), ['Flake8']);
    assert.deepEqual(lintTools('python3 -m black --check .'), ['Black']);
  });
});

describe('lint probe: style checkers that are not classic linters', () => {
  it('spell checkers, editorconfig-checker and format checks count', () => {
    assert.deepEqual(lintTools('codespell --skip=.git'), ['codespell']);
    assert.deepEqual(lintTools('typos'), ['typos']);
    assert.deepEqual(lintTools('npx cspell "**/*.md"'), ['CSpell']);
    assert.deepEqual(lintTools('editorconfig-checker'), ['editorconfig-checker']);
    assert.deepEqual(lintTools('shfmt -d scripts'), ['shfmt']);
    assert.deepEqual(lintTools('git clang-format --diff origin/main'), ['clang-format / clang-tidy']);
    assert.deepEqual(lintTools('terraform fmt -check -recursive'), ['Terraform / OpenTofu fmt check']);
  });

  it('the same tools in rewrite mode do not', () => {
    assert.deepEqual(lintTools('shfmt -w scripts'), []);
    assert.deepEqual(lintTools('terraform fmt -recursive'), []);
    assert.deepEqual(lintTools('git clang-format origin/main'), []);
  });

  it('whitespace checks with git or grep and compiler switches are not lint', () => {
    assert.deepEqual(lintTools('git diff --check origin/main HEAD'), []);
    assert.deepEqual(lintTools('git diff-tree --check origin/main HEAD'), []);
    assert.deepEqual(lintTools('git grep -I -n -P " $" -- src && exit 1'), []);
    assert.deepEqual(lintTools('meson setup build --werror'), []);
  });

  it('a package script named for a type check counts, a build script does not', () => {
    assert.deepEqual(lintTools('yarn run type-check'), ['Package script type check']);
    assert.deepEqual(lintTools('npm run typecheck'), ['Package script type check']);
    assert.deepEqual(lintTools('pnpm check-types'), ['Package script type check']);
    assert.deepEqual(lintTools('yarn run build'), []);
    assert.deepEqual(lintTools('tsc -p tsconfig.build.json'), []);
  });
});

describe('lint probe: a program kept in a variable with a default', () => {
  it('a self-default assignment keeps the value set before it, else takes the default', () => {
    const before = new Map([['CLANG_FORMAT', 'clang-format-14']]);
    assert.deepEqual(assignmentOf('CLANG_FORMAT="${CLANG_FORMAT:-clang-format}"', before), { name: 'CLANG_FORMAT', value: 'clang-format-14' });
    assert.deepEqual(assignmentOf('CLANG_FORMAT="${CLANG_FORMAT:-clang-format}"', new Map()), { name: 'CLANG_FORMAT', value: 'clang-format' });
    assert.deepEqual(assignmentOf('CLANG_FORMAT=${CLANG_FORMAT:-clang-format}', new Map([['CLANG_FORMAT', '']])), { name: 'CLANG_FORMAT', value: 'clang-format' });
    // `:?` has no default: an unknown value stays as written
    assert.deepEqual(assignmentOf('TOOL="${TOOL:?set TOOL}"', new Map()), { name: 'TOOL', value: '${TOOL:?set TOOL}' });
  });
});
