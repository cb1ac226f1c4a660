import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { standaloneValidatorModule } from '../src/config/standalone.js';
import {
  buildValidationSchema,
  compileConfigValidator,
  rulesFingerprint,
  type ConfigValidateFunction,
} from '../src/config/validator.js';
import { defineRule, rules as builtinRules, validateConfig, type AnyRule } from '../src/index.js';
import { typoRule, wordRule } from './helpers.js';

const here = dirname(fileURLToPath(import.meta.url));

/** Configs, valid and not, that reach every kind of schema error the messages handle. */
const SAMPLES: readonly unknown[] = [
  {},
  { rules: { 'structure/required-section': 'warn' } },
  { rules: { 'structure/required-section': ['error', { concepts: ['next-year-plan'] }] } },
  { rules: { 'structure/required-section': ['error', { concepts: ['next-year-plan', 'next-year-plan'] }] } },
  { rules: { 'structure/required-section': ['error', { concepts: ['nope'] }] } },
  { rules: { 'structure/required-section': ['error', { concept: [] }] } },
  { rules: { 'structure/required-section': ['warning'] } },
  { rules: { 'structure/required-section': [] } },
  { rules: { 'structure/required-section': 2 } },
  { rules: { 'structure/shortcomings-without-causes': ['warn', { causePatterns: [1] }] } },
  { reportYear: 1800 },
  { reportYear: 2021.5 },
  { writingDate: '2022/3/1' },
  { locale: 'fr' },
  { extends: ['a.json', 1] },
  { ignorePatterns: 'x' },
  { catalogue: [{ id: '', kind: 'law', name: 'X', confidence: 'confirmed' }] },
  { catalogue: [{ id: 'x', kind: 'law', name: 'X', confidence: 'maybe', validFrom: '2021-6' }] },
  { catalogue: [{ id: 'x', kind: 'law', name: 'X', confidence: 'confirmed', extra: true }] },
  { catalogue: [{ id: 'x', kind: 'law', name: 'X' }] },
];

describe('the precompiled config validator (Ajv standalone code, generated at build time)', () => {
  let dir: string;
  let generated: string;
  let precompiled: ConfigValidateFunction;
  let fingerprint: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'fzlint-validator-'));
    generated = standaloneValidatorModule(builtinRules);
    const file = join(dir, 'compiled-validator.mjs');
    writeFileSync(file, generated);
    const mod = (await import(pathToFileURL(file).href)) as {
      createConfigValidator: () => ConfigValidateFunction;
      RULES_FINGERPRINT: string;
    };
    precompiled = mod.createConfigValidator();
    fingerprint = mod.RULES_FINGERPRINT;
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('gives the same verdicts and errors as Ajv compiling the schema at run time', () => {
    const compiled = compileConfigValidator(builtinRules);
    let invalid = 0;
    for (const sample of SAMPLES) {
      const ok = compiled(sample);
      expect(precompiled(sample), JSON.stringify(sample)).toBe(ok);
      expect(precompiled.errors ?? null, JSON.stringify(sample)).toEqual(compiled.errors ?? null);
      if (!ok) invalid++;
    }
    // The samples do exercise the error paths.
    expect(invalid).toBeGreaterThan(SAMPLES.length / 2);
  });

  it('accepts each built-in rule with its default options', () => {
    for (const rule of builtinRules) {
      expect(precompiled({ rules: { [rule.meta.id]: ['warn', rule.meta.defaultOptions ?? {}] } }), rule.meta.id).toBe(true);
    }
  });

  it('imports nothing, so validating at run time loads neither Ajv nor CommonJS', () => {
    expect(generated).not.toMatch(/^import /m);
    expect(generated).not.toMatch(/\brequire\(/);
  });

  it('records the fingerprint of the rules it was compiled for', () => {
    expect(fingerprint).toBe(rulesFingerprint(builtinRules));
  });

  it('writes out the rule ids, so validating a config loads no rule module', async () => {
    const mod = (await import(pathToFileURL(join(dir, 'compiled-validator.mjs')).href)) as { RULE_IDS: string[]; BUILTIN_RULES: unknown };
    expect(mod.RULE_IDS).toEqual(builtinRules.map((r) => r.meta.id).sort());
    expect(mod.BUILTIN_RULES).toBeUndefined();
  });

  it('matches the rules in the build (dist): ids and fingerprint', async () => {
    const built = (await import(pathToFileURL(resolve(here, '../dist/config/compiled-validator.js')).href)) as {
      RULE_IDS?: string[];
      RULES_FINGERPRINT?: string;
    };
    expect(built.RULE_IDS).toEqual(builtinRules.map((r) => r.meta.id).sort());
    expect(built.RULES_FINGERPRINT).toBe(rulesFingerprint(builtinRules));
  });
});

describe('rulesFingerprint', () => {
  const withSchema = (schema: Record<string, unknown>): AnyRule =>
    defineRule<'x', Record<string, unknown>>({
      meta: { ...wordRule.meta, optionsSchema: schema } as never,
      check() {},
    });

  it('does not depend on the order of the rules', () => {
    expect(rulesFingerprint([typoRule, wordRule])).toBe(rulesFingerprint([wordRule, typoRule]));
  });

  it('changes with the rule ids and with an options schema', () => {
    const base = rulesFingerprint([typoRule, wordRule]);
    expect(rulesFingerprint([typoRule])).not.toBe(base);
    expect(rulesFingerprint([typoRule, withSchema({ type: 'object', properties: { word: { type: 'number' } } })])).not.toBe(base);
  });
});

describe('buildValidationSchema', () => {
  it('leaves out descriptions but keeps a property that is called "description"', () => {
    const rule = defineRule<'x', { description: string }>({
      meta: {
        ...wordRule.meta,
        optionsSchema: {
          type: 'object',
          description: 'annotation',
          properties: { description: { type: 'string', description: 'annotation' } },
          additionalProperties: false,
        },
      } as never,
      check() {},
    });
    const schema = buildValidationSchema([rule]);
    expect(JSON.stringify(schema)).not.toContain('annotation');
    const rulesSchema = (schema['properties'] as Record<string, { properties: Record<string, unknown> }>)['rules']!;
    expect(rulesSchema.properties['structure/test-word']).toEqual({ $ref: '#/definitions/rule:structure~1test-word' });
    const entry = (schema['definitions'] as Record<string, unknown>)['rule:structure/test-word'];
    expect(JSON.stringify(entry)).toContain('"properties":{"description":{"type":"string"}}');
  });
});

describe('validateConfig with rules the build did not precompile', () => {
  it('compiles their schema on first use and checks their options', () => {
    expect(() => validateConfig({ rules: { 'structure/test-word': ['warn', { word: 'x' }] } }, { rules: [wordRule] })).not.toThrow();
    expect(() => validateConfig({ rules: { 'structure/test-word': ['warn', { word: 1 }] } }, { rules: [wordRule], locale: 'en' })).toThrow(
      'fzlint config: rules["structure/test-word"][1].word must be a string (got 1)',
    );
  });
});

/** Relative and package imports of a source file that load code (not `import type`). */
function valueImports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const out: string[] = [];
  for (const m of text.matchAll(/^\s*(?:import|export)\s+(type\s+)?[^'";]*?from\s+'([^']+)'/gm)) {
    if (!m[1]) out.push(m[2]!);
  }
  for (const m of text.matchAll(/^\s*import\s+'([^']+)'/gm)) out.push(m[1]!);
  return out;
}

/** The source files a module loads at start-up, following relative imports. */
function staticGraph(entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    for (const spec of valueImports(file)) {
      if (spec.startsWith('.')) visit(resolve(dirname(file), spec.replace(/\.js$/, '.ts')));
      else packages.add(spec);
    }
  };
  visit(resolve(here, '..', 'src', entry));
  return { files, packages };
}

describe('start-up: what loading the linter loads', () => {
  it('lint() loads neither the config validator nor Ajv', () => {
    const { files, packages } = staticGraph('engine.ts');
    const names = [...files].map((f) => f.slice(f.indexOf('/src/') + 5));
    expect(names).toContain('config/entries.ts');
    expect(names).toContain('directives.ts');
    expect(names).not.toContain('config/validate.ts');
    expect(names).not.toContain('config/validator.ts');
    expect([...packages].filter((p) => p.startsWith('ajv'))).toEqual([]);
  });

  it('no entry point imports Ajv at load time (only on a run-time compile, or at build time)', () => {
    for (const entry of ['index.ts', 'node.ts']) {
      const { files, packages } = staticGraph(entry);
      expect([...packages].filter((p) => p.startsWith('ajv')), entry).toEqual([]);
      expect([...files].some((f) => f.endsWith('/config/standalone.ts')), entry).toBe(false);
      expect([...files].some((f) => f.endsWith('/config/validator.ts')), entry).toBe(true);
    }
  });
});
