import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readAutomaton, writeAutomaton, type Automaton } from '../src/style/automaton.js';
import { buildCandidateAutomaton, candidateAutomatonKey, prebuiltCandidateAutomaton } from '../src/style/domain-typo.js';

// `pnpm build` writes the typo automaton (scripts/write-typo-automaton.mjs); a process reads it
// instead of building it. It must be the automaton built here from the ontology as it is now:
// a stale file (the candidates changed, the build script not run) fails this test.
/** The automaton's arrays as bytes, by name (expect's deep equality of 1 MB of typed arrays takes seconds). */
function contents(a: Automaton<number>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(a)) {
    // Payloads: an array with undefined where built, an Int32Array with -1 where read.
    const array = name === 'payloads' ? Int32Array.from(value as ArrayLike<number | undefined>, (p) => p ?? -1) : value;
    out[name] = ArrayBuffer.isView(array) ? `${array.constructor.name} ${Buffer.from(array.buffer, array.byteOffset, array.byteLength).toString('base64')}` : JSON.stringify(array);
  }
  return out;
}

describe('the prebuilt typo automaton', () => {
  const built = buildCandidateAutomaton();

  it('is found through the package’s exports and equals the one built at run time, array for array', () => {
    const prebuilt = prebuiltCandidateAutomaton();
    expect(prebuilt, 'dist/style/typo-automaton.bin missing or from other candidates: run pnpm build').toBeDefined();
    expect(built.chain.length / 2).toBeGreaterThan(20_000);
    const expected = contents(built);
    const actual = contents(prebuilt!);
    expect(Object.keys(actual).sort()).toEqual(Object.keys(expected).sort());
    for (const name of Object.keys(expected)) expect(actual[name] === expected[name], name).toBe(true);
  });

  it('round-trips, and is refused when built from something else or cut short', () => {
    const key = candidateAutomatonKey();
    const bytes = writeAutomaton(built, key);
    expect(contents(readAutomaton(bytes, key)!)).toStrictEqual(contents(built));
    // At an unaligned offset it is copied, not misread.
    const shifted = new Uint8Array(bytes.length + 1);
    shifted.set(bytes, 1);
    expect(contents(readAutomaton(shifted.subarray(1), key)!)).toStrictEqual(contents(built));
    // Another count of blocked words, or tables edited at equal counts (another digest): refused.
    expect(readAutomaton(bytes, [...key.slice(0, 3), key[3]! + 1, key[4]!])).toBeUndefined();
    expect(readAutomaton(bytes, [...key.slice(0, 4), key[4]! ^ 1])).toBeUndefined();
    expect(readAutomaton(bytes.subarray(0, bytes.length - 1), key)).toBeUndefined();
    expect(readAutomaton(new Uint8Array(8), key)).toBeUndefined();
    // A first-unit pair (stored after the 10 header words) whose unit is no UTF-16 unit: refused.
    const badUnit = bytes.slice();
    new DataView(badUnit.buffer).setInt32(10 * 4, 0x10000, true);
    expect(readAutomaton(badUnit, key)).toBeUndefined();
    // A first unit's node id that the 16-bit `first` table cannot hold (the pairs' ids follow their units): refused.
    const badNode = bytes.slice();
    const view = new DataView(badNode.buffer);
    const firstPairs = view.getInt32(9 * 4, true);
    view.setInt32((10 + firstPairs) * 4, 0x10000, true);
    expect(readAutomaton(badNode, key)).toBeUndefined();
  });

  it('refuses a file of the previous format (7, a flags byte per node at the end), so the automaton is built instead', () => {
    const key = candidateAutomatonKey();
    const bytes = writeAutomaton(built, key);
    const nodes = built.chain.length / 2;
    // Format 7 as its writer made it: these bytes, then each node's flags, the format word 7.
    const stale = new Uint8Array(bytes.length + nodes);
    stale.set(bytes);
    for (let n = 0; n < nodes; n++) stale[bytes.length + n] = built.chain[2 * n]! >>> 18;
    new DataView(stale.buffer).setInt32(4, 7, true);
    expect(readAutomaton(stale, key)).toBeUndefined();
    // Nor are this format's bytes read under another format word, or the old bytes under this one.
    const renumbered = bytes.slice();
    new DataView(renumbered.buffer).setInt32(4, 7, true);
    expect(readAutomaton(renumbered, key)).toBeUndefined();
    new DataView(stale.buffer).setInt32(4, new DataView(bytes.buffer, bytes.byteOffset).getInt32(4, true), true);
    expect(readAutomaton(stale, key)).toBeUndefined();
  });

  it('counts its nodes in the header, and carries no flags array (chain has them)', () => {
    const bytes = writeAutomaton(built, candidateAutomatonKey());
    const view = new DataView(bytes.buffer, bytes.byteOffset);
    expect(view.getInt32(4, true)).toBe(10);
    expect(view.getInt32(7 * 4, true)).toBe(built.chain.length / 2);
    expect('flags' in built).toBe(false);
    expect('flags' in prebuiltCandidateAutomaton()!).toBe(false);
  });

  it('is the file the build wrote', () => {
    const file = readFileSync(new URL('../dist/style/typo-automaton.bin', import.meta.url));
    expect(Buffer.compare(file, Buffer.from(writeAutomaton(built, candidateAutomatonKey())))).toBe(0);
  });
});
