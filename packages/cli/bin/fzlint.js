#!/usr/bin/env node
'use strict';
/* eslint-disable @typescript-eslint/no-require-imports -- CommonJS: bin/package.json says so (no ES module loader for a run that needs none) */
// The `fzlint` command. Kept tiny, and CommonJS (bin/package.json): it loads the esbuild
// bundle of the CLI (dist/bundle/cli.script.js, one file instead of ~190 modules: see
// scripts/bundle.mjs) through V8's code cache (dist/bundle/loader.js, from
// src/compile-cache.ts), or tsc's dist/cli.js when only tsc has run.
const { existsSync, fstatSync, statSync, writeSync } = require('node:fs');
const { join } = require('node:path');

const bundle = join(__dirname, '..', 'dist', 'bundle', 'cli.script.js');
// The loader, when built, sets the flags without loading node:v8 (`v8()`: node:v8 loads the
// streams, which a run whose output goes to a file or a pipe otherwise never needs).
let loader;
let loaderError;
try {
  loader = existsSync(bundle) ? require('../dist/bundle/loader.js') : undefined;
} catch (error) {
  loaderError = error; // Reported by run() as a CLI that cannot load.
}
const { setFlagsFromString } = typeof loader?.v8 === 'function' ? loader.v8() : require('node:v8');

/**
 * Sets the bin's V8 flags, unless node was given the same flag, and only on the Node versions the
 * flags were checked on (20–24): `setUnlessGiven`, `flagsCheckedOnThisNode`, `givenNodeFlags` and
 * `POOL_INTERRUPT_BUDGET` are @fzlint/linter's (src/node-flags.ts), what the pool sets its own
 * flags with, from the loader when built (before the bundle loads), else from the linter's module
 * itself (run(), before the tsc build's CLI loads).
 */
function tune({ setUnlessGiven, flagsCheckedOnThisNode, givenNodeFlags, POOL_INTERRUPT_BUDGET }) {
  if (!flagsCheckedOnThisNode()) return;
  // A lint run is short and walks much code once: V8's optimising compiler spent more
  // time inlining (and re-inlining after deoptimisations) than the inlined code saved.
  // Without inlining a 1,000-report run is ~10% faster and uses ~15% less CPU
  // (docs/performance-journal.md).
  setUnlessGiven('--no-turbo-inlining', setFlagsFromString);
  // Optimise a function later: the pool's interrupt budget (16x V8's default), from the start
  // (POOL_INTERRUPT_BUDGET, packages/linter/src/node-flags.ts, says what it saves).
  setUnlessGiven(`--interrupt-budget=${POOL_INTERRUPT_BUDGET}`, setFlagsFromString);
  // Regular expressions compiled to machine code at their first run, not interpreted first and
  // compiled again once they run a second time (V8's tier-up): a lint runs most of its several
  // hundred expressions many times, so their bytecode was made for nothing. 1,000 files ~4 % less
  // CPU (default and --concurrency 1), one and 10 files the same (2026-12-07, docs/performance-journal.md).
  // Only when node was given no flag at all: on Node 20.20, set here after any other flag (`node
  // --no-warnings`, NODE_OPTIONS=--max-old-space-size=…), runs of 8-20 or 61+ files crashed in
  // V8's native regular-expression code (SIGSEGV); given on the command line it is safe.
  if (givenNodeFlags().trim() === '') setFlagsFromString('--no-regexp-tier-up');
}
if (typeof loader?.setUnlessGiven === 'function') tune(loader);

/**
 * Why standard output takes no more writes: undefined while it does, 'gone' once its reader
 * has closed it (EPIPE: `fzlint … | head`), or the error of a write that failed otherwise
 * (ENOSPC, EIO, …). After either, nothing more is written (no further attempt): like git and
 * ripgrep, a run whose reader has gone ends quietly with the lint's own exit code; a failed
 * write is said in one line on stderr and makes the exit code 2 (run()).
 */
let stdoutStop;

/** Records why stdout stopped (the first reason wins); a failure other than EPIPE is said at once. */
function stopStdout(error) {
  if (stdoutStop !== undefined) return;
  if (error && error.code === 'EPIPE') {
    stdoutStop = 'gone';
    return;
  }
  stdoutStop = error instanceof Error ? error : new Error(String(error));
  const what = (error && error.code) || stdoutStop.message;
  stderrWriter.write(`fzlint: 标准输出：无法写入（${what}）/ standard output: cannot write (${what})\n`);
}

let stderrStream;
/** Whether stderr's reader has gone or a write to it failed: then it is written no more. */
let stderrStopped = false;
/** Whether a write to stderr failed other than with EPIPE (exit code 2). */
let stderrFailed = false;
/**
 * process.stderr, created on first use, with an 'error' listener: a run whose stderr reader
 * has gone (EPIPE) must not crash on a notice. There is nowhere to report a failure on
 * stderr itself: it only stops the writes (EPIPE) or makes the exit code 2 (any other).
 */
function standardError() {
  if (stderrStream === undefined) {
    stderrStream = process.stderr;
    stderrStream.on('error', stopStderr);
  }
  return stderrStream;
}

function stopStderr(error) {
  stderrStopped = true;
  if (!(error && error.code === 'EPIPE')) stderrFailed = true;
}

/** The writer `main` gets for stderr: drops what comes after stderr has stopped. */
const stderrWriter = {
  get isTTY() {
    return standardError().isTTY;
  },
  write(chunk) {
    if (stderrStopped) return false;
    const stream = standardError();
    const written = stream.write(chunk);
    // As for stdout (streamWrite): the error of a synchronous write is known now, emitted later.
    if (stream.errored) stopStderr(stream.errored);
    return written;
  },
};

/** Attaches stopStdout to a stream stdout's writes go to (the terminal's, or the fallback). */
function watched(stream) {
  stream.on('error', stopStdout);
  return stream;
}

/**
 * Whether fd 1's `stat` is /dev/null (`fzlint … >/dev/null`, a CI step that needs only the exit
 * code): Node's own stdout there is a synchronous file stream too, but it was given each JSON
 * piece as a string and encoded it into a fresh buffer (~190 KB a piece, fresh pages); written
 * directly, the pieces go through the one reused buffer as for a file. Other character devices
 * (a terminal, /dev/full) keep `process.stdout`. One more `stat` only when stdout is a character device.
 */
function isDevNull(stat) {
  if (!stat.isCharacterDevice() || process.platform === 'win32') return false;
  try {
    const devNull = statSync('/dev/null');
    return devNull.isCharacterDevice() && devNull.rdev === stat.rdev;
  } catch {
    return false;
  }
}

/**
 * Standard output for the CLI: written with `fs.writeSync` when fd 1 is a pipe (a FIFO), a
 * socket (what a Node parent's `spawn` gives: lint-staged, an editor's task), a regular
 * file or /dev/null, as Node's own stream writes those on Linux (synchronously), without creating
 * `process.stdout`: for a pipe or a socket that loads `net` (~3.5 ms of a one-file run), for
 * a file the streams (~2 ms; node:v8 no longer loads them, see above). A terminal and the
 * rest keep `process.stdout`. EPIPE and any other failed write stop stdout (stopStdout);
 * EAGAIN (a pipe or socket another process left non-blocking) sends the rest of the chunk
 * and every later one to `process.stdout`, which waits for the reader. `stopped` tells
 * `main` it may skip producing the rest of its output (src/io.ts).
 */
function standardOutput() {
  let direct = false;
  try {
    const stat = fstatSync(1);
    direct = stat.isFIFO() || stat.isSocket() || stat.isFile() || isDevNull(stat);
  } catch {
    direct = false;
  }
  let stream = direct ? undefined : watched(process.stdout);
  return {
    // The stream the writes go to, if any (it may still hold bytes: see run()).
    get stream() {
      return stream;
    },
    get isTTY() {
      return stream === undefined ? false : stream.isTTY;
    },
    get stopped() {
      return stdoutStop !== undefined;
    },
    // A byte chunk is written before write returns, or copied for the stream: the caller may reuse its memory (src/io.ts).
    reusable: direct,
    write(chunk) {
      if (stdoutStop !== undefined) return false;
      if (stream !== undefined) return streamWrite(typeof chunk === 'string' || !direct ? chunk : Buffer.from(chunk));
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
      let done = 0;
      try {
        while (done < bytes.length) done += writeSync(1, bytes, done, bytes.length - done);
      } catch (error) {
        if (!(error && error.code === 'EAGAIN')) {
          stopStdout(error);
          return false;
        }
        stream = watched(process.stdout);
        return streamWrite(Buffer.from(bytes.subarray(done)));
      }
      return true;
    },
  };
  // A stream that writes synchronously (a file, /dev/full: Node's SyncWriteStream) knows of a
  // failed write when write returns but emits 'error' only on the next tick, after run() may
  // have exited: take the error now.
  function streamWrite(chunk) {
    const written = stream.write(chunk);
    if (stream.errored) stopStdout(stream.errored);
    return written;
  }
}

async function run() {
  let cli;
  let loaded;
  try {
    if (loaderError) throw loaderError;
    if (loader) {
      // A one-file lint reads and writes a cache file of its own (runKindOf, src/compile-cache.ts).
      loaded = loader.loadScript(bundle, process.env, loader.runKindOf(process.argv.slice(2)));
      cli = loaded.exports;
    } else {
      tune(await import('@fzlint/linter/node-flags'));
      cli = await import('../dist/cli.js');
    }
  } catch (error) {
    process.stderr.write(`fzlint: cannot load the built CLI (${error && error.message}) — run pnpm build first\n`);
    process.exit(2);
  }
  const argv = process.argv.slice(2);
  const stdout = standardOutput();
  let lintedNothing = false;
  const code = await cli.main(argv, {
    stdout,
    // Created on first use, like stdin: a run that prints nothing on stderr does not create its stream.
    stderr: stderrWriter,
    cwd: process.cwd(),
    // A getter: creating process.stdin costs ~3 ms (streams), and only --stdin reads it.
    get stdin() {
      return process.stdin;
    },
    env: process.env,
    lintedNothing() {
      lintedNothing = true;
    },
  });
  // The code cache, written after the work so the functions it compiled are in it;
  // a cache from a run that compiled little (help, version, a usage error, a lint of only
  // empty or ignored files) is replaced by the next real run's.
  loaded?.save(lintedNothing || code === 2 || argv.some((a) => a === '-h' || a === '--help' || a === '-v' || a === '--version'));
  // Every command has finished its work when main returns. With nothing left to write, exit
  // now: a natural exit first tears down the environment and the heap (for 1,000 reports
  // hundreds of MB, tens of ms after the output, more under load), which process.exit skips
  // (it still waits for a worker thread that is ending). Else set the code and let pending
  // writes (a stream that fell back from direct writes, a terminal) drain; a write that fails
  // meanwhile still makes the code 2 (exitCode below).
  const outStream = stdout.stream;
  const pending =
    (stdoutStop === undefined && outStream !== undefined && outStream.writableLength > 0) ||
    (stderrStream !== undefined && !stderrStopped && stderrStream.writableLength > 0);
  if (!pending) process.exit(exitCode(code));
  process.exitCode = code;
  process.once('beforeExit', () => {
    process.exitCode = exitCode(code);
  });
}

/** The lint's own code, or 2 when a write to stdout or stderr failed (not for a reader that has gone). */
function exitCode(code) {
  return (stdoutStop !== undefined && stdoutStop !== 'gone') || stderrFailed ? 2 : code;
}

// A failure outside `main`'s own handling ends the process like an uncaught error (exit code 1).
run();
