/**
 * Incremental re-parsing: edits go through `reparse` and give exactly the diagnostics of a fresh
 * lint of the final text, in the service (real engine) and over stdio (the built server).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parse, reparse, type ReportDocument } from '@fzlint/parser';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic, Position } from 'vscode-languageserver-protocol';
import { loadEngine } from '../src/engine.js';
import { ConfigResolver } from '../src/service/config.js';
import { DiagnosticsService, type LintSnapshot } from '../src/service/diagnostics.js';
import { IncrementalDocuments } from '../src/service/incremental.js';
import type { LintEngine, TextEdit } from '../src/service/types.js';
import { DEFAULT_SETTINGS } from '../src/settings.js';
import { TestClient } from './lsp-client.js';

const corpus = fileURLToPath(new URL('../../../fixtures/corpus/full/', import.meta.url));
/** A plain-text report with one paragraph per line. */
const PLAIN = readFileSync(path.join(corpus, '003_5b463c698add1c1a.txt'), 'utf8');
/** The same report as Markdown: a title heading, blank lines between paragraphs. */
const MARKDOWN = `# ${PLAIN.split('\n').filter((l) => l.trim() !== '').join('\n\n')}`;

/** Text typed into the report: a typo, a statistics defect, a heading, line breaks, a year. */
const SNIPPETS = ['法冶', '全年收到行政复议申请10件，审结12件。', '\n', '\n\n## 二、存在的不足\n\n', '2019年', '，', '共'];

/** A deterministic pseudo-random sequence (tests must not depend on luck). */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** 1–3 edits, each in the text left by the ones before (LSP `contentChanges` order). */
function randomEdits(text: string, next: () => number): { edits: TextEdit[]; text: string } {
  const edits: TextEdit[] = [];
  let current = text;
  const count = 1 + Math.floor(next() * 3);
  for (let i = 0; i < count; i++) {
    const start = Math.floor(next() * current.length);
    const kind = next();
    const end = kind < 0.35 ? Math.min(current.length, start + 1 + Math.floor(next() * 40)) : start;
    const insert = kind < 0.2 ? '' : (SNIPPETS[Math.floor(next() * SNIPPETS.length)] ?? '');
    edits.push({ range: { start, end }, text: insert });
    current = current.slice(0, start) + insert + current.slice(end);
  }
  return { edits, text: current };
}

/** What a user sees of a diagnostic (not the server's bookkeeping in `data`). */
function shown(diagnostics: readonly Diagnostic[], uri: string) {
  return diagnostics.map((d) => ({
    range: d.range,
    severity: d.severity,
    code: d.code,
    message: d.message,
    related: d.relatedInformation?.map((r) => ({ same: r.location.uri === uri, range: r.location.range, message: r.message })),
  }));
}

/** A document without its functions (closures differ between equal documents). */
function comparable(document: ReportDocument | undefined) {
  if (!document) return undefined;
  const { lineIndex, ...rest } = document;
  return { ...rest, lineStarts: lineIndex.lineStarts };
}

describe('IncrementalDocuments', () => {
  const key = 'k';
  const uri = 'file:///ws/r.txt';
  const text = PLAIN;
  const edit: TextEdit = { range: { start: 10, end: 10 }, text: '法' };
  const edited = `${text.slice(0, 10)}法${text.slice(10)}`;

  it('re-parses from the last document through the recorded changes, equal to a fresh parse', () => {
    const docs = new IncrementalDocuments(reparse);
    docs.remember(uri, 1, parse(text, { format: 'plaintext' }), key);
    docs.record(uri, 1, 2, [edit]);
    docs.record(uri, 2, 3, [{ range: { start: 10, end: 11 }, text: '' }, edit]);
    const at2 = docs.documentFor(uri, 2, edited, key);
    expect(at2?.text).toBe(edited);
    const at3 = docs.documentFor(uri, 3, edited, key);
    expect(comparable(at3)).toEqual(comparable(parse(edited, { format: 'plaintext' })));
  });

  it('gives nothing (a full parse) when anything looks off', () => {
    const docs = new IncrementalDocuments(reparse);
    expect(docs.documentFor(uri, 1, text, key)).toBeUndefined();
    docs.remember(uri, 1, parse(text, { format: 'plaintext' }), key);
    expect(docs.documentFor(uri, 1, text, 'other options')).toBeUndefined();
    // A gap in the recorded versions.
    docs.record(uri, 2, 3, [edit]);
    expect(docs.documentFor(uri, 3, edited, key)).toBeUndefined();
    // A change that replaced the whole text.
    docs.forget(uri);
    docs.remember(uri, 1, parse(text, { format: 'plaintext' }), key);
    docs.record(uri, 1, 2, undefined);
    expect(docs.documentFor(uri, 2, edited, key)).toBeUndefined();
    // A text that is not what the changes make (the text check catches it).
    docs.forget(uri);
    docs.remember(uri, 1, parse(text, { format: 'plaintext' }), key);
    docs.record(uri, 1, 2, [edit]);
    expect(docs.documentFor(uri, 2, `${edited}!`, key)).toBeUndefined();
    // A re-parse that throws.
    const failing = new IncrementalDocuments(() => {
      throw new Error('boom');
    });
    failing.remember(uri, 1, parse(text, { format: 'plaintext' }), key);
    failing.record(uri, 1, 2, [edit]);
    expect(failing.documentFor(uri, 2, edited, key)).toBeUndefined();
  });

  it('never goes back to an older version, and the same version is its own document', () => {
    const docs = new IncrementalDocuments(reparse);
    const newer = parse(edited, { format: 'plaintext' });
    docs.remember(uri, 2, newer, key);
    docs.remember(uri, 1, parse(text, { format: 'plaintext' }), key);
    expect(docs.documentFor(uri, 2, edited, key)).toBe(newer);
    expect(docs.documentFor(uri, 1, text, key)).toBeUndefined();
  });
});

describe('DiagnosticsService with incremental re-parsing (real engine)', () => {
  let engine: LintEngine;
  beforeAll(async () => {
    engine = await loadEngine({});
  });

  const service = (incremental?: IncrementalDocuments) =>
    new DiagnosticsService({
      engine,
      configs: new ConfigResolver(engine),
      getSettings: async () => DEFAULT_SETTINGS,
      workspaceFolders: () => [],
      ...(incremental ? { incremental } : {}),
    });
  const incrementalDocuments = () => new IncrementalDocuments(engine.reparse ?? reparse);

  for (const [name, file, text] of [
    ['plain text', 'r.txt', PLAIN],
    ['Markdown', 'r.md', MARKDOWN],
  ] as const) {
    it(`gives the diagnostics of a fresh lint after every batch of random edits (${name})`, async () => {
      const uri = pathToFileURL(path.join(tmpdir(), 'fzlint-incremental', file)).href;
      const incremental = incrementalDocuments();
      const live = service(incremental);
      const doc = TextDocument.create(uri, 'plaintext', 1, text);
      const first = await live.schedule(doc, true);
      expect(first?.isReport).toBe(true);
      expect(first?.timing?.parse).toBe('full');
      const next = random(file.length * 7919);
      const parses: string[] = [];
      for (let version = 2; version <= 31; version++) {
        const change = randomEdits(doc.getText(), next);
        incremental.record(uri, version - 1, version, change.edits);
        let at = doc.getText();
        for (const e of change.edits) {
          const lines = TextDocument.create(uri, 'plaintext', 0, at);
          TextDocument.update(doc, [{ range: { start: lines.positionAt(e.range.start), end: lines.positionAt(e.range.end) }, text: e.text }], version);
          at = doc.getText();
        }
        expect(doc.getText()).toBe(change.text);
        // Every third batch is linted (the others wait, as within a debounce).
        if (version % 3 !== 1) continue;
        const got = (await live.schedule(doc, true)) as LintSnapshot;
        parses.push(got.timing?.parse ?? 'none');
        const fresh = (await service().schedule(TextDocument.create(uri, 'plaintext', version, doc.getText()), true)) as LintSnapshot;
        expect(got.version).toBe(version);
        expect(got.result?.document?.text).toBe(doc.getText());
        expect(shown(got.diagnostics, uri)).toEqual(shown(fresh.diagnostics, uri));
      }
      expect(new Set(parses)).toEqual(new Set(['incremental']));
    });
  }

  it('reuses the findings when a change leaves the text as it was linted', async () => {
    const uri = pathToFileURL(path.join(tmpdir(), 'fzlint-incremental', 'same.txt')).href;
    const live = service(incrementalDocuments());
    const doc = TextDocument.create(uri, 'plaintext', 1, PLAIN);
    const first = (await live.schedule(doc, true)) as LintSnapshot;
    TextDocument.update(doc, [{ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, text: '法' }], 2);
    TextDocument.update(doc, [{ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 1 } }, text: '' }], 3);
    const again = (await live.schedule(doc, true)) as LintSnapshot;
    expect(again.version).toBe(3);
    expect(again.timing?.parse).toBe('unchanged');
    expect(shown(again.diagnostics, uri)).toEqual(shown(first.diagnostics, uri));
    expect(again.diagnostics.every((d) => (d.data as { version: number }).version === 3)).toBe(true);
  });
});

describe('language server over stdio: incremental sync', () => {
  let root: string;
  let client: TestClient | undefined;
  beforeAll(() => {
    root = mkdtempSync(path.join(tmpdir(), 'fzlint-ls-inc-'));
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  afterEach(async () => {
    await client?.stop();
    client = undefined;
  });

  it('edits through the incremental path give the diagnostics of a fresh open of the final text', async () => {
    const uri = pathToFileURL(path.join(root, 'report.md')).href;
    const freshUri = pathToFileURL(path.join(root, 'fresh.md')).href;
    client = new TestClient({ FZLINT_LS_TIMING: '1' });
    await client.initialize(root);
    await client.open(uri, MARKDOWN, 'markdown');
    await client.waitForDiagnostics(uri, () => true, 1);

    const doc = TextDocument.create(uri, 'markdown', 1, MARKDOWN);
    const next = random(42);
    const send = async (version: number) => {
      const middle = doc.getText().length >> 1;
      const change =
        version === 5 ? { edits: [{ range: { start: middle, end: middle + 5 }, text: '法冶' }] } : randomEdits(doc.getText(), next);
      const contentChanges: { range: { start: Position; end: Position }; text: string }[] = [];
      for (const e of change.edits) {
        const c = { range: { start: doc.positionAt(e.range.start), end: doc.positionAt(e.range.end) }, text: e.text };
        contentChanges.push(c);
        TextDocument.update(doc, [c], version);
      }
      // A replacement with its range written end-first: the server reads it as the editor does.
      const last = contentChanges[0];
      if (version === 5 && last) last.range = { start: last.range.end, end: last.range.start };
      await client!.change(uri, version, contentChanges);
    };
    for (let version = 2; version <= 12; version++) {
      await send(version);
      // Versions 6–8 arrive together: linted once, from the changes of all three.
      if (version < 6 || version > 7) await client.waitForDiagnostics(uri, () => true, version);
    }
    const final = client.diagnostics.filter((p) => p.uri === uri && p.version === 12).at(-1)!;
    await client.open(freshUri, doc.getText(), 'markdown');
    const fresh = await client.waitForDiagnostics(freshUri, () => true, 1);
    expect(final.diagnostics.length).toBeGreaterThan(0);
    expect(shown(final.diagnostics, uri)).toEqual(shown(fresh.diagnostics, freshUri));

    // The timing line follows the publication it is about.
    for (let i = 0; i < 100 && !client.logs.some((l) => l.includes(freshUri)); i++) await new Promise((r) => setTimeout(r, 20));
    const timings = client.logs
      .filter((l) => l.startsWith('fzlint-timing '))
      .map((l) => JSON.parse(l.slice('fzlint-timing '.length)) as { uri: string; version: number; parse: string; totalMs: number });
    const ofEdits = timings.filter((t) => t.uri === uri && t.version > 1);
    expect(ofEdits.length).toBeGreaterThan(0);
    // Every edit went through the re-parse (a fallback to a full parse would hide a wrong offset).
    expect(ofEdits.every((t) => t.parse === 'incremental' || t.parse === 'unchanged')).toBe(true);
    expect(ofEdits.some((t) => t.parse === 'incremental')).toBe(true);
    expect(timings.find((t) => t.uri === freshUri)?.parse).toBe('full');
  });
});
