import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
/** The built binary under test. */
export const BIN = resolve(here, '..', 'bin', 'fzlint.js');
/** The fixture report repository (copied before each use: tests write into it). */
export const FIXTURE_REPO = resolve(here, '..', '..', '..', 'fixtures', 'repo');
/** The five whole corpus reports. */
const CORPUS_FULL = resolve(here, '..', '..', '..', 'fixtures', 'corpus', 'full');

/** The outcome of one run of the binary. */
export interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  /** stderr split into lines, without the empty last one. */
  readonly errLines: readonly string[];
}

/** Runs `node bin/fzlint.js …args` in `cwd`, with colours off and optional stdin. */
export function fzlint(cwd: string, args: readonly string[], input?: string | Buffer, extraEnv: NodeJS.ProcessEnv = {}): Run {
  const env = runEnv();
  Object.assign(env, extraEnv);
  for (const [k, v] of Object.entries(extraEnv)) if (v === undefined) delete env[k];
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    env,
    encoding: 'utf8',
    ...(input !== undefined ? { input } : {}),
    maxBuffer: 64 * 1024 * 1024,
    // A run that hangs fails its test (status null) instead of stalling the suite.
    timeout: 180_000,
    killSignal: 'SIGKILL',
  });
  const stderr = r.stderr ?? '';
  return { code: r.status, stdout: r.stdout ?? '', stderr, errLines: stderr.split('\n').filter((l) => l !== '') };
}

/** The environment a run of the binary gets: this process's, with colours off. */
export function runEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  delete env['FORCE_COLOR'];
  return env;
}

/** `node bin/fzlint.js …args` as one command line for `bash -c`, each word single-quoted. */
export function shellCommand(args: readonly string[]): string {
  return [process.execPath, BIN, ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
}

/**
 * A project of 40 copies of the corpus reports (`00.md` … `39.md`), whose JSON output is several
 * MB, far more than a pipe or a socket holds; and a folder beside it for a shell run's output.
 */
export function largeOutputProject(prefix: string): { dir: string; outputs: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), `${prefix}-`));
  const outputs = mkdtempSync(join(tmpdir(), `${prefix}-out-`));
  writeFileSync(join(dir, 'fzlint.config.json'), '{ "root": true }\n');
  const reports = readdirSync(CORPUS_FULL);
  for (let i = 0; i < 40; i++) copyFileSync(join(CORPUS_FULL, reports[i % reports.length]!), join(dir, `${String(i).padStart(2, '0')}.md`));
  return {
    dir,
    outputs,
    cleanup: () => {
      rmSync(dir, { recursive: true, force: true });
      rmSync(outputs, { recursive: true, force: true });
    },
  };
}

/** A fresh copy of the fixture repository in a temporary folder. */
export function copyRepo(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'fzlint-repo-'));
  cpSync(FIXTURE_REPO, dir, { recursive: true });
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** ESLint's JSON shape as fzlint prints it. */
export interface JsonResult {
  filePath: string;
  messages: { ruleId: string; severity: 1 | 2; fzlintSeverity: string; message: string; line: number; column: number; endLine: number; endColumn: number; fix?: unknown }[];
  errorCount: number;
  warningCount: number;
  infoCount: number;
  output?: string;
}

/** Parses `--format json` output. */
export function parseJson(stdout: string): JsonResult[] {
  return JSON.parse(stdout) as JsonResult[];
}

/** The result for a file whose path ends with `suffix`. */
export function resultFor(results: readonly JsonResult[], suffix: string): JsonResult {
  const found = results.find((r) => r.filePath.replace(/\\/g, '/').endsWith(suffix));
  if (!found) throw new Error(`no result for ${suffix} in ${results.map((r) => r.filePath).join(', ')}`);
  return found;
}

/** Rule ids of a result's messages, in order. */
export function ruleIds(result: JsonResult): string[] {
  return result.messages.map((m) => m.ruleId);
}

/** Reads a text file. */
export function read(path: string): string {
  return readFileSync(path, 'utf8');
}

/** Fixture file names (kept here so renaming one breaks loudly in one place). */
export const FILES = {
  jia: 'reports/2023年度甲县法治政府建设情况报告.md',
  yi: 'reports/2022年度乙镇法治政府建设情况报告.txt',
  bing: 'reports/county/2021年度丙区法治政府建设情况报告.md',
  ding: 'standalone/2022年度丁镇法治政府建设情况报告.txt',
  directives: 'reports/directives.md',
  empty: 'reports/空白.md',
  draft: 'drafts/2023年度草稿.md',
  archived: 'archive/2019年度法治政府建设情况报告.md',
} as const;
