import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as api from '../src/index.js';
import * as nodeApi from '../src/node.js';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

describe('public API', () => {
  it('VERSION follows package.json (SARIF reports it)', () => {
    expect(api.VERSION).toBe(pkg.version);
  });

  it('exports the documented API of @fzlint/linter and @fzlint/linter/node', () => {
    for (const name of [
      'lint',
      'applyFixes',
      'stylish',
      'json',
      'sarif',
      'github',
      'getFormatter',
      'formatterNames',
      'ConfigError',
      'validateConfig',
      'rules',
      'rulesById',
      'defineRule',
      'scoreResult',
      'formatScorecards',
      'withScoreRules',
    ]) {
      expect(api, name).toHaveProperty(name);
    }
    for (const name of ['createFzlint', 'formattable', 'lintFiles', 'loadConfig', 'ConfigLoader', 'outputFixes', 'readSuppressions', 'writeSuppressions']) {
      expect(nodeApi, name).toHaveProperty(name);
    }
  });

  it('publishes the config schema and the node entry in package.json exports', () => {
    expect(pkg.exports['./config-schema.json']).toBe('./dist/config-schema.json');
    expect(pkg.exports['./node'].import).toBe('./dist/node.js');
  });
});

describe('README', () => {
  it('the first example runs as written against the built package (import through the package exports)', () => {
    const packageDir = fileURLToPath(new URL('..', import.meta.url));
    expect(existsSync(new URL('../dist/index.js', import.meta.url)), 'build the package first').toBe(true);
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    const code = /```js\n([\s\S]*?)```/.exec(readme)![1]!;
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', code], { cwd: packageDir, encoding: 'utf8' });
    expect(out).toMatch(/^\d+ errors, \d+ warnings, \d+ infos$/m);
    expect(out).toMatch(/^2\.1\.0$/m);
  });

  it('the published config schema in dist equals the checked-in one', () => {
    const dist = new URL('../dist/config-schema.json', import.meta.url);
    expect(existsSync(dist), 'build the package first').toBe(true);
    expect(JSON.parse(readFileSync(dist, 'utf8'))).toEqual(
      JSON.parse(readFileSync(new URL('../src/config-schema.json', import.meta.url), 'utf8')),
    );
  });
});
