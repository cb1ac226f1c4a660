/**
 * Bytes of a report → the text fzlint lints, in the browser (and in Node for
 * tests): `@fzlint/input`'s readers (Markdown and text in UTF-8, UTF-16 or
 * GBK; Word; saved web pages) plus `@fzlint/pdf`'s, the same readers the CLI
 * uses, so a file reads the same on the page as on the command line.
 */
import { DEFAULT_READERS, readReport, reportExtensions, type ReadOutcome, type ReportReader } from '@fzlint/input';
import { pdfReader, type CMapSource } from '@fzlint/pdf';

/** Options of `readReportBytes`. */
export interface ReadOptions {
  /** Predefined CMaps for PDFs with non-embedded Chinese fonts (the page bundles them). */
  readonly cmaps?: CMapSource;
}

/** The page's readers: the built-in ones and PDF. */
export function pageReaders(options: ReadOptions = {}): readonly ReportReader[] {
  return [...DEFAULT_READERS, pdfReader(options.cmaps ? { cmaps: options.cmaps } : {})];
}

/** The extensions the page reads (`.md`, `.txt`, `.docx`, `.html`, `.pdf` …), lower case with the dot. */
export function pageExtensions(): string[] {
  return reportExtensions(pageReaders());
}

/**
 * Reads one report from its name and bytes. Never throws: a file that gives
 * no text is a failure with its problem (worded by `inputMessage`).
 */
export function readReportBytes(name: string, bytes: Uint8Array, options: ReadOptions = {}): Promise<ReadOutcome> {
  return readReport(bytes, { name, readers: pageReaders(options) });
}
