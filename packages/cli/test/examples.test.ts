import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURE_REPO, fzlint, parseJson } from './helpers.js';

const EXAMPLES = resolve(FIXTURE_REPO, '..', '..', 'examples');

describe('examples/ (the README sample)', () => {
  it('finds exactly the four defects examples/README.md documents', () => {
    // Run from examples/ itself: read-only, nothing is written there.
    const run = fzlint(EXAMPLES, ['.', '--format', 'json']);
    expect(run.code, run.stderr).toBe(1);
    const results = parseJson(run.stdout);
    expect(results).toHaveLength(1);
    const found = results[0]?.messages.map((m) => [m.line, m.ruleId]);
    expect(found).toEqual([
      [21, 'statistics/concluded-exceeds-received'],
      [31, 'structure/shortcomings-without-causes'],
      [35, 'structure/year-consistency'],
      [43, 'references/outdated-policy'],
    ]);
  });
});
