/**
 * The Excel export: two sheets, the overview and every finding, written with
 * exceljs (bundled; nothing fetched).
 */
import ExcelJS from 'exceljs';
import type { CheckedReport } from '../check.js';
import { t } from './i18n.js';
import { COLUMNS, FINDING_COLUMNS, findingRows, overviewRows } from './table.js';

/** The workbook's bytes. */
export async function toXlsx(reports: readonly CheckedReport[]): Promise<ArrayBuffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'fzlint';
  const overview = book.addWorksheet(t('sheetOverview'), { views: [{ state: 'frozen', ySplit: 1 }] });
  overview.addRow(COLUMNS.map((c) => t(c.label)));
  for (const row of overviewRows(reports)) overview.addRow(row);
  overview.getRow(1).font = { bold: true };
  overview.columns.forEach((col, i) => {
    col.width = i === 0 || i === 2 ? 36 : i === 1 ? 24 : 12;
  });
  const findings = book.addWorksheet(t('sheetFindings'), { views: [{ state: 'frozen', ySplit: 1 }] });
  findings.addRow(FINDING_COLUMNS.map((c) => t(c)));
  for (const row of findingRows(reports)) findings.addRow(row);
  findings.getRow(1).font = { bold: true };
  [30, 8, 34, 8, 90, 40].forEach((w, i) => {
    findings.getColumn(i + 1).width = w;
  });
  findings.getColumn(5).alignment = { wrapText: true, vertical: 'top' };
  return (await book.xlsx.writeBuffer()) as ArrayBuffer;
}
