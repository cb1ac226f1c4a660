/**
 * Worker-thread entry: lints the tasks the pool in `workers.ts` posts, one at a
 * time, and runs the guarded work of `guard.ts` (reading a Word document or a
 * web page, linting a large text) under the thread's memory budget. Loaded only
 * when a run uses another thread.
 */
import { parentPort } from 'node:worker_threads';
import { readReport } from '@fzlint/input';
import type { GuardReply, GuardTask } from './guard.js';
import { runLintTask, type LintTask, type LintTaskOutcome } from './lint-task.js';

async function answer(task: LintTask | GuardTask): Promise<LintTaskOutcome | GuardReply> {
  if (!('kind' in task)) return runLintTask(task);
  if (task.kind === 'read') return { kind: 'read', outcome: await readReport(task.bytes, { name: task.name, maxBytes: task.maxBytes }) };
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
