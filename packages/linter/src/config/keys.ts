const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** A JSON Pointer (`/rules/style~1x/1`) as path segments (`['rules', 'style/x', '1']`). */
export function decodePointer(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** `['rules', 'statistics/rate-mismatch', '1']` → `rules["statistics/rate-mismatch"][1]`. */
export function formatKeyPath(segments: readonly string[], root: unknown): string {
  let out = '';
  let value: unknown = root;
  for (const seg of segments) {
    if (Array.isArray(value)) {
      out += `[${seg}]`;
      value = value[Number(seg)];
      continue;
    }
    out += out === '' ? (IDENTIFIER.test(seg) ? seg : `["${seg}"]`) : IDENTIFIER.test(seg) ? `.${seg}` : `["${seg}"]`;
    value = value && typeof value === 'object' ? (value as Record<string, unknown>)[seg] : undefined;
  }
  return out;
}

/** The value at a path of segments, or undefined. */
export function valueAt(root: unknown, segments: readonly string[]): unknown {
  let value = root;
  for (const seg of segments) {
    if (value === null || typeof value !== 'object') return undefined;
    value = Array.isArray(value) ? value[Number(seg)] : (value as Record<string, unknown>)[seg];
  }
  return value;
}
