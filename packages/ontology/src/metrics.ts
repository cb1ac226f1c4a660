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
  /**
   * Counts of this object are the year's totals of one register (行政复议案件 the review
   * body received, 信息公开申请): the same figure stated twice with two values is a
   * contradiction (`statistics/inconsistent-figure`). Objects counted campaign by campaign
   * (问题, 隐患, 矛盾纠纷, 执法案卷) are not: two paragraphs may count two inspections.
   */
  readonly annualRegister?: boolean;
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
  /**
   * What a received verb records, for the figures ledger: 收到 counts the applications
   * that came in, 受理 the accepted ones, 立案 the filed ones, 排查 the ones found, so two
   * received figures with different senses are two figures. 新收 records new work only
   * (`new`). Concluded verbs are told apart by `group`.
   */
  readonly sense?: string;
  /**
   * The `group` of the received verbs this concluded verb is counted against: 出庭 against
   * 应出庭 (`appear`), never against 受理. Default: the ordinary received verbs (`receive`).
   */
  readonly base?: string;
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
    annualRegister: true,
    name: '行政复议案件',
    nameEn: 'administrative review cases',
    aliases: ['行政复议案件', '行政复议申请', '复议案件', '复议申请', '行政复议'],
  },
  {
    id: 'administrative-litigation-case',
    annualRegister: true,
    name: '行政诉讼案件',
    nameEn: 'administrative litigation cases',
    aliases: ['行政应诉案件', '行政诉讼案件', '行政应诉', '行政诉讼', '应诉案件', '诉讼案件'],
  },
  {
    id: 'information-disclosure-request',
    annualRegister: true,
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
    annualRegister: true,
    name: '信访件',
    nameEn: 'petitions',
    aliases: ['信访事项', '信访案件', '信访投诉', '信访件', '来信来访', '信访', '来访', '来信'],
  },
  { id: 'proposal', annualRegister: true, name: '提案', nameEn: 'CPPCC proposals', aliases: ['政协提案', '提案'] },
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
  { id: 'market-entity', annualRegister: true, name: '市场主体', nameEn: 'market entities', aliases: ['市场主体', '经营主体'] },
  {
    id: 'enforcement-case',
    annualRegister: true,
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
  { text: '收到', kind: 'received', group: 'receive', sense: 'receive' },
  { text: '受理', kind: 'received', group: 'receive', sense: 'accept' },
  { text: '新收', kind: 'received', group: 'receive', sense: 'new' },
  { text: '接收', kind: 'received', group: 'receive', sense: 'receive' },
  { text: '接到', kind: 'received', group: 'receive', sense: 'receive' },
  { text: '受案', kind: 'received', group: 'receive', sense: 'accept' },
  { text: '立案', kind: 'received', group: 'receive', sense: 'file' },
  { text: '登记', kind: 'received', group: 'receive', sense: 'register' },
  { text: '排查出', kind: 'received', group: 'receive', sense: 'identify' },
  { text: '排查', kind: 'received', group: 'receive', sense: 'identify' },
  { text: '摸排', kind: 'received', group: 'receive', sense: 'identify' },
  { text: '发现', kind: 'received', group: 'receive', sense: 'identify' },
  { text: '确定', kind: 'received', group: 'receive', sense: 'identify' },
  // 调解纠纷1171件 is the base of 调解成功率; 调解成功 itself is a concluded verb (longer, matched first).
  { text: '调解', kind: 'received', group: 'receive', sense: 'mediate' },
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
  // appearances in court: 出庭率 is 实际出庭 over 应出庭, never over the cases received
  { text: '应出庭', kind: 'received', group: 'appear', sense: 'due-appearance' },
  { text: '实际出庭', kind: 'concluded', rateOverReceived: true, group: 'appear', base: 'appear' },
  { text: '出庭应诉', kind: 'concluded', rateOverReceived: true, group: 'appear', base: 'appear' },
  { text: '出庭', kind: 'concluded', rateOverReceived: true, group: 'appear', base: 'appear' },
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

/**
 * Category vocabularies whose members never overlap (a case is 维持 or 撤销, not both):
 * when every part of a 其中 list starts with a different member of one set, the parts
 * are disjoint and must not add up to more than their total. Other 其中 lists may
 * cut across each other (by channel and by type) and only each part is checked.
 */
export const DISJOINT_PART_SETS: readonly (readonly string[])[] = [
  // outcomes of concluded review and litigation cases
  ['确认违法', '确认无效', '责令履行', '维持', '撤销', '变更', '驳回', '终止', '调解', '和解', '胜诉', '败诉'],
  // outcomes of a clean-up of normative documents
  ['宣告失效', '决定修改', '继续有效', '拟修改', '拟废止', '废止', '失效', '修改', '保留'],
  // channels of petitions and of disclosure requests
  ['网上信访', '来信', '来访', '网信', '电话'],
  ['电子邮件', '当面', '网络', '网上', '信函', '传真'],
  ['不合格', '合格'],
  // new and carried-over work
  ['以前年度结转', '上年度结转', '上年结转', '本年新收', '旧存', '新收'],
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

// ---------------------------------------------------------------------------
// The figures ledger (statistics/inconsistent-figure, statistics/growth-mismatch):
// words that tell which figure a number is — its period, its scope, whether it
// is carried-over work — and the words of a stated change against another period.

/** What a figure measures, for the figures ledger. */
export type FigureMeasure =
  /** Work that came in (收到, 受理, 排查 …). */
  | 'received'
  /** New work of the period only (新收, 新增). */
  | 'new'
  /** Work carried over from an earlier period (上年结转, 旧存, 上年未结). */
  | 'carried-over'
  /** Work finished (审结, 办结, 化解, 出庭 …). */
  | 'concluded'
  /** Work still open (在审, 未结). */
  | 'pending'
  /** Stock that left (注销, 吊销). */
  | 'removed'
  /** Net change of a stock (净增). */
  | 'net'
  /** The whole of listed parts (…件，其中…) or a sum (共计, 合计). */
  | 'total'
  /** A rate or share (办结率, 占比). */
  | 'rate'
  /** A count with no verb that says what happened (培训12场). */
  | 'count'
  /** A stated change against another period (同比增长20%, 提高2个百分点, 增长6倍). */
  | 'change';

/**
 * Words that mark a count as carried over from an earlier period, longest first.
 * 结转 alone is not one: 结转下年 is work carried forward, i.e. still pending.
 */
export const CARRIED_OVER_WORDS: readonly string[] = [
  '以前年度结转',
  '上一年度结转',
  '上年度结转',
  '上一年结转',
  '上年度未结',
  '上年度遗留',
  '往年结转',
  '上年结转',
  '上年未结',
  '上年遗留',
  '结转上年',
  '跨年结转',
  '旧存',
];

/** Words that make a count a sum of other counts (共计, 合计, 总计): its measure is `total` when it has no verb. */
export const TOTAL_WORDS: readonly string[] = ['共计', '合计', '总计', '总数', '总量'];

/** The kinds of period a figure can cover. */
export type FigurePeriodKind =
  /** The report year (本年, 今年, 全年, or unmarked). */
  | 'current'
  /** The year before (上年, 去年, 同期). */
  | 'previous'
  /** A named year (2019年), resolved against the report year by the ledger. */
  | 'year'
  /** Everything so far (累计, 历年). */
  | 'cumulative'
  /** The last few years (近三年, 三年来). */
  | 'recent'
  /** A stock on a day (截至6月底, 截至目前). */
  | 'as-of'
  /** Since a start (2019年以来, 自…以来). */
  | 'since'
  /** Part of a year (上半年, 一季度, 1—10月). */
  | 'span'
  /** A target or a plan for later (力争, 预计, 明年): not a figure of what was done. */
  | 'plan';

/** Period words and their kind, longest first within overlapping words. */
export const PERIOD_WORDS: readonly { readonly text: string; readonly kind: FigurePeriodKind }[] = [
  { text: '今年以来', kind: 'current' },
  { text: '本年以来', kind: 'current' },
  { text: '年初以来', kind: 'current' },
  { text: '本年度', kind: 'current' },
  { text: '本年', kind: 'current' },
  { text: '今年', kind: 'current' },
  { text: '全年', kind: 'current' },
  { text: '年内', kind: 'current' },
  { text: '当年', kind: 'current' },
  { text: '年度内', kind: 'current' },
  { text: '去年以来', kind: 'since' },
  { text: '上一年度', kind: 'previous' },
  { text: '上年同期', kind: 'previous' },
  { text: '去年同期', kind: 'previous' },
  { text: '上年度', kind: 'previous' },
  { text: '上一年', kind: 'previous' },
  { text: '上年', kind: 'previous' },
  { text: '去年', kind: 'previous' },
  { text: '同期', kind: 'previous' },
  { text: '累计', kind: 'cumulative' },
  { text: '历年', kind: 'cumulative' },
  { text: '历史', kind: 'cumulative' },
  { text: '近年来', kind: 'recent' },
  { text: '上半年', kind: 'span' },
  { text: '下半年', kind: 'span' },
  { text: '季度', kind: 'span' },
  { text: '年初', kind: 'span' },
  { text: '年底', kind: 'as-of' },
  { text: '年末', kind: 'as-of' },
  { text: '目前', kind: 'as-of' },
  { text: '截至', kind: 'as-of' },
  { text: '截止', kind: 'as-of' },
  { text: '以来', kind: 'since' },
  { text: '期间', kind: 'span' },
  { text: '下一年度', kind: 'plan' },
  { text: '下一年', kind: 'plan' },
  { text: '明年', kind: 'plan' },
  { text: '力争', kind: 'plan' },
  { text: '争取', kind: 'plan' },
  { text: '预计', kind: 'plan' },
  { text: '计划', kind: 'plan' },
  { text: '目标', kind: 'plan' },
];

/** What a scope word says about whose figure it is. */
export type FigureScopeKind =
  /** The whole area the report covers (全市, 全县, 我区). */
  | 'area'
  /** The government's own level only (市本级, 县政府本级). */
  | 'own-level'
  /** Every subordinate unit (各县区, 各乡镇, 各部门). */
  | 'units';

/**
 * Scope words for the ledger, longest first. Two figures with different scope
 * kinds are different figures; an unscoped figure is the report's own and is
 * never compared with a scoped one.
 */
export const FIGURE_SCOPE_WORDS: readonly { readonly text: string; readonly kind: FigureScopeKind }[] = [
  { text: '市政府本级', kind: 'own-level' },
  { text: '区政府本级', kind: 'own-level' },
  { text: '县政府本级', kind: 'own-level' },
  { text: '市本级', kind: 'own-level' },
  { text: '区本级', kind: 'own-level' },
  { text: '县本级', kind: 'own-level' },
  { text: '本级', kind: 'own-level' },
  { text: '各县（市、区）', kind: 'units' },
  { text: '各县(市、区)', kind: 'units' },
  { text: '各县市区', kind: 'units' },
  { text: '各县区', kind: 'units' },
  { text: '各区县', kind: 'units' },
  { text: '各乡镇（街道）', kind: 'units' },
  { text: '各乡镇(街道)', kind: 'units' },
  { text: '各乡镇', kind: 'units' },
  { text: '各镇街', kind: 'units' },
  { text: '各街道', kind: 'units' },
  { text: '各部门', kind: 'units' },
  { text: '各单位', kind: 'units' },
  { text: '各地', kind: 'units' },
  { text: '各级', kind: 'units' },
  { text: '全省', kind: 'area' },
  { text: '全市', kind: 'area' },
  { text: '全区', kind: 'area' },
  { text: '全县', kind: 'area' },
  { text: '全镇', kind: 'area' },
  { text: '全乡', kind: 'area' },
  { text: '我省', kind: 'area' },
  { text: '我市', kind: 'area' },
  { text: '我区', kind: 'area' },
  { text: '我县', kind: 'area' },
  { text: '我镇', kind: 'area' },
];

/**
 * Words before the verb that name the reporting body itself (我局, 本机关): a figure
 * with them is the report's own figure, as an unscoped one.
 */
export const SELF_WORDS: readonly string[] = ['我局', '本局', '我委', '本委', '我办', '本办', '本机关', '我单位', '本单位', '我们'];

/**
 * Words around a figure that carry no information about which figure it is
 * (共, 依法, 已): dropped before the words are compared.
 */
export const FIGURE_FILLER_WORDS: readonly string[] = [
  '共计',
  '合计',
  '总计',
  '累计',
  '共',
  '依法',
  '全部',
  '已经',
  '已',
  '各类',
  '各种',
  '各项',
  '一共',
  '先后',
  '其中',
  '分别',
  '实现',
  '完成',
  '办理',
  '处理',
  '有',
  '了',
  '的',
  '到',
  '达',
  '为',
];

/** Direction of a stated change. */
export type ChangeDirection = 'up' | 'down';

/** Verbs of a change against another period, longest first (增长20%, 下降3个百分点). */
export const CHANGE_VERBS: readonly { readonly text: string; readonly direction: ChangeDirection }[] = [
  { text: '同比增长', direction: 'up' },
  { text: '同比增加', direction: 'up' },
  { text: '同比提高', direction: 'up' },
  { text: '同比上升', direction: 'up' },
  { text: '同比下降', direction: 'down' },
  { text: '同比减少', direction: 'down' },
  { text: '同比降低', direction: 'down' },
  { text: '增长', direction: 'up' },
  { text: '增加', direction: 'up' },
  { text: '提高', direction: 'up' },
  { text: '提升', direction: 'up' },
  { text: '上升', direction: 'up' },
  { text: '上涨', direction: 'up' },
  { text: '增多', direction: 'up' },
  { text: '增幅', direction: 'up' },
  { text: '增速', direction: 'up' },
  { text: '下降', direction: 'down' },
  { text: '减少', direction: 'down' },
  { text: '降低', direction: 'down' },
  { text: '回落', direction: 'down' },
  { text: '下滑', direction: 'down' },
  { text: '降幅', direction: 'down' },
];

/**
 * Comparison words that say the change is against the previous year (同比, 较上年).
 * 环比 compares with the previous month or quarter: a change with it is checked only
 * against a base stated in the same sentence.
 */
export const CHANGE_COMPARATORS: readonly { readonly text: string; readonly against: 'previous' | 'sequential' }[] = [
  { text: '与上一年度相比', against: 'previous' },
  { text: '与上年同期相比', against: 'previous' },
  { text: '与去年同期相比', against: 'previous' },
  { text: '与上年相比', against: 'previous' },
  { text: '与去年相比', against: 'previous' },
  { text: '较上一年度', against: 'previous' },
  { text: '比上一年度', against: 'previous' },
  { text: '较上年同期', against: 'previous' },
  { text: '较去年同期', against: 'previous' },
  { text: '比上年同期', against: 'previous' },
  { text: '比去年同期', against: 'previous' },
  { text: '较上一年', against: 'previous' },
  { text: '比上一年', against: 'previous' },
  { text: '较上年度', against: 'previous' },
  { text: '比上年度', against: 'previous' },
  { text: '较上年', against: 'previous' },
  { text: '较去年', against: 'previous' },
  { text: '比上年', against: 'previous' },
  { text: '比去年', against: 'previous' },
  { text: '同比', against: 'previous' },
  { text: '环比', against: 'sequential' },
];

/**
 * How a 倍 figure relates the two counts. `by`: 增长/增加/提高 X倍 — strictly the new count
 * is (X + 1) times the old one, but reports often mean X times, so both readings are
 * accepted. `of`: 是上年的 X 倍, 增长到/增至 X 倍 — the new count is X times the old one.
 */
export type TimesReading = 'by' | 'of';

/** Words before a 倍 figure that make it a multiple of the old count (是上年的3倍, 增至3倍). */
export const TIMES_OF_WORDS: readonly string[] = [
  '增长到',
  '增长至',
  '增加到',
  '增加至',
  '提高到',
  '提高至',
  '提升到',
  '提升至',
  '上升到',
  '上升至',
  '增至',
  '升至',
  '达到',
  '相当于',
  '是',
  '为',
  '达',
];

/**
 * Words a rate's name may have before its verb and still be a rate of that verb
 * over the received count (案件办结率, 行政机关负责人出庭率); anything else makes it
 * another measure (调解结案率 is a share of the concluded cases).
 */
export const RATE_HEAD_WORDS: readonly string[] = [
  '案件',
  '事项',
  '申请',
  '诉求',
  '投诉',
  '举报',
  '工单',
  '问题',
  '件',
  '办件',
  '的',
  '负责人',
  '行政首长',
  '领导干部',
];
