import type { Locale, LocalizedText } from '@fzlint/rule-api';
// The messages module alone: the package's index loads its settings and the ontology, which
// a run validating a config (a warm `--cache` run) does not otherwise need.
import { formatMessage } from '@fzlint/rule-api/messages';
import { ConfigError } from './errors.js';

/**
 * Templates of the config problems (`ConfigError` messages), by id, zh-CN first.
 * Each renders the part after `file: key `; `configError` adds those, so every
 * message keeps one shape: the file, the key, what is wrong or allowed, what to do.
 */
export const CONFIG_MESSAGES = {
  notObject: {
    'zh-CN': '内容必须是一个 JSON 对象（实际为 {{got}}）',
    en: 'must contain a JSON object (got {{got}})',
  },
  unknownTopKey: {
    'zh-CN': '没有配置项“{{name}}”（可用的配置项：{{allowed}}）{{hint}}',
    en: 'unknown key "{{name}}" (allowed keys: {{allowed}}){{hint}}',
  },
  unknownKey: {
    'zh-CN': '没有键 {{name}}（可用的键：{{allowed}}）{{hint}}',
    en: 'unknown key {{name}} (allowed keys: {{allowed}}){{hint}}',
  },
  unknownRule: {
    'zh-CN': '不是已知的规则{{hint}}',
    en: 'names an unknown rule{{hint}}',
  },
  didYouMean: {
    'zh-CN': '；是否应为 {{names}}？',
    en: '; did you mean {{names}}?',
  },
  oneOf: {
    'zh-CN': '必须是 {{allowed}} 之一（实际为 {{got}}）',
    en: 'must be one of {{allowed}} (got {{got}})',
  },
  ruleEntry: {
    'zh-CN': '必须是 {{allowed}} 之一，或 [严重程度, 选项]（实际为 {{got}}）',
    en: 'must be one of {{allowed}}, or [severity, options] (got {{got}})',
  },
  ruleEntryLength: {
    'zh-CN': '必须是严重程度，或只有一到两项的 [严重程度, 选项]（实际有 {{count}} 项）',
    en: 'must be a severity or [severity, options] with one or two items (got {{count}} items)',
  },
  ruleOptions: {
    'zh-CN': '不是规则 {{ruleId}} 的有效选项，请对照该规则的文档修改',
    en: 'is not valid options for {{ruleId}}',
  },
  type: {
    'zh-CN': '必须是{{type}}（实际为 {{got}}）',
    en: 'must be {{type}} (got {{got}})',
  },
  date: {
    'zh-CN': '必须是 YYYY-MM-DD 格式的日期（实际为 {{got}}）',
    en: 'must be a date YYYY-MM-DD (got {{got}})',
  },
  notRealDate: {
    'zh-CN': '不是实际存在的日期（实际为 {{got}}）',
    en: 'is not a real date (got {{got}})',
  },
  pattern: {
    'zh-CN': '必须符合 {{pattern}}（实际为 {{got}}）',
    en: 'must match {{pattern}} (got {{got}})',
  },
  required: {
    'zh-CN': '缺少必填的键“{{name}}”',
    en: 'is missing the required key "{{name}}"',
  },
  limit: {
    'zh-CN': '必须 {{comparison}} {{limit}}（实际为 {{got}}）',
    en: 'must be {{comparison}} {{limit}} (got {{got}})',
  },
  minLength: {
    'zh-CN': '不能少于 {{limit}} 个字符（实际为 {{got}}）',
    en: 'must NOT have fewer than {{limit}} characters (got {{got}})',
  },
  maxLength: {
    'zh-CN': '不能多于 {{limit}} 个字符（实际为 {{got}}）',
    en: 'must NOT have more than {{limit}} characters (got {{got}})',
  },
  minItems: {
    'zh-CN': '不能少于 {{limit}} 项（实际为 {{got}}）',
    en: 'must NOT have fewer than {{limit}} items (got {{got}})',
  },
  maxItems: {
    'zh-CN': '不能多于 {{limit}} 项（实际为 {{got}}）',
    en: 'must NOT have more than {{limit}} items (got {{got}})',
  },
  uniqueItems: {
    'zh-CN': '不能有重复项（第 {{j}} 项与第 {{i}} 项相同）',
    en: 'must NOT have duplicate items (items {{j}} and {{i}} are identical)',
  },
  invalid: {
    'zh-CN': '不符合要求：{{detail}}（实际为 {{got}}）',
    en: '{{detail}} (got {{got}})',
  },
  notConfig: {
    'zh-CN': '不是有效的 fzlint 配置',
    en: 'is not a valid fzlint config',
  },
  badRegExp: {
    'zh-CN': '不是有效的正则表达式：{{error}}',
    en: 'is not a valid regular expression: {{error}}',
  },
  extendsCycle: {
    'zh-CN': '形成了循环（{{chain}}），请去掉其中一处引用',
    en: 'forms a cycle ({{chain}})',
  },
  extendsMissing: {
    'zh-CN': '指向的文件不存在：{{ref}}',
    en: 'names a file that does not exist: {{ref}}',
  },
  previousMissing: {
    'zh-CN': '指向的上年度报告不存在：{{path}} — 改为相对本配置文件的正确路径，或删去此项',
    en: 'names last year’s report {{path}}, which does not exist — give its path relative to this config file, or remove the key',
  },
  previousUnreadable: {
    'zh-CN': '指向的上年度报告无法读取：{{path}}（{{error}}）— 检查该文件的权限，或删去此项',
    en: 'names last year’s report {{path}}, which cannot be read ({{error}}) — check its permissions, or remove the key',
  },
  previousUnusable: {
    'zh-CN': '指向的上年度报告无法使用：{{detail}}',
    en: 'names last year’s report, which cannot be used: {{detail}}',
  },
  cannotRead: {
    'zh-CN': '无法读取配置文件（{{error}}）',
    en: 'cannot read the config file ({{error}})',
  },
  invalidJson: {
    'zh-CN': 'JSON 格式错误{{location}}：{{error}}',
    en: 'invalid JSON{{location}}: {{error}}',
  },
  suppressionsNotObject: {
    'zh-CN': '内容必须是一个 JSON 对象：文件路径 → 规则 id → {"count": N}（实际为 {{got}}）',
    en: 'must contain a JSON object of file paths → rule ids → {"count": N} (got {{got}})',
  },
  suppressionsRules: {
    'zh-CN': '必须是规则 id 到 {"count": N} 的对象（实际为 {{got}}）',
    en: 'must map rule ids to {"count": N} (got {{got}})',
  },
  suppressionsCount: {
    'zh-CN': '必须是非负整数（实际为 {{got}}）',
    en: 'must be a non-negative integer (got {{got}})',
  },
  jsonLocation: {
    'zh-CN': '（第 {{line}} 行第 {{column}} 列）',
    en: ' (line {{line}}, column {{column}})',
  },
} as const satisfies Record<string, LocalizedText>;

/** Id of a config problem template. */
export type ConfigMessageId = keyof typeof CONFIG_MESSAGES;

/** Data of a config problem template. */
export type ConfigMessageData = Readonly<Record<string, string | number>>;

/** Words of the messages that are not whole templates (value kinds, list separators). */
const WORDS = {
  'zh-CN': {
    config: 'fzlint 配置',
    nothing: '空',
    array: '数组',
    object: '对象',
    none: '无',
    or: '或',
    list: '、',
    types: { string: '字符串', integer: '整数', number: '数字', boolean: '布尔值', array: '数组', object: '对象', null: 'null' },
  },
  en: {
    config: 'fzlint config',
    nothing: 'nothing',
    array: 'an array',
    object: 'an object',
    none: 'none',
    or: ' or ',
    list: ', ',
    types: {
      string: 'a string',
      integer: 'an integer',
      number: 'a number',
      boolean: 'a boolean',
      array: 'an array',
      object: 'an object',
      null: 'null',
    },
  },
} as const;

function words(locale: Locale) {
  return locale === 'en' ? WORDS.en : WORDS['zh-CN'];
}

/** One message template in a locale (zh-CN when the locale has none). */
export function configMessage(id: ConfigMessageId, locale: Locale, data?: ConfigMessageData): string {
  return formatMessage(CONFIG_MESSAGES[id], locale, data);
}

/** A list of names or values as a message shows it: `off, info` / `off、info`; "none" when empty. */
export function listText(items: readonly unknown[], locale: Locale): string {
  return items.length ? items.map(String).join(words(locale).list) : words(locale).none;
}

/** The "did you mean" hint after an unknown name, or '' when nothing is near. */
export function didYouMean(names: readonly string[], locale: Locale): string {
  return names.length ? configMessage('didYouMean', locale, { names: listText(names, locale) }) : '';
}

/** A value as "got …" shows it: short JSON for scalars, the kind for arrays and objects. */
export function describeValue(value: unknown, locale: Locale): string {
  const w = words(locale);
  if (value === undefined) return w.nothing;
  if (Array.isArray(value)) return w.array;
  if (value === null) return 'null';
  if (typeof value === 'object') return w.object;
  const json = JSON.stringify(value);
  return json.length > 60 ? `${json.slice(0, 57)}…` : json;
}

/** JSON Schema type names as words: `["string", "array"]` → `a string or an array` / `字符串或数组`. */
export function typeText(type: unknown, locale: Locale): string {
  const w = words(locale);
  const list = Array.isArray(type) ? type : [type];
  return list
    .map((t) => (Object.prototype.hasOwnProperty.call(w.types, String(t)) ? w.types[t as keyof typeof w.types] : String(t)))
    .join(w.or);
}

/**
 * Builds the `ConfigError` of a template: `file: key text`, one line. Without a
 * file the subject is "fzlint config" (a config value handed over directly).
 */
export function configError(
  locale: Locale,
  file: string | undefined,
  key: string | undefined,
  id: ConfigMessageId,
  data?: ConfigMessageData,
  cause?: unknown,
): ConfigError {
  const where = file ?? words(locale).config;
  const text = configMessage(id, locale, data);
  return new ConfigError(`${where}: ${key ? `${key} ` : ''}${text}`, {
    ...(file !== undefined ? { file } : {}),
    ...(key !== undefined ? { key } : {}),
    ...(cause !== undefined ? { cause } : {}),
    messageId: id,
    ...(data !== undefined ? { data } : {}),
  });
}
