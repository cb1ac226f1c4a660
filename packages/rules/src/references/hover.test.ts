import { parse } from '@fzlint/parser';
import { resolveSettings } from '@fzlint/rule-api';
import { describe, expect, it } from 'vitest';
import { hoverText } from './hover.js';
import { findCatalogueReferences } from './match.js';

const md = (year: number, text: string) => `# ${year}年度法治政府建设工作情况报告\n\n## 一、主要举措和成效\n\n${text}\n`;

function refsOf(year: number, text: string, writing = { year: year + 1, month: 3, day: 31 }) {
  const document = parse(md(year, text), { format: 'markdown' });
  const settings = resolveSettings(document, { reportYear: year, writingDate: writing });
  return findCatalogueReferences(document, settings.catalogue, settings);
}

describe('hoverText', () => {
  it('a law: every version, the one in force when written marked', () => {
    const ref = refsOf(2022, '依据《中华人民共和国行政处罚法》办理。').find((r) => r.entry.id === 'lv-xingzhengchufafa')!;
    const text = hoverText(ref, 'zh-CN');
    expect(text).toContain('成稿时施行的版本: 2021年修订');
    expect(text).toContain('2017年9月1日 修正，2018年1月1日 施行');
    expect(text).toContain('（成稿时施行）');
    expect(hoverText(ref, 'en')).toContain('In force when written: 2021年修订');
  });

  it('a campaign: its period and successor', () => {
    const ref = refsOf(2022, '深入开展扫黑除恶专项斗争。').find((r) => r.entry.id === 'cp-saohei-zhuanxiang')!;
    const text = hoverText(ref, 'zh-CN');
    expect(text).toContain('时段性工作');
    expect(text).toContain('2020年12月31日');
    expect(text).toContain('常态化扫黑除恶斗争');
  });

  it('says the catalogue could not judge what changed after its review, for a report written well after it', () => {
    const late = refsOf(2027, '依据《行政处罚法》办理。')[0]!;
    expect(late.staleCatalogue).toBe('2026-11-22');
    expect(hoverText(late, 'zh-CN')).toContain('目录最后核对于2026年11月22日');
    expect(hoverText(late, 'en')).toContain('last reviewed on 22 November 2026');
    const fresh = refsOf(2025, '依据《行政处罚法》办理。')[0]!;
    expect(fresh.staleCatalogue).toBeUndefined();
    expect(hoverText(fresh, 'zh-CN')).not.toContain('目录最后核对');
  });
});
