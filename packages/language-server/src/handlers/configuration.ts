/** Changes of settings, of config and ignore files, and of workspace folders: re-read and re-lint. */
import type { DidChangeConfigurationParams, DidChangeWatchedFilesParams, WorkspaceFoldersChangeEvent } from 'vscode-languageserver/node.js';
import { normalizeSettings } from '../settings.js';
import { affectsConfig } from '../service/config.js';
import { hasReportExtension } from '../service/detect.js';
import { uriToPath } from '../service/uri.js';
import type { ServerState } from '../state.js';
import { clearConfigProblems, relintAll, relintUris } from './publish.js';

/** `workspace/didChangeConfiguration`: new settings, re-lint. */
export function onDidChangeConfiguration(state: ServerState, change: DidChangeConfigurationParams): void {
  const settings = (change.settings as { fzlint?: unknown } | undefined)?.fzlint;
  if (settings !== undefined) state.globalSettings = normalizeSettings(settings);
  state.settingsCache.clear();
  state.settingsGeneration++;
  relintAll(state);
}

/**
 * `workspace/didChangeWatchedFiles`: a config or `.fzlintignore` changed, so configs are
 * re-read and everything is linted again; a report file changed, was created or deleted,
 * so the documents it may be last year's report of (those of its folder, those compared
 * with it) look their previous report up again and are linted again.
 */
export function onDidChangeWatchedFiles(state: ServerState, change: DidChangeWatchedFilesParams): void {
  const paths = change.changes.map((c) => uriToPath(c.uri)).filter((p): p is string => p !== undefined);
  if (paths.some(affectsConfig)) {
    state.configs.invalidate();
    state.previous.clear();
    clearConfigProblems(state);
    relintAll(state);
    return;
  }
  const affected = new Set<string>();
  for (const p of paths) if (hasReportExtension(p)) for (const uri of state.previous.changed(p)) affected.add(uri);
  if (affected.size > 0) relintUris(state, [...affected]);
}

/** Workspace folders added or removed. */
export function onWorkspaceFoldersChanged(state: ServerState, e: WorkspaceFoldersChangeEvent): void {
  const removed = new Set(e.removed.map((f) => uriToPath(f.uri)));
  const added = e.added.map((f) => uriToPath(f.uri)).filter((p): p is string => p !== undefined);
  state.folders = [...state.folders.filter((f) => !removed.has(f)), ...added];
  relintAll(state);
}
