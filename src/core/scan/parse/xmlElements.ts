// A small, lenient reader of XML elements with their line numbers, enough for Maven POMs: element
// names (prefixes dropped), text content and children. Comments, processing instructions, CDATA
// and DOCTYPE are skipped; attributes are ignored. It never throws: a broken file yields the
// elements read so far (mismatched end tags close up to the matching open element, as a browser
// would). Linear in the text; nesting is capped so a hostile file cannot exhaust the stack.

export interface XmlElement {
  name: string;
  /** 1-based line of the start tag. */
  line: number;
  /** Column (1-based) of the `<` of the start tag. */
  column: number;
  /** Text directly inside the element, trimmed, entities decoded (only the five XML ones). */
  text: string;
  children: XmlElement[];
}

const MAX_DEPTH = 64;

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decode(s: string): string {
  return s.includes('&') ? s.replace(/&(lt|gt|amp|quot|apos);/g, (_, e: string) => ENTITIES[e]) : s;
}

/** The document element (a synthetic root holding the top-level elements when there are several). */
export function readXml(text: string): XmlElement {
  const root: XmlElement = { name: '#document', line: 1, column: 1, text: '', children: [] };
  const stack: XmlElement[] = [root];
  const texts: string[][] = [[]];
  let line = 1;
  let lineStart = 0;
  let i = 0;
  // Lines are counted lazily up to each start tag (one pass over the text overall).
  let counted = 0;
  const lineAt = (pos: number) => {
    for (; counted < pos; counted++) {
      if (text.charCodeAt(counted) === 10) {
        line++;
        lineStart = counted + 1;
      }
    }
    return line;
  };
  while (i < text.length) {
    const lt = text.indexOf('<', i);
    if (lt < 0) break;
    if (lt > i) texts[texts.length - 1].push(text.slice(i, lt));
    if (text.startsWith('<!--', lt)) {
      const end = text.indexOf('-->', lt + 4);
      i = end < 0 ? text.length : end + 3;
      continue;
    }
    if (text.startsWith('<![CDATA[', lt)) {
      const end = text.indexOf(']]>', lt + 9);
      texts[texts.length - 1].push(text.slice(lt + 9, end < 0 ? text.length : end));
      i = end < 0 ? text.length : end + 3;
      continue;
    }
    if (text.startsWith('<?', lt) || text.startsWith('<!', lt)) {
      const end = text.indexOf('>', lt + 2);
      i = end < 0 ? text.length : end + 1;
      continue;
    }
    const gt = text.indexOf('>', lt + 1);
    if (gt < 0) break;
    const inner = text.slice(lt + 1, gt);
    i = gt + 1;
    if (inner.startsWith('/')) {
      const name = localName(inner.slice(1).trim());
      const at = stack.map((e) => e.name).lastIndexOf(name);
      if (at <= 0) continue; // a stray end tag
      while (stack.length > at) {
        const done = stack.pop()!;
        done.text = decode(texts.pop()!.join('').trim());
      }
      continue;
    }
    const selfClosing = inner.endsWith('/');
    const name = localName(inner.replace(/\/$/, '').trim().split(/\s/, 1)[0]);
    if (!name) continue;
    const el: XmlElement = { name, line: lineAt(lt), column: lt - lineStart + 1, text: '', children: [] };
    stack[stack.length - 1].children.push(el);
    if (!selfClosing && stack.length <= MAX_DEPTH) {
      stack.push(el);
      texts.push([]);
    }
  }
  while (stack.length > 1) {
    const done = stack.pop()!;
    done.text = decode(texts.pop()!.join('').trim());
  }
  return root.children.length === 1 ? root.children[0] : root;
}

function localName(qname: string): string {
  const colon = qname.indexOf(':');
  return colon < 0 ? qname : qname.slice(colon + 1);
}

/** The first child element of this name. */
export function child(el: XmlElement | undefined, name: string): XmlElement | undefined {
  return el?.children.find((c) => c.name === name);
}

/** Child elements of this name. */
export function children(el: XmlElement | undefined, name: string): XmlElement[] {
  return el ? el.children.filter((c) => c.name === name) : [];
}

/** The element at a path of child names (`build/plugins`). */
export function at(el: XmlElement | undefined, path: string): XmlElement | undefined {
  let cur = el;
  for (const name of path.split('/')) cur = child(cur, name);
  return cur;
}

/** Text of the element at a path, undefined when absent or empty. */
export function textAt(el: XmlElement | undefined, path: string): string | undefined {
  const t = at(el, path)?.text;
  return t ? t : undefined;
}
