/**
 * The V8 flags bin/fzlint.js sets before the bundle loads, and that a flag node was given wins:
 * the flag itself (`--name`, `--no-name`, `_` for `-`, `--name=value`) stops the bin's, a longer
 * flag that only contains its name (`--trace-turbo-inlining`) does not. A preload records what the
 * bin passes to V8 (through the binding its loader uses, src/compile-cache.ts `v8()`, or node:v8); with that
 * `--require` node has a flag, so the bin leaves `--no-regexp-tier-up` out (see the bin).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, runEnv } from './helpers.js';

let dir: string;
let preload: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'fzlint-bin-flags-'));
  preload = join(dir, 'record-flags.cjs');
  writeFileSync(
    preload,
    `'use strict';
const { writeSync } = require('node:fs');
// node:v8 too: the loader's way when the binding is gone (a later Node).
const v8 = require('node:v8');
const setFlags = v8.setFlagsFromString;
v8.setFlagsFromString = (flags) => {
  writeSync(2, 'set ' + flags + '\\n');
  setFlags(flags);
};
const binding = process.binding;
process.binding = function (name) {
  const real = binding.call(process, name);
  if (name !== 'v8') return real;
  return {
    cachedDataVersionTag: () => real.cachedDataVersionTag(),
    setFlagsFromString(flags) {
      writeSync(2, 'set ' + flags + '\\n');
      real.setFlagsFromString(flags);
    },
  };
};
`,
  );
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The flags the bin set in a `--version` run under node's flags `nodeFlags`. */
function flagsSet(nodeFlags: readonly string[]): string[] {
  const r = spawnSync(process.execPath, ['--require', preload, ...nodeFlags, BIN, '--version'], { env: { ...runEnv(), NODE_OPTIONS: '' }, encoding: 'utf8' });
  expect(r.status).toBe(0);
  return r.stderr
    .split('\n')
    .filter((line) => line.startsWith('set '))
    .map((line) => line.slice(4));
}

describe("the bin's V8 flags", () => {
  it('are set when node was given none of them, also under a flag that only contains their names', () => {
    const ours = ['--no-turbo-inlining', '--interrupt-budget=1081344'];
    expect(flagsSet([])).toEqual(ours);
    expect(flagsSet(['--trace-turbo-inlining'])).toEqual(ours);
    expect(flagsSet(['--trace_turbo_inlining', '--interrupt-budget-for-feedback-allocation=940', '--force-emit-interrupt-budget-checks'])).toEqual(ours);
  });

  it('leave a flag node was given as it was: --name, --no-name, with - or _, --name=value', () => {
    expect(flagsSet(['--turbo-inlining'])).toEqual(['--interrupt-budget=1081344']);
    expect(flagsSet(['--no_turbo_inlining'])).toEqual(['--interrupt-budget=1081344']);
    expect(flagsSet(['--interrupt-budget=5000'])).toEqual(['--no-turbo-inlining']);
    expect(flagsSet(['--interrupt_budget=5000', '--turbo_inlining'])).toEqual([]);
  });
});
