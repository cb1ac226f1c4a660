/** fzlint for VS Code: entry point (wiring only). */
import * as vscode from 'vscode';
import { ClientManager } from './client.js';
import { registerCommands } from './commands.js';
import { uiLocale } from './config.js';
import { languageClientFactory } from './language-client.js';
import { StatusItem, type ServerState } from './status.js';

/** What `activate` returns: lets tests and other extensions see the server state. */
export interface FzlintApi {
  readonly state: () => ServerState;
  readonly restart: () => Promise<void>;
}

let manager: ClientManager | undefined;

/** Counts fzlint findings of a document. */
export function countProblems(uri: vscode.Uri | undefined): number {
  if (!uri) return 0;
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'fzlint').length;
}

export async function activate(context: vscode.ExtensionContext): Promise<FzlintApi> {
  const output = vscode.window.createOutputChannel('fzlint');
  const status = new StatusItem(uiLocale);
  const m = new ClientManager(languageClientFactory(context), output, (s) => status.set(s));
  manager = m;
  registerCommands(context, { manager: m, output });
  const update = () => status.setProblems(countProblems(vscode.window.activeTextEditor?.document.uri));
  context.subscriptions.push(
    output,
    status,
    m,
    vscode.languages.onDidChangeDiagnostics(update),
    vscode.window.onDidChangeActiveTextEditor(update),
  );
  await m.start();
  return { state: () => status.state, restart: () => m.restart() };
}

export async function deactivate(): Promise<void> {
  await manager?.stop();
  manager = undefined;
}
