/** The command's own lines on stderr: one per problem, each said once. */
import { line, type CliLocale, type CliProblem } from './messages.js';
import type { CliIo } from './io.js';

/** Prints problems (`fzlint: …`) and counts those that make the exit code 2. */
export class Reporter {
  /** Problems of level `error` so far: any makes the exit code 2. */
  errors = 0;
  private readonly seen = new Set<string>();

  constructor(
    private readonly io: Pick<CliIo, 'stderr'>,
    readonly locale: CliLocale,
  ) {}

  report(p: CliProblem): void {
    if (p.level === 'error') this.errors++;
    const text = line(this.locale, p.id, p.data);
    // One broken config is met by every file below it: say it once.
    if (this.seen.has(text)) return;
    this.seen.add(text);
    this.io.stderr.write(`${text}\n`);
  }

  reportAll(problems: Iterable<CliProblem>): void {
    for (const p of problems) this.report(p);
  }
}
