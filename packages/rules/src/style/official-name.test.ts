import { RuleTester } from '@fzlint/rule-api/testing';
import { rule } from './official-name.js';
import { writtenAt as at } from '../../test/support/report.js';

const md = (year: number, results: string) =>
  `# ${year}年度法治政府建设工作情况报告\n\n## 一、主要举措和成效\n\n${results}\n`;

new RuleTester().run(rule, {
  valid: [
    { code: md(2020, '认真贯彻中央全面依法治国委员会第三次会议精神。'), settings: at(2020) },
    { name: 'the official short form of its office', code: md(2023, '按照中央依法治国办部署开展督察。'), settings: at(2023) },
    { code: md(2021, '召开市委全面依法治市委员会第三次会议。'), settings: at(2021) },
    { code: md(2022, '认真履行推进法治建设第一责任人职责。'), settings: at(2022) },
    { code: md(2022, '全面贯彻党的十九大和十九届历次全会精神。'), settings: at(2022) },
    { name: 'inside another document’s title', code: md(2019, '印发《中共XX市委依法治市委员会2019年工作要点》。'), settings: at(2019) },
    { code: md(2023, '定期向区人大常委会报告工作。'), settings: at(2023) },
    { code: md(2023, '提请区委常委会会议审议。'), settings: at(2023) },
    { code: md(2021, '依法治市办统筹协调。'), settings: at(2021) },
    { code: md(2025, '深入学习贯彻党的二十大及二十届历次全会精神。'), settings: at(2025) },
    { code: md(2020, '中央全面依法治国委员会办公室印发通知。'), settings: at(2020) },
  ],
  invalid: [
    {
      name: 'the central committee without 全面 (e004)',
      code: md(2020, '在中央依法治国委员会第三次会议上的重要讲话。'),
      settings: at(2020),
      errors: [{ messageId: 'wrongName', severity: 'warn', line: 5, text: '依法治国委员会' }],
      output: md(2020, '在中央全面依法治国委员会第三次会议上的重要讲话。'),
    },
    {
      name: 'a local committee without 全面: info',
      code: md(2021, '召开市委依法治市委员会第三次会议。'),
      settings: at(2021),
      errors: [{ messageId: 'wrongName', severity: 'info' }],
      output: md(2021, '召开市委全面依法治市委员会第三次会议。'),
    },
    {
      name: 'county committee',
      code: md(2022, '县委依法治县委员会召开全体会议。'),
      settings: at(2022),
      errors: [{ messageId: 'wrongName', severity: 'info' }],
      output: md(2022, '县委全面依法治县委员会召开全体会议。'),
    },
    {
      name: 'district committee',
      code: md(2023, '区委依法治区委员会办公室印发要点。'),
      settings: at(2023),
      errors: [{ messageId: 'wrongName', severity: 'info' }],
      output: md(2023, '区委全面依法治区委员会办公室印发要点。'),
    },
    {
      name: 'the first-responsible-person duty',
      code: md(2021, '主要负责人认真履行推进法治政府建设第一责任人职责。'),
      settings: at(2021),
      errors: [{ messageId: 'wrongName', severity: 'warn' }],
      output: md(2021, '主要负责人认真履行推进法治建设第一责任人职责。'),
    },
    {
      name: '历届全会 (e019)',
      code: md(2022, '全面贯彻党的十九大和历届全会精神。'),
      settings: at(2022),
      errors: [{ messageId: 'wrongName', text: '党的十九大和历届全会' }],
      output: md(2022, '全面贯彻党的十九大和十九届历次全会精神。'),
    },
    {
      name: '历届全会 after the 20th congress',
      code: md(2024, '深入贯彻党的二十大及历届全会精神。'),
      settings: at(2024),
      errors: [{ messageId: 'wrongName' }],
      output: md(2024, '深入贯彻党的二十大及二十届历次全会精神。'),
    },
    {
      name: '十九届历届全会',
      code: md(2021, '学习贯彻十九届历届全会精神。'),
      settings: at(2021),
      errors: [{ messageId: 'wrongName' }],
      output: md(2021, '学习贯彻十九届历次全会精神。'),
    },
    {
      name: 'two bodies run together (e023): no fix',
      code: md(2023, '并召开区委人大常委会会议审议。'),
      settings: at(2023),
      errors: [{ messageId: 'ambiguousName', severity: 'info' }],
    },
    {
      name: 'county variant, no fix',
      code: md(2022, '提请县委人大常委会审议。'),
      settings: at(2022),
      errors: [{ messageId: 'ambiguousName', severity: 'info' }],
    },
    {
      name: 'central committee, quoted',
      code: md(2019, '落实“中央依法治国委员会”部署。'),
      settings: at(2019),
      errors: [{ messageId: 'wrongName', severity: 'warn' }],
      output: md(2019, '落实“中央全面依法治国委员会”部署。'),
    },
  ],
});
