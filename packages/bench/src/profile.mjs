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
//   --rounds N   with --baseline: N alternated profiles of each checkout, compared function by
//                function (see USAGE; compareRounds)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildCorpus, removeCorpus, REPO_ROOT } from './corpus.mjs';
import { OptionReader, UsageError } from './instructions.mjs';
import { median, pairedRatio } from './stats.mjs';
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
 * All the V8 flags the bin sets for a plain run (packages/cli/bin/fzlint.js), for `--bin-flags`:
 * the in-process targets then run their code as the CLI does.
 * @returns {string[]}
 */
function allBinNodeFlags() {
  const major = Number(process.versions.node.split('.')[0]);
  return major >= 20 && major <= 24 ? ['--no-turbo-inlining', '--interrupt-budget=1081344', ...binNodeFlags()] : [];
}

const TARGETS = ['cli', 'lint', 'parse', 'startup', 'lsp', 'rules'];

const USAGE = `usage: pnpm --filter @fzlint/bench profile -- [options]
       node packages/bench/src/profile.mjs [options]

Runs fzlint over the bench corpus under node --cpu-prof and says where the time goes.

  --target T        cli | lint | parse | startup | lsp | rules (default cli)
                      cli      fzlint --concurrency N --format json corpus
                      lint     lint() in one process (src/inproc.mjs fzlint-lint)
                      parse    @fzlint/parser parse() in one process (src/inproc.mjs fzlint-parse)
                      startup  fzlint on one 23.5 KB report
                      lsp      the language server: open the 100 KB report, 50 one-character edits
                      rules    no profiler: each rule timed alone over the corpus (best of 3)
  --copies N        copies of each report (default 40: 200 files, ~2.8 MB; 200: 1,000 files)
  --concurrency N   fzlint's --concurrency for --target cli (default 1)
  --top N           functions and rules to list (default 25)
  --baseline DIR    another built checkout, profiled the same way and printed beside this one
  --keep            keep the .cpuprofile files and print where they are
  --interval US     the profiler's sampling interval in microseconds (default V8's, 1000)
  --bin-flags       run lint and parse under the V8 flags the CLI's bin sets
                    (--no-turbo-inlining --interrupt-budget=1081344 --no-regexp-tier-up)

Comparing two checkouts function by function (needs --baseline):
  --rounds N        N profiles of each checkout, alternated (this, baseline, baseline, this, …);
                    prints per function the median self time and median share of all sampled
                    time of each checkout, the per-round ratio of shares (this / baseline) and
                    in how many rounds each side's share is the lower. A function's share of its
                    own profile holds up under the host's load better than whole-run CPU does.
  --functions A,B   the functions to compare (default: the top --top of both by combined share),
                    by name; * matches any text, so 'RegExp: [\\u*' selects every regular
                    expression whose source starts with [\\u (V8 names a regexp's code by its
                    source) and '*Heading*' any name holding Heading. Also --function A, repeated
                    (for a name with a comma). 'A + B' is one row of both (a function and
                    the expressions it runs). With more than one row, a row of all together.
  -h, --help        this text

Example: profile -- --target parse --copies 200 --bin-flags --interval 200 --rounds 7
           --baseline DIR --functions 'findHeadingsInBlock + RegExp: [\\u*'`;

/** A bad command line: said in one line, exit code 2 (the same class as instructions.mjs's). */
export { UsageError };

/**
 * @typedef {object} ProfileOptions
 * @property {string} target
 * @property {number} copies
 * @property {number} top
 * @property {boolean} keep
 * @property {string} concurrency
 * @property {string} [baseline]
 * @property {number} [interval]   microseconds
 * @property {boolean} binFlags
 * @property {number} [rounds]
 * @property {string[]} [functions]  selectors (compareRounds)
 * @property {boolean} help
 */

/**
 * The command line. Folders are resolved against `cwd`.
 * @param {readonly string[]} argv @param {string} cwd
 * @returns {ProfileOptions}
 */
export function parseArgs(argv, cwd) {
  /** @type {ProfileOptions} */
  const o = { target: 'cli', copies: 40, top: 25, keep: false, concurrency: '1', binFlags: false, help: false };
  const args = new OptionReader(argv);
  for (let a = args.next(); a !== undefined; a = args.next()) {
    switch (a) {
      case '--target': {
        const t = args.value();
        if (!TARGETS.includes(t)) throw new UsageError(`--target must be one of ${TARGETS.join(', ')}, not ${t}`);
        o.target = t;
        break;
      }
      case '--copies': o.copies = args.whole(1); break;
      case '--top': o.top = args.whole(1); break;
      case '--keep': o.keep = true; break;
      case '--concurrency': o.concurrency = String(args.whole(1)); break;
      case '--baseline': o.baseline = resolve(cwd, args.value()); break;
      case '--interval': o.interval = args.whole(1); break;
      case '--bin-flags': o.binFlags = true; break;
      case '--rounds': o.rounds = args.whole(1); break;
      case '--functions': o.functions = [...(o.functions ?? []), ...args.value().split(',').map((f) => f.trim()).filter((f) => f !== '')]; break;
      case '--function': o.functions = [...(o.functions ?? []), args.value()]; break;
      case '-h':
      case '--help': o.help = true; break;
      case '--': break;
      default: throw new UsageError(`unknown option ${a}`);
    }
  }
  if (o.rounds !== undefined && o.baseline === undefined) throw new UsageError('--rounds compares two checkouts: give --baseline DIR');
  if (o.rounds !== undefined && o.target === 'rules') throw new UsageError('--rounds needs a profiled target (--target rules runs no profiler)');
  if (o.functions !== undefined && o.rounds === undefined) throw new UsageError('--functions goes with --rounds N');
  if (o.functions !== undefined && o.functions.length === 0) throw new UsageError('--functions needs at least one name');
  return o;
}

/**
 * A selector of --functions as a test of a function's name: the whole name, `*` any text.
 * @param {string} selector
 * @returns {(name: string) => boolean}
 */
export function selectorTest(selector) {
  const re = new RegExp(`^${selector.split('*').map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('[^]*')}$`);
  return (name) => re.test(name);
}

/**
 * A row of --functions as a test of a function's name: selectors joined by ' + ' are one row (a
 * function and the regular expressions it runs, say).
 * @param {string} row
 * @returns {(name: string) => boolean}
 */
export function rowTest(row) {
  const tests = row.split(' + ').map(selectorTest);
  return (name) => tests.some((t) => t(name));
}

/**
 * One profile as compareRounds reads it: all sampled time, and self time by function.
 * @typedef {{total: number, fns: Map<string, {ms: number, name: string}>}} ProfileSample
 */

/**
 * A function's identity across two checkouts: its name and file, not its line (which an edit moves).
 * @param {string} key a key of summarise()'s byFn
 */
export function functionId(key) {
  return key.replace(/:\d+$/, '');
}

/**
 * Self time of the functions a test selects in one profile, and its share of all sampled time.
 * @param {ProfileSample} p @param {(name: string) => boolean} test
 */
export function selectedTime(p, test) {
  let ms = 0;
  for (const e of p.fns.values()) if (test(e.name)) ms += e.ms;
  return { ms, share: p.total > 0 ? ms / p.total : NaN };
}

/**
 * Per row, over rounds of one profile of each checkout: the median self time and median
 * share of each, the round-by-round ratio of shares (this / baseline: `pairedRatio`'s `ratios`,
 * to 4 decimals; Infinity where only the baseline has none, NaN where neither has any) and in
 * how many rounds each side's share is the lower (ties count for neither).
 * @param {ReadonlyArray<{this: ProfileSample, baseline: ProfileSample}>} rounds
 * @param {ReadonlyArray<{label: string, test: (p: ProfileSample) => {ms: number, share: number}}>} rows
 */
export function compareRounds(rounds, rows) {
  return rows.map(({ label, test }) => {
    const mine = rounds.map((r) => test(r.this));
    const theirs = rounds.map((r) => test(r.baseline));
    // The per-round ratios and who is lower are those of the bench's paired rows.
    const shares = pairedRatio(mine.map((x) => x.share), theirs.map((x) => x.share));
    return {
      label,
      thisMs: median(mine.map((x) => x.ms)),
      thisShare: median(mine.map((x) => x.share)),
      baselineMs: median(theirs.map((x) => x.ms)),
      baselineShare: median(theirs.map((x) => x.share)),
      ratios: shares.ratios,
      thisLower: shares.numFaster,
      baselineLower: shares.denFaster,
    };
  });
}

/**
 * The rows for --rounds without --functions: the `top` functions by the sum of their median
 * shares in the two checkouts, each matched across checkouts by functionId.
 * @param {ReadonlyArray<{this: ProfileSample, baseline: ProfileSample}>} rounds @param {number} top
 */
export function topFunctionRows(rounds, top) {
  /** @type {(p: ProfileSample) => Map<string, number>} */
  const byId = (p) => {
    /** @type {Map<string, number>} */
    const m = new Map();
    for (const [k, e] of p.fns) m.set(functionId(k), (m.get(functionId(k)) ?? 0) + e.ms);
    return m;
  };
  const perRound = rounds.map((r) => ({ this: byId(r.this), baseline: byId(r.baseline), thisTotal: r.this.total, baselineTotal: r.baseline.total }));
  const ids = new Set(perRound.flatMap((r) => [...r.this.keys(), ...r.baseline.keys()]));
  const combined = [...ids].map((id) => ({
    id,
    share: median(perRound.map((r) => (r.this.get(id) ?? 0) / r.thisTotal)) + median(perRound.map((r) => (r.baseline.get(id) ?? 0) / r.baselineTotal)),
  }));
  combined.sort((x, y) => y.share - x.share || (x.id < y.id ? -1 : 1));
  return combined.slice(0, top).map(({ id }) => ({
    label: id,
    test: (/** @type {ProfileSample} */ p) => {
      let ms = 0;
      for (const [k, e] of p.fns) if (functionId(k) === id) ms += e.ms;
      return { ms, share: p.total > 0 ? ms / p.total : NaN };
    },
  }));
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
 * @param {string} [root] the checkout profiled (its path is dropped from the functions' files)
 */
export function summarise(profile, root = REPO_ROOT) {
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
  /** @type {Map<string, {ms: number, cat: string, name: string}>} */
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
    const where = orig ? `${orig.replace(`${root}/`, '').replace(/.*node_modules\/\.pnpm\/[^/]+\/node_modules\//, '')} (bundled)` : cf.url ? `${String(cf.url).replace(/^file:\/\//, '').replace(`${root}/`, '').replace(/.*node_modules\/\.pnpm\/[^/]+\/node_modules\//, '')}:${cf.lineNumber + 1}` : '(native)';
    const name = cf.functionName || '(anonymous)';
    const key = `${name}  ${where}`;
    const e = byFn.get(key) ?? { ms: 0, cat, name };
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
 * @param {{root: string, target: string, concurrency: string, corpus: import('./corpus.mjs').BenchCorpus, keep: boolean, interval?: number | undefined, binFlags?: boolean}} o
 */
async function profileOnce({ root, target, concurrency, corpus, keep, interval, binFlags }) {
  const dir = mkdtempSync(join(tmpdir(), 'fzlint-prof-'));
  const profilerFlags = ['--cpu-prof', '--cpu-prof-dir', dir, ...(interval === undefined ? [] : ['--cpu-prof-interval', String(interval)])];
  const inproc = join(REPO_ROOT, 'packages', 'bench', 'src', 'inproc.mjs');
  const fzlintBin = join(root, 'packages', 'cli', 'bin', 'fzlint.js');
  /** Runs the server under the profiler through the bench's LSP client. */
  const profileServer = async () => {
    const server = join(root, 'packages', 'language-server', 'bin', 'fzlint-language-server.js');
    const { client } = await startServer(process.execPath, [...profilerFlags, server, '--stdio'], corpus.root);
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
      const cliFlags = target === 'cli' || target === 'startup' ? binNodeFlags() : binFlags ? allBinNodeFlags() : [];
      const r = spawnSync(process.execPath, [...cliFlags, ...profilerFlags, ...cmdArgs], {
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
    /** @type {Map<string, {ms: number, cat: string, name: string}>} */
    const fns = new Map();
    /** @type {Map<string, number>} */
    const phases = new Map();
    /** @type {Map<string, number>} */
    const rules = new Map();
    let total = 0;
    const add = (/** @type {Map<string, number>} */ m, /** @type {string} */ k, /** @type {number} */ v) => m.set(k, (m.get(k) ?? 0) + v);
    for (const f of files) {
      const profile = JSON.parse(readFileSync(join(dir, f), 'utf8'));
      const s = summarise(profile, root);
      total += s.total;
      for (const [k, v] of s.byCat) add(cats, k, v);
      for (const [k, v] of s.byFn) {
        const e = fns.get(k) ?? { ms: 0, cat: v.cat, name: v.name };
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

/** @param {ProfileOptions} o */
async function mainProfile(o) {
  const { target, copies, top, keep, concurrency, baseline, interval, binFlags } = o;
  if (baseline && !existsSync(join(baseline, 'packages', 'cli', 'bin', 'fzlint.js'))) throw new UsageError(`--baseline ${baseline}: not an fzlint checkout (packages/cli/bin/fzlint.js is missing); build it first`);
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
    const what = target === 'cli' ? `fzlint --concurrency ${concurrency}` : target === 'startup' ? 'fzlint one/one.md' : target === 'lsp' ? 'the language server (open 100 KB, 50 edits)' : target === 'lint' ? 'lint() in-process' : 'parse() in-process';
    const files = target === 'startup' ? '1 file (23.5 KB)' : target === 'lsp' ? 'the 100 KB report' : `${corpus.files.length} files (${(corpus.bytes / 1e6).toFixed(2)} MB)`;
    if (o.rounds !== undefined && baseline !== undefined) {
      await compareProfiles({ ...o, rounds: o.rounds, baseline, corpus, what, files });
      return;
    }
    const a = await profileOnce({ root: REPO_ROOT, target, concurrency, corpus, keep, interval, binFlags });
    const b = baseline ? await profileOnce({ root: baseline, target, concurrency, corpus, keep, interval, binFlags }) : undefined;
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

/**
 * --rounds: alternated profiles of both checkouts, compared function by function (compareRounds).
 * @param {ProfileOptions & {rounds: number, baseline: string, corpus: import('./corpus.mjs').BenchCorpus, what: string, files: string}} o
 */
async function compareProfiles(o) {
  const { rounds, baseline, corpus, target, concurrency, interval, binFlags, keep } = o;
  /** @type {Array<{this: ProfileSample, baseline: ProfileSample}>} */
  const results = [];
  for (let r = 0; r < rounds; r++) {
    // this, baseline, baseline, this, …: neither side is always the one run first.
    const order = r % 2 === 0 ? [REPO_ROOT, baseline] : [baseline, REPO_ROOT];
    /** @type {Record<string, ProfileSample>} */
    const got = {};
    for (const root of order) {
      const p = await profileOnce({ root, target, concurrency, corpus, keep, interval, binFlags });
      got[root] = p;
      process.stderr.write(`round ${r + 1}/${rounds} ${root === REPO_ROOT ? 'this' : 'baseline'}: ${(p.total / 1000).toFixed(2)} s sampled${keep ? ` (${p.dir})` : ''}\n`);
    }
    results.push({ this: /** @type {ProfileSample} */ (got[REPO_ROOT]), baseline: /** @type {ProfileSample} */ (got[baseline]) });
  }
  const selectors = o.functions ?? [];
  const rows = selectors.length
    ? [
        ...selectors.map((sel) => {
          const t = rowTest(sel);
          return { label: sel, test: (/** @type {ProfileSample} */ p) => selectedTime(p, t) };
        }),
        ...(selectors.length > 1
          ? [{ label: 'the above together', test: (/** @type {ProfileSample} */ p) => selectedTime(p, rowTest(selectors.join(' + '))) }]
          : []),
      ]
    : topFunctionRows(results, o.top);
  const compared = compareRounds(results, rows);
  const flags = target === 'cli' || target === 'startup' ? binNodeFlags() : binFlags ? allBinNodeFlags() : [];
  console.log(`profiles of ${o.what} over ${o.files}: ${rounds} round(s) alternated (this, baseline, baseline, this, …), sampling every ${interval ?? 1000} µs${flags.length ? `, node ${flags.join(' ')}` : ''}`);
  const totals = (/** @type {'this' | 'baseline'} */ side) => results.map((r) => r[side].total);
  const range = (/** @type {number[]} */ xs) => `${(median(xs) / 1000).toFixed(2)} s median (${(Math.min(...xs) / 1000).toFixed(2)}–${(Math.max(...xs) / 1000).toFixed(2)})`;
  console.log(`  this      ${REPO_ROOT}: ${range(totals('this'))} sampled`);
  console.log(`  baseline  ${baseline}: ${range(totals('baseline'))} sampled`);
  console.log(`\n${selectors.length ? 'selected functions' : `top ${rows.length} functions of both by combined share`} (self time; share of all sampled time, median over rounds):`);
  const pct = (/** @type {number} */ x) => (Number.isFinite(x) ? `${(x * 100).toFixed(2)} %` : '—');
  const ratio = (/** @type {number} */ x) => (Number.isFinite(x) ? x.toFixed(3) : '—');
  const table = [['function', 'this ms', 'share', 'baseline ms', 'share', 'ratio of shares: median (min–max)', 'lower: this / baseline']];
  for (const c of compared) {
    const finite = c.ratios.filter(Number.isFinite);
    table.push([
      c.label,
      c.thisMs.toFixed(0),
      pct(c.thisShare),
      c.baselineMs.toFixed(0),
      pct(c.baselineShare),
      finite.length ? `${ratio(median(finite))} (${ratio(Math.min(...finite))}–${ratio(Math.max(...finite))})` : '—',
      `${c.thisLower} / ${c.baselineLower} of ${rounds}`,
    ]);
  }
  const widths = /** @type {string[]} */ (table[0]).map((_, col) => Math.max(...table.map((r) => [...(r[col] ?? '')].length)));
  for (const [i, r] of table.entries()) {
    console.log(`  ${r.map((cell, col) => (col === 0 ? cell.padEnd(/** @type {number} */ (widths[col])) : cell.padStart(/** @type {number} */ (widths[col])))).join('  ')}`);
    if (i === 0) console.log(`  ${widths.map((w) => '─'.repeat(w)).join('  ')}`);
  }
  console.log('\nper-round ratios of shares (this / baseline), in round order:');
  for (const c of compared) console.log(`  ${c.label}: ${c.ratios.map(ratio).join(' ')}`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  // Under `pnpm --filter`, the working folder is packages/bench; folders on the command line are
  // meant from where pnpm was started.
  const cwd = process.env.npm_lifecycle_event && process.env.INIT_CWD ? process.env.INIT_CWD : process.cwd();
  try {
    const o = parseArgs(process.argv.slice(2), cwd);
    if (o.help) process.stdout.write(`${USAGE}\n`);
    else await mainProfile(o);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    console.error(`profile: ${err.message} (--help for usage)`);
    process.exitCode = 2;
  }
}
