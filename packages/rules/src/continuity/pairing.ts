/**
 * Pairing reports with last year's report of the same issuer — for the front
 * ends (a directory or batch in the CLI, a sibling file in the language server,
 * the workbench's batch): pure functions of parsed reports and their paths, no
 * file system.
 *
 * A report's identity is its issuer and its report year. The issuer is read,
 * in this order, from the title (重庆市渝中区人民政府关于2021年法治政府建设情况的报告),
 * the page metadata (发布机构：…), a line naming the unit alone under the title
 * (杭州市人民政府), the signature above the date, the opening sentence
 * (2022年，西城区坚持……) and the file name; the year is the parser's report year
 * (title, opening, metadata …) or else the file name's. Issuer names are compared
 * by a key: 关于/年度/情况 and the report words cut off, 人民政府 and the Party
 * committee of a joint name dropped (中共宽城区委 宽城区人民政府 → 宽城区), spaces
 * and brackets ignored. Two keys match when equal, or when one is the other with
 * a region in front (重庆市渝中区 ↔ 渝中区) and the shorter one is itself a place
 * name. 北京市 and 北京市西城区, or two bureaus of one city, never match.
 */
import type { FactSource, ReportDocument, TextRange } from '@fzlint/parser';

/** Where an issuer name was read. */
export type IssuerSource = 'title' | 'metadata' | 'issuer-line' | 'signature' | 'opening' | 'file-name';

/** The unit that issued a report. */
export interface IssuerName {
  /** As written (重庆市渝中区人民政府). */
  readonly raw: string;
  /** The comparison key (重庆市渝中区). */
  readonly key: string;
  readonly source: IssuerSource;
  /** Where in the text it was read (absent for the file name). */
  readonly range?: TextRange;
}

/** Where a report year was read. */
export type YearSource = FactSource | 'file-name';

/** Who issued a report and for which year. */
export interface ReportIdentity {
  readonly issuer?: IssuerName;
  readonly year?: { readonly value: number; readonly source: YearSource };
  /** The report's title, when it has one (shown by `inspect`). */
  readonly title?: string;
}

const REPORT_SUBJECT = /法治政府建设|法治建设|依法行政|法治政府|法治工作/u;
const YEAR_WORDS = /(?:(?:19|20)\d{2}|[〇零一二三四五六七八九]{4})\s*年(?:度)?/gu;
/**
 * Where the run of /[\u3400-\u9fff()·]+$/u that ends `s` starts (-1: `s` does not end in one), read
 * backwards by code: what that expression's exec finds (its leftmost match is the whole trailing run;
 * a surrogate is in none of its classes, with or without the pair read as one code point).
 */
function cjkRunStart(s: string): number {
  let i = s.length;
  while (i > 0) {
    const c = s.charCodeAt(i - 1);
    if ((c >= 0x3400 && c <= 0x9fff) || c === 0x28 || c === 0x29 || c === 0xb7) i--;
    else break;
  }
  return i < s.length ? i : -1;
}
/** Words that stand where a name would and are none (我市, 全区, 本局). */
const NOT_A_NAME = /^(?:[我本全该各][市县区镇乡局委厅办省州旗]|市|县|区|镇|乡|局|我们|本单位|本部门|关于|年度|情况)$/u;
/** A name that is a place (or a unit of one), as opposed to a bare department name (司法局). */
const PLACE_WORD = /(?:省|自治区|市|自治州|地区|盟|县|区|旗|镇|乡|街道|片区|新区|开发区)/u;
/** A run of region names, what one year's title may put in front of the other's (重庆市, 北京市, 福建省平潭…). */
const REGION_PREFIX = /^(?:[\u4e00-\u9fff]{1,8}?(?:省|自治区|市|自治州|地区|盟))+$/u;
const ORG_SUFFIX = /(?:人民政府|政府|委员会|管委会|管理局|办事处|街道|局|厅|委|办|院|部|中心|镇|乡|县|区|市|省|自治区|州|旗|盟)$/u;

/** Whether a UTF-16 unit is a CJK ideograph of U+3400–U+4DBF or U+4E00–U+9FFF (left as it is by NFKC). */
function isIdeograph(c: number): boolean {
  return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf);
}

function fold(s: string): string {
  // NFKC leaves ASCII and the CJK ideographs as they are: a name or title made only of those is
  // returned without a call into ICU (a batch reads several per report).
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80 || isIdeograph(c)) continue;
    return s.normalize('NFKC');
  }
  return s;
}

/**
 * The comparison key of an issuer name: brackets and spaces dropped, a joint
 * Party-and-government name reduced to its place, 人民政府/政府, 街道办事处 →
 * 街道, 管理委员会 → 管委会; the words of a title around it (关于, 年度, 情况) cut.
 */
export function issuerKey(raw: string): string {
  if (plainKey(raw)) return raw;
  const parts: string[] = [];
  for (const chunk of fold(raw).replace(/[()（）【】[\]“”"'《》]/gu, ' ').split(/[、,，]+/u)) {
    // Spaces separate the halves of a joint name (中共宽城区委 宽城区人民政府), but a name
    // spaced out character by character (北 京 市) is one name.
    for (const token of chunk.split(/\s+/u).filter(Boolean)) {
      const last = parts.length > 0 ? parts[parts.length - 1]! : undefined;
      if (last !== undefined && (token.length === 1 || [...last].length === 1)) parts[parts.length - 1] = last + token;
      else parts.push(token);
    }
    parts.push('');
  }
  const keys: string[] = [];
  for (let part of parts.filter(Boolean)) {
    part = part.replace(/关于$/u, '').replace(/年度$/u, '');
    if (/^中共/u.test(part)) {
      // 中共宽城区委, 中共重庆市万州区新田镇委员会, 中共青岛市交通运输局党组.
      part = part.replace(/^中共/u, '').replace(/(?:委员会|党工委|党委|党组|工委|委)$/u, '');
    }
    part = part
      // 鲤城区人民政府金龙街道办事处: the government of a place stands for the place.
      .replace(/(?<=[省市县区镇乡旗州])(?:人民)?政府/gu, '')
      .replace(/街道办事处$/u, '街道')
      .replace(/管理委员会$/u, '管委会');
    if (part) keys.push(part);
  }
  // A joint name (Party committee and government of one place) is that place.
  const distinct = [...new Set(keys)];
  return distinct.length === 1 ? distinct[0]! : distinct.join('/');
}

/**
 * Whether `issuerKey(raw)` is `raw` itself, told without its regular expressions (most names
 * read from a report are a bare place, 桐乡市): CJK ideographs only (nothing for `fold`, the
 * bracket and separator replacements or the splits to change: one part), and none of the words
 * the part's replacements act on (中共 first; 关于 or 年度 last; 政府; a trailing 街道办事处 or
 * 管理委员会). Anything else takes the full path.
 */
function plainKey(raw: string): boolean {
  if (raw.length === 0) return false;
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (!isIdeograph(c)) return false;
  }
  return (
    !raw.startsWith('中共') &&
    !raw.endsWith('关于') &&
    !raw.endsWith('年度') &&
    !raw.includes('政府') &&
    !raw.endsWith('街道办事处') &&
    !raw.endsWith('管理委员会')
  );
}

/** The issuer a title names before its subject (2021年度桐乡市法治政府建设… → 桐乡市), if any. */
export function issuerFromTitle(title: string): string | undefined {
  const t = fold(title);
  const subject = REPORT_SUBJECT.exec(t);
  if (!subject) return undefined;
  // YEAR_WORDS needs a 年 and the second replacement a 关于: a head without one is not rewritten
  // (a batch asks this of the title and of the title-like lines of every report).
  let head = t.slice(0, subject.index);
  if (head.includes('年')) head = head.replace(YEAR_WORDS, ' ');
  if (head.includes('关于')) head = head.replace(/关于/gu, ' ');
  head = head.trimEnd();
  // The last run of CJK text before the subject: a title may carry page junk in front.
  const runStart = cjkRunStart(head);
  if (runStart < 0) return undefined;
  let found = head.slice(runStart);
  // A joint title names the Party committee first, after a space: 中共宽城区委 宽城区人民政府.
  if (runStart > 0 && head.includes('中共')) {
    const party = /中共[\u3400-\u9fff]+?(?:委员会|委)$/u.exec(head.slice(0, runStart).trimEnd());
    if (party) found = `${party[0]} ${found}`;
  }
  if (found.length < 2 || NOT_A_NAME.test(found)) return undefined;
  return found;
}

/** The labels of an archive page's issuer field; METADATA is made from them, and a head without one is not searched. */
const METADATA_LABELS = ['发布机构', '发文机关', '发文单位', '成文单位'] as const;
const METADATA = new RegExp(String.raw`(?:^|\n)\s*(?:${METADATA_LABELS.join('|')})\s*[:：]\s*([^\n]{2,40}?)\s*(?=\n|$)`, 'u');
/** The words a unit line ends in (a unit's name and nothing else: 某某区司法局). */
const ISSUER_LINE_ENDINGS = ['人民政府', '政府', '委员会', '管委会', '管理局', '办事处', '党组', '党委', '局', '厅', '委', '部'] as const;
const ISSUER_LINE_NAME_MAX = 30;
const ISSUER_LINE = new RegExp(String.raw`^[\u4e00-\u9fff（）()]{2,${ISSUER_LINE_NAME_MAX}}?(?:${ISSUER_LINE_ENDINGS.join('|')})$`, 'u');
/**
 * What ISSUER_LINE cannot match without, told before it runs (most lines under a title are
 * paragraphs): at least 3 units, at most the name's 30 and the longest ending, and the last unit
 * of one of its endings. Derived from the same list, so the two cannot drift apart.
 */
const ISSUER_LINE_MAX = ISSUER_LINE_NAME_MAX + Math.max(...ISSUER_LINE_ENDINGS.map((e) => e.length));
const ISSUER_LINE_ENDS = ISSUER_LINE_ENDINGS.map((e) => e[e.length - 1]!).join('');
/** A line that reads as the report's title (a page whose title the parser did not take). */
const TITLE_LINE = /(?:法治政府建设|法治建设|依法行政)[^\n]{0,40}(?:报告|情况|总结)/u;
/**
 * The opening sentence's unit (2022年，西城区坚持……): the group. The verb after it is a lookahead, not
 * matched: the same matches and the same group (it ends the expression, and only the group and the
 * match's presence are read), but irregexp compiled the consumed alternation after the lazy name and
 * its optional 人民政府 ~5× slower (~1.8 ms against ~0.3 ms of CPU at its first run, paid once per
 * process that pairs reports).
 */
const OPENING = new RegExp(
  String.raw`^\s*(?:(?:(?:19|20)\d{2}|[〇零一二三四五六七八九]{4})\s*年(?:度)?|今年|本年度?)(?:以来)?\s*[，,]?\s*(?:在[^，,。]{2,40}?下\s*[，,]\s*)*([\u4e00-\u9fff]{2,20}?(?:省|自治区|市|自治州|县|区|旗|镇|乡|街道|办事处|局|委|厅|部)(?:人民政府|政府)?)(?=坚持|以|在|深入|认真|全面|紧紧|始终|立足|聚焦|紧扣|围绕|持续|扎实|严格|按照|高度|法治|依法|进一步|着力|大力|不断)`,
  'u',
);

function name(raw: string, source: IssuerSource, range?: TextRange): IssuerName | undefined {
  const trimmed = raw.trim();
  if (trimmed.length < 2 || NOT_A_NAME.test(trimmed)) return undefined;
  const key = issuerKey(trimmed);
  if (key.length < 2 || NOT_A_NAME.test(key)) return undefined;
  // A unit's name ends like one (…市, …区, …局, …街道): 党政主要负责人履行推进 from a heading is none.
  if (!ORG_SUFFIX.test(key) && !key.split('/').every((k) => ORG_SUFFIX.test(k))) return undefined;
  const out: { raw: string; key: string; source: IssuerSource; range?: TextRange } = { raw: trimmed, key, source };
  if (range) out.range = range;
  return out;
}

function fromTitle(document: ReportDocument): IssuerName | undefined {
  const title = document.title;
  if (!title) return undefined;
  const found = issuerFromTitle(title.text);
  if (!found) return undefined;
  const at = title.text.indexOf(found);
  return name(found, 'title', at >= 0 ? { start: title.range.start + at, end: title.range.start + at + found.length } : title.range);
}

/** A title-like line among the first lines of the text (a page whose title the parser did not take). */
function fromTitleLine(document: ReportDocument): IssuerName | undefined {
  const { text } = document;
  // TITLE_LINE holds 法治 or 依法行政: a line with neither is not searched, nor cut out of the text
  // (a batch asks this of every report, and most of its first lines hold neither). The next of
  // each word from the line on, searched again only once the lines are past it; -1: none left.
  let law = -2;
  let lawful = -2;
  let at = 0;
  for (let i = 0; i < 12 && at < text.length; i++) {
    const nl = text.indexOf('\n', at);
    const end = nl < 0 ? text.length : nl;
    if (law !== -1 && law < at) law = text.indexOf('法治', at);
    if (lawful !== -1 && lawful < at) lawful = text.indexOf('依法行政', at);
    if (end - at <= 100 && ((law >= 0 && law + 2 <= end) || (lawful >= 0 && lawful + 4 <= end))) {
      const line = text.slice(at, end);
      const found = TITLE_LINE.test(line) ? issuerFromTitle(line) : undefined;
      if (found) {
        // The name after a joint title's space (中共宽城区委 宽城区人民政府 → its second half).
        const start = at + line.indexOf(found.includes(' ') ? found.replace(/^.* /u, '') : found);
        return name(found, 'title', { start, end: start + found.length });
      }
    }
    at = end + 1;
  }
  return undefined;
}

function fromMetadata(document: ReportDocument): IssuerName | undefined {
  const head = document.text.slice(0, 3000);
  // METADATA needs one of its labels (three of the five corpus reports have none): without one,
  // neither the expression (its first runs compile it) nor its scan of the 3,000 characters.
  let labelled = false;
  for (let k = 0; k < METADATA_LABELS.length && !labelled; k++) labelled = head.includes(METADATA_LABELS[k]!);
  if (!labelled) return undefined;
  const m = METADATA.exec(head);
  if (!m) return undefined;
  const start = m.index + m[0].indexOf(m[1]!);
  return name(m[1]!, 'metadata', { start, end: start + m[1]!.length });
}

/** A line that is nothing but a unit's name, among the first lines of the body (杭州市人民政府 under the title). */
function fromIssuerLine(document: ReportDocument): IssuerName | undefined {
  const { text, bodyRange } = document;
  let at = bodyRange.start;
  for (let i = 0; i < 8 && at < bodyRange.end; i++) {
    const nl = text.indexOf('\n', at);
    const end = nl < 0 || nl > bodyRange.end ? bodyRange.end : nl;
    const line = text.slice(at, end).trim();
    if (line.length >= 3 && line.length <= ISSUER_LINE_MAX && ISSUER_LINE_ENDS.includes(line[line.length - 1]!) && ISSUER_LINE.test(line)) {
      const start = at + text.slice(at, end).indexOf(line);
      return name(line, 'issuer-line', { start, end: start + line.length });
    }
    at = end + 1;
  }
  return undefined;
}

/** What /[\u4e00-\u9fff（）()]/u matches in a one-unit string: a unit of the name before a signature date. */
function isSignatureUnit(c: number): boolean {
  return (c >= 0x4e00 && c <= 0x9fff) || c === 0xff08 || c === 0xff09 || c === 0x28 || c === 0x29;
}

/** The unit named right before the signature date (苏平片区管理局2023年3月30日). */
function fromSignature(document: ReportDocument): IssuerName | undefined {
  const fact = document.writingDate;
  if (!fact || fact.source !== 'signature' || !fact.range) return undefined;
  const { text } = document;
  let end = fact.range.start;
  // The blanks before the date (a few units) by /\s/: a value import of the parser's REGEXP_SPACE_CODES
  // here put the whole parser into the CLI's front script, which bundles this module (front-bundle.test.ts).
  while (end > 0 && /\s/u.test(text[end - 1]!)) end--;
  let start = end;
  while (start > 0 && end - start < 40 && isSignatureUnit(text.charCodeAt(start - 1))) start--;
  const found = text.slice(start, end);
  if (!ORG_SUFFIX.test(found)) return undefined;
  return name(found, 'signature', { start, end });
}

function fromOpening(document: ReportDocument): IssuerName | undefined {
  // The first six sentences read in place (no copy of the list); OPENING needs a 年 (…年, 今年, 本年).
  const { sentences } = document;
  for (let i = 0; i < sentences.length && i < 6; i++) {
    const s = sentences[i]!;
    if (s.range.start < document.bodyRange.start) continue;
    if (!s.text.includes('年')) continue;
    const m = OPENING.exec(s.text);
    if (!m) continue;
    const start = s.range.start + s.text.indexOf(m[1]!);
    return name(m[1]!, 'opening', { start, end: start + m[1]!.length });
  }
  return undefined;
}

/** Issuer and year from a file name (西城区2022年法治政府建设报告.md, 2023-洪洞县.txt). */
export function identityFromFileName(filePath: string): { issuer?: string; year?: number } {
  const base = fold(filePath.replace(/^.*[\\/]/u, '').replace(/\.[^.]+$/u, ''));
  const year = /(?:^|\D)((?:19|20)\d{2})(?:\D|$)/u.exec(base);
  const issuer = issuerFromTitle(`${base.replace(/法治政府建设.*$/u, '')}法治政府建设`) ?? /^[\u4e00-\u9fff]{2,20}$/u.exec(base.replace(/[\d年度_\-\s.]+/gu, ''))?.[0];
  return {
    ...(issuer && PLACE_WORD.test(issuer) ? { issuer } : issuer && ORG_SUFFIX.test(issuer) ? { issuer } : {}),
    ...(year ? { year: Number(year[1]) } : {}),
  };
}

/**
 * Who issued a parsed report and for which year, with where each was read.
 * `filePath` (default: the document's) is read only as a name.
 */
export function reportIdentity(document: ReportDocument, filePath: string | undefined = document.filePath): ReportIdentity {
  // The file name is read only when the text gives no issuer or no year (most reports give
  // both): a batch asks this of every report it lints.
  // (Read at most once, without a closure made per call.)
  let fromFile: { issuer?: string; year?: number } | undefined;
  let issuer =
    fromTitle(document) ??
    fromTitleLine(document) ??
    fromMetadata(document) ??
    fromIssuerLine(document) ??
    fromSignature(document) ??
    fromOpening(document);
  if (!issuer) {
    fromFile = filePath !== undefined ? identityFromFileName(filePath) : {};
    const fileIssuer = fromFile.issuer;
    if (fileIssuer !== undefined) issuer = name(fileIssuer, 'file-name');
  }
  const fact = document.reportYear;
  let year: { value: number; source: YearSource } | undefined;
  if (fact && !fact.assumed && fact.source !== 'default') year = { value: fact.value, source: fact.source as YearSource };
  else {
    fromFile ??= filePath !== undefined ? identityFromFileName(filePath) : {};
    const fileYear = fromFile.year;
    if (fileYear !== undefined) year = { value: fileYear, source: 'file-name' };
  }
  // Assigned, not spread from temporary objects (same keys in the same order).
  const out: { issuer?: IssuerName; year?: { readonly value: number; readonly source: YearSource }; title?: string } = {};
  if (issuer) out.issuer = issuer;
  if (year) out.year = year;
  if (document.title) out.title = document.title.text;
  return out;
}

/** How two issuer keys matched. */
export type IssuerMatch =
  /** The same key (重庆市渝中区人民政府 and 重庆市渝中区). */
  | 'same'
  /** One key is the other with a region in front (重庆市渝中区 and 渝中区). */
  | 'region-prefix';

/** Keys matching by region prefix share at least this many final characters (`matchIssuers`). */
const MIN_SHARED_ENDING = 3;

/**
 * The last characters every key `matchIssuers` pairs with `key` ends with too (the whole of a
 * key shorter than that): two keys with different endings never pair. For a filter that needs
 * no pairing index (the linter's one-thread batch, which keeps a parsed document only when an
 * earlier report of the year before or after has the same ending).
 */
export function issuerEnding(key: string): string {
  return key.length > MIN_SHARED_ENDING ? key.slice(key.length - MIN_SHARED_ENDING) : key;
}

/** How two issuer keys match, if they do. */
export function matchIssuers(a: string, b: string): { match: IssuerMatch; region?: string } | undefined {
  if (a === b) return { match: 'same' };
  const [longer, shorter] = a.length > b.length ? [a, b] : [b, a];
  if (shorter.length < MIN_SHARED_ENDING || !longer.endsWith(shorter) || !PLACE_WORD.test(shorter)) return undefined;
  const region = longer.slice(0, longer.length - shorter.length);
  // The shorter name must start a name of its own (渝中区, not 中区 of 渝中区).
  if (!REGION_PREFIX.test(region)) return undefined;
  return { match: 'region-prefix', region };
}

/** Longest issuer key indexed by its suffixes; a longer one is looked up by scanning its ending's bucket. */
const MAX_INDEXED_SUFFIX = 24;
interface IssuerMatchFound<T> {
  readonly candidate: PairingCandidate<T>;
  readonly match: IssuerMatch;
  readonly region?: string;
}

/**
 * The reports of one year by issuer key. `matches(key)` answers what comparing
 * `key` with every report of the year would (`matchIssuers`), in the reports'
 * order, while looking at only the keys that can match: the key itself, the
 * keys it ends with (its suffixes) and the keys that end with it.
 */
class YearIndex<T> {
  /** Distinct key → its reports, in order of addition. */
  readonly #byKey = new Map<string, { readonly key: string; readonly reports: { order: number; report: PairingCandidate<T> }[] }>();
  /** A suffix (≥ 3 characters, up to MAX_INDEXED_SUFFIX) → the distinct keys ending with it. */
  readonly #bySuffix = new Map<string, string[]>();
  /** Distinct keys longer than MAX_INDEXED_SUFFIX by their last MIN_SHARED_ENDING characters. */
  readonly #longByEnding = new Map<string, string[]>();
  /** The lengths of the distinct keys. */
  readonly #lengths = new Set<number>();
  #count = 0;

  add(report: PairingCandidate<T>): void {
    const key = report.identity.issuer!.key;
    let entry = this.#byKey.get(key);
    if (!entry) {
      this.#byKey.set(key, (entry = { key, reports: [] }));
      this.#lengths.add(key.length);
      for (let start = Math.max(0, key.length - MAX_INDEXED_SUFFIX); start <= key.length - MIN_SHARED_ENDING; start++) {
        const suffix = key.slice(start);
        const keys = this.#bySuffix.get(suffix);
        if (keys) keys.push(key);
        else this.#bySuffix.set(suffix, [key]);
      }
      if (key.length > MAX_INDEXED_SUFFIX) {
        const ending = key.slice(-MIN_SHARED_ENDING);
        const keys = this.#longByEnding.get(ending);
        if (keys) keys.push(key);
        else this.#longByEnding.set(ending, [key]);
      }
    }
    entry.reports.push({ order: this.#count++, report });
  }

  matches(key: string): IssuerMatchFound<T>[] {
    const candidates = new Set<string>();
    if (this.#byKey.has(key)) candidates.add(key);
    // Keys `key` ends with (it is the longer one): only lengths some key of the year has.
    for (const length of this.#lengths) {
      if (length >= MIN_SHARED_ENDING && length < key.length) {
        const suffix = key.slice(key.length - length);
        if (this.#byKey.has(suffix)) candidates.add(suffix);
      }
    }
    // Keys ending with `key` (it is the shorter one).
    if (key.length >= MIN_SHARED_ENDING) {
      for (const k of this.#bySuffix.get(key) ?? []) candidates.add(k);
      if (key.length > MAX_INDEXED_SUFFIX) {
        for (const k of this.#longByEnding.get(key.slice(-MIN_SHARED_ENDING)) ?? []) if (k.endsWith(key)) candidates.add(k);
      }
    }
    const found: { order: number; value: IssuerMatchFound<T> }[] = [];
    for (const candidateKey of candidates) {
      const m = matchIssuers(key, candidateKey);
      if (!m) continue;
      for (const { order, report } of this.#byKey.get(candidateKey)!.reports) found.push({ order, value: { candidate: report, ...m } });
    }
    if (candidates.size > 1) found.sort((a, b) => a.order - b.order);
    return found.map((f) => f.value);
  }
}

/** A report to pair: any id of the caller's (a path, an index) and its identity. */
export interface PairingCandidate<T> {
  readonly id: T;
  readonly identity: ReportIdentity;
}

/** Why two reports were paired (what `fzlint inspect` shows). */
export interface PairReason {
  readonly match: IssuerMatch;
  /** The region one name has in front of the other (重庆市), for a `region-prefix` match. */
  readonly region?: string;
  readonly issuer: IssuerName;
  readonly previousIssuer: IssuerName;
  readonly year: number;
  readonly previousYear: number;
  readonly yearSource: YearSource;
  readonly previousYearSource: YearSource;
}

/** A report and last year's report of the same issuer. */
export interface ReportPair<T> {
  readonly current: T;
  readonly previous: T;
  readonly reason: PairReason;
}

/** Why a report has no previous report. */
export type UnpairedReason =
  /** Its issuer could not be read. */
  | 'no-issuer'
  /** Its report year could not be read. */
  | 'no-year'
  /** No report of the same issuer for the year before. */
  | 'no-previous'
  /** Several reports of the year before match its issuer, and none better than the others. */
  | 'ambiguous';

/** A report left without a previous report, and why. */
export interface Unpaired<T> {
  readonly id: T;
  readonly reason: UnpairedReason;
  /** The candidates of an ambiguous pairing. */
  readonly candidates?: readonly T[];
}

/** What `pairReports` returns: every report is either the current one of a pair or unpaired. */
export interface Pairing<T> {
  readonly pairs: readonly ReportPair<T>[];
  readonly unpaired: readonly Unpaired<T>[];
}

/**
 * Pairs each report with the report of the same issuer for the year before. An
 * exact issuer match wins over a region-prefix one; two equally good candidates
 * leave the report unpaired (`ambiguous`) rather than guess. A report may be the
 * previous report of several (a draft and its final version). Each report looks
 * up only the issuer keys of the year before that can match its own (the same
 * key, a key it ends with, a key ending with it) in an index of that year, so a
 * folder of thousands of reports of two years is not compared pairwise; the
 * candidates keep the order of `reports`.
 */
export function pairReports<T>(reports: readonly PairingCandidate<T>[]): Pairing<T> {
  const byYear = new Map<number, YearIndex<T>>();
  for (const r of reports) {
    const y = r.identity.year?.value;
    if (y === undefined || !r.identity.issuer) continue;
    let index = byYear.get(y);
    if (!index) byYear.set(y, (index = new YearIndex<T>()));
    index.add(r);
  }
  const pairs: ReportPair<T>[] = [];
  const unpaired: Unpaired<T>[] = [];
  for (const r of reports) {
    const issuer = r.identity.issuer;
    const year = r.identity.year;
    if (!issuer) {
      unpaired.push({ id: r.id, reason: 'no-issuer' });
      continue;
    }
    if (!year) {
      unpaired.push({ id: r.id, reason: 'no-year' });
      continue;
    }
    const found = byYear.get(year.value - 1)?.matches(issuer.key) ?? [];
    const same = found.filter((f) => f.match === 'same');
    const best = same.length > 0 ? same : found;
    if (best.length === 0) {
      unpaired.push({ id: r.id, reason: 'no-previous' });
      continue;
    }
    if (best.length > 1) {
      unpaired.push({ id: r.id, reason: 'ambiguous', candidates: best.map((f) => f.candidate.id) });
      continue;
    }
    const { candidate, match, region } = best[0]!;
    pairs.push({
      current: r.id,
      previous: candidate.id,
      reason: {
        match,
        ...(region !== undefined ? { region } : {}),
        issuer,
        previousIssuer: candidate.identity.issuer!,
        year: year.value,
        previousYear: candidate.identity.year!.value,
        yearSource: year.source,
        previousYearSource: candidate.identity.year!.source,
      },
    });
  }
  return { pairs, unpaired };
}

const SOURCE_LABEL: Record<IssuerSource | YearSource, { 'zh-CN': string; en: string }> = {
  title: { 'zh-CN': '标题', en: 'title' },
  metadata: { 'zh-CN': '页面元数据', en: 'page metadata' },
  'issuer-line': { 'zh-CN': '标题下的单位名称', en: 'the unit line under the title' },
  signature: { 'zh-CN': '落款', en: 'signature' },
  opening: { 'zh-CN': '开头一句', en: 'opening sentence' },
  'file-name': { 'zh-CN': '文件名', en: 'file name' },
  option: { 'zh-CN': '选项', en: 'option' },
  'front-matter': { 'zh-CN': 'front matter', en: 'front matter' },
  'first-sentence': { 'zh-CN': '开头一句', en: 'opening sentence' },
  heading: { 'zh-CN': '标题行', en: 'heading' },
  default: { 'zh-CN': '默认值', en: 'default' },
};

/** One line saying why a pair was made, for `fzlint inspect` (zh-CN by default). */
export function describePair(reason: PairReason, locale: 'zh-CN' | 'en' = 'zh-CN'): string {
  const src = (s: IssuerSource | YearSource) => SOURCE_LABEL[s][locale];
  if (locale === 'en') {
    const names =
      reason.match === 'same'
        ? `same issuer ${reason.issuer.key} (${reason.issuer.raw}, from the ${src(reason.issuer.source)}; ${reason.previousIssuer.raw}, from the ${src(reason.previousIssuer.source)})`
        : `issuer ${reason.issuer.raw} (${src(reason.issuer.source)}) and ${reason.previousIssuer.raw} (${src(reason.previousIssuer.source)}) are one name with ${reason.region} in front`;
    return `${names}; report year ${reason.previousYear} (${src(reason.previousYearSource)}) → ${reason.year} (${src(reason.yearSource)})`;
  }
  const names =
    reason.match === 'same'
      ? `发文单位相同：${reason.issuer.key}（本年度取自${src(reason.issuer.source)}“${reason.issuer.raw}”，上年度取自${src(reason.previousIssuer.source)}“${reason.previousIssuer.raw}”）`
      : `发文单位“${reason.issuer.raw}”（${src(reason.issuer.source)}）与“${reason.previousIssuer.raw}”（${src(reason.previousIssuer.source)}）仅差地区前缀“${reason.region}”`;
  return `${names}；报告年度 ${reason.previousYear}（${src(reason.previousYearSource)}）→ ${reason.year}（${src(reason.yearSource)}）`;
}

/** One line saying why a report has no previous report. */
export function describeUnpaired(reason: UnpairedReason, locale: 'zh-CN' | 'en' = 'zh-CN'): string {
  const text: Record<UnpairedReason, { 'zh-CN': string; en: string }> = {
    'no-issuer': { 'zh-CN': '未能从标题、元数据、落款或开头读出发文单位', en: 'no issuer found in the title, metadata, signature or opening' },
    'no-year': { 'zh-CN': '未能读出报告年度', en: 'no report year found' },
    'no-previous': { 'zh-CN': '没有同一单位上一年度的报告', en: 'no report of the same issuer for the year before' },
    ambiguous: { 'zh-CN': '同一单位上一年度的报告不止一份，无法确定配对', en: 'several reports of the same issuer for the year before; none paired' },
  };
  return text[reason][locale];
}
