/**
 * Protocol tests of the figures ledger and the catalogue in the editor, over a real stdio
 * connection to the built server: the figure hover, completion after 《 (declared in
 * `initialize`, in Markdown and plain text, with the config's catalogue), and the quick
 * fix that rewrites an outdated law version to the one in force.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, CompletionList, Diagnostic, Hover, TextEdit } from 'vscode-languageserver-protocol';
import { LineMap } from '../src/convert.js';
import { TestClient } from './lsp-client.js';

let root: string;
let client: TestClient | undefined;

beforeAll(() => {
  root = mkdtempSync(path.join(tmpdir(), 'fzlint-ls-fc-'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));
afterEach(async () => {
  await client?.stop();
  client = undefined;
});

function workspace(name: string, files: Record<string, string> = {}): string {
  const dir = path.join(root, name);
  mkdirSync(dir, { recursive: true });
  for (const [f, text] of Object.entries(files)) writeFileSync(path.join(dir, f), text);
  return dir;
}

const REPORT = [
  '# 某县人民政府2023年度法治政府建设情况报告',
  '',
  '## 一、2023年推进法治政府建设的主要举措和成效',
  '',
  '全年共受理行政复议案件120件，审结110件。严格执行《中华人民共和国行政处罚法》（2017年修正）。',
  '',
  '今年受理行政复议案件128件。',
  '',
].join('\n');

describe('figures and the catalogue in the editor', () => {
  it('declares completion after 《 and lists the other statements of a figure on hover', async () => {
    const dir = workspace('hover');
    const uri = pathToFileURL(path.join(dir, 'report.md')).href;
    client = new TestClient();
    const init = await client.initialize(dir);
    expect((init['capabilities'] as { completionProvider?: unknown }).completionProvider).toEqual({ triggerCharacters: ['《'], resolveProvider: false });
    await client.open(uri, REPORT, 'markdown');
    const lines = new LineMap(REPORT);
    const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: lines.positionAt(REPORT.indexOf('128件') + 1) });
    const value = (hover!.contents as { value: string }).value;
    expect(value).toContain('**数据**：行政复议案件 · 受理 · 本报告口径 · 本年');
    expect(value).toContain('- 第5行：120件（与此处不一致）');
  });

  it.each([
    ['markdown', 'report.md'],
    ['plaintext', 'report.txt'],
  ])('completes a title after 《 in %s with the version in force for the report year, and the config’s own entries', async (languageId, name) => {
    const local = { id: 'xx-yingshang', kind: 'policy', name: '《某县优化营商环境若干措施》', aliases: ['某县优化营商环境若干措施'], validFrom: '2022-01-01', confidence: 'confirmed' };
    const dir = workspace(`completion-${languageId}`, { 'fzlint.config.json': JSON.stringify({ catalogue: [local] }) });
    const uri = pathToFileURL(path.join(dir, name)).href;
    client = new TestClient();
    await client.initialize(dir);
    await client.open(uri, REPORT, languageId);
    await client.waitForDiagnostics(uri, () => true);
    // The author types 《行政处 at the end of a line (the editor has closed the bracket: 《行政处》).
    const at = REPORT.indexOf('今年');
    const typed = '学习《行政处》';
    await client.change(uri, 2, [{ range: new LineMap(REPORT).range({ start: at, end: at }), text: typed }]);
    const text = `${REPORT.slice(0, at)}${typed}${REPORT.slice(at)}`;
    const lines = new LineMap(text);
    const cursor = at + typed.length - 1;
    const list = await client.request<CompletionList>('textDocument/completion', {
      textDocument: { uri },
      position: lines.positionAt(cursor),
      context: { triggerKind: 1 },
    });
    expect(list.isIncomplete).toBe(true);
    const item = list.items.find((i) => i.label === '中华人民共和国行政处罚法')!;
    const edit = item.textEdit as TextEdit;
    const applied = TextDocument.applyEdits(TextDocument.create(uri, languageId, 2, text), [edit]);
    expect(applied).toContain('学习《中华人民共和国行政处罚法》（2021年修订）今年受理');
    // The config's catalogue entry, after a fresh 《.
    const more = `${text.slice(0, cursor + 1)}又《某县优化${text.slice(cursor + 1)}`;
    await client.change(uri, 3, [{ range: lines.range({ start: cursor + 1, end: cursor + 1 }), text: '又《某县优化' }]);
    const own = await client.request<CompletionList>('textDocument/completion', {
      textDocument: { uri },
      position: new LineMap(more).positionAt(cursor + 1 + '又《某县优化'.length),
      context: { triggerKind: 1 },
    });
    expect(own.items.map((i) => i.label)).toEqual(['某县优化营商环境若干措施']);
    // Nothing outside a 《.
    const none = await client.request<CompletionList | null>('textDocument/completion', { textDocument: { uri }, position: { line: 0, character: 2 } });
    expect(none).toBeNull();
  });

  it('rewrites a law cited by a superseded version to the version in force (quick fix), and the finding goes', async () => {
    const dir = workspace('version');
    const uri = pathToFileURL(path.join(dir, 'report.md')).href;
    client = new TestClient();
    await client.initialize(dir);
    await client.open(uri, REPORT, 'markdown');
    const isVersion = (d: Diagnostic) => d.code === 'references/outdated-law-version';
    const published = await client.waitForDiagnostics(uri, (ds) => ds.some(isVersion), 1);
    const finding = published.diagnostics.find(isVersion)!;
    expect(finding.severity).toBe(2);
    expect(finding.message).toContain('2021年修订');
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: finding.range,
      context: { diagnostics: [finding], only: ['quickfix'] },
    });
    const fix = actions.find((a) => a.isPreferred)!;
    expect(fix.title).toBe('改为“2021年修订”');
    expect(fix.kind).toBe('quickfix');
    const edits = fix.edit!.changes![uri]!;
    const fixed = TextDocument.applyEdits(TextDocument.create(uri, 'markdown', 1, REPORT), edits);
    expect(fixed).toContain('《中华人民共和国行政处罚法》（2021年修订）');
    await client.change(uri, 2, [{ text: fixed }]);
    const after = await client.waitForDiagnostics(uri, () => true, 2);
    expect(after.diagnostics.some(isVersion)).toBe(false);
  });
});
