/**
 * `@fzlint/input`: bytes → the text fzlint lints, with no file system, so the
 * same code runs in the CLI, the language server, the adapters and a browser.
 *
 * - {@link readReport}: a report's bytes → `{ text, format, encoding, sourceMap }`
 *   (Markdown and plain text in UTF-8, UTF-16 or GBK; `.docx`; saved `.html` pages),
 *   or one problem saying why not. Readers are pluggable ({@link ReportReader}).
 * - The one list every front end uses: report extensions, config file names,
 *   the ignore file, skipped folders, the size cap, the encodings.
 * - The messages of the file pipeline ({@link INPUT_MESSAGES}).
 *
 * Encoding text back (for `--fix` on a GBK file) needs Node: see `@fzlint/linter/node`.
 */
export {
  CONFIG_FILE_NAMES,
  DEFAULT_IGNORE_PATTERNS,
  IGNORE_FILE,
  MAX_REPORT_BYTES,
  SKIPPED_DIR_NAMES,
  TEXT_ENCODINGS,
  baseName,
  extensionOf,
  isConfigFileName,
  isLockFileName,
  isSkippedDirName,
  textFormatOf,
  type TextEncoding,
  type TextFormat,
} from './constants.js';
export { decodeText, looksLikeGbk, type DecodeOutcome } from './decode.js';
export { safeGlobPattern } from './glob.js';
export {
  DEFAULT_READERS,
  REPORT_EXTENSIONS,
  docxReader,
  encodingNotice,
  htmlReader,
  isConvertedName,
  isReportFileName,
  readReport,
  readText,
  readerFor,
  reportExtensions,
  textReader,
  tooLargeProblem,
  type ReadFailure,
  type ReadOutcome,
  type ReadReportOptions,
  type ReadText,
  type ReportReader,
} from './readers.js';
export { toSourcePosition, type Position, type SourceMap } from './source-map.js';
export {
  enumeratedLevel,
  looksLikeTitle,
  normalizeText,
  toMarkdown,
  type ConvertOutcome,
  type Converted,
  type SourceBlock,
} from './blocks.js';
export {
  INPUT_MESSAGES,
  inputMessage,
  inputProblem,
  type InputLocale,
  type InputMessageId,
  type InputProblem,
} from './messages.js';
