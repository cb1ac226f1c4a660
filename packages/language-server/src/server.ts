/**
 * The fzlint language server: wiring only. Every feature lives in `service/` (free of the
 * connection) and every offset ↔ position conversion in `convert.ts`.
 */
import * as fs from 'node:fs';
import lspNode from 'vscode-languageserver/node.js';
import type {
  CancellationToken,
  ClientCapabilities,
  Connection,
  DocumentDiagnosticReport,
  InitializeParams,
  InitializeResult,
  WorkspaceDocumentDiagnosticReport,
} from 'vscode-languageserver/node.js';
import { TextDocument, type TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-types';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { LineMap } from './convert.js';
import { loadEngine } from './engine.js';
import { DEFAULT_SETTINGS, normalizeSettings, type FzlintSettings } from './settings.js';
import { CODE_ACTION_KINDS, codeActions } from './service/code-actions.js';
import { ConfigResolver, isConfigFile } from './service/config.js';
import { REPORT_LANGUAGE_IDS, hasReportExtension } from './service/detect.js';
import { DiagnosticsService, lintsOnEdit, type LintSnapshot } from './service/diagnostics.js';
import { hoverAt } from './service/hover.js';
import { IncrementalDocuments } from './service/incremental.js';
import { documentSymbols, foldingRanges } from './service/symbols.js';
import type { ConfigProblem, LintEngine, TextEdit } from './service/types.js';
import { pathToUri, uriToPath } from './service/uri.js';
import { WorkspaceDiagnostics } from './service/workspace.js';

const {
  createConnection,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  DidChangeWatchedFilesNotification,
  DidChangeConfigurationNotification,
  DocumentDiagnosticReportKind,
  ResponseError,
  LSPErrorCodes,
} = lspNode;

/**
 * Environment variable: when set (to anything but `0`), every pushed result is followed by a log
 * message `fzlint-timing {…}` with the milliseconds the server spent on it, the debounce excluded
 * (applying the changes, config look-up, parse, rules, conversion, sending) and how it parsed.
 */
export const TIMING_ENV = 'FZLINT_LS_TIMING';

/** Name and version the server announces. */
export const SERVER_INFO = { name: 'fzlint-language-server', version: '0.1.0' } as const;

/** Options of {@link startServer}. */
export interface StartServerOptions {
  /** The connection (default: from the process arguments `--stdio`, `--node-ipc`, `--socket=N`). */
  readonly connection?: Connection;
  /** The engine (default: `@fzlint/linter` with the built-in rules and `FZLINT_LS_EXTRA_RULES`). */
  readonly engine?: Promise<LintEngine>;
}

const MESSAGES = {
  'zh-CN': {
    ruleFailed: (id: string, msg: string) => `fzlint：规则 ${id} 运行出错，已跳过（其他规则照常检查）：${msg}`,
    configBroken: (file: string, msg: string) => `fzlint：配置文件 ${file} 有误：${msg}`,
    engineFailed: (msg: string) => `fzlint：检查失败：${msg}`,
  },
  en: {
    ruleFailed: (id: string, msg: string) => `fzlint: rule ${id} crashed and was skipped (the other rules still ran): ${msg}`,
    configBroken: (file: string, msg: string) => `fzlint: the config file ${file} is broken: ${msg}`,
    engineFailed: (msg: string) => `fzlint: linting failed: ${msg}`,
  },
} as const;

function supportsPull(caps: ClientCapabilities): boolean {
  return caps.textDocument?.diagnostic !== undefined;
}

/** Where in a config file its problem is: the quoted last key of the message's key path, or the start. */
function configProblemRange(file: string, problem: ConfigProblem): Diagnostic['range'] {
  let text = '';
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    // Deleted meanwhile: the start of the file is as good as anything.
  }
  const lines = new LineMap(text);
  const key = /([^."[\]]+)"?\]?$/u.exec(problem.key ?? '')?.[1];
  const at = key ? text.indexOf(`"${key}"`) : -1;
  if (at >= 0) return lines.range({ start: at, end: at + key!.length + 2 });
  return lines.range({ start: 0, end: lines.lineEnd(0) });
}

/** Starts the server on a connection and returns it (listening). */
export function startServer(options: StartServerOptions = {}): Connection {
  const connection = options.connection ?? createConnection(ProposedFeatures.all);
  let engine: LintEngine | undefined;
  const timingLog = (process.env[TIMING_ENV] ?? '0') !== '0';
  /** Milliseconds spent applying changes to each document since its last published result (timing log). */
  const changeMs = new Map<string, number>();
  const incremental = new IncrementalDocuments((previous, edits) => {
    if (!engine?.reparse) throw new Error('the engine cannot re-parse');
    return engine.reparse(previous, edits);
  });
  // Applies each change as TextDocument does, noting it as offsets in the text before it, so the
  // next lint re-parses only what the changes touched.
  const documents = new TextDocuments<TextDocument>({
    create: (uri, languageId, version, content) => TextDocument.create(uri, languageId, version, content),
    update: (document, changes, version) => {
      const started = timingLog ? performance.now() : 0;
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
      if (timingLog) changeMs.set(document.uri, (changeMs.get(document.uri) ?? 0) + performance.now() - started);
      return document;
    },
  });

  let pull = false;
  let configurationRequests = false;
  let watchRegistration = false;
  let folders: string[] = [];
  let globalSettings: FzlintSettings = DEFAULT_SETTINGS;
  let settingsGeneration = 0;
  const settingsCache = new Map<string, Promise<FzlintSettings>>();
  const reportedRuleFailures = new Set<string>();
  const publishedConfigProblems = new Map<string, string>();
  const justOpened = new Set<string>();

  const getSettings = (uri: string): Promise<FzlintSettings> => {
    if (!configurationRequests) return Promise.resolve(globalSettings);
    let s = settingsCache.get(uri);
    if (!s) {
      s = connection.workspace
        .getConfiguration({ scopeUri: uri, section: 'fzlint' })
        .then(normalizeSettings, () => globalSettings);
      settingsCache.set(uri, s);
    }
    return s;
  };

  const locale = (): 'zh-CN' | 'en' => globalSettings.locale;
  // Config errors follow the user's fzlint.locale setting, also before the first lint.
  const enginePromise = options.engine ?? loadEngine(process.env, { locale });
  const log = (message: string) => connection.console.log(message);

  const deferredEngine: LintEngine = {
    lint: (text, o) => {
      if (!engine) throw new Error('engine not loaded');
      return engine.lint(text, o);
    },
    loadConfig: (file) => enginePromise.then((e) => e.loadConfig(file)),
    configProblem: (error) => engine?.configProblem(error),
    resetConfig: (cwd) => engine?.resetConfig?.(cwd),
    get rules() {
      return engine?.rules;
    },
    get features() {
      return engine?.features ?? {};
    },
  };
  const configs = new ConfigResolver(deferredEngine);

  const reportConfigProblem = (problem: ConfigProblem) => {
    const file = problem.file;
    if (!file || publishedConfigProblems.get(file) === problem.message) return;
    publishedConfigProblems.set(file, problem.message);
    connection.sendDiagnostics({
      uri: pathToUri(file),
      diagnostics: [
        {
          range: configProblemRange(file, problem),
          severity: DiagnosticSeverity.Error,
          source: 'fzlint',
          code: 'fzlint/config',
          message: problem.message,
        },
      ],
    });
    void connection.window.showErrorMessage(MESSAGES[locale()].configBroken(file, problem.message));
  };

  const diagnostics = new DiagnosticsService({
    engine: deferredEngine,
    configs,
    getSettings: (uri) => enginePromise.then(() => getSettings(uri), () => getSettings(uri)),
    workspaceFolders: () => folders,
    incremental,
    onRuleFailure: (failure, uri) => {
      if (reportedRuleFailures.has(failure.ruleId)) return;
      reportedRuleFailures.add(failure.ruleId);
      const msg = MESSAGES[locale()].ruleFailed(failure.ruleId, failure.error.message);
      connection.console.error(`${msg} (${uri})\n${failure.error.stack ?? ''}`);
      void connection.window.showWarningMessage(msg);
    },
    onEngineError: (error, uri) => {
      connection.console.error(`${MESSAGES[locale()].engineFailed(String(error))} (${uri})\n${(error as Error)?.stack ?? ''}`);
    },
  });
  const workspace = new WorkspaceDiagnostics(diagnostics, () => `${configs.generation}.${settingsGeneration}`);

  const afterLint = (snapshot: LintSnapshot | undefined) => {
    if (!snapshot) return;
    for (const problem of configs.brokenConfigs.values()) reportConfigProblem(problem);
  };

  const publish = (snapshot: LintSnapshot | undefined) => {
    afterLint(snapshot);
    if (!snapshot || pull) return;
    const doc = documents.get(snapshot.uri);
    // Never publish over a newer version: the newer run publishes its own.
    if (!doc || doc.version !== snapshot.version) return;
    const sending = timingLog ? performance.now() : 0;
    void connection.sendDiagnostics({ uri: snapshot.uri, version: snapshot.version, diagnostics: [...snapshot.diagnostics] });
    if (timingLog) {
      const change = changeMs.get(snapshot.uri) ?? 0;
      changeMs.delete(snapshot.uri);
      const send = performance.now() - sending;
      const lintMs = snapshot.timing?.ms ?? 0;
      const ms = (n: number) => Math.round(n * 1000) / 1000;
      log(
        `fzlint-timing ${JSON.stringify({
          uri: snapshot.uri,
          version: snapshot.version,
          parse: snapshot.timing?.parse ?? 'none',
          changeMs: ms(change),
          lintMs: ms(lintMs),
          sendMs: ms(send),
          totalMs: ms(change + lintMs + send),
        })}`,
      );
    }
  };

  const handles = (uri: string, languageId?: string): boolean => {
    const p = uriToPath(uri);
    if (languageId !== undefined && REPORT_LANGUAGE_IDS.includes(languageId)) return true;
    return p !== undefined ? hasReportExtension(p) : false;
  };

  const relintAll = () => {
    diagnostics.invalidateAll();
    if (pull) {
      void connection.languages.diagnostics.refresh();
      return;
    }
    for (const doc of documents.all()) if (handles(doc.uri, doc.languageId)) void diagnostics.schedule(doc, true).then(publish);
  };

  const guard = async <T>(what: string, fallback: T, fn: () => Promise<T> | T): Promise<T> => {
    try {
      await enginePromise;
      return await fn();
    } catch (error) {
      if (error instanceof ResponseError) throw error;
      connection.console.error(`${what} failed: ${(error as Error)?.stack ?? String(error)}`);
      return fallback;
    }
  };

  const resultId = (snapshot: LintSnapshot) => `${snapshot.version}.${snapshot.configGeneration}.${settingsGeneration}`;

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const caps = params.capabilities;
    pull = supportsPull(caps);
    configurationRequests = caps.workspace?.configuration === true;
    watchRegistration = caps.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    folders = (params.workspaceFolders ?? [])
      .map((f) => uriToPath(f.uri))
      .filter((p): p is string => p !== undefined);
    if (folders.length === 0 && params.rootUri) {
      const root = uriToPath(params.rootUri);
      if (root) folders = [root];
    }
    const init = params.initializationOptions as { settings?: unknown } | undefined;
    if (init?.settings !== undefined) globalSettings = normalizeSettings(init.settings);
    const result: InitializeResult = {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        codeActionProvider: { codeActionKinds: [...CODE_ACTION_KINDS], resolveProvider: false },
        hoverProvider: true,
        documentSymbolProvider: { label: 'fzlint' },
        foldingRangeProvider: true,
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { ...SERVER_INFO },
    };
    if (pull) {
      result.capabilities.diagnosticProvider = { identifier: 'fzlint', interFileDependencies: false, workspaceDiagnostics: true };
    }
    return result;
  });

  connection.onInitialized(() => {
    if (watchRegistration) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, {
        watchers: [{ globPattern: '**/{fzlint.config.json,.fzlintrc.json}' }],
      });
    }
    if (configurationRequests) void connection.client.register(DidChangeConfigurationNotification.type, undefined);
    if (configurationRequests) {
      void connection.workspace.onDidChangeWorkspaceFolders((e) => {
        const removed = new Set(e.removed.map((f) => uriToPath(f.uri)));
        folders = [...folders.filter((f) => !removed.has(f)), ...e.added.map((f) => uriToPath(f.uri)).filter((p): p is string => !!p)];
        relintAll();
      });
    }
    enginePromise.then(
      (e) => {
        if (folders[0]) e.resetConfig?.(folders[0]);
        configs.invalidate();
        log(`${SERVER_INFO.name} ${SERVER_INFO.version} ready (${pull ? 'pull' : 'push'} diagnostics)`);
      },
      (error: unknown) => {
        const msg = MESSAGES[locale()].engineFailed(String((error as Error)?.message ?? error));
        connection.console.error(msg);
        void connection.window.showErrorMessage(msg);
      },
    );
  });

  connection.onDidChangeConfiguration((change) => {
    const settings = (change.settings as { fzlint?: unknown } | undefined)?.fzlint;
    if (settings !== undefined) globalSettings = normalizeSettings(settings);
    settingsCache.clear();
    settingsGeneration++;
    relintAll();
  });

  connection.onDidChangeWatchedFiles((change) => {
    if (!change.changes.some((c) => { const p = uriToPath(c.uri); return p !== undefined && isConfigFile(p); })) return;
    configs.invalidate();
    for (const file of publishedConfigProblems.keys()) void connection.sendDiagnostics({ uri: pathToUri(file), diagnostics: [] });
    publishedConfigProblems.clear();
    relintAll();
  });

  documents.onDidOpen((e) => {
    justOpened.add(e.document.uri);
    // Parsed in full on open: nothing from an earlier life of the URI is re-parsed from.
    incremental.forget(e.document.uri);
    changeMs.delete(e.document.uri);
  });
  documents.onDidChangeContent((e) => {
    const immediate = justOpened.delete(e.document.uri);
    if (!handles(e.document.uri, e.document.languageId)) return;
    if (!immediate && !lintsOnEdit(e.document.getText().length)) return;
    // In pull mode the client asks; linting ahead keeps the answer ready (the pull reuses it).
    void diagnostics.schedule(e.document, immediate).then(publish, () => undefined);
  });
  documents.onDidSave((e) => {
    // Large documents are re-linted on save rather than on every edit.
    if (handles(e.document.uri, e.document.languageId) && !lintsOnEdit(e.document.getText().length)) {
      void diagnostics.schedule(e.document, true).then(publish, () => undefined);
      if (pull) void connection.languages.diagnostics.refresh();
    }
  });
  documents.onDidClose((e) => {
    justOpened.delete(e.document.uri);
    changeMs.delete(e.document.uri);
    diagnostics.forget(e.document.uri);
    if (!pull) void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });

  connection.languages.diagnostics.on(async (params, token: CancellationToken): Promise<DocumentDiagnosticReport> => {
    const empty: DocumentDiagnosticReport = { kind: DocumentDiagnosticReportKind.Full, items: [] };
    const doc = documents.get(params.textDocument.uri);
    if (!doc || !handles(doc.uri, doc.languageId)) return empty;
    const latest = diagnostics.latest(doc.uri);
    const snapshot =
      latest && !lintsOnEdit(doc.getText().length)
        ? latest
        : await guard('diagnostics', undefined, () => diagnostics.schedule(doc, !latest));
    if (token.isCancellationRequested) throw new ResponseError(LSPErrorCodes.ServerCancelled, 'cancelled', { retriggerRequest: true });
    if (!snapshot) {
      // A newer edit superseded this request: ask the client to pull again.
      throw new ResponseError(LSPErrorCodes.ServerCancelled, 'superseded', { retriggerRequest: true });
    }
    afterLint(snapshot);
    const id = resultId(snapshot);
    if (params.previousResultId === id) return { kind: DocumentDiagnosticReportKind.Unchanged, resultId: id };
    return { kind: DocumentDiagnosticReportKind.Full, resultId: id, items: [...snapshot.diagnostics] };
  });

  connection.languages.diagnostics.onWorkspace(async (params, token) => {
    const previous = new Map(params.previousResultIds.map((p) => [p.uri, p.value]));
    const open = new Set(documents.keys());
    const reports = await guard('workspace diagnostics', [], () =>
      workspace.collect(folders, open, previous, () => token.isCancellationRequested),
    );
    const items: WorkspaceDocumentDiagnosticReport[] = reports.map((r) =>
      r.diagnostics === undefined
        ? { kind: DocumentDiagnosticReportKind.Unchanged, uri: r.uri, version: null, resultId: r.resultId }
        : { kind: DocumentDiagnosticReportKind.Full, uri: r.uri, version: null, resultId: r.resultId, items: [...r.diagnostics] },
    );
    // A report deleted (or no longer a report) since the last pull: clear what the client still shows.
    const reported = new Set(items.map((i) => i.uri));
    for (const [uri, id] of previous) {
      if (!reported.has(uri) && !open.has(uri) && id !== 'gone' && !token.isCancellationRequested) {
        items.push({ kind: DocumentDiagnosticReportKind.Full, uri, version: null, resultId: 'gone', items: [] });
      }
    }
    return { items };
  });

  /** The snapshot features use; undefined for a large document edited since its last lint (stale offsets). */
  const featureSnapshot = async (uri: string): Promise<LintSnapshot | undefined> => {
    const doc = documents.get(uri);
    if (!doc) return undefined;
    if (!lintsOnEdit(doc.getText().length)) {
      const latest = diagnostics.latest(uri);
      return latest?.version === doc.version ? latest : undefined;
    }
    return diagnostics.current(doc);
  };

  connection.onCodeAction((params) =>
    guard('code actions', [], async () => {
      const snapshot = await featureSnapshot(params.textDocument.uri);
      if (!snapshot) return [];
      return codeActions(deferredEngine, snapshot, {
        uri: snapshot.uri,
        range: params.range,
        diagnostics: params.context.diagnostics,
        ...(params.context.only ? { only: params.context.only } : {}),
      });
    }),
  );

  connection.onHover((params) =>
    guard('hover', null, async () => {
      const snapshot = await featureSnapshot(params.textDocument.uri);
      if (!snapshot) return null;
      return hoverAt(deferredEngine, snapshot, snapshot.lines.offsetAt(params.position));
    }),
  );

  connection.onDocumentSymbol((params) =>
    guard('document symbols', [], async () => {
      const snapshot = await featureSnapshot(params.textDocument.uri);
      return snapshot ? documentSymbols(snapshot) : [];
    }),
  );

  connection.onFoldingRanges((params) =>
    guard('folding ranges', [], async () => {
      const snapshot = await featureSnapshot(params.textDocument.uri);
      return snapshot ? foldingRanges(snapshot) : [];
    }),
  );

  void enginePromise.then((e) => {
    engine = e;
  }, () => undefined);

  documents.listen(connection);
  connection.listen();
  return connection;
}
