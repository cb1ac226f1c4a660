/**
 * The language server's lint thread (started by `remote.ts`): lints large
 * documents and answers their features off the request thread, so the server
 * keeps answering every other document meanwhile. Requests are answered one at
 * a time, in order.
 */
import { parentPort } from 'node:worker_threads';
import { loadEngine } from './engine.js';
import { RemoteHost } from './service/remote-host.js';
import type { RemoteEnvelope } from './service/remote-protocol.js';

const port = parentPort;
if (port) {
  const host = loadEngine(process.env).then((engine) => new RemoteHost(engine));
  port.on('message', (envelope: RemoteEnvelope) => {
    host.then(
      (h) => port.postMessage({ id: envelope.id, value: h.answer(envelope.request) }),
      (error: unknown) => port.postMessage({ id: envelope.id, error: error instanceof Error ? error.message : String(error) }),
    ).catch((error: unknown) => port.postMessage({ id: envelope.id, error: error instanceof Error ? error.message : String(error) }));
  });
}
