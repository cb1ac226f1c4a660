/**
 * Property tests: for counts drawn at random and written the ways reports write
 * them (1436, 1,436, １４３６, 一千四百三十六), consistent statements pass and broken
 * ones are flagged by the right rule.
 */
import fc from 'fast-check';
import { parse } from '@fzlint/parser';
import { resolveSettings, runRule, type AnyRule } from '@fzlint/rule-api';
import { describe, expect, it } from 'vitest';
import concludedExceedsReceived from './concluded-exceeds-received.js';
import derivedTotalMismatch from './derived-total-mismatch.js';
import partsExceedTotal from './parts-exceed-total.js';
import rateMismatch from './rate-mismatch.js';

const DIGITS = '零一二三四五六七八九';

/** A Chinese numeral for 0 < n < 10000 (十五, 一百零六, 一千四百三十六). */
function chinese(n: number): string {
  const units = ['千', '百', '十', ''];
  const ds = String(n).padStart(4, '0').split('').map(Number);
  let out = '';
  let zero = false;
  ds.forEach((d, i) => {
    if (d === 0) {
      zero = out.length > 0;
      return;
    }
    if (zero) out += '零';
    zero = false;
    out += (d === 1 && i === 2 && out === '' ? '' : DIGITS[d]!) + units[i]!;
  });
  return out;
}

type Style = 'arabic' | 'thousands' | 'full-width' | 'chinese';
const write = (n: number, style: Style): string => {
  switch (style) {
    case 'arabic':
      return String(n);
    case 'thousands':
      return n.toLocaleString('en-US');
    case 'full-width':
      return String(n).replace(/[0-9]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
    case 'chinese':
      // The parser reads a lone 一 as a word (一件事), never as a count: write 1 in digits.
      return n < 2 ? String(n) : chinese(n);
  }
};

const style = fc.constantFrom<Style>('arabic', 'thousands', 'full-width', 'chinese');
const pair = fc.constantFrom(
  { received: '共收到行政复议案件', concluded: '审结', unit: '件' },
  { received: '全年受理信访件', concluded: '办结', unit: '件' },
  { received: '今年共排查安全隐患', concluded: '整改', unit: '条' },
  { received: '共收到政府信息公开申请', concluded: '答复', unit: '件' },
);
const comma = fc.constantFrom('，', ',');

function findings(rule: AnyRule, code: string): string[] {
  const document = parse(code, { format: 'plaintext' });
  return runRule(rule, document, { settings: resolveSettings(document) }).map((d) => d.messageId);
}

describe('statistics properties', () => {
  it('chinese() writes numerals the parser reads', () => {
    expect([15, 106, 1006, 1436, 2000, 10].map(chinese)).toEqual(['十五', '一百零六', '一千零六', '一千四百三十六', '二千', '十']);
  });

  it('concluded ≤ received passes, concluded > received is flagged', () => {
    fc.assert(
      fc.property(pair, fc.integer({ min: 1, max: 9999 }), fc.integer({ min: 0, max: 9999 }), style, style, comma, (p, r, c, s1, s2, sep) => {
        const code = `${p.received}${write(r, s1)}${p.unit}${sep}${p.concluded}${write(c === 0 ? 1 : c, s2)}${p.unit}。`;
        const concluded = c === 0 ? 1 : c;
        expect(findings(concludedExceedsReceived, code), code).toEqual(concluded > r ? ['exceeds'] : []);
      }),
      { numRuns: 150 },
    );
  });

  it('a rate written from its counts passes (rounded or truncated); moved by 9 points it is flagged', () => {
    fc.assert(
      fc.property(
        pair,
        fc.integer({ min: 1, max: 9999 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.integer({ min: 0, max: 2 }),
        fc.boolean(),
        style,
        (p, r, share, decimals, truncate, s) => {
          const c = Math.round(r * share);
          const exact = (c / r) * 100;
          const factor = 10 ** decimals;
          const stated = (truncate ? Math.floor(exact * factor + 1e-9) : Math.round(exact * factor)) / factor;
          const name = `${p.concluded}率`;
          const base = `${p.received}${write(r, s)}${p.unit}，${p.concluded}${write(c, 'arabic')}${p.unit}，${name}`;
          expect(findings(rateMismatch, `${base}${stated.toFixed(decimals)}%。`)).toEqual([]);
          const moved = stated >= 9 ? stated - 9 : stated + 9;
          expect(findings(rateMismatch, `${base}${moved.toFixed(decimals)}%。`)).toEqual(['mismatch']);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('parts within their total pass, parts above it are flagged', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 9999 }), fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 9999 }), style, (t, a, b, s) => {
        const code = `全面清理行政规范性文件${write(t, s)}件，其中废止${write(a || 1, s)}件、宣告失效${write(b || 1, s)}件。`;
        const sum = (a || 1) + (b || 1);
        expect(findings(partsExceedTotal, code), code).toEqual(sum > t ? ['exceeds'] : []);
      }),
      { numRuns: 150 },
    );
  });

  it('新增 − 注销 = 净增 passes, any other 净增 is flagged', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 99999 }), fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: -50, max: 50 }), (added, share, delta) => {
        const removed = Math.max(1, Math.floor(added * share));
        const net = added - removed + delta;
        const code = `我县市场主体新增${added}户，注销${removed}户，净增${net}户。`;
        expect(findings(derivedTotalMismatch, code), code).toEqual(delta !== 0 && net >= 0 ? ['netChange'] : []);
      }),
      { numRuns: 150 },
    );
  });
});
