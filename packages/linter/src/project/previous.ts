/**
 * Last year's report, for the project API: reading it (any format the readers know),
 * the key that makes cached results stale when it changes, and finding it — given for
 * the run (`--previous`), named by the config (`previousReport`), paired inside a batch,
 * or, for one file, among the files of its folder (same issuer, report year − 1, by
 * `pairReports` of `@fzlint/rules`).
 */
// `fs.promises`, read when used: importing node:fs/promises loads it (and readline) on start, ~1.5 ms a warm run never needs.
import { promises as fsp } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { inputMessage, inputProblem, reportExtensions, type InputProblem, type ReportReader, type SourceMap, type TextFormat } from '@fzlint/input';
import type { ReportDocument } from '@fzlint/parser';
import type { Locale } from '@fzlint/rule-api';
import type { ReportIdentity, UnpairedReason } from '@fzlint/rules';
import { hashOf } from './cache.js';
import type { TaskPrevious } from './lint-task.js';
import { readReportFile, type ReadFileOutcome } from './read.js';
import type { PreviousUsed } from './result.js';

/** Last year's report given as text (`lintText`'s `previous`). */
export interface PreviousText {
  readonly text: string;
  /** Its path: related places in it name this file, and its extension picks the format. */
  readonly filePath?: string;
  readonly format?: TextFormat;
  /** For converted input (`readReport` gives it): related places in it are given at its paragraphs. */
  readonly sourceMap?: SourceMap;
  /** Its text already parsed. */
  readonly document?: ReportDocument;
}

/** Last year's report as the project found and read it. */
export interface ProjectPrevious extends PreviousUsed {
  readonly text: string;
  readonly format: TextFormat;
  readonly sourceMap?: SourceMap;
}

/** What `findPrevious` found for one file. */
export interface PreviousLookup {
  /** Last year's report (read), when the config names one or a file of the folder pairs with this one. */
  readonly previous?: ProjectPrevious;
  /** Why none was paired (no issuer, no year, none of the year before, several), when the folder was searched. */
  readonly unpaired?: { readonly reason: UnpairedReason; readonly candidates?: readonly string[] };
  /** This file's issuer and year as pairing read them (absent when the config named the previous report). */
  readonly identity?: ReportIdentity;
  /** The other files of the folder whose issuer and year were read (absolute paths). */
  readonly scanned: readonly string[];
  /** The previous report named or paired could not be read; `previous` is then absent. */
  readonly problem?: InputProblem;
}

/** Options of `findPrevious`. */
export interface FindPreviousOptions {
  /** The file's text when it is not what is on disk (an editor's unsaved buffer). */
  readonly text?: string;
  readonly format?: TextFormat;
  /** The file's text already parsed (as `lint` parses it: with its config's `reportYear`). */
  readonly document?: ReportDocument;
  /** Search the file's folder when the config names no previous report (default true). */
  readonly siblings?: boolean;
}

/**
 * At most this many other files of a folder are read to find last year's report of one
 * file (those whose name says the year before first): a folder of a thousand reports
 * costs no more than a few dozen parses, once (identities are kept while a file's size
 * and modification time are unchanged).
 */
export const MAX_SIBLINGS = 64;

/** A previous report read for a run: what a lint task carries, its key for the cache, and how it was chosen. */
export interface LoadedPrevious extends TaskPrevious {
  readonly displayPath: string;
  /** Changes when its path or content changes: part of the cache key of the results compared with it. */
  readonly key: string;
}

/**
 * The cache key part of a previous report: its content hash and path (as they are: a hash
 * of them would load `node:crypto` in a warm run, which otherwise hashes nothing).
 */
export function previousKey(filePath: string, contentHash: string): string {
  return `${contentHash}:${filePath}`;
}

/** Why a previous report could not be read, in one line (the reading problem, worded for the locale). */
export function previousDetail(read: Extract<ReadFileOutcome, { ok: false }>, display: string, locale: Locale): string {
  // ENOENT while reading is a missing file here, not one that vanished during a run.
  if (read.reason === 'vanished') return inputMessage({ id: 'missingPath', data: { path: display } }, locale);
  return inputMessage(read.problem, locale);
}

/** Reads a previous report file; a problem (`previousUnusable`) when it cannot be used. */
export async function loadPrevious(
  path: string,
  display: string,
  options: { readonly readers: readonly ReportReader[]; readonly maxBytes: number; readonly locale: Locale },
): Promise<{ ok: true; previous: LoadedPrevious } | { ok: false; detail: string; problem: InputProblem }> {
  const read = await readReportFile(path, display, { readers: options.readers, maxBytes: options.maxBytes });
  if (!read.ok) {
    const detail = previousDetail(read, display, options.locale);
    return { ok: false, detail, problem: inputProblem('previousUnusable', { detail }) };
  }
  return {
    ok: true,
    previous: {
      filePath: path,
      displayPath: display,
      text: read.text,
      format: read.format,
      ...(read.sourceMap ? { source: read.sourceMap } : {}),
      key: previousKey(path, hashOf(read.bytes)),
    },
  };
}

/** What the sibling search needs of the project. */
export interface SiblingScan {
  readonly readers: readonly ReportReader[];
  readonly maxBytes: number;
  ignored(path: string): boolean;
  /** The year a file's name states, if any (`identityFromFileName`). */
  yearInName(path: string): number | undefined;
}

/** The other report files of a file's folder worth reading for its pairing, at most {@link MAX_SIBLINGS}. */
export async function siblingsOf(path: string, year: number | undefined, scan: SiblingScan): Promise<string[]> {
  const dir = dirname(path);
  const extensions = new Set(reportExtensions(scan.readers));
  let names: string[];
  try {
    names = await fsp.readdir(dir);
  } catch {
    return [];
  }
  const self = basename(path);
  const candidates: string[] = [];
  for (const name of names) {
    if (name === self) continue;
    const dot = name.lastIndexOf('.');
    if (dot < 0 || !extensions.has(name.slice(dot).toLowerCase())) continue;
    const file = join(dir, name);
    if (scan.ignored(file)) continue;
    candidates.push(file);
  }
  // Names that say the year before first: a folder of many years stays cheap and the right file is read.
  const rank = (file: string): number => (year !== undefined && scan.yearInName(file) === year - 1 ? 0 : 1);
  candidates.sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
  const out: string[] = [];
  for (const file of candidates) {
    if (out.length >= MAX_SIBLINGS) break;
    try {
      const info = await fsp.stat(file);
      if (info.isFile() && info.size > 0 && info.size <= scan.maxBytes) out.push(file);
    } catch {
      // Gone meanwhile.
    }
  }
  return out;
}
