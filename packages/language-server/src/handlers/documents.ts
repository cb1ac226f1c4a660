/** Text document events: lint documents as they are opened, edited and saved; forget them when closed. */
import { lintsOnEdit } from '../service/diagnostics.js';
import { uriToPath } from '../service/uri.js';
import { handles, type ServerState } from '../state.js';
import { buildLineOffsets } from '../text-documents.js';
import { publish, relintUris } from './publish.js';

/** Documents compared with this one as last year's report: its text in the editor is what they are compared with. */
function relintDependents(state: ServerState, uri: string): void {
  const filePath = uriToPath(uri);
  if (filePath === undefined) return;
  const dependents = state.previous.dependentsOf(filePath).filter((d) => d !== uri);
  if (dependents.length > 0) relintUris(state, dependents);
}

/** Lints documents as they are opened, edited and saved; forgets them when closed. */
export function registerDocumentEvents(state: ServerState): void {
  const { documents, diagnostics, incremental, timing } = state;
  documents.onDidOpen((e) => {
    state.justOpened.add(e.document.uri);
    // Parsed in full on open: nothing from an earlier life of the URI is re-parsed from.
    incremental.forget(e.document.uri);
    timing.changeMs.delete(e.document.uri);
  });
  documents.onDidChangeContent((e) => {
    const immediate = state.justOpened.delete(e.document.uri);
    // Opened or edited last year's report: the documents compared with it are linted again (debounced).
    relintDependents(state, e.document.uri);
    if (!handles(e.document.uri, e.document.languageId)) return;
    if (!immediate && !lintsOnEdit(e.document.getText().length)) return;
    // In pull mode the client asks; linting ahead keeps the answer ready (the pull reuses it).
    void diagnostics.schedule(e.document, immediate).then(
      (s) => {
        publish(state, s);
        // Just opened: the line offsets the first keystroke needs are built now, on the next turn, not in that keystroke.
        if (immediate) setImmediate(() => buildLineOffsets(e.document));
      },
      () => undefined,
    );
  });
  documents.onDidSave((e) => {
    // Large documents are re-linted on save rather than on every edit.
    if (handles(e.document.uri, e.document.languageId) && !lintsOnEdit(e.document.getText().length)) {
      void diagnostics.schedule(e.document, true).then((s) => publish(state, s), () => undefined);
      if (state.client.pull) void state.connection.languages.diagnostics.refresh();
    }
  });
  documents.onDidClose((e) => {
    state.justOpened.delete(e.document.uri);
    timing.changeMs.delete(e.document.uri);
    diagnostics.forget(e.document.uri);
    state.previous.forget(e.document.uri);
    // Closed last year's report: those compared with it now read it from disk.
    relintDependents(state, e.document.uri);
    if (!state.client.pull) void state.connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });
}
