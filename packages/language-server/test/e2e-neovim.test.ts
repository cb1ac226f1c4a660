/**
 * Real-client tier: headless Neovim (Debian's 0.7.x) starts the built server for a report buffer,
 * receives its diagnostics, sends an edit, and applies a quick fix through its own LSP client.
 * Missing Neovim is a failure, not a skip: run scripts/e2e/setup.sh.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { LineMap } from '../src/convert.js';
import { SERVER_BIN } from './lsp-client.js';

const repo = fileURLToPath(new URL('../../../', import.meta.url));
const script = path.join(repo, 'scripts/e2e/nvim/e2e.lua');
const REPORT = readFileSync(path.join(repo, 'fixtures/corpus/full/003_5b463c698add1c1a.txt'), 'utf8');
const AT = REPORT.indexOf('法治', REPORT.indexOf('\n', REPORT.indexOf('2022年,')) );
const DEFECTIVE = `${REPORT.slice(0, AT)}法冶${REPORT.slice(AT + 2)}`;
const position = new LineMap(DEFECTIVE).positionAt(AT);
/** Neovim reports columns as byte offsets into the line; the server sent UTF-16. */
const lineText = DEFECTIVE.split(/\r?\n/u)[position.line] ?? '';
const defect = { line: position.line, character: Buffer.byteLength(lineText.slice(0, position.character), 'utf8') };

interface Step {
  step: string;
  data: unknown;
}
interface NvimDiagnostic {
  lnum: number;
  col: number;
  code: string;
  source: string;
  message: string;
}

const dir = mkdtempSync(path.join(tmpdir(), 'fzlint-nvim-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function nvimVersion(): string | undefined {
  const r = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.split('\n')[0] : undefined;
}

/** Runs nvim in its own process group and kills the whole group when it ends or times out. */
function runNvim(env: NodeJS.ProcessEnv, ms: number): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn('nvim', ['--headless', '-u', 'NONE', '-i', 'NONE', '-n', '-c', `luafile ${script}`], {
      cwd: dir,
      env: { ...process.env, ...env, XDG_STATE_HOME: dir, XDG_DATA_HOME: dir, XDG_CONFIG_HOME: dir },
      detached: true,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const killGroup = () => {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // Already gone.
      }
    };
    const timer = setTimeout(killGroup, ms);
    child.on('exit', (code) => {
      clearTimeout(timer);
      killGroup();
      resolve({ code, stderr });
    });
  });
}

describe('Neovim (headless) as the LSP client', () => {
  it('receives the diagnostics, re-lints after an edit, and applies a quick fix', async () => {
    const version = nvimVersion();
    if (!version) {
      throw new Error('Neovim (nvim) is not installed: run scripts/e2e/setup.sh (installs the Debian package neovim) and re-run the tests.');
    }
    expect(existsSync(SERVER_BIN)).toBe(true);
    const file = path.join(dir, 'report.txt');
    const out = path.join(dir, 'out.json');
    writeFileSync(file, DEFECTIVE);
    const run = await runNvim({ FZLINT_SERVER: SERVER_BIN, E2E_FILE: file, E2E_OUT: out }, 120_000);
    expect(existsSync(out), `nvim wrote no result (exit ${run.code}): ${run.stderr}`).toBe(true);
    const result = JSON.parse(readFileSync(out, 'utf8')) as { ok: boolean; error?: string; steps: Step[] };
    expect(result.error ?? null).toBeNull();
    expect(result.ok).toBe(true);
    expect(run.code).toBe(0);

    const get = (name: string) => result.steps.find((s) => s.step === name)?.data;
    const opened = get('diagnostics_after_open') as NvimDiagnostic[];
    const typo = opened.find((d) => d.code === 'style/domain-typo')!;
    expect(typo).toMatchObject({ lnum: defect.line, col: defect.character, source: 'fzlint' });
    expect(typo.message).toContain('法治');
    const edited = get('diagnostics_after_edit') as NvimDiagnostic[];
    // The edit inserted a line holding another typo right below the first.
    expect(edited.some((d) => d.code === 'style/domain-typo' && d.lnum === defect.line + 1)).toBe(true);
    const actions = get('code_actions') as { title: string; kind: string }[];
    expect(actions.map((a) => a.title)).toContain('改为“法治”');
    const after = get('diagnostics_after_code_action') as NvimDiagnostic[];
    expect(after.some((d) => d.code === 'style/domain-typo' && d.lnum === defect.line && d.col === defect.character)).toBe(false);
    expect(get('fixed_line') as string).toBe(lineText.replace('法冶', '法治'));
    expect(get('inserted_line') as string).toContain('法冶');
  });
});
