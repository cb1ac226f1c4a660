// The speed goals `pnpm bench` prints with met / MISSED. A goal stated as the ratio of two
// commands is judged on their paired ratio (the two timed alternately in one row, the median
// of the per-pair ratios: `pairedRatio` in stats.mjs; against "the better of" two commands, the
// three in rotated rounds and each round's faster one) when that row ran; the ratio of the
// two separate rows, timed minutes apart as before, is shown beside it so the history stays
// comparable. Pure functions, so that the tests can check the verdicts.

/**
 * One line of the goals table (and of `goals` in latest.json). `value` and `before` are
 * this checkout's and the baseline's figures as printed; `judgedOn` says which figure the
 * verdict `ok` used when the goal has a paired one; `unpaired`/`unpairedBefore` carry the
 * separate rows' ratio beside it.
 * @typedef {{goal: string, value: string, before?: string, ok: boolean | undefined,
 *   judgedOn?: 'paired' | 'unpaired', unpaired?: string, unpairedBefore?: string}} Goal
 */

/**
 * @param {object} g
 * @param {string} g.goal what is promised
 * @param {(side: 'a' | 'b') => number | undefined} g.measured the figure of the separate rows
 *   (for a goal without pairs, its only figure); side `a` is this checkout, `b` the baseline
 * @param {(side: 'a' | 'b') => number | undefined} [g.paired] the paired ratio, when the goal has one
 * @param {(v: number) => boolean | undefined} g.ok the verdict (undefined: reported, no goal)
 * @param {(v: number) => string} g.show
 * @param {boolean} g.withBaseline whether a `--baseline` checkout ran
 * @returns {Goal}
 */
export function judgeGoal({ goal, measured, paired, ok, show, withBaseline }) {
  const known = (/** @type {number | undefined} */ v) => v !== undefined && Number.isFinite(v);
  const fmt = (/** @type {number | undefined} */ v) => (known(v) ? show(/** @type {number} */ (v)) : 'n/a');
  if (!paired) {
    const v = measured('a');
    return { goal, value: fmt(v), ...(withBaseline ? { before: fmt(measured('b')) } : {}), ok: known(v) ? ok(/** @type {number} */ (v)) : undefined };
  }
  // The paired figure when its row ran, else the separate rows' ratio, labelled as such.
  const judged = (/** @type {'a' | 'b'} */ side) => {
    const p = paired(side);
    if (known(p)) return { v: p, text: `${fmt(p)} paired`, on: /** @type {const} */ ('paired') };
    const u = measured(side);
    return { v: u, text: known(u) ? `${fmt(u)} unpaired` : 'n/a', on: /** @type {const} */ ('unpaired') };
  };
  const a = judged('a');
  return {
    goal,
    value: a.text,
    ...(withBaseline ? { before: judged('b').text } : {}),
    ok: known(a.v) ? ok(/** @type {number} */ (a.v)) : undefined,
    ...(known(a.v) ? { judgedOn: a.on } : {}),
    unpaired: fmt(measured('a')),
    ...(withBaseline ? { unpairedBefore: fmt(measured('b')) } : {}),
  };
}

/**
 * The goals table: header and rows of cells. The verdict is on the measured column(s);
 * "separate rows" is the unpaired ratio of the goals that have a paired one.
 * @param {Goal[]} goals @param {boolean} withBaseline
 */
export function goalTable(goals, withBaseline) {
  const head = ['speed goal', ...(withBaseline ? ['baseline', 'this'] : ['measured']), 'separate rows (unpaired)', ''];
  const rows = goals.map((g) => [
    g.goal,
    ...(withBaseline ? [g.before ?? ''] : []),
    g.value,
    g.unpaired === undefined ? '' : withBaseline ? `${g.unpairedBefore ?? 'n/a'} → ${g.unpaired}` : g.unpaired,
    g.ok === undefined ? '—' : g.ok ? 'met' : 'MISSED',
  ]);
  return { head, rows };
}

/**
 * What a paired ratio's note says: how many pairs (or rounds), the spread of their ratios, and
 * how many each side won.
 * @param {import('./stats.mjs').PairedRatio} r @param {string} numName @param {string} denName
 * @param {'pair' | 'round'} [unit]
 */
export function pairNote(r, numName, denName, unit = 'pair') {
  const f = (/** @type {number} */ v) => v.toFixed(v < 0.1 ? 3 : 2);
  return `${r.n} ${unit}s, per ${unit} ${f(r.min)}–${f(r.max)}; faster: ${numName} ${r.numFaster}, ${denName} ${r.denFaster}`;
}

/**
 * The note of a paired row's ratio. When its denominator is several commands (the better
 * of them, round by round: `fastestPerRound`), it counts rounds, each the numerator against
 * that round's better one, and says which of them was the better in how many.
 * @param {{ratio: import('./stats.mjs').PairedRatio, num: {name: string},
 *   den: {name: string} | Array<{name: string}>, fastestDen?: number[]}} row
 */
export function pairedRowNote(row) {
  if (!Array.isArray(row.den)) return pairNote(row.ratio, row.num.name, row.den.name);
  const wins = row.den.map((d, k) => `${d.name} in ${row.fastestDen?.[k] ?? 0}`).join(', ');
  return `${pairNote(row.ratio, row.num.name, 'the better', 'round')} (the better: ${wins})`;
}
