"use strict";
// The arguments of the commands that act on activities (mark done, not applicable, set state,
// reset, open in web). One resolver for every caller:
// - a uuid string (hover and diagnostic command links);
// - `{ uuid, state?, reason?, title?, description?, link? }` (webviews, links with a preset state,
//   reason or evidence entry);
// - a tree node, and as second argument the tree's multi-selection (VS Code passes (clicked, selected[]));
// - nothing: the command asks with a quick pick.
Object.defineProperty(exports, "__esModule", { value: true });
exports.resolveActivityArgs = resolveActivityArgs;
exports.dsommWebUrl = dsommWebUrl;
const UUID_LIKE = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;
function resolveActivityArgs(first, second) {
    if (first === undefined || first === null) {
        // A keybinding may pass only the selection.
        const fromSelection = Array.isArray(second) ? nodesToTargets(second) : [];
        return fromSelection.length ? { kind: 'targets', targets: fromSelection } : { kind: 'pick' };
    }
    if (typeof first === 'string') {
        const uuid = first.trim();
        return UUID_LIKE.test(uuid) ? { kind: 'targets', targets: [{ uuid }] } : { kind: 'invalid', message: `not an activity id: "${first.slice(0, 80)}"` };
    }
    if (Array.isArray(first)) {
        const targets = first.flatMap((x) => {
            const r = resolveActivityArgs(x);
            return r.kind === 'targets' ? r.targets : [];
        });
        return targets.length ? { kind: 'targets', targets: dedupe(targets) } : { kind: 'invalid', message: 'no activity in the arguments' };
    }
    if (typeof first !== 'object')
        return { kind: 'invalid', message: `unexpected argument of type ${typeof first}` };
    const node = first;
    if (node.type === 'activity' && isActivityNode(node)) {
        const clicked = nodeTarget(node);
        // VS Code passes the whole selection when the clicked row is part of it; otherwise only the row counts.
        if (Array.isArray(second) && second.some((s) => s === first || (isActivityNode(s) && s.id === node.id))) {
            const selected = nodesToTargets(second);
            if (selected.length)
                return { kind: 'targets', targets: selected };
        }
        return { kind: 'targets', targets: [clicked] };
    }
    if (typeof node.type === 'string')
        return { kind: 'invalid', message: 'this command works on activities, not on groups or evidence' };
    if (typeof node.uuid === 'string') {
        const uuid = node.uuid.trim();
        if (!UUID_LIKE.test(uuid))
            return { kind: 'invalid', message: `not an activity id: "${node.uuid.slice(0, 80)}"` };
        const target = { uuid };
        if (typeof node.folder === 'string')
            target.folder = node.folder;
        if (typeof node.state === 'string' && node.state.trim())
            target.state = node.state.trim();
        if (typeof node.reason === 'string' && node.reason.trim())
            target.reason = node.reason.trim();
        if (typeof node.title === 'string' && node.title.trim()) {
            target.evidence = {
                title: node.title.trim(),
                ...(typeof node.description === 'string' ? { description: node.description } : {}),
                ...(typeof node.link === 'string' && node.link.trim() ? { link: node.link.trim() } : {}),
            };
        }
        return { kind: 'targets', targets: [target] };
    }
    return { kind: 'invalid', message: 'the argument names no activity (expected a uuid, { uuid }, or a tree item)' };
}
function isActivityNode(x) {
    const n = x;
    return !!n && typeof n === 'object' && n.type === 'activity' && typeof n.activity?.uuid === 'string';
}
function nodeTarget(n) {
    return n.folder === undefined ? { uuid: n.activity.uuid } : { uuid: n.activity.uuid, folder: n.folder };
}
/** Activity nodes of a selection (groups and evidence rows are skipped). */
function nodesToTargets(nodes) {
    return dedupe(nodes.filter(isActivityNode).map(nodeTarget));
}
function dedupe(targets) {
    const seen = new Set();
    return targets.filter((t) => {
        const key = `${t.folder ?? ''}|${t.uuid}`;
        if (seen.has(key))
            return false;
        seen.add(key);
        return true;
    });
}
/** The DSOMM web app's page for an activity. */
function dsommWebUrl(uuid) {
    return `https://dsomm.owasp.org/activity-description?uuid=${encodeURIComponent(uuid)}`;
}
//# sourceMappingURL=activityArgs.js.map