// Shapes of hostile input found by the adversarial run (issue 17): encodings, wide maps, long
// ignore patterns, deep nesting. Each is read correctly or refused with a note naming the line,
// and the rest of the file and workspace is still read.
import * as assert from 'node:assert/strict';
import { decodeText } from '../../src/core/fs';
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
  this.timeout(60_000);

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
});
