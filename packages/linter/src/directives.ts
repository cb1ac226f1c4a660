import type { CommentNode, LineColumn, ReportDocument, TextRange } from '@fzlint/parser';
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
  /** The comment (from the `<!--` that opens the directive), or the plain-text directive line. */
  readonly range: TextRange;
}

// Longest keyword first, so `fzlint-disable-next-line` is not read as `fzlint-disable`.
const KEYWORD = /^fzlint-(disable-next-line|disable-line|disable|enable)(?=$|\s|-->|,)/;
const RULE_SEPARATOR = /[\s,]+/g;
const REASON = /\s--\s|\s--$/;
const MARKER = 'fzlint-';
const OPEN = '<!--';
const CLOSE = '-->';
const BACKTICK = 0x60;
/** Longer than any keyword and what must follow it: the keyword test reads no further. */
const KEYWORD_WINDOW = 32;

interface Body {
  readonly kind: DirectiveKind;
  readonly rules: DirectiveRule[];
  readonly reason?: string;
}

/** Reads `fzlint-xxx rule-a, rule-b -- reason` starting at `offset` (the keyword) and ending at `end`. */
function parseBody(text: string, offset: number, end: number): Body | undefined {
  // The keyword first, on a bounded slice: a comment holding many `<!-- fzlint-x` stays linear.
  if (!KEYWORD.test(text.slice(offset, Math.min(end, offset + KEYWORD_WINDOW)))) return undefined;
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

const WHITE_SPACE = /\s/;

/** The first offset at or after `from` that is not white space (as `trim` counts it). */
function skipSpace(text: string, from: number): number {
  let at = from;
  while (at < text.length && WHITE_SPACE.test(text[at]!)) at++;
  return at;
}

/**
 * The directive a comment holds, if any. Its own text first (`<!-- fzlint-… -->`,
 * or a plain-text directive line): the body runs to the comment's last `-->`, and
 * the directive is the whole comment. Otherwise a `<!--` inside it that opens a
 * directive (`<!-- 未闭合 <!-- fzlint-disable-line … -->`, where the comment began
 * at the first, unclosed opening): the directive runs from that opening to the
 * first `-->` after it. Each character of the comment is looked at a bounded number of times.
 */
function directiveOf(text: string, comment: CommentNode): Directive | undefined {
  const { start, end } = comment.range;
  // Offsets below are into `src`, the comment alone: no search runs outside it.
  const src = text.slice(start, end);
  const own = src.startsWith(OPEN) ? OPEN.length : 0;
  const at = skipSpace(src, own);
  if (src.startsWith(MARKER, at)) {
    const close = src.lastIndexOf(CLOSE);
    const body = parseBody(text, start + at, start + (close > at ? close : src.length));
    if (body) return { ...body, range: comment.range };
  }
  // The first `-->` at or after the last keyword looked at (-1: none): found once, not once per opening.
  let close = -2;
  for (let open = src.indexOf(OPEN, own); open >= 0; open = src.indexOf(OPEN, open + OPEN.length)) {
    // An opening right after a backtick is quoted code.
    if (open > 0 && src.charCodeAt(open - 1) === BACKTICK) continue;
    const keyword = skipSpace(src, open + OPEN.length);
    if (!src.startsWith(MARKER, keyword)) continue;
    if (close !== -1 && close < keyword) close = src.indexOf(CLOSE, keyword);
    if (close < 0) return undefined;
    const body = parseBody(text, start + keyword, start + close);
    if (body) return { ...body, range: { start: start + open, end: start + close + CLOSE.length } };
  }
  return undefined;
}

/** What `findDirectives` reads of a parsed document. */
export type DirectiveSource = Pick<ReportDocument, 'text' | 'comments' | 'codeRanges'>;

/**
 * Finds the inline directives of a parsed document, in text order, from the
 * comments its parser found; nothing else of the text is read.
 *
 * - Markdown: `<!-- fzlint-disable-next-line rule-id -->`, wherever the Markdown
 *   reader finds an HTML comment (on its own line, inside a line, a list item, a
 *   quote, a table, a heading, an HTML block; over several lines). One in code
 *   (fenced, indented or inline) is an example: the reader reports no comment there,
 *   and one inside `codeRanges` would be skipped.
 * - Plain text: the same comments closed on their line, or the same words alone on a line.
 */
export function findDirectives(document: DirectiveSource): Directive[] {
  const { text, comments, codeRanges } = document;
  const found: Directive[] = [];
  for (const c of comments) {
    // Most comments are not directives: their value tells without reading the text.
    if (!c.value.includes(MARKER) || inside(codeRanges, c.range.start)) continue;
    const d = directiveOf(text, c);
    if (d) found.push(d);
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
