/**
 * `@fzlint/fuzz`: hostile input for fzlint, as data and checks. The
 * generators (random Unicode, report-vocabulary soup, edited corpus reports,
 * HTML soup), the invariants every lint result must keep, the properties and
 * their runner (`pnpm fuzz`), and the pathological shapes with the n-vs-8n
 * scaling measure (the tests and `pnpm bench`'s pathological-inputs section).
 */
export * from './generators.js';
export * from './invariants.js';
export * from './properties.js';
export * from './shapes.js';
export * from './scaling.js';
