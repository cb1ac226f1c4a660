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

/**
 * One diagnostic of the last publication: what was written, to compare the next publication's
 * diagnostics with, and its UTF-8 JSON.
 */
interface KeptDiagnostic {
  /**
   * A diagnostic of the server's own shape as written ({@link ServerShaped}), read back from its
   * JSON: compared field by field. Undefined for any other diagnostic, compared by {@link written}.
   */
  readonly shaped: ServerShaped | undefined;
  /**
   * Read back from the JSON written, `data` left out: a copy, since the object published might
   * be changed in place later. A value JSON does not keep (undefined, NaN) makes the copy differ,
   * so such a diagnostic is written afresh each time. Undefined when {@link shaped} is given.
   */
  readonly written: Written | undefined;
  /** The JSON without its last `}` and, when {@link withData}, without the `,"data":{…}` before it. */
  readonly head: Buffer;
  /** Whether `data` (`{version, index}`, whole numbers) was its last key and is left out of `head`. */
  readonly withData: boolean;
  /** Its `message` as written (what a diagnostic not found among the next few is looked up by). */
  readonly message: unknown;
}

/** An LSP range as written: four finite numbers. */
interface ShapedRange {
  readonly startLine: number;
  readonly startCharacter: number;
  readonly endLine: number;
  readonly endCharacter: number;
}

/** A related information as `toLspDiagnostic` writes it: `{location: {uri, range}, message}`. */
interface ShapedRelated {
  readonly uri: string;
  readonly range: ShapedRange;
  readonly message: string;
}

/**
 * A diagnostic as the server's `toLspDiagnostic` writes it, `data` aside: its keys (in the order
 * written, each one of {@link SHAPED_KEYS}) and their values, flat. Comparing one with the next
 * publication's diagnostic reads fixed fields instead of walking a generic tree; each key's
 * value is compared only when the key is among `keys` (the others are known absent).
 */
interface ServerShaped {
  readonly keys: readonly string[];
  readonly range: ShapedRange | undefined;
  readonly severity: number | undefined;
  readonly code: string | number | undefined;
  readonly source: string | undefined;
  readonly message: string | undefined;
  /** `codeDescription.href`. */
  readonly href: string | undefined;
  readonly related: readonly ShapedRelated[] | undefined;
  readonly tags: readonly number[] | undefined;
}

/** The keys a {@link ServerShaped} diagnostic may have (`toLspDiagnostic`'s, `data` aside). */
const SHAPED_KEYS = new Set(['range', 'severity', 'code', 'source', 'message', 'codeDescription', 'relatedInformation', 'tags']);

/** The part of vscode-jsonrpc's `ContentTypeEncoder` the writer calls. */
export interface MessageEncoder {
  readonly name: string;
  encode(message: unknown, options: { charset: string }): Promise<Uint8Array>;
  /** What {@link encode} resolves with, returned at once (or thrown). */
  encodeNow(message: unknown, charset: string): Uint8Array;
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

/** Whether a value is a plain object (what `for…in` lists of it is what JSON.stringify writes, in order). */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;
}

/** Whether a plain array (JSON.stringify writes its items, whatever else it holds). */
function isPlainArray(value: unknown): value is readonly unknown[] {
  return Array.isArray(value) && Object.getPrototypeOf(value) === Array.prototype;
}

/** Whether `value`'s keys are `first` and `second`, in this order, and no other (`for…in`: nothing allocated). */
function hasTwoKeys(value: object, first: string, second: string): boolean {
  let n = 0;
  for (const key in value) {
    if (n === 0 ? key !== first : n === 1 ? key !== second : true) return false;
    n++;
  }
  return n === 2;
}

/** Whether `value`'s one key is `only`. */
function hasOneKey(value: object, only: string): boolean {
  let n = 0;
  for (const key in value) {
    if (n > 0 || key !== only) return false;
    n++;
  }
  return n === 1;
}

/**
 * The `data` the server gives a diagnostic (`{version, index}`, whole numbers, in this order),
 * read into `into`; false for any other value.
 */
function readPositionData(data: unknown, into: { version: number; index: number }): boolean {
  if (!isPlainObject(data) || !hasTwoKeys(data, 'version', 'index')) return false;
  const { version, index } = data;
  if (!Number.isSafeInteger(version) || !Number.isSafeInteger(index)) return false;
  into.version = version as number;
  into.index = index as number;
  return true;
}

/** A diagnostic's `data` when it is the server's `{version, index}` of whole numbers and its last key; else undefined. */
function positionData(diagnostic: object): { version: number; index: number } | undefined {
  let last: string | undefined;
  for (const key in diagnostic) last = key;
  if (last !== 'data') return undefined;
  const data = { version: 0, index: 0 };
  return readPositionData((diagnostic as { data?: unknown }).data, data) ? data : undefined;
}

/** The diagnostic without its `data` (a shallow copy, keys in order). */
function withoutData(diagnostic: object): object {
  const { data: _data, ...rest } = diagnostic as { data?: unknown };
  return rest;
}

/** An LSP range read back from JSON, or undefined when it is not `{start: {line, character}, end: {…}}` of numbers. */
function shapedRange(value: unknown): ShapedRange | undefined {
  if (!isPlainObject(value) || !hasTwoKeys(value, 'start', 'end')) return undefined;
  const { start, end } = value;
  if (!isPlainObject(start) || !hasTwoKeys(start, 'line', 'character') || !isPlainObject(end) || !hasTwoKeys(end, 'line', 'character')) return undefined;
  const { line: startLine, character: startCharacter } = start;
  const { line: endLine, character: endCharacter } = end;
  if (typeof startLine !== 'number' || typeof startCharacter !== 'number' || typeof endLine !== 'number' || typeof endCharacter !== 'number') return undefined;
  return { startLine, startCharacter, endLine, endCharacter };
}

/**
 * The {@link ServerShaped} form of a diagnostic read back from its JSON (`data` left out), or
 * undefined when it has another key or a value of another type. `original` is the object that
 * was written: its message string is kept instead of the copy when equal, so that comparing it
 * with the next publication's (the same string when the linter gave the same message) is quick.
 */
function shapedForm(parsed: Record<string, unknown>, original: Record<string, unknown>): ServerShaped | undefined {
  const keys = Object.keys(parsed);
  let range: ShapedRange | undefined;
  let related: ShapedRelated[] | undefined;
  let tags: number[] | undefined;
  let href: string | undefined;
  for (const key of keys) {
    if (!SHAPED_KEYS.has(key)) return undefined;
    const value = parsed[key];
    switch (key) {
      case 'range':
        if (!(range = shapedRange(value))) return undefined;
        break;
      case 'severity':
        if (typeof value !== 'number') return undefined;
        break;
      case 'code':
        if (typeof value !== 'string' && typeof value !== 'number') return undefined;
        break;
      case 'source':
      case 'message':
        if (typeof value !== 'string') return undefined;
        break;
      case 'codeDescription':
        if (!isPlainObject(value) || !hasOneKey(value, 'href') || typeof value.href !== 'string') return undefined;
        href = value.href;
        break;
      case 'relatedInformation':
        if (!Array.isArray(value)) return undefined;
        related = [];
        for (const item of value as unknown[]) {
          if (!isPlainObject(item) || !hasTwoKeys(item, 'location', 'message') || typeof item.message !== 'string') return undefined;
          const location = item.location;
          if (!isPlainObject(location) || !hasTwoKeys(location, 'uri', 'range') || typeof location.uri !== 'string') return undefined;
          const itemRange = shapedRange(location.range);
          if (!itemRange) return undefined;
          related.push({ uri: location.uri, range: itemRange, message: item.message });
        }
        break;
      case 'tags':
        if (!Array.isArray(value) || !(value as unknown[]).every((tag) => typeof tag === 'number')) return undefined;
        tags = value as number[];
        break;
    }
  }
  const message = parsed.message as string | undefined;
  return {
    keys,
    range,
    severity: parsed.severity as number | undefined,
    code: parsed.code as string | number | undefined,
    source: parsed.source as string | undefined,
    message: message !== undefined && original.message === message ? (original.message as string) : message,
    href,
    related,
    tags,
  };
}

/** Whether `value` is written as the range `r` was (plain objects, keys in order, the same numbers). */
function sameRange(r: ShapedRange, value: unknown): boolean {
  if (!isPlainObject(value) || !hasTwoKeys(value, 'start', 'end')) return false;
  const { start, end } = value;
  return (
    isPlainObject(start) &&
    hasTwoKeys(start, 'line', 'character') &&
    start.line === r.startLine &&
    start.character === r.startCharacter &&
    isPlainObject(end) &&
    hasTwoKeys(end, 'line', 'character') &&
    end.line === r.endLine &&
    end.character === r.endCharacter
  );
}

/** Whether `value` is written as the related information `related` was. */
function sameRelated(related: readonly ShapedRelated[], value: unknown): boolean {
  if (!isPlainArray(value) || value.length !== related.length) return false;
  for (let i = 0; i < related.length; i++) {
    const item = value[i];
    const kept = related[i]!;
    if (!isPlainObject(item) || !hasTwoKeys(item, 'location', 'message') || item.message !== kept.message) return false;
    const location = item.location;
    if (!isPlainObject(location) || !hasTwoKeys(location, 'uri', 'range') || location.uri !== kept.uri || !sameRange(kept.range, location.range)) return false;
  }
  return true;
}

/** Whether `value` is written as the numbers `tags` were. */
function sameNumbers(tags: readonly number[], value: unknown): boolean {
  if (!isPlainArray(value) || value.length !== tags.length) return false;
  for (let i = 0; i < tags.length; i++) if (value[i] !== tags[i]) return false;
  return true;
}

/** Not written as the kept diagnostic. */
const DIFFERENT = 0;
/** Written as the kept diagnostic, without `data`. */
const SAME = 1;
/** Written as the kept diagnostic, then the server's `data` (read into the caller's holder). */
const SAME_WITH_DATA = 2;
type Match = typeof DIFFERENT | typeof SAME | typeof SAME_WITH_DATA;

/**
 * Whether the plain object `diagnostic` is written as `kept` was: the same keys in the same
 * order (then, optionally, the server's `data`, read into `data`) and the same values.
 */
function matchShaped(kept: ServerShaped, diagnostic: Record<string, unknown>, data: { version: number; index: number }): Match {
  // The message first: when it differs (most diagnostics tried and not taken), nothing else is read.
  if (kept.message !== undefined && diagnostic.message !== kept.message) return DIFFERENT;
  const keys = kept.keys;
  let i = 0;
  let withData = false;
  for (const key in diagnostic) {
    if (withData) return DIFFERENT;
    if (i < keys.length && key === keys[i]) i++;
    else if (i === keys.length && key === 'data') withData = true;
    else return DIFFERENT;
  }
  if (i !== keys.length) return DIFFERENT;
  // A key absent from `keys` is absent from the diagnostic too: its field is not compared.
  if (kept.range !== undefined && !sameRange(kept.range, diagnostic.range)) return DIFFERENT;
  if (kept.severity !== undefined && diagnostic.severity !== kept.severity) return DIFFERENT;
  if (kept.code !== undefined && diagnostic.code !== kept.code) return DIFFERENT;
  if (kept.source !== undefined && diagnostic.source !== kept.source) return DIFFERENT;
  if (kept.href !== undefined) {
    const description = diagnostic.codeDescription;
    if (!isPlainObject(description) || !hasOneKey(description, 'href') || description.href !== kept.href) return DIFFERENT;
  }
  if (kept.related !== undefined && !sameRelated(kept.related, diagnostic.relatedInformation)) return DIFFERENT;
  if (kept.tags !== undefined && !sameNumbers(kept.tags, diagnostic.tags)) return DIFFERENT;
  if (!withData) return SAME;
  return readPositionData(diagnostic.data, data) ? SAME_WITH_DATA : DIFFERENT;
}

/** Whether the plain object `diagnostic` is written as `kept` was, compared by {@link match} whatever its form. */
function match(kept: KeptDiagnostic, diagnostic: Record<string, unknown>, data: { version: number; index: number }): Match {
  if (kept.shaped) return matchShaped(kept.shaped, diagnostic, data);
  const position = positionData(diagnostic);
  if (kept.withData !== (position !== undefined) || !writesAs(kept.written!, diagnostic, position ? 'data' : undefined)) return DIFFERENT;
  if (!position) return SAME;
  data.version = position.version;
  data.index = position.index;
  return SAME_WITH_DATA;
}

/** How many of the last publication's diagnostics after the last one reused are tried first (a finding gone, one new). */
const LOOK_AHEAD = 3;

/** After this many diagnostics not found by looking ahead (findings reordered, many new), the rest are also looked up by message. */
const LOOKED_UP_AFTER = 4;

/** The last publication's diagnostics' indices by message (for a diagnostic not found by looking ahead). */
function indexByMessage(before: readonly KeptDiagnostic[]): Map<unknown, number[]> {
  const byMessage = new Map<unknown, number[]>();
  for (let j = 0; j < before.length; j++) {
    const key = before[j]!.message;
    const list = byMessage.get(key);
    if (list) list.push(j);
    else byMessage.set(key, [j]);
  }
  return byMessage;
}

/** A diagnostic written afresh (found in none of the last publication's), kept for the next. */
function keep(diagnostic: Record<string, unknown>, data: { version: number; index: number } | undefined): KeptDiagnostic {
  const json = JSON.stringify(data ? withoutData(diagnostic) : diagnostic);
  const parsed = JSON.parse(json) as Record<string, unknown>;
  const shaped = shapedForm(parsed, diagnostic);
  return { shaped, written: shaped ? undefined : written(parsed), head: Buffer.from(json.slice(0, -1), 'utf8'), withData: data !== undefined, message: parsed.message };
}

/** What follows a kept diagnostic's head when it has the server's `data`: an object without keys is `{}` (its head `{`), no comma then. */
function dataTail(kept: KeptDiagnostic, data: { version: number; index: number }): string {
  return `${kept.head.length > 1 ? ',' : ''}"data":{"version":${data.version},"index":${data.index}}}`;
}

/**
 * An encoder for vscode-jsonrpc's `StreamMessageWriter` (`contentTypeEncoder`). Every message
 * is encoded byte for byte as the default encoder would; for `textDocument/publishDiagnostics`
 * in UTF-8 a diagnostic equal (same keys in the same order, same values, `data` aside) to one
 * of the document's last publication reuses its bytes.
 */
export function createMessageEncoder(): MessageEncoder {
  /** Per document URI, the last publication's diagnostics, in order. */
  const kept = new Map<string, KeptDiagnostic[]>();
  /** The `data` of the diagnostic last matched. */
  const matchedData = { version: 0, index: 0 };

  const plain = (message: unknown, charset: string): Buffer => Buffer.from(JSON.stringify(message, undefined, 0), charset as BufferEncoding);

  const encodePublication = (message: { params: { uri: string; diagnostics: unknown[] } }): Buffer | undefined => {
    const { uri, diagnostics } = message.params;
    const skeleton = JSON.stringify({ ...message, params: { ...message.params, diagnostics: HOLE } });
    const at = skeleton.indexOf(HOLE_JSON);
    if (at < 0 || skeleton.indexOf(HOLE_JSON, at + 1) >= 0) return undefined;
    const before = kept.get(uri) ?? [];
    const next: KeptDiagnostic[] = [];
    // The last publication's diagnostics by message, made at the first diagnostic not found by looking ahead.
    let byMessage: Map<unknown, number[]> | undefined;
    // Diagnostics keep their order: the next one is looked for just after the last one reused.
    let cursor = 0;
    // Diagnostics not found by looking ahead so far.
    let notFound = 0;
    const open = Buffer.from(`${skeleton.slice(0, at)}[`, 'utf8');
    const close = Buffer.from(`]${skeleton.slice(at + HOLE_JSON.length)}`, 'utf8');
    // Each diagnostic's bytes, and the ASCII text after them (`}` or its `data` and `}`).
    const heads: Buffer[] = [];
    const tails: string[] = [];
    let length = open.length + close.length + Math.max(0, diagnostics.length - 1);
    for (let i = 0; i < diagnostics.length; i++) {
      const diagnostic = diagnostics[i];
      if (!isPlainObject(diagnostic) || 'toJSON' in diagnostic) {
        // Not a plain diagnostic object: serialised alone, not kept.
        const bytes = Buffer.from(JSON.stringify(diagnostic) ?? 'null', 'utf8');
        heads.push(bytes);
        tails.push('');
        length += bytes.length;
        continue;
      }
      let found: KeptDiagnostic | undefined;
      let matched: Match = DIFFERENT;
      for (let j = cursor; j < before.length && j < cursor + LOOK_AHEAD; j++) {
        matched = match(before[j]!, diagnostic, matchedData);
        if (matched !== DIFFERENT) {
          found = before[j];
          cursor = j + 1;
          break;
        }
      }
      // A keystroke changes a diagnostic or two: written afresh, they cost less than indexing ~200 by message.
      if (!found && before.length > 0 && ++notFound > LOOKED_UP_AFTER) {
        byMessage ??= indexByMessage(before);
        const candidates = byMessage.get(diagnostic.message);
        if (candidates) {
          for (const j of candidates) {
            matched = match(before[j]!, diagnostic, matchedData);
            if (matched !== DIFFERENT) {
              found = before[j];
              cursor = j + 1;
              break;
            }
          }
        }
      }
      let tail: string;
      if (found) {
        tail = matched === SAME_WITH_DATA ? dataTail(found, matchedData) : '}';
      } else {
        const data = positionData(diagnostic);
        found = keep(diagnostic, data);
        tail = data ? dataTail(found, data) : '}';
      }
      next.push(found);
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
    if (next.length > 0) {
      if (kept.size >= MAX_DOCUMENTS) kept.delete(kept.keys().next().value as string);
      kept.set(uri, next);
    }
    return out;
  };

  const encodeNow = (message: unknown, charset: string): Uint8Array => {
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
        if (bytes) return bytes;
      }
    }
    return plain(message, charset);
  };

  return {
    name: 'application/json',
    encodeNow,
    encode: (message, options) => {
      try {
        return Promise.resolve(encodeNow(message, options.charset));
      } catch (error) {
        return Promise.reject(error);
      }
    },
  };
}
