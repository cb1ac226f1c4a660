/**
 * Report skeletons: the headings of the contents 《法治政府建设与责任落实督察工作规定》 requires,
 * for a report year. Used by the "insert missing section" code action and by the extension's
 * "Insert Report Skeleton" command (this module imports nothing from the LSP libraries).
 */
import { conceptById, concepts, type ConceptId } from '@fzlint/ontology';

/** The contents in the order a report presents them (the regulation's order, from the ontology). */
export const CONCEPT_ORDER: readonly ConceptId[] = concepts.map((c) => c.id);

const PLACEHOLDER = { 'zh-CN': '（在此填写）', en: '(write here)' } as const;
const LEADING_NUMBERING = /^[一二三四五六七八九十]+、/u;
const CHINESE_NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** Whether a concept id is one of the report contents. */
export function isConceptId(value: unknown): value is ConceptId {
  return typeof value === 'string' && (CONCEPT_ORDER as readonly string[]).includes(value);
}

/** Whether the regulation requires a content. */
export function isRequiredConcept(concept: ConceptId): boolean {
  return conceptById[concept].required;
}

/** The heading text of a content for a report year (`2023年推进法治政府建设的主要举措和成效`). */
export function skeletonHeading(concept: ConceptId, year: number): string {
  const template = conceptById[concept].skeletonHeading;
  // The ontology's templates may carry their canonical numbering (二、…); numbering is added by position here.
  return template
    .replace(LEADING_NUMBERING, '')
    .replaceAll('{year}', String(year))
    .replaceAll('{nextYear}', String(year + 1));
}

/** One section: heading line (Markdown `##` or plain) and a placeholder line. */
export function sectionText(
  concept: ConceptId,
  year: number,
  format: 'markdown' | 'plaintext',
  locale: 'zh-CN' | 'en',
  numeral?: number,
): string {
  const numbering = numeral !== undefined ? `${CHINESE_NUMERALS[numeral - 1] ?? String(numeral)}、` : '';
  const heading = `${numbering}${skeletonHeading(concept, year)}`;
  return `${format === 'markdown' ? '## ' : ''}${heading}\n\n${PLACEHOLDER[locale]}\n`;
}

/**
 * A whole report template: title and the four required contents, numbered 一、二、三、四、.
 * `issuer` fills the title (`XX市人民政府`).
 */
export function reportSkeleton(
  year: number,
  format: 'markdown' | 'plaintext',
  locale: 'zh-CN' | 'en' = 'zh-CN',
  issuer = 'XX',
): string {
  const title = `${issuer}${year}年法治政府建设年度报告`;
  const parts = [`${format === 'markdown' ? '# ' : ''}${title}\n`];
  let n = 0;
  for (const concept of CONCEPT_ORDER) {
    if (!isRequiredConcept(concept)) continue;
    n++;
    parts.push(sectionText(concept, year, format, locale, n));
  }
  return parts.join('\n');
}
