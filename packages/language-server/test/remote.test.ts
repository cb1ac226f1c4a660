/**
 * The lint thread seen from the request thread: one request at a time, stale
 * lints replaced before they are sent, a request over the time budget
 * abandoned (and a fresh thread for the next), a thread over its heap limit
 * reported as memory, a missing script turning the thread off; and the edit
 * the lint thread re-parses from.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RemoteLinter, budgetsFromEnv, DEFAULT_TIME_BUDGET_MS } from '../src/remote.js';
import { singleEdit } from '../src/convert.js';
import { lintRequest as lint } from './remote-requests.js';

let dir: string;
let script: URL;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'fzlint-remote-'));
  const file = join(dir, 'worker.mjs');
  // Answers a lint with its text's length after `text` ms when the text is a number; "hog" fills the heap.
  writeFileSync(
    file,
    `import { parentPort } from 'node:worker_threads';
parentPort.on('message', ({ id, request }) => {
  if (request.kind !== 'lint') return parentPort.postMessage({ id, value: null });
  if (request.text === 'hog') { const keep = []; for (;;) keep.push(new Array(1e6).fill(Math.random())); }
  const until = Date.now() + Number(request.text);
  while (Date.now() < until);
  parentPort.postMessage({ id, value: { uri: request.uri, version: request.version } });
});
`,
  );
  script = pathToFileURL(file);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('RemoteLinter', () => {
  it('runs requests in order, and a newer version replaces a queued lint of the same document', async () => {
    const remote = new RemoteLinter({ script, timeBudgetMs: 10_000 });
    try {
      const first = remote.request(lint('a', 1, '200'));
      const stale = remote.request(lint('b', 1, '0'));
      const other = remote.request(lint('c', 1, '0'));
      const fresh = remote.request(lint('b', 2, '0'));
      expect(await stale).toMatchObject({ ok: false, reason: 'superseded' });
      expect(await first).toMatchObject({ ok: true, value: { uri: 'a', version: 1 } });
      expect(await other).toMatchObject({ ok: true, value: { uri: 'c' } });
      expect(await fresh).toMatchObject({ ok: true, value: { uri: 'b', version: 2 } });
    } finally {
      await remote.close();
    }
  });

  it('abandons a request over the time budget and serves the next one from a fresh thread', async () => {
    const remote = new RemoteLinter({ script, timeBudgetMs: 300 });
    try {
      const slow = remote.request(lint('slow', 1, '60000'));
      const next = remote.request(lint('next', 1, '0'));
      expect(await slow).toMatchObject({ ok: false, reason: 'timeout' });
      expect(await next).toMatchObject({ ok: true, value: { uri: 'next' } });
      expect(remote.available).toBe(true);
    } finally {
      await remote.close();
    }
  });

  it('reports a thread that ran out of its heap as memory, and goes on', async () => {
    const remote = new RemoteLinter({ script, timeBudgetMs: 60_000, memoryBudgetMb: 32 });
    try {
      expect(await remote.request(lint('hog', 1, 'hog'))).toMatchObject({ ok: false, reason: 'memory' });
      expect(await remote.request(lint('after', 1, '0'))).toMatchObject({ ok: true });
    } finally {
      await remote.close();
    }
  });

  it('turns itself off when its script is missing (the caller lints in its own thread)', async () => {
    const remote = new RemoteLinter({ script: pathToFileURL(join(dir, 'missing.mjs')) });
    expect(await remote.request(lint('x', 1, '0'))).toMatchObject({ ok: false, reason: 'unavailable' });
    expect(remote.available).toBe(false);
    await remote.close();
  });

  it('reads its budgets from the environment', () => {
    expect(budgetsFromEnv({ FZLINT_LS_LINT_BUDGET_MS: '1500', FZLINT_MEMORY_BUDGET_MB: '512' })).toEqual({ timeBudgetMs: 1500, memoryBudgetMb: 512 });
    expect(budgetsFromEnv({ FZLINT_LS_LINT_BUDGET_MS: 'soon' }).timeBudgetMs).toBe(DEFAULT_TIME_BUDGET_MS);
  });
});

describe('singleEdit', () => {
  it('turns one text into the other, never cutting a surrogate pair', () => {
    // 𐀀 (U+10000) and 🐀 (U+1F400) share their low half: an edit of one into the other differs in the high half only.
    const text = fc.string({ unit: fc.constantFrom('a', '报', '😀', '\n', '一', '\u{10000}', '\u{1F400}') });
    fc.assert(
      fc.property(text, text, (before, after) => {
        const edit = singleEdit(before, after);
        expect(before.slice(0, edit.range.start) + edit.text + before.slice(edit.range.end)).toBe(after);
        const cuts = (s: string, at: number) => at > 0 && at < s.length && (s.charCodeAt(at) & 0xfc00) === 0xdc00;
        expect(cuts(before, edit.range.start) || cuts(before, edit.range.end)).toBe(false);
      }),
      { numRuns: 500, seed: 16 },
    );
  });

  it('takes back the low half of a pair whose high half changed', () => {
    // The common suffix holds the shared low half; an edit ending before it would replace nothing.
    expect(singleEdit('甲\u{10000}乙', '甲\u{1F400}乙')).toEqual({ range: { start: 1, end: 3 }, text: '\u{1F400}' });
    expect(singleEdit('\u{10000}', '\u{1F400}')).toEqual({ range: { start: 0, end: 2 }, text: '\u{1F400}' });
  });
});
