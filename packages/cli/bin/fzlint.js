#!/usr/bin/env node
// The `fzlint` command. Kept tiny: it loads the esbuild bundle of the CLI
// (dist/bundle/cli.js, one file instead of ~190 modules: see scripts/bundle.mjs),
// or tsc's dist/cli.js when only tsc has run.
import { existsSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';

// A lint run is short and walks much code once: V8's optimising compiler spent more
// time inlining (and re-inlining after deoptimisations) than the inlined code saved.
// Without inlining a 1,000-report run is ~10% faster and uses ~15% less CPU
// (docs/performance.md). Set before the bundle loads; an explicit flag wins. Only on
// the Node versions it was checked on (20–24): V8 prints an error for a flag it lacks.
const nodeMajor = Number(process.versions.node.split('.')[0]);
if (nodeMajor >= 20 && nodeMajor <= 24 && !/turbo-inlining/.test(`${process.env.NODE_OPTIONS ?? ''} ${process.execArgv.join(' ')}`)) {
  setFlagsFromString('--no-turbo-inlining');
}

const bundle = new URL('../dist/bundle/cli.js', import.meta.url);
let cli;
try {
  cli = await import(existsSync(bundle) ? bundle.href : '../dist/cli.js');
} catch (error) {
  process.stderr.write(`fzlint: cannot load the built CLI (${error && error.message}) — run pnpm build first\n`);
  process.exit(2);
}
const code = await cli.main(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  cwd: process.cwd(),
  stdin: process.stdin,
  env: process.env,
});
// Set the code and let pending writes (a piped stdout) drain instead of exiting at once.
process.exitCode = code;
