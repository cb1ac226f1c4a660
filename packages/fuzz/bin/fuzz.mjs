#!/usr/bin/env node
// `pnpm fuzz --runs N --seed S [--only NAME]`: the fuzz properties of @fzlint/fuzz for a
// long run (the test in `pnpm test` runs a few thousand cases with a fixed seed). Prints
// each property's outcome, a failing case shrunk to a minimal reproduction with the seed
// and path that replay it, and the run's figures: documents, crashes, invariant
// violations, slowest input. Exit 1 when a property failed. Needs `pnpm build` first.
import { readdirSync, readFileSync } from 'node:fs';

const args = process.argv.slice(2);
const value = (flag, fallback) => {
  const i = args.indexOf(flag);
  const inline = args.find((a) => a.startsWith(`${flag}=`));
  if (inline) return inline.slice(flag.length + 1);
  return i >= 0 ? args[i + 1] : fallback;
};
if (args.includes('-h') || args.includes('--help')) {
  process.stdout.write('pnpm fuzz [--runs N (default 10000)] [--seed S (default: random)] [--only NAME]\n');
  process.exit(0);
}
const runs = Number(value('--runs', '10000'));
const seed = Number(value('--seed', String(Math.floor(Math.random() * 2 ** 31))));
const only = value('--only', undefined);
if (!Number.isInteger(runs) || runs <= 0 || !Number.isInteger(seed)) {
  process.stderr.write('fuzz: --runs and --seed take whole numbers\n');
  process.exit(2);
}

let fuzz;
try {
  fuzz = await import('../dist/index.js');
} catch (error) {
  process.stderr.write(`fuzz: cannot load @fzlint/fuzz (${error.message}) — run pnpm build first\n`);
  process.exit(2);
}

const root = new URL('../../../fixtures/corpus/', import.meta.url);
const corpus = [];
for (const dir of ['full/', 'markdown/', 'excerpts/']) {
  const url = new URL(dir, root);
  for (const f of readdirSync(url).sort()) if (/\.(?:txt|md)$/.test(f)) corpus.push(readFileSync(new URL(f, url), 'utf8'));
}

process.stdout.write(`fuzz: ${runs} cases, seed ${seed}${only ? `, only "${only}"` : ''}\n`);
const started = performance.now();
const { reports, stats } = await fuzz.runFuzz(corpus, {
  runs,
  seed,
  ...(only ? { only } : {}),
  onProperty: (r) => {
    process.stdout.write(`  ${r.failed ? 'FAIL' : 'ok  '} ${r.name} (${r.runs} cases)\n`);
    if (r.failed) {
      process.stdout.write(`       ${String(r.error).split('\n').join('\n       ')}\n`);
      process.stdout.write(`       shrunk to: ${r.counterexample}\n`);
      process.stdout.write(`       replay: pnpm fuzz --only "${r.name}" --seed ${r.seed} (path ${r.path})\n`);
    }
  },
});
const seconds = (performance.now() - started) / 1000;
const mb = (chars) => (chars / 1e6).toFixed(2);
process.stdout.write(
  [
    `documents: ${stats.documents} (${mb(stats.chars)} M characters) in ${seconds.toFixed(1)} s`,
    `crashes: ${stats.crashes}`,
    `invariant violations: ${stats.violations}`,
    `slowest document: ${stats.slowest.ms.toFixed(1)} ms (${stats.slowest.chars} characters)`,
    `slowest per million characters (documents of 4,000+): ${stats.slowestPerMb.secondsPerMb.toFixed(2)} s (${stats.slowestPerMb.chars} characters)`,
  ].join('\n') + '\n',
);
process.exitCode = reports.some((r) => r.failed) ? 1 : 0;
