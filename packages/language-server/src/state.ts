/**
 * The server's state, in one object: the connection and its documents, the engine, the
 * language services, what the client supports, the settings, and what was already said.
 * Handlers (`handlers/`) receive it; nothing lives in module-level variables.
 */
import lspNode from 'vscode-languageserver/node.js';
import type { Connection } from 'vscode-languageserver/node.js';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextDocuments } from 'vscode-languageserver/node.js';
import { DEFAULT_SETTINGS, normalizeSettings, type FzlintSettings } from './settings.js';
import { ConfigResolver } from './service/config.js';
import { REPORT_LANGUAGE_IDS, hasReportExtension } from './service/detect.js';
import { DiagnosticsService, lintsOnEdit, WARM_UP_ENV, type LintSnapshot } from './service/diagnostics.js';
import { IncrementalDocuments } from './service/incremental.js';
import { PreviousReports } from './service/previous.js';
import type { LintEngine } from './service/types.js';
import { pathToUri, uriToPath } from './service/uri.js';
import { WorkspaceDiagnostics } from './service/workspace.js';
import { budgetsFromEnv, previousInLintThread, RemoteLinter, type RemoteOutcome } from './remote.js';
import type { RemoteAnswers, RemoteFeatureRequest } from './service/remote-protocol.js';
import { createDocuments } from './text-documents.js';
import { IDLE_COLLECTION_ENV, IdleCollector } from './memory.js';

const { ResponseError } = lspNode;

/** Messages the server shows itself (not findings). */
export const MESSAGES = {
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

/** What the client told `initialize` it supports. */
export interface ClientSupport {
  /** Pull diagnostics (`textDocument/diagnostic`); else the server pushes them. */
  pull: boolean;
  /** `workspace/configuration` requests, for per-resource settings. */
  configurationRequests: boolean;
  /** Dynamic registration of file watchers. */
  watchRegistration: boolean;
}

/** Everything the handlers share. */
export interface ServerState {
  readonly connection: Connection;
  readonly documents: TextDocuments<TextDocument>;
  readonly incremental: IncrementalDocuments;
  /** The engine once loaded (the handlers wait for `enginePromise` first). */
  loadedEngine: LintEngine | undefined;
  readonly enginePromise: Promise<LintEngine>;
  /** The engine as the services see it: calls go to the loaded engine. */
  readonly engine: LintEngine;
  readonly configs: ConfigResolver;
  /** Last year's report of each document (the continuity rules). */
  readonly previous: PreviousReports;
  readonly diagnostics: DiagnosticsService;
  readonly workspace: WorkspaceDiagnostics;
  readonly client: ClientSupport;
  /** Workspace folders (paths). */
  folders: string[];
  /** The folder the engine's project resolves paths against (the first workspace folder at start; undefined: the process's). */
  projectCwd: string | undefined;
  /** Settings sent with `initialize` or `didChangeConfiguration` (used without configuration requests). */
  globalSettings: FzlintSettings;
  /** Increases whenever settings change; part of every diagnostic result id. */
  settingsGeneration: number;
  readonly settingsCache: Map<string, Promise<FzlintSettings>>;
  /** The `fzlint-timing` log (see `TIMING_ENV`) and the change time not yet reported per document. */
  readonly timing: { readonly enabled: boolean; readonly changeMs: Map<string, number> };
  /** Rules whose crash was already shown (each once). */
  readonly reportedRuleFailures: Set<string>;
  /** Config problems published, by file (to clear them when configs change). */
  readonly publishedConfigProblems: Map<string, string>;
  /** Documents opened and not linted yet (the first lint is immediate). */
  readonly justOpened: Set<string>;
  /** The lint thread for large documents, made once the engine is loaded and can run there. */
  remote: RemoteLinter | undefined;
  /** Gives memory back once a burst of lints is over (`memory.ts`). */
  readonly memory: IdleCollector;
}

/** The settings of a document (asked of the client per resource when it supports that). */
export function settingsFor(state: ServerState, uri: string): Promise<FzlintSettings> {
  if (!state.client.configurationRequests) return Promise.resolve(state.globalSettings);
  let s = state.settingsCache.get(uri);
  if (!s) {
    s = state.connection.workspace
      .getConfiguration({ scopeUri: uri, section: 'fzlint' })
      .then(normalizeSettings, () => state.globalSettings);
    state.settingsCache.set(uri, s);
  }
  return s;
}

/** The locale of the server's own messages. */
export function localeOf(state: ServerState): 'zh-CN' | 'en' {
  return state.globalSettings.locale;
}

/** Whether the server lints a document (a report language, or a report extension). */
export function handles(uri: string, languageId?: string): boolean {
  if (languageId !== undefined && REPORT_LANGUAGE_IDS.includes(languageId)) return true;
  const p = uriToPath(uri);
  return p !== undefined ? hasReportExtension(p) : false;
}

/** Runs a request once the engine is loaded; a failure is logged and answered with `fallback`. */
export async function guard<T>(state: ServerState, what: string, fallback: T, fn: () => Promise<T> | T): Promise<T> {
  try {
    await state.enginePromise;
    return await fn();
  } catch (error) {
    if (error instanceof ResponseError) throw error;
    state.connection.console.error(`${what} failed: ${(error as Error | undefined)?.stack ?? String(error)}`);
    return fallback;
  }
}

/** The snapshot features use; undefined for a large document edited since its last lint (stale offsets). */
export async function featureSnapshot(state: ServerState, uri: string): Promise<LintSnapshot | undefined> {
  const doc = state.documents.get(uri);
  if (!doc) return undefined;
  if (!lintsOnEdit(doc.getText().length)) {
    const latest = state.diagnostics.latest(uri);
    return latest?.version === doc.version ? latest : undefined;
  }
  return state.diagnostics.current(doc);
}

/**
 * A feature of a document linted in the lint thread, asked of that thread (where its parsed
 * document is); `fallback` when the thread has no answer (stopped, or the version moved on).
 */
export async function remoteFeature<K extends RemoteFeatureRequest['kind']>(
  state: ServerState,
  request: Extract<RemoteFeatureRequest, { kind: K }>,
  fallback: RemoteAnswers[K],
): Promise<RemoteAnswers[K]> {
  const remote = state.remote;
  if (!remote) return fallback;
  const outcome: RemoteOutcome<RemoteAnswers[K]> = await remote.request<K>(request);
  return outcome.ok ? outcome.value : fallback;
}

/**
 * The result id of a snapshot: its version, config generation and settings generation,
 * and a short hash of the previous report's key (its text changes the findings too).
 */
export function resultId(state: ServerState, snapshot: LintSnapshot): string {
  const id = `${snapshot.version}.${snapshot.configGeneration}.${state.settingsGeneration}`;
  return snapshot.previous ? `${id}.${shortHash(snapshot.previous.key)}` : id;
}

/** Bytes in MiB, one decimal. */
function mib(bytes: number): number {
  return Math.round(bytes / 104857.6) / 10;
}

/** A short hash of a string (FNV-1a, 32 bits), for result ids. */
function shortHash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(36);
}

/** Options of {@link createState}. */
export interface CreateStateOptions {
  readonly connection: Connection;
  readonly enginePromise: Promise<LintEngine>;
  readonly timing: boolean;
}

/** The state of a new server: services wired to an engine that is still loading. */
export function createState(options: CreateStateOptions): ServerState {
  const { connection, enginePromise } = options;
  // Filled in below: the services need the state's engine, the state needs the services.
  const holder: { state?: ServerState } = {};
  const loaded = (): LintEngine | undefined => holder.state?.loadedEngine;
  const incremental = new IncrementalDocuments((previous, edits) => {
    const reparse = loaded()?.reparse;
    if (!reparse) throw new Error('the engine cannot re-parse');
    return reparse(previous, edits);
  });
  const engine: LintEngine = {
    lint: (text, o) => {
      const e = loaded();
      if (!e) throw new Error('engine not loaded');
      return e.lint(text, o);
    },
    loadConfig: (file) => enginePromise.then((e) => e.loadConfig(file)),
    configProblem: (error) => loaded()?.configProblem(error),
    resetConfig: (cwd) => loaded()?.resetConfig?.(cwd),
    get rules() {
      return loaded()?.rules;
    },
    get files() {
      return loaded()?.files;
    },
    get features() {
      return loaded()?.features ?? {};
    },
    get previous() {
      return loaded()?.previous;
    },
    // The warm-up after the first lint re-parses through it (without it the warm-up never ran here).
    get reparse() {
      return loaded()?.reparse;
    },
  };
  const configs = new ConfigResolver(engine);
  const timing = { enabled: options.timing, changeMs: new Map<string, number>() };
  const client: ClientSupport = { pull: false, configurationRequests: false, watchRegistration: false };
  const reportedRuleFailures = new Set<string>();
  const previous = new PreviousReports(
    () => loaded()?.previous,
    (filePath) => {
      const doc = holder.state?.documents.get(pathToUri(filePath));
      return doc ? { text: doc.getText(), version: doc.version } : undefined;
    },
    (message) => connection.console.warn(message),
    (filePath, o) => {
      const state = holder.state;
      if (!state) return undefined;
      const request = { filePath, ...o, cwd: state.projectCwd, locale: state.globalSettings.locale, generation: state.configs.generation };
      return previousInLintThread(state.remote, request, () => loaded()?.previous?.find(filePath, o) ?? Promise.resolve({}));
    },
  );
  const diagnostics = new DiagnosticsService({
    engine,
    configs,
    getSettings: (uri) => {
      const s = holder.state as ServerState;
      return enginePromise.then(() => settingsFor(s, uri), () => settingsFor(s, uri));
    },
    workspaceFolders: () => holder.state?.folders ?? [],
    incremental,
    previous,
    onRuleFailure: (failure, uri) => {
      if (reportedRuleFailures.has(failure.ruleId)) return;
      reportedRuleFailures.add(failure.ruleId);
      const msg = MESSAGES[localeOf(holder.state as ServerState)].ruleFailed(failure.ruleId, failure.error.message);
      connection.console.error(`${msg} (${uri})\n${failure.error.stack ?? ''}`);
      void connection.window.showWarningMessage(msg);
    },
    remote: () => holder.state?.remote,
    onRemoteRuleFailure: (failure, uri) => {
      if (reportedRuleFailures.has(failure.ruleId)) return;
      reportedRuleFailures.add(failure.ruleId);
      const msg = MESSAGES[localeOf(holder.state as ServerState)].ruleFailed(failure.ruleId, failure.message);
      connection.console.error(`${msg} (${uri})\n${failure.stack ?? ''}`);
      void connection.window.showWarningMessage(msg);
    },
    onLinted: () => holder.state?.memory.worked(),
    warmUp: (process.env[WARM_UP_ENV] ?? '1') !== '0',
    ...(options.timing ? { onWarmedUp: (steps: number, ms: number) => connection.console.log(`fzlint-warm-up ${JSON.stringify({ steps, ms: Math.round(ms * 10) / 10 })}`) } : {}),
    onEngineError: (error, uri) => {
      const stack = error instanceof Error ? (error.stack ?? '') : '';
      connection.console.error(`${MESSAGES[localeOf(holder.state as ServerState)].engineFailed(String(error))} (${uri})\n${stack}`);
    },
  });
  const state: ServerState = {
    connection,
    documents: createDocuments(incremental, timing),
    incremental,
    loadedEngine: undefined,
    enginePromise,
    engine,
    configs,
    previous,
    diagnostics,
    workspace: new WorkspaceDiagnostics(diagnostics, () => `${configs.generation}.${state.settingsGeneration}`, () => engine.files, previous),
    client,
    folders: [],
    projectCwd: undefined,
    globalSettings: DEFAULT_SETTINGS,
    settingsGeneration: 0,
    settingsCache: new Map(),
    timing,
    reportedRuleFailures,
    publishedConfigProblems: new Map(),
    justOpened: new Set(),
    remote: undefined,
    memory: new IdleCollector({
      busy: () => diagnostics.busy,
      ...((process.env[IDLE_COLLECTION_ENV] ?? '1') === '0' ? { collect: undefined } : {}),
      ...(options.timing ? { log: (e) => connection.console.log(`fzlint-memory ${JSON.stringify({ kind: e.kind, committedMiB: e.committedBytes.map(mib), usedMiB: e.usedBytes.map(mib), ms: Math.round(e.ms * 10) / 10 })}`) } : {}),
    }),
  };
  holder.state = state;
  void enginePromise.then(
    (e) => {
      if (!e.offThread) return;
      const budgets = budgetsFromEnv(process.env);
      state.remote = new RemoteLinter({ ...budgets, log: (message) => connection.console.log(message) });
    },
    () => undefined,
  );
  return state;
}
