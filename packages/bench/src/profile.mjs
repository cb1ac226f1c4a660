#!/usr/bin/env node
// `pnpm --filter @fzlint/bench profile [-- options]`: runs fzlint over the bench
// corpus under `node --cpu-prof` and says where the time goes, in the phases of
// a whole run — start-up and module loading, reading, remark parse, report model, rules
// (with the top rules and shared analyses), output — then by package and the heaviest
// functions. Every thread's profile is read (worker threads write their own); bundled
// code is mapped back to its source files (src/phases.mjs says how a sample is charged).
//
//   --target cli|lint|parse   what to profile (default cli):
//        cli    node packages/cli/bin/fzlint.js --concurrency 1 --format json corpus
//        lint   packages/bench/src/inproc.mjs fzlint-lint corpus (lint() in one process)
//        parse  packages/bench/src/inproc.mjs fzlint-parse corpus (@fzlint/parser only)
//        startup  node packages/cli/bin/fzlint.js --format json one/one.md (one 23.5 KB report)
//        lsp    the language server under the profiler: open the 100 KB report, 50 one-character edits
//        rules  no profiler: each rule timed alone over the corpus (inproc.mjs rules, best of 3)
//   --copies N   copies of each report (default 40 → 200 files, ~2.8 MB)
//   --concurrency N   fzlint's --concurrency for --target cli (default 1; workers write their own profiles)
//   --top N      functions to list (default 25; rules: the same N)
//   --baseline DIR   profile another built checkout of fzlint the same way, right after
//                this one, and print both side by side (phases, rules)
//   --keep       keep the .cpuprofile files and print where they are
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildCorpus, removeCorpus, REPO_ROOT } from './corpus.mjs';
import { startServer } from './lsp.mjs';
import { originalSource, PHASES, phasesOf } from './phases.mjs';

/**
 * The V8 flag the bin sets for a plain run but not when node is given a flag (as `--cpu-prof`
 * is): passed on node's command line, where it is safe, on the Node versions the bin sets it on.
 * @returns {string[]}
 */
function binNodeFlags() {
  const major = Number(process.versions.node.split('.')[0]);
  return major >= 20 && major <= 24 ? ['--no-regexp-tier-up'] : [];
}

/**
 * Which part of the system a script URL belongs to.
 * @param {string} url
 */
export function category(url) {
  if (!url) return undefined;
  if (/micromark|mdast-util|remark-|unified|vfile|unist-|decode-named|character-entities|devlop|bail|trough|extend\//.test(url)) return 'markdown parse (remark/micromark)';
  if (url.includes('/packages/parser/')) return 'fzlint parser (model)';
  if (url.includes('/packages/rules/')) return 'rules';
  if (url.includes('/packages/rule-api/')) return 'rule-api (runRule, report, fixes)';
  if (url.includes('/packages/linter/src/formatters') || url.includes('/packages/linter/dist/formatters')) return 'formatters';
  if (url.includes('/packages/linter/')) return 'linter engine (config, directives)';
  if (url.includes('/packages/ontology/')) return 'ontology';
  if (url.includes('/packages/cli/')) return 'cli (files, cache, workers)';
  if (url.includes('/packages/bench/')) return 'bench driver';
  if (/^node:(fs|internal\/fs)|internal\/fs|node:internal\/(fs|streams)/.test(url)) return 'I/O (fs)';
  if (/node:internal\/(modules|vm)|node:internal\/main|node:module/.test(url)) return 'module loading';
  if (/node:internal\/worker|node:worker_threads|internal\/worker/.test(url)) return 'worker threads (messaging)';
  if (url.startsWith('node:')) return 'node internals';
  if (url.includes('/node_modules/')) return 'other dependencies';
  return 'other';
}

/**
 * Self time by category (builtins such as RegExp and String methods are charged to the
 * nearest JavaScript caller with a URL) and by function.
 * @param {any} profile a .cpuprofile
 */
export function summarise(profile) {
  /** @type {Map<number, any>} */
  const nodes = new Map(profile.nodes.map((/** @type {any} */ n) => [n.id, n]));
  /** @type {Map<number, number>} */
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  /** @type {Map<number, number>} */
  const self = new Map();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  for (let i = 0; i < samples.length; i++) {
    // timeDeltas[i] is the time before sample i; charge it to sample i (V8's own convention in DevTools).
    self.set(samples[i], (self.get(samples[i]) ?? 0) + (deltas[i] ?? 0) / 1000);
  }
  /** @type {Map<string, number>} */
  const byCat = new Map();
  /** @type {Map<string, {ms: number, cat: string}>} */
  const byFn = new Map();
  /** @type {Map<number, string>} */
  const catOf = new Map();
  /** @type {(id: number) => string} */
  const resolveCat = (id) => {
    const known = catOf.get(id);
    if (known) return known;
    const n = nodes.get(id);
    const fn = n?.callFrame?.functionName ?? '';
    let cat;
    if (fn === '(garbage collector)') cat = 'garbage collection';
    else if (fn === '(idle)') cat = 'idle (waiting: I/O, workers)';
    else if (fn === '(program)') cat = 'V8/native (program)';
    else if (fn === '(root)') cat = 'other';
    else {
      const url = n?.callFrame?.url ?? '';
      const original = url ? originalSource(url, n?.callFrame?.lineNumber ?? 0, n?.callFrame?.columnNumber ?? 0) : undefined;
      cat = category(original ? `file://${original}` : url) ?? (parent.has(id) ? resolveCat(/** @type {number} */ (parent.get(id))) : 'other');
    }
    catOf.set(id, cat);
    return cat;
  };
  let total = 0;
  for (const [id, ms] of self) {
    total += ms;
    const cat = resolveCat(id);
    byCat.set(cat, (byCat.get(cat) ?? 0) + ms);
    const cf = nodes.get(id)?.callFrame ?? {};
    const orig = cf.url ? originalSource(cf.url, cf.lineNumber ?? 0, cf.columnNumber ?? 0) : undefined;
    const where = orig ? `${orig.replace(`${REPO_ROOT}/`, '').replace(/.*node_modules\/\.pnpm\/[^/]+\/node_modules\//, '')} (bundled)` : cf.url ? `${String(cf.url).replace(/^file:\/\//, '').replace(`${REPO_ROOT}/`, '').replace(/.*node_modules\/\.pnpm\/[^/]+\/node_modules\//, '')}:${cf.lineNumber + 1}` : '(native)';
    const key = `${cf.functionName || '(anonymous)'}  ${where}`;
    const e = byFn.get(key) ?? { ms: 0, cat };
    e.ms += ms;
    byFn.set(key, e);
  }
  return { total, byCat, byFn };
}

/**
 * The rule ids of a checkout (to tell a rule's file from a shared module).
 * @param {string} root
 * @returns {Promise<Set<string>>}
 */
async function ruleIdsOf(root) {
  try {
    const { rules } = await import(pathToFileURL(join(root, 'packages', 'rules', 'dist', 'index.js')).href);
    return new Set(rules.map((/** @type {{meta: {id: string}}} */ r) => r.meta.id));
  } catch {
    return new Set();
  }
}

/**
 * Runs one target of one checkout under the profiler and summarises every thread's profile.
 * @param {{root: string, target: string, concurrency: string, corpus: import('./corpus.mjs').BenchCorpus, keep: boolean}} o
 */
async function profileOnce({ root, target, concurrency, corpus, keep }) {
  const dir = mkdtempSync(join(tmpdir(), 'fzlint-prof-'));
  const inproc = join(REPO_ROOT, 'packages', 'bench', 'src', 'inproc.mjs');
  const fzlintBin = join(root, 'packages', 'cli', 'bin', 'fzlint.js');
  /** Runs the server under the profiler through the bench's LSP client. */
  const profileServer = async () => {
    const server = join(root, 'packages', 'language-server', 'bin', 'fzlint-language-server.js');
    const { client } = await startServer(process.execPath, ['--cpu-prof', '--cpu-prof-dir', dir, server, '--stdio'], corpus.root);
    const uri = pathToFileURL(corpus.doc100k).href;
    const text = readFileSync(corpus.doc100k, 'utf8');
    const opened = client.waitForDiagnostics(uri, 1);
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
    await opened;
    const lines = text.split('\n');
    const line = lines.findIndex((l) => l.length > 40);
    const character = Math.floor((lines[line]?.length ?? 0) / 2);
    for (let v = 2; v < 52; v++) {
      const insert = v % 2 === 0;
      const range = { start: { line, character }, end: { line, character: insert ? character : character + 1 } };
      const w = client.waitForDiagnostics(uri, v);
      client.notify('textDocument/didChange', { textDocument: { uri, version: v }, contentChanges: [{ range, text: insert ? '字' : '' }] });
      await w;
    }
    await client.close();
  };
  const cmdArgs =
    target === 'startup'
      ? [fzlintBin, '--format', 'json', 'one/one.md']
      : target === 'cli'
        ? [fzlintBin, '--concurrency', concurrency, '--format', 'json', 'corpus']
        : [inproc, target === 'lint' ? 'fzlint-lint' : 'fzlint-parse', '--root', root, 'corpus'];
  try {
    const t0 = performance.now();
    if (target === 'lsp') {
      await profileServer();
    } else {
      // The bin sets --no-regexp-tier-up only when node is given no flag (packages/cli/bin/fzlint.js:
      // set after another flag it crashed Node 20.20), so a profiled CLI run gets it here, given first,
      // to profile what a plain run executes. The in-process drivers run as the bench's rows do.
      const cliFlags = target === 'cli' || target === 'startup' ? binNodeFlags() : [];
      const r = spawnSync(process.execPath, [...cliFlags, '--cpu-prof', '--cpu-prof-dir', dir, ...cmdArgs], {
        cwd: corpus.root,
        stdio: ['ignore', 'ignore', 'pipe'],
        maxBuffer: 1 << 26,
      });
      if (r.status !== 0 && r.status !== 1) throw new Error(`exit ${r.status}: ${r.stderr.toString().slice(-800)}`);
    }
    const wall = performance.now() - t0;
    const files = readdirSync(dir).filter((f) => f.endsWith('.cpuprofile'));
    const ruleIds = await ruleIdsOf(root);
    /** @type {Map<string, number>} */
    const cats = new Map();
    /** @type {Map<string, {ms: number, cat: string}>} */
    const fns = new Map();
    /** @type {Map<string, number>} */
    const phases = new Map();
    /** @type {Map<string, number>} */
    const rules = new Map();
    let total = 0;
    const add = (/** @type {Map<string, number>} */ m, /** @type {string} */ k, /** @type {number} */ v) => m.set(k, (m.get(k) ?? 0) + v);
    for (const f of files) {
      const profile = JSON.parse(readFileSync(join(dir, f), 'utf8'));
      const s = summarise(profile);
      total += s.total;
      for (const [k, v] of s.byCat) add(cats, k, v);
      for (const [k, v] of s.byFn) {
        const e = fns.get(k) ?? { ms: 0, cat: v.cat };
        e.ms += v.ms;
        fns.set(k, e);
      }
      const ph = phasesOf(profile, ruleIds);
      for (const [k, v] of ph.phases) add(phases, k, v);
      for (const [k, v] of ph.rules) add(rules, k, v);
    }
    return { wall, threads: files.length, total, cats, fns, phases, rules, dir };
  } finally {
    if (!keep) rmSync(dir, { recursive: true, force: true });
  }
}

async function mainProfile() {
  const argv = process.argv.slice(2);
  let target = 'cli';
  let copies = 40;
  let top = 25;
  let keep = false;
  let concurrency = '1';
  /** @type {string | undefined} */
  let baseline;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--target') target = argv[++i] ?? 'cli';
    else if (a === '--copies') copies = Number(argv[++i]);
    else if (a === '--top') top = Number(argv[++i]);
    else if (a === '--keep') keep = true;
    else if (a === '--concurrency') concurrency = argv[++i] ?? '1';
    else if (a === '--baseline') baseline = resolve(argv[++i] ?? '.');
    else if (a === '--') continue;
    else throw new Error(`unknown option ${a}`);
  }
  if (!['cli', 'lint', 'parse', 'startup', 'lsp', 'rules'].includes(target)) throw new Error(`--target must be cli, lint, parse, startup, lsp or rules, not ${target}`);
  if (baseline && !existsSync(join(baseline, 'packages', 'cli', 'bin', 'fzlint.js'))) throw new Error(`--baseline ${baseline}: not an fzlint checkout (packages/cli/bin/fzlint.js is missing); build it first`);
  const corpus = buildCorpus({ copies: target === 'startup' || target === 'lsp' ? 1 : copies });
  if (target === 'rules') {
    try {
      const inproc = join(REPO_ROOT, 'packages', 'bench', 'src', 'inproc.mjs');
      for (const root of [REPO_ROOT, ...(baseline ? [baseline] : [])]) {
        const r = spawnSync(process.execPath, [inproc, 'rules', '--passes', '3', '--root', root, 'corpus'], { cwd: corpus.root, encoding: 'utf8', maxBuffer: 1 << 26 });
        if (r.status !== 0) throw new Error(r.stderr.slice(-800));
        const j = JSON.parse(r.stdout);
        console.log(`${root === REPO_ROOT ? 'this checkout' : `baseline ${root}`}: each rule alone over ${j.files} files (fresh documents, best of 3): ${j.totalMs} ms in all`);
        for (const x of j.rules) console.log(`  ${String(x.ms.toFixed(1)).padStart(8)} ms  ${String(x.diagnostics).padStart(6)} findings  ${x.id}`);
      }
    } finally {
      removeCorpus(corpus);
    }
    return;
  }
  try {
    const a = await profileOnce({ root: REPO_ROOT, target, concurrency, corpus, keep });
    const b = baseline ? await profileOnce({ root: baseline, target, concurrency, corpus, keep }) : undefined;
    const what = target === 'cli' ? `fzlint --concurrency ${concurrency}` : target === 'startup' ? 'fzlint one/one.md' : target === 'lsp' ? 'the language server (open 100 KB, 50 edits)' : target === 'lint' ? 'lint() in-process' : 'parse() in-process';
    const files = target === 'startup' ? '1 file (23.5 KB)' : target === 'lsp' ? 'the 100 KB report' : `${corpus.files.length} files (${(corpus.bytes / 1e6).toFixed(2)} MB)`;
    console.log(`profile of ${what} over ${files}`);
    for (const [name, p] of [['this', a], ...(b ? [['baseline', b]] : [])]) {
      const x = /** @type {Awaited<ReturnType<typeof profileOnce>>} */ (p);
      console.log(`  ${name}: wall ${(x.wall / 1000).toFixed(2)} s under the profiler, ${x.threads} thread profile(s), ${(x.total / 1000).toFixed(2)} s sampled${keep ? `; profiles in ${x.dir}` : ''}`);
    }
    const pct = (/** @type {number} */ ms, /** @type {number} */ total) => `${((ms / total) * 100).toFixed(1)} %`;
    const sec = (/** @type {number | undefined} */ ms) => (ms === undefined ? '—' : `${(ms / 1000).toFixed(3)} s`);
    /**
     * Prints a table of keyed times, this checkout (and the baseline) side by side.
     * @param {string} title @param {string[]} keys @param {(p: Awaited<ReturnType<typeof profileOnce>>) => Map<string, number>} pick
     */
    const sideBySide = (title, keys, pick) => {
      const rows = [[title, 'this', '%', ...(b ? ['baseline', '%', 'this / baseline'] : [])]];
      for (const k of keys) {
        const va = pick(a).get(k);
        const vb = b ? pick(b).get(k) : undefined;
        if (!va && !vb) continue;
        rows.push([k, sec(va), va ? pct(va, a.total) : '', ...(b ? [sec(vb), vb ? pct(vb, b.total) : '', va && vb ? (va / vb).toFixed(2) : ''] : [])]);
      }
      rows.push(['total sampled (all threads)', sec(a.total), '100 %', ...(b ? [sec(b.total), '100 %', (a.total / b.total).toFixed(2)] : [])]);
      const widths = /** @type {string[]} */ (rows[0]).map((_, c) => Math.max(...rows.map((r) => [...(r[c] ?? '')].length)));
      for (const [i, r] of rows.entries()) {
        console.log(`  ${r.map((cell, c) => (c === 0 ? cell.padEnd(/** @type {number} */ (widths[c])) : cell.padStart(/** @type {number} */ (widths[c])))).join('  ')}`);
        if (i === 0) console.log(`  ${widths.map((w) => '─'.repeat(w)).join('  ')}`);
      }
    };
    console.log('\nby phase (CPU samples charged by call stack, see src/phases.mjs):');
    sideBySide('phase', [...PHASES], (p) => p.phases);
    const ruleKeys = [...new Set([...a.rules.keys(), ...(b ? b.rules.keys() : [])])].sort((x, y) => (a.rules.get(y) ?? b?.rules.get(y) ?? 0) - (a.rules.get(x) ?? b?.rules.get(x) ?? 0));
    console.log(`\nrules: top ${Math.min(top, ruleKeys.length)} of ${ruleKeys.length} (a rule's own code by its id; shared analyses, rule-api and the ontology by module):`);
    sideBySide('rule or shared module', ruleKeys.slice(0, top), (p) => p.rules);
    console.log('\nby package (self time; builtins charged to their JS caller):');
    const catKeys = [...a.cats].sort((x, y) => y[1] - x[1]).map(([k]) => k);
    sideBySide('part', [...catKeys, ...(b ? [...b.cats.keys()].filter((k) => !a.cats.has(k)) : [])], (p) => p.cats);
    console.log(`\ntop ${top} functions of this checkout (self time):`);
    for (const [k, v] of [...a.fns].sort((x, y) => y[1].ms - x[1].ms).slice(0, top)) {
      console.log(`  ${pct(v.ms, a.total).padStart(7)}  ${v.ms.toFixed(0).padStart(6)} ms  ${k}   [${v.cat}]`);
    }
  } finally {
    removeCorpus(corpus);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await mainProfile();
}
