/**
 * Metric vocabulary of 法治政府建设年度报告: the things reports count, the verbs
 * that say what happened to them, and the words that change what a number means
 * (scope, parts, rates, carried-over work, growth, per-capita figures).
 *
 * Data only: the statistics extraction in `@fzlint/rules` reads these lists to
 * turn sentences into statistic mentions. Every list is ordered longest-first
 * where a shorter entry is a prefix or substring of a longer one, so that a
 * left-to-right longest match picks the right word.
 */

/** An object that reports count (行政复议案件, 信息公开申请 …). */
export interface MetricObject {
  /** Stable identifier (`administrative-review-case`). */
  readonly id: string;
  /** Canonical Chinese name, used in messages. */
  readonly name: string;
  /** English name, used in English messages. */
  readonly nameEn: string;
  /** Other ways reports write it; matched as substrings of the words before or after a count. */
  readonly aliases: readonly string[];
}

/** What a verb says happened to the counted objects. */
export type MetricActionKind =
  /** The work came in: 收到, 受理, 排查 … */
  | 'received'
  /** The work was finished: 审结, 办结, 化解, 整改 … */
  | 'concluded'
  /** Still open at the end of the period: 在审, 未结 … */
  | 'pending'
  /** Stock grew: 新增, 新登记 … (market entities, documents). */
  | 'added'
  /** Stock shrank: 注销, 吊销 … */
  | 'removed'
  /** Net change: 净增 … */
  | 'net';

/** A verb of the metric vocabulary. */
export interface MetricVerb {
  readonly text: string;
  readonly kind: MetricActionKind;
  /**
   * Verbs with the same group close the same kind of work and stand for each
   * other when a rate names one and the counts use the other (办结率 over 审结数).
   */
  readonly group: string;
  /**
   * Whether “<verb>率” is this count over the received count (办结率, 整改率, 化解率).
   * 纠错率, 败诉率 and 撤销率 are taken over the concluded cases and are not.
   */
  readonly rateOverReceived?: boolean;
  /**
   * An outcome among concluded cases (败诉, 撤销, 纠错): in a 其中 list it names a
   * category (其中维持68件，撤销12件) rather than starting a new statement.
   */
  readonly outcome?: boolean;
}

/**
 * Words that negate the verb after them: 不予受理 is a refusal, not a received count;
 * 未办结 is still pending.
 */
export const NEGATIONS: readonly string[] = ['不予', '尚未', '暂未', '没有', '无法', '未', '不'];

/**
 * The objects counted. Aliases are matched as substrings; the longest alias
 * found wins, so 行政复议案件 and 行政诉讼案件 never collapse into 案件.
 */
export const METRIC_OBJECTS: readonly MetricObject[] = [
  {
    id: 'administrative-review-case',
    name: '行政复议案件',
    nameEn: 'administrative review cases',
    aliases: ['行政复议案件', '行政复议申请', '复议案件', '复议申请', '行政复议'],
  },
  {
    id: 'administrative-litigation-case',
    name: '行政诉讼案件',
    nameEn: 'administrative litigation cases',
    aliases: ['行政应诉案件', '行政诉讼案件', '行政应诉', '行政诉讼', '应诉案件', '诉讼案件'],
  },
  {
    id: 'information-disclosure-request',
    name: '信息公开申请',
    nameEn: 'information disclosure requests',
    aliases: ['政府信息公开申请', '信息公开申请', '依申请公开办件', '依申请公开', '公开申请'],
  },
  {
    id: 'dispute',
    name: '矛盾纠纷',
    nameEn: 'disputes',
    aliases: ['矛盾纠纷', '矛盾隐患', '纠纷', '矛盾', '争议'],
  },
  { id: 'hazard', name: '隐患', nameEn: 'hazards', aliases: ['安全隐患', '风险隐患', '隐患'] },
  {
    id: 'petition',
    name: '信访件',
    nameEn: 'petitions',
    aliases: ['信访事项', '信访案件', '信访投诉', '信访件', '来信来访', '信访', '来访', '来信'],
  },
  { id: 'proposal', name: '提案', nameEn: 'CPPCC proposals', aliases: ['政协提案', '提案'] },
  {
    id: 'suggestion',
    name: '建议',
    nameEn: 'deputies’ suggestions',
    aliases: ['人大代表建议', '代表建议', '意见建议', '建议'],
  },
  {
    id: 'enforcement-file',
    name: '执法案卷',
    nameEn: 'enforcement files',
    aliases: ['行政执法案卷', '执法案卷', '案卷'],
  },
  {
    id: 'normative-document',
    name: '规范性文件',
    nameEn: 'normative documents',
    aliases: ['行政规范性文件', '规范性文件'],
  },
  { id: 'market-entity', name: '市场主体', nameEn: 'market entities', aliases: ['市场主体', '经营主体'] },
  {
    id: 'enforcement-case',
    name: '行政处罚案件',
    nameEn: 'administrative penalty cases',
    aliases: ['行政处罚案件', '执法案件', '处罚案件'],
  },
  {
    id: 'public-request',
    name: '群众诉求',
    nameEn: 'citizens’ requests',
    aliases: ['群众诉求', '诉求', '工单', '热线'],
  },
  { id: 'issue', name: '问题', nameEn: 'problems', aliases: ['突出问题', '问题'] },
];

/**
 * Verbs, longest first within each group of overlapping words
 * (调解成功 before 调解, 审结 before 结). 办理 is deliberately absent: reports use it
 * for both receiving and finishing (共办理提案74件), so it tells nothing.
 */
export const METRIC_VERBS: readonly MetricVerb[] = [
  // received
  { text: '收到', kind: 'received', group: 'receive' },
  { text: '受理', kind: 'received', group: 'receive' },
  { text: '新收', kind: 'received', group: 'receive' },
  { text: '接收', kind: 'received', group: 'receive' },
  { text: '接到', kind: 'received', group: 'receive' },
  { text: '受案', kind: 'received', group: 'receive' },
  { text: '立案', kind: 'received', group: 'receive' },
  { text: '登记', kind: 'received', group: 'receive' },
  { text: '排查出', kind: 'received', group: 'receive' },
  { text: '排查', kind: 'received', group: 'receive' },
  { text: '摸排', kind: 'received', group: 'receive' },
  { text: '发现', kind: 'received', group: 'receive' },
  { text: '确定', kind: 'received', group: 'receive' },
  // 调解纠纷1171件 is the base of 调解成功率; 调解成功 itself is a concluded verb (longer, matched first).
  { text: '调解', kind: 'received', group: 'receive' },
  // concluded
  { text: '审结', kind: 'concluded', rateOverReceived: true, group: 'close' },
  { text: '办结', kind: 'concluded', rateOverReceived: true, group: 'close' },
  { text: '结案', kind: 'concluded', rateOverReceived: true, group: 'close' },
  { text: '办理完毕', kind: 'concluded', rateOverReceived: true, group: 'close' },
  { text: '化解', kind: 'concluded', rateOverReceived: true, group: 'resolve' },
  { text: '整改到位', kind: 'concluded', rateOverReceived: true, group: 'rectify' },
  { text: '整改', kind: 'concluded', rateOverReceived: true, group: 'rectify' },
  { text: '答复', kind: 'concluded', rateOverReceived: true, group: 'reply' },
  { text: '回复', kind: 'concluded', rateOverReceived: true, group: 'reply' },
  { text: '调处', kind: 'concluded', rateOverReceived: true, group: 'mediate' },
  { text: '调解成功', kind: 'concluded', rateOverReceived: true, group: 'mediate-success' },
  { text: '纠错', kind: 'concluded', outcome: true, group: 'correct' },
  { text: '败诉', kind: 'concluded', outcome: true, group: 'lose' },
  { text: '撤销', kind: 'concluded', outcome: true, group: 'revoke' },
  // pending
  { text: '正在审理', kind: 'pending', group: 'pending' },
  { text: '尚在审理', kind: 'pending', group: 'pending' },
  { text: '在审', kind: 'pending', group: 'pending' },
  { text: '未结', kind: 'pending', group: 'pending' },
  { text: '在办', kind: 'pending', group: 'pending' },
  { text: '办理中', kind: 'pending', group: 'pending' },
  // stock changes (market entities, documents)
  { text: '净增加', kind: 'net', group: 'net' },
  { text: '净增', kind: 'net', group: 'net' },
  { text: '新登记', kind: 'added', group: 'add' },
  { text: '新设立', kind: 'added', group: 'add' },
  { text: '新增', kind: 'added', group: 'add' },
  { text: '注销', kind: 'removed', group: 'remove' },
  { text: '吊销', kind: 'removed', group: 'remove' },
];

/** Scope words that restrict which cases a count covers; counts pair only within one scope. */
export const SCOPE_WORDS: readonly string[] = [
  '市政府本级',
  '区政府本级',
  '县政府本级',
  '区本级',
  '市本级',
  '县本级',
  '本级',
  '全市',
  '全区',
  '全县',
  '全省',
  '全镇',
  '全年',
];

/** Scopes that only name the period or the whole area: they never separate two counts. */
export const NEUTRAL_SCOPES: readonly string[] = ['全年', '全市', '全区', '全县', '全省', '全镇'];

/**
 * Markers that introduce the parts of the preceding total. `exhaustive` parts
 * must add up to the total (分别为); non-exhaustive ones only must not exceed it.
 */
export interface PartMarker {
  readonly text: string;
  readonly exhaustive: boolean;
}

/** Part markers, longest first. 含 counts only right after a bracket or comma (含往年 is carry-over). */
export const PART_MARKERS: readonly PartMarker[] = [
  { text: '分别为', exhaustive: true },
  { text: '分别是', exhaustive: true },
  { text: '其中', exhaustive: false },
  { text: '包括', exhaustive: false },
  { text: '含', exhaustive: false },
];

/**
 * Splits whose parts cover the whole total (企业 + 个体工商户 = 市场主体):
 * when every part of a 其中 list belongs to one split, the list is a partition.
 */
export const EXHAUSTIVE_SPLITS: readonly (readonly string[])[] = [
  ['企业', '个体工商户', '农民专业合作社'],
  ['企业', '个体工商户'],
  ['男性', '女性'],
  ['城镇', '农村'],
];

/** Misspellings of split part names seen in real reports (个工商户 for 个体工商户). */
export const SPLIT_PART_VARIANTS: Readonly<Record<string, string>> = {
  个工商户: '个体工商户',
  个体户: '个体工商户',
  个体经营户: '个体工商户',
  男: '男性',
  女: '女性',
};

/** How a rate is named: a word ending in 率, or 占比/比例/比重. */
export const RATE_SUFFIXES: readonly string[] = ['率', '占比', '比例', '比重'];

/** Words between a rate name and its value (办结率为100%, 覆盖率均达到100%). */
export const RATE_LINKS: readonly string[] = [
  '均达到',
  '均达',
  '均为',
  '均是',
  '达到了',
  '达到',
  '达成',
  '保持在',
  '保持',
  '稳定在',
  '提升至',
  '提升到',
  '提高至',
  '提高到',
  '上升至',
  '上升到',
  '超过',
  '高达',
  '实现',
  '为',
  '达',
  '是',
  '均',
  '到',
  '：',
  ':',
];

/**
 * Rate names that measure change or plan fulfilment and may exceed 100%
 * (增长率120%, 完成率115%): exempt from the 0–100% range.
 */
export const UNBOUNDED_RATE_WORDS: readonly string[] = [
  '增长',
  '增速',
  '增幅',
  '涨幅',
  '降幅',
  '下降',
  '提升',
  '提高',
  '完成',
  '超额',
  '同比',
  '环比',
  '变化',
  '变动',
];

/** Markers of work carried over from earlier years: concluded may then exceed received. */
export const CARRY_OVER_MARKERS: readonly string[] = [
  '上年结转',
  '上年度结转',
  '往年结转',
  '结转',
  '旧存',
  '累计',
  '含往年',
  '历年',
  '以前年度',
  '积案',
  '存量',
];

/**
 * Markers of growth and comparison figures (增长40%, 提高2个百分点, 增长6倍):
 * a number right after them is a change, never a count or a rate.
 */
export const GROWTH_MARKERS: readonly string[] = [
  '同比增长',
  '同比下降',
  '同比',
  '环比',
  '增长',
  '增加',
  '提高',
  '提升',
  '提速',
  '上升',
  '下降',
  '减少',
  '降低',
  '增幅',
  '缩短',
  '压缩',
  '较上年',
  '较去年',
  '较上一年',
  '比上年',
  '比去年',
];

/**
 * Words that compare with another period (较上年, 同比): a count in the same clause
 * is a difference, not work done (较上年增加30件).
 */
export const COMPARISON_MARKERS: readonly string[] = ['较', '比上年', '比去年', '比上一年', '同比', '环比'];

/** Units that mark a change rather than a count or a level. */
export const GROWTH_UNITS: readonly string[] = ['个百分点', '百分点', '倍'];

/** Markers of per-capita and density figures (千人拥有市场主体107.48户). */
export const PER_CAPITA_MARKERS: readonly string[] = ['千人拥有', '万人拥有', '每千人', '每万人', '每百人', '人均', '户均', '平均'];

/**
 * Units of counts, by family: a part and its total, or a received and a
 * concluded count, are compared only within one family (件 with 条, never 件 with 人).
 */
export const COUNT_UNIT_FAMILIES: Readonly<Record<string, string>> = {
  件: 'item',
  起: 'item',
  条: 'item',
  项: 'item',
  个: 'item',
  宗: 'item',
  份: 'item',
  例: 'item',
  单: 'item',
  批: 'item',
  封: 'item',
  篇: 'item',
  部: 'item',
  处: 'item',
  人: 'person',
  名: 'person',
  位: 'person',
  人次: 'person-time',
  户: 'entity',
  家: 'entity',
  户次: 'entity-time',
  次: 'time',
  场: 'time',
  期: 'time',
  剂: 'dose',
  管: 'tube',
};
