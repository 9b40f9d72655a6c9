// What a .NET build reads besides the code: MSBuild project files (*.csproj, *.vbproj, *.fsproj,
// Directory.Build.props/.targets, Directory.Packages.props, imported .props/.targets) and the
// solution files that list projects (*.sln, *.slnx). Only what says which analyzers and analysis
// settings the build runs is read: package references, analyzer items, properties and imports.
// Lenient like every parser here: a broken file yields what could be read, nothing throws.
import { Loc } from '../types';
import { readXml, XmlElement } from './xmlElements';

/** A reference that brings analyzers into the build. */
export interface MsbuildReference {
  /** PackageReference, GlobalPackageReference (central package management) or Analyzer (a DLL). */
  item: 'PackageReference' | 'GlobalPackageReference' | 'Analyzer';
  /** The package id, or the analyzer DLL's file name without folder. */
  name: string;
  /** The reference keeps the package's analyzers out (ExcludeAssets all/analyzers, IncludeAssets without analyzers). */
  analyzersOff: boolean;
  loc: Loc;
}

export interface MsbuildProperty {
  name: string;
  value: string;
  loc: Loc;
}

export interface MsbuildProject {
  path: string;
  references: MsbuildReference[];
  properties: MsbuildProperty[];
  /** `<Import Project="…">` paths as written (backslashes made slashes). */
  imports: string[];
}

function loc(path: string, el: XmlElement): Loc {
  return { path, line: el.line, column: el.column, endLine: el.line, endColumn: el.column + el.name.length + 1 };
}

const REFERENCE_ITEMS = new Set(['PackageReference', 'GlobalPackageReference', 'Analyzer']);

/** Does an asset list (`runtime; build; analyzers`) name the analyzers (or all)? */
function namesAnalyzers(list: string): boolean {
  return list
    .split(';')
    .map((s) => s.trim().toLowerCase())
    .some((s) => s === 'analyzers' || s === 'all');
}

function referenceOf(path: string, el: XmlElement): MsbuildReference | undefined {
  const include = el.attributes.Include ?? '';
  if (!include || include.includes('$(')) return undefined;
  const asset = (name: string) => el.attributes[name] ?? el.children.find((c) => c.name === name)?.text;
  const exclude = asset('ExcludeAssets');
  const includeAssets = asset('IncludeAssets');
  const analyzersOff = (exclude !== undefined && namesAnalyzers(exclude)) || (includeAssets !== undefined && !namesAnalyzers(includeAssets));
  const name = el.name === 'Analyzer' ? include.replace(/\\/g, '/').split('/').pop()! : include.trim();
  return { item: el.name as MsbuildReference['item'], name, analyzersOff, loc: loc(path, el) };
}

/** Items, properties and imports of an MSBuild file, at any depth (ItemGroup, PropertyGroup, Choose/When). */
export function parseMsbuildProject(path: string, text: string): MsbuildProject {
  const out: MsbuildProject = { path, references: [], properties: [], imports: [] };
  const walk = (el: XmlElement, depth: number, inProperties: boolean) => {
    if (depth > 16) return;
    for (const c of el.children) {
      if (REFERENCE_ITEMS.has(c.name)) {
        const r = referenceOf(path, c);
        if (r) out.references.push(r);
        continue;
      }
      if (c.name === 'Import') {
        const p = c.attributes.Project;
        if (p) out.imports.push(p.replace(/\\/g, '/'));
        continue;
      }
      if (inProperties && c.children.length === 0) {
        out.properties.push({ name: c.name, value: c.text, loc: loc(path, c) });
        continue;
      }
      walk(c, depth + 1, c.name === 'PropertyGroup');
    }
  };
  walk(readXml(text), 0, false);
  return out;
}

/** Project files a solution lists, as written relative to the solution's folder (slashes). */
export function solutionProjects(path: string, text: string): string[] {
  const out: string[] = [];
  if (path.toLowerCase().endsWith('.slnx')) {
    const walk = (el: XmlElement, depth: number) => {
      if (depth > 16) return;
      for (const c of el.children) {
        if (c.name === 'Project' && c.attributes.Path) out.push(c.attributes.Path.replace(/\\/g, '/'));
        else walk(c, depth + 1);
      }
    };
    walk(readXml(text), 0);
    return out;
  }
  // Project("{type}") = "Name", "src\Name\Name.csproj", "{guid}"
  for (const line of text.split('\n')) {
    if (!line.startsWith('Project(')) continue;
    const quoted = line.split('"').filter((_, i) => i % 2 === 1);
    const file = quoted.find((q) => /\.(cs|vb|fs)proj$/i.test(q));
    if (file) out.push(file.replace(/\\/g, '/'));
  }
  return out;
}
