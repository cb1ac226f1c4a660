import { TYPO_GENERATION } from '../typo-candidates.js';
import { WORDING_ENFORCED_BY, wordingEntries } from '../wording.js';
import { builtinCatalogue, CATALOGUE_REVIEWED } from './entries.js';
import { researchWordings } from './law-versions.js';
import { CATALOGUE_CONFIDENCES, CATALOGUE_KINDS, type CatalogueEntry, type CatalogueKind } from './types.js';
import { versionLabel } from './versions.js';

/*
 * docs/catalogue.md, generated from the data (a test in @fzlint/ontology fails when the
 * checked-in page drifts; FZLINT_UPDATE_DOCS=1 rewrites it).
 */

const KIND_TITLE: Readonly<Record<CatalogueKind, string>> = {
  policy: '政策文件 / Policies',
  law: '法律法规 / Laws and regulations',
  'plan-period': '五年规划时期 / Plan periods',
  'pufa-period': '普法规划时期 / 普法 periods',
  congress: '党代会与全会 / Congresses and plenums',
  organization: '机构 / Bodies',
  term: '提法 / Terms',
  formula: '规范提法 / Formulas',
  campaign: '时段性工作 / Campaigns',
};

const cell = (text: string | undefined): string => (text ?? '').replace(/\|/gu, '\\|').replace(/\n/gu, ' ');

/** The first source of an entry (sources are `;`-separated). */
function firstSource(source: string | undefined): string {
  return (source ?? '').split(/\s;\s/u)[0] ?? '';
}

/** Entry counts per kind and confidence. */
export function catalogueCounts(catalogue: readonly CatalogueEntry[] = builtinCatalogue): Record<CatalogueKind, Record<string, number>> {
  const counts = Object.fromEntries(CATALOGUE_KINDS.map((k) => [k, Object.fromEntries(CATALOGUE_CONFIDENCES.map((c) => [c, 0]))])) as Record<CatalogueKind, Record<string, number>>;
  for (const e of catalogue) counts[e.kind][e.confidence] = (counts[e.kind][e.confidence] ?? 0) + 1;
  return counts;
}

function versionsCell(e: CatalogueEntry): string {
  return (e.versions ?? [])
    .map((v) => {
      const what = v.kind === '废止' ? '废止' : versionLabel(v) || `${v.adopted?.slice(0, 4) ?? '?'}年制定`;
      return `${what}（${v.kind === '废止' ? '' : `通过 ${v.adopted ?? '—'}，`}施行 ${v.effective ?? '—'}）`;
    })
    .join('<br>');
}

/** The page. */
export function renderCatalogueMarkdown(catalogue: readonly CatalogueEntry[] = builtinCatalogue): string {
  const byId = new Map(catalogue.map((e) => [e.id, e]));
  const counts = catalogueCounts(catalogue);
  const out: string[] = [
    '# 时效目录 / The catalogue',
    '',
    '<!-- Generated from @fzlint/ontology by packages/ontology/test/catalogue-doc.test.ts (FZLINT_UPDATE_DOCS=1); do not edit by hand. -->',
    '',
    `references/ 与 style/ 规则所依据的数据：政策文件、法律法规（每部法律的全部版本）、规划期、普法期、党代会与全会、机构名称、提法、时段性工作，以及错误提法和领域错别字。每个日期都带来源和置信度（confirmed：原文或官方文本；secondary：新闻、百科等二手来源；unconfirmed：未核实，最多提示）。**最后核对：${CATALOGUE_REVIEWED}**；成稿晚于此日期半年以上的报告会收到 references/catalogue-freshness 提示。`,
    '',
    `The data behind the references/ and style/ rules, each date with its source and confidence. **Last reviewed: ${CATALOGUE_REVIEWED}.** Search it with \`fzlint catalogue [query]\`; add or override entries in the \`catalogue\` array of \`fzlint.config.json\`.`,
    '',
    '## 条目数 / Entries',
    '',
    `| kind | ${CATALOGUE_CONFIDENCES.join(' | ')} | total |`,
    `|---|${CATALOGUE_CONFIDENCES.map(() => '---:').join('|')}|---:|`,
  ];
  let total = 0;
  for (const k of CATALOGUE_KINDS) {
    const row = CATALOGUE_CONFIDENCES.map((c) => counts[k][c] ?? 0);
    const sum = row.reduce((a, b) => a + b, 0);
    total += sum;
    out.push(`| ${k} | ${row.join(' | ')} | ${sum} |`);
  }
  const versions = catalogue.reduce((n, e) => n + (e.versions?.length ?? 0), 0);
  out.push(`| **all** | ${CATALOGUE_CONFIDENCES.map((c) => CATALOGUE_KINDS.reduce((n, k) => n + (counts[k][c] ?? 0), 0)).join(' | ')} | ${total} |`, '', `法律法规的版本（含废止）共 ${versions} 个。/ ${versions} law versions (repeals included).`, '');
  for (const k of CATALOGUE_KINDS) {
    const entries = catalogue.filter((e) => e.kind === k);
    if (entries.length === 0) continue;
    out.push(`## ${KIND_TITLE[k]}`, '');
    if (k === 'law') {
      out.push('| 名称 | 版本（通过 / 施行） | 后继 | 置信度 | 来源 |', '|---|---|---|---|---|');
      for (const e of entries) {
        const succ = e.successor ? (byId.get(e.successor)?.name ?? e.successor) : '';
        out.push(`| ${cell(e.name)} \`${e.id}\` | ${e.versions ? versionsCell(e) : `${e.validFrom ?? '—'} — ${e.validUntil ?? '—'}`} | ${cell(succ)} | ${e.confidence} | ${cell(firstSource(e.source))} |`);
      }
    } else {
      out.push('| 名称 | 起止 | 后继 | 置信度 | 来源 |', '|---|---|---|---|---|');
      for (const e of entries) {
        const succ = e.successor ? (byId.get(e.successor)?.name ?? e.successor) : (e.successorName ?? '');
        out.push(`| ${cell(e.name)} \`${e.id}\` | ${e.validFrom ?? '—'} — ${e.validUntil ?? '—'} | ${cell(succ)} | ${e.confidence} | ${cell(firstSource(e.source))} |`);
      }
    }
    out.push('');
  }
  out.push('## 错误与过时提法 / Wording records', '', '`style/wording` 按下表检查（允许的用法不报；只有 confirmed 且改法唯一的条目自动修复）；其余条目由表后所列规则执行。', '');
  out.push('| 记录 | 错误写法（正则） | 正确写法 | 自 | 级别 | 置信度 | 自动修复 |', '|---|---|---|---|---|---|---|');
  for (const w of wordingEntries) {
    out.push(`| \`${w.id}\` | \`${cell(w.pattern)}\` | ${cell(w.right)} | ${w.since ?? '—'} | ${w.severity} | ${w.confidence} | ${w.replacement !== undefined && w.confidence === 'confirmed' ? '是' : '否'} |`);
  }
  out.push('', '| 记录 | 由谁执行 / Enforced by |', '|---|---|');
  for (const r of researchWordings) if (WORDING_ENFORCED_BY[r.id]) out.push(`| \`${r.id}\` | ${cell(WORDING_ENFORCED_BY[r.id])} |`);
  out.push(
    '',
    '## 领域错别字 / Domain typos',
    '',
    `\`style/domain-typo\` 从 ${TYPO_GENERATION.terms} 个核心术语（\`TYPO_CORE_TERMS\`）生成候选错别字：每次替换一个字为同音字（pinyin-pro 读音，取常用字中输入法靠前的 8 个）或形近字（pycorrector 形近字表与自编表），共尝试 ${TYPO_GENERATION.generated} 个，去掉在词典（@pinyin-pro/data 现代汉语词表）中成词或与上下文成词的，保留 ${TYPO_GENERATION.kept} 个。`,
    '',
    `From ${TYPO_GENERATION.terms} core terms, ${TYPO_GENERATION.generated} one-character homophone and look-alike variants were tried and ${TYPO_GENERATION.kept} kept (not real words in context).`,
    '',
  );
  return out.join('\n');
}
