/**
 * The numbering scheme of Chinese official-document headings
 * (GB/T 9704: 一、 → （一） → 1. → （1）), as data the parser and the
 * structure rules share.
 */

/** Numbering styles of Chinese official-document headings (mirrors the parser's `NumberingKind`). */
export type HeadingNumberingKind = 'chinese' | 'paren-chinese' | 'arabic' | 'paren-arabic';

/** One level of the numbering scheme. */
export interface NumberingScheme {
  readonly kind: HeadingNumberingKind;
  /** The level this numbering normally marks (1 = top). */
  readonly level: number;
  /** Example as the standard writes it. */
  readonly example: string;
  /**
   * Sticky regex (flag `y`) matching the numbering at `lastIndex`.
   * Group 1: open bracket (paren kinds), group 2: the numeral, group 3: closing bracket or separator.
   */
  readonly pattern: RegExp;
  /**
   * Every character a match of `pattern` can start with: a scan for heading numbers may pass
   * over any other position without trying the patterns (kept beside the pattern it describes).
   */
  readonly firstChars: string;
}

/** Chinese numeral characters that may form a heading number (一 … 九十九). */
export const CHINESE_DIGITS = '〇零一二三四五六七八九十';

/** Full-width opening brackets. */
export const FULL_WIDTH_OPEN = '（';
/** Full-width closing brackets. */
export const FULL_WIDTH_CLOSE = '）';

/**
 * The scheme, top level first. Patterns are sticky so one scan position can be
 * tested without slicing. `一是` has no separator and never matches; `1.5`
 * is excluded by the look-ahead on the arabic separator.
 */
export const numberingSchemes: readonly NumberingScheme[] = [
  {
    kind: 'chinese',
    level: 1,
    example: '一、',
    pattern: /()([一二三四五六七八九十]{1,3})(、|[．.](?![0-9０-９]))/y,
    firstChars: '一二三四五六七八九十',
  },
  {
    kind: 'paren-chinese',
    level: 2,
    example: '（一）',
    pattern: /([（(])\s?([一二三四五六七八九十]{1,3})\s?([）)])/y,
    firstChars: '（(',
  },
  {
    kind: 'arabic',
    level: 3,
    example: '1.',
    pattern: /()([0-9０-９]{1,2})(、(?![0-9０-９]{1,2}、)|[．.](?![0-9０-９]))/y,
    firstChars: '0123456789０１２３４５６７８９',
  },
  {
    kind: 'paren-arabic',
    level: 4,
    example: '（1）',
    pattern: /([（(])\s?([0-9０-９]{1,2})\s?([）)])/y,
    firstChars: '（(',
  },
];

/** The scheme entry of a numbering kind. */
export function numberingScheme(kind: HeadingNumberingKind): NumberingScheme {
  const found = numberingSchemes.find((s) => s.kind === kind);
  if (!found) throw new Error(`unknown numbering kind ${kind}`);
  return found;
}

/** Chinese numeral values for heading numbers 一 … 二十 (and beyond via {@link chineseNumeralValue}). */
export const chineseHeadingNumerals: readonly string[] = [
  '一', '二', '三', '四', '五', '六', '七', '八', '九', '十',
  '十一', '十二', '十三', '十四', '十五', '十六', '十七', '十八', '十九', '二十',
];

const DIGIT_VALUES: Readonly<Record<string, number>> = {
  〇: 0, 零: 0, 一: 1, 壹: 1, 二: 2, 贰: 2, 两: 2, 俩: 2, 三: 3, 叁: 3, 四: 4, 肆: 4,
  五: 5, 伍: 5, 六: 6, 陆: 6, 七: 7, 柒: 7, 八: 8, 捌: 8, 九: 9, 玖: 9,
};
const SMALL_UNITS: Readonly<Record<string, number>> = { 十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000 };
const BIG_UNITS: Readonly<Record<string, number>> = { 万: 1e4, 亿: 1e8 };

/*
 * The three tables above by UTF-16 unit, as one byte per unit from 〇 (U+3007) to 零 (U+96F6): 0 not a numeral
 * character, 1–10 a digit (value + 1), 11–13 a small unit (十 百 千), 14–15 a big unit (万 亿). `text[i]` makes a
 * new one-character string for every CJK unit (V8 caches only Latin-1 ones) and a keyed lookup follows; a
 * numeral is read per number and per heading, mostly by code that is not optimised in a CLI run.
 */
const NUMERAL_FIRST = 0x3007;
const NUMERAL_CLASS = new Uint8Array(0x96f6 - NUMERAL_FIRST + 1);
const NUMERAL_CLASSES = NUMERAL_CLASS.length;
const UNIT_VALUES: readonly number[] = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 10, 100, 1000, 1e4, 1e8];
for (const [c, v] of Object.entries(DIGIT_VALUES)) NUMERAL_CLASS[c.charCodeAt(0) - NUMERAL_FIRST] = v + 1;
for (const [c, v] of Object.entries(SMALL_UNITS)) NUMERAL_CLASS[c.charCodeAt(0) - NUMERAL_FIRST] = v === 10 ? 11 : v === 100 ? 12 : 13;
for (const [c, v] of Object.entries(BIG_UNITS)) NUMERAL_CLASS[c.charCodeAt(0) - NUMERAL_FIRST] = v === 1e4 ? 14 : 15;

/**
 * Value of a Chinese numeral (十五 → 15, 两百 → 200, 一千二百三十 → 1230,
 * 三万五千 → 35000, 二〇二二 → 2022). Returns undefined for text that is not a numeral.
 */
export function chineseNumeralValue(text: string): number | undefined {
  const n = text.length;
  if (n === 0) return undefined;
  // Digit-by-digit form (二〇二二) has no unit characters: read as such when every unit is a digit.
  if (n > 1) {
    let v = 0;
    let i = 0;
    for (; i < n; i++) {
      const at = text.charCodeAt(i) - NUMERAL_FIRST;
      const k = at >= 0 && at < NUMERAL_CLASSES ? NUMERAL_CLASS[at]! : 0;
      if (k === 0 || k > 10) break;
      v = v * 10 + k - 1;
    }
    if (i === n) return v;
  }
  let total = 0;
  let section = 0;
  let digit = -1; // -1: no digit pending
  // By UTF-16 unit, not code point: a unit of a character outside the BMP is a surrogate, in no class, so such a
  // text is still not a numeral. The table is read inline: the CLI turns inlining off, a helper would be a call per unit.
  for (let i = 0; i < n; i++) {
    const at = text.charCodeAt(i) - NUMERAL_FIRST;
    const k = at >= 0 && at < NUMERAL_CLASSES ? NUMERAL_CLASS[at]! : 0;
    if (k === 0) return undefined;
    if (k <= 10) {
      digit = k - 1;
    } else if (k <= 13) {
      section += (digit < 0 ? 1 : digit) * UNIT_VALUES[k]!;
      digit = -1;
    } else {
      section += digit < 0 ? 0 : digit;
      total += (section === 0 ? 1 : section) * UNIT_VALUES[k]!;
      section = 0;
      digit = -1;
    }
  }
  return total + section + (digit < 0 ? 0 : digit);
}

/** Converts full-width digits (０-９) to ASCII. */
export function toHalfWidthDigits(text: string): string {
  // Almost every numeral is half-width already: a look at its units spares the regex replace.
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xff10 && c <= 0xff19) return text.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  }
  return text;
}

/** Words that open a predicate right after a body's subject (我局坚持…, 区行政审批局将…). */
const BODY_VERB = '将|坚持|高度|始终|认真|深入|积极|全面|严格|进一步|不断|持续|紧紧|立足|围绕|按照|根据|切实|扎实|大力|着力|聚焦|全力|主动|及时|把|以|在|对|于|通过|结合';

/*
 * Where a heading's title ends when nothing but words separate it from its
 * body. Web copies run a heading into its body (`…总结如下：一、总体情况2022年，我局…`,
 * `（一）…职责一是加强组织领导`) or break it over short lines; punctuation and
 * spaces cannot tell where the title stops, the words can.
 */

/**
 * Openings of a body that never continue a heading's title: a year or a time
 * span with its comma (`2022年，` `今年以来，` `下一步，`), the first item marker
 * of a body (`一是`), and the report's own subject (`我局`, `我区`). Tried at every
 * place inside a title; the first one found ends it. Sticky: test at `lastIndex`.
 */
export const bodyOpening: RegExp = new RegExp(
  String.raw`(?:(?:(?:19|20)[0-9]{2}|[〇零一二三四五六七八九]{4})\s*年(?:度|以来|来|上半年|下半年|全年)?\s*[，,]|(?:今年|本年度?|年内|全年|去年|近年|近几年|一年|多年|[0-9一二三四五六七八九十]+年)(?:以来|来)\s*[，,]|(?:今年|全年|年内|近年)\s*[，,]|(?:下一步|下阶段|下一阶段|今后|明年|来年|新的一年)\s*[，,]|(?<![统唯同单专之第划其])一是|首先\s*[，,]|我(?:局|区|市|县|镇|乡|委|办|厅|院|部|署|会|中心|街道|单位|们)(?:党组|党委)?(?=${BODY_VERB}))`,
  'uy',
);

/**
 * Words a heading title ends with (成效, 情况, 机制, 工作计划 …), drawn from every
 * heading of the development corpus. Used only where nothing surer ends a title:
 * a title run into its body with no punctuation (`夯实法治工作基础区行政审批局党组高度重视…`),
 * or a heading broken over the short lines of a web copy. Compounds are listed
 * too, so that `工作` inside `工作计划` is not taken for the end.
 */
export const headingEndWords: readonly string[] = [
  '成效', '成果', '成绩', '情况', '建设', '水平', '能力', '职责', '环境', '不足', '重点', '要点', '工作', '决策',
  '落实', '职能', '机制', '制度', '执法', '思路', '教育', '基础', '根基', '效能', '体系', '责任', '规范', '监督',
  '公开', '方向', '思想', '部署', '作用', '精神', '保障', '回顾', '素养', '培训', '改革', '建议', '纠纷', '监管',
  '任务', '要求', '力度', '思维', '意识', '秩序', '理念', '队伍', '问题', '差距', '短板', '困难', '原因', '打算',
  '安排', '计划', '目标', '举措', '措施', '做法', '到位', '宣传', '氛围', '治理', '服务', '权益', '格局', '主线',
  '引领', '质效', '效率', '底线', '屏障', '防线', '转型', '升级', '优化', '提升', '创新', '法治政府', '依法行政',
  '工作基础', '工作机制', '工作方案', '工作计划', '工作思路', '工作重点', '工作要点', '工作情况', '工作成效', '工作格局',
  '工作责任', '工作体系', '工作任务', '工作打算', '工作安排', '工作目标', '工作水平', '工作能力', '工作制度',
  '建设工作', '建设情况', '建设成效', '执法体系', '执法能力', '执法水平', '执法监督', '执法责任', '行政能力',
  '行政职能', '行政执法', '行政决策', '制度建设', '制度体系', '服务水平', '服务能力', '法治建设', '法治宣传',
  '法治意识', '法治思维', '法治基础', '法治环境', '法治保障', '依法治理', '社会治理', '营商环境', '普法宣传',
  '普法教育', '宣传教育', '责任体系', '责任落实', '监督体系', '监督机制', '队伍建设', '能力建设', '体系建设',
  '机制建设', '环境建设', '政府建设', '职责情况', '落实情况', '开展情况', '推进情况', '完成情况', '基本情况',
  '总体情况', '主要成效', '主要问题', '存在问题', '主要安排', '主要举措', '主要做法', '主要措施',
  // Thematic headings end with how the work went (法治政府建设更加有力, 依法行政水平显著提升).
  '有力', '有效', '显著', '明显', '完善', '健全', '落地', '见效', '高效', '提速', '增效', '巩固', '深化', '推进',
  '加强', '增强', '提高', '突破', '形成', '转变', '适应', '配合', '履行', '带动', '站位', '尽责', '少数', '焦点',
  '管理', '推动', '武装', '方面', '行为', '考评', '考核', '供给', '稳定', '运行', '统领', '领会', '走实', '走深', '充分',
  '现代化', '常态化', '规范化', '便民化', '法治化', '制度化', '信息化', '精细化', '便利化', '标准化', '智能化',
];

/**
 * A body that opens with its acting body as subject (`区行政审批局党组高度重视…`,
 * `区行政审批局将…`, `铁桥镇认真贯彻…`, `铁桥镇党委、政府将…`): tried only right after a
 * heading end word, when nothing surer ended the title. Sticky.
 */
export const bodySubjectOpening: RegExp = new RegExp(
  String.raw`(?:[区市县镇乡省州]|局|本)[\p{Script=Han}]{0,10}?(?:局|委员会|委|办公室|办|政府|中心|管委会|管理局)(?:党组|党委)?(?=${BODY_VERB})|[\p{Script=Han}]{1,8}?(?:镇|乡|街道|区|县|市)(?:党委|党组|政府|人民政府)?(?:、(?:党委|政府|人民政府))?(?=${BODY_VERB})|在[^，,。；]{1,24}?(?:中|下|上|期间|方面|过程中)\s*[，,]`,
  'uy',
);
