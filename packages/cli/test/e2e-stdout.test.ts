/**
 * bin/fzlint.js writes standard output with `fs.writeSync` when it is a pipe, a socket or a
 * file (not through `process.stdout`, whose creation for a pipe or a socket costs a one-file
 * run ~3.5 ms, for a file ~2 ms): the bytes, stderr and exit code are the same whichever
 * stdout a run has — a socket (what spawnSync gives), a shell pipe (a FIFO) or a file — also
 * for an output larger than a pipe's buffer.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, fzlint, largeOutputProject, runEnv, shellCommand } from './helpers.js';

let dir: string;
/** Where the shell runs put their output (outside the folder they lint). */
let outputs: string;
let cleanup: () => void;
beforeAll(() => {
  // Enough reports for a JSON output of several MB (a pipe holds 64 KB).
  ({ dir, outputs, cleanup } = largeOutputProject('fzlint-stdout'));
});
afterAll(() => cleanup());

/** The run through `bash`, stdout to a FIFO read by `cat` or to a file; stderr to a file. */
function throughShell(args: readonly string[], to: 'pipe' | 'file'): { code: number | null; stdout: string; stderr: string } {
  const quoted = shellCommand(args);
  const out = join(outputs, 'out.txt');
  const err = join(outputs, 'err.txt');
  const script = to === 'pipe' ? `${quoted} 2>'${err}' | cat >'${out}'; exit "\${PIPESTATUS[0]}"` : `${quoted} >'${out}' 2>'${err}'`;
  const r = spawnSync('bash', ['-c', script], { cwd: dir, env: runEnv(), timeout: 180_000, killSignal: 'SIGKILL' });
  return { code: r.status, stdout: readFileSync(out, 'utf8'), stderr: readFileSync(err, 'utf8') };
}

describe.skipIf(process.platform === 'win32')('standard output', () => {
  for (const args of [['--format', 'json', '--concurrency', '1', '.'], ['--format', 'stylish', '00.md'], ['--format', 'json', 'missing.md', '01.md']]) {
    it(`is the same to a socket, a pipe and a file: ${args.join(' ')}`, () => {
      const reference = fzlint(dir, args);
      expect(reference.stdout.length).toBeGreaterThan(0);
      for (const to of ['pipe', 'file'] as const) {
        const run = throughShell(args, to);
        expect(run.code).toBe(reference.code);
        expect(run.stderr).toBe(reference.stderr);
        expect(run.stdout === reference.stdout).toBe(true);
      }
    });
  }
});

/**
 * The run with stdout and stderr to one file (as the bench times it) and a script preloaded
 * with `-r` that writes the built-in modules the run loaded (`process.moduleLoadList`) at exit.
 */
function toFileWithModules(args: readonly string[], nodeFlags: readonly string[] = []): { code: number | null; output: string; modules: string[] } {
  const preload = join(outputs, 'modules.cjs');
  const list = join(outputs, 'modules.txt');
  writeFileSync(preload, `process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(list)}, process.moduleLoadList.join('\\n')));\n`);
  const out = join(outputs, 'both.txt');
  const fd = openSync(out, 'w');
  const env = runEnv();
  try {
    const r = spawnSync(process.execPath, [...nodeFlags, '-r', preload, BIN, ...args], { cwd: dir, env, stdio: ['ignore', fd, fd], timeout: 180_000, killSignal: 'SIGKILL' });
    return { code: r.status, output: readFileSync(out, 'utf8'), modules: readFileSync(list, 'utf8').split('\n') };
  } finally {
    closeSync(fd);
  }
}

describe.skipIf(process.platform === 'win32')('a run whose output goes to a file', () => {
  it('loads neither node:v8 nor the streams, and prints what a socket gets, with no deprecation warning', () => {
    const reference = fzlint(dir, ['--format', 'stylish', '00.md']);
    const run = toFileWithModules(['--format', 'stylish', '00.md']);
    expect(run.code).toBe(reference.code);
    expect(run.output === reference.stdout + reference.stderr).toBe(true);
    expect(run.modules).not.toContain('NativeModule v8');
    expect(run.modules).not.toContain('NativeModule stream');
  });

  it('is the same with deprecations thrown or announced early', () => {
    const reference = fzlint(dir, ['--format', 'json', '01.md']);
    for (const flag of ['--throw-deprecation', '--pending-deprecation', '--trace-deprecation']) {
      const run = toFileWithModules(['--format', 'json', '01.md'], [flag]);
      expect(run.code).toBe(reference.code);
      expect(run.output === reference.stdout + reference.stderr).toBe(true);
    }
  });
});

describe.skipIf(process.platform === 'win32' || !existsSync('/dev/null'))('a run whose output goes to /dev/null', () => {
  it('writes it as a file (no streams loaded), with the exit code and stderr a socket run has', () => {
    const args = ['--format', 'json', '--concurrency', '1', '.'];
    const reference = fzlint(dir, args);
    const preload = join(outputs, 'modules-null.cjs');
    const list = join(outputs, 'modules-null.txt');
    writeFileSync(preload, `process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(list)}, process.moduleLoadList.join('\\n')));\n`);
    const err = join(outputs, 'err-null.txt');
    const nul = openSync('/dev/null', 'w');
    const errFd = openSync(err, 'w');
    try {
      const r = spawnSync(process.execPath, ['-r', preload, BIN, ...args], { cwd: dir, env: runEnv(), stdio: ['ignore', nul, errFd], timeout: 180_000, killSignal: 'SIGKILL' });
      expect(r.status).toBe(reference.code);
    } finally {
      closeSync(nul);
      closeSync(errFd);
    }
    expect(readFileSync(err, 'utf8')).toBe(reference.stderr);
    const modules = readFileSync(list, 'utf8').split('\n');
    expect(modules).not.toContain('NativeModule stream');
  });
});
