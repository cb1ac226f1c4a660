import fc from 'fast-check';
import { parse, reparse } from '@fzlint/parser';
import { createAnalysisCache, resolveSettings, runRule } from '@fzlint/rule-api';
import { describe, expect, it } from 'vitest';
import { buildLedger, figureLedger, type FigureLedger } from './figures.js';
import { figureLedgerData, figuresAt, formatFigureTable } from './figures-data.js';
import { statisticsRules } from './index.js';
import { extractStatisticsUncached } from './relations.js';

const doc = (text: string, reportYear = 2022) => parse(text, { format: 'plaintext', reportYear });
const keyOf = (ledger: FigureLedger, figure: string) => ledger.statements.find((s) => s.text === figure)?.key;

describe('metric keys', () => {
  it('object, measure and verb sense, scope, period and unit of each figure', () => {
    const l = figureLedger(doc('全年共受理行政复议案件120件，审结118件。市本级收到政府信息公开申请35件。'));
    expect(keyOf(l, '120件')).toMatchObject({ object: 'administrative-review-case', measure: 'received', basis: 'accept', unit: 'item' });
    expect(keyOf(l, '118件')).toMatchObject({ object: 'administrative-review-case', measure: 'concluded', basis: 'close' });
    expect(keyOf(l, '35件')).toMatchObject({ object: 'information-disclosure-request', basis: 'receive', scope: { kind: 'own-level', id: '市本级' } });
  });

  it('periods: named years against the report year, 上年, 累计, 近三年, 截至, 以来, parts of a year', () => {
    const l = figureLedger(
      doc(
        '2022年受理行政复议案件120件。2021年受理行政复议案件90件。2019年受理行政复议案件60件。累计受理行政复议案件560件。近三年受理行政复议案件300件。截至6月底，受理行政复议案件50件。2019年以来受理行政复议案件400件。上半年受理行政复议案件55件。',
      ),
    );
    const periods = l.statements.map((s) => s.key.period.id);
    expect(periods).toEqual(['current', 'previous', 'year:2019', 'cumulative', 'recent:近3年', 'as-of:截至6月底', 'since:2019', 'span:上半年']);
  });

  it('an elided object brings the period of the sentence before; a named one does not', () => {
    const l = figureLedger(doc('2021年，全市受理行政复议案件100件。审结95件。受理信访事项50件。'));
    expect(l.statements.map((s) => `${s.text}:${s.key.period.id}:${s.key.scope.kind}`)).toEqual(['100件:previous:area', '95件:previous:area', '50件:current:report']);
  });

  it('carried-over and new work, 上年未结 included', () => {
    const l = figureLedger(doc('全年新收行政复议案件60件，上年结转5件，审结62件。上年未结行政诉讼案件3件。'));
    expect(l.statements.map((s) => `${s.text}:${s.key.measure}:${s.key.period.id}`)).toEqual([
      '60件:new:current',
      '5件:carried-over:current',
      '62件:concluded:current',
      '3件:carried-over:current',
    ]);
  });

  it('whose figure: a named unit before the verb', () => {
    const l = figureLedger(doc('市司法局受理行政复议案件20件，审结18件。'));
    expect(l.statements.map((s) => s.key.scope)).toEqual([
      { kind: 'unit', text: '市司法局', id: '/市司法局' },
      { kind: 'unit', text: '市司法局', id: '/市司法局' },
    ]);
  });

  it('parts of a total have the total’s key in their scope', () => {
    const l = figureLedger(doc('全年受理信访事项120件，其中来信70件、来访50件。'));
    const part = l.statements.find((s) => s.text === '70件');
    expect(part?.key.scope.kind).toBe('part');
    expect(part?.key.scope.id).toContain(l.statements[0]!.keyId);
  });

  it('places: a heading, a 《》 title and the body', () => {
    const l = figureLedger(doc('一、受理行政复议案件120件\n印发《关于办理提案100件的通知》。\n全年受理行政复议案件128件。'));
    expect(l.statements.map((s) => `${s.text}:${s.place}`)).toEqual(['120件:heading', '100件:citation', '128件:body']);
  });
});

describe('the ledger API', () => {
  const text = '全年共受理行政复议案件120件。\n坚持依法行政。\n今年受理行政复议案件128件。\n受理政府信息公开申请128件，同比增长20%（上年为90件）。';
  const document = doc(text);
  const ledger = figureLedger(document);

  it('indices follow text order and match the full list', () => {
    ledger.statements.forEach((s, i) => expect(s.index).toBe(i));
    expect(ledger.conflicts.map((c) => [c.later.index, c.earlier.index])).toEqual([[1, 0]]);
  });

  it('figuresAt: the figure under an offset and the other statements of its key (hover)', () => {
    const at = figuresAt(ledger, text.indexOf('128件') + 1);
    expect(at?.statement.text).toBe('128件');
    expect(at?.sameKey.map((s) => s.text)).toEqual(['120件']);
    expect(figuresAt(ledger, 0)).toBeUndefined();
  });

  it('the data form is JSON-safe and names each figure’s key', () => {
    const data = figureLedgerData(ledger, document);
    expect(JSON.parse(JSON.stringify(data))).toEqual(data);
    expect(data.figures[0]).toMatchObject({
      line: 1,
      text: '120件',
      object: { id: 'administrative-review-case', name: '行政复议案件' },
      measure: 'received',
      verb: '受理',
      period: { id: 'current', text: '全年' },
      sameKey: [1],
      place: 'body',
    });
    expect(figureLedgerData(ledger, document, { locale: 'en' }).figures[0]?.object.name).toBe('administrative review cases');
  });

  it('the table has a header and one row per figure, aligned', () => {
    const table = formatFigureTable(figureLedgerData(ledger, document));
    const rows = table.trimEnd().split('\n');
    expect(rows).toHaveLength(ledger.statements.length + 1);
    expect(rows[0]).toMatch(/^行\s+数字\s+对象\s+量\s+口径\s+时期\s+同键$/);
    expect(rows[1]).toMatch(/^1\s+120件\s+行政复议案件\s+收到（受理）\s+—\s+全年\s+3$/);
    expect(formatFigureTable(figureLedgerData(ledger, document, { locale: 'en' }), { locale: 'en' })).toMatch(/^line\s+figure/);
  });

  it('is computed once per document', () => {
    expect(figureLedger(document)).toBe(ledger);
  });
});

describe('section pairs', () => {
  // needs() makes no statement for a concluded count with no received count of its object before it
  // (mayPairInSection): the pair is found only with the received count first.
  it('a concluded count pairs with an earlier received count of its section, not a later one', () => {
    const earlier = figureLedger(doc('一、行政复议\n\n全年共受理行政复议案件120件。\n\n此外，开展培训12场，审结行政复议案件118件。'));
    expect(earlier.sectionPairs.map((p) => `${p.received.value}->${p.concluded.value}:${p.reach}`)).toEqual(['120->118:section']);
    const later = figureLedger(doc('一、行政复议\n\n此外，开展培训12场，审结行政复议案件118件。\n\n全年共受理行政复议案件120件。'));
    expect(later.sectionPairs).toEqual([]);
    expect(later.statements.map((s) => s.text)).toEqual(['12场', '118件', '120件']);
  });
});

describe('changes', () => {
  // Only a change of a figure the ledger made a statement of is compared: its statement is made with
  // the ledger, the others' (no count or rate subject) with the full list, in their place and order.
  it('a change with a count subject is compared; one without is in the full list, keyed with no subject', () => {
    const ledger = figureLedger(doc('受理政府信息公开申请128件，同比增长20%（上年为90件）。办理行政执法案件数量同比下降15%。'));
    expect(ledger.changes.map((c) => [c.statement.index, c.statement.text, c.current.text, c.base.value])).toEqual([[1, '同比增长20%', '128件', 90]]);
    expect(ledger.statements.map((s) => [s.index, s.kind, s.text])).toEqual([
      [0, 'count', '128件'],
      [1, 'change', '同比增长20%'],
      [2, 'count', '90件'],
      [3, 'change', '同比下降15%'],
    ]);
    expect(ledger.statements[3]?.keyId).toBe('||change||report||current|%');
    expect(ledger.statements[1]).toBe(ledger.changes[0]?.statement);
    expect(ledger.byKey.get('||change||report||current|%')).toEqual([ledger.statements[3]]);
  });

  it('a change without a subject still ends the stretch of its sentence the next change’s alternatives come from', () => {
    const after = figureLedger(doc('受理行政复议案件50件，全市经济增长5%，审结48件，同比增长25%（上年为40件）。'));
    expect(after.changes.map((c) => [c.current.text, c.alternatives.map((a) => a.value)])).toEqual([['48件', []]]);
    const before = figureLedger(doc('全市经济增长5%，受理行政复议案件50件，审结48件，同比增长25%（上年为40件）。'));
    expect(before.changes.map((c) => [c.current.text, c.alternatives.map((a) => a.value)])).toEqual([['48件', [50]]]);
    expect(before.statements.map((s) => [s.index, s.kind, s.text])).toEqual([
      [0, 'change', '增长5%'],
      [1, 'count', '50件'],
      [2, 'count', '48件'],
      [3, 'change', '同比增长25%'],
      [4, 'count', '40件'],
    ]);
    expect(before.changes[0]?.statement.index).toBe(3);
  });

  it('a report whose changes have no figure compares none, and lists them all', () => {
    const ledger = figureLedger(doc('全市经济增长5%。\n\n办理行政执法案件数量同比下降15%。'));
    expect(ledger.changes).toEqual([]);
    expect(ledger.statements.map((s) => [s.index, s.kind, s.text, s.place])).toEqual([
      [0, 'change', '增长5%', 'body'],
      [1, 'change', '同比下降15%', 'body'],
    ]);
  });
});

describe('with an analysis cache', () => {
  it('the ledger of an edited document equals the one of a cold pass', () => {
    const analysisCache = createAnalysisCache();
    let document = doc('全年共受理行政复议案件120件，审结118件。\n坚持依法行政。\n今年受理行政复议案件128件。');
    const strip = (l: FigureLedger) => l.statements.map((s) => [s.index, s.keyId, s.range.start, s.range.end, s.value, s.place]);
    expect(strip(figureLedger(document, analysisCache))).toEqual(strip(buildLedger(document, extractStatisticsUncached(document))));
    for (const edit of [
      { range: { start: 0, end: 0 }, text: '2022年，' },
      { range: { start: 20, end: 21 }, text: '' },
      { range: { start: 30, end: 30 }, text: '\n上年受理行政复议案件90件。' },
    ]) {
      document = reparse(document, [edit]);
      expect(strip(figureLedger(document, analysisCache))).toEqual(strip(buildLedger(document, extractStatisticsUncached(document))));
    }
  });
});

describe('hostile numbers', () => {
  const digits = (n: number) => '9'.repeat(n);
  const TEMPLATES = [
    (a: string, b: string) => `全年共受理行政复议案件${a}件。\n今年受理行政复议案件${b}件。`,
    (a: string, b: string) => `受理政府信息公开申请${a}件，同比增长20%（上年为${b}件）。`,
    (a: string, b: string) => `全年新收行政复议案件${a}件，上年结转${b}件，审结${a}${b}件。`,
    (a: string, b: string) => `全年受理行政复议案件${a}件，其中新收${b}件、上年结转${b}件。`,
    (a: string, b: string) => `受理行政复议案件${a}件，办结${b}件，办结率${a}%。`,
    (a: string, b: string) => `新增市场主体${a}户，注销${b}户，净增${b}户。`,
    (a: string, b: string) => `受理行政复议案件${a}件，是上年的${b}倍（上年为${b}件）。`,
    (a: string, b: string) => `行政复议案件办结率${a}%，较上年提高${b}个百分点（上年为${b}%）。`,
  ];

  it('messages never say NaN, Infinity or undefined, nor use exponent notation (400-digit counts)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...TEMPLATES),
        fc.integer({ min: 1, max: 400 }),
        fc.integer({ min: 1, max: 400 }),
        fc.boolean(),
        (template, la, lb, fullWidth) => {
          let text = template(digits(la), digits(lb));
          if (fullWidth) text = text.replace(/[0-9]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
          const document = doc(text);
          for (const locale of ['zh-CN', 'en'] as const) {
            const settings = resolveSettings(document, { locale });
            for (const rule of statisticsRules) {
              for (const d of runRule(rule, document, { settings })) {
                const all = [d.message, ...(d.related ?? []).map((r) => r.message)].join('\n');
                expect(all).not.toMatch(/NaN|Infinity|undefined|\de[+-]\d/);
              }
            }
          }
          const data = figureLedgerData(figureLedger(document), document);
          expect(JSON.stringify(data)).not.toMatch(/NaN|Infinity/);
          expect(formatFigureTable(data)).not.toMatch(/NaN|Infinity|undefined/);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('a count beyond 10^15 is not a figure; one just below it still adds up exactly', () => {
    expect(figureLedger(doc(`受理行政复议案件${digits(400)}件。`)).statements).toEqual([]);
    const big = '999999999999999';
    const document = doc(`全年受理行政复议案件${big}件，其中新收${big}件、上年结转5件。`);
    const messages = statisticsRules.flatMap((rule) => runRule(rule, document, { settings: resolveSettings(document) })).map((d) => d.message);
    expect(messages.join('\n')).toContain('1000000000000004件');
  });
});

describe('cost', () => {
  it('stays linear when one figure, its changes and its carried-over work repeat thousands of times in one section', () => {
    const unit =
      '今年受理行政复议案件12件，同比增长20%。上年受理行政复议案件10件。上年结转行政复议案件1件。依法审结行政复议案件20件。行政复议案件办结率90%。新收行政复议案件9件。受理行政复议案件13件。\n';
    const time = (n: number) => {
      const document = doc(`一、行政复议\n${unit.repeat(n)}`);
      const settings = resolveSettings(document);
      const t = performance.now();
      for (const rule of statisticsRules) runRule(rule, document, { settings });
      return performance.now() - t;
    };
    time(100);
    const ratio = () => Math.min(time(800), time(800)) / Math.min(time(100), time(100));
    // Linear would be ~8×, quadratic 64×: the bound leaves room for a shared, noisy machine, and
    // a ratio over it is measured once more (a quadratic cost exceeds it every time, a pause not).
    let r = ratio();
    if (r >= 30) r = Math.min(r, ratio());
    expect(r).toBeLessThan(30);
  });
});
