import type { CatalogueKind } from '@fzlint/ontology';
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
};

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
  if (entry.source) lines.push(`- ${zh ? '来源' : 'Source'}: ${entry.source}`);
  lines.push(`- ${zh ? '置信度' : 'Confidence'}: ${entry.confidence}`);
  if (entry.note) lines.push('', entry.note);
  return lines.join('\n');
}
