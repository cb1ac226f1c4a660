import { describe, expect, it } from 'vitest';
import { RuleTester } from '@fzlint/rule-api/testing';
import { parse } from '@fzlint/parser';
import { resolveSettings, runRule } from '@fzlint/rule-api';
import rule, { rateAgrees } from './rate-mismatch.js';

describe('English messages', () => {
  it('state the computed value', () => {
    const document = parse('全年受理行政复议案件172件，办结155件，办结率100%。', { format: 'plaintext' });
    const [d] = runRule(rule, document, { settings: resolveSettings(document, { locale: 'en' }) });
    expect(d?.message).toBe('办结率 is given as 100%, but 155件 / 172件 is 90.12%.');
    expect(d?.related?.map((r) => r.message)).toEqual(['办结 count (155件)', '受理 count (172件)']);
  });
});

describe('rateAgrees', () => {
  it('accepts rounding to the digits written', () => {
    expect(rateAgrees(99.7, 1, (3590 / 3600) * 100)).toBe(true);
    expect(rateAgrees(66.7, 1, (2 / 3) * 100)).toBe(true);
    expect(rateAgrees(100, 0, 99.95)).toBe(true);
  });
  it('accepts truncation', () => {
    expect(rateAgrees(45.94, 2, (17 / 37) * 100)).toBe(true);
    expect(rateAgrees(66.6, 1, (2 / 3) * 100)).toBe(true);
  });
  it('rejects values beyond the last digit', () => {
    expect(rateAgrees(100, 0, (155 / 172) * 100)).toBe(false);
    expect(rateAgrees(99.9, 1, (3590 / 3600) * 100)).toBe(false);
    expect(rateAgrees(45.93, 2, (17 / 37) * 100)).toBe(false);
  });
});

new RuleTester().run(rule, {
  valid: [
    { name: '出庭率 that holds', code: '应出庭案件50件，行政机关负责人实际出庭50件，出庭率100%。' },
    { name: '出庭率 is not over the cases received', code: '受理行政诉讼案件60件，负责人出庭50件，出庭率100%。' },
    { name: 'a rate in words that holds (百分之百)', code: '全年受理行政复议案件100件，办结100件，办结率百分之百。' },
    {
      name: 'a rate that names no object does not reach into other paragraphs',
      code: '一、行政复议\n全年受理行政复议案件172件。\n依法审结行政复议案件155件。\n群众诉求办结率100%。',
      parse: { format: 'plaintext' },
    },
    {
      name: 'a rate of its object in another section',
      code: '一、行政复议\n全年受理行政复议案件172件。\n依法审结行政复议案件155件。\n二、其他\n行政复议案件办结率100%。',
      parse: { format: 'plaintext' },
    },
    { name: 'full/001: 99.7% for 3590/3600', code: '开展10多个行业领域企业安全检查,今年共排查隐患3600条,整改3590条,整改率99.7%。' },
    {
      name: 'full/001: truncation 45.94% for 17/37 across two sentences',
      code: '根据2021年信访矛盾化解攻坚年工作要求,对辖区内20个村(社区)存在信访问题逐一进行了摸排、剖析,确定37件矛盾隐患。截至目前,已化解17起,矛盾隐患化解达成率为45.94%,其中,含重点信访事件4起。',
    },
    { name: 'full/004: a rate without its concluded count', code: '市网络理政平台共受理群众诉求96.8万件,办结率99.95%。' },
    {
      name: 'carried-over work changes the basis',
      code: '受理行政复议案件50件（含上年结转5件），办结55件，办结率100%。',
    },
    { name: 'approximate counts are not divided', code: '受理信访件两百余件，办结两百件，办结率100%。' },
    {
      name: 'a change in percentage points is no rate value',
      code: '受理行政复议案件172件，办结155件，办结率较上年提高9个百分点。',
    },
    { name: 'full/002: 调解成功率 without a success count', code: '2020年,各级人民调解组织共调解纠纷1171件,调解成功率98%,排查纠纷284次,预防纠纷89件。' },
    { name: 'rounding to one digit', code: '受理行政复议案件3件，办结2件，办结率66.7%。' },
    { name: 'rounding to 100%', code: '受理群众诉求2000件，办结1999件，办结率100%。' },
    { name: 'another verb: 答复 is not 办结', code: '收到政府信息公开申请10件，答复10件，办结率80%。' },
    { name: 'the next paragraph names its own basis', code: '受理行政复议案件172件，办结155件。\n\n各类案件办结率100%。' },
    { name: 'full/003: 新增率 has no base count in the text', code: '2022年,我县市场主体新增28745户,新增率为68.67%,注销3126户,注销注册率为10.87%。' },
    { name: 'a share that matches its part', code: '受理行政复议案件50件，其中维持20件，占比40%。' },
    {
      name: 'a mediated-settlement rate is a share of concluded cases',
      code: '受理行政复议案件30件，审结28件，审结率93.3%，其中调解结案8件，调解结案率28.6%。',
    },
    {
      name: 'a correction rate is over concluded cases',
      code: '全国新收行政复议案件31.5万件，作出撤销、变更、确认违法等纠错决定2.73万件，纠错率达12.83%。',
    },
    { name: 'timeliness is not completion: 按期办结率', code: '受理信访事项356件，办结352件，按期办结率98.9%。' },
    { name: 'counts rounded to 万', code: '受理投诉举报1.5万件，办结1.49万件，办结率99.6%。' },
    { name: 'timeliness is not completion: 按时办结率', code: '受理政务服务事项200件，办结180件，按时办结率100%。' },
    { name: 'timeliness is not completion: 办结时限率', code: '全年受理审批事项218件，办结200件，办结时限率均达100%。' },
  ],
  invalid: [
    {
      name: 'a rate that names its object, with its counts earlier in the section: a warning',
      code: '一、行政复议\n全年受理行政复议案件172件。\n依法审结行政复议案件155件。\n行政复议案件办结率100%。',
      parse: { format: 'plaintext' },
      errors: [{ messageId: 'mismatch', severity: 'warn', line: 4, messageIncludes: '应为90.12%' }],
    },
    {
      name: '出庭率 from 应出庭 and 实际出庭 counts',
      code: '应出庭案件50件，行政机关负责人实际出庭45件，出庭率100%。',
      errors: [{ messageId: 'mismatch', severity: 'error', messageIncludes: '应为90%' }],
    },
    {
      name: '出庭应诉率 in the next sentence of the paragraph',
      code: '全年应出庭行政诉讼案件40件，负责人出庭应诉36件。行政机关负责人出庭应诉率达100%。',
      errors: [{ messageId: 'mismatch', messageIncludes: '应为90%' }],
    },
    {
      name: 'a rate written in words (百分之九十五)',
      code: '全年受理行政复议案件100件，办结90件，办结率为百分之九十五。',
      errors: [{ messageId: 'mismatch', text: '办结率为百分之九十五', messageIncludes: '应为90%' }],
    },
    {
      name: 'the issue’s example: 100% for 155/172',
      code: '全年受理行政复议案件172件，办结155件，办结率100%。',
      errors: [
        {
          messageId: 'mismatch',
          severity: 'error',
          line: 1,
          text: '办结率100%',
          messageIncludes: '办结率写作100%，但按办结数（155件）÷受理数（172件）计算应为90.12%',
        },
      ],
    },
    {
      name: 'one digit too high',
      code: '今年共排查隐患3600条，整改3590条，整改率99.9%。',
      errors: [{ messageId: 'mismatch', text: '整改率99.9%', messageIncludes: '99.72%' }],
    },
    {
      name: 'two sentences, elided object',
      code: '确定37件矛盾隐患。截至目前，已化解17起，矛盾隐患化解达成率为48.94%。',
      errors: [{ messageId: 'mismatch', text: '矛盾隐患化解达成率为48.94%', messageIncludes: '45.946%' }],
    },
    {
      name: '万 multiplier',
      code: '市网络理政平台共受理群众诉求96.8万件，办结96.2万件，办结率99.95%。',
      errors: [{ messageId: 'mismatch', messageIncludes: '99.38%' }],
    },
    {
      name: 'Chinese numerals',
      code: '收到政府信息公开申请十五件，答复十二件，答复率100%。',
      errors: [{ messageId: 'mismatch', messageIncludes: '应为80%' }],
    },
    {
      name: 'thousands separators',
      code: '全年立案查处行政处罚案件1,436件，结案1,200件，结案率95.2%。',
      errors: [{ messageId: 'mismatch', messageIncludes: '83.57%' }],
    },
    {
      name: 'full-width digits and percent sign',
      code: '受理行政复议案件１７２件，审结１５５件，审结率９９％。',
      errors: [{ messageId: 'mismatch', text: '审结率９９％' }],
    },
    {
      name: 'a share that contradicts its part',
      code: '受理行政复议案件50件，其中维持20件，占比50%。',
      errors: [{ messageId: 'mismatch', text: '占比50%', messageIncludes: '应为40%' }],
    },
    {
      name: 'problems found and rectified',
      code: '开展执法检查，发现问题35个，整改30个，整改率95%。',
      errors: [{ messageId: 'mismatch', messageIncludes: '85.71%' }],
    },
    {
      name: 'two rate names, one has counts',
      code: '共收到政协提案74件，办结60件，办结率、答复率达100%。',
      errors: [{ messageId: 'mismatch', text: '办结率、答复率达100%' }],
    },
    {
      name: 'mediation success over mediations',
      code: '各级人民调解组织共调解纠纷120件，调解成功100件，调解成功率98%。',
      errors: [{ messageId: 'mismatch', messageIncludes: '83.33%' }],
    },
    {
      name: 'half-width punctuation, second line',
      code: '二、主要成效\n共收到行政复议案件106件,审结90件,审结率94.5%;',
      errors: [{ messageId: 'mismatch', line: 2, messageIncludes: '84.91%' }],
    },
  ],
});
