import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { createMessageEncoder, writesAs, written } from '../src/message-encoder.js';

/** What vscode-jsonrpc's default encoder writes. */
const plain = (message: unknown): Buffer => Buffer.from(JSON.stringify(message, undefined, 0), 'utf-8');

const encode = async (encoder: ReturnType<typeof createMessageEncoder>, message: unknown): Promise<Buffer> =>
  Buffer.from(await encoder.encode(message, { charset: 'utf-8' }));

/** {@link encode}, counting the calls of `JSON.stringify` it makes (each one a message or a diagnostic written afresh). */
const encodeCountingStringify = async (
  encoder: ReturnType<typeof createMessageEncoder>,
  message: unknown,
): Promise<{ bytes: Buffer; stringifyCalls: number }> => {
  const stringify = vi.spyOn(JSON, 'stringify');
  try {
    const bytes = await encode(encoder, message);
    return { bytes, stringifyCalls: stringify.mock.calls.length };
  } finally {
    stringify.mockRestore();
  }
};

const publication = (uri: string, version: number | undefined, diagnostics: unknown[]) => ({
  jsonrpc: '2.0',
  method: 'textDocument/publishDiagnostics',
  params: { uri, ...(version !== undefined ? { version } : {}), diagnostics },
});

const position = fc.record({ line: fc.nat({ max: 3 }), character: fc.nat({ max: 3 }) });
const range = fc.record({ start: position, end: position });
const message = fc.constantFrom('法冶', '重复段落', 'a "quoted" \\ line\nbreak', '\u0000', '𠀀', '');
/** LSP diagnostics as the server makes them, and some shapes it does not make (keys reordered, odd data). */
const diagnostic = fc.oneof(
  fc.record(
    {
      range,
      severity: fc.constantFrom(1, 2, 3),
      code: fc.constantFrom('style/domain-typo', 'continuity/copied-passage'),
      source: fc.constant('fzlint'),
      message,
      codeDescription: fc.record({ href: fc.constantFrom('https://x/a.md', 'https://x/b.md') }),
      relatedInformation: fc.array(fc.record({ location: fc.record({ uri: fc.constantFrom('file:///a.md', 'file:///b.md'), range }), message }), { maxLength: 2 }),
      tags: fc.constant([1]),
      data: fc.record({ version: fc.nat({ max: 5 }), index: fc.nat({ max: 5 }) }),
    },
    { requiredKeys: ['range', 'severity', 'code', 'source', 'message'] },
  ),
  fc.record({ message, range, data: fc.oneof(fc.record({ index: fc.nat(), version: fc.nat() }), fc.constant({ version: 1.5, index: 0 }), fc.constant(null)) }),
  fc.record({ data: fc.record({ version: fc.nat(), index: fc.nat() }) }),
  fc.constant({}),
  fc.record({ message, nested: fc.array(fc.oneof(fc.constant(undefined), fc.constant(Number.NaN), fc.constant(-0), fc.string())) }),
);

describe('createMessageEncoder', () => {
  it('writes every publication as the default encoder does, whatever was published before (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            uri: fc.constantFrom('file:///r.md', 'file:///s.md', 'file:///"\u0000fzlint-diagnostics\u0000".md'),
            version: fc.option(fc.nat({ max: 9 }), { nil: undefined }),
            diagnostics: fc.array(diagnostic, { maxLength: 8 }),
          }),
          { minLength: 1, maxLength: 8 },
        ),
        async (publications) => {
          const encoder = createMessageEncoder();
          for (const p of publications) {
            // The same diagnostics again (new objects) with new data: what a keystroke publishes.
            const again = structuredClone(p.diagnostics).map((d) =>
              typeof d === 'object' && d !== null && 'data' in d && typeof d.data === 'object' && d.data !== null && 'version' in d.data
                ? { ...d, data: { ...d.data, version: Number(d.data.version) + 1 } }
                : d,
            );
            for (const diagnostics of [p.diagnostics, again, structuredClone(again)]) {
              const m = publication(p.uri, p.version, diagnostics);
              expect((await encode(encoder, m)).toString('utf8')).toBe(plain(m).toString('utf8'));
            }
          }
        },
      ),
      { numRuns: 400, seed: 19 },
    );
  });

  it('writes a diagnostic changed in place (same object, new range) from its new value', async () => {
    const encoder = createMessageEncoder();
    const d = { range: { start: { line: 0, character: 1 }, end: { line: 0, character: 2 } }, message: '法冶', data: { version: 1, index: 0 } };
    const m = publication('file:///r.md', 1, [d]);
    expect(await encode(encoder, m)).toEqual(plain(m));
    d.range.start.character = 5;
    d.data = { version: 2, index: 0 };
    const n = publication('file:///r.md', 2, [d]);
    expect(await encode(encoder, n)).toEqual(plain(n));
  });

  /** A diagnostic as the server's `toLspDiagnostic` makes it, every optional key given. */
  const serverDiagnostic = (version: number, index: number) => ({
    range: { start: { line: 3, character: 1 }, end: { line: 3, character: 9 } },
    severity: 2,
    code: 'continuity/copied-passage',
    source: 'fzlint',
    message: '与去年报告重复',
    codeDescription: { href: 'https://x/copied-passage.md' },
    relatedInformation: [{ location: { uri: 'file:///last.md', range: { start: { line: 7, character: 0 }, end: { line: 7, character: 8 } } }, message: '去年' }],
    tags: [1],
    data: { version, index },
  });

  it('writes each field of a server-shaped diagnostic changed in place from its new value', async () => {
    const changes: ((d: ReturnType<typeof serverDiagnostic>) => void)[] = [
      (d) => (d.range.end.character = 10),
      (d) => (d.range.start = { line: 3, character: 2 }),
      (d) => (d.severity = 1),
      (d) => (d.code = 'style/wording'),
      (d) => (d.source = 'other'),
      (d) => (d.message = '与去年报告重复。'),
      (d) => (d.codeDescription.href = 'https://x/other.md'),
      (d) => (d.relatedInformation[0]!.location.range.start.character = 1),
      (d) => (d.relatedInformation[0]!.location.uri = 'file:///other.md'),
      (d) => (d.relatedInformation[0]!.message = '前年'),
      (d) => d.relatedInformation.push({ ...d.relatedInformation[0]! }),
      (d) => (d.tags[0] = 2),
      (d) => ((d as { severity?: number | undefined }).severity = undefined),
      (d) => ((d as { data: unknown }).data = { index: 0, version: 2 }),
      (d) => ((d as { data: unknown }).data = { version: 2.5, index: 0 }),
      (d) => Object.assign(d, { extra: true }),
    ];
    for (const change of changes) {
      const encoder = createMessageEncoder();
      const d = serverDiagnostic(1, 0);
      const m = publication('file:///r.md', 1, [d]);
      const first = await encode(encoder, m);
      expect(first).toEqual(plain(m));
      d.data.version = 2;
      change(d);
      const n = publication('file:///r.md', 2, [d]);
      const second = await encode(encoder, n);
      expect(second.toString('utf8')).toBe(plain(n).toString('utf8'));
      // The change shows (what reusing the first bytes would have written is not what was written).
      expect(second).not.toEqual(plain(publication('file:///r.md', 2, [serverDiagnostic(2, 0)])));
    }
  });

  it('reuses the bytes of a diagnostic written as before, whether the same object or an equal one', async () => {
    const encoder = createMessageEncoder();
    const kept = serverDiagnostic(1, 0);
    const m = publication('file:///r.md', 1, [kept, serverDiagnostic(1, 1)]);
    expect(await encode(encoder, m)).toEqual(plain(m));
    kept.data = { version: 2, index: 1 };
    const n = publication('file:///r.md', 2, [serverDiagnostic(2, 0), kept]);
    const { bytes, stringifyCalls } = await encodeCountingStringify(encoder, n);
    // The message around the diagnostics only: neither diagnostic is written again.
    expect(stringifyCalls).toBe(1);
    expect(bytes).toEqual(plain(n));
  });

  it('finds the diagnostics of the last publication in another order (looked up by message)', async () => {
    const encoder = createMessageEncoder();
    const made = (version: number) => Array.from({ length: 12 }, (_, i) => ({ ...serverDiagnostic(version, i), message: `第${i}处` }));
    const m = publication('file:///r.md', 1, made(1));
    expect(await encode(encoder, m)).toEqual(plain(m));
    const n = publication('file:///r.md', 2, made(2).reverse());
    const { bytes, stringifyCalls } = await encodeCountingStringify(encoder, n);
    // The message around them, and the first four not found just after the last one reused
    // (written afresh); the other eight are found by message.
    expect(stringifyCalls).toBe(5);
    expect(bytes).toEqual(plain(n));
  });

  it('writes a diagnostic with equal values in its own key order', async () => {
    const encoder = createMessageEncoder();
    const m = publication('file:///r.md', 1, [serverDiagnostic(1, 0)]);
    expect(await encode(encoder, m)).toEqual(plain(m));
    const { severity, message, data, ...rest } = serverDiagnostic(2, 0);
    for (const reordered of [
      { message, severity, ...rest, data },
      { ...rest, message, severity, data },
      { severity, message, data, ...rest },
      { ...serverDiagnostic(2, 0), range: { end: rest.range.end, start: rest.range.start } },
      { ...serverDiagnostic(2, 0), codeDescription: { href: rest.codeDescription.href, x: undefined } },
    ]) {
      const n = publication('file:///r.md', 2, [reordered]);
      expect((await encode(encoder, n)).toString('utf8')).toBe(plain(n).toString('utf8'));
    }
  });

  it('writes other messages, and other charsets, as the default encoder does', async () => {
    const encoder = createMessageEncoder();
    for (const m of [{ jsonrpc: '2.0', id: 1, result: { capabilities: { x: '法' } } }, { jsonrpc: '2.0', method: 'window/logMessage', params: { type: 3, message: 'ok' } }, publication('file:///r.md', 1, [])]) {
      expect(await encode(encoder, m)).toEqual(plain(m));
    }
    const m = publication('file:///r.md', 1, [{ message: 'é' }]);
    expect(Buffer.from(await encoder.encode(m, { charset: 'latin1' }))).toEqual(Buffer.from(JSON.stringify(m), 'latin1'));
  });

  it('rejects what JSON.stringify throws on', async () => {
    const encoder = createMessageEncoder();
    await expect(encoder.encode(publication('file:///r.md', 1, [{ message: 1n }]), { charset: 'utf-8' })).rejects.toThrow();
  });
});

describe('writesAs', () => {
  it('holds when the JSON texts are equal, for key order too', () => {
    const w = (v: unknown) => written(JSON.parse(JSON.stringify(v)));
    expect(writesAs(w({ a: 1, b: [1, { c: 'x' }] }), { a: 1, b: [1, { c: 'x' }] })).toBe(true);
    expect(writesAs(w({ a: 1, b: 2 }), { b: 2, a: 1 })).toBe(false);
    expect(writesAs(w([1, 2]), { 0: 1, 1: 2 })).toBe(false);
    expect(writesAs(w({ a: 1 }), { a: 1, b: undefined })).toBe(false);
    expect(writesAs(w({ a: 1 }), { a: 1, data: 3 }, 'data')).toBe(true);
    expect(writesAs(w({ a: 1 }), { a: 1 }, 'data')).toBe(false);
    expect(writesAs(w({ toJSON: 1 }), { toJSON: 1 })).toBe(false);
  });
});
