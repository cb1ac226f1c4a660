/** `textDocument/hover`: a catalogue entry's status, the statistics relations of a figure. */
import type { Hover, HoverParams } from 'vscode-languageserver/node.js';
import { hoverAt } from '../service/hover.js';
import { featureSnapshot, guard, remoteFeature, type ServerState } from '../state.js';

/** The hover at a position of a linted document, or null. */
export function onHover(state: ServerState, params: HoverParams): Promise<Hover | null> {
  return guard(state, 'hover', null, async () => {
    const snapshot = await featureSnapshot(state, params.textDocument.uri);
    if (!snapshot) return null;
    const offset = snapshot.lines.offsetAt(params.position);
    if (snapshot.remote) return remoteFeature(state, { kind: 'hover', uri: snapshot.uri, version: snapshot.version, offset }, null);
    return hoverAt(state.engine, snapshot, offset);
  });
}
