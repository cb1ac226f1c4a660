import { describe, expect, it } from 'vitest';
import { flagsCheckedOnThisNode, nodeWasGiven, setUnlessGiven } from '../src/node-flags.js';

// The one test of which V8 flags node was given, for the pool (setFlag) and the CLI's bin.
describe('nodeWasGiven', () => {
  it('finds the flag itself: --name, --no-name, --name=value, with - or _', () => {
    for (const given of ['--turbo-inlining', '--no-turbo-inlining', '--no_turbo_inlining', '--turbo_inlining', '--max-old-space-size=512 --no-turbo-inlining'])
      expect(nodeWasGiven('--no-turbo-inlining', given), given).toBe(true);
    for (const given of ['--interrupt-budget=5000', '--interrupt_budget=5000', '--interrupt-budget 5000', '--no-warnings --interrupt-budget=1'])
      expect(nodeWasGiven('--interrupt-budget=1081344', given), given).toBe(true);
  });

  it('does not take a longer flag that begins or ends with the name for it', () => {
    for (const given of ['', ' ', '--trace-turbo-inlining', '--trace_turbo_inlining', '--trace-maglev-inlining', 'turbo-inlining'])
      expect(nodeWasGiven('--no-turbo-inlining', given), given).toBe(false);
    for (const given of ['--trace-interrupt-budget', '--interrupt-budget-for-feedback-allocation=940', '--force-emit-interrupt-budget-checks', '--interrupt-budget-factor-for-feedback-allocation=8'])
      expect(nodeWasGiven('--interrupt-budget=1081344', given), given).toBe(false);
  });

  it('reads NODE_OPTIONS and node\'s own flags by default', () => {
    const given = process.env['NODE_OPTIONS'];
    try {
      process.env['NODE_OPTIONS'] = '--no_concurrent_recompilation';
      expect(nodeWasGiven('--no-concurrent-recompilation')).toBe(true);
      process.env['NODE_OPTIONS'] = '--trace-concurrent-recompilation';
      expect(nodeWasGiven('--no-concurrent-recompilation')).toBe(false);
    } finally {
      if (given === undefined) delete process.env['NODE_OPTIONS'];
      else process.env['NODE_OPTIONS'] = given;
    }
  });
});

describe('setUnlessGiven', () => {
  it('sets a flag node was not given, on the Node versions the flags were checked on, and leaves one it was given', () => {
    const given = process.env['NODE_OPTIONS'];
    const set: string[] = [];
    try {
      process.env['NODE_OPTIONS'] = '--trace-turbo-inlining --interrupt_budget=5000';
      expect(setUnlessGiven('--no-turbo-inlining', (f) => set.push(f))).toBe(flagsCheckedOnThisNode());
      expect(setUnlessGiven('--interrupt-budget=1081344', (f) => set.push(f))).toBe(false);
      expect(set).toEqual(flagsCheckedOnThisNode() ? ['--no-turbo-inlining'] : []);
    } finally {
      if (given === undefined) delete process.env['NODE_OPTIONS'];
      else process.env['NODE_OPTIONS'] = given;
    }
  });
});
