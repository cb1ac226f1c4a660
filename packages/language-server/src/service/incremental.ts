/**
 * Incremental re-parsing for open documents: the last parsed `ReportDocument` of each document
 * and the edits made since, so that the next lint re-parses only what the edits touched
 * (`reparse` of `@fzlint/parser`) instead of the whole text.
 *
 * Anything that looks off (no parsed version to start from, a gap in the recorded versions, a
 * full-text change, other parse options, a re-parse that throws or yields another text) gives
 * `undefined`: the linter then parses the text in full.
 */
import type { ReportDocument } from '@fzlint/parser';
import type { ReparseFunction, TextEdit } from './types.js';

/** One `didChange`: the version before and after, and its changes as offsets (undefined: the whole text was replaced). */
interface RecordedChange {
  readonly from: number;
  readonly to: number;
  readonly edits: readonly TextEdit[] | undefined;
}

/** The last document parsed for a URI. */
interface Base {
  readonly version: number;
  readonly document: ReportDocument;
  /** The parse options (and config generation) it was made with. */
  readonly key: string;
}

/**
 * Changes kept per document while no lint consumes them (a document that is not a report is
 * never linted): past this many the log and the base are dropped and the next lint parses in full.
 */
const MAX_RECORDED_CHANGES = 512;

/** The per-document state of incremental re-parsing. */
export class IncrementalDocuments {
  private readonly bases = new Map<string, Base>();
  private readonly logs = new Map<string, RecordedChange[]>();

  constructor(private readonly reparse: ReparseFunction) {}

  /**
   * Records one `didChange` of a document, from version `from` to `to`. `edits` are the
   * `contentChanges` in order, each range an offset pair in the text left by the ones before;
   * undefined when a change replaced the whole text.
   */
  record(uri: string, from: number, to: number, edits: readonly TextEdit[] | undefined): void {
    let log = this.logs.get(uri);
    if (!log) {
      log = [];
      this.logs.set(uri, log);
    }
    if (log.length >= MAX_RECORDED_CHANGES) {
      this.forget(uri);
      return;
    }
    log.push({ from, to, edits });
  }

  /**
   * The parsed document of `text` at `version`, re-parsed from the last one remembered, or
   * undefined when the text must be parsed in full.
   */
  documentFor(uri: string, version: number, text: string, key: string): ReportDocument | undefined {
    const base = this.bases.get(uri);
    if (!base || base.key !== key || version < base.version) return undefined;
    if (version === base.version) return base.document.text === text ? base.document : undefined;
    const edits: TextEdit[] = [];
    let at = base.version;
    for (const change of this.logs.get(uri) ?? []) {
      if (change.to <= base.version) continue;
      if (change.to > version) break;
      if (change.from !== at || change.edits === undefined) return undefined;
      for (const edit of change.edits) edits.push(edit);
      at = change.to;
    }
    if (at !== version) return undefined;
    let document: ReportDocument;
    try {
      document = this.reparse(base.document, edits);
    } catch {
      return undefined;
    }
    return document.text === text ? document : undefined;
  }

  /** Remembers the document parsed for `version` (never going back to an older version). */
  remember(uri: string, version: number, document: ReportDocument, key: string): void {
    const base = this.bases.get(uri);
    if (base && base.version > version) return;
    this.bases.set(uri, { version, document, key });
    const log = this.logs.get(uri);
    if (log) {
      const keep = log.filter((c) => c.to > version);
      if (keep.length > 0) this.logs.set(uri, keep);
      else this.logs.delete(uri);
    }
  }

  /** Forgets a document (closed, re-opened, or its state looks off). */
  forget(uri: string): void {
    this.bases.delete(uri);
    this.logs.delete(uri);
  }

  /** Forgets every parsed document (config or settings changed); recorded changes stay. */
  clear(): void {
    this.bases.clear();
  }
}
