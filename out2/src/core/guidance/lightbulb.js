"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.MORE_ACTIONS_TITLE = exports.MAX_LIGHTBULB_ENTRIES = void 0;
exports.lightbulbMenu = lightbulbMenu;
// The lightbulb menu of a line: what the diagnostics under the cursor offer, ordered so that the
// fixes come first and the menu stays short. The lightbulb shows the fixes (best first, each fix
// once however many diagnostics offer it) and ONE "more actions" entry; behind it, in a pick list,
// the fixes that did not fit and the secondary actions: "open details" and "mark not applicable" of
// each diagnostic's activity (each activity of a summary), then the `dsomm-ignore` comments.
const fixes_1 = require("./fixes");
const diagnostics_1 = require("./diagnostics");
/** The most entries a line's lightbulb shows (the fixes plus the "more actions" entry). */
exports.MAX_LIGHTBULB_ENTRIES = 8;
exports.MORE_ACTIONS_TITLE = 'DSOMM: more actions…';
const SEVERITY_ORDER = { error: 0, warning: 1, information: 2, hint: 3 };
/** Weak controls before summaries, then by severity: the spot fixes of the line lead. */
function diagnosticRank(d) {
    return (d.data.kind === 'missing-summary' ? 10 : 0) + SEVERITY_ORDER[d.severity];
}
/**
 * The menu for the diagnostics under the cursor, each with its fixes (fixesFor, best first).
 * Every diagnostic's best fix comes before the others' alternatives; a fix offered by several
 * diagnostics is listed once; at most MAX_LIGHTBULB_ENTRIES entries in all.
 */
function lightbulbMenu(offers) {
    const ordered = offers.map((o, i) => ({ ...o, i })).sort((a, b) => diagnosticRank(a.diagnostic) - diagnosticRank(b.diagnostic) || a.i - b.i);
    const all = [];
    const add = (option, diagnostic) => {
        if (!all.some((f) => (0, fixes_1.sameFix)(f.option, option)))
            all.push({ option: { ...option }, diagnostic });
    };
    for (const o of ordered)
        if (o.fixes[0])
            add(o.fixes[0], o.diagnostic);
    for (const o of ordered)
        for (const f of o.fixes.slice(1))
            add(f, o.diagnostic);
    // One preferred entry, and it leads.
    const preferred = all.findIndex((f) => f.option.preferred);
    all.forEach((f, i) => (f.option.preferred = i === preferred));
    if (preferred > 0)
        all.unshift(...all.splice(preferred, 1));
    // Activity actions by diagnostic (details before "not applicable"), the ignore comments last:
    // the pick list's first entry never silences anything.
    const secondary = [];
    const ignores = [];
    const seen = new Set();
    const push = (list, key, item) => {
        if (seen.has(key))
            return;
        seen.add(key);
        list.push(item);
    };
    const activityItems = (uuid, name, group) => {
        push(secondary, `details:${uuid}`, { kind: 'details', label: `Open activity details: ${name}`, group, uuid, name });
        push(secondary, `na:${uuid}`, { kind: 'not-applicable', label: `Mark "${name}" not applicable…`, group, uuid, name });
    };
    const SILENCE = 'Silence on this line (dsomm-ignore comment)';
    for (const { diagnostic: d } of ordered) {
        if (d.data.kind === 'missing-summary') {
            const list = d.data.activities ?? [];
            for (const m of list)
                activityItems(m.uuid, m.name, `Missing at level ${m.level}`);
            push(ignores, `ignore:${d.loc.path}:${d.loc.line}:${diagnostics_1.SUMMARY_CODE}`, {
                kind: 'ignore',
                label: list.length === 1 ? `Ignore "${list[0].name}" here` : `Ignore these ${list.length} missing activities here`,
                group: SILENCE,
                diagnostic: d,
                ids: list.length === 1 ? [list[0].uuid] : [diagnostics_1.SUMMARY_CODE],
                ...(list.length === 1 ? { note: list[0].name } : {}),
            });
        }
        else {
            const code = d.code.value;
            if (d.data.activity)
                activityItems(d.data.activity, d.data.activityName ?? 'the activity', d.data.activityName ? `${code}: ${d.data.activityName}` : code);
            push(ignores, `ignore:${d.loc.path}:${d.loc.line}:${code}`, { kind: 'ignore', label: `Ignore "${code}" here`, group: SILENCE, diagnostic: d, ids: [code] });
        }
    }
    secondary.push(...ignores);
    // The fixes that do not fit lead the pick list.
    const room = exports.MAX_LIGHTBULB_ENTRIES - (secondary.length || all.length > exports.MAX_LIGHTBULB_ENTRIES ? 1 : 0);
    const shown = all.slice(0, room);
    const overflow = all.slice(room).map((f) => ({ kind: 'fix', label: f.option.title, group: 'More fixes', ...f }));
    return { fixes: shown, more: [...overflow, ...secondary] };
}
//# sourceMappingURL=lightbulb.js.map