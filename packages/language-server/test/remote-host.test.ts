/**
 * The lint thread's side (`RemoteHost`), in this thread: what it replies to a lint.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { lint as lintFresh } from '@fzlint/linter';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LineMap, toLspDiagnostic } from '../src/convert.js';
import { loadEngine } from '../src/engine.js';
import { RemoteHost } from '../src/service/remote-host.js';
import type { RemoteLintRequest } from '../src/service/remote-protocol.js';
import { lintRequest as lint } from './remote-requests.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'fzlint-remote-host-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('RemoteHost (the lint thread)', () => {
  it('converts each version with the last one linted, equal to a fresh conversion of every finding', async () => {
    const host = new RemoteHost(await loadEngine({}));
    const corpus = new URL('../../../fixtures/corpus/full/', import.meta.url);
    const name = readdirSync(corpus).filter((n) => n.endsWith('.txt')).sort()[0]!;
    let text = readFileSync(new URL(name, corpus), 'utf8');
    const uri = pathToFileURL(join(dir, 'report.txt')).href;
    const request = (version: number, t: string): RemoteLintRequest => ({ ...lint(uri, version, t), options: { filePath: join(dir, 'report.txt') } });
    let before = host.lint(request(1, text)).diagnostics;
    let reused = 0;
    // Characters typed and deleted across the text, a line break among them: each reply as a fresh conversion.
    const edits: [number, string, number][] = [[0.5, '字', 0], [0.2, '', 1], [0.8, '\n', 0], [0.1, '法冶', 0], [0.9, '', 2]];
    let version = 1;
    for (const [where, typed, removed] of edits) {
      const at = Math.floor(text.length * where);
      text = text.slice(0, at) + typed + text.slice(at + removed);
      const reply = host.lint(request(++version, text));
      const lines = new LineMap(text);
      // Each version linted afresh (no parse or finding of the versions before reused).
      const expected = lintFresh(text, { filePath: join(dir, 'report.txt') }).diagnostics.map((d, index) => toLspDiagnostic(d, lines, uri, { version, index }));
      expect(expected.length).toBeGreaterThan(0);
      expect(JSON.stringify(reply.diagnostics)).toBe(JSON.stringify(expected));
      // Converted with the last version's: the unmoved findings' ranges are its objects.
      reused += reply.diagnostics.filter((d) => before.some((b) => b.range === d.range)).length;
      before = reply.diagnostics;
    }
    expect(reused).toBeGreaterThan(0);
  });
});
