/** `textDocument/foldingRange`: a fold per section that spans more than one line. */
import type { FoldingRange, FoldingRangeParams } from 'vscode-languageserver/node.js';
import { foldingRanges } from '../service/symbols.js';
import { featureSnapshot, guard, remoteFeature, type ServerState } from '../state.js';

/** The folding ranges of a linted document. */
export function onFoldingRanges(state: ServerState, params: FoldingRangeParams): Promise<FoldingRange[]> {
  return guard(state, 'folding ranges', [], async () => {
    const snapshot = await featureSnapshot(state, params.textDocument.uri);
    if (snapshot?.remote) return remoteFeature(state, { kind: 'folding', uri: snapshot.uri, version: snapshot.version }, []);
    return snapshot ? foldingRanges(snapshot) : [];
  });
}
