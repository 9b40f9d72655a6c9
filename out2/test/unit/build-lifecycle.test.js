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
// Build lifecycles and aggregators (issue 14): the readers of POMs, Gradle scripts, golangci-lint,
// pre-commit and MegaLinter configuration, the command lines that start them, and the data file
// (model/build-lifecycles.json) checked against the catalogue. End-to-end cases are the golden
// fixtures test/fixtures/detect/lifecycle-* and aggregator-*.
const assert = __importStar(require("node:assert/strict"));
const node_fs_1 = require("node:fs");
const path = __importStar(require("node:path"));
const catalogue_1 = require("../../src/core/scan/detect/catalogue");
const lifecycleHits_1 = require("../../src/core/scan/detect/lifecycleHits");
const buildLifecycle_1 = require("../../src/core/scan/parse/buildLifecycle");
const aggregators_1 = require("../../src/core/scan/parse/aggregators");
const xmlElements_1 = require("../../src/core/scan/parse/xmlElements");
const scanHelpers_1 = require("./scanHelpers");
describe('build lifecycles and aggregators', () => {
    describe('the XML reader', () => {
        it('reads elements with their lines, skipping comments, CDATA and declarations', () => {
            const doc = (0, xmlElements_1.readXml)('<?xml version="1.0"?>\n<!-- <plugin> in a comment -->\n<project xmlns="x">\n  <a>1</a><b><![CDATA[<c>]]></b>\n  <d/>\n  <e>x &amp; y</e>\n</project>\n');
            assert.equal(doc.name, 'project');
            assert.deepEqual(doc.children.map((c) => [c.name, c.line, c.text]), [['a', 4, '1'], ['b', 4, '<c>'], ['d', 5, ''], ['e', 6, 'x & y']]);
        });
        it('never throws on broken input and keeps what it read', () => {
            const doc = (0, xmlElements_1.readXml)('<project><build><plugins><plugin><artifactId>p</artifactId></plugins></build>');
            assert.equal(doc.name, 'project');
            assert.equal(doc.children[0].children[0].children[0].children[0].text, 'p');
            for (const bad of ['', '<', '<<<>>>', '</x>', '<a><b></a></b>', '<!--', '<![CDATA[', 'text only'])
                assert.doesNotThrow(() => (0, xmlElements_1.readXml)(bad));
            assert.doesNotThrow(() => (0, xmlElements_1.readXml)('<a>'.repeat(100_000)));
        });
    });
    describe('POMs', () => {
        const pom = (0, buildLifecycle_1.parsePom)('svc/pom.xml', [
            '<project>',
            '  <parent><groupId>org.example</groupId><artifactId>base</artifactId><version>2</version></parent>',
            '  <artifactId>svc</artifactId>',
            '  <properties><checkstyle.skip>true</checkstyle.skip></properties>',
            '  <modules><module>core</module><module>${extra}</module></modules>',
            '  <build>',
            '    <pluginManagement><plugins><plugin><artifactId>maven-pmd-plugin</artifactId></plugin></plugins></pluginManagement>',
            '    <plugins>',
            '      <plugin>',
            '        <groupId>com.github.spotbugs</groupId>',
            '        <artifactId>spotbugs-maven-plugin</artifactId>',
            '        <configuration><skip>true</skip></configuration>',
            '        <executions><execution><id>scan</id><phase>verify</phase><goals><goal>check</goal></goals></execution></executions>',
            '        <dependencies><dependency><groupId>com.h3xstream.findsecbugs</groupId><artifactId>findsecbugs-plugin</artifactId></dependency></dependencies>',
            '      </plugin>',
            '    </plugins>',
            '  </build>',
            '  <profiles><profile><id>sec</id><activation><activeByDefault>true</activeByDefault></activation><modules><module>audit</module></modules></profile></profiles>',
            '</project>',
        ].join('\n'));
        it('reads parent, key (groupId inherited), properties, modules, plugins and profiles', () => {
            assert.equal(pom.key, 'org.example:svc');
            assert.equal(pom.parent?.key, 'org.example:base');
            assert.equal(pom.parent?.relativePath, undefined, 'absent relativePath means ../pom.xml');
            assert.equal(pom.properties.get('checkstyle.skip'), 'true');
            assert.deepEqual(pom.modules, ['core'], 'a module named by a property is not followed');
            assert.deepEqual(pom.pluginManagement.map((p) => p.key), ['org.apache.maven.plugins:maven-pmd-plugin'], 'the default groupId');
            const [p] = pom.plugins;
            assert.equal(p.key, 'com.github.spotbugs:spotbugs-maven-plugin');
            assert.equal(p.loc.line, 11);
            assert.equal(p.skip, true);
            assert.deepEqual(p.dependencies, ['com.h3xstream.findsecbugs:findsecbugs-plugin']);
            assert.deepEqual(p.executions.map((e) => [e.id, e.phase, e.goals.map((g) => `${g.name}@${g.loc.line}`)]), [['scan', 'verify', ['check@13']]]);
            assert.deepEqual(pom.profiles.map((x) => [x.id, x.activeByDefault, x.modules]), [['sec', true, ['audit']]]);
        });
        it('an empty <relativePath/> says the parent is not local', () => {
            assert.equal((0, buildLifecycle_1.parsePom)('pom.xml', '<project><parent><groupId>g</groupId><artifactId>a</artifactId><relativePath/></parent></project>').parent?.relativePath, '');
        });
        it('reads mvn command lines: phases, -f, -P on and off, -D', () => {
            const c = (0, buildLifecycle_1.readMavenCommand)(['-B', '-ntp', '-T', '4', '-f', 'svc/pom.xml', '-Psec,!slow', '-P', 'ci', '-Dcheckstyle.skip', '-D', 'x=1', 'clean', 'verify', 'org.owasp:dependency-check-maven:check', '$GOALS']);
            assert.deepEqual(c.phases, ['clean', 'verify']);
            assert.equal(c.file, 'svc/pom.xml');
            assert.deepEqual(c.profilesOn, ['sec', 'ci']);
            assert.deepEqual(c.profilesOff, ['slow']);
            assert.equal(c.properties.get('checkstyle.skip'), 'true');
            assert.equal(c.properties.get('x'), '1');
            assert.deepEqual((0, buildLifecycle_1.readMavenCommand)(['--file=a/pom.xml', '-pl', 'core', 'install']).phases, ['install']);
        });
        it('compares versions numerically', () => {
            assert.ok((0, buildLifecycle_1.compareVersions)('3.10.1', '3.3.0') > 0);
            assert.ok((0, buildLifecycle_1.compareVersions)('3.2.9', '3.3.0') < 0);
            assert.equal((0, buildLifecycle_1.compareVersions)('3.3', '3.3.0'), 0);
            assert.equal((0, buildLifecycle_1.compareVersions)('${boot.version}', '3.3.0'), undefined);
        });
    });
    describe('Gradle scripts', () => {
        it('reads plugins in Groovy and Kotlin DSL, leaving out `apply false` and comments', () => {
            const groovy = (0, buildLifecycle_1.parseGradleBuild)('build.gradle', ["plugins {", "  id 'java'", "  id 'com.github.spotbugs' version '6.0.0' apply false", "  // id 'pmd'", "  id \"org.owasp.dependencycheck\" version '12.1.0'", '}', "subprojects {", "  apply plugin: 'checkstyle'", "  apply plugin: \"com.github.spotbugs\"", '}', '/* apply plugin: "pmd" */'].join('\n'));
            assert.deepEqual(groovy.plugins.map((p) => `${p.id}@${p.loc.line}`), ['java@2', 'org.owasp.dependencycheck@5', 'checkstyle@8', 'com.github.spotbugs@9']);
            const kts = (0, buildLifecycle_1.parseGradleBuild)('build.gradle.kts', ['plugins {', '    `java-library`', '    checkstyle', '    pmd', '    id("com.diffplug.spotless") version "7.0.2"', '}', 'apply(plugin = "org.cyclonedx.bom")'].join('\n'));
            assert.deepEqual(kts.plugins.map((p) => p.id).sort(), ['checkstyle', 'com.diffplug.spotless', 'java-library', 'org.cyclonedx.bom', 'pmd']);
        });
        it('reads tasks made dependencies of others, in their usual spellings', () => {
            const b = (0, buildLifecycle_1.parseGradleBuild)('build.gradle', ['check.dependsOn dependencyCheckAnalyze', "build.dependsOn('cyclonedxBom')", "tasks.named('test') {", "  dependsOn 'spotbugsMain'", '}', 'tasks.check {', '    dependsOn(tasks.dependencyCheckAggregate)', '}'].join('\n'));
            const deps = (t) => (b.dependsOn.get(t) ?? []).map((d) => d.task);
            assert.ok(deps('check').includes('dependencyCheckAnalyze'));
            assert.ok(deps('check').includes('dependencyCheckAggregate'));
            assert.ok(deps('build').includes('cyclonedxBom'));
            assert.ok(deps('test').includes('spotbugsMain'));
        });
        it('reads included projects from settings', () => {
            assert.deepEqual((0, buildLifecycle_1.parseGradleBuild)('settings.gradle', "include 'core', ':web:api'\ninclude(\"cli\")").includes, ['core', 'web/api', 'cli']);
        });
        it('reads gradle command lines: tasks (project paths dropped), -x, -p', () => {
            const c = (0, buildLifecycle_1.readGradleCommand)(['--no-daemon', ':clients:check', '-x', 'test', '--exclude-task=javadoc', '-p', 'backend', '-Pci=true', '--max-workers', '2', 'build']);
            assert.deepEqual(c.tasks, ['check', 'build']);
            assert.deepEqual(c.excluded, ['test', 'javadoc']);
            assert.equal(c.projectDir, 'backend');
        });
    });
    describe('golangci-lint', () => {
        it('v1: enable-all, disable-all, enable/disable lists and presets', () => {
            const all = (0, aggregators_1.parseGolangciConfig)('.golangci.yml', 'linters:\n  enable-all: true\n  disable:\n    - gosec # noisy\n');
            assert.equal(all.version, 1);
            assert.equal(all.base, 'all');
            assert.deepEqual(all.disable, ['gosec']);
            assert.equal(all.where('gosec', 'disable')?.line, 4);
            const some = (0, aggregators_1.parseGolangciConfig)('.golangci.yaml', '# gosec is mentioned here first\nlinters:\n  disable-all: true\n  enable: [errcheck, gosec]\n  presets: [bugs]\n');
            assert.equal(some.base, 'none');
            assert.deepEqual(some.enable, ['errcheck', 'gosec']);
            assert.equal(some.where('gosec', 'enable')?.line, 4, 'the comment line is not the evidence');
            assert.deepEqual(some.presets, ['bugs']);
        });
        it('v2: default standard|all|none|fast with enable and disable', () => {
            const c = (0, aggregators_1.parseGolangciConfig)('.golangci.yml', 'version: "2"\nlinters:\n  default: none\n  enable:\n    - gosec\n');
            assert.equal(c.version, 2);
            assert.equal(c.base, 'none');
            assert.deepEqual(c.enable, ['gosec']);
            assert.equal((0, aggregators_1.parseGolangciConfig)('.golangci.yml', 'version: "2"\n').base, 'standard');
            assert.equal((0, aggregators_1.parseGolangciConfig)('.golangci.yml', 'version: "2"\nlinters:\n  default: all\n').base, 'all');
        });
        it('TOML and JSON files', () => {
            const t = (0, aggregators_1.parseGolangciConfig)('.golangci.toml', 'version = "2"\n[linters]\ndefault = "none"\nenable = [\n  "errcheck",\n  "gosec",\n]\n[linters.settings.gosec]\nexcludes = ["G104"]\n');
            assert.equal(t.version, 2);
            assert.equal(t.base, 'none');
            assert.deepEqual(t.enable, ['errcheck', 'gosec']);
            assert.equal(t.where('gosec', 'enable')?.line, 6);
            const j = (0, aggregators_1.parseGolangciConfig)('.golangci.json', '{"linters": {"enable-all": true, "disable": ["gosec"]}}');
            assert.equal(j.base, 'all');
            assert.deepEqual(j.disable, ['gosec']);
            assert.ok((0, aggregators_1.parseGolangciConfig)('.golangci.yml', 'linters: [').unreadable);
            // A huge file is refused with a reason rather than parsed for seconds.
            assert.match((0, aggregators_1.parseGolangciConfig)('.golangci.yml', 'linters:\n  enable:\n' + '    - x\n'.repeat(40_000)).unreadable ?? '', /not read/);
        });
        it('reads golangci-lint command lines', () => {
            const c = (0, aggregators_1.readGolangciCommand)(['run', '-c', 'ci/lint.yml', '-E', 'gosec,errcheck', '--disable=unused', '--timeout', '5m', './...']);
            assert.equal(c.isRun, true);
            assert.equal(c.config, 'ci/lint.yml');
            assert.deepEqual(c.enable, ['gosec', 'errcheck']);
            assert.deepEqual(c.disable, ['unused']);
            assert.equal((0, aggregators_1.readGolangciCommand)(['run', '--enable-all']).base, 'all');
            assert.equal((0, aggregators_1.readGolangciCommand)(['run', '--default=none', '--enable-only', 'gosec']).enableOnly[0], 'gosec');
            assert.equal((0, aggregators_1.readGolangciCommand)(['version']).isRun, false);
            assert.equal((0, aggregators_1.readGolangciCommand)(['run', '--no-config']).noConfig, true);
        });
    });
    describe('pre-commit and MegaLinter', () => {
        it('reads hooks with their lines, stages (own or default) and the pre-commit.ci section', () => {
            const c = (0, aggregators_1.parsePreCommitConfig)('.pre-commit-config.yaml', ['default_stages: [pre-commit, pre-push]', 'ci:', '  skip: [gitleaks]', 'repos:', '  - repo: https://github.com/gitleaks/gitleaks', '    rev: v8', '    hooks:', '      - id: gitleaks', '  - repo: local', '    hooks:', '      - id: audit', '        entry: pip-audit', '        stages: [manual]'].join('\n'));
            assert.deepEqual(c.hooks.map((h) => [h.id, h.loc.line, h.stages]), [['gitleaks', 8, ['pre-commit', 'pre-push']], ['audit', 11, ['manual']]]);
            assert.equal(c.hooks[1].entry?.text, 'pip-audit');
            assert.deepEqual(c.ci?.skip, ['gitleaks']);
            assert.equal(c.ci?.loc.line, 2);
            assert.equal((0, aggregators_1.hookRunsAt)(c.hooks[0], 'pre-commit'), true);
            assert.equal((0, aggregators_1.hookRunsAt)(c.hooks[1], 'pre-commit'), false);
            assert.equal((0, aggregators_1.hookRunsAt)(c.hooks[1], 'manual'), true);
            assert.equal((0, aggregators_1.hookRunsAt)({ id: 'x', loc: c.hooks[0].loc, stages: ['commit'] }, 'pre-commit'), true, 'the legacy stage name');
            assert.deepEqual((0, aggregators_1.parsePreCommitConfig)('x.yaml', 'repos: [').hooks, []);
        });
        it('reads MegaLinter keys and where list items are written', () => {
            const m = (0, aggregators_1.parseMegaLinterConfig)('.mega-linter.yml', 'DISABLE:\n  - SPELL\nENABLE_LINTERS:\n  - PYTHON_RUFF\n  - REPOSITORY_GITLEAKS\nDISABLE_ERRORS: false\n');
            assert.equal(m.values.get('ENABLE_LINTERS')?.value, 'PYTHON_RUFF,REPOSITORY_GITLEAKS');
            assert.equal(m.itemLoc('ENABLE_LINTERS', 'REPOSITORY_GITLEAKS')?.line, 5);
            assert.equal(m.values.get('DISABLE_ERRORS')?.value, 'false');
        });
    });
    describe('model/build-lifecycles.json', () => {
        const catalogue = (0, catalogue_1.loadCatalogue)((0, node_fs_1.readFileSync)(path.join(scanHelpers_1.REPO_ROOT, 'model/probes.yaml'), 'utf8'), 'probes.yaml');
        const probeIds = new Set(catalogue.probes.map((p) => p.id));
        const entries = [
            ...lifecycleHits_1.LIFECYCLES.maven.plugins.flatMap((p) => [p, ...Object.values(p.withPlugin ?? {})]),
            ...lifecycleHits_1.LIFECYCLES.maven.parents.flatMap((p) => p.mayRun ?? []),
            ...lifecycleHits_1.LIFECYCLES.gradle.plugins.flatMap((p) => [p, ...Object.values(p.withDependency ?? {})]),
            ...lifecycleHits_1.LIFECYCLES.golangci.linters,
            ...lifecycleHits_1.LIFECYCLES.superLinter.linters,
            ...lifecycleHits_1.LIFECYCLES.megaLinter.linters,
        ];
        it('names probes of the catalogue and, for tools the catalogue has, its tool names', () => {
            const allTools = new Set(catalogue.probes.flatMap((p) => p.tools.map((t) => t.name)));
            for (const e of entries)
                assert.ok(probeIds.has(e.probe), `${e.tool}: probe ${e.probe} is in the catalogue`);
            for (const name of ['OWASP Dependency-Check', 'CycloneDX generators', 'SpotBugs / Find Security Bugs', 'Checkstyle', 'Spotless', 'PMD', 'gosec', 'Sonatype OSS Index', 'Gitleaks', 'Hadolint']) {
                assert.ok(allTools.has(name), `${name} is a catalogue tool`);
                assert.ok(entries.some((e) => e.tool === name), `${name} is named in the data`);
            }
        });
        it('binds every Maven goal to a phase of the lifecycle it lists', () => {
            const phases = new Set(lifecycleHits_1.LIFECYCLES.maven.phases);
            for (const p of lifecycleHits_1.LIFECYCLES.maven.plugins)
                for (const [goal, phase] of Object.entries(p.goals))
                    assert.ok(phases.has(phase), `${p.plugin}:${goal} → ${phase}`);
            for (const p of lifecycleHits_1.LIFECYCLES.maven.parents)
                for (const m of p.manages ?? [])
                    assert.ok(phases.has(m.phase) && MAVEN_KEYS.has(m.plugin), `${p.parent} manages ${m.plugin}`);
        });
    });
});
const MAVEN_KEYS = new Set(lifecycleHits_1.LIFECYCLES.maven.plugins.map((p) => p.plugin));
//# sourceMappingURL=build-lifecycle.test.js.map