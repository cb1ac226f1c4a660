import { lintWithRule, RuleTester } from '@fzlint/rule-api/testing';
import { describe, expect, it } from 'vitest';
import { rule } from './outdated-term.js';
import { reportMarkdown as md, writtenAt as at } from '../../test/support/report.js';


/** A user's entries with a pattern instead of literal aliases (fzlint.config.json "catalogue"). */
const userCatalogue = [
  {
    id: 'user-sanxiang-shidian',
    kind: 'term' as const,
    name: '行政执法三项制度试点',
    patterns: ['行政执法[“"]?三项制度[”"]?试点'],
    validFrom: '2017-02',
    validUntil: '2018-12',
    successor: 'user-sanxiang-quanmian',
    source: '国办发〔2018〕118号',
    confidence: 'confirmed' as const,
  },
  {
    id: 'user-sanxiang-quanmian',
    kind: 'term' as const,
    name: '全面推行行政执法三项制度',
    aliases: ['全面推行行政执法三项制度'],
    validFrom: '2018-12',
    source: '国办发〔2018〕118号',
    confidence: 'confirmed' as const,
  },
];

new RuleTester().run(rule, {
  valid: [
    { name: '新冠肺炎 in 2021', code: md(2021, '做好新冠肺炎疫情防控，依法保障复工复产。'), settings: at(2021) },
    { name: '乙类甲管 in 2020', code: md(2020, '严格落实“乙类甲管”各项措施。'), settings: at(2020) },
    { name: 'the old formulation in 2019', code: md(2019, '深入学习贯彻习近平总书记全面依法治国新理念新思想新战略。'), settings: at(2019) },
    { name: 'the new name', code: md(2023, '平稳有序做好新冠病毒感染防控。'), settings: at(2023) },
    { name: '乙类乙管', code: md(2023, '落实“乙类乙管”措施。'), settings: at(2023) },
    { name: '法治宣传教育', code: md(2022, '加强法治宣传教育，提升全民法治素养。'), settings: at(2022) },
    { name: '法制审核 stays correct', code: md(2022, '严格落实重大执法决定法制审核制度。'), settings: at(2022) },
    { name: '法制宣传教育 in 2015', code: md(2015, '深入开展法制宣传教育。'), settings: at(2015) },
    {
      name: 'a renaming recounted',
      code: md(2023, '新型冠状病毒肺炎更名为新型冠状病毒感染后，及时调整防控措施。'),
      settings: at(2023),
    },
    { name: '行政机关负责人出庭应诉', code: md(2022, '行政机关负责人出庭应诉率达100%。'), settings: at(2022) },
    { name: '法治观念', code: md(2024, '切实提高全局干部职工的法治观念。'), settings: at(2024) },
    {
      name: 'a user pattern entry, during its time',
      code: md(2017, '开展行政执法“三项制度”试点工作。'),
      settings: { ...at(2017), catalogue: userCatalogue },
    },
  ],
  invalid: [
    {
      name: '新冠肺炎 in 2023: warning and a fix',
      code: md(2023, '做好新冠肺炎疫情防控。'),
      settings: at(2023),
      errors: [{ messageId: 'renamed', severity: 'warn', line: 5, messageIncludes: '新型冠状病毒感染' }],
      output: md(2023, '做好新冠病毒感染疫情防控。'),
    },
    {
      name: 'renamed during the 2022 report year: info, still fixed',
      code: md(2022, '面对新冠肺炎疫情，全县上下精诚团结。'),
      settings: at(2022, 2, 1),
      errors: [{ messageId: 'renamed', severity: 'info' }],
      output: md(2022, '面对新冠病毒感染疫情，全县上下精诚团结。'),
    },
    {
      name: 'full name, 2024',
      code: md(2024, '开展新型冠状病毒肺炎防控专项执法。'),
      settings: at(2024),
      errors: [{ messageId: 'renamed', severity: 'warn' }],
      output: md(2024, '开展新型冠状病毒感染防控专项执法。'),
    },
    {
      name: '乙类甲管 described as current in 2024',
      code: md(2024, '严格落实“乙类甲管”各项措施。'),
      settings: at(2024),
      errors: [{ messageId: 'ended', severity: 'warn', messageIncludes: '乙类乙管' }],
    },
    {
      name: '乙类甲管 ended in the first days of 2023: info',
      code: md(2023, '严格落实"乙类甲管"各项措施。'),
      settings: at(2023),
      errors: [{ messageId: 'ended', severity: 'info' }],
    },
    {
      name: '动态清零 in the 2023 plan: unconfirmed end date, info',
      code: md(2023, '推进依法行政。', '坚持“动态清零”总方针。'),
      settings: at(2023),
      errors: [{ messageId: 'ended', severity: 'info', line: 9 }],
    },
    {
      name: 'the old formulation in 2022: info with the fix',
      code: md(2022, '深入学习贯彻习近平总书记全面依法治国新理念新思想新战略。'),
      settings: at(2022),
      errors: [{ messageId: 'renamed', severity: 'info', messageIncludes: '习近平法治思想' }],
      output: md(2022, '深入学习贯彻习近平法治思想。'),
    },
    {
      name: '法制宣传教育 in 2022',
      code: md(2022, '加强法制宣传教育，提升全民法治素养。'),
      settings: at(2022),
      errors: [{ messageId: 'renamed', severity: 'warn' }],
      output: md(2022, '加强法治宣传教育，提升全民法治素养。'),
    },
    {
      name: '法制观念: unconfirmed, info with a suggestion only',
      code: md(2024, '切实提高全局干部职工的法制观念。'),
      settings: at(2024),
      errors: [{ messageId: 'renamed', severity: 'info', text: '法制观念' }],
    },
    {
      name: '行政首长出庭应诉: info with a suggestion only',
      code: md(2022, '落实行政首长出庭应诉制度。'),
      settings: at(2022),
      errors: [{ messageId: 'renamed', severity: 'info' }],
    },
    {
      name: 'a user pattern entry, after it ended',
      code: md(2021, '继续开展行政执法“三项制度”试点工作。'),
      settings: { ...at(2021), catalogue: userCatalogue },
      errors: [{ messageId: 'ended', severity: 'warn', text: '行政执法“三项制度”试点', messageIncludes: '全面推行行政执法三项制度' }],
    },
    {
      name: '通信行程卡 as current in 2023: info',
      code: md(2023, '查验通信行程卡，做好来返人员管理。'),
      settings: at(2023),
      errors: [{ messageId: 'ended', severity: 'info' }],
    },
    {
      name: '新冠肺炎 in the 2023 plan of the 2022 report: error',
      code: md(2022, '推进依法行政。', '巩固“新冠肺炎”防控成果。'),
      settings: at(2022),
      errors: [{ messageId: 'renamed', severity: 'error', line: 9 }],
      output: md(2022, '推进依法行政。', '巩固“新冠病毒感染”防控成果。'),
    },
  ],
});

// A user's pattern open-ended enough to match a whole line, on a line of 300,000 characters
// holding a quote: the match's normalised spelling was once built by a spread of its 300,000
// units into String.fromCharCode (Maximum call stack size exceeded: the rule failed).
describe('outdated-term with a user pattern matching a 300,000-character line', () => {
  it('reports the match, as the short line’s', () => {
    const catalogue = [{ ...userCatalogue[0]!, patterns: ['行政执法[^。]*试点'] }, userCatalogue[1]!];
    const code = md(2019, `开展行政执法“三项制度”${'工作'.repeat(150_000)}试点。`);
    const found = lintWithRule(rule, { code, settings: { ...at(2019), catalogue } });
    expect(found.map((d) => d.messageId)).toEqual(['ended']);
    expect(found[0]!.message).toContain('全面推行行政执法三项制度');
  }, 60_000);
});

// One finding per entry and sentence, the entries of a sentence kept in a list while the sentence
// lasts (no `id@sentence` key per reference): the same term again in its sentence, after another
// term, is not reported twice; in the next sentence it is.
describe('outdated-term: one finding per entry and sentence', () => {
  it('reports a term once per sentence, again in the next sentence', () => {
    const code = md(2023, '做好新冠肺炎疫情防控，落实“乙类甲管”，巩固新冠肺炎防控成果。继续做好新冠肺炎防控。');
    const found = lintWithRule(rule, { code, settings: at(2023) });
    expect(found).toHaveLength(3);
    const starts = found.map((d) => d.range.start);
    expect(new Set(starts).size).toBe(3);
  });
});
