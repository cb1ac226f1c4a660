import type { CommentNode, LineColumn, TextRange } from '@fzlint/parser';
import { formatMessage, type Diagnostic, type Locale, type Severity } from '@fzlint/rule-api';
import { nearestNames } from './config/suggest.js';
import { LINTER_MESSAGES, LINTER_RULE_IDS, linterDiagnostic } from './messages.js';

/** The four inline directives. */
export type DirectiveKind = 'disable' | 'enable' | 'disable-line' | 'disable-next-line';

/** A rule id named in a directive, with where it is written. */
export interface DirectiveRule {
  readonly id: string;
  readonly range: TextRange;
}

/** An inline directive found in the text. */
export interface Directive {
  readonly kind: DirectiveKind;
  /** Rule ids it names; empty means every rule. */
  readonly rules: readonly DirectiveRule[];
  /** The text after ` -- `, when given. */
  readonly reason?: string;
  /** The whole comment (Markdown) or line (plain text). */
  readonly range: TextRange;
}

// Longest keyword first, so `fzlint-disable-next-line` is not read as `fzlint-disable`.
const KEYWORD = /^fzlint-(disable-next-line|disable-line|disable|enable)(?=$|\s|-->|,)/;
const RULE_SEPARATOR = /[\s,]+/g;
const REASON = /\s--\s|\s--$/;
const FENCE = /^ {0,3}(`{3,}|~{3,})(.*)$/gm;
const MARKER = 'fzlint-';
const LOOKBACK = 256;
/** Longer comments are prose, not directives; the bound keeps the scan linear. */
const MAX_DIRECTIVE_LENGTH = 2000;

interface Body {
  readonly kind: DirectiveKind;
  readonly rules: DirectiveRule[];
  readonly reason?: string;
}

/** Reads `fzlint-xxx rule-a, rule-b -- reason` starting at `offset` (the keyword) and ending at `end`. */
function parseBody(text: string, offset: number, end: number): Body | undefined {
  const slice = text.slice(offset, end);
  const m = KEYWORD.exec(slice);
  if (!m) return undefined;
  const kind = m[1] as DirectiveKind;
  let rest = slice.slice(m[0].length);
  const restOffset = offset + m[0].length;
  let reason: string | undefined;
  const r = REASON.exec(rest);
  if (r) {
    reason = rest.slice(r.index + r[0].length).trim();
    rest = rest.slice(0, r.index);
  }
  const rules: DirectiveRule[] = [];
  let cursor = 0;
  RULE_SEPARATOR.lastIndex = 0;
  for (let s = RULE_SEPARATOR.exec(rest); ; s = RULE_SEPARATOR.exec(rest)) {
    const stop = s ? s.index : rest.length;
    if (stop > cursor) {
      rules.push({ id: rest.slice(cursor, stop), range: { start: restOffset + cursor, end: restOffset + stop } });
    }
    if (!s) break;
    cursor = s.index + s[0].length;
  }
  return { kind, rules, ...(reason ? { reason } : {}) };
}

/** Ranges of fenced code blocks, where a directive is an example and not a directive. */
function fencedRanges(text: string): TextRange[] {
  const out: TextRange[] = [];
  let open: { start: number; char: string; length: number } | undefined;
  FENCE.lastIndex = 0;
  for (let m = FENCE.exec(text); m; m = FENCE.exec(text)) {
    const fence = m[1]!;
    if (!open) {
      // A backtick fence's info string may not contain backticks (CommonMark).
      if (fence[0] === '`' && m[2]!.includes('`')) continue;
      open = { start: m.index, char: fence[0]!, length: fence.length };
    } else if (fence[0] === open.char && fence.length >= open.length && m[2]!.trim() === '') {
      out.push({ start: open.start, end: m.index + m[0].length });
      open = undefined;
    }
  }
  if (open) out.push({ start: open.start, end: text.length });
  return out;
}

function inside(ranges: readonly TextRange[], offset: number): boolean {
  let lo = 0;
  let hi = ranges.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const r = ranges[mid]!;
    if (offset < r.start) hi = mid - 1;
    else if (offset >= r.end) lo = mid + 1;
    else return true;
  }
  return false;
}

function lineBounds(text: string, offset: number): TextRange {
  // Walk out from the offset in both directions: O(line length), whatever the rest of the text holds.
  let start = offset;
  while (start > 0 && text[start - 1] !== '\n' && text[start - 1] !== '\r') start--;
  let end = offset;
  while (end < text.length && text[end] !== '\n' && text[end] !== '\r') end++;
  return { start, end };
}

/**
 * Finds the inline directives of a text. Comments the parser found are used, and
 * the text's lines holding `fzlint-` are scanned too (cheap: one `indexOf` walk),
 * so directives work whatever the parser reports.
 *
 * - Markdown: `<!-- fzlint-disable-next-line rule-id -->` (also inside a line, and
 *   over several lines); directives in fenced code or inline code are examples.
 * - Plain text: the same comments, or the same words alone on a line.
 */
export function findDirectives(
  text: string,
  format: 'markdown' | 'plaintext',
  comments: readonly CommentNode[] = [],
): Directive[] {
  const found: Directive[] = [];
  // Ranges of directives from the parser's comments, sorted, for a binary-searched overlap check.
  const fromComments: TextRange[] = [];
  for (const c of comments) {
    const rel = c.value.indexOf(MARKER);
    if (rel < 0 || c.value.slice(0, rel).trim() !== '') continue;
    const src = text.slice(c.range.start, c.range.end);
    const at = src.indexOf(MARKER);
    if (at < 0) continue;
    const close = src.lastIndexOf('-->');
    const end = c.range.start + (close > at ? close : src.length);
    const body = parseBody(text, c.range.start + at, end);
    if (!body) continue;
    found.push({ ...body, range: c.range });
    fromComments.push(c.range);
  }
  fromComments.sort((a, b) => a.start - b.start);
  const takenByComment = (range: TextRange): boolean => {
    // The last comment starting before range.end is the only one that can overlap (comments do not nest).
    let lo = 0;
    let hi = fromComments.length - 1;
    let hit = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (fromComments[mid]!.start < range.end) {
        hit = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return hit >= 0 && fromComments[hit]!.end > range.start;
  };

  // Every step below is bounded or cached per line, so a text full of `fzlint-` stays linear.
  let fences: TextRange[] | undefined;
  let line: TextRange = { start: 0, end: -1 };
  let firstNonBlank = 0;
  let scannedEnd = 0;
  let nextClose = -2; // -2: not searched yet; -1: no `-->` after the last search point.
  for (let at = text.indexOf(MARKER); at >= 0; at = text.indexOf(MARKER, at + MARKER.length)) {
    if (at < scannedEnd || takenByComment({ start: at, end: at + 1 })) continue;
    if (at > line.end) {
      line = lineBounds(text, at);
      firstNonBlank = line.start;
      while (firstNonBlank < line.end && (text[firstNonBlank] === ' ' || text[firstNonBlank] === '\t' || text[firstNonBlank] === '\u3000')) {
        firstNonBlank++;
      }
    }
    // The comment may open on an earlier line (`<!--` alone on its line): look back a little.
    const lookFrom = Math.max(0, at - LOOKBACK);
    const open = text.slice(lookFrom, at).lastIndexOf('<!--');
    if (open >= 0 && text.slice(lookFrom + open + 4, at).trim() === '') {
      const commentStart = lookFrom + open;
      if (commentStart > 0 && text[commentStart - 1] === '`') continue;
      if (nextClose !== -1 && nextClose < at) nextClose = text.indexOf('-->', at);
      if (nextClose < 0 || nextClose - at > MAX_DIRECTIVE_LENGTH) continue;
      if (format === 'markdown') {
        fences ??= fencedRanges(text);
        if (inside(fences, commentStart)) continue;
      }
      const range = { start: commentStart, end: nextClose + 3 };
      const body = parseBody(text, at, nextClose);
      if (body && !takenByComment(range)) {
        found.push({ ...body, range });
        scannedEnd = range.end;
      }
      continue;
    }
    if (format !== 'plaintext' || firstNonBlank !== at) continue;
    const body = parseBody(text, at, Math.min(line.end, at + MAX_DIRECTIVE_LENGTH));
    if (body && !takenByComment(line)) {
      // A bare directive covers its whole line, trailing spaces included.
      found.push({ ...body, range: { start: line.start, end: line.end } });
      scannedEnd = line.end;
    }
  }
  return found.sort((a, b) => a.range.start - b.range.start);
}

/** Options of `applyDirectives`. */
export interface ApplyDirectivesOptions {
  readonly text: string;
  readonly positionAt: (offset: number) => LineColumn;
  /** Every rule id a directive may name (configured off or not). */
  readonly knownRuleIds: ReadonlySet<string>;
  readonly locale: Locale;
  /** Report directives that suppress nothing (default true). */
  readonly reportUnused?: boolean;
  readonly unusedSeverity?: Severity;
}

/** Result of `applyDirectives`. */
export interface AppliedDirectives {
  /** Diagnostics not suppressed, plus the directives' own problems. */
  readonly diagnostics: Diagnostic[];
  readonly suppressed: Diagnostic[];
}

const FRONT_MATTER = /^(?:---|\+\+\+)\r?\n[\s\S]*?\r?\n(?:---|\+\+\+)[ \t]*(?:\r?\n|$)/;

/**
 * The end of the file's "top": front matter and directives separated only by
 * blank space. A `disable` ending there covers the whole file. One pass over the
 * directives, each gap looked at once.
 */
function topEnd(text: string, directives: readonly Directive[]): number {
  let cursor = 0;
  const fm = FRONT_MATTER.exec(text);
  if (fm) cursor = fm[0].length;
  for (const d of directives) {
    if (d.range.start < cursor) continue;
    if (text.slice(cursor, d.range.start).trim() !== '') break;
    cursor = d.range.end;
  }
  return cursor;
}

const ALL = '*';

/**
 * Applies directives to diagnostics: drops the ones a directive suppresses, and
 * reports unknown rule ids and directives that suppress nothing. The linter's
 * own problems (`fzlint/…`) are never suppressed.
 */
export function applyDirectives(
  diagnostics: readonly Diagnostic[],
  directives: readonly Directive[],
  options: ApplyDirectivesOptions,
): AppliedDirectives {
  const { positionAt, knownRuleIds, locale } = options;
  const problems: Diagnostic[] = [];

  // Unknown ids are reported and then ignored, so they are never "unused" as well.
  interface Active {
    readonly directive: Directive;
    readonly rules: readonly DirectiveRule[];
    readonly used: Set<string>;
  }
  const active: Active[] = [];
  for (const directive of directives) {
    const known: DirectiveRule[] = [];
    for (const rule of directive.rules) {
      if (knownRuleIds.has(rule.id)) {
        known.push(rule);
        continue;
      }
      const near = nearestNames(rule.id, knownRuleIds);
      const hint = near.length
        ? formatMessage(LINTER_MESSAGES.unknownRuleHint, locale, { names: near.join(locale === 'en' ? ', ' : '、') })
        : '';
      problems.push(
        linterDiagnostic({
          ruleId: LINTER_RULE_IDS.unknownRule,
          severity: 'error',
          messageId: 'unknownRule',
          data: { ruleId: rule.id, hint },
          range: rule.range,
          locale,
          positionAt,
        }),
      );
    }
    if (directive.rules.length > 0 && known.length === 0) continue;
    active.push({ directive, rules: known, used: new Set() });
  }

  // Line directives by the line they act on.
  const byLine = new Map<number, Active[]>();
  for (const a of active) {
    const { kind, range } = a.directive;
    if (kind !== 'disable-line' && kind !== 'disable-next-line') continue;
    const line = kind === 'disable-line' ? positionAt(range.start).line : positionAt(range.end).line + 1;
    const list = byLine.get(line) ?? [];
    list.push(a);
    byLine.set(line, list);
  }

  // Block directives become events swept in text order together with the diagnostics.
  const blocks = active.filter((a) => a.directive.kind === 'disable' || a.directive.kind === 'enable');
  const top = blocks.some((a) => a.directive.kind === 'disable') ? topEnd(options.text, directives) : 0;
  const events = blocks.map((a) => ({
    at: a.directive.kind === 'disable' && a.directive.range.end <= top ? 0 : a.directive.range.end,
    a,
  }));
  events.sort((x, y) => x.at - y.at);

  const order = diagnostics.map((d, i) => i).sort((x, y) => diagnostics[x]!.range.start - diagnostics[y]!.range.start);
  const disabled = new Map<string, Active>();
  let allDisabled: Active | undefined;
  const exceptions = new Set<string>();
  const enablesUsed = new Set<Active>();
  const enableRuleUsed = new Map<Active, Set<string>>();
  let e = 0;
  const applyEvent = (a: Active) => {
    const ids = a.rules.map((r) => r.id);
    if (a.directive.kind === 'disable') {
      if (ids.length === 0) {
        allDisabled = a;
        exceptions.clear();
      } else {
        for (const id of ids) {
          disabled.set(id, a);
          exceptions.delete(id);
        }
      }
      return;
    }
    if (ids.length === 0) {
      if (allDisabled || disabled.size) enablesUsed.add(a);
      allDisabled = undefined;
      disabled.clear();
      exceptions.clear();
      return;
    }
    const used = new Set<string>();
    for (const id of ids) {
      if (disabled.delete(id)) used.add(id);
      if (allDisabled && !exceptions.has(id)) {
        exceptions.add(id);
        used.add(id);
      }
    }
    enableRuleUsed.set(a, used);
  };

  const kept: Diagnostic[] = [];
  const suppressed: Diagnostic[] = [];
  const keptFlags = new Array<boolean>(diagnostics.length).fill(true);
  for (const i of order) {
    const d = diagnostics[i]!;
    while (e < events.length && events[e]!.at <= d.range.start) applyEvent(events[e++]!.a);
    if (d.ruleId.startsWith('fzlint/')) continue;
    let hit = false;
    const block = disabled.get(d.ruleId) ?? (allDisabled && !exceptions.has(d.ruleId) ? allDisabled : undefined);
    if (block) {
      block.used.add(block.rules.length ? d.ruleId : ALL);
      hit = true;
    }
    for (const a of byLine.get(d.start.line) ?? []) {
      if (a.rules.length === 0) {
        a.used.add(ALL);
        hit = true;
      } else if (a.rules.some((r) => r.id === d.ruleId)) {
        a.used.add(d.ruleId);
        hit = true;
      }
    }
    if (hit) keptFlags[i] = false;
  }
  while (e < events.length) applyEvent(events[e++]!.a);
  diagnostics.forEach((d, i) => (keptFlags[i] ? kept : suppressed).push(d));

  if (options.reportUnused ?? true) {
    const severity = options.unusedSeverity ?? 'warn';
    const unused = (range: TextRange, messageId: 'unusedDisable' | 'unusedDisableRule' | 'unusedEnable' | 'unusedEnableRule', data: Record<string, string>) =>
      problems.push(
        linterDiagnostic({ ruleId: LINTER_RULE_IDS.unusedDirective, severity, messageId, data, range, locale, positionAt }),
      );
    for (const a of active) {
      const name = `fzlint-${a.directive.kind}`;
      if (a.directive.kind === 'enable') {
        if (a.rules.length === 0) {
          if (!enablesUsed.has(a)) unused(a.directive.range, 'unusedEnable', {});
        } else {
          const used = enableRuleUsed.get(a) ?? new Set();
          for (const r of a.rules) if (!used.has(r.id)) unused(r.range, 'unusedEnableRule', { ruleId: r.id });
        }
        continue;
      }
      if (a.rules.length === 0) {
        if (!a.used.has(ALL)) unused(a.directive.range, 'unusedDisable', { directive: name });
      } else {
        for (const r of a.rules) {
          if (!a.used.has(r.id)) unused(r.range, 'unusedDisableRule', { directive: name, ruleId: r.id });
        }
      }
    }
  }
  return { diagnostics: [...kept, ...problems], suppressed };
}
