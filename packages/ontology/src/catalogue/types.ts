/** What a catalogue entry describes. */
export type CatalogueKind =
  | 'policy'
  | 'law'
  | 'plan-period'
  | 'pufa-period'
  | 'congress'
  | 'organization'
  | 'term'
  | 'formula'
  | 'campaign';

/**
 * How sure we are of an entry's dates: `confirmed` in the text itself or an official
 * copy, `secondary` in news or another second-hand source, `unconfirmed` not checked.
 * An unconfirmed entry never raises more than info; only a confirmed one gets fixes.
 */
export type CatalogueConfidence = 'confirmed' | 'secondary' | 'unconfirmed';

/** Kinds of catalogue entries, in display order. */
export const CATALOGUE_KINDS: readonly CatalogueKind[] = [
  'policy',
  'law',
  'plan-period',
  'pufa-period',
  'congress',
  'organization',
  'term',
  'formula',
  'campaign',
];

/** The confidence values, surest first. */
export const CATALOGUE_CONFIDENCES: readonly CatalogueConfidence[] = ['confirmed', 'secondary', 'unconfirmed'];

/** How a version came about: first enactment, amendment by decision (修正), revision (修订), or repeal. */
export type LawVersionKind = '制定' | '修正' | '修订' | '废止';

/**
 * One version of a law or regulation. Reports cite a version by its adoption year
 * and kind (《…》（2021年修订）); it is in force from `effective`.
 */
export interface LawVersion {
  readonly kind: LawVersionKind;
  /** Adopted / promulgated (ISO, as precise as checked); absent for a repeal. */
  readonly adopted?: string;
  /** In force from (ISO); absent when not found. */
  readonly effective?: string;
  /** Confidence of the adoption date and body. */
  readonly confidence: CatalogueConfidence;
  /** Confidence of the effective date. */
  readonly effectiveConfidence: CatalogueConfidence;
  /** The adopting body. */
  readonly body?: string;
  /** How reports cite it (《中华人民共和国行政处罚法》（2021年修订）). */
  readonly cite?: string;
  readonly source?: string;
  readonly note?: string;
}

/** A phase of a campaign (试点, 第一批 …). */
export interface CampaignPhase {
  readonly name: string;
  readonly start?: string;
  readonly end?: string;
  readonly note?: string;
}

/**
 * A dated fact about something a report may cite: a policy, a law version,
 * a plan period, a Party congress, an organisation name or a term.
 * Dates are ISO strings with the precision that was verified (`2021`, `2021-08`, `2021-08-11`).
 */
export interface CatalogueEntry {
  readonly id: string;
  readonly kind: CatalogueKind;
  /** Canonical name as it is cited (《法治政府建设实施纲要（2021—2025年）》). */
  readonly name: string;
  /** Other spellings that name the same thing. */
  readonly aliases?: readonly string[];
  /** Regular-expression sources that find the entry in text, beyond name and aliases. */
  readonly patterns?: readonly string[];
  /** When it took effect / was issued / began. */
  readonly validFrom?: string;
  /** When it stopped being current (superseded, repealed, renamed, period ended). */
  readonly validUntil?: string;
  /** Id of the entry that replaced it. */
  readonly successor?: string;
  /** True when the successor is the same thing under a new name, so a fix is safe. */
  readonly successorIsRename?: boolean;
  /** Where the dates were checked. */
  readonly source?: string;
  readonly confidence: CatalogueConfidence;
  /** Free-text note shown in hovers. */
  readonly note?: string;
  /**
   * Longer words that contain an alias but name something else (劳动合同法 contains 合同法).
   * The matcher consumes them so the alias inside is not reported.
   */
  readonly exclude?: readonly string[];
  /**
   * Exact replacement text per alias for a fix (新冠肺炎 → 新冠病毒感染), used only when
   * `successorIsRename` is true and the entry is confirmed.
   */
  readonly renames?: Readonly<Record<string, string>>;
  /** The highest severity a finding on this entry may have (a dated but not wrong wording). */
  readonly severityCap?: 'info' | 'warn';
  /** Laws: every version, oldest first (a repeal last). A version cited by year is judged on them. */
  readonly versions?: readonly LawVersion[];
  /** False when the research left versions out, so a year that names none is not sure to be wrong. */
  readonly versionsComplete?: boolean;
  /** The successor's wording when it has no entry of its own (campaigns: 全面建设社会主义现代化国家). */
  readonly successorName?: string;
  /** Campaigns: their phases. */
  readonly phases?: readonly CampaignPhase[];
  /** Ids under which earlier catalogue editions held this entry (law-xzcf-2021 → lv-xingzhengchufafa). */
  readonly formerIds?: readonly string[];
  /** The area of law (行政法, 行政法规 …). */
  readonly category?: string;
}
