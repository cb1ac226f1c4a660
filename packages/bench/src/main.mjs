#!/usr/bin/env node
// `pnpm bench`: builds a temporary report repository, times parse-only, fzlint
// (CLI, cache, language server) and the peers over it in one run, prints a table
// with the ratios the targets are stated in, and writes bench-results/latest.json.
// A benchmark, never a test: nothing here asserts a time.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, release, totalmem, type } from 'node:os';
import { join, resolve } from 'node:path';
import { buildCorpus, removeCorpus, REPO_ROOT } from './corpus.mjs';
import { figures, fzlintStatus, FZLINT_BIN, installedVersion, openCheckout, PEERS } from './figures.mjs';
import { describeDifference, FINDINGS_BASELINE, gitCommit, readFindingsBaseline, summariseFindings, writeFindingsBaseline } from './findings.mjs';
import { goalTable, judgeGoal, pairedRowNote } from './goals.mjs';
import { cleanupScratch, GNU_TIME, timeCommand } from './measure.mjs';

const HELP = `pnpm bench [options]

  --quick            smoke run: 10 copies of each report (50 files), 2 runs, no warm-up,
                     20 LSP edits, 64 KB pathological inputs (a shape slower than 30 s/MB is stopped)
  --only <names>     comma-separated figure ids or groups (see below)
  --skip <names>     the opposite of --only
  --baseline <dir>   another built checkout of fzlint (pnpm install && pnpm build there): the
                     rows marked [A/B] below run with it too, alternately (A B, B A, …), and the
                     tables show both columns and the ratio — before/after from one run
  --record-findings  only record fzlint's findings on the corpus (1,000 and the --quick 50 files)
                     into packages/bench/findings-baseline.json, deliberately; then exit
  --runs <n>         timed runs per figure (default 5; textlint at most 3; --quick 2)
  --warmup <n>       discarded runs before them (default 1; --quick 0)
  --copies <n>       copies of each of the five reports (default 200 → 1,000 files)
  --edits <n>        one-character edits timed in the language server (default 100)
  --out <file>       JSON output (default bench-results/latest.json; .md beside it)
  --keep             keep the temporary repository and print its path
  --no-build         do not build fzlint when its dist/ is missing
  -h, --help

Rows (id — what; group in brackets):
  [parse]   parse             remark-parse over the corpus, one process (the floor)
            fzlint-parse      @fzlint/parser parse() in-process                       [A/B]
            fzlint-lint       @fzlint/linter lint() in-process                        [A/B]
  [fzlint]  fzlint-1          fzlint --concurrency 1 on the corpus                    [A/B] [findings]
            fzlint-2          fzlint --concurrency 2                                  [A/B] [findings]
            fzlint-all        fzlint --concurrency <cores> (only with more than 2 cores) [A/B] [findings]
            fzlint-auto       fzlint (default concurrency)                            [A/B] [findings]
            pair-concurrency  --concurrency 1 and 2, paired                           [A/B] [paired]
  [cache]   cache-cold        --cache, cache emptied before each run (stylish output) [A/B] [findings]
            cache-warm        --cache, nothing changed (stylish output)               [A/B] [findings]
            cache-one         --cache, one file changed before each run (stylish)     [A/B]
            pair-cache        --cache cold (emptied) and warm, paired (stylish)       [A/B] [paired]
  [choose]  few-1, few-2, few-auto   10 files with --concurrency 1, 2, default        [A/B]
            startup-fzlint-1  one file with --concurrency 1 (beside startup-fzlint)   [A/B]
            pair-choose-1000, pair-choose-10   default, --concurrency 1 and 2 in rotated
                              rounds, on the corpus and on 10 files               [A/B] [paired]
            pair-choose-1     one file, default and --concurrency 1, paired           [A/B] [paired]
  [peers]   markdownlint, remark, textlint, autocorrect   each with its defaults
            pair-autocorrect  autocorrect and fzlint-auto's command, paired           [A/B] [paired]
  [big]     big-parse, big-fzlint    the ~1 MB report: remark-parse vs fzlint         [A/B fzlint]
  [lsp]     lsp-init, lsp-open, lsp-edit (p50/p90/p99 over --edits edits [A/B]), lsp-rss,
            lsp-open-autocorrect, lsp-edit-autocorrect, lsp-rss-autocorrect
  [startup] startup-node (node -e 0), startup-fzlint (one 23.5 KB file) [A/B], startup-<peer>
            pair-startup      startup-fzlint's command and node -e 0, paired          [A/B] [paired]
  [paired]  the seven pair-* rows above (also in their own groups)
  [previous]      previous-none, previous-same, previous-other   the cost of --previous
  [pathological]  path-<shape> (s/MB of lint() per hostile shape), path-lsp-answer

Findings check: every [findings] row's JSON output (and the baseline checkout's) is
normalised and hashed; all must equal packages/bench/findings-baseline.json for the
corpus size. A difference is printed with the rules whose counts differ, and the
bench exits with code 1.

Paired rows: the two commands a goal compares, run alternately in one row (A B, B A, …;
--runs pairs, one-file rows as many as startup rows) so that both meet the same machine
state; their ratio is the median of the per-pair ratios, printed with its min–max and how
many pairs each side won. The default-concurrency goals compare three commands: they run
in rotated rounds (A B C, B C A, …; on the corpus at most 3 rounds, --runs on 10 files) and
their ratio is the median over rounds of default / the faster of --concurrency 1 and 2 in
that round. With --baseline, the baseline's pairs follow this checkout's.

Speed goals, printed with "met"/"MISSED": default vs AutoCorrect ≥ 1.0×, --concurrency
2 vs 1 ≥ 1.7×, default concurrency within 10 % of the better of 1 and 2 (1, 10, 1,000 files),
warm cache ≤ 5 % of cold, lint/parse ≤ 1.3× (whole process and in-process, 1 core), 1 MB
lint ≤ 1.2× parse, LSP edit p50 ≤ 10 ms and p90 ≤ 20 ms (p99 shown), fzlint one.md ≤ 2.5×
node -e 0; and the older targets (markdownlint-cli2 ≥ 3×, remark-cli > 1×, LSP RSS).
The goals with a paired row (AutoCorrect, --concurrency 2, the default concurrency on 1,000,
10 and 1 files, warm cache, one.md) are judged on its paired ratio ("paired"; "unpaired"
when that row did not run), with the ratio of the separate rows, timed minutes apart,
beside it.`;

/** @param {string[]} argv */
function parseArgs(argv) {
  const o = {
    quick: false,
    /** @type {string[] | undefined} */ only: undefined,
    /** @type {string[]} */ skip: [],
    /** @type {number | undefined} */ runs: undefined,
    /** @type {number | undefined} */ warmup: undefined,
    /** @type {number | undefined} */ copies: undefined,
    /** @type {number | undefined} */ edits: undefined,
    out: join(REPO_ROOT, 'bench-results', 'latest.json'),
    keep: false,
    build: true,
    help: false,
    recordFindings: false,
    /** @type {string | undefined} */ baseline: undefined,
  };
  const list = (/** @type {string | undefined} */ v) => (v ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  const int = (/** @type {string} */ flag, /** @type {string | undefined} */ v) => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < 0) throw new Error(`${flag} needs a whole number, got ${v}`);
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    const a = /** @type {string} */ (argv[i]);
    const [flag, inline] = a.startsWith('--') && a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    const value = () => inline ?? argv[++i];
    switch (flag) {
      case '--quick': o.quick = true; break;
      case '--only': o.only = list(value()); break;
      case '--skip': o.skip = list(value()); break;
      case '--runs': o.runs = int(flag, value()); break;
      case '--warmup': o.warmup = int(flag, value()); break;
      case '--copies': o.copies = int(flag, value()); break;
      case '--edits': o.edits = int(flag, value()); break;
      case '--out': o.out = /** @type {string} */ (value()); break;
      case '--keep': o.keep = true; break;
      case '--no-build': o.build = false; break;
      case '--record-findings': o.recordFindings = true; break;
      case '--baseline': o.baseline = /** @type {string} */ (value()); if (!o.baseline) throw new Error('--baseline needs a folder: a built checkout of fzlint'); break;
      case '-h': case '--help': o.help = true; break;
      case '--': break;
      default: throw new Error(`unknown option ${a}\n\n${HELP}`);
    }
  }
  return o;
}

function machine() {
  let cpuModel = cpus()[0]?.model ?? 'unknown';
  try {
    cpuModel = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? cpuModel;
  } catch {
    // Not Linux: os.cpus() is good enough.
  }
  return {
    nproc: availableParallelism(),
    cpuModel,
    memGiB: Math.round(totalmem() / 2 ** 30),
    os: `${type()} ${release()}`,
    node: process.version,
    gnuTime: Boolean(GNU_TIME),
  };
}

/** ms → "1.23 s" or "45.6 ms". @param {number | undefined} ms */
function fmtMs(ms) {
  if (ms === undefined || !Number.isFinite(ms)) return '—';
  if (ms >= 1000) return `${(ms / 1000).toFixed(2)} s`;
  if (ms >= 100) return `${ms.toFixed(0)} ms`;
  if (ms >= 10) return `${ms.toFixed(1)} ms`;
  return `${ms.toFixed(2)} ms`;
}

/** Display width: CJK and full-width characters take two columns. @param {string} s */
function width(s) {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(ch) ? 2 : 1;
  return w;
}

/** @param {string[][]} rows @param {('l' | 'r')[]} align */
function table(rows, align) {
  const widths = rows[0]?.map((_, c) => Math.max(...rows.map((r) => width(r[c] ?? '')))) ?? [];
  return rows
    .map((r, i) => {
      const line = r
        .map((cell, c) => {
          const pad = ' '.repeat((widths[c] ?? 0) - width(cell));
          return align[c] === 'r' ? pad + cell : cell + pad;
        })
        .join('  ')
        .trimEnd();
      return i === 0 ? `${line}\n${widths.map((w) => '─'.repeat(w)).join('  ')}` : line;
    })
    .join('\n');
}

/**
 * Runs the benchmark.
 * @param {string[]} argv
 * @returns {Promise<number>} exit code
 */
export async function main(argv) {
  let opts;
  try {
    opts = parseArgs(argv);
  } catch (e) {
    console.error(String(/** @type {Error} */ (e).message));
    return 2;
  }
  if (opts.help) {
    console.log(HELP);
    return 0;
  }
  const cores = availableParallelism();
  const runs = opts.runs ?? (opts.quick ? 2 : 5);
  const warmup = opts.warmup ?? (opts.quick ? 0 : 1);
  const ctxBase = {
    runs,
    warmup,
    heavyRuns: Math.min(runs, 3),
    startupRuns: opts.quick ? 3 : 10,
    lspOpens: opts.quick ? 2 : 5,
    lspEdits: opts.edits ?? (opts.quick ? 20 : 100),
    lspOpenDocs: 50,
    cores,
  };
  const copies = opts.copies ?? (opts.quick ? 10 : 200);
  const log = (/** @type {string} */ s) => process.stderr.write(`${s}\n`);

  /** @param {{id: string, group: string, aliases?: string[]}} f @param {string[]} names */
  const names = (f, names) => names.includes(f.id) || names.includes(f.group) || (f.aliases ?? []).some((a) => names.includes(a));
  const selected = (/** @type {{id: string, group: string, aliases?: string[]}} */ f) => (!opts.only || names(f, opts.only)) && !names(f, opts.skip);

  let fz = await fzlintStatus();
  if (!fz.ok && opts.build && existsSync(FZLINT_BIN) && !existsSync(join(REPO_ROOT, 'packages', 'cli', 'dist', 'index.js'))) {
    // A fresh clone after `pnpm install`: build the CLI and the server (and what they need) once.
    log('fzlint is not built yet: pnpm --filter "@fzlint/cli..." --filter "@fzlint/language-server..." build');
    spawnSync('pnpm', ['--filter', '@fzlint/cli...', '--filter', '@fzlint/language-server...', 'build'], { cwd: REPO_ROOT, stdio: 'inherit' });
    fz = await fzlintStatus();
  }
  if (!fz.ok) log(`fzlint rows will be n/a: ${fz.reason}`);

  if (opts.recordFindings) return recordFindings(fz, log);

  const self = { ...(await openCheckout(REPO_ROOT, 'this')), status: fz };
  /** @type {import('./figures.mjs').Checkout | undefined} */
  let baseline;
  if (opts.baseline !== undefined) {
    const dir = resolve(opts.baseline);
    baseline = await openCheckout(dir, 'baseline');
    if (!baseline.status.ok) {
      console.error(`--baseline ${opts.baseline}: ${baseline.status.reason}; build that checkout first (pnpm install && pnpm build in it)`);
      return 2;
    }
    log(`baseline: ${dir} (${gitCommit(dir)}), fzlint ${baseline.status.version}`);
  }

  const t0 = Date.now();
  const corpus = buildCorpus({ copies });
  log(`corpus: ${corpus.files.length} files, ${(corpus.bytes / 1e6).toFixed(2)} MB in ${corpus.root}; 100 KB report ${corpus.doc100kBytes} B; 1 MB report ${corpus.doc1mBytes} B`);
  log(`runs ${runs} (+${warmup} warm-up), ${cores} cores, GNU time ${GNU_TIME ? 'yes' : 'no (no CPU/RSS figures)'}`);

  const ctx = { ...ctxBase, corpus, fzlint: fz, self, ...(baseline ? { baseline } : {}), log };
  // Ctrl-C must not leave 14 MB of corpus in /tmp.
  const onSignal = () => {
    if (!opts.keep) removeCorpus(corpus);
    cleanupScratch();
    process.exit(130);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  /** @type {{id: string, group: string, label: string, bytes?: number, ab?: boolean, check?: boolean, paired?: boolean, aliases?: string[], run: () => Promise<any>}[]} */
  const all = [...figures(ctx), ...(await import('./previous.mjs')).previousFigures(ctx), ...(await (await import('./pathological.mjs')).pathologicalFigures({ ...ctx, quick: opts.quick }))];
  for (const name of [...(opts.only ?? []), ...opts.skip]) {
    if (!all.some((f) => names(f, [name]))) log(`warning: no figure or group named "${name}" (see --help)`);
  }
  /** Median of a result, its RSS for memory rows, both medians and the ratio for paired rows. @param {any} r */
  const shown = (r) =>
    r.ratio
      ? `${fmtMs(r.num.wall.median)} / ${[r.den].flat().map((/** @type {any} */ d) => fmtMs(d.wall.median)).join(', ')}: ${r.ratio.median.toFixed(3)} paired (${r.ratio.n} ${Array.isArray(r.den) ? 'rounds' : 'pairs'})`
      : r.rssMiB !== undefined && !Number.isFinite(r.wall?.median)
        ? `${r.rssMiB.toFixed(0)} MiB`
        : fmtMs(r.wall?.median);
  /** @type {any[]} */
  const results = [];
  try {
    for (const f of all) {
      if (!selected(f)) continue;
      // A turn of the event loop between rows, so Ctrl-C (the handler above) is not held
      // up by rows that time synchronous child processes.
      await new Promise((r) => setImmediate(r));
      process.stderr.write(`  ${f.id.padEnd(22)} `);
      const t = Date.now();
      let r;
      try {
        r = await f.run();
      } catch (e) {
        r = { na: `failed: ${String(/** @type {Error} */ (e).message).split('\n').slice(0, 4).join(' | ')}` };
      }
      const b = r.baseline;
      log(`${r.na ? `n/a — ${r.na}` : shown(r)}${b ? ` | baseline ${b.na ? `n/a — ${b.na}` : shown(b)}` : ''} (${((Date.now() - t) / 1000).toFixed(1)} s)${r.note ? ` — ${r.note}` : ''}`);
      const row = { id: f.id, group: f.group, label: f.label, ...(f.bytes ? { bytes: f.bytes } : {}), ...(f.check ? { check: true } : {}), ...(f.ab ? { ab: true } : {}), ...(f.paired ? { paired: true } : {}), ...r };
      for (const x of [row, b]) if (x && x.wall && f.bytes && Number.isFinite(x.wall.median)) x.mbPerS = f.bytes / 1e6 / (x.wall.median / 1000);
      results.push(row);
    }
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    if (opts.keep) log(`kept ${corpus.root}`);
    else removeCorpus(corpus);
    cleanupScratch();
  }

  const findings = checkFindings(results, corpus.files.length);
  const byId = new Map(results.map((r) => [r.id, r]));
  /**
   * A row's side: this checkout, or the baseline's (rows without a baseline column —
   * parse only, peers, node — are shared by both sides of the comparison).
   * @param {string} id @param {'a' | 'b'} side
   */
  const get = (id, side) => {
    const r = byId.get(id);
    if (!r || r.na) return undefined;
    if (side === 'b' && r.baseline) return r.baseline.na ? undefined : r.baseline;
    if (side === 'b' && baseline && r.ab) return undefined;
    return r;
  };
  const med = (/** @type {string} */ id, /** @type {'a' | 'b'} */ side = 'a') => get(id, side)?.wall?.median;
  const cpu = (/** @type {string} */ id, /** @type {'a' | 'b'} */ side = 'a') => get(id, side)?.cpuMs;
  const inner = (/** @type {string} */ id, /** @type {'a' | 'b'} */ side = 'a') => get(id, side)?.inner?.workMs;
  const div = (/** @type {number | undefined} */ a, /** @type {number | undefined} */ b) => (a !== undefined && b !== undefined && Number.isFinite(a) && Number.isFinite(b) && b > 0 ? a / b : undefined);
  /** The paired ratio of a paired row (median of its per-pair ratios). @param {string} id @param {'a' | 'b'} side */
  const pairedMedian = (id, side) => get(id, side)?.ratio?.median;

  /** @type {{id: string, label: string, value: number | undefined, before?: number | undefined, note?: string}[]} */
  const ratios = [];
  /** @param {string} id @param {string} label @param {(side: 'a' | 'b') => number | undefined} f @param {string} [note] */
  const ratio = (id, label, f, note = '') => ratios.push({ id, label, value: f('a'), ...(baseline ? { before: f('b') } : {}), ...(note ? { note } : {}) });
  /**
   * The ratio of a paired row, under the same id, with how its pairs went (this checkout's) in the note.
   * @param {string} id @param {string} label @param {string} goalNote
   */
  const pairedRatioLine = (id, label, goalNote) => {
    const r = get(id, 'a');
    const note = r?.ratio ? `${pairedRowNote(r)} · ${goalNote}` : goalNote;
    ratio(id, `${label}, paired (${Array.isArray(r?.den) ? 'A B C, B C A, …' : 'A B, B A, …'})`, (s) => pairedMedian(id, s), note);
  };
  ratio('lint-vs-parse', 'fzlint --concurrency 1 / parse only (whole process)', (s) => div(med('fzlint-1', s), med('parse', s)), 'goal ≤ 1.3');
  // CPU time is steadier than wall time on a shared machine.
  ratio('lint-vs-parse-cpu', 'fzlint --concurrency 1 / parse only (CPU time)', (s) => div(cpu('fzlint-1', s), cpu('parse', s)), 'goal ≤ 1.3');
  ratio('lint-vs-parse-inproc', 'lint() / remark parse (in-process, work only)', (s) => div(inner('fzlint-lint', s), inner('parse', s)), 'goal ≤ 1.3');
  ratio('fzparse-vs-parse-inproc', '@fzlint/parser parse() / remark parse (in-process)', (s) => div(inner('fzlint-parse', s), inner('parse', s)));
  ratio('speedup-2', 'fzlint --concurrency 1 / --concurrency 2 (speed-up)', (s) => div(med('fzlint-1', s), med('fzlint-2', s)), 'goal ≥ 1.7');
  pairedRatioLine('pair-concurrency', 'fzlint --concurrency 1 / --concurrency 2', 'goal ≥ 1.7');
  if (cores > 2) ratio('scaling', `fzlint --concurrency 1 / ${cores} (speed-up)`, (s) => div(med('fzlint-1', s), med('fzlint-all', s)), `ideal ${cores}`);
  ratio('speedup-auto', 'fzlint --concurrency 1 / default (speed-up)', (s) => div(med('fzlint-1', s), med('fzlint-auto', s)));
  // Peers run with their defaults, so fzlint does too.
  for (const p of PEERS) ratio(`peer-${p.id}`, `${p.pkg} / fzlint (default): fzlint's speed-up`, (s) => div(med(p.id, s), med('fzlint-auto', s)), p.id === 'markdownlint' ? 'target ≥ 3' : p.id === 'remark' ? 'target > 1' : p.id === 'autocorrect' ? 'goal ≥ 1.0 (aim 1.2)' : '');
  pairedRatioLine('pair-autocorrect', 'autocorrect-node / fzlint (default)', 'goal ≥ 1.0 (aim 1.2)');
  ratio('cache-warm', 'warm cache, nothing changed / cold', (s) => div(med('cache-warm', s), med('cache-cold', s)), 'goal ≤ 0.05');
  pairedRatioLine('pair-cache', 'warm cache, nothing changed / cold', 'goal ≤ 0.05');
  ratio('cache-one', 'warm cache, 1 file changed / cold', (s) => div(med('cache-one', s), med('cache-cold', s)));
  ratio('big-lint-vs-parse', '1 MB report: fzlint / parse only', (s) => div(med('big-fzlint', s), med('big-parse', s)), 'goal ≤ 1.2');
  ratio('startup-vs-node', 'fzlint one file / node -e 0', (s) => div(med('startup-fzlint', s), med('startup-node', s)), 'goal ≤ 2.5');
  pairedRatioLine('pair-startup', 'fzlint one file / node -e 0', 'goal ≤ 2.5');
  /** Default concurrency / the better of 1 and 2. @param {string} one @param {string} two @param {string} auto */
  const choice = (one, two, auto) => (/** @type {'a' | 'b'} */ s) => {
    const best = [med(one, s), med(two, s)].filter((x) => x !== undefined);
    return best.length ? div(med(auto, s), Math.min(.../** @type {number[]} */ (best))) : undefined;
  };
  ratio('choose-1000', `default concurrency / better of 1 and 2, ${corpus.files.length} files`, choice('fzlint-1', 'fzlint-2', 'fzlint-auto'), 'goal ≤ 1.1');
  ratio('choose-10', 'default concurrency / better of 1 and 2, 10 files', choice('few-1', 'few-2', 'few-auto'), 'goal ≤ 1.1');
  ratio('choose-1', 'default concurrency / --concurrency 1, one file', (s) => div(med('startup-fzlint', s), med('startup-fzlint-1', s)), 'goal ≤ 1.1');
  pairedRatioLine('pair-choose-1000', `default concurrency / better of 1 and 2, ${corpus.files.length} files`, 'goal ≤ 1.1');
  pairedRatioLine('pair-choose-10', 'default concurrency / better of 1 and 2, 10 files', 'goal ≤ 1.1');
  pairedRatioLine('pair-choose-1', 'default concurrency / --concurrency 1, one file', 'goal ≤ 1.1');

  const rv = (/** @type {string} */ id, /** @type {'a' | 'b'} */ side = 'a') => {
    const r = ratios.find((x) => x.id === id);
    return side === 'a' ? r?.value : r?.before;
  };
  /** @type {import('./goals.mjs').Goal[]} */
  const goals = [];
  /**
   * @param {string} goal @param {(side: 'a' | 'b') => number | undefined} f the figure (of the separate rows)
   * @param {(v: number) => boolean | undefined} ok (undefined: reported, no goal) @param {(v: number) => string} show
   * @param {string} [pairedId] the paired row the goal is judged on when it ran
   */
  const goal = (goal, f, ok, show, pairedId) =>
    goals.push(judgeGoal({ goal, measured: f, ...(pairedId ? { paired: (/** @type {'a' | 'b'} */ s) => pairedMedian(pairedId, s) } : {}), ok, show, withBaseline: Boolean(baseline) }));
  const x = (/** @type {number} */ v) => `${v.toFixed(2)}×`;
  const pct = (/** @type {number} */ v) => `${(v * 100).toFixed(1)} %`;
  goal('default run ≥ 1.0× AutoCorrect (aim 1.2×)', (s) => rv('peer-autocorrect', s), (v) => v >= 1, x, 'pair-autocorrect');
  goal('--concurrency 2 ≥ 1.7× faster than 1', (s) => rv('speedup-2', s), (v) => v >= 1.7, x, 'pair-concurrency');
  goal(`default concurrency ≤ 1.1× the better of 1, 2 (${corpus.files.length} files)`, (s) => rv('choose-1000', s), (v) => v <= 1.1, x, 'pair-choose-1000');
  goal('default concurrency ≤ 1.1× the better of 1, 2 (10 files)', (s) => rv('choose-10', s), (v) => v <= 1.1, x, 'pair-choose-10');
  goal('default concurrency ≤ 1.1× --concurrency 1 (one file)', (s) => rv('choose-1', s), (v) => v <= 1.1, x, 'pair-choose-1');
  goal('warm --cache, nothing changed ≤ 5 % of cold', (s) => rv('cache-warm', s), (v) => v <= 0.05, pct, 'pair-cache');
  goal('lint / parse ≤ 1.3×, whole process, 1 core', (s) => rv('lint-vs-parse', s), (v) => v <= 1.3, x);
  goal('lint / parse ≤ 1.3×, whole process, CPU time', (s) => rv('lint-vs-parse-cpu', s), (v) => v <= 1.3, x);
  goal('lint / parse ≤ 1.3×, in-process', (s) => rv('lint-vs-parse-inproc', s), (v) => v <= 1.3, x);
  goal('1 MB report: lint ≤ 1.2× parse', (s) => rv('big-lint-vs-parse', s), (v) => v <= 1.2, x);
  const edit = (/** @type {'median' | 'p90' | 'p99'} */ k) => (/** @type {'a' | 'b'} */ s) => get('lsp-edit', s)?.wall?.[k];
  goal('LSP edit → diagnostics, 100 KB: p50 ≤ 10 ms', edit('median'), (v) => v <= 10, fmtMs);
  goal('LSP edit → diagnostics, 100 KB: p90 ≤ 20 ms', edit('p90'), (v) => v <= 20, fmtMs);
  goal('LSP edit → diagnostics, 100 KB: p99 (reported)', edit('p99'), () => undefined, fmtMs);
  goal('cold start: fzlint one.md ≤ 2.5× node -e 0', (s) => rv('startup-vs-node', s), (v) => v <= 2.5, x, 'pair-startup');
  goal('(older target) ≥ 3× faster than markdownlint-cli2', (s) => rv('peer-markdownlint', s), (v) => v >= 3, x);
  goal('(older target) faster than remark-cli', (s) => rv('peer-remark', s), (v) => v > 1, x);
  goal(`(older target) LSP RSS < 200 MB with ${ctxBase.lspOpenDocs} reports`, (s) => (s === 'a' ? get('lsp-rss', 'a')?.rssMiB : undefined), (v) => v < 200, (v) => `${v.toFixed(0)} MiB`);
  goals.push({
    goal: 'findings identical to findings-baseline.json, every fzlint row',
    value: findings.status,
    ...(baseline ? { before: findings.baselineStatus } : {}),
    ok: findings.ok,
  });

  // ---- print
  const head = ['figure', 'median', 'min – max', 'n', 'MB/s', 'CPU', 'peak MiB', 'findings', ...(baseline ? ['baseline', 'this / baseline'] : [])];
  const rows = [head];
  /**
   * A table row: a figure (or one side of a paired row) and, with a baseline, the baseline's.
   * @param {string} label @param {any} r @param {any} b @param {boolean} isRss
   */
  const cells = (label, r, b, isRss) => {
    const abCells = baseline ? (b ? [b.na ? 'n/a' : shown(b), b.na || r.na ? '' : (div(r.wall?.median, b.wall?.median) ?? NaN).toFixed(2)] : ['', '']) : [];
    if (r.na) return [label, 'n/a', '', '', '', '', '', '', ...abCells];
    const w = r.wall;
    return [
      label,
      isRss ? `${r.rssMiB.toFixed(0)} MiB` : fmtMs(w.median),
      isRss ? '' : `${fmtMs(w.min)} – ${fmtMs(w.max)}`,
      isRss ? '1' : String(w.n),
      r.mbPerS ? r.mbPerS.toFixed(2) : '',
      r.cpuMs !== undefined ? fmtMs(r.cpuMs) : '',
      isRss ? r.peakMiB.toFixed(0) : r.rssMiB !== undefined ? r.rssMiB.toFixed(0) : '',
      r.findings !== undefined ? String(r.findings) : '',
      ...abCells,
    ];
  };
  for (const r of results) {
    if (r.paired && !r.na) {
      // Every command of the pairs, one line each; their ratio is in the ratios table.
      /** @param {any} x */
      const sides = (x) => [x.num, ...[x.den].flat()];
      const baseSides = r.baseline && !r.baseline.na ? sides(r.baseline) : undefined;
      for (const [k, side] of sides(r).entries()) rows.push(cells(side.label, side, r.baseline && (baseSides ? baseSides[k] : r.baseline), false));
    } else rows.push(cells(r.label, r, r.baseline, r.id.startsWith('lsp-rss')));
  }
  const out = [];
  out.push(`fzlint bench — ${corpus.files.length} files, ${(corpus.bytes / 1e6).toFixed(2)} MB; ${machine().cpuModel}, ${cores} cores, Node ${process.version}`);
  if (baseline) out.push(`this: ${REPO_ROOT} (${gitCommit(REPO_ROOT)}); baseline: ${baseline.root} (${gitCommit(baseline.root)}); A/B rows alternate runs`);
  out.push('');
  out.push(table(rows, ['l', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r']));
  const nas = results.filter((r) => r.na || r.baseline?.na);
  if (nas.length) {
    out.push('');
    for (const r of nas) out.push(`n/a ${r.id}${r.na ? '' : ' (baseline)'}: ${r.na ?? r.baseline.na}`);
  }
  const editRow = byId.get('lsp-edit');
  if (editRow && !editRow.na) {
    const pcts = (/** @type {any} */ w) => `p50 ${fmtMs(w.median)}, p90 ${fmtMs(w.p90)}, p99 ${fmtMs(w.p99)}`;
    out.push(`\nLSP edits: ${editRow.wall.n} one-character edits, ${editRow.syncKind} sync, ${pcts(editRow.wall)}${editRow.baseline?.wall ? `; baseline ${pcts(editRow.baseline.wall)}` : ''}; client debounce setting 0`);
  }
  const ratioHead = ['ratio', ...(baseline ? ['baseline', 'this'] : ['value']), ''];
  const fmtRatio = (/** @type {number | undefined} */ v) => (v === undefined ? 'n/a' : v.toFixed(v < 0.1 ? 3 : 2));
  const ratioRows = (opts.only || opts.skip.length ? ratios.filter((r) => r.value !== undefined || r.before !== undefined) : ratios).map((r) => [r.label, ...(baseline ? [fmtRatio(r.before)] : []), fmtRatio(r.value), r.note ?? '']);
  out.push('');
  out.push(table([ratioHead, ...ratioRows], ['l', ...ratioHead.slice(1, -1).map(() => /** @type {const} */ ('r')), 'l']));
  // With --only/--skip, goals whose rows did not run are left out of the printed table (kept in the JSON).
  const shownGoals = opts.only || opts.skip.length ? goals.filter((g) => g.value !== 'n/a' || (g.before !== undefined && g.before !== 'n/a') || g.ok !== undefined) : goals;
  const { head: goalHead, rows: goalRows } = goalTable(shownGoals, Boolean(baseline));
  out.push('');
  out.push(table([goalHead, ...goalRows], ['l', ...goalHead.slice(1, -1).map(() => /** @type {const} */ ('r')), 'l']));
  if (findings.lines.length) {
    out.push('');
    out.push(...findings.lines);
  }
  console.log(out.join('\n'));

  const json = {
    schema: 2,
    date: new Date().toISOString(),
    durationS: Math.round((Date.now() - t0) / 1000),
    machine: machine(),
    options: { quick: opts.quick, copies, ...ctxBase, only: opts.only ?? null, skip: opts.skip, baseline: baseline ? baseline.root : null },
    commits: { this: gitCommit(REPO_ROOT), ...(baseline ? { baseline: gitCommit(baseline.root) } : {}) },
    corpus: {
      files: corpus.files.length,
      bytes: corpus.bytes,
      reports: corpus.reports,
      doc100kBytes: corpus.doc100kBytes,
      doc1mBytes: corpus.doc1mBytes,
      oneFileBytes: corpus.oneBytes,
    },
    tools: {
      fzlint: fz.ok ? /** @type {any} */ (fz).version : null,
      fzlintBin: FZLINT_BIN.slice(REPO_ROOT.length + 1),
      ...Object.fromEntries(
        ['markdownlint-cli2', 'remark-cli', 'remark-preset-lint-recommended', 'textlint', 'textlint-rule-max-comma', 'textlint-rule-sentence-length', '@textlint-rule/textlint-rule-no-unmatched-pair', 'autocorrect-node', 'unified', 'remark-parse'].map((p) => [p, installedVersion(p) ?? null]),
      ),
    },
    figures: results,
    ratios,
    goals,
    findingsCheck: { ok: findings.ok, status: findings.status, digests: findings.digests, lines: findings.lines },
  };
  mkdirSync(join(opts.out, '..'), { recursive: true });
  writeFileSync(opts.out, `${JSON.stringify(json, null, 2)}\n`);
  // The same figures as Markdown tables, ready for docs/performance.md.
  const mdOut = opts.out.replace(/\.json$/, '') + '.md';
  const mdRow = (/** @type {string[]} */ cells) => `| ${cells.map((c) => c.trim().replace(/\|/g, '\\|')).join(' | ')} |`;
  const mdTable = (/** @type {string[][]} */ t) => [mdRow(/** @type {string[]} */ (t[0])), mdRow(/** @type {string[]} */ (t[0]).map((_, i) => (i === 0 ? '---' : '---:'))), ...t.slice(1).map(mdRow)];
  const md = [
    `Measured ${json.date.slice(0, 16).replace('T', ' ')} UTC — ${json.machine.nproc} × ${json.machine.cpuModel}, ${json.machine.memGiB} GiB, ${json.machine.os}, Node ${json.machine.node}; ${corpus.files.length} files, ${(corpus.bytes / 1e6).toFixed(2)} MB; ${runs} runs after ${warmup} warm-up.${baseline ? ` This: ${json.commits.this}; baseline: ${json.commits.baseline} (A/B rows alternate).` : ''}`,
    '',
    ...mdTable(rows),
    '',
    ...mdTable([ratioHead, ...ratioRows]),
    '',
    ...mdTable([goalHead, ...goalRows.map((g) => g.map((c) => (c === 'MISSED' ? '**missed**' : c)))]),
    '',
    ...(findings.lines.length ? [...findings.lines.map((l) => `    ${l}`), ''] : []),
  ].join('\n');
  writeFileSync(mdOut, md);
  log(`\nwrote ${opts.out} and ${mdOut} (${json.durationS} s)`);
  return findings.ok === false ? 1 : 0;
}

/**
 * The findings check: the digest of every [findings] row (both checkouts) against the
 * committed baseline for this corpus size, and against each other.
 * @param {any[]} results @param {number} files
 * @returns {{ok: boolean | undefined, status: string, baselineStatus: string, lines: string[], digests: Record<string, string>}}
 */
function checkFindings(results, files) {
  const committed = readFindingsBaseline();
  const expected = committed?.corpora?.[String(files)];
  /** @type {{row: string, summary: import('./findings.mjs').FindingsSummary}[]} */
  const seen = [];
  /** @type {string[]} */
  const unreadable = [];
  for (const r of results) {
    if (!r.check) continue;
    for (const [side, x] of [['this', r], ['baseline', r.baseline]]) {
      if (!x || x.na) continue;
      const name = side === 'this' ? r.id : `${r.id} (baseline)`;
      if (x.findingsSummary) seen.push({ row: name, summary: x.findingsSummary });
      else unreadable.push(name);
    }
  }
  /** @type {Record<string, string>} */
  const digests = Object.fromEntries(seen.map((s) => [s.row, s.summary.digest]));
  if (seen.length === 0 && unreadable.length === 0) return { ok: undefined, status: 'not run (no fzlint corpus row)', baselineStatus: '', lines: [], digests };
  const reference = expected ?? seen[0]?.summary;
  /** @type {string[]} */
  const lines = [];
  const bad = seen.filter((s) => s.summary.digest !== reference?.digest);
  const short = (/** @type {string} */ d) => d.slice(0, 12);
  const sideOk = (/** @type {boolean} */ isBaseline) => {
    const mine = seen.filter((s) => s.row.endsWith('(baseline)') === isBaseline);
    if (mine.length === 0) return 'n/a';
    return mine.every((s) => s.summary.digest === reference?.digest) && !unreadable.some((u) => u.endsWith('(baseline)') === isBaseline) ? `same (${short(/** @type {string} */ (reference?.digest))})` : 'DIFFERENT';
  };
  const ok = bad.length === 0 && unreadable.length === 0 && expected !== undefined;
  if (!ok) {
    const bar = '!'.repeat(78);
    lines.push(bar);
    if (!expected) lines.push(`FINDINGS CHECK: no baseline for ${files} files in ${FINDINGS_BASELINE.slice(REPO_ROOT.length + 1)} (pnpm bench --record-findings records 1,000 and 50 files); rows compared with each other only`);
    for (const u of unreadable) lines.push(`FINDINGS CHECK: ${u}: the JSON output could not be read`);
    if (bad.length) {
      lines.push(`FINDINGS CHANGED: ${bad.length} of ${seen.length} fzlint rows differ from ${expected ? `the baseline (${committed?.commit}, ${short(expected.digest)})` : seen[0]?.row}`);
      // Rows with the same digest are described once.
      /** @type {Map<string, string[]>} */
      const groups = new Map();
      for (const s of bad) groups.set(s.summary.digest, [...(groups.get(s.summary.digest) ?? []), s.row]);
      for (const [digest, rows] of groups) {
        lines.push(`  ${rows.join(', ')} → ${short(digest)}:`);
        const summary = /** @type {import('./findings.mjs').FindingsSummary} */ (seen.find((s) => s.summary.digest === digest)?.summary);
        for (const l of describeDifference(/** @type {import('./findings.mjs').FindingsSummary} */ (reference), summary)) lines.push(`    ${l}`);
      }
      lines.push('  Speed work must not change findings. If the change is intended, record it: pnpm bench --record-findings');
    }
    lines.push(bar);
  } else {
    lines.push(`findings check: ${seen.length} fzlint rows, all ${short(/** @type {string} */ (reference?.digest))} = findings-baseline.json (${committed?.commit?.slice(0, 10)}): ${expected?.total} findings`);
  }
  return { ok: expected === undefined && bad.length === 0 && unreadable.length === 0 ? undefined : ok, status: sideOk(false), baselineStatus: sideOk(true), lines, digests };
}

/**
 * `--record-findings`: fzlint's findings on the full corpus (200 copies) and the `--quick`
 * one (10 copies), written to findings-baseline.json.
 * @param {{ok: boolean, reason?: string, version?: string}} fz @param {(s: string) => void} log
 */
async function recordFindings(fz, log) {
  if (!fz.ok) {
    log(`cannot record findings: ${fz.reason}`);
    return 1;
  }
  /** @type {Record<string, import('./findings.mjs').FindingsSummary & {copies: number}>} */
  const corpora = {};
  for (const copies of [200, 10]) {
    const corpus = buildCorpus({ copies });
    try {
      const r = await timeCommand({ cwd: corpus.root, runs: 1, warmup: 0, cmd: process.execPath, args: [FZLINT_BIN, '--format', 'json', '--concurrency', '1', 'corpus'] });
      const s = summariseFindings(readFileSync(r.lastOutFile, 'utf8'), corpus.root);
      corpora[String(corpus.files.length)] = { copies, ...s };
      log(`${corpus.files.length} files: ${s.total} findings, digest ${s.digest.slice(0, 16)}…`);
    } finally {
      removeCorpus(corpus);
      cleanupScratch();
    }
  }
  const json = writeFindingsBaseline(corpora, fz.version ?? 'unknown');
  log(`wrote ${FINDINGS_BASELINE.slice(REPO_ROOT.length + 1)} (commit ${json.commit})`);
  return 0;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.exitCode = await main(process.argv.slice(2));
}
