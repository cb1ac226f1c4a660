import { parse } from '@fzlint/parser';
import { describe, expect, it } from 'vitest';
import { createAnalysisCache, defineRule, resolveSettings, runRule, type RelatedDescriptor } from '../src/index.js';

/** Reports one finding per given `related` array (as an incremental lint reports a kept finding again). */
function ruleReporting(arrays: () => readonly (readonly RelatedDescriptor<'source'>[])[]) {
  return defineRule({
    meta: {
      id: 'continuity/test-related',
      family: 'continuity',
      defaultSeverity: 'info',
      description: { 'zh-CN': '测试', en: 'test' },
      fixable: false,
      messages: {
        copied: { 'zh-CN': '与上年相同', en: 'same as last year' },
        source: { 'zh-CN': '上年第{{n}}段', en: 'paragraph {{n}} last year' },
      },
    },
    check(_document, context) {
      for (const related of arrays()) context.report({ messageId: 'copied', range: { start: 0, end: 2 }, related });
    },
  });
}

describe('related places in last year\'s report, kept for a `related` array reported again', () => {
  const lastYear = '上年推进法治政府建设。\n\n上年完善依法行政制度。';
  const previous = { document: parse(lastYear, { format: 'plaintext' }), filePath: '/ws/last.txt' };
  const data = { n: 2 };
  const related: RelatedDescriptor<'source'>[] = [{ in: 'previous', range: { start: 13, end: 24 }, messageId: 'source', data }];
  const rule = ruleReporting(() => [related]);
  // An editor's lints (with an analysis cache) keep them; a one-off lint does not.
  const analysisCache = createAnalysisCache();
  const run = (text: string, opts: { locale?: 'zh-CN' | 'en'; previous?: typeof previous } = {}) => {
    const document = parse(text, { format: 'plaintext' });
    const settings = resolveSettings(document, opts.locale ? { locale: opts.locale } : {});
    return runRule(rule, document, { settings, analysisCache, previous: { ...(opts.previous ?? previous) } })[0]!;
  };
  /** The same finding from an array never reported before (built afresh). */
  const fresh = (text: string, opts: { locale?: 'zh-CN' | 'en'; previous?: typeof previous } = {}) => {
    const document = parse(text, { format: 'plaintext' });
    const settings = resolveSettings(document, opts.locale ? { locale: opts.locale } : {});
    const once = ruleReporting(() => [related.map((r) => ({ ...r, data: { ...r.data } }))]);
    return runRule(once, document, { settings, previous: { ...(opts.previous ?? previous) } })[0]!;
  };

  it('gives the places built last time for another text of this year\'s report (same as built afresh)', () => {
    const first = run('推进法治政府建设。');
    expect(first.related).toEqual([{ range: { start: 13, end: 24 }, message: '上年第2段', filePath: '/ws/last.txt', start: { line: 3, column: 1 }, end: { line: 3, column: 12 } }]);
    const second = run('字推进法治政府建设。\n');
    expect(second.related).toBe(first.related);
    expect(second).toEqual(fresh('字推进法治政府建设。\n'));
    const document = parse('推进法治政府建设。', { format: 'plaintext' });
    // A one-off lint (no analysis cache) keeps nothing for an array it was given.
    const unseen = related.map((r) => ({ ...r }));
    const oneOffRule = ruleReporting(() => [unseen]);
    const oneOff = () => runRule(oneOffRule, document, { settings: resolveSettings(document, {}), previous: { ...previous } })[0]!.related;
    expect(oneOff()).toEqual(first.related);
    expect(oneOff()).not.toBe(oneOff());
  });

  it('builds them again for another locale, another report of last year, changed data or a moved place', () => {
    const first = run('推进法治政府建设。');
    const english = run('推进法治政府建设。', { locale: 'en' });
    expect(english.related).not.toBe(first.related);
    expect(english).toEqual(fresh('推进法治政府建设。', { locale: 'en' }));
    expect(english.related![0]!.message).toBe('paragraph 2 last year');

    const other = { document: parse(`前言\n${lastYear}`, { format: 'plaintext' }), filePath: '/ws/other.txt' };
    const elsewhere = run('推进法治政府建设。', { previous: other });
    expect(elsewhere).toEqual(fresh('推进法治政府建设。', { previous: other }));
    expect(elsewhere.related![0]!.filePath).toBe('/ws/other.txt');
    expect(elsewhere.related![0]!.start).toEqual({ line: 2, column: 11 });

    const before = run('推进法治政府建设。');
    data.n = 3;
    const renumbered = run('推进法治政府建设。');
    expect(renumbered.related).not.toBe(before.related);
    expect(renumbered.related![0]!.message).toBe('上年第3段');
    expect(renumbered).toEqual(fresh('推进法治政府建设。'));

    related[0] = { ...related[0]!, range: { start: 0, end: 11 } };
    const moved = run('推进法治政府建设。');
    expect(moved.related![0]!.start).toEqual({ line: 1, column: 1 });
    expect(moved).toEqual(fresh('推进法治政府建设。'));
  });
});
