/** The corpus the edited-report generator takes pieces of: the repository's fixtures (never /work/shared). */
import { readdirSync, readFileSync } from 'node:fs';

const root = new URL('../../../fixtures/corpus/', import.meta.url);

/** Every full report, its Markdown version, and the excerpts. */
export function corpusTexts(): string[] {
  const out: string[] = [];
  for (const dir of ['full/', 'markdown/', 'excerpts/']) {
    const url = new URL(dir, root);
    for (const f of readdirSync(url).sort()) if (/\.(?:txt|md)$/.test(f)) out.push(readFileSync(new URL(f, url), 'utf8'));
  }
  return out;
}
