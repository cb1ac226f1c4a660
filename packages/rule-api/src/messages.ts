import type { Locale, LocalizedText } from './types.js';

const PLACEHOLDER = /\{\{\s*([A-Za-z_][\w]*)\s*\}\}/g;

/**
 * Templates split at their placeholders, by text: `[literal, (name, placeholder, literal)*]`.
 * A run renders the same few hundred templates thousands of times; `replace` with a
 * callback searched each one again and called back per placeholder, which cost about
 * twice this in the cold code a CLI run executes.
 */
const PARTS = new Map<string, readonly string[]>();

function partsOf(text: string): readonly string[] {
  const parts = PARTS.get(text);
  if (parts !== undefined) return parts;
  const split: string[] = [];
  const search = new RegExp(PLACEHOLDER.source, 'g');
  let last = 0;
  for (let m = search.exec(text); m !== null; m = search.exec(text)) {
    split.push(text.slice(last, m.index), m[1] as string, m[0]);
    last = m.index + m[0].length;
  }
  split.push(text.slice(last));
  // Templates are a rule set's fixed messages; the bound only guards a caller that makes them up.
  if (PARTS.size >= 4096) PARTS.clear();
  PARTS.set(text, split);
  return split;
}

/**
 * Renders a message template in a locale, filling `{{name}}` from `data`.
 * A placeholder without data is left visible, so a missing value is noticed in tests.
 */
export function formatMessage(
  template: LocalizedText,
  locale: Locale,
  data?: Readonly<Record<string, string | number>>,
): string {
  const text = template[locale] ?? template['zh-CN'];
  if (!data) return text;
  const parts = partsOf(text);
  let out = parts[0] as string;
  for (let i = 1; i < parts.length; i += 3) {
    const name = parts[i] as string;
    out += (Object.prototype.hasOwnProperty.call(data, name) ? String(data[name]) : (parts[i + 1] as string)) + (parts[i + 2] as string);
  }
  return out;
}

/** What a message must never show: the trace of a computation that failed. */
const BROKEN_VALUE = /(?<![A-Za-z])(?:NaN|-?Infinity|undefined|null)(?![A-Za-z])/;

/**
 * A message about to show a broken value: a number that is not finite, a
 * missing value, or a string carrying `NaN`, `Infinity`, `undefined` or `null`
 * (`${NaN}%`) that the document itself does not contain (a finding may quote
 * the report). Thrown by the message guard of `runRule`.
 */
export class InvalidMessageError extends Error {
  override readonly name = 'InvalidMessageError';
}

/**
 * The message guard: throws {@link InvalidMessageError} when `data` holds a
 * value a message must never show (see there). `text` is the document's text.
 * Returns whether the verdict read `text` (a string value carrying one of those words).
 * `keys` are `Object.keys(data)` when the caller has them already.
 */
export function checkMessageData(
  ruleId: string,
  messageId: string,
  data: Readonly<Record<string, unknown>> | undefined,
  text: string,
  keys: readonly string[] = data ? Object.keys(data) : [],
): boolean {
  if (!data) return false;
  let readText = false;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    const value = data[key];
    // Said in words: the error is shown to users (as a rule failure), and must not show the value itself.
    let broken: string | undefined;
    if (value === undefined || value === null) broken = 'no value';
    else if (typeof value === 'number') {
      if (!Number.isFinite(value)) broken = 'a number out of range';
    } else if (typeof value === 'string') {
      const m = BROKEN_VALUE.exec(value);
      if (m) readText = true;
      if (m && !text.includes(m[0])) broken = 'a failed computation';
    } else broken = `a ${typeof value}`;
    if (broken !== undefined) {
      throw new InvalidMessageError(`Rule ${ruleId} would show ${broken} as its ${key} in message "${messageId}"`);
    }
  }
  return readText;
}

/** A message rendered from one data object, with what it was rendered from. */
interface Rendered {
  readonly template: LocalizedText;
  readonly locale: Locale;
  /** The data's own values, in key order, when it was rendered (a data object changed since renders afresh). */
  readonly keys: readonly string[];
  readonly values: readonly unknown[];
  readonly message: string;
}

/**
 * Messages rendered, by data object. The language server's incremental lint reports the
 * findings it keeps from the last lint again with the same data objects (only their places
 * move), so each keystroke would otherwise render all ~200 messages afresh.
 */
const RENDERED = new WeakMap<object, Rendered>();

/**
 * {@link checkMessageData} then {@link formatMessage}: the message of `template` with `data`,
 * or the one rendered last time from the same data object when the template, the locale and
 * every value are the same and the guard's verdict did not read the text. With `remember`
 * false the message is neither looked up nor kept: a one-off lint (the CLI's) never reports a
 * data object again, and keeping each finding's (a record, two arrays and a weak-map entry)
 * only made garbage.
 */
export function renderMessage(
  ruleId: string,
  messageId: string,
  template: LocalizedText,
  locale: Locale,
  data: Readonly<Record<string, string | number>> | undefined,
  text: string,
  remember = true,
): string {
  if (!data) return formatMessage(template, locale, data);
  if (!remember) {
    checkMessageData(ruleId, messageId, data, text);
    return formatMessage(template, locale, data);
  }
  const known = RENDERED.get(data);
  if (known && known.template === template && known.locale === locale && sameValues(data, known)) return known.message;
  // One keys array for the guard and the cache entry (it was made twice per finding).
  const keys = Object.keys(data);
  const readText = checkMessageData(ruleId, messageId, data, text, keys);
  const message = formatMessage(template, locale, data);
  if (readText) {
    RENDERED.delete(data);
  } else {
    const values = new Array<unknown>(keys.length);
    for (let i = 0; i < keys.length; i++) values[i] = data[keys[i] as string];
    RENDERED.set(data, { template, locale, keys, values, message });
  }
  return message;
}

function sameValues(data: Readonly<Record<string, unknown>>, known: Rendered): boolean {
  const { keys, values } = known;
  let n = 0;
  for (const key in data) {
    if (!Object.prototype.hasOwnProperty.call(data, key)) return false;
    if (keys[n] !== key || values[n] !== data[key]) return false;
    n++;
  }
  return n === keys.length;
}
