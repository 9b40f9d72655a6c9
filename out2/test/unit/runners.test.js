"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", { value: true });
// Task runner files read into tasks (src/core/scan/parse/runners.ts) and the runner calls
// findIndirection recognises. Positions are checked exactly: evidence points at them.
const assert = __importStar(require("node:assert/strict"));
const indirection_1 = require("../../src/core/scan/parse/indirection");
const runners_1 = require("../../src/core/scan/parse/runners");
const shell_1 = require("../../src/core/scan/parse/shell");
const place = (l) => `${l.loc.line}:${l.loc.column} ${l.text}`;
function ind(text) {
    for (const i of (0, shell_1.invocations)({ text, loc: { path: 'ci.yml', line: 1, column: 1, endLine: 1, endColumn: 1 } })) {
        const r = (0, indirection_1.findIndirection)(i);
        if (r)
            return r;
    }
    return undefined;
}
describe('task runners: calls', () => {
    const cases = [
        ['task ci', { kind: 'runner', runner: 'task', tasks: ['ci'] }],
        ['task -d services/api lint test VERSION=1', { kind: 'runner', runner: 'task', tasks: ['lint', 'test'], dir: 'services/api' }],
        ['task', { kind: 'runner', runner: 'task', tasks: [] }],
        ['just ci', { kind: 'runner', runner: 'just', tasks: ['ci'] }],
        ['just --justfile build/justfile test', { kind: 'runner', runner: 'just', tasks: ['test'], file: 'build/justfile' }],
        ['tox -e lint,py312', { kind: 'runner', runner: 'tox', tasks: ['lint', 'py312'] }],
        ['python -m tox run -e security', { kind: 'runner', runner: 'tox', tasks: ['security'] }],
        ['tox', { kind: 'runner', runner: 'tox', tasks: [] }],
        ['nox -s tests-3.12 lint', { kind: 'runner', runner: 'nox', tasks: ['tests', 'lint'] }],
        ['nox --session=audit', { kind: 'runner', runner: 'nox', tasks: ['audit'] }],
        ['bundle exec rake spec[fast]', { kind: 'runner', runner: 'rake', tasks: ['spec'] }],
        ['rake -f tasks/ci.rake', { kind: 'runner', runner: 'rake', tasks: [], file: 'tasks/ci.rake' }],
        ['mage -v Check', { kind: 'runner', runner: 'mage', tasks: ['check'] }],
        ['cargo +nightly integration-test --release', { kind: 'runner', runner: 'cargo', tasks: ['integration-test'], args: ['--release'] }],
        ['cargo xtask ci', { kind: 'runner', runner: 'cargo', tasks: ['xtask'], args: ['ci'] }],
    ];
    for (const [text, expected] of cases)
        it(`follows ${JSON.stringify(text)}`, () => assert.deepEqual(ind(text), expected));
    for (const text of ['task --list', 'just --list', 'tox list', 'tox --version', 'nox --list', 'rake -T', 'mage -l', 'cargo test', 'cargo build --release', 'cargo clippy']) {
        it(`does not follow ${JSON.stringify(text)}`, () => assert.equal(ind(text), undefined));
    }
});
describe('task runners: files', () => {
    it('go-task: cmds (strings, block scalars, cmd:), deps, task: calls, includes, shorthand tasks', () => {
        const f = (0, runners_1.parseRunnerFile)('task', 'Taskfile.yml', [
            'version: "3"',
            'includes:',
            '  docs: ./docs',
            '  sec: { taskfile: ./build/Sec.yml }',
            'tasks:',
            '  default: [go build ./...]',
            '  ci:',
            '    deps: [lint, { task: vet }]',
            '    cmds:',
            '      - task: test',
            '      - cmd: echo done',
            '      - |',
            '        go test \\',
            '          ./...',
            '  lint: golangci-lint run',
        ].join('\n'));
        assert.deepEqual(f.includes, [{ namespace: 'docs', path: './docs' }, { namespace: 'sec', path: './build/Sec.yml' }]);
        assert.deepEqual(f.defaults, ['default']);
        assert.deepEqual(f.tasks.get('ci').calls, ['lint', 'vet', 'test']);
        assert.deepEqual(f.tasks.get('ci').lines.map(place), ['11:14 echo done', '13:9 go test ./...']);
        assert.deepEqual(f.tasks.get('lint').lines.map(place), ['15:9 golangci-lint run']);
        assert.deepEqual(f.tasks.get('default').lines.map(place), ['6:13 go build ./...']);
    });
    it('just: the first recipe is the default; dependencies with arguments and after &&; @ and - prefixes; aliases; settings are not recipes', () => {
        const f = (0, runners_1.parseRunnerFile)('just', 'justfile', [
            'set dotenv-load',
            'version := "1.0"',
            'alias c := ci',
            '',
            'ci: build (check "all") && report',
            '  @cargo test',
            '  -cargo audit',
            '',
            'check scope="x":',
            '    cargo clippy -- {{scope}}',
        ].join('\n'));
        assert.deepEqual(f.defaults, ['ci']);
        assert.deepEqual(f.tasks.get('c').calls, ['ci']);
        assert.deepEqual(f.tasks.get('ci').calls, ['build', 'check', 'report']);
        assert.deepEqual(f.tasks.get('ci').lines.map(place), ['6:4 cargo test', '7:4 cargo audit']);
        assert.deepEqual(f.tasks.get('check').lines.map(place), ['10:5 cargo clippy -- {{scope}}']);
        assert.ok(!f.tasks.has('version') && !f.tasks.has('set'));
    });
    it('tox.ini: env_list with braces, base and named envs, factor conditions, continuation lines, references to other envs', () => {
        const f = (0, runners_1.parseRunnerFile)('tox', 'tox.ini', [
            '[tox]',
            'envlist = py{311,312}, lint',
            '[testenv]',
            'commands =',
            '    pytest {posargs}',
            '    py312: coverage report',
            '[testenv:lint]',
            'commands = ruff check src',
            '           {[testenv]commands}',
        ].join('\n'));
        assert.deepEqual(f.defaults, ['py311', 'py312', 'lint']);
        assert.deepEqual(f.tasks.get('').lines.map(place), ['5:5 pytest', '6:12 coverage report']);
        assert.deepEqual(f.tasks.get('lint').lines.map(place), ['8:12 ruff check src']);
        assert.deepEqual(f.tasks.get('lint').calls, ['']);
    });
    it('tox.toml and pyproject [tool.tox]: commands as arrays of words; legacy_tox_ini keeps its line numbers', () => {
        const toml = (0, runners_1.parseRunnerFile)('tox', 'tox.toml', ['env_list = ["lint"]', '[env.lint]', 'commands = [', '  ["ruff", "check", "."],', '  ["mypy", "src"],', ']'].join('\n'));
        assert.deepEqual(toml.defaults, ['lint']);
        assert.deepEqual(toml.tasks.get('lint').lines.map(place), ['4:4 ruff check .', '5:4 mypy src']);
        const legacy = (0, runners_1.parseRunnerFile)('tox', 'pyproject.toml', ['[project]', 'name = "x"', '[tool.tox]', 'legacy_tox_ini = """', '[testenv:sec]', 'commands = bandit -r src', '"""'].join('\n'));
        assert.deepEqual(legacy.tasks.get('sec').lines.map(place), ['6:12 bandit -r src']);
    });
    it('noxfile: sessions (name=, default=False), session.run over several lines, keyword arguments left out, notify, nox.options.sessions', () => {
        const f = (0, runners_1.parseRunnerFile)('nox', 'noxfile.py', [
            'import nox',
            'nox.options.sessions = ["lint"]',
            '@nox.session(name="lint")',
            'def run_lint(session):',
            '    session.run("ruff", "check", "src", external=True)',
            '    session.notify("tests")',
            '@nox.session(default=False)',
            'def tests(session: nox.Session) -> None:',
            '    session.run(',
            '        "pytest",',
            '        *session.posargs,',
            '    )',
            'def helper():',
            '    session.run("not-a-session")',
        ].join('\n'));
        assert.deepEqual(f.defaults, ['lint']);
        assert.deepEqual(f.tasks.get('lint').lines.map(place), ['5:5 ruff check src']);
        assert.deepEqual(f.tasks.get('lint').calls, ['tests']);
        assert.deepEqual(f.tasks.get('tests').lines.map(place), ['9:5 pytest']);
        assert.equal(f.tasks.get('lint').lines[0].written, 'session.run("ruff", "check", "src", external=True)');
        assert.equal(f.tasks.size, 2);
    });
    it('Rakefile: prerequisites in every spelling, sh lines, task libraries, namespaces, Rake::Task invoke', () => {
        const f = (0, runners_1.parseRunnerFile)('rake', 'Rakefile', [
            'RSpec::Core::RakeTask.new(:spec)',
            'task default: [:spec, :lint]',
            'task :lint => %w[style] do',
            '  sh "rubocop --parallel"',
            'end',
            'namespace :ci do',
            '  task :all do',
            '    Rake::Task["spec"].invoke',
            '    sh("brakeman", "-q")',
            '  end',
            'end',
        ].join('\n'));
        assert.deepEqual(f.defaults, ['default']);
        assert.deepEqual(f.tasks.get('default').calls, ['spec', 'lint']);
        assert.deepEqual(f.tasks.get('lint').calls, ['style']);
        assert.deepEqual(f.tasks.get('lint').lines.map(place), ['4:3 rubocop --parallel']);
        assert.deepEqual(f.tasks.get('spec').lines.map(place), ['1:1 rspec']);
        assert.deepEqual(f.tasks.get('ci:all').calls, ['spec']);
        assert.deepEqual(f.tasks.get('ci:all').lines.map(place), ['9:5 brakeman -q']);
    });
    it('magefile: targets lower-cased, mg.Deps and direct target calls, sh.* and helper calls with package strings resolved', () => {
        const f = (0, runners_1.parseRunnerFile)('mage', 'magefile.go', [
            'package main',
            'const (',
            '\tlinter = "golangci-lint"',
            ')',
            'var Default = Check',
            'func Check() error {',
            '\tmg.Deps(Lint, Vet)',
            '\tBuild()',
            '\treturn run(env(), "go", "test", pkgs())',
            '}',
            'func Lint() error {',
            '\treturn sh.Run(linter, "run")',
            '}',
            'func Build() {}',
            'func Vet() {}',
            'func run(e map[string]string, cmd string, args ...string) error { return nil }',
        ].join('\n'));
        assert.deepEqual(f.defaults, ['check']);
        assert.deepEqual(f.tasks.get('check').calls, ['lint', 'vet', 'build']);
        assert.deepEqual(f.tasks.get('check').lines.map(place), ['9:9 go test $ARG']);
        assert.deepEqual(f.tasks.get('lint').lines.map(place), ['12:9 golangci-lint run']);
        assert.ok(!f.tasks.has('run'));
    });
    it('cargo aliases: [alias] strings and word lists, dotted alias keys', () => {
        const f = (0, runners_1.parseRunnerFile)('cargo', '.cargo/config.toml', ['[build]', 'jobs = 2', '[alias]', 'it = "test --test integration"', 'lint = ["clippy", "--", "-D", "warnings"]', '[env]', 'alias.x = "run"'].join('\n'));
        assert.deepEqual([...f.tasks.keys()], ['it', 'lint', 'x']);
        assert.equal(f.tasks.get('lint').lines[0].text, 'clippy -- -D warnings');
        assert.equal(f.tasks.get('it').lines[0].loc.line, 4);
    });
    it('never throws on junk', () => {
        for (const kind of ['task', 'just', 'tox', 'nox', 'rake', 'mage', 'cargo']) {
            for (const junk of ['', '\u0000\u0001', '((((', 'tasks: [', ':\n  - - -', '"""', 'def ('])
                assert.ok((0, runners_1.parseRunnerFile)(kind, 'x', junk).tasks instanceof Map);
        }
    });
});
describe('task runners: Meson run targets and Poe the Poet', () => {
    const cases = [
        ['ninja -C build_ci* luacheck', { kind: 'runner', runner: 'meson', tasks: ['luacheck'] }],
        ['ninja -C sub/build -j4 tidy', { kind: 'runner', runner: 'meson', tasks: ['tidy'], dir: 'sub' }],
        ['meson compile -C build clang-format-check', { kind: 'runner', runner: 'meson', tasks: ['clang-format-check'] }],
        ['poe check-code', { kind: 'runner', runner: 'poe', tasks: ['check-code'] }],
        ['poetry run poe -C api lint --fix', { kind: 'runner', runner: 'poe', tasks: ['lint'], dir: 'api' }],
    ];
    for (const [text, expected] of cases)
        it(`follows ${JSON.stringify(text)}`, () => assert.deepEqual(ind(text), expected));
    for (const text of ['ninja -C build', 'ninja -t compdb', 'meson setup build', 'meson compile -C build', 'poe', 'poe --help']) {
        it(`does not follow ${JSON.stringify(text)}`, () => assert.equal(ind(text), undefined));
    }
    it('meson.build: run_target commands with find_program programs, source-root folders and file lists left out; alias_target calls', () => {
        const f = (0, runners_1.parseRunnerFile)('meson', 'meson.build', [
            "project('x', 'c')",
            "clangtidy = find_program('clang-tidy', required: false)",
            "luacheck = find_program('luacheck')",
            'if clangtidy.found()',
            '  tidy = run_target(',
            "    'tidy',  # static checks",
            "    command: [clangtidy, '-quiet', '-p', meson.build_root()] + c_sources",
            '  )',
            'endif',
            "lua = run_target('luacheck', command: [luacheck, '--codes', meson.source_root()])",
            "run_target('gen', command: [python3, files('gen.py')])",
            "alias_target('lint', tidy, lua)",
        ].join('\n'));
        assert.deepEqual([...f.tasks.keys()], ['tidy', 'luacheck', 'lint']);
        assert.deepEqual(f.tasks.get('tidy').lines.map(place), ['5:10 clang-tidy -quiet -p .']);
        assert.equal(f.tasks.get('tidy').lines[0].written, "tidy = run_target('tidy', command: [clangtidy, '-quiet', '-p', meson.build_root()] + c_sources)");
        assert.deepEqual(f.tasks.get('luacheck').lines.map(place), ['10:7 luacheck --codes .']);
        assert.deepEqual(f.tasks.get('lint').calls, ['tidy', 'luacheck']);
    });
    it('pyproject.toml [tool.poe.tasks]: strings, inline tables, sequences of references and task tables', () => {
        const f = (0, runners_1.parseRunnerFile)('poe', 'pyproject.toml', [
            '[tool.poetry]',
            'name = "x"',
            '',
            '[tool.poe.tasks]',
            'fmt = "ruff format ."',
            'check-code = { cmd = "scripts/check-code", help = "Static checks" }',
            'all = ["check-code", "test"]',
            "test = { shell = 'pytest -q && coverage xml' }",
            '',
            '[tool.poe.tasks.ci]',
            'help = "everything CI runs"',
            'deps = ["fmt"]',
            'sequence = [',
            '  { cmd = "mypy src" },',
            '  { ref = "test" },',
            ']',
            '',
            '[tool.poe.tasks."type-check"]',
            'shell = """',
            'mypy src',
            'pyright',
            '"""',
            '',
            '[tool.ruff]',
            'line-length = 100',
        ].join('\n'));
        assert.deepEqual([...f.tasks.keys()], ['fmt', 'check-code', 'all', 'test', 'ci', 'type-check']);
        assert.deepEqual(f.tasks.get('fmt').lines.map(place), ['5:8 ruff format .']);
        assert.deepEqual(f.tasks.get('check-code').lines.map(place), ['6:23 scripts/check-code']);
        assert.deepEqual(f.tasks.get('all').calls, ['check-code', 'test']);
        assert.deepEqual(f.tasks.get('test').lines.map(place), ['8:19 pytest -q && coverage xml']);
        assert.deepEqual(f.tasks.get('ci').calls, ['fmt', 'test']);
        assert.deepEqual(f.tasks.get('ci').lines.map(place), ['14:12 mypy src']);
        assert.deepEqual(f.tasks.get('type-check').lines.map(place), ['20:1 mypy src', '21:1 pyright']);
    });
});
//# sourceMappingURL=runners.test.js.map