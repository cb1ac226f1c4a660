import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { copyRepo, FIXTURE_REPO, fzlint, parseJson, read, resultFor } from './helpers.js';
import { buildDocx, zip } from './support/docx.js';
import { paragraphOf, REPORT, reportDocx, TITLE } from './support/reports.js';

let repo: { dir: string; cleanup: () => void };
beforeEach(() => {
  repo = copyRepo();
  mkdirSync(join(repo.dir, 'word'), { recursive: true });
});
afterEach(() => repo.cleanup());

const at = (rel: string) => join(repo.dir, rel);

describe('.docx input', () => {
  it('lints a Word report and reports findings at paragraph numbers', () => {
    writeFileSync(at('word/甲县.docx'), reportDocx());
    const run = fzlint(repo.dir, ['word/甲县.docx', '--format', 'json']);
    expect(run.code, run.stderr).toBe(1);
    expect(run.stderr).toBe('');
    const result = resultFor(parseJson(run.stdout), 'word/甲县.docx');
    // The report is complete: the one defect is 审结 above 收到, in its own paragraph.
    expect(result.messages.map((m) => m.ruleId)).toEqual(['statistics/concluded-exceeds-received']);
    const finding = result.messages[0];
    expect(finding?.line).toBe(paragraphOf('审结115件'));
    // The column counts characters inside that paragraph's text.
    const paragraph = REPORT[paragraphOf('审结115件') - 2]?.text ?? '';
    expect(paragraph.slice((finding?.column ?? 1) - 1)).toMatch(/^(?:115件|审结)/);
  });

  it('reads enumerated paragraphs (no heading styles) as the report’s sections', () => {
    writeFileSync(at('word/plain.docx'), reportDocx({ styled: false }));
    const run = fzlint(repo.dir, ['inspect', 'word/plain.docx', '--format', 'json']);
    expect(run.code, run.stderr).toBe(0);
    const outline = JSON.parse(run.stdout) as { title: { text: string; line: number }; sections: { line: number; concept?: string; children: unknown[] }[] };
    expect(outline.title).toMatchObject({ text: TITLE, line: 1 });
    expect(outline.sections.map((s) => s.concept)).toEqual([
      'measures-and-results',
      'shortcomings-and-causes',
      'first-responsible-person',
      'next-year-plan',
    ]);
    expect(outline.sections.map((s) => s.line)).toEqual([
      paragraphOf('一、2023年'),
      paragraphOf('二、2023年'),
      paragraphOf('三、党政'),
      paragraphOf('四、2024年'),
    ]);
    expect(outline.sections[0]?.children).toHaveLength(2);
  });

  it('maps Word heading styles with Chinese display names (标题 1) too', () => {
    const docx = buildDocx(
      [
        { text: TITLE, style: 'a3' },
        ...REPORT.map((p) => ({ text: p.text, ...(p.heading ? { style: `h${p.heading}` } : {}) })),
      ],
      { styles: { a3: '标题', h1: '标题 1', h2: '标题 2' } },
    );
    writeFileSync(at('word/cn-styles.docx'), docx);
    const run = fzlint(repo.dir, ['convert', 'word/cn-styles.docx']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain(`# ${TITLE}\n`);
    expect(run.stdout).toContain('\n## 四、2024年工作打算\n');
    expect(run.stdout).toContain('\n### （一）压实法治建设责任\n');
  });

  it('convert -o writes the Markdown draft, which lints like the .docx (lines instead of paragraphs)', () => {
    writeFileSync(at('word/甲县.docx'), reportDocx());
    const convert = fzlint(repo.dir, ['convert', 'word/甲县.docx', '-o', 'word/甲县-draft.md']);
    expect(convert.code, convert.stderr).toBe(0);
    expect(convert.stdout).toBe('');
    const markdown = read(at('word/甲县-draft.md'));
    expect(markdown.startsWith(`# ${TITLE}\n\n`)).toBe(true);
    expect(markdown).toContain('\n## 一、2023年推进法治政府建设的主要举措和成效\n');
    // Word split the text into runs mid-word; the draft has whole paragraphs.
    expect(markdown).toContain(`\n${REPORT[0]?.text}\n`);
    const run = fzlint(repo.dir, ['word/甲县-draft.md', 'word/甲县.docx', '--format', 'json']);
    const results = parseJson(run.stdout);
    const md = resultFor(results, 'word/甲县-draft.md').messages;
    const docx = resultFor(results, 'word/甲县.docx').messages;
    expect(docx.map((m) => [m.ruleId, m.message])).toEqual(md.map((m) => [m.ruleId, m.message]));
    // Markdown line = 2 × paragraph − 1 (one blank line between paragraphs).
    expect(md.map((m) => m.line)).toEqual(docx.map((m) => 2 * m.line - 1));
  });

  it('directory walks pick up .docx files and skip Word lock files (~$…)', () => {
    writeFileSync(at('word/甲县.docx'), reportDocx());
    writeFileSync(at('word/~$甲县.docx'), Buffer.from('lock file, not a document'));
    const run = fzlint(repo.dir, ['word', '--format', 'json']);
    expect(run.stderr).toBe('');
    expect(parseJson(run.stdout).map((r) => r.filePath.replace(/\\/g, '/').split('/').pop())).toEqual(['甲县.docx']);
  });

  it('--fix refuses to rewrite a .docx with one line, still lints it, and leaves it as it was', () => {
    const bytes = reportDocx({ paragraphs: [...REPORT.slice(0, 3), { text: '深入推进依法行政，法冶政府建设取得新成效。' }, ...REPORT.slice(3)] });
    writeFileSync(at('word/typo.docx'), bytes);
    const run = fzlint(repo.dir, ['word/typo.docx', '--fix', '--format', 'json']);
    expect(run.errLines).toHaveLength(1);
    expect(run.errLines[0]).toMatch(/^fzlint: word\/typo\.docx：--fix 不改写 Word 或网页文件.* — .*fzlint convert/);
    expect(read(at('word/typo.docx'))).toBe(bytes.toString('utf8'));
    const messages = resultFor(parseJson(run.stdout), 'word/typo.docx').messages;
    expect(messages.some((m) => m.message.includes('法冶'))).toBe(true);
  });

  it('a file that is not a Word document: one line, exit 2, the other files still linted', () => {
    writeFileSync(at('word/old.docx'), Buffer.from('\xD0\xCF\x11\xE0 an old binary .doc renamed', 'latin1'));
    writeFileSync(at('word/empty-zip.docx'), zip({ 'readme.txt': 'not word' }));
    writeFileSync(at('word/甲县.docx'), reportDocx());
    const run = fzlint(repo.dir, ['word', '--format', 'json']);
    expect(run.code).toBe(2);
    expect(run.errLines).toHaveLength(2);
    for (const line of run.errLines) expect(line).toMatch(/^fzlint: word\/(?:old|empty-zip)\.docx：无法读取 Word 文档.* — /);
    expect(parseJson(run.stdout).map((r) => r.filePath.split('/').pop())).toEqual(['甲县.docx']);
  });

  it('an empty Word document is skipped with a notice', () => {
    writeFileSync(at('word/blank.docx'), buildDocx([{ text: '' }]));
    const run = fzlint(repo.dir, ['word/blank.docx']);
    expect(run.code).toBe(0);
    expect(run.errLines).toHaveLength(1);
    expect(run.errLines[0]).toContain('word/blank.docx');
  });

  it('convert refuses a Markdown file and needs exactly one file', () => {
    const md = fzlint(repo.dir, ['convert', 'reports/2023年度甲县法治政府建设情况报告.md']);
    expect(md.code).toBe(2);
    expect(md.errLines[0]).toMatch(/^fzlint: convert 只转换 .* — /);
    const none = fzlint(repo.dir, ['convert']);
    expect(none.code).toBe(2);
    expect(none.errLines[0]).toContain('convert');
    expect(existsSync(at('word/none.md'))).toBe(false);
  });

  it('reads a .docx from standard input when --stdin-filename names one', () => {
    const run = fzlint(repo.dir, ['--stdin', '--stdin-filename', 'word/甲县.docx', '--format', 'json'], reportDocx());
    expect(run.code, run.stderr).toBe(1);
    const [result] = parseJson(run.stdout);
    expect(result?.messages.map((m) => [m.ruleId, m.line])).toEqual([['statistics/concluded-exceeds-received', paragraphOf('审结115件')]]);
  });

  it('worker threads and the cache give the same paragraph numbers as a serial run', () => {
    writeFileSync(at('word/a.docx'), reportDocx());
    writeFileSync(at('word/b.docx'), reportDocx({ styled: false }));
    writeFileSync(at('word/c.html'), '<html><body><div id="zoom"><p>2023年，丙区全年共收到行政复议申请106件，审结115件，法治政府建设取得新成效。</p></div></body></html>');
    const positions = (args: string[]) =>
      parseJson(fzlint(repo.dir, ['word', '--format', 'json', ...args]).stdout).map((r) => r.messages.map((m) => [m.ruleId, m.line, m.column]));
    const serial = positions(['--concurrency', '1']);
    expect(serial.flat().length).toBeGreaterThan(0);
    expect(positions(['--concurrency', '2'])).toEqual(serial);
    expect(positions(['--cache', '--concurrency', '1'])).toEqual(serial);
    // Second cached run: every result comes from the cache.
    expect(positions(['--cache', '--concurrency', '1'])).toEqual(serial);
  });

  it('SARIF regions, related locations included, are paragraph numbers too', () => {
    writeFileSync(at('word/甲县.docx'), reportDocx());
    const run = fzlint(repo.dir, ['word/甲县.docx', '--format', 'sarif']);
    const sarif = JSON.parse(run.stdout) as {
      runs: { results: { physicalLocation?: unknown; locations: { physicalLocation: { region: { startLine: number } } }[]; relatedLocations?: { physicalLocation: { region: { startLine: number } } }[] }[] }[];
    };
    const [result] = sarif.runs[0]?.results ?? [];
    const paragraph = paragraphOf('审结115件');
    expect(result?.locations[0]?.physicalLocation.region.startLine).toBe(paragraph);
    expect(result?.relatedLocations?.map((r) => r.physicalLocation.region.startLine)).toEqual([paragraph]);
  });

  it('the real corpus reports as Word documents (one paragraph per line) give the findings of their text', () => {
    const corpus = join(FIXTURE_REPO, '..', 'corpus', 'full');
    const names = readdirSync(corpus).filter((n) => n.endsWith('.txt'));
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) {
      const text = readFileSync(join(corpus, name), 'utf8');
      writeFileSync(at(`word/${name}`), text);
      const paragraphs = text.split('\n').filter((l) => l.trim() !== '').map((l) => ({ text: l.trim() }));
      writeFileSync(at(`word/${name.replace('.txt', '.docx')}`), buildDocx(paragraphs));
    }
    const results = parseJson(fzlint(repo.dir, ['word', '--format', 'json']).stdout);
    // As for web pages: only heading numbering may differ (unnumbered short lines).
    const ids = (suffix: string) =>
      resultFor(results, suffix)
        .messages.map((m) => m.ruleId)
        .filter((id) => id !== 'structure/heading-numbering')
        .sort();
    for (const name of names) expect(ids(`word/${name.replace('.txt', '.docx')}`), name).toEqual(ids(`word/${name}`));
  });
});
