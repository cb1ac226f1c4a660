import { RuleTester } from '@fzlint/rule-api/testing';
import rule from './rate-out-of-range.js';

new RuleTester().run(rule, {
  valid: [
    {
      name: 'full/002: growth of a rate is exempt',
      code: '2020年,区政府共处理行政应诉案件35件,行政机关负责人出庭应诉率较上一年提高40%,在全市各级政府中排名第一。',
    },
    { name: 'full/000: efficiency growth without a rate name', code: '执法效能提升140%以上。' },
    { name: 'a growth rate may exceed 100%', code: '市场主体数量增长率为120%。' },
    { name: 'plan fulfilment may exceed 100%', code: '年度普法任务完成率达120%。' },
    { name: 'year-on-year growth', code: '受理行政复议案件同比增长150%。' },
    { name: 'percentage points', code: '全市镇(街道)政务服务第三方测评满意率98%,较去年提升2个百分点。' },
    { name: 'a multiple', code: '联合执法领域和检查对象同比增长6倍和8倍。' },
    { name: 'full/002: 100% is in range', code: '2020年,共办理政协提案74件,办结率、答复率达100%。' },
    { name: 'e005: from one rate to another', code: '“一门进”进驻率由76%提升至92%。' },
    { name: 'an upper bound', code: '行政执法案卷合格率近100%。' },
    { name: 'a percentage without a rate name', code: '实现100%公开征求意见、100%合法性审核、100%备案。' },
    { name: 'per-capita figures are no rates', code: '千人拥有市场主体107.48户。' },
  ],
  invalid: [
    {
      name: 'attendance above 100%',
      code: '全市行政机关负责人出庭应诉率达120%。',
      errors: [{ messageId: 'outOfRange', severity: 'error', line: 1, text: '全市行政机关负责人出庭应诉率达120%', messageIncludes: '120%' }],
    },
    { name: '办结率为105%', code: '全年办结率为105%。', errors: [{ messageId: 'outOfRange', text: '全年办结率为105%' }] },
    { name: 'decimals', code: '隐患整改率101.5%。', errors: [{ messageId: 'outOfRange', messageIncludes: '101.5%' }] },
    { name: 'a share', code: '市政府规范性文件占比达到110%。', errors: [{ messageId: 'outOfRange' }] },
    { name: 'full-width', code: '信息公开申请答复率１２０％。', errors: [{ messageId: 'outOfRange', text: '信息公开申请答复率１２０％' }] },
    {
      name: 'two names share one value',
      code: '人大代表建议和政协提案办结率、答复率均达105%。',
      errors: [
        { messageId: 'outOfRange', messageIncludes: '办结率' },
        { messageId: 'outOfRange', messageIncludes: '答复率' },
      ],
    },
    { name: 'just above', code: '群众满意率为100.2%。', errors: [{ messageId: 'outOfRange' }] },
    { name: 'a lower bound above 100', code: '群众满意率超过105%。', errors: [{ messageId: 'outOfRange' }] },
    { name: 'on the third line', code: '# 报告\n\n矛盾纠纷化解率达到150%。', errors: [{ messageId: 'outOfRange', line: 3 }] },
    { name: '比例', code: '法律顾问参与重大决策比例为130%。', errors: [{ messageId: 'outOfRange' }] },
    {
      name: 'after counts, half-width punctuation',
      code: '受理行政复议案件20件,办结20件,办结率200%.',
      errors: [{ messageId: 'outOfRange', text: '办结率200%' }],
    },
  ],
});
