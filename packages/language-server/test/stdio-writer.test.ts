import { PassThrough } from 'node:stream';
import lspNode from 'vscode-languageserver/node.js';
import type { Message } from 'vscode-languageserver/node.js';
import { describe, expect, it } from 'vitest';
import { createMessageEncoder } from '../src/message-encoder.js';
import { StdioMessageWriter } from '../src/stdio-writer.js';

const { StreamMessageWriter } = lspNode;

const publication = (version: number, messages: string[]): Message =>
  ({
    jsonrpc: '2.0',
    method: 'textDocument/publishDiagnostics',
    params: {
      uri: 'file:///r.md',
      version,
      diagnostics: messages.map((message, index) => ({
        range: { start: { line: index, character: 0 }, end: { line: index, character: 2 } },
        severity: 2,
        code: 'style/domain-typo',
        source: 'fzlint',
        message,
        data: { version, index },
      })),
    },
  }) as Message;

const messages: Message[] = [
  { jsonrpc: '2.0', id: 1, result: { capabilities: { textDocumentSync: 2 } } } as Message,
  publication(2, ['法冶 → 法治', '"引号" \\ 与换行\n', '𠀀']),
  { jsonrpc: '2.0', method: 'window/logMessage', params: { type: 3, message: 'fzlint-timing {}' } } as Message,
  publication(3, ['法冶 → 法治', '𠀀', '新的']),
  publication(4, []),
];

/** Everything written to a stream by `write` for each message, in order. */
async function bytesOf(write: (stream: PassThrough) => (message: Message) => Promise<void>): Promise<Buffer> {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  const send = write(stream);
  // Not awaited one by one: the order of the calls is the order on the wire.
  await Promise.all(messages.map((m) => send(m)));
  return Buffer.concat(chunks);
}

describe('StdioMessageWriter', () => {
  it('writes the bytes the library writer writes with the same encoder, in the order of the calls', async () => {
    const ours = await bytesOf((stream) => {
      const writer = new StdioMessageWriter(stream, createMessageEncoder());
      return (m) => writer.write(m);
    });
    const library = await bytesOf((stream) => {
      const writer = new StreamMessageWriter(stream, { charset: 'utf-8', contentTypeEncoder: createMessageEncoder() });
      return (m) => writer.write(m);
    });
    expect(ours.equals(library)).toBe(true);
    // And each body is JSON.stringify's: header then body, message after message.
    let at = 0;
    for (const m of messages) {
      const body = Buffer.from(JSON.stringify(m), 'utf-8');
      const header = Buffer.from(`Content-Length: ${body.byteLength}\r\n\r\n`, 'ascii');
      expect(ours.subarray(at, at + header.length).equals(header)).toBe(true);
      expect(ours.subarray(at + header.length, at + header.length + body.length).equals(body)).toBe(true);
      at += header.length + body.length;
    }
    expect(at).toBe(ours.length);
  });

  it('writes header and body in one write', async () => {
    const stream = new PassThrough();
    const writes: number[] = [];
    const original = stream._writev?.bind(stream);
    // One `_writev` with both pieces (corked), or one `_write` per piece without it.
    stream._writev = (chunks, callback) => {
      writes.push(chunks.length);
      return original ? original(chunks, callback) : callback();
    };
    const writer = new StdioMessageWriter(stream, createMessageEncoder());
    await writer.write(publication(2, ['法冶']));
    expect(writes).toEqual([2]);
  });

  it('rejects and reports a write that fails, with the message and a count', async () => {
    const stream = new PassThrough({
      write: (_chunk, _encoding, callback) => callback(new Error('EPIPE')),
      writev: (_chunks, callback) => callback(new Error('EPIPE')),
    });
    stream.on('error', () => undefined);
    const writer = new StdioMessageWriter(stream, createMessageEncoder());
    const errors: [Error, Message | undefined, number | undefined][] = [];
    writer.onError((e) => errors.push(e));
    const message = publication(2, ['法冶']);
    await expect(writer.write(message)).rejects.toThrow('EPIPE');
    expect(errors.some(([error, m, count]) => error.message === 'EPIPE' && m === message && count === 1)).toBe(true);
  });

  it('rejects a message that cannot be encoded, and writes nothing for it', async () => {
    const stream = new PassThrough();
    const chunks: Buffer[] = [];
    stream.on('data', (c: Buffer) => chunks.push(c));
    const writer = new StdioMessageWriter(stream, createMessageEncoder());
    const errors: unknown[] = [];
    writer.onError((e) => errors.push(e));
    const circular: Record<string, unknown> = { jsonrpc: '2.0', method: 'x' };
    circular.params = circular;
    await expect(writer.write(circular as unknown as Message)).rejects.toThrow();
    expect(errors).toHaveLength(1);
    await writer.write(publication(2, []));
    expect(Buffer.concat(chunks).toString('utf8')).toBe(`Content-Length: ${JSON.stringify(publication(2, [])).length}\r\n\r\n${JSON.stringify(publication(2, []))}`);
  });
});
