import type { Severity } from '@fzlint/rule-api';
import { displayWidth } from '@fzlint/rule-api/width';
import type { FormattableResult, FormatterContext } from './types.js';
import { placesElsewhere, relativeTo } from './paths.js';

const SEVERITY_LABEL: Record<Severity, string> = { error: 'error', warn: 'warning', info: 'info' };
const SEVERITY_COLOR: Record<Severity, string> = { error: '31', warn: '33', info: '36' };
const WHITESPACE_RUN = /\s+/g;

/** Runs of spaces by length, made once: padding every column of every finding. */
const SPACES: string[] = [];

function spaces(n: number): string {
  return n <= 0 ? '' : (SPACES[n] ??= ' '.repeat(n));
}

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
  // A message as printed (whitespace runs as one space) and its width, once per distinct
  // message: a run's findings repeat the same few hundred messages.
  const shown = new Map<string, { readonly text: string; readonly width: number }>();
  const show = (message: string) => {
    let m = shown.get(message);
    if (!m) {
      const text = message.replace(WHITESPACE_RUN, ' ').trim();
      m = { text, width: displayWidth(text) };
      shown.set(message, m);
    }
    return m;
  };
  const positions: string[] = [];
  for (let r = 0; r < results.length; r++) {
    const result = results[r] as FormattableResult;
    const diagnostics = result.diagnostics;
    if (diagnostics.length === 0) continue;
    // Column widths first (a loop, not Math.max(...): a file with a hundred thousand findings
    // would overflow the stack). Positions and labels are ASCII: their width is their length.
    let wPos = 0;
    let wSev = 0;
    let wMsg = 0;
    positions.length = diagnostics.length;
    for (let i = 0; i < diagnostics.length; i++) {
      const d = diagnostics[i] as (typeof diagnostics)[number];
      const position = `${d.start.line}:${d.start.column}`;
      positions[i] = position;
      if (position.length > wPos) wPos = position.length;
      const label = SEVERITY_LABEL[d.severity];
      if (label.length > wSev) wSev = label.length;
      const width = show(d.message).width;
      if (width > wMsg) wMsg = width;
    }
    const name = result.filePath !== undefined ? relativeTo(context.cwd, result.filePath) : '<text>';
    out += `\n${paint(color, '4', name, '24')}\n`;
    for (let i = 0; i < diagnostics.length; i++) {
      const d = diagnostics[i] as (typeof diagnostics)[number];
      const message = show(d.message);
      const position = positions[i] as string;
      const label = SEVERITY_LABEL[d.severity];
      const pos = paint(color, '2', position + spaces(wPos - position.length), '22');
      const sev = paint(color, SEVERITY_COLOR[d.severity], label + spaces(wSev - label.length));
      const msg = message.text + spaces(wMsg - message.width);
      const line = `  ${pos}  ${sev}  ${msg}  ${paint(color, '2', d.ruleId, '22')}`;
      // Trimmed only when it can end in white space, judged by its last piece (reading the
      // line's own last character, or trimming it, would copy every line of the output).
      const tail = color ? 'm' : d.ruleId;
      const last = tail.charCodeAt(tail.length - 1);
      out += (last > 32 && last <= 126 ? line : line.trimEnd()) + '\n';
      // Places in another file (last year's report) cannot be found from this file's lines: name them.
      if (d.related === undefined) continue;
      for (const place of placesElsewhere(d.related, context.cwd)) {
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
