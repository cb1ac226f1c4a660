import type { Diagnostic } from '@fzlint/rule-api';

/** Counts of a list of diagnostics, as `LintResult` carries them (a module of its own: the suppressions and the CLI need it without the engine). */
export function countDiagnostics(diagnostics: readonly Diagnostic[]): {
  errorCount: number;
  warningCount: number;
  infoCount: number;
  fixableErrorCount: number;
  fixableWarningCount: number;
} {
  let errorCount = 0;
  let warningCount = 0;
  let infoCount = 0;
  let fixableErrorCount = 0;
  let fixableWarningCount = 0;
  for (const d of diagnostics) {
    if (d.severity === 'error') {
      errorCount++;
      if (d.fix) fixableErrorCount++;
    } else if (d.severity === 'warn') {
      warningCount++;
      if (d.fix) fixableWarningCount++;
    } else {
      infoCount++;
    }
  }
  return { errorCount, warningCount, infoCount, fixableErrorCount, fixableWarningCount };
}
