/** Pull diagnostics: `textDocument/diagnostic` (an open document) and `workspace/diagnostic` (every report on disk). */
import lspNode from 'vscode-languageserver/node.js';
import type {
  CancellationToken,
  DocumentDiagnosticParams,
  DocumentDiagnosticReport,
  WorkspaceDiagnosticParams,
  WorkspaceDiagnosticReport,
  WorkspaceDocumentDiagnosticReport,
} from 'vscode-languageserver/node.js';
import { lintsOnEdit } from '../service/diagnostics.js';
import { guard, handles, resultId, type ServerState } from '../state.js';
import { afterLint } from './publish.js';

const { DocumentDiagnosticReportKind, ResponseError, LSPErrorCodes } = lspNode;

/** The diagnostics of one open document (unchanged since `previousResultId`: says so). */
export async function onDocumentDiagnostic(
  state: ServerState,
  params: DocumentDiagnosticParams,
  token: CancellationToken,
): Promise<DocumentDiagnosticReport> {
  const empty: DocumentDiagnosticReport = { kind: DocumentDiagnosticReportKind.Full, items: [] };
  const doc = state.documents.get(params.textDocument.uri);
  if (!doc || !handles(doc.uri, doc.languageId)) return empty;
  const latest = state.diagnostics.latest(doc.uri);
  const snapshot =
    latest && !lintsOnEdit(doc.getText().length) ? latest : await guard(state, 'diagnostics', undefined, () => state.diagnostics.schedule(doc, !latest));
  if (token.isCancellationRequested) throw new ResponseError(LSPErrorCodes.ServerCancelled, 'cancelled', { retriggerRequest: true });
  if (!snapshot) {
    // A newer edit superseded this request: ask the client to pull again.
    throw new ResponseError(LSPErrorCodes.ServerCancelled, 'superseded', { retriggerRequest: true });
  }
  afterLint(state, snapshot);
  const id = resultId(state, snapshot);
  if (params.previousResultId === id) return { kind: DocumentDiagnosticReportKind.Unchanged, resultId: id };
  return { kind: DocumentDiagnosticReportKind.Full, resultId: id, items: [...snapshot.diagnostics] };
}

/**
 * The diagnostics of every report in the workspace folders that is not open, as the CLI would
 * lint them; a report gone since the last pull is cleared.
 */
export async function onWorkspaceDiagnostic(
  state: ServerState,
  params: WorkspaceDiagnosticParams,
  token: CancellationToken,
): Promise<WorkspaceDiagnosticReport> {
  const previous = new Map(params.previousResultIds.map((p) => [p.uri, p.value]));
  const open = new Set(state.documents.keys());
  const reports = await guard(state, 'workspace diagnostics', [], () =>
    state.workspace.collect(state.folders, open, previous, () => token.isCancellationRequested),
  );
  const items: WorkspaceDocumentDiagnosticReport[] = reports.map((r) =>
    r.diagnostics === undefined
      ? { kind: DocumentDiagnosticReportKind.Unchanged, uri: r.uri, version: null, resultId: r.resultId }
      : { kind: DocumentDiagnosticReportKind.Full, uri: r.uri, version: null, resultId: r.resultId, items: [...r.diagnostics] },
  );
  // A report deleted (or no longer a report) since the last pull: clear what the client still shows.
  const reported = new Set(items.map((i) => i.uri));
  for (const [uri, id] of previous) {
    if (!reported.has(uri) && !open.has(uri) && id !== 'gone' && !token.isCancellationRequested) {
      items.push({ kind: DocumentDiagnosticReportKind.Full, uri, version: null, resultId: 'gone', items: [] });
    }
  }
  return { items };
}
