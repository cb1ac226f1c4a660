import { describe, expect, it } from 'vitest';
import { safeGlobPattern } from '../src/index.js';

describe('safeGlobPattern', () => {
  it('leaves patterns without a trailing run of four or more backslashes as they are', () => {
    for (const p of ['*.md', 'drafts/', 'a\\*b', 'a\\\\', 'a\\\\\\', '\\\\\\\\x', '']) expect(safeGlobPattern(p)).toBe(p);
  });

  it('writes each escaped backslash of a longer trailing run as a class matching one backslash', () => {
    expect(safeGlobPattern('a\\\\\\\\')).toBe('a[\\\\][\\\\]');
    // An odd backslash left at the end stays a literal backslash.
    expect(safeGlobPattern('a\\\\\\\\\\')).toBe('a[\\\\][\\\\]\\');
    expect(safeGlobPattern('\\\\\\\\\\\\')).toBe('[\\\\][\\\\][\\\\]');
  });

  it('is linear in the pattern', () => {
    const long = 'a'.repeat(100_000) + '\\'.repeat(100_000);
    expect(safeGlobPattern(long)).toHaveLength(100_000 + 50_000 * 4);
  });
});
