/**
 * The server never blocks on one document: while a multi-megabyte document is
 * linted (in the lint thread), another document's outline is answered; a lint
 * over the time budget is abandoned with one diagnostic; and the server goes
 * on answering afterwards. Over a real stdio connection to the built server.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Diagnostic, DocumentSymbol } from 'vscode-languageserver-protocol';
import { TestClient } from './lsp-client.js';

const corpus = fileURLToPath(new URL('../../../fixtures/corpus/full/', import.meta.url));
const SMALL = readFileSync(path.join(corpus, '003_5b463c698add1c1a.txt'), 'utf8');
/** Five megabytes of report text: linted in the lint thread, for longer than the request thread takes to answer. */
const BIG = (() => {
  let text = '';
  while (text.length < 5 * 1024 * 1024) text += `${SMALL}\n\n`;
  return text;
})();

let root: string;
let client: TestClient | undefined;
beforeAll(() => {
  root = mkdtempSync(path.join(tmpdir(), 'fzlint-ls-live-'));
  mkdirSync(path.join(root, 'ws'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));
afterEach(async () => {
  await client?.stop();
  client = undefined;
});

describe('a language server that never blocks on one document', () => {
  it('answers another document while a 5 MB document is linted, abandons that lint at the time budget, and stays alive', async () => {
    const dir = path.join(root, 'ws');
    const big = pathToFileURL(path.join(dir, 'big.txt')).href;
    const small = pathToFileURL(path.join(dir, 'small.txt')).href;

    // First with the default budget: the other document is answered while the big one is linted,
    // and the big lint's own duration on this machine sets the budget of the second server.
    client = new TestClient();
    await client.initialize(dir);
    await client.open(small, SMALL);
    await client.waitForDiagnostics(small, () => true, 1, 60_000);
    const fullAt = client.waitForDiagnostics(big, () => true, 1, 120_000).then((p) => ({ p, at: performance.now() }));
    const opened = performance.now();
    await client.open(big, BIG);
    const asked = performance.now();
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: small } });
    const answered = performance.now();
    expect(symbols.length).toBeGreaterThan(3);
    const { p: full, at: bigAt } = await fullAt;
    // The other document was answered while the big one was still being linted.
    expect(answered).toBeLessThan(bigAt);
    console.log(`documentSymbol of another document while a 5 MB document was linted: ${(answered - asked).toFixed(1)} ms; the lint took ${(bigAt - opened).toFixed(0)} ms`);
    expect(full.diagnostics.length).toBeGreaterThan(1);
    expect(full.diagnostics.every((d) => d.code !== 'fzlint/lint-abandoned')).toBe(true);
    await client.stop();

    // A budget of a tenth of that (whole tenths of a second, as the message rounds; at least the
    // 0.1 s that parsing 5 MB alone exceeds): over it even if this server runs several times faster
    // than the first did, so the lint is abandoned with one diagnostic.
    const budgetMs = Math.max(100, Math.floor((bigAt - opened) / 10 / 100) * 100);
    client = new TestClient({ FZLINT_LS_LINT_BUDGET_MS: String(budgetMs) });
    await client.initialize(dir);
    await client.open(small, SMALL);
    await client.waitForDiagnostics(small, () => true, 1, 60_000);
    const overAt = client.waitForDiagnostics(big, () => true, 1, 120_000);
    await client.open(big, BIG);
    const published = await overAt;
    expect(published.diagnostics).toHaveLength(1);
    expect(published.diagnostics[0]).toMatchObject({ code: 'fzlint/lint-abandoned', source: 'fzlint' } satisfies Partial<Diagnostic>);
    expect(published.diagnostics[0]?.message).toContain(`${budgetMs / 1000} 秒`);

    // Alive afterwards: requests are answered, and edits are linted.
    const again = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: small } });
    expect(again).toEqual(symbols);
    await client.change(small, 2, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '法冶' }]);
    const edited = await client.waitForDiagnostics(small, (ds) => ds.some((d) => d.message.includes('法治')), 2, 60_000);
    expect(edited.version).toBe(2);
  });

  it('lints a large document in the lint thread and answers its own features from there', async () => {
    const dir = path.join(root, 'ws');
    const large = pathToFileURL(path.join(dir, 'large.txt')).href;
    client = new TestClient();
    await client.initialize(dir);
    // Above the request thread's limit (64,000 characters), far below the time budget.
    const text = Array.from({ length: 10 }, () => SMALL).join('\n\n');
    expect(text.length).toBeGreaterThan(64_000);
    await client.open(large, text);
    const published = await client.waitForDiagnostics(large, () => true, 1, 120_000);
    expect(published.diagnostics.every((d) => d.code !== 'fzlint/lint-abandoned')).toBe(true);
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: large } });
    expect(symbols.length).toBeGreaterThan(3);
    const folds = await client.request<unknown[]>('textDocument/foldingRange', { textDocument: { uri: large } });
    expect(folds.length).toBeGreaterThan(0);
    // An edit: re-linted there (re-parsed from the kept document), the version moves on.
    await client.change(large, 2, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '法冶' }]);
    const edited = await client.waitForDiagnostics(large, (ds) => ds.some((d) => d.message.includes('法治')), 2, 120_000);
    expect(edited.version).toBe(2);
  });
});
