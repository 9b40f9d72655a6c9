// Tool configuration files (.gitleaks.toml, .semgrep.yml, sonar-project.properties, .trivyignore,
// threat models, catalog-info.yaml, .devcontainer/...): the catalogue's `configFiles`. Their
// presence alone is a weak hint (a probe without a counted run becomes partial).
//
// The walker lists only files it classifies, and config files are not among them. Rather than
// walk the tree a second time, ConfigFileRecorder wraps the FileSystem the index walks with and
// keeps, from each directory listing the walker asks for anyway, the names that match a
// catalogue pattern. It sees what the walker sees: ignored and excluded folders are never listed
// (their files are never recorded); a file ignored by name inside a listed folder is recorded.
// Files in test/fixture/example folders are left out, as container files are.
import { DirEntry, FileStat, FileSystem, joinPath } from '../fs';
import { Catalogue, matchConfigFile } from './catalogue';
import { DEFAULT_EXCLUDES, isTestOrExamplePath } from './walker';

const EXCLUDED_FOLDERS = new Set(DEFAULT_EXCLUDES.map((p) => p.replace(/\/$/, '')));

export class ConfigFileRecorder implements FileSystem {
  /** Directory → names of matching files in it (replaced at each listing of the directory). */
  private readonly byDir = new Map<string, Set<string>>();

  constructor(
    readonly inner: FileSystem,
    private readonly catalogue: Catalogue,
    private readonly includeTestFolders = false,
  ) {}

  readFile(path: string): Promise<Uint8Array> {
    return this.inner.readFile(path);
  }

  stat(path: string): Promise<FileStat> {
    return this.inner.stat(path);
  }

  async readDirectory(path: string): Promise<DirEntry[]> {
    const entries = await this.inner.readDirectory(path);
    const names = new Set<string>();
    for (const e of entries) if (e.type === 'file' && this.matches(joinPath(path, e.name))) names.add(e.name);
    if (names.size) this.byDir.set(path, names);
    else this.byDir.delete(path);
    return entries;
  }

  /** Root-relative paths of the configuration files seen so far, sorted. */
  paths(): string[] {
    const out: string[] = [];
    for (const [dir, names] of this.byDir) for (const n of names) out.push(joinPath(dir, n));
    return out.sort();
  }

  /**
   * Applies watcher events (the same list given to WorkspaceIndex.update). A deleted folder
   * drops everything recorded below it. Returns true when the set of paths changed.
   */
  async update(changes: { path: string; deleted?: boolean }[]): Promise<boolean> {
    let changed = false;
    for (const { path, deleted } of changes) {
      const slash = path.lastIndexOf('/');
      const dir = slash < 0 ? '' : path.slice(0, slash);
      const name = path.slice(slash + 1);
      const isFile = !deleted && (await this.inner.stat(path).then((s) => s.type === 'file', () => false));
      if (deleted || !isFile) {
        if (this.byDir.get(dir)?.delete(name)) changed = true;
        if (this.byDir.get(dir)?.size === 0) this.byDir.delete(dir);
        for (const d of [...this.byDir.keys()]) {
          if (d === path || d.startsWith(path + '/')) {
            this.byDir.delete(d);
            changed = true;
          }
        }
        continue;
      }
      // Watcher events also come from folders the walker never enters.
      if (path.split('/').slice(0, -1).some((seg) => EXCLUDED_FOLDERS.has(seg)) || !this.matches(path)) continue;
      const set = this.byDir.get(dir) ?? this.byDir.set(dir, new Set()).get(dir)!;
      if (!set.has(name)) {
        set.add(name);
        changed = true;
      }
    }
    return changed;
  }

  private matches(path: string): boolean {
    if (!this.includeTestFolders && isTestOrExamplePath(path)) return false;
    return matchConfigFile(this.catalogue, path).length > 0;
  }
}
