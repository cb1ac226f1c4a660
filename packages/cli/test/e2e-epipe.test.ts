/**
 * A reader of fzlint's output that goes away early (`fzlint … | head`): like git and ripgrep,
 * the run stops writing and ends quietly — no `write EPIPE` stack trace, no message — with the
 * lint's own exit code; the same when stderr's reader has gone. Any other failed write
 * (ENOSPC on /dev/full) is said in one line and makes the exit code 2.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, fzlint, largeOutputProject, runEnv, shellCommand } from './helpers.js';

let dir: string;
let outputs: string;
let cleanup: () => void;
beforeAll(() => {
  // A JSON output of several MB: far more than a pipe or a socket holds, so the writes meet the closed end.
  ({ dir, outputs, cleanup } = largeOutputProject('fzlint-epipe'));
});
afterAll(() => cleanup());

/** A hung run fails its test instead of stalling the suite (a guard, not a timing). */
const GUARD_MS = 150_000;

/**
 * The run with stdout and stderr as pipes (sockets, as `spawn` gives); the one named `close`
 * is destroyed once its first bytes have arrived. What the other one got, and the exit code.
 */
function closingEarly(args: readonly string[], close: 'stdout' | 'stderr'): Promise<{ code: number | null; signal: string | null; kept: string; closedBytes: number }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: dir, env: runEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
    const guard = setTimeout(() => child.kill('SIGKILL'), GUARD_MS);
    const closing = child[close];
    const keeping = close === 'stdout' ? child.stderr : child.stdout;
    let closedBytes = 0;
    closing.on('data', (chunk: Buffer) => {
      closedBytes += chunk.length;
      closing.destroy();
    });
    const kept: Buffer[] = [];
    keeping.on('data', (chunk: Buffer) => kept.push(chunk));
    child.on('error', fail);
    child.on('close', (code, signal) => {
      clearTimeout(guard);
      done({ code, signal, kept: Buffer.concat(kept).toString('utf8'), closedBytes });
    });
  });
}

/** `fzlint … 2>err | head -c <n>` through bash: the exit code is fzlint's (PIPESTATUS). */
function throughHead(args: readonly string[], n: number): { code: number | null; stdout: Buffer; stderr: string } {
  const quoted = shellCommand(args);
  const out = join(outputs, 'head.txt');
  const err = join(outputs, 'head-err.txt');
  const r = spawnSync('bash', ['-c', `${quoted} 2>'${err}' | head -c ${n} >'${out}'; exit "\${PIPESTATUS[0]}"`], { cwd: dir, env: runEnv(), timeout: GUARD_MS, killSignal: 'SIGKILL' });
  return { code: r.status, stdout: readFileSync(out), stderr: readFileSync(err, 'utf8') };
}

describe.skipIf(process.platform === 'win32')('a reader of stdout that closes early', () => {
  const cases: readonly (readonly string[])[] = [
    // The one JSON output, written a few results at a time (jsonChunks).
    ['--format', 'json', '--concurrency', '1', '.'],
    // Two formatters to stdout: each a whole string (the plain formatters' path), several MB.
    ['--format', 'stylish', '--format', 'json', '.'],
  ];
  for (const args of cases) {
    it(`ends quietly with the lint's exit code: ${args.join(' ')}`, async () => {
      const reference = fzlint(dir, args);
      expect(Buffer.byteLength(reference.stdout)).toBeGreaterThan(512 * 1024);
      const run = await closingEarly(args, 'stdout');
      expect(run.signal).toBeNull();
      expect(run.closedBytes).toBeGreaterThan(0);
      expect(run.closedBytes).toBeLessThan(Buffer.byteLength(reference.stdout));
      expect(run.kept).toBe(reference.stderr);
      expect(run.code).toBe(reference.code);
    });

    it(`ends quietly under \`| head -c 300\`, the bytes those of a full run: ${args.join(' ')}`, () => {
      const reference = fzlint(dir, args);
      const run = throughHead(args, 300);
      expect(run.stderr).toBe(reference.stderr);
      expect(run.code).toBe(reference.code);
      expect(run.stdout.equals(Buffer.from(reference.stdout).subarray(0, 300))).toBe(true);
    });
  }

  it('still prints its own problems on stderr, and exits 2 for them', async () => {
    const args = ['--format', 'json', 'missing.md', '.'];
    const reference = fzlint(dir, args);
    expect(reference.code).toBe(2);
    expect(reference.errLines.length).toBe(1);
    const run = await closingEarly(args, 'stdout');
    expect(run.kept).toBe(reference.stderr);
    expect(run.code).toBe(2);
  });
});

describe.skipIf(process.platform === 'win32')('a reader of stderr that closes early', () => {
  it('does not crash the run, whose stdout and exit code are those of a full run', async () => {
    // Thousands of one-line problems: more than stderr's pipe holds.
    const args = ['--format', 'json', ...Array.from({ length: 3000 }, (_, i) => `missing-${i}.md`), '00.md'];
    const reference = fzlint(dir, args);
    expect(reference.code).toBe(2);
    const run = await closingEarly(args, 'stderr');
    expect(run.signal).toBeNull();
    expect(run.code).toBe(2);
    expect(run.kept === reference.stdout).toBe(true);
  });
});

describe.skipIf(process.platform === 'win32' || !existsSync('/dev/full'))('a write that fails otherwise', () => {
  for (const format of ['json', 'stylish']) {
    it(`is said in one line, and the exit code is 2: --format ${format}`, () => {
      const r = spawnSync('bash', ['-c', `${shellCommand(['--format', format, '00.md', '01.md'])} >/dev/full`], { cwd: dir, env: runEnv(), encoding: 'utf8', timeout: GUARD_MS, killSignal: 'SIGKILL' });
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/^fzlint: .*standard output: cannot write \(ENOSPC\)\n$/);
    });
  }
});
