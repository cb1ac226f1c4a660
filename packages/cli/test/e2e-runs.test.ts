import { existsSync, mkdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { copyRepo, FILES, fzlint, parseJson, read, resultFor, ruleIds } from './helpers.js';

let repo: { dir: string; cleanup: () => void };
beforeEach(() => {
  repo = copyRepo();
});
afterEach(() => repo.cleanup());

const at = (rel: string) => join(repo.dir, rel);

interface CacheFile {
  format: number;
  version: string;
  files: Record<string, unknown>;
  lastRun: { hits: number; misses: number };
}
const cacheFile = (rel = 'node_modules/.cache/fzlint/cache.json'): CacheFile => JSON.parse(readFileSync(at(rel), 'utf8')) as CacheFile;

describe('--fix', () => {
  it('writes fixed files, and the fixed files have nothing fixable left', () => {
    const before = fzlint(repo.dir, ['reports', '--format', 'json', '--fix-dry-run']);
    const dry = parseJson(before.stdout);
    const bing = resultFor(dry, FILES.bing);
    expect(bing.output).toContain('## 三、党政主要负责人');
    // --fix-dry-run writes nothing.
    expect(read(at(FILES.bing))).toContain('## 四、党政主要负责人');

    const fixed = fzlint(repo.dir, ['reports', '--fix']);
    expect(read(at(FILES.bing))).toBe(bing.output);
    expect(read(at(FILES.jia))).toContain('## 四、2024年工作打算');
    // What remains is not fixable; the shortcomings info on 甲县 keeps the exit code at 0.
    expect(fixed.code, fixed.stderr).toBe(0);
    const after = parseJson(fzlint(repo.dir, ['reports', '--format', 'json']).stdout);
    for (const r of after) expect(r.messages.filter((m) => m.fix !== undefined)).toEqual([]);
    expect(ruleIds(resultFor(after, FILES.bing))).toEqual([]);
  });
});

describe('--cache', () => {
  it('re-uses results of unchanged files and re-lints a changed one', () => {
    const first = fzlint(repo.dir, ['reports', '--cache', '--format', 'json']);
    expect(cacheFile().lastRun).toEqual({ hits: 0, misses: 4 });
    const second = fzlint(repo.dir, ['reports', '--cache', '--format', 'json']);
    expect(cacheFile().lastRun).toEqual({ hits: 4, misses: 0 });
    expect(second.stdout).toBe(first.stdout);
    expect(second.code, second.stderr).toBe(first.code);

    writeFileSync(at(FILES.yi), read(at(FILES.yi)).replace('四、2023年推进', '四、2022年推进'));
    const third = fzlint(repo.dir, ['reports', '--cache', '--format', 'json']);
    expect(cacheFile().lastRun).toEqual({ hits: 3, misses: 1 });
    expect(ruleIds(resultFor(parseJson(third.stdout), FILES.yi))).toContain('structure/year-consistency');
  });

  it('prints the output of a run with nothing changed again, and never once the results or the way they print change', () => {
    const memo = at('node_modules/.cache/fzlint/cache.json.output');
    const cold = fzlint(repo.dir, ['reports', '--cache']);
    expect(cold.stdout).toContain('problem');
    expect(existsSync(memo)).toBe(true);
    for (let i = 0; i < 2; i++) {
      const warm = fzlint(repo.dir, ['reports', '--cache']);
      expect(warm.stdout).toBe(cold.stdout);
      expect(warm.stderr).toBe(cold.stderr);
      expect(warm.code).toBe(cold.code);
    }
    // What a run with nothing changed prints is the memo (changed here by hand to show it)...
    const tamper = () => writeFileSync(memo, Buffer.concat([readFileSync(memo), Buffer.from('(from the memo)\n')]));
    tamper();
    expect(fzlint(repo.dir, ['reports', '--cache']).stdout).toBe(`${cold.stdout}(from the memo)\n`);
    // ...but not once the cache is deleted, or a file is touched (its content unchanged).
    rmSync(at('node_modules/.cache/fzlint/cache.json'));
    expect(fzlint(repo.dir, ['reports', '--cache']).stdout).toBe(cold.stdout);
    for (let i = 0; i < 2; i++) expect(fzlint(repo.dir, ['reports', '--cache']).stdout).toBe(cold.stdout);
    tamper();
    const { mtime } = statSync(at(FILES.jia));
    utimesSync(at(FILES.jia), mtime, new Date(mtime.getTime() + 5000));
    expect(fzlint(repo.dir, ['reports', '--cache']).stdout).toBe(cold.stdout);
    expect(fzlint(repo.dir, ['reports', '--cache']).stdout).toBe(cold.stdout);

    // Another format, colour or exit-code option: printed afresh, as without a cache.
    for (const args of [['--format', 'github'], ['--color'], ['--max-warnings', '0'], ['--quiet']]) {
      const cached = fzlint(repo.dir, ['reports', '--cache', ...args]);
      const fresh = fzlint(repo.dir, ['reports', ...args]);
      expect(cached.stdout).toBe(fresh.stdout);
      expect(cached.code).toBe(fresh.code);
    }
    // A changed file: the cache's entries change and the memo goes with them.
    writeFileSync(at(FILES.yi), read(at(FILES.yi)).replace('四、2023年推进', '四、2022年推进'));
    const changed = fzlint(repo.dir, ['reports', '--cache']);
    expect(changed.stdout).not.toBe(cold.stdout);
    expect(changed.stdout).toBe(fzlint(repo.dir, ['reports']).stdout);
    expect(fzlint(repo.dir, ['reports', '--cache']).stdout).toBe(changed.stdout);
    // A bulk suppressions file changes the results after the cache: no memo is printed then.
    fzlint(repo.dir, ['reports', '--suppress-all']);
    const suppressed = fzlint(repo.dir, ['reports']);
    expect(fzlint(repo.dir, ['reports', '--cache']).stdout).toBe(suppressed.stdout);
    expect(suppressed.stdout).not.toBe(changed.stdout);
  });

  it('a changed config invalidates the cached results it applies to', () => {
    fzlint(repo.dir, [FILES.bing, FILES.jia, '--cache']);
    writeFileSync(at('reports/county/fzlint.config.json'), JSON.stringify({ rules: { 'structure/heading-numbering': 'off' } }));
    const run = fzlint(repo.dir, [FILES.bing, FILES.jia, '--cache', '--format', 'json']);
    expect(cacheFile().lastRun).toEqual({ hits: 1, misses: 1 });
    expect(ruleIds(resultFor(parseJson(run.stdout), FILES.bing))).not.toContain('structure/heading-numbering');
  });

  it('--fix cannot use a cached result with fixes, and caches the file as written', () => {
    fzlint(repo.dir, [FILES.bing, '--cache']);
    fzlint(repo.dir, [FILES.bing, '--cache', '--fix']);
    expect(cacheFile().lastRun).toEqual({ hits: 0, misses: 1 });
    const after = fzlint(repo.dir, [FILES.bing, '--cache', '--format', 'json']);
    expect(cacheFile().lastRun).toEqual({ hits: 1, misses: 0 });
    expect(ruleIds(resultFor(parseJson(after.stdout), FILES.bing))).toEqual([]);
  });

  it('--cache-strategy content re-lints a file whose content changed behind unchanged metadata', () => {
    const file = at(FILES.jia);
    // Whole seconds, so that restoring the time below gives back exactly the same mtimeMs.
    const mtime = 1_700_000_000;
    utimesSync(file, mtime, mtime);
    const first = fzlint(repo.dir, [FILES.jia, '--cache']);
    const { size } = statSync(file);
    const text = read(file);
    // Same length (one CJK character for another), mtime restored: metadata cannot see the change.
    const changed = text.replace('法治政府', '法制政府');
    expect(Buffer.byteLength(changed)).toBe(size);
    writeFileSync(file, changed);
    utimesSync(file, mtime, mtime);
    // The first run's output again (its memo, or its cached result without the memo).
    expect(fzlint(repo.dir, [FILES.jia, '--cache']).stdout).toBe(first.stdout);
    rmSync(at('node_modules/.cache/fzlint/cache.json.output'), { force: true });
    expect(fzlint(repo.dir, [FILES.jia, '--cache']).stdout).toBe(first.stdout);
    expect(cacheFile().lastRun).toEqual({ hits: 1, misses: 0 });
    fzlint(repo.dir, [FILES.jia, '--cache', '--cache-strategy', 'content']);
    expect(cacheFile().lastRun).toEqual({ hits: 0, misses: 1 });
    const bad = fzlint(repo.dir, [FILES.jia, '--cache', '--cache-strategy', 'size']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--cache-strategy');
  });

  it('--cache-location puts the cache elsewhere; a corrupt cache is rebuilt', () => {
    writeFileSync(at('my-cache.json'), '{not json');
    const run = fzlint(repo.dir, [FILES.jia, '--cache', '--cache-location', 'my-cache.json']);
    expect(run.code, run.stderr).toBe(1);
    expect(run.errLines.some((l) => l.includes('my-cache.json'))).toBe(true);
    expect(cacheFile('my-cache.json').lastRun).toEqual({ hits: 0, misses: 1 });
    expect(existsSync(at('node_modules/.cache/fzlint/cache.json'))).toBe(false);
  });
});

describe('--concurrency', () => {
  it('gives the same results with 2 worker threads as with 1', () => {
    const one = fzlint(repo.dir, ['.', '--format', 'json', '--concurrency', '1']);
    const two = fzlint(repo.dir, ['.', '--format', 'json', '--concurrency', '2']);
    expect(two.code, two.stderr).toBe(one.code);
    expect(two.stdout).toBe(one.stdout);
  });

  it('uses a pool by default for many files, with results in input order', () => {
    const text = read(at(FILES.jia));
    mkdirSync(at('many'));
    for (let i = 0; i < 64; i++) {
      // Vary the plan year so each file has its own finding, and the order can be checked.
      writeFileSync(at(`many/r${String(i).padStart(2, '0')}.md`), text.replace('四、2023年工作打算', `四、${2000 + i}年工作打算`));
    }
    const auto = fzlint(repo.dir, ['many', '--format', 'json']);
    const serial = fzlint(repo.dir, ['many', '--format', 'json', '--concurrency', '1']);
    expect(auto.stdout).toBe(serial.stdout);
    const results = parseJson(auto.stdout);
    expect(results).toHaveLength(64);
    results.forEach((r, i) => expect(r.filePath).toMatch(new RegExp(`r${String(i).padStart(2, '0')}\\.md$`)));
  });
});

describe('--max-warnings and --quiet', () => {
  it('exit 0 with warnings, 1 once they exceed --max-warnings', () => {
    expect(fzlint(repo.dir, [FILES.bing]).code).toBe(0);
    expect(fzlint(repo.dir, [FILES.bing, '--max-warnings', '1']).code).toBe(0);
    const over = fzlint(repo.dir, [FILES.bing, '--max-warnings', '0']);
    expect(over.code, over.stderr).toBe(1);
    expect(over.errLines).toHaveLength(1);
    expect(over.errLines[0]).toContain('--max-warnings 0');
  });

  it('--quiet reports errors only', () => {
    const run = fzlint(repo.dir, [FILES.bing, FILES.jia, '--quiet', '--format', 'json']);
    const results = parseJson(run.stdout);
    expect(ruleIds(resultFor(results, FILES.bing))).toEqual([]);
    expect(ruleIds(resultFor(results, FILES.jia))).toEqual(['structure/year-consistency']);
    expect(run.code, run.stderr).toBe(1);
  });
});

describe('bulk suppressions', () => {
  it('--suppress-all, then only new findings, then --prune-suppressions', () => {
    const all = fzlint(repo.dir, ['reports', 'standalone', '--suppress-all']);
    expect(all.code, all.stderr).toBe(0);
    const suppressions = JSON.parse(read(at('fzlint-suppressions.json'))) as Record<string, Record<string, { count: number }>>;
    expect(suppressions[FILES.jia]?.['structure/year-consistency']).toEqual({ count: 1 });
    expect(suppressions[FILES.bing]?.['structure/heading-numbering']).toEqual({ count: 1 });

    // Nothing new: clean.
    const quiet = fzlint(repo.dir, ['reports', 'standalone', '--format', 'json']);
    expect(quiet.code, quiet.stderr).toBe(0);
    expect(parseJson(quiet.stdout).every((r) => r.messages.length === 0)).toBe(true);

    // A new report with the same defect is reported.
    writeFileSync(at('reports/new.md'), read(at(FILES.jia)));
    const fresh = fzlint(repo.dir, ['reports', 'standalone', '--format', 'json']);
    expect(fresh.code, fresh.stderr).toBe(1);
    const withFindings = parseJson(fresh.stdout).filter((r) => r.messages.length > 0);
    expect(withFindings.map((r) => r.filePath.replace(/\\/g, '/').slice(repo.dir.length + 1))).toEqual(['reports/new.md']);

    // Fix 丙区's numbering, then prune: its entry goes, the others stay.
    fzlint(repo.dir, [FILES.bing, '--fix']);
    const pruned = fzlint(repo.dir, ['reports', 'standalone', '--prune-suppressions']);
    expect(pruned.errLines.some((l) => l.includes('fzlint-suppressions.json'))).toBe(true);
    const after = JSON.parse(read(at('fzlint-suppressions.json'))) as Record<string, unknown>;
    expect(after[FILES.bing]).toBeUndefined();
    expect(after[FILES.jia]).toBeDefined();
  });

  it('--suppressions-location chooses the file', () => {
    fzlint(repo.dir, ['reports', '--suppress-all', '--suppressions-location', 'ci/suppressions.json']);
    expect(existsSync(at('ci/suppressions.json'))).toBe(true);
    expect(existsSync(at('fzlint-suppressions.json'))).toBe(false);
  });
});
