/**
 * The fzlint language server: wiring only. The state is one object (`state.ts`), each request
 * and notification has its handler module (`handlers/`), every feature lives in `service/`
 * (free of the connection), and every offset ↔ position conversion in `convert.ts`.
 */
import { inspect, type InspectOptions } from 'node:util';
import lspNode from 'vscode-languageserver/node.js';
import type { Connection, MessageReader } from 'vscode-languageserver/node.js';
import { tuneCompiler } from './compiler-tuning.js';
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
import { createMessageEncoder } from './message-encoder.js';
import { StdioMessageWriter } from './stdio-writer.js';
import { createState, type ServerState } from './state.js';

export { SERVER_INFO } from './handlers/initialize.js';

const { createConnection, ProposedFeatures } = lspNode;

/**
 * The connection the process arguments ask for. Over `--stdio` the writer is made here, to
 * encode publications with {@link createMessageEncoder} (the same bytes, most of them kept
 * from the last publication) and to write each message at once ({@link StdioMessageWriter});
 * the library's own stdio set-up is otherwise repeated: console
 * output goes to the client's log (it would corrupt the protocol on stdout), and the process
 * ends with its input (the library does that for a stream input). Other transports as before.
 */
function connectionFromArguments(): Connection {
  if (!process.argv.slice(2).includes('--stdio')) return createConnection(ProposedFeatures.all);
  const writer = new StdioMessageWriter(process.stdout, createMessageEncoder());
  // A stream input is wrapped by the library, which ends the process with it (as for `--stdio`);
  // its typings pair a stream only with a stream, its code takes either of each.
  const connection = createConnection(ProposedFeatures.all, process.stdin as unknown as MessageReader, writer);
  consoleToClient(connection);
  return connection;
}

/** What the library does for `--stdio`: `console` writes to the client's log instead of stdout. */
function consoleToClient(connection: Connection): void {
  const text = (args: unknown[]): string => args.map((a) => (typeof a === 'string' ? a : inspect(a))).join(' ');
  const counters = new Map<string, number>();
  console.assert = (assertion?: unknown, ...args: unknown[]) => {
    if (assertion) return;
    if (args.length === 0) connection.console.error('Assertion failed');
    else connection.console.error(`Assertion failed: ${String(args[0])} ${text(args.slice(1))}`);
  };
  console.count = (label = 'default') => {
    const key = String(label);
    const n = (counters.get(key) ?? 0) + 1;
    counters.set(key, n);
    connection.console.log(`${key}: ${n}`);
  };
  console.countReset = (label?: string) => {
    if (label === undefined) counters.clear();
    else counters.delete(String(label));
  };
  console.debug = (...args: unknown[]) => connection.console.log(text(args));
  console.dir = (arg: unknown, options?: InspectOptions) => connection.console.log(inspect(arg, options));
  console.log = (...args: unknown[]) => connection.console.log(text(args));
  console.info = (...args: unknown[]) => connection.console.info(text(args));
  console.error = (...args: unknown[]) => connection.console.error(text(args));
  console.trace = (...args: unknown[]) => {
    const stack = (new Error().stack ?? '').replace(/(.+\n){2}/, '');
    connection.console.log(`${args.length === 0 ? 'Trace' : `Trace: ${text(args)}`}\n${stack}`);
  };
  console.warn = (...args: unknown[]) => connection.console.warn(text(args));
}

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
  // A process of its own (not a connection handed in, as tests do): V8 compiles for short keystrokes.
  if (!options.connection) tuneCompiler();
  const connection = options.connection ?? connectionFromArguments();
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
