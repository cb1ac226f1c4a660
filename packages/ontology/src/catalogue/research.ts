import { researchCampaigns, researchLaws, type ResearchCampaign, type ResearchLaw, type ResearchVersion } from './law-versions.js';
import type { CampaignPhase, CatalogueEntry, LawVersion } from './types.js';

/*
 * Catalogue entries from the law-version research (`law-versions.ts`): one `law`
 * entry per law or regulation with all its versions, one `campaign` entry per
 * time-bound campaign. Dates, sources and confidence come verbatim from the
 * research; this file adds only what matching needs (the spellings found in text)
 * and the few judgements the research leaves to the linter, each with its reason.
 */

/** Research aliases that are version phrases (新修订的X, 新环保法): the version reader finds those around the name. */
const VERSION_PHRASE = /^(?:新|修改后|修订后|最新)|修订|修正|修改/u;

/**
 * Policy-timeline law records that are versions of a researched law (they become
 * the law's `formerIds`). The timeline's 行政监察法, 土地管理法实施条例 and the nine
 * laws repealed by the Civil Code stay entries of their own.
 */
export const MERGED_TIMELINE_LAWS: Readonly<Record<string, string>> = {
  'law-lff-2015': 'lv-lifafa',
  'law-lff-2023': 'lv-lifafa',
  'law-dfzzf-2022': 'lv-difangzuzhifa',
  'law-gwyzzf-2024': 'lv-guowuyuanzuzhifa',
  'law-jcf-2018': 'lv-jianchafa',
  'law-jcf-2024': 'lv-jianchafa',
  'law-gjpcf-2012': 'lv-guojiapeichangfa',
  'law-fzxjf': 'lv-fazhixuanchuanjiaoyufa',
  'law-xzxkf-2019': 'lv-xingzhengxukefa',
  'law-xzcf-2021': 'lv-xingzhengchufafa',
  'law-xzqzf': 'lv-xingzhengqiangzhifa',
  'law-xzfy-2017': 'lv-xingzhengfuyifa',
  'law-xzfy-2023': 'lv-xingzhengfuyifa',
  'law-xzfy-shishi-tiaoli-2007': 'lv-xingzhengfuyifa-shishitiaoli',
  'law-xzssf-2017': 'lv-xingzhengsusongfa',
  'law-zfxxgk-2007': 'lv-zhengfuxinxigongkaitiaoli',
  'law-zfxxgk-2019': 'lv-zhengfuxinxigongkaitiaoli',
  'law-zdxzjc': 'lv-zhongdaxingzhengjuece',
  'law-yhyshj': 'lv-youhuayingshanghuanjing',
  'law-xftl-2005': 'lv-xinfangtiaoli',
  'law-xfgztl-2022': 'lv-xinfanggongzuotiaoli',
  'law-xzzfjdtl-2025': 'lv-xingzhengzhifajianduotiaoli',
  'law-rmtjf': 'lv-renmintiaojiefa',
  'law-flyzf': 'lv-falvyuanzhufa',
  'law-zagl-cfa-2025': 'lv-zhiananguanlichufafa',
  'law-tfsjydf-2024': 'lv-tufashijianyingduifa',
  'law-aqscf-2021': 'lv-anquanshengchanfa',
  'law-stfd-2026': 'lv-shengtaihuanjingfadian',
  'law-tdglf-2019': 'lv-tudiguanlifa',
  'law-wcnrbhf-2020': 'lv-weichengnianrenbaohufa',
  'law-mfd': 'lv-minfadian',
  'law-mzjjcjf': 'lv-minyingjingjicujinfa',
  // Entries the first catalogue added from memory for the corpus (unconfirmed), now researched.
  'law-fanyouzuzhi-fanzui': 'lv-fanyouzuzhifanzuifa',
  'law-zhengwu-chufen': 'lv-zhengwuchufenfa',
  'law-xianfa-2018': 'lv-xianfa',
};

/** Spellings a law is also found by, beyond its full name, short name and research aliases. */
const MORE_LAW_ALIASES: Readonly<Record<string, readonly string[]>> = {
  'lv-zhongdaxingzhengjuece': ['国务院令第713号'],
  'lv-youhuayingshanghuanjing': ['国务院令第722号'],
};

/** Research aliases that are too short or too common to name the law alone. */
const DROPPED_LAW_ALIASES: Readonly<Record<string, readonly string[]>> = {
  // 监督法 is also part of 行政执法监督法规 and similar phrases; the full name is what reports write.
  'lv-renda-jiandufa': ['监督法'],
};

/**
 * Judgements on the research's confidence, each with its reason. The 信访条例's
 * formal repeal document was not found, but its replacement by 《信访工作条例》 from
 * 2022-05-01 is confirmed by the wording record `w-xinfang-tiaoli` (confirmed): the
 * supersession, which is what a report is judged on, is sure.
 */
const REPEAL_CONFIDENCE: Readonly<Record<string, CatalogueEntry['confidence']>> = {
  'lv-xinfangtiaoli': 'confirmed',
};

/** Words containing a law's name that are not the law. */
const LAW_EXCLUDE: Readonly<Record<string, readonly string[]>> = {};

/** A type's fields writable and optional, for an object built field by field (no spread of a conditional literal per field). */
export type Draft<T> = { -readonly [K in keyof T]?: T[K] };

/*
 * The entries below are made by assignment in the order of the fields, not by spreads of
 * conditional literals: every thread that lints builds them at load (≈ 350 objects), and
 * unoptimised code pays a literal and a copy per spread (docs/performance-journal.md, refs53).
 */
function version(v: ResearchVersion): LawVersion {
  const out: Draft<LawVersion> = { kind: v.kind };
  if (v.adopted) out.adopted = v.adopted;
  if (v.effective) out.effective = v.effective;
  out.confidence = v.confidence;
  out.effectiveConfidence = v.effectiveConfidence;
  if (v.body) out.body = v.body;
  if (v.cite) out.cite = v.cite;
  if (v.source) out.source = v.source;
  if (v.effectiveBasis) out.note = v.note ? `${v.note}；施行日依据：${v.effectiveBasis}` : `施行日依据：${v.effectiveBasis}`;
  else if (v.note) out.note = v.note;
  return out as LawVersion;
}

let formerIdsByLawCache: Map<string, string[]> | undefined;

/** The timeline records merged into each researched law, in `MERGED_TIMELINE_LAWS` order (one pass, not one per law). */
function formerIdsByLaw(): Map<string, string[]> {
  if (formerIdsByLawCache) return formerIdsByLawCache;
  const byLaw = new Map<string, string[]>();
  for (const [id, lv] of Object.entries(MERGED_TIMELINE_LAWS)) {
    const ids = byLaw.get(lv);
    if (ids) ids.push(id);
    else byLaw.set(lv, [id]);
  }
  formerIdsByLawCache = byLaw;
  return byLaw;
}

/** Appends a law's spelling unless it is there already, a version phrase or dropped for that law. */
function addLawAlias(aliases: string[], alias: string, dropped: readonly string[] | undefined): void {
  if (!aliases.includes(alias) && !VERSION_PHRASE.test(alias) && !dropped?.includes(alias)) aliases.push(alias);
}

function lawEntry(law: ResearchLaw): CatalogueEntry {
  const versions = law.versions.map(version);
  const enacted = versions[0];
  let repeal: LawVersion | undefined;
  let current: LawVersion | undefined;
  let complete = true;
  for (let i = 0; i < versions.length; i++) {
    const v = versions[i]!;
    if (v.kind === '废止') repeal ??= v;
    else current = v;
    if (v.note?.includes('从略')) complete = false;
  }
  const dropped = DROPPED_LAW_ALIASES[law.id];
  const aliases: string[] = [];
  addLawAlias(aliases, law.fullName, dropped);
  addLawAlias(aliases, law.name, dropped);
  for (const a of law.aliases) addLawAlias(aliases, a, dropped);
  for (const a of MORE_LAW_ALIASES[law.id] ?? []) addLawAlias(aliases, a, dropped);
  const formerIds = formerIdsByLaw().get(law.id);
  const from = enacted?.effective ?? enacted?.adopted;
  const confidence = repeal
    ? (REPEAL_CONFIDENCE[law.id] ?? repeal.effectiveConfidence)
    : enacted?.effective
      ? enacted.effectiveConfidence
      : (enacted?.confidence ?? 'unconfirmed');
  const notes = [law.status !== '现行有效' ? `状态：${law.status}。` : '', law.note ?? '', law.replaces ? `取代：${law.replaces}。` : '']
    .filter(Boolean)
    .join(' ');
  const entry: Draft<CatalogueEntry> = { id: law.id, kind: 'law', name: `《${law.fullName}》`, aliases };
  if (from) entry.validFrom = from;
  if (repeal?.effective) entry.validUntil = repeal.effective;
  if (law.replacedBy) {
    entry.successor = law.replacedBy;
    entry.successorIsRename = false;
  }
  entry.source = (repeal ?? current ?? enacted)?.source ?? 'law-versions';
  entry.confidence = confidence;
  if (notes) entry.note = notes;
  const exclude = LAW_EXCLUDE[law.id];
  if (exclude) entry.exclude = exclude;
  entry.versions = versions;
  entry.versionsComplete = complete;
  if (formerIds) entry.formerIds = formerIds;
  entry.category = law.category;
  return entry as CatalogueEntry;
}

/** What this file adds to or changes in a campaign record, with the reason. */
interface CampaignOverlay {
  /** Replaces the research aliases (short ones like 扫黑除恶 or 过渡期 name other things too). */
  readonly aliases?: readonly string[];
  readonly validUntil?: string | null;
  readonly severityCap?: 'info' | 'warn';
  readonly exclude?: readonly string[];
  readonly note?: string;
}

/**
 * Aliases: only spellings that name the campaign itself. 扫黑除恶斗争 without 专项 is the
 * current normalised struggle; 主题教育, 教育整顿, 过渡期, 有效衔接 and 我为群众办实事 are
 * generic or outlived the campaign. Caps: info where the research says a later mention
 * needs a human look (党史学习教育常态化长效化 is current wording; the 三年行动 without a
 * found successor).
 */
const CAMPAIGN_OVERLAYS: Readonly<Record<string, CampaignOverlay>> = {
  'cp-saohei-zhuanxiang': { aliases: ['扫黑除恶专项斗争', '为期三年的扫黑除恶专项斗争'] },
  'cp-saohei-changtaihua': { aliases: ['常态化扫黑除恶斗争', '常态化扫黑除恶', '扫黑除恶常态化', '常态化开展扫黑除恶斗争'] },
  'cp-zhengfa-jiaoyuzhengdun': { aliases: ['全国政法队伍教育整顿', '政法队伍教育整顿'] },
  'cp-dangshi-xuexi': {
    aliases: ['党史学习教育', '学党史、悟思想、办实事、开新局'],
    validUntil: '2021-12-31',
    severityCap: 'info',
    note: '结束日取2021-12-28中央政治局党史学习教育专题民主生活会所在年末（研究：总结会议在2022-01-10前召开）；“推动党史学习教育常态化长效化”仍是现行提法，故最多提示。',
  },
  'cp-zhuti-jiaoyu-2019': { aliases: ['不忘初心、牢记使命主题教育', '不忘初心牢记使命主题教育'], severityCap: 'info' },
  'cp-zhuti-jiaoyu-2023': { aliases: ['学习贯彻习近平新时代中国特色社会主义思想主题教育', '学思想、强党性、重实践、建新功'], severityCap: 'info' },
  'cp-dangji-xuexi': { aliases: ['党纪学习教育', '学纪、知纪、明纪、守纪'], severityCap: 'info' },
  'cp-baxiang-xuexi': { aliases: ['深入贯彻中央八项规定精神学习教育', '中央八项规定精神学习教育', '八项规定精神学习教育'] },
  'cp-xinguan-yiqing': {
    aliases: ['常态化疫情防控', '疫情防控常态化'],
    severityCap: 'info',
    note: '“新冠肺炎”“动态清零”“乙类甲管”另有提法条目；这里只认“常态化疫情防控”。',
  },
  'cp-tuopin-gongjian': { aliases: ['决战决胜脱贫攻坚', '脱贫攻坚战', '建档立卡贫困户'], severityCap: 'info' },
  'cp-gonggu-xianjie': {
    aliases: ['巩固拓展脱贫攻坚成果同乡村振兴有效衔接', '防止返贫动态监测和帮扶机制'],
    severityCap: 'info',
  },
  'cp-changtaihua-bangfu': { aliases: ['常态化精准帮扶', '常态化防止返贫致贫机制'] },
  'cp-quanmian-xiaokang': { aliases: ['决胜全面建成小康社会'] },
  'cp-gaozhimingshi-chengnuo': { aliases: ['证明事项告知承诺制', '涉企经营许可事项告知承诺制'] },
  'cp-fangguanfu': { aliases: ['简政放权、放管结合、优化服务'] },
  // 2027 is the programme's target (基本形成高效政务服务体系), not its end.
  'cp-gaoxiao-banchengyijianshi': { aliases: ['高效办成一件事'], validUntil: null },
  'cp-sanxiang-zhidu': { aliases: ['行政执法三项制度'] },
  'cp-zhifa-zhiliang-sannian': {
    aliases: ['提升行政执法质量三年行动', '行政执法质量三年行动'],
    severityCap: 'info',
    note: '研究未找到后继文件：2026年度报告仍写作当年工作需人工核对。',
  },
  'cp-sheqi-zhifa-zhuanxiang': { aliases: ['规范涉企行政执法专项行动', '规范涉企执法专项行动'] },
  'cp-anquan-zhuanxiang-sannian': {
    aliases: ['安全生产专项整治三年行动'],
    severityCap: 'info',
    note: '2023年多地部署“巩固提升”，后继行动2024年才开始：最多提示。',
  },
  'cp-anquan-zhiben-gongjian': { aliases: ['安全生产治本攻坚三年行动', '治本攻坚三年行动'] },
  'cp-shifan-chuangjian-1': { aliases: ['第一批全国法治政府建设示范地区和项目', '第一批全国法治政府建设示范'], severityCap: 'info' },
  'cp-shifan-chuangjian-2': { aliases: ['第二批全国法治政府建设示范地区和项目', '第二批全国法治政府建设示范'], severityCap: 'info' },
  'cp-shifan-chuangjian-3': { aliases: ['第三批全国法治政府建设示范地区和项目', '第三批全国法治政府建设示范'], severityCap: 'info' },
};

function campaignEntry(c: ResearchCampaign): CatalogueEntry {
  const o = CAMPAIGN_OVERLAYS[c.id] ?? {};
  const until = o.validUntil === undefined ? c.end : o.validUntil;
  const successorId = c.successor?.startsWith('cp-') ? c.successor : undefined;
  const successorName = c.successor && !successorId ? c.successor : undefined;
  const notes = c.note ? (o.note ? `${c.note} ${o.note}` : c.note) : (o.note ?? '');
  const entry: Draft<CatalogueEntry> = { id: c.id, kind: 'campaign', name: c.name, aliases: (o.aliases ?? c.aliases).slice() };
  if (c.start) entry.validFrom = c.start;
  if (until) entry.validUntil = until;
  if (successorId) {
    entry.successor = successorId;
    entry.successorIsRename = false;
  }
  if (successorName) entry.successorName = successorName;
  entry.source = c.source;
  entry.confidence = c.confidence;
  if (notes) entry.note = notes;
  if (o.exclude) entry.exclude = o.exclude;
  if (o.severityCap) entry.severityCap = o.severityCap;
  if (c.phases.length) entry.phases = c.phases.map(phase);
  if (c.seeAlso) entry.formerIds = [c.seeAlso];
  return entry as CatalogueEntry;
}

function phase(p: ResearchCampaign['phases'][number]): CampaignPhase {
  const out: Draft<CampaignPhase> = { name: p.name };
  if (p.start) out.start = p.start;
  if (p.end) out.end = p.end;
  if (p.note) out.note = p.note;
  return out as CampaignPhase;
}

/** Every researched law and regulation as a catalogue entry. */
export const researchLawEntries: readonly CatalogueEntry[] = researchLaws.map(lawEntry);

/** Every researched campaign as a catalogue entry. */
export const researchCampaignEntries: readonly CatalogueEntry[] = researchCampaigns.map(campaignEntry);
