import { versionCitation, versionLabel, type LawVersion } from '@fzlint/ontology';
import { defineRule, type Fix } from '@fzlint/rule-api';
import { formatIsoEn, formatIsoZh } from './dates.js';
import { datesKnown, shownText } from './judge.js';
import { analyzeVersions, judgeVersion, staleNew, type VersionCitation } from './versions.js';

type MessageId = 'outdated' | 'outdatedInPlan' | 'replacedDuringYear' | 'replacedAfterYear' | 'notNew' | 'useCurrent';

/** The text that names `version` in place of what the citation wrote. */
function labelFor(c: VersionCitation, version: LawVersion): string | undefined {
  const label = versionLabel(version);
  if (!label || !c.year) return undefined;
  if (c.form === 'edition') return `${label.slice(0, 5)}版`;
  return label;
}

/** The edit that writes the version in force instead of the cited one. */
export function currentVersionFix(c: VersionCitation, current: LawVersion): Fix | undefined {
  if (!c.labelRange) return undefined;
  const text = labelFor(c, current);
  return text ? { range: c.labelRange, text } : undefined;
}

/**
 * A law or regulation cited by a version that had been replaced when the report was
 * written: 《行政处罚法》（2017年修正） after the 2021 revision took effect, 2017年版,
 * 2017年修正的行政处罚法 — judged on the report year and writing date like the other
 * references rules. The message names the version in force; where that version's dates
 * are all confirmed, a warning or error gets a fix writing it (an info, where the year
 * was wholly or partly under the cited version, gets the same edit as a suggestion).
 * “新修订的X” two or more years after the newest version took effect: info.
 * Not findings: the current version, 修改前的X / 原X (the old version named on purpose),
 * a generic name (it means the version in force), another document's title. A year that
 * names no version, or the wrong kind, is references/malformed-citation's; a law repealed
 * as a whole (the ten environmental laws after 2026-08-15) is references/outdated-policy's.
 */
export const rule = defineRule<MessageId>({
  meta: {
    id: 'references/outdated-law-version',
    family: 'references',
    // The ceiling: findings carry their own severity (error only in the next-year plan).
    defaultSeverity: 'error',
    description: {
      'zh-CN': '引用已被新版本取代的法律法规版本',
      en: 'Cites a version of a law or regulation that had been replaced by a newer one',
    },
    fixable: true,
    scope: 'sentence',
    hasSuggestions: true,
    messages: {
      outdated: {
        'zh-CN': '「{{text}}」引用的{{cited}}自{{since}}起已被{{next}}取代，现行为{{current}}。',
        en: '“{{text}}” cites {{cited}}, replaced by {{next}} since {{sinceEn}}; the version in force is {{current}}.',
      },
      outdatedInPlan: {
        'zh-CN': '下一年度工作安排引用了{{cited}}，该版本自{{since}}起已被取代，应依据{{current}}。',
        en: 'The next-year plan cites {{cited}}, replaced since {{sinceEn}}; cite {{current}}.',
      },
      replacedDuringYear: {
        'zh-CN': '「{{text}}」引用的{{cited}}在报告年度内（{{since}}）被{{next}}取代；若指现行依据，应为{{current}}。',
        en: '“{{text}}” cites {{cited}}, replaced by {{next}} during the report year ({{sinceEn}}); the version in force is {{current}}.',
      },
      replacedAfterYear: {
        'zh-CN': '「{{text}}」引用的{{cited}}在报告年度结束后（{{since}}）被{{next}}取代；成稿时现行为{{current}}。',
        en: '“{{text}}” cites {{cited}}, replaced by {{next}} after the report year ended ({{sinceEn}}); in force when written: {{current}}.',
      },
      notNew: {
        'zh-CN': '「{{text}}」：该法最近一次修改（{{version}}）已于{{since}}施行，到报告年度已不算“新”，宜写明版本「{{citation}}」。',
        en: '“{{text}}”: the latest amendment ({{version}}) took effect on {{sinceEn}}, no longer new in the report year; cite the version, {{citation}}.',
      },
      useCurrent: {
        'zh-CN': '改为「{{label}}」',
        en: 'Change to “{{label}}”',
      },
    },
  },
  check(document, context) {
    if (!datesKnown(document, context.settings)) return;
    const { citations, dates } = analyzeVersions(document, context.settings);
    for (let i = 0; i < citations.length; i++) {
      const c = citations[i]!;
      if (c.ref.historical && c.form !== 'new') continue;
      const text = shownText(c.form === 'bracket' || c.form === 'edition' ? `${c.ref.text}${c.versionText}` : `${c.versionText}${c.ref.text}`);
      if (c.form === 'new') {
        const version = staleNew(c, dates);
        if (!version || c.ref.inNextYearPlan) continue;
        const since = version.effective ?? version.adopted ?? '';
        const label = versionLabel(version);
        const fixes: Fix[] = [
          { range: c.versionRange, text: '' },
          { range: { start: c.nameEnd, end: c.nameEnd }, text: `（${label}）` },
        ];
        context.report({
          messageId: 'notNew',
          data: {
            text,
            version: label,
            since: formatIsoZh(since),
            sinceEn: formatIsoEn(since),
            citation: versionCitation(c.entry, version),
          },
          range: c.range,
          severity: 'info',
          suggestions: [{ messageId: 'useCurrent', data: { label: `（${label}）` }, fix: fixes }],
        });
        continue;
      }
      const judgement = judgeVersion(c, dates, c.ref.inNextYearPlan);
      if (!judgement || !c.version) continue;
      const since = judgement.next.effective ?? judgement.next.adopted ?? '';
      const current = judgement.current;
      const data = {
        text,
        cited: versionCitation(c.entry, c.version),
        next: versionLabel(judgement.next) || versionCitation(c.entry, judgement.next),
        since: formatIsoZh(since),
        sinceEn: formatIsoEn(since),
        current: current ? versionCitation(c.entry, current) : '（目录中暂无）',
      };
      const edit = current && judgement.sure ? currentVersionFix(c, current) : undefined;
      const asFix = edit !== undefined && judgement.severity !== 'info';
      context.report({
        messageId:
          judgement.when === 'plan'
            ? 'outdatedInPlan'
            : judgement.when === 'during-year'
              ? 'replacedDuringYear'
              : judgement.when === 'after-year'
                ? 'replacedAfterYear'
                : 'outdated',
        data,
        range: c.range,
        severity: judgement.severity,
        ...(asFix ? { fix: edit } : {}),
        ...(edit && !asFix ? { suggestions: [{ messageId: 'useCurrent' as const, data: { label: edit.text }, fix: edit }] } : {}),
      });
    }
  },
});

export default rule;
