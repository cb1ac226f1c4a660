/**
 * Incremental re-parsing: edits go through `reparse` and give exactly the diagnostics of a fresh
 * lint of the final text, in the service (real engine) and over stdio (the built server).
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { parse, reparse, type ReportDocument } from '@fzlint/parser';
import { rules as builtinRules } from '@fzlint/rules';
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

/**
 * What is typed, for every locality kind of the rules (`meta.scope`): sentence (an outdated
 * policy title, a term, a malformed document number), paragraph (a domain typo, an official
 * name, a congress formula), section (a heading, a shortcomings section) and document (a year,
 * figures that contradict each other), and what moves paragraphs (line breaks, deletions).
 */
const TYPED = [
  '法冶',
  '营商环竟',
  '行政复义',
  '《法治政府建设实施纲要（2015—2020年）》',
  '《中华人民共和国行政处罚法》（2017年修正）',
  '双随机、一公开',
  '深入学习贯彻党的十九大和十九届二中、三中全会精神',
  '扫黑除恶专项斗争',
  '浙政发〔2021〕5号',
  '浙政发2021005号',
  '全年收到行政复议申请10件，审结12件。',
  // The same figure twice with two values, each typed into its own paragraph: a finding across paragraphs.
  '全年受理行政复议案件120件。',
  '全年受理行政复议案件128件。',
  '全年受理行政复议案件128件。',
  '行政复议案件120件，同比增长50%，上年为100件。',
  '2019年',
  '2023年',
  '\n',
  '\n\n',
  '\n\n## 三、存在的不足和原因\n\n',
  '\n（五）加强队伍建设\n',
  '。',
  '，',
  '字',
];

/** The corpus reports, each as plain text and as Markdown (blank lines between paragraphs). */
const REPORTS = readdirSync(corpus)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .flatMap((f) => {
    const text = readFileSync(path.join(corpus, f), 'utf8');
    return [
      { name: `${f} (plain text)`, file: f, text },
      { name: `${f} (Markdown)`, file: f.replace(/\.txt$/, '.md'), text: `# ${text.split('\n').filter((l) => l.trim() !== '').join('\n\n')}` },
    ];
  })
  .concat(
    // The reports as converted Markdown (headings, lists, short paragraphs: small windows).
    readdirSync(path.join(corpus, '../markdown'))
      .filter((f) => f.endsWith('.md'))
      .sort()
      .map((f) => ({ name: `markdown/${f}`, file: f, text: readFileSync(path.join(corpus, '../markdown', f), 'utf8') })),
  );

/** One edit, its place and extent as fractions of the text it applies to. */
const editArb = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  remove: fc.oneof(fc.constant(0), fc.constant(0), fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 200 })),
  insert: fc.oneof(fc.constant(''), fc.constantFrom(...TYPED)),
});

describe('incremental rule runs (property: edits give the findings of a fresh lint)', () => {
  let live: LintEngine;
  let freshEngine: LintEngine;
  beforeAll(async () => {
    live = await loadEngine({});
    // Its own engine: nothing the live one remembers can reach the fresh lints.
    freshEngine = await loadEngine({});
  });

  /** A lint by an engine that never saw the document. */
  const freshLint = (uri: string, version: number, text: string): Promise<LintSnapshot> =>
    new DiagnosticsService({ engine: freshEngine, configs: new ConfigResolver(freshEngine), getSettings: async () => DEFAULT_SETTINGS, workspaceFolders: () => [] }).schedule(
      TextDocument.create(uri, 'plaintext', version, text),
      true,
    ) as Promise<LintSnapshot>;

  it('every rule declares how far it reads (meta.scope)', () => {
    const scopes = new Set(builtinRules.map((r) => r.meta.scope));
    expect(builtinRules.every((r) => r.meta.scope !== undefined)).toBe(true);
    // Each kind has rules, so the property below covers each.
    expect(scopes).toEqual(new Set(['sentence', 'paragraph', 'section', 'document']));
  });

  it('after any sequence of edits, linted along the way, the diagnostics equal a fresh lint of the text', async () => {
    const before = live.reuseStats!();
    const fresh = new DiagnosticsService({
      engine: freshEngine,
      configs: new ConfigResolver(freshEngine),
      getSettings: async () => DEFAULT_SETTINGS,
      workspaceFolders: () => [],
    });
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: REPORTS.length - 1 }),
        fc.array(fc.array(editArb, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 5 }),
        async (which, batches) => {
          const report = REPORTS[which]!;
          // A URI per run: each starts from an open document, as an editor's does.
          const uri = pathToFileURL(path.join(tmpdir(), 'fzlint-incremental-prop', `${run++}-${report.file}`)).href;
          const incremental = new IncrementalDocuments(live.reparse ?? reparse);
          const service = new DiagnosticsService({
            engine: live,
            configs: new ConfigResolver(live),
            getSettings: async () => DEFAULT_SETTINGS,
            workspaceFolders: () => [],
            incremental,
          });
          const doc = TextDocument.create(uri, 'plaintext', 1, report.text);
          await service.schedule(doc, true);
          let version = 1;
          for (const batch of batches) {
            version++;
            const edits: TextEdit[] = [];
            for (const e of batch) {
              const text = doc.getText();
              const start = Math.min(text.length, Math.floor(e.at * text.length));
              const end = Math.min(text.length, start + e.remove);
              edits.push({ range: { start, end }, text: e.insert });
              TextDocument.update(doc, [{ range: { start: doc.positionAt(start), end: doc.positionAt(end) }, text: e.insert }], version);
            }
            incremental.record(uri, version - 1, version, edits);
            const got = (await service.schedule(doc, true)) as LintSnapshot;
            const want = (await fresh.schedule(TextDocument.create(uri, 'plaintext', version, doc.getText()), true)) as LintSnapshot;
            // (An edit may leave a text that is no report any more: nothing is linted then.)
            if (got.isReport) expect(['incremental', 'unchanged']).toContain(got.timing?.parse);
            expect(got.isReport).toBe(want.isReport);
            expect(shown(got.diagnostics, uri)).toEqual(shown(want.diagnostics, uri));
          }
          service.forget(uri);
          fresh.forget(uri);
        },
      ),
      // FZLINT_PROP_RUNS / FZLINT_PROP_SEED: longer or other runs by hand (the suite's is fixed).
      { numRuns: Number(process.env.FZLINT_PROP_RUNS ?? 40), seed: Number(process.env.FZLINT_PROP_SEED ?? 19), endOnFailure: true },
    );
    // The windowed path was taken (not only whole-document runs that would hide a wrong shift).
    const after = live.reuseStats!();
    expect(after.windowed - before.windowed).toBeGreaterThan(100);
  }, 600_000);

  it('a document rule still sees every paragraph: a figure typed into one contradicts another paragraph', async () => {
    const uri = pathToFileURL(path.join(tmpdir(), 'fzlint-incremental-prop', 'figures.txt')).href;
    const incremental = new IncrementalDocuments(live.reparse ?? reparse);
    const service = new DiagnosticsService({ engine: live, configs: new ConfigResolver(live), getSettings: async () => DEFAULT_SETTINGS, workspaceFolders: () => [], incremental });
    const doc = TextDocument.create(uri, 'plaintext', 1, PLAIN);
    await service.schedule(doc, true);
    const lines = PLAIN.split('\n');
    // Two body paragraphs of this year's work, apart (plain text: a paragraph per line).
    const first = lines.findIndex((l, i) => i > 5 && l.length > 40);
    const second = lines.findIndex((l, i) => i > first + 10 && l.length > 40);
    expect(second).toBeGreaterThan(first);
    const before = live.reuseStats!();
    for (const [version, line, sentence] of [
      [2, first, '全年共受理行政复议案件120件。'],
      [3, second, '今年受理行政复议案件128件，均依法审结。'],
    ] as const) {
      const at = doc.offsetAt({ line, character: 0 });
      incremental.record(uri, version - 1, version, [{ range: { start: at, end: at }, text: sentence }]);
      TextDocument.update(doc, [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: sentence }], version);
      const got = (await service.schedule(doc, true)) as LintSnapshot;
      const want = await freshLint(uri, version, doc.getText());
      expect(shown(got.diagnostics, uri)).toEqual(shown(want.diagnostics, uri));
      if (version === 3) expect(got.diagnostics.some((d) => d.code === 'statistics/inconsistent-figure' && d.message.includes('128件'))).toBe(true);
    }
    // The local rules ran on the edited paragraph only.
    expect(live.reuseStats!().windowed).toBeGreaterThan(before.windowed);
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
