import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, reparse } from '@fzlint/parser';
import { describe, expect, it } from 'vitest';
import { figureLedger, ledgerDistanceSpans } from './figures.js';
import { citationsKept, figureDistancesKept, figureReadsKept, headingReadsKept, ownWordsKept, POINT_FIELDS, RANGE_FIELDS, VALUE_FIELDS } from './figure-reads.js';
import { extractStatisticsUncached } from './relations.js';

const CORPUS = join(dirname(fileURLToPath(import.meta.url)), '../../../../fixtures/corpus/full');

/**
 * Numbers of the analysis that are no offsets (indices, values, bounds): `figureReadsKept`
 * compares them as they are. A new numeric field must be put here or among the offsets
 * (`POINT_FIELDS`, `RANGE_FIELDS`) of figure-reads.ts.
 */
const NOT_OFFSETS = new Set([
  'index', 'value', 'lower', 'upper', 'precision', 'sentenceIndex', 'paragraphIndex', 'decimals', 'multiplier', 'year',
  'againstYear', 'computed', 'computedMin', 'computedMax', 'expected', 'tolerance', 'sign',
]);

/** Every field of the analysis, with the path to it, the vocabulary's objects (`VALUE_FIELDS`) walked once. */
function walk(x: unknown, path: string, visit: (key: string, value: unknown, path: string) => void, seen: Set<unknown>): void {
  if (typeof x !== 'object' || x === null || seen.has(x)) return;
  seen.add(x);
  for (const [key, value] of Object.entries(x)) {
    visit(key, value, path);
    walk(value, `${path}.${key}`, visit, seen);
  }
}

describe('figure reads', () => {
  it('knows every offset of the statistics analysis (a field it does not know would be compared unmapped)', () => {
    const files = readdirSync(CORPUS).filter((n) => n.endsWith('.txt'));
    const keys = new Set<string>();
    for (const name of files) {
      const result = extractStatisticsUncached(parse(readFileSync(join(CORPUS, name), 'utf8'), { filePath: name }));
      walk(
        result,
        '',
        (key, value, path) => {
          keys.add(key);
          const isRange = typeof value === 'object' && value !== null && 'start' in value && 'end' in value;
          if (isRange) expect(RANGE_FIELDS.has(key), `${path}.${key} is a range`).toBe(true);
          if (typeof value === 'number' && !(key === 'start' || key === 'end')) {
            expect(POINT_FIELDS.has(key) || NOT_OFFSETS.has(key), `${path}.${key}: an offset or not?`).toBe(true);
          }
          // What is compared by identity holds no offset.
          if (VALUE_FIELDS.has(key)) walk(value, `${path}.${key}`, (k, v) => expect(typeof v === 'object' && v !== null && 'start' in v, `${path}.${key}.${k}`).toBe(false), new Set());
        },
        new Set(),
      );
    }
    // The fields the ledger reads offsets from are there.
    for (const k of ['range', 'nameRange', 'clauseStart', 'subjectAt', 'markerRange']) expect(keys.has(k)).toBe(true);
  });

  const TEXT = ['2023年法治政府建设工作报告', '一、主要举措', '全年共受理行政复议案件120件，审结100件。依法纠正违法行为。', '二、存在的不足', '法治意识有待提高。'].join('\n');
  const edit = (text: string, find: string, del: number, insert: string) => {
    const before = parse(text, { filePath: 'a.txt' });
    const start = text.indexOf(find);
    const after = reparse(before, [{ range: { start, end: start + del }, text: insert }]);
    return { before, after, edit: { start, oldEnd: start + del, delta: insert.length - del } };
  };

  it('reads the same for a character typed after a count, and not for one typed into its object or number', () => {
    const same = edit(TEXT, '。依法', 0, '字');
    expect(figureReadsKept(same.before, same.after, same.edit, 2, 2)).toBe(true);
    const object = edit(TEXT, '复议案件', 0, '字');
    expect(figureReadsKept(object.before, object.after, object.edit, 2, 2)).toBe(false);
    const digit = edit(TEXT, '0件', 0, '1');
    expect(figureReadsKept(digit.before, digit.after, digit.edit, 2, 2)).toBe(false);
    const verb = edit(TEXT, '审结', 2, '受理');
    expect(figureReadsKept(verb.before, verb.after, verb.edit, 2, 2)).toBe(false);
  });

  it('reads a bare count’s own words again only near the change, and sees them change there', () => {
    // 12场 is a bare count (no verb, no object of the vocabulary): its period and scope are read
    // from the 48 characters before it in its sentence.
    const text = ['2023年法治政府建设工作报告', '一、主要举措', '2023年，开展法治培训12场，组织旁听庭审8次。依法纠正违法行为，审结行政复议案件130件。'].join('\n');
    // Its own words changed: a scope word typed at the start of its sentence, or a digit of the
    // year before it, which only those words tell (the statistics analysis reads the same).
    const scope = edit(text, '2023年，开展', 0, '全市');
    expect(figureReadsKept(scope.before, scope.after, scope.edit, 2, 2)).toBe(false);
    const year = edit(text, '023年，开展', 0, '字');
    expect(figureReadsKept(year.before, year.after, year.edit, 2, 2)).toBe(false);
    // A character typed in the next sentence, after every count but 130件: the same reading.
    const later = edit(text, '纠正', 0, '字');
    expect(figureReadsKept(later.before, later.after, later.edit, 2, 2)).toBe(true);
    // A character typed before the paragraph's first count's words: the same reading, shifted.
    const before = edit(text, '2023年，', 0, '');
    expect(figureReadsKept(before.before, before.after, before.edit, 2, 2)).toBe(true);
  });

  it('takes a count’s own words as kept only when they lie wholly before the change, or wholly after it and shifted', () => {
    const e = { start: 100, oldEnd: 102, delta: 3 };
    // Before the change: the words end at the count, at or before its start; the same place.
    expect(ownWordsKept(e, 100, 40, 100, 40)).toBe(true);
    expect(ownWordsKept(e, 90, 0, 90, 0)).toBe(true);
    expect(ownWordsKept(e, 90, 0, 91, 0)).toBe(false);
    expect(ownWordsKept(e, 90, 60, 90, 61)).toBe(false);
    // The words reach into the change.
    expect(ownWordsKept(e, 120, 80, 123, 80)).toBe(false);
    expect(ownWordsKept(e, 120, 101, 123, 104)).toBe(false);
    // After it: from its old end on, shifted by the edit (the sentence start too, or the 48-character bound).
    expect(ownWordsKept(e, 120, 102, 123, 105)).toBe(true);
    expect(ownWordsKept(e, 160, 0, 163, 0)).toBe(true);
    expect(ownWordsKept(e, 160, 0, 162, 0)).toBe(false);
    expect(ownWordsKept(e, 120, 102, 123, 102)).toBe(false);
  });

  it('reads the outline the same for a heading reworded in place, not for one made, unmade or made the plan', () => {
    const lines = TEXT.split('\n');
    const text = [...lines.slice(0, 2), '（一）畅通维权渠道', ...lines.slice(2), '三、2024年工作安排', '计划办结行政复议案件150件。'].join('\n');
    // A character inside a heading's wording: every heading and section the same, shifted.
    const typed = edit(text, '维权', 0, '字');
    expect(headingReadsKept(typed.before, typed.after, typed.edit)).toBe(true);
    const inPlan = edit(text, '安排', 0, '字');
    expect(headingReadsKept(inPlan.before, inPlan.after, inPlan.edit)).toBe(true);
    // A year named in a heading: not what the figure rules read of it (the edit window compares it).
    const year = edit(text, '存在的不足', 0, '2023年');
    expect(headingReadsKept(year.before, year.after, year.edit)).toBe(true);
    // A heading's wording that makes it the measures' section no more: its concept changed.
    const concept = edit(text, '举措', 0, '字');
    expect(headingReadsKept(concept.before, concept.after, concept.edit)).toBe(false);
    // The numbering deleted: no heading there any more.
    const unmade = edit(text, '二、', 2, '');
    expect(headingReadsKept(unmade.before, unmade.after, unmade.edit)).toBe(false);
    // The next-year plan's heading made something else: its figures are not targets any more.
    const plan = edit(text, '工作安排', 4, '主要成效');
    expect(plan.before.sections.some((s) => s.concept === 'next-year-plan' || s.heading.concept === 'next-year-plan')).toBe(true);
    expect(headingReadsKept(plan.before, plan.after, plan.edit)).toBe(false);
    // A line made a heading.
    const made = edit(text, '法治意识', 0, '四、');
    expect(headingReadsKept(made.before, made.after, made.edit)).toBe(false);
  });

  it('tells a 《》 title made around a figure from one made elsewhere', () => {
    const around = edit(TEXT, '全年', 0, '《');
    const withClose = reparse(around.after, [{ range: { start: around.after.text.indexOf('件，') + 1, end: around.after.text.indexOf('件，') + 1 }, text: '》' }]);
    const both = { start: around.edit.start, oldEnd: TEXT.indexOf('件，') + 1, delta: 2 };
    expect(withClose.references.some((r) => r.kind === 'book-title')).toBe(true);
    expect(citationsKept(around.before, withClose, both)).toBe(false);
    const elsewhere = edit(TEXT, '依法纠正', 0, '《规定》');
    expect(citationsKept(elsewhere.before, elsewhere.after, elsewhere.edit)).toBe(true);
  });

  it('records where the ledger took the nearest of equal bases', () => {
    const text = ['2023年法治政府建设工作报告', '一、主要举措', '上年受理行政复议案件90件。', '法治宣传深入开展。', '今年受理行政复议案件100件，同比增长20%。', '法治宣传深入开展。', '上年受理行政复议案件90件。'].join('\n');
    const doc = parse(text, { filePath: 't.txt' });
    const spans = ledgerDistanceSpans(figureLedger(doc));
    expect(spans).toEqual([{ start: text.indexOf('90件'), end: text.lastIndexOf('90件') }]);
    const between = text.indexOf('宣传');
    expect(figureDistancesKept(doc, { start: between, oldEnd: between, delta: 1 })).toBe(false);
    expect(figureDistancesKept(doc, { start: 3, oldEnd: 3, delta: 1 })).toBe(true);
    // One base: no choice, nothing recorded.
    expect(ledgerDistanceSpans(figureLedger(parse(text.slice(0, text.lastIndexOf('\n')), { filePath: 't.txt' })))).toEqual([]);
  });
});
