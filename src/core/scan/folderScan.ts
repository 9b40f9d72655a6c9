// The one way to assess a folder: the CLI and the extension both build, update and evaluate
// through FolderScan, so what the index holds (the walk, the tool configuration files recorded on
// the way, the options) cannot differ between them. The extension keeps one per workspace
// folder and feeds it watcher events; the CLI builds one and evaluates it once.
import { FileSystem } from '../fs';
import { Model } from '../model/types';
import { ConfigFileRecorder } from './discover/configFiles';
import { evaluate } from './detect/evaluate';
import { ScanResult } from './result';
import { DetectionData } from './scan';
import { IndexOptions, WorkspaceIndex } from './workspaceIndex';

/** The settings a user can give (CLI options, editor settings), with the same defaults on both sides. */
export interface ScanSettings {
  /** Count container and configuration files in test/fixture/example folders (default false). */
  includeTestFolders?: boolean;
  /** Files larger than this are listed with a note and not read (default 1 MiB). */
  maxFileSize?: number;
}

export class FolderScan {
  readonly index: WorkspaceIndex;
  /** Sees the walker's directory listings and keeps the tool configuration files. */
  readonly configFiles: ConfigFileRecorder;

  constructor(
    fs: FileSystem,
    /** How the result names the folder (a path for the CLI, a URI in the editor). */
    readonly root: string,
    readonly data: DetectionData,
    settings: ScanSettings = {},
    /** How the host runs the walk (yielding, concurrency, cancellation); never what it finds. */
    host: Pick<IndexOptions, 'yieldFn' | 'concurrency' | 'signal' | 'onFilesFound'> = {},
  ) {
    const options: IndexOptions = { ...host, includeTestFolders: settings.includeTestFolders ?? false, ...(settings.maxFileSize !== undefined ? { maxFileSize: settings.maxFileSize } : {}) };
    this.configFiles = new ConfigFileRecorder(fs, data.catalogue, options.includeTestFolders);
    this.index = new WorkspaceIndex(this.configFiles, data.catalogue, options);
  }

  /** Walks, reads and parses the folder (again). */
  build(): Promise<void> {
    return this.index.build();
  }

  /**
   * Applies file changes (watcher events) to the index and to the recorded configuration files.
   * Returns false when nothing that matters changed.
   */
  async update(changes: { path: string; deleted?: boolean }[]): Promise<boolean> {
    // The index lists a folder that arrives through the recorder, which records what it holds.
    const recorded = this.configFiles.paths().join('\n');
    const configChanged = await this.configFiles.update(changes);
    const indexChanged = await this.index.update(changes);
    return configChanged || indexChanged || this.configFiles.paths().join('\n') !== recorded;
  }

  /**
   * Could a watcher event for `path` change the assessment? No file-system call: the editor drops
   * the events of files nothing reads (a saved README, a touched lockfile) before they cost work.
   */
  mayMatter(path: string, deleted: boolean): boolean {
    return this.configFiles.mayMatter(path, deleted) || this.index.mayMatter(path, deleted);
  }

  /** The folder's result from the files alone (the team's progress is layered on by the caller). */
  evaluate(model: Model): ScanResult {
    return evaluate({ root: this.root, index: this.index, model, catalogue: this.data.catalogue, rules: this.data.rules, configFiles: this.configFiles.paths() });
  }
}

/** Builds and evaluates a folder once (the CLI; tests). */
export async function scanFolder(fs: FileSystem, root: string, model: Model, data: DetectionData, settings: ScanSettings = {}): Promise<{ scan: FolderScan; result: ScanResult }> {
  const scan = new FolderScan(fs, root, data, settings);
  await scan.build();
  return { scan, result: scan.evaluate(model) };
}
