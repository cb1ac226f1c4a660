import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFzlint } from '../src/project/project.js';
import { POOL_INTERRUPT_BUDGET } from '../src/node-flags.js';
import { ALONE_INTERRUPT_BUDGET, ALONE_MAX_FILES, ALONE_MIN_FILES } from '../src/project/workers.js';

// The budget a few files' lint in this thread gets (tuneForThreadAlone), and that it is set
// back after the lint (the bundles' code caches are written only under their load-time flags).
let root: string;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'fzlint-tune-'));
  for (let i = 0; i < 8; i++) writeFileSync(join(root, `r${i}.md`), `# 2023年法治政府建设年度报告\n\n一、主要举措\n\n本年度共办理案件${i + 1}件。\n`);
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

const budgetsSet = async (files: string[], concurrency?: number | 'auto'): Promise<string[]> => {
  const set: string[] = [];
  const fzlint = createFzlint({ cwd: root, tuneThreads: (flags) => set.push(flags) });
  await fzlint.lintFiles(files, concurrency === undefined ? {} : { concurrency });
  return set;
};

describe('the interrupt budget of a few files linted in this thread', () => {
  it('is the larger one for the lint, then the pool\'s again', async () => {
    expect(ALONE_MIN_FILES).toBeLessThanOrEqual(8);
    expect(ALONE_MAX_FILES).toBeGreaterThanOrEqual(8);
    expect(await budgetsSet(['.'])).toEqual([`--interrupt-budget=${ALONE_INTERRUPT_BUDGET}`, `--interrupt-budget=${POOL_INTERRUPT_BUDGET}`]);
  });

  it('is not set for a few files or an explicit concurrency', async () => {
    expect(await budgetsSet(['r0.md'])).toEqual([]);
    expect(await budgetsSet(['r0.md', 'r1.md'])).toEqual([]);
    expect(await budgetsSet(['.'], 1)).toEqual([]);
  });

  it('is not set when node was given the budget, and is when a flag only ends with its name', async () => {
    const given = process.env['NODE_OPTIONS'];
    try {
      process.env['NODE_OPTIONS'] = '--max-old-space-size=512 --interrupt_budget=5000';
      expect(await budgetsSet(['.'])).toEqual([]);
      process.env['NODE_OPTIONS'] = '--trace-interrupt-budget';
      expect(await budgetsSet(['.'])).toEqual([`--interrupt-budget=${ALONE_INTERRUPT_BUDGET}`, `--interrupt-budget=${POOL_INTERRUPT_BUDGET}`]);
    } finally {
      if (given === undefined) delete process.env['NODE_OPTIONS'];
      else process.env['NODE_OPTIONS'] = given;
    }
  });
});
