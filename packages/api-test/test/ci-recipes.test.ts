import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { CLI_BIN, PACKAGE_DIR, REPO_DIR, cliIsBuilt, runFzlint } from '../src/index.js';

// Every recipe of docs/ci.md is read from the page itself, so the page and the
// tests cannot drift apart: the fzlint command of each recipe is run (through
// the built CLI instead of `npx fzlint`) on a copy of a fixture repository.
const doc = readFileSync(join(REPO_DIR, 'docs', 'ci.md'), 'utf8');
const fixtureRepo = join(PACKAGE_DIR, 'test', 'fixtures', 'ci-repo');
const BAD = 'reports/2023年度乙县法治政府建设情况报告.md';
const CLEAN_MD = 'reports/2023年度丙镇法治政府建设情况报告.md';
const CLEAN_TXT = 'reports/2023年度丁乡法治政府建设情况报告.txt';

const dirs: string[] = [];
beforeAll(() => {
  expect(cliIsBuilt(), 'build the CLI first (pnpm --filter @fzlint/cli build)').toBe(true);
});
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** A fresh copy of the fixture repository; `clean` leaves out the report with errors. */
function repo(options: { clean?: boolean } = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'fzlint-ci-'));
  dirs.push(dir);
  cpSync(fixtureRepo, dir, { recursive: true });
  if (options.clean) rmSync(join(dir, BAD));
  return dir;
}

/** The fenced block of the page whose text contains `marker`. */
function block(marker: string): string {
  const blocks = [...doc.matchAll(/```(\w+)\n([\s\S]*?)```/g)].map((m) => m[2]!);
  const found = blocks.filter((b) => b.includes(marker));
  expect(found, `one block of docs/ci.md contains ${marker}`).toHaveLength(1);
  return found[0]!;
}

/** The arguments of the `npx fzlint …` command in a block (the recipes use no quoting). */
function fzlintArgs(text: string): string[] {
  const m = /npx fzlint\b([^\n#]*)/.exec(text);
  expect(m, 'the block runs npx fzlint').not.toBeNull();
  return m![1]!.trim().split(/\s+/).filter((a) => a !== '');
}

function exists(dir: string, relative: string): boolean {
  return existsSync(join(dir, relative));
}

describe('docs/ci.md: GitHub Actions', () => {
  const workflow = block('upload-sarif');
  const args = fzlintArgs(workflow);

  it('the workflow checks out, sets up Node 20, runs fzlint and uploads the SARIF file even when fzlint fails', () => {
    interface Step {
      uses?: string;
      run?: string;
      if?: string;
      with?: Record<string, unknown>;
    }
    const parsed = parseYaml(workflow) as {
      on: Record<string, unknown>;
      permissions: Record<string, string>;
      jobs: Record<string, { 'runs-on': string; steps: Step[] }>;
    };
    expect(Object.keys(parsed.on)).toEqual(expect.arrayContaining(['push', 'pull_request']));
    expect(parsed.permissions['security-events']).toBe('write');
    const steps = Object.values(parsed.jobs)[0]!.steps;
    const index = (pred: (s: Step) => boolean) => steps.findIndex(pred);
    const checkout = index((s) => /^actions\/checkout@v\d+$/.test(s.uses ?? ''));
    const node = index((s) => /^actions\/setup-node@v\d+$/.test(s.uses ?? ''));
    const lint = index((s) => (s.run ?? '').startsWith('npx fzlint '));
    const upload = index((s) => /^github\/codeql-action\/upload-sarif@v\d+$/.test(s.uses ?? ''));
    expect([checkout, node, lint, upload].every((i) => i >= 0)).toBe(true);
    expect(checkout < node && node < lint && lint < upload).toBe(true);
    expect(steps[node]!.with?.['node-version']).toBe(20);
    expect(steps[upload]!.if).toBe('${{ !cancelled() }}');
    const sarifTarget = args.find((a) => a.startsWith('sarif:'))!;
    expect(steps[upload]!.with?.['sarif_file']).toBe(sarifTarget.slice('sarif:'.length));
    expect(args).toContain('github');
  });

  it('the command prints annotations, writes a valid SARIF file and exits 1 on errors', () => {
    const dir = repo();
    const r = runFzlint(args, { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    const annotations = r.stdout.split('\n').filter((l) => l.startsWith('::'));
    expect(annotations.length).toBe(r.stdout.trim().split('\n').length);
    const parsed = annotations.map((l) => {
      const m = /^::(error|warning|notice) file=([^,]+),line=(\d+),col=(\d+),endLine=(\d+),endColumn=(\d+),title=fzlint \(([^)]+)\)::(.+)$/.exec(l);
      expect(m, l).not.toBeNull();
      return { level: m![1]!, file: decodeURIComponent(m![2]!), line: Number(m![3]), ruleId: m![7]! };
    });
    expect(parsed.map((a) => a.level).sort()).toEqual(['error', 'error', 'notice', 'warning', 'warning']);
    for (const a of parsed) {
      expect(a.file).toBe(BAD);
      expect(a.line).toBeGreaterThanOrEqual(1);
    }
    expect(parsed.map((a) => a.ruleId)).toContain('statistics/concluded-exceeds-received');

    const sarifPath = args.find((a) => a.startsWith('sarif:'))!.slice('sarif:'.length);
    const log = JSON.parse(readFileSync(join(dir, sarifPath), 'utf8'));
    expect(log.version).toBe('2.1.0');
    expect(log.$schema).toMatch(/sarif/);
    const run = log.runs[0];
    expect(run.tool.driver.name).toBe('fzlint');
    const ruleIds = new Set(run.tool.driver.rules.map((rule: { id: string }) => rule.id));
    expect(run.results).toHaveLength(parsed.length);
    for (const result of run.results) {
      expect(ruleIds.has(result.ruleId)).toBe(true);
      expect(['error', 'warning', 'note']).toContain(result.level);
      const location = result.locations[0].physicalLocation;
      const uri = decodeURI(location.artifactLocation.uri);
      expect(exists(dir, uri), uri).toBe(true);
      expect(location.region.startLine).toBeGreaterThanOrEqual(1);
    }
  });

  it('a clean repository exits 0, prints no annotation and still writes a SARIF file (empty results)', () => {
    const dir = repo({ clean: true });
    const r = runFzlint(args, { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    const sarifPath = args.find((a) => a.startsWith('sarif:'))!.slice('sarif:'.length);
    expect(JSON.parse(readFileSync(join(dir, sarifPath), 'utf8')).runs[0].results).toEqual([]);
  });
});

// @fzlint/linter's getFormatter knows `gitlab`; the CLI must let the name through.
const ACCEPTS_GITLAB = 'the CLI must accept --format gitlab (FORMATTER_NAMES in packages/cli/src/args.ts)';

describe('docs/ci.md: GitHub Actions cache', () => {
  const steps = block('actions/cache');
  const args = fzlintArgs(steps);

  it('restores and saves the file fzlint caches to', () => {
    const parsed = parseYaml(steps) as { uses?: string; with?: { path: string }; run?: string }[];
    const cacheStep = parsed.find((s) => s.uses?.startsWith('actions/cache@'));
    const location = args[args.indexOf('--cache-location') + 1];
    expect(args).toContain('--cache');
    expect(cacheStep?.with?.path).toBe(location);
  });

  it('a second run on a fresh checkout (new mtimes) reuses every result, and an edited report is linted again', () => {
    const dir = repo();
    const location = join(dir, args[args.indexOf('--cache-location') + 1]!);
    const first = runFzlint(args, { cwd: dir });
    expect(first.code).toBe(1);
    const stats = () => (JSON.parse(readFileSync(location, 'utf8')) as { lastRun: { hits: number; misses: number } }).lastRun;
    const files = stats().misses;
    expect(files).toBeGreaterThan(1);
    // A checkout writes every file anew: same content, new modification time.
    for (const file of [BAD, CLEAN_MD, CLEAN_TXT]) writeFileSync(join(dir, file), readFileSync(join(dir, file)));
    const second = runFzlint(args, { cwd: dir });
    expect(second.stdout).toBe(first.stdout);
    expect(stats()).toEqual({ hits: files, misses: 0 });
    writeFileSync(join(dir, CLEAN_MD), readFileSync(join(dir, CLEAN_MD), 'utf8') + '\n');
    runFzlint(args, { cwd: dir });
    expect(stats()).toEqual({ hits: files - 1, misses: 1 });
    // What the page shows with jq: `.lastRun`, and `.files | keys` (the files linted).
    const cache = JSON.parse(readFileSync(location, 'utf8')) as { files: Record<string, unknown> };
    expect(Object.keys(cache.files)).toHaveLength(files);
    expect(Object.keys(cache.files)).toContain(join(dir, CLEAN_MD));
  });
});

describe('docs/ci.md: GitLab CI', () => {
  const job = block('codequality:');
  const args = fzlintArgs(job);
  const target = args.find((a) => a.startsWith('gitlab:'));

  it('the job writes the report the artifact names, and keeps it when the job fails', () => {
    const parsed = parseYaml(job) as Record<
      string,
      { image: string; script: string[]; artifacts: { when: string; reports: { codequality: string } } }
    >;
    const [name, spec] = Object.entries(parsed)[0]!;
    expect(name).toBe('fzlint');
    expect(spec.image).toBe('node:20');
    expect(spec.script.some((line) => line.startsWith('npx fzlint '))).toBe(true);
    expect(target).toBeDefined();
    expect(spec.artifacts.reports.codequality).toBe(target!.slice('gitlab:'.length));
    expect(spec.artifacts.when).toBe('always');
  });

  it('the command writes a GitLab Code Quality report and exits 1 on errors', () => {
    const dir = repo();
    const r = runFzlint(args, { cwd: dir });
    expect(r.stderr, ACCEPTS_GITLAB).toBe('');
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(BAD); // the stylish output goes to the job log
    const report = JSON.parse(readFileSync(join(dir, target!.slice('gitlab:'.length)), 'utf8')) as {
      description: string;
      check_name: string;
      fingerprint: string;
      severity: string;
      location: { path: string; lines: { begin: number } };
    }[];
    expect(report).toHaveLength(5);
    for (const issue of report) {
      expect(Object.keys(issue).sort()).toEqual(['check_name', 'description', 'fingerprint', 'location', 'severity']);
      expect(issue.check_name).toMatch(/^(structure|statistics|references|style)\//);
      expect(issue.fingerprint).toMatch(/^[0-9a-f]{32}$/);
      expect(['info', 'minor', 'major', 'critical', 'blocker']).toContain(issue.severity);
      expect(issue.location.path).toBe(BAD);
      expect(issue.location.lines.begin).toBeGreaterThanOrEqual(1);
    }
    expect(report.map((i) => i.severity).sort()).toEqual(['info', 'major', 'major', 'minor', 'minor']);
    expect(new Set(report.map((i) => i.fingerprint)).size).toBe(report.length);

    // Fingerprints are stable between pipelines.
    runFzlint(args, { cwd: dir });
    const again = JSON.parse(readFileSync(join(dir, target!.slice('gitlab:'.length)), 'utf8')) as { fingerprint: string }[];
    expect(again.map((i) => i.fingerprint)).toEqual(report.map((i) => i.fingerprint));
  });

  it('a clean repository exits 0 with an empty report', () => {
    const dir = repo({ clean: true });
    const r = runFzlint(args, { cwd: dir });
    expect(r.stderr, ACCEPTS_GITLAB).toBe('');
    expect(r.code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, target!.slice('gitlab:'.length)), 'utf8'))).toEqual([]);
  });
});

describe('docs/ci.md: pre-commit framework', () => {
  const config = block('repo: local');
  const hookSpec = (parseYaml(config) as { repos: { repo: string; hooks: Record<string, string>[] }[] }).repos[0]!;
  const entry = hookSpec.hooks[0]!['entry']!;
  const files = new RegExp(hookSpec.hooks[0]!['files']!);
  const staged = ['README.md', BAD, CLEAN_MD, CLEAN_TXT];

  it('is a local system hook on the reports only', () => {
    expect(hookSpec.repo).toBe('local');
    expect(hookSpec.hooks[0]).toMatchObject({ id: 'fzlint', language: 'system', entry: 'npx fzlint' });
    expect(staged.filter((f) => files.test(f))).toEqual([BAD, CLEAN_MD, CLEAN_TXT]);
  });

  it('the hook command, given the staged reports as pre-commit does, stops a commit with errors only', () => {
    const dir = repo();
    // pre-commit runs `entry` followed by the matching staged file names.
    const args = [...fzlintArgs(entry), ...staged.filter((f) => files.test(f))];
    const bad = runFzlint(args, { cwd: dir });
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain('statistics/concluded-exceeds-received');
    const clean = runFzlint([CLEAN_MD, CLEAN_TXT], { cwd: dir });
    expect(clean.code).toBe(0);
  });
});

describe('docs/ci.md: plain git pre-commit hook', () => {
  const hook = block('#!/usr/bin/env bash');

  function gitRepo(): { dir: string; git: (...args: string[]) => { code: number | null; out: string } } {
    const dir = repo();
    const home = mkdtempSync(join(tmpdir(), 'fzlint-home-'));
    dirs.push(home);
    const env = {
      ...process.env,
      HOME: home,
      GIT_CONFIG_NOSYSTEM: '1',
      GIT_AUTHOR_NAME: 'fzlint test',
      GIT_AUTHOR_EMAIL: 'test@example.invalid',
      GIT_COMMITTER_NAME: 'fzlint test',
      GIT_COMMITTER_EMAIL: 'test@example.invalid',
      NO_COLOR: '1',
    };
    const git = (...args: string[]) => {
      const r = spawnSync('git', ['-c', 'core.hooksPath=.git/hooks', '-c', 'commit.gpgsign=false', ...args], { cwd: dir, env, encoding: 'utf8' });
      return { code: r.status, out: `${r.stdout}${r.stderr}` };
    };
    expect(git('init', '-q').code).toBe(0);
    // The page's hook, with `npx fzlint` pointing at the built CLI.
    const script = hook.replace(/npx fzlint/g, `'${process.execPath}' '${CLI_BIN}'`);
    writeFileSync(join(dir, '.git', 'hooks', 'pre-commit'), script);
    chmodSync(join(dir, '.git', 'hooks', 'pre-commit'), 0o755);
    return { dir, git };
  }

  it('lets clean reports (and non-report files) through, stops a staged report with errors', () => {
    const { git } = gitRepo();
    expect(git('add', 'README.md', 'fzlint.config.json', CLEAN_MD, CLEAN_TXT).code).toBe(0);
    const first = git('commit', '-q', '-m', 'clean reports');
    expect(first.out).toBe('');
    expect(first.code).toBe(0);

    expect(git('add', BAD).code).toBe(0);
    const refused = git('commit', '-q', '-m', 'bad report');
    expect(refused.code).toBe(1);
    expect(refused.out).toContain('statistics/concluded-exceeds-received');
    expect(refused.out).toContain(BAD);
    expect(git('rev-list', '--count', 'HEAD').out.trim()).toBe('1');
  });

  it('checks the staged text, not the working copy', () => {
    const { dir, git } = gitRepo();
    expect(git('add', 'fzlint.config.json', BAD).code).toBe(0);
    // Fixed in the working copy but not staged: the commit is still refused.
    writeFileSync(join(dir, BAD), readFileSync(join(dir, CLEAN_MD), 'utf8'));
    expect(git('commit', '-q', '-m', 'bad report').code).toBe(1);
    // Staged: now it passes.
    expect(git('add', BAD).code).toBe(0);
    expect(git('commit', '-q', '-m', 'fixed report').code).toBe(0);
  });
});
