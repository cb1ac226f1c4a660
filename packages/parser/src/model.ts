import type { ConceptId } from '@fzlint/ontology';

/**
 * A half-open range of UTF-16 code-unit offsets into the document text
 * (`start` inclusive, `end` exclusive). Offsets are the truth everywhere
 * inside fzlint; only formatters and the language server turn them into
 * lines and columns.
 */
export interface TextRange {
  readonly start: number;
  readonly end: number;
}

/** A calendar date without time zone. */
export interface CalendarDate {
  readonly year: number;
  /** 1–12 */
  readonly month: number;
  /** 1–31 */
  readonly day: number;
}

/** Where a document-level fact (report year, writing date …) was read from. */
export type FactSource =
  | 'option'
  | 'front-matter'
  | 'title'
  | 'first-sentence'
  | 'signature'
  | 'metadata'
  | 'heading'
  | 'default';

/** A document-level fact with the place it was read from. */
export interface DocumentFact<T> {
  readonly value: T;
  readonly source: FactSource;
  /** The text that gave the value, when it came from the text. */
  readonly range?: TextRange;
  /** True when no text gave the value and a default was assumed. */
  readonly assumed: boolean;
}

/** The report's title line. */
export interface ReportTitle {
  readonly text: string;
  readonly range: TextRange;
  /** The year the title names (2021年度…报告), if any. */
  readonly year?: number;
  readonly yearRange?: TextRange;
}

/** Numbering styles of Chinese official-document headings. */
export type NumberingKind =
  /** 一、 */
  | 'chinese'
  /** （一） or (一) */
  | 'paren-chinese'
  /** 1. 1、 １． */
  | 'arabic'
  /** （1） or (1) */
  | 'paren-arabic';

/** The enumeration in front of a heading. */
export interface HeadingNumbering {
  readonly kind: NumberingKind;
  /** 1-based value (一 → 1). */
  readonly value: number;
  /** The numbering text as written (`（三）`, `2.`). */
  readonly raw: string;
  readonly range: TextRange;
  /** Bracket width for parenthesised kinds, separator width for the others. */
  readonly width: 'full' | 'half';
}

/** How a heading was recognised. */
export type HeadingOrigin =
  /** A Markdown ATX or setext heading. */
  | 'markdown'
  /** An enumerated line (or paragraph) of its own. */
  | 'line'
  /** An enumerated heading run together inside a longer line. */
  | 'inline'
  /** An unnumbered short line that stands where a heading is expected. */
  | 'unnumbered';

/** A heading of the report. */
export interface Heading {
  /** Full heading text including numbering (`三、2021年推进法治政府建设中存在的问题`). */
  readonly text: string;
  readonly range: TextRange;
  /** Heading text without numbering and Markdown markers. */
  readonly title: string;
  readonly titleRange: TextRange;
  /** 1 = top level. Derived from the numbering kind, or from `#` depth in Markdown. */
  readonly level: number;
  /** Markdown `#` depth when the heading is a Markdown heading. */
  readonly markdownDepth?: number;
  readonly numbering?: HeadingNumbering;
  readonly origin: HeadingOrigin;
  /** The report content this heading introduces, when it is one of them. */
  readonly concept?: ConceptId;
  /** A year named in the heading (`2022年工作打算`). */
  readonly year?: number;
  readonly yearRange?: TextRange;
}

/** A heading with its body and sub-sections. */
export interface Section {
  readonly heading: Heading;
  readonly level: number;
  /** The concept of the heading, or inherited from nothing (sub-sections keep their own). */
  readonly concept?: ConceptId;
  /** From the heading's start to the end of the section's last content. */
  readonly range: TextRange;
  /** After the heading up to the next heading of the same or a higher level. */
  readonly bodyRange: TextRange;
  readonly children: readonly Section[];
}

/** A paragraph of the report body (web-page junk excluded). */
export interface Paragraph {
  readonly range: TextRange;
  readonly text: string;
}

/** A sentence: text up to 。！？；(and their half-width forms) or a paragraph end. */
export interface Sentence {
  readonly range: TextRange;
  readonly text: string;
  /** Index into `ReportDocument.paragraphs`. */
  readonly paragraphIndex: number;
  /** Index into `ReportDocument.headings` of the nearest heading above, or -1. */
  readonly headingIndex: number;
}

/** What a number in the text is, as far as the parser can tell. */
export type NumberKind =
  | 'count'
  | 'percent'
  | 'money'
  | 'year'
  | 'date'
  | 'document-number'
  | 'phone'
  | 'ordinal'
  | 'decimal'
  | 'other';

/**
 * A number written in the text, with its unit and flags. The optional fields are always
 * present (undefined when absent): one object shape for every number, so the hot readers
 * of numbers (statistics, references) do not go megamorphic and deoptimise.
 */
export interface NumberMention {
  /** The number as written, including marks such as 余 and the unit. */
  readonly raw: string;
  readonly range: TextRange;
  /** Range of the numeral itself (without unit and approximation marks). */
  readonly valueRange: TextRange;
  /** Numeric value with 万/亿 multipliers applied (211.29万 → 2112900); a percentage is 99.7 for 99.7%. */
  readonly value: number;
  readonly kind: NumberKind;
  /** Unit after the number (件, 起, 万元, %, 个百分点 …). */
  readonly unit?: string | undefined;
  /** 余/多/近/约/以上/左右/超过: the number is a bound, not an exact count. */
  readonly approximate: boolean;
  readonly approximateMarker?: string | undefined;
  /** Digits after the decimal point as written (for rounding checks). */
  readonly decimals: number;
  readonly numeral: 'arabic' | 'chinese' | 'mixed';
  readonly fullWidth: boolean;
  /** Index into `ReportDocument.sentences`. */
  readonly sentenceIndex: number;
  /** The 万/亿 multiplier applied to `value` (211.29万 → 10000); absent for 万元/亿元, which are units. */
  readonly multiplier?: number | undefined;
}

/** A title in 《》 or a name in quotation marks (“七五”普法, “十四五”规划). */
export interface QuotedReference {
  readonly kind: 'book-title' | 'quoted-name';
  /** As written, with its brackets/quotes. */
  readonly raw: string;
  readonly range: TextRange;
  /** The inner text, as written. */
  readonly inner: string;
  readonly innerRange: TextRange;
  /** Inner text with dashes, brackets, quotes and spaces normalised (for catalogue look-up). */
  readonly normalized: string;
  /** For a quoted name, the word that follows the quote (普法, 规划, 时期). */
  readonly suffix?: string;
  readonly sentenceIndex: number;
}

/** A document number (文号) such as 长府发〔2020〕9号. */
export interface DocumentNumber {
  readonly raw: string;
  readonly range: TextRange;
  /** Issuer prefix (长府发). */
  readonly prefix: string;
  readonly year?: number;
  readonly serial?: number;
  /** False when brackets are missing or the year and serial run together. */
  readonly wellFormed: boolean;
  /** True when the year is in the standard hexagonal brackets 〔〕 (GB/T 9704), false for () [] 【】. */
  readonly standardBrackets?: boolean;
}

/**
 * An HTML comment (Markdown; in plain text one that closes on its line), or a bare
 * `fzlint-…` directive line (plain text). Never one inside code.
 */
export interface CommentNode {
  readonly value: string;
  readonly range: TextRange;
}

/**
 * A parsed 法治政府建设年度报告. All ranges are offsets into `text`. The optional fields are
 * always present (undefined when absent), so that every document has one object shape and
 * the rules' property reads stay monomorphic.
 */
export interface ReportDocument {
  readonly text: string;
  readonly format: 'markdown' | 'plaintext';
  readonly filePath?: string | undefined;
  readonly title?: ReportTitle | undefined;
  readonly reportYear?: DocumentFact<number> | undefined;
  /**
   * When the report was written: the signature date, page metadata, the
   * publication date, or (`assumed: true`) 31 March of the year after the report
   * year, the deadline the regulation sets. Absent when neither a date nor the
   * report year is known: nothing is dated from the machine's clock.
   */
  readonly writingDate?: DocumentFact<CalendarDate> | undefined;
  /** Publication date from page metadata (发布日期), if any. */
  readonly publicationDate?: DocumentFact<CalendarDate> | undefined;
  /** The range holding the report itself, web-page junk around it excluded. */
  readonly bodyRange: TextRange;
  /** Ranges recognised as web-page junk (索引号 tables, 网站地图 …). */
  readonly junkRanges: readonly TextRange[];
  /** Every heading in document order. */
  readonly headings: readonly Heading[];
  /** The section tree (top-level sections). */
  readonly sections: readonly Section[];
  readonly paragraphs: readonly Paragraph[];
  readonly sentences: readonly Sentence[];
  readonly numbers: readonly NumberMention[];
  readonly references: readonly QuotedReference[];
  readonly documentNumbers: readonly DocumentNumber[];
  readonly comments: readonly CommentNode[];
  /**
   * Ranges of fenced code blocks (Markdown), from the opening fence to the closing
   * one: a directive written inside one is an example, not a directive.
   */
  readonly codeRanges: readonly TextRange[];
  /** Line starts, for offset ↔ line/column conversion. */
  readonly lineIndex: LineIndex;
}

/** 1-based line and column; columns count UTF-16 code units, as ESLint does. */
export interface LineColumn {
  readonly line: number;
  readonly column: number;
}

/** Converts offsets to 1-based line/column and back. */
export interface LineIndex {
  readonly lineStarts: readonly number[];
  positionAt(offset: number): LineColumn;
  offsetAt(position: LineColumn): number;
}

/** Options of `parse`. */
export interface ParseOptions {
  /** Used to choose Markdown or plain text by extension (.md/.markdown → Markdown). */
  readonly filePath?: string;
  /** Force the format instead of choosing by extension. */
  readonly format?: 'markdown' | 'plaintext';
  /** Overrides the report year read from the text. */
  readonly reportYear?: number;
  /** Overrides the writing date read from the text. */
  readonly writingDate?: CalendarDate;
}
