import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { builtinCatalogue, CATALOGUE_DIGEST, catalogueDigest, type CatalogueEntry } from '@fzlint/ontology';
import { parse, type ReportDocument } from '@fzlint/parser';
import { mergeCatalogue, resolveSettings, runRule, type AnyRule } from '@fzlint/rule-api';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { referencesRules } from '../src/references/index.js';
import {
  analyzeReferences,
  buildCatalogueTrie,
  childOf,
  compileCatalogue,
  extendCatalogueTrie,
  firstNodeOf,
  normalizeSpelling,
  pairBit,
  prebuiltCatalogueTrie,
  readCatalogueTrie,
  writeCatalogueTrie,
  type FlatTrie,
} from '../src/references/match.js';

// `pnpm build` writes the built-in catalogue's trie (scripts/write-catalogue-trie.mjs), keyed by
// the catalogue's digest; a process reads it instead of building it, and a user's catalogue
// entries extend a copy of it. Whatever is read or extended must match exactly what a trie
// built at run time matches: these tests compare both, on the corpus and on a text made to hit
// every spelling a user's entries add, take away or exclude.

/** The trie's arrays as bytes and its entries as ids, by name. */
function contents(trie: FlatTrie): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(trie)) {
    out[name] = ArrayBuffer.isView(value)
      ? Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('base64')
      : JSON.stringify(name === 'entries' ? (value as FlatTrie['entries']).map((list) => list?.map((e) => e.id)) : value);
  }
  return out;
}

/** The node a normalised key leads to, 0 for none. */
function nodeOf(trie: FlatTrie, key: string): number {
  let node = firstNodeOf(trie, key.charCodeAt(0));
  for (let i = 1; i < key.length && node !== 0; i++) node = childOf(trie, node, key.charCodeAt(i));
  return node;
}

/**
 * What a key ends in a trie: its flags and entries. A missing node ends nothing, as does a node
 * an extended trie keeps from a removed spelling (flags 0): a walk passes it and finds only
 * what lies beyond, which the merged catalogue's own spellings put there.
 */
function ending(trie: FlatTrie, key: string): string {
  const node = nodeOf(trie, key);
  return node === 0 || trie.flags[node] === 0 ? '0' : `${trie.flags[node]} ${trie.entries[node]?.map((e) => e.id).join(',') ?? ''}`;
}

/** Every prefix of every spelling and excluded word of these catalogues, normalised. */
function keysOf(...catalogues: (readonly CatalogueEntry[])[]): string[] {
  const keys = new Set<string>();
  for (const entry of catalogues.flat()) {
    for (const word of [...(entry.aliases ?? []), ...(entry.exclude ?? [])]) {
      const key = normalizeSpelling(word);
      for (let end = 1; end <= key.length; end++) keys.add(key.slice(0, end));
    }
  }
  return [...keys];
}

const builtin = (id: string): CatalogueEntry => builtinCatalogue.find((e) => e.id === id)!;

/**
 * A user's entries that touch the built-in trie every way a config can: an override that
 * drops an alias and the `exclude` words (劳动合同法 must then match 合同法), one that keeps an
 * exclude word, a new entry sharing built-in spellings and excluding a built-in policy's
 * name, one extending a built-in spelling, one with a pattern, and a congress.
 */
const USER_ENTRIES: CatalogueEntry[] = [
  { ...builtin('law-htf'), exclude: [] },
  { ...builtin('org-gongshang'), aliases: ['工商局', '工商行政管理局'], exclude: ['工商局限'] },
  {
    id: 'user-term-fzzfjs',
    kind: 'term',
    name: '法治政府建设',
    aliases: ['法治政府建设', '法治政府建设示范', '工商所'],
    validFrom: '2015',
    validUntil: '2020-12-31',
    confidence: 'confirmed',
    exclude: ['法治政府建设实施纲要'],
  },
  { id: 'user-org-sfj', kind: 'organization', name: '司法局', aliases: ['司法局', '司法行政机关', '工商局长'], validFrom: '2018-03', confidence: 'secondary' },
  { id: 'user-term-fgf', kind: 'term', name: '放管服', aliases: ['放管服', '“放管服”'], patterns: ['放管服改革'], validUntil: '2019-12-31', confidence: 'confirmed' },
  { id: 'user-congress', kind: 'congress', name: '党的二十一大', aliases: ['二十一大'], validFrom: '2027-10', confidence: 'unconfirmed' },
];

/** A report that names every spelling above, the excluded words and the dropped ones. */
const USER_TEXT = `# 2021年法治政府建设年度报告

一、主要举措

全面推进法治政府建设示范创建，落实《法治政府建设实施纲要（2015—2020年）》，贯彻劳动合同法、电子合同法和合同法。原工商局、工商局长、工商所、工商局限期整改，国家工商总局已撤销。深化“放管服”改革，放管服改革持续推进。司法局、司法行政机关和政府法制办公室共同推进，学习党的十九大和二十一大精神。

二、存在的不足

无。

三、下一年度工作安排

继续推进法治政府建设。
`;

const CORPUS = join(import.meta.dirname, '../../../fixtures/corpus/full');
const documents: ReportDocument[] = [
  parse(USER_TEXT, { filePath: 'user.md' }),
  ...readdirSync(CORPUS)
    .sort()
    .map((f) => parse(readFileSync(join(CORPUS, f), 'utf8'), { filePath: f })),
];

/** The references rules' findings on every document with `catalogue`, and the references found. */
function findings(rules: readonly AnyRule[], analyze: typeof analyzeReferences, catalogue: readonly CatalogueEntry[]): string {
  return JSON.stringify(
    documents.map((document) => {
      const settings = { ...resolveSettings(document), catalogue };
      return {
        diagnostics: rules.flatMap((rule) => runRule(rule, document, { settings })),
        references: analyze(document, settings).references.map((r) => [r.entry.id, r.range.start, r.range.end, r.via, r.status]),
      };
    }),
  );
}

/** This module graph again with the prebuilt file missing: the references rules and matcher as they run then. */
async function withoutPrebuiltFile(): Promise<{ rules: readonly AnyRule[]; match: typeof import('../src/references/match.js') }> {
  vi.resetModules();
  vi.doMock('../src/prebuilt.js', () => ({ readPrebuilt: () => undefined }));
  try {
    const match = await import('../src/references/match.js');
    const { referencesRules: rules } = await import('../src/references/index.js');
    return { rules, match };
  } finally {
    vi.doUnmock('../src/prebuilt.js');
    vi.resetModules();
  }
}

describe('the prebuilt catalogue trie', () => {
  const built = buildCatalogueTrie(builtinCatalogue);

  it('is found through the package’s exports and equals the trie built at run time', () => {
    expect(CATALOGUE_DIGEST, '@fzlint/ontology not built: its digest is written by its build').toBe(catalogueDigest(builtinCatalogue));
    const prebuilt = prebuiltCatalogueTrie();
    expect(prebuilt, 'dist/references/catalogue-trie.bin missing or from another catalogue: run pnpm build').toBeDefined();
    expect(built.flags.length).toBeGreaterThan(2_000);
    // Its keys are two units or more and no exclude word is one unit: no root child ends anything.
    expect(built.rootEnds).toBe(false);
    expect(compileCatalogue(builtinCatalogue).flat).toBe(prebuilt);
    const expected = contents(built);
    const actual = contents(prebuilt!);
    expect(Object.keys(actual).sort()).toEqual(Object.keys(expected).sort());
    for (const name of Object.keys(expected)) expect(actual[name] === expected[name], name).toBe(true);
    // Its entries are the built-in catalogue's own objects.
    const node = prebuilt!.entries.findIndex((list) => list !== undefined);
    expect(builtinCatalogue).toContain(prebuilt!.entries[node]![0]);
  });

  it('has the pair bit of every root child and its children (the scan skips a walk where it is clear)', () => {
    const hasPair = (trie: FlatTrie, c: number, d: number): boolean => {
      const b = pairBit(c, d);
      return (trie.pairBits[b >>> 5]! & (1 << (b & 31))) !== 0;
    };
    let pairs = 0;
    let clear = 0;
    for (const trie of [built, prebuiltCatalogueTrie()!]) {
      for (let c = 0; c < 0x10000; c++) {
        const node = firstNodeOf(trie, c);
        if (node === 0) continue;
        for (let d = 0x4e00; d <= 0x9fff; d++) {
          if (childOf(trie, node, d) !== 0) {
            pairs++;
            expect(hasPair(trie, c, d), `${String.fromCharCode(c, d)}`).toBe(true);
          } else if (!hasPair(trie, c, d)) clear++;
        }
      }
    }
    expect(pairs).toBeGreaterThan(100);
    // Most pairs that begin no key are told by a clear bit.
    expect(clear).toBeGreaterThan(0);
  });

  it('is the file the build wrote', () => {
    const file = readFileSync(new URL('../dist/references/catalogue-trie.bin', import.meta.url));
    expect(Buffer.compare(file, Buffer.from(writeCatalogueTrie(built, builtinCatalogue, CATALOGUE_DIGEST!)))).toBe(0);
  });

  it('round-trips, and is refused when built from another catalogue or cut short', () => {
    const digest = catalogueDigest(builtinCatalogue);
    const bytes = writeCatalogueTrie(built, builtinCatalogue, digest);
    expect(contents(readCatalogueTrie(bytes, builtinCatalogue, digest)!)).toStrictEqual(contents(built));
    // At an unaligned offset it is copied, not misread.
    const shifted = new Uint8Array(bytes.length + 1);
    shifted.set(bytes, 1);
    expect(contents(readCatalogueTrie(shifted.subarray(1), builtinCatalogue, digest)!)).toStrictEqual(contents(built));
    // A stale file (another catalogue's digest), another catalogue's length, a cut or empty file: refused.
    expect(readCatalogueTrie(bytes, builtinCatalogue, digest ^ 1)).toBeUndefined();
    expect(readCatalogueTrie(bytes, builtinCatalogue.slice(1), digest)).toBeUndefined();
    expect(readCatalogueTrie(bytes.subarray(0, bytes.length - 1), builtinCatalogue, digest)).toBeUndefined();
    expect(readCatalogueTrie(new Uint8Array(8), builtinCatalogue, digest)).toBeUndefined();
    // A first-unit slot (stored after the 9 header words) naming a node that is no root child: refused.
    const badFirst = bytes.slice();
    const view = new DataView(badFirst.buffer);
    let slot = 9 * 4;
    while (view.getUint32(slot, true) === 0) slot += 4;
    view.setUint32(slot, (view.getUint32(slot, true) & 0xffff) | (built.childStart[1]! << 16), true);
    expect(readCatalogueTrie(badFirst, builtinCatalogue, digest)).toBeUndefined();
    // Edges that are not breadth first (a node's children before it): refused.
    const slots = built.firstSlots.length;
    const badEdges = bytes.slice();
    new DataView(badEdges.buffer).setInt32((9 + slots + 0x800 + 5) * 4, 3, true);
    expect(readCatalogueTrie(badEdges, builtinCatalogue, digest)).toBeUndefined();
    // `rootEnds` (the ninth header word) is 0 or 1, and read as written.
    const badRootEnds = bytes.slice();
    new DataView(badRootEnds.buffer).setInt32(8 * 4, 2, true);
    expect(readCatalogueTrie(badRootEnds, builtinCatalogue, digest)).toBeUndefined();
    const oneUnitCatalogue: CatalogueEntry[] = [{ id: 'x', name: 'x', kind: 'term', confidence: 'confirmed', aliases: ['法治'], exclude: ['法'] }];
    const oneUnit = buildCatalogueTrie(oneUnitCatalogue);
    expect(oneUnit.rootEnds).toBe(true);
    expect(readCatalogueTrie(writeCatalogueTrie(oneUnit, oneUnitCatalogue, digest), oneUnitCatalogue, digest)?.rootEnds).toBe(true);
  });

  it('refuses a file of the previous format (3: eight header words, no rootEnds), so the trie is built instead', () => {
    const digest = catalogueDigest(builtinCatalogue);
    const bytes = writeCatalogueTrie(built, builtinCatalogue, digest);
    // Format 3 as its writer made it: the header without its ninth word, the format word 3.
    const stale = new Uint8Array(bytes.length - 4);
    stale.set(bytes.subarray(0, 8 * 4));
    stale.set(bytes.subarray(9 * 4), 8 * 4);
    new DataView(stale.buffer).setInt32(4, 3, true);
    expect(readCatalogueTrie(stale, builtinCatalogue, digest)).toBeUndefined();
    // Nor this format's bytes under the old format word.
    const relabelled = bytes.slice();
    new DataView(relabelled.buffer).setInt32(4, 3, true);
    expect(readCatalogueTrie(relabelled, builtinCatalogue, digest)).toBeUndefined();
  });

  it('is not used when the loaded catalogue’s digest differs (a stale file)', async () => {
    vi.resetModules();
    vi.doMock('@fzlint/ontology', async (importOriginal) => ({ ...(await importOriginal<typeof import('@fzlint/ontology')>()), CATALOGUE_DIGEST: (CATALOGUE_DIGEST! ^ 1) >>> 0 }));
    try {
      const match = await import('../src/references/match.js');
      expect(match.prebuiltCatalogueTrie()).toBeUndefined();
    } finally {
      vi.doUnmock('@fzlint/ontology');
      vi.resetModules();
    }
  });

  it('extended by a user’s entries ends every key as a trie built from the merged catalogue does', () => {
    const merged = mergeCatalogue(USER_ENTRIES);
    const extended = compileCatalogue(merged).flat;
    expect(extended).not.toBe(prebuiltCatalogueTrie());
    const fresh = buildCatalogueTrie(merged);
    const keys = keysOf(builtinCatalogue, USER_ENTRIES);
    expect(keys.map((key) => `${key}: ${ending(extended, key)}`)).toEqual(keys.map((key) => `${key}: ${ending(fresh, key)}`));
    // The prebuilt trie is left as it was.
    expect(contents(prebuiltCatalogueTrie()!)).toStrictEqual(contents(built));
    // The keys the user's entries changed did change.
    expect(ending(extended, normalizeSpelling('劳动合同法'))).toBe('0');
    expect(ending(extended, normalizeSpelling('工商所'))).toBe('1 user-term-fzzfjs');
    expect(ending(extended, normalizeSpelling('法治政府建设实施纲要'))).toBe('2 ');
  });

  it('extended from any base, ends every key as a trie built from the merged catalogue does (property)', () => {
    // Spellings from a few units, so entries share prefixes, spellings and excluded words.
    const word = fc.array(fc.constantFrom('法', '治', '政', '府', '“', '—', 'Ａ', 'a'), { minLength: 1, maxLength: 4 }).map((units) => units.join(''));
    const entry = (id: string): fc.Arbitrary<CatalogueEntry> =>
      fc.record({
        kind: fc.constantFrom('law' as const, 'term' as const, 'congress' as const),
        aliases: fc.array(word, { maxLength: 3 }),
        exclude: fc.array(word, { maxLength: 2 }),
      }).map((e) => ({ id, name: id, confidence: 'confirmed', ...e }));
    const catalogue = (prefix: string) => fc.integer({ min: 0, max: 6 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => entry(`${prefix}${i}`))));
    fc.assert(
      fc.property(catalogue('b'), catalogue('x'), fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }), (base, extra, keep) => {
        const kept = base.filter((_, i) => keep[i]);
        const removed = base.filter((_, i) => !keep[i]);
        const extended = extendCatalogueTrie(buildCatalogueTrie(base), removed, kept, extra);
        const fresh = buildCatalogueTrie([...kept, ...extra]);
        const keys = keysOf(base, extra).filter((key) => key.length > 0);
        expect(keys.map((key) => `${key}: ${ending(extended, key)}`)).toEqual(keys.map((key) => `${key}: ${ending(fresh, key)}`));
        // A one-unit exclude word makes a root child end something, in both or in neither.
        expect(extended.rootEnds).toBe(fresh.rootEnds);
        expect(fresh.rootEnds).toBe([...kept, ...extra].some((e) => e.kind !== 'congress' && (e.exclude ?? []).some((w) => normalizeSpelling(w).length === 1)));
        // A walk starts at any raw unit that normalises to a root unit: the same ones, or ones leading to nodes that end nothing.
        for (let c = 0; c < 0x10000; c++) {
          if (firstNodeOf(fresh, c) !== 0) expect(firstNodeOf(extended, c), `unit ${c}`).not.toBe(0);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('gives the tables of titles and meetings built at run time (the file holds them too)', async () => {
    const { match } = await withoutPrebuiltFile();
    const tables = (compiled: ReturnType<typeof compileCatalogue>): string =>
      JSON.stringify({
        titleKeys: [...compiled.titleKeys].map(([key, entries]) => [key, entries.map((e) => e.id)]),
        looseKeys: [...compiled.looseKeys].map(([key, entries]) => [key, entries.map((e) => e.id)]),
        keyBits: [...compiled.keyBits],
        meetings: compiled.meetings.map((m) => [m.entry.id, m.cc, m.session, m.start]),
        meetingsByKey: [...compiled.meetingsByKey].map(([key, m]) => [key, compiled.meetings.indexOf(m)]),
      });
    const fromFile = compileCatalogue(builtinCatalogue);
    const atRunTime = match.compileCatalogue(builtinCatalogue);
    expect(fromFile.titleKeys.size).toBeGreaterThan(200);
    expect(fromFile.meetingsByKey.size).toBeGreaterThan(10);
    expect(tables(fromFile)).toBe(tables(atRunTime));
    // The entries are the catalogue's own objects.
    expect(builtinCatalogue).toContain(fromFile.titleKeys.values().next().value![0]);
    expect(builtinCatalogue).toContain(fromFile.meetings[0]!.entry);
  });

  it('gives the findings of a trie built at run time, with and without a user’s entries, and without the file', async () => {
    const { rules, match } = await withoutPrebuiltFile();
    expect(match.prebuiltCatalogueTrie()).toBeUndefined();
    for (const catalogue of [builtinCatalogue, mergeCatalogue(USER_ENTRIES), mergeCatalogue(USER_ENTRIES.slice(2)), mergeCatalogue(USER_ENTRIES.slice(0, 2))]) {
      const withFile = findings(referencesRules, analyzeReferences, catalogue);
      expect(withFile).toBe(findings(rules, match.analyzeReferences, catalogue));
    }
    // The user's entries are honoured: found where the built-in catalogue finds nothing.
    const user = findings(referencesRules, analyzeReferences, mergeCatalogue(USER_ENTRIES));
    for (const id of ['user-term-fzzfjs', 'user-org-sfj', 'user-term-fgf']) expect(user).toContain(`"${id}"`);
    expect(findings(referencesRules, analyzeReferences, builtinCatalogue)).not.toContain('"user-');
  });

  it('is not extended for a catalogue that is no merge of the built-in one: built from scratch', () => {
    // The built-in entries out of order: entries of a node would be listed in another order.
    const reordered = [...builtinCatalogue].reverse();
    expect(contents(compileCatalogue(reordered).flat)).toStrictEqual(contents(buildCatalogueTrie(reordered)));
    const userFirst = [USER_ENTRIES[2]!, ...builtinCatalogue];
    expect(contents(compileCatalogue(userFirst).flat)).toStrictEqual(contents(buildCatalogueTrie(userFirst)));
  });
});
