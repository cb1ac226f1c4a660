/**
 * Lints the development corpus (fixtures/corpus) as a user's `fzlint` would, with
 * every rule at its default severity: the judged snapshot and the reading
 * properties share it.
 *
 * Excerpts (excerpts/*.txt) are the openings, about 700 characters, of reports
 * that go on: they stop mid-text. Two rules judge a whole report and are off for
 * them: structure/required-section (a content after the cut is not missing) and
 * structure/shortcomings-without-causes (a shortcomings part cut before its causes
 * has them after the cut). Every other rule runs on them as on whole reports.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, readText, type ReportDocument } from '@fzlint/parser';
import { resolveSettings, runRule, type Diagnostic } from '@fzlint/rule-api';
import { rules } from '../../src/index.js';

export const CORPUS = join(dirname(fileURLToPath(import.meta.url)), '../../../../fixtures/corpus');

/** Rules that judge a whole report, off for the excerpts (see above). */
export const WHOLE_REPORT_RULES: ReadonlySet<string> = new Set(['structure/required-section', 'structure/shortcomings-without-causes']);

/** Every corpus report, as a path under fixtures/corpus: full, archive, excerpts, markdown. */
export function corpusReports(): string[] {
  const list = (dir: string, ext: string): string[] =>
    readdirSync(join(CORPUS, dir))
      .filter((f) => f.endsWith(ext))
      .sort()
      .map((f) => `${dir}/${f}`);
  return [...list('full', '.txt'), ...list('archive', '.txt'), ...list('excerpts', '.txt'), ...list('markdown', '.md')];
}

export const readReport = (file: string): string => readFileSync(join(CORPUS, file), 'utf8');

export const isExcerpt = (file: string): boolean => file.startsWith('excerpts/');

/** The document and every diagnostic of every rule, as `fzlint` gives them with no config. */
export function lintReport(file: string, text: string = readReport(file)): { document: ReportDocument; diagnostics: Diagnostic[] } {
  const document = parse(text, { filePath: file });
  const settings = resolveSettings(document);
  const excerpt = isExcerpt(file);
  const diagnostics: Diagnostic[] = [];
  for (const rule of rules) {
    if (excerpt && WHOLE_REPORT_RULES.has(rule.meta.id)) continue;
    for (const d of runRule(rule, document, { settings })) diagnostics.push(d);
  }
  return { document, diagnostics };
}

/** Warnings and errors only: what the snapshot judges. */
export const warningsAndErrors = (diagnostics: readonly Diagnostic[]): Diagnostic[] => diagnostics.filter((d) => d.severity !== 'info');

/** What a finding says, independent of where the line breaks fall: rule, message id and the words it underlines. */
export function findingKey(text: string, d: Diagnostic): string {
  return `${d.ruleId} ${d.messageId ?? ''} ${readText(text, d.range.start, d.range.end)}`;
}
