// Repository hygiene files: dependency-update bots and local hooks. Small enough to share
// one module; each parser is pure and never throws.
import { Document, mapGet, readYamlDocuments, positionOf, endPositionOf, scalarText, seqItems, LineCounter } from '../../yaml';
import { FileProblem, Located, Loc } from '../types';

export interface DependabotFile {
  kind: 'dependabot';
  path: string;
  /** One entry per `updates` item: ecosystem and directory, located at the ecosystem value. */
  updates: { ecosystem: Located; directory?: string }[];
  /** `.dependabot/config.yml`: the retired Dependabot Preview's configuration, which GitHub no longer runs. */
  legacy?: boolean;
  problems: FileProblem[];
}

export interface RenovateFile {
  kind: 'renovate';
  path: string;
  /** Where automerge is switched on (`"automerge": true` anywhere, incl. packageRules). */
  automerge?: Loc;
  /** Where digest pinning is asked for (`pinDigests: true`, `helpers:pinGitHubActionDigests`). */
  pinDigests?: Loc;
  /** For a config inside package.json: the `"renovate"` key, the evidence that Renovate is set up. */
  configKey?: Loc;
  problems: FileProblem[];
}

export interface PreCommitFile {
  kind: 'pre-commit';
  path: string;
  /** pre-commit hook ids (`repos[].hooks[].id`) with their positions. */
  hooks: Located[];
  /** Shell lines of husky/lefthook hooks (lefthook `run:` commands, husky script lines). */
  lines: { text: string; loc: Loc }[];
  problems: FileProblem[];
}

function lineLoc(path: string, line: number, column: number, length: number): Loc {
  return { path, line, column, endLine: line, endColumn: column + length };
}

export function nodeLoc(path: string, node: unknown, lc: LineCounter): Loc {
  const s = positionOf(node as never, lc);
  const e = endPositionOf(node as never, lc);
  return { path, line: s.line, column: s.column, endLine: e.line, endColumn: e.column };
}

/** The file's first document (empty or refused: undefined); problems go on the file. */
function firstDocument(text: string, problems: FileProblem[]): { doc: Document.Parsed; lc: LineCounter } | undefined {
  return readYamlDocuments(text, problems).find((d) => d.index === 0);
}

export function parseDependabot(path: string, text: string): DependabotFile {
  const out: DependabotFile = { kind: 'dependabot', path, updates: [], problems: [] };
  if (path.startsWith('.dependabot/')) {
    out.legacy = true;
    return out;
  }
  const y = firstDocument(text, out.problems);
  if (!y) return out;
  const { doc, lc } = y;
  for (const item of seqItems(doc, mapGet(doc, doc.contents, 'updates'))) {
    const eco = mapGet(doc, item, 'package-ecosystem');
    const value = scalarText(eco);
    if (!value) continue;
    out.updates.push({ ecosystem: { value, loc: nodeLoc(path, eco, lc) }, directory: scalarText(mapGet(doc, item, 'directory')) });
  }
  return out;
}

/** Renovate configs are JSON or JSON5 (comments, trailing commas): read by pattern, not by parser. */
export function parseRenovate(path: string, text: string): RenovateFile {
  const out: RenovateFile = { kind: 'renovate', path, problems: [] };
  const lines = text.split(/\r?\n/);
  lines.forEach((l, i) => {
    const code = l.replace(/\/\/.*$/, '');
    const auto = /["']?automerge["']?\s*:\s*true\b/.exec(code);
    if (auto && !out.automerge) out.automerge = lineLoc(path, i + 1, auto.index + 1, auto[0].length);
    const pin = /["']?pinDigests["']?\s*:\s*true\b|helpers:pinGitHubActionDigests/.exec(code);
    if (pin && !out.pinDigests) out.pinDigests = lineLoc(path, i + 1, pin.index + 1, pin[0].length);
  });
  return out;
}

/** The root package.json may carry a "renovate" config (parseFile reads it): a RenovateFile when it does. */
export function renovateFromPackageJson(path: string, text: string): RenovateFile | undefined {
  const m = /^(\s*)"renovate"\s*:/m.exec(text);
  if (!m) return undefined;
  const file = parseRenovate(path, text.slice(m.index));
  const before = text.slice(0, m.index).split('\n').length - 1;
  const shift = (loc?: Loc) => (loc ? { ...loc, line: loc.line + before, endLine: loc.endLine + before } : undefined);
  const keyLoc = lineLoc(path, before + 1, m[1].length + 1, '"renovate"'.length);
  return { ...file, automerge: shift(file.automerge), pinDigests: shift(file.pinDigests), configKey: keyLoc };
}

export function parsePreCommit(path: string, text: string): PreCommitFile {
  const out: PreCommitFile = { kind: 'pre-commit', path, hooks: [], lines: [], problems: [] };
  const base = path.slice(path.lastIndexOf('/') + 1);
  if (path.includes('.husky/')) {
    // A husky hook is a shell script.
    text.split(/\r?\n/).forEach((l, i) => {
      const t = l.trim();
      if (!t || t.startsWith('#')) return;
      out.lines.push({ text: t, loc: lineLoc(path, i + 1, l.indexOf(t) + 1, t.length) });
    });
    return out;
  }
  const y = firstDocument(text, out.problems);
  if (!y) return out;
  const { doc, lc } = y;
  if (/^\.?lefthook/.test(base)) {
    // lefthook: <hook>: { commands: { name: { run: "..." } } }
    collectLefthookRuns(doc, doc.contents, path, lc, out, 0);
    return out;
  }
  for (const repo of seqItems(doc, mapGet(doc, doc.contents, 'repos'))) {
    for (const hook of seqItems(doc, mapGet(doc, repo, 'hooks'))) {
      const idNode = mapGet(doc, hook, 'id');
      const id = scalarText(idNode);
      if (id) out.hooks.push({ value: id, loc: nodeLoc(path, idNode, lc) });
      const entry = mapGet(doc, hook, 'entry');
      const entryText = scalarText(entry);
      if (entryText) out.lines.push({ text: entryText, loc: nodeLoc(path, entry, lc) });
    }
  }
  return out;
}

function collectLefthookRuns(doc: Document.Parsed, node: unknown, path: string, lc: LineCounter, out: PreCommitFile, depth: number): void {
  if (depth > 6) return;
  const run = mapGet(doc, node, 'run');
  const text = scalarText(run);
  if (text) out.lines.push({ text, loc: nodeLoc(path, run, lc) });
  const n = node as { items?: { key?: unknown; value?: unknown }[] };
  for (const pair of n?.items ?? []) {
    if (pair && typeof pair === 'object' && 'value' in pair) collectLefthookRuns(doc, pair.value, path, lc, out, depth + 1);
  }
}
