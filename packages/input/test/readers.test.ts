import { readdirSync, readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_READERS,
  decodeText,
  inputMessage,
  INPUT_MESSAGES,
  isConvertedName,
  isReportFileName,
  isSkippedDirName,
  MAX_REPORT_BYTES,
  readerFor,
  readReport,
  REPORT_EXTENSIONS,
  reportExtensions,
  textFormatOf,
  type ReportReader,
} from '../src/index.js';

const TEXT = '一、2023年推进法治政府建设的主要举措和成效\n全年共收到行政复议申请106件。\n';
const utf8 = (s: string) => new TextEncoder().encode(s);

describe('readReport on bytes', () => {
  it('reads Markdown and plain text by extension, in UTF-8 with or without a BOM', async () => {
    expect(await readReport(utf8(TEXT), { name: 'a.md' })).toEqual({ ok: true, text: TEXT, format: 'markdown', encoding: 'utf8' });
    expect(await readReport(utf8(TEXT), { name: 'a.txt' })).toEqual({ ok: true, text: TEXT, format: 'plaintext', encoding: 'utf8' });
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(TEXT)]);
    expect(await readReport(bom, { name: 'a.markdown' })).toEqual({ ok: true, text: TEXT, format: 'markdown', encoding: 'utf8-bom' });
  });

  it('reads GBK and UTF-16 with a notice to save as UTF-8', async () => {
    const gbk = await readReport(iconv.encode(TEXT, 'gbk'), { name: 'r.txt' });
    expect(gbk).toMatchObject({ ok: true, text: TEXT, encoding: 'gbk', notice: { id: 'gbk', level: 'warning', data: { path: 'r.txt' } } });
    const le = await readReport(new Uint8Array([0xff, 0xfe, ...iconv.encode(TEXT, 'utf16le')]), { name: 'r.md' });
    expect(le).toMatchObject({ ok: true, text: TEXT, encoding: 'utf16le', notice: { id: 'utf16' } });
  });

  it('refuses what is not a report: too large, empty, blank, binary, unknown encoding', async () => {
    expect(await readReport(utf8('x'.repeat(2048)), { name: 'big.md', maxBytes: 1024 })).toMatchObject({
      ok: false,
      problem: { id: 'tooLarge', level: 'error', data: { path: 'big.md', size: '0.0' } },
    });
    expect(await readReport(new Uint8Array(), { name: 'e.md' })).toMatchObject({ ok: false, problem: { id: 'empty', level: 'warning' } });
    expect(await readReport(utf8(' \n\n'), { name: 'e.md' })).toMatchObject({ ok: false, problem: { id: 'empty' } });
    expect(await readReport(new Uint8Array([0x89, 0x50, 0, 1]), { name: 'p.md' })).toMatchObject({ ok: false, problem: { id: 'binary' } });
    expect(await readReport(new Uint8Array([0x63, 0x61, 0x66, 0xe9]), { name: 'l.md' })).toMatchObject({ ok: false, problem: { id: 'undecodable' } });
  });

  it('converts a saved web page, in GBK too, with the map back to its blocks', async () => {
    const page = '<html><head><meta charset="gb2312"><title>甲县2023年度法治政府建设情况报告</title></head><body><div><h1>甲县2023年度法治政府建设情况报告</h1><p>一、主要举措和成效</p><p>全年共收到行政复议申请106件，审结90件，各项工作取得积极成效。</p></div></body></html>';
    const read = await readReport(iconv.encode(page, 'gbk'), { name: '甲县.html' });
    expect(read).toMatchObject({ ok: true, format: 'markdown', encoding: 'utf8', sourceMap: { kind: 'html' } });
    if (!read.ok) throw new Error('unreachable');
    expect(read.text).toContain('## 一、主要举措和成效');
    expect(read.text).toContain('审结90件');
  });

  it('says a page without report text, and bytes that are not a Word document, in one line each', async () => {
    expect(await readReport(utf8('<html><body><p>首页</p></body></html>'), { name: 'x.htm' })).toMatchObject({ ok: false, problem: { id: 'htmlNoText', level: 'warning' } });
    const notDocx = await readReport(utf8('这不是 Word 文档'), { name: 'x.docx' });
    expect(notDocx).toMatchObject({ ok: false, problem: { id: 'notDocx', level: 'error', data: { path: 'x.docx' } } });
  });
});

describe('readers are pluggable', () => {
  const pdfReader: ReportReader = {
    format: 'pdf',
    extensions: ['.pdf'],
    read: (bytes) =>
      Promise.resolve({
        ok: true,
        text: `# ${new TextDecoder().decode(bytes)}\n`,
        format: 'markdown',
        encoding: 'utf8',
        sourceMap: { kind: 'pdf', paragraphOfLine: [1, 1], columnShift: [2, 0] },
      }),
  };
  const readers = [...DEFAULT_READERS, pdfReader];

  it('a reader added to the list reads its extension, and walks pick the extension up', async () => {
    expect(await readReport(utf8('甲县报告'), { name: 'r.pdf', readers })).toMatchObject({ ok: true, text: '# 甲县报告\n', sourceMap: { kind: 'pdf' } });
    expect(reportExtensions(readers)).toContain('.pdf');
    expect(isReportFileName('docs/r.PDF', readers)).toBe(true);
    expect(isReportFileName('r.pdf')).toBe(false);
    expect(isConvertedName('r.pdf', readers)).toBe(true);
  });

  it('a later reader of an extension replaces an earlier one; unknown extensions are read as text', () => {
    const mine: ReportReader = { ...pdfReader, format: 'mine', extensions: ['.html'] };
    expect(readerFor('a.html', [...DEFAULT_READERS, mine]).format).toBe('mine');
    expect(readerFor('notes.text').format).toBe('text');
    expect(readerFor('<stdin>').format).toBe('text');
  });

  it('a reader that throws is one file’s problem, not a crash', async () => {
    const broken: ReportReader = { format: 'pdf', extensions: ['.pdf'], read: () => Promise.reject(new Error('bad xref\nat 0')) };
    expect(await readReport(utf8('%PDF'), { name: 'r.pdf', readers: [broken] })).toMatchObject({
      ok: false,
      problem: { id: 'readFailed', data: { path: 'r.pdf', detail: 'bad xref' } },
    });
  });
});

describe('the one list', () => {
  it('report extensions, Word lock files, skipped folders, formats and the size cap', () => {
    expect(REPORT_EXTENSIONS).toEqual(['.md', '.markdown', '.txt', '.docx', '.html', '.htm', '.xhtml']);
    expect(isReportFileName('~$报告.docx')).toBe(false);
    expect(isReportFileName('报告.DOCX')).toBe(true);
    expect(isReportFileName('image.png')).toBe(false);
    for (const name of ['node_modules', '.git', '.hg', '.svn', '.turbo', '.cache', '.vscode']) expect(isSkippedDirName(name), name).toBe(true);
    for (const name of ['reports', 'dist', 'build', 'out']) expect(isSkippedDirName(name), name).toBe(false);
    expect(textFormatOf('a.MD')).toBe('markdown');
    expect(textFormatOf('a.txt')).toBe('plaintext');
    expect(textFormatOf(undefined)).toBe('plaintext');
    expect(MAX_REPORT_BYTES).toBe(10 * 1024 * 1024);
  });

  it('every message has both locales and the same placeholders', () => {
    for (const [id, t] of Object.entries(INPUT_MESSAGES)) {
      const names = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
      expect(names(t.en), id).toEqual(names(t['zh-CN']));
    }
    expect(inputMessage({ id: 'gbk', data: { path: 'a.txt' } }, 'en')).toBe('a.txt: not UTF-8, decoded as GBK — save the file as UTF-8');
  });
});

describe('runs in a browser', () => {
  it('no source file imports a Node module (node:…, fs, path, Buffer)', () => {
    // decode.ts finds node:buffer through `getBuiltinModule` when there is one (`node.Buffer.from`), never imports it.
    const dir = new URL('../src/', import.meta.url);
    for (const name of readdirSync(dir)) {
      const text = readFileSync(new URL(name, dir), 'utf8');
      expect(text, name).not.toMatch(/from ['"](?:node:|fs|path|os|crypto|module)['"/]/);
      expect(text, name).not.toMatch(/(?<!\.)\bBuffer\.|\brequire\(|\bprocess\./);
    }
  });

  it('decodes with TextDecoder alone (GB18030 four-byte characters included)', () => {
    const text = '㐀县人民政府报告';
    expect(decodeText(iconv.encode(text, 'gb18030'))).toEqual({ ok: true, text, encoding: 'gbk' });
  });
});
