/**
 * `@fzlint/linter/formatters`: what a command-line front needs to print findings by
 * line and column (stylish, GitHub, GitLab) and to count them, without the engine:
 * a warm `--cache` run prints cached results and loads no parser, rule or ontology
 * module. (JSON and SARIF read the text or the rules' metadata: `@fzlint/linter`.)
 */
export { stylish } from './stylish.js';
export { github } from './github.js';
export { gitlab } from './gitlab.js';
export { countDiagnostics } from '../counts.js';
export type { FormattableResult, Formatter, FormatterContext } from './types.js';

/** Whether to colour output: not when `NO_COLOR` is set (https://no-color.org) or the stream is not a terminal. */
export function shouldUseColor(stream: { readonly isTTY?: boolean }, env: Readonly<Record<string, string | undefined>>): boolean {
  if (env['NO_COLOR'] !== undefined && env['NO_COLOR'] !== '') return false;
  if (env['FORCE_COLOR'] !== undefined && env['FORCE_COLOR'] !== '0') return true;
  return stream.isTTY === true;
}
