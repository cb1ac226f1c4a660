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
