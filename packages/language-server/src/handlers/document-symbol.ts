/** `textDocument/documentSymbol`: the report's outline, each section with the content it holds. */
import type { DocumentSymbol, DocumentSymbolParams } from 'vscode-languageserver/node.js';
import { documentSymbols } from '../service/symbols.js';
import { featureSnapshot, guard, remoteFeature, type ServerState } from '../state.js';

/** The outline of a linted document. */
export function onDocumentSymbol(state: ServerState, params: DocumentSymbolParams): Promise<DocumentSymbol[]> {
  return guard(state, 'document symbols', [], async () => {
    const snapshot = await featureSnapshot(state, params.textDocument.uri);
    if (snapshot?.remote) return remoteFeature(state, { kind: 'symbols', uri: snapshot.uri, version: snapshot.version }, []);
    return snapshot ? documentSymbols(snapshot) : [];
  });
}
