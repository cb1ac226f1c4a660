import { lintWithRule, RuleTester } from '@fzlint/rule-api/testing';
import { describe, expect, it } from 'vitest';
import { rule } from './outdated-congress.js';
import { reportMarkdown as md, writtenAt as at } from '../../test/support/report.js';


const shijiuda = '深入学习贯彻党的十九大精神，推进法治政府建设。';

new RuleTester().run(rule, {
  valid: [
    { name: 'an undatable text (no report year, no date): no judgement on a guessed date', code: shijiuda },
    { name: '十九大精神 in 2019', code: md(2019, shijiuda), settings: at(2019) },
    {
      name: 'the sixth plenum listed, report signed 2021-12-06',
      code: md(2021, '深入学习贯彻党的十九大和十九届二中、三中、四中、五中、六中全会精神。'),
      settings: at(2021, 12, 6, 2021),
    },
    {
      name: 'fourth plenum the latest on 2020-03-31',
      code: md(2019, '深入学习贯彻党的十九大和十九届二中、三中、四中全会精神。'),
      settings: at(2019),
    },
    {
      name: '十九届历次全会 together with 党的二十大',
      code: md(2022, '全面贯彻党的十九大和十九届历次全会精神、党的二十大精神。'),
      settings: at(2022),
    },
    {
      name: 'the issue’s wording: 十九届历次全会和党的二十大精神',
      code: md(2022, '深入学习贯彻党的十九届历次全会和党的二十大精神。'),
      settings: at(2022),
    },
    {
      name: 'two clauses of one sentence',
      code: md(2022, '全面贯彻党的十九大和历届全会精神,深入学习贯彻党的二十大精神,认真落实上级部署。'),
      settings: at(2022),
    },
    { name: 'historical: 写入党的十九大报告', code: md(2021, '推荐的“三治融合”经验写入党的十九大报告。'), settings: at(2021) },
    { name: 'historical: 党的十九大以来', code: md(2023, '党的十九大以来，我县法治建设取得长足进步。'), settings: at(2023) },
    {
      name: 'historical: 召开后',
      code: md(2022, '党的二十大召开后,我镇迅速召开传达学习贯彻党的二十大精神专题会议。'),
      settings: at(2022),
    },
    { name: '二十大精神 alone in 2023', code: md(2023, '全面贯彻党的二十大精神。'), settings: at(2023) },
    { name: 'third plenum listed in 2024', code: md(2024, '全面贯彻落实党的二十大和二十届二中、三中全会精神。'), settings: at(2024) },
    { name: '历次全会 in 2025', code: md(2025, '深入学习贯彻党的二十大及二十届历次全会精神。'), settings: at(2025) },
    { name: 'fifth plenum in 2020', code: md(2020, '深入学习贯彻党的十九届五中全会精神。'), settings: at(2020) },
    {
      name: 'one plenum named for its content, a later one since',
      code: md(2021, '学习贯彻党的十九届五中全会精神，科学编制“十四五”规划。'),
      settings: at(2021),
    },
  ],
  invalid: [
    {
      name: '十九大精神 in a report written in 2024',
      code: md(2023, shijiuda),
      settings: at(2023),
      errors: [{ messageId: 'notLatest', severity: 'warn', line: 5, text: '党的十九大', messageIncludes: '党的二十大' }],
    },
    {
      name: '十九届历次全会 without 二十大, 2022',
      code: md(2022, '全面贯彻党的十九大和十九届历次全会精神，推进依法行政。'),
      settings: at(2022),
      errors: [{ messageId: 'notLatest', severity: 'warn', text: '党的十九大和十九届历次全会' }],
    },
    {
      name: 'sixth plenum missing in 2021',
      code: md(2021, '深入学习贯彻党的十九大和十九届二中、三中、四中、五中全会精神。'),
      settings: at(2021),
      errors: [{ messageId: 'notLatest', severity: 'warn', messageIncludes: '十九届六中全会' }],
    },
    {
      name: 'third plenum missing in 2024',
      code: md(2024, '全面贯彻党的二十大和二十届二中全会精神。'),
      settings: at(2024),
      errors: [{ messageId: 'notLatest', severity: 'warn', messageIncludes: '二十届三中全会' }],
    },
    {
      name: 'fourth plenum missing in 2025',
      code: md(2025, '全面贯彻党的二十大和二十届二中、三中全会精神。'),
      settings: at(2025),
      errors: [{ messageId: 'notLatest', severity: 'warn', messageIncludes: '二十届四中全会' }],
    },
    {
      name: 'a plenum that met only after the report year ended: info',
      code: md(2020, '深入学习贯彻党的十九大和十九届二中、三中、四中、五中全会精神。'),
      settings: at(2020, 12, 1, 2021),
      errors: [{ messageId: 'notLatest', severity: 'info' }],
    },
    {
      name: 'in the next-year plan: error',
      code: md(2022, '推进依法行政。', '以党的十九大精神为指导，谋划2023年工作。'),
      settings: at(2022),
      errors: [{ messageId: 'notLatestInPlan', severity: 'error', line: 9 }],
    },
    {
      name: 'half-width commas',
      code: md(2020, '深入贯彻党的十九大和十九届二中,三中,四中全会精神。'),
      settings: at(2020),
      errors: [{ messageId: 'notLatest', severity: 'warn', messageIncludes: '十九届五中全会' }],
    },
    {
      name: '中共十九大 in 2024',
      code: md(2024, '认真学习领会中共十九大精神。'),
      settings: at(2024),
      errors: [{ messageId: 'notLatest', severity: 'warn' }],
    },
    {
      name: '十八大 in 2019',
      code: md(2019, '深入贯彻党的十八大和十八届三中、四中全会精神。'),
      settings: at(2019),
      errors: [{ messageId: 'notLatest', severity: 'warn', messageIncludes: '党的十九大' }],
    },
    {
      name: '会议精神 form in 2023',
      code: md(2023, '全面贯彻落实党的十九大会议精神。'),
      settings: at(2023),
      errors: [{ messageId: 'notLatest', severity: 'warn' }],
    },
  ],
});

// Hostile paragraphs: meetings named 200,000 times. Their numbers were once spread into
// Math.max (more arguments than a call takes: Maximum call stack size exceeded), and each
// phrase went through every meeting of its paragraph again (quadratic in the phrases).
describe('outdated-congress on a paragraph naming a meeting 200,000 times', () => {
  it('one chain of 200,000 congresses: one finding', () => {
    const code = md(2023, `深入学习贯彻党的十九大${'、十九大'.repeat(200_000)}精神。`);
    const found = lintWithRule(rule, { code, settings: at(2023) });
    expect(found.map((d) => d.messageId)).toEqual(['notLatest']);
  }, 60_000);

  it('one chain listing the second plenum 200,000 times: the third is missing', () => {
    const code = md(2024, `全面贯彻落实党的二十大和二十届二中${'、二中'.repeat(200_000)}全会精神。`);
    const found = lintWithRule(rule, { code, settings: at(2024) });
    expect(found.map((d) => d.messageId)).toEqual(['notLatest']);
    expect(found[0]!.message).toContain('三中全会');
  }, 60_000);

  it('200,000 phrases in one paragraph, one of them outdated: one finding', () => {
    const code = md(2023, `${'学习贯彻党的二十大精神。'.repeat(200_000)}学习贯彻党的十九大精神。`);
    expect(lintWithRule(rule, { code, settings: at(2023) })).toEqual([]);
    const alone = md(2023, `${'学习贯彻党的二十大精神。'.repeat(200_000)}\n\n学习贯彻党的十九大精神。`);
    expect(lintWithRule(rule, { code: alone, settings: at(2023) }).map((d) => d.messageId)).toEqual(['notLatest']);
  }, 60_000);
});
