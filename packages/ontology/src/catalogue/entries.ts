import { MERGED_TIMELINE_LAWS, researchCampaignEntries, researchLawEntries, type Draft } from './research.js';
import { timelineRecords, type TimelineRecord } from './timeline.js';
import type { CatalogueEntry, CatalogueKind } from './types.js';

/*
 * The built-in dated catalogue. The dates, successors, sources and confidence of
 * every record come verbatim from `timeline.ts` (the research timeline); this file
 * only adds what the matcher and the fixes need: the kind used by the rules, the
 * spellings that find an entry in text (dash, bracket and quote variants are handled
 * by the matcher's normalisation, so they are not listed), the longer words that must
 * not count (劳动合同法 is not 合同法), and for pure renames the exact replacement text.
 */

/** What this file adds to a timeline record. */
interface Overlay {
  readonly kind?: CatalogueKind;
  /** Replaces the research aliases for matching (they are kept in `note` when dropped). */
  readonly aliases?: readonly string[];
  /** Appended to the research aliases. */
  readonly moreAliases?: readonly string[];
  readonly patterns?: readonly string[];
  readonly exclude?: readonly string[];
  readonly renames?: Readonly<Record<string, string>>;
  readonly severityCap?: 'info' | 'warn';
  readonly note?: string;
}

const PLAN_KIND: Readonly<Record<string, CatalogueKind>> = {
  'plan-pufa-6': 'pufa-period',
  'plan-pufa-7': 'pufa-period',
  'plan-pufa-8': 'pufa-period',
  'plan-pufa-9': 'pufa-period',
  'plan-135': 'plan-period',
  'plan-145': 'plan-period',
  'plan-155': 'plan-period',
};

const KIND: Readonly<Record<TimelineRecord['kind'], CatalogueKind>> = {
  policy: 'policy',
  plan: 'policy',
  congress: 'congress',
  plenary: 'congress',
  law: 'law',
  org: 'organization',
  term: 'term',
};

/** 普法 period aliases: the bare ordinal (七五) is ambiguous, so it is only found with what follows it. */
function pufaAliases(n: string, legacy: boolean): string[] {
  const education = legacy ? ['法制宣传教育', '法治宣传教育'] : ['法治宣传教育'];
  return [`${n}普法`, ...education.map((e) => `${n}${e}`)];
}

/**
 * Five-year plan aliases: 十四五 is distinctive enough to be found alone. 十四五时期 is
 * not an alias, so that 时期/期间 after the name reads as a span (historical).
 */
function planAliases(n: string): string[] {
  return [n, `${n}规划`, `${n}规划纲要`];
}

/** Words containing a law's short name that are not that law. */
const LAW_EXCLUDE: Readonly<Record<string, readonly string[]>> = {
  'law-htf': ['劳动合同法', '电子合同法'],
  'law-hyf': ['婚姻法律'],
  'law-jcf': ['继承法律'],
};

const OVERLAYS: Readonly<Record<string, Overlay>> = {
  'policy-yifaxingzheng-gangyao-2004': { aliases: ['全面推进依法行政实施纲要'] },
  'policy-shixian-yifaxingzheng-2008': { aliases: ['国务院关于加强市县政府依法行政的决定', '关于加强市县政府依法行政的决定', '国发〔2008〕17号'] },
  'policy-jiaqiang-fzzf-yijian-2010': { aliases: ['国务院关于加强法治政府建设的意见', '关于加强法治政府建设的意见', '国发〔2010〕33号'] },
  'policy-ducha-guiding-2019': { aliases: ['法治政府建设与责任落实督察工作规定', '厅字〔2019〕28号'] },
  'policy-diyi-zerenren-2016': { aliases: ['党政主要负责人履行推进法治建设第一责任人职责规定'] },
  'policy-zhifa-xietiao-jiandu-2024': { aliases: ['关于加强行政执法协调监督工作体系建设的意见'] },
  'plan-fzzf-gangyao-2015': {
    aliases: ['法治政府建设实施纲要(2015-2020年)', '法治政府建设实施纲要(2015年-2020年)', '2015-2020年纲要', '中发〔2015〕36号'],
  },
  'plan-fzzf-gangyao-2021': {
    aliases: ['法治政府建设实施纲要(2021-2025年)', '法治政府建设实施纲要(2021年-2025年)', '2021-2025年纲要', '中发〔2021〕33号'],
  },
  'plan-fzzg-guihua-2020': { aliases: ['法治中国建设规划(2020-2025年)', '法治中国建设规划'] },
  'plan-fzsh-gangyao-2020': { aliases: ['法治社会建设实施纲要(2020-2025年)', '法治社会建设实施纲要'] },
  'plan-pufa-6': { aliases: pufaAliases('六五', true) },
  'plan-pufa-7': { aliases: pufaAliases('七五', false) },
  'plan-pufa-8': { aliases: pufaAliases('八五', false) },
  'plan-pufa-9': { aliases: pufaAliases('九五', false) },
  'plan-135': { aliases: planAliases('十三五') },
  'plan-145': { aliases: planAliases('十四五') },
  'plan-155': { aliases: [...planAliases('十五五'), '十五五规划建议'] },
  'law-htf': { exclude: LAW_EXCLUDE['law-htf'] ?? [] },
  'law-hyf': { exclude: LAW_EXCLUDE['law-hyf'] ?? [] },
  'law-jcf': { exclude: LAW_EXCLUDE['law-jcf'] ?? [] },
  // Old versions also carry the generic name: the matcher picks the version in force on the writing date.
  'law-xzfy-2017': { aliases: ['行政复议法(2017年修正)', '行政复议法(2017)', '行政复议法'] },
  'law-zfxxgk-2007': { aliases: ['政府信息公开条例(2007年)', '政府信息公开条例(2007)', '国务院令第492号', '政府信息公开条例'] },
  'law-lff-2015': { aliases: ['立法法(2015年修正)', '立法法(2015)', '立法法'] },
  'law-gsf-2018': { aliases: ['公司法(2018年修正)', '公司法(2018)', '公司法'] },
  'law-jcf-2018': { aliases: ['监察法(2018年)', '监察法(2018)'] },
  // Generic names refer to the version in force; only versioned spellings name an old one.
  'law-xzcf-2021': { aliases: ['行政处罚法', '新修订的行政处罚法'] },
  // Organisations: pure renames get a fix; mergers only name the successor.
  'org-fazhiban': {
    aliases: ['法制办', '政府法制办', '政府法制办公室', '法制办公室', '国务院法制办', '国务院法制办公室', '政府法制局', '法制局'],
    exclude: ['法制局限'],
  },
  'org-gongshang': { exclude: ['工商局限'] },
  'org-huanbao': {
    renames: { 环保局: '生态环境局', 环境保护局: '生态环境局', 环境保护部: '生态环境部' },
    exclude: ['环境保护部门'],
  },
  'org-weiji': {
    renames: {
      卫计委: '卫健委',
      卫生计生委: '卫生健康委',
      卫生和计划生育委员会: '卫生健康委员会',
      卫生和计划生育局: '卫生健康局',
      卫计局: '卫健局',
    },
  },
  'org-nongye': { renames: { 农业局: '农业农村局', 农业部: '农业农村部' }, exclude: ['农业部门'] },
  'org-guotu': { exclude: ['国土资源部门'] },
  'org-wenhua-lvyou-old': {
    aliases: ['文广新局', '国家旅游局', '文化部'],
    exclude: ['文化部门'],
    note: '“文化局”“旅游局”也是现行“文化和旅游局”“文化广电和旅游局”的一部分，不单独匹配。',
  },
  'org-jianchaju': { aliases: ['监察局', '预防腐败局', '国家预防腐败局'], exclude: ['监察局长'] },
  'org-yifazhi-xiaozu': {
    renames: {
      依法治县领导小组: '全面依法治县委员会',
      依法治市领导小组: '全面依法治市委员会',
      依法治省领导小组: '全面依法治省委员会',
      依法治区领导小组: '全面依法治区委员会',
      依法治国领导小组: '全面依法治国委员会',
    },
    moreAliases: ['依法治区领导小组'],
  },
  'org-xczxj': { severityCap: 'info', note: '2023年方案只撤销国家乡村振兴局的单设；地方乡村振兴局的调整时间各地不一。' },
  'org-difang-jinrongban': { aliases: ['金融工作办公室', '金融工作局'], severityCap: 'info' },
  'org-yinbaojian': { severityCap: 'info' },
  'org-xinfangju-2023': { aliases: [] },
  'org-shujuju': { aliases: ['国家数据局'] },
  'org-xinfangju-zhishu': { aliases: ['国家信访局'] },
  'org-shehui-gongzuobu': { aliases: ['社会工作部', '中央社会工作部'] },
  'org-jianwei': { aliases: ['监察委员会', '纪委监委', '国家监委'] },
  // Terms.
  'term-xinguan-feiyan': {
    renames: { 新型冠状病毒肺炎: '新型冠状病毒感染', 新冠肺炎: '新冠病毒感染' },
  },
  'term-xinguan-ganran': { aliases: ['新冠病毒感染', '新型冠状病毒感染'] },
  'term-yilei-jiaguan': { aliases: ['乙类甲管'] },
  'term-dongtai-qingling': { aliases: ['动态清零', '外防输入、内防反弹', '外防输入,内防反弹', '社会面清零'] },
  'term-jiankangma-xingchengka': { aliases: ['通信行程卡', '通信大数据行程卡', '行程码', '落地检'], severityCap: 'info' },
  'term-xjp-fzsx-old': {
    aliases: [
      '习近平总书记全面依法治国新理念新思想新战略',
      '习近平总书记关于全面依法治国的新理念新思想新战略',
      '习近平全面依法治国新理念新思想新战略',
      '全面依法治国新理念新思想新战略',
    ],
    renames: {
      习近平总书记全面依法治国新理念新思想新战略: '习近平法治思想',
      习近平总书记关于全面依法治国的新理念新思想新战略: '习近平法治思想',
      习近平全面依法治国新理念新思想新战略: '习近平法治思想',
    },
    severityCap: 'info',
    note: '2020-11中央全面依法治国工作会议明确“习近平法治思想”；旧提法不算错误，提示改用新提法。',
  },
  'term-fazhi-xuanchuan-old': {
    aliases: ['法制宣传教育', '法制宣传'],
    renames: { 法制宣传教育: '法治宣传教育', 法制宣传: '法治宣传' },
    exclude: ['法制宣传日'],
  },
  'term-liangxue-yizuo': { aliases: ['两学一做'] },
  'term-buwang-chuxin': { severityCap: 'info' },
  // “我为群众办实事” outlived the campaign, so it does not identify it.
  'term-dangshi-xuexi': { aliases: ['党史学习教育'], severityCap: 'info' },
  // “主题教育” alone is a generic word (法治主题教育).
  'term-zhuti-jiaoyu-2023': {
    aliases: ['学习贯彻习近平新时代中国特色社会主义思想主题教育'],
    severityCap: 'info',
  },
  'term-dangji-xuexi': { aliases: ['党纪学习教育'], severityCap: 'info' },
  'term-baxiang-guiding-xuexi': { aliases: ['深入贯彻中央八项规定精神学习教育', '中央八项规定精神学习教育'] },
  'term-tuopin-gongjian': { aliases: ['决战决胜脱贫攻坚', '建档立卡贫困户'], severityCap: 'info' },
  'term-gonggu-tuopin': { aliases: ['巩固拓展脱贫攻坚成果同乡村振兴有效衔接'] },
  'term-shifan-1': { aliases: ['第一批全国法治政府建设示范'], severityCap: 'info' },
  'term-shifan-2': { aliases: ['第二批全国法治政府建设示范'], severityCap: 'info' },
  'term-shifan-3': { aliases: ['第三批全国法治政府建设示范'], severityCap: 'info' },
};

/** Renames that are safe to apply as fixes (the successor is the same thing under a new name). */
const RENAME_IDS = new Set([
  'org-huanbao',
  'org-weiji',
  'org-nongye',
  'org-yifazhi-xiaozu',
  'term-xinguan-feiyan',
  'term-xjp-fzsx-old',
  'term-fazhi-xuanchuan-old',
]);

/** Strips the 《》 and a trailing document number from a record name, to get a spelling found in text. */
function bareName(name: string): string {
  return name
    .replace(/^《([^》]+)》.*$/, '$1')
    .replace(/（[^）]*(?:〔|号|简称)[^）]*）$/, '')
    .trim();
}

/**
 * Converts a research record (and its overlay) into a catalogue entry. Built by assignment
 * in the order of the fields, not by spreads of conditional literals: every thread that
 * lints runs this at load (docs/performance-journal.md, refs53).
 */
function toEntry(record: TimelineRecord, recordsById: ReadonlyMap<string, TimelineRecord>): CatalogueEntry {
  const overlay = OVERLAYS[record.id] ?? {};
  const kind = overlay.kind ?? PLAN_KIND[record.id] ?? KIND[record.kind];
  const aliases = (overlay.aliases ?? record.aliases).slice();
  if (overlay.moreAliases) for (const a of overlay.moreAliases) aliases.push(a);
  const bare = bareName(record.name);
  if (!aliases.includes(bare) && kind !== 'congress' && kind !== 'organization' && kind !== 'term') aliases.unshift(bare);
  // A versioned law name (《…法》（2017年修正）) is also found with its version, so the version decides.
  const version = /^《([^》]+)》（(\d{4}年[^）]*)）$/u.exec(record.name);
  if (version) aliases.push(`${version[1]}（${version[2]}）`);
  // An entry replaced without an end date stops being current when its successor starts.
  const successor = record.supersededBy ? recordsById.get(record.supersededBy) : undefined;
  const validUntil = record.end ?? (successor?.start ?? undefined);
  let note = record.note || undefined;
  if (overlay.note) note = note ? `${note} ${overlay.note}` : overlay.note;
  if (!record.end && validUntil) {
    const derived = `有效期止取后继条目起始日（${validUntil}）。`;
    note = note ? `${note} ${derived}` : derived;
  }
  const entry: Draft<CatalogueEntry> = { id: record.id, kind, name: record.name, aliases };
  if (overlay.patterns) entry.patterns = overlay.patterns;
  if (record.start) entry.validFrom = record.start;
  if (validUntil) entry.validUntil = validUntil;
  if (record.supersededBy) {
    entry.successor = record.supersededBy;
    entry.successorIsRename = RENAME_IDS.has(record.id);
  }
  entry.source = record.source;
  entry.confidence = record.confidence;
  if (note) entry.note = note;
  if (overlay.exclude) entry.exclude = overlay.exclude;
  if (overlay.renames) entry.renames = overlay.renames;
  if (overlay.severityCap) entry.severityCap = overlay.severityCap;
  return entry as CatalogueEntry;
}

/**
 * Entries the research timeline does not hold, found in the development corpus.
 * Each says where its facts come from; none is confirmed by the research, so none
 * produces more than `info`.
 */
const EXTRA_ENTRIES: readonly CatalogueEntry[] = [
  {
    id: 'term-xingzheng-shouzhang-chuting',
    kind: 'term',
    name: '行政首长出庭应诉',
    aliases: ['行政首长出庭应诉'],
    validUntil: '2015-05-01',
    successor: 'term-xingzheng-fuzeren-chuting',
    successorIsRename: true,
    renames: { 行政首长出庭应诉: '行政机关负责人出庭应诉' },
    source: '《中华人民共和国行政诉讼法》（2014年修正）第三条；《国务院办公厅关于加强和改进行政应诉工作的意见》（国办发〔2016〕54号）',
    confidence: 'unconfirmed',
    note: '2014年修正的行政诉讼法（2015-05-01施行）称“行政机关负责人出庭应诉”；日期未经研究核实。',
  },
  {
    id: 'term-xingzheng-fuzeren-chuting',
    kind: 'term',
    name: '行政机关负责人出庭应诉',
    aliases: ['行政机关负责人出庭应诉'],
    validFrom: '2015-05-01',
    source: '《中华人民共和国行政诉讼法》（2014年修正）第三条',
    confidence: 'unconfirmed',
  },
  {
    id: 'term-fazhi-guannian-old',
    kind: 'term',
    name: '法制观念',
    aliases: ['法制观念', '法制意识'],
    validUntil: '2014-10-23',
    successor: 'term-fazhi-guannian',
    successorIsRename: true,
    renames: { 法制观念: '法治观念', 法制意识: '法治意识' },
    source: '《中共中央关于全面推进依法治国若干重大问题的决定》（十八届四中全会，2014-10-23）通篇使用“法治观念”“法治意识”',
    confidence: 'unconfirmed',
    severityCap: 'info',
    note: '“法制”在法制审核、法制机构等处仍是正确用法；只提示“法制观念/法制意识”。',
  },
  {
    id: 'term-fazhi-guannian',
    kind: 'term',
    name: '法治观念',
    aliases: ['法治观念', '法治意识'],
    validFrom: '2014-10-23',
    source: '《中共中央关于全面推进依法治国若干重大问题的决定》（2014-10-23）',
    confidence: 'unconfirmed',
  },
  {
    id: 'term-fazhihua-old',
    kind: 'term',
    name: '法制化',
    aliases: ['法制化'],
    validUntil: '2014-10-23',
    successor: 'term-fazhihua',
    successorIsRename: true,
    renames: { 法制化: '法治化' },
    source: '《中共中央关于全面推进依法治国若干重大问题的决定》（2014-10-23）使用“法治化”',
    confidence: 'unconfirmed',
    severityCap: 'info',
  },
  {
    id: 'term-fazhihua',
    kind: 'term',
    name: '法治化',
    aliases: ['法治化'],
    validFrom: '2014-10-23',
    source: '《中共中央关于全面推进依法治国若干重大问题的决定》（2014-10-23）',
    confidence: 'unconfirmed',
  },
  {
    id: 'org-zhengfu-fazhi-jigou',
    kind: 'organization',
    name: '政府法制机构',
    aliases: ['政府法制机构', '政府法制部门'],
    validUntil: '2018-03',
    successor: 'org-sifa',
    successorIsRename: false,
    source: 'http://lianghui.people.com.cn/2018npc/n1/2018/0313/c418468-29865041.html',
    confidence: 'confirmed',
    severityCap: 'info',
    note: '2018年机构改革后政府法制办并入司法行政部门；“政府法制机构”多抄自改革前的文件。部门的“法制机构”仍是正确说法。',
  },
];

/**
 * National documents the development corpus cites that the research timeline does
 * not hold. Their dates are from memory, not from the research: unconfirmed, so they
 * serve hovers and never raise more than info (anachronism ignores them).
 */
const CORPUS_CITED: readonly CatalogueEntry[] = [
  {
    id: 'law-fanyouzuzhi-fanzui',
    kind: 'law',
    name: '《中华人民共和国反有组织犯罪法》',
    aliases: ['中华人民共和国反有组织犯罪法', '反有组织犯罪法'],
    validFrom: '2022-05-01',
    source: 'unconfirmed（语料 full/003 引用；2021-12-24通过、2022-05-01施行为记忆）',
    confidence: 'unconfirmed',
  },
  {
    id: 'law-zhengwu-chufen',
    kind: 'law',
    name: '《中华人民共和国公职人员政务处分法》',
    aliases: ['中华人民共和国公职人员政务处分法', '公职人员政务处分法'],
    validFrom: '2020-07-01',
    source: 'unconfirmed（语料 full/000 引用；2020-06-20通过、2020-07-01施行为记忆）',
    confidence: 'unconfirmed',
  },
  {
    id: 'law-xianfa-2018',
    kind: 'law',
    name: '《中华人民共和国宪法》（2018年修正）',
    aliases: ['中华人民共和国宪法', '宪法修正案'],
    validFrom: '2018-03-11',
    source: 'unconfirmed（语料多处引用；2018-03-11第五次修正为记忆）',
    confidence: 'unconfirmed',
  },
  {
    id: 'policy-xjp-fzsx-xuexi-gangyao',
    kind: 'policy',
    name: '《习近平法治思想学习纲要》',
    aliases: ['习近平法治思想学习纲要'],
    validFrom: '2021',
    source: 'unconfirmed（语料 e006、e031 引用；中央宣传部、中央全面依法治国委员会办公室组织编写，2021年出版为记忆）',
    confidence: 'unconfirmed',
  },
  {
    id: 'law-jianshe-xiangmu-huanbao-tiaoli-2017',
    kind: 'law',
    name: '《建设项目环境保护管理条例》（2017年修订）',
    aliases: ['建设项目环境保护管理条例'],
    validFrom: '2017-10-01',
    source: 'unconfirmed（语料 full/003 引用；国务院令第682号、2017-10-01施行为记忆）',
    confidence: 'unconfirmed',
  },
  {
    id: 'term-yi-guihua-liang-gangyao',
    kind: 'term',
    name: '法治建设“一规划两纲要”',
    aliases: ['一规划两纲要'],
    validFrom: '2021-08',
    validUntil: '2025-12-31',
    source: '由 plan-fzzg-guihua-2020、plan-fzsh-gangyao-2020、plan-fzzf-gangyao-2021 三个条目推出',
    confidence: 'unconfirmed',
    note: '《法治中国建设规划（2020—2025年）》《法治社会建设实施纲要（2020—2025年）》《法治政府建设实施纲要（2021—2025年）》的合称；后继文件尚未发布。',
  },
];

/**
 * Timeline records that the law-version research holds in more detail: the versions of a
 * researched law, and the campaigns the research dates (`seeAlso`). They live on as the
 * newer entry's `formerIds`, and successors naming them are rewritten.
 */
const REPLACED_IDS: ReadonlyMap<string, string> = new Map([
  ...Object.entries(MERGED_TIMELINE_LAWS),
  ...researchCampaignEntries.flatMap((e) => (e.formerIds ?? []).map((id): [string, string] => [id, e.id])),
]);

function buildCatalogue(): CatalogueEntry[] {
  const byId = new Map<string, TimelineRecord>();
  for (const r of timelineRecords) byId.set(r.id, r);
  const out: CatalogueEntry[] = [];
  for (const r of timelineRecords) if (!REPLACED_IDS.has(r.id)) out.push(withSuccessor(toEntry(r, byId)));
  for (const e of EXTRA_ENTRIES) if (!REPLACED_IDS.has(e.id)) out.push(withSuccessor(e));
  for (const e of CORPUS_CITED) if (!REPLACED_IDS.has(e.id)) out.push(withSuccessor(e));
  for (const e of researchLawEntries) out.push(withSuccessor(e));
  for (const e of researchCampaignEntries) out.push(withSuccessor(e));
  return out;
}

/** The entry with its successor rewritten when the successor was replaced by a researched entry. */
function withSuccessor(e: CatalogueEntry): CatalogueEntry {
  const successor = e.successor ? REPLACED_IDS.get(e.successor) : undefined;
  return successor ? { ...e, successor } : e;
}

/**
 * The built-in dated catalogue: every record of the research timeline
 * (`timeline.ts`, 2026-11-22), the laws with all their versions
 * and the time-bound campaigns of the law-version research (same date), and the few
 * entries the development corpus needed. Users add or override entries by id in their config.
 */
export const builtinCatalogue: readonly CatalogueEntry[] = buildCatalogue();

/** Built-in entries by id. */
export const builtinCatalogueById: ReadonlyMap<string, CatalogueEntry> = new Map(
  builtinCatalogue.map((e) => [e.id, e]),
);

/**
 * The date the built-in catalogue was last reviewed against its sources (both
 * research files are of this date). References to what changed after it cannot be
 * judged: a report written well after it is told so (references/catalogue-freshness).
 */
export const CATALOGUE_REVIEWED = '2026-11-22';

/** The built-in entry an id names, also under an id an earlier catalogue used (law-xzcf-2021). */
export function catalogueEntryById(id: string, catalogue: readonly CatalogueEntry[] = builtinCatalogue): CatalogueEntry | undefined {
  return catalogue.find((e) => e.id === id) ?? catalogue.find((e) => e.formerIds?.includes(id));
}
