import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCliArgs } from '../src/args.js';

const OPTION_WORDS = ['--format', '--rule', '--report-year', '--writing-date', '--max-warnings', '--concurrency', '--locale', '--fix', '--stdin', '--quiet', '-f', '-o', 'inspect', '--no-color', '--print-config', '--'];

describe('properties', () => {
  it('parseCliArgs never throws, and a failure is always one usage problem', () => {
    const token = fc.oneof(fc.constantFrom(...OPTION_WORDS), fc.string(), fc.stringMatching(/^-{1,2}[a-z-]{0,12}(=.*)?$/));
    fc.assert(
      fc.property(fc.array(token, { maxLength: 8 }), (argv) => {
        const r = parseCliArgs(argv);
        if (!r.ok) expect(r.problem.level).toBe('error');
      }),
      { numRuns: 500 },
    );
  });
});
