import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, SETTINGS_TYPES } from '@fzlint/language-server/settings';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const nlsEn = JSON.parse(readFileSync(new URL('../package.nls.json', import.meta.url), 'utf8'));
const nlsZh = JSON.parse(readFileSync(new URL('../package.nls.zh-cn.json', import.meta.url), 'utf8'));
const properties: Record<string, { type: unknown; default: unknown; markdownDescription: string; scope: string }> =
  pkg.contributes.configuration.properties;

describe('contributed settings', () => {
  it('are exactly the settings the server understands, with its types and defaults', () => {
    const serverKeys = Object.keys(DEFAULT_SETTINGS).map((k) => `fzlint.${k}`).sort();
    const contributed = Object.keys(properties).filter((k) => !k.startsWith('fzlint.trace.')).sort();
    expect(contributed).toEqual(serverKeys);
    for (const [key, value] of Object.entries(DEFAULT_SETTINGS)) {
      const p = properties[`fzlint.${key}`]!;
      expect(p.default, key).toEqual(value);
      expect(p.type, key).toEqual(SETTINGS_TYPES[key as keyof typeof SETTINGS_TYPES]);
      expect(p.scope, key).toBeDefined();
    }
  });

  it('describe every setting and command in English and Chinese', () => {
    const keys = JSON.stringify(pkg).match(/%[\w.]+%/g)!.map((k) => k.slice(1, -1));
    expect(keys.length).toBeGreaterThan(8);
    for (const k of keys) {
      expect(nlsEn[k], k).toEqual(expect.any(String));
      expect(nlsZh[k], k).toEqual(expect.any(String));
    }
    expect(Object.keys(nlsZh).sort()).toEqual(Object.keys(nlsEn).sort());
    expect(nlsZh['config.enable']).toMatch(/[\u4e00-\u9fff]/u);
  });

  it('activates on Markdown and plain text and bundles a CommonJS main', () => {
    expect(pkg.activationEvents).toEqual(['onLanguage:markdown', 'onLanguage:plaintext']);
    expect(pkg.main).toBe('./dist/extension.js');
    expect(pkg.engines.vscode).toBe('^1.82.0');
  });
});
