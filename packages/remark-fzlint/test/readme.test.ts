import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

describe('README', () => {
  it('the pipeline example runs as written against the built package', () => {
    const code = /```js\n([\s\S]*?)```/.exec(readme)![1]!;
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', code], {
      cwd: fileURLToPath(new URL('..', import.meta.url)),
      encoding: 'utf8',
    });
    expect(out).toMatch(/^3:19 error 审结数（115件）大于收到数（106件）.* \(statistics\/concluded-exceeds-received\) https:\/\/\S+\.md$/m);
    expect(out).toMatch(/^3:26 warning 错别字.*\(style\/domain-typo\)/m);
  });

  it('the .remarkrc.json example is valid JSON naming the plugin', () => {
    const json = /```json\n([\s\S]*?)```/.exec(readme)![1]!;
    expect(JSON.parse(json).plugins[0][0]).toBe('remark-fzlint');
  });
});
