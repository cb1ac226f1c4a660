/*
 * Data for the style/ rules: wrong official names (of bodies, duties and Party
 * formulas) and sure domain typos. Each entry gives the wrong form, the correct
 * form and the reason or source, so a finding can say why and a fix can apply it.
 * Patterns are regular-expression sources compiled once by the rules; `$1`… in
 * `correct` refer to the pattern's capture groups.
 */

/** One wrong form and its correction. */
export interface StyleEntry {
  readonly id: string;
  /** Regular-expression source of the wrong form (Unicode flag; no `g`/`y` needed). */
  readonly pattern: string;
  /** The correct form; `$n` refers to capture group n. Absent when no single fix is sure. */
  readonly correct?: string;
  /** An example of the wrong form, used in messages and docs. */
  readonly wrongExample: string;
  /** The example, corrected (or what to write instead). */
  readonly correctExample: string;
  /** Why the form is wrong, or where the correct form comes from (zh-CN). */
  readonly reason: string;
  /** The same in English. */
  readonly reasonEn: string;
  /** Finding severity; defaults to the rule's. */
  readonly severity?: 'info' | 'warn' | 'error';
}

/**
 * Wrong names of bodies, duties and formulas (style/official-name).
 */
export const officialNameEntries: readonly StyleEntry[] = [
  {
    id: 'quanmian-yifazhi-guo-weiyuanhui',
    // 中央依法治国委员会 (e004): the body set up in 2018 is 中央全面依法治国委员会.
    pattern: String.raw`(?<!全面)依法治国委员会`,
    correct: '全面依法治国委员会',
    wrongExample: '中央依法治国委员会第三次会议',
    correctExample: '中央全面依法治国委员会第三次会议',
    reason: '2018年《深化党和国家机构改革方案》组建的是“中央全面依法治国委员会”，不能省略“全面”。',
    reasonEn: 'The body set up by the 2018 reform is the 中央全面依法治国委员会; 全面 cannot be dropped.',
  },
  {
    id: 'quanmian-yifazhi-difang-weiyuanhui',
    // 市委依法治市委员会: local committees mirror the central name (全面依法治市委员会);
    // the short form is common in speech, so only info.
    pattern: String.raw`(?<!全面)(依法治(?:省|市|县|区|州|旗))委员会`,
    correct: '全面$1委员会',
    wrongExample: '市委依法治市委员会第三次会议',
    correctExample: '市委全面依法治市委员会第三次会议',
    reason: '地方党委的法治建设议事协调机构按中央全面依法治国委员会对应设立，正式名称为“全面依法治省（市、县）委员会”。',
    reasonEn: 'Local committees mirror the central one; their official name is 全面依法治省/市/县委员会.',
    severity: 'info',
  },
  {
    id: 'diyi-zerenren-fazhi-jianshe',
    // The 2016 regulation names the duty 推进法治建设第一责任人职责, not 法治政府建设.
    pattern: String.raw`推进法治政府建设第一责任人`,
    correct: '推进法治建设第一责任人',
    wrongExample: '履行推进法治政府建设第一责任人职责',
    correctExample: '履行推进法治建设第一责任人职责',
    reason: '《党政主要负责人履行推进法治建设第一责任人职责规定》（2016年）规定的是“推进法治建设第一责任人职责”。',
    reasonEn: 'The 2016 regulation names the duty 推进法治建设第一责任人职责 (rule-of-law building, not law-based-government building).',
  },
  {
    id: 'lijie-quanhui',
    // 党的十九大和历届全会精神 → 党的十九大和十九届历次全会精神 (e019).
    pattern: String.raw`(党的(十[八九]|二十)大(?:和|及|以及))历届全会`,
    correct: '$1$2届历次全会',
    wrongExample: '全面贯彻党的十九大和历届全会精神',
    correctExample: '全面贯彻党的十九大和十九届历次全会精神',
    reason: '规范提法是“党的十九大和十九届历次全会精神”；“历届全会”指历届中央委员会的全会，含义不对。',
    reasonEn: 'The standard formula is 党的十九大和十九届历次全会精神; 历届全会 would mean the plenums of every Central Committee.',
  },
  {
    id: 'jie-lijie-quanhui',
    pattern: String.raw`((?:十[八九]|二十)届)历届全会`,
    correct: '$1历次全会',
    wrongExample: '十九届历届全会精神',
    correctExample: '十九届历次全会精神',
    reason: '同一届中央委员会的全会称“历次全会”。',
    reasonEn: 'The plenums of one Central Committee are its 历次全会.',
  },
  {
    id: 'quhui-renda-changweihui',
    // 区委人大常委会 mixes the Party committee and the people's congress standing committee (e023).
    pattern: String.raw`([区县市])委人大常委会`,
    wrongExample: '召开区委人大常委会会议',
    correctExample: '召开区委常委会会议 / 区人大常委会会议',
    reason: '“区委”（党委）和“区人大常委会”是两个机关，名称混在一起，需确认是哪一个。',
    reasonEn: 'Mixes the district Party committee (区委) and the district people’s congress standing committee (区人大常委会); say which.',
    severity: 'info',
  },
];

/**
 * Sure typos of the domain (style/domain-typo): each pattern cannot be a correct word.
 */
export const domainTypoEntries: readonly StyleEntry[] = [
  {
    id: 'fa-ye',
    pattern: '法冶(?![炼金铁])',
    correct: '法治',
    wrongExample: '推进法冶政府建设',
    correctExample: '推进法治政府建设',
    reason: '“冶”（冶炼）是“治”的形近误字。',
    reasonEn: '冶 (smelt) is a look-alike typo for 治 (govern).',
  },
  {
    id: 'ge-gongshanghu',
    pattern: String.raw`(?<![体])个工商户`,
    correct: '个体工商户',
    wrongExample: '个工商户25423户',
    correctExample: '个体工商户25423户',
    reason: '市场主体的法定名称是“个体工商户”（《促进个体工商户发展条例》）。',
    reasonEn: 'The legal term is 个体工商户 (individual business); 体 is missing.',
  },
  {
    id: 'daoda-bailv',
    // A rate 达到 a value; 到达 is arriving at a place (e005: 公示率均到达100%).
    pattern: String.raw`(率|比例|覆盖面)(均|已|全部|基本|全)?到达(?=\s*[0-9０-９百])`,
    correct: '$1$2达到',
    wrongExample: '公示率均到达100%',
    correctExample: '公示率均达到100%',
    reason: '比率“达到”某个数值；“到达”指到达某地。',
    reasonEn: 'A rate 达到 (reaches) a value; 到达 means arriving somewhere.',
  },
  {
    id: 'ji-zuodao',
    // 基本做到 with 本 dropped (e014); 地基/路基 做到 are excluded.
    pattern: String.raw`(?<![地路桩房根])基做到`,
    correct: '基本做到',
    wrongExample: '案件基做到了主体合法',
    correctExample: '案件基本做到了主体合法',
    reason: '漏字：“基本做到”。',
    reasonEn: 'A character is missing: 基本做到.',
  },
  {
    id: 'jingji-hui-fazhan',
    // 经济社会发展 with 社 dropped, leaving a space (e015).
    pattern: String.raw`经济[\s\u3000]+会发展`,
    correct: '经济社会发展',
    wrongExample: '为经济 会发展提供了良好的法治环境',
    correctExample: '为经济社会发展提供了良好的法治环境',
    reason: '漏字：“经济社会发展”。',
    reasonEn: 'A character is missing: 经济社会发展.',
  },
  {
    id: 'nian-missing',
    // A paragraph opening with a bare year and a comma (e008: “2021,在市委…”) lost its 年.
    pattern: String.raw`(?<=^|\n)([ \t\u3000]*(?:19|20)\d{2})(?=[,，](?:在|按照|根据|全[区县市镇]|我[区县市镇局])|[,，]全面)`,
    correct: '$1年',
    wrongExample: '2021,在市委、市政府的坚强领导下',
    correctExample: '2021年,在市委、市政府的坚强领导下',
    reason: '段首的年份缺少“年”字。',
    reasonEn: 'The year opening the paragraph lacks 年.',
  },
];
