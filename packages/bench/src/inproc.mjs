#!/usr/bin/env node
// One process, one core: reads every `.md` file given (files or folders), then
// runs one of
//   remark        unified + remark-parse, parse only — the floor
//   fzlint-parse  @fzlint/parser parse()           — fzlint's document model
//   fzlint-lint   @fzlint/linter lint()            — parse + every rule
//   rules         time each rule alone (runRule) over every file, on freshly parsed
//                 documents: prints {rules: [{id, ms, diagnostics}]}, slowest first
// over all of them, `--passes N` times, and prints one JSON line with the time of
// each pass (reading excluded). Started by the harness as a child process so that
// its whole-process wall time is comparable with a CLI's. `--root DIR` loads fzlint
// from another checkout (the bench's `--baseline`).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

let REPO_ROOT = new URL('../../../', import.meta.url).pathname;

const args = process.argv.slice(2);
const mode = args.shift();
let passes = 1;
/** @type {string[]} */
const inputs = [];
for (let i = 0; i < args.length; i++) {
  const a = /** @type {string} */ (args[i]);
  if (a === '--passes') passes = Number(args[++i]);
  else if (a === '--root') REPO_ROOT = /** @type {string} */ (args[++i]);
  else inputs.push(a);
}

/** @param {string} p @returns {string[]} */
function collect(p) {
  if (statSync(p).isDirectory()) {
    return readdirSync(p)
      .sort()
      .flatMap((n) => collect(join(p, n)));
  }
  return p.endsWith('.md') ? [p] : [];
}

const tRead0 = performance.now();
const docs = inputs.flatMap(collect).map((file) => ({ file, text: readFileSync(file, 'utf8') }));
const readMs = performance.now() - tRead0;

/** @type {(text: string, file: string) => unknown} */
let run;
const tLoad0 = performance.now();
if (mode === 'remark') {
  const { unified } = await import('unified');
  const { default: remarkParse } = await import('remark-parse');
  const processor = unified().use(remarkParse);
  run = (text) => processor.parse(text);
} else if (mode === 'fzlint-parse') {
  const { parse } = await import(pathToFileURL(join(REPO_ROOT, 'packages/parser/dist/index.js')).href);
  run = (text, filePath) => parse(text, { filePath });
} else if (mode === 'fzlint-lint') {
  const { lint } = await import(pathToFileURL(join(REPO_ROOT, 'packages/linter/dist/index.js')).href);
  run = (text, filePath) => lint(text, { filePath });
} else if (mode === 'rules') {
  const dist = (/** @type {string} */ pkg) => pathToFileURL(join(REPO_ROOT, `packages/${pkg}/dist/index.js`)).href;
  const { parse } = await import(dist('parser'));
  const { runRule, resolveSettings } = await import(dist('rule-api'));
  const { rules } = await import(dist('rules'));
  // Rules share analyses cached per document (WeakMap): a fresh parse for every rule
  // and pass charges each rule what it costs alone, shared analysis included.
  const fresh = () => docs.map((d) => parse(d.text, { filePath: d.file }));
  /** @type {{id: string, ms: number, diagnostics: number}[]} */
  const perRule = [];
  for (const rule of rules) {
    let diagnostics = 0;
    let best = Infinity;
    for (let p = 0; p < passes; p++) {
      const parsed = fresh();
      const settings = parsed.map((doc) => resolveSettings(doc, {}));
      const t0 = performance.now();
      parsed.forEach((doc, i) => {
        const out = runRule(rule, doc, { settings: settings[i] });
        if (p === 0) diagnostics += out.length;
      });
      best = Math.min(best, performance.now() - t0);
    }
    perRule.push({ id: rule.meta.id, ms: Math.round(best * 10) / 10, diagnostics });
  }
  perRule.sort((a, b) => b.ms - a.ms);
  const total = perRule.reduce((n, r) => n + r.ms, 0);
  process.stdout.write(`${JSON.stringify({ mode, files: docs.length, totalMs: Math.round(total), rules: perRule })}\n`);
  process.exit(0);
} else {
  console.error(`usage: inproc.mjs remark|fzlint-parse|fzlint-lint|rules [--passes N] [--root DIR] <files|dirs>`);
  process.exit(2);
}
const loadMs = performance.now() - tLoad0;

/** @type {number[]} */
const passMs = [];
let findings = 0;
for (let p = 0; p < passes; p++) {
  const t0 = performance.now();
  for (const d of docs) {
    let r = run(d.text, d.file);
    // lint() may be async; await only when it is, so sync code is timed without microtask hops.
    if (r && typeof (/** @type {any} */ (r).then) === 'function') r = await r;
    if (p === 0 && mode === 'fzlint-lint') findings += /** @type {any} */ (r)?.diagnostics?.length ?? 0;
  }
  passMs.push(performance.now() - t0);
}
const bytes = docs.reduce((n, d) => n + Buffer.byteLength(d.text), 0);
process.stdout.write(
  `${JSON.stringify({ mode, files: docs.length, bytes, readMs, loadMs, passMs, findings })}\n`,
);
