/** What the command talks to instead of `process` (tests pass their own). */

/** A stream the CLI writes to. */
export interface CliWritable {
  /** Text, or bytes already encoded as UTF-8 (what a warm run prints again from its output memo). */
  write(chunk: string | Uint8Array): unknown;
  readonly isTTY?: boolean;
  /**
   * True when `write` is done with a byte chunk when it returns (it copies what it keeps for
   * later): the caller may then fill the same memory again. bin/fzlint.js's writer for a
   * file, pipe or socket says so; a warm run then copies its output memo through one small
   * buffer instead of reading it whole (see output.ts `readOutputMemo`).
   */
  readonly reusable?: boolean;
  /**
   * True once the writer writes no more: its reader has gone (EPIPE: `fzlint … | head`) or a
   * write failed (bin/fzlint.js says so and sets the exit code). Later writes are dropped, so
   * a caller with much left to print (the JSON of many reports) may skip producing it.
   */
  readonly stopped?: boolean;
}

/** What `main` talks to instead of `process`. */
export interface CliIo {
  readonly stdout: CliWritable;
  readonly stderr: CliWritable;
  readonly cwd: string;
  /** Standard input for `--stdin`: a stream, or the text itself. */
  readonly stdin?: AsyncIterable<string | Uint8Array> | string;
  /** Environment (for `NO_COLOR` / `FORCE_COLOR`); defaults to none. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /**
   * Called by a lint that linted and printed no report (its files empty, ignored or
   * unreadable): such a run compiled little of the lint, so bin/fzlint.js writes its code
   * caches as light ones, which the next run that lints replaces (src/compile-cache.ts).
   */
  readonly lintedNothing?: () => void;
}

/** Standard input's bytes (empty when there is none). */
export async function readStdin(io: CliIo): Promise<Uint8Array> {
  const input = io.stdin;
  if (input === undefined) return new Uint8Array();
  if (typeof input === 'string') return new TextEncoder().encode(input);
  const chunks: Uint8Array[] = [];
  for await (const chunk of input) chunks.push(typeof chunk === 'string' ? new TextEncoder().encode(chunk) : chunk);
  return Buffer.concat(chunks);
}

/** Writes a file (making its folder); the error code instead of a throw. */
export async function writeText(path: string, text: string): Promise<string | undefined> {
  const { mkdir, writeFile } = await import('node:fs/promises');
  const { dirname } = await import('node:path');
  try {
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, text);
    return undefined;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code ?? 'EIO';
  }
}
