#!/usr/bin/env node
'use strict';
/* eslint-disable @typescript-eslint/no-require-imports -- CommonJS: bin/package.json says so (no ES module loader for a run that needs none) */
// The `fzlint` command. Kept tiny, and CommonJS (bin/package.json): it loads the esbuild
// bundle of the CLI (dist/bundle/cli.script.js, one file instead of ~190 modules: see
// scripts/bundle.mjs) through V8's code cache (dist/bundle/loader.js, from
// src/compile-cache.ts), or tsc's dist/cli.js when only tsc has run.
const { existsSync } = require('node:fs');
const { join } = require('node:path');
const { setFlagsFromString } = require('node:v8');

// A lint run is short and walks much code once: V8's optimising compiler spent more
// time inlining (and re-inlining after deoptimisations) than the inlined code saved.
// Without inlining a 1,000-report run is ~10% faster and uses ~15% less CPU
// (docs/performance.md). Set before the bundle loads; an explicit flag wins. Only on
// the Node versions it was checked on (20–24): V8 prints an error for a flag it lacks.
const nodeMajor = Number(process.versions.node.split('.')[0]);
const givenFlags = `${process.env.NODE_OPTIONS ?? ''} ${process.execArgv.join(' ')}`;
if (nodeMajor >= 20 && nodeMajor <= 24 && !/turbo-inlining/.test(givenFlags)) {
  setFlagsFromString('--no-turbo-inlining');
}
// Optimise a function later: 8x V8's default interrupt budget, the pool's value
// (POOL_INTERRUPT_BUDGET, packages/linter/src/project/workers.ts), from the start. With the
// default, a one-file run spent ~35 ms of its ~210 ms CPU optimising (on threads that compete
// with the lint on two cores) code that ran a few times more; 10 and 50 files in one
// thread use 20-30 % less CPU, 1,000 files with --concurrency 1 ~4 % less (docs/performance.md).
if (nodeMajor >= 20 && nodeMajor <= 24 && !/interrupt-budget(?!-)/.test(givenFlags)) {
  setFlagsFromString('--interrupt-budget=540672');
}

async function run() {
  const bundle = join(__dirname, '..', 'dist', 'bundle', 'cli.script.js');
  let cli;
  let loaded;
  try {
    if (existsSync(bundle)) {
      const loader = require('../dist/bundle/loader.js');
      // A one-file lint reads and writes a cache file of its own (runKindOf, src/compile-cache.ts).
      loaded = loader.loadScript(bundle, process.env, loader.runKindOf(process.argv.slice(2)));
      cli = loaded.exports;
    } else {
      cli = await import('../dist/cli.js');
    }
  } catch (error) {
    process.stderr.write(`fzlint: cannot load the built CLI (${error && error.message}) — run pnpm build first\n`);
    process.exit(2);
  }
  const argv = process.argv.slice(2);
  const code = await cli.main(argv, {
    stdout: process.stdout,
    stderr: process.stderr,
    cwd: process.cwd(),
    // A getter: creating process.stdin costs ~3 ms (streams), and only --stdin reads it.
    get stdin() {
      return process.stdin;
    },
    env: process.env,
  });
  // The code cache, written after the work so the functions it compiled are in it;
  // a cache from a run that compiled little (help, version, a usage error) is replaced
  // by the next real run's.
  loaded?.save(code === 2 || argv.some((a) => a === '-h' || a === '--help' || a === '-v' || a === '--version'));
  // Set the code and let pending writes (a piped stdout) drain instead of exiting at once.
  process.exitCode = code;
}

// A failure outside `main`'s own handling ends the process like an uncaught error (exit code 1).
run();
