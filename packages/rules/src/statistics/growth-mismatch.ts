import { defineRule } from '@fzlint/rule-api';
import { formatNumber, formatPercent, OUT_OF_RANGE } from './format.js';
import type { ChangeComparison } from './figures.js';
import { figureLedger } from './figures.js';
import { precisionOf } from './mentions.js';
import { rateAgreesWithin } from './rate-mismatch.js';

/** What the two figures of a change give, and whether the stated change may stand for it. */
export interface ChangeCheck {
  readonly agrees: boolean;
  /** The change the figures give, in the stated form (42.17 for +42.17 %, 3 for 3 个百分点, 1.42 for 1.42 倍). */
  readonly computed: number;
  /** The direction the figures give. */
  readonly direction: 'up' | 'down' | 'none';
}

/**
 * Checks a stated change against its two figures, with the rounding rules of
 * `rate-mismatch` (the stated digits may be rounded or truncated; figures rounded to
 * 万 give a range). Relative changes are (current − base) / base; differences of rates
 * (个百分点) are current − base; a 倍 figure is current / base — 增长3倍 accepted as 3
 * or 4 times (see the rule's page), 是上年的3倍 as 3 times; a difference of counts
 * (较上年增加38件) is current − base. Undefined when the figures cannot give a change
 * (a zero or approximate base). When the sentence has other figures the change may be about
 * (`alternatives`), a change any of them fits is not contradicted.
 */
export function checkChange(c: ChangeComparison): ChangeCheck | undefined {
  const { change, current } = c;
  if (!change.exact || current.approximation !== undefined) return undefined;
  const check = checkFigures(c, current.value, current.precision);
  // Another figure of the sentence the change fits: the reading is not sure, no finding.
  if (check && !check.agrees && c.alternatives.some((a) => checkFigures(c, a.value, a.precision)?.agrees)) return { ...check, agrees: true };
  return check;
}

/** `checkChange` for one reading of this period's figure. */
function checkFigures(c: ChangeComparison, S: number, ps: number): ChangeCheck | undefined {
  const { change, base } = c;
  const B = base.value;
  const pb = base.precision;
  const stated = change.value;
  const decimals = change.decimals;
  const up = change.direction === 'up';
  const diff = S - B;
  const direction = diff > ps + pb ? 'up' : diff < -(ps + pb) ? 'down' : 'none';
  switch (change.form) {
    case 'percent': {
      if (!(B - pb > 0)) return undefined;
      const rMin = (S - ps) / (B + pb);
      const rMax = (S + ps) / (B - pb);
      const min = up ? (rMin - 1) * 100 : (1 - rMax) * 100;
      const max = up ? (rMax - 1) * 100 : (1 - rMin) * 100;
      const computed = (up ? S / B - 1 : 1 - S / B) * 100;
      return { agrees: rateAgreesWithin(stated, decimals, min, max), computed: Math.abs(computed), direction };
    }
    case 'points': {
      const tolerance = ps + pb;
      const signed = up ? diff : -diff;
      return { agrees: rateAgreesWithin(stated, decimals, signed - tolerance, signed + tolerance), computed: Math.abs(diff), direction };
    }
    case 'times': {
      if (!(B - pb > 0)) return undefined;
      const rMin = (S - ps) / (B + pb);
      const rMax = (S + ps) / (B - pb);
      const ratio = S / B;
      const asMultiple = rateAgreesWithin(stated, decimals, rMin, rMax);
      // 增长3倍: strictly 4 times the old figure, often written for 3 times: both readings pass.
      const asIncrease = change.times === 'by' && rateAgreesWithin(stated, decimals, rMin - 1, rMax - 1);
      return { agrees: asMultiple || asIncrease, computed: ratio, direction };
    }
    case 'difference': {
      const tolerance = ps + pb + precisionOf(change.number);
      const signed = up ? diff : -diff;
      return { agrees: Math.abs(signed - stated) <= tolerance + 1e-9, computed: Math.abs(diff), direction };
    }
  }
}

/**
 * A stated change — 同比/环比/较上年 增长/下降/提高/减少 X%, X个百分点, 增长X倍 /
 * 是上年的X倍, 较上年增加X件 — that the two figures it compares contradict, when both
 * are in the text: this period's figure right before the change in its sentence, and
 * the other period's figure in the same sentence (上年为90件, 较上年的90件, 由90件增至
 * 128件) or stated for the same key and period in the same section (上年受理90件).
 *
 * 倍: 增长/增加/提高 X倍 strictly means the new figure is X + 1 times the old one, and
 * many reports write it for X times; both readings are accepted, and only a figure that
 * fits neither is reported. 是上年的X倍, 为…的X倍, 增长到/增至X倍 mean X times.
 * A base found outside the change's own sentence gives a warning, not an error: the
 * two statements may differ in a way the text does not say.
 */
export const rule = defineRule({
  meta: {
    id: 'statistics/growth-mismatch',
    family: 'statistics',
    defaultSeverity: 'error',
    fixable: false,
    scope: 'document',
    description: {
      'zh-CN': '同比、较上年等增减幅度应与其比较的本期数和上期数一致（允许按所写位数四舍五入或截断）。',
      en: 'A stated change (year on year, against last year) must agree with the two figures it compares, within the rounding its digits allow.',
    },
    messages: {
      mismatch: {
        'zh-CN': '“{{change}}”与所比较的两个数不符：按本期{{current}}、上期{{base}}计算应为{{computed}}。',
        en: '“{{change}}” disagrees with the figures it compares: {{current}} against {{base}} gives {{computedEn}}.',
      },
      currentHere: {
        'zh-CN': '本期数（{{current}}）',
        en: 'this period ({{current}})',
      },
      baseHere: {
        'zh-CN': '上期数（{{base}}）',
        en: 'the period compared with ({{base}})',
      },
    },
  },
  check(document, context) {
    for (const comparison of figureLedger(document, context.analysisCache).changes) {
      const check = checkChange(comparison);
      if (!check || check.agrees) continue;
      const { change, current, base } = comparison;
      const computed = computedText(comparison, check);
      const data = {
        change: comparison.statement.text.trim(),
        current: current.text.trim(),
        base: base.text,
        computed: computed.zh,
        computedEn: computed.en,
      };
      context.report({
        messageId: 'mismatch',
        ...(comparison.inline ? {} : { severity: 'warn' as const }),
        range: change.range,
        data,
        related: [
          { range: current.range, messageId: 'currentHere', data },
          { range: base.range, messageId: 'baseHere', data },
        ],
      });
    }
  },
});

/** The change the figures give, in the stated form, in words (增长42.22%, 提高3个百分点, 1.42倍, 增加38件). */
function computedText(c: ChangeComparison, check: ChangeCheck): { zh: string; en: string } {
  const { change } = c;
  const upWord = change.form === 'points' ? '提高' : change.form === 'difference' ? '增加' : '增长';
  const downWord = change.form === 'points' ? '下降' : change.form === 'difference' ? '减少' : '下降';
  const word = check.direction === 'down' ? downWord : check.direction === 'up' ? upWord : '';
  const wordEn = check.direction === 'down' ? 'a fall of ' : check.direction === 'up' ? 'a rise of ' : '';
  const unit = change.number.unit ?? '';
  switch (change.form) {
    case 'percent': {
      const p = formatPercent(check.computed, change.decimals);
      return check.direction === 'none' ? { zh: '持平（0%）', en: 'no change (0%)' } : { zh: `${word}${p}`, en: `${wordEn}${p}` };
    }
    case 'points': {
      const v = formatNumber(Math.round(check.computed * 1e4) / 1e4);
      return check.direction === 'none' ? { zh: '持平', en: 'no change' } : { zh: `${word}${v}个百分点`, en: `${wordEn}${v} percentage points` };
    }
    case 'times': {
      const v = Number.isFinite(check.computed) ? check.computed.toFixed(2) : OUT_OF_RANGE;
      return { zh: `上期的${v}倍`, en: `${v} times the other figure` };
    }
    case 'difference': {
      const v = formatNumber(check.computed);
      return check.direction === 'none' ? { zh: '持平', en: 'no change' } : { zh: `${word}${v}${unit}`, en: `${wordEn}${v}${unit}` };
    }
  }
}

export default rule;
