/**
 * The overview's columns and the findings' rows as plain values: one source
 * for the table on screen, the CSV and the Excel export.
 */
import type { CheckedReport, Finding } from '../check.js';
import { t, type StringId } from './i18n.js';

/** A column of the overview. */
export interface Column {
  readonly id: string;
  readonly label: StringId;
  readonly numeric: boolean;
  readonly value: (r: CheckedReport) => string | number | null;
}

function criterion(r: CheckedReport, id: 'completeness' | 'causes' | 'data' | 'plan' | 'timeliness'): number | null {
  return r.score.criteria[id].score;
}

/** The deadline cell: the date and whether the stated date met it. */
export function deadlineText(r: CheckedReport): string {
  const d = r.deadline;
  if (!d) return '';
  const date = d.date;
  const id = d.status === 'met' ? 'deadlineMet' : d.status === 'late' ? 'deadlineLate' : d.status === 'early' ? 'deadlineEarly' : 'deadlineUnknown';
  return t(id, { date });
}

/** The overview's columns, in order. */
export const COLUMNS: readonly Column[] = [
  { id: 'file', label: 'colFile', numeric: false, value: (r) => r.name },
  { id: 'issuer', label: 'colIssuer', numeric: false, value: (r) => r.issuer ?? '' },
  { id: 'title', label: 'colTitle', numeric: false, value: (r) => r.title ?? '' },
  { id: 'year', label: 'colYear', numeric: true, value: (r) => r.reportYear ?? null },
  { id: 'written', label: 'colWritten', numeric: false, value: (r) => r.writingDate ?? '' },
  { id: 'published', label: 'colPublished', numeric: false, value: (r) => r.publicationDate ?? '' },
  { id: 'completeness', label: 'colCompleteness', numeric: true, value: (r) => criterion(r, 'completeness') },
  { id: 'causes', label: 'colCauses', numeric: true, value: (r) => criterion(r, 'causes') },
  { id: 'data', label: 'colData', numeric: true, value: (r) => criterion(r, 'data') },
  { id: 'plan', label: 'colPlan', numeric: true, value: (r) => criterion(r, 'plan') },
  { id: 'timeliness', label: 'colTimeliness', numeric: true, value: (r) => criterion(r, 'timeliness') },
  { id: 'total', label: 'colTotal', numeric: true, value: (r) => r.score.overall },
  { id: 'errors', label: 'colErrors', numeric: true, value: (r) => r.counts.error },
  { id: 'warnings', label: 'colWarnings', numeric: true, value: (r) => r.counts.warn },
  { id: 'infos', label: 'colInfos', numeric: true, value: (r) => r.counts.info },
  { id: 'deadline', label: 'colDeadline', numeric: false, value: deadlineText },
  // Last year's report of the same issuer in the batch, which the continuity rules compared it with.
  { id: 'previous', label: 'colPrevious', numeric: false, value: (r) => r.previous?.name ?? '' },
];

/** The columns of the findings export. */
export const FINDING_COLUMNS: readonly StringId[] = ['colFile', 'colLine', 'colRule', 'colSeverity', 'colMessage', 'colSource'];

/** A severity in words. */
export function severityText(s: Finding['severity']): string {
  return s === 'error' ? t('sevError') : s === 'warn' ? t('sevWarn') : t('sevInfo');
}

/** One row per finding: file, line (or paragraph), rule, severity, message, catalogue source. */
export function findingRows(reports: readonly CheckedReport[]): (string | number)[][] {
  const rows: (string | number)[][] = [];
  for (const r of reports) {
    for (const f of r.findings) rows.push([r.name, f.line, f.ruleId, severityText(f.severity), f.message, f.source ?? '']);
  }
  return rows;
}

/** The overview as rows of values. */
export function overviewRows(reports: readonly CheckedReport[]): (string | number | null)[][] {
  return reports.map((r) => COLUMNS.map((c) => c.value(r)));
}

function csvCell(v: string | number | null): string {
  if (v === null) return '';
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** CSV (RFC 4180) with a UTF-8 BOM, so Excel opens the Chinese text correctly. */
export function toCsv(header: readonly string[], rows: readonly (readonly (string | number | null)[])[]): string {
  return `\ufeff${[header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
