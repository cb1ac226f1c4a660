/**
 * `@fzlint/input/docx`: the Word reader, loaded only when a `.docx` file is met
 * (it pulls in mammoth and, for mammoth's HTML, the HTML parser).
 */
import { toMarkdown, type ConvertOutcome, type SourceBlock } from './blocks.js';
import { documentBlocks } from './html.js';
import { checkDocxZip } from './zip-check.js';

/**
 * Word's built-in heading styles are named `heading 1` whatever the interface
 * language (mammoth maps those by default); documents made from Chinese
 * templates may carry display names instead. The Title style marks the report's
 * title. Images are dropped: fzlint reads text only.
 */
const STYLE_MAP: readonly string[] = [
  "p[style-name='Title'] => h1.doc-title:fresh",
  "p[style-name='标题'] => h1.doc-title:fresh",
  "p[style-name='标题 1'] => h1:fresh",
  "p[style-name='标题 2'] => h2:fresh",
  "p[style-name='标题 3'] => h3:fresh",
  "p[style-name='标题 4'] => h4:fresh",
  "p[style-name='标题 5'] => h5:fresh",
  "p[style-name='标题 6'] => h6:fresh",
];

/** What reading a Word document gave. */
export interface DocxBlocks {
  readonly blocks: SourceBlock[];
  /** mammoth's warnings (unknown styles …), for `--debug`-like use; not printed. */
  readonly warnings: readonly string[];
}

/**
 * Reads a `.docx` into blocks: one per non-empty Word paragraph (a table row is
 * one block), headings from heading styles, the title from the Title style or
 * a first paragraph that reads like one. Throws when the bytes are not a Word
 * document (the caller turns that into a one-line input error).
 */
export async function readDocx(bytes: Uint8Array): Promise<DocxBlocks> {
  // CommonJS package: its namespace's default is the module object.
  const mod = (await import('mammoth')) as unknown as { default: typeof import('mammoth') };
  const mammoth = mod.default;
  // mammoth reads `buffer` in Node and `arrayBuffer` in its browser build; JSZip
  // underneath takes a Uint8Array for either, so one object serves both.
  const input = { buffer: bytes, arrayBuffer: bytes } as unknown as Parameters<typeof mammoth.convertToHtml>[0];
  const result = await mammoth.convertToHtml(
    input,
    {
      styleMap: [...STYLE_MAP],
      ignoreEmptyParagraphs: true,
      convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' })),
    },
  );
  return { blocks: documentBlocks(result.value), warnings: result.messages.map((m) => m.message) };
}

/**
 * Converts a Word document's bytes to Markdown (one paragraph per line).
 *
 * Cost: the XML parts are first inflated once as a stream and checked
 * (`checkDocxZip`: at most 32 MiB of XML, elements at most 1,000 deep), so a
 * zip bomb or absurd nesting is refused before mammoth builds its trees;
 * mammoth and the HTML walk are then linear in the XML (measured about 1.4 µs
 * and 150 bytes of heap per XML character), the Markdown linear in the text.
 */
export async function convertDocx(bytes: Uint8Array): Promise<ConvertOutcome> {
  const checked = await checkDocxZip(bytes);
  if (checked.ok === false) return { ok: false, reason: checked.reason, detail: '', limit: checked.limit };
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
