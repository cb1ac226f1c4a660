/**
 * Worker-thread entry: lints the tasks the pool in `workers.ts` posts, one at a
 * time. Loaded only when a run uses more than one thread.
 */
import { parentPort } from 'node:worker_threads';
import { runLintTask, type LintTask } from './lint-task.js';

const port = parentPort;
if (port) {
  port.on('message', (request: { id: number; task: LintTask }) => {
    runLintTask(request.task).then(
      (value) => port.postMessage({ id: request.id, value }),
      (error: unknown) => port.postMessage({ id: request.id, error: error instanceof Error ? error.message : String(error) }),
    );
  });
}
