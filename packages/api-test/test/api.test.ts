import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PACKAGE_DIR, importSpecifiers, isExportedSpecifier, runNode } from '../src/index.js';

const scripts = join(PACKAGE_DIR, 'test', 'scripts');
const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

interface EsmSummary {
  linter: {
    ruleIds: string[];
    counts: [number, number, number];
    firstPosition: [number, number];
    fixedText: string;
    formatted: Record<string, boolean | null>;
    json: number;
    sarifVersion: string;
    version: string;
    sameRules: boolean;
  };
  node: { fileRuleIds: string[]; configFiles: number; reportYear: number };
  rules: {
    families: Record<string, number>;
    perRule: {
      id: string;
      family: string;
      defaultSeverity: string;
      fixable: boolean;
      description: { 'zh-CN': string; en: string };
      docsUrl: string;
      messageIds: string[];
      byId: boolean;
      ruleIdsReported: string[];
    }[];
  };
  parser: { format: string; reportYear: number; headings: number; numbers: number };
  ontology: { conceptIds: string[]; required: string[]; catalogueSize: number; catalogueKinds: string[] };
  adapters: { remark: string; textlint: string[] };
}

let esm: EsmSummary | undefined;
function esmSummary(): EsmSummary {
  if (!esm) {
    const dir = mkdtempSync(join(tmpdir(), 'fzlint-api-'));
    dirs.push(dir);
    const r = runNode([join(scripts, 'esm-api.mjs'), dir]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    esm = JSON.parse(r.stdout) as EsmSummary;
  }
  return esm;
}

describe('plain Node ESM script (test/scripts/esm-api.mjs)', () => {
  it('@fzlint/linter: lint, applyFixes, formatters', () => {
    const { linter } = esmSummary();
    expect(linter.ruleIds).toContain('statistics/concluded-exceeds-received');
    expect(linter.ruleIds).toContain('style/domain-typo');
    expect(linter.counts[0]).toBeGreaterThanOrEqual(1);
    expect(linter.firstPosition).toEqual([1, 3]);
    expect(linter.fixedText).toContain('推进法治政府建设');
    expect(linter.fixedText).not.toContain('法冶');
    expect(linter.formatted).toEqual({ stylish: true, json: true, sarif: true, github: true, gitlab: true });
    expect(linter.json).toBe(linter.ruleIds.length);
    expect(linter.sarifVersion).toBe('2.1.0');
    expect(linter.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(linter.sameRules).toBe(true);
  });

  it('@fzlint/linter/node: lintFiles and loadConfig find fzlint.config.json', () => {
    const { node } = esmSummary();
    expect(node.configFiles).toBe(1);
    expect(node.reportYear).toBe(2023);
    // The config turns structure/required-section off.
    expect(node.fileRuleIds).not.toContain('structure/required-section');
    expect(node.fileRuleIds).toContain('statistics/concluded-exceeds-received');
  });

  it('the rule list carries complete metadata; each rule is reachable and runs on its own', () => {
    const { rules } = esmSummary();
    const total = Object.values(rules.families).reduce((a, b) => a + b, 0);
    expect(rules.perRule).toHaveLength(total);
    expect(total).toBeGreaterThanOrEqual(4);
    const ids = new Set<string>();
    for (const r of rules.perRule) {
      expect(r.id).toMatch(/^(structure|statistics|references|style|continuity)\/[a-z0-9-]+$/);
      expect(r.id.startsWith(`${r.family}/`)).toBe(true);
      expect(['error', 'warn', 'info']).toContain(r.defaultSeverity);
      expect(typeof r.fixable).toBe('boolean');
      expect(r.description['zh-CN']).toMatch(/[\u4e00-\u9fff]/);
      expect(r.description.en.length).toBeGreaterThan(0);
      expect(r.docsUrl).toMatch(new RegExp(`/docs/rules/${r.id}\\.md$`));
      expect(r.messageIds.length).toBeGreaterThan(0);
      expect(r.byId).toBe(true);
      // Run alone, a rule reports only under its own id (or nothing).
      for (const reported of r.ruleIdsReported) expect(reported).toBe(r.id);
      ids.add(r.id);
    }
    expect(ids.size).toBe(rules.perRule.length);
    const reporting = rules.perRule.filter((r) => r.ruleIdsReported.length > 0).map((r) => r.id);
    expect(reporting).toEqual(expect.arrayContaining(['statistics/concluded-exceeds-received', 'style/domain-typo']));
  });

  it('@fzlint/parser: parse returns the report model', () => {
    const { parser } = esmSummary();
    expect(parser.format).toBe('markdown');
    expect(parser.reportYear).toBe(2023);
    // The results heading (the `#` line is the report's title).
    expect(parser.headings).toBeGreaterThanOrEqual(1);
    // 2023 (twice), 106件, 115件 at least.
    expect(parser.numbers).toBeGreaterThanOrEqual(2);
  });

  it('@fzlint/ontology: the concepts and the dated catalogue', () => {
    const { ontology } = esmSummary();
    expect(ontology.conceptIds).toEqual(
      expect.arrayContaining(['measures-and-results', 'shortcomings-and-causes', 'first-responsible-person', 'next-year-plan', 'other']),
    );
    expect(ontology.required).not.toContain('other');
    expect(ontology.required).toHaveLength(4);
    expect(ontology.catalogueSize).toBeGreaterThan(10);
    expect(ontology.catalogueKinds).toEqual(expect.arrayContaining(['policy', 'organization']));
  });

  it('the adapters load by package name', () => {
    expect(esmSummary().adapters).toEqual({ remark: 'function', textlint: ['function', 'function'] });
  });
});

describe('CommonJS (test/scripts/cjs-api.cjs)', () => {
  it('requires @fzlint/linter (default export condition) and the adapters where require(esm) exists', () => {
    const r = runNode([join(scripts, 'cjs-api.cjs')]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as Record<string, unknown>;
    if (process.features.require_module) {
      expect(out).toEqual({
        requireModule: true,
        linter: {
          ruleIds: expect.arrayContaining(['style/domain-typo']),
          fixed: '推进法治政府建设。\n',
          stylish: true,
          ruleCount: esmSummary().rules.perRule.length,
          node: ['function', 'function'],
        },
        adapters: { remark: 'function', textlint: 'function' },
      });
    } else {
      // Older Node: ESM-only packages cannot be required; the error says so.
      expect(out).toEqual({ requireModule: false, error: 'ERR_REQUIRE_ESM' });
    }
  });
});

describe('README', () => {
  it('the copy-paste example runs as written', () => {
    const code = /```js\n([\s\S]*?)```/.exec(readFileSync(join(PACKAGE_DIR, 'README.md'), 'utf8'))![1]!;
    const r = runNode(['--input-type=module', '-e', code]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/1:19 +error +审结数（115件）大于收到数（106件）/);
    expect(r.stdout).toMatch(/^statistics\/rate-mismatch \(error\)$/m);
    expect(r.stdout).toMatch(/^1 5 \d+$/m);
  });
});

describe('exports only', () => {
  const files = [
    ...readdirSync(scripts).map((f) => join(scripts, f)),
    join(PACKAGE_DIR, 'test', 'consumer', 'consumer.ts'),
  ];

  it('the API scripts import nothing but package names and subpaths their package.json exports', () => {
    for (const file of files) {
      const specifiers = importSpecifiers(readFileSync(file, 'utf8')).filter((s) => !s.startsWith('node:'));
      expect(specifiers.length, file).toBeGreaterThan(0);
      for (const s of specifiers) expect(isExportedSpecifier(s), `${file}: ${s}`).toBe(true);
    }
  });

  it('deep imports into a package are refused by Node', () => {
    const r = runNode(['--input-type=module', '-e', "await import('@fzlint/linter/dist/engine.js')"]);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('ERR_PACKAGE_PATH_NOT_EXPORTED');
    expect(isExportedSpecifier('@fzlint/linter/dist/engine.js')).toBe(false);
    expect(isExportedSpecifier('@fzlint/linter/node')).toBe(true);
  });
});
