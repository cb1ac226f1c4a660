import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

describe('README', () => {
  it('the library example runs as written against the built package', () => {
    const code = /```js\n([\s\S]*?)```/.exec(readme)![1]!;
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', code], {
      cwd: fileURLToPath(new URL('..', import.meta.url)),
      encoding: 'utf8',
    });
    expect(out).toMatch(/^1:\d+ \[statistics\/concluded-exceeds-received\] 审结数（115件）大于收到数（106件）/m);
  });

  it('the .textlintrc.json example is valid JSON with valid fzlint options', async () => {
    const json = JSON.parse(/```json\n([\s\S]*?)```/.exec(readme)![1]!);
    const { settingsFromOptions } = await import('../src/index.js');
    expect(settingsFromOptions(json.rules.fzlint).minSeverity).toBe('warn');
  });
});
