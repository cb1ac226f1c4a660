import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parse, type NumberMention } from '../src/index.js';
import { numeralSpans } from '../src/numbers.js';

/** The numbers of a one-sentence text, without offsets. */
function nums(text: string): Partial<NumberMention>[] {
  return parse(text).numbers.map((n) => ({
    raw: n.raw,
    value: n.value,
    kind: n.kind,
    approximate: n.approximate,
    ...(n.unit !== undefined ? { unit: n.unit } : {}),
  }));
}

describe('number extraction', () => {
  it('reads thousands separators', () => {
    expect(nums('共受理行政复议案件1,436件，审结1,400件。')).toEqual([
      { raw: '1,436件', value: 1436, kind: 'count', unit: '件', approximate: false },
      { raw: '1,400件', value: 1400, kind: 'count', unit: '件', approximate: false },
    ]);
  });

  it('applies 万/亿 multipliers and keeps the multiplier', () => {
    const doc = parse('全年接待群众211.29万人次，办件4.9万余件。');
    expect(doc.numbers.map((n) => [n.raw, n.value, n.unit, n.multiplier, n.approximateMarker, n.decimals])).toEqual([
      ['211.29万人次', 2112900, '人次', 10000, undefined, 2],
      ['4.9万余件', 49000, '件', 10000, '余', 1],
    ]);
  });

  it('reads 多 before the multiplier (10多万份)', () => {
    expect(nums('发放宣传资料10多万份。')).toEqual([{ raw: '10多万份', value: 100000, kind: 'count', unit: '份', approximate: true }]);
  });

  it('reads Chinese numerals with a unit', () => {
    const doc = parse('化解矛盾纠纷两百余起，排查隐患十五个，一千二百三十件。');
    expect(doc.numbers.map((n) => [n.raw, n.value, n.numeral, n.approximate])).toEqual([
      ['两百余起', 200, 'chinese', true],
      ['十五个', 15, 'chinese', false],
      ['一千二百三十件', 1230, 'chinese', false],
    ]);
  });

  it('does not read Chinese numerals in words (一个, 十九大, 一是, 统一)', () => {
    expect(nums('坚持一个中心，学习党的十九大精神，一是统一部署。')).toEqual([]);
  });

  it('reads percentages and percentage points', () => {
    expect(nums('办结率达到99.7%，同比提高2个百分点。')).toEqual([
      { raw: '99.7%', value: 99.7, kind: 'percent', unit: '%', approximate: false },
      { raw: '2个百分点', value: 2, kind: 'percent', unit: '个百分点', approximate: false },
    ]);
  });

  it('reads full-width digits and percent signs', () => {
    const doc = parse('共办理１２３件，占比４５．６％。');
    expect(doc.numbers.map((n) => [n.raw, n.value, n.fullWidth, n.kind])).toEqual([
      ['１２３件', 123, true, 'count'],
      ['４５．６％', 45.6, true, 'percent'],
    ]);
  });

  it('flags every approximation mark', () => {
    const doc = parse('近500件，约30人，超过200人，30人左右，90%以上，100多件，60余项。');
    expect(doc.numbers.map((n) => [n.value, n.approximateMarker])).toEqual([
      [500, '近'],
      [30, '约'],
      [200, '超过'],
      [30, '左右'],
      [90, '以上'],
      [100, '多'],
      [60, '余'],
    ]);
    expect(doc.numbers.every((n) => n.approximate)).toBe(true);
  });

  it('does not take 节约/最近/附近 for approximation marks', () => {
    const doc = parse('节约资金1.2亿元，最近3年，附近5家。');
    expect(doc.numbers.map((n) => [n.raw, n.approximate])).toEqual([
      ['1.2亿元', false],
      ['3年', false],
      ['5家', false],
    ]);
  });

  it('keeps money in 万元/亿元 as written', () => {
    expect(nums('投入资金5000万元，补贴300元。')).toEqual([
      { raw: '5000万元', value: 5000, kind: 'money', unit: '万元', approximate: false },
      { raw: '300元', value: 300, kind: 'money', unit: '元', approximate: false },
    ]);
  });

  it('gives years and dates their own kinds', () => {
    expect(parse('2022年，全年3月完成，2022年3月15日召开会议，2022-02-21发布，2021年度报告。').numbers.map((n) => [n.raw, n.kind])).toEqual([
      ['2022年', 'year'],
      ['3月', 'date'],
      ['2022年3月15日', 'date'],
      ['2022-02-21', 'date'],
      ['2021年度', 'year'],
    ]);
  });

  it('reads year ranges as years', () => {
    expect(parse('法治政府建设实施纲要(2021—2025年)。').numbers.map((n) => [n.raw, n.kind])).toEqual([
      ['2021', 'year'],
      ['2025年', 'year'],
    ]);
  });

  it('reads year ranges with hyphens and without 年', () => {
    expect(parse('《纲要(2016-2020年)》和规划(2021-2025)。').numbers.map((n) => [n.raw, n.kind])).toEqual([
      ['2016', 'year'],
      ['2020年', 'year'],
      ['2021', 'year'],
      ['2025', 'year'],
    ]);
  });

  it('does not read list numbering as numbers', () => {
    expect(parse('1.进一步强化理论武装。').numbers).toEqual([]);
    expect(parse('(2)强化考核3件。').numbers.map((n) => n.raw)).toEqual(['3件']);
  });

  it('treats hotlines and phone numbers as phones, not counts', () => {
    expect(parse('12345热线受理诉求3.2万件，联系电话0357-6222148。').numbers.map((n) => [n.raw, n.kind])).toEqual([
      ['12345', 'phone'],
      ['3.2万件', 'count'],
      ['0357-6222148', 'phone'],
    ]);
  });

  it('treats ordinals as ordinals', () => {
    expect(parse('召开第三次会议，第2批试点。').numbers.map((n) => [n.raw, n.kind, n.value])).toEqual([
      ['第三次', 'ordinal', 3],
      ['第2批', 'ordinal', 2],
    ]);
  });

  it('does not read 1.5 as a heading nor as two numbers', () => {
    const doc = parse('全年增长 1.5倍。');
    expect(doc.headings).toEqual([]);
    expect(doc.numbers.map((n) => [n.raw, n.value, n.decimals])).toEqual([['1.5倍', 1.5, 1]]);
  });

  it('links every number to its sentence', () => {
    const doc = parse('受理案件106件。审结115件。');
    expect(doc.numbers.map((n) => doc.sentences[n.sentenceIndex]?.text)).toEqual(['受理案件106件。', '审结115件。']);
  });
});

describe('document numbers', () => {
  it('reads 文号 with issuer prefix, year and serial', () => {
    const doc = parse('根据长府发〔2020〕9号文件和国办发〔2019〕28号精神。');
    expect(doc.documentNumbers.map((d) => [d.raw, d.prefix, d.year, d.serial, d.wellFormed])).toEqual([
      ['长府发〔2020〕9号', '长府发', 2020, 9, true],
      ['国办发〔2019〕28号', '国办发', 2019, 28, true],
    ]);
    // Parts of a document number are not counts.
    expect(doc.numbers.every((n) => n.kind === 'document-number')).toBe(true);
  });

  it('flags a missing closing bracket (year and serial run together)', () => {
    const doc = parse('《法治政府建设实施纲要(20212025年)》(中发〔202133号,以下简称《纲要》)');
    expect(doc.documentNumbers.map((d) => [d.raw, d.year, d.serial, d.wellFormed])).toEqual([['中发〔202133号', 2021, 33, false]]);
  });

  it('notes non-standard brackets', () => {
    const doc = parse('印发了宜府发[2021]5号文件。');
    expect(doc.documentNumbers.map((d) => [d.prefix, d.wellFormed, d.standardBrackets])).toEqual([['宜府发', true, false]]);
  });
});

describe('quoted references', () => {
  it('normalises dashes and brackets of 《》 titles', () => {
    const a = parse('对照《法治政府建设实施纲要（2021－2025年）》。').references[0];
    const b = parse('对照《法治政府建设实施纲要(2021—2025年)》。').references[0];
    expect(a?.kind).toBe('book-title');
    expect(a?.inner).toBe('法治政府建设实施纲要（2021－2025年）');
    expect(a?.normalized).toBe(b?.normalized);
    expect(a?.normalized).toBe('法治政府建设实施纲要(2021—2025年)');
  });

  it('reads plan-style quoted names with their suffix', () => {
    const refs = parse('开展“七五”普法和"十四五"规划，落实“放管服”改革。').references;
    expect(refs.map((r) => [r.inner, r.suffix])).toEqual([
      ['七五', '普法'],
      ['十四五', '规划'],
      ['放管服', '改革'],
    ]);
  });
});

describe('numeral scan', () => {
  // The scan replaced this regex; it must find exactly what the regex finds.
  const NUMERAL = /([0-9０-９]+(?:[,，][0-9０-９]{3}(?![0-9０-９]))*(?:[.．][0-9０-９]+)?)|([〇零一二两三四五六七八九十百千万亿]+)/g;
  const viaRegex = (text: string) => [...text.matchAll(NUMERAL)].map((m) => [m.index, m.index + m[0].length, m[1] !== undefined]);
  it('finds the numerals the regex finds, in any mix of digits, separators and Chinese numerals', () => {
    const unit = fc.constantFrom(...'0123456789０５９,，.．一二十百万亿两件年 a-'.split(''));
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 40 }), (units) => {
        const text = units.join('');
        expect(numeralSpans(text)).toEqual(viaRegex(text));
      }),
      { numRuns: 3000 },
    );
  });
  it('reads separators and decimals like the regex (1,234.5 / 12,34 / 1,2345 / 3．0)', () => {
    for (const text of ['1,234.5件', '12,34', '1,2345', '3．0', '1,234,567', '1.', '.5', '1，000，000元', '二〇二一年']) {
      expect(numeralSpans(text)).toEqual(viaRegex(text));
    }
  });
});
