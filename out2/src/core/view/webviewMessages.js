"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.EXPORT_FORMATS = void 0;
exports.isSafeRelativePath = isSafeRelativePath;
exports.checkMessage = checkMessage;
const html_1 = require("./html");
exports.EXPORT_FORMATS = ['markdown', 'html', 'json', 'sarif'];
const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAX_REASON = 2000;
const MAX_STATE = 100;
const MAX_PATH = 1024;
const FIELDS = {
    ready: [],
    openActivity: ['uuid'],
    openEvidence: ['path', 'line', 'column'],
    openExternal: ['url'],
    openInWeb: ['uuid'],
    setState: ['uuid', 'state'],
    markNotApplicable: ['uuid', 'reason'],
    resetActivity: ['uuid'],
    addEvidence: ['uuid'],
    insertFix: ['uuid'],
    setTargetLevel: ['level'],
    export: ['format'],
};
function isRecord(v) {
    return typeof v === 'object' && v !== null && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype;
}
/** A workspace-relative '/'-separated path that cannot leave the folder. */
function isSafeRelativePath(p) {
    if (typeof p !== 'string' || !p || p.length > MAX_PATH)
        return false;
    if (/[\0-\x1f\\]/.test(p) || p.startsWith('/') || /^[a-zA-Z]:/.test(p) || /^[a-z][a-z0-9+.-]*:/i.test(p))
        return false;
    return p.split('/').every((seg) => seg !== '' && seg !== '.' && seg !== '..');
}
function positiveInt(v, max) {
    return typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= max;
}
/** Checks one message from a webview: shape, types, sizes, and that uuids/states exist. */
function checkMessage(raw, context = {}) {
    const fail = (error) => ({ ok: false, error });
    if (!isRecord(raw))
        return fail('not an object');
    const type = raw.type;
    if (typeof type !== 'string' || !Object.prototype.hasOwnProperty.call(FIELDS, type))
        return fail(`unknown message type ${JSON.stringify(String(type)).slice(0, 60)}`);
    const t = type;
    const extra = Object.keys(raw).filter((k) => k !== 'type' && !FIELDS[t].includes(k));
    if (extra.length)
        return fail(`${t}: unexpected field ${extra[0].slice(0, 40)}`);
    const uuid = () => {
        const u = raw.uuid;
        if (typeof u !== 'string' || !UUID_RE.test(u))
            return fail(`${t}: uuid is not an activity uuid`);
        if (context.activities && !context.activities.has(u))
            return fail(`${t}: no activity ${u} in the model`);
        return undefined;
    };
    switch (t) {
        case 'ready':
            return { ok: true, message: { type: t } };
        case 'openActivity':
        case 'openInWeb':
        case 'resetActivity':
        case 'addEvidence':
        case 'insertFix':
            return uuid() ?? { ok: true, message: { type: t, uuid: raw.uuid } };
        case 'setState': {
            const bad = uuid();
            if (bad)
                return bad;
            const state = raw.state;
            if (typeof state !== 'string' || !state.trim() || state.length > MAX_STATE)
                return fail('setState: state must be a state name');
            if (context.states && !context.states.includes(state))
                return fail(`setState: unknown progress state ${JSON.stringify(state)}`);
            return { ok: true, message: { type: t, uuid: raw.uuid, state } };
        }
        case 'markNotApplicable': {
            const bad = uuid();
            if (bad)
                return bad;
            const reason = raw.reason;
            if (reason === undefined)
                return { ok: true, message: { type: t, uuid: raw.uuid } };
            if (typeof reason !== 'string' || reason.length > MAX_REASON || /\0/.test(reason))
                return fail(`markNotApplicable: reason must be text of at most ${MAX_REASON} characters`);
            const trimmed = reason.trim();
            return { ok: true, message: { type: t, uuid: raw.uuid, ...(trimmed ? { reason: trimmed } : {}) } };
        }
        case 'openEvidence': {
            if (!isSafeRelativePath(raw.path))
                return fail('openEvidence: path must be a relative path inside the workspace');
            if (!positiveInt(raw.line, 10_000_000))
                return fail('openEvidence: line must be a positive whole number');
            if (raw.column !== undefined && !positiveInt(raw.column, 1_000_000))
                return fail('openEvidence: column must be a positive whole number');
            return { ok: true, message: { type: t, path: raw.path, line: raw.line, ...(raw.column !== undefined ? { column: raw.column } : {}) } };
        }
        case 'openExternal': {
            const url = (0, html_1.safeHref)(typeof raw.url === 'string' ? raw.url : undefined);
            if (!url)
                return fail('openExternal: only https links can be opened');
            return { ok: true, message: { type: t, url } };
        }
        case 'setTargetLevel':
            if (!positiveInt(raw.level, 5))
                return fail('setTargetLevel: level must be 1 to 5');
            return { ok: true, message: { type: t, level: raw.level } };
        case 'export':
            if (typeof raw.format !== 'string' || !exports.EXPORT_FORMATS.includes(raw.format))
                return fail(`export: format must be one of ${exports.EXPORT_FORMATS.join(', ')}`);
            return { ok: true, message: { type: t, format: raw.format } };
    }
}
//# sourceMappingURL=webviewMessages.js.map