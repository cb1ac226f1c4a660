/**
 * The figures hover (the ledger's other statements of the figure's key) and completion
 * after 《 (current full titles with the version in force for the report year), on the
 * real engine.
 */
import type { CatalogueEntry } from '@fzlint/ontology';
import { describe, expect, it } from 'vitest';
import { LineMap } from '../src/convert.js';
import { loadEngine } from '../src/engine.js';
import { titleCompletionsAt, typedTitle } from '../src/service/completion.js';
import type { LintSnapshot } from '../src/service/diagnostics.js';
import { hoverAt } from '../src/service/hover.js';
import type { EngineLintOptions, LintEngine } from '../src/service/types.js';
import { DEFAULT_SETTINGS } from '../src/settings.js';

const engine: Promise<LintEngine> = loadEngine({});

async function snapshotOf(text: string, options: Partial<EngineLintOptions> = {}, locale: 'zh-CN' | 'en' = 'zh-CN'): Promise<LintSnapshot> {
  const e = await engine;
  const lintOptions: EngineLintOptions = { format: 'markdown', locale, ...options };
  return {
    uri: 'file:///ws/report.md',
    version: 1,
    lines: new LineMap(text),
    isReport: true,
    result: e.lint(text, lintOptions),
    diagnostics: [],
    settings: { ...DEFAULT_SETTINGS, locale },
    options: lintOptions,
    configGeneration: 0,
  };
}

const value = (hover: ReturnType<typeof hoverAt>): string => (hover?.contents as { value: string } | undefined)?.value ?? '';

const REPORT = [
  '# 某县人民政府2023年度法治政府建设情况报告',
  '',
  '## 一、2023年推进法治政府建设的主要举措和成效',
  '',
  '全年共受理行政复议案件120件，审结110件。',
  '',
  '县政府常务会议专题学法12次。',
  '',
  '### （二）化解行政争议',
  '',
  '今年受理行政复议案件128件，上年受理行政复议案件98件。',
  '',
  '全年受理行政复议案件120件。',
  '',
].join('\n');

describe('hover on a figure', () => {
  it('names the figure’s key and lists the other statements of that key with their lines, the contradicting one marked', async () => {
    const snap = await snapshotOf(REPORT);
    const at = REPORT.indexOf('120件');
    const hover = hoverAt(await engine, snap, at + 1);
    const text = value(hover);
    expect(text).toContain('**数据**：行政复议案件 · 受理 · 本报告口径 · 本年');
    expect(text).toContain('同一数据的其他表述：');
    expect(text).toContain('- 第11行：128件（与此处不一致）');
    expect(text.endsWith('- 第13行：120件')).toBe(true);
    // Last year's 98 is another period: another key, not listed.
    expect(text).not.toContain('98件');
    expect(hover?.range).toEqual(snap.lines.range({ start: at, end: at + 4 }));
  });

  it('speaks English with the English locale', async () => {
    const snap = await snapshotOf(REPORT, {}, 'en');
    const text = value(hoverAt(await engine, snap, REPORT.lastIndexOf('128件')));
    expect(text).toContain('**Figure**: administrative review cases · received · the report’s own · this year');
    expect(text).toContain('- line 5: 120件 (differs from this one)');
  });

  it('keeps the statistics relations first, says a compared figure stated once so, and nothing of a bare count stated once', async () => {
    const snap = await snapshotOf(REPORT);
    expect(value(hoverAt(await engine, snap, REPORT.indexOf('110件')))).toBe(
      '**统计关系**：受理行政复议案件120件 · 审结110件\n\n---\n\n**数据**：行政复议案件 · 审结 · 本报告口径 · 本年（全文仅此一处）',
    );
    expect(hoverAt(await engine, snap, REPORT.indexOf('12次'))).toBeNull();
  });
});

describe('completion after 《', () => {
  it('finds the title being typed: after 《 on its line, not after 》 or a sentence end', () => {
    const text = '贯彻《行政处 罚和《中华人民共和国行政许可法》。又《';
    expect(typedTitle(text, text.indexOf('罚'))).toEqual({ open: 2, typed: '行政处 ' });
    expect(typedTitle(text, text.indexOf('》') + 1)).toBeUndefined();
    expect(typedTitle(text, text.length)).toEqual({ open: text.length - 1, typed: '' });
    expect(typedTitle('《行政\n处', 5)).toBeUndefined();
    expect(typedTitle('无书名号', 3)).toBeUndefined();
  });

  it('offers the current full title with the version in force for the report year, replacing what was typed and an auto-closed 》', async () => {
    const e = await engine;
    const text = '2023年，学习《行政处》。';
    const lines = new LineMap(text);
    const offset = text.indexOf('》');
    const list = titleCompletionsAt(e, lines, offset, { config: undefined, reportYear: 2023 }, 'zh-CN')!;
    expect(list.isIncomplete).toBe(true);
    const item = list.items.find((i) => i.label === '中华人民共和国行政处罚法')!;
    expect(item).toBeDefined();
    expect(item.textEdit).toEqual({ range: lines.range({ start: text.indexOf('《') + 1, end: offset + 1 }), newText: '中华人民共和国行政处罚法》（2021年修订）' });
    expect(item.detail).toContain('2021年修订');
    expect(item.filterText?.startsWith('行政处')).toBe(true);
    // For a 2020 report the 2017 amendment was in force (the 2021 revision took effect in July 2021).
    const earlier = titleCompletionsAt(e, lines, offset, { config: undefined, reportYear: 2020 }, 'zh-CN')!;
    expect(earlier.items.find((i) => i.label === '中华人民共和国行政处罚法')?.textEdit).toMatchObject({ newText: '中华人民共和国行政处罚法》（2017年修正）' });
    // Outside a 《: nothing.
    expect(titleCompletionsAt(e, lines, 2, { config: undefined, reportYear: 2023 }, 'zh-CN')).toBeNull();
  });

  it('leaves out policies replaced before the writing date and offers the successor', async () => {
    const e = await engine;
    const text = '深入落实《法治政府建设实施纲要';
    const lines = new LineMap(text);
    const items = titleCompletionsAt(e, lines, text.length, { config: undefined, reportYear: 2022 }, 'zh-CN')!.items.map((i) => i.label);
    expect(items).toContain('法治政府建设实施纲要（2021—2025年）');
    expect(items).not.toContain('法治政府建设实施纲要（2015—2020年）');
  });

  it('offers the entries of the user’s catalogue from the config', async () => {
    const e = await engine;
    const local: CatalogueEntry = {
      id: 'xx-decision-procedure',
      kind: 'policy',
      name: '《XX市重大行政决策程序办法》',
      aliases: ['XX市重大行政决策程序办法'],
      validFrom: '2020-05',
      confidence: 'confirmed',
    };
    const text = '执行《XX市重大';
    const lines = new LineMap(text);
    expect(titleCompletionsAt(e, lines, text.length, { config: undefined, reportYear: 2023 }, 'zh-CN')!.items).toEqual([]);
    const found = titleCompletionsAt(e, lines, text.length, { config: { catalogue: [local] }, reportYear: 2023 }, 'zh-CN')!;
    expect(found.items.map((i) => i.label)).toEqual(['XX市重大行政决策程序办法']);
    expect(found.items[0]!.textEdit).toMatchObject({ newText: 'XX市重大行政决策程序办法》' });
  });
});
