import { parse } from '@fzlint/parser';
import { resolveSettings, runRule } from '@fzlint/rule-api';
import { RuleTester } from '@fzlint/rule-api/testing';
import { describe, expect, it } from 'vitest';
import rule from './growth-mismatch.js';

describe('messages', () => {
  const code = '受理政府信息公开申请128件，同比增长20%（上年为90件）。';
  const document = parse(code, { format: 'plaintext' });
  it('state the change the figures give and point at both figures (zh-CN)', () => {
    const [d] = runRule(rule, document, { settings: resolveSettings(document) });
    expect(d?.message).toBe('“同比增长20%”与所比较的两个数不符：按本期128件、上期90件计算应为增长42.22%。');
    expect(d?.severity).toBe('error');
    expect(d?.related?.map((r) => [code.slice(r.range.start, r.range.end), r.message])).toEqual([
      ['128件', '本期数（128件）'],
      ['90件', '上期数（90件）'],
    ]);
  });
  it('in English', () => {
    const [d] = runRule(rule, document, { settings: resolveSettings(document, { locale: 'en' }) });
    expect(d?.message).toBe('“同比增长20%” disagrees with the figures it compares: 128件 against 90件 gives a rise of 42.22%.');
  });
});

new RuleTester().run(rule, {
  valid: [
    { name: 'the figures give the stated growth (rounded)', code: '受理政府信息公开申请128件，同比增长42.2%（上年为90件）。' },
    { name: 'rounded to a whole percent', code: '受理政府信息公开申请128件，同比增长42%（上年为90件）。' },
    { name: 'truncated, as rate-mismatch accepts', code: '受理政府信息公开申请128件，同比增长42.22%（上年为90件）。' },
    { name: 'the old figure between the comparison and the verb', code: '今年受理行政复议案件128件，较上年的90件增长42.2%。' },
    { name: 'a decline that holds', code: '受理行政复议案件72件，同比下降20%（上年为90件）。' },
    { name: 'points that hold', code: '行政复议案件办结率98%，较上年提高3个百分点（上年为95%）。' },
    { name: 'points within the rounding of whole-percent rates (97.6 − 95.4)', code: '行政复议案件办结率98%，较上年提高2.2个百分点（上年为95%）。' },
    { name: '增长4倍 read as 5 times (strictly)', code: '受理行政复议案件500件，同比增长4倍（上年为100件）。' },
    { name: '增长5倍 read as 5 times (as many reports write it)', code: '受理行政复议案件500件，同比增长5倍（上年为100件）。' },
    { name: '是上年的5倍', code: '受理行政复议案件500件，是上年的5倍（上年为100件）。' },
    { name: 'a difference of counts that holds', code: '受理行政复议案件128件，较上年增加38件（上年为90件）。' },
    { name: 'an approximate change is not checked', code: '受理政府信息公开申请128件，同比增长约20%（上年为90件）。' },
    { name: 'no figure of the other period', code: '受理政府信息公开申请128件，同比增长20%。' },
    { name: '环比 compares with another month: not with last year’s figure', code: '上年受理行政复议案件90件。今年受理行政复议案件128件，环比增长20%。' },
    { name: 'full/002: a rate’s growth in percent (relative or points?) is not checked', code: '2020年,区政府共处理行政应诉案件35件,行政机关负责人出庭应诉率较上一年提高40%,在全市各级政府中排名第一。' },
    { name: 'full/000: points without last year’s rate', code: '全市镇(街道)政务服务第三方测评满意率98%,较去年提升2个百分点。' },
    { name: 'full/000: multiples of figures the text does not give', code: '检查企业(单位)1500多家,联合执法领域和检查对象同比增长6倍和8倍,实现执法高效且不扰民。' },
    { name: '分别 lists of changes are not paired', code: '受理、办结行政复议案件分别为128件、120件，同比分别增长42%、30%。' },
    { name: 'money is not a count', code: '投入法治宣传经费500万元，同比增长20%（上年为300万元）。' },
    { name: 'another object’s figure last year is no base', code: '上年受理信访件90件。今年受理行政复议案件128件，同比增长20%。' },
    { name: 'figures in 万 within their rounding', code: '受理群众诉求96.8万件，同比增长10%（上年为88万件）。' },
    { name: 'a change whose own clause names another thing', code: '受理行政复议案件128件，行政复议纠错率同比下降3%。' },
    {
      name: 'two counts before the change: it fits the received one (受理), not the concluded one',
      code: '受理行政复议案件50件，审结48件，同比增长25%（上年为40件）。',
    },
    {
      name: 'a base in another section is not nearby',
      code: '一、行政复议\n上年受理行政复议案件90件。\n二、信息公开\n今年受理行政复议案件128件，同比增长20%。',
      parse: { format: 'plaintext' },
    },
  ],
  invalid: [
    {
      name: 'the issue’s example: 128/90 is +42%, not +20%',
      code: '受理政府信息公开申请128件，同比增长20%（上年为90件）。',
      errors: [{ messageId: 'mismatch', severity: 'error', text: '同比增长20%', messageIncludes: '增长42.22%' }],
    },
    {
      name: 'the old figure between the comparison and the verb',
      code: '今年受理行政复议案件128件，较上年的90件增长30%。',
      errors: [{ messageId: 'mismatch', text: '增长30%', messageIncludes: '增长42.22%' }],
    },
    {
      name: 'a decline of the wrong size',
      code: '受理行政复议案件72件，同比下降10%（上年为90件）。',
      errors: [{ messageId: 'mismatch', messageIncludes: '下降20%' }],
    },
    {
      name: 'growth written for a decline',
      code: '受理行政复议案件72件，同比增长20%（上年为90件）。',
      errors: [{ messageId: 'mismatch', messageIncludes: '下降20%' }],
    },
    {
      name: 'points that do not hold',
      code: '行政复议案件办结率98.5%，较上年提高2个百分点（上年为95.3%）。',
      errors: [{ messageId: 'mismatch', text: '提高2个百分点', messageIncludes: '提高3.2个百分点' }],
    },
    {
      name: 'points beyond the rounding of whole-percent rates',
      code: '行政复议案件办结率98%，较上年提高5个百分点（上年为95%）。',
      errors: [{ messageId: 'mismatch', messageIncludes: '提高3个百分点' }],
    },
    {
      name: 'a fall in points that does not hold',
      code: '隐患整改率95%，较上年下降1个百分点（上年为99%）。',
      errors: [{ messageId: 'mismatch', messageIncludes: '下降4个百分点' }],
    },
    {
      name: '是上年的3倍, but 360/90 is 4',
      code: '受理行政复议案件360件，是上年的3倍（上年为90件）。',
      errors: [{ messageId: 'mismatch', text: '是上年的3倍', messageIncludes: '上期的4.00倍' }],
    },
    {
      name: '增长3倍 fits neither reading of 500/100',
      code: '受理行政复议案件500件，同比增长3倍（上年为100件）。',
      errors: [{ messageId: 'mismatch', messageIncludes: '上期的5.00倍' }],
    },
    {
      name: 'a difference of counts',
      code: '受理行政复议案件128件，较上年增加30件（上年为90件）。',
      errors: [{ messageId: 'mismatch', text: '增加30件', messageIncludes: '增加38件' }],
    },
    {
      name: 'a difference of counts, down',
      code: '受理信访件60件，较上年减少20件（上年为90件）。',
      errors: [{ messageId: 'mismatch', messageIncludes: '减少30件' }],
    },
    {
      name: '由…增加到…',
      code: '全年行政复议案件由90件增加到128件，增长32%。',
      errors: [{ messageId: 'mismatch', messageIncludes: '增长42.22%' }],
    },
    {
      name: 'last year’s figure in the sentence before: a warning',
      code: '上年受理行政复议案件90件。今年受理行政复议案件128件，同比增长20%。',
      errors: [{ messageId: 'mismatch', severity: 'warn', line: 1, text: '同比增长20%' }],
    },
    {
      name: 'last year’s figure in another paragraph of the section: a warning',
      code: '一、行政复议\n2021年受理行政复议案件90件。\n依法审理，案件均在法定期限内办结。\n2022年受理行政复议案件128件，较2021年增长20%。',
      parse: { reportYear: 2022, format: 'plaintext' },
      errors: [{ messageId: 'mismatch', severity: 'warn', line: 4 }],
    },
    {
      name: 'a named year compared with (较2020年)',
      code: '2020年受理行政复议案件80件。2022年受理行政复议案件128件，较2020年增长20%。',
      parse: { reportYear: 2022 },
      errors: [{ messageId: 'mismatch', severity: 'warn', messageIncludes: '增长60%' }],
    },
    {
      name: 'two counts before the change and it fits neither',
      code: '受理行政复议案件50件，审结48件，同比增长5%（上年为40件）。',
      errors: [{ messageId: 'mismatch', text: '同比增长5%' }],
    },
    {
      name: 'full-width digits',
      code: '受理政府信息公开申请１２８件，同比增长２０%（上年为９０件）。',
      errors: [{ messageId: 'mismatch' }],
    },
    {
      name: 'a percentage in words (百分之二十)',
      code: '受理政府信息公开申请128件，同比增长百分之二十（上年为90件）。',
      errors: [{ messageId: 'mismatch', messageIncludes: '增长42.22%' }],
    },
  ],
});
