// Diagnostics: (a) detectable activities up to the target level that are missing or partial, on
// ONE anchor line (the main pipeline file; container activities on the relevant Dockerfile or
// Kubernetes manifest), (b) weak controls: the engine's findings with their exact ranges.
// Inline `dsomm-ignore` comments and activities marked not applicable silence them.
import { ActivityResult, ScanResult } from '../scan/result';
import { Finding } from '../scan/detect/probeTypes';
import { CiKind, Loc } from '../scan/types';
import { IndexEntry } from '../scan/workspaceIndex';
import { FixCatalogue } from './fixCatalogue';
import { fixesFor } from './fixes';
import { GAP_STATUSES } from './hover';
import { activityFamily, activityUrl, byLevelThenName, dockerfiles, firstLineLoc, kubernetesWorkloads, lookup, mainPipeline, primaryActivity } from './lookup';
import { isSuppressed, suppressions } from './suppress';
import { locToRange, splitLines } from './text';
import { DiagnosticSeverity, GuidanceDiagnostic } from './types';

export interface DiagnosticsOptions {
  targetLevel: number;
  /** Severity of missing-activity diagnostics (default 'information'); findings keep their own. */
  severity?: DiagnosticSeverity;
  /** Report missing activities (default true). */
  missing?: boolean;
  /** Report weak controls (default true). */
  findings?: boolean;
  /** A file's current text, for `dsomm-ignore` comments (the editor's buffer, or the file on disk). */
  textOf?: (path: string) => string | undefined;
  /** With a fix catalogue, each diagnostic's `data.fixes` lists the fixes that apply (and probe links are known). */
  fixes?: FixCatalogue;
  /**
   * Fill `data.fixes` (default true). The editor asks fixesFor when a code action is requested and
   * turns this off: on a large monorepo it is most of the cost of a refresh.
   */
  listFixes?: boolean;
}

/** What the files lack, in words, for the probes guidance has fixes for. */
const PROBE_WORDS: Record<string, string> = {
  sast: 'static analysis',
  'sast.client': 'static analysis of client-side code',
  sca: 'dependency vulnerability scan',
  'sca.client': 'client-side dependency scan',
  'secret-scan': 'secret scan',
  'image-scan': 'container image scan',
  'dockerfile-lint': 'Dockerfile linting',
  dast: 'dynamic scan (DAST)',
  sbom: 'SBOM generation',
  signing: 'artifact signing',
  'dependency-update-bot': 'Dependabot or Renovate configuration',
  'repo.security-policy': 'SECURITY.md',
};

function missingMessage(a: ActivityResult, failing: string[]): string {
  const act = a.activity;
  const head = a.status === 'partial' ? 'is only partly in place' : 'is missing';
  const known = failing.filter((p) => PROBE_WORDS[p]).map((p) => PROBE_WORDS[p]);
  const why = known.length === failing.length && known.length ? `: no ${known.join(', no ')} found` : failing.length ? ` (checks: ${failing.join(', ')})` : '';
  const note = a.note ? ` ${a.note}` : '';
  return `DSOMM level ${act.level} (${act.dimension} › ${act.subdimension}): "${act.name}" ${head}${why}.${note}`;
}

function findingMessage(f: Finding): string {
  return f.message.endsWith('.') ? f.message : `${f.message}.`;
}

/**
 * Diagnostics per file path. Ranges are 0-based (vscode.Range); `loc` keeps the 1-based place.
 * `entries` are the index entries (WorkspaceIndex.all()).
 */
export function diagnosticsFor(result: ScanResult, entries: IndexEntry[], options: DiagnosticsOptions): Map<string, GuidanceDiagnostic[]> {
  const out = new Map<string, GuidanceDiagnostic[]>();
  const byPath = new Map(entries.map((e) => [e.path, e] as const));
  const textCache = new Map<string, string | undefined>();
  const textOf = (path: string) => {
    if (!textCache.has(path)) textCache.set(path, options.textOf?.(path));
    return textCache.get(path);
  };
  const suppressCache = new Map<string, Map<number, Set<string>>>();
  const suppressed = (path: string, line: number, ids: string[]) => {
    let map = suppressCache.get(path);
    if (!map) {
      const text = textOf(path);
      map = text === undefined ? new Map() : suppressions(text);
      suppressCache.set(path, map);
    }
    return isSuppressed(map, line, ids);
  };
  const push = (d: GuidanceDiagnostic) => {
    if (suppressed(d.path, d.loc.line, [...d.data.probes, ...(d.data.findingCode ? [d.data.findingCode] : []), ...(d.data.activity ? [d.data.activity] : [])])) return;
    if (options.fixes && options.listFixes !== false) {
      const entry = byPath.get(d.path);
      d.data.fixes = fixesFor(options.fixes, result, entry, d, entries).map((f) => f.templateId);
    }
    (out.get(d.path) ?? out.set(d.path, []).get(d.path)!).push(d);
  };
  const rangeOf = (loc: Loc) => {
    const text = textOf(loc.path);
    return locToRange(loc, text === undefined ? undefined : splitLines(text));
  };

  const main = mainPipeline(entries);
  const pipeline = main ? { path: main.entry.path, kind: main.file.kind as CiKind } : undefined;

  if (options.missing !== false) {
    const l = lookup(result);
    const docker = dockerfiles(entries)[0];
    const k8s = kubernetesWorkloads(entries)[0];
    // Findings explain partial activities better than a file-level note: skip those.
    const findingProbes = new Set(result.findings.map((f) => f.probe));
    const gaps = result.activities
      .filter((a) => GAP_STATUSES.has(a.status) && a.activity.level <= options.targetLevel)
      .filter((a) => !(a.status === 'partial' && a.probes.some((p) => findingProbes.has(p) || (p === 'pinning' && ['container.base-image-digest', 'gha.actions-pinned'].some((x) => findingProbes.has(x))))))
      .sort(byLevelThenName);
    for (const a of gaps) {
      const family = activityFamily(a);
      let loc: Loc | undefined;
      if (family === 'dockerfile' && docker) loc = docker.file.stages[0].fromLoc;
      else if (family === 'kubernetes' && k8s) loc = k8s.loc;
      else if (family === 'kubernetes' && docker) loc = docker.file.stages[0].fromLoc;
      else if (main) loc = main.file.anchor;
      if (!loc) continue;
      loc = firstLineLoc(loc);
      const failing = a.probes.filter((p) => {
        const r = l.probeResult.get(p);
        return r === 'fail' || r === 'partial' || r === undefined;
      });
      // Nothing the files could add (a hint-only rule whose hint is there): a person decides.
      if (!failing.length) continue;
      const probes = failing;
      push({
        path: loc.path,
        range: rangeOf(loc),
        loc,
        message: missingMessage(a, probes),
        severity: options.severity ?? 'information',
        code: { value: probes[0] ?? 'dsomm', target: activityUrl(a.activity.uuid) },
        source: 'DSOMM',
        data: {
          kind: 'missing-activity',
          activity: a.activity.uuid,
          activityName: a.activity.name,
          level: a.activity.level,
          probes,
          ...(pipeline ? { pipeline } : {}),
        },
      });
    }
  }

  if (options.findings !== false) {
    const seen = new Set<string>();
    for (const f of result.findings) {
      const key = `${f.loc.path}:${f.loc.line}:${f.loc.column}:${f.code}:${f.probe}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const a = primaryActivity(result, f.probe, options.fixes?.links);
      if (a && (a.status === 'not-applicable' || a.notApplicable)) continue;
      push({
        path: f.loc.path,
        range: rangeOf(f.loc),
        loc: f.loc,
        message: findingMessage(f),
        severity: f.severity === 'warning' ? 'warning' : 'information',
        code: { value: f.code, ...(a ? { target: activityUrl(a.activity.uuid) } : {}) },
        source: 'DSOMM',
        data: {
          kind: 'finding',
          probes: [f.probe],
          findingCode: f.code,
          ...(f.data ? { findingData: { ...f.data } } : {}),
          ...(a ? { activity: a.activity.uuid, activityName: a.activity.name, level: a.activity.level } : {}),
          ...(pipeline ? { pipeline } : {}),
        },
      });
    }
  }
  for (const list of out.values()) list.sort((x, y) => x.range.start.line - y.range.start.line || x.range.start.character - y.range.start.character);
  return out;
}
