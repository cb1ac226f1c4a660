/**
 * A small LSP client for the protocol tests: spawns the built server over stdio and speaks
 * JSON-RPC through vscode-languageserver-protocol's own node connection.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ClientCapabilities,
  type Diagnostic,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node.js';

export const SERVER_BIN = fileURLToPath(new URL('../bin/fzlint-language-server.js', import.meta.url));

/** Resolves when `predicate` holds for a value pushed by `subscribe`, or rejects after `ms`. */
function waitFor<T>(values: T[], listeners: Set<() => void>, predicate: (v: T) => boolean, what: string, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const check = () => {
      const found = values.find(predicate);
      if (found !== undefined) {
        listeners.delete(check);
        clearTimeout(timer);
        resolve(found);
        return true;
      }
      return false;
    };
    const timer = setTimeout(() => {
      listeners.delete(check);
      reject(new Error(`timed out waiting for ${what}; got ${JSON.stringify(values).slice(0, 2000)}`));
    }, ms);
    if (!check()) listeners.add(check);
  });
}

export interface ShownMessage {
  type: number;
  message: string;
}

/** A running server and the client side of its connection. */
export class TestClient {
  readonly connection: ProtocolConnection;
  readonly diagnostics: PublishDiagnosticsParams[] = [];
  readonly messages: ShownMessage[] = [];
  readonly logs: string[] = [];
  private readonly listeners = new Set<() => void>();
  private readonly child: ChildProcess;
  stderr = '';

  constructor(env: NodeJS.ProcessEnv = {}) {
    this.child = spawn(process.execPath, [SERVER_BIN, '--stdio'], { env: { ...process.env, ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
    this.child.stderr!.on('data', (d: Buffer) => (this.stderr += d.toString()));
    this.connection = createProtocolConnection(new StreamMessageReader(this.child.stdout!), new StreamMessageWriter(this.child.stdin!));
    const notify = () => this.listeners.forEach((l) => l());
    this.connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      this.diagnostics.push(p);
      notify();
    });
    const onMessage = (p: ShownMessage) => {
      this.messages.push(p);
      notify();
    };
    this.connection.onNotification('window/showMessage', onMessage);
    this.connection.onNotification('window/logMessage', (p: ShownMessage) => {
      this.logs.push(p.message);
      notify();
    });
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onRequest('window/showMessageRequest', (p: ShownMessage) => {
      onMessage(p);
      return null;
    });
    this.connection.onRequest('workspace/diagnostic/refresh', () => null);
    this.connection.listen();
  }

  async initialize(rootPath: string, opts: { pull?: boolean; settings?: unknown } = {}): Promise<Record<string, unknown>> {
    const capabilities: ClientCapabilities = {
      textDocument: {
        synchronization: { dynamicRegistration: false },
        publishDiagnostics: { relatedInformation: true, versionSupport: true },
        codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source.fixAll'] } } },
        hover: { contentFormat: ['markdown', 'plaintext'] },
        documentSymbol: { hierarchicalDocumentSymbolSupport: true },
        ...(opts.pull ? { diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false } } : {}),
      },
      workspace: { didChangeWatchedFiles: { dynamicRegistration: true } },
    };
    const uri = `file://${rootPath}`;
    const result = await this.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: uri,
      workspaceFolders: [{ uri, name: 'ws' }],
      capabilities,
      initializationOptions: { settings: opts.settings ?? { debounceMs: 0 } },
    });
    await this.connection.sendNotification('initialized', {});
    return result as Record<string, unknown>;
  }

  open(uri: string, text: string, languageId = 'plaintext', version = 1): Promise<void> {
    return this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  }

  change(uri: string, version: number, contentChanges: unknown[]): Promise<void> {
    return this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges });
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return this.connection.sendRequest(method, params) as Promise<R>;
  }

  /** The first diagnostics publication for `uri` (and `version`, if given) that satisfies `predicate`. */
  waitForDiagnostics(uri: string, predicate: (d: Diagnostic[]) => boolean, version?: number, ms = 15000): Promise<PublishDiagnosticsParams> {
    return waitFor(
      this.diagnostics,
      this.listeners,
      (p) => p.uri === uri && (version === undefined || p.version === version) && predicate(p.diagnostics),
      `diagnostics of ${uri}${version !== undefined ? ` v${version}` : ''}`,
      ms,
    );
  }

  waitForMessage(predicate: (m: ShownMessage) => boolean, ms = 15000): Promise<ShownMessage> {
    return waitFor(this.messages, this.listeners, predicate, 'a window message', ms);
  }

  /** The first log message (`window/logMessage`) matching `pattern`. */
  waitForLog(pattern: RegExp, ms = 15000): Promise<string> {
    return waitFor(this.logs, this.listeners, (m) => pattern.test(m), `a log line ${pattern}`, ms);
  }

  async stop(): Promise<void> {
    try {
      await Promise.race([this.connection.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
      await this.connection.sendNotification('exit');
    } catch {
      // Already gone.
    }
    this.connection.dispose();
    await new Promise<void>((resolve) => {
      if (this.child.exitCode !== null) return resolve();
      const t = setTimeout(() => {
        this.child.kill('SIGKILL');
        resolve();
      }, 2000);
      this.child.once('exit', () => {
        clearTimeout(t);
        resolve();
      });
    });
  }
}
