import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The host tool, run as a user runs it: remark-cli's bin in a folder where
// `remark-fzlint` is installed (node_modules/remark-fzlint → this package).
const packageDir = fileURLToPath(new URL('..', import.meta.url));
const remarkBin = join(packageDir, 'node_modules', 'remark-cli', 'cli.js');
const fixture = fileURLToPath(new URL('./fixtures/report.md', import.meta.url));

const dirs: string[] = [];

beforeAll(() => {
  expect(existsSync(join(packageDir, 'dist', 'index.js')), 'build remark-fzlint first (pnpm build)').toBe(true);
});

afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** A temporary project with the fixture report, the plugin installed and the given files. */
function project(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'remark-fzlint-'));
  dirs.push(dir);
  mkdirSync(join(dir, 'node_modules'));
  symlinkSync(packageDir, join(dir, 'node_modules', 'remark-fzlint'), 'dir');
  copyFileSync(fixture, join(dir, 'report.md'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

function remark(cwd: string, args: readonly string[] = ['report.md']): { code: number | null; out: string } {
  const r = spawnSync(process.execPath, [remarkBin, ...args, '--no-stdout', '--no-color'], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
  });
  return { code: r.status, out: `${r.stdout}${r.stderr}` };
}

/** vfile-reporter's message lines: `place  label  reason  ruleId  source`. */
function messageLines(out: string): { place: string; label: string; ruleId: string }[] {
  const lines: { place: string; label: string; ruleId: string }[] = [];
  for (const line of out.split('\n')) {
    // Messages without a position (config errors) have no place column.
    const m = /^\s*(\d+:\d+(?:-\d+:\d+)?)?\s+(error|warning|info)\s+.*?\s(\S+\/\S+|config-error)\s+fzlint\s*$/.exec(line);
    if (m) lines.push({ place: m[1] ?? '', label: m[2]!, ruleId: m[3]! });
  }
  return lines;
}

const rc = (options: unknown): Record<string, string> => ({ '.remarkrc.json': JSON.stringify({ plugins: [['remark-fzlint', options]] }) });

describe('remark-cli with remark-fzlint', () => {
  it('reports every finding with its range, severity and rule id, and exits 1 on errors', () => {
    const dir = project(rc({ reportYear: 2023 }));
    const { code, out } = remark(dir);
    expect(code).toBe(1);
    expect(messageLines(out)).toEqual([
      { place: '1:3-1:28', label: 'error', ruleId: 'structure/required-section' },
      { place: '3:29-3:31', label: 'warning', ruleId: 'style/domain-typo' },
      { place: '7:19-7:23', label: 'error', ruleId: 'statistics/concluded-exceeds-received' },
      { place: '11:4-11:24', label: 'warning', ruleId: 'structure/shortcomings-without-causes' },
      { place: '21:1-21:11', label: 'info', ruleId: 'structure/disclosure-deadline' },
    ]);
    expect(out).toContain('审结数（115件）大于收到数（106件）');
    expect(out).toMatch(/2 errors.*2 warnings/);
  });

  it('takes rule settings like the CLI config: turning the errors off exits 0, --frail fails on warnings', () => {
    const dir = project(
      rc({ rules: { 'structure/required-section': 'off', 'statistics/concluded-exceeds-received': 'warn' } }),
    );
    const lenient = remark(dir);
    expect(lenient.code).toBe(0);
    const lines = messageLines(lenient.out);
    expect(lines.map((l) => l.ruleId)).not.toContain('structure/required-section');
    expect(lines.find((l) => l.ruleId === 'statistics/concluded-exceeds-received')?.label).toBe('warning');
    expect(remark(dir, ['report.md', '--frail']).code).toBe(1);
  });

  it('English messages with locale: en', () => {
    const dir = project(rc({ locale: 'en' }));
    const { out } = remark(dir);
    expect(out).toMatch(/115/);
    expect(out).not.toContain('审结数（115件）大于收到数');
    expect(messageLines(out)).toHaveLength(5);
  });

  it('finds fzlint.config.json upward from the file; plugin options win over it', () => {
    const config = JSON.stringify({ rules: { 'style/domain-typo': 'off', 'structure/required-section': 'off' } });
    const dir = project({ ...rc({ rules: { 'structure/required-section': 'error' } }), 'fzlint.config.json': config });
    const ids = messageLines(remark(dir).out).map((l) => l.ruleId);
    expect(ids).not.toContain('style/domain-typo');
    expect(ids).toContain('structure/required-section');
    const noDiscovery = project({ ...rc({ discoverConfig: false }), 'fzlint.config.json': config });
    expect(messageLines(remark(noDiscovery).out).map((l) => l.ruleId)).toContain('style/domain-typo');
  });

  it('honours the config ignorePatterns and the inline fzlint directives', () => {
    const ignored = project({ ...rc({}), 'fzlint.config.json': JSON.stringify({ ignorePatterns: ['report.md'] }) });
    const r = remark(ignored);
    expect(r.code).toBe(0);
    expect(messageLines(r.out)).toEqual([]);

    const dir = project(rc({}));
    const text = readFileSync(join(dir, 'report.md'), 'utf8').replace(
      '全年共收到',
      '<!-- fzlint-disable-next-line statistics/concluded-exceeds-received -->\n全年共收到',
    );
    writeFileSync(join(dir, 'report.md'), text);
    expect(messageLines(remark(dir).out).map((l) => l.ruleId)).not.toContain('statistics/concluded-exceeds-received');
  });

  it('a bad option is one fatal message naming the key (no stack trace)', () => {
    const dir = project(rc({ rules: { 'statistics/rate-mismatch': 'warning' } }));
    const { code, out } = remark(dir);
    expect(code).toBe(1);
    expect(out).toContain('rules["statistics/rate-mismatch"]');
    expect(out).not.toMatch(/\n\s+at .*\.js:\d+/);
  });

  it('a bad fzlint.config.json becomes one fatal config-error message', () => {
    const dir = project({ ...rc({}), 'fzlint.config.json': JSON.stringify({ rule: {} }) });
    const { code, out } = remark(dir);
    expect(code).toBe(1);
    expect(messageLines(out)).toEqual([expect.objectContaining({ label: 'error', ruleId: 'config-error' })]);
    expect(out).toContain('是否应为 rules？');
  });

  it('config file errors follow the locale option', () => {
    const dir = project({ ...rc({ locale: 'en' }), 'fzlint.config.json': JSON.stringify({ rule: {} }) });
    const { code, out } = remark(dir);
    expect(code).toBe(1);
    expect(out).toContain('did you mean rules?');
  });
});
