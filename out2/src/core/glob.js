"use strict";
// The one glob engine: `*` wildcards within a word or path segment, `**` for any number of path
// segments. Linear or memoised, never a regular expression built from the pattern, so patterns from
// a hostile catalogue or workspace cannot freeze the editor. (.gitignore files follow git's own,
// richer rules: scan/discover/ignore.ts.)
Object.defineProperty(exports, "__esModule", { value: true });
exports.wildcardMatch = wildcardMatch;
exports.globMatch = globMatch;
exports.globSegmentsMatch = globSegmentsMatch;
/** Linear-time wildcard match (`*` = any run of characters); both sides already lower case. */
function wildcardMatch(pattern, text) {
    let p = 0;
    let t = 0;
    let star = -1;
    let mark = 0;
    while (t < text.length) {
        if (p < pattern.length && pattern[p] !== '*' && pattern[p] === text[t]) {
            p++;
            t++;
        }
        else if (p < pattern.length && pattern[p] === '*') {
            star = p++;
            mark = t;
        }
        else if (star >= 0) {
            p = star + 1;
            t = ++mark;
        }
        else
            return false;
    }
    while (p < pattern.length && pattern[p] === '*')
        p++;
    return p === pattern.length;
}
/** Glob over '/'-separated paths: `*` within a segment, `**` for any number of segments. */
function globMatch(pattern, path) {
    return globSegmentsMatch(pattern.split('/'), path.split('/'));
}
/**
 * globMatch on paths already split into segments. Memoised on (pattern segment, path segment):
 * `**` / `**` / `**` / … against a deep path would otherwise take exponential time.
 */
function globSegmentsMatch(ps, ss) {
    if (!ps.includes('**')) {
        if (ps.length !== ss.length)
            return false;
        for (let i = 0; i < ps.length; i++)
            if (!wildcardMatch(ps[i], ss[i]))
                return false;
        return true;
    }
    // Cheap rejection: the last segments must match.
    const lastP = ps[ps.length - 1];
    if (lastP !== '**' && !wildcardMatch(lastP, ss[ss.length - 1]))
        return false;
    // memo[i][j]: pattern segments from i match path segments from j
    const memo = new Map();
    const go = (i, j) => {
        const key = i * (ss.length + 1) + j;
        const cached = memo.get(key);
        if (cached !== undefined)
            return cached;
        let res;
        if (i === ps.length)
            res = j === ss.length;
        else if (ps[i] === '**')
            res = go(i + 1, j) || (j < ss.length && go(i, j + 1));
        else
            res = j < ss.length && wildcardMatch(ps[i], ss[j]) && go(i + 1, j + 1);
        memo.set(key, res);
        return res;
    };
    return go(0, 0);
}
//# sourceMappingURL=glob.js.map