import { parse } from '@fzlint/parser';
import { resolveSettings, runRule } from '@fzlint/rule-api';
import { RuleTester } from '@fzlint/rule-api/testing';
import { describe, expect, it } from 'vitest';
import rule from './inconsistent-figure.js';

/** Paragraphs between two statements, as a report has them. */
const FILLER = '\n\n坚持以习近平法治思想为指导，深入推进依法行政。\n\n加强行政执法队伍建设，组织执法人员培训。\n\n';

describe('messages', () => {
  const code = `全年共受理行政复议案件120件。${FILLER}今年受理行政复议案件128件，均依法审结。`;
  const document = parse(code, { format: 'plaintext' });
  it('name both values, the figure and its key, and point at the earlier statement (zh-CN)', () => {
    const [d] = runRule(rule, document, { settings: resolveSettings(document) });
    expect(d?.message).toBe(
      '受理行政复议案件数在此写作128件，与前文的120件不一致：同一数据（行政复议案件 · 受理 · 本报告口径 · 本年）前后应一致。',
    );
    expect(d?.severity).toBe('warn');
    expect(code.slice(d!.range.start, d!.range.end)).toBe('128件');
    const at = code.indexOf('120件');
    expect(d?.related).toEqual([{ range: { start: at, end: at + 4 }, message: '前文写作120件' }]);
  });
  it('in English', () => {
    const [d] = runRule(rule, document, { settings: resolveSettings(document, { locale: 'en' }) });
    expect(d?.message).toBe(
      'administrative review cases received is given as 128件 here but as 120件 earlier; the same figure (administrative review cases · received · the report’s own · this year) must agree throughout the report.',
    );
  });
});

new RuleTester().run(rule, {
  valid: [
    { name: 'the same value stated twice', code: `全年共受理行政复议案件120件。${FILLER}今年受理行政复议案件120件，均依法审结。` },
    {
      name: 'full/000: one statement of each figure',
      code: '2021年,全市共审结行政诉讼案件90件,败诉4件;共收到行政复议案件106件,审结90件。',
      parse: { reportYear: 2021 },
    },
    { name: 'different scopes: 全市 and 市本级', code: `全市共受理行政复议案件120件。${FILLER}市本级受理行政复议案件30件。` },
    { name: 'a 其中 part is not the total', code: `全年受理行政复议案件120件，其中市本级30件。${FILLER}受理行政复议案件120件。` },
    { name: 'last year and this year', code: `上年受理行政复议案件90件。${FILLER}今年受理行政复议案件120件。` },
    {
      name: 'a named earlier year',
      code: `2020年受理行政复议案件80件。${FILLER}2022年受理行政复议案件120件。${FILLER}全年受理行政复议案件120件。`,
      parse: { reportYear: 2022 },
    },
    { name: '累计 is not the year', code: `累计受理行政复议案件560件。${FILLER}全年受理行政复议案件120件。` },
    { name: '近三年 is not the year', code: `近三年共受理行政复议案件300件。${FILLER}全年受理行政复议案件120件。` },
    { name: '截至6月底 is a stock on a day', code: `截至6月底，受理行政复议案件50件。${FILLER}全年受理行政复议案件120件。` },
    { name: '上半年 is part of the year', code: `上半年受理行政复议案件50件。${FILLER}全年受理行政复议案件120件。` },
    { name: 'an approximate figure within its bound (余)', code: `全年受理行政复议案件100余件。${FILLER}今年受理行政复议案件116件。` },
    { name: '约 is no bound at all', code: `全年受理行政复议案件约100件。${FILLER}今年受理行政复议案件128件。` },
    { name: 'a figure in 万 within its rounding', code: `全县新增市场主体2.87万户。${FILLER}全县新增市场主体28745户。` },
    { name: '分别为 hands out the verbs in one sentence', code: `受理、办结行政复议案件分别为50件、45件。${FILLER}受理行政复议案件50件。` },
    { name: '收到 and 受理 are different figures', code: `共收到行政复议申请130件。${FILLER}依法受理行政复议案件120件。` },
    { name: 'objects counted campaign by campaign (矛盾纠纷) are not compared', code: `排查矛盾纠纷120件。${FILLER}开展专项行动，排查矛盾纠纷30件。` },
    { name: 'a named unit is not the report’s own figure', code: `市司法局受理行政复议案件20件。${FILLER}全年受理行政复议案件120件。` },
    {
      name: 'a qualified object is another figure',
      code: `收到以市政府为被申请人的行政复议案件15件。${FILLER}全年收到行政复议案件120件。`,
    },
    {
      name: 'a heading is not a statement',
      code: '一、受理行政复议案件120件\n全年受理行政复议案件128件，均依法审结。',
      parse: { format: 'plaintext' },
    },
    { name: 'inside a document title', code: `印发《关于受理行政复议案件100件的通报》。${FILLER}全年受理行政复议案件128件。` },
    {
      name: 'full/002: answers to another body and the district’s own cases',
      code: '答复市政府行政复议案件13件,行政行为撤销率为0,区本级受理行政复议案件6件,均在法定期限内完成,案件办结率100%。\n全区受理行政复议案件25件。',
    },
    {
      name: 'a target in the next-year plan is not a figure of what was done',
      code: '一、2022年工作情况\n全年受理行政复议案件120件。\n二、2023年工作安排\n力争全年受理行政复议案件150件，案件全部按期办结。',
      parse: { format: 'plaintext' },
    },
    { name: '力争 marks a target', code: `全年受理行政复议案件120件。${FILLER}力争全年受理行政复议案件150件。` },
    { name: 'rates that name no object are not compared', code: `信访事项办结率100%。${FILLER}办结率98%。` },
    {
      name: 'm002: petitions 各级转批 (forwarded) are not all petitions',
      code: `受理各级转批信访件69宗，已办结64宗，正在办理5宗。${FILLER}全年受理信访件96宗。`,
    },
    {
      name: 'm002: 69宗 received, 64 concluded, restated the same',
      code: '做好信访件流转办理工作，受理各级转批信访件69宗，已办结64宗，正在办理5宗。\n全年受理信访件69宗。',
    },
  ],
  invalid: [
    {
      name: 'the issue’s example: 120 and, three paragraphs later, 128',
      code: `全年共受理行政复议案件120件。${FILLER}今年受理行政复议案件128件，均依法审结。`,
      errors: [{ messageId: 'inconsistent', severity: 'warn', line: 7, text: '128件', messageIncludes: '与前文的120件不一致' }],
    },
    {
      name: 'full/000 restated with another value',
      code: `2021年,全市共审结行政诉讼案件90件,败诉4件;共收到行政复议案件106件,审结90件。${FILLER}2021年共收到行政复议案件116件。`,
      parse: { reportYear: 2021 },
      errors: [{ messageId: 'inconsistent', text: '116件' }],
    },
    {
      name: 'full/004: information requests given twice',
      code: `市政府门户网站全年主动公开信息1.2万余条，共收到政府信息公开申请113件，办结104件。${FILLER}全年收到政府信息公开申请131件。`,
      errors: [{ messageId: 'inconsistent', text: '131件', messageIncludes: '113件' }],
    },
    {
      name: 'm002: petitions given twice',
      code: `受理各级转批信访件69宗，已办结64宗，正在办理5宗。${FILLER}全年受理各级转批信访件96宗。`,
      errors: [{ messageId: 'inconsistent', text: '96宗' }],
    },
    {
      name: 'the concluded count given twice (elided object)',
      code: `全年共受理行政复议案件120件，审结118件。${FILLER}全年受理行政复议案件120件，审结115件。`,
      errors: [{ messageId: 'inconsistent', text: '115件', messageIncludes: '118件' }],
    },
    {
      name: 'a rate that names its object',
      code: `行政复议案件办结率100%。${FILLER}行政复议案件办结率95%。`,
      errors: [{ messageId: 'inconsistent', text: '95%' }],
    },
    {
      name: '出庭率 given twice',
      code: `全市行政机关负责人出庭率100%。${FILLER}全市行政机关负责人出庭率98%。`,
      errors: [{ messageId: 'inconsistent', text: '98%' }],
    },
    {
      name: '万 beyond its rounding',
      code: `全县新增市场主体3.1万户。${FILLER}全县新增市场主体28745户。`,
      errors: [{ messageId: 'inconsistent', text: '28745户' }],
    },
    {
      name: '余 is at least: 96 cannot be 100余',
      code: `全年受理行政复议案件100余件。${FILLER}今年受理行政复议案件96件。`,
      errors: [{ messageId: 'inconsistent', text: '96件' }],
    },
    {
      name: '近 is at most: 113 cannot be 近100',
      code: `全年收到政府信息公开申请近100件。${FILLER}今年收到政府信息公开申请113件。`,
      errors: [{ messageId: 'inconsistent', text: '113件' }],
    },
    {
      name: 'the same scope (市本级) twice',
      code: `市本级受理行政复议案件30件。${FILLER}市本级受理行政复议案件36件。`,
      errors: [{ messageId: 'inconsistent', text: '36件' }],
    },
    {
      name: '上年 and the year before the report year are one period',
      code: `上年受理行政复议案件90件。${FILLER}2021年受理行政复议案件95件。`,
      parse: { reportYear: 2022 },
      errors: [{ messageId: 'inconsistent', text: '95件' }],
    },
    {
      name: 'across sections, in Markdown',
      code: '# 2022年法治政府建设情况报告\n\n## 一、依法化解矛盾纠纷\n\n全年共受理行政复议案件120件。\n\n## 二、存在的不足\n\n受理行政复议案件128件，纠错率偏低。\n',
      parse: { format: 'markdown' },
      errors: [{ messageId: 'inconsistent', line: 9, text: '128件' }],
    },
    {
      name: 'Chinese numerals',
      code: `全年受理行政复议案件十五件。${FILLER}全年受理行政复议案件十八件。`,
      errors: [{ messageId: 'inconsistent', text: '十八件' }],
    },
    {
      name: 'full-width digits',
      code: `全年受理行政复议案件１２０件。${FILLER}全年受理行政复议案件１２８件。`,
      errors: [{ messageId: 'inconsistent', text: '１２８件' }],
    },
    {
      name: 'a value that agrees with an earlier one is not reported again',
      code: `全年受理行政复议案件120件。${FILLER}全年受理行政复议案件128件。${FILLER}全年受理行政复议案件120件。`,
      errors: [{ messageId: 'inconsistent', text: '128件', messageIncludes: '120件' }],
    },
  ],
});
