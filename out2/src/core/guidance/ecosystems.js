"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.detectEcosystems = detectEcosystems;
exports.dependabotConfig = dependabotConfig;
exports.renovateConfig = renovateConfig;
exports.codeqlLanguages = codeqlLanguages;
exports.shellWord = shellWord;
// Dependency ecosystems of a workspace, from the manifests and lockfiles the index lists, and
// the files generated from them (Dependabot, Renovate). Also the values snippets need
// ({{npmDir}}, {{pipTarget}}, {{codeqlLanguages}}, Dockerfile paths).
const fs_1 = require("../fs");
/** Order of the ecosystems in generated files. */
const ORDER = ['npm', 'pip', 'gomod', 'maven', 'gradle', 'cargo', 'bundler', 'composer', 'nuget', 'docker', 'terraform', 'github-actions'];
function ecosystemOfFile(path, kind) {
    const name = (0, fs_1.basename)(path);
    if (kind === 'dockerfile')
        return 'docker';
    if (kind === 'github-workflow' || kind === 'github-action')
        return 'github-actions';
    if (kind === 'iac' && /\.tf$/.test(name))
        return 'terraform';
    if (kind === 'package-json' || ['package-lock.json', 'npm-shrinkwrap.json', 'yarn.lock', 'pnpm-lock.yaml', 'bun.lock'].includes(name))
        return 'npm';
    if (/^requirements.*\.txt$/i.test(name) || ['pyproject.toml', 'Pipfile', 'Pipfile.lock', 'setup.py', 'poetry.lock', 'uv.lock'].includes(name))
        return 'pip';
    if (kind === 'manifest' && /\.txt$/.test(name) && /(^|\/)requirements\//.test(path))
        return 'pip';
    if (name === 'go.mod' || name === 'go.sum')
        return 'gomod';
    if (name === 'pom.xml')
        return 'maven';
    if (name === 'build.gradle' || name === 'build.gradle.kts' || name === 'gradle.lockfile')
        return 'gradle';
    if (name === 'Cargo.toml' || name === 'Cargo.lock')
        return 'cargo';
    if (name === 'Gemfile' || name === 'Gemfile.lock')
        return 'bundler';
    if (name === 'composer.json' || name === 'composer.lock')
        return 'composer';
    if (/\.(cs|fs|vb)proj$/i.test(name) || name === 'packages.lock.json')
        return 'nuget';
    return undefined;
}
const memo = new WeakMap();
/** Ecosystems found in the workspace with the folders they live in (out-of-scope files ignored). Memoised per array. */
function detectEcosystems(files) {
    const hit = memo.get(files);
    if (hit)
        return hit;
    const out = computeEcosystems(files);
    memo.set(files, out);
    return out;
}
function computeEcosystems(files) {
    const found = new Map();
    for (const f of files) {
        if (f.outOfScope)
            continue;
        const eco = ecosystemOfFile(f.path, f.kind);
        if (!eco)
            continue;
        let dir = (0, fs_1.dirname)(f.path);
        if (eco === 'github-actions')
            dir = '';
        else if (eco === 'pip' && /(^|\/)requirements$/.test(dir) && f.kind === 'manifest' && !/^requirements/i.test((0, fs_1.basename)(f.path)))
            dir = (0, fs_1.dirname)(dir);
        const slot = found.get(eco) ?? found.set(eco, { dirs: new Set(), files: [] }).get(eco);
        slot.dirs.add(dir);
        slot.files.push(f.path);
    }
    return ORDER.filter((e) => found.has(e)).map((e) => ({ ecosystem: e, dirs: [...found.get(e).dirs].sort(), files: found.get(e).files.sort() }));
}
function slashDir(dir) {
    return '/' + dir;
}
/** `.github/dependabot.yml` for the ecosystems found (weekly; one entry per ecosystem). */
function dependabotConfig(ecos, eol = '\n') {
    const lines = [
        '# Dependabot: weekly pull requests that update the dependencies found in this repository.',
        '# Created by DSOMM for VS Code from the manifests in the workspace; review the folders and the schedule.',
        'version: 2',
        'updates:',
    ];
    const list = ecos.length ? ecos : [{ ecosystem: 'github-actions', dirs: [''], files: [] }];
    list.forEach((e, i) => {
        if (i > 0)
            lines.push('');
        lines.push(`  - package-ecosystem: ${e.ecosystem}`);
        if (e.dirs.length === 1)
            lines.push(`    directory: ${yamlPath(slashDir(e.dirs[0]))}`);
        else {
            lines.push('    directories:');
            for (const d of e.dirs)
                lines.push(`      - ${yamlPath(slashDir(d))}`);
        }
        lines.push('    schedule:', '      interval: weekly');
    });
    return lines.join(eol) + eol;
}
function yamlPath(p) {
    return /^[A-Za-z0-9/._-]+$/.test(p) ? p : JSON.stringify(p);
}
/** Renovate managers for an ecosystem (the names Renovate uses in `enabledManagers`). */
function renovateManagers(e, allFiles) {
    const names = new Set(e.files.map((f) => (0, fs_1.basename)(f)));
    switch (e.ecosystem) {
        case 'npm':
            return ['npm'];
        case 'pip': {
            const out = [];
            if ([...names].some((n) => /^requirements.*\.txt$/i.test(n)) || e.files.some((f) => /(^|\/)requirements\//.test(f)))
                out.push('pip_requirements');
            if (names.has('pyproject.toml'))
                out.push(names.has('poetry.lock') ? 'poetry' : 'pep621');
            if (names.has('Pipfile') || names.has('Pipfile.lock'))
                out.push('pipenv');
            if (names.has('setup.py'))
                out.push('pip_setup');
            return out.length ? out : ['pip_requirements'];
        }
        case 'gomod':
            return ['gomod'];
        case 'maven':
            return ['maven'];
        case 'gradle':
            return ['gradle'];
        case 'cargo':
            return ['cargo'];
        case 'bundler':
            return ['bundler'];
        case 'composer':
            return ['composer'];
        case 'nuget':
            return ['nuget'];
        case 'docker':
            return allFiles.some((f) => f.kind === 'compose' && !f.outOfScope) ? ['dockerfile', 'docker-compose'] : ['dockerfile'];
        case 'terraform':
            return ['terraform'];
        case 'github-actions':
            return ['github-actions'];
    }
}
/** `renovate.json` limited to the ecosystems found. */
function renovateConfig(ecos, allFiles, eol = '\n') {
    const managers = [...new Set(ecos.flatMap((e) => renovateManagers(e, allFiles)))];
    if (allFiles.some((f) => f.kind === 'gitlab-ci'))
        managers.push('gitlabci');
    const config = {
        $schema: 'https://docs.renovatebot.com/renovate-schema.json',
        extends: ['config:recommended'],
    };
    if (managers.length)
        config.enabledManagers = managers;
    return JSON.stringify(config, null, 2).replace(/\n/g, eol) + eol;
}
const CODEQL_LANGUAGES = {
    npm: 'javascript-typescript',
    pip: 'python',
    gomod: 'go',
    maven: 'java-kotlin',
    gradle: 'java-kotlin',
    nuget: 'csharp',
    bundler: 'ruby',
};
function codeqlLanguages(ecos) {
    return [...new Set(ecos.map((e) => CODEQL_LANGUAGES[e.ecosystem]).filter((x) => !!x))].join(', ');
}
/** Quotes a path for a shell command when it needs it. */
function shellWord(p) {
    return /^[A-Za-z0-9_./@%+=:,-]+$/.test(p) ? p : `'${p.replace(/'/g, `'\\''`)}'`;
}
//# sourceMappingURL=ecosystems.js.map