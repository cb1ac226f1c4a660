import { parse } from '@fzlint/parser';
import { resolveSettings, runRule } from '@fzlint/rule-api';
import { RuleTester } from '@fzlint/rule-api/testing';
import { describe, expect, it } from 'vitest';
import rule from './concluded-exceeds-received.js';

describe('messages', () => {
  const code = '共收到行政复议案件106件，审结115件。';
  const document = parse(code, { format: 'plaintext' });
  it('name both counts and point at the received one (zh-CN)', () => {
    const [d] = runRule(rule, document, { settings: resolveSettings(document) });
    expect(d?.message).toBe('审结数（115件）大于收到数（106件）：同一行政复议案件的审结数不应超过收到数。');
    const at = code.indexOf('106件');
    expect(d?.related).toEqual([{ range: { start: at, end: at + '106件'.length }, message: '收到数（106件）' }]);
  });
  it('in English', () => {
    const [d] = runRule(rule, document, { settings: resolveSettings(document, { locale: 'en' }) });
    expect(d?.message).toBe('The 审结 count (115件) exceeds the 收到 count (106件) of the same administrative review cases.');
  });
});

new RuleTester().run(rule, {
  valid: [
    { name: 'full/000: 106 received, 90 concluded', code: '共收到行政复议案件106件,审结90件。' },
    { name: 'full/001: rectified below found, with the rate', code: '开展10多个行业领域企业安全检查,今年共排查隐患3600条,整改3590条,整改率99.7%。' },
    {
      name: 'full/002: replying before receiving is another body’s cases',
      code: '答复市政府行政复议案件13件,行政行为撤销率为0,区本级受理行政复议案件6件,均在法定期限内完成,案件办结率100%。',
    },
    { name: 'different scopes do not pair', code: '区本级受理行政复议案件6件，全区审结行政复议案件10件。' },
    { name: 'different objects do not pair', code: '受理行政复议案件50件，审结行政诉讼案件60件。' },
    { name: 'the head noun decides the object: leads are not problems', code: '排查问题线索120条，整改问题150个。' },
    { name: 'approximate 约 is no bound', code: '受理行政复议案件50件，审结约60件。' },
    { name: 'approximate 近 is an upper bound', code: '共受理行政复议案件50件，审结近60件。' },
    { name: 'growth against last year is not a count', code: '受理行政复议案件50件，审结数较上年增加60件。' },
    { name: 'a growth right before the number is a change', code: '受理行政复议案件50件，办结量增长60件。' },
    { name: 'per-capita figure is not a count', code: '共受理法律援助案件20件，人均办结35件。' },
    { name: 'money is not a count', code: '受理行政复议案件50件，办结涉案金额120万元。' },
    { name: 'document number is not a count', code: '共受理行政复议案件8件，依据长府发〔2020〕9号文件办结。' },
    { name: 'dates are not counts', code: '受理行政复议案件12件，于2023年3月15日前全部办结。' },
    { name: 'next paragraph does not inherit the object', code: '共收到行政复议案件10件。\n\n审结行政诉讼案件20件。' },
    { name: 'lost cases are a share of concluded ones', code: '2021年,全市共审结行政诉讼案件90件,败诉4件;共收到行政复议案件106件,审结90件。' },
    { name: 'occurrences (次) do not pair with cases (件)', code: '2020年,各级人民调解组织共调解纠纷1171件,调解成功率98%,排查纠纷284次,预防纠纷89件。' },
    {
      name: '不予受理 is a refusal, not a received count',
      code: '全年共收到行政复议申请128件，受理115件，不予受理13件，审结106件，其中维持68件，撤销12件，确认违法5件，驳回申请11件，终止10件，纠错率16%。',
    },
    { name: 'verbs handed out by 分别为', code: '受理和办结的行政复议案件分别为50件、45件。' },
    { name: 'counts of two years before a total over both', code: '2022年度受理行政复议案件30件，2021年度受理25件，两年共审结50件。' },
    { name: '不予受理 is a part of the applications', code: '2023年全区受理各类行政复议申请98件，依法受理86件，不予受理12件。' },
    {
      name: 'carried-over part inside the total, then concluded',
      code: '全年办理行政复议案件135件，其中新收120件、上年结转15件，审结128件，结案率94.8%。',
    },
    {
      name: 'a later sentence with its own total does not reach back',
      code: '受理行政复议申请35件。全年办理行政复议案件45件，审结40件。',
    },
    { name: 'replied and still in progress', code: '全年收到信息公开申请210件，已答复198件，其余12件正在办理中。' },
    { name: 'counts rounded to 万 within their rounding', code: '受理投诉举报1.49万件，办结1.494万件。' },
    { name: 'two hundred and more concluded out of three hundred', code: '受理群众来信来访三百件，办结两百余件。' },
    { name: 'new + carried-over cover the concluded cases: no finding at all', code: '全年新收行政复议案件60件，上年结转25件，审结80件。' },
    { name: 'concluded equal to new + carried-over', code: '全年新收行政复议案件60件，上年结转5件，审结65件。' },
    { name: '上年未结 is carried-over work', code: '上年未结行政复议案件5件，今年受理60件，审结63件。' },
    {
      name: 'carried-over work stated in the sentence before',
      code: '上年结转行政复议案件12件。今年新收行政复议案件60件，审结70件。',
    },
    {
      name: 'a count in another section is not paired',
      code: '一、行政复议\n全年受理行政复议案件50件。\n二、行政诉讼\n依法审结行政复议案件60件。',
      parse: { format: 'plaintext' },
    },
    { name: '出庭 is counted against 应出庭, not against the cases received', code: '受理行政诉讼案件40件，行政机关负责人出庭45件。' },
    { name: '实际出庭 within 应出庭', code: '应出庭案件50件，负责人实际出庭48件，出庭率96%。' },
  ],
  invalid: [
    {
      name: 'concluded above received, elided object',
      code: '共收到行政复议案件106件，审结115件。',
      errors: [{ messageId: 'exceeds', severity: 'error', line: 1, text: '115件', messageIncludes: '审结数（115件）大于收到数（106件）' }],
    },
    {
      name: 'scope word 全年 and 办结',
      code: '全年受理行政复议案件172件，办结185件。',
      errors: [{ messageId: 'exceeds', text: '185件', messageIncludes: '办结数（185件）大于受理数（172件）' }],
    },
    {
      name: 'hazards: 排查 / 整改',
      code: '今年共排查安全隐患3600条，整改3650条。',
      errors: [{ messageId: 'exceeds', text: '3650条' }],
    },
    {
      name: '万 multiplier',
      code: '市网络理政平台共受理群众诉求96.8万件，办结97.2万件。',
      errors: [{ messageId: 'exceeds', text: '97.2万件' }],
    },
    {
      name: 'Chinese numerals',
      code: '共收到政府信息公开申请十五件，答复十八件。',
      errors: [{ messageId: 'exceeds', text: '十八件', messageIncludes: '答复数（十八件）' }],
    },
    {
      name: 'thousands separators',
      code: '受理信访件1,436件，办结1,512件。',
      errors: [{ messageId: 'exceeds', text: '1,512件' }],
    },
    {
      name: 'full-width digits',
      code: '全年共收到行政复议申请１０６件，审结１１５件。',
      errors: [{ messageId: 'exceeds', text: '１１５件' }],
    },
    {
      name: 'two sentences, object after the count',
      code: '对辖区内20个村(社区)存在信访问题逐一进行了摸排、剖析,确定37件矛盾隐患。截至目前,已化解40起。',
      errors: [{ messageId: 'exceeds', text: '40起', messageIncludes: '化解数（40起）大于确定数（37件）' }],
    },
    {
      name: 'approximate concluded above an exact received',
      code: '受理行政诉讼案件180件，审结两百余件。',
      errors: [{ messageId: 'exceeds', text: '两百余件' }],
    },
    {
      name: 'the issue’s example: concluded above new + carried-over',
      code: '全年新收行政复议案件60件，上年结转5件，审结80件。',
      errors: [
        {
          messageId: 'exceedsWithCarriedOver',
          severity: 'error',
          text: '80件',
          messageIncludes: '审结数（80件）大于新收数（60件）与上年结转数（5件）之和（65件）',
        },
      ],
    },
    {
      name: 'carried-over work in the sentence before',
      code: '上年结转行政复议案件5件。今年新收行政复议案件60件，审结70件。',
      errors: [{ messageId: 'exceedsWithCarriedOver', text: '70件', messageIncludes: '之和（65件）' }],
    },
    {
      name: '旧存',
      code: '旧存行政诉讼案件3件，新收20件，审结25件。',
      errors: [{ messageId: 'exceedsWithCarriedOver', text: '25件', messageIncludes: '（23件）' }],
    },
    {
      name: '上年未结 and 受理',
      code: '上年未结行政复议案件5件，今年受理60件，审结70件。',
      errors: [{ messageId: 'exceedsWithCarriedOver', text: '70件' }],
    },
    {
      name: 'across paragraphs of a section: a warning',
      code: '一、行政复议\n全年受理行政复议案件50件。\n坚持依法审理。\n依法审结行政复议案件60件。',
      parse: { format: 'plaintext' },
      errors: [{ messageId: 'exceeds', severity: 'warn', line: 4, text: '60件' }],
    },
    {
      name: '实际出庭 above 应出庭',
      code: '应出庭案件50件，负责人实际出庭55件。',
      errors: [{ messageId: 'exceeds', text: '55件', messageIncludes: '实际出庭数（55件）大于应出庭数（50件）' }],
    },
    {
      name: 'carried-over cases only inform',
      code: '受理行政复议案件50件（含上年结转6件），审结55件。',
      errors: [{ messageId: 'exceedsCarriedOver', severity: 'info', text: '55件' }],
    },
    {
      name: 'scope 区本级 carries to the next clause',
      code: '区本级受理行政复议案件6件，审结8件。',
      errors: [{ messageId: 'exceeds', text: '8件' }],
    },
    {
      name: 'half-width punctuation',
      code: '共收到行政复议案件106件,审结115件;',
      errors: [{ messageId: 'exceeds', text: '115件' }],
    },
    {
      name: 'two clauses, the nearest object wins',
      code: '受理行政复议案件50件，受理行政诉讼案件20件，审结行政诉讼案件25件。',
      errors: [{ messageId: 'exceeds', text: '25件', messageIncludes: '（20件）' }],
    },
    {
      name: 'verbs handed out by 分别为',
      code: '全年新收、审结行政诉讼案件分别为30件、35件。',
      errors: [{ messageId: 'exceeds', text: '35件', messageIncludes: '审结数（35件）大于新收数（30件）' }],
    },
    {
      name: '立案 / 结案 on the third line',
      code: '# 2023年法治政府建设年度报告\n\n全年立案查处行政处罚案件320件，结案335件。',
      errors: [{ messageId: 'exceeds', line: 3, text: '335件' }],
    },
  ],
});
