/**
 * `extractMentions` does not read the sentences whose numbers `readSentence` would find nothing in
 * (years, dates, money …). Any other reader is given every sentence with numbers, so the whole pass
 * through a plain wrapper of `readSentence` must find exactly what the pass with the skip finds.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from '@fzlint/parser';
import { describe, expect, it } from 'vitest';
import { statisticsInput } from './input.js';
import { extractMentions, readSentence, type SentenceReader } from './mentions.js';

const CORPUS = join(dirname(fileURLToPath(import.meta.url)), '../../../../fixtures/corpus');

describe('sentences the reader is not given', () => {
  it('change nothing the analysis finds in the corpus reports', () => {
    let reports = 0;
    for (const folder of ['full', 'archive', 'excerpts']) {
      const dir = join(CORPUS, folder);
      for (const file of readdirSync(dir).sort()) {
        if (!/\.(md|txt)$/.test(file)) continue;
        const doc = statisticsInput(parse(readFileSync(join(dir, file), 'utf8'), { format: 'plaintext' }));
        const wrapper: SentenceReader = (text, range, numbers, context, at) => readSentence(text, range, numbers, context, at);
        const all = extractMentions(doc, wrapper);
        const some = extractMentions(doc);
        expect(some.mentions).toEqual(all.mentions);
        expect(some.rates).toEqual(all.rates);
        expect(some.changes).toEqual(all.changes);
        expect(some.bySentence).toEqual(all.bySentence);
        expect(some.ratesBySentence).toEqual(all.ratesBySentence);
        reports++;
      }
    }
    expect(reports).toBeGreaterThan(10);
  });
});
