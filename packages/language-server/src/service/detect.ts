/**
 * Which documents are 法治政府建设 reports. Only reports get diagnostics, so an author's other
 * Markdown and text files stay quiet.
 */
import { safeGlobPattern, textReader } from '@fzlint/input';
import picomatch from 'picomatch';

/**
 * Extensions of the documents an editor opens as text and fzlint lints as they are typed:
 * the text reader's (`@fzlint/input`). Word and web files are linted from disk, by the
 * workspace diagnostics.
 */
export const REPORT_EXTENSIONS: readonly string[] = textReader.extensions;

/** Language ids the server attaches to. */
export const REPORT_LANGUAGE_IDS: readonly string[] = ['markdown', 'plaintext'];

/** How far into a document its title or opening is looked for. */
const OPENING_CHARS = 3000;
/**
 * A title or opening that names the report: 法治政府建设 followed closely by 报告/情况/汇报
 * (“2021年度桐乡市法治政府建设工作情况的报告”, “……法治政府建设工作相关情况汇报如下”).
 */
const REPORT_TITLE = /法治政府建设[^。\n]{0,12}(?:报告|情况|汇报)/u;

/** True when the title or opening of a text names a 法治政府建设 report. */
export function namesReport(text: string): boolean {
  return REPORT_TITLE.test(text.length > OPENING_CHARS ? text.slice(0, OPENING_CHARS) : text);
}

/** True when a path has an extension fzlint reads. */
export function hasReportExtension(filePath: string): boolean {
  const lower = filePath.toLowerCase();
  return REPORT_EXTENSIONS.some((ext) => lower.endsWith(ext));
}

/** Compiled include globs, matched against a path relative to a workspace folder. */
export class IncludeMatcher {
  private readonly matchers: ((path: string) => boolean)[];

  constructor(globs: readonly string[]) {
    this.matchers = globs.filter((g) => g.trim() !== '').map((g) => picomatch(safeGlobPattern(g), { dot: true }));
  }

  /** Whether a folder-relative path (forward slashes) matches one of the globs. */
  matches(relativePath: string): boolean {
    return this.matchers.some((m) => m(relativePath));
  }
}

/** What is known about a document when deciding whether it is a report. */
export interface ReportEvidence {
  /** A config file applies to the document. */
  readonly hasConfig: boolean;
  /** The config's `ignorePatterns` exclude the document. */
  readonly ignored: boolean;
  /** The document matches a client `include` glob. */
  readonly included: boolean;
  readonly text: string;
}

/** Decides whether a document is a report. */
export function isReport(evidence: ReportEvidence): boolean {
  if (evidence.ignored) return false;
  return evidence.hasConfig || evidence.included || namesReport(evidence.text);
}
