#!/usr/bin/env node
// The cost of last year's report (`lint(text, { previous })`, the CLI's `--previous`)
// on the 100 KB report of the benchmark (reports 000–004 + 000 + 001 concatenated,
// 100,344 bytes, as corpus.mjs builds it), in one process:
//
//   no previous                   lint(text)
//   previous, cached              lint(text, { previous }) with the same last-year text every run
//                                 (an editor re-linting, a batch sharing it): parsed once
//   previous, parsed every run    the cache cleared before each run: parse + index + rules
//
// for three last-year reports: the same text with every year one less (everything
// copied: the most findings), another 100 KB report (the six archive reports
// repeated: nothing in common), and one real 16 KB report (000).
// Runs are interleaved (cached variants in one round, parsed-every-run ones in another, each
// with the baseline) so that load on a shared machine hits every variant alike, and
// both wall time and CPU time (process.cpuUsage: less disturbed by other processes)
// are shown.
// A benchmark, not a test: nothing asserts a time. Run after `pnpm build`:
//   node packages/bench/src/previous.mjs [--runs 40]
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { REPO_ROOT } from './corpus.mjs';

const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg >= 0 ? Number(process.argv[runsArg + 1]) : 40;

const { lint, clearPreviousCache } = await import(pathToFileURL(join(REPO_ROOT, 'packages/linter/dist/index.js')).href);

/** @param {string} d */
const dir = (d) => join(REPO_ROOT, 'fixtures', 'corpus', d);
const full = readdirSync(dir('full')).filter((n) => n.endsWith('.txt')).sort().map((n) => readFileSync(join(dir('full'), n)));
const [r000, r001] = /** @type {[Buffer, Buffer]} */ ([full[0], full[1]]);
const text = Buffer.concat([...full, r000, r001]).toString('utf8');
const archive = readdirSync(dir('archive')).filter((n) => n.endsWith('.txt')).sort().map((n) => readFileSync(join(dir('archive'), n), 'utf8')).join('\n');
let other = archive;
while (Buffer.byteLength(other) < Buffer.byteLength(text)) other += `\n${archive}`;

/** @type {Record<string, string>} */
const previous = {
  'same text, years − 1': text.replace(/(?<!\d)(20[12]\d)(?=\s*年)/g, (y) => String(Number(y) - 1)),
  'another 100 KB report': other,
  'report 000 (16 KB)': r000.toString('utf8'),
};

const filePath = 'big/report-100k.md';
/** @type {{name: string, run: () => unknown, wall: number[], cpu: number[]}[]} */
const variants = [{ name: 'no previous', run: () => lint(text, { filePath }), wall: [], cpu: [] }];
for (const [name, prev] of Object.entries(previous)) {
  const input = { text: prev, filePath: 'big/last-year.md' };
  variants.push({ name: `${name}: cached`, run: () => lint(text, { filePath, previous: input }), wall: [], cpu: [] });
  variants.push({
    name: `${name}: parsed every run`,
    run: () => {
      clearPreviousCache();
      return lint(text, { filePath, previous: input });
    },
    wall: [],
    cpu: [],
  });
}

const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
/**
 * Runs the variants interleaved, RUNS times each after a warm-up. The cached and
 * the parsed-every-run variants go in separate rounds (each with the baseline):
 * clearing the cache would otherwise take the cached variants' documents too.
 * @param {typeof variants} group
 */
function measure(group) {
  for (let i = 0; i < 3; i++) for (const v of group) v.run();
  for (let i = 0; i < RUNS; i++) {
    for (const v of group) {
      const c = cpu();
      const t = performance.now();
      v.run();
      v.wall.push(performance.now() - t);
      v.cpu.push(cpu() - c);
    }
  }
}
const [baseline] = /** @type {[typeof variants[number]]} */ (variants);
measure([baseline, ...variants.filter((v) => v.name.endsWith('cached'))]);
clearPreviousCache();
measure([baseline, ...variants.filter((v) => v.name.endsWith('every run'))]);

/** @param {number[]} a */
const median = (a) => /** @type {number} */ ([...a].sort((x, y) => x - y)[Math.floor(a.length / 2)]);
const base = median(baseline.wall);
const baseCpu = median(baseline.cpu);
console.log(`100 KB report: ${Buffer.byteLength(text)} bytes, ${text.length} characters; ${RUNS} interleaved runs per variant`);
console.log(`${'variant'.padEnd(44)} ${'wall median'.padStart(12)} ${'wall min'.padStart(9)} ${'CPU median'.padStart(11)} ${'× wall'.padStart(7)} ${'× CPU'.padStart(7)}`);
for (const v of variants) {
  console.log(
    `${v.name.padEnd(44)} ${median(v.wall).toFixed(1).padStart(12)} ${Math.min(...v.wall).toFixed(1).padStart(9)} ${median(v.cpu).toFixed(1).padStart(11)} ${(median(v.wall) / base).toFixed(2).padStart(7)} ${(median(v.cpu) / baseCpu).toFixed(2).padStart(7)}`,
  );
}
for (const [name, prev] of Object.entries(previous)) {
  const result = lint(text, { filePath, previous: { text: prev, filePath: 'big/last-year.md' } });
  /** @type {Record<string, number>} */
  const counts = {};
  for (const d of result.diagnostics) if (d.ruleId.startsWith('continuity/')) counts[d.ruleId] = (counts[d.ruleId] ?? 0) + 1;
  console.log(`${name}: ${JSON.stringify(counts)}`);
}
