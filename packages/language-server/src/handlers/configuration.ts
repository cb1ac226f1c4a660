/** Changes of settings, of config and ignore files, and of workspace folders: re-read and re-lint. */
import type { DidChangeConfigurationParams, DidChangeWatchedFilesParams, WorkspaceFoldersChangeEvent } from 'vscode-languageserver/node.js';
import { normalizeSettings } from '../settings.js';
import { affectsConfig } from '../service/config.js';
import { uriToPath } from '../service/uri.js';
import type { ServerState } from '../state.js';
import { clearConfigProblems, relintAll } from './publish.js';

/** `workspace/didChangeConfiguration`: new settings, re-lint. */
export function onDidChangeConfiguration(state: ServerState, change: DidChangeConfigurationParams): void {
  const settings = (change.settings as { fzlint?: unknown } | undefined)?.fzlint;
  if (settings !== undefined) state.globalSettings = normalizeSettings(settings);
  state.settingsCache.clear();
  state.settingsGeneration++;
  relintAll(state);
}

/** `workspace/didChangeWatchedFiles`: a config or `.fzlintignore` changed, so configs are re-read. */
export function onDidChangeWatchedFiles(state: ServerState, change: DidChangeWatchedFilesParams): void {
  const relevant = change.changes.some((c) => {
    const p = uriToPath(c.uri);
    return p !== undefined && affectsConfig(p);
  });
  if (!relevant) return;
  state.configs.invalidate();
  clearConfigProblems(state);
  relintAll(state);
}

/** Workspace folders added or removed. */
export function onWorkspaceFoldersChanged(state: ServerState, e: WorkspaceFoldersChangeEvent): void {
  const removed = new Set(e.removed.map((f) => uriToPath(f.uri)));
  const added = e.added.map((f) => uriToPath(f.uri)).filter((p): p is string => p !== undefined);
  state.folders = [...state.folders.filter((f) => !removed.has(f)), ...added];
  relintAll(state);
}
