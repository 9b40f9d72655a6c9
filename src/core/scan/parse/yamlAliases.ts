// Whether a parsed YAML document can fail the yaml package's alias guard when it is converted to
// plain data (toJS with maxAliasCount): the parsers convert a document once only to find alias
// bombs, which is a large share of the parse time, so documents that provably cannot fail skip it.
import { Document, isAlias, isMap, isPair, isSeq } from '../../yaml';

/** Nodes walked before giving up and answering "may fail" (the conversion then decides). */
const WALK_LIMIT = 200_000;

/**
 * False only when toJS(doc, { maxAliasCount }) cannot throw because of aliases: every alias
 * has an anchor before it (the package's rule: the last node with that name earlier in document
 * order), no anchored node contains an alias (so no expansion multiplies), and no anchor is
 * used maxAliasCount times or more (the package's (uses + 1) × nested-alias count, with no nesting).
 */
export function aliasesMayFail(doc: Document.Parsed, maxAliasCount: number): boolean {
  return aliasReport(doc, maxAliasCount).mayFail;
}

/**
 * aliasesMayFail, and the aliases without an anchor before them (in document order), from one
 * walk of the document.
 */
export function aliasReport(doc: Document.Parsed, maxAliasCount: number): { mayFail: boolean; unresolved: unknown[] } {
  const anchors = new Map<string, unknown>();
  const uses = new Map<unknown, number>();
  const unresolved: unknown[] = [];
  const stack: unknown[] = [doc.contents];
  let mayFail = false;
  let walked = 0;
  while (stack.length) {
    if (++walked > WALK_LIMIT) return { mayFail: true, unresolved };
    const n = stack.pop();
    if (isAlias(n)) {
      const target = anchors.get(n.source);
      if (target === undefined) {
        unresolved.push(n);
        mayFail = true;
      } else if (!mayFail) {
        const count = (uses.get(target) ?? 0) + 1;
        // The package counts the anchored node itself too: (uses + 1) × 1 must stay within the limit.
        if (count + 1 > maxAliasCount || (count === 1 && containsAlias(target))) mayFail = true;
        uses.set(target, count);
      }
      continue;
    }
    const anchor = (n as { anchor?: string } | null | undefined)?.anchor;
    if (anchor) anchors.set(anchor, n);
    if (isMap(n) || isSeq(n)) {
      const items = (n as { items: unknown[] }).items;
      for (let i = items.length - 1; i >= 0; i--) stack.push(items[i]);
    } else if (isPair(n)) {
      stack.push(n.value, n.key);
    }
  }
  return { mayFail, unresolved };
}

function containsAlias(node: unknown): boolean {
  const stack: unknown[] = [node];
  let walked = 0;
  while (stack.length) {
    if (++walked > WALK_LIMIT) return true;
    const n = stack.pop();
    if (isAlias(n)) return true;
    if (isMap(n) || isSeq(n)) stack.push(...(n as { items: unknown[] }).items);
    else if (isPair(n)) stack.push(n.key, n.value);
  }
  return false;
}
