import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CatalogueEntry } from '@fzlint/ontology';
import { statisticsAt } from '@fzlint/rules';
import { afterAll, describe, expect, it } from 'vitest';
import { loadEngine, rulesOfModule } from '../src/engine.js';
import { relationText } from '../src/service/hover.js';
import type { LintEngine } from '../src/service/types.js';

const text = [
  '# XX市2022年法治政府建设年度报告',
  '',
  '## 一、2022年推进法治政府建设的主要举措和成效',
  '',
  '全年共收到行政复议申请106件，审结90件，审结率84.9%。深入贯彻落实《法治政府建设实施纲要（2015－2020年）》和《XX市重大行政决策程序办法》。',
  '',
].join('\n');

/** A local policy the built-in catalogue cannot know, added by a config. */
const localPolicy: CatalogueEntry = {
  id: 'xx-decision-procedure',
  kind: 'policy',
  name: '《XX市重大行政决策程序办法》',
  aliases: ['XX市重大行政决策程序办法'],
  validFrom: '2020-05',
  confidence: 'confirmed',
};

describe('engine analyses', () => {
  it('finds catalogue references with their status and successor, and the config catalogue', async () => {
    const engine = await loadEngine({});
    const document = engine.lint(text, { locale: 'zh-CN' }).document!;
    const find = engine.features.findCatalogueReferences!;
    const builtin = find(document, { config: undefined, locale: 'zh-CN' });
    const gangyao = builtin.find((r) => r.entry.name.includes('2015'));
    expect(gangyao).toMatchObject({ status: 'superseded', range: { start: text.indexOf('法治政府建设实施纲要（2015') } });
    expect(gangyao?.successor?.name).toContain('2021—2025');
    expect(builtin.some((r) => r.entry.id === localPolicy.id)).toBe(false);
    const withConfig = find(document, { config: { catalogue: [localPolicy] }, locale: 'zh-CN' });
    expect(withConfig.find((r) => r.entry.id === localPolicy.id)?.status).toBe('current');
  });

  it('extracts the statistics relations a count takes part in, rendered one line each', async () => {
    const engine = await loadEngine({});
    const document = engine.lint(text, { locale: 'zh-CN' }).document!;
    const statistics = engine.features.extractStatistics!(document);
    const here = statisticsAt(statistics, text.indexOf('90件'));
    expect(here.relations.map((rel) => relationText(text, rel)).sort()).toEqual([
      '收到行政复议申请106件 · 审结90件',
      '收到行政复议申请106件 · 审结90件 · 审结率84.9% · = 84.9%',
    ]);
  });

  it('reads rules from a module as `rules`, default or `rule`', () => {
    const rule = { meta: { id: 'style/x' }, check: () => undefined };
    expect(rulesOfModule({ rules: [rule], default: rule, other: 1 })).toEqual([rule]);
    expect(rulesOfModule({ default: { nope: true } })).toEqual([]);
  });
});

describe('config errors in the user locale', () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  /** A folder whose fzlint.config.json has a misspelt key; returns the message loading it throws. */
  function brokenConfigMessage(engine: LintEngine): string {
    const dir = mkdtempSync(join(tmpdir(), 'fzlint-ls-locale-'));
    dirs.push(dir);
    writeFileSync(join(dir, 'fzlint.config.json'), JSON.stringify({ rule: {} }));
    engine.resetConfig?.(dir);
    try {
      void engine.loadConfig(join(dir, 'report.md'));
    } catch (error) {
      return engine.configProblem(error)?.message ?? '';
    }
    throw new Error('expected a ConfigError');
  }

  it('uses zh-CN by default, the locale option, or the locale of the last lint request', async () => {
    expect(brokenConfigMessage(await loadEngine({}))).toMatch(/是否应为 rules？/);
    expect(brokenConfigMessage(await loadEngine({}, { locale: () => 'en' }))).toMatch(/did you mean rules\?/);
    const engine = await loadEngine({});
    engine.lint('推进法治政府建设。', { rules: [], locale: 'en' });
    expect(brokenConfigMessage(engine)).toMatch(/did you mean rules\?/);
  });
});
