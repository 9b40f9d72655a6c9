// Shapes of hostile input found by the adversarial run (issue 17): encodings, wide maps, long
// ignore patterns, deep nesting. Each is read correctly or refused with a note naming the line,
// and the rest of the file and workspace is still read.
import * as assert from 'node:assert/strict';
import { decodeText } from '../../src/core/fs';
import { MAX_PATTERN_LENGTH, MAX_PATTERNS_PER_FILE, parseIgnoreFile, ruleMatches } from '../../src/core/scan/discover/ignore';
import { scanFolder } from '../../src/core/scan/folderScan';
import { ScanResult } from '../../src/core/scan/result';
import { MemoryFileSystem } from './memoryFs';
import { bundled } from './scanHelpers';

async function scan(files: Record<string, string | Uint8Array>): Promise<ScanResult> {
  const { model, data } = bundled();
  return (await scanFolder(new MemoryFileSystem(files), '/ws', model, data)).result;
}

function evidenceIn(r: ScanResult, probe: string, file: string): number[] {
  return (r.probes.find((p) => p.id === probe)?.evidence ?? []).filter((e) => e.loc.path === file).map((e) => e.loc.line);
}

function utf16(text: string, bigEndian: boolean): Uint8Array {
  const out = new Uint8Array(2 + text.length * 2);
  out.set(bigEndian ? [0xfe, 0xff] : [0xff, 0xfe]);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out[2 + i * 2 + (bigEndian ? 1 : 0)] = c & 0xff;
    out[2 + i * 2 + (bigEndian ? 0 : 1)] = c >> 8;
  }
  return out;
}

const WORKFLOW = 'on: [push]\njobs:\n  scan:\n    runs-on: ubuntu-latest\n    steps:\n      - run: gitleaks detect --source .\n';

describe('hostile shapes', function () {
  this.timeout(120_000);

  describe('encodings and line endings', () => {
    it('UTF-16 with a BOM (little and big endian) is decoded, not called binary', async () => {
      assert.deepEqual(decodeText(utf16('a: 1\n', false)), { text: 'a: 1\n' });
      assert.deepEqual(decodeText(utf16('a: é\n', true)), { text: 'a: é\n' });
      const r = await scan({ '.github/workflows/le.yml': utf16(WORKFLOW, false), '.github/workflows/be.yml': utf16(WORKFLOW, true) });
      for (const f of ['.github/workflows/le.yml', '.github/workflows/be.yml']) {
        assert.deepEqual(r.files.find((x) => x.path === f)?.problems, [], f);
        assert.deepEqual(evidenceIn(r, 'secret-scan', f), [6], f);
      }
      // NUL bytes without a BOM are still binary.
      assert.deepEqual(decodeText(new Uint8Array([0x61, 0, 0x62])), { error: 'binary file (contains NUL bytes)' });
    });

    it('CR-only line endings: read as lines, no spurious errors, right line numbers', async () => {
      assert.deepEqual(decodeText(new TextEncoder().encode('a\rb\r\nc')), { text: 'a\nb\r\nc' });
      const r = await scan({ '.github/workflows/mac.yml': WORKFLOW.replace(/\n/g, '\r'), Dockerfile: 'FROM alpine:3.20\rRUN apk add trivy\rUSER app\r' });
      assert.deepEqual(r.files.find((x) => x.path === '.github/workflows/mac.yml')?.problems, []);
      assert.deepEqual(evidenceIn(r, 'secret-scan', '.github/workflows/mac.yml'), [6]);
      assert.deepEqual(r.files.find((x) => x.path === 'Dockerfile')?.problems, []);
    });
  });

  describe('wide maps and long ignore patterns: linear time', () => {
    it('a compose file with 40k services and a workflow with 87k jobs are parsed, duplicates still reported', async () => {
      let compose = 'services:\n';
      for (let i = 0; i < 40_000; i++) compose += `  s${i}:\n    image: a\n`;
      let workflow = 'on: push\njobs:\n';
      for (let i = 0; i < 87_000; i++) workflow += ` j${i.toString(36)}: {}\n`;
      workflow += ' j0: {}\n';
      // The quadratic passes took minutes here (past the test's timeout); npm run bench has the figures.
      const r = await scan({ 'compose.yaml': compose, '.github/workflows/wide.yml': workflow });
      assert.deepEqual(r.files.find((f) => f.path === 'compose.yaml')?.problems, []);
      const dup = r.files.find((f) => f.path === '.github/workflows/wide.yml')?.problems.filter((p) => p.message === 'Map keys must be unique');
      assert.deepEqual(dup?.map((p) => p.line), [87_003]);
    });

    it('a 90 KB `**/**/…/q` pattern is collapsed and matches as git does; caps leave a note', async () => {
      const chain = '**/'.repeat(30_000) + 'q';
      const rules = parseIgnoreFile('**/'.repeat(1300) + 'q\n');
      assert.equal(rules.length, 1);
      assert.ok(ruleMatches(rules[0], 'q', false));
      assert.ok(ruleMatches(rules[0], 'a/b/c/q', false));
      assert.ok(!ruleMatches(rules[0], 'a/b/c/x', false));
      const notes: string[] = [];
      const many = Array.from({ length: MAX_PATTERNS_PER_FILE + 5 }, (_, i) => `f${i}`).join('\n');
      parseIgnoreFile(`${chain}\n${many}\n`, '', { notes });
      assert.deepEqual(notes, [
        `1 pattern(s) longer than ${MAX_PATTERN_LENGTH} characters not used (first on line 1)`,
        `only the first ${MAX_PATTERNS_PER_FILE} patterns are used; 5 more not used`,
      ]);
      const r = await scan({ '.gitignore': `${chain}\n`, Dockerfile: 'FROM alpine\n' });
      assert.deepEqual(r.files.find((f) => f.path === '.gitignore')?.problems.map((p) => p.message), [`1 pattern(s) longer than ${MAX_PATTERN_LENGTH} characters not used (first on line 1)`]);
    });

    it('a .gitignore over 1 MiB is not read, with a note', async () => {
      const r = await scan({ '.gitignore': 'x\n'.repeat(600_000), Dockerfile: 'FROM alpine\n' });
      assert.match(r.files.find((f) => f.path === '.gitignore')?.problems[0].message ?? '', /^not read: larger than 1 MiB \(1\.1 MiB\); its patterns do not apply$/);
    });
  });

  describe('deep nesting in Groovy and shell: a note naming the line, the rest still read', () => {
    /** `echo "$("$(…$(inner)…")")"`: command substitutions `n` deep. */
    const nested = (n: number, inner: string) => `echo "${'$("'.repeat(n - 1)}$(${inner})${'")'.repeat(n - 1)}"`;
    const problems = (r: ScanResult, path: string) => (r.files.find((f) => f.path === path)?.problems ?? []).map((p) => `${p.line}: ${p.message}`);
    const deepNote = (line: number, depth: number) => `${line}: Command substitutions nested ${depth} levels deep: the commands nested deeper than 10 levels are not analysed`;

    it('`"$(` nested 4000 deep in a workflow run: a note on its line; its own command and the next step are read', async () => {
      const path = '.github/workflows/deep.yml';
      const r = await scan({ [path]: `on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: gitleaks detect && ${nested(4000, 'id')}\n      - run: trivy image app\n` });
      assert.deepEqual(problems(r, path), [deepNote(6, 4000)]);
      assert.deepEqual(evidenceIn(r, 'secret-scan', path), [6]);
      assert.deepEqual(evidenceIn(r, 'image-scan', path), [7]);
    });

    it('`"$(` nested 4000 deep in a Dockerfile RUN: a note; the line is read (its curl | sh is found), so is the next RUN', async () => {
      const r = await scan({ Dockerfile: `FROM alpine:3.19\nRUN curl -fsSL https://get.example.com/i.sh | sh && ${nested(4000, 'id')}\nRUN wget -qO- https://get.example.com/j.sh | sh\nUSER app\n` });
      assert.deepEqual(problems(r, 'Dockerfile'), [deepNote(2, 4000)]);
      assert.deepEqual(r.findings.filter((f) => f.code === 'pipe-to-shell' && f.loc.path === 'Dockerfile').map((f) => f.loc.line), [2, 3]);
    });

    it('a Jenkins GString nested 8000 deep is read without error, and the rest of the Jenkinsfile too', async () => {
      const gstring = `"${'${"'.repeat(8000)}x${'"}'.repeat(8000)}"`;
      const text = `pipeline {\n  agent any\n  stages {\n    stage('scan') {\n      steps {\n        sh ${gstring}\n        sh 'gitleaks detect && ${nested(4000, 'id')}'\n        sh "trivy image app"\n      }\n    }\n  }\n}\n`;
      const r = await scan({ Jenkinsfile: text });
      assert.deepEqual(problems(r, 'Jenkinsfile'), [deepNote(7, 4000)]);
      assert.deepEqual(evidenceIn(r, 'secret-scan', 'Jenkinsfile'), [7]);
      assert.deepEqual(evidenceIn(r, 'image-scan', 'Jenkinsfile'), [8]);
    });

    it('only the first five deep lines of a file are named; the rest are counted in one note', async () => {
      const steps = Array.from({ length: 8 }, () => `      - run: ${nested(20, 'id')}\n`).join('');
      const path = '.github/workflows/many.yml';
      const r = await scan({ [path]: `on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n${steps}` });
      assert.deepEqual(problems(r, path), [6, 7, 8, 9, 10].map((l) => deepNote(l, 20)).concat('11: 3 more lines nest command substitutions deeper than 10 levels (not analysed beyond that)'));
    });
  });
});
