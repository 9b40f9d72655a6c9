// One call for "index this folder and evaluate it": what the CLI does, and what the
// extension does per workspace folder before it keeps the index for incremental updates.
import { FileSystem } from '../fs';
import { Model } from '../model/types';
import { Catalogue, loadCatalogue, loadRules, RuleSet } from './detect/catalogue';
import { ConfigFileRecorder } from './discover/configFiles';
import { evaluate } from './detect/evaluate';
import { ScanResult } from './result';
import { IndexOptions, WorkspaceIndex } from './workspaceIndex';

export interface DetectionData {
  catalogue: Catalogue;
  rules: RuleSet;
}

/** Parses the detection data (model/probes.yaml and model/rules.yaml); throws naming file and line. */
export function loadDetectionData(probesText: string, probesSource: string, rulesText: string, rulesSource: string): DetectionData {
  const catalogue = loadCatalogue(probesText, probesSource);
  const rules = loadRules(rulesText, rulesSource);
  return { catalogue, rules };
}

export async function scanWorkspace(
  fs: FileSystem,
  root: string,
  model: Model,
  data: DetectionData,
  options: IndexOptions = {},
): Promise<{ index: WorkspaceIndex; result: ScanResult; configFiles: ConfigFileRecorder }> {
  // The recorder sees the walker's directory listings and keeps the tool configuration files.
  const configFiles = new ConfigFileRecorder(fs, data.catalogue, options.includeTestFolders);
  const index = new WorkspaceIndex(configFiles, data.catalogue, options);
  await index.build();
  return { index, configFiles, result: evaluate({ root, index, model, catalogue: data.catalogue, rules: data.rules, configFiles: configFiles.paths() }) };
}
