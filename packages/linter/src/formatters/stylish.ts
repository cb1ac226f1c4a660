import type { Severity } from '@fzlint/rule-api';
import type { FormattableResult, FormatterContext } from './types.js';
import { placesElsewhere, relativeTo } from './paths.js';
import { displayWidth } from './width.js';

const SEVERITY_LABEL: Record<Severity, string> = { error: 'error', warn: 'warning', info: 'info' };
const SEVERITY_COLOR: Record<Severity, string> = { error: '31', warn: '33', info: '36' };
const WHITESPACE_RUN = /\s+/g;

/** Runs of spaces by length, made once: padding every column of every finding. */
const SPACES: string[] = [];

function spaces(n: number): string {
  return n <= 0 ? '' : (SPACES[n] ??= ' '.repeat(n));
}

function paint(on: boolean, code: string, text: string, reset = '39'): string {
  return on ? `\u001b[${code}m${text}\u001b[${reset}m` : text;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** Where the stylish output goes, piece by piece: a string, or UTF-8 bytes. */
interface Sink {
  add(text: string): void;
  /** A run of `n` spaces (none when `n` ≤ 0). */
  spaces(n: number): void;
  /** Drops everything added. */
  clear(): void;
}

/** The output as one string. */
class TextSink implements Sink {
  out = '';
  add(text: string): void {
    this.out += text;
  }
  spaces(n: number): void {
    if (n > 0) this.out += spaces(n);
  }
  clear(): void {
    this.out = '';
  }
}

/**
 * The output as UTF-8 bytes, written straight into a growing buffer: printing
 * thousands of findings builds no string per line (nor one string of the whole output
 * to encode again). Strings met again (messages, rule ids) are encoded once.
 */
class ByteSink implements Sink {
  buffer = new Uint8Array(1 << 16);
  length = 0;
  readonly #encoder = new TextEncoder();
  readonly #encoded = new Map<string, Uint8Array>();

  #room(n: number): void {
    if (this.length + n <= this.buffer.length) return;
    let size = this.buffer.length * 2;
    while (size < this.length + n) size *= 2;
    const grown = new Uint8Array(size);
    grown.set(this.buffer.subarray(0, this.length));
    this.buffer = grown;
  }

  add(text: string): void {
    const n = text.length;
    // ASCII (positions, labels, separators, most paths) byte by byte; the rest encoded once each.
    if (n <= 32) {
      this.#room(n);
      const buffer = this.buffer;
      let at = this.length;
      for (let i = 0; i < n; i++) {
        const c = text.charCodeAt(i);
        if (c >= 0x80) return this.#addEncoded(text);
        buffer[at++] = c;
      }
      this.length = at;
      return;
    }
    this.#addEncoded(text);
  }

  #addEncoded(text: string): void {
    let bytes = this.#encoded.get(text);
    if (!bytes) {
      bytes = this.#encoder.encode(text);
      this.#encoded.set(text, bytes);
    }
    this.#room(bytes.length);
    this.buffer.set(bytes, this.length);
    this.length += bytes.length;
  }

  spaces(n: number): void {
    if (n <= 0) return;
    this.#room(n);
    this.buffer.fill(32, this.length, this.length + n);
    this.length += n;
  }

  clear(): void {
    this.length = 0;
  }
}

/**
 * ESLint's default look: findings grouped per file, one per line as
 * `line:col  severity  message  rule-id`, columns aligned by display width so
 * Chinese messages (two columns per character) line up, then a summary line
 * `✖ N problems (E errors, W warnings, I infos)`. Prints nothing when clean.
 * A related place in another file (the paragraph of last year's report a passage
 * was copied from) follows its finding as `↳ file:line:col  what it is`.
 */
export function stylish(results: readonly FormattableResult[], context: FormatterContext = {}): string {
  const sink = new TextSink();
  render(results, context, sink);
  return sink.out;
}

/**
 * What {@link stylish} prints, as UTF-8 bytes (exactly `new TextEncoder().encode(stylish(…))`),
 * built without the text: what the command line writes to its standard output.
 */
export function stylishBytes(results: readonly FormattableResult[], context: FormatterContext = {}): Uint8Array {
  const sink = new ByteSink();
  render(results, context, sink);
  return sink.buffer.subarray(0, sink.length);
}

function render(results: readonly FormattableResult[], context: FormatterContext, out: Sink): void {
  const color = context.color ?? false;
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  let fixableErrors = 0;
  let fixableWarnings = 0;
  // A message as printed (whitespace runs as one space) and its width, once per distinct
  // message: a run's findings repeat the same few hundred messages.
  const shown = new Map<string, { readonly text: string; readonly width: number }>();
  const show = (message: string) => {
    let m = shown.get(message);
    if (!m) {
      const text = message.replace(WHITESPACE_RUN, ' ').trim();
      m = { text, width: displayWidth(text) };
      shown.set(message, m);
    }
    return m;
  };
  const positions: string[] = [];
  for (let r = 0; r < results.length; r++) {
    const result = results[r] as FormattableResult;
    const diagnostics = result.diagnostics;
    if (diagnostics.length === 0) continue;
    // Column widths first (a loop, not Math.max(...): a file with a hundred thousand findings
    // would overflow the stack). Positions and labels are ASCII: their width is their length.
    let wPos = 0;
    let wSev = 0;
    let wMsg = 0;
    positions.length = diagnostics.length;
    for (let i = 0; i < diagnostics.length; i++) {
      const d = diagnostics[i] as (typeof diagnostics)[number];
      const position = `${d.start.line}:${d.start.column}`;
      positions[i] = position;
      if (position.length > wPos) wPos = position.length;
      const label = SEVERITY_LABEL[d.severity];
      if (label.length > wSev) wSev = label.length;
      const width = show(d.message).width;
      if (width > wMsg) wMsg = width;
    }
    const name = result.filePath !== undefined ? relativeTo(context.cwd, result.filePath) : '<text>';
    out.add('\n');
    out.add(paint(color, '4', name, '24'));
    out.add('\n');
    for (let i = 0; i < diagnostics.length; i++) {
      const d = diagnostics[i] as (typeof diagnostics)[number];
      const message = show(d.message);
      const position = positions[i] as string;
      const label = SEVERITY_LABEL[d.severity];
      const rule = paint(color, '2', d.ruleId, '22');
      // `  pos  sev  msg  rule`, trimmed at the end only when it can end in white space:
      // judged by its last piece (trimming every line would copy it).
      const last = rule.charCodeAt(rule.length - 1);
      if (last > 32 && last <= 126) {
        out.add('  ');
        if (color) out.add(paint(color, '2', position + spaces(wPos - position.length), '22'));
        else {
          out.add(position);
          out.spaces(wPos - position.length);
        }
        out.add('  ');
        if (color) out.add(paint(color, SEVERITY_COLOR[d.severity], label + spaces(wSev - label.length)));
        else {
          out.add(label);
          out.spaces(wSev - label.length);
        }
        out.add('  ');
        out.add(message.text);
        out.spaces(wMsg - message.width);
        out.add('  ');
        out.add(rule);
        out.add('\n');
      } else {
        const pos = paint(color, '2', position + spaces(wPos - position.length), '22');
        const sev = paint(color, SEVERITY_COLOR[d.severity], label + spaces(wSev - label.length));
        out.add(`  ${pos}  ${sev}  ${message.text}${spaces(wMsg - message.width)}  ${rule}`.trimEnd());
        out.add('\n');
      }
      // Places in another file (last year's report) cannot be found from this file's lines: name them.
      if (d.related === undefined) continue;
      for (const place of placesElsewhere(d.related, context.cwd)) {
        out.add(`${' '.repeat(wPos + wSev + 6)}${paint(color, '2', `↳ ${place.where}`, '22')}  ${place.message.replace(WHITESPACE_RUN, ' ').trim()}\n`);
      }
    }
    errors += result.errorCount;
    warnings += result.warningCount;
    infos += result.infoCount;
    fixableErrors += result.fixableErrorCount;
    fixableWarnings += result.fixableWarningCount;
  }
  const total = errors + warnings + infos;
  // Clean: nothing at all.
  if (total === 0) {
    out.clear();
    return;
  }
  const summaryColor = errors ? '31' : warnings ? '33' : '36';
  const summary = `✖ ${plural(total, 'problem')} (${plural(errors, 'error')}, ${plural(warnings, 'warning')}, ${plural(infos, 'info')})`;
  out.add(`\n${paint(color, `1;${summaryColor}`, summary, '22;39')}\n`);
  if (fixableErrors + fixableWarnings > 0) {
    out.add(
      paint(
        color,
        `1;${summaryColor}`,
        `  ${plural(fixableErrors, 'error')} and ${plural(fixableWarnings, 'warning')} potentially fixable with the \`--fix\` option.`,
        '22;39',
      ),
    );
    out.add('\n');
  }
}
