import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import {
  displayWidth,
  escapeData,
  escapeProperty,
  formatterNames,
  getFormatter,
  github,
  json,
  jsonChunks,
  lint,
  sarif,
  shouldUseColor,
  stylish,
  toSarifLog,
  type FormatterContext,
  type LintResult,
  type RuleMeta,
} from '../src/index.js';
import { loudRule, typoRule, wordRule } from './helpers.js';

const rules = [typoRule, wordRule, loudRule];
const cwd = '/work/reports';
const rulesMeta: Record<string, RuleMeta> = Object.fromEntries(rules.map((r) => [r.meta.id, r.meta]));
const context: FormatterContext = { cwd, rulesMeta };

function results(): LintResult[] {
  return [
    lint('推进法冶政府建设。\nTODO：补充2021年数据，法冶\n', {
      rules,
      filePath: `${cwd}/2021/长沙市报告.md`,
      config: { rules: { 'statistics/test-loud': 'info' } },
    }),
    lint('法治\n', { rules: [typoRule], filePath: `${cwd}/clean.txt` }),
  ];
}

const ANSI = /\u001b\[[0-9;]*m/g;

describe('stylish', () => {
  it('groups per file with aligned columns and a summary', () => {
    const out = stylish(results(), context);
    expect(out).toBe(
      [
        '',
        '2021/长沙市报告.md',
        '  1:1   info     总是报告          statistics/test-loud',
        '  1:3   error    “法冶”应为“法治”  style/test-typo',
        '  2:1   warning  出现“TODO”        structure/test-word',
        '  2:16  error    “法冶”应为“法治”  style/test-typo',
        '',
        '✖ 4 problems (2 errors, 1 warning, 1 info)',
        '  2 errors and 0 warnings potentially fixable with the `--fix` option.',
        '',
      ].join('\n'),
    );
  });

  it('aligns Chinese text by display width (full-width characters take two columns)', () => {
    const lines = stylish(results(), context)
      .split('\n')
      .filter((l) => l.startsWith('  ') && !l.includes('fixable'));
    const ruleColumns = lines.map((l) => {
      const at = l.search(/(statistics|style|structure)\//);
      return displayWidth(l.slice(0, at));
    });
    expect(new Set(ruleColumns).size).toBe(1);
    expect(displayWidth('法治a１')).toBe(7);
    expect(displayWidth('e\u0301')).toBe(1);
  });

  it('colours only when asked, prints nothing for clean results', () => {
    const plain = stylish(results(), context);
    const coloured = stylish(results(), { ...context, color: true });
    expect(plain).not.toMatch(ANSI);
    expect(coloured).toMatch(ANSI);
    expect(coloured.replace(ANSI, '')).toBe(plain);
    expect(stylish([results()[1]!], context)).toBe('');
  });

  it('says 1 problem in the singular', () => {
    expect(stylish([lint('TODO', { rules: [wordRule] })], context)).toContain('✖ 1 problem (0 errors, 1 warning, 0 infos)');
  });
});

describe('shouldUseColor', () => {
  it('honours NO_COLOR and TTY-ness', () => {
    expect(shouldUseColor({ isTTY: true }, {})).toBe(true);
    expect(shouldUseColor({ isTTY: true }, { NO_COLOR: '1' })).toBe(false);
    expect(shouldUseColor({ isTTY: false }, {})).toBe(false);
    expect(shouldUseColor({}, { FORCE_COLOR: '1' })).toBe(true);
  });
});

describe('json', () => {
  it("has ESLint's shape, info as severity 1 with fzlintSeverity", () => {
    const parsed = JSON.parse(json(results(), context));
    expect(parsed).toHaveLength(2);
    const [first, second] = parsed;
    expect(first.filePath).toBe(`${cwd}/2021/长沙市报告.md`);
    expect(first.errorCount).toBe(2);
    expect(first.warningCount).toBe(2);
    expect(first.infoCount).toBe(1);
    expect(first.fixableErrorCount).toBe(2);
    expect(first.fixableWarningCount).toBe(0);
    expect(first.source).toBe('推进法冶政府建设。\nTODO：补充2021年数据，法冶\n');
    expect(first.messages[0]).toMatchObject({ ruleId: 'statistics/test-loud', severity: 1, fzlintSeverity: 'info', line: 1, column: 1 });
    expect(first.messages[1]).toEqual({
      ruleId: 'style/test-typo',
      severity: 2,
      fzlintSeverity: 'error',
      message: '“法冶”应为“法治”',
      messageId: 'typo',
      line: 1,
      column: 3,
      endLine: 1,
      endColumn: 5,
      fix: { range: [2, 4], text: '法治' },
      docsUrl: typoRule.meta.docsUrl,
    });
    expect(second).toMatchObject({ filePath: `${cwd}/clean.txt`, messages: [], errorCount: 0, warningCount: 0 });
    expect(second.source).toBeUndefined();
  });

  it('jsonChunks joined is the same text, in pieces when the output is large', () => {
    expect([...jsonChunks([])].join('')).toBe(json([]));
    const few = results();
    expect([...jsonChunks(few)].join('')).toBe(json(few, context));
    // Enough sources (about 20 K characters each) for several pieces of about 16 K characters.
    const text = `${'推进法冶政府建设，“依法行政”\\。\n'.repeat(1_000)}TODO：补充\n`;
    const many = Array.from({ length: 12 }, (_, i) => lint(text, { rules, filePath: `${cwd}/${i}.md` }));
    const chunks = [...jsonChunks(many)];
    expect(chunks.length).toBeGreaterThan(2);
    expect(chunks.join('')).toBe(json(many, context));
  });
});

describe('json keys', () => {
  // The JSON objects are built key by key (no spreads): ESLint's key order and the counts of every shape.
  const at = (line: number, column: number) => ({ line, column });
  const base = { messageId: 'm', range: { start: 0, end: 2 }, start: at(1, 1), end: at(1, 3), docsUrl: 'https://example.org/r' };
  const everything = {
    ...base,
    ruleId: 'fzlint/read-error',
    severity: 'error' as const,
    message: 'all',
    fix: { range: { start: 0, end: 2 }, text: '法治' },
    suggestions: [{ desc: 'd', fix: { range: { start: 0, end: 1 }, text: 'x' } }],
    related: [{ message: 'here', range: { start: 3, end: 4 } }],
  };
  const plain = { ...base, ruleId: 'style/a', severity: 'warn' as const, message: 'plain' };
  const fixable = { ...plain, severity: 'info' as const, message: 'fixable', fix: { range: { start: 0, end: 1 }, text: 'y' } };
  const messageKeys = ['ruleId', 'severity', 'fzlintSeverity', 'message', 'messageId', 'line', 'column', 'endLine', 'endColumn'];
  const resultKeys = ['filePath', 'messages', 'suppressedMessages', 'errorCount', 'fatalErrorCount', 'warningCount', 'fixableErrorCount', 'fixableWarningCount', 'infoCount'];
  const common = { source: '法冶\n第二行', errorCount: 1, warningCount: 2, infoCount: 1, fixableErrorCount: 1, fixableWarningCount: 1 };

  it('keeps the order of the keys and the counts for a fatal, a fixed and a plain result', () => {
    const fatal = JSON.parse(json([{ ...common, filePath: '/a.md', fatal: true, diagnostics: [everything, plain, fixable] }]))[0];
    expect(Object.keys(fatal)).toEqual([...resultKeys, 'usedDeprecatedRules']);
    expect(fatal).toMatchObject({ errorCount: 1, fatalErrorCount: 1, warningCount: 2, fixableErrorCount: 1, fixableWarningCount: 1, infoCount: 1 });
    expect(Object.keys(fatal.messages[0])).toEqual([...messageKeys, 'fatal', 'fix', 'suggestions', 'related', 'docsUrl']);
    expect(fatal.messages[0].related[0]).toEqual({ message: 'here', line: 2, column: 1, endLine: 2, endColumn: 2 });
    expect(Object.keys(fatal.messages[1])).toEqual([...messageKeys, 'docsUrl']);
    expect(Object.keys(fatal.messages[2])).toEqual([...messageKeys, 'fix', 'docsUrl']);
    const fixed = JSON.parse(json([{ ...common, filePath: '/b.md', output: '法治', diagnostics: [plain] }]))[0];
    expect(Object.keys(fixed)).toEqual([...resultKeys, 'output', 'usedDeprecatedRules']);
    const read = JSON.parse(json([{ ...common, filePath: '/c.md', diagnostics: [fixable, everything] }]))[0];
    expect(Object.keys(read)).toEqual([...resultKeys, 'source', 'usedDeprecatedRules']);
    expect(read).toMatchObject({ errorCount: 1, fatalErrorCount: 0, warningCount: 1, fixableErrorCount: 1, fixableWarningCount: 1 });
    expect(Object.keys(read.messages[1])).toEqual([...messageKeys, 'fix', 'suggestions', 'related', 'docsUrl']);
    const clean = JSON.parse(json([{ ...common, diagnostics: [] }]))[0];
    expect(Object.keys(clean)).toEqual([...resultKeys, 'usedDeprecatedRules']);
    expect(clean.filePath).toBe('<text>');
  });
});

describe('github', () => {
  it('prints one workflow command per finding with a repository-relative path', () => {
    const lines = github(results(), context).trimEnd().split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toBe(
      '::notice file=2021/长沙市报告.md,line=1,col=1,endLine=1,endColumn=2,title=fzlint (statistics/test-loud)::总是报告',
    );
    expect(lines[1]).toBe(
      '::error file=2021/长沙市报告.md,line=1,col=3,endLine=1,endColumn=5,title=fzlint (style/test-typo)::“法冶”应为“法治”',
    );
    expect(lines[2]!.startsWith('::warning ')).toBe(true);
  });

  it('escapes %, CR and LF in messages and also : and , in properties', () => {
    expect(escapeData('50%\r\n下一行')).toBe('50%25%0D%0A下一行');
    expect(escapeProperty('a:b,c%')).toBe('a%3Ab%2Cc%25');
    const r = lint('法冶', { rules: [typoRule], filePath: `${cwd}/a,b:c.md` });
    expect(github([r], context)).toContain('file=a%2Cb%3Ac.md,');
  });
});

function sarifValidator() {
  const schema = JSON.parse(readFileSync(new URL('./fixtures/sarif-2.1.0-rtm.5.json', import.meta.url), 'utf8'));
  // The schema is draft-04: ajv 8 reads its `id` as `$id` and needs no `$schema` keyword for it.
  schema.$id = schema.id;
  delete schema.id;
  delete schema.$schema;
  // unicodeRegExp off: one of the schema's patterns is not valid with the `u` flag.
  const ajv = new Ajv({ strict: false, validateFormats: false, allErrors: true, unicodeRegExp: false });
  return ajv.compile(schema);
}

describe('sarif', () => {
  it('is valid SARIF 2.1.0 according to the official JSON schema', () => {
    const validate = sarifValidator();
    const log = JSON.parse(sarif(results(), context));
    const ok = validate(log);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
    // With the linter's own problems too.
    const withDirective = lint('<!-- fzlint-disable-next-line nope/x -->\n', { rules, filePath: `${cwd}/d.md` });
    expect(validate(JSON.parse(sarif([withDirective], context)))).toBe(true);
  });

  it('describes the rules and points at files by relative URI', () => {
    const log = toSarifLog(results(), context) as {
      version: string;
      runs: {
        tool: { driver: { name: string; version: string; rules: { id: string; helpUri: string; defaultConfiguration: { level: string }; shortDescription: { text: string } }[] } };
        results: { ruleId: string; ruleIndex: number; level: string; message: { text: string }; locations: { physicalLocation: { artifactLocation: { uri: string }; region: Record<string, number> } }[] }[];
      }[];
    };
    expect(log.version).toBe('2.1.0');
    const run = log.runs[0]!;
    expect(run.tool.driver.name).toBe('fzlint');
    expect(run.tool.driver.rules.map((r) => r.id)).toEqual(['statistics/test-loud', 'structure/test-word', 'style/test-typo']);
    expect(run.tool.driver.rules[2]).toMatchObject({
      helpUri: typoRule.meta.docsUrl,
      defaultConfiguration: { level: 'error' },
      shortDescription: { text: '测试：错别字' },
    });
    expect(run.results.map((r) => [r.ruleId, r.level])).toEqual([
      ['statistics/test-loud', 'note'],
      ['style/test-typo', 'error'],
      ['structure/test-word', 'warning'],
      ['style/test-typo', 'error'],
    ]);
    for (const r of run.results) expect(run.tool.driver.rules[r.ruleIndex]!.id).toBe(r.ruleId);
    expect(run.results[1]!.locations[0]!.physicalLocation).toMatchObject({
      artifactLocation: { uri: '2021/%E9%95%BF%E6%B2%99%E5%B8%82%E6%8A%A5%E5%91%8A.md' },
      region: { startLine: 1, startColumn: 3, endLine: 1, endColumn: 5 },
    });
  });

  it('uses a file URI for files outside cwd and forward slashes for Windows paths', () => {
    const outside = lint('法冶', { rules: [typoRule], filePath: '/elsewhere/a b.md' });
    const win = lint('法冶', { rules: [typoRule], filePath: 'C:\\work\\reports\\sub\\a.md' });
    const uri = (r: LintResult, c: FormatterContext) =>
      (toSarifLog([r], c) as { runs: { results: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[] })
        .runs[0]!.results[0]!.locations[0]!.physicalLocation.artifactLocation.uri;
    expect(uri(outside, context)).toBe('file:///elsewhere/a%20b.md');
    expect(uri(win, { cwd: 'C:\\work\\reports' })).toBe('sub/a.md');
  });
});

describe('getFormatter', () => {
  it('knows the built-in formatters and nothing else', () => {
    expect(formatterNames).toEqual(['stylish', 'json', 'sarif', 'github', 'gitlab']);
    for (const name of formatterNames) expect(typeof getFormatter(name)).toBe('function');
    expect(getFormatter('junit')).toBeUndefined();
    expect(getFormatter('toString')).toBeUndefined();
  });
});

describe('formatters without the parsed document (results from workers or a cache)', () => {
  it('every formatter works, SARIF related locations included', async () => {
    const { defineRule } = await import('../src/index.js');
    const pairRule = defineRule<'pair' | 'other'>({
      meta: {
        id: 'statistics/test-pair',
        family: 'statistics',
        defaultSeverity: 'error',
        description: { 'zh-CN': '测试：关联位置', en: 'Test: related location' },
        fixable: false,
        messages: { pair: { 'zh-CN': '办结数大于收到数', en: 'Concluded above received' }, other: { 'zh-CN': '收到数', en: 'Received' } },
      },
      check(document, context) {
        const a = document.text.indexOf('办结');
        const b = document.text.indexOf('收到');
        if (a >= 0 && b >= 0) {
          context.report({ messageId: 'pair', range: { start: a, end: a + 2 }, related: [{ messageId: 'other', range: { start: b, end: b + 2 } }] });
        }
      },
    });
    const full = lint('全年收到106件，\n办结115件。', { rules: [pairRule], filePath: `${cwd}/a.md` });
    const { document: _dropped, ...rest } = full;
    const bare = rest as unknown as LintResult;
    const log = toSarifLog([bare], context) as { runs: { results: { relatedLocations: { physicalLocation: { region: object } }[] }[] }[] };
    expect(log.runs[0]!.results[0]!.relatedLocations[0]!.physicalLocation.region).toEqual({
      startLine: 1,
      startColumn: 3,
      endLine: 1,
      endColumn: 5,
    });
    expect(toSarifLog([bare], context)).toEqual(toSarifLog([full], context));
    for (const name of formatterNames) expect(getFormatter(name)!([bare], context)).toBe(getFormatter(name)!([full], context));
    expect(sarifValidator()(JSON.parse(sarif([bare], context)))).toBe(true);
  });
});
