import { github } from './github.js';
import { gitlab } from './gitlab.js';
import { json } from './json.js';
import { sarif } from './sarif.js';
import { stylish } from './stylish.js';
import type { Formatter } from './types.js';

export { stylish } from './stylish.js';
export { json, jsonChunks, toJsonResults, type JsonMessage, type JsonRelated, type JsonResult } from './json.js';
export { sarif, toSarifLog, artifactUri, SARIF_SCHEMA_URI } from './sarif.js';
export { github, escapeData, escapeProperty } from './github.js';
export { gitlab, toGitlabIssues, fingerprintHash, type GitlabIssue, type GitlabSeverity } from './gitlab.js';
// From the subpath: the index would bring the rules' API (and the catalogue it reads) into the CLI's start.
export { displayWidth, charWidth, padEndDisplay } from '@fzlint/rule-api/width';
export type { FormattableResult, Formatter, FormatterContext } from './types.js';

const FORMATTERS = { stylish, json, sarif, github, gitlab } as const satisfies Record<string, Formatter>;

/** Names `getFormatter` accepts; `stylish` is the default. */
export const formatterNames: readonly string[] = Object.keys(FORMATTERS);

/** The formatter of that name, or undefined for an unknown name (the CLI lists `formatterNames`). */
export function getFormatter(name: string): Formatter | undefined {
  return Object.prototype.hasOwnProperty.call(FORMATTERS, name) ? FORMATTERS[name as keyof typeof FORMATTERS] : undefined;
}

export { shouldUseColor } from './front.js';
