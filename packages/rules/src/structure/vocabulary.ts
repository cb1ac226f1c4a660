import { causeVocabulary } from '@fzlint/ontology';

/**
 * Domain vocabulary the structure rules need and the ontology does not (yet) carry.
 *
 * This is data, kept apart from the rules' logic so that it can move into
 * `@fzlint/ontology` unchanged (see the package README's "to move" list).
 * Every pattern is compiled once, at module load.
 */

/**
 * Words that show a cause analysis (原因, 究其原因, 根源在于, 归根结底 …): the first pattern
 * of the ontology's `causeVocabulary`, without the causes given with one item.
 */
export const CAUSE_ANALYSIS: RegExp = causeVocabulary[0]!;

/**
 * A shortcomings prose match that ends in the noun (`存在问题`) must end its phrase:
 * followed by punctuation, a conjunction or the end. `对存在问题的单位进行通报`,
 * `对存在问题进行整改` describe this year's work, not the report's own shortcomings.
 */
export const SHORTCOMING_NOUN_END = /(?:问题|不足|差距|短板|薄弱环节)$/u;
/** What may follow a shortcomings noun that ends the phrase. */
export const SHORTCOMING_PHRASE_END = /^(?:$|[\s，,。；;：:、！？!?）)”]|[和及与等])/u;

/** A year range or a time span after a year (`2018年以来`, `2021—2025年`): not the year of one report. */
export const YEAR_SPAN_AFTER = /^(?:年度?)?\s*(?:以来|至今|至|到|[—–\-~～－])/u;

/** A year directly before a span mark (`2021—2025年` seen from 2025). */
export const YEAR_SPAN_BEFORE = /(?:[—–\-~～－至到]|\d)\s*$/u;

/**
 * A year that lost digits: two or three digits before 年度 or before a month
 * (`20年度`, `20年12月18日`, `202年度`), not after another digit or a decimal point.
 * `20年来`, `近20年`, `3年12个月` are spans, not years, and do not match.
 */
export const BROKEN_YEAR = /(?<![0-9０-９.．第])([0-9]{2,3})年(?=度|[0-9]{1,2}月)/gu;
