/**
 * Warming the edit path after the first lint (`warmUp`): keystrokes in a copy of the opened
 * text's first lines, linted through the edit path under another path, while nothing else is
 * to do. The document's own findings stay those of a fresh lint, and a lint scheduled stops it.
 */
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { reparse } from '@fzlint/parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-types';
import { loadEngine } from '../src/engine.js';
import { ConfigResolver } from '../src/service/config.js';
import { DiagnosticsService, type LintSnapshot } from '../src/service/diagnostics.js';
import { IncrementalDocuments } from '../src/service/incremental.js';
import type { EngineLintOptions, LintEngine } from '../src/service/types.js';
import { DEFAULT_SETTINGS } from '../src/settings.js';

const corpus = fileURLToPath(new URL('../../../fixtures/corpus/full/', import.meta.url));
const PLAIN = readFileSync(path.join(corpus, '003_5b463c698add1c1a.txt'), 'utf8');

function shown(diagnostics: readonly Diagnostic[]) {
  return diagnostics.map((d) => ({ range: d.range, code: d.code, message: d.message, related: d.relatedInformation?.map((r) => [r.location, r.message]) }));
}

let live: LintEngine;
let freshEngine: LintEngine;
beforeAll(async () => {
  live = await loadEngine({});
  freshEngine = await loadEngine({});
});

/** The live service with the warm-up on, recording what each lint was given. */
function liveService() {
  const lints: EngineLintOptions[] = [];
  const engine: LintEngine = {
    ...live,
    lint: (text, options) => {
      lints.push(options);
      return live.lint(text, options);
    },
  };
  const incremental = new IncrementalDocuments(live.reparse ?? reparse);
  const service = new DiagnosticsService({ engine, configs: new ConfigResolver(engine), getSettings: async () => DEFAULT_SETTINGS, workspaceFolders: () => [], incremental, warmUp: true });
  return { service, incremental, lints };
}

const fresh = async (uri: string, version: number, text: string) =>
  (await new DiagnosticsService({ engine: freshEngine, configs: new ConfigResolver(freshEngine), getSettings: async () => DEFAULT_SETTINGS, workspaceFolders: () => [] }).schedule(
    TextDocument.create(uri, 'plaintext', version, text),
    true,
  )) as LintSnapshot;

/**
 * Turns of the event loop until `done`, at most `ms` milliseconds (the warm-up starts 100 ms
 * after the first lint, then takes one step per turn).
 */
async function until(done: () => boolean, ms = 20_000): Promise<void> {
  const deadline = performance.now() + ms;
  while (!done() && performance.now() < deadline) await new Promise((r) => setTimeout(r, 1));
}

describe('warming the edit path after the first lint', () => {
  it('lints a copy of the first lines through the edit path, once, and leaves the document’s findings as a fresh lint’s', async () => {
    const file = path.join(tmpdir(), 'fzlint-warm-up', 'r.txt');
    const uri = pathToFileURL(file).href;
    const { service, incremental, lints } = liveService();
    const doc = TextDocument.create(uri, 'plaintext', 1, PLAIN);
    await service.schedule(doc, true);
    expect(lints).toHaveLength(1);
    await until(() => lints.length >= 42);
    const warm = lints.slice(1);
    // One full lint of the copy, then 40 keystrokes, each re-parsed.
    expect(warm).toHaveLength(41);
    expect(warm.every((o) => o.filePath === path.join(path.dirname(file), '.fzlint-warm-up-r.txt') && o.previous === undefined)).toBe(true);
    expect(warm[0]!.document).toBeUndefined();
    expect(warm.slice(1).every((o) => o.document !== undefined && o.document.text.length < 5000)).toBe(true);

    // The document's edits: incremental, with the findings of a fresh lint; no second warm-up.
    for (let version = 2; version <= 5; version++) {
      const at = Math.floor((PLAIN.length * version) / 7);
      const edit = { range: { start: at, end: at }, text: '法冶' };
      TextDocument.update(doc, [{ range: { start: doc.positionAt(at), end: doc.positionAt(at) }, text: edit.text }], version);
      incremental.record(uri, version - 1, version, [edit]);
      const got = (await service.schedule(doc, true)) as LintSnapshot;
      expect(got.timing?.parse).toBe('incremental');
      expect(shown(got.diagnostics)).toEqual(shown((await fresh(uri, version, doc.getText())).diagnostics));
    }
    await until(() => false, 2000);
    expect(lints).toHaveLength(42 + 4);
  }, 60_000);

  it('starts only after a pause, and never runs between keystrokes', async () => {
    const uri = pathToFileURL(path.join(tmpdir(), 'fzlint-warm-up', 'p.txt')).href;
    const { service, incremental, lints } = liveService();
    const doc = TextDocument.create(uri, 'plaintext', 1, PLAIN);
    await service.schedule(doc, true);
    // A keystroke at once: the warm-up had not started, and now never does.
    await new Promise((r) => setImmediate(r));
    expect(lints).toHaveLength(1);
    const at = Math.floor(PLAIN.length / 3);
    TextDocument.update(doc, [{ range: { start: doc.positionAt(at), end: doc.positionAt(at) }, text: '字' }], 2);
    incremental.record(uri, 1, 2, [{ range: { start: at, end: at }, text: '字' }]);
    await service.schedule(doc, true);
    await until(() => false, 1000);
    expect(lints).toHaveLength(2);
  }, 60_000);

  it('stops for good when a lint is scheduled', async () => {
    const uri = pathToFileURL(path.join(tmpdir(), 'fzlint-warm-up', 's.txt')).href;
    const { service, lints } = liveService();
    const doc = TextDocument.create(uri, 'plaintext', 1, PLAIN);
    await service.schedule(doc, true);
    await until(() => lints.length >= 4);
    TextDocument.update(doc, [{ range: { start: { line: 3, character: 0 }, end: { line: 3, character: 0 } }, text: '字' }], 2);
    const edited = service.schedule(doc);
    const during = lints.length;
    await edited;
    await until(() => false, 2000);
    // The lint of version 2, nothing more.
    expect(lints.length).toBe(during + 1);
    expect(lints.length).toBeLessThan(42);
  }, 60_000);
});
