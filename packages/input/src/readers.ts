/**
 * Readers turn a file's bytes into the text fzlint lints, one reader per kind
 * of file, chosen by extension. The Word and web readers load their converters
 * (mammoth, an HTML parser) on first use, so a Markdown run never loads them.
 *
 * A reader for another kind of file is a plain object; pass the list wherever
 * readers are taken (`readReport`, `createFzlint({ readers })`):
 *
 * ```ts
 * const pdfReader: ReportReader = {
 *   format: 'pdf',
 *   extensions: ['.pdf'],
 *   read: async (bytes, name) => ({ ok: true, ...(await pdfToMarkdown(bytes)), format: 'markdown', encoding: 'utf8' }),
 * };
 * const readers = [...DEFAULT_READERS, pdfReader];
 * ```
 */
import type { ConvertOutcome } from './blocks.js';
import { baseName, extensionOf, isLockFileName, MAX_REPORT_BYTES, textFormatOf, type TextEncoding, type TextFormat } from './constants.js';
import { decodeText } from './decode.js';
import { inputProblem, type InputProblem } from './messages.js';
import type { SourceMap } from './source-map.js';

/** A report read into text. */
export interface ReadText {
  readonly ok: true;
  /** The text to lint (Markdown for converted input). */
  readonly text: string;
  /** How to parse it. */
  readonly format: TextFormat;
  /** How the bytes were decoded (`utf8` for converted input, which is never written back). */
  readonly encoding: TextEncoding;
  /**
   * For converted input (Word, web pages, a plugged-in reader's format): maps each
   * line of `text` to its source paragraph, the position findings are reported at.
   */
  readonly sourceMap?: SourceMap;
  /** A warning worth telling the user (the file was GBK or UTF-16, not UTF-8). */
  readonly notice?: InputProblem;
}

/** A report that could not be read, and the one-line problem saying why. */
export interface ReadFailure {
  readonly ok: false;
  readonly problem: InputProblem;
}

/** The outcome of reading one report. */
export type ReadOutcome = ReadText | ReadFailure;

/** Reads one kind of file. */
export interface ReportReader {
  /** The kind's name: `text`, `docx`, `html`, or a plugged-in one (`pdf`); also `SourceMap.kind`. */
  readonly format: string;
  /** Extensions it reads, lower case with the dot; a folder walk picks up files with these. */
  readonly extensions: readonly string[];
  /**
   * Turns bytes into text. `name` is the file as the user knows it (problems name it).
   * Never throws: a file it cannot read is a `ReadFailure`.
   */
  read(bytes: Uint8Array, name: string): Promise<ReadOutcome>;
  /**
   * How another thread gets the same reader (a reader object cannot cross to a
   * worker): `(await import(module))[factory]()`. With it, the project API of
   * `@fzlint/linter/node` converts this kind of file in its guarded thread,
   * under the memory budget, as it does Word and web files.
   */
  readonly thread?: { readonly module: string; readonly factory: string };
}

/** Markdown and plain text: UTF-8 (BOM or not), UTF-16 by BOM, GBK by sniffing. */
export const textReader: ReportReader = {
  format: 'text',
  extensions: ['.md', '.markdown', '.txt'],
  read: (bytes, name) => Promise.resolve(readText(bytes, name)),
};

/** Decodes a text report (the synchronous heart of {@link textReader}). */
export function readText(bytes: Uint8Array, name: string): ReadOutcome {
  const decoded = decodeText(bytes);
  if (!decoded.ok) return { ok: false, problem: inputProblem(decoded.reason, { path: name }) };
  if (decoded.text.trim() === '') return { ok: false, problem: inputProblem('empty', { path: name }, 'warning') };
  const notice = encodingNotice(decoded.encoding, name);
  return { ok: true, text: decoded.text, format: textFormatOf(name), encoding: decoded.encoding, ...(notice ? { notice } : {}) };
}

/** The warning worth giving for a text read in an encoding other than UTF-8 (save it as UTF-8), or undefined. */
export function encodingNotice(encoding: TextEncoding, name: string): InputProblem | undefined {
  if (encoding === 'gbk') return inputProblem('gbk', { path: name }, 'warning');
  if (encoding === 'utf16le' || encoding === 'utf16be') return inputProblem('utf16', { path: name }, 'warning');
  return undefined;
}

function converted(outcome: ConvertOutcome, name: string, empty: 'empty' | 'htmlNoText'): ReadOutcome {
  if (outcome.ok) {
    const notice = outcome.deeperThan !== undefined ? inputProblem('htmlTooDeep', { path: name, limit: outcome.deeperThan }, 'warning') : undefined;
    return { ok: true, text: outcome.converted.markdown, format: 'markdown', encoding: 'utf8', sourceMap: outcome.converted.map, ...(notice ? { notice } : {}) };
  }
  switch (outcome.reason) {
    case 'not-docx':
      return { ok: false, problem: inputProblem('notDocx', { path: name, detail: outcome.detail }) };
    case 'too-large':
      return { ok: false, problem: inputProblem('docxTooLarge', { path: name, limit: outcome.limit ?? 0 }) };
    case 'too-deep':
      return { ok: false, problem: inputProblem('docxTooDeep', { path: name, limit: outcome.limit ?? 0 }) };
    default:
      return { ok: false, problem: inputProblem(empty, { path: name }, 'warning') };
  }
}

/** Word documents (`.docx`): mammoth, with heading styles and enumerated paragraphs as sections. */
export const docxReader: ReportReader = {
  format: 'docx',
  extensions: ['.docx'],
  read: async (bytes, name) => {
    const { convertDocx } = await import('./docx.js');
    return converted(await convertDocx(bytes), name, 'empty');
  },
};

/** Web pages saved from a government website (`.html`, `.htm`): the body, and the page's date metadata. */
export const htmlReader: ReportReader = {
  format: 'html',
  extensions: ['.html', '.htm', '.xhtml'],
  read: async (bytes, name) => {
    const { convertHtml } = await import('./html.js');
    return converted(convertHtml(bytes), name, 'htmlNoText');
  },
};

/** The built-in readers: text, Word, web pages. */
export const DEFAULT_READERS: readonly ReportReader[] = [textReader, docxReader, htmlReader];

/** Every extension the readers read (the extensions a folder walk picks up). */
export function reportExtensions(readers: readonly ReportReader[] = DEFAULT_READERS): string[] {
  const out: string[] = [];
  for (const r of readers) for (const ext of r.extensions) if (!out.includes(ext)) out.push(ext);
  return out;
}

/** The extensions of the built-in readers: `.md`, `.markdown`, `.txt`, `.docx`, `.html`, `.htm`, `.xhtml`. */
export const REPORT_EXTENSIONS: readonly string[] = reportExtensions(DEFAULT_READERS);

/**
 * The reader of a file: the last reader listing its extension (so a plugged-in
 * reader can replace a built-in one), else the text reader (a file named
 * explicitly is read as text whatever its extension).
 */
export function readerFor(name: string, readers: readonly ReportReader[] = DEFAULT_READERS): ReportReader {
  const ext = extensionOf(name);
  for (let i = readers.length - 1; i >= 0; i--) {
    const r = readers[i] as ReportReader;
    if (ext !== '' && r.extensions.includes(ext)) return r;
  }
  return readers.find((r) => r.format === 'text') ?? textReader;
}

/** Whether a file is read through conversion (not as text): its findings are at paragraphs and `--fix` leaves it alone. */
export function isConvertedName(name: string, readers: readonly ReportReader[] = DEFAULT_READERS): boolean {
  return readerFor(name, readers).format !== 'text';
}

/** Whether a folder walk takes a file of this name as a report (a reader's extension, not a Word lock file). */
export function isReportFileName(name: string, readers: readonly ReportReader[] = DEFAULT_READERS): boolean {
  const base = baseName(name);
  if (isLockFileName(base)) return false;
  const ext = extensionOf(base);
  return ext !== '' && readers.some((r) => r.extensions.includes(ext));
}

/** Options of {@link readReport}. */
export interface ReadReportOptions {
  /** The file's name or path as the user knows it: picks the reader by extension, and problems name it. */
  readonly name: string;
  /** The readers to choose from (default: {@link DEFAULT_READERS}). */
  readonly readers?: readonly ReportReader[];
  /** Bytes above this are not read (default {@link MAX_REPORT_BYTES}). */
  readonly maxBytes?: number;
}

/** The `tooLarge` problem of a file of `size` bytes. */
export function tooLargeProblem(name: string, size: number): InputProblem {
  return inputProblem('tooLarge', { path: name, size: (size / (1024 * 1024)).toFixed(1) });
}

/**
 * Reads a report's bytes: over the size cap, empty, binary, in an unknown
 * encoding or not convertible are one-line problems; else the text to lint,
 * how to parse it, how it was encoded and, for converted input, the map back
 * to its paragraphs. Never throws. Runs in a browser as well as in Node.
 */
export async function readReport(bytes: Uint8Array, options: ReadReportOptions): Promise<ReadOutcome> {
  const { name } = options;
  if (bytes.length > (options.maxBytes ?? MAX_REPORT_BYTES)) return { ok: false, problem: tooLargeProblem(name, bytes.length) };
  if (bytes.length === 0) return { ok: false, problem: inputProblem('empty', { path: name }, 'warning') };
  const reader = readerFor(name, options.readers);
  try {
    return await reader.read(bytes, name);
  } catch (error) {
    // A reader must not take the run down: a plugged-in one that throws is one file's problem.
    const detail = error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
    return { ok: false, problem: inputProblem('readFailed', { path: name, detail }) };
  }
}
