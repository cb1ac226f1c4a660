/**
 * The readers of the project API: `@fzlint/input`'s (text, Word, web pages)
 * and PDF. pdf.js is large, so the PDF reader loads `@fzlint/pdf` on the first
 * `.pdf` met: a run over Markdown files never loads it.
 */
import { DEFAULT_READERS, type ReportReader } from '@fzlint/input';

/** Text PDFs (`@fzlint/pdf`), loaded on first use. */
export const lazyPdfReader: ReportReader = {
  format: 'pdf',
  extensions: ['.pdf'],
  read: async (bytes, name) => (await import('@fzlint/pdf')).pdfReader().read(bytes, name),
};

/** The project's readers when none are given: the built-in ones and PDF. */
export const PROJECT_READERS: readonly ReportReader[] = [...DEFAULT_READERS, lazyPdfReader];
