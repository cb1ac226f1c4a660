/**
 * The binary files `pnpm build` writes (the typo automaton, the catalogue trie): their arrays
 * are written one after another, and read back as views of the file's bytes, never copied.
 */

/** `bytes`, copied only when it starts at an offset a 4-byte typed-array view cannot take. */
export function alignedBytes(bytes: Uint8Array): Uint8Array {
  return bytes.byteOffset % 4 === 0 ? bytes : bytes.slice();
}

/** Typed-array views of consecutive stretches of a buffer, from a starting byte offset. */
export class TypedViewCursor {
  constructor(
    private readonly buffer: ArrayBufferLike,
    private at: number,
  ) {}

  int32(length: number): Int32Array {
    const view = new Int32Array(this.buffer, this.at, length);
    this.at += length * 4;
    return view;
  }

  uint32(length: number): Uint32Array {
    const view = new Uint32Array(this.buffer, this.at, length);
    this.at += length * 4;
    return view;
  }

  uint16(length: number): Uint16Array {
    const view = new Uint16Array(this.buffer, this.at, length);
    this.at += length * 2;
    return view;
  }

  uint8(length: number): Uint8Array {
    const view = new Uint8Array(this.buffer, this.at, length);
    this.at += length;
    return view;
  }
}

/** The bytes of `parts` one after another, as `TypedViewCursor` reads them back. */
export function concatViews(parts: readonly ArrayBufferView[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, p) => sum + p.byteLength, 0));
  let at = 0;
  for (const p of parts) {
    out.set(new Uint8Array(p.buffer, p.byteOffset, p.byteLength), at);
    at += p.byteLength;
  }
  return out;
}

/**
 * A 65,536-entry table by UTF-16 unit that holds a few hundred non-zero entries, as the
 * (unit, value) pairs of those: the files store these, not the table of mostly zeros.
 */
export function sparseUnitTable(table: Int32Array | Uint16Array): { units: Int32Array; values: Int32Array } {
  let count = 0;
  for (let c = 0; c < table.length; c++) if (table[c] !== 0) count++;
  const units = new Int32Array(count);
  const values = new Int32Array(count);
  let k = 0;
  for (let c = 0; c < table.length; c++) {
    if (table[c] === 0) continue;
    units[k] = c;
    values[k++] = table[c]!;
  }
  return { units, values };
}

/**
 * The 65,536-entry table of `sparseUnitTable`'s pairs, and its bit per unit of a non-zero entry;
 * undefined when a unit is out of range or a value is 0 or above 16 bits (not such pairs).
 */
export function unitTableOf(units: Int32Array, values: Int32Array): { table: Uint16Array; bits: Uint32Array } | undefined {
  const table = new Uint16Array(0x10000);
  const bits = new Uint32Array(0x800);
  for (let k = 0; k < units.length; k++) {
    const c = units[k]!;
    const value = values[k]!;
    if (c < 0 || c > 0xffff || value <= 0 || value > 0xffff) return undefined;
    table[c] = value;
    bits[c >>> 5] = bits[c >>> 5]! | (1 << (c & 31));
  }
  return { table, bits };
}
