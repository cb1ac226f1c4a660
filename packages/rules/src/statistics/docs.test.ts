/**
 * The statistics rule pages (docs/rules/statistics/<name>.md) exist, are titled by
 * the rule id, repeat the rule's description, and their examples behave as they
 * say: every “错误示例 / Incorrect” block is flagged, every “正确示例 / Correct”
 * block passes (typescript-eslint's docs test).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from '@fzlint/parser';
import { resolveSettings, runRule } from '@fzlint/rule-api';
import { describe, expect, it } from 'vitest';
import { figureLedger } from './figures.js';
import { figureLedgerData, formatFigureTable } from './figures-data.js';
import { statisticsRules } from './index.js';

const DOCS = join(dirname(fileURLToPath(import.meta.url)), '../../../../docs/rules');
const CORPUS = join(dirname(fileURLToPath(import.meta.url)), '../../../../fixtures/corpus');

function blocks(markdown: string, heading: string): string[] {
  const start = markdown.indexOf(`## ${heading}`);
  if (start < 0) return [];
  const next = markdown.indexOf('\n## ', start + 3);
  const section = markdown.slice(start, next < 0 ? undefined : next);
  return [...section.matchAll(/```text\n([\s\S]*?)```/g)].map((m) => m[1]!);
}

describe('statistics rule pages', () => {
  for (const rule of statisticsRules) {
    const path = join(DOCS, `${rule.meta.id}.md`);
    describe(rule.meta.id, () => {
      it('exists with the id as title and the rule’s descriptions', () => {
        expect(existsSync(path)).toBe(true);
        const page = readFileSync(path, 'utf8');
        expect(page.split('\n')[0]).toBe(`# ${rule.meta.id}`);
        expect(page).toContain(rule.meta.description['zh-CN']);
        expect(page).toContain(rule.meta.description.en);
        expect(rule.meta.docsUrl.endsWith(`docs/rules/${rule.meta.id}.md`)).toBe(true);
      });
      it('has incorrect examples that are flagged and correct ones that pass', () => {
        const page = readFileSync(path, 'utf8');
        const incorrect = blocks(page, '错误示例 / Incorrect');
        const correct = blocks(page, '正确示例 / Correct');
        expect(incorrect.length).toBeGreaterThan(0);
        expect(correct.length).toBeGreaterThan(0);
        const lint = (code: string) => {
          const document = parse(code, { format: 'markdown' });
          return runRule(rule, document, { settings: resolveSettings(document) });
        };
        for (const code of incorrect) expect(lint(code).length, code).toBeGreaterThan(0);
        for (const code of correct) expect(lint(code).map((d) => d.message), code).toEqual([]);
      });
    });
  }
});

/**
 * The ledger shown on the inconsistent-figure page is the data form of a real corpus
 * report, as `fzlint inspect --figures` prints it: regenerated and compared here (run
 * with FZLINT_UPDATE_DOCS=1 to rewrite the blocks after the extraction changed).
 */
describe('the figures ledger on the inconsistent-figure page', () => {
  const path = join(DOCS, 'statistics/inconsistent-figure.md');
  const MARKER = /<!-- figures-(table|json): (\S+)(?: (\S+))? -->\n(```\w*\n)([\s\S]*?)```/g;
  it('shows the table and the JSON of the data form of a corpus report', () => {
    const page = readFileSync(path, 'utf8');
    const blocks = [...page.matchAll(MARKER)];
    expect(blocks.map((b) => b[1])).toEqual(['table', 'json']);
    let updated = page;
    for (const b of blocks) {
      const [whole, kind, file, figure, fence, body] = b as unknown as [string, string, string, string | undefined, string, string];
      const text = readFileSync(join(CORPUS, file), 'utf8');
      const document = parse(text, { filePath: file });
      const data = figureLedgerData(figureLedger(document), document);
      let expected: string;
      if (kind === 'table') expected = formatFigureTable(data);
      else {
        const item = data.figures.find((f) => f.text === figure);
        expect(item, `${figure} in ${file}`).toBeDefined();
        expected = `${JSON.stringify(item, null, 2)}\n`;
      }
      if (process.env.FZLINT_UPDATE_DOCS) updated = updated.replace(whole, whole.replace(`${fence}${body}`, `${fence}${expected}`));
      else expect(body, `${kind} block of ${file} is out of date: run FZLINT_UPDATE_DOCS=1 npx vitest run src/statistics/docs.test.ts`).toBe(expected);
    }
    if (process.env.FZLINT_UPDATE_DOCS && updated !== page) writeFileSync(path, updated);
  });
});
