/**
 * The edge table of a trie or automaton built straight into typed arrays: an
 * open-addressing hash table keyed by (parent node, UTF-16 unit), probed and grown
 * in place. The reference catalogue's trie and the style automaton both build on
 * it; their scans read the finished arrays directly (a typed-array probe is far
 * cheaper per text position than `Map.prototype.get`).
 */

/**
 * The bit of a (first, second) UTF-16 unit pair in a table of 2^`bits` bits: the pair filter of
 * the style automaton and of the catalogue trie (their scans write it out inline: the CLI does
 * not inline).
 */
export function unitPairBit(first: number, second: number, bits: number): number {
  return (Math.imul(first, 0x9e3779b1) ^ Math.imul(second, 0x27d4eb2f)) >>> (32 - bits);
}

/** The first slot of (parent, unit) in a table of `mask + 1` slots. */
export function slotOf(parent: number, unit: number, mask: number): number {
  return (Math.imul(parent, 0x9e3779b1) ^ Math.imul(unit, 0x85ebca6b)) & mask;
}

/** The finished arrays: parent id + 1 (0 = empty slot), unit, child id; size mask + 1. */
export interface EdgeArrays {
  readonly slotParent: Int32Array;
  readonly slotUnit: Uint16Array;
  readonly slotChild: Int32Array;
  readonly mask: number;
}

/** A growing edge table (kept at most half full). */
export class EdgeTable implements EdgeArrays {
  slotParent: Int32Array;
  slotUnit: Uint16Array;
  slotChild: Int32Array;
  mask: number;
  #edges = 0;

  /** `size`: initial slots, a power of two. */
  constructor(size: number) {
    this.mask = size - 1;
    this.slotParent = new Int32Array(size);
    this.slotUnit = new Uint16Array(size);
    this.slotChild = new Int32Array(size);
  }

  /** The child of `parent` by `unit`, 0 for none. */
  childOf(parent: number, unit: number): number {
    const { slotParent, slotUnit, mask } = this;
    const key = parent + 1;
    for (let s = slotOf(parent, unit, mask); ; s = (s + 1) & mask) {
      const p = slotParent[s]!;
      if (p === 0) return 0;
      if (p === key && slotUnit[s] === unit) return this.slotChild[s]!;
    }
  }

  /** Adds the edge parent --unit--> child (the caller knows it is new). */
  put(parent: number, unit: number, child: number): void {
    if ((this.#edges + 1) * 2 > this.mask + 1) this.#grow();
    this.#edges++;
    const { slotParent, slotUnit, slotChild, mask } = this;
    let s = slotOf(parent, unit, mask);
    while (slotParent[s] !== 0) s = (s + 1) & mask;
    slotParent[s] = parent + 1;
    slotUnit[s] = unit;
    slotChild[s] = child;
  }

  #grow(): void {
    const { slotParent, slotUnit, slotChild } = this;
    const size = (this.mask + 1) * 2;
    const mask = size - 1;
    const parents = new Int32Array(size);
    const units = new Uint16Array(size);
    const children = new Int32Array(size);
    for (let o = 0; o < slotParent.length; o++) {
      const p = slotParent[o]!;
      if (p === 0) continue;
      let s = slotOf(p - 1, slotUnit[o]!, mask);
      while (parents[s] !== 0) s = (s + 1) & mask;
      parents[s] = p;
      units[s] = slotUnit[o]!;
      children[s] = slotChild[o]!;
    }
    this.slotParent = parents;
    this.slotUnit = units;
    this.slotChild = children;
    this.mask = mask;
  }
}
