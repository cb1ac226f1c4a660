import { describe, expect, it } from 'vitest';
import { formatterNames, getFormatter, lint, type FormattableResult, type FormatterContext, type LintResult } from '../src/index.js';
import { loudRule, typoRule, wordRule } from './helpers.js';

const rules = [typoRule, wordRule, loudRule];
const cwd = '/work/reports';
const context: FormatterContext = { cwd, rulesMeta: Object.fromEntries(rules.map((r) => [r.meta.id, r.meta])) };

function results(): LintResult[] {
  return [
    lint('推进法冶政府建设。\nTODO：补充2021年数据，法冶\n', { rules, filePath: `${cwd}/2021/长沙市报告.md` }),
    lint('法冶\n', { rules, filePath: `${cwd}/fixed.txt`, fix: true }),
    lint('法治\n', { rules: [typoRule], filePath: `${cwd}/clean.txt` }),
  ];
}

/** A result as a worker thread or the cache hands it over: no parsed document, failures as plain data. */
function withoutDocument(result: LintResult): FormattableResult {
  const { document: _document, ruleFailures, ...rest } = result;
  const serialized = { ...rest, ruleFailures: ruleFailures.map((f) => ({ ruleId: f.ruleId, message: f.error.message })) };
  return serialized;
}

describe('formatters and results without a document (from workers or the cache)', () => {
  it('every formatter prints the same with or without the document', () => {
    const full = results();
    const bare = full.map(withoutDocument);
    expect(bare.every((r) => !('document' in r))).toBe(true);
    for (const name of formatterNames) {
      const format = getFormatter(name)!;
      const expected = format(full, context);
      expect(expected.length, name).toBeGreaterThan(0);
      expect(format(bare, context), name).toBe(expected);
    }
  });
});
