import { builtinCatalogue, type CatalogueEntry } from '@fzlint/ontology';
import type { CalendarDate, ReportDocument } from '@fzlint/parser';
import type { Locale, RuleSettings } from './types.js';

/** Overrides of what the document says about itself, from config or the command line. */
export interface SettingsInput {
  readonly reportYear?: number;
  readonly writingDate?: CalendarDate;
  readonly locale?: Locale;
  /** User catalogue entries: added to the built-in catalogue, replacing entries with the same id. */
  readonly catalogue?: readonly CatalogueEntry[];
}

/** Merges the built-in catalogue with the user's entries (same id: the user's wins). */
export function mergeCatalogue(extra: readonly CatalogueEntry[] | undefined): readonly CatalogueEntry[] {
  if (!extra || extra.length === 0) return builtinCatalogue;
  const ids = new Set(extra.map((e) => e.id));
  return [...builtinCatalogue.filter((e) => !ids.has(e.id)), ...extra];
}

/** The settings every rule sees for one document. Explicit values win over what the document says. */
export function resolveSettings(document: ReportDocument, input: SettingsInput = {}): RuleSettings {
  const reportYear = input.reportYear ?? document.reportYear?.value;
  return {
    ...(reportYear !== undefined ? { reportYear } : {}),
    ...((input.writingDate ?? document.writingDate?.value) !== undefined ? { writingDate: (input.writingDate ?? document.writingDate?.value)! } : {}),
    locale: input.locale ?? 'zh-CN',
    catalogue: mergeCatalogue(input.catalogue),
  };
}
