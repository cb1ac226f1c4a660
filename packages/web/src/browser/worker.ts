/**
 * The Web Worker: reads and lints reports off the page's thread, one at a
 * time, posting each outcome as soon as it is known so rows appear while the
 * batch runs. pdf.js runs inside this worker (its worker code in-thread), and
 * the CMaps for Chinese PDFs come bundled: nothing is fetched.
 */
import { json, rules, sarif, type FormattableResult } from '@fzlint/linter';
import cmapData from 'virtual:cmaps';
import { checkReport, type CheckSettings } from './check.js';
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
let running = false;
let done = 0;
let total = 0;

async function drain(): Promise<void> {
  if (running) return;
  running = true;
  try {
    while (queue.length > 0) {
      const job = queue.shift() as (typeof queue)[number];
      scope.postMessage({ type: 'progress', done, total, name: job.name });
      let checked;
      try {
        checked = await checkReport(job.name, job.bytes, job.settings, { cmaps });
      } catch (error) {
        const message = `${job.name}: ${error instanceof Error ? error.message : String(error)}`;
        checked = { outcome: { ok: false as const, name: job.name, id: 'lintFailed' as const, message } };
      }
      done++;
      if (checked.formattable) results.set(job.name, checked.formattable);
      else results.delete(job.name);
      scope.postMessage({ type: 'result', outcome: checked.outcome });
      scope.postMessage({ type: 'progress', done, total, name: job.name });
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
  }
};

scope.postMessage({
  type: 'rules',
  extensions: pageExtensions(),
  rules: rules.map((r) => ({ id: r.meta.id, family: r.meta.family, defaultSeverity: r.meta.defaultSeverity, description: r.meta.description })),
});
