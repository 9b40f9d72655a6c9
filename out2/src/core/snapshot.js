"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.toSnapshotJson = toSnapshotJson;
exports.fromSnapshotJson = fromSnapshotJson;
// JSON for data computed at build time and loaded at run time (see bundledData.ts) that keeps
// what plain JSON loses: Map, Set, Date, properties set to undefined, and shared objects (an
// activity reachable from its sub-dimension and from the model's uuid map stays one object).
// Tagged values look like { "\u0000t": "Map", "v": [[k, v], ...] }.
const TAG = '\u0000t';
function children(v) {
    if (v instanceof Map)
        return [...v.keys(), ...v.values()];
    if (v instanceof Set)
        return [...v];
    if (v instanceof Date)
        return [];
    return Object.values(v);
}
function toSnapshotJson(value) {
    // First pass: which objects are reachable more than once.
    const refs = new Map();
    const stack = [value];
    while (stack.length) {
        const v = stack.pop();
        if (!v || typeof v !== 'object')
            continue;
        const n = refs.get(v) ?? 0;
        refs.set(v, n + 1);
        if (n === 0)
            stack.push(...children(v));
    }
    const ids = new Map();
    const encode = (v) => {
        if (v === undefined)
            return { [TAG]: 'Undef' };
        if (!v || typeof v !== 'object')
            return v;
        const known = ids.get(v);
        if (known !== undefined)
            return { [TAG]: 'Ref', id: known };
        const shared = refs.get(v) > 1;
        const id = ids.size;
        if (shared)
            ids.set(v, id);
        let out;
        if (v instanceof Map)
            out = { [TAG]: 'Map', v: [...v].map(([k, x]) => [encode(k), encode(x)]) };
        else if (v instanceof Set)
            out = { [TAG]: 'Set', v: [...v].map(encode) };
        else if (v instanceof Date)
            out = { [TAG]: 'Date', v: v.toISOString() };
        else if (Array.isArray(v))
            out = v.map(encode);
        else {
            const proto = Object.getPrototypeOf(v);
            if (proto !== Object.prototype && proto !== null)
                throw new Error(`snapshot: cannot keep a ${proto?.constructor?.name ?? 'class'} instance`);
            const o = {};
            for (const [k, x] of Object.entries(v))
                o[k] = encode(x);
            out = o;
        }
        return shared ? { [TAG]: 'Def', id, v: out } : out;
    };
    return JSON.stringify(encode(value));
}
function fromSnapshotJson(text) {
    const defs = new Map();
    const decode = (v) => {
        if (!v || typeof v !== 'object')
            return v;
        if (Array.isArray(v))
            return v.map(decode);
        const t = v;
        switch (t[TAG]) {
            case undefined: {
                const o = {};
                for (const [k, x] of Object.entries(v))
                    o[k] = decode(x);
                return o;
            }
            case 'Undef':
                return undefined;
            case 'Map':
                return new Map(t.v.map(([k, x]) => [decode(k), decode(x)]));
            case 'Set':
                return new Set(t.v.map(decode));
            case 'Date':
                return new Date(t.v);
            case 'Def': {
                const d = decode(t.v);
                defs.set(t.id, d);
                return d;
            }
            case 'Ref':
                if (!defs.has(t.id))
                    throw new Error(`snapshot: reference ${t.id} before its definition`);
                return defs.get(t.id);
            default:
                throw new Error(`snapshot: unknown tag ${String(t[TAG])}`);
        }
    };
    return decode(JSON.parse(text));
}
//# sourceMappingURL=snapshot.js.map