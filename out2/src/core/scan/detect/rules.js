"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.loadRules = loadRules;
exports.conditionProbes = conditionProbes;
exports.unknownRuleProbes = unknownRuleProbes;
exports.mergeRules = mergeRules;
exports.evaluateRules = evaluateRules;
// The activity rules (model/rules.yaml): their types, loading with validation at exact line
// numbers, merging a user file over the bundled one, and evaluation: from probe outcomes to an
// activity's status, evidence and note.
const probeTypes_1 = require("./probeTypes");
const yaml_1 = require("../../yaml");
const catalogue_1 = require("./catalogue");
const dataFileReader_1 = require("./dataFileReader");
// ───────────────────────────────────────────── rules loading
const RULE_KEYS = ['activity', 'when', 'partialWhen', 'note', 'remove'];
/**
 * Parses and validates a rules file. With `knownProbes`, a rule naming any other probe is an
 * error (pass the catalogue's probe ids plus CODE_PROBE_IDS).
 */
function loadRules(text, source, knownProbes) {
    const { r, root } = (0, dataFileReader_1.openDataFile)(text, source);
    const top = r.map(root, 'the rules file', ['schemaVersion', 'rules']);
    (0, dataFileReader_1.checkSchemaVersion)(r, top, root);
    const rulesNode = top.get('rules');
    if (!rulesNode)
        return r.fail(root, 'missing "rules" list');
    const known = knownProbes ? new Set(knownProbes) : undefined;
    const rules = [];
    const seen = new Set();
    for (const rn of r.seq(rulesNode.value, 'rules')) {
        const m = r.map(rn, 'a rule', RULE_KEYS);
        if (!m.has('activity'))
            r.fail(rn, 'rule has no activity');
        const activity = r.str(m.get('activity').value, 'activity');
        if (seen.has(activity))
            r.fail(rn, `activity ${activity} has more than one rule`);
        seen.add(activity);
        const rule = { activity, source: r.source, line: r.line(rn) };
        if (m.has('remove'))
            rule.remove = r.bool(m.get('remove').value, 'remove');
        if (m.has('note'))
            rule.note = r.str(m.get('note').value, 'note');
        if (m.has('when'))
            rule.when = readCondition(r, m.get('when').value, known, 0);
        if (m.has('partialWhen'))
            rule.partialWhen = readCondition(r, m.get('partialWhen').value, known, 0);
        if (!rule.remove && !rule.when && !rule.partialWhen)
            r.fail(rn, `rule for ${activity} needs "when" or "partialWhen"`);
        rules.push(rule);
    }
    return { schemaVersion: 1, rules };
}
function readCondition(r, node, known, depth) {
    if (depth > 16)
        r.fail(node, 'conditions are nested too deeply');
    const m = r.map(node, 'a condition', ['probe', 'all', 'any', 'tools', 'in']);
    const join = m.get('in');
    if (join && !m.has('all'))
        r.fail(node, '"in" joins the members of an "all" condition; it needs "all"');
    if (m.size - (join ? 1 : 0) !== 1)
        r.fail(node, 'a condition needs exactly one of probe, all, any, tools');
    const line = r.line(node);
    const checkProbe = (id, at) => {
        if (known && !known.has(id))
            r.fail(at, `unknown probe "${id}"`);
    };
    if (m.has('probe')) {
        const v = m.get('probe').value;
        const id = r.str(v, 'probe');
        checkProbe(id, v);
        return { probe: id, line };
    }
    if (m.has('all') || m.has('any')) {
        const key = m.has('all') ? 'all' : 'any';
        const items = r.seq(m.get(key).value, key).map((c) => readCondition(r, c, known, depth + 1));
        if (!items.length)
            r.fail(node, `"${key}" needs at least one condition`);
        if (key === 'any')
            return { any: items, line };
        if (!join)
            return { all: items, line };
        const unit = r.str(join.value, 'in');
        if (unit !== 'pipeline' && unit !== 'job')
            r.fail(join.value, '"in" must be pipeline or job');
        return { all: items, in: unit, line };
    }
    const t = r.map(m.get('tools').value, 'tools', ['probes', 'atLeast']);
    if (!t.has('probes'))
        r.fail(node, 'tools needs "probes"');
    const probes = r.strList(t.get('probes').value, 'tools.probes');
    for (const p of probes)
        checkProbe(p, t.get('probes').value);
    let atLeast = 1;
    if (t.has('atLeast')) {
        const v = (0, yaml_1.deref)(r.doc, t.get('atLeast').value);
        if (!(0, yaml_1.isScalar)(v) || typeof v.value !== 'number' || !Number.isInteger(v.value) || v.value < 1)
            r.fail(t.get('atLeast').value, 'atLeast must be a whole number ≥ 1');
        atLeast = v.value;
    }
    return { tools: { probes, atLeast }, line };
}
/** Probe ids a condition uses, in order of appearance. */
function conditionProbes(c, out = []) {
    if (!c)
        return out;
    const add = (id) => {
        if (!out.includes(id))
            out.push(id);
    };
    if ('probe' in c)
        add(c.probe);
    else if ('all' in c)
        c.all.forEach((x) => conditionProbes(x, out));
    else if ('any' in c)
        c.any.forEach((x) => conditionProbes(x, out));
    else
        c.tools.probes.forEach(add);
    return out;
}
/** Rules that use a probe that is neither in the catalogue nor a code probe. */
function unknownRuleProbes(rules, cat) {
    const known = new Set([...catalogue_1.CODE_PROBE_IDS, ...cat.probes.map((p) => p.id)]);
    const out = [];
    for (const rule of rules.rules) {
        for (const p of [...conditionProbes(rule.when), ...conditionProbes(rule.partialWhen)]) {
            if (!known.has(p))
                out.push({ activity: rule.activity, probe: p, source: rule.source, line: rule.line });
        }
    }
    return out;
}
// ───────────────────────────────────────────── merging
/** User rules over the bundled ones: same activity replaces, `remove: true` drops, new ones are added. */
function mergeRules(base, extra) {
    const rules = [...base.rules];
    for (const e of extra.rules) {
        const at = rules.findIndex((x) => x.activity === e.activity);
        if (e.remove) {
            if (at >= 0)
                rules.splice(at, 1);
        }
        else if (at >= 0)
            rules[at] = e;
        else
            rules.push(e);
    }
    return { schemaVersion: 1, rules };
}
const RANK = { missing: 0, unknown: 1, partial: 2, detected: 3 };
function fromResult(o) {
    switch (o?.result ?? 'fail') {
        case 'pass':
            return 'detected';
        case 'partial':
            return 'partial';
        case 'unknown':
            return 'unknown';
        case 'not-applicable':
            return 'not-applicable';
        default:
            return 'missing';
    }
}
function weakest(members) {
    const target = Math.min(...members.map((m) => RANK[m.status]));
    return Object.keys(RANK).find((k) => RANK[k] === target);
}
function evalCondition(c, ctx) {
    if ('probe' in c) {
        const o = ctx.probes.get(c.probe);
        const status = fromResult(o);
        return { status, evidence: status === 'detected' || status === 'partial' ? [...(o?.evidence ?? [])] : [] };
    }
    if ('all' in c && c.in)
        return evalJoin(c.all.map((x) => evalCondition(x, ctx)), c.in, ctx.calls);
    if ('all' in c || 'any' in c) {
        const members = ('all' in c ? c.all : c.any).map((x) => evalCondition(x, ctx));
        const live = members.filter((m) => m.status !== 'not-applicable');
        if (!live.length)
            return { status: 'not-applicable', evidence: [] };
        const ranks = live.map((m) => RANK[m.status]);
        const target = 'all' in c ? Math.min(...ranks) : Math.max(...ranks);
        const status = Object.keys(RANK).find((k) => RANK[k] === target);
        if (status === 'missing')
            return { status, evidence: [], why: live.flatMap((m) => m.why ?? []) };
        if (status === 'unknown')
            return { status, evidence: [] };
        const contributing = 'all' in c ? live : live.filter((m) => m.status === status);
        return { status, evidence: contributing.flatMap((m) => m.evidence) };
    }
    const outcomes = c.tools.probes.map((id) => ctx.probes.get(id));
    if (outcomes.every((o) => o?.result === 'not-applicable'))
        return { status: 'not-applicable', evidence: [] };
    const tools = new Set();
    const evidence = [];
    c.tools.probes.forEach((id, i) => {
        const o = outcomes[i];
        if (!o || (o.result !== 'pass' && o.result !== 'partial'))
            return;
        const withTool = o.evidence.filter((e) => e.tool);
        if (withTool.length)
            withTool.forEach((e) => tools.add(e.tool.toLowerCase()));
        else
            tools.add(`probe:${id}`);
        evidence.push(...o.evidence);
    });
    const remote = outcomes.some((o) => o?.result === 'unknown');
    const status = tools.size >= c.tools.atLeast ? 'detected' : tools.size >= 1 ? 'partial' : remote ? 'unknown' : 'missing';
    return { status, evidence: status === 'missing' || status === 'unknown' ? [] : evidence };
}
/** The units a piece of evidence runs in: its own, and the pipelines whose jobs call its file. */
function unitsOf(e, calls) {
    if (!e.unit)
        return [];
    const out = [e.unit];
    const seen = new Set([e.unit.pipeline]);
    for (let i = 0; i < out.length; i++) {
        for (const caller of calls.get(out[i].pipeline) ?? []) {
            if (seen.has(caller.pipeline))
                continue;
            seen.add(caller.pipeline);
            out.push(caller);
        }
    }
    return out;
}
/**
 * `all` whose members must hold in the same pipeline (or job): a scheduled housekeeping workflow
 * and an image build on push are two facts, not a nightly image build. A member with nothing to
 * apply to makes the join not applicable (there is nothing to join with); evidence without a
 * unit (a configuration file, a bot's settings) cannot take part.
 */
function evalJoin(members, unit, calls) {
    if (members.some((m) => m.status === 'not-applicable'))
        return { status: 'not-applicable', evidence: [] };
    if (members.some((m) => m.status === 'missing'))
        return { status: 'missing', evidence: [], why: members.flatMap((m) => m.why ?? []) };
    // Where a remote block runs cannot be placed: the join is as unknown as its member.
    if (members.some((m) => m.status === 'unknown'))
        return { status: 'unknown', evidence: [] };
    const placed = members.map((m) => m.evidence.map((e) => ({ e, units: unitsOf(e, calls) })));
    // Candidate places: every pipeline (and job) any member runs in.
    const candidates = new Map();
    for (const list of placed) {
        for (const { units } of list) {
            for (const u of units) {
                const c = unit === 'pipeline' ? { pipeline: u.pipeline } : u;
                candidates.set(`${c.pipeline}\n${c.job ?? ''}`, c);
            }
        }
    }
    const fits = (u, c) => u.pipeline === c.pipeline && (unit === 'pipeline' || u.job === undefined || u.job === c.job);
    const together = [...candidates.values()].filter((c) => placed.every((list) => list.some(({ units }) => units.some((u) => fits(u, c)))));
    if (together.length) {
        const evidence = placed.flatMap((list) => list.filter(({ units }) => units.some((u) => together.some((c) => fits(u, c)))).map(({ e }) => e));
        return { status: weakest(members), evidence };
    }
    // Name the place that comes closest (most members there) and where the others were found instead.
    const quote = (e) => `"${e.text.length > 80 ? e.text.slice(0, 79) + '…' : e.text}"`;
    let best;
    for (const c of candidates.values()) {
        const inside = [];
        const outside = [];
        for (const list of placed) {
            const here = list.find(({ units }) => units.some((u) => fits(u, c)));
            if (here)
                inside.push(here.e);
            else if (list[0])
                outside.push(list[0].e);
        }
        if (!best || inside.length > best.inside.length)
            best = { c, inside, outside };
    }
    const where = unit === 'pipeline' ? 'pipeline' : 'job';
    const why = best && best.inside.length
        ? `${best.c.pipeline}${best.c.job ? ` (job ${best.c.job})` : ''} has ${best.inside.map((e) => `${quote(e)} (line ${e.loc.line})`).join(' and ')}, but ${best.outside.map((e) => `${quote(e)} is in ${e.loc.path}:${e.loc.line}`).join(' and ')}: they count only when one ${where} does all of it.`
        : `The facts this needs were found, but none of them in a pipeline: they count only when one ${where} does all of it.`;
    return { status: 'missing', evidence: [], why: [why] };
}
/**
 * Activity statuses from probe outcomes. Probes missing from the map count as failed;
 * activities without a rule are `unknown` (a human decides).
 */
function evaluateRules(rules, probes, activityUuids, calls = new Map()) {
    const ctx = { probes, calls };
    const byActivity = new Map();
    for (const r of rules.rules)
        if (!r.remove)
            byActivity.set(r.activity, r);
    const out = new Map();
    for (const uuid of activityUuids) {
        const rule = byActivity.get(uuid);
        if (!rule) {
            out.set(uuid, { status: 'unknown', probes: [], evidence: [] });
            continue;
        }
        const used = conditionProbes(rule.partialWhen, conditionProbes(rule.when));
        const note = rule.note !== undefined ? { note: rule.note } : {};
        const w = rule.when ? evalCondition(rule.when, ctx) : undefined;
        let res;
        if (w && (w.status === 'detected' || w.status === 'partial'))
            res = { status: w.status, evidence: w.evidence };
        else if (w?.status === 'not-applicable')
            res = { status: 'unknown', evidence: [], reasons: [undecidedReason(used, probes)] };
        else {
            const p = rule.partialWhen ? evalCondition(rule.partialWhen, ctx) : undefined;
            if (p && (p.status === 'detected' || p.status === 'partial'))
                res = { status: 'partial', evidence: p.evidence, ...(w?.why?.length ? { reasons: w.why } : {}) };
            else if (w?.status === 'unknown' || (!w && p?.status === 'unknown'))
                res = { status: 'unknown', evidence: [], remote: true };
            else
                res = { status: w ? 'missing' : 'unknown', evidence: [], ...(w?.why?.length ? { reasons: w.why } : {}) };
        }
        out.set(uuid, { status: res.status, probes: used, evidence: (0, probeTypes_1.dedupeEvidence)(res.evidence), ...note, ...(res.reasons ? { reasons: res.reasons } : {}), ...(res.remote ? { remote: true } : {}) });
    }
    return out;
}
/**
 * Why an activity whose probes find nothing to look at is left to the team: the absence of files
 * is no proof that it does not apply (an application deployed to a PaaS still deploys).
 */
function undecidedReason(used, probes) {
    const absent = [...new Set(used.flatMap((id) => (probes.get(id)?.result === 'not-applicable' ? probes.get(id).notes : [])))];
    const what = absent.length ? ` (${absent.join('; ')})` : '';
    return `Needs your decision: the files show nothing this applies to${what}. It may still apply where the files cannot show it; mark it done, or not applicable with a reason.`;
}
//# sourceMappingURL=rules.js.map