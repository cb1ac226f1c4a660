// Process timing: wall time from spawn to exit, with CPU time and peak RSS from
// GNU time when the machine has it (peers.md measured the same way), output to a
// file so that terminal rendering is not timed but writing the report is.
import { spawn } from 'node:child_process';
import { existsSync, openSync, closeSync, readFileSync, statSync, rmSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

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
 * Median, min, max and the 90th and 99th percentiles (nearest rank) of a list of numbers.
 * @param {readonly number[]} xs
 */
export function stats(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const n = s.length;
  if (n === 0) return { median: NaN, min: NaN, max: NaN, p90: NaN, p99: NaN, n: 0 };
  const median = n % 2 ? /** @type {number} */ (s[(n - 1) / 2]) : (/** @type {number} */ (s[n / 2 - 1]) + /** @type {number} */ (s[n / 2])) / 2;
  const rank = (/** @type {number} */ p) => /** @type {number} */ (s[Math.min(n - 1, Math.max(0, Math.ceil(n * p) - 1))]);
  return { median, min: /** @type {number} */ (s[0]), max: /** @type {number} */ (s[n - 1]), p90: rank(0.9), p99: rank(0.99), n };
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
 * Times two commands alternately — A B, B A, A B, … — so that both meet the same machine
 * state (a shared machine's load drifts over minutes). The before/after comparison of
 * `--baseline`: `a` is this checkout, `b` the other one.
 * @param {CommandSpec} a @param {CommandSpec} b
 */
export async function timeAlternating(a, b) {
  /** @type {RunResult[]} */
  const keptA = [];
  /** @type {RunResult[]} */
  const keptB = [];
  const warmup = Math.max(a.warmup, b.warmup);
  const runs = Math.max(a.runs, b.runs);
  for (let i = 0; i < warmup + runs; i++) {
    for (const side of i % 2 === 0 ? ['a', 'b'] : ['b', 'a']) {
      const r = await runSpec(side === 'a' ? a : b, i);
      if (i >= warmup) (side === 'a' ? keptA : keptB).push(r);
      else rmSync(r.outFile, { force: true });
    }
  }
  return { a: summarise(keptA), b: summarise(keptB) };
}

/**
 * The ratio of two commands timed in pairs (`timeAlternating`: the i-th runs of each form a
 * pair, back to back): each pair's `num[i] / den[i]`, and their median — a figure the host's
 * drift over minutes cannot move, since both runs of a pair meet the same machine state, and
 * one disturbed pair cannot move either. `numFaster` and `denFaster` count the pairs each
 * side won (a tie counts for neither).
 * @param {readonly number[]} num @param {readonly number[]} den
 */
export function pairedRatio(num, den) {
  if (num.length !== den.length) throw new Error(`pairedRatio: ${num.length} against ${den.length} samples`);
  const ratios = num.map((x, i) => x / /** @type {number} */ (den[i]));
  const { median, min, max, n } = stats(ratios);
  return {
    median,
    min,
    max,
    n,
    numFaster: ratios.filter((r) => r < 1).length,
    denFaster: ratios.filter((r) => r > 1).length,
    ratios: ratios.map((r) => Math.round(r * 10000) / 10000),
  };
}

/** @typedef {ReturnType<typeof pairedRatio>} PairedRatio */
