// What the activity details panel shows, computed without the VS Code API. Every string here is
// plain text (the webview renders it with textContent); links are checked with safeHref.
import { fixesFor } from '../guidance/fixes';
import { FixCatalogue } from '../guidance/fixCatalogue';
import { activityUrl, PIPELINE_ORDER } from '../guidance/lookup';
import { GuidanceDiagnostic } from '../guidance/types';
import { Activity, Model } from '../model/types';
import { DEFAULT_STATES } from '../progress/settings';
import { teamLabel } from '../progress/team';
import { isAchieved, ActivityResult, ActivityStatus, notApplicableScoringNote, ScanResult } from '../scan/result';
import { CiKind } from '../scan/types';
import { detectedText, statusText } from './activityTree';
import { safeHref, TextBlock, textBlocks } from './html';

export interface LinkView {
  text: string;
  /** Only https links survive; others are shown as text. */
  url?: string;
}

/** An activity as a row shows it (dependencies here, heatmap lists and next best on the dashboard). */
export interface ActivityRef {
  uuid: string;
  name: string;
  dimension: string;
  subdimension: string;
  level: number;
  /** Undefined before the workspace is assessed. */
  status?: ActivityStatus;
  statusText?: string;
  achieved: boolean;
}

/** The row of activity `a`, with its result when the workspace has been assessed. */
export function activityRef(a: Activity, r: ActivityResult | undefined): ActivityRef {
  return {
    uuid: a.uuid,
    name: a.name,
    dimension: a.dimension,
    subdimension: a.subdimension,
    level: a.level,
    ...(r ? { status: r.status, statusText: statusText(r) } : {}),
    achieved: !!r && isAchieved(r),
  };
}

export interface ActivityDetailsView extends Omit<ActivityRef, 'achieved'> {
  /** What the files alone show, when the team's decision differs from it. */
  detectedText?: string;
  note?: string;
  /** What was found and why it did not count, or why the team has to decide. */
  reasons: string[];
  description: TextBlock[];
  risk: TextBlock[];
  measure: TextBlock[];
  assessment: TextBlock[];
  implementationGuide: TextBlock[];
  /** 1–5 (as the model rates them), undefined when the model has no rating. */
  difficulty: { knowledge?: number; time?: number; resources?: number };
  usefulness?: number;
  tools: (LinkView & { description?: string })[];
  references: { label: string; items: LinkView[] }[];
  dependencies: ActivityRef[];
  /** Activities that depend on this one. */
  dependents: ActivityRef[];
  evidence: { path: string; line: number; column: number; text: string; tool?: string }[];
  /** `teamLabel` is the team as running text ("Team Blue"), never "Team Team Blue". */
  progress?: { state: string; date: string; team: string; teamLabel: string };
  /** `scoring`: how it is scored here, next to the DSOMM web app's 0 %. */
  notApplicable?: { reason: string; by?: string; date?: string; scoring: string };
  /** Entries of the DSOMM evidence file for the team (any title but "Not applicable"), as the web app shows them. */
  teamEvidence: { title: string; description: TextBlock[]; teams: string[]; reviewer?: string; date?: string; links: LinkView[] }[];
  /** Progress state names the "set state" action offers, lowest first. */
  states: string[];
  fixAvailable: boolean;
  webUrl: string;
}

export interface DetailsOptions {
  /** Progress state names (default: the DSOMM web app's). */
  states?: readonly string[];
  fixAvailable?: boolean;
}

/** Labels of the reference frameworks the model uses, in display order. */
const REFERENCE_LABELS: [string, string][] = [
  ['samm2', 'OWASP SAMM 2'],
  ['iso27001-2017', 'ISO 27001:2017'],
  ['iso27001-2022', 'ISO 27001:2022'],
  ['openCRE', 'OpenCRE'],
];

function referenceLabel(key: string): string {
  return REFERENCE_LABELS.find(([k]) => k === key)?.[1] ?? key;
}

function openCreText(url: string): string {
  // The model links openCRE by a long URL; its last path segment is the readable part.
  try {
    const last = new URL(url).pathname.split('/').filter(Boolean).pop();
    return last ? decodeURIComponent(last) : url;
  } catch {
    return url;
  }
}

function references(a: Activity): { label: string; items: LinkView[] }[] {
  const order = (k: string) => {
    const i = REFERENCE_LABELS.findIndex(([key]) => key === k);
    return i < 0 ? REFERENCE_LABELS.length : i;
  };
  return Object.entries(a.references)
    .filter(([, values]) => values.length)
    .sort(([x], [y]) => order(x) - order(y) || x.localeCompare(y))
    .map(([key, values]) => ({
      label: referenceLabel(key),
      items: values.map((v) => {
        const url = safeHref(v);
        return url ? { text: key === 'openCRE' ? openCreText(v) : v, url } : { text: v };
      }),
    }));
}

function ref(model: Model, results: Map<string, ActivityResult>, uuid: string): ActivityRef | undefined {
  const a = model.activities.get(uuid) ?? results.get(uuid)?.activity;
  if (!a) return undefined;
  return activityRef(a, results.get(uuid));
}

function rating(n: number | undefined): number | undefined {
  return typeof n === 'number' && Number.isFinite(n) ? n : undefined;
}

/** The details of one activity; undefined when the model has no such uuid. */
export function activityDetails(model: Model, result: ScanResult | undefined, uuid: string, options: DetailsOptions = {}): ActivityDetailsView | undefined {
  const results = new Map(result?.activities.map((r) => [r.activity.uuid, r]));
  const a = model.activities.get(uuid) ?? results.get(uuid)?.activity;
  if (!a) return undefined;
  const r = results.get(uuid);
  const dependents = [...model.activities.values()].filter((x) => x.dependsOn.includes(uuid)).map((x) => ref(model, results, x.uuid)!);
  return {
    uuid: a.uuid,
    name: a.name,
    dimension: a.dimension,
    subdimension: a.subdimension,
    level: a.level,
    status: r?.status,
    statusText: r && statusText(r),
    detectedText: r && r.detected !== r.status ? detectedText(r) : undefined,
    note: r?.note,
    reasons: [...(r?.reasons ?? [])],
    description: textBlocks(a.description),
    risk: textBlocks(a.risk),
    measure: textBlocks(a.measure),
    assessment: textBlocks(a.assessment),
    implementationGuide: textBlocks(a.implementationGuide),
    difficulty: { knowledge: rating(a.difficulty.knowledge), time: rating(a.difficulty.time), resources: rating(a.difficulty.resources) },
    usefulness: rating(a.usefulness),
    tools: a.tools.map((t) => ({ text: t.name, url: safeHref(t.url), ...(t.description ? { description: t.description } : {}) })),
    references: references(a),
    dependencies: a.dependsOn.map((d) => ref(model, results, d)).filter((x): x is ActivityRef => !!x),
    dependents: dependents.sort((x, y) => x.level - y.level || x.name.localeCompare(y.name)),
    evidence: (r?.evidence ?? []).map((e) => ({ path: e.loc.path, line: e.loc.line, column: e.loc.column, text: e.text, ...(e.tool ? { tool: e.tool } : {}) })),
    ...(r?.progress ? { progress: { state: r.progress.state, date: r.progress.date, team: r.progress.team, teamLabel: teamLabel(r.progress.team) } } : {}),
    ...(r?.notApplicable
      ? {
          notApplicable: {
            reason: r.notApplicable.reason,
            ...(r.notApplicable.by ? { by: r.notApplicable.by } : {}),
            ...(r.notApplicable.date ? { date: r.notApplicable.date } : {}),
            scoring: notApplicableScoringNote(r.notApplicable),
          },
        }
      : {}),
    teamEvidence: (r?.teamEvidence ?? []).map((e) => ({
      title: e.title,
      description: textBlocks(e.description),
      teams: [...e.teams],
      ...(e.reviewer ? { reviewer: e.reviewer } : {}),
      ...(e.date ? { date: e.date } : {}),
      links: e.attachments.map((x) => {
        const url = safeHref(x.url);
        return url ? { text: x.url, url } : { text: x.url };
      }),
    })),
    states: [...(options.states ?? DEFAULT_STATES.map((s) => s.name))],
    fixAvailable: !!options.fixAvailable,
    webUrl: activityUrl(a.uuid),
  };
}

/**
 * Whether model/fixes.yaml has a template that would add this activity to the workspace (the
 * activity is missing or partly there and a template fits one of its pipelines or creates a file).
 */
export function hasFixTemplate(fixes: FixCatalogue, result: ScanResult, uuid: string): boolean {
  const r = result.activities.find((x) => x.activity.uuid === uuid);
  if (!r || !r.probes.length || (r.detected !== 'missing' && r.detected !== 'partial')) return false;
  const pipelines = result.files
    .filter((f) => (PIPELINE_ORDER as readonly string[]).includes(f.kind) && !f.problems.some((p) => p.severity === 'error'))
    .sort((x, y) => PIPELINE_ORDER.indexOf(x.kind as CiKind) - PIPELINE_ORDER.indexOf(y.kind as CiKind));
  const candidates = pipelines.length ? pipelines : [undefined];
  return candidates.some((p) => {
    const diagnostic: GuidanceDiagnostic = {
      path: p?.path ?? '',
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      loc: { path: p?.path ?? '', line: 1, column: 1, endLine: 1, endColumn: 1 },
      message: '',
      severity: 'information',
      code: { value: r.probes[0] },
      source: 'DSOMM',
      data: { kind: 'missing-activity', activity: uuid, probes: r.probes, ...(p ? { pipeline: { path: p.path, kind: p.kind as CiKind } } : {}) },
    };
    return fixesFor(fixes, result, p ? { path: p.path, kind: p.kind } : undefined, diagnostic).length > 0;
  });
}
