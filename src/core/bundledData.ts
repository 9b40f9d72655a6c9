// The data the extension ships (model/dsomm-model.yaml, model/probes.yaml, model/rules.yaml),
// parsed at build time into dist/bundled-data.json. Parsing ~480 KB of YAML with a cold YAML
// parser took 0.5–1.5 s in the extension host at first use (the largest part of the time to a
// populated tree); reviving the JSON takes a few ms. The snapshot carries a key of the three texts,
// so a stale snapshot (YAML edited, not rebuilt) is never used.
import { Model } from './model/types';
import { parseModel } from './model/loader';
import { DetectionData, loadDetectionData } from './scan/scan';
import { contentHash } from './scan/workspaceIndex';
import { fromSnapshotJson, toSnapshotJson } from './snapshot';

export interface BundledTexts {
  model: string;
  probes: string;
  rules: string;
}

export interface BundledData {
  key: string;
  model: Model;
  detection: DetectionData;
}

/** File names under model/. */
export const BUNDLED_FILES: Readonly<Record<keyof BundledTexts, string>> = { model: 'dsomm-model.yaml', probes: 'probes.yaml', rules: 'rules.yaml' };
/** The snapshot's path in the extension, next to the bundle. */
export const BUNDLED_SNAPSHOT = 'dist/bundled-data.json';

export function bundledKey(texts: BundledTexts): string {
  return [contentHash(texts.model), contentHash(texts.probes), contentHash(texts.rules)].join('/');
}

/** Parses the YAML files (what the snapshot saves the extension from doing). Throws naming file and line. */
export function parseBundledData(texts: BundledTexts): BundledData {
  return {
    key: bundledKey(texts),
    model: parseModel(texts.model, 'bundled'),
    detection: loadDetectionData(texts.probes, BUNDLED_FILES.probes, texts.rules, BUNDLED_FILES.rules),
  };
}

export function bundledSnapshot(data: BundledData): string {
  return toSnapshotJson(data);
}

/** The snapshot's data when it was made from exactly these texts; undefined when stale or unreadable. */
export function readBundledSnapshot(json: string, texts: BundledTexts): BundledData | undefined {
  let data: BundledData;
  try {
    data = fromSnapshotJson(json) as BundledData;
  } catch {
    return undefined;
  }
  return data && data.key === bundledKey(texts) && data.model && data.detection ? data : undefined;
}
