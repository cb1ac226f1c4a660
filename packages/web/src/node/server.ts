import { readFile, stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { basename, extname, join } from 'node:path';
import { SITE_DIR } from './site.js';

/** A report the served page loads at start. */
export interface PreloadReport {
  /** The name the page shows (a path relative to where the user ran the command). */
  readonly name: string;
  /** The file on disk. */
  readonly path: string;
}

/** Options of `serveWorkbench`. */
export interface ServeOptions {
  /** Reports to load at start (`fzlint web --open reports/`; the caller lists the files). */
  readonly reports?: readonly PreloadReport[];
  /** 0 (default) picks a free port. */
  readonly port?: number;
}

/** A running workbench server. */
export interface WorkbenchServer {
  /** `http://127.0.0.1:PORT/`. */
  readonly url: string;
  readonly server: Server;
  close(): Promise<void>;
}

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

/**
 * Serves the workbench on 127.0.0.1 (never another interface: the reports are
 * the user's), with the given reports preloaded: the page's HTML names them and
 * fetches them from `/reports/N` of this server. Nothing else is served.
 */
export async function serveWorkbench(options: ServeOptions = {}): Promise<WorkbenchServer> {
  const reports = options.reports ?? [];
  const preload = reports.map((r, i) => ({ name: r.name, url: `reports/${i}/${encodeURIComponent(basename(r.path))}` }));
  const index = (await readFile(join(SITE_DIR, 'index.html'), 'utf8')).replace(
    '<script src="app.js">',
    // JSON inside a script: `<` escaped so no file name can close the element.
    () => `<script>window.FZLINT_PRELOAD=${JSON.stringify(preload).replace(/</g, '\\u003c')};</script><script src="app.js">`,
  );
  const server = createServer((req, res) => {
    void (async () => {
      const path = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
      const headers = { 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' };
      try {
        if (req.method !== 'GET' && req.method !== 'HEAD') {
          res.writeHead(405, headers).end();
          return;
        }
        if (path === '/' || path === '/index.html') {
          res.writeHead(200, { ...headers, 'content-type': TYPES['.html'] as string }).end(index);
          return;
        }
        if (path === '/app.js' || path === '/app.css') {
          const body = await readFile(join(SITE_DIR, path.slice(1)));
          res.writeHead(200, { ...headers, 'content-type': TYPES[extname(path)] as string }).end(body);
          return;
        }
        const m = /^\/reports\/(\d+)\//.exec(path);
        const report = m ? reports[Number(m[1])] : undefined;
        if (report) {
          const info = await stat(report.path);
          if (!info.isFile()) throw new Error('not a file');
          res.writeHead(200, { ...headers, 'content-type': 'application/octet-stream' }).end(await readFile(report.path));
          return;
        }
        res.writeHead(404, headers).end();
      } catch {
        res.writeHead(404, headers).end();
      }
    })();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    server,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * The command that opens a URL in the user's default browser, by platform
 * (`fzlint web --open` spawns it detached): `open` on macOS, `start` through
 * cmd on Windows, `xdg-open` elsewhere.
 */
export function browserCommand(url: string, platform: NodeJS.Platform = process.platform): { command: string; args: string[] } {
  if (platform === 'darwin') return { command: 'open', args: [url] };
  // `start`'s first quoted argument is a window title, hence the empty one.
  if (platform === 'win32') return { command: 'cmd', args: ['/c', 'start', '', url] };
  return { command: 'xdg-open', args: [url] };
}
