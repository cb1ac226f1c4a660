import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { IncludeMatcher, isReport, namesReport } from '../src/service/detect.js';
import { DEFAULT_SETTINGS, normalizeSettings } from '../src/settings.js';

const corpus = fileURLToPath(new URL('../../../fixtures/corpus/full/', import.meta.url));

describe('report detection', () => {
  it('recognises every corpus report by its title or opening', () => {
    const files = readdirSync(corpus).filter((f) => f.endsWith('.txt'));
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) expect(namesReport(readFileSync(corpus + f, 'utf8')), f).toBe(true);
  });

  it('leaves other Markdown quiet unless a config or an include glob says otherwise', () => {
    const notes = '# 会议记录\n\n讨论了法治宣传的安排。\n';
    expect(isReport({ hasConfig: false, ignored: false, included: false, text: notes })).toBe(false);
    expect(isReport({ hasConfig: true, ignored: false, included: false, text: notes })).toBe(true);
    expect(isReport({ hasConfig: false, ignored: false, included: true, text: notes })).toBe(true);
    expect(isReport({ hasConfig: true, ignored: true, included: false, text: notes })).toBe(false);
  });

  it('matches include globs against folder-relative paths', () => {
    const m = new IncludeMatcher(['reports/**/*.md', '']);
    expect(m.matches('reports/2023/a.md')).toBe(true);
    expect(m.matches('notes/a.md')).toBe(false);
  });

  it('compiles include globs ending in backslashes (picomatch never returned on them)', () => {
    const m = new IncludeMatcher(['x\\\\\\\\', '*.md\\\\\\\\\\']);
    expect(m.matches('x\\\\')).toBe(true);
    expect(m.matches('x\\')).toBe(false);
  });
});

describe('normalizeSettings', () => {
  it('falls back per key on missing or wrong values', () => {
    expect(normalizeSettings(undefined)).toEqual(DEFAULT_SETTINGS);
    const s = normalizeSettings({ enable: 'yes', rules: { 'style/typo': 'off', bad: 'loud', x: ['warn', {}] }, reportYear: 2023.5, locale: 'en', debounceMs: -5, include: ['a/*.md', 3] });
    expect(s).toEqual({ enable: true, rules: { 'style/typo': 'off', x: ['warn', {}] }, reportYear: null, locale: 'en', debounceMs: 0, include: ['a/*.md'] });
  });
});
