// The data the extension ships (model/dsomm-model.yaml, model/probes.yaml, model/rules.yaml),
// parsed at build time into dist/bundled-data.json. Parsing ~480 KB of YAML with a cold YAML
// parser took 0.5–1.5 s in the extension host at first use (the largest part of the time to a
// populated tree); reviving the JSON takes a few ms. The snapshot carries a key of the three texts,
// so a stale snapshot (YAML edited, not rebuilt) is never used.
import { decodeText, FileSystem } from './fs';
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

/** The snapshot is far below this; a file above it is not ours. */
const MAX_BUNDLED_FILE = 64 * 1024 * 1024;

async function readText(fs: FileSystem, path: string): Promise<string> {
  const decoded = decodeText(await fs.readFile(path, { maxBytes: MAX_BUNDLED_FILE }));
  if ('error' in decoded) throw new Error(`${path}: ${decoded.error}`);
  return decoded.text;
}

/**
 * Reads the bundled data through `fs` (rooted at the extension or the checkout): the snapshot when
 * it was made from exactly these YAML texts, else the YAML files parsed.
 */
export async function readBundledData(fs: FileSystem): Promise<{ data: BundledData; fromSnapshot: boolean }> {
  const [model, probes, rules, snapshot] = await Promise.all([
    readText(fs, `model/${BUNDLED_FILES.model}`),
    readText(fs, `model/${BUNDLED_FILES.probes}`),
    readText(fs, `model/${BUNDLED_FILES.rules}`),
    readText(fs, BUNDLED_SNAPSHOT).catch(() => undefined),
  ]);
  const texts: BundledTexts = { model, probes, rules };
  const revived = snapshot === undefined ? undefined : readBundledSnapshot(snapshot, texts);
  return revived ? { data: revived, fromSnapshot: true } : { data: parseBundledData(texts), fromSnapshot: false };
}

/**
 * The bundled model and detection rules for the extension's two users of them (the model service
 * and the assessment). At start-up both ask at once: the files are read and revived once for both.
 * A later ask (a model reload, a retry after a failure) reads them again, so every load still gets
 * objects of its own that no earlier caller holds.
 */
export class BundledDataSource {
  private shared: Promise<{ data: BundledData; fromSnapshot: boolean }> | undefined;
  private readonly unclaimed = new Set<'model' | 'detection'>(['model', 'detection']);

  constructor(
    private readonly fs: FileSystem,
    /** Told after each read (e.g. for the log). */
    private readonly onRead: (r: { fromSnapshot: boolean; ms: number }) => void = () => undefined,
  ) {}

  async model(): Promise<Model> {
    return (await this.claim('model')).data.model;
  }

  async detection(): Promise<DetectionData> {
    return (await this.claim('detection')).data.detection;
  }

  private claim(part: 'model' | 'detection'): Promise<{ data: BundledData; fromSnapshot: boolean }> {
    if (!this.unclaimed.delete(part)) return this.read();
    const shared = (this.shared ??= this.read());
    // A failed read is not handed to the other part later: it reads again when it asks.
    shared.catch(() => {
      if (this.shared === shared) this.shared = undefined;
    });
    // Once both have had it, nothing keeps the first read alive.
    if (this.unclaimed.size === 0) this.shared = undefined;
    return shared;
  }

  private async read(): Promise<{ data: BundledData; fromSnapshot: boolean }> {
    const started = Date.now();
    const r = await readBundledData(this.fs);
    this.onRead({ fromSnapshot: r.fromSnapshot, ms: Date.now() - started });
    return r;
  }
}
