"use strict";
// A .gitignore matcher written to follow git's own rules (gitignore(5), dir.c and wildmatch.c),
// without regular expressions built from user input.
//
// Parsing (per line, as git's add_patterns_from_buffer/parse_path_pattern):
//   - a UTF-8 BOM and a '\r' before '\n' are dropped; blank lines and lines starting with '#'
//     are skipped (`\#` is a literal '#'); trailing spaces are dropped unless escaped (`\ `);
//   - a leading '!' negates (`\!` is a literal '!'); one trailing '/' makes the pattern match
//     directories only;
//   - a pattern with no other '/' matches the name at any depth below the .gitignore's folder;
//     with a '/' at the start or in the middle it matches the path relative to that folder
//     (one leading '/' is dropped).
// Matching (as wildmatch with WM_PATHNAME): '*' and '?' and '[...]' never match '/'; '[...]'
// supports ranges, '!'/'^' negation, escapes and [:alpha:]-style classes; an unterminated '['
// makes the pattern match nothing; `**` between slashes (or at the start/end) crosses
// directories, elsewhere it is a plain '*'. Git strips the literal prefix of a pathname pattern
// before running wildmatch, so a `**` right after that prefix counts as "at the start" (`a**/b`
// matches `ab` and `ax/y/b`); this is reproduced.
// Precedence (as dir.c): override patterns first, then .gitignore files from the deepest folder
// up, then exclude files (.git/info/exclude); within one list the last matching pattern decides.
// A path whose parent directory is excluded is excluded, whatever later negations say.
//
// The matcher is a Thompson-style NFA simulation over the pattern's tokens (bit-parallel, one
// 32-bit word per step, for patterns of up to 30 tokens; a state list beyond): it never
// backtracks, time is O(pattern tokens × path length) at worst, so a hostile pattern such as
// `*a*a*a*a*a*a*a*a*b` stays linear in the path. Literal and `*suffix` patterns, and literal
// heads/tails, are checked first without the simulation.
// Characters are UTF-16 code units (git works on bytes: `?` against a non-ASCII character can
// differ); case folding, when asked for, is per character.
Object.defineProperty(exports, "__esModule", { value: true });
exports.IgnoreMatcher = exports.MAX_PATTERNS_PER_FILE = exports.MAX_PATTERN_LENGTH = exports.Glob = void 0;
exports.trimTrailingSpaces = trimTrailingSpaces;
exports.parsePattern = parsePattern;
exports.parseIgnoreFile = parseIgnoreFile;
exports.ruleMatches = ruleMatches;
exports.lastMatch = lastMatch;
const isDigit = (c) => c >= 48 && c <= 57;
const isUpper = (c) => c >= 65 && c <= 90;
const isLower = (c) => c >= 97 && c <= 122;
const isAlpha = (c) => isUpper(c) || isLower(c);
const NAMED_CLASSES = {
    alnum: (c) => isAlpha(c) || isDigit(c),
    alpha: isAlpha,
    blank: (c) => c === 32 || c === 9,
    cntrl: (c) => c < 32 || c === 127,
    digit: isDigit,
    graph: (c) => c > 32 && c < 127,
    lower: isLower,
    print: (c) => c >= 32 && c < 127,
    punct: (c) => c > 32 && c < 127 && !isAlpha(c) && !isDigit(c),
    space: (c) => c === 32 || (c >= 9 && c <= 13),
    upper: isUpper,
    xdigit: (c) => isDigit(c) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102),
};
const SLASH = 47;
/**
 * Tokenizes a wildmatch pattern. Returns undefined for a pattern that can never match
 * (unterminated '[', malformed [:class:], trailing lone backslash).
 */
function tokenize(p) {
    const toks = [];
    let i = 0;
    while (i < p.length) {
        const ch = p[i];
        if (ch === '\\') {
            if (i + 1 >= p.length)
                return undefined;
            toks.push({ t: 0 /* T.Lit */, c: p.charCodeAt(i + 1) });
            i += 2;
        }
        else if (ch === '?') {
            toks.push({ t: 1 /* T.Any */ });
            i++;
        }
        else if (ch === '*') {
            const start = i;
            while (i < p.length && p[i] === '*')
                i++;
            const run = i - start;
            const prevOk = start === 0 || p[start - 1] === '/';
            const next = i >= p.length ? '' : p[i] === '\\' && p[i + 1] === '/' ? '/' : p[i];
            if (run >= 2 && prevOk && (next === '' || next === '/')) {
                const n = toks.length;
                const afterGlobStarSlash = n >= 3 && toks[n - 3].t === 5 /* T.Skip */ && toks[n - 1].t === 0 /* T.Lit */ && toks[n - 1].c === SLASH;
                if (next === '/' && afterGlobStarSlash) {
                    // `**/**/` matches what `**/` matches; a chain of them made the closures quadratic
                    // (a 90 KB `**/**/…/q` line took minutes and gigabytes).
                    i += p[i] === '\\' ? 2 : 1;
                    continue;
                }
                if (next === '/')
                    toks.push({ t: 5 /* T.Skip */ });
                toks.push({ t: 4 /* T.GlobStar */, skipSlash: next === '/' });
            }
            else if (toks.length === 0 || toks[toks.length - 1].t !== 3 /* T.Star */) {
                toks.push({ t: 3 /* T.Star */ });
            }
        }
        else if (ch === '[') {
            const parsed = parseClass(p, i);
            if (!parsed)
                return undefined;
            toks.push(parsed.tok);
            i = parsed.end;
        }
        else {
            toks.push({ t: 0 /* T.Lit */, c: p.charCodeAt(i) });
            i++;
        }
    }
    return toks;
}
/** Parses a bracket expression starting at p[start] === '['; mirrors wildmatch.c. */
function parseClass(p, start) {
    let i = start + 1;
    let negated = false;
    if (p[i] === '!' || p[i] === '^') {
        negated = true;
        i++;
    }
    const ranges = [];
    const named = [];
    let prev = -1; // previous single character (a range may start from it)
    let first = true;
    for (;;) {
        if (i >= p.length)
            return undefined;
        const ch = p[i];
        if (ch === ']' && !first)
            break;
        first = false;
        if (ch === '\\') {
            if (i + 1 >= p.length)
                return undefined;
            const c = p.charCodeAt(i + 1);
            ranges.push({ lo: c, hi: c });
            prev = c;
            i += 2;
        }
        else if (ch === '-' && prev >= 0 && i + 1 < p.length && p[i + 1] !== ']') {
            let j = i + 1;
            if (p[j] === '\\') {
                j++;
                if (j >= p.length)
                    return undefined;
            }
            const hi = p.charCodeAt(j);
            // The range replaces the single `prev` already pushed (harmless to keep: prev is inside it
            // unless hi < prev, where git's range matches nothing but prev itself was already added).
            ranges.push({ lo: prev, hi });
            prev = -1;
            i = j + 1;
        }
        else if (ch === '[' && p[i + 1] === ':') {
            const close = p.indexOf(']', i + 2);
            if (close < 0)
                return undefined;
            if (close - 1 < i + 2 || p[close - 1] !== ':') {
                // Not "[:name:]": a literal '['.
                ranges.push({ lo: 91, hi: 91 });
                prev = 91;
                i++;
                continue;
            }
            const name = p.slice(i + 2, close - 1);
            const fn = NAMED_CLASSES[name];
            if (!fn)
                return undefined;
            named.push(fn);
            prev = -1;
            i = close + 1;
        }
        else {
            const c = p.charCodeAt(i);
            ranges.push({ lo: c, hi: c });
            prev = c;
            i++;
        }
    }
    return { tok: { t: 2 /* T.Class */, negated, ranges, named }, end: i + 1 };
}
function classHas(tok, c, icase) {
    const test = (x) => tok.ranges.some((r) => x >= r.lo && x <= r.hi) || tok.named.some((f) => f(x));
    let hit = test(c);
    if (!hit && icase) {
        if (isLower(c))
            hit = test(c - 32);
        else if (isUpper(c))
            hit = test(c + 32);
    }
    return hit !== tok.negated;
}
const lowerCode = (c) => (c < 128 ? (isUpper(c) ? c + 32 : c) : String.fromCharCode(c).toLowerCase().charCodeAt(0));
// ---------------------------------------------------------------------------------------
// The glob: tokens plus an NFA simulation
/** A compiled wildmatch pattern (WM_PATHNAME semantics). */
class Glob {
    pattern;
    toks;
    literal;
    /** `*` followed only by literal characters containing no '/'. */
    suffix;
    /** Literal characters the pattern starts / ends with (quick rejection before the simulation). */
    head = '';
    tail = '';
    /** Fewest characters a match needs. */
    minLength = 0;
    /** Epsilon closure of each state: the states reachable without consuming a character. */
    closure = [];
    /** Bit-parallel form for patterns of at most 30 tokens (bit k = state k; bit n = accept). */
    bits;
    icase;
    // Scratch space for the simulation (single-threaded; no awaits inside match()).
    cur;
    next;
    mark;
    gen = 0;
    /** `pattern` as written in wildmatch syntax (escapes still in it). */
    constructor(pattern, icase = false) {
        this.pattern = pattern;
        this.icase = icase;
        const toks = tokenize(pattern);
        this.toks = toks;
        const litText = (ts) => ts.map((t) => String.fromCharCode(t.c)).join('');
        const fold = (x) => (icase ? x.toLowerCase() : x);
        const n = toks?.length ?? 0;
        if (toks && toks.every((t) => t.t === 0 /* T.Lit */)) {
            this.literal = fold(litText(toks));
        }
        else if (toks && toks.length > 1 && toks[0].t === 3 /* T.Star */ && toks.slice(1).every((t) => t.t === 0 /* T.Lit */ && t.c !== SLASH)) {
            this.suffix = fold(litText(toks.slice(1)));
        }
        else if (toks) {
            let h = 0;
            while (h < n && toks[h].t === 0 /* T.Lit */)
                h++;
            let t = n;
            while (t > h && toks[t - 1].t === 0 /* T.Lit */)
                t--;
            if (t > 0 && t < n && toks[t - 1].t === 4 /* T.GlobStar */ && toks[t - 1].skipSlash)
                t++; // that '/' is optional
            this.head = fold(litText(toks.slice(0, h)));
            this.tail = fold(litText(toks.slice(t)));
            this.minLength = toks.filter((x, k) => {
                if (x.t === 3 /* T.Star */ || x.t === 4 /* T.GlobStar */ || x.t === 5 /* T.Skip */)
                    return false;
                const prev = toks[k - 1];
                return !(prev && prev.t === 4 /* T.GlobStar */ && prev.skipSlash); // `**/` may match nothing
            }).length;
            // Closures, from the last state back (epsilon edges only go forward).
            const closure = new Array(n + 1);
            closure[n] = Int32Array.of(n);
            for (let k = n - 1; k >= 0; k--) {
                const tk = toks[k];
                const set = new Set([k]);
                if (tk.t === 3 /* T.Star */ || tk.t === 4 /* T.GlobStar */ || tk.t === 5 /* T.Skip */)
                    for (const x of closure[k + 1])
                        set.add(x);
                if (tk.t === 5 /* T.Skip */ && k + 3 <= n)
                    for (const x of closure[k + 3])
                        set.add(x);
                closure[k] = Int32Array.from(set);
            }
            this.closure = closure;
            if (n <= 30) {
                const litByChar = new Map();
                const classes = [];
                let any = 0, star = 0, globStar = 0, skip = 0;
                toks.forEach((tk, k) => {
                    const bit = 1 << k;
                    if (tk.t === 0 /* T.Lit */) {
                        const key = icase ? lowerCode(tk.c) : tk.c;
                        litByChar.set(key, (litByChar.get(key) ?? 0) | bit);
                    }
                    else if (tk.t === 1 /* T.Any */)
                        any |= bit;
                    else if (tk.t === 2 /* T.Class */)
                        classes.push([bit, tk]);
                    else if (tk.t === 3 /* T.Star */)
                        star |= bit;
                    else if (tk.t === 4 /* T.GlobStar */)
                        globStar |= bit;
                    else
                        skip |= bit;
                });
                this.bits = { litByChar, any, classes, star, globStar, eps1: star | globStar | skip, eps3: skip, accept: 1 << n };
            }
        }
        this.cur = new Int32Array(n + 1);
        this.next = new Int32Array(n + 1);
        this.mark = new Int32Array(n + 1);
    }
    /** True when the pattern can never match anything (malformed). */
    get invalid() {
        return this.toks === undefined;
    }
    match(text) {
        const toks = this.toks;
        if (!toks)
            return false;
        if (this.literal !== undefined)
            return (this.icase ? text.toLowerCase() : text) === this.literal;
        if (this.suffix !== undefined) {
            const t = this.icase ? text.toLowerCase() : text;
            return t.endsWith(this.suffix) && t.lastIndexOf('/', t.length - this.suffix.length - 1) < 0;
        }
        if (text.length < this.minLength)
            return false;
        if (this.head || this.tail) {
            const t = this.icase ? text.toLowerCase() : text;
            if (!t.startsWith(this.head) || !t.endsWith(this.tail))
                return false;
        }
        return this.bits ? this.simulateBits(text) : this.simulate(toks, text);
    }
    simulateBits(text) {
        const b = this.bits;
        const { litByChar, any, classes, star, globStar, eps1, eps3 } = b;
        const icase = this.icase;
        const close = (x) => {
            for (;;) {
                const y = x | ((x & eps1) << 1) | ((x & eps3) << 3);
                if (y === x)
                    return x;
                x = y;
            }
        };
        let x = close(1);
        for (let i = 0; i < text.length && x !== 0; i++) {
            const c = text.charCodeAt(i);
            let adv = litByChar.get(icase ? lowerCode(c) : c) ?? 0;
            let loop = globStar;
            if (c !== SLASH) {
                adv |= any;
                loop |= star;
                for (let k = 0; k < classes.length; k++)
                    if (classHas(classes[k][1], c, icase))
                        adv |= classes[k][0];
            }
            x = close(((x & adv) << 1) | (x & loop));
        }
        return (x & b.accept) !== 0;
    }
    simulate(toks, text) {
        const n = toks.length;
        const icase = this.icase;
        const closure = this.closure;
        let cur = this.cur;
        let next = this.next;
        const mark = this.mark;
        let curLen;
        let nextLen;
        if (this.gen > 0x3fffffff - text.length) {
            this.gen = 0;
            mark.fill(0);
        }
        let gen = ++this.gen;
        // Adds state k and its epsilon closure (stars may match nothing; `**/` may match nothing).
        const add = (list, len, k) => {
            const cl = closure[k];
            for (let i = 0; i < cl.length; i++) {
                const s = cl[i];
                if (mark[s] !== gen) {
                    mark[s] = gen;
                    list[len++] = s;
                }
            }
            return len;
        };
        curLen = add(cur, 0, 0);
        for (let i = 0; i < text.length && curLen > 0; i++) {
            const c = text.charCodeAt(i);
            const lc = icase ? lowerCode(c) : c;
            gen = ++this.gen;
            nextLen = 0;
            for (let j = 0; j < curLen; j++) {
                const s = cur[j];
                if (s >= n)
                    continue;
                const tk = toks[s];
                switch (tk.t) {
                    case 0 /* T.Lit */:
                        if (tk.c === c || (icase && lowerCode(tk.c) === lc))
                            nextLen = add(next, nextLen, s + 1);
                        break;
                    case 1 /* T.Any */:
                        if (c !== SLASH)
                            nextLen = add(next, nextLen, s + 1);
                        break;
                    case 2 /* T.Class */:
                        if (c !== SLASH && classHas(tk, c, icase))
                            nextLen = add(next, nextLen, s + 1);
                        break;
                    case 3 /* T.Star */:
                        if (c !== SLASH)
                            nextLen = add(next, nextLen, s);
                        break;
                    case 4 /* T.GlobStar */:
                        nextLen = add(next, nextLen, s);
                        break;
                }
            }
            const tmp = cur;
            cur = next;
            next = tmp;
            curLen = nextLen;
        }
        for (let j = 0; j < curLen; j++)
            if (cur[j] === n)
                return true;
        return false;
    }
}
exports.Glob = Glob;
/** Length of the leading part without glob specials (git's simple_length). */
function simpleLength(p) {
    for (let i = 0; i < p.length; i++) {
        const ch = p[i];
        if (ch === '*' || ch === '?' || ch === '[' || ch === '\\')
            return i;
    }
    return p.length;
}
/** git's trim_trailing_spaces: drops trailing ' ' unless escaped with a backslash. */
function trimTrailingSpaces(line) {
    let lastSpace = -1;
    for (let i = 0; i < line.length; i++) {
        const ch = line[i];
        if (ch === ' ') {
            if (lastSpace < 0)
                lastSpace = i;
        }
        else if (ch === '\\') {
            i++;
            if (i >= line.length)
                return line;
            lastSpace = -1;
        }
        else {
            lastSpace = -1;
        }
    }
    return lastSpace >= 0 ? line.slice(0, lastSpace) : line;
}
/**
 * Parses one pattern line (the raw line: comments, blank lines and trailing spaces are handled
 * here). Returns undefined for lines that hold no pattern.
 */
function parsePattern(rawLine, base = '', options = {}) {
    let line = rawLine.endsWith('\r') ? rawLine.slice(0, -1) : rawLine;
    if (line === '' || line.startsWith('#'))
        return undefined;
    line = trimTrailingSpaces(line);
    let p = line;
    let negated = false;
    if (p.startsWith('!')) {
        negated = true;
        p = p.slice(1);
    }
    let dirOnly = false;
    if (p.endsWith('/')) {
        dirOnly = true;
        p = p.slice(0, -1);
    }
    if (p === '')
        return undefined;
    const anchored = p.includes('/');
    if (anchored && p.startsWith('/'))
        p = p.slice(1);
    const icase = options.ignoreCase ?? false;
    let prefix = '';
    let glob;
    if (anchored) {
        // git compares the literal prefix, then runs wildmatch on the rest (so a `**` right after the
        // prefix counts as being at the start of the pattern).
        const len = simpleLength(p);
        prefix = icase ? p.slice(0, len).toLowerCase() : p.slice(0, len);
        glob = new Glob(p.slice(len), icase);
    }
    else {
        glob = new Glob(p, icase);
    }
    return {
        source: line,
        base: trimSlashes(base),
        negated,
        dirOnly,
        anchored,
        file: options.file,
        line: options.line,
        glob,
        prefix,
    };
}
/** A pattern longer than this is not used (git's own paths stop at PATH_MAX, 4096). */
exports.MAX_PATTERN_LENGTH = 4096;
/** Patterns past this many in one file are not used (real ignore files have hundreds). */
exports.MAX_PATTERNS_PER_FILE = 20_000;
/**
 * Parses a whole .gitignore-style file. `base` is the root-relative folder it applies to. Over-long
 * patterns and patterns past MAX_PATTERNS_PER_FILE are left out; `notes` gets one line saying so.
 */
function parseIgnoreFile(text, base = '', options = {}) {
    if (text.charCodeAt(0) === 0xfeff)
        text = text.slice(1);
    const rules = [];
    const lines = text.split('\n');
    let tooLong = 0;
    let firstTooLong = 0;
    let overCount = 0;
    for (let i = 0; i < lines.length; i++) {
        if (lines[i].length > exports.MAX_PATTERN_LENGTH) {
            if (!tooLong++)
                firstTooLong = i + 1;
            continue;
        }
        if (rules.length >= exports.MAX_PATTERNS_PER_FILE) {
            if (lines[i] !== '' && !lines[i].startsWith('#'))
                overCount++;
            continue;
        }
        const r = parsePattern(lines[i], base, { ...options, line: i + 1 });
        if (r)
            rules.push(r);
    }
    if (tooLong)
        options.notes?.push(`${tooLong} pattern(s) longer than ${exports.MAX_PATTERN_LENGTH} characters not used (first on line ${firstTooLong})`);
    if (overCount)
        options.notes?.push(`only the first ${exports.MAX_PATTERNS_PER_FILE} patterns are used; ${overCount} more not used`);
    return rules;
}
function trimSlashes(p) {
    let a = 0;
    let b = p.length;
    while (a < b && p.charCodeAt(a) === SLASH)
        a++;
    while (b > a && p.charCodeAt(b - 1) === SLASH)
        b--;
    return a === 0 && b === p.length ? p : p.slice(a, b);
}
/**
 * Does `rule` match `path` itself (root-relative)? Ancestors are not considered. Paths outside
 * the rule's base never match.
 */
function ruleMatches(rule, path, isDir) {
    if (rule.dirOnly && !isDir)
        return false;
    let rel = path;
    if (rule.base !== '') {
        if (path.length <= rule.base.length + 1 || path.charCodeAt(rule.base.length) !== SLASH || !path.startsWith(rule.base))
            return false;
        rel = path.slice(rule.base.length + 1);
    }
    if (!rule.anchored)
        return rule.glob.match(rel.slice(rel.lastIndexOf('/') + 1));
    if (rule.prefix !== '') {
        if (rel.length < rule.prefix.length)
            return false;
        const head = rel.slice(0, rule.prefix.length);
        if ((rule.glob.icase ? head.toLowerCase() : head) !== rule.prefix)
            return false;
        rel = rel.slice(rule.prefix.length);
    }
    return rule.glob.match(rel);
}
/** The last rule in `rules` that matches (git: last match wins), or undefined. */
function lastMatch(rules, path, isDir) {
    for (let i = rules.length - 1; i >= 0; i--)
        if (ruleMatches(rules[i], path, isDir))
            return rules[i];
    return undefined;
}
class IgnoreMatcher {
    ignoreCase;
    overrides = [];
    /** .gitignore rules by folder. */
    perDir = new Map();
    /** exclude-file rules (.git/info/exclude) by repository folder. */
    excludes = new Map();
    /** Folders that are roots of a (nested) repository: lists above them do not apply inside. */
    repoRoots = new Set(['']);
    tracked;
    constructor(options = {}) {
        this.ignoreCase = options.ignoreCase ?? false;
        this.tracked = options.tracked;
    }
    /** Patterns that take precedence over every file (like `--exclude` on git's command line), relative to the root. Later calls win over earlier ones. */
    addOverrides(patterns, file = '<options>') {
        patterns.forEach((p, i) => {
            const r = parsePattern(p, '', { ignoreCase: this.ignoreCase, file, line: i + 1 });
            if (r)
                this.overrides.push(r);
        });
    }
    /** A .gitignore found in `dir` (root-relative folder). Replaces an earlier one for the same folder. */
    /** Returns notes on patterns left out (too long, too many). */
    addIgnoreFile(dir, text, file) {
        dir = trimSlashes(dir);
        const notes = [];
        this.perDir.set(dir, parseIgnoreFile(text, dir, { ignoreCase: this.ignoreCase, file: file ?? (dir ? `${dir}/.gitignore` : '.gitignore'), notes }));
        return notes;
    }
    /** An exclude file (`.git/info/exclude`) of the repository whose work tree is `repoDir`. Lowest precedence. */
    /** Returns notes on patterns left out (too long, too many). */
    addExcludeFile(repoDir, text, file) {
        repoDir = trimSlashes(repoDir);
        const notes = [];
        this.excludes.set(repoDir, parseIgnoreFile(text, repoDir, { ignoreCase: this.ignoreCase, file: file ?? (repoDir ? `${repoDir}/.git/info/exclude` : '.git/info/exclude'), notes }));
        return notes;
    }
    /** Marks `dir` as the work tree of a nested repository: ignore files above it do not apply inside it (overrides still do). */
    addRepoRoot(dir) {
        this.repoRoots.add(trimSlashes(dir));
    }
    /**
     * The decisive rule for `path` itself, ancestors not considered (the walker never descends into
     * ignored folders, so it only needs this). undefined when no pattern matches.
     */
    match(path, isDir) {
        path = trimSlashes(path);
        const o = lastMatch(this.overrides, path, isDir);
        if (o)
            return { ignored: !o.negated, rule: o };
        const m = this.matchFiles(path, isDir);
        return m?.ignored && this.tracked?.(path, isDir) ? undefined : m;
    }
    /** The decisive rule of the .gitignore and exclude files. */
    matchFiles(path, isDir) {
        const dirs = this.containingDirs(path);
        for (const d of dirs) {
            const rules = this.perDir.get(d);
            if (rules) {
                const m = lastMatch(rules, path, isDir);
                if (m)
                    return { ignored: !m.negated, rule: m };
            }
        }
        for (const d of dirs) {
            const rules = this.excludes.get(d);
            if (rules) {
                const m = lastMatch(rules, path, isDir);
                if (m)
                    return { ignored: !m.negated, rule: m };
            }
        }
        return undefined;
    }
    /** Folders that contain `path` and have ignore lists, deepest first, up to its repository root. */
    containingDirs(path) {
        let depth = 0;
        for (let i = 0; i < path.length; i++)
            if (path.charCodeAt(i) === SLASH)
                depth++;
        if (this.perDir.size + this.excludes.size + this.repoRoots.size > depth + 1) {
            // Few levels: walk up from the path's folder.
            const dirs = [];
            let end = path.lastIndexOf('/');
            for (;;) {
                const d = end < 0 ? '' : path.slice(0, end);
                if (this.perDir.has(d) || this.excludes.has(d))
                    dirs.push(d);
                if (d === '' || this.repoRoots.has(d))
                    break;
                end = d.lastIndexOf('/');
            }
            return dirs;
        }
        // Deep path, few lists: test each list's folder (no hashing of long ancestor strings).
        const contains = (d) => d === '' || (path.length > d.length && path.charCodeAt(d.length) === SLASH && path.startsWith(d));
        let cutoff = '';
        for (const r of this.repoRoots)
            if (r.length > cutoff.length && contains(r))
                cutoff = r;
        const dirs = new Set();
        for (const d of this.perDir.keys())
            if (d.length >= cutoff.length && contains(d))
                dirs.add(d);
        for (const d of this.excludes.keys())
            if (d.length >= cutoff.length && contains(d))
                dirs.add(d);
        return [...dirs].sort((a, b) => b.length - a.length);
    }
    /**
     * Is `path` ignored, as git decides it: the path itself or any folder above it is excluded.
     * (Git does not look inside an excluded folder, so a negation cannot re-include anything in it.)
     */
    isIgnored(path, isDir) {
        path = trimSlashes(path);
        if (path === '')
            return false;
        const segs = path.split('/');
        let cur = '';
        for (let i = 0; i < segs.length - 1; i++) {
            cur = cur ? `${cur}/${segs[i]}` : segs[i];
            if (this.match(cur, true)?.ignored)
                return true;
        }
        return this.match(path, isDir)?.ignored ?? false;
    }
}
exports.IgnoreMatcher = IgnoreMatcher;
//# sourceMappingURL=ignore.js.map