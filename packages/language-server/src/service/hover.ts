/**
 * Hover: the catalogue entry of a recognised policy/law/plan reference, in the words of
 * `hoverText` of `@fzlint/rules` (status on the writing date, dates, successor, source,
 * confidence), and the statistics relations a count or rate takes part in.
 */
import { hoverText, statisticsAt, type CatalogueReference, type RateStatement, type StatisticMention } from '@fzlint/rules';
import type { TextRange } from '@fzlint/parser';
import type { Locale } from '@fzlint/rule-api';
import type { Hover } from 'vscode-languageserver-types';
import { MarkupKind } from 'vscode-languageserver-types';
import type { LintSnapshot } from './diagnostics.js';
import type { FeatureContext, LintEngine, StatisticRelation, StatisticsResult } from './types.js';

const RELATION: Readonly<Record<Locale, string>> = { 'zh-CN': '统计关系', en: 'Statistics relation' };

/** A count as written with its verb: 审结90件 (收到行政复议申请106件 keeps the object between them). */
function mentionText(text: string, m: StatisticMention): string {
  const start = m.verbRange ? Math.min(m.verbRange.start, m.range.start) : m.range.start;
  return text.slice(start, m.range.end);
}

function rateText(text: string, r: RateStatement): string {
  return `${r.name}${text.slice(r.range.start, r.range.end)}`;
}

/**
 * One line for a statistics relation, its numbers as written and what they compute:
 * 收到106件 · 审结90件 · 审结率84.9% · = 84.9%.
 */
export function relationText(text: string, rel: StatisticRelation): string {
  const words = (ms: readonly StatisticMention[]) => ms.map((m) => mentionText(text, m));
  switch (rel.kind) {
    case 'received-concluded':
      return words([rel.received, rel.concluded]).join(' · ');
    case 'rate': {
      const decimals = Math.max(1, Math.min(rel.rate.decimals, 4));
      return [...words([rel.denominator, rel.numerator]), rateText(text, rel.rate), `= ${rel.computed.toFixed(decimals)}%`].join(' · ');
    }
    case 'parts': {
      const sum = rel.parts.reduce((acc, p) => acc + p.value, 0);
      return [...words([rel.total, ...rel.parts]), `Σ ${sum}`].join(' · ');
    }
    case 'derived-total':
      return [...words([rel.result, ...rel.terms.map((t) => t.mention)]), `= ${rel.expected}`].join(' · ');
  }
}

/** The reference under the cursor: one covering it, else one ending at it (the cursor just after a name). */
function referenceAt(references: readonly CatalogueReference[], offset: number): CatalogueReference | undefined {
  return (
    references.find((r) => r.range.start <= offset && offset < r.range.end) ??
    references.find((r) => r.range.start < offset && offset === r.range.end)
  );
}

/** Runs an analysis; a failing one must not break the other half of the hover. */
function attempt<T>(run: () => T): T | undefined {
  try {
    return run();
  } catch {
    return undefined;
  }
}

/** The hover at an offset of a linted report, or null. */
export function hoverAt(engine: LintEngine, snapshot: LintSnapshot, offset: number): Hover | null {
  const document = snapshot.result?.document;
  if (!snapshot.isReport || !document) return null;
  const locale = snapshot.settings.locale;
  const parts: string[] = [];
  let range: TextRange | undefined;

  const context: FeatureContext = {
    config: snapshot.options?.config,
    locale,
    ...(snapshot.options?.reportYear !== undefined ? { reportYear: snapshot.options.reportYear } : {}),
  };
  const references = attempt(() => engine.features.findCatalogueReferences?.(document, context)) ?? [];
  const ref = referenceAt(references, offset);
  if (ref) {
    parts.push(hoverText(ref, locale));
    range = ref.range;
  }

  const statistics: StatisticsResult | undefined = attempt(() => engine.features.extractStatistics?.(document));
  if (statistics) {
    const here = statisticsAt(statistics, offset);
    for (const rel of here.relations) parts.push(`**${RELATION[locale]}**：${relationText(document.text, rel)}`);
    if (here.relations.length > 0) {
      range ??= here.mention?.range ?? (here.rate ? { start: here.rate.nameRange.start, end: here.rate.range.end } : undefined);
    }
  }

  if (parts.length === 0) return null;
  return {
    contents: { kind: MarkupKind.Markdown, value: parts.join('\n\n---\n\n') },
    ...(range ? { range: snapshot.lines.range(range) } : {}),
  };
}
