import { defineRule } from '@fzlint/rule-api';
import { compatible, describeYearFigure, sameMeasure, yearFigures, type YearFigure } from './figures.js';

type MessageId = 'restated' | 'stated';

/** Last year's statements of one object beyond which the object is not compared. */
const MAX_STATEMENTS = 32;

/**
 * A figure this year's report gives for last year (上年受理行政复议案件98件, 较上年的
 * 98件, 2022年全县受理98件) that last year's report stated differently for its own
 * year: the same metric key of the figures ledger (object and its qualifier, measure,
 * verb sense, unit; the report's own scope and its whole area meet, other scopes must be
 * equal), the period aside. Error when both are exact (both cannot be right), warning
 * when one is approximate (近100件) and the bounds still cannot meet. A figure last
 * year's report gives several different values for is ambiguous and left alone.
 * Silent without last year's report.
 */
export const rule = defineRule<MessageId>({
  meta: {
    id: 'continuity/restated-figure',
    family: 'continuity',
    defaultSeverity: 'error',
    description: {
      'zh-CN': '本年度报告引用的上年数字应与上年度报告所载一致',
      en: "A figure this year's report gives for last year must match what last year's report stated",
    },
    fixable: false,
    scope: 'document',
    messages: {
      restated: {
        'zh-CN': '本报告写上年{{what}}为{{restated}}，而上年度报告（第{{line}}行）所载为{{stated}}。请核对，以准确的数字为准。',
        en: "This report gives last year's {{whatEn}} as {{restated}}, but last year's report stated {{stated}} (line {{line}}). Check which is right.",
      },
      stated: {
        'zh-CN': '上年度报告所载：{{stated}}',
        en: "Stated in last year's report: {{stated}}",
      },
    },
    defaultOptions: {},
  },
  check(document, context) {
    const previous = context.previous;
    if (!previous) return;
    const year = context.settings.reportYear;
    const prevFact = previous.document.reportYear;
    // Without both years there is no knowing which figures are "last year's".
    if (year === undefined || !prevFact || prevFact.assumed) return;
    const previousYear = prevFact.value;
    // Last year's report must be about an earlier year; for a report two years back only
    // figures written with that year (2021年……) are about it, which `yearFigures` resolves.
    if (previousYear >= year) return;
    const stated = yearFigures(previous.document, previousYear).filter((f) => f.year === previousYear);
    if (stated.length === 0) return;
    const byObject = new Map<string, YearFigure[]>();
    for (const f of stated) {
      let list = byObject.get(f.key.object);
      if (!list) byObject.set(f.key.object, (list = []));
      list.push(f);
    }
    // An object last year's report counts this often is a list (各镇…件), not one figure to restate;
    // leaving it out also bounds the comparisons per figure.
    for (const [object, list] of byObject) if (list.length > MAX_STATEMENTS) byObject.delete(object);
    for (const restated of yearFigures(document, year, context.analysisCache)) {
      if (restated.year !== previousYear) continue;
      const candidates = (byObject.get(restated.key.object) ?? []).filter((f) => sameMeasure(restated, f));
      if (candidates.length === 0 || candidates.some((f) => compatible(restated, f))) continue;
      // Several different values for one measure: which one is meant cannot be told.
      if (new Set(candidates.map((f) => f.value)).size > 1) continue;
      const source = candidates[0]!;
      const bothExact = restated.exact && source.exact;
      const what = describeYearFigure(source);
      const data = {
        what: what.zh,
        whatEn: what.en,
        restated: restated.raw.trim(),
        stated: source.raw.trim(),
        line: previous.document.lineIndex.positionAt(source.range.start).line,
      };
      context.report({
        messageId: 'restated',
        severity: bothExact ? 'error' : 'warn',
        data,
        range: restated.range,
        related: [{ in: 'previous', range: source.range, messageId: 'stated', data: { stated: source.raw.trim() } }],
      });
    }
  },
});

export default rule;
