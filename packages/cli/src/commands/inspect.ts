/** `fzlint inspect FILE`: the document as the parser understood it (year, dates, sections, counts). */
import { resolve } from 'node:path';
import type { SourceMap } from '@fzlint/input';
import type { CliOptions } from '../args.js';
import { readStdin, type CliIo } from '../io.js';
import { problem } from '../messages.js';
import { localeOf, openProject } from '../project.js';
import type { Reporter } from '../reporter.js';

/** Prints the outline of one file (or standard input) as text or JSON. */
export async function inspectCommand(options: CliOptions, io: CliIo, reporter: Reporter): Promise<number> {
  const fzlint = await openProject(options, io, reporter);
  if (!fzlint) return 2;
  const [{ parse }, { parseIsoDate }, { buildOutline, formatOutline }] = await Promise.all([
    import('@fzlint/parser'),
    import('@fzlint/linter'),
    import('../inspect.js'),
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
  const document = parse(read.text, {
    ...(filePath !== undefined ? { filePath } : {}),
    ...(source ? { format: 'markdown' as const } : {}),
    ...(config.reportYear !== undefined ? { reportYear: config.reportYear } : {}),
    ...(writingDate !== undefined ? { writingDate } : {}),
  });
  const outline = buildOutline(document, display, source);
  const format = options.formats[0]?.name ?? 'text';
  io.stdout.write(format === 'json' ? `${JSON.stringify(outline, null, 2)}\n` : formatOutline(outline, localeOf(options)));
  return reporter.errors > 0 ? 2 : 0;
}
