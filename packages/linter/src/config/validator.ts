import { createRequire } from 'node:module';
import type { AnyRule } from '@fzlint/rule-api';
import type { Options } from 'ajv';
import { BUILTIN_RULES, createConfigValidator, RULE_IDS, RULES_FINGERPRINT } from './compiled-validator.js';
import { buildConfigSchema } from './schema.js';
import type { ConfigValidateFunction } from './validate-function.js';

export type { ConfigValidateFunction } from './validate-function.js';

/**
 * Ajv options of the config validator, shared by the run-time compiler and the
 * build-time standalone code generation so both report the same errors.
 * strictTuples off: `[severity, options]` is a tuple whose second item is optional.
 * verbose: messages read an error's `parentSchema` (the allowed keys).
 */
export const AJV_OPTIONS = {
  // Each `$ref` its own function: V8 compiles a function on its first call, so a
  // config compiles the checks of the rules it configures, not all of them.
  inlineRefs: false,
  allErrors: false,
  verbose: true,
  strictTuples: false,
  strict: 'log',
  logger: false,
} as const satisfies Options;

type JsonSchema = Record<string, unknown>;

/** Keywords whose value is one subschema, or an array of them. */
const SUBSCHEMA = new Set([
  'items',
  'additionalItems',
  'additionalProperties',
  'contains',
  'propertyNames',
  'not',
  'if',
  'then',
  'else',
  'anyOf',
  'allOf',
  'oneOf',
]);
/** Keywords whose value maps names to subschemas. */
const SCHEMA_MAP = new Set(['properties', 'patternProperties', 'definitions', '$defs', 'dependencies']);
/** Annotations: for editors, not for validation. */
const ANNOTATION = new Set(['description', 'title', '$comment', 'examples', 'markdownDescription']);

function stripAnnotations(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(stripAnnotations);
  if (schema === null || typeof schema !== 'object') return schema;
  const out: JsonSchema = {};
  for (const [key, value] of Object.entries(schema)) {
    if (ANNOTATION.has(key)) continue;
    if (SUBSCHEMA.has(key)) out[key] = stripAnnotations(value);
    else if (SCHEMA_MAP.has(key) && value !== null && typeof value === 'object' && !Array.isArray(value)) {
      out[key] = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, stripAnnotations(v)]));
    } else out[key] = value;
  }
  return out;
}

/**
 * The schema the validator is compiled from: the published config schema
 * without its descriptions (they are for editors; leaving them out keeps the
 * precompiled code small).
 */
export function buildValidationSchema(rules: readonly AnyRule[]): JsonSchema {
  const schema = stripAnnotations(buildConfigSchema(rules)) as JsonSchema & {
    properties: { rules: { properties: Record<string, unknown> } };
    definitions: Record<string, unknown>;
  };
  // Each rule's entry as a definition behind a `$ref` (see `inlineRefs` above).
  const ruleProps = schema.properties.rules.properties;
  for (const id of Object.keys(ruleProps)) {
    const name = `rule:${id}`;
    schema.definitions[name] = ruleProps[id];
    ruleProps[id] = { $ref: `#/definitions/${name.replace(/~/g, '~0').replace(/\//g, '~1')}` };
  }
  return schema;
}

/**
 * A short hash of what the validation schema depends on besides this package:
 * the rule ids and their options schemas. A precompiled validator is used only
 * for rules with the fingerprint it was compiled for.
 */
export function rulesFingerprint(rules: readonly AnyRule[]): string {
  const parts = rules.map((r) => [r.meta.id, r.meta.optionsSchema ?? null] as const);
  parts.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const text = JSON.stringify(parts);
  // cyrb53: a fast 53-bit string hash; collisions are not a security concern here.
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return `${parts.length}:${(4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36)}`;
}

/**
 * Compiles the config schema for a list of rules with Ajv, at run time: for
 * rules the build did not precompile (custom rules, tests running from `src`).
 * Ajv is loaded here, on first use, so runs without a config never load it.
 */
export function compileConfigValidator(rules: readonly AnyRule[]): ConfigValidateFunction {
  let Ajv: typeof import('ajv').Ajv;
  try {
    ({ Ajv } = createRequire(import.meta.url)('ajv') as typeof import('ajv'));
  } catch (e) {
    // A bundle (the VS Code extension) ships only the precompiled validator.
    throw new Error(
      `fzlint: no precompiled config validator fits these rules, and Ajv cannot be loaded to compile one (build @fzlint/linter with its build script): ${(e as Error).message}`,
    );
  }
  const ajv = new Ajv(AJV_OPTIONS);
  try {
    return ajv.compile(buildValidationSchema(rules));
  } catch (e) {
    // A rule's optionsSchema is not a valid JSON Schema: a bug in that rule, not in the user's config.
    throw new Error(`fzlint: the config schema does not compile (check the rules' optionsSchema): ${(e as Error).message}`);
  }
}

const validators = new WeakMap<readonly AnyRule[], ConfigValidateFunction>();

/** The validator for a list of rules: the precompiled one when it fits them, else compiled now (once per list). */
export function configValidatorFor(rules: readonly AnyRule[]): ConfigValidateFunction {
  let validate = validators.get(rules);
  if (!validate) {
    validate =
      createConfigValidator && RULES_FINGERPRINT === rulesFingerprint(rules)
        ? createConfigValidator()
        : compileConfigValidator(rules);
    validators.set(rules, validate);
  }
  return validate;
}

let builtinValidator: ConfigValidateFunction | undefined;

/**
 * The ids of the built-in rules and the validator for them: from the build's table
 * when precompiled (no rule module loaded), else from the rules (running from `src`).
 */
export function builtinValidation(): { readonly ids: readonly string[]; validator(): ConfigValidateFunction } {
  if (RULE_IDS && createConfigValidator) {
    const create = createConfigValidator;
    return { ids: RULE_IDS, validator: () => (builtinValidator ??= create()) };
  }
  const rules = BUILTIN_RULES as readonly AnyRule[];
  return { ids: rules.map((r) => r.meta.id), validator: () => configValidatorFor(rules) };
}
