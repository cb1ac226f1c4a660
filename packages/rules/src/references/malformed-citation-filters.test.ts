import { describe, expect, it } from 'vitest';
import { keyPieces, sharesPiece } from './malformed-citation.js';

/** Plain Levenshtein distance, unbounded (the reference the filter must agree with). */
function levenshtein(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length]!;
}

const maxFor = (key: string): number => (key.length >= 14 ? 2 : 1);

/** Every title one edit away from `s` (substitution, insertion, deletion at every place), over `alphabet`. */
function oneEdit(s: string, alphabet: string): string[] {
  const out: string[] = [];
  for (let i = 0; i <= s.length; i++) {
    if (i < s.length) out.push(s.slice(0, i) + s.slice(i + 1));
    for (const c of alphabet) {
      out.push(s.slice(0, i) + c + s.slice(i));
      if (i < s.length) out.push(s.slice(0, i) + c + s.slice(i + 1));
    }
  }
  return out;
}

// Policy titles of the catalogue and look-alikes sharing most of their characters.
const POLICIES = [
  '法治政府建设与责任落实督察工作规定',
  '国务院关于加强法治政府建设的意见',
  '关于加强市县政府依法行政的决定',
  '全面推进依法行政实施纲要',
  '法治社会建设实施纲要',
];

describe("malformed-citation's near-title filter (pigeonhole pieces)", () => {
  it('never refuses a title within the distance: every one- and two-edit look-alike of a policy title', () => {
    for (const policy of POLICIES) {
      // Look-alike units: the title's own characters (edits that keep the bag of characters) and two others.
      const alphabet = `${[...new Set(policy)].join('')}的府`;
      const once = oneEdit(policy, alphabet);
      const twice = once.filter((_, k) => k % 7 === 0).flatMap((s) => oneEdit(s, '政法的'));
      let checked = 0;
      for (const key of [...once, ...twice]) {
        if (key.length < 10) continue;
        const max = maxFor(key);
        if (levenshtein(key, policy) > max) continue;
        checked++;
        expect(sharesPiece(keyPieces(key, max), policy), `${key} / ${policy}`).toBe(true);
      }
      expect(checked).toBeGreaterThan(100);
    }
  });

  it('never refuses a pair within the distance: random strings over a small alphabet', () => {
    // A small alphabet makes near pairs and shared pieces common: the case a filter gets wrong.
    let seed = 19;
    const rnd = (n: number): number => ((seed = (seed * 1103515245 + 12345) % 2147483648) % n);
    const alphabet = '法治政府建设';
    let near = 0;
    for (let t = 0; t < 20000; t++) {
      let a = '';
      for (let n = 10 + rnd(10); n > 0; n--) a += alphabet[rnd(alphabet.length)];
      let b = a;
      for (let e = rnd(4); e > 0; e--) {
        const i = rnd(b.length + 1);
        const c = alphabet[rnd(alphabet.length)]!;
        const op = rnd(3);
        b = op === 0 ? b.slice(0, i) + c + b.slice(i) : op === 1 ? b.slice(0, i) + b.slice(i + 1) : b.slice(0, i) + c + b.slice(i + 1);
      }
      const max = maxFor(a);
      const d = levenshtein(a, b);
      if (d <= max) near++;
      if (!sharesPiece(keyPieces(a, max), b)) expect(d, `${a} / ${b}`).toBeGreaterThan(max);
    }
    expect(near).toBeGreaterThan(1000);
  });

  it('cuts a key into max + 1 pieces that make it up, and refuses titles that share no piece', () => {
    expect(keyPieces('桐乡市法治政府建设日常评估手册', 2)).toEqual(['桐乡市法治', '政府建设日', '常评估手册']);
    expect(keyPieces('山西省优化营商环境条例', 1)).toEqual(['山西省优化', '营商环境条例']);
    expect(sharesPiece(keyPieces('桐乡市法治政府建设日常评估手册', 2), '关于加强法治政府建设的意见')).toBe(false);
    expect(sharesPiece(keyPieces('山西省优化营商环境条例', 1), '法治社会建设实施纲要')).toBe(false);
    // A look-alike with an edit in each of two pieces still keeps the third.
    expect(sharesPiece(keyPieces('法治政府建设和责任落实督察工作规矩', 2), '法治政府建设与责任落实督察工作规定')).toBe(true);
  });
});
