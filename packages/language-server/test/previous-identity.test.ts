/**
 * A title edited back and forth (its issuer or year changes, then changes back): last year's
 * report is the one a fresh lint pairs for each text, the findings equal a fresh lint's, the
 * folder is searched once per identity until a file there changes, and the text is linted once
 * per version when the look-up can be made before the lint (re-parsed) or gives the same report.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { reparse } from '@fzlint/parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-types';
import { loadEngine } from '../src/engine.js';
import { ConfigResolver } from '../src/service/config.js';
import { DiagnosticsService, type LintSnapshot } from '../src/service/diagnostics.js';
import { IncrementalDocuments } from '../src/service/incremental.js';
import { PreviousReports } from '../src/service/previous.js';
import type { LintEngine } from '../src/service/types.js';
import { DEFAULT_SETTINGS } from '../src/settings.js';

const corpus = fileURLToPath(new URL('../../../fixtures/corpus/full/', import.meta.url));
// 宽城区's 2020 report and a 2021 draft under 宽城区's title with a passage of 2020 copied in.
const LAST = readFileSync(path.join(corpus, '002_55a70afaa3186b60.txt'), 'utf8');
const donor = readFileSync(path.join(corpus, '001_72ea27b1fd9ec9ba.txt'), 'utf8');
const copied = LAST.split('\n').find((l) => l.includes('持续开展简政放权'))!.trim().replace(/2020年/g, '2021年');
const DRAFT = `宽城区人民政府关于2021年度法治政府建设情况的报告\n一、2021年度法治政府建设工作情况\n${copied}\n上年,区政府共处理行政应诉案件38件。\n${donor.slice(donor.indexOf('\n', donor.indexOf('法治政府建设')) + 1)}`;
const LAST_NAME = '宽城区2020年度法治政府建设情况报告.txt';
const DRAFT_NAME = '宽城区2021年度法治政府建设情况报告.txt';
/** Where typing into the title changes the issuer (宽城区 → 宽城字区). */
const IN_ISSUER = 2;

function shown(diagnostics: readonly Diagnostic[]) {
  return diagnostics.map((d) => ({ range: d.range, code: d.code, message: d.message, related: d.relatedInformation?.map((r) => [r.location, r.message]) }));
}

let dir: string;
let live: LintEngine;
let freshEngine: LintEngine;
beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'fzlint-ls-identity-'));
  writeFileSync(path.join(dir, LAST_NAME), LAST);
  writeFileSync(path.join(dir, DRAFT_NAME), DRAFT);
  live = await loadEngine({});
  freshEngine = await loadEngine({});
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A lint by an engine and a look-up that never saw the document. */
async function freshLint(uri: string, version: number, text: string): Promise<LintSnapshot> {
  const service = new DiagnosticsService({
    engine: freshEngine,
    configs: new ConfigResolver(freshEngine),
    getSettings: async () => DEFAULT_SETTINGS,
    workspaceFolders: () => [dir],
    previous: new PreviousReports(() => freshEngine.previous, () => undefined),
  });
  return (await service.schedule(TextDocument.create(uri, 'plaintext', version, text), true)) as LintSnapshot;
}

/** The live service, counting its lints and folder searches. */
function liveService(withIncremental: boolean) {
  const counts = { lint: 0, find: 0 };
  const finder = live.previous!;
  const engine: LintEngine = {
    ...live,
    lint: (text, options) => {
      counts.lint++;
      return live.lint(text, options);
    },
    previous: { ...finder, find: (filePath, o) => (counts.find++, finder.find(filePath, o)) },
  };
  const incremental = withIncremental ? new IncrementalDocuments(live.reparse ?? reparse) : undefined;
  const previous = new PreviousReports(() => engine.previous, () => undefined);
  const service = new DiagnosticsService({
    engine,
    configs: new ConfigResolver(engine),
    getSettings: async () => DEFAULT_SETTINGS,
    workspaceFolders: () => [dir],
    previous,
    ...(incremental ? { incremental } : {}),
  });
  return { service, previous, incremental, counts };
}

describe('a title edited back and forth', () => {
  for (const withIncremental of [true, false]) {
    it(`pairs last year's report for each text as a fresh lint does (${withIncremental ? 're-parsed: identity known before the lint' : 'parsed in full: after it'})`, async () => {
      const uri = pathToFileURL(path.join(dir, DRAFT_NAME)).href;
      const { service, previous, incremental, counts } = liveService(withIncremental);
      const doc = TextDocument.create(uri, 'plaintext', 1, DRAFT);
      const first = (await service.schedule(doc, true)) as LintSnapshot;
      expect(first.previous?.filePath).toBe(path.join(dir, LAST_NAME));
      expect(first.diagnostics.some((d) => d.code === 'continuity/copied-passage')).toBe(true);
      expect(counts).toEqual({ lint: 1, find: 1 });

      /** Types or deletes one character in the title; the lints and searches it took. */
      const step = async (version: number, insert: boolean) => {
        const before = { ...counts };
        const text = doc.getText();
        const edit = insert ? { range: { start: IN_ISSUER, end: IN_ISSUER }, text: '字' } : { range: { start: IN_ISSUER, end: IN_ISSUER + 1 }, text: '' };
        TextDocument.update(doc, [{ range: { start: doc.positionAt(edit.range.start), end: doc.positionAt(edit.range.end) }, text: edit.text }], version);
        expect(doc.getText()).toBe(text.slice(0, edit.range.start) + edit.text + text.slice(edit.range.end));
        incremental?.record(uri, version - 1, version, [edit]);
        const got = (await service.schedule(doc, true)) as LintSnapshot;
        const want = await freshLint(uri, version, doc.getText());
        expect(got.version).toBe(version);
        expect(got.previous?.filePath).toBe(want.previous?.filePath);
        expect(shown(got.diagnostics)).toEqual(shown(want.diagnostics));
        return { lint: counts.lint - before.lint, find: counts.find - before.find, previous: got.previous?.filePath, parse: got.timing?.parse };
      };

      // 宽城字区: no report of that issuer in the folder; searched once.
      const typed = await step(2, true);
      expect(typed.previous).toBeUndefined();
      expect(typed.find).toBe(1);
      if (withIncremental) expect(typed).toMatchObject({ lint: 1, parse: 'incremental' });
      // Parsed in full, the change is seen after the lint, which was with 宽城区's report: again without it.
      else expect(typed.lint).toBe(2);

      // Back to 宽城区: its look-up is remembered, no search.
      const deleted = await step(3, false);
      expect(deleted.previous).toBe(path.join(dir, LAST_NAME));
      expect(deleted.find).toBe(0);
      expect(deleted.lint).toBe(withIncremental ? 1 : 2);

      // 宽城字区 again, remembered too; then 宽城字字区: another issuer without a report, the same
      // (no) previous report, so the lint after it stands even when the change is seen after it.
      expect(await step(4, true)).toMatchObject({ find: 0, lint: withIncremental ? 1 : 2 });
      expect(await step(5, true)).toMatchObject({ find: 1, lint: 1, previous: undefined });

      // A report file of the folder changes: the remembered look-ups are forgotten.
      expect(previous.changed(path.join(dir, '其他报告.txt'))).toEqual([uri]);
      expect(await step(6, false)).toMatchObject({ find: 1, previous: undefined });
      expect(await step(7, false)).toMatchObject({ find: 1, previous: path.join(dir, LAST_NAME) });
      expect(await step(8, true)).toMatchObject({ find: 0, previous: undefined });
    }, 60_000);
  }
});
