/**
 * Workspace diagnostics: every report file in the workspace folders, not only the open ones,
 * so the Problems view shows the whole report repository. Which files are reports and how they
 * are read is the project API's answer, the CLI's: `.fzlintignore` and `ignorePatterns`
 * honoured, the same skipped folders and size cap, GBK and UTF-16 decoded, `.docx` and `.html`
 * converted (their findings at paragraph numbers, as the CLI reports them). Files are re-linted
 * only when their size, modification time or the configuration changed.
 */
import { promises as fs } from 'node:fs';
import { toSourcePosition, type SourceMap } from '@fzlint/input';
import type { Diagnostic as FzDiagnostic } from '@fzlint/rule-api';
import type { Diagnostic } from 'vscode-languageserver-types';
import { rangeOfPositions } from '../convert.js';
import type { DiagnosticsService, LintSnapshot } from './diagnostics.js';
import type { PreviousReports } from './previous.js';
import type { EngineFiles } from './types.js';
import { pathToUri } from './uri.js';

/** At most this many files are scanned: a bound that keeps a scan of a huge folder cheap. */
export const MAX_WORKSPACE_FILES = 5000;

/** One file's workspace report. */
export interface WorkspaceFileReport {
  readonly uri: string;
  readonly resultId: string;
  /** Undefined when unchanged since `previousResultId`. */
  readonly diagnostics: readonly Diagnostic[] | undefined;
}

/** Lists the report files under folders, as the CLI would lint them (bounded). */
export async function listReportFiles(files: EngineFiles, folders: readonly string[]): Promise<readonly string[]> {
  if (folders.length === 0) return [];
  return files.listReports(folders, MAX_WORKSPACE_FILES);
}

/**
 * Diagnostics of converted input at the source's paragraphs: LSP line = paragraph − 1
 * (the CLI's formatters show paragraph numbers as lines), column in the paragraph's text.
 */
function atParagraphs(snapshot: LintSnapshot, map: SourceMap): Diagnostic[] {
  const findings: readonly Pick<FzDiagnostic, 'start' | 'end'>[] =
    snapshot.result?.diagnostics ?? snapshot.remote?.positions.map(([start, end]) => ({ start, end })) ?? [];
  return snapshot.diagnostics.map((d, i) => {
    const f = findings[i];
    if (!f) return d;
    return { ...d, range: rangeOfPositions(toSourcePosition(map, f.start), toSourcePosition(map, f.end)) };
  });
}

/** Computes workspace reports, reusing unchanged results. */
export class WorkspaceDiagnostics {
  private readonly cache = new Map<
    string,
    { key: string; diagnostics: readonly Diagnostic[]; isReport: boolean; previous?: LintSnapshot['previous']; stamp: string }
  >();

  constructor(
    private readonly service: DiagnosticsService,
    private readonly generation: () => string,
    private readonly files: () => EngineFiles | undefined,
    /** Last year's reports: a result compared with one is stale when it, or its folder's pairings, changed. */
    private readonly previous?: PreviousReports,
  ) {}

  /**
   * Reports of the files under `folders` that are reports, skipping `openUris` (the document
   * pull covers those with the editor's unsaved text).
   */
  async collect(
    folders: readonly string[],
    openUris: ReadonlySet<string>,
    previous: ReadonlyMap<string, string>,
    isCancelled: () => boolean = () => false,
  ): Promise<WorkspaceFileReport[]> {
    const files = this.files();
    if (!files) return [];
    const out: WorkspaceFileReport[] = [];
    for (const file of await listReportFiles(files, folders)) {
      if (isCancelled()) break;
      const uri = pathToUri(file);
      if (openUris.has(uri)) continue;
      let stat: import('node:fs').Stats;
      try {
        stat = await fs.stat(file);
      } catch {
        continue;
      }
      const key = `${stat.size}-${Math.round(stat.mtimeMs)}-${this.generation()}`;
      let entry = this.cache.get(uri);
      const stale = entry !== undefined && this.previous !== undefined && (await this.previous.stamp(file, entry.previous)) !== entry.stamp;
      if (!entry || entry.key !== key || stale) {
        // Too large, binary, unreadable, not a Word document: not linted, as in the CLI.
        const read = await files.readReport(file);
        if (!read.ok) continue;
        const snapshot = await this.service.lintFile(uri, read.text, read.format);
        const diagnostics = read.sourceMap ? atParagraphs(snapshot, read.sourceMap) : snapshot.diagnostics;
        const stamp = this.previous ? await this.previous.stamp(file, snapshot.previous) : '';
        entry = { key, diagnostics: diagnostics.map(stripData), isReport: snapshot.isReport, ...(snapshot.previous ? { previous: snapshot.previous } : {}), stamp };
        this.cache.set(uri, entry);
      }
      if (!entry.isReport) continue;
      const resultId = entry.stamp === '' || entry.stamp === '0' ? key : `${key}-${shortStamp(entry.stamp)}`;
      out.push({ uri, resultId, diagnostics: previous.get(uri) === resultId ? undefined : entry.diagnostics });
    }
    return out;
  }
}

/** A short form of a stamp for result ids (FNV-1a, 32 bits). */
function shortStamp(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(36);
}

/** Workspace results are not tied to a document version, so code actions match them by range. */
function stripData(d: Diagnostic): Diagnostic {
  const { data: _data, ...rest } = d;
  return rest;
}
