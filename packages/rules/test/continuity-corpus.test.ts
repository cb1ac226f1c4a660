/**
 * The continuity rules on pairs of real reports (fixtures/corpus):
 *
 * - the corpus's real two-year pairs (渝中区 2020→2021, 西城区 2022→2023, 杭州市
 *   2022→2023; 平潭自然资源局 2022→2025) are clean: no warning, no error;
 * - every pair of reports of different issuers: nothing is a copy and no
 *   shortcoming is "repeated" (the false-alarm test of copied-passage and
 *   repeated-shortcomings);
 * - next-year drafts built from the corpus by transformation — another unit's
 *   text under this unit's next-year title, with passages of this unit's report
 *   copied in (years and figures retouched), its shortcomings reworded, its plan
 *   items reported on or not, its figures restated right or wrong — give exactly
 *   the findings the transformation put in, pointing at the right place of last
 *   year's report;
 * - cost grows linearly (n vs 8n).
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SHORTCOMING_GENERIC_WORDS, SHORTCOMING_MARKERS } from '@fzlint/ontology';
import { parse, type ReportDocument } from '@fzlint/parser';
import { resolveSettings, runRule, type AnyRule, type Diagnostic } from '@fzlint/rule-api';
import { describe, expect, it } from 'vitest';
import { continuityRules } from '../src/continuity/index.js';
import { comparePassage, previousIndex } from '../src/continuity/copies.js';
import { inScope, MIN_CONTENT } from '../src/continuity/copied-passage.js';
import { itemsOf } from '../src/continuity/items.js';
import { passagesOf } from '../src/continuity/passages.js';
import { keySegments } from '../src/continuity/terms.js';
import { extractStatistics } from '../src/statistics/index.js';

const CORPUS = join(dirname(fileURLToPath(import.meta.url)), '../../../fixtures/corpus');
const rule = (id: string): AnyRule => continuityRules.find((r) => r.meta.id === `continuity/${id}`)!;

interface Report {
  readonly name: string;
  readonly text: string;
  readonly issuer: string;
  readonly year: number;
  readonly doc: ReportDocument;
}

function load(index: string, dir: string): Report[] {
  return readFileSync(join(CORPUS, index), 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { file: string; issuer: string; report_year: number })
    .map((e) => {
      const path = join(CORPUS, dir, e.file);
      const text = readFileSync(path, 'utf8');
      // One key per unit: the index's names without notes in brackets and 人民政府.
      const issuer = e.issuer.replace(/[（(][^)）]*[)）]/g, '').replace(/人民政府|政府/g, '').replace(/^.*?(北京市|重庆市|杭州市)/, '$1');
      return { name: e.file.replace(/^.*\//, '').replace(/\.txt$/, ''), text, issuer, year: e.report_year, doc: parse(text, { filePath: path }) };
    });
}
const FULL = [...load('index.jsonl', ''), ...load('archive/index.jsonl', '')];
const ALL = [...FULL, ...load('excerpts/index.jsonl', 'excerpts')];
const byName = new Map(ALL.map((r) => [r.name, r]));

function lintPair(current: ReportDocument, previous: ReportDocument, rules: readonly AnyRule[] = continuityRules, reportYear?: number): Diagnostic[] {
  const settings = resolveSettings(current, reportYear !== undefined ? { reportYear } : {});
  return rules.flatMap((r) => runRule(r, current, { settings, previous: { document: previous, filePath: 'previous.txt' } }));
}
const describeFindings = (ds: readonly Diagnostic[]) => ds.map((d) => `${d.ruleId} ${d.severity} ${d.start.line}:${d.start.column} ${d.message}`);

/** Years moved on by one (a next-year draft). */
const nextYear = (s: string): string => s.replace(/(?<!\d)(20[12]\d)(?=\s*年)/g, (y) => String(Number(y) + 1));
/** Years moved on by one and every other figure changed: what a copy typed over looks like. */
const retouch = (s: string): string => nextYear(s).replace(/(?<![\d.])(\d{1,4})(?=[个件家项人次起条场])/g, (n) => String(Number(n) + 3));

/**
 * A next-year draft of `unit`'s report written from scratch: `body`'s text (another
 * unit's report, so nothing in it comes from `unit`) under `unit`'s next-year title.
 */
function draft(unit: Report, body: Report, insert: { after?: 'first-heading'; lines: readonly string[] } = { lines: [] }): string {
  const title = `${unit.issuer}${unit.year + 1}年法治政府建设情况报告`;
  let text = nextYear(body.text.slice(body.doc.bodyRange.start, body.doc.bodyRange.end));
  if (insert.lines.length) {
    const start = body.doc.bodyRange.start;
    const first = body.doc.headings[0];
    const at = first ? first.range.end - start : 0;
    text = `${text.slice(0, at)}\n${insert.lines.join('\n')}\n${text.slice(at)}`;
  }
  return `${title}\n${text}\n`;
}

/** Another unit's report with its own structure, used as the body of drafts. */
function donorFor(unit: Report): Report {
  return FULL.find((r) => r.issuer !== unit.issuer && r.name !== unit.name && r.doc.headings.length >= 5 && r.name !== 'm005')!;
}

describe('real pairs of the corpus are clean', () => {
  it.each([
    ['e005', 'e008'],
    ['e018', 'e027'],
    ['e022', 'e029'],
    ['m001', 'm004'],
  ])('%s → %s: no warning, no error', (last, current) => {
    const found = lintPair(byName.get(current)!.doc, byName.get(last)!.doc);
    expect(describeFindings(found.filter((d) => d.severity !== 'info'))).toEqual([]);
  });
});

describe('reports of different issuers', () => {
  it('no passage is a copy and no shortcoming a repeat, in any pair', () => {
    const found: string[] = [];
    for (const a of ALL) {
      for (const b of ALL) {
        if (a.issuer === b.issuer) continue;
        for (const d of lintPair(a.doc, b.doc, [rule('copied-passage'), rule('repeated-shortcomings')])) found.push(`${a.name} ← ${b.name}: ${d.message}`);
      }
    }
    expect(found).toEqual([]);
  });
});

describe('next-year drafts built from the corpus', () => {
  const units = FULL.filter((r) => passagesOf(r.doc).filter((p) => inScope(r.doc, p) && p.norm.text.length >= 80).length >= 3);

  it('has reports to build drafts from', () => {
    expect(units.length).toBeGreaterThanOrEqual(8);
  });

  describe.each(units.map((u) => [u.name, u] as const))('%s', (_, unit) => {
    const donor = donorFor(unit);
    const passages = passagesOf(unit.doc).filter((p) => inScope(unit.doc, p) && p.norm.text.length >= 80);
    // Three passages spread over the report (measures, and what comes later).
    const picked = [passages[0]!, passages[Math.floor(passages.length / 2)]!, passages[passages.length - 1]!].filter((p, i, a) => a.indexOf(p) === i);

    it('a draft written anew has no copied passage', () => {
      const clean = parse(draft(unit, donor), { format: 'plaintext' });
      expect(describeFindings(lintPair(clean, unit.doc, [rule('copied-passage')]))).toEqual([]);
    });

    it('passages copied from last year with years and figures typed over are found, each pointing at its source', () => {
      const copies = picked.map((p) => retouch(unit.text.slice(p.range.start, p.range.end)).replace(/\s*\n\s*/g, ''));
      const text = draft(unit, donor, { lines: copies });
      const found = lintPair(parse(text, { format: 'plaintext' }), unit.doc, [rule('copied-passage')]);
      expect(found.length, describeFindings(found).join('\n')).toBe(copies.length);
      found.forEach((d, i) => {
        expect(text.slice(d.range.start, d.range.end)).toBe(copies[i]);
        const source = picked[i]!;
        const pointed = d.related![0]!;
        expect(pointed.filePath).toBe('previous.txt');
        expect(pointed.range.start < source.range.end && source.range.start < pointed.range.end, `${d.message}`).toBe(true);
      });
    });

    it('a copy with a fifth of its clauses rewritten is still found; one rewritten for the most part is not', () => {
      const source = picked[0]!;
      const original = retouch(unit.text.slice(source.range.start, source.range.end)).replace(/\s*\n\s*/g, '');
      const clauses = original.match(/[^，,；;。]+[，,；;。]?/gu)!;
      // Clauses of the other unit's passages (headings left out): wording that is not this unit's.
      const donorClauses = passagesOf(donor.doc)
        .flatMap((p) => donor.text.slice(p.range.start, p.range.end).match(/[^，,；;。\n]{6,30}[，,；;。]/gu) ?? [])
        .filter((c) => !/^[\s(（]*[一二三四五六七八九十\d]+[、.．)）]/u.test(c));
      const rewrite = (share: number) => {
        let changed = 0;
        return clauses.map((c, i) => (changed < share * original.length && i % 2 === 1 ? ((changed += c.length), donorClauses[i % donorClauses.length]!) : c)).join('');
      };
      const light = rewrite(0.2);
      // Rewritten for the most part: the longest clauses replaced until 70% of the characters are new.
      const replaced = new Set<number>();
      let newChars = 0;
      for (const i of clauses.map((_, i) => i).sort((a, b) => clauses[b]!.length - clauses[a]!.length)) {
        if (newChars >= 0.7 * original.length) break;
        replaced.add(i);
        newChars += clauses[i]!.length;
      }
      // A replacement as long as the clause it replaces (other units' clauses put together).
      const as = (length: number, from: number) => {
        let out = '';
        for (let k = from; out.length < length; k++) out += donorClauses[k % donorClauses.length]!;
        return out;
      };
      const heavy = clauses.map((c, i) => (replaced.has(i) ? as(c.length, i * 7) : c)).join('');
      const lightFound = lintPair(parse(draft(unit, donor, { lines: [light] }), { format: 'plaintext' }), unit.doc, [rule('copied-passage')]);
      const heavyFound = lintPair(parse(draft(unit, donor, { lines: [heavy] }), { format: 'plaintext' }), unit.doc, [rule('copied-passage')]);
      const c = comparePassage(passagesOf(parse(`# t\n\n## 一、举措\n\n${light}\n`, { format: 'markdown' })).at(-1)!, previousIndex(unit.doc));
      if (c.contentChars >= MIN_CONTENT) expect(lightFound.length, `light rewrite at ${c.similarity.toFixed(2)}`).toBe(1);
      expect(describeFindings(heavyFound).map((f) => `${f} @ ${heavy}`)).toEqual([]);
    });
  });
});

describe('shortcomings, plans and figures of the corpus, carried into next-year drafts', () => {
  const withShortcomings = FULL.filter((r) => itemsOf(r.doc, 'shortcomings-and-causes').length >= 2);
  const SWAPS: [RegExp, string][] = [
    [/有待进一步加强/g, '仍需加强'],
    [/有待进一步/g, '仍需'],
    [/不足/g, '不够'],
    [/不完善/g, '仍不健全'],
    [/不充分/g, '不够充分'],
  ];
  const reword = (s: string) => SWAPS.reduce((t, [re, to]) => t.replace(re, to), s).replace(/^[一二三四五六七八九十]是/, '');

  it('has reports with shortcomings', () => {
    expect(withShortcomings.map((r) => r.name)).toEqual(expect.arrayContaining(['000_db52c8fa8bf2b1ef', '003_5b463c698add1c1a']));
  });

  it.each(withShortcomings.map((r) => [r.name, r] as const))('%s: last year’s shortcomings reworded are found as repeated; the donor’s own are not', (_, unit) => {
    const donor = donorFor(unit);
    const lacking = new RegExp(SHORTCOMING_MARKERS.join('|'), 'u');
    const items = itemsOf(unit.doc, 'shortcomings-and-causes').filter((i) => i.label.length >= 6 && lacking.test(i.label));
    if (items.length === 0) return;
    // Written as 一是……；二是……, whatever the length of last year's items.
    const listed = items.map((item, i) => `${'一二三四五六七八九十'[i % 10]}是${reword(item.label)}`);
    const lines = ['二、存在的问题和不足', `${listed.join('；')}。`, '三、下一年度工作安排', '(一)持续推进法治政府建设。'];
    const title = `${unit.issuer}${unit.year + 1}年法治政府建设情况报告`;
    const measures = ['一、主要举措和成效', nextYear(passagesOf(donor.doc).filter((p) => inScope(donor.doc, p))[0]!.norm.text)];
    const text = [title, ...measures, ...lines].join('\n') + '\n';
    const found = lintPair(parse(text, { format: 'plaintext' }), unit.doc, [rule('repeated-shortcomings')]);
    const flagged = found.map((d) => text.slice(d.range.start, d.range.end));
    // Every reworded item whose object is named by enough key terms is found.
    items.forEach((item, i) => {
      const terms = keySegments(item.label, SHORTCOMING_GENERIC_WORDS).join('').length;
      if (terms >= 4) expect(flagged, item.label).toContain(listed[i]);
    });
    expect(found.length).toBeLessThanOrEqual(items.length);
    for (const d of found) expect(d.related?.[0]?.filePath).toBe('previous.txt');
  });

  const withPlans = FULL.filter((r) => itemsOf(r.doc, 'next-year-plan').length >= 2);

  it.each(withPlans.map((r) => [r.name, r] as const))('%s: a plan item reported on leaves the list; one not reported stays', (_, unit) => {
    const donor = donorFor(unit);
    const clean = draft(unit, donor);
    const first = lintPair(parse(clean, { format: 'plaintext' }), unit.doc, [rule('plan-not-reported')], unit.year + 1);
    const listed = (ds: readonly Diagnostic[]) => ds.flatMap((d) => (d.related ?? []).map((r) => r.range.start));
    const before = listed(first);
    const plan = itemsOf(unit.doc, 'next-year-plan');
    expect(first.every((d) => d.severity === 'info')).toBe(true);
    // Every listed place is one of last year's plan items.
    for (const at of before) expect(plan.some((i) => i.labelRange.start === at)).toBe(true);
    if (before.length === 0) return;
    // Report on the first listed item (its wording, said as done): it leaves the list, the others stay.
    const item = plan.find((i) => i.labelRange.start === before[0])!;
    const reported = draft(unit, donor, { lines: [`${item.label.replace(/[。；;]$/u, '')}，全年完成。`] });
    const after = listed(lintPair(parse(reported, { format: 'plaintext' }), unit.doc, [rule('plan-not-reported')], unit.year + 1));
    expect(after).toEqual(before.slice(1));
  });

  // Counts last year's report states once for its own year, with an ontology object (statistics extraction).
  const figures = FULL.flatMap((unit) => {
    const all = extractStatistics(unit.doc).mentions;
    const mentions = all.filter((m) => m.object?.metric && m.exact && !m.carryOver && !m.inPartList && m.value >= 10);
    // Only a count its object names once in the report: with two values, which one a restatement means is unknowable.
    return mentions
      .filter((m) => all.every((o) => o === m || o.object?.key !== m.object!.key))
      .filter((m) => !/上年|去年|同比|较|累计|(?:19|20)\d\d年(?!度)/.test(unit.text.slice(unit.doc.sentences[m.sentenceIndex]!.range.start, m.range.start)))
      .slice(0, 5)
      .map((m) => [unit.name, unit, m] as const);
  });

  it('has figures to restate', () => {
    expect(figures.length).toBeGreaterThanOrEqual(5);
  });

  it.each(figures.map(([name, unit, m]) => [`${name} ${m.number.raw}`, unit, m] as const))('%s restated: as stated, nothing; changed, an error at it', (_, unit, m) => {
    const sentence = unit.doc.sentences[m.sentenceIndex]!;
    const from = Math.max(sentence.range.start, m.clauseStart);
    const clause = unit.text.slice(from, m.range.end).replace(/^[，,；;\s]+/u, '');
    const title = `${unit.issuer}${unit.year + 1}年法治政府建设情况报告`;
    const make = (value: string) => [title, '一、主要举措和成效', `上年，${clause.replace(m.number.raw, value)}。`].join('\n') + '\n';
    const same = lintPair(parse(make(m.number.raw), { format: 'plaintext' }), unit.doc, [rule('restated-figure')], unit.year + 1);
    expect(describeFindings(same)).toEqual([]);
    // The numeral as written, changed beyond its rounding (96.8万件 → 109.8万件).
    const numeral = unit.text.slice(m.number.valueRange.start, m.number.valueRange.end);
    const wrong = m.number.raw.replace(numeral, String(Math.round((Number(numeral.replace(/,/g, '')) + 13) * 100) / 100));
    const text = make(wrong);
    const found = lintPair(parse(text, { format: 'plaintext' }), unit.doc, [rule('restated-figure')], unit.year + 1);
    expect(describeFindings(found)).toHaveLength(1);
    expect(found[0]!.severity).toBe('error');
    expect(text.slice(found[0]!.range.start, found[0]!.range.end)).toBe(wrong);
    expect(found[0]!.related![0]!.range).toEqual(m.range);
  });
});

describe('cost', () => {
  it('grows linearly: 8 times the text costs far less than 64 times', () => {
    const base = FULL.slice(0, 4).map((r) => r.text).join('\n');
    const time = (n: number) => {
      const current = parse(nextYear(base.repeat(n)), { format: 'plaintext' });
      const previous = parse(base.repeat(n), { format: 'plaintext' });
      const t = performance.now();
      lintPair(current, previous);
      return performance.now() - t;
    };
    time(1);
    const ratio = () => Math.min(time(8), time(8)) / Math.min(time(1), time(1));
    // Linear would be ~8×; quadratic 64×. The bound leaves room for a shared, noisy machine, and
    // a ratio over it is measured once more (a quadratic cost exceeds it every time, a pause not).
    let r = ratio();
    if (r >= 30) r = Math.min(r, ratio());
    expect(r).toBeLessThan(30);
  });

  it('stays linear on hostile input: thousands of headings, shortcomings, plan items and counts in one clause', () => {
    const hostile = (n: number) =>
      [
        '2023年度某县法治政府建设情况报告',
        '一、2023年主要举措和成效',
        `上年受理行政复议案件${Array.from({ length: n }, (_, i) => `${i + 1}件`).join('')}。`,
        '二、存在的问题和不足',
        ...Array.from({ length: n }, (_, i) => `(${i + 1})第${i}项执法力量仍然不足。`),
        '三、2024年工作安排',
        ...Array.from({ length: n }, (_, i) => `${i + 1}.推进第${i}项专项工作。`),
      ].join('\n');
    const time = (n: number) => {
      const current = parse(hostile(n), { format: 'plaintext' });
      const previous = parse(hostile(n).replaceAll('2023', '2022').replaceAll('2024', '2023'), { format: 'plaintext' });
      const t = performance.now();
      lintPair(current, previous, continuityRules, 2023);
      return performance.now() - t;
    };
    time(250);
    // Best of three each: on a loaded machine one run of either size can be preempted several times over.
    const ratio = () => Math.min(time(2000), time(2000), time(2000)) / Math.min(time(250), time(250), time(250));
    let r = ratio();
    if (r >= 30) r = Math.min(r, ratio());
    expect(r).toBeLessThan(30);
  });
});
