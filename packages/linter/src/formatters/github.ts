import type { Severity } from '@fzlint/rule-api';
import type { FormattableResult, FormatterContext } from './types.js';
import { elsewhereLines, relativeTo } from './paths.js';

const COMMAND: Record<Severity, string> = { error: 'error', warn: 'warning', info: 'notice' };

/** Escapes a workflow command's message (`%`, CR, LF), as @actions/core does. */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escapes a workflow command's property value: also `:` and `,`, which separate properties. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/**
 * GitHub Actions workflow commands, one per finding, shown as annotations on the
 * pull request: `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=fzlint (rule-id)::message`.
 * Infos are notices. A related place in another file (last year's report) is named on a
 * line of its own in the message (`↳ file:line:col  …`).
 */
export function github(results: readonly FormattableResult[], context: FormatterContext = {}): string {
  let out = '';
  for (const result of results) {
    const file = result.filePath !== undefined ? relativeTo(context.cwd, result.filePath) : undefined;
    for (const d of result.diagnostics) {
      const props = [
        ...(file !== undefined ? [`file=${escapeProperty(file)}`] : []),
        `line=${d.start.line}`,
        `col=${d.start.column}`,
        `endLine=${d.end.line}`,
        `endColumn=${d.end.column}`,
        `title=${escapeProperty(`fzlint (${d.ruleId})`)}`,
      ];
      // An annotation sits in one file: a place in another (last year's report) is named in its text.
      const message = [d.message, ...elsewhereLines(d.related, context.cwd)].join('\n');
      out += `::${COMMAND[d.severity]} ${props.join(',')}::${escapeData(message)}\n`;
    }
  }
  return out;
}
