/**
 * The language server's lint thread (started by `remote.ts`): lints large
 * documents and answers their features off the request thread, so the server
 * keeps answering every other document meanwhile. Requests are answered one at
 * a time, in order.
 */
import { parentPort } from 'node:worker_threads';
import type { Locale } from '@fzlint/rule-api';
import { loadEngine } from './engine.js';
import { IDLE_COLLECTION_ENV, IdleCollector } from './memory.js';
import { RemoteHost } from './service/remote-host.js';
import type { RemoteEnvelope } from './service/remote-protocol.js';

const port = parentPort;
if (port) {
  // The request thread's locale (its project's problems are worded in it), as its `previous` requests say.
  let locale: Locale | undefined;
  const host = loadEngine(process.env, { locale: () => locale }).then((engine) => new RemoteHost(engine, { setLocale: (l) => (locale = l) }));
  // The thread's own heap is given back once it goes idle too (a multi-megabyte lint leaves hundreds of MB of garbage).
  const memory = new IdleCollector(process.env[IDLE_COLLECTION_ENV] === '0' ? { collect: undefined } : {});
  port.on('message', (envelope: RemoteEnvelope) => {
    host.then(
      async (h) => {
        try {
          port.postMessage({ id: envelope.id, value: await h.answer(envelope.request) });
        } finally {
          memory.worked();
        }
      },
      (error: unknown) => port.postMessage({ id: envelope.id, error: error instanceof Error ? error.message : String(error) }),
    ).catch((error: unknown) => port.postMessage({ id: envelope.id, error: error instanceof Error ? error.message : String(error) }));
  });
}
