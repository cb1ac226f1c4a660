import { RuleTester } from '@fzlint/rule-api/testing';
import { rule } from './catalogue-freshness.js';

const md = (year: number) => `# ${year}年度法治政府建设工作情况报告\n\n## 一、主要举措和成效\n\n推进依法行政。\n`;
const written = (year: number, month: number, day = 1) => ({ writingDate: { year, month, day } });

new RuleTester().run(rule, {
  valid: [
    { name: '2018 report', code: md(2018), settings: { reportYear: 2018, ...written(2019, 3) } },
    { name: '2020 report', code: md(2020), settings: { reportYear: 2020, ...written(2021, 3) } },
    { name: '2022 report', code: md(2022), settings: { reportYear: 2022, ...written(2023, 3) } },
    { name: '2024 report', code: md(2024), settings: { reportYear: 2024, ...written(2025, 3) } },
    { name: '2025 report written in March 2026', code: md(2025), settings: { reportYear: 2025, ...written(2026, 3) } },
    { name: '2026 report written in March 2027 (four months after the review)', code: md(2026), settings: { reportYear: 2026, ...written(2027, 3) } },
    { name: 'exactly six months after the review', code: md(2026), settings: { reportYear: 2026, ...written(2027, 5, 22) } },
    { name: 'a report that cannot be dated', code: '# 法治政府建设工作情况报告\n\n推进依法行政。\n' },
    { name: 'a later review date in options', code: md(2027), settings: { reportYear: 2027, ...written(2028, 3) }, options: { reviewed: '2027-12-31' } },
    { name: 'more grace in options', code: md(2026), settings: { reportYear: 2026, ...written(2027, 9) }, options: { graceMonths: 12 } },
    { name: '2019 report written late, in 2020', code: md(2019), settings: { reportYear: 2019, ...written(2020, 12) } },
    { name: '2023 report', code: md(2023), settings: { reportYear: 2023, ...written(2024, 3) } },
  ],
  invalid: [
    { name: '2027 report (default writing date 2028-03-31)', code: md(2027), settings: { reportYear: 2027 }, errors: [{ messageId: 'stale', severity: 'info', line: 1, messageIncludes: '2026年11月22日' }] },
    { name: '2026 report written in June 2027', code: md(2026), settings: { reportYear: 2026, ...written(2027, 6) }, errors: [{ messageId: 'stale' }] },
    { name: '2028 report', code: md(2028), settings: { reportYear: 2028, ...written(2029, 3) }, errors: [{ messageId: 'stale', messageIncludes: '2029年3月1日' }] },
    { name: '2030 report', code: md(2030), settings: { reportYear: 2030, ...written(2031, 3) }, errors: [{ messageId: 'stale' }] },
    { name: 'less grace in options', code: md(2026), settings: { reportYear: 2026, ...written(2027, 3) }, options: { graceMonths: 1 }, errors: [{ messageId: 'stale' }] },
    { name: 'an older review date in options', code: md(2022), settings: { reportYear: 2022, ...written(2023, 3) }, options: { reviewed: '2021-06-30' }, errors: [{ messageId: 'stale', messageIncludes: '2021年6月30日' }] },
    { name: 'the year from the title alone', code: md(2029), errors: [{ messageId: 'stale' }] },
    { name: 'a plain-text report', code: '2027年度法治政府建设情况报告\n一、主要举措\n推进依法行政。\n', settings: { reportYear: 2027 }, errors: [{ messageId: 'stale' }] },
    { name: '2035 report', code: md(2035), settings: { reportYear: 2035 }, errors: [{ messageId: 'stale' }] },
    { name: 'one finding however many references', code: md(2027).replace('推进依法行政。', '贯彻《行政处罚法》《行政复议法》《立法法》。'), settings: { reportYear: 2027 }, errors: [{ messageId: 'stale' }] },
    { name: 'English message', code: md(2027), settings: { reportYear: 2027, locale: 'en' }, errors: [{ messageId: 'stale' }] },
    { name: 'writing date in August 2027', code: md(2026), settings: { reportYear: 2026, ...written(2027, 8) }, errors: [{ messageId: 'stale' }] },
  ],
});
