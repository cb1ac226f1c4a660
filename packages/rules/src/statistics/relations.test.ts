import fc from 'fast-check';
import { PART_MARKERS } from '@fzlint/ontology';
import { parse } from '@fzlint/parser';
import { describe, expect, it } from 'vitest';
import { extractStatistics, nextPartMarker, splitLabel, statisticsAt } from './relations.js';

const stats = (text: string) => extractStatistics(parse(text, { format: 'plaintext' }));

describe('extractStatistics', () => {
  it('computes once per document', () => {
    const document = parse('共收到行政复议案件106件,审结90件。', { format: 'plaintext' });
    expect(extractStatistics(document)).toBe(extractStatistics(document));
  });

  it('reads verb, object, scope and bounds of each count', () => {
    const { mentions } = stats('区本级受理行政复议案件6件，审结两百余件。');
    expect(
      mentions.map((m) => [m.number.raw, m.action, m.verb?.text, m.object?.key, m.object?.inherited, m.scope, m.lower, m.upper]),
    ).toEqual([
      ['6件', 'received', '受理', 'administrative-review-case', false, '区本级', 6, 6],
      ['两百余件', 'concluded', '审结', 'administrative-review-case', true, '区本级', 200, Infinity],
    ]);
  });

  it('takes the object after the count and carries it to the next sentence', () => {
    const { relations } = stats('确定37件矛盾隐患。截至目前,已化解17起,矛盾隐患化解达成率为45.94%。');
    const rate = relations.find((r) => r.kind === 'rate');
    expect(rate?.kind === 'rate' && [rate.numerator.value, rate.denominator.value, rate.computed.toFixed(4)]).toEqual([
      17,
      37,
      '45.9459',
    ]);
  });

  it('reads a negated verb as a refusal or as pending work', () => {
    const { mentions } = stats('受理信访事项50件，不予受理3件，办结45件，未办结5件。');
    expect(mentions.map((m) => [m.action, m.verbText])).toEqual([
      ['received', '受理'],
      [undefined, '不予受理'],
      ['concluded', '办结'],
      ['pending', '未办结'],
    ]);
  });

  it('marks counts listed under 其中 or in brackets, and does not let them lend their object', () => {
    const { mentions } = stats('市场主体新增28745户(其中:企业3322户,个体工商户25423户),注销3126户。');
    expect(mentions.map((m) => [m.value, m.inPartList, m.object?.key])).toEqual([
      [28745, false, 'market-entity'],
      [3322, true, 'text:企业'],
      [25423, true, 'text:个体工商户'],
      [3126, false, 'market-entity'],
    ]);
  });

  it('keeps the precision of counts rounded to 万', () => {
    const { mentions } = stats('受理群众诉求96.8万件。');
    expect(mentions[0]?.precision).toBe(500);
  });

  it('finds what is under an offset, for hovers', () => {
    const text = '共收到行政复议案件106件,审结90件。';
    const result = stats(text);
    const at = statisticsAt(result, text.indexOf('90件'));
    expect(at.mention?.value).toBe(90);
    expect(at.relations.map((r) => r.kind)).toEqual(['received-concluded']);
    expect(statisticsAt(result, 0)).toEqual({ relations: [] });
  });
});

describe('nextPartMarker', () => {
  // The reference: a global regex of the markers, longest first, over the slice [from, end).
  const MARKER_RE = new RegExp(
    [...PART_MARKERS]
      .map((m) => m.text)
      .sort((a, b) => b.length - a.length)
      .join('|'),
    'g',
  );
  const byRegex = (text: string, from: number, end: number): number[] =>
    [...text.slice(from, end).matchAll(MARKER_RE)].map((m) => from + m.index);
  const byScan = (text: string, from: number, end: number): number[] => {
    const out: number[] = [];
    let length = 0;
    for (let at = nextPartMarker(text, from, end); at >= 0; at = nextPartMarker(text, at + length, end)) {
      out.push(at);
      length = MARKER_RE.source.split('|').find((m) => text.startsWith(m, at) && at + m.length <= end)!.length;
    }
    return out;
  };

  it('finds the markers a regex finds in the slice, also where the slice end cuts one', () => {
    const pieces = ['其中', '其', '中', '分别为', '分别是', '分别', '为', '包括', '包', '含', '件', '，', '。', '5'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 24 }), fc.nat(), fc.nat(), (parts, a, b) => {
        const text = parts.join('');
        const from = text.length === 0 ? 0 : a % (text.length + 1);
        const end = from + (text.length === from ? 0 : b % (text.length - from + 1));
        expect(byScan(text, from, end)).toEqual(byRegex(text, from, end));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('splitLabel', () => {
  it('maps a variant to its split word, after the lead punctuation and a trailing 的/类', () => {
    expect(splitLabel('：个体户的')).toBe('个体工商户');
    expect(splitLabel('男')).toBe('男性');
    expect(splitLabel('企业类')).toBe('企业');
  });
  it('leaves a label that only names an inherited property of an object as it is', () => {
    expect(splitLabel('constructor')).toBe('constructor');
    expect(splitLabel('toString')).toBe('toString');
  });
});
