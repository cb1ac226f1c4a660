import type { CatalogueEntry } from '@fzlint/ontology';
import type { Fix } from '@fzlint/rule-api';
import type { CatalogueReference } from './match.js';

/**
 * A rename table's keys, longest first (a stable sort, as `Object.keys(…).sort(…)` gave), made
 * once per catalogue entry's table: the functions below sorted a fresh copy per finding, ~0.37 MB
 * per 200 corpus reports in the CLI's heap profile.
 */
const sortedKeys = new WeakMap<Readonly<Record<string, string>>, readonly string[]>();
function renameKeys(renames: Readonly<Record<string, string>>): readonly string[] {
  let keys = sortedKeys.get(renames);
  if (keys === undefined) {
    keys = Object.keys(renames).sort((a, b) => b.length - a.length);
    sortedKeys.set(renames, keys);
  }
  return keys;
}

/**
 * The fix that renames a reference to its successor's exact text, when the
 * successor is a pure rename of a confirmed entry and the catalogue gives the
 * replacement for what is written (新冠肺炎 → 新冠病毒感染). Longest rename key first,
 * so 习近平总书记全面依法治国新理念新思想新战略 is replaced whole.
 */
export function renameFix(ref: CatalogueReference, successor: CatalogueEntry | undefined): Fix | undefined {
  const entry = ref.entry;
  if (!entry.successorIsRename || !entry.renames || entry.confidence !== 'confirmed') return undefined;
  if (!successor || successor.confidence !== 'confirmed') return undefined;
  return renameEdit(ref);
}

/**
 * The edit that replaces the longest rename key written in the reference with its new text,
 * whatever the entries' confidence (`renameFix` checks it; outdated-term offers it as a suggestion).
 */
export function renameEdit(ref: CatalogueReference): Fix | undefined {
  const renames = ref.entry.renames;
  if (!renames) return undefined;
  const keys = renameKeys(renames);
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    const at = ref.text.indexOf(key);
    if (at < 0) continue;
    return { range: { start: ref.range.start + at, end: ref.range.start + at + key.length }, text: renames[key]! };
  }
  return undefined;
}

/** The replacement text a rename would give, for messages. */
export function renameText(ref: CatalogueReference): string | undefined {
  const renames = ref.entry.renames;
  if (!ref.entry.successorIsRename || !renames) return undefined;
  const keys = renameKeys(renames);
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    if (ref.text.includes(key)) return key ? ref.text.replace(key, renames[key]!) : undefined;
  }
  return undefined;
}
