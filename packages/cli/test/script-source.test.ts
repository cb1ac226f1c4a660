/**
 * The bundle's source transform (scripts/script-source.mjs): dynamic `import(` routed
 * to the loader, and every non-ASCII character escaped without changing what the
 * code means — checked by running the code before and after.
 */
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { decode, encode } from '@jridgewell/sourcemap-codec';
import { escapeNonAscii, scriptSource, shiftMappings, type SourceEdit } from '../scripts/script-source.mjs';

const ascii = (text: string) => !/[^\x00-\x7f]/.test(text);
/** Evaluates an expression in a fresh context (with the given globals). */
const evaluate = (code: string, globals: Record<string, unknown> = {}): unknown => runInNewContext(code, { ...globals });

/** Regular expressions as written in the rules and ontology, and their awkward cases. */
const REGEXPS = [
  String.raw`/^[一二三四五六七八九十]{1,3}\s*[、．.]/`,
  String.raw`/^[（(]\s*[0-9０-９]{1,2}\s*[）)]/`,
  String.raw`/(?:新修订|修订后)的?[ \t\u3000]*《?$|(?<![\p{Script=Han}])新《$/u`,
  String.raw`/[。！？；!?;]/g`,
  // An escaped non-ASCII character (an identity escape without /u).
  String.raw`/\年\\度/`,
  // Astral characters: one code point under /u, two units without.
  String.raw`/😀+/`,
  String.raw`/[😀]/u`,
  String.raw`/😀{2}/u`,
];
const SAMPLES = ['一、总体', '（3）', '（十二）', '新修订的《', '贯彻新《', '年\\度', '年度', '😀😀', '😀\uDE00', '😀', 'a。b', '\uD83D'];

describe('scriptSource', () => {
  it('escapes regular expressions into ASCII that matches exactly the same', () => {
    for (const literal of REGEXPS) {
      const escaped = scriptSource(`(${literal})`);
      expect(ascii(escaped), escaped).toBe(true);
      const before = evaluate(literal) as RegExp;
      const after = evaluate(escaped) as RegExp;
      expect(after.flags).toBe(before.flags);
      for (const sample of SAMPLES) expect([literal, sample, sample.match(after)]).toEqual([literal, sample, sample.match(before)]);
    }
  });

  it('escapes String.raw templates and keeps their value, substitutions and escapes', () => {
    const code = 'String.raw`(?:19|20)\\d{2}年${y}[〇零一]{4}\\年\\\\度`';
    const escaped = scriptSource(code);
    expect(ascii(escaped)).toBe(true);
    expect(evaluate(escaped, { y: 'Y' })).toBe(evaluate(code, { y: 'Y' }));
    // Nested templates and braces inside substitutions.
    const nested = 'String.raw`年${[1].map((n) => `${n}月`).join("")}日${{ a: 1 }.a}`';
    expect(evaluate(scriptSource(nested))).toBe(evaluate(nested));
    expect(ascii(scriptSource(nested))).toBe(true);
  });

  it('leaves another tag alone (the bundle is then read as UTF-8)', () => {
    const code = 'tag`年${1}`';
    expect(scriptSource(code)).toBe(code);
  });

  it('escapes comments, and leaves strings and ASCII code as they are', () => {
    const code = 'const a = "\\u5E74"; /* 注释 */ const b = 1; // 行注释\nconst c = `x${a}`;';
    const escaped = scriptSource(code);
    expect(ascii(escaped)).toBe(true);
    expect(escaped.replace(/\/\*.*?\*\/|\/\/[^\n]*/g, '')).toBe(code.replace(/\/\*.*?\*\/|\/\/[^\n]*/g, ''));
  });

  it('routes import( calls to the loader, not a property named import or the text "import("', () => {
    const code = 'const m = import("x"); const n = await0.import(1); const s = "import(y)"; const t = a?.import(2);';
    expect(scriptSource(code)).toBe('const m = __fzlint_import("x"); const n = await0.import(1); const s = "import(y)"; const t = a?.import(2);');
  });
});

describe('escapeNonAscii', () => {
  it('writes a surrogate pair as two escapes and keeps ASCII escapes', () => {
    expect(escapeNonAscii('/😀\\d/', true)).toBe('/\\uD83D\\uDE00\\d/');
    expect(escapeNonAscii('年\\`', false)).toBe('${"\\u5E74"}\\`');
  });
});

describe('shiftMappings', () => {
  /** A map with one segment at each given generated position (line, column), source line = its index. */
  const mappingsAt = (positions: [number, number][]) => {
    const lines: [number, number, number, number][][] = [];
    positions.forEach(([line, column], i) => {
      while (lines.length <= line) lines.push([]);
      lines[line]!.push([column, 0, i, 0]);
    });
    return encode(lines);
  };
  /** Each segment's generated (line, column) after the shift. */
  const positionsOf = (mappings: string) => decode(mappings).flatMap((segments, line) => segments.map((s) => [line, s[0]] as [number, number]));
  /** Where `needle` (the n-th occurrence) sits in `text`, as (line, column). */
  const find = (text: string, needle: string, nth = 0): [number, number] => {
    let at = -1;
    for (let i = 0; i <= nth; i++) at = text.indexOf(needle, at + 1);
    expect(at, needle).toBeGreaterThanOrEqual(0);
    const line = text.slice(0, at).split('\n').length - 1;
    return [line, at - (text.lastIndexOf('\n', at - 1) + 1)];
  };

  it('moves every position after an escape by the escape\'s growth, on its own line only', () => {
    const code = '"use strict";var a=/年度/.test(x);function b(){return /[、．]/}\nvar c=`${d}`;/* 注 */function e(){}\nvar f=1;';
    const needles = ['var a', '.test', 'function b', 'return', 'var c', 'function e', 'var f'];
    const edits: SourceEdit[] = [];
    const out = scriptSource(code, edits);
    expect(edits.length).toBe(3);
    const shifted = positionsOf(shiftMappings(mappingsAt(needles.map((n) => find(code, n))), code, out, edits));
    expect(shifted).toEqual(needles.map((n) => find(out, n)));
  });

  it('adds the head written before the output on the first line only', () => {
    const code = 'var a=/年/;\nvar b=/度/;';
    const edits: SourceEdit[] = [];
    const out = scriptSource(code, edits);
    const head = '/* head */(function () {';
    const shifted = positionsOf(shiftMappings(mappingsAt([find(code, 'var a'), find(code, 'var b')]), code, out, edits, head.length));
    expect(shifted).toEqual([find(head + out, 'var a'), find(head + out, 'var b')]);
  });

  it('maps a position inside a replaced token to the token\'s start, and one in a token across lines to its line\'s start', () => {
    const code = 'x=String.raw`一\n二`+/三/;y=1;';
    const edits: SourceEdit[] = [];
    const out = scriptSource(code, edits);
    const shifted = positionsOf(shiftMappings(mappingsAt([find(code, '二'), find(code, '三'), find(code, 'y=1')]), code, out, edits));
    expect(shifted[0]).toEqual([1, 0]);
    expect(shifted[1]).toEqual(find(out, '/\\u4E09/'));
    expect(shifted[2]).toEqual(find(out, 'y=1'));
  });
});
