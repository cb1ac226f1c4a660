// Build step, after tsc: writes the trie the references rules match the built-in catalogue
// with (~220 entries, ~500 spellings) to dist/references/catalogue-trie.bin, keyed by the
// catalogue's digest (@fzlint/ontology's CATALOGUE_DIGEST, written by its build), so a
// process or worker thread reads its typed arrays instead of building them (10–26 ms of CPU
// each). The package exports it as `@fzlint/rules/catalogue-trie.bin`;
// test/catalogue-trie-prebuilt.test.ts checks it against a trie built at run time.
import { writeFileSync } from 'node:fs';
import { builtinCatalogue, CATALOGUE_DIGEST, catalogueDigest } from '@fzlint/ontology';
import { buildCatalogueTrie, writeCatalogueTrie } from '../dist/references/match.js';

if (CATALOGUE_DIGEST !== catalogueDigest(builtinCatalogue)) throw new Error('write-catalogue-trie: @fzlint/ontology is not built (its CATALOGUE_DIGEST is not its catalogue’s)');
const out = new URL('../dist/references/catalogue-trie.bin', import.meta.url);
writeFileSync(out, writeCatalogueTrie(buildCatalogueTrie(builtinCatalogue), builtinCatalogue, CATALOGUE_DIGEST));
