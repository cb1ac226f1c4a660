/**
 * A pair of reports built from the corpus for the continuity tests: last year's
 * report of 宽城区 (fixtures/corpus/full/002, the 2020 report, as published) and
 * next-year drafts made from it by transformation. The drafts take their body
 * from another unit's real report (句容市黄梅街道, full/001), so nothing in them
 * comes from 宽城区 unless a transformation puts it there:
 *
 * - `draft`: one passage of last year's measures copied in, its years and figures
 *   typed over (a copied passage), and last year's count of administrative
 *   litigation cases restated as 38 where last year's report says 35 (a restated figure);
 * - `clean`: the same draft without them.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const CORPUS = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..', 'fixtures', 'corpus', 'full');

/** Years moved on by `by` (2020年 → 2021年). */
export function shiftYears(text: string, by: number): string {
  return text.replace(/(?<!\d)(20[12]\d)(?=\s*年)/gu, (y) => String(Number(y) + by));
}

/** Years moved on by one and every other count changed: a passage copied and typed over. */
export function retouch(text: string): string {
  return shiftYears(text, 1).replace(/(?<![\d.])(\d{1,4})(?=[个件家项人次起条场])/gu, (n) => String(Number(n) + 3));
}

/** The pair's texts and the lines the transformation put in. */
export interface ContinuityPair {
  /** Last year's report (2020), as published. */
  readonly last: string;
  /** The next-year draft with a copied passage and a restated figure. */
  readonly draft: string;
  /** The next-year draft without them. */
  readonly clean: string;
  /** The copied passage as it stands in `draft`. */
  readonly copied: string;
  /** The restated figure's sentence in `draft`. */
  readonly restated: string;
  /** The line of last year's report the copied passage comes from (1-based). */
  readonly sourceLine: number;
  /** The line of last year's report that states the figure (1-based). */
  readonly figureLine: number;
}

/** File names a reviewing office would give them (issuer and year in the name too). */
export const PAIR_FILES = {
  last: '宽城区2020年度法治政府建设情况报告.txt',
  draft: '宽城区2021年度法治政府建设情况报告.txt',
} as const;

/** Builds the pair from the corpus. */
export function continuityPair(): ContinuityPair {
  const last = readFileSync(join(CORPUS, '002_55a70afaa3186b60.txt'), 'utf8');
  const donor = readFileSync(join(CORPUS, '001_72ea27b1fd9ec9ba.txt'), 'utf8');
  const lines = last.split('\n');
  const sourceIndex = lines.findIndex((l) => l.includes('持续开展简政放权'));
  const figureIndex = lines.findIndex((l) => l.includes('区政府共处理行政应诉案件35件'));
  if (sourceIndex < 0 || figureIndex < 0) throw new Error('the corpus report 002 changed: update test/support/continuity.ts');
  const copied = retouch((lines[sourceIndex] as string).trim());
  const restated = '上年,区政府共处理行政应诉案件38件。';
  // The donor's body (after its title), its year (2021) already the draft's.
  const body = donor.slice(donor.indexOf('\n', donor.indexOf('法治政府建设')) + 1);
  const title = '宽城区人民政府关于2021年度法治政府建设情况的报告';
  const firstHeading = body.search(/^\s*一、/mu);
  const headingEnd = body.indexOf('\n', firstHeading) + 1;
  const draft = `${title}\n${body.slice(0, headingEnd)}${copied}\n${restated}\n${body.slice(headingEnd)}`;
  return { last, draft, clean: `${title}\n${body}`, copied, restated, sourceLine: sourceIndex + 1, figureLine: figureIndex + 1 };
}
