import { resolve } from 'node:path';
import type { FzlintConfig, RuleConfigEntry } from '@fzlint/linter';
import type { CliOptions } from './args.js';
import type { ConfigResolver } from './config.js';
import type { FileTarget, IgnoreMatcher, ResolvedFiles } from './files.js';
import { toSourcePosition } from './input/position.js';
import { problem, type CliLocale, type CliProblem } from './messages.js';
import type { ReadResult } from './read.js';
import { formatScorecards, REQUIRED, scoreReport, type RequiredConcept, type Scorecard } from './score.js';

/** What `fzlint score` needs from the command runner (passed in, so this module imports no CLI state). */
export interface ScoreHelpers {
  readonly report: (p: CliProblem) => void;
  readonly errors: () => number;
  readonly withOverrides: (config: FzlintConfig, options: CliOptions) => FzlintConfig;
  readonly loadConfigResolver: (cwd: string, explicit: string | undefined, locale: CliLocale) => Promise<ConfigResolver>;
  readonly loadIgnoreMatcher: (cwd: string, useIgnoreFile?: boolean) => IgnoreMatcher;
  readonly resolveFiles: (patterns: readonly string[], options: { cwd: string; ignore?: IgnoreMatcher }) => Promise<ResolvedFiles>;
  readonly readInput: (path: string, display: string) => Promise<ReadResult>;
  readonly displayPath: (cwd: string, absPath: string) => string;
}

/** The rules the scorecard reads; they run whatever the config says (their options are kept). */
const SCORE_RULES = ['structure/required-section', 'structure/shortcomings-without-causes', 'structure/disclosure-deadline'] as const;

function withScoreRules(config: FzlintConfig): FzlintConfig {
  const rules: Record<string, RuleConfigEntry> = { ...config.rules };
  for (const id of SCORE_RULES) {
    const entry = rules[id];
    rules[id] = Array.isArray(entry) && entry.length > 1 ? ['warn', entry[1]] : 'warn';
  }
  return { ...config, rules };
}

/**
 * `fzlint score FILE…`: one scorecard per report (Markdown, text, `.docx`,
 * `.html`), as a table with the findings behind each score, or as JSON.
 * Exit 0 whatever the scores; 2 when an input or the config is unusable.
 */
export async function scoreCommand(options: CliOptions, io: { stdout: { write(s: string): unknown }; cwd: string }, h: ScoreHelpers): Promise<number> {
  const locale = options.locale ?? 'zh-CN';
  const [{ lint }, { conceptById }] = await Promise.all([import('@fzlint/linter'), import('@fzlint/ontology')]);
  const labels = Object.fromEntries(REQUIRED.map((c) => [c, conceptById[c].label])) as Record<RequiredConcept, { 'zh-CN': string; en: string }>;
  const resolver = await h.loadConfigResolver(io.cwd, options.config, locale);
  if (resolver.fatal) {
    h.report(problem('configError', { detail: resolver.fatal }));
    return 2;
  }
  const found = await h.resolveFiles(options.patterns, { cwd: io.cwd, ignore: h.loadIgnoreMatcher(io.cwd, options.ignore) });
  for (const p of found.problems) h.report(p);
  const cards: Scorecard[] = [];
  for (const target of found.files as readonly FileTarget[]) {
    const display = h.displayPath(io.cwd, target.path);
    const resolved = resolver.configFor(target.path);
    if (!resolved.ok) {
      h.report(problem('configError', { detail: resolved.message }));
      continue;
    }
    const read = await h.readInput(target.path, display);
    if (!read.ok) {
      h.report(read.problem);
      continue;
    }
    if (read.notice) h.report(read.notice);
    const config = withScoreRules(h.withOverrides(resolved.config, options));
    let result;
    try {
      result = lint(read.text, {
        filePath: target.path,
        // Converted input is Markdown whatever its own extension.
        ...(read.source ? { format: 'markdown' as const } : {}),
        config,
        locale,
        ...(options.reportYear !== undefined ? { reportYear: options.reportYear } : {}),
        ...(options.writingDate !== undefined ? { writingDate: options.writingDate } : {}),
      });
    } catch (error) {
      const err = error as Error;
      h.report(err.name === 'ConfigError' ? problem('configError', { detail: err.message }) : problem('lintFailed', { path: display, detail: err.message }));
      continue;
    }
    const document = result.document;
    const source = read.source;
    const lineAt = (offset: number): number => {
      const position = document.lineIndex.positionAt(offset);
      return source ? toSourcePosition(source, position).line : position.line;
    };
    cards.push(
      scoreReport({
        filePath: display,
        document,
        diagnostics: result.diagnostics,
        locale,
        lineAt,
        positionUnit: source ? 'paragraph' : 'line',
        labels,
      }),
    );
  }
  const format = options.formats[0]?.name ?? 'text';
  const text = format === 'json' ? `${JSON.stringify(cards, null, 2)}\n` : cards.length > 0 ? formatScorecards(cards, locale) : '';
  if (options.outputFile !== undefined) {
    const { mkdir, writeFile } = await import('node:fs/promises');
    const { dirname } = await import('node:path');
    const path = resolve(io.cwd, options.outputFile);
    try {
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, text);
    } catch (error) {
      h.report(problem('writeFailed', { path: options.outputFile, code: (error as NodeJS.ErrnoException).code ?? 'EIO' }));
    }
  } else if (text !== '') {
    io.stdout.write(text);
  }
  return h.errors() > 0 ? 2 : 0;
}
