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
