import type { CatalogueEntry } from '@fzlint/ontology';
import type { FzlintConfig, RuleConfigEntry } from '../types.js';

/**
 * Merges a nearer config over a farther one: scalar keys of the nearer win, rule
 * settings are merged per rule id (nearer wins), catalogue entries are combined
 * (same id: nearer wins), ignore patterns are combined. `root` and `extends` are
 * file-level keys and are not carried into the result.
 */
export function mergeConfigs(farther: FzlintConfig, nearer: FzlintConfig): FzlintConfig {
  const rules: Record<string, RuleConfigEntry> = { ...farther.rules, ...nearer.rules };
  const catalogue = mergeEntries(farther.catalogue, nearer.catalogue);
  const ignorePatterns = [...(farther.ignorePatterns ?? []), ...(nearer.ignorePatterns ?? [])];
  const reportYear = nearer.reportYear ?? farther.reportYear;
  const writingDate = nearer.writingDate ?? farther.writingDate;
  const locale = nearer.locale ?? farther.locale;
  // Already absolute when it comes from a file (the project API resolves it against its config's folder).
  const previousReport = nearer.previousReport ?? farther.previousReport;
  return {
    ...(Object.keys(rules).length ? { rules } : {}),
    ...(reportYear !== undefined ? { reportYear } : {}),
    ...(writingDate !== undefined ? { writingDate } : {}),
    ...(locale !== undefined ? { locale } : {}),
    ...(catalogue.length ? { catalogue } : {}),
    ...(ignorePatterns.length ? { ignorePatterns } : {}),
    ...(previousReport !== undefined ? { previousReport } : {}),
  };
}

function mergeEntries(
  farther: readonly CatalogueEntry[] | undefined,
  nearer: readonly CatalogueEntry[] | undefined,
): CatalogueEntry[] {
  if (!nearer?.length) return [...(farther ?? [])];
  const ids = new Set(nearer.map((e) => e.id));
  return [...(farther ?? []).filter((e) => !ids.has(e.id)), ...nearer];
}
