/**
 * One report's view: the scorecard with its reasons, the findings list, and
 * the text with every finding highlighted in place; J/K (or ↓/↑) move between
 * findings, which scrolls the text to the highlight and the list to the item.
 */
import type { CheckedReport, Finding } from '../check.js';
import type { CriterionId } from '../bridge.js';
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
  box.replaceChildren(total, list);
}

/**
 * The text as nodes with a `<mark>` per finding. Overlapping findings are cut
 * into segments, each marked by the innermost finding that covers it; a
 * finding with an empty range (a missing section) is marked on its line's
 * first character, or as a pin when the line is empty.
 */
function renderText(r: CheckedReport): void {
  const text = r.text;
  const marks = shown.map((f, i) => ({ i, start: f.start, end: Math.max(f.end, f.start === f.end ? Math.min(text.length, f.start + 1) : f.end) }));
  const cuts = new Set<number>([0, text.length]);
  for (const m of marks) {
    cuts.add(Math.min(m.start, text.length));
    cuts.add(Math.min(m.end, text.length));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const pane = $('report-text');
  const frag = document.createDocumentFragment();
  const anchored = new Set<number>();
  for (let k = 0; k < points.length - 1; k++) {
    const a = points[k] as number;
    const b = points[k + 1] as number;
    const covering = marks.filter((m) => m.start <= a && m.end >= b && m.end > m.start);
    const piece = text.slice(a, b);
    if (covering.length === 0) {
      frag.append(piece);
      continue;
    }
    // The innermost (shortest) finding owns the segment; every covering finding is named.
    covering.sort((x, y) => x.end - x.start - (y.end - y.start));
    const owner = covering[0] as (typeof covering)[number];
    const f = shown[owner.i] as Finding;
    const mark = el('mark', `sev-${f.severity}`, piece);
    mark.dataset['finding'] = covering.map((c) => c.i).join(' ');
    mark.title = covering.map((c) => `${(shown[c.i] as Finding).ruleId}: ${(shown[c.i] as Finding).message}`).join('\n');
    for (const c of covering) {
      if (!anchored.has(c.i) && c.start === a) {
        anchored.add(c.i);
        mark.id = mark.id || `f-${c.i}`;
      }
    }
    frag.append(mark);
  }
  // Findings whose mark got no id (they start inside another's segment) point at the segment they start in.
  pane.replaceChildren(frag);
  for (let i = 0; i < shown.length; i++) {
    if (anchored.has(i)) continue;
    const m = [...pane.querySelectorAll<HTMLElement>('mark')].find((e) => (e.dataset['finding'] ?? '').split(' ').includes(String(i)));
    if (m && !m.id) m.id = `f-${i}`;
  }
}

function renderFindings(r: CheckedReport): void {
  $('findings-title').textContent = t('findings', { n: shown.length });
  const list = $('findings');
  if (shown.length === 0) {
    list.replaceChildren(el('li', 'none', t('noFindings')));
    return;
  }
  list.replaceChildren(
    ...shown.map((f, i) => {
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
      return li;
    }),
  );
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
  const mark = document.getElementById(`f-${active}`);
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
