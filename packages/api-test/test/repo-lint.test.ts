import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { REPO_DIR } from '../src/index.js';

/**
 * The project lints itself: ESLint with the repository's flat config (eslint.config.js) over
 * every package, extension and script, as `pnpm lint` does package by package. Here so that
 * `pnpm test` (and so CI) checks it too.
 */
describe('pnpm lint', () => {
  it('ESLint finds nothing in the repository', async () => {
    const eslint = new ESLint({ cwd: REPO_DIR });
    const results = await eslint.lintFiles(['.']);
    expect(results.length).toBeGreaterThan(200);
    const problems = results.flatMap((r) => r.messages.map((m) => `${r.filePath.slice(REPO_DIR.length + 1)}:${m.line}:${m.column} ${m.ruleId ?? ''} ${m.message}`));
    expect(problems).toEqual([]);
    // ~12 s on CI's machine; 65 s in a full test run at load 26 on two cores, past the package's 60 s.
  }, 240_000);
});
