// The CLI's JSON report (schemaVersion 1; documented in the README). Stable field order.
import { Evidence } from '../scan/detect/probeTypes';
import { ScanResult } from '../scan/result';
import { InputProblem } from './inputProblems';

export interface JsonEvidence {
  path: string;
  line: number;
  column: number;
  text: string;
  tool?: string;
}

function ev(e: Evidence): JsonEvidence {
  return { path: e.loc.path, line: e.loc.line, column: e.loc.column, text: e.text, ...(e.tool ? { tool: e.tool } : {}) };
}

export function toJsonReport(r: ScanResult, options: { targetLevel?: number; inputProblems?: InputProblem[] } = {}): object {
  return {
    schemaVersion: 1,
    root: r.root,
    model: r.model,
    summary: {
      achievedLevel: r.achievedLevel,
      ...(options.targetLevel ? { targetLevel: options.targetLevel } : {}),
      levels: r.levels,
      statuses: countStatuses(r),
    },
    files: r.files.map((f) => ({
      path: f.path,
      kind: f.kind,
      ...(f.outOfScope ? { outOfScope: true } : {}),
      ...(f.problems.length ? { error: f.problems.map((p) => (p.line ? `line ${p.line}: ${p.message}` : p.message)).join('; ') } : {}),
    })),
    // Configuration files the scan could not use in full (always present, so a CI check can rely on it).
    problems: (options.inputProblems ?? []).map((p) => ({ path: p.path, ...(p.line ? { line: p.line } : {}), severity: p.severity, message: p.message })),
    probes: r.probes.map((p) => ({
      id: p.id,
      result: p.result,
      evidence: p.evidence.map(ev),
      ...(p.notes.length ? { notes: p.notes } : {}),
    })),
    activities: r.activities.map((a) => ({
      uuid: a.activity.uuid,
      name: a.activity.name,
      dimension: a.activity.dimension,
      subdimension: a.activity.subdimension,
      level: a.activity.level,
      status: a.status,
      detected: a.detected,
      evidence: a.evidence.map(ev),
      probes: a.probes,
      ...(a.note ? { note: a.note } : {}),
      ...(a.reasons?.length ? { reasons: a.reasons } : {}),
      ...(a.remote ? { remote: true } : {}),
      ...(a.progress ? { progress: a.progress } : {}),
      ...(a.notApplicable ? { notApplicable: a.notApplicable } : {}),
      ...(a.teamEvidence?.length ? { teamEvidence: a.teamEvidence } : {}),
    })),
    findings: r.findings.map((f) => ({ probe: f.probe, code: f.code, severity: f.severity, message: f.message, path: f.loc.path, line: f.loc.line, column: f.loc.column, endLine: f.loc.endLine, endColumn: f.loc.endColumn })),
    external: r.external.map((x) => ({ kind: x.kind, ref: x.ref, from: x.from, line: x.loc.line, ...(x.housekeeping ? { housekeeping: x.housekeeping } : {}) })),
  };
}

export function countStatuses(r: ScanResult): Record<string, number> {
  const out: Record<string, number> = {};
  for (const a of r.activities) out[a.status] = (out[a.status] ?? 0) + 1;
  return out;
}
