/**
 * `@fzlint/pdf`: reads text PDFs for fzlint. pdf.js extracts the text layer
 * (runs of text with their position, size and font); `./layout.js` rebuilds
 * the paragraphs and headings from that geometry and drops page furniture.
 * The blocks have the shape the Word and web readers give, so a PDF becomes
 * Markdown with a paragraph map the same way. No file system: bytes in, blocks
 * out, in Node and in a browser (or a Web Worker) alike.
 */
export {
  pagesToBlocks,
  pageLines,
  dropFurniture,
  linesToBlocks,
  enumerationLevel,
  isPageNumber,
  type PdfPage,
  type PdfTextRun,
  type PdfLine,
  type SourceBlock,
} from './layout.js';

export { readPdf, type PdfFailure, type PdfOutcome, type CMapSource, type ReadPdfOptions } from './read.js';
export { pdfReader } from './reader.js';
