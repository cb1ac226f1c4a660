/**
 * The page's own words, zh-CN first (the reviewing offices' language) and
 * English. Findings come already worded by the linter in the chosen locale.
 */
import type { Locale } from '@fzlint/rule-api';

const STRINGS = {
  appTitle: { 'zh-CN': 'fzlint 法治政府建设年度报告审查台', en: 'fzlint — annual report review workbench' },
  tagline: {
    'zh-CN': '在本机浏览器中检查报告，不联网、不上传：缺少的必备内容、前后矛盾的数字、过时的政策引用。',
    en: 'Checks reports in this browser, offline, nothing uploaded: missing required contents, contradicting figures, outdated policy references.',
  },
  language: { 'zh-CN': 'English', en: '中文' },
  languageLabel: { 'zh-CN': 'Switch to English', en: '切换到中文' },
  settings: { 'zh-CN': '设置', en: 'Settings' },
  dropHere: { 'zh-CN': '把报告文件或整个文件夹拖到这里', en: 'Drop report files or a whole folder here' },
  formats: { 'zh-CN': '支持 .md、.txt（UTF-8 或 GBK）、.docx、.html（网页另存）、.pdf（文字版）', en: '.md, .txt (UTF-8 or GBK), .docx, .html (saved pages), .pdf (text PDFs)' },
  pickFiles: { 'zh-CN': '选择文件…', en: 'Choose files…' },
  pickFolder: { 'zh-CN': '选择文件夹…', en: 'Choose a folder…' },
  clear: { 'zh-CN': '清空', en: 'Clear' },
  progress: { 'zh-CN': '正在检查 {done}/{total}：{name}', en: 'Checking {done}/{total}: {name}' },
  finished: { 'zh-CN': '已检查 {n} 份报告', en: '{n} reports checked' },
  progressLabel: { 'zh-CN': '检查进度', en: 'Progress' },
  workerFailed: { 'zh-CN': '检查程序意外停止，请刷新页面后分批重试', en: 'The checker stopped unexpectedly; reload the page and retry in smaller batches' },
  ready: { 'zh-CN': '尚未加载报告', en: 'No reports loaded yet' },
  skippedNotReport: { 'zh-CN': '{n} 个文件不是报告格式，已跳过', en: '{n} files are not reports and were skipped' },
  problems: { 'zh-CN': '未能检查的文件', en: 'Files that could not be checked' },
  tabOverview: { 'zh-CN': '总览', en: 'Overview' },
  tabCharts: { 'zh-CN': '图表', en: 'Charts' },
  tabReport: { 'zh-CN': '报告详情', en: 'Report' },
  filter: { 'zh-CN': '筛选（文件、单位、标题）', en: 'Filter (file, issuer, title)' },
  show: { 'zh-CN': '显示', en: 'Show' },
  showAll: { 'zh-CN': '全部报告', en: 'All reports' },
  showErrors: { 'zh-CN': '有错误的', en: 'With errors' },
  showWarnings: { 'zh-CN': '有错误或警告的', en: 'With errors or warnings' },
  showLate: { 'zh-CN': '公开时间有问题或不明的', en: 'Deadline missed, early or undated' },
  rowsShown: { 'zh-CN': '显示 {shown}/{total} 份', en: '{shown} of {total} shown' },
  colFile: { 'zh-CN': '文件', en: 'File' },
  colIssuer: { 'zh-CN': '单位', en: 'Issuer' },
  colTitle: { 'zh-CN': '标题', en: 'Title' },
  colYear: { 'zh-CN': '年度', en: 'Year' },
  colWritten: { 'zh-CN': '成文日期', en: 'Written' },
  colPublished: { 'zh-CN': '发布日期', en: 'Published' },
  colCompleteness: { 'zh-CN': '内容完整', en: 'Complete' },
  colCauses: { 'zh-CN': '原因分析', en: 'Causes' },
  colData: { 'zh-CN': '数据运用', en: 'Data' },
  colPlan: { 'zh-CN': '安排具体', en: 'Plan' },
  colTimeliness: { 'zh-CN': '公开及时', en: 'Timely' },
  colTotal: { 'zh-CN': '总分', en: 'Total' },
  colErrors: { 'zh-CN': '错误', en: 'Errors' },
  colWarnings: { 'zh-CN': '警告', en: 'Warnings' },
  colInfos: { 'zh-CN': '提示', en: 'Infos' },
  colDeadline: { 'zh-CN': '公开期限', en: 'Deadline' },
  colPrevious: { 'zh-CN': '上年度报告', en: 'Last year' },
  continuity: { 'zh-CN': '延续性', en: 'Continuity' },
  comparedWith: { 'zh-CN': '对照上年度报告 {name}（{why}）', en: 'Compared with last year’s report {name} ({why})' },
  colLine: { 'zh-CN': '行/段', en: 'Line' },
  colRule: { 'zh-CN': '规则', en: 'Rule' },
  colSeverity: { 'zh-CN': '级别', en: 'Severity' },
  colMessage: { 'zh-CN': '说明', en: 'Message' },
  colSource: { 'zh-CN': '目录依据', en: 'Catalogue source' },
  deadlineMet: { 'zh-CN': '{date}前 · 按时', en: 'by {date} · met' },
  deadlineLate: { 'zh-CN': '{date}前 · 逾期', en: 'by {date} · late' },
  deadlineEarly: { 'zh-CN': '{date}前 · 早于年度结束', en: 'by {date} · before the year ended' },
  deadlineUnknown: { 'zh-CN': '{date}前 · 日期不明', en: 'by {date} · undated' },
  sortBy: { 'zh-CN': '按“{col}”排序', en: 'Sort by {col}' },
  exportTitle: { 'zh-CN': '导出', en: 'Export' },
  exportOverviewCsv: { 'zh-CN': '总览 CSV', en: 'Overview CSV' },
  exportFindingsCsv: { 'zh-CN': '全部问题 CSV', en: 'All findings CSV' },
  exportXlsx: { 'zh-CN': 'Excel（总览＋问题）', en: 'Excel (overview + findings)' },
  exportJson: { 'zh-CN': 'JSON', en: 'JSON' },
  exportSarif: { 'zh-CN': 'SARIF', en: 'SARIF' },
  exportConfig: { 'zh-CN': '导出设置 fzlint.config.json', en: 'Export settings as fzlint.config.json' },
  sheetOverview: { 'zh-CN': '总览', en: 'Overview' },
  sheetFindings: { 'zh-CN': '问题', en: 'Findings' },
  chartScores: { 'zh-CN': '总分分布', en: 'Score distribution' },
  chartFamilies: { 'zh-CN': '按规则类别的问题数', en: 'Findings by family' },
  chartRules: { 'zh-CN': '按规则的问题数（前 15）', en: 'Findings by rule (top 15)' },
  chartReferences: { 'zh-CN': '最常见的过时引用（前 10）', en: 'Most frequent outdated references (top 10)' },
  chartReports: { 'zh-CN': '报告数', en: 'Reports' },
  chartFindings: { 'zh-CN': '问题数', en: 'Findings' },
  chartNone: { 'zh-CN': '没有数据', en: 'No data' },
  back: { 'zh-CN': '返回总览', en: 'Back to the overview' },
  scorecard: { 'zh-CN': '评分', en: 'Scorecard' },
  findings: { 'zh-CN': '问题（{n}）', en: 'Findings ({n})' },
  noFindings: { 'zh-CN': '没有发现问题。', en: 'No findings.' },
  text: { 'zh-CN': '正文', en: 'Text' },
  keys: { 'zh-CN': '快捷键：J / ↓ 下一个问题，K / ↑ 上一个，Esc 返回总览', en: 'Keys: J / ↓ next finding, K / ↑ previous, Esc back to the overview' },
  copyFindings: { 'zh-CN': '复制本报告的问题（用于函告）', en: 'Copy this report’s findings (for a letter)' },
  copied: { 'zh-CN': '已复制到剪贴板；也可在下框中选择文本。', en: 'Copied to the clipboard; the text is also below to select.' },
  letterHead: { 'zh-CN': '关于《{title}》的审查意见', en: 'Review of “{title}”' },
  letterIntro: {
    'zh-CN': '经 fzlint 检查（{date}），该报告存在以下问题（错误 {e} 项、警告 {w} 项、提示 {i} 项）：',
    en: 'Checked with fzlint ({date}), the report has these findings ({e} errors, {w} warnings, {i} infos):',
  },
  letterNone: { 'zh-CN': '经 fzlint 检查（{date}），未发现问题。', en: 'Checked with fzlint ({date}): no findings.' },
  letterScore: { 'zh-CN': '评分：总分 {total}（内容完整 {c}，原因分析 {k}，数据运用 {d}，安排具体 {p}，公开及时 {t}）。', en: 'Scores: total {total} (complete {c}, causes {k}, data {d}, plan {p}, timely {t}).' },
  line: { 'zh-CN': '第 {n} 行', en: 'line {n}' },
  paragraph: { 'zh-CN': '第 {n} 段', en: 'paragraph {n}' },
  sevError: { 'zh-CN': '错误', en: 'error' },
  sevWarn: { 'zh-CN': '警告', en: 'warning' },
  sevInfo: { 'zh-CN': '提示', en: 'info' },
  verdictPass: { 'zh-CN': '通过', en: 'pass' },
  verdictPartial: { 'zh-CN': '部分', en: 'partial' },
  verdictFail: { 'zh-CN': '未通过', en: 'fail' },
  verdictUnknown: { 'zh-CN': '无法判断', en: 'unknown' },
  settingsTitle: { 'zh-CN': '设置', en: 'Settings' },
  reportYear: { 'zh-CN': '报告年度（留空则按各报告自述）', en: 'Report year (empty: as each report states)' },
  rulesOnOff: { 'zh-CN': '规则开关', en: 'Rules on/off' },
  importConfig: { 'zh-CN': '导入 fzlint.config.json…', en: 'Import fzlint.config.json…' },
  save: { 'zh-CN': '保存并重新检查', en: 'Save and re-check' },
  cancel: { 'zh-CN': '取消', en: 'Cancel' },
  configError: { 'zh-CN': '{name}：不是有效的 fzlint.config.json（{detail}）', en: '{name}: not a valid fzlint.config.json ({detail})' },
} as const;

/** A string id. */
export type StringId = keyof typeof STRINGS;

let current: Locale = 'zh-CN';

/** Sets the page's language. */
export function setLocale(locale: Locale): void {
  current = locale;
}

/** The page's language. */
export function locale(): Locale {
  return current;
}

/** A string in the page's language, `{name}` placeholders filled. */
export function t(id: StringId, data: Readonly<Record<string, string | number>> = {}): string {
  const template: string = STRINGS[id][current];
  return template.replace(/\{(\w+)\}/g, (m, key: string) => (key in data ? String(data[key]) : m));
}
