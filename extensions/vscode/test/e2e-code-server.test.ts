/**
 * Real VS Code tier: code-server (VS Code web, from npm, under Node 24) installs the packaged .vsix,
 * opens a fixture workspace in Debian's headless Chromium, and a test-only harness extension asserts
 * through the vscode API. Missing code-server or Chromium is a failure: run scripts/e2e/setup.sh.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EXTENSION_ROOT, packageExtension, packageFolder } from './package-vsix.js';

const repo = path.resolve(EXTENSION_ROOT, '../..');
const e2eHome = process.env['FZLINT_E2E_HOME'] ?? path.join(homedir(), '.cache/fzlint-e2e');
const runScript = path.join(repo, 'scripts/e2e/run-code-server.sh');
const harness = path.join(repo, 'scripts/e2e/code-server/harness');
const corpus = path.join(repo, 'fixtures/corpus/full');

interface Step {
  step: string;
  data: unknown;
}

const dir = mkdtempSync(path.join(tmpdir(), 'fzlint-cs-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function requireInstalled(): void {
  const missing = [
    path.join(e2eHome, 'cs/node_modules/.bin/code-server'),
    path.join(e2eHome, 'node24/package/bin/node'),
    process.env['CHROMIUM'] ?? '/usr/bin/chromium',
  ].filter((p) => !existsSync(p));
  if (missing.length > 0) {
    throw new Error(`code-server tier not installed (missing ${missing.join(', ')}): run scripts/e2e/setup.sh and re-run the tests.`);
  }
}

/** The workspace: an open report with an injected typo, a closed report, and notes that are not a report. */
function makeWorkspace(): string {
  const ws = path.join(dir, 'ws');
  mkdirSync(ws, { recursive: true });
  const report = readFileSync(path.join(corpus, '003_5b463c698add1c1a.txt'), 'utf8');
  const at = report.indexOf('法治', report.indexOf('\n', report.indexOf('2022年,')));
  writeFileSync(path.join(ws, 'report.md'), `${report.slice(0, at)}法冶${report.slice(at + 2)}`);
  writeFileSync(path.join(ws, 'other-report.md'), readFileSync(path.join(corpus, '004_5c1a682909791d61.txt'), 'utf8'));
  writeFileSync(path.join(ws, 'notes.md'), '# 周末计划\n\n去公园，法冶。\n');
  return ws;
}

function run(args: string[], ms: number): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    // Own process group, so a timeout takes code-server, Chromium and the servers down together.
    const child = spawn('bash', [runScript, ...args], { detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid!, 'SIGTERM');
      } catch {
        // Gone.
      }
    }, ms);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

describe('code-server (real VS Code) with the packaged extension', () => {
  it('shows diagnostics, offers and applies the quick fix, hovers (catalogue and figures), completes after 《, outlines, and follows settings', async () => {
    requireInstalled();
    const fzlintVsix = path.join(dir, 'fzlint-vscode.vsix');
    const harnessVsix = path.join(dir, 'harness.vsix');
    packageExtension(fzlintVsix);
    packageFolder(harness, harnessVsix);
    const ws = makeWorkspace();
    const resultFile = path.join(dir, 'result.json');
    const r = await run([fzlintVsix, harnessVsix, ws, resultFile], 240_000);
    expect(existsSync(resultFile), `no result (exit ${r.code}):\n${r.output}`).toBe(true);
    const result = JSON.parse(readFileSync(resultFile, 'utf8')) as { ok: boolean; error?: string; steps: Step[] };
    expect(result.error ?? null).toBeNull();
    expect(result.ok).toBe(true);
    expect(r.code).toBe(0);

    const get = <T>(name: string) => result.steps.find((s) => s.step === name)?.data as T;
    const opened = get<{ code: string; message: string }[]>('diagnostics_after_open');
    const typo = opened.find((d) => d.code === 'style/domain-typo' && d.message.includes('法冶'));
    expect(typo?.message).toMatch(/[\u4e00-\u9fff]/u);
    expect(get<{ title: string }[]>('code_actions').map((a) => a.title)).toContain('改为“法治”');
    expect(get<string>('fixed_text')).toContain('法治');
    expect(get<string[]>('hover').join('\n')).toContain('法治政府建设实施纲要');
    expect(get<string[]>('hover').join('\n')).toMatch(/状态: 成稿时/u);
    const outline = get<{ name: string; detail?: string }[]>('outline');
    expect(outline.map((s) => s.detail)).toEqual(expect.arrayContaining(['主要举措和成效', '下一年度主要安排']));
    const ws2 = get<{ closed: string[]; notes: number }>('workspace_diagnostics');
    expect(ws2.closed.length).toBeGreaterThan(0);
    expect(ws2.notes).toBe(0);
    const completion = get<{ count: number; insert: string; detail: string }>('completion');
    expect(completion.insert).toBe('中华人民共和国行政处罚法》（2021年修订）');
    expect(completion.detail).toContain('2021年修订');
    const figure = get<string[]>('figure_hover').join('\n');
    expect(figure).toContain('**数据**：行政复议案件 · 受理 · 本报告口径 · 本年');
    expect(figure).toMatch(/- 第\d+行：120件（与此处不一致）/u);
    const off = get<{ rule: string; codes: string[] }>('rule_off');
    expect(off.codes).not.toContain(off.rule);
    expect(get<string[]>('locale_en').length).toBeGreaterThan(0);
  });
});
