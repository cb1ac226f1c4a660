/**
 * One behaviour across the front ends. One folder holds a Markdown report, a GBK
 * plain-text report, a Word report, a draft ignored by `.fzlintignore` and a report over
 * the size cap; the CLI, the project API's `lintFiles`, the language server's workspace
 * diagnostics, remark-fzlint and textlint-rule-fzlint must lint the same files (those of
 * them each host reads) and give the same findings at the same positions.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MAX_REPORT_BYTES } from '@fzlint/input';
import { ConfigResolver, DEFAULT_SETTINGS, DiagnosticsService, loadEngine, WorkspaceDiagnostics } from '@fzlint/language-server';
import { createFzlint } from '@fzlint/linter/node';
import type { TextlintKernelDescriptor } from '@textlint/kernel';
import iconv from 'iconv-lite';
import { remark } from 'remark';
import remarkFzlint from 'remark-fzlint';
import { createLinter, loadTextlintrc } from 'textlint';
import textlintRule from 'textlint-rule-fzlint';
import { VFile } from 'vfile';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliIsBuilt, REPO_DIR, runFzlint } from '../src/index.js';
import { buildDocx, type DocxParagraph } from './support/docx.js';

/** A finding as every front end can say it: file (relative, `/`), rule, 1-based line and column. */
type Finding = string;

const finding = (file: string, ruleId: string, line: number, column: number): Finding => `${file} ${ruleId} ${line}:${column}`;

const FILES = {
  markdown: 'reports/甲县.md',
  gbk: 'reports/乙镇.txt',
  docx: 'reports/丙区.docx',
  draft: 'drafts/丁镇草稿.md',
  large: 'reports/戊县全文.md',
} as const;

let dir: string;

const MARKDOWN = readFileSync(join(REPO_DIR, 'packages', 'remark-fzlint', 'test', 'fixtures', 'report.md'), 'utf8');
/** A plain-text report with a sure typo added (法冶 for 法治), saved as GBK below. */
const PLAIN = readFileSync(join(REPO_DIR, 'fixtures', 'repo', 'reports', '2022年度乙镇法治政府建设情况报告.txt'), 'utf8').replace('。', '，推进法冶政府建设。');

/** A Word report: title, enumerated headings as plain paragraphs, one statistics defect. */
function wordReport(): Buffer {
  const paragraphs: DocxParagraph[] = [
    { text: '丙区人民政府关于2023年度法治政府建设情况的报告', style: 'Title' },
    { text: '2023年，丙区深入学习贯彻习近平法治思想，法治政府建设取得新成效。现将有关情况报告如下：' },
    { text: '一、2023年推进法治政府建设的主要举措和成效' },
    { text: '全年共收到行政复议申请106件，审结115件。推进法冶政府建设。' },
    { text: '二、2023年推进法治政府建设存在的不足和原因' },
    { text: '一是行政执法人员能力有待提升。究其原因，主要是培训不够。' },
    { text: '三、2024年工作打算' },
    { text: '加快推进合法性审核全覆盖。' },
  ];
  return buildDocx(paragraphs);
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'fzlint-frontends-'));
  const put = (rel: string, content: string | Uint8Array): void => {
    mkdirSync(join(dir, rel, '..'), { recursive: true });
    writeFileSync(join(dir, rel), content);
  };
  // A config makes every file under it a report for the language server too.
  put('fzlint.config.json', JSON.stringify({ root: true }));
  put('.fzlintignore', 'drafts/\n');
  put(FILES.markdown, MARKDOWN);
  put(FILES.gbk, iconv.encode(PLAIN, 'gbk'));
  put(FILES.docx, wordReport());
  put(FILES.draft, MARKDOWN);
  // One byte over the cap: a report no front end reads.
  const head = `${MARKDOWN}\n`;
  put(FILES.large, head + 'x'.repeat(MAX_REPORT_BYTES + 1 - Buffer.byteLength(head)));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const rel = (path: string): string => relative(dir, path).split('\\').join('/');
const ruleOfMessage = (message: string): string => /^\[([^\]]+)\]/.exec(message)?.[1] ?? '';

/** What the CLI lints and finds (`--format json`). */
function viaCli(): { files: string[]; findings: Finding[]; stderr: string } {
  const r = runFzlint(['.', '--format', 'json'], { cwd: dir });
  const results = JSON.parse(r.stdout) as { filePath: string; messages: { ruleId: string; line: number; column: number }[] }[];
  return {
    files: results.map((x) => rel(x.filePath)).sort(),
    findings: results.flatMap((x) => x.messages.map((m) => finding(rel(x.filePath), m.ruleId, m.line, m.column))).sort(),
    stderr: r.stderr,
  };
}

/** What the project API's `lintFiles` lints and finds. */
async function viaApi(): Promise<{ files: string[]; findings: Finding[]; problems: string[] }> {
  const report = await createFzlint({ cwd: dir }).lintFiles(['.']);
  return {
    files: report.results.map((r) => rel(r.filePath)).sort(),
    findings: report.results.flatMap((r) => r.diagnostics.map((d) => finding(rel(r.filePath), d.ruleId, d.start.line, d.start.column))).sort(),
    problems: report.problems.map((p) => p.id).sort(),
  };
}

/** What the language server's workspace diagnostics report (LSP positions are 0-based). */
async function viaLanguageServer(): Promise<{ files: string[]; findings: Finding[] }> {
  const engine = await loadEngine({});
  engine.resetConfig?.(dir);
  const configs = new ConfigResolver(engine);
  const service = new DiagnosticsService({ engine, configs, getSettings: () => Promise.resolve(DEFAULT_SETTINGS), workspaceFolders: () => [dir] });
  const workspace = new WorkspaceDiagnostics(service, () => '0', () => engine.files);
  const reports = await workspace.collect([dir], new Set(), new Map());
  const pathOf = (uri: string) => rel(fileURLToPath(uri));
  return {
    files: reports.map((r) => pathOf(r.uri)).sort(),
    findings: reports
      .flatMap((r) => (r.diagnostics ?? []).map((d) => finding(pathOf(r.uri), String(d.code), d.range.start.line + 1, d.range.start.character + 1)))
      .sort(),
  };
}

/** What remark-fzlint reports for each Markdown file remark would be given (it reads UTF-8 Markdown). */
async function viaRemark(paths: readonly string[]): Promise<{ files: string[]; findings: Finding[] }> {
  const files: string[] = [];
  const findings: Finding[] = [];
  for (const path of paths) {
    const file = await remark()
      .use(remarkFzlint)
      .process(new VFile({ path: join(dir, path), cwd: dir, value: readFileSync(join(dir, path), 'utf8') }));
    const messages = file.messages.filter((m) => m.source === 'fzlint');
    if (messages.length > 0) files.push(path);
    for (const m of messages) findings.push(finding(path, m.ruleId ?? '', m.line ?? 0, m.column ?? 0));
  }
  return { files: files.sort(), findings: findings.sort() };
}

/** What textlint-rule-fzlint reports for each file textlint would be given (UTF-8 Markdown and text). */
async function viaTextlint(paths: readonly string[]): Promise<{ files: string[]; findings: Finding[] }> {
  const base: TextlintKernelDescriptor = await loadTextlintrc();
  const linter = createLinter({ descriptor: base.shallowMerge({ rules: [{ ruleId: 'fzlint', rule: textlintRule, options: { minSeverity: 'info' } }] }) });
  const results = await linter.lintFiles(paths.map((p) => join(dir, p)));
  return {
    files: results.filter((r) => r.messages.length > 0).map((r) => rel(r.filePath)).sort(),
    findings: results.flatMap((r) => r.messages.map((m) => finding(rel(r.filePath), ruleOfMessage(m.message), m.line, m.column))).sort(),
  };
}

const only = (findings: readonly Finding[], file: string): Finding[] => findings.filter((f) => f.startsWith(`${file} `));

describe('the same folder through every front end', () => {
  const linted = [FILES.gbk, FILES.docx, FILES.markdown].sort();
  let cli: ReturnType<typeof viaCli>;

  beforeAll(() => {
    expect(cliIsBuilt(), 'build the CLI first (pnpm build)').toBe(true);
    cli = viaCli();
  });

  it('the CLI lints the Markdown, GBK and Word reports, and skips the ignored draft and the too-large file', () => {
    expect(cli.files).toEqual(linted);
    expect(cli.stderr).toContain(FILES.gbk); // decoded as GBK: said once
    expect(cli.stderr).toContain(FILES.large); // over the size cap: said once
    expect(cli.stderr).not.toContain('丁镇');
    // Every report has findings, so the comparisons below compare something.
    for (const file of linted) expect(only(cli.findings, file).length, file).toBeGreaterThan(0);
    expect(cli.findings).toContain(finding(FILES.docx, 'statistics/concluded-exceeds-received', 4, 19));
  });

  it('lintFiles of the project API gives the same files and findings', async () => {
    const api = await viaApi();
    expect(api.files).toEqual(cli.files);
    expect(api.findings).toEqual(cli.findings);
    expect(api.problems).toEqual(['gbk', 'tooLarge']);
  });

  it("the language server's workspace diagnostics give the same files and findings", async () => {
    const ls = await viaLanguageServer();
    expect(ls.files).toEqual(cli.files);
    expect(ls.findings).toEqual(cli.findings);
  });

  it('remark-fzlint, given the Markdown files, lints the same one and finds the same', async () => {
    const markdown = [FILES.markdown, FILES.draft, FILES.large];
    const r = await viaRemark(markdown);
    expect(r.files).toEqual([FILES.markdown]);
    expect(r.findings).toEqual(only(cli.findings, FILES.markdown));
  });

  it('textlint-rule-fzlint, given the UTF-8 Markdown and text files, lints the same one and finds the same', async () => {
    const t = await viaTextlint([FILES.markdown, FILES.draft, FILES.large]);
    expect(t.files).toEqual([FILES.markdown]);
    expect(t.findings).toEqual(only(cli.findings, FILES.markdown));
  });
});
