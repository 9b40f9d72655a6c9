// The tool catalogue (model/probes.yaml): its types, loading with validation at exact line
// numbers, and merging a user file over the bundled one. Matching invocations, actions, images and
// files against it is toolMatch.ts; the activity rules are rules.ts.
import { deref, isScalar } from '../../yaml';
import { DataFileReader, checkSchemaVersion, openDataFile } from './dataFileReader';
import { CONTAINER_PROBE_IDS, CONTAINER_PROBES } from './containerProbes';
import { ProbeAnchor } from './probeTypes';

// ───────────────────────────────────────────── types

/** Probes implemented in code (not in probes.yaml); rules may reference them. */
export const CODE_PROBE_IDS: readonly string[] = [
  'ci.pipeline',
  'ci.virtual-env',
  'ci.schedule',
  'ci.secret-store',
  'dependency-update-bot',
  'dependency-update-automerge',
  'gha.actions-pinned',
  'gha.token-permissions',
  'repo.security-policy',
  'repo.gitignore',
  'repo.codeowners',
  'repo.version-control',
  'repo.lockfiles',
  'local.security-hooks',
  'local.lint-hooks',
  'iac.present',
  ...CONTAINER_PROBE_IDS,
  'pinning',
];

/** One way of recognising a run of the tool in a shell invocation. */
export interface RunMatcher {
  /** Program names (basename, lower case); `*` wildcards allowed (`simian-*` for `java -jar simian-4.0.jar`). */
  programs: string[];
  /**
   * Alternative subcommand sequences; empty = no subcommand needed. Each is a space-separated
   * list of words; a word may list alternatives with `|`, use `*` wildcards, and `...` before
   * a word lets any other words come first (`... test|verify` for `mvn clean verify`).
   */
  subcommands: string[];
  /** Every one must appear among the arguments. */
  args: string[];
  /** At least one must appear (when given). */
  anyArgs: string[];
  /** None may appear. */
  notArgs: string[];
  line: number;
}

/** An action, task, orb, pipe or Jenkins step, optionally with conditions on its inputs. */
export interface UsesMatcher {
  name: string;
  /** Each listed input must equal one of the values ("" = absent or empty, "*" = any non-empty value). */
  inputs: Record<string, string[]>;
  /** Each listed input, split into words, must contain one of the words (argument rules). */
  inputWords: Record<string, string[]>;
  /** No listed input may equal one of these values (`echo *`: a command that only prints). */
  notInputs: Record<string, string[]>;
  line: number;
}

export interface ToolDisable {
  args: string[];
  inputs: Record<string, string[]>;
}

/**
 * Where a matched tool really does the probe's work only in a setting the files show: the
 * match counts when one of these holds, else it is noted with the reason.
 */
export interface ToolEnable {
  /** The job can request an OIDC identity token (GitHub `permissions: id-token: write`, GitLab `id_tokens:`). */
  oidc: boolean;
  /**
   * The job runs on a machine that outlives it (a GitHub self-hosted runner, a named agent pool),
   * not a fresh one per job: what it starts there keeps running.
   */
  staticRunner?: boolean;
  /** One of these variables is set, not empty and not "false", for the step (pipeline, job or step env, or inline). */
  env: string[];
  /** A configuration file the tool reads turns on one of these keys. */
  config?: ToolConfigKeys;
}

export interface ToolConfigKeys {
  /** Root-relative paths tried in order; `package.json#build` reads the `build` key of the file. */
  files: string[];
  /** Dotted key paths (`signs`, `mac.notarize`); a key is on when set to something other than null, false, "" or an empty list or map, and not every entry of it is switched off. */
  keys: string[];
  /** Options of the run that name another configuration file (`--config`, `-f`). */
  pathArgs: string[];
}

export interface ToolDef {
  name: string;
  url?: string;
  run: RunMatcher[];
  /** Package names that install the tool (for "installed but never run" notes). */
  packages: string[];
  images: string[];
  actions: UsesMatcher[];
  gitlabTemplates: string[];
  gitlabComponents: string[];
  /**
   * Hidden jobs of a remote GitLab template that a job `extends` (`.fdo.container-build@*`;
   * `*` wildcards): the extending job runs what the template job does.
   */
  gitlabJobs: string[];
  /** Azure templates in other repositories: `<repository name>/<path>`; a shorter entry matches the files under it. */
  azureTemplates: string[];
  azureTasks: UsesMatcher[];
  orbs: UsesMatcher[];
  pipes: UsesMatcher[];
  jenkinsSteps: UsesMatcher[];
  preCommitHooks: string[];
  configFiles: string[];
  /** GitLab `artifacts: reports:` types: a job handing in such a report runs a tool of the probe. */
  gitlabReports: string[];
  /**
   * CI variables whose value makes the CI system itself add the tool to the run (Microsoft's Azure
   * DevOps injects its CodeQL analysis where `Codeql.Enabled` is true): name → values, compared
   * case-insensitively; the line setting it is the evidence.
   */
  ciVariables: { name: string; values: string[] }[];
  disabledBy?: ToolDisable;
  /** The match counts only where one of these holds (an OIDC token, a variable, a configuration key). */
  enabledBy?: ToolEnable;
  /**
   * The matched block (a remote template, reusable workflow, orb, library step) may run the tool,
   * but what it does lives in files the scan cannot read: the probe is unknown, naming the block,
   * unless something else runs it.
   */
  mayRun?: boolean;
  /**
   * It publishes a static site (GitHub Pages): a job that only publishes documentation it built
   * (a probe with `documentationFor`) does not count for the probe.
   */
  publishesSite?: boolean;
  /** In a user file: drop the bundled tool with this name. */
  remove?: boolean;
  line: number;
}

/**
 * What the engine needs to know about a probe beyond its tools, declared on each probe entry of
 * model/probes.yaml (`traits:`) so that no list of probe ids in the code has to be kept in step.
 */
export interface ProbeTraits {
  /**
   * 'control': its tools are security controls whose failures should stop a build (a run that
   * cannot fail the build is a `scanner-cannot-fail` weak control); 'gate': a build gate (a run that
   * cannot fail gates nothing and is not counted); 'no': not a control that should fail a build
   * (tests, linting, deployment, uploads, ...).
   */
  failsBuild: 'control' | 'gate' | 'no';
  /**
   * Qualifies how another probe's tool runs (a gate, a scope, an upload, a side scan) or narrows a
   * broader probe: installing its tool says nothing, and a finding about a place matched by several
   * probes is filed under a probe that does not qualify.
   */
  qualifies: boolean;
  /** A pre-commit/husky/lefthook hook running its tools counts for local.security-hooks or local.lint-hooks. */
  localHook?: 'security' | 'lint';
  /**
   * Which files a gap of the probe is about: `dockerfile` (container build files) or `kubernetes`
   * (cluster manifests) put a missing activity's diagnostic and file summary there instead of on the
   * main pipeline. Absent: the pipeline.
   */
  anchor?: Exclude<ProbeAnchor, 'pipeline'>;
  /**
   * A job that runs this probe's tools works against a throwaway target it made itself (a kind
   * cluster): that job's runs of the listed probes (a deploy) are tests and are not counted.
   */
  throwawayTargetFor?: string[];
  /**
   * A job that runs this probe's tools builds documentation: site publishing (tools with
   * `publishesSite`) of the listed probes in that job, or in a publish-only job of the same
   * pipeline, puts the documentation online, not the software, and is not counted.
   */
  documentationFor?: string[];
  /**
   * A remote block whose files cannot be read and that may run this probe's tools (an
   * uncatalogued block named for it, a catalogue tool marked `mayRun`) may also do the listed
   * probes' work: an image build in another repository's workflow may scan, describe or sign the
   * image it pushes. Those probes are then unknown, naming the block, where nothing else runs them.
   */
  blocksMayAlso?: string[];
  /** The probe is not applicable unless the workspace holds what it checks (conditions in evaluate.ts). Absent: always applies. */
  appliesWhen?: AppliesWhen;
}

export const APPLIES_WHEN_VALUES = ['containers', 'built-images', 'dockerfiles', 'iac-or-containers', 'kubernetes', 'iac', 'infrastructure', 'js-packages', 'client-code'] as const;
export type AppliesWhen = (typeof APPLIES_WHEN_VALUES)[number];

export const FAILS_BUILD_VALUES: readonly ProbeTraits['failsBuild'][] = ['control', 'gate', 'no'];
export const LOCAL_HOOK_VALUES: readonly NonNullable<ProbeTraits['localHook']>[] = ['security', 'lint'];
const ANCHOR_VALUES: readonly NonNullable<ProbeTraits['anchor']>[] = ['dockerfile', 'kubernetes'];

export interface ProbeDef {
  id: string;
  title?: string;
  summary?: string;
  traits: ProbeTraits;
  tools: ToolDef[];
  disabledBy?: { variables: Record<string, string[]> };
  /** In a user file: replace the bundled probe instead of merging tools into it. */
  replace?: boolean;
  source: string;
  line: number;
}

/**
 * Words in the name of a remote block that no catalogue tool knows, saying that the block may run a
 * probe's control (`deploy-staging` may deploy): the probe is then unknown, naming the block, not
 * missing. A word list of several words matches consecutive words of the name.
 */
export interface BlockHint {
  probe: string;
  words: string[][];
  line: number;
}

/**
 * An action that builds an image from a Dockerfile of the checkout, and the inputs that say which:
 * its RUN lines run in the step, and the pipelines' image builds say which Dockerfiles ship.
 */
export interface ImageBuildAction {
  /** `owner/name` (no `@ref`), compared case-insensitively. */
  action: string;
  url?: string;
  /** Inputs naming the Dockerfile, tried in order (a list input: its first line). Absent: the context's Dockerfile. */
  file: string[];
  /** Inputs naming the build context. Absent: the checkout. */
  context: string[];
  /** Inputs that publish the image when set to anything but false. */
  push: string[];
  /** Inputs holding buildx `--output` specs, which publish with `push=true` (`type=image,push=true`). */
  outputs: string[];
  line: number;
}

export interface Catalogue {
  schemaVersion: 1;
  probes: ProbeDef[];
  /** Actions that build an image from a Dockerfile of the checkout (their inputs name it). */
  imageBuildActions?: ImageBuildAction[];
  /** Name words of uncatalogued remote blocks that plausibly run a probe's control. */
  blockHints?: BlockHint[];
  /**
   * Remote blocks known to run nothing a probe looks for (stale-issue closers, release-note
   * drafters, labelers, auto-merge): they neither count, nor make anything unknown, nor make a
   * workflow of their own a build process. Matchers as in tools (`actions`, `orbs`, `pipes`, ...).
   */
  housekeeping?: ToolDef[];
}

export interface ToolMatch {
  probe: string;
  tool: string;
  /** Why this match is not counted (a disable switch it carries). */
  disabled?: string;
  /** The match counts only where one of these holds (the tool's `enabledBy`). */
  enabledBy?: ToolEnable;
  /** The configuration file the run names with one of `enabledBy.config.pathArgs`. */
  configPath?: string;
}

export class CatalogueError extends Error {
  constructor(
    message: string,
    readonly file: string,
    readonly line?: number,
  ) {
    super(line ? `${file}:${line}: ${message}` : `${file}: ${message}`);
    this.name = 'CatalogueError';
  }
}

// ───────────────────────────────────────────── catalogue loading

const PROBE_KEYS = ['id', 'title', 'summary', 'traits', 'tools', 'disabledBy', 'replace'] as const;
const TRAIT_KEYS = ['failsBuild', 'qualifies', 'localHook', 'anchor', 'throwawayTargetFor', 'documentationFor', 'blocksMayAlso', 'appliesWhen'] as const;
const TOOL_KEYS = [
  'name', 'url', 'run', 'packages', 'images', 'actions', 'gitlabTemplates', 'gitlabComponents', 'gitlabJobs', 'azureTemplates', 'azureTasks', 'orbs',
  'pipes', 'jenkinsSteps', 'preCommitHooks', 'configFiles', 'gitlabReports', 'ciVariables', 'disabledBy', 'enabledBy', 'mayRun', 'publishesSite', 'remove',
] as const;
const MATCHER_KEYS = ['run', 'images', 'actions', 'gitlabTemplates', 'gitlabComponents', 'gitlabJobs', 'azureTemplates', 'azureTasks', 'orbs', 'pipes', 'jenkinsSteps', 'preCommitHooks', 'configFiles', 'gitlabReports', 'ciVariables'] as const;
/** Matchers that name a block whose files live elsewhere: the only ones a `mayRun` tool may use. */
const BLOCK_MATCHER_KEYS = ['actions', 'gitlabTemplates', 'gitlabComponents', 'gitlabJobs', 'azureTemplates', 'orbs', 'pipes', 'jenkinsSteps'] as const;
const RUN_KEYS = ['program', 'subcommands', 'args', 'anyArgs', 'notArgs'] as const;
const USES_KEYS = ['name', 'inputs', 'inputWords', 'notInputs'] as const;
const PROBE_ID_OK = (id: string) => /^[a-z0-9][a-z0-9._-]*$/.test(id);

/** Parses and validates a catalogue file. Throws CatalogueError (`file:line: message`). */
export function loadCatalogue(text: string, source: string): Catalogue {
  const { r, root }: { r: DataFileReader; root: unknown } = openDataFile(text, source);
  const top = r.map(root, 'the catalogue', ['schemaVersion', 'probes', 'blockHints', 'housekeeping', 'imageBuildActions']);
  checkSchemaVersion(r, top, root);
  const probesNode = top.get('probes');
  if (!probesNode) return r.fail(root, 'missing "probes" list');
  const probes: ProbeDef[] = [];
  const seen = new Set<string>();
  for (const pn of r.seq(probesNode.value, 'probes')) {
    const p = readProbe(r, pn);
    if (seen.has(p.id)) r.fail(pn, `probe "${p.id}" is defined twice`);
    seen.add(p.id);
    probes.push(p);
  }
  const cat: Catalogue = { schemaVersion: 1, probes };
  const hintsNode = top.get('blockHints');
  if (hintsNode) cat.blockHints = r.seq(hintsNode.value, 'blockHints').map((n) => readBlockHint(r, n, seen));
  const houseNode = top.get('housekeeping');
  if (houseNode) {
    cat.housekeeping = r.seq(houseNode.value, 'housekeeping').map((n) => {
      const t = readTool(r, n);
      const local = MATCHER_KEYS.filter((k) => !(BLOCK_MATCHER_KEYS as readonly string[]).includes(k) && (t[k] as unknown[]).length > 0);
      if (local.length) r.fail(n, `housekeeping block "${t.name}" may only name remote blocks (${BLOCK_MATCHER_KEYS.join(', ')}), not ${local.join(', ')}`);
      if (t.mayRun || t.disabledBy) r.fail(n, `housekeeping block "${t.name}" runs nothing: mayRun and disabledBy do not apply`);
      return t;
    });
  }
  const buildNode = top.get('imageBuildActions');
  if (buildNode) cat.imageBuildActions = r.seq(buildNode.value, 'imageBuildActions').map((n) => readImageBuildAction(r, n));
  return cat;
}

function readImageBuildAction(r: DataFileReader, node: unknown): ImageBuildAction {
  const m = r.map(node, 'an image build action', ['action', 'url', 'file', 'context', 'push', 'outputs']);
  if (!m.has('action')) r.fail(node, 'an image build action has no action');
  const action = r.str(m.get('action')!.value, 'action of an image build action').trim();
  if (!/^[^/@\s]+\/[^@\s]+$/.test(action)) r.fail(m.get('action')!.value, `image build action "${action}" must be owner/name without @ref`);
  const list = (k: string) => (m.has(k) ? r.strList(m.get(k)!.value, `${k} of image build action "${action}"`) : []);
  const a: ImageBuildAction = { action, file: list('file'), context: list('context'), push: list('push'), outputs: list('outputs'), line: r.line(node) };
  if (m.has('url')) a.url = r.str(m.get('url')!.value, `url of image build action "${action}"`);
  return a;
}

/** Words as a name is split for hints: lower case, on anything but letters and digits and on camelCase humps. */
export function nameWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

function readBlockHint(r: DataFileReader, node: unknown, probes: Set<string>): BlockHint {
  const m = r.map(node, 'a block hint', ['probe', 'words']);
  if (!m.has('probe')) r.fail(node, 'a block hint has no probe');
  const probe = r.str(m.get('probe')!.value, 'probe of a block hint');
  if (!probes.has(probe)) r.fail(m.get('probe')!.value, `block hint for unknown probe "${probe}" (hints name a probe with tools)`);
  if (!m.has('words')) r.fail(node, `the block hint for "${probe}" has no words`);
  const words = r.strList(m.get('words')!.value, `words of the block hint for "${probe}"`).map((w) => {
    const split = nameWords(w);
    if (!split.length || split.join(' ') !== w.toLowerCase().trim().split(/\s+/).join(' ')) r.fail(m.get('words')!.value, `block hint word "${w}" must be lower-case letters and digits, several words separated by spaces`);
    return split;
  });
  return { probe, words, line: r.line(node) };
}

function readProbe(r: DataFileReader, node: unknown): ProbeDef {
  const m = r.map(node, 'a probe', PROBE_KEYS);
  const idNode = m.get('id');
  if (!idNode) r.fail(node, 'probe has no id');
  const id = r.str(idNode.value, 'probe id');
  if (!PROBE_ID_OK(id)) r.fail(idNode.value, `probe id "${id}" may only use lower-case letters, digits, '.', '-' and '_'`);
  if (CODE_PROBE_IDS.includes(id)) r.fail(idNode.value, `probe id "${id}" is reserved for a built-in probe`);
  const p: ProbeDef = { id, traits: { failsBuild: 'no', qualifies: false }, tools: [], source: r.source, line: r.line(node) };
  if (m.has('title')) p.title = r.str(m.get('title')!.value, `title of probe "${id}"`);
  if (m.has('summary')) p.summary = r.str(m.get('summary')!.value, `summary of probe "${id}"`);
  if (m.has('replace')) p.replace = r.bool(m.get('replace')!.value, 'replace');
  if (m.has('disabledBy')) {
    const d = r.map(m.get('disabledBy')!.value, `disabledBy of probe "${id}"`, ['variables']);
    p.disabledBy = { variables: d.has('variables') ? r.strListMap(d.get('variables')!.value, 'disabledBy.variables') : {} };
  }
  const toolsNode = m.get('tools');
  if (!toolsNode) r.fail(node, `probe "${id}" has no tools`);
  const names = new Set<string>();
  for (const tn of r.seq(toolsNode.value, `tools of probe "${id}"`)) {
    const t = readTool(r, tn);
    const key = t.name.toLowerCase();
    if (names.has(key)) r.fail(tn, `tool "${t.name}" appears twice in probe "${id}"`);
    names.add(key);
    p.tools.push(t);
  }
  if (!p.tools.length) r.fail(toolsNode.value, `probe "${id}" has no tools`);
  p.traits = readTraits(r, node, m.get('traits')?.value, id);
  return p;
}

/** A probe's traits: every probe declares them, so a new probe cannot silently get the wrong behaviour. */
function readTraits(r: DataFileReader, probeNode: unknown, node: unknown, id: string): ProbeTraits {
  if (node === undefined) r.fail(probeNode, `probe "${id}" has no traits (traits: { failsBuild: ${FAILS_BUILD_VALUES.join('|')}, qualifies: true|false })`);
  const m = r.map(node, `traits of probe "${id}"`, TRAIT_KEYS);
  const fb = m.get('failsBuild');
  if (!fb) r.fail(node, `traits of probe "${id}" lack failsBuild (${FAILS_BUILD_VALUES.join(', ')})`);
  const failsBuild = r.str(fb.value, `failsBuild of probe "${id}"`);
  if (!(FAILS_BUILD_VALUES as readonly string[]).includes(failsBuild)) r.fail(fb.value, `failsBuild of probe "${id}" must be one of ${FAILS_BUILD_VALUES.join(', ')}, not "${failsBuild}"`);
  const q = m.get('qualifies');
  if (!q) r.fail(node, `traits of probe "${id}" lack qualifies (true or false)`);
  const traits: ProbeTraits = { failsBuild: failsBuild as ProbeTraits['failsBuild'], qualifies: r.bool(q.value, `qualifies of probe "${id}"`) };
  const lh = m.get('localHook');
  if (lh) {
    const v = r.str(lh.value, `localHook of probe "${id}"`);
    if (!(LOCAL_HOOK_VALUES as readonly string[]).includes(v)) r.fail(lh.value, `localHook of probe "${id}" must be one of ${LOCAL_HOOK_VALUES.join(', ')}, not "${v}"`);
    traits.localHook = v as ProbeTraits['localHook'];
  }
  const an = m.get('anchor');
  if (an) {
    const v = r.str(an.value, `anchor of probe "${id}"`);
    if (!(ANCHOR_VALUES as readonly string[]).includes(v)) r.fail(an.value, `anchor of probe "${id}" must be one of ${ANCHOR_VALUES.join(', ')}, not "${v}" (leave it out for the pipeline)`);
    traits.anchor = v as ProbeTraits['anchor'];
  }
  const tt = m.get('throwawayTargetFor');
  if (tt) traits.throwawayTargetFor = r.strList(tt.value, `throwawayTargetFor of probe "${id}"`);
  const df = m.get('documentationFor');
  if (df) traits.documentationFor = r.strList(df.value, `documentationFor of probe "${id}"`);
  const bm = m.get('blocksMayAlso');
  if (bm) {
    // A user file may name bundled probes, so the ids are checked for form here and matched when the scan runs.
    traits.blocksMayAlso = r.strList(bm.value, `blocksMayAlso of probe "${id}"`);
    for (const other of traits.blocksMayAlso) if (!PROBE_ID_OK(other) || other === id) r.fail(bm.value, `blocksMayAlso of probe "${id}" must name other probes, not "${other}"`);
  }
  const aw = m.get('appliesWhen');
  if (aw) {
    const v = r.str(aw.value, `appliesWhen of probe "${id}"`);
    if (!(APPLIES_WHEN_VALUES as readonly string[]).includes(v)) r.fail(aw.value, `appliesWhen of probe "${id}" must be one of ${APPLIES_WHEN_VALUES.join(', ')}, not "${v}" (leave it out when the probe always applies)`);
    traits.appliesWhen = v as AppliesWhen;
  }
  return traits;
}

/** The traits of a catalogue probe; undefined for probes implemented in code (CODE_PROBE_IDS). */
export function probeTraits(cat: Catalogue, probe: string): ProbeTraits | undefined {
  let byId = traitsByCatalogue.get(cat);
  if (!byId) {
    byId = new Map(cat.probes.map((p) => [p.id, p.traits]));
    traitsByCatalogue.set(cat, byId);
  }
  return byId.get(probe);
}

const traitsByCatalogue = new WeakMap<Catalogue, Map<string, ProbeTraits>>();

/** Which files a probe's gaps are about: its `anchor` trait, or the container probe's own (code probes). */
export function probeAnchor(cat: Catalogue, probe: string): ProbeAnchor {
  return probeTraits(cat, probe)?.anchor ?? CONTAINER_PROBES[probe] ?? 'pipeline';
}

function readTool(r: DataFileReader, node: unknown): ToolDef {
  const m = r.map(node, 'a tool', TOOL_KEYS);
  const nameNode = m.get('name');
  if (!nameNode) r.fail(node, 'tool has no name');
  const name = r.str(nameNode.value, 'tool name');
  const t: ToolDef = {
    name, run: [], packages: [], images: [], actions: [], gitlabTemplates: [], gitlabComponents: [], gitlabJobs: [], azureTemplates: [], azureTasks: [],
    orbs: [], pipes: [], jenkinsSteps: [], preCommitHooks: [], configFiles: [], gitlabReports: [], ciVariables: [], line: r.line(node),
  };
  const list = (k: string) => (m.has(k) ? r.strList(m.get(k)!.value, `${k} of tool "${name}"`) : []);
  if (m.has('url')) t.url = r.str(m.get('url')!.value, `url of tool "${name}"`);
  if (m.has('remove')) t.remove = r.bool(m.get('remove')!.value, 'remove');
  if (m.has('run')) t.run = r.seq(m.get('run')!.value, `run of tool "${name}"`).map((n) => readRun(r, n, name));
  t.packages = list('packages');
  t.images = list('images');
  t.gitlabTemplates = list('gitlabTemplates');
  t.gitlabComponents = list('gitlabComponents');
  t.gitlabJobs = list('gitlabJobs');
  t.azureTemplates = list('azureTemplates');
  t.preCommitHooks = list('preCommitHooks');
  t.configFiles = list('configFiles');
  t.gitlabReports = list('gitlabReports');
  if (m.has('ciVariables')) t.ciVariables = Object.entries(r.strListMap(m.get('ciVariables')!.value, `ciVariables of tool "${name}"`)).map(([v, values]) => ({ name: v, values }));
  for (const g of t.configFiles) if (g.split('/').includes('..')) r.fail(m.get('configFiles')!.value, `config file pattern "${g}" must stay inside the workspace`);
  for (const k of ['actions', 'azureTasks', 'orbs', 'pipes', 'jenkinsSteps'] as const) {
    if (m.has(k)) t[k] = r.seq(m.get(k)!.value, `${k} of tool "${name}"`).map((n) => readUses(r, n, `${k} of tool "${name}"`));
  }
  if (m.has('disabledBy')) {
    const d = r.map(m.get('disabledBy')!.value, `disabledBy of tool "${name}"`, ['args', 'inputs']);
    t.disabledBy = {
      args: d.has('args') ? r.strList(d.get('args')!.value, 'disabledBy.args') : [],
      inputs: d.has('inputs') ? r.strListMap(d.get('inputs')!.value, 'disabledBy.inputs') : {},
    };
  }
  if (m.has('enabledBy')) t.enabledBy = readEnable(r, m.get('enabledBy')!.value, name);
  if (m.has('publishesSite')) t.publishesSite = r.bool(m.get('publishesSite')!.value, `publishesSite of tool "${name}"`);
  if (!t.remove && !MATCHER_KEYS.some((k) => (t[k] as unknown[]).length > 0)) r.fail(node, `tool "${name}" has no matchers`);
  if (m.has('mayRun')) {
    t.mayRun = r.bool(m.get('mayRun')!.value, `mayRun of tool "${name}"`);
    // A command run here or a file found here is no remote block: it either runs the tool or not.
    const local = MATCHER_KEYS.filter((k) => !(BLOCK_MATCHER_KEYS as readonly string[]).includes(k) && (t[k] as unknown[]).length > 0);
    if (t.mayRun && local.length) r.fail(m.get('mayRun')!.keyNode, `tool "${name}" has mayRun: true, which only applies to remote blocks (actions, templates, orbs, pipes, Jenkins steps), not to ${local.join(', ')}`);
  }
  return t;
}

function readEnable(r: DataFileReader, node: unknown, tool: string): ToolEnable {
  const what = `enabledBy of tool "${tool}"`;
  const d = r.map(node, what, ['oidc', 'staticRunner', 'env', 'config']);
  const e: ToolEnable = {
    oidc: d.has('oidc') ? r.bool(d.get('oidc')!.value, `${what}: oidc`) : false,
    env: d.has('env') ? r.strList(d.get('env')!.value, `${what}: env`) : [],
  };
  if (d.has('staticRunner') && r.bool(d.get('staticRunner')!.value, `${what}: staticRunner`)) e.staticRunner = true;
  if (d.has('config')) {
    const c = r.map(d.get('config')!.value, `${what}: config`, ['files', 'keys', 'pathArgs']);
    const files = c.has('files') ? r.strList(c.get('files')!.value, `${what}: config.files`) : [];
    const keys = c.has('keys') ? r.strList(c.get('keys')!.value, `${what}: config.keys`) : [];
    if (!files.length || !keys.length) r.fail(d.get('config')!.value, `${what}: config needs files and keys`);
    for (const f of files) if (f.split(/[/\\]/).includes('..') || f.startsWith('/')) r.fail(c.get('files')!.value, `config file "${f}" must stay inside the workspace`);
    e.config = { files, keys, pathArgs: c.has('pathArgs') ? r.strList(c.get('pathArgs')!.value, `${what}: config.pathArgs`) : [] };
  }
  if (!e.oidc && !e.staticRunner && !e.env.length && !e.config) r.fail(node, `${what} names no condition (oidc, staticRunner, env or config)`);
  return e;
}

function checkWords(r: DataFileReader, node: unknown, words: string[], what: string): void {
  for (const w of words) {
    if (!w.trim()) r.fail(node, `${what}: empty word`);
    if (w.split('|').some((a) => a === '')) r.fail(node, `${what}: "${w}" has an empty alternative`);
  }
}

/** One `run` entry (shorthand `program sub …` or the long form), checked as in probes.yaml. */
export function readRun(r: DataFileReader, node: unknown, tool: string): RunMatcher {
  const n = deref(r.doc, node);
  const line = r.line(node);
  if (isScalar(n)) {
    const text = r.str(n, `a run entry of tool "${tool}"`);
    const words = text.split(/\s+/);
    const programs = words[0].split('|').map(normProgram);
    checkWords(r, node, words, `run "${text}"`);
    const rest = words.slice(1).join(' ');
    if (rest) checkSequence(r, node, rest);
    return { programs, subcommands: rest ? [rest] : [], args: [], anyArgs: [], notArgs: [], line };
  }
  const m = r.map(n, `a run entry of tool "${tool}"`, RUN_KEYS);
  if (!m.has('program')) r.fail(node, `a run entry of tool "${tool}" has no program`);
  const prog = r.str(m.get('program')!.value, 'program');
  if (/\s/.test(prog)) r.fail(m.get('program')!.value, `program "${prog}" must be one word (put subcommands in "subcommands")`);
  const list = (k: string) => (m.has(k) ? r.strList(m.get(k)!.value, k) : []);
  const rm: RunMatcher = { programs: prog.split('|').map(normProgram), subcommands: list('subcommands'), args: list('args'), anyArgs: list('anyArgs'), notArgs: list('notArgs'), line };
  checkWords(r, node, [prog, ...rm.args, ...rm.anyArgs, ...rm.notArgs], `run entry of tool "${tool}"`);
  for (const s of rm.subcommands) checkSequence(r, node, s);
  return rm;
}

function checkSequence(r: DataFileReader, node: unknown, seq: string): void {
  const words = seq.split(/\s+/).filter(Boolean);
  if (!words.length) r.fail(node, 'empty subcommand');
  if (isGap(words[words.length - 1])) r.fail(node, `"${seq}": '...' must be followed by a word`);
  checkWords(r, node, words, `subcommand "${seq}"`);
}

function readUses(r: DataFileReader, node: unknown, what: string): UsesMatcher {
  const n = deref(r.doc, node);
  const line = r.line(node);
  if (isScalar(n)) return { name: r.str(n, `an entry of ${what}`), inputs: {}, inputWords: {}, notInputs: {}, line };
  const m = r.map(n, `an entry of ${what}`, USES_KEYS);
  if (!m.has('name')) r.fail(node, `an entry of ${what} has no name`);
  return {
    name: r.str(m.get('name')!.value, 'name'),
    inputs: m.has('inputs') ? r.strListMap(m.get('inputs')!.value, 'inputs') : {},
    inputWords: m.has('inputWords') ? r.strListMap(m.get('inputWords')!.value, 'inputWords') : {},
    notInputs: m.has('notInputs') ? r.strListMap(m.get('notInputs')!.value, 'notInputs') : {},
    line,
  };
}

// ───────────────────────────────────────────── merging

/**
 * A user catalogue over the bundled one: a probe with a known id merges its tools into the
 * bundled probe (same name replaces, new names are added, `remove: true` drops one) and
 * overrides title, summary and disabledBy when it sets them; `replace: true` replaces the
 * whole probe. New probes are added.
 */
export function mergeCatalogues(base: Catalogue, extra: Catalogue): Catalogue {
  const probes = base.probes.map((p) => ({ ...p, tools: [...p.tools] }));
  const byId = new Map(probes.map((p, i) => [p.id, i]));
  for (const e of extra.probes) {
    const own = { ...e, tools: e.tools.filter((t) => !t.remove) };
    delete own.replace;
    const i = byId.get(e.id);
    if (i === undefined) {
      byId.set(e.id, probes.length);
      probes.push(own);
      continue;
    }
    if (e.replace) {
      probes[i] = own;
      continue;
    }
    const merged = probes[i];
    if (e.title !== undefined) merged.title = e.title;
    if (e.summary !== undefined) merged.summary = e.summary;
    if (e.disabledBy) merged.disabledBy = { variables: { ...(merged.disabledBy?.variables ?? {}), ...e.disabledBy.variables } };
    for (const t of e.tools) {
      const at = merged.tools.findIndex((x) => x.name.toLowerCase() === t.name.toLowerCase());
      if (t.remove) {
        if (at >= 0) merged.tools.splice(at, 1);
      } else if (at >= 0) merged.tools[at] = t;
      else merged.tools.push(t);
    }
  }
  const merged: Catalogue = { schemaVersion: 1, probes: probes.filter((p) => p.tools.length > 0) };
  const blockHints = [...(base.blockHints ?? []), ...(extra.blockHints ?? [])];
  // A user entry for an action the bundled list has replaces it.
  const userBuilds = new Set((extra.imageBuildActions ?? []).map((a) => a.action.toLowerCase()));
  const imageBuildActions = [...(base.imageBuildActions ?? []).filter((a) => !userBuilds.has(a.action.toLowerCase())), ...(extra.imageBuildActions ?? [])];
  if (imageBuildActions.length) merged.imageBuildActions = imageBuildActions;
  const housekeeping = [...(base.housekeeping ?? []), ...(extra.housekeeping ?? [])];
  if (blockHints.length) merged.blockHints = blockHints;
  if (housekeeping.length) merged.housekeeping = housekeeping;
  return merged;
}

// ───────────────────────────────────────────── names as matched

/** A program name as matched: basename, lower case, without a Windows extension. */
export function normProgram(p: string): string {
  let s = p.trim().toLowerCase().replace(/\\/g, '/');
  const slash = s.lastIndexOf('/');
  if (slash >= 0) s = s.slice(slash + 1);
  for (const ext of ['.exe', '.cmd', '.bat', '.ps1']) if (s.endsWith(ext) && s.length > ext.length) s = s.slice(0, -ext.length);
  return s;
}

/** `...` in a run pattern: any words may come between. */
export const isGap = (w: string) => w === '...' || w === '…';
