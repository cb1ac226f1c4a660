// heading-numbering's sequence findings share one data object while their values repeat (一、一、一、…:
// the engine renders one message for them); a break with other values gets its own.
import { parse } from '@fzlint/parser';
import { resolveSettings, runRule } from '@fzlint/rule-api';
import { describe, expect, it } from 'vitest';
import { rule } from './heading-numbering.js';

const lint = (text: string) => {
  const document = parse(text, { format: 'plaintext' });
  return runRule(rule, document, { settings: resolveSettings(document, { locale: 'zh-CN' }) });
};

describe('heading-numbering: repeated breaks', () => {
  it('shares the data of equal findings and keeps each message and value', () => {
    const body = '以坚持党的领导为核心，确保全面依法治县正确政治方向，推进法治社会建设。';
    const text = ['2022年，在市政府的坚强领导下，县政府坚持以习近平新时代中国特色社会主义思想为指引。', '一、加强组织领导', body, '一、完善制度机制', body, '一、深化普法宣传', body, '一、强化执法监督', body, '五、推进依法决策', body, '五、化解矛盾纠纷', body].join('\n') + '\n';
    const found = lint(text).filter((d) => d.messageId === 'repeated' || d.messageId === 'skipped');
    expect(found.map((d) => [d.messageId, d.data])).toEqual([
      ['repeated', { previous: '一、', actual: '一、', expected: '二、', missing: '' }],
      ['repeated', { previous: '一、', actual: '一、', expected: '二、', missing: '' }],
      ['repeated', { previous: '一、', actual: '一、', expected: '二、', missing: '' }],
      ['skipped', { previous: '一、', actual: '五、', expected: '二、', missing: '二、三、四、' }],
      ['repeated', { previous: '五、', actual: '五、', expected: '六、', missing: '' }],
    ]);
    expect(found[1]!.data).toBe(found[0]!.data);
    expect(found[2]!.data).toBe(found[0]!.data);
    expect(found[3]!.data).not.toBe(found[2]!.data);
    expect(found[0]!.message).toBe('标题编号“一、”与上一个同级标题重复；此处应为“二、”。');
    expect(found[3]!.message).toBe('标题编号从“一、”跳到了“五、”，缺少“二、三、四、”；此处应为“二、”。');
    expect(found[4]!.message).toBe('标题编号“五、”与上一个同级标题重复；此处应为“六、”。');
    // The next check starts afresh: nothing of this one's data is reused by another document's.
    const again = lint(text).filter((d) => d.messageId === 'repeated');
    expect(again[0]!.data).not.toBe(found[0]!.data);
  });
});
