import { dirname, join, relative, resolve, sep } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { dirnameOf, isNormalAbsolute, joinName, relativeFrom, resolveFrom } from '../src/project/fast-path.js';

/** Paths made of the pieces that matter: separators, `.` and `..` segments, names. */
const path = fc
  .array(fc.constantFrom('/', '.', '..', 'a', 'b', '.git', 'x.md', '报告', ' '), { maxLength: 8 })
  .map((parts) => parts.join(''));
const absolute = path.map((p) => `/${p}`);
const name = fc.constantFrom('a', 'b.md', '.fzlintignore', '报告.md', '..a', 'a..');

describe.runIf(sep === '/')('fast paths give what node:path gives', () => {
  it('an empty path is not taken for a normal one, even as the first path asked about', async () => {
    vi.resetModules();
    const fresh = await import('../src/project/fast-path.js');
    expect(fresh.resolveFrom('/', '')).toBe('/');
    expect(fresh.isNormalAbsolute('')).toBe(false);
  });

  it('resolve, relative, dirname and join, for any path', () => {
    fc.assert(
      fc.property(absolute, fc.oneof(path, absolute), name, (base, p, n) => {
        expect(resolveFrom(base, p)).toBe(resolve(base, p));
        expect(relativeFrom(base, p)).toBe(relative(base, p));
        expect(relativeFrom(resolve(base), resolve(base, p))).toBe(relative(resolve(base), resolve(base, p)));
        expect(dirnameOf(p)).toBe(dirname(p));
        expect(joinName(base, n)).toBe(join(base, n));
      }),
      { numRuns: 2000 },
    );
  });

  it('knows a normalised absolute path', () => {
    for (const p of ['/', '/a', '/a/b', '/a/.b', '/a/..b', '/a/b..', '/报告/x.md']) expect(isNormalAbsolute(p)).toBe(true);
    for (const p of ['', 'a', './a', '/a/', '//a', '/a//b', '/a/./b', '/a/../b', '/a/.', '/a/..', '/.']) expect(isNormalAbsolute(p)).toBe(false);
  });
});
