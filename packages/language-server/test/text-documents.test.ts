/**
 * The open document's line offsets built ahead of the first keystroke (`buildLineOffsets`): the
 * positions and the text after edits are those of a document whose offsets were built on first use.
 */
import { describe, expect, it } from 'vitest';
import { TextDocument, type TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import { buildLineOffsets } from '../src/text-documents.js';

/** Every offset's position and back, and the line count. */
function positions(doc: TextDocument) {
  const text = doc.getText();
  const out: unknown[] = [doc.lineCount];
  for (let o = 0; o <= text.length + 1; o++) {
    const p = doc.positionAt(o);
    out.push([p.line, p.character, doc.offsetAt(p)]);
  }
  return out;
}

describe('buildLineOffsets', () => {
  const text = '一、总体情况\r\n今年受理案件 120 件。\n\n二、\r下一步计划\r\n\r\n𠀀字 end';
  const edits: TextDocumentContentChangeEvent[] = [
    { range: { start: { line: 1, character: 3 }, end: { line: 1, character: 3 } }, text: '字' },
    { range: { start: { line: 0, character: 2 }, end: { line: 2, character: 0 } }, text: '\r\n' },
    { range: { start: { line: 3, character: 1 }, end: { line: 3, character: 1 } }, text: 'a\nb\r\nc' },
    { range: { start: { line: 9, character: 0 }, end: { line: 0, character: 0 } }, text: '' },
  ];

  it('leaves every position and every edit as they were without it', () => {
    const built = TextDocument.create('file:///a.md', 'markdown', 1, text);
    const lazy = TextDocument.create('file:///a.md', 'markdown', 1, text);
    buildLineOffsets(built);
    expect(positions(built)).toEqual(positions(lazy));
    let version = 1;
    for (const edit of edits) {
      version++;
      TextDocument.update(built, [edit], version);
      TextDocument.update(lazy, [edit], version);
      expect(built.getText()).toBe(lazy.getText());
      expect(positions(built)).toEqual(positions(lazy));
    }
  });

  it('is harmless on an empty document and when called again', () => {
    const doc = TextDocument.create('file:///b.md', 'markdown', 1, '');
    buildLineOffsets(doc);
    buildLineOffsets(doc);
    expect(doc.lineCount).toBe(1);
    expect(doc.positionAt(5)).toEqual({ line: 0, character: 0 });
  });
});
