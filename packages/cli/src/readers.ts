/**
 * The CLI's readers: `@fzlint/input`'s (text, Word, web pages) and text PDFs.
 * pdf.js is large, so `@fzlint/pdf` is loaded on the first `.pdf` met: a run
 * over Markdown files never loads it. (The language server and the adapters
 * keep the built-in readers: an editor has no use for PDFs.)
 */
import { DEFAULT_READERS, type ReportReader } from '@fzlint/input';

let pdfThread: ReportReader['thread'];

/** Text PDFs (`@fzlint/pdf`), loaded on first use. */
export const lazyPdfReader: ReportReader = {
  format: 'pdf',
  extensions: ['.pdf'],
  read: async (bytes, name) => (await import('@fzlint/pdf')).pdfReader().read(bytes, name),
  // PDFs are read in the project API's guarded thread, under the memory budget. Resolved
  // when a PDF is read: resolving a package costs ~4 ms a run over Markdown never needs.
  get thread() {
    return (pdfThread ??= { module: import.meta.resolve('@fzlint/pdf'), factory: 'pdfReader' });
  },
};

/** The readers of every CLI command. */
export const CLI_READERS: readonly ReportReader[] = [...DEFAULT_READERS, lazyPdfReader];
