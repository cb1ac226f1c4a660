// What of src/instructions.mjs can be checked without valgrind: its command line, the
// arithmetic of the figures it prints, reading callgrind's total. No test runs valgrind
// (it is optional and slow); `pnpm --filter @fzlint/bench instructions` is a benchmark.
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../src/corpus.mjs';
import { collectedFrom, compare, fmtRatio, parseArgs, spread, summarize, UsageError } from '../src/instructions.mjs';

describe('parseArgs', () => {
  it('defaults to lint of 10 reports, 3 rounds, one base run, this checkout', () => {
    expect(parseArgs([], '/x')).toEqual({ workload: 'lint', n: 10, bytes: 65536, rounds: 3, baseRuns: 1, root: REPO_ROOT, help: false });
  });

  it('resolves folders against the given working folder', () => {
    const o = parseArgs(['--baseline', '../start', '--root', '/abs/a', '--out', 'r.json'], '/work/wt/x');
    expect(o.baseline).toBe('/work/wt/start');
    expect(o.root).toBe('/abs/a');
    expect(o.out).toBe('/work/wt/x/r.json');
  });

  it('takes the workload, its size and the rounds', () => {
    const o = parseArgs(['--workload', 'parse', '--n', '50', '--rounds', '5', '--base-runs', '0'], '/');
    expect([o.workload, o.n, o.rounds, o.baseRuns]).toEqual(['parse', 50, 5, 0]);
  });

  it('--rule and --shape imply their workload', () => {
    expect(parseArgs(['--rule', 'statistics/sum'], '/')).toMatchObject({ workload: 'rule', rule: 'statistics/sum' });
    expect(parseArgs(['--shape', 'empty-headings', '--bytes', '4096'], '/')).toMatchObject({ workload: 'shape', shape: 'empty-headings', bytes: 4096 });
    expect(parseArgs(['--workload', 'rule', '--rule', 'a'], '/').workload).toBe('rule');
  });

  it('refuses what it cannot run', () => {
    const bad = [
      ['--workload', 'time'],
      ['--workload', 'rule'],
      ['--workload', 'shape'],
      ['--workload', 'parse', '--rule', 'a'],
      ['--rule', 'a', '--shape', 'b'],
      ['--n', '0'],
      ['--n', '2.5'],
      ['--rounds', 'x'],
      ['--bytes', '10'],
      ['--baseline'],
      ['--baseline', '--rounds', '2'],
      ['--quick'],
    ];
    for (const argv of bad) expect(() => parseArgs(argv, '/'), argv.join(' ')).toThrow(UsageError);
  });

  it('skips the `--` pnpm passes on', () => {
    expect(parseArgs(['--', '--n', '5'], '/').n).toBe(5);
  });

  it('--help', () => {
    expect(parseArgs(['--help'], '/').help).toBe(true);
    expect(parseArgs(['-h'], '/').help).toBe(true);
  });
});

describe('the arithmetic', () => {
  it('spread is (max − min) / median', () => {
    expect(spread([1000, 1003, 1000])).toBeCloseTo(0.003, 10);
    expect(spread([5, 5])).toBe(0);
  });

  it('summarize subtracts the base runs’ median from every run', () => {
    const s = summarize([1370, 1372, 1371], [2371, 2381, 2376]);
    expect(s.base).toBe(1371);
    expect(s.nets).toEqual([1000, 1010, 1005]);
    expect(s.medianNet).toBe(1005);
    expect(s.spread).toBeCloseTo(10 / 1005, 12);
    expect(summarize([], [10, 20]).nets).toEqual([10, 20]);
  });

  it('compare: ratio of the medians, each round’s pair, how many lower', () => {
    const c = compare([990, 1000, 980], [1000, 1000, 1000]);
    expect(c.ratio).toBeCloseTo(0.99, 12);
    expect(c.perRound).toEqual([0.99, 1, 0.98]);
    expect(c.lower).toBe(2);
    // The ratio of the medians, not the median of the ratios.
    expect(compare([1, 10, 3], [2, 5, 4]).ratio).toBe(3 / 4);
  });

  it('fmtRatio shows the change in per cent', () => {
    expect(fmtRatio(0.9877)).toBe('0.9877 (−1.23 %)');
    expect(fmtRatio(1.005)).toBe('1.0050 (+0.50 %)');
  });
});

describe('collectedFrom', () => {
  it('reads callgrind’s total from its stderr', () => {
    const stderr = '==4242== Callgrind, a call-graph generating cache profiler\n==4242== Events    : Ir\n==4242== Collected : 2412345678\n==4242== \n==4242== I   refs:      2,412,345,678\n';
    expect(collectedFrom(stderr)).toBe(2412345678);
    expect(collectedFrom('node: something went wrong\n')).toBeUndefined();
  });
});
