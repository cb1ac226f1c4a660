/**
 * Protocol tests: the built server over a real stdio connection, driven as an editor would.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic, DocumentSymbol, Hover } from 'vscode-languageserver-protocol';
import { LineMap } from '../src/convert.js';
import { TestClient } from './lsp-client.js';

const corpus = fileURLToPath(new URL('../../../fixtures/corpus/full/', import.meta.url));
const throwingRule = fileURLToPath(new URL('./fixtures/throwing-rule.mjs', import.meta.url));
const REPORT = readFileSync(path.join(corpus, '000_db52c8fa8bf2b1ef.txt'), 'utf8');
/** A report with one heading per line (000 is one long line), for the outline and folding. */
const MULTILINE_REPORT = readFileSync(path.join(corpus, '003_5b463c698add1c1a.txt'), 'utf8');
/** The defect: a sure typo (法冶 for 法治) injected into a real report. */
const AT = REPORT.indexOf('法治', REPORT.indexOf('推进法治政府建设') + 1);
const DEFECTIVE = `${REPORT.slice(0, AT)}法冶${REPORT.slice(AT + 2)}`;
const defectRange = new LineMap(DEFECTIVE).range({ start: AT, end: AT + 2 });

const atDefect = (d: Diagnostic) =>
  d.range.start.line === defectRange.start.line && d.range.start.character === defectRange.start.character;

let root: string;
let client: TestClient | undefined;

beforeAll(() => {
  root = mkdtempSync(path.join(tmpdir(), 'fzlint-ls-'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));
afterEach(async () => {
  await client?.stop();
  client = undefined;
});

function workspace(name: string, files: Record<string, string>): string {
  const dir = path.join(root, name);
  mkdirSync(dir, { recursive: true });
  for (const [f, text] of Object.entries(files)) writeFileSync(path.join(dir, f), text);
  return dir;
}

describe('language server over stdio (push diagnostics)', () => {
  it('publishes the injected defect, clears it after an edit, and fixes it through a code action', async () => {
    const dir = workspace('push', {});
    const uri = pathToFileURL(path.join(dir, 'report.txt')).href;
    client = new TestClient();
    const init = await client.initialize(dir);
    expect(init['serverInfo']).toMatchObject({ name: 'fzlint-language-server' });
    await client.open(uri, DEFECTIVE);

    const first = await client.waitForDiagnostics(uri, (ds) => ds.some(atDefect), 1);
    const typo = first.diagnostics.find(atDefect)!;
    expect(typo).toMatchObject({ source: 'fzlint', code: expect.stringMatching(/^style\//) });
    expect(typo.codeDescription?.href).toMatch(/docs\/rules\/style\//);
    expect(typo.message).toContain('法治');

    // Edit it away (incremental sync): the diagnostic disappears.
    await client.change(uri, 2, [{ range: defectRange, text: '法治' }]);
    await client.waitForDiagnostics(uri, (ds) => !ds.some(atDefect), 2);

    // Put it back, ask for code actions, apply the quick fix.
    await client.change(uri, 3, [{ range: defectRange, text: '法冶' }]);
    const again = await client.waitForDiagnostics(uri, (ds) => ds.some(atDefect), 3);
    const diagnostic = again.diagnostics.find(atDefect)!;
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: diagnostic.range,
      context: { diagnostics: [diagnostic] },
    });
    const titles = actions.map((a) => a.title);
    expect(titles).toContain('改为“法治”');
    expect(titles.some((t) => t.startsWith('在此行禁用 '))).toBe(true);
    const fix = actions.find((a) => a.title === '改为“法治”')!;
    const doc = TextDocument.create(uri, 'plaintext', 3, DEFECTIVE);
    const edits = fix.edit!.changes![uri]!;
    const fixed = TextDocument.applyEdits(doc, edits);
    expect(fixed).toBe(REPORT);
    await client.change(uri, 4, edits.map((e) => ({ range: e.range, text: e.newText })));
    await client.waitForDiagnostics(uri, (ds) => !ds.some(atDefect), 4);
  });

  it('offers to insert a missing required section, and the finding goes once it is applied', async () => {
    const dir = workspace('skeleton', {});
    const uri = pathToFileURL(path.join(dir, 'report.md')).href;
    const text = '# XX市2023年法治政府建设年度报告\n\n## 一、2023年推进法治政府建设的主要举措和成效\n\n全面推进依法行政。\n\n## 二、2024年推进法治政府建设的主要安排\n\n继续推进。\n';
    client = new TestClient();
    await client.initialize(dir);
    await client.open(uri, text, 'markdown');
    const missing = (d: Diagnostic) => d.code === 'structure/required-section';
    const published = await client.waitForDiagnostics(uri, (ds) => ds.some(missing), 1);
    const before = published.diagnostics.filter(missing).length;
    const diagnostic = published.diagnostics.find(missing)!;
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: diagnostic.range,
      context: { diagnostics: [diagnostic], only: ['quickfix'] },
    });
    const insert = actions.find((a) => a.title.startsWith('插入'))!;
    expect(insert).toBeDefined();
    const edits = insert.edit!.changes![uri]!;
    await client.change(uri, 2, edits.map((e) => ({ range: e.range, text: e.newText })));
    const after = await client.waitForDiagnostics(uri, () => true, 2);
    expect(after.diagnostics.filter(missing).length).toBe(before - 1);
  });

  it('gives the outline with contents, folding ranges, and stays quiet on files that are not reports', async () => {
    const dir = workspace('outline', {});
    const uri = pathToFileURL(path.join(dir, 'report.txt')).href;
    const notes = pathToFileURL(path.join(dir, 'notes.md')).href;
    client = new TestClient();
    await client.initialize(dir);
    await client.open(uri, MULTILINE_REPORT);
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    const details = symbols.map((s) => s.detail).filter(Boolean);
    expect(details).toEqual(expect.arrayContaining(['主要举措和成效', '存在的不足和原因', '下一年度主要安排']));
    const folds = await client.request<{ startLine: number; endLine: number }[]>('textDocument/foldingRange', { textDocument: { uri } });
    expect(folds.length).toBeGreaterThan(0);

    await client.open(notes, '# 周末计划\n\n去公园，法冶。\n', 'markdown');
    const quiet = await client.waitForDiagnostics(notes, () => true, 1);
    expect(quiet.diagnostics).toEqual([]);
  });

  it('shows the catalogue entry of a recognised reference, and the relations of a count, on hover', async () => {
    const dir = workspace('hover', {});
    const uri = pathToFileURL(path.join(dir, 'report.md')).href;
    const text =
      '# XX市2022年法治政府建设年度报告\n\n## 一、2022年推进法治政府建设的主要举措和成效\n\n深入贯彻落实《法治政府建设实施纲要（2015－2020年）》。全年共收到行政复议申请106件，审结90件，审结率84.9%。\n';
    const lines = new LineMap(text);
    client = new TestClient();
    await client.initialize(dir);
    await client.open(uri, text, 'markdown');
    const hoverAt = (offset: number) =>
      client!.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: lines.positionAt(offset) });
    const hover = await hoverAt(text.indexOf('实施纲要'));
    expect(hover).not.toBeNull();
    const value = (hover!.contents as { value: string }).value;
    expect(value).toContain('**《法治政府建设实施纲要（2015—2020年）》');
    // The report of 2022 is written in 2023, after the outline was replaced.
    expect(value).toContain('状态: 成稿时已不再现行');
    expect(value).toContain('后继: 《法治政府建设实施纲要（2021—2025年）》');
    const onCount = await hoverAt(text.indexOf('90件'));
    expect((onCount!.contents as { value: string }).value).toContain('收到行政复议申请106件 · 审结90件 · 审结率84.9%');
  });

  it('shows a broken config once, on the config file and as a notification, then recovers when it is fixed', async () => {
    const dir = workspace('broken', { 'fzlint.config.json': '{ "rules": { "style/domain-typo": "loud" } }\n' });
    const uri = pathToFileURL(path.join(dir, 'report.txt')).href;
    const configUri = pathToFileURL(path.join(dir, 'fzlint.config.json')).href;
    client = new TestClient();
    await client.initialize(dir);
    await client.open(uri, DEFECTIVE);
    const configDiag = await client.waitForDiagnostics(configUri, (ds) => ds.length === 1);
    expect(configDiag.diagnostics[0]).toMatchObject({ source: 'fzlint', severity: 1 });
    expect(configDiag.diagnostics[0]!.message).toContain('style/domain-typo');
    const shown = await client.waitForMessage((m) => m.message.includes('fzlint.config.json'));
    expect(shown.type).toBe(1);
    // Another edit does not repeat the notification.
    await client.change(uri, 2, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: ' ' }]);
    await client.waitForDiagnostics(uri, () => true, 2);
    expect(client.messages.filter((m) => m.message.includes('fzlint.config.json'))).toHaveLength(1);

    writeFileSync(path.join(dir, 'fzlint.config.json'), '{ "rules": { "style/domain-typo": "off" } }\n');
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: configUri, type: 2 }] });
    await client.waitForDiagnostics(configUri, (ds) => ds.length === 0);
    // The repaired config applies at once: the rule it turns off is gone, the others remain.
    const relinted = await client.waitForDiagnostics(uri, (ds) => !ds.some(atDefect));
    expect(relinted.diagnostics.length).toBeGreaterThan(0);
  });

  it('reports a rule that throws once and still runs the other rules', async () => {
    const dir = workspace('throws', {});
    const uri = pathToFileURL(path.join(dir, 'report.txt')).href;
    client = new TestClient({ FZLINT_LS_EXTRA_RULES: throwingRule });
    await client.initialize(dir);
    await client.open(uri, DEFECTIVE);
    const published = await client.waitForDiagnostics(uri, (ds) => ds.some(atDefect), 1);
    expect(published.diagnostics.some(atDefect)).toBe(true);
    const warning = await client.waitForMessage((m) => m.message.includes('style/test-throws'));
    expect(warning.type).toBe(2);
    await client.change(uri, 2, [{ range: defectRange, text: '法治' }]);
    await client.waitForDiagnostics(uri, (ds) => !ds.some(atDefect), 2);
    expect(client.messages.filter((m) => m.message.includes('style/test-throws'))).toHaveLength(1);
  });
});

describe('memory', () => {
  it('gives the heap back once a burst of lints is over (one collection, logged with FZLINT_LS_TIMING)', async () => {
    const dir = workspace('memory', {});
    client = new TestClient({ FZLINT_LS_TIMING: '1' });
    await client.initialize(dir);
    const uris = Array.from({ length: 12 }, (_, i) => pathToFileURL(path.join(dir, `r${i}.txt`)).href);
    for (const uri of uris) await client.open(uri, MULTILINE_REPORT);
    for (const uri of uris) await client.waitForDiagnostics(uri, () => true, 1, 60_000);
    const line = await client.waitForLog(/^fzlint-memory /, 30_000);
    const { usedMiB } = JSON.parse(line.slice('fzlint-memory '.length)) as { usedMiB: [number, number] };
    expect(usedMiB[1]).toBeLessThan(usedMiB[0]);
    // Still answering afterwards.
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: uris[0] } });
    expect(symbols.length).toBeGreaterThan(3);
  });
});

describe('warm-up', () => {
  it('warms the edit path after the first lint (logged with FZLINT_LS_TIMING)', async () => {
    const dir = workspace('warm-up', {});
    client = new TestClient({ FZLINT_LS_TIMING: '1' });
    await client.initialize(dir);
    const uri = pathToFileURL(path.join(dir, 'r.txt')).href;
    await client.open(uri, MULTILINE_REPORT);
    await client.waitForDiagnostics(uri, () => true, 1, 60_000);
    const line = await client.waitForLog(/^fzlint-warm-up /, 30_000);
    expect(JSON.parse(line.slice('fzlint-warm-up '.length))).toMatchObject({ steps: 40 });
  });
});

describe('language server over stdio (pull diagnostics)', () => {
  it('answers textDocument/diagnostic, reports unchanged results, and lists workspace reports', async () => {
    const dir = workspace('pull', { 'closed-report.txt': DEFECTIVE, 'notes.md': '# 笔记\n\n法冶\n' });
    const uri = pathToFileURL(path.join(dir, 'open-report.txt')).href;
    client = new TestClient();
    const init = await client.initialize(dir, { pull: true });
    expect((init['capabilities'] as Record<string, unknown>)['diagnosticProvider']).toMatchObject({ workspaceDiagnostics: true });
    await client.open(uri, DEFECTIVE);
    const report = await client.request<{ kind: string; resultId: string; items: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri } });
    expect(report.kind).toBe('full');
    expect(report.items.some(atDefect)).toBe(true);
    const again = await client.request<{ kind: string }>('textDocument/diagnostic', { textDocument: { uri }, previousResultId: report.resultId });
    expect(again.kind).toBe('unchanged');
    // Pull mode publishes nothing for open documents.
    expect(client.diagnostics.filter((p) => p.uri === uri)).toEqual([]);

    const ws = await client.request<{ items: { uri: string; kind: string; items?: Diagnostic[] }[] }>('workspace/diagnostic', { previousResultIds: [] });
    const uris = ws.items.map((i) => path.basename(fileURLToPath(i.uri)));
    expect(uris).toEqual(['closed-report.txt']);
    expect(ws.items[0]!.items!.some(atDefect)).toBe(true);
  });

  it('lists workspace reports as the CLI does: .fzlintignore honoured and re-read when it changes, UTF-16 decoded', async () => {
    const dir = workspace('pull-files', { '.fzlintignore': 'drafts/\n' });
    mkdirSync(path.join(dir, 'drafts'));
    writeFileSync(path.join(dir, 'drafts', 'draft.txt'), DEFECTIVE);
    writeFileSync(path.join(dir, 'utf16-report.txt'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(DEFECTIVE, 'utf16le')]));
    client = new TestClient();
    await client.initialize(dir, { pull: true });
    type WorkspaceReport = { items: { uri: string; items?: Diagnostic[] }[] };
    const names = (r: WorkspaceReport) => r.items.filter((i) => (i.items ?? []).length > 0).map((i) => path.relative(dir, fileURLToPath(i.uri)).split(path.sep).join('/')).sort();
    const first = await client.request<WorkspaceReport>('workspace/diagnostic', { previousResultIds: [] });
    expect(names(first)).toEqual(['utf16-report.txt']);
    expect(first.items[0]!.items!.some(atDefect)).toBe(true);
    writeFileSync(path.join(dir, '.fzlintignore'), '# nothing ignored\n');
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(path.join(dir, '.fzlintignore')).href, type: 2 }] });
    const second = await client.request<WorkspaceReport>('workspace/diagnostic', { previousResultIds: [] });
    expect(names(second)).toEqual(['drafts/draft.txt', 'utf16-report.txt']);
  });
});

describe('last year’s report (the continuity rules)', () => {
  // 宽城区's 2020 report (full/002) and a 2021 draft: another unit's text (full/001) under
  // 宽城区's 2021 title, with a passage of 2020 copied in and 2020's 35 cases restated as 38.
  const LAST = readFileSync(path.join(corpus, '002_55a70afaa3186b60.txt'), 'utf8');
  const donor = readFileSync(path.join(corpus, '001_72ea27b1fd9ec9ba.txt'), 'utf8');
  const copiedLine = LAST.split('\n').findIndex((l) => l.includes('持续开展简政放权'));
  const figureLine = LAST.split('\n').findIndex((l) => l.includes('行政应诉案件35件'));
  const DRAFT = `宽城区人民政府关于2021年度法治政府建设情况的报告\n一、2021年度法治政府建设工作情况\n${LAST.split('\n')[copiedLine]!.trim().replace(/2020年/g, '2021年')}\n上年,区政府共处理行政应诉案件38件。\n${donor.slice(donor.indexOf('\n', donor.indexOf('法治政府建设')) + 1)}`;
  const LAST_NAME = '宽城区2020年度法治政府建设情况报告.txt';
  const DRAFT_NAME = '宽城区2021年度法治政府建设情况报告.txt';
  const rule = (id: string) => (d: Diagnostic) => d.code === `continuity/${id}`;

  it('pairs a sibling file, points related information at last year’s file and lines, and re-reads it when it changes', async () => {
    const dir = workspace('previous-sibling', { [LAST_NAME]: LAST, [DRAFT_NAME]: DRAFT });
    const uri = pathToFileURL(path.join(dir, DRAFT_NAME)).href;
    const lastUri = pathToFileURL(path.join(dir, LAST_NAME)).href;
    client = new TestClient();
    await client.initialize(dir);
    await client.open(uri, DRAFT);
    const first = await client.waitForDiagnostics(uri, (ds) => ds.some(rule('copied-passage')) && ds.some(rule('restated-figure')), 1);
    const copied = first.diagnostics.find(rule('copied-passage'))!;
    expect(copied.range.start.line).toBe(2);
    expect(copied.relatedInformation).toEqual([
      { location: { uri: lastUri, range: expect.objectContaining({ start: expect.objectContaining({ line: copiedLine }) }) }, message: '上年度报告中的这段文字' },
    ]);
    const restated = first.diagnostics.find(rule('restated-figure'))!;
    expect(restated.severity).toBe(1);
    expect(restated.relatedInformation?.[0]?.location).toMatchObject({ uri: lastUri, range: { start: { line: figureLine } } });

    // Last year's report corrected on disk (the watcher says so): the restated figure goes.
    writeFileSync(path.join(dir, LAST_NAME), LAST.replace('行政应诉案件35件', '行政应诉案件38件'));
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: lastUri, type: 2 }] });
    const after = await client.waitForDiagnostics(uri, (ds) => !ds.some(rule('restated-figure')));
    expect(after.diagnostics.some(rule('copied-passage'))).toBe(true);

    // Opened in the editor and edited there: the draft is compared with the editor's text.
    const lastText = LAST.replace('行政应诉案件35件', '行政应诉案件38件');
    await client.open(lastUri, lastText);
    const lines = new LineMap(lastText);
    const at = lastText.indexOf('持续开展简政放权');
    const lineEnd = lastText.indexOf('\n', at);
    await client.change(lastUri, 2, [{ range: lines.range({ start: at, end: lineEnd }), text: '全年新办政务服务事项较少。' }]);
    const edited = await client.waitForDiagnostics(uri, (ds) => !ds.some(rule('copied-passage')));
    expect(edited.diagnostics.some(rule('restated-figure'))).toBe(false);
  });

  it('pairs a sibling file for a draft large enough to be linted in the lint thread (where the pairing is looked up too)', async () => {
    // Past the request thread's 64,000 characters: the donor's text again after the draft.
    let large = DRAFT;
    while (large.length <= 64_000) large += `\n${donor.slice(donor.indexOf('\n', donor.indexOf('法治政府建设')) + 1)}`;
    const dir = workspace('previous-sibling-large', { [LAST_NAME]: LAST, [DRAFT_NAME]: large });
    const uri = pathToFileURL(path.join(dir, DRAFT_NAME)).href;
    const lastUri = pathToFileURL(path.join(dir, LAST_NAME)).href;
    client = new TestClient();
    await client.initialize(dir);
    await client.open(uri, large);
    const published = await client.waitForDiagnostics(uri, (ds) => ds.some(rule('copied-passage')) && ds.some(rule('restated-figure')), 1, 120_000);
    expect(published.diagnostics.find(rule('copied-passage'))!.range.start.line).toBe(2);
    expect(published.diagnostics.find(rule('restated-figure'))!.relatedInformation?.[0]?.location).toMatchObject({ uri: lastUri, range: { start: { line: figureLine } } });
  });

  it('uses the config’s previousReport, and in pull mode changes the result id when last year’s report changes', async () => {
    const dir = workspace('previous-config', { [DRAFT_NAME]: DRAFT, 'fzlint.config.json': JSON.stringify({ previousReport: `archive/${LAST_NAME}` }) });
    mkdirSync(path.join(dir, 'archive'));
    writeFileSync(path.join(dir, 'archive', LAST_NAME), LAST);
    const uri = pathToFileURL(path.join(dir, DRAFT_NAME)).href;
    client = new TestClient();
    await client.initialize(dir, { pull: true });
    await client.open(uri, DRAFT);
    type Report = { kind: string; resultId: string; items: Diagnostic[] };
    const report = await client.request<Report>('textDocument/diagnostic', { textDocument: { uri } });
    expect(report.items.filter((d) => String(d.code).startsWith('continuity/')).map((d) => d.code).sort()).toEqual([
      'continuity/copied-passage',
      'continuity/plan-not-reported',
      'continuity/restated-figure',
    ]);
    const lastUri = pathToFileURL(path.join(dir, 'archive', LAST_NAME)).href;
    expect(report.items.find(rule('copied-passage'))!.relatedInformation?.[0]?.location.uri).toBe(lastUri);
    // Changed on disk; the watcher says so, and the file is read again (its size and time changed).
    writeFileSync(path.join(dir, 'archive', LAST_NAME), `${LAST.replace('行政应诉案件35件', '行政应诉案件38件')}\n`);
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: lastUri, type: 2 }] });
    const again = await client.request<Report>('textDocument/diagnostic', { textDocument: { uri }, previousResultId: report.resultId });
    expect(again.kind).toBe('full');
    expect(again.resultId).not.toBe(report.resultId);
    expect(again.items.some(rule('restated-figure'))).toBe(false);
  });
});
