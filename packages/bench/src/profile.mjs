#!/usr/bin/env node
// `pnpm --filter @fzlint/bench profile [-- options]`: runs fzlint over the bench
// corpus under `node --cpu-prof` and says where the time goes — Markdown parsing
// (remark/micromark), fzlint's document model (parser), rules, engine, I/O,
// garbage collection — with the heaviest functions. Every thread's profile is read
// (worker threads write their own).
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
//   --top N      functions to list (default 25)
//   --keep       keep the .cpuprofile files and print where they are
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pathToFileURL } from 'node:url';
import { buildCorpus, removeCorpus, REPO_ROOT } from './corpus.mjs';
import { startServer } from './lsp.mjs';

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

const B64 = new Map([...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'].map((c, i) => [c, i]));

/**
 * For a bundled file with a source map: the original source of each generated line
 * (the first mapping on the line), so bundled code is charged to its package.
 * @type {Map<string, (string | undefined)[] | null>}
 */
const lineSources = new Map();
/** @param {string} url @param {number} line 0-based */
function originalSource(url, line) {
  if (!url.startsWith('file://')) return undefined;
  let table = lineSources.get(url);
  if (table === undefined) {
    table = null;
    const file = fileURLToPath(url);
    const mapFile = `${file}.map`;
    if (existsSync(mapFile)) {
      try {
        const map = JSON.parse(readFileSync(mapFile, 'utf8'));
        const sources = map.sources.map((/** @type {string} */ s) => resolve(dirname(mapFile), map.sourceRoot ?? '', s));
        table = [];
        let src = 0;
        for (const lineMappings of String(map.mappings).split(';')) {
          let first;
          for (const seg of lineMappings.split(',')) {
            if (!seg) continue;
            // Decode the VLQ fields of the segment: column, source, line, column[, name].
            const fields = [];
            let value = 0;
            let shift = 0;
            for (const ch of seg) {
              const d = B64.get(ch) ?? 0;
              value += (d & 31) << shift;
              if (d & 32) shift += 5;
              else {
                fields.push(value & 1 ? -(value >>> 1) : value >>> 1);
                value = 0;
                shift = 0;
              }
            }
            if (fields.length >= 2) {
              src += /** @type {number} */ (fields[1]);
              if (first === undefined) first = sources[src];
            }
          }
          table.push(first);
        }
      } catch {
        table = null;
      }
    }
    lineSources.set(url, table);
  }
  return table ? table[line] : undefined;
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
      const original = url ? originalSource(url, n?.callFrame?.lineNumber ?? 0) : undefined;
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
    const orig = cf.url ? originalSource(cf.url, cf.lineNumber ?? 0) : undefined;
    const where = orig ? `${orig.replace(`${REPO_ROOT}/`, '').replace(/.*node_modules\/\.pnpm\/[^/]+\/node_modules\//, '')} (bundled)` : cf.url ? `${String(cf.url).replace(/^file:\/\//, '').replace(`${REPO_ROOT}/`, '').replace(/.*node_modules\/\.pnpm\/[^/]+\/node_modules\//, '')}:${cf.lineNumber + 1}` : '(native)';
    const key = `${cf.functionName || '(anonymous)'}  ${where}`;
    const e = byFn.get(key) ?? { ms: 0, cat };
    e.ms += ms;
    byFn.set(key, e);
  }
  return { total, byCat, byFn };
}

async function mainProfile() {
  const argv = process.argv.slice(2);
  let target = 'cli';
  let copies = 40;
  let top = 25;
  let keep = false;
  let concurrency = '1';
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--target') target = argv[++i] ?? 'cli';
    else if (a === '--copies') copies = Number(argv[++i]);
    else if (a === '--top') top = Number(argv[++i]);
    else if (a === '--keep') keep = true;
    else if (a === '--concurrency') concurrency = argv[++i] ?? '1';
    else if (a === '--') continue;
    else throw new Error(`unknown option ${a}`);
  }
  const corpus = buildCorpus({ copies: target === 'startup' || target === 'lsp' ? 1 : copies });
  const dir = mkdtempSync(join(tmpdir(), 'fzlint-prof-'));
  const inproc = join(REPO_ROOT, 'packages', 'bench', 'src', 'inproc.mjs');
  if (target === 'rules') {
    try {
      const r = spawnSync(process.execPath, [inproc, 'rules', '--passes', '3', 'corpus'], { cwd: corpus.root, encoding: 'utf8', maxBuffer: 1 << 26 });
      if (r.status !== 0) throw new Error(r.stderr.slice(-800));
      const j = JSON.parse(r.stdout);
      console.log(`each rule alone over ${j.files} files (fresh documents, best of 3): ${j.totalMs} ms in all`);
      for (const x of j.rules) console.log(`  ${String(x.ms.toFixed(1)).padStart(8)} ms  ${String(x.diagnostics).padStart(6)} findings  ${x.id}`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
      removeCorpus(corpus);
    }
    return;
  }
  /** Runs the server under the profiler through the bench's LSP client. */
  const profileServer = async () => {
    const server = join(REPO_ROOT, 'packages', 'language-server', 'bin', 'fzlint-language-server.js');
    const { client } = await startServer(process.execPath, ['--cpu-prof', '--cpu-prof-dir', dir, server, '--stdio'], corpus.root);
    const uri = pathToFileURL(corpus.doc100k).href;
    let text = readFileSync(corpus.doc100k, 'utf8');
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
    void text;
    await client.close();
  };
  const cmdArgs =
    target === 'startup'
      ? [join(REPO_ROOT, 'packages', 'cli', 'bin', 'fzlint.js'), '--format', 'json', 'one/one.md']
      : target === 'cli'
      ? [join(REPO_ROOT, 'packages', 'cli', 'bin', 'fzlint.js'), '--concurrency', concurrency, '--format', 'json', 'corpus']
      : [inproc, target === 'lint' ? 'fzlint-lint' : 'fzlint-parse', 'corpus'];
  try {
    const t0 = performance.now();
    if (target === 'lsp') {
      await profileServer();
    } else {
      const r = spawnSync(process.execPath, ['--cpu-prof', '--cpu-prof-dir', dir, ...cmdArgs], {
        cwd: corpus.root,
        stdio: ['ignore', 'ignore', 'pipe'],
        maxBuffer: 1 << 26,
      });
      if (r.status !== 0 && r.status !== 1) throw new Error(`exit ${r.status}: ${r.stderr.toString().slice(-800)}`);
    }
    const wall = performance.now() - t0;
    const files = readdirSync(dir).filter((f) => f.endsWith('.cpuprofile'));
    /** @type {Map<string, number>} */
    const cats = new Map();
    /** @type {Map<string, {ms: number, cat: string}>} */
    const fns = new Map();
    let total = 0;
    for (const f of files) {
      const s = summarise(JSON.parse(readFileSync(join(dir, f), 'utf8')));
      total += s.total;
      for (const [k, v] of s.byCat) cats.set(k, (cats.get(k) ?? 0) + v);
      for (const [k, v] of s.byFn) {
        const e = fns.get(k) ?? { ms: 0, cat: v.cat };
        e.ms += v.ms;
        fns.set(k, e);
      }
    }
    const pct = (/** @type {number} */ ms) => `${((ms / total) * 100).toFixed(1).padStart(5)} %`;
    console.log(`profile of ${target} over ${corpus.files.length} files (${(corpus.bytes / 1e6).toFixed(2)} MB): wall ${(wall / 1000).toFixed(2)} s under the profiler, ${files.length} thread profile(s), ${(total / 1000).toFixed(2)} s sampled`);
    console.log('\nby part (self time; builtins charged to their JS caller):');
    for (const [k, v] of [...cats].sort((a, b) => b[1] - a[1])) console.log(`  ${pct(v)}  ${(v / 1000).toFixed(2).padStart(7)} s  ${k}`);
    console.log(`\ntop ${top} functions (self time):`);
    for (const [k, v] of [...fns].sort((a, b) => b[1].ms - a[1].ms).slice(0, top)) {
      console.log(`  ${pct(v.ms)}  ${v.ms.toFixed(0).padStart(6)} ms  ${k}   [${v.cat}]`);
    }
    if (keep) console.log(`\nprofiles kept in ${dir}`);
  } finally {
    if (!keep) rmSync(dir, { recursive: true, force: true });
    removeCorpus(corpus);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await mainProfile();
}
