// YAML helpers shared by the progress file and the evidence file: strict single-document
// parsing (YAML 1.1, as the web app reads them) with file:line errors, key texts, and a key
// emitter that only writes plain keys that read back as the same string.
import { Document, isAlias, isCollection, isMap, isScalar, Node, parseDocument, Scalar, stringify, visit } from 'yaml';
import { deref, LineCounter, parseYaml, positionOf, primitiveText } from '../yaml';
import { formatTimestamp, parseDateText, ProgressFileError } from './settings';

export interface ParsedFile {
  /** Undefined for an empty file (or one holding only comments). */
  doc: Document.Parsed | undefined;
  lc: LineCounter;
  source: string;
  /** The comment at the top of the file (without the `#`), kept on rewrite. */
  header?: string;
}

const MAX_ALIASES = 1000;

export function parseSingleDocument(text: string, source: string): ParsedFile {
  // Every reader of these files checks duplicate keys with a Set (linear): the yaml package's own
  // check is quadratic in the size of a map, and a progress map can hold thousands of activities.
  const parsed = parseYaml(text, { yaml11: true, maxAliasCount: MAX_ALIASES, uniqueKeys: false });
  if (parsed.errors.length) {
    const e = parsed.errors[0];
    throw new ProgressFileError(source, `not valid YAML: ${e.message}`, 'syntax', e.line, e.column);
  }
  const docs = parsed.documents;
  if (docs.length > 1) {
    const at = positionOf(docs[1].contents ?? undefined, parsed.lineCounter);
    throw new ProgressFileError(source, 'holds more than one YAML document', 'format', at.line, at.column);
  }
  const doc = docs[0];
  if (!doc) return { doc: undefined, lc: parsed.lineCounter, source };
  let header = doc.commentBefore ?? undefined;
  const contents = doc.contents;
  if (!header && isMap(contents) && contents.items.length) {
    const first = contents.items[0].key;
    if (isScalar(first) && first.commentBefore) header = first.commentBefore;
  }
  if (contents === null || (isScalar(contents) && contents.value === null)) return { doc: undefined, lc: parsed.lineCounter, source, header };
  return { doc, lc: parsed.lineCounter, source, header };
}

export function formatError(file: ParsedFile, node: unknown, reason: string): ProgressFileError {
  const at = positionOf((isAlias(node) || isScalar(node) || isCollection(node) ? node : undefined), file.lc);
  return new ProgressFileError(file.source, reason, 'format', node ? at.line : undefined, node ? at.column : undefined);
}

/** True for a missing value (`key:` or `key: ~`). */
export function isNull(node: unknown): boolean {
  return node === null || node === undefined || (isScalar(node) && node.value === null);
}

/**
 * The text of a map key as the user wrote it: a plain key keeps its source (`No:` is the team
 * "No", not the boolean false YAML 1.1 makes of it), a quoted key its value.
 */
export function keyName(file: ParsedFile, keyNode: unknown, what: string): string {
  const k = deref(file.doc!, keyNode);
  if (!isScalar(k)) throw formatError(file, keyNode, `${what} must be a plain name`);
  const s = k as Scalar & { source?: string };
  let text: string;
  if (s.type === 'PLAIN' && typeof s.source === 'string') text = s.source;
  else if (s.value === null || s.value === undefined) text = '';
  else if (s.value instanceof Date) text = s.source ?? s.value.toISOString().slice(0, 10);
  else text = primitiveText(s.value);
  if (text === '') throw formatError(file, keyNode, `${what} is missing`);
  if (text === '<<' && s.type === 'PLAIN') throw formatError(file, keyNode, 'merge keys (<<) are not supported in this file');
  return text;
}

/** The text of a scalar value (plain source for non-strings), undefined for anything else. */
export function scalarString(file: ParsedFile, node: unknown): string | undefined {
  const n = deref(file.doc!, node);
  if (!isScalar(n)) return undefined;
  const s = n as Scalar & { source?: string };
  if (s.value === null || s.value === undefined) return undefined;
  if (typeof s.value === 'string') return s.value;
  if (s.type === 'PLAIN' && typeof s.source === 'string') return s.source;
  return primitiveText(s.value);
}

/** A normalised date from a plain timestamp or a quoted date string; undefined when it is not one. */
export function dateValue(file: ParsedFile, node: unknown): string | undefined {
  const n = deref(file.doc!, node);
  if (!isScalar(n)) return undefined;
  const s = n as Scalar & { source?: string };
  if (s.value instanceof Date) {
    // Re-read the source: YAML libraries roll 2025-02-30 over into March instead of refusing it.
    if (typeof s.source === 'string') return parseDateText(s.source);
    return Number.isNaN(s.value.getTime()) ? undefined : formatTimestamp(s.value); // made in memory
  }
  if (typeof s.value === 'string') return parseDateText(s.value);
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Emitting keys

const keyCache = new Map<string, string>();
const UUID_KEY = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A key as YAML text: plain when it reads back as the same string, else double-quoted. */
export function emitKey(name: string): string {
  // Activity uuids are most keys of a large file: they are always plain strings in YAML 1.1.
  if (UUID_KEY.test(name)) return name;
  let out = keyCache.get(name);
  if (out !== undefined) return out;
  out = stringify(name, { schema: 'yaml-1.1', lineWidth: 0 }).replace(/\n$/, '');
  if (out.includes('\n') || name === '<<' || !readsBackAs(out, name)) out = doubleQuoted(name);
  if (keyCache.size > 5000) keyCache.clear();
  keyCache.set(name, out);
  return out;
}

function doubleQuoted(s: string): string {
  // JSON escapes are valid in YAML double-quoted scalars; YAML also treats NEL, LS and PS as breaks.
  return JSON.stringify(s).replace(/[\u0085\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function readsBackAs(keyText: string, name: string): boolean {
  const doc = parseDocument(`${keyText}: 0\n`, { schema: 'yaml-1.1', uniqueKeys: true });
  if (doc.errors.length || !isMap(doc.contents) || doc.contents.items.length !== 1) return false;
  const k = doc.contents.items[0].key;
  return isScalar(k) && typeof k.value === 'string' && k.value === name;
}

/**
 * One `key: rest` line at `indent`. Keys longer than YAML's 1024-character limit for implicit
 * keys use the explicit form (`? key` / `: rest`).
 */
export function pairLines(indent: string, name: string, rest: string): string[] {
  const k = emitKey(name);
  if (k.length <= 1000) return [`${indent}${k}:${rest}`];
  return [`${indent}? ${k}`, `${indent}:${rest}`];
}

/** A comment text as one line. */
export function oneLine(comment: string): string {
  return comment.replace(/[\r\n\u0085\u2028\u2029]+/g, ' ').trim();
}

export function headerLines(header: string | undefined): string[] {
  if (header === undefined) return [];
  return header.split('\n').map((l) => `#${l.replace(/\r$/, '')}`);
}

// ---------------------------------------------------------------------------------------------
// Keeping nodes we do not interpret

/** A copy of `node` that can live in another document (aliases are expanded). */
export function portable(file: ParsedFile, node: unknown): unknown {
  if (!isScalar(node) && !isCollection(node) && !isAlias(node)) return node;
  checkUniqueKeys(file, node);
  let hasAlias = isAlias(node);
  if (!hasAlias && isCollection(node)) {
    visit(node, {
      Alias() {
        hasAlias = true;
        return visit.BREAK;
      },
    });
  }
  if (!hasAlias) {
    // Anchors mean nothing once the aliases are expanded; a kept one could clash in the new file.
    const copy = (node as Scalar).clone() as Node;
    if (isCollection(copy)) {
      visit(copy, (_k, n) => {
        if (isScalar(n) || isCollection(n)) delete (n as { anchor?: string }).anchor;
      });
    }
    delete (copy as { anchor?: string }).anchor;
    return copy;
  }
  let js: unknown;
  try {
    js = node.toJS(file.doc!, { maxAliasCount: MAX_ALIASES });
  } catch (e) {
    throw formatError(file, node, `cannot expand the aliases here: ${(e as Error).message.split('\n')[0]}`);
  }
  return new Document(null, { schema: 'yaml-1.1' }).createNode(js);
}

/** Refuses a map inside `node` that has the same scalar key twice (one Set per map: linear). */
export function checkUniqueKeys(file: ParsedFile, node: unknown): void {
  if (!isCollection(node)) return;
  visit(node, {
    Map(_k, map) {
      const seen = new Set<unknown>();
      for (const pair of map.items) {
        if (!isScalar(pair.key)) continue;
        const key = pair.key.value;
        if (seen.has(key)) throw formatError(file, pair.key, `the key '${String(key)}' appears twice`);
        seen.add(key);
      }
    },
  });
}

/** A top-level key we do not interpret, kept (its leading comment may be the file header: dropped). */
export function extraEntry(file: ParsedFile, key: string, pair: { key: unknown; value: unknown }): { key: string; keyNode: unknown; value: unknown } {
  const keyNode = portable(file, pair.key);
  if (isScalar(keyNode)) delete keyNode.commentBefore;
  return { key, keyNode, value: portable(file, pair.value) };
}

export { isMap, isScalar, deref };

/** A JSON text of plain data for equality checks (Dates as ISO strings, Maps as objects). */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) => {
    if (v instanceof Map) return Object.fromEntries(v as Map<string, unknown>);
    if (v instanceof Set) return [...(v as Set<unknown>)];
    if (v instanceof Uint8Array) return { binary: Array.from(v) };
    return v;
  });
}
