/**
 * Build-time only (imported by `scripts/config-schema.mjs` and tests, never by
 * the engine): turns the config validator into Ajv standalone code, an ES module
 * that needs none of Ajv's compiler at run time.
 */
import { createRequire } from 'node:module';
import type { AnyRule } from '@fzlint/rule-api';
import { AJV_OPTIONS, buildValidationSchema, rulesFingerprint } from './validator.js';

const HEADER = /^"use strict";module\.exports = (\w+);module\.exports\.default = \1;/;
const RUNTIME_REQUIRE = /require\("([^"]+)"\)\.default/g;

/**
 * Ajv's run-time helpers the code may call, written out here: importing them
 * would load Node's CommonJS machinery and `fast-deep-equal` (~10 ms) into runs
 * that otherwise load no CommonJS at all. Same results for JSON values.
 */
const INLINE_RUNTIME: Readonly<Record<string, { name: string; source: string }>> = {
  'ajv/dist/runtime/equal': {
    name: 'jsonEqual',
    source: `function jsonEqual(a, b) {
  if (a === b) return true;
  if (a && b && typeof a === "object" && typeof b === "object") {
    if (Array.isArray(a) !== Array.isArray(b)) return false;
    if (Array.isArray(a)) {
      if (a.length !== b.length) return false;
      for (let i = 0; i < a.length; i++) if (!jsonEqual(a[i], b[i])) return false;
      return true;
    }
    const keys = Object.keys(a);
    if (keys.length !== Object.keys(b).length) return false;
    for (const k of keys) if (!Object.prototype.hasOwnProperty.call(b, k) || !jsonEqual(a[k], b[k])) return false;
    return true;
  }
  return a !== a && b !== b;
}`,
  },
  'ajv/dist/runtime/ucs2length': {
    name: 'codePointLength',
    source: `function codePointLength(text) {
  let n = 0;
  for (const _ of text) n++;
  return n;
}`,
  },
};

/**
 * The source of `dist/config/compiled-validator.js` for a list of rules: exports
 * `RULES_FINGERPRINT`, `RULE_IDS` (the rules' ids, sorted: a run validating a config
 * need not load the rules), `BUILTIN_RULES` (undefined: see the placeholder) and
 * `createConfigValidator()`. The generated code sits
 * inside that function, so loading the module only pre-parses it; the schema
 * constants are built when a config is first validated. Ajv's small runtime
 * helpers (deep equality for `uniqueItems`, …) are written out in the module.
 */
export function standaloneValidatorModule(rules: readonly AnyRule[]): string {
  const require = createRequire(import.meta.url);
  const { Ajv } = require('ajv') as typeof import('ajv');
  const standaloneCode = require('ajv/dist/standalone') as typeof import('ajv/dist/standalone/index.js').default;
  const ajv = new Ajv({ ...AJV_OPTIONS, code: { source: true } });
  const validate = ajv.compile(buildValidationSchema(rules));
  const code = standaloneCode(ajv, validate);
  const header = HEADER.exec(code);
  if (!header) throw new Error('fzlint: unexpected shape of Ajv standalone code (was ajv upgraded?)');
  const imports = new Map<string, string>();
  const inlined = new Set<string>();
  const body = code.slice(header[0].length).replace(RUNTIME_REQUIRE, (_whole: string, path: string) => {
    const inline = INLINE_RUNTIME[path];
    if (inline) {
      inlined.add(inline.source);
      return inline.name;
    }
    // A helper not written out above (a newer Ajv, a keyword we do not use yet): import it.
    let name = imports.get(path);
    if (!name) {
      name = `runtime${imports.size}`;
      imports.set(path, name);
    }
    return `${name}.default`;
  });
  const importLines = [...imports].map(([path, name]) => `import ${name} from ${JSON.stringify(`${path}.js`)};`);
  return [
    '// Generated at build time by scripts/config-schema.mjs: Ajv standalone code of the',
    '// config schema for the built-in rules. Do not edit; see src/config/compiled-validator.ts.',
    ...importLines,
    ...inlined,
    `export const RULES_FINGERPRINT = ${JSON.stringify(rulesFingerprint(rules))};`,
    `export const RULE_IDS = ${JSON.stringify(rules.map((r) => r.meta.id).sort())};`,
    'export const BUILTIN_RULES = undefined;',
    'export function createConfigValidator() {',
    body,
    `return ${header[1]};`,
    '}',
    '',
  ].join('\n');
}
