// The figures `pnpm bench` takes. Each figure is a small async function returning
// a summary; a figure that cannot run (fzlint not built yet, a peer missing)
// returns `{na: reason}` and the table prints "n/a".
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { REPO_ROOT } from './corpus.mjs';
import { startServer } from './lsp.mjs';
import { summariseFindings } from './findings.mjs';
import { timeAlternating, timeCommand, timeRotating } from './measure.mjs';
import { fastestPerRound, pairedRatio, stats } from './stats.mjs';

export const BENCH_DIR = join(REPO_ROOT, 'packages', 'bench');
const NODE = process.execPath;
const INPROC = join(BENCH_DIR, 'src', 'inproc.mjs');
export const FZLINT_BIN = join(REPO_ROOT, 'packages', 'cli', 'bin', 'fzlint.js');
export const SERVER_BIN = join(REPO_ROOT, 'packages', 'language-server', 'bin', 'fzlint-language-server.js');

/**
 * The JavaScript file a package's `bin` entry points at.
 * @param {string} pkg @param {string} [binName]
 */
export function peerBin(pkg, binName) {
  const dir = join(BENCH_DIR, 'node_modules', pkg);
  const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  const bin = typeof manifest.bin === 'string' ? manifest.bin : manifest.bin?.[binName ?? Object.keys(manifest.bin ?? {})[0] ?? ''];
  if (!bin) throw new Error(`${pkg} has no bin`);
  return { file: join(dir, bin), version: /** @type {string} */ (manifest.version) };
}

/** @param {string} pkg */
export function installedVersion(pkg) {
  try {
    return JSON.parse(readFileSync(join(BENCH_DIR, 'node_modules', pkg, 'package.json'), 'utf8')).version;
  } catch {
    return undefined;
  }
}

/**
 * The peers, as peers.md ran them (commands relative to the corpus repository).
 * `count` reads the number of findings from the tool's output, as a check that it did the work.
 * @type {{id: string, label: string, pkg: string, bin?: string, heavy?: boolean,
 *   corpusArgs: (c: import('./corpus.mjs').BenchCorpus) => string[],
 *   oneArgs: (c: import('./corpus.mjs').BenchCorpus) => string[],
 *   count: (out: string) => number | undefined}[]}
 */
export const PEERS = [
  {
    id: 'markdownlint',
    label: 'markdownlint-cli2 (defaults)',
    pkg: 'markdownlint-cli2',
    corpusArgs: () => ['corpus/**/*.md'],
    oneArgs: () => ['one/one.md'],
    count: (out) => num(/Summary: (\d+) error/.exec(out)?.[1]),
  },
  {
    id: 'remark',
    label: 'remark-cli + preset-lint-recommended',
    pkg: 'remark-cli',
    // An absolute plugin path: the temp repository has no node_modules to resolve a name from.
    corpusArgs: () => ['corpus', '--use', presetPath(), '--quiet', '--no-stdout', '--no-color'],
    oneArgs: () => ['one/one.md', '--use', presetPath(), '--quiet', '--no-stdout', '--no-color'],
    count: (out) => num([...out.matchAll(/(\d+) warnings?/g)].pop()?.[1]),
  },
  {
    id: 'textlint',
    label: 'textlint (max-comma, sentence-length, no-unmatched-pair)',
    pkg: 'textlint',
    heavy: true,
    corpusArgs: () => ['--no-color', '-c', 'cfg/textlintrc.json', '--rules-base-directory', join(BENCH_DIR, 'node_modules'), 'corpus/'],
    oneArgs: () => ['--no-color', '-c', 'cfg/textlintrc.json', '--rules-base-directory', join(BENCH_DIR, 'node_modules'), 'one/one.md'],
    count: (out) => num(/(\d+) problems?/.exec(out)?.[1]),
  },
  {
    id: 'autocorrect',
    label: 'AutoCorrect (--lint --format json)',
    pkg: 'autocorrect-node',
    corpusArgs: () => ['--lint', '--format', 'json', 'corpus/'],
    oneArgs: () => ['--lint', '--format', 'json', 'one/one.md'],
    count: (out) => {
      // The JSON follows a blank line of progress output.
      const start = out.indexOf('{');
      try {
        const j = JSON.parse(out.slice(start));
        return (j.messages ?? []).reduce((/** @type {number} */ n, /** @type {any} */ m) => n + (m.lines?.length ?? 0), 0);
      } catch {
        return undefined;
      }
    },
  },
];

function presetPath() {
  return join(BENCH_DIR, 'node_modules', 'remark-preset-lint-recommended', 'index.js');
}

/** @param {string | undefined} s */
function num(s) {
  return s === undefined ? undefined : Number(s);
}

/** Findings in fzlint's JSON output (ESLint shape). @param {string} out */
function countFzlint(out) {
  try {
    const j = JSON.parse(out);
    return Array.isArray(j) ? j.reduce((n, r) => n + (r.messages?.length ?? 0), 0) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Times a command and adds the finding count read from the last run's output.
 * @param {import('./measure.mjs').CommandSpec} spec @param {(out: string) => number | undefined} [count]
 */
async function timed(spec, count) {
  const r = await timeCommand(spec);
  let findings;
  if (count) findings = count(readFileSync(r.lastOutFile, 'utf8'));
  rmSync(r.lastOutFile, { force: true });
  return { ...r, lastOutFile: undefined, findings };
}

/**
 * A built fzlint checkout the bench drives through its public entry points only: the
 * CLI's bin, the language server's bin, and the packages' `dist/index.js` (in-process rows).
 * `this` is the checkout the bench lives in; `baseline` the one `--baseline DIR` names.
 * @typedef {{name: 'this' | 'baseline', root: string, fzlintBin: string, serverBin: string,
 *   status: {ok: boolean, reason?: string, version?: string}}} Checkout
 */

/**
 * @param {string} root @param {'this' | 'baseline'} name
 * @returns {Promise<Checkout>}
 */
export async function openCheckout(root, name) {
  const fzlintBin = join(root, 'packages', 'cli', 'bin', 'fzlint.js');
  return { name, root, fzlintBin, serverBin: join(root, 'packages', 'language-server', 'bin', 'fzlint-language-server.js'), status: await fzlintStatus(fzlintBin) };
}

/** Whether a built CLI answers `--version`. @param {string} [bin] */
export async function fzlintStatus(bin = FZLINT_BIN) {
  if (!existsSync(bin)) return { ok: false, reason: `${bin} does not exist` };
  try {
    const r = await timeCommand({ cmd: NODE, args: [bin, '--version'], runs: 1, warmup: 0, okCodes: [0] });
    const version = readFileSync(r.lastOutFile, 'utf8').trim();
    rmSync(r.lastOutFile, { force: true });
    return { ok: true, version };
  } catch (e) {
    return { ok: false, reason: `fzlint --version failed: ${String(/** @type {Error} */ (e).message).split('\n').slice(0, 3).join(' ')}` };
  }
}

/**
 * Each checkout's own cache folder in the corpus repository, so that this checkout's
 * warm run never reads the baseline's cache or the other way round.
 * @param {string} root @param {Checkout} co
 */
function cacheDir(root, co) {
  return join(root, `.fzlintcache-${co.name}`);
}

/** Empties a checkout's cache. @param {string} root @param {Checkout} co */
function clearFzlintCache(root, co) {
  rmSync(cacheDir(root, co), { recursive: true, force: true });
}

/**
 * What one side of a row returned: timing summary plus findings.
 * @typedef {{na: string} | (Omit<Awaited<ReturnType<typeof timeCommand>>, 'lastOutFile'> & {findings?: number, findingsSummary?: import('./findings.mjs').FindingsSummary, inner?: any})} Side
 */

/** @typedef {import('./measure.mjs').Summary} Summary */

/**
 * One side of a paired row: its short name (for "faster in"), what the table calls it, the command
 * (a spec, or why it cannot run), and how to count the findings in its last run's output.
 * @typedef {{name: string, label: string, spec: import('./measure.mjs').CommandSpec | {na: string}, count?: (out: string) => number | undefined}} PairSide
 */

/**
 * Every figure, in table order. `group` is what `--only` matches, along with `id`.
 * Rows with `ab` run the same command with the `--baseline` checkout too, alternately;
 * rows with `check` have their JSON output hashed for the findings check; `paired` rows
 * time two commands alternately for the ratio a goal is judged on (group `paired` too).
 * @param {{corpus: import('./corpus.mjs').BenchCorpus, runs: number, warmup: number,
 *   heavyRuns: number, startupRuns: number, lspOpens: number, lspEdits: number,
 *   lspOpenDocs: number, cores: number, fzlint: {ok: boolean, reason?: string},
 *   self: Checkout, baseline?: Checkout, log: (s: string) => void}} ctx
 * @returns {{id: string, group: string, label: string, bytes?: number, ab?: boolean, check?: boolean, paired?: boolean, aliases?: string[], run: () => Promise<any>}[]}
 */
export function figures(ctx) {
  const c = ctx.corpus;
  const base = { cwd: c.root, runs: ctx.runs, warmup: ctx.warmup };
  const needDist = (/** @type {string} */ pkg, root = REPO_ROOT) =>
    existsSync(join(root, 'packages', pkg, 'dist', 'index.js')) ? undefined : { na: `${root === REPO_ROOT ? '' : `${root}/`}packages/${pkg}/dist is not built` };

  /**
   * Times a row on this checkout and, with `--baseline`, on the baseline alternately.
   * `make` builds the command for a checkout (or says why it cannot run); `read` turns
   * the last run's output into findings.
   * @param {(co: Checkout) => import('./measure.mjs').CommandSpec | {na: string}} make
   * @param {(out: string, co: Checkout) => {findings?: number | undefined, findingsSummary?: import('./findings.mjs').FindingsSummary, inner?: any}} [read]
   */
  const ab = async (make, read) => {
    /** @param {Awaited<ReturnType<typeof timeCommand>>} r @param {Checkout} co */
    const finish = (r, co) => {
      let extra = {};
      try {
        if (read) extra = read(readFileSync(r.lastOutFile, 'utf8'), co);
      } finally {
        rmSync(r.lastOutFile, { force: true });
      }
      return { ...r, lastOutFile: undefined, ...extra };
    };
    const a = make(ctx.self);
    const b = ctx.baseline ? make(ctx.baseline) : undefined;
    if ('na' in a) return { ...a, ...(b ? { baseline: 'na' in b ? b : { na: 'not run: this checkout could not run the row' } } : {}) };
    if (!b) return finish(await timeCommand(a), ctx.self);
    if ('na' in b) return { ...finish(await timeCommand(a), ctx.self), baseline: b };
    const r = await timeAlternating(a, b);
    return { ...finish(r.a, ctx.self), baseline: finish(r.b, /** @type {Checkout} */ (ctx.baseline)) };
  };

  /**
   * A paired row: two commands timed alternately in one row (`timeAlternating`: A B, B A, …)
   * and the median of the per-pair ratios `num / den` (`pairedRatio`), which the host's drift
   * between two rows timed minutes apart cannot move. `first` runs first in the first pair
   * (the cache's cold run, which fills the cache the warm runs read). `den` may be several
   * commands (a goal against "the better of" them): all are timed in rotated rounds
   * (`timeRotating`: A B C, B C A, …) and each round's denominator is the fastest of them
   * (`fastestPerRound`). With `--baseline`, the baseline checkout's pairs follow this
   * checkout's: each ratio is taken within its own pairs.
   * @param {(co: Checkout) => {num: PairSide, den: PairSide | PairSide[], first?: 'num' | 'den'}} make
   */
  const paired = async (make) => {
    /** @param {Checkout} co */
    const one = async (co) => {
      const p = make(co);
      const dens = Array.isArray(p.den) ? p.den : [p.den];
      const specs = [p.num.spec, ...dens.map((d) => d.spec)];
      const na = specs.find((s) => 'na' in s);
      if (na) return na;
      // Indices into `specs` in the order of the first round: num first, unless the den goes first.
      const order = specs.map((_, k) => k);
      if (p.first === 'den') order.push(/** @type {number} */ (order.shift()));
      const timed = await timeRotating(order.map((k) => /** @type {import('./measure.mjs').CommandSpec} */ (specs[k])));
      // Back in the order of `specs`: num, then the dens.
      const [num, ...denResults] = specs.map((_, k) => /** @type {Summary} */ (timed[order.indexOf(k)]));
      /** @param {Summary} x @param {PairSide} side */
      const finish = (x, side) => {
        const findings = side.count?.(readFileSync(x.lastOutFile, 'utf8'));
        rmSync(x.lastOutFile, { force: true });
        return { name: side.name, label: side.label, ...x, lastOutFile: undefined, ...(side.count ? { findings } : {}) };
      };
      const fastest = Array.isArray(p.den) ? fastestPerRound(denResults) : /** @type {Summary} */ (denResults[0]);
      const finished = dens.map((d, k) => finish(/** @type {Summary} */ (denResults[k]), d));
      return {
        num: finish(/** @type {Summary} */ (num), p.num),
        den: Array.isArray(p.den) ? finished : finished[0],
        ...('wins' in fastest ? { fastestDen: fastest.wins } : {}),
        ratio: pairedRatio(/** @type {Summary} */ (num).samples, fastest.samples),
        ...(num?.cpuSamples && fastest.cpuSamples ? { cpuRatio: pairedRatio(num.cpuSamples, fastest.cpuSamples) } : {}),
      };
    };
    const mine = await one(ctx.self);
    if (!ctx.baseline) return mine;
    return { ...mine, baseline: 'na' in mine ? { na: 'not run: this checkout could not run the row' } : await one(ctx.baseline) };
  };

  /** `fzlint --format json …` of a checkout. @param {string[]} args @param {Partial<import('./measure.mjs').CommandSpec>} [extra] */
  const fz = (args, extra = {}) => (/** @type {Checkout} */ co) =>
    co.status.ok ? { ...base, cmd: NODE, args: [co.fzlintBin, '--format', 'json', ...args], ...extra } : { na: co.status.reason ?? 'fzlint is not built' };
  /**
   * `fzlint …` of a checkout with its default (stylish) output, as a user runs it: the
   * timed cache rows. Their findings come from {@link jsonAfter}.
   * @param {string[]} args @param {Partial<import('./measure.mjs').CommandSpec>} [extra]
   */
  const fzStylish = (args, extra = {}) => (/** @type {Checkout} */ co) =>
    co.status.ok ? { ...base, cmd: NODE, args: [co.fzlintBin, ...args], ...extra } : { na: co.status.reason ?? 'fzlint is not built' };
  /**
   * The findings of a stylish row: one more run, untimed, of the same command with
   * `--format json` on the cache state the timed runs left (`before` prepares it as
   * theirs did), read by `read` (count, or count and hash). So the findings check still
   * covers the cache path while the timed runs print what a user sees.
   * @param {string[]} args @param {(out: string) => any} read @param {() => void} [before]
   */
  const jsonAfter = (args, read, before) => (/** @type {string} */ _stylish, /** @type {Checkout} */ co) => {
    before?.();
    const r = spawnSync(NODE, [co.fzlintBin, '--format', 'json', ...args], { cwd: c.root, encoding: 'utf8', maxBuffer: 1 << 30 });
    return read(r.stdout ?? '');
  };
  /** @param {string} out */
  const count = (out) => ({ findings: countFzlint(out) });
  /** Count and hash: the findings check of rows over the whole corpus. @param {string} out */
  const check = (out) => {
    try {
      const s = summariseFindings(out, c.root);
      return { findings: s.total, findingsSummary: s };
    } catch {
      return { findings: undefined };
    }
  };
  /** @param {string} mode @param {string[]} inputs @param {number} runs */
  const inproc = (mode, inputs, runs) => (/** @type {Checkout} */ co) =>
    needDist(mode === 'fzlint-parse' ? 'parser' : 'linter', co.root) ?? { ...base, runs, cmd: NODE, args: [INPROC, mode, '--root', co.root, ...inputs] };
  /** @param {string} out */
  const readInproc = (out) => {
    const j = JSON.parse(out.trim().split('\n').pop() ?? '{}');
    return { inner: { readMs: j.readMs, loadMs: j.loadMs, workMs: j.passMs?.[0] }, findings: j.findings || undefined };
  };
  const remark = async (/** @type {string[]} */ inputs) => {
    const r = await timeCommand({ ...base, cmd: NODE, args: [INPROC, 'remark', ...inputs] });
    const extra = readInproc(readFileSync(r.lastOutFile, 'utf8'));
    rmSync(r.lastOutFile, { force: true });
    return { ...r, lastOutFile: undefined, ...extra };
  };
  const changed = /** @type {string} */ (c.files[0]);
  const changedOriginal = readFileSync(changed);
  const cache = (/** @type {Checkout} */ co) => ['--cache', '--cache-location', `${cacheDir(c.root, co)}/`];
  const few = c.files.slice(0, 10).map((f) => relative(c.root, f));

  /**
   * The goal "the default concurrency chooses well": the default against the better of
   * `--concurrency 1` and `2` on `inputs` (the three commands in rotated rounds), or against
   * `--concurrency 1` alone (`concurrencies` ['1']: one file, a pair).
   * @param {string[]} inputs @param {string} what how many files, for the labels
   * @param {number} rounds @param {string[]} [concurrencies]
   */
  const chooseRow = (inputs, what, rounds, concurrencies = ['1', '2']) =>
    paired((co) => {
      const dens = concurrencies.map((n) => ({ name: `--concurrency ${n}`, label: `paired: fzlint --concurrency ${n}, ${what}`, spec: fz(['--concurrency', n, ...inputs], { runs: rounds })(co), count: countFzlint }));
      return {
        num: { name: 'default', label: `paired: fzlint (default), ${what}`, spec: fz(inputs, { runs: rounds })(co), count: countFzlint },
        den: dens.length === 1 ? /** @type {PairSide} */ (dens[0]) : dens,
      };
    });

  return [
    {
      id: 'parse',
      group: 'parse',
      label: 'parse only: unified + remark-parse, 1 core',
      bytes: c.bytes,
      run: () => remark(['corpus']),
    },
    {
      id: 'fzlint-parse',
      group: 'parse',
      label: '  (in-process) @fzlint/parser parse(), 1 core',
      bytes: c.bytes,
      ab: true,
      // Supplementary rows (they split the cost): fewer runs.
      run: () => ab(inproc('fzlint-parse', ['corpus'], ctx.heavyRuns), readInproc),
    },
    {
      id: 'fzlint-lint',
      group: 'parse',
      label: '  (in-process) @fzlint/linter lint(), 1 core',
      bytes: c.bytes,
      ab: true,
      run: () => ab(inproc('fzlint-lint', ['corpus'], ctx.heavyRuns), readInproc),
    },
    {
      id: 'fzlint-1',
      group: 'fzlint',
      label: 'fzlint --concurrency 1',
      bytes: c.bytes,
      ab: true,
      check: true,
      run: () => ab(fz(['--concurrency', '1', 'corpus']), check),
    },
    {
      id: 'fzlint-2',
      group: 'fzlint',
      // On 2 cores this is the former "all cores" row: `--only fzlint-all` still finds it.
      ...(ctx.cores <= 2 ? { aliases: ['fzlint-all'] } : {}),
      label: 'fzlint --concurrency 2',
      bytes: c.bytes,
      ab: true,
      check: true,
      run: () => ab(fz(['--concurrency', '2', 'corpus']), check),
    },
    ...(ctx.cores > 2
      ? [
          {
            id: 'fzlint-all',
            group: 'fzlint',
            label: `fzlint --concurrency ${ctx.cores} (all cores)`,
            bytes: c.bytes,
            ab: true,
            check: true,
            run: () => ab(fz(['--concurrency', String(ctx.cores), 'corpus']), check),
          },
        ]
      : []),
    {
      id: 'fzlint-auto',
      group: 'fzlint',
      label: 'fzlint (default: --concurrency auto)',
      bytes: c.bytes,
      ab: true,
      check: true,
      run: () => ab(fz(['corpus']), check),
    },
    {
      id: 'pair-concurrency',
      group: 'fzlint',
      aliases: ['paired'],
      label: 'paired: fzlint --concurrency 1 / 2 (speed-up)',
      ab: true,
      paired: true,
      run: () =>
        paired((co) => ({
          num: { name: '--concurrency 1', label: 'paired: fzlint --concurrency 1', spec: fz(['--concurrency', '1', 'corpus'])(co), count: countFzlint },
          den: { name: '--concurrency 2', label: 'paired: fzlint --concurrency 2', spec: fz(['--concurrency', '2', 'corpus'])(co), count: countFzlint },
        })),
    },
    {
      id: 'cache-cold',
      group: 'cache',
      label: 'fzlint --cache, cold (empty cache)',
      bytes: c.bytes,
      ab: true,
      check: true,
      // Timed with the default output; findings from a cold JSON run after (see jsonAfter).
      run: () =>
        ab(
          (co) => fzStylish([...cache(co), 'corpus'], { before: () => clearFzlintCache(c.root, co) })(co),
          (out, co) => jsonAfter([...cache(co), 'corpus'], check, () => clearFzlintCache(c.root, co))(out, co),
        ),
    },
    {
      id: 'cache-warm',
      group: 'cache',
      label: 'fzlint --cache, warm, nothing changed',
      bytes: c.bytes,
      ab: true,
      check: true,
      run: () => {
        clearFzlintCache(c.root, ctx.self);
        if (ctx.baseline) clearFzlintCache(c.root, ctx.baseline);
        // Fill the cache once (untimed), then time runs that find everything unchanged; findings from a warm JSON run after.
        return ab((co) => fzStylish([...cache(co), 'corpus'], { warmup: Math.max(1, ctx.warmup) })(co), (out, co) => jsonAfter([...cache(co), 'corpus'], check)(out, co));
      },
    },
    {
      id: 'cache-one',
      group: 'cache',
      label: 'fzlint --cache, warm, 1 file changed',
      bytes: c.bytes,
      ab: true,
      run: async () => {
        try {
          return await ab(
            (co) =>
              fzStylish([...cache(co), 'corpus'], {
                warmup: Math.max(1, ctx.warmup),
                // A different edit before every run, so each run finds exactly one changed file.
                before: (i) => writeFileSync(changed, Buffer.concat([changedOriginal, Buffer.from(`\n\n（修改 ${i}）\n`)])),
              })(co),
            (out, co) => jsonAfter([...cache(co), 'corpus'], count)(out, co),
          );
        } finally {
          writeFileSync(changed, changedOriginal);
        }
      },
    },
    {
      id: 'pair-cache',
      group: 'cache',
      aliases: ['paired'],
      label: 'paired: fzlint --cache, warm / cold',
      ab: true,
      paired: true,
      // Cold first: its run fills the cache every later warm run finds unchanged (a warm run
      // after a warm one, in the B A pairs, finds the same cache).
      run: () =>
        paired((co) => ({
          first: 'den',
          num: { name: 'warm', label: 'paired: fzlint --cache, warm, nothing changed', spec: fzStylish([...cache(co), 'corpus'])(co) },
          den: { name: 'cold', label: 'paired: fzlint --cache, cold (cache emptied)', spec: fzStylish([...cache(co), 'corpus'], { before: () => clearFzlintCache(c.root, co) })(co) },
        })),
    },
    {
      id: 'few-1',
      group: 'choose',
      label: `fzlint --concurrency 1, ${few.length} files`,
      ab: true,
      run: () => ab(fz(['--concurrency', '1', ...few]), count),
    },
    {
      id: 'few-2',
      group: 'choose',
      label: `fzlint --concurrency 2, ${few.length} files`,
      ab: true,
      run: () => ab(fz(['--concurrency', '2', ...few]), count),
    },
    {
      id: 'few-auto',
      group: 'choose',
      label: `fzlint (default), ${few.length} files`,
      ab: true,
      run: () => ab(fz(few), count),
    },
    {
      id: 'pair-choose-1000',
      group: 'choose',
      aliases: ['paired'],
      label: `paired: fzlint default / better of --concurrency 1, 2, ${c.files.length} files`,
      ab: true,
      paired: true,
      // Three rounds (with the warm-up, ~24 s on 2 cores): the costliest paired row.
      run: () => chooseRow(['corpus'], `${c.files.length} files`, ctx.heavyRuns),
    },
    {
      id: 'pair-choose-10',
      group: 'choose',
      aliases: ['paired'],
      label: `paired: fzlint default / better of --concurrency 1, 2, ${few.length} files`,
      ab: true,
      paired: true,
      run: () => chooseRow(few, `${few.length} files`, ctx.runs),
    },
    ...PEERS.map((p) => ({
      id: p.id,
      group: 'peers',
      label: p.label,
      bytes: c.bytes,
      run: async () => {
        const bin = peerBin(p.pkg, p.bin);
        return {
          ...(await timed({ ...base, ...(p.heavy ? { runs: ctx.heavyRuns } : {}), cmd: NODE, args: [bin.file, ...p.corpusArgs(c)] }, p.count)),
          version: bin.version,
        };
      },
    })),
    {
      id: 'pair-autocorrect',
      group: 'peers',
      aliases: ['paired'],
      label: "paired: AutoCorrect / fzlint (default): fzlint's speed-up",
      ab: true,
      paired: true,
      run: () => {
        const peer = /** @type {(typeof PEERS)[number]} */ (PEERS.find((p) => p.id === 'autocorrect'));
        const bin = peerBin(peer.pkg, peer.bin);
        return paired((co) => ({
          num: { name: 'AutoCorrect', label: 'paired: AutoCorrect (--lint --format json)', spec: { ...base, cmd: NODE, args: [bin.file, ...peer.corpusArgs(c)] }, count: peer.count },
          den: { name: 'fzlint', label: 'paired: fzlint (default)', spec: fz(['corpus'])(co), count: countFzlint },
        }));
      },
    },
    {
      id: 'big-parse',
      group: 'big',
      label: `parse only, one ${(c.doc1mBytes / 1e6).toFixed(1)} MB report`,
      bytes: c.doc1mBytes,
      run: () => remark([relative(c.root, c.doc1m)]),
    },
    {
      id: 'big-fzlint',
      group: 'big',
      label: `fzlint, one ${(c.doc1mBytes / 1e6).toFixed(1)} MB report`,
      bytes: c.doc1mBytes,
      ab: true,
      run: () => ab(fz(['--concurrency', '1', relative(c.root, c.doc1m)]), count),
    },
    {
      id: 'lsp-init',
      group: 'lsp',
      label: 'LSP spawn → initialize reply',
      run: () => lspOpen(ctx, c.doc100k, 'init', fzlintServer(ctx.self)),
    },
    {
      id: 'lsp-open',
      group: 'lsp',
      label: `LSP didOpen → first diagnostics, ${Math.round(c.doc100kBytes / 1000)} KB`,
      run: () => lspOpen(ctx, c.doc100k, 'open', fzlintServer(ctx.self)),
    },
    {
      id: 'lsp-edit',
      group: 'lsp',
      label: `LSP 1-char edit → diagnostics, ${Math.round(c.doc100kBytes / 1000)} KB`,
      ab: true,
      run: () => lspEdits(ctx, c.doc100k, fzlintServer(ctx.self), ctx.baseline ? fzlintServer(ctx.baseline) : undefined),
    },
    {
      id: 'lsp-rss',
      group: 'lsp',
      label: `LSP RSS with ${ctx.lspOpenDocs} open reports`,
      run: () => lspMemory(ctx, c.files.slice(0, ctx.lspOpenDocs), fzlintServer(ctx.self)),
    },
    {
      id: 'lsp-open-autocorrect',
      group: 'lsp',
      label: `  AutoCorrect server: didOpen → first diagnostics, ${Math.round(c.doc100kBytes / 1000)} KB`,
      run: () => lspOpen(ctx, c.doc100k, 'open', autocorrectServer()),
    },
    {
      id: 'lsp-edit-autocorrect',
      group: 'lsp',
      label: `  AutoCorrect server: 1-char edit → diagnostics, ${Math.round(c.doc100kBytes / 1000)} KB`,
      run: () => lspEdits(ctx, c.doc100k, autocorrectServer()),
    },
    {
      id: 'lsp-rss-autocorrect',
      group: 'lsp',
      label: `  AutoCorrect server: RSS with ${ctx.lspOpenDocs} open reports`,
      run: () => lspMemory(ctx, c.files.slice(0, ctx.lspOpenDocs), autocorrectServer()),
    },
    {
      id: 'startup-node',
      group: 'startup',
      label: 'node -e 0 (Node floor)',
      run: () => timed({ ...base, runs: ctx.startupRuns, cmd: NODE, args: ['-e', '0'] }),
    },
    {
      id: 'startup-fzlint',
      group: 'startup',
      label: `fzlint, one file (${(c.oneBytes / 1000).toFixed(1)} KB)`,
      bytes: c.oneBytes,
      ab: true,
      run: () => ab(fz(['one/one.md'], { runs: ctx.startupRuns }), count),
    },
    {
      id: 'pair-startup',
      group: 'startup',
      aliases: ['paired'],
      label: 'paired: fzlint one file / node -e 0',
      ab: true,
      paired: true,
      run: () =>
        paired((co) => ({
          num: { name: 'fzlint', label: 'paired: fzlint, one file', spec: fz(['one/one.md'], { runs: ctx.startupRuns })(co), count: countFzlint },
          den: { name: 'node', label: 'paired: node -e 0', spec: { ...base, runs: ctx.startupRuns, cmd: NODE, args: ['-e', '0'] } },
        })),
    },
    {
      id: 'startup-fzlint-1',
      group: 'choose',
      label: `fzlint --concurrency 1, one file`,
      bytes: c.oneBytes,
      ab: true,
      run: () => ab(fz(['--concurrency', '1', 'one/one.md'], { runs: ctx.startupRuns }), count),
    },
    {
      id: 'pair-choose-1',
      group: 'choose',
      aliases: ['paired'],
      label: 'paired: fzlint default / --concurrency 1, one file',
      ab: true,
      paired: true,
      run: () => chooseRow(['one/one.md'], 'one file', ctx.startupRuns, ['1']),
    },
    ...PEERS.map((p) => ({
      id: `startup-${p.id}`,
      group: 'startup',
      label: `${p.label.replace(/ \(.*\)$/, '')}, one file`,
      bytes: c.oneBytes,
      run: async () => {
        const bin = peerBin(p.pkg, p.bin);
        return timed({ ...base, runs: ctx.startupRuns, cmd: NODE, args: [bin.file, ...p.oneArgs(c)] }, p.count);
      },
    })),
  ];
}

/**
 * A language server to time: fzlint's, or a peer's through the same client.
 * @typedef {{id: string, cmd: string, args: string[], na?: string}} Server
 */

/** @param {Checkout} co @returns {Server} */
function fzlintServer(co) {
  return {
    id: `fzlint-${co.name}`,
    cmd: NODE,
    args: [co.serverBin, '--stdio'],
    ...(existsSync(co.serverBin) ? {} : { na: `${co.serverBin} does not exist` }),
  };
}

/** AutoCorrect's `autocorrect server` (tower-lsp), shipped in autocorrect-node. @returns {Server} */
function autocorrectServer() {
  try {
    return { id: 'autocorrect', cmd: NODE, args: [peerBin('autocorrect-node').file, 'server'] };
  } catch (e) {
    return { id: 'autocorrect', cmd: NODE, args: [], na: String(e) };
  }
}

/** @param {Server} server */
function serverNa(server) {
  return server.na ? { na: server.na } : undefined;
}

/** @param {string} file */
function textDocument(file) {
  return { uri: pathToFileURL(file).href, languageId: 'markdown', version: 1, text: readFileSync(file, 'utf8') };
}

/**
 * Fresh servers, one per run: spawn → initialize reply, and didOpen → first diagnostics.
 * @param {Parameters<typeof figures>[0]} ctx @param {string} file @param {'init' | 'open'} which @param {Server} server
 */
async function lspOpen(ctx, file, which, server) {
  const na = serverNa(server);
  if (na) return na;
  // Both figures come from the same spawns: start the servers once.
  const key = `${server.id} ${file}`;
  let runs = openRuns.get(key);
  if (!runs) {
    runs = lspOpenRuns(ctx, file, server);
    openRuns.set(key, runs);
  }
  const { init, open, diagnostics } = await runs;
  const s = stats(which === 'init' ? init : open);
  return { wall: s, samples: (which === 'init' ? init : open).map((x) => Math.round(x * 10) / 10), findings: which === 'open' ? diagnostics : undefined };
}

/** @type {Map<string, Promise<{init: number[], open: number[], diagnostics: number}>>} */
const openRuns = new Map();

/** @param {Parameters<typeof figures>[0]} ctx @param {string} file @param {Server} server */
async function lspOpenRuns(ctx, file, server) {
  /** @type {number[]} */
  const init = [];
  /** @type {number[]} */
  const open = [];
  let diagnostics = 0;
  for (let i = 0; i < ctx.warmup + ctx.lspOpens; i++) {
    const { client, initMs } = await startServer(server.cmd, server.args, ctx.corpus.root);
    try {
      const doc = textDocument(file);
      const wait = client.waitForDiagnostics(doc.uri, 1);
      const t0 = performance.now();
      client.notify('textDocument/didOpen', { textDocument: doc });
      let { msg, at } = await wait;
      if (msg.params.diagnostics.length === 0) {
        // Some servers clear first and publish findings next: take the first non-empty one if it comes.
        const next = await client
          .waitFor((m) => m.method === 'textDocument/publishDiagnostics' && m.params?.uri === doc.uri && m.params.diagnostics.length > 0, 2000)
          .catch(() => undefined);
        if (next) ({ msg, at } = next);
      }
      if (i >= ctx.warmup) {
        init.push(initMs);
        open.push(at - t0);
        diagnostics = msg.params.diagnostics.length;
      }
    } finally {
      await client.close();
    }
  }
  return { init, open, diagnostics };
}

/**
 * One server with the 100 KB document open, ready for one-character edits (insert a
 * character, then delete it, at spread-out places), each timed from didChange to the
 * diagnostics for that version.
 * @param {string} file @param {Server} server @param {string} root
 */
async function editSession(file, server, root) {
  const { client, syncKind } = await startServer(server.cmd, server.args, root);
  const doc = textDocument(file);
  const first = client.waitForDiagnostics(doc.uri, 1);
  client.notify('textDocument/didOpen', { textDocument: doc });
  const { msg: opened } = await first;
  if (opened.params.version === undefined) await client.quiet(doc.uri, 300);
  let lastCount = client.lastCount.get(doc.uri) ?? opened.params.diagnostics.length;
  const lines = doc.text.split('\n');
  // Lines long enough to hold prose; edits land in their middle.
  const candidates = lines.map((l, i) => ({ l, i })).filter((x) => x.l.length >= 20);
  if (candidates.length === 0) throw new Error('no prose lines to edit');
  /** @type {number[]} */
  const lineStart = [];
  for (let i = 0, off = 0; i < lines.length; i++) {
    lineStart.push(off);
    off += /** @type {string} */ (lines[i]).length + 1;
  }
  let text = doc.text;
  let version = 1;
  return {
    syncKind,
    close: () => client.close(),
    /** The `e`-th edit; resolves with its latency and the diagnostics it got. @param {number} e */
    async edit(e) {
      const pair = Math.floor(e / 2);
      const target = /** @type {{l: string, i: number}} */ (candidates[(pair * 37) % candidates.length]);
      const character = Math.floor(target.l.length / 2);
      const offset = /** @type {number} */ (lineStart[target.i]) + character;
      const insert = e % 2 === 0;
      const range = insert
        ? { start: { line: target.i, character }, end: { line: target.i, character } }
        : { start: { line: target.i, character }, end: { line: target.i, character: character + 1 } };
      text = insert ? `${text.slice(0, offset)}字${text.slice(offset)}` : `${text.slice(0, offset)}${text.slice(offset + 1)}`;
      version++;
      const change = syncKind === 2 ? { range, text: insert ? '字' : '' } : { text };
      const wait = client.waitForDiagnostics(doc.uri, version);
      const t0 = performance.now();
      client.notify('textDocument/didChange', { textDocument: { uri: doc.uri, version }, contentChanges: [change] });
      let { msg, at } = await wait;
      if (msg.params.version === undefined && msg.params.diagnostics.length === 0 && lastCount > 0) {
        // AutoCorrect's server clears, then publishes the findings: the answer is the second publish.
        const next = await client.waitForDiagnostics(doc.uri, undefined, 2000).catch(() => undefined);
        if (next) ({ msg, at } = next);
      }
      const diagnostics = msg.params.diagnostics.length;
      if (msg.params.version === undefined) await client.quiet(doc.uri, 50);
      lastCount = client.lastCount.get(doc.uri) ?? diagnostics;
      if (process.env.FZLINT_BENCH_DEBUG) process.stderr.write(`${server.id} edit ${e}: ${(at - t0).toFixed(1)} ms, ${diagnostics} diagnostics, version ${msg.params.version}\n`);
      return { ms: at - t0, diagnostics };
    },
  };
}

/**
 * `lspEdits` one-character edits on the 100 KB document: p50/p90/p99 of didChange →
 * diagnostics. With a baseline server, both servers are open at once and every edit is
 * made in both, alternating which goes first, so before and after meet the same load.
 * @param {Parameters<typeof figures>[0]} ctx @param {string} file @param {Server} server @param {Server} [baseline]
 */
async function lspEdits(ctx, file, server, baseline) {
  const na = serverNa(server);
  if (na) return na;
  const a = await editSession(file, server, ctx.corpus.root);
  const b = baseline && !baseline.na ? await editSession(file, baseline, ctx.corpus.root).catch((e) => ({ failed: String(e.message ?? e) })) : undefined;
  try {
    /** @type {number[]} */
    const samplesA = [];
    /** @type {number[]} */
    const samplesB = [];
    let diagnosticsA = 0;
    let diagnosticsB = 0;
    for (let e = 0; e < ctx.lspEdits; e++) {
      const sessions = b && 'edit' in b ? (e % 2 === 0 ? ['a', 'b'] : ['b', 'a']) : ['a'];
      for (const side of sessions) {
        if (side === 'a') {
          const r = await a.edit(e);
          samplesA.push(r.ms);
          diagnosticsA = r.diagnostics;
        } else if (b && 'edit' in b) {
          const r = await b.edit(e);
          samplesB.push(r.ms);
          diagnosticsB = r.diagnostics;
        }
      }
    }
    const side = (/** @type {number[]} */ samples, /** @type {number} */ diagnostics) => ({
      wall: stats(samples),
      samples: samples.map((x) => Math.round(x * 100) / 100),
      findings: diagnostics,
    });
    return {
      ...side(samplesA, diagnosticsA),
      syncKind: a.syncKind === 2 ? 'incremental' : 'full',
      ...(baseline ? { baseline: baseline.na ? { na: baseline.na } : b && 'edit' in b ? side(samplesB, diagnosticsB) : { na: b?.failed ?? 'not run' } } : {}),
    };
  } finally {
    await a.close();
    if (b && 'close' in b) await b.close();
  }
}

/**
 * One server with `files` open; RSS once every document has its diagnostics.
 * @param {Parameters<typeof figures>[0]} ctx @param {string[]} files @param {Server} server
 */
async function lspMemory(ctx, files, server) {
  const na = serverNa(server);
  if (na) return na;
  const { client } = await startServer(server.cmd, server.args, ctx.corpus.root);
  try {
    let answered = 0;
    const waits = files.map((f) => {
      const doc = textDocument(f);
      const w = client.waitForDiagnostics(doc.uri, 1, 60_000).then(
        () => answered++,
        () => undefined,
      );
      client.notify('textDocument/didOpen', { textDocument: doc });
      return w;
    });
    await Promise.all(waits);
    // Let the collector settle, as an idle editor would.
    await new Promise((r) => setTimeout(r, 500));
    const mem = client.memory();
    return {
      wall: { median: NaN, min: NaN, max: NaN, n: 1 },
      rssMiB: mem.rssMiB,
      peakMiB: mem.hwmMiB,
      note: `${answered}/${files.length} documents got diagnostics; peak ${mem.hwmMiB.toFixed(0)} MiB`,
    };
  } finally {
    await client.close();
  }
}
