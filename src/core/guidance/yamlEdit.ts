// Minimal, formatting-preserving edits of block-style YAML: the `yaml` package finds the nodes
// (with exact offsets and their style), the text decides where a block ends, and snippets are
// re-indented to the file's own indentation. Flow style (`{ }`, `[ ]`) is reported, not edited.
import { isMap, isPair, isScalar, isSeq, Node, Pair, YAMLMap, YAMLSeq } from 'yaml';
import { Document, LineCounter, parseYaml } from '../yaml';
import { eolOf, indentOf, isBlank, splitLines } from './text';

export interface YamlText {
  text: string;
  lines: string[];
  eol: '\r\n' | '\n';
  doc?: Document.Parsed;
  lc: LineCounter;
  /** YAML errors: such a file is not edited. */
  errors: string[];
}

export function openYamlText(text: string): YamlText {
  const y = parseYaml(text);
  // The pipeline document: the first mapping that is not only a GitLab `spec:` header.
  const maps = y.documents.filter((d) => isMap(d.contents));
  const doc = maps.find((d) => !((d.contents as YAMLMap).items.length === 1 && keyText((d.contents as YAMLMap).items[0]) === 'spec')) ?? maps[0];
  return { text, lines: splitLines(text), eol: eolOf(text), doc, lc: y.lineCounter, errors: y.errors.map((e) => `${e.message} (line ${e.line})`) };
}

export function keyText(item: unknown): string | undefined {
  if (!isPair(item)) return undefined;
  const k = item.key;
  return isScalar(k) ? String(k.value) : undefined;
}

export function rootMap(yt: YamlText): YAMLMap | undefined {
  const c = yt.doc?.contents;
  return isMap(c) ? (c) : undefined;
}

/** A direct entry of a mapping (merge keys are not followed: edits go where the text is). */
export function pairOf(map: unknown, key: string): Pair | undefined {
  if (!isMap(map)) return undefined;
  for (const item of map.items) if (keyText(item) === key) return item;
  return undefined;
}

export function isFlow(node: unknown): boolean {
  return (isMap(node) || isSeq(node)) && !!node.flow;
}

export function isNullValue(node: unknown): boolean {
  return node === null || node === undefined || (isScalar(node) && (node.value === null || node.value === undefined) && !(node as { source?: string }).source);
}

/** 0-based line and column of an offset. */
export function lineColOf(yt: YamlText, offset: number): { line: number; col: number } {
  const p = yt.lc.linePos(offset);
  return { line: p.line - 1, col: p.col - 1 };
}

export function nodeStart(yt: YamlText, node: unknown): { line: number; col: number } | undefined {
  const r = (node as Node | undefined)?.range;
  return r ? lineColOf(yt, r[0]) : undefined;
}

export function keyStart(yt: YamlText, pair: Pair): { line: number; col: number } | undefined {
  return nodeStart(yt, pair.key);
}

/**
 * The last line (0-based) of the block that starts with a key at (`keyLine`, `keyCol`): every
 * following line indented deeper (comments too), plus `- ` items at the key's own column
 * (block sequences written without indentation; off for the block of a sequence item itself,
 * whose siblings sit at that column). Blank lines never end or extend it.
 */
export function blockEnd(lines: string[], keyLine: number, keyCol: number, indentlessItems = true): number {
  let last = keyLine;
  for (let i = keyLine + 1; i < lines.length; i++) {
    const l = lines[i];
    if (isBlank(l)) continue;
    const ind = indentOf(l);
    const t = l.slice(ind);
    if (t.startsWith('#')) {
      if (ind > keyCol) last = i;
      continue;
    }
    if (ind > keyCol || (indentlessItems && ind === keyCol && /^-(\s|$)/.test(t))) {
      last = i;
      continue;
    }
    break;
  }
  return last;
}

/** The column of a block sequence's dashes (from its first item's line). */
export function dashColumn(yt: YamlText, seq: YAMLSeq): number | undefined {
  const first = seq.items[0];
  const at = nodeStart(yt, first);
  if (!at) return undefined;
  const line = yt.lines[at.line] ?? '';
  // The item starts after its dash: walk back over spaces to the dash.
  let i = at.col - 1;
  while (i >= 0 && line[i] === ' ') i--;
  if (line[i] === '-') return i;
  return undefined;
}

/** The most common indentation step of the file (2 when it has none). */
export function detectUnit(lines: string[]): number {
  const counts = new Map<number, number>();
  let prev = -1;
  for (const l of lines) {
    if (isBlank(l) || /^\s*#/.test(l)) continue;
    const ind = indentOf(l);
    if (prev >= 0 && ind > prev) {
      const d = ind - prev;
      if (d <= 8) counts.set(d, (counts.get(d) ?? 0) + 1);
    }
    prev = ind;
    // A sequence item's content is one level of its own: `- key:` then `  child` is not a step.
    const m = /^(\s*)-\s+(?=\S)/.exec(l);
    if (m) prev = m[0].length;
  }
  let best = 2;
  let bestCount = 0;
  for (const [d, c] of counts) {
    if (c > bestCount || (c === bestCount && d < best)) {
      best = d;
      bestCount = c;
    }
  }
  return best;
}

/** The indentation step inside a mapping's first child mapping (e.g. inside the first job), else the file's. */
export function childUnit(yt: YamlText, map: YAMLMap): number {
  const first: Pair | undefined = map.items.find((i) => isPair(i) && isMap(i.value) && !isFlow(i.value));
  if (first) {
    const k = keyStart(yt, first);
    const inner = ((first.value as YAMLMap).items[0] as Pair | undefined);
    const c = inner ? keyStart(yt, inner) : undefined;
    if (k && c && c.line > k.line && c.col > k.col) return c.col - k.col;
  }
  return detectUnit(yt.lines);
}

const BLOCK_SCALAR_RE = /(?:^|:\s|^-\s)\s*[|>][0-9+-]*\s*(#.*)?$/;

/**
 * Re-indents a snippet written with 2-space indentation: its top level goes to column `base`,
 * each nesting level adds `unit` spaces, sequence items keep `- ` before their content, and
 * block scalar content keeps its own relative indentation.
 */
export function reindentYaml(snippet: string, base: number, unit: number): string[] {
  const src = snippet.trimEnd().split(/\r?\n/);
  const out: string[] = [];
  const stack: { canon: number; out: number }[] = [{ canon: indentOf(src.find((l) => !isBlank(l)) ?? ''), out: base }];
  let block: { keyCanon: number; contentCanon?: number; contentOut: number } | undefined;
  for (const raw of src) {
    if (isBlank(raw)) {
      out.push('');
      continue;
    }
    const n = indentOf(raw);
    const t = raw.slice(n);
    if (block) {
      if (n > block.keyCanon) {
        block.contentCanon ??= n;
        out.push(' '.repeat(block.contentOut + Math.max(0, n - block.contentCanon)) + t);
        continue;
      }
      block = undefined;
    }
    while (stack.length > 1 && stack[stack.length - 1].canon > n) stack.pop();
    const top = stack[stack.length - 1];
    let o: number;
    if (top.canon === n) o = top.out;
    else if (n > top.canon) {
      o = top.out + unit;
      stack.push({ canon: n, out: o });
    } else o = top.out;
    out.push(' '.repeat(o) + t);
    if (t.startsWith('#')) continue;
    let keyCanon = n;
    let keyOut = o;
    const dash = /^-\s+/.exec(t);
    if (dash) {
      keyCanon = n + dash[0].length;
      keyOut = o + dash[0].length;
      stack.push({ canon: keyCanon, out: keyOut });
    }
    if (BLOCK_SCALAR_RE.test(t)) block = { keyCanon: dash && /^-\s+[|>]/.test(t) ? n : keyCanon, contentOut: dash && /^-\s+[|>]/.test(t) ? o + Math.max(2, unit) : keyOut + unit };
  }
  return out;
}
