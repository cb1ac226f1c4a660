/**
 * The messages of the file pipeline: what went wrong finding, reading,
 * decoding, converting or linting one input, and what to do about it. zh-CN
 * first, `en` second. Problems are data (`{ id, data, level }`) so that every
 * front end words them the same way: the CLI prints `fzlint: ` + the message,
 * the web workbench shows it beside the dropped file.
 */

/** Locales of the messages. */
export type InputLocale = 'zh-CN' | 'en';

interface Template {
  readonly 'zh-CN': string;
  readonly en: string;
}

/** The templates, by id; `{{name}}` is replaced by the problem's data. */
export const INPUT_MESSAGES = {
  // Finding inputs
  missingPath: {
    'zh-CN': '{{path}}：文件或目录不存在 — 检查路径拼写',
    en: '{{path}}: no such file or directory — check the path',
  },
  noMatch: {
    'zh-CN': '没有与“{{pattern}}”匹配的文件 — 检查通配符和当前目录',
    en: 'no files match "{{pattern}}" — check the glob and the current directory',
  },
  emptyDir: {
    'zh-CN': '{{path}}：目录中没有报告文件（.md、.markdown、.txt、.docx、.html）— 检查目录或忽略规则',
    en: '{{path}}: no report files (.md, .markdown, .txt, .docx, .html) in this directory — check the directory or the ignore rules',
  },
  allIgnored: {
    'zh-CN': '{{path}}：其中的报告文件都被忽略规则排除 — 如需检查，使用 --no-ignore 或修改忽略规则',
    en: '{{path}}: every report in it is ignored — use --no-ignore or change the ignore rules to lint them',
  },
  noFiles: {
    'zh-CN': '没有找到要检查的文件 — 给出报告文件或目录，例如 fzlint reports/',
    en: 'no files to lint — name report files or directories, e.g. fzlint reports/',
  },
  ignoredFile: {
    'zh-CN': '{{path}}：文件被忽略规则（{{source}}）排除，未检查 — 如需检查，使用 --no-ignore 或修改忽略规则',
    en: '{{path}}: file ignored by {{source}}, not linted — use --no-ignore or change the ignore rules to lint it',
  },
  notAFile: {
    'zh-CN': '{{path}}：不是普通文件，已跳过',
    en: '{{path}}: not a regular file, skipped',
  },
  vanished: {
    'zh-CN': '{{path}}：检查过程中文件被删除或移动，已跳过 — 重新运行 fzlint',
    en: '{{path}}: the file disappeared during the run, skipped — run fzlint again',
  },
  unreadable: {
    'zh-CN': '{{path}}：无法读取（{{code}}）— 检查文件权限',
    en: '{{path}}: cannot read ({{code}}) — check the file permissions',
  },
  // Reading and decoding
  gbk: {
    'zh-CN': '{{path}}：文件不是 UTF-8 编码，已按 GBK 解码 — 建议另存为 UTF-8',
    en: '{{path}}: not UTF-8, decoded as GBK — save the file as UTF-8',
  },
  utf16: {
    'zh-CN': '{{path}}：文件为 UTF-16 编码，已解码 — 建议另存为 UTF-8',
    en: '{{path}}: UTF-16 encoded, decoded — save the file as UTF-8',
  },
  undecodable: {
    'zh-CN': '{{path}}：无法识别文件编码（既不是 UTF-8 也不是 GBK），已跳过 — 请另存为 UTF-8',
    en: '{{path}}: unknown encoding (neither UTF-8 nor GBK), skipped — save the file as UTF-8',
  },
  binary: {
    'zh-CN': '{{path}}：看起来是二进制文件（含 NUL 字节），已跳过 — 只检查文本报告；UTF-16 文件需带 BOM',
    en: '{{path}}: looks binary (contains NUL bytes), skipped — only text reports are linted; UTF-16 files need a BOM',
  },
  empty: {
    'zh-CN': '{{path}}：文件为空，已跳过',
    en: '{{path}}: file is empty, skipped',
  },
  tooLarge: {
    'zh-CN': '{{path}}：文件 {{size}} MB，超过 10 MB 上限，已跳过 — 确认它是报告，或拆分后再检查',
    en: '{{path}}: {{size}} MB is over the 10 MB limit, skipped — check it is a report, or split it',
  },
  notDocx: {
    'zh-CN': '{{path}}：无法读取 Word 文档（{{detail}}），已跳过 — 确认它是 .docx（不是 .doc 或 .wps），必要时在 Word 中另存为 .docx',
    en: '{{path}}: cannot read the Word document ({{detail}}), skipped — check it is a .docx (not .doc or .wps); re-save it as .docx in Word if needed',
  },
  readFailed: {
    'zh-CN': '{{path}}：无法读取文件内容（{{detail}}），已跳过 — 确认文件完好，或另存后再检查',
    en: '{{path}}: cannot read its contents ({{detail}}), skipped — check the file is intact, or save it again',
  },
  notPdf: {
    'zh-CN': '{{path}}：无法读取 PDF 文件（{{detail}}），已跳过 — 确认文件完整、确实是 PDF',
    en: '{{path}}: cannot read the PDF ({{detail}}), skipped — check the file is a complete PDF',
  },
  pdfEncrypted: {
    'zh-CN': '{{path}}：PDF 设有打开密码，已跳过 — 请提供未加密的文件',
    en: '{{path}}: the PDF is password-protected, skipped — ask for an unencrypted copy',
  },
  pdfScanned: {
    'zh-CN': '{{path}}：是扫描件（PDF 中没有文字层），已跳过 — 请提供文字版 PDF 或 Word 文档，或先做文字识别（OCR）',
    en: '{{path}}: a scan (no text layer in the PDF), skipped — ask for a text PDF or a Word file, or run OCR first',
  },
  overMemoryBudget: {
    'zh-CN': '{{path}}：检查此文件所需内存超过 {{budget}} MB 的预算，已跳过 — 确认它是报告（而非生成或损坏的文件），或拆分后再检查',
    en: '{{path}}: linting it needs more than the {{budget}} MB memory budget, skipped — check it is a report (not a generated or damaged file), or split it',
  },
  docxTooLarge: {
    'zh-CN': '{{path}}：Word 文档解压后的内容超过 {{limit}} MB，已跳过 — 确认它是报告，或另存为 .txt 后再检查',
    en: '{{path}}: the Word document holds more than {{limit}} MB once uncompressed, skipped — check it is a report, or save it as .txt',
  },
  docxTooDeep: {
    'zh-CN': '{{path}}：Word 文档的元素嵌套超过 {{limit}} 层，已跳过 — 在 Word 中另存一份，或另存为 .txt 后再检查',
    en: '{{path}}: the Word document nests elements more than {{limit}} deep, skipped — save a fresh copy from Word, or save it as .txt',
  },
  htmlTooDeep: {
    'zh-CN': '{{path}}：网页元素嵌套超过 {{limit}} 层，更深的元素按所在段落读取',
    en: '{{path}}: the page nests elements more than {{limit}} deep; deeper elements are read as part of the paragraph they are in',
  },
  htmlNoText: {
    'zh-CN': '{{path}}：网页中没有找到报告正文，已跳过 — 确认保存的是报告页面本身，或将正文复制为 .txt',
    en: '{{path}}: no report text found in the page, skipped — check the saved page is the report itself, or copy its text to a .txt',
  },
  // Config, linting and writing
  configError: {
    'zh-CN': '配置错误：{{detail}} — 修改配置文件后重试',
    en: 'configuration error: {{detail}} — fix the configuration file and run again',
  },
  previousUnusable: {
    'zh-CN': '上年度报告 {{detail}}；本次未与上年度报告对照',
    en: 'last year’s report: {{detail}}; the reports were not compared with it',
  },
  lintFailed: {
    'zh-CN': '{{path}}：检查失败（{{detail}}）— 请报告此问题',
    en: '{{path}}: linting failed ({{detail}}) — please report this',
  },
  fixConverted: {
    'zh-CN': '{{path}}：--fix 不改写 Word 或网页文件，只报告问题 — 先运行 fzlint convert {{path}} -o 报告.md，再对 Markdown 使用 --fix',
    en: '{{path}}: --fix does not rewrite Word or web files, findings only — run fzlint convert {{path}} -o report.md and use --fix on the Markdown',
  },
  writeFailed: {
    'zh-CN': '{{path}}：无法写入（{{code}}）— 检查目录是否存在及写权限',
    en: '{{path}}: cannot write ({{code}}) — check that the folder exists and is writable',
  },
  cacheUnusable: {
    'zh-CN': '缓存文件 {{path}} 无法使用，已重建',
    en: 'cache file {{path}} was unusable and has been rebuilt',
  },
} as const satisfies Record<string, Template>;

/** Id of a file-pipeline message. */
export type InputMessageId = keyof typeof INPUT_MESSAGES;

/** A problem met with one input, as data; `level: 'error'` makes the CLI exit with 2. */
export interface InputProblem {
  readonly id: InputMessageId;
  readonly data: Readonly<Record<string, string | number>>;
  readonly level: 'error' | 'warning';
}

/** Builds a problem. */
export function inputProblem(
  id: InputMessageId,
  data: Readonly<Record<string, string | number>>,
  level: 'error' | 'warning' = 'error',
): InputProblem {
  return { id, data, level };
}

const PLACEHOLDER = /\{\{(\w+)\}\}/g;

/** A problem's message in a locale (without the `fzlint: ` prefix the CLI adds). */
export function inputMessage(problem: Pick<InputProblem, 'id' | 'data'>, locale: InputLocale = 'zh-CN'): string {
  const template: Template = INPUT_MESSAGES[problem.id];
  return template[locale].replace(PLACEHOLDER, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(problem.data, name) ? String(problem.data[name]) : whole,
  );
}
