export * from './model.js';
export { parse } from './parse.js';
export { reparse, type TextEdit } from './incremental.js';
export { createLineIndex } from './positions.js';
export { normalizeTitle } from './references.js';
