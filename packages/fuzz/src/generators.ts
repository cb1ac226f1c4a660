/**
 * fast-check generators of hostile input: random Unicode (control characters,
 * lone surrogates, bidi marks, CJK extensions), report-vocabulary soup
 * (enumerated headings, counts and rates from 0 to 400-digit and 20-decimal
 * numbers, catalogue titles with an unbalanced 《), corpus reports with random
 * edits, splices and truncations, HTML tag soup, and raw bytes. Each shrinks
 * (fast-check's own shrinking of arrays, strings and integers) to a minimal case.
 */
import fc from 'fast-check';

/** Code points a report should never trip on, weighted toward the troublesome ones. */
const codePoint: fc.Arbitrary<string> = fc
  .oneof(
    { arbitrary: fc.integer({ min: 0x00, max: 0x1f }), weight: 2 },
    { arbitrary: fc.integer({ min: 0x7f, max: 0x9f }), weight: 1 },
    // Bidi marks, embeddings, overrides and isolates.
    { arbitrary: fc.constantFrom(0x061c, 0x200e, 0x200f, 0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069), weight: 2 },
    // Lone surrogates: a high or a low one on its own.
    { arbitrary: fc.integer({ min: 0xd800, max: 0xdfff }), weight: 2 },
    // CJK: the main block, extension A, extension B (astral, a surrogate pair) and beyond.
    { arbitrary: fc.integer({ min: 0x4e00, max: 0x9fff }), weight: 4 },
    { arbitrary: fc.integer({ min: 0x3400, max: 0x4dbf }), weight: 2 },
    { arbitrary: fc.integer({ min: 0x20000, max: 0x2ebef }), weight: 2 },
    { arbitrary: fc.integer({ min: 0x20, max: 0x7e }), weight: 4 },
    // Full-width forms and CJK punctuation, the BOM, zero-width characters, combining marks.
    { arbitrary: fc.constantFrom(0x3000, 0x3001, 0x3002, 0x300a, 0x300b, 0x201c, 0x201d, 0xff08, 0xff09, 0xff0c, 0xff10, 0xff19, 0xfeff, 0x200b, 0x200d, 0x0301), weight: 2 },
    { arbitrary: fc.constantFrom(0x0a, 0x0d), weight: 3 },
  )
  .map((cp) => (cp >= 0xd800 && cp <= 0xdfff ? String.fromCharCode(cp) : String.fromCodePoint(cp)));

/** Random Unicode text (each unit one code point, or one lone surrogate). */
export function unicodeText(maxLength = 400): fc.Arbitrary<string> {
  return fc.string({ unit: codePoint, maxLength });
}

const HEADING_NUMBERS = ['一、', '二、', '三、', '四、', '五、', '十、', '（一）', '（二）', '(三)', '1.', '2．', '（1）', '(2)', '第一部分', '# ', '## ', '### ', '#', '######'];
const HEADING_WORDS = [
  '主要举措和成效',
  '2023年推进法治政府建设的主要举措和成效',
  '存在的问题和不足',
  '存在的不足及原因',
  '原因分析',
  '党政主要负责人履行推进法治建设第一责任人职责情况',
  '2024年工作打算',
  '下一步工作安排',
  '其他需要报告的情况',
];
const VERBS = ['收到', '受理', '新收', '办结', '审结', '结案', '化解', '整改', '答复', '排查', '其中', '分别为', '上年结转', '旧存', '累计', '同比增长', '提高', '较上年下降'];
const OBJECTS = ['行政复议申请', '行政诉讼案件', '信访事项', '政府信息公开申请', '行政执法案件', '矛盾纠纷'];
const UNITS = ['件', '人次', '个', '次', '万元', '%', '个百分点', '倍', '余件', '多件', '件以上'];
const RATES = ['办结率', '整改率', '出庭率', '调解成功率', '占比', '行政机关负责人出庭应诉率'];
const TITLES = [
  '《法治政府建设实施纲要（2015—2020年）》',
  '《法治政府建设实施纲要（2021—2025年）》',
  '《中华人民共和国行政复议法》',
  '《中华人民共和国行政处罚法》（2017年修正）',
  '“七五”普法',
  '“八五”普法规划',
  '党的十九大',
  '党的二十大精神',
  '十九届四中全会',
  '工商局',
  '法制办',
  // Unbalanced: a title never closed, a closing mark never opened, nested openings.
  '《法治政府建设实施纲要（2015—2020年）',
  '《中华人民共和国',
  '》',
  '《《',
  '〔2020〕9号',
];
const YEARS = ['2019年', '2020年', '2021年', '2022年', '2023年', '2024年', '2025年', '2023年度', '2024年3月31日', '2023年12月', '二〇二三年'];
const PROSE = ['深入推进依法行政', '法冶政府', '个工商户', '持续深化', '全面加强', '取得明显成效', '有待进一步提高', '主要原因是', '下一步，我们将', '。', '，', '；', '：', '、', '（', '）', '“', '”'];
const MARKUP = ['\n', '\n', '\n\n', '\r\n', ' ', '　', '- ', '* ', '> ', '---', '```', '1. ', '<!-- fzlint-disable -->', '<!-- fzlint-enable -->', '<!-- fzlint-disable-next-line statistics/rate-mismatch -->', '<!--', '-->', '|', '**'];

/** Numbers as reports write them, and as no report should: 0, huge, long decimals, grouped, Chinese, full-width, approximate. */
export const numberText: fc.Arbitrary<string> = fc.oneof(
  {
    arbitrary: fc.constantFrom('0', '0.0', '00', '1', '7', '90', '106', '1,436', '1，436', '211.29万', '4.9万余', '十五', '两百余', '１０６', '99.7', '100', '100.0', '120', '45.94'),
    weight: 4,
  },
  { arbitrary: fc.integer({ min: 0, max: 200 }).map(String), weight: 4 },
  { arbitrary: fc.integer({ min: 0, max: 100_000 }).map(String), weight: 2 },
  // Beyond the double range (309+ digits) and beyond exact integers (16+ digits).
  { arbitrary: fc.integer({ min: 16, max: 400 }).chain((n) => fc.string({ unit: fc.constantFrom('0', '1', '5', '9'), minLength: n, maxLength: n }).map((d) => `9${d}`)), weight: 1 },
  { arbitrary: fc.constant('9'.repeat(400)), weight: 1 },
  // Twenty decimals.
  {
    arbitrary: fc.tuple(fc.integer({ min: 0, max: 100 }), fc.string({ unit: fc.constantFrom('0', '3', '6', '9'), minLength: 20, maxLength: 20 })).map(([i, d]) => `${i}.${d}`),
    weight: 1,
  },
);

/**
 * A statistics sentence as reports write them, with random numbers: received
 * and concluded counts with a rate, parts of a total (其中…分别为…), a growth.
 * Soup alone rarely lines these up; the statistics rules need them to run.
 */
const statisticsSentence: fc.Arbitrary<string> = fc.oneof(
  fc
    .tuple(fc.constantFrom(...VERBS.slice(0, 5)), fc.constantFrom(...OBJECTS), numberText, fc.constantFrom('办结', '审结', '化解', '答复'), numberText, fc.constantFrom(...RATES), numberText)
    .map(([v1, o, a, v2, b, r, c]) => `全年共${v1}${o}${a}件，${v2}${b}件，${r}${c}%。`),
  fc
    .tuple(fc.constantFrom(...OBJECTS), numberText, numberText, numberText)
    .map(([o, total, a, b]) => `共受理${o}${total}件，其中一审案件${a}件、二审案件${b}件。`),
  fc.tuple(fc.constantFrom(...OBJECTS), numberText, numberText, numberText).map(([o, total, a, b]) => `${o}${total}件，分别为${a}件、${b}件。`),
  fc.tuple(numberText, numberText, numberText).map(([a, b, c]) => `2023年办理${a}件，同比增长${b}%，2022年办理${c}件。`),
);

/** One token of report vocabulary. */
const token: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: statisticsSentence, weight: 3 },
  { arbitrary: fc.constantFrom(...HEADING_NUMBERS), weight: 3 },
  { arbitrary: fc.constantFrom(...HEADING_WORDS), weight: 2 },
  { arbitrary: fc.constantFrom(...VERBS), weight: 3 },
  { arbitrary: fc.constantFrom(...OBJECTS), weight: 2 },
  { arbitrary: fc.tuple(numberText, fc.constantFrom(...UNITS)).map(([n, u]) => n + u), weight: 5 },
  { arbitrary: fc.tuple(fc.constantFrom(...RATES), numberText).map(([r, n]) => `${r}${n}%`), weight: 3 },
  { arbitrary: fc.constantFrom(...TITLES), weight: 3 },
  { arbitrary: fc.constantFrom(...YEARS), weight: 2 },
  { arbitrary: fc.constantFrom(...PROSE), weight: 4 },
  { arbitrary: fc.constantFrom(...MARKUP), weight: 4 },
);

/** Report-vocabulary soup: headings, counts, rates, titles, years and markup in random order. */
export function reportSoup(maxTokens = 80): fc.Arbitrary<string> {
  return fc.array(token, { maxLength: maxTokens }).map((parts) => parts.join(''));
}

/** One change to a text, at relative positions (so it applies to any text). */
export type Edit =
  | { readonly kind: 'insert'; readonly at: number; readonly text: string }
  | { readonly kind: 'delete'; readonly at: number; readonly length: number }
  | { readonly kind: 'splice'; readonly at: number; readonly from: number; readonly length: number; readonly other: number }
  | { readonly kind: 'truncate'; readonly at: number };

const fraction = fc.double({ min: 0, max: 1, noNaN: true });

const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constant('insert' as const), at: fraction, text: fc.oneof(reportSoup(12), unicodeText(24)) }),
  fc.record({ kind: fc.constant('delete' as const), at: fraction, length: fc.integer({ min: 1, max: 400 }) }),
  fc.record({ kind: fc.constant('splice' as const), at: fraction, from: fraction, length: fc.integer({ min: 1, max: 2000 }), other: fc.nat() }),
  fc.record({ kind: fc.constant('truncate' as const), at: fraction }),
);

/** Applies edits in order; `others` are the texts a splice takes a piece of. */
export function applyEdits(base: string, edits: readonly Edit[], others: readonly string[]): string {
  let text = base;
  for (const e of edits) {
    const at = Math.floor(e.at * text.length);
    switch (e.kind) {
      case 'insert':
        text = text.slice(0, at) + e.text + text.slice(at);
        break;
      case 'delete':
        text = text.slice(0, at) + text.slice(at + e.length);
        break;
      case 'splice': {
        const other = others[e.other % Math.max(1, others.length)] ?? '';
        const from = Math.floor(e.from * other.length);
        text = text.slice(0, at) + other.slice(from, from + e.length) + text.slice(at);
        break;
      }
      case 'truncate':
        text = text.slice(0, at);
        break;
    }
  }
  return text;
}

/**
 * A corpus report with random edits: a window of one report (up to `maxWindow`
 * characters, so cases stay quick), then insertions of soup or random Unicode,
 * deletions, splices of another report and truncations.
 */
export function editedReport(corpus: readonly string[], maxWindow = 6000): fc.Arbitrary<string> {
  if (corpus.length === 0) throw new Error('editedReport needs at least one corpus text');
  return fc
    .record({ base: fc.nat({ max: corpus.length - 1 }), start: fraction, length: fc.integer({ min: 0, max: maxWindow }), edits: fc.array(edit, { maxLength: 6 }) })
    .map(({ base, start, length, edits }) => {
      const text = corpus[base] as string;
      const from = Math.floor(start * Math.max(0, text.length - length));
      return applyEdits(text.slice(from, from + length), edits, corpus);
    });
}

const TAGS = ['div', 'p', 'span', 'b', 'table', 'tr', 'td', 'th', 'ul', 'li', 'br', 'h1', 'h2', 'script', 'style', 'title', 'meta', 'svg', 'math', 'select', 'option', 'nav', 'footer'];

/** HTML tag soup with report text and page metadata between the tags. */
export function htmlSoup(): fc.Arbitrary<string> {
  const piece = fc.oneof(
    fc.constantFrom(...TAGS).map((t) => `<${t}>`),
    fc.constantFrom(...TAGS).map((t) => `</${t}>`),
    fc.constantFrom(...TAGS).map((t) => `<${t} class="title" id="bt"/>`),
    fc.constantFrom('<meta charset="gbk">', '<meta name="PubDate" content="2024-03-28 10:00">', '索引号：', '发布时间：2024-03-28 来源：县司法局', '&nbsp;', '&#x4e00;', '<!-- x -->', '<![CDATA[x]]>'),
    reportSoup(6),
    unicodeText(12),
  );
  return fc.array(piece, { maxLength: 80 }).map((parts) => `<html><body>${parts.join('')}`);
}

/** A lint case: a text, how it is parsed, and whether fixes are applied. */
export interface LintCase {
  readonly text: string;
  readonly format: 'markdown' | 'plaintext';
  readonly fix: boolean;
  readonly locale: 'zh-CN' | 'en';
  readonly reportYear?: number;
}

/** Lint cases around a text generator: both formats, both locales, fixes on and off, a report year sometimes given. */
export function lintCase(text: fc.Arbitrary<string>, fix?: boolean): fc.Arbitrary<LintCase> {
  return fc
    .record({
      text,
      format: fc.constantFrom('markdown' as const, 'plaintext' as const),
      fix: fix === undefined ? fc.boolean() : fc.constant(fix),
      locale: fc.constantFrom('zh-CN' as const, 'en' as const),
      reportYear: fc.option(fc.integer({ min: 2018, max: 2026 }), { nil: undefined }),
    })
    .map(({ reportYear, ...rest }) => (reportYear === undefined ? rest : { ...rest, reportYear }));
}
