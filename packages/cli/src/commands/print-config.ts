/** `fzlint --print-config FILE`: the configuration that applies to a file, command-line settings included. */
import type { CliOptions } from '../args.js';
import type { CliIo } from '../io.js';
import { openProject } from '../project.js';
import type { Reporter } from '../reporter.js';

/** Prints the config of `--print-config`'s file as JSON. A broken config throws `ConfigError` (exit 2). */
export async function printConfig(options: CliOptions, io: CliIo, reporter: Reporter): Promise<number> {
  const fzlint = await openProject(options, io, reporter);
  if (!fzlint) return 2;
  const { config } = fzlint.configFor(options.printConfig ?? '.');
  io.stdout.write(`${JSON.stringify(config, null, 2)}\n`);
  return 0;
}
