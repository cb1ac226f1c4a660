import { parse } from '@fzlint/parser';
import { describe, expect, it } from 'vitest';
import { mentionShapeKeys } from './mentions.js';
import { extractStatistics } from './relations.js';

// The primed counts of mentions.ts only help while their fields are the reader's, in its order
// (V8 shares a map between object literals of the same keys in the same order).
describe('the primed count shape', () => {
  it('has the fields of a count the reader makes, in the same order', () => {
    const { mentions } = extractStatistics(parse('2022年度受理行政复议案件30件，审结28件。', { format: 'plaintext' }));
    expect(mentions.length).toBeGreaterThan(1);
    for (const m of mentions) expect(Object.keys(m)).toEqual(mentionShapeKeys());
  });
});
