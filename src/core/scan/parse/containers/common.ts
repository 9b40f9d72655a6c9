// Shared helpers of the container parsers: located YAML values, safe document loading and
// image reference splitting. Pure; never throws for bad input.
import { FileProblem, Loc, Located } from '../../types';
import {
  deref as yamlDeref,
  Document,
  endPositionOf,
  isMap,
  isScalar,
  isSeq,
  LineCounter,
  mapEntries,
  MapEntry,
  positionOf,
  readYamlDocuments,
  scalarText,
  seqItems,
} from '../../../yaml';
import { ImageRef, KeyValue } from './types';

export interface YamlCtx {
  doc: Document.Parsed;
  lc: LineCounter;
  path: string;
  /** 0-based document index. */
  index: number;
  problems: FileProblem[];
}

/**
 * Reads YAML into per-document contexts (yaml.ts's readYamlDocuments). Documents with syntax
 * errors are reported and left out: a container file the tools would refuse ships nothing.
 */
export function loadYaml(path: string, text: string, problems: FileProblem[]): YamlCtx[] {
  return readYamlDocuments(text, problems)
    .filter(({ doc }) => doc.errors.length === 0)
    .map(({ doc, lc, index }) => ({ doc, lc, path, index, problems }));
}

/** The place a node was written; single-line quoted scalars without their quotes. */
export function nodeLoc(ctx: YamlCtx, node: unknown): Loc {
  const start = positionOf(node as never, ctx.lc);
  const end = endPositionOf(node as never, ctx.lc);
  const loc: Loc = { path: ctx.path, line: start.line, column: start.column, endLine: end.line, endColumn: end.column };
  if (isScalar(node) && (node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE') && loc.line === loc.endLine && loc.endColumn - loc.column > 2) {
    loc.column += 1;
    loc.endColumn -= 1;
  }
  return loc;
}

/** A key entry: from the key to the end of a scalar value, or just the key for collections. */
export function entryLoc(ctx: YamlCtx, entry: MapEntry): Loc {
  const keyLoc = nodeLoc(ctx, entry.keyNode);
  const v = entry.value;
  if (isScalar(v) && v.range) {
    const end = endPositionOf(v, ctx.lc);
    return { ...keyLoc, endLine: end.line, endColumn: end.column };
  }
  return keyLoc;
}

export function keyLoc(ctx: YamlCtx, entry: MapEntry): Loc {
  return nodeLoc(ctx, entry.keyNode);
}

export function entries(ctx: YamlCtx, node: unknown): MapEntry[] {
  return mapEntries(ctx.doc, node);
}

/** The last entry with this key (as YAML merges resolve), its value dereferenced. */
export function entry(ctx: YamlCtx, node: unknown, key: string): MapEntry | undefined {
  let found: MapEntry | undefined;
  for (const e of mapEntries(ctx.doc, node)) if (e.keyText === key) found = e;
  if (!found) return undefined;
  return { ...found, value: deref(ctx, found.value) };
}

export function deref(ctx: YamlCtx, node: unknown): unknown {
  return yamlDeref(ctx.doc, node);
}

export function items(ctx: YamlCtx, node: unknown): unknown[] {
  return seqItems(ctx.doc, node);
}

export function isMapNode(node: unknown): boolean {
  return isMap(node);
}

export function isSeqNode(node: unknown): boolean {
  return isSeq(node);
}

/** A scalar value with its place; undefined for collections, null and empty values. */
export function located(ctx: YamlCtx, node: unknown): Located | undefined {
  if (!isScalar(node)) return undefined;
  const text = scalarText(node);
  if (text === undefined || node.value === null) return undefined;
  return { value: text, loc: nodeLoc(ctx, node) };
}

export function locatedBool(ctx: YamlCtx, node: unknown): Located<boolean> | undefined {
  if (!isScalar(node) || node.value === null || node.value === undefined) return undefined;
  const v = node.value;
  let b: boolean | undefined;
  if (typeof v === 'boolean') b = v;
  else if (typeof v === 'string' && /^(true|false)$/i.test(v.trim())) b = v.trim().toLowerCase() === 'true';
  if (b === undefined) return undefined;
  return { value: b, loc: nodeLoc(ctx, node) };
}

export function locatedNumber(ctx: YamlCtx, node: unknown): Located<number> | undefined {
  if (!isScalar(node) || node.value === null || node.value === undefined) return undefined;
  const v = node.value;
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^\s*-?\d+\s*$/.test(v) ? Number(v) : NaN;
  if (!Number.isFinite(n)) return undefined;
  return { value: n, loc: nodeLoc(ctx, node) };
}

/** The scalar items of a sequence (a single scalar counts as one item). */
export function locatedList(ctx: YamlCtx, node: unknown): Located[] {
  if (isScalar(node)) {
    const l = located(ctx, node);
    return l ? [l] : [];
  }
  const out: Located[] = [];
  for (const i of items(ctx, node)) {
    const l = located(ctx, i);
    if (l) out.push(l);
  }
  return out;
}

/** Reports a value of the wrong shape as a warning at its place. */
export function shapeProblem(ctx: YamlCtx, node: unknown, message: string): void {
  const pos = positionOf(node as never, ctx.lc);
  ctx.problems.push({ message, line: pos.line, column: pos.column, severity: 'warning' });
}

// ---------------------------------------------------------------------------------------
// Image references

/** Splits `registry:port/name:tag@sha256:…` into name, tag and digest. */
export function splitImage(ref: string): ImageRef {
  let rest = ref.trim();
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1) || undefined;
    rest = rest.slice(0, at);
  }
  let tag: string | undefined;
  const colon = rest.lastIndexOf(':');
  if (colon > rest.lastIndexOf('/')) {
    tag = rest.slice(colon + 1) || undefined;
    rest = rest.slice(0, colon);
  }
  const out: ImageRef = { name: rest };
  if (tag !== undefined) out.tag = tag;
  if (digest !== undefined) out.digest = digest;
  return out;
}

/** True when the reference carries a sha256 digest (`@sha256:…`). */
export function hasDigest(image: ImageRef): boolean {
  return !!image.digest && /^sha256:/i.test(image.digest);
}

const VAR_RE = /\$(?:\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-+?])([^}]*))?\}|([A-Za-z_][A-Za-z0-9_]*))/g;

export function hasVariables(text: string): boolean {
  VAR_RE.lastIndex = 0;
  return VAR_RE.test(text);
}

/**
 * Substitutes `$VAR`, `${VAR}`, `${VAR:-default}` / `${VAR-default}` and `${VAR:+alt}`.
 * `lookup` returns the value, or undefined when unknown. Returns undefined when some
 * variable stays unknown and has no default.
 */
export function substitute(text: string, lookup: (name: string) => string | undefined): string | undefined {
  let ok = true;
  const out = text.replace(VAR_RE, (_m, braced: string | undefined, op: string | undefined, word: string | undefined, bare: string | undefined) => {
    const name = (braced ?? bare) as string;
    const value = lookup(name);
    if (op === ':-' || op === '-') {
      if (value !== undefined && (op === '-' || value !== '')) return value;
      return word ?? '';
    }
    if (op === ':+' || op === '+') {
      if (value === undefined) {
        ok = false;
        return '';
      }
      return value !== '' || op === '+' ? word ?? '' : '';
    }
    if (op === ':?' || op === '?') {
      if (value === undefined) ok = false;
      return value ?? '';
    }
    if (value === undefined) ok = false;
    return value ?? '';
  });
  return ok ? out : undefined;
}

// ---------------------------------------------------------------------------------------
// Users

/** True when a user spec (`root`, `0`, `0:0`, `root:staff`, Windows `ContainerAdministrator`) names root or the administrator. */
export function isRootUser(user: string): boolean {
  const u = user.trim().split(':')[0].trim().replace(/^["']|["']$/g, '').toLowerCase();
  return u === '' || u === 'root' || u === 'containeradministrator' || /^0+$/.test(u);
}

/** Environment entries of a YAML map or `KEY=value` list (compose `environment`, k8s-like lists are handled elsewhere). */
export function envEntries(ctx: YamlCtx, node: unknown): KeyValue[] {
  const out: KeyValue[] = [];
  if (isMap(node)) {
    for (const e of entries(ctx, node)) {
      const v = e.value;
      const nameLoc = keyLoc(ctx, e);
      const valueLoc = isScalar(v) && v.value !== null && v.range ? nodeLoc(ctx, v) : undefined;
      const kv: KeyValue = { name: e.keyText, loc: entryLoc(ctx, e), nameLoc };
      if (isScalar(v) && v.value !== null) kv.value = scalarText(v);
      if (valueLoc) kv.valueLoc = valueLoc;
      out.push(kv);
    }
    return out;
  }
  for (const i of items(ctx, node)) {
    const l = located(ctx, i);
    if (!l) continue;
    const eq = l.value.indexOf('=');
    const name = eq >= 0 ? l.value.slice(0, eq) : l.value;
    const kv: KeyValue = {
      name,
      loc: l.loc,
      nameLoc: l.loc.line === l.loc.endLine ? { ...l.loc, endColumn: l.loc.column + name.length } : l.loc,
    };
    if (eq >= 0) {
      kv.value = l.value.slice(eq + 1);
      if (l.loc.line === l.loc.endLine) kv.valueLoc = { ...l.loc, column: l.loc.column + eq + 1 };
    }
    out.push(kv);
  }
  return out;
}

/** Base images of plain operating systems: an image built on one runs only what the Dockerfile starts. */
const PLAIN_OS_IMAGE = /^(?:[\w.-]+(?::\d+)?\/)?(?:library\/)?(scratch|alpine|busybox|debian|ubuntu|fedora|centos|rockylinux|almalinux|archlinux|opensuse\/leap|opensuse\/tumbleweed|redhat\/ubi\d+(?:-minimal|-micro)?|ubi\d+(?:-minimal|-micro)?|gcr\.io\/distroless\/(?:static|base|cc)[\w-]*|distroless\/(?:static|base|cc)[\w-]*|cgr\.dev\/chainguard\/(?:static|wolfi-base))$/i;

/** Is `name` (an image name without tag or digest) a plain operating-system image (or scratch)? */
export function isPlainOsImage(name: string): boolean {
  return PLAIN_OS_IMAGE.test(name);
}

/**
 * Images of backing services: databases, caches, message brokers, object stores, search engines,
 * cloud emulators and mail catchers, by the last part of their name (`bitnami/kafka`,
 * `docker.io/library/postgres`, `gcr.io/cloud-spanner-emulator/emulator`). A stack of only these
 * starts what a project's code runs against, not the project itself.
 */
const BACKING_SERVICE_IMAGE = /(?:^|\/)(?:postgres(?:ql)?|postgis|mysql|mariadb|percona(?:-server)?|mongo(?:db)?|redis(?:-stack)?|valkey|memcached|cassandra|scylla|couchdb|couchbase|neo4j|clickhouse(?:-server)?|influxdb|mssql\/server|oracle-xe|(?:cp-)?kafka|(?:cp-)?zookeeper|redpanda|rabbitmq|activemq(?:-artemis)?|artemis|nats(?:-streaming)?|pulsar|elasticsearch|opensearch|solr|etcd|consul|minio|azurite|localstack|dynamodb-local|cloud-spanner-emulator\/emulator|(?:cloud-sdk|pubsub-emulator)|mailhog|mailpit|maildev|smtp4dev|greenmail)$/i;

/** Is `name` (an image name without tag or digest) the image of a backing service (see BACKING_SERVICE_IMAGE)? */
export function isBackingServiceImage(name: string): boolean {
  return BACKING_SERVICE_IMAGE.test(name);
}
