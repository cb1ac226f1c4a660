import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { buildConfigSchema, ConfigError, mergeConfigs, rules as builtinRules, validateConfig, type Locale } from '../src/index.js';
import { typoRule, wordRule } from './helpers.js';

const rules = [typoRule, wordRule];
const file = 'fzlint.config.json';

/** The English message of the ConfigError a value gives (most cases below check the English wording). */
function message(value: unknown, withRules = rules, locale: Locale = 'en'): string {
  try {
    validateConfig(value, { file, rules: withRules, locale });
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    return (e as Error).message;
  }
  throw new Error('expected a ConfigError');
}

describe('validateConfig', () => {
  it('accepts every key of a full config', () => {
    const config = {
      $schema: './node_modules/@fzlint/linter/config-schema.json',
      root: true,
      extends: '../base.json',
      rules: { 'style/test-typo': 'warn', 'structure/test-word': ['error', { word: 'FIXME' }] },
      reportYear: 2021,
      writingDate: '2022-03-15',
      locale: 'en',
      catalogue: [
        {
          id: 'local-plan',
          kind: 'plan-period',
          name: '《某市法治政府建设规划（2021—2025年）》',
          aliases: ['某市规划'],
          patterns: ['某市.{0,4}规划'],
          validFrom: '2021-06',
          validUntil: '2025',
          confidence: 'confirmed',
        },
      ],
      ignorePatterns: ['drafts/', '*.bak.md'],
    };
    expect(validateConfig(config, { file, rules })).toBe(config);
  });

  it('names the file, the rule and the allowed severities', () => {
    expect(message({ rules: { 'style/test-typo': 'warning' } })).toBe(
      'fzlint.config.json: rules["style/test-typo"] must be one of off, info, warn, error, or [severity, options] (got "warning")',
    );
    expect(message({ rules: { 'style/test-typo': ['warning'] } })).toBe(
      'fzlint.config.json: rules["style/test-typo"][0] must be one of off, info, warn, error (got "warning")',
    );
    expect(message({ rules: { 'style/test-typo': 2 } })).toContain('(got 2)');
    expect(message({ rules: { 'style/test-typo': ['warn', {}, 1] } })).toContain('one or two items');
  });

  it('checks rule options against the rule options schema', () => {
    expect(message({ rules: { 'structure/test-word': ['warn', { word: 1 }] } })).toBe(
      'fzlint.config.json: rules["structure/test-word"][1].word must be a string (got 1)',
    );
    expect(message({ rules: { 'structure/test-word': ['warn', { wrod: 'x' }] } })).toContain(
      'unknown key rules["structure/test-word"][1].wrod (allowed keys: word)',
    );
  });

  it('names an unknown rule id and the nearest known ids', () => {
    expect(message({ rules: { 'style/test-typ': 'off' } })).toBe(
      'fzlint.config.json: rules["style/test-typ"] names an unknown rule; did you mean style/test-typo?',
    );
    // The right name in the wrong family.
    expect(message({ rules: { 'statistics/test-word': 'off' } })).toContain('did you mean structure/test-word?');
    expect(message({ rules: { 'zzz/completely-else': 'off' } })).toBe(
      'fzlint.config.json: rules["zzz/completely-else"] names an unknown rule',
    );
  });

  it('names an unknown top-level key and lists the allowed keys', () => {
    expect(message({ rule: {} })).toBe(
      'fzlint.config.json: unknown key "rule" (allowed keys: root, extends, rules, reportYear, writingDate, locale, catalogue, ignorePatterns, previousReport); did you mean rules?',
    );
  });

  it('checks scalar keys with the allowed values', () => {
    expect(message({ locale: 'zh' })).toBe('fzlint.config.json: locale must be one of zh-CN, en (got "zh")');
    expect(message({ reportYear: '2021' })).toBe('fzlint.config.json: reportYear must be an integer (got "2021")');
    expect(message({ writingDate: '2022/3/1' })).toBe('fzlint.config.json: writingDate must be a date YYYY-MM-DD (got "2022/3/1")');
    expect(message({ writingDate: '2022-02-30' })).toBe('fzlint.config.json: writingDate is not a real date (got "2022-02-30")');
    expect(message({ root: 'yes' })).toBe('fzlint.config.json: root must be a boolean (got "yes")');
    expect(message({ ignorePatterns: 'drafts/' })).toBe('fzlint.config.json: ignorePatterns must be an array (got "drafts/")');
    expect(message([])).toBe('fzlint.config.json: must contain a JSON object (got an array)');
  });

  it('checks catalogue entries', () => {
    expect(message({ catalogue: [{ id: 'x', kind: 'plan', name: 'X', confidence: 'confirmed' }] })).toBe(
      'fzlint.config.json: catalogue[0].kind must be one of policy, law, plan-period, pufa-period, congress, organization, term, formula, campaign (got "plan")',
    );
    expect(message({ catalogue: [{ id: 'x', kind: 'law', name: 'X' }] })).toBe(
      'fzlint.config.json: catalogue[0] is missing the required key "confidence"',
    );
    expect(message({ catalogue: [{ id: 'x', kind: 'law', name: 'X', confidence: 'confirmed', patterns: ['(('] }] })).toMatch(
      /^fzlint\.config\.json: catalogue\[0\]\.patterns\[0\] is not a valid regular expression/,
    );
  });

  it('carries the file and key on the error', () => {
    try {
      validateConfig({ locale: 'fr' }, { file: 'a/.fzlintrc.json', rules });
    } catch (e) {
      expect((e as ConfigError).file).toBe('a/.fzlintrc.json');
      expect((e as ConfigError).key).toBe('locale');
    }
    expect.assertions(2);
  });
});

describe('validateConfig messages in Chinese (the default locale)', () => {
  const zh = (value: unknown) => message(value, rules, 'zh-CN');

  it('is Chinese when no locale is given', () => {
    expect(() => validateConfig({ locale: 'zh' }, { file, rules })).toThrow(
      'fzlint.config.json: locale 必须是 zh-CN、en 之一（实际为 "zh"）',
    );
  });

  it('names the file, the key, the allowed values and what to do', () => {
    expect(zh({ rules: { 'style/test-typo': 'warning' } })).toBe(
      'fzlint.config.json: rules["style/test-typo"] 必须是 off、info、warn、error 之一，或 [严重程度, 选项]（实际为 "warning"）',
    );
    expect(zh({ rules: { 'style/test-typo': ['warn', {}, 1] } })).toBe(
      'fzlint.config.json: rules["style/test-typo"] 必须是严重程度，或只有一到两项的 [严重程度, 选项]（实际有 3 项）',
    );
    expect(zh({ rules: { 'structure/test-word': ['warn', { word: 1 }] } })).toBe(
      'fzlint.config.json: rules["structure/test-word"][1].word 必须是字符串（实际为 1）',
    );
    expect(zh({ rules: { 'structure/test-word': ['warn', { wrod: 'x' }] } })).toBe(
      'fzlint.config.json: 没有键 rules["structure/test-word"][1].wrod（可用的键：word）；是否应为 word？',
    );
    expect(zh({ rules: { 'style/test-typ': 'off' } })).toBe(
      'fzlint.config.json: rules["style/test-typ"] 不是已知的规则；是否应为 style/test-typo？',
    );
    expect(zh({ rule: {} })).toBe(
      'fzlint.config.json: 没有配置项“rule”（可用的配置项：root、extends、rules、reportYear、writingDate、locale、catalogue、ignorePatterns、previousReport）；是否应为 rules？',
    );
  });

  it('describes values and types in Chinese', () => {
    expect(zh({ reportYear: '2021' })).toBe('fzlint.config.json: reportYear 必须是整数（实际为 "2021"）');
    expect(zh({ ignorePatterns: 'drafts/' })).toBe('fzlint.config.json: ignorePatterns 必须是数组（实际为 "drafts/"）');
    expect(zh({ root: [] })).toBe('fzlint.config.json: root 必须是布尔值（实际为 数组）');
    expect(zh([])).toBe('fzlint.config.json: 内容必须是一个 JSON 对象（实际为 数组）');
    expect(zh({ writingDate: '2022/3/1' })).toBe('fzlint.config.json: writingDate 必须是 YYYY-MM-DD 格式的日期（实际为 "2022/3/1"）');
    expect(zh({ writingDate: '2022-02-30' })).toBe('fzlint.config.json: writingDate 不是实际存在的日期（实际为 "2022-02-30"）');
    expect(zh({ reportYear: 1800 })).toBe('fzlint.config.json: reportYear 必须 >= 1949（实际为 1800）');
    expect(zh({ catalogue: [{ id: 'x', kind: 'law', name: 'X' }] })).toBe('fzlint.config.json: catalogue[0] 缺少必填的键“confidence”');
    expect(zh({ catalogue: [{ id: '', kind: 'law', name: 'X', confidence: 'confirmed' }] })).toBe(
      'fzlint.config.json: catalogue[0].id 不能少于 1 个字符（实际为 ""）',
    );
  });

  it('says "fzlint 配置" when no file is named, and carries the template id and data', () => {
    try {
      validateConfig({ locale: 'fr' }, { rules });
    } catch (e) {
      expect((e as Error).message).toBe('fzlint 配置: locale 必须是 zh-CN、en 之一（实际为 "fr"）');
      expect((e as ConfigError).messageId).toBe('oneOf');
      expect((e as ConfigError).data).toEqual({ allowed: 'zh-CN、en', got: '"fr"' });
    }
    expect.assertions(3);
  });

  it('has every message template in both locales', async () => {
    const { CONFIG_MESSAGES } = await import('../src/config/messages.js');
    for (const [id, text] of Object.entries(CONFIG_MESSAGES)) {
      expect(text['zh-CN'], id).toMatch(/[\u4e00-\u9fff]|^（第/);
      expect(text.en, id).not.toMatch(/[\u4e00-\u9fff]/);
      const placeholders = (t: string) => [...t.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
      expect(placeholders(text['zh-CN']), id).toEqual(placeholders(text.en));
    }
  });
});

describe('mergeConfigs', () => {
  it('merges rules per id, nearer winning, and combines catalogue and ignore patterns', () => {
    const entry = (id: string, name: string) => ({ id, kind: 'law' as const, name, confidence: 'confirmed' as const });
    const merged = mergeConfigs(
      { root: true, rules: { a: 'warn', b: 'error' }, reportYear: 2020, catalogue: [entry('x', 'old'), entry('y', 'y')], ignorePatterns: ['a'] },
      { rules: { b: 'off' }, locale: 'en', catalogue: [entry('x', 'new')], ignorePatterns: ['b'] },
    );
    expect(merged).toEqual({
      rules: { a: 'warn', b: 'off' },
      reportYear: 2020,
      locale: 'en',
      catalogue: [entry('y', 'y'), entry('x', 'new')],
      ignorePatterns: ['a', 'b'],
    });
  });
});

describe('config JSON schema', () => {
  it('the checked-in src/config-schema.json matches the built-in rules (run `pnpm update-schema` after adding a rule)', () => {
    const checkedIn = JSON.parse(readFileSync(new URL('../src/config-schema.json', import.meta.url), 'utf8'));
    expect(checkedIn).toEqual(JSON.parse(JSON.stringify(buildConfigSchema(builtinRules))));
  });

  it('accepts every built-in rule at every severity and with its own default options', () => {
    for (const rule of builtinRules) {
      for (const severity of ['off', 'info', 'warn', 'error']) {
        expect(() => validateConfig({ rules: { [rule.meta.id]: severity } })).not.toThrow();
      }
      const options = rule.meta.defaultOptions ?? {};
      expect(() => validateConfig({ rules: { [rule.meta.id]: ['warn', options] } }), rule.meta.id).not.toThrow();
    }
  });

  it('lists each rule id with its description, and is a valid draft-07 schema', () => {
    const schema = buildConfigSchema(rules) as { properties: { rules: { properties: Record<string, { description: string }> } } };
    expect(Object.keys(schema.properties.rules.properties)).toEqual(['structure/test-word', 'style/test-typo']);
    expect(schema.properties.rules.properties['style/test-typo']!.description).toBe('测试：错别字 / Test: typo (default: error)');
    const ajv = new Ajv({ strict: false });
    const validate = ajv.compile(schema);
    expect(validate({ rules: { 'style/test-typo': 'off' } })).toBe(true);
    expect(validate({ rules: { 'style/nope': 'off' } })).toBe(false);
  });
});
