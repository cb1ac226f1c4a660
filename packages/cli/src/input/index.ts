/**
 * Word and web input, loaded only when a `.docx` or `.html` file is met (it
 * pulls in mammoth and an HTML parser, which a Markdown run never needs).
 */
import { toMarkdown, type Converted } from './blocks.js';
import { readDocx } from './docx.js';
import { decodeHtml, pageBlocks } from './html.js';

export { toMarkdown, toSourcePosition, type Converted, type SourceMap, type SourceBlock } from './blocks.js';

/** The kinds of converted input, by extension. */
export type ConvertedKind = 'docx' | 'html';

/** A conversion's outcome: Markdown with its source map, or why there is none. */
export type ConvertOutcome =
  | { readonly ok: true; readonly converted: Converted; readonly charset?: string }
  | { readonly ok: false; readonly reason: 'not-docx' | 'no-text'; readonly detail: string };

/** Converts a Word document's or a saved web page's bytes to Markdown. */
export async function convertBytes(bytes: Uint8Array, kind: ConvertedKind): Promise<ConvertOutcome> {
  if (kind === 'docx') {
    let blocks;
    try {
      blocks = (await readDocx(bytes)).blocks;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return { ok: false, reason: 'not-docx', detail: message.split('\n')[0] ?? message };
    }
    const converted = toMarkdown(blocks, 'docx');
    return converted.paragraphs === 0 ? { ok: false, reason: 'no-text', detail: '' } : { ok: true, converted };
  }
  const { text, charset } = decodeHtml(bytes);
  const converted = toMarkdown(pageBlocks(text), 'html');
  // Metadata alone is not a report.
  const hasText = converted.markdown.split('\n').some((l) => l.startsWith('#') || l.length > 40);
  return hasText ? { ok: true, converted, charset } : { ok: false, reason: 'no-text', detail: '' };
}
