/**
 * Workspace diagnostics: every report file in the workspace folders, not only the open ones,
 * so the Problems view shows the whole report repository. Files are re-linted only when their
 * size, modification time or the configuration changed.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { DiagnosticsService } from './diagnostics.js';
import { hasReportExtension } from './detect.js';
import { pathToUri } from './uri.js';

/** Folders never searched for reports. */
const SKIPPED_DIRS = new Set(['node_modules', '.git', '.hg', '.svn', 'dist', 'out', 'build', '.turbo', '.cache']);
/** Bounds that keep a scan of a huge folder cheap. */
const MAX_FILES = 5000;
const MAX_FILE_BYTES = 8 * 1024 * 1024;

/** One file's workspace report. */
export interface WorkspaceFileReport {
  readonly uri: string;
  readonly resultId: string;
  /** Undefined when unchanged since `previousResultId`. */
  readonly diagnostics: readonly Diagnostic[] | undefined;
}

/** Lists candidate report files under folders (bounded, skipping build and VCS folders). */
export async function listReportFiles(folders: readonly string[], isCancelled: () => boolean = () => false): Promise<string[]> {
  const files: string[] = [];
  const queue = [...folders];
  while (queue.length > 0 && files.length < MAX_FILES && !isCancelled()) {
    const dir = queue.shift()!;
    let entries: import('node:fs').Dirent[];
    try {
      entries = await fs.readdir(dir, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const e of entries) {
      if (e.isDirectory()) {
        if (!SKIPPED_DIRS.has(e.name) && !e.name.startsWith('.')) queue.push(path.join(dir, e.name));
      } else if (e.isFile() && hasReportExtension(e.name)) {
        files.push(path.join(dir, e.name));
      }
    }
  }
  return files.sort();
}

/** Computes workspace reports, reusing unchanged results. */
export class WorkspaceDiagnostics {
  private readonly cache = new Map<string, { key: string; diagnostics: readonly Diagnostic[]; isReport: boolean }>();

  constructor(
    private readonly service: DiagnosticsService,
    private readonly generation: () => string,
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
    const out: WorkspaceFileReport[] = [];
    for (const file of await listReportFiles(folders, isCancelled)) {
      if (isCancelled()) break;
      const uri = pathToUri(file);
      if (openUris.has(uri)) continue;
      let stat: import('node:fs').Stats;
      try {
        stat = await fs.stat(file);
      } catch {
        continue;
      }
      if (stat.size > MAX_FILE_BYTES) continue;
      const key = `${stat.size}-${Math.round(stat.mtimeMs)}-${this.generation()}`;
      let entry = this.cache.get(uri);
      if (!entry || entry.key !== key) {
        let text: string;
        try {
          text = await fs.readFile(file, 'utf8');
        } catch {
          continue;
        }
        const snapshot = await this.service.lintFile(uri, text);
        entry = { key, diagnostics: snapshot.diagnostics.map(stripData), isReport: snapshot.isReport };
        this.cache.set(uri, entry);
      }
      if (!entry.isReport) continue;
      out.push({ uri, resultId: key, diagnostics: previous.get(uri) === key ? undefined : entry.diagnostics });
    }
    return out;
  }
}

/** Workspace results are not tied to a document version, so code actions match them by range. */
function stripData(d: Diagnostic): Diagnostic {
  const { data: _data, ...rest } = d;
  return rest;
}
