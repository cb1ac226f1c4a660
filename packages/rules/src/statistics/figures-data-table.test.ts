import { parse } from '@fzlint/parser';
import { describe, expect, it } from 'vitest';
import { figureLedger } from './figures.js';
import { figureLedgerData, formatFigureTable } from './figures-data.js';

// The column widths were once a spread of every row into Math.max: a report of 200,000
// figures (the table `fzlint inspect --figures` prints) passed more arguments than a call takes.
describe('formatFigureTable of 200,000 figures', () => {
  it('prints a header and one aligned row per figure', () => {
    const document = parse('全年共受理行政复议案件120件，审结118件。', { format: 'plaintext', reportYear: 2022 });
    const data = figureLedgerData(figureLedger(document), document);
    const one = data.figures[0]!;
    const figures = Array.from({ length: 200_000 }, (_, i) => ({ ...one, index: i, line: i + 1, sameKey: [] }));
    const rows = formatFigureTable({ ...data, figures }).trimEnd().split('\n');
    expect(rows).toHaveLength(200_001);
    // The line column is as wide as its widest cell (200000), so every row's figure starts at the same place.
    expect(rows[1]!.indexOf('120件')).toBe(rows[200_000]!.indexOf('120件'));
    expect(rows[200_000]).toMatch(/^200000\s+120件\s/);
  }, 60_000);
});
