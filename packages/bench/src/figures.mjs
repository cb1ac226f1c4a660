// The figures `pnpm bench` takes. Each figure is a small async function returning
// a summary; a figure that cannot run (fzlint not built yet, a peer missing)
// returns `{na: reason}` and the table prints "n/a".
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { REPO_ROOT } from './corpus.mjs';
import { startServer } from './lsp.mjs';
import { stats, timeCommand } from './measure.mjs';

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
 * @param {Parameters<typeof timeCommand>[0]} spec @param {(out: string) => number | undefined} [count]
 */
async function timed(spec, count) {
  const r = await timeCommand(spec);
  let findings;
  if (count) findings = count(readFileSync(r.lastOutFile, 'utf8'));
  rmSync(r.lastOutFile, { force: true });
  return { ...r, lastOutFile: undefined, findings };
}

/** Whether the built CLI answers `--version`. */
export async function fzlintStatus() {
  if (!existsSync(FZLINT_BIN)) return { ok: false, reason: 'packages/cli/bin/fzlint.js does not exist' };
  try {
    const r = await timeCommand({ cmd: NODE, args: [FZLINT_BIN, '--version'], runs: 1, warmup: 0, okCodes: [0] });
    const version = readFileSync(r.lastOutFile, 'utf8').trim();
    rmSync(r.lastOutFile, { force: true });
    return { ok: true, version };
  } catch (e) {
    return { ok: false, reason: `fzlint --version failed: ${String(/** @type {Error} */ (e).message).split('\n').slice(0, 3).join(' ')}` };
  }
}

/** Empties fzlint's cache (default location under the working directory). @param {string} root */
function clearFzlintCache(root) {
  rmSync(join(root, 'node_modules', '.cache', 'fzlint'), { recursive: true, force: true });
  rmSync(join(root, '.fzlintcache'), { recursive: true, force: true });
}

/**
 * Every figure, in table order. `group` is what `--only` matches, along with `id`.
 * @param {{corpus: import('./corpus.mjs').BenchCorpus, runs: number, warmup: number,
 *   heavyRuns: number, startupRuns: number, lspOpens: number, lspEdits: number,
 *   lspOpenDocs: number, cores: number, fzlint: {ok: boolean, reason?: string},
 *   log: (s: string) => void}} ctx
 * @returns {{id: string, group: string, label: string, bytes?: number, run: () => Promise<any>}[]}
 */
export function figures(ctx) {
  const c = ctx.corpus;
  const base = { cwd: c.root, runs: ctx.runs, warmup: ctx.warmup };
  const fz = (/** @type {string[]} */ args) => ({ ...base, cmd: NODE, args: [FZLINT_BIN, '--format', 'json', ...args] });
  const needFzlint = () => (ctx.fzlint.ok ? undefined : { na: ctx.fzlint.reason });
  const needDist = (/** @type {string} */ pkg) =>
    existsSync(join(REPO_ROOT, 'packages', pkg, 'dist', 'index.js')) ? undefined : { na: `packages/${pkg}/dist is not built` };
  const inproc = async (/** @type {string} */ mode, /** @type {string[]} */ inputs, runs = ctx.runs) => {
    const r = await timeCommand({ ...base, runs, cmd: NODE, args: [INPROC, mode, ...inputs] });
    const out = JSON.parse(readFileSync(r.lastOutFile, 'utf8').trim().split('\n').pop() ?? '{}');
    rmSync(r.lastOutFile, { force: true });
    return { ...r, lastOutFile: undefined, inner: { readMs: out.readMs, loadMs: out.loadMs, workMs: out.passMs?.[0] }, findings: out.findings || undefined };
  };
  const changed = join(c.corpusDir, relative(c.corpusDir, /** @type {string} */ (c.files[0])));
  const changedOriginal = readFileSync(changed);

  return [
    {
      id: 'parse',
      group: 'parse',
      label: 'parse only: unified + remark-parse, 1 core',
      bytes: c.bytes,
      run: () => inproc('remark', ['corpus']),
    },
    {
      id: 'fzlint-parse',
      group: 'parse',
      label: '  (in-process) @fzlint/parser parse(), 1 core',
      bytes: c.bytes,
      // Supplementary rows (they split the cost): fewer runs.
      run: async () => needDist('parser') ?? inproc('fzlint-parse', ['corpus'], ctx.heavyRuns),
    },
    {
      id: 'fzlint-lint',
      group: 'parse',
      label: '  (in-process) @fzlint/linter lint(), 1 core',
      bytes: c.bytes,
      run: async () => needDist('linter') ?? inproc('fzlint-lint', ['corpus'], ctx.heavyRuns),
    },
    {
      id: 'fzlint-1',
      group: 'fzlint',
      label: 'fzlint --concurrency 1',
      bytes: c.bytes,
      run: async () => needFzlint() ?? timed(fz(['--concurrency', '1', 'corpus']), countFzlint),
    },
    {
      id: 'fzlint-all',
      group: 'fzlint',
      label: `fzlint --concurrency ${ctx.cores} (all cores)`,
      bytes: c.bytes,
      run: async () => needFzlint() ?? timed(fz(['--concurrency', String(ctx.cores), 'corpus']), countFzlint),
    },
    {
      id: 'fzlint-auto',
      group: 'fzlint',
      label: 'fzlint (default: --concurrency auto)',
      bytes: c.bytes,
      run: async () => needFzlint() ?? timed(fz(['corpus']), countFzlint),
    },
    {
      id: 'cache-cold',
      group: 'cache',
      label: 'fzlint --cache, cold (empty cache)',
      bytes: c.bytes,
      run: async () =>
        needFzlint() ??
        timed({ ...fz(['--cache', 'corpus']), before: () => clearFzlintCache(c.root) }, countFzlint),
    },
    {
      id: 'cache-warm',
      group: 'cache',
      label: 'fzlint --cache, warm, nothing changed',
      bytes: c.bytes,
      run: async () => {
        const na = needFzlint();
        if (na) return na;
        clearFzlintCache(c.root);
        // Fill the cache once (untimed), then time runs that find everything unchanged.
        return timed({ ...fz(['--cache', 'corpus']), warmup: Math.max(1, ctx.warmup) }, countFzlint);
      },
    },
    {
      id: 'cache-one',
      group: 'cache',
      label: 'fzlint --cache, warm, 1 file changed',
      bytes: c.bytes,
      run: async () => {
        const na = needFzlint();
        if (na) return na;
        try {
          return await timed(
            {
              ...fz(['--cache', 'corpus']),
              warmup: Math.max(1, ctx.warmup),
              // A different edit before every run, so each run finds exactly one changed file.
              before: (i) => writeFileSync(changed, Buffer.concat([changedOriginal, Buffer.from(`\n\n（修改 ${i}）\n`)])),
            },
            countFzlint,
          );
        } finally {
          writeFileSync(changed, changedOriginal);
        }
      },
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
      id: 'big-parse',
      group: 'big',
      label: `parse only, one ${(c.doc1mBytes / 1e6).toFixed(1)} MB report`,
      bytes: c.doc1mBytes,
      run: () => inproc('remark', [relative(c.root, c.doc1m)]),
    },
    {
      id: 'big-fzlint',
      group: 'big',
      label: `fzlint, one ${(c.doc1mBytes / 1e6).toFixed(1)} MB report`,
      bytes: c.doc1mBytes,
      run: async () => needFzlint() ?? timed(fz(['--concurrency', '1', relative(c.root, c.doc1m)]), countFzlint),
    },
    {
      id: 'lsp-init',
      group: 'lsp',
      label: 'LSP spawn → initialize reply',
      run: () => lspOpen(ctx, c.doc100k, 'init', fzlintServer()),
    },
    {
      id: 'lsp-open',
      group: 'lsp',
      label: `LSP didOpen → first diagnostics, ${Math.round(c.doc100kBytes / 1000)} KB`,
      run: () => lspOpen(ctx, c.doc100k, 'open', fzlintServer()),
    },
    {
      id: 'lsp-edit',
      group: 'lsp',
      label: `LSP 1-char edit → diagnostics, ${Math.round(c.doc100kBytes / 1000)} KB`,
      run: () => lspEdits(ctx, c.doc100k, fzlintServer()),
    },
    {
      id: 'lsp-rss',
      group: 'lsp',
      label: `LSP RSS with ${ctx.lspOpenDocs} open reports`,
      run: () => lspMemory(ctx, c.files.slice(0, ctx.lspOpenDocs), fzlintServer()),
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
      run: async () => needFzlint() ?? timed({ ...fz(['one/one.md']), runs: ctx.startupRuns }, countFzlint),
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

/** @returns {Server} */
function fzlintServer() {
  return {
    id: 'fzlint',
    cmd: NODE,
    args: [SERVER_BIN, '--stdio'],
    ...(existsSync(SERVER_BIN) ? {} : { na: 'packages/language-server/bin/fzlint-language-server.js does not exist' }),
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
 * One server, one 100 KB document, `lspEdits` one-character edits (insert a
 * character, then delete it, at spread-out places), each timed from didChange
 * to the diagnostics for that version.
 * @param {Parameters<typeof figures>[0]} ctx @param {string} file @param {Server} server
 */
async function lspEdits(ctx, file, server) {
  const na = serverNa(server);
  if (na) return na;
  const { client, syncKind } = await startServer(server.cmd, server.args, ctx.corpus.root);
  try {
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
    const lineStart = [];
    for (let i = 0, off = 0; i < lines.length; i++) {
      lineStart.push(off);
      off += /** @type {string} */ (lines[i]).length + 1;
    }
    let text = doc.text;
    let version = 1;
    /** @type {number[]} */
    const samples = [];
    let diagnostics = 0;
    for (let e = 0; e < ctx.lspEdits; e++) {
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
      samples.push(at - t0);
      diagnostics = msg.params.diagnostics.length;
      if (msg.params.version === undefined) await client.quiet(doc.uri, 50);
      lastCount = client.lastCount.get(doc.uri) ?? diagnostics;
      if (process.env.FZLINT_BENCH_DEBUG) process.stderr.write(`edit ${e}: ${(at - t0).toFixed(1)} ms, ${diagnostics} diagnostics, version ${msg.params.version}\n`);
    }
    return { wall: stats(samples), samples: samples.map((x) => Math.round(x * 100) / 100), findings: diagnostics, syncKind: syncKind === 2 ? 'incremental' : 'full' };
  } finally {
    await client.close();
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
