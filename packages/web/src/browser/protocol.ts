/**
 * Messages between the page and its Web Worker. Plain data only (structured
 * clone); file bytes travel as transferred `ArrayBuffer`s.
 */
import type { CheckOutcome, CheckSettings } from './check.js';

/** Page → worker. */
export type ToWorker =
  /** Check these files (appended to the batch; a file of the same name replaces the old one). */
  | { readonly type: 'check'; readonly files: readonly { readonly name: string; readonly bytes: ArrayBuffer }[]; readonly settings: CheckSettings }
  /** The batch's findings through one of the linter's formatters. */
  | { readonly type: 'format'; readonly id: number; readonly format: 'sarif' | 'json'; readonly locale: CheckSettings['locale'] }
  /** Forget the batch. */
  | { readonly type: 'clear' };

/** A rule as the settings list shows it. */
export interface RuleInfo {
  readonly id: string;
  readonly family: string;
  readonly defaultSeverity: string;
  readonly description: { readonly 'zh-CN': string; readonly en: string };
}

/** Worker → page. */
export type FromWorker =
  /** Sent once at start: the rules the linter runs. */
  | { readonly type: 'rules'; readonly rules: readonly RuleInfo[]; readonly extensions: readonly string[] }
  | { readonly type: 'progress'; readonly done: number; readonly total: number; readonly name: string }
  | { readonly type: 'result'; readonly outcome: CheckOutcome }
  | { readonly type: 'idle' }
  | { readonly type: 'formatted'; readonly id: number; readonly text: string };
