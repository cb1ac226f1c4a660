#!/usr/bin/env node
// The cost of last year's report (`--previous`, `lint(text, { previous })`) on the 100 KB
// report of the benchmark (reports 000–004 + 000 + 001 concatenated, 100,344 bytes, as
// corpus.mjs builds it).
//
// In `pnpm bench` (registered in main.mjs; group `previous`), three figures through the
// built CLI, as the other figures are timed (whole processes, `--concurrency 1`):
//
//   previous-none    fzlint big/report-100k.md
//   previous-same    fzlint --previous big/last-year-same.md big/report-100k.md
//                    (last year's report: the same text with every year one less — everything
//                    copied, the most findings)
//   previous-other   fzlint --previous big/last-year-other.md big/report-100k.md
//                    (another 100 KB report: the six archive reports repeated — nothing in common)
//
// Run alone (`node packages/bench/src/previous.mjs [--runs 40]`, after `pnpm build`), it
// measures the same in one process, `lint()` without the CLI:
//
//   no previous                   lint(text)
//   previous, cached              lint(text, { previous }) with the same last-year text every run
//                                 (an editor re-linting, a batch sharing it): parsed once
//   previous, parsed every run    the cache cleared before each run: parse + index + rules
//
// for three last-year reports: the two above and one real 16 KB report (000).
// Runs are interleaved (cached variants in one round, parsed-every-run ones in another, each
// with the baseline) so that load on a shared machine hits every variant alike, and
// both wall time and CPU time (process.cpuUsage: less disturbed by other processes)
// are shown.
// A benchmark, not a test: nothing asserts a time.
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { REPO_ROOT } from './corpus.mjs';
import { timeCommand } from './measure.mjs';

const FZLINT_BIN = join(REPO_ROOT, 'packages', 'cli', 'bin', 'fzlint.js');

/** @param {string} d */
const corpusDir = (d) => join(REPO_ROOT, 'fixtures', 'corpus', d);

/**
 * Last year's reports for the 100 KB report: its own text with every year one less, and
 * another 100 KB report made of the archive reports.
 * @param {string} text the 100 KB report
 */
function lastYears(text) {
  const archive = readdirSync(corpusDir('archive')).filter((n) => n.endsWith('.txt')).sort().map((n) => readFileSync(join(corpusDir('archive'), n), 'utf8')).join('\n');
  let other = archive;
  while (Buffer.byteLength(other) < Buffer.byteLength(text)) other += `\n${archive}`;
  return { same: text.replace(/(?<!\d)(20[12]\d)(?=\s*年)/g, (y) => String(Number(y) - 1)), other };
}

/**
 * The figures `pnpm bench` takes for `--previous` (group `previous`): the 100 KB report
 * without and with last year's report, through the built CLI, one core.
 * @param {{corpus: import('./corpus.mjs').BenchCorpus, runs: number, warmup: number, fzlint: {ok: boolean, reason?: string}}} ctx
 * @returns {{id: string, group: string, label: string, bytes?: number, run: () => Promise<any>}[]}
 */
export function previousFigures(ctx) {
  const c = ctx.corpus;
  const big = relative(c.root, c.doc100k);
  const last = lastYears(readFileSync(c.doc100k, 'utf8'));
  writeFileSync(join(c.root, 'big', 'last-year-same.md'), last.same);
  writeFileSync(join(c.root, 'big', 'last-year-other.md'), last.other);
  /** @param {string[]} args */
  const run = async (args) => {
    if (!ctx.fzlint.ok) return { na: ctx.fzlint.reason };
    const r = await timeCommand({ cwd: c.root, runs: ctx.runs, warmup: ctx.warmup, cmd: process.execPath, args: [FZLINT_BIN, '--format', 'json', '--concurrency', '1', ...args, big] });
    let findings;
    try {
      findings = JSON.parse(readFileSync(r.lastOutFile, 'utf8')).reduce((/** @type {number} */ n, /** @type {{messages: unknown[]}} */ f) => n + f.messages.length, 0);
    } catch {
      findings = undefined;
    }
    rmSync(r.lastOutFile, { force: true });
    return { ...r, lastOutFile: undefined, findings };
  };
  const kb = Math.round(c.doc100kBytes / 1000);
  return [
    { id: 'previous-none', group: 'previous', label: `fzlint, one ${kb} KB report, no previous report`, bytes: c.doc100kBytes, run: () => run([]) },
    {
      id: 'previous-same',
      group: 'previous',
      label: `  --previous: last year = same text, years − 1`,
      bytes: c.doc100kBytes,
      run: () => run(['--previous', 'big/last-year-same.md']),
    },
    {
      id: 'previous-other',
      group: 'previous',
      label: `  --previous: last year = another ${kb} KB report`,
      bytes: c.doc100kBytes,
      run: () => run(['--previous', 'big/last-year-other.md']),
    },
  ];
}

/** The in-process measurement (this file run alone). */
async function standalone() {
  const runsArg = process.argv.indexOf('--runs');
  const RUNS = runsArg >= 0 ? Number(process.argv[runsArg + 1]) : 40;

  const { lint, clearPreviousCache } = await import(pathToFileURL(join(REPO_ROOT, 'packages/linter/dist/index.js')).href);

  const full = readdirSync(corpusDir('full')).filter((n) => n.endsWith('.txt')).sort().map((n) => readFileSync(join(corpusDir('full'), n)));
  const [r000, r001] = /** @type {[Buffer, Buffer]} */ ([full[0], full[1]]);
  const text = Buffer.concat([...full, r000, r001]).toString('utf8');
  const last = lastYears(text);

  /** @type {Record<string, string>} */
  const previous = {
    'same text, years − 1': last.same,
    'another 100 KB report': last.other,
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
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await standalone();
