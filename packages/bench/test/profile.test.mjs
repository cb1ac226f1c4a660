// What of src/profile.mjs can be checked without running a profiler: its command line and the
// arithmetic of `--rounds` (medians, shares, ratios, which side is lower, the top functions).
import { describe, expect, it } from 'vitest';
import { compareRounds, functionId, parseArgs, rowTest, selectedTime, selectorTest, topFunctionRows, UsageError } from '../src/profile.mjs';

describe('parseArgs', () => {
  it('defaults to the CLI, 40 copies, the top 25, one thread, no rounds', () => {
    expect(parseArgs([], '/x')).toEqual({ target: 'cli', copies: 40, top: 25, keep: false, concurrency: '1', binFlags: false, help: false });
  });

  it('takes the existing options as before, and the baseline from the given working folder', () => {
    const o = parseArgs(['--', '--target', 'parse', '--copies', '200', '--top', '10', '--keep', '--concurrency', '2', '--baseline', '../start12'], '/work/wt/x');
    expect(o).toMatchObject({ target: 'parse', copies: 200, top: 10, keep: true, concurrency: '2', baseline: '/work/wt/start12' });
  });

  it('takes rounds, functions (split at commas, or one by one), the interval and the bin flags', () => {
    const o = parseArgs(['--baseline', '/b', '--rounds', '7', '--functions', 'findHeadingsInBlock, RegExp: [\\u*', '--function', 'a,b', '--interval', '200', '--bin-flags'], '/');
    expect(o).toMatchObject({ rounds: 7, functions: ['findHeadingsInBlock', 'RegExp: [\\u*', 'a,b'], interval: 200, binFlags: true });
  });

  it('says --help', () => {
    expect(parseArgs(['--help'], '/').help).toBe(true);
    expect(parseArgs(['-h'], '/').help).toBe(true);
  });

  it('refuses what it cannot run, with a UsageError', () => {
    const bad = [
      ['--bogus'],
      ['--target', 'time'],
      ['--target'],
      ['--copies', '0'],
      ['--top', 'x'],
      ['--interval', '2.5'],
      ['--rounds', '3'],
      ['--rounds', '3', '--baseline', '/b', '--target', 'rules'],
      ['--functions', 'a'],
      ['--rounds', '3', '--baseline', '/b', '--functions', ','],
      ['--baseline', '--rounds'],
    ];
    for (const argv of bad) expect(() => parseArgs(argv, '/'), argv.join(' ')).toThrow(UsageError);
  });
});

describe('selectorTest', () => {
  it('matches a whole name, * any text', () => {
    expect(selectorTest('findHeadingsInBlock')('findHeadingsInBlock')).toBe(true);
    expect(selectorTest('findHeadingsInBlock')('findHeadingsInBlockX')).toBe(false);
    expect(selectorTest('RegExp: [\\u*')('RegExp: [\\u4e00\\u3000]')).toBe(true);
    expect(selectorTest('RegExp: [\\u*')('RegExp: ^[a-z]')).toBe(false);
    expect(selectorTest('*Heading*')('findHeadingsInBlock')).toBe(true);
  });

  it('takes the other characters of a regular expression literally', () => {
    expect(selectorTest('RegExp: (a|b)+.')('RegExp: (a|b)+.')).toBe(true);
    expect(selectorTest('RegExp: (a|b)+.')('RegExp: aa.')).toBe(false);
  });
});

/** A profile of `total` ms with self times by key (name  file:line). @param {number} total @param {Record<string, number>} fns */
function profile(total, fns) {
  return { total, fns: new Map(Object.entries(fns).map(([k, ms]) => [k, { ms, name: k.split('  ')[0] ?? k }])) };
}

describe('rowTest', () => {
  it('joins selectors by + into one row', () => {
    const t = rowTest('holdsCommentOrCr + RegExp: [^\\r\\n<]*');
    expect([t('holdsCommentOrCr'), t('RegExp: [^\\r\\n<]*'), t('markdownBlocks')]).toEqual([true, true, false]);
    expect(rowTest('a+b')('a+b')).toBe(true);
  });
});

describe('selectedTime', () => {
  it('adds the self time of every function the test selects, and its share of all sampled time', () => {
    const p = profile(1000, { 'f  a.js:1': 20, 'f  b.js:9': 10, 'RegExp: [\\u4e00]  (native)': 5, 'g  a.js:5': 100 });
    expect(selectedTime(p, selectorTest('f'))).toEqual({ ms: 30, share: 0.03 });
    expect(selectedTime(p, selectorTest('RegExp: [*'))).toEqual({ ms: 5, share: 0.005 });
    expect(selectedTime(p, selectorTest('h')).ms).toBe(0);
  });
});

describe('compareRounds', () => {
  const f = (/** @type {number} */ total, /** @type {number} */ ms) => profile(total, { 'f  a.js:1': ms });
  const rounds = [
    { this: f(1000, 20), baseline: f(1000, 25) }, // shares 2.0 % / 2.5 %
    { this: f(2000, 50), baseline: f(1000, 24) }, // 2.5 % / 2.4 %
    { this: f(1000, 21), baseline: f(500, 15) }, //  2.1 % / 3.0 %
    { this: f(1000, 30), baseline: f(1000, 30) }, // 3.0 % / 3.0 %: a tie
  ];
  const [row] = compareRounds(rounds, [{ label: 'f', test: (p) => selectedTime(p, selectorTest('f')) }]);

  it('gives each side the median of its self times and of its shares', () => {
    expect(row?.thisMs).toBe(25.5);
    expect(row?.baselineMs).toBe(24.5);
    expect(row?.thisShare).toBeCloseTo(0.023, 12);
    expect(row?.baselineShare).toBeCloseTo(0.0275, 12);
  });

  it('gives the ratio of shares round by round, and counts the rounds each side is lower (a tie for neither)', () => {
    expect(row?.ratios.map((r) => Number(r.toFixed(4)))).toEqual([0.8, 1.0417, 0.7, 1]);
    expect([row?.thisLower, row?.baselineLower]).toEqual([2, 1]);
  });

  it('gives Infinity for a ratio where only the baseline has none of the function, NaN where neither has any (as pairedRatio)', () => {
    const rows = [{ label: 'f', test: (/** @type {import('../src/profile.mjs').ProfileSample} */ p) => selectedTime(p, selectorTest('f')) }];
    const [r] = compareRounds([{ this: f(1000, 5), baseline: profile(1000, {}) }, { this: profile(1000, {}), baseline: profile(1000, {}) }], rows);
    expect(r?.ratios[0]).toBe(Infinity);
    expect(r?.ratios[1]).toBeNaN();
    expect([r?.thisLower, r?.baselineLower]).toEqual([0, 1]);
  });
});

describe('topFunctionRows', () => {
  it('ranks functions by the sum of their median shares in the two checkouts, matched by name and file', () => {
    expect(functionId('f  packages/parser/dist/block.js:120')).toBe('f  packages/parser/dist/block.js');
    const rounds = [
      // h moved from line 7 to line 9 in this checkout: still one function.
      { this: profile(1000, { 'g  a.js:1': 50, 'h  a.js:9': 40 }), baseline: profile(1000, { 'g  a.js:1': 10, 'h  a.js:7': 40, 'k  b.js:1': 30 }) },
      { this: profile(1000, { 'g  a.js:1': 60, 'h  a.js:9': 40 }), baseline: profile(1000, { 'g  a.js:1': 10, 'h  a.js:7': 40, 'k  b.js:1': 30 }) },
    ];
    const rows = topFunctionRows(rounds, 2);
    expect(rows.map((r) => r.label)).toEqual(['h  a.js', 'g  a.js']);
    const [h] = compareRounds(rounds, rows);
    expect(h?.ratios).toEqual([1, 1]);
    expect(topFunctionRows(rounds, 5).map((r) => r.label)).toEqual(['h  a.js', 'g  a.js', 'k  b.js']);
  });
});
