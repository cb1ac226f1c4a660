import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { IgnoreMatcher, loadIgnoreMatcher, toPosix } from '../src/project/ignore.js';
import { createFzlint } from '../src/project/project.js';

/** The CLI's former `resolveFiles`: now the project API's `listFiles`. */
const resolveFiles = (patterns: readonly string[], options: { cwd: string }) => createFzlint({ cwd: options.cwd }).listFiles(patterns);

let dir: string;

function touch(rel: string, text = '# 报告\n'): void {
  const full = join(dir, rel);
  mkdirSync(join(full, '..'), { recursive: true });
  writeFileSync(full, text);
}

function rels(paths: readonly { path: string }[]): string[] {
  return paths.map((p) => toPosix(relative(dir, p.path)));
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'fzlint-files-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('IgnoreMatcher', () => {
  it('follows gitignore rules: unanchored, anchored, folder-only, negation', () => {
    const m = new IgnoreMatcher('/r').add(['# comment', '', '*.tmp.md', '/top.md', 'drafts/', '!keep.tmp.md'], '.fzlintignore');
    expect(m.ignores('/r/a/b/x.tmp.md')).toEqual({ source: '.fzlintignore' });
    expect(m.ignores('/r/keep.tmp.md')).toBeUndefined();
    expect(m.ignores('/r/top.md')).toBeDefined();
    expect(m.ignores('/r/sub/top.md')).toBeUndefined();
    expect(m.ignores('/r/x/drafts/y.md')).toBeDefined();
    // `drafts/` matches folders only, not a file called drafts.
    expect(m.ignores('/r/drafts', false)).toBeUndefined();
    expect(m.ignores('/outside/x.tmp.md')).toBeUndefined();
  });

  // picomatch never returned on a pattern ending in four or more backslashes (one such line hung a run).
  it('reads lines ending in escaped backslashes as literal backslashes, and returns', () => {
    const m = new IgnoreMatcher('/r').add(['a\\\\\\\\', 'b\\\\\\\\\\', '!c\\\\'], 'x');
    expect(m.ignores('/r/a\\\\')).toBeDefined();
    expect(m.ignores('/r/sub/a\\\\')).toBeDefined();
    expect(m.ignores('/r/a\\')).toBeUndefined();
    expect(m.ignores('/r/a')).toBeUndefined();
    expect(m.ignores('/r/b\\\\\\')).toBeDefined();
    expect(m.ignores('/r/c\\')).toBeUndefined();
    for (let run = 0; run <= 9; run++) new IgnoreMatcher('/r').add([`x${'\\'.repeat(run)}`, `!${'\\'.repeat(run)}`], 'x').ignores('/r/x');
  });

  it('cannot re-include a file inside an ignored folder (git semantics)', () => {
    const m = new IgnoreMatcher('/r').add(['old/', '!old/keep.md'], 'x');
    expect(m.ignores('/r/old/keep.md')).toBeDefined();
  });

  it('always ignores node_modules and .git, and reads .fzlintignore', () => {
    writeFileSync(join(dir, '.fzlintignore'), '\uFEFFdrafts/\n');
    const m = loadIgnoreMatcher(dir);
    expect(m.ignores(join(dir, 'node_modules', 'a.md'))).toBeDefined();
    expect(m.ignores(join(dir, 'x', '.git', 'a.md'))).toBeDefined();
    expect(m.ignores(join(dir, 'drafts', 'a.md'))).toEqual({ source: '.fzlintignore' });
    expect(loadIgnoreMatcher(dir, false).ignores(join(dir, 'drafts', 'a.md'))).toBeUndefined();
  });
});

describe('resolveFiles', () => {
  it('says a folder is all ignored rather than empty', async () => {
    touch('drafts/a.md');
    writeFileSync(join(dir, '.fzlintignore'), '*.md\n');
    const r = await resolveFiles(['drafts'], { cwd: dir });
    expect(r.files).toEqual([]);
    expect(r.problems.map((p) => p.id)).toEqual(['allIgnored']);
  });

  it('walks folders for report extensions in a stable order and skips ignored folders', async () => {
    touch('reports/b.md');
    touch('reports/a.txt');
    touch('reports/sub/c.markdown');
    touch('reports/image.png', 'x');
    touch('reports/node_modules/dep/readme.md');
    touch('drafts/d.md');
    writeFileSync(join(dir, '.fzlintignore'), 'drafts/\n');
    const r = await resolveFiles(['.'], { cwd: dir });
    expect(rels(r.files)).toEqual(['reports/a.txt', 'reports/b.md', 'reports/sub/c.markdown']);
    expect(r.problems).toEqual([]);
  });

  it('lints explicit files of any extension, but warns for ignored ones', async () => {
    touch('notes.text');
    touch('drafts/d.md');
    writeFileSync(join(dir, '.fzlintignore'), 'drafts/\n');
    const r = await resolveFiles(['notes.text', 'drafts/d.md'], { cwd: dir });
    expect(rels(r.files)).toEqual(['notes.text']);
    expect(r.files[0]?.explicit).toBe(true);
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toMatchObject({ id: 'ignoredFile', level: 'warning', data: { path: 'drafts/d.md', source: '.fzlintignore' } });
  });

  it('expands globs, removes duplicates and keeps argument order', async () => {
    touch('r/2022.md');
    touch('r/2023.md');
    touch('r/2023.txt');
    const r = await resolveFiles(['r/2023.txt', 'r/*.md', 'r/2023.md'], { cwd: dir });
    expect(rels(r.files)).toEqual(['r/2023.txt', 'r/2022.md', 'r/2023.md']);
  });

  it('reports a missing path, an empty glob and an empty folder, and still returns the rest', async () => {
    touch('ok.md');
    mkdirSync(join(dir, 'empty'));
    const r = await resolveFiles(['missing.md', 'nothing/*.md', 'empty', 'ok.md'], { cwd: dir });
    expect(rels(r.files)).toEqual(['ok.md']);
    expect(r.problems.map((p) => [p.id, p.level])).toEqual([
      ['missingPath', 'error'],
      ['noMatch', 'error'],
      ['emptyDir', 'warning'],
    ]);
  });
});
