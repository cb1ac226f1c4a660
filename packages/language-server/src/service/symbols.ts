/** Document symbols (the report outline, sections with their content) and folding ranges. */
import type { ConceptId } from '@fzlint/ontology';
import type { Section } from '@fzlint/parser';
import type { DocumentSymbol, FoldingRange } from 'vscode-languageserver-types';
import { FoldingRangeKind, SymbolKind } from 'vscode-languageserver-types';
import type { LintSnapshot } from './diagnostics.js';

const CONCEPT_LABEL: Readonly<Record<ConceptId, { 'zh-CN': string; en: string }>> = {
  'measures-and-results': { 'zh-CN': '主要举措和成效', en: 'measures and results' },
  'shortcomings-and-causes': { 'zh-CN': '存在的不足和原因', en: 'shortcomings and causes' },
  'first-responsible-person': { 'zh-CN': '第一责任人职责履行情况', en: 'first responsible person' },
  'next-year-plan': { 'zh-CN': '下一年度主要安排', en: 'next year plan' },
  other: { 'zh-CN': '其他需要报告的情况', en: 'other matters' },
};

/** The label of a report content in a locale. */
export function conceptLabel(concept: ConceptId, locale: 'zh-CN' | 'en'): string {
  return CONCEPT_LABEL[concept][locale];
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
