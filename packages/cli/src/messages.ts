/**
 * Every line the command itself prints (not the findings: those come from the
 * rules through the formatters). zh-CN first, `en` for `--locale en`.
 *
 * A message is `<what> — <what to do>`; `format` prefixes `fzlint: ` so that a
 * user who sees the line in CI logs knows which tool spoke.
 */
import { INPUT_MESSAGES } from '@fzlint/input';

/** Locales of the command's own messages. */
export type CliLocale = 'zh-CN' | 'en';

interface Template {
  readonly 'zh-CN': string;
  readonly en: string;
}

const MESSAGES = {
  // Finding, reading, converting and linting inputs: shared with every front end (@fzlint/input).
  ...INPUT_MESSAGES,

  // Usage
  unknownOption: {
    'zh-CN': '未知选项 {{option}} — 运行 fzlint --help 查看可用选项',
    en: 'unknown option {{option}} — run fzlint --help for the list of options',
  },
  missingValue: {
    'zh-CN': '选项 {{option}} 缺少取值 — 写成 {{option}} <值>',
    en: 'option {{option}} needs a value — write {{option}} <value>',
  },
  badArgs: {
    'zh-CN': '无法解析命令行：{{detail}} — 运行 fzlint --help 查看用法',
    en: 'cannot parse the command line: {{detail}} — run fzlint --help for usage',
  },
  badFormat: {
    'zh-CN': '未知的输出格式“{{name}}” — 可用格式：{{allowed}}',
    en: 'unknown format "{{name}}" — use one of: {{allowed}}',
  },
  badFormatPath: {
    'zh-CN': '--format {{value}} 缺少输出路径 — 写成 --format 名称:路径，例如 sarif:out.sarif',
    en: '--format {{value}} has no output path — write --format name:path, e.g. sarif:out.sarif',
  },
  badRule: {
    'zh-CN': "无法解析 --rule “{{value}}” — 写成 'id: 严重级别' 或 'id: [严重级别, 选项]'，严重级别为 off、info、warn、error",
    en: "cannot parse --rule \"{{value}}\" — write 'id: severity' or 'id: [severity, options]' with severity off, info, warn or error",
  },
  badSeverity: {
    'zh-CN': '--rule {{id}} 的严重级别“{{value}}”无效 — 可用值：off、info、warn、error',
    en: 'invalid severity "{{value}}" for --rule {{id}} — use off, info, warn or error',
  },
  badRuleOverride: {
    'zh-CN': '{{detail}} — 运行 fzlint --help 查看规则列表',
    en: '{{detail}} — run fzlint --help for the list of rules',
  },
  unknownRule: {
    'zh-CN': '未知规则 {{id}} — 运行 fzlint --help 查看规则列表',
    en: 'unknown rule {{id}} — run fzlint --help for the list of rules',
  },
  badYear: {
    'zh-CN': '--report-year “{{value}}”不是有效年份 — 写成四位数年份，例如 --report-year 2023',
    en: '--report-year "{{value}}" is not a year — write four digits, e.g. --report-year 2023',
  },
  badDate: {
    'zh-CN': '--writing-date “{{value}}”不是有效日期 — 写成 YYYY-MM-DD，例如 --writing-date 2024-03-15',
    en: '--writing-date "{{value}}" is not a date — write YYYY-MM-DD, e.g. --writing-date 2024-03-15',
  },
  badLocale: {
    'zh-CN': '--locale “{{value}}”不受支持 — 可用值：zh-CN、en',
    en: 'unsupported --locale "{{value}}" — use zh-CN or en',
  },
  badMaxWarnings: {
    'zh-CN': '--max-warnings “{{value}}”不是非负整数 — 例如 --max-warnings 0',
    en: '--max-warnings "{{value}}" is not a non-negative integer — e.g. --max-warnings 0',
  },
  badCacheStrategy: {
    'zh-CN': '--cache-strategy “{{value}}”无效 — 写成 metadata 或 content',
    en: 'invalid --cache-strategy "{{value}}" — use metadata or content',
  },
  badConcurrency: {
    'zh-CN': '--concurrency “{{value}}”无效 — 写成正整数或 auto',
    en: 'invalid --concurrency "{{value}}" — use a positive integer or auto',
  },
  conflict: {
    'zh-CN': '{{a}} 不能与 {{b}} 同时使用 — 只保留其中一个',
    en: '{{a}} cannot be used with {{b}} — keep only one of them',
  },
  stdinWithFiles: {
    'zh-CN': '使用 --stdin 时不能再给出文件 — 去掉文件参数，或去掉 --stdin',
    en: '--stdin cannot be combined with file arguments — drop the files or drop --stdin',
  },
  stdinFilenameWithoutStdin: {
    'zh-CN': '--stdin-filename 只能与 --stdin 一起使用 — 加上 --stdin',
    en: '--stdin-filename only works with --stdin — add --stdin',
  },
  stdinFix: {
    'zh-CN': '--fix 不能修改标准输入 — 改用 --fix-dry-run，修复结果见 json 输出的 output 字段',
    en: '--fix cannot write to standard input — use --fix-dry-run and read "output" in the json format',
  },
  printConfigWithFiles: {
    'zh-CN': '--print-config 只接受它自己的一个文件 — 去掉其他文件参数',
    en: '--print-config takes exactly its own file — drop the other file arguments',
  },
  inspectNeedsFile: {
    'zh-CN': 'inspect 需要恰好一个文件 — 写成 fzlint inspect 报告.md',
    en: 'inspect needs exactly one file — write fzlint inspect report.md',
  },
  inspectFormat: {
    'zh-CN': 'inspect 只支持 --format text 或 json — 去掉其他格式',
    en: 'inspect supports only --format text or json — drop the other formats',
  },
  notBuilt: {
    'zh-CN': '无法加载 {{module}}：{{detail}} — 先运行 pnpm build',
    en: 'cannot load {{module}}: {{detail}} — run pnpm build first',
  },
  internalError: {
    'zh-CN': '内部错误：{{detail}} — 请附上命令行报告此问题',
    en: 'internal error: {{detail}} — please report this with the command line',
  },

  // Inputs
  ruleFailure: {
    'zh-CN': '{{path}}：规则 {{rule}} 运行出错（{{detail}}）— 其余规则的结果仍然有效，请报告此问题',
    en: '{{path}}: rule {{rule}} crashed ({{detail}}) — the other rules ran; please report this',
  },

  convertNeedsFile: {
    'zh-CN': 'convert 需要恰好一个 .docx、.html 或 .pdf 文件 — 写成 fzlint convert 报告.docx -o 报告.md',
    en: 'convert needs exactly one .docx, .html or .pdf file — write fzlint convert report.docx -o report.md',
  },
  convertFormat: {
    'zh-CN': 'convert 只转换 .docx、.html、.htm、.pdf 文件，{{path}} 不是 — Markdown 和文本文件可直接检查',
    en: 'convert converts .docx, .html, .htm and .pdf files only, not {{path}} — Markdown and text files are linted as they are',
  },
  webOutWithFiles: {
    'zh-CN': 'web --out 只写出审查台，不带报告 — 要载入报告，使用 fzlint web --open 报告目录/',
    en: 'web --out writes the workbench alone, without reports — to load reports, use fzlint web --open reports/',
  },
  webSingleFile: {
    'zh-CN': '--single-file 只用于 web --out — 写成 fzlint web --out 审查台/ --single-file',
    en: '--single-file goes with web --out — write fzlint web --out workbench/ --single-file',
  },
  webOnly: {
    'zh-CN': '{{option}} 只用于 fzlint web — 例如 fzlint web --out 审查台/',
    en: '{{option}} goes with fzlint web only — e.g. fzlint web --out workbench/',
  },
  webWritten: {
    'zh-CN': '已写出审查台：{{path}} — 把整个目录复制到离线电脑，双击 index.html 打开',
    en: 'wrote the workbench: {{path}} — copy the folder to the offline PC and open index.html',
  },
  webServing: {
    'zh-CN': '审查台已在 {{url}} 打开（{{count}} 份报告）— 按 Ctrl+C 结束',
    en: 'the workbench is at {{url}} ({{count}} reports) — press Ctrl+C to stop',
  },
  previousWhere: {
    'zh-CN': '--previous 只用于检查、inspect 和 score，不能与 {{command}} 同时使用 — 写成 fzlint --previous 上年度报告.md 本年度报告.md',
    en: '--previous goes with linting, inspect and score, not with {{command}} — write fzlint --previous last-year.md this-year.md',
  },
  scoreNeedsFile: {
    'zh-CN': 'score 需要至少一个报告文件 — 写成 fzlint score 报告.md',
    en: 'score needs at least one report file — write fzlint score report.md',
  },
  scoreFormat: {
    'zh-CN': 'score 只支持 --format text 或 json — 去掉其他格式',
    en: 'score supports only --format text or json — drop the other formats',
  },
  catalogueFormat: {
    'zh-CN': 'catalogue 只支持 --format text 或 json — 去掉其他格式',
    en: 'catalogue supports only --format text or json — drop the other formats',
  },
  catalogueFlags: {
    'zh-CN': 'catalogue 查询时效目录，不读报告，不能与 {{option}} 同时使用 — 写成 fzlint catalogue 行政处罚法',
    en: 'catalogue searches the catalogue and reads no report; {{option}} does not go with it — write fzlint catalogue 行政处罚法',
  },
  catalogueNothing: {
    'zh-CN': '时效目录中没有与“{{query}}”相符的条目 — 换一个名称、简称或条目 id 再试',
    en: 'no catalogue entry matches “{{query}}” — try another name, short name or entry id',
  },
  figuresOnly: {
    'zh-CN': '--figures 只用于 inspect — 写成 fzlint inspect --figures 报告.md',
    en: '--figures goes with inspect only — write fzlint inspect --figures report.md',
  },

  // Results
  tooManyWarnings: {
    'zh-CN': '警告 {{count}} 个，超过 --max-warnings {{max}} — 修正警告，或调高上限',
    en: '{{count}} warnings exceed --max-warnings {{max}} — fix warnings or raise the limit',
  },
  suppressedWritten: {
    'zh-CN': '已将 {{count}} 个问题记入 {{path}}；之后只报告新问题',
    en: 'recorded {{count}} findings in {{path}}; later runs report only new ones',
  },
  suppressionsPruned: {
    'zh-CN': '已从 {{path}} 删去 {{count}} 个已修正问题的记录',
    en: 'removed {{count}} fixed findings from {{path}}',
  },
} as const satisfies Record<string, Template>;

/** Id of a command message. */
export type MessageId = keyof typeof MESSAGES;

const PLACEHOLDER = /\{\{(\w+)\}\}/g;

/** Renders a message without the `fzlint: ` prefix. */
export function message(locale: CliLocale, id: MessageId, data: Readonly<Record<string, string | number>> = {}): string {
  const template: Template = MESSAGES[id];
  return template[locale].replace(PLACEHOLDER, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(data, name) ? String(data[name]) : whole,
  );
}

/** Renders a message as the one line the command prints (`fzlint: …`). */
export function line(locale: CliLocale, id: MessageId, data: Readonly<Record<string, string | number>> = {}): string {
  return `fzlint: ${message(locale, id, data)}`;
}

/** A problem to print, kept as data so tests and callers can inspect it. */
export interface CliProblem {
  readonly id: MessageId;
  readonly data: Readonly<Record<string, string | number>>;
  /** `error` problems make the exit code 2; `warning` ones are only printed. */
  readonly level: 'error' | 'warning';
}

/** Helper to build a problem. */
export function problem(
  id: MessageId,
  data: Readonly<Record<string, string | number>>,
  level: 'error' | 'warning' = 'error',
): CliProblem {
  return { id, data, level };
}

/** Every message id, for tests that check both locales are filled. */
export const messageIds: readonly MessageId[] = Object.keys(MESSAGES) as MessageId[];

/** The template of a message, for tests. */
export function template(id: MessageId): Template {
  return MESSAGES[id];
}
