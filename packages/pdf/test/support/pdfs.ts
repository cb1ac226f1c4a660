/** Small PDFs written byte by byte for tests (no binary fixture checked in). */

/** A one-page PDF with no text at all: what a scanner's image-only page amounts to for the text layer. */
export function scannedPdf(): Uint8Array {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>',
    '<< /Length 35 >>\nstream\n0.5 g 50 50 495 742 re f\nendstream',
  ];
  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(pdf.length);
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(pdf);
}

/** A line of text placed on a page (PDF units: points from the bottom left). */
export interface PlacedLine {
  readonly text: string;
  readonly x: number;
  /** Baseline. */
  readonly y: number;
  /** Font size, default 16. */
  readonly size?: number;
  /** Set in 黑体 (SimHei) instead of the body's 宋体 (STSong-Light). */
  readonly bold?: boolean;
}

function hexUcs2(text: string): string {
  let hex = '';
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0x3f;
    hex += (code > 0xffff ? 0x3f : code).toString(16).padStart(4, '0');
  }
  return hex;
}

/**
 * A text PDF written byte by byte, A4 pages with lines placed where given, in
 * the two fonts Chinese government PDFs use most, not embedded: text in them is
 * read through Adobe's predefined CMaps (UniGB-UCS2-H), as pdf.js reads such
 * files from the offices' older tools. No fixture binary, no Chromium needed.
 */
export function textPdf(pages: readonly (readonly PlacedLine[])[]): Uint8Array {
  const objects: string[] = [];
  const add = (body: string): number => objects.push(body);
  const catalog = add('');
  const pagesObj = add('');
  const font = (base: string): number => {
    const descriptor = add(`<< /Type /FontDescriptor /FontName /${base} /Flags 6 /FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>`);
    const cid = add(
      `<< /Type /Font /Subtype /CIDFontType0 /BaseFont /${base} /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >> /FontDescriptor ${descriptor} 0 R /DW 1000 >>`,
    );
    return add(`<< /Type /Font /Subtype /Type0 /BaseFont /${base} /Encoding /UniGB-UCS2-H /DescendantFonts [${cid} 0 R] >>`);
  };
  const song = font('STSong-Light');
  const hei = font('SimHei');
  const kids: number[] = [];
  for (const lines of pages) {
    const ops = lines
      .map((l) => `BT /${l.bold ? 'F2' : 'F1'} ${l.size ?? 16} Tf ${l.x} ${l.y} Td <${hexUcs2(l.text)}> Tj ET`)
      .join('\n');
    const content = add(`<< /Length ${Buffer.byteLength(ops, 'latin1')} >>\nstream\n${ops}\nendstream`);
    kids.push(add(`<< /Type /Page /Parent ${pagesObj} 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 ${song} 0 R /F2 ${hei} 0 R >> >> /Contents ${content} 0 R >>`));
  }
  objects[catalog - 1] = `<< /Type /Catalog /Pages ${pagesObj} 0 R >>`;
  objects[pagesObj - 1] = `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`;
  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(pdf.length);
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(pdf, 'latin1'));
}

/**
 * A report laid out as an official document in a text PDF (`textPdf`): A4,
 * the title 22pt and centred, headings in 黑体, body paragraphs in 宋体 16pt
 * with a two-character first-line indent, 26 characters a line, 24 lines a
 * page, and a page number `— n —` at the foot of each page. Paragraphs run on
 * across page breaks as they do in print.
 */
export function reportPdf(title: string, paragraphs: readonly { readonly text: string; readonly heading?: number }[]): Uint8Array {
  const LEFT = 90;
  const SIZE = 16;
  const PER_LINE = 26;
  const LINES_PER_PAGE = 24;
  const TOP = 750;
  const LEADING = 28;
  const pages: PlacedLine[][] = [[]];
  let row = 0;
  const place = (line: Omit<PlacedLine, 'y'>): void => {
    if (row === LINES_PER_PAGE) {
      pages.push([]);
      row = 0;
    }
    (pages[pages.length - 1] as PlacedLine[]).push({ ...line, y: TOP - row * LEADING });
    row++;
  };
  const chars = [...title];
  for (let i = 0; i < chars.length; i += 20) {
    const part = chars.slice(i, i + 20).join('');
    place({ text: part, x: 297 - (part.length * 22) / 2, size: 22, bold: true });
  }
  for (const p of paragraphs) {
    const cs = [...p.text];
    let first = true;
    for (let i = 0; i < cs.length; ) {
      const room = first && !p.heading ? PER_LINE - 2 : PER_LINE;
      place({ text: cs.slice(i, i + room).join(''), x: first && !p.heading ? LEFT + 2 * SIZE : LEFT, ...(p.heading ? { bold: true } : {}) });
      i += room;
      first = false;
    }
  }
  pages.forEach((lines, i) => lines.push({ text: `— ${i + 1} —`, x: 280, y: 40, size: 14 }));
  return textPdf(pages);
}
