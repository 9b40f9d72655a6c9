// Reading the engine's own data files (model/probes.yaml, model/rules.yaml): one YAML document,
// every value checked for its shape, and every mistake thrown as a CatalogueError naming the file
// and line. A node budget bounds the work a hostile file can cause.
import { deref, Document, isMap, isScalar, isSeq, LineCounter, mapEntries, parseYaml, positionOf, scalarText, seqItems } from '../../yaml';
import { CatalogueError } from './catalogue';

const MAX_NODES = 200_000;

export class DataFileReader {
  private visited = 0;
  constructor(
    readonly doc: Document.Parsed,
    readonly lc: LineCounter,
    readonly source: string,
  ) {}

  line(node: unknown): number {
    return positionOf(node as never, this.lc).line;
  }

  fail(node: unknown, message: string): never {
    throw new CatalogueError(message, this.source, this.line(node));
  }

  tick(node: unknown): void {
    if (++this.visited > MAX_NODES) this.fail(node, 'the file is too large or expands too many aliases');
  }

  /** Map entries with their key lines; throws on keys not in `allowed`. */
  map(node: unknown, what: string, allowed?: readonly string[]): Map<string, { value: unknown; keyNode: unknown }> {
    const n = deref(this.doc, node);
    this.tick(n);
    if (!isMap(n)) this.fail(node, `${what} must be a map`);
    const out = new Map<string, { value: unknown; keyNode: unknown }>();
    for (const e of mapEntries(this.doc, n)) {
      if (allowed && !allowed.includes(e.keyText)) this.fail(e.keyNode, `unknown key "${e.keyText}" in ${what} (allowed: ${allowed.join(', ')})`);
      out.set(e.keyText, { value: deref(this.doc, e.value), keyNode: e.keyNode });
    }
    return out;
  }

  seq(node: unknown, what: string): unknown[] {
    const n = deref(this.doc, node);
    this.tick(n);
    if (!isSeq(n)) this.fail(node, `${what} must be a list`);
    return seqItems(this.doc, n);
  }

  str(node: unknown, what: string, allowEmpty = false): string {
    const n = deref(this.doc, node);
    this.tick(n);
    if (!isScalar(n) || n.value === null || typeof n.value === 'object') this.fail(node, `${what} must be a text value`);
    const s = (scalarText(n) ?? '').trim();
    if (!s && !allowEmpty) this.fail(node, `${what} must not be empty`);
    return s;
  }

  bool(node: unknown, what: string): boolean {
    const n = deref(this.doc, node);
    if (!isScalar(n) || typeof n.value !== 'boolean') this.fail(node, `${what} must be true or false`);
    return n.value as boolean;
  }

  strList(node: unknown, what: string, allowEmpty = false): string[] {
    const n = deref(this.doc, node);
    if (isScalar(n) && typeof n.value === 'string') return [this.str(n, what, allowEmpty)];
    return this.seq(n, what).map((i) => this.str(i, `an entry of ${what}`, allowEmpty));
  }

  strListMap(node: unknown, what: string): Record<string, string[]> {
    const out: Record<string, string[]> = {};
    for (const [k, v] of this.map(node, what)) out[k] = this.strList(v.value, `${what}.${k}`, true);
    return out;
  }
}

export function openDataFile(text: string, source: string): { r: DataFileReader; root: unknown } {
  const parsed = parseYaml(text);
  if (parsed.errors.length) {
    const e = parsed.errors[0];
    throw new CatalogueError(`not valid YAML: ${e.message}`, source, e.line);
  }
  const docs = parsed.documents.filter((d) => d.contents !== null && d.contents !== undefined);
  if (docs.length !== 1) throw new CatalogueError(docs.length ? 'expected one YAML document' : 'the file is empty', source);
  const r = new DataFileReader(docs[0], parsed.lineCounter, source);
  return { r, root: docs[0].contents };
}

export function checkSchemaVersion(r: DataFileReader, top: Map<string, { value: unknown; keyNode: unknown }>, root: unknown): void {
  const sv = top.get('schemaVersion');
  if (!sv) r.fail(root, 'missing schemaVersion (expected 1)');
  const v = deref(r.doc, sv.value);
  if (!isScalar(v) || v.value !== 1) r.fail(sv.value, `unsupported schemaVersion ${scalarText(v) ?? ''} (expected 1)`);
}
