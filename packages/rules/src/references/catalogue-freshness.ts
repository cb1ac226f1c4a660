import { CATALOGUE_REVIEWED } from '@fzlint/ontology';
import { defineRule } from '@fzlint/rule-api';
import { formatIsoEn, formatIsoZh, isoOf } from './dates.js';
import { datesKnown } from './judge.js';
import { referenceDates } from './match.js';
import { DEFAULT_GRACE_MONTHS, staleCatalogue } from './freshness.js';

type MessageId = 'stale';

/** Options: the review date of the catalogue in use (a team that keeps its own), and the grace. */
export interface FreshnessOptions {
  readonly reviewed?: string;
  readonly graceMonths?: number;
}

/**
 * The catalogue says when it was last reviewed (`CATALOGUE_REVIEWED`). A report
 * written more than a few months (6 by default) after that date gets one info at its
 * title: laws revised, policies issued and bodies renamed after the review could not
 * be judged — a silent references/ family is then no proof that the references are
 * current. Not reported when the report cannot be dated. A team that keeps its own
 * catalogue entries current sets `reviewed` to their review date.
 */
export const rule = defineRule<MessageId, FreshnessOptions>({
  meta: {
    id: 'references/catalogue-freshness',
    family: 'references',
    defaultSeverity: 'info',
    description: {
      'zh-CN': '报告成稿时间远在时效目录核对日期之后，此后的变化未能判断',
      en: 'The report was written well after the catalogue was last reviewed; later changes could not be judged',
    },
    fixable: false,
    scope: 'document',
    messages: {
      stale: {
        'zh-CN': '时效目录最后核对于{{reviewed}}，本报告成稿于{{writing}}：此后发布、修改或废止的法律、政策和机构名称未能判断，请另行核对引用是否现行。',
        en: 'The catalogue was last reviewed on {{reviewedEn}} and this report was written on {{writingEn}}: laws, policies and names changed since could not be judged; check the references yourself.',
      },
    },
    optionsSchema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        reviewed: { type: 'string', pattern: '^\\d{4}(-\\d{2}(-\\d{2})?)?$', description: '目录核对日期 / The catalogue’s review date.' },
        graceMonths: { type: 'integer', minimum: 0, maximum: 60, description: '宽限月数 / Months of grace after it.' },
      },
    },
    defaultOptions: { graceMonths: DEFAULT_GRACE_MONTHS },
  },
  check(document, context) {
    if (!datesKnown(document, context.settings)) return;
    const reviewed = context.options.reviewed ?? CATALOGUE_REVIEWED;
    const { writing } = referenceDates(context.settings);
    const stale = staleCatalogue(writing, reviewed, context.options.graceMonths ?? DEFAULT_GRACE_MONTHS);
    if (!stale) return;
    const range = document.title?.range ?? document.sentences[0]?.range ?? { start: document.bodyRange.start, end: document.bodyRange.start };
    const writingIso = isoOf(context.settings.writingDate!);
    context.report({
      messageId: 'stale',
      data: { reviewed: formatIsoZh(stale), reviewedEn: formatIsoEn(stale), writing: formatIsoZh(writingIso), writingEn: formatIsoEn(writingIso) },
      range,
    });
  },
});

export default rule;
