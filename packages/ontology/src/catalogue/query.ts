import { builtinCatalogue, CATALOGUE_REVIEWED } from './entries.js';
import { CATALOGUE_KINDS, type CatalogueConfidence, type CatalogueEntry, type CatalogueKind, type LawVersion } from './types.js';
import { firstDayOf, lastDayOf, versionInForce, versionLabel } from './versions.js';

/*
 * Catalogue look-ups for the front ends, free of any file system or editor type:
 * `fzlint catalogue [query]` lists and searches entries (`searchCatalogue`, printed by
 * `formatCatalogue` or as JSON), and the editor completes a 《 with the current full
 * titles of laws and policies and the version in force (`titleCompletions`).
 */

/** One version of a law, as listed. */
export interface ListedVersion {
  readonly kind: LawVersion['kind'];
  /** How it is cited in brackets (2021年修订); empty for the first enactment and a repeal. */
  readonly label: string;
  readonly adopted?: string;
  readonly effective?: string;
  readonly confidence: CatalogueConfidence;
  readonly effectiveConfidence: CatalogueConfidence;
  readonly cite?: string;
  readonly source?: string;
  readonly note?: string;
}

/** A catalogue entry as `fzlint catalogue` shows it. */
export interface CatalogueListing {
  readonly id: string;
  readonly kind: CatalogueKind;
  readonly name: string;
  readonly aliases: readonly string[];
  /** Start and end (ISO, as precise as checked). */
  readonly period: { readonly from?: string; readonly until?: string };
  /** Laws: every version, oldest first. */
  readonly versions?: readonly ListedVersion[];
  /** The entry or wording that replaced it. */
  readonly successor?: { readonly id?: string; readonly name: string; readonly rename: boolean };
  readonly source?: string;
  readonly confidence: CatalogueConfidence;
  readonly note?: string;
  readonly category?: string;
  readonly formerIds?: readonly string[];
}

/** Options of `searchCatalogue`. */
export interface SearchOptions {
  /** The catalogue to search (built-in by default; pass the merged one to include config entries). */
  readonly catalogue?: readonly CatalogueEntry[];
  /** Only these kinds. */
  readonly kinds?: readonly CatalogueKind[];
  readonly limit?: number;
}

/** Lower case, without 《》“”, brackets' width, spaces and the 中华人民共和国 prefix: what a search compares. */
function searchKey(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[《》〈〉“”"'‘’\s]/gu, '')
    .replace(/^中华人民共和国/u, '');
}

function listing(entry: CatalogueEntry, byId: ReadonlyMap<string, CatalogueEntry>): CatalogueListing {
  const successor = entry.successor ? byId.get(entry.successor) : undefined;
  return {
    id: entry.id,
    kind: entry.kind,
    name: entry.name,
    aliases: entry.aliases ?? [],
    period: { ...(entry.validFrom ? { from: entry.validFrom } : {}), ...(entry.validUntil ? { until: entry.validUntil } : {}) },
    ...(entry.versions
      ? {
          versions: entry.versions.map((v) => ({
            kind: v.kind,
            label: versionLabel(v),
            ...(v.adopted ? { adopted: v.adopted } : {}),
            ...(v.effective ? { effective: v.effective } : {}),
            confidence: v.confidence,
            effectiveConfidence: v.effectiveConfidence,
            ...(v.cite ? { cite: v.cite } : {}),
            ...(v.source ? { source: v.source } : {}),
            ...(v.note ? { note: v.note } : {}),
          })),
        }
      : {}),
    ...(entry.successor || entry.successorName
      ? { successor: { ...(entry.successor ? { id: entry.successor } : {}), name: successor?.name ?? entry.successorName ?? entry.successor!, rename: entry.successorIsRename === true } }
      : {}),
    ...(entry.source ? { source: entry.source } : {}),
    confidence: entry.confidence,
    ...(entry.note ? { note: entry.note } : {}),
    ...(entry.category ? { category: entry.category } : {}),
    ...(entry.formerIds ? { formerIds: entry.formerIds } : {}),
  };
}

/**
 * Entries matching a query (name, alias, id or former id; 《》, width, spaces and the
 * 中华人民共和国 prefix ignored), best first: exact matches, then prefixes, then the rest.
 * An empty query lists every entry, by kind and name.
 */
export function searchCatalogue(query = '', options: SearchOptions = {}): CatalogueListing[] {
  const catalogue = options.catalogue ?? builtinCatalogue;
  const byId = new Map(catalogue.map((e) => [e.id, e]));
  const q = searchKey(query);
  const kinds = options.kinds ? new Set(options.kinds) : undefined;
  const scored: Array<{ entry: CatalogueEntry; score: number }> = [];
  for (const entry of catalogue) {
    if (kinds && !kinds.has(entry.kind)) continue;
    let score = q === '' ? 3 : -1;
    if (q !== '') {
      const keys = [entry.name, ...(entry.aliases ?? [])].map(searchKey);
      const ids = [entry.id, ...(entry.formerIds ?? [])].map((s) => s.toLowerCase());
      if (keys.includes(q) || ids.includes(q)) score = 0;
      else if (keys.some((k) => k.startsWith(q))) score = 1;
      else if (keys.some((k) => k.includes(q)) || ids.some((k) => k.includes(q))) score = 2;
    }
    if (score >= 0) scored.push({ entry, score });
  }
  const kindOrder = (k: CatalogueKind) => CATALOGUE_KINDS.indexOf(k);
  scored.sort(
    (a, b) =>
      a.score - b.score ||
      kindOrder(a.entry.kind) - kindOrder(b.entry.kind) ||
      (a.entry.name < b.entry.name ? -1 : a.entry.name > b.entry.name ? 1 : 0),
  );
  return scored.slice(0, options.limit ?? scored.length).map((s) => listing(s.entry, byId));
}

const KIND_LABEL: Readonly<Record<CatalogueKind, readonly [string, string]>> = {
  policy: ['政策文件', 'policy'],
  law: ['法律法规', 'law'],
  'plan-period': ['五年规划时期', 'plan period'],
  'pufa-period': ['普法规划时期', '普法 period'],
  congress: ['党代会 / 全会', 'congress'],
  organization: ['机构', 'body'],
  term: ['提法', 'term'],
  formula: ['规范提法', 'formula'],
  campaign: ['时段性工作', 'campaign'],
};

/**
 * Listings as text for a terminal: one block per entry with its kind, dates or every
 * version (adopted, in force, confidence, source), successor, source and confidence.
 */
export function formatCatalogue(listings: readonly CatalogueListing[], locale: 'zh-CN' | 'en' = 'zh-CN'): string {
  const zh = locale === 'zh-CN';
  const out: string[] = [];
  for (const l of listings) {
    out.push(`${l.name}  [${KIND_LABEL[l.kind][zh ? 0 : 1]} · ${l.confidence}]  ${l.id}`);
    if (l.versions) {
      for (const v of l.versions) {
        const what = v.kind === '废止' ? (zh ? '废止' : 'repealed') : v.label || (zh ? '制定' : 'enacted');
        const adopted = v.adopted ? `${zh ? '通过' : 'adopted'} ${v.adopted}` : '';
        const effective = `${zh ? '施行' : 'in force'} ${v.effective ?? '—'}`;
        out.push(`  ${what}: ${[adopted, effective].filter(Boolean).join(', ')} (${v.confidence} / ${v.effectiveConfidence})${v.source ? `  ${zh ? '来源' : 'source'}: ${v.source}` : ''}`);
      }
    } else if (l.period.from || l.period.until) {
      out.push(`  ${zh ? '起止' : 'period'}: ${l.period.from ?? '—'} — ${l.period.until ?? '—'}`);
    }
    if (l.successor) out.push(`  ${zh ? '后继' : 'successor'}: ${l.successor.name}${l.successor.rename ? (zh ? '（更名）' : ' (renamed)') : ''}`);
    if (l.source && !l.versions) out.push(`  ${zh ? '来源' : 'source'}: ${l.source}`);
    if (l.aliases.length) out.push(`  ${zh ? '写法' : 'spellings'}: ${l.aliases.join('、')}`);
  }
  out.push('', zh ? `目录最后核对：${CATALOGUE_REVIEWED}` : `Catalogue last reviewed: ${CATALOGUE_REVIEWED}`);
  return out.join('\n');
}

/** A completion item after 《: a current full title, with the version in force. */
export interface TitleCompletion {
  /** The title as shown (中华人民共和国行政处罚法). */
  readonly label: string;
  /** What to insert after the 《: the title, the closing 》 and the version in force in brackets. */
  readonly insertText: string;
  /** A short description: kind, version and effective date. */
  readonly detail: string;
  readonly entryId: string;
  readonly kind: CatalogueKind;
}

/** Options of `titleCompletions`. */
export interface CompletionOptions {
  readonly catalogue?: readonly CatalogueEntry[];
  /** The document's report year: the versions in force on 31 March of the next year are offered. */
  readonly reportYear?: number;
  /** The writing date (yyyy-mm-dd), when known: wins over the report year. */
  readonly writingDate?: string;
  readonly limit?: number;
}

/**
 * Completion after 《: the current full titles of catalogued laws and policies matching
 * what was typed after it (prefix or part of the title or a short name), each with the
 * version in force on the document's writing date (31 March after the report year by
 * default): 行政处 → 中华人民共和国行政处罚法》（2021年修订）. Entries already replaced, or not
 * yet in force, on that date are left out.
 */
export function titleCompletions(typed: string, options: CompletionOptions = {}): TitleCompletion[] {
  const catalogue = options.catalogue ?? builtinCatalogue;
  const day =
    firstDayOf(options.writingDate) ?? (options.reportYear !== undefined ? (options.reportYear + 1) * 10000 + 331 : undefined);
  const q = searchKey(typed);
  const out: Array<TitleCompletion & { score: number }> = [];
  for (const entry of catalogue) {
    if (entry.kind !== 'law' && entry.kind !== 'policy') continue;
    if (!entry.name.startsWith('《')) continue;
    if (day !== undefined) {
      const until = firstDayOf(entry.validUntil);
      const from = lastDayOf(entry.validFrom);
      if (until !== undefined && until <= day) continue;
      if (from !== undefined && from > day) continue;
    }
    const title = entry.name.replace(/^《([^》]+)》.*$/u, '$1');
    const keys = [title, ...(entry.aliases ?? [])].map(searchKey);
    const score = q === '' ? 2 : keys.some((k) => k.startsWith(q)) ? 0 : keys.some((k) => k.includes(q)) ? 1 : -1;
    if (score < 0) continue;
    const version = entry.versions ? (day !== undefined ? versionInForce(entry, day) : [...entry.versions].reverse().find((v) => v.kind !== '废止')) : undefined;
    const label = version ? versionLabel(version) : '';
    const [kindZh] = KIND_LABEL[entry.kind];
    out.push({
      label: title,
      insertText: `${title}》${label ? `（${label}）` : ''}`,
      detail: [kindZh, label, version?.effective ? `${version.effective} 施行` : entry.validFrom ? `${entry.validFrom} 起` : ''].filter(Boolean).join(' · '),
      entryId: entry.id,
      kind: entry.kind,
      score,
    });
  }
  out.sort((a, b) => a.score - b.score || a.label.length - b.label.length || (a.label < b.label ? -1 : 1));
  return out.slice(0, options.limit ?? 50).map(({ score: _score, ...item }) => item);
}
