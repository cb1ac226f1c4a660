/** `textDocument/completion`: after 《, the current full titles of catalogued laws and policies with the version in force. */
import type { CompletionList, CompletionParams } from 'vscode-languageserver/node.js';
import type { CalendarDate } from '@fzlint/parser';
import { LineMap } from '../convert.js';
import { titleCompletionsAt } from '../service/completion.js';
import type { CompletionContext } from '../service/types.js';
import { uriToPath } from '../service/uri.js';
import { featureSnapshot, guard, handles, settingsFor, type ServerState } from '../state.js';

function isoDate(d: CalendarDate): string {
  return `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}

/**
 * The completion list at a position, or null. Any Markdown or plain-text document the
 * server handles gets it (a draft is often not recognised as a report until its title is
 * written); the report year and writing date come from the document's last lint, the
 * catalogue entries from its config.
 */
export function onCompletion(state: ServerState, params: CompletionParams): Promise<CompletionList | null> {
  return guard(state, 'completion', null, async () => {
    const uri = params.textDocument.uri;
    const doc = state.documents.get(uri);
    if (!doc || !handles(uri, doc.languageId)) return null;
    const settings = await settingsFor(state, uri);
    if (!settings.enable) return null;
    // The last lint's document says which year the report is about; lint now only when there is none yet.
    const snapshot = state.diagnostics.latest(uri) ?? (await featureSnapshot(state, uri));
    const lines = snapshot && snapshot.version === doc.version ? snapshot.lines : new LineMap(doc.getText());
    const document = snapshot?.result?.document;
    const config = snapshot?.options?.config ?? (await state.configs.resolve(uriToPath(uri))).config;
    const reportYear = settings.reportYear ?? config?.reportYear ?? document?.reportYear?.value;
    const writingDate = config?.writingDate ?? (document?.writingDate && !document.writingDate.assumed ? isoDate(document.writingDate.value) : undefined);
    const context: CompletionContext = {
      config,
      ...(reportYear !== undefined && reportYear !== null ? { reportYear } : {}),
      ...(writingDate !== undefined ? { writingDate } : {}),
    };
    return titleCompletionsAt(state.engine, lines, lines.offsetAt(params.position), context, settings.locale);
  });
}
