import type { CliLocale } from './messages.js';

/** A rule as `--help` lists it. */
export interface HelpRule {
  readonly id: string;
  readonly family: string;
  readonly description: { readonly 'zh-CN': string; readonly en: string };
}

/** The rule families (the README's table), described for `--help`. */
export const FAMILIES: readonly { readonly id: string; readonly 'zh-CN': string; readonly en: string }[] = [
  { id: 'structure', 'zh-CN': '结构：必备内容缺失、原因分析缺失、标题编号、年份一致性、公开时限', en: 'structure: required contents, cause analysis, heading numbering, year consistency, disclosure deadline' },
  { id: 'statistics', 'zh-CN': '统计：办结数大于受理数、分项之和、比率与计数矛盾', en: 'statistics: concluded above received, parts vs totals, rates contradicting counts' },
  { id: 'references', 'zh-CN': '引用：过时或尚未出台的政策、规划、会议、机构名称', en: 'references: outdated or not-yet-existing policies, plans, congresses, organisation names' },
  { id: 'style', 'zh-CN': '用语：确定可修正的错别字和误称、编号全半角混用', en: 'style: sure-fix typos and misnomers, mixed full/half-width numbering' },
  {
    id: 'continuity',
    'zh-CN': '延续性（对照上年度报告）：照搬的段落、重复的不足、上年安排未见落实、上年数字前后不一',
    en: "continuity (beside last year's report): copied passages, repeated shortcomings, last year's plan not reported, restated figures",
  },
];

const USAGE = {
  'zh-CN': `用法：fzlint [选项] <文件|目录|通配符>…
      fzlint --previous <上年度报告> <本年度报告>…
      fzlint inspect [--figures] <文件> [--format text|json]
      fzlint catalogue [<名称|简称|id>] [--format text|json]
      fzlint convert <文件.docx|文件.html|文件.pdf> [-o 文件.md]
      fzlint score <文件|目录>… [--format text|json]
      fzlint web --out <目录> [--single-file] | --open [<文件|目录>…]

检查法治政府建设年度报告（.md、.markdown、.txt，以及 Word .docx、从政府网站保存的 .html 和文字版 .pdf）。
目录会递归查找报告文件；.fzlintignore 中的模式以及 node_modules、.git 默认忽略。
.docx、.html 与 .pdf 的问题位置以段落编号代替行号（行 = 段落）；convert 生成可继续编辑的 Markdown 草稿；
score 按第三方评估的方式给出内容完整、原因分析、数据运用、安排具体、公开及时的评分及依据；
web --out 写出可复制到离线电脑、双击即用的审查台网页，web --open 在浏览器中打开审查台并载入给出的报告。
inspect --figures 列出数据台账（每个数据的对象、量、口径、时期，以及同一指标的其他数据所在行）；
catalogue 列出或查找时效目录的条目（类别、名称、各版本或起止日期、后继、来源、置信度），含配置中的 catalogue 条目。
continuity 规则对照上年度报告：--previous 给出时用于所有文件；否则用配置中的 previousReport；
再否则在一同检查的文件中自动配对（同一发文单位、报告年度减一）；inspect 显示配对结果及理由。

选项：
  -f, --format <名称[:路径]>     输出格式 stylish（默认）、json、sarif、github、gitlab；可重复，
                                 名称:路径 写入文件，例如 --format sarif:fzlint.sarif
  -o, --output-file <路径>       未指定路径的输出写入此文件而非标准输出
      --fix                      自动修复并写回文件
      --fix-dry-run              计算修复但不写回（json 输出含 output 字段）
      --figures                  inspect 时列出数据台账而不是文档结构
      --previous <文件>          上年度报告，与给出的每份报告对照（continuity 规则）；
                                 可用于检查、inspect 和 score
  -c, --config <路径>            使用此配置文件，不再向上查找
      --rule '<id>: <级别>'      覆盖规则设置，级别为 off、info、warn、error；
                                 也可写 '<id>: ["warn", {选项}]'；可重复
      --report-year <年份>       报告年度（覆盖配置和正文）
      --writing-date <YYYY-MM-DD> 成文日期（覆盖配置和落款）
      --locale <zh-CN|en>        消息语言
      --max-warnings <数量>      警告超过此数时退出码为 1；-1 表示不设上限（默认）
      --quiet                    只报告错误
      --cache                    缓存未改动文件的结果（node_modules/.cache/fzlint）
      --cache-location <路径>    缓存文件或目录
      --cache-strategy <方式>    判断文件未改动的方式：metadata（默认，大小和修改时间）
                                 或 content（内容哈希，适合会重置修改时间的检出）
      --concurrency <数量|auto>  工作线程数；auto（默认）在文件较多（60 个以上）时按核心数使用多个线程
      --print-config <文件>      打印该文件生效的配置
      --stdin                    从标准输入读取报告
      --stdin-filename <名称>    标准输入的文件名（决定格式和配置）
      --suppress-all             将现有问题全部记入 fzlint-suppressions.json
      --prune-suppressions       从记录中删去已修正的问题
      --suppressions-location <路径>  抑制记录文件的位置
      --no-ignore                不使用 .fzlintignore 和配置中的 ignorePatterns
      --no-color                 不输出颜色
  -v, --version                  显示版本
  -h, --help                     显示帮助

退出码：0 没有错误；1 有错误（或警告超过 --max-warnings）；2 用法、配置或输入错误。`,
  en: `Usage: fzlint [options] <files|dirs|globs>…
       fzlint --previous <last-year> <this-year>…
       fzlint inspect [--figures] <file> [--format text|json]
       fzlint catalogue [<name|short name|id>] [--format text|json]
       fzlint convert <file.docx|file.html|file.pdf> [-o file.md]
       fzlint score <files|dirs>… [--format text|json]
       fzlint web --out <dir> [--single-file] | --open [<files|dirs>…]

Lints annual reports on building a law-based government (.md, .markdown, .txt,
Word .docx, .html pages saved from a government website, and text PDFs). Directories
are walked for report files; patterns in .fzlintignore, node_modules and .git are ignored.
For .docx, .html and .pdf, positions are paragraph numbers (line = paragraph); convert
writes a Markdown draft to go on with; score rates completeness, causes, data,
plan concreteness and timeliness the way third-party evaluators do, with the evidence;
web --out writes the reviewer's workbench, a page to copy to an offline PC and open by
double-click; web --open opens it in the browser with the given reports loaded.
inspect --figures lists the figures ledger (each figure's object, measure, scope and
period, and the lines of the other figures of the same key); catalogue lists or searches
the catalogue (kind, name, versions or period, successor, source, confidence), the
config's catalogue entries included.
The continuity rules compare a report with last year's: --previous for every file given,
else the config's previousReport, else the report of the same issuer for the year before
among the files linted together (paired automatically); inspect shows the pair and why.

Options:
  -f, --format <name[:path]>     output format stylish (default), json, sarif, github, gitlab;
                                 repeatable, name:path writes a file, e.g. --format sarif:fzlint.sarif
  -o, --output-file <path>       write the outputs without their own path to this file
      --fix                      apply fixes and write the files
      --fix-dry-run              compute fixes without writing (json output has "output")
      --figures                  with inspect: the figures ledger instead of the outline
      --previous <file>          last year's report, compared with every report given
                                 (continuity rules); for linting, inspect and score
  -c, --config <path>            use this config file instead of searching upward
      --rule '<id>: <severity>'  override a rule: off, info, warn, error;
                                 or '<id>: ["warn", {options}]'; repeatable
      --report-year <year>       report year (overrides config and text)
      --writing-date <YYYY-MM-DD> writing date (overrides config and signature)
      --locale <zh-CN|en>        message language
      --max-warnings <n>         exit 1 when there are more warnings than this; -1 means no limit (the default)
      --quiet                    report errors only
      --cache                    reuse results of unchanged files (node_modules/.cache/fzlint)
      --cache-location <path>    cache file or folder
      --cache-strategy <kind>    how unchanged files are recognised: metadata (default,
                                 size and modification time) or content (content hash,
                                 for checkouts that reset modification times)
      --concurrency <n|auto>     worker threads; auto (default) uses one per core for many (60+) files
      --print-config <file>      print the configuration that applies to a file
      --stdin                    read the report from standard input
      --stdin-filename <name>    file name for standard input (chooses format and config)
      --suppress-all             record every current finding in fzlint-suppressions.json
      --prune-suppressions       drop recorded findings that are fixed
      --suppressions-location <path>  where the suppressions file is
      --no-ignore                disable .fzlintignore and config ignorePatterns
      --no-color                 no colours
  -v, --version                  print the version
  -h, --help                     print this help

Exit codes: 0 no errors; 1 errors (or warnings above --max-warnings); 2 usage, config or input error.`,
} as const;

/** The `--help` text: usage, options, then the rule families and their rules. */
export function helpText(locale: CliLocale, rules: readonly HelpRule[] | undefined): string {
  const out: string[] = [USAGE[locale], ''];
  out.push(locale === 'en' ? 'Rules (family/name):' : '规则（族/名称）：');
  for (const family of FAMILIES) {
    out.push(`  ${family[locale]}`);
    const inFamily = (rules ?? []).filter((r) => r.family === family.id);
    for (const r of inFamily) out.push(`    ${r.id.padEnd(44)} ${r.description[locale]}`);
  }
  if (rules === undefined) {
    out.push(locale === 'en' ? '  (rule list unavailable: run pnpm build)' : '  （规则列表不可用：请先运行 pnpm build）');
  }
  out.push('');
  out.push(locale === 'en' ? 'Rule documentation: docs/rules/<family>/<name>.md' : '规则文档：docs/rules/<族>/<名称>.md');
  return `${out.join('\n')}\n`;
}
