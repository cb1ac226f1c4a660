// A minimal LSP client over stdio (JSON-RPC with Content-Length framing), enough
// to time a language server the way an editor drives it: initialize, didOpen,
// didChange, and the publishDiagnostics that answer them. No dependency on
// vscode-languageclient, so that what is timed is the server, not a client library.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

/** Settings the client hands to the server; debounce 0 so latency is the server's work only. */
export const CLIENT_SETTINGS = { enable: true, debounceMs: 0, run: 'onType' };

/**
 * A spawned language server and the JSON-RPC plumbing around it.
 */
export class LspClient {
  /**
   * @param {string} cmd
   * @param {readonly string[]} args
   * @param {string} cwd
   */
  constructor(cmd, args, cwd) {
    this.spawnedAt = performance.now();
    this.child = spawn(cmd, args, { cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    this.nextId = 1;
    /** @type {Map<number, {resolve: (v: any) => void, reject: (e: Error) => void}>} */
    this.pending = new Map();
    /** @type {((msg: any, at: number) => void)[]} */
    this.listeners = [];
    /** Diagnostics in the latest publish, per document URI. @type {Map<string, number>} */
    this.lastCount = new Map();
    this.stderr = '';
    this.exited = false;
    /** @type {Buffer} */
    this.buf = Buffer.alloc(0);
    this.child.stdout.on('data', (chunk) => this.onData(chunk));
    this.child.stderr.on('data', (chunk) => {
      // Keep only the tail: a chatty server must not grow the client's memory.
      this.stderr = (this.stderr + chunk.toString('utf8')).slice(-4000);
    });
    this.child.on('exit', (code) => {
      this.exited = true;
      for (const p of this.pending.values()) p.reject(new Error(`server exited (${code}): ${this.stderr.slice(-600)}`));
      this.pending.clear();
    });
    this.child.on('error', () => {});
    this.child.stdin.on('error', () => {});
  }

  /** @param {Buffer} chunk */
  onData(chunk) {
    const at = performance.now();
    this.buf = this.buf.length ? Buffer.concat([this.buf, chunk]) : chunk;
    for (;;) {
      const headerEnd = this.buf.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const header = this.buf.subarray(0, headerEnd).toString('ascii');
      const m = /Content-Length:\s*(\d+)/i.exec(header);
      if (!m) throw new Error(`bad LSP header: ${header}`);
      const len = Number(m[1]);
      const start = headerEnd + 4;
      if (this.buf.length < start + len) return;
      const body = this.buf.subarray(start, start + len).toString('utf8');
      this.buf = this.buf.subarray(start + len);
      this.dispatch(JSON.parse(body), at);
    }
  }

  /** @param {any} msg @param {number} at */
  dispatch(msg, at) {
    if (msg.id !== undefined && msg.method === undefined) {
      const p = this.pending.get(msg.id);
      this.pending.delete(msg.id);
      if (!p) return;
      if (msg.error) p.reject(new Error(`${msg.error.code}: ${msg.error.message}`));
      else p.resolve({ result: msg.result, at });
      return;
    }
    if (msg.id !== undefined) {
      this.send({ jsonrpc: '2.0', id: msg.id, result: this.answer(msg) });
      return;
    }
    if (msg.method === 'textDocument/publishDiagnostics') this.lastCount.set(msg.params?.uri, msg.params?.diagnostics?.length ?? 0);
    for (const l of [...this.listeners]) l(msg, at);
  }

  /** Answers a server → client request the way a plain editor would. @param {any} msg */
  answer(msg) {
    if (msg.method === 'workspace/configuration') {
      return (msg.params?.items ?? []).map((/** @type {any} */ item) => {
        const section = item.section ?? '';
        if (section === 'fzlint' || section === '') return CLIENT_SETTINGS;
        if (section.startsWith('fzlint.')) return /** @type {any} */ (CLIENT_SETTINGS)[section.slice(7)] ?? null;
        return null;
      });
    }
    if (msg.method === 'workspace/workspaceFolders') return [];
    return null;
  }

  /** @param {any} msg */
  send(msg) {
    const body = Buffer.from(JSON.stringify(msg), 'utf8');
    this.child.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    this.child.stdin.write(body);
  }

  /**
   * @param {string} method @param {any} params
   * @returns {Promise<{result: any, at: number}>}
   */
  request(method, params) {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      if (this.exited) {
        reject(new Error(`server exited: ${this.stderr.slice(-600)}`));
        return;
      }
      this.pending.set(id, { resolve, reject });
      this.send({ jsonrpc: '2.0', id, method, params });
    });
  }

  /** @param {string} method @param {any} params */
  notify(method, params) {
    this.send({ jsonrpc: '2.0', method, params });
  }

  /**
   * Resolves with the first notification `pred` accepts (and the time it arrived).
   * @param {(msg: any) => boolean} pred @param {number} timeoutMs
   * @returns {Promise<{msg: any, at: number}>}
   */
  waitFor(pred, timeoutMs) {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.listeners = this.listeners.filter((l) => l !== listener);
        reject(new Error(`timed out after ${timeoutMs} ms${this.exited ? `; server exited: ${this.stderr.slice(-600)}` : ''}`));
      }, timeoutMs);
      /** @param {any} msg @param {number} at */
      const listener = (msg, at) => {
        if (!pred(msg)) return;
        clearTimeout(timer);
        this.listeners = this.listeners.filter((l) => l !== listener);
        resolve({ msg, at });
      };
      this.listeners.push(listener);
    });
  }

  /** @param {string} uri @param {number} [version] @param {number} [timeoutMs] */
  waitForDiagnostics(uri, version, timeoutMs = 30_000) {
    return this.waitFor(
      (m) =>
        m.method === 'textDocument/publishDiagnostics' &&
        m.params?.uri === uri &&
        // Servers that send a version must answer this version; the others the next publish.
        (version === undefined || m.params.version === undefined || m.params.version === version),
      timeoutMs,
    );
  }

  /**
   * Resolves once no diagnostics for `uri` arrived for `ms` milliseconds: for servers
   * that publish without a version, so a late publish is not taken for the next answer.
   * @param {string} uri @param {number} ms
   */
  quiet(uri, ms) {
    return new Promise((resolve) => {
      /** @param {any} msg */
      const listener = (msg) => {
        if (msg.method !== 'textDocument/publishDiagnostics' || msg.params?.uri !== uri) return;
        clearTimeout(timer);
        timer = setTimeout(done, ms);
      };
      const done = () => {
        this.listeners = this.listeners.filter((l) => l !== listener);
        resolve(undefined);
      };
      let timer = setTimeout(done, ms);
      this.listeners.push(listener);
    });
  }

  /** Peak (VmHWM) and current (VmRSS) resident set of the server process, MiB (Linux). */
  memory() {
    try {
      const status = readFileSync(`/proc/${this.child.pid}/status`, 'utf8');
      const kb = (/** @type {string} */ key) => Number(new RegExp(`^${key}:\\s*(\\d+)`, 'm').exec(status)?.[1] ?? NaN);
      return { rssMiB: kb('VmRSS') / 1024, hwmMiB: kb('VmHWM') / 1024 };
    } catch {
      return { rssMiB: NaN, hwmMiB: NaN };
    }
  }

  /** Polite shutdown, then kill this server (and only it) if it lingers. */
  async close() {
    if (this.exited) return;
    try {
      await Promise.race([this.request('shutdown', null), new Promise((r) => setTimeout(r, 2000))]);
      this.notify('exit', null);
    } catch {
      // The server may already be gone.
    }
    await new Promise((r) => {
      if (this.exited) return r(undefined);
      const t = setTimeout(() => {
        this.child.kill('SIGKILL');
        r(undefined);
      }, 2000);
      this.child.on('exit', () => {
        clearTimeout(t);
        r(undefined);
      });
    });
  }
}

/**
 * Starts a server and completes the initialize handshake.
 * @param {string} cmd @param {readonly string[]} args @param {string} root
 */
export async function startServer(cmd, args, root) {
  const client = new LspClient(cmd, args, root);
  const rootUri = pathToFileURL(root).href;
  const init = await client.request('initialize', {
    processId: process.pid,
    clientInfo: { name: 'fzlint-bench', version: '0.1.0' },
    rootUri,
    workspaceFolders: [{ uri: rootUri, name: 'bench' }],
    initializationOptions: { settings: CLIENT_SETTINGS, ...CLIENT_SETTINGS },
    capabilities: {
      workspace: { configuration: true, workspaceFolders: true },
      // Push diagnostics only (no `diagnostic` capability), so every client of the
      // bench sees the same flow: the server publishes after each change.
      textDocument: {
        synchronization: { dynamicRegistration: false, didSave: true },
        publishDiagnostics: { relatedInformation: true, versionSupport: true },
      },
    },
  });
  client.notify('initialized', {});
  client.notify('workspace/didChangeConfiguration', { settings: { fzlint: CLIENT_SETTINGS } });
  const sync = init.result?.capabilities?.textDocumentSync;
  const syncKind = typeof sync === 'number' ? sync : (sync?.change ?? 1);
  return { client, initMs: init.at - client.spawnedAt, syncKind, capabilities: init.result?.capabilities };
}
