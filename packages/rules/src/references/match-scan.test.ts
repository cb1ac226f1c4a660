import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { builtinCatalogue, type CatalogueEntry } from '@fzlint/ontology';
import { parse, type TextRange } from '@fzlint/parser';
import { resolveSettings } from '@fzlint/rule-api';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  analyzeReferences,
  childOf,
  clauseEnd,
  compileCatalogue,
  congressSentences,
  firstNodeOf,
  looseKey,
  normalizeSpelling,
  pairBit,
  plenumsIn,
  sortByRange,
  tripleBit,
  tripleWord,
  type CatalogueReference,
  type FlatTrie,
} from './match.js';

// The congress scan and the references' sort take shortcuts (a sentence skipped by two
// comparisons, loops for regular expressions, an insertion sort): each is compared here with
// the plain definition it stands for, on texts made to hit their edges.

/** The sentences the congress scan reads, by definition: those holding 十 or 历, and 大 or 全会. */
function congressSentencesPlain(text: string, sentences: readonly { readonly range: TextRange }[]): number[] {
  const out: number[] = [];
  sentences.forEach(({ range }, index) => {
    const s = text.slice(range.start, range.end);
    if ((s.includes('十') || s.includes('历')) && (s.includes('大') || s.includes('全会'))) out.push(index);
  });
  return out;
}

describe('congressSentences', () => {
  it('picks the sentences holding 十 or 历, and 大 or 全会, on any ranges in any order (property)', () => {
    const unit = fc.constantFrom('十', '历', '大', '全', '会', '全会', '九', '届', '。', '\n', 'a');
    const text = fc.array(unit, { maxLength: 60 }).map((units) => units.join(''));
    const ranges = (length: number) =>
      fc.array(
        fc.tuple(fc.integer({ min: 0, max: length }), fc.integer({ min: 0, max: 8 })).map(([start, size]) => ({ range: { start, end: Math.min(length, start + size) } })),
        { maxLength: 20 },
      );
    // In document order (as the parser makes them) and in any order (the scan must not rely on it).
    const inOrder = (list: { range: TextRange }[]) => [...list].sort((a, b) => a.range.start - b.range.start);
    fc.assert(
      fc.property(
        text.chain((t) => fc.tuple(fc.constant(t), ranges(t.length))),
        ([t, list]) => {
          expect(congressSentences(t, list)).toEqual(congressSentencesPlain(t, list));
          const ordered = inOrder(list);
          expect(congressSentences(t, ordered)).toEqual(congressSentencesPlain(t, ordered));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('picks the same sentences on the corpus', () => {
    const corpus = join(import.meta.dirname, '../../../../fixtures/corpus');
    const files = ['full', 'excerpts'].flatMap((dir) => readdirSync(join(corpus, dir)).filter((f) => f.endsWith('.txt')).map((f) => join(corpus, dir, f)));
    expect(files.length).toBeGreaterThan(5);
    let picked = 0;
    for (const file of files) {
      const document = parse(readFileSync(file, 'utf8'));
      const plain = congressSentencesPlain(document.text, document.sentences);
      expect(congressSentences(document.text, document.sentences)).toEqual(plain);
      picked += plain.length;
    }
    expect(picked).toBeGreaterThan(0);
  });

  it('still finds meetings in the sentences it picks', () => {
    const document = parse('# 某市2023年法治政府建设年度报告\n\n全面贯彻党的二十大精神。深入学习十九届四中、五中全会精神。推进“十四五”规划。\n');
    const settings = { ...resolveSettings(document, {}), catalogue: builtinCatalogue as readonly CatalogueEntry[] };
    const { congressPhrases } = analyzeReferences(document, settings);
    expect(congressPhrases.map((p) => p.text)).toEqual(['党的二十大', '十九届四中、五中全会']);
  });
});

describe('the congress scan’s loops', () => {
  it('cut the clause and find the plenums as the regular expressions they replace (property)', () => {
    const text = fc.array(fc.constantFrom('。', '；', ';', '！', '!', '？', '?', '，', '中', '二', '九', '十', '全', '、', 'a'), { maxLength: 80 }).map((units) => units.join(''));
    fc.assert(
      fc.property(text, (t) => {
        expect(t.slice(0, clauseEnd(t, 64))).toBe(t.slice(0, 64).split(/[。；;！!？?]/u, 1)[0] ?? '');
        expect(plenumsIn(t)).toEqual([...t.matchAll(/[一二三四五六七八九](?=中)/gu)].map((m) => m.index));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('sortByRange', () => {
  const ref = (start: number, size: number, id: number): CatalogueReference =>
    ({ entry: { id: `e${id}` }, range: { start, end: start + size } }) as unknown as CatalogueReference;
  const refs = fc.array(fc.tuple(fc.integer({ min: 0, max: 12 }), fc.integer({ min: 0, max: 4 })), { maxLength: 90 }).map((list) => list.map(([start, size], i) => ref(start, size, i)));

  it('orders as Array.prototype.sort does with its comparator, stably, below and past 64 (property)', () => {
    fc.assert(
      fc.property(refs, fc.boolean(), (list, longerFirst) => {
        const expected = [...list].sort((a, b) => a.range.start - b.range.start || (longerFirst ? b.range.end - a.range.end : a.range.end - b.range.end));
        const sorted = [...list];
        sortByRange(sorted, longerFirst);
        // The same objects in the same order: ties keep their order (ids tell them apart).
        expect(sorted.map((r) => r.entry.id)).toEqual(expected.map((r) => r.entry.id));
      }),
      { numRuns: 1000 },
    );
  });
});

describe('keys of a long spelling', () => {
  // Once one spread of every unit into String.fromCharCode: past ~120,000 units, more arguments than a call takes.
  it('normalizeSpelling and looseKey of 300,000 units, across the slices', () => {
    const body = '法治'.repeat(150_000);
    expect(normalizeSpelling(`“${body}”`)).toBe(body);
    expect(normalizeSpelling(`Ａ${body}`)).toBe(`A${body}`);
    expect(looseKey(`${body}年`)).toBe(body);
    expect(looseKey(`a${body}`)).toBe(body);
    // Around the piece size (8,192 units): a run of dashes across a cut is still one dash.
    for (const at of [8186, 8188, 8190, 8191, 8192, 8193, 16_380, 16_384]) {
      const head = '中'.repeat(at);
      expect(normalizeSpelling(`${head}—“—－ -中`)).toBe(`${head}-中`);
      expect(normalizeSpelling(`${head}“”中`)).toBe(`${head}中`);
      expect(looseKey(`${head}“2021年”中`)).toBe(`${head}2021中`);
    }
  });
});

describe('the literal scan’s triple bits', () => {
  const trie = compileCatalogue(builtinCatalogue).flat;
  const isIdeograph = (c: number): boolean => c >= 0x4e00 && c <= 0x9fff;
  const hasTriple = (t: FlatTrie, c: number, d: number, e: number): boolean => (t.tripleBits[tripleWord(c, d)]! & (1 << tripleBit(c, d, e))) !== 0;

  it('has the bit of every root child, child and grandchild, and every bit of a pair that ends something', () => {
    const { childStart, unitOf, flags } = trie;
    let triples = 0;
    let full = 0;
    for (let c = 0; c < 0x10000; c++) {
      const node = firstNodeOf(trie, c);
      if (node === 0) continue;
      for (let k = childStart[node]!; k < childStart[node + 1]!; k++) {
        const d = unitOf[k]!;
        if (flags[k] !== 0) {
          full++;
          expect(trie.tripleBits[tripleWord(c, d)]! >>> 0, String.fromCharCode(c, d)).toBe(0xffffffff);
          continue;
        }
        for (let m = childStart[k]!; m < childStart[k + 1]!; m++) {
          triples++;
          expect(hasTriple(trie, c, d, unitOf[m]!), String.fromCharCode(c, d, unitOf[m]!)).toBe(true);
        }
      }
    }
    expect(triples).toBeGreaterThan(200);
    // 宪法 ends a key at its second unit.
    expect(full).toBeGreaterThan(0);
  });

  it('lets through every place a walk finds a key or an exclude word (property)', () => {
    // The scan's filter of a place i (no root child ends a key here), as the scan reads it.
    const passes = (text: string, i: number, n: number): boolean => {
      const c = text.charCodeAt(i);
      if (firstNodeOf(trie, c) === 0 || i + 1 >= n) return false;
      const d = text.charCodeAt(i + 1);
      if ((trie.rawSecondBits[d >>> 5]! & (1 << (d & 31))) === 0) return false;
      if (!isIdeograph(d)) return true;
      const e = i + 2 < n ? text.charCodeAt(i + 2) : 0;
      if (isIdeograph(e)) return hasTriple(trie, c, d, e);
      const b = pairBit(c, d);
      return (trie.pairBits[b >>> 5]! & (1 << (b & 31))) !== 0;
    };
    // A plain walk from i: whether some node on the way ends a key or an exclude word.
    const walkFinds = (text: string, i: number, n: number): boolean => {
      let node = firstNodeOf(trie, text.charCodeAt(i));
      let last = -1;
      if (node === 0) return false;
      for (let j = i + 1; j < n; j++) {
        const unit = normalizeSpelling(text[j]!);
        if (unit === '') continue;
        const u = unit.charCodeAt(0);
        if (u === 0x2d && last === 0x2d) continue;
        node = childOf(trie, node, u);
        if (node === 0) return false;
        last = u;
        if (trie.flags[node] !== 0) return true;
      }
      return false;
    };
    const keys = builtinCatalogue.flatMap((e) => (e.kind === 'congress' ? [] : (e.aliases ?? []).map(normalizeSpelling))).filter((k) => k.length >= 2);
    const piece = fc.oneof(
      fc.constantFrom(...keys).chain((k) => fc.integer({ min: 1, max: k.length }).map((cut) => k.slice(0, cut))),
      fc.constantFrom(...keys),
      fc.constantFrom('“', '”', ' ', '—', '-', '－', '，', '法', '治', '政', '府', '国', '务', '院', '中'),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
        const text = pieces.join('');
        for (let i = 0; i < text.length; i++) if (walkFinds(text, i, text.length)) expect(passes(text, i, text.length), `${i} in ${text}`).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('the literal scan on a trie whose root children end something', () => {
  // The scan's filters (a first unit's bit and the next unit's, the pair and triple bits) are
  // the same for every trie: where a root child ends something (`rootEnds`), it ends a one-unit
  // exclude word, never a key (keys are two units or more), and that word's match alone is
  // skipped as no match is. So one-unit exclude words change nothing a scan finds.
  const law = builtinCatalogue.find((e) => e.kind === 'law')!;
  const copy = builtinCatalogue.map((e) => (e === law ? { ...e } : e)) as readonly CatalogueEntry[];
  const oneUnit = builtinCatalogue.map((e) => (e === law ? { ...e, exclude: [...(e.exclude ?? []), '法', '国', '政', '“'] } : e)) as readonly CatalogueEntry[];
  const keys = builtinCatalogue.flatMap((e) => (e.kind === 'congress' ? [] : (e.aliases ?? []))).filter((k) => normalizeSpelling(k).length >= 2);
  const piece = fc.oneof(
    fc.constantFrom(...keys).chain((k) => fc.integer({ min: 1, max: k.length }).map((cut) => k.slice(0, cut))),
    fc.constantFrom(...keys),
    fc.constantFrom('“', '”', ' ', '—', '-', '，', '。', '法', '国', '政', '府', '《', '》'),
  );
  const found = (document: ReturnType<typeof parse>, catalogue: readonly CatalogueEntry[]): string[] => {
    const settings = { ...resolveSettings(document, {}), catalogue };
    return analyzeReferences(document, settings).references.map((r) => `${r.range.start}-${r.range.end} ${r.entry.id} ${r.via}`);
  };

  it('finds what it finds without the one-unit exclude words (property)', () => {
    expect(compileCatalogue(oneUnit).flat.rootEnds).toBe(true);
    expect(compileCatalogue(copy).flat.rootEnds).toBe(false);
    fc.assert(
      fc.property(fc.array(fc.array(piece, { maxLength: 16 }), { minLength: 1, maxLength: 4 }), (paragraphs) => {
        const document = parse(`# 某市2023年法治政府建设年度报告\n\n${paragraphs.map((p) => p.join('')).join('\n\n')}\n`);
        expect(found(document, oneUnit)).toEqual(found(document, copy));
      }),
      { numRuns: 400 },
    );
  });
});

describe('a literal match’s title', () => {
  // The scan finds a match's title by a cursor through the titles, sentence by sentence; here the
  // plain definition: the first book title (in text order) of the match's sentence whose inside
  // holds the match. Sentences of many titles and matches, titles that hold a name and text around.
  const piece = fc.constantFrom(
    '《法治政府建设实施纲要（2015－2020年）》',
    '法治政府建设实施纲要（2015－2020年）',
    '《关于贯彻落实法治政府建设实施纲要的意见》',
    '《行政诉讼法》',
    '行政诉讼法',
    '《某市行政复议条例》',
    '《',
    '》',
    '推进',
    '，',
    '。',
  );
  const report = fc.array(fc.array(piece, { minLength: 1, maxLength: 40 }).map((p) => p.join('')), { minLength: 1, maxLength: 6 });

  it('is the first title of its sentence around it (property)', () => {
    fc.assert(
      fc.property(report, (paragraphs) => {
        const document = parse(`# 某市2023年法治政府建设年度报告\n\n${paragraphs.join('\n\n')}\n`);
        const settings = { ...resolveSettings(document, {}), catalogue: builtinCatalogue as readonly CatalogueEntry[] };
        const titles = document.references.filter((r) => r.kind === 'book-title');
        for (const ref of analyzeReferences(document, settings).references) {
          if (ref.via !== 'text' && ref.via !== 'title') continue;
          const around = titles.find(
            (t) => t.sentenceIndex === ref.sentenceIndex && ref.range.start >= t.innerRange.start && ref.range.end <= t.innerRange.end,
          );
          expect(ref.via).toBe(around ? 'title' : 'text');
          expect(ref.titleRange).toEqual(around?.innerRange);
        }
      }),
      { numRuns: 300 },
    );
  });
});
