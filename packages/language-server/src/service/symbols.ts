/** Document symbols (the report outline, sections with their content) and folding ranges. */
import { conceptById, type ConceptId } from '@fzlint/ontology';
import type { Section } from '@fzlint/parser';
import type { DocumentSymbol, FoldingRange } from 'vscode-languageserver-types';
import { FoldingRangeKind, SymbolKind } from 'vscode-languageserver-types';
import type { LintSnapshot } from './diagnostics.js';

/** The label of a report content in a locale, as the ontology words it (the CLI and the scorecard use the same). */
export function conceptLabel(concept: ConceptId, locale: 'zh-CN' | 'en'): string {
  return conceptById[concept].label[locale];
}

/** The report outline: one symbol per section, the content it holds as detail. */
export function documentSymbols(snapshot: LintSnapshot): DocumentSymbol[] {
  const document = snapshot.result?.document;
  if (!snapshot.isReport || !document) return [];
  const locale = snapshot.settings.locale;
  const convert = (section: Section): DocumentSymbol => {
    const name = section.heading.text.replace(/^#+\s*/u, '').trim() || section.heading.title || '—';
    const symbol: DocumentSymbol = {
      name,
      kind: section.level <= 1 ? SymbolKind.Module : SymbolKind.Namespace,
      range: snapshot.lines.range(section.range),
      selectionRange: snapshot.lines.range(section.heading.range),
      children: section.children.map(convert),
    };
    const concept = section.concept ?? section.heading.concept;
    if (concept) symbol.detail = conceptLabel(concept, locale);
    return symbol;
  };
  const symbols = document.sections.map(convert);
  if (document.title) {
    const titleRange = snapshot.lines.range(document.title.range);
    symbols.unshift({ name: document.title.text, kind: SymbolKind.File, range: titleRange, selectionRange: titleRange });
  }
  return symbols;
}

/** A folding range per section that spans more than one line. */
export function foldingRanges(snapshot: LintSnapshot): FoldingRange[] {
  const document = snapshot.result?.document;
  if (!snapshot.isReport || !document) return [];
  const ranges: FoldingRange[] = [];
  const visit = (section: Section): void => {
    const startLine = snapshot.lines.positionAt(section.range.start).line;
    let end = section.range.end;
    // Trailing line breaks belong to the gap before the next heading, not to the fold.
    while (end > section.range.start && /\s/u.test(snapshot.lines.text[end - 1] ?? '')) end--;
    const endLine = snapshot.lines.positionAt(end).line;
    if (endLine > startLine) ranges.push({ startLine, endLine, kind: FoldingRangeKind.Region });
    section.children.forEach(visit);
  };
  document.sections.forEach(visit);
  return ranges;
}
