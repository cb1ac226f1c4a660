import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_READERS, type ReportReader } from '@fzlint/input';
import { createFzlint, formattable } from '../src/project/project.js';
import { typoRule, wordRule } from './helpers.js';

const rules = [typoRule, wordRule];
let root: string;

function put(rel: string, content: string | Uint8Array): string {
  const file = join(root, rel);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, content);
  return file;
}

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'fzlint-project-'));
  // repo/ is a repository (its .git ends the search for ignore files); a .fzlintignore at its
  // root and one in a subfolder; a config with ignorePatterns in another.
  mkdirSync(join(root, 'repo', '.git'), { recursive: true });
  put('.fzlintignore', 'new.md\n'); // above the repository: only for a run started there
  put('repo/.fzlintignore', 'drafts/\n*.bak.md\n');
  put('repo/fzlint.config.json', JSON.stringify({ root: true, rules: { 'style/test-typo': 'warn' } }));
  put('repo/reports/a.md', '法冶 TODO\n');
  put('repo/reports/x.bak.md', '法冶\n');
  put('repo/reports/drafts/d.md', '法冶\n');
  put('repo/reports/city/.fzlintignore', 'old.md\n!x.bak.md\n');
  put('repo/reports/city/old.md', '法冶\n');
  put('repo/reports/city/new.md', '法冶\n');
  put('repo/reports/city/x.bak.md', '法冶\n');
  put('repo/archive/fzlint.config.json', JSON.stringify({ ignorePatterns: ['2019/'] }));
  put('repo/archive/2019/r.md', '法冶\n');
  put('repo/archive/2020/r.md', '法冶\n');
  put('repo/gbk/r.txt', iconv.encode('推进法冶政府建设。\n', 'gbk'));
  put('repo/.vscode/notes.md', '法冶\n');
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

const rel = (p: string) => p.slice(join(root, 'repo').length + 1).split('\\').join('/');

describe('createFzlint: which files are ignored', () => {
  it('finds .fzlintignore files as git finds .gitignore: up to the repository root, nearer ones winning', () => {
    for (const cwd of [join(root, 'repo'), join(root, 'repo', 'reports', 'city'), join(root, 'repo', 'archive')]) {
      const fzlint = createFzlint({ cwd, rules });
      const at = (p: string) => join(root, 'repo', p);
      expect(fzlint.isPathIgnored(at('reports/a.md')), cwd).toBe(false);
      expect(fzlint.ignoredBy(at('reports/drafts/d.md'))?.source, cwd).toMatch(/\.fzlintignore$/);
      expect(fzlint.isPathIgnored(at('reports/x.bak.md')), cwd).toBe(true);
      expect(fzlint.isPathIgnored(at('reports/city/old.md')), cwd).toBe(true);
      // The nearer file re-includes what the farther one ignores.
      expect(fzlint.isPathIgnored(at('reports/city/x.bak.md')), cwd).toBe(false);
      expect(fzlint.ignoredBy(at('archive/2019/r.md')), cwd).toEqual({ source: 'ignorePatterns' });
      expect(fzlint.isPathIgnored(at('archive/2020/r.md')), cwd).toBe(false);
      expect(fzlint.isPathIgnored(at('reports/city/new.md')), cwd).toBe(false);
    }
  });

  it('the working folder’s own .fzlintignore covers everything inside it, as before (even past a repository root)', () => {
    const fzlint = createFzlint({ cwd: root, rules });
    expect(fzlint.ignoredBy(join(root, 'repo', 'reports', 'city', 'new.md'))).toEqual({ source: '.fzlintignore' });
    expect(fzlint.isPathIgnored(join(root, 'repo', 'reports', 'a.md'))).toBe(false);
  });

  it('ignore: false keeps only the default folders', () => {
    const fzlint = createFzlint({ cwd: join(root, 'repo'), rules, ignore: false });
    expect(fzlint.isPathIgnored('reports/drafts/d.md')).toBe(false);
    expect(fzlint.isPathIgnored('archive/2019/r.md')).toBe(false);
    expect(fzlint.ignoredBy('node_modules/x/r.md')).toEqual({ source: 'node_modules/.git' });
  });

  it('listFiles walks past ignored files and dot-folders, and warns for an ignored file named explicitly', async () => {
    const fzlint = createFzlint({ cwd: join(root, 'repo'), rules });
    const listed = await fzlint.listFiles(['.', 'reports/drafts/d.md']);
    expect(listed.files.map((f) => rel(f.path))).toEqual(['archive/2020/r.md', 'gbk/r.txt', 'reports/a.md', 'reports/city/new.md', 'reports/city/x.bak.md']);
    expect(listed.problems).toEqual([{ id: 'ignoredFile', level: 'warning', data: { path: 'reports/drafts/d.md', source: '.fzlintignore' } }]);
    expect((await fzlint.listFiles(['.'], { limit: 2 })).files).toHaveLength(2);
  });
});

describe('createFzlint: config, reading and linting', () => {
  it('configFor applies the overrides over the config files', () => {
    const fzlint = createFzlint({ cwd: join(root, 'repo'), rules, overrides: { rules: { 'structure/test-word': 'error' }, reportYear: 2023 } });
    expect(fzlint.configFor('reports/a.md')).toMatchObject({
      config: { rules: { 'style/test-typo': 'warn', 'structure/test-word': 'error' }, reportYear: 2023 },
      files: [join(root, 'repo', 'fzlint.config.json')],
      ignored: false,
    });
  });

  it('readReport reads paths and bytes, GBK included, with a plugged-in reader', async () => {
    const upper: ReportReader = { format: 'shout', extensions: ['.shout'], read: (bytes) => Promise.resolve({ ok: true, text: new TextDecoder().decode(bytes).toUpperCase(), format: 'plaintext', encoding: 'utf8' }) };
    const fzlint = createFzlint({ cwd: join(root, 'repo'), readers: [...DEFAULT_READERS, upper] });
    expect(await fzlint.readReport('gbk/r.txt')).toMatchObject({ ok: true, text: '推进法冶政府建设。\n', encoding: 'gbk', format: 'plaintext', notice: { id: 'gbk' } });
    expect(await fzlint.readReport(new TextEncoder().encode('abc'), { name: 'x.shout' })).toMatchObject({ ok: true, text: 'ABC' });
    expect(await fzlint.readReport('missing.md')).toMatchObject({ ok: false, problem: { id: 'vanished', data: { path: 'missing.md' } } });
  });

  it('lintText lints with the config of the file; lintFiles gives the same, and fixes are written back in GBK', async () => {
    const fzlint = createFzlint({ cwd: join(root, 'repo'), rules });
    const text = await fzlint.lintText('法冶\n', { filePath: 'reports/a.md' });
    expect(text.diagnostics.map((d) => `${d.ruleId}:${d.severity}`)).toEqual(['style/test-typo:warn']);
    const report = await fzlint.lintFiles(['gbk'], { fix: true });
    expect(report.problems.map((p) => p.id)).toEqual(['gbk']);
    const [gbk] = report.results;
    expect(gbk).toMatchObject({ displayPath: 'gbk/r.txt', encoding: 'gbk', output: '推进法治政府建设。\n' });
    expect(await fzlint.outputFixes(report.results)).toEqual([]);
    expect(iconv.decode(readFileSync(join(root, 'repo', 'gbk', 'r.txt')), 'gbk')).toBe('推进法治政府建设。\n');
    expect(formattable(gbk!)).not.toHaveProperty('encoding');
  });

  it('lintFiles reuses cached results of unchanged files', async () => {
    const cache = { location: join(root, 'cache', 'c.json') };
    const first = await createFzlint({ cwd: join(root, 'repo'), rules, cache }).lintFiles(['reports']);
    expect(first.cache).toEqual({ hits: 0, misses: 3 });
    const second = await createFzlint({ cwd: join(root, 'repo'), rules, cache }).lintFiles(['reports']);
    expect(second.cache).toEqual({ hits: 3, misses: 0 });
    expect(second.results.map((r) => r.diagnostics)).toEqual(first.results.map((r) => r.diagnostics));
    expect(second.results.every((r) => r.cached)).toBe(true);
  });

  it('suppressions: build, write, read back and apply', async () => {
    const fzlint = createFzlint({ cwd: join(root, 'repo'), rules });
    const { results } = await fzlint.lintFiles(['reports/a.md']);
    const built = fzlint.suppressions.build(results);
    expect(await fzlint.suppressions.write(built)).toBeUndefined();
    const read = await fzlint.suppressions.read();
    expect(read).toEqual(built);
    expect(fzlint.suppressions.apply(results, read!).results[0]!.diagnostics).toEqual([]);
  });
});

describe('lintFiles: unchanged since a snapshot (unchangedSince)', () => {
  /** A project folder `name` with two reports (a.md has a typo) and a cache file beside it. */
  const twoReports = (name: string): { cwd: string; a: string; location: string } => {
    put(`${name}/fzlint.config.json`, JSON.stringify({ root: true }));
    const a = put(`${name}/reports/a.md`, '# 2023年度甲县法治政府建设情况报告\n\n推进法冶政府建设。\n');
    put(`${name}/reports/b.md`, '# 2022年度甲县法治政府建设情况报告\n\n推进法治政府建设。\n');
    return { cwd: join(root, name), a, location: join(root, `${name}-cache.json`) };
  };

  it('a warm run gives a snapshot; the same files unchanged are answered without the cache; a touched file or a deleted cache are not', async () => {
    const { cwd, a, location } = twoReports('snap');
    const run = (unchangedSince?: string) =>
      createFzlint({ cwd }).lintFiles(['reports'], { cache: { location }, sources: false, ...(unchangedSince !== undefined ? { unchangedSince } : {}) });
    const cold = await run();
    const warm = await run();
    expect(warm.results.every((r) => r.cached)).toBe(true);
    const snapshot = warm.snapshot as string;
    expect(typeof snapshot).toBe('string');
    // A full run whose every result went to the cache gives the snapshot the warm run gives.
    expect(cold.snapshot).toBe(snapshot);
    // Never read: a cache that cannot be used would make the run lint again.
    const kept = readFileSync(location);
    writeFileSync(location, '{not json');
    expect(await run(snapshot)).toEqual({ results: [], problems: [], snapshot, unchanged: true });
    writeFileSync(location, kept);
    // Another snapshot, a touched file, a deleted cache: a run as without one.
    expect((await run(`${snapshot} `)).unchanged).toBeUndefined();
    const { mtime } = statSync(a);
    utimesSync(a, mtime, new Date(mtime.getTime() + 5000));
    const touched = await run(snapshot);
    expect(touched.unchanged).toBeUndefined();
    // The full path ran (the file's metadata changed): the same results, with the texts it read.
    expect(touched.results.map((r) => JSON.stringify({ ...r, source: '' }))).toEqual(warm.results.map((r) => JSON.stringify(r)));
    const again = await run();
    rmSync(location);
    const fresh = await run(again.snapshot);
    expect(fresh.unchanged).toBeUndefined();
    expect(fresh.cache).toEqual({ hits: 0, misses: 2 });
  });

  it('a full run gives none with a problem, with --fix, or for a file changed since it was read', async () => {
    const { cwd, a, location } = twoReports('snap-full');
    const fzlint = createFzlint({ cwd });
    const withMissing = await fzlint.lintFiles(['reports', 'missing.md'], { cache: { location }, sources: false });
    expect(withMissing.problems.length).toBeGreaterThan(0);
    expect(withMissing.snapshot).toBeUndefined();
    rmSync(location);
    expect((await fzlint.lintFiles(['reports'], { cache: { location }, fix: 'dry-run' })).snapshot).toBeUndefined();
    rmSync(location);
    const cold = await createFzlint({ cwd }).lintFiles(['reports'], { cache: { location }, sources: false });
    expect(typeof cold.snapshot).toBe('string');
    // Changed after the run read it (same size, later time): the snapshot no longer holds.
    writeFileSync(a, '# 2023年度甲县法治政府建设情况报告\n\n推进法治政府建设。\n');
    const { mtime } = statSync(a);
    utimesSync(a, mtime, new Date(mtime.getTime() + 5000));
    const after = await createFzlint({ cwd }).lintFiles(['reports'], { cache: { location }, sources: false, unchangedSince: cold.snapshot as string });
    expect(after.unchanged).toBeUndefined();
    expect(after.results.find((r) => r.filePath === a)?.cached).toBeUndefined();
  });
});

describe('lintFiles: a warm cache without reading the files (sources: false)', () => {
  it('gives the results and notices of the full path, from stat and the cache; a changed file is read again', async () => {
    const cwd = join(root, 'repo');
    const location = join(root, 'warm-cache.json');
    const run = (sources: boolean) => createFzlint({ cwd, rules }).lintFiles(['reports', 'gbk'], { cache: { location }, sources });
    const cold = await run(true);
    expect(cold.cache).toEqual({ hits: 0, misses: 4 });
    const full = await run(true);
    const warm = await run(false);
    expect(warm.cache).toEqual({ hits: 4, misses: 0 });
    // The GBK notice is given as when the file was read.
    expect(warm.problems).toEqual(full.problems);
    expect(warm.problems.map((p) => p.id)).toContain('gbk');
    expect(warm.results.map((r) => r.source)).toEqual(['', '', '', '']);
    const strip = (r: (typeof full.results)[number]) => ({ ...r, source: '' });
    expect(warm.results).toEqual(full.results.map(strip));
    // Key for key, in the same order (what JSON output of the results prints).
    expect(warm.results.map((r) => JSON.stringify(r))).toEqual(full.results.map((r) => JSON.stringify(strip(r))));
    expect(warm.results.every((r) => r.cached)).toBe(true);

    put('repo/reports/a.md', '法冶 TODO 法冶\n');
    const changed = await run(false);
    expect(changed.cache).toEqual({ hits: 3, misses: 1 });
    // The full path ran: the texts are there.
    expect(changed.results.map((r) => r.source)).toContain('法冶 TODO 法冶\n');
    put('repo/reports/a.md', '法冶 TODO\n');
  });
});
