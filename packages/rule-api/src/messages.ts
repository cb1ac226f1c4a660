import type { Locale, LocalizedText } from './types.js';

const PLACEHOLDER = /\{\{\s*([A-Za-z_][\w]*)\s*\}\}/g;

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
  return text.replace(PLACEHOLDER, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(data, name) ? String(data[name]) : whole,
  );
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
 */
export function checkMessageData(
  ruleId: string,
  messageId: string,
  data: Readonly<Record<string, unknown>> | undefined,
  text: string,
): void {
  if (!data) return;
  for (const key of Object.keys(data)) {
    const value = data[key];
    // Said in words: the error is shown to users (as a rule failure), and must not show the value itself.
    let broken: string | undefined;
    if (value === undefined || value === null) broken = 'no value';
    else if (typeof value === 'number') {
      if (!Number.isFinite(value)) broken = 'a number out of range';
    } else if (typeof value === 'string') {
      const m = BROKEN_VALUE.exec(value);
      if (m && !text.includes(m[0])) broken = 'a failed computation';
    } else broken = `a ${typeof value}`;
    if (broken !== undefined) {
      throw new InvalidMessageError(`Rule ${ruleId} would show ${broken} as its ${key} in message "${messageId}"`);
    }
  }
}
