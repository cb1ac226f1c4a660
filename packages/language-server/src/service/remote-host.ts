/**
 * The lint thread's side of off-thread linting: it owns the engine, the last
 * parsed document of each large document (so a new version is re-parsed only
 * where it changed: the edit is found by comparing the texts), and answers the
 * features of the versions it linted with the same service functions the
 * request thread uses for small documents. Free of `worker_threads`: the entry
 * (`lint-worker.ts`) wires it to the thread's port.
 */
import type { ReportDocument } from '@fzlint/parser';
import { LineMap, singleEdit, toLspDiagnostics } from '../convert.js';
import { codeActions } from './code-actions.js';
import type { LintSnapshot } from './diagnostics.js';
import { hoverAt } from './hover.js';
import type { Locale } from '@fzlint/rule-api';
import type { RemoteAnswers, RemoteLintReply, RemoteLintRequest, RemotePreviousReply, RemotePreviousRequest, RemoteRequest } from './remote-protocol.js';
import { documentSymbols, foldingRanges } from './symbols.js';
import type { EngineLintOptions, LintEngine } from './types.js';

interface Kept {
  readonly snapshot: LintSnapshot;
  readonly document: ReportDocument;
  readonly key: string;
}

/** Options of {@link RemoteHost}. */
export interface RemoteHostOptions {
  /** Sets the locale the engine's project words its problems in (the request thread's). */
  readonly setLocale?: (locale: Locale) => void;
}

/** Answers the request thread's requests; one instance per lint thread. */
export class RemoteHost {
  private readonly kept = new Map<string, Kept>();
  /** The folder and config generation the engine's project was made for (`previous` requests). */
  private project: { readonly cwd: string | undefined; readonly generation: number } | undefined;

  constructor(
    private readonly engine: LintEngine,
    private readonly options: RemoteHostOptions = {},
  ) {}

  /**
   * Last year's report of a document, found as the request thread would: its project's
   * folder, locale and config generation mirrored (a new generation re-reads configs).
   */
  async previous(request: RemotePreviousRequest): Promise<RemotePreviousReply> {
    const finder = this.engine.previous;
    if (!finder) return {};
    this.options.setLocale?.(request.locale);
    if (this.project === undefined || this.project.cwd !== request.cwd || this.project.generation !== request.generation) {
      this.engine.resetConfig?.(request.cwd);
      this.project = { cwd: request.cwd, generation: request.generation };
    }
    return finder.find(request.filePath, { text: request.text, ...(request.format ? { format: request.format } : {}) });
  }

  /** The parsed document to lint `text` from: the kept one re-parsed through the edit between them, or none. */
  private documentFor(request: RemoteLintRequest): ReportDocument | undefined {
    const kept = this.kept.get(request.uri);
    const reparse = this.engine.reparse;
    if (!kept || kept.key !== request.key || !reparse) return undefined;
    if (kept.document.text === request.text) return kept.document;
    try {
      const document = reparse(kept.document, [singleEdit(kept.document.text, request.text)]);
      return document.text === request.text ? document : undefined;
    } catch {
      return undefined;
    }
  }

  lint(request: RemoteLintRequest): RemoteLintReply {
    const document = request.version >= 0 ? this.documentFor(request) : undefined;
    // The last version linted here: its lines are edited, not read again, and its conversion reused (as the request thread does).
    const prior = request.version >= 0 ? this.kept.get(request.uri)?.snapshot : undefined;
    const options: EngineLintOptions = { ...request.options, ...(this.engine.rules ? { rules: this.engine.rules } : {}) };
    let result;
    try {
      result = this.engine.lint(request.text, document ? { ...options, document } : options);
    } catch (error) {
      this.kept.delete(request.uri);
      throw error;
    }
    const lines = prior ? LineMap.edited(prior.lines, request.text) : new LineMap(request.text);
    const last = prior?.result ? { findings: prior.result.diagnostics, diagnostics: prior.diagnostics, lines: prior.lines, uri: prior.uri } : undefined;
    const diagnostics = toLspDiagnostics(result.diagnostics, lines, request.uri, request.version, last);
    if (request.version >= 0) {
      const snapshot: LintSnapshot = {
        uri: request.uri,
        version: request.version,
        lines,
        isReport: true,
        result,
        diagnostics,
        settings: request.settings,
        options,
        configGeneration: 0,
      };
      this.kept.set(request.uri, { snapshot, document: result.document, key: request.key });
    }
    return {
      diagnostics,
      positions: result.diagnostics.map((d) => [d.start, d.end] as const),
      ruleFailures: result.ruleFailures.map((f) => ({ ruleId: f.ruleId, message: f.error.message, ...(f.error.stack ? { stack: f.error.stack } : {}) })),
      parse: document ? 'incremental' : 'full',
    };
  }

  /** Answers one request (a feature of a version not linted here is empty). */
  answer(request: RemoteRequest): RemoteAnswers[RemoteRequest['kind']] | Promise<RemotePreviousReply> {
    if (request.kind === 'lint') return this.lint(request);
    if (request.kind === 'previous') return this.previous(request);
    if (request.kind === 'forget') {
      this.kept.delete(request.uri);
      return null;
    }
    const snapshot = this.kept.get(request.uri)?.snapshot;
    const current = snapshot && snapshot.version === request.version ? snapshot : undefined;
    switch (request.kind) {
      case 'symbols':
        return current ? documentSymbols(current) : [];
      case 'folding':
        return current ? foldingRanges(current) : [];
      case 'hover':
        return current ? hoverAt(this.engine, current, request.offset) : null;
      case 'codeActions':
        return current ? codeActions(this.engine, current, request.request) : [];
    }
  }
}
