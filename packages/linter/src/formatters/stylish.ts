import type { Severity } from '@fzlint/rule-api';
import type { FormattableResult, FormatterContext } from './types.js';
import { placesElsewhere, relativeTo } from './paths.js';
import { displayWidth, padEndDisplay } from './width.js';

const SEVERITY_LABEL: Record<Severity, string> = { error: 'error', warn: 'warning', info: 'info' };
const SEVERITY_COLOR: Record<Severity, string> = { error: '31', warn: '33', info: '36' };
const WHITESPACE_RUN = /\s+/g;

function paint(on: boolean, code: string, text: string, reset = '39'): string {
  return on ? `\u001b[${code}m${text}\u001b[${reset}m` : text;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/**
 * ESLint's default look: findings grouped per file, one per line as
 * `line:col  severity  message  rule-id`, columns aligned by display width so
 * Chinese messages (two columns per character) line up, then a summary line
 * `✖ N problems (E errors, W warnings, I infos)`. Prints nothing when clean.
 * A related place in another file (the paragraph of last year's report a passage
 * was copied from) follows its finding as `↳ file:line:col  what it is`.
 */
export function stylish(results: readonly FormattableResult[], context: FormatterContext = {}): string {
  const color = context.color ?? false;
  let out = '';
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  let fixableErrors = 0;
  let fixableWarnings = 0;
  for (const result of results) {
    if (result.diagnostics.length === 0) continue;
    const rows = result.diagnostics.map((d) => ({
      position: `${d.start.line}:${d.start.column}`,
      severity: d.severity,
      label: SEVERITY_LABEL[d.severity],
      message: d.message.replace(WHITESPACE_RUN, ' ').trim(),
      messageWidth: 0,
      ruleId: d.ruleId,
      // Places in another file (last year's report) cannot be found from this file's lines: name them.
      elsewhere: d.related,
    }));
    // A loop, not Math.max(...): a file with a hundred thousand findings would overflow the stack.
    const width = (pick: (r: (typeof rows)[number]) => string) => rows.reduce((w, r) => Math.max(w, displayWidth(pick(r))), -Infinity);
    const wPos = width((r) => r.position);
    const wSev = width((r) => r.label);
    let wMsg = -Infinity;
    for (const r of rows) {
      // Measured once: the widest sets the column, and each is padded to it.
      r.messageWidth = displayWidth(r.message);
      wMsg = Math.max(wMsg, r.messageWidth);
    }
    const name = result.filePath !== undefined ? relativeTo(context.cwd, result.filePath) : '<text>';
    out += `\n${paint(color, '4', name, '24')}\n`;
    for (const r of rows) {
      const pos = paint(color, '2', padEndDisplay(r.position, wPos), '22');
      const sev = paint(color, SEVERITY_COLOR[r.severity], padEndDisplay(r.label, wSev));
      const msg = padEndDisplay(r.message, wMsg, r.messageWidth);
      out += `  ${pos}  ${sev}  ${msg}  ${paint(color, '2', r.ruleId, '22')}`.trimEnd() + '\n';
      for (const place of placesElsewhere(r.elsewhere, context.cwd)) {
        out += `${' '.repeat(wPos + wSev + 6)}${paint(color, '2', `↳ ${place.where}`, '22')}  ${place.message.replace(WHITESPACE_RUN, ' ').trim()}\n`;
      }
    }
    errors += result.errorCount;
    warnings += result.warningCount;
    infos += result.infoCount;
    fixableErrors += result.fixableErrorCount;
    fixableWarnings += result.fixableWarningCount;
  }
  const total = errors + warnings + infos;
  if (total === 0) return '';
  const summaryColor = errors ? '31' : warnings ? '33' : '36';
  const summary = `✖ ${plural(total, 'problem')} (${plural(errors, 'error')}, ${plural(warnings, 'warning')}, ${plural(infos, 'info')})`;
  out += `\n${paint(color, `1;${summaryColor}`, summary, '22;39')}\n`;
  if (fixableErrors + fixableWarnings > 0) {
    out += paint(
      color,
      `1;${summaryColor}`,
      `  ${plural(fixableErrors, 'error')} and ${plural(fixableWarnings, 'warning')} potentially fixable with the \`--fix\` option.`,
      '22;39',
    );
    out += '\n';
  }
  return out;
}
