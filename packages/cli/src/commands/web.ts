/**
 * `fzlint web --out DIR [--single-file]`: writes the reviewer's workbench (a
 * static page running the whole linter in the browser, offline, from file://).
 * `fzlint web --open [files|dirs…]`: serves it on 127.0.0.1 with those reports
 * preloaded, opens the default browser, and runs until Ctrl+C.
 */
import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import type { CliOptions } from '../args.js';
import type { CliIo } from '../io.js';
import { message, problem } from '../messages.js';
import { localeOf, openProject } from '../project.js';
import type { Reporter } from '../reporter.js';

/** Runs `fzlint web`. */
export async function webCommand(options: CliOptions, io: CliIo, reporter: Reporter): Promise<number> {
  const locale = localeOf(options);
  let web: typeof import('@fzlint/web');
  try {
    web = await import('@fzlint/web');
  } catch (error) {
    reporter.report(problem('notBuilt', { module: '@fzlint/web', detail: (error as Error).message }));
    return 2;
  }
  if (options.webOut !== undefined) {
    const out = resolve(io.cwd, options.webOut);
    try {
      await web.buildSite(out, { singleFile: options.singleFile });
    } catch (error) {
      reporter.report(problem('writeFailed', { path: options.webOut, code: (error as NodeJS.ErrnoException).code ?? (error as Error).message }));
      return 2;
    }
    io.stdout.write(`${message(locale, 'webWritten', { path: join(options.webOut, 'index.html') })}\n`);
    return 0;
  }
  const fzlint = await openProject(options, io, reporter);
  if (!fzlint) return 2;
  const listed = options.patterns.length > 0 ? await fzlint.listFiles(options.patterns) : { files: [], problems: [] };
  reporter.reportAll(listed.problems);
  const server = await web.serveWorkbench({ reports: listed.files.map((f) => ({ name: fzlint.displayPath(f.path), path: f.path })) });
  io.stdout.write(`${message(locale, 'webServing', { url: server.url, count: listed.files.length })}\n`);
  // FZLINT_NO_BROWSER: tests and headless machines serve without opening a browser.
  if (process.env['FZLINT_NO_BROWSER'] === undefined) {
    const { command, args } = web.browserCommand(server.url);
    try {
      const child = spawn(command, args, { detached: true, stdio: 'ignore' });
      child.on('error', () => undefined);
      child.unref();
    } catch {
      // No browser to open: the URL is printed.
    }
  }
  await new Promise<void>((done) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      done();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  await server.close();
  return 0;
}
