/** `textDocument/hover`: a catalogue entry's status, the statistics relations of a figure. */
import type { Hover, HoverParams } from 'vscode-languageserver/node.js';
import { hoverAt } from '../service/hover.js';
import { featureSnapshot, guard, type ServerState } from '../state.js';

/** The hover at a position of a linted document, or null. */
export function onHover(state: ServerState, params: HoverParams): Promise<Hover | null> {
  return guard(state, 'hover', null, async () => {
    const snapshot = await featureSnapshot(state, params.textDocument.uri);
    if (!snapshot) return null;
    return hoverAt(state.engine, snapshot, snapshot.lines.offsetAt(params.position));
  });
}
