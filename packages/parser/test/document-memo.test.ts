/**
 * Per-document memos (`documentMemo`) and `releaseDocument`: a released document has
 * nothing left in any memo, other documents keep theirs, and a released document still
 * re-parses to what a whole parse gives (its parse state is one of the memos).
 */
import { describe, expect, it } from 'vitest';
import { documentMemo, parse, releaseDocument, reparse } from '../src/index.js';

const TEXT = '# 2023年法治政府建设年度报告\n\n一、主要举措\n\n全年办理行政复议案件12件，同比增长20%。\n';

describe('documentMemo and releaseDocument', () => {
  it('forgets one document in every memo and keeps the others', () => {
    const a = parse(TEXT, { format: 'markdown' });
    const b = parse(TEXT, { format: 'markdown' });
    const first = documentMemo<number>();
    const second = documentMemo<string>();
    first.set(a, 1);
    first.set(b, 2);
    second.set(a, 'a');
    releaseDocument(a);
    expect(first.has(a)).toBe(false);
    expect(second.has(a)).toBe(false);
    expect(first.get(b)).toBe(2);
  });

  it('leaves a released document re-parsable: the same document as a whole parse', () => {
    const doc = parse(TEXT, { format: 'markdown' });
    releaseDocument(doc);
    const at = TEXT.indexOf('12件');
    const edited = reparse(doc, [{ range: { start: at, end: at + 2 }, text: '15' }]);
    const whole = parse(TEXT.slice(0, at) + '15' + TEXT.slice(at + 2), { format: 'markdown' });
    expect(edited.sentences).toEqual(whole.sentences);
    expect(edited.numbers).toEqual(whole.numbers);
  });
});
