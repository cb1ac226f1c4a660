/** The real client: vscode-languageclient starting the bundled server over node IPC. */
import type * as vscode from 'vscode';
import { CloseAction, ErrorAction, LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import type { ClientFactory, LanguageClientLike } from './client.js';
import { readSettings, SECTION } from './config.js';

/** Documents the server lints (it decides itself which of them are reports). */
export const DOCUMENT_SELECTOR = [
  { scheme: 'file', language: 'markdown' },
  { scheme: 'file', language: 'plaintext' },
  { scheme: 'untitled', language: 'markdown' },
  { scheme: 'untitled', language: 'plaintext' },
];

/** A factory of clients for the server bundled at `dist/server.js` (no node_modules at run time). */
export function languageClientFactory(context: vscode.ExtensionContext): ClientFactory {
  const serverModule = context.asAbsolutePath('dist/server.js');
  return (output) => {
    let onExit: (() => void) | undefined;
    const serverOptions: ServerOptions = {
      run: { module: serverModule, transport: TransportKind.ipc },
      debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
    };
    const clientOptions: LanguageClientOptions = {
      documentSelector: DOCUMENT_SELECTOR,
      outputChannel: output,
      initializationOptions: { settings: readSettings() },
      synchronize: { configurationSection: SECTION },
      errorHandler: {
        error: () => ({ action: ErrorAction.Continue }),
        // The manager restarts with back-off; the library's own restart policy is turned off.
        closed: () => {
          onExit?.();
          return { action: CloseAction.DoNotRestart, handled: true };
        },
      },
    };
    const client = new LanguageClient('fzlint', 'fzlint', serverOptions, clientOptions);
    const like: LanguageClientLike = {
      start: () => client.start(),
      stop: (timeout) => client.stop(timeout),
      onUnexpectedExit: (listener) => {
        onExit = listener;
      },
    };
    return like;
  };
}
