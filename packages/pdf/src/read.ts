/**
 * Reading a PDF's text layer with pdf.js (see the package's index for the whole story).
 *
 * Cost: pdf.js parses the file and at most {@link ReadPdfOptions.maxPages} pages (500) are
 * read; the layout (`layout.ts`) sorts each page's runs (n log n) and walks lines and
 * blocks once. pdf.js's own memory is not bounded here: the CLI reads PDFs in the project
 * API's guarded thread, under the memory budget (docs/robustness.md).
 */
import { pagesToBlocks, type PdfPage, type PdfTextRun, type SourceBlock } from './layout.js';

/** Why a PDF gave no text. */
export type PdfFailure =
  /** Not a PDF, or one too damaged to open. */
  | 'not-pdf'
  /** Encrypted with a password. */
  | 'encrypted'
  /** No text layer: a scan (or images of text); it needs OCR first. */
  | 'no-text';

/** What reading a PDF gave. */
export type PdfOutcome =
  | { readonly ok: true; readonly blocks: SourceBlock[]; readonly pages: number }
  | { readonly ok: false; readonly reason: PdfFailure; readonly pages: number; readonly detail: string };

/** A predefined CMap's bytes (`.bcmap`), by name: how Chinese text in non-embedded fonts is decoded. */
export type CMapSource = (name: string) => Uint8Array | undefined | Promise<Uint8Array | undefined>;

/** Options of `readPdf`. */
export interface ReadPdfOptions {
  /**
   * Where predefined CMaps come from (PDFs whose Chinese fonts are not
   * embedded name one, e.g. UniGB-UCS2-H). Node defaults to pdfjs-dist's
   * `cmaps/` folder; a browser build passes the ones it bundled.
   */
  readonly cmaps?: CMapSource;
  /** Stop after this many pages (a report has a few dozen; a 2,000-page file is not one). */
  readonly maxPages?: number;
}

/** Below this many characters per page on average, a PDF is taken for a scan. */
const MIN_CHARS_PER_PAGE = 20;
const DEFAULT_MAX_PAGES = 500;

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let loading: Promise<PdfJs> | undefined;

/**
 * Loads pdf.js with its worker code in the same thread (pdf.js's "fake
 * worker", picked because `globalThis.pdfjsWorker` is set): no worker file to
 * find next to a bundle, no extra thread in Node, and inside a browser the
 * caller is already a Web Worker. The legacy build runs on Node 20 and older
 * browsers alike.
 */
function loadPdfJs(): Promise<PdfJs> {
  loading ??= (async () => {
    const g = globalThis as { pdfjsWorker?: unknown };
    if (g.pdfjsWorker === undefined) g.pdfjsWorker = await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
    return import('pdfjs-dist/legacy/build/pdf.mjs');
  })();
  return loading;
}

/** pdf.js's CMap reader, answering from `source` (pdf.js constructs it with `{ baseUrl, isCompressed }`). */
function cmapFactory(source: CMapSource): unknown {
  return class {
    async fetch({ name }: { name: string }): Promise<{ cMapData: Uint8Array; isCompressed: boolean }> {
      const data = await source(name);
      if (!data) throw new Error(`CMap ${name} is not bundled`);
      return { cMapData: data, isCompressed: true };
    }
  };
}

/** In Node, the CMaps shipped in pdfjs-dist. */
async function nodeCMaps(): Promise<CMapSource | undefined> {
  const isNode = typeof process !== 'undefined' && typeof process.versions?.node === 'string';
  if (!isNode) return undefined;
  try {
    const [{ readFile }, { createRequire }, { dirname, join }] = await Promise.all([
      import('node:fs/promises'),
      import('node:module'),
      import('node:path'),
    ]);
    const dir = join(dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')), 'cmaps');
    return async (name) => {
      if (!/^[\w.-]+$/.test(name)) return undefined;
      return new Uint8Array(await readFile(join(dir, `${name}.bcmap`)));
    };
  } catch {
    return undefined;
  }
}

/** The parts of a pdf.js page this module uses. */
interface PageLike {
  getOperatorList(): Promise<unknown>;
  readonly commonObjs: { has(id: string): boolean; get(id: string): unknown };
}

/**
 * The fonts' own names (`ABCDEF+FangSong_GB2312` → `FangSong_GB2312`), by pdf.js's ids. pdf.js gives
 * text runs an id per font object, and a PDF may hold one font in several subsets (LibreOffice
 * starts a new one every few hundred glyphs): ids would tell body text from body text. The names
 * are known once pdf.js has loaded the fonts, which building the page's operator list does.
 */
async function nameFonts(page: PageLike, items: readonly TextItemLike[], names: Map<string, string>): Promise<void> {
  try {
    await page.getOperatorList();
  } catch {
    // A damaged content stream: keep pdf.js's ids.
  }
  for (const item of items) {
    const id = item.fontName ?? '';
    if (names.has(id)) continue;
    let name = id;
    try {
      if (page.commonObjs.has(id)) {
        const font = page.commonObjs.get(id) as { name?: unknown } | undefined;
        if (typeof font?.name === 'string' && font.name !== '') name = font.name.replace(/^[A-Z]{6}\+/, '');
      }
    } catch {
      // Not loaded: keep the id.
    }
    names.set(id, name);
  }
}

interface TextItemLike {
  readonly str?: string;
  readonly transform?: readonly number[];
  readonly width?: number;
  readonly fontName?: string;
}

/**
 * Reads a PDF's text layer into blocks (title, headings, paragraphs). Never
 * throws for a bad file: a damaged or non-PDF file, an encrypted one, or a
 * scan without a text layer is a failure outcome with its reason.
 */
export async function readPdf(bytes: Uint8Array, options: ReadPdfOptions = {}): Promise<PdfOutcome> {
  const pdfjs = await loadPdfJs();
  const cmaps = options.cmaps ?? (await nodeCMaps());
  // pdf.js takes ownership of (detaches) the buffer it is given: pass a copy.
  const data = bytes.slice();
  const task = pdfjs.getDocument({
    data,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    useWorkerFetch: false,
    stopAtErrors: false,
    verbosity: 0,
    ...(cmaps ? { CMapReaderFactory: cmapFactory(cmaps) as never, cMapUrl: 'bundled/', cMapPacked: true } : {}),
  });
  let doc;
  try {
    doc = await task.promise;
  } catch (error) {
    await task.destroy().catch(() => undefined);
    const err = error as { name?: string; message?: string };
    if (err.name === 'PasswordException') return { ok: false, reason: 'encrypted', pages: 0, detail: err.message ?? '' };
    return { ok: false, reason: 'not-pdf', pages: 0, detail: (err.message ?? String(error)).split('\n')[0] ?? '' };
  }
  try {
    const count = Math.min(doc.numPages, options.maxPages ?? DEFAULT_MAX_PAGES);
    const pages: PdfPage[] = [];
    const fontNames = new Map<string, string>();
    let chars = 0;
    for (let n = 1; n <= count; n++) {
      const page = await doc.getPage(n);
      const viewport = page.getViewport({ scale: 1 });
      const content = await page.getTextContent({ includeMarkedContent: false, disableNormalization: false });
      const items = (content.items as TextItemLike[]).filter((i) => typeof i.str === 'string' && i.str !== '' && i.transform);
      if (items.some((i) => !fontNames.has(i.fontName ?? ''))) await nameFonts(page, items, fontNames);
      const runs: PdfTextRun[] = [];
      for (const item of items) {
        const t = item.transform as readonly number[];
        // transform = [a, b, c, d, e, f]: size from the vertical scale, position from e, f.
        const size = Math.hypot(t[2] ?? 0, t[3] ?? 0);
        const font = fontNames.get(item.fontName ?? '') ?? item.fontName ?? '';
        runs.push({ text: item.str as string, x: t[4] ?? 0, y: t[5] ?? 0, width: item.width ?? 0, size, font });
        chars += (item.str as string).trim().length;
      }
      pages.push({ width: viewport.width, height: viewport.height, runs });
      page.cleanup();
    }
    if (chars < MIN_CHARS_PER_PAGE * Math.max(1, count) * 0.5 && chars < 200) {
      return { ok: false, reason: 'no-text', pages: doc.numPages, detail: `${chars} characters of text on ${count} page(s)` };
    }
    const blocks = pagesToBlocks(pages);
    if (blocks.length === 0) return { ok: false, reason: 'no-text', pages: doc.numPages, detail: 'no text' };
    return { ok: true, blocks, pages: doc.numPages };
  } finally {
    await doc.destroy().catch(() => undefined);
  }
}
