// fixesFor: which templates of model/fixes.yaml apply to a diagnostic, and which file each
// one edits or creates. Missing activities get tool templates for the main pipeline file (and
// repository files to create); weak controls get the edits that resolve their finding code.
import { ScanResult } from '../scan/result';
import { isPipelineKind } from '../scan/ci/registry';
import { dialectOf } from './computeFix';
import { detectEcosystems, FileInfo } from './ecosystems';
import { FixCatalogue, FixTemplate } from './fixCatalogue';
import { FixOption, GuidanceDiagnostic } from './types';

function applicable(t: FixTemplate, files: FileInfo[], ecosystems: Set<string>): boolean {
  if (t.when?.ecosystems && !t.when.ecosystems.some((e) => ecosystems.has(e))) return false;
  if (t.when?.files && !t.when.files.some((k) => files.some((f) => f.kind === k && !f.outOfScope))) return false;
  return true;
}

/**
 * The fixes for `diagnostic` (from diagnosticsFor), best first. `entry` is the diagnostic's file
 * (its kind decides spot edits). `files` defaults to the result's file list.
 */
export function fixesFor(
  fixes: FixCatalogue,
  result: ScanResult,
  entry: { path: string; kind: FileInfo['kind'] } | undefined,
  diagnostic: GuidanceDiagnostic,
  files: FileInfo[] = result.files,
): FixOption[] {
  const d = diagnostic.data;
  const ecosystems = new Set(detectEcosystems(files).map((e) => e.ecosystem));
  const existing = new Set(files.map((f) => f.path));
  const hasGithub = files.some((f) => f.kind === 'github-workflow' || f.kind === 'github-action' || f.kind === 'dependabot' || f.path.startsWith('.github/'));
  const out: FixOption[] = [];
  const add = (o: FixOption) => {
    if (!out.some((x) => x.templateId === o.templateId && x.path === o.path)) out.push(o);
  };

  if (d.kind === 'finding') {
    const dialect = dialectOf(entry?.kind ?? files.find((f) => f.path === diagnostic.path)?.kind);
    if (!dialect) return out;
    for (const t of fixes.templates) {
      if (!d.findingCode || !t.resolves.includes(d.findingCode) || !t.dialects[dialect] || !applicable(t, files, ecosystems)) continue;
      // The checkout hardening fits an action finding only on actions/checkout itself.
      if (t.dialects[dialect]!.edit === 'checkout-persist-credentials' && d.findingCode !== 'missing-permissions' && d.findingData?.action !== 'actions/checkout') continue;
      add({ templateId: t.id, title: t.title, path: diagnostic.path, dialect, kind: 'edit', preferred: t.preferred && t.resolves[0] === d.findingCode });
    }
  } else {
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
      } else if (here && here !== pipeline?.kind && t.dialects[here] && entry) {
        add({ templateId: t.id, title: t.title, path: entry.path, dialect: here, kind: 'edit', preferred: t.preferred });
      }
    }
  }
  // One preferred fix at most: the first one marked so.
  const firstPreferred = out.findIndex((o) => o.preferred);
  out.forEach((o, i) => (o.preferred = i === firstPreferred));
  return out.sort((a, b) => Number(!!b.preferred) - Number(!!a.preferred));
}
