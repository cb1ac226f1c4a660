/** What a catalogue entry describes. */
export type CatalogueKind =
  | 'policy'
  | 'law'
  | 'plan-period'
  | 'pufa-period'
  | 'congress'
  | 'organization'
  | 'term'
  | 'formula';

/** How sure we are of an entry's dates: an unconfirmed entry never raises an error. */
export type CatalogueConfidence = 'confirmed' | 'unconfirmed';

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
}
