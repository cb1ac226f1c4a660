export * from './model.js';
export { formatOf, parse } from './parse.js';
export { documentInputLimits, reparse, type TextEdit } from './incremental.js';
export { createLineIndex, editedLineStarts, lineOf, readLineStarts } from './lines.js';
export { normalizeTitle } from './references.js';
export { changedSpan, fold, holdsUnit, isSpace, readText, REGEXP_SPACE_CODES, type ChangedSpan, type Fold } from './text.js';
export { WordsByFirstUnit } from './words-by-first-unit.js';
export { markdownInputLimits } from './markdown.js';
export { MAX_CONTAINER_DEPTH, MAX_LAZY_QUOTE_LINES, MAX_LINE_MARKERS, type InputLimit } from './markdown-guard.js';
