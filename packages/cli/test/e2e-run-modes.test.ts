/**
 * Every way a batch can be run gives the same output: one thread or a pool
 * (`--concurrency 1`, `2`, `auto`), and a cold or warm `--cache` — in the warm
 * case with the position-only formatters, where unchanged files are only
 * stat'ed and their results come from the cache without reading them. On the
 * corpus reports as Markdown, with a pair of reports the batch pairs (issue 19).
 */
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fzlint, type Run } from './helpers.js';
import { continuityPair, PAIR_FILES } from './support/continuity.js';

const CORPUS = resolve(fileURLToPath(new URL('.', import.meta.url)), '..', '..', '..', 'fixtures', 'corpus', 'full');
/** The corpus reports but the one last year's report of the pair is made from (a copy would make its pairing ambiguous). */
const REPORTS = readdirSync(CORPUS).filter((name) => name !== '002_55a70afaa3186b60.txt');

let dir: string;
const pair = continuityPair();
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'fzlint-run-modes-'));
  writeFileSync(join(dir, 'fzlint.config.json'), '{ "root": true }\n');
  mkdirSync(join(dir, 'reports', 'copies'), { recursive: true });
  for (const name of REPORTS) {
    const md = name.replace(/\.txt$/, '.md');
    copyFileSync(join(CORPUS, name), join(dir, 'reports', md));
    copyFileSync(join(CORPUS, name), join(dir, 'reports', 'copies', md));
  }
  writeFileSync(join(dir, 'reports', PAIR_FILES.last), pair.last);
  writeFileSync(join(dir, 'reports', PAIR_FILES.draft), pair.draft);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const cacheAt = (name: string) => join(dir, `${name}.json`);
const lastRun = (name: string) => (JSON.parse(readFileSync(cacheAt(name), 'utf8')) as { lastRun: { hits: number; misses: number } }).lastRun;

function same(run: Run, reference: Run): void {
  expect(run.stderr).toBe(reference.stderr);
  expect(run.code).toBe(reference.code);
  expect(run.stdout).toBe(reference.stdout);
}

describe('run modes give identical output', () => {
  it('json and stylish: one thread, two workers, auto', () => {
    for (const format of ['json', 'stylish']) {
      const one = fzlint(dir, ['reports', '--format', format, '--concurrency', '1']);
      expect(one.stdout.length).toBeGreaterThan(0);
      // The pair was found and compared: continuity findings point at last year's file.
      expect(one.stdout).toContain('continuity/');
      same(fzlint(dir, ['reports', '--format', format, '--concurrency', '2']), one);
      same(fzlint(dir, ['reports', '--format', format]), one);
    }
  });

  it('node given a flag of its own (NODE_OPTIONS): the same output, no crash', () => {
    // Node 20.20 crashed (SIGSEGV in a regular expression) on 8-20 files when the bin set
    // --no-regexp-tier-up after a flag given to node: the bin sets it only when none was.
    const plain = fzlint(dir, ['reports', '--format', 'json']);
    same(fzlint(dir, ['reports', '--format', 'json'], undefined, { NODE_OPTIONS: '--no-warnings' }), plain);
  });

  it('a warm cache (stat only for stylish, read for json) gives the cold output, and is not rewritten', () => {
    for (const format of ['stylish', 'json', 'github', 'gitlab']) {
      const reference = fzlint(dir, ['reports', '--format', format, '--concurrency', '1']);
      const args = ['reports', '--format', format, '--cache', '--cache-location', cacheAt(format)];
      same(fzlint(dir, args), reference);
      expect(lastRun(format)).toEqual({ hits: 0, misses: 10 });
      const cold = statSync(cacheAt(format)).mtimeMs;
      // Straight after the cold run: stylish, github and gitlab print its output memo, the cache
      // not even read (the cold run's snapshot); json reads the files and takes every result from the cache.
      same(fzlint(dir, args), reference);
      if (format === 'json') expect(lastRun(format)).toEqual({ hits: 10, misses: 0 });
      else expect(statSync(cacheAt(format)).mtimeMs).toBe(cold);
      // Without the memo the cache is read: every file a hit.
      rmSync(`${cacheAt(format)}.output`, { force: true });
      same(fzlint(dir, args), reference);
      expect(lastRun(format)).toEqual({ hits: 10, misses: 0 });
      const written = statSync(cacheAt(format)).mtimeMs;
      same(fzlint(dir, args), reference);
      // A run like the last one leaves the file as it is.
      expect(statSync(cacheAt(format)).mtimeMs).toBe(written);
    }
  });

  it('a warm stylish run falls back to reading when one file changed, or last year’s report did', () => {
    const work = mkdtempSync(join(tmpdir(), 'fzlint-run-modes-change-'));
    try {
      writeFileSync(join(work, 'fzlint.config.json'), '{ "root": true }\n');
      mkdirSync(join(work, 'r'));
      for (const name of REPORTS) copyFileSync(join(CORPUS, name), join(work, 'r', name.replace(/\.txt$/, '.md')));
      writeFileSync(join(work, 'r', PAIR_FILES.last), pair.last);
      writeFileSync(join(work, 'r', PAIR_FILES.draft), pair.draft);
      const args = ['r', '--cache', '--cache-location', join(work, 'c.json')];
      const stats = () => (JSON.parse(readFileSync(join(work, 'c.json'), 'utf8')) as { lastRun: unknown }).lastRun;
      fzlint(work, args);
      expect(stats()).toEqual({ hits: 0, misses: 6 });
      // Nothing changed: the cold run's output memo, the cache not read (its counts stay).
      same(fzlint(work, args), fzlint(work, ['r']));
      expect(stats()).toEqual({ hits: 0, misses: 6 });

      // Touched, same content: a hit after hashing (the full path), new metadata recorded.
      const first = join(work, 'r', '000_db52c8fa8bf2b1ef.md');
      const later = new Date(statSync(first).mtimeMs + 5000);
      utimesSync(first, later, later);
      same(fzlint(work, args), fzlint(work, ['r']));
      expect(stats()).toEqual({ hits: 6, misses: 0 });

      // Last year's report changed: the draft's result (compared with it) is stale too.
      writeFileSync(join(work, 'r', PAIR_FILES.last), pair.last.replace('行政应诉案件35件', '行政应诉案件38件'));
      const changed = fzlint(work, args);
      same(changed, fzlint(work, ['r']));
      expect(stats()).toEqual({ hits: 4, misses: 2 });
      // Nothing changed since: that run's output memo again, the cache not read.
      same(fzlint(work, args), changed);
      expect(stats()).toEqual({ hits: 4, misses: 2 });
      rmSync(join(work, 'c.json.output'));
      same(fzlint(work, args), changed);
      expect(stats()).toEqual({ hits: 6, misses: 0 });
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });
});
