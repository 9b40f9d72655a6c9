// What the maturity dashboard shows, computed without the VS Code API: a heatmap of
// dimensions / sub-dimensions × levels 1–5, progress up to the target level, and the next best
// activities to work on. The webview only renders this (as text, never as markup).
import { Activity, MAX_LEVEL, Model } from '../model/types';
import { isAchieved, ActivityResult, ActivityStatus, notApplicableSummary, ScanResult } from '../scan/result';
import { activityRef, ActivityRef } from './activityDetails';

export interface CellView {
  level: number;
  /** Activities of the sub-dimension at this level. */
  total: number;
  /** Of those: detected, done or not applicable. */
  achieved: number;
  /** achieved / total (0–1); undefined for an empty cell. */
  share?: number;
  /** Count per status (only statuses that occur). */
  statuses: Partial<Record<ActivityStatus, number>>;
  /** Activity uuids, by name. */
  activities: string[];
}

export interface ProgressView {
  /** Activities at levels ≤ the target. */
  total: number;
  achieved: number;
  /** achieved / total (0–1); 0 when there is nothing to do. */
  share: number;
}

export interface SubdimensionView {
  name: string;
  cells: CellView[];
}

export interface DimensionView {
  name: string;
  progress: ProgressView;
  /** One cell per level for the dimension as a whole. */
  cells: CellView[];
  subdimensions: SubdimensionView[];
}

/** A row of a heatmap cell's list or of the next best activities. */
export type DashboardActivity = ActivityRef;

export interface NextBestActivity extends DashboardActivity {
  usefulness?: number;
  /** Mean of the model's knowledge / time / resources ratings (1–5), undefined when unrated. */
  difficulty?: number;
  /** usefulness ÷ difficulty: higher means more value for the effort. */
  value: number;
}

export interface DashboardView {
  targetLevel: number;
  achievedLevel: number;
  /** False before the workspace has been assessed (no folder open, indexing failed). */
  assessed: boolean;
  model: { version?: string; activityCount: number };
  levels: number[];
  overall: ProgressView;
  dimensions: DimensionView[];
  nextBest: NextBestActivity[];
  /** Every activity the heatmap counts, by uuid (lists under a clicked cell). */
  activities: Record<string, DashboardActivity>;
  /** How the team's "not applicable" decisions are scored next to the DSOMM web app (when there are some). */
  notApplicableNote?: string;
}

export interface DashboardOptions {
  targetLevel: number;
  /** At most this many next best activities (default 8). */
  maxNextBest?: number;
}

const LEVELS = Array.from({ length: MAX_LEVEL }, (_, i) => i + 1);

function progressOf(list: { level: number; achieved: boolean }[], targetLevel: number): ProgressView {
  const scoped = list.filter((a) => a.level <= targetLevel);
  const achieved = scoped.filter((a) => a.achieved).length;
  return { total: scoped.length, achieved, share: scoped.length ? achieved / scoped.length : 0 };
}

function cellsOf(list: DashboardActivity[]): CellView[] {
  return LEVELS.map((level) => {
    const here = list.filter((a) => a.level === level).sort((a, b) => a.name.localeCompare(b.name));
    const achieved = here.filter((a) => a.achieved).length;
    const statuses: Partial<Record<ActivityStatus, number>> = {};
    for (const a of here) if (a.status) statuses[a.status] = (statuses[a.status] ?? 0) + 1;
    return { level, total: here.length, achieved, ...(here.length ? { share: achieved / here.length } : {}), statuses, activities: here.map((a) => a.uuid) };
  });
}

/** Mean of the difficulty ratings the model gives (1–5), undefined without any. */
export function meanDifficulty(a: Activity): number | undefined {
  const ratings = [a.difficulty.knowledge, a.difficulty.time, a.difficulty.resources].filter((n): n is number => typeof n === 'number' && Number.isFinite(n) && n > 0);
  return ratings.length ? ratings.reduce((s, n) => s + n, 0) / ratings.length : undefined;
}

/**
 * Activities not yet achieved, at or below the target level, whose dependencies are all achieved:
 * lowest level first, then the best usefulness for the difficulty, then by name. Unrated
 * usefulness counts as 1, unrated difficulty as 3 (the middle of the scale).
 */
export function nextBestActivities(result: ScanResult, targetLevel: number, max = 8): NextBestActivity[] {
  const byUuid = new Map(result.activities.map((r) => [r.activity.uuid, r]));
  const met = (uuid: string) => {
    const d = byUuid.get(uuid);
    // A dependency the model names but this result does not know cannot block anything.
    return !d || isAchieved(d);
  };
  return result.activities
    .filter((r) => r.activity.level <= targetLevel && !isAchieved(r) && r.activity.dependsOn.every(met))
    .map((r): NextBestActivity => {
      const difficulty = meanDifficulty(r.activity);
      const usefulness = typeof r.activity.usefulness === 'number' && r.activity.usefulness > 0 ? r.activity.usefulness : undefined;
      return { ...activityRef(r.activity, r), usefulness, difficulty, value: (usefulness ?? 1) / (difficulty ?? 3) };
    })
    .sort((a, b) => a.level - b.level || b.value - a.value || a.name.localeCompare(b.name))
    .slice(0, max);
}


export function buildDashboard(model: Model, result: ScanResult | undefined, options: DashboardOptions): DashboardView {
  const targetLevel = Math.min(MAX_LEVEL, Math.max(1, Math.round(options.targetLevel) || 1));
  const results = new Map(result?.activities.map((r) => [r.activity.uuid, r]));
  const activities: Record<string, DashboardActivity> = {};
  const dimensions: DimensionView[] = [];
  const all: DashboardActivity[] = [];
  for (const d of model.dimensions) {
    const inDimension: DashboardActivity[] = [];
    const subdimensions: SubdimensionView[] = [];
    for (const s of d.subdimensions) {
      const list = s.activities.filter((a) => a.level >= 1 && a.level <= MAX_LEVEL).map((a) => activityRef(a, results.get(a.uuid)));
      if (!list.length) continue;
      for (const a of list) activities[a.uuid] = a;
      inDimension.push(...list);
      subdimensions.push({ name: s.name, cells: cellsOf(list) });
    }
    if (!subdimensions.length) continue;
    all.push(...inDimension);
    dimensions.push({ name: d.name, progress: progressOf(inDimension, targetLevel), cells: cellsOf(inDimension), subdimensions });
  }
  return {
    targetLevel,
    achievedLevel: result?.achievedLevel ?? 0,
    assessed: !!result,
    model: { version: result?.model.version ?? model.meta.version, activityCount: model.activities.size },
    levels: LEVELS,
    overall: progressOf(all, targetLevel),
    dimensions,
    nextBest: result ? nextBestActivities(result, targetLevel, options.maxNextBest ?? 8) : [],
    activities,
    ...(result && notApplicableSummary(result, targetLevel) ? { notApplicableNote: notApplicableSummary(result, targetLevel) } : {}),
  };
}
