import { parse, type ReportDocument } from '@fzlint/parser';
import type { PreviousReport } from '@fzlint/rule-api';

/**
 * Last year's report as a caller gives it to `lint` (`LintOptions.previous`): the
 * text the `continuity/` rules compare this year's report with. No file system here:
 * the CLI, the language server or the workbench reads the file and passes its text.
 */
export interface PreviousInput {
  readonly text: string;
  /** Its path, shown in related information (`第12行` of which file); also picks the format by extension. */
  readonly filePath?: string;
  /** How to parse it; wins over the guess from `filePath` (Markdown for `.md`/`.markdown`). */
  readonly format?: 'markdown' | 'plaintext';
  /** The text already parsed (e.g. linted itself in the same batch); used when its text and format match. */
  readonly document?: ReportDocument;
}

const MARKDOWN_EXTENSION = /\.(?:md|markdown)$/i;

/** At most this many previous reports stay parsed, and at most this many characters of them. */
const MAX_ENTRIES = 8;
const MAX_CHARS = 8_000_000;

// Keyed by content (then format), not by path: an editor re-lints on every keystroke
// with the same last-year text, and a batch may pass one previous report to several
// files; neither should parse it again. The text itself is the key (no key string
// built per call): V8 hashes a string once and keeps the hash on it. A Map keeps
// insertion order: re-inserting on a hit makes it a small LRU. Rules keep their own
// indexes of a previous document in WeakMaps keyed by the document, so a hit here
// also reuses those.
interface Parsed {
  markdown?: ReportDocument;
  plaintext?: ReportDocument;
}
const cache = new Map<string, Parsed>();
let cachedChars = 0;

/**
 * Parses last year's report once: the same text in the same format returns the same
 * `ReportDocument` (a bounded cache of the last few). Returns what the rules receive
 * as `context.previous`. Throws what the parser throws (the engine reports it).
 */
export function parsePrevious(input: PreviousInput): PreviousReport {
  const format = input.format ?? (input.filePath !== undefined && MARKDOWN_EXTENSION.test(input.filePath) ? 'markdown' : 'plaintext');
  const withPath = (document: ReportDocument): PreviousReport =>
    input.filePath !== undefined ? { document, filePath: input.filePath } : { document };
  const given = input.document;
  if (given && given.text === input.text && given.format === format) return withPath(given);
  const hit = cache.get(input.text);
  const cached = hit?.[format];
  if (hit && cached) {
    cache.delete(input.text);
    cache.set(input.text, hit);
    return withPath(cached);
  }
  // Parsed without its path or year options: the report says its own year, and a
  // cached document must not depend on which caller asked first.
  const document = parse(input.text, { format });
  if (input.text.length <= MAX_CHARS) {
    if (hit) hit[format] = document;
    else {
      cache.set(input.text, { [format]: document });
      cachedChars += input.text.length;
    }
    for (const [text] of cache) {
      if (cache.size <= MAX_ENTRIES && cachedChars <= MAX_CHARS) break;
      cache.delete(text);
      cachedChars -= text.length;
    }
  }
  return withPath(document);
}

/** Forgets every cached previous report (tests; a long-lived process that wants the memory back). */
export function clearPreviousCache(): void {
  cache.clear();
  cachedChars = 0;
}

/** How many previous reports are cached (tests): one per text and format. */
export function previousCacheSize(): number {
  let n = 0;
  for (const parsed of cache.values()) n += (parsed.markdown ? 1 : 0) + (parsed.plaintext ? 1 : 0);
  return n;
}

export { remapRelatedIn } from './related.js';
