/**
 * Every registered rule is documented, and its documentation is true
 * (typescript-eslint's docs test): the page `docs/rules/<id>.md` exists, its id
 * equals the rule's file path, its description is the rule's `meta.description`,
 * each "incorrect" example really produces a finding from the rule and each
 * "correct" one produces none. `docs/rules/README.md` is the index generated from
 * the rules' metadata; run with `FZLINT_UPDATE_DOCS=1` to regenerate it.
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from '@fzlint/parser';
import { resolveSettings, runRule, type AnyRule } from '@fzlint/rule-api';
import { describe, expect, it } from 'vitest';
import { rules } from '../src/index.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const SRC = join(HERE, '../src');
const DOCS = join(HERE, '../../../docs/rules');

interface Example {
  readonly kind: 'incorrect' | 'correct';
  readonly lang: string;
  readonly code: string;
  readonly line: number;
  /** Last year's report the example is linted beside (continuity/ rules): a fence marked `previous` above it. */
  readonly previous?: { readonly lang: string; readonly code: string };
}

/**
 * The fenced examples under the "Incorrect" and "Correct" headings of a page. A
 * fence whose info string says `previous` (```text previous) is last year's report
 * for the examples that follow it, not an example.
 */
function examples(page: string): Example[] {
  const out: Example[] = [];
  const lines = page.split('\n');
  let section: Example['kind'] | undefined;
  let previous: Example['previous'];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const heading = /^#{2,6}\s+(.*)$/.exec(line);
    if (heading) {
      const title = heading[1]!;
      section = /incorrect|错误示例/i.test(title) ? 'incorrect' : /correct|正确示例/i.test(title) ? 'correct' : undefined;
      continue;
    }
    const fence = /^(`{3,}|~{3,})\s*([\w-]*)\s*(.*)$/.exec(line);
    if (!fence) continue;
    const marker = fence[1]!;
    const body: string[] = [];
    let j = i + 1;
    while (j < lines.length && !lines[j]!.startsWith(marker)) body.push(lines[j++]!);
    const code = body.join('\n') + '\n';
    if (/\bprevious\b/.test(fence[3] ?? '')) previous = { lang: fence[2] ?? '', code };
    else if (section) out.push({ kind: section, lang: fence[2] ?? '', code, line: i + 1, ...(previous ? { previous } : {}) });
    i = j;
  }
  return out;
}

function formatOf(lang: string): 'markdown' | 'plaintext' {
  return /^(?:md|markdown)$/i.test(lang) ? 'markdown' : 'plaintext';
}

function lintExample(rule: AnyRule, example: Example) {
  const document = parse(example.code, { format: formatOf(example.lang) });
  const previous = example.previous
    ? { document: parse(example.previous.code, { format: formatOf(example.previous.lang) }), filePath: 'previous.txt' }
    : undefined;
  return runRule(rule, document, { settings: resolveSettings(document), ...(previous ? { previous } : {}) });
}

const SEVERITY: Record<string, string> = { error: '错误 / error', warn: '警告 / warn', info: '提示 / info' };
const FAMILIES = [
  ['structure', '结构 / Structure'],
  ['statistics', '统计数字 / Statistics'],
  ['references', '引用时效 / References'],
  ['style', '用语 / Style'],
  ['continuity', '与上年度报告对照 / Continuity'],
] as const;

/** The rule index, generated from the rules' metadata (markdownlint checks its generated docs the same way). */
function renderIndex(list: readonly AnyRule[]): string {
  const out = [
    '# fzlint 规则 / Rules',
    '',
    '<!-- Generated from the rules\' metadata by packages/rules/test/docs.test.ts (FZLINT_UPDATE_DOCS=1); do not edit by hand. -->',
    '',
    '每条规则一页：说明、错误示例与正确示例、选项、何时不用。规则 id 即其路径：`<family>/<name>` ↔ `packages/rules/src/<family>/<name>.ts` ↔ `docs/rules/<family>/<name>.md`。',
    '',
    'One page per rule: what it checks, incorrect and correct examples, options, when not to use it. A rule id is its path.',
    '',
  ];
  for (const [family, title] of FAMILIES) {
    const inFamily = list.filter((r) => r.meta.family === family);
    out.push(`## ${title}`, '');
    if (inFamily.length === 0) {
      out.push('（暂无规则 / no rules yet）', '');
      continue;
    }
    out.push('| 规则 / Rule | 说明 / Description | 默认 / Default | 可修复 / Fixable |', '|---|---|---|---|');
    for (const r of inFamily) {
      const fixable = r.meta.fixable ? '是 / yes' : r.meta.hasSuggestions ? '建议 / suggestions' : '否 / no';
      out.push(
        `| [${r.meta.id}](${r.meta.id}.md) | ${r.meta.description['zh-CN']}<br>${r.meta.description.en} | ${SEVERITY[r.meta.defaultSeverity] ?? r.meta.defaultSeverity} | ${fixable} |`,
      );
    }
    out.push('');
  }
  return out.join('\n');
}

describe('rule documentation', () => {
  it('registers at least one rule', () => {
    expect(rules.length).toBeGreaterThan(0);
  });

  for (const rule of rules) {
    const { id } = rule.meta;
    describe(id, () => {
      const pagePath = join(DOCS, `${id}.md`);
      const page = existsSync(pagePath) ? readFileSync(pagePath, 'utf8') : '';

      it('has its id as its file path', () => {
        expect(existsSync(join(SRC, `${id}.ts`)), `packages/rules/src/${id}.ts`).toBe(true);
        expect(id.startsWith(`${rule.meta.family}/`)).toBe(true);
        expect(rule.meta.docsUrl.endsWith(`docs/rules/${id}.md`)).toBe(true);
      });

      it('has a page titled with its id', () => {
        expect(page, `docs/rules/${id}.md is missing`).not.toBe('');
        expect(page.split('\n')[0]).toBe(`# ${id}`);
      });

      it('describes itself as its meta does, in both locales', () => {
        expect(page).toContain(rule.meta.description['zh-CN']);
        expect(page).toContain(rule.meta.description.en);
      });

      it('has messages in both locales', () => {
        for (const [messageId, text] of Object.entries(rule.meta.messages as Record<string, { 'zh-CN': string; en: string }>)) {
          expect(text['zh-CN'].trim(), messageId).not.toBe('');
          expect(text.en.trim(), messageId).not.toBe('');
        }
      });

      it('says what it deliberately leaves to information (warn and error only where the reason is sure)', () => {
        expect(page, `docs/rules/${id}.md needs a "## 只给提示的情况 / What it leaves to info" section`).toMatch(
          /^## 只给提示的情况 \/ What it leaves to info\n\n\S/m,
        );
      });

      const found = examples(page);
      it('has an incorrect and a correct example', () => {
        expect(found.filter((e) => e.kind === 'incorrect').length).toBeGreaterThan(0);
        expect(found.filter((e) => e.kind === 'correct').length).toBeGreaterThan(0);
      });
      for (const example of found) {
        it(`${example.kind} example at line ${example.line} ${example.kind === 'incorrect' ? 'is flagged' : 'passes'}`, () => {
          const diagnostics = lintExample(rule, example);
          if (example.kind === 'incorrect') expect(diagnostics.length).toBeGreaterThan(0);
          else expect(diagnostics.map((d) => `${d.messageId}: ${d.message}`)).toEqual([]);
        });
      }
    });
  }

  it('has no page for a rule that does not exist', () => {
    const ids = new Set(rules.map((r) => r.meta.id));
    const orphans: string[] = [];
    for (const [family] of FAMILIES) {
      const dir = join(DOCS, family);
      if (!existsSync(dir)) continue;
      for (const f of readdirSync(dir)) if (f.endsWith('.md') && !ids.has(`${family}/${f.slice(0, -3)}`)) orphans.push(`${family}/${f}`);
    }
    expect(orphans).toEqual([]);
  });

  it('lists every rule in docs/rules/README.md', () => {
    const path = join(DOCS, 'README.md');
    const expected = renderIndex(rules);
    if (process.env.FZLINT_UPDATE_DOCS === '1') writeFileSync(path, expected);
    const actual = existsSync(path) ? readFileSync(path, 'utf8') : '';
    expect(actual, 'docs/rules/README.md is out of date: run FZLINT_UPDATE_DOCS=1 npx vitest run test/docs.test.ts').toBe(expected);
  });
});
