import { toSourcePosition, type SourceMap } from '@fzlint/input';
import { conceptById, type ConceptId } from '@fzlint/ontology';
import type { CalendarDate, DocumentFact, FactSource, ReportDocument, Section } from '@fzlint/parser';
import type { IssuerMatch, IssuerSource, UnpairedReason, YearSource } from '@fzlint/rules';
import type { CliLocale } from './messages.js';

/** One section of the outline. */
export interface OutlineSection {
  readonly level: number;
  readonly line: number;
  readonly text: string;
  readonly title: string;
  readonly numbering?: { readonly kind: string; readonly raw: string; readonly value: number };
  readonly concept?: string;
  readonly year?: number;
  readonly origin: string;
  readonly children: readonly OutlineSection[];
}

/** Who issued the report, for which year, and which report is last year's: what the continuity rules compare it with. */
export interface OutlinePairing {
  /** The issuer as pairing reads it (title, metadata, the unit line, signature, opening, file name). */
  readonly issuer?: { readonly name: string; readonly key: string; readonly source: IssuerSource; readonly line?: number };
  readonly year?: { readonly value: number; readonly source: YearSource };
  /** Last year's report: given with `--previous`, named by the config's `previousReport`, or paired in the folder. */
  readonly previous?: {
    readonly filePath: string;
    readonly source: 'option' | 'config' | 'paired';
    /** One line saying why (`describePair` for a pair). */
    readonly why: string;
    readonly match?: IssuerMatch;
  };
  /** Why no report of the folder was paired with this one. */
  readonly unpaired?: { readonly reason: UnpairedReason; readonly why: string; readonly candidates?: readonly string[] };
  /** How many other reports of the folder were read to pair it. */
  readonly scanned: number;
}

/** What `fzlint inspect` shows: the document as the parser understood it. */
export interface Outline {
  readonly filePath: string;
  readonly format: 'markdown' | 'plaintext';
  /** What `line` numbers count: lines, or paragraphs of a converted `.docx`/`.html`. */
  readonly positionUnit: 'line' | 'paragraph';
  readonly title?: { readonly text: string; readonly line: number; readonly year?: number };
  readonly reportYear?: { readonly value: number; readonly source: FactSource; readonly assumed: boolean; readonly line?: number };
  readonly writingDate?: { readonly value: string; readonly source: FactSource; readonly assumed: boolean; readonly line?: number };
  readonly publicationDate?: { readonly value: string; readonly source: FactSource; readonly line?: number };
  readonly sections: readonly OutlineSection[];
  /** Issuer, year and last year's report (set by `inspect`, which looks for it). */
  readonly pairing?: OutlinePairing;
  readonly counts: {
    readonly headings: number;
    readonly paragraphs: number;
    readonly sentences: number;
    readonly numbers: number;
    readonly references: number;
    readonly bookTitles: number;
    readonly quotedNames: number;
    readonly documentNumbers: number;
  };
}

function isoDate(d: CalendarDate): string {
  return `${String(d.year).padStart(4, '0')}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}

/** Offsets of the document to the lines shown: its own, or the paragraphs of converted input. */
type LineAt = (offset: number) => number;

/** A title or heading as it reads: the line breaks a web copy put inside it removed (as the parser's readText). */
const oneLine = (text: string): string => text.replace(/[ \t\u3000]*\r?\n[ \t\u3000]*/gu, '');

function factLine<T>(lineAt: LineAt, fact: DocumentFact<T>): { line?: number } {
  return fact.range ? { line: lineAt(fact.range.start) } : {};
}

function outlineSection(lineAt: LineAt, section: Section): OutlineSection {
  const h = section.heading;
  return {
    level: section.level,
    line: lineAt(h.range.start),
    text: oneLine(h.text),
    title: oneLine(h.title),
    ...(h.numbering ? { numbering: { kind: h.numbering.kind, raw: h.numbering.raw, value: h.numbering.value } } : {}),
    ...(section.concept ?? h.concept ? { concept: (section.concept ?? h.concept) as string } : {}),
    ...(h.year !== undefined ? { year: h.year } : {}),
    origin: h.origin,
    children: section.children.map((c) => outlineSection(lineAt, c)),
  };
}

/**
 * Builds the outline of a parsed document (`filePath` as shown to the user).
 * With the source map of a converted `.docx`/`.html`, lines are paragraph numbers.
 */
export function buildOutline(document: ReportDocument, filePath: string, source?: SourceMap): Outline {
  const lineAt: LineAt = (offset) => {
    const position = document.lineIndex.positionAt(offset);
    return source ? toSourcePosition(source, position).line : position.line;
  };
  let bookTitles = 0;
  for (const r of document.references) if (r.kind === 'book-title') bookTitles++;
  const title = document.title;
  return {
    filePath,
    format: document.format,
    positionUnit: source ? 'paragraph' : 'line',
    ...(title
      ? {
          title: {
            text: oneLine(title.text),
            line: lineAt(title.range.start),
            ...(title.year !== undefined ? { year: title.year } : {}),
          },
        }
      : {}),
    ...(document.reportYear
      ? {
          reportYear: {
            value: document.reportYear.value,
            source: document.reportYear.source,
            assumed: document.reportYear.assumed,
            ...factLine(lineAt, document.reportYear),
          },
        }
      : {}),
    ...(document.writingDate
      ? {
          writingDate: {
            value: isoDate(document.writingDate.value),
            source: document.writingDate.source,
            assumed: document.writingDate.assumed,
            ...factLine(lineAt, document.writingDate),
          },
        }
      : {}),
    ...(document.publicationDate
      ? {
          publicationDate: {
            value: isoDate(document.publicationDate.value),
            source: document.publicationDate.source,
            ...factLine(lineAt, document.publicationDate),
          },
        }
      : {}),
    sections: document.sections.map((s) => outlineSection(lineAt, s)),
    counts: {
      headings: document.headings.length,
      paragraphs: document.paragraphs.length,
      sentences: document.sentences.length,
      numbers: document.numbers.length,
      references: document.references.length,
      bookTitles,
      quotedNames: document.references.length - bookTitles,
      documentNumbers: document.documentNumbers.length,
    },
  };
}

const ISSUER_SOURCE: Record<IssuerSource, { 'zh-CN': string; en: string }> = {
  title: { 'zh-CN': '标题', en: 'title' },
  metadata: { 'zh-CN': '网页元数据', en: 'page metadata' },
  'issuer-line': { 'zh-CN': '标题下的单位名称', en: 'the unit line under the title' },
  signature: { 'zh-CN': '落款', en: 'signature' },
  opening: { 'zh-CN': '开头一句', en: 'opening sentence' },
  'file-name': { 'zh-CN': '文件名', en: 'file name' },
};

/** The issuer and last year's report, as lines of the text outline. */
function formatPairing(p: OutlinePairing, locale: CliLocale, at: (line: number | undefined) => string): string[] {
  const zh = locale === 'zh-CN';
  const out: string[] = [];
  if (p.issuer) {
    const from = `${ISSUER_SOURCE[p.issuer.source][locale]}${at(p.issuer.line)}`;
    out.push(`  ${zh ? '发文单位' : 'Issuer'}: ${p.issuer.name}${zh ? `（${from}；比对名称 ${p.issuer.key}）` : ` (${from}; compared as ${p.issuer.key})`}`);
  } else {
    out.push(`  ${zh ? '发文单位' : 'Issuer'}: ${zh ? '未能读出' : 'not found'}`);
  }
  const label = zh ? '上年度报告' : 'Last year';
  if (p.previous) {
    const how =
      p.previous.source === 'paired' ? (zh ? '自动配对' : 'paired') : p.previous.source === 'config' ? (zh ? '配置' : 'config') : zh ? '命令行' : 'command line';
    out.push(`  ${label}: ${p.previous.filePath}${zh ? `（${how}：${p.previous.why}）` : ` (${how}: ${p.previous.why})`}`);
  } else if (p.unpaired) {
    const read = zh ? `同一目录中读了 ${p.scanned} 份报告` : `${p.scanned} other report${p.scanned === 1 ? '' : 's'} of the folder read`;
    const candidates = p.unpaired.candidates?.length ? (zh ? `：${p.unpaired.candidates.join('、')}` : `: ${p.unpaired.candidates.join(', ')}`) : '';
    out.push(`  ${label}: ${zh ? `未配对 — ${p.unpaired.why}${candidates}（${read}）` : `none — ${p.unpaired.why}${candidates} (${read})`}`);
  } else {
    out.push(`  ${label}: ${zh ? '无' : 'none'}`);
  }
  return out;
}

const SOURCE_LABEL: Record<FactSource, { 'zh-CN': string; en: string }> = {
  option: { 'zh-CN': '命令行或配置', en: 'option or config' },
  'front-matter': { 'zh-CN': 'front matter', en: 'front matter' },
  title: { 'zh-CN': '标题', en: 'title' },
  'first-sentence': { 'zh-CN': '首句', en: 'first sentence' },
  signature: { 'zh-CN': '落款', en: 'signature' },
  metadata: { 'zh-CN': '网页元数据', en: 'page metadata' },
  heading: { 'zh-CN': '章节标题', en: 'heading' },
  default: { 'zh-CN': '默认值', en: 'default' },
};

/** A content's label, as the ontology words it (the scorecard and the editor's outline use the same). */
function conceptLabel(concept: string, locale: CliLocale): string {
  return concept in conceptById ? conceptById[concept as ConceptId].label[locale] : concept;
}

/** The outline as indented text for a terminal. */
export function formatOutline(outline: Outline, locale: CliLocale): string {
  const zh = locale === 'zh-CN';
  const para = outline.positionUnit === 'paragraph';
  const at = (line: number | undefined) =>
    line === undefined ? '' : zh ? `，第 ${line} ${para ? '段' : '行'}` : `, ${para ? 'paragraph' : 'line'} ${line}`;
  const paren = (text: string) => (zh ? `（${text}）` : ` (${text})`);
  const out: string[] = [outline.filePath];
  out.push(`  ${zh ? '格式' : 'Format'}: ${outline.format}`);
  out.push(`  ${zh ? '标题' : 'Title'}: ${outline.title ? `${outline.title.text}${at(outline.title.line)}` : zh ? '（无）' : '(none)'}`);
  if (outline.reportYear) {
    const r = outline.reportYear;
    out.push(`  ${zh ? '报告年度' : 'Report year'}: ${r.value}${paren(`${SOURCE_LABEL[r.source][locale]}${r.assumed ? (zh ? '，推定' : ', assumed') : ''}${at(r.line)}`)}`);
  } else {
    out.push(`  ${zh ? '报告年度' : 'Report year'}: ${zh ? '未知 — 用 --report-year 指定' : 'unknown — give --report-year'}`);
  }
  const w = outline.writingDate;
  if (w) out.push(`  ${zh ? '成文日期' : 'Writing date'}: ${w.value}${paren(`${SOURCE_LABEL[w.source][locale]}${w.assumed ? (zh ? '，推定' : ', assumed') : ''}${at(w.line)}`)}`);
  else out.push(`  ${zh ? '成文日期' : 'Writing date'}: ${zh ? '未知 — 用 --report-year 指定报告年度' : 'unknown — give --report-year'}`);
  if (outline.publicationDate) {
    const p = outline.publicationDate;
    out.push(`  ${zh ? '发布日期' : 'Published'}: ${p.value}${paren(`${SOURCE_LABEL[p.source][locale]}${at(p.line)}`)}`);
  }
  out.push(`  ${zh ? '章节' : 'Sections'}:`);
  const walk = (sections: readonly OutlineSection[], depth: number): void => {
    for (const s of sections) {
      const tags: string[] = [`L${s.level}`];
      if (s.numbering) tags.push(s.numbering.kind);
      if (s.concept) tags.push(conceptLabel(s.concept, locale));
      if (s.year !== undefined) tags.push(zh ? `${s.year}年` : String(s.year));
      out.push(`${'  '.repeat(depth + 2)}${s.line}: ${s.text}  [${tags.join(', ')}]`);
      walk(s.children, depth + 1);
    }
  };
  if (outline.sections.length === 0) out.push(`    ${zh ? '（未识别到章节）' : '(no sections recognised)'}`);
  walk(outline.sections, 0);
  if (outline.pairing) out.push(...formatPairing(outline.pairing, locale, at));
  const c = outline.counts;
  out.push(
    zh
      ? `  统计: 标题 ${c.headings}，段落 ${c.paragraphs}，句子 ${c.sentences}，数字 ${c.numbers}，引用 ${c.references}（书名 ${c.bookTitles}，引号名称 ${c.quotedNames}），文号 ${c.documentNumbers}`
      : `  Counts: ${c.headings} headings, ${c.paragraphs} paragraphs, ${c.sentences} sentences, ${c.numbers} numbers, ${c.references} references (${c.bookTitles} titles, ${c.quotedNames} quoted names), ${c.documentNumbers} document numbers`,
  );
  return `${out.join('\n')}\n`;
}
