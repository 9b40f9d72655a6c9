"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.parseMsbuildProject = parseMsbuildProject;
exports.solutionProjects = solutionProjects;
const xmlElements_1 = require("./xmlElements");
function loc(path, el) {
    return { path, line: el.line, column: el.column, endLine: el.line, endColumn: el.column + el.name.length + 1 };
}
const REFERENCE_ITEMS = new Set(['PackageReference', 'GlobalPackageReference', 'Analyzer']);
/** Does an asset list (`runtime; build; analyzers`) name the analyzers (or all)? */
function namesAnalyzers(list) {
    return list
        .split(';')
        .map((s) => s.trim().toLowerCase())
        .some((s) => s === 'analyzers' || s === 'all');
}
function referenceOf(path, el) {
    const include = el.attributes.Include ?? '';
    if (!include || include.includes('$('))
        return undefined;
    const asset = (name) => el.attributes[name] ?? el.children.find((c) => c.name === name)?.text;
    const exclude = asset('ExcludeAssets');
    const includeAssets = asset('IncludeAssets');
    const analyzersOff = (exclude !== undefined && namesAnalyzers(exclude)) || (includeAssets !== undefined && !namesAnalyzers(includeAssets));
    const name = el.name === 'Analyzer' ? include.replace(/\\/g, '/').split('/').pop() : include.trim();
    return { item: el.name, name, analyzersOff, loc: loc(path, el) };
}
/** Items, properties and imports of an MSBuild file, at any depth (ItemGroup, PropertyGroup, Choose/When). */
function parseMsbuildProject(path, text) {
    const out = { path, references: [], properties: [], imports: [] };
    const walk = (el, depth, inProperties) => {
        if (depth > 16)
            return;
        for (const c of el.children) {
            if (REFERENCE_ITEMS.has(c.name)) {
                const r = referenceOf(path, c);
                if (r)
                    out.references.push(r);
                continue;
            }
            if (c.name === 'Import') {
                const p = c.attributes.Project;
                if (p)
                    out.imports.push(p.replace(/\\/g, '/'));
                continue;
            }
            if (inProperties && c.children.length === 0) {
                out.properties.push({ name: c.name, value: c.text, loc: loc(path, c) });
                continue;
            }
            walk(c, depth + 1, c.name === 'PropertyGroup');
        }
    };
    walk((0, xmlElements_1.readXml)(text), 0, false);
    return out;
}
/** Project files a solution lists, as written relative to the solution's folder (slashes). */
function solutionProjects(path, text) {
    const out = [];
    if (path.toLowerCase().endsWith('.slnx')) {
        const walk = (el, depth) => {
            if (depth > 16)
                return;
            for (const c of el.children) {
                if (c.name === 'Project' && c.attributes.Path)
                    out.push(c.attributes.Path.replace(/\\/g, '/'));
                else
                    walk(c, depth + 1);
            }
        };
        walk((0, xmlElements_1.readXml)(text), 0);
        return out;
    }
    // Project("{type}") = "Name", "src\Name\Name.csproj", "{guid}"
    for (const line of text.split('\n')) {
        if (!line.startsWith('Project('))
            continue;
        const quoted = line.split('"').filter((_, i) => i % 2 === 1);
        const file = quoted.find((q) => /\.(cs|vb|fs)proj$/i.test(q));
        if (file)
            out.push(file.replace(/\\/g, '/'));
    }
    return out;
}
//# sourceMappingURL=dotnetProject.js.map