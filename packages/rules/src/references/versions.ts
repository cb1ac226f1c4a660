import {
  adoptionYear,
  firstDayOf,
  lastDayOf,
  lawVersions,
  newestAdopted,
  nextVersion,
  versionInForce,
  versionLabel,
  type CatalogueConfidence,
  type CatalogueEntry,
  type LawVersion,
} from '@fzlint/ontology';
import { documentMemo, type ReportDocument, type TextRange } from '@fzlint/parser';
import type { RuleSettings, Severity } from '@fzlint/rule-api';
import { analyzeReferences, type CatalogueReference, type ReferenceDates } from './match.js';

/*
 * A law cited by version. Reports name a version by its adoption year and kind in
 * brackets after the title (《行政处罚法》（2021年修订）), as an edition (2017年版), before
 * the name (2021年修订的行政处罚法), or relatively (新修订的行政处罚法, 修改后的立法法,
 * 新《行政复议法》). This module reads those forms around every law reference and
 * resolves them against the law's versions in the catalogue; the rules judge them.
 * 修改前的X and 原X name the old version on purpose (transitional cases): not read.
 */

/** How the version is written. */
export type VersionForm = 'bracket' | 'edition' | 'year-before' | 'new';

/** What is wrong with the citation's form, for references/malformed-citation. */
export type VersionProblem = 'no-such-version' | 'effective-year' | 'wrong-kind';

/** One version citation. */
export interface VersionCitation {
  readonly ref: CatalogueReference;
  readonly entry: CatalogueEntry;
  readonly form: VersionForm;
  /** The version words as written (（2017年修正）, 新修订的). */
  readonly versionText: string;
  readonly versionRange: TextRange;
  /** The text to replace to name another version: the year and kind inside the brackets, the year and kind before the name. */
  readonly labelRange?: TextRange;
  /** Name and version words together: the range a finding covers. */
  readonly range: TextRange;
  /** Where the name ends, after a closing 》 (for an inserted bracket). */
  readonly nameEnd: number;
  readonly year?: number;
  /** The kind word written: 修正, 修订, 修改, 版, or '' when none. */
  readonly kindWord?: string;
  /** The version meant (for a malformed year, the version the year was probably meant for). */
  readonly version?: LawVersion;
  readonly problem?: VersionProblem;
}

const BRACKET_AFTER =
  /^》?[ \t\u3000]*[（(][ \t\u3000]*((?:19|20)\d{2})[ \t\u3000]*年[ \t\u3000]*(?:\d{1,2}[ \t\u3000]*月(?:[ \t\u3000]*\d{1,2}[ \t\u3000]*日)?)?[ \t\u3000]*(?:第[一二三四五六七八九十]+次)?[ \t\u3000]*(修正|修订|修改|版|本)?(?:文本)?[ \t\u3000]*[）)]/u;
const EDITION_AFTER = /^》?((?:19|20)\d{2})年(版)/u;
const YEAR_BEFORE = /((?:19|20)\d{2})[ \t\u3000]*年(?:\d{1,2}月(?:\d{1,2}日)?)?(新)?(修正|修订|修改|版)(?:后)?的?[ \t\u3000]*《?$/u;
const NEW_BEFORE = /(?:(?:最?新|重新)?(?:修订|修正|修改)后?|(?<![创更革翻焕清全崭重刷维])(?:最)?新)的?[ \t\u3000]*《?$/u;
/** 新 only when it is the adjective of the law, not the end of a word (创新, 更新) or a verb phrase. */
const NEW_STRICT = /(?:新修订|新修正|新修改|修订后|修正后|修改后)的?[ \t\u3000]*《?$|(?<![\p{Script=Han}])新《$|(?:贯彻|实施|落实|学习|宣传|宣贯|执行|施行|依据|根据|按照|对照|解读|培训|适用|用好|学好|推进|的|和|与|及|、)新《?$/u;
const BEFORE_AMENDMENT = /(?:修改前|修订前|修正前|原)的?[ \t\u3000]*《?$/u;

function kindOk(version: LawVersion, word: string): boolean {
  return word === '' || word === '修改' || word === '版' || word === '本' || word === version.kind;
}

/** Resolves a written year and kind against the law's versions. */
function resolve(entry: CatalogueEntry, year: number, word: string): { version?: LawVersion; problem?: VersionProblem } {
  const versions = lawVersions(entry);
  const sameYear = versions.filter((v) => adoptionYear(v) === year);
  if (sameYear.length > 0) {
    const exact = sameYear.filter((v) => kindOk(v, word));
    if (exact.length > 0) return { version: exact[exact.length - 1]! };
    return { version: sameYear[sameYear.length - 1]!, problem: 'wrong-kind' };
  }
  // The effective year written for the adoption year (《行政复议法》（2024年修订）).
  const effective = versions.filter((v) => v.effective && Number(v.effective.slice(0, 4)) === year && adoptionYear(v) !== year);
  if (effective.length === 1) return { version: effective[0]!, problem: 'effective-year' };
  return { problem: 'no-such-version' };
}

function citationsOf(document: ReportDocument, ref: CatalogueReference, writing: number): VersionCitation | undefined {
  const entry = ref.entry;
  if (!entry.versions || entry.versions.length === 0) return undefined;
  const sentence = document.sentences[ref.sentenceIndex];
  if (!sentence) return undefined;
  const base = sentence.range.start;
  const text = sentence.text;
  const localStart = ref.range.start - base;
  const localEnd = ref.range.end - base;
  const after = text.slice(localEnd, localEnd + 24);
  const closing = after.startsWith('》') ? 1 : 0;
  const nameEnd = ref.range.end + closing;
  const before = text.slice(Math.max(0, localStart - 16), localStart);
  let m = BRACKET_AFTER.exec(after);
  if (m) {
    const year = Number(m[1]);
    const word = m[2] ?? '';
    const open = after.search(/[（(]/u);
    const close = m[0].length - 1;
    const labelStart = ref.range.end + after.indexOf(m[1]!, open);
    const r = resolve(entry, year, word);
    return {
      ref,
      entry,
      form: 'bracket',
      versionText: after.slice(open, close + 1),
      versionRange: { start: ref.range.end + open, end: ref.range.end + close + 1 },
      labelRange: { start: labelStart, end: ref.range.end + close },
      range: { start: ref.range.start, end: ref.range.end + close + 1 },
      nameEnd,
      year,
      kindWord: word,
      ...r,
    };
  }
  m = EDITION_AFTER.exec(after);
  if (m) {
    const year = Number(m[1]);
    const at = ref.range.end + closing;
    const r = resolve(entry, year, '版');
    return {
      ref,
      entry,
      form: 'edition',
      versionText: m[0].slice(closing),
      versionRange: { start: at, end: ref.range.end + m[0].length },
      labelRange: { start: at, end: ref.range.end + m[0].length },
      range: { start: ref.range.start, end: ref.range.end + m[0].length },
      nameEnd,
      year,
      kindWord: '版',
      ...r,
    };
  }
  if (BEFORE_AMENDMENT.test(before)) return undefined;
  m = YEAR_BEFORE.exec(before);
  if (m) {
    const year = Number(m[1]);
    const word = m[3] ?? '';
    const start = ref.range.start - before.length + m.index;
    const labelEnd = start + m[0].indexOf(word) + word.length;
    const r = resolve(entry, year, word);
    return {
      ref,
      entry,
      form: 'year-before',
      versionText: m[0].replace(/[《\s]+$/u, ''),
      versionRange: { start, end: start + m[0].replace(/[《\s]+$/u, '').length },
      labelRange: { start, end: labelEnd },
      range: { start, end: ref.range.end },
      nameEnd,
      year,
      kindWord: word,
      ...r,
    };
  }
  m = NEW_BEFORE.exec(before);
  if (m && NEW_STRICT.test(before)) {
    const words = m[0].replace(/[《\s]+$/u, '');
    const start = ref.range.start - before.length + m.index;
    const version = newestAdopted(entry, writing);
    // A law never amended has no “new” version to speak of.
    if (!version || version.kind === '制定') return undefined;
    return {
      ref,
      entry,
      form: 'new',
      versionText: words,
      versionRange: { start, end: start + words.length },
      range: { start, end: ref.range.end },
      nameEnd,
      version,
    };
  }
  return undefined;
}

/** Every version citation of a document (once per document and dates; rules share it). */
export interface DocumentVersions {
  readonly citations: readonly VersionCitation[];
  readonly dates: ReferenceDates;
}

const cache = documentMemo<{ key: string; catalogue: readonly CatalogueEntry[]; value: DocumentVersions }>();

/** Finds and resolves the version citations of the laws a document cites. */
export function analyzeVersions(document: ReportDocument, settings: RuleSettings): DocumentVersions {
  const { references, dates } = analyzeReferences(document, settings);
  const key = `${dates.writing}/${dates.reportYear}`;
  const hit = cache.get(document);
  if (hit && hit.key === key && hit.catalogue === settings.catalogue) return hit.value;
  const citations: VersionCitation[] = [];
  for (let i = 0; i < references.length; i++) {
    const ref = references[i]!;
    if (ref.entry.kind !== 'law' || !ref.entry.versions || ref.inOtherTitle) continue;
    const c = citationsOf(document, ref, dates.writing);
    if (c) citations.push(c);
  }
  const value = { citations, dates };
  cache.set(document, { key, catalogue: settings.catalogue, value });
  return value;
}

const RANK: Record<Severity, number> = { info: 0, warn: 1, error: 2 };
const min = (a: Severity, b: Severity): Severity => (RANK[a] <= RANK[b] ? a : b);

/** Why a version is outdated. */
export type VersionWhen = 'before-year' | 'during-year' | 'after-year' | 'plan';

/** A judged outdated version citation. */
export interface VersionJudgement {
  readonly severity: Severity;
  readonly when: VersionWhen;
  /** The version that replaced the one cited. */
  readonly next: LawVersion;
  /** The version in force on the writing date. */
  readonly current?: LawVersion;
  /** True when the version in force is confirmed in every date, so writing it is a sure fix. */
  readonly sure: boolean;
}

const weak = (c: CatalogueConfidence | undefined): boolean => c === undefined || c === 'unconfirmed';

/**
 * Judges a citation of an explicit version (bracket, edition, year before) on the two
 * dates: replaced before the report year began → warning; in the next-year plan →
 * error; replaced during the year or only after it ended → info (the year was partly
 * or wholly under the cited version). Unconfirmed dates never go above info. A version
 * ended by the repeal of the whole law is outdated-policy's finding, not this one.
 */
export function judgeVersion(c: VersionCitation, dates: ReferenceDates, inPlan: boolean): VersionJudgement | undefined {
  if (!c.version || c.form === 'new') return undefined;
  const next = nextVersion(c.entry, c.version);
  if (!next || next.kind === '废止') return undefined;
  const until = next.effective ? firstDayOf(next.effective) : lastDayOf(next.adopted);
  // It stopped being current at the latest day the next version's date allows.
  const untilLatest = next.effective ? lastDayOf(next.effective) : until;
  if (until === undefined || untilLatest === undefined || untilLatest >= dates.writing) return undefined;
  const yearStart = dates.reportYear * 10000 + 101;
  const yearEnd = dates.reportYear * 10000 + 1231;
  let severity: Severity;
  let when: VersionWhen;
  if (inPlan) {
    severity = 'error';
    when = 'plan';
  } else if (untilLatest <= yearStart) {
    severity = 'warn';
    when = 'before-year';
  } else if (untilLatest <= yearEnd) {
    severity = 'info';
    when = 'during-year';
  } else {
    severity = 'info';
    when = 'after-year';
  }
  if (c.entry.confidence === 'unconfirmed' || weak(next.effectiveConfidence) || !next.effective || weak(c.version.confidence)) {
    severity = min(severity, 'info');
  }
  if (c.entry.severityCap) severity = min(severity, c.entry.severityCap);
  const current = versionInForce(c.entry, dates.writing);
  const sure =
    current !== undefined &&
    current !== c.version &&
    versionLabel(current) !== '' &&
    current.confidence === 'confirmed' &&
    current.effectiveConfidence === 'confirmed' &&
    current.effective !== undefined;
  return { severity, when, next, ...(current ? { current } : {}), sure };
}

/**
 * A relative citation (新修订的X) that is no longer new: the newest version took
 * effect two or more years before the report year (the research's rule of thumb, a
 * hint, not a norm). Info only.
 */
export function staleNew(c: VersionCitation, dates: ReferenceDates): LawVersion | undefined {
  if (c.form !== 'new' || !c.version) return undefined;
  const year = Number((c.version.effective ?? c.version.adopted ?? '').slice(0, 4));
  if (!year) return undefined;
  return dates.reportYear - year >= 2 ? c.version : undefined;
}
