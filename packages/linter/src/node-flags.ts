// Which V8 flags node was given (NODE_OPTIONS, node's own command-line flags), so that a flag the
// linter or the CLI's bin sets for speed never overrides the user's own. One test for both: the
// bin (CommonJS, before any bundle loads) gets it through the CLI's loader (dist/bundle/loader.js,
// which esbuild builds from src/compile-cache.ts with this module inside), the pool from here.

/**
 * V8's interrupt budget for a lint run: 16x the default of Node 20-24's V8 (67,584), so V8
 * optimises a function later. The CLI's bin sets it from the start, and a worker pool
 * (`tuneForPool`, src/project/workers.ts) for the rest of the process. With the default, a
 * one-file run spent ~35 ms of its ~210 ms CPU optimising (on threads that compete with the
 * lint on two cores) code that ran a few times more; 10 and 50 files in one thread use
 * 20-30 % less CPU, 1,000 files with --concurrency 1 ~4 % less. 16x rather than 8x
 * (2026-12-06, night): 10 files ~9 % and the default 1,000-file run ~4 % less CPU, one file
 * the same (docs/performance-journal.md).
 */
export const POOL_INTERRUPT_BUDGET = 1_081_344;

/** The flags node was given: `NODE_OPTIONS` and node's own command-line flags, in one string. */
export function givenNodeFlags(): string {
  return `${process.env['NODE_OPTIONS'] ?? ''} ${process.execArgv.join(' ')}`;
}

/**
 * Whether node was given the flag `flag` names (`--name`, `--no-name` or `--name=value`: its name
 * is what counts), as node takes it: `--name`, `--no-name`, `--name=…`, with `-` or `_` between
 * the words. Not a longer flag that begins or ends with the name (`--interrupt-budget-for-…`,
 * `--trace-turbo-inlining`): those leave the flag itself as it was.
 */
export function nodeWasGiven(flag: string, given: string = givenNodeFlags()): boolean {
  const name = flag.replace(/^--(no-)?/, '').replace(/=.*/, '').replace(/-/g, '[-_]');
  return new RegExp(`(?:^|\\s)--(?:no[-_])?${name}(?![-_\\w])`).test(given);
}

/** Whether this Node is one the speed flags were checked on (20–24): V8 prints an error for a flag it lacks. */
export function flagsCheckedOnThisNode(): boolean {
  const major = Number(process.versions.node.split('.')[0]);
  return major >= 20 && major <= 24;
}

/**
 * Sets a V8 flag for speed (`--name`, `--no-name` or `--name=value`) through `setFlags`, unless
 * node was given that flag (an explicit flag wins) or this Node is not one the flags were checked
 * on. Returns whether it was set. The bin and the pool both set theirs through it.
 */
export function setUnlessGiven(flag: string, setFlags: (flags: string) => void): boolean {
  if (!flagsCheckedOnThisNode() || nodeWasGiven(flag)) return false;
  setFlags(flag);
  return true;
}
