/**
 * `fzlint inspect FILE`: the document as the parser understood it (year, dates, sections,
 * counts, last year's report); `fzlint inspect --figures FILE`: its figures ledger (every
 * figure with its metric key and the other statements of that key), as `formatFigureTable`
 * prints it or, with `--format json`, the data form (`figureLedgerData`).
 */
import { resolve } from 'node:path';
import { toSourcePosition, type SourceMap } from '@fzlint/input';
import type { CliOptions } from '../args.js';
import { readStdin, type CliIo } from '../io.js';
import { problem, type CliProblem } from '../messages.js';
import type { Fzlint } from '@fzlint/linter/node';
import type { ReportDocument } from '@fzlint/parser';
import type { OutlinePairing } from '../inspect.js';
import { localeOf, openProject } from '../project.js';
import type { Reporter } from '../reporter.js';

/** Prints the outline of one file (or standard input) as text or JSON. */
export async function inspectCommand(options: CliOptions, io: CliIo, reporter: Reporter): Promise<number> {
  const fzlint = await openProject(options, io, reporter);
  if (!fzlint) return 2;
  const [{ parse }, { parseIsoDate }, { buildOutline, formatOutline }, { GUARD_MIN_CHARS }] = await Promise.all([
    import('@fzlint/parser'),
    import('@fzlint/linter'),
    import('../inspect.js'),
    import('@fzlint/linter/node'),
  ]);
  let read;
  let filePath: string | undefined;
  let display: string;
  if (options.stdin) {
    display = options.stdinFilename ?? '<stdin>';
    filePath = options.stdinFilename !== undefined ? resolve(io.cwd, options.stdinFilename) : undefined;
    const bytes = await readStdin(io);
    if (bytes.length === 0) {
      reporter.report(problem('empty', { path: display }));
      return 2;
    }
    read = await fzlint.readReport(bytes, { name: display });
  } else {
    display = options.patterns[0] ?? '';
    filePath = resolve(io.cwd, display);
    read = await fzlint.readReport(filePath, { name: display });
  }
  if (!read.ok) {
    reporter.report(read.problem.id === 'vanished' ? problem('missingPath', { path: display }) : read.problem);
    return 2;
  }
  if (read.notice) reporter.report(read.notice);
  const source: SourceMap | undefined = read.sourceMap;
  // Report year and writing date come from the options, then the config, then the text.
  const { config } = fzlint.configFor(filePath ?? resolve(io.cwd, 'stdin.md'));
  const writingDate = config.writingDate !== undefined ? parseIsoDate(config.writingDate) : undefined;
  let document;
  if (read.text.length >= GUARD_MIN_CHARS) {
    // A large text is parsed by a lint, which first tries it under the memory budget in another thread.
    try {
      document = (await fzlint.lintText(read.text, { ...(filePath !== undefined ? { filePath } : {}), ...(source ? { format: 'markdown' as const, sourceMap: source } : {}), config })).document;
    } catch (error) {
      const err = error as Error & { problem?: CliProblem };
      if (err.name !== 'InputBudgetError' || !err.problem) throw error;
      reporter.report(err.problem);
      return 2;
    }
  } else {
    document = parse(read.text, {
      ...(filePath !== undefined ? { filePath } : {}),
      ...(source ? { format: 'markdown' as const } : {}),
      ...(config.reportYear !== undefined ? { reportYear: config.reportYear } : {}),
      ...(writingDate !== undefined ? { writingDate } : {}),
    });
  }
  const format = options.formats[0]?.name ?? 'text';
  if (options.figures) {
    io.stdout.write(await figuresOf(document, source, format, localeOf(options)));
    return reporter.errors > 0 ? 2 : 0;
  }
  const pairing = await pairingOf(fzlint, document, filePath, source, options, reporter);
  const outline = { ...buildOutline(document, display, source), ...(pairing ? { pairing } : {}) };
  io.stdout.write(format === 'json' ? `${JSON.stringify(outline, null, 2)}\n` : formatOutline(outline, localeOf(options)));
  return reporter.errors > 0 ? 2 : 0;
}

/**
 * The figures ledger of a document as the command prints it: the table, or the JSON of the
 * data form. For converted input (`.docx`, `.html`, `.pdf`) lines are paragraph numbers.
 */
async function figuresOf(document: ReportDocument, source: SourceMap | undefined, format: string, locale: 'zh-CN' | 'en'): Promise<string> {
  const { figureLedger, figureLedgerData, formatFigureTable } = await import('@fzlint/rules');
  let data = figureLedgerData(figureLedger(document), document, { locale });
  if (source) {
    data = {
      ...data,
      figures: data.figures.map((f) => {
        const start = toSourcePosition(source, { line: f.line, column: f.column });
        const end = toSourcePosition(source, { line: f.endLine, column: f.endColumn });
        return { ...f, line: start.line, column: start.column, endLine: end.line, endColumn: end.column };
      }),
    };
  }
  return format === 'json' ? `${JSON.stringify(data, null, 2)}\n` : formatFigureTable(data, { locale });
}

/**
 * Who issued the report, for which year, and last year's report: `--previous`, else the
 * config's `previousReport`, else the report of the same issuer for the year before among
 * the files of its folder (the project API's `findPrevious`), with why.
 */
async function pairingOf(
  fzlint: Fzlint,
  document: ReportDocument,
  filePath: string | undefined,
  source: SourceMap | undefined,
  options: CliOptions,
  reporter: Reporter,
): Promise<OutlinePairing | undefined> {
  const locale = localeOf(options);
  const { reportIdentity, describePair, describeUnpaired } = await import('@fzlint/rules');
  const identity = reportIdentity(document, filePath);
  const lineAt = (offset: number): number => {
    const position = document.lineIndex.positionAt(offset);
    return source ? toSourcePosition(source, position).line : position.line;
  };
  const base = {
    ...(identity.issuer
      ? {
          issuer: {
            name: identity.issuer.raw,
            key: identity.issuer.key,
            source: identity.issuer.source,
            ...(identity.issuer.range ? { line: lineAt(identity.issuer.range.start) } : {}),
          },
        }
      : {}),
    ...(identity.year ? { year: identity.year } : {}),
  };
  if (options.previous !== undefined) {
    return { ...base, previous: { filePath: options.previous, source: 'option', why: locale === 'en' ? 'given with --previous' : '由 --previous 给出' }, scanned: 0 };
  }
  if (filePath === undefined) return { ...base, scanned: 0 };
  const found = await fzlint.findPrevious(filePath, { document });
  if (found.problem) reporter.report(found.problem);
  const previous = found.previous;
  if (previous) {
    const why =
      previous.source === 'paired' && previous.reason
        ? describePair(previous.reason, locale)
        : locale === 'en'
          ? 'previousReport in the config'
          : '配置中的 previousReport';
    return {
      ...base,
      previous: { filePath: previous.displayPath, source: previous.source, why, ...(previous.reason ? { match: previous.reason.match } : {}) },
      scanned: found.scanned.length,
    };
  }
  return {
    ...base,
    ...(found.unpaired
      ? {
          unpaired: {
            reason: found.unpaired.reason,
            why: describeUnpaired(found.unpaired.reason, locale),
            ...(found.unpaired.candidates ? { candidates: found.unpaired.candidates.map((c) => fzlint.displayPath(c)) } : {}),
          },
        }
      : {}),
    scanned: found.scanned.length,
  };
}
