/**
 * The Web Worker: reads and lints reports off the page's thread, one at a
 * time, posting each outcome as soon as it is known so rows appear while the
 * batch runs. When the queue is empty the batch is paired (same issuer, report
 * year − 1, as `fzlint` pairs a directory) and the reports with last year's
 * report in the batch are checked again beside it (the continuity rules); their
 * rows are replaced. pdf.js runs inside this worker (its worker code in-thread),
 * and the CMaps for Chinese PDFs come bundled: nothing is fetched.
 */
import type { ReadText } from '@fzlint/input';
import { json, rules, sarif, type FormattableResult } from '@fzlint/linter';
import type { ReportIdentity } from '@fzlint/rules';
import cmapData from 'virtual:cmaps';
import { checkRead, checkReport, type Checked, type CheckSettings } from './check.js';
import { rechecks, type BatchEntry } from './pairing.js';
import { pageExtensions } from './read.js';
import type { FromWorker, ToWorker } from './protocol.js';

interface WorkerScope {
  postMessage(message: FromWorker): void;
  onmessage: ((event: { data: ToWorker }) => void) | null;
}
const scope = self as unknown as WorkerScope;

function base64Bytes(b64: string): Uint8Array {
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

const cmaps = (name: string): Uint8Array | undefined => {
  const b64 = (cmapData as Record<string, string>)[name];
  return b64 === undefined ? undefined : base64Bytes(b64);
};

const queue: { name: string; bytes: Uint8Array; settings: CheckSettings }[] = [];
const results = new Map<string, FormattableResult>();
/** Every report of the batch that was read: what pairing and a second check need. */
const batch = new Map<string, { read: ReadText; identity: ReportIdentity | undefined; settings: CheckSettings; version: number; comparedWith?: BatchEntry['comparedWith'] }>();
let versions = 0;
let running = false;
let done = 0;
let total = 0;

/** Records a check's outcome and posts it. */
function publish(name: string, checked: Checked): void {
  if (checked.formattable) results.set(name, checked.formattable);
  else results.delete(name);
  scope.postMessage({ type: 'result', outcome: checked.outcome });
}

/** Pairs the batch and checks again the reports whose last year's report changed. */
function pairBatch(): void {
  const entries: BatchEntry[] = [...batch.entries()].map(([name, b]) => ({
    name,
    identity: b.identity,
    version: b.version,
    ...(b.comparedWith ? { comparedWith: b.comparedWith } : {}),
  }));
  const todo = rechecks(entries, entries.length > 0 ? ([...batch.values()][0] as { settings: CheckSettings }).settings.locale : 'zh-CN');
  total += todo.length;
  for (const job of todo) {
    const entry = batch.get(job.name);
    if (!entry) continue;
    scope.postMessage({ type: 'progress', done, total, name: job.name });
    const last = job.previous ? batch.get(job.previous.name) : undefined;
    let checked: Checked;
    try {
      checked = checkRead(job.name, entry.read, entry.settings, job.previous && last ? { name: job.previous.name, read: last.read, why: job.previous.why } : undefined);
    } catch (error) {
      const message = `${job.name}: ${error instanceof Error ? error.message : String(error)}`;
      checked = { outcome: { ok: false, name: job.name, id: 'lintFailed', message } };
    }
    if (job.previous) entry.comparedWith = { name: job.previous.name, version: job.previous.version };
    else delete entry.comparedWith;
    done++;
    publish(job.name, checked);
  }
}

async function drain(): Promise<void> {
  if (running) return;
  running = true;
  try {
    while (queue.length > 0) {
      const job = queue.shift() as (typeof queue)[number];
      scope.postMessage({ type: 'progress', done, total, name: job.name });
      let checked: Checked;
      try {
        checked = await checkReport(job.name, job.bytes, job.settings, { cmaps });
      } catch (error) {
        const message = `${job.name}: ${error instanceof Error ? error.message : String(error)}`;
        checked = { outcome: { ok: false as const, name: job.name, id: 'lintFailed' as const, message } };
      }
      done++;
      // Checked alone: compared with nothing yet (pairing comes when the queue is empty).
      if (checked.read) batch.set(job.name, { read: checked.read, identity: checked.identity, settings: job.settings, version: ++versions });
      else batch.delete(job.name);
      publish(job.name, checked);
      scope.postMessage({ type: 'progress', done, total, name: job.name });
      if (queue.length === 0) pairBatch();
    }
  } finally {
    running = false;
    done = 0;
    total = 0;
    scope.postMessage({ type: 'idle' });
  }
}

scope.onmessage = (event) => {
  const msg = event.data;
  if (msg.type === 'check') {
    for (const f of msg.files) queue.push({ name: f.name, bytes: new Uint8Array(f.bytes), settings: msg.settings });
    total += msg.files.length;
    void drain();
  } else if (msg.type === 'format') {
    const list = [...results.values()];
    const text = msg.format === 'sarif' ? sarif(list, { locale: msg.locale }) : json(list);
    scope.postMessage({ type: 'formatted', id: msg.id, text });
  } else if (msg.type === 'clear') {
    results.clear();
    batch.clear();
  }
};

scope.postMessage({
  type: 'rules',
  extensions: pageExtensions(),
  rules: rules.map((r) => ({ id: r.meta.id, family: r.meta.family, defaultSeverity: r.meta.defaultSeverity, description: r.meta.description })),
});
