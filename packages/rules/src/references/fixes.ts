import type { CatalogueEntry } from '@fzlint/ontology';
import type { Fix } from '@fzlint/rule-api';
import type { CatalogueReference } from './match.js';

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
  const keys = Object.keys(entry.renames).sort((a, b) => b.length - a.length);
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    const at = ref.text.indexOf(key);
    if (at < 0) continue;
    const replacement = entry.renames[key]!;
    return { range: { start: ref.range.start + at, end: ref.range.start + at + key.length }, text: replacement };
  }
  return undefined;
}

/** The replacement text a rename would give, for messages. */
export function renameText(ref: CatalogueReference): string | undefined {
  const renames = ref.entry.renames;
  if (!ref.entry.successorIsRename || !renames) return undefined;
  const key = Object.keys(renames)
    .sort((a, b) => b.length - a.length)
    .find((k) => ref.text.includes(k));
  return key ? ref.text.replace(key, renames[key]!) : undefined;
}
