#!/usr/bin/env node
// `pnpm --filter @fzlint/bench instructions`: instruction counts, not time, of one
// in-process workload, under valgrind's callgrind — a figure the load of a shared host
// does not move (identical runs: within ~0.02 % of the net, once 0.36 %), so that a 0.5–2 % change can be seen
// where timing needs dozens of rounds. With `--baseline DIR` the same workload also runs
// on another built checkout, the two alternated round by round, and the ratio of the
// medians is printed.
//
// Each run is a process of its own:
//   setarch -R valgrind --tool=callgrind --callgrind-out-file=/dev/null --smc-check=all-non-file \
//     node --predictable --hash-seed=1 --random-seed=1 --disable-warning=ExperimentalWarning \
//       src/instructions.mjs --child ROOT WORKLOAD …
// (`setarch -R`: no address-space randomisation; `--predictable` and the seeds: one
// thread, no concurrent compilation or GC, the same hash and random seeds every run; the
// child loads fzlint with `require()` and exits when done: see `child`). The
// process's whole count includes node's start-up and module loading (~1.37 G
// instructions): one base run per build does everything but the measured work (loads the
// same modules, prepares the same inputs) and its count is subtracted.
//
// Optional: valgrind is a system package (Debian/Ubuntu `valgrind`), not an npm one, and
// neither `pnpm test` nor `pnpm bench` needs it. What it does not count: see README.md.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { existsSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { REPO_ROOT, corpusTexts, shapeOfBytes } from './corpus.mjs';
import { median, pairedRatio } from './stats.mjs';

const SELF = new URL(import.meta.url).pathname;
/** The fuzz package's shapes, a module that imports nothing (not its index, which loads fzlint). */
const SHAPES_MODULE = join(REPO_ROOT, 'packages', 'fuzz', 'dist', 'shapes.js');

/** Node's flags for every counted run: one thread, fixed seeds; no warning that `require()` loads ES modules. */
export const NODE_FLAGS = ['--predictable', '--hash-seed=1', '--random-seed=1', '--disable-warning=ExperimentalWarning'];
/** Valgrind's: callgrind, no profile file (the total is on stderr), JIT code re-translated when V8 rewrites it. */
export const VALGRIND_FLAGS = ['--tool=callgrind', '--callgrind-out-file=/dev/null', '--smc-check=all-non-file'];
/** @typedef {'parse' | 'lint' | 'rule' | 'shape'} Workload */
/** @type {readonly Workload[]} */
export const WORKLOADS = ['parse', 'lint', 'rule', 'shape'];

/** One line: what to install, for a machine without valgrind. */
export const VALGRIND_MISSING =
  'instructions: valgrind not found — install the system package `valgrind` (Debian/Ubuntu: sudo apt-get install valgrind; it is not an npm package)';

const USAGE = `usage: pnpm --filter @fzlint/bench instructions -- [options]
       node packages/bench/src/instructions.mjs [options]

Instruction counts (valgrind's callgrind) of one in-process workload, start-up subtracted.

  --workload W      parse | lint | rule | shape (default lint)
                      parse  @fzlint/parser parse() of N corpus reports
                      lint   @fzlint/linter lint() of N corpus reports
                      rule   one rule alone: the N reports parsed once, then runRule (needs --rule)
                      shape  lint() of one hostile shape of @fzlint/fuzz, --bytes long (needs --shape)
  --n N             corpus reports (default 10): the first N files of the bench corpus
  --rule ID         the rule of --workload rule (implies it)
  --shape ID        the shape of --workload shape (implies it); ids: packages/fuzz/src/shapes.ts
  --bytes N         the shape's size in UTF-8 bytes (default 65536)
  --rounds R        counted runs per build (default 3), alternated with the baseline's
  --base-runs K     start-up runs per build, their median subtracted (default 1; 0: totals)
  --baseline DIR    another built checkout (pnpm install && pnpm build there): both counted
  --root DIR        the checkout counted as "this" (default: this one)
  --out FILE        also write the counts as JSON
  -h, --help        this text

Needs valgrind (a system package: sudo apt-get install valgrind); without it, exits with 2.
A run costs ~15–40 s (the valgrind slowdown is ~50×): the default, with --baseline, is 8 runs.`;

export class UsageError extends Error {}

/**
 * A command line read option by option, shared by the bench's scripts: `next()` the next
 * argument, `value()` the current option's value and `whole(min)` the same as a whole number
 * ≥ min, each refused with a UsageError that names the option.
 */
export class OptionReader {
  #i = -1;
  #option = '';
  /** @param {readonly string[]} argv */
  constructor(argv) {
    this.argv = argv;
  }

  /** The next argument, or undefined after the last. */
  next() {
    const a = this.argv[++this.#i];
    if (a !== undefined) this.#option = a;
    return a;
  }

  /** The argument after the current option: its value. */
  value() {
    const v = this.argv[++this.#i];
    if (v === undefined || v.startsWith('--')) throw new UsageError(`${this.#option} needs a value`);
    return v;
  }

  /** @param {number} min */
  whole(min) {
    const v = this.value();
    if (!/^\d+$/.test(v) || Number(v) < min) throw new UsageError(`${this.#option} needs a whole number ≥ ${min}, not ${v}`);
    return Number(v);
  }
}

/**
 * @typedef {object} Options
 * @property {Workload} workload
 * @property {number} n           corpus reports (parse, lint, rule)
 * @property {number} bytes       the shape's size (shape)
 * @property {string} [rule]
 * @property {string} [shape]
 * @property {number} rounds
 * @property {number} baseRuns
 * @property {string} root        absolute
 * @property {string} [baseline]  absolute
 * @property {string} [out]       absolute
 * @property {boolean} help
 */

/**
 * Parses the command line. Relative folders are resolved against `cwd` (under
 * `pnpm --filter`, the folder pnpm was started in, not packages/bench).
 * @param {readonly string[]} argv
 * @param {string} [cwd]
 * @returns {Options}
 */
export function parseArgs(argv, cwd = process.cwd()) {
  /** @type {Options} */
  const o = { workload: 'lint', n: 10, bytes: 65536, rounds: 3, baseRuns: 1, root: REPO_ROOT, help: false };
  /** @type {Workload | undefined} */
  let workload;
  const args = new OptionReader(argv);
  for (let a = args.next(); a !== undefined; a = args.next()) {
    switch (a) {
      case '--workload': {
        const w = args.value();
        if (!WORKLOADS.includes(/** @type {Workload} */ (w))) throw new UsageError(`--workload must be one of ${WORKLOADS.join(', ')}, not ${w}`);
        workload = /** @type {Workload} */ (w);
        break;
      }
      case '--n': o.n = args.whole(1); break;
      case '--bytes': o.bytes = args.whole(64); break;
      case '--rule': o.rule = args.value(); break;
      case '--shape': o.shape = args.value(); break;
      case '--rounds': o.rounds = args.whole(1); break;
      case '--base-runs': o.baseRuns = args.whole(0); break;
      case '--baseline': o.baseline = resolve(cwd, args.value()); break;
      case '--root': o.root = resolve(cwd, args.value()); break;
      case '--out': o.out = resolve(cwd, args.value()); break;
      case '-h':
      case '--help': o.help = true; break;
      // `pnpm --filter @fzlint/bench instructions -- …` passes the `--` on.
      case '--': break;
      default: throw new UsageError(`unknown option ${a}`);
    }
  }
  if (o.rule !== undefined && o.shape !== undefined) throw new UsageError('--rule and --shape are two workloads: give one');
  const implied = o.rule !== undefined ? 'rule' : o.shape !== undefined ? 'shape' : undefined;
  if (workload !== undefined && implied !== undefined && workload !== implied) throw new UsageError(`--${implied} goes with --workload ${implied}, not ${workload}`);
  o.workload = workload ?? implied ?? 'lint';
  if (o.workload === 'rule' && o.rule === undefined) throw new UsageError('--workload rule needs --rule ID');
  if (o.workload === 'shape' && o.shape === undefined) throw new UsageError('--workload shape needs --shape ID');
  return o;
}

/** (max − min) / median: the spread of one build's counts, 0.003 = 0.3 %. @param {readonly number[]} xs */
export function spread(xs) {
  return xs.length === 0 ? NaN : (Math.max(...xs) - Math.min(...xs)) / median(xs);
}

/**
 * One build's counts: the base runs' median subtracted from every counted run.
 * @param {readonly number[]} base    start-up runs (none: nothing subtracted)
 * @param {readonly number[]} totals  counted runs, in round order
 */
export function summarize(base, totals) {
  const b = base.length ? median(base) : 0;
  const nets = totals.map((t) => t - b);
  return { base: b, nets, medianNet: median(nets), spread: spread(nets) };
}

/**
 * This build against the baseline: the ratio of the median net counts (< 1: this does
 * less), and the ratio of each round's pair (to 4 decimals, as the bench's paired rows).
 * @param {readonly number[]} thisNets @param {readonly number[]} baselineNets
 */
export function compare(thisNets, baselineNets) {
  const rounds = pairedRatio(thisNets, baselineNets);
  return { ratio: median(thisNets) / median(baselineNets), perRound: rounds.ratios, lower: rounds.numFaster };
}

/** The total callgrind prints on stderr (`==PID== Collected : N`), or undefined. @param {string} stderr */
export function collectedFrom(stderr) {
  const m = /==\d+== Collected : (\d+)/.exec(stderr);
  return m ? Number(m[1]) : undefined;
}

/** 1234567 → "1,234,567". @param {number} n */
export const fmt = (n) => Math.round(n).toLocaleString('en-US');
/** 0.98765 → "0.9877 (−1.23 %)". @param {number} r */
export const fmtRatio = (r) => `${r.toFixed(4)} (${r < 1 ? '−' : '+'}${Math.abs((r - 1) * 100).toFixed(2)} %)`;

// ---------------------------------------------------------------------------------------
// The child: one workload in this process (started under valgrind by the parent).

/**
 * Runs one workload, synchronously from start to end: the packages are loaded with
 * `require()` (node ≥ 20.19 loads an ES module graph that way, reading files
 * synchronously), so the event loop never turns while the process is counted. With
 * `import()`, file reads go through the thread pool and V8's GC tasks (scavenges,
 * incremental marking) run whenever the loop gets to them, which under valgrind depends
 * on the host's load: identical runs then differ by a garbage collection, ~2.5 % of a
 * lint of 10 reports.
 * @param {string} root  the checkout whose dist/ is counted
 * @param {Workload} workload
 * @param {string} size  N reports, or the shape's bytes
 * @param {string} id    the rule or shape id ('' otherwise)
 * @param {boolean} base everything but the measured work
 */
function child(root, workload, size, id, base) {
  const require = createRequire(import.meta.url);
  const dist = (/** @type {string} */ pkg) => require(join(root, 'packages', pkg, 'dist', 'index.js'));
  let items = 0;
  let findings = 0;
  if (workload === 'parse' || workload === 'lint') {
    const docs = corpusTexts(Number(size));
    const mod = dist(workload === 'parse' ? 'parser' : 'linter');
    if (!base) {
      for (const d of docs) {
        if (workload === 'parse') {
          if (mod.parse(d.text, { filePath: d.file })) items++;
        } else {
          const r = mod.lint(d.text, { filePath: d.file });
          if (r && typeof r.then === 'function') throw new Error(`lint() of ${root} returns a promise: not counted here`);
          items++;
          findings += r.diagnostics.length;
        }
      }
    }
  } else if (workload === 'rule') {
    const docs = corpusTexts(Number(size));
    const { parse } = dist('parser');
    const { runRule, resolveSettings } = dist('rule-api');
    const { rules } = dist('rules');
    const rule = rules.find((/** @type {{meta: {id: string}}} */ r) => r.meta.id === id);
    if (!rule) throw new Error(`no rule ${id} in ${root}`);
    // Parsed in the base run too: the net count is the rule's, shared analyses included
    // (rules cache them per document, and these documents are fresh).
    const parsed = docs.map((d) => parse(d.text, { filePath: d.file }));
    const settings = parsed.map((doc) => resolveSettings(doc, {}));
    if (!base) {
      parsed.forEach((doc, i) => {
        findings += runRule(rule, doc, { settings: settings[i] }).length;
        items++;
      });
    }
  } else {
    // The shape comes from this checkout's fuzz package, so both builds lint the same text:
    // its shapes module alone, which imports nothing. The package's index imports this
    // checkout's linter and parser, which the baseline's process then loaded as well: a heap
    // that much bigger moved the collections of allocation-heavy shapes, and a shape's ratio
    // read 0.824 one way round and 0.681 the other.
    const { shapeById } = require(SHAPES_MODULE);
    const { lint } = dist('linter');
    const shape = shapeById(id);
    const input = shapeOfBytes(shape, Number(size));
    // A small warm-up in the base run too (as pathological.mjs does): the net count is
    // the shape's lint, not the first compilation of the linter's code.
    lint(shape.make(2000).text, { format: input.format });
    if (!base) {
      findings += lint(input.text, { format: input.format }).diagnostics.length;
      items++;
    }
  }
  process.stdout.write(`${JSON.stringify({ items, findings })}\n`);
}

// ---------------------------------------------------------------------------------------
// The parent.

/** valgrind's version, or undefined when it is not installed. */
function valgrindVersion() {
  const r = spawnSync('valgrind', ['--version'], { encoding: 'utf8' });
  return r.error || r.status !== 0 ? undefined : r.stdout.trim();
}

/** Whether `setarch -R` works here (util-linux; off: ASLR stays on and counts spread more). */
function hasSetarch() {
  const r = spawnSync('setarch', ['-R', 'true']);
  return !r.error && r.status === 0;
}

/** @param {string} root */
function gitCommit(root) {
  const r = spawnSync('git', ['-C', root, 'rev-parse', '--short', 'HEAD'], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : 'unknown';
}

/**
 * What a workload loads from a checkout, for the "is it built?" check.
 * @param {Workload} workload
 */
function distsOf(workload) {
  return workload === 'parse' ? ['parser'] : workload === 'rule' ? ['parser', 'rule-api', 'rules'] : ['linter'];
}

/**
 * @typedef {object} Count
 * @property {number} instructions
 * @property {number} seconds      wall time of the run under valgrind
 * @property {number} items        documents parsed or linted (0 in a base run)
 * @property {number} findings
 */

/**
 * One counted process.
 * @param {Options} o @param {string} root @param {boolean} base @param {boolean} setarch
 * @returns {Count}
 */
function countOnce(o, root, base, setarch) {
  const size = o.workload === 'shape' ? o.bytes : o.n;
  const id = o.rule ?? o.shape ?? '';
  const cmd = [
    ...(setarch ? ['setarch', '-R'] : []),
    'valgrind',
    ...VALGRIND_FLAGS,
    process.execPath,
    ...NODE_FLAGS,
    SELF,
    '--child',
    root,
    o.workload,
    String(size),
    id,
    ...(base ? ['--base'] : []),
  ];
  const t0 = performance.now();
  const r = spawnSync(/** @type {string} */ (cmd[0]), cmd.slice(1), { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const seconds = (performance.now() - t0) / 1000;
  const instructions = collectedFrom(r.stderr ?? '');
  if (r.error || r.status !== 0 || instructions === undefined) {
    const tail = (r.stderr ?? '').split('\n').filter((l) => l && !l.startsWith('==')).slice(-4).join(' | ');
    throw new Error(`counted run failed (${root}, exit ${r.status ?? r.error}): ${tail}`);
  }
  const out = JSON.parse(r.stdout.trim().split('\n').pop() ?? '{}');
  return { instructions, seconds, items: out.items, findings: out.findings };
}

/** @param {Options} o */
function describe(o) {
  if (o.workload === 'rule') return `rule ${o.rule} alone on ${o.n} corpus reports (parsed once)`;
  if (o.workload === 'shape') return `lint() of shape ${o.shape}, ${o.bytes} bytes`;
  return `${o.workload}() of ${o.n} corpus reports`;
}

/** @param {Options} o @param {readonly string[]} roots */
async function checkIds(o, roots) {
  for (const root of o.workload === 'rule' ? roots : []) {
    const { rules } = await import(pathToFileURL(join(root, 'packages', 'rules', 'dist', 'index.js')).href);
    const ids = rules.map((/** @type {{meta: {id: string}}} */ r) => r.meta.id);
    if (!ids.includes(o.rule)) throw new UsageError(`no rule ${o.rule} in ${root}; rules: ${ids.join(', ')}`);
  }
  if (o.workload === 'shape') {
    if (!existsSync(SHAPES_MODULE)) throw new UsageError(`${SHAPES_MODULE} is not built (pnpm build)`);
    const { SHAPES } = await import(pathToFileURL(SHAPES_MODULE).href);
    const ids = SHAPES.map((/** @type {{id: string}} */ s) => s.id);
    if (!ids.includes(o.shape)) throw new UsageError(`no shape ${o.shape}; shapes: ${ids.join(', ')}`);
  }
}

/** @param {Options} o */
async function main(o) {
  if (!(/** @type {{require_module?: boolean}} */ (process.features)).require_module) {
    console.error(`instructions: needs node ≥ 20.19 (require() of ES modules), not ${process.version}`);
    return 2;
  }
  const valgrind = valgrindVersion();
  if (!valgrind) {
    console.error(VALGRIND_MISSING);
    return 2;
  }
  const setarch = hasSetarch();
  /** @type {{label: 'this' | 'baseline', root: string}[]} */
  const sides = [{ label: 'this', root: o.root }, ...(o.baseline ? [{ label: /** @type {const} */ ('baseline'), root: o.baseline }] : [])];
  for (const s of sides) {
    for (const pkg of distsOf(o.workload)) {
      const f = join(s.root, 'packages', pkg, 'dist', 'index.js');
      if (!existsSync(f)) throw new UsageError(`${s.label}: ${f} is not built (pnpm install && pnpm build in ${s.root})`);
    }
  }
  await checkIds(o, sides.map((s) => s.root));
  const log = (/** @type {string} */ s) => process.stdout.write(`${s}\n`);
  log(`instructions: ${describe(o)}; ${o.rounds} round(s), ${o.baseRuns} base run(s) per build; ${valgrind}${setarch ? ', setarch -R' : ', ASLR on (no setarch)'}`);
  for (const s of sides) log(`  ${s.label.padEnd(8)} ${s.root} (${gitCommit(s.root)})`);

  /** @type {Record<string, {base: Count[], runs: Count[]}>} */
  const counts = Object.fromEntries(sides.map((s) => [s.label, { base: [], runs: [] }]));
  const line = (/** @type {string} */ what, /** @type {string} */ label, /** @type {Count} */ c, /** @type {string} */ extra = '') =>
    log(`${what.padEnd(8)} ${label.padEnd(8)} ${fmt(c.instructions).padStart(15)}${extra} ${c.seconds.toFixed(1).padStart(6)} s`);
  for (let k = 0; k < o.baseRuns; k++) {
    for (const s of k % 2 ? [...sides].reverse() : sides) {
      const c = countOnce(o, s.root, true, setarch);
      /** @type {{base: Count[]}} */ (counts[s.label]).base.push(c);
      line(`base ${k + 1}`, s.label, c);
    }
  }
  for (let round = 0; round < o.rounds; round++) {
    // A B, B A, …: neither build always goes first.
    for (const s of round % 2 ? [...sides].reverse() : sides) {
      const side = /** @type {{base: Count[], runs: Count[]}} */ (counts[s.label]);
      const c = countOnce(o, s.root, false, setarch);
      side.runs.push(c);
      const b = side.base.length ? median(side.base.map((x) => x.instructions)) : 0;
      line(`round ${round + 1}`, s.label, c, `  net ${fmt(c.instructions - b).padStart(15)}`);
    }
  }

  /** @type {Record<string, ReturnType<typeof summarize> & {root: string, commit: string, base: number, baseRuns: Count[], runs: Count[]}>} */
  const result = {};
  for (const s of sides) {
    const side = /** @type {{base: Count[], runs: Count[]}} */ (counts[s.label]);
    const sum = summarize(side.base.map((x) => x.instructions), side.runs.map((x) => x.instructions));
    result[s.label] = { root: s.root, commit: gitCommit(s.root), ...sum, baseRuns: side.base, runs: side.runs };
    const f = [...new Set(side.runs.map((x) => x.findings))];
    log(
      `${s.label.padEnd(8)} median net ${fmt(sum.medianNet)} (base ${fmt(sum.base)}), spread of the ${sum.nets.length} nets ${(sum.spread * 100).toFixed(2)} %` +
        `${o.workload === 'parse' ? '' : `, findings ${f.join(' / ')}`}`,
    );
  }
  /** @type {ReturnType<typeof compare> | undefined} */
  let cmp;
  const t = result.this;
  const b = result.baseline;
  if (t && b) {
    cmp = compare(t.nets, b.nets);
    log(`this / baseline: ${fmtRatio(cmp.ratio)} — per round ${cmp.perRound.map((r) => r.toFixed(4)).join(' ')}; ${cmp.lower} of ${cmp.perRound.length} lower`);
    const ft = t.runs[0]?.findings;
    const fb = b.runs[0]?.findings;
    if (ft !== fb && o.workload !== 'parse') log(`note: the builds' findings differ (${ft} against ${fb}): they do not do the same work`);
  }
  if (o.out) {
    const json = {
      date: new Date().toISOString(),
      valgrind,
      node: process.version,
      setarch,
      command: { valgrind: VALGRIND_FLAGS, node: NODE_FLAGS },
      workload: o.workload,
      ...(o.workload === 'shape' ? { shape: o.shape, bytes: o.bytes } : { n: o.n }),
      ...(o.rule ? { rule: o.rule } : {}),
      rounds: o.rounds,
      sides: result,
      ...(cmp ? { ratio: cmp.ratio, perRound: cmp.perRound, lower: cmp.lower } : {}),
    };
    writeFileSync(o.out, `${JSON.stringify(json, null, 2)}\n`);
    log(`wrote ${o.out}`);
  }
  return 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const argv = process.argv.slice(2);
  if (argv[0] === '--child') {
    child(argv[1] ?? '', /** @type {Workload} */ (argv[2]), argv[3] ?? '0', argv[4] ?? '', argv[5] === '--base');
    // At once: the tasks V8 left for the event loop (a GC's) would run or not depending on timing.
    process.exit(0);
  } else {
    // Under `pnpm --filter`, the working folder is packages/bench; folders on the command
    // line are meant from where pnpm was started.
    const cwd = process.env.npm_lifecycle_event && process.env.INIT_CWD ? process.env.INIT_CWD : process.cwd();
    try {
      const o = parseArgs(argv, cwd);
      if (o.help) {
        process.stdout.write(`${USAGE}\n`);
      } else {
        process.exitCode = await main(o);
      }
    } catch (err) {
      if (!(err instanceof UsageError)) throw err;
      console.error(`instructions: ${err.message} (--help for usage)`);
      process.exitCode = 2;
    }
  }
}
