// Layers the team's decisions on a scan: progress states and "not applicable" decisions.
import { ActivityResult, ScanResult, summarizeLevels } from '../scan/result';
import { ProgressData } from './data';
import { ProgressSettings } from './settings';

/**
 * The scan as the team sees it. For each activity, starting from what the files show
 * (`detected`, kept as it is, evidence never dropped):
 * - a "not applicable" decision with a reason → 'not-applicable' (wins over a progress state);
 * - the 100 % state → 'done'; a lower non-zero state → 'in-progress' (the team's word wins over
 *   detection either way, like a "Started" team whose pipeline already shows the tool);
 * - a 0 % state or nothing recorded → the detected status.
 * `progress` / `notApplicable` / `teamEvidence` are attached when present; achievedLevel and levels are recounted.
 * Applying twice gives the same result (earlier progress fields are replaced).
 */
export interface ApplyOptions {
  /**
   * 'achieved' (default): a "not applicable" decision counts as achieved. 'zero': scored 0 %, as
   * the DSOMM web app scores it (it has no such state and shows "Not implemented").
   */
  notApplicableScoring?: 'achieved' | 'zero';
}

export function applyProgress(
  result: ScanResult,
  data: ProgressData,
  settings: Partial<Pick<ProgressSettings, 'team' | 'states'>> = data.settings,
  options: ApplyOptions = {},
): ScanResult {
  const view = settings === data.settings ? data : new ProgressData({ ...data.settings, ...settings }, data.progress, data.evidenceFile);
  const team = view.settings.team;
  const scoredZero = options.notApplicableScoring === 'zero';
  const activities = result.activities.map((a): ActivityResult => {
    const { progress: _p, notApplicable: _n, teamEvidence: _e, ...base } = a;
    const out: ActivityResult = { ...base, status: a.detected };
    const state = view.stateOf(a.activity.uuid, team);
    if (state && state.score > 0) {
      out.progress = { state: state.state, date: state.date, score: state.score, team };
      out.status = state.top ? 'done' : 'in-progress';
    }
    const na = view.notApplicable(a.activity.uuid, team);
    if (na && na.reason) {
      out.notApplicable = { reason: na.reason, ...(na.by ? { by: na.by } : {}), ...(na.date ? { date: na.date } : {}), ...(scoredZero ? { scoredZero: true } : {}) };
      out.status = 'not-applicable';
    }
    // Without a team yet, every team's evidence: it is what the app shows on the activity.
    const evidence = view.evidence(a.activity.uuid, team || undefined);
    if (evidence.length) {
      out.teamEvidence = evidence.map((e) => ({
        ...(e.id ? { id: e.id } : {}),
        teams: e.teams,
        title: e.title,
        description: e.description,
        ...(e.date ? { date: e.date } : {}),
        ...(e.by ? { reviewer: e.by } : {}),
        attachments: e.attachments,
      }));
    }
    return out;
  });
  return { ...result, activities, ...summarizeLevels(activities) };
}
