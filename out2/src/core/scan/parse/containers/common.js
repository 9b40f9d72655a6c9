"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.loadYaml = loadYaml;
exports.nodeLoc = nodeLoc;
exports.entryLoc = entryLoc;
exports.keyLoc = keyLoc;
exports.entries = entries;
exports.entry = entry;
exports.deref = deref;
exports.items = items;
exports.isMapNode = isMapNode;
exports.isSeqNode = isSeqNode;
exports.located = located;
exports.locatedBool = locatedBool;
exports.locatedNumber = locatedNumber;
exports.locatedList = locatedList;
exports.shapeProblem = shapeProblem;
exports.splitImage = splitImage;
exports.hasDigest = hasDigest;
exports.hasVariables = hasVariables;
exports.substitute = substitute;
exports.isRootUser = isRootUser;
exports.envEntries = envEntries;
exports.isPlainOsImage = isPlainOsImage;
const yaml_1 = require("../../../yaml");
/**
 * Reads YAML into per-document contexts (yaml.ts's readYamlDocuments). Documents with syntax
 * errors are reported and left out: a container file the tools would refuse ships nothing.
 */
function loadYaml(path, text, problems) {
    return (0, yaml_1.readYamlDocuments)(text, problems)
        .filter(({ doc }) => doc.errors.length === 0)
        .map(({ doc, lc, index }) => ({ doc, lc, path, index, problems }));
}
/** The place a node was written; single-line quoted scalars without their quotes. */
function nodeLoc(ctx, node) {
    const start = (0, yaml_1.positionOf)(node, ctx.lc);
    const end = (0, yaml_1.endPositionOf)(node, ctx.lc);
    const loc = { path: ctx.path, line: start.line, column: start.column, endLine: end.line, endColumn: end.column };
    if ((0, yaml_1.isScalar)(node) && (node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE') && loc.line === loc.endLine && loc.endColumn - loc.column > 2) {
        loc.column += 1;
        loc.endColumn -= 1;
    }
    return loc;
}
/** A key entry: from the key to the end of a scalar value, or just the key for collections. */
function entryLoc(ctx, entry) {
    const keyLoc = nodeLoc(ctx, entry.keyNode);
    const v = entry.value;
    if ((0, yaml_1.isScalar)(v) && v.range) {
        const end = (0, yaml_1.endPositionOf)(v, ctx.lc);
        return { ...keyLoc, endLine: end.line, endColumn: end.column };
    }
    return keyLoc;
}
function keyLoc(ctx, entry) {
    return nodeLoc(ctx, entry.keyNode);
}
function entries(ctx, node) {
    return (0, yaml_1.mapEntries)(ctx.doc, node);
}
/** The last entry with this key (as YAML merges resolve), its value dereferenced. */
function entry(ctx, node, key) {
    let found;
    for (const e of (0, yaml_1.mapEntries)(ctx.doc, node))
        if (e.keyText === key)
            found = e;
    if (!found)
        return undefined;
    return { ...found, value: deref(ctx, found.value) };
}
function deref(ctx, node) {
    return (0, yaml_1.deref)(ctx.doc, node);
}
function items(ctx, node) {
    return (0, yaml_1.seqItems)(ctx.doc, node);
}
function isMapNode(node) {
    return (0, yaml_1.isMap)(node);
}
function isSeqNode(node) {
    return (0, yaml_1.isSeq)(node);
}
/** A scalar value with its place; undefined for collections, null and empty values. */
function located(ctx, node) {
    if (!(0, yaml_1.isScalar)(node))
        return undefined;
    const text = (0, yaml_1.scalarText)(node);
    if (text === undefined || node.value === null)
        return undefined;
    return { value: text, loc: nodeLoc(ctx, node) };
}
function locatedBool(ctx, node) {
    if (!(0, yaml_1.isScalar)(node) || node.value === null || node.value === undefined)
        return undefined;
    const v = node.value;
    let b;
    if (typeof v === 'boolean')
        b = v;
    else if (typeof v === 'string' && /^(true|false)$/i.test(v.trim()))
        b = v.trim().toLowerCase() === 'true';
    if (b === undefined)
        return undefined;
    return { value: b, loc: nodeLoc(ctx, node) };
}
function locatedNumber(ctx, node) {
    if (!(0, yaml_1.isScalar)(node) || node.value === null || node.value === undefined)
        return undefined;
    const v = node.value;
    const n = typeof v === 'number' ? v : typeof v === 'string' && /^\s*-?\d+\s*$/.test(v) ? Number(v) : NaN;
    if (!Number.isFinite(n))
        return undefined;
    return { value: n, loc: nodeLoc(ctx, node) };
}
/** The scalar items of a sequence (a single scalar counts as one item). */
function locatedList(ctx, node) {
    if ((0, yaml_1.isScalar)(node)) {
        const l = located(ctx, node);
        return l ? [l] : [];
    }
    const out = [];
    for (const i of items(ctx, node)) {
        const l = located(ctx, i);
        if (l)
            out.push(l);
    }
    return out;
}
/** Reports a value of the wrong shape as a warning at its place. */
function shapeProblem(ctx, node, message) {
    const pos = (0, yaml_1.positionOf)(node, ctx.lc);
    ctx.problems.push({ message, line: pos.line, column: pos.column, severity: 'warning' });
}
// ---------------------------------------------------------------------------------------
// Image references
/** Splits `registry:port/name:tag@sha256:…` into name, tag and digest. */
function splitImage(ref) {
    let rest = ref.trim();
    let digest;
    const at = rest.indexOf('@');
    if (at >= 0) {
        digest = rest.slice(at + 1) || undefined;
        rest = rest.slice(0, at);
    }
    let tag;
    const colon = rest.lastIndexOf(':');
    if (colon > rest.lastIndexOf('/')) {
        tag = rest.slice(colon + 1) || undefined;
        rest = rest.slice(0, colon);
    }
    const out = { name: rest };
    if (tag !== undefined)
        out.tag = tag;
    if (digest !== undefined)
        out.digest = digest;
    return out;
}
/** True when the reference carries a sha256 digest (`@sha256:…`). */
function hasDigest(image) {
    return !!image.digest && /^sha256:/i.test(image.digest);
}
const VAR_RE = /\$(?:\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-+?])([^}]*))?\}|([A-Za-z_][A-Za-z0-9_]*))/g;
function hasVariables(text) {
    VAR_RE.lastIndex = 0;
    return VAR_RE.test(text);
}
/**
 * Substitutes `$VAR`, `${VAR}`, `${VAR:-default}` / `${VAR-default}` and `${VAR:+alt}`.
 * `lookup` returns the value, or undefined when unknown. Returns undefined when some
 * variable stays unknown and has no default.
 */
function substitute(text, lookup) {
    let ok = true;
    const out = text.replace(VAR_RE, (_m, braced, op, word, bare) => {
        const name = (braced ?? bare);
        const value = lookup(name);
        if (op === ':-' || op === '-') {
            if (value !== undefined && (op === '-' || value !== ''))
                return value;
            return word ?? '';
        }
        if (op === ':+' || op === '+') {
            if (value === undefined) {
                ok = false;
                return '';
            }
            return value !== '' || op === '+' ? word ?? '' : '';
        }
        if (op === ':?' || op === '?') {
            if (value === undefined)
                ok = false;
            return value ?? '';
        }
        if (value === undefined)
            ok = false;
        return value ?? '';
    });
    return ok ? out : undefined;
}
// ---------------------------------------------------------------------------------------
// Users
/** True when a user spec (`root`, `0`, `0:0`, `root:staff`, Windows `ContainerAdministrator`) names root or the administrator. */
function isRootUser(user) {
    const u = user.trim().split(':')[0].trim().replace(/^["']|["']$/g, '').toLowerCase();
    return u === '' || u === 'root' || u === 'containeradministrator' || /^0+$/.test(u);
}
/** Environment entries of a YAML map or `KEY=value` list (compose `environment`, k8s-like lists are handled elsewhere). */
function envEntries(ctx, node) {
    const out = [];
    if ((0, yaml_1.isMap)(node)) {
        for (const e of entries(ctx, node)) {
            const v = e.value;
            const nameLoc = keyLoc(ctx, e);
            const valueLoc = (0, yaml_1.isScalar)(v) && v.value !== null && v.range ? nodeLoc(ctx, v) : undefined;
            const kv = { name: e.keyText, loc: entryLoc(ctx, e), nameLoc };
            if ((0, yaml_1.isScalar)(v) && v.value !== null)
                kv.value = (0, yaml_1.scalarText)(v);
            if (valueLoc)
                kv.valueLoc = valueLoc;
            out.push(kv);
        }
        return out;
    }
    for (const i of items(ctx, node)) {
        const l = located(ctx, i);
        if (!l)
            continue;
        const eq = l.value.indexOf('=');
        const name = eq >= 0 ? l.value.slice(0, eq) : l.value;
        const kv = {
            name,
            loc: l.loc,
            nameLoc: l.loc.line === l.loc.endLine ? { ...l.loc, endColumn: l.loc.column + name.length } : l.loc,
        };
        if (eq >= 0) {
            kv.value = l.value.slice(eq + 1);
            if (l.loc.line === l.loc.endLine)
                kv.valueLoc = { ...l.loc, column: l.loc.column + eq + 1 };
        }
        out.push(kv);
    }
    return out;
}
/** Base images of plain operating systems: an image built on one runs only what the Dockerfile starts. */
const PLAIN_OS_IMAGE = /^(?:[\w.-]+(?::\d+)?\/)?(?:library\/)?(scratch|alpine|busybox|debian|ubuntu|fedora|centos|rockylinux|almalinux|archlinux|opensuse\/leap|opensuse\/tumbleweed|redhat\/ubi\d+(?:-minimal|-micro)?|ubi\d+(?:-minimal|-micro)?|gcr\.io\/distroless\/(?:static|base|cc)[\w-]*|distroless\/(?:static|base|cc)[\w-]*|cgr\.dev\/chainguard\/(?:static|wolfi-base))$/i;
/** Is `name` (an image name without tag or digest) a plain operating-system image (or scratch)? */
function isPlainOsImage(name) {
    return PLAIN_OS_IMAGE.test(name);
}
//# sourceMappingURL=common.js.map