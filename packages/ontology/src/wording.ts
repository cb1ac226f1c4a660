import { researchWordings } from './catalogue/law-versions.js';
import type { CatalogueConfidence } from './catalogue/types.js';

/*
 * The wording records of the law-version research (错误、过时提法): each wrong form as a
 * pattern, its right form, the legitimate uses around it that must not be "corrected"
 * (the allow-list), the date from which it is wrong, a severity, the source and the
 * confidence. A fix is offered only where the record is confirmed and the right form is
 * one unambiguous text (`replacement`); otherwise the finding names the right form and
 * leaves the edit to the author. Records another rule already enforces say which.
 */

/** One wrong wording, as the style/wording rule reads it. */
export interface WordingEntry {
  /** The research record (w-…). Several entries may share one record. */
  readonly id: string;
  /** Regular-expression source of the wrong form (Unicode flag). */
  readonly pattern: string;
  /** The right form, for messages. */
  readonly right: string;
  /** The exact replacement of the match (`$n` for groups); only for confirmed, unambiguous records. */
  readonly replacement?: string;
  /** Regular-expression sources of legitimate uses: a match inside one of them is not a finding. */
  readonly allow?: readonly string[];
  /** ISO date from which the form is wrong; before it, it was right. Absent: always wrong. */
  readonly since?: string;
  readonly severity: 'error' | 'warn' | 'info';
  readonly confidence: CatalogueConfidence;
  /** Why, or where the right form comes from (zh-CN). */
  readonly reason: string;
  readonly reasonEn: string;
  readonly source: string;
  /** An example of the wrong form and the example corrected (docs, tests). */
  readonly wrongExample: string;
  readonly rightExample: string;
}

const record = (id: string) => {
  const r = researchWordings.find((w) => w.id === id);
  if (!r) throw new Error(`unknown wording record ${id}`);
  return r;
};

/** Severity of a research record as a finding severity. */
function severityOf(id: string): WordingEntry['severity'] {
  const s = record(id).severity;
  return s === 'error' ? 'error' : s === 'warning' ? 'warn' : 'info';
}

/** The research's fields of a record, for an entry. */
function from(id: string): Pick<WordingEntry, 'id' | 'severity' | 'confidence' | 'source' | 'reason'> & { since?: string } {
  const r = record(id);
  return {
    id,
    severity: severityOf(id),
    confidence: r.confidence,
    source: r.source,
    reason: r.note ?? r.right,
    ...(r.since ? { since: r.since } : {}),
  };
}

/** 法制 is right in these uses (w-fazhi-legit): 法制审核, 法制机构, 法制工作委员会, 国家法制统一, 法制教育, 中国政府法制信息网. */
export const FAZHI_LEGITIMATE: readonly string[] = [
  '法制审核',
  '法制机构',
  '法制工作机构',
  '法制委员会',
  '法制工作委员会',
  '法制的统一',
  '法制统一',
  '法制教育',
  '政府法制信息网',
];

/** The wording entries style/wording enforces. */
export const wordingEntries: readonly WordingEntry[] = [
  {
    ...from('w-xianfa-fazhi'),
    pattern: '健全社会主义法制',
    right: '健全社会主义法治',
    replacement: '健全社会主义法治',
    // 宪法第五条“维护社会主义法制的统一和尊严” is unchanged and right.
    allow: ['社会主义法制的统一'],
    reasonEn: 'The 2018 constitutional amendment changed the preamble’s 健全社会主义法制 to 健全社会主义法治.',
    wrongExample: '不断健全社会主义法制',
    rightExample: '不断健全社会主义法治',
  },
  {
    ...from('w-fazhi-ribao'),
    pattern: '法制日报',
    right: '法治日报',
    // Secondary sources only: the edit is a suggestion, never applied by --fix.
    replacement: '法治日报',
    allow: ['原《?法制日报', '法制日报》?[（(]现'],
    reasonEn: 'The paper has been called 《法治日报》 since 1 August 2020.',
    wrongExample: '经验做法在《法制日报》刊发',
    rightExample: '经验做法在《法治日报》刊发',
  },
  {
    ...from('w-sanxiang-zhidu'),
    pattern: '执法过程全记录',
    right: '执法全过程记录',
    replacement: '执法全过程记录',
    reasonEn: 'The system is 执法全过程记录制度 (国办发〔2018〕118号).',
    wrongExample: '全面推行执法过程全记录制度',
    rightExample: '全面推行执法全过程记录制度',
  },
  {
    ...from('w-sanxiang-zhidu'),
    pattern: '行政执法公开制度',
    right: '行政执法公示制度',
    // 公开 may be meant (政务公开): the right name only.
    reasonEn: 'The system is 行政执法公示制度 (国办发〔2018〕118号).',
    wrongExample: '落实行政执法公开制度',
    rightExample: '落实行政执法公示制度',
  },
  {
    ...from('w-fazhi-shenhe'),
    pattern: '法治审核',
    right: '法制审核',
    replacement: '法制审核',
    reasonEn: 'The law says 法制审核 (行政处罚法 Art. 58); 法治审核 over-corrects 法制.',
    wrongExample: '严格落实重大执法决定法治审核制度',
    rightExample: '严格落实重大执法决定法制审核制度',
  },
  {
    ...from('w-fzzf-mubiao-2015'),
    pattern: '廉洁高效[、，,]守法诚信',
    right: '职能科学、权责法定、执法严明、公开公正、智能高效、廉洁诚信、人民满意',
    reasonEn: 'Since the 2021–2025 纲要 (August 2021) the goal has seven parts: …智能高效、廉洁诚信、人民满意.',
    wrongExample: '加快建设职能科学、权责法定、执法严明、公开公正、廉洁高效、守法诚信的法治政府',
    rightExample: '加快建设职能科学、权责法定、执法严明、公开公正、智能高效、廉洁诚信、人民满意的法治政府',
  },
  {
    ...from('w-ducha-ducha'),
    pattern: '法治政府建设与责任落实督查工作规定',
    right: '法治政府建设与责任落实督察工作规定',
    replacement: '法治政府建设与责任落实督察工作规定',
    reasonEn: 'The 2019 regulation says 督察; 督查 is the State Council’s 政府督查工作条例.',
    wrongExample: '对照《法治政府建设与责任落实督查工作规定》',
    rightExample: '对照《法治政府建设与责任落实督察工作规定》',
  },
  {
    ...from('w-hefaxing-shencha-shenhe'),
    pattern: '重大行政决策合法性审核',
    right: '重大行政决策合法性审查',
    reasonEn: 'Major administrative decisions undergo 合法性审查 (重大行政决策程序暂行条例 ch. 3).',
    wrongExample: '落实重大行政决策合法性审核',
    rightExample: '落实重大行政决策合法性审查',
  },
  {
    ...from('w-guifanxing-wenjian'),
    pattern: '(?<!备案)规范性文件合法性审查',
    right: '行政规范性文件合法性审核',
    // A people's congress reviewing filed documents (备案审查) does review their legality: not this record.
    allow: ['备案审查', '人大', '人民代表大会'],
    reasonEn: 'For administrative normative documents the mechanism is 合法性审核 (国办发〔2018〕115号).',
    wrongExample: '开展政府规范性文件合法性审查',
    rightExample: '开展政府行政规范性文件合法性审核',
  },
  {
    ...from('w-yifu-liangyuan'),
    pattern: '一府两院',
    right: '一府一委两院',
    allow: ['一府两院[^。；]{0,8}(?:以前|之前|时期)'],
    reasonEn: 'Since the supervisory commissions (2018) the bodies the congress elects are 一府一委两院.',
    wrongExample: '听取和审议“一府两院”专项工作报告',
    rightExample: '听取和审议“一府一委两院”专项工作报告',
  },
  {
    ...from('w-juti-xingzheng-xingwei'),
    pattern: '具体行政行为',
    right: '行政行为',
    reasonEn: 'The Administrative Litigation Law (2015) and the Administrative Reconsideration Law (2024) say 行政行为.',
    wrongExample: '对具体行政行为不服的，依法申请行政复议',
    rightExample: '对行政行为不服的，依法申请行政复议',
  },
  {
    ...from('w-fuyi-jigou'),
    pattern: '行政复议机关负责法制工作的机构',
    right: '行政复议机构',
    reasonEn: 'Since 2024 the law names the 行政复议机构 (行政复议法 Art. 4).',
    wrongExample: '由行政复议机关负责法制工作的机构办理',
    rightExample: '由行政复议机构办理',
  },
  {
    ...from('w-fuyi-guanxia'),
    pattern: '向(?:其)?上一级主管部门(?:提出|申请)(?:行政)?复议',
    right: '向本级人民政府申请行政复议',
    // Vertically managed bodies and tax and state security keep the old jurisdiction.
    allow: ['海关', '金融', '外汇', '税务', '国家安全', '垂直'],
    reasonEn: 'Since 2024 a county-level department’s acts are reviewed by the same-level government (行政复议法 Art. 24).',
    wrongExample: '群众可向上一级主管部门申请行政复议',
    rightExample: '群众可向本级人民政府申请行政复议',
  },
  {
    ...from('w-fangguanfu'),
    pattern: '放管服务改革',
    right: '“放管服”改革',
    reasonEn: 'The reform is “放管服”改革 (简政放权、放管结合、优化服务).',
    wrongExample: '深化放管服务改革',
    rightExample: '深化“放管服”改革',
  },
  {
    ...from('w-fangguanfu'),
    pattern: '放管结合[、，,]优化管理',
    right: '放管结合、优化服务',
    replacement: '放管结合、优化服务',
    reasonEn: 'The third part of “放管服” is 优化服务.',
    wrongExample: '简政放权、放管结合、优化管理',
    rightExample: '简政放权、放管结合、优化服务',
  },
  {
    ...from('w-shuangsuiji'),
    pattern: '双随机一公开',
    right: '“双随机、一公开”',
    replacement: '双随机、一公开',
    reasonEn: 'The official text writes “双随机、一公开”.',
    wrongExample: '开展双随机一公开抽查',
    rightExample: '开展“双随机、一公开”抽查',
  },
  {
    ...from('w-sifasuo'),
    pattern: '(?:乡镇|街道)司法局',
    right: '乡镇（街道）司法所',
    reasonEn: 'Towns and sub-districts have a 司法所, the county justice bureau’s office, not a 司法局.',
    wrongExample: '乡镇司法局开展人民调解',
    rightExample: '乡镇司法所开展人民调解',
  },
  {
    ...from('w-diyi-zerenren'),
    // The record's wrong forms: 履行法治建设第一责任人职责 (推进 missing), 党政主要负责人法治建设第一责任人职责,
    // 法治政府建设第一责任人. The bare noun (扛牢法治建设第一责任人职责) is common and left alone;
    // 推进法治政府建设第一责任人 is style/official-name's (a warning with a fix).
    // Written to start with its literal (the look-behinds at the end), so the scan is fast.
    pattern: '法治建设第一责任人(?<=(?:履行|负责人)法治建设第一责任人)|法治政府建设第一责任人(?<!推进法治政府建设第一责任人)',
    right: '推进法治建设第一责任人',
    reasonEn: 'The 2016 regulation names the duty 履行推进法治建设第一责任人职责.',
    wrongExample: '切实履行法治政府建设第一责任人职责',
    rightExample: '切实履行推进法治建设第一责任人职责',
  },
];

/** Research records enforced elsewhere, and by which rule (so every record is accounted for). */
export const WORDING_ENFORCED_BY: Readonly<Record<string, string>> = {
  'w-fazhi-legit': 'style/wording (FAZHI_LEGITIMATE) and references/outdated-term (法制宣传 → 法治宣传 exclusions)',
  'w-quanmian-yifazhiguo-weiyuanhui': 'style/official-name',
  'w-typo-faye': 'style/domain-typo',
  'w-typo-getigongshanghu': 'style/domain-typo',
  'w-xjp-fazhi-sixiang': 'references/outdated-term (term-xjp-fzsx-old)',
  'w-banben-nianfen': 'references/malformed-citation',
  'w-xin-xiuding': 'references/outdated-law-version',
  'w-huanjing-fagui-feizhi': 'references/outdated-policy (the ten laws repealed by 生态环境法典)',
  'w-xinfang-tiaoli': 'references/outdated-policy (lv-xinfangtiaoli)',
  'w-fazhiban-sifaju': 'references/outdated-organization (org-fazhiban)',
  'w-xiaokang': 'references/ended-campaign (cp-quanmian-xiaokang)',
  'w-saohei': 'references/ended-campaign (cp-saohei-zhuanxiang)',
  'w-tuopin-guodu': 'references/ended-campaign (cp-gonggu-xianjie)',
};
