/** `initialize` and `initialized`: capabilities from what the client supports, then registrations. */
import lspNode from 'vscode-languageserver/node.js';
import type { ClientCapabilities, InitializeParams, InitializeResult } from 'vscode-languageserver/node.js';
import { normalizeSettings } from '../settings.js';
import { CODE_ACTION_KINDS } from '../service/code-actions.js';
import { TITLE_OPEN } from '../service/completion.js';
import { WATCHED_FILES_GLOB, WATCHED_REPORTS_GLOB } from '../service/config.js';
import { uriToPath } from '../service/uri.js';
import { localeOf, MESSAGES, type ServerState } from '../state.js';
import { onWorkspaceFoldersChanged } from './configuration.js';

const { TextDocumentSyncKind, DidChangeWatchedFilesNotification, DidChangeConfigurationNotification } = lspNode;

/** Name and version the server announces. */
export const SERVER_INFO = { name: 'fzlint-language-server', version: '0.1.0' } as const;

function supportsPull(caps: ClientCapabilities): boolean {
  return caps.textDocument?.diagnostic !== undefined;
}

/** Answers `initialize`: records the client's support, folders and settings; announces capabilities. */
export function onInitialize(state: ServerState, params: InitializeParams): InitializeResult {
  const caps = params.capabilities;
  state.client.pull = supportsPull(caps);
  state.client.configurationRequests = caps.workspace?.configuration === true;
  state.client.watchRegistration = caps.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
  state.folders = (params.workspaceFolders ?? []).map((f) => uriToPath(f.uri)).filter((p): p is string => p !== undefined);
  if (state.folders.length === 0 && params.rootUri) {
    const root = uriToPath(params.rootUri);
    if (root) state.folders = [root];
  }
  const init = params.initializationOptions as { settings?: unknown } | undefined;
  if (init?.settings !== undefined) state.globalSettings = normalizeSettings(init.settings);
  const result: InitializeResult = {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
      codeActionProvider: { codeActionKinds: [...CODE_ACTION_KINDS], resolveProvider: false },
      hoverProvider: true,
      // Titles of laws and policies after 《 (the server filters by what follows it).
      completionProvider: { triggerCharacters: [TITLE_OPEN], resolveProvider: false },
      documentSymbolProvider: { label: 'fzlint' },
      foldingRangeProvider: true,
      workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
    },
    serverInfo: { ...SERVER_INFO },
  };
  if (state.client.pull) {
    result.capabilities.diagnosticProvider = { identifier: 'fzlint', interFileDependencies: false, workspaceDiagnostics: true };
  }
  return result;
}

/** After `initialized`: watches config and ignore files, asks for settings changes, and reports the engine ready. */
export function onInitialized(state: ServerState): void {
  const { connection, client } = state;
  if (client.watchRegistration) {
    void connection.client.register(DidChangeWatchedFilesNotification.type, {
      watchers: [{ globPattern: WATCHED_FILES_GLOB }, { globPattern: WATCHED_REPORTS_GLOB }],
    });
  }
  if (client.configurationRequests) {
    void connection.client.register(DidChangeConfigurationNotification.type, undefined);
    connection.workspace.onDidChangeWorkspaceFolders((e) => onWorkspaceFoldersChanged(state, e));
  }
  state.enginePromise.then(
    (e) => {
      if (state.folders[0]) {
        state.projectCwd = state.folders[0];
        e.resetConfig?.(state.folders[0]);
      }
      state.configs.invalidate();
      connection.console.log(`${SERVER_INFO.name} ${SERVER_INFO.version} ready (${client.pull ? 'pull' : 'push'} diagnostics)`);
    },
    (error: unknown) => {
      const msg = MESSAGES[localeOf(state)].engineFailed(String(error instanceof Error ? error.message : error));
      connection.console.error(msg);
      void connection.window.showErrorMessage(msg);
    },
  );
}
