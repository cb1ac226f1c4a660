import type { CatalogueEntry } from '@fzlint/ontology';
import { parse } from '@fzlint/parser';
import { extractStatistics, hoverText, type CatalogueReference } from '@fzlint/rules';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { codeActions, FIX_ALL_KIND, minimalEdit } from '../src/service/code-actions.js';
import { ConfigResolver } from '../src/service/config.js';
import { DiagnosticsService, LARGE_DOCUMENT_CHARS, lintsOnEdit, MAX_LINT_CHARS, type LintSnapshot } from '../src/service/diagnostics.js';
import { hoverAt } from '../src/service/hover.js';
import { documentSymbols, foldingRanges } from '../src/service/symbols.js';
import { reportSkeleton } from '../src/service/skeleton.js';
import { LineMap, toLspDiagnostic } from '../src/convert.js';
import { DEFAULT_SETTINGS, type FzlintSettings } from '../src/settings.js';
import { fakeEngine, REPORT, type FakeEngine } from './fake-engine.js';

function setup(settings: Partial<FzlintSettings> = {}) {
  const engine = fakeEngine();
  const configs = new ConfigResolver(engine);
  const s: FzlintSettings = { ...DEFAULT_SETTINGS, ...settings };
  const service = new DiagnosticsService({ engine, configs, getSettings: async () => s, workspaceFolders: () => ['/ws'] });
  return { engine, configs, service };
}

function apply(text: string, edits: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string }[]): string {
  return TextDocument.applyEdits(TextDocument.create('file:///x.md', 'markdown', 1, text), edits);
}

describe('DiagnosticsService', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('debounces edits and lints only the newest version', async () => {
    const { engine, service } = setup({ debounceMs: 200 });
    const doc = TextDocument.create('file:///ws/r.md', 'markdown', 1, REPORT);
    const first = service.schedule(doc);
    TextDocument.update(doc, [{ text: REPORT.replace('法冶', '法冶法冶') }], 2);
    const second = service.schedule(doc);
    await vi.advanceTimersByTimeAsync(250);
    const [a, b] = await Promise.all([first, second]);
    expect(engine.calls).toBe(1);
    // The older request is answered with the newer version's result, never with a stale one.
    expect(a?.version).toBe(2);
    expect(b?.diagnostics.filter((d) => d.code === 'style/typo')).toHaveLength(2);
  });

  it('waits longer for a very large report, but not at all when the delay is set to 0', async () => {
    // ~900,000 characters (below the lint-on-save size): ~225 ms by size, above the 200 ms setting.
    const big = REPORT + '\n' + '法治政府建设。'.repeat(Math.ceil(900_000 / 7));
    expect(big.length).toBeLessThan(LARGE_DOCUMENT_CHARS);
    const slow = setup({ debounceMs: 200 });
    const p = slow.service.schedule(TextDocument.create('file:///ws/big.md', 'markdown', 1, big));
    await vi.advanceTimersByTimeAsync(210);
    expect(slow.engine.calls).toBe(0);
    await vi.advanceTimersByTimeAsync(50);
    expect(slow.engine.calls).toBe(1);
    await p;
    const fast = setup({ debounceMs: 0 });
    const q = fast.service.schedule(TextDocument.create('file:///ws/big.md', 'markdown', 1, big));
    await vi.advanceTimersByTimeAsync(1);
    expect(fast.engine.calls).toBe(1);
    await q;
  });

  it('publishes what a fresh conversion gives across edits, a settings change and a close and reopen, reusing the unmoved diagnostics', async () => {
    let settings: FzlintSettings = { ...DEFAULT_SETTINGS, debounceMs: 0 };
    const engine = fakeEngine();
    const service = new DiagnosticsService({ engine, configs: new ConfigResolver(engine), getSettings: async () => settings, workspaceFolders: () => ['/ws'] });
    const uri = 'file:///ws/r.md';
    const text = `${REPORT}\n另一处法冶。\n`;
    const doc = TextDocument.create(uri, 'markdown', 1, text);
    const lint = async (): Promise<LintSnapshot> => {
      const p = service.schedule(doc, true);
      await vi.advanceTimersByTimeAsync(1);
      const snapshot = (await p)!;
      const fresh = snapshot.result!.diagnostics.map((d, index) => toLspDiagnostic(d, snapshot.lines, uri, { version: snapshot.version, index }));
      expect(JSON.stringify(snapshot.diagnostics)).toBe(JSON.stringify(fresh));
      return snapshot;
    };
    const typo = (s: LintSnapshot) => s.diagnostics.filter((d) => d.code === 'style/typo');
    const opened = await lint();
    expect(typo(opened)).toHaveLength(2);
    // Typed inside the line of the first typo, after it: no diagnostic moves, all are reused.
    const at = text.indexOf('法冶政府建设') + 4;
    TextDocument.update(doc, [{ range: { start: doc.positionAt(at), end: doc.positionAt(at) }, text: '字' }], 2);
    const inLine = await lint();
    expect(inLine.diagnostics.map((d) => d.range)).toEqual(opened.diagnostics.map((d) => d.range));
    for (let i = 0; i < inLine.diagnostics.length; i++) expect(inLine.diagnostics[i]!.range).toBe(opened.diagnostics[i]!.range);
    expect(inLine.diagnostics.map((d) => d.data)).toEqual(inLine.diagnostics.map((_, index) => ({ version: 2, index })));
    // A line added at the top: every diagnostic moves down a line.
    TextDocument.update(doc, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '\n' }], 3);
    const shifted = await lint();
    expect(typo(shifted).map((d) => d.range.start.line)).toEqual(typo(inLine).map((d) => d.range.start.line + 1));
    // Other settings (messages in English, the typo an error): the same places, other messages and severities.
    settings = { ...settings, locale: 'en', rules: { 'style/typo': 'error' } };
    TextDocument.update(doc, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '' }], 4);
    const english = await lint();
    expect(typo(english).map((d) => d.message)).toEqual(['"法冶" should be "法治"', '"法冶" should be "法治"']);
    // Closed and opened again at version 1: converted as on a first open.
    service.forget(uri);
    const reopened = TextDocument.create(uri, 'markdown', 1, doc.getText());
    const p = service.schedule(reopened, true);
    await vi.advanceTimersByTimeAsync(1);
    const again = (await p)!;
    expect(again.diagnostics.map((d) => d.data)).toEqual(again.diagnostics.map((_, index) => ({ version: 1, index })));
    expect(JSON.stringify(again.diagnostics.map((d) => ({ ...d, data: undefined })))).toBe(JSON.stringify(english.diagnostics.map((d) => ({ ...d, data: undefined }))));
  });

  it('gives diagnostics only to reports, and none when disabled', async () => {
    const { service } = setup();
    const notes = TextDocument.create('file:///ws/notes.md', 'markdown', 1, '# 笔记\n\n法冶\n');
    const p = service.schedule(notes, true);
    await vi.advanceTimersByTimeAsync(1);
    expect((await p)?.isReport).toBe(false);
    expect((await p)?.diagnostics).toEqual([]);

    const off = setup({ enable: false }).service;
    const q = off.schedule(TextDocument.create('file:///ws/r.md', 'markdown', 1, REPORT), true);
    await vi.advanceTimersByTimeAsync(1);
    expect((await q)?.diagnostics).toEqual([]);
  });

  it('applies client rule settings over the config', async () => {
    const { service } = setup({ rules: { 'style/typo': 'off' } });
    const p = service.schedule(TextDocument.create('file:///ws/r.md', 'markdown', 1, REPORT), true);
    await vi.advanceTimersByTimeAsync(1);
    expect((await p)?.diagnostics.map((d) => d.code)).not.toContain('style/typo');
  });

  it('treats files under a config as reports and remembers a broken config', async () => {
    const { engine, configs, service } = setup();
    engine.configs.set('/ws/a/', { config: { rules: {} }, files: ['/ws/a/fzlint.config.json'] });
    const broken = Object.assign(new Error('rules["x/y"]: unknown rule'), { name: 'ConfigError', file: '/ws/b/fzlint.config.json' });
    engine.configs.set('/ws/b/', broken);
    const a = service.schedule(TextDocument.create('file:///ws/a/notes.md', 'markdown', 1, '法冶'), true);
    const b = service.schedule(TextDocument.create('file:///ws/b/notes.md', 'markdown', 1, '法冶'), true);
    await vi.advanceTimersByTimeAsync(1);
    expect((await a)?.diagnostics.map((d) => d.code)).toContain('style/typo');
    expect((await b)?.isReport).toBe(true);
    expect([...configs.brokenConfigs.keys()]).toEqual(['/ws/b/fzlint.config.json']);
  });

  it('caps work on huge documents: lint on save beyond a size, not at all beyond the limit', async () => {
    expect(lintsOnEdit(REPORT.length)).toBe(true);
    expect(lintsOnEdit(LARGE_DOCUMENT_CHARS + 1)).toBe(false);
    const { engine, service } = setup();
    const huge = TextDocument.create('file:///ws/r.md', 'markdown', 1, REPORT + 'x'.repeat(MAX_LINT_CHARS));
    const p = service.schedule(huge, true);
    await vi.advanceTimersByTimeAsync(1);
    const snap = await p;
    expect(engine.calls).toBe(0);
    expect(snap?.diagnostics.map((d) => d.code)).toEqual(['fzlint/too-large']);
  });

  it('reports an engine crash without throwing', async () => {
    const engine = {
      ...fakeEngine(),
      lint: () => {
        throw new Error('boom');
      },
    };
    const errors: unknown[] = [];
    const service = new DiagnosticsService({
      engine,
      configs: new ConfigResolver(engine),
      getSettings: async () => DEFAULT_SETTINGS,
      workspaceFolders: () => [],
      onEngineError: (e) => errors.push(e),
    });
    const p = service.schedule(TextDocument.create('file:///ws/r.md', 'markdown', 1, REPORT), true);
    await vi.advanceTimersByTimeAsync(1);
    expect((await p)?.diagnostics).toEqual([]);
    expect(errors).toHaveLength(1);
  });
});

describe('which thread lints a small document', () => {
  it('moves a document to the lint thread only when its lint itself was slow, and not for the first lint of the process', async () => {
    // A clock that only the engine's lint and the settings look-up move: 1.5 s each when asked.
    let now = 0;
    const clock = vi.spyOn(performance, 'now').mockImplementation(() => now);
    try {
      const base = fakeEngine();
      let slowLint = true;
      const engine: FakeEngine = Object.assign(base, {
        lint: ((inner) => (text: string, options: Parameters<FakeEngine['lint']>[1]) => {
          if (slowLint) now += 1500;
          return inner(text, options);
        })(base.lint.bind(base)),
      });
      const requests: unknown[] = [];
      const remote = {
        available: true,
        request: async (r: unknown) => {
          requests.push(r);
          return { ok: true, value: { diagnostics: [], positions: [], ruleFailures: [], parse: 'full' } };
        },
      };
      const service = new DiagnosticsService({
        engine,
        configs: new ConfigResolver(engine),
        // Waiting for settings (and config, last year's report) is not the lint's time.
        getSettings: async () => {
          now += 1500;
          return DEFAULT_SETTINGS;
        },
        workspaceFolders: () => [],
        remote: () => remote as never,
      });
      const doc = (version: number, text: string) => TextDocument.create('file:///ws/r.md', 'markdown', version, text);
      // The process's first lint is slow (compiling, tables): not held against the document.
      await service.current(doc(1, REPORT));
      slowLint = false;
      await service.current(doc(2, `${REPORT}字`));
      expect(engine.calls).toBe(2);
      expect(requests).toHaveLength(0);
      // A later lint this slow: the lint thread takes the document from then on.
      slowLint = true;
      await service.current(doc(3, REPORT));
      expect(engine.calls).toBe(3);
      slowLint = false;
      await service.current(doc(4, `${REPORT}字`));
      expect(engine.calls).toBe(3);
      expect(requests).toHaveLength(1);
    } finally {
      clock.mockRestore();
    }
  });
});

async function snapshotOf(engine: FakeEngine, text: string, settings: Partial<FzlintSettings> = {}): Promise<LintSnapshot> {
  const service = new DiagnosticsService({
    engine,
    configs: new ConfigResolver(engine),
    getSettings: async () => ({ ...DEFAULT_SETTINGS, ...settings }),
    workspaceFolders: () => [],
  });
  return service.current(TextDocument.create('file:///ws/r.md', 'markdown', 1, text));
}

describe('code actions', () => {
  it('offers the rule fix, disable-for-this-line and fix-all; applying the fix removes the finding', async () => {
    const engine = fakeEngine();
    const snap = await snapshotOf(engine, REPORT);
    const typo = snap.diagnostics.find((d) => d.code === 'style/typo')!;
    const actions = codeActions(engine, snap, { uri: snap.uri, range: typo.range, diagnostics: [typo] });
    expect(actions.map((a) => a.title)).toEqual(['改为“法治”', '在此行禁用 style/typo', '修复此文件中所有可自动修复的问题（fzlint）']);
    const fixed = apply(REPORT, actions[0]!.edit!.changes![snap.uri]!);
    expect(fixed).toContain('全面推进法治政府建设');
    const disabled = apply(REPORT, actions[1]!.edit!.changes![snap.uri]!);
    expect(disabled).toContain('<!-- fzlint-disable-next-line style/typo -->\n全面推进法冶');
    expect(actions[2]!.kind).toBe(FIX_ALL_KIND);
  });

  it('answers a source.fixAll request alone', async () => {
    const engine = fakeEngine();
    const snap = await snapshotOf(engine, REPORT + '法冶\n');
    const actions = codeActions(engine, snap, { uri: snap.uri, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, diagnostics: [], only: ['source.fixAll'] });
    expect(actions).toHaveLength(1);
    expect(apply(snap.lines.text, actions[0]!.edit!.changes![snap.uri]!)).not.toContain('法冶');
  });

  it('inserts a missing section before the section that follows it', async () => {
    const engine = fakeEngine();
    const snap = await snapshotOf(engine, REPORT);
    const missing = snap.diagnostics.find((d) => d.code === 'structure/required-section')!;
    const actions = codeActions(engine, snap, { uri: snap.uri, range: missing.range, diagnostics: [missing], only: ['quickfix'] });
    const insert = actions.find((a) => a.title.startsWith('插入缺失的章节'))!;
    const out = apply(REPORT, insert.edit!.changes![snap.uri]!);
    expect(out.indexOf('存在的不足和原因')).toBeGreaterThan(out.indexOf('主要举措和成效'));
    expect(out.indexOf('存在的不足和原因')).toBeLessThan(out.indexOf('2024年主要安排'));
  });

  it('makes the smallest single edit', () => {
    const lines = new LineMap('甲乙丙丁');
    expect(minimalEdit(lines, '甲乙X丁')).toEqual({ range: { start: { line: 0, character: 2 }, end: { line: 0, character: 3 } }, newText: 'X' });
    expect(minimalEdit(lines, '甲乙丙丁')).toBeUndefined();
    // Never an end inside a surrogate pair (𐀀 and 🐀 share their low half).
    expect(minimalEdit(new LineMap('甲\u{10000}'), '甲\u{1F400}')).toEqual({ range: { start: { line: 0, character: 1 }, end: { line: 0, character: 3 } }, newText: '\u{1F400}' });
  });
});

describe('outline, folding and hover', () => {
  it('lists sections with their content and folds them', async () => {
    const engine = fakeEngine();
    const snap = await snapshotOf(engine, REPORT);
    const symbols = documentSymbols(snap);
    expect(symbols.map((s) => [s.name, s.detail])).toEqual([
      ['一、主要举措和成效', '主要举措和成效'],
      ['二、2024年主要安排', '下一年度主要安排'],
    ]);
    expect(foldingRanges(snap)).toEqual([
      { startLine: 2, endLine: 4, kind: 'region' },
      { startLine: 6, endLine: 8, kind: 'region' },
    ]);
  });

  it('shows a catalogue entry in the words of the rules, and the relations of a count', async () => {
    const engine = fakeEngine();
    const text = REPORT + '\n全年收到行政复议申请106件，审结90件，审结率84.9%。贯彻《法治政府建设实施纲要（2015—2020年）》。\n';
    const start = text.indexOf('《');
    const end = text.indexOf('》') + 1;
    const entry: CatalogueEntry = { id: 'gangyao-2015', kind: 'policy', name: '《法治政府建设实施纲要（2015—2020年）》', validFrom: '2015-12', validUntil: '2020-12', successor: 'gangyao-2021', confidence: 'confirmed' };
    const successor: CatalogueEntry = { id: 'gangyao-2021', kind: 'policy', name: '《法治政府建设实施纲要（2021—2025年）》', validFrom: '2021-08', confidence: 'confirmed' };
    const reference: CatalogueReference = {
      entry,
      successor,
      range: { start, end },
      text: text.slice(start, end),
      via: 'title',
      exact: true,
      sentenceIndex: 0,
      inOtherTitle: false,
      inNextYearPlan: false,
      historical: false,
      status: 'superseded',
    };
    engine.features.findCatalogueReferences = () => [reference];
    // The real extraction on a real parse of the same text: offsets are the snapshot's.
    engine.features.extractStatistics = () => extractStatistics(parse(text));
    const snap = await snapshotOf(engine, text);

    const hover = hoverAt(engine, snap, start + 3);
    expect((hover?.contents as { value: string }).value).toBe(hoverText(reference, 'zh-CN'));
    expect(hover?.range).toEqual(snap.lines.range({ start, end }));

    const onCount = hoverAt(engine, snap, text.indexOf('90件'));
    const value = (onCount?.contents as { value: string }).value;
    expect(value).toContain('**统计关系**：收到行政复议申请106件 · 审结90件 · 审结率84.9% · = 84.9%');
    expect(value).toContain('**统计关系**：收到行政复议申请106件 · 审结90件\n');
    expect(onCount?.range).toEqual(snap.lines.range({ start: text.indexOf('90件'), end: text.indexOf('90件') + 3 }));
    expect(hoverAt(engine, snap, text.indexOf('继续'))).toBeNull();
  });

  it('keeps the other half of the hover when one analysis throws', async () => {
    const engine = fakeEngine();
    const text = REPORT + '\n全年收到行政复议申请106件，审结90件。\n';
    engine.features.findCatalogueReferences = () => {
      throw new Error('broken catalogue');
    };
    engine.features.extractStatistics = () => extractStatistics(parse(text));
    const snap = await snapshotOf(engine, text);
    expect((hoverAt(engine, snap, text.indexOf('90件'))?.contents as { value: string }).value).toBe(
      '**统计关系**：收到行政复议申请106件 · 审结90件',
    );
  });
});

describe('report skeleton', () => {
  it('has the four required contents for the year, numbered', () => {
    const md = reportSkeleton(2023, 'markdown');
    expect(md.startsWith('# XX2023年法治政府建设年度报告')).toBe(true);
    expect(md).toContain('## 一、2023年推进法治政府建设的主要举措和成效');
    expect(md).toContain('## 四、2024年推进法治政府建设的主要安排');
    expect(reportSkeleton(2023, 'plaintext')).not.toContain('#');
  });
});
