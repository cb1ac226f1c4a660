import { describe, expect, it } from 'vitest';
import { builtinCatalogue } from '../src/catalogue/entries.js';
import { CATALOGUE_DIGEST, catalogueDigest } from '../src/catalogue/digest.js';

// A matcher prebuilt from the built-in catalogue (the rules' dist/references/catalogue-trie.bin)
// is keyed by this digest; `pnpm build` writes it into dist/catalogue/digest.js.
describe('the built-in catalogue’s digest', () => {
  it('is unknown from source and written into dist by the build', async () => {
    expect(CATALOGUE_DIGEST).toBeUndefined();
    const dist = (await import('../dist/catalogue/digest.js' as string)) as { CATALOGUE_DIGEST: number };
    expect(dist.CATALOGUE_DIGEST, 'dist/catalogue/digest.js is stale: run pnpm build').toBe(catalogueDigest(builtinCatalogue));
  });

  it('changes with any spelling, excluded word or order of the entries', () => {
    const digest = catalogueDigest(builtinCatalogue);
    const [first, second, ...rest] = builtinCatalogue;
    expect(catalogueDigest([{ ...first!, aliases: [...(first!.aliases ?? []), '另一个名称'] }, second!, ...rest])).not.toBe(digest);
    expect(catalogueDigest([{ ...first!, exclude: ['另一个词'] }, second!, ...rest])).not.toBe(digest);
    expect(catalogueDigest([second!, first!, ...rest])).not.toBe(digest);
    expect(catalogueDigest(builtinCatalogue.slice(1))).not.toBe(digest);
  });
});
