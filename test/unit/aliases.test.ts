// aliasesMayFail lets the parsers skip a trial conversion of every document: it must never say
// "cannot fail" for a document whose conversion fails on aliases.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { aliasesMayFail, aliasReport, deref, isAlias, parseYaml } from '../../src/core/yaml';
import { visit } from 'yaml';

function conversionFails(text: string, max: number): boolean[] {
  return parseYaml(text).documents.map((doc) => {
    try {
      doc.toJS({ maxAliasCount: max, mapAsMap: true });
      return false;
    } catch {
      return true;
    }
  });
}

function check(text: string, max = 1000): boolean[] {
  const docs = parseYaml(text).documents;
  const fails = conversionFails(text, max);
  const may = docs.map((d) => aliasesMayFail(d, max));
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
    type Tree = { anchor?: string; alias?: string; items?: Tree[]; value?: string };
    const tree: fc.Arbitrary<Tree> = fc.letrec<{ t: Tree }>((tie) => ({
      t: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        fc.record({ value: fc.constantFrom('1', 'x', 'y'), anchor: fc.option(fc.constantFrom(...names), { nil: undefined }) }),
        fc.record({ alias: fc.constantFrom(...names) }),
        fc.record({ items: fc.array(tie('t'), { maxLength: 4 }), anchor: fc.option(fc.constantFrom(...names), { nil: undefined }) }),
      ),
    })).t;
    const render = (t: Tree): string => {
      if (t.alias) return `*${t.alias}`;
      const anchor = t.anchor ? `&${t.anchor} ` : '';
      if (t.items) return `${anchor}[${t.items.map(render).join(', ')}]`;
      return `${anchor}${t.value}`;
    };
    fc.assert(
      fc.property(tree, fc.integer({ min: 1, max: 6 }), (t, max) => {
        const text = `root: ${render(t)}\n`;
        check(text, max);
        // yaml.ts's own alias index (used by deref) resolves as the package does.
        const doc = parseYaml(text).documents[0];
        const unresolved: unknown[] = [];
        visit(doc, {
          Alias: (_k, a) => {
            assert.equal(deref(doc, a), a.resolve(doc) ?? undefined, text);
            if (deref(doc, a) === undefined) unresolved.push(a);
          },
        });
        // The report's aliases without anchor: the same ones, in document order.
        assert.deepEqual(aliasReport(doc, max).unresolved, unresolved, text);
        assert.ok(!isAlias(deref(doc, doc.contents)));
      }),
      { numRuns: 2000 },
    );
  });
});
