import { versionInForce, versionLabel, type CatalogueKind, type LawVersion } from '@fzlint/ontology';
import type { Locale } from '@fzlint/rule-api';
import { formatIsoEn, formatIsoZh } from './dates.js';
import type { CatalogueReference, ReferenceStatus } from './match.js';

const KIND: Readonly<Record<CatalogueKind, { 'zh-CN': string; en: string }>> = {
  policy: { 'zh-CN': '政策文件', en: 'policy document' },
  law: { 'zh-CN': '法律法规', en: 'law or regulation' },
  'plan-period': { 'zh-CN': '五年规划时期', en: 'five-year plan period' },
  'pufa-period': { 'zh-CN': '普法规划时期', en: '普法 period' },
  congress: { 'zh-CN': '党代会 / 全会', en: 'Party congress / plenum' },
  organization: { 'zh-CN': '机构', en: 'body' },
  term: { 'zh-CN': '提法', en: 'term' },
  formula: { 'zh-CN': '规范提法', en: 'formula' },
  campaign: { 'zh-CN': '时段性工作', en: 'time-bound campaign' },
};

const VERSION_KIND_EN: Readonly<Record<LawVersion['kind'], string>> = { 制定: 'enacted', 修正: 'amended', 修订: 'revised', 废止: 'repealed' };

/** One line per version: 2021-01-22 修订，2021-07-15 施行（confirmed / confirmed）。 */
function versionLines(versions: readonly LawVersion[], inForce: LawVersion | undefined, zh: boolean, date: (iso: string | undefined) => string): string[] {
  return versions.map((v) => {
    const mark = v === inForce ? (zh ? '（成稿时施行）' : ' (in force when written)') : '';
    const kind = zh ? v.kind : VERSION_KIND_EN[v.kind];
    const adopted = v.adopted ? `${date(v.adopted)} ${kind}` : kind;
    const effective = zh ? `，${date(v.effective)} 施行` : `, in force ${date(v.effective)}`;
    return `  - ${adopted}${v.kind === '废止' ? (zh ? `，${date(v.effective)} 起` : ` from ${date(v.effective)}`) : effective}${mark} [${v.confidence} / ${v.effectiveConfidence}]`;
  });
}

const STATUS: Readonly<Record<ReferenceStatus, { 'zh-CN': string; en: string }>> = {
  current: { 'zh-CN': '成稿时现行', en: 'current on the writing date' },
  superseded: { 'zh-CN': '成稿时已不再现行', en: 'no longer current on the writing date' },
  'not-yet': { 'zh-CN': '成稿时尚未出现', en: 'did not exist yet on the writing date' },
  unknown: { 'zh-CN': '日期不详', en: 'dates unknown' },
};

/**
 * The hover text (Markdown) for a recognised reference: what the entry is, its
 * status on the writing date, its dates, successor, source and confidence. The
 * language server shows it; it has no LSP types.
 */
export function hoverText(ref: CatalogueReference, locale: Locale): string {
  const zh = locale === 'zh-CN';
  const date = (iso: string | undefined) => (iso ? (zh ? formatIsoZh(iso) : formatIsoEn(iso)) : '—');
  const { entry } = ref;
  const lines = [
    `**${entry.name}**（${KIND[entry.kind][locale]}）`,
    '',
    `- ${zh ? '状态' : 'Status'}: ${STATUS[ref.status][locale]}`,
    `- ${zh ? '起止' : 'Valid'}: ${date(entry.validFrom)} — ${date(entry.validUntil)}`,
  ];
  if (ref.successor) lines.push(`- ${zh ? '后继' : 'Successor'}: ${ref.successor.name}${entry.successorIsRename ? (zh ? '（更名）' : ' (renamed)') : ''}`);
  else if (entry.successorName) lines.push(`- ${zh ? '后继' : 'Successor'}: ${entry.successorName}`);
  if (entry.versions && entry.versions.length > 0) {
    const day = ref.writingDay;
    const inForce = day !== undefined ? versionInForce(entry, day) : undefined;
    if (inForce) lines.push(`- ${zh ? '成稿时施行的版本' : 'In force when written'}: ${versionLabel(inForce) || (zh ? '原始文本' : 'original text')}`);
    lines.push(`- ${zh ? '版本' : 'Versions'}:`, ...versionLines(entry.versions, inForce, zh, date));
  }
  if (entry.source) lines.push(`- ${zh ? '来源' : 'Source'}: ${entry.source}`);
  lines.push(`- ${zh ? '置信度' : 'Confidence'}: ${entry.confidence}`);
  if (entry.note) lines.push('', entry.note);
  if (ref.staleCatalogue) {
    lines.push(
      '',
      zh
        ? `> 目录最后核对于${date(ref.staleCatalogue)}，本报告成稿远在其后：此后发布、修改或废止的文件未能判断。`
        : `> The catalogue was last reviewed on ${date(ref.staleCatalogue)}, well before this report was written: documents issued, amended or repealed since could not be judged.`,
    );
  }
  return lines.join('\n');
}
