/**
 * The judged snapshot: every warning and error fzlint gives on every report of
 * the development corpus (fixtures/corpus: full/, archive/, excerpts/ and the
 * Markdown versions in markdown/), each with a one-line judgement in
 * corpus-snapshot.jsonl. A new warning or error, or one that vanished, fails
 * this test with the lines to add or remove, until someone reads the report and
 * judges it. Only true findings may stay: a false one is fixed at its cause (the
 * reading, or the rule's severity), never listed.
 *
 * Infos are not listed: a reviewer may take or leave them. Excerpts are linted
 * without the two rules that judge a whole report (see support/corpus-lint.ts).
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readText } from '@fzlint/parser';
import { describe, expect, it } from 'vitest';
import { corpusReports, lintReport, readReport, warningsAndErrors } from './support/corpus-lint.js';

const SNAPSHOT = join(dirname(fileURLToPath(import.meta.url)), 'corpus-snapshot.jsonl');

/** One judged finding. */
interface Entry {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly rule: string;
  readonly severity: 'warn' | 'error';
  /** The start of the message, as read (line breaks removed). */
  readonly message: string;
  /** The words the finding underlines, as read. */
  readonly text: string;
  /** `true: <why>`, written after reading the report. */
  readonly judgement: string;
}

type Found = Omit<Entry, 'judgement'>;

const MESSAGE_START = 48;
const squeeze = (s: string): string => s.replace(/[ \t\u3000]*\r?\n[ \t\u3000\r\n]*/gu, '');

function found(file: string): Found[] {
  const text = readReport(file);
  const { diagnostics } = lintReport(file, text);
  return warningsAndErrors(diagnostics)
    .map((d) => ({
      file,
      line: d.start.line,
      column: d.start.column,
      rule: d.ruleId,
      severity: d.severity as 'warn' | 'error',
      message: squeeze(d.message).slice(0, MESSAGE_START),
      text: readText(text, d.range.start, d.range.end),
    }))
    .sort(byPlace);
}

const byPlace = (a: Found, b: Found): number => a.line - b.line || a.column - b.column || a.rule.localeCompare(b.rule) || a.message.localeCompare(b.message);
const keyOf = (e: Found): string => JSON.stringify([e.file, e.line, e.column, e.rule, e.severity, e.message, e.text]);

const judged: Entry[] = readFileSync(SNAPSHOT, 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as Entry);

describe('the judged snapshot of every warning and error on the development corpus', () => {
  const reports = corpusReports();

  it('covers the whole corpus: full, archive, excerpts and markdown', () => {
    const dirs = new Set(reports.map((f) => f.split('/')[0]));
    expect([...dirs].sort()).toEqual(['archive', 'excerpts', 'full', 'markdown']);
    expect(reports.length).toBe(5 + 6 + 36 + 5);
    for (const e of judged) expect(reports, `${e.file} is not a corpus report`).toContain(e.file);
  });

  it('holds only true findings, each judged', () => {
    for (const e of judged) expect(e.judgement, `${e.file}:${e.line}:${e.column} ${e.rule}`).toMatch(/^true: \S/u);
  });

  for (const file of reports) {
    it(`${file}: exactly the judged warnings and errors`, () => {
      const now = found(file);
      const expected = judged.filter((e) => e.file === file);
      const nowKeys = new Set(now.map(keyOf));
      const expectedKeys = new Set(expected.map(keyOf));
      const added = now.filter((e) => !expectedKeys.has(keyOf(e)));
      const vanished = expected.filter((e) => !nowKeys.has(keyOf(e)));
      if (added.length > 0 || vanished.length > 0) {
        // A readable diff: the lines to judge and add, and the lines to remove from corpus-snapshot.jsonl.
        const lines = [
          ...added.map((e) => `+ ${JSON.stringify({ ...e, judgement: 'true: <read the report and say why, or fix the cause>' })}`),
          ...vanished.map((e) => `- ${JSON.stringify(e)}`),
        ];
        expect.fail(`${file}: the warnings and errors changed; judge them in corpus-snapshot.jsonl\n${lines.join('\n')}`);
      }
      expect(now.length).toBe(expected.length);
    });
  }
});
