// Process timing: wall time from spawn to exit, with CPU time and peak RSS from
// GNU time when the machine has it (peers.md measured the same way), output to a
// file so that terminal rendering is not timed but writing the report is.
import { spawn } from 'node:child_process';
import { existsSync, openSync, closeSync, readFileSync, statSync, rmSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stats } from './stats.mjs';

/** Absolute path of GNU time, or undefined (macOS' BSD time lacks `-f`). */
export const GNU_TIME = ['/usr/bin/time'].find((p) => {
  if (!existsSync(p)) return false;
  try {
    // BSD time rejects -f; GNU time accepts it.
    return readFileSync(p).includes('GNU');
  } catch {
    return false;
  }
});

/** Folder for run outputs, made on first use (so `--help` leaves nothing behind). @type {string | undefined} */
let scratch;
let outCounter = 0;

/**
 * @typedef {object} RunResult
 * @property {number} wallMs      spawn → exit, measured here
 * @property {number} [cpuMs]     user + system CPU of the process tree (GNU time)
 * @property {number} [rssMiB]    peak RSS of the largest process (GNU time)
 * @property {number} code        exit code
 * @property {string} outFile     stdout + stderr of the run
 * @property {number} outBytes
 */

/**
 * Runs one command to completion, stdout and stderr into one file.
 * @param {string} cmd
 * @param {readonly string[]} args
 * @param {{cwd?: string, env?: NodeJS.ProcessEnv, timeoutMs?: number}} [opts]
 * @returns {Promise<RunResult>}
 */
export function runOnce(cmd, args, opts = {}) {
  scratch ??= mkdtempSync(join(tmpdir(), 'fzlint-bench-out-'));
  const outFile = join(scratch, `out-${++outCounter}.txt`);
  const timeFile = `${outFile}.time`;
  const fd = openSync(outFile, 'w');
  const argv = GNU_TIME ? ['-f', '%U %S %M', '-o', timeFile, cmd, ...args] : [...args];
  const bin = GNU_TIME ?? cmd;
  return new Promise((resolve, reject) => {
    const t0 = process.hrtime.bigint();
    const child = spawn(bin, argv, {
      cwd: opts.cwd,
      env: opts.env ?? process.env,
      stdio: ['ignore', fd, fd],
    });
    const timer = opts.timeoutMs
      ? setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs)
      : undefined;
    child.on('error', (err) => {
      if (timer) clearTimeout(timer);
      closeSync(fd);
      reject(err);
    });
    child.on('exit', (code, signal) => {
      const wallMs = Number(process.hrtime.bigint() - t0) / 1e6;
      if (timer) clearTimeout(timer);
      closeSync(fd);
      /** @type {RunResult} */
      const r = { wallMs, code: code ?? (signal ? 128 : 1), outFile, outBytes: statSync(outFile).size };
      if (GNU_TIME && existsSync(timeFile)) {
        // GNU time may prefix "Command exited with non-zero status N"; the figures are the last line.
        const last = readFileSync(timeFile, 'utf8').trim().split('\n').pop() ?? '';
        const [u, s, m] = last.split(' ').map(Number);
        if (u !== undefined && s !== undefined && Number.isFinite(u) && Number.isFinite(s)) r.cpuMs = (u + s) * 1000;
        if (m !== undefined && Number.isFinite(m)) r.rssMiB = m / 1024;
        rmSync(timeFile, { force: true });
      }
      resolve(r);
    });
  });
}

/** Removes the scratch folder holding run outputs. */
export function cleanupScratch() {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
  scratch = undefined;
}

/**
 * What to time: a command, `warmup + runs` times (warm-ups discarded). `before` runs
 * before every run, untimed (e.g. empty a cache, touch a file).
 * @typedef {{cmd: string, args: readonly string[], cwd?: string, env?: NodeJS.ProcessEnv,
 *   runs: number, warmup: number, before?: (i: number) => void | Promise<void>,
 *   okCodes?: readonly number[], timeoutMs?: number}} CommandSpec
 */

/**
 * One run of a spec, checked for its exit code.
 * @param {CommandSpec} spec @param {number} i
 */
async function runSpec(spec, i) {
  if (spec.before) await spec.before(i);
  /** @type {{cwd?: string, env?: NodeJS.ProcessEnv, timeoutMs?: number}} */
  const opts = {};
  if (spec.cwd) opts.cwd = spec.cwd;
  if (spec.env) opts.env = spec.env;
  if (spec.timeoutMs) opts.timeoutMs = spec.timeoutMs;
  const r = await runOnce(spec.cmd, spec.args, opts);
  if (!(spec.okCodes ?? [0, 1]).includes(r.code)) {
    const tail = readFileSync(r.outFile, 'utf8').slice(-800);
    throw new Error(`exit ${r.code}: ${[spec.cmd, ...spec.args].join(' ').slice(0, 200)}\n${tail}`);
  }
  return r;
}

/**
 * Summarises the kept runs of one spec; the last run's output file is kept for the caller.
 * @param {RunResult[]} kept
 */
function summarise(kept) {
  const last = /** @type {RunResult} */ (kept[kept.length - 1]);
  for (const r of kept.slice(0, -1)) rmSync(r.outFile, { force: true });
  const cpu = kept.map((r) => r.cpuMs).filter((x) => x !== undefined);
  const rss = kept.map((r) => r.rssMiB).filter((x) => x !== undefined);
  return {
    wall: stats(kept.map((r) => r.wallMs)),
    samples: kept.map((r) => Math.round(r.wallMs * 10) / 10),
    ...(cpu.length === kept.length ? { cpuSamples: cpu.map((x) => Math.round(/** @type {number} */ (x))) } : {}),
    cpuMs: cpu.length ? stats(/** @type {number[]} */ (cpu)).median : undefined,
    rssMiB: rss.length ? Math.max(.../** @type {number[]} */ (rss)) : undefined,
    exitCode: last.code,
    outBytes: last.outBytes,
    lastOutFile: last.outFile,
  };
}

/** @typedef {ReturnType<typeof summarise>} Summary */

/**
 * Runs a command `warmup + runs` times (warm-ups discarded) and summarises.
 * @param {CommandSpec} spec
 */
export async function timeCommand(spec) {
  /** @type {RunResult[]} */
  const kept = [];
  for (let i = 0; i < spec.warmup + spec.runs; i++) {
    const r = await runSpec(spec, i);
    if (i >= spec.warmup) kept.push(r);
    else rmSync(r.outFile, { force: true });
  }
  return summarise(kept);
}

/**
 * Times several commands in rounds, one run of each a round, rotating the order every round
 * (A B C, B C A, C A B, …; for two commands A B, B A, …), so that all meet the same machine
 * state (a shared machine's load drifts over minutes) and each takes every place in a round
 * as often as the others. The i-th kept runs of the commands form round i. Returns one
 * summary a command, in the order given.
 * @param {readonly CommandSpec[]} specs
 */
export async function timeRotating(specs) {
  /** @type {RunResult[][]} */
  const kept = specs.map(() => []);
  const warmup = Math.max(...specs.map((s) => s.warmup));
  const runs = Math.max(...specs.map((s) => s.runs));
  for (let i = 0; i < warmup + runs; i++) {
    for (let k = 0; k < specs.length; k++) {
      const at = (i + k) % specs.length;
      const r = await runSpec(/** @type {CommandSpec} */ (specs[at]), i);
      if (i >= warmup) /** @type {RunResult[]} */ (kept[at]).push(r);
      else rmSync(r.outFile, { force: true });
    }
  }
  return kept.map(summarise);
}

/**
 * Times two commands alternately — A B, B A, A B, … (`timeRotating` of two) — so that both
 * meet the same machine state. The before/after comparison of `--baseline`: `a` is this
 * checkout, `b` the other one.
 * @param {CommandSpec} a @param {CommandSpec} b
 */
export async function timeAlternating(a, b) {
  const [ra, rb] = /** @type {[Summary, Summary]} */ (await timeRotating([a, b]));
  return { a: ra, b: rb };
}

