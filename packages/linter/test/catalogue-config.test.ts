import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ConfigError, lint, validateConfig, type FzlintConfig } from '../src/index.js';

const DOC = new URL('../../../docs/rules/references/outdated-policy.md', import.meta.url);

/** The fenced JSON example of the doc's "目录与自定义条目" section (the one users copy). */
function docExample(): unknown {
  const doc = readFileSync(DOC, 'utf8');
  const start = doc.indexOf('## 目录与自定义条目');
  expect(start).toBeGreaterThan(-1);
  const next = doc.indexOf('\n## ', start + 1);
  const section = doc.slice(start, next === -1 ? undefined : next);
  const fenced = /```json\n([\s\S]*?)\n```/.exec(section);
  expect(fenced).not.toBeNull();
  return JSON.parse(fenced![1]!);
}

const TEXT = '# 2024年度某市法治政府建设情况报告\n\n一、主要举措\n\n认真贯彻《XX省行政执法条例》，推进严格规范公正文明执法。\n';
const WRITTEN = { year: 2025, month: 3, day: 1 };

describe('catalogue entries in config', () => {
  it('accepts the example of docs/rules/references/outdated-policy.md', () => {
    const example = docExample();
    expect(validateConfig(example, { file: 'fzlint.config.json' })).toBe(example);
  });

  it('accepts every optional field of CatalogueEntry and rejects unknown ones', () => {
    const entry = {
      id: 'local-covid',
      kind: 'term',
      name: '新冠肺炎',
      aliases: ['新冠肺炎'],
      patterns: ['新型冠状病毒肺炎'],
      validFrom: '2020-02',
      validUntil: '2022-12-26',
      successor: 'local-covid-infection',
      successorIsRename: true,
      source: '国家卫生健康委公告2022年第7号',
      confidence: 'confirmed',
      note: '更名',
      exclude: ['新冠肺炎疫苗'],
      renames: { 新冠肺炎: '新冠病毒感染' },
      severityCap: 'info',
    };
    expect(validateConfig({ catalogue: [entry] }, { file: 'fzlint.config.json' })).toEqual({ catalogue: [entry] });
    for (const bad of [{ severityCap: 'error' }, { renames: { 新冠肺炎: 1 } }, { exclude: '新冠肺炎疫苗' }, { expires: '2023' }]) {
      expect(() => validateConfig({ catalogue: [{ ...entry, ...bad }] }, { file: 'fzlint.config.json' })).toThrow(ConfigError);
    }
  });

  it('changes what lint() finds: a superseded local regulation from config is reported', () => {
    const config = validateConfig(docExample(), { file: 'fzlint.config.json' }) as FzlintConfig;
    const outdated = (c: FzlintConfig) =>
      lint(TEXT, { filePath: 'report.md', config: c, writingDate: WRITTEN }).diagnostics.filter(
        (d) => d.ruleId === 'references/outdated-policy',
      );
    expect(outdated({})).toEqual([]);
    const found = outdated(config);
    expect(found).toHaveLength(1);
    expect(TEXT.slice(found[0]!.range.start, found[0]!.range.end)).toContain('XX省行政执法条例');
    expect(found[0]!.message).toContain('2023年修订');
  });
});
