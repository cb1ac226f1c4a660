/**
 * Linting documents for diagnostics: debounced per document, only for reports, never publishing
 * a result for an older version over a newer one. Free of the LSP connection: the server asks for
 * snapshots and decides how to deliver them (pull or push).
 */
import * as path from 'node:path';
import type { TextFormat } from '@fzlint/input';
import type { Diagnostic } from 'vscode-languageserver-types';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { LineMap, toLspDiagnostics, type ConvertedFindings } from '../convert.js';
import type { FzlintSettings } from '../settings.js';
import { matchesInclude, mergeSettings, type ConfigResolver } from './config.js';
import { isReport } from './detect.js';
import type { IncrementalDocuments } from './incremental.js';
import type { PreviousForLint, PreviousReports } from './previous.js';
import type { RemoteFailure, RemoteLinter } from '../remote.js';
import type { RemoteRuleFailure } from './remote-protocol.js';
import type { EngineLintOptions, EngineLintResult, EngineRuleFailure, LintEngine } from './types.js';
import type { LineColumn } from '@fzlint/parser';
import { uriToPath } from './uri.js';

/** The little the service needs of a text document. */
export interface DocumentLike {
  readonly uri: string;
  readonly version: number;
  getText(): string;
}

/** The outcome of linting one version of one document. */
export interface LintSnapshot {
  readonly uri: string;
  readonly version: number;
  readonly lines: LineMap;
  readonly isReport: boolean;
  /** Absent when the document is not a report, linting is disabled, or the engine failed. */
  readonly result: EngineLintResult | undefined;
  readonly diagnostics: readonly Diagnostic[];
  readonly settings: FzlintSettings;
  /** The options `lint` was called with (reused for fix-all). */
  readonly options: EngineLintOptions | undefined;
  /** Changes when the config or settings behind the result change (result ids). */
  readonly configGeneration: number;
  /** How the text was parsed, and the milliseconds spent producing the snapshot (config look-up, parse, rules, conversion). */
  readonly timing?: LintTiming;
  /** Last year's report the result was compared with, and the key of its text (changes when it changes). */
  readonly previous?: { readonly filePath: string; readonly key: string };
  /**
   * Set when the lint ran in the lint thread (`remote.ts`): `result` is absent, the
   * features of this version are asked of that thread, and `positions` are the
   * findings' start and end (1-based) for converted input.
   */
  readonly remote?: { readonly positions: readonly (readonly [LineColumn, LineColumn])[] };
  /** Set when the lint was abandoned (over the time or memory budget, or a newer version replaced it). */
  readonly abandoned?: RemoteFailure;
}

/** How a snapshot was produced (the server's timing log). */
export interface LintTiming {
  /** `incremental`: re-parsed from the previous version; `unchanged`: the text was linted already, its result reused. */
  readonly parse: 'full' | 'incremental' | 'unchanged';
  readonly ms: number;
}

/** Above this many characters a document is not linted at all (one information diagnostic instead). */
export const MAX_LINT_CHARS = 8_000_000;
/**
 * Above this many characters a document is linted on open and on save only, not on every edit:
 * linting is synchronous, so a multi-megabyte report would otherwise stall the server while typing.
 */
export const LARGE_DOCUMENT_CHARS = 1_000_000;

/** Whether an edit should trigger a lint (false for large documents: they wait for a save). */
export function lintsOnEdit(textLength: number): boolean {
  return textLength <= LARGE_DOCUMENT_CHARS;
}

/**
 * Documents up to this many characters (about 190 KB of Chinese text) are linted in the
 * request thread, where the edit path re-parses only what changed; larger ones in the lint
 * thread (`remote.ts`), so that a long lint never holds up the other documents. The parser
 * and the rules are linear, so a document this size takes at most about 0.1 s whatever it holds.
 */
export const LOCAL_MAX_CHARS = 64_000;

/**
 * A document whose lint in the request thread took longer than this is linted in the lint
 * thread from then on (a shape the linear bound does not foresee should not stall the server
 * twice). Far above what a document below {@link LOCAL_MAX_CHARS} normally takes, even on a
 * loaded machine, so the editing path of ordinary reports stays here. Only the lint itself
 * counts (not the config and last year's report looked up before it, which wait for the lint
 * thread to start), and not the first lint of the process, which compiles the parser and the
 * rules and builds their tables: a 36,000-character report took 0.5–1.4 s then on a loaded
 * machine and was sent to the lint thread for the rest of the session, ~40 % more per edit.
 */
export const HEAVY_LINT_MS = 1000;

/** Environment variable: `0` turns off warming the edit path after the first lint ({@link DiagnosticsServiceOptions.warmUp}). */
export const WARM_UP_ENV = 'FZLINT_LS_WARM_UP';

/** About this many characters of the opened text (whole lines) are what the warm-up edits: each step stays ~1 ms. */
const WARM_UP_CHARS = 4000;
/** Keystrokes of the warm-up (a character typed, then deleted, at spread-out lines). */
const WARM_UP_EDITS = 40;
/**
 * The warm-up starts this long after the first lint: its diagnostics are sent first, and a
 * keystroke right after opening finds the warm-up not yet started (it then never starts).
 */
const WARM_UP_DELAY_MS = 100;

/** Extra debounce per character: a big document waits longer, so typing stays responsive (unless the delay is set to 0). */
const CHARS_PER_DEBOUNCE_MS = 4000;

/** Dependencies of the diagnostics service. */
export interface DiagnosticsServiceOptions {
  readonly engine: LintEngine;
  readonly configs: ConfigResolver;
  getSettings(uri: string): Promise<FzlintSettings>;
  workspaceFolders(): readonly string[];
  /** Called for every rule failure; the server reports each rule once. */
  onRuleFailure?(failure: EngineRuleFailure, uri: string): void;
  /** Called when `lint` itself throws. */
  onEngineError?(error: unknown, uri: string): void;
  /**
   * Incremental re-parsing of open documents (the server records their changes in it); without
   * it every lint parses the whole text.
   */
  readonly incremental?: IncrementalDocuments;
  /** Last year's report of each document (the continuity rules); without it none is given. */
  readonly previous?: PreviousReports;
  /** The lint thread, once the engine can run there; without it every document is linted in this thread. */
  remote?(): RemoteLinter | undefined;
  /** Called for a rule failure met in the lint thread (the server reports each rule once). */
  onRemoteRuleFailure?(failure: RemoteRuleFailure, uri: string): void;
  /** Called after every lint (the idle collection waits for the last one). */
  onLinted?(): void;
  /**
   * After the first lint of an opened document in this thread, while nothing else is to do:
   * type and delete characters in a copy of its first lines, re-parsed and linted through
   * the edit path, the results thrown away, so that the parser's re-parse and the rules'
   * windowed runs are compiled before the first real keystroke (the first ~25 edits were
   * twice as slow as later ones). Step by step on the event loop, from {@link WARM_UP_DELAY_MS}
   * after that lint; a lint scheduled or run since ends it for good. Off unless set (the server sets it).
   */
  readonly warmUp?: boolean;
  /** Called when the warm-up has made all its keystrokes: how many, and the milliseconds its steps took. */
  onWarmedUp?(steps: number, ms: number): void;
  /** Timer functions (tests may pass fake ones). */
  readonly setTimeout?: (fn: () => void, ms: number) => unknown;
  readonly clearTimeout?: (handle: unknown) => void;
}

interface PendingRun {
  timer: unknown;
  version: number;
  readonly waiters: ((snapshot: LintSnapshot | undefined) => void)[];
}

/** Lints documents on demand, debounced, with a per-document cache of the latest snapshot. */
export class DiagnosticsService {
  private readonly pending = new Map<string, PendingRun>();
  private readonly snapshots = new Map<string, LintSnapshot>();
  /** Documents whose lint here was slow: linted in the lint thread from then on. */
  private readonly heavy = new Set<string>();
  /** Whether a lint already ran in this thread (the first one pays for compiling and tables). */
  private warm = false;
  /** Whether the edit path was warmed (or is being warmed) already: once per process is enough. */
  private editPathWarmed = false;
  /** Lints scheduled or run for documents (the warm-up stops for good when this changes). */
  private lintRequests = 0;
  private readonly setTimer: (fn: () => void, ms: number) => unknown;
  private readonly clearTimer: (handle: unknown) => void;

  constructor(private readonly options: DiagnosticsServiceOptions) {
    // No delay runs on the next turn of the event loop (a 0 ms timer waits at least 1 ms).
    this.setTimer = options.setTimeout ?? ((fn, ms) => (ms <= 0 ? { immediate: setImmediate(fn) } : setTimeout(fn, ms)));
    this.clearTimer =
      options.clearTimeout ??
      ((h) => {
        if (typeof h === 'object' && h !== null && 'immediate' in h) clearImmediate((h as { immediate: NodeJS.Immediate }).immediate);
        else clearTimeout(h as NodeJS.Timeout);
      });
  }

  /**
   * Schedules a lint of the document's current version after the debounce delay (none when
   * `immediate`). Earlier waiters of the same document are answered by this newer run: a result
   * for an outdated version is never delivered.
   */
  schedule(document: DocumentLike, immediate = false): Promise<LintSnapshot | undefined> {
    this.lintRequests++;
    const cached = this.snapshots.get(document.uri);
    const running = this.pending.get(document.uri);
    if (!running && cached && cached.version === document.version && cached.configGeneration === this.generation) {
      return Promise.resolve(cached);
    }
    return new Promise((resolve) => {
      const run: PendingRun = running ?? { timer: undefined, version: document.version, waiters: [] };
      run.waiters.push(resolve);
      run.version = document.version;
      if (run.timer !== undefined) this.clearTimer(run.timer);
      this.pending.set(document.uri, run);
      void this.delayFor(document, immediate).catch(() => 0).then((ms) => {
        // A newer schedule() may have replaced the timer meanwhile; only the latest one fires.
        if (this.pending.get(document.uri) !== run || run.version !== document.version) return;
        if (run.timer !== undefined) this.clearTimer(run.timer);
        run.timer = this.setTimer(() => void this.fire(document, run), ms);
      });
    });
  }

  /** Whether a lint is scheduled or running. */
  get busy(): boolean {
    return this.pending.size > 0;
  }

  /** The latest snapshot of a document, whatever its version. */
  latest(uri: string): LintSnapshot | undefined {
    return this.snapshots.get(uri);
  }

  /** A snapshot of exactly this version, linting now if needed (code actions, hover, symbols). */
  async current(document: DocumentLike): Promise<LintSnapshot> {
    const cached = this.snapshots.get(document.uri);
    if (cached && cached.version === document.version && cached.configGeneration === this.generation) return cached;
    const snapshot = await this.lintDocument(document.uri, document.version, document.getText());
    this.remember(snapshot);
    return snapshot;
  }

  /**
   * Lints a text that is not open in the editor (workspace diagnostics); nothing is cached.
   * `format`: how the file's reader says to parse it (Markdown for a converted `.docx`).
   */
  lintFile(uri: string, text: string, format?: TextFormat): Promise<LintSnapshot> {
    return this.lintDocument(uri, -1, text, format);
  }

  /** Forgets a closed document; pending waiters get undefined. */
  forget(uri: string): void {
    const run = this.pending.get(uri);
    if (run) {
      if (run.timer !== undefined) this.clearTimer(run.timer);
      this.pending.delete(uri);
      for (const w of run.waiters) w(undefined);
    }
    this.snapshots.delete(uri);
    this.heavy.delete(uri);
    this.options.incremental?.forget(uri);
    const remote = this.options.remote?.();
    if (remote?.available) void remote.request({ kind: 'forget', uri });
  }

  /** The lint thread, when this text of this document is linted there. */
  private remoteFor(uri: string, text: string): RemoteLinter | undefined {
    const remote = this.options.remote?.();
    if (!remote?.available) return undefined;
    return text.length > LOCAL_MAX_CHARS || this.heavy.has(uri) ? remote : undefined;
  }

  /** Forgets a document's cached result (its previous report changed): the next request lints it again. */
  invalidate(uri: string): void {
    this.snapshots.delete(uri);
  }

  /** Forgets every cached result (config or settings changed). */
  invalidateAll(): void {
    this.snapshots.clear();
    this.options.incremental?.clear();
  }

  private get generation(): number {
    return this.options.configs.generation;
  }

  private async delayFor(document: DocumentLike, immediate: boolean): Promise<number> {
    if (immediate) return 0;
    const settings = await this.options.getSettings(document.uri);
    // 0 is an explicit request for no delay (tests, benchmarks, fast machines): honour it.
    if (settings.debounceMs === 0) return 0;
    return Math.max(settings.debounceMs, Math.floor(document.getText().length / CHARS_PER_DEBOUNCE_MS));
  }

  private async fire(document: DocumentLike, run: PendingRun): Promise<void> {
    run.timer = undefined;
    const version = run.version;
    let snapshot: LintSnapshot | undefined;
    try {
      snapshot = await this.lintDocument(document.uri, version, document.getText());
    } catch (error) {
      this.options.onEngineError?.(error, document.uri);
    }
    // Stale: a newer version was scheduled while the config was being read; its run answers everyone.
    if (this.pending.get(document.uri) !== run || run.version !== version) return;
    this.pending.delete(document.uri);
    if (snapshot) this.remember(snapshot);
    for (const w of run.waiters) w(snapshot);
  }

  private remember(snapshot: LintSnapshot): void {
    // A version replaced before it was linted has nothing to remember.
    if (snapshot.abandoned === 'superseded') return;
    const prev = this.snapshots.get(snapshot.uri);
    if (prev && prev.version > snapshot.version && prev.configGeneration === snapshot.configGeneration) return;
    this.snapshots.set(snapshot.uri, snapshot);
  }

  private async lintDocument(uri: string, version: number, text: string, format?: TextFormat, again = false): Promise<LintSnapshot> {
    this.lintRequests++;
    try {
      return await this.lintNow(uri, version, text, format, again);
    } finally {
      this.options.onLinted?.();
    }
  }

  /**
   * Warms the edit path once ({@link DiagnosticsServiceOptions.warmUp}): a copy of the first
   * lines of `text`, linted in full, then edited one keystroke per turn of the event loop,
   * each re-parsed from the last and linted incrementally. Under another path than the
   * document's (the linter's findings reuse is keyed by it), without last year's report; the
   * document's own state (snapshot, re-parse base) is not touched. Stops for good when a lint
   * is scheduled or running, or anything throws.
   */
  private warmUpEdits(filePath: string, text: string, options: EngineLintOptions, parsed: EngineLintResult['document']): void {
    this.editPathWarmed = true;
    const { engine } = this.options;
    const reparse = engine.reparse;
    if (!reparse || parsed.paragraphs.length < 2) return;
    const cut = text.indexOf('\n', WARM_UP_CHARS);
    let current = cut < 0 ? text : text.slice(0, cut + 1);
    // Lines worth typing into: the bench's and an editor's keystrokes land in prose.
    const places: number[] = [];
    for (let at = 0; at < current.length; ) {
      const end = current.indexOf('\n', at);
      const lineEnd = end < 0 ? current.length : end;
      if (lineEnd - at >= 10) places.push(at + ((lineEnd - at) >> 1));
      at = lineEnd + 1;
    }
    if (places.length === 0) return;
    const { previous: _previous, document: _document, ...rest } = options;
    const warmOptions: EngineLintOptions = { ...rest, filePath: path.join(path.dirname(filePath), `.fzlint-warm-up-${path.basename(filePath)}`) };
    let document: EngineLintResult['document'] | undefined;
    let step = 0;
    let ms = 0;
    // Counted from here: the lint that called this is done.
    const requests = this.lintRequests;
    const next = (): void => {
      // A real lint waits for nothing: the warm-up gives way for good (and never runs between keystrokes).
      if (this.pending.size > 0 || this.lintRequests !== requests) return;
      const started = performance.now();
      try {
        if (!document) {
          document = engine.lint(current, warmOptions).document;
        } else {
          const at = places[(step >> 1) * 7 % places.length]!;
          const edit = step % 2 === 0 ? { range: { start: at, end: at }, text: '字' } : { range: { start: at, end: at + 1 }, text: '' };
          current = current.slice(0, edit.range.start) + edit.text + current.slice(edit.range.end);
          document = engine.lint(current, { ...warmOptions, document: reparse(document, [edit]) }).document;
          step++;
        }
      } catch {
        return;
      }
      ms += performance.now() - started;
      if (step < WARM_UP_EDITS) {
        this.setTimer(next, 0);
      } else {
        this.options.onLinted?.();
        this.options.onWarmedUp?.(step, ms);
      }
    };
    this.setTimer(next, WARM_UP_DELAY_MS);
  }

  private async lintNow(uri: string, version: number, text: string, format: TextFormat | undefined, again: boolean): Promise<LintSnapshot> {
    const started = performance.now();
    const settings = await this.options.getSettings(uri);
    const generation = this.generation;
    // An edit of the last version linted: only the lines it changed are read again.
    const prior = version >= 0 ? this.snapshots.get(uri) : undefined;
    const lines = prior ? LineMap.edited(prior.lines, text) : new LineMap(text);
    const base = { uri, version, lines, settings, configGeneration: generation };
    if (!settings.enable) return { ...base, isReport: false, result: undefined, diagnostics: [], options: undefined };
    const filePath = uriToPath(uri);
    const docConfig = await this.options.configs.resolve(filePath);
    const report = isReport({
      hasConfig: docConfig.files.length > 0,
      ignored: docConfig.ignored,
      included: matchesInclude(settings, this.options.workspaceFolders(), filePath),
      text,
    });
    if (!report) return { ...base, isReport: false, result: undefined, diagnostics: [], options: undefined };
    if (text.length > MAX_LINT_CHARS) {
      return { ...base, isReport: true, result: undefined, diagnostics: [tooLarge(lines, settings)], options: undefined };
    }
    // A broken config names no previous report; one that ignores the file was handled above.
    // Linted in the lint thread (large): last year's report is looked for there too (finding parses the text).
    const remote = this.remoteFor(uri, text);
    const lookUp = docConfig.problem ? undefined : this.options.previous;
    let last = await lookUp?.previousFor(uri, filePath, text, format, remote !== undefined);
    const config = mergeSettings(docConfig.config, settings);
    const optionsWith = (last: PreviousForLint | undefined): EngineLintOptions => ({
      ...(filePath !== undefined ? { filePath } : {}),
      ...(format !== undefined ? { format } : {}),
      config,
      ...(this.options.engine.rules ? { rules: this.options.engine.rules } : {}),
      ...(settings.reportYear !== null ? { reportYear: settings.reportYear } : {}),
      locale: settings.locale,
      ...(last ? { previous: last.input } : {}),
    });
    let options = optionsWith(last);
    let usedPrevious = last ? { filePath: last.input.filePath as string, key: last.key } : undefined;
    const previous = version >= 0 ? this.snapshots.get(uri) : undefined;
    if (
      previous?.result !== undefined &&
      previous.configGeneration === generation &&
      previous.settings === settings &&
      previous.lines.text === text &&
      previous.previous?.key === usedPrevious?.key
    ) {
      // The same text under the same config and settings (an edit undone within the debounce, a
      // change that rewrote what was there): the findings are those of the last lint.
      const result = previous.result;
      const diagnostics = toLspDiagnostics(result.diagnostics, previous.lines, uri, version, lastConverted(previous));
      const timing: LintTiming = { parse: 'unchanged', ms: performance.now() - started };
      return { ...base, lines: previous.lines, isReport: true, result, diagnostics, options, timing, ...(usedPrevious ? { previous: usedPrevious } : {}) };
    }
    if (remote) {
      // Rule objects and parsed documents cannot cross to the thread (last year's report goes as text).
      const { rules: _rules, previous: lastYear, ...rest } = options;
      const crossing = lastYear ? { ...rest, previous: withoutDocument(lastYear) } : rest;
      const outcome = await remote.request({ kind: 'lint', uri, version, text, options: crossing, settings, key: parseKey(options, generation) });
      const ms = performance.now() - started;
      const used = usedPrevious ? { previous: usedPrevious } : {};
      if (outcome.ok) {
        for (const failure of outcome.value.ruleFailures) this.options.onRemoteRuleFailure?.(failure, uri);
        const timing: LintTiming = { parse: outcome.value.parse, ms };
        return { ...base, isReport: true, result: undefined, diagnostics: outcome.value.diagnostics, options, timing, remote: { positions: outcome.value.positions }, ...used };
      }
      // Could not start at all: lint here after all.
      if (outcome.reason !== 'unavailable') {
        const diagnostics = outcome.reason === 'superseded' ? [] : [abandoned(outcome.reason, remote, settings)];
        return { ...base, isReport: true, result: undefined, diagnostics, options, abandoned: outcome.reason, ...used };
      }
    }
    const incremental = version >= 0 ? this.options.incremental : undefined;
    const key = incremental ? parseKey(options, generation) : '';
    const document = incremental?.documentFor(uri, version, text, key);
    // The engine's `find` parses the text as `lint` does unless the settings or config give a
    // report year or writing date (it parses without them): else it is given the parsed document.
    const parsedAlike = settings.reportYear === null && config.reportYear === undefined && config.writingDate === undefined;
    // Its title now names another issuer or year (known before the lint when re-parsed from the
    // last version): last year's report is looked up again first, so the lint runs once.
    if (document && !again && lookUp?.identityChanged(uri, filePath, document)) {
      const next = await lookUp.previousFor(uri, filePath, text, format, false, parsedAlike ? document : undefined);
      if (next?.key !== last?.key) {
        last = next;
        options = optionsWith(last);
        usedPrevious = last ? { filePath: last.input.filePath as string, key: last.key } : undefined;
      }
    }
    let result: EngineLintResult;
    const linting = performance.now();
    try {
      result = this.options.engine.lint(text, document ? { ...options, document } : options);
    } catch (error) {
      incremental?.forget(uri);
      this.options.onEngineError?.(error, uri);
      return { ...base, isReport: true, result: undefined, diagnostics: [], options };
    }
    const lintMs = performance.now() - linting;
    const warm = this.warm;
    this.warm = true;
    if (incremental && result.document.text === text) incremental.remember(uri, version, result.document, key);
    // Its title now names another issuer or year: last year's report is looked up again, and the
    // text linted again (once) if that is another report or text than the one it was linted with.
    if (!again && lookUp?.identityChanged(uri, filePath, result.document)) {
      const next = await lookUp.previousFor(uri, filePath, text, format, false, parsedAlike ? result.document : undefined);
      if (next?.key !== last?.key) return this.lintDocument(uri, version, text, format, true);
    }
    for (const failure of result.ruleFailures) this.options.onRuleFailure?.(failure, uri);
    const diagnostics = toLspDiagnostics(result.diagnostics, lines, uri, version, lastConverted(prior));
    const timing: LintTiming = { parse: document ? 'incremental' : 'full', ms: performance.now() - started };
    // Slow here (a pathological shape below the size limit): the lint thread takes it from now on.
    if (warm && lintMs > HEAVY_LINT_MS && version >= 0 && this.options.remote?.()?.available) this.heavy.add(uri);
    if (!document && incremental && filePath !== undefined && this.options.warmUp && !this.editPathWarmed) this.warmUpEdits(filePath, text, options, result.document);
    return { ...base, isReport: true, result, diagnostics, options, timing, ...(usedPrevious ? { previous: usedPrevious } : {}) };
  }
}

/** The findings of a snapshot linted here and their diagnostics, for the next conversion to reuse. */
function lastConverted(snapshot: LintSnapshot | undefined): ConvertedFindings | undefined {
  return snapshot?.result !== undefined ? { findings: snapshot.result.diagnostics, diagnostics: snapshot.diagnostics } : undefined;
}

/** Last year's report as text only (its parsed document cannot cross to the lint thread). */
function withoutDocument<T extends { document?: unknown }>(previous: T): Omit<T, 'document'> {
  const { document: _document, ...text } = previous;
  return text;
}

/** The one diagnostic of a lint abandoned over a budget (or lost with its thread). */
function abandoned(reason: Exclude<RemoteFailure, 'superseded' | 'unavailable'>, remote: RemoteLinter, settings: FzlintSettings): Diagnostic {
  const en = settings.locale === 'en';
  const seconds = Math.round(remote.timeBudgetMs / 100) / 10;
  const message =
    reason === 'timeout'
      ? en
        ? `fzlint stopped linting this document after ${seconds} s (its time budget); it was not checked. Run the fzlint CLI on it, or split it.`
        : `检查超过 ${seconds} 秒的时间预算，已放弃，本文档未检查 — 请用 fzlint 命令行检查，或拆分文档。`
      : reason === 'memory'
        ? en
          ? `fzlint stopped linting this document: it needs more than the ${remote.memoryBudgetMb} MB memory budget; it was not checked.`
          : `检查本文档所需内存超过 ${remote.memoryBudgetMb} MB 的预算，已放弃，本文档未检查。`
        : en
          ? 'fzlint could not lint this document (its lint thread stopped); it was not checked. Edit or save it to try again.'
          : '检查线程意外停止，本文档未检查 — 编辑或保存后会重新检查。';
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: DiagnosticSeverity.Information,
    source: 'fzlint',
    code: 'fzlint/lint-abandoned',
    message,
  };
}

/** What a parsed document depends on besides its text: a document parsed under another key is not re-parsed from. */
function parseKey(options: EngineLintOptions, generation: number): string {
  return JSON.stringify([generation, options.filePath ?? null, options.reportYear ?? null, options.config?.reportYear ?? null, options.config?.writingDate ?? null]);
}

function tooLarge(lines: LineMap, settings: FzlintSettings): Diagnostic {
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: DiagnosticSeverity.Information,
    source: 'fzlint',
    code: 'fzlint/too-large',
    message:
      settings.locale === 'en'
        ? `The document is too large to lint while editing (${lines.text.length} characters; limit ${MAX_LINT_CHARS}). Run the fzlint CLI instead.`
        : `文档过大（${lines.text.length} 字符，上限 ${MAX_LINT_CHARS}），编辑时不检查。请使用 fzlint 命令行检查。`,
  };
}
