/**
 * The V8 flags the server sets in a process of its own (`compiler-tuning.ts`): each is a flag
 * this Node knows (V8 ignores an unknown one with a warning), and `0` in the environment leaves
 * the settings alone. The flags are checked in a child process: setting them here would change
 * how the test process itself compiles.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { COMPILER_FLAGS, COMPILER_TUNING_ENV, tuneCompiler } from '../src/compiler-tuning.js';

describe('compiler tuning', () => {
  it.each(COMPILER_FLAGS)('%s is a flag this Node knows', (flag) => {
    const run = spawnSync(process.execPath, [flag, '-e', '0'], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    // The same flag set at run time, as the server does, is taken without a warning either.
    const atRunTime = spawnSync(process.execPath, ['-e', `require('node:v8').setFlagsFromString(${JSON.stringify(flag)})`], { encoding: 'utf8' });
    expect(atRunTime.stderr).toBe('');
    expect(atRunTime.status).toBe(0);
  });

  it('leaves the settings alone when the environment says 0', () => {
    expect(tuneCompiler({ [COMPILER_TUNING_ENV]: '0' })).toBe(false);
  });
});
