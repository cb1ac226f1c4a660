/**
 * The figures ledger as front ends show it: plain data (`fzlint inspect --figures
 * --format json`), a text table (`fzlint inspect --figures`), and the statements of
 * the same key as the figure under a position (an editor's hover). Nothing here
 * reads the file system or knows a front end.
 */
import type { FigureMeasure, FigurePeriodKind } from '@fzlint/ontology';
import type { ReportDocument } from '@fzlint/parser';
import { displayWidth, padEndDisplay, type Locale } from '@fzlint/rule-api';
import { keyObjectNames, scopeNames } from './format.js';
import type { FigureLedger, FigurePlace, FigureScope, FigureStatement } from './figures.js';

/** One figure as plain data: JSON-safe (no Infinity or NaN; a value beyond arithmetic is null). */
export interface FigureData {
  /** Index in `FigureLedgerData.figures` (and in `FigureLedger.statements`). */
  readonly index: number;
  /** 1-based position of the figure (columns in UTF-16 code units, as ESLint). */
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  /** The figure as written (120件, 99.7%, 同比增长20%). */
  readonly text: string;
  readonly kind: FigureStatement['kind'];
  readonly value: number | null;
  /** The approximation mark as written (余, 近, 约 …), null for an exact figure. */
  readonly approximation: string | null;
  /** What is counted: the vocabulary id ('' when nothing says), its name in the locale, and the qualifier words. */
  readonly object: { readonly id: string; readonly name: string; readonly qualifier: string };
  readonly measure: FigureMeasure;
  /** The verb as written (受理, 未办结), or the rate's name; null when none. */
  readonly verb: string | null;
  readonly scope: { readonly kind: FigureScope['kind']; readonly text: string };
  /** The resolved period (`current`, `previous`, `year:2019` …), its kind and the words as written. */
  readonly period: { readonly id: string; readonly kind: FigurePeriodKind; readonly text: string };
  /** The unit as written (件, %, 个百分点) and the unit family the key uses (`item`, `%` …). */
  readonly unit: string;
  readonly unitFamily: string;
  /** The metric key as one string: statements with equal keys state the same figure. */
  readonly key: string;
  /** Indices of the other figures with the same key. */
  readonly sameKey: readonly number[];
  /** Only figures of the body are compared; headings, the title, 《》 titles and page text are listed but not compared. */
  readonly place: FigurePlace;
}

/** The figures ledger of one report as plain data (the JSON of `fzlint inspect --figures`). */
export interface FigureLedgerData {
  readonly version: 1;
  /** The report year periods were resolved with; null when unknown. */
  readonly reportYear: number | null;
  readonly figures: readonly FigureData[];
}

/** Options of the data form and the table. */
export interface FigureDataOptions {
  /** Names of objects, scopes and periods in this locale (default zh-CN). */
  readonly locale?: Locale;
}

function finite(value: number): number | null {
  return Number.isFinite(value) ? value : null;
}

/** The ledger of `document` as plain data, positions computed from the document's line index. */
export function figureLedgerData(ledger: FigureLedger, document: ReportDocument, options: FigureDataOptions = {}): FigureLedgerData {
  const en = options.locale === 'en';
  const figures = ledger.statements.map((s): FigureData => {
    const start = document.lineIndex.positionAt(s.range.start);
    const end = document.lineIndex.positionAt(s.range.end);
    const object = keyObjectNames(s.key);
    const scope = scopeNames(s.key);
    const same = ledger.byKey.get(s.keyId) ?? [];
    return {
      index: s.index,
      line: start.line,
      column: start.column,
      endLine: end.line,
      endColumn: end.column,
      text: s.text.trim(),
      kind: s.kind,
      value: finite(s.value),
      approximation: s.approximation ?? null,
      object: { id: s.key.object, name: s.key.object === '' ? '' : en ? object.en : object.zh, qualifier: s.key.qualifier },
      measure: s.key.measure,
      verb: s.kind === 'rate' ? (s.rate?.name ?? null) : (s.verb ?? null),
      scope: { kind: s.key.scope.kind, text: s.key.scope.kind === 'report' ? '' : en ? scope.en : scope.zh },
      period: { id: s.key.period.id, kind: s.key.period.kind, text: s.key.period.text },
      unit: s.unit,
      unitFamily: s.key.unit,
      key: s.keyId,
      sameKey: same.filter((o) => o !== s).map((o) => o.index),
      place: s.place,
    };
  });
  return { version: 1, reportYear: ledger.reportYear ?? null, figures };
}

const HEADERS: Readonly<Record<Locale, readonly string[]>> = {
  'zh-CN': ['行', '数字', '对象', '量', '口径', '时期', '同键'],
  en: ['line', 'figure', 'object', 'measure', 'scope', 'period', 'same key'],
};

const MEASURE_ZH: Readonly<Record<FigureMeasure, string>> = {
  received: '收到',
  new: '新收',
  'carried-over': '结转',
  concluded: '办结',
  pending: '未结',
  removed: '注销',
  net: '净增',
  total: '总数',
  rate: '比率',
  count: '数量',
  change: '变化',
};

/** A period with no words of its own: the report year (unmarked) or a resolved one. */
function periodLabel(id: string, en: boolean): string {
  if (id === 'current') return en ? 'this year' : '本年';
  if (id === 'previous') return en ? 'last year' : '上年';
  return id;
}

/**
 * The ledger as a text table, one row per figure, columns aligned for a terminal
 * (line, figure, object, measure with the verb as written, scope, period, the lines
 * of the other figures with the same key). Figures outside the body are marked with
 * their place. Ends with a newline.
 */
export function formatFigureTable(data: FigureLedgerData, options: FigureDataOptions = {}): string {
  const locale: Locale = options.locale ?? 'zh-CN';
  const en = locale === 'en';
  const lines = new Map(data.figures.map((f) => [f.index, f.line]));
  const rows: string[][] = [HEADERS[locale].slice()];
  for (const f of data.figures) {
    const measure = en ? f.measure : MEASURE_ZH[f.measure];
    const verb = f.verb && f.verb !== measure ? `${measure}（${f.verb}）` : measure;
    const period = f.period.text || periodLabel(f.period.id, en);
    const place = f.place === 'body' ? '' : ` [${f.place}]`;
    rows.push([
      String(f.line),
      `${f.text}${place}`,
      (f.object.name || '—') + (f.object.qualifier && !f.object.name.startsWith(f.object.qualifier) ? `（${f.object.qualifier}）` : ''),
      verb,
      f.scope.text || '—',
      period,
      f.sameKey.map((i) => lines.get(i)).join(','),
    ]);
  }
  // A loop, not Math.max(...rows): a report of a few hundred thousand figures has more rows than a call takes arguments.
  // Each cell measured once; the last column is not padded.
  const cellWidths = rows.map((r) => r.map(displayWidth));
  const widths = rows[0]!.map(() => 0);
  for (const w of cellWidths) for (let c = 0; c < widths.length; c++) if (w[c]! > widths[c]!) widths[c] = w[c]!;
  return (
    rows
      .map((r, i) => r.map((cell, c) => (c === r.length - 1 ? cell : padEndDisplay(cell, widths[c]!, cellWidths[i]![c]))).join('  ').trimEnd())
      .join('\n') + '\n'
  );
}

/** The figure under a position and the other statements of its key (for an editor's hover). */
export interface FiguresAt {
  readonly statement: FigureStatement;
  /** The other statements with the same key, in text order. */
  readonly sameKey: readonly FigureStatement[];
}

/** The figure whose range holds `offset`, with the other statements of its key; undefined when none does. */
export function figuresAt(ledger: FigureLedger, offset: number): FiguresAt | undefined {
  const statement = ledger.statements.find((s) => s.range.start <= offset && offset < s.range.end);
  if (!statement) return undefined;
  const sameKey = (ledger.byKey.get(statement.keyId) ?? []).filter((s) => s !== statement);
  return { statement, sameKey };
}
