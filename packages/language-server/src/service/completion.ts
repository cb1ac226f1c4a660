/**
 * Completion after 《: the current full titles of the catalogued laws and policies that
 * match what was typed after the bracket, each with the version in force for the
 * document's report year (`titleCompletions` of `@fzlint/rules`, over the built-in
 * catalogue and the config's entries): 《行政处 → 《中华人民共和国行政处罚法》（2021年修订）.
 */
import type { TextRange } from '@fzlint/parser';
import type { CompletionItem, CompletionList } from 'vscode-languageserver-types';
import { CompletionItemKind, MarkupKind } from 'vscode-languageserver-types';
import { toTextEdit, type LineMap } from '../convert.js';
import type { CompletionContext, LintEngine } from './types.js';

/** The character that opens a title, and the one that closes it. */
export const TITLE_OPEN = '《';
const TITLE_CLOSE = '》';

/** How far before the cursor a 《 is looked for: a title typed so far is short. */
const MAX_TYPED = 40;
/** Characters a title being typed does not contain: after one of them the 《 is closed or abandoned. */
const NOT_IN_TITLE = /[《》\n\r。；;！？!?]/u;

/**
 * The title being typed at `offset`: the text between the nearest 《 before it on its line
 * and the cursor, when no 》 (or sentence end) stands between; undefined otherwise.
 */
export function typedTitle(text: string, offset: number): { open: number; typed: string } | undefined {
  const stop = Math.max(0, offset - MAX_TYPED - 1);
  for (let i = offset - 1; i >= stop; i--) {
    const ch = text[i]!;
    if (ch === TITLE_OPEN) return { open: i, typed: text.slice(i + 1, offset) };
    if (NOT_IN_TITLE.test(ch)) return undefined;
  }
  return undefined;
}

const TEXT = {
  'zh-CN': { inForce: '插入现行全称及版本' },
  en: { inForce: 'Inserts the current full title with its version' },
} as const;

/**
 * The completion list at `offset` of `lines` (the document's current text), or null when
 * the cursor is not inside a 《 being typed. The list is incomplete: the client asks again
 * as the title grows (the server filters by what was typed).
 */
export function titleCompletionsAt(
  engine: LintEngine,
  lines: LineMap,
  offset: number,
  context: CompletionContext,
  locale: 'zh-CN' | 'en',
): CompletionList | null {
  const complete = engine.features.titleCompletions;
  if (!complete) return null;
  const text = lines.text;
  const at = typedTitle(text, offset);
  if (!at) return null;
  const found = complete(at.typed, context);
  if (found.length === 0) return { isIncomplete: true, items: [] };
  // Replace what was typed, and a 》 the editor closed the bracket with (the item brings its own).
  const replace: TextRange = { start: at.open + 1, end: text[offset] === TITLE_CLOSE ? offset + 1 : offset };
  const width = String(found.length).length;
  const items = found.map((c, i): CompletionItem => {
    const t = TEXT[locale];
    return {
      label: c.label,
      kind: c.kind === 'law' ? CompletionItemKind.Reference : CompletionItemKind.Text,
      detail: c.detail,
      documentation: { kind: MarkupKind.Markdown, value: `${t.inForce}${locale === 'en' ? ': ' : '：'}《${c.insertText}` },
      // The client filters by the text of the replaced range: start with what was typed so that every
      // item the server found (a part of the title, a short name) stays; the server's order is kept.
      filterText: `${at.typed}${c.label}`,
      sortText: String(i).padStart(width, '0'),
      textEdit: toTextEdit(lines, replace, c.insertText),
      data: { entryId: c.entryId },
    };
  });
  return { isIncomplete: true, items };
}
