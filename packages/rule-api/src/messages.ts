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
    let broken: string | undefined;
    if (value === undefined || value === null) broken = String(value);
    else if (typeof value === 'number') {
      if (!Number.isFinite(value)) broken = String(value);
    } else if (typeof value === 'string') {
      const m = BROKEN_VALUE.exec(value);
      if (m && !text.includes(m[0])) broken = JSON.stringify(value);
    } else broken = typeof value;
    if (broken !== undefined) {
      throw new InvalidMessageError(`Rule ${ruleId} rendered message "${messageId}" with ${key} = ${broken}`);
    }
  }
}
