// The lightbulb menu of a line: what the diagnostics under the cursor offer, ordered so that the
// fixes come first and the menu stays short. The lightbulb shows the fixes (best first, each fix
// once however many diagnostics offer it) and ONE "more actions" entry; behind it, in a pick list,
// the fixes that did not fit and the secondary actions: "open details" and "mark not applicable" of
// each diagnostic's activity (each activity of a summary), then the `dsomm-ignore` comments.
import { sameFix } from './fixes';
import { SUMMARY_CODE } from './diagnostics';
import { FixOption, GuidanceDiagnostic } from './types';

/** The most entries a line's lightbulb shows (the fixes plus the "more actions" entry). */
export const MAX_LIGHTBULB_ENTRIES = 8;

export const MORE_ACTIONS_TITLE = 'DSOMM: more actions…';

export interface MenuFix {
  option: FixOption;
  /** The diagnostic that offered it first (its place is where a spot fix edits). */
  diagnostic: GuidanceDiagnostic;
}

export type MenuItem =
  | ({ kind: 'fix'; label: string; group: string } & MenuFix)
  | { kind: 'ignore'; label: string; group: string; diagnostic: GuidanceDiagnostic; ids: string[]; /** Goes before the reason, for ids that do not read well (uuids). */ note?: string }
  | { kind: 'not-applicable' | 'details'; label: string; group: string; uuid: string; name: string };

export interface LightbulbMenu {
  /** The lightbulb's fix entries, in order; the first is the preferred one when any fix is. */
  fixes: MenuFix[];
  /** Behind the one "more actions" entry (empty: no such entry). */
  more: MenuItem[];
}

const SEVERITY_ORDER = { error: 0, warning: 1, information: 2, hint: 3 } as const;

/** Weak controls before summaries, then by severity: the spot fixes of the line lead. */
function diagnosticRank(d: GuidanceDiagnostic): number {
  return (d.data.kind === 'missing-summary' ? 10 : 0) + SEVERITY_ORDER[d.severity];
}

/**
 * The menu for the diagnostics under the cursor, each with its fixes (fixesFor, best first).
 * Every diagnostic's best fix comes before the others' alternatives; a fix offered by several
 * diagnostics is listed once; at most MAX_LIGHTBULB_ENTRIES entries in all.
 */
export function lightbulbMenu(offers: { diagnostic: GuidanceDiagnostic; fixes: FixOption[] }[]): LightbulbMenu {
  const ordered = offers.map((o, i) => ({ ...o, i })).sort((a, b) => diagnosticRank(a.diagnostic) - diagnosticRank(b.diagnostic) || a.i - b.i);
  const all: MenuFix[] = [];
  const add = (option: FixOption, diagnostic: GuidanceDiagnostic) => {
    if (!all.some((f) => sameFix(f.option, option))) all.push({ option: { ...option }, diagnostic });
  };
  for (const o of ordered) if (o.fixes[0]) add(o.fixes[0], o.diagnostic);
  for (const o of ordered) for (const f of o.fixes.slice(1)) add(f, o.diagnostic);
  // One preferred entry, and it leads.
  const preferred = all.findIndex((f) => f.option.preferred);
  all.forEach((f, i) => (f.option.preferred = i === preferred));
  if (preferred > 0) all.unshift(...all.splice(preferred, 1));

  // Activity actions by diagnostic (details before "not applicable"), the ignore comments last:
  // the pick list's first entry never silences anything.
  const secondary: MenuItem[] = [];
  const ignores: MenuItem[] = [];
  const seen = new Set<string>();
  const push = (list: MenuItem[], key: string, item: MenuItem) => {
    if (seen.has(key)) return;
    seen.add(key);
    list.push(item);
  };
  const activityItems = (uuid: string, name: string, group: string) => {
    push(secondary, `details:${uuid}`, { kind: 'details', label: `Open activity details: ${name}`, group, uuid, name });
    push(secondary, `na:${uuid}`, { kind: 'not-applicable', label: `Mark "${name}" not applicable…`, group, uuid, name });
  };
  const SILENCE = 'Silence on this line (dsomm-ignore comment)';
  for (const { diagnostic: d } of ordered) {
    if (d.data.kind === 'missing-summary') {
      const list = d.data.activities ?? [];
      for (const m of list) activityItems(m.uuid, m.name, `Missing at level ${m.level}`);
      push(ignores, `ignore:${d.loc.path}:${d.loc.line}:${SUMMARY_CODE}`, {
        kind: 'ignore',
        label: list.length === 1 ? `Ignore "${list[0].name}" here` : `Ignore these ${list.length} missing activities here`,
        group: SILENCE,
        diagnostic: d,
        ids: list.length === 1 ? [list[0].uuid] : [SUMMARY_CODE],
        ...(list.length === 1 ? { note: list[0].name } : {}),
      });
    } else {
      const code = d.code.value;
      if (d.data.activity) activityItems(d.data.activity, d.data.activityName ?? 'the activity', d.data.activityName ? `${code}: ${d.data.activityName}` : code);
      push(ignores, `ignore:${d.loc.path}:${d.loc.line}:${code}`, { kind: 'ignore', label: `Ignore "${code}" here`, group: SILENCE, diagnostic: d, ids: [code] });
    }
  }
  secondary.push(...ignores);

  // The fixes that do not fit lead the pick list.
  const room = MAX_LIGHTBULB_ENTRIES - (secondary.length || all.length > MAX_LIGHTBULB_ENTRIES ? 1 : 0);
  const shown = all.slice(0, room);
  const overflow: MenuItem[] = all.slice(room).map((f) => ({ kind: 'fix', label: f.option.title, group: 'More fixes', ...f }));
  return { fixes: shown, more: [...overflow, ...secondary] };
}
