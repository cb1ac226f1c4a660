/**
 * One report checked the way the CLI checks it: read, lint with the page's
 * settings, score, and the facts the overview shows (issuer, title, report
 * year, dates, the disclosure deadline). The result is plain data, so it
 * crosses from the Web Worker to the page with `postMessage`. The lint result
 * stays in the worker for the SARIF and JSON formatters (`formattable`).
 */
import { inputMessage, toSourcePosition, type InputProblem, type ReadText, type SourceMap } from '@fzlint/input';
import {
  lint,
  remapRelatedIn,
  SCORE_RULES,
  scoreResult,
  type FormattableResult,
  type FzlintConfig,
  type LintResult,
  type RuleConfigEntry,
  type Scorecard,
} from '@fzlint/linter';
import type { CalendarDate, ReportDocument } from '@fzlint/parser';
import type { Diagnostic, Locale } from '@fzlint/rule-api';
import { reportIdentity, type ReportIdentity } from '@fzlint/rules';
import { readReportBytes, type ReadOptions } from './read.js';

/** What a report file was read as: its reader (`docx`, `html`, `pdf`), or Markdown or plain text. */
export type ReportKind = 'markdown' | 'text' | 'docx' | 'html' | 'pdf' | (string & {});

/** The page's settings (kept in local storage, exportable as `fzlint.config.json`). */
export interface CheckSettings {
  readonly locale: Locale;
  /** Overrides the year each report states. */
  readonly reportYear?: number;
  /** Rules switched off or to another severity, as in `fzlint.config.json`. */
  readonly rules: Readonly<Record<string, RuleConfigEntry>>;
}

/** One finding as the page shows and exports it. */
export interface Finding {
  readonly ruleId: string;
  /** `structure`, `statistics`, `references`, `style` … (`fzlint` for directive problems). */
  readonly family: string;
  readonly severity: Diagnostic['severity'];
  readonly message: string;
  /** Offsets in `CheckedReport.text`. */
  readonly start: number;
  readonly end: number;
  /** Line (or paragraph of a converted file) and column, 1-based, as the CLI reports them. */
  readonly line: number;
  readonly column: number;
  readonly docsUrl: string;
  /** The catalogue entry a references finding is about, and where its dates come from. */
  readonly reference?: string;
  readonly source?: string;
}

/** The disclosure deadline (before 1 April of the next year) and whether the stated date meets it. */
export interface Deadline {
  /** ISO date of the last day (31 March of report year + 1). */
  readonly date: string;
  /** `early`: dated before the report year ended (a year-end summary, not the annual report). */
  readonly status: 'met' | 'late' | 'early' | 'unknown';
}

/** A report checked. */
export interface CheckedReport {
  readonly ok: true;
  readonly name: string;
  readonly kind: ReportKind;
  readonly encoding?: string;
  /** The text that was linted (Markdown for Word, HTML and PDF input). */
  readonly text: string;
  readonly positionUnit: 'line' | 'paragraph';
  readonly title?: string;
  readonly issuer?: string;
  readonly reportYear?: number;
  /** ISO date the report was written (signed), when the text states it. */
  readonly writingDate?: string;
  readonly publicationDate?: string;
  readonly deadline?: Deadline;
  readonly findings: readonly Finding[];
  readonly counts: { readonly error: number; readonly warn: number; readonly info: number };
  readonly score: Scorecard;
  /**
   * Last year's report of the same issuer in the batch, which the continuity rules
   * compared this one with, and why they were paired (`describePair`).
   */
  readonly previous?: { readonly name: string; readonly why: string };
}

/** A file that could not be checked: the problem, and its message in the settings' language. */
export interface CheckFailure {
  readonly ok: false;
  readonly name: string;
  /** The reading problem (`pdfScanned`, `notDocx` …), or `lintFailed` when the linter crashed. */
  readonly id: InputProblem['id'] | 'lintFailed';
  readonly message: string;
}

export type CheckOutcome = CheckedReport | CheckFailure;


function iso(d: CalendarDate): string {
  return `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}

function isOff(entry: RuleConfigEntry | undefined): boolean {
  return entry === 'off' || (Array.isArray(entry) && entry[0] === 'off');
}

/** Bodies that issue these reports, as their names end. */
const ISSUER_END = '(?:人民政府|政府|委员会|管委会|办事处|街道|[乡镇]|[局厅委办署院]|中心|党委|党工委|区委|县委|市委)';
const ISSUER_IN_TITLE = new RegExp(`^(.{2,40}?${ISSUER_END})(?:关于|\\s*(?:19|20)\\d{2}\\s*年|法治)`);
const ISSUER_META = /^(?:发布机构|发文机关|来源|信息来源)\s*[:：]\s*(.{2,40})$/m;
const ISSUER_LINE = new RegExp(`^\\s*([\\u4e00-\\u9fa5（）()]{2,30}${ISSUER_END})\\s*$`);

/**
 * Who issued the report: the body the title names (`XX县人民政府关于…`), else
 * the page metadata (发布机构), else the signature line above the date.
 */
export function issuerOf(document: ReportDocument): string | undefined {
  const title = document.title?.text.replace(/^#+\s*/, '').trim();
  const fromTitle = title ? ISSUER_IN_TITLE.exec(title)?.[1] : undefined;
  if (fromTitle) return fromTitle.trim();
  const meta = ISSUER_META.exec(document.text.slice(0, 3000))?.[1];
  if (meta) return meta.replace(/\s+/g, ' ').trim();
  const signed = document.writingDate?.source === 'signature' ? document.writingDate.range : undefined;
  if (signed) {
    const before = document.text.slice(Math.max(0, signed.start - 200), signed.start).split('\n').map((l) => l.trim()).filter((l) => l !== '');
    const line = before[before.length - 1];
    const m = line ? ISSUER_LINE.exec(line.replace(/^#+\s*/, '')) : undefined;
    if (m?.[1]) return m[1];
  }
  return undefined;
}

function deadlineOf(document: ReportDocument, diagnostics: readonly Diagnostic[]): Deadline | undefined {
  const year = document.reportYear?.value;
  if (year === undefined) return undefined;
  const date = `${year + 1}-03-31`;
  const stated = document.publicationDate ?? (!document.writingDate || document.writingDate.assumed || document.writingDate.source === 'option' ? undefined : document.writingDate);
  const rule = diagnostics.find((d) => d.ruleId === 'structure/disclosure-deadline');
  if (rule) return { date, status: rule.messageId === 'tooEarly' ? 'early' : 'late' };
  if (!stated) return { date, status: 'unknown' };
  return { date, status: iso(stated.value) <= date ? 'met' : 'late' };
}

/** Position of an offset as the CLI reports it: line, or paragraph of a converted file. */
function positioner(result: LintResult, map: SourceMap | undefined): (offset: number) => { line: number; column: number } {
  return (offset) => {
    const p = result.document.lineIndex.positionAt(offset);
    return map ? toSourcePosition(map, p) : p;
  };
}

/** A checked report plus what the worker keeps for the formatters and for pairing. */
export interface Checked {
  readonly outcome: CheckOutcome;
  /** The lint result in the shape formatters read (positions in source units), when the file was linted. */
  readonly formattable?: FormattableResult;
  /** The text as read, to lint it again with last year's report without reading it again. */
  readonly read?: ReadText;
  /** Who issued it and for which year (`reportIdentity`): what pairs it with last year's report. */
  readonly identity?: ReportIdentity;
}

/** Last year's report given to {@link checkRead}: another report of the batch, as read. */
export interface PreviousOfBatch {
  readonly name: string;
  readonly read: ReadText;
  /** Why the two were paired, in the settings' language. */
  readonly why: string;
}

/**
 * Checks one report. Never throws: an unreadable file or a linter crash is a
 * failure outcome naming the file.
 */
export async function checkReport(name: string, bytes: Uint8Array, settings: CheckSettings, options: ReadOptions = {}): Promise<Checked> {
  const read = await readReportBytes(name, bytes, options);
  if (!read.ok) return { outcome: { ok: false, name, id: read.problem.id, message: inputMessage(read.problem, settings.locale) } };
  return checkRead(name, read, settings);
}

/**
 * Checks a report already read, with last year's report when one is given (the
 * continuity rules; the scorecard's continuity line). Never throws.
 */
export function checkRead(name: string, read: ReadText, settings: CheckSettings, previous?: PreviousOfBatch): Checked {
  const rules: Record<string, RuleConfigEntry> = { ...settings.rules };
  const hidden = new Set<string>();
  // The rules the scorecard reads run even when switched off (their findings are then hidden);
  // switched on, they keep their severities (the CLI's `score` caps them at warn, the page shows them).
  for (const id of SCORE_RULES) {
    if (isOff(rules[id])) {
      rules[id] = 'warn';
      hidden.add(id);
    }
  }
  const config: FzlintConfig = { rules };
  let result: LintResult;
  try {
    result = lint(read.text, {
      filePath: name,
      format: read.format,
      config,
      locale: settings.locale,
      ...(settings.reportYear !== undefined ? { reportYear: settings.reportYear } : {}),
      ...(previous ? { previous: { text: previous.read.text, filePath: previous.name, format: previous.read.format } } : {}),
    });
    // A place in a converted previous report is given at its paragraphs, as its own findings are.
    if (previous?.read.sourceMap) result = { ...result, diagnostics: remapRelatedIn(result.diagnostics, previous.name, previous.read.sourceMap) };
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    const message = settings.locale === 'en' ? `${name}: checking failed (${detail})` : `${name}：检查时出错（${detail}）`;
    return { outcome: { ok: false, name, id: 'lintFailed', message } };
  }
  const document = result.document;
  const map: SourceMap | undefined = read.sourceMap;
  const at = positioner(result, map);
  const score = scoreResult(result, { filePath: name, locale: settings.locale, ...(map ? { sourceMap: map } : {}), ...(previous ? { previous: previous.name } : {}) });
  const shown = result.diagnostics.filter((d) => !hidden.has(d.ruleId));
  const findings: Finding[] = shown.map((d) => {
    const p = at(d.range.start);
    const reference = d.ruleId.startsWith('references/') ? d.data?.['name'] : undefined;
    const source = d.data?.['source'];
    return {
      ruleId: d.ruleId,
      family: d.ruleId.split('/')[0] ?? '',
      severity: d.severity,
      message: d.message,
      start: d.range.start,
      end: d.range.end,
      line: p.line,
      column: p.column,
      docsUrl: d.docsUrl,
      ...(typeof reference === 'string' && reference !== '' ? { reference } : {}),
      ...(typeof source === 'string' && source !== '' ? { source } : {}),
    };
  });
  const counts = { error: 0, warn: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  const writing = !document.writingDate || document.writingDate.assumed || document.writingDate.source === 'default' ? undefined : iso(document.writingDate.value);
  const deadline = deadlineOf(document, result.diagnostics);
  const issuer = issuerOf(document);
  const outcome: CheckedReport = {
    ok: true,
    name,
    kind: map ? map.kind : read.format === 'markdown' ? 'markdown' : 'text',
    ...(map ? {} : { encoding: read.encoding }),
    text: read.text,
    positionUnit: map ? 'paragraph' : 'line',
    ...(document.title ? { title: document.title.text.replace(/^#+\s*/, '').trim() } : {}),
    ...(issuer ? { issuer } : {}),
    ...(document.reportYear ? { reportYear: document.reportYear.value } : {}),
    ...(writing ? { writingDate: writing } : {}),
    ...(document.publicationDate ? { publicationDate: iso(document.publicationDate.value) } : {}),
    ...(deadline ? { deadline } : {}),
    findings,
    counts,
    score,
    ...(previous ? { previous: { name: previous.name, why: previous.why } } : {}),
  };
  // For SARIF/JSON: the shown findings, positions in the file's own lines or paragraphs.
  const diagnostics = shown.map((d) => (map ? { ...d, start: at(d.range.start), end: at(d.range.end) } : d));
  const formattable: FormattableResult = {
    filePath: name,
    source: read.text,
    diagnostics,
    errorCount: counts.error,
    warningCount: counts.warn,
    infoCount: counts.info,
    fixableErrorCount: diagnostics.filter((d) => d.severity === 'error' && d.fix).length,
    fixableWarningCount: diagnostics.filter((d) => d.severity === 'warn' && d.fix).length,
    document: { lineIndex: { positionAt: (offset: number) => at(offset) } },
  };
  return { outcome, formattable, read, identity: reportIdentity(document, name) };
}
