// readYamlDocuments is the one reader of workspace YAML: its rules hold for every parser that uses it.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { ReadProblem, readYamlDocuments, scalarText, mapGet } from '../../src/core/yaml';
import { parseDependabot } from '../../src/core/scan/parse/hygiene';
import { parseCompose } from '../../src/core/scan/parse/containers/compose';
import { parseGitlabCi } from '../../src/core/scan/ci/gitlab';

const BOMB = readFileSync(path.resolve(__dirname, '../../../test/fixtures/ci/problems/bomb.yml'), 'utf8');

describe('readYamlDocuments', () => {
  it('reports an unknown alias at the alias and keeps the document', () => {
    const problems: ReadProblem[] = [];
    const docs = readYamlDocuments('a: 1\nb: *nope\n', problems);
    assert.equal(docs.length, 1);
    assert.equal(scalarText(mapGet(docs[0].doc, docs[0].doc.contents, 'a')), '1');
    assert.deepEqual(problems, [{ message: 'Unknown alias *nope', line: 2, column: 4, severity: 'error' }]);
  });

  it('refuses a billion-laughs document at the alias that multiplies, and reads the next one', () => {
    const problems: ReadProblem[] = [];
    const docs = readYamlDocuments(`${BOMB}---\nok: true\n`, problems);
    assert.deepEqual(docs.map((d) => d.index), [1], 'documents keep their place in the file');
    assert.equal(scalarText(mapGet(docs[0].doc, docs[0].doc.contents, 'ok')), 'true');
    assert.equal(problems.length, 1);
    assert.match(problems[0].message, /^Too many nested aliases .*document 1 was not read$/);
    assert.equal(problems[0].line, 3);
  });

  it('reports syntax errors and warnings, and never throws', () => {
    const problems: ReadProblem[] = [];
    const docs = readYamlDocuments('a: !!js/function "x"\nb: [1, 2\n', problems);
    assert.equal(docs.length, 1, 'a broken document is returned for the reader to judge');
    assert.ok(problems.some((p) => p.severity === 'error'));
    assert.ok(problems.some((p) => p.severity === 'warning' && /!!js\/function/.test(p.message)));
    for (const text of ['', '\u0000\u0001', '[[[[', '*', undefined as unknown as string]) assert.doesNotThrow(() => readYamlDocuments(text, []));
  });

  it('gives the same alias rule to pipeline, container and hygiene files', () => {
    for (const problems of [parseGitlabCi('.gitlab-ci.yml', BOMB).problems, parseCompose('compose.yaml', BOMB).problems, parseDependabot('.github/dependabot.yml', BOMB).problems]) {
      assert.deepEqual(problems.map((p) => [p.severity, p.line, /Too many nested aliases/.test(p.message)]), [['error', 3, true]]);
    }
  });
});
