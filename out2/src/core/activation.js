"use strict";
// The files that make a workspace one to assess: those of the extension's `workspaceContains:`
// activation events (package.json is the one list), as one glob for a file search.
Object.defineProperty(exports, "__esModule", { value: true });
exports.expandBraces = expandBraces;
exports.workspaceContainsGlob = workspaceContainsGlob;
/** `{a,b}` alternatives written out, several groups in one glob (not nested). */
function expandBraces(glob) {
    const open = glob.indexOf('{');
    if (open < 0)
        return [glob];
    const close = glob.indexOf('}', open);
    if (close < 0)
        return [glob];
    return glob
        .slice(open + 1, close)
        .split(',')
        .flatMap((alt) => expandBraces(glob.slice(0, open) + alt + glob.slice(close + 1)));
}
/**
 * The files of the `workspaceContains:` events as one glob, `{a,b,…}` with every inner alternative
 * written out (a search glob's braces do not nest); undefined when there is none.
 */
function workspaceContainsGlob(activationEvents) {
    const prefix = 'workspaceContains:';
    const globs = [...new Set(activationEvents.filter((e) => e.startsWith(prefix)).flatMap((e) => expandBraces(e.slice(prefix.length))))];
    if (!globs.length)
        return undefined;
    return globs.length === 1 ? globs[0] : `{${globs.join(',')}}`;
}
//# sourceMappingURL=activation.js.map