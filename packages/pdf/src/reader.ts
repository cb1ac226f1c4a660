/**
 * `pdfReader`: text PDFs as a reader of `@fzlint/input`, so every front end
 * that takes readers (the project API, the CLI, the workbench) reads `.pdf`
 * with one line: `readers: [...DEFAULT_READERS, pdfReader()]`. The PDF's
 * blocks become Markdown with a paragraph map the way Word and web pages do.
 */
import { inputProblem, toMarkdown, type ReadOutcome, type ReportReader } from '@fzlint/input';
import { readPdf, type ReadPdfOptions } from './read.js';

/**
 * The PDF reader. Never throws: a file that is no PDF, an encrypted one, or a
 * scan without a text layer is a failure with the problem saying what to do.
 */
export function pdfReader(options: ReadPdfOptions = {}): ReportReader {
  return {
    format: 'pdf',
    extensions: ['.pdf'],
    read: async (bytes, name): Promise<ReadOutcome> => {
      const outcome = await readPdf(bytes, options);
      if (!outcome.ok) {
        if (outcome.reason === 'encrypted') return { ok: false, problem: inputProblem('pdfEncrypted', { path: name }) };
        if (outcome.reason === 'no-text') return { ok: false, problem: inputProblem('pdfScanned', { path: name }) };
        return { ok: false, problem: inputProblem('notPdf', { path: name, detail: outcome.detail }) };
      }
      const converted = toMarkdown(outcome.blocks, 'pdf');
      if (converted.paragraphs === 0) return { ok: false, problem: inputProblem('pdfScanned', { path: name }) };
      return { ok: true, text: converted.markdown, format: 'markdown', encoding: 'utf8', sourceMap: converted.map };
    },
  };
}
