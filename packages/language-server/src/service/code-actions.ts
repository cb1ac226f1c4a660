/**
 * Code actions: quick fixes from rule fixes and suggestions, "disable this rule for this line",
 * "insert missing section", and fix-all (`source.fixAll.fzlint`).
 */
import type { Diagnostic as FzDiagnostic, Fix } from '@fzlint/rule-api';
import type { CodeAction, Diagnostic, TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import { CodeActionKind } from 'vscode-languageserver-types';
import { singleEdit, toTextEdit, type DiagnosticData, type LineMap } from '../convert.js';
import type { LintSnapshot } from './diagnostics.js';
import { CONCEPT_ORDER, isConceptId, sectionText } from './skeleton.js';
import type { CodeActionRequest, LintEngine } from './types.js';
import type { ConceptId } from '@fzlint/ontology';

/** The fix-all kind clients request on save (`editor.codeActionsOnSave`). */
export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.fzlint`;

/** Kinds the server offers (announced in its capabilities). */
export const CODE_ACTION_KINDS: readonly string[] = [CodeActionKind.QuickFix, FIX_ALL_KIND];

export type { CodeActionRequest } from './types.js';

const TEXT = {
  'zh-CN': {
    replace: (t: string) => `改为“${t}”`,
    remove: '删除此处文字',
    applyFix: (id: string) => `应用 ${id} 的修复`,
    disable: (id: string) => `在此行禁用 ${id}`,
    insertSection: (h: string) => `插入缺失的章节：${h}`,
    fixAll: '修复此文件中所有可自动修复的问题（fzlint）',
  },
  en: {
    replace: (t: string) => `Replace with "${t}"`,
    remove: 'Remove this text',
    applyFix: (id: string) => `Apply the fix of ${id}`,
    disable: (id: string) => `Disable ${id} for this line`,
    insertSection: (h: string) => `Insert the missing section: ${h}`,
    fixAll: 'Fix all auto-fixable problems in this file (fzlint)',
  },
} as const;

function wanted(kind: string, only: readonly string[] | undefined): boolean {
  return !only || only.length === 0 || only.some((o) => kind === o || kind.startsWith(`${o}.`));
}

function isData(value: unknown): value is DiagnosticData {
  return typeof value === 'object' && value !== null && typeof (value as DiagnosticData).index === 'number';
}

/** The fzlint finding behind an LSP diagnostic the client sent back. */
function findingOf(snapshot: LintSnapshot, diagnostic: Diagnostic): FzDiagnostic | undefined {
  const findings = snapshot.result?.diagnostics;
  if (!findings || diagnostic.source !== 'fzlint') return undefined;
  const range = snapshot.lines.offsets(diagnostic.range);
  const same = (f: FzDiagnostic | undefined) =>
    f !== undefined && f.ruleId === diagnostic.code && f.range.start === range.start && f.range.end === range.end;
  if (isData(diagnostic.data) && diagnostic.data.version === snapshot.version) {
    const f = findings[diagnostic.data.index];
    if (same(f)) return f;
  }
  // Clients that drop `data`, or send a diagnostic of another version: match by rule and range.
  return findings.find(same);
}

function fixTitle(fix: Fix, finding: FzDiagnostic, locale: 'zh-CN' | 'en', source: string): string {
  const t = TEXT[locale];
  const original = source.slice(fix.range.start, fix.range.end);
  // A short in-place replacement reads best as its result; bigger edits are named by rule.
  if (fix.text.length > 0 && fix.text.length <= 30 && !fix.text.includes('\n') && original.length <= 60) {
    return t.replace(fix.text);
  }
  if (fix.text.length === 0) return t.remove;
  return t.applyFix(finding.ruleId);
}

function workspaceEdit(uri: string, edits: TextEdit[]): WorkspaceEdit {
  return { changes: { [uri]: edits } };
}

/** "Disable this rule for this line": a directive comment on its own line above. */
function disableEdit(lines: LineMap, finding: FzDiagnostic): TextEdit {
  const line = lines.positionAt(finding.range.start).line;
  const start = lines.lineStart(line);
  const lineText = lines.text.slice(start, lines.lineEnd(line));
  const indent = /^[ \t\u3000]*/u.exec(lineText)?.[0] ?? '';
  return toTextEdit(lines, { start, end: start }, `${indent}<!-- fzlint-disable-next-line ${finding.ruleId} -->\n`);
}

/** Where a missing content's section goes: before the first present section that comes after it. */
function sectionInsertOffset(snapshot: LintSnapshot, concept: ConceptId): number {
  const sections = snapshot.result?.document.sections ?? [];
  const rank = CONCEPT_ORDER.indexOf(concept);
  for (const s of sections) {
    if (s.concept && CONCEPT_ORDER.indexOf(s.concept) > rank) return s.range.start;
  }
  const body = snapshot.result?.document.bodyRange;
  return body ? body.end : snapshot.lines.text.length;
}

function insertSectionAction(snapshot: LintSnapshot, finding: FzDiagnostic, diagnostic: Diagnostic): CodeAction | undefined {
  const concept = finding.data?.['concept'] ?? finding.data?.['conceptId'];
  if (!finding.ruleId.startsWith('structure/') || !isConceptId(concept)) return undefined;
  const doc = snapshot.result?.document;
  const year = doc?.reportYear?.value ?? snapshot.settings.reportYear ?? new Date().getFullYear() - 1;
  const format = doc?.format ?? 'markdown';
  const offset = sectionInsertOffset(snapshot, concept);
  const text = snapshot.lines.text;
  // Keep the inserted section on lines of its own.
  const before = offset > 0 && text[offset - 1] !== '\n' ? '\n\n' : offset > 1 && text[offset - 2] !== '\n' ? '\n' : '';
  const section = sectionText(concept, year, format, snapshot.settings.locale);
  const after = offset < text.length ? '\n' : '';
  const heading = section.split('\n')[0]?.replace(/^#+\s*/u, '') ?? '';
  return {
    title: TEXT[snapshot.settings.locale].insertSection(heading),
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    edit: workspaceEdit(snapshot.uri, [toTextEdit(snapshot.lines, { start: offset, end: offset }, `${before}${section}${after}`)]),
  };
}

/**
 * The smallest single edit turning `before` into `after` (common prefix and suffix kept),
 * so that a fix-all does not move the cursor or rewrite the whole buffer.
 */
export function minimalEdit(lines: LineMap, after: string): TextEdit | undefined {
  if (lines.text === after) return undefined;
  const edit = singleEdit(lines.text, after);
  return toTextEdit(lines, edit.range, edit.text);
}

/** The fix-all action for a snapshot, or undefined when nothing is fixable. */
export function fixAllAction(engine: LintEngine, snapshot: LintSnapshot): CodeAction | undefined {
  if (!snapshot.result || !snapshot.options) return undefined;
  if (!snapshot.result.diagnostics.some((d) => d.fix)) return undefined;
  const fixed = engine.lint(snapshot.lines.text, { ...snapshot.options, fix: true });
  const output = fixed.output;
  if (output === undefined) return undefined;
  const edit = minimalEdit(snapshot.lines, output);
  if (!edit) return undefined;
  return { title: TEXT[snapshot.settings.locale].fixAll, kind: FIX_ALL_KIND, edit: workspaceEdit(snapshot.uri, [edit]) };
}

/** Code actions for a range of a linted document. */
export function codeActions(engine: LintEngine, snapshot: LintSnapshot, request: CodeActionRequest): CodeAction[] {
  if (!snapshot.isReport || !snapshot.result) return [];
  const t = TEXT[snapshot.settings.locale];
  const actions: CodeAction[] = [];
  if (wanted(CodeActionKind.QuickFix, request.only)) {
    const disabled = new Set<string>();
    for (const diagnostic of request.diagnostics) {
      const finding = findingOf(snapshot, diagnostic);
      if (!finding) continue;
      if (finding.fix) {
        actions.push({
          title: fixTitle(finding.fix, finding, snapshot.settings.locale, snapshot.lines.text),
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          isPreferred: true,
          edit: workspaceEdit(snapshot.uri, [toTextEdit(snapshot.lines, finding.fix.range, finding.fix.text)]),
        });
      }
      for (const s of finding.suggestions ?? []) {
        actions.push({
          title: s.desc,
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          edit: workspaceEdit(snapshot.uri, [toTextEdit(snapshot.lines, s.fix.range, s.fix.text)]),
        });
      }
      // A rule that suggests its own insertion (structure/required-section does) is not doubled.
      const section = finding.fix || finding.suggestions?.length ? undefined : insertSectionAction(snapshot, finding, diagnostic);
      if (section) actions.push(section);
      const key = `${finding.ruleId}@${snapshot.lines.positionAt(finding.range.start).line}`;
      if (!finding.ruleId.startsWith('fzlint/') && !disabled.has(key)) {
        disabled.add(key);
        actions.push({
          title: t.disable(finding.ruleId),
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          edit: workspaceEdit(snapshot.uri, [disableEdit(snapshot.lines, finding)]),
        });
      }
    }
  }
  // Fix-all is offered when asked for explicitly, and beside the quick fixes of a fixable finding.
  const explicitFixAll = request.only?.some((o) => FIX_ALL_KIND === o || FIX_ALL_KIND.startsWith(`${o}.`)) ?? false;
  const anyFixableHere = actions.some((a) => a.isPreferred);
  if (explicitFixAll || (!request.only && anyFixableHere)) {
    const all = fixAllAction(engine, snapshot);
    if (all) actions.push(all);
  }
  return actions;
}

