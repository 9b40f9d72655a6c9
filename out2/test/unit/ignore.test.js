"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", { value: true });
const assert = __importStar(require("node:assert/strict"));
const node_child_process_1 = require("node:child_process");
const fs = __importStar(require("node:fs"));
const os = __importStar(require("node:os"));
const path = __importStar(require("node:path"));
const ignore_1 = require("../../src/core/scan/discover/ignore");
const skip_1 = require("./skip");
const timeBoundCases_1 = require("./timeBoundCases");
const SCENARIOS = [
    {
        name: 'basic patterns, comments, escapes, trailing spaces, classes',
        ignoreFiles: {
            '': [
                '# a comment',
                '',
                '*.log',
                '!important.log',
                '/root-only.txt',
                'build/',
                'doc/*.txt',
                '\\#hash',
                '\\!bang',
                'trailing   ',
                'escaped\\ ',
                '?.tmp',
                '[abc].x',
                '[!abc].y',
                '[a-c][0-9].z',
            ].join('\n'),
        },
        cases: [
            ['a.log', true],
            ['sub/b.log', true],
            ['important.log', false],
            ['sub/important.log', false],
            ['root-only.txt', true],
            ['sub/root-only.txt', false],
            ['build/', true],
            ['build/x.txt', true],
            ['sub/build/', true],
            ['other/build', false],
            ['sub/buildfile', false],
            ['doc/a.txt', true],
            ['doc/sub/b.txt', false],
            ['x/doc/a.txt', false],
            ['# a comment', false],
            ['#hash', true],
            ['!bang', true],
            ['trailing', true],
            ['escaped ', true],
            ['escaped', false],
            ['a.tmp', true],
            ['ab.tmp', false],
            ['a.x', true],
            ['d.x', false],
            ['d.y', true],
            ['a.y', false],
            ['b5.z', true],
            ['d5.z', false],
            ['bx.z', false],
        ],
    },
    {
        name: 'double asterisks: leading, trailing, middle, and not between slashes',
        ignoreFiles: {
            '': ['**/logs', '**/cache/tmp', 'abc/**', 'a/**/b', 'x**/y', 'foo/**/', 'm/n**o', 'p/**q'].join('\n'),
        },
        cases: [
            ['logs/', true],
            ['deep/er/logs/', true],
            ['q/logs', true],
            ['cache/tmp', true],
            ['p1/cache/tmp', true],
            ['cache/q/tmp', false],
            ['abc/', false],
            ['abc/f', true],
            ['abc/d/e', true],
            ['a/b', true],
            ['a/x/b', true],
            ['a/x/y/b', true],
            ['a/xb', false],
            ['b', false],
            // git strips the literal prefix before wildmatch, so `**` after it is "at the start".
            ['xy', true],
            ['xa/y', true],
            ['xa/b/y', true],
            ['z/xy', false],
            ['foo/', false],
            ['foo/bar', false],
            ['foo/dir/', true],
            ['foo/dir/file', true],
            // `**` inside a segment is a plain `*`.
            ['m/nzzo', true],
            ['m/nz/zo', false],
            ['p/zq', true],
            ['p/z/q', false],
        ],
    },
    {
        name: 'nested .gitignore files and negation; no re-include below an excluded folder',
        ignoreFiles: {
            '': ['*.gen', '!keep.gen', 'logs/', '/stuff/*', '!/stuff/keep/', '/stuff/keep/*', '!/stuff/keep/this', 'foo/', '!foo/bar'].join('\n'),
            sub: ['!a.gen', '/only-here', '*.txt', '!logs/keep.txt'].join('\n'),
        },
        cases: [
            ['x.gen', true],
            ['keep.gen', false],
            ['sub/a.gen', false],
            ['sub/b.gen', true],
            ['sub/deeper/a.gen', false],
            ['sub/only-here', true],
            ['only-here', false],
            ['sub/deeper/only-here', false],
            ['sub/n.txt', true],
            ['n.txt', false],
            ['sub/deeper/n.txt', true],
            ['sub/logs/', true],
            ['sub/logs/keep.txt', true],
            ['stuff/', false],
            ['stuff/a', true],
            ['stuff/keep/', false],
            ['stuff/keep/b', true],
            ['stuff/keep/this', false],
            ['foo/', true],
            ['foo/bar', true],
        ],
    },
    {
        name: 'bracket expressions and escapes',
        ignoreFiles: {
            '': ['[]]x', '[!]]y', '[[:digit:]]d', '[a-]m', 'x[', '\\*star', 'q\\?', '*.[oa]', '[^0-9]n', 'r[z-a]'].join('\n'),
        },
        cases: [
            [']x', true],
            ['ax', false],
            ['ay', true],
            [']y', false],
            ['5d', true],
            ['ad', false],
            ['-m', true],
            ['am', true],
            ['bm', false],
            ['x[', false],
            ['*star', true],
            ['xstar', false],
            ['q?', true],
            ['qa', false],
            ['f.o', true],
            ['f.a', true],
            ['f.c', false],
            ['an', true],
            ['5n', false],
            ['rz', true],
            ['rb', false],
        ],
    },
    {
        name: 'anchoring by leading and middle slashes; folder-only patterns',
        ignoreFiles: {
            '': ['/a/b', 'c/d', 'e', '/*.c', 'doc/frotz/', 'frob/', '*.LOG'].join('\n'),
        },
        cases: [
            ['a/b', true],
            ['z/a/b', false],
            ['c/d', true],
            ['z/c/d', false],
            ['e', true],
            ['z/e', true],
            ['y/e/f', true],
            ['x.c', true],
            ['d/x.c', false],
            ['doc/frotz/', true],
            ['a2/doc/frotz/', false],
            ['frob/', true],
            ['a3/frob/', true],
            ['a4/frob', false],
            ['l.log', false],
            ['l.LOG', true],
        ],
    },
    {
        name: '.git/info/exclude has the lowest precedence',
        ignoreFiles: {
            'info/exclude': ['*.secret', '!keep.local', '*.local'].join('\n'),
            '': ['!x.secret'].join('\n'),
        },
        cases: [
            ['y.secret', true],
            ['x.secret', false],
            ['a.local', true],
            ['keep.local', true],
        ],
    },
];
function matcherFor(s) {
    const m = new ignore_1.IgnoreMatcher();
    for (const [where, text] of Object.entries(s.ignoreFiles)) {
        if (where === 'info/exclude')
            m.addExcludeFile('', text);
        else
            m.addIgnoreFile(where, text);
    }
    return m;
}
function gitAvailable() {
    try {
        (0, node_child_process_1.execFileSync)('git', ['--version'], { stdio: 'ignore' });
        return true;
    }
    catch {
        return false;
    }
}
/** The paths git check-ignore reports as ignored, in a fresh repository built for the scenario. */
function gitIgnored(s) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dsomm-ignore-'));
    try {
        const env = { ...process.env, GIT_CONFIG_NOSYSTEM: '1', HOME: dir, XDG_CONFIG_HOME: dir };
        (0, node_child_process_1.execFileSync)('git', ['init', '-q', '.'], { cwd: dir, env, stdio: 'ignore' });
        for (const [where, text] of Object.entries(s.ignoreFiles)) {
            const file = where === 'info/exclude' ? path.join(dir, '.git/info/exclude') : path.join(dir, where, '.gitignore');
            fs.mkdirSync(path.dirname(file), { recursive: true });
            fs.writeFileSync(file, text + '\n');
        }
        for (const [p] of s.cases) {
            const abs = path.join(dir, p);
            if (p.endsWith('/'))
                fs.mkdirSync(abs, { recursive: true });
            else {
                fs.mkdirSync(path.dirname(abs), { recursive: true });
                fs.writeFileSync(abs, '');
            }
        }
        const paths = s.cases.map(([p]) => p.replace(/\/$/, ''));
        let out = '';
        try {
            out = (0, node_child_process_1.execFileSync)('git', ['-c', 'core.excludesFile=', '-c', 'core.ignoreCase=false', 'check-ignore', '--no-index', '-z', '--stdin'], {
                cwd: dir,
                env,
                input: paths.join('\0') + '\0',
                encoding: 'utf8',
            });
        }
        catch (e) {
            const err = e;
            if (err.status !== 1)
                throw e; // 1 = nothing ignored
            out = err.stdout ?? '';
        }
        return new Set(out.split('\0').filter(Boolean));
    }
    finally {
        fs.rmSync(dir, { recursive: true, force: true });
    }
}
describe('ignore: gitignore semantics', () => {
    const hasGit = gitAvailable();
    for (const s of SCENARIOS) {
        describe(s.name, () => {
            const m = matcherFor(s);
            for (const [p, expected] of s.cases) {
                it(`${JSON.stringify(p)} is ${expected ? '' : 'not '}ignored`, () => {
                    const isDir = p.endsWith('/');
                    assert.equal(m.isIgnored(p.replace(/\/$/, ''), isDir), expected);
                });
            }
            it('agrees with git check-ignore', function () {
                if (!hasGit)
                    (0, skip_1.skipBecause)(this, 'git is not installed', { requiredInCi: true });
                const ignored = gitIgnored(s);
                const expected = new Set(s.cases.filter(([, e]) => e).map(([p]) => p.replace(/\/$/, '')));
                assert.deepEqual([...ignored].sort(), [...expected].sort());
            });
        });
    }
});
describe('ignore: parsing', () => {
    it('skips comments and blank lines, keeps escaped #', () => {
        const rules = (0, ignore_1.parseIgnoreFile)('# c\n\n   \n\\#x\n#y\n');
        assert.deepEqual(rules.map((r) => r.source), ['\\#x']);
    });
    it('handles CRLF and a BOM', () => {
        const rules = (0, ignore_1.parseIgnoreFile)('\ufeff*.log\r\n!keep.log\r\n');
        assert.deepEqual(rules.map((r) => [r.source, r.negated]), [['*.log', false], ['!keep.log', true]]);
        assert.ok((0, ignore_1.ruleMatches)(rules[0], 'a.log', false));
    });
    it('trims unescaped trailing spaces only', () => {
        assert.equal((0, ignore_1.trimTrailingSpaces)('a  '), 'a');
        assert.equal((0, ignore_1.trimTrailingSpaces)('a\\ '), 'a\\ ');
        assert.equal((0, ignore_1.trimTrailingSpaces)('a\\  '), 'a\\ ');
        assert.equal((0, ignore_1.trimTrailingSpaces)('a\t'), 'a\t');
        assert.equal((0, ignore_1.trimTrailingSpaces)('a b'), 'a b');
    });
    it('sets negation, folder-only and anchoring flags', () => {
        const r = (0, ignore_1.parsePattern)('!/a/b/');
        assert.equal(r.negated, true);
        assert.equal(r.dirOnly, true);
        assert.equal(r.anchored, true);
        const s = (0, ignore_1.parsePattern)('name/');
        assert.equal(s.anchored, false);
        assert.equal(s.dirOnly, true);
        assert.equal((0, ignore_1.parsePattern)('!'), undefined);
        assert.equal((0, ignore_1.parsePattern)('/'), undefined);
    });
    it('applies a nested file relative to its own folder only', () => {
        const [r] = (0, ignore_1.parseIgnoreFile)('/x', 'sub/dir');
        assert.ok((0, ignore_1.ruleMatches)(r, 'sub/dir/x', false));
        assert.ok(!(0, ignore_1.ruleMatches)(r, 'x', false));
        assert.ok(!(0, ignore_1.ruleMatches)(r, 'sub/x', false));
        assert.ok(!(0, ignore_1.ruleMatches)(r, 'sub/dirx', false));
    });
    it('a pattern with a trailing lone backslash or an unterminated class matches nothing', () => {
        assert.ok(new ignore_1.Glob('abc\\').invalid);
        assert.ok(new ignore_1.Glob('a[bc').invalid);
        assert.ok(new ignore_1.Glob('[[:nope:]]').invalid);
        assert.ok(!new ignore_1.Glob('a[bc').match('ab'));
    });
});
describe('ignore: matcher precedence', () => {
    it('overrides beat .gitignore negations', () => {
        const m = new ignore_1.IgnoreMatcher();
        m.addOverrides(['node_modules/']);
        m.addIgnoreFile('', '!node_modules/\n');
        assert.equal(m.isIgnored('node_modules', true), true);
        assert.equal(m.isIgnored('a/node_modules/x.js', false), true);
    });
    it('a later override negation re-includes', () => {
        const m = new ignore_1.IgnoreMatcher();
        m.addOverrides(['vendor/', '!vendor/']);
        assert.equal(m.isIgnored('vendor', true), false);
    });
    it('a deeper .gitignore wins over a shallower one', () => {
        const m = new ignore_1.IgnoreMatcher();
        m.addIgnoreFile('', '!*.tmp\n');
        m.addIgnoreFile('a', '*.tmp\n');
        m.addIgnoreFile('a/b', '!x.tmp\n');
        assert.equal(m.isIgnored('q.tmp', false), false);
        assert.equal(m.isIgnored('a/q.tmp', false), true);
        assert.equal(m.isIgnored('a/b/x.tmp', false), false);
        assert.equal(m.isIgnored('a/b/y.tmp', false), true);
        assert.equal(m.match('a/b/x.tmp', false)?.rule.source, '!x.tmp');
    });
    it('ignore files above a nested repository do not apply inside it', () => {
        const m = new ignore_1.IgnoreMatcher();
        m.addIgnoreFile('', '*.log\n');
        m.addRepoRoot('clones/r');
        assert.equal(m.isIgnored('clones/a.log', false), true);
        assert.equal(m.isIgnored('clones/r/a.log', false), false);
    });
    it('case-insensitive matching when asked', () => {
        const m = new ignore_1.IgnoreMatcher({ ignoreCase: true });
        m.addIgnoreFile('', '*.LOG\n/Build/\n[A-C]x\n');
        assert.equal(m.isIgnored('a.log', false), true);
        assert.equal(m.isIgnored('build', true), true);
        assert.equal(m.isIgnored('bx', false), true);
        assert.equal(m.isIgnored('dx', false), false);
    });
});
// A backtracking matcher (or a naive regex like /^[^/]*a[^/]*a...[b]$/) tries O(n^8) ways of
// splitting these texts: hours, not milliseconds, so mocha's timeout stops one. The times, and
// V8's regex on the same pattern for comparison: `npm run bench -- --only bounds`.
describe('ignore: no catastrophic backtracking', () => {
    it('a hostile pattern against long names and paths answers right', () => {
        // The trailing class keeps the quick suffix check from answering, so the full simulation runs.
        const g = new ignore_1.Glob(timeBoundCases_1.HOSTILE_GLOB);
        assert.equal(g.match(timeBoundCases_1.LONG_NAME), false);
        assert.equal(g.match(timeBoundCases_1.LONG_NAME + 'b'), true);
        assert.equal(new ignore_1.Glob('*a*a*a*a*a*a*a*a*b').match(timeBoundCases_1.LONG_NAME), false);
        const m = new ignore_1.IgnoreMatcher();
        m.addIgnoreFile('', timeBoundCases_1.HOSTILE_IGNORE_FILE);
        assert.equal(m.isIgnored(timeBoundCases_1.LONG_PATH, false), false);
        assert.equal(m.isIgnored(timeBoundCases_1.LONG_PATH + 'b', false), true);
        assert.equal(m.isIgnored(`a/${timeBoundCases_1.LONG_PATH}/z`, false), true);
        assert.equal(m.isIgnored(`a/${timeBoundCases_1.LONG_PATH}/y`, false), false);
    });
    it('long patterns (the state-list simulation) answer right', () => {
        const g = new ignore_1.Glob('*a'.repeat(20) + '[b]');
        assert.equal(g.match('a'.repeat(25) + 'b'), true);
        assert.equal(g.match('a'.repeat(19) + 'b'), false);
        assert.equal(g.match('a'.repeat(20000)), false);
        const h = new ignore_1.Glob('x/**/' + 'ab?'.repeat(12) + '/**/[z]');
        assert.equal(h.match('x/' + 'abc'.repeat(12) + '/z'), true);
        assert.equal(h.match('x/q/' + 'abc'.repeat(12) + '/r/s/z'), true);
        assert.equal(h.match('x/q' + 'abc'.repeat(12) + '/z'), false);
    });
});
describe('ignore: random patterns against git (seeded)', () => {
    // Short and long (> 30 tokens: the array-based simulation rather than the bit-parallel one)
    // random patterns over a small alphabet, two .gitignore levels per scenario; every answer must
    // match git. All scenarios live in one repository (scenario N in folder sN), checked at once.
    it('agrees with git check-ignore on 60 random scenarios', function () {
        if (!gitAvailable())
            (0, skip_1.skipBecause)(this, 'git is not installed', { requiredInCi: true });
        this.timeout(60000);
        let seed = 20240611;
        const rnd = () => {
            seed = (seed * 1103515245 + 12345) & 0x7fffffff;
            return seed / 0x7fffffff;
        };
        const pick = (a) => a[Math.floor(rnd() * a.length)];
        const atoms = ['a', 'b', 'ab', '*', '**', '?', '[ab]', '[!a]', '/', '/', '**/', '/**', 'a*', '*b', '\\*', 'x'];
        const pattern = (long) => {
            let p = '';
            const n = long ? 14 + Math.floor(rnd() * 10) : 1 + Math.floor(rnd() * 5);
            for (let i = 0; i < n; i++)
                p += pick(atoms);
            if (rnd() < 0.2)
                p = '!' + p;
            if (rnd() < 0.15)
                p += '/';
            if (rnd() < 0.1)
                p = '/' + p;
            return p;
        };
        const segs = ['a', 'b', 'ab', 'ba', 'aab', 'x', 'bb', 'abab'];
        const s = { name: 'random', ignoreFiles: {}, cases: [] };
        const labels = new Map();
        for (let round = 0; round < 60; round++) {
            const long = round % 3 === 0;
            const top = `s${round}`;
            const rootPats = Array.from({ length: 1 + Math.floor(rnd() * 4) }, () => pattern(long));
            const subPats = Array.from({ length: 1 + Math.floor(rnd() * 3) }, () => pattern(long));
            s.ignoreFiles[top] = rootPats.join('\n');
            s.ignoreFiles[`${top}/a`] = subPats.join('\n');
            const dirs = new Set(['a']);
            const files = new Set();
            for (let i = 0; i < 25; i++) {
                const p = Array.from({ length: 1 + Math.floor(rnd() * 4) }, () => pick(segs)).join('/');
                (rnd() < 0.3 ? dirs : files).add(p);
            }
            const all = [...files, ...dirs];
            for (const f of [...files]) {
                if (all.some((o) => o.startsWith(f + '/'))) {
                    files.delete(f);
                    dirs.add(f);
                }
            }
            for (const d of dirs)
                files.delete(d);
            for (const f of files)
                s.cases.push([`${top}/${f}`, false]);
            for (const d of dirs)
                s.cases.push([`${top}/${d}/`, false]);
            labels.set(top, `${JSON.stringify(rootPats)} / a: ${JSON.stringify(subPats)}`);
        }
        const git = gitIgnored(s);
        const m = matcherFor(s);
        for (const [p] of s.cases) {
            const rel = p.replace(/\/$/, '');
            assert.equal(m.isIgnored(rel, p.endsWith('/')), git.has(rel), `${labels.get(p.split('/')[0])}: ${p}`);
        }
        assert.ok(s.cases.length > 1000, `${s.cases.length} cases`);
    });
});
//# sourceMappingURL=ignore.test.js.map