// Build step, after tsc: writes the trie the references rules match the built-in catalogue
// with (~220 entries, ~500 spellings), followed by the catalogue's tables of titles, loose
// keys and meetings (format 5), to dist/references/catalogue-trie.bin, keyed by the
// catalogue's digest (@fzlint/ontology's CATALOGUE_DIGEST, written by its build), so a
// process or worker thread reads its typed arrays instead of building them (10–26 ms of CPU
// each for the trie, ~4 M instructions for the tables). The package exports it as
// `@fzlint/rules/catalogue-trie.bin`; test/catalogue-trie-prebuilt.test.ts checks the trie
// and the tables against those built at run time.
import { writeFileSync } from 'node:fs';
import { builtinCatalogue, CATALOGUE_DIGEST, catalogueDigest } from '@fzlint/ontology';
import { buildCatalogueTrie, writeCatalogueTrie } from '../dist/references/match.js';

if (CATALOGUE_DIGEST !== catalogueDigest(builtinCatalogue)) throw new Error('write-catalogue-trie: @fzlint/ontology is not built (its CATALOGUE_DIGEST is not its catalogue’s)');
const out = new URL('../dist/references/catalogue-trie.bin', import.meta.url);
writeFileSync(out, writeCatalogueTrie(buildCatalogueTrie(builtinCatalogue), builtinCatalogue, CATALOGUE_DIGEST));
