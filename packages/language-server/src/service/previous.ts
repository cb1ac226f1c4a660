/**
 * Last year's report of each document, for the `continuity/` rules: the config's
 * `previousReport`, else the report of the same issuer for the year before among the
 * other report files of the document's own folder (the project API's `findPrevious`: at
 * most `MAX_SIBLINGS` = 64 of them read, those whose name says the year before first;
 * subfolders and other folders are not searched; each file's issuer and year kept while
 * it is unchanged). Free of the LSP connection.
 *
 * Which file it is, is looked up once per document and kept until the config changes, a
 * report file of the document's folder (or the previous report itself) changes on disk
 * (watched files), or the document's own issuer or report year changes (its title
 * edited). The look-ups of the last few identities of each document are remembered until
 * the config or a file of its folder changes, so that a title typed back and forth does
 * not search the folder again. Its text is the editor's when it is open there; otherwise
 * the file is read again whenever its size or modification time changed (one `stat` per
 * lint, so a client without file watching still sees it change).
 */
import { promises as fs, statSync } from 'node:fs';
import * as path from 'node:path';
import type { TextFormat } from '@fzlint/input';
import type { ReportDocument } from '@fzlint/parser';
import type { EnginePreviousFinder, EnginePreviousInput } from './types.js';

/** An open document's text, as the editor holds it. */
export interface OpenText {
  readonly text: string;
  readonly version: number;
}

/** Where one document's previous report is, once looked up. */
interface Lookup {
  readonly folder: string;
  /** Absolute path of last year's report, when there is one. */
  readonly previous?: string;
  /** The document's issuer and year at look-up time (`issuer|year`); undefined when the config named the report. */
  readonly identity?: string;
}

/**
 * Look-ups remembered per document, by identity: a title edited and edited back (a
 * character typed, then deleted) finds its earlier look-up instead of searching again.
 */
const MAX_IDENTITIES = 4;

/** The previous report's text as last read from disk. */
interface ReadCopy {
  readonly size: number;
  readonly mtimeMs: number;
  readonly text: string;
  readonly format: TextFormat;
}

/** What `find` is given: the document's text as the editor holds it. */
type FindOptions = Parameters<EnginePreviousFinder['find']>[1];
/** What `find` answers. */
type FindOutcome = Awaited<ReturnType<EnginePreviousFinder['find']>>;

/** What a lint uses: the input for `lint`, and a key that changes when it changes. */
export interface PreviousForLint {
  readonly input: EnginePreviousInput;
  /** Changes when the file or its text changes (a result computed with another key is stale). */
  readonly key: string;
}

/** Finds, reads and watches the previous report of each document. */
export class PreviousReports {
  private readonly lookups = new Map<string, Promise<Lookup | undefined>>();
  private readonly settled = new Map<string, Lookup>();
  private readonly copies = new Map<string, ReadCopy>();
  /** Bumped when a report file of the folder changes: pairings there may have changed. */
  private readonly folders = new Map<string, number>();
  /** Each document's look-ups by identity (`issuer|year`), the most recent last; at most {@link MAX_IDENTITIES}. */
  private readonly byIdentity = new Map<string, Map<string, Lookup>>();
  /** Bumped whenever look-ups are forgotten for a file change or config change: one started before is not remembered by identity. */
  private epoch = 0;

  constructor(
    private readonly finder: () => EnginePreviousFinder | undefined,
    /** The editor's text of an open file (by path), if it is open. */
    private readonly openText: (filePath: string) => OpenText | undefined,
    /** Called when a look-up failed (an unreadable previous report): the message to log. */
    private readonly onProblem: (message: string) => void = () => undefined,
    /**
     * `find` in the lint thread, for the documents linted there: finding parses the whole
     * text, which for a multi-megabyte document would hold up the request thread. Undefined
     * (or none given): found here.
     */
    private readonly findOffThread?: (filePath: string, options: FindOptions) => Promise<FindOutcome> | undefined,
  ) {}

  /**
   * Last year's report for a document, or undefined when none is known (no `file:` path,
   * none configured and none paired, or an engine without the finder).
   */
  async previousFor(
    uri: string,
    filePath: string | undefined,
    text: string,
    format?: TextFormat,
    offThread = false,
    /** The text already parsed as `find` would parse it (saves it parsing the whole text again); not sent to the lint thread. */
    document?: ReportDocument,
  ): Promise<PreviousForLint | undefined> {
    const finder = this.finder();
    if (!finder || filePath === undefined) return undefined;
    let pending = this.lookups.get(uri);
    if (!pending) {
      const options: FindOptions = { text, ...(format ? { format } : {}) };
      const finding = (offThread ? this.findOffThread?.(filePath, options) : undefined) ?? finder.find(filePath, document ? { ...options, document } : options);
      const epoch = this.epoch;
      pending = finding.then(
        (found) => {
          if (found.problem) this.onProblem(found.problem);
          const lookup: Lookup = {
            folder: path.dirname(filePath),
            ...(found.previous !== undefined ? { previous: found.previous } : {}),
            ...(found.identity !== undefined ? { identity: found.identity } : {}),
          };
          // A look-up forgotten meanwhile (its document closed or re-looked-up) is not the document's.
          if (this.lookups.get(uri) === pending) this.settled.set(uri, lookup);
          // A problem (an unreadable previous report) is logged again on the next look-up, as before.
          if (lookup.identity !== undefined && !found.problem && epoch === this.epoch) this.rememberIdentity(uri, lookup.identity, lookup);
          return lookup;
        },
        (error: unknown) => {
          this.onProblem(String(error instanceof Error ? error.message : error));
          this.lookups.delete(uri);
          return undefined;
        },
      );
      this.lookups.set(uri, pending);
    }
    const lookup = await pending;
    if (!lookup?.previous) return undefined;
    const open = this.openText(lookup.previous);
    if (open) {
      return { input: { text: open.text, filePath: lookup.previous }, key: `${lookup.previous}#open${open.version}` };
    }
    const copy = await this.read(lookup.previous, finder);
    if (!copy) return undefined;
    return { input: { text: copy.text, filePath: lookup.previous, format: copy.format }, key: `${lookup.previous}#${copy.size}-${copy.mtimeMs}` };
  }

  /** The file's text, read again when its size or modification time changed. */
  private async read(filePath: string, finder: EnginePreviousFinder): Promise<ReadCopy | undefined> {
    // Synchronous: an awaited `stat` goes through libuv's thread pool, and on every keystroke
    // the lint waited for that thread to be scheduled (0.25 ms typically, several ms when V8's
    // compiler and GC threads hold the cores); the call itself takes microseconds.
    let stat;
    try {
      stat = statSync(filePath, { throwIfNoEntry: false });
    } catch {
      stat = undefined;
    }
    if (!stat) {
      this.copies.delete(filePath);
      return undefined;
    }
    const kept = this.copies.get(filePath);
    if (kept && kept.size === stat.size && kept.mtimeMs === stat.mtimeMs) return kept;
    const read = await finder.read(filePath);
    if (!read.ok) {
      this.copies.delete(filePath);
      return undefined;
    }
    const copy: ReadCopy = { size: stat.size, mtimeMs: stat.mtimeMs, text: read.text, format: read.format };
    this.copies.set(filePath, copy);
    return copy;
  }

  /**
   * Whether the document's issuer or report year is no longer the one its previous report
   * was found for (a title edited). The look-up is then replaced: by the one remembered for
   * the new identity, if any, else forgotten (the next {@link previousFor} searches again);
   * the caller asks {@link previousFor} again and lints again if its key changed.
   */
  identityChanged(uri: string, filePath: string | undefined, document: ReportDocument): boolean {
    const finder = this.finder();
    const lookup = this.settled.get(uri);
    if (!finder || filePath === undefined || lookup?.identity === undefined) return false;
    const identity = finder.identity(document, filePath);
    if (identity === lookup.identity) return false;
    const known = this.byIdentity.get(uri)?.get(identity);
    if (known) {
      this.rememberIdentity(uri, identity, known);
      this.lookups.set(uri, Promise.resolve(known));
      this.settled.set(uri, known);
    } else {
      this.lookups.delete(uri);
      this.settled.delete(uri);
    }
    return true;
  }

  /** Remembers a document's look-up for an identity, the most recent last, dropping the oldest past {@link MAX_IDENTITIES}. */
  private rememberIdentity(uri: string, identity: string, lookup: Lookup): void {
    let known = this.byIdentity.get(uri);
    if (!known) this.byIdentity.set(uri, (known = new Map()));
    known.delete(identity);
    known.set(identity, lookup);
    if (known.size > MAX_IDENTITIES) known.delete(known.keys().next().value as string);
  }

  /**
   * The documents whose previous report is, or may now be, `filePath` (a report file that
   * changed, was created or deleted): those of its folder, and those compared with it.
   * Their look-ups are forgotten (pairing may change), and the caller lints them again.
   */
  changed(filePath: string): string[] {
    const folder = path.dirname(filePath);
    this.copies.delete(filePath);
    this.folders.set(folder, (this.folders.get(folder) ?? 0) + 1);
    const affected: string[] = [];
    for (const [uri, lookup] of this.settled) {
      if (lookup.folder === folder || lookup.previous === filePath) affected.push(uri);
    }
    for (const uri of affected) this.forget(uri);
    // The look-ups remembered for other identities may be stale too (pairings of the folder).
    for (const [uri, known] of this.byIdentity) {
      for (const lookup of known.values()) {
        if (lookup.folder === folder || lookup.previous === filePath) {
          this.byIdentity.delete(uri);
          break;
        }
      }
    }
    this.epoch++;
    return affected;
  }

  /**
   * What a result of a file not open in the editor depends on besides its own content: the
   * pairings of its folder and the previous report it was compared with (`key` of
   * {@link previousFor}); a cached workspace result with another stamp is stale.
   */
  async stamp(filePath: string, previous: { readonly filePath: string; readonly key: string } | undefined): Promise<string> {
    const folder = this.folders.get(path.dirname(filePath)) ?? 0;
    if (!previous) return `${folder}`;
    const open = this.openText(previous.filePath);
    if (open) return `${folder}:${previous.filePath}#open${open.version}`;
    try {
      const info = await fs.stat(previous.filePath);
      return `${folder}:${previous.filePath}#${info.size}-${info.mtimeMs}`;
    } catch {
      return `${folder}:gone`;
    }
  }

  /** The open documents compared with this file (its text in the editor changed). */
  dependentsOf(filePath: string): string[] {
    const out: string[] = [];
    for (const [uri, lookup] of this.settled) if (lookup.previous === filePath) out.push(uri);
    return out;
  }

  /** Forgets one document (closed, or its look-up is stale). */
  forget(uri: string): void {
    this.lookups.delete(uri);
    this.settled.delete(uri);
    this.byIdentity.delete(uri);
  }

  /** Forgets everything (configs changed). */
  clear(): void {
    this.lookups.clear();
    this.settled.clear();
    this.copies.clear();
    this.folders.clear();
    this.byIdentity.clear();
    this.epoch++;
  }
}
