/**
 * Hover: the catalogue entry of a recognised policy/law/plan reference, in the words of
 * `hoverText` of `@fzlint/rules` (status on the writing date, dates, successor, source,
 * confidence), the statistics relations a count or rate takes part in, and the figure's
 * metric key with the other statements of that key across the report (the figures ledger).
 */
import {
  describeFigure,
  figuresAt,
  hoverText,
  isComparable,
  statisticsAt,
  type CatalogueReference,
  type FigureLedger,
  type FigureStatement,
  type RateStatement,
  type StatisticMention,
} from '@fzlint/rules';
import type { TextRange } from '@fzlint/parser';
import type { Locale } from '@fzlint/rule-api';
import type { Hover } from 'vscode-languageserver-types';
import { MarkupKind } from 'vscode-languageserver-types';
import type { LintSnapshot } from './diagnostics.js';
import type { FeatureContext, LintEngine, StatisticRelation, StatisticsResult } from './types.js';

const RELATION: Readonly<Record<Locale, string>> = { 'zh-CN': '统计关系', en: 'Statistics relation' };

const FIGURE = {
  'zh-CN': {
    figure: '数据',
    others: '同一数据的其他表述',
    only: '全文仅此一处',
    line: (n: number) => `第${n}行`,
    differs: '（与此处不一致）',
  },
  en: {
    figure: 'Figure',
    others: 'The same figure elsewhere',
    only: 'stated only here',
    line: (n: number) => `line ${n}`,
    differs: ' (differs from this one)',
  },
} as const;

/** The statements of a ledger listed in a hover: beyond this many, the count of the rest. */
const MAX_LISTED = 12;

/** Whether two statements of one key cannot both hold (their bounds, widened by their rounding, do not meet). */
function differ(a: FigureStatement, b: FigureStatement): boolean {
  return a.lower - a.precision > b.upper + b.precision + 1e-9 || b.lower - b.precision > a.upper + a.precision + 1e-9;
}

/**
 * The figure under the cursor in words (its metric key: object · measure · scope · period)
 * and the other statements of the same key with their lines (`lineOf`: 1-based, as the
 * editor shows them), those that cannot hold
 * together with it marked. Undefined when the cursor is on no figure, or on one that is
 * neither compared across the report nor stated elsewhere.
 */
export function figureText(ledger: FigureLedger, offset: number, locale: Locale, lineOf: (offset: number) => number): { text: string; range: TextRange } | undefined {
  const found = figuresAt(ledger, offset);
  if (!found) return undefined;
  const { statement, sameKey } = found;
  const comparable = isComparable(statement);
  if (sameKey.length === 0 && !comparable) return undefined;
  const t = FIGURE[locale];
  const described = describeFigure(statement);
  const key = locale === 'en' ? described.keyEn : described.keyZh;
  const head = `**${t.figure}**${locale === 'en' ? ': ' : '：'}${key}${sameKey.length === 0 ? (locale === 'en' ? ` — ${t.only}` : `（${t.only}）`) : ''}`;
  if (sameKey.length === 0) return { text: head, range: statement.range };
  const lines = sameKey.slice(0, MAX_LISTED).map((s) => {
    const line = lineOf(s.range.start);
    const mark = comparable && s.place === 'body' && statement.place === 'body' && differ(s, statement) ? t.differs : '';
    return `- ${t.line(line)}${locale === 'en' ? ': ' : '：'}${s.text.trim()}${mark}`;
  });
  if (sameKey.length > MAX_LISTED) lines.push(`- … ${locale === 'en' ? `${sameKey.length - MAX_LISTED} more` : `另有 ${sameKey.length - MAX_LISTED} 处`}`);
  return { text: `${head}\n\n${t.others}${locale === 'en' ? ':' : '：'}\n\n${lines.join('\n')}`, range: statement.range };
}

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

  const ledger = attempt(() => engine.features.figureLedger?.(document));
  const figure = ledger ? attempt(() => figureText(ledger, offset, locale, (o) => snapshot.lines.displayLine(o))) : undefined;
  if (figure) {
    parts.push(figure.text);
    range ??= figure.range;
  }

  if (parts.length === 0) return null;
  return {
    contents: { kind: MarkupKind.Markdown, value: parts.join('\n\n---\n\n') },
    ...(range ? { range: snapshot.lines.range(range) } : {}),
  };
}
