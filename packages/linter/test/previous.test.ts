/**
 * `lint(text, { previous })`: last year's report reaches the rules as
 * `context.previous`, is parsed once and cached by content, and related
 * information pointing into it carries its file and positions through the
 * JSON and SARIF formatters.
 */
import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { beforeEach, describe, expect, it } from 'vitest';
import type { ReportDocument } from '@fzlint/parser';
import { clearPreviousCache, defineRule, github, gitlab, json, lint, parsePrevious, stylish, toSarifLog, type AnyRule } from '../src/index.js';
import { previousCacheSize } from '../src/previous.js';

const seen: (ReportDocument | undefined)[] = [];

/** Reports this year's first 成效 and points at last year's first 成效 (a stand-in for a continuity rule). */
const pointsBack: AnyRule = defineRule<'same' | 'there'>({
  meta: {
    id: 'continuity/test-points-back',
    family: 'continuity',
    defaultSeverity: 'warn',
    description: { 'zh-CN': '测试：上年度报告', en: 'Test: previous report' },
    fixable: false,
    messages: {
      same: { 'zh-CN': '与上年度报告相同', en: 'Same as last year' },
      there: { 'zh-CN': '上年度报告此处', en: 'Last year here' },
    },
  },
  check(document, context) {
    seen.push(context.previous?.document);
    const previous = context.previous;
    if (!previous) return;
    const here = document.text.indexOf('成效');
    const there = previous.document.text.indexOf('成效');
    if (here < 0 || there < 0) return;
    context.report({
      messageId: 'same',
      range: { start: here, end: here + 2 },
      related: [
        { in: 'previous', range: { start: there, end: there + 2 }, messageId: 'there' },
        { range: { start: 0, end: 1 }, messageId: 'there' },
      ],
    });
  },
});

const THIS_YEAR = '2023年工作\n取得成效。\n';
const LAST_YEAR = '2022年工作\n\n第二段\n也取得成效。\n';

beforeEach(() => {
  clearPreviousCache();
  seen.length = 0;
});

describe('lint with a previous report', () => {
  it('gives the rule last year’s document and locates related places in it', () => {
    const result = lint(THIS_YEAR, { rules: [pointsBack], previous: { text: LAST_YEAR, filePath: '/r/2022.md' } });
    expect(seen[0]?.text).toBe(LAST_YEAR);
    const d = result.diagnostics[0]!;
    expect(d.related?.[0]).toEqual({
      range: { start: LAST_YEAR.indexOf('成效'), end: LAST_YEAR.indexOf('成效') + 2 },
      message: '上年度报告此处',
      filePath: '/r/2022.md',
      start: { line: 4, column: 4 },
      end: { line: 4, column: 6 },
    });
    // A place in the linted document keeps its old shape.
    expect(d.related?.[1]).toEqual({ range: { start: 0, end: 1 }, message: '上年度报告此处' });
  });

  it('without a previous report the rule sees none and related places in it are dropped', () => {
    const result = lint(THIS_YEAR, { rules: [pointsBack] });
    expect(seen).toEqual([undefined]);
    expect(result.diagnostics).toEqual([]);
  });

  it('parses the same previous text once across calls (cache by content, not by path)', () => {
    lint(THIS_YEAR, { rules: [pointsBack], previous: { text: LAST_YEAR, filePath: '/r/a.md' } });
    lint(`${THIS_YEAR}再次`, { rules: [pointsBack], previous: { text: `${LAST_YEAR}`, filePath: '/r/b.md' } });
    expect(seen[0]).toBeDefined();
    expect(seen[1]).toBe(seen[0]);
    expect(previousCacheSize()).toBe(1);
    // Another format of the same text is another document.
    lint(THIS_YEAR, { rules: [pointsBack], previous: { text: LAST_YEAR, filePath: '/r/a.txt' } });
    expect(seen[2]).not.toBe(seen[0]);
    expect(seen[2]?.format).toBe('plaintext');
  });

  it('takes a document the caller already parsed when its text and format match', () => {
    const parsed = parsePrevious({ text: LAST_YEAR, format: 'markdown' }).document;
    clearPreviousCache();
    lint(THIS_YEAR, { rules: [pointsBack], previous: { text: LAST_YEAR, format: 'markdown', document: parsed } });
    expect(seen[0]).toBe(parsed);
    expect(previousCacheSize()).toBe(0);
  });

  it('keeps the cache bounded', () => {
    for (let i = 0; i < 20; i++) parsePrevious({ text: `${LAST_YEAR}${i}`, format: 'markdown' });
    expect(previousCacheSize()).toBeLessThanOrEqual(8);
  });

  it('parses the previous report once for every fix pass', () => {
    const fixing: AnyRule = defineRule<'typo'>({
      meta: {
        id: 'style/test-typo-prev',
        family: 'style',
        defaultSeverity: 'error',
        description: { 'zh-CN': '测试', en: 'Test' },
        fixable: true,
        messages: { typo: { 'zh-CN': '法冶', en: '法冶' } },
      },
      check(document, context) {
        seen.push(context.previous?.document);
        const at = document.text.indexOf('法冶');
        if (at >= 0) context.report({ messageId: 'typo', range: { start: at, end: at + 2 }, fix: { range: { start: at, end: at + 2 }, text: '法治' } });
      },
    });
    const result = lint('法冶法冶', { rules: [fixing], fix: true, previous: { text: LAST_YEAR } });
    expect(result.output).toBe('法治法治');
    expect(seen.length).toBeGreaterThan(1);
    expect(new Set(seen).size).toBe(1);
  });

  it('names a previous text given without a path <previous>', () => {
    const result = lint(THIS_YEAR, { rules: [pointsBack], previous: { text: LAST_YEAR } });
    expect(result.diagnostics[0]!.related?.[0]?.filePath).toBe('<previous>');
  });
});

describe('formatters with related places in last year’s report', () => {
  const result = () =>
    lint(THIS_YEAR, { rules: [pointsBack], filePath: '/r/2023.md', previous: { text: LAST_YEAR, filePath: '/r/2022.md' } });

  it('json gives each related place its file and lines', () => {
    const [file] = JSON.parse(json([result()])) as { messages: { related: unknown[] }[] }[];
    expect(file!.messages[0]!.related).toEqual([
      { message: '上年度报告此处', line: 4, column: 4, endLine: 4, endColumn: 6, filePath: '/r/2022.md' },
      { message: '上年度报告此处', line: 1, column: 1, endLine: 1, endColumn: 2 },
    ]);
  });

  it('sarif points the related location at last year’s file, as another artifact, and stays valid', () => {
    const log = toSarifLog([result()], { cwd: '/r', rulesMeta: { [pointsBack.meta.id]: pointsBack.meta } }) as {
      runs: { artifacts: { location: { uri: string } }[]; results: { relatedLocations: { physicalLocation: { artifactLocation: { uri: string; index: number }; region: object } }[] }[] }[];
    };
    const run = log.runs[0]!;
    expect(run.artifacts.map((a) => a.location.uri)).toEqual(['2023.md', '2022.md']);
    const [there, here] = run.results[0]!.relatedLocations;
    expect(there!.physicalLocation).toEqual({
      artifactLocation: { uri: '2022.md', index: 1 },
      region: { startLine: 4, startColumn: 4, endLine: 4, endColumn: 6 },
    });
    expect(here!.physicalLocation.artifactLocation).toEqual({ uri: '2023.md', index: 0 });
    const schema = JSON.parse(readFileSync(new URL('./fixtures/sarif-2.1.0-rtm.5.json', import.meta.url), 'utf8'));
    schema.$id = schema.id;
    delete schema.id;
    delete schema.$schema;
    const validate = new Ajv({ strict: false, validateFormats: false, allErrors: true, unicodeRegExp: false }).compile(schema);
    expect(validate(log)).toBe(true);
  });

  it('stylish names the place in last year’s file under its finding (file:line:col); a place in this file is not repeated', () => {
    const out = stylish([result()], { cwd: '/r' });
    expect(out.split('\n').slice(1, 4)).toEqual(['2023.md', '  2:3  warning  与上年度报告相同  continuity/test-points-back', '                ↳ 2022.md:4:4  上年度报告此处']);
  });

  it('github and gitlab name it in the message text (an annotation and a Code Quality entry have one location)', () => {
    expect(github([result()], { cwd: '/r' })).toBe(
      '::warning file=2023.md,line=2,col=3,endLine=2,endColumn=5,title=fzlint (continuity/test-points-back)::与上年度报告相同%0A↳ 2022.md:4:4  上年度报告此处\n',
    );
    const [issue] = JSON.parse(gitlab([result()], { cwd: '/r' })) as { description: string; fingerprint: string }[];
    expect(issue!.description).toBe('与上年度报告相同 ↳ 2022.md:4:4  上年度报告此处');
    // The fingerprint is the message's, so naming the place does not make old findings look new.
    const [plain] = JSON.parse(gitlab([{ ...result(), diagnostics: result().diagnostics.map((d) => ({ ...d, related: [] })) }], { cwd: '/r' })) as { fingerprint: string }[];
    expect(issue!.fingerprint).toBe(plain!.fingerprint);
  });
});
