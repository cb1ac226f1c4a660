/**
 * What must hold for every lint result, whatever the input: ranges inside the
 * text and not splitting a surrogate pair, line/column equal to an independent
 * offset conversion, findings sorted, no rule crash, no `NaN`, `Infinity`,
 * `undefined` or `null` in any message, fixes idempotent. Returns the
 * violations as sentences (empty when all hold) rather than asserting, so the
 * long-run script and the tests share it.
 */
import { lint, type LintOptions, type LintResult } from '@fzlint/linter';
import type { LineColumn } from '@fzlint/parser';
import { compareDiagnostics, type Diagnostic } from '@fzlint/rule-api';
import type { LintCase } from './generators.js';

/**
 * 1-based line and column of an offset, computed on its own (not with the
 * parser's line index): lines end at `\n`, `\r\n` or a lone `\r`, columns
 * count UTF-16 code units.
 */
export function independentPosition(text: string, offset: number): LineColumn {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) {
      line++;
      lineStart = i + 1;
    } else if (c === 13 && i + 1 < offset) {
      // `\r\n`: one break, after the `\n` (an offset on the `\n` is still on this line).
      line++;
      lineStart = i + 2;
      i++;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/** Whether an offset falls between the two halves of a surrogate pair. */
export function splitsSurrogatePair(text: string, offset: number): boolean {
  if (offset <= 0 || offset >= text.length) return false;
  return (text.charCodeAt(offset - 1) & 0xfc00) === 0xd800 && (text.charCodeAt(offset) & 0xfc00) === 0xdc00;
}

/** The words of a computation that failed, as a message must never show them. */
const BROKEN = /(?<![A-Za-z])(?:NaN|-?Infinity|undefined|null)(?![A-Za-z])/;

/** Checks one range of a text; `what` names it in the violation. */
function checkRange(text: string, range: { start: number; end: number }, what: string, out: string[]): void {
  const { start, end } = range;
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end < start || end > text.length) {
    out.push(`${what}: range [${start}, ${end}) outside the text (length ${text.length})`);
    return;
  }
  if (splitsSurrogatePair(text, start) || splitsSurrogatePair(text, end)) out.push(`${what}: range [${start}, ${end}) splits a surrogate pair`);
}

function checkMessage(text: string, message: string, what: string, out: string[]): void {
  const m = BROKEN.exec(message);
  if (m && !text.includes(m[0])) out.push(`${what}: message shows ${m[0]}: ${message}`);
  if (/\{\{\s*\w+\s*\}\}/.test(message)) out.push(`${what}: message leaves a placeholder: ${message}`);
}

/** The violations of one result, for the text it is about (`result.document.text`). */
export function resultViolations(result: LintResult): string[] {
  const text = result.document.text;
  const out: string[] = [];
  for (const f of result.ruleFailures) out.push(`rule ${f.ruleId} crashed: ${f.error.message.split('\n')[0] ?? ''}`);
  result.diagnostics.forEach((d: Diagnostic, i) => {
    const what = `finding ${i} (${d.ruleId})`;
    checkRange(text, d.range, what, out);
    const start = independentPosition(text, d.range.start);
    const end = independentPosition(text, d.range.end);
    if (d.start.line !== start.line || d.start.column !== start.column || d.end.line !== end.line || d.end.column !== end.column) {
      out.push(`${what}: positions ${JSON.stringify([d.start, d.end])} differ from the offsets' ${JSON.stringify([start, end])}`);
    }
    if (d.fix) checkRange(text, d.fix.range, `${what} fix`, out);
    for (const s of d.suggestions ?? []) {
      checkRange(text, s.fix.range, `${what} suggestion`, out);
      checkMessage(text, s.desc, `${what} suggestion`, out);
    }
    for (const r of d.related ?? []) {
      checkRange(text, r.range, `${what} related`, out);
      checkMessage(text, r.message, `${what} related`, out);
    }
    checkMessage(text, d.message, what, out);
    const previous = result.diagnostics[i - 1];
    if (previous && compareDiagnostics(previous, d) > 0) out.push(`${what}: not sorted after finding ${i - 1}`);
  });
  return out;
}

/** The options a case lints with. */
export function caseOptions(c: LintCase, rules?: LintOptions['rules']): LintOptions {
  return { format: c.format, locale: c.locale, fix: c.fix, ...(c.reportYear !== undefined ? { reportYear: c.reportYear } : {}), ...(rules ? { rules } : {}) };
}

/** What linting one case gave: the violations, how long it took, whether it crashed. */
export interface CaseOutcome {
  readonly violations: readonly string[];
  /** The lint threw, or a rule did. */
  readonly crashed: boolean;
  readonly ms: number;
}

/**
 * Lints a case and checks every invariant; with `fix`, also that the fixed
 * output has nothing left to fix (fixes are idempotent).
 */
export function checkCase(c: LintCase, rules?: LintOptions['rules']): CaseOutcome {
  const started = performance.now();
  let result: LintResult;
  try {
    result = lint(c.text, caseOptions(c, rules));
  } catch (error) {
    return { violations: [`lint threw: ${error instanceof Error ? error.stack ?? error.message : String(error)}`], crashed: true, ms: performance.now() - started };
  }
  const ms = performance.now() - started;
  const violations = resultViolations(result);
  const crashed = result.ruleFailures.length > 0;
  if (c.fix && result.output !== undefined) {
    try {
      const again = lint(result.output, caseOptions(c, rules));
      if (again.output !== undefined && again.output !== result.output) violations.push('fixes are not idempotent: fixing the fixed output changed it again');
    } catch (error) {
      violations.push(`lint of the fixed output threw: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return { violations, crashed, ms };
}
