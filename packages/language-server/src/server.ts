/**
 * The fzlint language server: wiring only. The state is one object (`state.ts`), each request
 * and notification has its handler module (`handlers/`), every feature lives in `service/`
 * (free of the connection), and every offset ↔ position conversion in `convert.ts`.
 */
import lspNode from 'vscode-languageserver/node.js';
import type { Connection } from 'vscode-languageserver/node.js';
import { loadEngine } from './engine.js';
import { onCodeAction } from './handlers/code-action.js';
import { onCompletion } from './handlers/completion.js';
import { onDidChangeConfiguration, onDidChangeWatchedFiles } from './handlers/configuration.js';
import { onDocumentSymbol } from './handlers/document-symbol.js';
import { registerDocumentEvents } from './handlers/documents.js';
import { onFoldingRanges } from './handlers/folding-range.js';
import { onHover } from './handlers/hover.js';
import { onInitialize, onInitialized } from './handlers/initialize.js';
import { onDocumentDiagnostic, onWorkspaceDiagnostic } from './handlers/pull-diagnostics.js';
import type { LintEngine } from './service/types.js';
import { createState, type ServerState } from './state.js';

export { SERVER_INFO } from './handlers/initialize.js';

const { createConnection, ProposedFeatures } = lspNode;

/**
 * Environment variable: when set (to anything but `0`), every pushed result is followed by a log
 * message `fzlint-timing {…}` with the milliseconds the server spent on it, the debounce excluded
 * (applying the changes, config look-up, parse, rules, conversion, sending) and how it parsed.
 */
export const TIMING_ENV = 'FZLINT_LS_TIMING';

/** Options of {@link startServer}. */
export interface StartServerOptions {
  /** The connection (default: from the process arguments `--stdio`, `--node-ipc`, `--socket=N`). */
  readonly connection?: Connection;
  /** The engine (default: `@fzlint/linter` with the built-in rules and `FZLINT_LS_EXTRA_RULES`). */
  readonly engine?: Promise<LintEngine>;
}

/** Starts the server on a connection and returns it (listening). */
export function startServer(options: StartServerOptions = {}): Connection {
  const connection = options.connection ?? createConnection(ProposedFeatures.all);
  // The engine loads while the state is made; config errors follow the user's fzlint.locale
  // setting, also before the first lint.
  const ref: { state?: ServerState } = {};
  const enginePromise = options.engine ?? loadEngine(process.env, { locale: () => ref.state?.globalSettings.locale });
  const s = createState({ connection, enginePromise, timing: (process.env[TIMING_ENV] ?? '0') !== '0' });
  ref.state = s;

  connection.onInitialize((params) => onInitialize(s, params));
  connection.onInitialized(() => onInitialized(s));
  connection.onDidChangeConfiguration((change) => onDidChangeConfiguration(s, change));
  connection.onDidChangeWatchedFiles((change) => onDidChangeWatchedFiles(s, change));
  registerDocumentEvents(s);
  connection.languages.diagnostics.on((params, token) => onDocumentDiagnostic(s, params, token));
  connection.languages.diagnostics.onWorkspace((params, token) => onWorkspaceDiagnostic(s, params, token));
  connection.onCodeAction((params) => onCodeAction(s, params));
  connection.onHover((params) => onHover(s, params));
  connection.onCompletion((params) => onCompletion(s, params));
  connection.onDocumentSymbol((params) => onDocumentSymbol(s, params));
  connection.onFoldingRanges((params) => onFoldingRanges(s, params));

  void enginePromise.then((e) => {
    s.loadedEngine = e;
  }, () => undefined);

  s.documents.listen(connection);
  connection.listen();
  return connection;
}
