import { builtinCatalogue, type CatalogueEntry } from '@fzlint/ontology';
import { lintWithRule } from '@fzlint/rule-api/testing';
import { describe, expect, it } from 'vitest';
import { referencesRules } from './index.js';
import { judgeOutdated } from './judge.js';

const byId = new Map(builtinCatalogue.map((e) => [e.id, e]));
const entry = (id: string): CatalogueEntry => byId.get(id)!;
const dates = (reportYear: number, writing = (reportYear + 1) * 10000 + 331) => ({ reportYear, writing });

describe('judgeOutdated: the two dates', () => {
  const gangyao = entry('plan-fzzf-gangyao-2015');
  const next = entry('plan-fzzf-gangyao-2021');
  it('is silent while the entry is current on the writing date', () => {
    expect(judgeOutdated(gangyao, next, dates(2019), { inNextYearPlan: false })).toBeUndefined();
  });
  it('is silent when the successor did not exist yet and the year is covered', () => {
    expect(judgeOutdated(gangyao, next, dates(2020), { inNextYearPlan: false })).toBeUndefined();
  });
  it('warns when superseded before the report year began', () => {
    expect(judgeOutdated(gangyao, next, dates(2022), { inNextYearPlan: false })).toMatchObject({ severity: 'warn', when: 'before-year' });
  });
  it('errs in the next-year plan', () => {
    expect(judgeOutdated(gangyao, next, dates(2022), { inNextYearPlan: true })).toMatchObject({ severity: 'error', when: 'plan' });
  });
  it('gives info when superseded only after the report year ended', () => {
    const law = entry('law-wqf');
    expect(judgeOutdated(law, entry('lv-minfadian'), dates(2020), { inNextYearPlan: false })).toMatchObject({ severity: 'info', when: 'after-year' });
  });
  it('uses the rule’s severity for a change during the year', () => {
    const term = entry('term-xinguan-feiyan');
    const successor = entry('term-xinguan-ganran');
    expect(judgeOutdated(term, successor, dates(2022), { inNextYearPlan: false, duringYear: 'info' })).toMatchObject({ severity: 'info', when: 'during-year' });
    expect(judgeOutdated(term, successor, dates(2022), { inNextYearPlan: false })).toMatchObject({ severity: 'warn' });
  });
  it('caps an unconfirmed entry at info, even in the plan', () => {
    const term = entry('term-dongtai-qingling');
    expect(judgeOutdated(term, entry('term-yilei-yiguan'), dates(2024), { inNextYearPlan: true })).toMatchObject({ severity: 'info' });
  });
  it('caps an entry without a successor at info', () => {
    expect(judgeOutdated(next, undefined, dates(2026), { inNextYearPlan: true })).toMatchObject({ severity: 'info' });
  });
  it('reads partial dates on the safe side: “2018-03” ends on 31 March', () => {
    const org = entry('org-gongshang');
    expect(judgeOutdated(org, entry('org-scjg'), dates(2017, 20180331), { inNextYearPlan: false })).toBeUndefined();
    expect(judgeOutdated(org, entry('org-scjg'), dates(2017, 20180401), { inNextYearPlan: false })).toBeDefined();
  });
});

describe('unconfirmed entries never produce more than info', () => {
  const unconfirmed = builtinCatalogue.filter((e) => e.confidence === 'unconfirmed' && (e.aliases ?? []).length > 0);
  it('there are unconfirmed entries to check', () => {
    expect(unconfirmed.length).toBeGreaterThanOrEqual(5);
  });
  for (const e of unconfirmed) {
    it(`${e.id}`, () => {
      const alias = e.aliases![0]!;
      for (let year = 2016; year <= 2027; year++) {
        const code = `# ${year}年度法治政府建设工作情况报告\n\n## 一、主要举措和成效\n\n深入落实${alias}要求。\n\n## 二、${year + 1}年工作打算\n\n继续落实${alias}要求。\n`;
        for (const rule of referencesRules) {
          const found = lintWithRule(rule, { code, settings: { reportYear: year, writingDate: { year: year + 1, month: 3, day: 31 } } });
          for (const d of found) expect(d.severity, `${rule.meta.id} ${year}: ${d.message}`).toBe('info');
        }
      }
    });
  }
});
