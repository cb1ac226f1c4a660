/**
 * `fzlint score FILE…`: one scorecard per report (Markdown, text, `.docx`,
 * `.html`), as a table with the findings behind each score, or as JSON. The
 * card is computed by `@fzlint/linter`'s `scoreResult` (as the web workbench
 * computes it). Exit 0 whatever the scores; 2 when an input or the config is unusable.
 */
import { resolve } from 'node:path';
import type { Scorecard } from '@fzlint/linter';
import type { CliOptions } from '../args.js';
import { writeText, type CliIo } from '../io.js';
import { problem } from '../messages.js';
import { localeOf, openProject } from '../project.js';
import type { Reporter } from '../reporter.js';

/** Scores the files the patterns name. */
export async function scoreCommand(options: CliOptions, io: CliIo, reporter: Reporter): Promise<number> {
  const locale = localeOf(options);
  const fzlint = await openProject(options, io, reporter);
  if (!fzlint) return 2;
  const { formatScorecards, scoreResult, withScoreRules } = await import('@fzlint/linter');
  const listed = await fzlint.listFiles(options.patterns);
  reporter.reportAll(listed.problems);
  const cards: Scorecard[] = [];
  for (const target of listed.files) {
    const display = fzlint.displayPath(target.path);
    const read = await fzlint.readReport(target.path, { name: display });
    if (!read.ok) {
      reporter.report(read.problem);
      continue;
    }
    if (read.notice) reporter.report(read.notice);
    let result;
    try {
      // The card's messages are in the command's language, whatever the config says.
      const config = { ...withScoreRules(fzlint.configFor(target.path).config), locale };
      result = await fzlint.lintText(read.text, { filePath: target.path, format: read.format, config });
    } catch (error) {
      const err = error as Error;
      reporter.report(err.name === 'ConfigError' ? problem('configError', { detail: err.message }) : problem('lintFailed', { path: display, detail: err.message }));
      continue;
    }
    cards.push(scoreResult(result, { filePath: display, locale, ...(read.sourceMap ? { sourceMap: read.sourceMap } : {}) }));
  }
  const format = options.formats[0]?.name ?? 'text';
  const text = format === 'json' ? `${JSON.stringify(cards, null, 2)}\n` : cards.length > 0 ? formatScorecards(cards, locale) : '';
  if (options.outputFile !== undefined) {
    const failed = await writeText(resolve(io.cwd, options.outputFile), text);
    if (failed) reporter.report(problem('writeFailed', { path: options.outputFile, code: failed }));
  } else if (text !== '') {
    io.stdout.write(text);
  }
  return reporter.errors > 0 ? 2 : 0;
}
