import type { CatalogueEntry } from './types.js';

/**
 * FNV-1a of the built-in catalogue as JSON: what a matcher prebuilt from it (the rules'
 * dist/references/catalogue-trie.bin) is keyed by, so a file built from another catalogue is
 * refused. `pnpm build` writes the value into dist/catalogue/digest.js after tsc
 * (scripts/write-catalogue-digest.mjs), so it is always that of the catalogue built beside
 * it and nothing is hashed at run time; run from source it is undefined (no prebuilt matcher
 * is trusted then).
 */
export const CATALOGUE_DIGEST: number | undefined = undefined;

/** FNV-1a (32 bits) of `catalogue` as JSON, by UTF-16 unit. */
export function catalogueDigest(catalogue: readonly CatalogueEntry[]): number {
  const text = JSON.stringify(catalogue);
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}
