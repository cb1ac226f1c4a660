import type { AnyRule, Locale } from '@fzlint/rule-api';
import type { ErrorObject } from 'ajv';
import type { FzlintConfig } from '../types.js';
import { isSeveritySetting, parseIsoDate } from './entries.js';
import { decodePointer, formatKeyPath, valueAt } from './keys.js';
import {
  configError,
  describeValue,
  didYouMean,
  listText,
  typeText,
  type ConfigMessageData,
  type ConfigMessageId,
} from './messages.js';
import { CONFIG_KEYS, SEVERITY_SETTINGS } from './schema.js';
import { nearestNames } from './suggest.js';
import { builtinValidation, configValidatorFor } from './validator.js';

/** Options of `validateConfig`. */
export interface ValidateConfigOptions {
  /** The file name shown in messages (as the user knows it). */
  readonly file?: string;
  /** The rules the config may name; defaults to the built-in rules. */
  readonly rules?: readonly AnyRule[];
  /** The language of the error message; defaults to zh-CN. */
  readonly locale?: Locale;
}

/** Where a problem is reported: the file and the locale, fixed for one validation. */
interface Reporter {
  readonly file: string | undefined;
  readonly locale: Locale;
}

function fail(r: Reporter, key: string | undefined, id: ConfigMessageId, data?: ConfigMessageData): never {
  throw configError(r.locale, r.file, key, id, data);
}

const LIMIT_KEYWORDS = new Set(['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum']);
const LENGTH_KEYWORDS = new Set(['minLength', 'maxLength', 'minItems', 'maxItems']);

function describeOne(error: ErrorObject, root: unknown, r: Reporter): never {
  const segments = decodePointer(error.instancePath);
  const key = segments.length ? formatKeyPath(segments, root) : undefined;
  const got = describeValue(valueAt(root, segments), r.locale);
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'additionalProperties': {
      const extra = String(params['additionalProperty']);
      const allowed = Object.keys(((error.parentSchema as Record<string, unknown> | undefined)?.['properties'] ?? {}) as object);
      return fail(r, undefined, 'unknownKey', {
        name: formatKeyPath([...segments, extra], root),
        allowed: listText(allowed, r.locale),
        hint: didYouMean(nearestNames(extra, allowed), r.locale),
      });
    }
    case 'enum':
      return fail(r, key, 'oneOf', { allowed: listText((params['allowedValues'] as unknown[]) ?? [], r.locale), got });
    case 'const':
      return fail(r, key, 'oneOf', { allowed: JSON.stringify(params['allowedValue']), got });
    case 'type':
      return fail(r, key, 'type', { type: typeText(params['type'], r.locale), got });
    case 'pattern':
      if (segments[segments.length - 1] === 'writingDate') fail(r, key, 'date', { got });
      return fail(r, key, 'pattern', { pattern: String(params['pattern']), got });
    case 'required':
      return fail(r, key, 'required', { name: String(params['missingProperty']) });
    case 'uniqueItems':
      return fail(r, key, 'uniqueItems', { i: Number(params['i']), j: Number(params['j']) });
    default:
      if (LIMIT_KEYWORDS.has(error.keyword)) {
        return fail(r, key, 'limit', { comparison: String(params['comparison']), limit: String(params['limit']), got });
      }
      if (LENGTH_KEYWORDS.has(error.keyword)) {
        return fail(r, key, error.keyword as 'minLength', { limit: String(params['limit']), got });
      }
      return fail(r, key, 'invalid', { detail: error.message ?? 'is invalid', got });
  }
}

function describeRuleEntry(errors: readonly ErrorObject[], root: unknown, ruleId: string, r: Reporter): never {
  const key = formatKeyPath(['rules', ruleId], root);
  const value = valueAt(root, ['rules', ruleId]);
  const severities = listText(SEVERITY_SETTINGS, r.locale);
  if (Array.isArray(value)) {
    if (value.length === 0 || value.length > 2) fail(r, key, 'ruleEntryLength', { count: value.length });
    if (!isSeveritySetting(value[0])) {
      fail(r, `${key}[0]`, 'oneOf', { allowed: severities, got: describeValue(value[0], r.locale) });
    }
    // The options are wrong: report the deepest error under them.
    const prefix = `/rules/${ruleId.replace(/~/g, '~0').replace(/\//g, '~1')}/1`;
    const inner = errors
      .filter((e) => e.instancePath === prefix || e.instancePath.startsWith(`${prefix}/`))
      .sort((a, b) => b.instancePath.length - a.instancePath.length)[0];
    if (inner) describeOne(inner, root, r);
    fail(r, `${key}[1]`, 'ruleOptions', { ruleId });
  }
  fail(r, key, 'ruleEntry', { allowed: severities, got: describeValue(value, r.locale) });
}

/**
 * Validates a parsed config value against the config schema and returns it typed.
 * Throws a `ConfigError` whose one-line message, in `options.locale` (zh-CN by
 * default), names the file, the key and the allowed values:
 * `fzlint.config.json: rules["statistics/rate-mismatch"] 必须是 off、info、warn、error 之一，或 [严重程度, 选项]（实际为 "warning"）`
 * (en: `… must be one of off, info, warn, error, or [severity, options] (got "warning")`).
 *
 * The schema check uses the validator precompiled at build time for the
 * built-in rules, so validating costs well under a millisecond; other rule
 * lists are compiled with Ajv on first use.
 */
export function validateConfig(value: unknown, options: ValidateConfigOptions = {}): FzlintConfig {
  const r: Reporter = { file: options.file, locale: options.locale ?? 'zh-CN' };
  const rules = options.rules;
  const builtin = rules ? undefined : builtinValidation();
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    fail(r, undefined, 'notObject', { got: describeValue(value, r.locale) });
  }
  const record = value as Record<string, unknown>;
  // Unknown rule ids first, with the nearest known ids: the schema alone would only say "unknown key".
  const ruleMap = record['rules'];
  if (ruleMap && typeof ruleMap === 'object' && !Array.isArray(ruleMap)) {
    const known = new Set<string>(rules ? rules.map((rule) => rule.meta.id) : builtin?.ids);
    for (const id of Object.keys(ruleMap)) {
      if (known.has(id)) continue;
      fail(r, formatKeyPath(['rules', id], record), 'unknownRule', { hint: didYouMean(nearestNames(id, known), r.locale) });
    }
  }
  for (const key of Object.keys(record)) {
    if ((CONFIG_KEYS as readonly string[]).includes(key)) continue;
    fail(r, undefined, 'unknownTopKey', {
      name: key,
      allowed: listText(
        CONFIG_KEYS.filter((k) => k !== '$schema'),
        r.locale,
      ),
      hint: didYouMean(nearestNames(key, CONFIG_KEYS), r.locale),
    });
  }
  const validate = rules ? configValidatorFor(rules) : (builtin as NonNullable<typeof builtin>).validator();
  if (!validate(value)) {
    const errors = validate.errors ?? [];
    const first = errors[0];
    if (first) {
      const segments = decodePointer(first.instancePath);
      if (segments[0] === 'rules' && segments.length >= 2) describeRuleEntry(errors, record, segments[1]!, r);
      describeOne(first, record, r);
    }
    fail(r, undefined, 'notConfig');
  }
  if (typeof record['writingDate'] === 'string' && !parseIsoDate(record['writingDate'])) {
    fail(r, 'writingDate', 'notRealDate', { got: describeValue(record['writingDate'], r.locale) });
  }
  const catalogue = record['catalogue'];
  if (Array.isArray(catalogue)) {
    catalogue.forEach((entry: { patterns?: string[] }, i) => {
      entry.patterns?.forEach((source, k) => {
        try {
          new RegExp(source, 'u');
        } catch (e) {
          fail(r, `catalogue[${i}].patterns[${k}]`, 'badRegExp', { error: (e as Error).message });
        }
      });
    });
  }
  return value as FzlintConfig;
}
