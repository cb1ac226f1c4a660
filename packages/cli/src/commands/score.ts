/**
 * `fzlint score FILE…`: one scorecard per report (Markdown, text, `.docx`,
 * `.html`), as a table with the findings behind each score, or as JSON. The
 * card is computed by `@fzlint/linter`'s `scoreResult` (as the web workbench
 * computes it). With last year's report (`--previous`, the config's
 * `previousReport`, or paired among the files scored: same issuer, report year
 * − 1) a card has its continuity line. Exit 0 whatever the scores; 2 when an
 * input or the config is unusable.
 */
import { resolve } from 'node:path';
import type { ReadText } from '@fzlint/input';
import type { LintResult, Scorecard } from '@fzlint/linter';
import type { Fzlint, PreviousText } from '@fzlint/linter/node';
import type { CliOptions } from '../args.js';
import { writeText, type CliIo } from '../io.js';
import { problem, type CliProblem } from '../messages.js';
import { localeOf, openProject, readPrevious } from '../project.js';
import type { Reporter } from '../reporter.js';

/** A report read and linted for its card. */
interface Scored {
  readonly path: string;
  readonly display: string;
  readonly read: ReadText;
  result: LintResult;
  /** Last year's report it was linted with, as the card names it. */
  previous?: string;
  /** Whether its previous report is open to pairing (none given, none configured). */
  readonly pairable: boolean;
}

/** Scores the files the patterns name. */
export async function scoreCommand(options: CliOptions, io: CliIo, reporter: Reporter): Promise<number> {
  const locale = localeOf(options);
  const fzlint = await openProject(options, io, reporter);
  if (!fzlint) return 2;
  const { formatScorecards, scoreResult, withScoreRules } = await import('@fzlint/linter');
  const listed = await fzlint.listFiles(options.patterns);
  reporter.reportAll(listed.problems);
  let given: PreviousText | undefined;
  if (options.previous !== undefined) {
    given = await readPrevious(fzlint, options, io, reporter);
    if (!given) return 2;
  }
  const scored: Scored[] = [];
  for (const target of listed.files) {
    const display = fzlint.displayPath(target.path);
    const read = await fzlint.readReport(target.path, { name: display });
    if (!read.ok) {
      reporter.report(read.problem);
      continue;
    }
    if (read.notice) reporter.report(read.notice);
    try {
      // The card's messages are in the command's language, whatever the config says.
      const config = { ...withScoreRules(fzlint.configFor(target.path).config), locale };
      const self = given?.filePath === target.path;
      // `--previous` for every file (not itself); else the config's previousReport (lintText reads it).
      const previous = given && !self ? given : self ? false : undefined;
      const result = await fzlint.lintText(read.text, {
        filePath: target.path,
        format: read.format,
        config,
        ...(read.sourceMap ? { sourceMap: read.sourceMap } : {}),
        ...(previous !== undefined ? { previous } : {}),
      });
      const configured = config.previousReport !== undefined && config.previousReport !== target.path;
      scored.push({
        path: target.path,
        display,
        read,
        result,
        ...(given && !self ? { previous: options.previous } : configured ? { previous: fzlint.displayPath(config.previousReport as string) } : {}),
        pairable: given === undefined && config.previousReport === undefined,
      });
    } catch (error) {
      const err = error as Error & { problem?: CliProblem };
      if (err.name === 'InputBudgetError' && err.problem) reporter.report(err.problem);
      else reporter.report(err.name === 'ConfigError' ? problem('configError', { detail: err.message }) : problem('lintFailed', { path: display, detail: err.message }));
    }
  }
  await pairScored(fzlint, scored, locale, withScoreRules, reporter);
  const cards: Scorecard[] = scored.map((s) =>
    scoreResult(s.result, {
      filePath: s.display,
      locale,
      ...(s.read.sourceMap ? { sourceMap: s.read.sourceMap } : {}),
      ...(s.previous !== undefined ? { previous: s.previous } : {}),
    }),
  );
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

/**
 * Pairs the reports scored without a previous report given or configured (same issuer,
 * report year − 1, `pairReports`, as `fzlint` pairs a batch) and lints the paired ones
 * again with last year's report, which the first lint's document already parsed.
 */
async function pairScored(
  fzlint: Fzlint,
  scored: Scored[],
  locale: 'zh-CN' | 'en',
  withScoreRules: typeof import('@fzlint/linter').withScoreRules,
  reporter: Reporter,
): Promise<void> {
  const pairable = scored.filter((s) => s.pairable);
  if (pairable.length < 2) return;
  const { reportIdentity, pairReports } = await import('@fzlint/rules');
  const { pairs } = pairReports(pairable.map((s, i) => ({ id: i, identity: reportIdentity(s.result.document, s.path) })));
  for (const pair of pairs) {
    const current = pairable[pair.current] as Scored;
    const last = pairable[pair.previous] as Scored;
    try {
      const config = { ...withScoreRules(fzlint.configFor(current.path).config), locale };
      current.result = await fzlint.lintText(current.read.text, {
        filePath: current.path,
        format: current.read.format,
        config,
        ...(current.read.sourceMap ? { sourceMap: current.read.sourceMap } : {}),
        document: current.result.document,
        previous: {
          text: last.read.text,
          filePath: last.path,
          format: last.read.format,
          ...(last.read.sourceMap ? { sourceMap: last.read.sourceMap } : {}),
          document: last.result.document,
        },
      });
      current.previous = last.display;
    } catch (error) {
      const err = error as Error & { problem?: CliProblem };
      if (err.name === 'InputBudgetError' && err.problem) reporter.report(err.problem);
      else reporter.report(err.name === 'ConfigError' ? problem('configError', { detail: err.message }) : problem('lintFailed', { path: current.display, detail: err.message }));
    }
  }
}
