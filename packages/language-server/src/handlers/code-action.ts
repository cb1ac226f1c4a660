/** `textDocument/codeAction`: quick fixes, disable comments, insert a missing section, fix all. */
import type { CodeAction, CodeActionParams } from 'vscode-languageserver/node.js';
import { codeActions } from '../service/code-actions.js';
import { featureSnapshot, guard, remoteFeature, type ServerState } from '../state.js';

/** The code actions for a range of a linted document. */
export function onCodeAction(state: ServerState, params: CodeActionParams): Promise<CodeAction[]> {
  return guard(state, 'code actions', [], async () => {
    const snapshot = await featureSnapshot(state, params.textDocument.uri);
    if (!snapshot) return [];
    const request = {
      uri: snapshot.uri,
      range: params.range,
      diagnostics: params.context.diagnostics,
      ...(params.context.only ? { only: params.context.only } : {}),
    };
    if (snapshot.remote) return remoteFeature(state, { kind: 'codeActions', uri: snapshot.uri, version: snapshot.version, request }, []);
    return codeActions(state.engine, snapshot, request);
  });
}
