/**
 * Delivering lint results: pushing diagnostics (never over a newer version), the timing log,
 * config problems shown on the config file itself, and re-linting everything when configs or
 * settings change.
 */
import * as fs from 'node:fs';
import type { Diagnostic } from 'vscode-languageserver-types';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { LineMap } from '../convert.js';
import type { LintSnapshot } from '../service/diagnostics.js';
import type { ConfigProblem } from '../service/types.js';
import { pathToUri } from '../service/uri.js';
import { handles, localeOf, MESSAGES, type ServerState } from '../state.js';

/** Where in a config file its problem is: the quoted last key of the message's key path, or the start. */
function configProblemRange(file: string, problem: ConfigProblem): Diagnostic['range'] {
  let text = '';
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    // Deleted meanwhile: the start of the file is as good as anything.
  }
  const lines = new LineMap(text);
  const key = /([^."[\]]+)"?\]?$/u.exec(problem.key ?? '')?.[1];
  const at = key ? text.indexOf(`"${key}"`) : -1;
  if (key && at >= 0) return lines.range({ start: at, end: at + key.length + 2 });
  return lines.range({ start: 0, end: lines.lineEnd(0) });
}

/** Shows a broken config file's problem on the file (once per message) and as an error message. */
function reportConfigProblem(state: ServerState, problem: ConfigProblem): void {
  const file = problem.file;
  if (!file || state.publishedConfigProblems.get(file) === problem.message) return;
  state.publishedConfigProblems.set(file, problem.message);
  void state.connection.sendDiagnostics({
    uri: pathToUri(file),
    diagnostics: [
      {
        range: configProblemRange(file, problem),
        severity: DiagnosticSeverity.Error,
        source: 'fzlint',
        code: 'fzlint/config',
        message: problem.message,
      },
    ],
  });
  void state.connection.window.showErrorMessage(MESSAGES[localeOf(state)].configBroken(file, problem.message));
}

/** After any lint: the config problems it met are shown. */
export function afterLint(state: ServerState, snapshot: LintSnapshot | undefined): void {
  if (!snapshot) return;
  for (const problem of state.configs.brokenConfigs.values()) reportConfigProblem(state, problem);
}

/** Pushes a snapshot's diagnostics (push mode only; never over a newer version), with the timing log. */
export function publish(state: ServerState, snapshot: LintSnapshot | undefined): void {
  afterLint(state, snapshot);
  if (!snapshot || state.client.pull) return;
  const doc = state.documents.get(snapshot.uri);
  // Never publish over a newer version: the newer run publishes its own.
  if (doc?.version !== snapshot.version) return;
  const { timing } = state;
  const sending = timing.enabled ? performance.now() : 0;
  void state.connection.sendDiagnostics({ uri: snapshot.uri, version: snapshot.version, diagnostics: [...snapshot.diagnostics] });
  if (!timing.enabled) return;
  const change = timing.changeMs.get(snapshot.uri) ?? 0;
  timing.changeMs.delete(snapshot.uri);
  const send = performance.now() - sending;
  const lintMs = snapshot.timing?.ms ?? 0;
  const ms = (n: number) => Math.round(n * 1000) / 1000;
  state.connection.console.log(
    `fzlint-timing ${JSON.stringify({
      uri: snapshot.uri,
      version: snapshot.version,
      parse: snapshot.timing?.parse ?? 'none',
      thread: snapshot.remote !== undefined,
      changeMs: ms(change),
      lintMs: ms(lintMs),
      sendMs: ms(send),
      totalMs: ms(change + lintMs + send),
    })}`,
  );
}

/** Re-lints every open report (configs or settings changed); in pull mode, asks the client to pull again. */
export function relintAll(state: ServerState): void {
  state.diagnostics.invalidateAll();
  if (state.client.pull) {
    void state.connection.languages.diagnostics.refresh();
    return;
  }
  for (const doc of state.documents.all()) {
    if (handles(doc.uri, doc.languageId)) void state.diagnostics.schedule(doc, true).then((s) => publish(state, s));
  }
}

/**
 * Re-lints some documents (their previous report changed): their cached results are
 * dropped; in pull mode the client is asked to pull again, in push mode the open ones
 * are linted and published.
 */
export function relintUris(state: ServerState, uris: readonly string[]): void {
  for (const uri of uris) state.diagnostics.invalidate(uri);
  if (state.client.pull) {
    void state.connection.languages.diagnostics.refresh();
    return;
  }
  for (const uri of uris) {
    const doc = state.documents.get(uri);
    if (doc && handles(doc.uri, doc.languageId)) void state.diagnostics.schedule(doc).then((s) => publish(state, s));
  }
}

/** Clears what was shown on config files (they changed; re-linting shows what is still wrong). */
export function clearConfigProblems(state: ServerState): void {
  for (const file of state.publishedConfigProblems.keys()) void state.connection.sendDiagnostics({ uri: pathToUri(file), diagnostics: [] });
  state.publishedConfigProblems.clear();
}
