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
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
// aliasesMayFail lets the parsers skip a trial conversion of every document: it must never say
// "cannot fail" for a document whose conversion fails on aliases.
const assert = __importStar(require("node:assert/strict"));
const fast_check_1 = __importDefault(require("fast-check"));
const yaml_1 = require("../../src/core/yaml");
const yaml_2 = require("yaml");
function conversionFails(text, max) {
    return (0, yaml_1.parseYaml)(text).documents.map((doc) => {
        try {
            doc.toJS({ maxAliasCount: max, mapAsMap: true });
            return false;
        }
        catch {
            return true;
        }
    });
}
function check(text, max = 1000) {
    const docs = (0, yaml_1.parseYaml)(text).documents;
    const fails = conversionFails(text, max);
    const may = docs.map((d) => (0, yaml_1.aliasesMayFail)(d, max));
    fails.forEach((f, i) => assert.ok(!f || may[i], `conversion fails but aliasesMayFail says no:\n${text}`));
    return may;
}
describe('aliasesMayFail', () => {
    it('clears plain documents and simple anchors', () => {
        assert.deepEqual(check('a: 1\nb: [x, y]\n'), [false]);
        assert.deepEqual(check('labels: &l\n  app: api\nselector:\n  matchLabels: *l\ntemplate:\n  labels: *l\n'), [false]);
        assert.deepEqual(check('- &a one\n- *a\n- &a two\n- *a\n'), [false]);
        assert.deepEqual(check('a: 1\n---\nb: &x 2\nc: *x\n'), [false, false]);
    });
    it('flags aliases without anchor, nested expansions and overused anchors', () => {
        assert.deepEqual(check('a: *nowhere\n'), [true]);
        assert.deepEqual(check('a: *x\nb: &x 1\n'), [true], 'an alias before its anchor');
        assert.deepEqual(check('a: &x [1]\nb: &y [*x, *x]\nc: [*y, *y]\n'), [true], 'an anchored node holding aliases');
        assert.deepEqual(check('a: &x [*x]\n'), [true], 'an alias inside its own anchor');
        const bomb = ['a: &a ["lol","lol"]', 'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]', 'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]', 'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]', 'e: [*d,*d,*d,*d,*d,*d,*d,*d,*d]'].join('\n');
        assert.deepEqual(check(bomb), [true]);
        assert.deepEqual(conversionFails(bomb, 1000), [true], 'the bomb is one for the yaml package too');
        const many = 'x: &x 1\nl:\n' + '  - *x\n'.repeat(12);
        assert.deepEqual(check(many, 12), [true], 'the package counts the anchor and its 12 uses');
        assert.deepEqual(conversionFails(many, 12), [true]);
        assert.deepEqual(check(many, 13), [false]);
    });
    it('never clears a document whose conversion fails (generated documents)', () => {
        const names = ['a', 'b', 'c'];
        const tree = fast_check_1.default.letrec((tie) => ({
            t: fast_check_1.default.oneof({ depthSize: 'small', withCrossShrink: true }, fast_check_1.default.record({ value: fast_check_1.default.constantFrom('1', 'x', 'y'), anchor: fast_check_1.default.option(fast_check_1.default.constantFrom(...names), { nil: undefined }) }), fast_check_1.default.record({ alias: fast_check_1.default.constantFrom(...names) }), fast_check_1.default.record({ items: fast_check_1.default.array(tie('t'), { maxLength: 4 }), anchor: fast_check_1.default.option(fast_check_1.default.constantFrom(...names), { nil: undefined }) })),
        })).t;
        const render = (t) => {
            if (t.alias)
                return `*${t.alias}`;
            const anchor = t.anchor ? `&${t.anchor} ` : '';
            if (t.items)
                return `${anchor}[${t.items.map(render).join(', ')}]`;
            return `${anchor}${t.value}`;
        };
        fast_check_1.default.assert(fast_check_1.default.property(tree, fast_check_1.default.integer({ min: 1, max: 6 }), (t, max) => {
            const text = `root: ${render(t)}\n`;
            check(text, max);
            // yaml.ts's own alias index (used by deref) resolves as the package does.
            const doc = (0, yaml_1.parseYaml)(text).documents[0];
            const unresolved = [];
            (0, yaml_2.visit)(doc, {
                Alias: (_k, a) => {
                    assert.equal((0, yaml_1.deref)(doc, a), a.resolve(doc) ?? undefined, text);
                    if ((0, yaml_1.deref)(doc, a) === undefined)
                        unresolved.push(a);
                },
            });
            // The report's aliases without anchor: the same ones, in document order.
            assert.deepEqual((0, yaml_1.aliasReport)(doc, max).unresolved, unresolved, text);
            assert.ok(!(0, yaml_1.isAlias)((0, yaml_1.deref)(doc, doc.contents)));
        }), { numRuns: 2000 });
    });
});
//# sourceMappingURL=aliases.test.js.map