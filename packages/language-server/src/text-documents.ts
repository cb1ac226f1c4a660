/**
 * The open documents: applying each change as `TextDocument` does while noting it as offsets
 * (so the next lint re-parses only what changed).
 */
import lspNode from 'vscode-languageserver/node.js';
import { TextDocument, type TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import type { TextDocuments as TextDocumentsType } from 'vscode-languageserver/node.js';
import type { IncrementalDocuments } from './service/incremental.js';
import type { TextEdit } from './service/types.js';

const { TextDocuments } = lspNode;

/** The document manager, recording each change in `incremental` (and its time, for the timing log). */
export function createDocuments(
  incremental: IncrementalDocuments,
  timing: { readonly enabled: boolean; readonly changeMs: Map<string, number> },
): TextDocumentsType<TextDocument> {
  return new TextDocuments<TextDocument>({
    create: (uri, languageId, version, content) => TextDocument.create(uri, languageId, version, content),
    update: (document, changes, version) => {
      const started = timing.enabled ? performance.now() : 0;
      const from = document.version;
      let edits: TextEdit[] | undefined = [];
      for (const change of changes) {
        if (edits && 'range' in change && change.range !== undefined) {
          // TextDocument swaps a reversed range: so do the offsets.
          const a = document.offsetAt(change.range.start);
          const b = document.offsetAt(change.range.end);
          edits.push({ range: { start: Math.min(a, b), end: Math.max(a, b) }, text: change.text });
        } else {
          edits = undefined;
        }
        TextDocument.update(document, [change as TextDocumentContentChangeEvent], version);
      }
      if (changes.length === 0) TextDocument.update(document, [], version);
      incremental.record(document.uri, from, version, edits);
      if (timing.enabled) timing.changeMs.set(document.uri, (timing.changeMs.get(document.uri) ?? 0) + performance.now() - started);
      return document;
    },
  });
}

/**
 * Builds the document's line offsets now. `TextDocument` builds them on first use, which is
 * the first keystroke's `offsetAt` (~3 ms of a cold main thread for the 100 KB report, 36 K
 * UTF-16 units); called once the opened document's first diagnostics are out, that keystroke
 * finds them made. The offsets are the library's own, so every position stays as it was.
 */
export function buildLineOffsets(document: TextDocument): void {
  void document.lineCount;
}
