// model/fixes.yaml: quick-fix templates as data (schema documented in the file's header).
// Parsed and checked here; a broken file throws naming the file and line, like the probe
// catalogue does, so a bad edit is caught by the unit tests and at load time.
import { isMap, isScalar, isSeq, mapEntries, parseYaml, positionOf, scalarText, seqItems } from '../yaml';
import { ciDialect, FIXABLE_CI_KINDS, FixableCiKind } from '../scan/ci/registry';
import { FIX_DIALECTS, FixDialect } from './types';
import { FINDING_CODES, FindingCode, isFindingCode } from '../scan/detect/findingCodes';

export type EditOperation = 'workflow-permissions' | 'checkout-persist-credentials' | 'final-stage-user' | 'image-tag-placeholder' | 'scanner-must-fail';

export const EDIT_OPERATIONS: readonly EditOperation[] = [
  'workflow-permissions', 'checkout-persist-credentials', 'final-stage-user', 'image-tag-placeholder', 'scanner-must-fail',
];

export type FileGenerator = 'dependabot' | 'renovate';

export interface DialectTemplate {
  /** GitHub/GitLab/CircleCI: a job, key line first. */
  job?: string;
  /** GitLab: a template for `include: - template:`. */
  include?: string;
  /** GitLab: the include's stage, or preferred stages for `{{stage}}`. */
  stage?: string[];
  /** GitLab: `KEY: value` lines for the top-level `variables:`. */
  variables?: string;
  /** Azure: steps; Jenkins: Groovy steps. */
  steps?: string;
  /** Bitbucket: a step body. */
  step?: string;
  /** Cloud Build, Buildkite, Drone, Woodpecker: a step mapping, appended to the top-level `steps:` list. */
  item?: string;
  /** CodeBuild: shell lines, appended to `phases.build.commands`. */
  commands?: string;
  /** Dockerfile instructions. */
  instructions?: string;
  edit?: EditOperation;
  params?: Record<string, string>;
  createFile?: string;
  generator?: FileGenerator;
  content?: string;
}

export interface FixTemplate {
  id: string;
  title: string;
  tool?: string;
  satisfies: string[];
  resolves: FindingCode[];
  preferred: boolean;
  when?: { ecosystems?: string[]; files?: string[] };
  /** Not offered where the file shows the fix would break the job (see FixSafety in safety.ts). */
  unless?: FixUnless;
  name: string;
  label: string;
  dialects: Partial<Record<FixDialect, DialectTemplate>>;
  /** Line of the template in its file. */
  line: number;
}

/**
 * What makes a hardening edit harmful, as data: steps that run one of `runs` (a program and words
 * of its arguments in order, `git push`) or call one of `uses` (an action, `owner/name`), and final
 * Dockerfile stages built on one of `images` (image names without tag).
 */
export interface FixUnless {
  runs?: string[];
  uses?: string[];
  images?: string[];
}

export interface FixCatalogue {
  source: string;
  /** probe → activity uuid, for diagnostics of probes that feed no rule. */
  links: Record<string, string>;
  templates: FixTemplate[];
  byId: Map<string, FixTemplate>;
}

export class FixCatalogueError extends Error {
  constructor(message: string, readonly file: string, readonly line?: number) {
    super(line ? `${file}:${line}: ${message}` : `${file}: ${message}`);
    this.name = 'FixCatalogueError';
  }
}

const ID_RE = /^[a-z0-9][a-z0-9.-]*$/;
const NAME_RE = /^[a-z][a-z0-9-]*$/;
const LABEL_RE = /^[A-Za-z0-9][A-Za-z0-9 ().,/-]*$/;
const PLACEMENT_KEYS = ['job', 'include', 'steps', 'step', 'item', 'commands', 'instructions', 'edit', 'createFile'] as const;
const DIALECT_KEYS = new Set([...PLACEMENT_KEYS, 'stage', 'params', 'generator', 'content', 'variables']);
/** Which placements each dialect understands (CI dialects: their registry entry, plus built-in edits). */
const ALLOWED: Record<FixDialect, string[]> = {
  ...(Object.fromEntries(FIXABLE_CI_KINDS.map((kind) => [kind, [...placementsOf(kind), 'edit']])) as Record<FixableCiKind, string[]>),
  dockerfile: ['instructions', 'edit'],
  compose: ['edit'],
  kubernetes: ['edit'],
  repository: ['createFile'],
};

function placementsOf(kind: FixableCiKind): readonly string[] {
  const fixes = ciDialect(kind).fixes;
  return 'placements' in fixes ? fixes.placements : [];
}

export function loadFixes(text: string, source: string): FixCatalogue {
  const y = parseYaml(text);
  if (y.errors.length) throw new FixCatalogueError(`not valid YAML: ${y.errors[0].message}`, source, y.errors[0].line);
  const doc = y.documents[0];
  if (!doc || !isMap(doc.contents)) throw new FixCatalogueError('expected a mapping with schemaVersion and templates', source, 1);
  const lineOf = (node: unknown) => positionOf(node as never, y.lineCounter).line;
  const fail = (message: string, node?: unknown): never => {
    throw new FixCatalogueError(message, source, node ? lineOf(node) : undefined);
  };
  const top = new Map(mapEntries(doc, doc.contents).map((e) => [e.keyText, e] as const));
  if (scalarText(top.get('schemaVersion')?.value) !== '1') fail('schemaVersion must be 1', top.get('schemaVersion')?.keyNode);

  const links: Record<string, string> = {};
  for (const e of mapEntries(doc, top.get('links')?.value)) {
    const v = scalarText(e.value);
    if (!v) fail(`links.${e.keyText} must be an activity uuid`, e.keyNode);
    links[e.keyText] = v as string;
  }

  const tnode = top.get('templates');
  if (!tnode || !isSeq(tnode.value)) fail('templates must be a list', tnode?.keyNode ?? doc.contents);
  const templates: FixTemplate[] = [];
  const byId = new Map<string, FixTemplate>();
  for (const item of seqItems(doc, tnode!.value)) {
    if (!isMap(item)) fail('a template must be a mapping', item);
    const f = new Map(mapEntries(doc, item).map((e) => [e.keyText, e] as const));
    const str = (k: string, required = true): string | undefined => {
      const e = f.get(k);
      const v = e ? scalarText(e.value) : undefined;
      if (required && !v) fail(`template needs \`${k}\``, e?.keyNode ?? item);
      return v;
    };
    const list = (k: string): string[] => {
      const e = f.get(k);
      if (!e) return [];
      if (!isSeq(e.value)) fail(`\`${k}\` must be a list`, e.keyNode);
      return seqItems(doc, e.value).map((x) => scalarText(x) ?? '').filter((x) => x);
    };
    // A misspelt code would silently take the quick fix off its diagnostics: name it with its line.
    const resolves = list('resolves');
    for (const x of seqItems(doc, f.get('resolves')?.value)) {
      const code = scalarText(x);
      if (code && !isFindingCode(code)) fail(`unknown finding code "${code}" in \`resolves\` (known: ${FINDING_CODES.join(', ')})`, x);
    }
    const id = str('id') as string;
    if (!ID_RE.test(id)) fail(`template id "${id}" must be lower-case letters, digits, '.' and '-'`, f.get('id')?.value);
    if (byId.has(id)) fail(`duplicate template id "${id}"`, f.get('id')?.value);
    const name = str('name') as string;
    if (!NAME_RE.test(name)) fail(`name "${name}" must be lower-case letters, digits and '-'`, f.get('name')?.value);
    const label = str('label') as string;
    if (!LABEL_RE.test(label)) fail(`label "${label}" may use letters, digits, spaces and ( ) . , / -`, f.get('label')?.value);
    let when: FixTemplate['when'];
    const w = f.get('when');
    if (w) {
      when = {};
      for (const e of mapEntries(doc, w.value)) {
        if (e.keyText !== 'ecosystems' && e.keyText !== 'files') fail(`unknown condition \`${e.keyText}\``, e.keyNode);
        when[e.keyText as 'ecosystems' | 'files'] = seqItems(doc, e.value).map((x) => scalarText(x) ?? '');
      }
    }
    let unless: FixUnless | undefined;
    const u = f.get('unless');
    if (u) {
      if (!isMap(u.value)) fail('`unless` must be a mapping of runs, uses, images', u.keyNode);
      unless = {};
      for (const e of mapEntries(doc, u.value)) {
        if (e.keyText !== 'runs' && e.keyText !== 'uses' && e.keyText !== 'images') fail(`unknown condition \`${e.keyText}\` in unless`, e.keyNode);
        if (!isSeq(e.value)) fail(`\`unless.${e.keyText}\` must be a list`, e.keyNode);
        const items = seqItems(doc, e.value).map((x) => (scalarText(x) ?? '').trim());
        if (items.some((x) => !x)) fail(`\`unless.${e.keyText}\` has an empty entry`, e.keyNode);
        unless[e.keyText as keyof FixUnless] = items.map((x) => x.toLowerCase());
      }
    }
    const dialects: FixTemplate['dialects'] = {};
    const dnode = f.get('dialects');
    if (!dnode || !isMap(dnode.value)) fail('template needs `dialects`', dnode?.keyNode ?? item);
    for (const d of mapEntries(doc, dnode!.value)) {
      const dialect = d.keyText as FixDialect;
      if (!FIX_DIALECTS.includes(dialect)) fail(`unknown dialect \`${d.keyText}\``, d.keyNode);
      if (!isMap(d.value)) fail(`dialect \`${d.keyText}\` must be a mapping`, d.keyNode);
      const dt: DialectTemplate = {};
      const placements: string[] = [];
      for (const e of mapEntries(doc, d.value)) {
        if (!DIALECT_KEYS.has(e.keyText)) fail(`unknown key \`${e.keyText}\` in dialect ${dialect}`, e.keyNode);
        if ((PLACEMENT_KEYS as readonly string[]).includes(e.keyText)) placements.push(e.keyText);
        if (e.keyText === 'stage') {
          dt.stage = isSeq(e.value) ? seqItems(doc, e.value).map((x) => scalarText(x) ?? '') : [scalarText(e.value) ?? ''];
        } else if (e.keyText === 'params') {
          if (!isMap(e.value)) fail('`params` must be a mapping', e.keyNode);
          dt.params = {};
          for (const p of mapEntries(doc, e.value)) dt.params[p.keyText] = scalarText(p.value) ?? '';
        } else {
          if (!isScalar(e.value)) fail(`\`${e.keyText}\` must be text`, e.keyNode);
          (dt as Record<string, unknown>)[e.keyText] = scalarText(e.value);
        }
      }
      if (!placements.length) fail(`dialect ${dialect} needs one of ${ALLOWED[dialect].join(', ')}`, d.keyNode);
      const bad = placements.filter((p) => !ALLOWED[dialect].includes(p) || (p === 'job' && placements.includes('edit')));
      if (bad.length) fail(`\`${bad[0]}\` is not a placement for ${dialect}`, d.keyNode);
      if (placements.includes('edit') && placements.length > 1) fail('`edit` cannot be combined with other placements', d.keyNode);
      if (dt.edit && !EDIT_OPERATIONS.includes(dt.edit)) fail(`unknown edit operation "${dt.edit}"`, d.keyNode);
      if (dt.createFile && !dt.generator && dt.content === undefined) fail('`createFile` needs `generator` or `content`', d.keyNode);
      if (dt.generator && dt.generator !== 'dependabot' && dt.generator !== 'renovate') fail(`unknown generator "${dt.generator}"`, d.keyNode);
      if (dialect === 'gitlab-ci' && dt.include && (!dt.stage || dt.stage.length !== 1)) fail('a GitLab include needs the one `stage` its jobs use', d.keyNode);
      if (dt.variables !== undefined && dialect !== 'gitlab-ci') fail('`variables` is a GitLab placement', d.keyNode);
      dialects[dialect] = dt;
    }
    const t: FixTemplate = {
      id,
      title: str('title') as string,
      tool: str('tool', false),
      satisfies: list('satisfies'),
      resolves: resolves.filter(isFindingCode),
      preferred: scalarText(f.get('preferred')?.value) === 'true',
      ...(when ? { when } : {}),
      ...(unless ? { unless } : {}),
      name,
      label,
      dialects,
      line: lineOf(item),
    };
    if (!t.satisfies.length && !t.resolves.length) fail('a template must list what it `satisfies` or `resolves`', item);
    templates.push(t);
    byId.set(id, t);
  }
  return { source, links, templates, byId };
}
