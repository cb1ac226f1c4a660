/**
 * The workbench page: files in (drop, pick, folder), the Web Worker checks
 * them, rows come in as they are done; the overview (sortable, filterable),
 * charts, one report's view with its findings in place, exports, settings.
 * Plain DOM: the page must open from file:// on an office PC with nothing
 * installed, so there is no framework and nothing is fetched.
 */
import workerSource from 'virtual:worker-source';
import type { RuleConfigEntry } from '@fzlint/linter';
import type { Locale } from '@fzlint/rule-api';
import type { CheckedReport, CheckOutcome, CheckSettings } from '../check.js';
import type { FromWorker, RuleInfo, ToWorker } from '../protocol.js';
import './style.css';
import { download } from './download.js';
import { locale, setLocale, t, type StringId } from './i18n.js';
import { renderReport, moveFinding, letterText } from './report.js';
import { COLUMNS, FINDING_COLUMNS, findingRows, overviewRows, toCsv } from './table.js';
import { loadSettings, saveSettings, configJson, parseConfig, type PageSettings } from './settings.js';

const $ = <T extends HTMLElement = HTMLElement>(id: string): T => document.getElementById(id) as T;

// ---- state ----------------------------------------------------------------------------------------

/** The files given, kept so a change of settings or language can check them again. */
const files = new Map<string, Uint8Array>();
const reports = new Map<string, CheckedReport>();
const failures = new Map<string, CheckOutcome & { ok: false }>();
let skipped = 0;
let ruleInfos: readonly RuleInfo[] = [];
/** The extensions the worker's readers read; known from its first message. */
let extensions: readonly string[] | undefined;
let extensionsKnown: () => void = () => undefined;
const ready = new Promise<void>((resolve) => (extensionsKnown = resolve));

function isReport(name: string): boolean {
  const dot = name.lastIndexOf('.');
  return dot > 0 && (extensions ?? []).includes(name.slice(dot).toLowerCase());
}
let settings: PageSettings = loadSettings();
let sortColumn = 'file';
let sortAscending = true;
let current: string | undefined;
let busy = false;
let formatId = 0;
const formatWaiters = new Map<number, (text: string) => void>();

setLocale(settings.locale);

// ---- the worker -----------------------------------------------------------------------------------

const worker = new Worker(URL.createObjectURL(new Blob([workerSource], { type: 'text/javascript' })));

function send(message: ToWorker, transfer: Transferable[] = []): void {
  worker.postMessage(message, transfer);
}

function checkSettings(): CheckSettings {
  return { locale: settings.locale, rules: settings.rules, ...(settings.reportYear !== undefined ? { reportYear: settings.reportYear } : {}) };
}

function check(list: readonly { name: string; bytes: Uint8Array }[]): void {
  if (list.length === 0) return;
  busy = true;
  document.body.classList.add('busy');
  // Copies travel (transferred); the page keeps its own bytes for re-checks.
  const payload = list.map((f) => ({ name: f.name, bytes: f.bytes.slice().buffer as ArrayBuffer }));
  send({ type: 'check', files: payload, settings: checkSettings() }, payload.map((p) => p.bytes));
}

let renderQueued = false;
/** Re-renders the overview at most once a frame while results stream in. */
function scheduleRender(): void {
  if (renderQueued) return;
  renderQueued = true;
  requestAnimationFrame(() => {
    renderQueued = false;
    renderOverview();
    renderProblems();
  });
}

worker.onmessage = (event: MessageEvent<FromWorker>) => {
  const msg = event.data;
  switch (msg.type) {
    case 'rules':
      ruleInfos = msg.rules;
      extensions = msg.extensions;
      extensionsKnown();
      break;
    case 'progress': {
      const bar = $<HTMLProgressElement>('progress');
      bar.max = Math.max(1, msg.total);
      bar.value = msg.done;
      $('status').textContent = t('progress', { done: Math.min(msg.done + 1, msg.total), total: msg.total, name: msg.name });
      break;
    }
    case 'result': {
      const o = msg.outcome;
      if (o.ok) {
        reports.set(o.name, o);
        failures.delete(o.name);
      } else {
        failures.set(o.name, o);
        reports.delete(o.name);
      }
      scheduleRender();
      // A re-check (settings, language) refreshes the open report in place, without switching views.
      if (current === o.name && o.ok && !$('view-report').hidden) renderReport(o);
      break;
    }
    case 'idle':
      busy = false;
      document.body.classList.remove('busy');
      $<HTMLProgressElement>('progress').value = $<HTMLProgressElement>('progress').max;
      renderOverview();
      renderProblems();
      renderStatus();
      if (!$('view-charts').hidden) void renderCharts();
      document.body.dataset['state'] = 'idle';
      break;
    case 'formatted':
      formatWaiters.get(msg.id)?.(msg.text);
      formatWaiters.delete(msg.id);
      break;
  }
};

// The worker itself failing (out of memory on a huge file) must not leave the page "checking" forever.
worker.onerror = (event: ErrorEvent) => {
  busy = false;
  document.body.classList.remove('busy');
  document.body.dataset['state'] = 'idle';
  $('status').textContent = `${t('workerFailed')}${event.message ? `（${event.message}）` : ''}`;
};

function formatted(format: 'sarif' | 'json'): Promise<string> {
  const id = ++formatId;
  return new Promise((resolve) => {
    formatWaiters.set(id, resolve);
    send({ type: 'format', id, format, locale: settings.locale });
  });
}

// ---- input ----------------------------------------------------------------------------------------

/** Adds files (a folder's too); files that are not reports are counted, not checked. */
async function addFiles(list: readonly { name: string; file: File }[]): Promise<void> {
  await ready;
  const batch: { name: string; bytes: Uint8Array }[] = [];
  for (const { name, file } of list) {
    if (!isReport(name)) {
      // A folder holds other files too (images, .doc); one count, not a line each.
      skipped++;
      continue;
    }
    const bytes = new Uint8Array(await file.arrayBuffer());
    files.set(name, bytes);
    batch.push({ name, bytes });
  }
  document.body.dataset['state'] = batch.length > 0 ? 'checking' : document.body.dataset['state'] ?? 'idle';
  renderStatus();
  check(batch);
}

function fileName(file: File): string {
  return (file as File & { webkitRelativePath?: string }).webkitRelativePath || file.name;
}

$<HTMLInputElement>('files').addEventListener('change', (e) => {
  const input = e.target as HTMLInputElement;
  void addFiles([...(input.files ?? [])].map((f) => ({ name: fileName(f), file: f })));
  input.value = '';
});
$<HTMLInputElement>('folder').addEventListener('change', (e) => {
  const input = e.target as HTMLInputElement;
  void addFiles([...(input.files ?? [])].map((f) => ({ name: fileName(f), file: f })));
  input.value = '';
});

/** Walks a dropped folder (webkitGetAsEntry), collecting its files with their relative paths. */
async function entries(entry: FileSystemEntry, prefix: string, out: { name: string; file: File }[]): Promise<void> {
  if (entry.isFile) {
    const file = await new Promise<File>((resolve, reject) => (entry as FileSystemFileEntry).file(resolve, reject));
    out.push({ name: prefix + entry.name, file });
  } else if (entry.isDirectory) {
    const reader = (entry as FileSystemDirectoryEntry).createReader();
    for (;;) {
      const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
      if (batch.length === 0) break;
      for (const child of batch) await entries(child, `${prefix}${entry.name}/`, out);
    }
  }
}

const drop = $('drop');
drop.addEventListener('dragover', (e) => {
  e.preventDefault();
  drop.classList.add('over');
});
drop.addEventListener('dragleave', () => drop.classList.remove('over'));
drop.addEventListener('drop', (e) => {
  e.preventDefault();
  drop.classList.remove('over');
  const items = [...(e.dataTransfer?.items ?? [])];
  void (async () => {
    const out: { name: string; file: File }[] = [];
    for (const item of items) {
      const entry = item.webkitGetAsEntry?.();
      if (entry) await entries(entry, '', out);
      else {
        const f = item.getAsFile();
        if (f) out.push({ name: f.name, file: f });
      }
    }
    await addFiles(out);
  })();
});
drop.addEventListener('keydown', (e) => {
  if (e.key === 'Enter' || e.key === ' ') {
    e.preventDefault();
    $('files').click();
  }
});

$('clear').addEventListener('click', () => {
  files.clear();
  reports.clear();
  failures.clear();
  skipped = 0;
  current = undefined;
  send({ type: 'clear' });
  $<HTMLButtonElement>('tab-report').disabled = true;
  selectTab('overview');
  renderOverview();
  renderProblems();
  renderStatus();
});

// ---- overview -------------------------------------------------------------------------------------

function compare(a: string | number | null, b: string | number | null): number {
  if (a === b) return 0;
  if (a === null || a === '') return 1;
  if (b === null || b === '') return -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a).localeCompare(String(b), 'zh-CN', { numeric: true });
}

function visibleReports(): CheckedReport[] {
  const query = $<HTMLInputElement>('filter').value.trim().toLowerCase();
  const show = $<HTMLSelectElement>('show').value;
  const column = COLUMNS.find((c) => c.id === sortColumn) ?? (COLUMNS[0] as (typeof COLUMNS)[number]);
  return [...reports.values()]
    .filter((r) => query === '' || [r.name, r.issuer ?? '', r.title ?? ''].some((v) => v.toLowerCase().includes(query)))
    .filter((r) =>
      show === 'errors' ? r.counts.error > 0 : show === 'warnings' ? r.counts.error + r.counts.warn > 0 : show === 'late' ? r.deadline?.status !== 'met' : true,
    )
    .sort((a, b) => {
      const c = compare(column.value(a), column.value(b));
      // Empty values last in both directions.
      const empty = column.value(a) === null || column.value(a) === '' || column.value(b) === null || column.value(b) === '';
      return empty ? c : sortAscending ? c : -c;
    });
}

function renderHeader(): void {
  const row = $('overview').querySelector('thead tr') as HTMLTableRowElement;
  row.replaceChildren(
    ...COLUMNS.map((c) => {
      const th = document.createElement('th');
      th.scope = 'col';
      th.dataset['col'] = c.id;
      if (c.numeric) th.className = 'num';
      th.setAttribute('aria-sort', c.id === sortColumn ? (sortAscending ? 'ascending' : 'descending') : 'none');
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent = t(c.label);
      button.title = t('sortBy', { col: t(c.label) });
      button.addEventListener('click', () => {
        if (sortColumn === c.id) sortAscending = !sortAscending;
        else {
          sortColumn = c.id;
          // Counts and scores read best from the largest down.
          sortAscending = !c.numeric;
        }
        renderOverview();
        (row.querySelector(`th[data-col="${c.id}"] button`) as HTMLButtonElement | null)?.focus();
      });
      th.append(button);
      return th;
    }),
  );
}

function renderOverview(): void {
  renderHeader();
  const body = $('overview').querySelector('tbody') as HTMLTableSectionElement;
  const shown = visibleReports();
  // Rows into a fragment, not spread into replaceChildren's arguments: that throws past ~125,000 rows.
  const rows = document.createDocumentFragment();
  for (const r of shown) {
    const tr = document.createElement('tr');
    tr.dataset['file'] = r.name;
    if (r.counts.error > 0) tr.classList.add('has-errors');
    COLUMNS.forEach((c, i) => {
      const td = document.createElement(i === 0 ? 'th' : 'td');
      if (i === 0) (td as HTMLTableCellElement).scope = 'row';
      const v = c.value(r);
      if (c.numeric) td.className = 'num';
      if (i === 0) {
        const a = document.createElement('a');
        a.href = '#';
        a.textContent = r.name;
        a.addEventListener('click', (e) => {
          e.preventDefault();
          showReport(r.name, true);
        });
        td.append(a);
      } else {
        td.textContent = v === null ? '—' : String(v);
        if (c.id === 'deadline' && r.deadline) td.dataset['status'] = r.deadline.status;
        // Why the two were paired, on hover (issuer and years, where each was read).
        if (c.id === 'previous' && r.previous) td.title = r.previous.why;
        if (c.id === 'errors' && r.counts.error > 0) td.classList.add('sev-error');
        if (c.id === 'warnings' && r.counts.warn > 0) td.classList.add('sev-warn');
      }
      tr.append(td);
    });
    tr.addEventListener('dblclick', () => showReport(r.name, true));
    rows.append(tr);
  }
  body.replaceChildren(rows);
  $('rows-shown').textContent = reports.size > 0 ? t('rowsShown', { shown: shown.length, total: reports.size }) : '';
}

function renderProblems(): void {
  const list = [...failures.values()];
  $('problems-box').hidden = list.length === 0;
  // A line per failed file, as many as were given: into a fragment, not spread into arguments.
  const lines = document.createDocumentFragment();
  for (const f of list) {
    const li = document.createElement('li');
    li.textContent = f.message;
    li.dataset['file'] = f.name;
    lines.append(li);
  }
  $('problems').replaceChildren(lines);
}

function renderStatus(): void {
  if (busy) return;
  const parts = [reports.size + failures.size > 0 ? t('finished', { n: reports.size + failures.size }) : t('ready')];
  if (skipped > 0) parts.push(t('skippedNotReport', { n: skipped }));
  $('status').textContent = parts.join('；');
}

$('filter').addEventListener('input', renderOverview);
$('show').addEventListener('change', renderOverview);

// ---- tabs -----------------------------------------------------------------------------------------

type Tab = 'overview' | 'charts' | 'report';
const TABS: readonly Tab[] = ['overview', 'charts', 'report'];

function selectTab(tab: Tab, focus = false): void {
  for (const name of TABS) {
    const selected = name === tab;
    const button = $<HTMLButtonElement>(`tab-${name}`);
    button.setAttribute('aria-selected', String(selected));
    button.tabIndex = selected ? 0 : -1;
    $(`view-${name}`).hidden = !selected;
    if (selected && focus) button.focus();
  }
  if (tab === 'charts') void renderCharts();
}

for (const name of TABS) {
  $(`tab-${name}`).addEventListener('click', () => selectTab(name));
  $(`tab-${name}`).addEventListener('keydown', (e) => {
    if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
    const enabled = TABS.filter((n) => !$<HTMLButtonElement>(`tab-${n}`).disabled);
    const i = enabled.indexOf(name);
    const next = enabled[(i + (e.key === 'ArrowRight' ? 1 : enabled.length - 1)) % enabled.length] as Tab;
    selectTab(next, true);
  });
}

async function renderCharts(): Promise<void> {
  const { drawCharts } = await import('./charts.js');
  drawCharts([...reports.values()]);
}

// ---- report view ----------------------------------------------------------------------------------

function showReport(name: string, focus: boolean): void {
  const r = reports.get(name);
  if (!r) return;
  current = name;
  $<HTMLButtonElement>('tab-report').disabled = false;
  selectTab('report');
  $('copied-box').hidden = true;
  renderReport(r);
  if (focus) ($('findings').querySelector('button') as HTMLButtonElement | null ?? $('back')).focus();
}

$('back').addEventListener('click', () => {
  selectTab('overview');
  const row = current ? $('overview').querySelector<HTMLAnchorElement>(`tr[data-file="${CSS.escape(current)}"] a`) : null;
  row?.focus();
});

document.addEventListener('keydown', (e) => {
  if ($('view-report').hidden || e.ctrlKey || e.metaKey || e.altKey) return;
  const target = e.target as HTMLElement;
  if (target.closest('input, textarea, select, dialog')) return;
  if (e.key === 'j' || e.key === 'ArrowDown' || e.key === 'n') {
    e.preventDefault();
    moveFinding(1);
  } else if (e.key === 'k' || e.key === 'ArrowUp' || e.key === 'p') {
    e.preventDefault();
    moveFinding(-1);
  } else if (e.key === 'Escape') {
    $('back').click();
  }
});

$('copy').addEventListener('click', () => {
  const r = current ? reports.get(current) : undefined;
  if (!r) return;
  const text = letterText(r);
  const area = $<HTMLTextAreaElement>('copied-text');
  area.value = text;
  $('copied-box').hidden = false;
  const fallback = (): void => {
    area.select();
    document.execCommand('copy');
  };
  if (navigator.clipboard?.writeText) navigator.clipboard.writeText(text).catch(fallback);
  else fallback();
});

// ---- exports --------------------------------------------------------------------------------------

function stamp(): string {
  return new Date().toISOString().slice(0, 10);
}

document.querySelectorAll<HTMLButtonElement>('[data-export]').forEach((button) => {
  button.addEventListener('click', () => {
    void (async () => {
      const list = [...reports.values()].sort((a, b) => a.name.localeCompare(b.name, 'zh-CN', { numeric: true }));
      switch (button.dataset['export']) {
        case 'overview-csv':
          download(`fzlint-overview-${stamp()}.csv`, toCsv(COLUMNS.map((c) => t(c.label)), overviewRows(list)), 'text/csv;charset=utf-8');
          break;
        case 'findings-csv':
          download(`fzlint-findings-${stamp()}.csv`, toCsv(FINDING_COLUMNS.map((c) => t(c)), findingRows(list)), 'text/csv;charset=utf-8');
          break;
        case 'xlsx': {
          const { toXlsx } = await import('./xlsx.js');
          download(`fzlint-${stamp()}.xlsx`, await toXlsx(list), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
          break;
        }
        case 'json':
          download(`fzlint-${stamp()}.json`, await formatted('json'), 'application/json');
          break;
        case 'sarif':
          download(`fzlint-${stamp()}.sarif`, await formatted('sarif'), 'application/sarif+json');
          break;
      }
    })();
  });
});

// ---- settings -------------------------------------------------------------------------------------

function renderRuleList(): void {
  const byFamily = new Map<string, RuleInfo[]>();
  for (const r of ruleInfos) byFamily.set(r.family, [...(byFamily.get(r.family) ?? []), r]);
  $('rule-list').replaceChildren(
    ...[...byFamily.entries()].map(([family, list]) => {
      const group = document.createElement('div');
      const h = document.createElement('h3');
      h.textContent = family;
      group.append(h);
      for (const rule of list) {
        const label = document.createElement('label');
        const box = document.createElement('input');
        box.type = 'checkbox';
        box.value = rule.id;
        box.checked = settings.rules[rule.id] !== 'off';
        const code = document.createElement('code');
        code.textContent = rule.id;
        label.append(box, ' ', code, ` ${rule.description[locale()]}`);
        group.append(label);
      }
      return group;
    }),
  );
}

$('open-settings').addEventListener('click', () => {
  $<HTMLInputElement>('report-year').value = settings.reportYear === undefined ? '' : String(settings.reportYear);
  renderRuleList();
  $<HTMLDialogElement>('settings').showModal();
});
$('settings-cancel').addEventListener('click', () => $<HTMLDialogElement>('settings').close());
$('settings-form').addEventListener('submit', () => {
  const year = Number.parseInt($<HTMLInputElement>('report-year').value, 10);
  // Severities imported from a config file are kept; the boxes only switch rules off and on.
  const rules: Record<string, RuleConfigEntry> = { ...settings.rules };
  $('rule-list').querySelectorAll<HTMLInputElement>('input[type=checkbox]').forEach((b) => {
    if (!b.checked) rules[b.value] = 'off';
    else if (rules[b.value] === 'off') delete rules[b.value];
  });
  applySettings({ ...settings, rules, ...(Number.isFinite(year) ? { reportYear: year } : { reportYear: undefined }) });
});
$('export-config').addEventListener('click', () => download('fzlint.config.json', configJson(settings), 'application/json'));
$<HTMLInputElement>('import-config').addEventListener('change', (e) => {
  const input = e.target as HTMLInputElement;
  const file = input.files?.[0];
  input.value = '';
  if (!file) return;
  void file.text().then((text) => {
    const parsed = parseConfig(text, settings.locale);
    if (!parsed.ok) {
      alert(t('configError', { name: file.name, detail: parsed.error }));
      return;
    }
    $<HTMLDialogElement>('settings').close();
    applySettings(parsed.settings);
  });
});

function applySettings(next: PageSettings): void {
  settings = next;
  saveSettings(settings);
  setLocale(settings.locale);
  translate();
  recheck();
}

function recheck(): void {
  check([...files.entries()].map(([name, bytes]) => ({ name, bytes })));
}

// ---- language -------------------------------------------------------------------------------------

function translate(): void {
  document.documentElement.lang = locale();
  document.title = t('appTitle');
  document.querySelectorAll<HTMLElement>('[data-i18n]').forEach((el) => {
    el.textContent = t(el.dataset['i18n'] as StringId);
  });
  const lang = $('lang');
  lang.textContent = t('language');
  lang.setAttribute('lang', locale() === 'en' ? 'zh-CN' : 'en');
  lang.setAttribute('aria-label', t('languageLabel'));
  $<HTMLInputElement>('filter').setAttribute('aria-label', t('filter'));
  $('progress').setAttribute('aria-label', t('progressLabel'));
  renderOverview();
  renderProblems();
  renderStatus();
  if (!$('view-charts').hidden) void renderCharts();
}

$('lang').addEventListener('click', () => {
  const next: Locale = locale() === 'en' ? 'zh-CN' : 'en';
  applySettings({ ...settings, locale: next });
});

// ---- start ----------------------------------------------------------------------------------------

translate();
document.body.dataset['state'] = 'idle';

/** Reports served by `fzlint web --open` (only when the page comes from that local server, never from file://). */
const preload = (window as unknown as { FZLINT_PRELOAD?: readonly { name: string; url: string }[] }).FZLINT_PRELOAD;
if (preload && preload.length > 0 && location.protocol.startsWith('http')) {
  void (async () => {
    const list: { name: string; bytes: Uint8Array }[] = [];
    for (const p of preload) {
      const response = await fetch(p.url);
      const bytes = new Uint8Array(await response.arrayBuffer());
      files.set(p.name, bytes);
      list.push({ name: p.name, bytes });
    }
    check(list);
  })();
}
