// Build step, after tsc: writes the built-in catalogue's digest into dist/catalogue/digest.js
// (src/catalogue/digest.ts holds undefined), so CATALOGUE_DIGEST is always that of the
// catalogue compiled beside it. A matcher prebuilt from the catalogue (the rules'
// dist/references/catalogue-trie.bin) carries the digest it was built from and is refused
// when they differ.
import { readFileSync, writeFileSync } from 'node:fs';
import { builtinCatalogue } from '../dist/catalogue/entries.js';
import { catalogueDigest } from '../dist/catalogue/digest.js';

const file = new URL('../dist/catalogue/digest.js', import.meta.url);
const compiled = readFileSync(file, 'utf8');
// tsc's `undefined`, or a digest an earlier run wrote where tsc left the file as it was.
const line = /^export const CATALOGUE_DIGEST = (?:undefined|0x[0-9a-f]{8});$/m;
if (!line.test(compiled)) throw new Error('write-catalogue-digest: no CATALOGUE_DIGEST line in dist/catalogue/digest.js');
const digest = `0x${catalogueDigest(builtinCatalogue).toString(16).padStart(8, '0')}`;
writeFileSync(file, compiled.replace(line, `export const CATALOGUE_DIGEST = ${digest};`));
