/**
 * Bytes of a report → the text fzlint lints, in the browser (and in Node for
 * tests): Markdown and plain text in UTF-8, UTF-16 (with a BOM) or GBK; Word
 * documents and saved web pages (any charset a browser knows) converted to
 * Markdown with a map back to their paragraphs; text PDFs through
 * `@fzlint/pdf`. Decoding uses the platform's `TextDecoder`, which reads GBK
 * (as GB18030) in every browser and in Node with full ICU. One function, so
 * the switch to `@fzlint/input` is one place.
 */
import { readPdf, type CMapSource } from '@fzlint/pdf';
import { DOCX_STYLE_MAP, documentBlocks, pageBlocks, toMarkdown, type SourceBlock, type SourceMap } from './bridge.js';
import { reportKind, type ReportKind } from './kinds.js';

export { reportKind, type ReportKind } from './kinds.js';

/** A report read as text. */
export interface ReadReport {
  readonly ok: true;
  readonly kind: ReportKind;
  /** The text to lint: the file's own text, or Markdown converted from Word, HTML or PDF. */
  readonly text: string;
  readonly format: 'markdown' | 'plaintext';
  /** `utf-8`, `utf-16le`, `gbk` …; for Word and PDF, none. */
  readonly encoding?: string;
  /** For converted input: the Markdown line → source paragraph map. */
  readonly sourceMap?: SourceMap;
}

/** Why a file could not be read. */
export type ReadFailureReason = 'unsupported' | 'empty' | 'binary' | 'undecodable' | 'not-docx' | 'not-pdf' | 'encrypted' | 'scanned' | 'no-text' | 'too-large';

/** A file that gave no text. */
export interface ReadFailure {
  readonly ok: false;
  readonly reason: ReadFailureReason;
  /** A detail for the message (a library's one-line error). */
  readonly detail?: string;
}

/** Files above this size are not reports (the CLI's limit too). */
export const MAX_REPORT_BYTES = 10 * 1024 * 1024;

function decoder(label: string, fatal: boolean): TextDecoder | undefined {
  try {
    return new TextDecoder(label, { fatal });
  } catch {
    return undefined;
  }
}

/**
 * Decodes a text report: a BOM decides (UTF-8, UTF-16 LE/BE); else valid
 * UTF-8; else GBK (GB18030) when the bytes decode cleanly as it. NUL bytes
 * without a UTF-16 BOM mean a binary file.
 */
export function decodeText(bytes: Uint8Array): { ok: true; text: string; encoding: string } | { ok: false; reason: 'binary' | 'undecodable' } {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { ok: true, text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { ok: true, text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  const sniff = Math.min(bytes.length, 8000);
  for (let i = 0; i < sniff; i++) if (bytes[i] === 0) return { ok: false, reason: 'binary' };
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bom ? bytes.subarray(3) : bytes), encoding: 'utf-8' };
  } catch {
    // Not UTF-8: GBK below.
  }
  const gbk = decoder('gb18030', true);
  if (gbk) {
    try {
      return { ok: true, text: gbk.decode(bytes), encoding: 'gbk' };
    } catch {
      // Not GBK either.
    }
  }
  return { ok: false, reason: 'undecodable' };
}

const META_CHARSET = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i;

/** Decodes a saved page: a BOM, else its `<meta charset>`, else UTF-8, else GBK (as a browser does). */
export function decodeHtml(bytes: Uint8Array): { text: string; encoding: string } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  let head = '';
  for (let i = 0; i < Math.min(bytes.length, 4096); i++) head += String.fromCharCode(bytes[i] as number);
  let charset = META_CHARSET.exec(head)?.[1]?.toLowerCase();
  if (charset === 'gb2312' || charset === 'gbk' || charset === 'x-gbk') charset = 'gb18030';
  if (charset && charset !== 'utf-8' && charset !== 'utf8') {
    const d = decoder(charset, false);
    if (d) return { text: d.decode(bytes), encoding: charset === 'gb18030' ? 'gbk' : charset };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: (decoder('gb18030', false) ?? new TextDecoder('utf-8')).decode(bytes), encoding: 'gbk' };
  }
}

function converted(kind: 'docx' | 'html' | 'pdf', blocks: readonly SourceBlock[], encoding?: string): ReadReport | ReadFailure {
  // The paragraph map counts blocks the same way for every converted kind; `html` is its generic label.
  const c = toMarkdown(blocks, kind === 'docx' ? 'docx' : 'html');
  if (c.paragraphs === 0) return { ok: false, reason: 'no-text' };
  return { ok: true, kind, text: c.markdown, format: 'markdown', sourceMap: c.map, ...(encoding ? { encoding } : {}) };
}

/** Options of `readReportBytes`. */
export interface ReadOptions {
  /** Predefined CMaps for PDFs with non-embedded Chinese fonts (the page bundles them). */
  readonly cmaps?: CMapSource;
}

/**
 * Reads one report from its name and bytes. Never throws: a file that gives
 * no text is a failure with its reason.
 */
export async function readReportBytes(name: string, bytes: Uint8Array, options: ReadOptions = {}): Promise<ReadReport | ReadFailure> {
  const kind = reportKind(name);
  if (kind === undefined) return { ok: false, reason: 'unsupported' };
  if (bytes.length === 0) return { ok: false, reason: 'empty' };
  if (bytes.length > MAX_REPORT_BYTES) return { ok: false, reason: 'too-large', detail: (bytes.length / 1048576).toFixed(1) };
  if (kind === 'markdown' || kind === 'text') {
    const d = decodeText(bytes);
    if (!d.ok) return { ok: false, reason: d.reason };
    if (d.text.trim() === '') return { ok: false, reason: 'empty' };
    return { ok: true, kind, text: d.text, format: kind === 'markdown' ? 'markdown' : 'plaintext', encoding: d.encoding };
  }
  if (kind === 'html') {
    const { text, encoding } = decodeHtml(bytes);
    const read = converted('html', pageBlocks(text), encoding);
    // Page metadata alone is not a report.
    if (read.ok && !read.text.split('\n').some((l) => l.startsWith('#') || l.length > 40)) return { ok: false, reason: 'no-text' };
    return read;
  }
  if (kind === 'docx') {
    let html: string;
    try {
      const mod = (await import('mammoth')) as unknown as { default?: typeof import('mammoth') } & typeof import('mammoth');
      const mammoth = mod.default ?? mod;
      const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
      const result = await mammoth.convertToHtml(
        // The browser build of mammoth reads `arrayBuffer`; Node's reads `buffer` (given when there is one).
        typeof Buffer === 'undefined' ? { arrayBuffer: buffer } : { buffer: Buffer.from(buffer) },
        {
          styleMap: [...DOCX_STYLE_MAP],
          ignoreEmptyParagraphs: true,
          convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' })),
        },
      );
      html = result.value;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return { ok: false, reason: 'not-docx', detail: message.split('\n')[0] ?? message };
    }
    return converted('docx', documentBlocks(html));
  }
  const pdf = await readPdf(bytes, options.cmaps ? { cmaps: options.cmaps } : {});
  if (!pdf.ok) {
    const reason = pdf.reason === 'no-text' ? 'scanned' : pdf.reason;
    return { ok: false, reason, detail: pdf.detail };
  }
  return converted('pdf', pdf.blocks);
}
