// The subpath, not the package: the package's index loads every data module (a warm --cache run needs none).
import { CATALOGUE_ENTRY_JSON_SCHEMA, CATALOGUE_KINDS as ONTOLOGY_CATALOGUE_KINDS } from '@fzlint/ontology/catalogue-schema';
import type { AnyRule } from '@fzlint/rule-api';

/** The values a rule's severity may take in config, in the order messages list them. */
export const SEVERITY_SETTINGS = ['off', 'info', 'warn', 'error'] as const;

/** The locales messages exist in. */
export const LOCALES = ['zh-CN', 'en'] as const;

/** The top-level keys of a config file, in the order messages list them. */
export const CONFIG_KEYS = [
  '$schema',
  'root',
  'extends',
  'rules',
  'reportYear',
  'writingDate',
  'locale',
  'catalogue',
  'ignorePatterns',
  'previousReport',
] as const;

/** Kinds of catalogue entries (from `@fzlint/ontology`). */
export const CATALOGUE_KINDS = ONTOLOGY_CATALOGUE_KINDS;

/** Where the published schema lives, for `"$schema"` in users' config files. */
export const CONFIG_SCHEMA_ID = 'https://github.com/fzlint/fzlint/blob/main/packages/linter/src/config-schema.json';

type JsonSchema = Record<string, unknown>;

function ruleEntrySchema(rule: AnyRule): JsonSchema {
  const { meta } = rule;
  const optionsSchema: JsonSchema = meta.optionsSchema ? { ...meta.optionsSchema } : { type: 'object' };
  return {
    description: `${meta.description['zh-CN']} / ${meta.description.en} (default: ${meta.defaultSeverity})`,
    anyOf: [
      { $ref: '#/definitions/severity' },
      {
        type: 'array',
        minItems: 1,
        maxItems: 2,
        items: [{ $ref: '#/definitions/severity' }, optionsSchema],
      },
    ],
  };
}

/**
 * The JSON Schema of `fzlint.config.json` for a list of rules (markdownlint's
 * approach: generated from the rules' metadata, so each rule id is completed and
 * documented in editors, and a typo in an id is an error). The published
 * `config-schema.json` is this for the built-in rules; a test fails when the
 * checked-in file drifts from it.
 */
export function buildConfigSchema(rules: readonly AnyRule[]): JsonSchema {
  const ruleProps: Record<string, JsonSchema> = {};
  // Code-unit order: the same on every machine (localeCompare depends on ICU data).
  for (const rule of [...rules].sort((a, b) => (a.meta.id < b.meta.id ? -1 : a.meta.id > b.meta.id ? 1 : 0))) {
    ruleProps[rule.meta.id] = ruleEntrySchema(rule);
  }
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: CONFIG_SCHEMA_ID,
    title: 'fzlint configuration (fzlint.config.json / .fzlintrc.json)',
    description: 'fzlint 配置：规则开关与严重程度、报告年度、成文日期、语言、补充目录条目和忽略的文件。',
    type: 'object',
    additionalProperties: false,
    properties: {
      $schema: { type: 'string', description: 'The JSON Schema of this file.' },
      root: {
        type: 'boolean',
        description: '不再向上级目录查找配置 / Stop looking for configs in parent folders.',
      },
      extends: {
        description: '继承的配置文件（相对本文件的路径）/ Config files this one extends (paths relative to it).',
        anyOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }],
      },
      rules: {
        type: 'object',
        description: '规则 id → off | info | warn | error，或 [严重程度, 选项] / rule id → severity or [severity, options].',
        additionalProperties: false,
        properties: ruleProps,
      },
      reportYear: {
        type: 'integer',
        minimum: 1949,
        maximum: 2200,
        description: '报告年度（覆盖从正文读出的年度）/ The report year (overrides the one read from the text).',
      },
      writingDate: {
        type: 'string',
        pattern: '^\\d{4}-\\d{2}-\\d{2}$',
        description: '成文日期 YYYY-MM-DD / The writing date, YYYY-MM-DD.',
      },
      locale: { enum: [...LOCALES], description: '提示语言 / Message language.' },
      catalogue: {
        type: 'array',
        description: '补充或覆盖的目录条目 / Extra or overriding catalogue entries.',
        items: { $ref: '#/definitions/catalogueEntry' },
      },
      ignorePatterns: {
        type: 'array',
        description: '不检查的文件（相对本配置文件的 glob）/ Globs, relative to this file, of files not to lint.',
        items: { type: 'string' },
      },
      previousReport: {
        type: 'string',
        minLength: 1,
        description:
          '上年度报告（相对本配置文件的路径），供 continuity/ 规则对照本年度报告 / Last year’s report (a path relative to this file), which the continuity/ rules compare this year’s report with.',
      },
    },
    definitions: {
      severity: { enum: [...SEVERITY_SETTINGS] },
      // Generated from the ontology's types, where the entry is defined.
      catalogueEntry: CATALOGUE_ENTRY_JSON_SCHEMA,
    },
  };
}
