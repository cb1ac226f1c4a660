// Micro-benchmark of @fzlint/parser (not a test; it asserts nothing about time).
//
//   npx tsc -p tsconfig.build.json && node scripts/bench-parse.mjs [--runs N] [--edits N]
//
// Prints, as the median (min–max) of N runs:
//   - full parse throughput in MB/s (UTF-8 bytes) of a ~1 MB plain-text and a ~1 MB Markdown report,
//     beside unified + remark-parse over the same Markdown (the floor docs/performance.md measures against);
//   - full parse of the 100 KB report (the five corpus reports, then 000 and 001 again) in ms;
//   - reparse of a one-character edit (insert, then delete, at seeded random places) of that report in ms.
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, reparse } from '../dist/index.js';

const here = dirname(fileURLToPath(import.meta.url));
const corpus = join(here, '../../../fixtures/corpus');
const arg = (name, dflt) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : dflt;
};
const RUNS = arg('--runs', 9);
const EDITS = arg('--edits', 200);

const read = (dir, ext) => readdirSync(join(corpus, dir)).filter((f) => f.endsWith(ext)).sort().map((f) => readFileSync(join(corpus, dir, f), 'utf8'));
const reports = { plaintext: read('full', '.txt'), markdown: read('markdown', '.md') };
/** The 100 KB report of the benchmark (docs/performance.md): the five reports, then 000 and 001 again. */
const report100k = (parts) => [...parts, parts[0], parts[1]].join('\n\n');
const report1m = (parts) => {
  const out = [];
  let bytes = 0;
  for (let i = 0; bytes < 1_000_000; i++) {
    const p = parts[i % parts.length];
    out.push(p);
    bytes += Buffer.byteLength(p) + 2;
  }
  return out.join('\n\n');
};

function stats(samples) {
  const s = [...samples].sort((a, b) => a - b);
  return { median: s[s.length >> 1], min: s[0], max: s[s.length - 1] };
}
function time(fn, runs) {
  fn();
  const out = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    out.push(performance.now() - t0);
  }
  return stats(out);
}
function timeInterleaved(a, b, runs) {
  a();
  b();
  const ta = [];
  const tb = [];
  for (let i = 0; i < runs; i++) {
    let t0 = performance.now();
    a();
    ta.push(performance.now() - t0);
    t0 = performance.now();
    b();
    tb.push(performance.now() - t0);
  }
  return [stats(ta), stats(tb)];
}
const fmtMs = (s) => `${s.median.toFixed(2)} ms (${s.min.toFixed(2)}–${s.max.toFixed(2)})`;
const fmtMBs = (bytes, s) => `${(bytes / 1e6 / (s.median / 1000)).toFixed(2)} MB/s (${(bytes / 1e6 / (s.max / 1000)).toFixed(2)}–${(bytes / 1e6 / (s.min / 1000)).toFixed(2)})`;

let remarkParse;
try {
  const { unified } = await import('unified');
  const { default: remark } = await import('remark-parse');
  const processor = unified().use(remark);
  remarkParse = (text) => processor.parse(text);
} catch {
  remarkParse = undefined;
}

console.log(`node ${process.version}, ${RUNS} runs, ${EDITS} edits`);
const results = {};
for (const format of ['plaintext', 'markdown']) {
  const big = report1m(reports[format]);
  const bytes = Buffer.byteLength(big);
  const withFloor = format === 'markdown' && remarkParse !== undefined;
  // The floor runs interleaved with fzlint's parse, so that both see the same machine load.
  const runs = withFloor ? timeInterleaved(() => parse(big, { format }), () => remarkParse(big), RUNS) : [time(() => parse(big, { format }), RUNS)];
  const full = runs[0];
  console.log(`parse ${format} 1 MB (${bytes} B): ${fmtMBs(bytes, full)}  = ${fmtMs(full)}`);
  results[`parse-${format}-1mb-ms`] = full.median;
  if (withFloor && runs[1]) {
    const floor = runs[1];
    console.log(`  unified + remark-parse, same text: ${fmtMBs(bytes, floor)}  = ${fmtMs(floor)}; parse / floor = ${(full.median / floor.median).toFixed(2)}`);
    results['remark-1mb-ms'] = floor.median;
  }

  const text = report100k(reports[format]);
  const full100 = time(() => parse(text, { format }), RUNS);
  console.log(`parse ${format} 100 KB (${Buffer.byteLength(text)} B): ${fmtMs(full100)}`);

  // One-character edits at seeded random places: insert a character, then delete it again.
  let seed = 7;
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  let doc = parse(text, { format });
  const samples = [];
  for (let i = 0; i < EDITS; i++) {
    const at = Math.floor(rand() * doc.text.length);
    const t0 = performance.now();
    const inserted = reparse(doc, [{ range: { start: at, end: at }, text: '字' }]);
    const t1 = performance.now();
    doc = reparse(inserted, [{ range: { start: at, end: at + 1 }, text: '' }]);
    const t2 = performance.now();
    samples.push(t1 - t0, t2 - t1);
  }
  const edit = stats(samples);
  console.log(`reparse ${format} 100 KB, one-character edit: ${fmtMs(edit)} over ${samples.length} edits`);
  results[`reparse-${format}-100kb-ms`] = edit.median;
}
console.log(JSON.stringify(results));
