/**
 * The server's bookkeeping of last year's reports (`service/previous.ts`), with a fake finder;
 * and where it is looked for: in the lint thread for a document linted there.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { ReportDocument } from '@fzlint/parser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pathToFileURL } from 'node:url';
import { previousInLintThread, type RemoteLinter } from '../src/remote.js';
import { ConfigResolver } from '../src/service/config.js';
import { DiagnosticsService, LOCAL_MAX_CHARS } from '../src/service/diagnostics.js';
import { PreviousReports, type OpenText } from '../src/service/previous.js';
import type { RemoteLintRequest, RemoteRequest } from '../src/service/remote-protocol.js';
import type { EnginePreviousFinder } from '../src/service/types.js';
import { DEFAULT_SETTINGS } from '../src/settings.js';
import { fakeEngine, REPORT } from './fake-engine.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'fzlint-ls-previous-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A finder pairing every file with `last.md` of its folder; counts its look-ups and reads. */
function finder(identity = () => '宽城区|2021') {
  const calls = { find: 0, read: 0 };
  const f: EnginePreviousFinder = {
    find: async (filePath) => {
      calls.find++;
      return { previous: path.join(path.dirname(filePath), 'last.md'), identity: identity() };
    },
    read: async (filePath) => {
      calls.read++;
      const { readFileSync } = await import('node:fs');
      return { ok: true, text: readFileSync(filePath, 'utf8'), format: 'markdown', encoding: 'utf8' };
    },
    identity: () => identity(),
  };
  return { f, calls };
}

describe('PreviousReports', () => {
  it('looks up once per document, reads the file again only when it changed, and prefers the editor’s text', async () => {
    writeFileSync(path.join(dir, 'last.md'), '# 2020年度报告\n');
    const { f, calls } = finder();
    const open = new Map<string, OpenText>();
    const reports = new PreviousReports(() => f, (p) => open.get(p));
    const file = path.join(dir, 'this.md');
    const first = await reports.previousFor('u', file, 'text');
    expect(first?.input).toEqual({ text: '# 2020年度报告\n', filePath: path.join(dir, 'last.md'), format: 'markdown' });
    const second = await reports.previousFor('u', file, 'text, edited');
    expect(second?.key).toBe(first?.key);
    expect(calls).toEqual({ find: 1, read: 1 });
    writeFileSync(path.join(dir, 'last.md'), '# 2020年度报告（修订）\n');
    const third = await reports.previousFor('u', file, 'text');
    expect(third?.input.text).toBe('# 2020年度报告（修订）\n');
    expect(third?.key).not.toBe(first?.key);
    open.set(path.join(dir, 'last.md'), { text: '编辑器中的文字', version: 7 });
    expect((await reports.previousFor('u', file, 'text'))?.input.text).toBe('编辑器中的文字');
    expect(reports.dependentsOf(path.join(dir, 'last.md'))).toEqual(['u']);
  });

  it('forgets the look-ups of a folder when a report file there changes, and one whose issuer or year changed', async () => {
    writeFileSync(path.join(dir, 'last.md'), 'x');
    let id = '宽城区|2021';
    const { f, calls } = finder(() => id);
    const reports = new PreviousReports(() => f, () => undefined);
    await reports.previousFor('a', path.join(dir, 'a.md'), 't');
    await reports.previousFor('b', path.join(dir, 'sub', 'b.md'), 't');
    expect(reports.changed(path.join(dir, 'new.md'))).toEqual(['a']);
    const before = await reports.stamp(path.join(dir, 'a.md'), undefined);
    reports.changed(path.join(dir, 'other.md'));
    expect(await reports.stamp(path.join(dir, 'a.md'), undefined)).not.toBe(before);
    await reports.previousFor('a', path.join(dir, 'a.md'), 't');
    expect(calls.find).toBe(3);
    const document = {} as ReportDocument;
    expect(reports.identityChanged('a', path.join(dir, 'a.md'), document)).toBe(false);
    id = '宽城区|2022';
    expect(reports.identityChanged('a', path.join(dir, 'a.md'), document)).toBe(true);
    await reports.previousFor('a', path.join(dir, 'a.md'), 't');
    expect(calls.find).toBe(4);
  });

  it('gives nothing without a file path or a finder', async () => {
    expect(await new PreviousReports(() => undefined, () => undefined).previousFor('u', '/x.md', 't')).toBeUndefined();
    expect(await new PreviousReports(() => finder().f, () => undefined).previousFor('untitled:1', undefined, 't')).toBeUndefined();
  });
});

describe('last year’s report of a document linted in the lint thread', () => {
  /** A lint thread that answers a `previous` look-up with `last.md` and records what it was asked. */
  function thread(answer: 'found' | 'unavailable' | 'timeout' = 'found') {
    const asked: RemoteRequest[] = [];
    const remote = {
      available: true,
      timeBudgetMs: 30_000,
      memoryBudgetMb: 2048,
      request: async (request: RemoteRequest) => {
        asked.push(request);
        if (request.kind === 'previous') {
          if (answer !== 'found') return { ok: false, reason: answer, message: answer };
          return { ok: true, value: { previous: path.join(dir, 'last.md'), identity: '宽城区|2021' } };
        }
        return { ok: true, value: { diagnostics: [], positions: [], ruleFailures: [], parse: 'full' } };
      },
    } as unknown as RemoteLinter;
    return { remote, asked };
  }

  function service(remote: RemoteLinter) {
    const { f, calls } = finder();
    const engine = { ...fakeEngine(), previous: f };
    const previous = new PreviousReports(
      () => f,
      () => undefined,
      undefined,
      (filePath, o) => previousInLintThread(remote, { filePath, ...o, cwd: dir, locale: 'zh-CN', generation: 0 }, () => f.find(filePath, o)),
    );
    const diagnostics = new DiagnosticsService({
      engine,
      configs: new ConfigResolver(engine),
      getSettings: async () => DEFAULT_SETTINGS,
      workspaceFolders: () => [dir],
      previous,
      remote: () => remote,
    });
    return { diagnostics, calls };
  }

  const LARGE = `${REPORT}\n${'全面推进依法行政，持续优化法治化营商环境。\n'.repeat(Math.ceil(LOCAL_MAX_CHARS / 20))}`;

  it('is looked for in the lint thread (finding parses the whole text), then linted there with it', async () => {
    writeFileSync(path.join(dir, 'last.md'), '# 2020年度报告\n');
    expect(LARGE.length).toBeGreaterThan(LOCAL_MAX_CHARS);
    const { remote, asked } = thread();
    const { diagnostics, calls } = service(remote);
    const uri = pathToFileURL(path.join(dir, 'large.md')).href;
    await diagnostics.current({ uri, version: 1, getText: () => LARGE });
    expect(calls.find).toBe(0);
    expect(asked.map((r) => r.kind)).toEqual(['previous', 'lint']);
    expect(asked[0]).toMatchObject({ kind: 'previous', filePath: path.join(dir, 'large.md'), text: LARGE, cwd: dir });
    expect(asked[1]).toMatchObject({ kind: 'lint', options: { previous: { text: '# 2020年度报告\n', filePath: path.join(dir, 'last.md') } } });
  });

  it('is looked for here for a document linted here, or when the thread cannot start; an abandoned look-up gives none this time', async () => {
    writeFileSync(path.join(dir, 'last.md'), '# 2020年度报告\n');
    const small = service(thread().remote);
    await small.diagnostics.current({ uri: pathToFileURL(path.join(dir, 'small.md')).href, version: 1, getText: () => REPORT });
    expect(small.calls.find).toBe(1);

    const down = service(thread('unavailable').remote);
    await down.diagnostics.current({ uri: pathToFileURL(path.join(dir, 'large.md')).href, version: 1, getText: () => LARGE });
    expect(down.calls.find).toBe(1);

    const { remote, asked } = thread('timeout');
    const slow = service(remote);
    await slow.diagnostics.current({ uri: pathToFileURL(path.join(dir, 'large.md')).href, version: 1, getText: () => LARGE });
    expect(slow.calls.find).toBe(0);
    expect(asked[1]).toMatchObject({ kind: 'lint' });
    expect((asked[1] as RemoteLintRequest).options.previous).toBeUndefined();
  });
});
