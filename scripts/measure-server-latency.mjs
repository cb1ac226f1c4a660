#!/usr/bin/env node
// Measures the fzlint language server over a real stdio connection (push diagnostics, debounce 0):
// - open → first diagnostics;
// - one-character edit → diagnostics, N edits in the middle of the text (type a character, delete
//   it again, incremental sync), median and p90 over the first 50 and over all N (default 100):
//   server-side (the server's own `fzlint-timing` log, FZLINT_LS_TIMING=1: applying the change,
//   config look-up, re-parse, rules, conversion, sending; the debounce excluded) and round trip
//   (what the client waits, including the size-based debounce of large documents);
// for the largest corpus report and the 100 KB report (the five corpus reports concatenated, then
// 000 and 001 again); and the server's RSS with 50 open reports (the corpus reports, and the
// 100 KB one, 50 times each).
// Usage: node scripts/measure-server-latency.mjs [--edits 100] [--json]
// Needs the server built: pnpm --filter "@fzlint/language-server..." build
import { createRequire } from 'node:module';
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';

const root = fileURLToPath(new URL('..', import.meta.url));
const serverPkg = path.join(root, 'packages/language-server');
// The workspace the documents live in: a folder of its own (the repository's .fzlintignore
// ignores its fixtures/, and the server honours it as the CLI does).
const workspaceDir = mkdtempSync(path.join(os.tmpdir(), 'fzlint-latency-'));
process.on('exit', () => rmSync(workspaceDir, { recursive: true, force: true }));
const require = createRequire(path.join(serverPkg, 'package.json'));
const { createProtocolConnection, StreamMessageReader, StreamMessageWriter } = require('vscode-languageserver-protocol/node');

const args = process.argv.slice(2);
const flag = (name, fallback) => {
  const i = args.indexOf(name);
  const v = i >= 0 ? Number(args[i + 1]) : NaN;
  return v > 0 ? v : fallback;
};
const EDITS = flag('--edits', 100);
const OPEN_REPORTS = 50;
const asJson = args.includes('--json');
const corpus = path.join(root, 'fixtures/corpus/full');
const corpusFiles = readdirSync(corpus).filter((f) => f.endsWith('.txt')).sort();
const read = (f) => readFileSync(path.join(corpus, f), 'utf8');

function largestCorpusReport() {
  const files = [...corpusFiles].sort((a, b) => statSync(path.join(corpus, b)).size - statSync(path.join(corpus, a)).size);
  return { name: `largest corpus report (${files[0]})`, text: read(files[0]) };
}

/** The 100 KB report of the benchmark: the five corpus reports concatenated, then 000 and 001 again. */
function report100k() {
  const texts = corpusFiles.map(read);
  return { name: '100 KB report (corpus 000–004, 000, 001)', text: [...texts, texts[0], texts[1]].join('\n\n') };
}

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const pct = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]; };
const r1 = (x) => Math.round(x * 10) / 10;

/** Resident set size of a process in MB (Linux /proc, else `ps`). */
function rssMb(pid) {
  try {
    const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    if (kb) return Number(kb) / 1024;
  } catch { /* not Linux */ }
  return Number(execFileSync('ps', ['-o', 'rss=', '-p', String(pid)], { encoding: 'utf8' }).trim()) / 1024;
}

/** A server on stdio with the timing log on; `published(uri, version)` resolves with its diagnostics. */
async function startServer() {
  const child = spawn(process.execPath, [path.join(serverPkg, 'bin/fzlint-language-server.js'), '--stdio'], {
    stdio: ['pipe', 'pipe', 'inherit'],
    env: { ...process.env, FZLINT_LS_TIMING: '1' },
  });
  const conn = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const waiting = new Map();
  const timings = new Map();
  const timingWaiters = new Map();
  conn.onNotification('textDocument/publishDiagnostics', (p) => {
    const key = `${p.uri}#${p.version}`;
    const w = waiting.get(key);
    if (w) { waiting.delete(key); w(p); }
  });
  conn.onNotification('window/logMessage', (p) => {
    if (!p.message.startsWith('fzlint-timing ')) return;
    const t = JSON.parse(p.message.slice('fzlint-timing '.length));
    const key = `${t.uri}#${t.version}`;
    timings.set(key, t);
    timingWaiters.get(key)?.(t);
  });
  conn.onRequest('client/registerCapability', () => null);
  conn.listen();
  const dir = workspaceDir;
  await conn.sendRequest('initialize', {
    processId: process.pid, rootUri: pathToFileURL(dir).href, workspaceFolders: [{ uri: pathToFileURL(dir).href, name: 'fixtures' }],
    capabilities: { textDocument: { publishDiagnostics: { versionSupport: true } } },
    initializationOptions: { settings: { debounceMs: 0 } },
  });
  await conn.sendNotification('initialized', {});
  return {
    child,
    conn,
    published: (uri, version) => new Promise((resolve) => waiting.set(`${uri}#${version}`, resolve)),
    /** The server's timing line of a publication (it follows the publication). */
    timing: (uri, version) => {
      const key = `${uri}#${version}`;
      return timings.has(key) ? Promise.resolve(timings.get(key)) : new Promise((resolve) => timingWaiters.set(key, resolve));
    },
    async stop() {
      await conn.sendRequest('shutdown');
      await conn.sendNotification('exit');
      conn.dispose();
      child.kill();
    },
  };
}

async function measureEdits({ name, text }) {
  const server = await startServer();
  const uri = pathToFileURL(path.join(workspaceDir, 'latency-report.txt')).href;
  let t = performance.now();
  let p = server.published(uri, 1);
  await server.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'plaintext', version: 1, text } });
  const first = await p;
  const openMs = performance.now() - t;
  const openServer = await server.timing(uri, 1);

  // Edits in the middle of the text: type a character, then delete it again (incremental sync).
  const lines = text.split('\n');
  const line = Math.floor(lines.length / 2);
  const roundTrip = [];
  const serverSide = [];
  const parses = {};
  const parts = { changeMs: [], lintMs: [], sendMs: [] };
  for (let i = 0; i < EDITS; i++) {
    const version = i + 2;
    const change = i % 2 === 0
      ? { range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: '法' }
      : { range: { start: { line, character: 0 }, end: { line, character: 1 } }, text: '' };
    p = server.published(uri, version);
    t = performance.now();
    await server.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [change] });
    await p;
    roundTrip.push(performance.now() - t);
    const timing = await server.timing(uri, version);
    serverSide.push(timing.totalMs);
    for (const k of Object.keys(parts)) parts[k].push(timing[k]);
    parses[timing.parse] = (parses[timing.parse] ?? 0) + 1;
  }
  await server.stop();
  const stats = (xs) => ({ medianMs: r1(median(xs)), p90Ms: r1(pct(xs, 90)) });
  return {
    report: name,
    bytes: Buffer.byteLength(text),
    chars: text.length,
    lines: lines.length,
    diagnostics: first.diagnostics.length,
    openToFirstDiagnosticsMs: r1(openMs),
    openServerSideMs: r1(openServer.totalMs),
    edits: EDITS,
    parses,
    serverSideMedians: Object.fromEntries(Object.entries(parts).map(([k, xs]) => [k, Math.round(median(xs) * 100) / 100])),
    serverSide: { first50: stats(serverSide.slice(0, 50)), all: stats(serverSide) },
    roundTrip: { first50: stats(roundTrip.slice(0, 50)), all: stats(roundTrip) },
  };
}

async function measureMemory(name, texts) {
  const server = await startServer();
  const before = rssMb(server.child.pid);
  const waits = [];
  for (let i = 0; i < OPEN_REPORTS; i++) {
    const uri = pathToFileURL(path.join(workspaceDir, `open-${i}.txt`)).href;
    const text = texts[i % texts.length];
    waits.push(server.published(uri, 1));
    await server.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'plaintext', version: 1, text } });
  }
  await Promise.all(waits);
  await new Promise((r) => setTimeout(r, 500));
  const after = rssMb(server.child.pid);
  await server.stop();
  return { reports: `${OPEN_REPORTS} × ${name}`, rssIdleMB: r1(before), rssMB: r1(after) };
}

const edits = [];
for (const r of [largestCorpusReport(), report100k()]) edits.push(await measureEdits(r));
const memory = [
  await measureMemory('corpus reports (000–004 in turn)', corpusFiles.map(read)),
  await measureMemory('the 100 KB report', [report100k().text]),
];
const machine = `node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, load ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`;
if (asJson) console.log(JSON.stringify({ machine, edits, memory }, null, 2));
else {
  console.log(`${machine}; ${EDITS} one-character edits each, debounce 0 ms, push diagnostics over stdio`);
  console.log('| report | size | diagnostics | open → first diagnostics (server / round trip) | edit → diagnostics, server side: median / p90 (first 50) | (all) | round trip: median / p90 (all) | parses |');
  console.log('|---|---|---|---|---|---|---|---|');
  for (const r of edits) {
    const s50 = r.serverSide.first50;
    const s = r.serverSide.all;
    const rt = r.roundTrip.all;
    const parses = Object.entries(r.parses).map(([k, v]) => `${k} ${v}`).join(', ');
    console.log(`| ${r.report} | ${(r.bytes / 1024).toFixed(1)} KB | ${r.diagnostics} | ${r.openServerSideMs} / ${r.openToFirstDiagnosticsMs} ms | ${s50.medianMs} / ${s50.p90Ms} ms | ${s.medianMs} / ${s.p90Ms} ms | ${rt.medianMs} / ${rt.p90Ms} ms | ${parses} |`);
  }
  console.log('');
  for (const r of edits) console.log(`server-side medians, ${r.report}: ${Object.entries(r.serverSideMedians).map(([k, v]) => `${k} ${v}`).join(', ')}`);
  console.log('');
  console.log('| open reports | RSS before | RSS after all diagnostics |');
  console.log('|---|---|---|');
  for (const m of memory) console.log(`| ${m.reports} | ${m.rssIdleMB} MB | ${m.rssMB} MB |`);
}
