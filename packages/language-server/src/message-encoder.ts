/**
 * The JSON encoder of outgoing messages: the bytes of vscode-jsonrpc's default encoder
 * (`Buffer.from(JSON.stringify(message), charset)`), but a publication of diagnostics is put
 * together from the UTF-8 of each diagnostic kept from the last publication of the same
 * document. A keystroke changes a few of a report's ~200 findings (the rest move only in the
 * edited line, or not at all), yet every publication used to serialise and UTF-8-encode all of
 * them again (~150 KB, ~1 ms per keystroke, and two large short-lived objects for the GC).
 */
import { Buffer } from 'node:buffer';

const PUBLISH_DIAGNOSTICS = 'textDocument/publishDiagnostics';

/** Stands for the diagnostics array in the message serialised without it (a string nothing else contains). */
const HOLE = '\u0000fzlint-diagnostics\u0000';
const HOLE_JSON = JSON.stringify(HOLE);

/** Documents whose last publication is kept; more (an editor with many reports open) forgets the oldest. */
const MAX_DOCUMENTS = 64;

/** One diagnostic of the last publication: a copy of what was written (read back from its JSON) and its UTF-8 JSON. */
interface KeptDiagnostic {
  /**
   * Read back from the JSON written, `data` left out: a copy, since the object published might
   * be changed in place later. A value JSON does not keep (undefined, NaN) makes the copy differ,
   * so such a diagnostic is written afresh each time.
   */
  readonly written: Written;
  /** The JSON without its last `}` and, when {@link withData}, without the `,"data":{…}` before it. */
  readonly head: Buffer;
  /** Whether `data` (`{version, index}`, whole numbers) was its last key and is left out of `head`. */
  readonly withData: boolean;
}

/** The part of vscode-jsonrpc's `ContentTypeEncoder` the writer calls. */
export interface MessageEncoder {
  readonly name: string;
  encode(message: unknown, options: { charset: string }): Promise<Uint8Array>;
}

/**
 * A JSON value as written, made for comparing without allocating: an object's keys in order
 * beside its values, an array's items, or a primitive.
 */
type Written = string | number | boolean | null | { readonly keys: readonly string[]; readonly values: readonly Written[] } | { readonly items: readonly Written[] };

/** The {@link Written} form of a value read back from JSON. */
export function written(value: unknown): Written {
  if (typeof value !== 'object' || value === null) return value as Written;
  if (Array.isArray(value)) return { items: value.map(written) };
  const keys = Object.keys(value);
  return { keys, values: keys.map((k) => written((value as Record<string, unknown>)[k])) };
}

/**
 * Whether `value` serialises as `w` did: same keys in the same order, same primitives. With
 * `lastKey`, `value`'s last key must be it and is not compared (`data`, written apart).
 */
export function writesAs(w: Written, value: unknown, lastKey?: string): boolean {
  if (typeof w !== 'object' || w === null) return w === value;
  if (typeof value !== 'object' || value === null) return false;
  if ('items' in w) {
    if (!Array.isArray(value) || value.length !== w.items.length) return false;
    for (let i = 0; i < value.length; i++) if (!writesAs(w.items[i]!, value[i])) return false;
    return true;
  }
  // A plain object only: for-in then lists its own keys, in the order JSON.stringify writes them.
  if (Array.isArray(value) || Object.getPrototypeOf(value) !== Object.prototype) return false;
  const { keys, values } = w;
  let i = 0;
  for (const k in value) {
    if (i === keys.length && k === lastKey) {
      lastKey = undefined;
      continue;
    }
    // A toJSON method decides the output by itself.
    if (i === keys.length || k !== keys[i] || k === 'toJSON' || !writesAs(values[i]!, (value as Record<string, unknown>)[k])) return false;
    i++;
  }
  return i === keys.length && lastKey === undefined;
}

/** A diagnostic's `data` when it is the server's `{version, index}` of whole numbers and its last key; else undefined. */
function positionData(diagnostic: object): { version: number; index: number } | undefined {
  const keys = Object.keys(diagnostic);
  if (keys[keys.length - 1] !== 'data') return undefined;
  const data = (diagnostic as { data?: unknown }).data;
  if (typeof data !== 'object' || data === null || Object.getPrototypeOf(data) !== Object.prototype) return undefined;
  const dataKeys = Object.keys(data);
  if (dataKeys.length !== 2 || dataKeys[0] !== 'version' || dataKeys[1] !== 'index') return undefined;
  const { version, index } = data as { version: unknown; index: unknown };
  return Number.isSafeInteger(version) && Number.isSafeInteger(index) ? { version: version as number, index: index as number } : undefined;
}

/** The diagnostic without its `data` (a shallow copy, keys in order). */
function withoutData(diagnostic: object): object {
  const { data: _data, ...rest } = diagnostic as { data?: unknown };
  return rest;
}

/**
 * An encoder for vscode-jsonrpc's `StreamMessageWriter` (`contentTypeEncoder`). Every message
 * is encoded byte for byte as the default encoder would; for `textDocument/publishDiagnostics`
 * in UTF-8 a diagnostic equal (same keys in the same order, same values, `data` aside) to one
 * of the document's last publication reuses its bytes.
 */
export function createMessageEncoder(): MessageEncoder {
  /** Per document URI, the last publication's diagnostics by message. */
  const kept = new Map<string, Map<unknown, KeptDiagnostic[]>>();

  const plain = (message: unknown, charset: string): Buffer => Buffer.from(JSON.stringify(message, undefined, 0), charset as BufferEncoding);

  const encodePublication = (message: { params: { uri: string; diagnostics: unknown[] } }): Buffer | undefined => {
    const { uri, diagnostics } = message.params;
    const skeleton = JSON.stringify({ ...message, params: { ...message.params, diagnostics: HOLE } });
    const at = skeleton.indexOf(HOLE_JSON);
    if (at < 0 || skeleton.indexOf(HOLE_JSON, at + 1) >= 0) return undefined;
    const before = kept.get(uri);
    const next = new Map<unknown, KeptDiagnostic[]>();
    const open = Buffer.from(`${skeleton.slice(0, at)}[`, 'utf8');
    const close = Buffer.from(`]${skeleton.slice(at + HOLE_JSON.length)}`, 'utf8');
    // Each diagnostic's bytes, and the ASCII text after them (`}` or its `data` and `}`).
    const heads: Buffer[] = [];
    const tails: string[] = [];
    let length = open.length + close.length + Math.max(0, diagnostics.length - 1);
    for (let i = 0; i < diagnostics.length; i++) {
      const diagnostic = diagnostics[i];
      if (typeof diagnostic !== 'object' || diagnostic === null || Object.getPrototypeOf(diagnostic) !== Object.prototype || 'toJSON' in diagnostic) {
        // Not a plain diagnostic object: serialised alone, not kept.
        const bytes = Buffer.from(JSON.stringify(diagnostic) ?? 'null', 'utf8');
        heads.push(bytes);
        tails.push('');
        length += bytes.length;
        continue;
      }
      const data = positionData(diagnostic);
      const key = (diagnostic as { message?: unknown }).message;
      let found: KeptDiagnostic | undefined;
      const candidates = before?.get(key);
      if (candidates) {
        for (let c = 0; c < candidates.length; c++) {
          const candidate = candidates[c]!;
          if (candidate.withData !== (data !== undefined)) continue;
          if (writesAs(candidate.written, diagnostic, data ? 'data' : undefined)) {
            found = candidate;
            // Each kept diagnostic stands for one of this publication.
            candidates.splice(c, 1);
            break;
          }
        }
      }
      if (!found) {
        const json = JSON.stringify(data ? withoutData(diagnostic) : diagnostic);
        found = { written: written(JSON.parse(json)), head: Buffer.from(json.slice(0, -1), 'utf8'), withData: data !== undefined };
      }
      let list = next.get(key);
      if (!list) next.set(key, (list = []));
      list.push(found);
      // An object without keys is `{}`: its head is `{`, and no comma goes before `data`.
      const tail = data ? `${found.head.length > 1 ? ',' : ''}"data":{"version":${data.version},"index":${data.index}}}` : '}';
      heads.push(found.head);
      tails.push(tail);
      length += found.head.length + tail.length;
    }
    const out = Buffer.allocUnsafe(length);
    out.set(open, 0);
    let pos = open.length;
    for (let i = 0; i < heads.length; i++) {
      if (i > 0) out[pos++] = 0x2c; // ,
      const head = heads[i]!;
      out.set(head, pos);
      pos += head.length;
      // Digits and ASCII punctuation: one byte per unit.
      const tail = tails[i]!;
      for (let j = 0; j < tail.length; j++) out[pos++] = tail.charCodeAt(j);
    }
    out.set(close, pos);
    kept.delete(uri);
    if (diagnostics.length > 0) {
      if (kept.size >= MAX_DOCUMENTS) kept.delete(kept.keys().next().value as string);
      kept.set(uri, next);
    }
    return out;
  };

  return {
    name: 'application/json',
    encode: (message, options) => {
      try {
        const charset = options.charset;
        if (
          (charset === 'utf-8' || charset === 'utf8') &&
          typeof message === 'object' &&
          message !== null &&
          (message as { method?: unknown }).method === PUBLISH_DIAGNOSTICS
        ) {
          const params = (message as { params?: unknown }).params;
          if (
            typeof params === 'object' &&
            params !== null &&
            typeof (params as { uri?: unknown }).uri === 'string' &&
            Array.isArray((params as { diagnostics?: unknown }).diagnostics) &&
            typeof ((params as { diagnostics: { toJSON?: unknown } }).diagnostics.toJSON) !== 'function' &&
            typeof (message as { toJSON?: unknown }).toJSON !== 'function' &&
            typeof (params as { toJSON?: unknown }).toJSON !== 'function'
          ) {
            const bytes = encodePublication(message as { params: { uri: string; diagnostics: unknown[] } });
            if (bytes) return Promise.resolve(bytes);
          }
        }
        return Promise.resolve(plain(message, charset));
      } catch (error) {
        return Promise.reject(error);
      }
    },
  };
}
