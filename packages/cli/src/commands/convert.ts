/** `fzlint convert FILE.docx [-o FILE.md]`: the Markdown fzlint lints, as a draft to go on with. */
import { resolve } from 'node:path';
import { isConvertedName } from '@fzlint/input';
import type { CliOptions } from '../args.js';
import { writeText, type CliIo } from '../io.js';
import { problem } from '../messages.js';
import { openProject } from '../project.js';
import type { Reporter } from '../reporter.js';

/** Converts one `.docx`/`.html` file; exit 2 when it cannot be read or written. */
export async function convertCommand(options: CliOptions, io: CliIo, reporter: Reporter): Promise<number> {
  const arg = options.patterns[0] ?? '';
  const fzlint = await openProject(options, io, reporter);
  if (!fzlint) return 2;
  if (!isConvertedName(arg, fzlint.readers)) {
    reporter.report(problem('convertFormat', { path: arg }));
    return 2;
  }
  const read = await fzlint.readReport(arg, { name: arg });
  if (!read.ok) {
    // A file that cannot be converted is the command's failure, whatever its usual level.
    reporter.report(read.problem.id === 'vanished' ? problem('missingPath', { path: arg }) : { ...read.problem, level: 'error' });
    return 2;
  }
  if (options.outputFile === undefined) {
    io.stdout.write(read.text);
    return 0;
  }
  const failed = await writeText(resolve(io.cwd, options.outputFile), read.text);
  if (failed) {
    reporter.report(problem('writeFailed', { path: options.outputFile, code: failed }));
    return 2;
  }
  return 0;
}
