export * from './concepts.js';
export * from './headings.js';
export * from './numbers.js';
export * from './metrics.js';
export * from './style.js';
export * from './catalogue/types.js';
export { builtinCatalogue } from './catalogue/entries.js';
export * from './continuity.js';
