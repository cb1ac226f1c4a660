import type { CatalogueEntry } from '@fzlint/ontology';
import type { Severity } from '@fzlint/rule-api';
import { earliestDay, formatIsoEn, formatIsoZh, latestDay, type DayNumber } from './dates.js';
import type { ReportDocument } from '@fzlint/parser';
import type { RuleSettings } from '@fzlint/rule-api';
import { normalizeSpelling, type ReferenceDates } from './match.js';

/*
 * The two-date judgement every references rule shares (docs/rules/references/outdated-policy.md). A report describes its report year Y and is
 * written on the writing date W (signature, metadata, or 31 March of Y+1).
 * - still current on W, or its successor did not exist yet and the mention is about Y: no finding;
 * - cited in the next-year plan after it stopped being current: error;
 * - stopped being current before Y began: warning;
 * - stopped during Y: warning (terms: info — the report recounts the year as it was);
 * - stopped only after Y ended (or with it, as a plan period ending 31 December), before W:
 *   info naming the successor.
 * Unconfirmed dates (of the entry or its successor) and entries without a successor
 * never go above info; an entry's `severityCap` caps the rest.
 */

const RANK: Record<Severity, number> = { info: 0, warn: 1, error: 2 };

/** The lower of two severities. */
export function minSeverity(a: Severity, b: Severity): Severity {
  return RANK[a] <= RANK[b] ? a : b;
}

/** Why a reference is outdated, for messages. */
export type OutdatedWhen = 'before-year' | 'during-year' | 'after-year' | 'plan';

/** A judged outdated reference. */
export interface OutdatedJudgement {
  readonly severity: Severity;
  readonly when: OutdatedWhen;
  /** The date from which it is no longer current (ISO, as precise as known). */
  readonly since: string;
}

/** Options of `judgeOutdated`. */
export interface JudgeOptions {
  readonly inNextYearPlan: boolean;
  /** Severity when it stopped during the report year. */
  readonly duringYear?: Severity;
  /** Severity ceiling for this rule (before entry caps). */
  readonly ceiling?: Severity;
}

/** The ISO date from which an entry is no longer current (its end, else its successor's start). */
export function endOf(entry: CatalogueEntry, successor: CatalogueEntry | undefined): string | undefined {
  return entry.validUntil ?? successor?.validFrom;
}

/** Caps a severity by the entry's confidence, its successor and its own cap. */
export function capFor(entry: CatalogueEntry, successor: CatalogueEntry | undefined, severity: Severity): Severity {
  let s = severity;
  if (entry.confidence === 'unconfirmed' || successor?.confidence === 'unconfirmed' || !successor) s = minSeverity(s, 'info');
  if (entry.severityCap) s = minSeverity(s, entry.severityCap);
  return s;
}

/**
 * Judges a reference to `entry` made on the given dates; undefined when it is not outdated.
 */
export function judgeOutdated(
  entry: CatalogueEntry,
  successor: CatalogueEntry | undefined,
  dates: ReferenceDates,
  options: JudgeOptions,
): OutdatedJudgement | undefined {
  const since = endOf(entry, successor);
  // It stopped being current at the latest day its date allows.
  const until = latestDay(since);
  if (since === undefined || until === undefined || until >= dates.writing) return undefined;
  const yearStart: DayNumber = dates.reportYear * 10000 + 101;
  const yearEnd: DayNumber = dates.reportYear * 10000 + 1231;
  const successorStart = earliestDay(successor?.validFrom);
  const successorExisted = successor !== undefined && (successorStart === undefined || successorStart <= dates.writing);
  let severity: Severity;
  let when: OutdatedWhen;
  if (options.inNextYearPlan) {
    severity = 'error';
    when = 'plan';
  } else if (until < yearStart) {
    severity = 'warn';
    when = 'before-year';
  } else if (until < yearEnd) {
    severity = options.duringYear ?? 'warn';
    when = 'during-year';
  } else {
    // Superseded after the year the report describes: only worth saying when the successor is there to name.
    if (!successorExisted) return undefined;
    severity = 'info';
    when = 'after-year';
  }
  if (!successorExisted) severity = minSeverity(severity, 'info');
  if (options.ceiling) severity = minSeverity(severity, options.ceiling);
  return { severity: capFor(entry, successor, severity), when, since };
}

/**
 * Whether the report can be dated at all: a report year (from the text, config or
 * command line) or a writing date the text states. Without either, every judgement
 * would rest on a guessed date, so the time-based rules stay silent.
 */
export function datesKnown(document: ReportDocument, settings: RuleSettings): boolean {
  if (settings.writingDate === undefined) return false;
  if (settings.reportYear !== undefined) return true;
  const w = document.writingDate;
  if (!w) return true;
  const same = w.value.year === settings.writingDate.year && w.value.month === settings.writingDate.month && w.value.day === settings.writingDate.day;
  return !(same && (w.assumed || w.source === 'default'));
}

/** Short display name of an entry: its canonical name without a trailing document number. */
export function displayName(entry: CatalogueEntry): string {
  return entry.name.replace(/^(《[^》]+》)（[^）]*(?:〔|号)[^）]*）$/, '$1');
}

/** The written text as a message shows it: without quote marks (“七五”普法 → 七五普法). */
export function shownText(text: string): string {
  return text.replace(/[“”"‘’'「」『』]/gu, '');
}

/** Message data shared by the references rules. */
export function outdatedData(
  text: string,
  entry: CatalogueEntry,
  successor: CatalogueEntry | undefined,
  judgement: OutdatedJudgement,
): Record<string, string> {
  const name = displayName(entry);
  const sameName = normalizeSpelling(name.replace(/[《》]/gu, '')) === normalizeSpelling(text);
  return {
    text: shownText(text),
    name,
    /** （name） after the text, or nothing when the text is the name. */
    nameClause: sameName ? '' : `（${name}）`,
    nameClauseEn: sameName ? '' : ` (${name})`,
    since: formatIsoZh(judgement.since),
    sinceEn: formatIsoEn(judgement.since),
    successor: successor ? displayName(successor) : '（目录中暂无后继）',
    successorEn: successor ? displayName(successor) : '(no successor in the catalogue yet)',
    source: entry.source ?? '',
  };
}
