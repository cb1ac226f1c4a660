import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import type { Diagnostic } from '@fzlint/rule-api';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LintCache } from '../src/project/cache.js';
import { CACHE_FORMAT, decodeBlock, decodeCache, encodeBlock, encodeCache, STRIDE, type CacheFile, type StoredEntry } from '../src/project/cache-codec.js';
import { fitsText, isCacheEntry, type CacheEntry } from '../src/project/cache-entry.js';
import type { SerializedResult } from '../src/project/result.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'fzlint-cache-codec-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const count = fc.nat({ max: 100_000 });
const positive = fc.integer({ min: 1, max: 100_000 });
const text = fc.string({ unit: 'binary', maxLength: 30 });
const range = fc.tuple(count, count).map(([a, b]) => ({ start: Math.min(a, b), end: Math.max(a, b) }));
const position = fc.record({ line: positive, column: positive });
const fix = fc.record({ range, text });

/** A finding as the engine makes it (its keys in the engine's order), with any of the optional fields. */
const diagnostic: fc.Arbitrary<Diagnostic> = fc
  .record(
    {
      ruleId: fc.constantFrom('style/wording', 'statistics/concluded-exceeds-received', 'references/outdated-term'),
      severity: fc.constantFrom('error', 'warn', 'info') as fc.Arbitrary<Diagnostic['severity']>,
      messageId: fc.constantFrom('wrong', 'exceeds', 'outdated'),
      message: fc.oneof(text, fc.constantFrom('「依法治市委员会」应为「全面依法治市委员会」', '审结数（115件）大于收到数（106件）')),
      range,
      start: position,
      end: position,
      docsUrl: fc.constantFrom('https://example.com/a.md', 'https://example.com/b.md'),
      fix,
      data: fc.dictionary(fc.string({ maxLength: 5 }), fc.oneof(text, fc.integer())),
      suggestions: fc.array(fc.record({ desc: text, fix }), { maxLength: 2 }),
      related: fc.array(fc.record({ message: text, range }), { maxLength: 2 }),
    },
    { requiredKeys: ['ruleId', 'severity', 'messageId', 'message', 'range', 'start', 'end', 'docsUrl'] },
  )
  .map((d) => d as Diagnostic);

function resultOf(diagnostics: Diagnostic[], extra: Partial<SerializedResult>): SerializedResult {
  const fixable = diagnostics.filter((d) => d.fix !== undefined);
  return {
    diagnostics,
    errorCount: diagnostics.filter((d) => d.severity === 'error').length,
    warningCount: diagnostics.filter((d) => d.severity === 'warn').length,
    infoCount: diagnostics.filter((d) => d.severity === 'info').length,
    fixableErrorCount: fixable.filter((d) => d.severity === 'error').length,
    fixableWarningCount: fixable.filter((d) => d.severity === 'warn').length,
    ...extra,
    ruleFailures: extra.ruleFailures ?? [],
    ...(extra.identity ? { identity: extra.identity } : {}),
  };
}

const identity = fc.option(
  fc.record(
    {
      issuer: fc.record({ raw: text, key: text, source: fc.constantFrom('title', 'signature') }),
      year: fc.record({ value: fc.integer({ min: 1990, max: 2100 }), source: fc.constantFrom('title', 'first-sentence') }),
      title: text,
    },
    { requiredKeys: [] },
  ),
  { nil: undefined },
);

const result: fc.Arbitrary<SerializedResult> = fc
  .record({
    diagnostics: fc.array(diagnostic, { maxLength: 6 }),
    identity,
    // Rare shapes: a rule that crashed, fixed output (stored as the result object itself).
    ruleFailures: fc.oneof({ weight: 4, arbitrary: fc.constant([]) }, { weight: 1, arbitrary: fc.array(fc.record({ ruleId: text, message: text }), { minLength: 1, maxLength: 2 }) }),
    output: fc.option(text, { nil: undefined, freq: 5 }),
  })
  .map(({ diagnostics, identity: id, ruleFailures, output }) =>
    resultOf(diagnostics, { ruleFailures, ...(id ? { identity: id as NonNullable<SerializedResult['identity']> } : {}), ...(output !== undefined ? { output } : {}) }),
  );

const entry: fc.Arbitrary<CacheEntry> = fc.record(
  {
    contentHash: fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: 64, maxLength: 64 }),
    configHash: fc.constantFrom('{"config":{},"version":"1"}', '{"config":{"rules":{}},"version":"1"}'),
    previous: fc.string(),
    size: count,
    // Any finite time but −0 (JSON has no −0; no file system gives it).
    mtimeMs: fc.double({ noNaN: true, noDefaultInfinity: true }).map((t) => (Object.is(t, -0) ? 0 : t)),
    chars: count,
    encoding: fc.constantFrom('utf8', 'utf8-bom', 'utf16le', 'utf16be', 'gbk') as fc.Arbitrary<CacheEntry['encoding'] & string>,
    result,
  },
  { requiredKeys: ['contentHash', 'configHash', 'result'] },
);

const entries = fc.dictionary(fc.string({ minLength: 1, maxLength: 20 }).map((s) => `/r/${s}`), entry, { maxKeys: 6 });

/** An entry as plain data (its result built), for comparing. */
function plain(e: CacheEntry): object {
  return { ...e, result: e.result };
}

describe('cache format 3', () => {
  it('round trip: every entry reads back equal, findings in the same key order', () => {
    fc.assert(
      fc.property(entries, (given) => {
        const map = new Map(Object.entries(given));
        const decoded = decodeCache(encodeCache('1.0.0', map, { hits: 1, misses: 2 }), '1.0.0');
        if (typeof decoded === 'string') throw new Error(decoded);
        expect(decoded.dropped).toBe(0);
        expect(decoded.lastRun).toEqual({ hits: 1, misses: 2 });
        expect([...decoded.entries.keys()]).toEqual([...map.keys()]);
        for (const [path, e] of map) {
          const back = decoded.entries.get(path) as CacheEntry;
          expect(plain(back)).toEqual(e);
          // Same order of keys: what JSON output would print.
          expect(JSON.stringify(back.result.diagnostics)).toBe(JSON.stringify(e.result.diagnostics));
          expect(isCacheEntry(plain(back))).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });

  it("an entry's summary and range check, read before its findings are built, agree with the built result", () => {
    fc.assert(
      fc.property(entries, count, (given, length) => {
        const map = new Map(Object.entries(given));
        const decoded = decodeCache(encodeCache('1.0.0', map, { hits: 0, misses: 0 }), '1.0.0');
        if (typeof decoded === 'string') throw new Error(decoded);
        for (const [path, e] of map) {
          const back = decoded.entries.get(path) as StoredEntry;
          const summary = back.summary();
          const fits = back.fits(length);
          expect(back.decoded).toBe(!back.compact);
          const r = e.result;
          const told = (x: typeof summary) => [x.errorCount, x.warningCount, x.infoCount, x.fixableErrorCount, x.fixableWarningCount, x.identity];
          expect(told(summary)).toEqual(told(r));
          expect(fits).toBe(fitsText(r, length));
        }
      }),
      { numRuns: 200 },
    );
  });

  it('stores each repeated string once: a thousand files with the same findings', () => {
    const d: Diagnostic = {
      ruleId: 'style/official-name',
      severity: 'info',
      messageId: 'wrongName',
      message: '「依法治市委员会」应为「全面依法治市委员会」',
      range: { start: 1, end: 8 },
      start: { line: 1, column: 2 },
      end: { line: 1, column: 9 },
      docsUrl: 'https://example.com/official-name.md',
      data: { text: '依法治市委员会' },
    };
    const map = new Map<string, CacheEntry>();
    for (let i = 0; i < 1000; i++) map.set(`/r/${i}.md`, { contentHash: 'c'.repeat(64), configHash: '{}', result: resultOf([d, d], {}) });
    const file = JSON.parse(encodeCache('1.0.0', map, { hits: 0, misses: 0 })) as CacheFile;
    expect(file.format).toBe(CACHE_FORMAT);
    expect(file.strings.filter((s) => s === d.message)).toHaveLength(1);
    expect(file.strings.length).toBeLessThan(10);
    const record = file.files['/r/7.md'] as unknown[];
    const [from, to] = record[7] as number[];
    expect((to as number) - (from as number)).toBe(2 * STRIDE);
    expect(decodeBlock(file.findings)?.length).toBe(1000 * 2 * STRIDE);
  });

  it('writes the string table in ASCII (other characters as escapes): the same JSON, read back the same', () => {
    const d: Diagnostic = { ruleId: 'style/wording', severity: 'warn', messageId: 'm', message: '提法有误：「依法治市」😀', range: { start: 0, end: 1 }, start: { line: 1, column: 1 }, end: { line: 1, column: 2 }, docsUrl: 'u', data: { text: '中文' } };
    const entry: CacheEntry = { contentHash: 'c', configHash: '{"locale":"zh-CN"}', result: resultOf([d], {}) };
    for (const path of ['/r/report.md', '/r/报告.md']) {
      const map = new Map([[path, entry]]);
      const text = encodeCache('1.0.0', map, { hits: 1, misses: 0 });
      // ASCII paths: an ASCII file.
      expect(/^[\x00-\x7f]*$/.test(text)).toBe(path === '/r/report.md');
      // The same JSON value as plain JSON.stringify of the file's object.
      const file = JSON.parse(text) as CacheFile;
      expect(JSON.stringify(file)).toBe(JSON.stringify({ format: CACHE_FORMAT, version: '1.0.0', lastRun: { hits: 1, misses: 0 }, strings: file.strings, findings: file.findings, files: file.files }));
      const decoded = decodeCache(text, '1.0.0');
      if (typeof decoded === 'string') throw new Error(decoded);
      expect(plain(decoded.entries.get(path) as CacheEntry)).toEqual(entry);
    }
  });

  it('builds a result only when it is used', () => {
    const map = new Map<string, CacheEntry>([['/r/a.md', { contentHash: 'c', configHash: 'k', result: resultOf([], {}) }]]);
    const decoded = decodeCache(encodeCache('1.0.0', map, { hits: 0, misses: 0 }), '1.0.0');
    if (typeof decoded === 'string') throw new Error(decoded);
    const e = decoded.entries.get('/r/a.md');
    expect(e?.decoded).toBe(false);
    expect(e?.result.diagnostics).toEqual([]);
    expect(e?.decoded).toBe(true);
  });
});

describe('a cache file of another format, or not a cache, is a miss', () => {
  const RESULT = resultOf([], {});

  it('format 1 (plain entries, what fzlint wrote before): a silent miss, rewritten in the current format', async () => {
    const location = join(dir, 'cache.json');
    const file = join(dir, 'a.md');
    writeFileSync(file, 'x');
    writeFileSync(location, JSON.stringify({ version: '1.0.0', entries: { [file]: { contentHash: 'c', configHash: 'k', result: RESULT } }, lastRun: { hits: 1, misses: 0 } }));
    const c = await LintCache.load(location, '1.0.0');
    expect(c.discarded).toBe(false);
    expect(c.get(file, 'c', 'k')).toBeUndefined();
    c.set(file, 'c', 'k', RESULT);
    await c.save();
    expect((JSON.parse(readFileSync(location, 'utf8')) as CacheFile).format).toBe(CACHE_FORMAT);
    expect((await LintCache.load(location, '1.0.0')).get(file, 'c', 'k')).toEqual(RESULT);
  });

  it('a newer format, or another fzlint version: a silent miss', () => {
    const text = encodeCache('1.0.0', new Map([['/r/a.md', { contentHash: 'c', configHash: 'k', result: RESULT }]]), { hits: 0, misses: 0 });
    expect(decodeCache(text, '2.0.0')).toBe('foreign');
    expect(decodeCache(text.replace(`"format":${CACHE_FORMAT}`, `"format":${CACHE_FORMAT + 1}`), '1.0.0')).toBe('foreign');
  });

  it('any text cut short, or not JSON, is unusable and never throws', () => {
    const map = new Map([['/r/a.md', { contentHash: 'c', configHash: 'k', result: resultOf([{ ruleId: 'r', severity: 'warn', messageId: 'm', message: 'm', range: { start: 0, end: 1 }, start: { line: 1, column: 1 }, end: { line: 1, column: 2 }, docsUrl: 'u' }], {}) }]]);
    const text = encodeCache('1.0.0', map, { hits: 0, misses: 0 });
    for (let cut = 0; cut < text.length; cut++) expect(decodeCache(text.slice(0, cut), '1.0.0')).toBe('corrupt');
    for (const bad of ['[]', '42', 'null', '"x"', `{"format":${CACHE_FORMAT},"version":"1.0.0"}`, `{"format":${CACHE_FORMAT},"version":"1.0.0","strings":[1],"files":{}}`]) {
      expect(decodeCache(bad, '1.0.0')).toBe('corrupt');
    }
  });

  it('a tampered number drops that entry only, never throws, and what is kept is a valid entry', () => {
    const d: Diagnostic = { ruleId: 'r', severity: 'warn', messageId: 'm', message: 'msg', range: { start: 0, end: 1 }, start: { line: 1, column: 1 }, end: { line: 1, column: 2 }, docsUrl: 'u', fix: { range: { start: 0, end: 1 }, text: 'x' } };
    const map = new Map<string, CacheEntry>([
      ['/r/a.md', { contentHash: 'c', configHash: 'k', result: resultOf([d, d], {}) }],
      ['/r/b.md', { contentHash: 'c', configHash: 'k', result: resultOf([d], {}) }],
    ]);
    const file = JSON.parse(encodeCache('1.0.0', map, { hits: 0, misses: 0 })) as { strings: string[]; findings: string; files: Record<string, unknown[]> };
    /** The file with a's findings (its run of the block) changed by `change`. */
    const withFindings = (change: (findings: number[], strings: string[]) => void): typeof file => {
      const copy = structuredClone(file);
      const [from, to] = copy.files['/r/a.md']?.[7] as number[];
      const block = [...(decodeBlock(copy.findings) as Int32Array)];
      const findings = block.slice(from, to);
      change(findings, copy.strings);
      block.splice(from as number, (to as number) - (from as number), ...findings);
      copy.findings = encodeBlock(block);
      // A run that grew or shrank moves the runs after it.
      const delta = findings.length - ((to as number) - (from as number));
      (copy.files['/r/a.md']?.[7] as number[])[1] = (to as number) + delta;
      for (const r of Object.values(copy.files)) {
        const run = r[7] as number[];
        if ((run[0] as number) > (from as number)) {
          run[0] = (run[0] as number) + delta;
          run[1] = (run[1] as number) + delta;
        }
      }
      return copy;
    };
    fc.assert(
      fc.property(fc.nat({ max: 2 * STRIDE - 1 }), fc.integer({ min: -3, max: 20 }), (at, value) => {
        const copy = withFindings((findings) => (findings[at] = value));
        const decoded = decodeCache(JSON.stringify(copy), '1.0.0');
        if (typeof decoded === 'string') throw new Error(decoded);
        // The other file is untouched.
        expect(decoded.entries.has('/r/b.md')).toBe(true);
        const a = decoded.entries.get('/r/a.md');
        if (a) expect(isCacheEntry(plain(a))).toBe(true);
        else expect(decoded.dropped).toBe(1);
      }),
      { numRuns: 300 },
    );
    // Each kind of damage on its own.
    const damaged = (change: (findings: number[], strings: string[]) => void) => {
      const decoded = decodeCache(JSON.stringify(withFindings(change)), '1.0.0');
      return typeof decoded === 'string' ? decoded : decoded.entries.has('/r/a.md');
    };
    expect(damaged(() => undefined)).toBe(true);
    expect(damaged((f) => (f[1] = 3))).toBe(false); // no such severity
    expect(damaged((f) => (f[3] = 999))).toBe(false); // message index outside the table
    expect(damaged((f) => (f[7] = 0))).toBe(false); // line 0
    expect(damaged((f) => ((f[5] = 9), (f[6] = 2)))).toBe(false); // range reversed
    expect(damaged((f) => f.pop())).toBe(false); // not a whole number of findings
    expect(damaged((f, s) => (s[f[11] as number] = '[1]'))).toBe(false); // extra not an object
    expect(damaged((f, s) => (s[f[11] as number] = '{"fix":{"range":{"start":0,"end":1}}}'))).toBe(false); // fix without text
    expect(damaged((f, s) => (s[f[11] as number] = '{"ruleId":7}'))).toBe(false); // extra overriding a stored field
    expect(damaged((f, s) => (s[f[11] as number] = '{oops'))).toBe(false); // extra not JSON
  });

  it('a damaged findings block (format 3): not whole Int32 or not a string is unusable; a result outside it is dropped', () => {
    const d: Diagnostic = { ruleId: 'r', severity: 'warn', messageId: 'm', message: 'msg', range: { start: 0, end: 1 }, start: { line: 1, column: 1 }, end: { line: 1, column: 2 }, docsUrl: 'u' };
    const map = new Map<string, CacheEntry>([
      ['/r/a.md', { contentHash: 'c', configHash: 'k', result: resultOf([d], {}) }],
      ['/r/b.md', { contentHash: 'c', configHash: 'k', result: resultOf([d, d], {}) }],
    ]);
    const text = encodeCache('1.0.0', map, { hits: 0, misses: 0 });
    const file = JSON.parse(text) as CacheFile & { findings: unknown; files: Record<string, unknown[]> };
    // Round trip: the block is base64 of the findings' Int32, runs one after another.
    expect(decodeBlock(file.findings as string)?.length).toBe(3 * STRIDE);
    expect(file.files['/r/a.md']?.[7]).toEqual([0, STRIDE, 0, 0, -1]);
    expect(file.files['/r/b.md']?.[7]).toEqual([STRIDE, 3 * STRIDE, 0, 0, -1]);
    const decoded = decodeCache(text, '1.0.0');
    if (typeof decoded === 'string') throw new Error(decoded);
    for (const [path, e] of map) expect(plain(decoded.entries.get(path) as CacheEntry)).toEqual(e);
    const withBlock = (findings: unknown) => decodeCache(JSON.stringify({ ...file, findings }), '1.0.0');
    expect(withBlock('AAA')).toBe('corrupt'); // two bytes: not a whole Int32
    expect(withBlock(42)).toBe('corrupt');
    expect(withBlock(null)).toBe('corrupt');
    // Cut short by one finding: b's run ends outside the block, a's is kept.
    const short = withBlock(encodeBlock([...(decodeBlock(file.findings as string) as Int32Array)].slice(0, 2 * STRIDE)));
    if (typeof short === 'string') throw new Error(short);
    expect([...short.entries.keys()]).toEqual(['/r/a.md']);
    expect(short.dropped).toBe(1);
    // A result's run that is not whole findings, reversed, or not of integers: that entry dropped.
    for (const run of [[0, STRIDE - 1], [STRIDE, 0], [0.5, STRIDE], ['0', STRIDE], [null, STRIDE], [-STRIDE, 0]]) {
      const copy = structuredClone(file);
      (copy.files['/r/a.md']?.[7] as unknown[]).splice(0, 2, ...run);
      const r = decodeCache(JSON.stringify(copy), '1.0.0');
      if (typeof r === 'string') throw new Error(r);
      expect([...r.entries.keys()]).toEqual(['/r/b.md']);
    }
  });
});
