/** The extension's commands; registered even while the server is stopped. */
import * as vscode from 'vscode';
import { reportSkeleton } from '@fzlint/language-server/skeleton';
import type { ClientManager } from './client.js';
import { skeletonYear, uiLocale } from './config.js';

/** Command ids (also in package.json `contributes.commands`). */
export const COMMANDS = {
  restartServer: 'fzlint.restartServer',
  showOutput: 'fzlint.showOutput',
  insertReportSkeleton: 'fzlint.insertReportSkeleton',
} as const;

/** What the commands act on. */
export interface CommandTargets {
  readonly manager: Pick<ClientManager, 'restart'>;
  readonly output: Pick<vscode.OutputChannel, 'show'>;
}

/**
 * Inserts a report template (title and the four required contents for the report year) at the
 * cursor of the active Markdown/plain-text editor, or into a new Markdown document.
 */
export async function insertReportSkeleton(): Promise<void> {
  const year = skeletonYear();
  const editor = vscode.window.activeTextEditor;
  const locale = uiLocale();
  if (editor && (editor.document.languageId === 'markdown' || editor.document.languageId === 'plaintext')) {
    const format = editor.document.languageId === 'markdown' ? 'markdown' : 'plaintext';
    await editor.edit((b) => b.insert(editor.selection.active, reportSkeleton(year, format, locale)));
    return;
  }
  const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: reportSkeleton(year, 'markdown', locale) });
  await vscode.window.showTextDocument(doc);
}

/** Registers every command with the extension's lifetime. */
export function registerCommands(context: Pick<vscode.ExtensionContext, 'subscriptions'>, targets: CommandTargets): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(COMMANDS.restartServer, () => targets.manager.restart()),
    vscode.commands.registerCommand(COMMANDS.showOutput, () => targets.output.show(true)),
    vscode.commands.registerCommand(COMMANDS.insertReportSkeleton, insertReportSkeleton),
  );
}
