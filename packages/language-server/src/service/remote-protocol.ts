/**
 * The messages between the server's request thread and its lint thread
 * (`remote.ts` ↔ `lint-worker.ts`): plain data, so they cross `postMessage`.
 */
import type { TextFormat } from '@fzlint/input';
import type { LineColumn } from '@fzlint/parser';
import type { Locale } from '@fzlint/rule-api';
import type { CodeAction, Diagnostic, DocumentSymbol, FoldingRange, Hover } from 'vscode-languageserver-types';
import type { FzlintSettings } from '../settings.js';
import type { CodeActionRequest, EngineLintOptions } from './types.js';

/** Lint options that cross to the lint thread (its rules are its own: the built-in ones and `FZLINT_LS_EXTRA_RULES`). */
export type RemoteLintOptions = Omit<EngineLintOptions, 'rules' | 'document'>;

/** Lint one version of a document (`version` −1: a file of the workspace, not kept). */
export interface RemoteLintRequest {
  readonly kind: 'lint';
  readonly uri: string;
  readonly version: number;
  readonly text: string;
  readonly options: RemoteLintOptions;
  readonly settings: FzlintSettings;
  /** What the parsed document depends on besides its text (a document parsed under another key is not re-parsed from). */
  readonly key: string;
}

/** A feature of the version linted last, computed where its parsed document is. */
export type RemoteFeatureRequest =
  | { readonly kind: 'symbols'; readonly uri: string; readonly version: number }
  | { readonly kind: 'folding'; readonly uri: string; readonly version: number }
  | { readonly kind: 'hover'; readonly uri: string; readonly version: number; readonly offset: number }
  | { readonly kind: 'codeActions'; readonly uri: string; readonly version: number; readonly request: CodeActionRequest };

/**
 * Find last year's report of a document linted in the lint thread: the project API's
 * `findPrevious` parses the whole text to read its issuer and year, which for a
 * multi-megabyte document would hold up the request thread for as long as a parse.
 */
export interface RemotePreviousRequest {
  readonly kind: 'previous';
  readonly filePath: string;
  readonly text: string;
  readonly format?: TextFormat;
  /** The request thread's project, mirrored: its folder (undefined: the process's), locale and config generation (a new one re-reads configs). */
  readonly cwd: string | undefined;
  readonly locale: Locale;
  readonly generation: number;
}

/** What {@link RemotePreviousRequest} found (as `EnginePreviousFinder.find` answers). */
export interface RemotePreviousReply {
  readonly previous?: string;
  readonly identity?: string;
  readonly problem?: string;
}

/** Forget a document (closed). */
export interface RemoteForgetRequest {
  readonly kind: 'forget';
  readonly uri: string;
}

/** Anything the request thread asks. */
export type RemoteRequest = RemoteLintRequest | RemoteFeatureRequest | RemoteForgetRequest | RemotePreviousRequest;

/** A rule that threw, as it crosses threads. */
export interface RemoteRuleFailure {
  readonly ruleId: string;
  readonly message: string;
  readonly stack?: string;
}

/** What a lint gave. */
export interface RemoteLintReply {
  readonly diagnostics: readonly Diagnostic[];
  /** Each finding's start and end (1-based), for converted input shown at its paragraphs. */
  readonly positions: readonly (readonly [LineColumn, LineColumn])[];
  readonly ruleFailures: readonly RemoteRuleFailure[];
  readonly parse: 'full' | 'incremental';
}

/** The answer to each kind of request. */
export interface RemoteAnswers {
  readonly lint: RemoteLintReply;
  readonly symbols: DocumentSymbol[];
  readonly folding: FoldingRange[];
  readonly hover: Hover | null;
  readonly codeActions: CodeAction[];
  readonly forget: null;
  readonly previous: RemotePreviousReply;
}

/** A message to the lint thread. */
export interface RemoteEnvelope {
  readonly id: number;
  readonly request: RemoteRequest;
}

/** A message from the lint thread. */
export type RemoteReplyEnvelope = { readonly id: number; readonly value: unknown } | { readonly id: number; readonly error: string };
