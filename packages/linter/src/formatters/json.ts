import type { Diagnostic } from '@fzlint/rule-api';
import type { FormattableResult, FormatterContext } from './types.js';

/** One message of ESLint's JSON shape, with fzlint's own severity beside the numeric one. */
export interface JsonMessage {
  readonly ruleId: string;
  /** 2 for errors; 1 for warnings and infos (ESLint has no info level). */
  readonly severity: 1 | 2;
  readonly fzlintSeverity: Diagnostic['severity'];
  readonly message: string;
  readonly messageId: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly fatal?: true;
  readonly fix?: { readonly range: readonly [number, number]; readonly text: string };
  readonly suggestions?: readonly { readonly desc: string; readonly fix: { readonly range: readonly [number, number]; readonly text: string } }[];
  readonly docsUrl: string;
}

/** One file of ESLint's JSON shape. */
export interface JsonResult {
  readonly filePath: string;
  readonly messages: readonly JsonMessage[];
  readonly suppressedMessages: readonly never[];
  readonly errorCount: number;
  readonly fatalErrorCount: number;
  readonly warningCount: number;
  readonly fixableErrorCount: number;
  readonly fixableWarningCount: number;
  /** fzlint's infos (also counted in `warningCount`, as their severity is 1). */
  readonly infoCount: number;
  readonly source?: string;
  readonly output?: string;
  readonly usedDeprecatedRules: readonly never[];
}

function toJsonMessage(d: Diagnostic, fatal: boolean): JsonMessage {
  return {
    ruleId: d.ruleId,
    severity: d.severity === 'error' ? 2 : 1,
    fzlintSeverity: d.severity,
    message: d.message,
    messageId: d.messageId,
    line: d.start.line,
    column: d.start.column,
    endLine: d.end.line,
    endColumn: d.end.column,
    ...(fatal ? { fatal: true as const } : {}),
    ...(d.fix ? { fix: { range: [d.fix.range.start, d.fix.range.end] as const, text: d.fix.text } } : {}),
    ...(d.suggestions?.length
      ? {
          suggestions: d.suggestions.map((s) => ({
            desc: s.desc,
            fix: { range: [s.fix.range.start, s.fix.range.end] as const, text: s.fix.text },
          })),
        }
      : {}),
    docsUrl: d.docsUrl,
  };
}

/** The results as ESLint's JSON formatter shapes them (a plain object, before `JSON.stringify`). */
export function toJsonResults(results: readonly FormattableResult[]): JsonResult[] {
  return results.map((r) => {
    const messages = r.diagnostics.map((d) => toJsonMessage(d, r.fatal === true && d.ruleId === 'fzlint/read-error'));
    const errors = messages.filter((m) => m.severity === 2);
    const warnings = messages.filter((m) => m.severity === 1);
    return {
      filePath: r.filePath ?? '<text>',
      messages,
      suppressedMessages: [],
      errorCount: errors.length,
      fatalErrorCount: messages.filter((m) => m.fatal).length,
      warningCount: warnings.length,
      fixableErrorCount: errors.filter((m) => m.fix).length,
      fixableWarningCount: warnings.filter((m) => m.fix).length,
      infoCount: r.infoCount,
      // As ESLint: the source when there are messages and no fixed output, the output when fixed.
      ...(r.output !== undefined ? { output: r.output } : messages.length && !r.fatal ? { source: r.source } : {}),
      usedDeprecatedRules: [],
    };
  });
}

/**
 * ESLint's JSON shape (the CLI's documented `--format json`): an array of `{filePath, messages:[{ruleId,
 * severity, message, line, column, endLine, endColumn, fix?}], errorCount,
 * warningCount, …}`; columns are 1-based UTF-16 code units. fzlint's infos have
 * severity 1 and `"fzlintSeverity": "info"`.
 */
export function json(results: readonly FormattableResult[], _context: FormatterContext = {}): string {
  return JSON.stringify(toJsonResults(results));
}
