/**
 * A look inside a `.docx` before mammoth reads it. A Word document is a zip of
 * XML parts, and a few kilobytes of zip can inflate to gigabytes (a zip bomb),
 * or hold XML nested so deep that a recursive reader overflows its stack.
 * mammoth (through JSZip and xmldom) inflates every part it reads whole and
 * builds a tree of it recursively, so both are checked here first, in one
 * streaming pass over each XML part: its size once inflated (counted, not
 * taken from the zip's headers, which may lie) and the depth of its elements.
 * Linear in the inflated size, stopping as soon as a limit is passed; memory
 * is one inflated chunk at a time. Uses the platform's `DecompressionStream`
 * (Node ≥ 20 and every current browser).
 */

/** XML parts (all together) may hold at most this many bytes once inflated. */
export const MAX_DOCX_XML_BYTES = 32 * 1024 * 1024;

/** Elements of an XML part may nest at most this deep (Word writes a few dozen levels; mammoth recurses per level). */
export const MAX_DOCX_DEPTH = 1000;

/** What the check found: fine, over a limit, or not a zip it can read (mammoth then says why). */
export type ZipCheck = { readonly ok: true } | { readonly ok: false; readonly reason: 'too-large' | 'too-deep'; readonly limit: number } | { readonly ok: 'unknown' };

interface Entry {
  readonly name: string;
  readonly method: number;
  readonly compressedSize: number;
  readonly localOffset: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const ZIP64_EOCD_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const MAX32 = 0xffffffff;

function u16(b: Uint8Array, at: number): number {
  return (b[at] ?? 0) | ((b[at + 1] ?? 0) << 8);
}

function u32(b: Uint8Array, at: number): number {
  return ((b[at] ?? 0) | ((b[at + 1] ?? 0) << 8) | ((b[at + 2] ?? 0) << 16)) + (b[at + 3] ?? 0) * 0x1000000;
}

function u64(b: Uint8Array, at: number): number {
  return u32(b, at) + u32(b, at + 4) * 0x100000000;
}

/** The zip's entries from its central directory, or undefined when it is not a readable zip. */
function entries(bytes: Uint8Array): Entry[] | undefined {
  let end = -1;
  for (let i = bytes.length - 22; i >= 0 && i >= bytes.length - 22 - 0xffff; i--) {
    if (u32(bytes, i) === EOCD) {
      end = i;
      break;
    }
  }
  if (end < 0) return undefined;
  let count = u16(bytes, end + 10);
  let offset = u32(bytes, end + 16);
  if (count === 0xffff || offset === MAX32) {
    // ZIP64: the real values are in the ZIP64 end record the locator points at.
    const locator = end - 20;
    if (locator < 0 || u32(bytes, locator) !== ZIP64_EOCD_LOCATOR) return undefined;
    const record = u64(bytes, locator + 8);
    if (u32(bytes, record) !== ZIP64_EOCD) return undefined;
    count = u64(bytes, record + 32);
    offset = u64(bytes, record + 48);
  }
  const out: Entry[] = [];
  const decoder = new TextDecoder();
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || u32(bytes, at) !== CENTRAL) return undefined;
    const method = u16(bytes, at + 10);
    let compressedSize = u32(bytes, at + 20);
    const uncompressedSize = u32(bytes, at + 24);
    const nameLength = u16(bytes, at + 28);
    const extraLength = u16(bytes, at + 30);
    const commentLength = u16(bytes, at + 32);
    let localOffset = u32(bytes, at + 42);
    const name = decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    if (compressedSize === MAX32 || localOffset === MAX32 || uncompressedSize === MAX32) {
      // ZIP64 extra field: the 8-byte values present, in this order, for the fields that overflowed.
      let x = at + 46 + nameLength;
      const xEnd = x + extraLength;
      while (x + 4 <= xEnd) {
        const id = u16(bytes, x);
        const size = u16(bytes, x + 2);
        if (id === 1) {
          let f = x + 4;
          if (uncompressedSize === MAX32) f += 8;
          if (compressedSize === MAX32) {
            compressedSize = u64(bytes, f);
            f += 8;
          }
          if (localOffset === MAX32) localOffset = u64(bytes, f);
          break;
        }
        x += 4 + size;
      }
    }
    out.push({ name, method, compressedSize, localOffset });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return out;
}

/**
 * Counts XML element depth across chunks: `<a>` opens, `</a>` closes, `<a/>`,
 * `<?…?>`, `<!--…-->`, `<![CDATA[…]]>` and `<!…>` do neither. Quotes inside a
 * tag are honoured (a `/>` in an attribute value closes nothing).
 */
class DepthCounter {
  depth = 0;
  max = 0;
  // 0 text, 1 after '<', 2 in an opening tag, 3 in a closing tag, 4 in <? or <!…>, 5 in a comment, 6 in CDATA
  private state = 0;
  private quote = 0;
  private last = 0;
  private run = 0;
  private bang = '';

  feed(chunk: Uint8Array): void {
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk[i] as number;
      switch (this.state) {
        case 0:
          if (c === 60) this.state = 1;
          break;
        case 1:
          if (c === 47) this.state = 3;
          else if (c === 63) this.state = 4;
          else if (c === 33) {
            this.state = 4;
            this.bang = '!';
          } else {
            this.state = 2;
            this.quote = 0;
            this.last = c;
            if (++this.depth > this.max) this.max = this.depth;
          }
          break;
        case 2:
          if (this.quote !== 0) {
            if (c === this.quote) this.quote = 0;
          } else if (c === 34 || c === 39) this.quote = c;
          else if (c === 62) {
            if (this.last === 47) this.depth--;
            this.state = 0;
          }
          if (c !== 32 && c !== 9 && c !== 10 && c !== 13) this.last = c;
          break;
        case 3:
          if (c === 62) {
            this.depth--;
            this.state = 0;
          }
          break;
        case 4:
          if (this.bang !== '' && this.bang.length < 9) {
            this.bang += String.fromCharCode(c);
            if (this.bang === '!--') {
              this.state = 5;
              this.run = 0;
              this.bang = '';
              break;
            }
            if (this.bang === '![CDATA[') {
              this.state = 6;
              this.run = 0;
              this.bang = '';
              break;
            }
          }
          if (c === 62) {
            this.state = 0;
            this.bang = '';
          }
          break;
        case 5:
          if (c === 45) this.run++;
          else {
            if (c === 62 && this.run >= 2) this.state = 0;
            this.run = 0;
          }
          break;
        case 6:
          if (c === 93) this.run++;
          else {
            if (c === 62 && this.run >= 2) this.state = 0;
            this.run = 0;
          }
          break;
      }
    }
  }
}

/** Streams the inflated bytes of one entry through `sink`; false when `sink` said stop. */
async function inflate(data: Uint8Array, method: number, sink: (chunk: Uint8Array) => boolean): Promise<boolean> {
  if (method === 0) return sink(data);
  const Decompression = (globalThis as { DecompressionStream?: new (format: string) => TransformStream<Uint8Array, Uint8Array> }).DecompressionStream;
  if (!Decompression) throw new Error('no DecompressionStream');
  const stream = new Blob([data as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new Decompression('deflate-raw'));
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return true;
    if (!sink(value)) {
      await reader.cancel().catch(() => undefined);
      return false;
    }
  }
}

/**
 * Checks a `.docx`'s XML parts against {@link MAX_DOCX_XML_BYTES} and
 * {@link MAX_DOCX_DEPTH} without building anything. `unknown` when the bytes
 * are not a zip this can read (or the platform cannot inflate): mammoth then
 * reads them and says what is wrong.
 */
export async function checkDocxZip(bytes: Uint8Array, limits: { maxXmlBytes?: number; maxDepth?: number } = {}): Promise<ZipCheck> {
  const maxBytes = limits.maxXmlBytes ?? MAX_DOCX_XML_BYTES;
  const maxDepth = limits.maxDepth ?? MAX_DOCX_DEPTH;
  const list = entries(bytes);
  if (!list) return { ok: 'unknown' };
  let total = 0;
  for (const entry of list) {
    if (!/\.(?:xml|rels)$/i.test(entry.name)) continue;
    if (entry.method !== 0 && entry.method !== 8) continue;
    const local = entry.localOffset;
    if (local + 30 > bytes.length || u32(bytes, local) !== LOCAL) return { ok: 'unknown' };
    const start = local + 30 + u16(bytes, local + 26) + u16(bytes, local + 28);
    const data = bytes.subarray(start, Math.min(bytes.length, start + entry.compressedSize));
    const depth = new DepthCounter();
    let over: ZipCheck | undefined;
    try {
      await inflate(data, entry.method, (chunk) => {
        total += chunk.length;
        if (total > maxBytes) {
          over = { ok: false, reason: 'too-large', limit: maxBytes };
          return false;
        }
        depth.feed(chunk);
        if (depth.max > maxDepth) {
          over = { ok: false, reason: 'too-deep', limit: maxDepth };
          return false;
        }
        return true;
      });
    } catch {
      // A broken stream: mammoth reports the file as not a Word document.
      return { ok: 'unknown' };
    }
    if (over) return over;
  }
  return { ok: true };
}
