// `.dsomm/tools.yaml`: the remote blocks and in-house commands a team declares, because the scan
// cannot read what they run ("our security workflow runs SCA and secret scanning"). The file is
// read through the workspace's one guarded read, checked like the catalogue (every mistake names
// the file and line), and merged over the bundled catalogue: a declared block or command counts
// for the probes it names, with the line that calls it as evidence. The editor ignores the file
// in Restricted Mode (an untrusted repository must not decide what counts as detected).
import { FileSystem, decodeText, isRefused } from '../fs';
import { Catalogue, CatalogueError, ProbeDef, ToolDef, mergeCatalogues, readRun } from './detect/catalogue';
import { DataFileReader, checkSchemaVersion, openDataFile } from './detect/dataFileReader';
import { DetectionData } from './scan';
import { isNotFound } from '../progress/store';

export const TEAM_TOOLS_FILE = '.dsomm/tools.yaml';
/** Far above any real declaration list; a larger file is refused with a note. */
const MAX_TEAM_TOOLS_BYTES = 1024 * 1024;

export type TeamToolsRead =
  | { state: 'absent' }
  | { state: 'loaded'; catalogue: Catalogue; declared: number }
  | { state: 'invalid'; file: string; line?: number; message: string };

const BLOCK_KEYS = ['uses', 'runs', 'name'] as const;
const COMMAND_KEYS = ['run', 'runs', 'name'] as const;

/**
 * Parses a tools file into a catalogue to merge over `bundled`. Throws CatalogueError
 * (`.dsomm/tools.yaml:LINE: message`) for anything it cannot use.
 */
export function parseTeamTools(text: string, source: string, bundled: Catalogue): { catalogue: Catalogue; declared: number } {
  const { r, root }: { r: DataFileReader; root: unknown } = openDataFile(text, source);
  const top = r.map(root, 'the tools file', ['schemaVersion', 'blocks', 'commands']);
  checkSchemaVersion(r, top, root);
  if (!top.has('blocks') && !top.has('commands')) r.fail(root, 'declares nothing: add "blocks" (remote blocks your pipelines call) or "commands" (in-house commands), each with the probes it "runs"');
  const probes = new Map(bundled.probes.map((p) => [p.id, p]));
  const byProbe = new Map<string, ToolDef[]>();
  const addTool = (probe: string, tool: ToolDef) => (byProbe.get(probe) ?? byProbe.set(probe, []).get(probe)!).push(tool);
  let declared = 0;
  const runsOf = (m: Map<string, { value: unknown; keyNode: unknown }>, node: unknown, what: string): string[] => {
    if (!m.has('runs')) r.fail(node, `${what} has no "runs" (the probes it runs, e.g. [sca, secret-scan])`);
    const ids = r.strList(m.get('runs')!.value, `runs of ${what}`);
    if (!ids.length) r.fail(m.get('runs')!.value, `runs of ${what} is empty`);
    for (const id of ids) {
      if (!probes.has(id)) r.fail(m.get('runs')!.value, `${what} runs unknown probe "${id}" (a probe of the catalogue, e.g. ${['sast', 'sca', 'secret-scan', 'image-scan', 'sbom', 'signing', 'deploy'].join(', ')})`);
    }
    return ids;
  };
  const empty = (name: string, line: number): ToolDef => ({
    name, run: [], packages: [], images: [], actions: [], gitlabTemplates: [], gitlabComponents: [], gitlabJobs: [], azureTemplates: [], azureTasks: [],
    orbs: [], pipes: [], jenkinsSteps: [], preCommitHooks: [], configFiles: [], gitlabReports: [], ciVariables: [], line,
  });
  if (top.has('blocks')) {
    for (const n of r.seq(top.get('blocks')!.value, 'blocks')) {
      const m = r.map(n, 'a block', BLOCK_KEYS);
      if (!m.has('uses')) r.fail(n, 'a block has no "uses" (the block as your pipeline calls it, without its version: org/repo/.github/workflows/x.yml, ns/orb/job, ns/pipe, a Jenkins step, a GitLab component or group/project:/file.yml)');
      const uses = stripVersion(r.str(m.get('uses')!.value, 'uses of a block'));
      const what = `block "${uses}"`;
      const ids = runsOf(m, n, what);
      const name = m.has('name') ? r.str(m.get('name')!.value, `name of ${what}`) : uses;
      const line = r.line(n);
      const matcher = { name: uses, inputs: {}, inputWords: {}, notInputs: {}, line };
      for (const id of ids) {
        // One string for every kind of block: each CI system only looks at its own kind.
        addTool(id, { ...empty(`${name} (declared in ${TEAM_TOOLS_FILE})`, line), actions: [matcher], orbs: [matcher], pipes: [matcher], jenkinsSteps: [matcher], gitlabComponents: [uses], azureTemplates: [uses] });
      }
      declared++;
    }
  }
  if (top.has('commands')) {
    for (const n of r.seq(top.get('commands')!.value, 'commands')) {
      const m = r.map(n, 'a command', COMMAND_KEYS);
      if (!m.has('run')) r.fail(n, 'a command has no "run" (the program and subcommand as your scripts call it, e.g. "acme-audit" or "make audit")');
      const text = r.str(m.get('run')!.value, 'run of a command');
      const what = `command "${text}"`;
      const ids = runsOf(m, n, what);
      const name = m.has('name') ? r.str(m.get('name')!.value, `name of ${what}`) : text;
      const run = readRun(r, m.get('run')!.value, name);
      for (const id of ids) addTool(id, { ...empty(`${name} (declared in ${TEAM_TOOLS_FILE})`, r.line(n)), run: [run] });
      declared++;
    }
  }
  const extra: ProbeDef[] = [...byProbe].map(([id, tools]) => ({ ...probes.get(id)!, tools: dedupeNames(tools), source, line: tools[0].line }));
  return { catalogue: { schemaVersion: 1, probes: extra }, declared };
}

/** Tools of one probe keep distinct names (the catalogue counts distinct tools). */
function dedupeNames(tools: ToolDef[]): ToolDef[] {
  const seen = new Map<string, number>();
  return tools.map((t) => {
    const n = (seen.get(t.name) ?? 0) + 1;
    seen.set(t.name, n);
    return n === 1 ? t : { ...t, name: `${t.name} #${n}` };
  });
}

/** `org/repo/.github/workflows/x.yml@v1` → without `@v1`; `ns/pipe:1.2.3` → `ns/pipe`. */
function stripVersion(uses: string): string {
  const at = uses.lastIndexOf('@');
  let s = at > 0 && !uses.slice(at).includes('/') ? uses.slice(0, at) : uses;
  const colon = s.lastIndexOf(':');
  if (colon > 0 && /^[\w.-]+$/.test(s.slice(colon + 1)) && !s.includes(':/')) s = s.slice(0, colon);
  return s;
}

/** Reads `.dsomm/tools.yaml` of the folder `fs` serves, through its guarded read. Never throws. */
export async function readTeamTools(fs: FileSystem, bundled: Catalogue): Promise<TeamToolsRead> {
  let bytes: Uint8Array;
  try {
    bytes = await fs.readFile(TEAM_TOOLS_FILE, { maxBytes: MAX_TEAM_TOOLS_BYTES });
  } catch (e) {
    if (isNotFound(e) || (e as { code?: unknown })?.code === 'ENOTDIR') return { state: 'absent' };
    return { state: 'invalid', file: TEAM_TOOLS_FILE, message: isRefused(e) ? `not read: ${e.message}` : `cannot be read: ${(e as Error)?.message ?? String(e)}` };
  }
  const decoded = decodeText(bytes);
  if ('error' in decoded) return { state: 'invalid', file: TEAM_TOOLS_FILE, message: decoded.error };
  try {
    return { state: 'loaded', ...parseTeamTools(decoded.text, TEAM_TOOLS_FILE, bundled) };
  } catch (e) {
    if (e instanceof CatalogueError) return { state: 'invalid', file: e.file, ...(e.line ? { line: e.line } : {}), message: e.message.slice(e.message.indexOf(': ') + 2) };
    throw e;
  }
}

/** The detection data with the team's declarations merged over the catalogue. */
export function withTeamTools(data: DetectionData, read: TeamToolsRead): DetectionData {
  return read.state === 'loaded' ? { ...data, catalogue: mergeCatalogues(data.catalogue, read.catalogue) } : data;
}

/** One line for a problem with the file: `.dsomm/tools.yaml:7: message`. */
export function teamToolsProblem(read: Extract<TeamToolsRead, { state: 'invalid' }>): string {
  return `${read.file}${read.line ? `:${read.line}` : ''}: ${read.message}; the declared blocks and commands are not used until it is fixed`;
}
