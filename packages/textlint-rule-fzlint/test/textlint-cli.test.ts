import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// textlint's own CLI, run in a folder where `textlint-rule-fzlint` is installed
// (node_modules/textlint-rule-fzlint → this package), as a user runs it.
const packageDir = fileURLToPath(new URL('..', import.meta.url));
const textlintBin = join(packageDir, 'node_modules', 'textlint', 'bin', 'textlint.js');
const fixture = fileURLToPath(new URL('./fixtures/report.md', import.meta.url));

const dirs: string[] = [];

beforeAll(() => {
  expect(existsSync(join(packageDir, 'dist', 'index.js')), 'build textlint-rule-fzlint first (pnpm build)').toBe(true);
});

afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function project(ruleOptions: unknown, files: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'textlint-rule-fzlint-'));
  dirs.push(dir);
  mkdirSync(join(dir, 'node_modules'));
  symlinkSync(packageDir, join(dir, 'node_modules', 'textlint-rule-fzlint'), 'dir');
  copyFileSync(fixture, join(dir, 'report.md'));
  writeFileSync(join(dir, '.textlintrc.json'), JSON.stringify({ rules: { fzlint: ruleOptions } }));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

function textlint(cwd: string, args: readonly string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [textlintBin, '--no-color', ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

interface JsonMessage {
  ruleId: string;
  message: string;
  line: number;
  column: number;
  range: [number, number];
  severity: number;
  fix?: { range: [number, number]; text: string };
}

function messages(cwd: string, args: readonly string[] = ['report.md']): { code: number | null; list: JsonMessage[] } {
  const r = textlint(cwd, ['--format', 'json', ...args]);
  const results = JSON.parse(r.stdout) as { filePath: string; messages: JsonMessage[] }[];
  return { code: r.code, list: results.flatMap((x) => x.messages) };
}

const fzlintId = (m: JsonMessage) => /^\[([^\]]+)\]/.exec(m.message)?.[1];

describe('textlint with the fzlint rule', () => {
  it('stylish output: each finding at its line:column, message prefixed with the fzlint rule id; exit 1', () => {
    const dir = project({ reportYear: 2023 });
    const r = textlint(dir, ['report.md']);
    expect(r.code).toBe(1);
    const lines = r.stdout.split('\n').filter((l) => /^\s+\d+:\d+\s/.test(l));
    expect(lines.map((l) => /^\s+(\d+:\d+)\s.*?\[([^\]]+)\]/.exec(l)!.slice(1, 3))).toEqual([
      ['1:3', 'structure/required-section'],
      ['3:29', 'style/domain-typo'],
      ['7:19', 'statistics/concluded-exceeds-received'],
      ['11:4', 'structure/shortcomings-without-causes'],
    ]);
    expect(r.stdout).toContain('审结数（115件）大于收到数（106件）');
    expect(r.stdout).toMatch(/1 fixable problem/);
  });

  it('JSON output: ranges are fzlint ranges, the typo carries its fix', () => {
    const dir = project({});
    const text = readFileSync(fixture, 'utf8');
    const { code, list } = messages(dir);
    expect(code).toBe(1);
    const count = list.find((m) => fzlintId(m) === 'statistics/concluded-exceeds-received')!;
    expect(text.slice(count.range[0], count.range[1])).toBe('115件');
    expect([count.line, count.column]).toEqual([7, 19]);
    expect(count.ruleId).toBe('fzlint');
    const typo = list.find((m) => fzlintId(m) === 'style/domain-typo')!;
    expect(text.slice(typo.range[0], typo.range[1])).toBe('法冶');
    expect(typo.fix).toEqual({ range: typo.range, text: '法治' });
  });

  it('minSeverity chooses which fzlint severities are reported', () => {
    const ids = (minSeverity: string) => messages(project({ minSeverity })).list.map(fzlintId);
    const all = ids('info');
    expect(all).toContain('structure/disclosure-deadline');
    expect(all).toHaveLength(5);
    expect(ids('error')).toEqual(['structure/required-section', 'statistics/concluded-exceeds-received']);
  });

  it('rule settings as in fzlint.config.json; textlint severity "warning" exits 0', () => {
    const dir = project({ rules: { 'structure/required-section': 'off' }, severity: 'warning' });
    const { code, list } = messages(dir);
    expect(code).toBe(0);
    expect(list.map(fzlintId)).not.toContain('structure/required-section');
    expect(list.every((m) => m.severity === 1)).toBe(true);
  });

  it('textlint --fix writes fzlint fixes; --dry-run leaves the file alone', () => {
    const dir = project({});
    const dry = textlint(dir, ['--fix', '--dry-run', '--format', 'diff', 'report.md']);
    expect(dry.stdout).toContain('法治政府建设。现将');
    expect(readFileSync(join(dir, 'report.md'), 'utf8')).toContain('推进法冶政府建设');

    const fixed = textlint(dir, ['--fix', 'report.md']);
    expect(fixed.code).toBe(1); // the errors without a fix remain
    expect(fixed.stdout).toMatch(/Fixed 1 problem/);
    const after = readFileSync(join(dir, 'report.md'), 'utf8');
    expect(after).toBe(readFileSync(fixture, 'utf8').replace('推进法冶政府建设', '推进法治政府建设'));
    // Re-linted, nothing fixable is left.
    expect(messages(dir).list.filter((m) => m.fix)).toEqual([]);
  });

  it('plain-text reports (.txt) are linted as plain text', () => {
    const text = readFileSync(fixture, 'utf8').replace(/^#+ /gm, '');
    const dir = project({}, { 'report.txt': text });
    const { code, list } = messages(dir, ['report.txt']);
    expect(code).toBe(1);
    const count = list.find((m) => fzlintId(m) === 'statistics/concluded-exceeds-received')!;
    expect(text.slice(count.range[0], count.range[1])).toBe('115件');
  });

  it('finds fzlint.config.json (options win; ignorePatterns skip the file); discoverConfig false ignores it', () => {
    const config = JSON.stringify({ rules: { 'style/domain-typo': 'off', 'structure/required-section': 'off' } });
    const found = messages(project({ rules: { 'structure/required-section': 'error' } }, { 'fzlint.config.json': config })).list.map(fzlintId);
    expect(found).not.toContain('style/domain-typo');
    expect(found).toContain('structure/required-section');
    const off = messages(project({ discoverConfig: false }, { 'fzlint.config.json': config })).list.map(fzlintId);
    expect(off).toContain('style/domain-typo');
    const ignored = messages(project({}, { 'fzlint.config.json': JSON.stringify({ ignorePatterns: ['*.md'] }) }));
    expect(ignored).toEqual({ code: 0, list: [] });
  });

  it('English messages with locale en', () => {
    const { list } = messages(project({ locale: 'en' }));
    expect(list.find((m) => fzlintId(m) === 'statistics/concluded-exceeds-received')!.message).toMatch(/115/);
    expect(list.map((m) => m.message).join('\n')).not.toMatch(/大于收到数/);
  });

  it('a bad option is one config-error message naming the key, not a crash', () => {
    const { code, list } = messages(project({ rules: { 'statistics/rate-mismach': 'off' } }));
    expect(code).toBe(1);
    expect(list).toHaveLength(1);
    expect(list[0]!.message).toMatch(/^\[config-error\] .*是否应为 statistics\/rate-mismatch[？、]/);
    const en = messages(project({ locale: 'en', rules: { 'statistics/rate-mismach': 'off' } }));
    expect(en.list[0]!.message).toMatch(/^\[config-error\] .*did you mean statistics\/rate-mismatch[?,]/);
  });

  it('a bad fzlint.config.json is reported in the locale option\'s language', () => {
    const bad = JSON.stringify({ rule: {} });
    const zh = messages(project({}, { 'fzlint.config.json': bad }));
    expect(zh.list.map((m) => m.message)).toEqual([expect.stringMatching(/^\[config-error\] .*是否应为 rules？/)]);
    const en = messages(project({ locale: 'en' }, { 'fzlint.config.json': bad }));
    expect(en.list.map((m) => m.message)).toEqual([expect.stringMatching(/^\[config-error\] .*did you mean rules\?/)]);
  });
});
