import fc from 'fast-check';
import { typoCandidates } from '@fzlint/ontology';
import { describe, expect, it } from 'vitest';
import { compileAutomaton, MAX_AUTOMATON_NODES, scanAutomaton } from './automaton.js';

/** The matcher's contract, entry by entry: at each position the longest word (or blocked word) starting there. */
function naive(words: readonly string[], blocked: readonly string[], text: string): [number, number, string][] {
  const blockedSet = new Set(blocked);
  const all = [...new Set([...words, ...blocked])].filter((w) => w.length > 0);
  const out: [number, number, string][] = [];
  let i = 0;
  while (i < text.length) {
    let best: string | undefined;
    for (const w of all) if (text.startsWith(w, i) && (!best || w.length > best.length)) best = w;
    if (!best) {
      i++;
      continue;
    }
    if (!blockedSet.has(best)) out.push([i, i + best.length, best]);
    i += best.length;
  }
  return out;
}

function scanned(words: readonly string[], blocked: readonly string[], text: string): [number, number, string][] {
  const a = compileAutomaton(words.map((w): [string, string] => [w, w]), blocked);
  const out: [number, number, string][] = [];
  scanAutomaton(a, text, 0, text.length, (s, e, w) => out.push([s, e, w]));
  return out;
}

describe('scanAutomaton', () => {
  it('finds exactly what an entry-by-entry matcher finds (random words and texts)', () => {
    const alphabet = fc.constantFrom(...'法治政府建设营商环境竟行政复议义个体工商户a1，。');
    const word = fc.string({ unit: alphabet, minLength: 1, maxLength: 5 });
    fc.assert(
      fc.property(fc.array(word, { maxLength: 12 }), fc.array(word, { maxLength: 3 }), fc.string({ unit: alphabet, maxLength: 60 }), (words, blocked, text) => {
        // A word listed both ways is blocked (compileAutomaton's rule): keep the lists apart.
        const kept = words.filter((w) => !blocked.includes(w));
        expect(scanned(kept, blocked, text)).toEqual(naive(kept, blocked, text));
      }),
      { numRuns: 500 },
    );
  });

  it('finds exactly what an entry-by-entry matcher finds when every word has three units or more (the triple bits in use)', () => {
    const alphabet = fc.constantFrom(...'法治政府建设营商环境竟行政复议义a，');
    const word = fc.string({ unit: alphabet, minLength: 3, maxLength: 6 });
    fc.assert(
      fc.property(fc.array(word, { maxLength: 12 }), fc.array(word, { maxLength: 3 }), fc.string({ unit: alphabet, maxLength: 60 }), (words, blocked, text) => {
        const kept = words.filter((w) => !blocked.includes(w));
        // Texts that end inside a word's first three units, and texts made of the words.
        const joined = [...kept, ...blocked].join('');
        for (const t of [text, joined, joined.slice(0, -1), joined.slice(1), text + joined.slice(0, 2)]) {
          expect(scanned(kept, blocked, t)).toEqual(naive(kept, blocked, t));
        }
      }),
      { numRuns: 500 },
    );
  });

  it('finds words of one and two units beside longer ones (the triple bits then all set)', () => {
    expect(scanned(['法治政府', '政府'], [], '政府')).toEqual([[0, 2, '政府']]);
    expect(scanned(['法治政府', '府'], [], '法治政')).toEqual([]);
    expect(scanned(['法治政府'], ['治政'], '法治政府治政府')).toEqual([[0, 4, '法治政府']]);
    expect(scanned(['法治政府', '政府建设'], [], '法治政府建设')).toEqual([[0, 4, '法治政府']]);
  });

  it('finds exactly what an entry-by-entry matcher finds for the generated typo terms', () => {
    const candidates = typoCandidates();
    const words = [...new Set(candidates.map((c) => c.wrong))];
    const blocked = [...new Set(candidates.flatMap((c) => c.exclude ?? []))].filter((w) => !words.includes(w));
    // Texts made of pieces of real terms and typos, so that most positions start some word.
    const piece = fc.oneof(fc.constantFrom(...words.slice(0, 400)), fc.constantFrom(...candidates.slice(0, 400).map((c) => c.right)), fc.constantFrom('，', '的', '推进', '建设'));
    const a = compileAutomaton(words.map((w): [string, string] => [w, w]), blocked);
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), fc.nat(3), (pieces, cut) => {
        const text = pieces.join('').slice(cut);
        const out: [number, number, string][] = [];
        scanAutomaton(a, text, 0, text.length, (s, e, w) => out.push([s, e, w]));
        expect(out).toEqual(naive(words, blocked, text));
      }),
      { numRuns: 200 },
    );
  });

  it('finds words through the last node its edge keys can hold, and refuses one more', () => {
    // One word of MAX_AUTOMATON_NODES units: the root and one node per unit, the last with parent id + 1 = 0xffff.
    const units = Array.from({ length: MAX_AUTOMATON_NODES }, (_, i) => String.fromCharCode(0x4e00 + (i % 20000)));
    const longest = units.join('');
    const shorter = longest.slice(0, MAX_AUTOMATON_NODES - 1);
    expect(scanned([shorter], [], `前${shorter}后`)).toEqual([[1, 1 + shorter.length, shorter]]);
    expect(() => compileAutomaton([[longest, longest]])).toThrow(/nodes/);
  });
});
