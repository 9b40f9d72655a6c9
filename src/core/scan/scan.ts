// The detection data both hosts load: the tool catalogue and the activity rules. Indexing and
// evaluating a folder is FolderScan's job (folderScan.ts), the same for the CLI and the editor.
import { Catalogue, loadCatalogue } from './detect/catalogue';
import { loadRules, RuleSet } from './detect/rules';

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
