/**
 * Worker-thread entry: lints the tasks the pool in `workers.ts` posts, one at a
 * time, and runs the guarded work of `guard.ts` (reading a Word document or a
 * web page, linting a large text) under the thread's memory budget. Loaded only
 * when a run uses another thread.
 */
import { parentPort } from 'node:worker_threads';
import { DEFAULT_READERS, readReport, type ReportReader } from '@fzlint/input';
import type { GuardReply, GuardTask } from './guard.js';
import { runLintTask, type LintTask, type LintTaskOutcome } from './lint-task.js';

/** Plugged-in readers loaded in this thread, by module and factory. */
const loaded = new Map<string, Promise<ReportReader>>();

function pluggedReader(spec: { module: string; factory: string }): Promise<ReportReader> {
  const key = `${spec.module}#${spec.factory}`;
  let reader = loaded.get(key);
  if (!reader) {
    reader = import(spec.module).then((mod: Record<string, unknown>) => (mod[spec.factory] as () => ReportReader)());
    loaded.set(key, reader);
  }
  return reader;
}

async function answer(task: LintTask | GuardTask): Promise<LintTaskOutcome | GuardReply> {
  if (!('kind' in task)) return runLintTask(task);
  if (task.kind === 'read') {
    const readers = task.reader ? [...DEFAULT_READERS, await pluggedReader(task.reader)] : DEFAULT_READERS;
    return { kind: 'read', outcome: await readReport(task.bytes, { name: task.name, maxBytes: task.maxBytes, readers }) };
  }
  return { kind: 'lint', outcome: await runLintTask(task.task) };
}

const port = parentPort;
if (port) {
  port.on('message', (request: { id: number; task: LintTask | GuardTask }) => {
    answer(request.task).then(
      (value) => port.postMessage({ id: request.id, value }),
      (error: unknown) => port.postMessage({ id: request.id, error: error instanceof Error ? error.message : String(error) }),
    );
  });
}
