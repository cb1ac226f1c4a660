// Paired goal ratios: the arithmetic of pairedRatio (stats.mjs), the order timeAlternating
// runs a pair in, and the goals table judging a goal on the paired figure (goals.mjs).
import { describe, expect, it } from 'vitest';
import { goalTable, judgeGoal, pairedRowNote, pairNote } from '../src/goals.mjs';
import { timeAlternating, timeRotating } from '../src/measure.mjs';
import { fastestPerRound, median, pairedRatio } from '../src/stats.mjs';

describe('pairedRatio', () => {
  it('is the median of the per-pair ratios, not the ratio of the medians', () => {
    // The medians' ratio (1600 / 1500 = 1.07) says num is slower; it was faster in two
    // of the three pairs, and the median pair says 0.90.
    const num = [900, 1600, 2000];
    const den = [1000, 1800, 1500];
    const r = pairedRatio(num, den);
    expect(r.median).toBeCloseTo(0.9, 12);
    expect(r.min).toBeCloseTo(1600 / 1800, 12);
    expect(r.max).toBeCloseTo(2000 / 1500, 12);
    expect(r.n).toBe(3);
    expect(r.ratios).toEqual([0.9, 0.8889, 1.3333]);
    expect([r.numFaster, r.denFaster]).toEqual([2, 1]);
  });

  it('takes the mean of the middle two for an even number of pairs', () => {
    expect(pairedRatio([1, 2, 3, 4], [1, 1, 1, 1]).median).toBe(2.5);
  });

  it('counts the pairs each side won; a tie counts for neither', () => {
    const r = pairedRatio([90, 110, 100, 80, 120], [100, 100, 100, 100, 100]);
    expect([r.numFaster, r.denFaster]).toEqual([2, 2]);
    expect(r.median).toBe(1);
  });

  it('one disturbed pair does not move the median', () => {
    const calm = pairedRatio([100, 101, 99, 100, 100], [110, 111, 109, 110, 110]);
    const disturbed = pairedRatio([100, 101, 99, 100, 400], [110, 111, 109, 110, 110]);
    expect(disturbed.median).toBe(calm.median);
    expect(disturbed.max).toBeCloseTo(400 / 110, 12);
    expect(disturbed.denFaster).toBe(1);
  });

  it('refuses samples that do not pair up', () => {
    expect(() => pairedRatio([1, 2], [1])).toThrow(/2 against 1/);
  });

  it('has no median without pairs', () => {
    const r = pairedRatio([], []);
    expect(r.n).toBe(0);
    expect(Number.isNaN(r.median)).toBe(true);
  });
});

/**
 * A command that does nothing (`true`, quicker to start than node on a busy host), 3 runs
 * after 1 warm-up, each noting `name` and the round in `order`.
 * @param {string[]} order @param {string} name
 */
const noted = (order, name) => ({
  cmd: 'true',
  args: [],
  runs: 3,
  warmup: 1,
  before: (/** @type {number} */ i) => void order.push(`${name}${i}`),
});

describe('timeAlternating', () => {
  it('runs A B, B A, … and keeps the i-th runs of each side as a pair', async () => {
    /** @type {string[]} */
    const order = [];
    const r = await timeAlternating(noted(order, 'a'), noted(order, 'b'));
    expect(order).toEqual(['a0', 'b0', 'b1', 'a1', 'a2', 'b2', 'b3', 'a3']);
    expect(r.a.samples).toHaveLength(3);
    expect(r.b.samples).toHaveLength(3);
    expect(pairedRatio(r.a.samples, r.b.samples).n).toBe(3);
  }, 30_000);
});

describe('median', () => {
  it('of odd and even counts, NaN of none', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([7])).toBe(7);
    expect(median([])).toBeNaN();
  });
});

describe('timeRotating', () => {
  it('runs A B C, B C A, C A B, … and keeps the i-th runs of each command as round i', async () => {
    /** @type {string[]} */
    const order = [];
    const r = await timeRotating([noted(order, 'd'), noted(order, 'x'), noted(order, 'y')]);
    expect(order).toEqual(['d0', 'x0', 'y0', 'x1', 'y1', 'd1', 'y2', 'd2', 'x2', 'd3', 'x3', 'y3']);
    expect(r.map((s) => s.samples.length)).toEqual([3, 3, 3]);
  }, 30_000);
});

describe('fastestPerRound', () => {
  // Three rounds of default (d), --concurrency 1 (c1) and 2 (c2); round 2 a slow spell for all.
  const d = { samples: [1000, 1500, 1020], cpuSamples: [1900, 2800, 1950] };
  const c1 = { samples: [1700, 2500, 990], cpuSamples: [1650, 2400, 960] };
  const c2 = { samples: [980, 1480, 1010], cpuSamples: [1880, 2750, 1940] };

  it('takes the fastest of the commands round by round, with the CPU time of that same run', () => {
    const f = fastestPerRound([c1, c2]);
    expect(f.samples).toEqual([980, 1480, 990]);
    expect(f.cpuSamples).toEqual([1880, 2750, 960]);
    expect(f.wins).toEqual([1, 2]);
  });

  it('makes pairedRatio the median over rounds of default / min(c1, c2)', () => {
    const r = pairedRatio(d.samples, fastestPerRound([c1, c2]).samples);
    expect(r.ratios).toEqual([1.0204, 1.0135, 1.0303]);
    expect(r.median).toBeCloseTo(1000 / 980, 12);
    expect([r.numFaster, r.denFaster]).toEqual([0, 3]);
  });

  it('has no CPU samples unless every command has them', () => {
    expect(fastestPerRound([c1, { samples: c2.samples }])).not.toHaveProperty('cpuSamples');
  });

  it('refuses commands with different numbers of rounds, and no commands', () => {
    expect(() => fastestPerRound([c1, { samples: [1, 2] }])).toThrow(/3, 2/);
    expect(() => fastestPerRound([])).toThrow(/fastestPerRound/);
  });
});

describe('pairNote', () => {
  it('says how many pairs, their spread and who won how many', () => {
    expect(pairNote(pairedRatio([1100, 1200, 900], [1000, 1000, 1000]), 'AutoCorrect', 'fzlint')).toBe('3 pairs, per pair 0.90–1.20; faster: AutoCorrect 1, fzlint 2');
    expect(pairNote(pairedRatio([80, 90], [1000, 1000]), 'warm', 'cold')).toBe('2 pairs, per pair 0.080–0.090; faster: warm 2, cold 0');
  });
});

describe('pairedRowNote', () => {
  it('is the pair note for one denominator', () => {
    const row = { ratio: pairedRatio([90, 110, 95], [100, 100, 100]), num: { name: 'default' }, den: { name: '--concurrency 1' } };
    expect(pairedRowNote(row)).toBe('3 pairs, per pair 0.90–1.10; faster: default 2, --concurrency 1 1');
  });

  it('names the better of several denominators and how often each was the better', () => {
    const row = { ratio: pairedRatio([1000, 1020], [990, 1030]), num: { name: 'default' }, den: [{ name: '--concurrency 1' }, { name: '--concurrency 2' }], fastestDen: [0, 2] };
    expect(pairedRowNote(row)).toBe('2 rounds, per round 0.99–1.01; faster: default 1, the better 1 (the better: --concurrency 1 in 0, --concurrency 2 in 2)');
  });
});

describe('judgeGoal and goalTable', () => {
  const x = (/** @type {number} */ v) => `${v.toFixed(2)}×`;
  const atLeastOne = (/** @type {number} */ v) => v >= 1;

  it('judges a goal on its paired ratio and shows the separate rows beside it', () => {
    const g = judgeGoal({ goal: 'default run ≥ 1.0× AutoCorrect', measured: () => 0.9, paired: () => 1.05, ok: atLeastOne, show: x, withBaseline: false });
    expect(g).toEqual({ goal: 'default run ≥ 1.0× AutoCorrect', value: '1.05× paired', ok: true, judgedOn: 'paired', unpaired: '0.90×' });
    const { head, rows } = goalTable([g], false);
    expect(head).toEqual(['speed goal', 'measured', 'separate rows (unpaired)', '']);
    expect(rows).toEqual([['default run ≥ 1.0× AutoCorrect', '1.05× paired', '0.90×', 'met']]);
  });

  it('a paired miss is a miss whatever the separate rows say', () => {
    const g = judgeGoal({ goal: 'g', measured: () => 1.11, paired: () => 0.97, ok: atLeastOne, show: x, withBaseline: false });
    expect([g.value, g.unpaired, g.ok]).toEqual(['0.97× paired', '1.11×', false]);
    expect(goalTable([g], false).rows[0]?.[3]).toBe('MISSED');
  });

  it('falls back to the separate rows, labelled unpaired, when the paired row did not run', () => {
    const g = judgeGoal({ goal: 'g', measured: () => 1.11, paired: () => undefined, ok: atLeastOne, show: x, withBaseline: false });
    expect(g).toMatchObject({ value: '1.11× unpaired', ok: true, judgedOn: 'unpaired', unpaired: '1.11×' });
  });

  it('neither figure: n/a and no verdict', () => {
    const g = judgeGoal({ goal: 'g', measured: () => undefined, paired: () => NaN, ok: atLeastOne, show: x, withBaseline: false });
    expect(g).toEqual({ goal: 'g', value: 'n/a', ok: undefined, unpaired: 'n/a' });
    expect(goalTable([g], false).rows[0]).toEqual(['g', 'n/a', 'n/a', '—']);
  });

  it('a goal without a paired figure has no unpaired column', () => {
    const g = judgeGoal({ goal: 'LSP p50 ≤ 10 ms', measured: () => 8.5, ok: (v) => v <= 10, show: (v) => `${v} ms`, withBaseline: false });
    expect(g).toEqual({ goal: 'LSP p50 ≤ 10 ms', value: '8.5 ms', ok: true });
    expect(goalTable([g], false).rows[0]).toEqual(['LSP p50 ≤ 10 ms', '8.5 ms', '', 'met']);
  });

  it('with a baseline: both checkouts paired, the separate rows as baseline → this; the verdict is this checkout’s', () => {
    const g = judgeGoal({
      goal: '--concurrency 2 ≥ 1.7×',
      measured: (s) => (s === 'a' ? 1.22 : 1.3),
      paired: (s) => (s === 'a' ? 1.25 : 1.24),
      ok: (v) => v >= 1.7,
      show: x,
      withBaseline: true,
    });
    expect(g).toEqual({ goal: '--concurrency 2 ≥ 1.7×', value: '1.25× paired', before: '1.24× paired', ok: false, judgedOn: 'paired', unpaired: '1.22×', unpairedBefore: '1.30×' });
    const { head, rows } = goalTable([g], true);
    expect(head).toEqual(['speed goal', 'baseline', 'this', 'separate rows (unpaired)', '']);
    expect(rows).toEqual([['--concurrency 2 ≥ 1.7×', '1.24× paired', '1.25× paired', '1.30× → 1.22×', 'MISSED']]);
  });
});
