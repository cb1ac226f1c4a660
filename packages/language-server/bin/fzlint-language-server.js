#!/usr/bin/env node
// fzlint language server: `fzlint-language-server --stdio` (or `--node-ipc`, `--socket=PORT`).
const transports = ['--stdio', '--node-ipc'];
if (!process.argv.some((a) => transports.includes(a) || a.startsWith('--socket=') || a.startsWith('--pipe='))) {
  process.stderr.write('Usage: fzlint-language-server --stdio | --node-ipc | --socket=PORT\n');
  process.exit(2);
}
const { startServer } = await import('../dist/server.js');
startServer();
