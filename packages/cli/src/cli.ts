/**
 * The `fzlint` command: argv → the project API (`@fzlint/linter/node`) →
 * formatter → exit code. Each command is a module of its own under
 * `commands/`, loaded when it runs, so `--help` and `--version` load little.
 */
import { readFileSync } from 'node:fs';
import { parseCliArgs } from './args.js';
import type { CliIo } from './io.js';
import { line, problem, type CliLocale } from './messages.js';
import { Reporter } from './reporter.js';

export type { CliIo, CliWritable } from './io.js';

let version: string | undefined;

/** The version of this package, from its package.json (found upward: dist/ or a bundle folder below it). */
export function cliVersion(): string {
  if (version !== undefined) return version;
  for (const up of ['../package.json', '../../package.json']) {
    try {
      const pkg = JSON.parse(readFileSync(new URL(up, import.meta.url), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === '@fzlint/cli' && pkg.version) return (version = pkg.version);
    } catch {
      // Try the next folder up.
    }
  }
  return (version = '0.0.0');
}

/**
 * Runs the `fzlint` command. Returns the exit code (0 clean, 1 lint errors or
 * too many warnings, 2 usage/config/input problems) and never calls
 * `process.exit`: the caller decides, so tests can run it in-process.
 */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseCliArgs(argv);
  if (!parsed.ok) {
    io.stderr.write(`${line(parsed.locale, parsed.problem.id, parsed.problem.data)}\n`);
    return 2;
  }
  const options = parsed.options;
  const locale: CliLocale = options.locale ?? 'zh-CN';
  const reporter = new Reporter(io, locale);
  try {
    switch (options.command) {
      case 'help':
        return await (await import('./commands/help.js')).printHelp(io, locale);
      case 'version':
        io.stdout.write(`${cliVersion()}\n`);
        return 0;
      case 'print-config':
        return await (await import('./commands/print-config.js')).printConfig(options, io, reporter);
      case 'inspect':
        return await (await import('./commands/inspect.js')).inspectCommand(options, io, reporter);
      case 'convert':
        return await (await import('./commands/convert.js')).convertCommand(options, io, reporter);
      case 'score':
        return await (await import('./commands/score.js')).scoreCommand(options, io, reporter);
      case 'catalogue':
        return await (await import('./commands/catalogue.js')).catalogueCommand(options, io, reporter);
      case 'web':
        return await (await import('./commands/web.js')).webCommand(options, io, reporter);
      case 'lint':
        return await (await import('./commands/lint.js')).lintCommand(options, io, reporter);
    }
  } catch (error) {
    const err = error instanceof Error ? error : new Error(String(error));
    if (err.name === 'ConfigError') reporter.report(problem('configError', { detail: err.message }));
    else reporter.report(problem('internalError', { detail: err.message }));
    return 2;
  }
}
