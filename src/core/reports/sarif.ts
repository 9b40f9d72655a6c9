// SARIF 2.1.0 for code scanning: one result per missing activity at or below the level
// (attached to the main pipeline file, the one the editor's summary sits on) and one per
// weak-control finding.
import { isPipelineKind } from '../scan/ci/registry';
import { ScanResult } from '../scan/result';
import { InputProblem } from './inputProblems';

/** A root-relative path as a relative URI reference: each segment percent-encoded (space, %, #, ?, <, newline…). */
export function sarifUri(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

/** A root-relative path against %SRCROOT%; an absolute one (a --model file elsewhere) as a file: URI. */
function artifactOf(path: string): { uri: string; uriBaseId?: string } {
  if (!/^(?:\/|[a-zA-Z]:[\\/])/.test(path)) return { uri: sarifUri(path), uriBaseId: '%SRCROOT%' };
  const slashed = path.replace(/\\/g, '/');
  return { uri: `file://${slashed.startsWith('/') ? '' : '/'}${slashed.split('/').map((s, i) => (i === 0 && /^[a-zA-Z]:$/.test(s) ? s : encodeURIComponent(s))).join('/')}` };
}

export interface SarifOptions {
  level?: number;
  toolVersion?: string;
  inputProblems?: InputProblem[];
  /** Where missing activities attach: the main pipeline (guidance's mainPipeline), as in the editor's Problems. */
  pipeline?: string;
}

export function toSarif(r: ScanResult, options: SarifOptions = {}): object {
  const level = options.level ?? 5;
  const missing = r.activities.filter((a) => a.status === 'missing' && a.activity.level <= level);
  const anchor = (options.pipeline !== undefined ? r.files.find((f) => f.path === options.pipeline) : undefined) ?? r.files.find((f) => f.kind === 'github-workflow') ?? r.files.find((f) => isPipelineKind(f.kind));
  const rules = new Map<string, object>();
  const results: object[] = [];
  for (const a of missing) {
    const id = `DSOMM-${a.activity.uuid}`;
    rules.set(id, {
      id,
      name: a.activity.name.replace(/[^A-Za-z0-9]+/g, ''),
      shortDescription: { text: `DSOMM L${a.activity.level}: ${a.activity.name}` },
      fullDescription: { text: a.activity.risk || a.activity.name },
      help: { text: a.activity.measure || a.activity.name },
      helpUri: `https://dsomm.owasp.org/activity-description?uuid=${a.activity.uuid}`,
      properties: { tags: ['dsomm', a.activity.dimension], level: a.activity.level },
    });
    results.push({
      ruleId: id,
      level: 'note',
      message: { text: `Missing DSOMM level ${a.activity.level} activity "${a.activity.name}" (${a.activity.dimension} › ${a.activity.subdimension}).` },
      locations: anchor ? [{ physicalLocation: { artifactLocation: { uri: sarifUri(anchor.path), uriBaseId: '%SRCROOT%' }, region: { startLine: 1 } } }] : [],
      partialFingerprints: { dsommActivity: a.activity.uuid },
    });
  }
  for (const f of r.findings) {
    const id = `DSOMM-${f.probe}/${f.code}`;
    if (!rules.has(id)) rules.set(id, { id, name: f.code, shortDescription: { text: f.message.split('. ')[0] }, properties: { tags: ['dsomm', f.probe] } });
    results.push({
      ruleId: id,
      level: f.severity === 'warning' ? 'warning' : 'note',
      message: { text: f.message },
      locations: [{ physicalLocation: { artifactLocation: { uri: sarifUri(f.loc.path), uriBaseId: '%SRCROOT%' }, region: { startLine: f.loc.line, startColumn: f.loc.column, endLine: f.loc.endLine, endColumn: Math.max(f.loc.endColumn, f.loc.column + 1) } } }],
      partialFingerprints: { dsommFinding: `${f.probe}/${f.code}/${f.loc.path}/${f.loc.line}` },
    });
  }
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: { driver: { name: 'dsomm', informationUri: 'https://dsomm.owasp.org', version: options.toolVersion ?? '0.0.0', rules: [...rules.values()] } },
      results,
      // A configuration file the scan could not use is a problem of the run, not a finding in the code.
      ...(options.inputProblems?.length
        ? {
            invocations: [{
              executionSuccessful: true,
              toolConfigurationNotifications: options.inputProblems.map((p) => ({
                level: p.severity,
                message: { text: p.message },
                locations: [{ physicalLocation: { artifactLocation: artifactOf(p.path), ...(p.line ? { region: { startLine: p.line } } : {}) } }],
              })),
            }],
          }
        : {}),
    }],
  };
}
