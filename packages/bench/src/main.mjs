#!/usr/bin/env node
// `pnpm bench`: builds a temporary report repository, times parse-only, fzlint
// (CLI, cache, language server) and the peers over it in one run, prints a table
// with the ratios the targets are stated in, and writes bench-results/latest.json.
// A benchmark, never a test: nothing here asserts a time.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, release, totalmem, type } from 'node:os';
import { join } from 'node:path';
import { buildCorpus, removeCorpus, REPO_ROOT } from './corpus.mjs';
import { figures, fzlintStatus, FZLINT_BIN, installedVersion, PEERS } from './figures.mjs';
import { FINDINGS_BASELINE, summariseFindings, writeFindingsBaseline } from './findings.mjs';
import { cleanupScratch, GNU_TIME, timeCommand } from './measure.mjs';

const HELP = `pnpm bench [options]

  --quick            smoke run: 10 copies of each report (50 files), 2 runs, no warm-up, 20 LSP edits
  --only <names>     comma-separated figure ids or groups:
                     groups: parse, fzlint, cache, peers, big, lsp, startup
                     ids:    parse, fzlint-parse, fzlint-lint, fzlint-1, fzlint-all, fzlint-auto, cache-cold,
                             cache-warm, cache-one, markdownlint, remark, textlint, autocorrect,
                             big-parse, big-fzlint, lsp-init, lsp-open, lsp-edit, lsp-rss,
                             startup-node, startup-fzlint, startup-<peer>
  --skip <names>     the opposite of --only
  --runs <n>         timed runs per figure (default 5; textlint at most 3; --quick 2)
  --warmup <n>       discarded runs before them (default 1; --quick 0)
  --copies <n>       copies of each of the five reports (default 200 → 1,000 files)
  --edits <n>        one-character edits timed in the language server (default 100)
  --out <file>       JSON output (default bench-results/latest.json)
  --keep             keep the temporary repository and print its path
  --no-build         do not build fzlint when its dist/ is missing
  -h, --help`;

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

  const selected = (/** @type {{id: string, group: string}} */ f) =>
    (!opts.only || opts.only.includes(f.id) || opts.only.includes(f.group)) && !opts.skip.includes(f.id) && !opts.skip.includes(f.group);

  let fz = await fzlintStatus();
  if (!fz.ok && opts.build && existsSync(FZLINT_BIN) && !existsSync(join(REPO_ROOT, 'packages', 'cli', 'dist', 'index.js'))) {
    // A fresh clone after `pnpm install`: build the CLI and the server (and what they need) once.
    log('fzlint is not built yet: pnpm --filter "@fzlint/cli..." --filter "@fzlint/language-server..." build');
    spawnSync('pnpm', ['--filter', '@fzlint/cli...', '--filter', '@fzlint/language-server...', 'build'], { cwd: REPO_ROOT, stdio: 'inherit' });
    fz = await fzlintStatus();
  }
  if (!fz.ok) log(`fzlint rows will be n/a: ${fz.reason}`);

  if (opts.recordFindings) return recordFindings(fz, log);

  const t0 = Date.now();
  const corpus = buildCorpus({ copies });
  log(`corpus: ${corpus.files.length} files, ${(corpus.bytes / 1e6).toFixed(2)} MB in ${corpus.root}; 100 KB report ${corpus.doc100kBytes} B; 1 MB report ${corpus.doc1mBytes} B`);
  log(`runs ${runs} (+${warmup} warm-up), ${cores} cores, GNU time ${GNU_TIME ? 'yes' : 'no (no CPU/RSS figures)'}`);

  const ctx = { ...ctxBase, corpus, fzlint: fz, log };
  // Ctrl-C must not leave 14 MB of corpus in /tmp.
  const onSignal = () => {
    if (!opts.keep) removeCorpus(corpus);
    cleanupScratch();
    process.exit(130);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  const all = [...figures(ctx), ...(await import('./previous.mjs')).previousFigures(ctx), ...(await (await import('./pathological.mjs')).pathologicalFigures({ ...ctx, quick: opts.quick }))];
  for (const name of [...(opts.only ?? []), ...opts.skip]) {
    if (!all.some((f) => f.id === name || f.group === name)) log(`warning: no figure or group named "${name}" (see --help)`);
  }
  /** @type {any[]} */
  const results = [];
  try {
    for (const f of all) {
      if (!selected(f)) continue;
      process.stderr.write(`  ${f.id.padEnd(22)} `);
      const t = Date.now();
      let r;
      try {
        r = await f.run();
      } catch (e) {
        r = { na: `failed: ${String(/** @type {Error} */ (e).message).split('\n').slice(0, 4).join(' | ')}` };
      }
      log(r.na ? `n/a — ${r.na}` : `${r.rssMiB !== undefined && !Number.isFinite(r.wall?.median) ? `${r.rssMiB.toFixed(0)} MiB` : fmtMs(r.wall?.median)} (${((Date.now() - t) / 1000).toFixed(1)} s)`);
      const row = { id: f.id, group: f.group, label: f.label, ...(f.bytes ? { bytes: f.bytes } : {}), ...r };
      if (row.wall && f.bytes && Number.isFinite(row.wall.median)) row.mbPerS = f.bytes / 1e6 / (row.wall.median / 1000);
      results.push(row);
    }
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    if (opts.keep) log(`kept ${corpus.root}`);
    else removeCorpus(corpus);
    cleanupScratch();
  }

  const byId = new Map(results.map((r) => [r.id, r]));
  const med = (/** @type {string} */ id) => {
    const r = byId.get(id);
    return r && !r.na && r.wall ? r.wall.median : undefined;
  };
  /** @type {{id: string, label: string, value: number | undefined, note?: string}[]} */
  const ratios = [];
  const ratio = (/** @type {string} */ id, /** @type {string} */ label, /** @type {number | undefined} */ a, /** @type {number | undefined} */ b, /** @type {string} */ note = '') =>
    ratios.push({ id, label, value: a !== undefined && b !== undefined && b > 0 ? a / b : undefined, ...(note ? { note } : {}) });
  ratio('lint-vs-parse', 'fzlint --concurrency 1 / parse only (whole process)', med('fzlint-1'), med('parse'), 'target ≤ 1.5');
  const cpu = (/** @type {string} */ id) => {
    const r = byId.get(id);
    return r && !r.na ? r.cpuMs : undefined;
  };
  // CPU time is steadier than wall time on a shared machine.
  ratio('lint-vs-parse-cpu', 'fzlint --concurrency 1 / parse only (CPU time)', cpu('fzlint-1'), cpu('parse'), 'target ≤ 1.5');
  const inner = (/** @type {string} */ id) => {
    const r = byId.get(id);
    return r && !r.na ? r.inner?.workMs : undefined;
  };
  ratio('lint-vs-parse-inproc', 'lint() / remark parse (in-process, work only)', inner('fzlint-lint'), inner('parse'), 'target ≤ 1.5');
  ratio('fzparse-vs-parse-inproc', '@fzlint/parser parse() / remark parse (in-process)', inner('fzlint-parse'), inner('parse'));
  ratio('scaling', `fzlint 1 core / ${cores} cores`, med('fzlint-1'), med('fzlint-all'), `ideal ${cores}`);
  // Peers run with their defaults, so fzlint does too (`auto`: every core but one).
  for (const p of PEERS) {
    const f = med('fzlint-auto') ?? med('fzlint-all');
    const q = med(p.id);
    const speedup = f !== undefined && q !== undefined && f > 0 ? q / f : undefined;
    const goal = p.id === 'markdownlint' ? ' (target ≥ 3×)' : p.id === 'remark' ? ' (target > 1×)' : p.id === 'autocorrect' ? ' (stretch > 1×)' : '';
    ratio(`peer-${p.id}`, `fzlint (default) / ${p.pkg}`, f, q, speedup === undefined ? '' : `fzlint ${speedup >= 1 ? `${speedup.toFixed(2)}× faster` : `${(1 / speedup).toFixed(2)}× slower`}${goal}`);
  }
  ratio('cache-warm', 'warm cache, nothing changed / cold', med('cache-warm'), med('cache-cold'), 'target < 0.10');
  ratio('cache-one', 'warm cache, 1 file changed / cold', med('cache-one'), med('cache-cold'));
  ratio('startup-vs-node', 'fzlint one file / node -e 0', med('startup-fzlint'), med('startup-node'));

  /** @type {{target: string, value: string, ok: boolean | undefined}[]} */
  const targets = [];
  const tgt = (/** @type {string} */ target, /** @type {number | undefined} */ v, /** @type {(v: number) => boolean} */ ok, /** @type {(v: number) => string} */ show) =>
    targets.push({ target, value: v === undefined || !Number.isFinite(v) ? 'n/a' : show(v), ok: v === undefined || !Number.isFinite(v) ? undefined : ok(v) });
  const rv = (/** @type {string} */ id) => ratios.find((r) => r.id === id)?.value;
  tgt('lint ≤ 1.5× parse, 1 core', rv('lint-vs-parse'), (v) => v <= 1.5, (v) => `${v.toFixed(2)}×`);
  const inv = (/** @type {number | undefined} */ v) => (v === undefined || v <= 0 ? undefined : 1 / v);
  tgt('≥ 3× faster than markdownlint-cli2', inv(rv('peer-markdownlint')), (v) => v >= 3, (v) => `${v.toFixed(2)}×`);
  tgt('faster than remark-cli', inv(rv('peer-remark')), (v) => v > 1, (v) => `${v.toFixed(2)}×`);
  tgt('(stretch) faster than AutoCorrect', inv(rv('peer-autocorrect')), (v) => v > 1, (v) => `${v.toFixed(2)}×`);
  tgt('scales with cores (1 core / all > 1.3)', rv('scaling'), (v) => v > 1.3, (v) => `${v.toFixed(2)}×`);
  tgt('warm cache < 10% of cold', rv('cache-warm'), (v) => v < 0.1, (v) => `${(v * 100).toFixed(1)}%`);
  tgt('LSP edit → diagnostics < 20 ms (100 KB)', med('lsp-edit'), (v) => v < 20, fmtMs);
  const rss = byId.get('lsp-rss');
  tgt(`LSP RSS < 200 MB with ${ctxBase.lspOpenDocs} reports`, rss && !rss.na ? rss.rssMiB : undefined, (v) => v < 200, (v) => `${v.toFixed(0)} MiB`);
  tgt('CLI start-up, one file < 300 ms', med('startup-fzlint'), (v) => v < 300, fmtMs);

  // ---- print
  const head = ['figure', 'median', 'min – max', 'n', 'MB/s', 'CPU', 'peak MiB', 'findings'];
  const rows = [head];
  for (const r of results) {
    if (r.na) {
      rows.push([r.label, 'n/a', '', '', '', '', '', '']);
      continue;
    }
    const w = r.wall;
    const isRss = r.id.startsWith('lsp-rss');
    rows.push([
      r.label,
      isRss ? `${r.rssMiB.toFixed(0)} MiB` : fmtMs(w.median),
      isRss ? '' : `${fmtMs(w.min)} – ${fmtMs(w.max)}`,
      isRss ? '1' : String(w.n),
      r.mbPerS ? r.mbPerS.toFixed(2) : '',
      r.cpuMs !== undefined ? fmtMs(r.cpuMs) : '',
      isRss ? r.peakMiB.toFixed(0) : r.rssMiB !== undefined ? r.rssMiB.toFixed(0) : '',
      r.findings !== undefined ? String(r.findings) : '',
    ]);
  }
  const out = [];
  out.push(`fzlint bench — ${corpus.files.length} files, ${(corpus.bytes / 1e6).toFixed(2)} MB; ${machine().cpuModel}, ${cores} cores, Node ${process.version}`);
  out.push('');
  out.push(table(rows, ['l', 'r', 'r', 'r', 'r', 'r', 'r', 'r']));
  const nas = results.filter((r) => r.na);
  if (nas.length) {
    out.push('');
    for (const r of nas) out.push(`n/a ${r.id}: ${r.na}`);
  }
  const edit = byId.get('lsp-edit');
  if (edit && !edit.na) out.push(`\nLSP edits: ${edit.wall.n} one-character edits, ${edit.syncKind} sync, p90 ${fmtMs(edit.wall.p90)}, client debounce setting 0`);
  out.push('');
  out.push(table([['ratio', 'value', ''], ...ratios.map((r) => [r.label, r.value === undefined ? 'n/a' : `${r.value.toFixed(r.value < 0.1 ? 3 : 2)}`, r.note ?? ''])], ['l', 'r', 'l']));
  out.push('');
  out.push(table([['target', 'measured', ''], ...targets.map((t) => [t.target, t.value, t.ok === undefined ? '—' : t.ok ? 'met' : 'MISSED'])], ['l', 'r', 'l']));
  console.log(out.join('\n'));

  const json = {
    schema: 1,
    date: new Date().toISOString(),
    durationS: Math.round((Date.now() - t0) / 1000),
    machine: machine(),
    options: { quick: opts.quick, copies, ...ctxBase, only: opts.only ?? null, skip: opts.skip },
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
    targets,
  };
  mkdirSync(join(opts.out, '..'), { recursive: true });
  writeFileSync(opts.out, `${JSON.stringify(json, null, 2)}\n`);
  // The same figures as Markdown tables, ready for docs/performance.md.
  const mdOut = opts.out.replace(/\.json$/, '') + '.md';
  const mdRow = (/** @type {string[]} */ cells) => `| ${cells.map((c) => c.trim().replace(/\|/g, '\\|')).join(' | ')} |`;
  const md = [
    `Measured ${json.date.slice(0, 16).replace('T', ' ')} UTC — ${json.machine.nproc} × ${json.machine.cpuModel}, ${json.machine.memGiB} GiB, ${json.machine.os}, Node ${json.machine.node}; ${corpus.files.length} files, ${(corpus.bytes / 1e6).toFixed(2)} MB; ${runs} runs after ${warmup} warm-up.`,
    '',
    mdRow(head),
    mdRow(head.map((_, i) => (i === 0 ? '---' : '---:'))),
    ...rows.slice(1).map(mdRow),
    '',
    mdRow(['ratio', 'value', '']),
    mdRow(['---', '---:', '---']),
    ...ratios.map((r) => mdRow([r.label, r.value === undefined ? 'n/a' : r.value.toFixed(r.value < 0.1 ? 3 : 2), r.note ?? ''])),
    '',
    mdRow(['target', 'measured', '']),
    mdRow(['---', '---:', '---']),
    ...targets.map((t) => mdRow([t.target, t.value, t.ok === undefined ? '—' : t.ok ? 'met' : '**missed**'])),
    '',
  ].join('\n');
  writeFileSync(mdOut, md);
  log(`\nwrote ${opts.out} and ${mdOut} (${json.durationS} s)`);
  return 0;
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
