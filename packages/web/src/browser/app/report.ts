/**
 * One report's view: the scorecard with its reasons, the findings list, and
 * the text with every finding highlighted in place; J/K (or ↓/↑) move between
 * findings, which scrolls the text to the highlight and the list to the item.
 */
import type { CheckedReport, Finding } from '../check.js';
import type { CriterionId } from '@fzlint/linter';
import { locale, t, type StringId } from './i18n.js';
import { severityText } from './table.js';

const $ = (id: string): HTMLElement => document.getElementById(id) as HTMLElement;

const CRITERIA: readonly [CriterionId, StringId][] = [
  ['completeness', 'colCompleteness'],
  ['causes', 'colCauses'],
  ['data', 'colData'],
  ['plan', 'colPlan'],
  ['timeliness', 'colTimeliness'],
];

const VERDICT: Readonly<Record<string, StringId>> = { pass: 'verdictPass', partial: 'verdictPartial', fail: 'verdictFail', unknown: 'verdictUnknown' };

let shown: readonly Finding[] = [];
let active = -1;
/** The first highlighted segment of each finding, by index. */
let anchors: (HTMLElement | undefined)[] = [];

function where(r: CheckedReport, line: number): string {
  return r.positionUnit === 'paragraph' ? t('paragraph', { n: line }) : t('line', { n: line });
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, cls?: string, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
}

function renderScorecard(r: CheckedReport): void {
  const box = $('scorecard');
  const total = el('p', 'total', `${t('colTotal')}：${r.score.overall ?? '—'}`);
  const list = el('dl', 'criteria');
  for (const [id, label] of CRITERIA) {
    const c = r.score.criteria[id];
    const dt = el('dt', `verdict-${c.verdict}`, `${t(label)} ${c.score ?? '—'}（${t(VERDICT[c.verdict] as StringId)}）`);
    const dd = el('dd');
    const ul = el('ul');
    for (const f of c.findings) {
      const li = el('li', f.ok ? 'ok' : 'not-ok', `${f.ok ? '✓' : '✗'} ${f.line !== undefined ? `${where(r, f.line)}：` : ''}${f.message}${f.text ? ` ——「${f.text}」` : ''}`);
      ul.append(li);
    }
    dd.append(ul);
    list.append(dt, dd);
  }
  const line = r.score.continuity;
  if (line && r.previous) {
    // Present only when last year's report is in the batch: not part of the total.
    const n = line.copiedPassages + line.repeatedShortcomings + line.planItemsNotReported + line.restatedFigures;
    const dt = el('dt', n === 0 ? 'verdict-pass' : 'verdict-partial', `${t('continuity')} ${n}`);
    dt.id = 'continuity';
    const dd = el('dd');
    const ul = el('ul');
    ul.append(el('li', 'muted', t('comparedWith', { name: r.previous.name, why: r.previous.why })));
    for (const f of line.findings) ul.append(el('li', f.ok ? 'ok' : 'not-ok', `${f.ok ? '✓' : '✗'} ${f.line !== undefined ? `${where(r, f.line)}：` : ''}${f.message}`));
    dd.append(ul);
    list.append(dt, dd);
  }
  box.replaceChildren(total, list);
}

/**
 * The text as nodes with a `<mark>` per finding. Overlapping findings are cut
 * into segments, each marked by the innermost finding that covers it and
 * naming all of them (`data-finding`); a finding with an empty range (a
 * missing section) is marked on its first character. One sweep over the cut
 * points with the set of open findings: no finding is looked for twice.
 */
function renderText(r: CheckedReport): void {
  const text = r.text;
  const marks = shown.map((f, i) => {
    const start = Math.min(f.start, text.length);
    return { i, start, end: Math.min(text.length, Math.max(f.end, start + 1)) };
  });
  const cuts = new Set<number>([0, text.length]);
  for (const m of marks) {
    cuts.add(m.start);
    cuts.add(m.end);
  }
  // The `## ` of a heading (Word, web and PDF input are shown as the Markdown they became) is dimmed.
  const syntax = new Set<number>();
  for (const m of text.matchAll(/^#{1,6} /gm)) {
    const at = m.index ?? 0;
    syntax.add(at);
    cuts.add(at);
    cuts.add(at + m[0].length);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const byStart = [...marks].sort((x, y) => x.start - y.start);
  const open: (typeof marks)[number][] = [];
  const frag = document.createDocumentFragment();
  anchors = new Array<HTMLElement | undefined>(shown.length);
  let next = 0;
  for (let k = 0; k < points.length - 1; k++) {
    const a = points[k] as number;
    const b = points[k + 1] as number;
    while (next < byStart.length && (byStart[next] as (typeof marks)[number]).start <= a) open.push(byStart[next++] as (typeof marks)[number]);
    // Drop the findings that ended (the open set is small: findings overlap a few at a time).
    for (let j = open.length - 1; j >= 0; j--) if ((open[j] as (typeof marks)[number]).end <= a) open.splice(j, 1);
    const piece = text.slice(a, b);
    if (open.length === 0) {
      frag.append(syntax.has(a) ? el('span', 'md-syntax', piece) : piece);
      continue;
    }
    let owner = open[0] as (typeof marks)[number];
    for (const m of open) if (m.end - m.start < owner.end - owner.start) owner = m;
    const f = shown[owner.i] as Finding;
    const mark = el('mark', `sev-${f.severity}`, piece);
    mark.dataset['finding'] = open.map((m) => m.i).join(' ');
    mark.title = open.map((m) => `${(shown[m.i] as Finding).ruleId}: ${(shown[m.i] as Finding).message}`).join('\n');
    for (const m of open) anchors[m.i] ??= mark;
    frag.append(mark);
  }
  $('report-text').replaceChildren(frag);
}

function renderFindings(r: CheckedReport): void {
  $('findings-title').textContent = t('findings', { n: shown.length });
  const list = $('findings');
  if (shown.length === 0) {
    list.replaceChildren(el('li', 'none', t('noFindings')));
    return;
  }
  // Into a fragment, not spread into replaceChildren's arguments: that throws past ~125,000 findings.
  const items = document.createDocumentFragment();
  shown.forEach((f, i) => {
    const li = el('li', `finding sev-${f.severity}`);
    li.dataset['rule'] = f.ruleId;
    const button = el('button');
    button.type = 'button';
    button.dataset['index'] = String(i);
    button.append(
      el('span', `badge sev-${f.severity}`, severityText(f.severity)),
      ' ',
      el('span', 'where', where(r, f.line)),
      ' ',
      el('code', 'rule', f.ruleId),
      el('span', 'message', f.message),
    );
    if (f.source) button.append(el('span', 'source', `${t('colSource')}：${f.source}`));
    button.addEventListener('click', () => select(i));
    li.append(button);
    const docs = el('a', 'docs', locale() === 'en' ? 'rule page' : '规则说明');
    docs.href = f.docsUrl;
    docs.target = '_blank';
    docs.rel = 'noopener noreferrer';
    li.append(docs);
    items.append(li);
  });
  list.replaceChildren(items);
}

function select(i: number): void {
  if (shown.length === 0) return;
  active = (i + shown.length) % shown.length;
  document.querySelectorAll('.findings .active, .report-text mark.active').forEach((e) => e.classList.remove('active'));
  const button = document.querySelector<HTMLButtonElement>(`.findings button[data-index="${active}"]`);
  button?.closest('li')?.classList.add('active');
  button?.setAttribute('aria-current', 'true');
  document.querySelectorAll(`.findings button:not([data-index="${active}"])`).forEach((b) => b.removeAttribute('aria-current'));
  button?.focus({ preventScroll: true });
  button?.scrollIntoView({ block: 'nearest' });
  const mark = anchors[active];
  mark?.classList.add('active');
  mark?.scrollIntoView({ block: 'center' });
}

/** Moves to the next (1) or previous (-1) finding. */
export function moveFinding(step: 1 | -1): void {
  select(active < 0 ? (step === 1 ? 0 : shown.length - 1) : active + step);
}

/** Renders a report's view. */
export function renderReport(r: CheckedReport): void {
  shown = r.findings;
  active = -1;
  $('report-name').textContent = r.title ? `${r.name} — ${r.title}` : r.name;
  renderScorecard(r);
  renderFindings(r);
  renderText(r);
}

/** The findings of one report as text an office pastes into a letter to the unit. */
export function letterText(r: CheckedReport): string {
  const date = new Date().toISOString().slice(0, 10);
  const lines = [t('letterHead', { title: r.title ?? r.name }), ''];
  if (r.findings.length === 0) lines.push(t('letterNone', { date }));
  else {
    lines.push(t('letterIntro', { date, e: r.counts.error, w: r.counts.warn, i: r.counts.info }));
    r.findings.forEach((f, i) => {
      const quote = r.text.slice(f.start, f.end).replace(/\s+/g, ' ').trim();
      const cited = quote && quote.length <= 60 ? (locale() === 'en' ? ` (“${quote}”)` : `（原文：“${quote}”）`) : '';
      lines.push(`${i + 1}. ${where(r, f.line)}${locale() === 'en' ? ': ' : '：'}${f.message}${cited}`);
    });
  }
  const c = r.score.criteria;
  const s = (v: number | null): string => (v === null ? '—' : String(v));
  lines.push(
    '',
    t('letterScore', {
      total: s(r.score.overall),
      c: s(c.completeness.score),
      k: s(c.causes.score),
      d: s(c.data.score),
      p: s(c.plan.score),
      t: s(c.timeliness.score),
    }),
  );
  return `${lines.join('\n')}\n`;
}
