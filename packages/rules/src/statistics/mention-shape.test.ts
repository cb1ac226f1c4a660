import { parse } from '@fzlint/parser';
import { describe, expect, it } from 'vitest';
import { figureLedger, statementShapeKeys } from './figures.js';
import { mentionShapeKeys, rateShapeKeys } from './mentions.js';
import { extractStatistics, rateRelationShapeKeys } from './relations.js';

// The primed counts of mentions.ts and the seeded rates, rate relations and statements of
// mentions.ts, relations.ts and figures.ts only help while their fields are those of the objects
// the code makes, in its order (V8 shares a map between object literals of the same keys in the
// same order).
describe('the primed count shape', () => {
  it('has the fields of a count the reader makes, in the same order', () => {
    const { mentions } = extractStatistics(parse('2022年度受理行政复议案件30件，审结28件。', { format: 'plaintext' }));
    expect(mentions.length).toBeGreaterThan(1);
    for (const m of mentions) expect(Object.keys(m)).toEqual(mentionShapeKeys());
  });
});

describe('the seeded rate, rate relation and statement shapes', () => {
  const document = parse('受理行政复议案件36件，审结35件，办结率为97.2%。受理政府信息公开申请128件，同比增长20%（上年为90件）。', {
    format: 'plaintext',
  });
  const { rates, relations } = extractStatistics(document);

  it('has the fields of a rate and of a rate relation, in the same order', () => {
    expect(rates.length).toBeGreaterThan(0);
    for (const r of rates) expect(Object.keys(r)).toEqual(rateShapeKeys());
    const rate = relations.find((r) => r.kind === 'rate');
    expect(rate && Object.keys(rate)).toEqual(rateRelationShapeKeys());
  });

  it('has the fields of the count, rate and change statements, in the same order (optional ones after)', () => {
    const { count, change } = statementShapeKeys();
    const statements = figureLedger(document).statements;
    const kinds = new Set(statements.map((s) => s.kind));
    expect([...kinds].sort()).toEqual(['change', 'count', 'rate']);
    for (const s of statements) {
      // A rate's statement is a count's up to `place` (one map), then `rate` instead of `mention`.
      const expected = s.kind === 'change' ? change : s.kind === 'count' ? count : [...count.slice(0, -1), 'rate'];
      expect(Object.keys(s).slice(0, expected.length)).toEqual(expected);
    }
  });
});
