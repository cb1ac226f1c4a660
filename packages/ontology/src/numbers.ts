/**
 * Vocabulary for numbers written in reports: units, approximation marks and
 * the kinds of unit, shared by the parser (extraction) and the statistics rules.
 */

/** What a unit measures. */
export type NumberUnitKind = 'count' | 'percent' | 'money' | 'time' | 'measure';

/** A unit that may follow a number. */
export interface NumberUnit {
  readonly text: string;
  readonly kind: NumberUnitKind;
}

/**
 * Units after a number, longest first (so 人次 wins over 人, 个百分点 over 个).
 * 万元/亿元 are money units of their own: the parser keeps the value as written
 * (5000万元 → 5000, unit 万元) rather than multiplying.
 */
export const numberUnits: readonly NumberUnit[] = [
  { text: '个百分点', kind: 'percent' },
  { text: '百分点', kind: 'percent' },
  { text: '万人次', kind: 'count' },
  { text: '万元', kind: 'money' },
  { text: '亿元', kind: 'money' },
  { text: '人次', kind: 'count' },
  { text: '件次', kind: 'count' },
  { text: '平方米', kind: 'measure' },
  { text: '平方公里', kind: 'measure' },
  { text: '公里', kind: 'measure' },
  { text: '小时', kind: 'time' },
  { text: '个工作日', kind: 'time' },
  { text: '工作日', kind: 'time' },
  { text: '个月', kind: 'time' },
  { text: '%', kind: 'percent' },
  { text: '％', kind: 'percent' },
  { text: '‰', kind: 'percent' },
  { text: '元', kind: 'money' },
  { text: '件', kind: 'count' },
  { text: '起', kind: 'count' },
  { text: '个', kind: 'count' },
  { text: '人', kind: 'count' },
  { text: '名', kind: 'count' },
  { text: '条', kind: 'count' },
  { text: '户', kind: 'count' },
  { text: '家', kind: 'count' },
  { text: '项', kind: 'count' },
  { text: '份', kind: 'count' },
  { text: '次', kind: 'count' },
  { text: '场', kind: 'count' },
  { text: '篇', kind: 'count' },
  { text: '批', kind: 'count' },
  { text: '期', kind: 'count' },
  { text: '所', kind: 'count' },
  { text: '处', kind: 'count' },
  { text: '宗', kind: 'count' },
  { text: '单', kind: 'count' },
  { text: '部', kind: 'count' },
  { text: '本', kind: 'count' },
  { text: '册', kind: 'count' },
  { text: '张', kind: 'count' },
  { text: '套', kind: 'count' },
  { text: '支', kind: 'count' },
  { text: '队', kind: 'count' },
  { text: '座', kind: 'count' },
  { text: '块', kind: 'count' },
  { text: '台', kind: 'count' },
  { text: '辆', kind: 'count' },
  { text: '位', kind: 'count' },
  { text: '组', kind: 'count' },
  { text: '类', kind: 'count' },
  { text: '轮', kind: 'count' },
  { text: '天', kind: 'time' },
  { text: '倍', kind: 'measure' },
  { text: '周年', kind: 'time' },
  { text: '周', kind: 'time' },
  { text: '种', kind: 'count' },
  { text: '年', kind: 'time' },
];

/** Approximation marks written before the number (近100件, 约30%, 超过200人). */
export const approximationPrefixes: readonly string[] = ['将近', '接近', '大约', '超过', '近', '约', '逾', '超'];

/** Approximation marks written after the numeral or the unit (4.9万余, 100多件, 90%以上, 30人左右). */
export const approximationSuffixes: readonly string[] = ['以上', '左右', '余', '多'];

/** Every approximation mark (余/多/近/约/以上/左右/超过 …). */
export const approximationMarkers: readonly string[] = [...approximationPrefixes, ...approximationSuffixes];

/** Multipliers written after a numeral (211.29万 → 2112900). */
export const numberMultipliers: Readonly<Record<string, number>> = { 万: 1e4, 亿: 1e8, 千: 1e3 };

/** Characters of Chinese numerals (十五, 两百, 三千). */
export const CHINESE_NUMERAL_CHARS = '〇零一二两三四五六七八九十百千万亿';

/** Service hotlines written as bare numbers; they are phone numbers, never counts. */
export const hotlineNumbers: readonly string[] = ['12345', '12348', '12315', '12369', '12366', '12333', '12320', '12388', '110', '120', '119'];

/**
 * Each unit text's kind, the first entry of `numberUnits` winning: one look-up per number (the
 * parser asks for every number with a unit) instead of a `find` with a closure call per entry
 * over ~60 entries, which ran mostly unoptimised in a CLI run.
 */
const UNIT_KINDS: ReadonlyMap<string, NumberUnitKind> = (() => {
  const kinds = new Map<string, NumberUnitKind>();
  for (const u of numberUnits) if (!kinds.has(u.text)) kinds.set(u.text, u.kind);
  return kinds;
})();

/** Unit kind of a unit text, if it is known. */
export function unitKind(unit: string): NumberUnitKind | undefined {
  return UNIT_KINDS.get(unit);
}
