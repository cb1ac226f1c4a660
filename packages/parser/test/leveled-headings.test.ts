/**
 * `parse()` makes each heading as its raw form is read (`collectLeveledHeadings`); a re-parse
 * collects the raw headings first and gives them to its `levels` callback. Both must give the
 * document `assignLevels` gives on the collected list.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { assignLevels } from '../src/headings.js';
import { assemble, readBlocks } from '../src/parse.js';
import type { ReportDocument } from '../src/model.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '../../..');

function files(dir: string, out: string[] = []): string[] {
  for (const n of readdirSync(dir).sort()) {
    const p = join(dir, n);
    if (statSync(p).isDirectory()) files(p, out);
    else if (/\.(md|txt)$/.test(n)) out.push(p);
  }
  return out;
}

const withoutLines = (d: ReportDocument): string => JSON.stringify({ ...d, lineIndex: undefined });

function bothWays(text: string, format: 'markdown' | 'plaintext'): [string, string] {
  const oneByOne = assemble(text, { format }, format, readBlocks(text, format));
  const collectedFirst = assemble(text, { format }, format, readBlocks(text, format), undefined, (raws) => assignLevels(text, raws));
  return [withoutLines(oneByOne), withoutLines(collectedFirst)];
}

const HAND_MADE = [
  // The title a Markdown heading; depths that start below 1; numbered and unnumbered headings mixed.
  '# 某区2023年法治政府建设年度报告\n\n### 一、主要举措\n\n#### 加强领导\n\n正文。\n\n### 二、存在的问题\n\n##### 细项\n\n## 三、下一步打算\n',
  // A title heading run together with a heading after it, and headings of one depth only.
  '## 某县人民政府关于2022年法治政府建设情况的报告 一、坚持党的领导\n\n## \n\n##\n\n## （一）加强学习\n',
  '#\n#\n## 一、\n###\n#\n',
  '一、主要举措\n（一）加强领导\n1. 压实责任\n（1）明确分工\n二、存在问题\n',
];

describe('headings made one by one as they are collected', () => {
  it('give the document assignLevels gives on the collected list (fixtures and examples, as Markdown and as text)', () => {
    const paths = [...files(join(root, 'fixtures')), ...files(join(root, 'examples'))];
    expect(paths.length).toBeGreaterThan(20);
    for (const p of paths) {
      const text = readFileSync(p, 'utf8');
      for (const format of ['markdown', 'plaintext'] as const) {
        const [a, b] = bothWays(text, format);
        expect(a, `${p} (${format})`).toBe(b);
      }
    }
  });

  it('give the document assignLevels gives on hand-made Markdown and text', () => {
    for (const text of HAND_MADE) {
      for (const format of ['markdown', 'plaintext'] as const) {
        const [a, b] = bothWays(text, format);
        expect(a).toBe(b);
      }
    }
  });
});
