// Shared by the engine and CLI tests: the bundled model and detection data, and a scan of a folder.
import { readTeamTools, withTeamTools } from '../../src/core/scan/teamTools';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parseModel } from '../../src/core/model/loader';
import { Model } from '../../src/core/model/types';
import { NodeFileSystem } from '../../src/core/nodeFileSystem';
import { ScanResult } from '../../src/core/scan/result';
import { DetectionData, loadDetectionData } from '../../src/core/scan/scan';
import { scanFolder } from '../../src/core/scan/folderScan';
import { ConfigFileRecorder } from '../../src/core/scan/discover/configFiles';
import { WorkspaceIndex } from '../../src/core/scan/workspaceIndex';

export const REPO_ROOT = path.resolve(__dirname, '../../..');
export const DEMO = path.join(REPO_ROOT, 'test/fixtures/demo-workspace');

let cached: { model: Model; data: DetectionData } | undefined;

export function bundled(): { model: Model; data: DetectionData } {
  if (!cached) {
    const read = (f: string) => readFileSync(path.join(REPO_ROOT, 'model', f), 'utf8');
    cached = {
      model: parseModel(read('dsomm-model.yaml'), 'bundled'),
      data: loadDetectionData(read('probes.yaml'), 'model/probes.yaml', read('rules.yaml'), 'model/rules.yaml'),
    };
  }
  return cached;
}

export async function scanDir(dir: string): Promise<{ index: WorkspaceIndex; result: ScanResult; configFiles: ConfigFileRecorder }> {
  const { model, data } = bundled();
  const fs = new NodeFileSystem(dir);
  // The team's declared blocks and commands, as both hosts read them.
  const { scan, result } = await scanFolder(fs, dir, model, withTeamTools(data, await readTeamTools(fs, data.catalogue)));
  return { index: scan.index, configFiles: scan.configFiles, result };
}

/** `path:line` of anything with a loc (or a loc itself). */
export function at(x: { loc: { path: string; line: number } } | { path: string; line: number }): string {
  const l = 'loc' in x ? x.loc : x;
  return `${l.path}:${l.line}`;
}
