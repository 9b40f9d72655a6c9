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
// The lint probe's classes from real repositories (issue 14): versioned tool names, formatters in
// check mode only, spell and style checkers, type-check package scripts, and programs kept in a
// variable with a default. What is not lint (whitespace checks with git, compiler switches, a
// formatter that rewrites files) must stay unmatched.
const assert = __importStar(require("node:assert/strict"));
const fs = __importStar(require("node:fs"));
const path = __importStar(require("node:path"));
const catalogue_1 = require("../../src/core/scan/detect/catalogue");
const toolMatch_1 = require("../../src/core/scan/detect/toolMatch");
const facts_1 = require("../../src/core/scan/detect/facts");
const shell_1 = require("../../src/core/scan/parse/shell");
const dotnetProject_1 = require("../../src/core/scan/parse/dotnetProject");
const dotnetAnalyzers_1 = require("../../src/core/scan/detect/dotnetAnalyzers");
const ROOT = path.resolve(__dirname, '../../..');
const LOC = { path: 'ci.yml', line: 1, column: 1, endLine: 1, endColumn: 2 };
const cat = (0, catalogue_1.loadCatalogue)(fs.readFileSync(path.join(ROOT, 'model/probes.yaml'), 'utf8'), 'probes.yaml');
/** The lint tools a shell line runs, by name. */
function lintTools(text) {
    const found = (0, shell_1.invocations)({ text, loc: LOC }).flatMap((i) => (0, toolMatch_1.matchInvocation)(cat, i));
    return [...new Set(found.filter((m) => m.probe === 'lint').map((m) => m.tool))].sort();
}
describe('lint probe: versioned tool names', () => {
    it('a distribution suffix on the program name (clang-format-15, clang-tidy-14) finds the tool', () => {
        assert.deepEqual(lintTools('clang-format-15 --dry-run --Werror src/a.cpp'), ['clang-format / clang-tidy']);
        assert.deepEqual(lintTools('clang-tidy-14 -p build src/a.cpp'), ['clang-format / clang-tidy']);
        assert.deepEqual(lintTools('run-clang-tidy-18.1 -p build'), ['clang-format / clang-tidy']);
        assert.deepEqual(lintTools('/usr/bin/clang-format-12 -style=file -output-replacements-xml a.cc'), ['clang-format / clang-tidy']);
        assert.ok((0, toolMatch_1.isCatalogueProgram)(cat, 'clang-tidy-19'));
    });
    it('the arguments still decide: a versioned formatter that rewrites files is not a check', () => {
        assert.deepEqual(lintTools('clang-format-15 -i src/a.cpp'), []);
    });
    it('only a trailing numeric version is dropped', () => {
        assert.deepEqual(lintTools('gcc-12 -Wall -Werror -c a.c'), []);
        assert.ok(!(0, toolMatch_1.isCatalogueProgram)(cat, 'clang-format-diff'));
        assert.ok(!(0, toolMatch_1.isCatalogueProgram)(cat, 'shellcheck-latest'));
        assert.ok(!(0, toolMatch_1.isCatalogueProgram)(cat, '12-34'));
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
        assert.deepEqual((0, facts_1.assignmentOf)('CLANG_FORMAT="${CLANG_FORMAT:-clang-format}"', before), { name: 'CLANG_FORMAT', value: 'clang-format-14' });
        assert.deepEqual((0, facts_1.assignmentOf)('CLANG_FORMAT="${CLANG_FORMAT:-clang-format}"', new Map()), { name: 'CLANG_FORMAT', value: 'clang-format' });
        assert.deepEqual((0, facts_1.assignmentOf)('CLANG_FORMAT=${CLANG_FORMAT:-clang-format}', new Map([['CLANG_FORMAT', '']])), { name: 'CLANG_FORMAT', value: 'clang-format' });
        // `:?` has no default: an unknown value stays as written
        assert.deepEqual((0, facts_1.assignmentOf)('TOOL="${TOOL:?set TOOL}"', new Map()), { name: 'TOOL', value: '${TOOL:?set TOOL}' });
    });
});
describe('lint probe: analyzers of a .NET build', () => {
    it('reads package references (attributes or child elements), analyzer DLLs, properties and imports', () => {
        const p = (0, dotnetProject_1.parseMsbuildProject)('src/A/A.csproj', [
            '<Project Sdk="Microsoft.NET.Sdk">',
            '  <PropertyGroup><EnforceCodeStyleInBuild>true</EnforceCodeStyleInBuild></PropertyGroup>',
            '  <Choose><When Condition="\'$(CI)\' == \'true\'"><PropertyGroup><AnalysisMode>All</AnalysisMode></PropertyGroup></When></Choose>',
            '  <ItemGroup>',
            '    <PackageReference Include="StyleCop.Analyzers" Version="1.1.118" PrivateAssets="all" />',
            '    <PackageReference Include="Roslynator.Analyzers"><ExcludeAssets>analyzers</ExcludeAssets></PackageReference>',
            "    <GlobalPackageReference Include='Meziantou.Analyzer' Version='2.0.0' IncludeAssets='runtime; build' />",
            '    <Analyzer Include="..\\tools\\AsyncFixer.dll" />',
            '    <PackageReference Include="$(AnalyzerPackage)" />',
            '  </ItemGroup>',
            '  <Import Project="..\\build\\Analysis.props" />',
            '</Project>',
        ].join('\n'));
        assert.deepEqual(p.references.map((r) => [r.item, r.name, r.analyzersOff, r.loc.line]), [
            ['PackageReference', 'StyleCop.Analyzers', false, 5],
            ['PackageReference', 'Roslynator.Analyzers', true, 6],
            ['GlobalPackageReference', 'Meziantou.Analyzer', true, 7],
            ['Analyzer', 'AsyncFixer.dll', false, 8],
        ]);
        assert.deepEqual(p.properties.map((x) => [x.name, x.value, x.loc.line]), [['EnforceCodeStyleInBuild', 'true', 2], ['AnalysisMode', 'All', 3]]);
        assert.deepEqual(p.imports, ['../build/Analysis.props']);
    });
    it('a broken or hostile project file yields what could be read', () => {
        assert.deepEqual((0, dotnetProject_1.parseMsbuildProject)('x.csproj', '<Project><ItemGroup><PackageReference Include="StyleCop.Analyzers"').references, []);
        const many = '<Project><ItemGroup><PackageReference ' + 'a '.repeat(50_000) + 'Include="StyleCop.Analyzers" /></ItemGroup></Project>';
        assert.deepEqual((0, dotnetProject_1.parseMsbuildProject)('x.csproj', many).references.map((r) => r.name), ['StyleCop.Analyzers']);
    });
    it('lists the projects of .sln and .slnx solutions', () => {
        const sln = 'Project("{FAE04EC0}") = "App", "src\\App\\App.csproj", "{1}"\r\nEndProject\r\nProject("{2150E333}") = "docs", "docs", "{2}"\r\n';
        assert.deepEqual((0, dotnetProject_1.solutionProjects)('App.sln', sln), ['src/App/App.csproj']);
        const slnx = '<Solution><Folder Name="/src/"><Project Path="src/Lib/Lib.fsproj" /></Folder><Project Path="App.vbproj" /></Solution>';
        assert.deepEqual((0, dotnetProject_1.solutionProjects)('App.slnx', slnx), ['src/Lib/Lib.fsproj', 'App.vbproj']);
    });
    it('knows which commands build, and what they build', () => {
        assert.equal((0, dotnetAnalyzers_1.dotnetBuildTarget)('dotnet', ['build']), '');
        assert.equal((0, dotnetAnalyzers_1.dotnetBuildTarget)('dotnet', ['build', '-c', 'Release', 'src/App.sln', '-p:X=1']), 'src/App.sln');
        assert.equal((0, dotnetAnalyzers_1.dotnetBuildTarget)('dotnet', ['test', '--configuration', 'Release', 'tests/T.csproj']), 'tests/T.csproj');
        assert.equal((0, dotnetAnalyzers_1.dotnetBuildTarget)('msbuild', ['/m', '/p:Version=1.2.3', 'src\\App.sln']), 'src\\App.sln');
        assert.equal((0, dotnetAnalyzers_1.dotnetBuildTarget)('dotnet', ['test', '--no-build']), undefined);
        assert.equal((0, dotnetAnalyzers_1.dotnetBuildTarget)('dotnet', ['restore']), undefined);
        assert.equal((0, dotnetAnalyzers_1.dotnetBuildTarget)('dotnet', ['format', '--verify-no-changes']), undefined);
    });
    it('reads the Azure build tasks, with pipeline variables in their inputs', () => {
        assert.equal((0, dotnetAnalyzers_1.azureBuildTaskTarget)('MSBuild@1', { solution: '$(solution)' }, { Solution: 'src/App.sln' }), 'src/App.sln');
        assert.equal((0, dotnetAnalyzers_1.azureBuildTaskTarget)('VSBuild@1', {}, {}), '');
        assert.equal((0, dotnetAnalyzers_1.azureBuildTaskTarget)('DotNetCoreCLI@2', { projects: 'src/**/*.csproj' }, {}), 'src/**/*.csproj');
        assert.equal((0, dotnetAnalyzers_1.azureBuildTaskTarget)('DotNetCoreCLI@2', { command: 'restore' }, {}), undefined);
        assert.equal((0, dotnetAnalyzers_1.azureBuildTaskTarget)('DotNetCoreCLI@2', { command: 'test', arguments: '--no-build' }, {}), undefined);
        assert.equal((0, dotnetAnalyzers_1.azureBuildTaskTarget)('PowerShell@2', { script: 'dotnet build' }, {}), undefined);
    });
    it('its data names catalogue probes and unique packages', () => {
        const probeIds = new Set(cat.probes.map((p) => p.id));
        for (const a of [...dotnetAnalyzers_1.DOTNET_ANALYSIS.analyzers, ...dotnetAnalyzers_1.DOTNET_ANALYSIS.properties])
            assert.ok(probeIds.has(a.probe), `${a.tool}: ${a.probe}`);
        const ids = dotnetAnalyzers_1.DOTNET_ANALYSIS.analyzers.map((a) => a.package.toLowerCase());
        assert.equal(new Set(ids).size, ids.length);
    });
});
//# sourceMappingURL=lint-probe.test.js.map