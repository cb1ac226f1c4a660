/**
 * Hostile input to the Word and web readers: deep nesting, stray tags, zip
 * bombs (honest and lying headers). Each is read in linear time without
 * overflowing the stack, or refused with one problem naming the file.
 */
import fc from 'fast-check';
import { Parser } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { convertHtml, MAX_HTML_DEPTH, topFirstStack } from '../src/html.js';
import { readReport } from '../src/index.js';
import { checkDocxZip, MAX_DOCX_DEPTH, MAX_DOCX_XML_BYTES } from '../src/zip-check.js';
import { scaling } from './support/scaling.js';
import { docx, wp } from './support/zip.js';

const PARA = '2023年，县司法局全年共办理行政复议案件106件，办结90件，法治政府建设取得新成效。';
const utf8 = (s: string) => new TextEncoder().encode(s);

function nested(n: number, open = '<div>', close = '</div>'): string {
  return `<html><body>${open.repeat(n)}<p>${PARA}</p>${close.repeat(n)}</body></html>`;
}

describe('web pages: deep and broken nesting', () => {
  it('reads a page with 5,000 nested elements (the stack overflowed before) and one with 200,000, saying it is deep', async () => {
    for (const n of [5000, 200_000]) {
      const read = await readReport(utf8(nested(n)), { name: 'deep.html' });
      expect(read.ok).toBe(true);
      if (!read.ok) continue;
      expect(read.text).toContain(PARA);
      expect(read.notice?.id).toBe('htmlTooDeep');
      expect(read.notice?.data['limit']).toBe(MAX_HTML_DEPTH);
    }
    const shallow = await readReport(utf8(nested(10)), { name: 'ok.html' });
    expect(shallow.ok && shallow.notice).toBeFalsy();
  });

  it('reads unclosed elements, stray closing tags and tables nested in tables', async () => {
    const shapes = [
      `<html><body>${'<b>'.repeat(50_000)}<p>${PARA}</p>`,
      `<html><body>${'<div>'.repeat(20_000)}<p>${PARA}</p>${'</span>'.repeat(20_000)}`,
      `<html><body>${'<table><tr><td>'.repeat(5000)}<p>${PARA}</p>`,
      `<html><body><p>${PARA}</p>${'<svg><math>'.repeat(5000)}`,
    ];
    for (const html of shapes) {
      const read = await readReport(utf8(html), { name: 'page.html' });
      expect(read.ok, html.slice(0, 40)).toBe(true);
      if (read.ok) expect(read.text).toContain(PARA);
    }
  });

  it('keeps htmlparser2 elements in the order its own stack gives (the O(1) stack answers the same)', () => {
    const tags = ['div', 'p', 'li', 'ul', 'table', 'tr', 'td', 'th', 'b', 'span', 'br', 'h2', 'select', 'option', 'svg', 'math', 'title', 'dd', 'dt'];
    const token = fc.oneof(
      fc.constantFrom(...tags).map((t) => `<${t}>`),
      fc.constantFrom(...tags).map((t) => `</${t}>`),
      fc.constantFrom(...tags).map((t) => `<${t}/>`),
      fc.constantFrom('text', '报告', ' ', '&amp;', '<!-- c -->'),
    );
    const events = (html: string, patched: boolean): string[] => {
      const out: string[] = [];
      const parser = new Parser(
        {
          onopentag: (name) => out.push(`<${name}`),
          onclosetag: (name, implied) => out.push(`${name}${implied ? '?' : ''}>`),
          ontext: (text) => out.push(text),
        },
        { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true, recognizeSelfClosing: true },
      );
      if (patched) {
        const internals = parser as unknown as { stack: string[]; foreignContext: boolean[] };
        internals.stack = topFirstStack<string>();
        internals.foreignContext = topFirstStack<boolean>([...internals.foreignContext]);
      }
      parser.write(html);
      parser.end();
      return out;
    };
    fc.assert(
      fc.property(fc.array(token, { maxLength: 60 }), (parts) => {
        const html = parts.join('');
        expect(events(html, true)).toEqual(events(html, false));
      }),
      { numRuns: 500, seed: 16 },
    );
  });

  it('scales linearly in the nesting depth and in stray tags (8× input, at most 24× time)', () => {
    const read = (html: Uint8Array) => convertHtml(html);
    // Sizes where the small run takes tens of milliseconds and the large one stays under the 10 MB cap.
    const shapes: [string, (n: number) => Uint8Array, number][] = [
      ['nested divs', (n) => utf8(nested(n)), 16_000],
      ['stray closing tags', (n) => utf8(`<html><body>${'<div>'.repeat(n)}<p>${PARA}</p>${'</span>'.repeat(n)}`), 16_000],
      ['nested tables', (n) => utf8(`<html><body>${'<table><tr><td>'.repeat(n)}<p>${PARA}</p>`), 8000],
      ['table rows', (n) => utf8(`<html><body><table>${`<tr><td>${PARA}</td><td>1</td></tr>`.repeat(n)}</table>`), 4000],
    ];
    for (const [name, make, n] of shapes) {
      const { ratio, small, large } = scaling(make, read, n);
      expect(ratio, `${name}: ${small.toFixed(1)} ms → ${large.toFixed(1)} ms`).toBeLessThanOrEqual(24);
    }
  });
});

describe('Word documents: zip bombs and deep nesting are refused before mammoth reads them', () => {
  it('reads a normal document', async () => {
    const read = await readReport(docx(wp(PARA).repeat(20)), { name: 'ok.docx' });
    expect(read.ok).toBe(true);
  });

  it(`refuses XML over ${MAX_DOCX_XML_BYTES / 1024 / 1024} MiB once inflated, whatever the zip's headers say`, async () => {
    const huge = wp('a'.repeat(MAX_DOCX_XML_BYTES + 1024));
    for (const bytes of [docx(huge), docx(huge, { 'word/document.xml': 1000 })]) {
      expect(bytes.length).toBeLessThan(100_000);
      const read = await readReport(bytes, { name: 'bomb.docx' });
      expect(read).toMatchObject({ ok: false, problem: { id: 'docxTooLarge', data: { path: 'bomb.docx' }, level: 'error' } });
    }
  });

  it(`refuses elements nested more than ${MAX_DOCX_DEPTH} deep, and reads ${MAX_DOCX_DEPTH / 4} levels`, async () => {
    const deep = (n: number) => docx(`${'<w:sdt><w:sdtContent>'.repeat(n)}${wp(PARA)}${'</w:sdtContent></w:sdt>'.repeat(n)}`);
    expect(await readReport(deep(MAX_DOCX_DEPTH), { name: 'deep.docx' })).toMatchObject({ ok: false, problem: { id: 'docxTooDeep' } });
    const fine = await readReport(deep(MAX_DOCX_DEPTH / 8), { name: 'ok.docx' });
    expect(fine.ok && fine.text).toContain(PARA);
  });

  it('counts depth as XML does: self-closing tags, declarations, comments, CDATA and quoted attributes open nothing', async () => {
    const tricky = docx(`<!-- <a><b><c> -->${'<w:p a="/>" b=\'<\'><w:br/><![CDATA[<x><y>]]><?pi <z>?>'.repeat(1)}${wp(PARA)}</w:p>`);
    // w:document > w:body > w:p > w:p > w:r > w:t: six levels, whatever the comment, CDATA and attributes hold.
    expect(await checkDocxZip(tricky, { maxDepth: 6 })).toEqual({ ok: true });
    expect(await checkDocxZip(tricky, { maxDepth: 5 })).toMatchObject({ ok: false, reason: 'too-deep' });
  });

  it('leaves bytes that are not a zip to mammoth (which says the file is not a Word document)', async () => {
    expect(await checkDocxZip(utf8('not a zip'))).toEqual({ ok: 'unknown' });
    expect(await readReport(utf8('not a zip'), { name: 'x.docx' })).toMatchObject({ ok: false, problem: { id: 'notDocx' } });
  });
});
