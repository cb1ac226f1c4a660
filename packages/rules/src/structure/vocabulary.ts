/**
 * Domain vocabulary the structure rules need and the ontology does not (yet) carry.
 *
 * This is data, kept apart from the rules' logic so that it can move into
 * `@fzlint/ontology` unchanged (see the package README's "to move" list).
 * Every pattern is compiled once, at module load.
 */

/**
 * Words that show a cause analysis: 原因 and its kin (究其原因, 主要原因是, 原因在于,
 * 分析原因, 根源在于, 症结在于, 归因于, 归根结底 …).
 *
 * Single causal clauses (由于…, 受…影响) are deliberately NOT counted: the
 * regulation asks for the 不足和原因 of the year, an analysis that reports
 * name as such; a clause explaining one item (“受编制和专业性影响，…人员配备不足”)
 * is context, not that analysis.
 */
export const CAUSE_ANALYSIS = /原因|根源|症结|究其|归因于|归结于|归根结底|根子在|主观上.{0,40}客观上/u;

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
