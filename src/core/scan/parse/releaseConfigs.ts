// Configuration files of packaging and release tools (GoReleaser, electron-builder): which keys
// they turn on, with the line of each. A release tool that CI runs signs, makes an SBOM or builds
// images only when its configuration says so; the catalogue names the keys (`enabledBy.config`).
// Pure and never throws: a file that does not read turns nothing on.
import { Document, LineCounter, isMap, isScalar, isSeq, mapEntries, mapGet, positionOf, endPositionOf, readYamlDocuments, scalarText, seqItems } from '../../yaml';
import { Loc } from '../types';

export interface ReleaseConfig {
  path: string;
  /** The node read as the configuration (the document, or one key of it: `package.json#build`). */
  root: unknown;
  doc?: Document.Parsed;
  lc?: LineCounter;
}

/** A key that is on: where it is written and a short text for the evidence. */
export interface EnabledKey {
  loc: Loc;
  text: string;
}

/**
 * Reads a configuration file (YAML or JSON). `subKey` reads one top-level key of it as the
 * configuration (electron-builder's `build` in package.json).
 */
export function parseReleaseConfig(path: string, text: string, subKey?: string): ReleaseConfig {
  const y = readYamlDocuments(text, []).find((d) => d.index === 0);
  if (!y) return { path, root: undefined };
  const root = subKey ? mapGet(y.doc, y.doc.contents, subKey) : y.doc.contents;
  return { path, root, doc: y.doc, lc: y.lc };
}

/** Values that leave a key off. */
const OFF = new Set(['', 'null', '~', 'false', 'none', 'no', 'off']);

/** Entry fields that switch one entry off (GoReleaser `disable`, `skip`, `artifacts: none`). */
function entrySwitchedOff(doc: Document.Parsed, entry: unknown): boolean {
  if (!isMap(entry)) return false;
  for (const k of ['disable', 'skip']) {
    const v = scalarText(mapGet(doc, entry, k));
    if (v !== undefined && v.trim().toLowerCase() === 'true') return true;
  }
  const artifacts = scalarText(mapGet(doc, entry, 'artifacts'));
  if (artifacts !== undefined && artifacts.trim().toLowerCase() === 'none') return true;
  const enabled = scalarText(mapGet(doc, entry, 'enabled'));
  return enabled !== undefined && enabled.trim().toLowerCase() === 'false';
}

/** Whether a value turns its key on: set, not an "off" word, not empty, and not every entry switched off. */
function valueIsOn(doc: Document.Parsed, value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (isScalar(value)) return !OFF.has((scalarText(value) ?? '').trim().toLowerCase());
  if (isSeq(value)) return seqItems(doc, value).some((e) => !entrySwitchedOff(doc, e) && (isScalar(e) ? valueIsOn(doc, e) : true));
  if (isMap(value)) return mapEntries(doc, value).length > 0 && !entrySwitchedOff(doc, value);
  return false;
}

/** A few words about what the key holds: `signs: cosign`, `sboms: 1 entry`, `mac.notarize: true`. */
function describe(doc: Document.Parsed, key: string, value: unknown): string {
  if (isScalar(value)) return `${key}: ${scalarText(value) ?? ''}`;
  const items = isSeq(value) ? seqItems(doc, value) : [value];
  const first = items[0];
  const cmd = isMap(first) ? (scalarText(mapGet(doc, first, 'cmd')) ?? scalarText(mapGet(doc, first, 'id'))) : undefined;
  const count = isSeq(value) ? `${items.length} entr${items.length === 1 ? 'y' : 'ies'}` : 'set';
  return `${key}: ${cmd ? `${cmd} (${count})` : count}`;
}

/** The key (a dotted path) when the configuration turns it on; undefined when it is absent or off. */
export function configKeyEnabled(cfg: ReleaseConfig, key: string): EnabledKey | undefined {
  const { doc, lc } = cfg;
  if (!doc || !lc) return undefined;
  let node: unknown = cfg.root;
  let keyNode: unknown;
  for (const part of key.split('.')) {
    const entry = mapEntries(doc, node).filter((e) => e.keyText === part).pop();
    if (!entry) return undefined;
    keyNode = entry.keyNode;
    node = mapGet(doc, node, part);
  }
  if (!valueIsOn(doc, node)) return undefined;
  const s = positionOf(keyNode as never, lc);
  const e = endPositionOf(keyNode as never, lc);
  return { loc: { path: cfg.path, line: s.line, column: s.column, endLine: e.line, endColumn: e.column }, text: describe(doc, key, node) };
}
