/*
 * Data for the continuity/ rules (this year's report beside last year's):
 * the wording every report shares and that is therefore never a copy, the
 * generic words of shortcomings and plans that do not name an item, and the
 * words by which a report refers to last year.
 */
import { COMMON_CORPUS_PHRASES } from './continuity-phrases.js';

export { COMMON_CORPUS_PHRASES };

/**
 * Standard formulae: the regulation's own wording, the guiding-thought and
 * Party formulae, names of the standard systems and campaigns. Every report
 * writes them, year after year; repeating them is not copying last year's
 * report. (Hand-kept; `COMMON_CORPUS_PHRASES` adds what the corpus shows.)
 * Passages are compared by 8-character windows, so only formulae of at least
 * eight characters are listed: a shorter one (民法典, 营商环境) never fills a window.
 */
export const STANDARD_FORMULAE: readonly string[] = [
  // 《法治政府建设与责任落实督察工作规定》 (2019), art. 25: the required contents.
  '上一年度推进法治政府建设的主要举措和成效',
  '上一年度推进法治政府建设存在的不足和原因',
  '上一年度党政主要负责人履行推进法治建设第一责任人职责，加强法治政府建设的有关情况',
  '下一年度推进法治政府建设的主要安排',
  '其他需要报告的情况',
  '法治政府建设与责任落实督察工作规定',
  '党政主要负责人履行推进法治建设第一责任人职责规定',
  '法治政府建设实施纲要（2021—2025年）',
  '法治政府建设实施纲要（2015—2020年）',
  '法治中国建设规划（2020—2025年）',
  '法治社会建设实施纲要（2020—2025年）',
  // Guiding thought and Party formulae.
  '坚持以习近平新时代中国特色社会主义思想为指导',
  '以习近平新时代中国特色社会主义思想为指导',
  '深入学习贯彻习近平法治思想',
  '深入贯彻习近平法治思想',
  '全面贯彻党的二十大精神',
  '全面贯彻党的二十大和二十届二中、三中全会精神',
  '全面贯彻党的十九大和十九届二中、三中、四中、五中、六中全会精神',
  '增强“四个意识”、坚定“四个自信”、做到“两个维护”',
  '深刻领悟“两个确立”的决定性意义',
  '坚持党的领导、人民当家作主、依法治国有机统一',
  '坚持依法治国、依法执政、依法行政共同推进',
  '坚持法治国家、法治政府、法治社会一体建设',
  '职能科学、权责法定、执法严明、公开公正、智能高效、廉洁诚信、人民满意的法治政府',
  '把政府活动全面纳入法治轨道',
  '在法治轨道上全面建设社会主义现代化国家',
  '以人民为中心的发展思想',
  '抓住领导干部这个“关键少数”',
  '现将有关情况报告如下',
  '现将有关工作情况报告如下',
  // Standard systems and campaigns, written the same way by every unit.
  '行政执法公示制度、执法全过程记录制度、重大执法决定法制审核制度',
  '“谁执法谁普法”普法责任制',
  '深化“放管服”改革优化营商环境',
  '“双随机、一公开”监管全覆盖',
  '公众参与、专家论证、风险评估、合法性审查、集体讨论决定',
  '行政机关负责人出庭应诉',
];

/**
 * Words of a shortcoming that do not say which shortcoming it is (有待进一步加强,
 * 仍需, 不够 …): removed before two items are compared, so that
 * 「基层法治建设有待进一步加强」 and 「基层法治建设仍需加强」 are one item and
 * 「执法队伍建设有待加强」 and 「普法宣传有待加强」 are two.
 */
export const SHORTCOMING_GENERIC_WORDS: readonly string[] = [
  '有待进一步', '有待', '进一步', '仍需', '还需', '尚需', '亟需', '亟待', '需要', '仍然', '依然', '仍', '还', '尚',
  '加强', '提升', '提高', '强化', '完善', '健全', '加大', '推进', '深化', '落实', '补足', '夯实',
  '不够', '不足', '不强', '不高', '不到位', '不完善', '不健全', '不充分', '不均衡', '不平衡', '薄弱', '欠缺', '缺乏', '短缺',
  '存在', '问题', '方面', '一些', '部分', '个别', '少数', '较为', '比较', '相对', '有所', '一定', '程度', '力度', '水平', '能力',
  '工作', '建设', '情况', '现象', '差距', '短板', '弱项', '的', '和', '与', '及', '等', '在', '了', '是', '有',
  '一是', '二是', '三是', '四是', '五是', '六是', '七是', '八是', '九是', '十是',
];

/**
 * Words that make a sentence a shortcoming (不够, 有待, 薄弱 …). In a shortcomings
 * part written as plain sentences, a sentence without any of them (the opening
 * 「2022年，……取得明显成效」, a transition) is not an item. (短板 and 弱项 are left
 * out: 补短板、强弱项 is what a report says it did.)
 */
export const SHORTCOMING_MARKERS: readonly string[] = [
  '不足', '不够', '不强', '不高', '不到位', '不完善', '不健全', '不充分', '不均衡', '不平衡', '不规范', '不及时', '不严格', '不明显',
  '不深入', '不精准', '不匹配', '不适应', '不畅', '薄弱', '欠缺', '缺乏', '短缺', '有待', '亟待', '亟需', '仍需', '还需', '尚需',
  '差距', '滞后', '偏低', '偏高', '偏少', '偏弱', '较弱', '较低', '较少', '较多', '单一', '困难', '问题', '瑕疵',
  '未能', '尚未', '仍有', '仍存在', '难以',
];

/**
 * Words of a plan item that do not say what the item is about (加强, 推进, 持续,
 * 进一步 …): removed before an item's key terms are looked for in this year's report.
 * Nouns that name the object (依法行政, 出庭应诉制度, 监督机制) stay.
 */
export const PLAN_GENERIC_WORDS: readonly string[] = [
  '进一步', '持续', '继续', '不断', '切实', '扎实', '全面', '深入', '着力', '大力', '积极', '坚持', '始终', '努力', '加快', '加大',
  '加强', '推进', '推动', '深化', '强化', '提升', '提高', '完善', '健全', '落实', '抓好', '做好', '抓实', '做实', '筑牢', '夯实',
  '优化', '建设', '工作', '水平', '能力', '力度', '质效', '效能', '重点',
  '主要', '全力', '有效', '不断', '更加', '更好', '高质量', '新', '各项', '相关', '有关', '方面', '领域', '任务', '要求',
  '的', '和', '与', '及', '等', '在', '为', '以', '把', '将', '我们', '我局', '我市', '我区', '我县', '全市', '全区', '全县',
  '一是', '二是', '三是', '四是', '五是', '六是', '七是', '八是', '九是', '十是',
];

/**
 * Words by which this year's report refers to last year (上年, 去年 …) or to the
 * same period of last year (上年同期); a year written out (2022年) is read as a year.
 */
export const LAST_YEAR_WORDS: readonly string[] = ['上一年度', '上年同期', '去年同期', '上年度', '上一年', '上年', '去年', '前一年'];

/** Words by which a report refers to its own year (本年, 今年 …): a figure after them is this year's. */
export const THIS_YEAR_WORDS: readonly string[] = ['本年度', '今年', '本年', '当年', '全年', '年内'];
