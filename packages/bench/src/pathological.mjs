// `pnpm bench`'s "pathological inputs" section: seconds per MB of linting each
// hostile shape of @fzlint/fuzz (empty headings by the million, list markers on
// one line, deep lists and quotes, long front matter, one multi-megabyte line,
// a hundred thousand tiny lines, count and statistics lines, 400-digit numbers,
// unclosed comments and titles), each in a process of its own, timing `lint()`
// only; and the language server's answer time for another document's outline
// while a 5 MB document is linted. The target: at most 1.5 s per MB for every
// shape on the bench machine. A benchmark: nothing here asserts a time.
//
// Also runnable alone, after `pnpm build`:
//   node packages/bench/src/pathological.mjs [--bytes N] [--runs N] [--only shape,…]
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { REPO_ROOT, shapeOfBytes } from './corpus.mjs';
import { LspClient } from './lsp.mjs';
import { stats } from './stats.mjs';

const SELF = new URL(import.meta.url).pathname;
const FUZZ = pathToFileURL(join(REPO_ROOT, 'packages', 'fuzz', 'dist', 'index.js')).href;
const LINTER = pathToFileURL(join(REPO_ROOT, 'packages', 'linter', 'dist', 'index.js')).href;
const SERVER_BIN = join(REPO_ROOT, 'packages', 'language-server', 'bin', 'fzlint-language-server.js');
const BIG_DOC_BYTES = 5 * 1024 * 1024;

/**
 * In a child process: lints one shape `runs` times, prints `{bytes, chars, ms: [...]}`.
 * @param {string} id @param {number} bytes @param {number} runs
 */
async function child(id, bytes, runs) {
  const [{ shapeById }, { lint }] = await Promise.all([import(FUZZ), import(LINTER)]);
  const shape = shapeById(id);
  const input = shapeOfBytes(shape, bytes);
  lint(shape.make(2000).text, { format: input.format });
  const ms = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    lint(input.text, { format: input.format });
    ms.push(performance.now() - t0);
  }
  process.stdout.write(`${JSON.stringify({ bytes: Buffer.byteLength(input.text), chars: input.text.length, ms })}\n`);
}

/**
 * Seconds per MB above which a shape is stopped: 20× the target, so that a quadratic
 * shape cannot hold up the bench (`--quick` must stay a smoke run) — it is reported
 * as n/a with the bound instead.
 */
const GIVE_UP_S_PER_MB = 30;

/**
 * @param {string} id @param {number} bytes @param {number} runs
 * @returns {{na: string} | {na?: undefined, wall: ReturnType<typeof stats>, bytes: number, secondsPerMb: number}}
 */
function timeShape(id, bytes, runs) {
  // The child lints a 2,000-character warm-up and then `runs` times the shape; 10 s for start-up.
  const timeoutS = Math.round(10 + GIVE_UP_S_PER_MB * (bytes / 1e6) * (runs + 1));
  const r = spawnSync(process.execPath, [SELF, '--child', id, String(bytes), String(runs)], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024, timeout: timeoutS * 1000, killSignal: 'SIGKILL' });
  if (r.error && /ETIMEDOUT/.test(String(r.error))) return { na: `stopped after ${timeoutS} s: slower than ${GIVE_UP_S_PER_MB} s/MB (target ≤ 1.5)` };
  if (r.status !== 0) return { na: `exit ${r.status}: ${(r.stderr || '').split('\n').slice(-3).join(' | ')}` };
  const out = JSON.parse(r.stdout.trim().split('\n').pop() ?? '{}');
  const wall = stats(out.ms);
  return { wall, bytes: out.bytes, secondsPerMb: wall.median / 1000 / (out.bytes / 1e6) };
}

/**
 * The language server with a small report open, then a 5 MB one: the time of
 * each `documentSymbol` of the small one until the big one's diagnostics come
 * (the first request waits for the server to read the 5 MB `didOpen` itself).
 * @param {string} root
 */
async function lspAnswer(root) {
  const small = readFileSync(join(REPO_ROOT, 'fixtures', 'corpus', 'full', '003_5b463c698add1c1a.txt'), 'utf8');
  let big = '';
  while (Buffer.byteLength(big) < BIG_DOC_BYTES) big += `${small}\n\n`;
  const client = new LspClient(process.execPath, [SERVER_BIN, '--stdio'], root);
  try {
    await client.request('initialize', {
      processId: process.pid,
      rootUri: pathToFileURL(root).href,
      workspaceFolders: [{ uri: pathToFileURL(root).href, name: 'bench' }],
      capabilities: { textDocument: { documentSymbol: { hierarchicalDocumentSymbolSupport: true } } },
      initializationOptions: { settings: { debounceMs: 0 } },
    });
    client.notify('initialized', {});
    const smallUri = pathToFileURL(join(root, 'small.txt')).href;
    const bigUri = pathToFileURL(join(root, 'big.txt')).href;
    const firstSmall = client.waitForDiagnostics(smallUri, 1);
    client.notify('textDocument/didOpen', { textDocument: { uri: smallUri, languageId: 'plaintext', version: 1, text: small } });
    await firstSmall;
    let bigDone = false;
    const bigDiagnostics = client.waitForDiagnostics(bigUri, 1, 600_000).then(() => {
      bigDone = true;
    });
    client.notify('textDocument/didOpen', { textDocument: { uri: bigUri, languageId: 'plaintext', version: 1, text: big } });
    /** @type {number[]} */
    const answers = [];
    while (!bigDone && answers.length < 200) {
      const t0 = performance.now();
      await client.request('textDocument/documentSymbol', { textDocument: { uri: smallUri } });
      answers.push(performance.now() - t0);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await bigDiagnostics;
    return { wall: stats(answers), first: answers[0], samples: answers.map((x) => Math.round(x * 10) / 10) };
  } finally {
    await client.close();
  }
}

/** @typedef {{id: string, group: string, label: string, bytes?: number, run: () => Promise<any>}} Figure */

/**
 * The figures of this section.
 * @param {{quick?: boolean, heavyRuns: number, corpus: {root: string}, log: (s: string) => void}} ctx
 * @returns {Promise<Figure[]>}
 */
export async function pathologicalFigures(ctx) {
  const { SHAPES } = await import(FUZZ).catch(() => ({ SHAPES: undefined }));
  if (!SHAPES) return [{ id: 'pathological', group: 'pathological', label: 'pathological inputs', run: async () => ({ na: 'packages/fuzz/dist is not built' }) }];
  const bytes = ctx.quick ? 64 * 1024 : 1024 * 1024;
  const runs = ctx.quick ? 1 : ctx.heavyRuns;
  return [
    .../** @type {{id: string, description: string}[]} */ (SHAPES).map((shape) => ({
      id: `path-${shape.id}`,
      group: 'pathological',
      label: `pathological, ${(bytes / 1024 / 1024).toFixed(bytes < 1024 * 1024 ? 2 : 0)} MB: ${shape.description}`,
      bytes,
      run: async () => {
        const r = timeShape(shape.id, bytes, runs);
        return 'wall' in r ? { ...r, note: `${r.secondsPerMb.toFixed(2)} s/MB (target ≤ 1.5)` } : r;
      },
    })),
    {
      id: 'path-lsp-answer',
      group: 'pathological',
      label: 'LSP documentSymbol of another report while a 5 MB report is linted',
      run: async () => {
        const r = await lspAnswer(ctx.corpus.root);
        return { ...r, note: `first answer ${r.first?.toFixed(1)} ms (after the 5 MB didOpen is read), median ${r.wall.median.toFixed(1)} ms, max ${r.wall.max.toFixed(1)} ms over ${r.wall.n}` };
      },
    },
  ];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const argv = process.argv.slice(2);
  if (argv[0] === '--child') {
    await child(argv[1] ?? '', Number(argv[2]), Number(argv[3]));
  } else {
    const value = (/** @type {string} */ flag, /** @type {string} */ fallback) => {
      const i = argv.indexOf(flag);
      return i >= 0 ? (argv[i + 1] ?? fallback) : fallback;
    };
    const bytes = Number(value('--bytes', String(1024 * 1024)));
    const runs = Number(value('--runs', '3'));
    const only = value('--only', '').split(',').filter(Boolean);
    const { SHAPES } = await import(FUZZ);
    for (const shape of SHAPES) {
      if (only.length > 0 && !only.includes(shape.id)) continue;
      const r = timeShape(shape.id, bytes, runs);
      process.stdout.write(`${shape.id.padEnd(26)} ${'wall' in r ? `${r.secondsPerMb.toFixed(2)} s/MB  (${(r.bytes / 1e6).toFixed(2)} MB, median ${r.wall.median.toFixed(0)} ms)` : `n/a ${r.na}`}\n`);
    }
    if (only.length === 0 || only.includes('lsp')) {
      const r = await lspAnswer(join(REPO_ROOT, 'packages', 'bench'));
      process.stdout.write(`lsp: documentSymbol of another document while a 5 MB document is linted: first ${r.first?.toFixed(1)} ms, median ${r.wall.median.toFixed(1)} ms, max ${r.wall.max.toFixed(1)} ms (${r.wall.n} requests)\n`);
    }
  }
}
