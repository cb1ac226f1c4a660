/**
 * The alias look-up of a phrase's head (`headMetricObject`) against the slices by every alias
 * length it replaced, kept here word for word as the oracle.
 */
import fc from 'fast-check';
import { METRIC_OBJECTS, type MetricObject } from '@fzlint/ontology';
import { describe, expect, it } from 'vitest';
import { headMetricObject } from './mentions.js';

const ALIASES_LONGEST = METRIC_OBJECTS.flatMap((m) => m.aliases.map((alias) => ({ alias, metric: m }))).sort(
  (a, b) => b.alias.length - a.alias.length,
);
const METRIC_BY_ALIAS = new Map([...ALIASES_LONGEST].reverse().map((a) => [a.alias, a.metric]));
const ALIAS_LENGTHS = [...new Set(ALIASES_LONGEST.map((a) => a.alias.length))];

function headBySlices(phrase: string): MetricObject | undefined {
  for (const length of ALIAS_LENGTHS) {
    if (length > phrase.length) continue;
    const metric = METRIC_BY_ALIAS.get(length === phrase.length ? phrase : phrase.slice(phrase.length - length));
    if (metric) return metric;
  }
  return undefined;
}

describe('headMetricObject', () => {
  it('finds the longest alias a phrase ends with, as the look-up by every alias length did', () => {
    const phrases = ['', '件', ...ALIASES_LONGEST.map((a) => a.alias)];
    for (const a of ALIASES_LONGEST) phrases.push(`全市${a.alias}`, `${a.alias}数`, a.alias.slice(1), a.alias.slice(0, -1));
    for (const p of phrases) expect(headMetricObject(p)).toBe(headBySlices(p));
  });

  it('agrees on generated phrases', () => {
    const piece = fc.constantFrom(...ALIASES_LONGEST.map((a) => a.alias), ...ALIASES_LONGEST.map((a) => a.alias.slice(1)), '的', '件', '全市', 'a');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 4 }), (pieces) => {
        const p = pieces.join('');
        expect(headMetricObject(p)).toBe(headBySlices(p));
      }),
      { numRuns: 5_000 },
    );
  });
});
