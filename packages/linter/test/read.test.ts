import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { looksLikeGbk } from '@fzlint/input';
import { decodeReport, encodeReport, readFileBytes, readFileBytesSync, readReportFile, readTextReportFileSync } from '../src/project/read.js';

/** The CLI's former `readReport(path, display, maxBytes)`, now `readReportFile` of the project API. */
const readReport = (path: string, display: string, maxBytes?: number) => readReportFile(path, display, maxBytes !== undefined ? { maxBytes } : {});

const TEXT = '一、2023年推进法治政府建设的主要举措和成效\n全年共收到行政复议申请106件。\n';
let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'fzlint-read-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

async function readBytes(bytes: Uint8Array | string, maxBytes?: number) {
  const path = join(dir, 'f.md');
  writeFileSync(path, bytes);
  return readReport(path, 'f.md', maxBytes);
}

describe('decodeReport', () => {
  it('decodes UTF-8 and drops a BOM', () => {
    expect(decodeReport(Buffer.from(TEXT), 'f')).toEqual({ ok: true, text: TEXT, encoding: 'utf8' });
    const bom = encodeReport(TEXT, 'utf8-bom');
    expect(decodeReport(bom, 'f')).toEqual({ ok: true, text: TEXT, encoding: 'utf8-bom' });
  });

  it('decodes UTF-16 LE and BE with a BOM, with a notice', () => {
    for (const enc of ['utf16le', 'utf16be'] as const) {
      const r = decodeReport(encodeReport(TEXT, enc), 'f.md');
      expect(r).toMatchObject({ ok: true, text: TEXT, encoding: enc, notice: { id: 'utf16', level: 'warning' } });
    }
  });

  it('detects GBK when the bytes are not UTF-8', () => {
    const gbk = iconv.encode(TEXT, 'gbk');
    expect(looksLikeGbk(gbk)).toBe(true);
    const r = decodeReport(gbk, 'f.md');
    expect(r).toMatchObject({ ok: true, text: TEXT, encoding: 'gbk', notice: { id: 'gbk', data: { path: 'f.md' } } });
  });

  it('takes valid UTF-8 as UTF-8 even when it is also GBK-shaped', () => {
    // Cyrillic UTF-8 bytes are valid GBK pairs too; UTF-8 wins, as in every editor.
    expect(decodeReport(Buffer.from('Привет', 'utf8'), 'f')).toMatchObject({ ok: true, text: 'Привет', encoding: 'utf8' });
  });

  it('accepts GB18030 four-byte characters', () => {
    const text = '㐀县人民政府报告'; // U+3400 is four bytes in GB18030
    const bytes = iconv.encode(text, 'gb18030');
    expect(bytes.length).toBeGreaterThan(2 * [...text].length);
    expect(decodeReport(bytes, 'f')).toMatchObject({ ok: true, text, encoding: 'gbk' });
  });

  it('calls NUL bytes binary and stray high bytes undecodable', () => {
    expect(decodeReport(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]), 'f')).toEqual({ ok: false, reason: 'binary' });
    // Latin-1 "café." ends on a lone high byte: neither UTF-8 nor GBK.
    expect(decodeReport(Uint8Array.from([0x63, 0x61, 0x66, 0xe9]), 'f')).toEqual({ ok: false, reason: 'undecodable' });
  });

  it('round-trips every encoding', () => {
    for (const enc of ['utf8', 'utf8-bom', 'utf16le', 'utf16be', 'gbk'] as const) {
      const r = decodeReport(encodeReport(TEXT, enc), 'f');
      expect(r).toMatchObject({ ok: true, text: TEXT, encoding: enc });
    }
  });
});

describe('readReport', () => {
  it('reads a file', async () => {
    expect(await readBytes(TEXT)).toMatchObject({ ok: true, text: TEXT });
  });

  it('skips an empty or blank file with a warning', async () => {
    expect(await readBytes('')).toMatchObject({ ok: false, reason: 'empty', problem: { level: 'warning' } });
    expect(await readBytes(' \n\n')).toMatchObject({ ok: false, reason: 'empty' });
  });

  it('skips a file over the size limit with an error naming its size', async () => {
    const r = await readBytes('x'.repeat(2048), 1024);
    expect(r).toMatchObject({ ok: false, reason: 'too-large', problem: { id: 'tooLarge', level: 'error' } });
  });

  it('reports a vanished file instead of throwing', async () => {
    const r = await readReport(join(dir, 'gone.md'), 'gone.md');
    expect(r).toMatchObject({ ok: false, reason: 'vanished', problem: { id: 'vanished', data: { path: 'gone.md' } } });
  });

  it('reports a binary file', async () => {
    expect(await readBytes(Uint8Array.from([0, 1, 2, 3]))).toMatchObject({ ok: false, reason: 'binary', problem: { level: 'error' } });
  });
});

/** A file to read: its name, its content (or a folder, or nothing there), and the byte cap to read it with. */
type FileCase = [name: string, content: Uint8Array | string | 'dir' | 'none', maxBytes?: number];

/** The reads that fail, which every reader must refuse alike: empty, over the cap, a folder, a missing file. */
const FAILING_FILES: readonly FileCase[] = [
  ['empty.md', ''],
  ['large.md', 'x'.repeat(2048), 1024],
  ['sub', 'dir'],
  ['gone.md', 'none'],
];

/** Puts a case's file in the test folder: its content, a folder (`'dir'`) or nothing (`'none'`); returns its path. */
function placeCase(name: string, content: FileCase[1]): string {
  const path = join(dir, name);
  if (content === 'dir') mkdirSync(path);
  else if (content !== 'none') writeFileSync(path, content);
  return path;
}

describe('readFileBytesSync (a one-file run)', () => {
  it('gives what readFileBytes gives: bytes and metadata, and each failure', async () => {
    const big = 'x'.repeat(200_000);
    const cases: FileCase[] = [['f.md', TEXT], ['big.md', big], ...FAILING_FILES];
    for (const [name, content, maxBytes] of cases) {
      const path = placeCase(name, content);
      const sync = readFileBytesSync(path, name, maxBytes);
      expect(sync).toEqual(await readFileBytes(path, name, maxBytes));
      if (sync.ok) expect(Buffer.from(sync.bytes).toString('utf8')).toBe(content);
    }
  });

  it('reads the same report text through readReportFile', async () => {
    const path = join(dir, 'f.md');
    writeFileSync(path, TEXT);
    expect(await readReportFile(path, 'f.md', { sync: true })).toEqual(await readReportFile(path, 'f.md'));
  });

  it('readTextReportFileSync gives what readReportFile gives for a text report: text, fields and each failure', async () => {
    const cases: FileCase[] = [
      ['f.md', TEXT],
      ['f.txt', TEXT],
      ['bom.md', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEXT)])],
      ['gbk.md', iconv.encode(TEXT, 'gb18030')],
      ['utf16.md', Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(TEXT, 'utf16le')])],
      ['latin1.md', Buffer.from([0x61, 0xe9, 0x62, 0x0a])],
      ['nul.md', Buffer.from([0x61, 0x00, 0x62])],
      ['blank.md', ' \n\n'],
      ...FAILING_FILES,
    ];
    for (const [name, content, maxBytes] of cases) {
      const path = placeCase(name, content);
      for (const scratch of [false, true]) {
        const expected = await readReportFile(path, name, { sync: true, ...(maxBytes !== undefined ? { maxBytes } : {}) });
        const got = readTextReportFileSync(path, name, maxBytes, scratch);
        if (scratch && got.ok && expected.ok) {
          // The reused buffer holds the last read's bytes: compared by the text alone.
          expect({ ...got, bytes: undefined }).toEqual({ ...expected, bytes: undefined });
        } else expect(got).toEqual(expected);
      }
    }
  });

  it('reads exactly the file, at its size, without a buffer twice as large', () => {
    const path = join(dir, 'f.md');
    for (const size of [1, 4095, 4096, 14_000]) {
      writeFileSync(path, 'a'.repeat(size));
      const read = readFileBytesSync(path, 'f.md');
      if (!read.ok) throw new Error('not read');
      expect(read.bytes.length).toBe(size);
      // One byte more than the file, to see its end: not the 2× buffer a grown read makes.
      expect(read.bytes.buffer.byteLength).toBe(size + 1);
    }
  });

  it.skipIf(!existsSync('/proc/self/status'))('reads a file whose size says 0 to its end (/proc), not stopping at a short read', () => {
    const read = readFileBytesSync('/proc/self/status', 'status');
    if (!read.ok) throw new Error('not read');
    const text = Buffer.from(read.bytes).toString('utf8');
    expect(text.startsWith('Name:')).toBe(true);
    // Its last lines, past the first byte a read of `size + 1` asked for.
    expect(text).toMatch(/\nThreads:.*\n[\s\S]*\n$/);
  });

  it('with scratch, reads each text in turn into one reused buffer (a folder run without a cache)', async () => {
    // Sizes up and down across the buffer's first size (64 KB), a GBK file, and one above the reused buffer's 1 MB cap.
    const texts = [TEXT, '法'.repeat(30_000), TEXT.repeat(3), '治'.repeat(350_000), TEXT];
    const buffers = new Set<ArrayBufferLike>();
    for (const [i, text] of texts.entries()) {
      const path = join(dir, `f${i}.md`);
      writeFileSync(path, text);
      const read = readTextReportFileSync(path, `f${i}.md`, undefined, true);
      if (!read.ok) throw new Error('not read');
      expect(read.text).toBe(text);
      // The rest of the outcome as a read into a buffer of its own (bytes not compared: a 1 MB deep compare is slow).
      expect({ ...read, bytes: undefined }).toEqual({ ...(await readReportFile(path, `f${i}.md`)), bytes: undefined });
      if (read.bytes.length < 1 << 20) buffers.add(read.bytes.buffer);
    }
    const gbk = join(dir, 'gbk.md');
    writeFileSync(gbk, iconv.encode(TEXT, 'gb18030'));
    const read = readTextReportFileSync(gbk, 'gbk.md', undefined, true);
    expect(read.ok && read.text).toBe(TEXT);
    expect(read.ok && read.encoding).toBe('gbk');
    // The first buffer (64 KB) and the one the 90 KB file needed: not one per file.
    expect(buffers.size).toBe(2);
  });
});
