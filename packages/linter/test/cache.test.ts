import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hashOf, LintCache, resolveCacheLocation } from '../src/project/cache.js';
import { CACHE_FORMAT } from '../src/project/cache-codec.js';
import type { SerializedResult } from '../src/project/result.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'fzlint-cache-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** The paths the cache file holds entries for. */
const filesOf = (location: string): string[] => Object.keys((JSON.parse(readFileSync(location, 'utf8')) as { files: object }).files);

/**
 * A cache file of the current format written by hand: each entry's header as in the file
 * (config hash by its index in `strings`, 0 here) and its result as an object (how the
 * format stores a result of another shape), so a test can give any shape.
 */
function writeEntries(location: string, version: string, entries: Record<string, unknown>): void {
  const files: Record<string, unknown> = {};
  for (const [path, e] of Object.entries(entries)) {
    if (typeof e !== 'object' || e === null) {
      files[path] = e;
      continue;
    }
    const x = e as Record<string, unknown>;
    files[path] = [x['contentHash'], x['configHash'] === 'k' ? 0 : x['configHash'], x['size'] ?? null, x['mtimeMs'] ?? null, x['chars'] ?? null, x['encoding'] ?? null, x['previous'] ?? null, x['result']];
  }
  writeFileSync(location, JSON.stringify({ format: CACHE_FORMAT, version, lastRun: { hits: 0, misses: 0 }, strings: ['k'], files }));
}

const RESULT: SerializedResult = {
  diagnostics: [],
  errorCount: 0,
  warningCount: 0,
  infoCount: 0,
  fixableErrorCount: 0,
  fixableWarningCount: 0,
  ruleFailures: [],
};

describe('resolveCacheLocation', () => {
  it('defaults under node_modules/.cache/fzlint and accepts a file or a folder', () => {
    expect(resolveCacheLocation('/r')).toBe(join('/r', 'node_modules', '.cache', 'fzlint', 'cache.json'));
    expect(resolveCacheLocation('/r', 'c.json')).toBe(join('/r', 'c.json'));
    expect(resolveCacheLocation('/r', 'tmp/')).toBe(join('/r', 'tmp', 'cache.json'));
    expect(resolveCacheLocation(dir, '.')).toBe(join(dir, 'cache.json'));
  });
});

describe('LintCache', () => {
  it('hits only when content and config hashes match, and records the run', async () => {
    const location = join(dir, 'sub', 'cache.json');
    const file = join(dir, 'a.md');
    writeFileSync(file, 'x');
    const first = await LintCache.load(location, '1.0.0');
    expect(first.get(file, 'c1', 'k1')).toBeUndefined();
    first.set(file, 'c1', 'k1', RESULT);
    expect(await first.save()).toBeUndefined();

    const second = await LintCache.load(location, '1.0.0');
    expect(second.get(file, 'c1', 'k1')).toEqual(RESULT);
    expect(second.get(file, 'c2', 'k1')).toBeUndefined();
    expect(second.get(file, 'c1', 'k2')).toBeUndefined();
    expect(second.get(file, 'c1', 'k1', () => false)).toBeUndefined();
    expect(second.stats).toEqual({ hits: 1, misses: 3 });
    await second.save();
    expect(JSON.parse(readFileSync(location, 'utf8')).lastRun).toEqual({ hits: 1, misses: 3 });
  });

  it('drops everything from another version, and entries of deleted files', async () => {
    const location = join(dir, 'cache.json');
    const kept = join(dir, 'kept.md');
    writeFileSync(kept, 'x');
    const c = await LintCache.load(location, '1.0.0');
    c.set(kept, 'c', 'k', RESULT);
    c.set(join(dir, 'gone.md'), 'c', 'k', RESULT);
    await c.save();
    expect(filesOf(location)).toEqual([kept]);
    const other = await LintCache.load(location, '2.0.0');
    expect(other.get(kept, 'c', 'k')).toBeUndefined();
    expect(other.discarded).toBe(false);
  });

  it('metadata strategy: same size and mtime is a hit without hashing; a touched file is re-hashed once', async () => {
    const location = join(dir, 'cache.json');
    const file = join(dir, 'a.md');
    writeFileSync(file, 'x');
    const first = await LintCache.load(location, '1.0.0');
    first.set(file, 'c1', 'k1', RESULT, { size: 1, mtimeMs: 100 });
    await first.save();

    let hashed = 0;
    const hash = (value: string) => () => {
      hashed++;
      return value;
    };
    const second = await LintCache.load(location, '1.0.0');
    expect(second.strategy).toBe('metadata');
    // Unchanged metadata: the content is never hashed, even when it would differ.
    expect(second.get(file, hash('c-other'), 'k1', undefined, { size: 1, mtimeMs: 100 })).toEqual(RESULT);
    expect(hashed).toBe(0);
    // Touched (new mtime) but same content: a hit after hashing, and the new mtime is kept.
    expect(second.get(file, hash('c1'), 'k1', undefined, { size: 1, mtimeMs: 200 })).toEqual(RESULT);
    expect(hashed).toBe(1);
    expect(second.changed).toBe(true);
    // Changed content with changed size: a miss.
    expect(second.get(file, hash('c2'), 'k1', undefined, { size: 2, mtimeMs: 300 })).toBeUndefined();
    expect(hashed).toBe(2);
    expect(second.stats).toEqual({ hits: 2, misses: 1 });
    await second.save();

    const third = await LintCache.load(location, '1.0.0');
    expect(third.get(file, hash('never'), 'k1', undefined, { size: 1, mtimeMs: 200 })).toEqual(RESULT);
    expect(hashed).toBe(2);
  });

  it('content strategy: the hash always decides, whatever the metadata says', async () => {
    const location = join(dir, 'cache.json');
    const file = join(dir, 'a.md');
    writeFileSync(file, 'x');
    const c = await LintCache.load(location, '1.0.0');
    c.set(file, 'c1', 'k1', RESULT, { size: 1, mtimeMs: 100 });
    c.strategy = 'content';
    let hashed = 0;
    const hash = (value: string) => () => {
      hashed++;
      return value;
    };
    // Same size and mtime, different content (a checkout that restored mtimes): a miss.
    expect(c.get(file, hash('c2'), 'k1', undefined, { size: 1, mtimeMs: 100 })).toBeUndefined();
    expect(c.get(file, hash('c1'), 'k1', undefined, { size: 1, mtimeMs: 100 })).toEqual(RESULT);
    expect(hashed).toBe(2);
  });

  it('starts empty from a corrupt file and says it was discarded', async () => {
    const location = join(dir, 'cache.json');
    writeFileSync(location, '{oops');
    const c = await LintCache.load(location, '1.0.0');
    expect(c.discarded).toBe(true);
    expect(c.get('/x', 'c', 'k')).toBeUndefined();
  });

  it('drops every entry of the wrong shape (keys match, result malformed) and keeps the good ones', async () => {
    const location = join(dir, 'cache.json');
    const good = join(dir, 'good.md');
    writeFileSync(good, 'x');
    const diagnostic = {
      ruleId: 'style/domain-typo', severity: 'warn', messageId: 'typo', message: 'm', range: { start: 0, end: 1 },
      start: { line: 1, column: 1 }, end: { line: 1, column: 2 }, docsUrl: 'u',
    };
    const withOne = { ...RESULT, diagnostics: [diagnostic], warningCount: 1 };
    const bad: Record<string, unknown> = {
      'no-result': { contentHash: 'c', configHash: 'k' },
      'result-null': { contentHash: 'c', configHash: 'k', result: null },
      'diagnostics-object': { contentHash: 'c', configHash: 'k', result: { ...RESULT, diagnostics: {} } },
      'counts-disagree': { contentHash: 'c', configHash: 'k', result: { ...withOne, warningCount: 0 } },
      'range-reversed': { contentHash: 'c', configHash: 'k', result: { ...withOne, diagnostics: [{ ...diagnostic, range: { start: 5, end: 1 } }] } },
      'line-zero': { contentHash: 'c', configHash: 'k', result: { ...withOne, diagnostics: [{ ...diagnostic, start: { line: 0, column: 1 } }] } },
      'severity-unknown': { contentHash: 'c', configHash: 'k', result: { ...withOne, diagnostics: [{ ...diagnostic, severity: 'fatal' }] } },
      'fix-without-text': { contentHash: 'c', configHash: 'k', result: { ...withOne, diagnostics: [{ ...diagnostic, fix: { range: { start: 0, end: 1 } } }] } },
      'data-nan': { contentHash: 'c', configHash: 'k', result: { ...withOne, diagnostics: [{ ...diagnostic, data: { n: null } }] } },
      'failures-missing': { contentHash: 'c', configHash: 'k', result: { ...RESULT, ruleFailures: undefined } },
      'hash-number': { contentHash: 1, configHash: 'k', result: RESULT },
      'entry-string': 'oops',
    };
    writeEntries(location, '1.0.0', { ...bad, [good]: { contentHash: 'c', configHash: 'k', result: withOne } });
    const c = await LintCache.load(location, '1.0.0');
    expect(c.discarded).toBe(false);
    expect(c.droppedEntries).toBe(Object.keys(bad).length);
    for (const key of Object.keys(bad)) expect(c.get(key, 'c', 'k')).toBeUndefined();
    expect(c.get(good, 'c', 'k')).toEqual(withOne);
    // The file is rewritten without the bad entries.
    expect(c.changed).toBe(true);
    await c.save();
    expect(filesOf(location)).toEqual([good]);
    // Written back in the compact form, it reads back the same.
    expect((await LintCache.load(location, '1.0.0')).get(good, 'c', 'k')).toEqual(withOne);
  });

  it('a cache file that is JSON but not an object, or entries that are not an object, is discarded', async () => {
    const location = join(dir, 'cache.json');
    for (const text of ['[]', '42', 'null', '{"version":"1.0.0","entries":[]}']) {
      writeFileSync(location, text);
      const c = await LintCache.load(location, '1.0.0');
      expect(c.get('/x', 'c', 'k')).toBeUndefined();
    }
  });

  it('hashes bytes and text alike', () => {
    expect(hashOf('报告')).toBe(hashOf(Buffer.from('报告', 'utf8')));
    expect(hashOf('a')).not.toBe(hashOf('b'));
  });
});

describe('LintCache: what a warm run reads without the files', () => {
  it('unchanged() needs the metadata strategy, the same size, mtime and config, and a recorded text', async () => {
    const location = join(dir, 'cache.json');
    const file = join(dir, 'a.md');
    const meta = { size: 10, mtimeMs: 1000 };
    const c = await LintCache.load(location, '1.0.0');
    c.set(file, 'c', 'k', RESULT, meta, undefined, { chars: 8, encoding: 'gbk' });
    c.set(join(dir, 'b.md'), 'c', 'k', RESULT, meta);
    expect(c.unchanged(file, 'k', meta)).toMatchObject({ chars: 8, encoding: 'gbk', result: RESULT });
    expect(c.unchanged(file, 'k2', meta)).toBeUndefined();
    expect(c.unchanged(file, 'k', { size: 11, mtimeMs: 1000 })).toBeUndefined();
    expect(c.unchanged(file, 'k', { size: 10, mtimeMs: 1001 })).toBeUndefined();
    // Recorded before lengths were: read as before.
    expect(c.unchanged(join(dir, 'b.md'), 'k', meta)).toBeUndefined();
    c.strategy = 'content';
    expect(c.unchanged(file, 'k', meta)).toBeUndefined();
    expect(c.stats).toEqual({ hits: 0, misses: 0 });
  });

  it('drops an entry whose recorded length or encoding is not of the expected shape', async () => {
    const location = join(dir, 'cache.json');
    const entry = { contentHash: 'c', configHash: 'k', size: 1, mtimeMs: 1, result: RESULT };
    const entries = {
      [join(dir, 'good.md')]: { ...entry, chars: 3, encoding: 'utf8' },
      [join(dir, 'chars.md')]: { ...entry, chars: -1, encoding: 'utf8' },
      [join(dir, 'encoding.md')]: { ...entry, chars: 3, encoding: 'latin1' },
    };
    writeEntries(location, '1.0.0', entries);
    const c = await LintCache.load(location, '1.0.0');
    expect(c.droppedEntries).toBe(2);
    expect(c.unchanged(join(dir, 'good.md'), 'k', { size: 1, mtimeMs: 1 })).toBeDefined();
  });

  it('is not written again when nothing changed and the run counted as the last one did', async () => {
    const location = join(dir, 'cache.json');
    const file = join(dir, 'a.md');
    writeFileSync(file, 'x');
    const meta = { size: 1, mtimeMs: 5 };
    const first = await LintCache.load(location, '1.0.0');
    first.set(file, 'c', 'k', RESULT, meta);
    await first.save();
    const second = await LintCache.load(location, '1.0.0');
    expect(second.get(file, 'c', 'k', undefined, meta)).toEqual(RESULT);
    await second.save();
    const written = readFileSync(location, 'utf8');
    expect(JSON.parse(written).lastRun).toEqual({ hits: 1, misses: 0 });
    writeFileSync(location, written.replace('"hits":1', '"hits":1 '));
    const third = await LintCache.load(location, '1.0.0');
    expect(third.get(file, 'c', 'k', undefined, meta)).toEqual(RESULT);
    await third.save();
    // Same stats, nothing changed: the file is left as it is (the marker space stays).
    expect(readFileSync(location, 'utf8')).toContain('"hits":1 ');
    const fourth = await LintCache.load(location, '1.0.0');
    expect(fourth.get(file, 'c', 'other', undefined, meta)).toBeUndefined();
    await fourth.save();
    expect(JSON.parse(readFileSync(location, 'utf8')).lastRun).toEqual({ hits: 0, misses: 1 });
  });
  it('reads back the same text from a UTF-8 file and from an ASCII one (read as latin1)', async () => {
    const location = join(dir, 'cache.json');
    const file = join(dir, 'a.md');
    writeFileSync(file, 'x');
    const message = '「依法治市委员会」应为「全面依法治市委员会」😀 \ud800';
    const result: SerializedResult = {
      ...RESULT,
      diagnostics: [
        {
          ruleId: 'style/official-name',
          severity: 'info',
          messageId: 'wrongName',
          message,
          range: { start: 0, end: 1 },
          start: { line: 1, column: 1 },
          end: { line: 1, column: 2 },
          docsUrl: 'https://example.com/r.md',
          data: { text: '依法治市委员会' },
        },
      ],
      infoCount: 1,
    };
    const first = await LintCache.load(location, '1.0.0');
    first.set(file, 'c', 'k', result);
    await first.save();
    // UTF-8 JSON, as CI scripts read it (docs/ci.md).
    const written = JSON.parse(readFileSync(location, 'utf8')) as { strings: string[] };
    expect(written.strings).toContain(message);
    const second = await LintCache.load(location, '1.0.0');
    expect(second.get(file, 'c', 'k')).toEqual(result);
    // ASCII only (English messages): read as latin1, the same entry.
    const ascii = { ...result, diagnostics: [{ ...result.diagnostics[0]!, message: 'plain', data: { text: 'x' } }] };
    writeEntries(location, '1.0.0', { [file]: { contentHash: 'c', configHash: 'k', result: ascii } });
    expect((await LintCache.load(location, '1.0.0')).get(file, 'c', 'k')).toEqual(ascii);
  });
});
