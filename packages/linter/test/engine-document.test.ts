import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse, reparse } from '@fzlint/parser';
import { describe, expect, it } from 'vitest';
import { lint } from '../src/index.js';

const corpus = (name: string) =>
  readFileSync(fileURLToPath(new URL(`../../../fixtures/corpus/full/${name}`, import.meta.url)), 'utf8');
const report = corpus('000_db52c8fa8bf2b1ef.txt');

describe('lint: options.document (a text already parsed)', () => {
  it('uses the given document instead of parsing: the result carries that very object', () => {
    const document = parse(report, { format: 'plaintext' });
    const r = lint(report, { document });
    expect(r.document).toBe(document);
  });

  it('gives the same findings for a re-parsed document as for a fresh parse of the edited text', () => {
    const at = report.indexOf('\n', report.length >> 1) + 1;
    const edited = `${report.slice(0, at)}全年收到行政复议申请10件，审结12件。\n${report.slice(at)}`;
    const document = reparse(parse(report, { format: 'plaintext' }), [{ range: { start: at, end: at }, text: '全年收到行政复议申请10件，审结12件。\n' }]);
    expect(document.text).toBe(edited);
    const viaDocument = lint(edited, { document });
    const fresh = lint(edited);
    expect(viaDocument.document).toBe(document);
    expect(viaDocument.diagnostics).toEqual(fresh.diagnostics);
    expect(fresh.diagnostics.length).toBeGreaterThan(0);
  });

  it('parses anew when the document is of another text or another format', () => {
    const document = parse(report, { format: 'plaintext' });
    const other = `${report}\n补充一句。`;
    const r = lint(other, { document });
    expect(r.document).not.toBe(document);
    expect(r.document.text).toBe(other);
    expect(r.diagnostics).toEqual(lint(other).diagnostics);

    const asMarkdown = lint(report, { document, format: 'markdown' });
    expect(asMarkdown.document).not.toBe(document);
    expect(asMarkdown.document.format).toBe('markdown');
  });

  it('uses the document for the first pass only when fixing', () => {
    const text = '推进法治政府建设，严格执行《中华人民共和国行政复议法》。\n';
    const document = parse(text, { format: 'plaintext' });
    const fixed = lint(text, { document, fix: true });
    const fresh = lint(text, { fix: true });
    expect(fixed.output).toBe(fresh.output);
    expect(fixed.diagnostics).toEqual(fresh.diagnostics);
  });
});
