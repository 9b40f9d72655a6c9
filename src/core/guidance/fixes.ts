// fixesFor: which templates of model/fixes.yaml apply to a diagnostic, and which file each
// one edits or creates. Missing activities get tool templates for the main pipeline file (and
// repository files to create); weak controls get the edits that resolve their finding code.
import { ScanResult } from '../scan/result';
import { isPipelineKind } from '../scan/ci/registry';
import { dialectOf } from './computeFix';
import { detectEcosystems, FileInfo } from './ecosystems';
import { FixCatalogue, FixTemplate } from './fixCatalogue';
import { fixHarm } from './safety';
import { FixOption, GuidanceDiagnostic } from './types';
import { ParsedFile } from '../scan/parse/parseFile';

function applicable(t: FixTemplate, files: FileInfo[], ecosystems: Set<string>): boolean {
  if (t.when?.ecosystems && !t.when.ecosystems.some((e) => ecosystems.has(e))) return false;
  if (t.when?.files && !t.when.files.some((k) => files.some((f) => f.kind === k && !f.outOfScope))) return false;
  return true;
}

/** Edit operations that can fix several places of a file at once (grouped findings). */
const MULTI_PLACE_EDITS = new Set(['checkout-persist-credentials', 'image-tag-placeholder', 'scanner-must-fail']);

type FixEntry = { path: string; kind: FileInfo['kind']; parsed?: ParsedFile };

/**
 * The fixes for `diagnostic` (from diagnosticsFor), best first. `entry` is the diagnostic's file
 * (its kind decides spot edits; its parsed content shows where a hardening edit would break the
 * job). `files` defaults to the result's file list. A missing-activities summary gets the fixes of
 * its activities: the best one of each activity first (in the summary's order), then the others.
 */
export function fixesFor(
  fixes: FixCatalogue,
  result: ScanResult,
  entry: FixEntry | undefined,
  diagnostic: GuidanceDiagnostic,
  files: FileInfo[] = result.files,
): FixOption[] {
  const d = diagnostic.data;
  let out: FixOption[];
  if (d.kind === 'missing-summary') {
    const perActivity = (d.activities ?? []).map((m) =>
      activityFixes(fixes, entry, { ...diagnostic, data: { ...d, kind: 'missing-activity', activity: m.uuid, activityName: m.name, level: m.level, probes: m.probes } }, files).map((o) => ({ ...o, activity: m.uuid })),
    );
    out = [];
    const add = (o: FixOption) => {
      if (!out.some((x) => sameFix(x, o))) out.push(o);
    };
    for (const list of perActivity) if (list[0]) add(list[0]);
    for (const list of perActivity) list.slice(1).forEach(add);
  } else if (d.kind === 'finding') out = findingFixes(fixes, entry, diagnostic, files);
  else out = activityFixes(fixes, entry, diagnostic, files);
  // One preferred fix at most: the first one marked so.
  const firstPreferred = out.findIndex((o) => o.preferred);
  out.forEach((o, i) => (o.preferred = i === firstPreferred));
  return out.sort((a, b) => Number(!!b.preferred) - Number(!!a.preferred));
}

/** The parsed files among `files` (index entries carry them), by path. */
function parsedOf(files: FileInfo[]): (path: string) => ParsedFile | undefined {
  return (path) => (files.find((f) => f.path === path) as { parsed?: ParsedFile } | undefined)?.parsed;
}

/** The same fix: one template on one file, at the same places. */
export function sameFix(a: FixOption, b: FixOption): boolean {
  return a.templateId === b.templateId && a.path === b.path && placesKey(a) === placesKey(b);
}

function placesKey(o: FixOption): string {
  return (o.places ?? []).map((l) => `${l.line}:${l.column}`).join(',');
}

function findingFixes(fixes: FixCatalogue, entry: FixEntry | undefined, diagnostic: GuidanceDiagnostic, files: FileInfo[]): FixOption[] {
  return findingFixChoices(fixes, entry, diagnostic, files).offered;
}

/**
 * Why fixes that would resolve this weak control are not offered at its place: the file shows the
 * edit would break the job (model/fixes.yaml `unless:`). One sentence per withheld template.
 */
export function withheldFixes(fixes: FixCatalogue, entry: FixEntry | undefined, diagnostic: GuidanceDiagnostic, files: FileInfo[]): string[] {
  if (diagnostic.data.kind !== 'finding') return [];
  return findingFixChoices(fixes, entry, diagnostic, files).withheld;
}

function findingFixChoices(fixes: FixCatalogue, entry: FixEntry | undefined, diagnostic: GuidanceDiagnostic, files: FileInfo[]): { offered: FixOption[]; withheld: string[] } {
  const d = diagnostic.data;
  const out: FixOption[] = [];
  const withheld: string[] = [];
  const ecosystems = new Set(detectEcosystems(files).map((e) => e.ecosystem));
  const dialect = dialectOf(entry?.kind ?? files.find((f) => f.path === diagnostic.path)?.kind);
  if (!dialect) return { offered: out, withheld };
  const places = d.places ?? [diagnostic.loc];
  for (const t of fixes.templates) {
    const dt = t.dialects[dialect];
    if (!d.findingCode || !t.resolves.includes(d.findingCode) || !dt || !applicable(t, files, ecosystems)) continue;
    // The checkout hardening fits an action finding only on actions/checkout itself.
    if (dt.edit === 'checkout-persist-credentials' && d.findingCode !== 'missing-permissions' && d.findingData?.action !== 'actions/checkout') continue;
    const preferred = t.preferred && t.resolves[0] === d.findingCode;
    // Fixes that never hurt: not where the file shows the edit would break the job.
    const harm = places.map((at) => fixHarm(t, dt, entry?.parsed, at, parsedOf(files)));
    const safe = places.filter((_, i) => !harm[i]);
    const hereHarm = harm[places.findIndex((l) => l.line === diagnostic.loc.line && l.column === diagnostic.loc.column)];
    if (hereHarm) withheld.push(`"${t.title}" is not offered here: ${hereHarm}`);
    if (places.length > 1 && dt.edit && MULTI_PLACE_EDITS.has(dt.edit) && safe.length > 1) {
      out.push({ templateId: t.id, title: `${t.title}: all ${safe.length} places`, path: diagnostic.path, dialect, kind: 'edit', preferred, places: safe });
    }
    if (safe.some((l) => l.line === diagnostic.loc.line && l.column === diagnostic.loc.column)) {
      out.push({ templateId: t.id, title: places.length > 1 ? `${t.title}: this place` : t.title, path: diagnostic.path, dialect, kind: 'edit', preferred });
    } else if (safe.length === 1 && dt.edit && MULTI_PLACE_EDITS.has(dt.edit)) {
      // Not here, but at the one other place of the group where it does no harm.
      out.push({ templateId: t.id, title: `${t.title}: line ${safe[0].line}`, path: diagnostic.path, dialect, kind: 'edit', preferred, places: safe });
    }
  }
  return { offered: out, withheld };
}

function activityFixes(fixes: FixCatalogue, entry: FixEntry | undefined, diagnostic: GuidanceDiagnostic, files: FileInfo[]): FixOption[] {
  const d = diagnostic.data;
  const out: FixOption[] = [];
  const add = (o: FixOption) => {
    if (!out.some((x) => sameFix(x, o))) out.push(o);
  };
  const ecosystems = new Set(detectEcosystems(files).map((e) => e.ecosystem));
  const existing = new Set(files.map((f) => f.path));
  const hasGithub = files.some((f) => f.kind === 'github-workflow' || f.kind === 'github-action' || f.kind === 'dependabot' || f.path.startsWith('.github/'));
  const pipeline = d.pipeline ?? (entry && isPipelineKind(entry.kind) ? { path: entry.path, kind: entry.kind } : undefined);
  const here = dialectOf(entry?.kind);
  for (const t of fixes.templates) {
    if (!t.satisfies.some((p) => d.probes.includes(p)) || !applicable(t, files, ecosystems)) continue;
    const repo = t.dialects.repository;
    if (repo?.createFile) {
      if (existing.has(repo.createFile)) continue;
      const preferred = repo.generator === 'dependabot' ? hasGithub : repo.generator === 'renovate' ? !hasGithub : t.preferred;
      add({ templateId: t.id, title: t.title, path: repo.createFile, dialect: 'repository', kind: 'create', preferred });
      continue;
    }
    if (pipeline && t.dialects[pipeline.kind as keyof typeof t.dialects]) {
      add({ templateId: t.id, title: `${t.title} to ${pipeline.path}`, path: pipeline.path, dialect: pipeline.kind as FixOption['dialect'], kind: 'edit', preferred: t.preferred });
    } else if (here && here !== pipeline?.kind && t.dialects[here] && entry && !fixHarm(t, t.dialects[here], entry.parsed, undefined)) {
      add({ templateId: t.id, title: t.title, path: entry.path, dialect: here, kind: 'edit', preferred: t.preferred });
    }
  }
  return out.sort((a, b) => Number(!!b.preferred) - Number(!!a.preferred));
}
